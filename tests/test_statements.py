"""Statement extraction on real seed sentences and on sentences written in the same style.

Each test asserts the speaker, the stance and the content span (the content
is exactly ``page.text[start:end]``).  Until segmentation is wired in, seed
articles are built from the gold ``starts_with`` / ``ends_with`` words.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from isnad.model import Article, Page
from isnad.lexicon import default_lexicon
from isnad.statements import extract_statements

LEXICON = default_lexicon()

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples"  # the five seed pages
GOLD = ROOT / "tests" / "gold" / "seeds.jsonl"
SCORER = ROOT / "tests" / "gold" / "score.py"
needs_seeds = pytest.mark.skipif(not GOLD.exists(), reason="seed gold not available")


def gold_rows() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def article_from_gold(page: Page, index: int, gold: dict, boilerplate: list[str]) -> Article:
    """The gold article as an ``Article``: non-empty lines from its first to its last words."""
    text = page.text
    start = text.index(gold["starts_with"])
    end = text.index(gold["ends_with"], start) + len(gold["ends_with"])
    segments = []
    pos = start
    for line in text[start:end].split("\n"):
        s = pos
        pos += len(line) + 1
        stripped = line.strip()
        if stripped and stripped not in boilerplate:
            lead = len(line) - len(line.lstrip())
            segments.append((s + lead, s + lead + len(stripped)))
    return Article(page.doc_id, page.source, index, segments, title=gold.get("title"),
                   published=gold.get("published"), agencies=list(gold.get("agencies") or []))


def seed_pages() -> list[tuple[Page, list[Article]]]:
    out = []
    for row in gold_rows():
        path = SEEDS / row["doc"]
        page = Page(row["doc"], str(path), path.read_text(encoding="utf-8"))
        boiler = [b.strip() for b in row.get("boilerplate", [])]
        out.append((page, [article_from_gold(page, i, a, boiler) for i, a in enumerate(row["articles"])]))
    return out


def seed_statements(doc_prefix: str, article_index: int) -> tuple[Page, list[dict]]:
    for page, articles in seed_pages():
        if page.doc_id.startswith(doc_prefix):
            return page, extract_statements(page, articles[article_index], LEXICON)
    raise KeyError(doc_prefix)


def own(text: str, published: str | None = None, agencies: tuple[str, ...] = ()) -> tuple[Page, list[dict]]:
    """Statements of a one-article page whose segments are its lines."""
    segments, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            segments.append((pos, pos + len(line)))
        pos += len(line) + 1
    page = Page("own", "own", text)
    return page, extract_statements(page, Article("own", "own", 0, segments, published=published,
                                                  agencies=list(agencies)), LEXICON)


def own_spanned(text: str) -> list[dict]:
    """The statements of :func:`own`, each checked to quote its page exactly (:func:`assert_spans`)."""
    page, sts = own(text)
    for statement in sts:
        assert_spans(page, statement)
    return sts


def find(statements: list[dict], phrase: str) -> dict:
    hits = [s for s in statements if phrase in s["content"]]
    assert hits, f"no statement contains {phrase!r}: {[s['content'][:40] for s in statements]}"
    return hits[0]


def assert_speakers(statements: list[dict], expected: dict[str, str]) -> None:
    """Each phrase of ``expected`` is in the content of a statement of the speaker it names."""
    for phrase, name in expected.items():
        assert find(statements, phrase)["speaker"]["name_ar"] == name, phrase


def assert_spans(page: Page, st: dict) -> None:
    s, e = st["content_span"]
    assert page.text[s:e] == st["content"]
    a, b = st["sentence_span"]
    assert a <= s and e <= b
    c, d = st["cue_span"]
    assert page.text[c:d] == st["cue"]


# -- seed constructions --------------------------------------------------------

@needs_seeds
def test_verb_subject_order_with_role_in_apposition():
    page, sts = seed_statements("000", 0)
    st = find(sts, "تركيز واشنطن ينصب")
    assert st["speaker"]["name"] == "Andrew Bates"
    assert st["speaker"]["role"] == "deputy press secretary"
    assert st["cue"] == "قال" and st["stance"] == "assert" and st["mode"] == "indirect"
    assert st["content"] == "تركيز واشنطن ينصب على استمرار المساعدة لكييف وليس المفاوضات."
    assert_spans(page, st)
    assert all(s["id"].startswith("000_0ce1e2632adafb82.txt:0:s") for s in sts)


@needs_seeds
def test_denied_claim_named_in_the_content():
    page, sts = seed_statements("000", 0)
    st = find(sts, "المزاعم القائلة")
    assert st["speaker"]["name"] == "Maria Zakharova" and st["speaker"]["country"] == "RUS"
    assert st["stance"] == "deny"
    assert st["responds_to"].startswith("claim:000_0ce1e2632adafb82.txt:0:")
    claim = st["denied_claim"]
    assert claim["text"].startswith("المزاعم القائلة بأن مسؤولين أمريكيين أجروا محادثات سرية")
    assert page.text[claim["span"][0]:claim["span"][1]] == claim["text"]
    assert "مزيفة" not in claim["text"]
    assert_spans(page, st)


@needs_seeds
def test_nominal_back_reference_and_participle_cue():
    page, sts = seed_statements("000", 1)
    st = find(sts, "النقاش كان موجهًا")
    assert st["cue"] == "موضحًا"  # كما تناول المسؤول الأمريكي …، موضحًا أن …
    assert st["speaker"]["name"] == "Mike Waltz" and st["stance"] == "assert"
    assert st["content"].startswith("النقاش كان موجهًا نحو وقف القتال")
    assert_spans(page, st)


@needs_seeds
def test_quote_over_several_sentences_and_decline():
    page, sts = seed_statements("001", 0)
    st = find(sts, "ليس لدي أي تعليق على ذلك")
    assert st["speaker"]["name"] == "Matthew Miller"
    assert st["mode"] == "direct" and st["stance"] == "decline_comment"
    assert st["content"].startswith("لقد رأيت هذه الرسائل") and st["content"].endswith("مثل هذه الأنشطة")
    assert_spans(page, st)


@needs_seeds
def test_coordinated_cue_opens_a_second_statement():
    page, sts = seed_statements("001", 0)
    first = find(sts, "لا تجبر أوكرانيا")
    second = find(sts, "واشنطن ستعمل على تطوير ضمانات أمنية")
    assert first is not second
    assert "ستعمل" not in first["content"]
    assert second["speaker"]["name"] == first["speaker"]["name"] == "Matthew Miller"
    assert second["cue"] == "أكد"


@needs_seeds
def test_reply_to_a_statement_and_relay_wafqan():
    page, sts = seed_statements("001", 0)
    reply = find(sts, "كلا، على الإطلاق")
    assert reply["stance"] == "deny"
    assert reply["denied_claim"]["text"].startswith("بيان المتحدثة باسم وزارة الخارجية الروسية")
    relay = find(sts, "مثل هذه الاستطلاعات")
    assert relay["cue"] == "وفقا" and relay["speaker"]["name"] == "Matthew Miller"
    assert relay["stance"] == "assert"
    evasion = find(sts, "من الرد المباشر")
    assert evasion["stance"] == "decline_comment" and evasion["speaker"]["name"] == "Matthew Miller"
    poll = find(sts, "أكثر من نصف الأمريكيين")
    assert poll["speaker"]["name"] == "CNN" and poll["speaker"]["kind"] == "outlet"


@needs_seeds
def test_report_as_speaker_denial_link_and_via_chain():
    page, sts = seed_statements("002", 0)
    kremlin = find(sts, "تقريرا لوكالة بلومبرج")
    bloomberg = next(s for s in sts if s["cue"] == "أفاد")
    assert kremlin["speaker"]["name"] == "Kremlin" and kremlin["stance"] == "deny"
    assert bloomberg["speaker"]["name"] == "Bloomberg" and bloomberg["stance"] == "assert"
    assert kremlin["responds_to"] == bloomberg["id"]
    assert kremlin["date"] == "2024-01-26"  # اليوم الجمعة, published 2024-01-26
    assert bloomberg["via"] == ["Reuters"]
    sources = find(sts, "قد يكون مستعدا للنظر")
    assert sources["speaker"]["kind"] == "anonymous" and sources["speaker"]["name_ar"].startswith("شخصين مقربين")
    assert sources["speaker"]["country"] == "RUS"
    assert sources["via"] == ["Bloomberg", "Reuters"]
    peskov = find(sts, "هذا تقرير خاطئ")
    assert peskov["speaker"]["name"] == "Dmitry Peskov" and peskov["stance"] == "deny"
    assert peskov["mode"] == "direct" and peskov["responds_to"] == bloomberg["id"]
    assert_spans(page, peskov)


@needs_seeds
def test_colon_content_and_carry_over():
    page, sts = seed_statements("002", 1)
    for phrase in ("إمكانية الطعن في شرعية زيلينسكي", "بوتين صرح في أكثر من مناسبة",
                   "مثل هذه الخطط تحتاج", "روسيا مهتمة باستقرار الوضع"):
        assert find(sts, phrase)["speaker"]["name"] == "Dmitry Peskov"
    assert not [s for s in sts if s["speaker"]["name"] == "Vladimir Putin"]  # nested, not a report


@needs_seeds
def test_anonymous_sources_and_statement_back_reference():
    page, sts = seed_statements("003", 0)
    officials = find(sts, "أجرى محادثات مثمرة")
    assert officials["speaker"]["kind"] == "anonymous" and officials["speaker"]["country"] == "USA"
    assert officials["via"] == ["Reuters"]
    white_house = find(sts, "تم إحراز تقدم")
    assert white_house["speaker"]["name_ar"] == "مسؤول في البيت الأبيض"
    assert white_house["speaker"]["country"] == "USA"
    statement = find(sts, "سيعتمد على استعداد روسيا")  # وأضاف البيان أن …
    assert statement["speaker"]["name"] == "US State Department"
    assert len([s for s in sts if "الطرفين قالا" in s["content"]]) == 1  # nested قالا is not a statement


@needs_seeds
def test_unnamed_official_denial_by_negated_report_words():
    page, sts = seed_statements("004", 0)
    first = find(sts, "لم تصرّح بإجراء اجتماعات سرية")
    assert first["speaker"]["kind"] == "official" and first["speaker"]["country"] == "USA"
    assert first["speaker"]["role"] == "spokesperson"
    nbc = find(sts, "اجتمعوا مع لافروف في نيويورك")
    assert nbc["speaker"]["name"] == "NBC News"
    assert first["stance"] == "deny" and first["responds_to"] is not None
    later = find(sts, "لم توافق إدارة بايدن")
    assert later["speaker"] == first["speaker"] and later["stance"] == "deny"
    assert later["via"] == ["Reuters"]  # رداً على أسئلة من رويترز
    network = find(sts, "لم يتضح عدد المرات")  # وأضافت الشبكة
    assert network["speaker"]["name"] == "NBC News" and network["stance"] == "assert"
    two = find(sts, "المباحثات جرت بعلم الإدارة")  # ونقلت أيضاً عن مصدرين قولهما: إن
    assert two["speaker"]["kind"] == "anonymous" and two["via"] == ["NBC News"]


@needs_seeds
def test_seed_scores(tmp_path):
    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    with open(tmp_path / "articles.jsonl", "w", encoding="utf-8") as fa, \
            open(tmp_path / "statements.jsonl", "w", encoding="utf-8") as fs:
        for page, articles in seed_pages():
            for article in articles:
                fa.write(json.dumps(article.to_record(page.text), ensure_ascii=False) + "\n")
                for st in extract_statements(page, article, LEXICON):
                    fs.write(json.dumps(st, ensure_ascii=False) + "\n")
    out, _ = score.score(gold_rows(), tmp_path)
    precision = out["tp"] / (out["tp"] + out["fp"])
    recall = out["tp"] / (out["tp"] + out["fn"])
    # participles that continue a statement are statements of their own (GUIDE.md); the seed
    # gold folds them into the statement before, so they count as false positives here
    assert precision >= 0.85 and recall >= 0.85
    assert out["stance_ok"] / out["stance_n"] >= 0.90
    assert out["links_found"] / out["links_gold"] >= 0.8


# -- sentences written in the same style -------------------------------------

def test_feminine_carry_over_skips_a_masculine_subject():
    page, sts = own("وقالت وزيرة الخارجية الألمانية، أنالينا بيربوك، الثلاثاء، إن برلين ستواصل دعم الحل السياسي.\n"
                    "وقال المتحدث باسم الحكومة الفرنسية إن باريس تؤيد ذلك.\n"
                    "وأضافت أن الحوار هو الطريق الوحيد.", published="2024-03-05")
    st = find(sts, "الحوار هو الطريق الوحيد")
    assert "بيربوك" in st["speaker"]["name_ar"] and st["cue"] == "أضافت"
    first = find(sts, "برلين ستواصل")
    assert first["speaker"]["role"] == "foreign minister" and first["speaker"]["country"] == "DEU"
    assert first["date"] == "2024-03-05"  # الثلاثاء on or before Tuesday 2024-03-05
    french = find(sts, "باريس تؤيد")
    assert french["speaker"]["kind"] == "official" and french["speaker"]["country"] == "FRA"
    assert_spans(page, st)


def test_unknown_name_introduced_by_a_role():
    page, sts = own("وأوضح مدير إدارة التعليم في المحافظة خالد العتيبي أن الدراسة ستبدأ الأسبوع المقبل.")
    st = find(sts, "الدراسة ستبدأ")
    assert st["speaker"]["name_ar"] == "خالد العتيبي" and st["speaker"]["kind"] == "person"
    assert st["speaker"]["name"] == "Khalid al-Otaibi"  # an unknown person: its usual Latin spelling
    assert st["speaker"]["role"] == "director"
    assert st["content"] == "الدراسة ستبدأ الأسبوع المقبل."
    assert_spans(page, st)


def test_relay_with_source_quoted_through_an_agency():
    page, sts = own("ونقلت وكالة الأنباء السعودية عن مصدر مسؤول قوله إن المملكة ترحب بالاتفاق.")
    st = find(sts, "المملكة ترحب بالاتفاق")
    assert st["speaker"]["kind"] == "anonymous" and st["speaker"]["name_ar"] == "مصدر مسؤول"
    assert st["via"] == ["Saudi Press Agency"] and st["stance"] == "assert"
    assert_spans(page, st)


def test_anonymous_official_speaking_to_an_agency():
    page, sts = own("وقال مسؤول أمريكي طلب عدم نشر اسمه لرويترز إن الإدارة تدرس فرض عقوبات جديدة.",
                    agencies=("رويترز",))
    st = find(sts, "الإدارة تدرس فرض عقوبات")
    assert st["speaker"]["kind"] == "anonymous" and st["speaker"]["country"] == "USA"
    assert st["via"] == ["Reuters"]


def test_outlet_report_then_denial_with_subject_first():
    page, sts = own('وذكرت صحيفة "وول ستريت جورنال" أن البيت الأبيض يدرس خيارات عدة.\n'
                    "وأضافت الصحيفة أن القرار النهائي لم يتخذ بعد.\n"
                    "لكن البيت الأبيض نفى ذلك، وقال متحدث باسمه إن التقرير غير دقيق.")
    report = find(sts, "يدرس خيارات عدة")
    assert report["speaker"]["kind"] == "outlet"
    assert find(sts, "القرار النهائي")["speaker"] == report["speaker"]
    denial = next(s for s in sts if s["cue"] == "نفى")
    assert denial["speaker"]["name"] == "White House" and denial["stance"] == "deny"
    assert denial["responds_to"] == report["id"]
    spokesman = find(sts, "التقرير غير دقيق")
    assert spokesman["stance"] == "deny" and spokesman["speaker"]["kind"] == "official"


def test_denial_of_rumours_names_the_claim():
    page, sts = own("ونفى المتحدث باسم الجيش، العقيد سامي الحربي، ما تردد عن انسحاب القوات من المنطقة، "
                    "مؤكدا أن هذه الأنباء عارية عن الصحة.")
    st, stressed = sts  # one statement per cue: the participle مؤكدا is a second one (GUIDE.md)
    assert st["stance"] == "deny" and st["cue"] == "نفى"
    assert st["speaker"]["name_ar"] == "سامي الحربي"
    assert st["responds_to"] == "claim:own:0:1"
    assert st["denied_claim"]["text"].startswith("ما تردد عن انسحاب القوات")
    assert st["content"] == "ما تردد عن انسحاب القوات من المنطقة"
    assert stressed["cue"] == "مؤكدا" and stressed["speaker"] == st["speaker"] and stressed["stance"] == "deny"
    assert stressed["content"] == "هذه الأنباء عارية عن الصحة."


def test_refusal_to_comment_and_neutral_cue_with_decline_phrase():
    page, sts = own("ورفضت الوزارة التعليق على التقرير.\n"
                    "وقال المتحدث باسم الحكومة إنه لا يملك ما يقوله بشأن القضية.")
    refusal = find(sts, "التعليق على التقرير")
    assert refusal["stance"] == "decline_comment" and refusal["speaker"]["kind"] == "organization"
    neutral = find(sts, "لا يملك ما يقوله")
    assert neutral["cue"] == "قال" and neutral["stance"] == "decline_comment"


def test_trailing_attribution_and_no_speaker_is_unresolved_not_guessed():
    page, sts = own("ارتفعت أسعار النفط بنسبة اثنين في المئة، بحسب وكالة بلومبرج.\n"
                    "وأضاف أن الأسعار سترتفع.\n"
                    "ورد في التقرير أن الإنتاج تراجع.")
    st = find(sts, "ارتفعت أسعار النفط")
    assert st["speaker"]["name"] == "Bloomberg" and st["cue"] == "بحسب"
    assert_spans(page, st)
    # وأضاف after a feminine outlet has no masculine antecedent: kept with an unresolved speaker,
    # not given to Bloomberg; ورد في is not رد
    assert len(sts) == 2
    added = find(sts, "الأسعار سترتفع")
    assert added["speaker"]["kind"] == "unresolved" and added["speaker"]["name_ar"] == ""


def test_according_to_in_the_middle_keeps_the_whole_claim_but_not_its_details():
    page, sts = own("وشملت التعيينات التي أعلنت أمس، وفقا لمصادر مطلعة، تكليف سعد الغامدي مديرا للإدارة.\n"
                    "اختار لاعبو الفريق قائدا جديدا خلفا للقائد المعتزل، بحسب ما ذكر النادي اليوم الثلاثاء على موقعه الرسمي.\n"
                    "وأصيب عشرة أشخاص في حريق بالمصنع، وفق ما أفاد شهود، فيما تواصل فرق الإطفاء عملها.")
    both_sides = find(sts, "وشملت التعيينات")
    assert both_sides["content"].endswith("مديرا للإدارة.") and both_sides["speaker"]["kind"] == "anonymous"
    assert_spans(page, both_sides)
    where_said = find(sts, "اختار لاعبو الفريق")
    assert "موقعه" not in where_said["content"]  # where the club said it, not part of the claim
    next_clause = find(sts, "وأصيب عشرة أشخاص")
    assert "تواصل" not in next_clause["content"]  # a new clause, not the witnesses' words


def test_the_day_in_brackets_after_the_speaker_is_no_part_of_the_content():
    page, sts = own("وأعلنت شركة سابك، أمس (الأحد)، تراجع أرباحها الفصلية.")
    st = find(sts, "تراجع أرباحها")
    assert st["content"].startswith("تراجع أرباحها") and st["speaker"]["name_ar"] == "شركة سابك"
    assert_spans(page, st)


def test_the_people_spoken_to_end_the_name():
    page, sts = own("وقال المذيع توماس ميلر لمتابعيه إن الفريق يتراجع.")
    st = find(sts, "الفريق يتراجع")
    assert st["speaker"]["name_ar"] == "توماس ميلر"
    assert_spans(page, st)


def test_definite_role_resolved_against_the_publication_date():
    text = ("وقال المتحدث باسم وزارة الخارجية الأمريكية إن واشنطن لن تتراجع.\n"
            "وأشار المتحدث باسم الكرملين إلى أن موسكو مستعدة.")
    page, sts = own(text, published="2024-05-10")
    assert find(sts, "واشنطن لن تتراجع")["speaker"]["name"] == "Matthew Miller"
    assert find(sts, "موسكو مستعدة")["speaker"]["entity_id"] == "dmitry-peskov"
    page, sts = own(text)  # no date: the office, not a guess at its holder
    assert find(sts, "واشنطن لن تتراجع")["speaker"]["kind"] == "official"


def test_quote_before_the_cue_and_colon_ending_a_line():
    page, sts = own("«لن نسمح بتكرار ما حدث»، قال رئيس الوزراء العراقي حيدر العبادي.\n"
                    "وقال العبادي في كلمته أمام البرلمان:\n"
                    "«إن الحكومة ماضية في الإصلاحات».")
    first = find(sts, "لن نسمح")
    assert "العبادي" in first["speaker"]["name_ar"] and first["mode"] == "direct"
    assert first["content"] == "لن نسمح بتكرار ما حدث"
    second = find(sts, "الحكومة ماضية")
    assert second["speaker"] == first["speaker"] and second["cue"] == "قال"
    assert_spans(page, first)
    s, e = second["content_span"]
    assert page.text[s:e] == second["content"]


def test_written_statements_prepositional_objects_and_relay_through_an_agency():
    page, sts = own('وقال المتحدث باسم الأمم المتحدة، ستيفان دوجاريك، للصحفيين إن "الوضع في غزة كارثي".\n'
                    "وشدد على ضرورة وقف إطلاق النار فورا.\n"
                    "وبحسب ما نقلته وكالة فرانس برس عن مصدر أمني، فإن الانفجار وقع قرب السفارة.\n"
                    'وكتب ترامب على منصته "تروث سوشيال": "سنعيد السلام".')
    urged = find(sts, "على ضرورة وقف إطلاق النار")
    assert urged["speaker"] == find(sts, "الوضع في غزة كارثي")["speaker"]
    assert "دوجاريك" in urged["speaker"]["name_ar"] and urged["cue"] == "شدد"
    relayed = find(sts, "الانفجار وقع")
    assert relayed["speaker"]["kind"] == "anonymous" and relayed["via"] == ["Agence France-Presse"]
    written = find(sts, "سنعيد السلام")
    assert written["speaker"]["name"] == "Donald Trump" and written["mode"] == "direct"
    assert written["content"] == "سنعيد السلام"


# -- general news: speakers, cues and content on sentences written in the style of Saudi and
#    Arab outlets (the error classes met on SaudiNewsNet) --------------------------------------

def only(statements: list[dict]) -> dict:
    assert len(statements) == 1, [(s["speaker"]["name_ar"], s["content"][:40]) for s in statements]
    return statements[0]


@pytest.mark.parametrize("text, name, role, role_ar, content", [
    ("أوضح مدير الشؤون الإدارية والمالية بجمعية الإحسان بالقطيف، ماجد بن سعد العمران، أن الجمعية "
     "وزعت ألف سلة غذائية.", "ماجد بن سعد العمران", "director",
     "مدير الشؤون الإدارية والمالية بجمعية الإحسان بالقطيف", "الجمعية وزعت ألف سلة غذائية."),
    ("وأوضح مساعد المدير العام للشؤون الفنية والتشغيل الدكتور سامي الزهراني، أن المشروع سيكتمل نهاية العام.",
     "سامي الزهراني", "deputy", "مساعد المدير العام للشؤون الفنية والتشغيل", "المشروع سيكتمل نهاية العام."),
    ("وبين مدير إدارة شؤون الطلاب بالجامعة الأستاذ فهد العنزي أن التسجيل يبدأ الأحد المقبل.",
     "فهد العنزي", "director", "مدير إدارة شؤون الطلاب بالجامعة", "التسجيل يبدأ الأحد المقبل."),
    ("أكد أستاذ التاريخ بجامعة الملك سعود خالد الدوسري ان الموقع يعود إلى القرن الثالث الهجري.",
     "خالد الدوسري", "expert", "أستاذ التاريخ بجامعة الملك سعود", "الموقع يعود إلى القرن الثالث الهجري."),
    ("أكد السفير مروان الخطيب الخبير في الشؤون الدولية أن المفاوضات ستستأنف قريبا.",
     "مروان الخطيب", "ambassador", "السفير", "المفاوضات ستستأنف قريبا."),
    ("وقال المتحدث الرسمي لمركز الملك عبدالله للأبحاث رائد الحمدان إن الدراسة شملت ألف أسرة.",
     "رائد الحمدان", "spokesperson", "المتحدث الرسمي لمركز الملك عبدالله للأبحاث", "الدراسة شملت ألف أسرة."),
    ("وقال العقيد الحارثي، إن الدوريات ضبطت المتهمين.", "الحارثي", "military officer", None,
     "الدوريات ضبطت المتهمين."),
])
def test_role_phrase_then_the_person_who_holds_it(text, name, role, role_ar, content):
    page, sts = own(text)
    st = only(sts)
    sp = st["speaker"]
    assert (sp["name_ar"], sp["kind"], sp["role"]) == (name, "person", role)
    assert sp["name"].isascii() and sp["name"][0].isupper()  # transliterated
    assert sp["role_ar"] == role_ar
    assert st["stance"] == "assert" and st["content"] == content and st["mode"] == "indirect"
    assert_spans(page, st)


def test_known_holder_and_the_country_of_an_unknown_one():
    page, sts = own("وقال وزير الخارجية السعودي عادل الجبير للصحفيين إن المملكة تدعم الحل السياسي.\n"
                    "وقال السفير الفرنسي لدى الرياض فرانسوا غوييه إن باريس تؤيد ذلك.")
    jubeir = find(sts, "المملكة تدعم")
    assert jubeir["speaker"]["entity_id"] == "adel-al-jubeir" and jubeir["speaker"]["role"] == "foreign minister"
    assert jubeir["content"] == "المملكة تدعم الحل السياسي."
    envoy = find(sts, "باريس تؤيد")
    assert envoy["speaker"]["name_ar"] == "فرانسوا غوييه" and envoy["speaker"]["country"] == "FRA"
    assert_spans(page, envoy)


def test_one_unknown_word_before_a_colon_is_a_name_an_adverb_is_not():
    page, sts = own("وقال القاضي إن الجلسة تأجلت.\n"
                    "وقال بروكنر: «لن نغير خطتنا».\n"
                    "وقالت الوزارة مرارا إنها تتابع القضية.")
    st = find(sts, "لن نغير خطتنا")
    assert st["speaker"]["name_ar"] == "بروكنر" and st["speaker"]["kind"] == "person"
    assert st["mode"] == "direct" and st["content"] == "لن نغير خطتنا" and st["stance"] == "assert"
    assert_spans(page, st)
    assert find(sts, "تتابع القضية")["speaker"]["kind"] == "organization"


def test_verb_forms_with_a_preposition_or_as_nouns_are_no_cues():
    page, sts = own("وقال مسؤول طلب عدم ذكر اسمه إن الوفد سيتوجه إلى الرياض للرد على الاتهامات.")
    st = only(sts)
    assert st["speaker"]["kind"] == "anonymous" and st["cue"] == "قال" and st["stance"] == "assert"
    assert st["content"] == "الوفد سيتوجه إلى الرياض للرد على الاتهامات."
    assert_spans(page, st)


def test_content_starts_after_a_relative_clause_with_a_quoted_title():
    page, sts = own("وقالت الممثلة جودي دنش التي اشتهرت بدورها في فيلم «سكايفول»، خلال حفل أقيم في لندن، "
                    "إن «المسرح كان وسيبقى بيتي الأول».")
    st = only(sts)
    assert st["speaker"]["name_ar"] == "جودي دنش" and st["speaker"]["kind"] == "person"
    assert st["content"] == "المسرح كان وسيبقى بيتي الأول" and st["mode"] == "direct"
    assert_spans(page, st)


def test_no_statement_in_a_subordinate_clause_nor_a_speaker_carried_too_far():
    page, sts = own("وقال وزير الصحة إن الوضع تحت السيطرة.\n"
                    "أما غينيا فبعد أن أعلنت خلوها من المرض، عادت المدارس إلى العمل.\n"
                    "وارتفعت أسعار الدواء في الأسواق. وتراجعت الإصابات في الشمال. وأغلقت المستشفيات الميدانية. "
                    "وعاد السكان إلى قراهم.\n"
                    "وأضاف أن الخطة ستنجح.")
    st, far = sts  # أعلنت in a subordinate clause is no statement
    assert st["content"] == "الوضع تحت السيطرة." and st["speaker"]["kind"] == "official"
    assert far["content"] == "الخطة ستنجح." and far["speaker"]["kind"] == "unresolved"


def test_unknown_noun_phrases_speak_as_what_they_are():
    page, sts = own("وتقول القضية إن للحيوانات حقوقا.\n"
                    "وأوضحت الإحصاءات أن نسبة البطالة تراجعت.\n"
                    "وقال الأطباء إن حالته مستقرة.\n"
                    "وقالت شرطة دبي إن التحقيق مستمر.")
    assert len(sts) == 4
    for content, noun in (("للحيوانات حقوقا", "القضية"), ("نسبة البطالة", "الإحصاءات")):
        document = find(sts, content)  # a document or a set of figures: an unnamed source, as a report is
        assert document["speaker"]["kind"] == "anonymous" and document["speaker"]["name_ar"] == noun
        assert_spans(page, document)
    doctors = find(sts, "حالته مستقرة")
    assert doctors["speaker"]["kind"] == "anonymous" and doctors["speaker"]["name_ar"] == "الأطباء"
    police = find(sts, "التحقيق مستمر")
    assert police["speaker"]["kind"] == "organization" and police["speaker"]["name_ar"] == "شرطة دبي"
    assert police["content"] == "التحقيق مستمر." and police["stance"] == "assert"
    assert_spans(page, police)


def test_the_people_spoken_to_are_not_the_speaker():
    page, sts = own("وصرح رئيس الوزراء العراقي حيدر العبادي بأن الحكومة ماضية في الإصلاحات.\n"
                    "وقال للصحفيين إن الانتخابات ستجري في موعدها.")
    st = find(sts, "الانتخابات ستجري")
    assert "العبادي" in st["speaker"]["name_ar"] and st["content"] == "الانتخابات ستجري في موعدها."
    assert_spans(page, st)


def test_modes():
    page, sts = own("وتابع الوزير: الأزمة ستنتهي قريبا.\n"
                    "وأضاف أن صحيفة «الحياة» نشرت الخبر.\n"
                    "وأكد أن الحكومة «لن تتراجع عن قراراتها مهما كانت الضغوط».")
    assert find(sts, "الأزمة ستنتهي")["mode"] == "direct"
    assert find(sts, "نشرت الخبر")["mode"] == "indirect"
    assert find(sts, "لن تتراجع")["mode"] == "mixed"


def test_relays_inside_the_attribution():
    page, sts = own("وقال وزير النفط الكويتي سعد البراك، بحسب ما نقلت عنه وكالة الأنباء الكويتية، إن الإنتاج "
                    "سيرتفع.\n"
                    "وذكرت صحيفة «القبس»، نقلا عن مسؤولين حكوميين لم تسمهم، أن الميزانية ستعلن الأسبوع المقبل.\n"
                    "ولم يرد المتحدث باسم الوزارة على طلب للتعليق.")
    minister = find(sts, "الإنتاج")
    assert minister["speaker"]["name_ar"] == "سعد البراك" and minister["via"] == ["Kuwait News Agency"]
    assert minister["content"] == "الإنتاج سيرتفع."
    sources = find(sts, "الميزانية ستعلن")
    assert sources["speaker"]["kind"] == "anonymous" and sources["via"][0] == "Al-Qabas"
    declined = find(sts, "على طلب للتعليق")
    assert declined["stance"] == "decline_comment" and declined["speaker"]["kind"] == "official"
    assert_spans(page, declined)


def test_subject_before_the_verb_with_an_aside():
    page, sts = own("وزير المالية محمد الجدعان، من جانبه، أوضح أن العجز سيتراجع.")
    st = only(sts)
    assert st["speaker"]["name_ar"] == "محمد الجدعان" and st["speaker"]["role"] == "finance minister"
    assert st["content"] == "العجز سيتراجع."


def test_objects_after_a_reply_phrase_and_requests_left_unanswered():
    page, sts = own("ورفض الوزير، ردا على سؤال، مقترحا بتأجيل الانتخابات، قائلا إن \"الموعد نهائي\".\n"
                    "ولم ترد البعثة الإيرانية لدى المنظمات الدولية في فيينا على طلب للتعليق.")
    rejected = find(sts, "مقترحا بتأجيل")
    assert rejected["stance"] == "reject" and rejected["content"].startswith("مقترحا بتأجيل الانتخابات")
    silent = find(sts, "على طلب للتعليق")
    assert silent["stance"] == "decline_comment" and silent["speaker"]["kind"] == "organization"
    assert silent["speaker"]["name_ar"] == "البعثة الإيرانية لدى المنظمات الدولية"
    assert silent["content"] == "على طلب للتعليق." and silent["speaker"]["country"] == "IRN"
    assert_spans(page, silent)


def test_subject_before_qad_and_a_leading_relay():
    page, sts = own("وكان مكتب التعليم في جدة قد أعلن فتح باب التسجيل لمدة أسبوعين.\n"
                    "وبحسب رويترز، قال مكتب إحصاءات الاتحاد الأوروبي إن الأسعار ارتفعت.\n"
                    "وقال رئيس هيئة سلامة النقل جون ماكغي إن الحطام يعود للطائرة.")
    office = find(sts, "فتح باب التسجيل")
    assert office["speaker"]["name_ar"] == "مكتب التعليم" and office["stance"] == "assert"
    assert office["content"] == "فتح باب التسجيل لمدة أسبوعين."
    stats = find(sts, "الأسعار ارتفعت")
    assert stats["speaker"]["name_ar"] == "مكتب إحصاءات الاتحاد الأوروبي" and stats["via"] == ["Reuters"]
    wreck = only([s for s in sts if "الحطام" in s["content"]])
    assert wreck["cue"] == "قال" and wreck["speaker"]["name_ar"] == "جون ماكغي"  # سلامة النقل: no relay cue
    assert_spans(page, wreck)


def test_a_quotation_inside_a_reported_clause_keeps_the_clause():
    page, sts = own("وأوضح المتحدث باسم منظمة الطاقة الذرية الإيرانية بهروز كمالوندي أن \"تذبذبات لحظية\" "
                    "قد تحدث أثناء التخصيب.")
    st = only(sts)
    assert st["speaker"]["name_ar"] == "بهروز كمالوندي" and st["speaker"]["country"] == "IRN"
    assert st["content"] == "\"تذبذبات لحظية\" قد تحدث أثناء التخصيب." and st["mode"] == "indirect"


def test_names_titles_and_kin_that_look_like_other_words():
    page, sts = own("وقال نجل الرئيس الراحل، عمر الحسني، إن العائلة ستقاضي الصحيفة.\n"
                    "من جهته بين الكاتب والباحث تركي العسيري أن النخيل عرف في الجزيرة منذ آلاف السنين.\n"
                    "وقال وزير التعليم حمد آل الشيخ إن الدراسة ستبدأ في موعدها.\n"
                    "قال معاليه إن الوزارة أنهت استعداداتها.\n"
                    "وأقيم الحفل قرب باب علي بن أبي طالب رضي الله عنه.\n"
                    "وقال النادي الأهلي في بيان إن اللاعب سيغيب شهرا.")
    son = find(sts, "ستقاضي الصحيفة")
    assert son["speaker"]["name_ar"] == "عمر الحسني" and son["speaker"]["role"] == "relative"
    writer = find(sts, "النخيل عرف")
    assert writer["speaker"]["name_ar"] == "تركي العسيري" and writer["speaker"]["country"] is None
    minister = find(sts, "الوزارة أنهت")
    assert minister["speaker"] == find(sts, "الدراسة ستبدأ")["speaker"]  # معاليه: the last official
    assert len(sts) == 5 and all(s["cue"] != "طالب" for s in sts)  # علي بن أبي طالب: a name
    club = find(sts, "اللاعب سيغيب")
    assert club["speaker"]["kind"] == "organization" and club["content"] == "اللاعب سيغيب شهرا."
    assert_spans(page, club)


def test_name_chains_participle_subjects_and_quoted_openings():
    page, sts = own("وذكر وكيل الأمين للتعمير والمشاريع المهندس علي بن محمد آل حرفش، أنه يتم إنشاء سبع حدائق.\n"
                    "وقدم صبري الكثيري، المشرف على المبادرة، شكره للجمعية، مشيرا إلى أن المبادرة مستمرة.\n"
                    "وأضاف «أتمنى أن يتم توقيع الاتفاق قريبا».")
    deputy = find(sts, "سبع حدائق")
    assert deputy["speaker"]["name_ar"] == "علي بن محمد آل حرفش" and deputy["speaker"]["role"] == "deputy"
    assert deputy["speaker"]["role_ar"] == "وكيل الأمين للتعمير والمشاريع"
    thanks = find(sts, "المبادرة مستمرة")
    assert thanks["speaker"]["name_ar"] == "صبري الكثيري" and thanks["cue"] == "مشيرا"
    wish = find(sts, "توقيع الاتفاق")
    assert wish["speaker"] == thanks["speaker"] and wish["mode"] == "direct"
    assert wish["content"] == "أتمنى أن يتم توقيع الاتفاق قريبا"
    assert_spans(page, wish)


def test_asides_titles_and_clauses_of_other_subjects():
    page, sts = own("وكانت واشنطن، نفت في وقت سابق التنسيق مع دمشق، رغم أنها لم تستبعده.\n"
                    "شددت وزارة التعليم على الإدارات التعليمية باعتماد الخطة الجديدة.\n"
                    "أعرب المتحدث الرسمي باسم الانتخابات البلدية المهندس/ جديع القحطاني عن أمله في مشاركة واسعة.\n"
                    "وحين رفضت ظلت الأسرة في بيروت.")
    denial = find(sts, "التنسيق مع دمشق")
    assert denial["stance"] == "deny" and denial["content"].startswith("التنسيق مع دمشق")
    ministry = find(sts, "باعتماد الخطة")
    assert ministry["speaker"]["name_ar"] == "وزارة التعليم" and ministry["content"].startswith("على الإدارات")
    hope = find(sts, "مشاركة واسعة")
    assert hope["speaker"]["name_ar"] == "جديع القحطاني" and hope["speaker"]["role"] == "spokesperson"
    assert len(sts) == 3  # وحين رفضت ظلت: a subordinate clause, no speaker


def test_an_emphatic_same_after_the_speaker_is_not_content():
    page, sts = own("وقال مصدر أمني عراقي إن الهجوم وقع فجرا قرب الحدود.\n"
                    "وأكد المصدر نفسه أن قوات الأمن طوقت المكان واعتقلت مشتبها بهما.")
    st = find(sts, "قوات الأمن طوقت المكان")
    assert st["content"].startswith("قوات الأمن") and st["speaker"]["kind"] == "anonymous"
    assert st["speaker"]["country"] == "IRQ"
    assert_spans(page, st)


def test_an_outlets_quoted_name_is_part_of_the_speaker():
    page, sts = own('وحسبما ذكرت وكالة الأنباء الإيطالية "أنسا" شرع المسافرون في إلقاء زجاجات المياه على موظفي الشركة.')
    st = find(sts, "شرع المسافرون")
    assert st["speaker"]["name"] == "ANSA" and st["content"].startswith("شرع المسافرون")
    assert_spans(page, st)


def test_a_quotation_right_after_an_organisation_is_content_when_it_ends_the_sentence():
    page, sts = own('وقالت وزارة الداخلية "الوضع تحت السيطرة".\n'
                    'وقالت كتلة «المستقبل» النيابية في بيان إن الحكومة مطالبة بالإسراع في الإصلاحات.')
    said = find(sts, "الوضع تحت السيطرة")
    assert said["speaker"]["name_ar"] == "وزارة الداخلية" and said["mode"] == "direct"
    named = find(sts, "الحكومة مطالبة بالإسراع")
    assert "المستقبل" in named["speaker"]["name_ar"]
    assert_spans(page, said)


def test_what_a_body_is_for_is_part_of_its_name_but_an_outlet_spoken_to_is_not():
    page, sts = own("وأعلنت الهيئة الوطنية لإدارة الكوارث أن الفيضانات أودت بحياة 150 شخصا.\n"
                    "وقالت الوزارة لوكالة الأنباء الفرنسية إن فرق الإنقاذ تعمل في الإقليم.")
    body = find(sts, "الفيضانات أودت")
    assert body["speaker"]["name_ar"] == "الهيئة الوطنية لإدارة الكوارث"
    spoken_to = find(sts, "فرق الإنقاذ تعمل")
    assert "لوكالة" not in spoken_to["speaker"]["name_ar"]
    assert_spans(page, body)


def test_a_report_that_speaks_for_itself_is_named_by_its_kind_in_english():
    _, sts = own("كشفت دراسة علمية حديثة أن استخدام الهواتف يضر بالنوم.\n"
                 "وأوضحت الدراسة أن الأطفال أكثر تأثرا.")
    for content in ("استخدام الهواتف يضر", "الأطفال أكثر تأثرا"):
        speaker = find(sts, content)["speaker"]
        assert speaker["name"] == "study" and speaker["name_ar"] == "دراسة علمية حديثة"


def test_an_unnamed_group_is_named_by_its_head_in_english():
    _, sts = own("وقال سكان محليون إن القصف استمر طوال الليل.\nوقال الأطباء إن حالة المصابين مستقرة.")
    assert find(sts, "القصف استمر")["speaker"]["name"] == "residents"
    assert find(sts, "حالة المصابين")["speaker"]["name"] == "doctors"


def test_whom_the_words_were_said_to_is_not_part_of_the_speaker():
    _, sts = own("وقال وزير الخارجية للصحفيين إن الوضع هادئ.\n"
                 "وقالت الوزارة للصحفيين والمراسلين إن فرق الإنقاذ تعمل في الإقليم.")
    assert find(sts, "الوضع هادئ")["speaker"]["name_ar"] == "وزير الخارجية"
    assert find(sts, "فرق الإنقاذ تعمل")["speaker"]["name_ar"] == "الوزارة"


def test_an_office_names_its_holder_on_the_day_and_a_shared_office_names_no_one():
    from isnad.statements import explain

    def speaker(text, published):
        [statement], _ = explain(text, LEXICON, published=published)
        return statement["speaker"]

    said = "وقال وزير الخارجية الأمريكي إن الاتفاق جيد."
    assert speaker(said, "2015-08-06")["entity_id"] == "john-kerry"
    assert speaker(said, "2023-05-01")["entity_id"] == "antony-blinken"
    assert speaker(said, None)["entity_id"] is None  # undated: no one can be named
    senator = speaker("وقال السيناتور الأمريكي إن الاتفاق سيئ.", "2015-08-06")
    assert senator["entity_id"] is None and senator["kind"] == "official" and senator["country"] == "USA"


@pytest.mark.parametrize("arabic, latin", [
    ("خلف الله بن عبيدالله الطويرقي", "Khalafallah bin Obaidallah al-Tawirqi"),  # two words listed as one
    ("عبد العزيز المهوس", "Abdulaziz al-Mahus"),  # عبد before a word with the article
    ("عبدالمحسن العبيد", "Abdulmohsen al-Obaid"),
    ("عطاالله الزهراني", "Attallah al-Zahrani"),  # a name glued to الله, a family name listed bare
    ("محمد بن عبدالله آل سعود", "Mohammed bin Abdullah Al Saud"),
])
def test_unknown_names_take_their_usual_latin_spelling(arabic, latin):
    from isnad.statements.transliterate import transliterate

    assert transliterate(arabic) == latin


@pytest.mark.parametrize("text, name_ar, kind", [
    ("وكانت وحدة نزع الألغام في المقاومة الجنوبية قد اتهمت الميليشيات بزرع الألغام في الأحياء.",
     "وحدة نزع الألغام في المقاومة الجنوبية", "organization"),
    ("وكانت الرئاسة العامة للأرصاد وحماية البيئة قد أوردت في تقريرها أن الأمطار ستستمر.",
     "الرئاسة العامة للأرصاد وحماية البيئة", "organization"),
    ("وكان عدد من النواب قد طالبوا بإقالة الوزير.", "عدد من النواب", "anonymous"),
    ('كانت "نوكيا" قد ذكرت، أمس، أن مراجعة استراتيجية وصلت إلى مرحلة متقدمة.', "نوكيا", "organization"),
    ("وكانت وسائل إعلامية قد تحدثت خلال الفترة الماضية عن استشراء الخلاف بين الطرفين.", "وسائل إعلامية",
     "anonymous"),
    ("وكان المتحدث الرسمي باسم الانتخابات البلدية المهندس جديع القحطاني قد دعا المواطنين إلى المشاركة.",
     "جديع القحطاني", "person"),
])
def test_what_stands_between_kana_and_qad_is_the_subject(text, name_ar, kind):
    page, sts = own(text)
    statement = only(sts)
    assert statement["speaker"]["name_ar"] == name_ar and statement["speaker"]["kind"] == kind
    assert_spans(page, statement)



@pytest.mark.parametrize("text, cue, stance, content_starts", [
    ("وحث الأمين العام للأمم المتحدة الجانبين على اتخاذ خطوات جريئة للعودة إلى طريق السلام.", "حث", "assert",
     "الجانبين على اتخاذ"),
    ("وتعهد رئيس الوزراء اليوناني بدعم الإجراءات التقشفية الجديدة.", "تعهد", "assert", "بدعم الإجراءات"),
    ("ونددت وزارة الخارجية بالهجوم على المسجد.", "نددت", "accuse", "بالهجوم على المسجد"),
    ("وقال الوزير إن الأسعار سترتفع، معللا ذلك بزيادة الطلب في الصيف.", "معللا", "assert", "ذلك بزيادة الطلب"),
])
def test_urging_pledging_condemning_and_giving_reasons_are_statements(text, cue, stance, content_starts):
    page, sts = own(text)
    statement = find(sts, content_starts)
    assert statement["cue"] == cue and statement["stance"] == stance
    assert statement["content"].startswith(content_starts)
    assert_spans(page, statement)


def test_a_verb_of_urging_without_its_preposition_is_no_cue():
    _, sts = own("وحث الخطى نحو المدينة قبل الغروب.")
    assert sts == []


def test_a_bare_head_resolves_to_a_body_it_heads_not_one_it_is_a_complement_of():
    page, sts = own("وذكر المركز الإعلامي للمقاومة أن أفرادها قصفوا القاعدة.\n"
                    "وأشارت المقاومة إلى مقتل 22 مسلحا في اشتباكات جرت بينها وبين المسلحين.")
    resistance = find(sts, "إلى مقتل 22")
    assert resistance["speaker"]["name_ar"] == "المقاومة"  # not المركز الإعلامي للمقاومة
    assert [s["cue"] for s in sts] == ["ذكر", "أشارت"]  # بينها وبين: «between», not بيّن
    assert_spans(page, resistance)


def test_a_group_named_in_construct_speaks_before_its_verb_and_its_participle_follows_it():
    page, sts = own("أهالي حي النسيم يشكون من تكرار انقطاع الكهرباء، مطالبين الشركة بسرعة الإصلاح.\n"
                    "سكان القرية أكدوا أن المياه مقطوعة منذ أسبوع.")
    complaint, demand = find(sts, "من تكرار انقطاع"), find(sts, "الشركة بسرعة")
    assert complaint["speaker"]["name_ar"] == demand["speaker"]["name_ar"] == "أهالي حي النسيم"
    assert complaint["speaker"]["kind"] == "anonymous" and complaint["speaker"]["name"] == "residents"
    assert find(sts, "المياه مقطوعة")["speaker"]["name_ar"] == "سكان القرية"
    assert_spans(page, demand)



def test_according_to_sources_names_them_without_the_preposition():
    page, sts = own("ووفقا لمصادر أمنية، فإن المهاجمين فروا إلى الجبال.")
    statement = only(sts)
    assert statement["speaker"]["name_ar"] == "مصادر أمنية" and statement["speaker"]["kind"] == "anonymous"
    assert page.text[slice(*statement["speaker_span"])] == "مصادر أمنية"


def test_a_noun_behind_ba_ends_the_name_of_the_speaker():
    page, sts = own("وطالب عضو مجلس الشورى الدكتور سعد مارق بضرورة مراجعة النظام.\n"
                    "وتعهد رئيس الوزراء اليوناني ألكسيس تسيبراس بدعم الإجراءات التقشفية.")
    demand, pledge = find(sts, "بضرورة مراجعة"), find(sts, "بدعم الإجراءات")
    assert demand["speaker"]["name_ar"] == "سعد مارق" and pledge["speaker"]["name_ar"] == "ألكسيس تسيبراس"
    assert_spans(page, pledge)


def test_the_place_a_body_belongs_to_is_part_of_its_name_and_what_it_warns_of_is_content():
    page, sts = own("حذرت مديرية الدفاع المدني بمنطقة عسير من المخاطر المصاحبة للأمطار والسيول.\n"
                    "صرح مدير عام التعليم بمنطقة جازان لـ«عكاظ» بأن الدراسة ستبدأ في موعدها.")
    warning, school = find(sts, "من المخاطر"), find(sts, "الدراسة ستبدأ")
    assert warning["speaker"]["name_ar"] == "مديرية الدفاع المدني بمنطقة عسير"
    assert warning["content"].startswith("من المخاطر")
    assert school["speaker"]["name_ar"] == "مدير عام التعليم بمنطقة جازان"
    assert_spans(page, warning)


def test_the_verb_tells_a_persons_gender_over_the_name_list():
    """صبري is listed as a man's first name; قالت says this Sabri is a woman, so her
    participle and her next verb (مؤكدة، وأضافت) are hers."""
    page, sts = own("وقالت صبري إنها لم تتقاض جنيها واحدا، مؤكدة أن هذا يعد تشويها لها.\n"
                    "وأضافت أنها ستقاضي كل من اتهمها.")
    assert [s["speaker"]["name_ar"] for s in sts] == ["صبري"] * 3
    assert [s["cue"] for s in sts] == ["قالت", "مؤكدة", "أضافت"]


def test_a_role_after_an_unknown_name_ends_it_and_a_coordinated_verb_keeps_the_speaker():
    """رئيس is also a listed first name; after a name it is the role. The وقال coordinated
    with a statement of the same sentence is its speaker's, not a noun of its content."""
    page, sts = own("وقال مارسيل فراتسشر رئيس المعهد إن الهجرة ضرورية.\n"
                    "وعزا فراتسشر هذه الرؤية إلى تزايد النقص في القوى العاملة المتخصصة، وقال: "
                    "«نحن في حاجة إلى قانون هجرة».")
    assert [s["speaker"]["name_ar"] for s in sts] == ["مارسيل فراتسشر"] * 3
    assert sts[0]["speaker"]["role"] is not None
    assert find(sts, "قانون هجرة")["cue"] == "قال"


