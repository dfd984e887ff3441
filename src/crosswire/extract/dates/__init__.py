"""Temporal expressions: a rule-based tagger and normalizer in the spirit of HeidelTime.

Regex rules (``rules``) propose candidates; overlaps keep the longest; each kept
expression is normalized in reading order to a TIMEX3 value. Anchors say what a value was
resolved against:

- ``"absolute"``: the text alone gives the value ("January 5, 2015", "1997", "three days",
  "every Monday", "now" -> PRESENT_REF);
- ``"published:YYYY-MM-DD"``: resolved against ``article.published`` ("On Saturday",
  "last week", "two weeks ago", "Jan. 5");
- ``"relative:<value>"``: resolved against the last resolved date before it ("a week later",
  "the next day");
- ``None``: unresolved (value None). Without ``published`` nothing is anchored to "today":
  weekdays, month-days without a year and other relative expressions get value None...
- ``"dateline"`` / ``"dateline:YYYY-MM-DD"``: ...unless the text carries its own dateline: an
  absolute day standing on one of the first lines ("Updated: March 3, 2027 18:42",
  "Published on: Thu, 4 Mar 2027 at 07:41 IST", "OCTOBER 9, 2026 10:48AM"), or following
  a publishing stamp there ("By A. Writer. posted in Local News on Friday, May 16, 2031").
  That expression gets the anchor
  ``"dateline"`` and the relative ones are resolved against its day, as they would be
  against ``published``.

Weekdays and year-less dates follow the clause's tense (spaCy parse): past -> on or before
publication; future, modal ("should", "must") or "is to" -> on or after it; a weekday naming
the publication day is that day. A present tense with a day is a schedule ("Game 4 is
Saturday": forward) unless the day names an event (a possessive, a day hanging off a noun)
or the sentence also tells a past (a caption); an untensed weekday is not put before the
last day the story named before publication ("in court Sunday" after a Friday killing).
Vague spans ("a few weeks ago") get the finest ISO value that covers the whole range they
allow (a month, a year) or None.

The rules are grammars more than phrase lists: determiner/quantifier + count + unit
("the past three years", "at least another week", "a year and a half"), every/each + count
+ unit (SETs), ordinal + quarter/half/century, that/the same/the next + unit (anaphora).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from ...nlp import parses
from ...records import Article, TimeRef
from ...words import POSSESSIVE, verb_lemma
from ..spans import SpanSet
from . import rules as R
from .resolve import Tense, parse_published, published_minutes, value_to_date

log = logging.getLogger(__name__)

# the grammar R._ANAPHORA is built from, as one pattern (its matches are its keys)
_A_UNIT = r"(?:day|morning|afternoon|evening|night|week|month|year)"
_A_DAY = r"(?:day|morning|afternoon|evening|night)"
_ANAPHORA_KEYS = (
    rf"(?:(?:earlier|later)\s+)?that(?:\s+same)?\s+{_A_UNIT}|the\s+same\s+{_A_UNIT}"
    rf"|the\s+(?:following|preceding|previous)\s+{_A_UNIT}|the\s+{_A_UNIT}\s+(?:before|after)"
    rf"|the\s+next\s+{_A_DAY}"
)
_MON_FULL = R.MONTH_FULL
_QUANT = r"(?:(?i:about|almost|nearly|some|more than|less than|over|at least|up to|roughly|only|just|another)\s)"  # noqa: E501
_TZ = r"(?:\s(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|(?i:local time)))?"

RULES: list[tuple[str, str, Callable[..., Any]]] = [
    ("iso", r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?:T(?P<H>\d{2}):(?P<M>\d{2}))?\b",
     R.iso_date),
    ("slash", r"\b(?P<mo>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b", R.slash_date),
    ("mdy", rf"\b{R.WD_PRE_Y}{R.MON_Y} (?P<d>\d{{1,2}}){R.ORD},? (?P<y>\d{{4}})\b",
     R.month_day_year),
    # "10 Nov 2011", and "10 Nov 11" when the two digits end the phrase (not "5 May 12 men")
    ("dmy", rf"\b{R.WD_PRE_Y}(?P<d>\d{{1,2}}){R.ORD} (?:of )?{R.MON_Y},? "
     r"(?P<y>\d{4}\b|\d{2}(?=[.,;:)]|[ \t]*(?:\n|$)))", R.month_day_year),
    ("md", rf"\b{R.WD_PRE}{R.MON} (?P<d>\d{{1,2}}){R.ORD}\b(?![,.]\d)", R.month_day),
    ("dm", rf"\b{R.WD_PRE}(?:the )?(?P<d>\d{{1,2}}){R.ORD} (?:of )?{R.MON}", R.month_day),
    ("my", rf"\b(?:(?i:early|late|mid|the end of|the beginning of|the start of|"
     rf"the middle of)[- ])?"
     rf"{R.MON},? (?:of )?(?P<y>\d{{4}})\b", R.month_year),
    ("month", rf"\b(?:(?P<rel>(?i:last|this|next|early|late|mid|earlier|later|the end of|"
     rf"the beginning of|the start of|the middle of))[- ])?(?P<mon>{_MON_FULL})\b",
     R.month_only),
    ("decade", r"\b(?:(?i:early|late|mid)[- ])?(?P<dec>1\d{2}0|20\d0)'?s\b"
     r"|(?:(?i:early|late|mid)[- ])?'(?P<d2>\d0)s\b", R.decade),
    ("year", r"(?:\b(?P<pre>(?i:early|late|mid|fiscal|pre|post|the end of|the start of|"
     r"the beginning of|the middle of))[- ])?(?<![\d,.$/])\b"
     r"(?P<y>1\d{3}|20\d\d)\b(?![,.]\d|-\d|/\d)", R.year),
    ("season", r"\b(?:(?P<rel>(?i:last|this|next|the|early|late))[- ])?"
     r"(?P<season>(?i:spring|summer|fall|autumn|winter))\b(?:,? (?:of )?(?P<y>\d{4})\b)?",
     R.season),
    ("weekday", rf"\b(?:(?P<rel>(?i:last|this past|this coming|this|next|early|late))\s)?"
     rf"{R.WD}(?:\s{R.POD})?\b", R.weekday),
    ("deictic", r"\b(?P<w>(?i:today|tonight|yesterday|tomorrow|now|nowadays|currently|"
     r"recently|the future|future|the past|the present))\b", R.deictic),
    ("day_part", rf"\b(?P<w>(?i:yesterday|tomorrow|this|last|early this|late))\s{R.POD}\b",
     R.day_part),
    ("rel_unit", r"\b(?P<rel>(?i:last|this|next|past|coming|previous|current|the\s+past|"
     r"the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+current))\s+"
     r"(?:(?i:fiscal|financial|calendar)\s+(?=(?i:year)))?"
     r"(?P<unit>(?i:week|month|year|weekend|quarter|decade|century|season))\b", R.relative_unit),
    # "early next year", "later this month", "the end of the year" (the: the current one)
    ("within", r"\b(?i:earlier|later|early|late|the end of|the beginning of|the start of|"
     r"the middle of|the rest of)\s(?P<rel>(?i:this|next|last|the))\s"
     r"(?P<unit>(?i:week|month|year))\b", R.within),
    ("ago", rf"\b{_QUANT}?(?:(?P<n>{R.NUM}|{R.VAGUE}|(?i:an?))[\s-])?{R.UNIT}\s"
     r"(?P<dir>(?i:ago|earlier|later|from now|hence|(?:before|after)(?=\s*(?:[,.;:)]|$))))", R.ago),
    ("anaphoric", rf"\b(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
     rf"{_ANAPHORA_KEYS}))\b", R.anaphoric),
    # determiner/modifier + quantity + unit (+ "and a half"): "the past three years",
    # "at least another week", "half an hour", "a year and a half", "two-year", "day-long"
    ("duration", rf"\b(?P<pre>(?i:(?:the\s)?(?:past|last|next|coming|previous|final|recent)\s))?"
     rf"{_QUANT}{{0,2}}(?:(?P<half>(?i:half\san?))\s|(?P<n>{R.NUM}(?:\s1/2)?|{R.VAGUE}|(?i:an?))"
     rf"[\s-](?:(?i:more|additional|straight|consecutive|full)\s)?)?{R.UNIT}"
     r"(?P<andhalf>\s(?i:and\sa\shalf))?(?:-long)?\b", R.duration),
    ("set_word", r"\b(?P<w>(?i:daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly))\b",
     R.set_word),
    # every/each + (other | a count)? + unit: "every six weeks", "every other year"
    ("set_every", rf"\b(?i:every|each|once a|twice a|once every|per)\s(?:(?P<other>(?i:other))\s)?"
     rf"(?:(?P<n>{R.NUM}|{R.VAGUE})\s)?(?:{R.WD}|(?P<unit>(?i:(?:second|minute|hour|day|week|"
     r"month|quarter|year|decade|morning|afternoon|evening|night|weekend)s?)))\b", R.set_every),
    ("set_plural", rf"(?:\b(?P<wd>{R.WEEKDAY_FULL})s|(?<=\bon |\bat )(?i:weekends))\b",
     R.set_plural),
    # ordinal parts of a year, centuries, a league's seasons, the n-th weekday of a month
    ("part", rf"\b(?:(?i:the|its|their|this)\s)?{R.ORDINAL}[\s-](?P<part>(?i:quarter|half))\b"
     r"(?:\s(?i:of)\s(?:(?i:fiscal\s)?(?P<y>\d{4})\b|(?P<rel>(?i:the|this|last|next|"
     r"the\sprevious))\s(?i:fiscal\s)?(?i:year)\b))?", R.part_of_year),
    ("century", rf"\b(?:(?i:the)\s)?(?:(?i:early|late|mid)[\s-])?{R.ORDINAL}[\s-](?i:century)\b",
     R.century),
    # a split year, as budgets and seasons name themselves: "the 2013-14 budget"
    ("year_range", r"(?<![\d,.$/-])\b(?P<y>1\d{3}|20\d\d)[-–/](?P<y2>\d\d)\b(?![-/.]?\d)",
     R.year_range),
    ("sport_season", r"\b(?:(?i:the|its|their|this)\s)?(?P<y>1\d{3}|20\d\d)"
     r"(?:[-/–](?:\d{2}|\d{4}))?\s(?i:season)\b", R.sport_season),
    ("nth_weekday", rf"\b(?:(?i:the)\s)?{R.ORDINAL}\s{R.WD}\s(?i:in|of)\s"
     rf"(?:(?P<mon>{_MON_FULL})|(?P<mrel>(?i:the|this|next|last|each|every))\s(?i:month))\b",
     R.nth_weekday_of_month),
    # "10:30 p.m.", "6.10am" (British), "1:30 a. m." (text tokenized before it was stored)
    ("clock", r"(?:(?<![\d:.])\b(?P<h>\d{1,2})(?:[:.](?P<min>\d{2})(?::\d{2})?)?\s?"
     r"(?P<ampm>(?i:a\.\s?m\.|p\.\s?m\.|a\.m|p\.m|am|pm))(?![a-z])"
     r"|\b(?P<word>(?i:noon|midday|midnight))\b)" + _TZ
     + rf"(?:,?\s(?:{R.WD}|(?P<dw>(?i:today|yesterday|tomorrow))))?", R.clock),
    # an hour said with a part of the day: "4 in the morning", "10:30 at night"
    ("clock_pod", r"(?<![\d:])\b(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s(?:(?i:o'clock)\s)?"
     r"(?:(?i:in\sthe)\s(?P<pod>(?i:morning|afternoon|evening))|(?i:at\s(?P<pod_n>night)))\b",
     R.clock_pod),
    ("weekend", r"\b(?i:the\s+weekend)\b", R.weekend),
    ("holiday", r"\b(?:(?P<rel>(?i:last|this|next))\s)?(?P<h>Christmas(?:\s(?:Day|Eve))?|"
     r"New Year's(?:\s(?:Day|Eve))?|Thanksgiving(?:\sDay)?|Election Day|Independence Day|"
     r"Valentine's Day|Halloween|Easter(?:\sSunday)?|Labor Day|Memorial Day)\b", R.holiday),
]  # fmt: skip

_COMPILED = [(name, re.compile(rx), fn) for name, rx, fn in RULES]
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
_MODALS = {"would", "might", "may", "should", "must"}  # "must have left": perfect, so past
_FUTURE_HEADS = {"plan", "schedule", "expect", "intend", "slate", "postpone", "delay", "prepare"}
_DEADLINE = {"until", "deadline"}
_FUTURE_CUES = {"next", "upcoming", "coming", "soon", "due", "tomorrow"}
_NOUNS = {"NOUN", "PROPN"}


def _clock_word(tok: Any) -> bool:
    """ "am" in "8:26 am": a clock's half of the day, which a parser may take for a verb."""
    return tok.lower_ in ("am", "pm") and tok.i > 0 and tok.doc[tok.i - 1].like_num


