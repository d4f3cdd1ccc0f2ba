"""Term bags and shingles of folded Arabic text for corpus-level comparison.

Words are folded with :func:`isnad.text.fold_key`.  Terms are light stems
(proclitics and the article, common suffixes removed) of content words,
hashed to 32 bits with CRC-32 so that signatures stay small and are stable
across processes.  Shingles are runs of three words, stopwords included, for
near-duplicate detection.
"""
from __future__ import annotations

import base64
import re
import zlib
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from ..lexicon import actor_aliases, read_tsv
from ..text import fold, fold_key

_ARTICLE_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
# (suffix, shortest stem left behind), longest first
_SUFFIXES = (("يين", 3), ("يون", 3), ("ات", 3), ("ون", 4), ("ين", 4), ("يه", 3), ("ها", 3),
             ("هم", 3), ("ه", 3), ("ي", 3))
_ARTICLE_RE = re.compile("|".join(_ARTICLE_PREFIXES))
_SUFFIXES_BY_LAST: dict[str, tuple[tuple[str, int], ...]] = {}
for _suffix, _shortest in _SUFFIXES:
    _SUFFIXES_BY_LAST[_suffix[-1]] = (*_SUFFIXES_BY_LAST.get(_suffix[-1], ()), (_suffix, _shortest))
SHINGLE_WORDS = 3


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Folded stopwords from ``data/stopwords_ar.tsv``."""
    return frozenset(fold_key(row["word"]) for row in read_tsv("stopwords_ar.tsv"))


def stem(word: str) -> str:
    """Light stem of a folded word: و/ف, the article and one suffix removed."""
    if len(word) >= 5 and word[0] in "وف":
        word = word[1:]
    m = _ARTICLE_RE.match(word)
    if m and len(word) - m.end() >= 3:
        word = word[m.end():]
    for suffix, shortest in _SUFFIXES_BY_LAST.get(word[-1:], ()):
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            return word[: -len(suffix)]
    return word


def term_of(word: str) -> str | None:
    """The term a folded word contributes, or None for stopwords and short words."""
    if len(word) < 3 or word.isdigit():
        return None
    stop = stopwords()
    if word in stop:
        return None
    s = stem(word)
    if s in stop or len(s) < 3:
        return None
    if len(word) > 3 and word[0] in "وف" and word[1:] in stop:
        return None
    return s


def term_hash(term: str) -> int:
    """Stable 32-bit hash of a term."""
    return zlib.crc32(term.encode("utf-8"))


@lru_cache(maxsize=1)
def alias_starts() -> dict[str, tuple[int, ...]]:
    """First word of each lexicon alias -> alias lengths in words, longest first."""
    starts: dict[str, set[int]] = {}
    for alias in actor_aliases():
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


def is_cue(word: str) -> bool:
    """Whether a lexicon actor or a place after في / ب may start at this folded word."""
    starts, stems = alias_starts(), _place_stems()
    stripped = word[1:] if len(word) > 3 and word[0] in "وفبلك" else ""
    return word in ("في", "وفي") or word in starts or stripped in starts or stripped in stems


# What the corpus steps use of a word, packed in one 64-bit int: its hash (bits 0-29,
# never 0, so that 0 marks a line break), whether it is a cue (bit 30, see is_cue),
# whether it has a term (bit 31) and the term's hash (bits 32-63).
_WORD_BITS = np.uint64((1 << 30) - 1)
_CUE = np.uint64(1 << 30)
_HAS_TERM = np.uint64(1 << 31)
LINE_BREAK = 0
# Words of folded text, looked up through a cache: news vocabulary repeats,
# so each distinct word is stemmed and hashed once per process.
_INFO: dict[str, int] = {"\n": LINE_BREAK}
_CACHE_LIMIT = 300_000  # words; the cache is dropped and refilled beyond that
_WORD_OR_BREAK_RE = re.compile(r"[^\W_]+|\n")


class Words(NamedTuple):
    """The words of a folded text in order, ``"\n"`` where a line ends, and
    their packed infos (``LINE_BREAK`` for a line end)."""

    words: list[str]
    info: np.ndarray  # uint64


def _word_info(folded: str) -> int:
    if len(_INFO) > _CACHE_LIMIT:
        _INFO.clear()
        _INFO["\n"] = LINE_BREAK
    term = term_of(folded)
    info = (zlib.crc32(folded.encode("utf-8")) & ((1 << 30) - 1)) or 1
    if is_cue(folded):
        info |= 1 << 30
    if term is not None:
        info |= (1 << 31) | (term_hash(term) << 32)
    _INFO[folded] = info
    return info


def folded_words(folded_text: str) -> Words:
    """The words of a folded text (:func:`isnad.text.fold`), with line breaks
    (looked up at C speed, each distinct word once; misses filled once)."""
    words = _WORD_OR_BREAK_RE.findall(folded_text)
    distinct = dict.fromkeys(words)  # the text's own small table
    distinct.update(zip(distinct, map(_INFO.get, distinct)))
    if None in distinct.values():
        distinct = {w: _word_info(w) if info is None else info for w, info in distinct.items()}
    info = np.fromiter(map(distinct.__getitem__, words), dtype=np.uint64, count=len(words))
    return Words(words, info)


def words_of(text: str) -> Words:
    """The words of a raw text, with line breaks."""
    return folded_words(fold(text).text)


def term_array(info: np.ndarray) -> np.ndarray:
    """Hashed terms of packed words, in order, as int64 (words without a term left out)."""
    return (info[(info & _HAS_TERM) != 0] >> np.uint64(32)).astype(np.int64)


def term_set(info: np.ndarray) -> np.ndarray:
    """Sorted unique hashed terms of packed words, as uint32."""
    return np.unique(term_array(info)).astype(np.uint32)


def cue_positions(info: np.ndarray) -> list[int]:
    """Positions of the packed words where a lexicon actor or a located place may start."""
    return np.flatnonzero(info & _CUE).tolist()


def b64(values: np.ndarray) -> str:
    """An array as base64 text, for JSON staging rows."""
    return base64.b64encode(values.tobytes()).decode("ascii")


def from_b64(text: str, dtype) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=dtype)


_MIX = (np.uint64(0x9E3779B1), np.uint64(0x85EBCA77), np.uint64(0xC2B2AE3D))


def shingle_hashes(info: np.ndarray) -> np.ndarray:
    """32-bit hashes of the overlapping three-word shingles of packed words (unique)."""
    hashes = info & _WORD_BITS
    if len(hashes) < SHINGLE_WORDS:
        return np.unique((hashes * _MIX[0]).sum(dtype=np.uint64, keepdims=True) & np.uint64(0xFFFFFFFF)) \
            if len(hashes) else hashes
    n = len(hashes) - SHINGLE_WORDS + 1
    mixed = hashes[:n] * _MIX[0] + hashes[1:n + 1] * _MIX[1] + hashes[2:n + 2] * _MIX[2]
    return np.unique((mixed ^ (mixed >> np.uint64(29))) & np.uint64(0xFFFFFFFF))
