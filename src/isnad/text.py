"""Arabic text layer: a folded view of a text that keeps a map back to it.

Every later step matches against ``FoldedText.text`` (letters folded, marks
removed, digits and quotes unified) and reports evidence through
``FoldedText.span_to_original`` so that spans always point into the page as
it was decoded.  Folding is linear in the text length: one ``str.translate``
for the one-to-one replacements and one regex pass for the characters that
are deleted or expanded (diacritics, tatweel, zero-width marks, presentation
forms).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# One-to-one replacements (same length): letter variants, digits, quotes, spaces.
_ONE_TO_ONE = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ئ": "ي",
    "ک": "ك", "ڪ": "ك", "ګ": "ك",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه", "ھ": "ه",
    "ؤ": "و",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "‹": '"', "›": '"', "＂": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
    "،": ",", "؛": ";", "؟": "?", "٪": "%",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u2002": " ", "\u2003": " ", "\u3000": " ", "\t": " ",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
}
_ONE_TO_ONE.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic
_ONE_TO_ONE.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Extended (Persian)
_ONE_TO_ONE.update({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})


def _translation_table(replacements: dict[str, str]) -> list[int]:
    """A ``str.translate`` table indexed by code point, for the Basic Multilingual Plane
    (characters past it stay as they are): a dict raises a KeyError for every character it
    leaves alone, a list answers at once and folds Arabic text twice as fast."""
    table = list(range(0x10000))
    for char, replacement in replacements.items():
        table[ord(char)] = ord(replacement)
    return table


_TRANSLATE = _translation_table(_ONE_TO_ONE)

# Characters removed (diacritics, tatweel, Quranic marks, zero-width and bidi
# controls) or expanded through NFKC (presentation forms, ligatures).
_DELETE = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2060\ufeff\u00ad\u061c"
)
_EXPAND = "\ufb50-\ufdff\ufe70-\ufefe\uff01-\uff5e"
_EDIT_RE = re.compile(f"[{_DELETE}]+|[{_EXPAND}]")
_DELETE_RE = re.compile(f"[{_DELETE}]")


@lru_cache(maxsize=4096)
def _expand(char: str) -> str:
    """NFKC of one presentation-form character, folded like the rest."""
    out = unicodedata.normalize("NFKC", char).translate(_TRANSLATE)
    return _DELETE_RE.sub("", out)


@dataclass(frozen=True)
class FoldedText:
    """A folded copy of ``original`` with a piecewise map back to it.

    ``_breaks`` holds (folded_pos, original_pos) pairs; between two breaks the
    two texts advance together.  It is empty when folding kept every length.
    """

    original: str
    text: str
    _folded_starts: tuple[int, ...]
    _original_starts: tuple[int, ...]

    def to_original(self, pos: int) -> int:
        """Original offset of folded offset ``pos`` (start of a character)."""
        if not self._folded_starts:
            return pos
        i = bisect_right(self._folded_starts, pos) - 1
        if i < 0:
            return pos
        return self._original_starts[i] + (pos - self._folded_starts[i])

    def to_folded(self, pos: int) -> int:
        """Folded offset of original offset ``pos`` (a deleted character maps
        to the position where it would have been)."""
        if not self._original_starts:
            return pos
        i = bisect_right(self._original_starts, pos) - 1
        if i < 0:
            return pos
        return min(self._folded_starts[i] + (pos - self._original_starts[i]),
                   self._folded_starts[i + 1] if i + 1 < len(self._folded_starts) else len(self.text))

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` covering folded ``[start, end)``."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        return self.to_original(start), self.to_original(end - 1) + 1


def to_folded_many(texts: Sequence[FoldedText], text_no: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """:meth:`FoldedText.to_folded` of many original ``positions``, each in
    ``texts[text_no]``, by one search over the offset maps of all the texts
    laid end to end."""
    original, folded, limit, bases = [], [], [], []
    base = 0
    for text in texts:
        text_original = [0, *text._original_starts, len(text.original)]
        text_folded = [0, *text._folded_starts, len(text.text)]
        bases.append(base)
        original.append(np.array(text_original, dtype=np.int64) + base)
        folded.append(np.array(text_folded, dtype=np.int64))
        limit.append(np.array(text_folded[1:] + text_folded[-1:], dtype=np.int64))  # where the next piece starts
        base += len(text.original) + 1
    original, folded, limit = np.concatenate(original), np.concatenate(folded), np.concatenate(limit)
    at = np.array(bases, dtype=np.int64)[text_no] + np.clip(positions, 0, None)
    i = np.searchsorted(original, at, side="right") - 1
    return np.minimum(folded[i] + (at - original[i]), limit[i])


def fold(text: str) -> FoldedText:
    """Fold ``text`` for matching and keep the offset map."""
    translated = text.translate(_TRANSLATE)
    folded_starts: list[int] = []
    original_starts: list[int] = []
    pieces: list[str] = []
    last = 0
    shift = 0  # folded_pos - original_pos after the last edit
    for m in _EDIT_RE.finditer(translated):
        s, e = m.start(), m.end()
        pieces.append(translated[last:s])
        chunk = m.group()
        replacement = "" if _DELETE_RE.match(chunk) else _expand(chunk)
        pieces.append(replacement)
        # characters of the replacement map to the replaced one(s)
        for k in range(len(replacement)):
            folded_starts.append(s + shift + k)
            original_starts.append(s)
        shift += len(replacement) - (e - s)
        folded_starts.append(e + shift)
        original_starts.append(e)
        last = e
    if not folded_starts:
        return FoldedText(text, translated, (), ())
    pieces.append(translated[last:])
    return FoldedText(text, "".join(pieces), tuple(folded_starts), tuple(original_starts))


def fold_key(text: str) -> str:
    """The folded form of a lexicon entry or query, spaces collapsed."""
    return " ".join(fold(text).text.split())


# --- tokens -----------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_PROCLITICS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the folded text with its folded ``[start, end)``."""

    text: str
    start: int
    end: int

    def lookup_forms(self) -> tuple[str, ...]:
        """The word and its stems with proclitics (و ف ب ل ك ال) removed."""
        return lookup_forms(self.text)


