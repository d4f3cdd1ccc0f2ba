"""Corpus steps: stories, claims and entities across pages (isnad.corpus)."""
from __future__ import annotations

import json
import pickle
from dataclasses import fields
from datetime import date
from pathlib import Path

import numpy as np

from isnad.corpus import CorpusLinker, PageText, Signature, StatementRef, article_signature, page_features
from isnad.corpus.entities import merge_speakers, skeleton
from isnad.corpus.stories import (PAIR_WINDOW_DAYS, STORY_THRESHOLD, STORY_WINDOW_DAYS, Pairs, average_link,
                                  similar_pairs, story_scores, tfidf_matrix)
from isnad.corpus.terms import stem

SEEDS = Path(__file__).resolve().parents[1] / "examples"  # the seed pages
GOLD = Path(__file__).with_name("gold") / "seeds.jsonl"


def seed_articles() -> list[dict]:
    """Article records of the seed pages, cut at the gold articles' first and last words."""
    out = []
    for line in GOLD.open(encoding="utf-8"):
        gold = json.loads(line)
        text = (SEEDS / gold["doc"]).read_text(encoding="utf-8")
        pos = 0
        for i, a in enumerate(gold["articles"]):
            start = text.index(a["starts_with"], pos)
            end = text.index(a["ends_with"], start) + len(a["ends_with"])
            pos = end
            out.append({"doc_id": gold["doc"], "source": str(SEEDS / gold["doc"]), "article_index": i,
                        "span": [start, end], "segments": [[start, end]], "title": a["title"],
                        "text": text[start:end], "published": a["published"], "outlet": a["outlet"],
                        "agencies": a["agencies"], "dateline": None, "story": a["story"]})
    return out


def statement(sid, doc, idx, text, content, stance, speaker, responds_to=None, via=(), denied_claim=None):
    """A statement record as the per-page extractor writes it, spans found in ``text``."""
    start = text.index(content)
    record = {"id": sid, "doc_id": doc, "article_index": idx, "speaker": speaker, "cue": None,
              "mode": "indirect", "stance": stance, "content": content,
              "content_span": [start, start + len(content)], "sentence_span": None, "via": list(via),
              "date": None, "responds_to": responds_to}
    if denied_claim:
        s = text.index(denied_claim)
        record["denied_claim"] = {"text": denied_claim, "span": [s, s + len(denied_claim)]}
    return record


def person(name, name_ar, country, entity_id=None, role=None):
    return {"name": name, "name_ar": name_ar, "kind": "person", "country": country, "role": role,
            "entity_id": entity_id}


