"""Self-contained HTML: escaping, no scripts, SVG timeline, links to highlighted spans."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from crosswire.brief import compose_brief
from crosswire.records import Event
from crosswire.registry import renderers
from crosswire.render import story_to_dict, story_to_html
from crosswire.render.html import segment_text
from crosswire.render.json_out import article_to_dict
from test_brief_helpers import art, memorial_story, story_of

EVIL = "<script>alert(1)</script>"


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _render(recs, brief):
    data = story_to_dict(brief, recs)
    arts = {k: article_to_dict(v) for k, v in recs.items()}
    return story_to_html(data, arts), data


@pytest.fixture(scope="module")
def page():
    (story, recs), dups = memorial_story()
    brief = compose_brief(story, recs, dups)
    html, data = _render(recs, brief)
    parser = _Collect()
    parser.feed(html)
    return html, data, parser


def test_render_html_is_self_contained(page):
    html, _, parser = page
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and "<script" not in html.lower()
    assert "link" not in tags and "img" not in tags and "iframe" not in tags
    for _, attrs in parser.tags:
        assert not any(k.startswith("on") for k in attrs)  # no inline event handlers
        assert "src" not in attrs
        href = attrs.get("href")
        assert href is None or href.startswith("#") or re.match(r"https?://", href)
    assert "@import" not in html and "url(" not in html
    assert '<meta name="viewport"' in html and "@media" in html


def test_render_html_has_svg_timeline_and_sections(page):
    html, data, parser = page
    tags = [t for t, _ in parser.tags]
    assert "svg" in tags and tags.count("circle") == len(data["timeline"])
    for section in ("summary", "timeline", "facts", "quotes", "framing", "sources"):
        assert f'id="{section}"' in html
    for col in ("col agreed", "col unique", "col conflicting"):
        assert col in html


def test_render_html_every_link_has_a_target(page):
    html, data, parser = page
    ids = {a["id"] for _, a in parser.tags if a.get("id")}
    hrefs = {a["href"][1:] for _, a in parser.tags if (a.get("href") or "").startswith("#")}
    assert hrefs and hrefs <= ids
    marks = [a for t, a in parser.tags if t == "mark"]
    assert marks
    n_cites = sum(len(s["citations"]) for s in data["summary"])
    assert n_cites and len(hrefs) > n_cites


@pytest.mark.parametrize("where", ["title", "body", "quote", "speaker", "outlet"])
def test_render_html_escapes_article_text(where):
    said = f"Open the gates {EVIL} now and for good"
    text = f"\u201c{said},\u201d said Ada Quill. The harbor gates opened on Monday {EVIL}."
    a = art(
        "a",
        EVIL if where == "outlet" else "North Star",
        text,
        title=EVIL if where == "title" else "Gates open",
        quotes=[(said, EVIL if where == "speaker" else "Ada Quill")],
    )
    ev = Event("e1", EVIL if where == "title" else "Gates open", None, None, ("a",))
    story, recs = story_of([a], [ev])
    brief = compose_brief(story, recs)
    html, _ = _render(recs, brief)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_render_html_refuses_script_urls():
    a = art("a", "North Star", "The harbor gates opened on Monday morning for all boats.")
    recs = {"a": a}
    story, recs = story_of([a], [Event("e1", "Gates", None, None, ("a",))])
    data = story_to_dict(compose_brief(story, recs), recs)
    arts = {"a": {**article_to_dict(a), "url": "javascript:alert(1)"}}
    html = story_to_html(data, arts)
    assert "javascript:" not in html
    arts["a"]["url"] = "https://example.org/gates"
    assert 'href="https://example.org/gates"' in story_to_html(data, arts)


def test_render_html_registered(page):
    _, data, _ = page
    (story, recs), _ = memorial_story()
    arts = {k: article_to_dict(v) for k, v in recs.items()}
    assert renderers.create("html")(data, arts).startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], [("abcdefghij", False, None)]),
        ([(2, 5, "x", "cite")], [("ab", False, None), ("cde", True, "x"), ("fghij", False, None)]),
        # nested spans: the outer gets the mark id, the inner starts its own mark
        (
            [(0, 6, "o", "cite"), (2, 4, "i", "cite")],
            [("ab", True, "o"), ("cd", True, "i"), ("ef", True, None), ("ghij", False, None)],
        ),
    ],
)
def test_render_html_segment_text(spans, expected):
    segs = segment_text("abcdefghij", spans)
    assert [(s["text"], s["marked"], s["id"]) for s in segs] == expected
    assert "".join(s["text"] for s in segs) == "abcdefghij"


def test_render_html_same_start_spans_keep_both_ids():
    segs = segment_text("abcdefghij", [(0, 3, "short", "cite"), (0, 8, "long", "cite")])
    assert segs[0]["id"] == "long" and segs[0]["anchors"] == ["short"]