def test_claims_hints_and_going_on_are_cues_but_is_called_is_not():
    page, sts = own("وقال جيمس باسوس إن الرحلة كانت مؤلمة.\n"
                    "ويدعي الرجل أن تلك الرحلة أسفرت عن إصابة بظهره.\n"
                    "وتلمح موسكو إلى أنها تسعى لإقناع الدول.\n"
                    "وأكملت الشركة: «نحن واثقون أننا سنصل إلى حكم».\n"
                    "وقال شخص يدعى محمد العلي إن الأسعار مرتفعة.")
    assert find(sts, "أسفرت عن إصابة")["speaker"]["name_ar"] == "جيمس باسوس"  # الرجل: the man named before
    assert find(sts, "تسعى لإقناع")["cue"] == "تلمح"
    assert find(sts, "واثقون")["cue"] == "أكملت"
    assert find(sts, "الأسعار مرتفعة")["cue"] == "قال"  # يُدعى: is called
    assert_spans(page, find(sts, "أسفرت عن إصابة"))


def test_a_plural_of_people_is_a_group_that_speaks():
    page, sts = own("وطالب المغردون بإيقاف البرنامج قبل بثه.")
    statement = only(sts)
    assert statement["speaker"]["name_ar"] == "المغردون" and statement["speaker"]["kind"] == "anonymous"
    assert statement["content"].startswith("بإيقاف البرنامج")




