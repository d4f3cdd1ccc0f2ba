"""Throughput and peak memory of ``isnad run`` on a real corpus.

    python bench/run_bench.py [INPUT ...] [--workers N] [--repeat K]

By default INPUT is the four days of SaudiNewsNet in ../shared/corpus/bench
(zip archives of JSON arrays, read by isnad's own zip/JSON reader).  Prints
pages, articles and statements per second and the peak resident memory of
the whole process tree (proportional set size of the main process and workers, sampled every 100 ms).
``--repeat K`` feeds the inputs K times, to check that memory stays flat.
``--corpus-cost N`` runs N times with and N times without the corpus step
(``isnad run --no-corpus``), alternately and each in a fresh process, and
prints the best time of each and what the corpus step adds.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
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
    parser.add_argument("--no-corpus", action="store_true", help="the per-page pipeline only (isnad run --no-corpus)")
    parser.add_argument("--corpus-cost", type=int, default=0, metavar="N",
                        help="time N runs with and N without the corpus step and compare")
    args = parser.parse_args()
    if args.corpus_cost:
        compare_corpus(args.inputs * args.repeat, args.workers, args.corpus_cost)
        return
    figures = measure(args.inputs * args.repeat, args.workers, corpus=not args.no_corpus)
    if args.json:
        print(json.dumps(figures))
    else:
        print(
            f"{figures['articles']} articles ({figures['pages']} pages, {figures['statements']} statements, "
            f"{figures['errors']} error rows) in {figures['seconds']} s on {args.workers} workers: "
            f"{figures['articles_per_second']} articles/s, peak memory {figures['peak_memory_mb']} MB"
        )


def measure(inputs: list[str], workers: int, corpus: bool) -> dict:
    """One run into a temporary folder: counts, seconds, articles/s and peak memory."""
    with tempfile.TemporaryDirectory() as out, PeakMemory() as memory:
        summary = run(inputs, Path(out), workers=workers, corpus=corpus)
    return {
        "pages": summary.pages,
        "articles": summary.articles,
        "statements": summary.statements,
        "errors": summary.errors,
        "seconds": round(summary.seconds, 2),
        "articles_per_second": round(summary.articles / summary.seconds, 1),
        "peak_memory_mb": round(memory.peak / 2**20, 1),
        "workers": workers,
    }


def compare_corpus(inputs: list[str], workers: int, times: int) -> None:
    """Best of ``times`` runs with and without the corpus step, alternating (so that
    a busy moment of the machine hits both alike), each in a fresh process."""
    best = {True: [], False: []}
    for _ in range(times):
        for corpus in (False, True):
            command = [sys.executable, __file__, *inputs, "--workers", str(workers), "--json"]
            output = subprocess.run(command + ([] if corpus else ["--no-corpus"]), check=True,
                                    capture_output=True, text=True).stdout
            best[corpus].append(json.loads(output.strip().splitlines()[-1]))
    without = min(best[False], key=lambda f: f["seconds"])
    with_ = min(best[True], key=lambda f: f["seconds"])
    for label, corpus, f in (("per-page pipeline (--no-corpus)", False, without),
                             ("whole run with the corpus step", True, with_)):
        print(f"{label}: {f['seconds']} s, {f['articles_per_second']} articles/s, peak {f['peak_memory_mb']} MB "
              f"(runs: {', '.join(str(r['seconds']) for r in best[corpus])})")
    print(f"the corpus step adds {100 * (with_['seconds'] / without['seconds'] - 1):.0f} % to the time")


if __name__ == "__main__":
    main()
