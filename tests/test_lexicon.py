"""Validation of the shipped lexicons (actors, roles, countries) and their loaders."""
from __future__ import annotations

import re
from importlib import resources

import pytest

from isnad.lexicon import date_bounds, default_lexicon

LEXICON = default_lexicon()
from isnad.text import fold, fold_key, lookup_forms, tokens

KINDS = {"person", "organization", "outlet", "agency", "government"}
DATE_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
ARABIC = re.compile(r"[\u0600-\u06ff]")
LATIN = re.compile(r"[A-Za-z]")

# Folded aliases knowingly shared by several actors (none so far: a shared
# surname is left out instead); a new clash must be added here on purpose.
DELIBERATE_AMBIGUITIES: dict[str, tuple[str, ...]] = {}
# Folded country forms knowingly shared by two countries.
DELIBERATE_COUNTRY_CLASHES = {fold_key("عمان"): {"OMN", "JOR"}}  # Oman / Amman


def raw_rows(name: str) -> tuple[list[str], list[list[str]]]:
    """Header and data rows of a shipped TSV, split on tabs without csv help."""
    text = resources.files("isnad.data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if line.strip() and not line.startswith("#")]
    return lines[0].split("\t"), [line.split("\t") for line in lines[1:]]


# --- files parse ---------------------------------------------------------------

@pytest.mark.parametrize("name", ["actors.tsv", "roles.tsv", "countries.tsv"])
def test_every_row_has_the_header_columns(name):
    header, rows = raw_rows(name)
    bad = [row[0] for row in rows if len(row) != len(header)]
    assert not bad, f"{name}: rows with a wrong number of columns: {bad}"
    assert all(row[0].strip() == row[0] and row[0] for row in rows)


@pytest.mark.parametrize("name", ["cues.tsv", "speaker_heads.tsv", "role_heads.tsv", "speech_words.tsv"])
def test_no_row_is_written_twice(name):
    _, rows = raw_rows(name)
    keys = [tuple(row[:2]) for row in rows]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    assert not repeated, f"{name}: rows written twice: {repeated}"


def test_loaders_parse_and_are_cached():
    assert len(LEXICON.actors) >= 300
    assert sum(len(v) for v in LEXICON.roles.values()) >= 300
    assert len(LEXICON.countries) >= 170
    assert LEXICON.actors is LEXICON.actors and LEXICON.roles is LEXICON.roles
    assert LEXICON.country_forms is LEXICON.country_forms and default_lexicon() is LEXICON


def test_notice_keeps_the_mit_licence():
    text = resources.files("isnad.data").joinpath("NOTICE-universal-petrarch.txt").read_text(
        encoding="utf-8"
    )
    assert "Copyright (c) 2016 Open Event Data Alliance" in text
    assert "actors.tsv" in text


# --- actors ----------------------------------------------------------------------

def test_actor_ids_are_unique_and_slugs():
    _, rows = raw_rows("actors.tsv")
    ids = [row[0] for row in rows]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_actor_fields_are_valid():
    iso3 = set(LEXICON.countries)
    for a in LEXICON.actors.values():
        assert a.kind in KINDS, a
        assert a.country is None or a.country in iso3, a
        assert a.wikidata is None or re.fullmatch(r"Q\d+", a.wikidata), a
        if a.kind == "person":
            assert a.gender in {"m", "f"}, a
        else:
            assert a.gender is None, a
        assert a.aliases_ar, a


def test_aliases_are_clean_single_script_phrases():
    for a in LEXICON.actors.values():
        for alias in a.aliases_ar:
            assert alias == alias.strip() and "  " not in alias, (a.entity_id, alias)
            assert not (ARABIC.search(alias) and LATIN.search(alias)), (a.entity_id, alias)


def test_aliases_of_an_actor_differ_after_folding():
    for a in LEXICON.actors.values():
        keys = [fold_key(alias) for alias in a.aliases_ar]
        assert len(keys) == len(set(keys)), a.entity_id


def test_no_alias_names_two_actors_unless_deliberate():
    assert LEXICON.ambiguous_aliases() == DELIBERATE_AMBIGUITIES


def test_actor_aliases_are_not_country_forms():
    forms = LEXICON.country_forms
    assert [k for k in LEXICON.actor_aliases if k in forms] == []


@pytest.mark.parametrize(
    "surface, entity_id",
    [
        ("سيرجي لافروف", "sergey-lavrov"),
        ("سيرغي لافروف", "sergey-lavrov"),
        ("لافروف", "sergey-lavrov"),
        ("بلومبرج", "bloomberg"),
        ("بلومبرغ", "bloomberg"),
        ("بلومبيرغ", "bloomberg"),
        ("وكالة بلومبرج", "bloomberg"),
        ("زيلينسكي", "volodymyr-zelensky"),
        ("زيلنسكي", "volodymyr-zelensky"),
        ("فولوديمير زيلينسكي", "volodymyr-zelensky"),
        ("ماريا زاخاروفا", "maria-zakharova"),
        ("زاخاروفا", "maria-zakharova"),
        ("دميتري بيسكوف", "dmitry-peskov"),
        ("ديمتري بيسكوف", "dmitry-peskov"),
        ("بيسكوف", "dmitry-peskov"),
        ("أندرو بيتس", "andrew-bates"),
        ("مايك والتز", "mike-waltz"),
        ("ماثيو ميلر", "matthew-miller"),
        ("يوري أوشاكوف", "yuri-ushakov"),
        ("دونالد ترامب", "donald-trump"),
        ("ترامب", "donald-trump"),
        ("ستيف ويتكوف", "steve-witkoff"),
        ("رستم أوميروف", "rustem-umerov"),
        ("جاريد كوشنر", "jared-kushner"),
        ("أندريه هناتوف", "andriy-hnatov"),
        ("فلاديمير بوتين", "vladimir-putin"),
        ("الكرملين", "kremlin"),
        ("البيت الأبيض", "white-house"),
        ("وزارة الخارجية الأمريكية", "us-state-department"),
        ("الخارجية الأميركية", "us-state-department"),
        ("البنتاغون", "pentagon"),
        ("جهاز الأمن الأوكراني", "sbu"),
        ("حلف شمال الأطلسي", "nato"),
        ("إن.بي.سي نيوز", "nbc-news"),
        ("إن بي سي", "nbc-news"),
        ("سي إن إن", "cnn"),
        ("رويترز", "reuters"),
        ("تاس", "tass"),
        ("RT Arabic", "rt-arabic"),
        ("روسيا اليوم", "rt-arabic"),
        ("كويت نيوز", "kuwait-news"),
        ("وكالة الأنباء السعودية", "spa"),
    ],
)
def test_seed_names_resolve(surface, entity_id):
    assert LEXICON.actor_aliases[fold_key(surface)] == entity_id


@pytest.mark.parametrize(
    "common_word", ["رئيسي", "ماسك", "مالي", "فتح", "كان", "العربية", "بنا", "الحرة", "الجزيرة", "لبيد", "وات"]
)
def test_common_words_are_not_aliases(common_word):
    assert fold_key(common_word) not in LEXICON.actor_aliases


def mentions(sentence: str) -> set[str]:
    """Entity ids found by a plain longest-match over folded tokens (proclitics stripped)."""
    aliases = LEXICON.actor_aliases
    words = [t.text for t in tokens(fold(sentence).text)]
    found = set()
    i = 0
    while i < len(words):
        for n in range(min(6, len(words) - i), 0, -1):
            hit = next(
                (
                    aliases[key]
                    for first in lookup_forms(words[i])
                    if (key := " ".join([first, *words[i + 1 : i + n]])) in aliases
                ),
                None,
            )
            if hit:
                found.add(hit)
                i += n
                break
        else:
            i += 1
    return found


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "وقالت المتحدثة باسم وزارة الخارجية الروسية، ماريا زاخاروفا، اليوم الخميس، إن المزاعم "
            "القائلة بأن مسؤولين أمريكيين أجروا محادثات سرية مع وزير الخارجية الروسي، سيرغي لافروف، مزيفة.",
            {"russian-foreign-ministry", "maria-zakharova", "sergey-lavrov"},
        ),
        (
            "وأفادت شبكة «إن.بي.سي نيوز» بأن مسؤولين أمريكيين سابقين اجتمعوا مع لافروف في نيويورك.",
            {"nbc-news", "sergey-lavrov"},
        ),
        (
            "ونقلت وكالة بلومبيرغ عن مصدرين مطلعين أن الرئيس الأوكراني فولوديمير زيلنسكي سيلتقي "
            "المبعوث الأمريكي ستيف ويتكوف في برلين.",
            {"bloomberg", "volodymyr-zelensky", "steve-witkoff"},
        ),
        (
            "وأكد وزير الخارجية الأميركي ماركو روبيو للصحفيين أن حلف الناتو لن يتخلى عن كييف، "
            "فيما رفض الكرملين التعليق بحسب رويترز.",
            {"marco-rubio", "nato", "kremlin", "reuters"},
        ),
        (
            "وقال المتحدث باسم الأمين العام للأمم المتحدة ستيفان دوجاريك إن غوتيريش يتابع "
            "المحادثات التي تستضيفها الدوحة بين حماس وإسرائيل.",
            {"un", "stephane-dujarric", "antonio-guterres", "hamas"},
        ),
    ],
)
def test_names_found_in_running_text(sentence, expected):
    assert mentions(sentence) == expected