def test_a_function_word_behind_its_proclitic_is_no_name():
    _, sts = own("والمثقف المحايد يرى بكل اعتدال أن الحداثيين لديهم عقدة.")
    assert all(s["speaker"]["name_ar"] != "بكل اعتدال" for s in sts)


def test_an_aside_between_dashes_after_the_verb_is_skipped():
    page, sts = own("وقال الوزير إن العمل مستمر.\n"
                    "وشدد -خلال جولته التفقدية لمشاريع الوزارة بالعاصمة المقدسة، والمشاعر أمس- على ضرورة جاهزية المشاريع.")
    urged = find(sts, "على ضرورة جاهزية")
    assert urged["cue"] == "شدد" and urged["speaker"]["name_ar"] == "الوزير"
    assert_spans(page, urged)


def test_a_report_with_no_owner_speaks_when_its_words_or_the_clause_end_follow():
    page, sts = own("خفض البنك المركزي توقعاته للنمو الاقتصادي نتيجة لتراجع الصادرات، حسبما ذكر تقرير أمس (السبت).\n"
                    "وأفاد تقرير أمس بأن الأسعار ارتفعت.\n"
                    "ونشرت الشبكة الدولية لحقوق الإنسان تقريرا تنتقد فيه بشدة ارتفاع أحكام الإعدام.")
    bank = find(sts, "خفض البنك")
    assert bank["cue"] == "حسبما" and bank["speaker"]["kind"] == "anonymous" and bank["speaker"]["name"] == "report"
    assert find(sts, "الأسعار ارتفعت")["speaker"]["name_ar"] == "تقرير"
    assert find(sts, "ارتفاع أحكام")["speaker"]["name_ar"] != "تقريرا"  # the object of نشرت: not a speaker
    assert_spans(page, bank)


def test_a_short_name_that_starts_with_waw_is_a_name_not_a_conjunction():
    page, sts = own("وقال جيفري ويب إن التهم باطلة.\n"
                    "وقد مثل ويب فعلا أمام المحكمة في نيويورك، حيث أكد أنه غير مذنب.")
    assert [s["speaker"]["name_ar"] for s in sts] == ["جيفري ويب", "جيفري ويب"]
    assert_spans(page, sts[1])


def test_a_topic_phrase_before_a_dropped_subject_is_not_the_speaker():
    page, sts = own("وقال أمين عام الاتحاد أحمد العمري إن الملف جاهز.\n"
                    "وحول استمرار مشاكل التنظيم حتى ديسمبر المقبل، قال: «لن نستبق الأحداث».")
    assert find(sts, "لن نستبق")["speaker"]["name_ar"] == "أحمد العمري"  # not التنظيم


def test_people_in_wn_yn_after_a_feminine_verb_are_its_object():
    _, sts = own("أعلنت الكلية توفر وظيفة معيد. ودعت الراغبين إلى تقديم الطلبات.")
    assert all(s["speaker"]["name_ar"] != "الراغبين" for s in sts)


def test_the_university_or_emirate_a_body_belongs_to_is_part_of_its_name():
    page, sts = own("أعلنت عمادة شؤون أعضاء هيئة التدريس بجامعة الملك فيصل عن حاجتها لشغل وظائف فنيين.\n"
                    "وأكد مدير إدارة التطوير السياحي بإمارة منطقة الباحة، سعيد بن ناصر بن ريحان، أن المنطقة تشهد مشاريع.")
    deanship = find(sts, "عن حاجتها")
    assert deanship["speaker"]["name_ar"] == "عمادة شؤون أعضاء هيئة التدريس بجامعة الملك فيصل"
    assert find(sts, "المنطقة تشهد")["speaker"]["name_ar"] == "سعيد بن ناصر بن ريحان"
    assert_spans(page, deanship)


def test_fans_speak_and_a_long_description_may_stand_before_the_title():
    page, sts = own("واشادت جماهير النادي بالأطقم الجديدة، وأبدت سعادتها بالتصاميم.\n"
                    "من جهته، أوضح الملحق الثقافي في سفارة خادم الحرمين الشريفين لدى الولايات المتحدة الأمريكية "
                    "الدكتور محمد العيسى في تصريح مماثل أن البرنامج سيكون له مردود كبير.\n"
                    "ودعى العبدان المسافرين إلى التواصل مع خطوط الطيران.")
    fans = find(sts, "بالأطقم الجديدة")
    assert fans["speaker"]["name_ar"] == "جماهير النادي" and fans["speaker"]["name"] == "fans"
    assert find(sts, "مردود كبير")["speaker"]["name_ar"] == "محمد العيسى"
    assert find(sts, "إلى التواصل")["cue"] == "دعى"  # دعا as often written
    assert_spans(page, fans)


def test_an_unknown_name_then_a_description_between_commas_then_the_content():
    page, sts = own("وأكد كوامي مينساه، الأستاذ في جامعة غانا الوطنية، أن الانتخابات ستجرى في موعدها.")
    statement = only(sts)
    assert statement["speaker"]["name_ar"] == "كوامي مينساه"
    assert statement["speaker"]["role_ar"] == "الأستاذ في جامعة غانا الوطنية"
    assert statement["content"].startswith("الانتخابات ستجرى")
    assert_spans(page, statement)


def test_reports_with_an_about_phrase_and_a_relay_mid_sentence_before_fa_inna():
    page, sts = own("وأعلن الجيش أمس شن ضربات جوية على قرية بيتا، وأفاد الجيش عن مقتل عدد من الإرهابيين.\n"
                    "اندلع حريق في فندق بالدمام صباح اليوم، وبحسب المتحدث الرسمي للدفاع المدني العقيد منصور "
                    "الدوسري فإن الفرق باشرت الحادث.\n"
                    "وأكد المدير أن المنطقة تشهد مشاريع بدعم مستمر، ومتابعة حثيثة من وكيل الأمير.\n"
                    "ويشير الصناعيون في طلبهم إلى أن القطاع فقد 600 منصب شغل.")
    assert find(sts, "عن مقتل")["cue"] == "أفاد"
    fire = find(sts, "الفرق باشرت")
    assert fire["cue"] == "بحسب" and fire["speaker"]["name_ar"] == "منصور الدوسري"
    assert not any(s["cue"] == "متابعة" for s in sts)  # ومتابعة حثيثة: a noun of the content
    assert find(sts, "القطاع فقد")["speaker"]["kind"] == "anonymous"
    assert_spans(page, fire)


def test_a_quoted_body_after_an_object_taking_verb_is_its_subject():
    page, sts = own('كما توقعت "الأرصاد" هطول أمطار متفرقة على مناطق تبوك والجوف.')
    statement = only(sts)
    assert statement["speaker"]["name_ar"] == "الأرصاد" and statement["speaker"]["kind"] == "organization"
    assert statement["content"].startswith("هطول أمطار")
    _, quoted = own('وقال "لا تعليق" ثم غادر.')  # a quotation after قال is what was said, not a name
    assert all(s["speaker"]["name_ar"] != "لا تعليق" for s in quoted)



def test_a_role_word_with_its_adjective_then_a_name_is_that_person():
    page, sts = own("وذكر المتحدث العسكري أندريه ليسينكو أن الانفصاليين يستخدمون أسلحة ثقيلة.")
    statement = only(sts)
    assert statement["speaker"]["name_ar"] == "أندريه ليسينكو"
    assert statement["speaker"]["role_ar"] == "المتحدث العسكري"


def test_in_the_name_of_and_a_coordinated_verb_after_a_comma_are_no_names():
    page, sts = own("وقال النائب كزافييه برتران إن الوضع صعب.\n"
                    "وبات النائب ناطقا باسم السكان المحليين، وهاجم الإجراءات التي أعلنها كاميرون معتبرا أنها غير كافية.")
    names = {s["speaker"]["name_ar"] for s in sts}
    assert "باسم السكان" not in names and "وهاجم الإجراءات" not in names
    _, bassem = own("وقال باسم يوسف إن البرنامج سيعود.")
    assert only(bassem)["speaker"]["name_ar"] == "باسم يوسف"


def test_a_name_that_opens_the_sentence_is_the_subject_of_its_verb():
    page, sts = own("عبدالرحمن القحطاني أحد المشاركين في الملتقى قال إن وصية أبيه كانت الحفاظ على الدين.")
    statement = only(sts)
    assert statement["speaker"]["name_ar"] == "عبدالرحمن القحطاني"
    assert statement["speaker_rule"] == "name_opening_the_sentence"
    assert_spans(page, statement)


def test_a_prayer_after_the_verb_or_the_name_is_no_speaker():
    _, sts = own('وكان يقول يرحمه الله: "ولا تجي نية تمرر حلاويها".')
    assert all("يرحمه" not in s["speaker"]["name_ar"] for s in sts)



def test_predicting_is_a_cue_and_a_foreign_family_name_met_before_is_a_speaker():
    page, sts = own('وتنبأ صندوق النقد الدولي أيضا بنمو اقتصادي "ضعيف" يبلغ نحو 1.5 في المائة.\n'
                    "وحضر الاجتماع مانيش جوبتا نائب رئيس الشركة.\n"
                    'وأشار جوبتا إلى أن "ذلك يوفر حماية كبيرة".')
    assert find(sts, "بنمو اقتصادي")["cue"] == "تنبأ"
    assert find(sts, "حماية كبيرة")["speaker"]["name_ar"] == "جوبتا"


def test_commenting_by_saying_promises_in_quotes_and_a_noun_with_its_pronoun():
    page, sts = own('وعلق الوزير في بيان بالقول "إنه يدلي بتصريحات غير مقبولة".\n'
                    'ووعد كاميرون "بتعزيز السياج وبمزيد من الموارد" لمساعدة الشرطة الفرنسية.\n'
                    "وختم الوزير حديثه بالقول إن المرحلة صعبة.")
    assert find(sts, "بتصريحات غير مقبولة")["cue"] == "علق"
    assert find(sts, "بتعزيز السياج")["cue"] == "وعد"
    assert find(sts, "المرحلة صعبة")["speaker"]["name_ar"] == "الوزير"  # حديثه: his speech, not a name


@pytest.mark.parametrize("text, speaker, content_starts", [
    pytest.param("وأرجع الخبير ارتفاع الأسعار إلى زيادة الطلب في الصيف.", "الخبير", "ارتفاع الأسعار",
                 id="a noun in construct after a role is its object, not its holder"),
    pytest.param("وحث المدرب عبد الوهاب ناصر اللاعبين على ضرورة تقديم المستوى.", "عبد الوهاب ناصر",
                 "اللاعبين على ضرورة", id="a compound first name takes a family name; a plural of people is the object"),
    pytest.param("وأهاب رئيس لجنة الإعلام الرياضي بكافة الزملاء الإعلاميين بالعمل الجاد لحضور يليق بالإعلام.",
                 "رئيس لجنة الإعلام الرياضي", "بكافة الزملاء", id="no name is read past the ba phrase a verb asks for"),
    pytest.param("ولقطع الطريق أمام جهات سياسية أكد الناشط المدني جلال الشحماني انبثاق لجنة تتولى تنظيم التظاهرات.",
                 "جلال الشحماني", "انبثاق لجنة", id="a name ends after its family name whatever word follows"),
    pytest.param("أعلنت جمعية التنمية الأسرية بمنطقة الحدود الشمالية ( ألفة ) عن حاجتها لموظف بمسمى محاسب.",
                 "جمعية التنمية الأسرية بمنطقة الحدود الشمالية", "عن حاجتها",
                 id="a definite region and a bracketed short name belong to the body"),
    pytest.param("وأوضح مدير مستشفى تيماء العام عبدالعزيز سليمان الشولي، أن المستشفى نقل المرضى.",
                 "عبدالعزيز سليمان الشولي", "المستشفى نقل", id="a chain's adjective belongs to the role before the name"),
    pytest.param("وقال الأمير عبدالله بن مساعد إن اللقاءات إيجابية.", "عبدالله بن مساعد", "اللقاءات",
                 id="a word after bin is the father's name even when it is also a role"),
    pytest.param("وأوضح مدير الفريق الأول لكرة القدم الأستاذ فؤاد المسلم أن ذلك يأتي لكسر الروتين.", "فؤاد المسلم",
                 "ذلك يأتي", id="the first team is no military rank"),
    pytest.param("وأفاد د. الغامدي بأن اللقاء الوطني للنحالين سيتزامن مع المهرجان.", "الغامدي", "اللقاء الوطني",
                 id="an abbreviated title takes the family name right after it"),
    pytest.param("وقال فيشر ستيفنز منتج ذي كوف: أراد المخرج استخدام المبنى.", "فيشر ستيفنز", "أراد المخرج",
                 id="a name, then its description with no comma, then a colon"),
    pytest.param("إلى ذلك، توقع المتخصص في التسويق الرياضي في لندن طلال المغربي، أن تشهد المباراة حضورا.",
                 "طلال المغربي", "تشهد المباراة", id="a description with a place, then a first name and a nisba"),
    pytest.param("ويطالب الخبراء بضرورة عدم تجديد أي تراخيص للمشاريع.", "الخبراء", "بضرورة عدم",
                 id="a definite group ends before the object behind ba"),
    pytest.param("وقال المواطن منيع الحارثي: طلب عدد من الأشقاء استضافتهم.", "منيع الحارثي", "طلب عدد",
                 id="a noun that refers back gives way to the name after it"),
    pytest.param("من جهته قال المهندس حسن المرهون رئيس وحدة الفعاليات إن دعوة هذه الفئة خطوة جديدة.",
                 "حسن المرهون", "دعوة هذه", id="a family name in ون is no plural of a noun in ة"),
    pytest.param("وفي تطور لاحق، قال سكان وشهود إن 27 شخصا على الأقل قتلوا.", "سكان وشهود", "27 شخصا",
                 id="two groups joined by waw speak together"),
    pytest.param("وأفاد شاهدان لوكالة رويترز للأنباء، بأن الطائرة أسقطت قنبلة.", "شاهدان", "الطائرة أسقطت",
                 id="two witnesses"),
    pytest.param("ويرى مديرو صناديق ومحللون أن تلك المكاسب تحققت نتيجة لمضاربات.", "مديرو صناديق ومحللون",
                 "تلك المكاسب", id="a plural in construct with an indefinite noun"),
    pytest.param("حيث يرى الدكتور سعيد الشيخ وهو الاقتصادي السعودي البارز أن المؤشرات إيجابية.", "سعيد الشيخ",
                 "المؤشرات", id="an aside with wa-huwa between the name and the content"),
    pytest.param('وذكر غزال عبد الله الذي يسكن قرب المكان "الطائرة ألقت قنبلة على الشارع".', "غزال عبد الله",
                 "الطائرة ألقت", id="a common word before a compound first name, a relative clause, a quotation"),
    pytest.param("وطبقا لبعض المصادر الرسمية داخل النادي الإسباني، انضم اللاعبان لتدريبات الفريق.",
                 "المصادر الرسمية داخل النادي الإسباني", "انضم اللاعبان",
                 id="according to some sources, with their description"),
])
def test_the_speaker_phrase_ends_where_the_content_begins(text, speaker, content_starts):
    page, sts = own(text)
    statement = only(sts)
    assert statement["speaker"]["name_ar"] == speaker
    assert statement["content"].startswith(content_starts)
    assert_spans(page, statement)


def test_the_one_asked_answers_and_a_clause_subject_carries_to_a_later_verb():
    sts = own_spanned("وبسؤال مدير إدارة التعليم بالمنطقة، أوضح أن الإدارة ستحقق في الأمر.\n"
                     "وباتصال هاتفي مع رئيس البلدية محمد الغامدي قال إن المشروع سينتهي قريبا.\n"
                     "من جانبه قدم أحمد عيد الحربي رئيس الاتحاد شكره للأمير على دعمه وقال: \"هذا الدعم ليس مستغربا\".\n"
                     "من ناحيتها، أعطت رئاسة مجلس النواب الأولوية لملف الخدمات، فيما شددت على فرض دورها الرقابي.\n"
                     "وقالت إثر لقائها بالرئيس التونسي الباجي قائد السبسي إن الجيش سيزود نظيره بعتاد.")
    assert find(sts, "الإدارة ستحقق")["speaker"]["name_ar"] == "مدير إدارة التعليم"
    assert find(sts, "المشروع سينتهي")["speaker"]["name_ar"] == "محمد الغامدي"
    assert find(sts, "هذا الدعم")["speaker"]["name_ar"] == "أحمد عيد الحربي"
    assert find(sts, "على فرض دورها")["speaker"]["name_ar"].startswith("رئاسة مجلس النواب")
    assert "السبسي" not in find(sts, "الجيش سيزود")["speaker"]["name_ar"]  # the object of بـ, not the subject


def test_but_he_said_and_a_person_introduced_outside_any_statement():
    sts = own_spanned("ولم يستطع مدير الموقع نعيم البكر أن يجزم بنسبة الحضور، لكنه قال لـ\"الوطن\" إن الحضور لن يتجاوز 15%.\n"
                     "وكانت ألمانيا قد منحت تونس مساعدة عسكرية خلال زيارة قامت بها أورسولا فون ديرليان وزيرة الدفاع "
                     "الألمانية إلى تونس. وقالت إثر لقائها بالرئيس التونسي إن الجيش سيزود نظيره بعتاد.\n"
                     "عندما أطلقت هيلاري كلينتون حملتها الانتخابية تحدثت طويلا. وقالت إنها لا تترشح من أجل بعض الأمريكيين.")
    assert find(sts, "الحضور لن يتجاوز")["speaker"]["name_ar"] == "نعيم البكر"  # the clause's subject, not a guess
    assert find(sts, "الجيش سيزود")["speaker"]["name_ar"] == "أورسولا فون ديرليان"  # her role tells her gender
    assert "أطلقت" not in find(sts, "لا تترشح")["speaker"]["name_ar"]  # a verb is no part of a name


