"""Compact per-article signatures: all that the corpus steps keep of an article.

They are built in the per-page pass (:mod:`isnad.corpus.features`); the
corpus linker later holds only these (a MinHash, hashed term counts, actor
keys, dates and the title), never the article text.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from datasketch import MinHash

from ..lexicon import Lexicon, default_lexicon
from ..text import fold_key
from .terms import (IN_WORDS, LINE_BREAK, HashIndex, WordColumns, alias_starts, cues, is_token, owned_terms,
                    place_names, shingle_hashes, split_owned, token_hashes, word_hashes)

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
    published: str | None  # ISO date, or --MM-DD when the page states only day and month
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

    def to_row(self) -> tuple:
        """A tuple of plain values (arrays as bytes) for staging between the page pass and the corpus step."""
        return (self.doc_id, self.article_index, self.title, self.outlet, self.published, self.dates,
                self.minhash.tobytes() if self.minhash is not None else None, self.terms.tobytes(),
                self.counts.tobytes(), tuple(sorted(self.actors)), tuple(sorted(self.places)), self.n_words,
                self.n_statements)

    @classmethod
    def from_row(cls, row: tuple) -> "Signature":
        """The signature of a row written by :meth:`to_row`."""
        (doc_id, article_index, title, outlet, published, dates, minhash, terms, counts, actors, places, n_words,
         n_statements) = row
        return cls(doc_id, article_index, title, outlet, published, dates,
                   np.frombuffer(minhash, np.uint32) if minhash is not None else None,
                   np.frombuffer(terms, np.uint32), np.frombuffer(counts, np.uint16),
                   frozenset(actors), frozenset(places), n_words, n_statements)

    def nbytes(self) -> int:
        """Approximate memory held by the arrays."""
        return self.terms.nbytes + self.counts.nbytes + (self.minhash.nbytes if self.minhash is not None else 0)


class CopyKey(NamedTuple):
    """What the search for copies reads of a signature row."""

    key: tuple[str, int]
    published: str | None
    minhash: np.ndarray | None

    @classmethod
    def from_row(cls, row: tuple) -> "CopyKey":
        """What the search for copies needs of a row written by :meth:`Signature.to_row`."""
        return cls((row[0], row[1]), row[4], np.frombuffer(row[6], np.uint32) if row[6] is not None else None)


def speaker_key(speaker: dict | None) -> str | None:
    """A corpus-wide key for a named speaker; None for anonymous ones."""
    if not speaker:
        return None
    if speaker.get("entity_id"):
        return str(speaker["entity_id"])
    if (speaker.get("kind") or "") in ANONYMOUS_KINDS:
        return None
    name = speaker.get("name_ar") or speaker.get("name")
    return _name_key(name) if name else None


@lru_cache(maxsize=65536)
def _name_key(name: str) -> str:
    return "name:" + fold_key(name)


_PHRASE_BASE = 0x9E3779B97F4A7C15  # odd: combines the hashes of a phrase's words


def _phrase_factor(k: int) -> np.uint64:
    """The weight of a phrase's k-th word hash."""
    return np.uint64(pow(_PHRASE_BASE, k, 2 ** 64))



def _phrase_keys(word_hash_rows: list[np.ndarray]) -> np.ndarray:
    """Keys of phrases given the hashes of their first, second... words (a row each)."""
    key = np.zeros_like(word_hash_rows[0])
    for k, hashes in enumerate(word_hash_rows):
        key = key + hashes * _phrase_factor(k)
    return key


def _phrase_table(phrases: list[str], values: list) -> tuple[HashIndex, np.ndarray, int]:
    """The keys of the phrases whose words are all tokens, their values (in
    the order of the sorted keys), and the longest phrase in words."""
    kept = [(phrase.split(), value) for phrase, value in zip(phrases, values)
            if all(is_token(w) for w in phrase.split())]
    words = [w for split, _ in kept for w in split]
    hashes, at, keys = word_hashes(words), 0, []
    for split, _ in kept:
        keys.append(_phrase_keys([hashes[at + k:at + k + 1] for k in range(len(split))])[0])
        at += len(split)
    index = HashIndex(np.array(keys, dtype=np.uint64))
    order = index.index(np.array(keys, dtype=np.uint64))
    ordered = np.empty(len(index.sorted), dtype=object)
    ordered[order] = [v for _, v in kept]
    return index, ordered, max((len(split) for split, _ in kept), default=1)


