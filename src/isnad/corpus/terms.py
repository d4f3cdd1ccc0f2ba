"""Term bags and shingles of folded Arabic text for corpus-level comparison.

Words are folded with :func:`isnad.text.fold_key`.  Terms are light stems
(proclitics and the article, common suffixes removed) of content words,
hashed to 32 bits with CRC-32 so that signatures stay small and are stable
across processes.  Shingles are runs of three words, stopwords included, for
near-duplicate detection.
"""
from __future__ import annotations

import re
import zlib
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from ..lexicon import read_tsv
from ..text import fold_key

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


class WordInfo(NamedTuple):
    """What the corpus steps use of one word: folded form, its hash, its term's hash (-1: none)."""

    folded: str
    word_hash: int
    term: int


# Words are matched on the raw text (diacritics and joiners kept inside a word)
# and folded one by one through a cache: news vocabulary repeats, so this is
# much cheaper than folding the whole text.
_RAW_WORD_RE = re.compile(r"(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d\u0640])+")
_INFO: dict[str, WordInfo] = {}
_CACHE_LIMIT = 500_000


def _word_info(raw: str) -> WordInfo:
    if len(_INFO) > _CACHE_LIMIT:
        _INFO.clear()
    folded = fold_key(raw).replace(" ", "")
    term = term_of(folded)
    info = _INFO[raw] = WordInfo(folded, zlib.crc32(folded.encode("utf-8")), -1 if term is None else term_hash(term))
    return info


def word_infos(text: str) -> list[WordInfo]:
    """The words of a raw (unfolded) text, in order."""
    get = _INFO.get
    return [get(w) or _word_info(w) for w in _RAW_WORD_RE.findall(text)]


def term_counts(infos: list[WordInfo], weight: int = 1) -> Counter:
    """Hashed term -> count (times ``weight``)."""
    counts = Counter(i.term for i in infos if i.term >= 0)
    if weight != 1:
        for t in counts:
            counts[t] *= weight
    return counts


def term_set(text: str) -> np.ndarray:
    """Sorted unique hashed terms of a raw text, as uint32."""
    hashes = {i.term for i in word_infos(text) if i.term >= 0}
    return np.fromiter(sorted(hashes), dtype=np.uint32, count=len(hashes))


_MIX = (np.uint64(0x9E3779B1), np.uint64(0x85EBCA77), np.uint64(0xC2B2AE3D))


def shingle_hashes(infos: list[WordInfo]) -> np.ndarray:
    """32-bit hashes of the overlapping three-word shingles (unique)."""
    hashes = np.fromiter((i.word_hash for i in infos), dtype=np.uint64, count=len(infos))
    if len(hashes) < SHINGLE_WORDS:
        return np.unique((hashes * _MIX[0]).sum(dtype=np.uint64, keepdims=True) & np.uint64(0xFFFFFFFF)) \
            if len(hashes) else hashes
    n = len(hashes) - SHINGLE_WORDS + 1
    mixed = hashes[:n] * _MIX[0] + hashes[1:n + 1] * _MIX[1] + hashes[2:n + 2] * _MIX[2]
    return np.unique((mixed ^ (mixed >> np.uint64(29))) & np.uint64(0xFFFFFFFF))
