"""Run options: one frozen object that travels with the run to every engine.

The command line builds a :class:`RunOptions`; the pipeline passes it to the
readers and to the page steps of whichever engine runs them (local worker
processes or Ray tasks), so that no module setting is changed at run time.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the lexicon module is loaded when a run first asks for it
    from .lexicon import Lexicon

DEFAULT_MAX_PAGE_BYTES = 8 * 2**20  # far above any news page; larger pages are error rows
FORMATS = ("jsonl", "duckdb", "parquet")
DEFAULT_FORMATS = ("jsonl", "duckdb")
# The fields of JSON, JSON Lines and Parquet records a user may name the key of (--field FIELD=KEY).
MAPPABLE_FIELDS = ("published", "crawled", "outlet", "url", "title", "text", "html", "id", "author")


def cpu_count() -> int:
    """The CPUs this process may run on (its affinity, where the system tells it)."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@dataclass(frozen=True)
class RunOptions:
    """What ``isnad run`` was asked to do.

    ``max_page_bytes`` bounds the bytes read or decompressed for one page,
    record or JSON Lines line, whatever the container; ``corpus`` adds the
    corpus step (copies, stories, claims, entities); ``lexicon_dir`` (an
    absolute path) replaces packaged lexicon files with an analyst's own;
    ``fields`` are the record keys the user named for some fields
    (``--field published=KEY``, tried before the usual names; a dotted key
    reads inside nested objects) and ``published`` the date of pages that
    state none (``--published DATE``, labelled ``published_source=fallback``).
    """

    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES
    corpus: bool = True
    workers: int = 0  # 0: one per CPU (cpu_count)
    formats: tuple[str, ...] = DEFAULT_FORMATS
    checkpoint_seconds: float = 2.0
    engine: str = "local"  # local | ray
    ray_address: str | None = None
    progress: bool = False
    lexicon_dir: str | None = None  # a folder whose lexicon files replace the packaged ones
    fields: tuple[tuple[str, str], ...] = ()  # (field, record key)
    published: str | None = None  # YYYY-MM-DD

    @property
    def lexicon(self) -> Lexicon:
        """The run's lexicon, loaded once per process."""
        from .lexicon import Lexicon

        return Lexicon.at(self.lexicon_dir)

    @property
    def worker_count(self) -> int:
        """Worker processes of the local engine: ``workers``, or one per CPU."""
        return self.workers or cpu_count()

    def resume_key(self) -> tuple:
        """The options that change the output: a rerun resumes only with the same ones."""
        return (self.max_page_bytes, sorted(self.formats), self.corpus, self.lexicon_dir,
                sorted(self.fields), self.published)
