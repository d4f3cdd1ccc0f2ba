"""The pipeline: small steps over one page, then over the corpus.

``PAGE_STEPS`` run in order on each ``Page`` (pure functions of the page,
so they run the same in a worker process or a Ray task); ``run`` streams
pages from the readers through them into the store.  A step that fails
turns its page into an error row and the run goes on.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .model import Page, PageError
from .read import read_inputs
from .segment import segment_page
from .statements import extract_statements
from .store import RunWriter


def segment_step(page: Page) -> None:
    """Find the articles of the page (step 2) with their metadata."""
    page.articles = segment_page(page)


def statements_step(page: Page) -> None:
    """Find the reported statements of every article (step 5)."""
    page.statements = [st for article in page.articles for st in extract_statements(page, article)]


PAGE_STEPS: tuple[Callable[[Page], None], ...] = (segment_step, statements_step)


@dataclass
class PageResult:
    """What one page contributes to the output tables (plain, picklable rows)."""

    rows: dict[str, list[dict]] = field(default_factory=dict)
    error: dict | None = None


def document_row(page: Page) -> dict:
    return {
        "doc_id": page.doc_id,
        "source": page.source,
        "content_type": page.content_type,
        "encoding": page.encoding,
        "n_chars": len(page.text),
        "sha256": hashlib.sha256(page.text.encode("utf-8")).hexdigest(),
        "text": page.text,
    }


def process_page(page: Page | PageError) -> PageResult:
    """Run every page step; a reader error or a failing step gives an error row."""
    if isinstance(page, PageError):
        return PageResult(error=page.to_record())
    for step in PAGE_STEPS:
        try:
            step(page)
        except Exception as e:  # one bad page must never stop the batch
            stage = step.__name__.removesuffix("_step")
            return PageResult(error=PageError(page.doc_id, page.source, stage, f"{type(e).__name__}: {e}").to_record())
    return PageResult(
        rows={
            "documents": [document_row(page)],
            "articles": [a.to_record(page.text) for a in page.articles],
            "statements": page.statements,
            "events": page.events,
        }
    )


def map_pages(pages: Iterable[Page | PageError], workers: int) -> Iterator[PageResult]:
    """``process_page`` over the stream, in input order, on ``workers`` processes."""
    if workers <= 1:
        yield from map(process_page, pages)
        return
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    with context.Pool(workers) as pool:
        yield from pool.imap(process_page, pages, chunksize=16)


@dataclass
class RunSummary:
    pages: int = 0
    articles: int = 0
    statements: int = 0
    errors: int = 0
    seconds: float = 0.0

    def line(self, out_dir: Path) -> str:
        return (
            f"isnad: {self.pages} pages, {self.articles} articles, {self.statements} statements, "
            f"{self.errors} errors in {self.seconds:.1f} s -> {out_dir}"
        )


def run(inputs: list[str], out_dir: Path, workers: int = 0, progress: bool = False) -> RunSummary:
    """Process every input page and write the output tables atomically."""
    started = time.perf_counter()
    workers = workers or min(2, os.cpu_count() or 1)
    summary = RunSummary()
    writer = RunWriter(out_dir)
    try:
        results = map_pages(read_inputs(inputs), workers)
        if progress:
            from tqdm import tqdm

            results = tqdm(results, unit=" pages", file=sys.stderr, dynamic_ncols=True)
        for result in results:
            summary.pages += 1
            if result.error:
                summary.errors += 1
                writer.write("errors", [result.error])
                continue
            for table, rows in result.rows.items():
                writer.write(table, rows)
            summary.articles += len(result.rows["articles"])
            summary.statements += len(result.rows["statements"])
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    summary.seconds = time.perf_counter() - started
    return summary
