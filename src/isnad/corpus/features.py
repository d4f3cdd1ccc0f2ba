"""What the per-page pass stages for the corpus steps, for a batch of pages.

The texts of all pages of a batch (their folded text, or the texts of
records that come without a page) are analysed in one pass
(:func:`~isnad.corpus.terms.analyse`); each article's signature and each
statement's compact form are then read off the token table by span, so a
word is analysed once however many articles and statements contain it, and
the work per batch is a fixed number of array operations plus a little per
article and statement.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from ..text import FoldedText, fold
from .claims import StatementRef, statement_ref
from .signature import Signature, build_signature, cue_window
from .terms import LINE_BREAK, WordTable, analyse, token_hashes

_DEMONSTRATIVES = ("هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان", "هولاء", "اوليك")
_SEPARATOR = -1  # token index standing for a line break between two pieces of an article


@lru_cache(maxsize=1)
def _demonstratives() -> np.ndarray:
    return token_hashes(_DEMONSTRATIVES)


class PageText(NamedTuple):
    """One page as the corpus features read it."""

    folded: FoldedText | None  # the page's folded text; None: records carry their own ``text``
    articles: Sequence[dict]  # its ``articles.jsonl`` rows
    statements: Sequence[dict]  # its ``statements.jsonl`` rows


class PageFeatures(NamedTuple):
    signatures: list[Signature]
    refs: list[StatementRef]


class _Pieces:
    """The texts of a batch, and the pieces of them to read back: spans of a
    page's folded text, or whole texts of records that come without one."""

    def __init__(self):
        self.texts: list[str] = []
        self.text_no: list[int] = []
        self.starts: list[int] = []
        self.ends: list[int] = []  # -1: to the end of the text

    def add_text(self, folded_text: str) -> int:
        self.texts.append(folded_text)
        return len(self.texts) - 1

    def add(self, page_text: int | None, folded: FoldedText | None, span, text: str | None) -> int:
        """A span of the page when both are known, else the record's own text; its piece number."""
        if page_text is not None and span:
            self.text_no.append(page_text)
            self.starts.append(folded.to_folded(span[0]))
            self.ends.append(folded.to_folded(span[1]))
        else:
            self.text_no.append(self.add_text(fold(text or "").text))
            self.starts.append(0)
            self.ends.append(-1)
        return len(self.text_no) - 1

    def token_ranges(self, table) -> tuple[np.ndarray, np.ndarray]:
        """First and end token of every piece (the tokens lying wholly inside it)."""
        text_no = np.array(self.text_no, dtype=np.int64)
        base = table.text_starts[text_no]
        ends = np.array(self.ends, dtype=np.int64)
        ends = np.where(ends < 0, table.text_starts[text_no + 1] - 1, base + ends)
        return (np.searchsorted(table.starts, base + np.array(self.starts, dtype=np.int64)),
                np.searchsorted(table.ends, ends, side="right"))


def page_features(pages: Sequence[PageText]) -> list[PageFeatures]:
    """Signatures of the articles and compact statements of each page (pure)."""
    pieces = _Pieces()
    article_pieces: list[tuple[int, int, int | None]] = []  # first piece, end piece, title piece
    statement_pieces: list[tuple[int, int | None]] = []  # content piece, denied-claim piece
    for page in pages:
        page_text = pieces.add_text(page.folded.text) if page.folded is not None else None
        for article in page.articles:
            segments = article.get("segments") if page_text is not None else None
            first = len(pieces.text_no)
            for segment in segments or [None]:
                pieces.add(page_text, page.folded, segment, article.get("text"))
            title = (pieces.add(page_text, page.folded, article.get("title_span"), article["title"])
                     if article.get("title") else None)
            article_pieces.append((first, first + len(segments or [None]), title))
        for st in page.statements:
            denied = st.get("denied_claim") or {}
            content = pieces.add(page_text, page.folded, st.get("content_span"), st.get("content"))
            claim = pieces.add(page_text, page.folded, denied.get("span"), denied["text"]) if denied.get("text") else None
            statement_pieces.append((content, claim))
    table = analyse(pieces.texts)
    first_token, end_token = pieces.token_ranges(table)
    info = np.append(table.info, np.uint64(LINE_BREAK))  # index -1: a separator
    demonstrative = np.concatenate(([0], np.cumsum(np.isin(table.hashes, _demonstratives()))))
    # Every piece's tokens followed by a separator, all in one index array.
    lengths = np.maximum(end_token - first_token, 0) + 1
    offsets = np.concatenate(([0], np.cumsum(lengths)))
    tokens = np.arange(offsets[-1]) + np.repeat(first_token - offsets[:-1], lengths)
    tokens[offsets[1:] - 1] = _SEPARATOR
    token_info = info[tokens]

    results = []
    articles_done = statements_done = 0
    for page in pages:
        by_article: dict[int, list[dict]] = {}
        for st in page.statements:
            by_article.setdefault(int(st.get("article_index") or 0), []).append(st)
        signatures = []
        for article in page.articles:
            first, end, title = article_pieces[articles_done]
            articles_done += 1
            span = slice(offsets[first], offsets[end] - 1)  # without the last separator
            article_info = token_info[span]
            title_info = token_info[offsets[title]:offsets[title + 1] - 1] if title is not None else None
            words = _WordReader(table, tokens[span][article_info != LINE_BREAK])
            signatures.append(build_signature(article, by_article.get(int(article.get("article_index") or 0), ()),
                                              article_info, words.near, title_info))
        targets = {st.get("responds_to") for st in page.statements if st.get("responds_to")}
        refs = []
        for st in page.statements:
            content, claim = statement_pieces[statements_done]
            statements_done += 1
            a, b = first_token[content], end_token[content]
            refs.append(statement_ref(
                st, info[a:b], anaphoric=bool(b > a and demonstrative[b] > demonstrative[a]),
                claim_info=info[first_token[claim]:end_token[claim]] if claim is not None else None,
                targeted=st.get("id") in targets))
        results.append(PageFeatures(signatures, refs))
    return results


class _WordReader:
    """An article's words (line breaks left out) as folded strings, read from the token table."""

    def __init__(self, table: WordTable, word_tokens: np.ndarray):
        self.table, self.word_tokens = table, word_tokens

    def near(self, positions: list[int]) -> list[str]:
        """The words (all of them, read at once when ``positions`` are given; else none)."""
        if not positions:
            return []
        text = self.table.text
        return [text[s:e] for s, e in zip(self.table.starts[self.word_tokens].tolist(),
                                          self.table.ends[self.word_tokens].tolist())]


def article_signature(article: dict, statements: Sequence[dict] = ()) -> Signature:
    """Signature of one ``articles.jsonl`` row (with its ``text``) and its statements."""
    return page_features([PageText(None, [article], statements)])[0].signatures[0]


def statement_refs(statements: Sequence[dict]) -> list[StatementRef]:
    """Compact forms of statement records (their ``content`` texts analysed)."""
    return page_features([PageText(None, [], statements)])[0].refs