# --- roles -----------------------------------------------------------------------

def test_role_rows_are_valid():
    known = LEXICON.actors
    iso3 = set(LEXICON.countries)
    for entity_id, held in LEXICON.roles.items():
        assert entity_id in known, entity_id
        assert known[entity_id].kind == "person", entity_id
        for r in held:
            assert r.role_en and r.role_ar and ARABIC.search(r.role_ar), r
            assert r.org is None or (r.org in known and known[r.org].kind != "person"), r
            assert r.country is None or r.country in iso3, r
            assert DATE_RE.fullmatch(r.start), r
            assert r.end is None or DATE_RE.fullmatch(r.end), r
            assert "1950-01-01" <= r.first_day <= r.last_day, r
            assert r.end is None or r.last_day <= "2026-12-31", r


def test_role_phrases_agree_with_gender():
    """A woman's role noun is feminine (المتحدثة، وزيرة), a man's is not (المتحدث، وزير)."""
    for entity_id, held in LEXICON.roles.items():
        feminine = LEXICON.actors[entity_id].gender == "f"
        for r in held:
            head = fold_key(r.role_ar).split()[0]
            assert head.endswith("ه") == feminine, (entity_id, r.role_ar)


def test_one_person_does_not_hold_the_same_role_twice_at_once():
    for entity_id, held in LEXICON.roles.items():
        for i, a in enumerate(held):
            for b in held[i + 1 :]:
                if a.role_en == b.role_en:
                    assert not a.held_during(b.first_day, b.last_day), (entity_id, a.role_en)