def seed_statements(articles: list[dict], zakharova_points_at_claim: bool = True) -> list[dict]:
    """Statements of the seed articles that bear on claims, written from the seed sentences."""
    art = {(a["doc_id"][:3], a["article_index"]): a for a in articles}

    def make(key, sid, content, stance, speaker, **kw):
        a = art[key]
        return statement(sid, a["doc_id"], a["article_index"], a["text"], content, stance, speaker, **kw)

    zakharova_claim = ("مسؤولين أمريكيين أجروا محادثات سرية مع وزير الخارجية الروسي، سيرغي لافروف، "
                       "بشأن الأزمة الأوكرانية في أبريل الماضي")
    state_dept = {"name": "US State Department spokesperson", "name_ar": "متحدث باسم وزارة الخارجية الأمريكية",
                  "kind": "official", "country": "USA", "role": "متحدث باسم وزارة الخارجية الأمريكية",
                  "entity_id": None}
    nbc = {"name": "NBC News", "name_ar": "إن.بي.سي نيوز", "kind": "outlet", "country": "USA", "role": None,
           "entity_id": "nbc-news"}
    bloomberg = {"name": "Bloomberg", "name_ar": "بلومبرج", "kind": "outlet", "country": "USA", "role": None,
                 "entity_id": "bloomberg"}
    return [
        make(("000", 0), "000:0:s0", "تركيز واشنطن ينصب على استمرار المساعدة لكييف وليس المفاوضات", "assert",
             person("Andrew Bates", "أندرو بيتس", "USA", "andrew-bates")),
        make(("000", 0), "000:0:s3", "المزاعم القائلة بأن " + zakharova_claim + "، مزيفة وغير صحيحة", "deny",
             person("Maria Zakharova", "ماريا زاخاروفا", "RUS", "maria-zakharova"),
             **({"responds_to": "claim:000:0:1", "denied_claim": zakharova_claim} if zakharova_points_at_claim else {})),
        make(("000", 1), "000:1:s0", "تتطلب العودة إلى طاولة المفاوضات", "assert",
             person("Mike Waltz", "مايك والتز", "USA", "mike-waltz")),
        make(("001", 0), "001:0:s0", "الولايات المتحدة لا تجبر أوكرانيا على التخلي عن محادثات السلام", "deny",
             person("Matthew Miller", "ماثيو ميلر", "USA", "matthew-miller")),
        make(("002", 0), "002:0:s1", "الرئيس فلاديمير بوتين “يجس نبض” الولايات المتحدة بشأن إمكانية إجراء محادثات "
             "حول إنهاء الحرب في أوكرانيا", "assert", bloomberg),
        make(("002", 0), "002:0:s0", "تقريرا لوكالة بلومبرج أفاد بأن الرئيس فلاديمير بوتين", "deny",
             {"name": "Kremlin", "name_ar": "الكرملين", "kind": "organization", "country": "RUS", "role": None,
              "entity_id": "kremlin"}, responds_to="002:0:s1"),
        make(("002", 0), "002:0:s4", "لا، هذا تقرير خاطئ", "deny",
             person("Dmitry Peskov", "دميتري بيسكوف", "RUS", "dmitry-peskov"), responds_to="002:0:s1"),
        make(("002", 1), "002:1:s0", "المحادثات الروسية الأميركية في الرياض بدأت للتو", "assert",
             person("Dmitry Peskov", "دميتري بيسكوف", "RUS", "dmitry-peskov")),
        make(("003", 0), "003:0:s0", "ستيف ويتكوف، المبعوث الخاص للرئيس الأمريكي دونالد ترامب، أجرى محادثات مثمرة",
             "assert", {"name": "US officials", "name_ar": "مسؤولون أمريكيون", "kind": "anonymous",
                        "country": "USA", "role": None, "entity_id": None}),
        make(("004", 0), "004:0:s0", "إدارة الرئيس جو بايدن لم تصرّح بإجراء اجتماعات سرية عقدها مسؤولون كبار سابقون "
             "في الأمن القومي مع وزير الخارجية الروسي سيرغي لافروف ومسؤولين روس آخرين حول إجراء محادثات",
             "deny", state_dept, responds_to="004:0:s1"),
        make(("004", 0), "004:0:s1", "مسؤولين أمريكيين سابقين اجتمعوا مع لافروف في نيويورك في إبريل/ نيسان", "assert",
             nbc),
        make(("004", 0), "004:0:s4", "لم توافق إدارة بايدن على هذه المباحثات", "deny", state_dept),
    ]


def run(articles, statements):
    by_article = {}
    for st in statements:
        by_article.setdefault((st["doc_id"], st["article_index"]), []).append(st)
    linker = CorpusLinker()
    for a in articles:
        linker.add_article(article_signature(a, by_article.get((a["doc_id"], a["article_index"]), [])))
    pages = {}
    for st in statements:
        pages.setdefault(st["doc_id"], []).append(st)
    for page_statements in pages.values():
        linker.add_statements(page_statements)
    return linker.finish()


def bcubed_f1(gold: dict, predicted: dict) -> float:
    """B-cubed F1 as shared/tools/score.py computes it (keys: articles)."""
    keys = list(gold)
    p = r = 0.0
    for k in keys:
        same_g = {j for j in keys if gold[j] == gold[k]}
        same_p = {j for j in keys if predicted.get(j) is not None and predicted[j] == predicted.get(k)} or {k}
        both = same_g & same_p
        p += len(both) / len(same_p)
        r += len(both) / len(same_g)
    p, r = p / len(keys), r / len(keys)
    return 2 * p * r / (p + r) if p + r else 0.0


# -- stories on the seeds ------------------------------------------------------

def test_seed_stories_form_the_gold_groups():
    articles = seed_articles()
    result = run(articles, seed_statements(articles))
    story_of = {(m["doc_id"], m["article_index"]): s["story_id"] for s in result.stories for m in s["articles"]}
    gold = {(a["doc_id"], a["article_index"]): a["story"] for a in articles}
    assert bcubed_f1(gold, story_of) >= 0.95
    assert len(result.stories) == 5
    assert all(s["title"] for s in result.stories)


