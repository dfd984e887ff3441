"""Untrusted text in the web UI: planted markup must come out escaped, never executable.

Two stores: one written by hand with a payload in every field a page shows (titles, sources,
urls, quotes, facts, framing, extraction labels), and one made by the real pipeline from
fictional articles carrying the payloads in their titles, sources, urls and bodies.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    '"><svg onload=alert(1)>',
    "</textarea><iframe src=javascript:alert(1)></iframe>",
    "' onmouseover='alert(1)",
]
BAD = " ".join(PAYLOADS)
OK_TAGS = {"html", "head", "meta", "title", "link", "script", "body", "header", "a", "form",
           "label", "input", "button", "main", "footer", "span", "h1", "h2", "h3", "p", "ol",
           "ul", "li", "article", "section", "nav", "div", "strong", "time", "blockquote", "q",
           "mark", "code", "svg", "line", "text", "circle", "table", "thead", "tbody", "tr",
           "th", "td", "details", "summary"}


class Audit(HTMLParser):
    """Collects everything that could run: tags, event handlers, script and link targets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in OK_TAGS:
            self.problems.append(f"unexpected <{tag}>")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and not (
                    value.startswith(("/", "#", "https://", "http://"))):
                self.problems.append(f"{name}={value!r} on <{tag}>")
            if name == "style":
                self.problems.append(f"inline style on <{tag}>")
        if tag == "script" and dict(attrs).get("src") != "/static/app.js":
            self.problems.append(f"script {attrs}")
        if tag == "link" and dict(attrs).get("href") not in ("/static/style.css",
                                                             "/static/favicon.svg"):
            self.problems.append(f"link {attrs}")
        if tag == "meta" and "http-equiv" in dict(attrs):
            self.problems.append("meta http-equiv")

    def handle_data(self, data):
        self.text.append(data)


def audit(html: str) -> tuple[list[str], str]:
    parser = Audit()
    parser.feed(html)
    parser.close()
    return parser.problems, "".join(parser.text)


def hostile_store(path):
    """A store written by hand: a payload in every field the pages render."""
    from crosswire.records import (
        Analyzed,
        Article,
        Entity,
        Extraction,
        InputRecord,
        NumberClaim,
        Quote,
        Sentence,
        TimeRef,
    )
    from crosswire.store.duckdb import DuckDBStore

    text = f"Mayor Evil said {PAYLOADS[0]} on Sunday. Then {PAYLOADS[1]} and {PAYLOADS[3]} here."
    first = text.index(PAYLOADS[0])
    second = text.index(PAYLOADS[1])
    cut = text.index(" Then") + 1
    article = Article(id="evil-1", text=text, title=BAD, source=PAYLOADS[1], url=PAYLOADS[2],
                      author=PAYLOADS[4], published="2025-01-02")
    extraction = Extraction(
        article="evil-1",
        sentences=(Sentence(0, cut - 1, text[:cut - 1]), Sentence(cut, len(text), text[cut:])),
        entities=(Entity("Mayor Evil", PAYLOADS[3], PAYLOADS[1], 0, 10, role=PAYLOADS[0]),),
        quotes=(Quote(PAYLOADS[0], first, first + len(PAYLOADS[0]), PAYLOADS[1], "direct",
                      via=PAYLOADS[2]),),
        times=(TimeRef("Sunday", text.index("Sunday"), text.index("Sunday") + 6, PAYLOADS[0],
                       PAYLOADS[1]),),
        numbers=(NumberClaim(PAYLOADS[1], second, second + len(PAYLOADS[1]), 1.0, None,
                             PAYLOADS[3]),),
    )
    cite = {"article": "evil-1", "start": first, "end": first + len(PAYLOADS[0])}
    evil_cite = {"article": '"><script>alert(1)</script>', "start": 0, "end": 3}
    story = {
        "id": "s-evil", "title": BAD, "articles": ["evil-1"], "aliases": [],
        "events": [{"id": "e-evil", "title": BAD, "date": PAYLOADS[2], "place": PAYLOADS[0],
                    "articles": ["evil-1"], "mentioned_by": []}],
        "timeline": [{"date": "2025-01-01", "precision": "day", "event": "e-evil", "text": BAD,
                      "citations": [cite, evil_cite]},
                     {"date": PAYLOADS[3], "precision": PAYLOADS[0], "event": PAYLOADS[1],
                      "text": BAD, "citations": [cite]}],
        "facts": {
            "agreed": [{"slot": PAYLOADS[0], "event": "e-evil", "value": BAD, "citations": [cite]}],
            "unique": [{"slot": PAYLOADS[3], "event": PAYLOADS[1], "value": BAD,
                        "citations": [evil_cite]}],
            "conflicting": [{"slot": PAYLOADS[1], "event": "e-evil", "why": BAD, "variants": [
                {"value": PAYLOADS[0], "citations": [cite]},
                {"value": PAYLOADS[2], "citations": [cite]}]}],
        },
        "quotes": [{"speaker": PAYLOADS[1], "variants": [
            {"text": BAD, "citations": [cite], "sources": [PAYLOADS[0]], "speaker": PAYLOADS[3]}]}],
        "summary": [{"text": BAD, "citations": [cite, evil_cite]}],
        "framing": [{"article": "evil-1", "source": PAYLOADS[1],
                     "voices": [{"speaker": PAYLOADS[0], "count": 1, "share": 1.0}, PAYLOADS[3]],
                     "markers": [{"kind": '"><b>', "text": PAYLOADS[0], "start": 0, "end": 3,
                                  "neutral": PAYLOADS[1]}, PAYLOADS[4]],
                     "omits": [PAYLOADS[2]]}],
    }
    store = DuckDBStore(path)
    store.add_batch([InputRecord("evil.jsonl:1", "ingested", "evil-1")],
                    [Analyzed(article, extraction)], {})
    store.save_link(None, [story])
    store.close()
    return path


