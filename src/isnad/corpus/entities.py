"""Speakers across pages: one entity per person, however the pages spell them.

Names are compared by a consonant skeleton of their folded form (long
vowels inside a word and a final ة dropped, غ/ج, ق/ك and doubled letters
unified), so
زيلينسكي / زيلنسكي or سيرغي / سيرجي meet.  A speaker with a lexicon id keeps
it and lends it to unidentified speakers with the same skeleton; a surname
alone joins the one full name of the run that ends with it; speakers known
only by a role phrase merge when role, country and name all agree.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from ..text import fold_key

_INNER_VOWELS = re.compile(r"(?<=.)[اوي]")
_REPEATS = re.compile(r"(.)\1+")
_LETTER_VARIANTS = str.maketrans({"غ": "ج", "ق": "ك"})


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """Consonant skeleton of a name, word by word."""
    return " ".join(map(_word_skeleton, fold_key(name).split()))


@lru_cache(maxsize=65536)
def _word_skeleton(word: str) -> str:
    """Skeleton of one folded word (never empty: its first letter stays).
    Names share words (first names, الخارجية، وزير), so each is worked out once."""
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    if len(word) > 3 and word.endswith("ه"):
        word = word[:-1]  # feminine ending: المتحدث / المتحدثة
    return _REPEATS.sub(_first_letter, _INNER_VOWELS.sub("", word.translate(_LETTER_VARIANTS)))


def _first_letter(repeat: re.Match) -> str:
    """What a run of one letter becomes: that letter once."""
    return repeat.group(1)


def _short_id(prefix: str, key: str) -> str:
    return prefix + hashlib.blake2b(key.encode("utf-8"), digest_size=6).hexdigest()


def _countries_agree(a: str | None, b: str | None) -> bool:
    return not a or not b or a == b


def merge_speakers(speakers: dict[str, dict]) -> tuple[dict[str, str], list[dict]]:
    """Corpus entity id per statement id, and one record per entity.

    ``speakers`` maps a statement id to its ``speaker`` object.
    """
    by_skeleton: dict[str, list[tuple[str, str | None]]] = {}  # skeleton -> [(entity, country)]
    assigned: dict[str, str] = {}
    pending_people: list[tuple[str, str, str | None]] = []
    for sid, sp in speakers.items():
        name = sp.get("name_ar") or sp.get("name") or ""
        sk = skeleton(name) if name else ""
        if sp.get("entity_id"):
            assigned[sid] = str(sp["entity_id"])
            if sk:
                by_skeleton.setdefault(sk, []).append((assigned[sid], sp.get("country")))
        elif (sp.get("kind") or "") == "person" and sk:
            pending_people.append((sid, sk, sp.get("country")))
        elif sp.get("role"):
            key = "|".join((skeleton(sp["role"]), sp.get("country") or "", sk))
            assigned[sid] = _short_id("role:", key)
        elif sk:
            assigned[sid] = _short_id("name:", sk)
    full_names = {sk for _, sk, _ in pending_people if " " in sk} | {sk for sk in by_skeleton if " " in sk}
    full_names_ending: dict[str, list[str]] = {}  # last word -> full names ending with it
    for full in sorted(full_names):
        full_names_ending.setdefault(full.rsplit(" ", 1)[1], []).append(full)
    for sid, sk, country in sorted(pending_people, key=lambda p: -len(p[1])):
        if " " not in sk:
            endings = full_names_ending.get(sk, [])
            if len(endings) == 1:
                sk = endings[0]
        known = [e for e, c in by_skeleton.get(sk, ()) if _countries_agree(c, country)]
        if known:
            assigned[sid] = known[0]
        else:
            assigned[sid] = _short_id("person:", sk + "|" + (country or ""))
            by_skeleton.setdefault(sk, []).append((assigned[sid], country))
    return assigned, _entity_records(assigned, speakers)


def _entity_records(assigned: dict[str, str], speakers: dict[str, dict]) -> list[dict]:
    """One record per entity, in the order of the statements assigned to them:
    the names, roles, country and Wikidata id its speakers give, and its statements."""
    records: dict[str, dict] = {}
    for sid, entity in assigned.items():
        sp = speakers[sid]
        rec = records.get(entity)
        if rec is None:
            rec = records[entity] = {"entity_id": entity, "names": [], "roles": [], "country": None,
                                     "kind": sp.get("kind"), "wikidata": None, "statements": []}
        _add_new(rec["names"], sp.get("name"))
        _add_new(rec["names"], sp.get("name_ar"))
        _add_new(rec["roles"], sp.get("role"))
        rec["country"] = rec["country"] or sp.get("country")
        rec["wikidata"] = rec["wikidata"] or sp.get("wikidata")
        rec["statements"].append(sid)
    return list(records.values())


def _add_new(values: list, value) -> None:
    """Append ``value`` unless it is empty or already there."""
    if value and value not in values:
        values.append(value)
