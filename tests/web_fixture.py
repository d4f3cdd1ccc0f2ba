"""A small run for the web view's tests, built from the example pages.

The rows are shaped like the contract and loaded by ``isnad.store.build_duckdb``,
the way a real run is stored.  Pages: example 000 (Zakharova's denial; no
title, so the view makes one), example 002 (the Kremlin's denial of the
Bloomberg report), a wire copy of that denial carried by another outlet a day
later (its agency written ``Reuters`` where 002 writes ``رويترز``), an article
without text or title, and a page whose text and fields hold ``<script>``.
Sources are absolute paths under ``/data/crawl/seeds``, the input recorded in
``run.json``; two pages failed (``errors``).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from isnad import schema
from isnad.store import DUCKDB_FILE, MANIFEST_FILE, TABLES, build_duckdb

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
INPUT = "/data/crawl/seeds"
SEED_000 = "000_0ce1e2632adafb82.txt"
SEED_002 = "002_cbf1d5649d9a84fe.txt"
COPY_DOC = "wire-copy.txt"
EMPTY_DOC = "empty.txt"
EVIL_DOC = "evil/<page>.txt"
EVIL = "<script>alert(1)</script>"
EVIL_TEXT = (
    f"عنوان {EVIL} خبر\n"
    f"وقال المتحدث \"{EVIL}\" إن 'الاختبار' \"ناجح\" تماما.\n"
    "اقرأ أيضا: خبر آخر\n"
)
LONG_NAME = "السكرتير الصحفي للرئيس الروسي والمتحدث الرسمي باسم الكرملين دميتري سيرغيفيتش بيسكوف"
KREMLIN_DENIAL = ("تقريرا لوكالة بلومبرج أفاد بأن الرئيس فلاديمير بوتين “يجس نبض” الولايات المتحدة بشأن "
                  "إمكانية إجراء محادثات حول إنهاء الحرب في أوكرانيا")


def _span(text: str, phrase: str, after: int = 0) -> list[int]:
    start = text.index(phrase, after)
    return [start, start + len(phrase)]


def _sentence(text: str, phrase: str) -> list[int]:
    """The line holding ``phrase`` (example sentences are one a line)."""
    start = text.index(phrase)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return [line_start, len(text) if line_end < 0 else line_end]


def _speaker(name, name_ar, kind, country, role=None, entity_id=None) -> dict:
    return {"name": name, "name_ar": name_ar, "kind": kind, "country": country, "role": role, "entity_id": entity_id}


def _statement(sid, doc, text, *, speaker, cue, stance, content, mode="indirect", via=(), date=None,
               responds_to=None, cue_after=0, copy_of=None) -> dict:
    row = {
        "id": sid, "doc_id": doc, "article_index": 0, "speaker": speaker, "cue": cue, "mode": mode,
        "stance": stance, "content": content, "content_span": _span(text, content),
        "sentence_span": _sentence(text, content), "via": list(via), "date": date, "responds_to": responds_to,
        "speaker_span": _span(text, speaker["name_ar"], cue_after) if speaker["name_ar"] in text[cue_after:] else None,
        "cue_span": _span(text, cue, cue_after) if cue in text else None,
    }
    if copy_of:
        row["copy_of"] = copy_of
    return row


def source(doc: str) -> str:
    return f"{INPUT}/{doc}"


def fixture_rows() -> dict[str, list[dict]]:
    """Rows for every table of the fixture run."""
    t0 = (EXAMPLES / SEED_000).read_text(encoding="utf-8")
    t2 = (EXAMPLES / SEED_002).read_text(encoding="utf-8")
    copy_text = f"الكرملين ينفي\nنفى الكرملين {KREMLIN_DENIAL}.\n"
    body0_end = _span(t0, "مزيفة وغير صحيحة.")[1]
    title2 = t2.splitlines()[0]
    body2 = _span(t2, "نفى الكرملين اليوم الجمعة")[0], _span(t2, "لا يتوافق مع الواقع على الإطلاق”.")[1]
    documents = [
        {"doc_id": doc, "source": source(doc), "content_type": "text", "encoding": "utf-8",
         "n_chars": len(text), "sha256": hashlib.sha256(text.encode()).hexdigest(), "text": text}
        for doc, text in ((SEED_000, t0), (SEED_002, t2), (COPY_DOC, copy_text), (EMPTY_DOC, "\n"),
                          (EVIL_DOC, EVIL_TEXT))
    ]
    articles = [
        {"doc_id": SEED_000, "source": source(SEED_000), "article_index": 0, "span": [0, body0_end],
         "segments": [[0, body0_end]], "title": None, "text": t0[:body0_end], "published": None,
         "outlet": "RT Arabic", "outlet_span": _span(t0, "RT Arabic"), "agencies": [], "dateline": None},
        {"doc_id": SEED_002, "source": source(SEED_002), "article_index": 0, "span": [0, body2[1]],
         "segments": [list(body2)], "title": title2, "title_span": [0, len(title2)], "text": t2[body2[0]:body2[1]],
         "published": "2024-01-26", "published_span": _span(t2, "26th, January 2024"), "outlet": "كويت نيوز",
         "agencies": ["رويترز"], "agency_spans": [_span(t2, "رويترز")], "dateline": None},
        {"doc_id": COPY_DOC, "source": source(COPY_DOC), "article_index": 0, "span": [0, len(copy_text)],
         "segments": [[0, len(copy_text)]], "title": "الكرملين ينفي", "text": copy_text,
         "published": "2024-01-27", "outlet": "العربية نت", "agencies": ["Reuters"], "dateline": None},
        {"doc_id": EMPTY_DOC, "source": source(EMPTY_DOC), "article_index": 0, "span": [0, 1], "segments": [],
         "title": None, "text": "", "published": None, "published_partial": "--12-05", "outlet": None, "agencies": [], "dateline": None},
        {"doc_id": EVIL_DOC, "source": EVIL, "article_index": 0, "span": [0, len(EVIL_TEXT)],
         "segments": [[0, EVIL_TEXT.index("اقرأ") - 1]], "title": f"عنوان {EVIL} خبر", "text": EVIL_TEXT,
         "published": "2024-02-01", "outlet": EVIL, "agencies": [EVIL], "dateline": None},
    ]
    zakharova = _speaker("Maria Zakharova", "ماريا زاخاروفا", "person", "RUS", "Russian Foreign Ministry spokesperson")
    kremlin = _speaker("Kremlin", "الكرملين", "organization", "RUS")
    statements = [
        _statement("s000-bates", SEED_000, t0, cue="قال", stance="assert", date=None,
                   speaker=_speaker("Andrew Bates", "أندرو بيتس", "person", "USA", "White House deputy press secretary"),
                   content="تركيز واشنطن ينصب على استمرار المساعدة لكييف وليس المفاوضات"),
        _statement("s000-zakharova", SEED_000, t0, speaker=zakharova, cue="قالت", stance="deny",
                   content="المزاعم القائلة بأن مسؤولين أمريكيين أجروا محادثات سرية مع وزير الخارجية الروسي، سيرغي "
                           "لافروف، بشأن الأزمة الأوكرانية في أبريل الماضي، مزيفة وغير صحيحة",
                   responds_to="claim:lavrov-secret-talks"),
        _statement("s002-kremlin", SEED_002, t2, speaker=kremlin, cue="نفى", stance="deny", date="2024-01-26",
                   content=KREMLIN_DENIAL, cue_after=body2[0], responds_to="claim:bloomberg-putin"),
        _statement("s002-bloomberg", SEED_002, t2, speaker=_speaker("Bloomberg", "بلومبرج", "outlet", "USA"),
                   cue="قال", stance="assert", via=["Reuters"], cue_after=body2[0],
                   content="بوتين “يختبر الأجواء” بشأن ما إذا كانت واشنطن مستعدة للدخول في محادثات"),
        _statement("s002-sources", SEED_002, t2, stance="assert", via=["Bloomberg", "رويترز"], cue="نقلت",
                   speaker=_speaker("anonymous: two people close to the Kremlin", "شخصين مقربين من الكرملين",
                                    "anonymous", "RUS"),
                   content="بوتين “قد يكون مستعدا للنظر في التخلي عن الإصرار على الوضع المحايد لأوكرانيا"),
        _statement("s002-peskov", SEED_002, t2, cue="ورد", stance="deny", mode="direct", date="2024-01-26",
                   speaker=_speaker("Dmitry Peskov", LONG_NAME, "person", "RUS", "Kremlin spokesperson"),
                   content="لا، هذا تقرير خاطئ. إنه لا يتوافق مع الواقع على الإطلاق", responds_to="s002-bloomberg"),
        _statement("s-copy-kremlin", COPY_DOC, copy_text, speaker=kremlin, cue="نفى", stance="deny",
                   content=KREMLIN_DENIAL, responds_to="claim:bloomberg-putin", copy_of="s002-kremlin"),
        _statement("s-evil", EVIL_DOC, EVIL_TEXT, stance="assert", mode="direct", cue="وقال",
                   speaker=_speaker(f"<b>{EVIL}</b>", "المتحدث", "person", "USA"),
                   content=f"{EVIL}\" إن 'الاختبار' \"ناجح"),
    ]
    events = [
        {"id": "e002-contact", "doc_id": SEED_002, "article_index": 0, "event_type": "CONSULT", "mode": "reported",
         "actor": {"name": "Vladimir Putin", "country": "RUS"}, "recipient": {"name": "United States"},
         "date": None, "location": None, "reported_by": "s002-bloomberg",
         "span": _span(t2, "تواصل مع الولايات المتحدة عبر قنوات غير مباشرة"), "trigger_span": _span(t2, "تواصل مع")},
    ]
    stories = [
        {"story_id": "bloomberg-putin-2024", "title": title2, "articles": [
            {"doc_id": SEED_002, "article_index": 0}, {"doc_id": COPY_DOC, "article_index": 0}]},
        {"story_id": "lavrov-secret-talks-2023", "title": None,
         "articles": [{"doc_id": SEED_000, "article_index": 0}]},
        {"story_id": "story/<evil>", "title": EVIL, "articles": [{"doc_id": EVIL_DOC, "article_index": 0}]},
    ]
    claims = [
        {"claim_id": "claim:bloomberg-putin", "claimant": "Bloomberg",
         "content": "بوتين يجس نبض الولايات المتحدة عبر قنوات غير مباشرة بشأن محادثات لإنهاء الحرب في أوكرانيا",
         "asserted_by": ["s002-bloomberg", "s002-sources"],
         "denied_by": ["s002-kremlin", "s002-peskov", "s-copy-kremlin"], "confirmed_by": [], "status": "denied",
         "status_history": [{"date": "2024-01-26", "status": "denied", "by": "s002-kremlin"}]},
        {"claim_id": "claim:lavrov-secret-talks", "claimant": "NBC News",
         "content": "مسؤولون أمريكيون سابقون أجروا محادثات سرية مع لافروف", "asserted_by": [],
         "denied_by": ["s000-zakharova"], "confirmed_by": [], "status": "denied"},
        {"claim_id": f"claim:{EVIL}", "claimant": EVIL, "content": EVIL, "asserted_by": ["s-evil"],
         "denied_by": [], "confirmed_by": [], "status": "reported"},
    ]
    errors = [
        {"doc_id": "bad.txt", "source": source("bad.txt"), "stage": "read", "error": "not UTF-8 or windows-1256"},
        {"doc_id": "big.txt", "source": source("sub/big.txt"), "stage": "read", "error": "page too large"},
    ]
    return {"documents": documents, "articles": articles, "statements": statements, "events": events,
            "stories": stories, "claims": claims, "errors": errors}


MANIFEST = {
    "isnad_version": "0.1.0", "inputs": [INPUT], "started": "2024-02-02T10:00:00Z",
    "finished": "2024-02-02T10:00:03Z", "seconds": 3.25,
    "settings": {"workers": 2, "engine": "local", "formats": ["jsonl", "duckdb"], "corpus": True,
                 "max_page_mb": 8.0, "checkpoint_seconds": 2.0},
    "counts": {"pages": 7, "articles": 5, "statements": 8, "errors": 2, "resumed": 0, "skipped": 0},
}


def write_run(out_dir: Path, rows: dict[str, list[dict]], manifest: dict | None = MANIFEST) -> Path:
    """A run folder: the JSONL files, the DuckDB file built by the store's loader, and run.json."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        with (out_dir / f"{table}.jsonl").open("w", encoding="utf-8") as f:
            for row in rows.get(table, []):
                f.write(schema.encode(table, row).decode("utf-8") + "\n")  # rows as the declared schema writes them
    build_duckdb(out_dir, out_dir / DUCKDB_FILE)
    if manifest is not None:
        (out_dir / MANIFEST_FILE).write_text(json.dumps(manifest), encoding="utf-8")
    return out_dir


def page_paths(client) -> list[str]:
    """Every page of the run, found through the JSON endpoints."""
    from isnad.web.render import url_part

    paths = ["/", "/stories", "/claims", "/speakers", "/articles", "/search", "/search?q=بوتين", "/run"]
    paths += [f"/story/{url_part(s['story_id'])}" for s in client.get("/api/stories?limit=1000").json()["items"]]
    paths += [f"/claim/{url_part(c['claim_id'])}" for c in client.get("/api/claims?limit=1000").json()["items"]]
    paths += [f"/speaker/{url_part(s['speaker_key'])}" for s in client.get("/api/speakers?limit=1000").json()["items"]]
    for a in client.get("/api/articles?limit=1000").json()["items"]:
        paths.append(f"/article/{url_part(a['doc_id'])}/{a['article_index']}")
    paths += [f"/statement/{url_part(s['id'])}" for s in client.get("/api/search?limit=1000").json()["items"]]
    return paths
