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
from .signature import Signature, article_arrays, build_signature
from .terms import HashIndex, WordTable, analyse, term_sets, token_hashes

_DEMONSTRATIVES = ("هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان", "هولاء", "اوليك")
_SEPARATOR = -1  # token index standing for a line break between two pieces of an article


@lru_cache(maxsize=1)
def _demonstratives() -> HashIndex:
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
    page (in its original offsets), or whole texts of records that come
    without a page."""

    def __init__(self):
        self.texts: list[str] = []
        self.pages: list[tuple[int, FoldedText]] = []  # page texts: (text number, folded text)
        self.text_no: list[int] = []
        self.starts: list[int] = []
        self.ends: list[int] = []  # -1: to the end of the text

    def add_page(self, folded: FoldedText) -> int:
        self.pages.append((len(self.texts), folded))
        return self._add_text(folded.text)

    def _add_text(self, folded_text: str) -> int:
        self.texts.append(folded_text)
        return len(self.texts) - 1

    def add(self, page_text: int | None, span, text: str | None) -> int:
        """A span of the page when both are known, else the record's own text; its piece number."""
        if page_text is not None and span:
            self.text_no.append(page_text)
            self.starts.append(span[0])
            self.ends.append(span[1])
        else:
            self.text_no.append(self._add_text(fold(text or "").text))
            self.starts.append(0)
            self.ends.append(-1)
        return len(self.text_no) - 1

    def token_ranges(self, table: WordTable) -> tuple[np.ndarray, np.ndarray]:
        """First and end token of every piece (the tokens lying wholly inside it)."""
        text_no = np.array(self.text_no, dtype=np.int64)
        starts, ends = self._folded(text_no, np.array(self.starts, dtype=np.int64)), np.array(self.ends, dtype=np.int64)
        whole = ends < 0
        ends = np.where(whole, table.text_starts[text_no + 1] - 1,
                        self._folded(text_no, np.where(whole, 0, ends)) + table.text_starts[text_no])
        return np.searchsorted(table.starts, table.text_starts[text_no] + starts), np.searchsorted(table.ends, ends, side="right")

    def _folded(self, text_no: np.ndarray, positions: np.ndarray) -> np.ndarray:
        """Folded offsets of original ``positions`` in page texts (other texts' as they are),
        by one search over the offset maps of all the batch's pages laid end to end."""
        if not self.pages:
            return positions
        original, folded, limit, page_base = [], [], [], np.zeros(len(self.texts), dtype=np.int64)
        base = 0
        for number, page in self.pages:
            page_original, page_folded = page.offset_map()
            page_base[number] = base
            original.append(np.array(page_original, dtype=np.int64) + base)
            folded.append(np.array(page_folded, dtype=np.int64))
            limit.append(np.array(page_folded[1:] + page_folded[-1:], dtype=np.int64))  # where the next piece starts
            base += len(page.original) + 1
        original, folded, limit = np.concatenate(original), np.concatenate(folded), np.concatenate(limit)
        i = np.searchsorted(original, page_base[text_no] + positions, side="right") - 1
        mapped = np.minimum(folded[i] + (page_base[text_no] + positions - original[i]), limit[i])
        on_page = np.zeros(len(self.texts), dtype=bool)
        on_page[[number for number, _ in self.pages]] = True
        return np.where(on_page[text_no], mapped, positions)


