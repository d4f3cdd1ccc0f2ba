"""Read-only access to a run for the web view: every query it makes, in one place.

The run's DuckDB file is attached READ_ONLY to an in-memory database; at
startup working tables (``w_*``) are derived from it in memory, with every
optional column tolerated (a missing column reads as NULL) and every nested
value read through JSON, so the view works whatever types the loader
inferred.  Dates are read as DATE or NULL (a partial date such as
``--12-05`` counts as undated); relays (outlets, agencies, ``via``) are named
once whatever the script (``رويترز`` is ``Reuters``); wire copies of a
statement share a ``quote_key``; every text that can be searched has a forms
key (see ``textquery``).  Every query is parameterised.

Lists (statements, claims, stories, speakers, articles, errors) all take the
same :class:`Filters` and are served a page at a time (:meth:`RunData.page`)
or streamed whole (:meth:`RunData.stream`).  :class:`LiveRun` reopens the run
when ``isnad run`` replaces its database.
"""
from __future__ import annotations

import json
import logging
import math
import os
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from functools import cached_property
from pathlib import Path, PurePosixPath

import duckdb

from ..lexicon import default_lexicon
from .. import schema
from ..store import DUCKDB_FILE, MANIFEST_FILE, TABLES, published_dir
from ..text import fold_key
from .textquery import MAX_QUERY_CHARS, FormsKeys, TextQuery, WordIndex

LOG = logging.getLogger(__name__)
STATEMENT_WORDS = WordIndex("w_statement_words", "s.rowid")  # statements are searched through it

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
MAX_OFFSET = 2**62
DETAIL_ROWS = 200  # rows of each list inside a story, claim or article page
STREAM_CHUNK = 2000
KEY_BATCH = 20_000  # rows whose search keys are made at once
STANCES = ("assert", "deny", "confirm", "decline_comment", "reject", "accuse", "question")
DENIALS = ("deny", "reject")
SORTS = ("newest", "oldest", "relevance", "count")
LISTS = ("statements", "claims", "stories", "speakers", "articles", "errors")
FALLBACK_TITLE_CHARS = 90
SAME_QUOTE_MIN_CHARS = 30  # identical contents at least this long are one quote
RELOAD_CHECK_SECONDS = 1.0
_DATE_PARAM_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Spans drawn in their own way on the article page; every other ``*_span(s)``
# field of a row is highlighted under its field name.
_BODY_SPANS = {"content_span", "sentence_span", "span", "segments"}
_RELAY_PREFIXES = ("وكاله ", "صحيفه ", "شبكه ", "موقع ", "قناه ", "مجله ")

_MACROS = (
    "CREATE MACRO obj_str(j, key) AS CASE WHEN json_type(j) = 'OBJECT' THEN json_extract_string(j, '$.' || key) END",
    "CREATE MACRO span_at(j, i) AS CASE WHEN json_type(j) = 'ARRAY' "
    "THEN TRY_CAST(json_extract_string(j, '$[' || i || ']') AS BIGINT) END",
    "CREATE MACRO str_list(j) AS CASE WHEN json_type(j) = 'ARRAY' THEN from_json(j, '[\"VARCHAR\"]') "
    "WHEN json_type(j) = 'VARCHAR' THEN [json_extract_string(j, '$')] ELSE []::VARCHAR[] END",
    "CREATE MACRO label(j) AS CASE json_type(j) WHEN 'OBJECT' THEN coalesce(json_extract_string(j, '$.name'), "
    "json_extract_string(j, '$.name_ar'), j::VARCHAR) WHEN 'VARCHAR' THEN json_extract_string(j, '$') "
    "WHEN 'NULL' THEN NULL ELSE j::VARCHAR END",
    # a full date, whatever the stored type; partial dates (--12-05, 2024-01) are NULL
    "CREATE MACRO as_date(x) AS TRY_CAST(CAST(x AS VARCHAR) AS DATE)",
    "CREATE MACRO site_of(url) AS nullif(regexp_extract(url, '^[a-zA-Z][a-zA-Z0-9+.-]*://(?:www\\.)?([^/:?#]+)', 1), '')",
    "CREATE MACRO relay(x) AS coalesce(getvariable('relays')[x], x)",
)


def _same_type(stored: str | None, declared: str) -> bool:
    """Whether a stored column already has the declared type (DuckDB quotes some field names)."""
    return stored is not None and stored.replace('"', "") == declared.replace('"', "")


class RunOpenError(Exception):
    """A run that cannot be opened; the message is one line for the user."""


# --- request parameters -------------------------------------------------------

def clamp_limit(value: object, default: int = DEFAULT_LIMIT, most: int = MAX_LIMIT) -> int:
    """A page size in ``[1, most]``; anything unreadable gives ``default``."""
    try:
        n = int(str(value))
    except (TypeError, ValueError):
        return default
    return max(1, min(most, n))


def clamp_offset(value: object) -> int:
    try:
        n = int(str(value))
    except (TypeError, ValueError):
        return 0
    return max(0, min(MAX_OFFSET, n))


