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

from ..lexicon import Lexicon
from ..model import statements_by_article
from ..text import FoldedText, fold, to_folded_many
from .claims import StatementRef, statement_ref
from .signature import Signature, article_arrays, build_signature
from .terms import HashIndex, analyse, term_sets, token_hashes

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
    """The texts of a batch, and the pieces of them to read back.

    A piece is a span of a page (in the page's original offsets), or the
    whole text of a record that comes without a page.  Of a page, only the
    stretches its pieces cover are analysed (:meth:`texts`): boilerplate
    around an article, however long, costs nothing.
    """

    def __init__(self):
        self.pages: list[FoldedText] = []
        self.own_texts: list[str] = []  # records' texts, folded
        self.source: list[int] = []  # per piece: its page, or -1 - its own text
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add_page(self, folded: FoldedText) -> int:
        self.pages.append(folded)
        return len(self.pages) - 1

    def add(self, page: int | None, span, text: str | None) -> int:
        """A span of the page when both are known, else the record's own text; its piece number."""
        if page is not None and span:
            self.source.append(page)
            self.starts.append(span[0])
            self.ends.append(span[1])
        else:
            self.own_texts.append(fold(text or "").text)
            self.source.append(-len(self.own_texts))
            self.starts.append(0)
            self.ends.append(len(self.own_texts[-1]))
        return len(self.source) - 1

    def texts(self) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
        """The texts to analyse, and per piece its text number and its span there (folded)."""
        source = np.array(self.source, dtype=np.int64)
        starts, ends = np.array(self.starts, dtype=np.int64), np.array(self.ends, dtype=np.int64)
        on_page = source >= 0
        if on_page.any():
            starts[on_page] = to_folded_many(self.pages, source[on_page], starts[on_page])
            ends[on_page] = to_folded_many(self.pages, source[on_page], ends[on_page])
        ends = np.maximum(starts, ends)
        texts = list(self.own_texts)
        text_no = np.where(on_page, 0, -1 - source)
        for page, pieces in _by_page(source):
            folded = self.pages[page].text
            for start, end, members in _stretches(folded, starts[pieces], ends[pieces]):
                text_no[pieces[members]] = len(texts)
                starts[pieces[members]] -= start
                ends[pieces[members]] -= start
                texts.append(folded[start:end])
        return texts, text_no, starts, ends


_STRETCH_GAP = 256  # characters between two covered stretches of a page below which they are analysed as one


def _by_page(source: np.ndarray):
    """(page, indices of its pieces) for every page that has pieces."""
    on_page = np.flatnonzero(source >= 0)
    order = on_page[np.argsort(source[on_page], kind="stable")]
    pages, firsts = np.unique(source[order], return_index=True)
    return zip(pages.tolist(), np.split(order, firsts[1:]))


def _stretches(text: str, starts: np.ndarray, ends: np.ndarray):
    """The stretches of ``text`` that spans cover, widened to whole words and
    joined when close: (start, end, indices of the spans inside)."""
    stretches: list[list] = []  # [start, end, members]
    for i in np.argsort(starts, kind="stable").tolist():
        if stretches and starts[i] <= stretches[-1][1] + _STRETCH_GAP:
            stretches[-1][1] = max(stretches[-1][1], int(ends[i]))
            stretches[-1][2].append(i)
        else:
            stretches.append([int(starts[i]), int(ends[i]), [i]])
    for start, end, members in stretches:
        yield (*_whole_words(text, start, end), np.array(members))


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened so that it cuts no word (as the tokens of the whole text are)."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def page_features(pages: Sequence[PageText], lexicon: Lexicon | None = None) -> list[PageFeatures]:
    """Signatures of the articles and compact statements of each page (pure; ``lexicon``:
    the run's, whose actors the signatures name)."""
    pieces, article_pieces, statement_pieces = _collect(pages)
    texts, text_no, starts, ends = pieces.texts()
    table = analyse(texts, lexicon)
    base = table.text_starts[text_no]
    first_token = np.searchsorted(table.starts, base + starts)
    end_token = np.searchsorted(table.ends, base + ends, side="right")
    # Every piece's tokens followed by a separator, all in one index array.
    lengths = np.maximum(end_token - first_token, 0) + 1
    tokens, _ = _laid_end_to_end(first_token, first_token + lengths)
    offsets = np.concatenate(([0], np.cumsum(lengths)))
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
    arrays = article_arrays(columns.take(body_at), body_owner, columns.info[title_at], title_owner,
                            len(article_pieces), lexicon)
    claims = [claim for _, claim in statement_pieces if claim is not None]
    statement_at, statement_owner = positions([(piece, piece + 1) for piece in
                                               [content for content, _ in statement_pieces] + claims])
    terms = term_sets(columns.info[statement_at], statement_owner, len(statement_pieces) + len(claims))
    claim_terms = iter(terms[len(statement_pieces):])
    demonstratives = np.concatenate(([0], np.cumsum(_demonstratives().contains(table.hashes))))

    results = []
    articles_done = statements_done = 0
    for page in pages:
        by_article = statements_by_article(page.statements)
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
            first = len(pieces.source)
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
