"""The web view in a real browser: headless Debian Chromium driven by Playwright.

Walks the analyst's path over the fixture run (see test_web.py): the
stories page, a story's timeline with the Kremlin's denial of the Bloomberg
report, the claim with its denial, an article's highlighted text, and a
search for زاخاروفا.  Screenshots go to ``$ISNAD_SCREENSHOT_DIR`` when set
(``docs/screenshots`` refreshes the README's), else to a temporary folder.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from test_web import SEEDS, fixture_rows, write_run

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (apt-get install chromium)")


def _serve(run_dir: Path):
    """Start the app on a free loopback port in a thread; return (base URL, server)."""
    import uvicorn

    from isnad.web import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(run_dir), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
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
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 860}, locale="en-US",
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


def test_analyst_path_through_the_run(base_url, browser_page, shots):
    page = browser_page
    page.goto(base_url + "/")
    assert page.locator("h1").inner_text() == "Stories"
    page.screenshot(path=str(shots / "stories.png"))

    page.get_by_role("link", name="الكرملين ينفي تقريرا").click()
    page.wait_for_url("**/story/bloomberg-putin-2024")
    denial = page.locator('svg.timeline a.row[data-stance="deny"]', has_text="Kremlin")
    assert denial.count() == 1
    assert "بلومبرج" in denial.locator("title").text_content()
    assert denial.locator("circle").get_attribute("fill") == "#c62828"
    box = denial.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 10  # drawn, not just present
    page.screenshot(path=str(shots / "story.png"))

    page.locator("ul.claims a").first.click()
    page.wait_for_url("**/claim/claim%3Abloomberg-putin")
    assert "Kremlin" in page.locator("ul.denied").inner_text()
    assert "Dmitry Peskov" in page.locator("ul.denied").inner_text()
    order = page.locator("ol.chronology > li")
    assert order.count() == 4
    assert "denied" in page.locator("ol.chronology li.role-denied").first.inner_text().lower()
    page.screenshot(path=str(shots / "claim.png"))

    page.locator("ol.chronology li.role-denied a", has_text="تقريرا لوكالة بلومبرج").first.click()
    page.locator("dl.meta a", has_text="الكرملين ينفي").click()
    page.wait_for_url("**/article/**")
    highlight = page.locator('.page-text a.st-deny[href="#rec-s002-kremlin"]').first
    highlight.wait_for(state="visible")
    highlight.click()
    page.wait_for_url("**#rec-s002-kremlin")
    page.locator("#rec-s002-kremlin").wait_for(state="visible")
    direction = page.locator(".page-text").evaluate("el => getComputedStyle(el).direction")
    assert direction == "rtl"
    page.screenshot(path=str(shots / "article.png"))

    page.goto(base_url + "/search")
    page.locator("form.search input[name=q]").fill("زاخاروفا")
    page.locator("form.search button").click()
    page.wait_for_url("**/search?q=*")
    rows = page.locator("table.statements tbody tr")
    assert rows.count() == 1
    assert "Maria Zakharova" in rows.first.inner_text()
    assert "مزيفة وغير صحيحة" in rows.first.inner_text()
    page.screenshot(path=str(shots / "search.png"))


def test_script_in_a_page_never_runs(base_url, browser_page):
    page = browser_page
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base_url + "/article/evil%2F%3Cpage%3E.txt/0")
    assert "<script>alert(1)</script>" in page.locator(".page-text").inner_text()
    page.goto(base_url + "/story/story%2F%3Cevil%3E")
    page.wait_for_timeout(200)
    assert dialogs == []


@pytest.fixture(scope="module")
def seed_run_url(tmp_path_factory):
    pipeline = pytest.importorskip("isnad.pipeline", reason="the page pipeline is not complete yet")
    out = tmp_path_factory.mktemp("seedrun")
    pipeline.run([str(SEEDS)], out, workers=1)
    url, server, thread = _serve(out)
    yield url
    server.should_exit = True
    thread.join(timeout=10)


def test_real_seed_run_in_the_browser(seed_run_url, browser_page, shots):
    """The same path over a run the pipeline makes from the seed pages now."""
    page = browser_page
    page.goto(seed_run_url + "/")
    assert page.locator("h1").inner_text() == "Stories"

    page.goto(seed_run_url + "/search")
    page.locator("form.search input[name=q]").fill("زاخاروفا")
    page.locator("form.search button").click()
    page.wait_for_url("**/search?q=*")
    zakharova = page.locator("table.statements tbody tr", has_text="Maria Zakharova")
    assert zakharova.count() >= 1
    assert "deny" in zakharova.first.locator(".stance").inner_text()
    page.screenshot(path=str(shots / "seed-search.png"))

    page.goto(seed_run_url + "/search?" + urlencode({"q": "بلومبرج", "stance": "deny"}))
    kremlin = page.locator("table.statements tbody tr", has_text="Kremlin")
    assert kremlin.count() >= 1
    kremlin.first.locator("td.src a").click()
    page.wait_for_url("**/article/**#*")
    fragment = page.url.split("#", 1)[1]  # the source link points at the statement's record
    highlight = page.locator(f'.page-text a.st-deny[href="#{fragment}"]')
    highlight.first.wait_for(state="visible")
    assert "بلومبرج" in page.locator(".page-text").inner_text()
    assert page.locator(".records .record.st-deny", has_text="Kremlin").count() >= 1
    page.screenshot(path=str(shots / "seed-article.png"))

    story_links = page.locator("dl.meta a[href^='/story/']")
    if story_links.count():  # once the corpus step groups stories
        story_links.first.click()
        page.wait_for_url("**/story/**")
        assert page.locator('svg.timeline a.row[data-stance="deny"]', has_text="Kremlin").count() >= 1
