"""The web app in a real browser: Playwright driving Debian's Chromium against uvicorn.

Skipped when ``/usr/bin/chromium`` (``apt-get install chromium``) or the Python
``playwright`` package is missing; Playwright's own browser download is never
used. Screenshots of the main pages, on a laptop and a phone, go to
``/tmp/shots/`` (``CABLEKIT_SHOTS`` to change it).
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ROOT, SEED

from cablekit.store import Library

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(
        "no /usr/bin/chromium: apt-get install -y chromium to run the browser tests",
        allow_module_level=True,
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed (pip install playwright)"
)
uvicorn = pytest.importorskip("uvicorn")

from cablekit.web.app import create_app  # noqa: E402

SAMPLE = ROOT / "samples" / "cables-sample.jsonl"
SEED_IDS = ["09MOSCOW1488", "10MOSCOW392", "10BAKU134", "09MOSCOW2529"]
SHOTS = Path(os.environ.get("CABLEKIT_SHOTS", "/tmp/shots"))
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    """A real server on loopback over the sample library (10CAIRO237 in two versions, the
    second also citing 10BAKU134)."""
    folder = tmp_path_factory.mktemp("browser")
    path = folder / "cables.db"
    second = folder / "cairo-v2.jsonl"
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == "10CAIRO237":
            record["body"] = record["body"].replace(
                "REF: 10 CAIRO 215", "REF: A. 10 CAIRO 215 B. 10 BAKU 134"
            )
            second.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with Library.open(path, create=True) as library:
        library.ingest([str(SAMPLE), str(second)])
    port = _free_port()
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A desktop page that fails the test on any script dialog or CSP violation."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems: list[str] = []
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    yield page
    context.close()
    assert problems == []


def _query(url: str) -> str:
    return parse_qs(urlsplit(url).query).get("q", [""])[0]


def _result_ids(page) -> list[str]:
    return [
        href.rsplit("/", 1)[1]
        for href in page.locator("ol.hits h2 a").evaluate_all("els => els.map(e => e.href)")
    ]


def test_search_then_refine_with_a_facet(page, base_url):
    page.goto(base_url + "/")
    page.fill("input[name=q]", "Lavrov")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Lavrov")
    assert sorted(_result_ids(page)) == sorted(SEED_IDS)
    assert page.locator("ol.hits mark").first.inner_text() == "Lavrov"
    page.locator(".facet a", has_text="Embassy Baku").click()
    page.wait_for_url("**origin*")
    assert _query(page.url) == 'Lavrov origin:"Embassy Baku"'
    assert _result_ids(page) == ["10BAKU134"]
    assert page.locator(".facet a.active").count() == 1


def test_open_a_cable_and_follow_a_reference(page, base_url):
    page.goto(base_url + "/search?q=Cairo+tag%3AKDEM")
    page.locator("ol.hits h2 a", has_text="El Baradei").click()
    page.wait_for_url("**/cables/10CAIRO237")
    assert page.locator("h1").inner_text() == "El Baradei Returns to Cairo"
    assert page.locator(".metabox").is_visible()
    assert page.locator(".refs .notinlib").count() == 1  # 10CAIRO215
    page.locator(".refs a", has_text="10BAKU134").click()
    page.wait_for_url("**/cables/10BAKU134")
    assert "YOU CAN'T BOIL TWO HEADS" in page.locator("h1").inner_text()
    page.locator(".para .pnum").nth(2).click()
    assert page.url.endswith("#p3")
    assert page.locator(".para:target").get_attribute("id") == "p3"
    page.locator("details.original summary").click()
    assert page.locator("details.original pre").is_visible()


def test_identify_the_seed_page(page, base_url):
    page.goto(base_url + "/identify")
    page.fill("textarea[name=text]", SEED.read_text(encoding="utf-8"))
    page.click("form.idform button[type=submit]")
    page.wait_for_selector("section.match")
    ids = page.locator("section.match").evaluate_all("els => els.map(e => e.id.slice(2))")
    assert ids == SEED_IDS
    assert "4 cables found" in page.locator(".idsummary h2").inner_text()
    assert page.locator("#m-09MOSCOW1488 .ln.lost").count() == 9
    assert page.locator(".unmatched").count() >= 1
    page.locator("#m-10BAKU134 h2 a").click()
    page.wait_for_url("**/cables/10BAKU134")


def test_an_upload_over_the_limit_says_so(page, base_url):
    page.goto(base_url + "/identify")
    big = {"name": "big.txt", "mimeType": "text/plain", "buffer": b"cable text\n" * 300_000}
    page.set_input_files("input[type=file]", big)
    page.click("form.idform button[type=submit]")
    alert = page.locator(".error[role=alert]")
    alert.wait_for()
    assert "the limit is 2 MB" in alert.inner_text()
    assert page.locator("textarea[name=text]").is_visible()  # the form is there to try again


def test_a_script_in_the_query_is_shown_not_run(page, base_url):
    attack = "<script>alert(1)</script>"
    page.goto(base_url + "/")
    page.fill("input[name=q]", attack)
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state("load")
    assert _query(page.url) == attack
    assert page.input_value("input[name=q]") == attack
    assert attack in page.locator("main").inner_text()
    page.goto(base_url + "/search?q=" + '"><img src=x onerror=alert(2)>')
    assert page.locator("main img").count() == 0
    # The page fixture fails the test had any dialog opened.


def test_drag_across_the_timeline_narrows_the_dates(page, base_url):
    page.goto(base_url + "/search?q=tag%3APREL")
    box = page.locator("#timeline").bounding_box()
    assert box is not None
    keys = page.locator("#timeline a").evaluate_all("els => els.map(e => e.dataset.key)")
    n = len(keys)
    first, last = keys.index("2009-01"), keys.index("2009-12")
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * (first + 0.5) / n, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * (last + 0.5) / n, y, steps=8)
    page.mouse.up()
    page.wait_for_url("**from*")
    assert _query(page.url) == "tag:PREL from:2009-01 to:2009-12"
    dates = page.locator("ol.hits .meta").all_inner_texts()
    assert dates and all("2009" in d for d in dates)


@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_screenshots_of_the_main_pages(browser, base_url, name, viewport):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        for slug, path in [
            ("home", "/"),
            ("search", "/search?q=Lavrov"),
            ("cable", "/cables/09MOSCOW1488"),
            ("identify", "/identify"),
        ]:
            page.goto(base_url + path)
            if slug == "identify":
                page.fill("textarea[name=text]", SEED.read_text(encoding="utf-8"))
                page.click("form.idform button[type=submit]")
                page.wait_for_selector("section.match")
            page.screenshot(path=str(SHOTS / f"{name}-{slug}.png"))
            if slug == "identify":
                page.locator("#m-09MOSCOW1488").screenshot(
                    path=str(SHOTS / f"{name}-identify-match.png")
                )
            # Nothing wider than the screen: no sideways scrolling on a phone.
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"{path} is {width}px wide"
    finally:
        context.close()


def test_from_a_cable_to_a_person_page_with_its_figures(page, base_url):
    """From 09MOSCOW1488's people to Lavrov's page: the timeline, the network and the map
    are drawn (the map's outlines come from /static/world.svg through <use>)."""
    page.goto(base_url + "/cables/09MOSCOW1488")
    page.locator(".metabox a", has_text="Lavrov").first.click()
    page.wait_for_url("**/people/*")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Lavrov (Russia)"
    assert page.locator("#timeline a[data-key] rect.bar").count() == 2
    assert page.locator("#network a.node circle").count() >= 5
    assert page.locator("#network a.node.center").count() == 1
    assert page.locator("#network line").count() >= 5
    assert page.locator("#map use.land").count() == 1
    assert page.locator("#map a.place circle").count() >= 2
    # the outlines were fetched and drawn: the <use> has the size of the world's land
    land = page.locator("#map use.land").evaluate("u => u.getBBox().width")
    assert land > 3000
    box = page.locator("#map").bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 150
    # a node of the network opens that person's page
    other = page.locator("#network a.node:not(.center)").first
    name = other.locator("title").text_content().split(":")[0]
    other.click()
    page.wait_for_url("**/people/*")
    assert page.locator("h1").inner_text() == name


def test_the_people_list_filters_by_name(page, base_url):
    page.goto(base_url + "/people")
    page.fill("form.namefilter input[name=q]", "lav")
    page.press("form.namefilter input[name=q]", "Enter")
    page.wait_for_url("**/people?q=lav")
    names = page.locator("table.entities tbody td:first-child a").all_inner_texts()
    assert sorted(names) == ["Lavrov", "Lavrov (Russia)"]


@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_screenshots_of_the_entity_pages(browser, base_url, name, viewport):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        page.goto(base_url + "/cables/09MOSCOW1488")
        page.locator(".metabox a", has_text="Lavrov").first.click()
        page.wait_for_url("**/people/*")
        person = page.url
        page.goto(base_url + "/places")
        page.locator("table.entities a", has_text="Moscow").first.click()
        page.wait_for_url("**/places/*")
        place = page.url
        for slug, url in [("people", base_url + "/people"), ("person", person), ("place", place)]:
            page.goto(url)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(SHOTS / f"{name}-{slug}.png"), full_page=slug != "people")
            if slug == "person":
                page.locator(".entfigs").screenshot(path=str(SHOTS / f"{name}-person-figures.png"))
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"{url} is {width}px wide"
    finally:
        context.close()
