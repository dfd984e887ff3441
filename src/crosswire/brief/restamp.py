"""Reports stamped long after the rest of their story: their days told again. Pure.

A feed or archive sometimes stamps a report weeks after it came out (a crawl date, not its
publication). Its "Tuesday" is then told against that stamp and lands weeks late: read on
four real clusters, such a copy put the story's day in the next month and ran the story's
span to it. Only the story shows it: its coverage falls silent for ``LATE_DAYS`` or more
before the report (a report among others of its own days is of its own time), and the
report's first weekday falls a whole number of weeks after the day of the happening that
the earlier coverage reports (the date of the event most of those reports are about).

Such a report is re-dated from that weekday: the weekday takes the happening's day, and the
days told from it ("6:15 p.m." after "on Tuesday") move with it. Its other days told from
the stamp ("Thursday", "yesterday", a clock time alone) cannot be told at all, since the
day it really came out is unknown within a week: they are left unresolved (a weekday keeps
only its name), so no line dates them, rather than dated by a guess. A report a week after
the others may tell of a Tuesday of its own week and is left alone; a later report whose
weekdays do not fall on the happening's weekday is news of its own time, and so is one
that another outlet's report within ``LATE_DAYS`` joins after the silence (coverage resumed
by two outlets is a news cycle, not a crawl). A lone report after a silence whose own news
falls on that weekday by chance (one in seven) is re-dated too.

A page dated only by its own "Last updated" line is re-dated the same way whatever the
silence, when other outlets' earlier reports date its weekday's happening to the day a
whole number of weeks before (``_updated_copies``).

>>> # story, analyzed = restamped(story, analyzed)  # before the brief reads a date
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta

from ..extract.claims import WEEKDAY, weekday_value
from ..extract.dates import publication_day, updated_day
from ..extract.dates.resolve import day_of, parse_published
from ..records import Analyzed, Claim, Event, Story, TimeRef

_STAMPS = ("published:", "dateline:")  # the anchors of days told from a report's stamp
LATE_DAYS = 10  # a stamp this many days after every other outlet's may be no publication
FAR_DAYS = 28  # ... and one this far after tells no weekday from itself


def _happening_day(story: Story, earlier: set[str]) -> date | None:
    """The day of the event most of the ``earlier`` reports are about (the earliest of a
    tie), when it is dated to a day."""
    counted = [(len(earlier & set(e.articles)), day) for e in story.events
               if (day := day_of(e.date)) is not None]
    counted = [(n, day) for n, day in counted if n]
    if not counted:
        return None
    best = max(n for n, _ in counted)
    return min(day for n, day in counted if n == best)


def _late_weekday(rec: Analyzed, day: date) -> tuple[date, date] | None:
    """(the day this report's first weekday was told as by its stamp, the day it is) when
    the first falls a whole number of weeks (one or more) after ``day``: the sign of a late
    stamp. A report stamped more than ``FAR_DAYS`` after may be a day off ("early Thursday"
    in one time zone is Wednesday night in another): that far on, no weekday is told from
    the stamp."""
    for t in sorted(rec.extraction.times, key=lambda t: t.start):
        told = day_of(t.value)
        if told is None or not (t.anchor or "").startswith(_STAMPS):
            continue
        if not WEEKDAY.search(t.text) or (told - day).days < 6:
            continue
        off = ((told - day).days + 1) % 7 - 1  # -1, 0, 1 within a day of a whole week
        if off == 0 or (abs(off) == 1 and (told - day).days > FAR_DAYS):
            return told, day + timedelta(days=off)
    return None


def _retold(t: TimeRef, told: date | None, day: date | None) -> str | None:
    """``t``'s value once the weekday told as ``told`` is known to be ``day`` (both None:
    no weekday of the report is known)."""
    anchor = t.anchor or ""
    value = t.value or ""
    own = day_of(value)
    if told and day and anchor == f"relative:{told.isoformat()}" and own is not None:
        return (own + (day - told)).isoformat() + value[10:]  # "6:15 p.m." after "Tuesday"
    if anchor.startswith((*_STAMPS, "relative:")):
        if day and own == told and WEEKDAY.search(t.text):
            return day.isoformat() + value[10:]
        return weekday_value(t.text)  # from the stamp: only a weekday's name is known
    return t.value


def _restamped_article(rec: Analyzed, told: date | None, day: date | None) -> Analyzed:
    times = []
    changed: list[tuple[int, int, str | None]] = []
    for t in rec.extraction.times:
        value = _retold(t, told, day)
        if value != t.value:
            changed.append((t.start, t.end, value))
        times.append(replace(t, value=value) if value != t.value else t)
    claims: list[Claim] = []
    for c in rec.extraction.claims:
        new = next((v for s, e, v in changed if s <= c.start and c.end <= e), c.value)
        if c.attribute != "date" or new == c.value:
            claims.append(c)
        elif new is not None:
            claims.append(replace(c, value=new[:10] if day_of(new) else new))
    extraction = replace(rec.extraction, times=tuple(times), claims=tuple(claims))
    return replace(rec, extraction=extraction)


def _redated(e: Event, retold: Mapping[str, Analyzed]) -> Event:
    """An event dated by a re-dated report's sentence takes that sentence's new day, or none
    when the day is unknown now; one dated by its reports' stamps alone, all of them late,
    is undated."""
    if not e.articles or not all(a in retold for a in e.articles):
        return e
    if not e.date_citations:
        return replace(e, date=None)
    days = set()
    for c in e.date_citations:
        rec = retold.get(c.article)
        if rec is None:
            return e
        t = next((t for t in rec.extraction.times if t.start <= c.start < t.end), None)
        days.add(day_of(t.value) if t is not None else None)
    (new,) = days if len(days) == 1 else (None,)
    return replace(e, date=new.isoformat() if new is not None else None)


def restamped(story: Story, analyzed: Mapping[str, Analyzed]) -> tuple[Story, dict[str, Analyzed]]:
    """``story`` and ``analyzed`` with each late-stamped report's days told again (see the
    module docstring); both as given when no report is late."""
    stamps = {aid: parse_published(rec.article.published) for aid, rec in analyzed.items()}
    days = sorted({d for d in stamps.values() if d is not None})
    # the silences of LATE_DAYS or more in the story's coverage, as (last day before, first
    # day after); most stories have none, and nothing is late
    silences = [(a, b) for a, b in zip(days, days[1:], strict=False) if (b - a).days >= LATE_DAYS]
    retold: dict[str, Analyzed] = _updated_copies(story, analyzed)
    if not silences:
        return _told_again(story, analyzed, retold)
    resumed = [b for _, b in silences]
    happening: dict[tuple[date, str | None], date | None] = {}  # (cut, outlet) -> the day
    for aid, rec in analyzed.items():
        stamp = stamps[aid]
        if aid in retold:
            continue
        k = bisect_right(resumed, stamp) if stamp is not None else 0
        if k == 0:
            continue  # no silence before it: a report among others of its own time
        if stamp is not None and any(
                other.article.source != rec.article.source and (when := stamps[b]) is not None
                and when >= resumed[k - 1] and abs((when - stamp).days) < LATE_DAYS
                for b, other in analyzed.items()):  # fmt: skip
            continue  # coverage resumed by two outlets: a news cycle of its own, not a crawl
        # the coverage before the last silence ahead of this report, other outlets' only
        cut, source = silences[k - 1][0], rec.article.source
        if (cut, source) not in happening:
            earlier = {b for b, other in analyzed.items()
                       if other.article.source != source
                       and (before := stamps[b]) is not None and before <= cut}
            happening[(cut, source)] = _happening_day(story, earlier) if earlier else None
        day = happening[(cut, source)]
        late = _late_weekday(rec, day) if day is not None else None
        if late is not None:
            retold[aid] = _restamped_article(rec, *late)
    crawled = {(rec.article.source, rec.article.published) for aid, rec in retold.items()
               if rec.article.published is not None}
    for aid, rec in analyzed.items():  # the same outlet's copies of the same stamp: one crawl
        if aid not in retold and (rec.article.source, rec.article.published) in crawled:
            retold[aid] = _restamped_article(rec, None, None)
    return _told_again(story, analyzed, retold)


def _told_again(story: Story, analyzed: Mapping[str, Analyzed],
                retold: dict[str, Analyzed]) -> tuple[Story, dict[str, Analyzed]]:
    if not retold:
        return story, dict(analyzed)
    events = tuple(_redated(e, retold) for e in story.events)
    return replace(story, events=events), {**analyzed, **retold}


def _updated_copies(story: Story, analyzed: Mapping[str, Analyzed]) -> dict[str, Analyzed]:
    """The reports dated only by an update stamp ("Last updated ... 9 May") whose days are
    told again: the report was written on that day or before it, so when its first weekday
    falls a whole number of weeks after the happening other outlets' earlier reports are
    about, and they date that weekday's happening (a claim of the same key) to that day, it
    is a copy updated later and the weekday is the happening's (a week is enough here: the
    stamp itself says it is no publication day). Days told from the stamp alone are then
    left unresolved."""
    days = {aid: publication_day(rec.article.published, rec.extraction.times)
            for aid, rec in analyzed.items()}
    out: dict[str, Analyzed] = {}
    for aid, rec in analyzed.items():
        stamp = updated_day(rec.article.text, rec.article.published, rec.extraction.times)
        if stamp is None:
            continue
        earlier = {b for b, other in analyzed.items()
                   if other.article.source != rec.article.source
                   and (day := days[b]) is not None and day <= stamp}
        happening = _happening_day(story, earlier) if earlier else None
        late = _late_weekday(rec, happening) if happening is not None else None
        if late is not None and _told_before(rec, late, [analyzed[b] for b in earlier]):
            out[aid] = _restamped_article(rec, *late)
    return out


def _told_before(rec: Analyzed, late: tuple[date, date], others: list[Analyzed]) -> bool:
    """Whether another outlet's earlier report dates the happening of ``rec``'s weekday (a
    date claim of the same key) to the day that weekday is taken for: the two tell one
    happening ("the store burned down on Saturday"), not two a week apart."""
    told, day = (d.isoformat() for d in late)
    keys = {c.key for c in rec.extraction.claims if c.attribute == "date" and c.value == told}
    return any(c.attribute == "date" and c.value == day and c.key in keys
               for other in others for c in other.extraction.claims)


def retold_dates(before: Mapping[str, Analyzed],
                 after: Mapping[str, Analyzed]) -> dict[str, list[dict[str, int | str | None]]]:
    """Per article, the times ``restamped`` told again ({"start", "end", "value"}): what an
    article's own page shows, so it dates them as its story's brief does."""
    out: dict[str, list[dict[str, int | str | None]]] = {}
    for aid, rec in after.items():
        old = before.get(aid)
        if old is None or old is rec:
            continue
        changed = [{"start": t.start, "end": t.end, "value": t.value}
                   for t, o in zip(rec.extraction.times, old.extraction.times, strict=True)
                   if t.value != o.value]
        if changed:
            out[aid] = changed
    return out
