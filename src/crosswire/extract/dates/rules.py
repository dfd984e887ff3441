"""The time tagger's rules: one regex and one normalizer per kind of expression.

A normalizer gets the match and a ``Ctx`` (publication date, tense lookup, the last resolved
date) and returns ``(type, value, anchor)``, or None to drop the candidate. Values follow
TimeML/TIMEX3; see ``crosswire.extract.dates`` for the anchor convention.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ...words import POSSESSIVE
from ..numerals import DIGITS, NUMBER_WORDS, ORDINALS, parse_number, parse_ordinal
from .lexicon import MONTHS, PARTS_OF_DAY, SEASONS, UNITS, WEEKDAYS
from .resolve import (
    Tense,
    covering,
    fmt,
    holiday_date,
    nth_weekday,
    pick_year,
    resolve_month,
    resolve_month_day,
    resolve_weekday,
    shift,
    split_year,
    unit_granularity,
    value_to_date,
)

RuleResult = tuple[str, str | None, str | None]  # (type, value, anchor)
ABSOLUTE = "absolute"


@dataclass
class Ctx:
    text: str
    pub: date | None
    tense: Callable[[int, int], Tense]
    token: Callable[[int], Any]  # spaCy token starting at a char offset, or None
    last: str | None = None  # value of the last resolved date in the text
    last_day: str | None = None  # value of the last resolved single day in the text
    pub_from: str = "published"  # or "dateline": ``pub`` was read from the text's dateline
    pub_minutes: int | None = None  # the minute of the day the report went out, if known

    @property
    def anchor(self) -> str | None:
        return f"{self.pub_from}:{self.pub.isoformat()}" if self.pub else None

    def before(self, m: re.Match[str], n: int = 25) -> str:
        return self.text[max(0, m.start() - n) : m.start()].lower()

    def after(self, m: re.Match[str], n: int = 25) -> str:
        return self.text[m.end() : m.end() + n].lower()

    def raw_after(self, m: re.Match[str], n: int = 25) -> str:
        return self.text[m.end() : m.end() + n]


MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# ("May." too, as a stamp writes it by the others: only in a full date, "May. 3, 2013"; "in
# May. 3 people ..." ends a sentence)
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|May(?=\.\s\d{1,2},\s\d{4})"
WEEKDAY_FULL = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
MON = rf"(?P<mon>{MONTH_FULL}|(?:{_MONTH_ABBR})\.?)"
WD = rf"(?P<wd>{WEEKDAY_FULL})"
WD_PRE = rf"(?:(?:{WEEKDAY_FULL}),? )?"
# Full dates with a year also in capitals, as page headers print them ("FRIDAY, MARCH 5,
# 2027", "OCTOBER 9, 2026"). Only there: a capital MAY or MARCH alone is a word.
MON_Y = (rf"(?P<mon>{MONTH_FULL}|{MONTH_FULL.upper()}"
         rf"|(?:{_MONTH_ABBR}|{_MONTH_ABBR.upper()})\.?)")
WD_PRE_Y = rf"(?:(?:{WEEKDAY_FULL}|{WEEKDAY_FULL.upper()}),? )?"
NUM = rf"(?:{DIGITS}|(?i:{NUMBER_WORDS}))"
VAGUE = r"(?i:a few|a couple of|a couple|several|many|few|some)"
UNIT = r"(?i:(?P<unit>second|minute|hour|day|week|month|year|decade|centur(?:y|ie))s?)"
POD = r"(?i:(?P<pod>morning|afternoon|evening|night|overnight))"
ORD = r"(?:st|nd|rd|th)?"


def _month(m: re.Match[str]) -> int:
    return MONTHS[m["mon"].rstrip(".").lower()]


def _day(y: int, mo: int, d: int) -> str | None:
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def _year(text: str) -> int:
    y = int(text)
    return y + (1900 if y >= 50 else 2000) if len(text) == 2 else y


def _past(ctx: Ctx, m: re.Match[str]) -> Tense:
    return ctx.tense(m.start(), m.end())


def _day_token(ctx: Ctx, m: re.Match[str]) -> Any:
    """The token of the day a match names: its weekday when it writes one ("Sunday night"),
    else its first word."""
    return ctx.token(m.start("wd") if "wd" in m.groupdict() and m["wd"] else m.start())


def _names_a_thing(ctx: Ctx, m: re.Match[str]) -> bool:
    """The day hangs off a noun, not off the clause's verb ("a report on Sunday that drew
    complaints", "the shooting on Sunday night is unknown"): the clause's tense is not its own."""
    tok = _day_token(ctx, m)
    for _ in range(4):
        if tok is None or tok.head.i == tok.i:
            return False
        tok = tok.head
        if m.start() <= tok.idx < m.end():
            continue  # "Sunday" -> "night" inside "Sunday night"
        if tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            return True
    return False


_TOWARD = frozenset({"into", "toward", "towards", "ahead", "before", "until"})


def _headed_for(ctx: Ctx, m: re.Match[str]) -> bool:
    """Whether the event a day names is what its clause goes toward ("heading into
    Saturday's final", "ahead of Thursday's vote"): the first preposition above the day is
    one of going toward, not of following ("after Wednesday's defeat")."""
    tok = _day_token(ctx, m)
    for _ in range(4):
        if tok is None or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ == "ADP":
            return tok.lower_ in _TOWARD
    return False


