"""A run's events in the PLOVER JSON layout, and as a POLECAT-style flat table.

``isnad export --format plover DIR`` writes one PLOVER record a line, with
the fields of the "PLOVER JSON" table of the PLOVER manual's Data Fields
chapter (Open Event Data Alliance): ``id``, ``date``, ``actor`` and
``recipient`` as lists of entity objects, ``event``, ``mode``, ``context`` and
``event_text`` as lists, ``quad_code``, ``text_info``, ``cite_info``,
``coder``, ``coded_date``; ``docs/plover.schema.json`` is written from that
table.  ``--format polecat`` writes the same events one row each in a flat
tab-separated table, the way the POLECAT data set built on PLOVER is shared.

How isnad's event records become PLOVER is decided here only
(:func:`plover_coding`, :func:`entity_object`), so that the event extractor
can change its records without touching the layouts.  Choices:

- ``quad_code`` follows each category's quad category in the manual (its
  section and its summary table put SANCTION in material conflict, 4);
- ``event_scale`` is left out: isnad does not use the manual's retired
  conflict-cooperation score table;
- isnad's REQUEST is the manual's DEMAND category;
- a mode the manual does not list for the category but lists as a context
  (AID ``military``, ``humanitarian``, ``economic``) becomes a context;
- an actor whose sector is a non-state actor code (IGO, NGO, ...) gets it as
  its ``code``; the discontinued ELI sector is written CVL, as the manual says;
- ``date`` is the event's own date, else its article's publication date, with
  its precision and source beside it; an event with neither has no PLOVER
  date (a required field) and is left out;
- ``text`` (the full text) is not written: its rights are rarely the coder's.

isnad adds what PLOVER lacks: the CAMEO code, the Arabic trigger, whether the
article asserts the event or only reports, denies or foresees it (``status``,
``reported_by``, ``denied_by``) and the evidence spans.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from . import __version__

# The manual's quad categories: 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict.  REQUEST is isnad's name for DEMAND.
QUAD_CODE = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
             "DEMAND": 3, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
             "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
PLOVER_CATEGORY = {"REQUEST": "DEMAND"}
# The manual's modes of each category (the categories not named have none).
MODES = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"),
    "DEMAND": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold"),
    "ASSAULT": ("abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "heavy-weapons", "cleansing", "massacre", "unconventional", "sideAB"),
}
# The manual's contexts: the general ones, then the special ones.
CONTEXTS = ("military", "intelligence", "peacekeeping", "economic", "diplomatic", "resource", "disease",
            "enviro_disaster", "migration", "humanitarian", "asylum", "legal", "human_rights", "rights_freedoms",
            "gender", "lgbt", "terrorism", "human_security", "religion_ethnicity", "executive", "election",
            "legislative", "cbrn", "cyber", "political_institutions", "corruption", "crime", "illegal_drugs",
            "historical", "future", "hypothetical", "negation")
NON_STATE_CODES = ("IGO", "NGO", "ISM", "IMG", "MNC")
SECTORS = ("GOV", "JUD", "LEG", "MIL", "COP", "OPP", "PTY", "REB", "PRM", "SPY", "UAF",
           "CVL", "BUS", "EDU", "MED", "LAB", "AGR", "JRN", "REF", "REL", "SOC", "CRM")
RETIRED_SECTORS = {"ELI": "CVL"}
CODER = f"isnad {__version__}"
CODEBOOK = "PLOVER (Open Event Data Alliance), with CAMEO codes beside"
FORMATS = ("plover", "polecat")


# --- the mapping ------------------------------------------------------------------

def plover_coding(event: dict) -> dict:
    """``event``, ``mode``, ``context`` and ``quad_code`` of an ``events.jsonl`` row."""
    category = PLOVER_CATEGORY.get(event["event_type"], event["event_type"])
    modes, contexts = [], list(event.get("context") or [])
    mode = event.get("mode")
    if mode in MODES.get(category, ()):
        modes.append(mode)
    elif mode in CONTEXTS and mode not in contexts:
        contexts.append(mode)
    return {"event": [category], "mode": modes, "context": [c for c in contexts if c in CONTEXTS],
            "quad_code": QUAD_CODE.get(category)}


def entity_object(entity: dict) -> dict:
    """A PLOVER actor object: ``code`` (ISO 3166 alpha-3, or a non-state code such as
    IGO), ``sector``, ``entity_text`` (as the article writes it), ``entity_name``
    (canonical English name) and ``wikidata_id``."""
    code, sector = entity.get("country"), entity.get("sector")
    sector = RETIRED_SECTORS.get(sector, sector)
    if sector in NON_STATE_CODES:
        code, sector = code or sector, None
    return {"code": code, "sector": sector if sector in SECTORS else None, "entity_text": entity.get("name_ar"),
            "entity_name": entity.get("name"), "wikidata_id": entity.get("wikidata"),
            "entity_id": entity.get("entity_id"), "span": entity.get("span")}


def event_date(event: dict, article: dict) -> tuple[str | None, str | None, str | None]:
    """The event's date, precision and source (``event``, or ``article``: its publication date)."""
    if event.get("date"):
        return event["date"], event.get("date_precision") or "day", "event"
    if article.get("published"):
        return article["published"], article.get("published_precision") or "day", "article"
    return None, None, None


