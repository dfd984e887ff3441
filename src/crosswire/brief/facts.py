"""Facts: placed claims grouped by (event, attribute, key) into agreed, single-source and
conflicting facts, each with the plain statement a reader sees.

Values compare by type: ranges by overlap ("nearly 300" fits "hundreds", "more than 40" does
not fit "12"); dates by precision ("March" fits "March 4") and weekday ("Friday" fits
2026-03-13); clock times by minutes of the day ("10:30 p.m." = 22:30, "about" allows seven
minutes); years, ages and counts as numbers; roles and speakers as names (token containment).

A disagreement is a conflict only when it is between outlets: values carried only by an
outlet that also states another value of the same key are dropped first (that outlet is
counting two different things). Claims marked ``soft`` (a count with no telling verb) and
future ones never conflict. A count that rises from earlier reports to later ones (a death
toll of 77 the first evening, 84 the next day) is an *update*, not a conflict. Agreed needs
two independent sources.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime

from ..extract.claims import (
    BARE_PERSON_NOUNS,
    CLOCK_ABOUT,
    PERSON_NOUNS,
    WEEKDAY,
    day_minutes,
    key_verb,
    light_key,
)
from ..extract.dates import counts_from_a_moment
from ..extract.furniture import overlaps
from ..extract.names import RANKS
from ..extract.numbers import written_values
from ..extract.numerals import parse_number, parse_ordinal
from ..extract.quotes.marks import find_marked
from ..records import Cite, Claim, Conflict, Fact, Quote, Variant
from ..words import NIGHT, SMALL_HOURS, content_stems, plural, stem
from .cite import (
    StoryContext,
    UnionFind,
    credit_note,
    dates_compatible,
    figures_note,
    without_credit,
)
from .claims import (
    AGREE_MIN,
    STORY_WIDE,
    Placed,
    closest_pairs,
    doer_differs,
    doers_or_things_apart,
    named_apart,
    named_two_ways,
    one_name_spelled,
    one_owners_thing,
    one_sum_between_parties,
    share_a_word,
)
from .named_years import named_years
from .quotes import quote_tokens, same_utterance, utterances
from .statements import (
    counted,
    name_question,
    number_words,
    pick,
    question,
    statement,
    value_words,
)

WEAK_SHARED, WEAK_SHARE = 3, 0.5  # context a claim without a subject needs to be compared
YEAR_SHARED = 2  # ... a year, when the two sentences also share this many words
MOVING = ("kill/", "injure/")  # counts that grow while the news develops
UPDATE_HOURS = 1  # reports this far apart may carry a figure that moved in between (wire
# copy is revised within the hour: 14 hurt at one hour, 17 at the next is the count moving)
SIZE_APART = 20  # two counts this many times apart count two things
CLOCK_ROUND = 15  # minutes: a clock time on a quarter hour is common, one off it specific
OPEN_APART = 2  # two lower bounds ("more than 40" / "more than 120") this many times apart
# two sentences that tell one fact in other words share this many predicates besides their
# claims' own, and this share of the shorter sentence's
PARA_SHARED, PARA_SHARE = 3, 0.75
# ... or give this many other figures alike (counts, sums, measures, ages)
FIGURES_ALIKE, FIGURES = 2, ("count", "amount", "measure", "age")
# two sentences that share this share of their words are one sentence copied
COPY_LIKENESS = 0.7
# ... and two sentences that date one statement, this many words besides who made it
SAID_SHARED, SAID_SHARE = 4, 0.5
LEAD_SAID_SHARED = 2  # ... and when both lead their reports with one speaker's statement
PRINTED_MIN = 8  # words a sentence needs to give a quote it is part of (not "It was a mistake.")
_WHEN = content_stems("monday tuesday wednesday thursday friday saturday sunday today "
                      "yesterday morning afternoon evening night")
# "Friday night" and "early Saturday" may be one moment: a night runs into the next morning
# what a reader needs first: the dead and hurt, when and where, who said what, then the rest
IMPORTANCE = ("count:kill/", "count:injure/", "date:", "time:", "place:", "speaker:", "role:",
              "name:", "age:", "count:", "rank:", "year:", "amount:", "measure:")  # fmt: skip

# ---------------------------------------------------------------- comparing values


_DAY = re.compile(r"\d{4}-\d\d-\d\d")
STATE_VERBS = ("be", "have", "remain")  # a copula or possession: a state, not a happening
VAGUE_SLACK = 2.0  # "several" (3-9) fits 2, "dozens" (24-99) does not fit 8


def _vague(p: Placed) -> bool:
    """A count given as a vague quantity in words ("several", "dozens", "hundreds")."""
    return (p.attribute == "count" and p.has("approx") and p.claim.low != p.claim.high
            and not any(ch.isdigit() for ch in p.claim.text))  # fmt: skip


def _bounds(p: Placed, stretch: bool) -> tuple[float | None, float | None]:
    low, high = p.claim.low, p.claim.high
    if stretch:
        low = None if low is None else low / VAGUE_SLACK
        high = None if high is None else high * VAGUE_SLACK
    return low, high


def _overlaps(a: Placed, b: Placed) -> bool:
    """Whether two ranges meet. A vague quantity set against a count is the writer's
    estimate, not a count, and stretches by ``VAGUE_SLACK`` either way ("several shops" fit
    two); two vague words compare as they are ("hundreds" vs "thousands"). Two lower bounds
    ("more than 40", "more than 120") meet only within ``OPEN_APART`` of each other: a writer
    gives the highest bound they know, so the lower one understates the other; but floors of
    the dead or hurt ("at least four killed" / "at least 13") both hold, as a toll grows."""
    if (a.claim.high is None and b.claim.high is None and a.claim.low and b.claim.low
            and not a.key.startswith(MOVING)):  # fmt: skip
        low, high = sorted((a.claim.low, b.claim.low))
        return high <= low * OPEN_APART  # (a toll only grows: its lower floor is earlier)
    va, vb = _vague(a), _vague(b)
    (la, ha), (lb, hb) = _bounds(a, va and not vb), _bounds(b, vb and not va)
    lo = max(x for x in (la, lb, float("-inf")) if x is not None)
    hi = min(x for x in (ha, hb, float("inf")) if x is not None)
    return lo <= hi + 1e-9


def _weekday(value: str) -> int | None:
    if m := re.fullmatch(r"XXXX-WXX-([1-7])", value):
        return int(m[1])
    if _DAY.fullmatch(value):
        try:
            return datetime.fromisoformat(value).isoweekday()
        except ValueError:
            return None
    return None


def _dates_fit(a: str, b: str) -> bool:
    if a.startswith("XXXX") or b.startswith("XXXX"):
        wa, wb = _weekday(a), _weekday(b)
        return wa is None or wb is None or wa == wb
    return dates_compatible(a, b)


def _tokens(value: str) -> set[str]:
    return set(re.findall(r"[\w'-]+", value.casefold()))


Beside = Callable[[Placed], Sequence[Placed]]  # the other claims of a claim's sentence


def _scope_differs(a: Placed, b: Placed, beside: Beside) -> bool:
    """Whether the two sentences disagree on another value of the same attribute that each
    states once: "4 rifles, 9 radios and 200 rounds" and "17 rifles, 40 radios and 1,150
    rounds" count one raid and all six; "3 goals in the final" and "21 goals in 38 games"
    a part of a season and all of it. A changed copy differs in one value only, so its other
    values still agree. Other attributes say nothing of scope: "12 injured on Friday" and
    "more than 40 injured on Thursday" are two contradictions of one collapse. Nor do names:
    a second name spelled two ways ("Katelyn Morrow and Tomas Breckner" / "Kaitlyn Morrow
    and Thomas Breckner") is a second spelling conflict, not a sign of two other people."""
    if a.attribute == "name":
        return False

    def kinds(p: Placed) -> dict[tuple[str, str | None], list[Placed]]:
        out: dict[tuple[str, str | None], list[Placed]] = defaultdict(list)
        for x in beside(p):
            if x is not p and x.attribute == a.attribute and not x.key.startswith("say"):
                unit = x.claim.unit if x.attribute in ("count", "amount", "measure") else None
                out[(x.attribute, unit)].append(x)
        return out

    ka, kb = kinds(a), kinds(b)
    for kind in ka.keys() & kb.keys():
        if len(ka[kind]) == len(kb[kind]) == 1 and not compatible(ka[kind][0], kb[kind][0]):
            return True
    return False


def _scope_agrees(a: Placed, b: Placed, beside: Beside) -> bool:
    """Whether the two sentences also state one more value the same way, one that is not
    common ("sold for $4 million in 1971" / "sold for $4 million in 1961"; "14 miners pulled
    out on Tuesday"): the same fact, told in other words."""
    def values(p: Placed) -> set[tuple[str, str | None, str]]:
        return {(x.attribute, x.claim.unit, x.claim.value) for x in beside(p)
                if x is not p and x.attribute in ("count", "amount", "measure", "age")
                and (x.claim.low or 0) >= AGREE_MIN}  # fmt: skip

    return bool(values(a) & values(b))


def _apart_in_size(a: Placed, b: Placed) -> bool:
    """Two counts or sums more than ``SIZE_APART`` times apart are of two things (a game's 11
    points and a record of 2,116), not one told two ways."""
    if a.attribute not in ("count", "amount", "measure"):
        return False
    lows = sorted(x for x in (a.claim.low, b.claim.low) if x is not None and x > 0)
    return len(lows) == 2 and lows[1] > SIZE_APART * lows[0]


def _aged_apart(a: Placed, b: Placed, beside: Beside) -> bool:
    """Whether the two sentences give the person they tell of two ages: "a 36-year-old hiker
    died on Friday" and "Tam Ferris, 32, died on Saturday" are two people. (The ages
    themselves are compared as ages.)"""
    if a.attribute == "age":
        return False
    ages_a = [x for x in beside(a) if x.attribute == "age"]
    ages_b = [x for x in beside(b) if x.attribute == "age"]
    return (len(ages_a) == len(ages_b) == 1 and ages_a[0].key != ages_b[0].key
            and not compatible(ages_a[0], ages_b[0]))  # fmt: skip


def _told_apart(a: Placed, b: Placed, beside: Beside | None) -> bool:
    """Whether the two sentences say their claims of one key are about two things: they
    disagree on another value of one kind (two scopes), give two ages for whom they tell of,
    the values are orders of magnitude apart or sums in two currencies, one counts a total or
    a part, or they count over two stretches ("over his past two games", "since Week 9")."""
    if beside is not None and (_scope_differs(a, b, beside) or _aged_apart(a, b, beside)):
        return True
    if _apart_in_size(a, b):
        return True
    if a.attribute == "amount" and a.claim.unit != b.claim.unit:
        return True  # "£8m" / "$10 million": a conversion, or two sums; no telling which
    if (a.qualified("stretch:") or "").casefold() != (b.qualified("stretch:") or "").casefold():
        return True  # "three touchdowns over his past two games" is not his season's eight
    if a.attribute == "rank" and not _one_series(a, b):
        return True  # "the first woman to lead the council", "the second to chair the bank"
    if a.has("part") != b.has("part"):
        return True  # "seven on sweeps and two more on sneaks": a part of his touchdowns
    return a.has("total") != b.has("total")  # "a total of 14 rifles" is not one raid's six


def _one_series(a: Placed, b: Placed) -> bool:
    """Whether two ranks count in one series: the words of one's series are all in the
    other's ("Norland's 15th missile test this year" / "the 19th missile test by Norland
    this year")."""
    sa, sb = (set((p.qualified("series:") or "").split()) for p in (a, b))
    return bool(sa) and bool(sb) and (sa <= sb or sb <= sa)


def _subjects_differ(a: Placed, b: Placed, tied: bool = False) -> bool:
    """Whether what the two claims are about differs: named doers share no word ("Trisca
    shares fell" / "Halvern shares fell"), the things differ ("$5 million for the land" / "$3
    million for the house"), one is a plan and the other what happened, or a claim without a
    subject ("he was elected in 2008") sits in a sentence that says little of the other's,
    or the two sentences name different people. ``tied``: the sentences also state an
    uncommon value the same way (``_scope_agrees``), which says what a claim without a
    subject is about ("it was sold for $41 million in 1962")."""
    if a.key.startswith("say") or b.key.startswith("say"):
        return True  # when something was said compares only between copies of one sentence
    if a.attribute not in ("name", "speaker") and named_apart(a, b):
        return True  # "placed Brenn on the list Tuesday" / "placed Adair on it Wednesday"
    if doers_or_things_apart(a, b):
        return True
    if doer_differs(a, b) and not (tied and not (a.has("pronoun") or b.has("pronoun"))):
        return True  # (an uncommon value alike stands in for a missing doer, not for "he")
    if a.has("future") != b.has("future"):
        return True  # a plan ("will be held on Thursday") is not what happened
    if (a.has("weak") or b.has("weak")) and not tied and not _one_named_thing(a, b):
        return not _say_much_the_same(a, b, {a.claim.key, b.claim.key})
    return False


def _say_much_the_same(a: Placed, b: Placed, besides: set[str]) -> bool:
    """Whether the sentences of two claims share ``WEAK_SHARED`` predicates (``besides``
    left out), ``WEAK_SHARE`` of the shorter's."""
    ca, cb = set(a.claim.context), set(b.claim.context)
    shared = len(ca & cb - besides)
    return shared >= WEAK_SHARED and shared >= WEAK_SHARE * min(len(ca), len(cb))


def _one_named_thing(a: Placed, b: Placed) -> bool:
    """Whether two claims are of one thing called by its name ("received the Orsa Award
    in 1998" / "the Orsa Award, which she received in 2001"): the name says what they are
    about as a subject would."""
    na, nb = a.qualified("named:"), b.qualified("named:")
    return (na is not None and nb is not None and share_a_word(na, nb)
            and a.qualified("thing:") == b.qualified("thing:"))


def _peers(a: Placed, b: Placed) -> bool:
    """Whether the two claims stand in the same place of two sentences that say the same."""
    return (b.article, b.claim.start) in a.peers or (a.article, a.claim.start) in b.peers


def comparable(a: Placed, b: Placed, beside: Beside | None = None) -> bool:
    """Whether two claims of one key are about the same thing, firmly enough that a
    difference is a contradiction (see ``_told_apart``, ``_subjects_differ`` and
    ``_same_fact``)."""
    if _told_apart(a, b, beside):
        return False
    if _peers(a, b):
        return True
    tied = beside is not None and a.attribute != "speaker" and _scope_agrees(a, b, beside)
    if _subjects_differ(a, b, tied):
        return False
    return tied or _same_fact(a, b)


def agrees(a: Placed, b: Placed, beside: Beside | None = None) -> bool:
    """Whether two compatible claims of one key state one fact, so that two outlets carrying
    them agree. Looser than ``comparable`` (a recalled "2 workers were killed" agrees with the
    lead's), but a shared value alone is not agreement: the claims must be of one event, or of
    a person or thing the whole story shares, or count a group their key names ("2 workers",
    not "4 people": four dead in one crash do not agree with four dead in another), or give
    the same uncommon value ("a fine of $18,500")."""
    if _told_apart(a, b, beside):
        return False
    if _peers(a, b):
        return True
    tied = beside is not None and _scope_agrees(a, b, beside)
    if _subjects_differ(a, b, tied):
        return False
    if tied or a.event == b.event or a.attribute in STORY_WIDE:
        return True
    if a.attribute == "count" and a.key.partition("/")[2] not in PERSON_NOUNS:
        return True  # the key names the group ("kill/worker"), not only "people"
    if a.claim.value == b.claim.value and (a.claim.low or 0) >= AGREE_MIN:
        return True  # an uncommon value given the same way: "a fine of $18,500"
    return False


def _same_fact(a: Placed, b: Placed) -> bool:
    """Whether two claims of one key, not in copies of one sentence, state the same fact
    firmly enough to call a difference a contradiction. Read on real clusters, most
    differences between claims of one key are two facts: the day of the crash and of the
    arrest, six rifles seized in one raid and 14 in all, one player's 13 home runs for a team
    and 33 for the season. So only the core of a report compares: the dates of the happening
    each report leads with, the counts of its opening sentences, the age of a named person,
    a year of a named thing, a name's spelling or rank, the rank of one thing in one series
    ("its 15th missile test this year"), and the clock time of a happening told
    by its own verb or noun or the sum paid for one thing (not a plan, not a sentence
    without a subject)."""
    attribute = a.attribute
    if attribute == "date":  # the day each report leads with, or one happening told alike
        return (a.has("lead") and b.has("lead")) or _one_happening_told(a, b)
    if attribute == "time":  # the clock time of one happening, told by its own verb or noun
        return (a.has("lead") and b.has("lead")) or not any(
            p.has("weak") or p.has("future") for p in (a, b))
    if attribute == "count":
        return a.has("opening") and b.has("opening")
    if attribute == "amount":  # the sum paid for one thing, or one owner's deal for one
        thing = a.qualified("thing:")  # named thing, or the worth of one thing both reports
        return (thing is not None and thing == b.qualified("thing:")  # open with; a plan
                or one_owners_thing(a, b)  # aside
                or (a.has("opening") and b.has("opening"))) and not any(
            p.has("weak") or p.has("future") for p in (a, b))
    if attribute == "age":  # a named person, or one unnamed person of now told by a role
        if a.key.startswith("person:") and b.key.startswith("person:"):
            return True
        noun = a.key.partition("/")[0]  # "driver/-": one driver; "man/-": anyone
        return (a.key == b.key and "@" not in a.key and noun not in BARE_PERSON_NOUNS
                and not _described_apart(a, b))
    if attribute == "year":  # of a thing; of what befell people only when someone did it
        things = (a.qualified("thing:"), b.qualified("thing:"))  # (two gunmen who each killed
        # four people in two years are two happenings)
        return None not in things and (things[0] not in BARE_PERSON_NOUNS or all(
            p.qualified("agent:") for p in (a, b)))
    if attribute == "speaker":  # the same words: a group of quotes may chain two utterances
        return same_utterance(a.claim.context, b.claim.context)
    if attribute == "rank":  # of one series (``_told_apart``)
        return True
    return attribute in ("name", "role")  # a named person's; measures: copies only


def _one_happening_told(a: Placed, b: Placed) -> bool:
    """Whether two claims of one key date one happening further down two reports: the key
    is a verb of its own (not light, not what was said), neither is a plan or lacks a
    subject, and the sentences share ``WEAK_SHARED`` other predicates, ``WEAK_SHARE`` of the
    shorter's ("volunteers moved the surviving horses to a farm on Tuesday after a vet
    checked them" / "the surviving horses were moved to a farm on Monday once the vet had
    examined their burns"). Each sentence may say more than the other; "a
    stable hand was arrested on Monday" and "a second man was arrested on Wednesday" share
    nothing but the verb."""
    if a.key.startswith("say") or light_key(a.key) or any(
            p.has(q) for p in (a, b) for q in ("weak", "future", "light")):  # fmt: skip
        return False
    return _say_much_the_same(a, b, {key_verb(a.key)})


def _described_apart(a: Placed, b: Placed) -> bool:
    """Whether two unnamed people of one noun are told apart by their proper adjectives:
    "the Danish hiker" and "the Dutch hiker" are two; "the hiker" may be either."""
    def proper(p: Placed) -> set[str]:
        return {w for w in p.claim.subject.split()[:-1] if w[:1].isupper()}

    pa, pb = proper(a), proper(b)
    return bool(pa) and bool(pb) and pa != pb


def _squeezed(p: Placed) -> str:
    return re.sub(r"[\W_]+", "", p.claim.value.casefold())


def _written(p: Placed) -> str:
    return " ".join(p.claim.text.casefold().split())


def compatible(a: Placed, b: Placed) -> bool:
    """Whether two claims of one key can both be true. The same words are never a
    contradiction: "today" in two copies of one tweet resolved against two publication
    dates is one statement."""
    if _written(a) == _written(b) and a.attribute not in ("role", "speaker"):
        return True
    kind = a.attribute
    if kind == "date":
        days = WEEKDAY.findall(a.claim.text.casefold())
        if days and days == WEEKDAY.findall(b.claim.text.casefold()):
            return True  # both say "Saturday": resolved through two publication dates or not
        return _dates_fit(a.claim.value, b.claim.value) or _night_into_morning(a, b)
    if kind == "name":
        return a.claim.value.casefold() == b.claim.value.casefold()
    if kind in ("role", "speaker", "place"):
        ta, tb = _tokens(a.claim.value), _tokens(b.claim.value)
        if kind == "speaker" and ta and tb and a.claim.value.split()[-1].casefold() == (
                b.claim.value.split()[-1].casefold()):  # fmt: skip
            return True  # "Mr. Smith" is "Richard F. Smith"
        if "".join(sorted(ta)) == "".join(sorted(tb)) or _squeezed(a) == _squeezed(b):
            return True  # "Van Dorn" is "VanDorn"
        return ta == tb or (bool(ta) and bool(tb) and (ta <= tb or tb <= ta))
    return _overlaps(a, b)


def _night_into_morning(a: Placed, b: Placed) -> bool:
    """Whether one claim dates a night and the other the small hours of the next day (by
    date, or by weekday when no publication date resolved them). The night or the small
    hours may be told by the day's words or by the happening's ("An overnight flood Friday":
    its "hour:" qualifier)."""
    wa, wb = _weekday(a.claim.value), _weekday(b.claim.value)
    if wa is None or wb is None:
        return False
    if _DAY.fullmatch(a.claim.value) and _DAY.fullmatch(b.claim.value):
        gap = (datetime.fromisoformat(b.claim.value) - datetime.fromisoformat(a.claim.value)).days
    else:
        gap = (wb - wa + 3) % 7 - 3  # -3 .. 3 days
    if abs(gap) != 1:
        return False
    night, morning = (a, b) if gap == 1 else (b, a)
    def told(p: Placed) -> str:
        return f"{p.claim.text} {p.qualified('hour:') or ''} {p.claim.subject}"

    return bool(NIGHT.search(told(night))) and bool(SMALL_HOURS.search(told(morning)))


def _cluster(items: Sequence[Placed]) -> list[list[Placed]]:
    """Groups of mutually compatible claims, in a deterministic order. A claim that fits
    several groups joins the one with most claims of its own value or weekday, then the
    largest: "Monday" with nothing to resolve it fits "May 2011" as well as "Monday 10 June
    2030", and is one of the Mondays."""
    order = sorted(items, key=lambda p: (p.claim.low or 0, p.claim.high or 0, p.claim.value,
                                         p.article, p.claim.start))  # fmt: skip
    clusters: list[list[Placed]] = []
    for p in order:
        fits = [cl for cl in clusters if all(compatible(p, m) for m in cl)]
        if fits:  # (the first of the best)
            max(fits, key=lambda cl: (sum(_alike(p, m) for m in cl), len(cl))).append(p)
        else:
            clusters.append([p])
    return clusters


def _alike(a: Placed, b: Placed) -> bool:
    """Whether two claims give one value, or name one weekday."""
    if a.claim.value == b.claim.value:
        return True
    days = WEEKDAY.findall(a.claim.text.casefold())
    return bool(days) and days == WEEKDAY.findall(b.claim.text.casefold())


def _told_of(p: Placed) -> str:
    """The earlier time a claim's own sentence tells of ("since 2004, when seven were
    killed": 2004), whatever key alignment gave it: a count of then is no source of now."""
    return p.claim.key.partition("@")[2]


OPEN_REACH = 1.2  # an open bound states a value up to 20% past it ("at least 10": 10, 11)


def _one_value(a: Placed, b: Placed) -> bool:
    """Whether two compatible counts, sums or dates state one value, not only fit each other:
    "at least five were killed" does not contradict "seven were killed", but it does not say
    seven either. An open bound states a value near it; two open bounds, the same bound. A
    weekday nothing resolves and a month or a year with no day ("on Tuesday" / "in February
    2011") may fit, but neither says the other's day."""
    if a.attribute == "date":
        bare = [p.claim.value.startswith("XXXX-WXX") for p in (a, b)]
        return not any(bare) or all(_weekday(p.claim.value) is not None for p in (a, b))
    if a.attribute not in ("count", "amount"):
        return True
    bounds = [(p.claim.low, p.claim.high) for p in (a, b)]
    open_ = [(lo is None) != (hi is None) for lo, hi in bounds]
    if not any(open_):
        return True
    if all(open_):
        return bounds[0] == bounds[1]
    if _vague(a) or _vague(b):
        return False  # "several died" states no count: it bridges no "at least five" to seven
    (lo, hi), (olo, ohi) = bounds if open_[0] else bounds[::-1]
    value = ((olo or 0) + (ohi or 0)) / 2 if olo is not None and ohi is not None else None
    if value is None:
        return True  # no value on the other side either: nothing to tell apart
    return value <= lo * OPEN_REACH if lo is not None else value >= (hi or 0) / OPEN_REACH


def _agreeing(ctx: StoryContext, group: Sequence[Placed],
              beside: Beside) -> list[list[Placed]]:  # fmt: skip
    """A group of compatible claims split into the facts it states: claims join when they
    come from one outlet (an article restating itself) of one doer, from copies of one
    sentence, or ``agrees`` says they state one fact. Each part keeps the group's order.
    A figure's part never holds two named doers: a claim that names no one ("her 14
    points") may join either, but does not make "Ruiz scored 14" and "Tomas scored 14" one
    fact."""
    def sentence(p: Placed) -> str:
        return " ".join(ctx.analyzed[p.article].article.text[p.cite.start:p.cite.end].split())

    sets = UnionFind()
    doers: dict[str, set[str]] = {}  # per part (its root): the doers its figures name
    for i, a in enumerate(group):
        for j in range(i):
            b = group[j]
            if ((ctx.group[a.article] == ctx.group[b.article]
                 and not doers_or_things_apart(a, b)) or sentence(a) == sentence(b)
                    or agrees(a, b, beside) and _one_value(a, b)
                    and _told_of(a) == _told_of(b)):  # fmt: skip
                _join_one_doer(sets, doers, (f"{i:06d}", _doers([a])), (f"{j:06d}", _doers([b])))
    parts: dict[str, list[Placed]] = defaultdict(list)
    for i, p in enumerate(group):
        parts[sets.find(f"{i:06d}")].append(p)
    return list(parts.values())


def _doers(claims: Iterable[Placed]) -> set[str]:
    """Who figures' claims say did them, where they name them ("agent:ana ruiz")."""
    return {agent for p in claims if p.attribute in FIGURES
            and (agent := p.qualified("agent:"))}


def _join_one_doer(sets: UnionFind, doers: dict[str, set[str]], a: tuple[str, set[str]],
                   b: tuple[str, set[str]]) -> None:
    """Join the parts of keys ``a`` and ``b`` (each with its own claims' doers) unless the
    two parts name two doers between them (no name word shared): a claim that names no one
    ("her 14 points") joins either, but never makes "Ruiz scored 14" and "Tomas scored 14"
    one fact. ``doers`` keeps each joined part's doers by its root."""
    (ka, own_a), (kb, own_b) = a, b
    ra, rb = sets.find(ka), sets.find(kb)
    da, db = doers.get(ra, own_a), doers.get(rb, own_b)
    if any(not share_a_word(x, y) for x in da for y in db):
        return
    sets.union(ra, rb)
    doers[sets.find(ra)] = da | db


# ---------------------------------------------------------------- facts and conflicts


def _cites(ctx: StoryContext, items: Iterable[Placed]) -> tuple[Cite, ...]:
    return _in_order(ctx, (p.cite for p in items))


def _in_order(ctx: StoryContext, cites: Iterable[Cite]) -> tuple[Cite, ...]:
    """Citations once each, in the story's article order, then by place in the article."""
    order = {a: i for i, a in enumerate(ctx.analyzed)}
    uniq = {(c.article, c.start, c.end): c for c in cites}
    return tuple(v for _, v in sorted(uniq.items(), key=lambda kv: (order[kv[0][0]], kv[0][1:])))


def _value(cl: Sequence[Placed]) -> str:
    """The value a group shows: the most specific date (of those, the one most claims give,
    the earliest on a tie: "Tuesday" said alike by three reports is the day two of them
    resolve it to, not a third's later one), else the most common wording."""
    if cl[0].attribute == "date":
        given = Counter(p.claim.value for p in cl)
        best = min(given, key=lambda v: (-len(v), -given[v], v))
        return value_words(next(p.claim for p in cl if p.claim.value == best))
    counts: dict[str, int] = defaultdict(int)
    for p in cl:
        counts[value_words(p.claim)] += 1
    return max(sorted(counts), key=lambda v: counts[v])


def _statement(cl: Sequence[Placed], value: str, slot: str | None = None) -> str:
    """The group's line: the commonest wording of its claims; of a figure's, those keyed
    as its ``slot`` is, when some are. A figure's verb says what befell what it counts, and
    claims of other verbs join a group of one value ("had waded" among the rescues of 12
    hikers is no line for the rescues); a day or a clock time joined across verbs is of
    one happening, which any of its wordings tells."""
    key = slot.partition(":")[2] if slot and slot.partition(":")[0] in FIGURES else None
    own = [p.claim for p in cl if p.key == key]
    return statement(pick(own or [p.claim for p in cl]), value)


def _is_update(ctx: StoryContext, clusters: list[list[Placed]]) -> bool:
    """Counts of the dead or hurt that only grow from earlier reports to later ones, each
    lower figure published at least ``UPDATE_HOURS`` before each higher one."""
    if not any(clusters[0][0].key.startswith(k) for k in MOVING):
        return False
    spans = []
    for cl in clusters:
        times = [ctx.published(p.article) for p in cl]
        if any(t is None for t in times):
            return False
        first = min(t[0] for t in times if t is not None)
        last = max(t[1] for t in times if t is not None)
        spans.append((min(p.claim.low or 0 for p in cl), first, last))
    spans.sort(key=lambda s: s[0])
    gaps = zip(spans, spans[1:], strict=False)
    return all((b[1] - a[2]).total_seconds() >= UPDATE_HOURS * 3600 for a, b in gaps)


def _ages_comparable(ctx: StoryContext, a: Placed, b: Placed) -> bool:
    """An age is of a moment: reports of one event compare; reports of two events (the
    killing, the trial two years on) only when the years between them cannot explain the
    difference ("27" at the shooting and "29" at the verdict both hold). A named person's
    age told beside an earlier happening ("Rinn, 29, was wounded in March 2027") may be the
    age then or now: the two compare only when no reading of either explains them."""
    ea, eb = ctx.main_event.get(a.article), ctx.main_event.get(b.article)
    if ea == eb and _told_of(a) == _told_of(b):
        return True
    dates = {e.id: e.date for e in ctx.events}

    def moments(p: Placed, event: str | None) -> list[tuple[datetime | None, bool]]:
        """(moment, whether it is an earlier happening's) of each reading of the age."""
        now = _day(dates.get(event or "")) or _day(ctx.analyzed[p.article].article.published)
        then = _day(_told_of(p))  # None for a month of no known year ("in May")
        return [(then, True), (now, False)] if then is not None else [(now, False)]

    age_a, age_b = a.claim.low or 0, b.claim.low or 0
    apart = abs(age_a - age_b)
    for da, then_a in moments(a, ea):
        for db, then_b in moments(b, eb):
            if da is not None and db is not None:
                # half a year of slack: a birthday may fall between two reports months apart
                if apart <= abs((da - db).days) / 365.25 + 0.5 and (apart == 0 or da != db):
                    return False
            elif then_a and da is not None:  # b's undated now is later: b is not younger
                if age_b >= age_a - 0.5:
                    return False
            elif then_b and db is not None:
                if age_a >= age_b - 0.5:
                    return False
            elif not then_a and not then_b and ea == eb:
                if apart == 0:  # both now, of one event: one moment
                    return False
            else:
                return False  # an undated report of another event: no telling
    return True


def _day(value: str | None) -> datetime | None:
    """The day an event's date names (its first day for a month or a year), or None."""
    if not value or not value[:4].isdigit():
        return None
    try:
        return datetime.fromisoformat((value[:10] + "-01-01"[len(value[:10]) - 4 :])[:10])
    except ValueError:
        return None


def _other_time(ctx: StoryContext, p: Placed) -> str:
    """The month or year a claim is told of when it does not hold its event's day (an
    earlier quake "in December 2003" recalled in a report of this week's), else ""."""
    at = p.claim.key.partition("@")[2]
    date = _event_date(ctx, p)
    return at if at and date and not dates_compatible(at, date) else ""


def _event_date(ctx: StoryContext, p: Placed) -> str | None:
    return next((e.date for e in ctx.events if e.id == p.event), None)



def _days(p: Placed, beside: Beside | None, own: bool) -> list[str]:
    """The days the claim's sentence is dated with; with ``own``, only those of the claim's
    own verb ("on Saturday, a dozen were killed": the day of "killed"). A date is itself
    the claim that may disagree, and a clock time is read with its day ("10 a.m. Monday" is
    one expression: its day may stand beside it or not)."""
    if beside is None or p.attribute in ("date", "time"):
        return []
    verb = p.claim.key.partition("@")[0].partition("/")[0]
    if own and verb in ("", "-"):
        return []  # no verb ties a day to the claim
    return [q.claim.value[:10] for q in beside(p) if q.attribute == "date"
            and (q.key == verb or not own) and _DAY.match(q.claim.value)]  # fmt: skip


def _same_time(ctx: StoryContext, a: Placed, b: Placed, beside: Beside | None = None) -> bool:
    """Whether two claims are told of one time: alignment may give a recalled happening's
    claim the key of the event's own, but its moment still sets it apart; and a claim whose
    verb is dated a day that fits neither the other's sentence nor either event ("on
    Friday, 30 were killed by a landslide near Orsa", in a report of Sunday's quake)
    tells of another happening."""
    if _other_time(ctx, a) != _other_time(ctx, b):
        return False
    for p, q in ((a, b), (b, a)):
        day = next(iter(_days(p, beside, True)), "")
        if not day:
            continue
        # an event's date may be taken from another line of its reports: the other
        # sentence's own days come first, the events' dates only when it gives none
        dates = _days(q, beside, False) or [
            d for d in (_event_date(ctx, a), _event_date(ctx, b)) if d]
        if dates and not any(dates_compatible(day, d) for d in dates):
            return False
    return True


def _can_conflict(p: Placed) -> bool:
    """A role conflicts only when it is a rank (``extract.names.RANKS``): two titles are
    mostly both true (a deputy and a sergeant, a senator who became president), but one
    officer is not both a commander and a commodore."""
    return not p.has("soft") and (p.attribute != "role" or p.claim.value in RANKS)


def _disagreement(ctx: StoryContext, clusters: list[list[Placed]],
                  beside: Beside | None = None) -> list[list[Placed]]:  # fmt: skip
    """The clusters that disagree between outlets: firm claims only, and not from a sentence
    that itself gives two values of the key (it speaks of two things: "seven rifles ... and
    three other rifles") unless the alignment says which value stands where."""
    values: dict[tuple[str, int], set[int]] = defaultdict(set)
    said: dict[tuple[str, int], list[Placed]] = defaultdict(list)
    for k, cl in enumerate(clusters):
        for p in cl:
            values[(p.article, p.cite.start)].add(k)
            said[(p.article, p.cite.start)].append(p)
    torn = {s for s, ks in values.items() if len(ks) > 1}  # sentences giving two values
    # counts an outlet gives as a floor somewhere ("killing at least four people"): its
    # "four people were killed" is that floor too, which a higher count does not contradict
    floors: dict[tuple[str, float | None], Placed] = {
        (p.article, p.claim.low): p for cl in clusters for p in cl
        if p.attribute == "count" and p.claim.high is None and p.claim.low is not None}

    def floor_fits(p: Placed, m: Placed) -> bool:
        floor = floors.get((p.article, p.claim.low))
        return floor is not None and floor is not p and compatible(floor, m)

    def own_place(p: Placed) -> bool:
        """The alignment pairs the claim, and no other of its sentence, with a place in
        another outlet's copy ("spanning from 1980 to 1991" / "from 1990 to 1991")."""
        return bool(p.peers) and not any(q is not p and q.peers & p.peers
                                         for q in said[(p.article, p.cite.start)])  # fmt: skip

    def rest(p: Placed) -> list[str]:
        """The sentence's other values of the key: a changed copy differs in one value."""
        return sorted(q.claim.value for q in said[(p.article, p.cite.start)] if q is not p)

    firm = [[p for p in cl if _can_conflict(p)
             and ((p.article, p.cite.start) not in torn or own_place(p))]
            for cl in clusters]  # fmt: skip
    firm = [cl for cl in firm if cl]
    if len(firm) < 2:
        return []
    placed = [{(p.article, p.claim.start) for p in cl} for cl in firm]
    keep = []
    for i, cl in enumerate(firm):
        # a report gives a second value, unless that value sits in the same sentence and is
        # aligned with agreeing copies of its own place: "from 1980 to 1991" / "from 1990 to
        # 1991" agree on 1991 and differ on 1980. (Two reports of one outlet each stand on
        # their own: a second version that changes the day contradicts the other outlets.)
        here = {(p.article, p.cite.start) for p in cl}
        others = {m.article for j, o in enumerate(firm) if j != i for m in o
                  if not (m.peers and m.peers <= placed[j] and (m.article, m.cite.start) in here)
                  and not _no_second_value(m, [p for p in cl if p.article == m.article])}
        rivals = [m for j, o in enumerate(firm) if j != i for m in o]
        # a claim standing in the same place as a rival's in another outlet's copy of its
        # sentence is its outlet's word on that fact, whatever else the outlet says of the key
        copied = any((m.article, m.claim.start) in p.peers and _copy_of(ctx, p, m)
                     for p in cl for m in rivals)
        # a cluster disagrees when one of its claims and a rival's cannot both be true and
        # state the same fact (clusters are greedy: "Sunday" may sit beside "February"
        # and still fit "Sunday 27 November")
        if (copied or not {p.article for p in cl} <= others) and any(
            ctx.publisher[p.article] != ctx.publisher[m.article]
            and (_ages_comparable(ctx, p, m) if p.attribute == "age"
                 else _same_time(ctx, p, m, beside))
            and (not {(p.article, p.cite.start), (m.article, m.cite.start)} & torn
                 or _peers(p, m) and rest(p) == rest(m))  # a torn sentence: only its copy
            and comparable(p, m, beside)
            and not (compatible(p, m) or floor_fits(p, m) or floor_fits(m, p))
            for p in cl for m in rivals
        ):
            keep.append(cl)
    if len(keep) < 2:
        return []
    sources = set().union(*({ctx.publisher[p.article] for p in cl} for cl in keep))
    return keep if len(sources) >= 2 else []


def _copy_of(ctx: StoryContext, a: Placed, b: Placed) -> bool:
    """Whether the sentences of two claims are one sentence copied, their values aside:
    ``COPY_LIKENESS`` of their words shared ("Quint hosted the 41st Velk Film Prizes in
    2026, for which she was given ..." in two outlets, one year changed)."""
    wa, wb = (ctx.stems(p.article, p.cite.start, p.cite.end) for p in (a, b))
    return bool(wa | wb) and len(wa & wb) >= COPY_LIKENESS * len(wa | wb)


def _no_second_value(m: Placed, own: Sequence[Placed]) -> bool:
    """Whether an outlet's other value of a key ``m`` leaves its claims ``own`` in a cluster
    standing as its word on their fact. Usually an outlet giving two values speaks of two
    things, but not when the other value is said or done by another, or of another thing
    (another speaker's "said Sunday", another award's year); and a named person's second
    age of the same time is the outlet contradicting itself, not a second person."""

    def one_persons_age(a: Placed, b: Placed) -> bool:
        return (a.attribute == "age" and a.key.startswith("person:")
                and _slot_key(a) == _slot_key(b) and _told_of(a) == _told_of(b))

    return bool(own) and all(doers_or_things_apart(m, p) or one_persons_age(m, p)
                             for p in own)


def asked_as_spelling(slot: str, values: Sequence[str]) -> bool:
    """Whether a disagreement is over how one name is spelled: a person's name, or a place
    whose values are one name spelled two ways (``one_name_spelled``)."""
    return slot.startswith("name:") or (slot.startswith("place:") and one_name_spelled(values))


def _conflict(ctx: StoryContext, slot: str, event: str | None,
              disagree: list[list[Placed]]) -> Conflict:  # fmt: skip
    variants = tuple(
        Variant(_value(cl), _cites(ctx, cl), ctx.sources_of((p.article for p in cl), True),
                _statement(cl, _value(cl)))  # fmt: skip
        for cl in disagree
    )
    update = _is_update(ctx, disagree)
    shown = " vs ".join(v.value for v in variants)
    why = f"updated: {shown}" if update else f"outlets disagree: {shown}"
    if asked_as_spelling(slot, [v.value for v in variants]):
        # asked in none of its spellings, most outlets' first
        ranked = sorted(variants, key=lambda v: (-len(v.sources), -len(v.citations)))
        asked = name_question([v.value for v in ranked])
    else:
        asked = question(pick([p.claim for cl in disagree for p in cl]))
    return Conflict(slot, event, variants, why, asked, "update" if update else "conflict")


def _slot_key(p: Placed) -> str:
    """The key a claim is grouped under: a named person's ages are one slot whenever told
    (``_ages_comparable`` sets then against now); other keys as they are."""
    if p.attribute == "age" and p.key.startswith("person:"):
        return p.key.partition("@")[0]
    return p.key


def classify_claims(
    ctx: StoryContext, placed: Sequence[Placed]
) -> tuple[tuple[Fact, ...], tuple[Fact, ...], tuple[Conflict, ...]]:
    """(agreed, unique, conflicting): agreed needs >= 2 independent sources; conflicting
    holds conflicts first, then updates."""
    by_key: dict[tuple[str, str], list[Placed]] = defaultdict(list)
    sentences: dict[tuple[str, int], list[Placed]] = defaultdict(list)
    for p in placed:
        sentences[(p.article, p.cite.start)].append(p)
        if not p.has("quoted"):
            by_key[(p.attribute, _slot_key(p))].append(p)

    def beside(p: Placed) -> list[Placed]:
        return sentences[(p.article, p.cite.start)]

    agreed: list[Fact] = []
    unique: list[Fact] = []
    conflicts: list[Conflict] = []
    lone: list[tuple[str, list[Placed]]] = []  # (slot, claims) one source states
    faint: list[tuple[str, list[Placed]]] = []  # ... with nothing to say what it is about
    taken: set[int] = set()  # claims in a conflict
    days: dict[tuple[str | None, str], int] = {}  # (event, day) -> its agreed lead-day line
    for (attribute, key), items in by_key.items():
        slot = f"{attribute}:{key}"
        # a fact is the story's ("2 workers were killed", recalled by every later report);
        # a disagreement is between reports of one event
        disputed: set[int] = set()
        for event in sorted({p.event for p in items}, key=lambda e: e or ""):
            clusters = _cluster([p for p in items if p.event == event])
            disagree = _disagreement(ctx, clusters, beside) if len(clusters) > 1 else []
            if disagree:
                conflicts.append(_conflict(ctx, slot, event, disagree))
                disputed.update(id(p) for cl in disagree for p in cl)
        taken |= disputed
        for group in _cluster([p for p in items if id(p) not in disputed]):
            for cl in _agreeing(ctx, group, beside):
                if all(p.has("loose") for p in cl):
                    continue  # a value only copies of a sentence carry: no fact of its own
                if ctx.n_sources(p.article for p in cl) >= 2:
                    agreed.append(_fact(ctx, slot, cl))
                    if _lead_day(cl):
                        days.setdefault((agreed[-1].event, agreed[-1].value), len(agreed) - 1)
                elif not all(p.has("weak") or p.has("loose") for p in cl):
                    lone.append((slot, cl))  # (a lone claim without a subject says little)
                elif not any(p.has("loose") for p in cl):
                    faint.append((slot, cl))  # (... but another outlet's may say it)
    conflicts += _recalled_years(ctx, placed, beside, taken)
    conflicts += [_conflict(ctx, slot, None, [[a], [b]])
                  for slot, a, b in named_years(ctx, placed, taken, _two_doers)]
    conflicts += _paraphrased(ctx, placed, beside, taken)
    for slot, cl in _one_value_two_verbs(ctx, lone, faint):
        fact = _fact(ctx, slot, cl)
        if _lead_day(cl) and (at := days.get((fact.event, fact.value))) is not None:
            # the day other outlets lead with too: one line for the happening's day
            agreed[at] = _agreed_elsewhere(ctx, agreed[at], fact.citations)
            continue
        (agreed if ctx.n_sources(p.article for p in cl) >= 2 else unique).append(fact)
    rank = _rank(ctx)
    unique.sort(key=lambda f: (rank(f.slot, f.event), f.slot, f.value))
    lone_facts, unique = _one_line_per_sentence(ctx, unique), []
    # (not a sentence that also gives a side of a conflict: "More than 120 firefighters
    # from nine departments ..." agrees on the nine departments, not on the 120)
    sides = {(c.article, c.start) for k in conflicts for v in k.variants for c in v.citations}
    for fact in lone_facts:  # given by other outlets in their own words: agreed
        others = _told_elsewhere(ctx, fact)
        if others and not sides & {(c.article, c.start)
                                      for c in (*fact.citations, *others)}:  # fmt: skip
            _add_agreed(ctx, agreed, _agreed_elsewhere(ctx, fact, others))
        else:
            unique.append(fact)
    agreed.sort(key=lambda f: (rank(f.slot, f.event), -len(f.sources), f.slot, f.value))
    agreed = [_credited(ctx, f) for f in _no_line_within_another(agreed)]
    conflicts.sort(key=lambda c: (c.kind != "conflict", rank(c.slot, c.event), c.slot))
    agreed, unique = _disputed_marked(agreed, conflicts), _disputed_marked(unique, conflicts)
    return tuple(agreed), tuple(unique), tuple(conflicts)


DISPUTED = " (disputed)"


def _disputed_marked(facts: Sequence[Fact], conflicts: Sequence[Conflict]) -> list[Fact]:
    """``facts`` with each value their line shows that a conflict disputes, in a sentence
    both cite, marked as disputed: "It broke out at around 9pm (disputed) on Friday"
    agrees on the day, not on the hour another outlet gives as 11pm. A value written more
    than once in a line is left as it is (which one is disputed?), as is the fact's own."""
    sides: dict[tuple[str, int], set[str]] = defaultdict(set)
    for k in conflicts:
        if k.kind == "conflict":
            for v in k.variants:
                for c in v.citations:
                    sides[(c.article, c.start)].add(v.value)
    out = []
    for f in facts:
        said = f.statement
        values = {w for c in f.citations for w in sides.get((c.article, c.start), ())}
        for value in sorted(values - {f.value}, key=lambda w: (-len(w), w)):
            # the value as a word, with the words it is hyphened to ("6-year-old") and the
            # date in words a line may give beside it
            found = list(re.finditer(
                rf"(?<![\w$]){re.escape(value)}(?![\w])(?:-[^\W\d]+)*(?:\s\([^()]*\))?", said))
            if len(found) == 1 and not said[found[0].end():].startswith(DISPUTED):
                said = said[: found[0].end()] + DISPUTED + said[found[0].end():]
        out.append(replace(f, statement=said) if said != f.statement else f)
    return out


def _paraphrased(ctx: StoryContext, placed: Sequence[Placed], beside: Beside,
                 taken: set[int]) -> list[Conflict]:  # fmt: skip
    """Conflicts between two outlets' sentences that tell one fact in other words ("had his
    best season in 1996, with 48 catches" / "enjoyed the finest of his seasons in 2006, with
    48 catches"): their
    verbs differ (one of them light), so their keys do, but the sentences share most of what
    they speak of (``PARA_SHARED``, ``PARA_SHARE``) and nothing else, give one firm value each
    of the kind, and nothing tells them apart (another doer or thing, another time, another
    scope), or tell one named owner's deal for one named thing (``one_owners_thing``). Each
    claim stands in one such conflict at most, with its closest rival. (One more
    uncommon value stated alike is no sign here: "13 magazines" sits beside seven rifles in
    one outlet's list and nine in another's that count other things.)"""

    def own_kind(p: Placed) -> bool:
        """The sentence's only value of the kind; for the day a statement was made, its
        only such day ("will vote next month, and the board said on Friday")."""
        said = p.key.startswith("say")
        return all(x is p or x.attribute != p.attribute or x.claim.unit != p.claim.unit
                   or (said and not x.key.startswith("say")) for x in beside(p))

    def shared(a: Placed, b: Placed) -> int:
        """The predicates the sentences share, when each has no other but its claim's own
        (a sentence with one more verb tells one more thing: "two guards on duty at the
        depot were suspended" is not "six guards were charged"). When each claim is
        the day a statement was made, what was said is told by its words, not its verbs
        (``_said_alike``)."""
        if a.key.startswith("say") and b.key.startswith("say"):
            return _said_alike(ctx, a, b)
        ca, cb = set(a.claim.context), set(b.claim.context)
        both = ca & cb - {key_verb(a.key), key_verb(b.key)}
        if ca - both - {key_verb(a.key)} or cb - both - {key_verb(b.key)}:
            return 0
        n = len(both)
        return n if n >= PARA_SHARED and n >= PARA_SHARE * min(len(ca), len(cb)) else 0

    def apart(a: Placed, b: Placed) -> bool:
        """Told apart by their verbs or their happenings: two verbs that both say what
        happened ("needed nine points" / "scored 24 points"; killed / hurt), not a light
        verb and another ("had his best season" / "enjoyed the finest of his seasons") nor
        two nouns for one owner's deal for one named thing ("Halvern's purchase of Trisca
        Foods" / "Halvern's bid for Trisca Foods"), or one happening told as following
        another and one not."""
        heavy = not (light_key(a.key) or light_key(b.key) or one_owners_thing(a, b)
                     or one_sum_between_parties(ctx, a, b))
        return (key_verb(a.key) != key_verb(b.key) and heavy) or (
            a.has("sequel") != b.has("sequel"))

    items = [p for p in placed
             if id(p) not in taken and _can_conflict(p) and own_kind(p)
             and not any(p.has(q) for q in ("quoted", "loose", "future", "total"))
             and not _vague(p)
             and p.attribute not in ("name", "speaker")]  # fmt: skip
    kinds: dict[tuple[str, str | None], list[Placed]] = defaultdict(list)
    for p in items:
        kinds[(p.attribute, p.claim.unit)].append(p)
    pairs: list[tuple[int, str, Placed, Placed]] = []
    for group in kinds.values():
        for i, a in enumerate(group):
            for b in group[:i]:
                if (ctx.publisher[a.article] == ctx.publisher[b.article] or apart(a, b)
                        or (a.event != b.event and a.attribute not in STORY_WIDE)):
                    continue
                alike = _figures_alike(ctx, a, b)
                if alike is None:
                    continue  # "64 catches for 1,173 yards" / "... for 905 yards": two seasons
                closeness = (shared(a, b) or (alike if alike >= FIGURES_ALIKE else 0)
                             or int(one_owners_thing(a, b) or one_sum_between_parties(ctx, a, b)))
                if (closeness and not _told_apart(a, b, beside) and not named_apart(a, b)
                        and not doers_or_things_apart(a, b)
                        and (_ages_comparable(ctx, a, b) if a.attribute == "age"
                             else _same_time(ctx, a, b, beside))
                        and not compatible(a, b)):  # fmt: skip
                    pairs.append((closeness, f"{a.attribute}:{a.key}", a, b))
    return [_conflict(ctx, slot, a.event, [[a], [b]]) for slot, a, b in closest_pairs(pairs)]


def _two_doers(a: Placed, b: Placed) -> bool:
    """Whether two claims name two doers (no name word shared), or one is a plan."""
    return named_two_ways(a, b, "agent:") or a.has("future") != b.has("future")


def _sentence_claims(ctx: StoryContext, p: Placed) -> list[Placed]:
    """Every claim the extraction read in ``p``'s cited sentence, placed there, whether the
    story placed it or not (a loose value, a figure of another key)."""
    return [Placed(c, p.article, p.event, c.key, p.cite) for c in ctx.claims_in(p.cite)]


def _recalled_years(ctx: StoryContext, placed: Sequence[Placed], beside: Beside,
                    taken: set[int]) -> list[Conflict]:  # fmt: skip
    """Conflicts over the year of one earlier happening that two outlets recall with the
    same figure and the same named doer: "Nell is accused of killing three people ... in a
    depot shooting in 2011" and "Nell opened fire inside the Kelby depot in
    2021, killing three people" count one three, so the year is what they disagree on. The
    sides are the two sentences' years; each claim stands in one such conflict at most (they
    join ``taken``)."""

    def year_of(p: Placed) -> str:
        """The year a recalled count is of ("kill/person@2005"), or ""."""
        year = p.key.partition("@")[2]
        return year if re.fullmatch(r"\d{4}", year) else ""

    def year_claim(p: Placed) -> Placed | None:
        """The sentence's claim of that year, placed or not ("at the courthouse in 2015,
        killing four": the parse found no verb for the year, only its words)."""
        own = [x for x in beside(p) if x.attribute == "year" and x.claim.value == year_of(p)]
        if own:
            return own[0] if id(own[0]) not in taken else None
        return next((x for x in _sentence_claims(ctx, p)
                     if x.attribute == "year" and x.claim.value == year_of(p)), None)

    counts = [p for p in placed if p.attribute == "count" and year_of(p) and id(p) not in taken
              and p.qualified("agent:") and not p.has("quoted") and not _vague(p)]
    out: list[Conflict] = []
    for i, a in enumerate(counts):
        for b in counts[:i]:
            if (ctx.publisher[a.article] == ctx.publisher[b.article]
                    or a.key.partition("@")[0] != b.key.partition("@")[0]
                    or year_of(a) == year_of(b) or a.claim.value != b.claim.value
                    or doers_or_things_apart(a, b) or named_apart(a, b)
                    or _told_apart(a, b, beside)):  # fmt: skip
                continue
            ya, yb = year_claim(a), year_claim(b)
            if ya is None or yb is None:
                continue
            taken.update((id(ya), id(yb)))
            out.append(_conflict(ctx, f"year:{key_verb(a.key)}", a.event, [[ya], [yb]]))
    return out


def _figures_alike(ctx: StoryContext, a: Placed, b: Placed) -> int | None:
    """How many other uncommon figures (``AGREE_MIN`` or more) the sentences of two claims
    give alike ("64 catches for 1,173 yards" in both), or None when they give one figure of
    a kind each and those differ ("for 1,173 yards" / "for 905 yards"): told in other
    words, the same figures say one fact is told, a different one that two are. Every
    figure of the sentence counts, loose ones too."""

    def figures(p: Placed) -> dict[tuple[str, str | None], list[Placed]]:
        out: dict[tuple[str, str | None], list[Placed]] = defaultdict(list)
        for x in _sentence_claims(ctx, p):
            c = x.claim
            if c.start != p.claim.start and c.attribute in FIGURES and "soft" not in c.qualifiers:
                out[(c.attribute, c.unit)].append(x)
        return out

    fa, fb = figures(a), figures(b)
    alike = 0
    for kind in fa.keys() & fb.keys():
        if len(fa[kind]) == len(fb[kind]) == 1 and not compatible(fa[kind][0], fb[kind][0]):
            return None
        alike += any(x.claim.value == y.claim.value and (x.claim.low or 0) >= AGREE_MIN
                     for x in fa[kind] for y in fb[kind])  # fmt: skip
    return alike


def _said_alike(ctx: StoryContext, a: Placed, b: Placed) -> int:
    """How many words two sentences that date a statement share besides who made it, when
    both name who made it and those words are most of what each says (``SAID_SHARED``,
    ``SAID_SHARE``): "the water board announced Monday that Lena Varga will lead its review"
    and "Lena Varga will lead a review ..., the water board announced on Friday" date one
    announcement; "the board said Thursday that the reservoir was nearly empty" is another.
    When both reports lead with one speaker's statement (``said-lead``), that statement is
    their news: a few of its verbs and nouns alike (``LEAD_SAID_SHARED``) say it is one.
    0 when they are not alike."""
    ga, gb = a.qualified("agent:"), b.qualified("agent:")
    if not ga or not gb:
        return 0
    who = content_stems(f"{ga} {gb}")

    def said(p: Placed) -> frozenset[str]:
        return ctx.stems(p.article, p.cite.start, p.cite.end) - who - _WHEN

    wa, wb = said(a), said(b)
    n = len(wa & wb)
    if n >= SAID_SHARED and n >= SAID_SHARE * min(len(wa), len(wb)):
        return n
    if a.has("said-lead") and b.has("said-lead") and share_a_word(ga, gb):
        # one speaker's statement, each report's news: alike in what was said (the verbs and
        # nouns besides the speaker's words)
        m = len(set(a.claim.context) & set(b.claim.context))
        return m if m >= LEAD_SAID_SHARED else 0
    return 0


def _placed_of(ctx: StoryContext, fact: Fact) -> list[Placed]:
    """The claims a fact is made of, each with the cited sentence it stands in: of its
    attribute and value."""
    attribute = fact.slot.partition(":")[0]
    return [Placed(c, cite.article, fact.event, c.key, cite) for cite in fact.citations
            for c in ctx.claims_in(cite)
            if c.attribute == attribute and value_words(c) == fact.value]  # fmt: skip


def _giving(ctx: StoryContext, aid: str, attribute: str, values: set[str],
            figures: frozenset[float] | set[float] = frozenset()) -> list[Claim]:
    """An article's claims of ``attribute`` with one of ``values`` (a date: one that fits
    it), or written with one of the distinct ``figures`` ("around 318,600" gives "some
    318,600")."""
    own = [c for c in ctx.analyzed[aid].extraction.claims if c.attribute == attribute]
    if attribute == "date":
        return [c for c in own if any(dates_compatible(c.value, v) for v in values)]
    # a figure with no upper bound gives its lower one ("more than $284 billion" gives
    # "$284 billion", and "$284 billion" fits "more than $284 billion")
    bounds = {v.removesuffix("..") for v in values}
    return [c for c in own if c.value in values or c.value.removesuffix("..") in bounds
            or (figures and written_figure(c) in figures)]


def _days_unread(ctx: StoryContext, aid: str) -> bool:
    """Whether an article tells a day in words nothing resolved ("last night", "yesterday",
    "Tuesday" in a report with no publication date, "a day after" another happening),
    outside its page furniture."""
    rec = ctx.analyzed[aid]
    ex = rec.extraction
    return any((t.type in ("DATE", "TIME") and (t.value is None or t.value.startswith("XXXX"))
                or counts_from_a_moment(rec.article.text, t))
               and overlaps(ex.nonbody, t.start, t.end) is None for t in ex.times)


TELLS_SHARE, TELLS_MIN = 0.6, 4  # of a fact line's content words a sentence telling it has


def _tells(fact: Fact, sentences: Sequence[tuple[frozenset[str], set[str]]]) -> bool:
    """Whether one of an article's sentences (their content stems and their lemmas) tells
    what a fact's line tells in other words: it has ``TELLS_SHARE`` of the line's content
    words (at least ``TELLS_MIN`` of them) and every word the fact's key is made of, as a
    lemma or a noun ("jewel" of "amount:jewel", "arrest" and "man" of "count:arrest/man": a
    sentence on the same gallery that tells no arrest does not state the arrests)."""
    line = content_stems(without_credit(fact.statement.replace(DISPUTED, "")))
    if len(line) < TELLS_MIN:
        return False
    key = fact.slot.partition(":")[2].partition("@")[0].partition("#")[0]
    parts = [p.split()[0] for p in key.removeprefix("person:").split("/")
             if p.strip() and p != "-" and not p.startswith("~")]  # fmt: skip
    for bag, lemmas in sentences:
        if len(line & bag) < TELLS_SHARE * len(line):
            continue
        if all(part in lemmas or any(_names_noun(w, part) for w in bag) for part in parts):
            return True
    return False


def stated_by(ctx: StoryContext) -> Callable[[str, Fact], bool]:
    """``states(article, fact)``: whether an article gives a fact's value in a claim of its
    own, however the parse keyed it ("after setting out at 9:10 a.m." states the agreed "the
    ferry left at 9:10 a.m."): an outlet that states a fact does not leave it out, even where
    its wording kept it out of the agreed group. Who said something is stated by carrying
    the same words, whoever they are credited to, or by printing them where no quote was
    read. A figure (or a year: "born on May 2, 1951" gives "born in 1951") is stated by an
    outlet that writes it anywhere, in digits or words ("medics treated 32 spectators"
    gives the agreed "at least 30 people were hurt"):
    saying an outlet leaves a fact out is a strong claim, so a figure it writes is taken as
    given, and so is a day by an outlet that tells its days in words nothing resolves ("last
    night" in a report with no publication day), and a place by an outlet that names it. A
    fact is also stated by a sentence that tells what its line tells in other words
    (``_tells``): "jewels worth 30 million pounds were taken" states "thieves took jewels
    worth $40 million", which the outlet's own figure may only disagree with. A fact's
    values and an article's quotes are read once."""
    values: dict[Fact, set[str]] = {}
    bags: dict[str, list[tuple[frozenset[str], set[str]]]] = {}  # per article, each sentence's
    # content stems and lemmas
    figures: dict[Fact, list[tuple[float, float]]] = {}  # per fact: the values it allows
    written: dict[str, set[float]] = {}  # per article: the numbers it writes
    words: dict[Fact, list[tuple[tuple[str, ...], bool]]] = {}
    quoted: dict[str, list[tuple[tuple[str, ...], bool]]] = {}  # per article
    printed: dict[str, list[tuple[str, ...]]] = {}  # per article: its words, its sentences'
    clocks: dict[str, set[int]] = {}  # per article: the minutes of the day it writes
    ordinals: dict[str, set[float]] = {}  # per article: the ordinals it writes
    unread: dict[str, bool] = {}  # per article: it tells a day nothing resolved
    pages: dict[str, str] = {}  # per article: its title and text, as a reader reads them

    def page(aid: str) -> str:
        if aid not in pages:
            rec = ctx.analyzed[aid].article
            pages[aid] = f"{rec.title or ''}\n{rec.text}"
        return pages[aid]

    def states(aid: str, fact: Fact) -> bool:
        if fact.slot.startswith("speaker:"):
            if fact not in words:
                words[fact] = _quoted(ctx, fact)
            if aid not in quoted:
                quotes = ctx.analyzed[aid].extraction.quotes
                quoted[aid] = [(own, q.kind == "indirect") for q in quotes
                               for own in _wordings(q)] + _split_utterances(quotes)
            if any(same_utterance(w, own, said or indirect)
                   for w, said in words[fact] for own, indirect in quoted[aid]):
                return True
            # ... or prints the words where the extraction read no quote (a quote running
            # over several paragraphs, marked as some styles mark it): words quoted as said
            # are given by a text that carries them in order, or a sentence of them
            if aid not in printed:
                printed[aid] = [quote_tokens(ctx.analyzed[aid].article.text)] + [
                    t for x in ctx.sentences.get(aid, ())
                    if len(t := quote_tokens(x.text)) >= PRINTED_MIN]
            return any(same_utterance(w, own) for w, said in words[fact] if not said
                       for own in printed[aid])
        if fact not in values:
            values[fact] = {p.claim.value for p in _placed_of(ctx, fact)}
        attribute = fact.slot.partition(":")[0]
        if _giving(ctx, aid, attribute, values[fact]):
            return True
        if aid not in bags:
            bags[aid] = [(ctx.stems(aid, x.start, x.end), ctx.lemmas(aid, x.start, x.end))
                         for x in ctx.sentences.get(aid, ())]
        if _tells(fact, bags[aid]):
            return True
        if attribute == "date":
            if aid not in unread:
                unread[aid] = _days_unread(ctx, aid)
            if unread[aid]:
                return True  # "last night" with no publication day: which day is not known
        if attribute == "place":  # a place it names anywhere, in a sentence of its own
            # wording ("cables on the floor of the Sea of Velk failed")
            return any(_names_place(page(aid), v) for v in values[fact])
        if attribute == "rank":  # the ordinal it writes, in digits or words ("seventh")
            if fact not in figures:
                figures[fact] = [(p.claim.low, p.claim.low) for p in _placed_of(ctx, fact)
                                 if p.claim.low is not None]
            if aid not in ordinals:
                ordinals[aid] = _ordinals_written(page(aid))
            return any(low in ordinals[aid] for low, _ in figures[fact])
        if attribute == "time":  # a clock time it writes, a witness's words included
            if fact not in figures:  # (the minutes each of the fact's claims allows)
                figures[fact] = [(p.claim.low, p.claim.high) for p in _placed_of(ctx, fact)
                                 if p.claim.low is not None and p.claim.high is not None]
            if aid not in clocks:
                clocks[aid] = _clocks_written(page(aid))
            return any(low <= m <= high for low, high in figures[fact] for m in clocks[aid])
        if attribute not in FIGURES and attribute != "year":  # (a year: "born on May 2, 1951")
            return False
        if fact not in figures:  # (an open bound reaches OPEN_REACH past it: "more than 50";
            placed = _placed_of(ctx, fact)  # "dozens" is too wide)
            bounds = [(p.claim.low, p.claim.high or p.claim.low * OPEN_REACH)
                      for p in placed if p.claim.low is not None and p.attribute != "measure"]
            # a measure is kept in base units; the figure its words write is what an outlet
            # would write too ("an 86-yard run" is kept as 78.6 m)
            bounds += [(v, v) for p in placed if p.attribute == "measure"
                       for v in _figures_written(p.claim.text)]
            figures[fact] = [(lo, hi) for lo, hi in bounds if hi <= lo * OPEN_REACH]
        if aid not in written:
            written[aid] = _figures_written(page(aid))
        return any(low <= x <= high for low, high in figures[fact] for x in written[aid])

    return states


_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:-[A-Za-z]+)?")