def test_seed_stories_hold_without_the_extractors_claim_link():
    articles = seed_articles()
    result = run(articles, seed_statements(articles, zakharova_points_at_claim=False))
    story_of = {(m["doc_id"], m["article_index"]): s["story_id"] for s in result.stories for m in s["articles"]}
    gold = {(a["doc_id"], a["article_index"]): a["story"] for a in articles}
    assert bcubed_f1(gold, story_of) >= 0.95


def test_story_title_comes_from_a_member_headline_and_dates_span_members():
    articles = seed_articles()
    result = run(articles, seed_statements(articles))
    lavrov = next(s for s in result.stories if {m["doc_id"][:3] for m in s["articles"]} == {"000", "004"})
    assert lavrov["title"] == "«الخارجية الأمريكية» تنفي إجراء واشنطن محادثات سرية مع الروس"
    bloomberg = next(s for s in result.stories if s["articles"] == [{"doc_id": articles[3]["doc_id"], "article_index": 0}])
    assert bloomberg["date_range"] == ["2024-01-26", "2024-01-26"]


# -- claims --------------------------------------------------------------------

def test_denial_in_another_page_joins_the_report_it_denies():
    articles = seed_articles()
    result = run(articles, seed_statements(articles))
    nbc = next(c for c in result.claims if c["claimant"] == "NBC News")
    assert nbc["asserted_by"] == ["004:0:s1"]
    assert {"000:0:s3", "004:0:s0"} <= set(nbc["denied_by"])
    assert [h["status"] for h in nbc["status_history"]][:2] == ["reported", "denied"]
    assert nbc["status"] == "denied"
    # Zakharova's local "claim:..." link is rewritten to the corpus claim
    assert result.statement_updates["000:0:s3"]["responds_to"] == nbc["claim_id"]


def test_denial_without_extractor_link_is_linked_by_content():
    articles = seed_articles()
    result = run(articles, seed_statements(articles, zakharova_points_at_claim=False))
    nbc = next(c for c in result.claims if c["claimant"] == "NBC News")
    assert "000:0:s3" in nbc["denied_by"]
    assert result.statement_updates["000:0:s3"]["responds_to"] == nbc["claim_id"]


def test_every_gold_response_gets_a_link():
    articles = seed_articles()
    statements = seed_statements(articles)
    result = run(articles, statements)
    for st in statements:
        if st["stance"] == "deny" and st["doc_id"][:3] in ("000", "002", "004"):
            linked = result.statement_updates.get(st["id"], {}).get("responds_to") or st["responds_to"]
            assert linked, st["id"]


def test_unrelated_denial_in_another_page_stays_unlinked():
    articles = seed_articles()
    text = "نفت وزارة الصحة أن تكون المستشفيات الحكومية قد أغلقت أبوابها أمام المرضى خلال عطلة العيد."
    other = {"doc_id": "health.txt", "source": "health.txt", "article_index": 0, "title": "الصحة تنفي",
             "text": text, "published": "2024-04-02", "outlet": None, "agencies": [], "dateline": None}
    denial = statement("health:0:s0", "health.txt", 0, text,
                       "أن تكون المستشفيات الحكومية قد أغلقت أبوابها أمام المرضى خلال عطلة العيد", "deny",
                       {"name": "Ministry of Health", "name_ar": "وزارة الصحة", "kind": "organization",
                        "country": None, "role": None, "entity_id": None})
    result = run(articles + [other], seed_statements(articles) + [denial])
    assert "responds_to" not in result.statement_updates.get("health:0:s0", {})
    assert all("health:0:s0" not in c["denied_by"] for c in result.claims)


