"""Records that flow through the pipeline.

A ``Page`` is one decoded input page.  Steps add ``Article`` records to it
(and, later, statements and events); every span is ``[start, end)`` in
characters of ``Page.text`` as decoded, before any normalisation.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from .text import FoldedText, fold

Span = tuple[int, int]


@dataclass
class Page:
    """One input page, decoded.

    ``meta`` holds what the container already knew about the page (a
    record's ``title``, ``published``, ``crawled``, ``outlet``, ``url``,
    ``author``; trafilatura's title, date and site name for HTML; a WARC
    record's URL and crawl time; ``published_fallback`` from ``isnad run
    --published``); segmentation fills what is missing.  ``warnings`` say
    what reading had to repair (a character cut off at the end, a lone
    surrogate replaced).
    """

    doc_id: str
    source: str
    text: str
    content_type: str = "text"  # text | html | jsonl
    encoding: str = "utf-8"
    meta: dict = field(default_factory=dict)
    articles: list["Article"] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    warnings: list["PageWarning"] = field(default_factory=list)
    scans: dict = field(default_factory=dict, repr=False, compare=False)  # lexicon mentions by stretch, shared by the steps

    @cached_property
    def folded(self) -> FoldedText:
        """The folded view of the whole page, computed once."""
        return fold(self.text)


def statements_by_article(statements: Iterable[dict]) -> dict[int, list[dict]]:
    """Statement records grouped by their article's index."""
    by_article: dict[int, list[dict]] = {}
    for statement in statements:
        by_article.setdefault(int(statement.get("article_index") or 0), []).append(statement)
    return by_article


# Where an article's publication date came from (``published_source``): a date
# stated in the page's text, the container's metadata (a record's date field, the
# HTML page's markup), the URL's path, the crawl time (when the page was fetched:
# not its publication date), or ``isnad run --published``.
PUBLISHED_SOURCES = ("text", "metadata", "url", "crawl", "fallback")
# Where its outlet came from (``outlet_source``): the container's metadata, a line
# of the page (its header, an "المصدر:" line), the URL's domain, or the lead's
# agency credit when nothing else names the outlet.
OUTLET_SOURCES = ("metadata", "text", "url", "credit")


@dataclass
class Article:
    """An article found in a page: kept body segments plus its metadata.

    ``published`` is an ISO date (``YYYY-MM-DD``) or None, how precise it is
    in ``published_precision`` (day, month, year) and where it came from in
    ``published_source``; a day stated without its year (a dateline "5
    ديسمبر") is kept as ``published_partial`` (``--MM-DD``) when nothing
    gives the year.  ``published_span`` is where the page states the date.
    ``outlet`` and ``agencies`` are canonical names (:mod:`isnad.outlets`);
    an agency named only in the metadata (a record's byline) has no span.
    """

    doc_id: str
    source: str
    article_index: int
    segments: list[Span]
    title: str | None = None
    title_span: Span | None = None
    published: str | None = None
    published_span: Span | None = None
    published_precision: str | None = None
    published_source: str | None = None
    published_partial: str | None = None
    outlet: str | None = None
    outlet_span: Span | None = None
    outlet_source: str | None = None
    agencies: list[str] = field(default_factory=list)
    agency_spans: list[Span | None] = field(default_factory=list)
    dateline: str | None = None
    dateline_span: Span | None = None
    author: str | None = None

    @property
    def span(self) -> Span:
        """The whole extent of the article, title included."""
        starts = [s for s, _ in self.segments]
        ends = [e for _, e in self.segments]
        if self.title_span:
            starts.append(self.title_span[0])
            ends.append(self.title_span[1])
        return (min(starts), max(ends)) if starts else (0, 0)

    def text(self, page_text: str) -> str:
        """The body: kept segments joined by newlines."""
        return "\n".join(page_text[s:e] for s, e in self.segments)

    def to_record(self, page_text: str) -> dict:
        """The ``articles.jsonl`` row."""
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "article_index": self.article_index,
            "span": list(self.span),
            "segments": [list(s) for s in self.segments],
            "title": self.title,
            "title_span": list(self.title_span) if self.title_span else None,
            "text": self.text(page_text),
            "published": self.published,
            "published_span": list(self.published_span) if self.published_span else None,
            "published_precision": self.published_precision,
            "published_source": self.published_source,
            "published_partial": self.published_partial,
            "outlet": self.outlet,
            "outlet_span": list(self.outlet_span) if self.outlet_span else None,
            "outlet_source": self.outlet_source,
            "agencies": list(self.agencies),
            "agency_spans": [list(s) if s else None for s in self.agency_spans],
            "dateline": self.dateline,
            "dateline_span": list(self.dateline_span) if self.dateline_span else None,
            "author": self.author,
        }


@dataclass
class PageError:
    """A page that could not be read or processed."""

    doc_id: str
    source: str
    stage: str  # read | decode | segment | ...
    error: str

    def to_record(self) -> dict:
        return {"doc_id": self.doc_id, "source": self.source, "stage": self.stage, "error": self.error}


@dataclass
class PageWarning:
    """Something a reader had to repair in a page that is still processed."""

    doc_id: str
    source: str
    stage: str
    warning: str

    def to_record(self) -> dict:
        return {"doc_id": self.doc_id, "source": self.source, "stage": self.stage, "warning": self.warning}


@dataclass
class Skipped:
    """A record of a container that is not a page (e.g. a WARC image response)."""

    doc_id: str
    source: str
    reason: str
