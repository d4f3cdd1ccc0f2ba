"""Readers: encodings, containers and bad input become pages or error rows."""
import json
import zipfile

import pytest

from isnad.model import Page, PageError
from isnad.options import RunOptions
from isnad.read import ReadError, decode, parse_field_option, read_inputs

SENTENCE = "قال المتحدث باسم الكرملين دميتري بيسكوف إن التقرير لا يتوافق مع الواقع."


@pytest.mark.parametrize(
    "encoded, encoding",
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), "utf-8"),
        (SENTENCE.encode("utf-16"), "utf-16-le"),
        (SENTENCE.encode("utf-16-le"), "utf-16-le"),
        (SENTENCE.encode("utf-16-be"), "utf-16-be"),
        (SENTENCE.encode("cp1256"), "windows-1256"),
    ],
)
def test_decode_detects_the_encoding(encoded, encoding):
    text, found, warning = decode(encoded)
    assert text == SENTENCE
    assert found == encoding and warning is None


@pytest.mark.parametrize("tail", [b"", b"\n", b"  \r\n"])
def test_a_utf8_character_cut_at_the_end_is_dropped_with_a_warning(tail):
    data = SENTENCE.encode("utf-8")[:-3] + "ع".encode("utf-8")[:1] + tail
    text, encoding, warning = decode(data)
    assert text == SENTENCE[:-2] + tail.decode()
    assert encoding == "utf-8"
    assert "cut off at the end" in warning and f"byte {len(data) - len(tail) - 1:,} of {len(data):,}" in warning


def test_a_four_byte_character_cut_after_three_bytes_is_dropped():
    data = SENTENCE.encode("utf-8") + "😀".encode("utf-8")[:3]
    assert decode(data).text == SENTENCE and "3 byte(s)" in decode(data).warning


@pytest.mark.parametrize("data", [
    SENTENCE.encode("utf-8")[:20] + b"\xd8" + SENTENCE.encode("utf-8"),  # a cut character inside the page
    SENTENCE.encode("utf-8") + b"\xd8\xa7\xa7",  # a stray continuation byte at the end: not a cut character
    SENTENCE.encode("utf-8") + b"\xd8 \xd8",  # invalid bytes with text between them
])
def test_invalid_utf8_before_the_end_is_still_an_error(data):
    with pytest.raises(ReadError, match="invalid UTF-8"):
        decode(data)


def test_a_page_cut_at_the_end_is_read_with_a_warning(tmp_path):
    data = (SENTENCE + "\n") * 100
    raw = data.encode("utf-8") + "ع".encode("utf-8")[:1]
    (tmp_path / "cut.txt").write_bytes(raw)
    [page] = read_inputs([str(tmp_path / "cut.txt")])
    assert isinstance(page, Page) and page.text == data
    assert len(page.warnings) == 1 and f"of {len(raw):,}" in page.warnings[0].warning


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (bytes(range(256)) * 20, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(4000), "binary"),
        (SENTENCE.encode("utf-8")[:20] + b"\xff\xfe" + SENTENCE.encode("utf-8"), "invalid UTF-8"),
    ],
)
def test_decode_rejects_bad_input_with_a_reason(data, message):
    with pytest.raises(ReadError, match=message):
        decode(data)