def _ordinals_written(text: str) -> set[float]:
    """The ordinals a text writes, in digits or words ("7th", "seventh", "twenty-first")."""
    return {float(n) for m in _ORDINAL.finditer(text) if (n := parse_ordinal(m[0])) is not None}


_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b|[A-Za-z]+(?:-[A-Za-z]+)?")


def _names_place(text: str, place: str) -> bool:
    """Whether a text names a place ("the Sea of Velk" in "... off the Sea of Velk coast"),
    its words in order, whatever their case and spacing."""
    words = re.sub(r"^the\s+", "", place.strip(), flags=re.IGNORECASE).split()
    if not words:
        return False
    return re.search(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", text,
                     re.IGNORECASE) is not None


def _figures_written(text: str) -> set[float]:
    """The numbers a text writes, in digits or in words ("seven", "1,200", "twenty-one",
    "two million", "\u20ac2m"), each word alone too: an outlet that writes a fact's figure,
    in whatever words, is not said to leave it out."""
    alone = {v for m in _FIGURE.finditer(text) if (v := parse_number(m[0])) is not None}
    return alone | written_values(text)


_WRITTEN_TIME = re.compile(r"\b(\d{1,2})(?::(\d\d)|\.(\d\d)(?=\s*[ap]\.?\s*m\b))"
                           r"(?:\s*([ap])\.?\s*m\b)?", re.IGNORECASE)


