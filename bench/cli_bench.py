"""What the command line's habits cost: start-up, the progress bars' walk, the bars.

    python bench/cli_bench.py [INPUT ...] [--repeat 5] [--files 20000]

* start-up: ``isnad --version`` and ``python -c "import isnad"`` against
  ``python -c pass``, each in a fresh process (medians of ``--repeat`` x 4);
* the walk that gives the pages bar its total (``isnad.read.input_bytes``:
  file sizes, nothing read) against reading every page of the same inputs
  (``read_inputs``, no processing), on INPUT (by default the SaudiNewsNet
  benchmark in ../shared/corpus/bench) and on a folder of ``--files`` small
  page files made from it (the case where the walk costs most: one stat a page);
* the whole run on INPUT with the progress bars drawn (into a pipe) and
  without, alternately, each in a fresh process: medians and their ratio.

Timings on a shared machine vary by 10-20 % from run to run: compare the
medians of alternating runs, not single figures.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from isnad.read import input_bytes, read_inputs

DEFAULT_INPUT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bench"


def timed(command: list[str]) -> float:
    """Seconds ``command`` takes (exit status 1, pages that became error rows, is fine)."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{command} failed: {done.stderr.decode()[-500:]}")
    return time.perf_counter() - started


def startup(repeat: int) -> dict:
    commands = {"python -c pass": [sys.executable, "-c", "pass"],
                "import isnad": [sys.executable, "-c", "import isnad"],
                "isnad --version": [sys.executable, "-m", "isnad", "--version"]}
    times = {name: [] for name in commands}
    for _ in range(4 * repeat):
        for name, command in commands.items():
            times[name].append(timed(command))
    return {name: round(statistics.median(t) * 1000, 1) for name, t in times.items()}


def walk_against_reading(inputs: list[str], repeat: int) -> dict:
    walk, reading = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        total = input_bytes(inputs)
        walk.append(time.perf_counter() - started)
        started = time.perf_counter()
        pages = sum(1 for _ in read_inputs(inputs))
        reading.append(time.perf_counter() - started)
    return {"bytes": total, "pages": pages, "walk_ms": round(statistics.median(walk) * 1000, 2),
            "reading_ms": round(statistics.median(reading) * 1000, 1),
            "walk_share": round(statistics.median(walk) / statistics.median(reading), 4)}


def small_files(source: list[str], n: int, folder: Path) -> list[str]:
    """``n`` page files (title and content of benchmark records) in ``folder``."""
    written = 0
    for archive in sorted(Path(source[0]).glob("*.zip")):
        with zipfile.ZipFile(archive) as z:
            for name in z.namelist():
                for record in json.loads(z.read(name)):
                    if written == n:
                        return [str(folder)]
                    sub = folder / f"{written // 1000:03d}"
                    sub.mkdir(exist_ok=True)
                    (sub / f"{written:06d}.txt").write_text(f"{record['title']}\n{record['content']}", encoding="utf-8")
                    written += 1
    return [str(folder)]


def progress_cost(inputs: list[str], repeat: int) -> dict:
    seconds = {"--progress": [], "--no-progress": []}
    with tempfile.TemporaryDirectory() as out:
        for _ in range(repeat):
            for flag in seconds:
                command = [sys.executable, "-m", "isnad", "run", *inputs, "--out", out, flag, "--workers", "2"]
                seconds[flag].append(timed(command))
    median = {flag: statistics.median(t) for flag, t in seconds.items()}
    return {"with_s": round(median["--progress"], 2), "without_s": round(median["--no-progress"], 2),
            "ratio": round(median["--progress"] / median["--no-progress"], 3),
            "runs": {flag: [round(t, 2) for t in ts] for flag, ts in seconds.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(DEFAULT_INPUT)])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--files", type=int, default=20000,
                        help="small page files for the walk, at most one per benchmark record (0: none)")
    args = parser.parse_args()
    print("start-up (ms, medians):", startup(args.repeat))
    print("walk against reading, inputs:", walk_against_reading(args.inputs, args.repeat))
    if args.files:
        with tempfile.TemporaryDirectory() as folder:
            files = small_files(args.inputs, args.files, Path(folder))
            print("walk against reading, one file a page:", walk_against_reading(files, args.repeat))
    print("whole run with and without progress bars:", progress_cost(args.inputs, args.repeat))


if __name__ == "__main__":
    main()
