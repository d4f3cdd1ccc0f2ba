"""Term bags and shingles of folded Arabic text for corpus-level comparison.

Texts are folded with :func:`isnad.text.fold`.  Terms are light stems
(proclitics and the article, common suffixes removed) of content words,
hashed to 32 bits so that signatures stay small; the hashes are functions of
the text only, so they are stable across processes.  All of it is computed
with array operations over a batch of texts (:func:`analyse`).  Shingles
are runs of three words, stopwords included, for near-duplicate detection.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from ..lexicon import Lexicon, default_lexicon, read_tsv
from ..text import fold_key

_ARTICLE_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
# (suffix, shortest stem left behind), longest first
_SUFFIXES = (("يين", 3), ("يون", 3), ("ات", 3), ("ون", 4), ("ين", 4), ("يه", 3), ("ها", 3),
             ("هم", 3), ("ه", 3), ("ي", 3))
SHINGLE_WORDS = 3
IN_WORDS = ("في", "وفي")  # a lexicon place after these is where something happens


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Folded stopwords from ``data/stopwords_ar.tsv``."""
    return frozenset(fold_key(row["word"]) for row in read_tsv("stopwords_ar.tsv"))


def alias_starts(lexicon: Lexicon) -> dict[str, tuple[int, ...]]:
    """First word of each lexicon alias -> alias lengths in words, longest first."""
    return lexicon.derived(_alias_starts)


def _alias_starts(lexicon: Lexicon) -> dict[str, tuple[int, ...]]:
    starts: dict[str, set[int]] = {}
    for alias in lexicon.actor_aliases:
        parts = alias.split()
        starts.setdefault(parts[0], set()).add(len(parts))
    return {w: tuple(sorted(n, reverse=True)) for w, n in starts.items()}


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Folded place names from ``data/places_ar.tsv``."""
    return frozenset(fold_key(row["name"]) for row in read_tsv("places_ar.tsv"))


@lru_cache(maxsize=1)
def _place_stems() -> frozenset[str]:
    """First words of the place names."""
    return frozenset(name.split()[0] for name in place_names())


# What the corpus steps use of a word, packed in one 64-bit int: its hash (bits 0-29,
# never 0, so that 0 marks a line break), whether a lexicon actor or a
# located place may start at it (a cue, bit 30: see ``_hash_tables``),
# whether it has a term (bit 31) and the term's hash (bits 32-63).
_WORD_BITS = np.uint64((1 << 30) - 1)
_CUE = np.uint64(1 << 30)
_HAS_TERM = np.uint64(1 << 31)
LINE_BREAK = 0
_WORD_RE = re.compile(r"[^\W_]+")
_MAX_HASHED_POSITION = 255  # characters further into a word share the last power
_U = np.uint64


def _powers(base: int, n: int) -> np.ndarray:
    """``base ** k`` modulo 2**64 for k < n."""
    factors = np.full(n, base, dtype=np.uint64)
    factors[0] = 1
    return np.cumprod(factors, dtype=np.uint64)


_BASE = 0x100000001B3  # odd, so it has an inverse modulo 2**64
_POWERS = _powers(_BASE, _MAX_HASHED_POSITION + 1)
_INVERSE_POWERS = _powers(pow(_BASE, -1, 2 ** 64), 5)  # a stem starts at most 4 letters into its word
_CONJUNCTION_CODES = np.array([ord(ch) for ch in "وف"], dtype=np.uint32)
_PROCLITIC_CODES = np.array([ord(ch) for ch in "وفبلك"], dtype=np.uint32)


_DIGIT = 4  # flag beside the class in a character's entry


@lru_cache(maxsize=1)
def _char_flags() -> np.ndarray:
    """For each code point of the BMP: its class (1 word character, ``str.isalnum``;
    2 line break; 0 other), with ``_DIGIT`` added for a digit (``str.isdigit``)."""
    chars = [chr(c) for c in range(0x10000)]
    flags = np.fromiter(map(str.isalnum, chars), dtype=np.uint8, count=0x10000)
    flags |= np.fromiter(map(str.isdigit, chars), dtype=np.uint8, count=0x10000) * np.uint8(_DIGIT)
    flags[ord("\n")] = 2
    return flags


def _classify(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Character classes and digit flags of code points (see ``_char_flags``)."""
    flags = _char_flags().take(codes, mode="clip")
    astral = codes > 0xFFFF
    if astral.any():
        distinct, inverse = np.unique(codes[astral], return_inverse=True)
        chars = [chr(code) for code in distinct.tolist()]
        flags[astral] = np.array([c.isalnum() | (_DIGIT * c.isdigit()) for c in chars], dtype=np.uint8)[inverse]
    return flags & 3, (flags & _DIGIT) != 0


