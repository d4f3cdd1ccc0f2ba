"""Step 1, read: turn input paths into decoded ``Page`` records.

Inputs are files, folders (walked recursively in sorted order), ``-`` for
standard input, and containers of many pages (JSON Lines, a JSON array of
records, zip archives of those, Parquet with a text column, WARC files whose
HTML responses are pages).  Records are read by the field names of news
datasets (``RECORD_FIELDS``) or those the user gives (``ReadOptions``).  A
page that cannot be read becomes a ``PageError`` with a clear reason; reading
always goes on with the next one.
"""
from __future__ import annotations

import io
import json
import os
import re
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .model import Page, PageError, Skipped

MAX_PAGE_BYTES = 8 * 1024 * 1024  # far above any news page; larger inputs are error rows
PAGE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml"}
CONTAINER_SUFFIXES = {".jsonl", ".ndjson", ".json", ".zip", ".parquet", ".warc", ".warc.gz", ".arc.gz"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# What records call each field, in order of preference: the names of news datasets
# (SaudiNewsNet, newspaper/news-please, Media Cloud, GDELT GKG, Common Crawl, RSS
# and JSON-LD).  ``crawled`` is when a page was fetched, not when it was published:
# it dates a page only when nothing else does, and is labelled as such.
RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "maintext", "content:encoded", "full_text", "fulltext",
             "articleBody", "article_body", "description", "summary"),
    "html": ("html", "raw_html", "html_content"),
    "id": ("id", "doc_id", "article_id", "stories_id", "GKGRECORDID", "_id"),
    "url": ("url", "link", "DocumentIdentifier", "WARC-Target-URI", "canonical_url", "article_url", "source_url",
            "uri"),
    "title": ("title", "headline", "dc:title"),
    "published": ("published", "published_at", "publishedAt", "publish_date", "date_publish", "date_published",
                  "datePublished", "pubDate", "dc:date", "dc_date", "publication_date", "pub_date", "date"),
    "crawled": ("date_extracted", "date_download", "date_crawled", "crawl_date", "crawled_at", "collect_date",
                "WARC-Date", "warc_date", "fetch_time", "downloaded_at", "scraped_at", "DATE"),
    "outlet": ("outlet", "media_name", "source_name", "publisher", "site_name", "sitename", "siteName",
               "SourceCommonName", "source", "source_domain", "media_url", "domain"),
    "author": ("author", "authors", "byline", "creator", "dc:creator"),
}
MAPPABLE_FIELDS = ("published", "crawled", "outlet", "url", "title", "text", "html", "id", "author")


class ReadError(Exception):
    """A page that cannot be turned into text; the message says why."""


@dataclass(frozen=True)
class ReadOptions:
    """How to read records: the record keys the user named for some fields
    (``isnad run --field published=KEY``, tried before the usual names; a dotted
    key reads inside nested objects), and a publication date for pages that
    state none (``--published DATE``)."""

    fields: tuple[tuple[str, str], ...] = ()  # (field, record key)
    published: str | None = None

    def keys(self, name: str) -> tuple[str, ...]:
        """The record keys that may hold field ``name``, the user's first."""
        given = tuple(key for field_name, key in self.fields if field_name == name)
        return given + tuple(k for k in RECORD_FIELDS.get(name, ()) if k not in given)


def parse_field_option(value: str) -> tuple[str, str]:
    """``FIELD=KEY`` of ``--field``; raises ValueError with what is wrong."""
    name, sep, key = value.partition("=")
    name, key = name.strip(), key.strip()
    if not sep or not key:
        raise ValueError(f"expected FIELD=KEY, got {value!r}")
    if name not in MAPPABLE_FIELDS:
        raise ValueError(f"unknown field {name!r}; choose from {', '.join(MAPPABLE_FIELDS)}")
    return name, key


DEFAULT_OPTIONS = ReadOptions()


# --- decoding -----------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_UTF8_ARABIC_PAIR = re.compile(rb"[\xd8-\xdb][\x80-\xbf]")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LETTER = re.compile(r"[^\W\d_]")


class Decoded(NamedTuple):
    """A page's text, its encoding, and a warning when bytes had to be dropped."""

    text: str
    encoding: str
    warning: str | None = None


