"""One sentence as the event reader sees it: tokens and what the tables say of each word.

Tokens are those of the statements reader (:func:`isnad.statements.sentence.tokens_of`:
words and punctuation in folded offsets).  For each word the sentence answers, on
demand and once: its trigger readings, the function word, head noun or place that
starts there (with its length in words), and the lexicon mentions (actors, countries,
roles, reporting cues) that start there.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property

from ..mentions import Mention, find_mentions
from ..statements.sentence import Token, tokens_of
from .tables import EventTables, Head, Place, Reading

NUMBER_RE = re.compile(r"\d")


class EventSentence:
    """Tokens of one sentence (folded offsets) with their readings."""

    def __init__(self, doc, span: tuple[int, int], number: int):
        self.doc = doc  # the ArticleEvents the sentence belongs to
        self.span = span
        self.number = number
        self.text: str = doc.text
        self.tables: EventTables = doc.tables
        self.toks: list[Token] = tokens_of(self.text, span[0], span[1])
        self.n = len(self.toks)
        self.words = [t.text for t in self.toks]
        self.starts = [t.start for t in self.toks]
        self._roles: dict[int, list[tuple[int, str, str]]] = {}

    # -- positions ---------------------------------------------------------------------
    def index_after(self, pos: int) -> int:
        """Index of the first token that starts at or after folded ``pos``."""
        return bisect_left(self.starts, pos)

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and self.words[i][0].isalpha()

    def is_number(self, i: int) -> bool:
        return 0 <= i < self.n and bool(NUMBER_RE.match(self.words[i]))

    def punct(self, i: int) -> bool:
        return 0 <= i < self.n and not self.words[i][0].isalnum()

    # -- lexicon mentions --------------------------------------------------------------
    @cached_property
    def mentions(self) -> dict[int, list[Mention]]:
        """Lexicon mentions by the token they start at (longest first)."""
        out: dict[int, list[Mention]] = {}
        for m in find_mentions(self.doc.lexicon, self.text, self.span[0], self.span[1]):
            i = self.index_after(m.start)
            if i < self.n and self.starts[i] == m.start:
                out.setdefault(i, []).append(m)
        return out

    def mention(self, i: int, category: str) -> Mention | None:
        for m in self.mentions.get(i, ()):
            if m.category == category:
                return m
        return None

    def end_of(self, m: Mention) -> int:
        """Index of the token after mention ``m``."""
        return self.index_after(m.end)

    def covered_by_name(self, i: int) -> bool:
        """Whether token ``i`` lies inside (not at the start of) an actor name or role phrase
        (مجلس التعاون الخليجي، وزير الدفاع)."""
        pos = self.starts[i]
        for k in range(max(0, i - 4), i):
            for m in self.mentions.get(k, ()):
                if m.category in ("actor", "role") and m.end > pos and m.start < pos:
                    return True
        return False

    # -- tables ------------------------------------------------------------------------
    def readings(self, i: int) -> tuple[Reading, ...]:
        return self.tables.readings(self.words[i]) if self.is_word(i) else ()

    def roles(self, i: int) -> list[tuple[int, str, str]]:
        """(length in words, role, value) of the function words at token ``i``."""
        if i not in self._roles:
            self._roles[i] = self.tables.word_roles(self.words, i) if self.is_word(i) else []
        return self._roles[i]

    def role(self, i: int, role: str) -> tuple[int, str] | None:
        """(length, value) of the function word of ``role`` at token ``i``."""
        for size, r, value in self.roles(i):
            if r == role:
                return size, value
        return None

    def has_role(self, i: int, *roles: str) -> bool:
        return any(r in roles for _, r, _ in self.roles(i))

    def head(self, i: int) -> tuple[int, Head, str] | None:
        """(length, head, proclitics) of the participant head noun at token ``i``."""
        if not self.is_word(i):
            return None
        found = self.tables.heads.match(self.words, i)
        if not found and self.words[i].endswith("ا") and len(self.words[i]) > 3:  # دولا، جنديا: the accusative
            found = self.tables.heads.match(self.words[:i] + [self.words[i][:-1]], i)
        return found[0] if found else None

    def place(self, i: int) -> tuple[int, Place, str] | None:
        """(length, place, proclitics) of the place or group at token ``i``, in the reading
        that fits the article's scene."""
        if not self.is_word(i):
            return None
        for size, places, prefix in self.tables.places.match(self.words, i):
            for place in places:
                if not place.scene or self.doc.scene in place.scene:
                    return size, place, prefix
        return None

    def trigger_phrase(self, i: int):
        """(length, form, proclitics) of a trigger of two words at token ``i`` (ضربات جوية)."""
        if not self.is_word(i):
            return None
        found = self.tables.phrases.match(self.words, i)
        return found[0] if found else None

    def surface(self, first: int, last: int) -> str:
        """The page text of tokens ``first..last-1``."""
        return self.doc.surface(self.toks[first].start, self.toks[last - 1].end)
