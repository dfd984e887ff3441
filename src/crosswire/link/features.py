"""Per-article features the linker keeps: term counts, salient entities, dates, main event.

Everything here is computed once per article from its ``Analyzed`` record and stored in the
``LinkState`` as plain JSON data, so later batches never re-extract old articles. Weights
(IDF) are *not* stored: term counts are, and weights are computed from the corpus statistics
at scoring time.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from ..config import LinkConfig
from ..extract.claims import after_place_word
from ..extract.dates import publication_day, texts_dateline
from ..extract.dates.resolve import value_to_date
from ..extract.furniture import dateline_city, headline_of, overlaps
from ..extract.spans import headline_end
from ..records import Analyzed, Cite, Sentence, TimeRef
from ..words import STOP, WORD, in_writers_voice, span_words, stem

WHO_LABELS = frozenset({"PERSON", "ORG"})
WHERE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LINK_LABELS = WHO_LABELS | WHERE_LABELS | frozenset({"EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")



def day_number(value: str | None) -> int | None:
    """Proleptic ordinal of an ISO date/datetime (day precision), else None."""
    if not value:
        return None
    m = _DAY.match(value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).toordinal()
    except ValueError:
        return None


def day_iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day is not None else None


def entity_key(canonical: str) -> str:
    return " ".join(canonical.lower().split())


# Where an article writes a date, kept in the features and on events. Tuples, so they save as
# JSON lists (``[article, start, end]``...) and sort as the lists they replace did.
class DateCite(NamedTuple):
    """The words that give an article's main event date: article id and character offsets."""

    article: str
    start: int
    end: int

    def cite(self) -> Cite:
        return Cite(self.article, self.start, self.end)


class DayMention(NamedTuple):
    """A day the article names besides its main event's (day ordinal), and where."""

    day: int
    article: str
    start: int
    end: int


class PeriodMention(NamedTuple):
    """A month or week the article names as background: its first and last day ordinals,
    and where."""

    first: int
    last: int
    article: str
    start: int
    end: int


