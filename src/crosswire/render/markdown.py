"""Markdown rendering of a story dict, in the order the HTML brief shows it (``html.Reader``):
what happened, where outlets disagree (one line per contradiction, both sides with their
outlets and words), when; then agreed and single-source facts (the most important first, the
rest folded in ``<details>``), quotes by speaker, framing by outlet.

Citations are numbered footnotes ``[^n]: outlet, "article title", date: "cited words"``.
Readers see statements and dates in words: no slot keys, ids, hashes or TIMEX codes.
Article-derived text is escaped so it cannot inject markup (``<script>`` renders as text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .html import NO_CONFLICTS, Reader, cite_key

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
EXCERPT = 200
DASH = "\u2014"


def md_escape(text: Any) -> str:
    """Backslash-escape Markdown/HTML punctuation and fold line breaks."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


class _Notes:
    """Numbered footnotes, one per distinct citation, numbered in reading order."""

    def __init__(self, view: Reader) -> None:
        self.view = view
        self.numbers: dict[tuple[str, int, int], int] = {}

    def refs(self, cites: Iterable[Mapping[str, Any]]) -> str:
        out = []
        for c in cites:
            n = self.numbers.setdefault(cite_key(c), len(self.numbers) + 1)
            out.append(f"[^{n}]")
        return "".join(out)

    def render(self) -> list[str]:
        lines = []
        for (aid, start, end), n in self.numbers.items():
            art = self.view.articles.get(aid) or {}
            said = self.view.cited_text({"article": aid, "start": start, "end": end})
            if len(said) > EXCERPT:
                said = said[: EXCERPT - 1].rstrip() + "\u2026"
            where = [md_escape(self.view.outlet(aid))]
            if art.get("title"):
                where.append(f"\u201c{md_escape(art['title'])}\u201d")
            if published := self.view.published(aid):
                where.append(published)
            quote = f": \u201c{md_escape(said)}\u201d" if said else ""
            lines.append(f"[^{n}]: {', '.join(where)}{quote}")
        return lines


def _unstopped(text: str) -> str:
    """A sentence without its full stop, to stand in a list ("… officials said." -> "…
    officials said"); an abbreviation keeps its stop ("at 9 p.m.")."""
    return text[:-1] if text.endswith(".") and not re.search(r"\b\w\.\w\.$", text) else text


