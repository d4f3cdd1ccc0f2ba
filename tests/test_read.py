"""Readers: encodings, containers and bad input become pages or error rows."""
import json
import zipfile

import pytest

from isnad.model import Page, PageError
from isnad.read import ReadError, decode, read_inputs

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
    text, found = decode(encoded)
    assert text == SENTENCE
    assert found == encoding


def test_a_utf8_sequence_cut_at_the_end_is_dropped():
    data = SENTENCE.encode("utf-8")[:-3] + "ع".encode("utf-8")[:1]
    text, _ = decode(data)
    assert text == SENTENCE[:-2]


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


def test_a_record_names_its_publication_date_in_the_usual_ways(tmp_path):
    records = [{"id": "a", "text": SENTENCE, "datePublished": "2024-01-26T08:00:00Z"},
               {"id": "b", "text": SENTENCE, "date": "2024-01-27", "published_at": "2024-01-25"},
               {"id": "c", "text": SENTENCE, "date_extracted": "2015-08-01 08:00:57"}]
    (tmp_path / "r.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    pages = list(read_inputs([str(tmp_path / "r.jsonl")]))
    assert [p.meta.get("published") for p in pages] == ["2024-01-26T08:00:00Z", "2024-01-25", None]


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
