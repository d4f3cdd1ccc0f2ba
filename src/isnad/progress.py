"""Progress bars of a run's stages on standard error (tqdm), or none.

Each stage has a total, so each bar has an ETA:

* ``pages``: the bytes of the input files (their sizes, summed by a walk that
  reads no page, in a thread, so the run does not wait for it) against how
  far reading has got in them when each page's rows are written, with the
  page count beside;
* ``corpus``: the corpus step, in a child process, counts the articles and
  statements its passes read and the steps after them in a shared counter
  that a thread here shows;
* ``database``: the tables loaded into DuckDB (and exported to Parquet).

With progress off every bar is tqdm's disabled bar, which does nothing.
"""
from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable

from tqdm import tqdm

_BYTES_FORMAT = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}B/{total_fmt}B of input [{elapsed}<{remaining}]"
_COUNT_FORMAT = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt}{unit} [{elapsed}<{remaining}]"
_SHARE_FORMAT = "{desc}: {percentage:3.0f}%|{bar}| [{elapsed}<{remaining}]"


class PagesBar:
    """The pages stage: bytes of input read, and pages written."""

    def __init__(self, enabled: bool, total_bytes: Callable[[], int | None] | None):
        self.bar = tqdm(desc="0 pages", unit="B", unit_scale=True, disable=not enabled, dynamic_ncols=True,
                        bar_format=_BYTES_FORMAT if total_bytes else "{desc} [{elapsed}]")
        self.pages = 0
        if enabled and total_bytes:
            threading.Thread(target=self._set_total, args=(total_bytes,), daemon=True, name="isnad-input-size").start()

    def _set_total(self, total_bytes: Callable[[], int | None]) -> None:
        total = total_bytes()
        if total is not None and not self.bar.disable:
            self.bar.total = max(total, self.bar.n)
            self.bar.refresh()

    def page_done(self, read_bytes: int | None) -> None:
        """One more page written; reading had reached ``read_bytes`` of the inputs when it was read."""
        self.pages += 1
        if self.bar.disable:
            return
        if read_bytes is not None and read_bytes > self.bar.n:
            self.bar.update(read_bytes - self.bar.n)
        self.bar.set_description_str(f"{self.pages:,} pages", refresh=False)

    def close(self, finished: bool = True) -> None:
        """Close the bar, full when the stage ``finished`` (else where it stopped)."""
        if finished and not self.bar.disable and self.bar.total and self.bar.n < self.bar.total:
            self.bar.update(self.bar.total - self.bar.n)
        self.bar.close()


def count_bar(enabled: bool, desc: str, total: int, unit: str | None = None) -> tqdm:
    """A bar counting ``unit`` up to ``total`` (without a unit: the share done)."""
    return tqdm(desc=desc, total=total, unit=unit or "", disable=not enabled, dynamic_ncols=True,
                bar_format=_COUNT_FORMAT if unit else _SHARE_FORMAT)


class SharedCount:
    """A count that another process advances (the corpus step's child, forked
    after this is made), shown by a bar that a thread of this process
    refreshes until :meth:`close`."""

    def __init__(self, enabled: bool, desc: str, total: int, unit: str | None = None):
        self.value = multiprocessing.Value("q", 0, lock=False)  # shared memory, inherited by a forked child
        self.bar = count_bar(enabled, desc, total, unit)
        self._stop = threading.Event()
        self._thread = None
        if enabled:
            self._thread = threading.Thread(target=self._show, daemon=True, name=f"isnad-{desc}-progress")
            self._thread.start()

    def add(self, n: int) -> None:
        """Advance the count (in any process)."""
        self.value.value += n

    def _show(self) -> None:
        while not self._stop.wait(0.2):
            self._refresh()

    def _refresh(self) -> None:
        n = min(self.value.value, self.bar.total)
        if n > self.bar.n:
            self.bar.update(n - self.bar.n)

    def close(self, finished: bool = True) -> None:
        """Stop showing the count; the bar is full when the stage ``finished``."""
        if self._stop.is_set():
            return
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if finished and not self.bar.disable:
            self.value.value = self.bar.total
            self._refresh()
        self.bar.close()