def _reached_for(ctx: Ctx, m: re.Match[str]) -> bool:
    """Whether the event a day names is what a gerund with no auxiliary reaches for ("the
    odds of the Terns snatching a win on Saturday"): the first verb above the day
    has no tense of its own, so its doing is still to come ("are counting the cost of
    Wednesday's defeat" has one)."""
    tok = _day_token(ctx, m)
    for _ in range(6):
        if tok is None or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "acl") and not any(
                c.dep_ in ("aux", "auxpass") for c in tok.children)
    return False


def _tells_a_past(ctx: Ctx, m: re.Match[str]) -> bool:
    """The sentence around ``m`` has a verb in the past tense."""
    tok = ctx.token(m.start())
    return tok is not None and any(t.tag_ == "VBD" for t in tok.sent)


# nouns after a holiday's name that keep it a day ("Christmas morning", "Easter weekend")
_DAY_WORDS = frozenset("day eve morning afternoon evening night week weekend holiday holidays "
                       "break period season".split())


def _verb_in_past(ctx: Ctx, m: re.Match[str]) -> bool:
    """Whether ``m`` dates a verb in the past tense ("caught 40 passes next season", "scored
    in next season's opener" is not one), whatever cue words the clause holds ("next" makes
    ``ctx.tense`` say future)."""
    tok = ctx.token(m.start("unit"))
    if tok is None:
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during"):
        tok = tok.head
    elif tok.dep_ not in ("npadvmod", "tmod"):
        return False  # "ruled out for next season": the season is what the verb is about
    return told_as_past(tok.head)


