#!/usr/bin/env python3
"""Write the devbench4 pages (a fourth development gold set) from the SaudiNewsNet bench zips.

    python3 tools/devbench4/make_pages.py --out /tmp/devbench4-pages
    python3 tools/devbench4/make_pages.py --sample      # (re)build MANIFEST.tsv

The draw: 40 articles, none whose URL is in tools/calibration/MANIFEST.tsv,
tests/devreal/MANIFEST.tsv and tools/devbench{,2,3}/MANIFEST.tsv, at
most 10 a day and 4 an outlet (see tools/gold_sample.py for the rest).
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_sample import ROOT, GoldSample, main  # noqa: E402

DEVBENCH4 = GoldSample(manifest=HERE / "MANIFEST.tsv", prefix="dev-e",
                       excluded=(ROOT / "tools" / "calibration" / "MANIFEST.tsv",
                                 ROOT / "tests" / "devreal" / "MANIFEST.tsv",
                                 ROOT / "tools" / "devbench" / "MANIFEST.tsv",
                                 ROOT / "tools" / "devbench2" / "MANIFEST.tsv",
                                 ROOT / "tools" / "devbench3" / "MANIFEST.tsv"),
                       seed=20150806, size=40, per_outlet=4, per_day=10)

if __name__ == "__main__":
    main(DEVBENCH4, __doc__.splitlines()[0])
