"""The Python API: :func:`extract` reads one text, :func:`load` opens a run's tables.

::

    import isnad

    page = isnad.extract("وقال المتحدث باسم الكرملين دميتري بيسكوف إن التقرير لا يتوافق مع الواقع.",
                         published="2024-01-26", outlet="RT Arabic")
    for st in page.statements:
        print(st.speaker.name, st.stance, st.content)

    run = isnad.load("out")          # the output folder of `isnad run`
    run.df("statements")             # a pandas DataFrame
    run.arrow("events")              # a pyarrow Table
    run.con.sql("SELECT stance, count(*) FROM statements GROUP BY stance")

:func:`extract` runs the page steps of ``isnad run`` (:mod:`isnad.pages`),
with the packaged lexicon or the one given, so that its rows are the rows the
run writes for the same page (without the corpus step's fields: it sees one
page only).
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from . import schema
from .lexicon import Lexicon
from .pages import apply_steps, page_rows
from .read import ReadError, page_from_text
from .store import DUCKDB_FILE, MANIFEST_FILE, TABLES, columns_spec, published_dir

if TYPE_CHECKING:
    import duckdb
    import pandas
    import pyarrow


class Record:
    """A row of one of the run's tables, its fields as attributes (a nested
    object too: ``statement.speaker.name``); :meth:`to_dict` gives the row as
    the JSON Lines file holds it."""

    __slots__ = ("_row",)
    table: ClassVar[str | None] = None

    def __init__(self, row: dict):
        object.__setattr__(self, "_row", row)

    def __getattr__(self, name: str) -> Any:
        if name == "_row":  # not set yet
            raise AttributeError(name)
        try:
            value = self._row[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None
        return Record(value) if isinstance(value, dict) else value

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only; change its to_dict()")

    def __reduce__(self):
        return type(self), (self._row,)

    def __getitem__(self, name: str) -> Any:
        return self._row[name]

    def __contains__(self, name: str) -> bool:
        return name in self._row

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and type(other) is type(self) and other._row == self._row

    __hash__ = None  # rows are mutable dicts

    def __dir__(self) -> list[str]:
        return [*self._row, "to_dict"]

    def fields(self) -> list[str]:
        """The row's field names, in order."""
        return list(self._row)

    def to_dict(self) -> dict:
        """The row (a copy), as ``TABLE.jsonl`` holds it."""
        return copy.deepcopy(self._row)

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={_short(self._row.get(k))}" for k in self._shown() if k in self._row)
        return f"{type(self).__name__}({shown})"

    def _shown(self) -> tuple[str, ...]:
        return tuple(self._row)[:4]


class Article(Record):
    """An ``articles`` row: ``title``, ``text``, ``published``, ``outlet``, ``agencies``, ``span``, ``segments``…"""

    table = "articles"

    def _shown(self) -> tuple[str, ...]:
        return ("doc_id", "article_index", "title", "published", "outlet")


class Statement(Record):
    """A ``statements`` row: ``speaker`` (``name``, ``name_ar``, ``kind``, ``country``, ``role``…),
    ``cue``, ``mode``, ``stance``, ``content``, ``via``, ``date`` and their ``*_span``."""

    table = "statements"

    def __repr__(self) -> str:
        speaker = self._row.get("speaker") or {}
        name = speaker.get("name") or speaker.get("name_ar")
        return (f"Statement(id={self._row.get('id')!r}, speaker={name!r}, stance={self._row.get('stance')!r}, "
                f"content={_short(self._row.get('content'))})")


class Event(Record):
    """An ``events`` row: PLOVER ``event_type``, ``mode``, ``cameo``, ``actor``, ``recipient``, ``date``,
    ``status``, ``span``…"""

    table = "events"

    def _shown(self) -> tuple[str, ...]:
        return ("id", "event_type", "mode", "status", "date")


class WarningRow(Record):
    """A ``warnings`` row: what reading repaired, or a page without an article."""

    table = "warnings"


