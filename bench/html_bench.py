"""isnad's whole pipeline against trafilatura's extraction alone, on the same HTML.

    python bench/html_bench.py [CORPUS ...] [--pages N] [--workers W]

How the HTML pages are made: each benchmark article (SaudiNewsNet records
from ../shared/corpus/bench by default, or any input isnad reads) is wrapped
in one of three page templates, chosen by a seeded random generator so every
run builds the same pages: a portal (top menu of 25 section links,
breadcrumb, share bar, "read also" list of 8 other headlines, a comments
section with 3 comments, a footer of links), a wire-service page (byline,
dateline paragraph, tag cloud, related box), and a blog-like layout (sidebar
with most-read list, newsletter box, cookie banner).  Titles for the lists
are other articles' titles, as on real sites.

Both sides run on the same number of worker processes: trafilatura's
``extract`` on each page's bytes (its default, and its fast mode without
fallback extractors, which isnad uses), and ``isnad run`` on the folder of pages
(reading, extraction, segmentation, statements, DuckDB and JSONL writing).
Prints articles per second and peak memory of each and their ratio.
"""
from __future__ import annotations

import argparse
import html
import multiprocessing
import random
import tempfile
import time
from pathlib import Path

from measure import PeakMemory

from isnad.model import Page
from isnad.pipeline import run
from isnad.read import read_inputs

DEFAULT_INPUT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bench"
SECTIONS = ["الرئيسية", "محليات", "سياسة", "اقتصاد", "رياضة", "ثقافة", "منوعات", "تقنية", "صحة", "عربي ودولي",
            "فيديو", "صور", "رأي", "تحقيقات", "حوارات", "مجتمع", "فن", "سياحة", "سيارات", "تعليم", "وظائف",
            "طقس", "أسواق", "عقارات", "اتصل بنا"]


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip())


def _links(titles: list[str]) -> str:
    return "".join(f"<li><a href='/news/{i}'>{html.escape(t)}</a></li>" for i, t in enumerate(titles))


def portal(title: str, body: str, others: list[str], rng: random.Random) -> str:
    comments = "".join(
        f"<div class='comment'><b>زائر {i}</b><p>{html.escape(rng.choice(others))} شكرا على الخبر</p></div>"
        for i in range(3)
    )
    return (
        f"<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'><title>{html.escape(title)} | البوابة</title>"
        f"<meta property='og:title' content='{html.escape(title)}'></head><body>"
        f"<header><nav><ul>{_links(SECTIONS)}</ul></nav></header>"
        "<div class='breadcrumb'><a href='/'>الرئيسية</a> » <a href='/s'>أخبار</a></div>"
        f"<main><article><h1>{html.escape(title)}</h1><div class='share'>شارك: فيسبوك تويتر واتساب</div>"
        f"{_paragraphs(body)}</article>"
        f"<aside><h3>إقرأ أيضاً</h3><ul>{_links(others[:8])}</ul></aside>"
        f"<section class='comments'><h3>التعليقات</h3>{comments}</section></main>"
        f"<footer><ul>{_links(SECTIONS[-6:])}</ul><p>جميع الحقوق محفوظة © 2015</p></footer></body></html>"
    )


def wire(title: str, body: str, others: list[str], rng: random.Random) -> str:
    tags = " ".join(f"<a href='/tag/{i}'>{html.escape(w)}</a>" for i, w in enumerate(rng.sample(SECTIONS, 6)))
    return (
        f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=utf-8'><title>{html.escape(title)}</title></head>"
        f"<body><div id='top'>{_links(SECTIONS[:12])}</div><div id='content'><h2 class='headline'>{html.escape(title)}</h2>"
        f"<div class='byline'>وكالة الأنباء - خدمة الأخبار</div><div class='story'>{_paragraphs(body)}</div>"
        f"<div class='tags'>كلمات دلالية: {tags}</div><div class='related'><h4>أخبار ذات صلة</h4><ul>{_links(others[:5])}</ul></div>"
        "</div><div id='bottom'>عن الوكالة | اتصل بنا | سياسة الخصوصية</div></body></html>"
    )