def _read_records(tmp_path, records, options=RunOptions()):
    (tmp_path / "r.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    return list(read_inputs([str(tmp_path / "r.jsonl")], options))


def test_a_record_names_its_publication_date_in_the_usual_ways(tmp_path):
    records = [{"id": "a", "text": SENTENCE, "datePublished": "2024-01-26T08:00:00Z"},
               {"id": "b", "text": SENTENCE, "date": "2024-01-27", "published_at": "2024-01-25"},
               {"id": "c", "text": SENTENCE, "date_extracted": "2015-08-01 08:00:57"}]
    pages = _read_records(tmp_path, records)
    assert [p.meta.get("published") for p in pages] == ["2024-01-26T08:00:00Z", "2024-01-25", None]
    assert pages[2].meta["crawled"] == "2015-08-01 08:00:57"  # a crawl time, kept apart


@pytest.mark.parametrize("record, expected", [
    # SaudiNewsNet
    ({"source": "aawsat", "url": "http://aawsat.com/home/article/1", "date_extracted": "2015-08-01 08:18:08",
      "title": "عنوان", "author": "الرياض - واس", "content": SENTENCE},
     {"outlet": "aawsat", "url": "http://aawsat.com/home/article/1", "crawled": "2015-08-01 08:18:08",
      "title": "عنوان", "author": "الرياض - واس"}),
    # newspaper / news-please
    ({"maintext": SENTENCE, "date_publish": "2019-03-14 10:22:00", "date_download": "2019-03-15 01:00:00",
      "source_domain": "aawsat.com", "url": "https://aawsat.com/x", "authors": ["أحمد", "محمد"], "title": "عنوان"},
     {"published": "2019-03-14 10:22:00", "crawled": "2019-03-15 01:00:00", "outlet": "aawsat.com",
      "url": "https://aawsat.com/x", "author": "أحمد، محمد", "title": "عنوان"}),
    # Media Cloud
    ({"stories_id": 42, "publish_date": "2020-01-12 09:00:00", "media_name": "Al Jazeera", "media_url":
      "http://www.aljazeera.net", "url": "https://www.aljazeera.net/news/1", "text": SENTENCE},
     {"published": "2020-01-12 09:00:00", "outlet": "Al Jazeera", "url": "https://www.aljazeera.net/news/1"}),
    # GDELT GKG with its article's text beside
    ({"GKGRECORDID": "20150801-1", "DATE": 20150801154500, "SourceCommonName": "alriyadh.com",
      "DocumentIdentifier": "http://www.alriyadh.com/1069644", "text": SENTENCE},
     {"crawled": 20150801154500, "outlet": "alriyadh.com", "url": "http://www.alriyadh.com/1069644"}),
    # RSS item as JSON
    ({"link": "https://example.com/a", "pubDate": "Sat, 01 Aug 2015 08:00:00 +0300", "dc:creator": "AFP",
      "content:encoded": SENTENCE, "title": "عنوان"},
     {"url": "https://example.com/a", "published": "Sat, 01 Aug 2015 08:00:00 +0300", "author": "AFP",
      "title": "عنوان"}),
    # NewsAPI: the source is an object
    ({"source": {"id": "reuters", "name": "Reuters"}, "publishedAt": "2024-01-26T08:00:00Z", "content": SENTENCE},
     {"outlet": "Reuters", "published": "2024-01-26T08:00:00Z"}),
])
def test_records_of_news_datasets_map_their_fields(tmp_path, record, expected):
    [page] = _read_records(tmp_path, [record])
    assert isinstance(page, Page) and page.text == SENTENCE
    assert page.meta == expected
    if "url" in expected:
        assert page.source == expected["url"]


def test_fields_named_by_the_user_come_first_and_may_be_nested(tmp_path):
    records = [{"body_ar": SENTENCE, "meta": {"day": "2015-08-03", "paper": "عكاظ"}, "date": "2015-01-01",
                "fetched": "2015-08-04"}]
    options = RunOptions(fields=(("text", "body_ar"), ("published", "meta.day"), ("outlet", "meta.paper"),
                                  ("crawled", "fetched")))
    [page] = _read_records(tmp_path, records, options)
    assert page.text == SENTENCE
    assert page.meta == {"published": "2015-08-03", "outlet": "عكاظ", "crawled": "2015-08-04"}


def test_the_fallback_date_goes_to_every_page(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    [page] = read_inputs([str(tmp_path / "a.txt")], RunOptions(published="2015-08-01"))
    assert page.meta["published_fallback"] == "2015-08-01"


@pytest.mark.parametrize("value, message", [
    ("published", "FIELD=KEY"), ("published=", "FIELD=KEY"), ("colour=x", "unknown field 'colour'"),
])
def test_field_options_are_checked(value, message):
    with pytest.raises(ValueError, match=message):
        parse_field_option(value)
    assert parse_field_option(" outlet = media ") == ("outlet", "media")


def test_a_record_without_text_names_the_option_that_maps_it(tmp_path):
    [error] = _read_records(tmp_path, [{"id": "x", "corps": SENTENCE}])
    assert isinstance(error, PageError) and "--field text=KEY" in error.error


def test_bad_pages_become_error_rows_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_good.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "d_records.jsonl").write_text(
        json.dumps({"id": "r1", "text": SENTENCE, "published": "2024-01-26"}, ensure_ascii=False)
        + "\n{broken\n"
        + json.dumps({"url": "http://example.org/x", "content": SENTENCE}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "e_empty_folder").mkdir()
    (tmp_path / "notes.md").write_text("not a page")
    got = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    got += read_inputs([str(tmp_path / "e_empty_folder")])
    pages = [p for p in got if isinstance(p, Page)]
    errors = {p.doc_id: p.error for p in got if isinstance(p, PageError)}
    assert [p.doc_id for p in pages] == ["a_good.txt", "d_records.jsonl#r1", "d_records.jsonl#http://example.org/x"]
    assert pages[1].meta["published"] == "2024-01-26"
    assert pages[2].source == "http://example.org/x"
    assert "empty" in errors["b_empty.txt"]
    assert "binary" in errors["c_binary.txt"]
    assert "not JSON" in errors["d_records.jsonl#2"]
    assert "no pages" in errors["e_empty_folder"]
    assert "no such file" in errors["missing.txt"]


def test_json_arrays_inside_zip_archives_are_read_record_by_record(tmp_path):
    records = [{"source": "spa", "url": f"http://example.org/{i}", "title": "عنوان", "content": SENTENCE}
               for i in range(3)] + [{"content": 5}]
    archive = tmp_path / "day.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("2015-08-01.json", json.dumps(records, ensure_ascii=False))
    got = list(read_inputs([str(archive)]))
    assert [p.doc_id for p in got] == ["day.zip!2015-08-01.json#http://example.org/0", "day.zip!2015-08-01.json#http://example.org/1",
                                       "day.zip!2015-08-01.json#http://example.org/2", "day.zip!2015-08-01.json#3"]
    assert all(isinstance(p, Page) and p.meta["title"] == "عنوان" for p in got[:3])
    assert isinstance(got[3], PageError)


def test_html_pages_go_through_main_content_extraction(tmp_path):
    body = "".join(f"<p>{SENTENCE} الفقرة رقم {i}.</p>" for i in range(4))
    html = (
        "<html><head><meta charset='utf-8'><title>الكرملين ينفي التقرير</title></head><body>"
        "<nav><a href='/'>الرئيسية</a> <a href='/w'>العالم</a></nav>"
        f"<article><h1>الكرملين ينفي التقرير</h1>{body}</article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (page,) = read_inputs([str(tmp_path / "page.html")])
    assert page.content_type == "html"
    assert page.meta["title"] == "الكرملين ينفي التقرير"
    assert "لا يتوافق مع الواقع" in page.text
    assert "جميع الحقوق محفوظة" not in page.text
    assert "الرئيسية" not in page.text
