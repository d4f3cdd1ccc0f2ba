#!/usr/bin/env python3
"""Write the devbench2 pages (a second development gold set) from the SaudiNewsNet bench zips.

    python3 tools/devbench2/make_pages.py --out /tmp/devbench2-pages
    python3 tools/devbench2/make_pages.py --sample      # (re)build MANIFEST.tsv

The draw: 40 articles, none whose URL is in tools/calibration/MANIFEST.tsv,
tests/devreal/MANIFEST.tsv or tools/devbench/MANIFEST.tsv, at most 10 a day and 4 an
outlet (see tools/gold_sample.py for the rest).
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_sample import ROOT, GoldSample, main  # noqa: E402

DEVBENCH2 = GoldSample(manifest=HERE / "MANIFEST.tsv", prefix="dev-c",
                       excluded=(ROOT / "tools" / "calibration" / "MANIFEST.tsv",
                                 ROOT / "tests" / "devreal" / "MANIFEST.tsv",
                                 ROOT / "tools" / "devbench" / "MANIFEST.tsv"),
                       seed=20150804, size=40, per_outlet=4, per_day=10)

if __name__ == "__main__":
    main(DEVBENCH2, __doc__.splitlines()[0])
