"""One declaration of every table (isnad.schema): every run has its columns and
types whatever rows it holds, in JSON Lines, DuckDB and Parquet alike."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import duckdb
import jsonschema
import msgspec
import pandas as pd
import pyarrow.parquet as pq
import pytest

from isnad import schema
from isnad.pipeline import run

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DEVSET = ROOT / "tests" / "devset" / "pages"
# A page with a statement and no event at all.
NO_EVENTS = "قال المتحدث باسم البلدية إن حملة تنظيف الشوارع تبدأ يوم السبت المقبل.\n"


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Two runs of different inputs: the example pages, and one page without events."""
    base = tmp_path_factory.mktemp("schema")
    (base / "quiet").mkdir()
    (base / "quiet" / "page.txt").write_text(NO_EVENTS, encoding="utf-8")
    formats = ("jsonl", "duckdb", "parquet")
    run([str(EXAMPLES)], base / "examples", workers=1, formats=formats)
    run([str(base / "quiet")], base / "quiet-run", workers=1, formats=formats)
    return base / "examples", base / "quiet-run"


def test_the_runs_differ_in_what_they_hold(runs):
    examples, quiet = runs
    assert lines(examples / "events.jsonl") and not lines(quiet / "events.jsonl")
    assert lines(quiet / "statements.jsonl")


def test_every_jsonl_row_has_every_declared_column_in_order(runs):
    for folder in runs:
        for table in schema.TABLES:
            for row in lines(folder / f"{table}.jsonl"):
                assert tuple(row) == schema.columns(table), table


def test_database_and_parquet_have_the_declared_types_in_every_run(runs):
    parquet_schemas = []
    for folder in runs:
        con = duckdb.connect(str(folder / "isnad.duckdb"), read_only=True)
        for table in schema.TABLES:
            found = {name: kind.replace('"', "") for name, kind in con.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position", [table]).fetchall()}  # DuckDB quotes some field names, others not
            declared = {name: kind.replace('"', "") for name, kind in schema.duckdb_columns(table).items()}
            assert found == declared, table
        con.close()
        parquet_schemas.append({t: pq.read_schema(folder / f"{t}.parquet") for t in schema.TABLES})
    for table in schema.TABLES:  # DuckDB marks a column that holds no null "required": nullability may differ
        assert _types(parquet_schemas[0][table]) == _types(parquet_schemas[1][table]), table
    con = duckdb.connect(str(runs[0] / "isnad.duckdb"), read_only=True)
    assert con.execute("SELECT typeof(published), typeof(story_id) FROM articles LIMIT 1").fetchone() == \
        ("DATE", "VARCHAR")
    assert {r[0] for r in con.execute("SELECT cameo FROM events").fetchall()} >= {"070"}
    con.close()


def _types(arrow_schema) -> list[tuple[str, str]]:
    return [(f.name, str(f.type).replace(" not null", "")) for f in arrow_schema]


def test_parquet_files_of_two_runs_concatenate(runs):
    for table in schema.TABLES:
        files = [str(folder / f"{table}.parquet") for folder in runs]
        together = pd.read_parquet(files)
        assert list(together.columns) == list(schema.columns(table))
        assert len(together) == sum(len(pd.read_parquet(f)) for f in files)
    events = pd.read_parquet([str(folder / "events.parquet") for folder in runs])
    assert "070" in set(events["cameo"])


def test_pandas_keeps_cameo_codes_as_text_with_the_declared_dtypes(runs):
    path = runs[0] / "events.jsonl"
    for dtype in ({"cameo": str}, schema.pandas_dtypes("events")):
        events = pd.read_json(path, lines=True, dtype=dtype)
        assert "070" in set(events["cameo"])
    assert 70 in set(pd.read_json(path, lines=True)["cameo"])  # what the advice is for


def test_rows_validate_against_the_json_schema_in_docs(runs):
    for table in schema.TABLES:
        validator = jsonschema.Draft202012Validator(
            json.loads((ROOT / "docs" / "schema" / f"{table}.schema.json").read_text(encoding="utf-8")))
        for folder in runs:
            for row in lines(folder / f"{table}.jsonl"):
                assert not list(validator.iter_errors(row)), (table, row)


def test_the_json_schemas_in_docs_are_what_the_declaration_gives():
    spec = importlib.util.spec_from_file_location("write_schemas", ROOT / "tools" / "write_schemas.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    files = sorted(p.name for p in (ROOT / "docs" / "schema").glob("*.schema.json"))
    assert files == sorted(f"{t}.schema.json" for t in schema.TABLES)
    for table in schema.TABLES:
        written = (ROOT / "docs" / "schema" / f"{table}.schema.json").read_text(encoding="utf-8")
        assert written == module.schema_text(table), f"run tools/write_schemas.py ({table})"


def _undeclared(row_type, record: dict, path: str = "") -> list[str]:
    """Fields of ``record`` (and of its nested objects) that ``row_type`` does not declare."""
    fields = {f.name: f.type for f in msgspec.structs.fields(row_type)}
    missing = [f"{path}{k}" for k in record if k not in fields]
    for name, annotation in fields.items():
        value = record.get(name)
        nested = _struct_of(annotation)
        if nested is None or value is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                missing += _undeclared(nested, item, f"{path}{name}.")
    return missing


def _struct_of(annotation):
    info = msgspec.inspect.type_info(annotation)
    while True:
        if isinstance(info, msgspec.inspect.UnionType):
            info = next((t for t in info.types if not isinstance(t, msgspec.inspect.NoneType)), None)
        elif isinstance(info, msgspec.inspect.ListType):
            info = info.item_type
        else:
            break
    return info.cls if isinstance(info, msgspec.inspect.StructType) else None


def test_the_steps_write_no_field_the_schema_does_not_declare(tmp_path, monkeypatch):
    """Every field a step or the corpus step puts in a record is declared (or it would be lost)."""
    def checked(table, encode):
        def encode_checked(record: dict) -> bytes:
            extra = _undeclared(schema.ROWS[table], record)
            if extra:
                raise AssertionError(f"undeclared fields in {table}: {extra}")
            return encode(record)
        return encode_checked

    for table, encode in list(schema._ENCODERS.items()):
        monkeypatch.setitem(schema._ENCODERS, table, checked(table, encode))
    run([str(EXAMPLES), str(DEVSET)], tmp_path, workers=1)  # the corpus step raises too: its child fails the run
    assert not [e for e in lines(tmp_path / "errors.jsonl") if "undeclared" in e["error"]]
    assert lines(tmp_path / "stories.jsonl") and lines(tmp_path / "claims.jsonl") and lines(tmp_path / "entities.jsonl")


def test_statements_carry_the_lexicons_wikidata_ids(runs):
    examples, _ = runs
    speakers = {s["speaker"]["entity_id"]: s["speaker"]["wikidata"] for s in lines(examples / "statements.jsonl")
                if s["speaker"]["entity_id"]}
    assert speakers.get("vladimir-putin") == "Q7747" or speakers.get("donald-trump") == "Q22686"
    entities = {e["entity_id"]: e["wikidata"] for e in lines(examples / "entities.jsonl")}
    assert all(entities[k] == v for k, v in speakers.items() if k in entities)
