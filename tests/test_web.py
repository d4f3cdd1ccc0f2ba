"""The read-only web view over a run's DuckDB file (HTTP level).

The fixture run (``web_fixture``) is made from the example pages the way a
real run is stored; the last tests run the pipeline itself over them.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re

import duckdb
import pytest
from starlette.testclient import TestClient

from isnad.store import DUCKDB_FILE, MANIFEST_FILE
from isnad.web import create_app
from isnad.web.data import MAX_LIMIT, RunOpenError
from isnad.web.render import url_part
from web_fixture import (COPY_DOC, EMPTY_DOC, EVIL, EVIL_DOC, EXAMPLES, LONG_NAME, SEED_000, SEED_002,
                         fixture_rows, page_paths, write_run)


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    return write_run(tmp_path_factory.mktemp("webrun"), fixture_rows())


@pytest.fixture(scope="module")
def client(run_dir):
    app = create_app(run_dir)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c
    app.state.live.data.close()


def ids(client, path="/api/search", **params) -> list[str]:
    """Ids of a list's items, in order (statements, claims, stories, speakers)."""
    items = client.get(path, params=params).json()["items"]
    key = {"/api/search": "id", "/api/claims": "claim_id", "/api/stories": "story_id",
           "/api/speakers": "speaker_key"}.get(path, "doc_id")
    return [item[key] for item in items]


# --- every page ---------------------------------------------------------------------

def test_every_page_and_its_json_endpoint_answer(client):
    paths = page_paths(client) + ["/statement/s-copy-kremlin"]
    assert len(paths) >= 8 + 3 + 3 + 7 + 5 + 7
    for path in paths:
        page = client.get(path)
        assert page.status_code == 200, path
        assert page.headers["content-type"].startswith("text/html")
        data = client.get("/api/front" if path == "/" else "/api" + path)
        assert data.status_code == 200, path
        assert data.headers["content-type"] == "application/json"
    assert "/api/front" in client.get("/api").json()["endpoints"]
    assert client.get("/static/isnad.css").status_code == 200