SINGLE_HOLDER = re.compile(
    r"(President|Prime Minister|Chancellor|Foreign Minister|Defence Minister|King|Emir|"
    r"Sultan|Crown Prince) of |US Secretary of |Foreign Secretary of |Secretary.General"
)


def test_single_holder_offices_do_not_overlap():
    """Two people never hold one office at once (only exact dates are compared)."""
    by_office: dict[str, list] = {}
    for held in LEXICON.roles.values():
        for r in held:
            if SINGLE_HOLDER.search(r.role_en) and "(acting)" not in r.role_en:
                by_office.setdefault(r.role_en, []).append(r)
    exact = re.compile(r"\d{4}-\d{2}-\d{2}")
    for office, holders in by_office.items():
        dated = [r for r in holders if exact.fullmatch(r.start) and (r.end is None or exact.fullmatch(r.end))]
        dated.sort(key=lambda r: r.start)
        for a, b in zip(dated, dated[1:]):
            assert a.end is not None and a.end <= b.start, (office, a.entity_id, b.entity_id)


HEAD = re.compile(r"^(President|Prime Minister|Chancellor|King|Emir|Sultan|Supreme Leader) of ")
FOREIGN = re.compile(r"^(Acting )?(Foreign Minister of|US Secretary of State|Foreign Secretary of)")


def holders_on(country: str, pattern: re.Pattern, date: str) -> list[str]:
    return [
        r.entity_id
        for held in LEXICON.roles.values()
        for r in held
        if r.country == country and pattern.search(r.role_en) and r.held_during(date, date)
    ]


@pytest.mark.parametrize(
    "country",
    ["USA", "RUS", "UKR", "DEU", "FRA", "GBR", "ITA", "ESP", "TUR", "IRN", "ISR", "EGY", "SAU",
     "QAT", "ARE", "KWT", "OMN", "BHR"],
)
@pytest.mark.parametrize("date", ["2015-09-01", "2018-01-15", "2020-06-01", "2022-12-01", "2024-06-01", "2026-11-01"])
def test_heads_are_covered_since_2015(country, date):
    assert holders_on(country, HEAD, date), (country, date)


@pytest.mark.parametrize(
    "country", ["USA", "RUS", "UKR", "DEU", "FRA", "GBR", "ITA", "TUR", "IRN", "ISR", "EGY", "SAU", "QAT", "ARE"]
)
@pytest.mark.parametrize("date", ["2016-06-01", "2018-01-15", "2020-06-01", "2022-12-01", "2024-06-01", "2026-11-01"])
def test_foreign_ministers_are_covered_since_2015(country, date):
    assert len(holders_on(country, FOREIGN, date)) == 1, (country, date)


