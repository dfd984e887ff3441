"""The web UI through Flask's test client, on a DuckDB store filled by the real pipeline.

The articles below are fictional, written for these tests. Expectations are read from the
store's own JSON (the contract), so the tests check the UI, not the extraction quality.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

ARTICLES = [
    {
        "id": "ledger-ferry", "source": "Harbor Ledger", "published": "2025-03-10",
        "title": "Ferry runs aground off Harrow Point; all passengers safe",
        "url": "https://ledger.example/ferry",
        "text": "The ferry Maren Star ran aground on a sandbar off Harrow Point on Sunday evening "
                "with 48 passengers aboard, the Coast Guard said.\n\nNo one was hurt. Crews towed "
                "the vessel free at high tide shortly after midnight.\n\n\"The captain made the "
                "right call to hold position and wait for the tide,\" said Lena Vos, the harbor "
                "master.\n\nThe ferry line said service would resume on Wednesday.",
    },
    {
        "id": "post-ferry", "source": "Island Post", "published": "2025-03-10",
        "title": "Maren Star stuck on sandbar for five hours",
        "text": "About 60 passengers spent five hours aboard the ferry Maren Star after it struck "
                "a sandbar off Harrow Point on Sunday.\n\nHarbor master Lena Vos said the captain "
                "\"made the right call to hold position.\"\n\nPassenger Tomas Reyes said the crew "
                "handed out blankets and hot tea. \"Nobody panicked,\" Reyes said.\n\nThe ferry "
                "line said service would resume on Wednesday.",
    },
    {
        "id": "daily-ferry", "source": "Coast Daily", "published": "2025-03-11",
        "title": "Questions after Harrow Point grounding",
        "text": "The grounding of the Maren Star off Harrow Point on Sunday has renewed calls to "
                "dredge the channel, which was last dredged in 2019.\n\nCouncil member Ada "
                "Brinks said the town had warned the state about the sandbar two years ago. "
                "\"We asked for dredging and we were told to wait,\" Brinks said.\n\nThe ferry "
                "carried 48 passengers, according to the Coast Guard.",
    },
    {
        "id": "ledger-bakery", "source": "Harbor Ledger", "published": "2025-03-12",
        "title": "Old Mill Bakery wins regional bread prize",
        "text": "The Old Mill Bakery in Fenwick won first prize at the regional bread fair on "
                "Saturday for its rye loaf.\n\n\"We have baked this loaf the same way for thirty "
                "years,\" said owner Petra Lind.\n\nThe fair drew about 300 bakers from across "
                "the region.",
    },
]


def build_store(directory: Path, articles: list[dict] = ARTICLES) -> Path:
    """Run the real pipeline (``crosswire.analyze``) on ``articles`` into a DuckDB file."""
    import crosswire

    feed = directory / "feed.jsonl"
    feed.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    path = directory / "s.duckdb"
    result = crosswire.analyze([str(feed)], store=str(path))
    result.store.close()
    assert result.report.ingested == len(articles)
    return path


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, nlp) -> Path:
    return build_store(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def stored(store_path):
    """(story rows, {id: story}) as the store holds them."""
    from crosswire.store.duckdb import DuckDBStore

    store = DuckDBStore(store_path, read_only=True)
    rows = store.stories()
    return rows, {r["id"]: store.story(r["id"]) for r in rows}


@pytest.fixture()
def client(store_path):
    from crosswire.web.app import create_app

    return create_app(store_path).test_client()


def ferry_story(stored) -> dict:
    _, stories = stored
    return next(s for s in stories.values() if "post-ferry" in s["articles"])


def page_text(html: str) -> str:
    """What a reader sees: tags dropped, entities decoded, whitespace collapsed."""

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag, attrs):
            self.skip += tag in ("script", "style", "title")

        def handle_endtag(self, tag):
            self.skip -= tag in ("script", "style", "title")

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts))


def test_web_index_lists_every_story(client, stored):
    rows, _ = stored
    assert len(rows) >= 2
    response = client.get("/")
    assert response.status_code == 200
    text = page_text(response.get_data(as_text=True))
    for row in rows:
        assert row["title"] in text
    assert 'href="/stories/' in response.get_data(as_text=True)


def test_web_search_filters_stories(client, stored):
    rows, stories = stored
    bakery = next(s for s in stories.values() if "ledger-bakery" in s["articles"])
    html = client.get("/?q=Bakery").get_data(as_text=True)
    assert bakery["title"] in page_text(html)
    assert ferry_story(stored)["title"] not in page_text(html)
    data = client.get("/stories.json?q=Bakery").get_json()
    assert data["ok"] is True and data["query"] == "Bakery"
    assert [r["id"] for r in data["stories"]] == [bakery["id"]]
    none = client.get("/?q=zz-no-such-words-zz").get_data(as_text=True)
    assert "No story matches" in page_text(none)


def test_web_stories_json_matches_store(client, stored):
    rows, _ = stored
    data = client.get("/stories.json").get_json()
    assert data["stories"] == rows


def test_web_story_page_shows_facts_quotes_and_citations(client, stored):
    from crosswire.render.html import FACTS_FIRST, listed

    story = ferry_story(stored)
    response = client.get(f"/stories/{story['id']}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    text = page_text(html)
    assert story["title"] in text
    for heading in ("What happened", "Where outlets disagree", "When", "Agreed", "Single source",
                    "Quotes", "How each outlet framed it", "Sources"):
        assert heading in text
    agreed = story["facts"]["agreed"]
    facts = {k: [f for f in v if listed(f, agreed)] if k in ("agreed", "unique") else v
             for k, v in story["facts"].items()}  # who said what: in the quotes; no titles
    for fact in facts["agreed"] + facts["unique"][:FACTS_FIRST]:
        assert fact["statement"] in text
    for conflict in facts["conflicting"]:
        assert conflict["statement"] in text
        for variant in conflict["variants"]:
            assert variant["value"] in text
    for group in story["quotes"]:
        for variant in group["variants"]:
            assert variant["text"] in text
    # (a summary line shows a relative day with its date: "on Sunday (9 March 2025)")
    undated = re.sub(r" \((?:[A-Z][a-z]+ )?\d{1,2} [A-Z][a-z]+ \d{4}\)", "", text)
    for line in story["summary"]:
        assert line["text"] in undated
    # every citation of the story is a link to the cited span of its article, on the story
    # page or, for single-source facts past the first ten, on the full list of facts
    facts_html = client.get(f"/stories/{story['id']}/facts").get_data(as_text=True)
    dated = [c for e in story["events"] for c in e.get("date_citations") or ()]
    shown = {k: v for k, v in story.items() if k != "events"}
    shown["facts"] = facts  # (a speaker fact's quote is cited in the quotes instead)
    cites = set(re.findall(r'"article": "([^"]+)", "start": (\d+), "end": (\d+)',
                           json.dumps(shown)))
    assert cites
    for aid, start, end in cites:
        assert f'href="/articles/{aid}#c-{start}-{end}"' in html + facts_html
    # an event's date words are shown through the sentence that writes them
    linked = {(a, int(s), int(e)) for a, s, e in re.findall(
        r'href="/articles/([^"#]+)#c-(\d+)-(\d+)"', html)}
    for c in dated:
        assert any(a == c["article"] and s <= c["start"] and c["end"] <= e
                   for a, s, e in linked), c
    if story["timeline"] and any(t["date"] for t in story["timeline"]):
        assert "<svg" in html and 'class="timeline-chart"' in html


def test_web_story_page_caps_single_source_facts_and_links_the_full_list(client, stored):
    from crosswire.render.html import FACTS_FIRST, listed

    for story in stored[1].values():
        html = client.get(f"/stories/{story['id']}").get_data(as_text=True)
        unique = [f for f in story["facts"]["unique"] if listed(f, story["facts"]["agreed"])]
        full = f'href="/stories/{story["id"]}/facts#unique"'
        assert (full in html) is (len(unique) > FACTS_FIRST)
        page = client.get(f"/stories/{story['id']}/facts")
        assert page.status_code == 200
        text = page_text(page.get_data(as_text=True))
        at = [text.index(f["statement"]) for f in unique]
        assert at == sorted(at)  # the full list keeps the ranking
        for fact in story["facts"]["agreed"]:
            assert fact["statement"] in text or not listed(fact, story["facts"]["agreed"])
        assert client.get(f"/stories/{story['id']}/facts.json").get_json() == story["facts"]


def test_web_story_page_shows_no_internal_codes(client, stored, store_path):
    from crosswire.store.duckdb import DuckDBStore
    from test_render_html import internal_codes

    store = DuckDBStore(store_path, read_only=True)
    for story in stored[1].values():
        titles = tuple(store.article(a)["title"] for a in story["articles"])
        for url in (f"/stories/{story['id']}", f"/stories/{story['id']}/facts", "/"):
            text = page_text(client.get(url).get_data(as_text=True))
            assert internal_codes(text, story, titles) == [], url
    text = page_text(client.get("/articles/ledger-ferry").get_data(as_text=True))
    assert internal_codes(text, {"articles": ["ledger-ferry"], "id": "s-absent"}) == []
    assert "Sunday evening → Sunday 9 March 2025" in text  # as written, then in words


def test_web_story_json_is_the_contract(client, stored):
    story = ferry_story(stored)
    response = client.get(f"/stories/{story['id']}.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.get_json() == story


def test_web_article_page_anchors_every_cited_span(client, stored, store_path):
    from crosswire.store.duckdb import DuckDBStore

    story = ferry_story(stored)
    article = DuckDBStore(store_path, read_only=True).article("post-ferry")
    html = client.get("/articles/post-ferry").get_data(as_text=True)
    assert page_text(html).count(article["title"]) >= 1
    body = html.split('<div class="article-text">', 1)[1].split("</div>", 1)[0]
    # the highlighted text reads exactly as the article (marks add no characters)
    assert page_text(body) == re.sub(r"\s+", " ", article["text"])
    cited = re.findall(r'"article": "post-ferry", "start": (\d+), "end": (\d+)', json.dumps(story))
    assert cited
    for start, end in cited:
        assert f'id="c-{start}-{end}"' in body
    for entity in article["entities"]:
        assert f">{entity['text']}<" in body or entity["text"] in page_text(body)
    assert body.count("<mark") >= len(article["quotes"])
    assert "In " in page_text(html) and story["title"] in page_text(html)


def test_web_article_json(client, store_path):
    from crosswire.store.duckdb import DuckDBStore

    expected = DuckDBStore(store_path, read_only=True).article("ledger-ferry")
    data = client.get("/articles/ledger-ferry.json").get_json()
    assert data == expected
    for item in data["entities"] + data["quotes"] + data["times"] + data["numbers"]:
        assert data["text"][item["start"]:item["end"]] == item["text"]


@pytest.mark.parametrize(("url", "json_body"), [
    ("/stories/s-no-such-story", False),
    ("/stories/s-no-such-story.json", True),
    ("/articles/no-such-article", False),
    ("/articles/no-such-article.json", True),
    ("/no/such/page", False),
    ("/no/such/page.json", True),
])
def test_web_not_found_envelope(client, url, json_body):
    response = client.get(url)
    assert response.status_code == 404
    if json_body:
        data = response.get_json()
        assert data["ok"] is False and data["status"] == 404 and data["error"]
    else:
        assert response.mimetype == "text/html"
        assert "Not found" in page_text(response.get_data(as_text=True))


@pytest.mark.parametrize("url", [
    "/articles/..%2F..%2Fetc%2Fpasswd",
    "/articles/../../etc/passwd",
    "/articles/..%2F..%2Fetc%2Fpasswd.json",
    "/articles/%2e%2e",
    "/articles/a%00b",
    "/stories/..%2Fs.duckdb",
    "/stories/x%20or%201=1",
    "/static/..%2F..%2Fviews.py",
    "/static/../app.py",
])
def test_web_rejects_traversal_and_bad_ids(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert b"root:" not in response.data and b"import " not in response.data


def test_web_security_headers(client, stored):
    story = ferry_story(stored)
    for url in ("/", f"/stories/{story['id']}", "/articles/post-ferry", "/stories.json",
                "/nope"):
        headers = client.get(url).headers
        csp = headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp and "base-uri 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"


def test_web_no_inline_style_or_script(client, stored):
    story = ferry_story(stored)
    for url in ("/", f"/stories/{story['id']}", "/articles/post-ferry", "/nope"):
        html = client.get(url).get_data(as_text=True)
        assert " style=" not in html and "<style" not in html
        assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js" defer>']


def test_web_static_assets_served(client):
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.mimetype == "text/css"
    assert b"@media" in css.data  # mobile layout
    assert client.get("/static/app.js").status_code == 200


def test_web_rejects_writes_and_big_bodies(client):
    assert client.post("/", data="x").status_code == 405
    big = client.post("/", data="x" * 100_000)
    assert big.status_code in (405, 413)
    data = client.delete("/stories.json").get_json()
    assert data == {"ok": False, "error": data["error"], "errors": [data["error"]], "status": 405}


def test_web_story_alias_redirects(tmp_path):
    from crosswire.store.duckdb import DuckDBStore
    from crosswire.web.app import create_app

    path = tmp_path / "a.duckdb"
    store = DuckDBStore(path)
    store.save_link(None, [{"id": "s-new", "title": "Merged", "articles": [], "aliases": ["s-old"],
                          "events": [], "timeline": [], "quotes": [], "summary": [],
                          "framing": [], "facts": {"agreed": [], "unique": [],
                                                   "conflicting": []}}])
    client = create_app(path).test_client()
    response = client.get("/stories/s-old")
    assert response.status_code == 301 and response.headers["Location"].endswith("/stories/s-new")
    assert client.get("/stories/s-new").status_code == 200


def test_web_missing_store_is_an_empty_list(tmp_path):
    from crosswire.web.app import create_app

    client = create_app(tmp_path / "absent.duckdb").test_client()
    html = client.get("/").get_data(as_text=True)
    assert "crosswire ingest" in page_text(html)
    assert client.get("/stories.json").get_json()["stories"] == []
    assert client.get("/stories/s-1").status_code == 404


def test_web_busy_store_is_503(tmp_path, store_path):
    """A writer holding the DuckDB lock in another process: the UI answers 503, retry."""
    import shutil

    from crosswire.web.app import create_app

    path = tmp_path / "busy.duckdb"
    shutil.copy(store_path, path)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time\n"
         "con = duckdb.connect(sys.argv[1])\nprint('ready', flush=True)\ntime.sleep(60)",
         str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        client = create_app(path, busy_timeout=0.3).test_client()
        page = client.get("/")
        assert page.status_code == 503 and "store busy, retry" in page.get_data(as_text=True)
        data = client.get("/stories.json").get_json()
        assert data["status"] == 503 and "store busy, retry" in data["error"]
        assert client.get("/").headers["Retry-After"] == "2"
    finally:
        holder.kill()
        holder.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the lock goes with the process
        if create_app(path).test_client().get("/").status_code == 200:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the store stayed busy after the writer exited")


# -- pure helpers ----------------------------------------------------------------------
class Balanced(HTMLParser):
    """Fails on any end tag that does not close the innermost open tag."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.tags.add(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, f"misnested </{tag}>"


