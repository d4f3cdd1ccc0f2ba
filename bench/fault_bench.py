"""Slow fault cases: large pages, zip bombs, a full disk.

    python bench/fault_bench.py [--sizes 1,2,4,8,16] [--skip-pages] [--skip-bombs] [--skip-disk]

* Large pages: one page of N MB (real articles of ../shared/corpus/bench
  joined, or the example pages repeated when it is absent), run by
  ``isnad run PAGE --workers 2 --max-page-mb 32`` in a fresh process: seconds
  and peak memory (proportional set size of the process tree).  Time should
  grow linearly with the size; the target is a 16 MB page in under 30 s.
* Zip bombs: a 1 MB zip holding 1 GiB (one JSON Lines line of spaces, one
  JSON record, one text page): each must become an error row with the peak
  memory under 500 MB.
* Full disk: where this machine lets us mount a small tmpfs (root), a run
  whose output does not fit must exit with status 2 and one ``isnad:`` line,
  and, once there is room, resume to the output of an uninterrupted run.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_CORPUS = ROOT.parent / "shared" / "corpus" / "bench"
EXAMPLES = ROOT / "examples"
MEMORY_TARGET_MB = 500
SINGLE_RUN = """
import json, sys, time
sys.path.insert(0, {bench!r})
from measure import PeakMemory
from isnad.cli import main
with PeakMemory() as memory:
    started = time.perf_counter()
    status = main(sys.argv[1:])
    seconds = time.perf_counter() - started
print(json.dumps({{"status": status, "seconds": round(seconds, 1), "peak_mb": round(memory.peak / 2**20)}}))
"""


def measured_run(*args: str) -> dict:
    """``isnad`` with ``args`` in a fresh process: exit status, seconds, peak memory, standard error."""
    code = SINGLE_RUN.format(bench=str(Path(__file__).parent))
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["stderr"] = done.stderr.strip()
    return figures


def article_texts() -> list[str]:
    """Real article texts: the benchmark corpus when present, else the example pages."""
    texts = []
    for path in sorted(glob.glob(str(BENCH_CORPUS / "*.zip"))):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                texts += [f"{r.get('title') or ''}\n{r['content']}\n" for r in json.loads(z.read(name))]
    return texts or [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


def write_page(path: Path, megabytes: float, texts: list[str]) -> None:
    size = int(megabytes * 2**20)
    with path.open("wb") as f:
        written, i = 0, 0
        while written < size:
            data = (texts[i % len(texts)] + "\n").encode("utf-8")[: size - written]
            data = data.decode("utf-8", "ignore").encode("utf-8")
            if not data:
                break
            f.write(data)
            written += len(data)
            i += 1


def large_pages(sizes: list[float], work: Path) -> None:
    texts = article_texts()
    print("large pages (isnad run PAGE --workers 2 --max-page-mb 32):")
    for megabytes in sizes:
        page = work / f"page-{megabytes:g}mb.txt"
        write_page(page, megabytes, texts)
        out = work / f"out-{megabytes:g}"
        f = measured_run("run", str(page), "--out", str(out), "--workers", "2", "--max-page-mb", "32")
        summary = f["stderr"].splitlines()[-1] if f["stderr"] else ""
        print(f"  {megabytes:g} MB: exit {f['status']}, {f['seconds']} s ({f['seconds'] / megabytes:.2f} s/MB), "
              f"peak {f['peak_mb']} MB  [{summary}]")
        shutil.rmtree(out, ignore_errors=True)
        page.unlink()


def zip_bombs(work: Path) -> None:
    gib = 1024  # MiB
    bombs = {
        "one JSON Lines line of 1 GiB": ("line.jsonl", None, b" "),
        "one JSON record of 1 GiB": ("record.json", (b'[{"text": "', b'"}]'), b"a"),
        "one text page of 1 GiB": ("page.txt", None, b"b"),
    }
    print("zip bombs (1 GiB in about 1 MB):")
    for label, (member, frame, byte) in bombs.items():
        archive = work / f"bomb-{member}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            with z.open(member, "w", force_zip64=True) as f:
                if frame:
                    f.write(frame[0])
                block = byte * 2**20
                for _ in range(gib):
                    f.write(block)
                if frame:
                    f.write(frame[1])
        out = work / "out-bomb"
        f = measured_run("run", str(archive), "--out", str(out), "--workers", "2")
        errors = [e["error"] for e in map(json.loads, (out / "errors.jsonl").read_text().splitlines())] \
            if f["status"] in (0, 1) else []
        verdict = "ok" if f["status"] == 1 and f["peak_mb"] < MEMORY_TARGET_MB else "FAILED"
        print(f"  {label} ({archive.stat().st_size / 2**20:.1f} MB zip): exit {f['status']}, {f['seconds']} s, "
              f"peak {f['peak_mb']} MB (target < {MEMORY_TARGET_MB}): {verdict}; {errors}")
        shutil.rmtree(out, ignore_errors=True)
        archive.unlink()


def full_disk(work: Path) -> None:
    mount = work / "small-disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True).returncode:
        print("full disk: skipped (cannot mount a tmpfs here; needs root)")
        return
    try:
        inputs = [str(BENCH_CORPUS)] if BENCH_CORPUS.exists() else [str(EXAMPLES)]
        out, clean = mount / "out", work / "clean"
        f = measured_run("run", *inputs, "--out", str(out), "--workers", "2")
        lines = f["stderr"].splitlines()
        one_line = len(lines) == 1 and lines[0].startswith("isnad: ") and "Traceback" not in f["stderr"]
        print(f"full disk (4 MB tmpfs): exit {f['status']} ({'one isnad: line' if one_line else 'NOT one line'}): "
              f"{f['stderr'][:200]}")
        subprocess.run(["mount", "-o", "remount,size=512m", str(mount)], check=True)
        resumed = measured_run("run", *inputs, "--out", str(out), "--workers", "2")
        measured_run("run", *inputs, "--out", str(clean), "--workers", "2")
        same = all((out / f"{t}.jsonl").read_bytes() == (clean / f"{t}.jsonl").read_bytes()
                   for t in ("documents", "articles", "statements", "events", "claims", "stories"))
        print(f"  with room again: exit {resumed['status']}, {resumed['stderr'][-120:]}; "
              f"output {'identical to' if same else 'DIFFERENT from'} an uninterrupted run")
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8,16", help="page sizes in MB (default: %(default)s)")
    parser.add_argument("--skip-pages", action="store_true")
    parser.add_argument("--skip-bombs", action="store_true")
    parser.add_argument("--skip-disk", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if not args.skip_pages:
            large_pages([float(s) for s in args.sizes.split(",")], work)
        if not args.skip_bombs:
            zip_bombs(work)
        if not args.skip_disk and os.name == "posix":
            full_disk(work)


if __name__ == "__main__":
    main()