def decode(data: bytes) -> Decoded:
    """Decode page bytes, or raise ReadError.

    UTF-8 with or without BOM, UTF-16/32 with BOM or by its zero bytes,
    windows-1256 (older Arabic sites) when the bytes are single-byte Arabic.
    A UTF-8 character cut short at the very end (a truncated crawl) is
    dropped with a warning; invalid bytes anywhere else are an error.
    """
    if not data.strip():
        raise ReadError("empty page")
    if data.startswith(_BOMS[0][0]):
        return _utf8(data, len(_BOMS[0][0]))
    for bom, encoding in _BOMS[1:]:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(encoding), encoding)
            except UnicodeDecodeError as e:
                raise ReadError(f"invalid {encoding} at byte {e.start}") from None
    head = data[:4096]
    if b"\x00" in head:
        encoding = _utf16_without_bom(head)
        if encoding is None:
            raise ReadError("binary content (NUL bytes), not a text page")
        try:
            return Decoded(data.decode(encoding), encoding)
        except UnicodeDecodeError as e:
            raise ReadError(f"invalid {encoding} at byte {e.start}") from None
    if len(_CONTROL.findall(head)) > max(8, len(head) // 50):
        raise ReadError("binary content (control bytes), not a text page")
    return _utf8(data, 0)


def _utf8(data: bytes, start: int) -> Decoded:
    """``data[start:]`` as UTF-8 (or windows-1256 when it is not UTF-8 at all)."""
    try:
        return Decoded(data[start:].decode("utf-8"), "utf-8")
    except UnicodeDecodeError as e:
        cut = _without_cut_character(data, start, e)
        if cut is not None:
            return cut
        if start == 0 and _looks_single_byte_arabic(data):
            return Decoded(data.decode("cp1256", errors="replace"), "windows-1256")
        raise ReadError(
            f"invalid UTF-8 at byte {start + e.start:,} of {len(data):,} and not windows-1256 Arabic either"
        ) from None


def _without_cut_character(data: bytes, start: int, error: UnicodeDecodeError) -> Decoded | None:
    """The text of ``data[start:]`` when its only invalid bytes are one multi-byte
    character cut short at the very end (whitespace may follow it), with a
    warning; None when invalid bytes are anywhere else."""
    first = start + error.start  # the first invalid byte
    end = len(data.rstrip(b" \t\r\n"))
    fragment = data[first:end]
    lead = fragment[0] if fragment else 0
    need = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF4 else 0
    if not (0 < len(fragment) < need and all(0x80 <= b <= 0xBF for b in fragment[1:])):
        return None
    text = data[start:first].decode("utf-8") + data[end:].decode("ascii")
    return Decoded(text, "utf-8", f"dropped {len(fragment)} byte(s) of a UTF-8 character cut off at the end "
                                  f"of the page (byte {first:,} of {len(data):,}); the rest was read")


def _utf16_without_bom(head: bytes) -> str | None:
    even_zeros = head[0::2].count(0)
    odd_zeros = head[1::2].count(0)
    half = len(head) // 2 or 1
    if odd_zeros > 0.3 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_zeros > 0.3 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    # Arabic UTF-16 has few zero bytes but a 0x06 in every other byte
    if head[1::2].count(6) > 0.3 * half:
        return "utf-16-le"
    if head[0::2].count(6) > 0.3 * half:
        return "utf-16-be"
    return None


def _looks_single_byte_arabic(data: bytes) -> bool:
    """True when high bytes are not UTF-8 pairs and decode as Arabic letters."""
    high = len(_HIGH_BYTE.findall(data))
    if not high or 2 * len(_UTF8_ARABIC_PAIR.findall(data)) > 0.5 * high:
        return False
    text = data.decode("cp1256", errors="replace")
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_ARABIC_LETTER.findall(text)) > 0.3 * letters


# --- HTML -----------------------------------------------------------------------

