"""Export of ``events.jsonl`` in the PLOVER JSON layout (one event per line).

Field names follow the PLOVER specification of the Open Event Data Alliance
(``id``, ``date``, ``event``, ``mode``, ``context``, ``quad_code``, ``event_scale``,
``event_loc``, ``event_text``, ``text_info``, ``cite_info``, ``coder``, actor objects
with ``code``, ``sector``, ``actor_text``, ``identifier_id``, ``identifier_text``) and the
flat actor columns of the POLECAT data set built on it (``event_type``, ``actor``,
``actor_country``, ``actor_sectors``, ``recipient``, ``recipient_country`` …).  isnad
adds what those lack: the CAMEO code beside the type, the Arabic trigger and whether the
article asserts the event or only reports, denies or foresees it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO

# Quad classes and conflict–cooperation scores of the PLOVER manual; REQUEST takes DEMAND's.
QUAD_CODE = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2,
             "RETREAT": 2, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
             "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
EVENT_SCALE = {"ASSAULT": -9.3, "COERCE": -7.2, "PROTEST": -6.6, "MOBILIZE": -5.3, "SANCTION": -5.2,
               "THREATEN": -5.1, "REQUEST": -5.0, "REJECT": -4.2, "ACCUSE": -2.0, "CONSULT": 2.1,
               "AGREE": 4.2, "SUPPORT": 4.6, "CONCEDE": 5.0, "COOPERATE": 6.8, "AID": 7.4, "RETREAT": 7.6}
CODER = "isnad"
CODEBOOK = "PLOVER event types and modes (REQUEST for DEMAND, as in POLECAT), CAMEO codes beside"


def _actor_object(entity: dict) -> dict:
    """A PLOVER actor object."""
    return {"code": entity.get("country"), "sector": entity.get("sector"), "actor_text": entity.get("name_ar"),
            "identifier_id": entity.get("entity_id"), "identifier_text": entity.get("name")}


def _flat(prefix: str, entities: list[dict]) -> dict:
    first = entities[0] if entities else {}
    return {
        prefix: first.get("name"),
        f"{prefix}_country": first.get("country"),
        f"{prefix}_sectors": [s for s in dict.fromkeys(e.get("sector") for e in entities) if s],
        f"{prefix}_name_raw": first.get("name_ar"),
        f"{prefix}_id": first.get("entity_id"),
    }


def _article_text(article: dict, start: int, end: int) -> str | None:
    """``page.text[start:end]`` rebuilt from the article's kept segments, when it lies in one."""
    text = article.get("text") or ""
    offset = 0
    for s, e in article.get("segments") or []:
        if s <= start and end <= e:
            return text[offset + start - s: offset + end - s]
        offset += e - s + 1
    return None


def plover_record(event: dict, article: dict | None = None) -> dict:
    """One ``events.jsonl`` row as a PLOVER record; ``article`` is its ``articles.jsonl`` row."""
    article = article or {}
    actors = event.get("actors") or ([event["actor"]] if event.get("actor") else [])
    recipients = event.get("recipients") or ([event["recipient"]] if event.get("recipient") else [])
    location = event.get("location")
    span = event.get("span") or [None, None]
    record = {
        "id": event["id"],
        "date": event.get("date"),
        "event_type": event["event_type"],
        "event": [event["event_type"]],
        "mode": event.get("mode"),
        "context": event.get("context") or [],
        "cameo": event.get("cameo"),
        "quad_code": QUAD_CODE.get(event["event_type"]),
        "event_scale": EVENT_SCALE.get(event["event_type"]),
        **_flat("actor", actors),
        **_flat("recipient", recipients),
        "source": [_actor_object(a) for a in actors],
        "recipients": [_actor_object(r) for r in recipients],
        "location": location,
        "event_loc": {"name": location.get("name"), "cc3": location.get("country")} if location else None,
        "event_text": _article_text(article, span[0], span[1]) if span[0] is not None else None,
        "text_info": {"start": span[0], "end": span[1], "trigger": event.get("trigger"),
                      "trigger_start": (event.get("trigger_span") or [None])[0],
                      "trigger_end": (event.get("trigger_span") or [None, None])[1]},
        "cite_info": {"url": article.get("source"), "title": article.get("title"),
                      "publication": article.get("outlet"), "language": "ar",
                      "published": article.get("published")},
        "status": event.get("status"),
        "reported_by": event.get("reported_by"),
        "denied_by": event.get("denied_by") or [],
        "doc_id": event.get("doc_id"),
        "article_index": event.get("article_index"),
        "has_event": True,
        "coder": CODER,
        "codebook": CODEBOOK,
    }
    return record


def _rows(path: Path):
    if not path.exists():
        return
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def export_plover(out_dir: Path | str, dest: Path | str | IO[str]) -> int:
    """Write the events of an ``isnad run`` output directory to ``dest`` (a path, ``-`` for
    standard output, or an open text file) in the PLOVER layout; returns the number written."""
    from .store import published_dir

    out_dir = published_dir(Path(out_dir))
    articles = {(a["doc_id"], a["article_index"]): a for a in _rows(out_dir / "articles.jsonl")}
    if hasattr(dest, "write"):
        return _write(out_dir, articles, dest)
    if str(dest) == "-":
        return _write(out_dir, articles, sys.stdout)
    with Path(dest).open("w", encoding="utf-8") as f:
        return _write(out_dir, articles, f)


def _write(out_dir: Path, articles: dict, f: IO[str]) -> int:
    n = 0
    for event in _rows(out_dir / "events.jsonl"):
        record = plover_record(event, articles.get((event.get("doc_id"), event.get("article_index"))))
        f.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        n += 1
    return n
