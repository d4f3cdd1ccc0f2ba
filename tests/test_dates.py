"""The date grammar: absolute, Hijri and relative news date expressions."""
import time

import pytest

from isnad.dates import date_mentions, normalise_date, year_for_weekday

FRIDAY = "2024-01-26"


def values(text, base=None, **kw):
    return [(m.surface, m.value) for m in date_mentions(text, base, **kw)]


@pytest.mark.parametrize("text, expected", [
    ("نفى الكرملين اليوم الجمعة تقريرا", [("اليوم الجمعة", "2024-01-26")]),
    ("وقال أمس إن المحادثات", [("أمس", "2024-01-25")]),
    ("قال مسؤولون أمريكيون أمس الخميس إن", [("أمس الخميس", "2024-01-25")]),
    ("أول من أمس", [("أول من أمس", "2024-01-24")]),
    ("الأمطار على عدد من المحافظات أمس الأول، من بين", [("أمس الأول", "2024-01-24")]),
    ("أعلن الوزير، اليوم (الجمعة)، أن", [("اليوم (الجمعة)", "2024-01-26")]),
    ("ومن المقرر أن تجرى المزيد من المحادثات غداً السبت.", [("غداً السبت", "2024-01-27")]),
    ("خلال الأسبوع الماضي", [("الأسبوع الماضي", "2024-01-19")]),
    ("في أبريل الماضي", [("أبريل الماضي", "2023-04")]),
    ("الشهر المقبل", [("الشهر المقبل", "2024-02")]),
    ("العام الماضي", [("العام الماضي", "2023")]),
    ("لم تسفر المحادثات في موسكو يوم الثلاثاء عن", [("يوم الثلاثاء", "2024-01-23")]),
    ("الجمعة الماضي", [("الجمعة الماضي", "2024-01-19")]),
    ("الأحد المقبل", [("الأحد المقبل", "2024-01-28")]),
    ("قبل يومين", [("قبل يومين", "2024-01-24")]),
    ("منذ 3 ساعات", [("منذ 3 ساعات", None)]),
    ("وفي 7 أغسطس، ظهرت أخبار", [("7 أغسطس", "2023-08-07")]),
    ("في 27 أغسطس المقبل", [("27 أغسطس المقبل", "2024-08-27")]),
])
def test_relative_expressions_resolve_against_the_publication_date(text, expected):
    assert values(text, FRIDAY) == expected


@pytest.mark.parametrize("text, expected", [
    ("واشنطن 5 ديسمبر كانون الأول (رويترز)", [("5 ديسمبر كانون الأول", "--12-05")]),
    ("تاريخ النشر: 26th, January 2024 GMT", [("26th, January 2024", "2024-01-26")]),
    ("January 26, 2024", [("January 26, 2024", "2024-01-26")]),
    ("الحرب التي اندلعت في فبراير/ شباط 2022.", [("فبراير/ شباط 2022", "2022-02")]),
    ("نشر في: 2019/03/14 - 10:22", [("2019/03/14", "2019-03-14")]),
    ("14-03-2019", [("14-03-2019", "2019-03-14")]),
    ("١٥ سبتمبر ٢٠٢٤", [("١٥ سبتمبر ٢٠٢٤", "2024-09-15")]),
    ("منذ عام 2014", [("عام 2014", "2014")]),
    ("الأحد 12 ربيع الأول 1446 هـ - 15 سبتمبر 2024 م",
     [("الأحد 12 ربيع الأول 1446 ه", None), ("15 سبتمبر 2024 م", "2024-09-15")]),
    ("بتاريخ 15/10/ 1436 بلاغاً", [("15/10/ 1436", None)]),
    ("في 3 جانفي 2020", [("3 جانفي 2020", "2020-01-03")]),
    ("مطلع أيار 2021", [("أيار 2021", "2021-05")]),
])
def test_absolute_dates(text, expected):
    assert values(text) == expected


def test_month_pair_without_year_takes_the_nearest_year():
    assert values("اجتمعوا مع لافروف في نيويورك في إبريل/ نيسان، وانضم", "2023-07-14") == [
        ("إبريل/ نيسان", "2023-04")]


def test_relative_dates_without_a_base_have_no_value():
    assert values("أمس الجمعة والأسبوع الماضي") == [("أمس الجمعة", None), ("الأسبوع الماضي", None)]


def test_partial_base_gives_partial_days():
    assert values("قال مسؤولون أمريكيون أمس الجمعة", "--12-05") == [("أمس الجمعة", "--12-04")]


def test_weekday_beside_day_and_month_fixes_the_year():
    # 5 December fell on a Thursday in 2024, on a Friday in 2025
    assert values("الخميس 5 ديسمبر", "2025-06-01") == [("الخميس 5 ديسمبر", "2024-12-05")]
    assert values("الجمعة 5 ديسمبر", "2025-06-01") == [("الجمعة 5 ديسمبر", "2025-12-05")]
    assert values("أمس الجمعة", "--12-06", year_hint=2025) == [("أمس الجمعة", "2025-12-05")]
    assert year_for_weekday(12, 5, 5, 2024) == 2025


@pytest.mark.parametrize("text", [
    "مارس الضغوط على الحكومة",  # مارس the verb, not March
    "رئيسة الوزراء تيريزا ماي",  # ماي the surname
    "في اليوم الثاني من اللقاء",
    "الاثنين معا",  # "the two"
    "يتعلق بسيارة نيسان",
])
def test_ambiguous_words_are_not_dates(text):
    assert values(text, FRIDAY) == []


def test_spans_point_into_the_original_text():
    text = "وقالت زاخاروفا، اليوم الخميس، إن المحادثات جرت في ١٢ أبريل الماضي."
    for m in date_mentions(text, "2023-08-10"):
        assert text[m.start:m.end] == m.surface
    assert [m.value for m in date_mentions(text, "2023-08-10")] == ["2023-08-10", "2023-04-12"]


def test_normalise_date():
    assert normalise_date("2024-01-26T10:00:00Z") == "2024-01-26"
    assert normalise_date("2015-08-01 08:00:57") == "2015-08-01"
    assert normalise_date("الجمعة 26 يناير 2024") == "2024-01-26"
    assert normalise_date("أمس") is None
    assert normalise_date("") is None


def test_grammar_is_fast():
    paragraph = ("وقالت المتحدثة باسم وزارة الخارجية الروسية، ماريا زاخاروفا، اليوم الخميس، إن المزاعم "
                 "القائلة بأن مسؤولين أمريكيين أجروا محادثات سرية مع وزير الخارجية الروسي في أبريل الماضي "
                 "مزيفة، وإن الاجتماع المقبل سيعقد في 5 ديسمبر كانون الأول.")
    date_mentions(paragraph, FRIDAY)
    start = time.perf_counter()
    for _ in range(500):
        date_mentions(paragraph, FRIDAY)
    assert (time.perf_counter() - start) / 500 < 0.002  # measured ~0.05 ms
