"""Timeline: the story's events (main and background-only) and its dated facts, in date order.

An event entry cites its date sentences (``Event.date_citations``, else sentences whose date
matches the event's); an event no sentence dates, whose date is only its reports'
publication day, is undated here (that is when it was reported, not when it happened);
other dated sentences become entries of their own, one per date (on the event of its first
citation, text from its shortest unquoted whole sentence that writes
the date rather than counting it from another: "in 1987", not "that same year"). Undated events
come last with precision ``unknown``. Years outside 1800-2200 are not dates ("Local 1187").
Dates in page furniture (a caption, a copyright line, a sidebar, an appended story:
``Extraction.nonbody``) are not the story's and make no entry, nor do those of a line without
sentence punctuation in an article whose lines have it (a caption); an event cites body
sentences. A date after its report's publication on a happening the report tells in the past
tense is misread ("caught 40 passes next season") and makes no entry, and so does "42 years
ago" when a report of the story writes the year, one off ("in 1975"). The bounds of a stretch
("since Nov. 13", "between 2011 and 2014") date nothing, and a league's season ("this season")
names no calendar year: it straddles two.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ..extract.dates import publication_day
from ..extract.dates.resolve import parse_published, value_to_date
from ..extract.furniture import overlaps
from ..records import Cite, Claim, Event, Sentence, TimelineEntry, short_hash
from .cite import StoryContext, date_precision
from .framing import inside, quoted_ranges
from .statements import plain_claim, statement
from .summary import points_back, whole_sentence, with_what_it_points_to

MAX_CITES = 6
MAX_TEXT = 220
MIN_YEAR, MAX_YEAR = 1800, 2200
PUNCTUATED = 0.6  # share of an article's text in sentences ending in punctuation
_QUOTES = "\"\u201c\u2018'"
_PREC_RANK = {"year": 0, "month": 1, "day": 2, "unknown": 3}


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "\u2026"


def build_timeline(ctx: StoryContext) -> tuple[TimelineEntry, ...]:
    """Events and dated facts, each cited, earliest first."""
    # an event's date is cited by the sentence that writes it, not by the date's words alone
    # (a footnote reading "Tuesday night" tells a reader nothing)
    event_cites: dict[str, list[Cite]] = {
        e.id: list(dict.fromkeys(
            _body_cite(ctx, c.article, ctx.sentence_cite(c.article, c.start, c.end), c.start)
            if c.article in ctx.analyzed else c
            for c in e.date_citations if _in_body(ctx, c.article, c.start, c.end)))
        for e in ctx.events
    }
    facts: dict[str, list[Cite]] = defaultdict(list)
    fact_text: dict[str, tuple[tuple[bool, bool, bool, bool, int], str]] = {}
    fact_event: dict[str, str | None] = {}
    event_date = {e.id: e.date for e in ctx.events}
    years = {int(t.value) for rec in ctx.analyzed.values() for t in rec.extraction.times
             if t.value and re.fullmatch(r"\d{4}", t.text.strip())}  # years the story writes
    for aid, rec in ctx.analyzed.items():
        punctuated = _punctuated(ctx.sentences.get(aid, ()))
        told_past = {c.start for c in rec.extraction.claims if "past" in c.qualifiers}
        published = parse_published(rec.article.published)
        quoted = quoted_ranges(rec.article.text, [(q.start, q.end) for q in rec.extraction.quotes
                                                  if q.kind == "direct"])
        for t in rec.extraction.times:
            if t.type != "DATE" or t.value is None or date_precision(t.value) == "unknown":
                continue
            if t.anchor == "dateline":
                continue  # the text's own date line dates the report, not a happening
            if not MIN_YEAR <= int(t.value[:4]) <= MAX_YEAR:
                continue  # "Local 1187" is not a year
            if _LEAGUE_SEASON.search(t.text) and not re.search(r"\d{4}", t.text):
                continue  # "this season" in January: the season that began the year before
            first = value_to_date(t.value)  # its first day
            if t.start in told_past and published and first and first[0] > published:
                continue  # a happening told as past cannot come after its report: misread
            if _AGO.search(t.text) and len(t.value) == 4 and (
                    years & {int(t.value) - 1, int(t.value) + 1}):  # fmt: skip
                continue  # "42 years ago" beside "in 1975" (in any report of the story): a round
                # count of the year written
            if overlaps(rec.extraction.nonbody, t.start, t.end) is not None:
                continue  # "Copyright 2017 ...", a caption's or a sidebar's date
            if inside(t.start, t.end, quoted):
                continue  # "today is finally the day," said a fan: the speaker's day, as for
                # claims (and counted from the report's day, not the speaker's)
            if _bounds_a_stretch(rec.article.text, t.start, t.end):
                continue  # "has lost half its value since Nov. 13": nothing on Nov. 13
            value = t.value[:10]
            ev = ctx.event_of(aid, t.start)
            sent = ctx.sentence_at(aid, t.start)
            if punctuated and sent is not None and not _ends(sent.text):
                continue  # an unpunctuated line among punctuated ones: a caption
            cite = _opened_before(ctx, aid, _body_cite(
                ctx, aid, ctx.sentence_cite(aid, t.start, t.end), t.start))
            own = [e for e, d in event_date.items() if d and d[:10] == value]
            if own:  # the date of an event: cite it on the event's entry
                target = ev if ev in own else own[0]
                if cite not in event_cites[target]:
                    event_cites[target].append(cite)
                continue
            if _aside_of_another(ctx, aid, t.start, cite):
                continue  # "approved fees last week in response to the March 3 spill": the
                # sentence did not happen on March 3, and no statement tells the spill alone
            key = value  # one entry per date, on the event of its first citation
            fact_event.setdefault(key, ev)
            if cite not in facts[key]:
                facts[key].append(cite)
            said = rec.article.text[cite.start : cite.end]
            # prefer a sentence that writes the date (not one that counts it from another:
            # "that same year"), then one that does not point back, an unquoted whole
            # sentence, a short one
            counted = (t.anchor or "").startswith("relative:")
            leans = points_back(said)
            rank = (counted, leans, said.lstrip()[:1] in _QUOTES, not whole_sentence(said),
                    len(said))
            if key not in fact_text or rank < fact_text[key][0]:
                wide = with_what_it_points_to(ctx, aid, cite, MAX_TEXT) if leans else cite
                fact_text[key] = (rank, _beside_another_date(ctx, aid, t.start, cite)
                                  or ctx.text(aid)[wide.start : wide.end])

    entries: list[tuple[tuple[Any, ...], TimelineEntry]] = []
    for i, e in enumerate(ctx.events):
        cites = event_cites[e.id] or _fallback_cites(ctx, e.articles or e.mentioned_by)
        if not cites:
            continue
        date = e.date if event_cites[e.id] or not _publication_day(ctx, e) else None
        prec = date_precision(date)
        entries.append(
            (
                (date or "~", _PREC_RANK[prec], 0, i),
                TimelineEntry(date, prec, e.id, e.title, tuple(cites[:MAX_CITES])),
            )
        )
    for value, cites in facts.items():
        prec = date_precision(value)
        entry = TimelineEntry(
            value, prec, fact_event[value], _short(fact_text[value][1]), tuple(cites[:MAX_CITES])
        )
        entries.append(((value, _PREC_RANK[prec], 1, cites[0].article, cites[0].start), entry))
    entries.sort(key=lambda kv: kv[0])
    return tuple(e for _, e in entries)


_AGO = re.compile(r"\byears?\s+ago\b", re.IGNORECASE)
_BOUND = re.compile(r"(?:\b(?:since|until|till|through|by|as\s+of|between|from)|['\u2019]til)\s+$",
                    re.IGNORECASE)  # ("'til" is "until")
# the second bound of a stretch: "between 2011 and 2014", "from 1998 to 2001"
_SECOND_BOUND = re.compile(r"\b(?:between|from)\s+[^,.;]{1,30}?\s+(?:and|to|through|until)\s+$",
                           re.IGNORECASE)
# a league's season ("this season", "next season"): it straddles two years and names neither
_LEAGUE_SEASON = re.compile(r"\bseason\b", re.IGNORECASE)
_WHEN = re.compile(r"\s*,?\s*(?:when|as)\b", re.IGNORECASE)


def _beside_another_date(ctx: StoryContext, aid: str, at: int, cite: Cite) -> str | None:
    """The plain statement of the happening a date dates ("a teenage climber was photographed
    in May 2030") when its sentence dates another happening too ("A court on Monday charged
    a teenage climber who was photographed last month ..."): told whole, the line would read
    as if the other happening came then. Only a statement the sentence says as it stands;
    else None (the sentence is the line)."""
    rec = ctx.analyzed[aid]
    days = {(t.value or "")[:10] for t in rec.extraction.times
            if t.type == "DATE" and t.value and cite.start <= t.start < cite.end}
    claim = next((c for c in rec.extraction.claims
                  if c.attribute == "date" and c.start == at), None)  # fmt: skip
    if (len(days) < 2 or claim is None or not claim.subject or not claim.predicate
            or "weak" in claim.qualifiers):  # fmt: skip
        return None
    said = ctx.text(aid)[cite.start : cite.end]
    return statement(claim) if plain_claim(claim, said, cite.start) is claim else None


def _aside_of_another(ctx: StoryContext, aid: str, at: int, cite: Cite) -> bool:
    """Whether the date at ``at`` sits aside in a sentence that dates something else too
    (its claim is ``aside``: before the noun it tells of, or in a clause beside the main
    one; or it has no claim, only naming a thing, beside a date of the main clause), and no
    plain statement tells its own happening: the sentence is then not a line for that
    date."""
    rec = ctx.analyzed[aid]
    dated = [c for c in rec.extraction.claims
             if cite.start <= c.start < cite.end and c.attribute in ("date", "year")]
    claim = next((c for c in dated if c.start == at), None)
    if claim is None:
        # a date no claim holds names a thing ("jailed on Tuesday a driver over a June 2030
        # crash"): when the main clause has a date, it is the sentence's
        return any(c.start != at and "aside" not in c.qualifiers for c in dated)
    if "aside" not in claim.qualifiers:
        return False
    values = {(t.value or "")[:10] for t in rec.extraction.times
              if t.type == "DATE" and t.value and cite.start <= t.start < cite.end}
    return len(values) >= 2 and _beside_another_date(ctx, aid, at, cite) is None


def _bounds_a_stretch(text: str, start: int, end: int) -> bool:
    """Whether a date only bounds a stretch ("since Nov. 13", "until March") or says when a
    state held ("stood at 41,000 as of January 1"): the sentence tells of the stretch or the
    state, not of a happening on that day, unless a clause on the date tells
    one ("since 2029, when a glitch halted trading")."""
    head = re.match(r"\S+\s+", text[start:end])  # the tagger may take the word in
    bound = (_BOUND.search(text[max(0, start - 12) : start])
             or _SECOND_BOUND.search(text[max(0, start - 50) : start])
             or (head is not None and _BOUND.fullmatch(head[0])))  # fmt: skip
    return bool(bound) and not _WHEN.match(text, end)


def _ends(text: str) -> bool:
    return text.rstrip().rstrip("\"'\u201d\u2019)]").rstrip()[-1:] in ".!?:;\u2026"


def _punctuated(sents: Sequence[Sentence]) -> bool:
    """Whether an article's sentences end in punctuation as a rule (most of its text)."""
    size = sum(len(s.text) for s in sents)
    return size > 0 and sum(len(s.text) for s in sents if _ends(s.text)) >= PUNCTUATED * size


def _body_cite(ctx: StoryContext, aid: str, cite: Cite, at: int) -> Cite:
    """The sentence cited without the furniture it runs into ("Channel 6 reports playpause
    On Sunday, ..."): the stretch between non-body spans that holds the date."""
    nonbody = ctx.analyzed[aid].extraction.nonbody
    start, end = cite.start, cite.end
    for n in nonbody:
        if n.end <= start or n.start >= end:
            continue
        if n.end <= at:
            start = max(start, n.end)
        elif n.start > at:
            end = min(end, n.start)
    text = ctx.text(aid)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return cite if (start, end) == (cite.start, cite.end) else Cite(aid, start, end)


def _closes_unopened(said: str) -> bool:
    """Whether a sentence closes a quotation or a bracket it never opened: the parse ended
    the sentence before it inside quoted words ('... to 'hold on.' | Parents have been ...")')."""
    if said.count("\u201d") > said.count("\u201c") or said.count(")") > said.count("("):
        return True
    first = said.find('"')
    return said.count('"') % 2 == 1 and first > 0 and not said[first - 1].isspace()


def _opened_before(ctx: StoryContext, aid: str, cite: Cite) -> Cite:
    """The cite widened back over the sentences (two at most) that open the quotation or
    bracket it closes, so a line reads from where the sentence began."""
    text = ctx.text(aid)
    start = cite.start
    for _ in range(2):
        if not _closes_unopened(text[start : cite.end]):
            break
        earlier = ctx.sentence_before(aid, start)
        if earlier is None:
            break
        start = earlier.start
    if start == cite.start or _closes_unopened(text[start : cite.end]):
        return cite
    return Cite(aid, start, cite.end)


def _in_body(ctx: StoryContext, aid: str, start: int, end: int) -> bool:
    rec = ctx.analyzed.get(aid)
    return rec is None or overlaps(rec.extraction.nonbody, start, end) is None


def _publication_day(ctx: StoryContext, e: Event) -> bool:
    """Whether an event's date is only the day its reports came out: no sentence writes it
    and it is a publication day of its articles, given with the input or by the text's own
    dateline ("posted in Road Deaths on Thursday, June 19"): a late report of a flight that
    turned back eleven days earlier is not the flight's day."""
    days = {day.isoformat() for aid in e.articles if (rec := ctx.analyzed.get(aid)) is not None
            and (day := publication_day(rec.article.published, rec.extraction.times))}
    return bool(e.date) and (e.date or "")[:10] in days


def _fallback_cites(ctx: StoryContext, articles: tuple[str, ...]) -> list[Cite]:
    """First body sentence of the first available article, for an event with no dated
    sentence."""
    for aid in articles:
        for s in ctx.sentences.get(aid, ()):
            if _in_body(ctx, aid, s.start, s.end):
                return [Cite(aid, s.start, s.end)]
    return []


BACKGROUND_TITLE = 90  # characters of a background event's title, as link/ titles events


def background_events(ctx: StoryContext, timeline: Sequence[TimelineEntry]
                      ) -> tuple[tuple[Event, ...], tuple[TimelineEntry, ...]]:  # fmt: skip
    """Happenings the story's reports recall but none is about ("On March 20, the two
    wardens were shot"), as events of their own: no articles, ``mentioned_by`` the reports
    that recall them. A day line is one when a sentence it cites dates a happening to that
    day (a past claim whose verb is neither a reporting nor a light one: "the museum was open on
    Sunday" is a state) before the report was published; what someone said on a day is not a
    happening. The event is titled by that sentence, and the line points at it."""
    own_days = {e.date[:10] for e in ctx.events if e.date}
    events: list[Event] = []
    out: list[TimelineEntry] = []
    for entry in timeline:
        found = None if entry.precision != "day" or entry.date in own_days else next(
            ((cite, c) for cite in entry.citations for c in _happenings(ctx, cite, entry.date)),
            None)
        if found is None:
            out.append(entry)
            continue
        cite, _ = found
        said = " ".join(ctx.text(cite.article)[cite.start : cite.end].split())
        title = said if len(said) <= BACKGROUND_TITLE else (
            said[: BACKGROUND_TITLE - 1].rsplit(" ", 1)[0] + "\u2026")
        mentioned = tuple(dict.fromkeys(c.article for c in entry.citations))
        event = Event(short_hash("e-", f"{cite.article}|{cite.start}|{entry.date}"),
                      title[:1].upper() + title[1:], entry.date, None, (), mentioned)
        events.append(event)
        out.append(dataclasses.replace(entry, event=event.id))
    return tuple(events), tuple(out)


def _happenings(ctx: StoryContext, cite: Cite, day: str | None) -> list[Claim]:
    """Past date claims of ``cite``'s sentence dating a happening to ``day`` before its
    article was published."""
    rec = ctx.analyzed.get(cite.article)
    if rec is None or day is None:
        return []
    published = (rec.article.published or "")[:10]
    if not published or day >= published:
        return []
    # the happening its report is about, told with another day, is that event's date
    # (a contradiction the facts report), not a happening of its own
    own = {c.key for c in rec.extraction.claims if c.attribute == "date" and "lead" in
           c.qualifiers}  # fmt: skip
    return [c for c in ctx.claims_in(cite)
            if c.attribute == "date" and c.value == day
            and not c.key.startswith("say") and not {"future", "light"} & set(c.qualifiers)
            and c.key not in own and c.subject and c.predicate]
