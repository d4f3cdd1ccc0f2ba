"""Step 1, read: turn input paths into decoded ``Page`` records.

Inputs are files, folders (walked recursively in sorted order), ``-`` for
standard input, and containers of many pages (JSON Lines, a JSON array of
records, zip archives of those, Parquet with a text column, WARC files whose
HTML responses are pages, RSS and Atom feeds whose items are pages).  Records are read by the field names of news
datasets (``RECORD_FIELDS``) or those the user gives (``RunOptions.fields``).
A page that cannot be read becomes a ``PageError`` with a clear reason;
reading always goes on with the next one.

Only regular files are opened (a FIFO, socket or device is an error row),
and every container is streamed: no more than ``RunOptions.max_page_bytes``
is read or decompressed for one page, record or line, so memory stays
bounded whatever the input.  A page's ``doc_id`` is unique in the run: its
path relative to the input root (see :func:`expand_inputs`), and for a record
of a container, ``CONTAINER#KEY`` where the key is the record's ``id``, else
its ``url``, else its line or position.  What reading had to repair in a page
it then read (a character cut off at the end) is a ``PageWarning``.
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
from typing import BinaryIO, NamedTuple

from .feeds import FEED_SUFFIXES, MAYBE_FEED_SUFFIXES, SNIFF_BYTES, FeedError, feed_records, looks_like_feed
from .model import Page, PageError, PageWarning, Skipped
from .options import MAPPABLE_FIELDS, RunOptions

PAGE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml"}
CONTAINER_SUFFIXES = {".jsonl", ".ndjson", ".json", ".zip", ".parquet", ".warc", ".warc.gz", ".arc.gz",
                      *FEED_SUFFIXES, *MAYBE_FEED_SUFFIXES}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
ZIP_CONTAINER_SUFFIXES = {".jsonl", ".ndjson", ".json", *FEED_SUFFIXES, *MAYBE_FEED_SUFFIXES}  # read inside zip archives
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


class ReadError(Exception):
    """A page that cannot be turned into text; the message says why."""


def record_keys(options: RunOptions, name: str) -> tuple[str, ...]:
    """The record keys that may hold field ``name``: the user's (``--field``) first."""
    given = tuple(key for field_name, key in options.fields if field_name == name)
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
    page = Page(doc_id, source, text, "html", encoding, merged)
    _warn(page, warning)
    return page


def _warn(page: Page, warning: str | None) -> None:
    """Record on ``page`` what reading repaired (a ``warnings`` row)."""
    if warning:
        page.warnings.append(PageWarning(page.doc_id, page.source, "read", warning))


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head


def page_from_bytes(doc_id: str, source: str, data: bytes, is_html: bool | None = None,
                    max_bytes: int = RunOptions.max_page_bytes) -> Page:
    """Decode and wrap one page; raises ReadError."""
    if len(data) > max_bytes:
        raise ReadError(f"page too large ({len(data):,} bytes; limit {max_bytes:,})")
    text, encoding, warning = decode(data)
    return page_from_text(doc_id, source, text, is_html=is_html, encoding=encoding, warning=warning)


def page_from_text(doc_id: str, source: str, text: str, meta: dict | None = None, is_html: bool | None = None,
                   encoding: str = "utf-8", warning: str | None = None) -> Page:
    """A page from decoded text: through the HTML path when it is (or looks
    like) HTML, else the text as it is; ``meta`` as a record's fields give it."""
    if is_html is None:
        is_html = _looks_like_html(text)
    if is_html:
        return html_page(doc_id, source, text, encoding, meta, warning)
    page = Page(doc_id, source, text, "text", encoding, dict(meta or {}))
    _warn(page, warning)
    return page


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


