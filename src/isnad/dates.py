"""A compact grammar of Arabic news date expressions.

One compiled regular expression, tried only at words that can open a date
expression, runs over the folded text (:func:`isnad.text.fold`: hamza, alef,
yeh, ta-marbuta folded, Arabic-Indic digits made ASCII, Latin lower-cased;
about 0.06 ms for a 300-character paragraph) and finds absolute dates
("5 ديسمبر كانون الأول"، "26th, January 2024"، "2019/03/14"، "06/08/2025"،
"6.8.2025"، "في فبراير/ شباط 2022")، Hijri dates ("7 / 10 / 1436 هـ"، "03 ذو
القعدة 1436 هـ": converted to Gregorian with ``hijridate``, Umm al-Qura) and
relative ones (اليوم الجمعة، أمس، أول أمس، الأسبوع الماضي، في أبريل الماضي،
الشهر المقبل، يوم الثلاثاء، قبل يومين).  Relative expressions are resolved
against ``base``, the publication date (ISO ``YYYY-MM-DD``).

Every mention's ``value`` is an ISO date ``YYYY-MM-DD`` (or None when the
text does not fix it) with its ``precision``: ``day``, ``month`` (the value
is the month's first day) or ``year`` (the year's first day).  A day whose
year is unknown ("5 ديسمبر" on an undated page) has no value: it is kept as
``partial`` (``--MM-DD``).  Numeric dates are read day first, as Arab
outlets write them (``06/08/2025`` is 6 August), unless the first number
cannot be a month.  :func:`metadata_date` reads the dates of metadata
fields (ISO timestamps, RFC 822, GDELT's ``YYYYMMDDHHMMSS``, datetime
objects) and :func:`url_date` the date in a URL's path.
Month and weekday names are data (``data/months.tsv``, ``data/weekdays.tsv``).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import parsedate_tz
from functools import lru_cache
from typing import NamedTuple

from hijridate import Hijri

from .lexicon import read_tsv
from .text import FoldedText, fold, fold_key

_LEAP_YEAR = 2000  # stands in for an unknown year in day arithmetic (has 29 February)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: ``[start, end)`` in the original text."""

    start: int
    end: int
    surface: str
    value: str | None  # ISO YYYY-MM-DD: the day, or the first day of the month or year
    grain: str  # what the expression names: hour | day | week | month | year
    relative: bool
    precision: str | None = None  # day | month | year; None without a value
    partial: str | None = None  # --MM-DD: a day whose year is unknown
    calendar: str = "gregorian"  # as written: gregorian | hijri (the value is Gregorian)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


class _Resolved(NamedTuple):
    """What one match of the grammar means."""

    value: str | None
    grain: str
    relative: bool
    precision: str | None = None
    partial: str | None = None
    calendar: str = "gregorian"


def _day(d: date, grain: str = "day", relative: bool = False, calendar: str = "gregorian") -> _Resolved:
    return _Resolved(d.isoformat(), grain, relative, "day", None, calendar)


def _month(year: int, month: int, relative: bool = False) -> _Resolved:
    return _Resolved(f"{year:04d}-{month:02d}-01", "month", relative, "month")


def _year(year: int, relative: bool = False) -> _Resolved:
    return _Resolved(f"{year:04d}-01-01", "year", relative, "year")


def _partial(month: int, day: int, grain: str = "day", relative: bool = False) -> _Resolved:
    return _Resolved(None, grain, relative, None, f"--{month:02d}-{day:02d}")


def _unknown(grain: str, relative: bool = False) -> _Resolved:
    return _Resolved(None, grain, relative)


