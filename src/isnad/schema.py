"""The output tables' schema, declared once.

Each table of a run is one :class:`msgspec.Struct` below: its fields, in
order, are the table's columns and their types.  Everything else is derived
from it: the JSON Lines rows (:func:`encode`: every column in every row, null
where a record has no value), the DuckDB columns the database and the Parquet
files are loaded with (:func:`duckdb_columns`), the JSON Schema of each table
in ``docs/schema/`` (:func:`json_schema`, written by ``tools/write_schemas.py``)
and the columns the web view reads.  So every run has the same columns and
types, whatever rows it holds: dates are ``DATE`` (an ISO day in JSON) with
their precision in a column of their own, codes such as CAMEO ``"070"`` are
strings, and a field only some records carry (``denied_claim``) is there,
null, in the others.

A field a step adds to its records must be declared here, or it is not
written (``tests/test_schema.py`` checks real runs for undeclared fields).
"""
from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Annotated

import msgspec

Date = datetime.date
Span = list[int]  # [start, end) in characters of the page as decoded


class _Row(msgspec.Struct, kw_only=True, omit_defaults=False):
    """Base of every declared record: keyword fields, all written."""


# --- nested objects -----------------------------------------------------------

class ArticleRef(_Row):
    """An article of the run: its page and its position in the page."""

    doc_id: str
    article_index: int


class Speaker(_Row):
    """Who a statement is attributed to.  ``name`` is the canonical English name
    where the lexicon knows the speaker, else a Latin transliteration of ``name_ar``
    (an unnamed source gets a label such as ``source, RUS``); ``wikidata`` is the
    lexicon's Wikidata QID for it, where known."""

    name: str | None = None
    name_ar: str | None = None
    kind: str | None = None  # person | organization | outlet | official | anonymous | country | unresolved
    country: str | None = None  # ISO 3166 alpha-3
    role: str | None = None
    role_ar: str | None = None
    entity_id: str | None = None
    wikidata: str | None = None


class DeniedClaim(_Row):
    """What a denial says is false, and where."""

    text: str | None = None
    span: Span | None = None


class EventEntity(_Row):
    """An actor or recipient of an event: a country, a person, a body or a sector
    of a country (PLOVER sector codes: GOV, MIL, REB ...)."""

    name: str | None = None
    name_ar: str | None = None
    entity_id: str | None = None
    wikidata: str | None = None
    kind: str | None = None
    country: str | None = None
    sector: str | None = None
    span: Span | None = None
    implicit: str | None = None  # location / scene: not named in the clause, taken from its place


class Location(_Row):
    """Where an event took place."""

    name: str | None = None
    name_ar: str | None = None
    country: str | None = None
    span: Span | None = None


class StatusChange(_Row):
    """One step of a claim's history: a statement that reported, denied or confirmed it."""

    date: Date | None = None
    status: str | None = None
    statement: str | None = None
    doc_id: str | None = None


# --- tables -----------------------------------------------------------------------

class DocumentRow(_Row):
    """One input page as decoded (``documents``)."""

    doc_id: str
    source: str
    content_type: str | None = None
    encoding: str | None = None
    n_chars: int | None = None
    sha256: str | None = None
    text: str | None = None


class ArticleRow(_Row):
    """An article found in a page (``articles``).  ``published`` is a day; how
    precise it is (day, month, year) in ``published_precision``; a day stated
    without its year is ``published_partial`` (``--MM-DD``).  ``story_id`` and
    ``copy_of`` are set by the corpus step."""

    doc_id: str
    source: str
    article_index: int
    span: Span
    segments: list[Span] = []
    title: str | None = None
    title_span: Span | None = None
    text: str | None = None
    published: Date | None = None
    published_span: Span | None = None
    published_precision: str | None = None
    published_source: str | None = None
    published_partial: str | None = None
    outlet: str | None = None
    outlet_span: Span | None = None
    outlet_source: str | None = None
    agencies: list[str] = []
    agency_spans: list[Span | None] = []
    dateline: str | None = None
    dateline_span: Span | None = None
    author: str | None = None
    story_id: str | None = None
    copy_of: ArticleRef | None = None


