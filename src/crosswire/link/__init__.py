"""Link analyzed articles into stories and, inside each story, events.

``link_articles(new, state=None, config=LinkConfig()) -> LinkState`` is pure and incremental:
it returns a new state (the given one is not modified unless ``reuse=True``), processes the
new articles in ``(published, id)`` order (articles without a date last, by id) so the result
does not depend on input order, never changes an existing story or event id, and touches only
the stories the new articles are linked to. Articles already in the state are skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from ..config import LinkConfig
from ..records import Analyzed
from .data import EventData, StoryData
from .events import assign_event, events_by_story, fold_events
from .features import ArticleFeatures, article_features
from .state import LinkState, build_stories
from .stories import Linker

log = logging.getLogger(__name__)


def processing_key(item: Analyzed) -> tuple[bool, str, str]:
    """``(published, id)`` with undated articles last."""
    pub = item.article.published
    return (pub is None, pub or "", item.article.id)


def _copy_state(state: LinkState) -> LinkState:
    """A copy safe to mutate. Containers are copied shallowly; stories and events are copied
    when first touched (``LinkState.own_story``/``own_events``), features are shared (never
    mutated), the cold tier is copied (in memory). The derived caches move to the copy;
    ``state`` rebuilds them if reused."""
    st = LinkState(
        features=dict(state.features),
        count=state.count,
        df=dict(state.df),
        story_data=dict(state.story_data),
        event_data=dict(state.event_data),
        pos=dict(state.pos),
        alias_of=dict(state.alias_of),
        cold=state.cold.copy(),
    )
    st.story_of.hot.update(state.story_of.hot)
    st.touched.update(state.touched)
    st._postings, state._postings = state._postings, None
    st._article_at, state._article_at = state._article_at, None
    st._caches, state._caches = state._caches, None
    st._index, state._index = state._index, None
    st._summaries, state._summaries = state._summaries, None
    if st._summaries is not None:  # its rare terms' postings are in the copied cold tier
        st._summaries.spill = st.cold
    st._recency, state._recency = state._recency, None
    st._records, state._records = state._records, None
    return st


def link_articles(
    new: Sequence[Analyzed], state: LinkState | None = None, config: LinkConfig | None = None,
    *, reuse: bool = False,
) -> LinkState:
    """Link ``new`` articles into the stories of ``state`` (or from scratch).

    With ``reuse=True`` ``state`` itself is updated and returned: a caller that only keeps the
    new state (a stream linked batch by batch) saves copying its corpus-sized maps each time.
    """
    cfg = config or LinkConfig()
    if state is None:
        st = LinkState()
    else:
        st = state if reuse else _copy_state(state)
    index = st._index if st._index is not None else events_by_story(st)
    st._index = index
    linker = Linker(st, cfg, index)
    seen = st.story_of
    recency = linker.recency
    dirty: set[str] = set()
    for item in sorted(new, key=processing_key):
        aid = item.article.id
        if aid in seen:
            log.debug("article %s is already linked; skipped", aid)
            continue
        f = article_features(
            item,
            lead_sentences=cfg.lead_sentences,
            top_entities=cfg.top_entities,
            entity_weight=cfg.entity_weight,
            lead_weight=cfg.lead_weight,
        )
        if (cfg.active_days is not None and f.pub_day is not None
                and (recency.newest is None or f.pub_day > recency.newest)):
            recency.newest = f.pub_day  # a new day: stories gone quiet leave the working set
            linker.archive_quiet(f.pub_day - cfg.active_days)
        sid = linker.add(f)
        dirty.add(sid)
        for keep, moved in linker.merged:
            fold_events(st, keep, moved, cfg, index)
        linker.merged.clear()
        st.own_events(sid, index)
        assign_event(st, sid, f, cfg, index)
    build_stories(st, dirty)
    st.cold.flush()
    st.touched |= dirty
    st.touched |= st._writable | st._writable_events
    st._writable, st._writable_events = set(), set()
    return st


__all__ = [
    "ArticleFeatures",
    "EventData",
    "LinkConfig",
    "LinkState",
    "StoryData",
    "link_articles",
    "processing_key",
]
