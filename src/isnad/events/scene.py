"""Where an article happens: the country its places, peoples and known names point to most.

A participant whose words name no country (المقاومة الشعبية، وزارة الداخلية، سلطات الأمن،
القوات الأمنية) is of the country of its sentence's place (في عدن) or, failing that, of
the article's scene: the country that the countries, capitals, cities, peoples and
known names of the title (counted twice) and body point to most, when it is named at
least twice.  One pass of an Aho–Corasick automaton over the article.
"""
from __future__ import annotations

from collections import Counter

import ahocorasick

from ..lexicon import Lexicon
from ..text import fold_key
from .tables import event_tables, whole_word

MIN_MENTIONS = 2


def _build(lexicon: Lexicon) -> ahocorasick.Automaton:
    """Folded form -> (length, countries) for every place, people and known name with a country
    whose reading does not itself depend on the scene."""
    tables = event_tables(lexicon)
    table: dict[str, set[str]] = {}
    for key, places in tables.places.keys():
        isos = {p.iso3 for p in places[:1] if p.iso3 and p.iso3 != "IMG" and not p.scene}
        if isos:
            table.setdefault(key, set()).update(isos)
    for actor in lexicon.actors.values():
        if actor.country and actor.kind in ("person", "organization", "government"):
            for alias in actor.aliases_ar:
                table.setdefault(fold_key(alias), set()).add(actor.country)
    auto = ahocorasick.Automaton()
    for key, isos in table.items():
        if len(key) >= 3:
            auto.add_word(key, (len(key), tuple(sorted(isos))))
    auto.make_automaton()
    return auto


def scene_country(lexicon: Lexicon, text: str,
                  spans: list[tuple[int, int, int]]) -> tuple[list[str], dict[str, tuple[int, int]]]:
    """The countries of the scene of folded ``text`` over ``spans`` (start, end, weight), the
    most named first (each named at least twice), and the folded span of each country's first
    mention (the evidence of the scene)."""
    counts, first = _count(lexicon.derived(_build), text, spans)
    return [iso for iso, n in counts.most_common() if n >= MIN_MENTIONS], first


def _count(auto: ahocorasick.Automaton, text: str, spans: list[tuple[int, int, int]]):
    """Weighted counts of the values of ``auto`` found as whole words, and each one's first span."""
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for start, end, weight in spans:
        for last, (size, isos) in auto.iter(text[start:end]):  # a slice: the automaton copies the text it is given
            last += start
            if not whole_word(text, start, end, last, size):
                continue
            for iso in isos:
                counts[iso] += weight
                first.setdefault(iso, (last + 1 - size, last + 1))
    return counts, first
