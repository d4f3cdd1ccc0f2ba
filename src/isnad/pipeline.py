"""The pipeline: small steps over one page, then over the corpus.

The page steps (:mod:`isnad.pages`) run on each page in worker processes
(:mod:`isnad.workers`) or as Ray tasks (:mod:`isnad.ray_engine`); ``run`` streams pages from
the readers through them into the store, then runs the corpus step;
``stream_statements`` writes the statements of each page as they come,
without a store or a corpus step.  A page that fails becomes an error row and
the run goes on.
"""
from __future__ import annotations

import gc
import hashlib
import json
import logging
import multiprocessing
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from . import __version__
from .corpus import CopyKey, Signature, StatementRef, link
from .model import Page, PageError, Skipped
from .options import RunOptions
from .pages import BATCH_PAGES, PageResult, page_key, process_pages
from .progress import PagesBar, SharedCount, count_bar
from .read import ReadPosition, input_bytes, read_inputs
from .store import RunWriter, database_steps, read_frames
from .workers import WorkerPool, fork_is_safe, quiet_child, signals_blocked

log = logging.getLogger(__name__)


def link_corpus(writer: RunWriter, advance: Callable[[int], None] = lambda n: None
                ) -> tuple[dict, dict[str, Mapping[int, dict]]]:
    """Step 8 over the staged signatures and statements: copies, stories,
    claims and entities (the derived tables) and the fields they set on
    article and statement rows (by row number: signatures and statement refs
    are staged one for one, in the order of those rows).

    ``advance(n)`` counts the work done, up to :func:`corpus_work`.
    """
    signatures = writer.staged("signatures")
    articles, statements = writer.counts["signatures"], writer.counts["statement_refs"]
    weights = {"claims": articles, "stories": articles, "entities": statements}
    result = link(lambda: _counted((Signature.from_row(r) for r in read_frames(signatures)), advance),
                  _counted((StatementRef.from_row(r) for r in read_frames(writer.staged("statement_refs"))), advance),
                  copy_keys=lambda: _counted((CopyKey.from_row(r) for r in read_frames(signatures)), advance),
                  phase_done=lambda phase: advance(weights[phase]))
    derived = {"stories": result.stories, "claims": result.claims,
               "duplicates": result.duplicate_rows(), "entities": result.entities}
    return derived, {"articles": result.article_rows(), "statements": result.statement_fields()}


def corpus_step(writer: RunWriter, advance: Callable[[int], None], tables_ready: Callable[[], None]) -> None:
    """The corpus step: :func:`link_corpus`, then the final tables written
    (:meth:`RunWriter.finalise`), with the garbage collector paused."""
    with _collector_paused():
        writer.finalise(*link_corpus(writer, advance), tables_ready=tables_ready)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off inside.  The corpus step makes tens of
    thousands of small objects (the staged rows it reads) and no reference
    cycles: the collector's passes over them would find nothing and cost a
    fifth of the step's time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def corpus_work(counts: dict[str, int]) -> int:
    """The corpus step's work, for its progress bar: its three passes read
    every article twice and every statement once; claims and stories count
    an article each, entities a statement each, and writing the rows with
    their new fields both again."""
    articles, statements = counts["signatures"], counts["statement_refs"]
    return 5 * articles + 3 * statements


def _counted(items: Iterable, advance: Callable[[int], None], every: int = 256) -> Iterator:
    n = 0
    for item in items:
        yield item
        n += 1
        if n == every:
            advance(n)
            n = 0
    advance(n)


