"""The read-only web view over a run's DuckDB file (HTTP level).

The fixture run is made the way a real run is stored: JSONL rows shaped like
the contract, loaded by ``isnad.store.build_duckdb``.  Its pages are two seed
pages (Zakharova's denial in 000, the Kremlin's denial of the Bloomberg
report in 002) and a page whose text holds ``<script>``.
"""
from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path

import duckdb
import pytest
from starlette.testclient import TestClient

from isnad.store import DUCKDB_FILE, TABLES, build_duckdb, dumps
from isnad.web import create_app
from isnad.web.data import MAX_LIMIT, MAX_OFFSET

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
SEED_000 = "000_0ce1e2632adafb82.txt"
SEED_002 = "002_cbf1d5649d9a84fe.txt"
EVIL_DOC = "evil/<page>.txt"
EVIL = "<script>alert(1)</script>"
EVIL_TEXT = (
    f"عنوان {EVIL} خبر\n"
    f"وقال المتحدث \"{EVIL}\" إن 'الاختبار' \"ناجح\" تماما.\n"
    "اقرأ أيضا: خبر آخر\n"
)


def _span(text: str, phrase: str, after: int = 0) -> list[int]:
    start = text.index(phrase, after)
    return [start, start + len(phrase)]


def _sentence(text: str, phrase: str) -> list[int]:
    """The line holding ``phrase`` (seed sentences are one a line)."""
    start = text.index(phrase)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return [line_start, len(text) if line_end < 0 else line_end]


def _speaker(name, name_ar, kind, country, role=None, entity_id=None) -> dict:
    return {"name": name, "name_ar": name_ar, "kind": kind, "country": country, "role": role, "entity_id": entity_id}


def _statement(sid, doc, text, *, speaker, cue, stance, content, mode="indirect", via=(), date=None,
               responds_to=None, cue_after=0) -> dict:
    content_span = _span(text, content)
    return {
        "id": sid, "doc_id": doc, "article_index": 0, "speaker": speaker, "cue": cue, "mode": mode,
        "stance": stance, "content": content, "content_span": content_span,
        "sentence_span": _sentence(text, content), "via": list(via), "date": date, "responds_to": responds_to,
        "speaker_span": _span(text, speaker["name_ar"], cue_after) if speaker["name_ar"] in text[cue_after:] else None,
        "cue_span": _span(text, cue, cue_after) if cue in text else None,
    }


