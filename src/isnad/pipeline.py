"""The pipeline: small steps over one page, then over the corpus.

``PAGE_STEPS`` run in order on each ``Page`` (pure functions of the page,
so they run the same in a worker process or a Ray task); ``run`` streams
pages from the readers through them into the store.  A step that fails
turns its page into an error row and the run goes on.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path

from . import __version__, read
from .lexicon import Lexicon, default_lexicon
from .model import Page, PageError, Skipped, statements_by_article
from .read import read_inputs
from .corpus import CopyKey, PageFeatures, PageText, Signature, StatementRef, link, page_features
from .events import extract_events
from .segment import segment_page
from .statements import extract_statements
from .store import DEFAULT_FORMATS, RowUpdates, RunWriter, dumps, frame, read_frames


def segment_step(page: Page, lexicon: Lexicon) -> None:
    """Find the articles of the page (step 2) with their metadata."""
    page.articles = segment_page(page)


def statements_step(page: Page, lexicon: Lexicon) -> None:
    """Find the reported statements of every article (step 5)."""
    page.statements = [st for article in page.articles for st in extract_statements(page, article, lexicon)]


def events_step(page: Page, lexicon: Lexicon) -> None:
    """PLOVER events of every article (step 7), with the statements that report them."""
    by_article = statements_by_article(page.statements)
    page.events = [event for article in page.articles
                   for event in extract_events(page, article, by_article.get(article.article_index, []), lexicon)]


PAGE_STEPS: tuple[Callable[[Page, Lexicon], None], ...] = (segment_step, statements_step, events_step)


@dataclass
class PageResult:
    """What one page contributes to the output tables: rows already
    serialised (in the worker, so the writer only writes) as JSONL lines,
    or as frames for the internal tables the corpus step reads."""

    key: str
    lines: dict[str, list[str] | list[bytes]] = field(default_factory=dict)
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


BATCH_PAGES = 16  # pages a worker takes at once; their corpus features are computed together


def process_pages(items: Sequence[tuple[str, Page | PageError]], corpus: bool = True,
                  lexicon: Lexicon | None = None) -> list[PageResult]:
    """Run every page step on each page of a batch; a reader error or a
    failing step gives that page an error row.

    ``lexicon``: the run's lexicon (default: the packaged one).

    ``corpus``: also stage what the corpus step needs (article signatures and
    compact statements), computed for the batch's pages together.
    """
    results: list[PageResult] = []
    passed: list[tuple[int, Page, list[dict]]] = []
    for key, page in items:
        if isinstance(page, PageError):
            results.append(_error_result(key, page))
            continue
        error = _run_steps(page, lexicon or default_lexicon())
        if error:
            results.append(_error_result(key, error))
            continue
        articles = [a.to_record(page.text) for a in page.articles]
        results.append(PageResult(key, {
            "documents": [dumps(document_row(page))],
            "articles": [dumps(row) for row in articles],
            "statements": [dumps(row) for row in page.statements],
            "events": [dumps(row) for row in page.events],
        }))
        passed.append((len(results) - 1, page, articles))
    if corpus and passed:
        features = _corpus_features([PageText(page.folded, articles, page.statements) for _, page, articles in passed],
                                    lexicon or default_lexicon())
        for (i, page, _), found in zip(passed, features):
            if isinstance(found, Exception):
                results[i] = _error_result(results[i].key, PageError(
                    page.doc_id, page.source, "corpus", f"{type(found).__name__}: {found}"))
                continue
            results[i].lines["signatures"] = [frame(s.to_row()) for s in found.signatures]
            results[i].lines["statement_refs"] = [frame(r.to_row()) for r in found.refs]
    return results


def _run_steps(page: Page, lexicon: Lexicon) -> PageError | None:
    for step in PAGE_STEPS:
        try:
            step(page, lexicon)
        except Exception as e:  # one bad page must never stop the batch
            stage = step.__name__.removesuffix("_step")
            return PageError(page.doc_id, page.source, stage, f"{type(e).__name__}: {e}")
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
    return PageResult(key, {"errors": [dumps(error.to_record())]}, error=True)


def link_corpus(writer: RunWriter) -> tuple[dict, dict[str, RowUpdates]]:
    """Step 8 over the staged signatures and statements: copies, stories,
    claims and entities (the derived tables) and the fields they set on
    article and statement rows (by row number: signatures and statement refs
    are staged one for one, in the order of those rows)."""
    signatures = writer.staged("signatures")
    result = link(lambda: (Signature.from_row(r) for r in read_frames(signatures)),
                  (StatementRef.from_row(r) for r in read_frames(writer.staged("statement_refs"))),
                  copy_keys=lambda: (CopyKey.from_row(r) for r in read_frames(signatures)))
    derived = {"stories": result.stories, "claims": result.claims,
               "duplicates": result.duplicate_rows(), "entities": result.entities}
    return derived, {"articles": RowUpdates(result.article_rows()),
                     "statements": RowUpdates(result.statement_fields(), replaced=frozenset({"responds_to"}))}


def map_pages(items: Iterable[tuple[str, Page | PageError]], workers: int, window: int = 256,
              corpus: bool = True, lexicon: Lexicon | None = None) -> Iterator[PageResult]:
    """``process_pages`` over the stream in batches, on ``workers``
    processes, results in input order.

    At most ``window`` pages are in flight, so memory does not grow with the
    input when reading is faster than processing.
    """
    work = partial(process_pages, corpus=corpus, lexicon=lexicon)
    batches = _batched(items, BATCH_PAGES)
    if workers <= 1:
        for batch in batches:
            yield from work(batch)
        return
    in_flight = max(1, window // BATCH_PAGES)
    slots = threading.BoundedSemaphore(in_flight)

    def throttled() -> Iterator[list[tuple[str, Page | PageError]]]:
        for batch in batches:
            slots.acquire()
            yield batch

    context = multiprocessing.get_context("fork" if fork_is_safe() else "spawn")
    with context.Pool(workers) as pool:
        try:
            for results in pool.imap(work, throttled()):
                slots.release()
                yield from results
        finally:
            _release_all(slots, in_flight)


def _batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _release_all(slots: threading.BoundedSemaphore, window: int) -> None:
    """Unblock the pool's feeder thread so the pool can shut down."""
    for _ in range(window):
        try:
            slots.release()
        except ValueError:
            break


