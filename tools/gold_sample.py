"""A gold set drawn from the SaudiNewsNet bench zips: its fixed-seed draw and its pages.

The sets under ``tools/`` (calibration, devbench, devbench2 …) keep only a MANIFEST.tsv
(name, zip file, url, outlet, date_extracted); the article text is never stored in the
repository.  Every set's draw is declared once here (:data:`GOLD_SETS`, in the order the
sets were drawn: each excludes dev-real and every set drawn before it).  Run as a script it
rebuilds a set's pages from ../shared/corpus/bench (relative to the repository root) as
NAME.txt, the record's title on the first line, then its content stripped of surrounding
white space, as in tests/devreal/pages/, and with ``--sample`` draws the set again::

    python3 tools/gold_sample.py devbench4 --out /tmp/devbench4-pages
    python3 tools/gold_sample.py devbench4 --sample      # (re)build its MANIFEST.tsv

Standard library only.
"""

import argparse
import json
import random
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIN_CHARS, MAX_CHARS = 400, 4000
# the outlets GUIDE.md names (the bench also holds one 'arreyadi' record)
OUTLETS = {"aawsat", "alriyadh", "okaz", "aleqtisadiya", "alwatan", "alweeam",
           "alyaum", "aljazirah", "almadina", "3alyoum", "was", "sabq", "ajel"}


@dataclass(frozen=True)
class GoldSample:
    """How one set is drawn: ``size`` articles of 400-4000 characters of content, at most
    ``per_day`` from one bench day and ``per_outlet`` from one outlet, none whose URL is in
    an ``excluded`` manifest, named ``prefix`` + a two-digit number."""

    manifest: Path
    prefix: str
    excluded: tuple[Path, ...]
    seed: int
    size: int
    per_outlet: int
    per_day: int


def _drawn_in_order(*draws: tuple[str, str, int, int, int, int]) -> dict[str, GoldSample]:
    """The sets ``(folder under tools/, prefix, seed, size, per_outlet, per_day)`` in the
    order they were drawn: each excludes dev-real and every set drawn before it."""
    sets, before = {}, [ROOT / "tests" / "devreal" / "MANIFEST.tsv"]
    for folder, prefix, seed, size, per_outlet, per_day in draws:
        manifest = ROOT / "tools" / folder / "MANIFEST.tsv"
        sets[folder] = GoldSample(manifest, prefix, tuple(before), seed, size, per_outlet, per_day)
        before.append(manifest)
    return sets


GOLD_SETS = _drawn_in_order(
    ("calibration", "cal-", 20150801, 30, 3, 8),  # no rule written from it until stop 25 (see its README)
    ("devbench", "dev-b", 20150802, 40, 4, 10),
    ("devbench2", "dev-c", 20150804, 40, 4, 10),
    ("devbench3", "dev-d", 20150805, 40, 4, 10),
    ("devbench4", "dev-e", 20150806, 40, 4, 10),
    ("devbench5", "dev-f", 20150807, 40, 4, 10),
    ("devbench6", "dev-g", 20150808, 40, 4, 10),
    ("devbench7", "dev-h", 20150809, 40, 4, 10),
    ("devbench8", "dev-i", 20150810, 40, 4, 10),
    ("devbench9", "dev-j", 20150811, 40, 4, 10),
    ("devbench10", "dev-k", 20150812, 40, 4, 10),
    ("devbench11", "dev-l", 20150813, 40, 4, 10),
    ("devbench12", "dev-m", 20150814, 40, 4, 10),
    ("devbench13", "dev-n", 20150815, 40, 4, 10),
    ("devbench14", "dev-o", 20150816, 40, 4, 10),
    ("devbench15", "dev-p", 20150817, 40, 4, 10),
    ("devbench16", "dev-q", 20150818, 40, 4, 10),
    ("devbench17", "dev-r", 20150819, 40, 4, 10),
    ("devbench18", "dev-s", 20150820, 40, 4, 10),
    ("devbench19", "dev-t", 20150821, 40, 4, 10),
    ("devbench20", "dev-u", 20150822, 40, 4, 10),
    ("devbench21", "dev-v", 20150823, 40, 4, 10),
    ("devbench22", "dev-w", 20150824, 40, 4, 10),
    ("devbench23", "dev-x", 20150825, 40, 4, 10),
    ("devbench24", "dev-y", 20150826, 40, 4, 10),
    ("devbench25", "dev-z", 20150827, 40, 4, 10),
    ("devbench26", "dev-aa", 20150828, 40, 4, 10),
    ("devbench27", "dev-ab", 20150829, 40, 4, 10),
    ("devbench28", "dev-ac", 20150830, 40, 4, 10),
    ("devbench29", "dev-ad", 20150831, 40, 4, 10),
    ("devbench30", "dev-ae", 20150901, 40, 4, 10),
    ("devbench31", "dev-af", 20150902, 40, 4, 10),
    ("devbench32", "dev-ag", 20150903, 40, 4, 10),
    ("devbench33", "dev-ah", 20150904, 40, 4, 10),
    ("devbench34", "dev-ai", 20150905, 40, 4, 10),
    ("devbench35", "dev-aj", 20150906, 40, 4, 10),
    ("devbench36", "dev-ak", 20150907, 40, 4, 10),
    ("devbench37", "dev-al", 20150908, 40, 4, 10),
    ("devbench38", "dev-am", 20150909, 40, 4, 10),
    ("devbench39", "dev-an", 20150910, 40, 4, 10),
    ("devbench40", "dev-ao", 20150911, 40, 4, 10),
    ("devbench41", "dev-ap", 20150912, 40, 4, 10),
    ("devbench42", "dev-aq", 20150913, 40, 4, 10),
    ("devbench43", "dev-ar", 20150914, 40, 4, 10),
    ("devbench44", "dev-as", 20150915, 40, 4, 10),
    ("devbench45", "dev-at", 20150916, 40, 4, 10),
    ("devbench46", "dev-au", 20150917, 40, 4, 10),
    ("devbench47", "dev-av", 20150918, 40, 4, 10),
    ("devbench48", "dev-aw", 20150919, 40, 4, 10),
    ("devbench49", "dev-ax", 20150920, 40, 4, 10),
    ("devbench50", "dev-ay", 20150921, 40, 4, 10),
    ("devbench51", "dev-az", 20150922, 40, 4, 10),
    ("devbench52", "dev-ba", 20150923, 40, 4, 10),
    ("devbench53", "dev-bb", 20150924, 40, 4, 10),
    ("devbench54", "dev-bc", 20150925, 40, 4, 10),
    ("devbench55", "dev-bd", 20150926, 40, 4, 10),
    ("devbench56", "dev-be", 20150927, 40, 4, 10),
    ("devbench57", "dev-bf", 20150928, 40, 4, 10),
)


