"""The per-page steps, shared by both engines (local processes and Ray).

``PAGE_STEPS`` run in order on each ``Page``: pure functions of the page, so
they run the same in a worker process or a Ray task.  :func:`process_pages`
runs them over a batch and serialises each page's rows; whatever one page
raises, in a step or while its rows are serialised, becomes that page's
error row and the batch goes on.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .corpus import PageFeatures, PageText, page_features
from .events import extract_events
from .lexicon import Lexicon
from .model import Page, PageError, PageWarning, statements_by_article
from .options import RunOptions
from .segment import segment_page
from .statements import extract_statements
from .schema import encode, encoder
from .store import frame

BATCH_PAGES = 16  # pages a worker takes at once; their corpus features are computed together


def segment_step(page: Page, lexicon: Lexicon) -> None:
    """Find the articles of the page (step 2) with their metadata; a page
    without any gets a warning row (it is not an error: a page of links)."""
    page.articles = segment_page(page)
    if not page.articles:
        page.warnings.append(PageWarning(page.doc_id, page.source, "segment",
                                         f"no article found in the page's {len(page.text):,} characters"))


def statements_step(page: Page, lexicon: Lexicon) -> None:
    """Find the reported statements of every article (step 5)."""
    page.statements = [st for article in page.articles for st in extract_statements(page, article, lexicon)]


def events_step(page: Page, lexicon: Lexicon) -> None:
    """PLOVER events of every article (step 7), with the statements that report them."""
    by_article = statements_by_article(page.statements)
    page.events = [event for article in page.articles
                   for event in extract_events(page, article, by_article.get(article.article_index, []), lexicon)]


def identifiers_step(page: Page, lexicon: Lexicon) -> None:
    """The Wikidata QID of every speaker and event participant the lexicon knows
    (``actors.tsv``'s ``wikidata`` column), as its ``wikidata`` field."""
    for statement in page.statements:
        _add_wikidata(statement["speaker"], lexicon)
    for event in page.events:
        for entity in (event.get("actor"), event.get("recipient"), *event.get("actors", ()), *event.get("recipients", ())):
            if entity:
                _add_wikidata(entity, lexicon)


def _add_wikidata(entity: dict, lexicon: Lexicon) -> None:
    actor = lexicon.actors.get(entity.get("entity_id") or "")
    entity["wikidata"] = actor.wikidata if actor else None


PAGE_STEPS: tuple[Callable[[Page, Lexicon], None], ...] = (segment_step, statements_step, events_step,
                                                           identifiers_step)


class StepFailed(Exception):
    """A page step raised (``stage`` names it: segment, statements, events); the cause is chained."""

    def __init__(self, stage: str, cause: Exception):
        super().__init__(f"{stage}: {type(cause).__name__}: {cause}")
        self.stage, self.cause = stage, cause


def apply_steps(page: Page, lexicon: Lexicon) -> None:
    """Run every page step on ``page``, in order; raises :class:`StepFailed`."""
    for step in PAGE_STEPS:
        try:
            step(page, lexicon)
        except Exception as e:
            raise StepFailed(step.__name__.removesuffix("_step"), e) from e


def page_rows(page: Page) -> dict[str, list[dict]]:
    """The rows a processed page gives each per-page table."""
    return {
        "documents": [document_row(page)],
        "articles": [a.to_record(page.text) for a in page.articles],
        "statements": page.statements,
        "events": page.events,
        "warnings": [w.to_record() for w in page.warnings],
    }


@dataclass
class PageResult:
    """What one page contributes to the output tables: its rows already
    serialised and encoded (in the worker, so the writer only writes), as
    JSONL lines, or as frames for the internal tables the corpus step reads."""

    key: str
    lines: dict[str, list[bytes]] = field(default_factory=dict)
    error: bool = False


def page_key(page: Page | PageError) -> str:
    """Content hash naming a page across runs (for resuming)."""
    if isinstance(page, PageError):
        parts = (page.doc_id, page.source, page.error)
    else:
        parts = (page.doc_id, page.source, page.text)
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def document_row(page: Page) -> dict:
    return {
        "doc_id": page.doc_id,
        "source": page.source,
        "content_type": page.content_type,
        "encoding": page.encoding,
        "n_chars": len(page.text),
        "sha256": hashlib.sha256(page.text.encode("utf-8", "surrogatepass")).hexdigest(),
        "text": page.text,
    }


def process_pages(items: Sequence[tuple[str, Page | PageError]], options: RunOptions = RunOptions()) -> list[PageResult]:
    """Run every page step on each page of a batch; a reader error, a
    failing step or a row that cannot be serialised gives that page an
    error row.

    ``options.corpus``: also stage what the corpus step needs (article
    signatures and compact statements), computed for the batch's pages
    together.
    """
    results: list[PageResult] = []
    passed: list[tuple[int, Page, list[dict]]] = []
    for key, page in items:
        if isinstance(page, PageError):
            results.append(_error_result(key, page))
            continue
        error = _run_steps(page, options.lexicon)
        if error:
            results.append(_error_result(key, error))
            continue
        try:
            rows = page_rows(page)
            articles = rows["articles"]
            results.append(PageResult(key, {table: list(map(encoder(table), table_rows))
                                            for table, table_rows in rows.items()}))
        except Exception as e:  # a row that cannot be written must not stop the batch
            results.append(_error_result(key, PageError(page.doc_id, page.source, "write", f"{type(e).__name__}: {e}")))
            continue
        passed.append((len(results) - 1, page, articles))
    if options.corpus and passed:
        features = _corpus_features([PageText(page.folded, articles, page.statements) for _, page, articles in passed],
                                    options.lexicon)
        for (i, page, _), found in zip(passed, features):
            if isinstance(found, Exception):
                results[i] = _error_result(results[i].key, PageError(
                    page.doc_id, page.source, "corpus", f"{type(found).__name__}: {found}"))
                continue
            results[i].lines["signatures"] = [frame(s.to_row()) for s in found.signatures]
            results[i].lines["statement_refs"] = [frame(r.to_row()) for r in found.refs]
    return results


def _run_steps(page: Page, lexicon: Lexicon) -> PageError | None:
    try:
        apply_steps(page, lexicon)
    except StepFailed as e:  # one bad page must never stop the batch
        return PageError(page.doc_id, page.source, e.stage, f"{type(e.cause).__name__}: {e.cause}")
    return None


def _corpus_features(pages: list[PageText], lexicon: Lexicon) -> list[PageFeatures | Exception]:
    """Corpus features of pages together; should that fail, of each page
    alone, so that only a page that fails by itself gets an error row."""
    try:
        return page_features(pages, lexicon)
    except Exception as e:
        if len(pages) == 1:
            return [e]
        return [_corpus_features([page], lexicon)[0] for page in pages]


def _error_result(key: str, error: PageError) -> PageResult:
    """The page's error row (a reason quoting text that UTF-8 cannot hold keeps it escaped)."""
    record = {k: v.encode("utf-8", "backslashreplace").decode("utf-8") if isinstance(v, str) else v
              for k, v in error.to_record().items()}
    return PageResult(key, {"errors": [encode("errors", record)]}, error=True)
