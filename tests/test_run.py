"""End to end: ``isnad run`` writes complete, atomic, reproducible output."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from isnad import pages, pipeline, store
from isnad.cli import EXIT_OK, EXIT_PAGE_ERRORS, main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FILES = ("articles", "statements", "events", "stories", "claims", "documents", "errors", "warnings")


def lines(path: Path) -> list[dict]:
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


@pytest.fixture(scope="module")
def example_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    assert main(["run", str(EXAMPLES), "--out", str(out), "--workers", "1"]) == EXIT_OK
    return out


def test_every_table_is_written_as_jsonl_and_duckdb(example_run):
    for name in FILES:
        assert (example_run / f"{name}.jsonl").exists(), name
    con = duckdb.connect(str(example_run / "isnad.duckdb"), read_only=True)
    for name in FILES:
        count = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        assert count == len(lines(example_run / f"{name}.jsonl")), name
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 5


def test_duckdb_rows_carry_the_corpus_fields_of_the_jsonl_rows(example_run):
    """The database gets the corpus fields by row number while JSONL gets them
    appended to each line: both must agree row for row."""
    con = duckdb.connect(str(example_run / "isnad.duckdb"), read_only=True)
    for table, key, fields in (("articles", "doc_id", ("story_id", "copy_of")),
                               ("statements", "id", ("copy_of", "responds_to", "speaker_entity_id"))):
        rows = lines(example_run / f"{table}.jsonl")
        names = ", ".join((key, *fields))
        found = con.execute(f"SELECT {names} FROM {table} ORDER BY rowid").fetchall()
        assert [r[0] for r in found] == [row[key] for row in rows]
        for row, values in zip(rows, found):
            assert dict(zip(fields, values[1:])) == {f: row.get(f) for f in fields}, row[key]
    assert any(row.get("responds_to") for row in lines(example_run / "statements.jsonl"))
    assert all(row["story_id"] for row in lines(example_run / "articles.jsonl"))


def test_article_text_is_its_segments_of_the_page(example_run):
    pages = {d["doc_id"]: d["text"] for d in lines(example_run / "documents.jsonl")}
    articles = lines(example_run / "articles.jsonl")
    assert len(articles) >= 5
    for a in articles:
        page = pages[a["doc_id"]]
        assert a["text"] == "\n".join(page[s:e] for s, e in a["segments"])
        s, e = a["span"]
        assert all(s <= ss and ee <= e for ss, ee in a["segments"])


def test_statement_spans_point_at_their_content(example_run):
    pages = {d["doc_id"]: d["text"] for d in lines(example_run / "documents.jsonl")}
    statements = lines(example_run / "statements.jsonl")
    assert statements
    for st in statements:
        s, e = st["content_span"]
        assert pages[st["doc_id"]][s:e] == st["content"]


def test_rerun_gives_byte_identical_jsonl(example_run, tmp_path):
    assert main(["run", str(EXAMPLES), "--out", str(tmp_path), "--workers", "2"]) == EXIT_OK
    for name in FILES:
        assert (tmp_path / f"{name}.jsonl").read_bytes() == (example_run / f"{name}.jsonl").read_bytes(), name


def test_a_large_run_builds_the_database_after_the_corpus_step_with_the_same_result(example_run, tmp_path,
                                                                                    monkeypatch):
    """Past ``OVERLAP_BYTES`` the database waits for the corpus step instead of loading meanwhile."""
    monkeypatch.setattr(store, "OVERLAP_BYTES", 0)
    assert main(["run", str(EXAMPLES), "--out", str(tmp_path), "--workers", "1"]) == EXIT_OK
    for name in FILES:
        assert (tmp_path / f"{name}.jsonl").read_bytes() == (example_run / f"{name}.jsonl").read_bytes(), name
    query = "SELECT * FROM articles ORDER BY rowid"
    with duckdb.connect(str(tmp_path / "isnad.duckdb"), read_only=True) as a, \
            duckdb.connect(str(example_run / "isnad.duckdb"), read_only=True) as b:
        assert a.execute(query).fetchall() == b.execute(query).fetchall()


def test_no_corpus_writes_the_page_tables_only(example_run, tmp_path):
    assert main(["run", str(EXAMPLES), "--out", str(tmp_path), "--no-corpus"]) == EXIT_OK
    assert lines(tmp_path / "stories.jsonl") == [] and lines(tmp_path / "claims.jsonl") == []
    corpus_fields = {"story_id", "copy_of", "speaker_entity_id"}
    for table in ("articles", "statements"):
        linked = lines(example_run / f"{table}.jsonl")
        alone = lines(tmp_path / f"{table}.jsonl")
        assert alone and all(row[field] is None for row in alone for field in corpus_fields & row.keys())
        assert [list(row) for row in alone] == [list(row) for row in linked]  # the same columns, set or not
        assert [{k: v for k, v in row.items() if k not in corpus_fields | {"responds_to"}} for row in linked] == \
            [{k: v for k, v in row.items() if k not in corpus_fields | {"responds_to"}} for row in alone]


def test_a_failed_run_leaves_the_previous_output_intact(example_run, tmp_path, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(example_run, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    calls = []

    def crash_on_third(page, lexicon):
        calls.append(page)
        if len(calls) == 3:
            raise KeyboardInterrupt  # as if the user pressed Ctrl-C mid-run
        pages.segment_step(page, lexicon)

    monkeypatch.setattr(pages, "PAGE_STEPS", (crash_on_third, *pages.PAGE_STEPS[1:]))
    with pytest.raises(KeyboardInterrupt):
        pipeline.run([str(EXAMPLES)], out, workers=1)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_a_killed_run_leaves_no_staging_behind_the_next_run(example_run, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(example_run, out)
    stale = out / ".staging-999999999"  # a run that was killed: its pid is gone
    stale.mkdir()
    (stale / "articles.jsonl").write_text("partial")
    assert main(["run", str(EXAMPLES), "--out", str(out), "--workers", "1"]) == EXIT_OK
    assert not stale.exists()


def test_bad_pages_give_error_rows_and_exit_status_1(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(EXAMPLES / "002_cbf1d5649d9a84fe.txt", pages)
    (pages / "empty.txt").write_bytes(b"")
    (pages / "binary.txt").write_bytes(os.urandom(2048) + bytes(16))
    (pages / "invalid.txt").write_bytes("قال الرئيس".encode() + b"\xc3\x28 \xa0\xa1" + "إن الوضع".encode())
    (pages / "huge.txt").write_bytes(b"x" * (3 * 2**20))
    (pages / "lines.jsonl").write_text('{"text": "قال الرئيس إن الوضع جيد."}\n{not json}\n', encoding="utf-8")
    out = tmp_path / "out"
    status = main(["run", str(pages), str(tmp_path / "nothing-here"), "--out", str(out), "--max-page-mb", "2"])
    assert status == EXIT_PAGE_ERRORS
    errors = {e["doc_id"]: e["error"] for e in lines(out / "errors.jsonl")}
    assert set(errors) == {"empty.txt", "binary.txt", "invalid.txt", "huge.txt", "lines.jsonl#2", "nothing-here"}
    assert "too large" in errors["huge.txt"]
    docs = {a["doc_id"] for a in lines(out / "articles.jsonl")}
    assert docs == {"002_cbf1d5649d9a84fe.txt", "lines.jsonl#1"}
    summary = capsys.readouterr().err
    assert "errors" in summary and "articles" in summary


def test_a_page_cut_at_the_end_is_processed_with_a_warning_row(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    data = (EXAMPLES / "002_cbf1d5649d9a84fe.txt").read_bytes().rstrip()
    (pages / "cut.txt").write_bytes(data + "ع".encode("utf-8")[:1] + b"\n")
    out = tmp_path / "out"
    assert main(["run", str(pages), "--out", str(out), "--workers", "1"]) == EXIT_OK
    assert lines(out / "errors.jsonl") == []
    [warning] = lines(out / "warnings.jsonl")
    assert (warning["doc_id"], warning["stage"]) == ("cut.txt", "read")
    assert f"byte {len(data):,} of {len(data) + 2:,}" in warning["warning"]
    [doc] = lines(out / "documents.jsonl")
    assert doc["text"] == data.decode("utf-8") + "\n"
    assert {a["doc_id"] for a in lines(out / "articles.jsonl")} == {"cut.txt"}
    assert "1 warnings" in capsys.readouterr().err
    con = duckdb.connect(str(out / "isnad.duckdb"), read_only=True)
    assert con.execute("SELECT doc_id FROM warnings").fetchall() == [("cut.txt",)]
    con.close()


def test_record_fields_and_the_fallback_date_are_given_on_the_command_line(tmp_path):
    body = (EXAMPLES / "002_cbf1d5649d9a84fe.txt").read_text(encoding="utf-8").split("\n", 2)[2]
    records = [{"nid": "a", "matn": body, "tarikh": "2024-01-26", "jarida": "كويت نيوز"},
               {"nid": "b", "matn": body, "jarida": "عكاظ"}]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    out = tmp_path / "out"
    status = main(["run", str(tmp_path / "in.jsonl"), "--out", str(out), "--workers", "1", "--no-corpus",
                   "--field", "text=matn", "--field", "published=tarikh", "--field", "outlet=jarida",
                   "--field", "id=nid", "--published", "2024-01-20"])
    assert status == EXIT_OK
    rows = {a["doc_id"]: a for a in lines(out / "articles.jsonl") if a["article_index"] == 0}
    assert [(r["published"], r["published_source"], r["outlet"]) for r in (rows["in.jsonl#a"], rows["in.jsonl#b"])] == [
        ("2024-01-26", "metadata", "Kuwait News"), ("2024-01-20", "fallback", "Okaz")]


def test_bad_field_options_are_usage_errors(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["run", str(EXAMPLES), "--out", str(tmp_path), "--field", "colour=x"])
    assert exit_info.value.code == 2 and "unknown field 'colour'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["run", str(EXAMPLES), "--out", str(tmp_path), "--published", "yesterday"])
    assert exit_info.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err


def test_standard_input_is_read_as_a_page(tmp_path):
    page = (EXAMPLES / "002_cbf1d5649d9a84fe.txt").read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "isnad", "run", "-", "--out", str(tmp_path)],
        input=page, capture_output=True, timeout=120,
    )
    assert result.returncode == EXIT_OK, result.stderr.decode()
    (doc,) = lines(tmp_path / "documents.jsonl")
    assert doc["doc_id"] == "stdin"
    assert lines(tmp_path / "articles.jsonl")
