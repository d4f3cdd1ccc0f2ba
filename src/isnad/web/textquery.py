"""Text queries of the web view: words and "phrases", matched as whole words
through proclitics and letter variants, ranked, and highlighted.

An indexed text becomes a *forms key*: each folded word (``isnad.text.fold``:
أ إ آ → ا, ى ئ → ي, ة → ه, diacritics and tatweel dropped) is written with the
forms it can be looked up by (``isnad.text.lookup_forms``: the word without
its proclitics و ف ب ل ك ال), between bars, one word after the other::

    "والمحادثات السرية"  ->  " |والمحادثات|المحادثات|محادثات| |السريه|سريه| "

A query word matches a text word when they share a form: ``المحادثات`` and
``محادثات`` both match ``والمحادثات``; ``أمم`` matches ``الأمم`` but not the
letters ``امم`` inside another word.  A quoted phrase matches consecutive
words.  Every value reaches SQL as a parameter.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from ..text import fold, lookup_forms, tokens

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
FIELD_BREAK = "~"  # a slot between fields, so that a phrase never spans two of them
_PHRASE_RE = re.compile(r'"([^"]*)"?')
_WORD_RE = re.compile(r"[^\W_]+")  # the words of isnad.text.tokens
BM25_K1, BM25_B = 1.2, 0.5
PHRASE_BONUS = 1.0  # an unquoted query whose words stand together ranks as if one more word matched


def word_forms(word: str) -> frozenset[str]:
    """Forms a folded word is looked up by: ``والروسيه`` → {والروسيه, الروسيه, روسيه}."""
    return frozenset(lookup_forms(word))


class FormsKeys:
    """Builds forms keys (see the module docstring); each text is folded
    once (names and wire copies repeat) and each word's slot made once."""

    def __init__(self):
        self._slots: dict[str, str] = {}
        self._words: dict[str, list[str]] = {}

    def key(self, *fields: str | None) -> str:
        return self.key_of(*map(self.words, fields))

    def words(self, text: str | None) -> list[str]:
        """The folded words of ``text``."""
        if not text:
            return []
        found = self._words.get(text)
        if found is None:
            found = self._words[text] = _WORD_RE.findall(fold(text).text)
        return found

    def forget_texts(self) -> None:
        """Drop the folded texts kept so far (the words' slots stay)."""
        self._words.clear()

    def key_of(self, *fields: list[str]) -> str:
        """The forms key of texts given as their folded words."""
        slots: list[str] = []
        for words in fields:
            if not words:
                continue
            if slots:
                slots.append(FIELD_BREAK)
            slots.extend(map(self._slot, words))
        return " " + " ".join(slots) + " " if slots else ""

    def _slot(self, word: str) -> str:
        slot = self._slots.get(word)
        if slot is None:
            slot = self._slots[word] = "|" + "|".join(lookup_forms(word)) + "|"
        return slot


def _slot_pattern(forms: frozenset[str]) -> str:
    """A regex for one slot holding any of ``forms`` (forms are word characters only)."""
    return r"\|(?:[^ |]*\|)*?(?:" + "|".join(sorted(forms)) + r")\|[^ ]*"


@dataclass(frozen=True)
class WordIndex:
    """A table of (``form``, ``row_id``) pairs, sorted by form, listing the
    forms of every word of a table's forms keys; ``row`` is the SQL of the
    row id they point to (``s.rowid``)."""

    table: str
    row: str


@dataclass(frozen=True)
class Term:
    """One word (a single slot) or a phrase (consecutive slots) of a query;
    ``words`` are folded."""

    words: tuple[str, ...]

    @property
    def slots(self) -> tuple[frozenset[str], ...]:
        return tuple(word_forms(w) for w in self.words)

    @property
    def is_phrase(self) -> bool:
        return len(self.slots) > 1

    def predicate(self, column: str, index: WordIndex | None = None) -> tuple[str, list]:
        """SQL true when ``column`` (a forms key) holds the term; its words are
        looked up in ``index`` when the table has one, else in the key."""
        parts, params = [], []
        for slot in self.slots:  # the words one by one first (cheap) ...
            forms = sorted(slot)
            if index:
                parts.append(f"{index.row} IN (SELECT row_id FROM {index.table} WHERE form IN "
                             f"({', '.join('?' for _ in forms)}))")
                params += forms
            else:
                parts.append("(" + " OR ".join(f"contains({column}, ?)" for _ in forms) + ")")
                params += [f"|{f}|" for f in forms]
        words = " AND ".join(parts)
        if self.is_phrase:  # ... then their order, on those rows only (CASE keeps the regex to them)
            params.append(" ".join(_slot_pattern(s) for s in self.slots))
            return f"(CASE WHEN {words} THEN regexp_matches({column}, ?) ELSE false END)", params
        return f"({words})", params

    def frequency(self, column: str) -> tuple[str, list]:
        """SQL: how many times the term occurs in ``column`` (a word: its
        forms counted, a cheap string operation; a phrase: its matches)."""
        if self.is_phrase:
            return f"len(regexp_extract_all({column}, ?))", [" ".join(_slot_pattern(s) for s in self.slots)]
        forms = sorted(self.slots[0])
        counts = [f"(length({column}) - length(replace({column}, ?, ''))) // {len(f) + 2}" for f in forms]
        return "(" + " + ".join(counts) + ")", [f"|{f}|" for f in forms]