def test_unknown_records_are_404_and_wrong_methods_405_with_allow(client):
    assert client.get("/story/nope").status_code == 404
    assert client.get("/api/story/nope").json() == {"error": "no such story", "status": 404}
    for path in ("/api/claim/nope", "/article/nope/0", "/speaker/nope", "/statement/nope", "/nowhere",
                 "/export/nothing.csv", "/export/statements.xlsx"):
        assert client.get(path).status_code == 404, path
    for path in ("/", "/search", "/api/search", "/export/statements.csv"):
        response = client.post(path)
        assert response.status_code == 405, path
        assert set(response.headers["allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}, path
    assert client.head("/claims").status_code == 200


def test_script_in_page_text_and_fields_is_escaped_everywhere(client):
    paths = [f"/story/{url_part('story/<evil>')}", f"/article/{url_part(EVIL_DOC)}/0", "/statement/s-evil",
             f"/claim/{url_part('claim:' + EVIL)}", "/search?q=" + url_part(EVIL), "/stories", "/claims", "/",
             "/articles", "/speakers", f"/speaker/{url_part('<b>' + EVIL + '</b>')}",
             f"/search?outlet={url_part(EVIL)}", f"/search?speaker={url_part(EVIL)}&q=%22{url_part(EVIL)}%22"]
    for path in paths:
        page = client.get(path)
        assert page.status_code == 200, path
        assert "<script" not in page.text, path
        assert "&lt;script&gt;" in page.text, path
    for path in ("/", "/export/statements.csv", "/api/search"):
        policy = client.get(path).headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src" not in policy
    assert client.get("/").headers["x-content-type-options"] == "nosniff"


# --- the front page ----------------------------------------------------------------------

def test_front_page_puts_contested_claims_and_latest_denials_first(client):
    front = client.get("/api/front").json()
    contested = front["contested_claims"]
    assert [c["claim_id"] for c in contested][:2] == ["claim:bloomberg-putin", "claim:lavrov-secret-talks"]
    bloomberg = contested[0]
    assert bloomberg["last_denial"] == "2024-01-27" and bloomberg["claimant"] == "Bloomberg"
    assert sorted(bloomberg["deniers"]) == ["Dmitry Peskov", "Kremlin"]  # the wire copy is not a third denier
    assert bloomberg["n_denied"] == 2
    denials = front["latest_denials"]["items"]
    assert [d["id"] for d in denials] == ["s002-kremlin", "s002-peskov", "s000-zakharova"]  # newest first
    assert denials[0]["n_outlets"] == 2 and denials[0]["denies"]["claim_id"] == "claim:bloomberg-putin"
    assert denials[1]["denies"]["claim_id"] == "claim:bloomberg-putin"  # listed by the claim
    assert front["busiest_stories"]["items"][0]["story_id"] == "bloomberg-putin-2024"
    assert front["most_quoted"]["items"][0]["speaker_key"] in {"Kremlin", "Bloomberg"}
    overview = front["overview"]
    assert (overview["date_from"], overview["date_to"]) == ("2024-01-26", "2024-02-01")
    assert overview["counts"]["statements"] == 8 and overview["counts"]["quotes"] == 7
    page = client.get("/").text
    assert page.index("Contested claims") < page.index("Latest denials") < page.index("Busiest stories")
    assert "2 pages failed" in page


def test_front_page_follows_the_filters(client):
    front = client.get("/api/front", params={"country": "USA"}).json()  # Bloomberg asserted it; nobody in the USA denied
    assert [c["claim_id"] for c in front["contested_claims"]] == ["claim:bloomberg-putin"]
    assert front["latest_denials"]["items"] == []
    front = client.get("/api/front", params={"speaker": "Maria Zakharova"}).json()
    assert [c["claim_id"] for c in front["contested_claims"]] == ["claim:lavrov-secret-talks"]
    assert front["charts"]["statements_by_stance"]["total"] == 1


# --- facets and sorting ---------------------------------------------------------------------

def test_every_list_takes_every_facet(client):
    assert ids(client, stance="deny") == ["s002-kremlin", "s002-peskov", "s000-zakharova"]
    assert ids(client, outlet="Al Arabiya") == ["s-copy-kremlin"]  # the copy that matched stands for its quote
    assert ids(client, outlet="Reuters") == ["s002-bloomberg", "s002-kremlin", "s002-peskov", "s002-sources"]
    assert ids(client, country="rus", stance="deny", **{"from": "2024-01"}) == ["s002-kremlin", "s002-peskov"]
    assert ids(client, status="denied") == ["s002-bloomberg", "s002-kremlin", "s002-peskov", "s002-sources",
                                            "s000-zakharova"]
    assert ids(client, story="lavrov-secret-talks-2023") == ["s000-bates", "s000-zakharova"]
    assert ids(client, claim="claim:lavrov-secret-talks") == ["s000-zakharova"]
    assert ids(client, speaker="ماريا زاخاروفا") == ["s000-zakharova"]
    assert ids(client, speaker="Kremlin", stance=["deny", "assert"]) == ["s002-kremlin"]

    assert ids(client, "/api/claims", speaker="Maria Zakharova") == ["claim:lavrov-secret-talks"]
    assert ids(client, "/api/claims", status="reported") == [f"claim:{EVIL}"]
    assert ids(client, "/api/claims", outlet="Al Arabiya") == ["claim:bloomberg-putin"]
    assert ids(client, "/api/claims", **{"from": "2024-01-27", "to": "2024-01-31"}) == ["claim:bloomberg-putin"]
    assert ids(client, "/api/stories", country="USA", stance="deny") == []
    assert ids(client, "/api/stories", stance="deny", sort="count") == ["bloomberg-putin-2024",
                                                                        "lavrov-secret-talks-2023"]
    assert ids(client, "/api/stories", outlet="RT Arabic") == ["lavrov-secret-talks-2023"]
    assert ids(client, "/api/stories", **{"from": "2024-02"}) == ["story/<evil>"]
    assert ids(client, "/api/speakers", stance="deny", sort="count")[:1] == ["Kremlin"]
    assert sorted(ids(client, "/api/speakers", outlet="RT Arabic")) == ["Andrew Bates", "Maria Zakharova"]
    assert ids(client, "/api/articles", speaker="Maria Zakharova") == [SEED_000]
    assert ids(client, "/api/articles", outlet="Reuters") == [COPY_DOC, SEED_002]
    assert ids(client, "/api/articles", status="denied", story="bloomberg-putin-2024") == [COPY_DOC, SEED_002]


def test_newest_first_by_default_and_partial_dates_count_as_undated(client):
    every = client.get("/api/search").json()["items"]
    dates = [s["eff_date"] for s in every]
    assert dates[0] == "2024-02-01"
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates[len(dated):] == [None] * (len(dates) - len(dated))
    bates = next(s for s in every if s["id"] == "s000-bates")
    assert bates["date"] is None and bates["eff_date"] is None  # its article has only a day without its year
    oldest = client.get("/api/search", params={"sort": "oldest"}).json()["items"]
    assert oldest[0]["eff_date"] == "2024-01-26" and oldest[-1]["eff_date"] is None
    articles = client.get("/api/articles").json()["items"]
    assert [a["published"] for a in articles] == ["2024-02-01", "2024-01-27", "2024-01-26", None, None]


def test_filters_live_in_the_url(client):
    page = client.get("/search", params=[("stance", "deny"), ("country", "RUS"), ("from", "2024-01-26"),
                                         ("sort", "oldest"), ("limit", "1")]).text
    assert '<option value="deny" selected>' in page and '<option value="RUS" selected>' in page
    assert 'value="2024-01-26"' in page and '<option value="oldest" selected>' in page
    nxt = re.search(r'rel="next" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert all(p in nxt for p in ("stance=deny", "country=RUS", "from=2024-01-26", "sort=oldest", "offset=1"))
    assert 'href="/export/statements.csv?from=2024-01-26&amp;country=RUS&amp;stance=deny&amp;sort=oldest"' in page
    chip = re.search(r'<a class="chip" href="([^"]+)"[^>]*><span class="name">stance', page).group(1)
    assert "stance" not in chip and "country=RUS" in chip


# --- text search ---------------------------------------------------------------------------

def test_search_matches_through_clitics_letter_variants_and_phrases(client):
    assert ids(client, q="المحادثات السرية") == ids(client, q="محادثات سرية") == ["s000-zakharova"]
    assert ids(client, q="والمحادثات السريه") == ["s000-zakharova"]
    assert ids(client, q="زاخاروفآ") == ["s000-zakharova"]  # alef variant in the query
    assert ids(client, q="اجروا محادثات سريه مع وزير الخارجيه الروسى") == ["s000-zakharova"]
    assert ids(client, q="ZAKHAROVA") == ["s000-zakharova"]
    assert ids(client, q='"محادثات سرية"') == ["s000-zakharova"]
    assert ids(client, q='"سرية محادثات"') == []  # a phrase keeps its order
    assert set(ids(client, q="بلومبرج")) == {"s002-kremlin", "s002-bloomberg"}
    assert ids(client, q="بلومبرغ") == []  # a different spelling is a different word
    # أمم متحدة is the United Nations: الولايات المتحدة is no match, nor is a letter run inside a word
    assert ids(client, q="أمم متحدة") == []
    assert "s002-kremlin" in ids(client, q="المتحدة")
    assert ids(client, q="سري") == []  # whole words only


def test_relevance_ranks_the_best_match_first(client):
    ranked = client.get("/api/search", params={"q": "بوتين الولايات المتحدة", "sort": "relevance"}).json()
    assert ranked["items"][0]["id"] == "s002-kremlin"
    scores = [s["score"] for s in ranked["items"]]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    assert ranked["filters"]["folded"] == "بوتين الولايات المتحده"


def test_hits_are_highlighted(client):
    page = client.get("/search", params={"q": "المحادثات السرية"}).text
    assert "<mark>محادثات</mark> <mark>سرية</mark>" in page
    page = client.get("/search", params={"q": "زاخاروفا"}).text
    assert "<mark>زاخاروفا</mark>" in page  # in the speaker's name
    page = client.get("/claims", params={"q": "لافروف"}).text
    assert "<mark>لافروف</mark>" in page


def test_search_is_parameterised_against_quotes(client):
    every = ids(client)
    assert ids(client, q="' OR 1=1 --") == []
    assert ids(client, q="'الاختبار'") == ["s-evil"]
    assert ids(client, q='"ناجح') == ["s-evil"]
    assert ids(client, speaker="'; DROP TABLE w_statements; --") == []
    assert ids(client, country="' OR ''='") == []
    assert ids(client, outlet="x') OR ('1'='1") == []
    assert ids(client) == every
    assert client.get("/search", params={"q": "\"'><script>"}).status_code == 200


# --- wire copies and relays -------------------------------------------------------------------

def test_wire_copies_are_one_row_carried_by_their_outlets(client):
    rows = client.get("/api/search", params={"speaker": "Kremlin"}).json()
    assert rows["total"] == 1
    kremlin = rows["items"][0]
    assert kremlin["id"] == "s002-kremlin" and kremlin["n_copies"] == 2 and kremlin["n_outlets"] == 2
    assert sorted(kremlin["carried_by"]) == ["Al Arabiya", "Kuwait News"]
    assert [c["id"] for c in kremlin["copies"]] == ["s002-kremlin", "s-copy-kremlin"]
    page = client.get("/search", params={"speaker": "Kremlin"}).text
    assert "carried by 2 outlets (2 copies)" in page and "<details" in page
    claim = client.get("/api/claim/claim:bloomberg-putin").json()
    denied = [s["id"] for s in claim["chronology"] if s["role"] == "denied"]
    assert denied == ["s002-kremlin", "s002-peskov"]
    deniers = {d["speaker_key"]: d for d in claim["by_role"]["denied"]}  # each denier once
    assert sorted(deniers) == ["Dmitry Peskov", "Kremlin"]
    assert deniers["Kremlin"]["n_quotes"] == 1 and deniers["Kremlin"]["outlets"] == ["Al Arabiya", "Kuwait News"]
    assert client.get("/api/statement/s-copy-kremlin").json()["copies"][0]["id"] == "s002-kremlin"


def test_agencies_are_one_relay_whatever_the_script(client):
    claim = client.get("/api/claim/claim:bloomberg-putin").json()
    sources = next(s for s in claim["chronology"] if s["id"] == "s002-sources")
    assert sources["chain"] == ["anonymous: two people close to the Kremlin", "Bloomberg", "Reuters", "Kuwait News"]
    assert claim["relayed_by"] == ["Reuters", "Kuwait News"]  # Bloomberg asserted it
    assert client.get(f"/api/article/{COPY_DOC}/0").json()["agencies"] == ["Reuters"]
    assert client.get(f"/api/article/{SEED_002}/0").json()["agencies"] == ["Reuters"]
    assert EVIL in client.get("/api/search", params={"q": "الاختبار"}).json()["items"][0]["agencies"]


# --- charts ------------------------------------------------------------------------------------

def _svg(page: str, figure_id: str) -> str:
    start = page.index(f'id="{figure_id}"')
    return page[page.index("<svg", start):page.index("</svg>", start)]


def test_charts_are_svg_right_to_left_with_their_numbers_beside(client):
    front = client.get("/").text
    svg = _svg(front, "front-statements_by_stance")
    assert 'role="img"' in svg and "<script" not in svg
    bars = re.findall(r'<rect x="([\d.]+)"[^>]*fill="([^"]+)"><title>([^<]+)</title>', svg)
    x_of = {title.split(" · ")[0]: float(x) for x, _, title in bars}
    assert x_of["2024-01-26"] > x_of["2024-02-01"]  # earlier dates further right
    assert x_of["undated"] < x_of["2024-02-01"]
    assert ("#c62828", "2024-01-26 · deny: 2") in [(fill, title) for _, fill, title in bars]
    table = front[front.index('id="front-statements_by_stance"'):]
    table = table[table.index("<table"):table.index("</table>")]
    assert re.search(r'<th scope="row" class="date">2024-01-26</th><td class="num">2</td><td class="num">2</td>', table)
    assert "undated" in table
    link = re.search(r'<a href="([^"]+)"><rect[^>]*fill="#c62828"><title>2024-01-26', svg).group(1)
    assert ids(client, **dict(p.split("=") for p in link.split("?")[1].replace("&amp;", "&").split("&"))) == \
        ["s002-kremlin", "s002-peskov"]
    for path, figure in (("/story/bloomberg-putin-2024", "story-statements_by_stance"),
                         ("/speaker/Kremlin", "speaker-statements_by_outlet"),
                         ("/claim/claim%3Abloomberg-putin", "claim-statements_by_stance")):
        assert "<rect" in _svg(client.get(path).text, figure), path
    chart = client.get("/api/claim/claim:bloomberg-putin").json()["charts"]["statements_by_stance"]
    assert chart["counts"] == {"assert": [2, 0], "deny": [2, 1]} and chart["periods"] == ["2024-01-26", "2024-01-27"]


def test_story_timeline_keeps_the_stance_whole_and_draws_undated_items(client):
    page = client.get("/story/bloomberg-putin-2024").text
    svg = page[page.index('<svg class="timeline"'):page.index("</svg>")]
    row = svg[svg.index('data-stance="deny"'):]
    row = row[:row.index("</a>")]
    assert "Kremlin" in row and "— deny" in row and "#c62828" in row
    assert re.search(r'<tspan class="who"[^>]*>Dmitry Peskov</tspan><tspan class="what"[^>]*> — deny</tspan>', svg)
    assert 'clip-path="url(#snippet-clip)"' in svg
    assert len(set(re.findall(r'<circle cx="([\d.]+)"', svg))) == 1  # one quote a row: all said on 26 January
    page = client.get("/story/lavrov-secret-talks-2023").text
    svg = page[page.index('<svg class="timeline"'):page.index("</svg>")]
    assert svg.count('fill="#fff"') == 2 and ">undated</text>" in svg  # hollow marks on the undated lane


def test_timeline_runs_right_to_left_and_long_arabic_names_do_not_cut_the_stance():
    from isnad.web.render import TimelineItem, timeline_svg

    item = TimelineItem(date="2024-01-26", kind="statement", stance="decline_comment", who=LONG_NAME,
                        what="decline_comment", text="نص " * 200, href="/x", title="t")
    later = TimelineItem(date="2024-02-26", kind="statement", stance="deny", who="Kremlin", what="deny",
                         text="نفى", href="/y", title="t")
    svg = str(timeline_svg([later, item]))
    xs = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg)]
    assert xs[0] > xs[1]  # the earlier item's dot is further right
    assert "— decline_comment</tspan>" in svg
    who = re.search(r'<tspan class="who"[^>]*>([^<]*)</tspan>', svg).group(1)
    assert who.endswith("…") and len(who) < len(LONG_NAME)
    snippet = re.search(r'<text class="snippet"[^>]*>([^<]*)</text>', svg).group(1)
    assert snippet.endswith("…") and len(snippet) < 100


# --- export and paging ---------------------------------------------------------------------------

def test_every_list_exports_all_its_rows_as_csv_and_json_lines(client):
    for kind, path in (("statements", "/api/search"), ("claims", "/api/claims"), ("stories", "/api/stories"),
                       ("speakers", "/api/speakers"), ("articles", "/api/articles"), ("errors", "/api/run")):
        total = client.get(path).json()["total"] if kind != "errors" else client.get(path).json()["errors"]["total"]
        response = client.get(f"/export/{kind}.csv")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        assert response.headers["content-disposition"] == f'attachment; filename="isnad-{kind}.csv"'
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert len(rows) == total > 0, kind
        lines = client.get(f"/export/{kind}.jsonl").text.splitlines()
        assert len(lines) == total and all(json.loads(line) for line in lines), kind
    rows = list(csv.DictReader(io.StringIO(client.get("/export/statements.csv", params={"stance": "deny"}).text)))
    assert [r["id"] for r in rows] == ["s002-kremlin", "s002-peskov", "s000-zakharova"]
    assert rows[0]["carried_by"] in ("Al Arabiya; Kuwait News", "Kuwait News; Al Arabiya")
    assert rows[0]["content"].startswith("تقريرا لوكالة بلومبرج")


def test_csv_cells_never_start_a_formula():
    from isnad.web.app import _csv_cell

    assert _csv_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert _csv_cell("-1+2") == "'-1+2" and _csv_cell(-1) == -1
    assert _csv_cell(["a", "b"]) == "a; b" and _csv_cell(None) == ""


def test_the_api_pages_through_any_number_of_rows(client):
    seen, url = [], "/api/search?limit=1&stance=deny"
    while url:
        page = client.get(url).json()
        seen += [s["id"] for s in page["items"]]
        url = page["next"]
    assert seen == ["s002-kremlin", "s002-peskov", "s000-zakharova"]
    far = client.get("/api/search", params={"offset": 10**9}).json()
    assert far["offset"] == 10**9 and far["items"] == [] and far["total"] == 7


def test_page_sizes_are_bounded(client):
    def bounds(path):
        data = client.get(path).json()
        return data["limit"], data["offset"], len(data["items"])

    assert bounds("/api/search?limit=100000") == (MAX_LIMIT, 0, 7)
    assert bounds("/api/search?limit=0") == (1, 0, 1)
    assert bounds("/api/search?limit=-5&offset=-3") == (1, 0, 1)
    assert bounds("/api/search?limit=abc") == (50, 0, 7)
    assert bounds("/api/search?limit=2&offset=2") == (2, 2, 2)
    page = client.get("/search?limit=5000").text
    assert "showing 1–7" in page
    page = client.get("/search?limit=2").text
    assert 'rel="next"' in page and "offset=2" in page


# --- the run page, paths, fallback titles --------------------------------------------------------------

def test_run_page_shows_inputs_settings_counts_duration_and_errors(client):
    run = client.get("/api/run").json()
    assert run["manifest"]["inputs"] == ["seeds"]
    assert run["manifest"]["seconds"] == 3.25 and run["manifest"]["settings"]["workers"] == 2
    assert run["tables"]["statements"] == 8 and run["error_stages"] == {"read": 2}
    assert [e["source"] for e in run["errors"]["items"]] == ["seeds/bad.txt", "seeds/sub/big.txt"]
    page = client.get("/run").text
    for text in ("<code>seeds</code>", "3.2 s", "workers <code>2</code>", "not UTF-8 or windows-1256",
                 "seeds/sub/big.txt"):
        assert text in page, text
    assert "/data/crawl" not in page
    assert client.get("/api/run?stage=none").json()["errors"]["total"] == 0


def test_paths_are_shown_relative_to_the_inputs(client):
    article = client.get(f"/api/article/{SEED_002}/0").json()
    assert article["source"] == f"seeds/{SEED_002}" and article["record"]["source"] == f"seeds/{SEED_002}"
    assert "/data/crawl" not in client.get(f"/article/{SEED_002}/0").text


def test_paths_without_a_manifest_are_cut_at_their_common_folder(tmp_path):
    app = create_app(write_run(tmp_path, fixture_rows(), manifest=None))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert c.get(f"/api/article/{SEED_000}/0").json()["source"] == f"seeds/{SEED_000}"
        assert c.get("/api/run").json()["manifest"] == {}
        assert "has no <code>run.json</code>" in c.get("/run").text
    app.state.live.data.close()


def test_articles_without_a_title_show_their_first_line_or_their_id(client):
    article = client.get(f"/api/article/{SEED_000}/0").json()
    assert article["title_kind"] == "first_line" and article["title"].startswith("قال نائب السكرتير الصحفي")
    assert len(article["title"]) <= 90
    empty = client.get(f"/api/article/{EMPTY_DOC}/0").json()
    assert (empty["title_kind"], empty["title"]) == ("id", f"{EMPTY_DOC} · article 0")
    page = client.get("/articles").text
    assert f'<bdi dir="ltr" class="fallback-title">{EMPTY_DOC} · article 0</bdi>' in page
    assert client.get("/api/story/lavrov-secret-talks-2023").json()["title"] == article["title"]


# --- the article page ---------------------------------------------------------------------------------

def test_article_page_highlights_every_span_and_links_it(client):
    page = client.get(f"/article/{SEED_002}/0").text
    text = page[page.index('class="page-text"'):page.index("</section>")]
    assert 'id="span-s002-kremlin"' in text
    assert 'href="#rec-s002-kremlin"' in text and 'id="rec-s002-kremlin"' in page
    classes = set(" ".join(re.findall(r'class="([^"]*)"', text)).split())
    assert {"hl", "meta", "sp-speaker", "sp-cue", "ev", "ev-trigger", "st", "st-deny", "st-assert", "cut"} <= classes
    assert 'lang="ar" dir="rtl"' in page
    assert '<span class="cut">' in text  # the lines after the article body


def test_json_endpoints_carry_the_page_data(client):
    story = client.get("/api/story/bloomberg-putin-2024").json()
    assert story["date_from"] == "2024-01-26" and story["date_to"] == "2024-01-27"
    assert story["n_articles"] == 2 and story["n_statements"] == 5 and story["n_quotes"] == 4
    kremlin = next(s for s in story["statements"] if s["speaker_name"] == "Kremlin")
    assert kremlin["stance"] == "deny" and "بلومبرج" in kremlin["content"]
    assert [c["claim_id"] for c in story["claims"]] == ["claim:bloomberg-putin"]
    assert story["events"][0]["actor"] == "Vladimir Putin"
    claim = client.get("/api/claim/claim:bloomberg-putin").json()
    assert {(s["speaker_name"], s["role"]) for s in claim["chronology"]} == {
        ("Bloomberg", "asserted"), ("anonymous: two people close to the Kremlin", "asserted"),
        ("Kremlin", "denied"), ("Dmitry Peskov", "denied")}
    assert claim["extra"]["status_history"][0]["status"] == "denied"
    speaker = client.get("/api/speaker/Maria Zakharova").json()
    assert speaker["name_ar"] == "ماريا زاخاروفا" and speaker["stance_counts"] == {"deny": 1}
    assert client.get("/api/speaker/Maria Zakharova?stance=assert").json()["statements"]["total"] == 0
    statement = client.get("/api/statement/s002-peskov").json()
    assert statement["responds_to_statement"]["id"] == "s002-bloomberg"
    assert statement["record"]["cue_span"]


# --- safety and serving -------------------------------------------------------------------------------

def test_the_run_file_is_opened_read_only(client, run_dir):
    db = run_dir / DUCKDB_FILE
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    con = client.app.state.live.data._con()
    with pytest.raises(duckdb.Error, match="read-only"):
        con.execute("INSERT INTO run.errors VALUES ('x', 'x', 'x', 'x')")
    with pytest.raises(duckdb.Error):
        con.execute("SELECT * FROM read_csv('/etc/hostname')")
    for path in page_paths(client):
        client.get(path)
    client.get("/export/statements.csv")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_only_allowed_host_names_are_served(client, run_dir):
    from isnad.web.app import allowed_hosts_for

    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200
    allowed = allowed_hosts_for("0.0.0.0", ["desk.example.org"])
    assert "0.0.0.0" not in allowed and "desk.example.org" in allowed and "127.0.0.1" in allowed
    app = create_app(run_dir, allowed_hosts=allowed)
    with TestClient(app, base_url="http://desk.example.org") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "203.0.113.9:8765"}).status_code == 400
    app.state.live.data.close()


