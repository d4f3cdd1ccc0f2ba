"""Metadata lines: publication date, source line, dateline, agency credits."""
from isnad import metadata
from isnad.text import fold


def whole(text):
    ft = fold(text)
    return ft, 0, len(ft.text)


def test_source_line_names_the_outlet():
    outlet, agencies = metadata.source_in(*whole("المصدر: RT Arabic"))
    assert outlet.text == "RT Arabic" and agencies == []


def test_source_line_with_an_agency_names_the_agency():
    outlet, agencies = metadata.source_in(*whole("المصدر: تاس"))
    assert outlet is None and [a.text for a in agencies] == ["تاس"]


def test_source_line_with_agency_and_outlet_glued_to_tags():
    text = "المصدر رويترز الوسومأوكرانيا الولايات المتحدة روسياالمصدر: كويت نيوز"
    outlet, agencies = metadata.source_in(*whole(text))
    assert outlet.text == "كويت نيوز"
    assert text[outlet.span[0]:outlet.span[1]] == "كويت نيوز"
    assert [a.text for a in agencies] == ["رويترز"]


def test_source_line_listing_outlet_and_agencies():
    outlet, agencies = metadata.source_in(*whole("المصدر: الجزيرة + وكالات"))
    assert outlet.text == "الجزيرة" and [a.text for a in agencies] == ["وكالات"]


def test_dateline_with_levantine_month_pair_and_agency():
    text = ("واشنطن 5 ديسمبر كانون الأول (رويترز) - قال مسؤولون أمريكيون أمس الجمعة إن ستيف ويتكوف "
            "أجرى محادثات مثمرة")
    d = metadata.dateline_of(*whole(text))
    assert d.place.text == "واشنطن" and d.place.span == (0, 6)
    assert (d.date.value, d.date.partial) == (None, "--12-05")  # the year is not stated
    assert text[slice(*d.date.span)] == "5 ديسمبر كانون الأول"
    assert d.agency.text == "رويترز"
    assert text[d.end:].startswith(" - قال")


def test_dateline_place_dash_agency():
    d = metadata.dateline_of(*whole("القاهرة - أ ف ب - أعلنت وزارة الخارجية المصرية اليوم أن"))
    assert d.place.text == "القاهرة" and d.agency.text == "أ ف ب" and d.date is None
    d = metadata.dateline_of(*whole("الرياض - واس أعلنت وزارة الداخلية اليوم أن"))
    assert d.place.text == "الرياض" and d.agency.text == "واس"


def test_dateline_with_hijri_and_gregorian_dates_and_a_bare_agency():
    d = metadata.dateline_of(*whole("إسلام آباد 18 شوال 1436 هـ الموافق 03 اغسطس 2015 م واس\n لقي خمسة مسلحين"))
    assert (d.place.text, d.date.value, d.agency.text) == ("إسلام آباد", "2015-08-03", "واس")
    assert d.date.calendar == "gregorian"  # the Gregorian day written beside the Hijri one


def test_dateline_with_a_hijri_date_only():
    text = "الرياض 03 ذو القعدة 1436 هـ واس\n أكد وزير الخارجية"
    d = metadata.dateline_of(*whole(text))
    assert (d.place.text, d.date.value, d.date.calendar) == ("الرياض", "2015-08-18", "hijri")
    assert text[slice(*d.date.span)] == "03 ذو القعدة 1436 ه"


def test_dateline_with_arabic_indic_digits():
    d = metadata.dateline_of(*whole("بيروت ٥ تشرين الأول (أ ف ب) - استضافت بيروت اليوم الخميس اجتماعاً"))
    assert (d.place.text, d.date.partial, d.agency.text) == ("بيروت", "--10-05", "أ ف ب")


def test_no_dateline_in_an_ordinary_lead():
    assert metadata.dateline_of(*whole("قال متحدث باسم وزارة الخارجية الأمريكية، الخميس، إن إدارة الرئيس")) is None
    assert metadata.dateline_of(*whole("أعلن الجيش (في بيان) أنه سيطر على البلدة")) is None
    assert metadata.dateline_of(*whole("قال كيري اليوم (الاثنين) إن المحادثات")) is None
    assert metadata.dateline_of(*whole("الرياض واس أعلنت الوزارة")) is None


def test_published_line():
    text = "تاريخ النشر: 26th, January 2024 GMT"
    v = metadata.published_in(*whole(text))
    assert v.value == "2024-01-26" and text[v.span[0]:v.span[1]] == "26th, January 2024"


def test_date_only_lines():
    assert metadata.is_date_line(*whole("الأحد 12 ربيع الأول 1446 هـ - 15 سبتمبر 2024 م"))
    assert metadata.is_date_line(*whole("2019/03/14 - 10:22 GMT"))
    assert metadata.is_date_line(*whole("السبت 07/ديسمبر/2024 - 11:43 ص"))
    assert metadata.is_date_line(*whole("12 ربيع الأول 1446 هـ"))  # Hijri only
    assert metadata.is_date_line(*whole("14:05 GMT 06.08.2025"))
    assert metadata.is_date_line(*whole("نشر في 2025-08-06"))
    assert not metadata.is_date_line(*whole("قمة الناتو في 5 يونيو 2025 ستبحث الضمانات"))
    assert metadata.published_in(*whole("السبت 07/ديسمبر/2024 - 11:43 ص")).value == "2024-12-07"
    assert metadata.published_in(*whole("12 ربيع الأول 1446 هـ")).value == "2024-09-15"


def test_source_line_with_a_named_agency():
    outlet, agencies = metadata.source_in(*whole("المصدر: وكالة سبوتنيك"))
    assert outlet is None and [a.text for a in agencies] == ["وكالة سبوتنيك"]


def test_agency_credit_in_parentheses_only():
    text = "وقال المتحدث رداً على أسئلة من رويترز إن الاجتماع انتهى (أ ف ب)."
    assert [a.text for a in metadata.agencies_in(*whole(text))] == ["أ ف ب"]
