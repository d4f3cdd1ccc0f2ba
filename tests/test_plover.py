"""The PLOVER export checked against a JSON Schema written from the PLOVER manual's
"PLOVER JSON" table (docs/plover.schema.json), and the POLECAT-style table beside it."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pandas as pd
import pytest

from isnad.cli import EXIT_OK, main
from isnad.events_plover import POLECAT_COLUMNS, plover_coding, plover_record
from isnad.lexicon import default_lexicon

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DEVSET = ROOT / "tests" / "devset" / "pages"
PLOVER_SCHEMA = json.loads((ROOT / "docs" / "plover.schema.json").read_text(encoding="utf-8"))
PUBLISHED = "2024-01-26"  # the example pages state no publication date


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def dated_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("plover") / "run"
    assert main(["run", str(EXAMPLES), str(DEVSET), "--out", str(out), "--workers", "1",
                 "--published", PUBLISHED]) in (EXIT_OK, 1)  # some devset pages are broken on purpose
    return out


@pytest.fixture(scope="module")
def exported(dated_run, tmp_path_factory):
    target = tmp_path_factory.mktemp("export") / "plover.jsonl"
    assert main(["export", "--format", "plover", str(dated_run), "-o", str(target)]) == EXIT_OK
    return lines(target)


def test_the_export_of_the_example_pages_validates_against_the_manuals_table(dated_run, exported):
    events = lines(dated_run / "events.jsonl")
    assert len(exported) == len(events) > 10  # every event has a date once the pages have one
    validator = jsonschema.Draft202012Validator(PLOVER_SCHEMA)
    errors = [f"{r['id']}: {e.message}" for r in exported for e in validator.iter_errors(r)]
    assert errors == []
    for record in exported:
        assert isinstance(record["actor"], list) and isinstance(record["recipient"], list)
        assert all(isinstance(record[f], list) for f in ("event", "mode", "context", "event_text"))


def test_the_schema_rejects_what_the_manual_does_not_allow(exported):
    validator = jsonschema.Draft202012Validator(PLOVER_SCHEMA)
    record = next(r for r in exported if r["actor"])
    for broken in ({**record, "actor": record["actor"][0]},  # a single object, not a list
                   {**record, "quad_code": 3 if record["quad_code"] != 3 else 1},
                   {**record, "date": None}, {**record, "event": ["REQUEST"]}):
        assert list(validator.iter_errors(broken))


def test_dates_come_from_the_event_else_its_article_with_their_precision(dated_run, exported):
    events = {e["id"]: e for e in lines(dated_run / "events.jsonl")}
    articles = {(a["doc_id"], a["article_index"]): a for a in lines(dated_run / "articles.jsonl")}
    sources = set()
    for record in exported:
        event = events[record["id"]]
        article = articles[(event["doc_id"], event["article_index"])]
        if event["date"]:
            assert (record["date"], record["date_precision"], record["date_source"]) == \
                (event["date"], event["date_precision"], "event")
        else:
            assert (record["date"], record["date_precision"], record["date_source"]) == \
                (article["published"], article["published_precision"], "article")
        sources.add(record["date_source"])
    assert "event" in sources
    undated = {**next(iter(events.values())), "date": None, "date_precision": None}  # an event the text gives no date
    article = {**articles[(undated["doc_id"], undated["article_index"])], "published_precision": "month"}
    record = plover_record(undated, article)
    assert (record["date"], record["date_precision"], record["date_source"]) == (article["published"], "month", "article")


def test_undated_events_are_left_out_and_counted(tmp_path, capsys):
    out = tmp_path / "run"
    assert main(["run", str(EXAMPLES), "--out", str(out), "--workers", "1"]) == EXIT_OK
    events = lines(out / "events.jsonl")
    undated = [e for e in events if not e["date"]]  # the example pages state no date of their own
    capsys.readouterr()
    assert main(["export", str(out), "-o", str(tmp_path / "plover.jsonl")]) == EXIT_OK
    assert len(lines(tmp_path / "plover.jsonl")) == len(events) - len(undated)
    assert f"{len(undated)} without any date left out" in capsys.readouterr().err


def test_actor_objects_carry_code_sector_text_and_wikidata_id(exported):
    actors = default_lexicon().actors
    named = [a for r in exported for a in r["actor"] + r["recipient"] if a["entity_id"] in actors]
    with_qid = [a for a in named if actors[a["entity_id"]].wikidata]
    assert with_qid, "the example pages name actors whose lexicon entry has a Wikidata id"
    for a in with_qid:  # e.g. Matthew Miller, Q... ; Netanyahu, Q43723 with code ISR
        actor = actors[a["entity_id"]]
        assert a["wikidata_id"] == actor.wikidata and a["code"] == (actor.country or a["code"])
    assert all(a["entity_text"] for r in exported for a in r["actor"] + r["recipient"])


def test_the_mapping_follows_the_manuals_tables():
    assert plover_coding({"event_type": "SANCTION"})["quad_code"] == 4  # material conflict
    assert plover_coding({"event_type": "REQUEST"})["event"] == ["DEMAND"]
    aid = plover_coding({"event_type": "AID", "mode": "military", "context": ["future"]})
    assert (aid["mode"], aid["context"]) == ([], ["future", "military"])  # AID has no modes; military is a context
    assert plover_coding({"event_type": "CONSULT", "mode": "visit"})["mode"] == ["visit"]


def test_the_polecat_table_has_one_row_per_event_with_codes_as_text(dated_run, exported, tmp_path):
    target = tmp_path / "events.tsv"
    assert main(["export", "--format", "polecat", str(dated_run), "-o", str(target)]) == EXIT_OK
    table = pd.read_csv(target, sep="\t", dtype=str, keep_default_na=False)
    assert tuple(table.columns) == POLECAT_COLUMNS and len(table) == len(exported)
    assert list(table["event_id"]) == [r["id"] for r in exported]
    assert all(len(c) == 3 or len(c) == 4 for c in table["cameo"]) and any(c.startswith("0") for c in table["cameo"])
    for _, row in table.iterrows():  # several actors: the same number of ;-separated parts in every actor column
        parts = {len(row[c].split(";")) for c in ("actor_name", "actor_country", "actor_name_raw")}
        assert len(parts) == 1
    with target.open(encoding="utf-8", newline="") as f:
        assert sum(1 for _ in csv.reader(f, delimiter="\t")) == len(exported) + 1