def _governing_verb(span: Any) -> Any:
    """The verb governing ``span``: climb heads past nouns and gerunds/infinitives; a bare
    past participle ("announced Wednesday") governs by itself."""
    verb = span.root
    for _ in range(10):
        if verb.pos_ in ("VERB", "AUX") and not _clock_word(verb):
            has_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            if has_aux or verb.tag_ in ("VBD", "VBZ", "VBP", "MD", "VBN") or verb.head.i == verb.i:
                return verb
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") and not _clock_word(verb) else span.sent.root


# rules that can only match where a word occurs: skipped on texts without it (speed)
_NEEDS = {
    "century": ("century",),
    "part": ("quarter", "half"),
    "nth_weekday": ("day in ", "day of "),
    "sport_season": ("season",),
    "clock_pod": (" in the ", " at night"),
}


def find_candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    """Non-overlapping rule matches (start, end, rule, match): longest wins, then rule order."""
    found = []
    low = text.lower()
    for i, (name, rx, _) in enumerate(_COMPILED):
        needs = _NEEDS.get(name)
        if needs and not any(w in low for w in needs):
            continue
        for m in rx.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), i, m))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int, int, re.Match[str]]] = []
    spans = SpanSet()
    for cand in found:
        if not spans.overlaps(cand[0], cand[1]):
            taken.append(cand)
            spans.add(cand[0], cand[1])
    return sorted(taken, key=lambda c: c[0])