def read_zip(path):
    with zipfile.ZipFile(path) as zf:
        records = []
        for name in sorted(zf.namelist()):
            if name.endswith(".json"):
                records.extend(json.loads(zf.read(name).decode("utf-8")))
        return records


def page_text(record):
    return record["title"].strip() + "\n" + record["content"].strip() + "\n"


def excluded_urls(spec):
    urls = set()
    for manifest in spec.excluded:
        if not manifest.exists():
            sys.exit(f"missing {manifest}: its URLs must be excluded from the draw")
        for line in manifest.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) >= 3:
                urls.add(cols[2].strip())
    return urls


def sample(spec, bench):
    excluded = excluded_urls(spec)
    pool = []
    for zpath in sorted(bench.glob("saudinewsnet-*.zip")):
        for r in read_zip(zpath):
            if r["source"] not in OUTLETS or r["url"] in excluded:
                continue
            if not MIN_CHARS <= len(r["content"]) <= MAX_CHARS:
                continue
            pool.append((zpath.name, r))
    # a stable order before shuffling, so the draw depends on the seed alone
    pool.sort(key=lambda zr: (zr[0], zr[1]["url"]))
    random.Random(spec.seed).shuffle(pool)
    per_outlet, per_day, titles, chosen = {}, {}, set(), []
    for zname, r in pool:
        if len(chosen) == spec.size:
            break
        if per_outlet.get(r["source"], 0) >= spec.per_outlet or per_day.get(zname, 0) >= spec.per_day:
            continue
        if r["title"].strip() in titles:
            continue
        per_outlet[r["source"]] = per_outlet.get(r["source"], 0) + 1
        per_day[zname] = per_day.get(zname, 0) + 1
        titles.add(r["title"].strip())
        chosen.append((zname, r))
    chosen.sort(key=lambda zr: (zr[0], zr[1]["source"], zr[1]["url"]))
    return [(f"{spec.prefix}{i:02d}", zname, r["url"], r["source"], r["date_extracted"])
            for i, (zname, r) in enumerate(chosen, 1)]


def read_manifest(spec):
    rows = []
    for line in spec.manifest.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(tuple(line.split("\t")))
    return rows


def write_pages(spec, bench, out):
    by_zip = {}
    for name, zname, url, outlet, date in read_manifest(spec):
        by_zip.setdefault(zname, []).append((name, url))
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for zname, wanted in sorted(by_zip.items()):
        records = {r["url"]: r for r in read_zip(bench / zname)}
        for name, url in wanted:
            if url not in records:
                sys.exit(f"{name}: {url} not in {zname}")
            (out / f"{name}.txt").write_text(page_text(records[url]), encoding="utf-8")
            written += 1
    return written


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", choices=sorted(GOLD_SETS), help="the gold set under tools/")
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "corpus" / "bench")
    ap.add_argument("--out", type=Path, help="folder to write NAME.txt pages into")
    ap.add_argument("--sample", action="store_true",
                    help="(re)build MANIFEST.tsv by the fixed-seed draw")
    args = ap.parse_args(argv)
    spec = GOLD_SETS[args.set]
    if not args.bench.is_dir():
        sys.exit(f"no bench folder: {args.bench}")
    if args.sample:
        rows = sample(spec, args.bench)
        spec.manifest.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
        print(f"wrote {spec.manifest} ({len(rows)} articles)")
    if args.out is None:
        if not args.sample:
            ap.error("give --out DIR (and/or --sample)")
        return
    print(f"wrote {write_pages(spec, args.bench, args.out)} pages to {args.out}")


if __name__ == "__main__":
    main()
