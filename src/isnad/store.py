"""Step 9, store: JSON Lines, DuckDB and Parquet, written atomically and resumably.

Rows are first appended to staged JSON Lines files in a staging folder inside
the output folder, named after the run's arguments.  Every few pages the
writer records a checkpoint: the byte length of every staged file and the
keys (content hashes) of the pages done since the last one.  A run killed at
any point and started again with the same arguments truncates the staged
files to the last checkpoint, skips the pages already done and goes on.
Rows are serialised deterministically: a rerun gives byte-identical JSON
Lines.  One run at a time writes an output folder (a lock on ``DIR/.lock``,
whatever the arguments).

Publishing is one atomic switch: a finished run's files go into a new
version folder ``DIR/.versions/ID``, then the symbolic link ``DIR/current``
is replaced (``os.replace``) to point at it; ``DIR/TABLE.jsonl`` and the
others are links through ``current``.  Readers and a killed publish see the
previous output or the new one, never a mix; a reader that opens several
files follows ``current`` once (:func:`published_dir`).
The DuckDB database (and the Parquet files exported from it) is loaded with
the page tables while the corpus step runs in another process; the corpus
tables and fields are added when it ends.
"""
from __future__ import annotations

import fcntl
import json
import os
import pickle
import shutil
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import duckdb
import msgspec

from . import schema
from .options import DEFAULT_FORMATS

# Published tables, in the order they are written, with the columns and types
# :mod:`isnad.schema` declares: the JSONL rows, the DuckDB tables and the Parquet
# files all follow it, whatever rows a run holds.
TABLES = schema.TABLES
# Staged only: what the corpus steps need after the per-page pass.
INTERNAL_TABLES = ("signatures", "statement_refs")
DUCKDB_FILE = "isnad.duckdb"
MANIFEST_FILE = "run.json"  # how the run was made: inputs, settings, counts, duration
OVERLAP_BYTES = 64 * 2**20  # staged rows below which the database is loaded while the corpus step runs
STAGING_PREFIX = ".staging-"
CHECKPOINT_FILE = "checkpoints.jsonl"
LOCK_FILE = ".lock"
VERSIONS = ".versions"
CURRENT = "current"
IO_BUFFER = 1 << 20  # bytes: rows are long, and a smaller buffer costs a system call every few rows


class OutputBusy(RuntimeError):
    """Another live run is writing the same output folder."""


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(row: dict) -> str:
    """One JSONL line: UTF-8 Arabic as is, no spaces, stable key order."""
    return _ENCODER.encode(row)


def frame(row: tuple) -> bytes:
    """A staged row of an internal table: its length (4 bytes) and the pickled tuple."""
    data = pickle.dumps(row, protocol=5)
    return len(data).to_bytes(4, "little") + data


def read_frames(path: Path) -> Iterator[tuple]:
    """Rows of a file of :func:`frame` s, streamed."""
    with path.open("rb", buffering=IO_BUFFER) as f:
        while header := f.read(4):
            yield pickle.loads(f.read(int.from_bytes(header, "little")))