def _have(aux: Any) -> bool:
    """Whether an auxiliary is "have", written out or contracted ("should've": the parse's
    lemma of "'ve" is "'ve", and of "having" "having")."""
    word = aux.lower_.replace("\u2019", "'")
    return bool(aux.lemma_ == "have" or word == "'ve" or verb_lemma(word) == "have")


def _nouns_between(span: Any, verb: Any) -> int:
    """How many nouns the way up from a date to its governing verb passes ("at a depot
    near the quay during an inspection Monday": depot, quay, inspection)."""
    n, tok = 0, span.root.head
    while tok.i != verb.i and tok.head.i != tok.i:
        n += tok.pos_ in ("NOUN", "PROPN")
        tok = tok.head
    return n


def _trailing_participle(span: Any, verb: Any) -> bool:
    """Whether the date hangs on a participle clause that follows the verb it modifies and
    has no auxiliary of its own ("left on Tuesday, competing in the final on Saturday"):
    such a clause tells no tense, and its day is at or after the verb's, not in its past."""
    own = span.root.head if span.root.dep_ == "pobj" else span.root
    own = own.head if own.dep_ == "prep" else own
    return (own is not verb and own.tag_ == "VBG" and own.dep_ == "advcl"
            and own.head.i == verb.i and own.i > verb.i
            and not any(c.dep_ in ("aux", "auxpass") for c in own.children))


