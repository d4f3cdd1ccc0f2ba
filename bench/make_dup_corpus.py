#!/usr/bin/env python3
"""Build a corpus with known copies from the SaudiNewsNet benchmark and score copy detection.

    python bench/make_dup_corpus.py build --out /tmp/dups [--copied 300] [--seed 7]
    python bench/make_dup_corpus.py score --corpus /tmp/dups [--articles RUN/articles.jsonl]

``build`` reads ``../shared/corpus/bench/*.zip`` (never copied into the
repository) and writes ``pages/*.txt`` (every benchmark article as a page
wrapped in an outlet's boilerplate: menu, header, "read also" list of other
headlines, footer) plus, for ``--copied`` articles, one to three copies
re-wrapped in another outlet's boilerplate and lightly edited (a sentence
dropped, words swapped for variants, a dateline or outlet line added, the
headline shortened).  ``truth.jsonl`` names each copy's original.  Articles
chosen for copying have no near-duplicate or close rewrite of their own in
the benchmark (real syndicated copies exist there: estimated Jaccard >= 0.3
or TF-IDF cosine >= 0.5), so the truth is complete for them.

``score`` computes signatures of the pages (whole page text as the article,
the worst case of a segmenter that keeps all boilerplate, unless
``--articles`` gives a run's articles.jsonl) and prints pair precision and
recall over pairs that involve a made copy, and the estimated Jaccard
similarity of true copy pairs against the closest other pairs (the figures
behind ``isnad.corpus.duplicates.COPY_THRESHOLD``).
"""
from __future__ import annotations

import argparse
import json
import pathlib
import random
import re
import sys
import zipfile

import numpy as np

BENCH = pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bench"

MENUS = [
    "الرئيسية | محليات | اقتصاد | رياضة | ثقافة | منوعات | كتاب الرأي | اتصل بنا",
    "أخبار | سياسة | العالم | المال والأعمال | تقنية | صحة | فيديو | صور",
    "الصفحة الأولى\nالوطن\nالخليج\nالعالم العربي\nدولي\nالرياضة\nالإعلام الجديد",
    "تابعونا على تويتر | فيسبوك | يوتيوب | إنستغرام",
]
HEADERS = ["آخر تحديث: {date}", "نشر في {date}", "{date} - الساعة 10:45 صباحاً", "التاريخ: {date}"]
FOOTERS = [
    "جميع الحقوق محفوظة © 2015",
    "شارك الخبر: واتساب تويتر فيسبوك\nطباعة إرسال لصديق",
    "التعليقات (0)\nأضف تعليقك\nالاسم البريد الإلكتروني",
    "للاشتراك في النشرة البريدية أدخل بريدك الإلكتروني\nسياسة الخصوصية | شروط الاستخدام",
]
READ_ALSO = ["اقرأ أيضاً:", "مقالات ذات صلة", "الأكثر قراءة", "أخبار متعلقة"]
DATELINES = ["الرياض - واس:", "جدة - {outlet}:", "(واس) -", "متابعات -"]
OUTLET_LINES = ["المصدر: {outlet}", "نقلاً عن {outlet}", "{outlet} - متابعات"]
VARIANTS = {
    "قال": "ذكر", "أكد": "أوضح", "أوضح": "بيّن", "أشار": "لفت", "الأمريكية": "الأميركية",
    "أمريكا": "أميركا", "المملكة": "السعودية", "خلال": "أثناء", "كما": "وكذلك", "حيث": "إذ",
    "إلى": "الى", "أن": "ان", "العام": "السنة", "اليوم": "الیوم", "الذي": "الذى",
}
_SENT = re.compile(r"(?<=[.!؟?])\s+")