def plover_record(event: dict, article: dict | None = None, coded: str | None = None) -> dict | None:
    """One ``events.jsonl`` row as a PLOVER record (None when it has no date);
    ``article`` is its ``articles.jsonl`` row, ``coded`` when the run finished (ISO)."""
    article = article or {}
    date, precision, date_source = event_date(event, article)
    if date is None:
        return None
    span = event.get("span") or [None, None]
    trigger_span = event.get("trigger_span") or [None, None]
    location = event.get("location")
    text = _article_text(article, span[0], span[1]) if span[0] is not None else None
    coding = plover_coding(event)
    return {
        "id": event["id"],
        "has_event": True,
        "date": date,
        "actor": [entity_object(a) for a in _entities(event, "actor")],
        "recipient": [entity_object(r) for r in _entities(event, "recipient")],
        "event": coding["event"],
        "event_loc": {"name": location.get("name"), "name_ar": location.get("name_ar"),
                      "cc3": location.get("country")} if location else None,
        "event_text": [text] if text else [],
        "quad_code": coding["quad_code"],
        "mode": coding["mode"],
        "context": coding["context"],
        "text_info": {"start": span[0], "end": span[1], "trigger": event.get("trigger"),
                      "trigger_start": trigger_span[0], "trigger_end": trigger_span[1]},
        "cite_info": {"citation": f"{event.get('doc_id')}#{event.get('article_index')}",
                      "url": article.get("source") if "://" in str(article.get("source")) else None,
                      "title": article.get("title"), "publication": article.get("outlet"), "language": "ar",
                      "coder": CODER, "codebook": CODEBOOK},
        "coder": CODER,
        "coded_date": coded[:10] if coded else None,
        "coded_time": coded[11:19] if coded else None,
        "date_precision": precision,
        "date_source": date_source,
        "cameo": event.get("cameo"),
        "event_type": event["event_type"],
        "status": event.get("status"),
        "reported_by": event.get("reported_by"),
        "denied_by": event.get("denied_by") or [],
        "doc_id": event.get("doc_id"),
        "article_index": event.get("article_index"),
    }


def _entities(event: dict, side: str) -> list[dict]:
    many = event.get(f"{side}s")
    return list(many) if many else [event[side]] if event.get(side) else []


def _article_text(article: dict, start: int, end: int) -> str | None:
    """``page.text[start:end]`` rebuilt from the article's kept segments, when it lies in one."""
    text = article.get("text") or ""
    offset = 0
    for s, e in article.get("segments") or []:
        if s <= start and end <= e:
            return text[offset + start - s: offset + end - s]
        offset += e - s + 1
    return None


# --- the flat table --------------------------------------------------------------------

POLECAT_COLUMNS = (
    "event_id", "event_date", "date_precision", "event_type", "event_mode", "quad_code", "contexts",
    "actor_name", "actor_country", "actor_sector", "actor_name_raw", "actor_wikidata_id",
    "recipient_name", "recipient_country", "recipient_sector", "recipient_name_raw", "recipient_wikidata_id",
    "placename", "place_country", "cameo", "status", "reported_by", "event_text",
    "source_url", "publication", "publication_date", "language", "doc_id", "article_index",
)
LIST_SEPARATOR = ";"  # several actors, modes or contexts in one cell