def _told_past_when(span: Any, verb: Any) -> bool:
    """Whether a date has a "when" clause of its own told in the past tense ("until Nov. 3,
    when the board laid it up"; the parse may hang the clause on the date or on the verb): whatever
    the clause the date stands in reads like, it is a past time."""
    clauses = [c for c in span.root.children if c.dep_ == "relcl"] + [
        c for c in verb.children if c.dep_ == "advcl" and 0 < c.left_edge.i - span.end <= 1]
    for c in clauses:
        if c.left_edge.lower_ == "when" or any(w.lower_ == "when" for w in c.children):
            auxes = [a for a in c.children if a.dep_ in ("aux", "auxpass")]
            if c.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
                return True
    return False


def make_tense(doc: Any) -> Callable[[int, int], Tense]:
    """tense(start, end): "future" | "past" | "present" | None for the clause around a span."""

    def tense(start: int, end: int) -> Tense:
        if doc is None:
            return None
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        verb = _governing_verb(span)
        if _told_past_when(span, verb):
            return "past"  # "ran until Nov. 3, when the board laid it up": a past time
        if _trailing_participle(span, verb):
            return None  # the story's order places its day (``rules._day_direction``)
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
            return None  # "would withdraw if it rescheduled the meeting from March 6": no past
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes} | {verb.lower_}
        perfect = any(map(_have, auxes))
        if words & _MODALS and verb.dep_ == "relcl" and _nouns_between(span, verb) >= 1:
            return None  # "a tank that would carry a tonne of fuel at a depot ... during an
            # inspection Monday evening": the modal tells what the thing can do, not when
        if words & _FUTURE_AUX or (words & _MODALS and not perfect):
            return "future"
        if "to" in words and verb.head.lemma_ == "be" and verb.dep_ == "xcomp":
            return "future"  # "is to appear Sunday", "was to speak Friday": a schedule
        if ("to" in words and verb.dep_ == "xcomp" and verb.head.lower_ == "due"
                and verb.head.head.tag_ in ("VBZ", "VBP")):  # fmt: skip
            return "future"  # "is due to appear on Tuesday" (not "was due to ...", a past plan)
        if (span.root.dep_ == "pobj" and span.root.head.lower_ == "for"
                and span.root.head.head == verb and verb.pos_ == "VERB"):
            return None  # "the meeting, set for March 6", "a vote was set for November
            # 9": a schedule, of no tense of its own (the past is the setting's)
        if verb.tag_ == "VBN" and not auxes:
            return "past"
        heads = [verb, verb.head] if verb.dep_ in ("xcomp", "ccomp") else [verb]
        if any(h.lemma_ in _FUTURE_HEADS for h in heads):
            if any(c.dep_ == "aux" and _have(c) and c.tag_ == "VBD" for c in heads[-1].children):
                return "past"  # "had expected to testify Thursday": a plan of a past moment
            return "future"
        window = doc[max(span.sent.start, span.start - 6) : span.end]
        if any(
            (t.lower_ in _FUTURE_CUES and t.tag_ != "IN")
            or (t.lemma_ in _FUTURE_HEADS and t.pos_ not in _NOUNS)
            for t in window
        ):
            return "future"  # "the planned vote on Tuesday"; not "a plan approved Tuesday",
            # nor a cue the parse reads as a preposition ("held due to fog on Tuesday")
        if any(t.lemma_ in _DEADLINE for t in window) and "had" not in words:
            return "future"  # "until 9 a.m. Tuesday", "a deadline of Friday"
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if any(map(_have, auxes)):
            return "past"
        if verb.tag_ in ("VBZ", "VBP", "VBG") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "present"
        return None

    return tense


