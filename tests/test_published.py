"""An article's publication date: always an ISO date or null, with its precision and
where it came from (the page's text, the container's metadata, the URL, the crawl
time, or the fallback date of ``isnad run --published``)."""
import datetime

import pytest

from isnad.model import Page
from isnad.segment import segment_page

TITLE = "وزير الخارجية يبحث مع نظيره الأمريكي تطورات المنطقة"
BODY = ("قال وزير الخارجية في مؤتمر صحافي إن المحادثات بين الجانبين كانت بناءة، مؤكدا أن البلدين "
        "سيواصلان التنسيق خلال الأسابيع المقبلة بشأن الملفات الإقليمية والدولية.")


def dated(text, content_type="jsonl", source="p", **meta):
    [article] = segment_page(Page("p", source, text, content_type, meta=meta))
    span = text[slice(*article.published_span)] if article.published_span else None
    return article.published, article.published_precision, article.published_source, span


@pytest.mark.parametrize("text, meta, expected", [
    # a date the page states comes first
    (f"نشر في 2015-07-30\n{BODY}", {"published": "2015-08-02", "crawled": "2015-08-03 08:00:00"},
     ("2015-07-30", "day", "text", "2015-07-30")),
    # then the record's publication date, whatever its form
    (BODY, {"published": "Sat, 01 Aug 2015 08:00:00 +0300", "url": "http://www.aleqt.com/2015/07/31/a.html"},
     ("2015-08-01", "day", "metadata", None)),
    (BODY, {"published": "2015-08"}, ("2015-08-01", "month", "metadata", None)),
    # then the URL's path
    (BODY, {"url": "http://www.aleqt.com/2015/07/31/article_1.html", "crawled": "2015-08-03 08:00:00"},
     ("2015-07-31", "day", "url", None)),
    # a day stated without its year takes the year of the crawl
    (f"واشنطن 31 ديسمبر كانون الأول (رويترز) - {BODY}", {"crawled": "2016-01-02 08:00:00"},
     ("2015-12-31", "day", "text", "31 ديسمبر كانون الأول")),
    # then the crawl time, labelled as such: it is not the publication date
    (BODY, {"crawled": "2015-08-01 15:55:21"}, ("2015-08-01", "day", "crawl", None)),
    # a stated day after the crawl is not when the page was published
    (f"{BODY}\n2016-05-01", {"crawled": "2015-08-01 15:55:21"}, ("2015-08-01", "day", "crawl", None)),
    # a month refined by a later source's day inside it, not by one outside it
    (BODY, {"url": "https://example.com/news/2015/08/talks", "crawled": "2015-08-03 08:00:00"},
     ("2015-08-03", "day", "crawl", None)),
    (BODY, {"url": "https://example.com/news/2015/08/talks", "crawled": "2019-03-15 08:00:00"},
     ("2015-08-01", "month", "url", None)),
    # last, the date given on the command line
    (BODY, {"published_fallback": "2015-08-04"}, ("2015-08-04", "day", "fallback", None)),
    (BODY, {}, (None, None, None, None)),
])
def test_where_the_publication_date_comes_from(text, meta, expected):
    assert dated(text, **meta) == expected


def test_a_day_without_its_year_is_kept_apart_when_nothing_gives_the_year():
    text = f"{TITLE}\nواشنطن 5 ديسمبر كانون الأول (رويترز) - {BODY}\n"
    [article] = segment_page(Page("p", "p.txt", text))
    assert article.published is None and article.published_partial == "--12-05"
    assert text[slice(*article.published_span)] == "5 ديسمبر كانون الأول"


def test_hijri_dates_give_gregorian_days():
    assert dated(f"{TITLE}\nالاثنين 18 شوال 1436 هـ\n{BODY}\n", "text")[:3] == ("2015-08-03", "day", "text")


def test_a_file_path_is_not_a_url():
    assert dated(BODY, "text", source="/data/2015/08/01/page.txt") == (None, None, None, None)


def test_published_is_always_an_iso_date_or_null(tmp_path):
    from isnad.cli import main

    pages = {"a.txt": f"{TITLE}\nواشنطن 5 ديسمبر كانون الأول (رويترز) - {BODY}\n",
             "b.txt": f"{TITLE}\nنشر في: 12 كانون الثاني 2020\n{BODY}\n",
             "c.txt": f"{TITLE}\n{BODY}\n"}
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path), "--out", str(out), "--workers", "1", "--format", "jsonl,duckdb,parquet"]) == 0
    import duckdb

    con = duckdb.connect(str(out / "isnad.duckdb"), read_only=True)
    kind = con.execute("SELECT data_type FROM information_schema.columns "
                       "WHERE table_name = 'articles' AND column_name = 'published'").fetchone()[0]
    rows = con.execute("SELECT doc_id, published, published_partial FROM articles ORDER BY doc_id").fetchall()
    con.close()
    assert kind == "DATE"
    assert rows == [("a.txt", None, "--12-05"), ("b.txt", datetime.date(2020, 1, 12), None), ("c.txt", None, None)]
    parquet = duckdb.sql(f"SELECT typeof(published) FROM '{out / 'articles.parquet'}' LIMIT 1").fetchall()[0][0]
    assert parquet == "DATE"