def record_meta(record: dict, options: RunOptions = RunOptions()) -> dict:
    """What a record says about its page: ``title``, ``url``, ``outlet``, ``author``
    (as text), ``published`` and ``crawled`` (as given: text, number or datetime)."""
    meta = {}
    for name in ("title", "url", "outlet", "author"):
        value = _as_text(record_value(record, record_keys(options, name)))
        if value:
            meta[name] = value
    for name in ("published", "crawled"):
        value = record_value(record, record_keys(options, name))
        if value is not None:
            meta[name] = value
    return meta


def page_from_record(record: object, doc_id: str, source: str, options: RunOptions = RunOptions()) -> Page:
    """A page from one record: its text (or HTML) field plus metadata (see ``RECORD_FIELDS``)."""
    if not isinstance(record, dict):
        raise ReadError("record is not a JSON object")
    meta = record_meta(record, options)
    for key in record_keys(options, "html"):
        value = _lookup(record, key)
        if isinstance(value, str) and value.strip():
            return html_page(doc_id, source, value, "utf-8", meta)
    empty = None
    for key in record_keys(options, "text"):
        value = _lookup(record, key)
        if isinstance(value, str):
            if not value.strip():
                empty = empty or key
                continue
            if len(value) > options.max_page_bytes:
                raise ReadError(f"record text too large ({len(value):,} characters)")
            return Page(doc_id, source, value, "jsonl", "utf-8", meta)
    if empty:
        raise ReadError(f"record field {empty!r} is empty")
    names = record_keys(options, "text") + record_keys(options, "html")
    raise ReadError(f"record has no text field (one of {', '.join(names)}; name another with --field text=KEY)")


class RecordNames:
    """``doc_id`` and ``source`` of the records of one container.

    The ``doc_id`` is ``CONTAINER#KEY``, the key being the record's ``id``,
    else its ``url`` (under any name of ``RECORD_FIELDS`` or ``--field``),
    else its position (line or index), so that adding or
    moving a record changes no other record's id; a key the container has
    already used gets ``@POSITION`` (one 8-byte hash is kept per record).
    The ``source`` is the record's URL, else ``SOURCE`` + ``separator`` +
    position.
    """

    def __init__(self, container: str, source: str, separator: str, options: RunOptions):
        self.container, self.source, self.separator = container, source, separator
        self.id_keys, self.url_keys = record_keys(options, "id"), record_keys(options, "url")
        self._seen: set[int] = set()

    def of(self, record: object, position: int) -> tuple[str, str]:
        key, url = str(position), None
        if isinstance(record, dict):
            rec_id, url = record_value(record, self.id_keys), record_value(record, self.url_keys)
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
    names = RecordNames(name, source, ":", options)
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
    names = RecordNames(name, source, "#", options)
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

def _from_warc(path: Path, name: str, options: RunOptions,
               position: ReadPosition | None = None) -> Iterator[Page | PageError | Skipped]:
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
        with _open_regular(path, position) as f:
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
                    text, encoding, warning = _decode_html(body, record.http_charset)
                    meta = {"url": uri, "crawled": record.headers.get("WARC-Date")}
                    yield html_page(doc_id, uri, text, encoding, meta, warning)
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


def _decode_html(body: bytes, declared: str | None) -> Decoded:
    """Decode an HTTP body, trusting a declared charset that decodes cleanly."""
    if declared:
        try:
            return Decoded(body.decode(declared), declared.lower())
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body)


def _from_parquet(path: Path, name: str, options: RunOptions) -> Iterator[Page | PageError]:
    """Records of a Parquet file with a text column, read in batches by DuckDB."""
    import duckdb

    source = printable(str(path))
    names = RecordNames(name, source, "#", options)
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