def _clocks_written(text: str) -> set[int]:
    """The minutes of the day the clock times a text writes may be ("5:52", "6.10am",
    "10:30 p.m."): both halves of the day when it does not say which."""
    out: set[int] = set()
    for m in _WRITTEN_TIME.finditer(text):
        hour, minute = int(m[1]), int(m[2] or m[3])
        if hour <= 23 and minute <= 59:
            out |= day_minutes(hour, minute, m[4])
    return out


def _split_utterances(quotes: Sequence[Quote]) -> list[tuple[tuple[str, ...], bool]]:
    """The words of each utterance an outlet splits around its one mention of the speaker
    ("'He was unresponsive,' the doctor told reporters, 'just a disaster.'"), joined."""
    return [(tuple(w for q in group for w in quote_tokens(q.text)), False)
            for group in utterances([q for q in quotes if q.kind != "indirect"])
            if len(group) > 1]


def _wordings(q: Quote) -> list[tuple[str, ...]]:
    """A quote's words, and for a mixed quote also the words in its marks: the speaker's
    own ('said her heart "all but stopped" at the sight')."""
    marked = [q.text[m.start : m.end] for m in find_marked(q.text)] if q.kind == "mixed" else []
    return [quote_tokens(q.text), *(quote_tokens(t) for t in marked)]


