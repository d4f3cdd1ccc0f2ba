"""Step 1, read: turn input paths into decoded ``Page`` records.

Inputs are files, folders (walked recursively in sorted order), ``-`` for
standard input, and containers of many pages (JSON Lines, a JSON array of
records, zip archives of those, Parquet with a text column, WARC files whose
HTML responses are pages).  A page that cannot be read becomes a
``PageError`` with a clear reason; reading always goes on with the next one.

Only regular files are opened (a FIFO, socket or device is an error row),
and every container is streamed: no more than ``RunOptions.max_page_bytes``
is read or decompressed for one page, record or line, so memory stays
bounded whatever the input.  A page's ``doc_id`` is unique in the run: its
path relative to the input root (see :func:`expand_inputs`), and for a record
of a container, ``CONTAINER#KEY`` where the key is the record's ``id``, else
its ``url``, else its line or position.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import json
import os
import re
import stat
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .model import Page, PageError, PageWarning, Skipped
from .options import RunOptions

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


def page_from_bytes(doc_id: str, source: str, data: bytes, is_html: bool | None = None,
                    max_bytes: int = RunOptions.max_page_bytes) -> Page:
    """Decode and wrap one page; raises ReadError."""
    if len(data) > max_bytes:
        raise ReadError(f"page too large ({len(data):,} bytes; limit {max_bytes:,})")
    text, encoding = decode(data)
    if is_html is None:
        is_html = _looks_like_html(text)
    if is_html:
        return html_page(doc_id, source, text, encoding)
    return Page(doc_id, source, text, "text", encoding)


# --- records (JSONL, JSON arrays) -------------------------------------------------

def page_from_record(record: object, doc_id: str, source: str, options: RunOptions = RunOptions()) -> Page:
    """A page from one JSON record: ``text``/``content`` (or ``html``) plus metadata."""
    if not isinstance(record, dict):
        raise ReadError("record is not a JSON object")
    meta = {k: record[k] for k in ("title", "outlet", "url") if record.get(k)}
    published = next((record[k] for k in PUBLISHED_FIELDS if record.get(k)), None)
    if published:
        meta["published"] = published
    for field in HTML_FIELDS:
        if isinstance(record.get(field), str) and record[field].strip():
            return html_page(doc_id, source, record[field], "utf-8", meta)
    for field in TEXT_FIELDS:
        value = record.get(field)
        if isinstance(value, str):
            if not value.strip():
                raise ReadError(f"record field {field!r} is empty")
            if len(value) > options.max_page_bytes:
                raise ReadError(f"record text too large ({len(value):,} characters)")
            return Page(doc_id, source, value, "jsonl", "utf-8", meta)
    raise ReadError(f"record has no text field (one of {', '.join(TEXT_FIELDS + HTML_FIELDS)})")


class RecordNames:
    """``doc_id`` and ``source`` of the records of one container.

    The ``doc_id`` is ``CONTAINER#KEY``, the key being the record's ``id``,
    else its ``url``, else its position (line or index), so that adding or
    moving a record changes no other record's id; a key the container has
    already used gets ``@POSITION`` (one 8-byte hash is kept per record).
    The ``source`` is the record's URL, else ``SOURCE`` + ``separator`` +
    position.
    """

    def __init__(self, container: str, source: str, separator: str):
        self.container, self.source, self.separator = container, source, separator
        self._seen: set[int] = set()

    def of(self, record: object, position: int) -> tuple[str, str]:
        key, url = str(position), None
        if isinstance(record, dict):
            rec_id, url = record.get("id"), record.get("url")
            url = escape_surrogates(url) if isinstance(url, str) and url else None
            if isinstance(rec_id, (str, int, float)) and not isinstance(rec_id, bool) and rec_id != "":
                key = escape_surrogates(str(rec_id))
            elif url:
                key = url
        digest = int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")
        if digest in self._seen:
            key = f"{key}@{position}"
        self._seen.add(digest)
        return f"{self.container}#{key}", url or f"{self.source}{self.separator}{position}"


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}"
_SURROGATE_ESCAPES = (re.compile(_SURROGATE_ESCAPE.encode()), re.compile(_SURROGATE_ESCAPE))


def escape_surrogates(value: str) -> str:
    """``value`` with every lone surrogate written ``\\udXXX`` (so that UTF-8 can hold it)."""
    if not _SURROGATE.search(value):
        return value
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", value)


def _record_page(raw: bytes | str, record: object, doc_id: str, source: str, options: RunOptions) -> Page:
    """The page of one decoded record; lone surrogates (``"\\ud800"``, which
    UTF-8 cannot hold) in its fields are replaced by U+FFFD, with a warning."""
    repaired = 0
    if isinstance(record, dict) and _SURROGATE_ESCAPES[isinstance(raw, str)].search(raw):
        clean = {}
        for k, v in record.items():
            if isinstance(v, str):
                v, n = _SURROGATE.subn("\ufffd", v)
                repaired += n
            clean[k] = v
        record = clean
    page = page_from_record(record, doc_id, source, options)
    if repaired:
        page.warnings.append(PageWarning(doc_id, source, "read", f"{repaired} lone surrogate(s) replaced by U+FFFD"))
    return page


def _parse_json(text: bytes | str) -> object:
    """``json.loads`` whose failures (syntax, nesting too deep) are ReadErrors."""
    try:
        return json.loads(text)
    except ValueError as e:
        raise ReadError(f"not JSON: {e}") from None
    except RecursionError:
        raise ReadError("JSON nested too deeply") from None


def _records_from_lines(stream: BinaryIO, name: str, source: str, options: RunOptions) -> Iterator[Page | PageError]:
    """One page a line; a line is read up to the size limit, never whole."""
    names = RecordNames(name, source, ":")
    for lineno, raw in _bounded_lines(stream, options.max_page_bytes):
        if raw is not None and not raw.strip():
            continue
        try:
            if raw is None:
                raise ReadError(f"line {lineno} too large (over {options.max_page_bytes:,} bytes)")
            try:
                record = _parse_json(raw)
            except ReadError as e:
                raise ReadError(f"line {lineno} is {e}") from None
        except ReadError as e:
            yield PageError(*names.of(None, lineno), "read", str(e))
            continue
        yield _page_or_error(raw, record, *names.of(record, lineno), options)


def _page_or_error(raw: bytes | str, record: object, doc_id: str, source: str, options: RunOptions) -> Page | PageError:
    try:
        return _record_page(raw, record, doc_id, source, options)
    except Exception as e:
        return PageError(doc_id, source, "read", _reason(e))


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) of a byte stream; ``None`` for a line longer than
    ``limit``, whose rest is skipped without being kept."""
    lineno = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield lineno, None
        else:
            yield lineno, line