def _alias_table(lexicon: Lexicon) -> tuple[HashIndex, np.ndarray, int]:
    """The lexicon aliases as phrase keys, with their entity ids."""
    aliases = lexicon.actor_aliases
    return _phrase_table(list(aliases), list(aliases.values()))


@lru_cache(maxsize=1)
def _place_table() -> tuple[HashIndex, np.ndarray, int]:
    """The one- and two-word place names as phrase keys, with the names."""
    names = sorted(name for name in place_names() if len(name.split()) <= 2)
    return _phrase_table(names, names)


def _word_tables(lexicon: Lexicon) -> tuple[HashIndex, HashIndex]:
    """Hashes of the first words of the aliases, and of في and وفي."""
    return token_hashes(alias_starts(lexicon)), token_hashes(IN_WORDS)


def cue_matches(hashes: np.ndarray, proclitics: np.ndarray, unprefixed: np.ndarray, owner: np.ndarray,
                cue_at: np.ndarray, lexicon: Lexicon) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Lexicon actors, and places where something happens, named from the cue
    words ``cue_at`` of a word sequence (line breaks left out; ``owner``: the
    article of each word): as (article, entity id) and (article, place name).

    An actor is the longest lexicon alias starting at a cue, its first word
    with or without a proclitic (و ف ب ل ك).  A place is a one- or two-word
    place name after في, or a one-word one with the proclitic ب.
    """
    n = len(hashes)
    starts, in_words = lexicon.derived(_word_tables)

    def following(k: int, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Hashes of the k-th words after ``at``, and whether they lie in the same article."""
        later = np.minimum(at + k, n - 1)
        return hashes[later], (at + k < n) & (owner[later] == owner[at])

    first = hashes[cue_at]
    full = starts.contains(first)
    stripped = ~full & (unprefixed[cue_at] != 0) & starts.contains(unprefixed[cue_at])
    aliases, ids, longest = lexicon.derived(_alias_table)
    at = cue_at[full | stripped]
    keys = np.empty((len(at), longest), dtype=np.uint64)  # the phrase of 1, 2... words from each cue
    inside = np.ones((len(at), longest), dtype=bool)
    keys[:, 0] = np.where(full, first, unprefixed[cue_at])[full | stripped]
    for k in range(1, longest):
        word, same = following(k, at)
        inside[:, k] = inside[:, k - 1] & same
        keys[:, k] = keys[:, k - 1] + word * _phrase_factor(k)
    found = np.where(inside, aliases.index(keys.ravel()).reshape(keys.shape), -1)
    longest_found = longest - 1 - np.argmax(found[:, ::-1] >= 0, axis=1)
    best = found[np.arange(len(at)), longest_found]
    actors = [(int(o), ids[i]) for o, i in zip(owner[at[best >= 0]], best[best >= 0])]

    after_in = in_words.contains(first)
    next_word, has_next = following(1, cue_at)
    word_after, has_two = following(2, cue_at)
    table, names, _ = _place_table()
    two = np.where(after_in & has_next & has_two, table.index(_phrase_keys([next_word, word_after])), -1)
    one_key = np.where(after_in & has_next, next_word,
                       np.where(~after_in & (proclitics[cue_at] == ord("ب")), unprefixed[cue_at], 0))
    one = np.where(one_key != 0, table.index(one_key), -1)
    place = np.where(two >= 0, two, one)
    places = [(int(o), names[i]) for o, i in zip(owner[cue_at[place >= 0]], place[place >= 0])]
    return actors, places


class ArticleArrays(NamedTuple):
    """The array parts of one article's signature."""

    terms: np.ndarray  # uint32, sorted unique term hashes
    counts: np.ndarray  # uint16, aligned with terms
    minhash: np.ndarray | None
    n_words: int
    actors: set[str]  # entity ids of the lexicon actors it names
    places: set[str]  # places named as where something happens ("في موسكو")


def article_arrays(words: WordColumns, owner: np.ndarray, title_info: np.ndarray, title_owner: np.ndarray,
                   n_articles: int, lexicon: Lexicon | None = None) -> list[ArticleArrays]:
    """The array parts of the signatures of a batch of articles, computed together.

    ``words`` holds the tokens of the articles' texts one after the other,
    with line breaks; ``owner`` the article number of each; ``title_info``
    and ``title_owner`` the packed words of their titles and their article.
    """
    is_word = words.info != LINE_BREAK
    n_words = np.bincount(owner[is_word], minlength=n_articles)
    minhashes = _minhashes(words.info, owner, is_word, n_articles)
    terms, counts = _term_counts(words.info[is_word], owner[is_word], title_info, title_owner, n_articles)
    actors: list[set[str]] = [set() for _ in range(n_articles)]
    places: list[set[str]] = [set() for _ in range(n_articles)]
    named_actors, named_places = cue_matches(words.hashes[is_word], words.proclitics[is_word],
                                             words.unprefixed[is_word], owner[is_word],
                                             np.flatnonzero(cues(words.info[is_word])), lexicon or default_lexicon())
    for i, entity in named_actors:
        actors[i].add(entity)
    for i, name in named_places:
        places[i].add(name)
    return [ArticleArrays(terms[i], counts[i], minhashes[i], int(n_words[i]), actors[i], places[i])
            for i in range(n_articles)]