def fixture_rows() -> dict[str, list[dict]]:
    """Rows for every table: seed pages 000 and 002, and the ``<script>`` page."""
    t0 = (SEEDS / SEED_000).read_text(encoding="utf-8")
    t2 = (SEEDS / SEED_002).read_text(encoding="utf-8")
    body0_end = _span(t0, "مزيفة وغير صحيحة.")[1]
    title2 = t2.splitlines()[0]
    body2 = _span(t2, "نفى الكرملين اليوم الجمعة")[0], _span(t2, "لا يتوافق مع الواقع على الإطلاق”.")[1]
    documents = [
        {"doc_id": doc, "source": f"seeds/{doc}", "content_type": "text", "encoding": "utf-8",
         "n_chars": len(text), "sha256": hashlib.sha256(text.encode()).hexdigest(), "text": text}
        for doc, text in ((SEED_000, t0), (SEED_002, t2), (EVIL_DOC, EVIL_TEXT))
    ]
    articles = [
        {"doc_id": SEED_000, "source": f"seeds/{SEED_000}", "article_index": 0, "span": [0, body0_end],
         "segments": [[0, body0_end]], "title": None, "text": t0[:body0_end], "published": None,
         "outlet": "RT Arabic", "outlet_span": _span(t0, "RT Arabic"), "agencies": [], "dateline": None},
        {"doc_id": SEED_002, "source": f"seeds/{SEED_002}", "article_index": 0, "span": [0, body2[1]],
         "segments": [list(body2)], "title": title2, "title_span": [0, len(title2)], "text": t2[body2[0]:body2[1]],
         "published": "2024-01-26", "published_span": _span(t2, "26th, January 2024"), "outlet": "كويت نيوز",
         "agencies": ["رويترز"], "agency_spans": [_span(t2, "رويترز")], "dateline": None},
        {"doc_id": EVIL_DOC, "source": EVIL, "article_index": 0, "span": [0, len(EVIL_TEXT)],
         "segments": [[0, EVIL_TEXT.index("اقرأ") - 1]], "title": f"عنوان {EVIL} خبر", "text": EVIL_TEXT,
         "published": "2024-02-01", "outlet": EVIL, "agencies": [EVIL], "dateline": None},
    ]
    zakharova = _speaker("Maria Zakharova", "ماريا زاخاروفا", "person", "RUS", "Russian Foreign Ministry spokesperson")
    kremlin = _speaker("Kremlin", "الكرملين", "organization", "RUS")
    statements = [
        _statement("s000-bates", SEED_000, t0, cue="قال", stance="assert",
                   speaker=_speaker("Andrew Bates", "أندرو بيتس", "person", "USA", "White House deputy press secretary"),
                   content="تركيز واشنطن ينصب على استمرار المساعدة لكييف وليس المفاوضات"),
        _statement("s000-zakharova", SEED_000, t0, speaker=zakharova, cue="قالت", stance="deny",
                   content="المزاعم القائلة بأن مسؤولين أمريكيين أجروا محادثات سرية مع وزير الخارجية الروسي، سيرغي "
                           "لافروف، بشأن الأزمة الأوكرانية في أبريل الماضي، مزيفة وغير صحيحة",
                   responds_to="claim:lavrov-secret-talks"),
        _statement("s002-kremlin", SEED_002, t2, speaker=kremlin, cue="نفى", stance="deny", date="2024-01-26",
                   content="تقريرا لوكالة بلومبرج أفاد بأن الرئيس فلاديمير بوتين “يجس نبض” الولايات المتحدة بشأن "
                           "إمكانية إجراء محادثات حول إنهاء الحرب في أوكرانيا", cue_after=body2[0],
                   responds_to="claim:bloomberg-putin"),
        _statement("s002-bloomberg", SEED_002, t2, speaker=_speaker("Bloomberg", "بلومبرج", "outlet", "USA"),
                   cue="قال", stance="assert", via=["Reuters"], cue_after=body2[0],
                   content="بوتين “يختبر الأجواء” بشأن ما إذا كانت واشنطن مستعدة للدخول في محادثات"),
        _statement("s002-sources", SEED_002, t2, stance="assert", via=["Bloomberg", "Reuters"], cue="نقلت",
                   speaker=_speaker("anonymous: two people close to the Kremlin", "شخصين مقربين من الكرملين",
                                    "anonymous", "RUS"),
                   content="بوتين “قد يكون مستعدا للنظر في التخلي عن الإصرار على الوضع المحايد لأوكرانيا"),
        _statement("s002-peskov", SEED_002, t2, cue="ورد", stance="deny", mode="direct", date="2024-01-26",
                   speaker=_speaker("Dmitry Peskov", "دميتري بيسكوف", "person", "RUS", "Kremlin spokesperson"),
                   content="لا، هذا تقرير خاطئ. إنه لا يتوافق مع الواقع على الإطلاق", responds_to="s002-bloomberg"),
        _statement("s-evil", EVIL_DOC, EVIL_TEXT, stance="assert", mode="direct", cue="وقال",
                   speaker=_speaker(f"<b>{EVIL}</b>", "المتحدث", "person", "USA"),
                   content=f"{EVIL}\" إن 'الاختبار' \"ناجح"),
    ]
    events = [
        {"id": "e002-contact", "doc_id": SEED_002, "article_index": 0, "event_type": "CONSULT", "mode": "reported",
         "actor": {"name": "Vladimir Putin", "country": "RUS"}, "recipient": {"name": "United States"},
         "date": None, "location": None, "reported_by": "s002-bloomberg",
         "span": _span(t2, "تواصل مع الولايات المتحدة عبر قنوات غير مباشرة"), "trigger_span": _span(t2, "تواصل مع")},
    ]
    stories = [
        {"story_id": "bloomberg-putin-2024", "title": title2, "articles": [{"doc_id": SEED_002, "article_index": 0}]},
        {"story_id": "lavrov-secret-talks-2023", "title": "محادثات سرية مع لافروف",
         "articles": [{"doc_id": SEED_000, "article_index": 0}]},
        {"story_id": "story/<evil>", "title": EVIL, "articles": [{"doc_id": EVIL_DOC, "article_index": 0}]},
    ]
    claims = [
        {"claim_id": "claim:bloomberg-putin", "claimant": "Bloomberg",
         "content": "بوتين يجس نبض الولايات المتحدة عبر قنوات غير مباشرة بشأن محادثات لإنهاء الحرب في أوكرانيا",
         "asserted_by": ["s002-bloomberg", "s002-sources"], "denied_by": ["s002-kremlin", "s002-peskov"],
         "confirmed_by": [], "status": "denied",
         "status_history": [{"date": "2024-01-26", "status": "denied", "by": "s002-kremlin"}]},
        {"claim_id": "claim:lavrov-secret-talks", "claimant": "NBC News",
         "content": "مسؤولون أمريكيون سابقون أجروا محادثات سرية مع لافروف", "asserted_by": [],
         "denied_by": ["s000-zakharova"], "confirmed_by": []},
        {"claim_id": f"claim:{EVIL}", "claimant": EVIL, "content": EVIL, "asserted_by": ["s-evil"],
         "denied_by": [], "confirmed_by": []},
    ]
    return {"documents": documents, "articles": articles, "statements": statements, "events": events,
            "stories": stories, "claims": claims, "errors": []}