@dataclass
class RunSummary:
    pages: int = 0
    articles: int = 0
    statements: int = 0
    errors: int = 0
    resumed: int = 0
    skipped: int = 0
    seconds: float = 0.0

    def line(self, out_dir: Path) -> str:
        resumed = f" ({self.resumed} from an interrupted run)" if self.resumed else ""
        skipped = f", {self.skipped} non-page records skipped" if self.skipped else ""
        return (
            f"isnad: {self.pages} pages{resumed}{skipped}, {self.articles} articles, {self.statements} statements, "
            f"{self.errors} errors in {self.seconds:.1f} s -> {out_dir}"
        )


class ResumeFilter:
    """Tells which input pages an interrupted run already wrote: as many
    occurrences of each content key as it wrote, in input order (so an input
    that holds the same page twice resumes exactly)."""

    def __init__(self, done: Counter):
        self.left = Counter(done)

    def done_before(self, key: str) -> bool:
        if self.left[key] > 0:
            self.left[key] -= 1
            return True
        return False


def fork_is_safe() -> bool:
    """Forking copies only the calling thread: unsafe once Ray's client
    threads run in this process (the Ray engine, or a caller's Ray)."""
    ray = sys.modules.get("ray")
    return "fork" in multiprocessing.get_all_start_methods() and not (ray and ray.is_initialized())


