"""The lexicons: data files under ``isnad/data``, loaded once into one object.

A :class:`Lexicon` reads each table the first time it is asked for and keeps
it; the readers receive the lexicon of the run and pass it along.  An analyst
on another beat brings their own files (``isnad run --lexicon-dir DIR``): a
file in DIR replaces the packaged file of the same name, the others stay.
Arabic keys are folded with :func:`isnad.text.fold_key`, so lookups ignore
hamza, alef, yeh and ta-marbuta variants.  Tables derived from the files
(an automaton, a word index) are built once per lexicon by
:meth:`Lexicon.derived`.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from .text import fold_key

T = TypeVar("T")


def split_aliases(value: str) -> list[str]:
    return [a.strip() for a in value.split("|") if a.strip()]


def _parse_tsv(lines) -> list[dict[str, str]]:
    kept = [line for line in lines if line.strip() and not line.startswith("#")]
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(kept, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


@dataclass(frozen=True)
class Actor:
    entity_id: str
    kind: str
    name_en: str
    country: str | None
    wikidata: str | None
    gender: str | None
    aliases_ar: tuple[str, ...]


# --- roles held for a time ----------------------------------------------------

_OPEN_END = "9999-12-31"
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_PARTIAL_RE = re.compile(r"--(\d{2})-(\d{2})")


def date_bounds(value: str) -> tuple[str, str]:
    """First and last day covered by ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    m = _DATE_RE.fullmatch(value)
    if not m:
        raise ValueError(f"not a date: {value!r}")
    year, month, day = m.groups()
    if day:
        return value, value
    if month:
        return f"{year}-{month}-01", f"{year}-{month}-31"
    return f"{year}-01-01", f"{year}-12-31"


@dataclass(frozen=True)
class Role:
    entity_id: str
    role_en: str
    role_ar: str
    org: str | None
    country: str | None
    start: str
    end: str | None

    @property
    def first_day(self) -> str:
        return date_bounds(self.start)[0]

    @property
    def last_day(self) -> str:
        return date_bounds(self.end)[1] if self.end else _OPEN_END

    def held_during(self, first: str, last: str) -> bool:
        """True when the role overlaps the days ``first``..``last`` (ISO strings)."""
        return self.first_day <= last and first <= self.last_day


# --- countries ------------------------------------------------------------------

@dataclass(frozen=True)
class Country:
    iso3: str
    name_en: str
    names_ar: tuple[str, ...]
    adjectives_ar: tuple[str, ...]
    capitals_ar: tuple[str, ...]
    demonyms_ar: tuple[str, ...]


@dataclass(frozen=True)
class CountryForm:
    """What a folded Arabic form says about a country.

    ``kind`` is name, adjective or capital; ``number_gender`` (m.sg, f.sg,
    m.du, f.du, m.pl, f.pl) is set for adjectives and demonyms.
    """

    iso3: str
    kind: str
    number_gender: str | None = None


# Endings of a folded nisba adjective after its ي, longest first.
_NISBA_ENDINGS = (
    ("يتان", "f.du"), ("يتين", "f.du"), ("يات", "f.pl"), ("يون", "m.pl"),
    ("يين", "m.pl"), ("يان", "m.du"), ("يه", "f.sg"), ("ي", "m.sg"),
)


def nisba_number_gender(folded: str) -> str | None:
    """Number and gender of a folded nisba adjective (روسيه -> f.sg)."""
    last = folded.rsplit(" ", 1)[-1]
    for ending, value in _NISBA_ENDINGS:
        if last.endswith(ending):
            return value
    return None


