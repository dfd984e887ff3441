"""Self-contained HTML rendering of a story dict (Jinja2, autoescape on), and the reader's view
of a brief that the Markdown renderer and the web UI share.

The first screen answers three questions: what happened (a short cited summary), where outlets
disagree (each contradiction as one item with both sides, their outlets and their words) and
when (the events of the story by date). Everything else follows, ranked and collapsible:
agreed facts, single-source facts (the most important first, capped, with the full list one
click away), quotes grouped by speaker, framing by outlet, and the sources.

Readers see plain statements and plain dates only: never a slot key, an id, a hash or a TIMEX
code (``when_words`` turns ``2025-03-06TNI`` into "Thursday 6 March 2025, night").

No network: inline CSS, no scripts, no external fonts; the timeline drawing is inline SVG.
Every item links to its cited span in the "Sources" section, where article texts are shown
with the spans highlighted (``<mark id=...>``). All article-derived text goes through Jinja2's
escaping.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..brief.facts import of_the_dead_or_hurt
from ..brief.framing import quoted_ranges
from ..brief.statements import dated_words
from ..brief.when import when_words
from ..extract.dates.resolve import published_minutes, split_year
from ..words import past_tense

SUMMARY_FIRST = 3  # summary sentences on the first screen; the rest fold
FACTS_FIRST = 10  # agreed / single-source facts shown before "show all"
# single-source facts a brief file lists; the rest are in the JSON brief and on the web UI's
# full list (one story of a real stream had 860, and a 404 KB Markdown brief)
FACTS_LISTED = 100
QUOTE_CHARS = 150  # a side of a contradiction quotes at most this much of its source
SHOWN_VOICES = 5  # voices named per outlet; the rest are counted ("and 2 more")
# What an empty fact section says (the report, the Markdown brief and the web pages)
NO_FACTS = {
    "agreed": "No two independent sources report the same fact.",
    "unique": "No fact comes from one source only.",
}
# ... when outlets agree only on who said what (their shared quotes are under Quotes)
NO_FACTS_BUT_QUOTES = ("No two independent sources report the same fact besides who said "
                       "what: the quotes they share are under Quotes.")
# ... when what one source alone gives is all in sentences an agreed line cites already
NO_FACTS_REPEATED = ("Each fact that only one source gives is in a sentence already listed "
                     "above.")
_SLUG = re.compile(r"[^A-Za-z0-9_-]+")

def published_words(value: Any) -> str:
    """When a report went out, as a reader reads it. A stamp with no minute of the day
    (``dates.resolve.published_minutes``: exactly midnight, written by feeds for reports they
    only know the day of) is the day alone."""
    if isinstance(value, str) and len(value.strip()) > 10 and published_minutes(value) is None:
        return when_words(value.strip()[:10])
    return when_words(value)


def span_words(first: str | None, last: str | None) -> str:
    """Two ISO dates as one stretch: "4–20 March 2025", "Tuesday 4 March 2025" (no-break
    spaces and word joiners inside, so a narrow screen never splits it)."""
    a, b = _day(first), _day(last)
    if a and b and a != b:
        if a.year == b.year and a.month == b.month:
            text = f"{a.day}\u2013{b.day} {b:%B %Y}"
        elif a.year == b.year:
            text = f"{a.day} {a:%B} \u2013 {b.day} {b:%B %Y}"
        else:
            text = f"{a.day} {a:%B %Y} \u2013 {b.day} {b:%B %Y}"
        return text.replace(" ", "\u00a0").replace("\u2013", "\u2060\u2013\u2060")
    if first:
        return when_words(first).replace(" ", "\u00a0")
    return ""


# ISO days (with any clock part), year-months, ISO weeks, durations and other TIMEX codes
# written inside a statement or a value by an older brief
_CODE = re.compile(
    r"\b\d{4}-\d\d-\d\d(?:T[0-9A-Z:.+-]*)?\b|\b\d{4}-(?:0[1-9]|1[0-2])\b(?!-)"
    r"|\b\d{4}-W\d\d(?:-WE)?\b|\bXXXX-WXX-(?:[1-7]|WE)\b|\bP(?:T?[\dX.]+[YMWDHS])+\b"
    r"|\b(?:PRESENT|PAST|FUTURE)_REF\b|\b\d{4}-(?:SP|SU|FA|WI|Q[1-4]|H[12])\b"
)


def plain(text: Any) -> str:
    """A statement or value with any ISO date or TIMEX code in it put in words; not a split
    year an article writes ("in 2010-11": a season or a fiscal year, no November)."""
    if text is None:
        return ""
    return _CODE.sub(lambda m: m[0] if _written_split_year(m[0]) else when_words(m[0]),
                     str(text))


def _written_split_year(code: str) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d\d)", code)
    return m is not None and split_year(int(m[1]), int(m[2]))


# a slot key ("count:kill/worker", "date:hear"): a lowercase word, a colon, no space
_KEY = re.compile(r"^[a-z_]+:\S")


def is_key(text: Any) -> bool:
    return isinstance(text, str) and bool(_KEY.match(text))


def _day(value: str | None) -> dt.date | None:
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


# ------------------------------------------------------------------------ the drawing

CHART_W, CHART_L, CHART_R, AXIS_Y, STEP = 640, 40, 600, 40, 16
GUTTER = 26  # px left of CHART_L / right of CHART_R for dates far outside the story


def cite_key(c: Mapping[str, Any]) -> tuple[Any, Any, Any]:
    """A citation (an ``{"article", "start", "end"}`` dict) as a key: its article and span."""
    return (c["article"], c["start"], c["end"])


# shown elsewhere or not a finding: who said what is in the quotes, whole; a title ("Hock
# Tan: Officer") names a person, it reports nothing (both stay in the JSON brief)
_NOT_LISTED = ("speaker:", "role:")


def listed(fact: Mapping[str, Any], agreed: Iterable[Mapping[str, Any]]) -> bool:
    """Whether a fact of the JSON brief gets a line in the fact lists a reader sees."""
    if str(fact.get("slot", "")).startswith(_NOT_LISTED):
        return False
    agreed = list(agreed)
    return fact in agreed or not on_agreed_line(fact, agreed)


def on_agreed_line(fact: Mapping[str, Any], agreed: Iterable[Mapping[str, Any]]) -> bool:
    """Whether a single-source fact's sentences are all cited by agreed facts already (the
    day of "boarded the flight ... Sunday" where the sentence is agreed for another value):
    a reader would see the sentence twice, so it is not listed again."""
    cites = {cite_key(c) for c in fact.get("citations") or ()}
    return bool(cites) and cites <= {cite_key(c) for f in agreed
                                     for c in f.get("citations") or ()}


@dataclass(frozen=True, slots=True)
class Dot:
    index: int  # 1-based number shown in the dot and in the list beside the chart
    x: int
    y: int
    date: str  # in words


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    axis_y: int
    left: int
    right: int
    dots: tuple[Dot, ...]
    first: str  # the axis ends, in words
    last: str
    before: str  # "earlier: 1988, 2019" when dates far before the story sit in the gutter
    after: str


def _core_range(days: Sequence[dt.date], anchors: Sequence[dt.date]) -> tuple[dt.date, dt.date]:
    """The stretch the axis draws to scale: around the events (``anchors``), or the middle of
    the dates; a background year ("built in 1988") stays outside and goes to a gutter."""
    ordered = sorted(days)
    pool = sorted(anchors) or ordered[len(ordered) // 4: len(ordered) - len(ordered) // 4]
    lo, hi = pool[0], pool[-1]
    margin = max(dt.timedelta(days=45), (hi - lo) / 2)
    inside = [d for d in days if lo - margin <= d <= hi + margin]
    return (min(inside), max(inside)) if inside else (lo, hi)


def timeline_chart(entries: Sequence[Mapping[str, Any]],
                   anchors: Iterable[str | None] = ()) -> Chart | None:
    """Dots on a proportional date axis, one per dated entry; None when nothing is dated.

    The axis spans the story (the dates of ``anchors``, usually its events, with a margin);
    dates far outside sit in a gutter at either end, drawn past a break, so one old year does
    not squeeze the whole story onto one spot. Entries on the same spot stack upwards.
    """
    points = [(i, day, e.get("date")) for i, e in enumerate(entries, 1)
              if (day := _day(e.get("date"))) is not None]
    if not points:
        return None
    days = [d for _, d, _ in points]
    lo, hi = _core_range(days, [d for a in anchors if (d := _day(a))])
    span = (hi - lo).days
    dots: list[Dot] = []
    seen: Counter[int] = Counter()
    for index, day, raw in points:
        if day < lo:
            x = CHART_L - GUTTER
        elif day > hi:
            x = CHART_R + GUTTER
        else:
            x = CHART_L + round((0.5 if span == 0 else (day - lo).days / span)
                                * (CHART_R - CHART_L))
        bucket = round(x / 8)  # dots closer than a dot's width stack
        level = seen[bucket]
        seen[bucket] += 1
        dots.append(Dot(index, x, AXIS_Y - level * STEP, when_words(raw)))
    height = AXIS_Y + 30
    top = min(d.y for d in dots) - 14
    axis_y = AXIS_Y
    if top < 0:  # shift everything down so stacked dots stay inside the box
        dots = [Dot(d.index, d.x, d.y - top, d.date) for d in dots]
        height -= top
        axis_y -= top
    early = sorted({str(raw) for _, d, raw in points if d < lo})
    late = sorted({str(raw) for _, d, raw in points if d > hi})
    return Chart(CHART_W, height, axis_y, CHART_L, CHART_R, tuple(dots),
                 f"{lo.day} {lo:%B %Y}", f"{hi.day} {hi:%B %Y}",
                 ("earlier: " + ", ".join(when_words(x) for x in early)) if early else "",
                 ("later: " + ", ".join(when_words(x) for x in late)) if late else "")


# ------------------------------------------------------------------------ the reader's view


def excerpt(text: str, hints: Iterable[str], limit: int = QUOTE_CHARS) -> str:
    """At most ``limit`` characters of ``text`` around the first of ``hints`` it contains,
    cut at word edges, with an ellipsis where it was cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    low = text.lower()
    pos = -1
    for hint in hints:
        for word in re.findall(r"[\w’']+", hint.lower()):
            if len(word) < 2 or word in ("the", "and", "was", "were", "about", "than", "more"):
                continue
            if (at := low.find(word)) >= 0:
                pos = at
                break
        if pos >= 0:
            break
    start = max(0, min(pos - limit // 3 if pos >= 0 else 0, len(text) - limit))
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + limit)
    if end < len(text) and " " in text[start:end]:
        end = text.rfind(" ", start, end)
    piece = text[start:end].strip(" ,;:")
    return ("\u2026" if start else "") + piece + ("\u2026" if end < len(text) else "")


MARKER_WORDS = {"loaded": ("loaded word", "loaded words"),
                "evaluative": ("judging word", "judging words"),
                "intensifier": ("intensifier", "intensifiers"), "hedge": ("hedge", "hedges"),
                "opinion": ("opinion phrase", "opinion phrases"),
                "reader_question": ("question to the reader", "questions to the reader")}


def marker_words(kind: Any, n: int = 1) -> str:
    one, many = MARKER_WORDS.get(str(kind), ("word choice", "word choices"))
    return one if n == 1 else many


def carried_words(checked: int | None, copies: bool = False) -> str:
    """What a reader is told of a report that leaves out none of the facts and quotes the
    other outlets agree on: how many that is, for "nothing" says little when they agree on
    one. (Quotes are named: "all 4 facts" read as wrong beside two facts and two quotes; and
    the happening: a story may hold several, and a report is checked against its own.)
    With ``copies`` (some outlets of the story print one copy), a report with nothing to
    check it against is told why outlets printing its words do not count. What the brief
    did not find is said as the brief's finding, not as the coverage's ("no outlet confirms"
    read as false where outlets give the same fact in words the brief did not match)."""
    if checked is None:  # a brief written before the count was kept
        return "Leaves out none of the facts the other outlets agree on."
    if checked == 0:
        return ("The brief found no fact of this happening that two independent outlets both "
                "give, so there is nothing to check this report against.") + (
            " Outlets that print the same copy count as one source." if copies else "")
    if checked == 1:
        return ("Gives the one fact or quote the other outlets agree on about the happening "
                "it reports.")
    return (f"Gives all {checked} facts and quotes the other outlets agree on about the "
            "happening it reports.")


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


# a date in words a statement puts beside a day as written: "Tuesday night (4 March 2025)"
_DATE_IN_WORDS = re.compile(
    r" \((?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) )?(?:\d{1,2} )?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December) \d{4}\)")


# a quote mark opening words (after a space or a bracket, before a letter or digit) and one
# closing them (after a letter, digit or punctuation, not before a letter): an apostrophe
# inside a word ("Orla's") is neither
_OPENS = re.compile(r"(?:^|(?<=[\s(\[]))(['\u2018\"\u201c])(?=\w)")
_CLOSES = re.compile(r"(?<=[\w.,!?])(['\u2019\"\u201d])(?!\w)")
_CLOSING = {"'": "'", "\u2018": "\u2019", '"': '"', "\u201c": "\u201d"}


def closed_marks(text: str) -> str:
    """``text`` with the quote mark it opens last closed at its end, when its span was cut
    before the closing mark ("his knee is 'in good shape" -> "... 'in good shape'")."""
    opened = [m[1] for m in _OPENS.finditer(text)]
    closed = len(_CLOSES.findall(text))
    if len(opened) > closed:
        return text + _CLOSING[opened[-1]]
    return text


def shown_words(text: str, kind: Any, speaker: str | None = None, framed: bool = False) -> str:
    """A quote as a reader sees it: direct words in quote marks; a paraphrase (a mixed or
    indirect quote, the outlet's words around any it quotes) without marks of ours, as what
    was said ("said that …"), so it is never taken for the speaker's own words. With its
    speaker known, a paraphrase reads as a sentence about them, with its own verb when it
    starts with it (``framed``: "Ilse Brandvold declined to say whether …") or "said"
    ("Ilse Brandvold said that …")."""
    if kind in (None, "direct"):
        return f"\u201c{text}\u201d"
    text = closed_marks(text)
    who = f"{speaker[:1].upper()}{speaker[1:]} " if speaker else ""
    if framed and who:
        verb, space, rest = text.partition(" ")
        if verb.endswith("ing") and verb.isalpha():
            verb = past_tense(verb)  # "..., Lind said, adding that ...": "Lind added that"
        return f"{who}{verb}{space}{rest}"
    if text[:5].casefold() == "that ":
        return f"{who}said {text}"
    return f"paraphrase: {text}"


class Reader:
    """The reader's view of a story dict: what each renderer shows, in the order it shows it.

    Citations stay as ``{"article", "start", "end"}`` dicts: each renderer writes them its own
    way (numbered links, outlet links, footnotes).
    """

    def __init__(self, story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]],
                 *, facts_first: int = FACTS_FIRST, summary_first: int = SUMMARY_FIRST) -> None:
        self.story = story
        self.articles = articles
        self.events = {e.get("id"): e for e in story.get("events") or ()}
        self.facts_first = facts_first
        self.facts_listed = FACTS_LISTED
        self.summary_first = summary_first
        self._outlet_of = dict(story.get("sources") or {}) if isinstance(
            story.get("sources"), Mapping) else {}
        self._distinct: dict[str, list[dict[str, Any]]] | None = None
        self._undated: set[str] | None = None  # events the timeline leaves undated

    # -- small helpers
    def outlet(self, article_id: Any) -> str:
        """The outlet that published the article (a wire copy names its own outlet)."""
        art = self.articles.get(article_id) or {}
        return str(art.get("source") or self._outlet_of.get(article_id) or "unknown outlet")

    def outlets(self, citations: Iterable[Mapping[str, Any]]) -> list[str]:
        return list(dict.fromkeys(self.outlet(c.get("article")) for c in citations))

    def article_outlets(self, ids: Iterable[Any]) -> list[str]:
        return list(dict.fromkeys(self.outlet(a) for a in ids))

    @property
    def main_event(self) -> Any:
        """The event the story is named after (or the one most articles report)."""
        for eid, e in self.events.items():
            if e.get("title") and e.get("title") == self.story.get("title"):
                return eid
        return max(self.events, key=lambda k: len(self.events[k].get("articles") or ()),
                   default=None)

    def event_title(self, event_id: Any) -> str | None:
        """The title of the event an item belongs to, when that is not the story's main one
        (a story of one event, or its main event, needs no tag)."""
        if not event_id or len(self.events) < 2 or event_id == self.main_event:
            return None
        e = self.events.get(event_id)
        if not e or not e.get("title") or not e.get("articles"):
            return None  # a recalled happening is titled by the very line that tells it
        return str(e.get("title"))

    def cited_text(self, cite: Mapping[str, Any]) -> str:
        art = self.articles.get(str(cite.get("article"))) or {}
        text = art.get("text")
        start, end = cite.get("start"), cite.get("end")
        if not isinstance(text, str) or not isinstance(start, int) or not isinstance(end, int):
            return ""
        return text[start:end] if 0 <= start < end <= len(text) else ""

    def published(self, article_id: Any) -> str:
        value = (self.articles.get(article_id) or {}).get("published")
        return published_words(value) if value else ""

    # -- header
    @property
    def title(self) -> str:
        return str(self.story.get("title") or "Untitled story")

    @property
    def byline(self) -> str:
        """ "14 articles from 6 independent sources · happened 4 – 20 March 2025": the days
        are those of the happenings the reports tell, not of the reports."""
        n = len(self.story.get("articles") or ())
        parts = [_plural(n, "article")]
        if isinstance(self.story.get("independent_sources"), int):
            parts[0] += f" from {_plural(self.story['independent_sources'], 'independent source')}"
        dated = [(e, d) for e in self.events.values()
                 if isinstance(d := self.event_date(e), str) and _day(d)]
        reported = [(e, d) for e, d in dated if e.get("articles")]  # not only recalled
        days = sorted(d for _, d in reported or dated)
        if days:
            parts.append("happened " + span_words(days[0], days[-1]))
        return " \u00b7 ".join(parts)

    # -- first screen
    @property
    def summary(self) -> list[dict[str, Any]]:
        return [{"text": self.dated(s.get("text", ""), (s.get("citations") or [{}])[0]),
                 "citations": s.get("citations") or []}
                for s in self.story.get("summary") or ()]

    def dated(self, text: str, cite: Mapping[str, Any]) -> str:
        """A cited line with each date it writes relative to its report ("on Monday night",
        "today") followed by the day it resolved to, in words: a summary gathers lines from
        reports of several days, so "today" alone would mislead."""
        if not text or self.cited_text(cite) != text:
            return text
        start = int(cite["start"])
        times = [t for t in (self.articles.get(str(cite.get("article"))) or {}).get("times") or ()
                 if t.get("type") in ("DATE", "TIME") and isinstance(t.get("start"), int)
                 and start <= t["start"] and t["end"] <= start + len(text)]  # fmt: skip
        quoted = quoted_ranges(text)  # a speaker's words stay theirs
        for t in sorted(times, key=lambda t: -t["start"]):
            at, written = t["start"] - start, str(t.get("text") or "")
            after = text[at + len(written) :]
            if (not written or text[at : at + len(written)] != written
                    or re.match(r"['\u2019]s\b", after)  # "today's vote"
                    or any(a <= at < b for a, b in quoted)):
                continue
            text = text[:at] + dated_words(written, t.get("value")) + after
        return text

    def _side(self, v: Mapping[str, Any], hints: Sequence[str]) -> dict[str, Any]:
        cites = list(v.get("citations") or ())
        said = self.cited_text(cites[0]) if cites else ""
        value = plain(v.get("value"))
        quote = excerpt(said, [value, *hints]) if said else ""
        return {
            "value": value or "no value",
            "statement": plain(v.get("statement")) if v.get("statement") else "",
            "outlets": list(v.get("sources") or ()) or self.outlets(cites),
            "quote": quote,
            "quoted": bool(re.match("\u2026?[\u201c\u2018\"']", quote)),  # brings its marks
            "citations": cites,
            "when": self.published(cites[0]["article"]) if cites else "",
        }

    def _disagreement(self, c: Mapping[str, Any]) -> dict[str, Any]:
        question = c.get("statement") or c.get("why")
        question = plain(question) if question and not is_key(question) else \
            "Outlets give different accounts"
        return {
            "question": question,
            "event": self.event_title(c.get("event")),
            "sides": [self._side(v, [str(question)]) for v in c.get("variants") or ()],
        }

    @property
    def conflicts(self) -> list[dict[str, Any]]:
        return [self._disagreement(c) for c in (self.story.get("facts") or {}).get(
            "conflicting") or ()]

    @property
    def updates(self) -> list[dict[str, Any]]:
        return [self._disagreement(c) for c in (self.story.get("facts") or {}).get(
            "updates") or ()]

    def event_date(self, e: Mapping[str, Any]) -> str | None:
        """An event's date as the timeline gives it: none when only its reports' publication
        day dates it (``brief.timeline``: that is when it was reported, not when it
        happened), so the byline, the compact list and the timeline agree."""
        if self._undated is None:
            self._undated = {str(t.get("event")) for t in self.story.get("timeline") or ()
                             if isinstance(t, Mapping) and not t.get("date")
                             and self._own_line(t)}  # fmt: skip
        return None if e.get("id") in self._undated else e.get("date")

    def _own_line(self, t: Mapping[str, Any]) -> bool:
        """Whether a timeline line is its event's own (titled by the event), not a line of
        another dated sentence that only belongs to it."""
        event = self.events.get(t.get("event")) or {}
        return bool(event) and event.get("title") == t.get("text")

    @property
    def key_dates(self) -> list[dict[str, Any]]:
        """The events of the story by date: the compact timeline."""
        def order(e: Mapping[str, Any]) -> tuple[int, dt.date]:
            d = _day(self.event_date(e))
            return (0, d) if d else (1, dt.date.max)

        # an event's own timeline line cites the sentences that date it; the event's
        # date_citations are the date's words alone ("Tuesday night")
        told = {(t.get("event"), t.get("date")): list(t.get("citations") or ())
                for t in self.story.get("timeline") or () if isinstance(t, Mapping)}
        out = []
        for e in sorted(self.events.values(), key=order):
            outlets = self.article_outlets(e.get("articles") or ())
            recalled = self.article_outlets(e.get("mentioned_by") or ())
            out.append({
                "date": when_words(self.event_date(e)),
                "title": str(e.get("title") or "An event of this story"),
                "place": e.get("place") or "",
                "outlets": outlets,
                # a happening no report is about, only recalled by some
                "who": ", ".join(outlets) if outlets or not recalled
                else "recalled by " + ", ".join(recalled),
                "mentioned": len(e.get("mentioned_by") or ()),
                "citations": told.get((e.get("id"), self.event_date(e)))
                or list(e.get("date_citations") or ()),
            })
        return out

    @property
    def timeline(self) -> list[dict[str, Any]]:
        out = []
        for t in self.story.get("timeline") or ():
            own = not self.events.get(t.get("event")) or self._own_line(t)
            out.append({
                "date": when_words(t.get("date")),
                "text": t.get("text") or "",
                "event": None if own else self.event_title(t.get("event")),
                "citations": list(t.get("citations") or ()),
            })
        return out

    @property
    def chart(self) -> Chart | None:
        return timeline_chart(self.story.get("timeline") or (),
                              [self.event_date(e) for e in self.events.values()])

    # -- after the first screen
    def _fact(self, f: Mapping[str, Any]) -> dict[str, Any]:
        text = f.get("statement") or f.get("value")
        cites = list(f.get("citations") or ())
        return {
            "statement": plain(text) if text and not is_key(text) else "A reported detail",
            "outlets": list(f.get("sources") or ()) or self.outlets(cites),
            "event": self.event_title(f.get("event")),
            "citations": cites,
        }

    def order_hint(self) -> str:
        """How the single-source facts are ordered, as it applies to this story: the dead
        and hurt come first only in a story that counts any."""
        unique = (self.story.get("facts") or {}).get("unique") or ()
        casualties = any(of_the_dead_or_hurt(str(f.get("slot", ""))) for f in unique)
        return ("Most important first: " + ("the dead and hurt, " if casualties else "")
                + "when and where, then the rest.")

    @property
    def no_facts(self) -> dict[str, str]:
        """What an empty fact section says: an agreed section with no line still says that
        outlets share quotes when they do (``_NOT_LISTED`` keeps those out of the list)."""
        facts = self.story.get("facts") or {}
        agreed = facts.get("agreed") or ()
        quoted = any(str(f.get("slot", "")).startswith("speaker:") for f in agreed
                     if isinstance(f, Mapping))
        repeated = any(not str(f.get("slot", "")).startswith(_NOT_LISTED)
                       and on_agreed_line(f, agreed) for f in facts.get("unique") or ())
        return {**NO_FACTS, **({"agreed": NO_FACTS_BUT_QUOTES} if quoted else {}),
                **({"unique": NO_FACTS_REPEATED} if repeated else {})}

    def facts(self, kind: str) -> list[dict[str, Any]]:
        """Agreed or single-source facts, one line per statement (only those ``listed``:
        who said what is shown in the quotes, each quote whole, not here as a stub): facts
        told in one sentence's words (the dead and the day of "Two people are dead after a fire on
        Tuesday night") are one line, at the first one's place, with the wording that puts
        the most dates in words, and the citations and outlets of all. A single-source fact
        whose sentences an agreed line already cites is not listed again."""
        if self._distinct is None:
            self._distinct = {}
            shown: dict[str, dict[str, Any]] = {}
            agreed = (self.story.get("facts") or {}).get("agreed") or ()
            for k in ("agreed", "unique"):
                self._distinct[k] = []
                for f in (self.story.get("facts") or {}).get(k) or ():
                    if not listed(f, agreed):
                        continue  # in the quotes, a title, or on an agreed line already
                    line = self._fact(f)
                    key = _DATE_IN_WORDS.sub("", line["statement"])
                    if key not in shown:
                        shown[key] = line
                        self._distinct[k].append(line)
                        continue
                    kept = shown[key]
                    if len(line["statement"]) > len(kept["statement"]):
                        kept["statement"] = line["statement"]
                    kept["citations"] += [c for c in line["citations"]
                                          if c not in kept["citations"]]
                    kept["outlets"] += [o for o in line["outlets"] if o not in kept["outlets"]]
        if kind in self._distinct:
            return self._distinct[kind]
        return [self._fact(f) for f in (self.story.get("facts") or {}).get(kind) or ()]

    @property
    def quotes(self) -> list[dict[str, Any]]:
        """Quotes grouped by speaker (one heading each), the most widely carried first."""
        groups: dict[str, dict[str, Any]] = {}
        for n, g in enumerate(self.story.get("quotes") or ()):
            variants = [v for v in g.get("variants") or () if isinstance(v, Mapping)]
            if not variants:
                continue
            name = str(g.get("speaker") or "") or "Unattributed"
            heading = name[:1].upper() + name[1:]  # "the airline" heads them as "The airline"
            speaker = groups.setdefault(name, {"speaker": heading, "quotes": [], "first": n,
                                               "outlets": set()})
            wordings = []
            for v in variants:
                cites = list(v.get("citations") or ())
                outlets = list(v.get("sources") or ()) or self.outlets(cites)
                speaker["outlets"].update(outlets)
                credited = v.get("speaker")
                text = str(v.get("text") or "")
                said_by = credited or (heading if g.get("speaker") else None)
                shown = shown_words(text, v.get("kind"), said_by, bool(v.get("framed")))
                wordings.append({"text": text, "shown": shown,
                                 "outlets": outlets,
                                 "credited": credited if credited and credited != name else None,
                                 "citations": cites})
            speaker["quotes"].append({"text": wordings[0]["text"], "wordings": wordings})
        ranked = sorted(groups.values(), key=lambda s: (
            s["speaker"] == "Unattributed", -len(s["outlets"]), -len(s["quotes"]), s["first"]))
        for s in ranked:
            s["outlets"] = sorted(s["outlets"])
            s["line"] = (f"{_plural(len(s['quotes']), 'quote')}, carried by "
                         f"{_plural(len(s['outlets']), 'outlet')}")
        return ranked

    @property
    def n_quotes(self) -> int:
        return len(self.story.get("quotes") or ())

    @property
    def framing(self) -> list[dict[str, Any]]:
        """One entry per outlet: whose voices it carries, its word choices and, per article,
        what it leaves out that others report."""
        per_article: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for f in self.story.get("framing") or ():
            if isinstance(f, Mapping):
                per_article[str(f.get("source") or self.outlet(f.get("article")))].append(f)
        summaries = {str(o.get("source")): o for o in self.story.get("outlets") or ()
                     if isinstance(o, Mapping)}
        out = []
        for outlet in dict.fromkeys([*summaries, *per_article]):
            o = summaries.get(outlet) or {}
            rows = per_article.get(outlet, [])
            voices = o.get("voices")
            if voices is None:  # no outlet summary: add up its articles
                count: Counter[str] = Counter()
                for f in rows:
                    for v in f.get("voices") or ():
                        if isinstance(v, Mapping):
                            count[str(v.get("speaker") or "unattributed")] += int(
                                v.get("count") or 1)
                total = sum(count.values()) or 1
                voices = [{"speaker": s, "share": n / total} for s, n in count.most_common()]
            kinds: Counter[str] = Counter()
            for f in rows:
                for m in f.get("markers") or ():
                    if isinstance(m, Mapping):
                        kinds[str(m.get("kind"))] += 1
            shown = [f"{v.get('speaker') or 'unattributed'} ({float(v.get('share') or 0):.0%})"
                     for v in voices if isinstance(v, Mapping)]
            out.append({
                "outlet": outlet,
                "voices": shown[:SHOWN_VOICES],
                "more_voices": max(0, len(shown) - SHOWN_VOICES),  # "and 7 more"
                "loaded": [str(w) for w in o.get("loaded") or ()],
                "kinds": [f"{n} {marker_words(k, n)}" for k, n in kinds.most_common()],
                "articles": [self._framing_article(f) for f in rows],
            })
        return out

    def _framing_article(self, f: Mapping[str, Any]) -> dict[str, Any]:
        aid = str(f.get("article"))
        art = self.articles.get(aid) or {}
        markers = [{"kind": marker_words(m.get("kind")), "text": str(m.get("text") or ""),
                    "neutral": m.get("neutral"), "mark": m}
                   for m in f.get("markers") or () if isinstance(m, Mapping)]
        omits = [plain(o) for o in f.get("omits") or () if isinstance(o, str) and not is_key(o)]
        checked = f.get("checked")
        return {"article": aid, "title": str(art.get("title") or "Untitled article"),
                "published": self.published(aid), "markers": markers, "omits": omits,
                "carried": carried_words(checked if isinstance(checked, int) else None,
                                         self._copies())}

    def _copies(self) -> bool:
        """Whether some outlets of the story print one copy (fewer independent sources than
        outlets)."""
        independent = self.story.get("independent_sources")
        outlets = {a.get("source") for a in self.articles.values() if a.get("source")}
        return isinstance(independent, int) and independent < len(outlets)


