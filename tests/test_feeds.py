"""RSS and Atom feeds: each item is a page (its content or summary through the
HTML path, its link, date, and the feed's title as outlet).  The feeds are
built from the example pages' text."""
import json
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from isnad import read
from isnad.cli import EXIT_OK, EXIT_PAGE_ERRORS, main
from isnad.model import Page, PageError, Skipped

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PAGES = sorted(EXAMPLES.glob("*.txt"))[:3]
DATES = ["Fri, 26 Jan 2024 10:00:00 +0300", "Sat, 27 Jan 2024 08:30:00 GMT", "Sun, 28 Jan 2024 23:10:00 +0000"]


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def paragraphs_html(path: Path) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def rss(items: list[str], title: str = "روسيا اليوم") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<channel><title>{title}</title><link>https://arabic.rt.com/</link>{''.join(items)}</channel></rss>")


def rss_item(i: int, path: Path) -> str:
    return (f"<item><title>خبر {i}</title><link>https://arabic.rt.com/world/{i}/</link><guid>rt-{i}</guid>"
            f"<pubDate>{DATES[i]}</pubDate><dc:creator>موسكو - RT</dc:creator>"
            f"<description>{escape(paragraphs_html(path))}</description></item>")


@pytest.fixture(scope="module")
def feed_run(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("feeds")
    (folder / "in").mkdir()
    (folder / "in" / "rt.rss").write_text(rss([rss_item(i, p) for i, p in enumerate(PAGES)]), encoding="utf-8")
    for i, path in enumerate(PAGES):  # the same items' HTML as pages of their own
        (folder / "html" / f"{i}.html").parent.mkdir(exist_ok=True)
        (folder / "html" / f"{i}.html").write_text(
            f"<html><head><title>خبر {i}</title></head><body>{paragraphs_html(path)}</body></html>", encoding="utf-8")
    assert main(["run", str(folder / "in"), "--out", str(folder / "out"), "--no-corpus"]) == EXIT_OK
    assert main(["run", str(folder / "html"), "--out", str(folder / "html-out"), "--no-corpus"]) == EXIT_OK
    return folder


def test_each_item_is_a_page_with_its_link_date_and_the_feeds_outlet(feed_run):
    documents = rows(feed_run / "out" / "documents.jsonl")
    assert [d["doc_id"] for d in documents] == ["rt.rss#rt-0", "rt.rss#rt-1", "rt.rss#rt-2"]
    assert all(d["content_type"] == "html" and "<p>" not in d["text"] for d in documents)
    firsts = {a["doc_id"]: a for a in rows(feed_run / "out" / "articles.jsonl") if a["article_index"] == 0}
    for i, doc_id in enumerate(firsts):
        article = firsts[doc_id]
        assert article["source"] == f"https://arabic.rt.com/world/{i}/"
        stated = "تاريخ النشر: 26th, January 2024" in PAGES[i].read_text(encoding="utf-8")  # example 002
        expected = ("2024-01-26", "text") if stated else (f"2024-01-{26 + i}", "metadata")  # the page's own first
        assert (article["published"], article["published_source"]) == expected
        assert (article["outlet"], article["outlet_source"]) == ("RT Arabic", "metadata")
        assert article["title"] == f"خبر {i}"


def test_items_go_through_the_html_path_as_pages_do(feed_run):
    def said(out: Path) -> list[tuple]:
        return [(s["speaker"]["name"], s["stance"], s["content"]) for s in rows(out / "statements.jsonl")]

    from_feed = said(feed_run / "out")
    assert from_feed and from_feed == said(feed_run / "html-out")


def test_an_atom_feed_with_xhtml_and_text_content(tmp_path):
    text = PAGES[1].read_text(encoding="utf-8")
    xhtml = paragraphs_html(PAGES[1])
    atom = ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>الشرق الأوسط</title>"
            '<entry><title>أ</title><id>urn:a</id><link rel="alternate" href="https://aawsat.com/a"/>'
            f'<updated>2024-01-27T10:00:00Z</updated><author><name>واشنطن</name></author>'
            f'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{xhtml}</div></content></entry>'
            '<entry><title>ب</title><id>urn:b</id><link href="https://aawsat.com/b"/>'
            f'<published>2024-01-25T10:00:00Z</published><updated>2024-01-28T10:00:00Z</updated>'
            f'<summary type="text">{escape(text)}</summary></entry></feed>')
    (tmp_path / "news.atom").write_text(atom, encoding="utf-8")
    got = [p for p in read.read_inputs([str(tmp_path / "news.atom")])]
    assert [type(p) for p in got] == [Page, Page]
    first, second = got
    assert (first.doc_id, first.source, first.content_type) == ("news.atom#urn:a", "https://aawsat.com/a", "html")
    assert first.meta["published"] == "2024-01-27T10:00:00Z" and first.meta["outlet"] == "الشرق الأوسط"
    assert first.meta["author"] == "واشنطن" and "<p>" not in first.text
    assert (second.content_type, second.text) == ("jsonl", text.strip())  # type="text": the text as it is
    assert second.meta["published"] == "2024-01-25T10:00:00Z"  # published before updated


def test_xml_files_are_feeds_when_they_are_and_pages_only_when_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "feed.xml").write_text(rss([rss_item(0, PAGES[0])]), encoding="utf-8")
    (folder / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>https://x/</loc></url></urlset>',
                                        encoding="utf-8")
    got = list(read.read_inputs([str(folder)]))
    assert [type(p) for p in got] == [Page, Skipped] and got[0].doc_id == "feed.xml#rt-0"
    (named,) = read.read_inputs([str(folder / "sitemap.xml")])
    assert isinstance(named, Page) and named.doc_id == "sitemap.xml"


def test_a_broken_feed_keeps_its_items_before_the_break_and_a_non_feed_is_an_error(tmp_path):
    whole = rss([rss_item(i, p) for i, p in enumerate(PAGES)])
    cut = whole[:whole.index("<item>", whole.index("rt-1"))] + "<item><title>مقطوع"
    (tmp_path / "cut.rss").write_text(cut, encoding="utf-8")
    (tmp_path / "not.rss").write_text("<html><body><p>ليست خلاصة</p></body></html>", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "cut.rss"), str(tmp_path / "not.rss"), "--out", str(out),
                 "--no-corpus"]) == EXIT_PAGE_ERRORS
    assert [d["doc_id"] for d in rows(out / "documents.jsonl")] == ["cut.rss#rt-0", "cut.rss#rt-1"]
    errors = {e["doc_id"]: e["error"] for e in rows(out / "errors.jsonl")}
    assert errors.keys() == {"cut.rss#3", "not.rss"}
    assert "not a readable feed" in errors["cut.rss#3"] and "not an RSS or Atom feed" in errors["not.rss"]


def test_feed_items_are_bounded_by_the_page_limit(tmp_path):
    huge = "<p>" + "كلمة " * 8000 + "</p>"
    items = [rss_item(0, PAGES[0]), f"<item><guid>huge</guid><description>{escape(huge)}</description></item>"]
    (tmp_path / "big.rss").write_text(rss(items), encoding="utf-8")
    assert len(paragraphs_html(PAGES[0])) < 16_000 < len(huge)
    got = list(read.read_inputs([str(tmp_path / "big.rss")], read.RunOptions(max_page_bytes=16_000)))
    assert isinstance(got[0], Page) and isinstance(got[1], PageError) and "too large" in got[1].error
