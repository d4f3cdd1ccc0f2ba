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
from operator import itemgetter
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


class WordInfo(NamedTuple):
    """What the corpus steps use of one word: folded form, its hash, its term's hash (-1: none)."""

    folded: str
    word_hash: int
    term: int
    cue: bool  # see is_cue


LINE_BREAK = WordInfo("\n", 0, -1, False)
# Words of folded text, looked up through a cache: news vocabulary repeats,
# so each distinct word is stemmed and hashed once per process.
_INFO: dict[str, WordInfo] = {"\n": LINE_BREAK}
_CACHE_LIMIT = 300_000  # words; the cache is dropped and refilled beyond that
_WORD_OR_BREAK_RE = re.compile(r"[^\W_]+|\n")


def _word_info(folded: str) -> WordInfo:
    if len(_INFO) > _CACHE_LIMIT:
        _INFO.clear()
        _INFO["\n"] = LINE_BREAK
    term = term_of(folded)
    info = _INFO[folded] = WordInfo(folded, zlib.crc32(folded.encode("utf-8")),
                                    -1 if term is None else term_hash(term), is_cue(folded))
    return info


def folded_word_infos_with_breaks(folded_text: str) -> list[WordInfo]:
    """The words of a folded text (:func:`isnad.text.fold`), with ``LINE_BREAK``
    where a line ends (looked up at C speed; misses filled once)."""
    words = _WORD_OR_BREAK_RE.findall(folded_text)
    distinct = dict.fromkeys(words)  # the text's own small table: each word looked up in the big one once
    distinct.update(zip(distinct, map(_INFO.get, distinct)))
    if None in distinct.values():
        distinct = {w: info or _word_info(w) for w, info in distinct.items()}
    return list(map(distinct.__getitem__, words))


def word_infos_with_breaks(text: str) -> list[WordInfo]:
    """The words of a raw text, with ``LINE_BREAK`` where a line ends."""
    return folded_word_infos_with_breaks(fold(text).text)


def word_infos(text: str) -> list[WordInfo]:
    """The words of a raw text, in order."""
    return [w for w in word_infos_with_breaks(text) if w is not LINE_BREAK]


def b64(values: np.ndarray) -> str:
    """An array as base64 text, for JSON staging rows."""
    return base64.b64encode(values.tobytes()).decode("ascii")


def from_b64(text: str, dtype) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=dtype)


_TERM = itemgetter(2)
_WORD_HASH = itemgetter(1)


def term_array(infos: list[WordInfo]) -> np.ndarray:
    """Hashed terms of the words, in order, as int64 (words without a term left out)."""
    terms = np.fromiter(map(_TERM, infos), dtype=np.int64, count=len(infos))
    return terms[terms >= 0]


def term_set(infos: list[WordInfo]) -> np.ndarray:
    """Sorted unique hashed terms of the words, as uint32."""
    return np.unique(term_array(infos)).astype(np.uint32)


_MIX = (np.uint64(0x9E3779B1), np.uint64(0x85EBCA77), np.uint64(0xC2B2AE3D))


def shingle_hashes(infos: list[WordInfo]) -> np.ndarray:
    """32-bit hashes of the overlapping three-word shingles (unique)."""
    hashes = np.fromiter(map(_WORD_HASH, infos), dtype=np.uint64, count=len(infos))
    if len(hashes) < SHINGLE_WORDS:
        return np.unique((hashes * _MIX[0]).sum(dtype=np.uint64, keepdims=True) & np.uint64(0xFFFFFFFF)) \
            if len(hashes) else hashes
    n = len(hashes) - SHINGLE_WORDS + 1
    mixed = hashes[:n] * _MIX[0] + hashes[1:n + 1] * _MIX[1] + hashes[2:n + 2] * _MIX[2]
    return np.unique((mixed ^ (mixed >> np.uint64(29))) & np.uint64(0xFFFFFFFF))
