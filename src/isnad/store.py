"""Step 9, store: JSON Lines files and a DuckDB file, written atomically.

Everything is first written into a staging folder inside the output folder;
only a finished run moves its files into place (``os.replace``, one file at a
time), so a killed run leaves the previous output as it was.  Rows are
serialised deterministically: a rerun over the same input gives
byte-identical JSON Lines.
"""
from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import duckdb

# Output tables, in the order they are written.  The DuckDB table of the same
# name is loaded from the JSONL file; an empty file gets the fallback schema.
TABLES: dict[str, str] = {
    "documents": "doc_id VARCHAR, source VARCHAR, content_type VARCHAR, encoding VARCHAR, "
    "n_chars BIGINT, sha256 VARCHAR, text VARCHAR",
    "articles": "doc_id VARCHAR, source VARCHAR, article_index INTEGER, span INTEGER[], "
    "segments INTEGER[][], title VARCHAR, text VARCHAR, published VARCHAR, outlet VARCHAR, "
    "agencies VARCHAR[], dateline VARCHAR",
    "statements": "id VARCHAR, doc_id VARCHAR, article_index INTEGER, "
    "speaker STRUCT(name VARCHAR, name_ar VARCHAR, kind VARCHAR, country VARCHAR, role VARCHAR, "
    "entity_id VARCHAR), cue VARCHAR, mode VARCHAR, stance VARCHAR, content VARCHAR, "
    "content_span INTEGER[], sentence_span INTEGER[], via VARCHAR[], date VARCHAR, responds_to VARCHAR",
    "events": "id VARCHAR, doc_id VARCHAR, article_index INTEGER, event_type VARCHAR, mode VARCHAR, "
    "actor JSON, recipient JSON, date VARCHAR, location JSON, reported_by VARCHAR, span INTEGER[]",
    "stories": "story_id VARCHAR, title VARCHAR, articles STRUCT(doc_id VARCHAR, article_index INTEGER)[]",
    "claims": "claim_id VARCHAR, claimant VARCHAR, content VARCHAR, asserted_by VARCHAR[], "
    "denied_by VARCHAR[], confirmed_by VARCHAR[]",
    "errors": "doc_id VARCHAR, source VARCHAR, stage VARCHAR, error VARCHAR",
}
DUCKDB_FILE = "isnad.duckdb"
STAGING_PREFIX = ".staging-"


def dumps(row: dict) -> str:
    """One JSONL line: UTF-8 Arabic as is, no spaces, stable key order."""
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


def read_jsonl(path: Path) -> Iterator[dict]:
    """Rows of a JSONL file, streamed."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


class RunWriter:
    """Streams rows into staged JSONL files; ``commit`` publishes them."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        _remove_stale_staging(self.out_dir)
        self.staging = self.out_dir / f"{STAGING_PREFIX}{os.getpid()}"
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir()
        self._files = {name: (self.staging / f"{name}.jsonl").open("w", encoding="utf-8") for name in TABLES}
        self.counts = dict.fromkeys(TABLES, 0)

    def write(self, table: str, rows: Iterable[dict]) -> None:
        f = self._files[table]
        for row in rows:
            f.write(dumps(row))
            f.write("\n")
            self.counts[table] += 1

    def rewrite(self, table: str, update: Callable[[dict], dict]) -> None:
        """Pass every staged row of ``table`` through ``update`` (streamed)."""
        self._files[table].close()
        staged = self.staging / f"{table}.jsonl"
        updated = self.staging / f"{table}.jsonl.new"
        with updated.open("w", encoding="utf-8") as out:
            for row in read_jsonl(staged):
                out.write(dumps(update(row)))
                out.write("\n")
        os.replace(updated, staged)
        self._files[table] = staged.open("a", encoding="utf-8")

    def commit(self) -> None:
        """Build the DuckDB file and move every file into the output folder."""
        for f in self._files.values():
            f.close()
        build_duckdb(self.staging, self.staging / DUCKDB_FILE)
        for name in TABLES:
            os.replace(self.staging / f"{name}.jsonl", self.out_dir / f"{name}.jsonl")
        os.replace(self.staging / DUCKDB_FILE, self.out_dir / DUCKDB_FILE)
        shutil.rmtree(self.staging, ignore_errors=True)

    def abort(self) -> None:
        for f in self._files.values():
            f.close()
        shutil.rmtree(self.staging, ignore_errors=True)


def build_duckdb(folder: Path, db_path: Path) -> None:
    """Load every ``TABLE.jsonl`` of ``folder`` into a fresh DuckDB file."""
    if db_path.exists():
        db_path.unlink()
    con = duckdb.connect(str(db_path))
    try:
        for name, schema in TABLES.items():
            path = folder / f"{name}.jsonl"
            if path.stat().st_size == 0:
                con.execute(f"CREATE TABLE {name} ({schema})")
                continue
            con.execute(
                f"CREATE TABLE {name} AS SELECT * FROM read_json(?, format='newline_delimited', "
                "sample_size=-1, maximum_object_size=268435456)",
                [str(path)],
            )
    finally:
        con.close()


def _remove_stale_staging(out_dir: Path) -> None:
    """Remove staging folders left by runs that were killed."""
    for entry in out_dir.glob(f"{STAGING_PREFIX}*"):
        pid = entry.name[len(STAGING_PREFIX):]
        if pid.isdigit() and _alive(int(pid)) and int(pid) != os.getpid():
            continue
        shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
