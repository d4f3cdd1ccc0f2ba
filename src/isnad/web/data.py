"""Read-only access to a run's DuckDB file for the web view.

The run file is attached READ_ONLY to an in-memory DuckDB database; at
startup a few working tables (``w_*``) are derived from it in memory, with
every optional column tolerated (a missing column reads as NULL) and every
nested value read through JSON, so the view works whatever types the JSONL
loader inferred.  Statements get a search key folded with
``isnad.text.fold_key``, the same folding as the rest of isnad.  Every query
is parameterised; every list is bounded by ``MAX_LIMIT``.
"""
from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import duckdb

from ..store import DUCKDB_FILE, published_dir
from ..text import fold_key

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
MAX_OFFSET = 100_000
MAX_QUERY_CHARS = 200
STANCES = ("assert", "deny", "confirm", "decline_comment", "reject", "accuse", "question")
FULL_DATE = r"^\d{4}-\d{2}-\d{2}$"
_DATE_PREFIX_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Spans drawn in their own way on the article page; every other ``*_span(s)``
# field of a row is highlighted under its field name.
_BODY_SPANS = {"content_span", "sentence_span", "span", "segments"}
# Names a corpus step may give a story's date range.
_STORY_RANGE_COLUMNS = (("date_from", "date_to"), ("first_date", "last_date"), ("start_date", "end_date"))

_MACROS = (
    "CREATE MACRO obj_str(j, key) AS CASE WHEN json_type(j) = 'OBJECT' THEN json_extract_string(j, '$.' || key) END",
    "CREATE MACRO span_at(j, i) AS CASE WHEN json_type(j) = 'ARRAY' "
    "THEN TRY_CAST(json_extract_string(j, '$[' || i || ']') AS BIGINT) END",
    "CREATE MACRO str_list(j) AS CASE WHEN json_type(j) = 'ARRAY' THEN from_json(j, '[\"VARCHAR\"]') "
    "WHEN json_type(j) = 'VARCHAR' THEN [json_extract_string(j, '$')] ELSE []::VARCHAR[] END",
    "CREATE MACRO label(j) AS CASE json_type(j) WHEN 'OBJECT' THEN coalesce(json_extract_string(j, '$.name'), "
    "json_extract_string(j, '$.name_ar'), j::VARCHAR) WHEN 'VARCHAR' THEN json_extract_string(j, '$') "
    "WHEN 'NULL' THEN NULL ELSE j::VARCHAR END",
)


def clamp_limit(value: object, default: int = DEFAULT_LIMIT) -> int:
    """A page size in ``[1, MAX_LIMIT]``; anything unreadable gives ``default``."""
    try:
        n = int(str(value))
    except (TypeError, ValueError):
        return default
    return max(1, min(MAX_LIMIT, n))


def clamp_offset(value: object) -> int:
    try:
        n = int(str(value))
    except (TypeError, ValueError):
        return 0
    return max(0, min(MAX_OFFSET, n))


def find_db(out_dir: Path) -> Path:
    """The DuckDB file of a run folder (or the file itself)."""
    path = Path(out_dir)
    db = path if path.is_file() else published_dir(path) / DUCKDB_FILE
    if not db.is_file():
        raise FileNotFoundError(f"no {DUCKDB_FILE} in {path}")
    return db