@pytest.mark.parametrize("spans", [
    [(0, 10, "entity"), (5, 15, "time")],                 # crossing
    [(0, 20, "quote"), (3, 8, "entity"), (3, 8, "time")],  # nested, identical ranges
    [(2, 30, "quote"), (0, 12, "entity"), (25, 40, "number")],
    [(0, 40, "entity"), (-3, 5, "time"), (35, 99, "number"), (7, 7, "entity")],  # out of range
])
def test_web_highlight_nests_overlapping_spans(spans):
    from crosswire.web.highlight import LAYER_MARK, LAYER_QUOTE, Mark, highlight

    text = 'Mayor <Ana> said "a & b" at 5 > 3 on Sunday.'
    marks = [Mark(s, e, LAYER_QUOTE if k == "quote" else LAYER_MARK, k, f"{k} <x>")
             for s, e, k in spans]
    marks.append(Mark(0, 25, 0, "cited", anchor="c-0-25"))
    html = str(highlight(text, marks))
    checker = Balanced()
    checker.feed(html)
    checker.close()
    assert checker.stack == []
    assert page_text(html) == text
    assert html.count('id="c-0-25"') == 1
    assert "<Ana>" not in html and checker.tags <= {"span", "mark"}


def test_web_timeline_chart_places_dates_in_order():
    from crosswire.web.timeline import timeline_chart

    chart = timeline_chart([{"date": "2025-03-09"}, {"date": None}, {"date": "2025-03"},
                            {"date": "2025-03-09"}, {"date": "2025-03-12"}])
    assert chart is not None
    xs = {d.index: d.x for d in chart.dots}
    assert set(xs) == {1, 3, 4, 5}
    assert xs[3] < xs[1] == xs[4] < xs[5]
    assert chart.dots[0].y != chart.dots[2].y  # same day: stacked, not hidden
    assert all(0 < d.y < chart.height for d in chart.dots)
    assert (chart.first, chart.last) == ("1 March 2025", "12 March 2025")  # words, not ISO
    assert chart.dots[0].date == "Sunday 9 March 2025"
    assert timeline_chart([{"date": None}, {"date": "P1W"}]) is None