def test_quoted_agencies_announcements_thanks_and_quotations_that_end_before_a_new_verb():
    sts = own_spanned('وبحسب "الفرنسية"، فقد قدم زعيم الحزب هذا الاقتراح في مستهل الاجتماع.\n'
                     'وبحسب "الألمانية"، فقد ذكرت شركة إكسون موبيل أن صافي أرباحها انخفض.\n'
                     "أحالت النيابة العامة أمس 41 شخصا إلى القضاء، حسبما أعلن أمس النائب العام سالم سعيد كبيش.\n"
                     "وقدمت أم حسين شكرها وتقديرها لأمير المنطقة لوقوفه معهم.\n"
                     "وقدم الوزير استقالته أمس.\n"
                     "وأبدى قاسم رضاه التام عن المعدل اللياقي.\n"
                     'وقال الوزير "الأمور جيدة" وأضاف أن الحكومة مستعدة.\n'
                     'وأضاف المدير أن "بوسع الطائرة أن تحلق" وقال نائب رئيس قسم الهندسة جاي باريخ "مهمتنا الربط بين الناس".')
    assert find(sts, "فقد قدم زعيم الحزب")["speaker"]["name_ar"] == "الفرنسية"
    exxon = find(sts, "صافي أرباحها")
    assert exxon["speaker"]["name_ar"] == "شركة إكسون موبيل" and exxon["via"] == ["الألمانية"]
    assert find(sts, "41 شخصا")["speaker"]["name_ar"] == "سالم سعيد كبيش"
    assert find(sts, "شكرها وتقديرها")["speaker"]["name_ar"] == "أم حسين"
    assert not [st for st in sts if "استقالته" in st["content"]]  # قدم is a cue only with the thanks it offers
    assert find(sts, "عن المعدل اللياقي")["speaker"]["name_ar"] == "قاسم"  # رضاه is his satisfaction
    assert find(sts, "الأمور جيدة")["cue"] == "قال"
    assert find(sts, "بوسع الطائرة")["content"] == "بوسع الطائرة أن تحلق"
    assert find(sts, "مهمتنا الربط")["speaker"]["name_ar"] == "جاي باريخ"


def test_a_title_names_the_person_right_after_it_or_the_one_whose_family_name_it_is():
    sts = own_spanned("حيث يرى الدكتور سعيد الشيخ وهو الاقتصادي البارز أن المؤشرات إيجابية.\n"
                     "ولفت الشيخ إلى زيادة معدل النقود على الناتج المحلي يعني أن الريال يدور.")
    pointed = find(sts, "زيادة معدل النقود")
    assert pointed["speaker"]["name_ar"] == "سعيد الشيخ"  # not «يعني», a verb twelve words on


def test_said_that_before_a_new_clause_after_an_object_and_bodies_joined_by_waw():
    sts = own_spanned("ولم تنجح محاولة المهرب. أوضح ذلك الأستاذ عبدالرحمن المحنا مدير عام جمرك البطحاء وقال: "
                     "يأتي هذا النجاح امتدادا للنجاحات.\n"
                     "واقترح الاتحاد الكويتي تأجيل البطولة لإجراء صيانة للملاعب وقال الشيخ طلال الفهد رئيس الاتحاد "
                     "إن بلاده ستكون مستعدة.\n"
                     "وتمنى نائب وزير الصحة الشفاء العاجل للمصابين وأكد حرص وزارة الصحة على تقديم الخدمات.\n"
                     "ورغم التوصية، فإن هيئة الشباب والرياضة الكويتية عبرت عن صدمتها من القرار.\n"
                     "ولفت الوزير إلى زيادة الإقراض، مفيدا بأن السنوات الماضية شهدت نموا كبيرا.")
    before = find(sts, "ولم تنجح محاولة المهرب")
    assert before["cue"] == "أوضح" and before["speaker"]["name_ar"] == "عبدالرحمن المحنا"
    assert find(sts, "يأتي هذا النجاح")["speaker"]["name_ar"] == "عبدالرحمن المحنا"
    assert find(sts, "تأجيل البطولة")["content"].endswith("للملاعب")  # the proposal ends where وقال begins
    assert find(sts, "بلاده ستكون مستعدة")["speaker"]["name_ar"] == "طلال الفهد"
    assert not [st for st in sts if st["speaker"]["name_ar"].startswith("حرص")]  # the object, not a subject
    assert find(sts, "عن صدمتها")["speaker"]["name_ar"] == "هيئة الشباب والرياضة الكويتية"
    assert find(sts, "السنوات الماضية")["cue"] == "مفيدا"


def test_findings_advice_and_according_to_after_a_comma():
    sts = own_spanned("ووجد الباحثون أن الآثار النفسية أكثر شيوعا من الضرر الجسدي. ولاحظوا أيضا أن الإصابات زادت.\n"
                     "ووجد رجال الأمن جثة في المنزل.\n"
                     "وينصح الخبراء المستخدمين بحذف هذا النوع من الرسائل.\n"
                     "وأعلنت الهيئة الوطنية لإدارة الكوارث أن الفيضانات مستمرة. وبدأت الفيضانات الشهر الماضي، "
                     "وحسب الهيئة، تم تسجيل 77 حالة وفاة.")
    assert find(sts, "الآثار النفسية")["speaker"]["name_ar"] == "الباحثون"
    assert find(sts, "الإصابات زادت")["speaker"]["name_ar"] == "الباحثون"
    assert not [st for st in sts if "جثة" in st["content"]]  # found a body: no finding without أن
    assert find(sts, "بحذف هذا النوع")["speaker"]["name_ar"] == "الخبراء"  # المستخدمين: the people advised
    assert find(sts, "77 حالة")["cue"] == "حسب"  # what follows «according to» after a comma


def test_a_second_verb_of_the_same_speaker_with_its_object_and_participles_of_directing_and_citing():
    sts = own_spanned("وذكر المتحدث العسكري أندريه ليسينكو أن الانفصاليين يستخدمون أسلحة ثقيلة ووصف الوضع في "
                     "المناطق الغربية بأنه الأكثر توترا.\n"
                     "وأبدى قاسم رضاه التام عن المعدل وشكر اللاعبين على الانضباطية.\n"
                     "وقال حمد الشنير إن الملتقى يحمل عدة أهداف، موجها الطلبة للعمل على رفعة وطنهم.\n"
                     "وكشف مدير المعرض أحمد العمري عن أن المعرض نجح، مستشهدا ببحث دول العالم عن مصادر أخرى.")
    described = find(sts, "الأكثر توترا")
    assert described["cue"] == "وصف" and described["speaker"]["name_ar"] == "أندريه ليسينكو"
    assert find(sts, "يستخدمون أسلحة ثقيلة")["content"].endswith("ثقيلة")  # ends before ووصف
    thanked = find(sts, "على الانضباطية")
    assert thanked["cue"] == "شكر" and thanked["speaker"]["name_ar"] == "قاسم"  # the players are thanked
    assert find(sts, "الطلبة للعمل")["cue"] == "موجها"
    assert find(sts, "ببحث دول العالم")["cue"] == "مستشهدا"


def test_bodies_in_at_estimates_websites_and_the_weather_service_speak():
    sts = own_spanned("من جانبها بينت الجهات المعنية في مهرجان صيف حائل أن الأسر المنتجة تشهد إقبالا كثيفا.\n"
                     "وأعلن صندوق النقد الدولي خفض توقعاته. وتشير تقديرات الصندوق إلى أن الأثر الفوري للعقوبات كبير.\n"
                     "ويتم تهديد المستخدم بعدم استرجاع ملفاته إلا بعد الدفع، بحسب مواقع متخصصة.\n"
                     "كما توقعت الأرصاد هطول أمطار متفرقة على مناطق تبوك.")
    assert find(sts, "الأسر المنتجة")["speaker"]["name_ar"] == "الجهات المعنية"
    assert find(sts, "الأثر الفوري")["speaker"]["name_ar"] == "صندوق النقد الدولي"
    assert find(sts, "بعدم استرجاع ملفاته")["speaker"]["name_ar"] == "مواقع متخصصة"
    assert find(sts, "هطول أمطار")["speaker"]["name_ar"] == "الأرصاد"


def test_the_subject_after_kana_keeps_its_description_or_aside_between_commas():
    sts = own_spanned("وقالت سوزان ماكدانيال إن التقرير مقلق.\n"
                     "وكانت الوزارة، في بيان لها، أكدت أن الوضع مستقر.\n"
                     "وكانت سوزان ماكدانيال، العضو في اللجنة الخاصة المستقلة، صرحت أن التقرير يتضمن وقائع مقلقة.")
    assert find(sts, "الوضع مستقر")["speaker"]["name_ar"] == "الوزارة"  # not the last woman who spoke
    assert find(sts, "يتضمن وقائع")["speaker"]["name_ar"] == "سوزان ماكدانيال"  # not her description


def test_said_that_before_past_a_relative_clause_and_the_people_a_body_warns():
    sts = own_spanned("من جهة أخرى، حذرت وزارة العمل المواطنين وعملاء الوزارة من التعامل مع المكاتب غير المرخصة. "
                     "أوضح ذلك أمس مدير عام فرع وزارة العمل عبدالله العليان، الذي بين أن الوزارة أطلقت موقعا جديدا.")
    warned = find(sts, "من التعامل مع المكاتب")
    assert warned["speaker"]["name_ar"] == "وزارة العمل" and warned["content"].startswith("المواطنين")
    told = [st for st in sts if st["cue"] == "أوضح"]
    assert told and told[0]["speaker"]["name_ar"] == "عبدالله العليان" and "حذرت" in told[0]["content"]


def test_two_family_names_speak_together_and_an_object_with_its_pronoun_is_the_content():
    sts = own_spanned("من جانبه أبدى العريني والقصيمي سعادتهما بالانضمام للكتيبة الجيلاوية، آملين أن يساهما في الفوز.")
    glad = find(sts, "سعادتهما بالانضمام")
    assert glad["cue"] == "أبدى" and glad["speaker"]["name_ar"] == "العريني والقصيمي"


def test_a_clause_subject_may_be_a_description_and_a_name():
    sts = own_spanned("وجذبت صانعة الدمى زهراء الميلاد بأعمالها الفنية زوار المهرجان، وأوضحت بأنه كانت بدايتها منذ "
                     "أربع سنوات، منوهة إلى أنها تعلمت بنفسها.")
    assert find(sts, "كانت بدايتها")["speaker"]["name_ar"] == "زهراء الميلاد"
    assert find(sts, "تعلمت بنفسها")["speaker"]["name_ar"] == "زهراء الميلاد"


def test_an_instruction_with_ba_and_a_verb_whose_ba_object_follows_it_at_once():
    sts = own_spanned("وأشاد الأمير فيصل بن سلمان بالمشروع. ووجه سموه الهيئة الملكية بينبع بتشكيل فرق عمل لزيارة المدينة.\n"
                     "وقال محافظ وادي الدواسر أحمد المنيفي إن الفرق جاهزة. وأشاد بجهود رجال الدفاع المدني في الميدان. "
                     "وقد وجه بتقديم جميع الخدمات للمتضررين.\n"
                     "ووجه أعضاء المجلس الدعوة للرئيس السابق للالتقاء برئيس الاتحاد.\n"
                     "ووصفت المعارك بالشرسة في جبهات القتال.\n"
                     "ووجه التفشي ضربة موجعة لاقتصاد متراجع بالفعل.")
    teams = find(sts, "بتشكيل فرق عمل")
    assert teams["cue"] == "وجه" and teams["speaker"]["name_ar"] == "فيصل بن سلمان"  # سموه: no name after it
    assert teams["content"].startswith("الهيئة الملكية")
    assert_speakers(sts, {"بجهود رجال الدفاع": "أحمد المنيفي", "بتقديم جميع الخدمات": "أحمد المنيفي"})
    invited = find(sts, "للرئيس السابق")
    assert invited["speaker"]["name_ar"] == "أعضاء المجلس" and invited["content"].startswith("الدعوة")
    assert not [st for st in sts if "بالشرسة" in st["content"]]  # وُصفت: the passive, no speaker
    assert not [st for st in sts if "ضربة موجعة" in st["content"]]  # بالفعل: an adverb, no instruction


def test_ali_written_with_ya_is_a_first_name_and_a_coordinated_verb_takes_its_clause_subject():
    sts = own_spanned("وقال علي بقشان عضو شرف الأهلي إن الفريق جاهز.\n"
                     "وأكد علي الغامدي أن المعسكر ناجح.\n"
                     "وأكد علي أهمية المشروع للمنطقة.\n"
                     "وقررت الإدارة تكريم المشجع، كما تفاعل محمد الحربي عضو شرف النادي مع الموقف ووعد بتكريم خاص للمشجع.")
    assert_speakers(sts, {"الفريق جاهز": "علي بقشان", "المعسكر ناجح": "علي الغامدي", "بتكريم خاص": "محمد الحربي"})
    assert find(sts, "أهمية المشروع")["speaker"]["name_ar"] != "علي"  # على أهمية: the preposition


def test_unknown_names_that_start_like_a_preposition_follow_their_role():
    sts = own_spanned("وقال المدرب البرتغالي جوزيه بيسيرو إن الفريق جاهز.\n"
                     "وقال اللاعب كوستا إن المباراة صعبة.\n"
                     "وأبدى المحترف اليوناني الجديد فيتفاتزيديس سعادته البالغة بالانضمام للنادي.\n"
                     "وقال مدير الهلال الأحمر بحائل محمد الطيار إن الحادث وقع فجرا.\n"
                     "وقال القائد العسكري بعدن العميد أحمد الصبيحي إن الوضع مستقر.")
    assert_speakers(sts, {"الفريق جاهز": "جوزيه بيسيرو",  # جوزيه is no noun with its pronoun
                          "المباراة صعبة": "كوستا",  # no accusative noun before إن
                          "سعادته البالغة": "فيتفاتزيديس",
                          "الحادث وقع": "محمد الطيار",  # بحائل: in Hail, not a name
                          "الوضع مستقر": "أحمد الصبيحي"})


def test_raised_thanks_a_quoted_body_before_its_object_and_groups_in_construct():
    sts = own_spanned("ورفع الأمير بندر بن عبدالله أسمى آيات الشكر والعرفان لخادم الحرمين الشريفين على دعمه.\n"
                     "ورفعت الشركة الأسعار بنسبة عشرة في المئة.\n"
                     "دعا الاتحاد الدولي لشركات الطيران \"أياتا\" سلطات الطيران في العالم إلى خفض رسوم المطارات.\n"
                     "وقالت كتلة \"المستقبل\" النيابية إن الحكومة مستمرة.\n"
                     "حيث يتساءل معارضو الاتفاق عما إذا كان سيضمن ألا تنتج إيران سلاحا نوويا.\n"
                     "وعبر العاملون في لجان المهرجان عن شعور الفرحة بالنجاح الكبير.\n"
                     "وحذر الدفاع المدني بمنطقة جازان المواطنين من النزول إلى مجاري الأودية.")
    thanks = find(sts, "آيات الشكر")
    assert thanks["cue"] == "رفع" and thanks["speaker"]["name_ar"] == "بندر بن عبدالله"
    assert not [st for st in sts if "الأسعار" in st["content"]]  # رفع with no thanks: no statement
    called = find(sts, "خفض رسوم المطارات")
    assert called["speaker"]["name_ar"].endswith('"أياتا"') and called["content"].startswith("سلطات الطيران")
    assert find(sts, "الحكومة مستمرة")["speaker"]["name_ar"] == 'كتلة "المستقبل" النيابية'
    asked = find(sts, "سلاحا نوويا")
    assert asked["speaker"]["name_ar"] == "معارضو الاتفاق" and asked["stance"] == "question"
    assert find(sts, "شعور الفرحة")["speaker"]["name_ar"] == "العاملون في لجان المهرجان"
    warned = find(sts, "مجاري الأودية")
    assert warned["speaker"]["name_ar"] == "الدفاع المدني بمنطقة جازان" and warned["speaker"]["kind"] == "organization"


def test_a_verb_whose_object_follows_it_at_once_carries_the_last_speaker():
    sts = own_spanned("وقال مدير الشؤون الصحية عبدالكريم سالم إن الوضع مطمئن.\n"
                     "وأكد ضرورة استمرار التوعية بالمرض على مدار العام.\n"
                     "ودعا لاستمرار الجهود بتعاون جميع الأطراف.\n"
                     "وأبدى سعادته بتفاعل الزوار مع المعرض.\n"
                     "وأشارت نشرة السوق المالية إلى أن عدد الصفقات انخفض.\n"
                     "وأراد، إبان رئاسته لمجلس الإدارة، أن يطور المدارس.")
    assert_speakers(sts, {"استمرار التوعية": "عبدالكريم سالم", "لاستمرار الجهود": "عبدالكريم سالم",
                          "بتفاعل الزوار": "عبدالكريم سالم",
                          "عدد الصفقات": "نشرة السوق المالية"})  # a bulletin, not an object
    assert not [st for st in sts if st["cue"] == "إبان"]  # during, not أبان (explained)


def test_a_saying_verb_after_an_object_content_and_a_name_not_joined_by_wa():
    sts = own_spanned("وفي كلمة متلفزة حث عبدالملك الحوثي أنصاره على التصدي للحكومة، قال إن الحل السياسي ممكن.\n"
                     "وقال اللاعب جاك ويلشير إن الفريق يريد الفوز.")
    urged = find(sts, "على التصدي للحكومة")
    assert urged["cue"] == "حث" and "الحل السياسي" not in urged["content"]
    said = find(sts, "الحل السياسي ممكن")
    assert said["cue"] == "قال" and said["speaker"]["name_ar"] == urged["speaker"]["name_ar"]
    interviewed = own_spanned("حاورت الصحيفة الوزير بندر حجار وفتحت معه ملفات الحج. وأكد أن الخدمات مجانية.")
    assert find(interviewed, "الخدمات مجانية")["speaker"]["name_ar"] == "بندر حجار"
    assert find(sts, "يريد الفوز")["speaker"]["name_ar"] == "جاك ويلشير"  # a family name in و


def test_a_verb_of_purpose_speaks_for_the_subject_before_idh_and_goes_on_with_its_warning():
    sts = own_spanned("ووزارة الداخلية إذ تعلن ذلك لتؤكد للعموم حرص الحكومة على محاربة المخدرات بأنواعها، "
                     "وتحذر في الوقت نفسه كل من يقدم على ذلك بأن العقاب الشرعي سيكون مصيره.\n"
                     "وجاء فوز الفريق ليؤكد عقدة المدرب مع البطولة.")
    stressed = find(sts, "حرص الحكومة")
    assert stressed["speaker"]["name_ar"] == "وزارة الداخلية" and stressed["cue"] == "تؤكد"
    warned = find(sts, "العقاب الشرعي")
    assert warned["speaker"]["name_ar"] == "وزارة الداخلية" and warned["content"].startswith("كل من يقدم")
    assert not [st for st in sts if "عقدة المدرب" in st["content"]]  # a win that confirms: no speaker


def test_sources_by_their_trade_construct_plurals_doubts_and_a_name_before_an_agency():
    sts = own_spanned("فيما قال تاجر في السوق طلب عدم كشف اسمه: \"لقد شاركت في عمليات الإغاثة\".\n"
                     "وأكد مقاتلو طالبان على موقعهم الإلكتروني أن حقاني كان مريضا.\n"
                     "فقد شكك بعض المحللين الإسرائيليين في مدى عزم الأجهزة الأمنية.\n"
                     "وقال باباكورا كولو، وهو عنصر في ميليشيا الدفاع الذاتي، لوكالة الصحافة الفرنسية إن الانتحارية فجرت نفسها.\n"
                     "كما قتل ستة أشخاص في السوق، وفق ما أفاد شهود.\n"
                     "ولفت لاعبو المنتخب أنظار العالم بتحقيقهم منجزات جماعية.")
    assert_speakers(sts, {"عمليات الإغاثة": "تاجر في السوق", "الانتحارية فجرت": "باباكورا كولو", "ستة أشخاص": "شهود"})
    assert find(sts, "حقاني كان مريضا")["speaker"]["name_ar"].startswith("مقاتلو طالبان")
    doubted = find(sts, "مدى عزم")
    assert doubted["stance"] == "question" and doubted["speaker"]["name_ar"] == "بعض المحللين الإسرائيليين"
    assert not [st for st in sts if "أنظار العالم" in st["content"]]  # drew attention: no speech


def test_a_report_speaks_for_whoever_issued_it_whatever_its_name():
    sts = own_spanned("وقال بيان نشرته شركة أرامكو على موقعها الإلكتروني إن المشروع يضم معملا.\n"
                     "وأشارت الإحصائية التي أصدرتها مصلحة الجمارك العامة إلى أن قضايا مخالفة المنشأ زادت.\n"
                     "وكشف الفيديو طيران الطائرة على مستوى منخفض.")
    assert_speakers(sts, {"يضم معملا": "شركة أرامكو", "مخالفة المنشأ": "مصلحة الجمارك العامة"})
    assert not [st for st in sts if "طيران الطائرة" in st["content"]]  # الفيديو is no plural in construct


def test_condemning_in_the_strongest_terms_praising_with_ba_and_holding_a_view():
    sts = own_spanned("وأدانت المملكة العربية السعودية بأشد العبارات الهجوم على المسجد.\n"
                     "وقال المحافظ إن الفرق جاهزة. ونوه بمساهمات جميع الجهات الحكومية في المحافظة.\n"
                     "ونوه د. الخازم بأن البرنامج يحتوي على محاضرات.\n"
                     "فيما ذهب الكاتب خالد اليوسف إلى أنه ربما للنادي وجهة نظر.\n"
                     "وذهب الوزير إلى مكة المكرمة أمس.")
    assert_speakers(sts, {"الهجوم على المسجد": "المملكة العربية السعودية",  # بأشد: an adverb
                          "بمساهمات جميع الجهات": "المحافظ", "للنادي وجهة نظر": "خالد اليوسف"})
    assert find(sts, "البرنامج يحتوي")["cue"] == "نوه"  # the period of د. ends no clause
    assert not [st for st in sts if "مكة المكرمة" in st["content"]]  # went to Mecca


def test_saw_fit_condemned_held_responsible_and_disclosed():
    sts = own_spanned("ورأى سلطان الحربي أن القرار يصب في مصلحة المرتادين.\n"
                     "وقال الوزير إن استطلاع الرأي أظهر تقدما.\n"
                     "من جانبها، حملت الرئاسة الفلسطينية سلطات الاحتلال الإسرائيلية مسؤولية استشهاد الرضيع.\n"
                     "ودانت الحكومة الأردنية بشدة الجريمة البشعة.\n"
                     "وأوضح دان بينس أن أربعة أشخاص كانوا على متن الطائرة.\n"
                     "وامتنع علي الصادق المتحدث باسم وزارة الخارجية السودانية عن التعليق.\n"
                     "وأفصحت الشركة عن نيتها استقطاب الشباب.")
    assert_speakers(sts, {"يصب في مصلحة": "سلطان الحربي", "الجريمة البشعة": "الحكومة الأردنية",
                          "أربعة أشخاص": "دان بينس", "نيتها استقطاب": "الشركة"})
    assert [st["cue"] for st in sts].count("رأى") == 1  # رأي (an opinion) is no cue
    blamed = find(sts, "مسؤولية استشهاد")
    assert blamed["stance"] == "accuse" and blamed["content"].startswith("سلطات الاحتلال")
    declined = [st for st in sts if st["stance"] == "decline_comment"]
    assert declined and declined[0]["speaker"]["name_ar"] == "علي الصادق"