def _quoted(ctx: StoryContext, fact: Fact) -> list[tuple[tuple[str, ...], bool]]:
    """The words of the quotes a speaker fact cites, each with whether it is reported
    speech (which only near-identical wording matches): the quotes of its utterance (those
    that open with its first words, and the parts of them), not another that shares their
    sentence; for a citation of a quote's later sentence, the words it cites of it."""
    cited = [(quote_tokens(q.text), q.kind == "indirect") for c in fact.citations
             for q in ctx.analyzed[c.article].extraction.quotes
             if c.start <= q.start < c.end]  # fmt: skip
    if not cited:  # a citation of a quote's later sentence: the words it cites of it
        cited = [(quote_tokens(ctx.text(c.article)[max(q.start, c.start) : min(q.end, c.end)]),
                  q.kind == "indirect") for c in fact.citations
                 for q in ctx.analyzed[c.article].extraction.quotes
                 if q.start < c.end and c.start < q.end]  # fmt: skip
    first = quote_tokens(fact.slot.partition(":")[2])  # the utterance's first words

    def opens(w: tuple[str, ...]) -> bool:
        return (w[1:] if w[:1] == ("that",) else w)[: len(first)] == first

    # (the first words are the longest wording's, which may be an outlet's it does not
    # cite: "[ANA] would like to ...")
    key = [w for w, _ in cited if opens(w)] or [w for w, _ in cited]
    return [(w, said) for w, said in cited
            if any(same_utterance(w, k, said) for k in key)]


