#!/usr/bin/env python3
"""Write the calibration pages (a held-out gold set) from the SaudiNewsNet bench zips.

    python3 tools/calibration/make_pages.py --out /tmp/calib-pages
    python3 tools/calibration/make_pages.py --sample      # (re)build MANIFEST.tsv

The draw: 30 articles, none whose URL is in tests/devreal/MANIFEST.tsv, at most
8 a day and 3 an outlet (see tools/gold_sample.py for the rest).
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_sample import ROOT, GoldSample, main  # noqa: E402

CALIBRATION = GoldSample(manifest=HERE / "MANIFEST.tsv", prefix="cal-",
                         excluded=(ROOT / "tests" / "devreal" / "MANIFEST.tsv",),
                         seed=20150801, size=30, per_outlet=3, per_day=8)

if __name__ == "__main__":
    main(CALIBRATION, __doc__.splitlines()[0])