def _from_stream(stream: BinaryIO, name: str, source: str, suffix: str, options: RunOptions,
                 named: bool = True) -> Iterator[Page | PageError | Skipped]:
    """Pages from one open file (or archive member) by its suffix; ``named``:
    the file was given by name (not found in a folder or an archive)."""
    if suffix in (".jsonl", ".ndjson"):
        yield from _records_from_lines(stream, name, source, options)
    elif suffix == ".json":
        yield from _records_from_json(stream, name, source, options)
    elif suffix in FEED_SUFFIXES or suffix in MAYBE_FEED_SUFFIXES:
        yield from _from_xml(stream, name, source, suffix, options, named)
    else:
        try:
            data = _read_at_most(stream, options.max_page_bytes)
            yield page_from_bytes(name, source, data, suffix in HTML_SUFFIXES or None, options.max_page_bytes)
        except Exception as e:
            yield PageError(name, source, "read", _reason(e))


def _from_xml(stream: BinaryIO, name: str, source: str, suffix: str, options: RunOptions,
              named: bool) -> Iterator[Page | PageError | Skipped]:
    """A feed's items; an ``.xml`` file that is not a feed is one page when given
    by name, else skipped (a folder's sitemap)."""
    head = stream.read(SNIFF_BYTES)
    whole = _Rejoined(head, stream)
    if looks_like_feed(head):
        yield from _records_from_feed(whole, name, source, options)
    elif suffix in FEED_SUFFIXES:
        yield PageError(name, source, "read", "not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root element)")
    elif named:
        yield from _from_stream(whole, name, source, "", options)
    else:
        yield Skipped(name, source, "XML that is not an RSS or Atom feed")


def _records_from_feed(stream: BinaryIO, name: str, source: str, options: RunOptions) -> Iterator[Page | PageError]:
    """One page an item (see :mod:`isnad.feeds`); broken XML ends the feed with an
    error row, keeping the items before it."""
    names = RecordNames(name, source, "#", options)
    n = 0
    try:
        for n, record in enumerate(feed_records(stream), 1):
            body = record.get("html") or record.get("text") or ""
            if len(body) > options.max_page_bytes:
                yield PageError(*names.of(record, n), "read", f"feed item too large ({len(body):,} characters)")
            else:
                yield _page_or_error("", record, *names.of(record, n), options)
    except FeedError as e:
        yield PageError(f"{name}#{n + 1}", source, "read", f"not a readable feed: {e}")


class _Rejoined(io.RawIOBase):
    """A stream whose first bytes were already read (``head``), read again from its start."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            data, self._head = self._head + self._rest.read(), b""
            return data
        data, self._head = self._head[:size], self._head[size:]
        if len(data) < size:
            data += self._rest.read(size - len(data))
        return data


def _read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """The whole stream, or a ReadError once more than ``limit`` bytes come."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ReadError(f"page too large (over {limit:,} bytes)")
    return data


def _from_zip(path: Path, name: str, options: RunOptions,
              position: ReadPosition | None = None) -> Iterator[Page | PageError | Skipped]:
    """Every page or record file of a zip archive, in name order; each member is
    streamed, so its declared size does not matter, only the bytes it gives."""
    source = printable(str(path))
    try:
        archive = zipfile.ZipFile(_open_regular(path, position))
    except (zipfile.BadZipFile, OSError, ReadError) as e:
        yield PageError(name, source, "read", f"not a readable zip archive: {e}")
        return
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            suffix = Path(info.filename).suffix.lower()
            if suffix not in PAGE_SUFFIXES | ZIP_CONTAINER_SUFFIXES:
                continue
            member_name, member_source = f"{name}!{info.filename}", f"{source}!{info.filename}"
            try:
                with archive.open(info) as member:
                    yield from _from_stream(member, member_name, member_source, suffix, options, named=False)
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
    """A unit of work: a file to read (or ``-``), the name its pages' ids start
    with, and whether it was given by name (not found in a folder)."""

    path: str
    name: str
    named: bool = True


class ReadPosition:
    """How far reading has gone through the input files, in bytes: the files
    read, and the offset reached in the file being read (for a progress bar)."""

    def __init__(self):
        self.done = 0
        self._file: BinaryIO | None = None

    def opened(self, f: BinaryIO) -> BinaryIO:
        """Follow the offset of ``f``, the file now being read."""
        self._file = f
        return f

    def finished(self, unit: InputFile | PageError) -> None:
        self._file = None
        self.done += _input_size(unit)

    @property
    def bytes(self) -> int:
        f = self._file
        try:
            return self.done + (f.tell() if f is not None and not f.closed else 0)
        except (OSError, ValueError):
            return self.done


