"""Term bags and shingles of folded Arabic text for corpus-level comparison.

Terms are light stems (proclitics and the article, common suffixes removed)
of content words, hashed to 32 bits with CRC-32 so that signatures stay
small and are stable across processes.  Shingles are runs of three words,
stopwords included, for near-duplicate detection.
"""
from __future__ import annotations

import re
import zlib
from collections import Counter
from functools import lru_cache

import numpy as np

from ..lexicon import read_tsv
from ..text import fold, fold_key

_WORD_RE = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_ARTICLE_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
# (suffix, shortest stem left behind), longest first
_SUFFIXES = (("يين", 3), ("يون", 3), ("ات", 3), ("ون", 4), ("ين", 4), ("يه", 3), ("ها", 3),
             ("هم", 3), ("ه", 3), ("ي", 3))
SHINGLE_WORDS = 3


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Folded stopwords from ``data/stopwords_ar.tsv``."""
    return frozenset(fold_key(row["word"]) for row in read_tsv("stopwords_ar.tsv"))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Light stem of a folded word: و/ف, the article and one suffix removed."""
    if len(word) >= 5 and word[0] in "وف":
        word = word[1:]
    for prefix in _ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix):]
            break
    for suffix, shortest in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=200_000)
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


@lru_cache(maxsize=200_000)
def term_hash(term: str) -> int:
    """Stable 32-bit hash of a term."""
    return zlib.crc32(term.encode("utf-8"))


_WORD_TERM: dict[str, int] = {}  # folded word -> term hash, or -1 for no term
_WORD_HASH: dict[str, int] = {}  # folded word -> CRC-32 of the word
_CACHE_LIMIT = 500_000


def _word_term(word: str) -> int:
    if len(_WORD_TERM) > _CACHE_LIMIT:
        _WORD_TERM.clear()
    t = term_of(word)
    h = _WORD_TERM[word] = -1 if t is None else term_hash(t)
    return h


def words(folded: str) -> list[str]:
    """Words and numbers of an already folded text."""
    return _WORD_RE.findall(folded)


def term_list(folded: str) -> list[str]:
    """Terms of an already folded text, in order, stopwords left out."""
    return [t for t in map(term_of, words(folded)) if t is not None]


def term_counts(word_list: list[str], weight: int = 1) -> Counter:
    """Hashed term -> count (times ``weight``) for the words of a folded text."""
    get = _WORD_TERM.get
    hashes = [h for w in word_list if (h := get(w)) is not None or (h := _word_term(w)) is not None]
    counts = Counter(h for h in hashes if h >= 0)
    if weight != 1:
        for h in counts:
            counts[h] *= weight
    return counts


def term_set(text: str) -> np.ndarray:
    """Sorted unique hashed terms of a raw (unfolded) text, as uint32."""
    hashes = set(term_counts(words(fold(text).text)))
    return np.fromiter(sorted(hashes), dtype=np.uint32, count=len(hashes))


def _word_hash(word: str) -> int:
    if len(_WORD_HASH) > _CACHE_LIMIT:
        _WORD_HASH.clear()
    h = _WORD_HASH[word] = zlib.crc32(word.encode("utf-8"))
    return h


_MIX = (np.uint64(0x9E3779B1), np.uint64(0x85EBCA77), np.uint64(0xC2B2AE3D))


def shingle_hashes(word_list: list[str]) -> np.ndarray:
    """32-bit hashes of the overlapping three-word shingles of a word list (unique)."""
    get = _WORD_HASH.get
    hashes = np.fromiter((get(w) or _word_hash(w) for w in word_list), dtype=np.uint64, count=len(word_list))
    if len(hashes) < SHINGLE_WORDS:
        return np.unique((hashes * _MIX[0]).sum(dtype=np.uint64, keepdims=True) & np.uint64(0xFFFFFFFF)) \
            if len(hashes) else hashes
    n = len(hashes) - SHINGLE_WORDS + 1
    mixed = hashes[:n] * _MIX[0] + hashes[1:n + 1] * _MIX[1] + hashes[2:n + 2] * _MIX[2]
    return np.unique((mixed ^ (mixed >> np.uint64(29))) & np.uint64(0xFFFFFFFF))
