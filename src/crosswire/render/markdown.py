"""Markdown rendering of a story dict: readable sections, citations as numbered footnotes
``[^n]: outlet, article-id:start-end: "cited words"``. Article-derived text is escaped so it
cannot inject markup (``<script>`` renders as text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .html import by_event

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
EXCERPT = 200
DASH = "\u2014"


def md_escape(text: Any) -> str:
    """Backslash-escape Markdown/HTML punctuation and fold line breaks."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


class _Notes:
    """Numbered footnotes, one per distinct citation."""

    def __init__(self, articles: Mapping[str, dict[str, Any]]) -> None:
        self.articles = articles
        self.numbers: dict[tuple[str, int, int], int] = {}

    def refs(self, cites: list[dict[str, Any]]) -> str:
        out = []
        for c in cites:
            key = (c["article"], c["start"], c["end"])
            n = self.numbers.setdefault(key, len(self.numbers) + 1)
            out.append(f"[^{n}]")
        return "".join(out)

    def render(self) -> list[str]:
        lines = []
        for (aid, start, end), n in self.numbers.items():
            art = self.articles.get(aid, {})
            outlet = art.get("source") or "unknown outlet"
            text = art.get("text")
            said = text[start:end] if isinstance(text, str) else ""
            if len(said) > EXCERPT:
                said = said[: EXCERPT - 1].rstrip() + "\u2026"
            quote = f": \u201c{md_escape(said)}\u201d" if said else ""
            lines.append(f"[^{n}]: {md_escape(outlet)}, {md_escape(aid)}:{start}-{end}{quote}")
        return lines


def story_to_markdown(story: dict[str, Any], articles: Mapping[str, dict[str, Any]]) -> str:
    """The story brief as Markdown (``articles``: id -> article dict with text and source)."""
    notes = _Notes(articles)
    events = {e["id"]: e["title"] for e in story.get("events", [])}

    def ev(eid: str | None) -> str:
        return f" ({md_escape(events.get(eid, eid))})" if eid else ""

    def srcs(items: list[str] | None) -> str:
        return ", ".join(md_escape(s) for s in items or []) or DASH

    out = [f"# {md_escape(story['title'])}", ""]
    n_src = story.get("independent_sources")
    out += [
        f"Story `{story['id']}` \u00b7 {len(story['articles'])} article(s)"
        + (f" from {n_src} independent source(s)" if n_src is not None else ""),
        "",
    ]
    out += ["## Summary", ""]
    out += [f"- {md_escape(s['text'])} {notes.refs(s['citations'])}" for s in story["summary"]]
    out += [
        "",
        "## Events",
        "",
        "| Date | Event | Place | Main articles | Mentioned by |",
        "|---|---|---|---|---|",
    ]
    for e in story["events"]:
        out.append(
            f"| {md_escape(e.get('date') or 'undated')} | {md_escape(e['title'])} | "
            f"{md_escape(e.get('place') or '')} | {srcs(e['articles'])} | "
            f"{srcs(e['mentioned_by'])} |"
        )
    out += ["", "## Timeline", ""]
    for t in story["timeline"]:
        date = md_escape(t.get("date") or "undated")
        prec = t.get("precision", "")
        own = t.get("event") is None or events.get(t["event"]) == t["text"]
        out.append(
            f"- **{date}** ({prec}) {md_escape(t['text'])}{'' if own else ev(t.get('event'))} "
            f"{notes.refs(t['citations'])}"
        )
    facts = story["facts"]
    out += ["", "## Facts"]
    sections = (
        ("conflicting", "Conflicting"),
        ("updates", "Figures that changed as the news developed"),
        ("agreed", "Agreed (two or more independent sources)"),
        ("unique", "Single-source"),
    )
    for key, heading in sections:
        if key == "updates" and not facts.get(key):
            continue
        out += ["", f"### {heading}", ""]
        for group in by_event(facts.get(key, []), events):
            out += [f"#### {md_escape(group['title'])}", ""]
            for f in group["items"]:
                if key in ("agreed", "unique"):
                    out.append(
                        f"- {md_escape(f.get('statement') or f['value'])} \u2014 "
                        f"{srcs(f.get('sources'))} {notes.refs(f['citations'])}"
                    )
                    continue
                out.append(f"- **{md_escape(f.get('statement') or f['slot'])}**")
                for v in f["variants"]:
                    out.append(
                        f"  - {md_escape(v['value'])} \u2014 {srcs(v.get('sources'))} "
                        f"{notes.refs(v['citations'])}"
                    )
            out.append("")
        if not facts.get(key):
            out.append("- none")
    out += ["", "## Quotes", ""]
    for g in story["quotes"]:
        out += [f"### {md_escape(g['speaker'] or 'Unattributed')}", ""]
        for v in g["variants"]:
            credit = f" (credited to {md_escape(v['speaker'])})" if v.get("speaker") else ""
            out.append(
                f"- \u201c{md_escape(v['text'])}\u201d \u2014 {srcs(v.get('sources'))}"
                f"{credit} {notes.refs(v['citations'])}"
            )
        out.append("")
    out += ["## Framing", ""]
    if story.get("outlets"):
        out += ["| Outlet | Articles | Voices (share) | Markers by kind | Loaded words |",
                "|---|---|---|---|---|"]
        for o in story["outlets"]:
            voices = ", ".join(f"{md_escape(v['speaker'])} ({v['share']:.0%})"
                               for v in o["voices"][:6])
            kinds = ", ".join(f"{k} {n}" for k, n in o["markers"].items())
            loaded = ", ".join(md_escape(w) for w in o["loaded"])
            out.append(f"| {md_escape(o['source'])} | {len(o['articles'])} | {voices or DASH} | "
                       f"{kinds or DASH} | {loaded or DASH} |")
        out += ["", "Per article:", ""]
    out += [
        "| Outlet | Article | Voices | Markers | Leaves out |",
        "|---|---|---|---|---|",
    ]
    for f in story["framing"]:
        voices = ", ".join(f"{md_escape(v['speaker'])} ({v['count']})" for v in f["voices"])
        markers = ", ".join(
            f"{m['kind']}: {md_escape(m['text'])}"
            + (f" (neutral: {md_escape(m['neutral'])})" if m.get("neutral") else "")
            for m in f["markers"]
        )
        omits = ", ".join(md_escape(o) for o in f.get("omits", []))
        out.append(
            f"| {md_escape(f.get('source') or '')} | {md_escape(f['article'])} | "
            f"{voices or DASH} | {markers or DASH} | {omits or DASH} |"
        )
    out += ["", "## Sources", ""] + notes.render()
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).rstrip() + "\n"
