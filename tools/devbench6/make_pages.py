#!/usr/bin/env python3
"""Write the devbench6 pages (a sixth development gold set) from the SaudiNewsNet bench zips.

    python3 tools/devbench6/make_pages.py --out /tmp/devbench6-pages
    python3 tools/devbench6/make_pages.py --sample      # (re)build MANIFEST.tsv

The draw: 40 articles, none whose URL is in the manifests of dev-real,
calibration or devbench to devbench5, at most 10 a day and 4 an outlet (declared in tools/gold_sample.py, with the rest).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gold_sample import GOLD_SETS, main  # noqa: E402

if __name__ == "__main__":
    main(GOLD_SETS["devbench6"], __doc__.splitlines()[0])
