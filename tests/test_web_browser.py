"""The web UI and the HTML brief in headless Chromium: what a person sees, with and without
JavaScript, on a desktop screen (1280x800) and a phone (390x844).

Needs /usr/bin/chromium (Debian package ``chromium``) and the ``playwright`` Python package;
skips otherwise. Screenshots land in tests/artifacts/ (gitignored).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TARGET_BG = "rgb(255, 224, 102)"  # --target in style.css


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Chromium at /usr/bin/chromium "
                    "(Debian/Ubuntu: apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="browser tests need the playwright package")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


def serve(store_path: Path) -> Iterator[str]:
    """Run the app on 127.0.0.1 with a free port in a thread; yields its base URL."""
    from werkzeug.serving import make_server

    from crosswire.web.app import create_app

    server = make_server("127.0.0.1", 0, create_app(store_path), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, nlp) -> Path:
    from test_web_app import build_store

    return build_store(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def base_url(store_path) -> Iterator[str]:
    yield from serve(store_path)


@pytest.fixture(scope="module")
def ferry(store_path) -> dict:
    from crosswire.store.duckdb import DuckDBStore

    store = DuckDBStore(store_path, read_only=True)
    stories = [store.story(r["id"]) for r in store.stories()]
    return next(s for s in stories if "post-ferry" in s["articles"])


def first_fact_citation(story: dict) -> tuple[str, dict]:
    """(column class, first citation) of the first fact shown, agreed facts first."""
    facts = story["facts"]
    for column, items in (("agreed", facts["agreed"]), ("unique", facts["unique"])):
        for fact in items:
            if fact["citations"]:
                return column, fact["citations"][0]
    for conflict in facts["conflicting"]:
        for variant in conflict["variants"]:
            if variant["citations"]:
                return "conflicting", variant["citations"][0]
    pytest.fail("the fixture story has no cited fact")


def watch(page) -> dict[str, list[str]]:
    """Record dialogs (alert/confirm), console errors and page errors."""
    seen: dict[str, list[str]] = {"dialogs": [], "console": [], "errors": []}

    def on_dialog(dialog):
        seen["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda msg: seen["console"].append(msg.text)
            if msg.type == "error" else None)
    page.on("pageerror", lambda err: seen["errors"].append(str(err)))
    return seen


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_browser_story_to_cited_sentence(browser, base_url, ferry, store_path, javascript):
    from crosswire.store.duckdb import DuckDBStore

    context = browser.new_context(java_script_enabled=javascript,
                                  viewport={"width": 1200, "height": 900})
    page = context.new_page()
    seen = watch(page)
    tag = "js" if javascript else "nojs"
    ARTIFACTS.mkdir(exist_ok=True)

    page.goto(base_url + "/")
    assert page.locator("h1").inner_text() == "Stories"
    page.get_by_role("link", name=ferry["title"], exact=True).click()
    page.wait_for_url(f"**/stories/{ferry['id']}")
    assert page.locator("h1").inner_text() == ferry["title"]
    for heading in ("What happened", "Where outlets disagree", "When", "Agreed", "Single source"):
        assert page.locator("h2, h3", has_text=heading).first.is_visible()
    page.screenshot(path=str(ARTIFACTS / f"story-{tag}.png"), full_page=True)

    column, cite = first_fact_citation(ferry)
    href = f"/articles/{cite['article']}#c-{cite['start']}-{cite['end']}"
    where = ".conflict" if column == "conflicting" else f".col.{column}"
    link = page.locator(f"{where} a.cite[href='{href}']").first
    link.click()
    page.wait_for_url(f"**{href}")

    article = DuckDBStore(store_path, read_only=True).article(cite["article"])
    sentence = article["text"][cite["start"]:cite["end"]]
    target = page.locator(f"#c-{cite['start']}-{cite['end']}")
    assert page.locator("h1").inner_text() == article["title"]
    assert target.is_visible()
    assert target.evaluate("el => el.getBoundingClientRect().top") < 900  # scrolled into view
    assert " ".join(target.inner_text().split()) == " ".join(sentence.split())
    assert target.evaluate("el => getComputedStyle(el).backgroundColor") == TARGET_BG
    if javascript:
        assert "lit" in (target.get_attribute("class") or "")
    assert page.locator(".article-text mark").count() >= 1
    page.screenshot(path=str(ARTIFACTS / f"article-{tag}.png"))

    assert seen == {"dialogs": [], "console": [], "errors": []}
    context.close()


def test_browser_mobile_layout(browser, base_url, ferry):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    seen = watch(page)
    page.goto(f"{base_url}/stories/{ferry['id']}")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing forces sideways scrolling
    boxes = [page.locator(f".col.{c}").bounding_box() for c in ("agreed", "unique")]
    assert boxes[0]["y"] < boxes[1]["y"]  # fact columns stack on a phone
    page.screenshot(path=str(ARTIFACTS / "story-mobile.png"), full_page=True)
    assert seen["console"] == [] and seen["errors"] == []
    context.close()


def test_browser_search_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/")
    page.fill("#q", "Bakery")
    page.press("#q", "Enter")
    page.wait_for_url("**/?q=Bakery")
    assert "Old Mill Bakery" in page.locator(".story-list").inner_text()
    assert "Maren Star" not in page.locator(".story-list").inner_text()
    context.close()


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory) -> Iterator[str]:
    from test_web_security import hostile_store

    yield from serve(hostile_store(tmp_path_factory.mktemp("xss") / "x.duckdb"))


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_browser_planted_xss_never_runs(browser, hostile_url, javascript):
    from test_web_security import PAYLOADS

    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    seen = watch(page)
    for path in ("/", "/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "/stories/s-evil",
                 "/articles/evil-1", "/articles/evil-1#c-0-35"):
        page.goto(hostile_url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("document.querySelectorAll('img, iframe').length") == 0
    text = page.locator(".article-text").inner_text()
    assert PAYLOADS[0] in text and PAYLOADS[1] in text  # shown to the reader as plain text
    page.goto(hostile_url + "/stories/s-evil")
    page.screenshot(path=str(ARTIFACTS / f"xss-story-{'js' if javascript else 'nojs'}.png"),
                    full_page=True)
    assert seen == {"dialogs": [], "console": [], "errors": []}
    context.close()


# -- the demo, on a desktop and on a phone: every contradiction within the first screens ---
# viewport and how many screens the contradictions must fit in
SCREENS = {"desktop": ({"width": 1280, "height": 800}, 2),
           "phone": ({"width": 390, "height": 844}, 3)}

OPEN_ALL = "document.querySelectorAll('details').forEach(d => { d.open = true; })"
# the top and bottom (page offsets, px) of the contradiction item holding each question
CONFLICT_BOXES = """(questions) => questions.map(q => {
  const item = [...document.querySelectorAll('.conflict')]
    .find(el => el.querySelector('.question').innerText.trim().startsWith(q));
  if (!item) return null;
  const r = item.getBoundingClientRect();
  return {top: r.top + window.scrollY, bottom: r.bottom + window.scrollY,
          text: item.innerText};
})"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory, nlp) -> dict:
    """The bundled demo run into a store, with its HTML briefs written."""
    from importlib import resources

    import crosswire

    out = tmp_path_factory.mktemp("demo-browser")
    corpus = Path(str(resources.files("crosswire.demo"))) / "corpus"
    result = crosswire.analyze([corpus], store=str(out / "demo.duckdb"))
    result.write(out, formats=("html",))
    stories = sorted(result.stories, key=lambda s: -len(s["facts"]["conflicting"]))
    story = stories[0]
    titles = [result.store.article(a).get("title") or "" for a in story["articles"]]
    result.store.close()
    assert len(story["facts"]["conflicting"]) >= 2  # the demo plants contradictions
    return {"store": out / "demo.duckdb", "story": story,
            "report": (out / "stories" / f"{story['id']}.html").as_uri(),
            "titles": tuple(t for t in titles if t)}