def _minhashes(info: np.ndarray, owner: np.ndarray, is_word: np.ndarray, n_articles: int) -> list[np.ndarray | None]:
    """Each article's MinHash over the shingles of the words on its long
    lines (all its words when too few are on long lines), or None when it
    has fewer than ``MIN_SHINGLES``.  Boilerplate that a segmenter may leave
    (menus, headers, "read also" headlines, footers) comes in short lines;
    copies of one story share the long ones."""
    new_line = ~is_word
    new_line[np.flatnonzero(np.diff(owner, prepend=-1))] = True  # an article starts a line
    line = np.cumsum(new_line)
    long_line = np.bincount(line[is_word], minlength=int(line[-1]) + 1 if len(line) else 0) >= MIN_BODY_LINE_WORDS
    on_long_lines = np.bincount(owner[is_word & long_line[line]], minlength=n_articles)
    shingled = is_word & (long_line[line] | (on_long_lines < MIN_SHINGLES + 2)[owner])
    values, bounds = split_owned(shingle_hashes(info[shingled], owner[shingled]), n_articles)
    return [minhash_values(values[bounds[i]:bounds[i + 1]]) if bounds[i + 1] - bounds[i] >= MIN_SHINGLES else None
            for i in range(n_articles)]


def _term_counts(info: np.ndarray, owner: np.ndarray, title_info: np.ndarray, title_owner: np.ndarray,
                 n_articles: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Each article's sorted term hashes (uint32) and their counts (uint16),
    a title word counting ``TITLE_WEIGHT`` times."""
    keys, counts = np.unique(np.concatenate((
        owned_terms(info, owner), np.repeat(owned_terms(title_info, title_owner), TITLE_WEIGHT))), return_counts=True)
    terms, bounds = split_owned(keys, n_articles)
    counts = np.minimum(counts, 65535).astype(np.uint16)
    return ([terms[bounds[i]:bounds[i + 1]] for i in range(n_articles)],
            [counts[bounds[i]:bounds[i + 1]] for i in range(n_articles)])


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations of a datasketch MinHash (scheme ``affine32``, seed 1)."""
    a, b = MinHash(num_perm=NUM_PERM, hashfunc=int).permutations
    return a.reshape(1, -1), b.reshape(1, -1)


_MINHASH_ROWS = 1 << 12  # shingles hashed at once: bounds the (rows x NUM_PERM) matrix of a huge article


def minhash_values(shingles: np.ndarray) -> np.ndarray:
    """MinHash of hashed shingles, equal to datasketch's ``MinHash.update_batch`` (affine32).

    Computed with numpy: the MurmurHash3 finaliser, then the affine
    permutations, then the minimum per permutation, a bounded number of
    shingles at a time.
    """
    a, b = _permutations()
    values = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
    for start in range(0, len(shingles), _MINHASH_ROWS):
        hv = shingles[start:start + _MINHASH_ROWS].astype(np.uint32).reshape(-1, 1)
        hv = hv ^ (hv >> np.uint32(16))
        hv = hv * np.uint32(0x85EBCA6B)
        hv = hv ^ (hv >> np.uint32(13))
        hv = hv * np.uint32(0xC2B2AE35)
        hv = hv ^ (hv >> np.uint32(16))
        permuted = hv * a
        permuted += b
        np.minimum(values, permuted.min(axis=0), out=values)
    return values


def build_signature(article: dict, statements: Sequence[dict], arrays: ArticleArrays) -> Signature:
    """Signature of an ``articles.jsonl`` row and its statements, given its array parts."""
    actors = set(arrays.actors)
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
        published=article.get("published") or article.get("published_partial"),
        dates=tuple(sorted(set(dates))),
        minhash=arrays.minhash,
        terms=arrays.terms,
        counts=arrays.counts,
        actors=frozenset(actors),
        places=frozenset(arrays.places),
        n_words=arrays.n_words,
        n_statements=len(statements),
    )
