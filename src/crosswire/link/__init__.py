"""Link analyzed articles into stories and, inside each story, events.

``link_articles(new, state=None, config=LinkConfig()) -> LinkState`` is pure and incremental:
it returns a new state (the given one is not modified), processes the new articles in
``(published, id)`` order (articles without a date last, by id) so the result does not depend
on input order, never changes an existing story or event id, and touches only the stories the
new articles are linked to. Articles already in the state are skipped.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Sequence

from ..records import Analyzed
from .events import assign_event, events_by_story
from .features import ArticleFeatures, article_features
from .state import EventData, LinkConfig, LinkState, StoryData, build_stories
from .stories import Linker

log = logging.getLogger(__name__)


def processing_key(item: Analyzed) -> tuple[bool, str, str]:
    """``(published, id)`` with undated articles last."""
    pub = item.article.published
    return (pub is None, pub or "", item.article.id)


def _copy_state(state: LinkState) -> LinkState:
    """A copy safe to mutate: features are shared (never mutated), bookkeeping copied."""
    return LinkState(
        stories=list(state.stories),
        features=dict(state.features),
        order=list(state.order),
        df=dict(state.df),
        story_data={k: copy.deepcopy(v) for k, v in state.story_data.items()},
        event_data={k: copy.deepcopy(v) for k, v in state.event_data.items()},
        story_of=dict(state.story_of),
        alias_of=dict(state.alias_of),
    )


def link_articles(
    new: Sequence[Analyzed], state: LinkState | None = None, config: LinkConfig | None = None
) -> LinkState:
    """Link ``new`` articles into the stories of ``state`` (or from scratch)."""
    cfg = config or LinkConfig()
    st = _copy_state(state) if state is not None else LinkState()
    linker = Linker(st, cfg)
    seen = set(st.features)
    index = events_by_story(st)
    for item in sorted(new, key=processing_key):
        aid = item.article.id
        if aid in seen:
            log.debug("article %s is already linked; skipped", aid)
            continue
        seen.add(aid)
        f = article_features(
            item,
            lead_sentences=cfg.lead_sentences,
            top_entities=cfg.top_entities,
            entity_weight=cfg.entity_weight,
            lead_weight=cfg.lead_weight,
        )
        sid = linker.add(f)
        for gone, keep in linker.merged:  # stories this article bridged: events move along
            index.setdefault(keep, []).extend(index.pop(gone, []))
        linker.merged.clear()
        assign_event(st, sid, f, cfg, index)
    st.stories = build_stories(st)
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