class RunWriter:
    """Streams page rows into staged files, with checkpoints to resume from.

    ``run_key`` names the staging folder: the same arguments find the same
    folder and resume; ``done`` counts the keys of pages already written.
    """

    def __init__(self, out_dir: Path, run_key: str, checkpoint_every: float = 2.0):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._lock = _take_lock(self.out_dir / LOCK_FILE)
        self.staging = self.out_dir / f"{STAGING_PREFIX}{run_key}"
        self.checkpoint_every = checkpoint_every
        _remove_other_staging(self.out_dir, keep=self.staging)
        self.staging.mkdir(exist_ok=True)
        self.done: Counter[str] = Counter()
        self.counts = dict.fromkeys((*TABLES, *INTERNAL_TABLES), 0)
        self.longest_row = 0  # bytes of the longest JSONL row staged (the database build is sized by it)
        offsets = self._restore()
        self._files = {}
        for name in (*TABLES, *INTERNAL_TABLES):
            f = self._path(name).open("ab")
            f.truncate(offsets.get(name, 0))
            f.seek(0, os.SEEK_END)
            self._files[name] = f
        self._checkpoints = (self.staging / CHECKPOINT_FILE).open("ab")
        self._pending: list[str] = []
        self._page_open = False  # a page's rows are being written
        self._last_checkpoint = time.monotonic()

    def _restore(self) -> dict[str, int]:
        """Done keys, row counts and file lengths at the last complete checkpoint."""
        path = self.staging / CHECKPOINT_FILE
        if not path.exists():
            return {}
        offsets: dict[str, int] = {}
        good_length = 0
        with path.open("rb") as f:
            for line in f:
                if not line.endswith(b"\n"):
                    break  # a checkpoint cut by the kill
                record = json.loads(line)
                recorded = self.done.total()  # keys a record written twice (see checkpoint) already gave
                self.done.update(record["keys"][recorded - record.get("first", recorded):])
                offsets = record["offsets"]
                self.counts.update(record["counts"])
                self.longest_row = record.get("longest_row", 0)
                good_length += len(line)
        with path.open("ab") as f:
            f.truncate(good_length)
        return offsets

    @property
    def resumed_pages(self) -> int:
        return self.done.total()

    def write_page(self, key: str, lines: dict[str, list[bytes]]) -> None:
        """All rows of one page, as encoded JSONL lines (see :func:`dumps`), or
        frames for the internal tables (see :func:`frame`); a checkpoint
        follows every few seconds.  A page cut by a signal is left out of
        every checkpoint, the one :meth:`close` writes included."""
        self._page_open = True
        for table, table_lines in lines.items():
            if table_lines:
                if table in INTERNAL_TABLES:
                    self._files[table].write(b"".join(table_lines))
                else:
                    self._files[table].write(b"\n".join(table_lines) + b"\n")
                    self.longest_row = max(self.longest_row, max(map(len, table_lines)))
                self.counts[table] += len(table_lines)
        self.done[key] += 1
        self._pending.append(key)
        self._page_open = False
        if time.monotonic() - self._last_checkpoint >= self.checkpoint_every:
            self.checkpoint()

    def checkpoint(self) -> None:
        """Flush the staged files and record how far they are complete: the keys of the
        pages written since the last record, from the place of the first among all keys
        (``first``). A signal right after the write leaves them pending, and the record that
        :meth:`close` writes gives them again from the same place: :meth:`_restore` takes
        each key once (a signal before the write must not lose them: the staged rows of
        those pages would be kept and the pages read again)."""
        for f in self._files.values():
            f.flush()
        record = {
            "first": self.done.total() - len(self._pending),
            "keys": self._pending,
            "offsets": {name: f.tell() for name, f in self._files.items()},
            "counts": self.counts,
            "longest_row": self.longest_row,
        }
        self._checkpoints.write(dumps(record).encode("utf-8") + b"\n")
        self._checkpoints.flush()
        self._pending = []
        self._last_checkpoint = time.monotonic()

    def staged(self, table: str) -> Path:
        """The staged file of ``table``, flushed, for reading back."""
        if not self._files[table].closed:
            self._files[table].flush()
        return self._path(table)

    def _path(self, table: str) -> Path:
        return self.staging / (f"{table}.frames" if table in INTERNAL_TABLES else f"{table}.jsonl")

    def finalise(self, derived: dict[str, Iterable[dict]] | None = None,
                 updates: dict[str, Mapping[int, dict]] | None = None, tables_ready: Callable[[], None] = lambda: None) -> None:
        """Write the final JSONL files of every table into the staging folder.

        ``derived`` gives the rows of tables the corpus step computes
        (stories, claims...); ``updates[table]`` the fields it sets on staged
        rows, by row number, also written as ``TABLE.updates.jsonl`` for the
        database build.  ``tables_ready()`` is called once those files are
        written, before the page tables are rewritten with their fields, so
        that the database can take them meanwhile.  The staged page files
        stay untouched, so a run killed here or later resumes cleanly.
        """
        derived, updates = derived or {}, updates or {}
        final = self.staging / "final"
        shutil.rmtree(final, ignore_errors=True)
        final.mkdir()
        for name in derived:
            _write_rows(final / f"{name}.jsonl", name, derived[name])
        for name, table_updates in updates.items():
            _write_updates(final / f"{name}.updates.jsonl", table_updates)
        tables_ready()
        for name in TABLES:
            if name in updates:
                _write_updated(self.staged(name), final / f"{name}.jsonl", name, updates[name])
            elif name not in derived:
                os.link(self.staged(name), final / f"{name}.jsonl")

    def publish(self, formats: Iterable[str] = DEFAULT_FORMATS, corpus_step: Callable[[], None] | None = None,
                wait: Callable[[], None] = lambda: None, wait_tables: Callable[[], None] | None = None,
                table_done: Callable[[], None] = lambda: None, manifest: Callable[[], dict] | None = None) -> None:
        """Build the requested formats and switch the output to them.

        ``corpus_step()`` must call :meth:`finalise`; if it only starts it
        (in another process), ``wait_tables()`` waits until its tables and
        updates are written and ``wait()`` until it has ended.  In a small
        run the database is loaded with the page tables meanwhile (the two
        fit in memory together); in a larger one (``OVERLAP_BYTES`` of staged
        rows or more) it waits first, so that peak memory does not grow with
        the run.  The corpus tables and fields are added to the database
        while the step rewrites the page tables' JSONL with those fields.
        The built files become a version folder, and ``DIR/current`` is
        switched to it in one step (see the module's docstring).
        ``table_done()`` is called after each of the :func:`database_steps`;
        ``manifest()`` gives ``run.json``, written into the version before the
        switch.  SIGINT and SIGTERM are ignored from then on (the switch
        takes milliseconds): a run stopped then ends published, not half-way.
        """
        formats = tuple(formats)
        for f in self._files.values():
            f.close()
        self._checkpoints.close()
        final = self.staging / "final"
        (corpus_step or self.finalise)()
        if sum(self.staged(name).stat().st_size for name in TABLES) >= OVERLAP_BYTES:
            wait()
        database = None
        try:
            if "duckdb" in formats or "parquet" in formats:
                database = TableBuild(self.staging / DUCKDB_FILE, self.longest_row, table_done)
                database.load_page_tables(self.staging)
                (wait_tables or wait)()
                database.load_corpus_tables(final)
                if "parquet" in formats:
                    database.export_parquet(final)
                database.close()  # written out while the corpus step ends
                database = None
            wait()
        finally:
            if database:
                database.close()
        published = []
        if "duckdb" in formats:
            os.replace(self.staging / DUCKDB_FILE, final / DUCKDB_FILE)
            published.append(DUCKDB_FILE)
        if "parquet" in formats:
            published += [f"{name}.parquet" for name in TABLES]
        if "jsonl" in formats:
            published += [f"{name}.jsonl" for name in TABLES]
        for name in os.listdir(final):
            if name not in published:
                os.unlink(final / name)
        with _signals_ignored():
            if manifest:
                (final / MANIFEST_FILE).write_text(json.dumps(manifest(), ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
                published.append(MANIFEST_FILE)
            _switch_to(self.out_dir, final, published)
            shutil.rmtree(self.staging, ignore_errors=True)
            self._release()

    def close(self) -> None:
        """Stop without publishing; the staging folder stays for a resume."""
        try:
            if not self._checkpoints.closed and not self._page_open:
                self.checkpoint()
        finally:
            for f in self._files.values():
                f.close()
            self._checkpoints.close()
            self._release()

    def _release(self) -> None:
        if not self._lock.closed:
            self._lock.close()


def published_dir(out_dir: Path) -> Path:
    """The folder of a run's published files: the version ``DIR/current`` points
    at, resolved once (so that files read from it belong to one run), or
    ``DIR`` itself for output written before versions."""
    current = Path(out_dir) / CURRENT
    return current.resolve() if current.is_dir() else Path(out_dir)


def _switch_to(out_dir: Path, built: Path, names: list[str]) -> None:
    """Publish the files ``names`` of folder ``built`` in one atomic step.

    ``built`` becomes ``DIR/.versions/ID`` and ``DIR/current`` is replaced by a
    link to it; each ``DIR/NAME`` is a link to ``current/NAME`` (made once).
    Links of tables this run did not write (another format), and older
    versions, are removed after the switch.
    """
    versions = out_dir / VERSIONS
    versions.mkdir(exist_ok=True)
    version = versions / f"{time.strftime('%Y%m%dT%H%M%S')}-{time.time_ns() % 10**9:09d}-{os.getpid()}"
    os.rename(built, version)
    _replace_with_link(out_dir / CURRENT, os.path.join(VERSIONS, version.name))
    for name in names:
        target = os.path.join(CURRENT, name)
        link = out_dir / name
        if not (link.is_symlink() and os.readlink(link) == target):
            _replace_with_link(link, target)
    for table in TABLES:
        for name in (f"{table}.jsonl", f"{table}.parquet"):
            if name not in names and (out_dir / name).is_symlink():
                (out_dir / name).unlink()
    for name in (DUCKDB_FILE, MANIFEST_FILE):
        if name not in names and (out_dir / name).is_symlink():
            (out_dir / name).unlink()
    for old in versions.iterdir():
        if old != version:
            shutil.rmtree(old, ignore_errors=True)


def _replace_with_link(path: Path, target: str) -> None:
    """Make ``path`` a symbolic link to ``target`` in one step (a link beside it, renamed over it)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.link")
    temporary.unlink(missing_ok=True)
    if path.is_dir() and not path.is_symlink():  # a copied output folder: a directory cannot be replaced by a link
        os.rename(path, path.parent / VERSIONS / f"{path.name}-copied-{time.time_ns()}")
    os.symlink(target, temporary)
    os.replace(temporary, path)


def _write_updated(source: Path, target: Path, table: str, updates: Mapping[int, dict]) -> None:
    """Copy a staged JSONL file of ``table``, setting on each row the fields
    ``updates`` gives it (by row number, 0 = the first line).  Rows without
    fields are copied as bytes, undecoded; a row whose fields are all among the
    table's last columns (the corpus fields, staged null) gets them spliced in
    place of those nulls; any other row is decoded and encoded again."""
    tail = _corpus_tail(table)
    tail_names = frozenset(tail)
    null_tail = b"," + schema.encode_fields(table, tail, {}) + b"}\n"
    encode = schema.encoder(table)
    with source.open("rb", buffering=IO_BUFFER) as lines, target.open("wb", buffering=IO_BUFFER) as out:
        for row, line in enumerate(lines):
            fields = updates.get(row)
            if not fields:
                out.write(line)
            elif fields.keys() <= tail_names and line.endswith(null_tail):
                out.write(line[:-len(null_tail)] + b"," + schema.encode_fields(table, tail, fields) + b"}\n")
            else:
                out.write(encode({**json.loads(line), **fields}) + b"\n")


def _corpus_tail(table: str) -> tuple[str, ...]:
    """The table's last columns that the corpus step sets."""
    names = schema.columns(table)
    k = len(names)
    while k and names[k - 1] in schema.CORPUS_FIELDS.get(table, ()):
        k -= 1
    return names[k:]


@contextmanager
def _signals_ignored() -> Iterator[None]:
    """SIGINT and SIGTERM are ignored inside (in the main thread, the only one
    that can set handlers), then handled as before."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, signal.SIG_DFL if handler is None else handler)


def _write_updates(path: Path, updates: Mapping[int, dict]) -> None:
    """``{"row": N, FIELD: VALUE, ...}`` per updated row, in row order (the
    lines :func:`dumps` would write, encoded by msgspec: four times faster)."""
    encode = _UPDATE_ENCODER.encode
    with path.open("wb", buffering=IO_BUFFER) as out:
        for row in sorted(updates):
            out.write(encode({"row": row, **updates[row]}) + b"\n")


_UPDATE_ENCODER = msgspec.json.Encoder()


def _write_rows(path: Path, table: str, rows: Iterable[dict]) -> None:
    """Rows of ``table`` as JSON Lines, encoded by its declared schema."""
    encode = schema.encoder(table)
    with path.open("wb", buffering=IO_BUFFER) as out:
        for row in rows:
            out.write(encode(row) + b"\n")


def _select_jsonl(con: duckdb.DuckDBPyConnection, name: str, path: Path, longest_row: int) -> str:
    """A view over ``path`` with the columns and types :mod:`isnad.schema` declares for table ``name``."""
    if path.stat().st_size == 0:
        con.execute(f"CREATE TEMP TABLE src_{name} ({schema.duckdb_schema(name)})")
    else:
        con.execute(
            f"CREATE TEMP VIEW src_{name} AS SELECT * FROM read_json('{_sql_path(path)}', "
            f"format='newline_delimited', columns={columns_spec(schema.duckdb_columns(name))}, "
            f"maximum_object_size={_object_size(longest_row)})"
        )
    return f"src_{name}"


def columns_spec(columns: dict[str, str]) -> str:
    """A DuckDB ``columns`` argument: ``{'name': 'TYPE', ...}``."""
    return "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in columns.items()) + "}"


def _object_size(longest_row: int) -> int:
    """DuckDB's largest JSON object to read: the longest staged row, with room."""
    return max(16 * 2**20, 2 * longest_row)


def _duckdb_config(longest_row: int) -> dict:
    """Loading the tables is I/O bound: one thread keeps the JSON reader's buffers
    to one set, and a memory limit just above what the longest row needs keeps
    DuckDB from caching the tables it writes, so the run's peak memory does not
    grow with the corpus, while a page up to the size limit still loads."""
    return {"threads": 1, "memory_limit": f"{max(64, (16 * longest_row) // 2**20 + 1)}MB"}


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def build_duckdb(folder: Path, db_path: Path) -> None:
    """Load every ``TABLE.jsonl`` of ``folder`` (a run's output) into a fresh DuckDB file."""
    folder = published_dir(folder)
    longest = max((len(line) for name in TABLES if (folder / f"{name}.jsonl").exists()
                   for line in (folder / f"{name}.jsonl").open("rb")), default=0)
    database = TableBuild(db_path, longest)
    try:
        for name in TABLES:
            database.load(name, folder / f"{name}.jsonl")
    finally:
        database.close()


# What the corpus step adds: whole tables, and fields on rows of page tables (``*.updates.jsonl``).
DERIVED_TABLES = ("stories", "claims", "duplicates", "entities")
UPDATED_FIELDS = {"articles": schema.CORPUS_FIELDS["articles"],
                  "statements": ("responds_to", *schema.CORPUS_FIELDS["statements"])}


class TableBuild:
    """The run's DuckDB database, built in two parts so that the first can
    overlap the corpus step: the page tables from the staged files, then
    the derived tables and the fields the corpus step sets (``ALTER`` and
    ``UPDATE`` by row number: a table loaded by one thread keeps the file's
    row order, so ``rowid`` is the line number)."""

    def __init__(self, db_path: Path, longest_row: int = 0, table_done: Callable[[], None] = lambda: None):
        db_path.unlink(missing_ok=True)
        self.longest_row = longest_row
        self.table_done = table_done
        self.con = duckdb.connect(str(db_path), config=_duckdb_config(longest_row))
        self.con.execute("SET enable_progress_bar = false")  # the run shows its own

    def load_page_tables(self, staging: Path) -> None:
        """The tables of the page pass as staged (articles and statements without corpus fields)."""
        for name in TABLES:
            if name not in DERIVED_TABLES:
                self.load(name, staging / f"{name}.jsonl")

    def load_corpus_tables(self, final: Path) -> None:
        """The derived tables, and the corpus fields (see :meth:`RunWriter.finalise`)."""
        for name in DERIVED_TABLES:
            self.load(name, final / f"{name}.jsonl")
        for name in UPDATED_FIELDS:
            updates = final / f"{name}.updates.jsonl"
            if updates.exists() and updates.stat().st_size:
                self._update(name, updates)
            self.table_done()

    def load(self, name: str, path: Path) -> None:
        """Table ``name`` from a JSONL file, typed by its declared schema."""
        source = _select_jsonl(self.con, name, path, self.longest_row)
        self.con.execute(f"CREATE TABLE {name} AS SELECT * FROM {source}")
        self.table_done()

    def _update(self, name: str, updates: Path) -> None:
        types = schema.duckdb_columns(name)
        columns = {column: types[column] for column in UPDATED_FIELDS[name]}
        assignments = ", ".join(f"{c} = coalesce(u.{c}, {name}.{c})" for c in columns)
        self.con.execute(
            f"UPDATE {name} SET {assignments} FROM read_json('{_sql_path(updates)}', format='newline_delimited', "
            f"columns={columns_spec({'row': 'BIGINT', **columns})}) AS u WHERE {name}.rowid = u.row")

    def export_parquet(self, folder: Path) -> None:
        """``TABLE.parquet`` for every table."""
        for name in TABLES:
            target = _sql_path(folder / f"{name}.parquet")
            self.con.execute(f"COPY {name} TO '{target}' (FORMAT parquet, COMPRESSION zstd)")
            self.table_done()

    def close(self) -> None:
        self.con.close()


def database_steps(formats: Iterable[str]) -> int:
    """How many tables :meth:`RunWriter.publish` loads, updates and exports for ``formats``."""
    formats = set(formats)
    if not formats & {"duckdb", "parquet"}:
        return 0
    return len(TABLES) + len(UPDATED_FIELDS) + (len(TABLES) if "parquet" in formats else 0)


def _take_lock(path: Path):
    """The output folder's lock (held until the file is closed, or the process dies)."""
    lock = path.open("a")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        raise OutputBusy(f"another run is writing {path.parent}") from None
    return lock


def _remove_other_staging(out_dir: Path, keep: Path) -> None:
    """Remove the staging folders of runs with other arguments (none is alive: the lock is ours)."""
    for entry in out_dir.glob(f"{STAGING_PREFIX}*"):
        if entry != keep:
            shutil.rmtree(entry, ignore_errors=True)