def tokens(folded: str) -> list[Token]:
    """Words of a folded text."""
    return [Token(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(folded)]


@lru_cache(maxsize=65536)
def lookup_forms(word: str) -> tuple[str, ...]:
    """Candidate lookup forms of a folded word, longest first.

    ``والروسيه`` gives (والروسيه, الروسيه, روسيه); ``للكرملين`` gives
    (للكرملين, الكرملين, كرملين).  Only strips while a stem of two letters or
    more remains, so short words are left alone.
    """
    forms = [word]
    stem = word
    if len(stem) > 3 and stem[0] in _PROCLITICS:
        stem = stem[1:]
        forms.append(stem)
    if len(stem) > 3 and stem.startswith("لل"):
        forms.append("ال" + stem[2:])
        forms.append(stem[2:])
        return tuple(dict.fromkeys(forms))
    if len(stem) > 3 and stem[0] in _PREPOSITIONS:
        stem = stem[1:]
        forms.append(stem)
    if len(stem) > 4 and stem.startswith("ال"):
        forms.append(stem[2:])
    return tuple(dict.fromkeys(forms))


# --- sentences --------------------------------------------------------------

_OPEN_QUOTES = {'"': '"', "«": "»", "“": "”", "„": "”", "”": "“"}  # ” … “: curly marks typed the other way round
# a quote mark, a line break or a run of stops (["«»“”„]|[.!?؟]+|\n), written with a literal at the
# head of every branch so that the regex engine skips to the next such character instead of trying
# every position (three times faster)
_SENT_EVENT = re.compile(r'"|«|»|“|”|„|\n|\.[.!?؟]*|![.!?؟]*|\?[.!?؟]*|؟[.!?؟]*')
_QUOTE_MARK = re.compile(r'["«»“”„]')
_CLOSERS = '"»”’\')'
_WORD_AFTER = re.compile(r"[^\W\d_]{3,}")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, trimmed of surrounding space.

    A sentence ends at ``. ! ? ؟`` or a line break.  A full stop inside an
    open quotation does not end the sentence, so a quote that runs over several
    sentences stays in one piece; a quotation that never closes on its line is
    a stray mark, and the line is read as if it were not there.  Initials and
    one-letter abbreviations do not end a sentence either.  Only quote marks,
    stops and line breaks are visited (one regex pass a line).
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    line_start = start
    while True:
        line_break = text.find("\n", line_start, end)
        line_end = end if line_break < 0 else line_break
        _line_sentences(text, line_start, line_end, spans)
        if line_break < 0:
            return spans
        line_start = line_break + 1


def _line_sentences(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """The sentences of one line (see :func:`sentences`), appended to ``spans``."""
    sent_start = start
    closing = None  # the closing quote we are waiting for
    resume = start  # events before this were consumed with the last stop
    paired = None  # the opening quotes that close on the line, found at its first quote mark
    for m in _SENT_EVENT.finditer(text, start, end):
        i = m.start()
        if i < resume:
            continue
        ch = m.group()
        if ch[0] in ".!?؟":
            if closing is not None or (ch == "." and _is_abbrev_dot(text, i)):
                continue
            j = m.end()
            while j < end and text[j] in _CLOSERS:  # a closing quote right after the stop belongs here
                j += 1
            _push(text, spans, sent_start, j)
            sent_start = resume = j
        elif closing is None:
            if paired is None:
                paired = _paired_quotes(text, start, end)
            if ch in _OPEN_QUOTES and i in paired:
                closing = _OPEN_QUOTES[ch]
        elif ch == closing or (closing == "”" and ch == '"'):
            closing = None
    _push(text, spans, sent_start, end)


def _paired_quotes(text: str, start: int, end: int) -> set[int]:
    """Positions of the opening quotes of ``text[start:end]`` that close there (see
    :func:`quotations`)."""
    return {opening for opening, _ in quotations(text, start, end)}


def quotations(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The quotations of ``text[start:end]`` as (opening, closing) mark positions: a « (or “)
    followed by another opening mark before its closing one, or never closed, is a stray mark
    and opens nothing; straight quotes pair in order, but one written as a closing mark with
    nothing open is stray (… برامج داعمة لهم"، موضحة: its opening was lost); curly marks typed
    the other way round (” … “, common in Arabic text) pair too."""
    end = len(text) if end is None else end
    pairs: list[tuple[int, int]] = []
    open_at = None
    for m in _QUOTE_MARK.finditer(text, start, end):
        ch, i = m.group(), m.start()
        if ch == '"':
            if open_at is not None and text[open_at] == '"':
                pairs.append((open_at, i))
                open_at = None
            elif open_at is None and not _closes_a_word(text, i, end):
                open_at = i
        elif open_at is not None and (_OPEN_QUOTES.get(text[open_at]) == ch or (ch == "”" and text[open_at] == "„")):
            pairs.append((open_at, i))
            open_at = None
        elif ch in _OPEN_QUOTES and not (ch == "”" and i > 0 and text[i - 1].isalpha()):
            open_at = i  # an earlier opening mark that did not close is stray; ” right after a word closes
    return pairs


def _closes_a_word(text: str, i: int, end: int) -> bool:
    """Whether the straight quote at ``i`` is written as a closing mark: right after a word or a
    stop and before a space, a punctuation mark or the end (لهم"، ; انتهى." وقال)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    return (before.isalnum() or before in ".!?؟") and not after.isalnum() and after != '"'


def _is_abbrev_dot(text: str, i: int) -> bool:
    """True when the dot at ``i`` does not end a sentence: initials
    (إن.بي.سي), decimals (1.5), a one-letter abbreviation (د. م.) or a web
    address written in Latin letters (www.sfda.gov.sa).  Two Arabic words of
    three letters or more around it are two sentences run together
    (الغبار.وكانت)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isdigit() and after.isdigit():
        return True
    if before.isascii() and after.isascii() and before.isalnum() and after.isalnum():
        return True
    if before.isalpha() and after.isalpha():
        return not (_WORD_AFTER.match(text, i + 1) and _word_before(text, i) >= 3)
    two_before = text[i - 2] if i > 1 else " "
    return before.isalpha() and not two_before.isalpha()


def _word_before(text: str, i: int) -> int:
    """Length of the run of letters that ends at ``i``."""
    k = i
    while k > 0 and text[k - 1].isalpha() and i - k < 3:
        k -= 1
    return i - k


def _push(text: str, spans: list[tuple[int, int]], s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))