@pytest.fixture(scope="module")
def hand_client(tmp_path_factory):
    from crosswire.web.app import create_app

    return create_app(hostile_store(tmp_path_factory.mktemp("evil") / "h.duckdb")).test_client()


@pytest.mark.parametrize("url", [
    "/", "/?q=Mayor", "/stories/s-evil", "/stories/s-evil/facts", "/articles/evil-1",
    "/?q=" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "/stories/%3Cscript%3E", "/articles/%22onload%3Dalert(1)",
])
def test_web_hand_planted_payloads_are_escaped(hand_client, url):
    response = hand_client.get(url)
    assert response.status_code in (200, 404)
    html = response.get_data(as_text=True)
    problems, _ = audit(html)
    assert problems == []
    for payload in PAYLOADS[:2] + PAYLOADS[3:5]:
        assert payload not in html


@pytest.mark.parametrize("url", ["/stories/s-evil", "/stories/s-evil/facts", "/articles/evil-1"])
def test_web_hand_planted_payloads_show_as_text(hand_client, url):
    _, text = audit(hand_client.get(url).get_data(as_text=True))
    assert PAYLOADS[0] in text and PAYLOADS[1] in text  # readers see them, as words


def test_web_javascript_urls_are_not_links(hand_client):
    html = hand_client.get("/articles/evil-1").get_data(as_text=True)
    assert not re.search(r"href=\"\s*javascript:", html, re.I)
    assert "javascript:alert(1)" in audit(html)[1]  # shown as text, not as a link


def test_web_json_twins_are_json_not_html(hand_client):
    for url in ("/stories/s-evil.json", "/stories/s-evil/facts.json", "/articles/evil-1.json",
                "/stories.json?q=%3Cscript%3E"):
        response = hand_client.get(url)
        assert response.mimetype == "application/json"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        json.loads(response.data)


@pytest.fixture(scope="module")
def pipeline_client(tmp_path_factory, nlp):
    """The same payloads through ingest -> extract -> link -> brief (fictional articles)."""
    from crosswire.web.app import create_app
    from test_web_app import build_store

    articles = [
        {"id": "x-one", "source": PAYLOADS[1], "published": "2025-04-01", "url": PAYLOADS[2],
         "title": f"Council clash {PAYLOADS[0]}",
         "text": f"Mayor Ana Ruiz of Fenwick said the vote was rigged. \"{PAYLOADS[0]} is not how "
                 f"we govern,\" Ruiz said on Monday.\n\nAbout 40 residents attended the meeting "
                 f"{PAYLOADS[1]} at town hall.\n\n{PAYLOADS[3]} Council member Ben Ode said: "
                 f"\"We will appeal {PAYLOADS[4]}.\""},
        {"id": "x-two", "source": f"Evil Times {PAYLOADS[3]}", "published": "2025-04-01",
         "url": "https://evil.example/x", "title": f"Fenwick vote {PAYLOADS[1]}",
         "text": f"Mayor Ana Ruiz of Fenwick said on Monday that the council vote was rigged. "
                 f"\"This is not how we govern,\" Ruiz said. {PAYLOADS[5]}\n\nMore than 60 "
                 f"residents attended the meeting at town hall {PAYLOADS[2]}."},
    ]
    return create_app(build_store(tmp_path_factory.mktemp("evil2"), articles)).test_client()


def test_web_pipeline_payloads_are_escaped(pipeline_client):
    rows = pipeline_client.get("/stories.json").get_json()["stories"]
    assert rows
    urls = ["/", "/articles/x-one", "/articles/x-two"] + [
        f"/stories/{r['id']}{page}" for r in rows for page in ("", "/facts")]
    for url in urls:
        response = pipeline_client.get(url)
        assert response.status_code == 200, url
        html = response.get_data(as_text=True)
        problems, _ = audit(html)
        assert problems == [], url
        for payload in PAYLOADS[:2] + PAYLOADS[3:5]:
            assert payload not in html, (url, payload)
    _, text = audit(pipeline_client.get("/articles/x-one").get_data(as_text=True))
    assert PAYLOADS[0] in text and PAYLOADS[1] in text
