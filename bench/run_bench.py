"""Throughput and peak memory of ``isnad run`` on a real corpus.

    python bench/run_bench.py [INPUT ...] [--workers N] [--repeat K]

By default INPUT is the four days of SaudiNewsNet in ../shared/corpus/bench
(zip archives of JSON arrays, read by isnad's own zip/JSON reader).  Prints
pages, articles and statements per second and the peak resident memory of
the whole process tree (proportional set size of the main process and workers, sampled every 100 ms).
``--repeat K`` feeds the inputs K times, to check that memory stays flat.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from measure import PeakMemory

from isnad.pipeline import run

DEFAULT_INPUT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(DEFAULT_INPUT)])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out, PeakMemory() as memory:
        summary = run(args.inputs * args.repeat, Path(out), workers=args.workers)
    figures = {
        "pages": summary.pages,
        "articles": summary.articles,
        "statements": summary.statements,
        "errors": summary.errors,
        "seconds": round(summary.seconds, 2),
        "articles_per_second": round(summary.articles / summary.seconds, 1),
        "peak_memory_mb": round(memory.peak / 2**20, 1),
        "workers": args.workers,
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(
            f"{figures['articles']} articles ({figures['pages']} pages, {figures['statements']} statements, "
            f"{figures['errors']} error rows) in {figures['seconds']} s on {args.workers} workers: "
            f"{figures['articles_per_second']} articles/s, peak memory {figures['peak_memory_mb']} MB"
        )


if __name__ == "__main__":
    main()