def _token_lookup(doc: Any) -> Callable[[int], Any]:
    if doc is None:
        return lambda start: None
    by_start = {t.idx: t for t in doc}
    return by_start.get


def extract_times(article: Article, doc: Any) -> tuple[TimeRef, ...]:
    """Temporal expressions of ``article`` in reading order, normalized to TIMEX3 values."""
    text = article.text
    if doc is not None and not parses(doc, text):
        log.debug("doc does not match the text of %s: tense lookup disabled", article.id)
        doc = None
    ctx = R.Ctx(
        text=text,
        pub=parse_published(article.published),
        pub_minutes=published_minutes(article.published),
        tense=make_tense(doc),
        token=_token_lookup(doc),
    )
    out = _tag(text, ctx)
    line = dateline(text, out)
    if line is None:
        return tuple(out)
    stop = text.find("\n", line.end)
    stamp = (text.rfind("\n", 0, line.start) + 1, len(text) if stop < 0 else stop)
    if ctx.pub is None:
        day = value_to_date(line.value)
        assert day is not None  # dateline() only returns day values
        ctx = replace(ctx, pub=day[0], pub_from="dateline", last=None, last_day=None)
        out = [replace(t, anchor="dateline") if (t.start, t.end) == (line.start, line.end)
               else t for t in _tag(text, ctx, stamp)]
    elif any(t.anchor == f"relative:{line.value}" for t in out):
        # counted from the date line: read again with that line left out of the count
        ctx = replace(ctx, last=None, last_day=None)
        out = _tag(text, ctx, stamp)
    return tuple(out)