class RunData:
    """Queries over one run; safe to share between threads."""

    def __init__(self, out_dir: Path):
        self.db_path = find_db(out_dir)
        self._root = duckdb.connect(":memory:")
        quoted = str(self.db_path).replace("'", "''")
        self._root.execute(f"ATTACH '{quoted}' AS run (READ_ONLY)")
        self._root.execute("SET enable_external_access = false")
        self._local = threading.local()
        self.columns = self._read_columns()
        for macro in _MACROS:
            self._root.execute(macro)
        self._build()

    # --- connection ---------------------------------------------------------

    def _con(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own for each thread (connections are not thread-safe)."""
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._local.con = self._root.cursor()
        return con

    def _rows(self, sql: str, params: list | None = None) -> list[dict]:
        cur = self._con().execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def _one(self, sql: str, params: list | None = None) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

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

    def _col(self, table: str, name: str, alias: str) -> str:
        """The column as SQL, or NULL when the run's table lacks it."""
        return f'{alias}."{name}"' if name in self.columns.get(table, {}) else "NULL"

    def _json(self, table: str, name: str, alias: str) -> str:
        return f"to_json({self._col(table, name, alias)})" if name in self.columns.get(table, {}) else "NULL::JSON"

    def _str(self, table: str, name: str, alias: str) -> str:
        return f"CAST({self._col(table, name, alias)} AS VARCHAR)"

    def _source(self, table: str) -> str:
        """The run's table, or an empty stand-in when the run has none."""
        return f"run.{table}" if table in self.columns else "(SELECT NULL AS _none WHERE false)"

    def _build(self) -> None:
        run = self._root
        a, s, e = "a", "s", "e"
        run.execute(f"""
            CREATE TABLE w_articles AS SELECT
              {self._str('articles', 'doc_id', a)} AS doc_id,
              CAST({self._col('articles', 'article_index', a)} AS INTEGER) AS article_index,
              {self._str('articles', 'source', a)} AS source,
              {self._str('articles', 'title', a)} AS title,
              {self._str('articles', 'published', a)} AS published,
              {self._str('articles', 'outlet', a)} AS outlet,
              str_list({self._json('articles', 'agencies', a)}) AS agencies,
              {self._str('articles', 'dateline', a)} AS dateline
            FROM {self._source('articles')} a""")
        speaker = self._json("statements", "speaker", s)
        run.execute(f"""
            CREATE TABLE w_statements_raw AS SELECT
              {self._str('statements', 'id', s)} AS id,
              {self._str('statements', 'doc_id', s)} AS doc_id,
              CAST({self._col('statements', 'article_index', s)} AS INTEGER) AS article_index,
              CASE WHEN json_type({speaker}) = 'VARCHAR' THEN json_extract_string({speaker}, '$')
                   ELSE obj_str({speaker}, 'name') END AS speaker_name,
              obj_str({speaker}, 'name_ar') AS speaker_name_ar,
              obj_str({speaker}, 'kind') AS speaker_kind,
              upper(obj_str({speaker}, 'country')) AS speaker_country,
              obj_str({speaker}, 'role') AS speaker_role,
              obj_str({speaker}, 'entity_id') AS entity_id,
              {self._str('statements', 'cue', s)} AS cue,
              {self._str('statements', 'mode', s)} AS mode,
              {self._str('statements', 'stance', s)} AS stance,
              {self._str('statements', 'content', s)} AS content,
              span_at({self._json('statements', 'sentence_span', s)}, 0) AS sentence_start,
              span_at({self._json('statements', 'sentence_span', s)}, 1) AS sentence_end,
              str_list({self._json('statements', 'via', s)}) AS via,
              {self._str('statements', 'date', s)} AS date,
              {self._str('statements', 'responds_to', s)} AS responds_to
            FROM {self._source('statements')} s""")
        run.execute("""
            CREATE TABLE w_statements_base AS SELECT s.*,
              coalesce(s.entity_id, s.speaker_name, s.speaker_name_ar) AS speaker_key,
              coalesce(s.date, a.published) AS eff_date,
              a.published, a.outlet, a.agencies, a.title AS article_title
            FROM w_statements_raw s LEFT JOIN w_articles a USING (doc_id, article_index)""")
        self._add_search_keys()
        run.execute(f"""
            CREATE TABLE w_events AS SELECT
              {self._str('events', 'id', e)} AS id,
              {self._str('events', 'doc_id', e)} AS doc_id,
              CAST({self._col('events', 'article_index', e)} AS INTEGER) AS article_index,
              {self._str('events', 'event_type', e)} AS event_type,
              {self._str('events', 'mode', e)} AS mode,
              {self._str('events', 'cameo', e)} AS cameo,
              {self._str('events', 'status', e)} AS status,
              label({self._json('events', 'actor', e)}) AS actor,
              label({self._json('events', 'recipient', e)}) AS recipient,
              label({self._json('events', 'location', e)}) AS location,
              {self._str('events', 'date', e)} AS date,
              {self._str('events', 'reported_by', e)} AS reported_by
            FROM {self._source('events')} e""")
        run.execute("""
            CREATE TABLE w_events_dated AS SELECT ev.*, coalesce(ev.date, a.published) AS eff_date
            FROM w_events ev LEFT JOIN w_articles a USING (doc_id, article_index)""")
        self._build_stories()
        self._build_claims()
        run.execute(f"""
            CREATE TABLE w_speakers AS SELECT speaker_key,
              mode(speaker_name) AS name, mode(speaker_name_ar) AS name_ar, mode(speaker_kind) AS kind,
              mode(speaker_country) AS country, mode(speaker_role) AS role, count(*) AS n_statements,
              min(eff_date) FILTER (WHERE regexp_matches(eff_date, '{FULL_DATE}')) AS date_from,
              max(eff_date) FILTER (WHERE regexp_matches(eff_date, '{FULL_DATE}')) AS date_to
            FROM w_statements WHERE speaker_key IS NOT NULL GROUP BY speaker_key""")
        self.countries = [r[0] for r in run.execute(
            "SELECT DISTINCT speaker_country FROM w_statements WHERE speaker_country IS NOT NULL ORDER BY 1"
        ).fetchall()]
        found = {r[0] for r in run.execute("SELECT DISTINCT stance FROM w_statements WHERE stance IS NOT NULL").fetchall()}
        self.stances = [*STANCES, *sorted(found - set(STANCES))]

    def _add_search_keys(self) -> None:
        """Fold content, speaker names, role and sentence of every statement."""
        has_text = "text" in self.columns.get("documents", {})
        sentence = (
            "substring(d.text, s.sentence_start + 1, s.sentence_end - s.sentence_start)" if has_text else "NULL"
        )
        join = "LEFT JOIN run.documents d ON d.doc_id = s.doc_id" if has_text else ""
        rows = self._root.execute(f"""
            SELECT s.rowid, concat_ws(' ', s.content, s.speaker_name, s.speaker_name_ar, s.speaker_role,
                                      s.entity_id, s.cue, {sentence}),
                   concat_ws(' ', s.speaker_name, s.speaker_name_ar, s.speaker_role, s.entity_id)
            FROM w_statements_base s {join}""").fetchall()
        row_ids = [r[0] for r in rows]
        search_keys = [fold_key(r[1] or "") for r in rows]
        speaker_keys = [fold_key(r[2] or "") for r in rows]
        self._root.execute(
            "CREATE TABLE w_keys AS SELECT unnest(?::BIGINT[]) AS row_id, unnest(?::VARCHAR[]) AS search_key, "
            "unnest(?::VARCHAR[]) AS speaker_search",
            [row_ids, search_keys, speaker_keys],
        )
        self._root.execute("""
            CREATE TABLE w_statements AS SELECT s.*, k.search_key, k.speaker_search
            FROM w_statements_base s JOIN w_keys k ON k.row_id = s.rowid""")
        self._root.execute("DROP TABLE w_keys")
        self._root.execute("DROP TABLE w_statements_base")
        self._root.execute("DROP TABLE w_statements_raw")

    def _build_stories(self) -> None:
        run, t = self._root, "stories"
        run.execute(f"""
            CREATE TABLE w_story_articles AS
            WITH st AS (
              SELECT {self._str(t, 'story_id', 'st')} AS story_id,
                     from_json({self._json(t, 'articles', 'st')},
                               '[{{"doc_id":"VARCHAR","article_index":"INTEGER"}}]') AS arts
              FROM {self._source(t)} st)
            SELECT story_id, unnest(arts).doc_id AS doc_id, unnest(arts).article_index AS article_index,
                   generate_subscripts(arts, 1) AS ord
            FROM st WHERE json_type(to_json(arts)) = 'ARRAY'""")
        given_from, given_to = "NULL", "NULL"
        for first, last in _STORY_RANGE_COLUMNS:
            if first in self.columns.get(t, {}) and last in self.columns.get(t, {}):
                given_from, given_to = self._str(t, first, "st"), self._str(t, last, "st")
                break
        run.execute(f"""
            CREATE TABLE w_stories AS
            WITH ss AS (
              SELECT sa.story_id, s.speaker_key, s.speaker_name, s.eff_date
              FROM w_story_articles sa JOIN w_statements s USING (doc_id, article_index)),
            sp AS (SELECT story_id, speaker_key, any_value(speaker_name) AS name, count(*) AS n
                   FROM ss WHERE speaker_key IS NOT NULL GROUP BY ALL),
            top AS (SELECT story_id, count(*) AS n_speakers,
                           list({{'key': speaker_key, 'name': name, 'n': n}} ORDER BY n DESC, name)[1:5] AS speakers
                    FROM sp GROUP BY story_id),
            counts AS (SELECT story_id, count(*) AS n_statements FROM ss GROUP BY story_id),
            arts AS (SELECT story_id, count(*) AS n_articles FROM w_story_articles GROUP BY story_id),
            dates AS (
              SELECT story_id, min(d) AS date_from, max(d) AS date_to FROM (
                SELECT sa.story_id, a.published AS d
                FROM w_story_articles sa JOIN w_articles a USING (doc_id, article_index)
                UNION ALL SELECT story_id, eff_date FROM ss)
              WHERE regexp_matches(d, '{FULL_DATE}') GROUP BY story_id)
            SELECT {self._str(t, 'story_id', 'st')} AS story_id, {self._str(t, 'title', 'st')} AS title,
                   coalesce({given_from}, dates.date_from) AS date_from,
                   coalesce({given_to}, dates.date_to) AS date_to,
                   coalesce(arts.n_articles, 0) AS n_articles,
                   coalesce(counts.n_statements, 0) AS n_statements,
                   coalesce(top.n_speakers, 0) AS n_speakers, coalesce(top.speakers, []) AS speakers
            FROM {self._source(t)} st
            LEFT JOIN arts ON arts.story_id = {self._str(t, 'story_id', 'st')}
            LEFT JOIN counts ON counts.story_id = arts.story_id
            LEFT JOIN top ON top.story_id = arts.story_id
            LEFT JOIN dates ON dates.story_id = arts.story_id""")

    def _build_claims(self) -> None:
        run, t = self._root, "claims"
        run.execute(f"""
            CREATE TABLE w_claims AS SELECT
              {self._str(t, 'claim_id', 'c')} AS claim_id,
              label({self._json(t, 'claimant', 'c')}) AS claimant,
              {self._str(t, 'content', 'c')} AS content,
              {self._str(t, 'status', 'c')} AS status,
              str_list({self._json(t, 'asserted_by', 'c')}) AS asserted_by,
              str_list({self._json(t, 'denied_by', 'c')}) AS denied_by,
              str_list({self._json(t, 'confirmed_by', 'c')}) AS confirmed_by
            FROM {self._source(t)} c""")
        run.execute("""
            CREATE TABLE w_claim_links AS
            SELECT DISTINCT ON (claim_id, statement_id) claim_id, statement_id, role FROM (
              SELECT claim_id, unnest(asserted_by) AS statement_id, 'asserted' AS role, 0 AS prio FROM w_claims
              UNION ALL SELECT claim_id, unnest(denied_by), 'denied', 0 FROM w_claims
              UNION ALL SELECT claim_id, unnest(confirmed_by), 'confirmed', 0 FROM w_claims
              UNION ALL SELECT s.responds_to, s.id,
                CASE WHEN s.stance IN ('deny', 'reject') THEN 'denied' WHEN s.stance = 'confirm' THEN 'confirmed'
                     WHEN s.stance = 'assert' THEN 'asserted' ELSE 'responded' END, 1
              FROM w_statements s JOIN w_claims c ON c.claim_id = s.responds_to)
            ORDER BY claim_id, statement_id, prio""")

    # --- pages --------------------------------------------------------------

    def overview(self) -> dict:
        counts = {}
        for table in ("w_articles", "w_statements", "w_events", "w_stories", "w_claims", "w_speakers"):
            counts[table.removeprefix("w_")] = self._con().execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return counts

    def stories(self, limit: int, offset: int) -> dict:
        rows = self._rows(
            "SELECT *, count(*) OVER () AS _total FROM w_stories "
            "ORDER BY date_to DESC NULLS LAST, n_articles DESC, story_id LIMIT ? OFFSET ?",
            [limit, offset],
        )
        return _page(rows, limit, offset)

    def story(self, story_id: str) -> dict | None:
        story = self._one("SELECT * FROM w_stories WHERE story_id = ?", [story_id])
        if story is None:
            return None
        story["articles"] = self._rows(
            "SELECT a.doc_id, a.article_index, a.title, a.published, a.outlet, a.agencies, "
            "(SELECT count(*) FROM w_statements s WHERE s.doc_id = a.doc_id AND s.article_index = a.article_index) "
            "AS n_statements FROM w_story_articles sa JOIN w_articles a USING (doc_id, article_index) "
            "WHERE sa.story_id = ? ORDER BY a.published NULLS LAST, sa.ord LIMIT ?",
            [story_id, MAX_LIMIT],
        )
        story["statements"] = self._rows(
            f"SELECT {_STATEMENT_FIELDS} FROM w_story_articles sa JOIN w_statements s USING (doc_id, article_index) "
            "WHERE sa.story_id = ? ORDER BY s.eff_date NULLS LAST, sa.ord, s.id LIMIT ?",
            [story_id, MAX_LIMIT],
        )
        story["events"] = self._rows(
            "SELECT e.* FROM w_story_articles sa JOIN w_events_dated e USING (doc_id, article_index) "
            "WHERE sa.story_id = ? ORDER BY e.eff_date NULLS LAST, e.id LIMIT ?",
            [story_id, MAX_LIMIT],
        )
        story["claims"] = self._rows(
            f"SELECT {_CLAIM_SUMMARY} FROM w_claims c "
            "WHERE c.claim_id IN (SELECT l.claim_id FROM w_claim_links l JOIN w_statements s ON s.id = l.statement_id "
            "JOIN w_story_articles sa USING (doc_id, article_index) WHERE sa.story_id = ?) ORDER BY c.claim_id LIMIT ?",
            [story_id, MAX_LIMIT],
        )
        return story

    def claims(self, limit: int, offset: int) -> dict:
        rows = self._rows(
            f"SELECT {_CLAIM_SUMMARY}, "
            "(SELECT min(s.eff_date) FROM w_claim_links l JOIN w_statements s ON s.id = l.statement_id "
            " WHERE l.claim_id = c.claim_id) AS first_date, count(*) OVER () AS _total "
            "FROM w_claims c ORDER BY first_date NULLS LAST, c.claim_id LIMIT ? OFFSET ?",
            [limit, offset],
        )
        return _page(rows, limit, offset)

    def claim(self, claim_id: str) -> dict | None:
        claim = self._one("SELECT * FROM w_claims WHERE claim_id = ?", [claim_id])
        if claim is None:
            return None
        raw = self._one(f"SELECT to_json(c)::VARCHAR AS j FROM run.claims c WHERE {self._str('claims', 'claim_id', 'c')} = ?",
                        [claim_id])
        known = {"claim_id", "claimant", "content", "status", "asserted_by", "denied_by", "confirmed_by"}
        claim["extra"] = {k: v for k, v in json.loads(raw["j"]).items() if k not in known} if raw else {}
        claim["chronology"] = self._rows(
            f"SELECT l.role, {_STATEMENT_FIELDS} FROM w_claim_links l JOIN w_statements s ON s.id = l.statement_id "
            "WHERE l.claim_id = ? ORDER BY s.eff_date NULLS LAST, CASE l.role WHEN 'asserted' THEN 0 ELSE 1 END, s.id "
            "LIMIT ?",
            [claim_id, MAX_LIMIT],
        )
        for row in claim["chronology"]:
            row["chain"] = attribution_chain(row)
        claim["missing_statements"] = self._rows(
            "SELECT statement_id, role FROM w_claim_links l WHERE claim_id = ? "
            "AND NOT EXISTS (SELECT 1 FROM w_statements s WHERE s.id = l.statement_id) LIMIT ?",
            [claim_id, MAX_LIMIT],
        )
        asserters = {row["chain"][0] for row in claim["chronology"] if row["role"] == "asserted"}
        relayers: dict[str, None] = {}
        for row in claim["chronology"]:
            if row["role"] == "asserted":
                for name in row["chain"][1:]:
                    if name not in asserters:
                        relayers.setdefault(name)
        claim["relayed_by"] = list(relayers)
        claim["stories"] = self._rows(
            "SELECT DISTINCT st.story_id, st.title FROM w_claim_links l JOIN w_statements s ON s.id = l.statement_id "
            "JOIN w_story_articles sa USING (doc_id, article_index) JOIN w_stories st ON st.story_id = sa.story_id "
            "WHERE l.claim_id = ? ORDER BY st.story_id LIMIT ?",
            [claim_id, MAX_LIMIT],
        )
        return claim

    def speakers(self, limit: int, offset: int) -> dict:
        rows = self._rows(
            "SELECT *, count(*) OVER () AS _total FROM w_speakers "
            "ORDER BY n_statements DESC, speaker_key LIMIT ? OFFSET ?",
            [limit, offset],
        )
        return _page(rows, limit, offset)

    def speaker(self, key: str, stance: str | None, limit: int, offset: int) -> dict | None:
        speaker = self._one("SELECT * FROM w_speakers WHERE speaker_key = ?", [key])
        if speaker is None:
            return None
        speaker["stance_counts"] = dict(self._con().execute(
            "SELECT stance, count(*) FROM w_statements WHERE speaker_key = ? GROUP BY stance ORDER BY 2 DESC",
            [key]).fetchall())
        speaker["stance"] = stance
        rows = self._rows(
            f"SELECT {_STATEMENT_FIELDS}, count(*) OVER () AS _total FROM w_statements s "
            "WHERE s.speaker_key = ? AND (?::VARCHAR IS NULL OR s.stance = ?) "
            "ORDER BY s.eff_date NULLS LAST, s.id LIMIT ? OFFSET ?",
            [key, stance, stance, limit, offset],
        )
        speaker["statements"] = _page(rows, limit, offset)
        return speaker

    def articles(self, limit: int, offset: int) -> dict:
        rows = self._rows(
            "SELECT a.doc_id, a.article_index, a.title, a.published, a.outlet, a.agencies, "
            "count(*) OVER () AS _total FROM w_articles a "
            "ORDER BY a.published DESC NULLS LAST, a.doc_id, a.article_index LIMIT ? OFFSET ?",
            [limit, offset],
        )
        return _page(rows, limit, offset)

    def article(self, doc_id: str, article_index: int) -> dict | None:
        """The article with its page text and the raw rows whose spans point into it."""
        raw = self._one(
            f"SELECT to_json(a)::VARCHAR AS j FROM run.articles a "
            f"WHERE {self._str('articles', 'doc_id', 'a')} = ? AND {self._col('articles', 'article_index', 'a')} = ?",
            [doc_id, article_index],
        )
        if raw is None:
            return None
        article = self._one("SELECT * FROM w_articles WHERE doc_id = ? AND article_index = ?", [doc_id, article_index])
        article["record"] = json.loads(raw["j"])
        text_row = None
        if "text" in self.columns.get("documents", {}):
            text_row = self._one("SELECT text FROM run.documents WHERE doc_id = ? LIMIT 1", [doc_id])
        article["page_text"] = text_row["text"] if text_row else None
        article["statements"] = self._rows(
            f"SELECT {_STATEMENT_FIELDS} FROM w_statements s WHERE s.doc_id = ? AND s.article_index = ? "
            "ORDER BY s.sentence_start NULLS LAST, s.id LIMIT ?",
            [doc_id, article_index, MAX_LIMIT],
        )
        article["statement_records"] = self._raw_rows("statements", doc_id, article_index)
        article["events"] = self._rows(
            "SELECT * FROM w_events_dated WHERE doc_id = ? AND article_index = ? ORDER BY id LIMIT ?",
            [doc_id, article_index, MAX_LIMIT],
        )
        article["event_records"] = self._raw_rows("events", doc_id, article_index)
        article["siblings"] = self._rows(
            "SELECT article_index, title FROM w_articles WHERE doc_id = ? ORDER BY article_index LIMIT ?",
            [doc_id, MAX_LIMIT],
        )
        article["stories"] = self._rows(
            "SELECT st.story_id, st.title FROM w_story_articles sa JOIN w_stories st USING (story_id) "
            "WHERE sa.doc_id = ? AND sa.article_index = ? ORDER BY st.story_id",
            [doc_id, article_index],
        )
        return article

    def _raw_rows(self, table: str, doc_id: str, article_index: int) -> list[dict]:
        if table not in self.columns:
            return []
        rows = self._rows(
            f"SELECT to_json(t)::VARCHAR AS j FROM run.{table} t WHERE {self._str(table, 'doc_id', 't')} = ? "
            f"AND {self._col(table, 'article_index', 't')} = ? LIMIT ?",
            [doc_id, article_index, MAX_LIMIT],
        )
        return [json.loads(r["j"]) for r in rows]

    def statement(self, statement_id: str) -> dict | None:
        row = self._one(f"SELECT {_STATEMENT_FIELDS} FROM w_statements s WHERE s.id = ?", [statement_id])
        if row is None:
            return None
        raw = self._one(f"SELECT to_json(s)::VARCHAR AS j FROM run.statements s "
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
            f"SELECT {_STATEMENT_FIELDS} FROM w_statements s WHERE s.id = ?", [row["responds_to"]]
        ) if row["responds_to"] else None
        row["responses"] = self._rows(
            f"SELECT {_STATEMENT_FIELDS} FROM w_statements s WHERE s.responds_to = ? "
            "ORDER BY s.eff_date NULLS LAST, s.id LIMIT ?", [statement_id, MAX_LIMIT])
        return row

    def search(self, q: str = "", speaker: str = "", country: str = "", stance: str = "",
               date_from: str = "", date_to: str = "", limit: int = DEFAULT_LIMIT, offset: int = 0) -> dict:
        """Statements matching every filter given; text is folded like fold_key."""
        clauses, params = [], []
        query_key = fold_key(q[:MAX_QUERY_CHARS])
        for word in query_key.split():
            clauses.append("contains(s.search_key, ?)")
            params.append(word)
        speaker_key = fold_key(speaker[:MAX_QUERY_CHARS])
        if speaker_key:
            clauses.append("(contains(s.speaker_search, ?) OR s.speaker_key = ?)")
            params += [speaker_key, speaker]
        if country:
            clauses.append("s.speaker_country = ?")
            params.append(country.strip().upper()[:8])
        if stance:
            clauses.append("s.stance = ?")
            params.append(stance[:32])
        for value, op in ((date_from, ">="), (date_to, "<=")):
            if value and _DATE_PREFIX_RE.match(value):
                clauses.append(f"regexp_matches(s.eff_date, '{FULL_DATE}') AND substr(s.eff_date, 1, ?) {op} ?")
                params += [len(value), value]
        where = " AND ".join(clauses) or "true"
        rows = self._rows(
            f"SELECT {_STATEMENT_FIELDS}, count(*) OVER () AS _total FROM w_statements s WHERE {where} "
            "ORDER BY s.eff_date NULLS LAST, s.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        result = _page(rows, limit, offset)
        result["query"] = {"q": q, "speaker": speaker, "country": country, "stance": stance,
                           "from": date_from, "to": date_to, "folded": query_key}
        return result


_CLAIM_SUMMARY = (
    "c.claim_id, c.claimant, c.content, c.status, len(c.asserted_by) AS n_asserted, "
    "len(c.denied_by) AS n_denied, len(c.confirmed_by) AS n_confirmed"
)
_STATEMENT_FIELDS = (
    "s.id, s.doc_id, s.article_index, s.speaker_key, s.speaker_name, s.speaker_name_ar, s.speaker_kind, "
    "s.speaker_country, s.speaker_role, s.entity_id, s.cue, s.mode, s.stance, s.content, s.via, s.date, "
    "s.eff_date, s.responds_to, s.published, s.outlet, s.agencies, s.article_title"
)


def _page(rows: list[dict], limit: int, offset: int) -> dict:
    total = rows[0].pop("_total") if rows else 0
    for row in rows[1:]:
        row.pop("_total", None)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


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