def test_role_on_resolves_against_the_date():
    zakharova = LEXICON.role_on("maria-zakharova", "2024-01-26")
    assert zakharova.role_ar == "المتحدثة باسم وزارة الخارجية الروسية"
    assert zakharova.org == "russian-foreign-ministry" and zakharova.country == "RUS"
    assert LEXICON.role_on("matthew-miller", "2026-03-01") is None
    assert LEXICON.role_on("matthew-miller", "2024-08-08").role_en == "US State Department spokesperson"
    assert LEXICON.role_on("dmitry-peskov", "2024-01-26").org == "kremlin"
    assert LEXICON.role_on("andrew-bates", "2023-06-01").org == "white-house"
    assert LEXICON.role_on("mike-waltz", "2025-02-20").role_en == "US National Security Adviser"
    assert LEXICON.role_on("mike-waltz", "2025-07-01") is None
    assert LEXICON.role_on("mike-waltz", "2026-03-01").org == "un"
    assert LEXICON.role_on("rustem-umerov", "2024-05-01").role_en == "Defence Minister of Ukraine"
    assert LEXICON.role_on("rustem-umerov", "2025-12-05").role_ar == "كبير المفاوضين الأوكرانيين"
    assert LEXICON.role_on("yuri-ushakov", "2025-12-05").org == "kremlin"
    assert LEXICON.role_on("steve-witkoff", "2025-12-05") is not None
    assert LEXICON.role_on("donald-trump", "2022-06-01") is None
    assert LEXICON.role_on("donald-trump", "2019-05-01").start == "2017-01-20"


def test_role_on_without_a_year_takes_the_latest_role():
    assert LEXICON.role_on("donald-trump", None).start == "2025-01-20"
    assert LEXICON.role_on("donald-trump", "--12-05").start == "2025-01-20"
    assert LEXICON.role_on("unknown-person", None) is None
    assert len(LEXICON.roles_on("donald-trump", None)) == 2


def test_partial_dates_cover_their_month_or_year():
    assert date_bounds("2023") == ("2023-01-01", "2023-12-31")
    assert date_bounds("2023-03") == ("2023-03-01", "2023-03-31")
    assert LEXICON.role_on("matthew-miller", "2024").role_en == "US State Department spokesperson"
    assert LEXICON.role_on("mike-waltz", "2025-05").role_en == "US National Security Adviser"
    with pytest.raises(ValueError):
        LEXICON.role_on("matthew-miller", "26/01/2024")


# --- countries -------------------------------------------------------------------

def test_country_codes_are_unique_iso3():
    _, rows = raw_rows("countries.tsv")
    codes = [row[0] for row in rows]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert all(c.names_ar for c in LEXICON.countries.values())


def test_main_countries_have_adjectives():
    with_adjectives = [c for c in LEXICON.countries.values() if c.adjectives_ar]
    assert len(with_adjectives) >= 60


def test_country_forms_clash_only_where_deliberate():
    seen: dict[str, set[str]] = {}
    for c in LEXICON.countries.values():
        for form in c.names_ar + c.adjectives_ar + c.capitals_ar + c.demonyms_ar:
            seen.setdefault(fold_key(form), set()).add(c.iso3)
    clashes = {k: v for k, v in seen.items() if len(v) > 1}
    assert clashes == DELIBERATE_COUNTRY_CLASHES
    assert LEXICON.country_forms[fold_key("عمان")].iso3 == "OMN"


@pytest.mark.parametrize(
    "surface, iso3, kind, number_gender",
    [
        ("الأمريكية", "USA", "adjective", "f.sg"),
        ("الأميركية", "USA", "adjective", "f.sg"),
        ("أمريكي", "USA", "adjective", "m.sg"),
        ("الأمريكيون", "USA", "adjective", "m.pl"),
        ("الأمريكيين", "USA", "adjective", "m.pl"),
        ("روسي", "RUS", "adjective", "m.sg"),
        ("الروسية", "RUS", "adjective", "f.sg"),
        ("الروس", "RUS", "adjective", "m.pl"),
        ("الروسيتين", "RUS", "adjective", "f.du"),
        ("الأوكرانيين", "UKR", "adjective", "m.pl"),
        ("الأتراك", "TUR", "adjective", "m.pl"),
        ("الإيرانية", "IRN", "adjective", "f.sg"),
        ("الكوري الجنوبي", "KOR", "adjective", "m.sg"),
        ("روسيا الاتحادية", "RUS", "name", None),
        ("الولايات المتحدة", "USA", "name", None),
        ("أوكرانيا", "UKR", "name", None),
        ("واشنطن", "USA", "capital", None),
        ("موسكو", "RUS", "capital", None),
        ("كييف", "UKR", "capital", None),
        ("الرياض", "SAU", "capital", None),
        ("طهران", "IRN", "capital", None),
        ("أنقرة", "TUR", "capital", None),
        ("تل أبيب", "ISR", "capital", None),
    ],
)
def test_country_forms(surface, iso3, kind, number_gender):
    form = LEXICON.country_forms[fold_key(surface)]
    assert (form.iso3, form.kind, form.number_gender) == (iso3, kind, number_gender)


@pytest.mark.parametrize("common_word", ["كيف", "مالي", "المالية", "بنين", "مجرى"])
def test_common_words_are_not_country_forms(common_word):
    assert fold_key(common_word) not in LEXICON.country_forms
