"""Corpus features of a batch of pages (``isnad.corpus.features``): what a
page stages does not depend on the pages it is batched with, and a page whose
features fail gets an error row while the rest of its batch goes on."""
import json
from pathlib import Path

import pytest

from isnad import pages as page_steps
from isnad.corpus import PageText, page_features, terms
from isnad.lexicon import default_lexicon
from isnad.model import Page
from isnad.read import read_inputs
from isnad.text import fold

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    pages = [p for p in read_inputs([str(EXAMPLES)]) if isinstance(p, Page)]
    for page in pages:
        for step in page_steps.PAGE_STEPS:
            step(page, default_lexicon())
    return pages


def _texts(pages: list[Page]) -> list[PageText]:
    return [PageText(p.folded, [a.to_record(p.text) for a in p.articles], p.statements) for p in pages]


def test_a_pages_features_do_not_depend_on_its_batch(pages):
    together = page_features(_texts(pages))
    for text, joint in zip(_texts(pages), together):
        (alone,) = page_features([text])
        assert [s.to_row() for s in alone.signatures] == [s.to_row() for s in joint.signatures]
        assert [r.to_row() for r in alone.refs] == [r.to_row() for r in joint.refs]
    page, features = next((p, f) for p, f in zip(pages, together) if p.source.endswith("004_d20eb930a8924495.txt"))
    (signature,) = features.signatures  # the NBC report of talks with Lavrov
    assert "sergey-lavrov" in signature.actors and signature.minhash is not None
    assert len(features.refs) == len(page.statements) > 0


def test_a_page_whose_features_fail_gets_an_error_row_and_the_batch_goes_on(monkeypatch):
    items = [(str(i), page) for i, page in enumerate(read_inputs([str(EXAMPLES)]))]
    broken = items[2][1].doc_id
    real = page_steps.page_features

    def failing(texts, lexicon):
        if any(a["doc_id"] == broken for text in texts for a in text.articles):
            raise ValueError("a broken page")
        return real(texts, lexicon)

    monkeypatch.setattr(page_steps, "page_features", failing)
    results = page_steps.process_pages(items)
    assert [r.key for r in results] == [key for key, _ in items]
    (error,) = [r for r in results if r.error]
    row = json.loads(error.lines["errors"][0])
    assert row["doc_id"] == broken and row["stage"] == "corpus" and "a broken page" in row["error"]
    assert all(r.lines["signatures"] and "statement_refs" in r.lines for r in results if not r.error)


def test_spans_of_a_page_with_marks_and_ligatures_read_the_same_words_as_their_own_text():
    text = ("قالَ المتحدّثُ باسمِ وزارةِ الخارجيّةِ ـــ إنّ الوفدَ ﻻ يزالُ في موسكو،\n"
            "وأضافَ أنّ المحادثاتِ ستُستأنفُ الأسبوعَ المقبلَ ﷲ في الرياض")
    page = fold(text)
    statements = []
    for i, quote in enumerate(("الوفدَ ﻻ يزالُ في موسكو", "المحادثاتِ ستُستأنفُ الأسبوعَ المقبلَ ﷲ في الرياض")):
        start = text.index(quote)
        statements.append({"id": f"s{i}", "doc_id": "d", "article_index": 0, "stance": "assert",
                           "content": quote, "content_span": [start, start + len(quote)]})
    (by_span,) = page_features([PageText(page, [], statements)])
    (by_text,) = page_features([PageText(None, [], [{**st, "content_span": None} for st in statements])])
    for a, b in zip(by_span.refs, by_text.refs):
        assert len(a.terms) >= 2 and list(a.terms) == list(b.terms)


def test_a_huge_text_is_scanned_a_piece_at_a_time_with_the_same_result(monkeypatch):
    text = fold((EXAMPLES / "004_d20eb930a8924495.txt").read_text(encoding="utf-8")).text
    at_once = terms.analyse([text, "قال المتحدث باسم الخارجية"])
    monkeypatch.setattr(terms, "_CHUNK_CHARS", 300)
    in_pieces = terms.analyse([text, "قال المتحدث باسم الخارجية"])
    assert len(at_once.starts) > 400
    for column, a, b in zip(at_once._fields[1:], at_once[1:], in_pieces[1:]):
        assert (a == b).all(), column


def test_text_no_span_covers_changes_nothing_and_a_span_cutting_a_word_leaves_it_out(pages):
    page = next(p for p in pages if p.source.endswith("004_d20eb930a8924495.txt"))
    (plain,) = page_features(_texts([page]))
    padded = Page(page.doc_id, page.source, page.text + "\n" + "القائمة الرئيسية | اتصل بنا | سياسة الخصوصية\n" * 3000)
    padded.articles, padded.statements = page.articles, page.statements
    (with_menus,) = page_features(_texts([padded]))
    assert [s.to_row() for s in plain.signatures] == [s.to_row() for s in with_menus.signatures]
    assert [r.to_row() for r in plain.refs] == [r.to_row() for r in with_menus.refs]

    text = "قال المتحدث باسم الوزارة إن الوفد وصل إلى الرياض"
    cut = text.index("تحدث")  # inside المتحدث
    statement = {"id": "s", "doc_id": "d", "article_index": 0, "stance": "assert",
                 "content": text[cut:], "content_span": [cut, len(text)]}
    (by_span,) = page_features([PageText(fold(text), [], [statement])])
    rest = text[text.index("باسم"):]
    (whole_words,) = page_features([PageText(None, [], [{**statement, "content": rest, "content_span": None}])])
    assert list(by_span.refs[0].terms) == list(whole_words.refs[0].terms) and len(by_span.refs[0].terms) >= 3