def _listed(sentences: list[str]) -> str:
    """Sentences as one line, "; " between them and one full stop at its end ("... at
    5:52 p.m.", not "p.m.."); no sentences, no line."""
    line = "; ".join(_unstopped(x) for x in sentences)
    return line if not line or line.endswith(".") else line + "."


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def story_to_markdown(story: dict[str, Any], articles: Mapping[str, dict[str, Any]]) -> str:
    """The story brief as Markdown (``articles``: id -> article dict with text and source)."""
    view = Reader(story, articles)
    notes = _Notes(view)
    first = view.facts_first

    def outlets(items: Iterable[str]) -> str:
        return ", ".join(md_escape(s) for s in items) or DASH

    def event(title: str | None) -> str:  # (named as an event: alone, a title in italics
        # read as the line's article title, and it is one outlet's headline)
        return f" \u00b7 event: *{md_escape(title)}*" if title else ""

    def folded(summary: str, lines: list[str]) -> list[str]:
        return ["", f"<details><summary>{summary}</summary>", "", *lines, "", "</details>", ""]

    def side(s: dict[str, Any], with_time: bool = False) -> str:
        when = f", {s['when']}" if with_time and s["when"] else ""
        marks = ("", "") if s["quoted"] else ("\u201c", "\u201d")  # the words bring their own
        said = f": {marks[0]}{md_escape(s['quote'])}{marks[1]}" if s["quote"] else ""
        return (f"**{md_escape(s['value'])}** {DASH} {outlets(s['outlets'])}{when}{said} "
                f"{notes.refs(s['citations'])}").rstrip()

    def fact(n: int, f: dict[str, Any]) -> str:
        return (f"{n}. {md_escape(f['statement'])} {DASH} {outlets(f['outlets'])}"
                f"{event(f['event'])} {notes.refs(f['citations'])}").rstrip()

    out = [f"# {md_escape(view.title)}", "", view.byline, ""]

    # -- the first screen: what happened, where outlets disagree, when
    summary = view.summary
    out += ["## What happened", ""]
    lines = [f"- {md_escape(s['text'])} {notes.refs(s['citations'])}" for s in summary]
    out += lines[: view.summary_first] or ["No neutral summary sentence found."]
    if len(lines) > view.summary_first:
        rest = len(lines) - view.summary_first
        out += folded(f"{_plural(rest, 'more summary line')}", lines[view.summary_first:])
    conflicts = view.conflicts
    out += ["", f"## Where outlets disagree ({len(conflicts)})", ""]
    for c in conflicts:
        sides = " **vs** ".join(side(s) for s in c["sides"])
        out.append(f"- **{md_escape(c['question'])}**{event(c['event'])}: {sides}")
    if not conflicts:
        out.append(NO_CONFLICTS)
    if updates := view.updates:
        out += ["", "### Figures that changed as the news developed", ""]
        for c in updates:
            sides = " **then** ".join(side(s, with_time=True) for s in c["sides"])
            out.append(f"- **{md_escape(c['question'])}**{event(c['event'])}: {sides}")
    out += ["", "## When", ""]
    for e in view.key_dates:
        place = f" ({md_escape(e['place'])})" if e["place"] and e["place"] not in e["title"] \
            else ""
        out.append(f"- **{e['date']}** {DASH} {md_escape(e['title'])}{place} {DASH} "
                   f"{md_escape(e['who']) or DASH} {notes.refs(e['citations'])}".rstrip())
    timeline = [
        f"- **{t['date']}** {DASH} {md_escape(t['text'])}{event(t['event'])} "
        f"{notes.refs(t['citations'])}".rstrip()
        for t in view.timeline
    ]
    if timeline:
        out += folded(f"All {_plural(len(timeline), 'dated line')} in the coverage", timeline)
    elif not view.key_dates:
        out.append("No dated events.")

    # -- then, ranked and folded: facts, quotes, framing
    out += ["", "## Facts"]
    for kind, heading, hint in (
        ("agreed", "Agreed by two or more independent sources", ""),
        ("unique", "Reported by one source only", view.order_hint()),
    ):
        facts = view.facts(kind)
        out += ["", f"### {heading} ({len(facts)})", ""]
        if hint and facts:
            out += [hint, ""]
        lines = [fact(n, f) for n, f in enumerate(facts, 1)]
        out += lines[:first] or [view.no_facts[kind]]
        listed = view.facts_listed if kind == "unique" else len(lines)
        if len(lines) > first:
            label = (f"All {len(lines)} single-source facts ({len(lines) - first} more)"
                     if kind == "unique" else _plural(len(lines) - first, "more agreed fact"))
            shown = lines[first:listed]
            if len(lines) > listed:
                shown.append(f"{_plural(len(lines) - listed, 'less important fact')} more: in "
                             f"the JSON brief and on `crosswire serve`'s full list.")
            out += folded(label, shown)
    quotes = view.quotes
    out += ["", f"## Quotes ({view.n_quotes} from {_plural(len(quotes), 'speaker')})", ""]
    for s in quotes:
        out += [f"### {md_escape(s['speaker'])}", "", s["line"], ""]
        for q in s["quotes"]:
            for n, w in enumerate(q["wordings"]):
                credit = f" (credited to {md_escape(w['credited'])})" if w["credited"] else ""
                lead = "- " if n == 0 else "  - also worded: "
                out.append(f"{lead}{md_escape(w['shown'])} {DASH} "
                           f"{outlets(w['outlets'])}{credit} {notes.refs(w['citations'])}"
                           .rstrip())
        out.append("")
    if not quotes:
        out.append("No quotes.")
    out += ["", "## How each outlet framed it", ""]
    for o in view.framing:
        out += [f"### {md_escape(o['outlet'])}", ""]
        more = f" and {o['more_voices']} more" if o["more_voices"] else ""
        out.append(f"- Voices quoted most: {', '.join(md_escape(v) for v in o['voices'])}{more}"
                   if o["voices"] else "- Voices quoted: none")
        if o["kinds"]:
            out.append(f"- Word choices: {', '.join(o['kinds'])}")
        if o["loaded"]:
            out.append(f"- Loaded words: {', '.join(md_escape(w) for w in o['loaded'])}")
        for a in o["articles"]:
            when = f" ({a['published']})" if a["published"] else ""
            words = "; ".join(f"\u201c{md_escape(m['text'])}\u201d ({m['kind']})"
                              for m in a["markers"])
            omits = _listed([md_escape(x) for x in a["omits"]])
            out.append(f"- *{md_escape(a['title'])}*{when}: "
                       + (f"word choices {words}. " if words else "")
                       + (f"Leaves out what others report: {omits}" if omits
                          else a["carried"]))
        out.append("")
    if not view.framing:
        out.append("No framing data.")
    out += ["", "## Sources", ""] + notes.render()
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).rstrip() + "\n"
