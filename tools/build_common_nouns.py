#!/usr/bin/env python3
"""Build src/isnad/data/common_nouns.tsv from wordfreq's Arabic word list.

    pip install wordfreq && python3 tools/build_common_nouns.py

A word that news Arabic often writes with the article (عامل / العامل، ضابط /
الضابط، ضرورة / الضرورة) is a common noun or adjective; a name rarely takes it
(كوامي، غروشكو، جيفري never do).  The list holds the folded bare form of every
word whose form with ال has a Zipf frequency of at least ``--min-zipf`` in
wordfreq's large Arabic list, so that the statements reader can tell an
unknown name from an unknown noun in a speaker's slot.

wordfreq's data is licensed CC BY-SA 4.0 (see src/isnad/data/NOTICE-wordfreq.txt):
so is the list built from it.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from isnad.text import fold_key  # noqa: E402

HEADER = """\
# Common nouns and adjectives: words that Arabic writes with the article ال often enough that
# they are not names (عامل، ضابط، ضرورة، قوة). Folded bare forms. Built by
# tools/build_common_nouns.py from the large Arabic list of wordfreq {version} (every word whose
# form with ال has a Zipf frequency of at least {zipf}); CC BY-SA 4.0, see NOTICE-wordfreq.txt.
word
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-zipf", type=float, default=3.0)
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "isnad" / "data" / "common_nouns.tsv")
    args = parser.parse_args()
    import wordfreq

    words = set()
    for word in wordfreq.top_n_list("ar", 10**7, wordlist="large"):
        if word.startswith("ال") and len(word) > 4 \
                and wordfreq.zipf_frequency(word, "ar", wordlist="large") >= args.min_zipf:
            bare = fold_key(word[2:])
            if bare.isalpha():
                words.add(bare)
    version = getattr(wordfreq, "__version__", "") or "3.1"
    args.out.write_text(HEADER.format(version=version, zipf=args.min_zipf) + "\n".join(sorted(words)) + "\n",
                        encoding="utf-8")
    print(f"{len(words)} words -> {args.out}")


if __name__ == "__main__":
    main()
