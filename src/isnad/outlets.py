"""Outlets and news agencies by their canonical names.

One publisher is written many ways: ``رويترز``, ``Reuters``, ``وكالة رويترز``,
``reuters.com``; SaudiNewsNet names Asharq Al-Awsat ``aawsat`` and its site
``aawsat.com``.  ``data/outlets.tsv`` lists, for each outlet and agency, its
canonical English name, its spellings (Latin and Arabic names, dataset codes)
and its web domains; the Arabic aliases of the same publisher in
``data/actors.tsv`` count as spellings too.  Lookups are of whole values (a
record's field, a page's header line, the value of an "المصدر:" line, a lead
credit, a URL's host), folded like the rest of isnad, so a name that is
ambiguous inside running text ("الشرق الأوسط", the region) can be listed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import default_lexicon, read_tsv, split_aliases
from .text import fold_key

PUBLISHER_KINDS = ("outlet", "agency")
# words that may stand before a publisher's name: "صحيفة عكاظ" is عكاظ
_GENERIC_HEADS = ("صحيفه", "جريده", "موقع", "قناه", "شبكه", "وكاله", "مجله", "بوابه", "اذاعه")
_WORD = re.compile(r"[^\W_]+")
_URL_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/?#]*@)?([^/?#:\s]+)", re.I)
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")


@dataclass(frozen=True, slots=True)
class Publisher:
    """An outlet or a news agency."""

    entity_id: str
    kind: str  # outlet | agency
    name: str  # canonical English name


@dataclass(frozen=True)
class _Tables:
    by_spelling: dict[str, Publisher]
    by_domain: dict[str, Publisher]


def spelling_key(value: str) -> str:
    """The lookup key of a name: folded, its words joined by single spaces
    (punctuation dropped: "أ.ف.ب" and "أ ف ب" are one key)."""
    return " ".join(_WORD.findall(fold_key(value)))


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    by_spelling: dict[str, Publisher] = {}
    by_domain: dict[str, Publisher] = {}
    known = default_lexicon().actors
    for row in read_tsv("outlets.tsv"):
        publisher = Publisher(row["entity_id"], row["kind"], row["name"])
        spellings = [row["name"], *split_aliases(row["spellings"])]
        actor = known.get(publisher.entity_id)
        if actor is not None:
            spellings += actor.aliases_ar
        for spelling in spellings:
            by_spelling.setdefault(spelling_key(spelling), publisher)
        for domain in split_aliases(row["domains"]):
            by_domain.setdefault(domain.lower(), publisher)
    for actor in known.values():  # publishers that only the actor lexicon lists
        if actor.kind in PUBLISHER_KINDS:
            publisher = Publisher(actor.entity_id, actor.kind, actor.name_en)
            for spelling in (actor.name_en, *actor.aliases_ar):
                by_spelling.setdefault(spelling_key(spelling), publisher)
    return _Tables(by_spelling, by_domain)


@lru_cache(maxsize=8192)  # a corpus names few publishers, in few ways
def publisher_named(value: str | None) -> Publisher | None:
    """The publisher a whole value names ("رويترز", "Reuters", "aawsat", "صحيفة عكاظ",
    "https://www.okaz.com.sa/…"), else None."""
    if not value or not value.strip():
        return None
    tables = _tables()
    key = spelling_key(value)
    found = tables.by_spelling.get(key)
    if found is None and " " in key and key.split(" ", 1)[0] in _GENERIC_HEADS:
        found = tables.by_spelling.get(key.split(" ", 1)[1])
    if found is None and ("." in value and " " not in value.strip()):
        found = publisher_of_host(host_of(value, bare=True))
    return found


def host_of(url: str | None, bare: bool = False) -> str | None:
    """The host of a web URL (``http``/``https``, or with ``bare`` a domain name
    alone), lower-case, without ``www.``; None for anything else (a file path)."""
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) and not (bare and "/" not in url):
        return None
    m = _URL_HOST.match(url)
    if not m:
        return None
    host = m.group(1).lower().rstrip(".")
    for prefix in ("www.", "m.", "amp."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
    return host if _DOMAIN.match(host) else None


def publisher_of_host(host: str | None) -> Publisher | None:
    """The publisher of a host name or of the domain it belongs to
    ("gate.ahram.org.eg" -> Al-Ahram)."""
    if not host:
        return None
    by_domain = _tables().by_domain
    labels = host.split(".")
    for k in range(len(labels) - 1):
        found = by_domain.get(".".join(labels[k:]))
        if found is not None:
            return found
    return None


def canonical_name(value: str) -> str:
    """The canonical name of a publisher's spelling; an unknown one as written (trimmed)."""
    found = publisher_named(value)
    return found.name if found else " ".join(value.split())