def _input_size(unit: InputFile | PageError) -> int:
    if not isinstance(unit, InputFile) or unit.path == "-":
        return 0
    try:
        return os.stat(unit.path).st_size
    except OSError:
        return 0


def input_bytes(inputs: Iterable[str]) -> int | None:
    """The bytes of every input file (file sizes only, nothing is read); None
    when standard input is one of the inputs."""
    total = 0
    for unit in expand_inputs(inputs):
        if isinstance(unit, InputFile) and unit.path == "-":
            return None
        total += _input_size(unit)
    return total


def read_file(unit: InputFile, options: RunOptions = RunOptions(),
              position: ReadPosition | None = None) -> Iterator[Page | PageError | Skipped]:
    """Pages of one file, whatever its kind; whatever it raises becomes an error row."""
    path, name = Path(unit.path), unit.name
    suffix = _suffix(path)
    source = printable(unit.path)
    try:
        if suffix in (".warc", ".warc.gz", ".arc.gz"):
            yield from _from_warc(path, name, options, position)
        elif suffix == ".parquet":
            yield from _from_parquet(path, name, options)
        elif suffix == ".zip":
            yield from _from_zip(path, name, options, position)
        else:
            with _open_regular(path, position) as f:
                yield from _from_stream(f, name, source, suffix, options, unit.named)
    except Exception as e:
        yield PageError(name, source, "read", f"cannot read file: {_reason(e)}")


def _open_regular(path: Path, position: ReadPosition | None = None) -> BinaryIO:
    """Open a regular file for reading; a FIFO, socket or device is a ReadError
    (opened without blocking, so a FIFO with no writer cannot hang the run).
    ``position`` follows the file's offset."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ReadError(f"not a regular file ({_file_kind(mode)})")
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    f = os.fdopen(fd, "rb")  # the file owns fd from here: closing it here too could close another file's reused number
    return position.opened(f) if position else f


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
                    yield InputFile(str(file), _name(str(file), root), named=False)
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


def read_unit(unit: InputFile | PageError, options: RunOptions = RunOptions(),
              position: ReadPosition | None = None) -> Iterator[Page | PageError | Skipped]:
    """Pages of one unit of :func:`expand_inputs`; ``options.published`` goes to
    every page as the date of last resort."""
    for item in _read_unit(unit, options, position):
        if options.published and isinstance(item, Page):
            item.meta["published_fallback"] = options.published
        yield item
    if position:
        position.finished(unit)


def _read_unit(unit: InputFile | PageError, options: RunOptions,
               position: ReadPosition | None) -> Iterator[Page | PageError | Skipped]:
    if isinstance(unit, PageError):
        yield unit
    elif unit.path == "-":
        yield from _from_stdin(sys.stdin.buffer, options)
    else:
        yield from read_file(unit, options, position)


def _from_stdin(stream: BinaryIO, options: RunOptions) -> Iterator[Page | PageError]:
    """Standard input, streamed: JSON Lines when it starts with ``{``, else one page."""
    head = stream.peek(4096) if hasattr(stream, "peek") else b""
    if head.lstrip()[:1] == b"{":
        yield from _records_from_lines(stream, "stdin", "-", options)
    else:
        yield from _from_stream(stream, "stdin", "-", "", options)


def read_inputs(inputs: Iterable[str], options: RunOptions = RunOptions(),
                position: ReadPosition | None = None) -> Iterator[Page | PageError | Skipped]:
    """Pages of every input: files, folders, or ``-`` for standard input;
    ``position`` follows how far reading has gone."""
    for unit in expand_inputs(inputs):
        yield from read_unit(unit, options, position)