# Dates only from the page's own markup (meta tags, time elements, URL), never
# guessed from text or the crawl; fast mode skips the fallback extractors,
# which on news pages give the same text at twice the cost.
_HTML_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def html_page(doc_id: str, source: str, html: str, encoding: str, meta: dict | None = None,
              warning: str | None = None) -> Page:
    """A page from HTML: trafilatura's main text, with its title, date and site name
    (from the page's markup: a date there is the publication date).

    The page text (the base of every span) is the extracted main text.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=source, include_comments=False, include_tables=False, with_metadata=True,
        fast=True, date_extraction_params=_HTML_DATE_PARAMS,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ReadError("HTML page without extractable main text")
    found = {
        "title": getattr(doc, "title", None),
        "published": getattr(doc, "date", None),
        "outlet": getattr(doc, "sitename", None),
        "url": getattr(doc, "url", None),
    }
    merged = {k: v for k, v in found.items() if v}
    merged.update({k: v for k, v in (meta or {}).items() if v})
    return Page(doc_id, source, text, "html", encoding, merged, warnings=[warning] if warning else [])


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head


def page_from_bytes(doc_id: str, source: str, data: bytes, is_html: bool | None = None) -> Page:
    """Decode and wrap one page; raises ReadError."""
    if len(data) > MAX_PAGE_BYTES:
        raise ReadError(f"page too large ({len(data):,} bytes; limit {MAX_PAGE_BYTES:,})")
    text, encoding, warning = decode(data)
    if is_html is None:
        is_html = _looks_like_html(text)
    if is_html:
        return html_page(doc_id, source, text, encoding, warning=warning)
    return Page(doc_id, source, text, "text", encoding, warnings=[warning] if warning else [])


# --- records (JSONL, JSON arrays) -------------------------------------------------

def _lookup(record: dict, key: str) -> object | None:
    """``record[key]``; a dotted key reads inside nested objects (``meta.date``)."""
    value = record.get(key)
    if value is None and "." in key:
        value = record
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
    return value


def record_value(record: dict, keys: Iterable[str]) -> object | None:
    """The first non-empty value of ``keys`` in ``record``."""
    for key in keys:
        value = _lookup(record, key)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_text(value: object) -> str | None:
    """A metadata value as one string: an object's ``name`` (NewsAPI's
    ``source: {id, name}``), a list's items joined (``authors``)."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("url")
    if isinstance(value, (list, tuple)):
        value = "، ".join(filter(None, (_as_text(v) for v in value)))
    if value is None or isinstance(value, bool):
        return None
    return str(value).strip() or None


def record_name(record: object, doc_id: str, source: str,
                options: ReadOptions = DEFAULT_OPTIONS) -> tuple[str, str]:
    """A record's own id and URL when it has them, else the given ones."""
    if not isinstance(record, dict):
        return doc_id, source
    rec_id = _as_text(record_value(record, options.keys("id")))
    url = _as_text(record_value(record, options.keys("url")))
    return rec_id or doc_id, url or source


def record_meta(record: dict, options: ReadOptions = DEFAULT_OPTIONS) -> dict:
    """What a record says about its page: ``title``, ``url``, ``outlet``, ``author``
    (as text), ``published`` and ``crawled`` (as given: text, number or datetime)."""
    meta = {}
    for name in ("title", "url", "outlet", "author"):
        value = _as_text(record_value(record, options.keys(name)))
        if value:
            meta[name] = value
    for name in ("published", "crawled"):
        value = record_value(record, options.keys(name))
        if value is not None:
            meta[name] = value
    return meta


def page_from_record(record: object, doc_id: str, source: str, options: ReadOptions = DEFAULT_OPTIONS) -> Page:
    """A page from one record: its text (or HTML) field plus metadata (see ``RECORD_FIELDS``)."""
    if not isinstance(record, dict):
        raise ReadError("record is not a JSON object")
    meta = record_meta(record, options)
    doc_id, source = record_name(record, doc_id, source, options)
    for key in options.keys("html"):
        value = _lookup(record, key)
        if isinstance(value, str) and value.strip():
            return html_page(doc_id, source, value, "utf-8", meta)
    empty = None
    for key in options.keys("text"):
        value = _lookup(record, key)
        if isinstance(value, str):
            if not value.strip():
                empty = empty or key
                continue
            if len(value) > MAX_PAGE_BYTES:
                raise ReadError(f"record text too large ({len(value):,} characters)")
            return Page(doc_id, source, value, "jsonl", "utf-8", meta)
    if empty:
        raise ReadError(f"record field {empty!r} is empty")
    names = options.keys("text") + options.keys("html")
    raise ReadError(f"record has no text field (one of {', '.join(names)}; name another with --field text=KEY)")


