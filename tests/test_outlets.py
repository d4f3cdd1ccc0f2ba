"""Outlets and agencies by their canonical names, and where an article's outlet comes from."""
from collections import defaultdict

import pytest

from isnad.lexicon import default_lexicon, read_tsv, split_aliases
from isnad.model import Page
from isnad.outlets import canonical_name, host_of, publisher_named, publisher_of_host, spelling_key
from isnad.segment import segment_page

BODY = ("قال وزير الخارجية في مؤتمر صحافي إن المحادثات بين الجانبين كانت بناءة، مؤكدا أن البلدين "
        "سيواصلان التنسيق خلال الأسابيع المقبلة بشأن الملفات الإقليمية والدولية.")


def test_the_data_file_agrees_with_the_actor_lexicon_and_with_itself():
    known = default_lexicon().actors
    owners = defaultdict(set)
    for row in read_tsv("outlets.tsv"):
        assert row["kind"] in ("outlet", "agency")
        if row["entity_id"] in known:
            assert known[row["entity_id"]].name_en == row["name"], row["entity_id"]
            assert known[row["entity_id"]].kind == row["kind"], row["entity_id"]
        for spelling in [row["name"], *split_aliases(row["spellings"])]:
            owners[spelling_key(spelling)].add(row["entity_id"])
        for domain in split_aliases(row["domains"]):
            assert domain == domain.lower() and "/" not in domain
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}  # one spelling, one publisher


@pytest.mark.parametrize("spellings, name", [
    (["رويترز", "Reuters", "وكالة رويترز", "REUTERS", "reuters.com", "https://www.reuters.com/world/x"], "Reuters"),
    (["أ ف ب", "أ.ف.ب", "فرانس برس", "AFP", "وكالة الصحافة الفرنسية"], "Agence France-Presse"),
    (["واس", "was", "SPA", "وكالة الأنباء السعودية", "spa.gov.sa"], "Saudi Press Agency"),
    (["aawsat", "الشرق الأوسط", "صحيفة الشرق الأوسط", "Asharq Al-Awsat", "aawsat.com"], "Asharq Al-Awsat"),
    (["الجزيرة نت", "Al Jazeera", "aljazeera.net"], "Al Jazeera"),
    (["BBC News, عربي", "بي بي سي عربي", "bbc.co.uk"], "BBC"),
])
def test_every_spelling_of_a_publisher_is_one_name(spellings, name):
    assert {canonical_name(s) for s in spellings} == {name}


@pytest.mark.parametrize("code, domain, name", [
    ("aawsat", "aawsat.com", "Asharq Al-Awsat"), ("alriyadh", "alriyadh.com", "Al Riyadh"),
    ("okaz", "okaz.com.sa", "Okaz"), ("aleqtisadiya", "aleqt.com", "Al Eqtisadiah"),
    ("alwatan", "alwatan.com.sa", "Al Watan"), ("alweeam", "alweeam.com.sa", "Al Weeam"),
    ("alyaum", "alyaum.com", "Al Yaum"), ("aljazirah", "al-jazirah.com", "Al Jazirah"),
    ("almadina", "al-madina.com", "Al-Madina"), ("3alyoum", "3alyoum.com", "Ain Alyoum"),
    ("was", "spa.gov.sa", "Saudi Press Agency"), ("sabq", "sabq.org", "Sabq"), ("ajel", "ajel.sa", "Ajel"),
])
def test_saudinewsnet_source_codes_and_domains(code, domain, name):
    assert publisher_named(code).name == name
    assert publisher_of_host(domain).name == name
    assert publisher_of_host("www." + domain) is None or publisher_of_host(host_of(f"http://www.{domain}/x")).name == name


def test_hosts():
    assert host_of("https://www.alriyadh.com/1069644") == "alriyadh.com"
    assert host_of("http://gate.ahram.org.eg:80/News/1.aspx") == "gate.ahram.org.eg"
    assert publisher_of_host("gate.ahram.org.eg").name == "Al-Ahram"  # a subdomain of a known domain
    assert host_of("/data/pages/dev-03.txt") is None and host_of("dev-03.txt") is None
    assert host_of("example.com", bare=True) == "example.com"


def test_unknown_names_stay_as_written():
    assert canonical_name("  نبض   السودان ") == "نبض السودان"
    assert publisher_named("العالم") is None  # a menu item, not Al-Alam


def article(text, content_type="text", **meta):
    page = Page("p", meta.pop("source", "p.txt"), text, content_type, meta=meta)
    return segment_page(page)[0]


def test_an_agency_credited_in_arabic_and_latin_counts_once():
    a = article(f"القاهرة (رويترز) - {BODY}\n(رويترز)", "jsonl", author="Reuters")
    assert a.agencies == ["Reuters"]
    assert a.agency_spans == [(9, 15)]  # the credit in the text keeps its span


def test_a_byline_credits_agencies_without_a_span():
    a = article(BODY, "jsonl", author="الرياض - واس")
    assert (a.agencies, a.agency_spans) == (["Saudi Press Agency"], [None])
    assert (a.outlet, a.outlet_source, a.author) == ("Saudi Press Agency", "credit", "الرياض - واس")


@pytest.mark.parametrize("text, meta, expected", [
    # the container's field, canonicalised, before anything the page says
    (f"{BODY}\nالمصدر: الجزيرة", {"outlet": "aawsat", "url": "https://www.okaz.com.sa/a"},
     ("Asharq Al-Awsat", None, "metadata")),
    # an "المصدر:" line of the article
    (f"{BODY}\nالمصدر: الجزيرة نت", {"url": "https://www.okaz.com.sa/a"}, ("Al Jazeera", "الجزيرة نت", "text")),
    # the site's name at the head of the page
    (f"تخطي إلى المحتوى\nBBC News, عربي\nالرئيسية\nعنوان الخبر عن المحادثات في المنطقة\n{BODY}", {},
     ("BBC", "BBC News, عربي", "text")),
    # the URL's domain, known or not
    (BODY, {"url": "http://www.alweeam.com.sa/350292/x/"}, ("Al Weeam", None, "url")),
    (BODY, {"url": "https://news.example.org/2024/a"}, ("news.example.org", None, "url")),
    # the lead's agency credit when nothing else names the outlet
    (f"واشنطن 5 ديسمبر كانون الأول (رويترز) - {BODY}", {}, ("Reuters", "رويترز", "credit")),
])
def test_where_the_outlet_comes_from(text, meta, expected):
    content_type = "jsonl" if meta else "text"
    a = article(text, content_type, **meta)
    span_text = text[slice(*a.outlet_span)] if a.outlet_span else None
    assert (a.outlet, span_text, a.outlet_source) == expected


def test_every_article_of_a_page_has_its_outlet():
    second = BODY.replace("وزير الخارجية", "وزير المالية")
    text = f"{BODY}\nاقرأ أيضاً\nعنوان مقال آخر عن الميزانية العامة\n{second}"
    page = Page("p", "https://www.alyaum.com/article/4081337", text, "jsonl", meta={"url": "https://www.alyaum.com/article/4081337"})
    articles = segment_page(page)
    assert len(articles) == 2 and {a.outlet for a in articles} == {"Al Yaum"}