class StatementRow(_Row):
    """A reported statement (``statements``).  ``date`` is a day (statements are
    dated only by a full day); ``rule`` and ``speaker_rule`` name the statement
    pattern and the speaker rule that made it, ``confidence`` (0 to 1) how sure
    the reader is.  ``copy_of`` and ``speaker_entity_id`` are set by the corpus
    step, which also links ``responds_to``."""

    id: str
    doc_id: str
    article_index: int
    speaker: Speaker
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    mode: str | None = None  # direct | indirect | mixed
    stance: str | None = None
    content: str | None = None
    content_span: Span | None = None
    sentence_span: Span | None = None
    via: list[str] = []
    date: Date | None = None
    responds_to: str | None = None
    rule: str | None = None
    speaker_rule: str | None = None
    confidence: Annotated[float, msgspec.Meta(ge=0, le=1)] | None = None
    denied_claim: DeniedClaim | None = None
    copy_of: str | None = None
    speaker_entity_id: str | None = None


class EventRow(_Row):
    """A PLOVER event (``events``): type, mode and CAMEO code (a string: ``"070"``),
    its actors and recipients (``actor``/``recipient`` are the first of each),
    its date (a day, with ``date_precision`` day, month or year) and a ``status``
    (asserted, reported, denied, future, hypothetical, negated); ``rule`` names the
    trigger pattern that made it and ``lemma`` its trigger's lemma."""

    id: str
    doc_id: str
    article_index: int
    event_type: str
    mode: str | None = None
    cameo: str | None = None
    actor: EventEntity | None = None
    recipient: EventEntity | None = None
    actors: list[EventEntity] = []
    recipients: list[EventEntity] = []
    date: Date | None = None
    date_precision: str | None = None
    date_span: Span | None = None
    location: Location | None = None
    trigger: str | None = None
    lemma: str | None = None
    rule: str | None = None
    trigger_span: Span | None = None
    span: Span | None = None
    reported_by: str | None = None
    denied_by: list[str] = []
    status: str | None = None
    context: list[str] = []
    quad_class: int | None = None
    mentions: int | None = None
    mention_spans: list[Span] = []


class StoryRow(_Row):
    """Articles grouped by what they are about (``stories``); ``date_range`` is
    [first, last] of their dates."""

    story_id: str
    title: str | None = None
    articles: list[ArticleRef] = []
    date_range: list[Date | None] = []
    size: int | None = None


class ClaimRow(_Row):
    """A claim and the statements that assert, deny, confirm or decline it (``claims``)."""

    claim_id: str
    claimant: str | None = None
    content: str | None = None
    content_article: ArticleRef | None = None
    content_span: Span | None = None
    asserted_by: list[str] = []
    denied_by: list[str] = []
    confirmed_by: list[str] = []
    declined_by: list[str] = []
    status: str | None = None
    status_history: list[StatusChange] = []
    articles: list[ArticleRef] = []


class DuplicateRow(_Row):
    """An article that is a copy of another (``duplicates``)."""

    doc_id: str
    article_index: int
    copy_of: ArticleRef
    similarity: float | None = None


class EntityRow(_Row):
    """A speaker across the run (``entities``), with the lexicon's Wikidata QID where known."""

    entity_id: str
    names: list[str] = []
    roles: list[str] = []
    country: str | None = None
    kind: str | None = None
    wikidata: str | None = None
    statements: list[str] = []


class ErrorRow(_Row):
    """A page that could not be read or processed (``errors``)."""

    doc_id: str | None = None
    source: str | None = None
    stage: str | None = None
    error: str | None = None


class WarningRow(_Row):
    """Something reading had to repair in a page that was processed (``warnings``)."""

    doc_id: str | None = None
    source: str | None = None
    stage: str | None = None
    warning: str | None = None


# Published tables, in the order they are written.
ROWS: dict[str, type[_Row]] = {
    "documents": DocumentRow,
    "articles": ArticleRow,
    "statements": StatementRow,
    "events": EventRow,
    "stories": StoryRow,
    "claims": ClaimRow,
    "duplicates": DuplicateRow,
    "entities": EntityRow,
    "errors": ErrorRow,
    "warnings": WarningRow,
}
TABLES: tuple[str, ...] = tuple(ROWS)
# Fields the corpus step sets on rows of the page pass: the last columns of their
# tables, written null by the page pass (``responds_to`` is also set by the page pass).
CORPUS_FIELDS: dict[str, tuple[str, ...]] = {
    "articles": ("story_id", "copy_of"),
    "statements": ("copy_of", "speaker_entity_id"),
}


def columns(table: str) -> tuple[str, ...]:
    """The table's column names, in order."""
    return ROWS[table].__struct_fields__


# --- JSON Lines -------------------------------------------------------------------

_ENCODER = msgspec.json.Encoder()