def polecat_row(record: dict, event: dict, article: dict | None = None) -> dict:
    """The flat row of a PLOVER ``record`` (``event`` and ``article`` as for :func:`plover_record`):
    one value a cell, several actors joined by ``;`` in the same order in every actor column."""
    article = article or {}

    def side(prefix: str, objects: list[dict]) -> dict:
        return {f"{prefix}_name": _joined(o["entity_name"] for o in objects),
                f"{prefix}_country": _joined(o["code"] for o in objects),
                f"{prefix}_sector": _joined(o["sector"] for o in objects),
                f"{prefix}_name_raw": _joined(o["entity_text"] for o in objects),
                f"{prefix}_wikidata_id": _joined(o["wikidata_id"] for o in objects)}

    location = record["event_loc"] or {}
    return {
        "event_id": record["id"], "event_date": record["date"], "date_precision": record["date_precision"],
        "event_type": event["event_type"], "event_mode": _joined(record["mode"]), "quad_code": record["quad_code"],
        "contexts": _joined(record["context"]), **side("actor", record["actor"]),
        **side("recipient", record["recipient"]), "placename": location.get("name"),
        "place_country": location.get("cc3"), "cameo": record["cameo"], "status": record["status"],
        "reported_by": record["reported_by"], "event_text": _joined(record["event_text"], " … "),
        "source_url": record["cite_info"]["url"], "publication": article.get("outlet"),
        "publication_date": article.get("published"), "language": "ar",
        "doc_id": record["doc_id"], "article_index": record["article_index"],
    }


def _joined(values, separator: str = LIST_SEPARATOR) -> str:
    return separator.join("" if v is None else str(v) for v in values)


def _cell(value) -> str:
    """A TSV cell on one line: tabs and line breaks become spaces."""
    text = "" if value is None else str(value)
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


# --- export -------------------------------------------------------------------------------

def _rows(path: Path) -> Iterator[dict]:
    if not path.exists():
        return
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


class _Articles:
    """The ``articles.jsonl`` row of each event, read alongside the events: both files
    follow the pages' order, so the articles are read once, a few rows ahead at most."""

    def __init__(self, path: Path):
        self.path = path
        self._rows = _rows(path)
        self._current: dict | None = None
        self._restarted = False

    def find(self, key: tuple) -> dict | None:
        while self._current is None or (self._current["doc_id"], self._current["article_index"]) != key:
            self._current = next(self._rows, None)
            if self._current is None:
                if self._restarted:  # not in the file at all
                    self._rows, self._restarted = _rows(self.path), False
                    return None
                self._rows, self._restarted = _rows(self.path), True
        self._restarted = False
        return self._current


def export_events(out_dir: Path | str, dest: Path | str | IO[str], layout: str = "plover") -> tuple[int, int]:
    """Write the events of an ``isnad run`` output folder to ``dest`` (a path, ``-`` for
    standard output, or an open text file) as PLOVER JSON Lines (``layout`` plover) or a
    POLECAT-style TSV (polecat); returns how many were written and how many were left
    out for want of any date."""
    from .store import MANIFEST_FILE, published_dir

    if layout not in FORMATS:
        raise ValueError(f"unknown layout {layout!r}; choose from {', '.join(FORMATS)}")
    folder = published_dir(Path(out_dir))
    manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8")) \
        if (folder / MANIFEST_FILE).is_file() else {}
    if hasattr(dest, "write"):
        return _write(folder, manifest.get("finished"), dest, layout)
    if str(dest) == "-":
        return _write(folder, manifest.get("finished"), sys.stdout, layout)
    with Path(dest).open("w", encoding="utf-8", newline="") as f:
        return _write(folder, manifest.get("finished"), f, layout)


def export_plover(out_dir: Path | str, dest: Path | str | IO[str]) -> int:
    """:func:`export_events` in the PLOVER layout; returns the number written."""
    return export_events(out_dir, dest, "plover")[0]


def _write(folder: Path, coded: str | None, f: IO[str], layout: str) -> tuple[int, int]:
    articles = _Articles(folder / "articles.jsonl")
    table = None
    if layout == "polecat":
        table = csv.writer(f, delimiter="\t", lineterminator="\n")  # a cell holding " is quoted, as CSV does
        table.writerow(POLECAT_COLUMNS)
    written = undated = 0
    for event in _rows(folder / "events.jsonl"):
        article = articles.find((event.get("doc_id"), event.get("article_index")))
        record = plover_record(event, article, coded)
        if record is None:
            undated += 1
            continue
        if table is None:
            f.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        else:
            row = polecat_row(record, event, article)
            table.writerow([_cell(row[c]) for c in POLECAT_COLUMNS])
        written += 1
    return written, undated