@pytest.fixture(scope="module")
def demo_url(demo) -> Iterator[str]:
    yield from serve(demo["store"])


def demo_page(browser, demo, demo_url, view: str, screen: str):
    viewport, _ = SCREENS[screen]
    context = browser.new_context(viewport=viewport, is_mobile=screen == "phone")
    page = context.new_page()
    seen = watch(page)
    page.goto(demo["report"] if view == "report" else f"{demo_url}/stories/{demo['story']['id']}")
    page.wait_for_load_state("load")
    return context, page, seen


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("view", ["report", "web"])
def test_browser_contradictions_on_the_first_screens(browser, demo, demo_url, view, screen):
    """Each contradiction of the demo, with both sides and their outlets, ends within the
    first two screens on a desktop and the first three on a phone."""
    _, limit = SCREENS[screen]
    context, page, seen = demo_page(browser, demo, demo_url, view, screen)
    height = page.viewport_size["height"]
    conflicts = demo["story"]["facts"]["conflicting"]
    boxes = page.evaluate(CONFLICT_BOXES, [c["statement"] for c in conflicts])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"demo-{view}-{screen}.png"))
    for conflict, box in zip(conflicts, boxes, strict=True):
        assert box is not None, conflict["statement"]
        assert box["bottom"] <= limit * height, (conflict["statement"], box, limit * height)
        for variant in conflict["variants"]:
            assert variant["value"] in box["text"]
            for outlet in variant.get("sources") or ():
                assert outlet in box["text"]
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert seen["console"] == [] and seen["errors"] == []
    context.close()


