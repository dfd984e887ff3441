"""Compose a story's brief: timeline, facts, quotes, summary and framing. Pure.

>>> brief = compose_brief(story, {a.article.id: a for a in analyzed})
>>> [c.statement for c in brief.conflicting]
['How many officers turned their backs']
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from ..records import Analyzed, Brief, Story
from .cite import build_context
from .claims import place_claims
from .facts import classify_claims
from .framing import build_framing, outlet_framing
from .quotes import group_quotes
from .summary import build_summary
from .timeline import build_timeline

log = logging.getLogger(__name__)


def compose_brief(
    story: Story,
    analyzed: Mapping[str, Analyzed],
    dup_groups: Mapping[str, Sequence[str]] | None = None,
) -> Brief:
    """The brief of ``story`` from its articles' records (``analyzed`` maps id -> record).

    ``dup_groups`` maps an article id to ids of its near-duplicate copies; copies, like
    articles of one outlet, count as one source. Articles of the story missing from
    ``analyzed`` are skipped with a warning.
    """
    missing = [a for a in story.articles if a not in analyzed]
    if missing:
        log.warning(
            "story %s: %d article(s) without records skipped: %s",
            story.id,
            len(missing),
            ", ".join(missing[:5]),
        )
    ctx = build_context(story, analyzed, dup_groups)
    quote_groups, speaker_claims = group_quotes(ctx)
    agreed, unique, conflicting = classify_claims(ctx, place_claims(ctx, speaker_claims))
    framing = build_framing(ctx, agreed)
    return Brief(
        story=story,
        timeline=build_timeline(ctx),
        agreed=agreed,
        unique=unique,
        conflicting=conflicting,
        quotes=quote_groups,
        summary=build_summary(ctx, agreed, unique, conflicting),
        framing=framing,
        extra={
            "outlets": outlet_framing(framing),
            "sources": {aid: ctx.label[ctx.group[aid]] for aid in ctx.analyzed},
            "independent_sources": len(set(ctx.group.values())),
        },
    )