def load_bench(bench: pathlib.Path) -> list[dict]:
    rows = []
    for path in sorted(bench.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for k, rec in enumerate(json.loads(z.read(name))):
                    if (rec.get("content") or "").strip():
                        rows.append({"id": f"{pathlib.Path(name).stem}-{k:04d}", **rec})
    return rows


def wrap(rng: random.Random, title: str, body: str, outlet: str, date: str, other_titles: list[str]) -> str:
    """A page: menu, header, title, body, read-also list, footer."""
    parts = [rng.choice(MENUS), rng.choice(HEADERS).format(date=date), title, body]
    if rng.random() < 0.8:
        parts.append(rng.choice(READ_ALSO) + "\n" + "\n".join(rng.sample(other_titles, 4)))
    parts.append(rng.choice(FOOTERS))
    return "\n\n".join(parts) + "\n"


def edit(rng: random.Random, body: str, outlet: str) -> str:
    """Light edits of a copied body."""
    sentences = [s for s in _SENT.split(body.strip()) if s]
    if len(sentences) > 3 and rng.random() < 0.6:
        del sentences[rng.randrange(1, len(sentences))]
    words = " ".join(sentences).split(" ")
    swaps = 0
    for i, w in enumerate(words):
        if w in VARIANTS and rng.random() < 0.5 and swaps < 6:
            words[i] = VARIANTS[w]
            swaps += 1
    text = " ".join(words)
    if rng.random() < 0.5:
        text = rng.choice(DATELINES).format(outlet=outlet) + " " + text
    if rng.random() < 0.5:
        text += "\n" + rng.choice(OUTLET_LINES).format(outlet=outlet)
    return text


def build(args) -> None:
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "src"))
    from isnad.corpus.duplicates import NearDuplicates
    from isnad.corpus import article_signature
    from isnad.corpus.stories import similar_pairs, tfidf_matrix

    rng = random.Random(args.seed)
    rows = load_bench(args.bench)
    titles = [r["title"] for r in rows if r.get("title")]
    outlets = sorted({r["source"] for r in rows})
    # articles with a near-duplicate or a close rewrite of their own in the benchmark are not copied
    sigs = [article_signature({"doc_id": r["id"], "article_index": 0, "text": r["content"]}) for r in rows]
    finder = NearDuplicates(threshold=0.3)
    for i, sig in enumerate(sigs):
        if sig.minhash is not None:
            finder.add(i, sig.minhash)
    has_twin = {i for g in finder.groups() for i in g}
    close_a, close_b, _ = similar_pairs(tfidf_matrix(sigs), 0.5)
    has_twin.update(close_a.tolist() + close_b.tolist())
    eligible = [i for i, r in enumerate(rows) if i not in has_twin and len(r["content"]) > 400]
    chosen = rng.sample(eligible, min(args.copied, len(eligible)))
    out = pathlib.Path(args.out)
    (out / "pages").mkdir(parents=True, exist_ok=True)
    truth = []
    for r in rows:
        date = r["date_extracted"][:10]
        page = wrap(rng, r["title"] or "", r["content"].strip(), r["source"], date, titles)
        (out / "pages" / f"{r['id']}.txt").write_text(page, encoding="utf-8")
    for i in chosen:
        r = rows[i]
        for c in range(rng.choice((1, 1, 2, 3))):
            outlet = rng.choice([o for o in outlets if o != r["source"]])
            title = r["title"] or ""
            if rng.random() < 0.5 and len(title.split()) > 4:
                title = " ".join(title.split()[:-2])
            body = edit(rng, r["content"], outlet)
            page = wrap(rng, title, body, outlet, r["date_extracted"][:10], titles)
            copy_id = f"{r['id']}-copy{c}"
            (out / "pages" / f"{copy_id}.txt").write_text(page, encoding="utf-8")
            truth.append({"doc_id": copy_id, "copy_of": r["id"]})
    with (out / "truth.jsonl").open("w", encoding="utf-8") as f:
        for t in truth:
            f.write(json.dumps(t, ensure_ascii=False) + "\n")
    print(f"{len(rows)} pages, {len(chosen)} articles copied, {len(truth)} copies -> {out}")