def test_serving_beyond_localhost_warns_and_takes_allowed_hosts(run_dir, monkeypatch, capsys):
    import uvicorn

    from isnad.cli import main

    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.update(app=app, **kw))
    assert main(["serve", str(run_dir), "--host", "0.0.0.0", "--allowed-host", "desk.example.org"]) == 0
    err = capsys.readouterr().err
    assert "warning" in err and "desk.example.org" in err and "--allowed-host" in err
    assert served["host"] == "0.0.0.0"
    served["app"].state.live.data.close()
    assert main(["serve", str(run_dir)]) == 0
    assert "warning" not in capsys.readouterr().err
    served["app"].state.live.data.close()


def test_a_new_run_is_picked_up_without_a_restart(tmp_path, monkeypatch):
    from isnad.web import data as web_data

    monkeypatch.setattr(web_data, "RELOAD_CHECK_SECONDS", 0.0)
    served = write_run(tmp_path / "served", fixture_rows())
    app = create_app(served)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert c.get("/api/search").json()["total"] == 7
        rows = fixture_rows()
        rows["statements"] = rows["statements"][:2]
        fresh = write_run(tmp_path / "fresh", rows)
        os.replace(fresh / DUCKDB_FILE, served / DUCKDB_FILE)  # what `isnad run` does when it publishes
        assert c.get("/api/search").json()["total"] == 2
        (tmp_path / "broken.duckdb").write_bytes(b"not a database" * 100)
        os.replace(tmp_path / "broken.duckdb", served / DUCKDB_FILE)
        assert c.get("/api/search").json()["total"] == 2  # a run that cannot be opened: keep the last one
        assert "not a readable DuckDB database" in app.state.live.failed
    app.state.live.data.close()


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing", "no such folder"),
    (lambda d: d, "not the output folder of `isnad run`"),
    (lambda d: (d / "statements.jsonl").write_text("{}\n") and d, "written without its database"),
    (lambda d: (d / DUCKDB_FILE).write_bytes(b"garbage" * 1000) and d, "not a readable DuckDB database"),
    (lambda d: duckdb.connect(str(d / DUCKDB_FILE)).close() or d, "holds no isnad tables"),
])
def test_every_failure_to_open_a_run_is_one_clear_line(tmp_path, capsys, make, message):
    from isnad.cli import main

    target = make(tmp_path)
    with pytest.raises(RunOpenError, match=re.escape(message)):
        create_app(target)
    assert main(["serve", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("isnad: ") and message in err


def test_runs_without_optional_columns_or_tables(tmp_path):
    rows = fixture_rows()
    for st in rows["statements"]:
        for key in ("via", "responds_to", "date", "speaker_span", "cue_span", "sentence_span", "copy_of"):
            st.pop(key, None)
        st["speaker"] = {"name": st["speaker"]["name"]}
    for a in rows["articles"]:
        for key in ("agencies", "outlet_span", "title_span", "published_span", "agency_spans", "segments"):
            a.pop(key, None)
    rows["claims"] = [{"claim_id": "c1", "content": "ادعاء"}]
    rows["stories"] = [{"story_id": "s1", "title": "قصة"}]
    run_dir = write_run(tmp_path, rows, manifest=None)
    con = duckdb.connect(str(run_dir / DUCKDB_FILE))
    for table in ("events", "documents", "errors"):
        con.execute(f"DROP TABLE {table}")
    con.close()
    app = create_app(run_dir)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        for path in page_paths(c) + ["/story/s1", "/claim/c1", "/export/statements.csv", "/export/errors.jsonl"]:
            assert c.get(path).status_code == 200, path
        assert c.get("/api/search", params={"q": "زاخاروفا"}).json()["total"] == 0  # no Arabic names left
        assert c.get("/api/search", params={"q": "مزيفه"}).json()["total"] == 1
    app.state.live.data.close()


def test_empty_run_still_serves_every_list(tmp_path):
    run_dir = write_run(tmp_path, {})
    app = create_app(run_dir)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        for path in ("/", "/claims", "/speakers", "/articles", "/search?q=x", "/api/stories", "/run",
                     "/export/claims.csv"):
            assert c.get(path).status_code == 200, path
        assert "no stories yet" in c.get("/stories").text
        assert c.get("/export/claims.csv").text == ""
    app.state.live.data.close()


def test_published_dates_typed_as_dates_work_too(tmp_path):
    run_dir = write_run(tmp_path, fixture_rows())  # a day without its year is published_partial, not published
    con = duckdb.connect(str(run_dir / DUCKDB_FILE), read_only=True)
    assert con.execute("SELECT data_type FROM information_schema.columns WHERE table_name = 'articles' "
                       "AND column_name = 'published'").fetchone()[0] == "DATE"
    con.close()
    app = create_app(run_dir)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert [a["published"] for a in c.get("/api/articles").json()["items"]][:3] == \
            ["2024-02-01", "2024-01-27", "2024-01-26"]
        assert ids(c, **{"from": "2024-01-27"}) == ["s-evil", "s-copy-kremlin"]
    app.state.live.data.close()


# --- a real run ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def example_run(tmp_path_factory):
    from isnad.pipeline import run

    out = tmp_path_factory.mktemp("examplerun")
    run([str(EXAMPLES)], out, workers=1)
    return out


def test_real_example_run_pages_answer(example_run):
    app = create_app(example_run)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert c.get("/api/search?limit=1000").json()["total"] > 0
        for path in page_paths(c):
            assert c.get(path).status_code == 200, path
        run = c.get("/api/run").json()
        assert run["manifest"]["inputs"] == ["examples"] and run["manifest"]["counts"]["pages"] == 5
        assert run["manifest"]["seconds"] > 0
        assert "<mark>محادثات</mark> <mark>سرية</mark>" in c.get("/search", params={"q": "المحادثات السرية"}).text
        assert c.get("/api/front").json()["contested_claims"]
    app.state.live.data.close()


def test_run_manifest_is_written_with_the_run(example_run):
    manifest = json.loads((example_run / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert manifest["inputs"] == [str(EXAMPLES)]
    assert manifest["counts"]["articles"] == 7 and manifest["settings"]["corpus"] is True
    assert manifest["started"] <= manifest["finished"]


# --- pieces ---------------------------------------------------------------------------------------------

def test_fixture_spans_point_at_their_text():
    rows = fixture_rows()
    texts = {d["doc_id"]: d["text"] for d in rows["documents"]}
    for st in rows["statements"]:
        s, e = st["content_span"]
        assert texts[st["doc_id"]][s:e] == st["content"]


def test_highlight_keeps_the_text_and_links_the_innermost_span():
    from markupsafe import Markup

    from isnad.web.render import Mark, highlight

    text = "قال بيسكوف إن <التقرير> خاطئ. انتهى"
    sentence = Mark(0, 29, "st st-deny", "#rec-a", "Peskov — deny", "span-a")
    speaker = Mark(4, 10, "sp-speaker", "#rec-a", "speaker")
    inner = Mark(14, 23, "st st-assert", "#rec-b", "nested")
    html = highlight(text, 0, len(text), [inner, speaker, sentence], kept=[(0, 29)])
    assert isinstance(html, Markup)
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">") == text
    assert '<a class="hl sp-speaker" href="#rec-a" title="speaker | Peskov — deny">بيسكوف</a>' in html
    assert '<a class="hl st st-assert" href="#rec-b" title="nested | Peskov — deny">&lt;التقرير&gt;</a>' in html
    assert '<span class="anchor" id="span-a"></span>' in html
    assert html.endswith('<span class="cut"> انتهى</span>')


def test_spans_of_finds_extra_and_nested_spans():
    from isnad.web.data import spans_of

    record = {"content_span": [5, 9], "speaker_span": [0, 3], "agency_spans": [[10, 12], [14, 16]],
              "denied_claim": {"text": "x", "span": [20, 25]}, "cue_span": None, "bad_span": [1, "2"]}
    assert spans_of(record) == [("speaker", [0, 3]), ("agency", [10, 12]), ("agency", [14, 16]),
                                ("denied_claim", [20, 25])]


def test_charts_keep_stray_dates_and_undated_rows_apart():
    from datetime import date, timedelta

    from isnad.web.data import _main_range
    from isnad.web.render import chart_rows, chart_svg

    days = {date(2024, 1, 1) + timedelta(days=i): 2 for i in range(60)}
    assert _main_range(days) == (date(2024, 1, 1), date(2024, 2, 29))
    assert _main_range({**days, date(1990, 8, 2): 1}) == (date(2024, 1, 1), date(2024, 2, 29))  # a stray year
    chart = {"unit": "day", "periods": ["2024-01-01", "2024-01-02"], "series": ["deny"],
             "counts": {"deny": [1, 3]}, "undated": {"deny": 500}, "before": {"deny": 2}, "after": {"deny": 0},
             "range": ["2024-01-01", "2024-01-02"], "total": 506}
    assert [r["period"] for r in chart_rows(chart)] == ["before 2024-01-01", "2024-01-01", "2024-01-02", "undated"]
    svg = str(chart_svg(chart, "c", {"deny": "#c62828"}))
    heights = {t: float(h) for h, t in re.findall(r'height="([\d.]+)" fill="#c62828"><title>([^·]+) ·', svg)}
    one = heights["2024-01-01"]  # one scale for the dated columns and those before or after them
    assert heights["2024-01-02"] == pytest.approx(3 * one, abs=0.2)
    assert heights["before 2024-01-01"] == pytest.approx(2 * one, abs=0.2)
    assert ">500</text>" in svg and "<path" in svg  # the undated bar has its own scale, marked by a break


def test_hits_map_back_to_the_text_as_written():
    from isnad.web.textquery import TextQuery

    text = "وقال إنَّ والمحادثاتِ السرّيةَ مع الأمم المتحدة"
    query = TextQuery.parse('محادثات "امم متحدة"')
    assert [text[s:e] for s, e in query.hits(text)] == ["والمحادثاتِ", "الأمم", "المتحدة"]
    assert query.folded == '"امم متحده" محادثات'
    assert TextQuery.parse("سري").hits(text) == []  # whole words only
    assert not TextQuery.parse('" "')  # nothing to match