def map_pages(items: Iterable[tuple[str, Page | PageError]], workers: int, options: RunOptions = RunOptions(),
              window: int = 256) -> Iterator[PageResult]:
    """``process_pages`` over the stream in batches, on ``workers``
    processes (:class:`~isnad.workers.WorkerPool`), results in input order.

    At most ``window`` pages are read and not yet given out, so memory does
    not grow with the input when reading is faster than processing.
    """
    work = partial(process_pages, options=options)
    batches = _batched(items, BATCH_PAGES)
    if workers <= 1:
        for batch in batches:
            yield from work(batch)
        return
    with WorkerPool(workers, work, start=partial(warm_up, options)) as pool:
        yield from pool.map_in_order(batches, ahead=max(1, window // BATCH_PAGES))


def warm_up(options: RunOptions) -> None:
    """A worker's start: the lexicon's tables built on a short sentence, then everything
    built so far moved out of the garbage collector's sight (``gc.freeze``): its full
    collections then walk only what the pages allocate."""
    process_pages([("warm-up", Page("warm-up", "warm-up", WARM_UP_TEXT))], options)
    gc.freeze()


WARM_UP_TEXT = "وقال المتحدث باسم الوزارة إن الجيش شن غارات على مواقع المسلحين في المدينة."


def _batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass
class RunSummary:
    pages: int = 0
    articles: int = 0
    statements: int = 0
    errors: int = 0
    warnings: int = 0
    resumed: int = 0
    skipped: int = 0
    seconds: float = 0.0

    def count(self, counts: dict[str, int], add: bool = False) -> None:
        """Take the counts of the rows written (``add``: a page's, to the counts so far)."""
        found = {"pages": counts.get("documents", 0) + counts.get("errors", 0), "articles": counts.get("articles", 0),
                 "statements": counts.get("statements", 0), "errors": counts.get("errors", 0),
                 "warnings": counts.get("warnings", 0)}
        for name, n in found.items():
            setattr(self, name, getattr(self, name) + n if add else n)

    def line(self, out_dir: Path | str) -> str:
        resumed = f" ({self.resumed} from an interrupted run)" if self.resumed else ""
        skipped = f", {self.skipped} non-page records skipped" if self.skipped else ""
        warnings = f", {self.warnings} warnings" if self.warnings else ""
        return (
            f"isnad: {self.pages} pages{resumed}{skipped}, {self.articles} articles, {self.statements} statements, "
            f"{self.errors} errors{warnings} in {self.seconds:.1f} s -> {out_dir}"
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


class CorpusStepFailed(RuntimeError):
    """The corpus step (in its child process) raised; the message says what."""


class InChildProcess:
    """Runs a task in a forked process, so that the memory it needs (the
    corpus step's) is given back when it ends and this process can work
    meanwhile; where forking is unsafe, ``start`` runs it here.  The task
    gets a callback to say that its first results are out (see
    :meth:`wait_ready`).  The child dies with this process, and what it
    raises is raised here by :meth:`wait` as :class:`CorpusStepFailed`."""

    def __init__(self, task: Callable[[Callable[[], None]], None]):
        self.task = task
        self.child = None
        self.ready = None
        self._failure = None

    def start(self) -> None:
        if not fork_is_safe():
            self.task(lambda: None)
            return
        context = multiprocessing.get_context("fork")
        self.ready = context.Event()
        self._failure, failure_end = context.Pipe(duplex=False)
        self.child = context.Process(target=self._child, args=(failure_end,), name="isnad-corpus")
        with signals_blocked():
            self.child.start()
        failure_end.close()

    def _child(self, failure) -> None:
        quiet_child()
        try:
            self.task(self.ready.set)
        except BaseException as e:
            failure.send(f"{type(e).__name__}: {e}")
            os._exit(1)

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
            reason = self._failure.recv() if self._failure.poll() else f"exit code {self.child.exitcode}"
            raise CorpusStepFailed(f"the corpus step failed: {reason}")

    def stop(self) -> None:
        """End the child if it still runs (the run is being abandoned)."""
        if self.child is not None and self.child.is_alive():
            self.child.kill()
            self.child.join()


def _count_skipped(items: Iterable[Page | PageError | Skipped], summary: "RunSummary") -> Iterator[Page | PageError]:
    for item in items:
        if isinstance(item, Skipped):
            summary.skipped += 1
        else:
            yield item


def run_key(inputs: list[str], options: RunOptions) -> str:
    """Names the staging folder: the same inputs and options resume the same run."""
    described = [str(Path(i).resolve()) if i != "-" else "-" for i in inputs]
    payload = json.dumps([described, *options.resume_key(), __version__])
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def page_results(inputs: list[str], options: RunOptions, summary: RunSummary,
                 resume: ResumeFilter | None = None) -> Iterator[tuple[PageResult, int | None]]:
    """Each input page's rows, in input order, on the run's engine, with how
    far reading had got in the input files (bytes) when it was read (None
    where that is not followed: the Ray engine reads on the cluster).  Pages
    ``resume`` says were written before are skipped; non-page records are
    counted in ``summary.skipped``."""
    if options.engine == "ray":
        from .ray_engine import map_pages_ray

        for result in map_pages_ray(inputs, options):
            if not (resume and resume.done_before(result.key)):
                yield result, None
        return
    position, read_up_to = ReadPosition(), deque()

    def todo() -> Iterator[tuple[str, Page | PageError]]:
        for page in _count_skipped(read_inputs(inputs, options, position), summary):
            key = page_key(page)
            if not (resume and resume.done_before(key)):
                read_up_to.append(position.bytes)
                yield key, page

    for result in map_pages(todo(), options.worker_count, options):
        yield result, read_up_to.popleft()  # one result per page, in input order


def _pages_bar(inputs: list[str], options: RunOptions) -> PagesBar:
    """The pages bar, with the inputs' size as its total where it is known
    (not for standard input, nor for the Ray engine, which reads on the cluster)."""
    known = options.engine == "local" and "-" not in inputs
    return PagesBar(options.progress, partial(input_bytes, inputs) if known else None)


def run(inputs: list[str], out_dir: Path, options: RunOptions | None = None, **changes) -> RunSummary:
    """Process every input page and write the output tables atomically.

    ``options`` (or the :class:`RunOptions` fields given as keywords) say
    how.  A run interrupted before it finished is resumed: pages it wrote
    are skipped and the output ends as that of an uninterrupted run.
    Without ``options.corpus`` the corpus step (copies, stories, claims,
    entities) is left out: its tables are empty.
    """
    started = time.perf_counter()
    started_at = time.time()
    options = replace(options or RunOptions(), **changes)
    options = replace(options, formats=tuple(options.formats))
    writer = RunWriter(out_dir, run_key(inputs, options), options.checkpoint_seconds)
    summary = RunSummary(resumed=writer.resumed_pages)
    log.info("%s: %s workers%s", ", ".join(inputs), options.worker_count if options.engine == "local" else "Ray",
             f"; {summary.resumed} pages done by an interrupted run" if summary.resumed else "")
    open_bars, step = [], None  # each bar's close, to leave it where the run stopped
    try:
        pages = _pages_bar(inputs, options)
        open_bars.append(partial(pages.close, finished=False))
        for result, read_bytes in page_results(inputs, options, summary, ResumeFilter(writer.done)):
            writer.write_page(result.key, result.lines)
            pages.page_done(read_bytes)
            if result.error:
                _log_error(result)
        pages.close()
        writer.checkpoint()
        summary.count(writer.counts)
        log.info("pages done: %s articles, %s statements, %s errors", summary.articles, summary.statements,
                 summary.errors)

        def manifest() -> dict:
            summary.seconds = time.perf_counter() - started
            return run_manifest(inputs, options, options.worker_count, summary, started_at)

        if options.corpus:
            corpus = SharedCount(options.progress, "corpus step", corpus_work(writer.counts))
            open_bars.append(partial(corpus.close, finished=False))
            step = InChildProcess(partial(corpus_step, writer, corpus.add))

            def wait() -> None:
                step.wait()
                corpus.close()

            publish = partial(writer.publish, corpus_step=step.start, wait=wait, wait_tables=step.wait_ready)
        else:
            publish = writer.publish
        database = count_bar(options.progress, "database", database_steps(options.formats), " tables")
        open_bars.append(database.close)
        publish(options.formats, table_done=database.update, manifest=manifest)
        database.close()
    except BaseException:
        if step:
            step.stop()
        writer.close()
        for close in open_bars:
            close()
        raise
    summary.seconds = time.perf_counter() - started
    log.info("published %s", Path(out_dir).resolve())
    return summary


def stream_statements(inputs: list[str], out: BinaryIO, options: RunOptions | None = None) -> RunSummary:
    """``isnad run --out -``: the statements of every page as JSON Lines on
    ``out``, page by page as they are found, in input order.  The per-page
    steps only: nothing is staged or published and there is no corpus step
    (no ``responds_to`` links across pages, no copies, stories or claims);
    error rows go to the log."""
    started = time.perf_counter()
    options = replace(options or RunOptions(), corpus=False)
    summary = RunSummary()
    pages = _pages_bar(inputs, options)
    try:
        for result, read_bytes in page_results(inputs, options, summary):
            statements = result.lines.get("statements")
            if statements:
                out.write(b"\n".join(statements) + b"\n")
                out.flush()
            summary.count({table: len(lines) for table, lines in result.lines.items()}, add=True)
            pages.page_done(read_bytes)
            if result.error:
                _log_error(result)
    except BaseException:
        pages.close(finished=False)
        raise
    pages.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _log_error(result: PageResult) -> None:
    """An error row, in the log (``isnad run -v``)."""
    if log.isEnabledFor(logging.INFO):
        for line in result.lines.get("errors", ()):
            row = json.loads(line)
            log.info("%s: %s error: %s", row["doc_id"], row["stage"], row["error"])


def run_manifest(inputs: list[str], options: RunOptions, workers: int, summary: RunSummary,
                 started_at: float) -> dict:
    """What ``run.json`` records: the inputs as given, the settings, the counts and the time taken."""
    def utc(seconds: float) -> str:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))

    settings = {"workers": workers, "engine": options.engine, "formats": list(options.formats),
                "corpus": options.corpus, "max_page_mb": options.max_page_bytes / 2**20,
                "checkpoint_seconds": options.checkpoint_seconds, "lexicon_dir": options.lexicon_dir,
                "fields": [list(f) for f in options.fields], "published": options.published}
    return {
        "isnad_version": __version__, "inputs": list(inputs), "settings": settings,
        "started": utc(started_at), "finished": utc(started_at + summary.seconds), "seconds": round(summary.seconds, 3),
        "counts": {"pages": summary.pages, "articles": summary.articles, "statements": summary.statements,
                   "errors": summary.errors, "resumed": summary.resumed, "skipped": summary.skipped},
    }