def blog(title: str, body: str, others: list[str], rng: random.Random) -> str:
    return (
        f"<!doctype html><html dir='rtl'><head><meta charset='utf-8'><title>{html.escape(title)}</title></head><body>"
        "<div class='cookie'>يستخدم هذا الموقع ملفات تعريف الارتباط. موافق</div>"
        f"<div class='layout'><div class='sidebar'><h3>الأكثر قراءة</h3><ol>{_links(others[:6])}</ol>"
        "<div class='newsletter'>اشترك في النشرة البريدية</div></div>"
        f"<div class='post'><h1 class='entry-title'>{html.escape(title)}</h1><div class='entry-content'>{_paragraphs(body)}</div>"
        f"<div class='nav-links'><a href='/prev'>{html.escape(others[-1])}</a></div></div></div></body></html>"
    )


TEMPLATES = (portal, wire, blog)


def build_pages(inputs: list[str], limit: int, folder: Path, seed: int = 7) -> int:
    """Wrap up to ``limit`` article texts in page templates; returns the count."""
    records = []
    for page in read_inputs(inputs):
        if isinstance(page, Page) and len(page.text) > 200:
            records.append((page.meta.get("title") or page.text.strip().splitlines()[0][:80], page.text))
            if len(records) == limit:
                break
    rng = random.Random(seed)
    titles = [t for t, _ in records]
    for i, (title, body) in enumerate(records):
        others = rng.sample(titles, min(10, len(titles)))
        page = TEMPLATES[i % len(TEMPLATES)](title, body, others, rng)
        (folder / f"page{i:05d}.html").write_text(page, encoding="utf-8")
    return len(records)


def _trafilatura_extract(path: Path, fast: bool = False) -> int:
    import trafilatura

    text = trafilatura.extract(path.read_bytes(), include_comments=False, with_metadata=True, fast=fast)
    return 1 if text else 0


def _trafilatura_extract_fast(path: Path) -> int:
    return _trafilatura_extract(path, fast=True)


def _time_trafilatura(files: list[Path], workers: int, extract) -> tuple[int, float, int]:
    """Texts extracted, seconds and peak memory of trafilatura over ``files``."""
    with PeakMemory() as memory:
        started = time.perf_counter()
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            extracted = sum(pool.imap(extract, files, chunksize=16))
        seconds = time.perf_counter() - started
    return extracted, seconds, memory.peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(DEFAULT_INPUT)])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        n = build_pages(args.inputs, args.pages, folder)
        files = sorted(folder.glob("*.html"))

        extracted, trafilatura_seconds, trafilatura_peak = _time_trafilatura(files, args.workers, _trafilatura_extract)
        fast_extracted, fast_seconds, fast_peak = _time_trafilatura(files, args.workers, _trafilatura_extract_fast)
        with PeakMemory() as memory:
            summary = run([str(folder)], Path(tmp) / "out", workers=args.workers)
        isnad_peak = memory.peak

    t_rate = extracted / trafilatura_seconds
    i_rate = summary.articles / summary.seconds
    print(f"{n} HTML pages, {args.workers} workers")
    print(f"trafilatura extract alone: {extracted} texts in {trafilatura_seconds:.1f} s = {t_rate:.0f} pages/s, "
          f"peak memory {trafilatura_peak / 2**20:.0f} MB")
    print(f"trafilatura fast mode:     {fast_extracted} texts in {fast_seconds:.1f} s = "
          f"{fast_extracted / fast_seconds:.0f} pages/s, peak memory {fast_peak / 2**20:.0f} MB")
    print(f"isnad whole pipeline:      {summary.articles} articles, {summary.statements} statements in "
          f"{summary.seconds:.1f} s = {i_rate:.0f} articles/s, peak memory {isnad_peak / 2**20:.0f} MB")
    print(f"ratio isnad / trafilatura: {i_rate / t_rate:.2f}x (default extraction), "
          f"{i_rate / (fast_extracted / fast_seconds):.2f}x (fast mode, the mode isnad uses)")


if __name__ == "__main__":
    main()
