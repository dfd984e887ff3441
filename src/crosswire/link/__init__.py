"""Link analyzed articles into stories and, inside each story, events.

``link_articles(new, state=None, config=LinkConfig()) -> LinkState`` is pure and incremental:
it returns a new state (``LinkState.copy``: the given one is not modified, unless
``reuse=True``), processes the new articles in ``(published, id)`` order (articles without a
date last, by id) so the result does not depend on input order, never changes an existing
story or event id, and touches only the stories the new articles are linked to. Articles
already in the state are skipped.

The state is the saved data (``link.state``, ``link.data``); the linker's index, caches and
recency are its working set (``link.working``), which ``link_articles`` takes from the state
when it is still that state's own, or builds (``stories.build_working_set``), and leaves on
the state it returns.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from ..config import LinkConfig
from ..records import Analyzed
from .data import EventData, StoryData
from .events import assign_event, fold_events
from .features import ArticleFeatures, article_features
from .state import LinkState
from .stories import Linker, build_working_set

log = logging.getLogger(__name__)


def processing_key(item: Analyzed) -> tuple[bool, str, str]:
    """``(published, id)`` with undated articles last."""
    pub = item.article.published
    return (pub is None, pub or "", item.article.id)


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
        st = state if reuse else state.copy()
    seen = st.story_of
    items = sorted(new, key=processing_key)
    feats: dict[str, ArticleFeatures] = {}
    for item in items:
        if item.article.id not in seen and item.article.id not in feats:
            feats[item.article.id] = article_features(
                item,
                lead_sentences=cfg.lead_sentences,
                top_entities=cfg.top_entities,
                entity_weight=cfg.entity_weight,
                lead_weight=cfg.lead_weight,
            )
    # the document frequencies the batch reads (a state resumed from a store's rows reads
    # them from there): those of its articles' terms, the openings' among them
    st.read_terms(t for f in feats.values() for counts in (f.tf, f.lead) for t in counts)
    linker = Linker(st, cfg, st.working_set() or build_working_set(st))
    events = linker.work.events
    dirty: set[str] = set()
    for item in items:
        aid = item.article.id
        if aid in seen:
            log.debug("article %s is already linked; skipped", aid)
            continue
        f = feats[aid]
        linker.new_day(f.pub_day)  # stories gone quiet leave the working set
        sid = linker.add(f)
        dirty.add(sid)
        for keep, moved in linker.merged:
            fold_events(st, keep, moved, cfg, events)
        linker.merged.clear()
        st.own_events(sid, events)
        assign_event(st, sid, f, cfg, events)
    st.working = linker.finish()
    st.finish_batch(dirty, events)
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