class Lexicon:
    """Every data table of the readers, each read once, from ``directory``
    where it holds the file and from the package otherwise."""

    def __init__(self, directory: str | Path | None = None):
        self.directory = Path(directory) if directory is not None else None
        if self.directory is not None and not self.directory.is_dir():
            raise ValueError(f"lexicon folder {self.directory} is not a folder")
        self._derived: dict[Callable, Any] = {}
        self._rows: dict[str, list[dict[str, str]]] = {}

    @staticmethod
    @lru_cache(maxsize=8)
    def at(directory: str | None = None) -> "Lexicon":
        """The lexicon of ``directory`` (None: the packaged one), one per process."""
        return Lexicon(directory)

    def __reduce__(self):
        """Sent to another process as its folder: each process loads it once (:meth:`at`)."""
        return Lexicon.at, (str(self.directory) if self.directory is not None else None,)

    def __repr__(self) -> str:
        return f"Lexicon({str(self.directory) if self.directory else 'packaged'})"

    def rows(self, name: str) -> list[dict[str, str]]:
        """Rows of the table NAME (``actors.tsv``) as dicts; comment lines skipped."""
        if name not in self._rows:
            own = self.directory / name if self.directory is not None else None
            if own is not None and own.is_file():
                with own.open(encoding="utf-8-sig") as f:
                    self._rows[name] = _parse_tsv(f)
            else:
                with resources.files("isnad.data").joinpath(name).open(encoding="utf-8") as f:
                    self._rows[name] = _parse_tsv(f)
        return self._rows[name]

    def derived(self, build: Callable[["Lexicon"], T]) -> T:
        """``build(self)``, computed once for this lexicon: a table derived from the files
        (an automaton, a word index) by the module that needs it."""
        try:
            return self._derived[build]
        except KeyError:
            value = self._derived[build] = build(self)
            return value

    # -- actors ----------------------------------------------------------------
    @cached_property
    def actors(self) -> dict[str, Actor]:
        """All actors by entity id."""
        out = {}
        for row in self.rows("actors.tsv"):
            out[row["entity_id"]] = Actor(
                entity_id=row["entity_id"],
                kind=row["kind"],
                name_en=row["name_en"],
                country=row.get("country") or None,
                wikidata=row.get("wikidata") or None,
                gender=row.get("gender") or None,
                aliases_ar=tuple(split_aliases(row.get("aliases_ar", ""))),
            )
        return out

    @cached_property
    def actor_aliases(self) -> dict[str, str]:
        """Folded Arabic alias -> entity id (first listed actor wins)."""
        out: dict[str, str] = {}
        for actor in self.actors.values():
            for alias in actor.aliases_ar:
                out.setdefault(fold_key(alias), actor.entity_id)
        return out

    def ambiguous_aliases(self) -> dict[str, tuple[str, ...]]:
        """Folded aliases that more than one actor lists, with those actors' ids."""
        seen: dict[str, list[str]] = {}
        for actor in self.actors.values():
            for alias in actor.aliases_ar:
                ids = seen.setdefault(fold_key(alias), [])
                if actor.entity_id not in ids:
                    ids.append(actor.entity_id)
        return {k: tuple(v) for k, v in seen.items() if len(v) > 1}

    # -- roles -----------------------------------------------------------------
    @cached_property
    def roles(self) -> dict[str, tuple[Role, ...]]:
        """Roles by entity id, in file order (only of actors this lexicon knows)."""
        out: dict[str, list[Role]] = {}
        for row in self.rows("roles.tsv"):
            if row["entity_id"] not in self.actors:
                continue  # a lexicon without that person
            role = Role(row["entity_id"], row["role_en"], row["role_ar"], row["org"] or None,
                        row["country"] or None, row["start"], row["end"] or None)
            out.setdefault(role.entity_id, []).append(role)
        return {k: tuple(v) for k, v in out.items()}

    def roles_on(self, entity_id: str, date_iso: str | None) -> list[Role]:
        """Roles of ``entity_id`` held on ``date_iso``, latest start first.

        ``date_iso`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; when it is None or
        a partial ``--MM-DD`` (year unknown) every role is returned.
        """
        held = list(self.roles.get(entity_id, ()))
        if date_iso is not None and not _PARTIAL_RE.fullmatch(date_iso):
            first, last = date_bounds(date_iso)
            held = [r for r in held if r.held_during(first, last)]
        return sorted(held, key=lambda r: r.first_day, reverse=True)

    def role_on(self, entity_id: str, date_iso: str | None) -> Role | None:
        """The role ``entity_id`` held on ``date_iso`` (the latest begun), or None.

        Without a full year (None or ``--MM-DD``) the latest role is returned.
        """
        held = self.roles_on(entity_id, date_iso)
        return held[0] if held else None

    # -- countries -------------------------------------------------------------
    @cached_property
    def countries(self) -> dict[str, Country]:
        """All countries by ISO 3166 alpha-3 code."""
        return {
            row["iso3"]: Country(
                iso3=row["iso3"],
                name_en=row["name_en"],
                names_ar=tuple(split_aliases(row["names_ar"])),
                adjectives_ar=tuple(split_aliases(row["adjectives_ar"])),
                capitals_ar=tuple(split_aliases(row["capital_ar"])),
                demonyms_ar=tuple(split_aliases(row["demonyms_ar"])),
            )
            for row in self.rows("countries.tsv")
        }

    @cached_property
    def country_forms(self) -> dict[str, CountryForm]:
        """Folded Arabic name, adjective, demonym or capital -> CountryForm.

        On a clash a name beats an adjective, which beats a capital (عمان is
        Oman, not Amman); within a kind the first listed country wins.
        """
        out: dict[str, CountryForm] = {}
        for kind in ("name", "adjective", "capital"):
            for c in self.countries.values():
                if kind == "name":
                    entries = [(f, None) for f in c.names_ar]
                elif kind == "adjective":
                    entries = [(f, nisba_number_gender(fold_key(f))) for f in c.adjectives_ar]
                    entries += [(f, "m.pl") for f in c.demonyms_ar]
                else:
                    entries = [(f, None) for f in c.capitals_ar]
                for form, number_gender in entries:
                    out.setdefault(fold_key(form), CountryForm(c.iso3, kind, number_gender))
        return out


def default_lexicon() -> Lexicon:
    """The packaged lexicon."""
    return Lexicon.at(None)


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of the packaged table NAME: for the tables of segmentation and dates
    (boilerplate markers, month names), which no lexicon folder replaces."""
    return default_lexicon().rows(name)