def told_as_past(verb: Any) -> bool:
    """Whether a verb is in the past tense ("caught", "was arrested"), not a modal's."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def _day_direction(ctx: Ctx, m: re.Match[str], weekday: int) -> str:
    """Which way a bare weekday of this clause points from publication: "past" (on or
    before it) or "future" (on or after it).

    Past tense never points after publication; future and modal clauses never before it. A
    present-tense clause points forward ("Game 4 is Saturday", "the fleet sails Sunday"):
    news tells what happened in the past tense, so a present tense with a day is a schedule,
    unless the sentence tells a past too (a caption: "fans cheer on Wednesday night
    after the Rovers won").
    A possessive, or a day hanging off a noun, is the day of a named event ("after Thursday's
    vote", "a report on Sunday that drew complaints"), not of the clause, so it keeps the past
    unless the clause is future or, in the present, goes toward it ("heading into
    Saturday's final"). With no tense at all, the story's own
    order decides: a weekday is not put before the day the story last named when the next
    occurrence would not be ("in court Sunday" after a killing on Friday is the Sunday after).
    """
    tense = _past(ctx, m)
    if tense == "future":
        return "future"
    if tense == "past" or ctx.pub is None:
        return "past"
    if tense == "present":
        # (a day written in the possessive names a happening: "Thursday's vote")
        if POSSESSIVE.match(ctx.raw_after(m, 3)) or _names_a_thing(ctx, m):
            return "future" if _headed_for(ctx, m) or _reached_for(ctx, m) else "past"
        if _tells_a_past(ctx, m):
            return "past"  # a caption's present: "fans celebrate on Wednesday after they won"
        return "future"
    last = value_to_date(ctx.last_day)
    if last is not None and last[0] < ctx.pub:  # the publication day itself says nothing
        before = resolve_weekday(ctx.pub, weekday, "past")
        if before < last[0]:
            return "future"
    return "past"


# --- absolute dates -------------------------------------------------------------------------


def iso_date(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    value = _day(int(m["y"]), int(m["mo"]), int(m["d"]))
    if value and m["H"]:
        return "TIME", f"{value}T{m['H']}:{m['M']}", ABSOLUTE
    return ("DATE", value, ABSOLUTE) if value else None


def slash_date(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    value = _day(_year(m["y"]), int(m["mo"]), int(m["d"]))
    return ("DATE", value, ABSOLUTE) if value else None


def month_day_year(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    value = _day(_year(m["y"]), _month(m), int(m["d"]))
    return ("DATE", value, ABSOLUTE) if value else None


def month_day(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    mo, d = _month(m), int(m["d"])
    if not 1 <= d <= 31 or _day(2000, mo, d) is None:
        return None
    if re.search(
        r"(?:^|\n)[ \t]*[A-Z][A-Z .'-]+,[ \t]*$", ctx.text[max(0, m.start() - 40) : m.start()]
    ):
        return None  # a dateline ("WASHINGTON, March 12 (...)"): the document date itself
    if ctx.pub is None:
        return "DATE", None, None
    found = resolve_month_day(ctx.pub, mo, d, _past(ctx, m))
    return "DATE", found.isoformat() if found else None, ctx.anchor if found else None


def month_year(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    return "DATE", f"{int(m['y']):04d}-{_month(m):02d}", ABSOLUTE


OF_THAT_YEAR = re.compile(r"\s+of\s+(?:that|the\s+(?P<which>same|following|next|previous|"
                           r"preceding))\s+year\b", re.IGNORECASE)


def month_only(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    if (of := OF_THAT_YEAR.match(ctx.after(m))) and (m["rel"] or "").lower() not in (
            "last", "next", "this"):
        # "in early February of that year": the month of the year the text last named
        ref = value_to_date(ctx.last)
        if ref is None:
            return "DATE", None, None
        year = ref[0].year + {"following": 1, "next": 1, "previous": -1,
                              "preceding": -1}.get((of["which"] or "").lower(), 0)  # fmt: skip
        return "DATE", f"{year:04d}-{_month(m):02d}", f"relative:{ctx.last}"
    if m["mon"] == "May" and not m["rel"]:
        tok = ctx.token(m.start())
        if tok is not None and tok.tag_ == "MD":
            return None
        if not re.search(
            r"(?:in|of|since|until|by|from|to|early|late|mid|last|next|this)[ -]$", ctx.before(m)
        ):
            return None
    if m["mon"] == "March" and re.match(r" (?:for|of the|on) ", ctx.after(m)):
        return None  # "the March for Life", not the month
    if re.search(r"\w['’]s\s+$", ctx.before(m)) and m["mon"][:1].isupper():
        return None  # "the Women's March", "the People's March": a name, not the month
    if ctx.pub is None:
        return "DATE", None, None
    rel = (m["rel"] or "").lower()
    tense = {"last": "past", "next": "future"}.get(rel) or _past(ctx, m)
    firm = rel == "last" or (tense == "past" and _done(ctx, m))
    return "DATE", resolve_month(ctx.pub, _month(m), tense, firm), ctx.anchor


def _done(ctx: Ctx, m: re.Match[str]) -> bool:
    """Whether the verb a date hangs on is told in the past: a simple past ("dismissed it in
    December") or a verb whose own auxiliary is past ("didn't bar", "were thrown out", "had
    settled"), not a participle whose time the tense reading only guesses ("a summit set
    for April")."""
    tok = ctx.token(m.start())
    for _ in range(4):
        if tok is None or tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok is not None and (tok.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in tok.children))


def decade(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    if m["dec"]:
        return "DATE", m["dec"][:3] + "X", ABSOLUTE
    if ctx.pub is None:
        return "DATE", None, None
    d2 = int(m["d2"])
    century = 19 if d2 >= 30 else 20
    return "DATE", f"{century}{d2 // 10}X", ABSOLUTE


# after four digits, what makes them a clock on the 24-hour dial: a zone, "hours", "local time"
_FOUR_DIGIT_CLOCK = re.compile(
    r"\s?(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST|Z)\b|"
    r"\s(?:hours|hrs|h)\b|\s(?:local\s+time)\b")


def year(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    y = int(m["y"])
    tok = ctx.token(m.start("y"))
    if tok is not None:
        if tok.ent_type_ in ("MONEY", "QUANTITY", "PERCENT") and not m["pre"]:
            if not re.search(
                r"\b(in|since|of|by|until|before|after|from|through|during)\s$", ctx.before(m)
            ):
                return None
        determined = re.search(r"\b(the|its|their|his|her|our|'s)\s+$", ctx.before(m))
        plural = tok.head.tag_ in ("NNS", "NNPS") and tok.head.i > tok.i
        if tok.dep_ == "nummod" and plural and not determined and not m["pre"]:
            return None  # "1500 soldiers" counts; "the 1992 protests", "the 1996 law" date
    if re.match(r"\s*(%|percent|per cent|people\b|of\b)", ctx.after(m)) and not (
            re.match(r"\s*of\b", ctx.after(m))
            and re.search(r"\b(in|since|until|during)\s$", ctx.before(m))):
        return None  # "1500 of the troops" counts; "guilty in 1991 of fraud" dates
    if _PLACE_PREP.search(ctx.before(m)) and re.match(r"\s[A-Z][a-z]", ctx.raw_after(m)):
        return None  # "a house at 1918 Harbour": a house number before a street's name
    if _FOUR_DIGIT_CLOCK.match(ctx.raw_after(m)) and y % 100 < 60 and y // 100 < 24:
        return None  # "at 2130 GMT", "at 0600 hours": a clock on the 24-hour dial
    if not 1000 <= y <= 2100:
        return None
    if tok is not None and not m["pre"] and _numbers_a_name(tok):
        return None  # "Velk Office 2012", "Orrin Server 2008": a version of a name
    return "DATE", f"{y:04d}", ABSOLUTE


def _numbers_a_name(tok: Any) -> bool:
    """Whether a year right after a proper noun numbers that name ("Velk Office 2012"): the
    word before it is a capitalised proper noun, not a month, a day, a season or a holiday
    (a date's word to the recogniser: "Easter 1918"), with one space between them."""
    if tok.i == 0:
        return False
    if tok.dep_ == "conj" and tok.head.i < tok.i and tok.head.like_num:
        return _numbers_a_name(tok.head)  # "Velk Server 2003 and 2008": both versions
    before = tok.doc[tok.i - 1]
    return (before.tag_ in ("NNP", "NNPS") and before.text[:1].isupper()
            and before.whitespace_ == " " and before.ent_type_ != "DATE"
            and before.lower_ not in MONTHS and before.lower_ not in WEEKDAYS
            and before.lower_ not in SEASONS)


def season(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    code = SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    if m["y"]:
        return "DATE", f"{int(m['y']):04d}-{code}", ABSOLUTE
    if not rel or rel == "the":
        if not re.search(
            r"\b(in|during|by|until|this|over|through|since)\s+(the\s+)?$", ctx.before(m)
        ):
            return None
    if ctx.pub is None:
        return "DATE", None, None
    y = ctx.pub.year + {"last": -1, "next": 1}.get(rel, 0)
    return "DATE", f"{y:04d}-{code}", ctx.anchor


# --- relative to publication ----------------------------------------------------------------


def weekday(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    wd = WEEKDAYS[m["wd"].lower()]
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower())
    kind = "TIME" if pod else "DATE"
    if ctx.pub is None or (not m["rel"] and _indefinite(ctx, m)):
        return kind, None, None
    rel = (m["rel"] or "").lower()
    if rel in ("last", "this past"):
        direction = "last"
    elif rel in ("next", "this coming"):
        direction = "next"
    else:
        direction = _day_direction(ctx, m, wd)
    value = resolve_weekday(ctx.pub, wd, direction).isoformat()
    return kind, value + (f"T{pod}" if pod else ""), ctx.anchor


_INDEFINITE = frozenset({"a", "an", "any", "some", "one", "another"})
_INDEFINITE_BEFORE = re.compile(r"\b(?:on|of|for|during|in)\s+(?:a|an|any|some|one|another)\s+$",
                                re.IGNORECASE)


def _indefinite(ctx: Ctx, m: re.Match[str]) -> bool:
    """ "went to work on a Tuesday", "any Sunday": some such day, none of the calendar's. The
    article must be the weekday's own ("on a Friday night"), not a noun's the weekday
    modifies ("a Sunday rally" is the rally on Sunday)."""
    tok = ctx.token(m.start("wd"))
    if tok is None:
        return bool(_INDEFINITE_BEFORE.search(ctx.text[max(0, m.start() - 20) : m.start()]))
    heads = [tok]
    if tok.dep_ == "compound" and tok.head.lower_ in PARTS_OF_DAY:
        heads.append(tok.head)  # "a Friday night": the article is the night's
    return any(c.dep_ in ("det", "nummod") and c.lower_ in _INDEFINITE and c.i < tok.i
               for h in heads for c in h.children)


def deictic(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    word = m["w"].lower()
    refs = {
        "now": "PRESENT_REF",
        "future": "FUTURE_REF",
        "nowadays": "PRESENT_REF",
        "recently": "PAST_REF",
        "the future": "FUTURE_REF",
        "the past": "PAST_REF",
        "the present": "PRESENT_REF",
        "currently": "PRESENT_REF",
    }
    if word in refs:
        return "DATE", refs[word], ABSOLUTE
    tok = ctx.token(m.start("w"))
    if (word == "today" and tok is not None and tok.dep_ == "poss"
            and tok.head.tag_ in ("NNS", "NNPS")):
        return "DATE", "PRESENT_REF", ABSOLUTE  # "today's biggest firms": now, not a day
    if tok is not None and m["w"][:1].isupper() and not tok.is_sent_start and (
            (tok.dep_ == "compound" and tok.head.i > tok.i)
            or any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == tok.i - 1
                   for c in tok.children)):
        return None  # a name inside a sentence, the word in it ("the Velk Radio Today
        # programme") or ending it ("Harbor Today are reporting")
    if ctx.pub is None:
        return "DATE", None, None
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
    value = (ctx.pub + timedelta(days=offset)).isoformat()
    if word in ("tonight", "last night"):
        value += "TNI"
    return ("TIME" if "T" in value else "DATE"), value, ctx.anchor


def day_part(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    pod = PARTS_OF_DAY[m["pod"].lower()]
    if ctx.pub is None:
        return "TIME", None, None
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(m["w"].lower(), 0)
    return "TIME", f"{(ctx.pub + timedelta(days=offset)).isoformat()}T{pod}", ctx.anchor


def relative_unit(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    if unit == "season":  # a league's season, named by the year it is played in
        if ctx.pub is None:
            return "DATE", None, None
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}
        year = ctx.pub.year + step.get(rel.removeprefix("the "), 0)
        if year > ctx.pub.year and _verb_in_past(ctx, m):
            return "DATE", None, None  # "caught 40 passes next season": told as done, so
            # not the season after publication (a league's seasons straddle two years)
        return "DATE", f"{year:04d}", ctx.anchor
    if rel.removeprefix("the ") in ("past", "coming"):
        amount = {"decade": "P10Y", "century": "P100Y", "weekend": "P2D", "quarter": "P3M"}
        return "DURATION", amount.get(unit, f"P1{UNITS[unit][0]}"), ABSOLUTE
    if ctx.pub is None:
        return "DATE", None, None
    n = {"last": -1, "previous": -1, "next": 1}.get(rel.removeprefix("the "), 0)
    d = shift(ctx.pub, unit, n)
    if unit == "weekend":
        return "DATE", fmt(d, "week") + "-WE", ctx.anchor
    if unit == "quarter":
        return "DATE", f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}", ctx.anchor
    return "DATE", fmt(d, unit_granularity(unit)), ctx.anchor


_VAGUE_RANGE = {
    "a few": (2, 5),
    "few": (2, 5),
    "a couple of": (2, 3),
    "a couple": (2, 3),
    "several": (3, 9),
    "many": (3, 20),
    "some": (2, 9),
    "": (2, 9),
}


def _counts(m: re.Match[str]) -> tuple[int, int] | None:
    n = (m["n"] or "").lower().strip()
    if n in _VAGUE_RANGE:
        return _VAGUE_RANGE[n]
    value = parse_number(n)
    if value is None or value != int(value):
        return None
    return int(value), int(value)


def _offset(
    ref: date, gran: str, unit: str, lo: int, hi: int, sign: int, exact: bool = False
) -> str | None:
    """``ref`` moved by lo..hi units; ``exact`` keeps day precision for weeks ("a week later")."""
    if unit in ("second", "minute", "hour"):
        return fmt(ref, "day") if gran == "day" and sign else None
    if gran == "month" and unit == "day":
        # days from a moment known by its month stay in it: "a few days earlier" than June
        # is June as far as the text says (its first day moved back would be May)
        return fmt(ref, "month")
    try:
        a, b = shift(ref, unit, sign * lo), shift(ref, unit, sign * hi)
    except (OverflowError, ValueError):
        return None
    if lo == hi:
        target = unit_granularity(unit)
        if target in ("decade", "century"):
            target = "year"
        if exact and gran == "day" and target == "week":
            target = "day"
        if gran == "year" or target == "year":
            return fmt(a, "year")
        if gran == "month" and target == "week":
            return fmt(a, "month")
        return fmt(a, target)
    return covering(min(a, b), max(a, b))


def ago(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    counts = _counts(m)
    unit = m["unit"].lower().replace("centurie", "century")
    if counts is None:
        return None
    direction = m["dir"].lower()
    if direction == "ago" and _open_bound(m, ctx) and unit in UNITS:
        # "more than two decades ago" is some time before a moment, and how long before it
        # the text does not say: no day, month or year covers it, so it is the length of
        # time TimeML writes for it (P20Y, mod MORE_THAN)
        return "DURATION", _length(unit, counts[0]), ABSOLUTE
    if direction in ("ago", "from now", "hence"):
        if ctx.pub is None:
            return "DATE", None, None
        sign = -1 if direction == "ago" else 1
        return "DATE", _offset(ctx.pub, "day", unit, *counts, sign), ctx.anchor
    ref = value_to_date(ctx.last)
    if ref is None:
        return "DATE", None, None
    sign = -1 if direction in ("earlier", "before") else 1
    if direction in ("before", "after") and not re.match(r"\s*([,.;:)]|$)", ctx.after(m)):
        return None  # "two days before the vote": anchored to an event we cannot date
    value = _told(_offset(ref[0], ref[1], unit, *counts, sign, exact=True), m, ctx)
    return "DATE", value, f"relative:{ctx.last}" if value else None


def _told(value: str | None, m: re.Match[str], ctx: Ctx) -> str | None:
    """A date counted from a narrated moment ("a week later", "the next day"), or None when
    it would land after the publication day in a clause that does not speak of the future:
    what an article tells as done cannot have happened after it was published, so the moment
    it counts from is not one the text dated ("would play out a week later", after a date
    that was not the last thing told)."""
    ref = value_to_date(value)
    if ref is None or ctx.pub is None or ref[0] <= ctx.pub:
        return value
    if ctx.tense(m.start(), m.end()) != "future":
        return None
    tok = ctx.token(m.start())
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    if tok is not None and any(c.dep_ == "aux" and c.lower_ in _PAST_MODALS
                               for c in tok.children):  # fmt: skip
        return None  # "would play out a week later": the future of a moment told, not of now
    return value


_PAST_MODALS = frozenset({"would", "could", "might"})


# prepositions of place: a number after one, before a capitalised name, is a house number
# ("at 1918 Harbour", "inside 1804 Orrin Ave."); a year is "in 1918", "since 1918"
_PLACE_PREP = re.compile(r"\b(?:at|inside|outside|into|near|behind|opposite)\s$", re.IGNORECASE)


def _anaphora() -> dict[str, tuple[str, int]]:
    """Expressions dated from the last date in the text, built from one small grammar:
    that/the same + unit ("that night", "the same week"), earlier/later that + unit, the
    next/following/previous/preceding + unit, the + unit + before/after ("the night before")
    -> (unit to move by, how many). Parts of the day move by days."""
    units = {"day": "day", "morning": "day", "afternoon": "day", "evening": "day",
             "night": "day", "week": "week", "month": "month", "year": "year"}  # fmt: skip
    out: dict[str, tuple[str, int]] = {}
    for word, unit in units.items():
        for that in ("that", "that same"):
            for lead in ("", "earlier ", "later "):
                out[f"{lead}{that} {word}"] = (unit, 0)
        out[f"the same {word}"] = (unit, 0)
        out[f"the following {word}"] = (unit, 1)
        out[f"the preceding {word}"] = (unit, -1)
        out[f"the previous {word}"] = (unit, -1)
        out[f"the {word} after"] = (unit, 1)
        out[f"the {word} before"] = (unit, -1)
        if unit == "day":  # "the next week" is the week after publication (rel_unit)
            out[f"the next {word}"] = (unit, 1)
    return out


_ANAPHORA = _anaphora()


def anaphoric(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    if any(w[:1].isupper() for w in m["w"].split()[1:]):
        return None  # "The Morning After", "That Day": a title
    word = re.sub(r"\s+", " ", m["w"].lower())
    if word in ("the day before yesterday", "the day after tomorrow"):
        if ctx.pub is None:
            return "DATE", None, None
        off = -2 if word.endswith("yesterday") else 2
        return "DATE", (ctx.pub + timedelta(days=off)).isoformat(), ctx.anchor
    if word.endswith((" before", " after")) and re.match(r"\s+\w", ctx.after(m)):
        return None  # "the day before the vote": anchored to an event, not to a date
    unit, n = _ANAPHORA[word]
    ref = value_to_date(ctx.last)
    if ref is None or (unit == "day" and ref[1] != "day"):
        # "lived there since 1987 ... what happened that night": a year or a month says
        # nothing of which day or night the text means
        return "DATE", None, None
    value = _told(_offset(ref[0], ref[1], unit, abs(n), abs(n), -1 if n < 0 else 1), m, ctx)
    return "DATE", value, f"relative:{ctx.last}" if value else None


# "the week before " / "the morning after " written right before a date
_UNIT_FROM = re.compile(r"\bthe (?P<unit>day|morning|afternoon|evening|night|week|weekend|month|"
                        r"year) (?P<dir>before|after)\s+$", re.IGNORECASE)


def counted_from(before: str, value: str | None) -> tuple[int, str] | None:
    """The date that "the <unit> before/after" names when a date is written right after it
    ("the week before Christmas", "the morning after March 3"): (how many characters of
    ``before`` the phrase takes, that date moved by one unit). None when ``before`` does not
    end with the phrase, or the date is too coarse for the unit ("the day after 2030")."""
    m = _UNIT_FROM.search(before)
    ref = value_to_date(value)
    if m is None or ref is None:
        return None
    day, gran = ref
    unit, sign = m["unit"].lower(), -1 if m["dir"].lower() == "before" else 1
    if gran != "day" and not (unit == "month" and gran == "month" or unit == "year"):
        return None
    taken = len(before) - m.start()
    if unit == "weekend":  # the Saturday and Sunday before (after) the day
        weekend = day + timedelta(days=7) if sign > 0 and day.weekday() >= 5 else day
        return taken, fmt(weekend + timedelta(days=7 * min(sign, 0)), "week") + "-WE"
    unit = "day" if unit in PARTS_OF_DAY else unit
    return taken, fmt(shift(day, unit, sign), "day" if unit == "day" else unit)


def within(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    """'earlier this month', 'later this week', 'early next year'."""
    if ctx.pub is None:
        return "DATE", None, None
    unit = m["unit"].lower()
    n = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    return "DATE", fmt(shift(ctx.pub, unit, n), unit_granularity(unit)), ctx.anchor


ORDINAL = (
    r"(?P<ord>\d{1,2}(?:st|nd|rd|th)|(?i:twenty[- ]first|"
    + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r"|final|last))"
)
_MODS = {"early": "START", "late": "END", "mid": "MID", "the end of": "END",
         "the start of": "START", "the beginning of": "START", "the middle of": "MID"}  # fmt: skip


# words of a clause about a game, where "the third quarter" is a period of play
_GAME_NOUNS = {"point", "goal", "game", "match", "inning", "basket", "touchdown", "shot",
               "foul", "penalty", "kick", "halftime", "quarterback", "rebound", "possession",
               "minute", "lead", "playoff", "season", "coach"}  # fmt: skip
_GAME_VERBS = {"score", "lead", "trail", "tie", "equalize", "equalise"}


def _game_word(tok: Any) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        return lemma in _GAME_VERBS
    return tok.pos_ == "NOUN" and lemma in _GAME_NOUNS


def part_of_year(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    """An ordinal quarter or half of a year: "the third quarter", "the first half of 2012",
    "the fourth quarter of last year" -> 2012-Q3, 2012-H1, ...

    Without "of <year>" it is the publication year's, unless the clause is past and that
    part has not begun yet (then last year's: "lost money in the fourth quarter", said in
    January). In a clause about a game it is a period of play, not a date."""
    part = m["part"].lower()
    size = 3 if part == "quarter" else 6
    word = m["ord"].lower()
    n = (4 if part == "quarter" else 2) if word in ("final", "last") else parse_ordinal(word)
    if n is None or n > 12 // size:
        return None
    code = f"{'Q' if part == 'quarter' else 'H'}{n}"
    if m["y"]:
        return "DATE", f"{int(m['y']):04d}-{code}", ABSOLUTE
    if m["rel"] is None:
        tok = ctx.token(m.start("ord"))
        if tok is not None and any(_game_word(t) for t in tok.sent):
            return None
    if ctx.pub is None:
        return "DATE", None, None
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    y = ctx.pub.year + {"last": -1, "the previous": -1, "next": 1}.get(rel, 0)
    if not rel and _past(ctx, m) == "past" and date(y, (n - 1) * size + 1, 1) > ctx.pub:
        y -= 1
    return "DATE", f"{y:04d}-{code}", ctx.anchor


def century(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    """ "the 19th century", "the early 21st century", "the twentieth century" -> 18, 20."""
    n = parse_ordinal(m["ord"])
    if n is None or not 1 <= n <= 22:
        return None
    return "DATE", f"{n - 1:02d}", ABSOLUTE


def year_range(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    """ "2013-14", "1998/99": a fiscal or playing year named by the year it starts in."""
    y = int(m["y"])
    if not split_year(y, int(m["y2"])):
        return None  # "1998-05" is no split year; "1990-95" a span we do not value
    return "DATE", f"{y:04d}", ABSOLUTE


def sport_season(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    """ "the 2010 season", "the 2009-10 season": the year the season starts in."""
    return "DATE", f"{int(m['y']):04d}", ABSOLUTE


def nth_weekday_of_month(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    """ "the second Monday in January", "the last Friday of the month"; "the third
    Friday of every month" recurs (a set of days, no one day)."""
    wd = WEEKDAYS[m["wd"].lower()]
    word = m["ord"].lower()
    n = -1 if word in ("last", "final") else parse_ordinal(word)
    if n is None or n > 5:
        return None
    if (m["mrel"] or "").lower() in ("each", "every"):
        return "SET", f"XXXX-WXX-{wd}", ABSOLUTE
    if m["mon"]:
        if ctx.pub is None:
            return "DATE", None, None
        y, mo = map(int, resolve_month(ctx.pub, _month(m), _past(ctx, m)).split("-"))
    else:
        if ctx.pub is None:
            return "DATE", None, None
        step = {"next": 1, "last": -1}.get((m["mrel"] or "").lower(), 0)
        d = shift(ctx.pub, "month", step)
        y, mo = d.year, d.month
    try:
        day = nth_weekday(y, mo, wd, n)
    except ValueError:
        return None
    if day.month != mo:
        return None  # no fifth Monday that month
    return "DATE", day.isoformat(), ctx.anchor


# --- durations, sets, clock times -----------------------------------------------------------


def duration(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    unit = m["unit"].lower().replace("centurie", "century")
    if unit not in UNITS:
        return None
    des, is_time = UNITS[unit]
    n = (m["n"] or "").lower()
    whole = m.group(0)
    if (
        re.match(r"(?:-| |s )old\b|s?-old", ctx.after(m))
        or whole[m.start("unit") - m.start()].isupper()
        or (unit == "second" and n in ("a", "an"))
    ):
        return None  # ages ("6-year-old"), titles ("60 Minutes"), ordinals ("a second try")
    if n.endswith("1/2") and (base := parse_number(n[:-3])) is not None:
        if is_time and des == "H":
            return "DURATION", f"PT{int(base)}H30M", ABSOLUTE
        if des == "D":
            return "DURATION", f"P{int(base)}DT12H", ABSOLUTE
        return "DURATION", f"P{'T' if is_time else ''}{base + 0.5:g}{des}", ABSOLUTE
    if re.fullmatch(r"\d+\.\d+", n):  # "1.3 seconds", "2.5 hours"
        return "DURATION", f"P{'T' if is_time else ''}{float(n):g}{des}", ABSOLUTE
    if m["half"] or m["andhalf"]:  # "half an hour", "a year and a half"
        base = 0
        if not m["half"]:
            counts = _counts(m)
            if counts is None or counts[0] != counts[1]:
                return None  # "several years and a half"
            base = counts[0]
        return "DURATION", _and_a_half(unit, base), ABSOLUTE
    counts = _counts(m)
    long_ = whole.endswith("-long")
    if not n and re.search(r"(?i)\banother\s$", whole[: m.start("unit") - m.start()]):
        n, counts = "one", (1, 1)  # "(at least) another week": one more
    if long_ and not n:
        counts = None if whole[:-5].lower().endswith("s") else (1, 1)
        n = "" if counts is None else "one"
    if not n and not long_ and not m["pre"] and re.search(r"\bthe\s$", ctx.before(m, 4)):
        if not whole.lower().endswith("s"):
            return None  # "of the year", "in the day": that unit, not a length of time
    if n in _VAGUE_RANGE or counts is None:
        if (
            not n
            and not long_
            and not re.search(
                r"\b(for|in|within|over|past|recent|coming|next|last|few|several|of|many|two|for)\s+"
                r"(the\s+)?(past\s+|last\s+|next\s+|coming\s+|recent\s+)?$",
                ctx.before(m) + (m["pre"] or "").lower(),
            )
        ):
            return None
        amount = "X"
    else:
        amount = str(counts[0])
    return "DURATION", _length(unit, None if amount == "X" else int(amount)), ABSOLUTE


# quantifiers that leave a time ago open on one side ("more than two decades ago")
_OPEN_BOUND = re.compile(r"(?i)(?:more than|over|at least)\s")


def _open_bound(m: re.Match[str], ctx: Ctx) -> bool:
    """Whether the match opens with a quantifier that leaves it open on one side; "over" of
    "took over two years ago" is the verb's particle, not a bound."""
    if not _OPEN_BOUND.match(m[0]):
        return False
    tok = ctx.token(m.start())
    return tok is None or tok.dep_ != "prt"


def _length(unit: str, amount: int | None) -> str:
    """The ISO length of ``amount`` ``unit``s (None: an unknown number, "X"); decades and
    centuries are written in years ("two decades": P20Y)."""
    des, is_time = UNITS[unit]
    if des in ("DE", "CE"):
        des, amount = "Y", None if amount is None else amount * (10 if des == "DE" else 100)
    return f"P{'T' if is_time else ''}{'X' if amount is None else amount}{des}"


def _and_a_half(unit: str, base: int) -> str:
    """``base`` and a half ``unit``s in the next smaller unit: P18M, PT1H30M, PT30M, P15Y."""
    if unit == "hour":
        return f"PT{base}H30M" if base else "PT30M"
    if unit == "day":
        return f"P{base}DT12H" if base else "PT12H"
    smaller = {"year": ("M", 12, False), "decade": ("Y", 10, False),
               "century": ("Y", 100, False), "minute": ("S", 60, True),
               "week": ("D", 7, False)}  # fmt: skip
    if unit in smaller:
        des, factor, is_time = smaller[unit]
        amount = (base + 0.5) * factor
        return f"P{'T' if is_time else ''}{amount:g}{des}"
    des, is_time = UNITS[unit]
    return f"P{'T' if is_time else ''}{base + 0.5:g}{des}"


_SET_WORDS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "quarterly": "P3M",
    "hourly": "PT1H",
    "nightly": "P1D",
}


def set_word(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    if re.match(r" [A-Z]", ctx.raw_after(m)):
        return None  # "the party daily Granma": a newspaper
    return "SET", _SET_WORDS[m["w"].lower()], ABSOLUTE


def set_every(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    """ "every Monday", "each year", "every six weeks", "every other year", "every weekend"."""
    if m["wd"]:
        return "SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()]}", ABSOLUTE
    unit = m["unit"].lower()
    plural = unit.endswith("s") and unit.rstrip("s") in (*UNITS, *PARTS_OF_DAY)
    unit = unit[:-1] if plural else unit
    n = (m["n"] or "").lower()
    if bool(n) != plural:
        return None  # "every two weeks", "every week"; not "every two week", "every weeks"
    if unit in PARTS_OF_DAY:
        return ("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", ABSOLUTE) if not n else None
    if unit == "weekend":
        return ("SET", "XXXX-WXX-WE", ABSOLUTE) if not n else None
    count = 1 if not n else parse_number(n) if n not in _VAGUE_RANGE else None
    if m["other"]:
        count = 2
    amount = "X" if count is None else f"{count:g}"  # "every 29.5 days": P29.5D
    des, is_time = UNITS[unit]
    if amount != "X" and count != int(count or 0) and des in ("Q", "DE", "CE"):
        amount = "X"
    if des == "Q":
        des, amount = "M", str(3 * int(amount)) if amount != "X" else "X"
    elif des in ("DE", "CE"):
        factor = 10 if des == "DE" else 100
        des, amount = "Y", str(factor * int(amount)) if amount != "X" else "X"
    return "SET", f"P{'T' if is_time else ''}{amount}{des}", ABSOLUTE


def set_plural(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    """ "(on) Sundays", "(on) weekends": every such day."""
    if m["wd"]:
        return "SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()]}", ABSOLUTE
    return "SET", "XXXX-WXX-WE", ABSOLUTE


def clock(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    if m["word"] and ctx.before(m, 6).endswith("high "):
        return None
    if m["word"]:
        hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[m["word"].lower()]
    else:
        hh, mm = int(m["h"]), int(m["min"] or 0)
        ampm = (m["ampm"] or "").lower()
        if hh > 12 or mm > 59 or (ampm and hh == 0):
            return None
        if ampm.startswith("p") and hh < 12:
            hh += 12
        elif ampm.startswith("a") and hh == 12:
            hh = 0
    return _clock_value(m, ctx, f"T{hh:02d}:{mm:02d}")


def clock_pod(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    """ "4 in the morning", "10:30 at night", "3 in the afternoon"."""
    hh, mm = int(m["h"]), int(m["min"] or 0)
    pod = (m["pod"] or m["pod_n"]).lower()
    if not 1 <= hh <= 12 or mm > 59:
        return None
    if pod == "morning":
        hh = 0 if hh == 12 else hh
    elif pod == "night" and hh < 5:
        pass  # "2 at night": small hours
    elif hh < 12:
        hh += 12
    return _clock_value(m, ctx, f"T{hh:02d}:{mm:02d}")


def _clock_value(m: re.Match[str], ctx: Ctx, clock_text: str) -> RuleResult:
    """A clock time on the day it names, or today/yesterday/tomorrow, or the last named day."""
    groups = m.groupdict()
    day: str | None = None
    anchor = None
    if groups.get("wd") and ctx.pub is not None:
        wd = WEEKDAYS[m["wd"].lower()]
        day = resolve_weekday(ctx.pub, wd, _day_direction(ctx, m, wd)).isoformat()
        anchor = ctx.anchor
    elif groups.get("dw") and ctx.pub is not None:
        off = {"yesterday": -1, "tomorrow": 1}.get(m["dw"].lower(), 0)
        day, anchor = (ctx.pub + timedelta(days=off)).isoformat(), ctx.anchor
    elif (ref := value_to_date(ctx.last)) and ref[1] == "day":
        day, anchor = ref[0].isoformat(), f"relative:{ctx.last}"
    elif ctx.pub is not None:
        day, anchor = ctx.pub.isoformat(), ctx.anchor
        if _later_than_publication(ctx, m, clock_text):
            day = (ctx.pub - timedelta(days=1)).isoformat()
    return "TIME", (day + clock_text) if day else None, anchor


def _later_than_publication(ctx: Ctx, m: re.Match[str], clock_text: str) -> bool:
    """Whether a clock time of no named day, told in the past, is later in the day than the
    report went out: then it was yesterday's ("After leaving Orrin at 10:52 a.m., the ferry
    returned", in a report out at 2:10 a.m.). A past event is never after publication."""
    if ctx.pub_minutes is None:
        return False
    tense = _past(ctx, m)
    if tense not in ("past", None) or (tense is None and not _tells_a_past(ctx, m)):
        return False
    hh, mm = int(clock_text[1:3]), int(clock_text[4:6])
    return hh * 60 + mm > ctx.pub_minutes


def weekend(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    """ "the weekend": the nearest weekend, past unless the clause is future."""
    if ctx.pub is None:
        return "DATE", None, None
    saturday = resolve_weekday(ctx.pub, 6, _day_direction(ctx, m, 6))
    return "DATE", fmt(saturday, "week") + "-WE", ctx.anchor


def holiday(m: re.Match[str], ctx: Ctx) -> RuleResult | None:
    name = re.sub(r"\s+", " ", m["h"].lower())
    tok = ctx.token(m.start("h"))
    while tok is not None and tok.i + 1 < len(tok.doc) and tok.nbor(1).idx < m.end():
        tok = tok.nbor(1)  # the name's last word
    nxt = tok.nbor(1) if tok is not None and tok.i + 1 < len(tok.doc) else None
    if (" " not in name and nxt is not None and nxt.pos_ == "NOUN" and tok is not None
            and tok.dep_ == "compound" and tok.head == nxt
            and nxt.lower_ not in _DAY_WORDS):  # fmt: skip
        return None  # "Christmas lights", "Easter eggs": a kind of thing ("Christmas Day fire"
        # and "Christmas Eve dinner" are still days)
    if ctx.pub is None:
        return "DATE", None, None
    rel = (m["rel"] or "").lower()

    def on(y: int) -> date:
        return holiday_date(name, y)

    if rel == "last":
        y = ctx.pub.year if on(ctx.pub.year) < ctx.pub else ctx.pub.year - 1
    elif rel == "next":
        y = ctx.pub.year if on(ctx.pub.year) > ctx.pub else ctx.pub.year + 1
    else:
        found = pick_year(ctx.pub, on, _past(ctx, m))
        return "DATE", found.isoformat() if found else None, ctx.anchor if found else None
    return "DATE", on(y).isoformat(), ctx.anchor