def test_concluded_is_a_cue_only_before_ila():
    sts = own_spanned("وقالت الباحثة باولا غواتين إن الطرق مزدحمة. وتخلص غواتين إلى القول: إن الأبحاث توصي بحسن "
                     "استغلال الطرق.\nوخلصت الدراسة إلى أن المياه الغازية ضارة.\nوتخلص المواطنون من النفايات.")
    assert find(sts, "الأبحاث توصي")["speaker"]["name_ar"] == "باولا غواتين"
    assert find(sts, "المياه الغازية ضارة")["cue"] == "خلصت"
    assert not [st for st in sts if "النفايات" in st["content"]]  # got rid of: no إلى, no cue


def test_a_subject_before_its_verb_keeps_a_description_after_its_comma():
    sts = own_spanned("ويذكر أن نائب البرلمان الألماني، ألكسندر نوي، المنتمي لحزب اليسار الألماني المعارض أشار في "
                     "تصريحات لصحيفة إزفيستيا الروسية إلى أنه يخطط لزيارة القرم.")
    assert find(sts, "يخطط لزيارة القرم")["speaker"]["name_ar"] == "ألكسندر نوي"


def test_verbs_with_the_people_they_address_as_a_pronoun_and_plurals_with_theirs():
    sts = own_spanned("وحذر الدفاع المدني بمنطقة جازان المواطنين من النزول إلى مجاري الأودية، وحثهم على الحيطة والحذر.\n"
                     "وقال الوزير إن الوضع مستقر. ودعاهم إلى الالتزام بالتعليمات.\n"
                     "وأشاد مدير التعليم عايض الرحيلي بالمشروع. وقدم مرئياته وملاحظاته، مشددا على ضرورة أن يبذل "
                     "المقاولون المزيد من الجهد.\n"
                     "وتتطلب إجراءات القبول مقابلة كل طالبة في البرنامج.")
    assert_speakers(sts, {"على الحيطة والحذر": "الدفاع المدني بمنطقة جازان", "الالتزام بالتعليمات": "الوزير",
                          "يبذل المقاولون": "عايض الرحيلي"})  # مرئياته: his observations, no name
    observed = own_spanned("وقال مدير التعليم عايض الرحيلي إن المشروع ممتاز. وأبدى مرئياته وملاحظاته على بعض ما رصده.")
    remarks = find(observed, "على بعض ما رصده")  # أبدى with his remarks as its object, its subject unsaid
    assert remarks["speaker"]["name_ar"] == "عايض الرحيلي" and remarks["content"].startswith("مرئياته")
    assert not [st for st in sts if "البرنامج" in st["content"]]  # طالبة: a student, no طالبه


def test_a_definite_noun_after_a_bodys_closed_name_is_the_verbs_object_unless_it_describes_it():
    sts = own_spanned("جددت وزارة الصحة التأكيد على أهمية الالتزام بالاشتراطات الصحية.\n"
                     "ودعت القيادة الفلسطينية المجتمع الدولي إلى تحمل مسؤولياته.\n"
                     "وأكدت جمعية الهلال الأحمر جاهزية الفرق الإسعافية.\n"
                     "وأعلنت وزارة التعليم العالي فتح باب القبول.\n"
                     "ونفى الاتحاد البرازيلي لكرة القدم تناول لاعبه مواد منشطة.")
    assert_speakers(sts, {"على أهمية الالتزام": "وزارة الصحة", "إلى تحمل مسؤولياته": "القيادة الفلسطينية",
                          "جاهزية الفرق": "جمعية الهلال الأحمر", "فتح باب القبول": "وزارة التعليم العالي",
                          "مواد منشطة": "الاتحاد البرازيلي لكرة القدم"})
    assert find(sts, "على أهمية الالتزام")["content"].startswith("التأكيد")
    assert find(sts, "إلى تحمل مسؤولياته")["content"].startswith("المجتمع الدولي")


def test_an_outlet_told_stands_before_the_speaker_after_dhalika_and_after_verbs_of_informing():
    sts = own_spanned('جددت الوزارة التحذير من السفر إلى المناطق الموبوءة. أوضح ذلك ل "عكاظ" المتحدث الإعلامي باسم '
                     'وزارة الصحة الدكتور خالد مرغلاني، لافتا إلى أن الوزارة تتابع التطورات الوبائية.\n'
                     'إلى ذلك أبلغ "عكاظ" مدير عام فرع المصلحة في محافظة جدة أحمد بن عبيد الطائفي أنه تم إطلاق '
                     'الخدمة الإلكترونية.\n'
                     'قال ذلك لـ"الرياض" وزير الداخلية اليمني عبده الحذيفي وزاد أن الأوضاع في عدن مستقرة.')
    assert_speakers(sts, {"تتابع التطورات الوبائية": "خالد مرغلاني", "إطلاق الخدمة": "أحمد بن عبيد الطائفي"})
    assert "الحذيفي" in find(sts, "الأوضاع في عدن")["speaker"]["name_ar"]


def test_subjects_before_their_verbs_after_kana_without_qad_and_names_opening_a_clause():
    sts = own_spanned("وكان مسؤولو جهاز الإطفاء في كاليفورنيا ذكروا أن آلاف الصواعق ضربت المنطقة.\n"
                     "وكان الوزير في زيارته للرياض أكد أن العلاقات متينة.\n"
                     "كانت «نوكيا» قد ذكرت، أمس، أن مراجعة استراتيجية وصلت إلى مرحلة متقدمة.\n"
                     "وفي السياق، محمد العلي قال إن السوق مستقرة.\n"
                     "وقال أرسين فينجر إن الفريق جاهز. لكن فينجر نفى تنازله عن فكره الهجومي.")
    assert_speakers(sts, {"آلاف الصواعق": "مسؤولو جهاز الإطفاء", "العلاقات متينة": "الوزير",
                          "مراجعة استراتيجية": "نوكيا", "السوق مستقرة": "محمد العلي",
                          "تنازله عن فكره": "أرسين فينجر"})


def test_words_that_are_no_names_a_compass_point_a_verbal_noun_behind_ba_an_office_on_a_chain_and_ala():
    sts = own_spanned("وأوضح عضو مجلس إدارة الجمعية السعودية لطب العيون أخصائي طب وجراحة العيون رئيس لجنة العلاقات "
                     "العامة الدكتور وسيم عبد العزيز، أن العينين عرضة للإصابة.\n"
                     "ومن جانبها أفادت عضو مجلس إدارة الجمعية واستشارية طب وجراحة العيون ورئيسة لجنة التوعية الصحية "
                     "الدكتورة عهود عبد العزيز عويضة أنه يمكن الاستدلال على الإصابة.\n"
                     "وأشار القيادي في المقاومة الشعبية، قائد نصر، إلى أن العناصر الإيرانية موجودة داخل القاعدة.\n"
                     "وهدد الشاب الفتاة بنشر صورها عند زوجها.\n"
                     "أكد متحدث باسم الشرطة تحطم طائرة في مطار بلاكبوش، جنوب غربي لندن، ووفاة 3 ركاب.")
    assert_speakers(sts, {"العينين عرضة": "وسيم عبد العزيز", "يمكن الاستدلال": "عهود عبد العزيز",
                          "العناصر الإيرانية": "قائد نصر", "ووفاة 3 ركاب": "متحدث باسم الشرطة"})
    assert all(st["speaker"]["name_ar"] != "بنشر" for st in sts)


def test_the_preposition_ala_written_with_alif_maqsura_is_never_the_name_ali():
    sts = own_spanned("كما قال الرئيس بشكل خاطئ عن الاقتراحات لإلغاء ديون الحرب على الحلفاء، إن القروض يجب أن تسدد.\n"
                     "وقال علي الغامدي إن السوق مستقرة.")
    assert all("الحلفاء" not in st["speaker"]["name_ar"] for st in sts)
    assert find(sts, "السوق مستقرة")["speaker"]["name_ar"] == "علي الغامدي"


def test_a_plural_verb_after_a_clause_takes_the_group_that_opened_it_and_others_speak_for_themselves():
    sts = own_spanned("إلى ذلك، تفاعل مغردون مع شكوى الفتيات وقاموا بإنشاء وسم، طالبوا من خلاله بسرعة محاسبة التجار، "
                     "بينما انتقد آخرون جهل الفتيات بحقوقهن، مطالبين وزارة العمل بعقد ندوات.")
    assert find(sts, "محاسبة التجار")["speaker"]["name_ar"] == "مغردون"
    assert find(sts, "جهل الفتيات")["speaker"]["name_ar"] == "آخرون"
    assert find(sts, "بعقد ندوات")["speaker"]["name_ar"] == "آخرون"


def test_a_contrasting_clause_with_a_pronoun_subject_begins_the_same_speakers_next_statement():
    sts = own_spanned("وقال أرسين فينجر إن الفريق جاهز. وهذه أول مرة ينجح فيها فينجر، ورغم أنه نفى أن ذلك يمثل له أي "
                     "شيء إلا أنه قال إن الانتصار سيعطي لاعبيه دفعة.\n"
                     "وأكد المدرب أن اللاعبين مستعدون لكنه حذر من الغرور.")
    denied = find(sts, "يمثل له أي شيء")
    assert denied["content"].endswith("أي شيء")
    assert find(sts, "سيعطي لاعبيه دفعة")["speaker"]["name_ar"] == "أرسين فينجر"
    assert find(sts, "من الغرور")["speaker"]["name_ar"] == "المدرب"
    assert find(sts, "اللاعبين مستعدون")["content"] == "اللاعبين مستعدون"


def test_thanks_and_condolences_offered_with_taqaddama_and_an_office_named_shorter_the_second_time():
    sts = own_spanned("أعلن الملحق الثقافي في أستراليا الدكتور عبدالعزيز بن طالب عن إطلاق مسابقة أدبية. وتقدم الملحق "
                     "الثقافي بالشكر لحكومة خادم الحرمين الشريفين على دعم برنامج الابتعاث.\n"
                     "وكان رئيس النادي إبراهيم البلوي تقدم باسمه ونيابة عن أعضاء مجلس الإدارة بأحر التعازي وصادق "
                     "المواساة في الفقيد، سائلا المولى عز وجل أن يرحمه.\n"
                     "وأضاف المواطنون في شكوى تقدموا بها للجهات المختصة أن المعاناة مستمرة.\n"
                     "وتقدم الجيش نحو المدينة بعد أن أعلن القائد أن الطريق آمن.")
    assert find(sts, "بالشكر لحكومة")["speaker"]["name_ar"] == "عبدالعزيز بن طالب"
    assert find(sts, "بأحر التعازي")["content"].startswith("بأحر التعازي")
    assert find(sts, "المعاناة مستمرة")["speaker"]["name_ar"] == "المواطنون"
    assert not [st for st in sts if st["cue"] == "تقدم" and "المدينة" in st["content"]]  # the army advanced


def test_a_subject_after_the_an_of_a_contrast_stands_before_its_verb():
    sts = own_spanned("غير أن الصناعيين يعتبرون أن ذلك غير كاف.\n"
                     "إلا أن محمد العلي قال إن السوق مستقرة.")
    assert_speakers(sts, {"ذلك غير كاف": "الصناعيين", "السوق مستقرة": "محمد العلي"})


def test_the_time_noun_aan_is_no_opener_but_aan_written_for_an_still_is():
    sts = own_spanned("وقال المدير إن المعرض ناجح. وأبدى سعادته بردة الفعل الإيجابية لدى زوار المعرض في آن واحد، "
                     "إضافة إلى مشاركة الشباب.\n"
                     "وقال براون في بيان آن الجفاف الحاد حول الولاية إلى برميل بارود.")
    assert find(sts, "بردة الفعل")["content"].startswith("سعادته بردة الفعل")
    assert find(sts, "برميل بارود")["content"].startswith("الجفاف الحاد")


def test_one_word_names_ending_in_alif_and_first_names_that_are_also_words():
    sts = own_spanned("وقال زانداميلا إن بيانات البرنامج تفي بالغرض.\n"
                     "وقال أستاذ العلوم السياسية في جامعة عدن سليم الحسني إن الحوثيين عاجزون.\n"
                     "وقالت أمل الشمري إن الخطة جاهزة.\n"
                     "وأكد أن القرار سليم وأن الإجراءات صحيحة.\n"
                     "يقول فلان متحسرًا إن الواسطة ترقت. وقالت زميلاتها إن العمل شاق.")
    assert_speakers(sts, {"تفي بالغرض": "زانداميلا", "الحوثيين عاجزون": "سليم الحسني",
                          "الخطة جاهزة": "أمل الشمري"})
    assert all(st["speaker"]["name_ar"] not in ("متحسرًا", "زميلاتها") for st in sts)


def test_a_report_noun_in_a_relative_clause_and_an_office_in_construct_between_commas():
    sts = own_spanned("وقالت بيتاني بارون جيبس التي قادت الدراسة إن الجلوس الطويل مضر.\n"
                     "وقال علي الحارثي، مسؤول العلاقات في المنظمة، إن الاشتباكات مستمرة.\n"
                     "وقال زهير القفشات إن أسعار الروبيان ترتفع.")
    assert_speakers(sts, {"الجلوس الطويل": "بيتاني بارون جيبس", "الاشتباكات مستمرة": "علي الحارثي",
                          "أسعار الروبيان": "زهير القفشات"})


def test_the_imam_and_preacher_of_a_mosque_is_one_office():
    sts = own_spanned("وطالب إمام وخطيب المسجد الحرام الشباب بالتمسك بقيم الدين.\n"
                     "وقال خطيب الجامع الشيخ فهد المهاشير إن الحفل ناجح.\n"
                     "ووقف أمام المسجد الحرام وقال إن الزحام شديد.")
    assert find(sts, "بالتمسك بقيم")["speaker"]["name_ar"] == "إمام وخطيب المسجد الحرام"
    assert find(sts, "الحفل ناجح")["speaker"]["name_ar"] == "فهد المهاشير"
    assert all("أمام" not in st["speaker"]["name_ar"] for st in sts)  # أمام (before) folds like إمام


def test_a_family_after_its_title_a_title_with_a_slash_some_people_and_a_goalkeeper():
    sts = own_spanned("وقال المهندس آل الشيخ، إن المشاريع جاهزة.\n"
                     "وقال السيد/ يوسف مبيضين إن الفعالية ناجحة.\n"
                     "ويرى البعض أن القرار متأخر.\n"
                     "وقال مانويل نيوير حارس مرمى بايرن ميونيخ إن الفريق جاهز.")
    assert_speakers(sts, {"المشاريع جاهزة": "آل الشيخ", "الفعالية ناجحة": "يوسف مبيضين",
                          "القرار متأخر": "البعض", "الفريق جاهز": "مانويل نيوير"})
    assert find(sts, "القرار متأخر")["speaker"]["kind"] == "anonymous"


def test_a_report_noun_a_word_after_in_is_the_statement_it_was_made_in():
    sts = own_spanned("قال صندوق النقد الدولي في أول تقرير مراجعة للاقتصاد الصومالي منذ أكثر من 20 عاما إن الدولة "
                     "حققت تقدما كبيرا.")
    assert find(sts, "حققت تقدما")["speaker"]["name_ar"] == "صندوق النقد الدولي"


def test_reports_issued_by_their_owner_newspapers_by_country_a_citizen_and_a_district_named_after_a_king():
    sts = own_spanned("كشفت دراسة أجراها المركز الوطني للطب البديل بالرياض أن الكليات الصحية لا تدرسه.\n"
                     "وأكدت صحف أرجنتينية، أن اللاعب يحتاج إلى أسبوعين.\n"
                     "وطالب مواطن الجهات المختصة، بالتحقيق في الخطأ الطبي.\n"
                     "وأكد أحد سكان حي الملك فهد أن الكهرباء انقطعت.\n"
                     "أكد شيخ مشايخ يافع السلطان فضل العفيفي أن المملكة صمام أمان اليمن.")
    assert_speakers(sts, {"الكليات الصحية": "المركز الوطني للطب البديل بالرياض", "يحتاج إلى أسبوعين": "صحف أرجنتينية",
                          "صمام أمان": "فضل العفيفي"})
    citizen = find(sts, "بالتحقيق في الخطأ")
    assert citizen["speaker"]["name_ar"] == "مواطن" and citizen["content"].startswith("الجهات المختصة")
    assert all(st["speaker"]["name_ar"] != "فهد" for st in sts)  # حي الملك فهد: a district


def test_according_to_what_was_told_to_an_outlet_and_a_report_whose_owner_comes_a_few_words_on():
    sts = own_spanned("ورغم المقاومة الشرسة وصلت التعزيزات إلى المطار بحسب ما أفاد به «الشرق الأوسط» مصدر في المقاومة.\n"
                     "وبحسب استطلاع لإنتاج أوبك أجرته رويترز فإن الإنتاج ارتفع في يوليو.\n"
                     "وقالت هيئة المسح الجيولوجي الأمريكية إن الزلزال قوي.")
    assert find(sts, "وصلت التعزيزات")["speaker"]["name_ar"] == "مصدر في المقاومة"
    assert find(sts, "الإنتاج ارتفع")["speaker"]["name_ar"] == "رويترز"
    assert find(sts, "الزلزال قوي")["speaker"]["name_ar"] == "هيئة المسح الجيولوجي الأمريكية"


def test_an_accusative_participle_right_before_its_preposition_needs_no_comma():
    sts = own_spanned("وأكد مدير الشركة أن ساعات كاسيو احتلت الصدارة في حجم مبيعاتها لافتا إلى تنوع وظائفها.\n"
                     "وفرضت السلطات إجراءات مشددة على دخول المصلين.")
    pointed = find(sts, "تنوع وظائفها")
    assert pointed["cue"] == "لافتا" and pointed["speaker"]["name_ar"] == "مدير الشركة"
    assert find(sts, "احتلت الصدارة")["content"].endswith("مبيعاتها")
    assert not [st for st in sts if st["cue"] == "مشددة"]  # an adjective: tightened measures


def test_one_of_a_group_named_with_a_pronoun_is_an_unnamed_source():
    sts = own_spanned("وقال أحد أبنائه إن هذا الدعم كبير، مضيفا أن الأسرة ممتنة.\n"
                     "وقالت إحدى قريباتها إن الحادث مؤلم.")
    assert_speakers(sts, {"الدعم كبير": "أحد أبنائه", "الأسرة ممتنة": "أحد أبنائه", "الحادث مؤلم": "إحدى قريباتها"})
    assert find(sts, "الحادث مؤلم")["speaker"]["kind"] == "anonymous"


def test_a_verbal_noun_of_the_form_tafa33ul_is_no_family_name_nor_a_body():
    sts = own_spanned("إلا أن المدرب رفض التخلي عنه.\nوقال التميمي إن الخطة جاهزة.\n"
                     "وأرجع التفشي إلى رجل عاد من رحلة عمل.")
    assert find(sts, "عنه")["speaker"]["name_ar"] == "المدرب"
    assert find(sts, "الخطة جاهزة")["speaker"]["name_ar"] == "التميمي"
    assert all(st["speaker"]["name_ar"] != "التفشي" for st in sts)


def test_a_role_adjective_in_i_after_a_first_name_is_the_family_name():
    sts = own_spanned("كما أدان الدكتور نبيل العربي الأمين العام لجامعة الدول العربية الجريمة الوحشية.\n"
                     "وقال أشرف العربي وزير التخطيط المصري أمس إن معدل النمو سيصل إلى 5 في المائة.")
    condemned = find(sts, "الجريمة الوحشية")
    assert condemned["speaker"]["name_ar"] == "نبيل العربي" and condemned["content"].startswith("الجريمة")
    assert find(sts, "معدل النمو")["speaker"]["name_ar"] == "أشرف العربي"
    sts = own_spanned("وتوقع وزير التخطيط أشرف العربي وصول معدل النمو إلى 5 في المائة.")
    assert find(sts, "وصول معدل النمو")["speaker"]["name_ar"] == "أشرف العربي"  # the object, no name


def test_a_feminine_participle_goes_on_a_body_named_by_a_masculine_head_and_a_feminine_name():
    sts = own_spanned('نشر تنظيم "جبهة النصرة" ذراع تنظيم القاعدة في سوريا، شريط فيديو يؤكد فيه قيامه هذا الأسبوع '
                     'بخطف مقاتلين سوريين، متهمة إياهم "بالتعاون مع الغرب".')
    assert "جبهة النصرة" in find(sts, "بالتعاون مع الغرب")["speaker"]["name_ar"]


def test_reports_met_before_speak_again_as_these_reports():
    sts = own_spanned("وتناقلت وسائل إعلام جزائرية تقارير عن قيود على السفر. وذكرت هذه التقارير أن الرقابة تشمل التحقق. "
                     "وحسب تلك التقارير فإن السلطات فرضت إجراءات خاصة.")
    assert find(sts, "الرقابة تشمل")["speaker"]["kind"] == "anonymous"
    assert find(sts, "إجراءات خاصة")["speaker"]["name_ar"] == "التقارير"


def test_a_first_name_of_the_other_gender_and_a_noun_is_the_verbs_object():
    sts = own_spanned("وأكدت الشرطة أن الركاب سعوديون، كما نفت إصابة أشخاص على الأرض، وأكدت فتح تحقيق بهذا الشأن.\n"
                     "وقالت صبري إن الفيلم ناجح.\n"
                     "وقال وزير النقل بدر باسلمة إن الزيارة ليوم واحد.")
    opened = find(sts, "بهذا الشأن")
    assert opened["speaker"]["name_ar"] == "الشرطة" and opened["content"].startswith("فتح تحقيق")
    assert_speakers(sts, {"الفيلم ناجح": "صبري", "ليوم واحد": "بدر باسلمة"})


def test_a_counted_group_speaks_when_its_object_with_a_pronoun_follows():
    sts = own_spanned("وأبدى عدد من زوار المهرجان سعادتهم بإقامة المهرجان للسنة الثامنة على التوالي، مشيدين بما يشهده "
                     "من فعاليات.")
    assert_speakers(sts, {"سعادتهم بإقامة": "عدد من زوار المهرجان", "بما يشهده": "عدد من زوار المهرجان"})


def test_families_and_relatives_speak_as_groups():
    sts = own_spanned("وعبّرت أسر الشهداء عن اعتزازهم وفخرهم باستشهاد أبنائهم؛ مثنين على مواساتهم لهم.\n"
                     "وطالب ذوو الضحايا بمحاسبة المسؤولين.")
    assert_speakers(sts, {"اعتزازهم وفخرهم": "أسر الشهداء", "مواساتهم لهم": "أسر الشهداء",
                          "محاسبة المسؤولين": "ذوو الضحايا"})


