"""Compact per-article signatures: all that the corpus steps keep of an article.

They are built in the per-page pass (:mod:`isnad.corpus.features`); the
corpus linker later holds only these (a MinHash, hashed term counts, actor
keys, dates and the title), never the article text.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from datasketch import MinHash

from ..lexicon import actor_aliases
from ..text import fold_key
from .terms import LINE_BREAK, alias_starts, b64, cue_positions, from_b64, place_names, shingle_hashes, term_array

NUM_PERM = 128
MIN_SHINGLES = 8  # shorter bodies are never called copies
MIN_BODY_LINE_WORDS = 12  # shorter lines (menus, headlines, link lists) are left out of the MinHash
TITLE_WEIGHT = 2  # a title word counts as much as two body words
ANONYMOUS_KINDS = frozenset({"anonymous", "official", "source", "unnamed"})


@dataclass(eq=False, slots=True)
class Signature:
    """What the corpus steps know about one article."""

    doc_id: str
    article_index: int
    title: str | None
    outlet: str | None
    published: str | None
    dates: tuple[str, ...]
    minhash: np.ndarray | None  # uint32[NUM_PERM]; None when the body is too short
    terms: np.ndarray  # uint32, sorted unique term hashes
    counts: np.ndarray  # uint16, aligned with terms
    actors: frozenset[str] = field(default_factory=frozenset)
    places: frozenset[str] = field(default_factory=frozenset)  # where things happen ("في موسكو")
    n_words: int = 0
    n_statements: int = 0  # its statements, staged right after those of the articles before it

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc_id, self.article_index)

    def to_record(self) -> dict:
        """A flat JSON-safe row (arrays as base64) for staging between the page pass and the corpus step."""
        return {
            "doc_id": self.doc_id, "article_index": self.article_index, "title": self.title,
            "outlet": self.outlet, "published": self.published, "dates": list(self.dates),
            "minhash": b64(self.minhash) if self.minhash is not None else None,
            "terms": b64(self.terms), "counts": b64(self.counts),
            "actors": sorted(self.actors), "places": sorted(self.places), "n_words": self.n_words,
            "n_statements": self.n_statements,
        }

    @classmethod
    def from_record(cls, row: dict) -> "Signature":
        """The signature of a row written by :meth:`to_record`."""
        return cls(
            doc_id=row["doc_id"], article_index=row["article_index"], title=row["title"],
            outlet=row["outlet"], published=row["published"], dates=tuple(row["dates"]),
            minhash=from_b64(row["minhash"], np.uint32) if row["minhash"] is not None else None,
            terms=from_b64(row["terms"], np.uint32), counts=from_b64(row["counts"], np.uint16),
            actors=frozenset(row["actors"]), places=frozenset(row["places"]), n_words=row["n_words"],
            n_statements=row["n_statements"],
        )

    def nbytes(self) -> int:
        """Approximate memory held by the arrays."""
        return self.terms.nbytes + self.counts.nbytes + (self.minhash.nbytes if self.minhash is not None else 0)


class CopyKey(NamedTuple):
    """What the search for copies reads of a signature row."""

    key: tuple[str, int]
    published: str | None
    minhash: np.ndarray | None

    @classmethod
    def from_record(cls, row: dict) -> "CopyKey":
        minhash = from_b64(row["minhash"], np.uint32) if row["minhash"] is not None else None
        return cls((row["doc_id"], row["article_index"]), row["published"], minhash)


def speaker_key(speaker: dict | None) -> str | None:
    """A corpus-wide key for a named speaker; None for anonymous ones."""
    if not speaker:
        return None
    if speaker.get("entity_id"):
        return str(speaker["entity_id"])
    if (speaker.get("kind") or "") in ANONYMOUS_KINDS:
        return None
    name = speaker.get("name_ar") or speaker.get("name")
    return "name:" + fold_key(name) if name else None


@lru_cache(maxsize=1)
def cue_window() -> int:
    """Words read from a cue on: the longest lexicon alias, and at least a
    preposition and a two-word place name."""
    return max(3, *(n for lengths in alias_starts().values() for n in lengths))


def lexicon_actors(folded_words: Sequence[str], positions: list[int] | None = None) -> set[str]:
    """Entity ids of lexicon actors named in a folded word list.

    ``positions`` (see :func:`~isnad.corpus.terms.cue_positions`) limits the words looked at.
    """
    aliases = actor_aliases()
    starts = alias_starts()
    found: set[str] = set()
    for i in range(len(folded_words)) if positions is None else positions:
        w = folded_words[i]
        first = w if w in starts else (w[1:] if len(w) > 3 and w[0] in "وفبلك" and w[1:] in starts else None)
        if first is None:
            continue
        for n in starts[first]:
            hit = aliases.get(" ".join([first, *folded_words[i + 1:i + n]]))
            if hit is not None:
                found.add(hit)
                break
    return found


def locative_places(folded_words: Sequence[str], positions: list[int] | None = None) -> set[str]:
    """Places named as where something happens: after في or with the ب proclitic."""
    names = place_names()
    found: set[str] = set()
    for i in range(len(folded_words)) if positions is None else positions:
        w = folded_words[i]
        if w in ("في", "وفي") and i + 1 < len(folded_words):
            following = folded_words[i + 1]
        elif len(w) > 3 and w[0] == "ب":
            following = w[1:]
        else:
            continue
        two = " ".join([following, *folded_words[i + 2:i + 3]]) if w[0] != "ب" else ""
        if two in names:
            found.add(two)
        elif following in names:
            found.add(following)
    return found


def body_words(info: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Of packed words with line breaks: all the words, and the words on long
    lines (all of them when too few lines are long).

    Boilerplate that a segmenter may leave (menus, headers, "read also"
    headlines, footers) comes in short lines; copies of one story share the
    long ones.
    """
    breaks = info == LINE_BREAK
    if not breaks.any():
        return info, info
    all_words = info[~breaks]
    line = np.cumsum(breaks)
    long_line = np.bincount(line[~breaks], minlength=int(line[-1]) + 1) >= MIN_BODY_LINE_WORDS
    kept = info[~breaks & long_line[line]]
    return all_words, (kept if len(kept) >= MIN_SHINGLES + 2 else all_words)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations of a datasketch MinHash (scheme ``affine32``, seed 1)."""
    a, b = MinHash(num_perm=NUM_PERM, hashfunc=int).permutations
    return a.reshape(1, -1), b.reshape(1, -1)


def minhash_values(shingles: np.ndarray) -> np.ndarray:
    """MinHash of hashed shingles, equal to datasketch's ``MinHash.update_batch`` (affine32).

    Computed here with numpy in one step: the MurmurHash3 finaliser, then the
    affine permutations, then the minimum per permutation.
    """
    hv = shingles.astype(np.uint32).reshape(-1, 1)
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    hv = hv ^ (hv >> np.uint32(16))
    a, b = _permutations()
    return (hv * a + b).min(axis=0)


def build_signature(article: dict, statements: Sequence[dict], info: np.ndarray,
                    words_near: Callable[[list[int]], Sequence[str | None]], title_info: np.ndarray | None) -> Signature:
    """Signature of an ``articles.jsonl`` row and its statements.

    ``info``: the packed words of its text with line breaks; ``words_near(positions)``:
    the same words (line breaks left out) as folded strings, at least the
    ``cue_window()`` from each position on; ``title_info``: the packed words
    of its title.
    """
    all_words, long_line_words = body_words(info)
    term_hashes = term_array(all_words)
    if title_info is not None:
        term_hashes = np.concatenate([term_hashes, np.repeat(term_array(title_info), TITLE_WEIGHT)])
    terms, tf = np.unique(term_hashes, return_counts=True)
    shingles = shingle_hashes(long_line_words)
    cues = cue_positions(all_words)
    words = words_near(cues)
    actors = lexicon_actors(words, cues)
    dates = []
    for st in statements:
        key = speaker_key(st.get("speaker"))
        if key:
            actors.add(key)
        if st.get("date"):
            dates.append(str(st["date"]))
    return Signature(
        doc_id=str(article.get("doc_id")),
        article_index=int(article.get("article_index") or 0),
        title=article.get("title"),
        outlet=article.get("outlet"),
        published=article.get("published"),
        dates=tuple(sorted(set(dates))),
        minhash=minhash_values(shingles) if len(shingles) >= MIN_SHINGLES else None,
        terms=terms.astype(np.uint32),
        counts=np.minimum(tf, 65535).astype(np.uint16),
        actors=frozenset(actors),
        places=frozenset(locative_places(words, cues)),
        n_words=len(all_words),
        n_statements=len(statements),
    )
