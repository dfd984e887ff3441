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
    dated = [t for t in data["timeline"] if t["date"]]
    assert "svg" in tags and tags.count("circle") == len(dated)
    for section in ("summary", "disagreements", "timeline", "facts", "quotes", "framing",
                    "sources"):
        assert f'id="{section}"' in html
    assert html.count('class="conflict"') == len(data["facts"]["conflicting"])


def test_render_html_each_section_once(page):
    # issue 17: "the timeline appears twice"; each section, and the timeline's drawing, once
    html, _, parser = page
    for section in ("summary", "disagreements", "timeline", "facts", "quotes", "framing",
                    "sources"):
        assert html.count(f'id="{section}"') == 1, section
    assert [t for t, _ in parser.tags].count("svg") == 1


def visible_text(html: str) -> str:
    """What a reader of the page sees (every <details> open): tags, styles and attributes
    dropped, whitespace collapsed."""
    parser = _Collect()
    skip = {"style", "title"}
    depth = {"n": 0}

    def start(tag, attrs):
        depth["n"] += tag in skip

    def end(tag):
        depth["n"] -= tag in skip

    def data(text):
        if not depth["n"]:
            parser.text.append(text)

    parser.handle_starttag = start  # type: ignore[method-assign]
    parser.handle_endtag = end  # type: ignore[method-assign]
    parser.handle_data = data  # type: ignore[method-assign]
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.text))


# what a reader must never see: slot keys, ids, hashes, TIMEX codes
INTERNAL = {
    "ISO date": r"\b\d{4}-\d\d(?:-\d\d)?\b",
    "ISO week": r"\b\d{4}-W\d\d",
    "TIMEX": r"XXXX|\b(?:PRESENT|PAST|FUTURE)_REF\b|\bP(?:T?[\dX]+[YMWDHS])+\b"
             r"|\d(?:MO|AF|EV|NI)\b",
    "slot key": r"\b(?:count|date|time|speaker|role|age|year|amount|measure|name|place):\S",
    "hash": r"\b[0-9a-f]{12,}\b",
    "story or event id": r"\b[se]-[0-9a-f]{6,}\b",
    "snake_case key": r"\b[a-z]+_[a-z_]+\b",
}


