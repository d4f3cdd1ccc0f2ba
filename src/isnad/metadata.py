"""Article metadata from the lines around and inside an article.

Publication date from "تاريخ النشر"-style lines, lines that hold only a date,
and datelines ("واشنطن 5 ديسمبر كانون الأول (رويترز) -"); the outlet from
"المصدر: RT Arabic"; news agencies from "(رويترز)", "المصدر: تاس",
"المصدر رويترز" and datelines.  Agency names come from the actor lexicon
(kind ``agency``).  Every function reads a range ``[fs, fe)`` of the page's
folded text and reports spans in the original text, values as written there.
A date the page does not state stays None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import DateMention, date_mentions
from .lexicon import default_lexicon
from .text import FoldedText, fold_key

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Value:
    """A metadata value as written in the page, with its span."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class StatedDate:
    """A calendar day stated in the page: its ISO value (None when only day and
    month are known, then ``partial`` is ``--MM-DD``) and the span as written."""

    value: str | None
    partial: str | None
    span: Span
    calendar: str = "gregorian"

    @classmethod
    def of(cls, mention: DateMention, offset: int = 0) -> "StatedDate":
        return cls(mention.value, mention.partial, (offset + mention.start, offset + mention.end), mention.calendar)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline at the head of a lead paragraph."""

    place: Value
    date: StatedDate | None
    agency: Value | None
    end: int  # original offset where the lead sentence proper starts


@lru_cache(maxsize=1)
def _agency_pattern() -> re.Pattern:
    aliases = {fold_key(a) for actor in default_lexicon().actors.values() if actor.kind == "agency" for a in actor.aliases_ar}
    alternation = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


_GENERIC_AGENCY = re.compile(r"(?<!\w)وكال(?:ه|ات)(?!\w)")
_SOURCE = re.compile(r"(?:مصدر\s+الخبر|المصدر|source)\s*:?\s*")
_SOURCE_STOP = re.compile(r"المصدر|مصدر الخبر|الوسوم|كلمات|\||\s-\s|\n")
_SOURCE_PARTS = re.compile(r"[^+,/\s][^+,/]*")
_PAREN = re.compile(r"\(\s*([^()\n]{1,40}?)\s*\)")
_TRIMMED = ":,،.-–—|"
_LEAD_PREFIX = 90  # characters of a lead paragraph searched for a dateline


def _value(ft: FoldedText, fs: int, fe: int) -> Value:
    s, e = ft.span_to_original(fs, fe)
    return Value(ft.original[s:e], (s, e))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """``[s, e)`` without surrounding spaces and punctuation."""
    while s < e and (text[s].isspace() or text[s] in _TRIMMED):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _TRIMMED):
        e -= 1
    return s, e


def is_agency(ft: FoldedText, fs: int, fe: int) -> bool:
    """True when folded ``[fs, fe)`` is exactly a known agency name."""
    m = _agency_pattern().match(ft.text, fs, fe)
    return bool(m and m.end() == fe) or bool(_GENERIC_AGENCY.match(ft.text, fs, fe))


def published_in(ft: FoldedText, fs: int, fe: int) -> StatedDate | None:
    """The first calendar day stated in folded ``[fs, fe)`` (a day of unknown year included)."""
    s, e = ft.span_to_original(fs, fe)
    return _first_day(date_mentions(ft.original[s:e]), s)


def has_date(ft: FoldedText, fs: int, fe: int) -> bool:
    """True when folded ``[fs, fe)`` states a date (a Hijri one included)."""
    s, e = ft.span_to_original(fs, fe)
    return any(not m.relative for m in date_mentions(ft.original[s:e]))


def _first_day(mentions: list[DateMention], offset: int) -> StatedDate | None:
    """The first day of ``mentions``; a Gregorian day written beside a Hijri one is
    preferred ("الأحد 12 ربيع الأول 1446 هـ - 15 سبتمبر 2024 م": the Hijri day
    as observed may differ from Umm al-Qura's by a day)."""
    days = [m for m in mentions if _is_day(m)]
    if not days:
        return None
    gregorian = [m for m in days if m.calendar != "hijri" and m.value]
    return StatedDate.of(gregorian[0] if days[0].calendar == "hijri" and gregorian else days[0], offset)


def _is_day(m: DateMention) -> bool:
    """An absolute calendar day, its year known or not."""
    return not m.relative and (m.precision == "day" or m.partial is not None)


# What a date line may hold beside its dates: times (ISO's "T14:05:00+03:00" too), time
# zones, separators and bullets, the words of "نشر في"/"آخر تحديث", a newspaper's issue
# number ("العدد 17203", "رقم العدد [16591]").
_DATE_LINE_REST = re.compile(
    r"(?<!\w)t?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?(?!\w)"
    r"|[\s\d:.,\-/|()\[\]•·+]+|(?<!\w)(?:gmt|utc|am|pm|ص|م|مساء|صباحا|الساعه|بتوقيت|مكه|المكرمه|القدس|"
    r"غرينتش|جرينتش|ه|هـ|الموافق|نشر|نشرت|تاريخ|اخر|تحديث|في|العدد|رقم)(?!\w)"
)


def is_date_line(ft: FoldedText, fs: int, fe: int) -> bool:
    """True when the line holds nothing but a date (with time, era, weekday), a
    relative one included ("منذ 3 ساعات")."""
    s, e = ft.span_to_original(fs, fe)
    line = ft.original[s:e]
    mentions = date_mentions(line)
    if not mentions:
        return False
    rest = fold_key(line)
    for m in mentions:
        rest = rest.replace(fold_key(m.surface), " ")
    return not _DATE_LINE_REST.sub(" ", rest).split()


def source_in(ft: FoldedText, fs: int, fe: int) -> tuple[Value | None, list[Value]]:
    """(outlet, agencies) of an "المصدر: X" line; an agency name counts as agency.

    A value may list several sources ("الجزيرة + وكالات"); the first that is
    not an agency is the outlet.
    """
    outlet = None
    agencies = []
    text = ft.text
    for m in _SOURCE.finditer(text, fs, fe):
        stop = _SOURCE_STOP.search(text, m.end(), fe)
        value_end = stop.start() if stop else fe
        for part in _SOURCE_PARTS.finditer(text, m.end(), value_end):
            vs, ve = part.span()
            os_, oe = _trim(ft.original, *ft.span_to_original(vs, ve))
            agency = _agency_pattern().match(text, vs, ve)
            if agency:
                agencies.append(_value(ft, vs, agency.end()))
                continue
            if _GENERIC_AGENCY.match(text, vs, ve) and len(ft.original[os_:oe].split()) <= 5:
                agencies.append(Value(ft.original[os_:oe], (os_, oe)))  # "وكالة سبوتنيك", "وكالات"
                continue
            if outlet is None and 0 < len(ft.original[os_:oe].split()) <= 6:
                outlet = Value(ft.original[os_:oe], (os_, oe))
    return outlet, agencies


def dateline_of(ft: FoldedText, fs: int, fe: int) -> Dateline | None:
    """A dateline at the start of the paragraph ``[fs, fe)``.

    ``PLACE [DATE...] (AGENCY)`` with any agency name of one to four words
    followed by a dash or colon, or with a known agency; ``PLACE - AGENCY``
    and ``PLACE DATE AGENCY`` with a known agency.  PLACE is one to three words.
    """
    text = ft.text
    head_end = min(fe, fs + _LEAD_PREFIX)
    head = text[fs:head_end]  # folded already: the grammar's offsets are folded offsets
    mentions = [m for m in date_mentions(head) if not m.relative]
    boundary = _PLACE_END.search(head)
    place_end = min(boundary.start() if boundary else len(head), mentions[0].start if mentions else len(head))
    place = _place(ft, fs, fs + place_end)
    if place is None:
        return None
    pos = place_end
    date = None
    dated = False
    for m in mentions:  # the dateline's date(s): "18 شوال 1436 هـ الموافق 03 اغسطس 2015 م"
        gap = _DATE_GAP.match(head, pos)
        if m.start != gap.end():
            break
        if _is_day(m) and (date is None or date.calendar == "hijri" and m.calendar != "hijri" and m.value):
            s, e = ft.span_to_original(fs + m.start, fs + m.end)
            date = StatedDate(m.value, m.partial, (s, e), m.calendar)
        pos = m.end
        dated = True
    separators = _SEPARATORS.match(head, pos)
    pos = separators.end()
    paren = _PAREN.match(head, pos)
    if paren:
        agency_fs, agency_fe = fs + paren.start(1), fs + paren.end(1)
        after = head[paren.end():paren.end() + 3]
        if not is_agency(ft, agency_fs, agency_fe) and not (
                len(text[agency_fs:agency_fe].split()) <= 4 and re.match(r"\s*[-:]", after)):
            return None
        return Dateline(place, date, _value(ft, agency_fs, agency_fe), ft.to_original(fs + paren.end()))
    if not dated and "-" not in separators.group():
        return None  # a bare agency name needs a dash or a date before it
    agency = _agency_pattern().match(text, fs + pos, head_end)
    if not agency:
        return None
    return Dateline(place, date, _value(ft, fs + pos, agency.end()), ft.to_original(agency.end()))


_PLACE_END = re.compile(r"[(\-:,]|\d")
_DATE_GAP = re.compile(r"[\s,\-]*(?:الموافق\s*)?")
_SEPARATORS = re.compile(r"[\s,\-:/]*")


def _place(ft: FoldedText, fs: int, fe: int) -> Value | None:
    """A place name of one to three words, letters only, at folded ``[fs, fe)``
    (without the "في" of WAM's "أبوظبي في 6 أغسطس")."""
    s, e = _trim(ft.original, *ft.span_to_original(fs, fe))
    words = ft.original[s:e].split()
    if len(words) > 1 and words[-1] == "في":
        words.pop()
        e = s + ft.original[s:e].rindex("في")
        s, e = _trim(ft.original, s, e)
    if not 1 <= len(words) <= 3 or not all(w.isalpha() for w in words):
        return None
    return Value(ft.original[s:e], (s, e))


def agencies_in(ft: FoldedText, fs: int, fe: int) -> list[Value]:
    """Known agency names written in parentheses, "(رويترز)", inside ``[fs, fe)``."""
    out = []
    for m in _PAREN.finditer(ft.text, fs, fe):
        if is_agency(ft, *m.span(1)):
            out.append(_value(ft, *m.span(1)))
    return out
