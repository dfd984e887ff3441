"""Story linking: inverted-index candidate retrieval, then a WHO/WHERE/WHEN/WHAT score.

Each new article (in ``(published, id)`` order) queries an inverted index over the stored
term counts with its top TF-IDF terms, collects the stories of the best matching articles,
and scores each candidate story. It joins the best one above ``LinkConfig.join`` or opens a
new story; if a second story also scores above ``LinkConfig.merge`` the article bridges the
two and they merge (the older id survives; the other becomes an alias).

All weights come from stored counts, so scores depend only on the state's content: a state
read back from JSON links the next batch exactly as the live one would.
"""

from __future__ import annotations

import bisect
import heapq
import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter, mul

import numpy as np

from ..config import LinkConfig
from ..records import short_hash  # noqa: F401  (re-exported: ids of stories and events)
from .archive import COLD_CACHES, build_recency, summarize, summary_vector
from .data import StorySummary
from .features import ArticleFeatures
from .index import MAX_POSTINGS, PROMOTE, TermIndex  # noqa: F401  (MAX_POSTINGS: re-exported)
from .state import LinkState
from .working import StoryCache, WorkingSet

log = logging.getLogger(__name__)

CENTROID_TERMS = 200  # story centroids keep their heaviest terms
VECTOR_TERMS = 100  # an article's stored (and indexed) vector keeps its heaviest terms


def unit_tfidf(state: LinkState, counts: dict[str, float]) -> dict[str, float]:
    """``counts`` weighted by the state's IDF now (it changes with every article), unit length."""
    n1, get, log = state.count + 1, state.df.get, math.log
    vec = {t: c * (log(n1 / (get(t, 0) + 1)) + 1.0) for t, c in counts.items()}
    return unit(vec)


def unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Sparse dot product, summed in ``a``'s order. Terms missing from ``b`` add an exact
    zero, so this is the same float as ``sum(v * b[t] for t, v in a.items() if t in b)``,
    only with the loop in C."""
    total: float = sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))
    return total


def build_working_set(state: LinkState) -> WorkingSet:
    """The working set of ``state``, built from its saved data (what ``link_articles`` does
    when the state carries none that is still its own)."""
    pos = state.pos
    article_at = {p: a for a, p in pos.items()}
    postings = TermIndex()
    feats = state.features
    for aid in sorted(feats, key=pos.__getitem__):
        postings.add(pos[aid], feats[aid].vec)
    cold = state.cold
    promote = None if cold.kept else PROMOTE  # a kept tier holds every summary posting
    if cold.kept and cold.indexed:  # the index of the summaries is in the tier already
        summaries = TermIndex(spill=cold, promote=promote, used=cold.has_postings())
    else:
        cold.clear_postings()  # the rare terms' postings are rebuilt below as well
        summaries = TermIndex(spill=cold, promote=promote)
        entries = [(pos[summary.anchor], summary_vector(summary))
                   for sd in state.story_data.values() for summary in sd.summaries]
        saved = cold.all_summaries()
        entries += [(cold.founder_pos(sid), summary_vector(StorySummary.from_json(x)))
                    for sid in cold.ids() for x in saved[sid]]
        summaries.put_many(entries)  # as one ``put`` after another
        cold.indexed = cold.kept  # a kept tier now holds the whole index, kept up to date
    return WorkingSet(count=state.count, postings=postings, summaries=summaries,
                      article_at=article_at, events=state.events_by_story(),
                      recency=build_recency(state), caches={})


@dataclass(slots=True)
class Linker:
    """Links one batch into ``state`` (the saved data, changed through its methods) with
    ``work``, the working set it owns and keeps up to date (``link.working``)."""

    state: LinkState
    config: LinkConfig
    work: WorkingSet
    # (survivor, ids of the events the merged-away story brought) since the last article
    merged: list[tuple[str, list[str]]] = field(default_factory=list)
    _lead: tuple[str, dict[str, float]] = ("", {})

    def __post_init__(self) -> None:
        # the archived summaries' rare postings are in this state's cold tier (a copied
        # state has a copy of the one the working set was built with)
        self.work.summaries.spill = self.state.cold

    def finish(self) -> WorkingSet:
        """The working set, up to date with the state after the batch."""
        self.work.count = self.state.count
        return self.work

    # -- story caches ----------------------------------------------------------------------
    def cache(self, sid: str) -> StoryCache:
        """The story's cache, brought up to date with the articles added since (stories only
        ever gain articles at the end, merges included). Archived articles have no features:
        they count through the story's summaries."""
        sd = self.state.story_data.get(sid)
        c = self.work.caches.get(sid)
        if sd is None:  # archived: its summaries in the cold tier
            return c if c is not None else self._cold_cache(sid)
        if (c is not None and c.size == len(sd.articles)
                and c.summaries == len(sd.summaries)):
            return c
        if c is None or c.size > len(sd.articles) or c.summaries != len(sd.summaries):
            c = StoryCache(size=0)
            for summary in sd.summaries:
                fold_summary(summary, c)
            c.summaries = len(sd.summaries)
            self.work.caches[sid] = c
        feats = self.state.features
        touched: set[str] = set()
        mass = c.mass
        get = mass.get
        for aid in sd.articles[c.size:]:
            f = feats.get(aid)
            if f is None:
                continue  # archived: in a summary
            for t, v in f.vec.items():
                mass[t] = get(t, 0) + v
            touched.update(f.vec)
            c.who.update(f.who)
            c.lead_places.update(f.lead_places)
            c.years.update(f.years)
            c.names.update([t[1:] for t in f.tf if t[0] == "@"])
            c.where.update(f.where)
            if f.day is not None:
                bisect.insort(c.days, f.day)
        c.size = len(sd.articles)
        _refresh_centroid(c, touched)
        return c

    def _cold_cache(self, sid: str) -> StoryCache:
        summaries, articles = self.state.cold_summaries(sid)
        c = StoryCache(size=articles, summaries=len(summaries))
        for summary in summaries:
            fold_summary(summary, c)
        _refresh_centroid(c, set())
        self.work.caches[sid] = c
        return c

    # -- retrieval and scoring -------------------------------------------------------------
    def candidates(self, f: ArticleFeatures, vec: dict[str, float],
                   ranked_terms: list[tuple[str, float]]) -> list[str]:
        """Stories of the articles that share the most weight with ``f``'s top terms
        (``ranked_terms``: ``vec`` heaviest first), best article first."""
        n = self.state.count
        cfg = self.config
        limit = max(2.0, cfg.max_df_share * n) if n >= 50 else float("inf")
        df = self.state.df
        query: list[tuple[str, float]] = []
        for t, q in ranked_terms:
            if len(query) >= cfg.query_terms:
                break
            if df.get(t, 0) > limit:
                continue
            query.append((t, q))
        found, vals = self.work.postings.scores(query)  # ``f`` itself is not indexed yet
        if self.work.summaries.used:  # archived stories answer through their summaries
            more, more_vals = self.work.summaries.scores(query)
            if len(more):
                found, vals = np.concatenate([found, more]), np.concatenate([vals, more_vals])
        if not len(found):
            return []
        # enough best articles to find ``candidates`` distinct stories in nearly every case;
        # ties at the cut are kept, so the pick is a prefix of the full (-score, id) order
        k = cfg.candidates * 8
        if len(vals) > k:
            cut = np.partition(vals, len(vals) - k)[len(vals) - k]
            top = np.flatnonzero(vals >= cut)
            out = self._distinct(found[top], vals[top])
            if len(out) >= cfg.candidates or len(top) == len(vals):
                return out
        return self._distinct(found, vals)

    def _distinct(self, found: np.ndarray, vals: np.ndarray) -> list[str]:
        st = self.state
        at, story_of = self.work.article_at, st.story_of.hot
        places = found.tolist()
        # (article, story) at each position: a live article or an archived founder (those
        # read from the cold tier in one query)
        anchors = st.cold.anchors([p for p in places if p not in at])
        ids = []
        for p in places:
            aid = at.get(p)
            ids.append((aid, story_of[aid]) if aid is not None else anchors[p])
        ranked = sorted(zip((-vals).tolist(), ids, strict=True))
        out: list[str] = []
        for _, (_, sid) in ranked:
            if sid not in out:
                out.append(sid)
                if len(out) >= self.config.candidates:
                    break
        return out

    def lead_vector(self, f: ArticleFeatures) -> dict[str, float]:
        """Unit TF-IDF vector of ``f``'s headline and opening (memoised for the last article)."""
        if self._lead[0] != f.id:
            self._lead = (f.id, unit_tfidf(self.state, f.lead))
        return self._lead[1]

    def score(self, f: ArticleFeatures, vec: dict[str, float], sid: str) -> float:
        cfg = self.config
        c = self.cache(sid)
        cen = c.centroid
        what = dot(vec, cen) / c.norm
        # a long article can wander (background, side stories); its headline and opening say
        # what it is about, so the better of the two likenesses counts
        lead = self.lead_vector(f)
        s = max(what, dot(lead, cen) / c.norm)
        shared_who = sum(1 for e in f.who if e in c.who)
        if f.who:
            s += cfg.who_weight * shared_who / len(f.who)
            if not shared_who and c.who:
                s -= 1.0 if cfg.who_veto else cfg.who_conflict
        if f.where:
            shared = sum(1 for e in f.where if e in c.where)
            s += cfg.where_weight * shared / len(f.where)
            if not shared and c.where and self.places_contradict(f, c, shared_who):
                # a veto when both lead with their place (two quakes, two countries); a
                # place named further down may be a side mention or a tagging slip
                leads = f.lead_places and c.lead_places
                s -= 1.0 if cfg.place_veto and leads else cfg.place_conflict
        if f.day is None or not c.days:  # no dates to compare: the words must agree more
            s -= cfg.undated_penalty
            if f.years and c.years and not c.years.intersection(f.years):
                s -= cfg.year_conflict
        else:
            i = bisect.bisect_left(c.days, f.day)
            near = [c.days[j] for j in (i - 1, i) if 0 <= j < len(c.days)]
            gap = min(abs(f.day - d) for d in near)
            if gap > cfg.gap_days:
                s -= min(cfg.max_gap_penalty, (gap - cfg.gap_days) * cfg.gap_penalty_per_day)
        return s

    @staticmethod
    def places_contradict(f: ArticleFeatures, c: StoryCache, shared_who: int) -> bool:
        """Salient places differ *and* nothing bridges them: no shared person/organisation,
        no place of one mentioned anywhere in the other (a street and its city, a borough
        and its city are not a contradiction)."""
        if shared_who:
            return False
        if any(p in c.names for p in f.where):
            return False
        return not any(("@" + p) in f.tf for p in c.where)

    # -- assignment ------------------------------------------------------------------------
    def add(self, f: ArticleFeatures) -> str:
        """Index ``f`` and put it in a story; returns the (live) story id."""
        st = self.state
        p = st.add_article(f)
        self.work.article_at[p] = f.id
        vec = unit_tfidf(st, f.tf)
        # heaviest first, ties by term: sort by term, then (stably) by weight
        ranked = sorted(sorted(vec.items()), key=itemgetter(1), reverse=True)
        top = ranked[:VECTOR_TERMS]
        st.set_vector(f.id, {t: round(v, 5) for t, v in top})
        scored = sorted(
            ((self.score(f, vec, sid), sid) for sid in self.candidates(f, vec, ranked)),
            key=lambda x: (-x[0], self.founder_position(x[1])),
        )
        self.work.postings.add(p, f.vec)
        if not scored or scored[0][0] < self.config.join:
            sid = st.open_story(f.id)
            self.work.recency.note(sid, f.pub_day)
            log.debug("%s opens story %s (best %.3f)", f.id, sid, scored[0][0] if scored else 0)
            return sid
        sid = scored[0][1]
        self.bring_back(sid)
        sd = st.join_story(sid, f.id)
        self.work.recency.wake(sid, sd.summaries)
        self.work.recency.note(sid, f.pub_day)
        bridged = [s for score, s in scored[1:] if score >= self.config.merge]
        for other in bridged:
            sid = self.merge(sid, other)
        return sid

    # -- archiving (``link.archive``) ------------------------------------------------------
    def new_day(self, day: int | None) -> None:
        """An article published on ``day``: if no article seen was published later, the
        stories quiet for ``active_days`` before it leave the working set."""
        recency, active = self.work.recency, self.config.active_days
        if (active is not None and day is not None
                and (recency.newest is None or day > recency.newest)):
            recency.newest = day
            self.archive_quiet(day - active)

    def archive_quiet(self, cutoff: int) -> int:
        """Archive every story whose latest day is before ``cutoff``; returns how many."""
        recency = self.work.recency
        st = self.state
        done = 0
        while recency.heap and recency.heap[0][0] < cutoff:
            day, sid = heapq.heappop(recency.heap)
            if sid in st.story_data and recency.last.get(sid) == day:
                self.archive(sid)
                done += 1
        # caches built to score archived stories as candidates: the latest COLD_CACHES are kept
        cold = [s for s in self.work.caches if s not in recency.last]  # oldest built first
        for sid in cold[: max(0, len(cold) - COLD_CACHES)]:
            del self.work.caches[sid]
        return done

    def archive(self, sid: str) -> None:
        """Drop the features and postings of ``sid``'s articles; keep a summary instead."""
        st = self.state
        c = self.cache(sid)
        sd = st.own_story(sid)
        feats = st.features
        live = [a for a in sd.articles if a in feats]
        count = sum(s.articles for s in sd.summaries) + len(live)
        last = self.work.recency.forget(sid)
        if last is None:
            return
        for old in sd.summaries:
            self.work.summaries.remove(self.state.pos[old.anchor], list(old.terms))
        summary = summarize(c, count, last, sd.founder)
        st.set_summary(sid, summary)
        self.work.summaries.put(self.state.pos[sd.founder], summary_vector(summary))
        for aid in live:
            f = st.drop_features(aid)
            self.work.postings.drop(self.state.pos[aid], list(f.vec))
        self.work.caches.pop(sid, None)
        where = st.freeze(sid, self.work.events.pop(sid, []))
        at = self.work.article_at
        for p in where.values():
            at.pop(p, None)
        log.debug("story %s archived (%d articles, last day %d)", sid, count, last)

    def bring_back(self, sid: str) -> None:
        """If story ``sid`` is archived, it becomes live again (``LinkState.thaw``) and its
        articles and events come back into the working set."""
        if sid in self.state.story_data:
            return
        _, events, where = self.state.thaw(sid)
        self.work.article_at.update((p, a) for a, p in where.items())
        self.work.events[sid] = events

    def founder_position(self, sid: str) -> int:
        """Position of the story's founder (stories are ordered by it)."""
        sd = self.state.story_data.get(sid)
        return self.state.pos[sd.founder] if sd is not None else self.state.cold.founder_pos(sid)

    def merge(self, a: str, b: str) -> str:
        """Merge stories ``a`` and ``b``; the older id survives. Returns the survivor."""
        st = self.state
        keep, gone = sorted((a, b), key=self.founder_position)
        self.bring_back(keep)
        self.bring_back(gone)
        k, g = st.merge_stories(keep, gone)
        gone_day = self.work.recency.forget(gone)
        if gone_day is None and g.summaries:
            gone_day = max(x.last_day for x in g.summaries)
        self.work.recency.wake(keep, k.summaries)
        self.work.recency.note(keep, gone_day)
        moved = st.move_events(gone, keep, self.work.events)
        self.work.caches.pop(gone, None)
        self.merged.append((keep, [ev.id for ev in moved]))
        log.info("story %s merged into %s", gone, keep)
        return keep