def test_confirmation_in_a_later_article_moves_the_status():
    report_text = ("ذكرت صحيفة وول ستريت جورنال أن الحكومة المصرية تعتزم رفع أسعار الوقود في يوليو المقبل "
                   "بنسبة تصل إلى ثلاثين في المئة.")
    answer_text = ("أكد وزير البترول المصري أن الحكومة ستعتزم رفع أسعار الوقود في يوليو المقبل بنسبة ثلاثين في المئة "
                   "ضمن برنامج الإصلاح.")
    articles = [
        {"doc_id": "wsj.txt", "article_index": 0, "title": "خطة لرفع أسعار الوقود في مصر", "text": report_text,
         "published": "2024-05-01"},
        {"doc_id": "minister.txt", "article_index": 0, "title": "الوزير يؤكد رفع أسعار الوقود", "text": answer_text,
         "published": "2024-05-03"},
    ]
    statements = [
        statement("wsj:s0", "wsj.txt", 0, report_text,
                  "الحكومة المصرية تعتزم رفع أسعار الوقود في يوليو المقبل بنسبة تصل إلى ثلاثين في المئة", "assert",
                  {"name": "The Wall Street Journal", "name_ar": "وول ستريت جورنال", "kind": "outlet",
                   "country": "USA", "role": None, "entity_id": None}),
        statement("min:s0", "minister.txt", 0, answer_text,
                  "الحكومة ستعتزم رفع أسعار الوقود في يوليو المقبل بنسبة ثلاثين في المئة ضمن برنامج الإصلاح",
                  "confirm", {"name": None, "name_ar": "وزير البترول المصري", "kind": "official", "country": "EGY",
                              "role": "وزير البترول المصري", "entity_id": None}),
    ]
    fillers = [_article(f"f{k}", None, text, "2024-05-02") for k, text in enumerate((SUMMIT_A, FOOTBALL, EXAMS, RAIN))]
    result = run(articles + fillers, statements)
    (claim,) = result.claims
    assert claim["claimant"] == "The Wall Street Journal"
    assert claim["confirmed_by"] == ["min:s0"]
    assert [h["status"] for h in claim["status_history"]] == ["reported", "confirmed"]
    assert [h["date"] for h in claim["status_history"]] == ["2024-05-01", "2024-05-03"]
    assert {"wsj.txt", "minister.txt"} in [{m["doc_id"] for m in s["articles"]} for s in result.stories]


# -- stories on sentences of our own -------------------------------------------

def _article(doc, title, text, published):
    return {"doc_id": doc, "article_index": 0, "title": title, "text": text, "published": published}


SUMMIT_A = ("اجتمع وزراء خارجية دول مجلس التعاون الخليجي في الدوحة اليوم لبحث أزمة المياه في المنطقة، "
            "وناقش الوزراء مشروع الربط المائي بين الدول الأعضاء وتمويل محطات التحلية الجديدة.")
SUMMIT_B = ("بحث وزراء الخارجية الخليجيون خلال اجتماعهم في الدوحة مشروع الربط المائي وتمويل محطات التحلية، "
            "في ظل أزمة المياه التي تواجهها دول مجلس التعاون.")
EXAMS = ("أعلنت وزارة التعليم نتائج اختبارات الثانوية العامة، وبلغت نسبة النجاح في المدارس الحكومية "
         "ثمانية وثمانين في المئة، فيما تصدرت مدارس المنطقة الشرقية قائمة المتفوقين.")
RAIN = ("توقعت هيئة الأرصاد هطول أمطار رعدية غزيرة على المرتفعات الجنوبية الغربية مع رياح نشطة تثير الغبار "
        "وتحد من مدى الرؤية الأفقية حتى مساء الغد.")
FOOTBALL = ("فاز نادي الهلال على النصر بهدفين مقابل هدف في مباراة الدوري السعودي التي أقيمت في ملعب الملك فهد، "
            "وسجل المهاجم هدف الفوز في الدقيقة الأخيرة.")


def test_two_reports_of_one_meeting_form_one_story_and_a_match_stays_apart():
    result = run([_article("a", "اجتماع خليجي في الدوحة حول المياه", SUMMIT_A, "2024-03-10"),
                  _article("b", "الربط المائي على طاولة الوزراء", SUMMIT_B, "2024-03-11"),
                  _article("c", "الهلال يفوز على النصر", FOOTBALL, "2024-03-10")], [])
    groups = sorted(sorted(m["doc_id"] for m in s["articles"]) for s in result.stories)
    assert groups == [["a", "b"], ["c"]]


def test_far_apart_dates_keep_similar_articles_in_separate_stories():
    result = run([_article("a", "اجتماع خليجي في الدوحة حول المياه", SUMMIT_A, "2022-03-10"),
                  _article("b", "الربط المائي على طاولة الوزراء", SUMMIT_B, "2024-03-11")], [])
    assert len(result.stories) == 2