def _records_from_lines(stream: Iterable[bytes], name: str, source: str,
                        options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Page | PageError]:
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        doc_id = f"{name}:{lineno}"
        record = None
        try:
            if len(raw) > MAX_PAGE_BYTES:
                raise ReadError(f"line too large ({len(raw):,} bytes)")
            try:
                record = json.loads(raw)
            except ValueError as e:
                raise ReadError(f"line {lineno} is not JSON: {e}") from None
            yield page_from_record(record, doc_id, f"{source}:{lineno}", options)
        except ReadError as e:
            yield PageError(*record_name(record, doc_id, f"{source}:{lineno}", options), "read", str(e))


def _records_from_json(data: bytes, name: str, source: str,
                       options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Page | PageError]:
    try:
        records = json.loads(decode(data).text)
    except (ReadError, ValueError) as e:
        yield PageError(name, source, "read", f"not a JSON document: {e}")
        return
    if isinstance(records, dict):
        records = [records]
    if not isinstance(records, list):
        yield PageError(name, source, "read", "JSON document is neither an object nor an array")
        return
    for n, record in enumerate(records):
        doc_id = f"{name}:{n}"
        try:
            yield page_from_record(record, doc_id, f"{source}#{n}", options)
        except ReadError as e:
            yield PageError(*record_name(record, doc_id, f"{source}#{n}", options), "read", str(e))


# --- WARC and Parquet ---------------------------------------------------------------