def test_a_quoted_name_after_a_verb_of_informing_is_the_outlet_informed_even_when_unlisted():
    sts = own_spanned('أبلغ "الاقتصادية" مصرفيون، أن سندات التنمية الحكومية تعد أوراقا مالية قوية، فيما أوضحوا أن '
                     'هذه السندات ستزاحم القطاع الخاص.')
    assert_speakers(sts, {"أوراقا مالية قوية": "مصرفيون", "ستزاحم القطاع": "مصرفيون"})


def test_an_office_of_a_body_or_place_named_in_construct_and_its_holder():
    sts = own_spanned("وقال مؤسس موقع ويكيليكس جوليان أسانج إننا نرى أن الحكومة كانت تهتم.\n"
                     "وأشار وكيل محافظة الأحساء إلى أن الرعاية متوفرة.\n"
                     "وقال مدير مطار الملك خالد الدولي إن الرحلات عادت.\n"
                     "وأكد متحدث باسم مطار بلاكبوش أن الطائرة من طراز إمبراير.\n"
                     "وصرحت رئيسة بلدية كاليه ناتاشا بوشار بأن على البريطانيين أن يقبلوا.\n"
                     "وأكد رئيس مدينة الملك عبدالعزيز للعلوم والتقنية على مشاركة المدينة.\n"
                     "يذكر أن تورستن البيج، رئيس حكومة ولاية شلزفيغ هولشتاين، كان قد شكك في فرص فوز الحزب.")
    assert_speakers(sts, {"الحكومة كانت تهتم": "جوليان أسانج", "الرعاية متوفرة": "وكيل محافظة الأحساء",
                          "الرحلات عادت": "مدير مطار الملك خالد الدولي",
                          "من طراز إمبراير": "متحدث باسم مطار بلاكبوش", "على البريطانيين": "ناتاشا بوشار",
                          "مشاركة المدينة": "رئيس مدينة الملك عبدالعزيز للعلوم والتقنية"})
    assert find(sts, "مشاركة المدينة")["content"].startswith("على مشاركة")
    assert all("هولشتاين" != s["speaker"]["name_ar"] for s in sts)


def test_many_of_a_group_a_team_of_a_group_the_other_defendants_and_the_press():
    sts = own_spanned("وأعرب العديد من زوار مركز المعارض عن سعادتهم بهذه الفعاليات.\n"
                     'وكتب فريق الباحثين في شركة "زيمبريوم" عبر الإنترنت أن هذه الثغرة بالغة الخطورة.\n'
                     "ووجد فريق خارجي أن الأرباح ضخمت.\n"
                     "وباستثناء عبد الرحمن سعود الذي أقر بانتمائه إلى التنظيم، نفى المتهمون الآخرون أي ضلوع لهم.\n"
                     "وفي منتصف تموز، نقلت الصحافة المحلية أن النائب العام يعتزم طلب العقوبة القصوى.")
    assert_speakers(sts, {"سعادتهم بهذه": "العديد من زوار مركز المعارض", "الثغرة بالغة": 'فريق الباحثين في شركة "زيمبريوم"',
                          "الأرباح ضخمت": "فريق خارجي", "أي ضلوع لهم": "المتهمون الآخرون",
                          "يعتزم طلب": "الصحافة المحلية"})
    assert find(sts, "الأرباح ضخمت")["speaker"]["kind"] == "anonymous"


def test_the_topic_after_amma_speaks_by_the_verb_that_answers_it_with_fa():
    sts = own_spanned("وتابع زياد طارق أن الحكومة تعد دائما بتحسين المياه.\n"
                     "أما رعد جاسم (36 سنة) الموظف في شركة «نفط الجنوب»، فقال إن «غضب سكان البصرة يعود أساسا».\n"
                     "أما الكاتب والمحرر في مجلة «العربي» إبراهيم المليفي، فذكر أنه يقرأ كتابا.\n"
                     "أما مسؤول إدارة الاتصالات عبد الباسط الفقيه، فشدد على استعادة خدمة الإنترنت.\n"
                     "وأما الوزارة فأكدت أن الخطة جاهزة.")
    assert_speakers(sts, {"غضب سكان البصرة": "رعد جاسم", "يقرأ كتابا": "إبراهيم المليفي",
                          "الخطة جاهزة": "الوزارة"})
    assert find(sts, "استعادة خدمة")["speaker"]["name_ar"].endswith("عبد الباسط الفقيه")


def test_a_dateline_before_its_colon_holds_no_subject_for_a_participle():
    sts = own_spanned("مانيلا - «الشرق الأوسط»: أيد رئيس الفلبين بنينو أكينو، أمس، ترشيح وزير الداخلية خلفا له، "
                     "قائلا إن مانويل روكساس سيواصل الإصلاحات.")
    assert_speakers(sts, {"سيواصل الإصلاحات": "بنينو أكينو"})


def test_a_body_speaks_through_the_person_named_after_ala_lisan():
    sts = own_spanned("وفي السياق ذاته، حذرت مديرية الدفاع المدني بالباحة على لسان متحدثها العقيد جمعان بن دايس الغامدي "
                     "من الاقتراب من الأودية، مناشدة الجميع عدم الجلوس بها.\n"
                     "فيما حذرت مديريات الدفاع المدني من الاقتراب من بطون الأودية.")
    assert_speakers(sts, {"من الاقتراب من الأودية": "جمعان بن دايس الغامدي", "عدم الجلوس بها": "جمعان بن دايس الغامدي",
                          "بطون الأودية": "مديريات الدفاع المدني"})
    assert find(sts, "من الاقتراب من الأودية")["content"].startswith("من الاقتراب")


def test_chanting_revealing_with_bi_an_a_one_word_name_before_its_office_and_forecasts():
    sts = own_spanned('وهتف المتظاهرون "باسم الدين باعونا الحرامية"، وبينهم طلاب.\n'
                     "وأبان الدكتور سمير توكل بأن المهرجان يشهد فعاليات مسرحية.\n"
                     "وصرح شومهري، مدير قسم الإغاثة وإعادة التوطين في وزارة الشؤون الاجتماعية، بأنه قتل 27 شخصا.\n"
                     "ولا تزال الفرصة مهيأة لهطول الأمطار حسب توقعات الرئاسة العامة للأرصاد.")
    assert_speakers(sts, {"باعونا الحرامية": "المتظاهرون", "فعاليات مسرحية": "سمير توكل",
                          "قتل 27 شخصا": "شومهري", "لهطول الأمطار": "الرئاسة العامة للأرصاد"})


def test_a_quoted_name_inside_the_clause_before_is_no_content_and_an_adverb_stands_before_the_object():
    sts = own_spanned('وباستثناء عبد الرحمن سعود الذي أقر بانتمائه إلى "داعش"، نفى المتهمون الآخرون أي ضلوع لهم.\n'
                     '"لن نتراجع عن مطالبنا"، قال المتحدث باسم المحتجين.\n'
                     "إلى ذلك نفى الرئيس التركي رجب طيب أردوغان بقوة الاتهامات بأن تركيا تساعد التنظيم.")
    assert find(sts, "أي ضلوع")["content"].startswith("أي ضلوع")
    assert_speakers(sts, {"لن نتراجع": "المتحدث باسم المحتجين"})
    assert find(sts, "تركيا تساعد")["content"].startswith("الاتهامات بأن")


def test_a_body_that_opened_the_sentence_before_speaks_again_with_its_aside_of_where():
    sts = own_spanned("أطلقت هيئة الاتصالات وتقنية المعلومات السعودية، اليوم، تطبيقا لتقديم الشكاوى. وقالت، في تغريدات "
                     "لها، بموقع تويتر، اليوم: إنه يمكن من خلال التطبيق تقديم شكوى.\n"
                     "وكانت الرئاسة العامة للأرصاد وحماية البيئة، قد توقعت هطول أمطار رعدية.")
    said = find(sts, "تقديم شكوى")
    assert said["speaker"]["name_ar"] == "هيئة الاتصالات وتقنية المعلومات السعودية" and said["content"].startswith("إنه يمكن")
    assert_speakers(sts, {"أمطار رعدية": "الرئاسة العامة للأرصاد وحماية البيئة"})


def test_an_idh_clause_hangs_on_the_clause_it_ends_and_a_source_keeps_its_anonymity_aside():
    sts = own_spanned("يختتم الفريق اليوم مبارياته الودية، وعلى الجانب الآخر تحدث رئيس النادي ناصر الهويدي مع اللاعبين "
                     "إذ أكد لهم أهمية المرحلة المقبلة.\n"
                     "وقال مصدر عسكري لـ«الشرق الأوسط» إن «اللحظة كانت متوقعة»، وأضاف المصدر، الذي رفض الكشف عن "
                     "هويته، أن «التمرد يتسع يوميا».\n"
                     "وفي رد على سؤال: ما حكم التكبير؟ أجاب أستاذ الثقافة الإسلامية بجامعة الخرطوم عبد الحي يوسف: "
                     "الدعاء مشروع.")
    assert_speakers(sts, {"أهمية المرحلة": "ناصر الهويدي", "التمرد يتسع": "مصدر عسكري",
                          "الدعاء مشروع": "عبد الحي يوسف"})
    assert not any(s["cue"] == "رد" for s in sts)


def test_what_was_said_during_a_call_goes_to_its_caller_or_to_the_one_who_made_it():
    sts = own_spanned("تلقى خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود اتصالا هاتفيا اليوم من فخامة الرئيس "
                     "فرانسوا هولاند رئيس الجمهورية الفرنسية جدد خلاله ترحيبه بزيارته.\n"
                     "من ناحية أخرى أجرى خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود اتصالا هاتفيا اليوم "
                     "بالرئيس عبدالفتاح السيسي أكدا خلاله على أهمية إعلان القاهرة، مؤكدين حرصهما على التعاون.\n"
                     "كما بعث الأمير محمد بن نايف برقية مماثلة للرئيس باتريك الين عبر فيها عن أبلغ التهاني.")
    assert_speakers(sts, {"ترحيبه بزيارته": "فرانسوا هولاند", "أهمية إعلان القاهرة": "خادم الحرمين الشريفين الملك سلمان",
                          "حرصهما على التعاون": "خادم الحرمين الشريفين الملك سلمان",
                          "أبلغ التهاني": "الأمير محمد بن نايف"})


def test_a_verbal_noun_behind_ba_after_the_subjects_comma_is_what_the_verb_asks_for():
    sts = own_spanned("طالبت اللجنة الوطنية لمكافحة المخدرات، بتوجيه المختصين في الأمانات، بأن تكون برامجهم الوقائية "
                     "تحت شعار المشروع الوطني.")
    assert only(sts)["content"].startswith("بتوجيه المختصين")


def test_a_participle_hangs_on_a_group_subject_of_any_first_verb_but_not_on_words_quoted():
    sts = own_spanned("تناول عدد من المواقع الرياضية في اليونان خبر انتقال اللاعب إلى الأهلي، واصفة إياه بالصفقة الكبيرة.\n"
                     "وكانت جماهير النادي الأهلي تغنت بلاعبها الجديد، متوقعة أن يقدم مستويات كبيرة.\n"
                     'وقال عبدالرحمن الحصيني إن المهرجان ناجح. ويتابع: "أحد تجار العسل في المهرجان قال إن العسل '
                     'من أجود الأنواع"، مشيرا إلى أن الترتيبات كانت سريعة.')
    assert_speakers(sts, {"بالصفقة الكبيرة": "عدد من المواقع الرياضية في اليونان",
                          "مستويات كبيرة": "جماهير النادي الأهلي", "الترتيبات كانت سريعة": "عبدالرحمن الحصيني"})


def test_a_question_before_the_answer_a_one_word_quote_and_a_claim_of_responsibility():
    sts = own_spanned('ولدى سؤاله عما إذا كان البشير سيحضر القمة قال نائب مندوب السودان لدى الأمم المتحدة حسن حميد حسن '
                     '"نعم".\n'
                     'قال الوزير "نعم سنفعل".\n'
                     "وتبنت جبهة النصرة خطف العناصر من الفرقة 30، متهمة إياهم بأنهم وكلاء لأمريكا.")
    assert_speakers(sts, {"نعم سنفعل": "الوزير", "خطف العناصر": "جبهة النصرة", "وكلاء لأمريكا": "جبهة النصرة"})
    assert any(s["content"] == "نعم" and s["speaker"]["name_ar"] == "حسن حميد حسن" for s in sts)
    assert find(sts, "خطف العناصر")["stance"] == "confirm"


def test_a_relative_clause_that_reports_speech_speaks_for_its_antecedent():
    sts = own_spanned('ونقلت شبكة سكاي سبورت اليوم تصريحات جوزيه مورينيو الذي قال "إنني سعيد للغاية بما قدمه فالكاو".\n'
                     'وظهر في التسجيل أبو يحيى التونسي الذي اعتبر أنه من الواجب قتال مجلس النواب.\n'
                     'وكان الملا منصور هو الزعيم الراحل الذي أعلن "أميرا للمؤمنين" في 1996.')
    assert_speakers(sts, {"سعيد للغاية": "جوزيه مورينيو", "من الواجب قتال": "يحيى التونسي"})
    assert not any("أميرا للمؤمنين" in s["content"] for s in sts)


def test_a_group_after_fainna_a_person_opening_the_sentence_before_and_a_noun_the_clause_completes():
    sts = own_spanned("ذهبت هيلاري كلينتون إلى أبعد من بوش في كلمتها. وقالت إن الناس حرموا من التصويت.\n"
                     "وعلى الرغم من تحذيرات المسؤولين، فإن خبراء ماليين مستقلين قالوا إن السندات قد لا تسدد.\n"
                     "استبعد الدبلوماسي أديب الشيشكلي، إمكانية أن يقبل النظام بالحل السياسي.\n"
                     "أما بيتر نيومان، مدير المركز الدولي لدراسة التطرف في لندن فيقول إن التنظيم يتغير.\n"
                     "تجد أحدهم يسافر شرقا وغربا، فإن عاد أخذ يفتي بحرمانية الاختلاط.")
    assert_speakers(sts, {"قد لا تسدد": "خبراء ماليين مستقلين", "حرموا من التصويت": "هيلاري كلينتون",
                          "يقبل النظام": "أديب الشيشكلي", "التنظيم يتغير": "بيتر نيومان"})
    assert find(sts, "يقبل النظام")["content"].startswith("إمكانية أن")
    assert not any("الاختلاط" in s["speaker"]["name_ar"] for s in sts)


def test_a_delegation_two_ministers_in_the_dual_and_a_counted_group_before_its_object():
    sts = own_spanned("أكد وفد من أعضاء الغرفة الدولية للنقل البحري، أن مصر تمضي على الطريق الصحيح، مشيرين إلى أن القناة "
                     "ستفيد التجارة.\n"
                     "وأكد وزيرا الداخلية في فرنسا وبريطانيا في مقال مشترك أن الإجراءات توجه رسالة واضحة، وأضافا أن "
                     "حدودنا آمنة.\n"
                     "وقدّر عدد من الخبراء النفطيين حجم الفوائض النفطية بثلاثة ملايين برميل.")
    assert_speakers(sts, {"القناة ستفيد": "وفد من أعضاء الغرفة الدولية للنقل البحري", "رسالة واضحة": "وزيرا الداخلية",
                          "حدودنا آمنة": "وزيرا الداخلية", "حجم الفوائض": "عدد من الخبراء النفطيين"})


def test_a_first_name_compounded_with_al_din_goes_on_to_the_family_name():
    sts = own_spanned("وأكد صلاح الدين دميرتاش أن حزبه مهدد بالحظر.\n"
                     "وقال عز الدين الحربي إن الوضع مستقر.\n"
                     "وقال رجال الدين إن الصلاة أقيمت.")
    assert_speakers(sts, {"مهدد بالحظر": "صلاح الدين دميرتاش", "الوضع مستقر": "عز الدين الحربي"})
    assert not any(s["speaker"]["kind"] == "person" and "رجال" in s["speaker"]["name_ar"] for s in sts)


def test_renewing_is_a_statement_only_with_what_was_said_before():
    sts = own_spanned("وجددت شركة الدواء شهادة الجودة العالمية حتى عام 2018.\n"
                     "وجددت إدارة النادي عقد اللاعب لمدة أربعة مواسم.\n"
                     "وجدد مجلس الوزراء المواقف الثابتة للمملكة من مختلف القضايا.\n"
                     "وجددت الوزارة تحذيرها من السفر إلى المناطق الموبوءة.")
    assert_speakers(sts, {"المواقف الثابتة": "مجلس الوزراء", "تحذيرها من السفر": "الوزارة"})
    assert not any("شهادة الجودة" in s["content"] or "عقد اللاعب" in s["content"] for s in sts)


def test_a_nisba_family_name_a_coordinator_research_centres_the_latest_report_and_a_relay_before_a_quote():
    sts = own_spanned("أشار الدكتور حافظ مغربي إلى أن القسم هو الوحيد.\n"
                     "وأوضح المنسق العام للجنة المحلية للانتخابات في منطقة عسير علي شطوان عسيري أن 99 مركزا جاهزة.\n"
                     "وتقول مراكز بحوث إن على فنزويلا أن تسدد ستة مليارات.\n"
                     "أفاد أحدث تقرير عقاري لمصرف أبوظبي الإسلامي بأن أسعار الإيجارات ارتفعت.\n"
                     'وقال النائب العام سالم سعيد كبيش وفق ما بثته وكالة الأنباء الإماراتية "تمت إحالة المتهمين إلى '
                     'المحكمة".\n'
                     "تلا ذلك كلمة مختصرة من وكيل المحافظة أكد فيها أنه يدرك حجم المسؤولية.")
    assert_speakers(sts, {"القسم هو الوحيد": "حافظ مغربي", "99 مركزا": "علي شطوان عسيري",
                          "تسدد ستة": "مراكز بحوث", "إحالة المتهمين": "سالم سعيد كبيش",
                          "حجم المسؤولية": "وكيل المحافظة"})
    assert "مصرف أبوظبي الإسلامي" in find(sts, "أسعار الإيجارات")["speaker"]["name_ar"]
    assert not any(s["cue"] == "وفق ما" for s in sts)


def test_offering_thanks_as_a_participle_explaining_an_office_over_something_and_the_complainant():
    sts = own_spanned("وأوضح الدكتور محمد الممتن أن معظم الحالات كانت بسيطة، مقدما شكره للمبادرات الرسمية والمجتمعية.\n"
                     "وشرح الطبيب محمود الشربيني أن ضربة الشمس تصيب المرء.\n"
                     "وأوضح المشرف على فرق الفنون الشعبية هذال العتيبي، أن مشاركة الفرق جاءت بناء على توجيهات الأمير.\n"
                     "وقال الشاكي إنه حمل وجبته إلى المنزل.")
    assert_speakers(sts, {"للمبادرات الرسمية": "محمد الممتن", "ضربة الشمس": "محمود الشربيني",
                          "مشاركة الفرق": "هذال العتيبي"})
    complaint = find(sts, "حمل وجبته")
    assert complaint["speaker"]["kind"] == "anonymous" and complaint["speaker"]["name_ar"] == "الشاكي"


def test_reminding_and_playing_down_as_participles_and_a_present_verb_about_a_topic_before_a_quote():
    sts = own_spanned("وقال الخبير أورلاندو أوشوا إنه لن يبقى شيء لبيعه، مذكرا بأن فنزويلا تخلت عن مصفاة شالميت.\n"
                     "وقال طلال النجار إن موعد وصوله في 6 أغسطس، مقللا في الوقت نفسه من حجم الإصابة.\n"
                     'وقال أحمد التميمي إن المسرح مهم. ويقول عن تجربته: "الفن موهبة فطرية".')
    assert_speakers(sts, {"تخلت عن مصفاة": "أورلاندو أوشوا", "حجم الإصابة": "طلال النجار",
                          "موهبة فطرية": "أحمد التميمي"})


def test_a_contrast_with_its_own_subject_ends_the_statement_before_and_the_friday_preacher():
    sts = own_spanned("وأفادت مصادر كردية بأن عشرة مدنيين قتلوا في هذه الغارات؛ لكن الجيش نفى استهدافه أي منطقة "
                     "مأهولة.\n"
                     "من جهة ثانية، دعا خطيب صلاة الجمعة في محافظة كربلاء عبدالمهدي الكربلائي، الحكومة إلى التعامل "
                     "مع طلبات المواطنين.\n"
                     "وحذر فرع وزارة العمل بمنطقة مكة المكرمة المواطنين من التعامل مع المكاتب غير المرخصة.")
    assert_speakers(sts, {"عشرة مدنيين": "مصادر كردية", "منطقة مأهولة": "الجيش",
                          "طلبات المواطنين": "عبدالمهدي الكربلائي",
                          "المكاتب غير المرخصة": "فرع وزارة العمل بمنطقة مكة المكرمة"})
    assert "الجيش" not in find(sts, "عشرة مدنيين")["content"]


def test_both_sides_valuing_justifying_commenting_with_a_colon_and_those_in_charge():
    sts = own_spanned("حيث أكد الجانبان حرصهما على بذل كافة الجهود لتعزيز الأمن.\n"
                     "وثمن أمير المنطقة جهود الجهات المشاركة في المهرجان.\n"
                     "برر وزير التعليم الدكتور عزام بن محمد الدخيل، قرار تكليف المتخصصين بالإرشاد.\n"
                     'وعلقت نائبة رئيسة منظمة الصحة العالمية ماري بول كيني في جنيف: "إننا حقا على شفا إنتاج لقاح".\n'
                     'وذكر القائمون على الدراسة: "أشارت التجربة إلى أن اللقاح فعال".\n'
                     "وبرر الكثير من العاملين في صناعة النشر ذلك بأن سوق الكتاب تغير.\n"
                     "وارتفع ثمن النفط إلى 50 دولارا.")
    assert_speakers(sts, {"حرصهما على": "الجانبان", "جهود الجهات": "أمير المنطقة",
                          "تكليف المتخصصين": "عزام بن محمد الدخيل", "شفا إنتاج": "ماري بول كيني",
                          "اللقاح فعال": "القائمون على الدراسة",
                          "سوق الكتاب": "الكثير من العاملين في صناعة النشر"})
    assert not any("النفط" in s["content"] for s in sts)


def test_data_surveys_and_inquiries_speak_for_their_owner_and_a_shown_content_needs_its_subject():
    sts = own_spanned("وكشفت التحقيقات أن السائق كان مسرعا.\n"
                     'وأظهرت بيانات «فيتش سوليوشنز» أن المؤشر تراجع للأسبوع الثالث.\n'
                     "وأظهرت البيانات الصادرة عن هيئة الإحصاء أن البطالة انخفضت.\n"
                     "وأظهر مسح لرويترز أن إنتاج النفط ارتفع في يوليو.\n"
                     "وامتنع المتحدث باسم الوزارة عن التعليق على استطلاع أجرته شبكة محلية، حيث أظهر أن معظم "
                     "السكان يعارضون الخطة.\n"
                     "وأظهر اللاعب مستوى جيدا في المباراة.")
    assert_speakers(sts, {"المؤشر تراجع": "فيتش سوليوشنز", "البطالة انخفضت": "هيئة الإحصاء",
                          "إنتاج النفط": "رويترز", "السائق كان مسرعا": "تحقيقات"})
    assert not any(s["content"].startswith("معظم السكان") for s in sts)  # the poll shows it, not the spokesman
    assert not any("مستوى جيدا" in s["content"] for s in sts)