def _make_encoder(row_type: type[_Row]) -> Callable[[dict], bytes]:
    convert, encode = msgspec.convert, _ENCODER.encode

    def encode_row(record: dict) -> bytes:
        return encode(convert(record, row_type))
    return encode_row


_ENCODERS = {table: _make_encoder(row_type) for table, row_type in ROWS.items()}


def encode(table: str, record: dict) -> bytes:
    """One JSON Lines row of ``table`` (UTF-8, no newline): every declared column
    in order, null where ``record`` has no value; fields not declared are left
    out.  Raises ``msgspec.ValidationError`` on a value of the wrong type and
    ``UnicodeEncodeError`` on text that UTF-8 cannot hold."""
    return _ENCODERS[table](record)


def encoder(table: str) -> Callable[[dict], bytes]:
    """:func:`encode` for one table, looked up once."""
    return _ENCODERS[table]


def encode_fields(table: str, names: tuple[str, ...], values: dict) -> bytes:
    """``"a":1,"b":null`` for the fields ``names`` of ``table`` (typed by the
    declaration), to splice into an encoded row."""
    row_type = ROWS[table]
    converted = msgspec.convert({n: values.get(n) for n in names}, _fields_type(row_type, names))
    return _ENCODER.encode(converted)[1:-1]


_FIELD_TYPES: dict[tuple[type, tuple[str, ...]], type] = {}


def _fields_type(row_type: type[_Row], names: tuple[str, ...]) -> type:
    """A struct of some fields of ``row_type``, same types and order."""
    key = (row_type, names)
    if key not in _FIELD_TYPES:
        hints = {f.name: f.type for f in msgspec.structs.fields(row_type)}
        _FIELD_TYPES[key] = msgspec.defstruct(f"{row_type.__name__}Fields", [(n, hints[n], None) for n in names],
                                              kw_only=True, omit_defaults=False)
    return _FIELD_TYPES[key]


# --- DuckDB -----------------------------------------------------------------------

def duckdb_columns(table: str) -> dict[str, str]:
    """Column name -> DuckDB type of ``table`` (the database and Parquet schema)."""
    return {f.name: _duckdb_type(f.type) for f in msgspec.structs.fields(ROWS[table])}


def duckdb_schema(table: str) -> str:
    """``name TYPE, ...`` of ``table``, for ``CREATE TABLE``."""
    return ", ".join(f"{name} {kind}" for name, kind in duckdb_columns(table).items())


def _duckdb_type(annotation) -> str:
    info = msgspec.inspect.type_info(annotation)
    return _duckdb_of(info)


def _duckdb_of(info: msgspec.inspect.Type) -> str:
    inspect = msgspec.inspect
    if isinstance(info, inspect.UnionType):
        kinds = [t for t in info.types if not isinstance(t, inspect.NoneType)]
        if len(kinds) != 1:
            raise TypeError(f"a column must have one type besides null: {info}")
        return _duckdb_of(kinds[0])
    if isinstance(info, inspect.StrType):
        return "VARCHAR"
    if isinstance(info, inspect.BoolType):
        return "BOOLEAN"
    if isinstance(info, inspect.IntType):
        return "BIGINT"
    if isinstance(info, inspect.FloatType):
        return "DOUBLE"
    if isinstance(info, inspect.DateType):
        return "DATE"
    if isinstance(info, inspect.ListType):
        return f"{_duckdb_of(info.item_type)}[]"
    if isinstance(info, inspect.StructType):
        fields = ", ".join(f'"{f.name}" {_duckdb_of(f.type)}' for f in info.fields)
        return f"STRUCT({fields})"
    raise TypeError(f"no DuckDB type for {info}")


def pandas_dtypes(table: str) -> dict[str, str]:
    """Column -> pandas dtype for the text columns of ``table``, so that
    ``pandas.read_json(path, lines=True, dtype=pandas_dtypes("events"))`` keeps
    codes such as CAMEO ``"070"`` and numeric-looking ids as strings."""
    return {name: "string" for name, kind in duckdb_columns(table).items() if kind == "VARCHAR"}


# --- JSON Schema ------------------------------------------------------------------

def json_schema(table: str) -> dict:
    """The JSON Schema (2020-12) of one ``TABLE.jsonl`` row: every column is
    present in every row (``required``), null where it has no value."""
    schema = msgspec.json.schema(ROWS[table])
    for definition in schema.get("$defs", {}).values():
        if definition.get("type") == "object":
            definition["required"] = list(definition["properties"])
            definition["additionalProperties"] = False
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"isnad {table}.jsonl row", **schema}
