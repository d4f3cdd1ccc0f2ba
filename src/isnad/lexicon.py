"""Lexicons shipped as data files under ``isnad/data``, loaded once.

Each loader reads a TSV whose header and comment lines (``#``) document its
columns; Arabic keys are folded with :func:`isnad.text.fold_key` so lookups
ignore hamza, alef, yeh and ta-marbuta variants.
"""
from __future__ import annotations

import csv
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
