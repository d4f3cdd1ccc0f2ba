"""One sentence as the event reader sees it: tokens and what the tables say of each word.

Tokens are those of the statements reader (``TOKEN_RE`` of :mod:`isnad.statements.sentence`:
words and punctuation in folded offsets).  For each word the sentence answers, on
demand and once: its trigger readings, the function word, head noun or place that
starts there (with its length in words), and the lexicon mentions (actors, countries,
roles, reporting cues) that start there.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate, compress

from ..mentions import Mention, find_mentions
from ..statements.sentence import TOKEN_RE
from .tables import EventTables, Head, Place, Reading, columns, match_entries

_TOKEN_SPLIT = re.compile(f"({TOKEN_RE.pattern})")


def tokens(text: str, start: int, end: int) -> tuple[list[str], list[int], list[int]]:
    """The words and punctuation marks of folded ``text[start:end]`` (the statements reader's
    tokens) with their starts and ends: one split of the text and a running sum of the
    lengths of its pieces."""
    pieces = _TOKEN_SPLIT.split(text[start:end])  # space, token, space, token … space
    offsets = list(accumulate(map(len, pieces), initial=start))
    return pieces[1::2], offsets[1::2], offsets[2::2]


class EventSentence:
    """Tokens of one sentence (folded offsets) with their readings."""

    def __init__(self, doc, span: tuple[int, int], number: int):
        self.doc = doc  # the ArticleEvents the sentence belongs to
        self.span = span
        self.number = number
        self.text: str = doc.text
        self.tables: EventTables = doc.tables
        tables = self.tables
        self.words, self.starts, self.ends = tokens(self.text, span[0], span[1])
        words = self.words
        self.n = len(words)
        self.alpha = alpha = [w[0].isalpha() for w in words]
        self.numbers = [not a and w[0].isdigit() for w, a in zip(words, alpha)]
        self.info = infos = tables.infos(words, alpha)
        column = columns(infos)
        self._readings = column.readings
        self._roles, self.role_names = list(column.word_roles), list(column.role_names)
        for i in compress(range(self.n - 1), column.role_followers):
            if words[i + 1] in column.role_followers[i]:  # من قبل، بعد ان
                found = self._roles[i] = self._match(i, infos[i].roles)
                self.role_names[i] = frozenset(r for _, r, _ in found)
        # False: not looked up yet; a word that begins no phrase of heads is what its ending gives
        self._heads: list = [False if found else head for found, head in zip(column.heads, column.inflected_head)]
        self._places: list = [False if found else None for found in column.places]
        self.nominal = column.nominal  # words that may head a phrase
        self._eventive = column.eventive
        self.role_set: frozenset[str] = frozenset().union(*self.role_names)  # the roles of all its tokens
        self.mentions = self._mentions()
        indices = range(self.n)
        # the tokens that may begin a trigger (a word with readings, or the first of a two-word trigger)
        self.trigger_words = sorted({*compress(indices, column.readings), *compress(indices, column.phrases)})

    # -- positions ---------------------------------------------------------------------
    def index_after(self, pos: int) -> int:
        """Index of the first token that starts at or after folded ``pos``."""
        return bisect_left(self.starts, pos)

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and self.alpha[i]

    def is_number(self, i: int) -> bool:
        return 0 <= i < self.n and self.numbers[i]

    # -- lexicon mentions --------------------------------------------------------------
    def _mentions(self) -> dict[int, list[Mention]]:
        """Lexicon mentions by the token they start at (longest first)."""
        out: dict[int, list[Mention]] = {}
        scan = self.doc.scan
        found = scan.within(*self.span) if scan else find_mentions(self.doc.lexicon, self.text, *self.span)
        for m in found:
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
        """Whether token ``i`` lies inside (not at the start of) an actor name, role phrase or
        armed group (مجلس التعاون الخليجي، وزير الدفاع، قوات الدعم السريع)."""
        pos = self.starts[i]
        for k in range(max(0, i - 4), i):
            for m in self.mentions.get(k, ()):
                if m.category in ("actor", "role") and m.end > pos and m.start < pos:
                    return True
            place = self.place(k) if self.nominal[k] else None
            if place is not None and place[1].kind == "group" and k + place[0] > i:
                return True
        return False

    # -- tables ------------------------------------------------------------------------
    def readings(self, i: int) -> tuple[Reading, ...]:
        return self._readings[i] if 0 <= i < self.n else ()

    def support(self, i: int) -> bool:
        """Whether token ``i`` may be a support verb or noun (شن، قام، تمكن)."""
        return 0 <= i < self.n and self.info[i].support

    def eventive(self, i: int) -> bool:
        """Whether token ``i`` may be a trigger of its own (a reading that is no support word)."""
        return 0 <= i < self.n and self._eventive[i]

    def eventive_between(self, a: int, b: int) -> list[int]:
        """The tokens strictly between ``a`` and ``b`` that may be triggers of their own."""
        return list(compress(range(a + 1, b), self._eventive[a + 1:b]))

    def _match(self, i: int, entries: tuple) -> tuple[tuple[int, str, str], ...]:
        """(length, role, value) of the function-word ``entries`` that match at token ``i``."""
        return tuple((size, value[0], value[1]) for size, value, _ in match_entries(entries, self.words, i))

    def roles(self, i: int) -> tuple[tuple[int, str, str], ...]:
        """(length in words, role, value) of the function words at token ``i``."""
        return self._roles[i] if 0 <= i < self.n else ()

    def role(self, i: int, role: str) -> tuple[int, str] | None:
        """(length, value) of the function word of ``role`` at token ``i``."""
        for size, r, value in self.roles(i):
            if r == role:
                return size, value
        return None

    def has_role(self, i: int, *roles: str) -> bool:
        return 0 <= i < self.n and not self.role_names[i].isdisjoint(roles)

    def last_role(self, role: str, lo: int, hi: int) -> int | None:
        """The last token of ``role`` in ``[lo, hi)``."""
        if role in self.role_set:
            names = self.role_names
            for k in range(hi - 1, lo - 1, -1):
                if role in names[k]:
                    return k
        return None

    def head(self, i: int) -> tuple[int, Head, str] | None:
        """(length, head, proclitics) of the participant head noun at token ``i``."""
        if not 0 <= i < self.n:
            return None
        found = self._heads[i]
        if found is False:
            info = self.info[i]
            match = match_entries(info.heads, self.words, i)
            found = self._heads[i] = match[0] if match else info.inflected_head
        return found

    def place(self, i: int) -> tuple[int, Place, str] | None:
        """(length, place, proclitics) of the place or group at token ``i``, in the reading
        that fits the article's scene."""
        if not 0 <= i < self.n:
            return None
        found = self._places[i]
        if found is False:
            found = None
            for size, places, prefix in match_entries(self.info[i].places, self.words, i):
                place = next((p for p in places if not p.scene or self.doc.scene in p.scene), None)
                if place is not None:
                    found = (size, place, prefix)
                    break
            self._places[i] = found
        return found

    def trigger_phrase(self, i: int):
        """(length, form, proclitics) of a trigger of two words at token ``i`` (ضربات جوية)."""
        if not self.is_word(i) or not self.info[i].phrases:
            return None
        found = match_entries(self.info[i].phrases, self.words, i)
        return found[0] if found else None

    def folded_span(self, first: int, last: int) -> tuple[int, int]:
        """The folded ``[start, end)`` of tokens ``first..last-1``."""
        return self.starts[first], self.ends[last - 1]

    def surface(self, first: int, last: int) -> str:
        """The page text of tokens ``first..last-1``."""
        return self.doc.surface(self.starts[first], self.ends[last - 1])