def _from_warc(path: Path) -> Iterator[Page | PageError | Skipped]:
    """HTML responses of a WARC (or WARC.gz) file; other records are skipped.

    A record that cannot be parsed ends the file with an error row (the
    stream cannot be resynchronised), keeping every page read before it.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = 0
    try:
        for record in ArchiveIterator(str(path), record_types=WarcRecordType.response, parse_http=True):
            if not record.record_id:
                raise ValueError("record without WARC-Record-ID")
            count += 1
            uri = record.headers.get("WARC-Target-URI") or f"{path}#{count}"
            doc_id = record.record_id.strip("<>")
            content_type = (record.http_content_type or "").lower()
            if "html" not in content_type:
                yield Skipped(doc_id, uri, f"not HTML ({content_type or 'no content type'})")
                continue
            body = record.reader.read(MAX_PAGE_BYTES + 1)
            try:
                if len(body) < record.content_length:
                    raise ReadError(f"truncated WARC record ({len(body):,} of {record.content_length:,} bytes)")
                text, encoding, warning = _decode_html(body, record.http_charset)
                meta = {"url": uri, "crawled": record.headers.get("WARC-Date")}
                yield html_page(doc_id, uri, text, encoding, meta, warning)
            except ReadError as e:
                yield PageError(doc_id, uri, "read", str(e))
    except (OSError, ValueError) as e:
        yield PageError(f"{path.name}:{count + 1}", str(path), "read", f"broken WARC record after {count} records: {e}")
        return
    if count == 0:
        yield PageError(path.name, str(path), "read", "no WARC response records (not a WARC file?)")


def _decode_html(body: bytes, declared: str | None) -> Decoded:
    """Decode an HTTP body, trusting a declared charset that decodes cleanly."""
    if len(body) > MAX_PAGE_BYTES:
        raise ReadError(f"page too large (over {MAX_PAGE_BYTES:,} bytes)")
    if declared:
        try:
            return Decoded(body.decode(declared), declared.lower())
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body)


def _from_parquet(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Page | PageError]:
    """Records of a Parquet file with a text column, read in batches by DuckDB."""
    import duckdb

    try:
        con = duckdb.connect()
        cursor = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        columns = [d[0] for d in cursor.description]
    except duckdb.Error as e:
        yield PageError(path.name, str(path), "read", f"not a readable Parquet file: {e}")
        return
    n = 0
    try:
        while batch := cursor.fetchmany(512):
            for values in batch:
                doc_id = f"{path.name}:{n}"
                record = dict(zip(columns, values))
                try:
                    yield page_from_record(record, doc_id, f"{path}#{n}", options)
                except ReadError as e:
                    yield PageError(*record_name(record, doc_id, f"{path}#{n}", options), "read", str(e))
                n += 1
    except duckdb.Error as e:
        yield PageError(f"{path.name}:{n}", str(path), "read", f"Parquet file broken after {n} rows: {e}")
    finally:
        con.close()


# --- files and folders -------------------------------------------------------------

def _from_member(name: str, source: str, suffix: str, data: bytes,
                 options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Page | PageError]:
    """Pages from the bytes of one file (or archive member) by its suffix."""
    if suffix in (".jsonl", ".ndjson"):
        yield from _records_from_lines(io.BytesIO(data), name, source, options)
    elif suffix == ".json":
        yield from _records_from_json(data, name, source, options)
    else:
        try:
            yield page_from_bytes(name, source, data, is_html=suffix in HTML_SUFFIXES or None)
        except ReadError as e:
            yield PageError(name, source, "read", str(e))


def _from_zip(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Page | PageError]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        yield PageError(path.name, str(path), "read", f"not a readable zip archive: {e}")
        return
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            member = Path(info.filename)
            suffix = member.suffix.lower()
            if suffix not in PAGE_SUFFIXES | {".jsonl", ".ndjson", ".json"}:
                continue
            source = f"{path}!{info.filename}"
            if info.file_size > MAX_PAGE_BYTES and suffix not in (".jsonl", ".ndjson", ".json"):
                yield PageError(member.name, source, "read", f"page too large ({info.file_size:,} bytes)")
                continue
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, OSError, RuntimeError) as e:
                yield PageError(member.name, source, "read", f"cannot read archive member: {e}")
                continue
            yield from _from_member(member.name, source, suffix, data, options)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for double in (".warc.gz", ".arc.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def read_file(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Page | PageError | Skipped]:
    """Pages of one file, whatever its kind."""
    suffix = _suffix(path)
    try:
        if suffix in (".warc", ".warc.gz", ".arc.gz"):
            yield from _from_warc(path)
            return
        if suffix == ".parquet":
            yield from _from_parquet(path, options)
            return
        if suffix == ".zip":
            yield from _from_zip(path, options)
            return
        if suffix in (".jsonl", ".ndjson"):
            with path.open("rb") as f:
                yield from _records_from_lines(f, path.name, str(path), options)
            return
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES and suffix != ".json":
            yield PageError(path.name, str(path), "read", f"page too large ({size:,} bytes; limit {MAX_PAGE_BYTES:,})")
            return
        yield from _from_member(path.name, str(path), suffix, path.read_bytes(), options)
    except OSError as e:
        yield PageError(path.name, str(path), "read", f"cannot read file: {e.strerror or e}")


def walk(folder: Path) -> Iterator[Path]:
    """Page files under ``folder``, recursively, in a stable (sorted) order."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if _suffix(Path(name)) in PAGE_SUFFIXES | CONTAINER_SUFFIXES:
                yield Path(root) / name


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path | str | PageError]:
    """The units of work of the inputs: page files, ``-``, or an error row."""
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            found = False
            for file in walk(path):
                found = True
                yield file
            if not found:
                kinds = ", ".join(sorted(PAGE_SUFFIXES | CONTAINER_SUFFIXES))
                yield PageError(path.name or str(path), str(path), "read", f"folder holds no pages ({kinds})")
        elif path.is_file():
            yield path
        else:
            yield PageError(path.name or item, item, "read", "no such file or folder")


def read_unit(unit: Path | str | PageError,
              options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Page | PageError | Skipped]:
    """Pages of one unit of :func:`expand_inputs`; ``options.published`` goes to
    every page as the date of last resort."""
    for item in _read_unit(unit, options):
        if options.published and isinstance(item, Page):
            item.meta["published_fallback"] = options.published
        yield item


def _read_unit(unit: Path | str | PageError, options: ReadOptions) -> Iterator[Page | PageError | Skipped]:
    if isinstance(unit, PageError):
        yield unit
    elif unit == "-":
        data = sys.stdin.buffer.read()
        if data.lstrip()[:1] == b"{":
            yield from _records_from_lines(io.BytesIO(data), "stdin", "-", options)
        else:
            yield from _from_member("stdin", "-", "", data, options)
    else:
        yield from read_file(Path(unit), options)


def read_inputs(inputs: Iterable[str], options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Page | PageError | Skipped]:
    """Pages of every input: files, folders, or ``-`` for standard input."""
    for unit in expand_inputs(inputs):
        yield from read_unit(unit, options)