DATELINE_LINES = 3  # a dateline stands on one of the first lines...
STAMP_LINES = 6  # ...or, after a publishing stamp, below a headline and a standfirst
DATELINE_WORDS = 5  # ...with at most this many other words on its line ("Published on:")
_WORDS = re.compile(r"[^\W\d_]+")
# ...or follows a publishing stamp, whatever stands before it on the line (a byline):
# "posted in Local News on Friday, May 16, 2031", "Last updated: ...", "PUBLISHED ..."
_STAMP = re.compile(r"\b(?:posted|published|updated|modified)\b(?P<gap>[^\n]{0,60}?)$", re.I)
_STAMP_GAP_WORDS = 8  # "posted in Road and Rail Closures on"
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being|has|have|had)\s+$", re.I)


def dateline(text: str, times: list[TimeRef]) -> TimeRef | None:
    """The first absolute day on one of the first lines that stands (nearly) alone there, or
    right after a publishing stamp on one of the first ``STAMP_LINES``."""
    starts, pos = [], 0
    for line in text.split("\n")[:STAMP_LINES]:
        starts.append((pos, pos + len(line)))
        pos += len(line) + 1
    for t in times:
        if t.start >= pos:
            break
        found = value_to_date(t.value) if t.anchor == R.ABSOLUTE else None
        if found is None or found[1] != "day":
            continue
        for n, (first, last) in enumerate(starts):
            if first <= t.start and t.end <= last:
                before = text[first : t.start]
                if _stamped(before):
                    before = ""
                elif n >= DATELINE_LINES:
                    break  # a bare date this far down is a sentence's or a caption's
                rest = before + " " + text[t.end : last]
                if len(_WORDS.findall(rest)) <= DATELINE_WORDS:
                    return t
    return None


_FROM_A_MOMENT = re.compile(r"\s+(?i:before|after|earlier|later)\b")


def counts_from_a_moment(text: str, t: TimeRef) -> bool:
    """Whether ``t`` is a stretch counted from a moment the text tells ("a day after the
    first fall", "two days before the vote"): it tells a day, though not which one (the
    tagger resolves the count only from a moment it dated)."""
    return t.type == "DURATION" and _FROM_A_MOMENT.match(text, t.end) is not None


def texts_dateline(times: Sequence[TimeRef]) -> TimeRef | None:
    """The text's own dateline among an article's tagged ``times`` (``extract_times`` found
    one only when the input had no publication date): the day the report came out."""
    return next((t for t in times if t.anchor == "dateline"), None)


_UPDATED = re.compile(r"\b(?:updated|modified|amended)\b[^\n]*$", re.I)


