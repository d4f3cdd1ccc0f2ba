"""Near-duplicate articles: copies of one wire story (isnad.corpus.duplicates)."""
from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

from isnad.corpus import CorpusLinker, article_signature
from isnad.corpus.duplicates import COPY_THRESHOLD, NearDuplicates

SEEDS = Path(__file__).resolve().parents[1] / "examples"  # the seed pages
PAGE_004 = SEEDS / "004_d20eb930a8924495.txt"
BENCH = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bench"  # beside the clone, when present
needs_bench = pytest.mark.skipif(not any(BENCH.glob("*.zip")), reason="needs the SaudiNewsNet benchmark corpus "
                                 "in ../shared/corpus/bench (not in the repository)")


def _body_004() -> str:
    text = PAGE_004.read_text(encoding="utf-8")
    start = text.index("قال متحدث باسم وزارة الخارجية الأمريكية، الخميس")
    end = text.index("أطلعوا البيت الأبيض على التفاصيل عقب الاجتماع.") + len("أطلعوا البيت الأبيض على التفاصيل عقب الاجتماع.")
    return text[start:end]


def _record(doc, text, published=None, title=None):
    return {"doc_id": doc, "article_index": 0, "title": title, "text": text, "published": published}


def _reprint(body: str) -> str:
    """Another outlet's page of the same wire story: new boilerplate, a sentence dropped, words changed."""
    paragraphs = body.split("\n\n")
    del paragraphs[3]
    edited = "\n\n".join(paragraphs).replace("الأمريكية", "الأميركية").replace("وقال", "وذكر")
    return ("الرئيسية | سياسة | اقتصاد | رياضة | اتصل بنا\n\nواشنطن - (رويترز):\n\n" + edited
            + "\n\nاقرأ أيضاً:\nالكرملين: لا اتصالات مع واشنطن بشأن أوكرانيا\nأسعار النفط ترتفع مع تراجع المخزونات"
            + "\n\nجميع الحقوق محفوظة © 2023")


def test_reprint_with_other_boilerplate_and_edits_is_a_copy_of_the_earliest():
    body = _body_004()
    linker = CorpusLinker()
    linker.add_article(article_signature(_record("reprint.txt", _reprint(body), "2023-07-07")))
    linker.add_article(article_signature(_record("original.txt", body, "2023-07-06")))
    page_000 = PAGE_004.with_name("000_0ce1e2632adafb82.txt").read_text(encoding="utf-8")
    linker.add_article(article_signature(_record("same-story.txt", page_000, "2023-07-06")))
    result = linker.finish()
    assert result.duplicates == [{"doc_id": "reprint.txt", "article_index": 0,
                                  "copy_of": {"doc_id": "original.txt", "article_index": 0},
                                  "similarity": result.duplicates[0]["similarity"]}]
    assert result.duplicates[0]["similarity"] >= COPY_THRESHOLD
    # a copy is still an article of the story
    (story,) = [s for s in result.stories if len(s["articles"]) > 1]
    assert {m["doc_id"] for m in story["articles"]} >= {"reprint.txt", "original.txt"}


def test_articles_of_one_story_are_not_copies():
    seeds = sorted(SEEDS.glob("*.txt"))
    finder = NearDuplicates()
    for i, path in enumerate(seeds):
        finder.add(i, article_signature(_record(path.name, path.read_text(encoding="utf-8"))).minhash)
    assert finder.groups() == []


@pytest.mark.parametrize("reprint_first", [False, True])
def test_statements_of_a_copy_point_at_the_canonical_ones_and_count_once(reprint_first):
    """The canonical article is the earlier one, whichever comes first in the run."""
    body = _body_004()
    reprint = _reprint(body)
    nbc = {"name": "NBC News", "name_ar": "إن.بي.سي نيوز", "kind": "outlet", "country": "USA", "entity_id": "nbc-news"}
    spokesman = {"name": None, "name_ar": "متحدث باسم وزارة الخارجية", "kind": "official", "country": "USA",
                 "role": "متحدث باسم وزارة الخارجية", "entity_id": None}
    report = "مسؤولين أمريكيين سابقين اجتمعوا مع لافروف في نيويورك في إبريل/ نيسان"
    denial = "لم توافق إدارة بايدن على هذه المباحثات"

    def statements(doc, prefix):
        return [
            {"id": prefix + "s1", "doc_id": doc, "article_index": 0, "speaker": nbc, "stance": "assert",
             "content": report, "via": [], "responds_to": None, "date": None},
            {"id": prefix + "s4", "doc_id": doc, "article_index": 0, "speaker": spokesman, "stance": "deny",
             "content": denial, "via": [], "responds_to": prefix + "s1", "date": None},
        ]

    pages = [("original.txt", body, "2023-07-06", "o:"), ("reprint.txt", reprint, "2023-07-07", "r:")]
    linker = CorpusLinker()
    for doc, text, date, prefix in pages[::-1] if reprint_first else pages:
        linker.add_article(article_signature(_record(doc, text, date)))
        linker.add_statements(statements(doc, prefix))
    result = linker.finish()
    assert result.statement_updates["r:s1"]["copy_of"] == "o:s1"
    assert result.statement_updates["r:s4"]["copy_of"] == "o:s4"
    spokesman_entity = result.statement_updates["o:s4"]["speaker_entity_id"]
    assert result.statement_updates["r:s4"]["speaker_entity_id"] == spokesman_entity
    (claim,) = result.claims
    assert claim["asserted_by"] == ["o:s1"] and claim["denied_by"] == ["o:s4"]
    (duplicate,) = result.duplicates
    assert duplicate["doc_id"] == "reprint.txt" and duplicate["copy_of"]["doc_id"] == "original.txt"


def _bench_tool():
    path = Path(__file__).resolve().parents[1] / "bench" / "make_dup_corpus.py"
    spec = importlib.util.spec_from_file_location("make_dup_corpus", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_bench
def test_made_copies_of_benchmark_articles_are_found():
    tool = _bench_tool()
    rows = tool.load_bench(BENCH)[:600]
    rng = random.Random(3)
    titles = [r["title"] for r in rows if r.get("title")]
    pages = [tool.wrap(rng, r["title"] or "", r["content"], r["source"], "2015-08-01", titles) for r in rows]
    finder = NearDuplicates()
    for i, page in enumerate(pages):
        sig = article_signature(_record(str(i), page))
        if sig.minhash is not None:
            finder.add(i, sig.minhash)
    twins = {i for g in finder.groups() for i in g}  # real syndicated copies in the benchmark
    copied = rng.sample([i for i, r in enumerate(rows) if len(r["content"]) > 400 and i not in twins], 60)
    origin = {}
    for i in copied:
        body = tool.edit(rng, rows[i]["content"], "okaz")
        page = tool.wrap(rng, rows[i]["title"] or "", body, "okaz", "2015-08-01", titles)
        origin[len(pages)] = i
        finder.add(len(pages), article_signature(_record(str(len(pages)), page)).minhash)
        pages.append(page)
    made = set(origin)
    predicted = {(a, b) for g in finder.groups() for a in g for b in g if a < b and (a in made or b in made)}
    truth = {(min(o, c), max(o, c)) for c, o in origin.items()}
    precision = len(predicted & truth) / len(predicted)
    recall = len(predicted & truth) / len(truth)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
