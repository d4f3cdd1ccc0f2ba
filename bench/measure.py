"""Measuring helpers shared by the benchmark scripts."""
from __future__ import annotations

import threading
import time

import psutil


class PeakMemory:
    """Samples the memory of this process and its children in a thread.

    Memory is the proportional set size (PSS): pages that forked workers
    share with the main process count once, split between them, so the sum
    is what the process tree really holds (plain RSS would count shared
    pages once per process).
    """

    def __init__(self, interval: float = 0.1):
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = me.memory_full_info().pss
            for child in me.children(recursive=True):
                try:
                    total += child.memory_full_info().pss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(self.interval)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