def test_web_timeline_chart_keeps_a_stray_old_year_from_squeezing_the_story():
    from crosswire.web.timeline import timeline_chart

    entries = [{"date": "1988"}, *({"date": f"2025-03-{d:02d}"} for d in range(4, 14))]
    chart = timeline_chart(entries, ["2025-03-04", "2025-03-15"])
    xs = [d.x for d in chart.dots]
    assert len(set(xs[1:])) == 10  # ten March days, ten places: nothing stacks on one spot
    assert xs[0] < min(xs[1:]) and chart.before == "earlier: 1988"


# -- the command -----------------------------------------------------------------------
@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.1.2.3", True), ("::1", True), ("localhost", True),
    ("0.0.0.0", False), ("192.168.1.5", False), ("::", False), ("example.lan", False),
])
def test_serve_is_loopback(host, loopback):
    from crosswire.cli.serve import is_loopback

    assert is_loopback(host) is loopback


@pytest.mark.parametrize(("args", "host", "warned"), [
    ([], "127.0.0.1", False),
    (["--host", "0.0.0.0", "--port", "9001"], "0.0.0.0", True),
])
def test_serve_cli_binds_and_warns(monkeypatch, tmp_path, args, host, warned):
    import werkzeug.serving

    from crosswire.cli import cli
    from crosswire.cli import serve as _serve  # noqa: F401  (registers the command)
    from crosswire.store.duckdb import DuckDBStore

    DuckDBStore(tmp_path / "x.duckdb").close()  # serve refuses a store that does not exist
    calls = []
    monkeypatch.setattr(werkzeug.serving, "run_simple",
                        lambda *a, **k: calls.append((a, k)))
    result = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "x.duckdb"), *args])
    assert result.exit_code == 0, result.output
    (a, k), = calls
    assert a[0] == host and a[1] == (9001 if args else 8700) and k["threaded"] is True
    assert ("not loopback" in result.stderr) is warned
    assert result.stdout == ""


@pytest.mark.parametrize(("low", "high", "shown"), [
    (48.0, 48.0, "48"), (200, 999, "200–999"), (6, None, "6+"), (None, 3, "up to 3"),
    (1e6, 2.5e6, "1,000,000–2,500,000"), (0.5, 0.75, "0.5–0.75"),
])
def test_web_format_range(low, high, shown):
    from crosswire.brief.statements import range_words as format_range

    assert format_range(low, high) == shown


def test_web_highlight_is_fast_on_long_articles():
    from crosswire.web.highlight import LAYER_MARK, Mark, highlight

    text = "Word and more words here. " * 2000  # 52,000 characters
    marks = [Mark(i, i + 4, LAYER_MARK, "entity", "e") for i in range(0, len(text) - 4, 13)]
    started = time.perf_counter()
    html = str(highlight(text, marks))
    assert time.perf_counter() - started < 2.0
    assert html.count("<mark") == len(marks)