def internal_codes(text: str, story: dict, allowed: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(kind, match) for every key, id or code in ``text``; ``story``'s own article ids too.
    ``allowed``: text the articles themselves carry (titles), removed first."""
    for words in sorted(allowed, key=len, reverse=True):
        text = text.replace(words, " ")
    found = [(kind, m[0]) for kind, rx in INTERNAL.items() for m in re.finditer(rx, text)]
    found += [("article id", a) for a in story["articles"] if re.search(
        rf"(?<![\w-]){re.escape(a)}(?![\w-])", text)]
    found += [("story id", story["id"])] if story["id"] in text else []
    return found


def test_render_html_first_screen_order(page):
    html, data, _ = page
    text = visible_text(html)
    heads = ["What happened", "Where outlets disagree", "When", "Facts", "Quotes",
             "How each outlet framed it", "Sources"]
    at = [html.index(f"<h2>{h}") for h in heads]
    assert at == sorted(at)
    for c in data["facts"]["conflicting"]:  # each contradiction before the facts
        assert html.index(c["statement"]) < html.index('<h2>When')
        for v in c["variants"]:
            assert v["value"] in text


def test_render_html_shows_no_internal_codes(page):
    html, data, _ = page
    (_, recs), _ = memorial_story()
    titles = tuple(a.article.title for a in recs.values() if a.article.title)
    assert internal_codes(visible_text(html), data, titles) == []


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


# -- the reader's view on a story written by hand: capping, grouping, dates in words ----------
def synthetic_story() -> tuple[dict, dict]:
    """A story dict with more of everything than a first screen holds, and codes in the
    places older briefs put them (a TIMEX date, a 1988 background year, a slot key in
    'omits')."""
    text = ("About 40 firefighters fought the fire on Tuesday night, officials said. "
            "\u201cWe were lucky,\u201d the chief said. " * 3)
    articles = {
        "aaaa1111bbbb2222": {"id": "aaaa1111bbbb2222", "source": "North Star", "title": "Fire",
                             "published": "2025-03-05T09:00:00-05:00", "text": text},
        "feed-2": {"id": "feed-2", "source": "South Wire", "title": "Blaze",
                   "published": "2025-03-06", "text": text},
    }
    cite1 = {"article": "aaaa1111bbbb2222", "start": 0, "end": 70}
    cite2 = {"article": "feed-2", "start": 71, "end": 110}

    def fact(n: int, cite: dict) -> dict:
        return {"slot": f"count:thing/{n}", "event": "e-1111111111", "value": str(n),
                "statement": f"Statement number {n}", "citations": [cite],
                "sources": [articles[cite["article"]]["source"]]}

    story = {
        "id": "s-0123456789", "title": "Fire at the plant",
        "articles": list(articles),
        "events": [
            {"id": "e-1111111111", "title": "Fire at the plant", "date": "2025-03-04",
             "precision": "day", "place": "Port", "articles": ["aaaa1111bbbb2222"],
             "mentioned_by": ["feed-2"], "date_citations": [cite1]},
            {"id": "e-2222222222", "title": "Hearing on the fire", "date": "2025-03-06",
             "precision": "day", "place": None, "articles": ["feed-2"], "mentioned_by": []},
        ],
        "timeline": [
            {"date": "1988", "precision": "year", "event": "e-1111111111",
             "text": "The plant opened.", "citations": [cite1]},
            *({"date": f"2025-03-0{d}", "precision": "day", "event": "e-1111111111",
               "text": f"Day {d} of the story.", "citations": [cite1]} for d in range(4, 10)),
            {"date": "2025-03-06TNI", "precision": "day", "event": "e-2222222222",
             "text": "The hearing ran late.", "citations": [cite2]},
        ],
        "facts": {
            "agreed": [fact(n, cite1) for n in range(1, 13)],
            "unique": [fact(n, cite2) for n in range(100, 125)],
            "conflicting": [{
                "slot": "count:fight/firefighter", "event": "e-1111111111",
                "statement": "How many firefighters fought the fire", "kind": "conflict",
                "variants": [
                    {"value": "about 40", "statement": "About 40 firefighters fought",
                     "citations": [cite1], "sources": ["North Star"]},
                    {"value": "more than 120", "statement": "More than 120 firefighters fought",
                     "citations": [cite2], "sources": ["South Wire"]}]}],
            "updates": [{
                "slot": "count:kill/person", "event": "e-1111111111",
                "statement": "How many people were killed", "kind": "update",
                "variants": [{"value": "2", "citations": [cite1], "sources": ["North Star"]},
                             {"value": "3", "citations": [cite2], "sources": ["South Wire"]}]}],
        },
        "quotes": [{"speaker": "Tomas Reyes", "variants": [
            {"text": f"Line {n} of what he said", "citations": [cite2],
             "sources": ["South Wire"], "speaker": None}]} for n in range(10)],
        "summary": [{"text": f"Summary sentence {n}.", "citations": [cite1]} for n in range(5)],
        "framing": [{"article": "feed-2", "source": "South Wire",
                     "voices": [{"speaker": "Tomas Reyes", "count": 10, "share": 1.0}],
                     "markers": [{"kind": "reader_question", "text": "Who knew?", "start": 0,
                                  "end": 5, "neutral": None}],
                     "omits": ["count:kill/person", "Statement number 3"]}],
        "sources": {a: v["source"] for a, v in articles.items()},
        "independent_sources": 2,
    }
    return story, articles


@pytest.fixture(scope="module")
def synthetic():
    story, articles = synthetic_story()
    return story, articles, story_to_html(story, articles)


def _split_details(html: str) -> tuple[str, str]:
    """(the page with every <details> removed, the text inside them)."""
    inside = "".join(re.findall(r"<details.*?</details>", html, re.S))
    return re.sub(r"<details.*?</details>", "", html, flags=re.S), inside


def test_render_html_caps_facts_and_folds_the_rest(synthetic):
    story, _, html = synthetic
    shown, folded = _split_details(html)
    facts = story["facts"]
    for n, f in enumerate(facts["unique"]):  # ranked order kept; the first ten on show
        assert (f["statement"] + " " in shown) is (n < 10)
        assert f["statement"] + " " in (shown if n < 10 else folded)
    assert "All 25 single-source facts (15 more)" in html
    assert "2 more agreed facts" in html
    assert html.index("Statement number 100 ") < html.index("Statement number 109 ")
    assert "Summary sentence 2." in shown and "Summary sentence 3." in folded


def test_render_html_one_heading_per_speaker(synthetic):
    _, _, html = synthetic
    assert html.count("<strong>Tomas Reyes</strong>") == 1
    assert "10 quotes, carried by 1 outlet" in html


def test_render_html_reader_sees_words_not_codes(synthetic):
    story, articles, html = synthetic
    text = visible_text(html)
    assert internal_codes(text, story, ("Fire", "Blaze")) == []
    assert "Thursday 6 March 2025, night" in text  # 2025-03-06TNI
    assert "Tuesday 4 March 2025" in text and "1988" in text
    assert "Statement number 3" in text  # what an outlet leaves out, as a statement
    assert "question to the reader" in text
    assert "North Star" in text and "South Wire" in text  # events name outlets, not ids
    assert "How many people were killed" in text and "then" in text  # an update, not a clash


def test_render_html_conflict_is_one_item_with_both_sides(synthetic):
    _, _, html = synthetic
    item = re.search(r'<div class="conflict">(.*?)</div>\s*</div>', html, re.S)[1]
    text = visible_text(item).strip()
    assert text.startswith("How many firefighters fought the fire")
    assert re.search(r"about 40 North Star: .*About 40 firefighters.* vs more than 120 "
                     r"South Wire: .*We were lucky", text)


@pytest.mark.parametrize(("value", "words"), [
    ("2025-03-04", "Tuesday 4 March 2025"),
    ("2025-03", "March 2025"),
    ("2025", "2025"),
    ("2025-03-06TNI", "Thursday 6 March 2025, night"),
    ("2025-03-06T18:00", "Thursday 6 March 2025, 6 p.m."),
    ("2025-03-04T21:40", "Tuesday 4 March 2025, 9:40 p.m."),
    ("2025-03-05T24:00", "Wednesday 5 March 2025, midnight"),
    ("2025-03-05T09:00:00-05:00", "Wednesday 5 March 2025, 9 a.m."),
    ("2025-W10", "the week of Monday 3 March 2025"),
    ("2026-FA", "autumn 2026"),
    ("2025-Q1", "the first quarter of 2025"),
    ("XXXX-WXX-5", "Friday"),
    ("PT1M", "1 minute"),
    ("P1DT12H", "1 day 12 hours"),
    ("PXY", "years"),
    ("PRESENT_REF", "now"),
    ("2025-02-30", "date not known"),
    ("javascript:alert(1)", "date not known"),
    (None, "date not known"),
])
def test_render_when_words(value, words):
    from crosswire.brief.when import when_words

    assert when_words(value) == words


def test_render_resolved_words_keep_the_clock_as_written():
    from crosswire.brief.when import resolved_words

    assert resolved_words("6 p.m.", "2025-03-06T18:00") == "Thursday 6 March 2025"
    assert resolved_words("nearly a minute", "PT1M") == "a length of time, not a date"
    assert resolved_words("Saturday", None) == "not resolved"


def test_render_timeline_chart_puts_a_background_year_past_a_break():
    from crosswire.render.html import CHART_L, CHART_R, timeline_chart

    entries = [{"date": "1988"}, *({"date": f"2025-03-{d:02d}"} for d in range(4, 14))]
    chart = timeline_chart(entries, ["2025-03-04", "2025-03-13"])
    xs = [d.x for d in chart.dots]
    assert xs[0] < CHART_L and "1988" in chart.before  # the old year sits in the gutter
    assert len(set(xs[1:])) == 10 and xs[1:] == sorted(xs[1:])  # the story spreads out
    assert CHART_L <= min(xs[1:]) and max(xs[1:]) <= CHART_R
    assert (chart.first, chart.last) == ("4 March 2025", "13 March 2025")
    assert len({d.y for d in chart.dots}) == 1  # nothing stacks


def test_render_excerpt_centres_on_the_value():
    from crosswire.render.html import excerpt

    text = "Word " * 60 + "More than 120 firefighters fought the blaze. " + "Tail " * 60
    cut = excerpt(text, ["more than 120"], 80)
    assert "120 firefighters" in cut and cut.startswith("\u2026") and cut.endswith("\u2026")
    assert len(cut) <= 82 and excerpt("Short.", ["x"]) == "Short."


@pytest.mark.parametrize(("value", "words"), [
    # feeds write midnight for reports they only know the day of: not "midnight"
    ("2031-04-09T00:00:00", "Wednesday 9 April 2031"),
    ("2031-04-09T00:00:00+00:00", "Wednesday 9 April 2031"),
    ("2031-04-09T14:05:00", "Wednesday 9 April 2031, 2:05 p.m."),
    ("2031-04-09", "Wednesday 9 April 2031"),
])
def test_render_published_words(value, words):
    from crosswire.render.html import published_words

    assert published_words(value) == words


def test_render_byline_spans_the_reported_happenings_not_the_recalled_ones():
    # a happening the reports only recall (an earlier near-miss, a past game) is on the
    # timeline, not in the story's span (read on real clusters: a derailment's span began
    # at a near-miss nine days before it)
    from crosswire.render.html import Reader

    story = {"articles": ["a1", "a2"], "independent_sources": 2, "events": [
        {"id": "e1", "date": "2031-03-04", "articles": ["a1", "a2"], "mentioned_by": []},
        {"id": "e2", "date": "2031-02-23", "articles": [], "mentioned_by": ["a1"]},
        {"id": "e3", "date": "2031-03-06", "articles": ["a2"], "mentioned_by": []},
    ]}
    assert Reader(story, {}).byline.endswith("4\u2060\u2013\u20606\u00a0March\u00a02031"), (
        Reader(story, {}).byline)
    recalled_only = {**story, "events": [story["events"][1]]}
    assert "February" in Reader(recalled_only, {}).byline  # control: nothing else dated


def test_render_byline_says_its_days_are_when_things_happened():
    # read on a real cluster: "6 articles from 4 independent sources · 28–29 December"
    # beside six reports all published on the 29th read as their publication days; the days
    # are those of the happenings
    from crosswire.render.html import Reader

    story = {"articles": ["a1"], "independent_sources": 1, "events": [
        {"id": "e1", "date": "2031-03-04", "articles": ["a1"], "mentioned_by": []}]}
    assert "\u00b7 happened " in Reader(story, {}).byline, Reader(story, {}).byline


def test_render_an_event_only_its_publication_dates_is_undated_everywhere():
    # read on a real cluster: one outlet's report of the discovery, dated only by its
    # publication four days later, was "date not known" on the timeline but "Tuesday 6
    # February" in the compact list and stretched the byline to "happened 2–6 February"
    from crosswire.render.html import Reader

    story = {"articles": ["a1", "a2"], "independent_sources": 2, "events": [
        {"id": "e1", "title": "Comet seen", "date": "2031-03-04", "articles": ["a1"],
         "mentioned_by": []},
        {"id": "e2", "title": "Comet report", "date": "2031-03-08", "articles": ["a2"],
         "mentioned_by": []}],
        "timeline": [
            {"date": "2031-03-04", "precision": "day", "event": "e1", "text": "Comet seen",
             "citations": []},
            {"date": None, "precision": "unknown", "event": "e2", "text": "Comet report",
             "citations": []}]}
    view = Reader(story, {})
    assert "8" not in view.byline.split("happened")[-1], view.byline
    dates = {k["title"]: k["date"] for k in view.key_dates}
    assert dates["Comet report"] == view.timeline[1]["date"], dates  # as the timeline says
    assert "March" in dates["Comet seen"], dates  # control: a dated event keeps its day


def test_render_framing_says_how_many_voices_it_leaves_out():
    # read on a real cluster: twelve voices were cut to five with nothing to say so, and
    # the five read as the outlet's whole ranking
    from crosswire.render.markdown import story_to_markdown

    story, articles = synthetic_story()
    names = ["Ada Bell", "Bo Carr", "Cy Dunn", "Di Egan", "Ed Fisk", "Fay Gold", "Gus Hale"]
    story["framing"][0]["voices"] = [
        {"speaker": n, "count": 1, "share": round(1 / 7, 3), "words": 10 - i}
        for i, n in enumerate(names)]
    for page in (story_to_html(story, articles), story_to_markdown(story, articles)):
        text = re.sub(r"<[^>]+>", " ", page)
        assert re.search(r"Ed Fisk \(14%\)\s+and 2 more", text), text[text.find("Voices"):][:300]
        assert "Fay Gold" not in text[text.find("Voices quoted"):][:400]


def test_render_no_agreed_fact_line_never_denies_the_quotes_outlets_share():
    # read on a final read of real clusters: "No two independent sources report the same
    # fact" stood over a brief whose JSON held agreed quotes (shown under Quotes, not as
    # fact lines); the empty section says what outlets do share
    from crosswire.render.markdown import story_to_markdown

    story, articles = synthetic_story()
    cite1 = {"article": "aaaa1111bbbb2222", "start": 71, "end": 90}
    cite2 = {"article": "feed-2", "start": 71, "end": 90}
    story["facts"]["agreed"] = [{
        "slot": "speaker:We were lucky", "event": "e-1111111111", "value": "the chief",
        "statement": "The chief said \u201cWe were lucky\u201d", "citations": [cite1, cite2],
        "sources": ["North Star", "South Wire"]}]
    for page in (story_to_html(story, articles), story_to_markdown(story, articles)):
        assert "No two independent sources report the same fact." not in page
        assert "besides who said what" in page


def test_render_html_a_split_year_an_article_writes_is_no_month():
    # a read: a loan told "in <year>-<next two digits>" was shown in a November
    from crosswire.render.html import plain

    assert plain("Velk lent the pier fund 4 million euros in 2011-12.") == (
        "Velk lent the pier fund 4 million euros in 2011-12.")
    assert plain("2025-03") == "March 2025"  # a month code an older brief wrote