def parse_date(value: str | None, last: bool = False) -> date | None:
    """``2024``, ``2024-01`` or ``2024-01-26`` as the first day it covers
    (the last with ``last``); anything else is None."""
    m = _DATE_PARAM_RE.match((value or "").strip())
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2] or (12 if last else 1)), m[3]
    try:
        if day:
            return date(year, month, int(day))
        if not last:
            return date(year, month, 1)
        following = date(year + (month == 12), month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    except ValueError:
        return None


# the URL parameter of each facet
FILTER_PARAMS = {"q": "q", "date_from": "from", "date_to": "to", "outlet": "outlet", "speaker": "speaker",
                 "country": "country", "stance": "stance", "status": "status", "story": "story", "claim": "claim",
                 "stage": "stage", "sort": "sort"}


@dataclass(frozen=True)
class Filters:
    """The facets every list and search takes, as read from the URL.

    Several values of one facet (``?outlet=A&outlet=B``) match any of them.
    """

    q: str = ""
    date_from: date | None = None
    date_to: date | None = None
    outlet: tuple[str, ...] = ()
    speaker: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    stance: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    story: tuple[str, ...] = ()
    claim: tuple[str, ...] = ()
    stage: tuple[str, ...] = ()  # errors only
    sort: str = "newest"

    @classmethod
    def from_params(cls, params) -> "Filters":
        """From a request's query parameters (a multi-dict with ``getlist``)."""
        def values(name: str, upper: bool = False) -> tuple[str, ...]:
            out = []
            for v in params.getlist(name):
                v = v.strip()[:MAX_QUERY_CHARS]
                if v:
                    out.append(v.upper() if upper else v)
            return tuple(dict.fromkeys(out))[:20]

        sort = params.get("sort", "newest")
        return cls(
            q=(params.get("q") or "")[:MAX_QUERY_CHARS],
            date_from=parse_date(params.get("from")), date_to=parse_date(params.get("to"), last=True),
            outlet=values("outlet"), speaker=values("speaker"), country=values("country", upper=True),
            stance=values("stance"), status=values("status"), story=values("story"), claim=values("claim"),
            stage=values("stage"),
            sort=sort if sort in SORTS else "newest",
        )

    def params(self, **changes) -> list[tuple[str, str]]:
        """The filters as URL parameters (defaults left out), with ``changes``."""
        f = replace(self, **changes) if changes else self
        out = []
        for name, param in FILTER_PARAMS.items():
            value = getattr(f, name)
            if name == "sort":
                if value != "newest":
                    out.append((param, value))
            elif isinstance(value, tuple):
                out += [(param, v) for v in value]
            elif value:
                out.append((param, value.isoformat() if isinstance(value, date) else value))
        return out

    def as_dict(self) -> dict:
        """The filters as read, for the JSON answers."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[FILTER_PARAMS[f.name]] = value.isoformat() if isinstance(value, date) else (
                list(value) if isinstance(value, tuple) else value)
        out["folded"] = self.text.folded
        return out

    @cached_property
    def text(self) -> TextQuery:
        return TextQuery.parse(self.q)

    @property
    def any(self) -> bool:
        """Whether any facet narrows the lists (the sort aside)."""
        return bool(self.params(sort="newest"))

    @property
    def by_statement(self) -> bool:
        """Facets only a statement can satisfy (who spoke, how, about which claim)."""
        return bool(self.speaker or self.country or self.stance or self.status or self.claim)


# --- the run file -------------------------------------------------------------

def find_db(out_dir: Path) -> Path:
    """The DuckDB file of a run folder (or the file itself), or a RunOpenError
    that says in one line what is there instead."""
    path = Path(out_dir)
    if path.is_file():
        return path
    if not path.exists():
        raise RunOpenError(f"no such folder: {path}")
    if not path.is_dir():
        raise RunOpenError(f"not a run folder: {path}")
    folder = published_dir(path)
    db = folder / DUCKDB_FILE
    if db.is_file():
        return db
    found = [f"{t}.{ext}" for ext in ("jsonl", "parquet") for t in TABLES if (folder / f"{t}.{ext}").is_file()]
    if found:
        return_hint = "run it again with --format jsonl,duckdb (the default) to browse it"
        raise RunOpenError(f"no {DUCKDB_FILE} in {path}: the run was written without its database "
                           f"({found[0]} is there); {return_hint}")
    raise RunOpenError(f"no {DUCKDB_FILE} in {path}: not the output folder of `isnad run`")


def _open_error(db: Path, error: Exception) -> RunOpenError:
    """A DuckDB failure to attach ``db`` as one line."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    low = text.lower()
    if "lock" in low:
        return RunOpenError(f"cannot open {db}: another process is writing it (wait for `isnad run` to finish)")
    if "not a valid duckdb" in low or "invalid" in low or "corrupt" in low or "magic" in low:
        return RunOpenError(f"cannot open {db}: not a readable DuckDB database (damaged, or not a database): {text}")
    if "version" in low or "storage" in low:
        return RunOpenError(f"cannot open {db}: written by another DuckDB version: {text}")
    return RunOpenError(f"cannot open {db}: {text}")


def _json_safe(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


# --- relays and sources -----------------------------------------------------------

def _relay_key(name: str) -> str:
    """A relay name folded, dots, dashes and spaces dropped (``د.ب.أ`` = ``د ب ا``)."""
    return re.sub(r"[\s.\-_]", "", fold_key(name))


def relay_names(names: list[str]) -> dict[str, str]:
    """Each relay name that the actor lexicon knows, to its canonical name:
    ``رويترز`` and ``وكالة رويترز`` to ``Reuters``, ``د.ب.أ`` to
    ``Deutsche Presse-Agentur``.  Names it does not know are left out."""
    known: dict[str, str] = {}
    for actor in default_lexicon().actors.values():
        for alias in (actor.name_en, actor.entity_id, *actor.aliases_ar):
            known.setdefault(_relay_key(alias), actor.name_en)
    out = {}
    for name in names:
        folded = fold_key(name)
        candidates = [folded, *(folded[len(p):] for p in _RELAY_PREFIXES if folded.startswith(p))]
        for candidate in candidates:
            canonical = known.get(_relay_key(candidate))
            if canonical:
                if canonical != name:
                    out[name] = canonical
                break
    return out


def _is_url(source: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source))


def _shown_roots(inputs: list[str], sources: list[str]) -> list[str]:
    """Prefixes to cut from local sources: the folder holding each input (so
    that the input's own name stays), else the folder above the sources' common
    folder."""
    roots = []
    for given in inputs:
        if given == "-":
            continue
        parent = str(PurePosixPath(given.rstrip("/")).parent)
        if parent not in (".", ""):
            roots.append(parent.rstrip("/") + "/")
    local = [s for s in sources if s and s.startswith("/")]
    if not roots and local:
        common = os.path.commonprefix([min(local), max(local)])
        folder = common[: common.rfind("/")] if "/" in common else ""
        parent = str(PurePosixPath(folder).parent) if folder else ""
        if folder.startswith("/") and parent not in ("", "/"):
            roots.append(parent.rstrip("/") + "/")
    return sorted(set(roots), key=len, reverse=True)


def shown_source(source: str | None, roots: list[str]) -> str | None:
    """``source`` relative to the inputs: ``/data/crawl/seeds/000.txt`` →
    ``seeds/000.txt`` when the input was ``/data/crawl/seeds``; URLs as they are."""
    if not source or _is_url(source):
        return source
    for root in roots:
        if source.startswith(root):
            return source[len(root):]
    if source.startswith("/"):  # outside every input: its file name (and member) only
        path, member = re.match(r"^([^!#]*)(.*)$", source).groups()
        return PurePosixPath(path).name + member
    return source


# --- the run ----------------------------------------------------------------------


def _dated_by_outlet(f: Filters, date: str, alias: str, parts: list[str], params: list) -> None:
    """The date range and outlet facets over rows (alias ``alias``) with an ``outlet`` and
    ``agencies`` column and a date column ``date``: appended to ``parts`` and ``params``."""
    if f.date_from:
        parts.append(f"{date} >= ?")
        params.append(f.date_from)
    if f.date_to:
        parts.append(f"{date} <= ?")
        params.append(f.date_to)
    if f.outlet:
        parts.append(f"(list_contains(?::VARCHAR[], {alias}.outlet) OR list_has_any({alias}.agencies, ?::VARCHAR[]))")
        params += [list(f.outlet), list(f.outlet)]

class RunData:
    """Queries over one run; safe to share between threads."""

    def __init__(self, out_dir: Path):
        self.db_path = find_db(out_dir)
        self.folder = self.db_path.parent
        self.signature = file_signature(self.db_path)
        self.opened_at = time.time()
        self._root = duckdb.connect(":memory:")
        quoted = str(self.db_path).replace("'", "''")
        try:
            self._root.execute(f"ATTACH '{quoted}' AS run (READ_ONLY)")
        except duckdb.Error as e:
            self._root.close()
            raise _open_error(self.db_path, e) from None
        self._root.execute("SET enable_external_access = false")
        self._root.execute("SET enable_progress_bar = false")
        self._local = threading.local()
        self._frequencies: dict = {}  # (table, term) -> rows holding the term
        self._row_counts: dict[str, int] = {}
        stored = self._read_columns()
        if not {"articles", "statements"} & set(stored):
            self._root.close()
            raise RunOpenError(f"{self.db_path} holds no isnad tables (no articles, no statements)")
        self._declared_views(stored)
        self.columns = {table: schema.duckdb_columns(table) for table in schema.TABLES}
        for macro in _MACROS:
            self._root.execute(macro)
        try:
            self._build()
        except duckdb.Error as e:
            self._root.close()
            raise RunOpenError(f"cannot read {self.db_path}: {str(e).splitlines()[0]}") from None
        self.build_seconds = time.time() - self.opened_at

    # --- connection ---------------------------------------------------------

    def _con(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own for each thread (connections are not thread-safe)."""
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._local.con = self._root.cursor()
        return con

    def _rows(self, sql: str, params: list | None = None) -> list[dict]:
        """Rows as dicts; dates as ISO strings; columns named ``_x`` are internal and dropped."""
        cur = self._con().execute(sql, params or [])
        names = [d[0] for d in cur.description]
        keep = [i for i, n in enumerate(names) if not n.startswith("_") or n == "_total"]
        return [{names[i]: _json_safe(row[i]) for i in keep} for row in cur.fetchall()]

    def _one(self, sql: str, params: list | None = None) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _value(self, sql: str, params: list | None = None):
        row = self._con().execute(sql, params or []).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self._root.close()

    # --- startup ------------------------------------------------------------

    def _read_columns(self) -> dict[str, dict[str, str]]:
        columns: dict[str, dict[str, str]] = {}
        for table, name, dtype in self._root.execute(
            "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE database_name = 'run'"
        ).fetchall():
            columns.setdefault(table, {})[name] = dtype
        return columns

    def _declared_views(self, stored: dict[str, dict[str, str]]) -> None:
        """A view ``v_TABLE`` of every table with the columns and types :mod:`isnad.schema`
        declares (what every run holds; a run written before a column existed gets it
        null, an absent table is empty), and the stored row number as ``_rowid``."""
        for table in schema.TABLES:
            declared = schema.duckdb_columns(table)
            present = stored.get(table)
            if present is None:
                columns = [f'NULL::{kind} AS "{name}"' for name, kind in declared.items()]
                self._root.execute(f"CREATE VIEW v_{table} AS SELECT {', '.join(columns)}, 0 AS _rowid WHERE false")
                continue
            columns = [f't."{name}"' if _same_type(present.get(name), kind)
                       else f'TRY_CAST(t."{name}" AS {kind}) AS "{name}"' if name in present
                       else f'NULL::{kind} AS "{name}"' for name, kind in declared.items()]
            self._root.execute(f"CREATE VIEW v_{table} AS SELECT {', '.join(columns)}, t.rowid AS _rowid "
                               f"FROM run.{table} t")

    def _has(self, table: str, name: str) -> bool:
        return name in self.columns.get(table, {})

    def _col(self, table: str, name: str, alias: str) -> str:
        """The column as SQL, or NULL when the run's table lacks it."""
        return f'{alias}."{name}"' if self._has(table, name) else "NULL"

    def _json(self, table: str, name: str, alias: str) -> str:
        return f"to_json({self._col(table, name, alias)})" if self._has(table, name) else "NULL::JSON"

    def _str(self, table: str, name: str, alias: str) -> str:
        return f"CAST({self._col(table, name, alias)} AS VARCHAR)"

    def _source(self, table: str) -> str:
        """The run's table, or an empty stand-in when the run has none."""
        return f"v_{table}"

    @staticmethod
    def _record(table: str) -> str:
        """The table's rows as stored records: its declared columns."""
        return f"(SELECT * EXCLUDE (_rowid) FROM v_{table})"

    def _build(self) -> None:
        self.manifest = read_manifest(self.folder)
        self._build_story_members()
        self._build_relays()
        self._build_articles()
        self._build_statements()
        self._build_events()
        self._build_claims()
        self._add_statement_links()
        self._build_quotes()
        self._index_statement_words()
        self._summarise_quotes_and_claims()
        self._build_stories()
        self._build_speakers()
        self._build_search_keys()
        self.countries = [r[0] for r in self._root.execute(
            "SELECT DISTINCT speaker_country FROM w_statements WHERE speaker_country IS NOT NULL ORDER BY 1"
        ).fetchall()]
        found = {r[0] for r in self._root.execute("SELECT DISTINCT stance FROM w_statements WHERE stance IS NOT NULL").fetchall()}
        self.stances = [*STANCES, *sorted(found - set(STANCES))]
        self.statuses = [r[0] for r in self._root.execute(
            "SELECT status FROM w_claims WHERE status IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1").fetchall()]
        self.outlets = [r[0] for r in self._root.execute(  # outlets and agencies, the most frequent first
            "SELECT o FROM (SELECT outlet AS o FROM w_articles UNION ALL SELECT unnest(agencies) FROM w_articles) "
            "WHERE o IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 200").fetchall()]
        self.stages = [r[0] for r in self._root.execute(
            f"SELECT {self._str('errors', 'stage', 'e')} AS stage FROM {self._source('errors')} e "
            "WHERE stage IS NOT NULL GROUP BY 1 ORDER BY 1").fetchall()]

    def _build_story_members(self) -> None:
        t = "stories"
        self._root.execute(f"""
            CREATE TABLE w_story_articles AS
            WITH st AS (
              SELECT {self._str(t, 'story_id', 'st')} AS story_id,
                     from_json({self._json(t, 'articles', 'st')},
                               '[{{"doc_id":"VARCHAR","article_index":"INTEGER"}}]') AS arts
              FROM {self._source(t)} st)
            SELECT story_id, unnest(arts).doc_id AS doc_id, unnest(arts).article_index AS article_index,
                   generate_subscripts(arts, 1) AS ord
            FROM st WHERE json_type(to_json(arts)) = 'ARRAY'""")

    def _build_relays(self) -> None:
        """One name per relay: the lexicon's canonical name for every outlet,
        agency and ``via`` name it knows (``SET VARIABLE relays``, a map)."""
        a, s = "a", "s"
        names = [r[0] for r in self._root.execute(f"""
            SELECT DISTINCT n FROM (
              SELECT {self._str('articles', 'outlet', a)} AS n FROM {self._source('articles')} a
              UNION ALL SELECT unnest(str_list({self._json('articles', 'agencies', a)})) FROM {self._source('articles')} a
              UNION ALL SELECT unnest(str_list({self._json('statements', 'via', s)})) FROM {self._source('statements')} s)
            WHERE n IS NOT NULL""").fetchall()]
        mapping = relay_names(names)
        self._root.execute("SET VARIABLE relays = MAP(?::VARCHAR[], ?::VARCHAR[])",
                           [list(mapping), list(mapping.values())])

    def _build_articles(self) -> None:
        a, t = "a", "articles"
        self._root.execute(f"""
            CREATE TABLE w_articles_raw AS SELECT
              {self._str(t, 'doc_id', a)} AS doc_id,
              CAST({self._col(t, 'article_index', a)} AS INTEGER) AS article_index,
              {self._str(t, 'source', a)} AS source,
              nullif(trim({self._str(t, 'title', a)}), '') AS title,
              left(trim(split_part(ltrim({self._str(t, 'text', a)}, chr(10) || ' '), chr(10), 1)),
                   {FALLBACK_TITLE_CHARS}) AS first_line,
              as_date({self._col(t, 'published', a)}) AS published,
              {self._str(t, 'outlet', a)} AS outlet_given,
              str_list({self._json(t, 'agencies', a)}) AS agencies_given,
              {self._str(t, 'dateline', a)} AS dateline
            FROM {self._source(t)} a""")
        sources = [r[0] for r in self._root.execute(
            f"SELECT source FROM w_articles_raw UNION SELECT {self._str('errors', 'source', 'e')} "
            f"FROM {self._source('errors')} e").fetchall()]
        self.source_roots = _shown_roots(self.manifest.get("inputs") or [], sources)
        shown = {s: shown_source(s, self.source_roots) for s in sources if s}
        self._root.execute("CREATE TABLE w_sources AS SELECT unnest(?::VARCHAR[]) AS source, "
                           "unnest(?::VARCHAR[]) AS shown", [list(shown), list(shown.values())])
        self._root.execute("""
            CREATE TABLE w_articles AS SELECT a.doc_id, a.article_index, src.shown AS source,
              coalesce(a.title, nullif(a.first_line, ''), a.doc_id || ' · article ' || a.article_index) AS title,
              CASE WHEN a.title IS NOT NULL THEN 'title' WHEN nullif(a.first_line, '') IS NOT NULL THEN 'first_line'
                   ELSE 'id' END AS title_kind, a.published,
              coalesce(relay(a.outlet_given), site_of(a.source)) AS outlet,
              list_distinct(list_transform(a.agencies_given, lambda x: relay(x))) AS agencies, a.dateline,
              (SELECT min_by(sa.story_id, sa.ord) FROM w_story_articles sa
               WHERE sa.doc_id = a.doc_id AND sa.article_index = a.article_index) AS story_id
            FROM w_articles_raw a LEFT JOIN w_sources src ON src.source = a.source""")
        self._root.execute("DROP TABLE w_articles_raw")

    def _build_statements(self) -> None:
        s, t = "s", "statements"
        speaker = self._json(t, "speaker", s)
        self._root.execute(f"""
            CREATE TABLE w_statements_raw AS SELECT
              {self._str(t, 'id', s)} AS id,
              {self._str(t, 'doc_id', s)} AS doc_id,
              CAST({self._col(t, 'article_index', s)} AS INTEGER) AS article_index,
              CASE WHEN json_type({speaker}) = 'VARCHAR' THEN json_extract_string({speaker}, '$')
                   ELSE obj_str({speaker}, 'name') END AS speaker_name,
              obj_str({speaker}, 'name_ar') AS speaker_name_ar,
              obj_str({speaker}, 'kind') AS speaker_kind,
              upper(obj_str({speaker}, 'country')) AS speaker_country,
              obj_str({speaker}, 'role') AS speaker_role,
              obj_str({speaker}, 'entity_id') AS entity_id,
              {self._str(t, 'cue', s)} AS cue,
              {self._str(t, 'mode', s)} AS mode,
              {self._str(t, 'stance', s)} AS stance,
              {self._str(t, 'content', s)} AS content,
              span_at({self._json(t, 'sentence_span', s)}, 0) AS sentence_start,
              list_transform(str_list({self._json(t, 'via', s)}), lambda x: relay(x)) AS via,
              as_date({self._col(t, 'date', s)}) AS date,
              {self._str(t, 'responds_to', s)} AS responds_to,
              {self._str(t, 'copy_of', s)} AS copy_of,
              obj_str({self._json(t, 'denied_claim', s)}, 'text') AS denied_text
            FROM {self._source(t)} s""")
        self._root.execute("""
            CREATE TABLE w_statements_base AS SELECT s.*,
              coalesce(s.entity_id, s.speaker_name, s.speaker_name_ar) AS speaker_key,
              coalesce(s.date, a.published) AS eff_date,
              a.published, a.outlet, a.agencies, a.title AS article_title, a.story_id
            FROM w_statements_raw s LEFT JOIN w_articles a USING (doc_id, article_index)""")
        self._root.execute("DROP TABLE w_statements_raw")

    def _build_events(self) -> None:
        e, t = "e", "events"
        self._root.execute(f"""
            CREATE TABLE w_events AS SELECT ev.*, coalesce(ev.date, a.published) AS eff_date,
              a.outlet, a.agencies, a.story_id
            FROM (SELECT
              {self._str(t, 'id', e)} AS id,
              {self._str(t, 'doc_id', e)} AS doc_id,
              CAST({self._col(t, 'article_index', e)} AS INTEGER) AS article_index,
              {self._str(t, 'event_type', e)} AS event_type,
              {self._str(t, 'mode', e)} AS mode,
              {self._str(t, 'cameo', e)} AS cameo,
              {self._str(t, 'status', e)} AS status,
              label({self._json(t, 'actor', e)}) AS actor,
              label({self._json(t, 'recipient', e)}) AS recipient,
              label({self._json(t, 'location', e)}) AS location,
              as_date({self._col(t, 'date', e)}) AS date,
              {self._str(t, 'reported_by', e)} AS reported_by
            FROM {self._source(t)} e) ev LEFT JOIN w_articles a USING (doc_id, article_index)""")

    def _build_claims(self) -> None:
        c, t = "c", "claims"
        self._root.execute(f"""
            CREATE TABLE w_claims_raw AS SELECT
              {self._str(t, 'claim_id', c)} AS claim_id,
              label({self._json(t, 'claimant', c)}) AS claimant,
              {self._str(t, 'content', c)} AS content,
              {self._str(t, 'status', c)} AS status,
              str_list({self._json(t, 'asserted_by', c)}) AS asserted_by,
              str_list({self._json(t, 'denied_by', c)}) AS denied_by,
              str_list({self._json(t, 'confirmed_by', c)}) AS confirmed_by
            FROM {self._source(t)} c""")
        # a statement links to a claim by the claim's lists, or by its own responds_to
        self._root.execute("""
            CREATE TABLE w_claim_links AS
            SELECT DISTINCT ON (claim_id, statement_id) claim_id, statement_id, role FROM (
              SELECT claim_id, unnest(asserted_by) AS statement_id, 'asserted' AS role, 0 AS prio FROM w_claims_raw
              UNION ALL SELECT claim_id, unnest(denied_by), 'denied', 0 FROM w_claims_raw
              UNION ALL SELECT claim_id, unnest(confirmed_by), 'confirmed', 0 FROM w_claims_raw
              UNION ALL SELECT s.responds_to, s.id,
                CASE WHEN s.stance IN ('deny', 'reject') THEN 'denied' WHEN s.stance = 'confirm' THEN 'confirmed'
                     WHEN s.stance = 'assert' THEN 'asserted' ELSE 'responded' END, 1
              FROM w_statements_base s JOIN w_claims_raw c ON c.claim_id = s.responds_to)
            ORDER BY claim_id, statement_id, prio""")

    def _add_statement_links(self) -> None:
        """Each statement's claims and their statuses (the claim status facet)."""
        self._root.execute("""
            CREATE TABLE w_statements_linked AS SELECT s.*,
              coalesce(l.claim_ids, []::VARCHAR[]) AS claim_ids, coalesce(l.claim_statuses, []::VARCHAR[]) AS claim_statuses
            FROM w_statements_base s LEFT JOIN (
              SELECT l.statement_id, list(DISTINCT l.claim_id) AS claim_ids,
                     list(DISTINCT c.status) FILTER (WHERE c.status IS NOT NULL) AS claim_statuses
              FROM w_claim_links l JOIN w_claims_raw c USING (claim_id) GROUP BY l.statement_id) l
            ON l.statement_id = s.id""")
        self._root.execute("DROP TABLE w_statements_base")

    def _build_search_keys(self) -> None:
        """Forms keys (see ``textquery``) of claims, stories, speakers and
        article titles (the statements' are made with their quotes)."""
        for table, columns in (("w_claims", "content, claimant"), ("w_stories", "title"),
                               ("w_speakers", "name, name_ar, role, speaker_key"), ("w_articles", "title")):
            self._make_keys(table, columns)
            self._root.execute(f"CREATE TABLE w_tmp AS SELECT t.*, k.fkey FROM {table} t "
                               "JOIN w_key_tmp k ON k.row_id = t.rowid ORDER BY t.rowid")
            self._root.execute(f"DROP TABLE {table}")
            self._root.execute(f"ALTER TABLE w_tmp RENAME TO {table}")
            self._root.execute("DROP TABLE w_key_tmp")
        self.avg_key_length = {
            table: self._value(f"SELECT coalesce(avg(length(fkey)), 1) FROM {table}")
            for table in ("w_statements", "w_claims", "w_stories", "w_speakers", "w_articles")
        }

    def _make_keys(self, table: str, columns: str) -> None:
        """``w_key_tmp (row_id, fkey, first_words)``: the forms key of
        ``columns`` of every row of ``table``, and its first column's folded
        words; made a batch of rows at a time, so that memory stays flat."""
        keys = FormsKeys()
        self._root.execute("CREATE TABLE w_key_tmp (row_id BIGINT, fkey VARCHAR, first_words VARCHAR)")
        rows = self._root.cursor()
        rows.execute(f"SELECT rowid, {columns} FROM {table}")
        while batch := rows.fetchmany(KEY_BATCH):
            ids, fkeys, firsts = [], [], []
            for row_id, first, *rest in batch:
                words = keys.words(first)
                ids.append(row_id)
                fkeys.append(keys.key_of(words, *map(keys.words, rest)))
                firsts.append(" ".join(words))
            self._root.execute("INSERT INTO w_key_tmp SELECT unnest(?::BIGINT[]), unnest(?::VARCHAR[]), "
                               "unnest(?::VARCHAR[])", [ids, fkeys, firsts])
            keys.forget_texts()
        rows.close()

    def _build_quotes(self) -> None:
        """Wire copies of one quote share a ``quote_key``: the statement it
        copies (``copy_of``), and statements with the same long content."""
        self._make_keys("w_statements_linked", "content, speaker_name, speaker_name_ar, speaker_role, entity_id, cue")
        self._root.execute(f"""
            CREATE TABLE w_quote_keys AS
            WITH s AS (
              SELECT s.rowid AS row_id, k.fkey,
                     CASE WHEN length(k.first_words) >= {SAME_QUOTE_MIN_CHARS} THEN hash(k.first_words) END AS same_text,
                     CASE WHEN s.copy_of IN (SELECT id FROM w_statements_linked) THEN s.copy_of ELSE s.id END AS base
              FROM w_statements_linked s JOIN w_key_tmp k ON k.row_id = s.rowid),
            by_text AS (
              SELECT row_id, fkey, base, CASE WHEN same_text IS NULL THEN base
                                          ELSE min(base) OVER (PARTITION BY same_text) END AS first_base FROM s)
            SELECT row_id, fkey, min(first_base) OVER (PARTITION BY base) AS quote_key FROM by_text""")
        self._root.execute("""
            CREATE TABLE w_statements AS SELECT s.*, q.fkey, q.quote_key,
              concat_ws(' ', s.speaker_name, s.speaker_name_ar, s.speaker_role, s.entity_id) AS speaker_names
            FROM w_statements_linked s JOIN w_quote_keys q ON q.row_id = s.rowid""")
        self._root.execute("UPDATE w_statements SET speaker_names = lower(speaker_names)")
        self._root.execute("DROP TABLE w_quote_keys")
        self._root.execute("DROP TABLE w_key_tmp")
        self._root.execute("DROP TABLE w_statements_linked")
        self._fold_speaker_names()

    def _index_statement_words(self) -> None:
        """Every form of every word of the statements' forms keys, with the
        statement's row, sorted by form: a word is found by reading its few
        rows, not by scanning every statement."""
        self._root.execute(f"""
            CREATE TABLE {STATEMENT_WORDS.table} AS SELECT form, row_id FROM (
              SELECT rowid AS row_id, unnest(string_split(fkey, '|')) AS form FROM w_statements)
            WHERE form <> '' AND NOT contains(form, ' ') ORDER BY form""")

    def _summarise_quotes_and_claims(self) -> None:
        """Each quote's copies and outlets; each claim's dates, deniers and counts of quotes."""
        self._root.execute("""
            CREATE TABLE w_quotes AS SELECT quote_key, count(*) AS n_copies, count(DISTINCT outlet) AS n_outlets,
              list(DISTINCT outlet ORDER BY outlet) FILTER (WHERE outlet IS NOT NULL) AS outlets,
              min(eff_date) AS first_date, max(eff_date) AS last_date
            FROM w_statements GROUP BY quote_key""")
        self._root.execute("""
            CREATE TABLE w_claims AS
            WITH ls AS (SELECT l.claim_id, l.role, s.eff_date, s.quote_key, s.speaker_name, s.speaker_name_ar, s.outlet
                        FROM w_claim_links l JOIN w_statements s ON s.id = l.statement_id),
            agg AS (SELECT claim_id, min(eff_date) AS first_date, max(eff_date) AS last_date,
                      max(eff_date) FILTER (WHERE role = 'denied') AS last_denial,
                      count(DISTINCT quote_key) FILTER (WHERE role = 'asserted') AS n_asserted,
                      count(DISTINCT quote_key) FILTER (WHERE role = 'denied') AS n_denied,
                      count(DISTINCT quote_key) FILTER (WHERE role = 'confirmed') AS n_confirmed,
                      count(*) AS n_statements,
                      list(DISTINCT coalesce(speaker_name, speaker_name_ar)) FILTER (WHERE role = 'denied') AS deniers,
                      list(DISTINCT outlet) FILTER (WHERE outlet IS NOT NULL) AS outlets
                    FROM ls GROUP BY claim_id)
            SELECT c.claim_id, c.claimant, c.content, c.status, c.asserted_by, c.denied_by, c.confirmed_by,
              agg.first_date, agg.last_date, agg.last_denial,
              coalesce(agg.n_asserted, 0) AS n_asserted, coalesce(agg.n_denied, 0) AS n_denied,
              coalesce(agg.n_confirmed, 0) AS n_confirmed, coalesce(agg.n_statements, 0) AS n_statements,
              coalesce(agg.deniers, []) AS deniers, coalesce(agg.outlets, []) AS outlets
            FROM w_claims_raw c LEFT JOIN agg USING (claim_id)""")
        self._root.execute("DROP TABLE w_claims_raw")

    def _fold_speaker_names(self) -> None:
        """The speaker filter's free text matches folded names (letter variants)."""
        rows = self._root.execute("SELECT DISTINCT speaker_names FROM w_statements").fetchall()
        names = [r[0] for r in rows]
        self._root.execute("CREATE TABLE w_names_tmp AS SELECT unnest(?::VARCHAR[]) AS n, unnest(?::VARCHAR[]) AS f",
                           [names, [fold_key(n or "") for n in names]])
        self._root.execute("UPDATE w_statements SET speaker_names = t.f FROM w_names_tmp t "
                           "WHERE w_statements.speaker_names = t.n")
        self._root.execute("DROP TABLE w_names_tmp")

    def _build_stories(self) -> None:
        t = "stories"
        given_from, given_to = "st.date_range[1]", "st.date_range[2]"
        self._root.execute(f"""
            CREATE TABLE w_stories AS
            WITH sa AS (SELECT sa.story_id, sa.ord, a.* EXCLUDE (story_id)
                        FROM w_story_articles sa JOIN w_articles a USING (doc_id, article_index)),
            ss AS (SELECT sa.story_id, s.speaker_key, s.speaker_name, s.speaker_name_ar, s.eff_date, s.quote_key
                   FROM w_story_articles sa JOIN w_statements s USING (doc_id, article_index)),
            sp AS (SELECT story_id, speaker_key, any_value(coalesce(speaker_name, speaker_name_ar)) AS name, count(*) AS n
                   FROM ss WHERE speaker_key IS NOT NULL GROUP BY ALL),
            top AS (SELECT story_id, count(*) AS n_speakers,
                           list({{'key': speaker_key, 'name': name, 'n': n}} ORDER BY n DESC, name)[1:5] AS speakers
                    FROM sp GROUP BY story_id),
            counts AS (SELECT story_id, count(*) AS n_statements, count(DISTINCT quote_key) AS n_quotes
                       FROM ss GROUP BY story_id),
            arts AS (SELECT story_id, count(*) AS n_articles, min_by(title, ord) AS first_title,
                       list(DISTINCT outlet) FILTER (WHERE outlet IS NOT NULL) AS outlets,
                       flatten(list(agencies)) AS agencies
                     FROM sa GROUP BY story_id),
            dates AS (SELECT story_id, min(d) AS date_from, max(d) AS date_to FROM (
                        SELECT story_id, published AS d FROM sa UNION ALL SELECT story_id, eff_date FROM ss)
                      WHERE d IS NOT NULL GROUP BY story_id)
            SELECT {self._str(t, 'story_id', 'st')} AS story_id,
                   coalesce(nullif(trim({self._str(t, 'title', 'st')}), ''), arts.first_title,
                            {self._str(t, 'story_id', 'st')}) AS title,
                   coalesce({given_from}, dates.date_from) AS date_from,
                   coalesce({given_to}, dates.date_to) AS date_to,
                   coalesce(arts.n_articles, 0) AS n_articles,
                   coalesce(counts.n_statements, 0) AS n_statements,
                   coalesce(counts.n_quotes, 0) AS n_quotes,
                   coalesce(top.n_speakers, 0) AS n_speakers, coalesce(top.speakers, []) AS speakers,
                   list_distinct(list_concat(coalesce(arts.outlets, []), coalesce(arts.agencies, []))) AS outlets
            FROM {self._source(t)} st
            LEFT JOIN arts ON arts.story_id = {self._str(t, 'story_id', 'st')}
            LEFT JOIN counts ON counts.story_id = arts.story_id
            LEFT JOIN top ON top.story_id = arts.story_id
            LEFT JOIN dates ON dates.story_id = arts.story_id""")

    def _build_speakers(self) -> None:
        self._root.execute("""
            CREATE TABLE w_speakers AS SELECT speaker_key,
              mode(speaker_name) AS name, mode(speaker_name_ar) AS name_ar, mode(speaker_kind) AS kind,
              mode(speaker_country) AS country, mode(speaker_role) AS role, count(*) AS n_statements,
              count(DISTINCT quote_key) AS n_quotes, min(eff_date) AS date_from, max(eff_date) AS date_to
            FROM w_statements WHERE speaker_key IS NOT NULL GROUP BY speaker_key""")
        self._root.execute("""
            CREATE TABLE w_articles_counted AS SELECT a.*, coalesce(n.n, 0) AS n_statements
            FROM w_articles a LEFT JOIN (SELECT doc_id, article_index, count(*) AS n FROM w_statements GROUP BY ALL) n
            USING (doc_id, article_index)""")
        self._root.execute("DROP TABLE w_articles")
        self._root.execute("ALTER TABLE w_articles_counted RENAME TO w_articles")

    # --- filters as SQL -------------------------------------------------------

    def _statement_where(self, f: Filters, text: bool = True) -> tuple[str, list]:
        """SQL over statements (alias ``s``) true when one passes every facet."""
        parts, params = [], []
        if text and f.text:
            sql, p = f.text.predicate("s.fkey", STATEMENT_WORDS)
            parts.append(sql)
            params += p
        _dated_by_outlet(f, "s.eff_date", "s", parts, params)
        if f.speaker:  # a speaker's key, else words of speakers' names or roles
            keys = self._speaker_keys(f.speaker)
            names = [n for n in (fold_key(v) for v in f.speaker if v not in keys) if n]
            parts.append("(" + " OR ".join(["list_contains(?::VARCHAR[], s.speaker_key)",
                                             *("contains(s.speaker_names, ?)" for _ in names)]) + ")")
            params += [sorted(keys), *names]
        if f.country:
            parts.append("list_contains(?::VARCHAR[], s.speaker_country)")
            params.append(list(f.country))
        if f.stance:
            parts.append("list_contains(?::VARCHAR[], s.stance)")
            params.append(list(f.stance))
        if f.status:
            parts.append("list_has_any(s.claim_statuses, ?::VARCHAR[])")
            params.append(list(f.status))
        if f.story:
            parts.append("list_contains(?::VARCHAR[], s.story_id)")
            params.append(list(f.story))
        if f.claim:
            parts.append("list_has_any(s.claim_ids, ?::VARCHAR[])")
            params.append(list(f.claim))
        return " AND ".join(parts) or "true", params

    def _speaker_keys(self, values: tuple[str, ...]) -> set[str]:
        """Which of ``values`` are speaker keys."""
        return {r[0] for r in self._con().execute(
            "SELECT speaker_key FROM w_speakers WHERE list_contains(?::VARCHAR[], speaker_key)", [list(values)]
        ).fetchall()}

    def _document_frequencies(self, table: str, alias: str, terms) -> list[int]:
        """How many rows of ``table`` hold each term (remembered: paging repeats them)."""
        missing = [t for t in terms if (table, t) not in self._frequencies]
        if missing:
            counts, params = [], []
            index = STATEMENT_WORDS if table == "w_statements" else None
            for term in missing:
                sql, p = term.predicate(f"{alias}.fkey", index)
                counts.append(f"count(*) FILTER (WHERE {sql})")
                params += p
            row = self._con().execute(f"SELECT {', '.join(counts)} FROM {table} {alias}", params).fetchone()
            if len(self._frequencies) > 4096:
                self._frequencies.clear()
            self._frequencies.update({(table, t): df for t, df in zip(missing, row)})
        return [self._frequencies[(table, t)] for t in terms]

    def _text_score(self, table: str, alias: str, f: Filters) -> tuple[str, list]:
        """A BM25 score of the query over the forms key of ``table`` (as
        ``alias``), each term weighted by its idf over the whole table; 0
        unless the list is sorted by relevance."""
        column = f"{alias}.fkey"
        if not f.text or f.sort != "relevance":  # the score only orders by relevance
            return "0.0::DOUBLE", []
        n = self._row_counts.get(table)
        if n is None:
            n = self._row_counts[table] = self._value(f"SELECT count(*) FROM {table}")
        weights = [round(math.log(1 + (n - df + 0.5) / (df + 0.5)), 6)
                   for df in self._document_frequencies(table, alias, f.text.terms)]
        sql, params = f.text.score(column, weights, self.avg_key_length.get(table, 1.0))
        return f"CAST({sql} AS DOUBLE)", params

    # --- lists ------------------------------------------------------------------

    def _list_sql(self, kind: str, f: Filters) -> tuple[str, list, str]:
        """(SELECT of the list's rows, its parameters, ORDER BY for ``f.sort``)."""
        return getattr(self, f"_list_{kind}")(f)

    def _list_statements(self, f: Filters) -> tuple[str, list, str]:
        fields = f"{STATEMENT_FIELDS}, q.n_copies, q.n_outlets, q.outlets AS carried_by"
        if not f.any:  # every quote: its original stands for it
            sql = f"""SELECT {fields}, 0.0::DOUBLE AS score, q.first_date AS _date, q.n_outlets AS _rank
                      FROM w_quotes q JOIN w_statements s ON s.id = q.quote_key"""
            params: list = []
        else:
            where, params = self._statement_where(f)
            score, score_params = self._text_score("w_statements", "s", f)
            rank = "g._score" if f.text else "q.n_outlets"
            sql = f"""
                WITH m AS (SELECT s.id, s.quote_key, s.eff_date, {score} AS score FROM w_statements s WHERE {where}),
                g AS (SELECT quote_key, arg_min(id, CASE WHEN id = quote_key THEN '' ELSE id END) AS id,
                             max(score) AS _score, min(eff_date) AS _date FROM m GROUP BY quote_key)
                SELECT {fields}, round(g._score, 4) AS score, g._date, {rank} AS _rank
                FROM g JOIN w_statements s ON s.id = g.id JOIN w_quotes q ON q.quote_key = g.quote_key"""
            params = score_params + params
        order = {
            "newest": "_date DESC NULLS LAST, id", "oldest": "_date ASC NULLS LAST, id",
            "relevance": "_rank DESC, _date DESC NULLS LAST, id", "count": "n_copies DESC, _date DESC NULLS LAST, id",
        }[f.sort]
        return sql, params, order

    def _list_claims(self, f: Filters) -> tuple[str, list, str]:
        parts, params = [], []
        if f.text:
            sql, p = f.text.predicate("c.fkey")
            parts.append(sql)
            params += p
        if f.status:
            parts.append("list_contains(?::VARCHAR[], c.status)")
            params.append(list(f.status))
        if f.claim:
            parts.append("list_contains(?::VARCHAR[], c.claim_id)")
            params.append(list(f.claim))
        statement_facets = replace(f, q="", status=(), claim=())
        if statement_facets.any:
            where, p = self._statement_where(statement_facets)
            parts.append(f"EXISTS (SELECT 1 FROM w_claim_links l JOIN w_statements s ON s.id = l.statement_id "
                         f"WHERE l.claim_id = c.claim_id AND {where})")
            params += p
        score, score_params = self._text_score("w_claims", "c", f)
        rank = "_score" if f.text else "n_denied"
        sql = f"""SELECT {CLAIM_FIELDS}, {score} AS _score, {rank} AS _rank FROM w_claims c
                  WHERE {' AND '.join(parts) or 'true'}"""
        order = {
            "newest": "last_date DESC NULLS LAST, claim_id", "oldest": "first_date ASC NULLS LAST, claim_id",
            "relevance": "_rank DESC, last_date DESC NULLS LAST, claim_id",
            "count": "n_statements DESC, last_date DESC NULLS LAST, claim_id",
        }[f.sort]
        return sql, score_params + params, order

    def _list_stories(self, f: Filters) -> tuple[str, list, str]:
        parts, params = [], []
        if f.text:
            sql, p = f.text.predicate("st.fkey")
            parts.append(sql)
            params += p
        if f.story:
            parts.append("list_contains(?::VARCHAR[], st.story_id)")
            params.append(list(f.story))
        if f.date_from:
            parts.append("st.date_to >= ?")
            params.append(f.date_from)
        if f.date_to:
            parts.append("st.date_from <= ?")
            params.append(f.date_to)
        if f.outlet:
            parts.append("list_has_any(st.outlets, ?::VARCHAR[])")
            params.append(list(f.outlet))
        counted = replace(f, q="", story=())
        match_params: list = []
        if counted.any:
            where, match_params = self._statement_where(counted)
            join = "JOIN" if f.by_statement else "LEFT JOIN"
            matching = (f"{join} (SELECT s.story_id, count(*) AS n FROM w_statements s WHERE {where} "
                        "AND s.story_id IS NOT NULL GROUP BY s.story_id) ms ON ms.story_id = st.story_id")
            n_matching = "coalesce(ms.n, 0)"
        else:
            matching, n_matching = "", "st.n_statements"
        score, score_params = self._text_score("w_stories", "st", f)
        rank = "_score" if f.text else "n_matching"
        sql = f"""SELECT {STORY_FIELDS}, {n_matching} AS n_matching, {score} AS _score, {rank} AS _rank
                  FROM w_stories st {matching} WHERE {' AND '.join(parts) or 'true'}"""
        order = {
            "newest": "date_to DESC NULLS LAST, n_articles DESC, story_id",
            "oldest": "date_from ASC NULLS LAST, n_articles DESC, story_id",
            "relevance": "_rank DESC, n_articles DESC, story_id",
            "count": "n_matching DESC, n_articles DESC, story_id",
        }[f.sort]
        return sql, score_params + match_params + params, order

    def _list_speakers(self, f: Filters) -> tuple[str, list, str]:
        where, params = self._statement_where(f, text=False)
        text_where, text_params = f.text.predicate("sp.fkey")
        score, score_params = self._text_score("w_speakers", "sp", f)
        rank = "_score" if f.text else "ms.n_quotes"
        sql = f"""
            WITH ms AS (SELECT speaker_key, count(*) AS n_statements, count(DISTINCT quote_key) AS n_quotes,
                               min(eff_date) AS date_from, max(eff_date) AS date_to
                        FROM w_statements s WHERE {where} AND speaker_key IS NOT NULL GROUP BY speaker_key)
            SELECT sp.speaker_key, sp.name, sp.name_ar, sp.kind, sp.country, sp.role,
                   ms.n_statements, ms.n_quotes, ms.date_from, ms.date_to, {score} AS _score, {rank} AS _rank
            FROM ms JOIN w_speakers sp USING (speaker_key) WHERE {text_where}"""
        order = {
            "newest": "date_to DESC NULLS LAST, n_quotes DESC, speaker_key",
            "oldest": "date_from ASC NULLS LAST, n_quotes DESC, speaker_key",
            "relevance": "_rank DESC, n_quotes DESC, speaker_key",
            "count": "n_quotes DESC, n_statements DESC, speaker_key",
        }[f.sort]
        return sql, score_params + params + text_params, order

    def _list_articles(self, f: Filters) -> tuple[str, list, str]:
        parts, params = [], []
        if f.text:
            sql, p = f.text.predicate("a.fkey")
            parts.append(sql)
            params += p
        _dated_by_outlet(f, "a.published", "a", parts, params)
        if f.story:
            parts.append("list_contains(?::VARCHAR[], a.story_id)")
            params.append(list(f.story))
        if f.by_statement:
            where, p = self._statement_where(Filters(speaker=f.speaker, country=f.country, stance=f.stance,
                                                     status=f.status, claim=f.claim))
            parts.append(f"EXISTS (SELECT 1 FROM w_statements s WHERE s.doc_id = a.doc_id "
                         f"AND s.article_index = a.article_index AND {where})")
            params += p
        score, score_params = self._text_score("w_articles", "a", f)
        rank = "_score" if f.text else "n_statements"
        sql = f"""SELECT {ARTICLE_FIELDS}, {score} AS _score, {rank} AS _rank FROM w_articles a
                  WHERE {' AND '.join(parts) or 'true'}"""
        order = {
            "newest": "published DESC NULLS LAST, doc_id, article_index",
            "oldest": "published ASC NULLS LAST, doc_id, article_index",
            "relevance": "_rank DESC, published DESC NULLS LAST, doc_id, article_index",
            "count": "n_statements DESC, published DESC NULLS LAST, doc_id, article_index",
        }[f.sort]
        return sql, score_params + params, order

    def _list_errors(self, f: Filters) -> tuple[str, list, str]:
        e, t = "e", "errors"
        parts, params = [], []
        if f.stage:
            parts.append("list_contains(?::VARCHAR[], stage)")
            params.append(list(f.stage))
        if f.q:
            parts.append("contains(lower(concat_ws(' ', doc_id, source, error)), lower(?))")
            params.append(f.q)
        sql = f"""SELECT * FROM (SELECT {self._str(t, 'doc_id', e)} AS doc_id,
                    coalesce(src.shown, {self._str(t, 'source', e)}) AS source,
                    {self._str(t, 'stage', e)} AS stage, {self._str(t, 'error', e)} AS error,
                    e._rowid AS _row
                  FROM {self._source(t)} e LEFT JOIN w_sources src ON src.source = {self._str(t, 'source', e)})
                  WHERE {' AND '.join(parts) or 'true'}"""
        return sql, params, "_row"

    def page(self, kind: str, f: Filters, limit: int = DEFAULT_LIMIT, offset: int = 0) -> dict:
        """One page of a list: ``{total, limit, offset, items}``."""
        sql, params, order = self._list_sql(kind, f)
        rows = self._rows(f"SELECT *, count(*) OVER () AS _total FROM ({sql}) ORDER BY {order} LIMIT ? OFFSET ?",
                          [*params, limit, offset])
        total = rows[0]["_total"] if rows else (
            self._value(f"SELECT count(*) FROM ({sql})", params) if offset else 0)
        for row in rows:
            row.pop("_total", None)
        if kind == "statements":
            self._add_carriers(rows)
        return {"total": total, "limit": limit, "offset": offset, "items": rows}

    def stream(self, kind: str, f: Filters) -> Iterator[dict]:
        """Every row of a list, in order, fetched a chunk at a time (for exports)."""
        sql, params, order = self._list_sql(kind, f)
        cur = self._root.cursor()
        try:
            cur.execute(f"SELECT * FROM ({sql}) ORDER BY {order}", params)
            names = [d[0] for d in cur.description]
            keep = [i for i, n in enumerate(names) if not n.startswith("_")]
            while chunk := cur.fetchmany(STREAM_CHUNK):
                for row in chunk:
                    yield {names[i]: _json_safe(row[i]) for i in keep}
        finally:
            cur.close()

    def _add_carriers(self, rows: list[dict]) -> None:
        """Every copy of each quote on the page: outlet, date, article."""
        keys = [r["quote_key"] for r in rows if r.get("n_copies", 1) > 1]
        if not keys:
            for r in rows:
                r["copies"] = []
            return
        copies = {}
        for r in self._rows(
            "SELECT quote_key, list({'id': id, 'doc_id': doc_id, 'article_index': article_index, 'outlet': outlet, "
            "'eff_date': CAST(eff_date AS VARCHAR), 'speaker_name': coalesce(speaker_name, speaker_name_ar), "
            "'article_title': article_title} ORDER BY eff_date NULLS LAST, id) AS copies "
            "FROM w_statements WHERE list_contains(?::VARCHAR[], quote_key) GROUP BY quote_key", [keys]
        ):
            copies[r["quote_key"]] = r["copies"][:DETAIL_ROWS]
        for r in rows:
            r["copies"] = copies.get(r["quote_key"], [])

    # --- pages ------------------------------------------------------------------

    def overview(self) -> dict:
        """Row counts and the run's date range."""
        counts = {}
        for table in ("w_articles", "w_statements", "w_quotes", "w_events", "w_stories", "w_claims", "w_speakers"):
            counts[table.removeprefix("w_")] = self._value(f"SELECT count(*) FROM {table}")
        counts["errors"] = self._value(f"SELECT count(*) FROM {self._source('errors')}")
        counts["contested_claims"] = self._value("SELECT count(*) FROM w_claims WHERE n_denied > 0")
        first, last = self._con().execute("SELECT min(published), max(published) FROM w_articles").fetchone()
        if first is None:  # no publication dates: where most statement dates lie
            first, last = _main_range(dict(self._con().execute(
                "SELECT eff_date, count(*) FROM w_statements WHERE eff_date IS NOT NULL GROUP BY 1").fetchall()))
        undated = self._value("SELECT count(*) FROM w_statements WHERE eff_date IS NULL")
        dated_articles = self._value("SELECT count(published) FROM w_articles")
        return {"counts": counts, "date_from": _json_safe(first), "date_to": _json_safe(last),
                "undated_statements": undated, "dated_articles": dated_articles}

    def front(self, f: Filters) -> dict:
        """What is contested now: contested claims, latest denials, busiest
        stories, most quoted speakers, all within the filters."""
        sql, params, _ = self._list_sql("claims", f)
        claims = self._rows(
            f"SELECT * FROM ({sql}) WHERE n_denied > 0 "
            "ORDER BY coalesce(last_denial, last_date) DESC NULLS LAST, n_denied DESC, claim_id LIMIT 10", params)
        denials = self.page("statements", replace(f, stance=f.stance or DENIALS, sort="newest"), 10)
        for d in denials["items"]:
            d["denies"] = self._denied_by(d)
        return {
            "overview": self.overview(),
            "filters": f.as_dict(),
            "contested_claims": claims,
            "latest_denials": denials,
            "busiest_stories": self.page("stories", replace(f, sort="count"), 10),
            "most_quoted": self.page("speakers", replace(f, sort="count"), 10),
            "charts": {
                "statements_by_stance": self.counts_over_time(f, "statements", "stance"),
                "statements_by_outlet": self.counts_over_time(f, "statements", "outlet"),
                "events_by_type": self.counts_over_time(f, "events", "event_type"),
            },
        }

    def _denied_by(self, statement: dict) -> dict | None:
        """What a denial denies: its claim, the statement it answers, or the text it names."""
        claim = self._one(
            "SELECT c.claim_id, c.claimant, c.content FROM w_claim_links l JOIN w_claims c USING (claim_id) "
            "WHERE l.statement_id = ? ORDER BY c.claim_id LIMIT 1", [statement["id"]])
        if claim:
            return {"kind": "claim", **claim}
        if statement.get("responds_to"):
            answered = self._one("SELECT id, coalesce(speaker_name, speaker_name_ar) AS claimant, content "
                                 "FROM w_statements WHERE id = ?", [statement["responds_to"]])
            if answered:
                return {"kind": "statement", **answered}
        text = self._value("SELECT denied_text FROM w_statements WHERE id = ?", [statement["id"]])
        return {"kind": "text", "content": text} if text else None

    def story(self, story_id: str) -> dict | None:
        story = self._one(f"SELECT {STORY_FIELDS} FROM w_stories st WHERE st.story_id = ?", [story_id])
        if story is None:
            return None
        story["articles"] = self._rows(
            f"SELECT {ARTICLE_FIELDS} FROM w_story_articles sa JOIN w_articles a USING (doc_id, article_index) "
            "WHERE sa.story_id = ? ORDER BY a.published NULLS LAST, sa.ord LIMIT ?", [story_id, DETAIL_ROWS])
        statements = self.page("statements", Filters(story=(story_id,), sort="oldest"), DETAIL_ROWS)
        story["statements"] = statements["items"]
        story["n_statement_rows"] = statements["total"]
        story["events"] = self._rows(
            f"SELECT {EVENT_FIELDS} FROM w_events e WHERE e.story_id = ? ORDER BY e.eff_date NULLS LAST, e.id LIMIT ?",
            [story_id, DETAIL_ROWS])
        story["claims"] = self._rows(
            f"SELECT {CLAIM_FIELDS} FROM w_claims c WHERE c.claim_id IN (SELECT l.claim_id FROM w_claim_links l "
            "JOIN w_statements s ON s.id = l.statement_id WHERE s.story_id = ?) "
            "ORDER BY c.last_date DESC NULLS LAST, c.claim_id LIMIT ?", [story_id, DETAIL_ROWS])
        mine = Filters(story=(story_id,))
        story["charts"] = {
            "statements_by_stance": self.counts_over_time(mine, "statements", "stance"),
            "statements_by_outlet": self.counts_over_time(mine, "statements", "outlet"),
            "events_by_type": self.counts_over_time(mine, "events", "event_type"),
        }
        return story

    def claim(self, claim_id: str) -> dict | None:
        claim = self._one(f"SELECT {CLAIM_FIELDS}, c.asserted_by, c.denied_by, c.confirmed_by FROM w_claims c "
                          "WHERE c.claim_id = ?", [claim_id])
        if claim is None:
            return None
        raw = self._one(f"SELECT to_json(c)::VARCHAR AS j FROM {self._record('claims')} c "
                        f"WHERE {self._str('claims', 'claim_id', 'c')} = ?", [claim_id])
        known = {"claim_id", "claimant", "content", "status", "asserted_by", "denied_by", "confirmed_by"}
        claim["extra"] = {k: v for k, v in json.loads(raw["j"]).items() if k not in known} if raw else {}
        # one row a quote: wire copies of a statement are its carriers
        rows = self._rows(
            f"""WITH linked AS (SELECT l.role, s.* FROM w_claim_links l JOIN w_statements s ON s.id = l.statement_id
                                WHERE l.claim_id = ?),
                g AS (SELECT quote_key, arg_min(id, CASE WHEN id = quote_key THEN '' ELSE id END) AS id,
                             min(CASE role WHEN 'asserted' THEN 0 WHEN 'denied' THEN 1 WHEN 'confirmed' THEN 2 ELSE 3 END)
                               AS _role_order, min(eff_date) AS _date FROM linked GROUP BY quote_key)
                SELECT s.role, {STATEMENT_FIELDS}, q.n_copies, q.n_outlets, q.outlets AS carried_by
                FROM g JOIN linked s ON s.id = g.id JOIN w_quotes q ON q.quote_key = g.quote_key
                ORDER BY g._date NULLS LAST, g._role_order, s.id LIMIT ?""",
            [claim_id, DETAIL_ROWS])
        self._add_carriers(rows)
        for row in rows:
            row["chain"] = attribution_chain(row)
        claim["chronology"] = rows
        claim["by_role"] = self._claim_speakers(claim_id)
        claim["missing_statements"] = self._rows(
            "SELECT statement_id, role FROM w_claim_links l WHERE claim_id = ? "
            "AND NOT EXISTS (SELECT 1 FROM w_statements s WHERE s.id = l.statement_id) LIMIT ?",
            [claim_id, DETAIL_ROWS])
        asserters = {row["chain"][0] for row in rows if row["role"] == "asserted"}
        relayers: dict[str, None] = {}
        for row in rows:
            if row["role"] == "asserted":
                for name in row["chain"][1:]:
                    if name not in asserters:
                        relayers.setdefault(name)
                for copy in row["copies"]:
                    if copy["outlet"] and copy["outlet"] not in asserters:
                        relayers.setdefault(copy["outlet"])
        claim["relayed_by"] = list(relayers)
        claim["stories"] = self._rows(
            "SELECT DISTINCT st.story_id, st.title FROM w_claim_links l JOIN w_statements s ON s.id = l.statement_id "
            "JOIN w_stories st ON st.story_id = s.story_id WHERE l.claim_id = ? ORDER BY st.story_id LIMIT ?",
            [claim_id, DETAIL_ROWS])
        mine = Filters(claim=(claim_id,))
        claim["charts"] = {
            "statements_by_stance": self.counts_over_time(mine, "statements", "stance"),
            "statements_by_outlet": self.counts_over_time(mine, "statements", "outlet"),
        }
        return claim

    def _claim_speakers(self, claim_id: str) -> dict[str, list[dict]]:
        """Who asserted, denied or confirmed a claim: each speaker once, with
        how many quotes, the first date and the outlets that carried them."""
        out: dict[str, list[dict]] = {}
        for row in self._rows(
            "SELECT l.role, s.speaker_key, any_value(s.speaker_name) AS speaker_name, "
            "any_value(s.speaker_name_ar) AS speaker_name_ar, count(DISTINCT s.quote_key) AS n_quotes, "
            "min(s.eff_date) AS first_date, list(DISTINCT s.outlet ORDER BY s.outlet) FILTER (WHERE s.outlet IS NOT NULL) "
            "AS outlets FROM w_claim_links l JOIN w_statements s ON s.id = l.statement_id WHERE l.claim_id = ? "
            "GROUP BY ALL ORDER BY first_date NULLS LAST, n_quotes DESC, speaker_key", [claim_id]
        ):
            out.setdefault(row.pop("role"), []).append(row)
        return out

    def speaker(self, key: str, f: Filters, limit: int, offset: int) -> dict | None:
        speaker = self._one("SELECT speaker_key, name, name_ar, kind, country, role, n_statements, n_quotes, "
                            "date_from, date_to FROM w_speakers WHERE speaker_key = ?", [key])
        if speaker is None:
            return None
        mine = replace(f, speaker=(key,))
        speaker["stance_counts"] = dict(self._con().execute(
            "SELECT stance, count(*) FROM w_statements WHERE speaker_key = ? GROUP BY stance ORDER BY 2 DESC, 1",
            [key]).fetchall())
        speaker["filters"] = f.as_dict()
        speaker["statements"] = self.page("statements", mine, limit, offset)
        speaker["charts"] = {
            "statements_by_stance": self.counts_over_time(mine, "statements", "stance"),
            "statements_by_outlet": self.counts_over_time(mine, "statements", "outlet"),
        }
        return speaker

    def article(self, doc_id: str, article_index: int) -> dict | None:
        """The article with its page text and the raw rows whose spans point into it."""
        raw = self._one(
            f"SELECT to_json(a)::VARCHAR AS j FROM {self._record('articles')} a "
            f"WHERE {self._str('articles', 'doc_id', 'a')} = ? AND {self._col('articles', 'article_index', 'a')} = ?",
            [doc_id, article_index],
        )
        if raw is None:
            return None
        article = self._one(f"SELECT {ARTICLE_FIELDS}, a.dateline FROM w_articles a "
                            "WHERE doc_id = ? AND article_index = ?", [doc_id, article_index])
        article["record"] = self._shown_record(json.loads(raw["j"]))
        text_row = None
        if self._has("documents", "text"):
            text_row = self._one("SELECT text FROM v_documents WHERE doc_id = ? LIMIT 1", [doc_id])
        article["page_text"] = text_row["text"] if text_row else None
        article["statements"] = self._rows(
            f"SELECT {STATEMENT_FIELDS} FROM w_statements s WHERE s.doc_id = ? AND s.article_index = ? "
            "ORDER BY s.sentence_start NULLS LAST, s.id LIMIT ?", [doc_id, article_index, DETAIL_ROWS])
        article["statement_records"] = self._raw_rows("statements", doc_id, article_index)
        article["events"] = self._rows(
            f"SELECT {EVENT_FIELDS} FROM w_events e WHERE doc_id = ? AND article_index = ? ORDER BY id LIMIT ?",
            [doc_id, article_index, DETAIL_ROWS])
        article["event_records"] = self._raw_rows("events", doc_id, article_index)
        article["siblings"] = self._rows(
            "SELECT article_index, title FROM w_articles WHERE doc_id = ? ORDER BY article_index LIMIT ?",
            [doc_id, DETAIL_ROWS])
        article["stories"] = self._rows(
            "SELECT st.story_id, st.title FROM w_story_articles sa JOIN w_stories st USING (story_id) "
            "WHERE sa.doc_id = ? AND sa.article_index = ? ORDER BY st.story_id", [doc_id, article_index])
        return article

    def _shown_record(self, record: dict) -> dict:
        """A stored row with its ``source`` relative to the inputs."""
        if isinstance(record.get("source"), str):
            record["source"] = shown_source(record["source"], self.source_roots)
        return record

    def _raw_rows(self, table: str, doc_id: str, article_index: int) -> list[dict]:
        if table not in self.columns:
            return []
        rows = self._rows(
            f"SELECT to_json(t)::VARCHAR AS j FROM {self._record(table)} t WHERE {self._str(table, 'doc_id', 't')} = ? "
            f"AND {self._col(table, 'article_index', 't')} = ? LIMIT ?",
            [doc_id, article_index, DETAIL_ROWS],
        )
        return [json.loads(r["j"]) for r in rows]

    def statement(self, statement_id: str) -> dict | None:
        row = self._one(f"SELECT {STATEMENT_FIELDS}, q.n_copies, q.n_outlets, q.outlets AS carried_by "
                        "FROM w_statements s JOIN w_quotes q USING (quote_key) WHERE s.id = ?", [statement_id])
        if row is None:
            return None
        raw = self._one(f"SELECT to_json(s)::VARCHAR AS j FROM {self._record('statements')} s "
                        f"WHERE {self._str('statements', 'id', 's')} = ? LIMIT 1", [statement_id])
        row["record"] = json.loads(raw["j"]) if raw else {}
        row["chain"] = attribution_chain(row)
        row["claims"] = self._rows(
            "SELECT l.role, c.claim_id, c.content FROM w_claim_links l JOIN w_claims c USING (claim_id) "
            "WHERE l.statement_id = ? ORDER BY c.claim_id", [statement_id])
        row["responds_to_claim"] = self._one(
            "SELECT claim_id, content FROM w_claims WHERE claim_id = ?", [row["responds_to"]]
        ) if row["responds_to"] else None
        row["responds_to_statement"] = self._one(
            f"SELECT {STATEMENT_FIELDS} FROM w_statements s WHERE s.id = ?", [row["responds_to"]]
        ) if row["responds_to"] else None
        row["responses"] = self._rows(
            f"SELECT {STATEMENT_FIELDS} FROM w_statements s WHERE s.responds_to = ? "
            "ORDER BY s.eff_date NULLS LAST, s.id LIMIT ?", [statement_id, DETAIL_ROWS])
        self._add_carriers([row])
        row["copies"] = [c for c in row["copies"] if c["id"] != statement_id]
        return row

    def run_info(self) -> dict:
        """How the run was made (its ``run.json``), what it holds, what failed."""
        manifest = read_manifest(self.folder)
        if manifest.get("inputs"):
            manifest["inputs"] = [shown_source(i, self.source_roots) if i != "-" else "standard input"
                                  for i in manifest["inputs"]]
        stat = self.db_path.stat()
        tables = {t: self._value(f"SELECT count(*) FROM v_{t}") for t in self.columns}
        stages = dict(self._con().execute(
            f"SELECT {self._str('errors', 'stage', 'e')}, count(*) FROM {self._source('errors')} e GROUP BY 1 ORDER BY 2 DESC"
        ).fetchall()) if "errors" in self.columns else {}
        return {
            "manifest": manifest, "database": {"file": self.db_path.name, "bytes": stat.st_size,
                                               "modified": datetime.fromtimestamp(stat.st_mtime).isoformat(timespec="seconds"),
                                               "opened_in_seconds": round(self.build_seconds, 3)},
            "tables": tables, "error_stages": stages, "overview": self.overview(),
        }

    # --- counts over time -----------------------------------------------------

    def counts_over_time(self, f: Filters, what: str, by: str) -> dict:
        """Rows of ``what`` (statements or events) matching ``f``, counted per
        period and per ``by`` (stance, outlet, event_type): see :meth:`_chart`."""
        if what == "events":
            parts, params = [], []
            for value, sql in ((f.date_from, "e.eff_date >= ?"), (f.date_to, "e.eff_date <= ?")):
                if value:
                    parts.append(sql)
                    params.append(value)
            if f.outlet:
                parts.append("(list_contains(?::VARCHAR[], e.outlet) OR list_has_any(e.agencies, ?::VARCHAR[]))")
                params += [list(f.outlet), list(f.outlet)]
            if f.story:
                parts.append("list_contains(?::VARCHAR[], e.story_id)")
                params.append(list(f.story))
            sql = f"SELECT e.eff_date AS d, coalesce(e.{by}, 'other') AS k FROM w_events e WHERE {' AND '.join(parts) or 'true'}"
            return self._chart(sql, params)
        where, params = self._statement_where(f)
        sql = f"SELECT s.eff_date AS d, coalesce(s.{by}, 'unknown') AS k FROM w_statements s WHERE {where}"
        return self._chart(sql, params, order=list(self.stances) if by == "stance" else None)

    def _chart(self, sql: str, params: list, order: list[str] | None = None, top: int = 6) -> dict:
        """Counts of ``sql``'s rows (columns ``d``: a date, ``k``: a series)
        per period: days when the dates span up to 62 days, else weeks
        (Mondays) up to two years, else months.  Series beyond the ``top``
        largest are summed as ``other``.  Rows without a full date are counted
        apart (``undated``); so are the few dated far from the rest
        (``before`` and ``after``, see :func:`_main_range`), so that one
        stray year does not flatten the chart."""
        pairs = self._con().execute(f"SELECT d, k, count(*) FROM ({sql}) GROUP BY ALL", params).fetchall()
        totals: dict[str, int] = {}
        dated: dict[date, int] = {}
        for d, k, n in pairs:
            totals[k] = totals.get(k, 0) + n
            if d is not None:
                dated[d] = dated.get(d, 0) + n
        ranked = sorted(totals, key=lambda k: (-totals[k], k))
        keys = [k for k in order if k in totals] + [k for k in ranked if k not in order] if order else ranked
        chosen = set(sorted(keys, key=lambda k: (-totals[k], k))[:top])
        shown = [k for k in keys if k in chosen] + (["other"] if len(keys) > top else [])
        first, last = _main_range(dated)
        unit = "day"
        if first is not None:
            days = (last - first).days
            unit = "day" if days <= 62 else "week" if days <= 730 else "month"
        periods = _periods(first, last, unit) if first is not None else []
        index = {p: i for i, p in enumerate(periods)}
        counts = {k: [0] * len(periods) for k in shown}
        apart = {name: dict.fromkeys(shown, 0) for name in ("undated", "before", "after")}
        for d, k, n in pairs:
            series = k if k in chosen else "other"
            if d is None:
                apart["undated"][series] += n
            elif d < first:
                apart["before"][series] += n
            elif d > last:
                apart["after"][series] += n
            else:
                counts[series][index[_period_start(d, unit)]] += n
        return {"unit": unit, "periods": [p.isoformat() for p in periods], "series": shown, "counts": counts,
                **apart, "range": [_json_safe(first), _json_safe(last)], "total": sum(totals.values())}


def _main_range(dated: dict[date, int], fence: float = 3.0) -> tuple[date | None, date | None]:
    """The range of the dates (with their counts), without the far ones:
    dates more than ``fence`` interquartile ranges before the first quartile
    or after the third (Tukey's far-out fences, in days)."""
    if not dated:
        return None, None
    days = sorted(dated)
    n = sum(dated.values())

    def quantile(q: float) -> date:
        seen = 0
        for d in days:
            seen += dated[d]
            if seen >= q * n:
                return d
        return days[-1]

    q1, q3 = quantile(0.25), quantile(0.75)
    spread = max((q3 - q1).days, 7)
    low, high = q1.toordinal() - fence * spread, q3.toordinal() + fence * spread
    kept = [d for d in days if low <= d.toordinal() <= high]
    return kept[0], kept[-1]


def _period_start(d: date, unit: str) -> date:
    if unit == "day":
        return d
    if unit == "week":
        return date.fromordinal(d.toordinal() - d.weekday())
    return date(d.year, d.month, 1)


def _periods(first: date, last: date, unit: str) -> list[date]:
    """Every period start from ``first``'s to ``last``'s."""
    if unit == "day":
        return [date.fromordinal(d) for d in range(first.toordinal(), last.toordinal() + 1)]
    if unit == "week":
        start = first.toordinal() - first.weekday()
        return [date.fromordinal(d) for d in range(start, last.toordinal() + 1, 7)]
    out, (y, m) = [], (first.year, first.month)
    while (y, m) <= (last.year, last.month):
        out.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


STATEMENT_FIELDS = (
    "s.id, s.doc_id, s.article_index, s.speaker_key, s.speaker_name, s.speaker_name_ar, s.speaker_kind, "
    "s.speaker_country, s.speaker_role, s.entity_id, s.cue, s.mode, s.stance, s.content, s.via, s.date, "
    "s.eff_date, s.responds_to, s.published, s.outlet, s.agencies, s.article_title, s.story_id, s.quote_key"
)
CLAIM_FIELDS = (
    "c.claim_id, c.claimant, c.content, c.status, c.n_asserted, c.n_denied, c.n_confirmed, c.n_statements, "
    "c.first_date, c.last_date, c.last_denial, c.deniers, c.outlets"
)
STORY_FIELDS = (
    "st.story_id, st.title, st.date_from, st.date_to, st.n_articles, st.n_statements, st.n_quotes, "
    "st.n_speakers, st.speakers, st.outlets"
)
ARTICLE_FIELDS = (
    "a.doc_id, a.article_index, a.title, a.title_kind, a.published, a.outlet, a.agencies, a.story_id, "
    "a.n_statements, a.source"
)
EVENT_FIELDS = (
    "e.id, e.doc_id, e.article_index, e.event_type, e.mode, e.cameo, e.status, e.actor, e.recipient, e.location, "
    "e.date, e.eff_date, e.reported_by, e.outlet"
)


def read_manifest(folder: Path) -> dict:
    """The run's ``run.json``, or {} when it has none (older runs) or it is unreadable."""
    try:
        manifest = json.loads((Path(folder) / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def file_signature(path: Path) -> tuple[int, int, int]:
    """What changes when ``isnad run`` replaces the file."""
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


class LiveRun:
    """The run being served: reopened when its database file is replaced.

    At most once a second a request checks the file; the first to see a new
    one opens it while the others go on with the data they have; a run that
    fails to open is logged and the previous one kept.
    """

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.data = RunData(self.out_dir)
        self._checked = time.monotonic()
        self._lock = threading.Lock()
        self.failed: str | None = None

    def current(self) -> RunData:
        now = time.monotonic()
        if now - self._checked >= RELOAD_CHECK_SECONDS and self._lock.acquire(blocking=False):
            try:
                self._checked = now
                self._reload_if_replaced()
            finally:
                self._lock.release()
        return self.data

    def _reload_if_replaced(self) -> None:
        try:
            signature = file_signature(find_db(self.out_dir))
        except (OSError, RunOpenError):
            return  # between two files of a publish, or gone: keep what we have
        if signature == self.data.signature:
            return
        try:
            fresh = RunData(self.out_dir)
        except RunOpenError as e:
            if self.failed != str(e):
                LOG.warning("isnad: keeping the previous run: %s", e)
            self.failed = str(e)
            return
        self.failed = None
        LOG.warning("isnad: serving the new run in %s", self.out_dir)
        self.data = fresh  # the old one closes when its last request lets it go


def attribution_chain(statement: dict) -> list[str]:
    """Who carried the statement: its speaker, then ``via`` (nearest first),
    then the article's agencies and outlet."""
    chain = [statement.get("speaker_name") or statement.get("speaker_name_ar") or "?"]
    for name in [*(statement.get("via") or []), *(statement.get("agencies") or []), statement.get("outlet")]:
        if name and name not in chain:
            chain.append(name)
    return chain


def spans_of(record: dict, prefix: str = "") -> list[tuple[str, list[int]]]:
    """Every ``*_span`` / ``*_spans`` field of a raw record except body spans,
    as (field name, [start, end]) pairs; a nested object's ``span`` takes the
    object's name (``denied_claim: {text, span}`` gives ``denied_claim``)."""
    out = []
    for key, value in record.items():
        if not prefix and key in _BODY_SPANS:
            continue
        if isinstance(value, dict):
            out.extend(spans_of(value, key))
        elif key in ("span", "spans") and prefix:
            out.extend((prefix, v) for v in (value if key == "spans" else [value]) if _is_span(v))
        elif key.endswith("_span") and _is_span(value):
            out.append((key.removesuffix("_span"), value))
        elif key.endswith("_spans") and isinstance(value, list):
            out.extend((key.removesuffix("_spans"), v) for v in value if _is_span(v))
    return out


def _is_span(value: object) -> bool:
    return (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value))