def _fmix(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser: every input bit reaches every output bit."""
    h = h ^ (h >> _U(33))
    h = h * _U(0xFF51AFD7ED558CCD)
    h = h ^ (h >> _U(33))
    h = h * _U(0xC4CEB9FE1A85EC53)
    return h ^ (h >> _U(33))


class WordColumns(NamedTuple):
    """What the corpus steps read of a sequence of tokens, one array each (see :class:`WordTable`)."""

    info: np.ndarray
    hashes: np.ndarray
    proclitics: np.ndarray
    unprefixed: np.ndarray

    def take(self, at: np.ndarray) -> "WordColumns":
        return WordColumns(*(column[at] for column in self))


class WordTable(NamedTuple):
    """The tokens of folded texts analysed together (:func:`analyse`): words
    and line breaks in order, with what the corpus steps use of each."""

    text: str  # the texts, joined by line breaks
    text_starts: np.ndarray  # int64: where each text starts in ``text`` (and its end)
    starts: np.ndarray  # int64: token spans in ``text``
    ends: np.ndarray
    hashes: np.ndarray  # uint64: hash of each word's text (0 for a line break)
    info: np.ndarray  # uint64: packed infos, LINE_BREAK for a line break
    proclitics: np.ndarray  # uint32: first letter of a word of four letters or more that is و ف ب ل ك, else 0
    unprefixed: np.ndarray  # uint64: hash of such a word without that letter, else 0
    stem_starts: np.ndarray  # int64: span of each word's stem (see :func:`stem`)
    stem_ends: np.ndarray

    def columns(self, tokens: np.ndarray) -> WordColumns:
        """The columns of the given tokens; index -1 stands for a line break."""
        return WordColumns(*(np.append(column, column.dtype.type(0))[tokens]
                             for column in (self.info, self.hashes, self.proclitics, self.unprefixed)))

    def stem(self, i: int) -> str:
        return self.text[self.stem_starts[i]:self.stem_ends[i]]


class _Scan:
    """Tokens of a text and polynomial hashes of any span inside a word (from
    prefix sums of the characters weighted by their position in the word)."""

    def __init__(self, text: str):
        self.codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        self.classes, self.digits = _classify(self.codes)
        word = self.classes == 1
        begins = word.copy()
        begins[1:] &= ~word[:-1]
        finishes = word.copy()
        finishes[:-1] &= ~word[1:]
        self.breaks = self.classes == 2
        self.starts = np.flatnonzero(begins | self.breaks)
        self.ends = np.flatnonzero(finishes | self.breaks) + 1
        position = np.arange(len(self.codes), dtype=np.int32)  # pages are far below 2**31 characters
        position -= np.maximum.accumulate(np.where(begins, position, 0))
        np.minimum(position, _MAX_HASHED_POSITION, out=position)
        self.prefix = np.zeros(len(self.codes) + 1, dtype=np.uint64)
        weighted = _POWERS[position]
        weighted *= self.codes
        np.cumsum(weighted, dtype=np.uint64, out=self.prefix[1:])

    def span_hashes(self, starts: np.ndarray, ends: np.ndarray, into_word: np.ndarray | int = 0) -> np.ndarray:
        """Hashes of the spans ``[starts, ends)`` inside words, each ``into_word``
        letters (at most four) after its word's start; equal texts, equal hashes."""
        return _fmix((self.prefix[ends] - self.prefix[starts]) * _INVERSE_POWERS[into_word])


_CHUNK_CHARS = 1 << 20  # characters scanned at once (cut at a line break): bounds the arrays of a huge page


def analyse(texts: list[str], lexicon: Lexicon | None = None) -> WordTable:
    """Tokens of folded texts (:func:`isnad.text.fold`), analysed together
    (``lexicon``: whose actors mark cue words; default the packaged one).

    Tokens are the runs of ``[^\\W_]`` (letters and digits) and each line
    break.  A word's term is its light stem (:func:`stem`) unless it or its
    stem is a stopword or too short; everything is computed with array
    operations over the whole batch, so the cost per text is small and linear
    in its length, a million characters at a time at most.
    """
    joined = "\n".join(texts)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    text_starts = np.concatenate(([0], np.cumsum(lengths + 1)))
    chunks, start = [], 0
    while start < len(joined):
        cut = joined.find("\n", start + _CHUNK_CHARS)
        end = len(joined) if cut < 0 else cut + 1
        chunks.append(_analyse_chunk(joined[start:end], start, lexicon))
        start = end
    if not chunks:
        chunks.append(_analyse_chunk("", 0, lexicon))
    columns = [np.concatenate(column) if len(chunks) > 1 else column[0] for column in zip(*chunks)]
    return WordTable(joined, text_starts, *columns)


def _analyse_chunk(text: str, offset: int, lexicon: Lexicon | None) -> tuple[np.ndarray, ...]:
    """The columns of :class:`WordTable` (from ``starts``) for a text that
    begins at ``offset`` of the joined texts and ends with a line break or at their end."""
    scan = _Scan(text)
    starts, ends = scan.starts, scan.ends
    padded = np.concatenate((scan.codes, np.zeros(3, dtype=np.uint32)))
    length = ends - starts
    first = padded[starts]
    with_conjunction = np.isin(first, _CONJUNCTION_CODES)
    stem_starts, stem_ends = stem_spans(padded, starts, ends, length, with_conjunction)
    hashes = scan.span_hashes(starts, ends)
    stem_hashes = scan.span_hashes(stem_starts, stem_ends, stem_starts - starts)
    proclitics = np.where((length > 3) & np.isin(first, _PROCLITIC_CODES), first, 0).astype(np.uint32)
    unprefixed = np.zeros(len(starts), dtype=np.uint64)
    stripped = np.flatnonzero(proclitics)
    unprefixed[stripped] = scan.span_hashes(starts[stripped] + 1, ends[stripped], 1)
    non_digits = np.concatenate(([0], np.cumsum(~scan.digits, dtype=np.int32)))
    stop, cue_words, cue_unprefixed = _hash_tables(lexicon or default_lexicon())
    has_term = (length >= 3) & (non_digits[ends] != non_digits[starts]) & (stem_ends - stem_starts >= 3)
    has_term[has_term] &= ~stop.contains(hashes[has_term])
    has_term[has_term] &= ~stop.contains(stem_hashes[has_term])
    conjunction = np.flatnonzero(has_term & with_conjunction & (proclitics != 0))
    has_term[conjunction] = ~stop.contains(unprefixed[conjunction])
    cue = cue_words.contains(hashes)
    cue[stripped] |= cue_unprefixed.contains(unprefixed[stripped])
    info = hashes & _WORD_BITS
    info[info == 0] = 1
    info |= (cue.astype(np.uint64) << _U(30)) | (has_term.astype(np.uint64) << _U(31))
    info |= np.where(has_term, stem_hashes >> _U(32), _U(0)) << _U(32)
    line_breaks = scan.breaks[starts]
    info[line_breaks] = LINE_BREAK
    hashes[line_breaks] = 0
    return (starts + offset, ends + offset, hashes, info, proclitics, unprefixed, stem_starts + offset, stem_ends + offset)


def stem_spans(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray, length: np.ndarray,
               with_conjunction: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Spans of the light stems of words (see :func:`stem`); ``codes`` padded past the last word."""
    starts = starts + ((length >= 5) & with_conjunction)
    first = [codes[starts + k] for k in (0, 1, 2)]
    article = np.zeros(len(ends), dtype=np.int64)
    for prefix in _ARTICLE_PREFIXES:
        fits = article == 0
        for k, letter in enumerate(prefix):
            fits &= first[k] == ord(letter)
        article[fits] = len(prefix)
    starts = starts + np.where(ends - starts - article >= 3, article, 0)
    rest = ends - starts
    last = [codes[ends - k] for k in (1, 2, 3)]
    cut = np.zeros(len(ends), dtype=np.int64)
    for suffix, shortest in _SUFFIXES:
        fits = (cut == 0) & (rest - len(suffix) >= shortest)
        for k, letter in enumerate(reversed(suffix)):
            fits &= last[k] == ord(letter)
        cut[fits] = len(suffix)
    return starts, ends - cut


def stem(word: str) -> str:
    """Light stem of a folded word: و/ف (in words of five letters or more), the
    article with a preposition (وال فال بال كال لل ال) when three letters stay,
    and one suffix (the first of ``_SUFFIXES`` that leaves its stem length)."""
    table = analyse([word])
    return table.stem(0) if len(table.starts) == 1 else word


def word_hashes(words: list[str]) -> np.ndarray:
    """Hashes (as in :attr:`WordTable.hashes`) of strings that are one token each, in order."""
    if not words:
        return np.zeros(0, dtype=np.uint64)
    scan = _Scan("\n".join(words))
    words_only = ~scan.breaks[scan.starts]
    return scan.span_hashes(scan.starts[words_only], scan.ends[words_only])


def is_token(text: str) -> bool:
    """Whether ``text`` is one word token."""
    return _WORD_RE.fullmatch(text) is not None


class HashIndex:
    """A set of 64-bit hashes, sorted, with a filter on their top 16 bits:
    most values that are not in it are turned away by one small lookup."""

    def __init__(self, hashes: np.ndarray):
        self.sorted = np.unique(hashes)
        self._filter = np.zeros(1 << 16, dtype=bool)
        self._filter[self.sorted >> _U(48)] = True

    def index(self, values: np.ndarray) -> np.ndarray:
        """Position of each value in ``sorted``, -1 where it is missing."""
        found = np.full(len(values), -1, dtype=np.int64)
        maybe = np.flatnonzero(self._filter[values >> _U(48)])
        if len(maybe):
            at = np.minimum(np.searchsorted(self.sorted, values[maybe]), len(self.sorted) - 1)
            hit = self.sorted[at] == values[maybe]
            found[maybe[hit]] = at[hit]
        return found

    def contains(self, values: np.ndarray) -> np.ndarray:
        return self.index(values) >= 0


def token_hashes(words) -> HashIndex:
    """The hashes of the strings that are one token each."""
    return HashIndex(word_hashes([w for w in words if is_token(w)]))


def _hash_tables(lexicon: Lexicon) -> tuple[HashIndex, HashIndex, HashIndex]:
    """Hashes of the stopwords, of the words a cue may be (في, or the first word
    of a lexicon alias) and of those it may be after a proclitic و ف ب ل ك
    (also the first word of a place name); built once per lexicon."""
    return lexicon.derived(_build_hash_tables)


def _build_hash_tables(lexicon: Lexicon) -> tuple[HashIndex, HashIndex, HashIndex]:
    starts = alias_starts(lexicon)
    return (token_hashes(stopwords()), token_hashes({*starts, *IN_WORDS}),
            token_hashes({*starts, *_place_stems()}))


def owned_terms(info: np.ndarray, owner: np.ndarray) -> np.ndarray:
    """Hashed terms of packed words as ``owner << 32 | term`` keys, in order (words without a term left out)."""
    has_term = (info & _HAS_TERM) != 0
    return (owner[has_term].astype(np.uint64) << _U(32)) | (info[has_term] >> _U(32))


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (by sorting: faster than ``np.unique`` on short arrays)."""
    values = np.sort(values)
    if len(values) > 1:
        values = values[np.concatenate(([True], values[1:] != values[:-1]))]
    return values


def split_owned(keys: np.ndarray, n_owners: int) -> tuple[np.ndarray, list[int]]:
    """The 32-bit values of sorted ``owner << 32 | value`` keys (uint32), and
    where each owner ``0 .. n_owners - 1`` starts among them (and the end)."""
    bounds = np.searchsorted(keys >> _U(32), np.arange(n_owners + 1, dtype=np.uint64)).tolist()
    return (keys & _U(0xFFFFFFFF)).astype(np.uint32), bounds


def term_sets(info: np.ndarray, owner: np.ndarray, n_owners: int) -> list[np.ndarray]:
    """For each owner ``0 .. n_owners - 1``, the sorted unique hashed terms (uint32) of its packed words."""
    terms, bounds = split_owned(sorted_unique(owned_terms(info, owner)), n_owners)
    return [terms[bounds[i]:bounds[i + 1]] for i in range(n_owners)]


def cues(info: np.ndarray) -> np.ndarray:
    """Whether a lexicon actor or a located place may start at each packed word."""
    return (info & _CUE) != 0


_MIX = (np.uint64(0x9E3779B1), np.uint64(0x85EBCA77), np.uint64(0xC2B2AE3D))


def shingle_hashes(info: np.ndarray, owner: np.ndarray) -> np.ndarray:
    """Distinct shingles of packed words (three words in a row, of one owner;
    ``owner`` ascending) as sorted ``owner << 32 | 32-bit hash`` keys."""
    hashes = info & _WORD_BITS
    n = len(hashes) - SHINGLE_WORDS + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    mixed = hashes[:n] * _MIX[0] + hashes[1:n + 1] * _MIX[1] + hashes[2:n + 2] * _MIX[2]
    keys = (owner[:n].astype(np.uint64) << _U(32)) | ((mixed ^ (mixed >> _U(29))) & _U(0xFFFFFFFF))
    return sorted_unique(keys[owner[:n] == owner[SHINGLE_WORDS - 1:]])
