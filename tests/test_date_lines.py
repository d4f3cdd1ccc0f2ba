"""Date lines as Arab outlets print them (tests/date_lines: written for this project in
the layout of each outlet) read through segmentation: at least 95 % exact."""
import csv
from pathlib import Path

import pytest

from isnad.model import Page
from isnad.segment import segment_page

LINES = Path(__file__).parent / "date_lines" / "date_lines.tsv"
TITLE = "وزير الخارجية يبحث مع نظيره الأمريكي تطورات المنطقة"
BODY = ("قال وزير الخارجية في مؤتمر صحافي إن المحادثات بين الجانبين كانت بناءة، مؤكدا أن البلدين "
        "سيواصلان التنسيق خلال الأسابيع المقبلة بشأن الملفات الإقليمية والدولية.")


def date_lines() -> list[dict]:
    with LINES.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_date(row: dict) -> tuple[str | None, str | None, str | None]:
    """(published or published_partial, its source, the text of its span) of a page holding ``row``."""
    if row["kind"] == "url":
        page = Page("p", row["text"], BODY, "jsonl", meta={"url": row["text"], "title": TITLE})
    elif row["kind"] == "lead":
        page = Page("p", "p.txt", f"{TITLE}\n{row['text']} {BODY}\n")
    else:
        page = Page("p", "p.txt", f"{TITLE}\n{row['text']}\n{BODY}\n")
    [article] = segment_page(page)
    span = page.text[slice(*article.published_span)] if article.published_span else None
    return article.published or article.published_partial, article.published_source, span


def test_the_set_covers_many_outlets_and_kinds():
    rows = date_lines()
    assert len(rows) >= 30
    assert len({r["style"] for r in rows}) >= 10
    assert {r["kind"] for r in rows} == {"line", "lead", "url"}


def test_date_lines_of_many_outlets_are_read_exactly():
    rows = date_lines()
    wrong = [(r["style"], r["text"], r["expected"], read_date(r)[0]) for r in rows
             if read_date(r)[0] != r["expected"]]
    assert 1 - len(wrong) / len(rows) >= 0.95, wrong


@pytest.mark.parametrize("row", [r for r in date_lines() if r["kind"] != "url"], ids=lambda r: r["style"])
def test_a_date_read_from_the_text_points_at_it(row):
    value, source, span = read_date(row)
    if value is not None:
        assert source in ("text", None) and span and span in row["text"]


@pytest.mark.parametrize("row", [r for r in date_lines() if r["kind"] == "url"], ids=lambda r: r["style"])
def test_a_date_read_from_the_url_says_so(row):
    value, source, span = read_date(row)
    assert (value, source, span) == (row["expected"], "url", None)