def _told_elsewhere(ctx: StoryContext, fact: Fact) -> list[Cite]:
    """The sentences in which other outlets give a single-source fact's uncommon value in
    their own words ("was a first-round pick in 2012" beside "was drafted in 2012"): then
    it is no fact only one outlet reports, but one they agree on. Only exact figures of
    ``AGREE_MIN`` or more (four dead in one crash are no four dead in another; "hundreds"
    of officers at one funeral are no "hundreds" at another) of one thing
    (``_of_one_thing``), clock times off the quarter hours (a vigil and a march may both
    start at 7 p.m.), and a day only with the same act (``_day_told_elsewhere``)."""
    attribute = fact.slot.partition(":")[0]
    if attribute == "date":
        return _day_told_elsewhere(ctx, fact)
    if attribute not in (*FIGURES, "time", "year"):
        return []
    mine = [p for p in _placed_of(ctx, fact) if (c := p.claim).low is not None
            and (_specific_time(c) if attribute == "time" else (
                (c.low == c.high or (c.high is None and attribute in FIGURES)
                 or _distinct(written_figure(c)))
                and c.low >= AGREE_MIN))]  # fmt: skip
    if not mine:
        return []
    values = {p.claim.value for p in mine}
    figures = {f for p in mine if (f := written_figure(p.claim)) is not None and _distinct(f)}
    own = {ctx.group[c.article] for c in fact.citations}
    return [ctx.sentence_cite(aid, given[0].start) for aid in ctx.analyzed
            if ctx.group[aid] not in own
            and (given := [c for c in _giving(ctx, aid, attribute, values, figures)
                           if any(_of_one_thing(m, Placed(c, aid, fact.event, c.key,
                                                          ctx.sentence_cite(aid, c.start)))
                                  for m in mine)])]  # fmt: skip