@dataclass(frozen=True)
class TextQuery:
    """A parsed query: words and quoted phrases, all of which must match."""

    raw: str
    terms: tuple[Term, ...]

    @classmethod
    def parse(cls, text: str | None) -> "TextQuery":
        """``محادثات "الأمم المتحدة"`` → the word محادثات and the phrase الامم المتحده."""
        raw = (text or "")[:MAX_QUERY_CHARS]
        terms: list[Term] = []
        for m in _PHRASE_RE.finditer(raw):
            if words := _words(m.group(1)):
                terms.append(Term(tuple(words)))
        terms.extend(Term((w,)) for w in _words(_PHRASE_RE.sub(" ", raw)))
        unique = tuple(dict.fromkeys(terms))[:MAX_TERMS]
        return cls(raw, unique)

    def __bool__(self) -> bool:
        return bool(self.terms)

    @cached_property
    def folded(self) -> str:
        """The query as it is matched: phrases quoted, words folded."""
        return " ".join('"' + " ".join(t.words) + '"' if t.is_phrase else t.words[0] for t in self.terms)

    @cached_property
    def all_forms(self) -> frozenset[str]:
        return frozenset(f for t in self.terms for s in t.slots for f in s)

    def predicate(self, column: str, index: WordIndex | None = None) -> tuple[str, list]:
        """SQL true when every term matches ``column`` (see :meth:`Term.predicate`)."""
        if not self.terms:
            return "true", []
        parts, params = [], []
        for term in self.terms:
            sql, p = term.predicate(column, index)
            parts.append(sql)
            params += p
        return " AND ".join(parts), params

    def score(self, column: str, weights: list[float], avg_length: float) -> tuple[str, list]:
        """SQL: a BM25 score of ``column`` (``weights``: each term's idf), plus
        a bonus when the words of an unquoted query stand together in order."""
        if not self.terms:
            return "0.0", []
        parts, params = [], []
        norm = f"({BM25_K1} * ({1 - BM25_B} + {BM25_B} * length({column}) / {max(avg_length, 1.0)}))"
        for term, weight in zip(self.terms, weights):
            tf, p = term.frequency(column)  # tf (k1 + 1) / (tf + norm), with tf written once
            parts.append(f"{weight * (BM25_K1 + 1)} * (1 - {norm} / ({tf} + {norm}))")
            params += p
        words = [t for t in self.terms if not t.is_phrase]
        if len(words) > 1 and len(words) == len(self.terms):
            together, p = Term(tuple(t.words[0] for t in words)).frequency(column)
            parts.append(f"CASE WHEN {together} > 0 THEN {PHRASE_BONUS * sum(weights)} ELSE 0 END")
            params += p
        return "(" + " + ".join(parts) + ")", params

    def hits(self, text: str | None) -> list[tuple[int, int]]:
        """``[start, end)`` of every word of ``text`` a term of the query matches."""
        if not text or not self.terms:
            return []
        folded = fold(text)
        wanted = self.all_forms
        spans = []
        for t in tokens(folded.text):
            if not wanted.isdisjoint(lookup_forms(t.text)):
                start, end = folded.span_to_original(t.start, t.end)
                while end < len(text) and _is_mark(text[end]):  # a last letter's diacritics go with it
                    end += 1
                spans.append((start, end))
        return spans


def _is_mark(char: str) -> bool:
    """A diacritic, tatweel or zero-width mark (what folding drops inside a word)."""
    return unicodedata.category(char) == "Mn" or char in "\u0640\u200c\u200d"


def _words(text: str) -> list[str]:
    return [t.text for t in tokens(fold(text).text)]