def _records_from_json(stream: BinaryIO, name: str, source: str, options: RunOptions) -> Iterator[Page | PageError]:
    """The records of a JSON document (an object, or an array of objects),
    parsed one element at a time: no element may exceed the size limit."""
    names = RecordNames(name, source, "#")
    try:
        for n, raw, record in JsonElements(_text_stream(stream), options.max_page_bytes):
            yield _page_or_error(raw, record, *names.of(record, n), options)
    except ReadError as e:
        yield PageError(name, source, "read", f"not a JSON document: {e}")


def _text_stream(stream: BinaryIO) -> io.TextIOBase:
    """Decoded text of a JSON document: UTF-8 (or UTF-16/32 with a BOM or by its zero bytes,
    or windows-1256 when its start is single-byte Arabic)."""
    head = stream.read(4096)
    encoding = next((enc for bom, enc in _BOMS if head.startswith(bom)), None)
    if encoding is None and b"\x00" in head:
        encoding = _utf16_without_bom(head)
    if encoding is None:
        encoding = "utf-8"
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as e:
            if not (e.reason == "unexpected end of data" and e.end == len(head)) and _looks_single_byte_arabic(head):
                encoding = "cp1256"
    decoder = codecs.getincrementaldecoder("utf-8-sig" if encoding == "utf-8" else encoding)()
    return _DecodedStream(head, stream, decoder)


class _DecodedStream(io.TextIOBase):
    """Text of a byte stream through an incremental decoder (``read(n)`` only)."""

    def __init__(self, head: bytes, stream: BinaryIO, decoder: codecs.IncrementalDecoder):
        self._head, self._stream, self._decoder = head, stream, decoder

    def read(self, size: int = -1) -> str:
        data, self._head = (self._head or self._stream.read(size)), b""
        try:
            return self._decoder.decode(data, final=not data)
        except UnicodeDecodeError as e:
            raise ReadError(f"invalid {e.encoding}: {e.reason}") from None