def test_a_country_ends_a_body_name_and_report_nouns_go_on_an_office_or_a_report():
    sts = own_spanned("أعلنت بورصة عمان إدراج سندات حكومية جديدة بقيمة مليار دينار.\n"
                     "وأعلن الحرس الوطني الثلاثاء أن الحريق أخمد.\n"
                     "وأشادت عميدة الدراسات العليا في الجامعة الدكتورة سارة الأحمد بالبرنامج.\n"
                     'فيما ذكر التقرير الأولي لمسح «ماركيت» أن مؤشر التصنيع تراجع.')
    listing = find(sts, "سندات حكومية")
    assert listing["speaker"]["name_ar"] == "بورصة عمان" and listing["content"].startswith("إدراج")
    assert_speakers(sts, {"الحريق أخمد": "الحرس الوطني", "بالبرنامج": "سارة الأحمد"})
    assert find(sts, "مؤشر التصنيع")["speaker"]["kind"] == "anonymous"


def test_went_on_saying_ended_by_saying_and_at_that_time_before_the_subject():
    sts = own_spanned("وقال رئيس البلدية إن العمل مستمر. ومضى بالقول: إن المشاريع ستنجز قريبا.\n"
                     "واختتم بقوله: «الأبواب مفتوحة للجميع».\n"
                     "وذكر آنذاك مدير المستشفى فهد العنزي أن الحالات مستقرة. ومضى إلى القول إن الأسرّة متوفرة.\n"
                     "ومضى عام على الحادث دون أن يعرف أحد الجاني.")
    assert_speakers(sts, {"المشاريع ستنجز": "رئيس البلدية", "الأبواب مفتوحة": "رئيس البلدية",
                          "الحالات مستقرة": "فهد العنزي", "الأسرّة متوفرة": "فهد العنزي"})
    assert sum("الأبواب مفتوحة" in s["content"] for s in sts) == 1  # بقوله: how it was said, not a second statement
    assert not any("الجاني" in s["content"] for s in sts)


def test_a_relay_from_him_a_byline_word_and_a_researcher_quoted_after_her_description():
    sts = own_spanned("وقال وزير الطاقة خالد الفالح إن السوق متوازنة. ونقل التلفزيون عنه قوله إن الإنتاج سيرتفع. "
                     'وأضاف "سنعود إلى مستويات ما قبل الأزمة".\n'
                     "سعيد الزهراني- سبق- متابعة: أعلن المتحدث الرسمي للهيئة أن الحملة بدأت.\n"
                     'وقالت الباحثة، "بدأنا نلاحظ أن النوم يتأثر". وقالت في رسالة "الضوء يؤثر في الساعة البيولوجية".\n'
                     "وقالت لورا سميث التي قادت الدراسة، وهي أستاذة في علم النفس بجامعة أكسفورد البريطانية، "
                     '"النتائج كانت مفاجئة".')
    assert_speakers(sts, {"الإنتاج سيرتفع": "خالد الفالح", "مستويات ما قبل": "خالد الفالح",
                          "الحملة بدأت": "المتحدث الرسمي للهيئة", "النوم يتأثر": "الباحثة",
                          "الساعة البيولوجية": "الباحثة", "النتائج كانت مفاجئة": "لورا سميث"})
    assert not any(s["cue"] == "متابعة" for s in sts)


def test_a_family_name_in_ta_marbuta_and_the_object_after_a_name():
    sts = own_spanned("وقال المهندس خالد الربيعة إن المشروع يسير وفق الخطة. وأكد الربيعة حرص الشركة على إنجازه.\n"
                     "من جانبه شكر مدرب الفريق سامي الحربي لاعبيه على مجهودهم في المباراة.\n"
                     "وأكد فيصل بن خالد الجاهزية التامة للموسم.")
    assert_speakers(sts, {"المشروع يسير": "خالد الربيعة", "حرص الشركة": "خالد الربيعة",
                          "مجهودهم": "سامي الحربي", "الجاهزية التامة": "فيصل بن خالد"})
    assert "لاعبيه" in find(sts, "مجهودهم")["content"]


def test_two_bare_nouns_after_an_unknown_word_are_the_object_not_a_name():
    sts = own_spanned("وأكد الموسى حرص بنك التنمية على دعم المشاريع الصغيرة.\n"
                     "وتوقعت مصممة الديكور سارة الصوفي تناميا في الطلب.")
    assert not any(s["speaker"]["name_ar"] == "حرص بنك" for s in sts)
    assert_speakers(sts, {"تناميا في الطلب": "سارة الصوفي"})


def test_a_verb_glued_to_fa_speaks_for_its_clause_subject_and_a_body_after_a_name_is_the_object():
    sts = own_spanned('استبشر الكاتب سامي الفهد خيرا بالاتفاق فكتب على صفحته في تويتر "صبر أهل اليمن لن يطول".\n'
                     "واستقبل الأمير فيصل بن سلمان الوفد في مكتبه فأكد أن الزيارة مهمة.")
    assert_speakers(sts, {"صبر أهل اليمن": "سامي الفهد", "الزيارة مهمة": "فيصل بن سلمان"})


def test_an_age_in_brackets_a_bare_who_aside_an_office_for_affairs_and_a_needed_preposition_after_a_comma():
    sts = own_spanned('وقال سميث (46 عاما) في بيان على صفحته "لن أرد على هذه الحماقة".\n'
                     "وقال كيم وانغ هو رئيس اللجنة المنظمة للصحفيين: نتوقع أن نعمل مع بكين.\n"
                     "وأعرب المفوض الأوروبي لشؤون التوسيع يوهانس هان، عن قلقه البالغ حيال تصاعد العنف.\n"
                     "وقالت المتحدثة باسم الشرطة الإسرائيلية لوبا السمري إن الشبان تحصنوا داخل المسجد.\n"
                     "وأكد المبعوث الأممي الحاجة إلى اتخاذ إجراءات حازمة.")
    assert_speakers(sts, {"هذه الحماقة": "سميث", "نعمل مع بكين": "كيم وانغ", "قلقه البالغ": "يوهانس هان",
                          "الشبان تحصنوا": "لوبا السمري", "إجراءات حازمة": "المبعوث الأممي"})
    assert find(sts, "إجراءات حازمة")["content"].startswith("الحاجة")


def test_between_a_condition_more_groups_of_people_and_a_feeling_after_a_group():
    sts = own_spanned("واستشهد فتى خلال مواجهات عنيفة ليلة أمس بين الشبان الفلسطينيين وقوات الاحتلال.\n"
                     "وبين الدكتور سالم العمري مدير إدارة الحج والعمرة، أن الاستعدادات اكتملت.\n"
                     "وحتى إذا لم يستجب الملاك على المدى القصير، فإنهم سيستجيبون لاحقا.\n"
                     "وعبر الطلبة المتفوقون عن شكرهم للجامعة، مشيرين إلى أنهم يتطلعون للدراسة في الخارج.\n"
                     "وأكد أصحاب المحلات أن الإقبال ضعيف.\n"
                     "وقد أبدى المصطافون البهجة والسرور بهطول الأمطار.")
    assert not any("وقوات الاحتلال" in s["content"] or "المدى القصير" in s["content"] for s in sts)
    assert_speakers(sts, {"الاستعدادات اكتملت": "سالم العمري", "يتطلعون للدراسة": "الطلبة المتفوقون",
                          "الإقبال ضعيف": "أصحاب المحلات", "بهطول الأمطار": "المصطافون"})


def test_participles_with_an_object_a_relay_to_whom_words_are_ascribed_thanks_offered_and_figures():
    sts = own_spanned("وأكد الوزير أن العلاقات قوية، مبرزا الدور الهام الذي تقوم به مصر.\n"
                     "وحذرت مديرية الدفاع المدني من التقلبات الجوية، داعية الجميع إلى توخي الحذر.\n"
                     'ونسبت الوكالة إلى قائد القوات الجوية فيكتور بونداريف قوله "الطيار الثاني حي".\n'
                     "وقال رئيس الاتحاد إبراهيم الزامل إن المنتخب قدم مستوى جيدا. وتوجه الزامل بالشكر للجنة الأولمبية "
                     "على دعمها.\n"
                     "أجمع عدد من الخبراء على أن الأسعار ستتراجع.\n"
                     "وتفيد الأرقام التي نشرتها وزارة الاقتصاد، أن الناتج المحلي تراجع.")
    assert_speakers(sts, {"الدور الهام": "الوزير", "توخي الحذر": "مديرية الدفاع المدني",
                          "الطيار الثاني": "فيكتور بونداريف", "للجنة الأولمبية": "إبراهيم الزامل",
                          "الأسعار ستتراجع": "عدد من الخبراء", "الناتج المحلي": "وزارة الاقتصاد"})
    assert "مبرزا" not in find(sts, "العلاقات قوية")["content"]


def test_groups_in_construct_and_what_a_group_warns_against():
    sts = own_spanned("وطالب أعضاء مجلس الشورى الوزارة بتسريع المشاريع.\n"
                     "وطالب مواطنون وزارة الإسكان بتسريع المشاريع.\n"
                     "وحذر خبراء من ارتفاع الأسعار.\n"
                     "وقال مسؤولون من وزارة الصحة إن الوضع مستقر.")
    assert_speakers(sts, {"الوزارة بتسريع": "أعضاء مجلس الشورى", "وزارة الإسكان بتسريع": "مواطنون",
                          "ارتفاع الأسعار": "خبراء", "الوضع مستقر": "مسؤولون من وزارة الصحة"})


def test_family_names_a_country_or_unknown_and_the_object_after_them():
    sts = own_spanned("وأكد فهد السويد أن غلاء الأسعار أجبره على الشراء.\n"
                     "وأكد عزام الدخيل أن البداية جادة.\n"
                     "وانتقد جيمس الحربي القرار الجديد.\n"
                     "وقال المدرب إن اللاعب محمد المرزوق سيعود. وأبدى المرزوق سعادته بهذه المفاجأة.\n"
                     "أعلن اللاعب الدولي نايف هزازي المنتقل حديثا لنادي النصر، عن اختراق حسابه.\n"
                     'وقال مدافع منتخب إنجلترا "كنا الأفضل على صعيد الفرص".')
    assert_speakers(sts, {"غلاء الأسعار": "فهد السويد", "البداية جادة": "عزام الدخيل",
                          "القرار الجديد": "جيمس الحربي", "سعادته": "المرزوق", "اختراق حسابه": "نايف هزازي",
                          "صعيد الفرص": "مدافع منتخب إنجلترا"})


def test_a_present_verb_of_saying_goes_on_with_the_speaker_before():
    sts = own_spanned("ويشير سالم الحكيم إلى أنه أمضى 30 عاما في هذه المهنة، ويبين أن اختلاف المسميات لا يفسد الطعم. "
                     "ويرى أن الإقبال يزداد في الشتاء.\n"
                     "وأجرت الشرطة تحقيقا في الحادث، وتبين أن السائق كان مسرعا.\n"
                     "ويذكر أن الحادث وقع أمس.")
    assert_speakers(sts, {"اختلاف المسميات": "سالم الحكيم", "يزداد في الشتاء": "سالم الحكيم"})
    assert not any("السائق" in s["content"] or "وقع أمس" in s["content"] for s in sts)
    assert own_spanned("ويرى أن الإقبال ضعيف.") == []  # no one before it to go on from


def test_data_from_a_body_a_double_rank_and_an_unknown_name_before_an_office():
    sts = own_spanned("أظهرت بيانات من مصلحة الإحصاءات العامة أن مساهمة القطاع النفطي بلغت 41 في المئة.\n"
                     'ونسبت الوكالة إلى الكولونيل جنرال سيرغي ليونوف قائد القوات البرية، قوله "الوضع مستقر".\n'
                     'وقال لـ"الاقتصادية" مشوح الحوشان وكيل وزارة الشؤون الاجتماعية المساعد للتنمية، إن الجمعية خيرية.')
    assert_speakers(sts, {"القطاع النفطي": "مصلحة الإحصاءات العامة", "الوضع مستقر": "سيرغي ليونوف",
                          "الجمعية خيرية": "مشوح الحوشان"})


def test_what_a_denial_is_about_ends_the_body_and_a_noun_with_their_feminine_pronoun_is_no_name():
    sts = own_spanned("نفت جامعة تبوك صحة الخبر المنشور في إحدى الصحف.\n"
                     "ورفضت إحدى الجهات العاملة في المطار دخولهن إلى الصالة.")
    assert_speakers(sts, {"الخبر المنشور": "جامعة تبوك", "إلى الصالة": "إحدى الجهات العاملة في المطار"})
    assert find(sts, "الخبر المنشور")["content"].startswith("صحة")


def test_in_the_view_of_urged_notes_and_the_dual_and_plural_of_expressed():
    sts = own_spanned("وبرأي باريس، فإن هذه الوضعية تمنع القاهرة من لعب دور قوي.\n"
                     "وحض المتحدث باسم الخارجية الدول المجاورة على التزام رد متكافئ.\n"
                     "وتلاحظ المصادر الفرنسية أن القاهرة أخذت بالبراغماتية منهجا.\n"
                     "وأعرب عدد من الزوار عن إعجابهم بالمعروضات.")
    assert_speakers(sts, {"دور قوي": "باريس", "رد متكافئ": "المتحدث باسم الخارجية",
                          "البراغماتية": "المصادر الفرنسية", "إعجابهم": "عدد من الزوار"})


def test_a_participle_that_ends_the_text_is_read_without_a_dateline():
    sts = own_spanned("وقال الوزير إن العمل مستمر.\nوأضاف مؤكدا")
    assert_speakers(sts, {"العمل مستمر": "الوزير"})


def test_an_opener_that_carries_the_subject_or_governs_a_verb_stays_with_the_content():
    sts = own_spanned("وقال المدير إنه سيزور المنطقة غدا.\n"
                     "وتوقع المحلل أن يرتفع عدد الزوار.\n"
                     "وأكد الوزير أن الوضع مستقر.\n"
                     "وأكد المتحدث أن تطوير القطاع مستمر.\n"
                     "وقال السفير إنه «مستعد للحوار».\n"
                     "ونفى المدرب أن يكون اللاعب قد طلب الرحيل.\n"
                     "وأكد الباحث أن تلك النتائج أولية.")
    assert find(sts, "سيزور المنطقة")["content"].startswith("إنه سيزور")  # he will visit: the pronoun is the subject
    assert find(sts, "اللاعب قد طلب")["content"].startswith("أن يكون")  # a verb the lexicons know (كان) too
    assert find(sts, "النتائج أولية")["content"].startswith("تلك")  # a demonstrative is no verb
    assert find(sts, "عدد الزوار")["content"].startswith("أن يرتفع")  # expected to rise, not said to rise
    assert find(sts, "الوضع مستقر")["content"].startswith("الوضع")  # a bare أن before a noun opens the words
    assert find(sts, "تطوير القطاع")["content"].startswith("تطوير")  # a verbal noun in ت is no verb
    assert find(sts, "مستعد للحوار")["content"].startswith("مستعد")  # the quotation is the content


def test_what_a_body_is_between_commas_is_no_part_of_its_words():
    sts = own_spanned("أعلنت شركة الخليج، الناقل الوطني البحريني، عن إطلاق رحلات جديدة.\n"
                     "وقالت الشركة إن الرحلات تبدأ غدا، وأعلن طيران وطن، الناقل الجديد، عن تخفيض الأسعار.")
    assert_speakers(sts, {"إطلاق رحلات": "شركة الخليج", "تخفيض الأسعار": "طيران وطن"})
    assert find(sts, "إطلاق رحلات")["content"].startswith("عن إطلاق")  # not «الناقل الوطني البحريني، عن …»
    assert find(sts, "تخفيض الأسعار")["content"].startswith("عن تخفيض")


def test_the_subject_after_kana_in_the_narration_before_says_the_next_words():
    sts = own_spanned("وقال جون كيري إن المحادثات جيدة. وكان فارس العتيبي افتتح اللقاء بعرض خطة العمل. "
                     "وأضاف أن التعاون مستمر.\n"
                     "وقال المدرب إن الفريق جاهز. وكان الفريق واصل تمارينه أمس. وأضاف أن اللاعبين مستعدون.")
    assert_speakers(sts, {"التعاون مستمر": "فارس العتيبي", "اللاعبين مستعدون": "المدرب"})  # not a general «الفريق واصل»


def test_the_topic_of_a_clause_is_never_its_subject():
    sts = own_spanned("وحول هذا المركز تحدث رئيس مجلس الإدارة الدكتور سامي العلي، حيث قال: إن الأرباح كبيرة.\n"
                     "وأوضح المدرب أن الفريق جاهز، وعن رحيله عن النادي قال: إن القرار نهائي.")
    assert_speakers(sts, {"الأرباح كبيرة": "سامي العلي", "القرار نهائي": "المدرب"})
    assert find(sts, "الفريق جاهز")["content"].rstrip("،, ").endswith("جاهز")  # the topic opens the next words


def test_a_refusal_to_give_ones_own_name_is_an_aside_on_the_source_not_a_statement():
    sts = own_spanned("وقال مسؤول في البلدية رافضا الكشف عن اسمه إن المشروع متأخر.\n"
                     "وقال موظف، رفض الكشف عن هويته، إن الرواتب صرفت.\n"
                     "ورفض المتحدث الكشف عن قيمة العقد.")
    assert_speakers(sts, {"المشروع متأخر": "مسؤول في البلدية", "الرواتب صرفت": "موظف"})
    assert not any("اسمه" in s["content"] or "هويته" in s["content"] for s in sts)
    assert find(sts, "قيمة العقد")["stance"] == "decline_comment"  # a refusal to reveal something else speaks


def test_a_family_name_met_before_speaks_in_a_subordinate_clause_and_past_time_words():
    sts = own_spanned("قال الوزير جواد ليفانتي إن الميزانية صعبة.\n"
                     "وتراجعت السوق عندما أعلن ليفانتي أنه خفض توقعاته.\n"
                     "والتقى المحافظ سامر دوبريه أمس.\n"
                     "وأكد دوبريه الأسبوع الماضي أن الخطة جاهزة.")
    assert_speakers(sts, {"خفض توقعاته": "جواد ليفانتي", "الخطة جاهزة": "سامر دوبريه"})


def test_a_relative_clause_speaks_for_its_antecedent_past_where_it_was_said():
    sts = own_spanned("وتحدث الرئيس سامر دوبريه الذي أعلن في ختام أعمال المنتدى أن التعاون الاقتصادي سيتسع.\n"
                     "وتراجعت الأسهم بعد بيانات البنك المركزي الذي حذر في بيان أنه لن يضخ أموالا جديدة.")
    assert_speakers(sts, {"التعاون الاقتصادي": "سامر دوبريه", "أموالا جديدة": "البنك المركزي"})


def test_one_name_between_kana_and_its_past_verb_is_the_subject():
    sts = own_spanned("وقال الوزير سامر دوبريه إن الحوار مهم. وكان دوبريه أكد أمس أن العلاقات جديدة.")
    assert_speakers(sts, {"العلاقات جديدة": "سامر دوبريه"})


def test_a_relative_clause_describing_the_source_is_no_part_of_the_content():
    sts = own_spanned("وبحسب المحلل سامر الخطيب الذي تابع المفاوضات عن قرب، فإن الاتفاق بات قريبا.\n"
                     "وتحدث الوزير جواد ليفانتي الذي زار المدينة أمس عن خطة لتوسيع الميناء.")
    assert_speakers(sts, {"الاتفاق بات قريبا": "سامر الخطيب", "توسيع الميناء": "جواد ليفانتي"})
    assert find(sts, "الاتفاق بات قريبا")["content"].startswith("الاتفاق")
    assert find(sts, "توسيع الميناء")["content"].startswith("عن خطة")


def test_a_subject_before_its_verb_after_because_or_bal_inna():
    sts = own_spanned("وتأخر المشروع لأن المدير صرح بأن التمويل لم يصل.\n"
                     "بل إن بعض الموظفين أكدوا أن الرواتب تأخرت.")
    assert_speakers(sts, {"التمويل لم يصل": "المدير", "الرواتب تأخرت": "بعض الموظفين"})


def test_an_indefinite_source_before_the_verb_that_describes_it_is_its_subject():
    sts = own_spanned("وتداولت مواقع محلية تقارير تفيد بأن الميناء سيغلق.\n"
                     "ونقلت القناة عن شهود قالوا إن الحريق امتد.\n"
                     "وأوقفت الشرطة شخصا اتهم بسرقة المتجر.\n"
                     "وحدد التقرير عوامل رئيسة تدعو إلى القلق.")
    assert_speakers(sts, {"الميناء سيغلق": "تقارير", "الحريق امتد": "شهود"})
    assert not any("سرقة المتجر" in s["content"] or "القلق" in s["content"] for s in sts)


def test_a_subject_before_its_verb_after_in_turn():
    sts = own_spanned("قال الوزير سامي العلي إن الاتفاق جيد.\n"
                     "بدوره المخرج جواد ليفانتي، قال إن المنطقة تمر بظرف صعب.\n"
                     "ومن جهته المدير العام قال إن العمل مستمر.")
    assert_speakers(sts, {"بظرف صعب": "جواد ليفانتي", "العمل مستمر": "المدير العام"})


def test_the_body_that_issued_a_report_speaks_for_the_verb_that_describes_it():
    sts = own_spanned("ونشرت الوزارة بيانا أكد أن الرحلات ستستأنف.\n"
                     "وأصدرت مجموعة استشارية تقريرا هذا الشهر قال إن الأسعار ستنخفض.\n"
                     "ونقلت الصحيفة عن الوزير سامي العلي تصريحات عبر فيها عن تفاؤله.")
    assert_speakers(sts, {"الرحلات ستستأنف": "الوزارة", "الأسعار ستنخفض": "مجموعة"})
    assert find(sts, "تفاؤله")["speaker"]["name_ar"] != "الصحيفة"


def test_writers_critics_and_historians_are_offices_their_names_follow():
    sts = own_spanned("وقال الناقد كوفي أدول إن الرواية طويلة.\n"
                     "وأكدت الروائية ميرتا دوبريه أن الترجمة تأخرت.\n"
                     "ويرى المؤرخ يوران فيلدمان أن الوثائق ناقصة.")
    assert_speakers(sts, {"الرواية طويلة": "كوفي أدول", "الترجمة تأخرت": "ميرتا دوبريه",
                          "الوثائق ناقصة": "يوران فيلدمان"})


def test_one_name_after_the_one_spoken_to_before_a_colon_speaks():
    sts = own_spanned("قال لي فيلدمان: الطريق طويل.\n"
                     "فقال لي بلهجة هادئة: اصبر قليلا.")
    assert_speakers(sts, {"الطريق طويل": "فيلدمان"})
    assert find(sts, "اصبر قليلا")["speaker"]["name_ar"] != "بلهجة"


def test_a_name_described_by_an_aside_with_wahuwa_fills_the_subject_slot():
    sts = own_spanned("وقال جيم ويلمور، وهو مستشار سابق في الحزب، إن الحملة تعثرت.")
    st = find(sts, "الحملة تعثرت")
    assert st["speaker"]["name_ar"] == "جيم ويلمور" and st["speaker"]["kind"] == "person"
    assert st["speaker"]["role_ar"] == "مستشار سابق في الحزب"