DISTINCT_DIGITS = 3  # "318,600", "7.3 million": a figure this specific is no coincidence


def written_figure(c: Claim) -> float | None:
    """The figure a count, sum or measure is written with: its value, the middle of an
    "about" ("some 318,600" reads 286,740..350,460), the bound of "more than"; None for a
    range written as one ("between 10 and 20")."""
    if c.low is None:
        return None
    if c.high is None or c.low == c.high:
        return c.low
    # ("hundreds" is approximate too, but gives no figure)
    return (c.low + c.high) / 2 if "approx" in c.qualifiers and re.search(r"\d", c.text) \
        else None


def _distinct(figure: float | None) -> bool:
    """Whether a figure has ``DISTINCT_DIGITS`` significant digits or more ("318,600",
    "1,173", "7.3 million"; not "140", "2,300"): two outlets giving it tell one fact,
    whatever noun each counts it with."""
    if figure is None or figure != figure:
        return False
    digits = re.sub(r"\D", "", f"{abs(figure):.12g}".split("e")[0]).strip("0")
    return len(digits) >= DISTINCT_DIGITS


def _of_one_thing(p: Placed, q: Placed) -> bool:
    """Whether two claims that give one uncommon value may tell one fact: figures not of
    two doers or things as their qualifiers and sentences name them ("$152 million" cut
    from a tax bill / paid for a stake in Velk Media), counts, sums and measures of one unit (8 runs
    are no 8 hits), the age of one person or noun (two people of 36 are two facts), a year
    of one thing the sentences share words of (``YEAR_SHARED``), a year or time bound alike
    ("since 2019" is no "in 2019"). A minute off the quarter hours is specific enough on
    its own. The dead or the hurt are counted by their own verb: five trapped are not five
    dead (1.2 million customers "exposed" and "affected" may be one figure)."""
    a, b = p.claim, q.claim
    if a.attribute in FIGURES and (doers_or_things_apart(p, q) or _told_apart(p, q, None)):
        return False
    if _casualties_apart(p, q):
        return False  # five dead are not five trapped
    if a.attribute in ("count", "amount", "measure"):
        # one distinct figure is one fact whatever noun counts it ("318,600 shell companies"
        # / "318,600 shipping entities"); a round one may count two things
        return a.unit == b.unit or (a.attribute == "count" and _distinct(written_figure(a))
                                    and written_figure(a) == written_figure(b))
    if a.attribute == "age":
        return a.key == b.key
    if a.attribute in ("year", "time") and a.key.partition("/")[2] != b.key.partition("/")[2]:
        return False  # "founded in 2019" / "called 20 times since 2019"
    if a.attribute == "year":
        return len(set(a.context) & set(b.context)) >= YEAR_SHARED
    return True