class JsonElements:
    """``(index, text, value)`` of each element of a top-level JSON array (or the
    one object of the document), read in chunks: memory holds one element at a time.
    An element longer than ``limit`` characters, nested too deeply or broken ends
    the document with a ReadError (the stream cannot be resynchronised)."""

    CHUNK = 1 << 16

    def __init__(self, text: io.TextIOBase, limit: int):
        self.text, self.limit = text, limit
        self.buf, self.pos, self.eof = "", 0, False
        self.decoder = json.JSONDecoder()

    def _fill(self, size: int) -> bool:
        if self.eof:
            return False
        chunk = self.text.read(size)
        self.buf, self.pos = self.buf[self.pos:] + chunk, 0
        self.eof = not chunk
        return bool(chunk)

    def _next_char(self) -> str:
        """The next character that is not white space ('' at the end), not consumed."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf) or not self._fill(self.CHUNK):
                return self.buf[self.pos:self.pos + 1]

    def _value(self) -> tuple[str, object]:
        """The JSON value at the next non-blank position, reading more until it is whole."""
        self._next_char()
        while True:
            available = len(self.buf) - self.pos
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
                if end < len(self.buf) or self.eof:
                    raw, self.pos = self.buf[self.pos:end], end
                    return raw, value
            except json.JSONDecodeError as e:
                if self.eof:
                    raise ReadError(str(e)) from None
            except RecursionError:
                raise ReadError("JSON nested too deeply") from None
            if available > self.limit:
                raise ReadError(f"a record larger than {self.limit:,} characters")
            self._fill(max(self.CHUNK, available))

    def __iter__(self) -> Iterator[tuple[int, str, object]]:
        first = self._next_char()
        if first == "{":
            raw, value = self._value()
            if self._next_char():
                raise ReadError("extra data after the JSON object")
            yield 0, raw, value
            return
        if first != "[":
            raise ReadError("neither an object nor an array")
        self.pos += 1
        n = 0
        if self._next_char() == "]":
            return
        while True:
            raw, value = self._value()
            yield n, raw, value
            n += 1
            sep = self._next_char()
            self.pos += 1
            if sep == "]":
                return
            if sep != ",":
                raise ReadError(f"expected ',' or ']' after element {n - 1}, found {sep or 'the end'!r}")


# --- WARC and Parquet ---------------------------------------------------------------

def _from_warc(path: Path, name: str, options: RunOptions) -> Iterator[Page | PageError | Skipped]:
    """HTML responses of a WARC (or WARC.gz) file; other records are skipped.

    A record that cannot be parsed ends the file with an error row (the
    stream cannot be resynchronised), keeping every page read before it.
    At most ``max_page_bytes`` of a record's body are decompressed.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = 0
    source = printable(str(path))
    limit = options.max_page_bytes
    try:
        with _open_regular(path) as f:
            for record in ArchiveIterator(f, record_types=WarcRecordType.response, parse_http=True):
                if not record.record_id:
                    raise ValueError("record without WARC-Record-ID")
                count += 1
                uri = record.headers.get("WARC-Target-URI") or f"{source}#{count}"
                doc_id = f"{name}#{record.record_id.strip('<>')}"
                content_type = (record.http_content_type or "").lower()
                if "html" not in content_type:
                    yield Skipped(doc_id, uri, f"not HTML ({content_type or 'no content type'})")
                    continue
                body = record.reader.read(limit + 1)
                try:
                    if len(body) > limit:
                        raise ReadError(f"page too large (over {limit:,} bytes)")
                    if len(body) < record.content_length:
                        raise ReadError(f"truncated WARC record ({len(body):,} of {record.content_length:,} bytes)")
                    text, encoding = _decode_html(body, record.http_charset)
                    yield html_page(doc_id, uri, text, encoding)
                except Exception as e:
                    yield PageError(doc_id, uri, "read", _reason(e))
    except ReadError as e:
        yield PageError(name, source, "read", str(e))
        return
    except Exception as e:
        yield PageError(f"{name}#{count + 1}", source, "read", f"broken WARC record after {count} records: {_reason(e)}")
        return
    if count == 0:
        yield PageError(name, source, "read", "no WARC response records (not a WARC file?)")


