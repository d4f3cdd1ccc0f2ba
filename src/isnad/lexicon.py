"""Lexicons shipped as data files under ``isnad/data``, loaded once.

Each loader reads a TSV whose header and comment lines (``#``) document its
columns; Arabic keys are folded with :func:`isnad.text.fold_key` so lookups
ignore hamza, alef, yeh and ta-marbuta variants.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .text import fold_key


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of ``isnad/data/NAME`` as dicts; comment lines skipped."""
    with resources.files("isnad.data").joinpath(name).open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def split_aliases(value: str) -> list[str]:
    return [a.strip() for a in value.split("|") if a.strip()]


@dataclass(frozen=True)
class Actor:
    entity_id: str
    kind: str
    name_en: str
    country: str | None
    wikidata: str | None
    gender: str | None
    aliases_ar: tuple[str, ...]


@lru_cache(maxsize=1)
def actors() -> dict[str, Actor]:
    """All actors by entity id."""
    out = {}
    for row in read_tsv("actors.tsv"):
        out[row["entity_id"]] = Actor(
            entity_id=row["entity_id"],
            kind=row["kind"],
            name_en=row["name_en"],
            country=row["country"] or None,
            wikidata=row["wikidata"] or None,
            gender=row["gender"] or None,
            aliases_ar=tuple(split_aliases(row["aliases_ar"])),
        )
    return out


@lru_cache(maxsize=1)
def actor_aliases() -> dict[str, str]:
    """Folded Arabic alias -> entity id (first listed actor wins)."""
    out: dict[str, str] = {}
    for actor in actors().values():
        for alias in actor.aliases_ar:
            out.setdefault(fold_key(alias), actor.entity_id)
    return out


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


@lru_cache(maxsize=1)
def roles() -> dict[str, tuple[Role, ...]]:
    """Roles by entity id, in file order."""
    out: dict[str, list[Role]] = {}
    for row in read_tsv("roles.tsv"):
        role = Role(
            entity_id=row["entity_id"],
            role_en=row["role_en"],
            role_ar=row["role_ar"],
            org=row["org"] or None,
            country=row["country"] or None,
            start=row["start"],
            end=row["end"] or None,
        )
        out.setdefault(role.entity_id, []).append(role)
    return {k: tuple(v) for k, v in out.items()}


def roles_on(entity_id: str, date_iso: str | None) -> list[Role]:
    """Roles of ``entity_id`` held on ``date_iso``, latest start first.

    ``date_iso`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; when it is None or
    a partial ``--MM-DD`` (year unknown) every role is returned.
    """
    held = list(roles().get(entity_id, ()))
    if date_iso is not None and not _PARTIAL_RE.fullmatch(date_iso):
        first, last = date_bounds(date_iso)
        held = [r for r in held if r.held_during(first, last)]
    return sorted(held, key=lambda r: r.first_day, reverse=True)


def role_on(entity_id: str, date_iso: str | None) -> Role | None:
    """The role ``entity_id`` held on ``date_iso`` (the latest begun), or None.

    Without a full year (None or ``--MM-DD``) the latest role is returned.
    """
    held = roles_on(entity_id, date_iso)
    return held[0] if held else None


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


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
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
        for row in read_tsv("countries.tsv")
    }


@lru_cache(maxsize=1)
def country_forms() -> dict[str, CountryForm]:
    """Folded Arabic name, adjective, demonym or capital -> CountryForm.

    On a clash a name beats an adjective, which beats a capital (عمان is
    Oman, not Amman); within a kind the first listed country wins.
    """
    out: dict[str, CountryForm] = {}
    for kind in ("name", "adjective", "capital"):
        for c in countries().values():
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


def ambiguous_aliases() -> dict[str, tuple[str, ...]]:
    """Folded aliases that more than one actor lists, with those actors' ids."""
    seen: dict[str, list[str]] = {}
    for actor in actors().values():
        for alias in actor.aliases_ar:
            ids = seen.setdefault(fold_key(alias), [])
            if actor.entity_id not in ids:
                ids.append(actor.entity_id)
    return {k: tuple(v) for k, v in seen.items() if len(v) > 1}
