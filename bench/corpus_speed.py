#!/usr/bin/env python3
"""Time and memory of the corpus steps on the SaudiNewsNet benchmark.

    python bench/corpus_speed.py [--days 4] [--stories-sample 15]

Each benchmark record becomes an article record (title, content, date,
outlet; no statements).  Prints the time of ``page_features`` over all
articles, in batches as the workers compute them (the part that runs in the
per-page pipeline), the time of
``CorpusLinker`` (add + finish), the peak memory of linking, and the story
size distribution with a sample of multi-article stories to eyeball.
"""
from __future__ import annotations

import argparse
import collections
import gc
import pathlib
import sys
import time
import tracemalloc

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from make_dup_corpus import BENCH, load_bench  # noqa: E402

from isnad.corpus import CorpusLinker, PageText, page_features  # noqa: E402
from isnad.pages import BATCH_PAGES  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=pathlib.Path, default=BENCH)
    ap.add_argument("--stories-sample", type=int, default=15)
    args = ap.parse_args()
    rows = load_bench(args.bench)
    articles = [{"doc_id": r["id"], "article_index": 0, "title": r.get("title"), "text": r["content"],
                 "published": r["date_extracted"][:10], "outlet": r["source"]} for r in rows]
    page_features([PageText(None, articles[:1], [])])  # load lexicons once
    t0 = time.perf_counter()
    signatures = [signature for i in range(0, len(articles), BATCH_PAGES)
                  for signature in page_features([PageText(None, articles[i:i + BATCH_PAGES], [])])[0].signatures]
    t_sig = time.perf_counter() - t0
    del articles
    gc.collect()
    t0 = time.perf_counter()
    linker = CorpusLinker()
    for s in signatures:
        linker.add_article(s)
    result = linker.finish()
    t_link = time.perf_counter() - t0
    del linker
    gc.collect()
    tracemalloc.start()  # a second run, traced, for memory only
    linker = CorpusLinker()
    for s in signatures:
        linker.add_article(s)
    linker.finish()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    n = len(signatures)
    sig_bytes = sum(s.nbytes() for s in signatures)
    print(f"articles={n}")
    print(f"signatures: {t_sig:.2f} s ({1000 * t_sig / n:.3f} ms/article), arrays {sig_bytes / n:.0f} B/article")
    print(f"linking: {t_link:.2f} s, peak memory it allocates {peak / 2**20:.1f} MiB")
    sizes = collections.Counter(s["size"] for s in result.stories)
    print(f"copies={len(result.duplicates)} stories={len(result.stories)} "
          f"singletons={sizes[1]} largest={max(sizes)} sizes={sorted(sizes.items())[:12]}")
    title = {(r["id"], 0): r.get("title") for r in rows}
    multi = sorted((s for s in result.stories if s["size"] > 1), key=lambda s: -s["size"])
    for s in multi[:3]:
        print(f"largest: {s['title']} ({s['size']}): " + " | ".join(
            str(title.get((a["doc_id"], a["article_index"]))) for a in s["articles"][:12]))
    for s in multi[:: max(1, len(multi) // args.stories_sample)][: args.stories_sample]:
        print(f"- {s['title']}  ({s['size']}, {s['date_range']})")
        for a in s["articles"][:5]:
            print(f"    {title.get((a['doc_id'], a['article_index']))}")


if __name__ == "__main__":
    main()