def _decode_html(body: bytes, declared: str | None) -> tuple[str, str]:
    """Decode an HTTP body, trusting a declared charset that decodes cleanly."""
    if declared:
        try:
            return body.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body)


def _from_parquet(path: Path, name: str, options: RunOptions) -> Iterator[Page | PageError]:
    """Records of a Parquet file with a text column, read in batches by DuckDB."""
    import duckdb

    source = printable(str(path))
    names = RecordNames(name, source, "#")
    try:
        with _open_regular(path):
            pass
        con = duckdb.connect()
        cursor = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        columns = [d[0] for d in cursor.description]
    except (ReadError, duckdb.Error) as e:
        yield PageError(name, source, "read", f"not a readable Parquet file: {e}")
        return
    n = 0
    try:
        while batch := cursor.fetchmany(512):
            for values in batch:
                record = dict(zip(columns, values))
                yield _page_or_error("", record, *names.of(record, n), options)
                n += 1
    except duckdb.Error as e:
        yield PageError(f"{name}#{n}", source, "read", f"Parquet file broken after {n} rows: {e}")
    finally:
        con.close()


# --- files and folders -------------------------------------------------------------

def _from_stream(stream: BinaryIO, name: str, source: str, suffix: str, options: RunOptions) -> Iterator[Page | PageError]:
    """Pages from one open file (or archive member) by its suffix."""
    if suffix in (".jsonl", ".ndjson"):
        yield from _records_from_lines(stream, name, source, options)
    elif suffix == ".json":
        yield from _records_from_json(stream, name, source, options)
    else:
        try:
            data = _read_at_most(stream, options.max_page_bytes)
            yield page_from_bytes(name, source, data, suffix in HTML_SUFFIXES or None, options.max_page_bytes)
        except Exception as e:
            yield PageError(name, source, "read", _reason(e))


def _read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """The whole stream, or a ReadError once more than ``limit`` bytes come."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ReadError(f"page too large (over {limit:,} bytes)")
    return data


def _from_zip(path: Path, name: str, options: RunOptions) -> Iterator[Page | PageError]:
    """Every page or record file of a zip archive, in name order; each member is
    streamed, so its declared size does not matter, only the bytes it gives."""
    source = printable(str(path))
    try:
        archive = zipfile.ZipFile(_open_regular(path))
    except (zipfile.BadZipFile, OSError, ReadError) as e:
        yield PageError(name, source, "read", f"not a readable zip archive: {e}")
        return
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            suffix = Path(info.filename).suffix.lower()
            if suffix not in PAGE_SUFFIXES | {".jsonl", ".ndjson", ".json"}:
                continue
            member_name, member_source = f"{name}!{info.filename}", f"{source}!{info.filename}"
            try:
                with archive.open(info) as member:
                    yield from _from_stream(member, member_name, member_source, suffix, options)
            except Exception as e:
                yield PageError(member_name, member_source, "read", f"cannot read archive member: {_reason(e)}")


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for double in (".warc.gz", ".arc.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


@dataclass(frozen=True)
class InputFile:
    """A unit of work: a file to read (or ``-``), and the name its pages' ids start with."""

    path: str
    name: str


def read_file(unit: InputFile, options: RunOptions = RunOptions()) -> Iterator[Page | PageError | Skipped]:
    """Pages of one file, whatever its kind; whatever it raises becomes an error row."""
    path, name = Path(unit.path), unit.name
    suffix = _suffix(path)
    source = printable(unit.path)
    try:
        if suffix in (".warc", ".warc.gz", ".arc.gz"):
            yield from _from_warc(path, name, options)
        elif suffix == ".parquet":
            yield from _from_parquet(path, name, options)
        elif suffix == ".zip":
            yield from _from_zip(path, name, options)
        else:
            with _open_regular(path) as f:
                yield from _from_stream(f, name, source, suffix, options)
    except Exception as e:
        yield PageError(name, source, "read", f"cannot read file: {_reason(e)}")


def _open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading; a FIFO, socket or device is a ReadError
    (opened without blocking, so a FIFO with no writer cannot hang the run)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ReadError(f"not a regular file ({_file_kind(mode)})")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return kind
    return "not a file"


