#!/usr/bin/env python3
"""Write the devbench pages (a development gold set) from the SaudiNewsNet bench zips.

    python3 tools/devbench/make_pages.py --out /tmp/devbench-pages
    python3 tools/devbench/make_pages.py --sample      # (re)build MANIFEST.tsv

The sample is listed in tools/devbench/MANIFEST.tsv (name, zip file, url,
outlet, date_extracted).  The article text is never stored in the repository:
pages are rebuilt from ../shared/corpus/bench (relative to the repository root)
as NAME.txt, the record's title on the first line, then its content (stripped
of surrounding white space), as in tests/devreal/pages/.

--sample draws the sample again with the fixed seed: 40 articles of 400-4000
characters of content, none whose URL is in tools/calibration/MANIFEST.tsv
or tests/devreal/MANIFEST.tsv, spread over the four days (at most 10 a day)
and over the outlets (at most 4 an outlet).  Standard library only.
"""

import argparse
import json
import random
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MANIFEST = HERE / "MANIFEST.tsv"
# the URLs of these sets are never drawn again
EXCLUDED_MANIFESTS = (ROOT / "tools" / "calibration" / "MANIFEST.tsv",
                      ROOT / "tests" / "devreal" / "MANIFEST.tsv")

SEED = 20150802
SIZE = 40
PER_OUTLET = 4
PER_DAY = 10
MIN_CHARS, MAX_CHARS = 400, 4000
# the outlets GUIDE.md names (the bench also holds one 'arreyadi' record)
OUTLETS = {"aawsat", "alriyadh", "okaz", "aleqtisadiya", "alwatan", "alweeam",
           "alyaum", "aljazirah", "almadina", "3alyoum", "was", "sabq", "ajel"}


def read_zip(path):
    with zipfile.ZipFile(path) as zf:
        records = []
        for name in sorted(zf.namelist()):
            if name.endswith(".json"):
                records.extend(json.loads(zf.read(name).decode("utf-8")))
        return records


def page_text(record):
    return record["title"].strip() + "\n" + record["content"].strip() + "\n"


def sample(bench):
    excluded = set()
    for manifest in EXCLUDED_MANIFESTS:
        if not manifest.exists():
            sys.exit(f"missing {manifest}: its URLs must be excluded from the draw")
        for line in manifest.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) >= 3:
                excluded.add(cols[2].strip())
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
    random.Random(SEED).shuffle(pool)
    per_outlet, per_day, titles, chosen = {}, {}, set(), []
    for zname, r in pool:
        if len(chosen) == SIZE:
            break
        if per_outlet.get(r["source"], 0) >= PER_OUTLET or per_day.get(zname, 0) >= PER_DAY:
            continue
        if r["title"].strip() in titles:
            continue
        per_outlet[r["source"]] = per_outlet.get(r["source"], 0) + 1
        per_day[zname] = per_day.get(zname, 0) + 1
        titles.add(r["title"].strip())
        chosen.append((zname, r))
    chosen.sort(key=lambda zr: (zr[0], zr[1]["source"], zr[1]["url"]))
    rows = []
    for i, (zname, r) in enumerate(chosen, 1):
        rows.append((f"dev-b{i:02d}", zname, r["url"], r["source"], r["date_extracted"]))
    return rows


def read_manifest():
    rows = []
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(tuple(line.split("\t")))
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "corpus" / "bench")
    ap.add_argument("--out", type=Path, help="folder to write NAME.txt pages into")
    ap.add_argument("--sample", action="store_true",
                    help="(re)build MANIFEST.tsv by the fixed-seed draw")
    args = ap.parse_args(argv)
    if not args.bench.is_dir():
        sys.exit(f"no bench folder: {args.bench}")
    if args.sample:
        rows = sample(args.bench)
        MANIFEST.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
        print(f"wrote {MANIFEST} ({len(rows)} articles)")
    if args.out is None:
        if not args.sample:
            ap.error("give --out DIR (and/or --sample)")
        return
    rows = read_manifest()
    by_zip = {}
    for name, zname, url, outlet, date in rows:
        by_zip.setdefault(zname, []).append((name, url))
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    for zname, wanted in sorted(by_zip.items()):
        records = {r["url"]: r for r in read_zip(args.bench / zname)}
        for name, url in wanted:
            if url not in records:
                sys.exit(f"{name}: {url} not in {zname}")
            (args.out / f"{name}.txt").write_text(page_text(records[url]), encoding="utf-8")
            written += 1
    print(f"wrote {written} pages to {args.out}")


if __name__ == "__main__":
    main()
