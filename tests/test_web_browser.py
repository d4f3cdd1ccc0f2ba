"""The web view in a real browser: headless Debian Chromium driven by Playwright.

Walks the analyst's path over the fixture run (see ``web_fixture``): the
front page of contested claims, a filter, a chart and the rows behind one of
its bars, a CSV download, highlighted hits, a story's timeline, a claim, an
article's highlighted text; then the same over a run the pipeline makes from
the example pages.  Screenshots go to ``$ISNAD_SCREENSHOT_DIR`` when set,
else to a temporary folder; ``$ISNAD_SCREENSHOT_RUN`` names a run folder
(the benchmark run, for the README) to photograph as well.
"""
from __future__ import annotations

import csv
import os
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

from web_fixture import EXAMPLES, fixture_rows, write_run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")  # Debian's, or Ubuntu's name
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install -y chromium "
                                "fonts-noto-core, as .ci/run does)")


def _serve(run_dir: Path):
    """Start the app on a free loopback port in a thread; return (base URL, server, thread)."""
    import uvicorn

    from isnad.web import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(run_dir), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    url, server, thread = _serve(write_run(tmp_path_factory.mktemp("browserrun"), fixture_rows()))
    yield url
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1400, "height": 900}, locale="en-US", accept_downloads=True,
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("ISNAD_SCREENSHOT_DIR")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _rows(page, selector="table.statements tbody tr"):
    return page.locator(selector)


def test_front_page_shows_what_is_contested(base_url, browser_page, shots):
    page = browser_page
    page.goto(base_url + "/")
    assert page.locator("h1").inner_text() == "What is contested"
    claims = page.locator("section.contested table.claims tbody tr")
    assert claims.count() == 2
    assert "Kremlin" in claims.first.inner_text() and "Dmitry Peskov" in claims.first.inner_text()
    denials = page.locator("section.denials tbody tr")
    assert denials.count() == 3 and "Kremlin" in denials.first.inner_text()
    assert "carried by 2 outlets" in denials.first.inner_text()
    page.screenshot(path=str(shots / "front.png"), full_page=True)


def test_a_filter_narrows_the_list_and_lives_in_the_url(base_url, browser_page, shots):
    page = browser_page
    page.goto(base_url + "/search")
    assert _rows(page).count() == 7
    page.locator("form.facets select[name=stance]").select_option("deny")
    page.locator("form.facets select[name=country]").select_option("RUS")
    page.locator("form.facets button").click()
    page.wait_for_url("**/search?*stance=deny*")
    query = parse_qs(urlparse(page.url).query)
    assert query["stance"] == ["deny"] and query["country"] == ["RUS"]
    rows = _rows(page)
    assert rows.count() == 3
    assert all(rows.nth(i).locator(".stance").inner_text() == "deny" for i in range(3))
    assert page.locator(".active-filters .chip").count() == 2
    page.screenshot(path=str(shots / "filter.png"))
    page.goto(page.url)  # a permalink gives the same rows
    assert _rows(page).count() == 3


def test_a_chart_is_drawn_and_its_bars_open_their_rows(base_url, browser_page, shots):
    page = browser_page
    page.goto(base_url + "/")
    chart = page.locator("#front-statements_by_stance svg.chart")
    box = chart.bounding_box()
    assert box and box["width"] > 400 and box["height"] > 150
    deny_bar = chart.locator('rect[fill="#c62828"]').first
    bar = deny_bar.bounding_box()
    assert bar and bar["height"] > 5 and bar["width"] > 5
    table = page.locator("#front-statements_by_stance table.numbers")
    assert "2024-01-26" in table.inner_text() and table.is_visible()
    chart.screenshot(path=str(shots / "chart.png"))
    deny_bar.click()
    page.wait_for_url("**/search?*stance=deny*")
    query = parse_qs(urlparse(page.url).query)
    assert query["from"] == query["to"] == ["2024-01-26"]
    assert [r.locator(".stance").inner_text() for r in _rows(page).all()] == ["deny", "deny"]


def test_a_list_downloads_as_csv(base_url, browser_page, tmp_path):
    page = browser_page
    page.goto(base_url + "/claims?status=denied")
    with page.expect_download() as download:
        page.locator("a.export-csv").click()
    saved = tmp_path / "claims.csv"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "isnad-claims.csv"
    rows = list(csv.DictReader(saved.open(encoding="utf-8")))
    assert [r["claim_id"] for r in rows] == ["claim:bloomberg-putin", "claim:lavrov-secret-talks"]
    assert rows[0]["deniers"] in ("Kremlin; Dmitry Peskov", "Dmitry Peskov; Kremlin")


def test_search_hits_are_highlighted(base_url, browser_page, shots):
    page = browser_page
    page.goto(base_url + "/search?" + urlencode({"q": "المحادثات السرية"}))
    marks = page.locator("table.statements mark")
    assert [m.inner_text() for m in marks.all()] == ["محادثات", "سرية"]
    assert marks.first.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 241, 118)"
    assert marks.first.bounding_box()["width"] > 10
    page.screenshot(path=str(shots / "search.png"))