def _reason(e: BaseException) -> str:
    """An error row's reason: a ReadError's message, else the exception's type and message."""
    if isinstance(e, ReadError):
        return str(e)
    if isinstance(e, OSError) and e.strerror:
        return e.strerror
    return f"{type(e).__name__}: {e}"


def printable(path: str) -> str:
    """A path as text that UTF-8 can hold, losslessly: a name whose bytes are
    not UTF-8 (a windows-1256 Arabic name) keeps each such byte as ``\\xNN``
    and doubles its backslashes."""
    if not _SURROGATE.search(path):
        return path
    raw = os.fsencode(path)
    return raw.replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")


def walk(folder: Path) -> Iterator[Path | OSError]:
    """Page files under ``folder``, recursively, in a stable (sorted) order
    (hidden entries skipped); a subfolder that cannot be listed gives its
    ``OSError`` (with its ``filename``) in its place."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        e.filename = str(folder)
        yield e
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from walk(path)
        elif _suffix(path) in PAGE_SUFFIXES | CONTAINER_SUFFIXES:
            yield path


def expand_inputs(inputs: Iterable[str]) -> Iterator[InputFile | PageError]:
    """The units of work of the inputs: files (with the names their pages'
    ids start with), ``-``, or error rows.

    A file's name is its path relative to the input root, the deepest
    folder that holds every input (the folder itself when it is the only
    input; a file given alone is named by its file name).  An input inside
    another given folder, or given twice, is read once.
    """
    inputs = list(dict.fromkeys(inputs))
    existing = [os.path.abspath(i) for i in inputs if i != "-" and os.path.lexists(i)]
    folders = [p for p in existing if os.path.isdir(p)]
    root = os.path.commonpath([p if p in folders else os.path.dirname(p) for p in existing]) if existing else ""
    for item in inputs:
        if item == "-":
            yield InputFile("-", "stdin")
            continue
        absolute = os.path.abspath(item)
        if absolute in existing and any(absolute.startswith(f.rstrip(os.sep) + os.sep) for f in folders):
            continue  # read with its folder
        if absolute in folders:
            found = False
            for file in walk(Path(item)):
                found = True
                if isinstance(file, OSError):
                    yield PageError(_name(file.filename, root), printable(file.filename), "read",
                                    f"cannot list folder: {file.strerror or file}")
                else:
                    yield InputFile(str(file), _name(str(file), root))
            if not found:
                kinds = ", ".join(sorted(PAGE_SUFFIXES | CONTAINER_SUFFIXES))
                yield PageError(_name(item, root), printable(item), "read", f"folder holds no pages ({kinds})")
        elif absolute in existing:
            yield InputFile(item, _name(item, root))
        else:
            yield PageError(printable(Path(item).name or item), printable(item), "read", "no such file or folder")


def _name(path: str, root: str) -> str:
    """``path`` relative to the input root, with ``/`` between folders (the root itself: its name)."""
    absolute = os.path.abspath(path)
    name = os.path.relpath(absolute, root) if absolute != root else os.path.basename(absolute)
    return printable(name.replace(os.sep, "/"))


def read_unit(unit: InputFile | PageError, options: RunOptions = RunOptions()) -> Iterator[Page | PageError | Skipped]:
    """Pages of one unit of :func:`expand_inputs`."""
    if isinstance(unit, PageError):
        yield unit
    elif unit.path == "-":
        yield from _from_stdin(sys.stdin.buffer, options)
    else:
        yield from read_file(unit, options)


def _from_stdin(stream: BinaryIO, options: RunOptions) -> Iterator[Page | PageError]:
    """Standard input, streamed: JSON Lines when it starts with ``{``, else one page."""
    head = stream.peek(4096) if hasattr(stream, "peek") else b""
    if head.lstrip()[:1] == b"{":
        yield from _records_from_lines(stream, "stdin", "-", options)
    else:
        yield from _from_stream(stream, "stdin", "-", "", options)


def read_inputs(inputs: Iterable[str], options: RunOptions = RunOptions()) -> Iterator[Page | PageError | Skipped]:
    """Pages of every input: files, folders, or ``-`` for standard input."""
    for unit in expand_inputs(inputs):
        yield from read_unit(unit, options)