def test_a_singular_noun_after_a_definite_group_is_the_verbs_object_not_its_description():
    sts = own_spanned("واستنكر الوزراء العنف المستمر ضد المدنيين، مؤكدين التزامهم بتقديم المساعدات.")
    assert {s["speaker"]["name_ar"] for s in sts} == {"الوزراء"}
    assert find(sts, "العنف المستمر")["cue"] == "استنكر"


def test_what_an_agency_is_for_and_its_adjective_belong_to_its_name_not_the_content():
    sts = own_spanned("وأشارت وكالة الأناضول للأنباء الحكومية إلى تراجع الصادرات.\n"
                     "وأفادت وكالة رويترز للأنباء بأن الميناء أغلق.")
    assert find(sts, "تراجع الصادرات")["content"].startswith("إلى تراجع")
    assert find(sts, "الميناء أغلق")["content"].startswith("الميناء")


def test_a_present_verb_goes_on_from_the_present_verb_of_the_same_speaker():
    sts = own_spanned("ويرى المزارعون أن الدعم غير كاف ويطالبون بزيادة القروض.\n"
                     "ويقول الوزير إن الوزارة تدرس الأمر وتؤكد أنها ستعلن النتائج.")
    assert_speakers(sts, {"بزيادة القروض": "المزارعون"})
    assert find(sts, "بزيادة القروض")["cue"] == "يطالبون"
    assert find(sts, "ستعلن النتائج")["cue"] == "يقول"  # a feminine verb: the ministry's, inside his words


def test_a_verb_with_the_person_it_acts_on_as_a_pronoun_is_a_cue():
    sts = own_spanned("وانتقد الوزير الشركة واتهمها بالتقصير.\n"
                     "واتصل الرئيس بالوزير وأبلغه أن القرار نهائي.\n"
                     "وزار المحافظ الطلاب وحثهم على الاجتهاد.\n"
                     "وهنأت الطالبة زميلتها بالفوز.")
    assert find(sts, "بالتقصير")["cue"] == "اتهمها"
    assert_speakers(sts, {"بالتقصير": "الوزير", "القرار نهائي": "الرئيس", "على الاجتهاد": "المحافظ"})
    assert not any(s["cue"] == "الطالبة" for s in sts)  # a noun in ة is no verb with its pronoun


def test_ali_before_al_and_a_family_is_the_first_name_not_the_preposition():
    sts = own_spanned("وأوضح علي آل مانع المحامي في القضية أن الجلسة تأجلت.\n"
                     "وحصل على آل الفرحان دعم من الأهالي، وقال مسؤول إن الحملة نجحت.")
    assert_speakers(sts, {"الجلسة تأجلت": "علي آل مانع"})
    assert find(sts, "الحملة نجحت")["speaker"]["name_ar"] != "على آل الفرحان"


def test_a_chief_of_a_profession_is_an_office_after_a_name():
    sts = own_spanned("وقالت نورا هيلبرغ كبيرة الاقتصاديين في المصرف إن التضخم سيتراجع.\n"
                     "وأعلن كبير المحررين في المجلة أن العدد المقبل سيتأخر.")
    assert_speakers(sts, {"التضخم سيتراجع": "نورا هيلبرغ", "العدد المقبل": "كبير المحررين في المجلة"})


def test_a_listed_first_name_after_fa_inna_and_a_role_before_its_verb_is_the_subject():
    sts = own_spanned("وعلى الرغم من التعادل، فإن سامي الخيبري قال إن الفريق تحسن.\n"
                     "لكن ماجد الحربي مدرب الحراس أكد أن التدريبات ستستمر.\n"
                     "ومن بين الحضور ابن الراحل، يوسف وأخوه الشيخ أمين الذي صرح أن الأسرة ممتنة.")
    assert_speakers(sts, {"الفريق تحسن": "سامي الخيبري", "التدريبات ستستمر": "ماجد الحربي"})
    assert all(s["speaker"]["name_ar"] != "يوسف" for s in sts)  # a relative clause before the verb


def test_a_report_inside_the_speaker_phrase_does_not_make_it_the_reports_owner():
    sts = own_spanned("وأفاد 70 % من الذين شملهم الاستطلاع الهاتفي بأن الخدمات تحسنت.\n"
                     "وأكدت الدراسة نفسها أن الإقبال سيزيد.")
    assert find(sts, "الخدمات تحسنت")["speaker"]["name_ar"].startswith("70 %")
    assert "70 %" not in find(sts, "الإقبال سيزيد")["speaker"]["name_ar"]


def test_how_many_after_an_indefinite_plural_source_is_part_of_it():
    sts = own_spanned("وقالت مصادر عدة إن المفاوضات توقفت.\n"
                     "وأفاد شهود كثيرون بأن الحريق بدأ ليلا.")
    assert_speakers(sts, {"المفاوضات توقفت": "مصادر عدة", "الحريق بدأ": "شهود كثيرون"})


def test_after_a_passive_report_or_alma_bi_anna_the_clause_opens_with_its_subject():
    sts = own_spanned("يذكر أن بعض الأطباء أكدوا أن اللقاح آمن.\n"
                     "علما بأن عددا من السكان أفادوا بأن المياه انقطعت.\n"
                     "يشار إلى أن سامي الخيبري قال إن المباراة تأجلت.")
    assert_speakers(sts, {"اللقاح آمن": "بعض الأطباء", "المباراة تأجلت": "سامي الخيبري"})
    assert find(sts, "المياه انقطعت")["speaker"]["kind"] == "anonymous"


def test_a_verb_of_duty_after_the_speaker_opens_the_words_and_is_no_name():
    sts = own_spanned("وقال الوزير يجب أن تكتمل الطرق قبل الشتاء.\n"
                     "وقال الشمراني ينبغي أن نراجع الخطة.\n"
                     "وقال المدرب علينا أن نستعد جيدا.")
    assert_speakers(sts, {"تكتمل الطرق": "الوزير", "نراجع الخطة": "الشمراني", "نستعد جيدا": "المدرب"})
    assert find(sts, "تكتمل الطرق")["content"].startswith("يجب أن")


def test_a_first_name_compounded_with_allah_and_a_pious_formula():
    sts = own_spanned("وقال المتحدث باسم الجماعة ذبيح الله قادري إن الهدنة صامدة.\n"
                     "وأعلن المتحدث عطا الله مجيدي اختيار منصور رئيسا للوفد.\n"
                     "وعلّم صلى الله عليه وسلم أصحابه الرفق، وقال: «الرفق زينة».")
    assert_speakers(sts, {"الهدنة صامدة": "ذبيح الله قادري", "رئيسا للوفد": "عطا الله مجيدي"})
    assert find(sts, "رئيسا للوفد")["content"].startswith("اختيار منصور")
    assert all("صلى الله" not in s["speaker"]["name_ar"] for s in sts)  # a formula, not a name


def test_the_noun_behind_the_ba_a_verb_needs_is_never_a_name_after_a_title():
    sts = own_spanned("ووجه الأمير بفتح تحقيق في أسباب الحريق.")
    assert_speakers(sts, {"تحقيق في أسباب": "الأمير"})


def test_a_bodys_head_in_construct_or_a_share_of_a_group_opens_the_clause_before_its_verb():
    sts = own_spanned("وفي المقابل فإن إدارة المستشفى أكدت أن الأجهزة تعمل.\n"
                     "لكن 35 في المئة من الطلاب قالوا إن الاختبار كان صعبا.")
    assert_speakers(sts, {"الأجهزة تعمل": "إدارة المستشفى", "الاختبار كان صعبا": "35 في المئة من الطلاب"})


def test_a_verb_that_is_also_a_first_name_opens_a_clause_whose_subject_speaks_after_wa():
    sts = own_spanned("أثار المدرب الشكوك حول جاهزية الحارس وقال إن القرار فني.\n"
                     "أثار ماتياس كورنر مدرب الفريق الشكوك حول الحارس وقال إن التغيير ضروري.")
    assert_speakers(sts, {"القرار فني": "المدرب", "التغيير ضروري": "ماتياس كورنر"})


def test_a_group_belonging_to_a_body_behind_li_keeps_it_in_its_description():
    sts = own_spanned("ودعت جمعيات تابعة لاتحاد الملاك إلى مقاطعة المزاد.\n"
                     "وكانت منظمات حقوقية دعت إلى الإفراج عن المعتقلين.\n"
                     "وكانت جماعات تابعة لحركة «النهضة»، طالبت بتأجيل الاقتراع.")
    assert_speakers(sts, {"مقاطعة المزاد": "جمعيات تابعة لاتحاد الملاك",
                          "الإفراج عن المعتقلين": "منظمات حقوقية",
                          "بتأجيل الاقتراع": "جماعات تابعة لحركة «النهضة»"})


def test_between_is_a_verb_of_saying_only_before_its_words():
    sts = own_spanned("وبين المدير الإقليمي؛ أن المشروع تأخر بسبب الأمطار.\n"
                     "وبين المجموعات المسلحة فصيل صغير يرفض الهدنة.\n"
                     "وكانت الخلافات بين الوزارة وبين الموردين قديمة.")
    assert_speakers(sts, {"المشروع تأخر": "المدير الإقليمي"})
    assert all(s["cue"] != "بين" or "المشروع" in s["content"] for s in sts)


def test_a_plural_of_people_in_un_after_the_first_verb_is_the_subject_of_the_next():
    sts = own_spanned("وقد فوجئ المتقاعدون بإلغاء البدل، وقالوا إن الصندوق لم يبلغهم.")
    assert_speakers(sts, {"الصندوق لم يبلغهم": "المتقاعدون"})


def test_the_body_opening_the_clause_before_a_comma_speaks_for_the_verb_after_it():
    sts = own_spanned("وقد أحكمت الشرطة المحلية الطوق على الحي الشرقي بعد مطاردة طويلة مع المهربين، "
                     "وأكدت أن المهربين لم يبق لهم مخبأ في المدينة.")
    assert_speakers(sts, {"لم يبق لهم مخبأ": "الشرطة المحلية"})


def test_a_named_speaker_with_its_own_words_ends_the_statement_it_follows():
    sts = own_spanned("وأكدت الشرطة أن الطريق أعيد فتحه أمام السيارات وتعهدت وزارة النقل في بيان "
                     "بأن الأعمال ستنتهي قبل الشتاء.")
    assert_speakers(sts, {"الطريق أعيد فتحه": "الشرطة", "الأعمال ستنتهي": "وزارة النقل"})
    assert "وزارة النقل" not in find(sts, "الطريق أعيد فتحه")["content"]


def test_a_listed_family_name_after_another_first_name_is_another_man():
    sts = own_spanned("وطالب الناشط الحقوقي حسن الشيباني البلدية بإصلاح الجسر.\n"
                     "وقالت المتحدثة فدريكا موغيريني إن الاتحاد يدعم الحوار.\n"
                     "وأكد نائب الرئيس خالد سالم بحاح أن الحكومة ستعود قريبا.")
    assert_speakers(sts, {"بإصلاح الجسر": "حسن الشيباني"})
    assert find(sts, "بإصلاح الجسر")["speaker"]["entity_id"] is None
    assert find(sts, "الاتحاد يدعم")["speaker"]["entity_id"] == "federica-mogherini"
    assert find(sts, "الحكومة ستعود")["speaker"]["entity_id"] == "khaled-bahah"


def test_a_listed_first_name_behind_fa_goes_on_with_the_name():
    sts = own_spanned("وقال مدير المركز الدكتور سامي فراس العتيبي إن العمل مستمر.")
    assert_speakers(sts, {"العمل مستمر": "سامي فراس العتيبي"})


def test_the_father_name_ali_written_with_ya_goes_on_with_the_name():
    sts = own_spanned("وأوضح المهندس ماهر علي الزهراني أن المشروع اكتمل.\n"
                     "وقال الدكتور سامر علي عبدالله إن التجربة نجحت.\n"
                     "وأكد المدير ماهر على أهمية الصيانة.")
    assert_speakers(sts, {"المشروع اكتمل": "ماهر علي الزهراني", "التجربة نجحت": "سامر علي عبدالله"})


def test_a_plural_of_things_before_its_words_is_the_subject_of_a_feminine_verb():
    sts = own_spanned("وأكدت الصحف أن المفاوضات تعثرت.\n"
                     "ولفتت المواقع الإخبارية إلى أن الوفد غادر مبكرا.\n"
                     "ودعت الأهالي إلى الابتعاد عن مجاري السيول.")
    assert_speakers(sts, {"المفاوضات تعثرت": "الصحف", "الوفد غادر": "المواقع الإخبارية"})
    assert all(s["speaker"]["name_ar"] != "الأهالي" for s in sts)


def test_a_country_opening_the_clause_speaks_for_the_verb_coordinated_with_it():
    sts = own_spanned("وتستضيف اليونان آلاف المهاجرين منذ بداية العام، وقالت إنها لا تستطيع استقبال المزيد.\n"
                     "وزار الوزير تركيا الشهر الماضي، وقال إن التعاون سيتوسع.")
    assert_speakers(sts, {"لا تستطيع استقبال": "اليونان", "التعاون سيتوسع": "الوزير"})


def test_an_unnamed_group_accused_past_a_short_relative_clause_is_the_object():
    sts = own_spanned("وأكد القائد أن الميزانية لا تكفي، كما اتهم جهات رسمية لم يسمها بالتقصير في الصرف.\n"
                     "واتهم الوزير الشركة بالتقصير.")
    assert_speakers(sts, {"لم يسمها بالتقصير": "القائد", "الشركة بالتقصير": "الوزير"})


def test_a_body_named_only_in_quotes_speaks_in_the_haythu_clause_after_it():
    sts = own_spanned("وتنشط «كتائب الفجر الجديد»، في المنطقة الجبلية، حيث أعلنت مسؤوليتها عن تفجير الجسر.")
    assert_speakers(sts, {"تفجير الجسر": "كتائب الفجر الجديد"})


def test_a_clause_of_time_with_no_subject_speaks_with_the_main_clause_subject():
    sts = own_spanned("وأغضب مدرب المنتخب الجماهير، عندما أكد أن التشكيلة لن تتغير قبل البطولة.\n"
                     "وفاجأ اللاعب سالم الراشد متابعيه بعدما أعلن أنه سيعتزل الغناء.\n"
                     "وكانت جماهير الفريق قد انتقدت الحارس بعد أن قال إنه يريد الرحيل.")
    assert_speakers(sts, {"التشكيلة لن تتغير": "مدرب المنتخب", "سيعتزل الغناء": "سالم الراشد"})
    assert all(s["cue"] != "قال" for s in sts)  # not الفريق: the masses, not the club


def test_a_plural_of_things_before_the_verbs_preposition_is_its_subject_unless_the_verb_calls_on_someone():
    sts = own_spanned("وأشارت المصادر إلى وجود خلاف بين الشريكين حول توزيع الأرباح.\n"
                     "وأشادت الجماهير بأداء الحارس في المباراة الأخيرة.\n"
                     "ودعت الأهالي إلى الابتعاد عن الأودية.")
    assert_speakers(sts, {"وجود خلاف": "المصادر", "بأداء الحارس": "الجماهير"})
    assert all(s["speaker"]["name_ar"] != "الأهالي" for s in sts)


def test_a_body_named_only_in_quotes_right_after_the_verb_is_its_subject():
    sts = own_spanned("وحذرت الهيئة العامة للنقل البحري السفن من العواصف. وذكرت الوزارة أن الأزمة انتهت. "
                     "وأوضحت \"النقل البحري\" في جدة أن القرار يشمل الموانئ كلها.\n"
                     "وقال \"مرصد أسعار الغذاء\" في تقريره الشهري إن الأسعار تراجعت.")
    assert_speakers(sts, {"يشمل الموانئ": "الهيئة العامة للنقل البحري", "الأسعار تراجعت": "مرصد أسعار الغذاء"})


def test_what_is_said_in_an_article_is_said_by_its_writer():
    sts = own_spanned("ونشرت الصحيفة مقالا للكاتب سامر الحداد أشار فيه إلى أن الأسواق تتعافى ببطء.")
    assert_speakers(sts, {"الأسواق تتعافى": "سامر الحداد"})


def test_ali_written_with_ya_right_before_the_words_ends_the_name():
    sts = own_spanned("وقال ياسر علي إن المهرجان سيقام في موعده.\n"
                     "وأكد حسام علي (41 عاما) أن المحل أغلق منذ شهرين.\n"
                     "وشدد ياسر على أن المهرجان سيقام في موعده.")
    assert_speakers(sts, {"سيقام في موعده": "ياسر علي", "المحل أغلق": "حسام علي"})
    assert find(sts[2:], "سيقام في موعده")["speaker"]["name_ar"] == "ياسر"


def test_a_count_or_a_toll_according_to_an_agency_is_the_agencys():
    sts = own_spanned("وبحسب حصيلة لوكالة الصحافة الفرنسية، قتل 12 مدنيا في القصف.\n"
                     "ووفق تعداد لوكالة رويترز، فإن 40 قاربا غرقت منذ بداية الشهر.")
    assert_speakers(sts, {"قتل 12 مدنيا": "وكالة الصحافة الفرنسية", "40 قاربا": "وكالة رويترز"})


def test_a_report_published_by_a_name_in_quotes_speaks_for_it():
    sts = own_spanned("وكشف تقرير نشرته \"الاقتصادية\" أن عدد الحجاج تراجع هذا العام.")
    assert_speakers(sts, {"عدد الحجاج": "الاقتصادية"})


def test_a_clause_that_runs_alongside_in_time_is_a_statement_of_its_own_subject():
    sts = own_spanned("وأبدى رئيس الاتحاد تحفظه على مسودة اللائحة، في وقت أكد فيه نائبه أن التصويت سيجري غدا.\n"
                     "وقال المدرب إن الفريق جاهز، في الوقت الذي أكدت فيه إدارة النادي أن العقد لم يجدد.")
    assert_speakers(sts, {"التصويت سيجري": "نائبه", "العقد لم يجدد": "إدارة النادي"})
    assert find(sts, "تحفظه على مسودة")["content"] == "تحفظه على مسودة اللائحة"
    assert find(sts, "الفريق جاهز")["content"] == "الفريق جاهز"


def test_a_role_in_apposition_keeps_its_complement_up_to_the_comma_before_the_words():
    sts = own_spanned("وأكد كارلوس مينديز، المبعوث الخاص إلى منطقة البحيرات، أن المفاوضات ستستأنف الشهر المقبل.")
    st = find(sts, "المفاوضات ستستأنف")
    assert st["speaker"]["name_ar"] == "كارلوس مينديز"
    assert st["content"].startswith("المفاوضات ستستأنف")


def test_a_speaker_behind_the_preposition_la_is_named_with_its_article():
    sts = own_spanned("ووفقا للمكتب الوطني للإحصاء فإن البطالة تراجعت إلى سبعة في المئة.\n"
                     "وطبقا للمرصد الوطني للمياه فإن المخزون يكفي لعامين.")
    assert find(sts, "البطالة تراجعت")["speaker"]["name_ar"] == "المكتب الوطني للإحصاء"
    assert find(sts, "المخزون يكفي")["speaker"]["name_ar"] == "المرصد الوطني للمياه"


def test_a_personal_pronoun_before_the_verb_stands_for_the_speaker_of_its_gender():
    sts = own_spanned("وقالت الباحثة منى الشهري إن العينة صغيرة. وهي تقول إن النتائج تحتاج إلى تأكيد.\n"
                     "وقال الأطباء إن الحالة مستقرة. وهم يؤكدون أن العلاج سيستمر أسبوعين.\n"
                     "ووقف المدرب وهو يرى حماس اللاعبين في التدريب.")
    assert_speakers(sts, {"النتائج تحتاج": "منى الشهري", "العلاج سيستمر": "الأطباء"})
    assert all(s["cue"] != "يرى" for s in sts)  # what he sees, no subject left unsaid


def test_a_group_noun_met_before_is_not_read_as_a_family_name():
    sts = own_spanned("كما استعرض الوزراء مسودة البيان الختامي.\n"
                     "واتفق الوزراء على أن الخطة ستسهم في أمن المنطقة، داعين الأطراف إلى أن تفي بالتزاماتها.")
    st = find(sts, "تفي بالتزاماتها")
    assert st["speaker"]["name_ar"] == "الوزراء" and st["speaker"]["kind"] != "person"


def test_some_of_a_group_named_by_a_pronoun_speak_as_an_unnamed_group():
    sts = own_spanned("واعتصم عمال المصنع أمام مقر الشركة. وقال بعضهم إن الرواتب تأخرت ثلاثة أشهر.\n"
                     "وأكد عدد منهم أن الإدارة لم ترد على مطالبهم.\n"
                     "وقال كثير منهم إن الإضراب سيستمر.")
    for words in ("الرواتب تأخرت", "الإدارة لم ترد", "الإضراب سيستمر"):
        assert find(sts, words)["speaker"]["kind"] == "anonymous"
    sent = own_spanned("واستمع المدير إلى الطلاب، ووجه بعضهم إلى مكتب القبول لإكمال ملفاتهم.")
    assert all(s["speaker"]["name_ar"] != "بعضهم" for s in sent)  # some of them were sent: the object


def test_came_in_a_rank_or_a_frame_quotes_no_text():
    sts = own_spanned("وتصدر الفيلم الجديد شباك التذاكر، بحسب مركز أبحاث السينما. وجاء في المركز الثاني هذا "
                     "الأسبوع فيلم الدراما «الرحلة»، الذي يشارك في بطولته ممثلون شبان، محققا إيرادات بلغت تسعة ملايين دولار.\n"
                     "وجاء في البيان أن اللجنة ستجتمع الأسبوع المقبل.")
    assert [s["cue"] for s in sts if "جاء" in s["cue"]] == ["جاء في"]
    assert all(s["speaker"]["name_ar"] != "المركز الثاني" for s in sts)


def test_a_subject_after_illa_anna_or_ghayr_anna_speaks_a_statement_of_its_own():
    sts = own_spanned("ولم تكشف الإدارة عن قيمة العقد إلا أن مصادر مطلعة أشارت إلى أنها بلغت مليون ريال.\n"
                     "ونفى الوزير وجود خلاف داخل الحزب، غير أن مصادر في الحزب أكدت أن الخلاف قائم.")
    assert find(sts, "بلغت مليون ريال")["speaker"]["kind"] == "anonymous"
    assert find(sts, "الخلاف قائم")["speaker"]["name_ar"] == "مصادر في الحزب"
    assert find(sts, "وجود خلاف")["content"] == "وجود خلاف داخل الحزب"


def test_an_abstract_noun_after_an_office_is_the_object_not_a_name():
    sts = own_spanned("وأكد المدرب جاهزية الفريق، غير أنه أشار إلى غياب الحارس.")
    assert find(sts, "جاهزية الفريق")["speaker"]["name_ar"] == "المدرب"
    assert find(sts, "غياب الحارس")["speaker"]["name_ar"] == "المدرب"


def test_a_body_named_in_quotes_speaks_past_a_description_between_commas():
    sts = own_spanned("أعلنت «ميراج العالمية للفنادق»، المسجلة في بورصة لندن، عن شراكة جديدة مع مجموعة للألعاب.")
    assert find(sts, "شراكة جديدة")["speaker"]["name_ar"] == "ميراج العالمية للفنادق"