def _casualties_apart(p: Placed, q: Placed) -> bool:
    """Whether two counts are of two groups because one counts the dead or the hurt (the
    moving kill/injure keys) and the other another verb: six riders who died are not six
    riders freed from under the cabin, however one figure joins them."""
    return (p.attribute == "count" and (p.key.startswith(MOVING) or q.key.startswith(MOVING))
            and key_verb(p.key) != key_verb(q.key))


def _agreed_elsewhere(ctx: StoryContext, fact: Fact, others: Sequence[Cite]) -> Fact:
    """A single-source fact that other outlets give in their own words (``others``), as the
    fact they agree on."""
    cites = _in_order(ctx, (*fact.citations, *others))
    return replace(fact, citations=cites, sources=ctx.sources_of(c.article for c in cites))


def _add_agreed(ctx: StoryContext, agreed: list[Fact], fact: Fact) -> None:
    """Add a fact other outlets give in their own words to the agreed ones, or to the one
    of its value that already cites one of its sentences ("5 people were left pinned" and
    "... to free five people pinned" each cite the other), or to one of its kind that cites
    the very same sentences ("some 318,600 shell companies" / "around 318,600 entities"):
    one line per fact."""
    attribute = fact.slot.partition(":")[0]
    cited = {(c.article, c.start) for c in fact.citations}
    for i, f in enumerate(agreed):
        theirs = {(c.article, c.start) for c in f.citations}
        if f.slot.partition(":")[0] == attribute and (
                (f.value == fact.value and cited & theirs)
                or (cited == theirs and _one_distinct_figure(f.value, fact.value))):  # fmt: skip
            agreed[i] = _agreed_elsewhere(ctx, f, fact.citations)
            return
    agreed.append(fact)


def _one_distinct_figure(a: str, b: str) -> bool:
    """Whether two values are written with one distinct figure ("some 318,600" / "around
    318,600"; not "$3 billion" / "more than $3 billion": a round figure says less)."""
    digits = re.sub(r"\D", "", a)
    return bool(digits) and digits == re.sub(r"\D", "", b) and _distinct(float(digits))


def _day_told_elsewhere(ctx: StoryContext, fact: Fact) -> list[Cite]:
    """The sentences in which other outlets give a single-source day with the same act: a
    sentence of its own that gives the day and tells the fact's verb ("the flight left at 8:26 a.m.
    on Tuesday, then returned at 6:03 p.m." beside "the jet returned on Tuesday"), not of
    another doer or thing as the claims' qualifiers name them. Only whole days (many things
    of a story happen in its month) and no light verb ("were on the flight on Tuesday"
    says little of what happened)."""
    key = fact.slot.partition(":")[2]
    if light_key(key) or "/" in key or key.startswith("say"):
        return []  # (a bound "by Wednesday" dates no act; a statement's day is its own)
    mine = [p for p in _placed_of(ctx, fact)
            if _DAY.fullmatch(p.claim.value) and not p.has("light")]
    verb, days = key_verb(key), {p.claim.value for p in mine}
    own = {ctx.group[c.article] for c in fact.citations}
    out = []
    for aid in ctx.analyzed:
        if ctx.group[aid] in own:
            continue
        for c in ctx.analyzed[aid].extraction.claims:
            if (c.attribute == "date" and c.value in days and verb in c.context
                    and "/" not in c.key and not c.key.startswith("say")):
                other = Placed(c, aid, fact.event, c.key, ctx.sentence_cite(aid, c.start))
                if not any(doers_or_things_apart(p, other) for p in mine):
                    out.append(other.cite)
                    break
    return out


def _lead_day(cl: Sequence[Placed]) -> bool:
    """Whether claims are the day a report leads with: the happening's day."""
    return any(p.attribute == "date" and p.has("lead") for p in cl)


def _fact(ctx: StoryContext, slot: str, cl: Sequence[Placed]) -> Fact:
    """The fact the claims ``cl`` state, on the event most of them are of."""
    value = _value(cl)
    events = Counter(p.event for p in cl)
    event = max(sorted(events, key=str), key=lambda e: events[e])
    said = _statement(cl, value, slot)
    return Fact(slot, event, value, _cites(ctx, cl), ctx.sources_of(p.article for p in cl),
                said + _other_figures(ctx, cl, value, said))