def score(args) -> None:
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "src"))
    from isnad.corpus.duplicates import NearDuplicates
    from isnad.corpus import article_signature

    corpus = pathlib.Path(args.corpus)
    truth = {}
    for line in (corpus / "truth.jsonl").open(encoding="utf-8"):
        t = json.loads(line)
        truth[t["doc_id"]] = t["copy_of"]
    if args.articles:
        records = [json.loads(x) for x in open(args.articles, encoding="utf-8") if x.strip()]
        for rec in records:
            rec["doc_id"] = pathlib.PurePath(str(rec["doc_id"])).stem
    else:
        records = [{"doc_id": p.stem, "article_index": 0, "text": p.read_text(encoding="utf-8")}
                   for p in sorted((corpus / "pages").glob("*.txt"))]
    finder = NearDuplicates(threshold=args.threshold) if args.threshold else NearDuplicates()
    sigs = []
    for i, rec in enumerate(records):
        sig = article_signature(rec)
        sigs.append(sig)
        if sig.minhash is not None:
            finder.add(i, sig.minhash)
    docs = [s.doc_id for s in sigs]
    made = set(truth) | set(truth.values())
    group_of = {d: truth.get(d, d) for d in docs}

    def truly_same(a: str, b: str) -> bool:
        return group_of[a] == group_of[b]

    predicted = set()
    for g in finder.groups():
        names = sorted({docs[i] for i in g})
        predicted.update((a, b) for k, a in enumerate(names) for b in names[k + 1:]
                         if (a in truth or b in truth))
    gold = set()
    members: dict[str, list[str]] = {}
    for d in docs:
        if d in made:
            members.setdefault(group_of[d], []).append(d)
    for names in members.values():
        names.sort()
        gold.update((a, b) for k, a in enumerate(names) for b in names[k + 1:])
    tp = len(predicted & gold)
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(gold) if gold else 0.0
    index = {d: i for i, d in enumerate(docs)}
    true_sims = [float(np.mean(sigs[index[a]].minhash == sigs[index[b]].minhash)) for a, b in gold
                 if sigs[index[a]].minhash is not None and sigs[index[b]].minhash is not None]
    wrong = sorted(((float(np.mean(sigs[index[a]].minhash == sigs[index[b]].minhash)), a, b)
                    for a, b in predicted - gold), reverse=True)
    near_miss = NearDuplicates(threshold=0.2)
    for i, s in enumerate(sigs):
        if s.minhash is not None:
            near_miss.add(i, s.minhash)
    other_sims = []
    for g in near_miss.groups():
        for k, a in enumerate(g):
            for b in g[k + 1:]:
                if (docs[a] in truth or docs[b] in truth) and not truly_same(docs[a], docs[b]):
                    other_sims.append(near_miss.similarity(a, b))
    print(f"articles={len(docs)} copy_pairs={len(gold)} predicted_pairs={len(predicted)} tp={tp}")
    print(f"duplicate_precision={precision:.3f} duplicate_recall={recall:.3f}")
    if true_sims:
        q = np.percentile(true_sims, [1, 5, 50])
        print(f"true pairs jaccard: p1={q[0]:.2f} p5={q[1]:.2f} median={q[2]:.2f} min={min(true_sims):.2f}")
    print(f"pairs of a copy and a non-copy grouped at jaccard 0.2: {len(other_sims)}"
          + (f", max={max(other_sims):.2f}" if other_sims else ""))
    for sim, a, b in wrong[:5]:
        print(f"  false pair {a} {b} jaccard={sim:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--out", required=True)
    b.add_argument("--bench", type=pathlib.Path, default=BENCH)
    b.add_argument("--copied", type=int, default=300)
    b.add_argument("--seed", type=int, default=7)
    s = sub.add_parser("score")
    s.add_argument("--corpus", required=True)
    s.add_argument("--articles", help="articles.jsonl of an isnad run over CORPUS/pages")
    s.add_argument("--threshold", type=float, help="override the copy threshold")
    args = ap.parse_args()
    build(args) if args.cmd == "build" else score(args)


if __name__ == "__main__":
    main()