@pytest.mark.parametrize("view", ["report", "web"])
def test_browser_first_contradiction_on_the_first_phone_screen(browser, demo, demo_url, view):
    """On a 390 px phone the first screen reaches the disagreements: the first one's
    question and the start of its first side are on it (one summary line stays on top, the
    rest fold as they do below it)."""
    context, page, _ = demo_page(browser, demo, demo_url, view, "phone")
    first = demo["story"]["facts"]["conflicting"][0]["statement"]
    (box,) = page.evaluate(CONFLICT_BOXES, [first])
    assert box is not None and box["top"] + 90 <= page.viewport_size["height"], box
    # every summary line is still there, folded or not
    page.evaluate(OPEN_ALL)
    text = page.evaluate("document.body.innerText")
    for line in demo["story"]["summary"]:
        assert line["text"][:40] in text, line["text"]
    context.close()


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("view", ["report", "web"])
def test_browser_shows_no_internal_codes(browser, demo, demo_url, view, screen):
    """With every fold open, no slot key, id, hash or TIMEX code is in the visible text."""
    from test_render_html import internal_codes

    context, page, _ = demo_page(browser, demo, demo_url, view, screen)
    page.evaluate(OPEN_ALL)
    text = page.evaluate("document.body.innerText")
    assert internal_codes(text, demo["story"], demo["titles"]) == []
    context.close()


def test_browser_full_list_of_facts(browser, demo, demo_url):
    """The story page shows ten single-source facts and links the full, ranked list; the
    link's number is the number of lines that list shows (one line per statement, so it can
    be fewer than the story's facts when two are told by one sentence)."""
    import re

    from crosswire.render.html import FACTS_FIRST

    story = demo["story"]
    unique = story["facts"]["unique"]
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_url}/stories/{story['id']}")
    shown = page.locator(".col.unique li.fact").count()
    assert shown == min(len(unique), FACTS_FIRST)
    link = page.get_by_role("link", name=re.compile(r"^All \d+ single-source facts$"))
    if len(unique) > FACTS_FIRST:
        lines = int(re.search(r"\d+", link.inner_text()).group())
        assert FACTS_FIRST < lines <= len(unique)
        link.click()
        page.wait_for_url(f"**/stories/{story['id']}/facts#unique")
        assert page.locator("#unique li.fact").count() == lines
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    else:
        assert link.count() == 0
    context.close()


@pytest.mark.parametrize("view", ["report", "web"])
def test_browser_timeline_drawing_keeps_its_scale_on_a_phone(browser, demo, demo_url, view):
    """On a 390 px phone the timeline drawing is not shrunk to unreadable dots (its numbers
    stay at the size drawn): its own box scrolls sideways, the page does not."""
    context, page, _ = demo_page(browser, demo, demo_url, view, "phone")
    page.evaluate(OPEN_ALL)
    svg = page.locator("svg[viewBox]").first
    drawn = float(svg.get_attribute("viewBox").split()[2])
    assert svg.bounding_box()["width"] >= drawn
    box = svg.evaluate("el => { const b = el.parentElement; "
                       "return {scroll: b.scrollWidth, client: b.clientWidth, "
                       "overflow: getComputedStyle(b).overflowX}; }")
    assert box["overflow"] == "auto" and box["scroll"] > box["client"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
