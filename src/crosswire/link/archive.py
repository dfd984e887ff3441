"""Archiving: stories that went quiet leave the working set, so memory stays bounded.

A story with no article published within ``LinkConfig.active_days`` of the newest publication
day seen is archived: its articles' features and postings are dropped and the story keeps a
fixed-size ``StorySummary`` (heaviest centroid terms, salient who/where, years, days). The
summary is indexed (anchored at the story's founder) so a late article can still find the
story, join it (the story becomes active again) or bridge it with another. Events of an
archived story keep their data but are closed: a late article founds a new event.
Stories without a dated article (undated corpora such as ECB+) are never archived.

This module says what a summary is and when a story is quiet; the linker archives
(``Linker.archive_quiet``, ``Linker.archive`` in ``link.stories``).
"""

from __future__ import annotations

import math

from .data import StorySummary
from .state import LinkState
from .working import Recency, StoryCache

SUMMARY_TERMS = 100  # 30 lost a year-later article on the news stream (B3 0.957 -> 0.948)
SUMMARY_ENTITIES = 10  # salient who / where kept
SUMMARY_NAMES = 50
SUMMARY_DAYS = 30
SUMMARY_YEARS = 4
# caches of archived stories kept for scoring late articles (rebuilt from summaries when
# evicted: the same values, so only speed depends on it); about 10 KB each
COLD_CACHES = 4096


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