HIJRI_YEARS = (1343, 1500)  # the Umm al-Qura tables of hijridate (1924-2077)


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of an Umm al-Qura Hijri date, None outside the tables or
    for a day the month does not have ("03 ذو القعدة 1436" -> 2015-08-18)."""
    if not HIJRI_YEARS[0] <= year <= HIJRI_YEARS[1]:
        return None
    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


@dataclass(frozen=True)
class _Tables:
    months: dict[str, tuple[int, str, bool]]  # folded form -> (month, calendar, standalone)
    weekdays: dict[str, tuple[int, bool]]  # folded form -> (ISO weekday, standalone)
    pattern: re.Pattern
    openers: frozenset[str]  # words a date expression can start with


def _alternation(forms) -> str:
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))


def _named(name: str, pattern: str) -> str:
    """``pattern`` as the alternative ``name``, its inner groups suffixed ``_name``."""
    pattern = re.sub(r"\(\?P<(\w+)>", rf"(?P<\1_{name}>", pattern)
    return f"(?P<{name}>" + re.sub(r"\(\?P=(\w+)\)", rf"(?P=\1_{name})", pattern) + ")"


_MOD_PAST = "الماضي|الماضيه|المنصرم|المنصرمه|الفايت|الفايته|الفائت|الفائته|السابق|السابقه"
_MOD_NEXT = "المقبل|المقبله|القادم|القادمه"
_MOD_THIS = "الجاري|الجاريه|الحالي|الحاليه"
_PAST = set(_MOD_PAST.split("|"))
_NEXT = set(_MOD_NEXT.split("|"))
_RELATIVE_DAYS = {"اليوم": 0, "امس": -1, "الامس": -1, "البارحه": -1, "اول امس": -2,
                  "اول من امس": -2, "امس الاول": -2, "غدا": 1, "الغد": 1, "بعد غد": 2}
_CUES = "في|شهر|منذ|حتي|خلال|مطلع|اواخر|اوايل|منتصف|نهايه|بدايه"
_TIMES_OF_DAY = "مساء|صباح|ظهر|ظهيره|ليل|ليله|فجر|عصر|صبيحه"
_PERIOD_UNITS = "الاسبوع|الشهر|العام|السنه"
_YEAR_CUES = "عام|العام|سنه|السنه|في"
# words that can open a date expression (the first word of each alternative below)
_OPENERS = set("|".join([_CUES, _TIMES_OF_DAY, _PERIOD_UNITS, _YEAR_CUES,
                         "يوم|هذا|هذه|قبل|منذ|اول|الامس|امس|البارحه|بعد|غدا|الغد|اليوم"]).split("|"))
_UNITS = {"يوم": ("day", 1), "يومين": ("day", 2), "ايام": ("day", None), "اسبوع": ("week", 1),
          "اسبوعين": ("week", 2), "اسابيع": ("week", None), "شهر": ("month", 1),
          "شهرين": ("month", 2), "اشهر": ("month", None), "شهور": ("month", None),
          "عام": ("year", 1), "عامين": ("year", 2), "سنه": ("year", 1), "اعوام": ("year", None),
          "سنوات": ("year", None), "ساعه": ("hour", 1), "ساعتين": ("hour", 2), "ساعات": ("hour", None),
          "دقيقه": ("hour", None), "دقيقتين": ("hour", None), "دقايق": ("hour", None)}


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    months = {fold_key(r["form"]): (int(r["month"]), r["calendar"], r["standalone"] == "yes")
              for r in read_tsv("months.tsv")}
    weekdays = {fold_key(r["form"]): (int(r["weekday"]), r["standalone"] == "yes")
                for r in read_tsv("weekdays.tsv")}
    mon = _alternation(months)
    wd = _alternation(weekdays)
    mod = f"{_MOD_PAST}|{_MOD_NEXT}|{_MOD_THIS}"
    b, e = r"(?<!\w)", r"(?!\w)"
    # an Arabic word may carry و ف ب ل in front
    bw = r"(?:(?<!\w)|(?<=(?<!\w)[وفبل]))"
    day = r"(?P<d>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?"
    era = r"(?:\s*(?P<era>هجريه|ميلاديه|للميلاد|ه|م)(?!\w))?"
    year = rf"(?P<y>\d{{4}})(?!\d){era}"
    pair = rf"(?P<m1>{mon})(?:\s*[/(\-]?\s*(?P<m2>{mon})(?:\s*\))?)?{e}"
    alternatives = [
        ("ymd", rf"{b}(?P<y>\d{{4}})\s*(?P<sep>[/.\-])\s*(?P<mo>\d{{1,2}})\s*(?P=sep)\s*(?P<d>\d{{1,2}})(?!\d){era}"),
        ("dmy_num", rf"{b}(?P<d>\d{{1,2}})\s*(?P<sep>[/.\-])\s*(?P<mo>\d{{1,2}})\s*(?P=sep)\s*{year}"),
        ("dmy", rf"{b}(?:(?P<wd>{wd})\s*,?\s*)?(?:يوم\s+)?{day}\s*[,/\-]?\s*(?:من\s+)?(?:شهر\s+)?{pair}"
                rf"(?:\s*[,/\-]?\s*{year}|\s+(?P<mod>{mod}){e})?"),
        ("mdy", rf"{b}(?P<m1>{mon})\s+{day}\s*,?\s*{year}"),
        ("month", rf"{bw}(?:(?P<cue>{_CUES})"
                  rf"\s+(?:شهر\s+)?)?{pair}(?:\s*,?\s*{year}|\s+(?P<mod>{mod}){e})?"),
        ("relday", rf"{bw}(?:(?:{_TIMES_OF_DAY})\s+)?"
                   r"(?P<rel>اول\s+من\s+امس|اول\s+امس|امس\s+الاول|الامس|امس|البارحه|بعد\s+غد|غدا|الغد|اليوم"
                   r"(?!\s+(?:نفسه|ذاته|ال(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر"
                   r"|اخير|تالي|سابق|وطني|عالمي|دولي|ذي|التالي)\w*)))"
                   rf"{e}(?:\s*,?\s*(?:(?:يوم|الموافق)\s+)?(?P<wd>{wd}){e}|\s*\((?P<pwd>{wd})\))?"),
        ("period", rf"{bw}(?:(?P<this>هذا|هذه)\s+)?(?P<unit>{_PERIOD_UNITS})"
                   rf"(?:\s+(?P<mod>{mod}))?{e}"),
        ("ago", rf"{bw}(?:قبل|منذ)\s+(?:(?P<n>\d{{1,3}})\s+)?(?P<u>{'|'.join(sorted(_UNITS, key=len, reverse=True))})"
                rf"{e}(?!\s*\d)"),
        ("year", rf"{bw}(?:{_YEAR_CUES})\s+(?P<y>(?:19|20)\d\d)(?!\d)(?!\s*[/.\-]\s*\d)"),
        ("weekday", rf"{bw}(?:(?P<yawm>يوم)\s+)?(?P<wd>{wd}){e}(?:\s+(?P<mod>{mod}){e})?"),
    ]
    pattern = re.compile("|".join(_named(n, p) for n, p in alternatives))
    openers = frozenset(_OPENERS | {f.split()[0] for f in months} | {f.split()[0] for f in weekdays})
    return _Tables(months, weekdays, pattern, openers)


def _parse_base(base: str | None) -> tuple[date | None, bool]:
    """(date, year_known) of an ISO or partial ``--MM-DD`` base."""
    if not base:
        return None, False
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})|--(\d{2})-(\d{2})", base.strip())
    if not m:
        return None, False
    try:
        if m.group(1):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), True
        return date(_LEAP_YEAR, int(m.group(4)), int(m.group(5))), False
    except ValueError:
        return None, False


def _day_value(d: date, year_known: bool, grain: str = "day") -> _Resolved:
    return _day(d, grain, True) if year_known else _partial(d.month, d.day, grain, True)


def year_for_weekday(month: int, day: int, weekday: int, near: int, reach: int = 14) -> int | None:
    """The year nearest ``near`` in which ``day``/``month`` falls on ISO ``weekday``."""
    for delta in sorted(range(-reach, reach + 1), key=lambda k: (abs(k), -k)):
        try:
            if date(near + delta, month, day).isoweekday() == weekday:
                return near + delta
        except ValueError:
            continue
    return None


class _Resolver:
    """Turns one regex match into a :class:`_Resolved` (None: not a date after all)."""

    def __init__(self, tables: _Tables, base: date | None, year_known: bool, year_hint: int | None):
        self.t = tables
        self.base = base
        self.year_known = year_known
        self.year_hint = year_hint

    def month_of(self, m, name) -> tuple[int, str, bool] | None:
        form = m.group(f"m1_{name}")
        return self.t.months.get(" ".join(form.split())) if form else None

    def weekday_of(self, m, name) -> int | None:
        form = m.group(f"wd_{name}")
        return self.t.weekdays[" ".join(form.split())][0] if form else None

    def absolute_day(self, y: str | None, month: int, day: int, era: str | None,
                     weekday: int | None, mod: str | None, hijri: bool = False) -> _Resolved:
        if y is not None:
            year = int(y)
            if hijri or era in ("ه", "هجريه") or year < 1700:
                found = hijri_to_gregorian(year, month, day)
                return _day(found, calendar="hijri") if found else _Resolved(None, "day", False, calendar="hijri")
            try:
                return _day(date(year, month, day))
            except ValueError:
                return _unknown("day")
        if hijri:
            return _Resolved(None, "day", False, calendar="hijri")
        try:
            date(_LEAP_YEAR, month, day)
        except ValueError:
            return _unknown("day")
        near = self.base.year if self.year_known else self.year_hint
        if near is None:
            return _partial(month, day)
        if weekday is not None:
            year = year_for_weekday(month, day, weekday, near)
        elif self.year_known:
            year = self._nearest_year(month, day, mod)
        else:
            year = None
        return _day(date(year, month, day)) if year is not None else _partial(month, day)

    def numeric_day(self, y: str, first: int, second: int, era: str | None) -> _Resolved:
        """Day first, as Arab outlets write dates, unless the first number cannot be a month
        and the second can ("08/31/2025")."""
        day, month = (second, first) if second > 12 >= first else (first, second)
        if not 1 <= month <= 12:
            return _unknown("day")
        return self.absolute_day(y, month, day, era, None, None)

    def _nearest_year(self, month: int, day: int, mod: str | None) -> int | None:
        best = None
        for year in (self.base.year - 1, self.base.year, self.base.year + 1):
            try:
                d = date(year, month, day)
            except ValueError:
                continue
            if mod in _PAST and d >= self.base or mod in _NEXT and d <= self.base:
                continue
            key = (abs((d - self.base).days), d > self.base)
            if best is None or key < best[0]:
                best = (key, year)
        return best[1] if best else None

    def month_value(self, month: int, y: str | None, era: str | None, mod: str | None) -> _Resolved:
        if y is not None:
            year = int(y)
            if era in ("ه", "هجريه") or year < 1700:
                return _Resolved(None, "month", False, calendar="hijri")
            return _month(year, month)
        if not self.year_known:
            return _unknown("month", True)
        here = self.base.year * 12 + self.base.month - 1
        candidates = [(self.base.year + k) * 12 + month - 1 for k in (-1, 0, 1)]
        if mod in _PAST:
            candidates = [c for c in candidates if c < here]
        elif mod in _NEXT:
            candidates = [c for c in candidates if c > here]
        best = min(candidates, key=lambda c: (abs(c - here), c > here))
        return _month(best // 12, best % 12 + 1, True)

    def resolve(self, m) -> _Resolved | None:
        name = m.lastgroup
        g = lambda k: m.group(f"{k}_{name}")  # noqa: E731
        if name == "ymd":
            return self.absolute_day(g("y"), int(g("mo")), int(g("d")), g("era"), None, None)
        if name == "dmy_num":
            return self.numeric_day(g("y"), int(g("d")), int(g("mo")), g("era"))
        if name in ("dmy", "mdy"):
            month = self.month_of(m, name)
            mod = g("mod") if name == "dmy" else None
            return self.absolute_day(g("y"), month[0], int(g("d")), g("era"),
                                     self.weekday_of(m, name) if name == "dmy" else None, mod,
                                     hijri=month[1] == "hijri")
        if name == "month":
            month = self.month_of(m, name)
            if month[1] == "hijri":
                return None
            if not (month[2] or g("cue") or g("y") or g("mod") or g("m2")):
                return None
            return self.month_value(month[0], g("y"), g("era"), g("mod"))
        if name == "year":
            return _year(int(g("y")))
        if name == "relday":
            form = g("wd") or g("pwd")
            weekday = self.t.weekdays[" ".join(form.split())][0] if form else None
            return self._relday(" ".join(g("rel").split()), weekday)
        if name == "weekday":
            form = " ".join(g("wd").split())
            weekday, standalone = self.t.weekdays[form]
            if not (standalone or g("yawm") or g("mod")):
                return None
            return self._weekday(weekday, g("mod"))
        if name == "period":
            if not (g("this") or g("mod")):
                return None
            return self._period(g("unit"), g("mod"))
        if name == "ago":
            unit, count = _UNITS[g("u")]
            n = int(g("n")) if g("n") else count
            if n is None:
                return _unknown(unit, True)
            return self._shift(unit, -n)
        return None

    def _relday(self, rel: str, weekday: int | None) -> _Resolved:
        if self.base is None:
            return _unknown("day", True)
        d = self.base + timedelta(days=_RELATIVE_DAYS[rel])
        if not self.year_known and weekday is not None and self.year_hint is not None:
            year = year_for_weekday(d.month, d.day, weekday, self.year_hint)
            if year is not None:
                return _day(date(year, d.month, d.day), relative=True)
        return _day_value(d, self.year_known)

    def _weekday(self, weekday: int, mod: str | None) -> _Resolved:
        if self.base is None or not self.year_known:
            return _unknown("day", True)
        back = (self.base.isoweekday() - weekday) % 7
        if mod in _NEXT:
            return _day(self.base + timedelta(days=(weekday - self.base.isoweekday()) % 7 or 7), relative=True)
        if mod in _PAST and back == 0:
            back = 7
        return _day(self.base - timedelta(days=back), relative=True)

    def _period(self, unit: str, mod: str | None) -> _Resolved:
        step = -1 if mod in _PAST else 1 if mod in _NEXT else 0
        grain = {"الاسبوع": "week", "الشهر": "month"}.get(unit, "year")
        return self._shift(grain, step)

    def _shift(self, grain: str, n: int) -> _Resolved:
        if self.base is None or grain == "hour":  # hours ago: the day depends on the clock
            return _unknown(grain, True)
        if grain in ("day", "week"):
            d = self.base + timedelta(days=n * (7 if grain == "week" else 1))
            return _day_value(d, self.year_known, grain)
        if not self.year_known:
            return _unknown(grain, True)
        if grain == "month":
            k = self.base.year * 12 + self.base.month - 1 + n
            return _month(k // 12, k % 12 + 1, True)
        return _year(self.base.year + n, True)


_TOKEN = re.compile(r"[^\W_]+")


def _matches(tables: _Tables, text: str):
    """Matches of the grammar, tried only where a word can open a date expression
    (a number, a month or weekday name, a cue word, possibly after و ف ب ل):
    the same matches as a scan of every position, at a fraction of the cost."""
    pattern, openers = tables.pattern, tables.openers
    resume = 0
    for token in _TOKEN.finditer(text):
        pos = token.start()
        if pos < resume:
            continue
        word = token.group()
        if word[0].isdigit() or word in openers:
            m = pattern.match(text, pos)
        elif word[0] in "وفبل" and word[1:] in openers:
            m = pattern.match(text, pos + 1)
        else:
            continue
        if m:
            resume = m.end()
            yield m


def date_mentions(text: str, base: str | None = None, *, folded: FoldedText | None = None,
                  year_hint: int | None = None) -> list[DateMention]:
    """Date expressions in ``text``, resolved against ``base`` where relative.

    ``folded`` may pass ``fold(text)`` when the caller already has it.
    ``year_hint`` (a year the caller knows the text is near) lets a weekday
    named beside a day and month pick the year when ``base`` has none.
    """
    tables = _tables()
    folded = folded or fold(text)
    base_date, year_known = _parse_base(base)
    resolver = _Resolver(tables, base_date, year_known, year_hint)
    out = []
    for m in _matches(tables, folded.text):
        resolved = resolver.resolve(m)
        if resolved is None:
            continue
        name = m.lastgroup
        fs = m.start(f"m1_{name}") if name == "month" else m.start()
        start, end = folded.span_to_original(fs, m.end())
        out.append(DateMention(start, end, text[start:end], resolved.value, resolved.grain, resolved.relative,
                               resolved.precision, resolved.partial, resolved.calendar))
    return out


PLAUSIBLE_YEARS = (1900, 2100)  # a metadata or URL date outside these is a misreading
_ISO_PREFIX = re.compile(r"\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?![\d-])")
_DIGITS = re.compile(r"\s*(\d{8}|\d{10}|\d{12,14})(?:\.\d+)?\s*$")
_YEAR_ONLY = re.compile(r"\s*(\d{4})\s*$")


class MetadataDate(NamedTuple):
    """A date read from a metadata field or a URL: ISO value and its precision."""

    value: str
    precision: str  # day | month | year


def _plausible(d: date) -> bool:
    return PLAUSIBLE_YEARS[0] <= d.year <= PLAUSIBLE_YEARS[1]


def _checked(year: int, month: int, day: int | None) -> MetadataDate | None:
    try:
        d = date(year, month, day or 1)
    except ValueError:
        return None
    if not _plausible(d):
        return None
    return MetadataDate(d.isoformat(), "day" if day else "month")


def _from_number(digits: str) -> MetadataDate | None:
    """``YYYYMMDD``, GDELT's ``YYYYMMDDHHMM[SS]``, or Unix time in seconds (10 digits)
    or milliseconds (13)."""
    if len(digits) == 10 or len(digits) == 13:
        seconds = int(digits) / (1000 if len(digits) == 13 else 1)
        try:
            d = dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
        return MetadataDate(d.isoformat(), "day") if _plausible(d) else None
    return _checked(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))


def metadata_date(value: object) -> MetadataDate | None:
    """The date of a metadata field, else None.

    Reads datetime and date objects (Parquet columns), ISO dates and
    timestamps ("2024-01-26T10:00:00Z", "2015-08-01 15:55:21": the day as
    written, whatever the zone), "2024-01" (month) and "2024" (year), digit
    runs (``20150801``, GDELT's ``20150801154500``, Unix time), RFC 822
    (RSS ``pubDate``: "Sat, 01 Aug 2015 08:00:00 +0300") and anything the
    grammar reads as one absolute date ("26th, January 2024", "الجمعة 26 يناير 2024",
    "03 ذو القعدة 1436 هـ").
    """
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, date):
        return MetadataDate(value.isoformat(), "day") if _plausible(value) else None
    if isinstance(value, (int, float)):
        value = str(int(value))
    if not isinstance(value, str):
        return None
    m = _ISO_PREFIX.match(value)
    if m:
        day = int(m.group(3)) if m.group(3) else None
        return _checked(int(m.group(1)), int(m.group(2)), day)
    m = _DIGITS.match(value)
    if m:
        return _from_number(m.group(1))
    m = _YEAR_ONLY.match(value)
    if m:
        year = int(m.group(1))
        return MetadataDate(f"{year:04d}-01-01", "year") if PLAUSIBLE_YEARS[0] <= year <= PLAUSIBLE_YEARS[1] else None
    parsed = parsedate_tz(value) if "," in value or ":" in value else None
    if parsed and parsed[0]:
        return _checked(parsed[0], parsed[1], parsed[2])
    for mention in date_mentions(value[:200]):
        if mention.value and not mention.relative and mention.precision in ("day", "month"):
            return MetadataDate(mention.value, mention.precision)
    return None


# A date in a URL's path: /2015/08/01/, /2024/5/2/, 2015-08-01, 2015_08_01, /20150801/ (a
# day), /2015/08/ (a month); digits glued to more digits (an article id) are not one.
_URL_DAY = re.compile(r"(?<![0-9])((?:19|20)\d\d)(?:([/_.-])(1[0-2]|0?[1-9])\2(3[01]|[12]\d|0?[1-9])"
                      r"|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))(?![0-9])")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(1[0-2]|0?[1-9])/(?![0-9])")
_URL_HOST = re.compile(r"^https?://[^/?#]*", re.I)


def url_date(url: str | None) -> MetadataDate | None:
    """The date written in a web URL's path ("http://www.aleqt.com/2015/08/01/article_977967.html"
    -> 2015-08-01), else None; the host name is never read, nor a file path."""
    host = _URL_HOST.match(url) if url else None
    if host is None:
        return None
    path = url[host.end():]
    for m in _URL_DAY.finditer(path):
        found = _checked(int(m.group(1)), int(m.group(3) or m.group(5)), int(m.group(4) or m.group(6)))
        if found:
            return found
    m = _URL_MONTH.search(path)
    return _checked(int(m.group(1)), int(m.group(2)), None) if m else None
