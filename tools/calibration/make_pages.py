#!/usr/bin/env python3
"""Write the calibration pages (a held-out gold set) from the SaudiNewsNet bench zips.

    python3 tools/calibration/make_pages.py --out /tmp/calib-pages
    python3 tools/calibration/make_pages.py --sample      # (re)build MANIFEST.tsv

The draw: 30 articles, none whose URL is in tests/devreal/MANIFEST.tsv, at most
8 a day and 3 an outlet (declared in tools/gold_sample.py, with the rest).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gold_sample import GOLD_SETS, main  # noqa: E402

if __name__ == "__main__":
    main(GOLD_SETS["calibration"], __doc__.splitlines()[0])