def test_story_claim_and_article(base_url, browser_page, shots):
    page = browser_page
    page.goto(base_url + "/stories")
    page.get_by_role("link", name="الكرملين ينفي تقريرا").click()
    page.wait_for_url("**/story/bloomberg-putin-2024")
    denial = page.locator('svg.timeline a.row[data-stance="deny"]', has_text="Kremlin")
    assert denial.count() == 1
    assert "بلومبرج" in denial.locator("title").text_content()
    assert denial.locator("circle").get_attribute("stroke") == "#c62828"
    box = denial.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 10
    page.screenshot(path=str(shots / "story.png"))

    page.locator("ul.claims a").first.click()
    page.wait_for_url("**/claim/claim%3Abloomberg-putin")
    denied = page.locator("ul.denied").inner_text()
    assert "Kremlin" in denied and "Dmitry Peskov" in denied and denied.count("Kremlin") == 1
    assert page.locator("ol.chronology > li").count() == 4
    page.locator("ol.chronology details.copies summary").first.click()
    assert "Al Arabiya" in page.locator("ol.chronology details.copies").first.inner_text()
    page.screenshot(path=str(shots / "claim.png"))

    page.locator("ol.chronology li.role-denied a", has_text="تقريرا لوكالة بلومبرج").first.click()
    page.locator("dl.meta a", has_text="الكرملين ينفي تقريرا").click()
    page.wait_for_url("**/article/**")
    highlight = page.locator('.page-text a.st-deny[href="#rec-s002-kremlin"]').first
    highlight.wait_for(state="visible")
    highlight.click()
    page.wait_for_url("**#rec-s002-kremlin")
    assert page.locator(".page-text").evaluate("el => getComputedStyle(el).direction") == "rtl"
    page.screenshot(path=str(shots / "article.png"))


def test_script_in_a_page_never_runs(base_url, browser_page):
    page = browser_page
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base_url + "/article/evil%2F%3Cpage%3E.txt/0")
    assert "<script>alert(1)</script>" in page.locator(".page-text").inner_text()
    for path in ("/story/story%2F%3Cevil%3E", "/", "/search?q=%3Cscript%3E"):
        page.goto(base_url + path)
    page.wait_for_timeout(200)
    assert dialogs == []


@pytest.fixture(scope="module")
def example_run_url(tmp_path_factory):
    from isnad.pipeline import run

    out = tmp_path_factory.mktemp("examplerun")
    run([str(EXAMPLES)], out, workers=1)
    url, server, thread = _serve(out)
    yield url
    server.should_exit = True
    thread.join(timeout=10)


def test_real_example_run_in_the_browser(example_run_url, browser_page, shots):
    """The same path over a run the pipeline makes from the example pages."""
    page = browser_page
    page.goto(example_run_url + "/")
    assert page.locator("section.contested table.claims tbody tr").count() >= 1
    page.goto(example_run_url + "/search")
    page.locator("form.facets input[name=q]").fill("زاخاروفا")
    page.locator("form.facets button").click()
    page.wait_for_url("**/search?q=*")
    zakharova = page.locator("table.statements tbody tr", has_text="Maria Zakharova")
    assert zakharova.count() >= 1
    assert "deny" in zakharova.first.locator(".stance").inner_text()
    assert zakharova.first.locator("mark").count() >= 1

    page.goto(example_run_url + "/search?" + urlencode({"q": "بلومبرج", "stance": "deny"}))
    kremlin = page.locator("table.statements tbody tr", has_text="Kremlin")
    assert kremlin.count() >= 1
    kremlin.first.locator("td.src a").click()
    page.wait_for_url("**/article/**#*")
    fragment = page.url.split("#", 1)[1]  # the source link points at the statement's record
    page.locator(f'.page-text a.st-deny[href="#{fragment}"]').first.wait_for(state="visible")
    assert page.locator(".records .record.st-deny", has_text="Kremlin").count() >= 1
    page.locator("dl.meta a[href^='/story/']").first.click()
    page.wait_for_url("**/story/**")
    assert page.locator('svg.timeline a.row[data-stance="deny"]', has_text="Kremlin").count() >= 1


def test_screenshots_of_a_given_run(browser_page, shots, tmp_path):
    """``ISNAD_SCREENSHOT_RUN=/tmp/bench-run ISNAD_SCREENSHOT_DIR=docs/screenshots`` refreshes the README's."""
    folder = os.environ.get("ISNAD_SCREENSHOT_RUN")
    if not folder:
        pytest.skip("set ISNAD_SCREENSHOT_RUN to a run folder to photograph it (the README uses the benchmark run)")
    url, server, thread = _serve(Path(folder))
    try:
        page = browser_page
        page.goto(url + "/")
        page.screenshot(path=str(shots / "bench-front.png"), full_page=False)
        page.locator("figure.chart-block").first.screenshot(path=str(shots / "bench-chart.png"))
        claim = page.locator("section.contested table.claims tbody tr a").first
        claim.click()
        page.wait_for_url("**/claim/**")
        page.screenshot(path=str(shots / "bench-claim.png"))
        page.goto(url + "/stories?sort=count")
        page.locator("table.stories tbody tr a").first.click()
        page.wait_for_url("**/story/**")
        page.screenshot(path=str(shots / "bench-story.png"))
        page.goto(url + "/search?" + urlencode({"q": "الأمم المتحدة", "sort": "relevance"}))
        assert page.locator("table.statements mark").count() > 0
        page.screenshot(path=str(shots / "bench-search.png"))
    finally:
        server.should_exit = True
        thread.join(timeout=10)