def fold_summary(s: StorySummary, c: StoryCache) -> None:
    """Add an archived story's summary to its cache as if its articles were members."""
    mass = c.mass
    for t, v in s.items():
        mass[t] = mass.get(t, 0) + v
    c.who.update(s.who)
    c.where.update(s.where)
    c.names.update(s.names)
    c.years.update(s.years)
    c.lead_places.update(s.lead_places)
    for d in s.days:
        bisect.insort(c.days, d)


def _refresh_centroid(c: StoryCache, touched: set[str]) -> None:
    """``c.centroid``: the ``CENTROID_TERMS`` heaviest terms of ``c.mass`` (ties by term).

    Masses only grow, so a term left out (mass at most the old floor, the lightest chosen
    mass) and not just ``touched`` can only come back if it tied with the old floor: the new
    choice is made among the old centroid, the touched terms and those ties.
    """
    mass = c.mass
    cen = c.centroid
    floor = c.floor
    if len(mass) <= CENTROID_TERMS:
        c.centroid = cen = dict(mass)
        c.floor = None
    elif floor is not None and all(t in cen or mass[t] < floor for t in touched):
        for t in touched:
            if t in cen:
                cen[t] = mass[t]
    else:
        pool = mass.keys() if floor is None else cen.keys() | touched | set(c.tied)
        vals = sorted([mass[t] for t in pool], reverse=True)
        new_floor = vals[CENTROID_TERMS - 1]
        cen = {t: mass[t] for t in pool if mass[t] > new_floor}
        ties = sorted(t for t in pool if mass[t] == new_floor)
        room = CENTROID_TERMS - len(cen)
        for t in ties[:room]:
            cen[t] = new_floor
        c.centroid, c.floor, c.tied = cen, new_floor, ties[room:]
    # summed heaviest first, as the centroid was once built: the same float every time
    c.norm = math.sqrt(sum(v * v for v in sorted(cen.values(), reverse=True))) or 1.0