@dataclass(slots=True)
class ArticleFeatures:
    """What the linker remembers about one article (JSON-ready via ``to_json``)."""

    id: str
    title: str
    published: str | None
    pub_day: int | None
    tf: dict[str, float]  # term -> (lead-weighted) count; entities as "@name"
    who: list[str]  # salient PERSON/ORG/NORP canonicals (lower-cased)
    where: list[str]  # salient GPE/LOC/FAC canonicals (lower-cased)
    event_day: int | None  # main event date (day ordinal), None when unknown
    event_value: str | None  # ISO value written on the event (may be coarser than a day)
    event_cites: list[DateCite] = field(default_factory=list)  # where the event date is
    place: str | None = None  # main place (canonical as written)
    mentions: list[DayMention] = field(default_factory=list)  # other days named, by day
    vec: dict[str, float] = field(default_factory=dict)  # unit TF-IDF at linking time (top terms)
    lead: dict[str, float] = field(default_factory=dict)  # headline + opening terms (events)
    periods: list[PeriodMention] = field(default_factory=list)  # background months/weeks
    years: list[int] = field(default_factory=list)  # the year(s) the article is about
    lead_places: list[str] = field(default_factory=list)  # places in the headline/1st sentence
    # no headline, and the first sentence standing for one is in the writer's own voice ("I
    # reported yesterday ..."): a story takes its title from another report when it can
    title_voiced: bool = False

    @property
    def day(self) -> int | None:
        """The article's date for WHEN scoring: event date, else publication date."""
        return self.event_day if self.event_day is not None else self.pub_day

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data: the positional records become lists."""
        out = {f: getattr(self, f) for f in self.__slots__}
        for f in _RECORD_LISTS:
            out[f] = [list(r) for r in out[f]]
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArticleFeatures:
        """From ``to_json`` output (or a row saved before the records had names: the same
        lists)."""
        rows = {f: [make(r) for r in data.get(f, ())] for f, make in _RECORD_LISTS.items()}
        return cls(**{**data, **rows})


_RECORD_LISTS = {"event_cites": DateCite._make, "mentions": DayMention._make,
                 "periods": PeriodMention._make}


def body_sentences(item: Analyzed) -> tuple[Sentence, ...]:
    """The sentences that carry the report: not the headline line, not a dateline or other
    fragment of under four words ("PORT ALDER \u2014"), which the parser keeps apart."""
    title_end = headline_end(item.article.text, item.article.title)
    body = tuple(s for s in item.extraction.sentences
                 if s.start >= title_end and len(s.text.split()) >= 4)  # fmt: skip
    return body or item.extraction.sentences


def _lead_end(item: Analyzed, n_sentences: int) -> int:
    sents = body_sentences(item)
    if len(sents) >= n_sentences:
        return sents[n_sentences - 1].end
    if sents:
        return sents[-1].end
    return min(len(item.article.text), 400)


def _term(w: str) -> str | None:
    """The index term of one word, None for stop words and very short words."""
    if len(w) < 3 or w.lower() in STOP:
        return None
    s = stem(w)
    return s if len(s) >= 3 and s not in STOP else None


class _TermMemo(dict[str, "str | None"]):
    """word -> ``_term(word)``, filled on a miss; emptied when it reaches ``LIMIT`` words.
    A hit is one C-level dict lookup (``lru_cache`` costs about five times as much, and
    tokenising is the largest part of the linker's own time)."""

    LIMIT = 1 << 18

    def __missing__(self, w: str) -> str | None:
        if len(self) >= self.LIMIT:
            self.clear()
        t = self[w] = _term(w)
        return t


_TERM_OF = _TermMemo()


def terms(text: str) -> list[str]:
    """The index terms of ``text``: its words stemmed, stop words and short words left out."""
    return _terms_of(WORD.findall(text))


def _terms_of(found: list[str]) -> list[str]:
    return list(filter(None, map(_TERM_OF.__getitem__, found)))


_PATH_PREPS = frozenset({"from", "past", "through", "across", "along"})  # "marched from ..."


def _dateline_place(item: Analyzed) -> str | None:
    """The place a report's dateline names ("BERGEN, Norway —": Bergen), as a name is
    written, not in the dateline's capitals (the tagger often misses a place in capitals,
    or takes it for an organisation: the dateline's form says it is a place)."""
    span = dateline_city(item.article.text, item.extraction.nonbody)
    if span is None:
        return None
    name = item.article.text[span[0] : span[1]].strip(" .,")
    return name.title() if name.isupper() else name  # ("WINSTON-SALEM": Winston-Salem)


def _salient(counts: Counter[str], first: dict[str, int], lead_end: int, top: int,
             order: dict[str, int] | None = None) -> list[str]:
    """Entities mentioned twice, or once in the lead; most mentioned first (ties by
    ``order``, else by ``first``), at most ``top``."""
    ties = first if order is None else order
    keep = [k for k, n in counts.items() if n >= 2 or first[k] < lead_end]
    keep.sort(key=lambda k: (-counts[k], ties[k], k))
    return keep[:top]


_REPORTING = re.compile(
    r"\b(?:said|says|told|announced|reported|confirmed|stated|added)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)


# a point a place is measured from: "30 miles south of Orsa", "just north of the Velk"
_MEASURED_FROM = re.compile(
    r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE)


def period_days(value: str | None) -> tuple[int, int] | None:
    """First and last day ordinal of a month (``2014-12``) or ISO week (``2025-W10``)."""
    found = value_to_date(value)
    if found is None:
        return None
    first, grain = found
    if grain == "month":
        nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first.toordinal(), nxt.toordinal() - 1
    if grain == "week":
        return first.toordinal(), first.toordinal() + 6
    return None


def _time_day(t: TimeRef) -> int | None:
    """Day ordinal of a DATE or TIME expression resolved to a day, else None."""
    if t.type not in ("DATE", "TIME"):
        return None
    return day_number(t.value)


def _main_time(item: Analyzed, pub_day: int | None, first_end: int,
               lead_end: int, dateline: TimeRef | None) -> TimeRef | None:
    """The date of the article's main event: a resolved day in its lead, not in the future.

    Dates after publication are plans, dates long before it background. In the lead, a date
    right after a reporting verb ("officials said early Wednesday") is when something was
    said, so another lead date wins over it; outside the lead, the first date wins, but only
    in a report with a publication day to keep background dates out. Nothing
    in the page furniture (a caption's "file photo" day, a time stamp) counts, nor anything
    on the line of the text's ``dateline`` (its clock time too: "7:41am UK, Friday 9
    October 2026").
    """
    text = item.article.text
    header = (0, 0)
    if dateline is not None:
        end = text.find("\n", dateline.end)
        header = (text.rfind("\n", 0, dateline.start) + 1, len(text) if end < 0 else end)
    best: tuple[tuple[int, ...], TimeRef] | None = None
    for t in item.extraction.times:
        d = _time_day(t)
        if d is None or header[0] <= t.start < header[1]:
            continue  # the dateline and its clock time say when it was published
        if overlaps(item.extraction.nonbody, t.start, t.end) is not None:
            continue  # a caption's "file photo" day, a time stamp: not the happening's
        if pub_day is not None and not (pub_day - 21 <= d <= pub_day):
            continue  # far-away dates are background, later ones plans
        zone = 0 if t.start < first_end else 1 if t.start < lead_end else 2
        if zone == 2 and pub_day is None:
            continue  # undated, a report's body dates its background as often as its news
        reporting = 1 if _REPORTING.search(text[max(0, t.start - 30):t.start]) else 0
        rank = (zone == 2, reporting, zone, t.start)
        if best is None or rank < best[0]:
            best = (rank, t)
    return best[1] if best else None


_LINK = LinkConfig()  # the features' defaults are the linker's


def article_features(item: Analyzed, lead_sentences: int = _LINK.lead_sentences,
                     top_entities: int = _LINK.top_entities,
                     entity_weight: float = _LINK.entity_weight,
                     lead_weight: float = _LINK.lead_weight) -> ArticleFeatures:
    """Features of one analyzed article (pure); the settings are ``LinkConfig``'s."""
    art = item.article
    text = art.text
    lead_end = _lead_end(item, lead_sentences)
    sents = body_sentences(item)
    opening_end = sents[min(1, len(sents) - 1)].end if sents else min(len(text), 300)
    # headline, opening (the first two sentences), rest of the lead, body: the terms of
    # the text's stretches, from the words its extraction read
    def stretch(start: int, end: int) -> list[str]:
        return _terms_of(span_words(text, item.extraction.words, start, end))

    title = art.title or ""
    title_terms, opening = terms(title), stretch(0, opening_end)
    if opening_end <= lead_end:
        in_lead = title_terms + opening + stretch(opening_end, lead_end)
    else:  # a lead shorter than the opening
        in_lead = title_terms + stretch(0, lead_end)
    tf: dict[str, float] = dict(Counter(stretch(lead_end, len(text))))  # term -> weighted count
    for term, n in Counter(in_lead).items():
        tf[term] = tf.get(term, 0) + lead_weight * n

    who: Counter[str] = Counter()
    where: Counter[str] = Counter()
    located: Counter[str] = Counter()  # places the text puts something in or at
    first: dict[str, int] = {}
    first_at: dict[str, int] = {}  # where the text first puts something in or at each
    place_names: dict[str, str] = {}
    for e in item.extraction.entities:
        if e.label not in LINK_LABELS or not e.canonical.strip():
            continue
        key = entity_key(e.canonical)
        if len(key) < 2:
            continue
        first.setdefault(key, e.start)
        w = lead_weight if e.start < lead_end else 1.0
        tf["@" + key] = tf.get("@" + key, 0) + entity_weight * w
        if e.label in WHO_LABELS:
            who[key] += 1
        elif e.label in WHERE_LABELS:
            where[key] += 1
            place_names.setdefault(key, e.canonical)
            if ((e.label == "GPE" or after_place_word(text, e.start, _PATH_PREPS))
                    and overlaps(item.extraction.nonbody, e.start, e.end) is None
                    and not _MEASURED_FROM.search(text, max(0, e.start - 40), e.start)):
                # (a "READ MORE" link's place is no place of this report's; nor is the city
                # "30 miles south of" which it happened)
                located[key] += 1
                first_at.setdefault(key, e.start)
    if title:  # a headline's entities are salient whatever the body says
        low = title.lower()
        for key in list(who) + list(where):
            if key in low:
                first[key] = -1
                if key in first_at:
                    first_at[key] = -1

    first_end = sents[0].end if sents else lead_end
    lead_places = sorted(k for k in where if first[k] < first_end)  # title ones are at -1
    # the text's own dateline (only when the input has no publication date) stands in for it
    dateline = texts_dateline(item.extraction.times)
    published = publication_day(art.published, item.extraction.times)
    pub_day = published.toordinal() if published else None
    main = _main_time(item, pub_day, first_end, lead_end, dateline)
    event_day = _time_day(main) if main else pub_day
    event_value = day_iso(event_day)
    cites = [DateCite(art.id, main.start, main.end)] if main else []
    places = _salient(where, first, lead_end, top_entities)
    # the event's place: a city or region, or a building or site something is in or at
    # ("stood outside the chapel"), not one named in passing ("tensions with City Hall")
    # (ties going to the place the text first puts something in or at)
    at = _salient(located, first, lead_end, top_entities, order=first_at)
    place = _dateline_place(item) or (place_names[at[0]] if at else None)

    mentions = []
    for t in item.extraction.times:
        d = _time_day(t)
        if d is not None and d != event_day:
            mentions.append(DayMention(d, art.id, t.start, t.end))
    mentions.sort()
    periods = []
    for t in item.extraction.times:  # "a few weeks ago", "last week": background periods
        span = period_days(t.value) if t.type == "DATE" else None
        if span and (event_day is None or not span[0] <= event_day <= span[1]):
            periods.append(PeriodMention(span[0], span[1], art.id, t.start, t.end))
    periods.sort()
    years = _years(item, event_day)
    lead: dict[str, float] = dict(Counter(opening))
    for term in title_terms:
        lead[term] = lead.get(term, 0) + 2.0
    headline = headline_of(art.text, art.title, item.extraction.nonbody)
    title = (headline or _first_sentence(item)).strip()
    return ArticleFeatures(
        id=art.id,
        title=title,
        title_voiced=headline is None and in_writers_voice(title),
        published=art.published,
        pub_day=pub_day,
        tf=_rounded(tf, exact=float(lead_weight).is_integer()
                    and float(entity_weight).is_integer()),
        who=_salient(who, first, lead_end, top_entities),
        where=places,
        event_day=event_day,
        event_value=event_value,
        event_cites=cites,
        place=place,
        mentions=mentions,
        lead={k: float(v) for k, v in sorted(lead.items())},
        periods=periods,
        years=years,
        lead_places=lead_places,
    )


def _rounded(counts: Mapping[str, float], exact: bool) -> dict[str, float]:
    """``counts`` by term, as floats rounded to 3 places (whole numbers when every weight is
    whole: then rounding changes nothing and is skipped)."""
    if exact:
        return {k: float(v) for k, v in sorted(counts.items())}
    return {k: round(v, 3) for k, v in sorted(counts.items())}


_YEAR = re.compile(r"^(\d{4})(?:-|$)")


def _years(item: Analyzed, event_day: int | None) -> list[int]:
    """The year of the main event, else the most written explicit years (two at most)."""
    if event_day is not None:
        return [date.fromordinal(event_day).year]
    counts: Counter[int] = Counter()
    for t in item.extraction.times:
        m = _YEAR.match(t.value or "") if t.type == "DATE" else None
        if m and 1900 <= int(m[1]) <= 2100:
            counts[int(m[1])] += 1
    return sorted(y for y, _ in counts.most_common(2))


def title_order(f: ArticleFeatures) -> tuple[bool, int, str, str]:
    """The order in which reports give a story or an event its title: first those whose
    title is a headline, or a first sentence not in the writer's own voice; among them the
    earliest report (ties by id)."""
    return (f.title_voiced, f.pub_day if f.pub_day is not None else 10**9, f.published or "",
            f.id)


def _first_sentence(item: Analyzed, limit: int = 120) -> str:
    """The first sentence of the body (not a stamp or a caption above it), cut to ``limit``."""
    ex = item.extraction
    sents = [s for s in ex.sentences if overlaps(ex.nonbody, s.start, s.end) is None]
    sents = sents or list(ex.sentences)
    text = sents[0].text if sents else item.article.text.strip().split("\n", 1)[0]
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
