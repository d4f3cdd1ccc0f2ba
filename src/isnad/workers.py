"""Worker processes for the page steps.

:class:`WorkerPool` hands each idle worker one batch of pages and takes the
results back on that worker's own pipe, whose far end only the worker holds.
A worker that dies (a signal to the whole process group, the system's
out-of-memory killer), even half-way through sending its results, closes its
pipe: the death is seen at once as :class:`WorkerDied`, and nothing waits for
the rest of a message that will never come.

The same module starts every child process of a run quietly
(:func:`quiet_child`, :func:`signals_blocked`): Ctrl-C and SIGTERM are the
main process's to handle.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess


Work = Callable[[list], list]  # a batch of (source, page) pairs -> its results


class WorkerDied(RuntimeError):
    """A worker process ended without being asked to."""


@dataclass
class _Worker:
    process: BaseProcess
    tasks: Connection  # this process's end: batches go out
    results: Connection  # this process's end: results come back
    batch: int | None = None  # the index of the batch it works on, None when idle


class WorkerPool:
    """``size`` worker processes that each run ``start`` once (a warm-up), then ``work`` on
    one batch at a time.

    Use it as a context manager: leaving the block normally lets the workers
    end; leaving it early (a signal, an error, a consumer that went away)
    kills them, since the batches they work on are dropped anyway.
    """

    def __init__(self, size: int, work: Work, start: Callable[[], None] | None = None):
        context = multiprocessing.get_context("fork" if fork_is_safe() else "spawn")
        self.workers: list[_Worker] = []
        with signals_blocked():  # a worker never runs this process's handlers
            for number in range(size):
                tasks_in, tasks_out = context.Pipe(duplex=False)
                results_in, results_out = context.Pipe(duplex=False)
                process = context.Process(target=serve, args=(tasks_in, results_out, work, start),
                                          name=f"isnad-worker-{number + 1}", daemon=True)
                process.start()
                tasks_in.close()  # the worker's ends are the worker's alone
                results_out.close()
                self.workers.append(_Worker(process, tasks_out, results_in))

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind, error, traceback) -> None:
        self.close(finished=kind is None)

    def map_in_order(self, batches: Iterable[list], ahead: int) -> Iterator:
        """The results of every batch, batch after batch in input order. At most
        ``ahead`` batches are read and not yet given out, so memory does not grow
        with the input when reading is faster than the workers."""
        batches = iter(batches)
        read: deque[bytes] = deque()  # batches read, pickled, not yet sent
        done: dict[int, list] = {}
        sent = given = 0  # indices: the next batch to send, the next to give out
        idle = deque(self.workers)

        def read_and_send() -> None:
            nonlocal sent
            while len(read) <= len(idle) and sent + len(read) - given < ahead:
                batch = next(batches, None)
                if batch is None:
                    break
                read.append(pickle.dumps(batch, pickle.HIGHEST_PROTOCOL))
            while idle and read:
                worker = idle.popleft()
                self._send(worker, read.popleft(), sent)
                sent += 1

        read_and_send()
        while given < sent:
            if given in done:
                yield from done.pop(given)
                given += 1
                read_and_send()
                continue
            worker = self._finished_worker()
            message = self._receive(worker)
            index, worker.batch = worker.batch, None
            idle.append(worker)
            read_and_send()  # the worker takes its next batch before this one is unpacked
            failure, results = pickle.loads(message)
            if failure is not None:
                raise failure
            done[index] = results

    def _send(self, worker: _Worker, batch: bytes, index: int) -> None:
        try:
            worker.tasks.send_bytes(batch)
        except OSError as e:
            raise WorkerDied(f"{worker.process.name} is gone") from e
        worker.batch = index

    def _finished_worker(self) -> _Worker:
        """Wait for a busy worker's results; a worker that has died raises."""
        by_sentinel = {worker.process.sentinel: worker for worker in self.workers}
        by_results = {worker.results: worker for worker in self.workers if worker.batch is not None}
        ready = wait([*by_results, *by_sentinel])
        for handle in ready:
            if handle in by_sentinel:
                worker = by_sentinel[handle]
                raise WorkerDied(f"{worker.process.name} ended with exit code {worker.process.exitcode}")
        return by_results[ready[0]]

    @staticmethod
    def _receive(worker: _Worker) -> bytes:
        try:
            return worker.results.recv_bytes()
        except (EOFError, OSError) as e:  # it died while sending
            raise WorkerDied(f"{worker.process.name} died while sending its results") from e

    def close(self, finished: bool) -> None:
        """End the workers: asked to when the work is finished, killed otherwise."""
        for worker in self.workers:
            if finished:
                try:
                    worker.tasks.send_bytes(_END)
                except OSError:  # already gone
                    pass
            else:
                worker.process.kill()
        for worker in self.workers:
            worker.process.join()
            worker.tasks.close()
            worker.results.close()


_END = pickle.dumps(None)


def serve(tasks: Connection, results: Connection, work: Work, start: Callable[[], None] | None) -> None:
    """A worker's life: its signals (:func:`quiet_child`) and ``start``, then batches taken
    and their results (or what ``work`` raised) sent back until it is told to end."""
    quiet_child()
    if start is not None:
        start()
    while True:
        try:
            batch = pickle.loads(tasks.recv_bytes())
        except EOFError:  # the main process is gone
            return
        if batch is None:
            return
        try:
            outcome = (None, work(batch))
        except Exception as e:
            outcome = (e, None)
        send_outcome(results, outcome)


def send_outcome(results: Connection, outcome: tuple) -> None:
    """Send a batch's ``(failure, results)``; a failure that cannot be pickled goes as its text."""
    try:
        message = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
    except Exception as e:
        failure = outcome[0] if outcome[0] is not None else e
        message = pickle.dumps((RuntimeError(f"{type(failure).__name__}: {failure}"), None))
    results.send_bytes(message)


def quiet_child() -> None:
    """Signals in a worker or child process: Ctrl-C is the main process's to
    handle (it stops its children), and SIGTERM ends the process at once,
    without a traceback; the process also ends when the main process dies.
    The child was started with both signals blocked (:func:`signals_blocked`),
    so none reached it before this."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    _die_with_parent()


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def signals_blocked() -> Iterator[None]:
    """SIGINT and SIGTERM held (delivered when this ends) while child processes
    start, which inherit the mask: a child never runs this process's handlers
    before :func:`quiet_child` sets its own."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (``PR_SET_PDEATHSIG``);
    elsewhere a thread watches the parent."""
    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl failed")
    except (OSError, AttributeError):
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="isnad-watch-parent").start()
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def fork_is_safe() -> bool:
    """Forking copies only the calling thread: unsafe once Ray's client
    threads run in this process (the Ray engine, or a caller's Ray)."""
    ray = sys.modules.get("ray")
    return "fork" in multiprocessing.get_all_start_methods() and not (ray and ray.is_initialized())