def write_run(out_dir: Path, rows: dict[str, list[dict]]) -> Path:
    """A run folder: the JSONL files and the DuckDB file built by the store's loader."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        with (out_dir / f"{table}.jsonl").open("w", encoding="utf-8") as f:
            for row in rows.get(table, []):
                f.write(dumps(row) + "\n")
    build_duckdb(out_dir, out_dir / DUCKDB_FILE)
    return out_dir


def page_paths(client: TestClient) -> list[str]:
    """Every page of the run, found through the JSON endpoints."""
    from isnad.web.render import url_part

    paths = ["/", "/stories", "/claims", "/speakers", "/articles", "/search", "/search?q=بوتين"]
    paths += [f"/story/{url_part(s['story_id'])}" for s in client.get("/api/stories?limit=200").json()["items"]]
    paths += [f"/claim/{url_part(c['claim_id'])}" for c in client.get("/api/claims?limit=200").json()["items"]]
    paths += [f"/speaker/{url_part(s['speaker_key'])}" for s in client.get("/api/speakers?limit=200").json()["items"]]
    for a in client.get("/api/articles?limit=200").json()["items"]:
        paths.append(f"/article/{url_part(a['doc_id'])}/{a['article_index']}")
    paths += [f"/statement/{url_part(s['id'])}" for s in client.get("/api/search?limit=200").json()["items"]]
    return paths


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    return write_run(tmp_path_factory.mktemp("webrun"), fixture_rows())


@pytest.fixture(scope="module")
def client(run_dir) -> TestClient:
    app = create_app(run_dir)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c
    app.state.data.close()


def test_every_page_and_its_json_endpoint_answer(client):
    paths = page_paths(client)
    assert len(paths) >= 7 + 3 + 3 + 3 + 7
    for path in paths:
        page = client.get(path)
        assert page.status_code == 200, path
        assert page.headers["content-type"].startswith("text/html")
        if path != "/":
            data = client.get("/api" + path)
            assert data.status_code == 200, path
            assert data.headers["content-type"] == "application/json"
    assert client.get("/api").json()["endpoints"]
    assert client.get("/static/isnad.css").status_code == 200


def test_unknown_records_are_404_in_html_and_json(client):
    assert client.get("/story/nope").status_code == 404
    assert client.get("/api/story/nope").json() == {"error": "no such story", "status": 404}
    assert client.get("/api/claim/nope").status_code == 404
    assert client.get("/article/nope/0").status_code == 404
    assert client.get("/speaker/nope").status_code == 404
    assert client.get("/statement/nope").status_code == 404


def test_script_in_page_text_and_fields_is_escaped_everywhere(client):
    from isnad.web.render import url_part

    paths = [f"/story/{url_part('story/<evil>')}", f"/article/{url_part(EVIL_DOC)}/0", "/statement/s-evil",
             f"/claim/{url_part('claim:' + EVIL)}", "/search?q=" + url_part(EVIL), "/stories", "/claims",
             "/articles", "/speakers", f"/speaker/{url_part('<b>' + EVIL + '</b>')}"]
    for path in paths:
        page = client.get(path)
        assert page.status_code == 200, path
        assert "<script" not in page.text, path
        assert "&lt;script&gt;" in page.text, path
    policy = client.get("/").headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert client.get("/").headers["x-content-type-options"] == "nosniff"


def test_json_endpoints_carry_the_page_data(client):
    story = client.get("/api/story/bloomberg-putin-2024").json()
    assert story["date_from"] == story["date_to"] == "2024-01-26"
    assert story["n_articles"] == 1 and story["n_statements"] == 4
    kremlin = next(s for s in story["statements"] if s["speaker_name"] == "Kremlin")
    assert kremlin["stance"] == "deny" and "بلومبرج" in kremlin["content"]
    assert [c["claim_id"] for c in story["claims"]] == ["claim:bloomberg-putin"]
    assert story["events"][0]["actor"] == "Vladimir Putin"

    claim = client.get("/api/claim/claim:bloomberg-putin").json()
    roles = {(s["speaker_name"], s["role"]) for s in claim["chronology"]}
    assert roles == {("Bloomberg", "asserted"), ("anonymous: two people close to the Kremlin", "asserted"),
                     ("Kremlin", "denied"), ("Dmitry Peskov", "denied")}
    sources = next(s for s in claim["chronology"] if s["id"] == "s002-sources")
    assert sources["chain"] == ["anonymous: two people close to the Kremlin", "Bloomberg", "Reuters", "رويترز", "كويت نيوز"]
    assert claim["relayed_by"] == ["Reuters", "رويترز", "كويت نيوز"]  # Bloomberg asserted it
    assert claim["extra"]["status_history"][0]["status"] == "denied"

    speaker = client.get("/api/speaker/Maria Zakharova").json()
    assert speaker["name_ar"] == "ماريا زاخاروفا" and speaker["stance_counts"] == {"deny": 1}
    assert client.get("/api/speaker/Maria Zakharova?stance=assert").json()["statements"]["total"] == 0

    article = client.get(f"/api/article/{SEED_002}/0").json()
    assert article["published"] == "2024-01-26" and article["agencies"] == ["رويترز"]
    assert article["page_text"].startswith("الكرملين ينفي")
    statement = client.get("/api/statement/s002-peskov").json()
    assert statement["responds_to_statement"]["id"] == "s002-bloomberg"
    assert statement["record"]["cue_span"]


def test_claim_page_lists_assertions_relays_and_denials_in_date_order(client):
    page = client.get("/claim/claim:bloomberg-putin").text
    summary = page[page.index("Asserted by"):page.index("In date order")]
    assert "Bloomberg" in summary and "Reuters" in summary
    denied = summary[summary.index("Denied by"):summary.index("Confirmed by")]
    assert "Kremlin" in denied and "Dmitry Peskov" in denied
    order = page[page.index("In date order"):]
    assert order.index("2024-01-26") < order.index("Kremlin")


def test_story_timeline_is_an_svg_coloured_by_stance(client):
    page = client.get("/story/bloomberg-putin-2024").text
    svg = page[page.index("<svg"):page.index("</svg>")]
    row = svg[svg.index('data-stance="deny"'):]
    assert "Kremlin — deny" in row[:row.index("</a>")]
    assert "#c62828" in row[:row.index("</a>")]  # the deny colour
    assert ">2024-01-26<" in svg
    assert 'class="row event"' in svg


def test_article_page_highlights_every_span_and_links_it(client):
    page = client.get(f"/article/{SEED_002}/0").text
    text = page[page.index('class="page-text"'):page.index("</section>")]
    assert 'id="span-s002-kremlin"' in text
    assert 'href="#rec-s002-kremlin"' in text and 'id="rec-s002-kremlin"' in page
    classes = set(" ".join(re.findall(r'class="([^"]*)"', text)).split())
    assert {"hl", "meta", "sp-speaker", "sp-cue", "ev", "ev-trigger", "st", "st-deny", "st-assert", "cut"} <= classes
    assert 'lang="ar" dir="rtl"' in page
    assert '<span class="cut">' in text  # the lines after the article body


def test_search_folds_arabic_letter_variants(client):
    def ids(**params):
        return {s["id"] for s in client.get("/api/search", params=params).json()["items"]}

    assert ids(q="زاخاروفا") == {"s000-zakharova"}
    assert ids(q="زاخاروفآ") == {"s000-zakharova"}  # alef variant in the query
    assert ids(q="اجروا محادثات سريه مع وزير الخارجيه الروسى") == {"s000-zakharova"}
    assert ids(q="ZAKHAROVA") == {"s000-zakharova"}
    assert ids(q="بلومبرج") >= {"s002-kremlin", "s002-bloomberg"}
    assert ids(speaker="ماريا زاخاروفا") == {"s000-zakharova"}
    assert ids(country="rus", stance="deny") == {"s000-zakharova", "s002-kremlin", "s002-peskov"}
    assert ids(stance="deny", **{"from": "2024-01-26", "to": "2024-01-26"}) == {"s002-kremlin", "s002-peskov"}
    assert ids(**{"from": "2024-02"}) == {"s-evil"}
    assert ids(**{"from": "not a date"}) == ids()


def test_search_is_parameterised_against_quotes(client):
    def search(**params):
        response = client.get("/api/search", params=params)
        assert response.status_code == 200
        return {s["id"] for s in response.json()["items"]}

    every = search()
    assert search(q="' OR 1=1 --") == set()
    assert search(q="'الاختبار'") == {"s-evil"}
    assert search(q='"ناجح') == {"s-evil"}
    assert search(speaker="'; DROP TABLE w_statements; --") == set()
    assert search(country="' OR ''='") == set()
    assert search() == every
    assert client.get("/search", params={"q": "\"'><script>"}).status_code == 200


def test_page_sizes_are_bounded(client):
    def bounds(path):
        data = client.get(path).json()
        return data["limit"], data["offset"], len(data["items"])

    assert bounds("/api/search?limit=100000") == (MAX_LIMIT, 0, 7)
    assert bounds("/api/search?limit=0") == (1, 0, 1)
    assert bounds("/api/search?limit=-5&offset=-3") == (1, 0, 1)
    assert bounds("/api/search?limit=abc") == (50, 0, 7)
    assert bounds("/api/stories?offset=99999999999") == (50, MAX_OFFSET, 0)
    assert bounds("/api/search?limit=2&offset=2") == (2, 2, 2)
    page = client.get("/search?limit=2").text
    assert 'rel="next"' in page and "offset=2" in page


def test_the_run_file_is_opened_read_only(client, run_dir):
    db = run_dir / DUCKDB_FILE
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    con = client.app.state.data._con()
    with pytest.raises(duckdb.Error, match="read-only"):
        con.execute("INSERT INTO run.errors VALUES ('x', 'x', 'x', 'x')")
    with pytest.raises(duckdb.Error):
        con.execute("SELECT * FROM read_csv('/etc/hostname')")
    for path in page_paths(client):
        client.get(path)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_only_local_host_names_are_served(client):
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200


def test_pages_render_fast(client):
    for path in page_paths(client):
        started = time.perf_counter()
        client.get(path)
        assert time.perf_counter() - started < 0.2, path


def test_runs_without_optional_columns_or_tables(tmp_path):
    rows = fixture_rows()
    for st in rows["statements"]:
        for key in ("via", "responds_to", "date", "speaker_span", "cue_span", "sentence_span"):
            st.pop(key)
        st["speaker"] = {"name": st["speaker"]["name"]}
    for a in rows["articles"]:
        for key in ("agencies", "outlet_span", "title_span", "published_span", "agency_spans", "segments"):
            a.pop(key, None)
    rows["claims"] = [{"claim_id": "c1", "content": "ادعاء"}]
    rows["stories"] = [{"story_id": "s1", "title": "قصة"}]
    run_dir = write_run(tmp_path, rows)
    con = duckdb.connect(str(run_dir / DUCKDB_FILE))
    con.execute("DROP TABLE events")
    con.execute("DROP TABLE documents")
    con.close()
    app = create_app(run_dir)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        for path in page_paths(c) + ["/story/s1", "/claim/c1"]:
            assert c.get(path).status_code == 200, path
        assert c.get("/api/search", params={"q": "زاخاروفا"}).json()["total"] == 0  # no speaker names left
        assert c.get("/api/search", params={"q": "مزيفه"}).json()["total"] == 1
    app.state.data.close()


def test_empty_run_still_serves_every_list(tmp_path):
    run_dir = write_run(tmp_path, {})
    app = create_app(run_dir)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        for path in ("/", "/claims", "/speakers", "/articles", "/search?q=x", "/api/stories"):
            assert c.get(path).status_code == 200, path
        assert "no stories yet" in c.get("/").text
    app.state.data.close()


def test_missing_run_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="isnad.duckdb"):
        create_app(tmp_path)


def test_real_seed_run_pages_answer(tmp_path):
    """Every page of a real pipeline run over the seed pages answers 200."""
    pipeline = pytest.importorskip("isnad.pipeline", reason="the page pipeline is not complete yet")
    pipeline.run([str(SEEDS)], tmp_path, workers=1)
    app = create_app(tmp_path)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert c.get("/api/search?limit=200").json()["total"] > 0
        for path in page_paths(c):
            response = c.get(path)
            assert response.status_code == 200, path
            assert c.get("/api" + path).status_code == 200 if path != "/" else True
    app.state.data.close()


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