def test_articles_months_apart_are_not_even_compared_but_undated_ones_are():
    sigs = [article_signature(_article(doc, "اجتماع خليجي في الدوحة حول المياه", SUMMIT_A, date))
            for doc, date in (("a", "2024-03-10"), ("b", "2024-03-12"), ("c", "2024-06-20"), ("d", None))]
    matrix = tfidf_matrix(sigs)
    days = np.array([date(2024, 3, 10).toordinal(), date(2024, 3, 12).toordinal(),
                     date(2024, 6, 20).toordinal(), np.nan])
    rows, cols, _ = similar_pairs(matrix, 0.05, days=days, window=PAIR_WINDOW_DAYS)
    assert sorted(zip(rows.tolist(), cols.tolist())) == [(0, 1), (0, 3), (1, 3), (2, 3)]
    everything, _, _ = similar_pairs(matrix, 0.05)
    assert len(everything) == 6


# -- signatures ------------------------------------------------------------------

def test_signature_keeps_no_text_and_is_pure():
    a = _article("a", "اجتماع خليجي في الدوحة حول المياه", SUMMIT_A, "2024-03-10")
    s1, s2 = article_signature(a), article_signature(dict(a))
    assert (s1.terms == s2.terms).all() and (s1.minhash == s2.minhash).all()
    assert not any(isinstance(v, str) and len(v) > 60 for v in (getattr(s1, f.name) for f in fields(s1)))
    assert s1.places == {"الدوحه"}


def test_signature_survives_a_staging_row():
    sig = article_signature(_article("a", "اجتماع خليجي في الدوحة حول المياه", SUMMIT_A, "2024-03-10"))
    back = Signature.from_row(pickle.loads(pickle.dumps(sig.to_row())))
    assert (back.terms == sig.terms).all() and (back.counts == sig.counts).all()
    assert (back.minhash == sig.minhash).all() and back.places == sig.places and back.key == sig.key


def test_statement_ref_survives_a_staging_row():
    speaker = {"name": "Kremlin", "name_ar": "الكرملين", "kind": "organization", "country": "RUS", "role": None,
               "entity_id": "kremlin", "wikidata": "Q1", "via_report": None}
    ref = StatementRef(id="s1", article=("d", 2), stance="deny", speaker=speaker,
                       date="2024-03-10", responds_to="s0", terms=np.array([3, 9], np.uint32), content="نفى الكرملين",
                       content_span=[4, 16], claim_text="تقرير", claim_terms=np.array([5], np.uint32),
                       claim_span=[20, 25], anaphoric=True)
    back = StatementRef.from_row(pickle.loads(pickle.dumps(ref.to_row())))
    for name in StatementRef._STAGED:
        value, restored = getattr(ref, name), getattr(back, name)
        assert (restored == value).all() if isinstance(value, np.ndarray) else restored == value, name


def test_locative_places_need_a_preposition():
    text = "وصل الوفد إلى الرياض ثم عقد اجتماعا في جدة، واتصل بمسؤولين في موسكو بالقاهرة"
    assert article_signature({"doc_id": "d", "text": text}).places == {"جده", "موسكو", "القاهره"}


def test_actors_are_the_longest_alias_with_or_without_a_proclitic():
    text = "وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة، وأكد لبوتين ذلك في الكرملين"
    actors = article_signature({"doc_id": "d", "text": text}).actors
    assert {"sergey-lavrov", "vladimir-putin"} <= actors


def test_an_alias_does_not_run_from_one_article_into_the_next():
    first = {"doc_id": "d", "article_index": 0, "text": "انتهى الاجتماع مساء أمس بحضور سيرغي"}
    second = {"doc_id": "d", "article_index": 1, "text": "لافروف وزير الخارجية وصل إلى الرياض صباح اليوم"}
    (a, b), _ = page_features([PageText(None, [first, second], [])])[0]
    assert "sergey-lavrov" not in a.actors


def test_stems_unify_common_inflections_and_keep_names():
    assert stem("الأمريكيين".translate(str.maketrans("أ", "ا"))) == stem("الامريكية".replace("ة", "ه"))
    assert stem("بوتين") == "بوتين"
    assert stem("والمحادثات") == stem("محادثه")


