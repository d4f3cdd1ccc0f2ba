"""Segmentation of pages into articles, scored like the gold scorer does."""
import json
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest

from isnad.model import Page
from isnad.outlets import canonical_name
from isnad.read import record_meta
from isnad.segment import segment_page

SEEDS = Path(__file__).resolve().parents[1] / "examples"  # the seed pages
GOLD = Path(__file__).with_name("gold") / "seeds.jsonl"
BENCH = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bench"  # beside the clone, when present

# -- the scorer's loose folding (shared/tools/score.py) -----------------------
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "ة": "ه", "ؤ": "و",
    "ئ": "ي", "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'",
    "\u200c": "", "\u200d": "", "\u200e": "", "\u200f": "", "\xa0": " ",
})


def loose(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = _DIACRITICS.sub("", s).translate(_FOLD)
    return re.sub(r"\s+", " ", s).strip().lower()


def score_page(records, gold):
    """Problems of a page's predicted records against its gold row (empty when all is well)."""
    problems = []
    texts = [loose(r["text"]) for r in records]
    for ga in gold["articles"]:
        start, end = loose(ga["starts_with"]), loose(ga["ends_with"])
        hits = [k for k, t in enumerate(texts) if start in t]
        if not hits or end not in texts[hits[0]]:
            problems.append(f"{ga['id']}: not inside one article")
            continue
        hit = records[hits[0]]
        others = [o for o in gold["articles"] if o is not ga]
        if any(loose(o["starts_with"]) in texts[hits[0]] for o in others):
            problems.append(f"{ga['id']}: merged with another article")
        for key in ("published", "title", "outlet", "agencies", "dateline"):
            if key in ga and _field(hit, key, ga[key]) != _expected(key, ga[key]):
                problems.append(f"{ga['id']}: {key} {_field(hit, key, ga[key])!r} != {ga[key]!r}")
    for line in gold["boilerplate"]:
        if any(loose(line) in t for t in texts):
            problems.append(f"boilerplate kept: {line}")
    return problems


def _expected(key, value):
    """A gold value as isnad writes it: outlets and agencies by their canonical names."""
    if key == "outlet" and value is not None:
        return canonical_name(value)
    if key == "agencies":
        return [canonical_name(a) for a in value]
    return value


def _field(record, key, gold):
    """The record's value to compare with ``gold``: a day of unknown year (gold
    ``--MM-DD``) is ``published_partial``, since ``published`` is always a date;
    where the gold names no outlet, a lead credit may still name one."""
    if key == "published" and gold and gold.startswith("--"):
        return record["published_partial"]
    if key == "outlet" and gold is None and record["outlet_source"] == "credit":
        return None
    return record[key]


def records_of(text, content_type="text", meta=None, name="page"):
    page = Page(name, name, text, content_type=content_type, meta=meta or {})
    return [a.to_record(text) for a in segment_page(page)]


def gold_rows():
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("gold", gold_rows(), ids=lambda g: g["doc"][:3])
def test_seed_pages_meet_the_gold(gold):
    text = (SEEDS / gold["doc"]).read_text(encoding="utf-8")
    records = records_of(text, name=gold["doc"])
    assert score_page(records, gold) == []
    assert len(records) == len(gold["articles"])


def seed(name):
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def test_inserted_related_headline_is_cut_from_the_segments():
    text = seed("003")
    [article] = records_of(text)
    inserted = "ترامب وبوتين يعتزمان اللقاء في ألاسكا لمناقشة اتفاق سلام بشأن أوكرانيا"
    assert inserted not in article["text"]
    assert article["text"].split("\n")[1] == "ومن المقرر أن تجرى المزيد من المحادثات اليوم السبت."
    assert article["text"].endswith("لمدة خمس ساعات في الكرملين وركزا ع")  # truncated, kept
    assert len(article["segments"]) == 12
    assert article["published_span"] and text[slice(*article["published_span"])] == "5 ديسمبر كانون الأول"


def test_spans_point_into_the_page():
    text = seed("002")
    for r in records_of(text):
        assert r["text"] == "\n".join(text[s:e] for s, e in r["segments"])
        assert text[slice(*r["title_span"])] == r["title"]
        assert r["span"][0] <= r["title_span"][0] and r["span"][1] >= r["segments"][-1][1]
    first = records_of(text)[0]
    assert text[slice(*first["outlet_span"])] == "كويت نيوز"
    assert [text[s:e] for s, e in first["agency_spans"]] == ["رويترز"]


def test_teaser_list_before_the_article_is_dropped():
    text = seed("004")
    [article] = records_of(text)
    assert "..." not in article["text"]
    assert article["title"].startswith("«الخارجية الأمريكية»")


# -- other outlets' page styles -----------------------------------------------

JAZEERA_STYLE = """الرئيسية
أخبار
سياسة
الأحد 12 ربيع الأول 1446 هـ - 15 سبتمبر 2024 م
البرلمان الأردني يقر تعديلات على قانون الانتخاب وسط انتقادات المعارضة
محمد العلي - عمان
شارك
فيسبوك تويتر واتساب
عمّان – أقر مجلس النواب الأردني، اليوم الأحد، تعديلات على قانون الانتخاب تمنح الأحزاب حصة أكبر من المقاعد، في جلسة استمرت أكثر من خمس ساعات وشهدت نقاشا حادا بين الكتل النيابية.
وقال رئيس المجلس أحمد الصفدي إن التعديلات "تعزز تمثيل الأحزاب وتفتح الباب أمام حكومات برلمانية"، مضيفا أن المجلس استمع إلى ملاحظات جميع الكتل قبل التصويت.
تحفظات المعارضة
في المقابل، أكدت كتلة الإصلاح المعارضة أن التعديلات لا تعالج "الخلل الحقيقي" في توزيع الدوائر، وطالبت بإعادة النظر في نظام القوائم.
وأضافت الكتلة في بيان أمس السبت أنها ستطعن في دستورية بعض المواد أمام المحكمة الدستورية.
المصدر: الجزيرة + وكالات
اقرأ أيضا
الحكومة الأردنية تستقيل قبيل الانتخابات النيابية
الأردن يعلن موعد الانتخابات النيابية المقبلة
التعليقات
أضف تعليقك
"""

AAWSAT_STYLE = """الشرق الأوسط
العالم العربي
الجيش الليبي يعلن السيطرة على بلدة جديدة في الجنوب
نشر في: 2019/03/14 - 10:22
بنغازي: «الشرق الأوسط»
أعلن الجيش الوطني الليبي، أمس، سيطرته على بلدة غدوة جنوب مدينة سبها بعد اشتباكات مع مجموعات مسلحة، في إطار العملية العسكرية التي أطلقها مطلع العام في الجنوب.
وقال المتحدث باسم الجيش اللواء أحمد المسماري في مؤتمر صحافي إن قواته "تتقدم بثبات" وإنها تعمل على تأمين الحقول النفطية في المنطقة.
وأضاف المسماري أن العملية ستستمر حتى "تطهير الجنوب بالكامل"، نافيا وقوع إصابات بين المدنيين.
(أ ف ب)
ليبيا
مواضيع
ليبيا: مقتل 5 في اشتباكات جنوب طرابلس
ترحيب أممي بوقف إطلاق النار في طرابلس
"""

LEVANTINE_STYLE = """النهار
آخر تحديث: ٢٠٢٣/١٠/٠٥ | ١٢:٣٠
بيروت تستضيف اجتماعاً وزارياً عربياً لبحث أزمة النازحين
بيروت ٥ تشرين الأول (أ ف ب) - استضافت بيروت اليوم الخميس اجتماعاً وزارياً عربياً لبحث ملف النازحين السوريين، بمشاركة وزراء خارجية ست دول عربية.
وقال وزير الخارجية اللبناني عبدالله بو حبيب إن لبنان "لم يعد قادرا على تحمل العبء وحده". اقرأ أيضاً: لبنان يطالب بدعم دولي لعودة النازحين
وأكد المشاركون في بيان ختامي أن الحل يكمن في "عودة آمنة وكريمة" للنازحين إلى بلادهم، ودعوا المجتمع الدولي إلى دعم مشاريع التعافي المبكر.
كلمات مفتاحية
لبنان النازحين
إقرأ أيضاً
عون يلتقي السفيرة الأميركية
الحكومة اللبنانية تقر خطة طوارئ لمواجهة تداعيات الحرب
أقر مجلس الوزراء اللبناني في جلسته اليوم خطة طوارئ وطنية لمواجهة التداعيات المحتملة لأي توسع للحرب، تشمل تأمين المستشفيات والمخزون الغذائي والمحروقات.
وقال رئيس الحكومة إن الخطة "ليست إعلان حرب بل استعداد لكل الاحتمالات"، داعيا المواطنين إلى عدم الهلع.
وأوضح وزير الصحة أن الوزارة رفعت جهوزية المستشفيات الحكومية والخاصة، وأنها تنسق مع المنظمات الدولية لتأمين الأدوية.
"""

SYNTHETIC_GOLD = {
    "jazeera": (JAZEERA_STYLE, {
        "articles": [{"id": "J-A", "title": "البرلمان الأردني يقر تعديلات على قانون الانتخاب وسط انتقادات المعارضة",
                      "starts_with": "عمّان – أقر مجلس النواب الأردني", "ends_with": "أمام المحكمة الدستورية.",
                      "published": "2024-09-15", "outlet": "الجزيرة", "agencies": ["وكالات"]}],
        "boilerplate": ["محمد العلي - عمان", "فيسبوك تويتر واتساب", "المصدر: الجزيرة", "اقرأ أيضا",
                        "الحكومة الأردنية تستقيل قبيل الانتخابات النيابية", "أضف تعليقك", "شارك"],
    }),
    "aawsat": (AAWSAT_STYLE, {
        "articles": [{"id": "S-A", "title": "الجيش الليبي يعلن السيطرة على بلدة جديدة في الجنوب",
                      "starts_with": "أعلن الجيش الوطني الليبي", "ends_with": "نافيا وقوع إصابات بين المدنيين.",
                      "published": "2019-03-14", "outlet": "الشرق الأوسط", "agencies": ["أ ف ب"]}],
        "boilerplate": ["نشر في: 2019/03/14", "(أ ف ب)", "مواضيع", "ليبيا: مقتل 5 في اشتباكات جنوب طرابلس",
                        "العالم العربي"],
    }),
    "levantine": (LEVANTINE_STYLE, {
        "articles": [
            {"id": "N-A", "title": "بيروت تستضيف اجتماعاً وزارياً عربياً لبحث أزمة النازحين",
             "starts_with": "بيروت ٥ تشرين الأول (أ ف ب)", "ends_with": "دعم مشاريع التعافي المبكر.",
             "published": "2023-10-05", "agencies": ["أ ف ب"], "dateline": "بيروت"},
            {"id": "N-B", "title": "الحكومة اللبنانية تقر خطة طوارئ لمواجهة تداعيات الحرب",
             "starts_with": "أقر مجلس الوزراء اللبناني", "ends_with": "لتأمين الأدوية.",
             "published": None, "agencies": []},
        ],
        "boilerplate": ["اقرأ أيضاً: لبنان يطالب بدعم دولي", "كلمات مفتاحية", "لبنان النازحين",
                        "عون يلتقي السفيرة الأميركية", "آخر تحديث"],
    }),
}


@pytest.mark.parametrize("name", sorted(SYNTHETIC_GOLD))
def test_pages_in_other_outlets_styles(name):
    text, gold = SYNTHETIC_GOLD[name]
    records = records_of(text)
    assert score_page(records, gold) == []
    assert len(records) == len(gold["articles"])


LEAD = ("أعلنت وزارة الخارجية المصرية، اليوم الاثنين، أن الوزير سيتوجه إلى واشنطن الأسبوع المقبل لبحث "
        "ملفات إقليمية عدة، في مقدمتها الوضع في غزة والسودان.")
BODY = ("وقال المتحدث باسم الوزارة في بيان إن الزيارة تأتي في إطار التشاور المستمر بين البلدين، "
        "مشيرا إلى أن الوزير سيلتقي نظيره الأمريكي وعددا من أعضاء الكونغرس.")


def test_subheadings_and_pull_quotes_do_not_split_an_article():
    text = "\n".join([
        "وزير الخارجية المصري يزور واشنطن الأسبوع المقبل",
        LEAD, BODY,
        "ملفات على الطاولة",
        "وتتصدر الحرب في غزة جدول المباحثات، إلى جانب الأزمة في السودان وملف سد النهضة الذي تطالب القاهرة "
        "بتدخل أمريكي فيه.",
        "المتحدث: الزيارة تأتي في إطار التشاور المستمر بين البلدين",
        "ومن المنتظر أن يعقد الوزير مؤتمرا صحفيا في ختام الزيارة يعرض فيه نتائج المباحثات مع المسؤولين "
        "الأمريكيين.",
    ])
    [article] = records_of(text)
    assert "ملفات على الطاولة" in article["text"]  # a short subheading stays
    assert "المتحدث: الزيارة" not in article["text"]  # a pull quote is cut
    assert article["text"].endswith("مع المسؤولين الأمريكيين.")


def test_headline_with_its_own_date_line_opens_a_second_article():
    second_lead = ("أعلنت وزارة الصحة السعودية تسجيل انخفاض في عدد الإصابات بالإنفلونزا الموسمية خلال "
                   "الشهر الجاري، داعية المواطنين إلى تلقي اللقاح قبل فصل الشتاء.")
    text = "\n".join([
        "وزير الخارجية المصري يزور واشنطن الأسبوع المقبل", LEAD, BODY,
        "الصحة السعودية: انخفاض إصابات الإنفلونزا الموسمية", "نشر في: 12/11/2023", second_lead,
    ])
    records = records_of(text)
    assert [r["title"] for r in records] == ["وزير الخارجية المصري يزور واشنطن الأسبوع المقبل",
                                             "الصحة السعودية: انخفاض إصابات الإنفلونزا الموسمية"]
    assert [r["published"] for r in records] == [None, "2023-11-12"]


def test_teasers_ending_in_full_stops_are_not_articles():
    teasers = [
        "أسعار النفط ترتفع مع تراجع المخزونات الأمريكية",
        "ارتفعت أسعار النفط في تعاملات اليوم، وقال محللون إن تراجع المخزونات يدعم الأسعار.",
        "البنك المركزي المصري يثبت أسعار الفائدة للمرة الثالثة",
        "قرر البنك المركزي المصري الإبقاء على أسعار الفائدة دون تغيير، وسط تراجع التضخم.",
        "الذهب يسجل أعلى مستوى له في ثلاثة أشهر",
        "سجل الذهب أعلى مستوياته منذ ثلاثة أشهر، مدعوما بتوقعات خفض الفائدة الأمريكية.",
    ]
    text = "\n".join(["أخبار ذات صلة", *teasers, "وزير الخارجية المصري يزور واشنطن الأسبوع المقبل",
                      LEAD, BODY])
    [article] = records_of(text)
    assert article["title"] == "وزير الخارجية المصري يزور واشنطن الأسبوع المقبل"
    assert "النفط" not in article["text"] and "الذهب" not in article["text"]


def test_extracted_html_text_is_not_over_split():
    text = "\n".join([LEAD, "تفاصيل الزيارة", BODY, "- لقاء مع وزير الخارجية الأمريكي", "- جلسة في الكونغرس",
                      "شارك هذا المقال", "اقرأ أيضا", "السيسي يستقبل وفدا من الكونغرس"])
    [article] = records_of(text, "html", {"title": "وزير الخارجية المصري يزور واشنطن",
                                          "published": "2024-03-04T09:00:00+02:00"})
    assert article["title"] == "وزير الخارجية المصري يزور واشنطن" and article["title_span"] is None
    assert article["published"] == "2024-03-04"
    assert "جلسة في الكونغرس" in article["text"] and "تفاصيل الزيارة" in article["text"]
    assert "شارك" not in article["text"] and "السيسي يستقبل" not in article["text"]


def test_record_whose_first_line_repeats_its_title():
    text = "وزير الخارجية المصري يزور واشنطن\n" + LEAD + "\n" + BODY
    [article] = records_of(text, "jsonl", {"title": "وزير الخارجية المصري يزور واشنطن"})
    assert article["title_span"] == [0, len("وزير الخارجية المصري يزور واشنطن")]
    assert article["text"] == LEAD + "\n" + BODY


def test_clean_text_splits_after_a_read_also_block():
    second = ("أكد وزير الخارجية الأمريكي أن بلاده تدعم جهود الوساطة المصرية، مشيرا إلى أن واشنطن "
              "تعمل مع القاهرة والدوحة على وقف إطلاق النار في غزة وإطلاق سراح المحتجزين في أقرب وقت.")
    text = "\n".join([LEAD, BODY, "اقرأ أيضاً", "بلينكن: ندعم الوساطة المصرية", second, BODY])
    records = records_of(text, "html")
    assert len(records) == 2 and records[1]["title"] == "بلينكن: ندعم الوساطة المصرية"


def load_saudinewsnet(limit):
    zips = sorted(BENCH.glob("saudinewsnet-*.zip"))
    if not zips:
        pytest.skip("needs the SaudiNewsNet benchmark corpus in ../shared/corpus/bench (not in the repository)")
    with zipfile.ZipFile(zips[0]) as z:
        records = json.loads(z.read(z.namelist()[0]))
    by_source = {}
    for r in records:
        if r["content"].strip() and len(by_source.setdefault(r["source"], [])) < limit:
            by_source[r["source"]].append(r)
    return [r for rs in by_source.values() for r in rs]


def test_saudinewsnet_records_are_one_article_each_dated_with_the_source_of_the_date():
    """Every record is one article, nearly all of its content, with a date and an outlet
    (the record's source code); a date from the crawl time says so."""
    ratios = []
    for r in load_saudinewsnet(25):
        records = records_of(r["content"], "jsonl", record_meta(r))
        assert len(records) == 1, r["url"]
        [article] = records
        assert article["published_source"] in ("text", "url", "crawl"), r["url"]
        if article["published_source"] == "text":  # stated in the page, with its evidence
            assert article["published_span"] is not None
        if article["published_source"] == "crawl":  # date_extracted: when it was fetched
            assert article["published"] == r["date_extracted"][:10]
        assert article["published"] <= r["date_extracted"][:10]
        assert article["outlet"] == canonical_name(r["source"]) and article["outlet_source"] == "metadata"
        assert article["title"] == r["title"].strip()
        ratios.append(len(article["text"]) / len(r["content"].strip()))
    assert min(ratios) > 0.6  # what goes: tag lines, link-back lines, bylines
    assert sum(x > 0.9 for x in ratios) / len(ratios) > 0.9


def test_breadcrumbs_and_time_ago_lines_are_not_titles():
    text = "\n".join(["الرئيسية / أخبار / سياسة", "منذ 3 ساعات", LEAD, BODY])
    [article] = records_of(text)
    assert article["title"] is None and article["published"] is None
    assert article["text"] == LEAD + "\n" + BODY


def test_byline_with_a_numeric_date_and_a_site_notice():
    page = "\n".join([
        "الرئيسية",
        "العالم",
        "وزير الخارجية يبحث مع نظيره التركي ملف المعابر الحدودية",
        "سامي الخطيب   |22.06.2021 - تحديث : 23.06.2021",
        "عمّان/ الأناضول",
        "بحث وزير الخارجية مع نظيره التركي، الثلاثاء، ملف المعابر الحدودية بين البلدين، وفق بيان للوزارة.",
        "وقال الوزير في مؤتمر صحفي إن بلاده تريد فتح المعابر أمام الشاحنات في أقرب وقت ممكن.",
        "الأخبار المنشورة على الموقع مختصرة من خدمة الأخبار المقدمة للمشتركين. للاشتراك يرجى التواصل معنا.",
        "الكلمات الدالة",
    ])
    (article,) = records_of(page)
    assert article["published"] == "2021-06-22"
    assert "للاشتراك" not in article["text"]
    assert article["text"].endswith("في أقرب وقت ممكن.")