def _short(value: Any, width: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= width else text[:width - 1] + "…"


@dataclass(frozen=True)
class Extraction:
    """What :func:`extract` found in one page: its ``articles``, ``statements``,
    ``events`` and ``warnings``; ``text`` is the page text their spans point
    into (for HTML, the extracted main text)."""

    doc_id: str
    text: str
    articles: list[Article] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[WarningRow] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The page's rows by table: ``{"articles": [...], "statements": [...], ...}``."""
        return {"doc_id": self.doc_id, "text": self.text,
                **{name: [r.to_dict() for r in getattr(self, name)]
                   for name in ("articles", "statements", "events", "warnings")}}

    def __repr__(self) -> str:
        return (f"Extraction(doc_id={self.doc_id!r}, {len(self.articles)} articles, "
                f"{len(self.statements)} statements, {len(self.events)} events, {len(self.warnings)} warnings)")


def extract(text: str, published: Any = None, outlet: str | None = None, url: str | None = None, *,
            title: str | None = None, doc_id: str | None = None, source: str | None = None,
            lexicon: Lexicon | None = None) -> Extraction:
    """The articles, statements and events of one page, as ``isnad run`` finds them.

    ``text`` is a raw page (a text dump, or HTML, which goes through the same
    main-text extraction); ``published`` (an ISO date, a ``date``, an RSS
    date…), ``outlet``, ``url`` and ``title`` are what a record's fields
    would say; ``doc_id`` names the page in the ids (default: ``url``, else
    ``"text"``) and ``source`` is where it came from (a path or a URL;
    default: ``url``, else ``doc_id``); ``lexicon`` replaces the packaged one
    (``Lexicon.at("my-lexicons/")``).  Raises :class:`isnad.read.ReadError`
    for a text that is no page (empty, HTML without main text) and
    :class:`isnad.pages.StepFailed` when a step fails on it.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if not text.strip():
        raise ReadError("empty page")
    doc_id = doc_id or url or "text"
    meta = {k: v for k, v in (("published", published), ("outlet", outlet), ("url", url), ("title", title))
            if v is not None}
    page = page_from_text(doc_id, source or url or doc_id, text, meta)
    apply_steps(page, lexicon or Lexicon.at(None))
    rows = {table: [json.loads(schema.encode(table, row)) for row in table_rows]  # the declared columns
            for table, table_rows in page_rows(page).items()}
    return Extraction(
        doc_id=doc_id, text=page.text,
        articles=[Article(r) for r in rows["articles"]],
        statements=[Statement(r) for r in rows["statements"]],
        events=[Event(r) for r in rows["events"]],
        warnings=[WarningRow(r) for r in rows["warnings"]],
    )


class Run:
    """The published output of one run (the folder given to ``isnad run --out``),
    read-only: :attr:`con`, a DuckDB connection with one table (or view) per
    output table, :meth:`df` and :meth:`arrow` for one table in one call, and
    :attr:`manifest` (``run.json``).  The folder's ``current`` version is
    resolved once, so a run published meanwhile does not mix in."""

    def __init__(self, out_dir: str | Path):
        self.dir = published_dir(Path(out_dir))
        formats = [name for name in (DUCKDB_FILE, "articles.parquet", "articles.jsonl") if (self.dir / name).exists()]
        if not formats:
            raise FileNotFoundError(f"no isnad run in {out_dir} (no {DUCKDB_FILE}, articles.parquet or articles.jsonl)")

    @cached_property
    def manifest(self) -> dict:
        """``run.json``: the inputs, settings, counts and times of the run ({} if absent)."""
        path = self.dir / MANIFEST_FILE
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    @cached_property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The run's DuckDB file, opened read-only; for a run written without it,
        an in-memory database with a view of each table over its Parquet or
        JSON Lines file."""
        import duckdb

        database = self.dir / DUCKDB_FILE
        if database.exists():
            return duckdb.connect(str(database), read_only=True)
        con = duckdb.connect()
        for name in TABLES:
            parquet, jsonl = self.dir / f"{name}.parquet", self.dir / f"{name}.jsonl"
            if parquet.exists():
                con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{_sql_path(parquet)}')")
            elif jsonl.exists() and jsonl.stat().st_size:  # typed by the one schema declaration
                con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_json('{_sql_path(jsonl)}', "
                            f"format='newline_delimited', columns={columns_spec(schema.duckdb_columns(name))}, "
                            f"maximum_object_size={2**30})")
            elif jsonl.exists():
                con.execute(f"CREATE TABLE {name} ({schema.duckdb_schema(name)})")
        return con

    @property
    def tables(self) -> list[str]:
        """The run's tables, in the order they are written."""
        present = {row[0] for row in self.con.cursor().execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        return [name for name in TABLES if name in present]

    # df, arrow and tables query through a cursor of their own, so that a
    # result the caller left unfinished on ``con`` does not stand in their way.
    def df(self, table: str) -> pandas.DataFrame:
        """The whole table as a pandas DataFrame (needs pandas: ``pip install 'isnad[pandas]'``)."""
        _require("pandas")
        return self.con.cursor().sql(f"SELECT * FROM {self._checked(table)}").df()

    def arrow(self, table: str) -> pyarrow.Table:
        """The whole table as a pyarrow Table (needs pyarrow: ``pip install 'isnad[pandas]'``)."""
        _require("pyarrow")
        result = self.con.cursor().sql(f"SELECT * FROM {self._checked(table)}")
        return result.to_arrow_table() if hasattr(result, "to_arrow_table") else result.arrow()

    def _checked(self, table: str) -> str:
        if table not in self.tables:
            raise ValueError(f"no table {table!r} in this run; tables: {', '.join(self.tables)}")
        return table

    def close(self) -> None:
        if "con" in self.__dict__:
            self.con.close()
            del self.__dict__["con"]

    def __enter__(self) -> Run:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        counts = self.manifest.get("counts", {})
        described = ", ".join(f"{v} {k}" for k, v in counts.items() if k in ("pages", "articles", "statements"))
        return f"Run({str(self.dir)!r}{', ' + described if described else ''})"


def load(out_dir: str | Path) -> Run:
    """The tables of the run published in ``out_dir`` (see :class:`Run`)."""
    return Run(out_dir)


def _require(module: str) -> None:
    try:
        __import__(module)
    except ImportError:
        raise ImportError(f"{module} is not installed: pip install 'isnad[pandas]' (pandas and pyarrow)") from None


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