def updated_day(text: str, published: str | None, times: Sequence[TimeRef]) -> date | None:
    """The day of the text's own dateline when that is all that dates the report and it
    stands after an update stamp ("Updated 09:05 Friday ..."): the report was
    written on that day or before it, not necessarily on it."""
    line = texts_dateline(times) if parse_published(published) is None else None
    if line is None or not _UPDATED.search(text, text.rfind("\n", 0, line.start) + 1,
                                           line.start):
        return None
    found = value_to_date(line.value)
    return found[0] if found else None


def publication_day(published: str | None, times: Sequence[TimeRef]) -> date | None:
    """The day a report came out: its publication date, else the day of the text's own
    dateline (``texts_dateline``), else None."""
    day = parse_published(published)
    if day is None and (line := texts_dateline(times)) is not None:
        found = value_to_date(line.value)
        day = found[0] if found else None
    return day


def _stamped(before: str) -> bool:
    """``before`` (its line up to a date) ends in a publishing stamp: "Posted on", "posted in
    Local News on", "Updated:". Not a sentence's "the report was published on"."""
    m = _STAMP.search(before)
    return bool(m and len(_WORDS.findall(m["gap"])) <= _STAMP_GAP_WORDS
                and not _PASSIVE.search(before[: m.start()]))


# "March 3 and 4", "June 10 to 12", "May 2-5": the second day of the same month
_SECOND_DAY = re.compile(
    r"(?:\s?[-–]\s?|\s(?:and|or|to|through|until)\s)(?P<d>\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?![.,]?\d|\s*(?:%|percent|per cent))"
)
# without a parse, a day number is followed by punctuation, the end, or a preposition
_AFTER_DAY = re.compile(r"\s*(?:[^\w\s]|$|(?:for|in|at|on|and|or|with|when|to)\b)")


def _second_day(
    text: str, end: int, value: str | None, anchor: str | None, ctx: R.Ctx, starts: set[int]
) -> TimeRef | None:
    """The bare day number after a month-day that ranges or lists with it; not a count
    ("40 tons on May 3 and 12 tons on May 4") nor the start of another expression ("May 3
    and 4 p.m.")."""
    m = _SECOND_DAY.match(text, end)
    if m is None or m.start("d") in starts:
        return None
    tok = ctx.token(m.start("d"))
    if tok is not None:
        if tok.head.pos_ == "NOUN":
            return None  # it counts a thing
    elif not _AFTER_DAY.match(text, m.end()):
        return None
    day = int(m["d"])
    found = value_to_date(value)
    if value is None and 1 <= day <= 31:  # unresolved, like the first day
        return TimeRef(m["d"], m.start("d"), m.end("d"), None, None, "DATE")
    if found is None or found[1] != "day":
        return None
    first = found[0]
    if day <= first.day:
        return None  # "June 10 to 2": not a range of days
    try:
        second = first.replace(day=day)
    except ValueError:
        return None
    return TimeRef(m["d"], m.start("d"), m.end("d"), second.isoformat(), anchor, "DATE")


def _same_sentence(ctx: R.Ctx, earlier: int | None, later: int) -> bool:
    """Whether the expressions starting at characters ``earlier`` and ``later`` stand in one
    parsed sentence: no sentence starts between their tokens (read token by token between
    the two, so a text that is one long sentence costs no more than its length)."""
    if earlier is None:
        return False
    a, b = ctx.token(earlier), ctx.token(later)
    if a is None or b is None:
        return False
    doc = b.doc
    return not any(doc[k].is_sent_start for k in range(a.i + 1, b.i + 1))


def _a_first_name(ctx: R.Ctx, start: int, end: int) -> bool:
    """Whether the words of a time expression open a person's name, as the recogniser
    reads them ("April Orrey", "June Marsh"): a month alone before a surname is no date."""
    tok = ctx.token(start)
    return (tok is not None and tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B"
            and tok.idx + len(tok.text) == end)  # fmt: skip


