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

    ``meta`` holds what the container already knew about the page (a JSONL
    record's ``title``, ``published``, ``outlet``, ``url``; trafilatura's
    title and date for HTML); segmentation fills what is missing.
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


@dataclass
class Article:
    """An article found in a page: kept body segments plus its metadata."""

    doc_id: str
    source: str
    article_index: int
    segments: list[Span]
    title: str | None = None
    title_span: Span | None = None
    published: str | None = None
    published_span: Span | None = None
    outlet: str | None = None
    outlet_span: Span | None = None
    agencies: list[str] = field(default_factory=list)
    agency_spans: list[Span] = field(default_factory=list)
    dateline: str | None = None
    dateline_span: Span | None = None

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
            "outlet": self.outlet,
            "outlet_span": list(self.outlet_span) if self.outlet_span else None,
            "agencies": list(self.agencies),
            "agency_spans": [list(s) for s in self.agency_spans],
            "dateline": self.dateline,
            "dateline_span": list(self.dateline_span) if self.dateline_span else None,
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