def page_features(pages: Sequence[PageText]) -> list[PageFeatures]:
    """Signatures of the articles and compact statements of each page (pure)."""
    pieces, article_pieces, statement_pieces = _collect(pages)
    table = analyse(pieces.texts)
    first_token, end_token = pieces.token_ranges(table)
    # Every piece's tokens followed by a separator, all in one index array.
    lengths = np.maximum(end_token - first_token, 0) + 1
    offsets = np.concatenate(([0], np.cumsum(lengths)))
    tokens = np.arange(offsets[-1]) + np.repeat(first_token - offsets[:-1], lengths)
    tokens[offsets[1:] - 1] = _SEPARATOR
    columns = table.columns(tokens)

    def positions(piece_ranges: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
        """Positions in ``tokens`` of the pieces ``first .. end - 1`` of each range
        (with the separators between them, not the last), and the range of each."""
        starts = np.array([offsets[first] for first, _ in piece_ranges], dtype=np.int64)
        ends = np.array([offsets[end] - 1 for _, end in piece_ranges], dtype=np.int64)
        return _laid_end_to_end(starts, ends)

    body_at, body_owner = positions([(first, end) for first, end, _ in article_pieces])
    titled = [(i, title) for i, (_, _, title) in enumerate(article_pieces) if title is not None]
    title_at, title_row = positions([(title, title + 1) for _, title in titled])
    title_owner = np.array([i for i, _ in titled], dtype=np.int64)[title_row]
    arrays = article_arrays(columns.take(body_at), body_owner, columns.info[title_at], title_owner, len(article_pieces))
    claims = [claim for _, claim in statement_pieces if claim is not None]
    statement_at, statement_owner = positions([(piece, piece + 1) for piece in
                                               [content for content, _ in statement_pieces] + claims])
    terms = term_sets(columns.info[statement_at], statement_owner, len(statement_pieces) + len(claims))
    claim_terms = iter(terms[len(statement_pieces):])
    demonstratives = np.concatenate(([0], np.cumsum(_demonstratives().contains(table.hashes))))

    results = []
    articles_done = statements_done = 0
    for page in pages:
        by_article: dict[int, list[dict]] = {}
        for st in page.statements:
            by_article.setdefault(int(st.get("article_index") or 0), []).append(st)
        signatures = []
        for article in page.articles:
            signatures.append(build_signature(article, by_article.get(int(article.get("article_index") or 0), ()),
                                              arrays[articles_done]))
            articles_done += 1
        targets = {st.get("responds_to") for st in page.statements if st.get("responds_to")}
        refs = []
        for st in page.statements:
            content, claim = statement_pieces[statements_done]
            a, b = first_token[content], end_token[content]
            refs.append(statement_ref(st, terms[statements_done],
                                      anaphoric=bool(b > a and demonstratives[b] > demonstratives[a]),
                                      claim_terms=next(claim_terms) if claim is not None else None,
                                      targeted=st.get("id") in targets))
            statements_done += 1
        results.append(PageFeatures(signatures, refs))
    return results


def _collect(pages: Sequence[PageText]) -> tuple[_Pieces, list[tuple[int, int, int | None]], list[tuple[int, int | None]]]:
    """The texts and pieces of a batch: per article, its first and end
    segment piece and its title piece; per statement, its content piece and
    the piece of the claim it denies."""
    pieces = _Pieces()
    article_pieces, statement_pieces = [], []
    for page in pages:
        page_text = pieces.add_page(page.folded) if page.folded is not None else None
        for article in page.articles:
            segments = (article.get("segments") if page_text is not None else None) or [None]
            first = len(pieces.text_no)
            for segment in segments:
                pieces.add(page_text, segment, article.get("text"))
            title = pieces.add(page_text, article.get("title_span"), article["title"]) if article.get("title") else None
            article_pieces.append((first, first + len(segments), title))
        for st in page.statements:
            denied = st.get("denied_claim") or {}
            content = pieces.add(page_text, st.get("content_span"), st.get("content"))
            claim = pieces.add(page_text, denied.get("span"), denied["text"]) if denied.get("text") else None
            statement_pieces.append((content, claim))
    return pieces, article_pieces, statement_pieces


def _laid_end_to_end(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The positions of the ranges ``[starts, ends)`` one after the other, and the range each belongs to."""
    lengths = ends - starts
    owner = np.repeat(np.arange(len(lengths)), lengths)
    return np.arange(lengths.sum()) + np.repeat(starts - (np.cumsum(lengths) - lengths), lengths), owner


def article_signature(article: dict, statements: Sequence[dict] = ()) -> Signature:
    """Signature of one ``articles.jsonl`` row (with its ``text``) and its statements."""
    return page_features([PageText(None, [article], statements)])[0].signatures[0]


def statement_refs(statements: Sequence[dict]) -> list[StatementRef]:
    """Compact forms of statement records (their ``content`` texts analysed)."""
    return page_features([PageText(None, [], statements)])[0].refs