def _tag(text: str, ctx: R.Ctx, stamp: tuple[int, int] | None = None) -> list[TimeRef]:
    """The times of ``text``, each resolved against the publication date or the moment told
    last; the text's own date line (``stamp``) dates the report, no moment to count from."""
    out: list[TimeRef] = []
    candidates = find_candidates(text)
    starts = {c[0] for c in candidates}
    set_in: int | None = None  # where the expression that set ``ctx.last`` starts
    for start, end, i, m in candidates:
        if out and start < out[-1].end:
            continue  # inside a second day taken after a month-day
        said = text[start:end].casefold()
        if out and out[-1].text.casefold() == said and (out[-1].anchor or "").startswith(
                "relative:"):  # fmt: skip
            # "until the next day. And the next day was ...": the same words taken up again
            # name the same day, not the one after it
            out.append(replace(out[-1], start=start, end=end, text=text[start:end]))
            continue
        try:
            result = _COMPILED[i][2](m, ctx)
        except (ValueError, OverflowError, KeyError) as err:
            log.debug("time rule %s failed on %r: %s", _COMPILED[i][0], m.group(0), err)
            continue
        if result is None:
            continue
        if _a_first_name(ctx, start, end):
            continue  # "said April Orrey": a person, not a month
        kind, value, anchor = result
        if (anchor or "").startswith("relative:") and (
                of := R.OF_THAT_YEAR.match(text, end)):  # fmt: skip
            end = of.end()  # "January of that year": one date, the year is the month's
        if kind == "DATE" and (moved := R.counted_from(text[max(0, start - 40):start], value)):
            # "the week before Christmas": one expression, the date moved by its unit
            start, value = start - moved[0], moved[1]
            while out and out[-1].end > start:
                out.pop()  # "the weekend" read on its own before the date it counts from
        out.append(TimeRef(text[start:end], start, end, value, anchor, kind))
        if _COMPILED[i][0] == "md":
            if second := _second_day(text, end, value, anchor, ctx, starts):
                out.append(second)
        if stamp is not None and stamp[0] <= start < stamp[1]:
            continue  # "Published March 12, 2031": "four days earlier" is not counted from it
        if kind in ("DATE", "TIME") and (found := value_to_date(value)) is not None:
            if POSSESSIVE.match(text, end) and _same_sentence(ctx, set_in, start):
                continue  # "told the council on Thursday ... about Tuesday's fire": a day
                # that names another happening leaves the sentence's own day the story's
            ctx.last, set_in = value, start
            if found[1] == "day":
                ctx.last_day = value
    return _clocks_on_their_days(text, out)


# "at 6:20 a.m. on Sunday", "at 9 p.m., Sunday": a clock time whose day is written after it
_DAY_AFTER = re.compile(r"\s*,?\s*(?:on\s+)?")
_CLOCK_ONLY = re.compile(r"[\d:.\s]+(?:(?i:[ap]\.?\s?m\.?))?|(?i:noon)")


def _clocks_on_their_days(text: str, out: list[TimeRef]) -> list[TimeRef]:
    """``out`` with each bare clock time that took the publication day ("at 6:20 a.m.",
    "at noon") moved to the day written right after it ("... on Sunday", "..., April 2"):
    the day names the clock time's, as "Sunday at 6:20 a.m." does the other way round."""
    for k, (clock, day) in enumerate(zip(out, out[1:], strict=False)):
        found = value_to_date(day.value)
        if (clock.type == "TIME" and clock.value and not (clock.anchor or "").startswith(
                "relative:") and _CLOCK_ONLY.fullmatch(clock.text)
                and day.type == "DATE" and found is not None and found[1] == "day"
                and _DAY_AFTER.fullmatch(text, clock.end, day.start)):  # fmt: skip
            out[k] = replace(clock, value=found[0].isoformat() + clock.value[10:],
                             anchor=f"relative:{day.value}")
    return out


__all__ = ["dateline", "extract_times", "find_candidates", "make_tense", "publication_day",
           "texts_dateline", "updated_day"]
