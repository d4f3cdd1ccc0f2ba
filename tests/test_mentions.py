"""Lexicon mentions: whole words only, proclitics allowed, one automaton."""
from __future__ import annotations

from isnad.lexicon import default_lexicon
from isnad.mentions import automaton, find_mentions
from isnad.text import fold

LEXICON = default_lexicon()


def mentions(text: str, category: str | None = None):
    folded = fold(text).text
    return folded, [m for m in find_mentions(LEXICON, folded) if category is None or m.category == category]


def test_automaton_is_built_once():
    assert automaton(LEXICON) is automaton(LEXICON)


def test_proclitics_before_an_entry():
    folded, found = mentions("وقال نائب السكرتير الصحفي للبيت الأبيض، أندرو بيتس، إن", "actor")
    by_id = {m.value: m for m in found}
    assert "white-house" in by_id and "andrew-bates" in by_id
    house = by_id["white-house"]
    assert folded[house.start:house.key_start] == "لل"  # للبيت = ل + البيت
    assert house.definite(folded)
    cues = mentions("وقال المتحدث", "cue")[1]
    assert [(c.key, c.prefix_len) for c in cues] == [("قال", 1)]


def test_no_match_inside_a_word():
    # قال inside مقالات / قالب / قالت; رد inside بارد and ورده; بيان inside تبيان
    _, cues = mentions("نشرت مقالات عن قالب بارد وورده في تبيان", "cue")
    assert cues == []
    _, cues = mentions("وقالت الوزارة", "cue")
    assert [c.key for c in cues] == ["قالت"]


def test_folding_variants_and_longest_first():
    # hamza, ta marbuta and the Persian yeh/kaf of the seeds fold to one key
    folded, found = mentions("المتحدثة باسم وزارة الخارجية الأميركية", None)
    starts = [m for m in found if m.start == 0]
    assert starts[0].category == "role" and starts[0].key == "المتحدثه باسم"
    org = next(m for m in found if m.category == "actor")
    assert org.value == "us-state-department"
    assert [m for m in found if m.start == org.start][0] is org  # longest entry first
    _, found = mentions("الأزمة الأوکرانیة", "country")
    assert found and found[0].value.iso3 == "UKR"


def test_country_adjectives_and_spans_in_folded_text():
    text = "قال مسؤولون أمريكيون إن"
    folded, found = mentions(text, "country")
    assert [(m.value.iso3, m.value.kind, folded[m.key_start:m.end]) for m in found] == \
        [("USA", "adjective", "امريكيون")]


def test_stance_phrases_are_found_in_content():
    _, found = mentions("إنه لا يتوافق مع الواقع على الإطلاق، وهي مزاعم عارية عن الصحة", "stance")
    assert {m.value["stance"] for m in found} == {"deny"}
    assert {m.key for m in found} >= {"لا يتوافق مع الواقع", "عاريه عن الصحه"}