# -- entities across pages -------------------------------------------------------

def test_spelling_variants_and_surnames_join_one_person():
    speakers = {
        "p1:s0": person(None, "فولوديمير زيلينسكي", "UKR"),
        "p2:s0": person(None, "فلاديمير زيلنسكي", "UKR"),
        "p3:s0": person(None, "زيلينسكي", None),
        "p4:s0": person(None, "سيرغي لافروف", "RUS", "sergey-lavrov"),
        "p5:s0": person(None, "سيرجي لافروف", "RUS"),
    }
    assigned, entities = merge_speakers(speakers)
    assert assigned["p3:s0"] in (assigned["p1:s0"], assigned["p2:s0"])
    assert assigned["p5:s0"] == "sergey-lavrov"
    assert skeleton("زيلينسكي") == skeleton("زيلنسكي")


def test_role_speakers_merge_only_when_role_and_country_agree():
    role = "المتحدث باسم وزارة الخارجية"
    speakers = {
        "a:s0": {"name": None, "name_ar": None, "kind": "official", "country": "USA", "role": role},
        "b:s0": {"name": None, "name_ar": None, "kind": "official", "country": "USA", "role": "المتحدثة باسم وزارة الخارجية"},
        "c:s0": {"name": None, "name_ar": None, "kind": "official", "country": "RUS", "role": role},
    }
    assigned, _ = merge_speakers(speakers)
    assert assigned["a:s0"] == assigned["b:s0"]
    assert assigned["a:s0"] != assigned["c:s0"]


def test_an_undated_article_does_not_bridge_stories_years_apart():
    both = ("ناقش وزراء خارجية مجلس التعاون الخليجي خلال اجتماعهم في الدوحة أزمة المياه ومشروع الربط المائي "
            "بين الدول الأعضاء، كما بحثوا تمويل محطات التحلية الجديدة.")  # close to each of the two reports
    fillers = [_article(f"f{k}", None, text, "2024-05-02") for k, text in enumerate((FOOTBALL, EXAMS, RAIN))]
    result = run([_article("a", "اجتماع خليجي في الدوحة حول المياه", SUMMIT_A, "2022-03-10"),
                  _article("b", "الربط المائي على طاولة الوزراء", SUMMIT_B, "2024-03-11"),
                  _article("u", "أزمة المياه في الخليج", both, None), *fillers], [])
    groups = sorted(sorted(m["doc_id"] for m in s["articles"]) for s in result.stories)
    assert ["a", "u"] in groups and ["b"] in groups  # u joins the report closest to it, not both


def test_groups_never_merge_beyond_the_story_window():
    # a and b are each close to u; a and b were never compared (two years apart)
    pairs = Pairs(np.array([0, 1]), np.array([2, 2]), np.array([0.6, 0.6]))
    days = np.array([date(2022, 3, 10).toordinal(), date(2024, 3, 11).toordinal(), np.nan])
    assert len(set(average_link(3, pairs, STORY_THRESHOLD))) == 1  # without dates: one chain
    labels = average_link(3, pairs, STORY_THRESHOLD, days, STORY_WINDOW_DAYS)
    assert labels[0] != labels[1] and labels[2] in (labels[0], labels[1])


def test_an_undated_article_counts_only_through_a_strong_pair():
    weak = RAIN + " في ظل أزمة المياه التي تواجهها دول مجلس التعاون."  # a few words of the summit
    others = [_article("a", "اجتماع خليجي في الدوحة حول المياه", SUMMIT_A, "2024-03-10"),
              _article("b", "الربط المائي على طاولة الوزراء", SUMMIT_B, "2024-03-11"),
              _article("f", None, FOOTBALL, "2024-05-02"), _article("e", None, EXAMS, "2024-05-02")]
    sigs = [article_signature(a) for a in others]
    for published, present in (("2024-03-10", True), (None, False)):
        sig = article_signature(_article("w", None, weak, published))
        pairs = story_scores([*sigs, sig], {}, set())
        with_weak = [s for r, c, s in zip(pairs.rows, pairs.cols, pairs.scores) if 4 in (r, c)]
        assert bool(with_weak) == present and all(s < STORY_THRESHOLD for s in with_weak)
