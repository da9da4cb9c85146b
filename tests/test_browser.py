"""The web app in a real browser: headless Debian Chromium driven by Playwright.

Loads the map, filters by a type, brushes the timeline, opens an event, logs in, confirms
it, saves screenshots to tests/artifacts/, and records every request the browser makes to
check that none goes to a host other than the app's. Never runs `playwright install`: it
uses /usr/bin/chromium (scripts/install_browser.sh installs it).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"{CHROMIUM} not installed (run scripts/install_browser.sh)"),
]
playwright_sync = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from eventledger.web.app import create_app
    from eventledger.web.sample import build_sample_db

    engine = build_sample_db(tmp_path_factory.mktemp("browser") / "browser.db")
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(engine, secret_key="browser-test"), host="127.0.0.1",
                                        port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    engine.dispose()


@pytest.fixture(scope="module")
def browser_page(server):
    requests: list[str] = []
    with playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        own = urlsplit(server).netloc

        def guard(route):
            # recorded by the "request" listener; a request elsewhere is also cut off here so
            # the test never reaches the network
            if urlsplit(route.request.url).netloc == own or route.request.url.startswith("data:"):
                route.continue_()
            else:
                route.abort()

        context.route("**/*", guard)
        context.on("request", lambda req: requests.append(req.url))
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        yield page, requests, errors
        context.close()
        browser.close()


def test_map_filter_event_login_confirm(server, browser_page):
    page, requests, errors = browser_page
    ARTIFACTS.mkdir(exist_ok=True)

    page.goto(server + "/")
    page.wait_for_selector("#map[data-ready]", timeout=20000)
    page.wait_for_selector("#timeline[data-ready]", timeout=20000)
    assert page.get_attribute("#map", "data-ready") == "5"  # located events (undated one has no place)
    assert page.locator(".leaflet-overlay-pane path").count() >= 1  # Natural Earth outlines drawn
    assert page.locator(".leaflet-marker-pane .cluster, .leaflet-overlay-pane path.leaflet-interactive").count() >= 1
    assert page.locator("#timeline rect[data-type]").count() >= 4
    assert page.locator("#events tbody tr").count() == 6
    page.screenshot(path=str(ARTIFACTS / "map.png"), full_page=True)

    # filter by a type
    page.select_option("#f-event_type", "repression")
    with page.expect_navigation():
        page.click("#apply")
    assert "event_type=repression" in page.url
    page.wait_for_selector("#map[data-ready]", timeout=20000)
    assert page.get_attribute("#map", "data-ready") == "2"
    types = page.locator("#events tbody tr td:nth-child(2)").all_inner_texts()
    assert types and all(t.strip() == "repression" for t in types)

    # brushing the timeline sets the period and reloads map and table
    box = page.locator("#timeline svg").bounding_box()
    with page.expect_navigation():
        page.mouse.move(box["x"] + box["width"] * 0.05, box["y"] + box["height"] / 2)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] / 2, steps=5)
        page.mouse.up()
    assert "date_from=" in page.url and "date_to=" in page.url and "event_type=repression" in page.url
    page.wait_for_selector("#map[data-ready]", timeout=20000)
    assert page.locator("#events tbody tr").count() >= 1

    # open an event from the table
    page.goto(server + "/?event_type=repression")
    with page.expect_navigation():
        page.locator("a.evlink").first.click()
    assert "/events/" in page.url
    event_url = page.url
    assert "repression" in page.inner_text("h1")
    assert page.locator("mark.ev").count() >= 1  # evidence highlighted
    assert page.inner_text("#status") == "machine"

    # log in and confirm it
    with page.expect_navigation():
        page.click("#login-to-review")
    page.fill("#name", "rev")
    page.fill("#password", "reviewer-pass-1")
    with page.expect_navigation():
        page.click("#login-submit")
    assert page.url == event_url
    with page.expect_navigation():
        page.click("#confirm")
    assert page.inner_text("#status") == "confirmed"
    assert "confirm" in page.inner_text("#reviews") and "rev" in page.inner_text("#reviews")
    page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)

    assert not errors, errors
    own = urlsplit(server).netloc
    foreign = [u for u in requests if not u.startswith("data:") and urlsplit(u).netloc != own]
    assert requests and not foreign, foreign


def test_hostile_text_does_not_execute(server, browser_page):
    page, requests, errors = browser_page
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/events/ev-protest-3")
    assert "<script>" in page.inner_text("h1")  # shown as text
    page.goto(server + "/?q=" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    page.goto(server + "/")
    page.wait_for_selector("#map[data-ready]", timeout=20000)
    assert dialogs == [] and page.locator("b[onmouseover]").count() == 0