class InChildProcess:
    """Runs a task in a forked process, so that the memory it needs (the
    corpus step's) is given back when it ends and this process can work
    meanwhile; where forking is unsafe, ``start`` runs it here.  The task
    gets a callback to say that its first results are out (see
    :meth:`wait_ready`)."""

    def __init__(self, task: Callable[[Callable[[], None]], None]):
        self.task = task
        self.child = None
        self.ready = None

    def start(self) -> None:
        if not fork_is_safe():
            self.task(lambda: None)
            return
        context = multiprocessing.get_context("fork")
        self.ready = context.Event()
        self.child = context.Process(target=self.task, args=(self.ready.set,), name="isnad-corpus")
        self.child.start()

    def wait_ready(self) -> None:
        """Wait until the task has said its first results are out, or has ended."""
        if self.child is None:
            return
        while not self.ready.wait(0.05):
            if not self.child.is_alive():
                self.wait()  # raises if it failed
                return

    def wait(self) -> None:
        """Wait for the task to end (at once if it has, or ran here)."""
        if self.child is None:
            return
        self.child.join()
        if self.child.exitcode != 0:
            raise RuntimeError(f"the corpus step failed (exit code {self.child.exitcode}); see the error above")


def _count_skipped(items: Iterable[Page | PageError | Skipped], summary: "RunSummary") -> Iterator[Page | PageError]:
    for item in items:
        if isinstance(item, Skipped):
            summary.skipped += 1
        else:
            yield item


def run_key(inputs: list[str], formats: Iterable[str], corpus: bool = True, lexicon: Lexicon | None = None) -> str:
    """Names the staging folder: the same arguments resume the same run."""
    described = [str(Path(i).resolve()) if i != "-" else "-" for i in inputs]
    lexicon_dir = str(lexicon.directory) if lexicon is not None and lexicon.directory is not None else None
    payload = json.dumps([described, sorted(formats), read.MAX_PAGE_BYTES, __version__, corpus, lexicon_dir])
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def run(
    inputs: list[str],
    out_dir: Path,
    workers: int = 0,
    progress: bool = False,
    formats: Iterable[str] = DEFAULT_FORMATS,
    checkpoint_seconds: float = 2.0,
    engine: str = "local",
    ray_address: str | None = None,
    corpus: bool = True,
    lexicon_dir: str | None = None,
) -> RunSummary:
    """Process every input page and write the output tables atomically.

    A run interrupted before it finished is resumed: pages it wrote are
    skipped and the output ends as that of an uninterrupted run.  Without
    ``corpus`` the corpus step (copies, stories, claims, entities) is left
    out: its tables are empty.
    ``lexicon_dir``: a folder whose lexicon files
    replace the packaged ones (the run's lexicon is passed to every step).
    """
    started = time.perf_counter()
    lexicon = Lexicon.at(str(Path(lexicon_dir).resolve()) if lexicon_dir else None)
    workers = workers or min(2, os.cpu_count() or 1)
    formats = tuple(formats)
    writer = RunWriter(out_dir, run_key(inputs, formats, corpus, lexicon), checkpoint_seconds)
    summary = RunSummary(resumed=writer.resumed_pages)
    resume = ResumeFilter(writer.done)
    try:
        if engine == "ray":
            from .ray_engine import map_pages_ray

            results = (r for r in map_pages_ray(inputs, ray_address, corpus=corpus, lexicon=lexicon)
                       if not resume.done_before(r.key))
        else:
            todo = ((page_key(p), p) for p in _count_skipped(read_inputs(inputs), summary))
            todo = (item for item in todo if not resume.done_before(item[0]))
            results = map_pages(todo, workers, corpus=corpus, lexicon=lexicon)
        if progress:
            from tqdm import tqdm

            results = tqdm(results, unit=" pages", file=sys.stderr, dynamic_ncols=True)
        for result in results:
            writer.write_page(result.key, result.lines)
        writer.checkpoint()
        counts = writer.counts
        if corpus:
            step = InChildProcess(lambda tables_ready: writer.finalise(*link_corpus(writer), tables_ready=tables_ready))
            writer.publish(formats, corpus_step=step.start, wait=step.wait, wait_tables=step.wait_ready)
        else:
            writer.publish(formats)
    except BaseException:
        writer.close()
        raise
    summary.pages = counts["documents"] + counts["errors"]
    summary.articles = counts["articles"]
    summary.statements = counts["statements"]
    summary.errors = counts["errors"]
    summary.seconds = time.perf_counter() - started
    return summary
