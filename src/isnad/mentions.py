"""Lexicon mentions in folded text: one Aho–Corasick automaton, built once.

The automaton holds every multi-letter lexicon entry the statement extractor
needs (actors, country names and adjectives, role heads, reporting cues,
stance phrases, back-references, multi-word function phrases), folded with :func:`isnad.text.fold_key`.
Aho–Corasick matches inside words, so each hit is kept only when the letters
on both sides end the word: nothing glued after it, and before it either a
word boundary or a chain of proclitics (و ف ب ل ك ال / لل) that itself starts
a word.  ``للبيت الأبيض`` is found through a variant of ``البيت الأبيض``
that requires the ``لل`` prefix.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

import ahocorasick

from .lexicon import Lexicon
from .text import fold_key

# Proclitic chains that may be glued before a lexicon entry.
_PROCLITICS = frozenset({
    "", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "وبال", "فبال", "وكال",
    "وب", "ول", "فب", "فل", "وك", "فك", "لل", "ولل", "فلل",
})
_LAM_LAM = ("لل", "ولل", "فلل")


@dataclass(frozen=True, slots=True)
class Mention:
    """A lexicon entry found in folded text.

    ``start`` is where the word begins (proclitics included), ``key_start``
    where the entry itself begins, ``end`` where it ends (folded offsets).
    """

    start: int
    key_start: int
    end: int
    category: str  # actor | country | role | cue | stance | backref | word
    key: str
    value: Any  # entity id for actors, CountryForm for countries, the TSV row otherwise

    @property
    def prefix_len(self) -> int:
        return self.key_start - self.start

    def definite(self, text: str) -> bool:
        """True when the entry carries the article ال (or لل) itself or as a proclitic."""
        return self.key.startswith("ال") or text[self.start:self.key_start].endswith(("ال", "لل"))


def _entries(lexicon: Lexicon):
    """(category, surface, value) of every lexicon entry in the automaton."""
    for alias, entity_id in lexicon.actor_aliases.items():
        yield "actor", alias, entity_id
    for category, name, column in (("role", "role_heads.tsv", "form"), ("cue", "cues.tsv", "form"),
                                   ("stance", "stance_phrases.tsv", "phrase"),
                                   ("backref", "backrefs.tsv", "form")):
        for row in lexicon.rows(name):
            yield category, row[column], row
    yield from _cues_with_object_pronouns(lexicon)
    for form, country in lexicon.country_forms.items():
        yield "country", form, country
    for row in lexicon.rows("speech_words.tsv"):
        if " " in row["word"].strip():
            yield "word", row["word"], row


OBJECT_PRONOUNS = ("ه", "ها", "هم")  # him, her / it, them, glued to a verb


def _cues_with_object_pronouns(lexicon: Lexicon):
    """("cue", form, row) for the verb forms of a ``person_object`` lemma with the person it acts
    on glued to them as a pronoun (اتهمها، أبلغه، وصفوها: the plural's ا falls), unless listed."""
    lemmas = {fold_key(row["word"]) for row in lexicon.rows("speech_words.tsv") if row["class"] == "person_object"}
    rows = lexicon.rows("cues.tsv")
    taken = {fold_key(row["form"]) for row in rows} | {row["word"] for row in lexicon.rows("common_nouns.tsv")}
    #       (طالبه، دعوه are طالبة، دعوة once ة is folded: nouns, not verbs)
    for row in rows:
        if row["kind"] not in ("verb_past", "verb_present") or fold_key(row["lemma"]) not in lemmas:
            continue
        stem = row["form"][:-1] if row["form"].endswith("وا") else row["form"]
        for pronoun in OBJECT_PRONOUNS:
            if fold_key(stem + pronoun) not in taken:
                yield "cue", stem + pronoun, row


def _build_automaton(lexicon: Lexicon) -> ahocorasick.Automaton:
    table: dict[str, list[tuple[str, str, Any, bool]]] = {}
    for category, surface, value in _entries(lexicon):
        key = fold_key(surface)
        if len(key) < 2:
            continue
        table.setdefault(key, []).append((category, key, value, False))
        if key.startswith("ال") and len(key) > 4:
            table.setdefault(key[2:], []).append((category, key, value, True))
    auto = ahocorasick.Automaton()
    for key, payload in table.items():
        auto.add_word(key, payload)
    auto.make_automaton()
    return auto


def automaton(lexicon: Lexicon) -> ahocorasick.Automaton:
    """The automaton over all entries of ``lexicon``, built once; value = list of
    (category, key, value, needs_lam_lam)."""
    return lexicon.derived(_build_automaton)


def _word_start(text: str, key_start: int, lo: int) -> int | None:
    """Start of the word holding an entry at ``key_start``, or None when the
    letters before it are not a proclitic chain."""
    j = key_start
    while j > lo and text[j - 1].isalpha() and key_start - j < 4:
        j -= 1
    if j > lo and text[j - 1].isalpha():
        return None
    return j if text[j:key_start] in _PROCLITICS else None


def find_mentions(lexicon: Lexicon, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Lexicon mentions in ``text[start:end]`` that stand as whole words,
    sorted by start, longest first."""
    end = len(text) if end is None else end
    out: list[Mention] = []
    if end <= start:
        return out
    # pyahocorasick converts the whole string on every call: scan the slice (linear in it)
    for last, payload in automaton(lexicon).iter(text[start:end]):
        stop = start + last + 1
        if stop < end and text[stop].isalpha():
            continue
        for category, key, value, needs_lam_lam in payload:
            key_start = stop - (len(key) - 2 if needs_lam_lam else len(key))
            if key_start == start or not text[key_start - 1].isalpha():
                word_start = key_start  # nothing glued before the entry (most hits)
            else:
                word_start = _word_start(text, key_start, start)
                if word_start is None:
                    continue
            if needs_lam_lam and not text[word_start:key_start].endswith(_LAM_LAM):
                continue
            out.append(Mention(word_start, key_start, stop, category, key, value))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


class MentionScan:
    """The mentions of one stretch of folded text, found once and then asked for by part: the
    statements reader scans an article, the event reader asks for each sentence it reads."""

    def __init__(self, lexicon: Lexicon, text: str, lo: int, hi: int):
        self.lexicon, self.text, self.lo, self.hi = lexicon, text, lo, hi
        self.mentions = find_mentions(lexicon, text, lo, hi)
        self._starts = [m.start for m in self.mentions]

    def within(self, lo: int, hi: int) -> list[Mention]:
        """What ``find_mentions(lexicon, text, lo, hi)`` gives, for ``lo`` and ``hi`` at word
        edges; read off the scan when the stretch covers them."""
        if not (self.lo <= lo and hi <= self.hi):
            return find_mentions(self.lexicon, self.text, lo, hi)
        found = self.mentions[bisect_left(self._starts, lo):bisect_left(self._starts, hi)]
        return [m for m in found if m.end <= hi]


def article_scan(page, lexicon: Lexicon, lo: int, hi: int) -> MentionScan:
    """The scan of folded ``[lo, hi)`` of ``page`` (an article's stretch), made once for all the
    page steps that ask for it."""
    key = (lexicon, lo, hi)  # the lexicon itself: an id could be reused by another one
    scan = page.scans.get(key)
    if scan is None:
        scan = page.scans[key] = MentionScan(lexicon, page.folded.text, lo, hi)
    return scan
