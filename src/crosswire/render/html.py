"""Self-contained HTML rendering of a story dict (Jinja2, autoescape on).

No network: inline CSS, no scripts, no external fonts; the timeline is inline SVG. Every item
links to its cited span in the "Sources" section, where article texts are shown with the spans
highlighted (``<mark id=...>``). All article-derived text goes through Jinja2's escaping.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

ROW = 34  # px per timeline row in the SVG
LABEL_CHARS = 70
_SLUG = re.compile(r"[^A-Za-z0-9_-]+")


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("crosswire.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _slug(text: str) -> str:
    return _SLUG.sub("_", text) or "_"


def cite_anchor(cite: Mapping[str, Any], prefix: str = "c") -> str:
    """The HTML id of a cited span: ``c-<article>-<start>-<end>``."""
    return f"{prefix}-{_slug(str(cite['article']))}-{cite['start']}-{cite['end']}"


def _all_cites(story: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for e in story.get("events", []):
        yield from e.get("date_citations", [])
    for t in story["timeline"]:
        yield from t["citations"]
    for s in story["summary"]:
        yield from s["citations"]
    facts = story["facts"]
    for f in (*facts["agreed"], *facts["unique"]):
        yield from f["citations"]
    for c in facts["conflicting"]:
        for v in c["variants"]:
            yield from v["citations"]
    for g in story["quotes"]:
        for v in g["variants"]:
            yield from v["citations"]


def segment_text(text: str, spans: list[tuple[int, int, str, str]]) -> list[dict[str, Any]]:
    """Split ``text`` at span edges: [{"text", "marked", "id", "anchors", "kind"}].

    ``spans`` are (start, end, html id, kind). A segment under any span is marked; the first
    span starting at a segment gives the ``<mark>`` its id, others become empty anchors.
    """
    spans = [(max(0, s), min(len(text), e), i, k) for s, e, i, k in spans if e > s]
    edges = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    starts: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for s, _, i, k in sorted(spans, key=lambda x: (x[0], -x[1])):
        if i not in {x for x, _ in starts[s]}:
            starts[s].append((i, k))
    # sweep the edges once, counting the spans of each kind open over each segment
    opening: dict[int, list[str]] = defaultdict(list)
    closing: dict[int, list[str]] = defaultdict(list)
    for s, e, _, k in spans:
        opening[s].append(k)
        closing[e].append(k)
    open_kinds: Counter[str] = Counter()
    out = []
    for a, b in zip(edges, edges[1:], strict=False):
        open_kinds.subtract(closing.get(a, ()))
        open_kinds.update(opening.get(a, ()))
        cover = [k for k, n in open_kinds.items() if n > 0]
        ids = [i for i, _ in starts.get(a, [])]
        kind = "marker" if cover and all(k == "marker" for k in cover) else "cite"
        out.append(
            {
                "text": text[a:b],
                "marked": bool(cover),
                "id": ids[0] if cover and ids else None,
                "anchors": ids[1:] if cover else ids,
                "kind": kind,
            }
        )
    return out


def _safe_url(url: Any) -> str | None:
    """Only plain web links become hrefs (no ``javascript:`` or ``data:`` URLs)."""
    return url if isinstance(url, str) and re.match(r"https?://", url, re.IGNORECASE) else None


def _timeline_svg(story: dict[str, Any]) -> dict[str, Any]:
    events = {e["id"]: e["title"] for e in story.get("events", [])}
    rows = []
    for n, t in enumerate(story["timeline"]):
        label = (
            t["text"]
            if t.get("event") is None or t["text"] == events.get(t["event"])
            else (f"{t['text']} ({events.get(t['event'], t['event'])})")
        )
        if len(label) > LABEL_CHARS:
            label = label[: LABEL_CHARS - 1].rstrip() + "\u2026"
        rows.append(
            {
                "y": 20 + n * ROW,
                "date": t.get("date") or "undated",
                "label": label,
                "is_event": t["text"] == events.get(t.get("event")),
                "href": "#" + cite_anchor(t["citations"][0]) if t["citations"] else "#sources",
            }
        )
    return {"rows": rows, "height": 20 + max(1, len(rows)) * ROW}


def by_event(items: list[dict[str, Any]], events: Mapping[str, str]) -> list[dict[str, Any]]:
    """Items grouped by their event (first-appearance order): [{"event", "title", "items"}]."""
    groups: dict[Any, dict[str, Any]] = {}
    for item in items:
        eid = item.get("event")
        title = events.get(eid, eid) if eid else "Across the story"
        groups.setdefault(eid, {"event": eid, "title": title, "items": []})["items"].append(item)
    return list(groups.values())


def story_to_html(story: dict[str, Any], articles: Mapping[str, dict[str, Any]]) -> str:
    """The story brief as one self-contained HTML page (``articles``: id -> article dict)."""
    spans: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for c in _all_cites(story):
        spans[c["article"]].append((c["start"], c["end"], cite_anchor(c), "cite"))
    for f in story["framing"]:
        for m in f["markers"]:
            spans[f["article"]].append(
                (m["start"], m["end"], cite_anchor({**m, "article": f["article"]}, "m"), "marker")
            )
    numbers: dict[str, int] = {}
    for c in _all_cites(story):
        numbers.setdefault(cite_anchor(c), len(numbers) + 1)

    def refs(cites: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for c in cites:
            art = articles.get(c["article"], {})
            out.append(
                {
                    "href": "#" + cite_anchor(c),
                    "n": numbers.get(cite_anchor(c), 0),
                    "title": f"{art.get('source') or 'unknown outlet'}, "
                    f"{c['article']}:{c['start']}-{c['end']}",
                }
            )
        return out

    sources = []
    for aid in story["articles"]:
        art = articles.get(aid)
        if art is None:
            continue
        sources.append(
            {
                "id": aid,
                "anchor": "a-" + _slug(aid),
                "title": art.get("title") or aid,
                "source": art.get("source"),
                "published": art.get("published"),
                "url": _safe_url(art.get("url")),
                "segments": segment_text(art.get("text") or "", spans.get(aid, [])),
            }
        )
    events = {e["id"]: e["title"] for e in story.get("events", [])}
    facts = story["facts"]
    columns = [
        ("agreed", "Agreed", "(2+ independent sources)", by_event(facts["agreed"], events)),
        ("unique", "Single-source", "", by_event(facts["unique"], events)),
        ("conflicting", "Conflicting", "", by_event(facts["conflicting"], events)),
    ]
    template = _env().get_template("story.html")
    return template.render(
        story=story,
        events=events,
        columns=columns,
        refs=refs,
        marker_anchor=lambda aid, m: "#" + cite_anchor({**m, "article": aid}, "m"),
        article_anchor=lambda aid: "#a-" + _slug(aid),
        svg=_timeline_svg(story),
        sources=sources,
    )