# ------------------------------------------------------------------------ the HTML file


# What the brief says when it finds no contradiction: what it compared, and what it does not
# (read on held-out clusters, readers found outlets disagreeing on places and durations,
# which a line saying that everything "fits together" denied)
NO_CONFLICTS = ("No contradiction found in the counts, ages, days, times, years, sums and names "
                "that two or more outlets both give. Other details, such as places and "
                "durations, are not compared.")


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("crosswire.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = when_words
    env.globals["no_conflicts"] = NO_CONFLICTS
    return env


def _slug(text: str) -> str:
    return _SLUG.sub("_", text) or "_"


def cite_anchor(cite: Mapping[str, Any], prefix: str = "c") -> str:
    """The HTML id of a cited span: ``c-<article>-<start>-<end>``."""
    return f"{prefix}-{_slug(str(cite['article']))}-{cite['start']}-{cite['end']}"


def _all_cites(story: Mapping[str, Any]) -> Iterable[dict[str, Any]]:
    for e in story.get("events", []):
        yield from e.get("date_citations", [])
    for t in story["timeline"]:
        yield from t["citations"]
    for s in story["summary"]:
        yield from s["citations"]
    facts = story["facts"]
    for f in (*facts["agreed"], *facts["unique"]):
        yield from f["citations"]
    for c in (*facts["conflicting"], *facts.get("updates", [])):
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


def by_event(items: list[dict[str, Any]], events: Mapping[str, str]) -> list[dict[str, Any]]:
    """Items grouped by their event (first-appearance order): [{"event", "title", "items"}]."""
    groups: dict[Any, dict[str, Any]] = {}
    for item in items:
        eid = item.get("event")
        title = events.get(eid, "Other") if eid else "Across the story"
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
    view = Reader(story, articles)

    def refs(cites: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for c in cites:
            anchor = cite_anchor(c)
            words = " ".join(view.cited_text(c).split())
            if len(words) > 160:
                words = words[:159].rstrip() + "\u2026"
            out.append(
                {
                    "href": "#" + anchor,
                    "n": numbers.setdefault(anchor, len(numbers) + 1),
                    "title": f"{view.outlet(c['article'])}: \u201c{words}\u201d"
                    if words else view.outlet(c["article"]),
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
                "anchor": "a-" + _slug(aid),
                "title": art.get("title") or "Untitled article",
                "source": art.get("source"),
                "published": view.published(aid),
                "url": _safe_url(art.get("url")),
                "segments": segment_text(art.get("text") or "", spans.get(aid, [])),
            }
        )
    template = _env().get_template("story.html")
    return template.render(
        view=view,
        refs=refs,
        marker_anchor=lambda aid, m: "#" + cite_anchor({**m, "article": aid}, "m"),
        article_anchor=lambda aid: "#a-" + _slug(str(aid)),
        sources=sources,
        no_facts=view.no_facts,
    )