def _other_figures(ctx: StoryContext, cl: Sequence[Placed], value: str, said: str) -> str:
    """The other figures of a group of counts or sums that fit together, with who gave
    them: " (at least 50: North Star)" after "59 people were killed". A reader is told
    each outlet's figure, not only the one shown; a line told in its sentence's own words
    shows that sentence's figure, which may not be ``value`` ("broke into several pieces",
    the fact's figure "as many as 20"): the note gives every figure the line does not."""
    if cl[0].attribute not in ("count", "amount", "measure"):
        return ""
    given: dict[str, list[str]] = defaultdict(list)
    named: dict[str, str] = {}  # a count's figure with what it counts: "4 villages", not "4"
    for p in cl:
        v = value_words(p.claim)
        given[v].append(p.article)
        noun = (counted(p.claim) or plural(p.key.partition("@")[0].rpartition("/")[2])
                if p.attribute == "count" else "")  # fmt: skip
        named.setdefault(v, f"{v} {noun}" if noun and noun.casefold() not in v.casefold()
                         else v)  # fmt: skip
    shown = {v for v in given if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", said)}
    shown = shown or {value}
    return figures_note([(named[v], ctx.sources_of(given[v], True)) for v in sorted(given)
                         if v not in shown])


def _specific_time(c: Claim) -> bool:
    """Whether a clock time is specific enough to tell one happening: off the quarter hours,
    exact or "about" it ("6.10am", "at about 6.10am"; not "7 p.m.", "about 6am", nor
    "shortly after 10 p.m.", a half hour)."""
    if c.low is None or c.high is None or c.high - c.low > 2 * CLOCK_ABOUT:
        return False
    return ((c.low + c.high) / 2) % CLOCK_ROUND != 0


def _one_value_two_verbs(ctx: StoryContext, lone: list[tuple[str, list[Placed]]],
                         faint: Sequence[tuple[str, list[Placed]]] = ()
                         ) -> list[tuple[str, list[Placed]]]:  # fmt: skip
    """Lone facts, with one specific value that two sources give with two verbs joined into
    one: the exact count of one named group ("two brothers who booked seats" / "involved two
    brothers"), one exact sum ("cut its tax bill by $152 million" / "saved it $152 million"),
    a clock time off the quarter hours ("departed at 8:26 a.m." / "took off at
    8:26 a.m."), the day of one event that two reports lead with ("hit a pier on Sunday" /
    "the accident happened late Sunday"), or how many people there were, told with two light
    verbs ("had 212 people on board" / "there were 212 people aboard"; ``AGREE_MIN`` or more).
    Not a person's generic noun with a verb that says what befell them ("2 people" killed,
    arrested), not a round hour (a vigil and a march may both start at 7 p.m.), not two named
    doers, not two groups ("four congregants" / "four relatives"), not a plan or expectation
    and what happened ("were expected to drop their coach after three losing seasons" / "a
    revival that lasted three seasons"). ``faint`` facts (claims with nothing to say what
    they are about) join too, but stand only when two sources give them, and a count of
    theirs only from ``AGREE_MIN`` ("within two outs" / "needed two outs" may be two
    innings)."""
    def countable(p: Placed, faint: bool) -> bool:
        low = p.claim.low
        if faint and p.attribute == "count" and (low or 0) < AGREE_MIN:
            return False
        if p.attribute == "time":
            return _specific_time(p.claim)
        if p.attribute == "date":
            return p.has("lead")
        if p.attribute == "amount":  # one exact sum ("$152 million"), not a rate ("a share")
            return (low is not None and low == p.claim.high and low >= AGREE_MIN
                    and "/per " not in p.key)  # fmt: skip
        if (p.claim.unit or "") in PERSON_NOUNS:
            return (p.attribute == "count" and low == p.claim.high and light_key(p.key)
                    and (low or 0) >= AGREE_MIN)  # fmt: skip
        return p.attribute == "count" and low == p.claim.high and (low or 0) >= 2

    facts = [*lone, *faint]
    same_value: dict[tuple[str, str | None, str], list[int]] = defaultdict(list)
    for i, (_, cl) in enumerate(facts):
        if countable(p := cl[0], i >= len(lone)):
            same_value[(p.attribute, p.claim.unit, p.claim.value)].append(i)
    sets = UnionFind()
    doers: dict[str, set[str]] = {}
    for ids in same_value.values():
        for k, i in enumerate(ids):
            p = facts[i][1][0]
            for j in ids[:k]:
                q = facts[j][1][0]
                # (an exact minute, count of one named group or sum is one of the story
                # whichever event holds it: one happening's reports may sit in two events
                # when they date it apart; one dated to another year is another; a day is
                # its event's)
                if ((p.event == q.event and p.event is not None or p.attribute == "time"
                     or _year_of(p) == _year_of(q) and p.attribute != "date")
                        and ctx.group[p.article] != ctx.group[q.article]
                        and p.has("future") == q.has("future")  # a plan is not what happened
                        and not named_apart(p, q) and not doers_or_things_apart(p, q)
                        and not _told_apart(p, q, None) and not _casualties_apart(p, q)):
                    _join_one_doer(sets, doers, (str(i), _doers(facts[i][1])),
                                   (str(j), _doers(facts[j][1])))
    parts: dict[str, list[int]] = defaultdict(list)
    for i in range(len(facts)):
        parts[sets.find(str(i))].append(i)
    return [(facts[ids[0]][0], [p for i in ids for p in facts[i][1]]) for ids in parts.values()
            if ids[0] < len(lone) or ctx.n_sources(p.article for i in ids
                                                     for p in facts[i][1]) >= 2]  # fmt: skip


def _letters(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def shows_sentence(statement: str, sentence: str) -> bool:
    """Whether ``statement`` is its cited sentence told whole (``statements.in_own_words``:
    its words, a date in words beside a day), not a statement built from its parts, however
    long ("The ferry capsized off Kelby Point on Thursday 3 June 2032" is not "Four people
    drowned when a ferry capsized off Kelby Point on June 3")."""
    bare = re.sub(r"\s\([^()]*\)", "", statement)  # the dates in words beside the days
    return _letters(sentence) in (_letters(bare), _letters(statement))


def shown_citation(ctx: StoryContext, fact: Fact) -> Cite | None:
    """The citation whose sentence a line tells whole (``shows_sentence``), or None when
    the line is a statement built from parts."""
    return next((c for c in fact.citations if c.article in ctx.analyzed and shows_sentence(
        fact.statement, ctx.text(c.article)[c.start : c.end])), None)


COUNTED_WORDS = 6  # words at most that name a left-out figure ("up to four outboard motors")
# what a figure counts: the words after it up to a clause break or a list's "and"
_COUNTED = re.compile(r"[^,;:.()\n\u2014\u2013]*?"
                      r"(?=\s+(?:and|or|but|while)\b|[,;:.()\n\u2014\u2013]|$)")


def left_out_words(ctx: StoryContext, fact: Fact) -> str:
    """How an outlet's framing names an agreed fact it leaves out: the fact's statement;
    but a figure told by its whole sentence, which says more than the figure ("In the stalls
    they found seven parrots, three tortoises and four cages"), by the words that write it
    and what they count ("seven parrots"): told whole, the line reads as if the outlet
    missed every figure of the sentence, those it gives too. The agreed line's marks of a
    disputed value stay on the agreed line."""
    line = without_credit(fact.statement.replace(DISPUTED, "")) or f"{fact.slot}: {fact.value}"
    if fact.slot.partition(":")[0] not in FIGURES or shown_citation(ctx, fact) is None:
        return line
    p = next(iter(_placed_of(ctx, fact)), None)
    if p is None:
        return line
    tail = _COUNTED.match(ctx.text(p.article)[p.claim.end : p.claim.end + 80])
    counted = (p.claim.text + (tail[0] if tail else "")).split()
    # ... ending at the noun its key counts ("two boats", not "two boats were towing
    # stranded passengers"), else at a clause break; words cut off anywhere else ("$9m in
    # what the police called") would not read, so the line is told whole
    noun = p.key.partition("@")[0].rpartition("/")[2]
    end = next((i for i, w in enumerate(counted[:COUNTED_WORDS])
                if i and _names_noun(w, noun)), None)  # fmt: skip
    if end is not None:
        return " ".join(counted[: end + 1])
    return " ".join(counted) if 1 < len(counted) <= COUNTED_WORDS else line


def _names_noun(word: str, noun: str) -> bool:
    """Whether a written word is the key's noun ("buildings" for "building" or "build",
    "people" for "person")."""
    w = stem(word.strip(".,;:'\u2019\"").casefold())
    if noun == "person":
        return w in ("people", "person")
    short, long_ = sorted((w, noun), key=len)
    return w == noun or (len(short) >= 4 and long_.startswith(short))


def _credited(ctx: StoryContext, fact: Fact) -> Fact:
    """An agreed line told in one outlet's sentence whole, with the other outlets it cites
    credited with the value alone: "By Sunday night rescuers had pulled 14 cars from the
    river, the county said. (Outlet A also gives 14 cars)", when Outlet A gave the cars and
    nothing else of that sentence (a count names what it counts). Copies of the sentence
    need no note; an outlet the line already names (a figure of its own) is not named
    again."""
    def sentence(c: Cite) -> str:
        return ctx.text(c.article)[c.start : c.end]

    shown = shown_citation(ctx, fact)
    if shown is None:
        return fact
    others = [c for c in fact.citations
              if ctx.group[c.article] != ctx.group[shown.article]
              and not shows_sentence(fact.statement, sentence(c))]
    attribute = fact.slot.partition(":")[0]

    def written(c: Cite) -> str:
        """The value as the outlet of ``c`` wrote it: its sentence's one claim of the
        fact's kind, or the one written with the line's distinct figure ("more than $910
        million" where the line says "$910 million"; "some 318,600 companies" where it says
        "around 318,600 entities"), a count with its own noun; else the fact's value."""
        own = [x for x in ctx.claims_in(c) if x.attribute == attribute]
        if len(own) > 1:
            own = [x for x in own if _one_distinct_figure(value_words(x), fact.value)]
        if len(own) != 1:
            return fact.value
        # (a count of another noun than the line's names its own: "318,600 companies")
        other = attribute == "count" and own[0].unit != fact.slot.partition("/")[2]
        return f"{value_words(own[0])} {counted(own[0]) if other else ''}".strip()

    by_value: dict[str, list[str]] = defaultdict(list)
    for c in others:
        by_value[written(c)].append(c.article)
    notes = ""
    for value, articles in sorted(by_value.items(), key=lambda kv: kv[0] != fact.value):
        names = [n for n in ctx.sources_of(articles, True) if n not in fact.statement]
        if not names:
            continue
        noun = next((counted(c) for c in ctx.claims_in(shown) if c.attribute == "count"
                     and attribute == "count" and value_words(c) == value), "")
        notes += credit_note(f"{value} {noun}" if noun else value, names)
    return replace(fact, statement=fact.statement + notes) if notes else fact


def _one_line_per_sentence(ctx: StoryContext, facts: list[Fact]) -> list[Fact]:
    """Facts with the same citations listed once each: a repeated statement is dropped,
    and where one of them shows its sentence whole, the sentence says all of their values
    and stands alone (in its own place in the ranking)."""
    keep: set[int] = set()
    for cites, members in _by_citations(facts).items():
        sentences = [ctx.text(aid)[start:end] for aid, start, end in cites]
        whole = [i for i in members
                 if any(shows_sentence(facts[i].statement, s) for s in sentences)]
        if whole:
            keep.add(whole[0])
            continue
        seen: set[str] = set()
        for i in members:
            if facts[i].statement not in seen:
                seen.add(facts[i].statement)
                keep.add(i)
    return _no_line_within_another([f for i, f in enumerate(facts) if i in keep])


def _by_citations(facts: list[Fact]) -> dict[tuple[tuple[str, int, int], ...], list[int]]:
    """The positions of ``facts`` by the spans they cite (facts told by the same sentences)."""
    groups: dict[tuple[tuple[str, int, int], ...], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        groups[tuple((c.article, c.start, c.end) for c in f.citations)].append(i)
    return groups


def _no_line_within_another(facts: list[Fact]) -> list[Fact]:
    """Facts without those whose statement another of the same citations says with more
    words: "4 people were released" beside "Four people were released on Wednesday 12 June
    2030"; "A barge struck a bridge on Tuesday" beside the same with "(11 June 2030)"."""
    drop: set[int] = set()
    for members in _by_citations(facts).values():
        said = {i: _plain_words(facts[i].statement) for i in members}
        for i, words in said.items():
            if any(j != i and j not in drop and (len(other), j) > (len(words), i)
                   and _within(words, other) for j, other in said.items()):  # fmt: skip
                drop.add(i)
    return [f for i, f in enumerate(facts) if i not in drop]


def _plain_words(statement: str) -> list[str]:
    """A statement's words, case-folded, a number word as its digits ("Four" is "4")."""
    words = re.findall(r"[\w$]+(?:[.,]\d+)*", statement.casefold())
    return [number_words(n) if w not in ("a", "an") and not w[:1].isdigit()
            and (n := parse_number(w)) is not None else w for w in words]


def _within(words: list[str], other: list[str]) -> bool:
    """Whether ``words`` appear in ``other`` in their order (other words between them)."""
    rest = iter(other)
    return all(w in rest for w in words)


def _year_of(p: Placed) -> str:
    """The year a count's key dates it to ("kill/person@2015"), or "" for the story's own."""
    return p.key.partition("@")[2]


def importance(slot: str) -> int:
    """0 for the most important kind of fact (the dead), up to len(IMPORTANCE). A day or a
    time told by a verb of being or having dates a state ("is alive today", "was open on
    Sunday"), not what happened: it ranks with the other counts and states, after the
    core."""
    attribute, _, key = slot.partition(":")
    if attribute in ("date", "time") and key_verb(key) in STATE_VERBS:
        return IMPORTANCE.index("count:")
    for i, prefix in enumerate(IMPORTANCE):
        if slot.startswith(prefix):
            return i
    return len(IMPORTANCE)


def of_the_dead_or_hurt(slot: str) -> bool:
    """Whether a fact is of the kind ranked first, the dead and the hurt."""
    return importance(slot) < IMPORTANCE.index("date:")


def _rank(ctx: StoryContext) -> Callable[[str, str | None], tuple[int, int]]:
    ids = [e.id for e in ctx.events]

    def rank(slot: str, event: str | None) -> tuple[int, int]:
        return (importance(slot), ids.index(event) if event in ids else len(ids))

    return rank


__all__ = ["classify_claims", "compatible", "importance", "of_the_dead_or_hurt", "shows_sentence",
           "shown_citation"]
