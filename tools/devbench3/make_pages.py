#!/usr/bin/env python3
"""Write the devbench3 pages (a third development gold set) from the SaudiNewsNet bench zips.

    python3 tools/devbench3/make_pages.py --out /tmp/devbench3-pages
    python3 tools/devbench3/make_pages.py --sample      # (re)build MANIFEST.tsv

The draw: 40 articles, none whose URL is in tools/calibration/MANIFEST.tsv,
tests/devreal/MANIFEST.tsv, tools/devbench/MANIFEST.tsv or tools/devbench2/MANIFEST.tsv, at
most 10 a day and 4 an outlet (see tools/gold_sample.py for the rest).
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_sample import ROOT, GoldSample, main  # noqa: E402

DEVBENCH3 = GoldSample(manifest=HERE / "MANIFEST.tsv", prefix="dev-d",
                       excluded=(ROOT / "tools" / "calibration" / "MANIFEST.tsv",
                                 ROOT / "tests" / "devreal" / "MANIFEST.tsv",
                                 ROOT / "tools" / "devbench" / "MANIFEST.tsv",
                                 ROOT / "tools" / "devbench2" / "MANIFEST.tsv"),
                       seed=20150805, size=40, per_outlet=4, per_day=10)

if __name__ == "__main__":
    main(DEVBENCH3, __doc__.splitlines()[0])
