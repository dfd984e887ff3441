"""Archiving: stories that went quiet leave the working set, so memory stays bounded.

A story with no article published within ``LinkConfig.active_days`` of the newest publication
day seen is archived: its articles' features and postings are dropped and the story keeps a
fixed-size ``StorySummary`` (heaviest centroid terms, salient who/where, years, days). The
summary is indexed (anchored at the story's founder) so a late article can still find the
story, join it (the story becomes active again) or bridge it with another. Events of an
archived story keep their data but are closed: a late article founds a new event.
Stories without a dated article (undated corpora such as ECB+) are never archived.
"""

from __future__ import annotations

import heapq
import logging
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .state import LinkState, StorySummary, story_title

if TYPE_CHECKING:
    from .stories import Linker, StoryCache

log = logging.getLogger(__name__)

SUMMARY_TERMS = 100  # 30 lost a year-later article on the news stream (B3 0.957 -> 0.948)
SUMMARY_ENTITIES = 10  # salient who / where kept
SUMMARY_NAMES = 50
SUMMARY_DAYS = 30
SUMMARY_YEARS = 4
# caches of archived stories kept for scoring late articles (rebuilt from summaries when
# evicted: the same values, so only speed depends on it); about 10 KB each
COLD_CACHES = 4096


@dataclass(slots=True)
class Recency:
    """How recently each live story was reported: its latest publication day, a heap to find
    the quiet ones, and the newest day seen. Derived, never serialised."""

    last: dict[str, int] = field(default_factory=dict)  # live story -> latest publication day
    heap: list[tuple[int, str]] = field(default_factory=list)  # (day, story), stale entries too
    newest: int | None = None  # the newest publication day seen

    def note(self, sid: str, day: int | None) -> None:
        if day is None:
            return
        if self.newest is None or day > self.newest:
            self.newest = day
        if day > self.last.get(sid, -(10**9)):
            self.last[sid] = day
            heapq.heappush(self.heap, (day, sid))

    def wake(self, sid: str, summaries: list[StorySummary]) -> None:
        """An archived story (not tracked here) becomes active: it starts from its summaries'
        latest day."""
        if summaries and sid not in self.last:
            self.note(sid, max(s.last_day for s in summaries))

    def forget(self, sid: str) -> int | None:
        return self.last.pop(sid, None)


def build_recency(state: LinkState) -> Recency:
    """The ``Recency`` of a state (from its live features and summaries)."""
    recency = Recency()
    feats = state.features
    for sid, sd in state.story_data.items():
        for s in sd.summaries:
            recency.note(sid, s.last_day)
        for aid in sd.articles:
            f = feats.get(aid)
            if f is not None:
                recency.note(sid, f.pub_day)
    return recency


def summary_vector(s: StorySummary) -> dict[str, float]:
    """The unit vector a summary is indexed with (its terms, rounded like article vectors)."""
    norm = math.sqrt(sum(v * v for v in s.weights)) or 1.0
    return {t: round(v / norm, 5) for t, v in s.items()}


def summarize(c: StoryCache, articles: int, last_day: int, anchor: str) -> StorySummary:
    """A fixed-size digest of a story's cache."""
    top = sorted(c.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:SUMMARY_TERMS]
    who = sorted(c.who.items(), key=lambda kv: (-kv[1], kv[0]))[:SUMMARY_ENTITIES]
    where = sorted(c.where.items(), key=lambda kv: (-kv[1], kv[0]))[:SUMMARY_ENTITIES]
    names = dict.fromkeys([k for k, _ in who] + [k for k, _ in where]
                          + [t[1:] for t, _ in top if t.startswith("@")])
    return StorySummary.make(
        articles=articles,
        terms={t: round(v, 5) for t, v in top},
        who=dict(who),
        where=dict(where),
        names=list(names)[:SUMMARY_NAMES],
        years=sorted(c.years)[-SUMMARY_YEARS:],
        days=sorted(set(c.days))[-SUMMARY_DAYS:],
        last_day=last_day,
        anchor=anchor,
        lead_places=sorted(c.lead_places)[:SUMMARY_ENTITIES],
    )


def sweep(linker: Linker, cutoff: int) -> int:
    """Archive every story whose latest day is before ``cutoff``; returns how many."""
    recency = linker.recency
    st = linker.state
    done = 0
    while recency.heap and recency.heap[0][0] < cutoff:
        day, sid = heapq.heappop(recency.heap)
        if sid in st.story_data and recency.last.get(sid) == day:
            archive_story(linker, sid)
            done += 1
    # caches built to score archived stories as candidates: the latest COLD_CACHES are kept
    cold = [s for s in linker.caches if s not in recency.last]  # oldest built first
    for sid in cold[: max(0, len(cold) - COLD_CACHES)]:
        del linker.caches[sid]
    return done


def archive_story(linker: Linker, sid: str) -> None:
    """Drop the features and postings of ``sid``'s articles; keep a summary instead."""
    st = linker.state
    c = linker.cache(sid)
    sd = st.own_story(sid)
    feats = st.features
    live = [a for a in sd.articles if a in feats]
    count = sum(s.articles for s in sd.summaries) + len(live)
    last = linker.recency.forget(sid)
    if last is None:
        return
    if sd.title is None:
        sd.title = story_title(sd, feats)
    for old in sd.summaries:
        linker.summaries.remove(linker.pos[old.anchor], list(old.terms))
    summary = summarize(c, count, last, sd.founder)
    sd.summaries = [summary]
    linker.summaries.put(linker.pos[sd.founder], summary_vector(summary))
    for aid in live:
        f = feats.pop(aid)
        linker.postings.drop(linker.pos[aid], list(f.vec))
    linker.caches.pop(sid, None)
    st.freeze(sid)
    log.debug("story %s archived (%d articles, last day %d)", sid, count, last)
