"""Step 1, read: turn input paths into decoded ``Page`` records.

Inputs are files, folders (walked recursively in sorted order), ``-`` for
standard input, and containers of many pages (JSON Lines, a JSON array of
records, zip archives of those, Parquet with a text column, WARC files whose
HTML responses are pages).  A page that cannot be read becomes a
``PageError`` with a clear reason; reading always goes on with the next one.
"""
from __future__ import annotations

import io
import json
import os
import re
import sys
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import Page, PageError, Skipped

MAX_PAGE_BYTES = 8 * 1024 * 1024  # far above any news page; larger inputs are error rows
PAGE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml"}
CONTAINER_SUFFIXES = {".jsonl", ".ndjson", ".json", ".zip", ".parquet", ".warc", ".warc.gz", ".arc.gz"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_FIELDS = ("text", "content", "body", "article")
# Names a record may give its publication date under, in order of preference
# (a crawl time such as SaudiNewsNet's ``date_extracted`` is not one).
PUBLISHED_FIELDS = ("published", "published_at", "publish_date", "date_published", "datePublished", "pubDate",
                    "date")
HTML_FIELDS = ("html", "raw_html")


class ReadError(Exception):
    """A page that cannot be turned into text; the message says why."""


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


def decode(data: bytes) -> tuple[str, str]:
    """Decode page bytes; returns (text, encoding) or raises ReadError.

    UTF-8 with or without BOM, UTF-16/32 with BOM or by its zero bytes,
    windows-1256 (older Arabic sites) when the bytes are single-byte Arabic.
    A UTF-8 sequence cut at the very end (a truncated crawl) is dropped.
    """
    if not data.strip():
        raise ReadError("empty page")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as e:
                raise ReadError(f"invalid {encoding} at byte {e.start}") from None
    head = data[:4096]
    if b"\x00" in head:
        encoding = _utf16_without_bom(head)
        if encoding is None:
            raise ReadError("binary content (NUL bytes), not a text page")
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as e:
            raise ReadError(f"invalid {encoding} at byte {e.start}") from None
    if len(_CONTROL.findall(head)) > max(8, len(head) // 50):
        raise ReadError("binary content (control bytes), not a text page")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.end == len(data):
            return data[: e.start].decode("utf-8"), "utf-8"
        if _looks_single_byte_arabic(data):
            return data.decode("cp1256", errors="replace"), "windows-1256"
        raise ReadError(
            f"invalid UTF-8 at byte {e.start} and not windows-1256 Arabic either"
        ) from None


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


def html_page(doc_id: str, source: str, html: str, encoding: str, meta: dict | None = None) -> Page:
    """A page from HTML: trafilatura's main text, with its title and date.

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
    return Page(doc_id, source, text, "html", encoding, merged)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head


def page_from_bytes(doc_id: str, source: str, data: bytes, is_html: bool | None = None) -> Page:
    """Decode and wrap one page; raises ReadError."""
    if len(data) > MAX_PAGE_BYTES:
        raise ReadError(f"page too large ({len(data):,} bytes; limit {MAX_PAGE_BYTES:,})")
    text, encoding = decode(data)
    if is_html is None:
        is_html = _looks_like_html(text)
    if is_html:
        return html_page(doc_id, source, text, encoding)
    return Page(doc_id, source, text, "text", encoding)


# --- records (JSONL, JSON arrays) -------------------------------------------------

def record_name(record: object, doc_id: str, source: str) -> tuple[str, str]:
    """A record's own id and URL when it has them, else the given ones."""
    if not isinstance(record, dict):
        return doc_id, source
    rec_id = record.get("id")
    return (str(rec_id) if rec_id not in (None, "") else doc_id), str(record.get("url") or source)


def page_from_record(record: object, doc_id: str, source: str) -> Page:
    """A page from one JSON record: ``text``/``content`` (or ``html``) plus metadata."""
    if not isinstance(record, dict):
        raise ReadError("record is not a JSON object")
    meta = {k: record[k] for k in ("title", "outlet", "url") if record.get(k)}
    published = next((record[k] for k in PUBLISHED_FIELDS if record.get(k)), None)
    if published:
        meta["published"] = published
    doc_id, source = record_name(record, doc_id, source)
    for field in HTML_FIELDS:
        if isinstance(record.get(field), str) and record[field].strip():
            return html_page(doc_id, source, record[field], "utf-8", meta)
    for field in TEXT_FIELDS:
        value = record.get(field)
        if isinstance(value, str):
            if not value.strip():
                raise ReadError(f"record field {field!r} is empty")
            if len(value) > MAX_PAGE_BYTES:
                raise ReadError(f"record text too large ({len(value):,} characters)")
            return Page(doc_id, source, value, "jsonl", "utf-8", meta)
    raise ReadError(f"record has no text field (one of {', '.join(TEXT_FIELDS + HTML_FIELDS)})")


def _records_from_lines(stream: Iterable[bytes], name: str, source: str) -> Iterator[Page | PageError]:
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
            yield page_from_record(record, doc_id, f"{source}:{lineno}")
        except ReadError as e:
            yield PageError(*record_name(record, doc_id, f"{source}:{lineno}"), "read", str(e))


def _records_from_json(data: bytes, name: str, source: str) -> Iterator[Page | PageError]:
    try:
        text, _ = decode(data)
        records = json.loads(text)
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
            yield page_from_record(record, doc_id, f"{source}#{n}")
        except ReadError as e:
            yield PageError(*record_name(record, doc_id, f"{source}#{n}"), "read", str(e))


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
                text, encoding = _decode_html(body, record.http_charset)
                yield html_page(doc_id, uri, text, encoding)
            except ReadError as e:
                yield PageError(doc_id, uri, "read", str(e))
    except (OSError, ValueError) as e:
        yield PageError(f"{path.name}:{count + 1}", str(path), "read", f"broken WARC record after {count} records: {e}")
        return
    if count == 0:
        yield PageError(path.name, str(path), "read", "no WARC response records (not a WARC file?)")


def _decode_html(body: bytes, declared: str | None) -> tuple[str, str]:
    """Decode an HTTP body, trusting a declared charset that decodes cleanly."""
    if len(body) > MAX_PAGE_BYTES:
        raise ReadError(f"page too large (over {MAX_PAGE_BYTES:,} bytes)")
    if declared:
        try:
            return body.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body)


def _from_parquet(path: Path) -> Iterator[Page | PageError]:
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
                    yield page_from_record(record, doc_id, f"{path}#{n}")
                except ReadError as e:
                    yield PageError(*record_name(record, doc_id, f"{path}#{n}"), "read", str(e))
                n += 1
    except duckdb.Error as e:
        yield PageError(f"{path.name}:{n}", str(path), "read", f"Parquet file broken after {n} rows: {e}")
    finally:
        con.close()


# --- files and folders -------------------------------------------------------------

def _from_member(name: str, source: str, suffix: str, data: bytes) -> Iterator[Page | PageError]:
    """Pages from the bytes of one file (or archive member) by its suffix."""
    if suffix in (".jsonl", ".ndjson"):
        yield from _records_from_lines(io.BytesIO(data), name, source)
    elif suffix == ".json":
        yield from _records_from_json(data, name, source)
    else:
        try:
            yield page_from_bytes(name, source, data, is_html=suffix in HTML_SUFFIXES or None)
        except ReadError as e:
            yield PageError(name, source, "read", str(e))


def _from_zip(path: Path) -> Iterator[Page | PageError]:
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
            yield from _from_member(member.name, source, suffix, data)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for double in (".warc.gz", ".arc.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def read_file(path: Path) -> Iterator[Page | PageError | Skipped]:
    """Pages of one file, whatever its kind."""
    suffix = _suffix(path)
    try:
        if suffix in (".warc", ".warc.gz", ".arc.gz"):
            yield from _from_warc(path)
            return
        if suffix == ".parquet":
            yield from _from_parquet(path)
            return
        if suffix == ".zip":
            yield from _from_zip(path)
            return
        if suffix in (".jsonl", ".ndjson"):
            with path.open("rb") as f:
                yield from _records_from_lines(f, path.name, str(path))
            return
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES and suffix != ".json":
            yield PageError(path.name, str(path), "read", f"page too large ({size:,} bytes; limit {MAX_PAGE_BYTES:,})")
            return
        yield from _from_member(path.name, str(path), suffix, path.read_bytes())
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


def read_unit(unit: Path | str | PageError) -> Iterator[Page | PageError | Skipped]:
    """Pages of one unit of :func:`expand_inputs`."""
    if isinstance(unit, PageError):
        yield unit
    elif unit == "-":
        data = sys.stdin.buffer.read()
        if data.lstrip()[:1] == b"{":
            yield from _records_from_lines(io.BytesIO(data), "stdin", "-")
        else:
            yield from _from_member("stdin", "-", "", data)
    else:
        yield from read_file(Path(unit))


def read_inputs(inputs: Iterable[str]) -> Iterator[Page | PageError | Skipped]:
    """Pages of every input: files, folders, or ``-`` for standard input."""
    for unit in expand_inputs(inputs):
        yield from read_unit(unit)
