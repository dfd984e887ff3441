"""Compose a story's brief: timeline, facts, quotes, summary and framing. Pure.

>>> brief = compose_brief(story, {a.article.id: a for a in analyzed})
>>> [c.statement for c in brief.conflicting]
['How many officers turned their backs']
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..records import Analyzed, Brief, Cite, Claim, Conflict, Event, Fact, Story
from .cite import StoryContext, build_context
from .claims import Placed, place_claims
from .facts import asked_as_spelling, classify_claims, left_out_words, shown_citation, stated_by
from .framing import build_framing, outlet_framing
from .quotes import group_quotes
from .restamp import restamped, retold_dates
from .statements import pick, plain_claim, question
from .summary import build_summary, with_what_it_points_to
from .timeline import background_events, build_timeline

log = logging.getLogger(__name__)


def _worded(ctx: StoryContext, p: Placed) -> Placed:
    """The placed claim worded as a reader should see it: its statement is a plain sentence
    its cited sentence says, or that sentence's own words (``statements.plain_claim``).
    Placing and comparing are done by then, so only the wording changes."""
    sentence = ctx.text(p.cite.article)[p.cite.start : p.cite.end]
    claim = plain_claim(p.claim, sentence, p.cite.start)
    return p if claim is p.claim else replace(p, claim=claim)


def _asked(conflicts: Sequence[Conflict], placed: Sequence[Placed],
           worded: Sequence[Placed]) -> tuple[Conflict, ...]:  # fmt: skip
    """Each conflict's question from its claims as parsed ("When the hearing was held",
    "Where the test missile came down"), by the claims whose parts make a plain statement
    when there are any: a statement told in a sentence's own words makes no question."""
    index: dict[tuple[str, str | None, Cite], list[tuple[Claim, bool]]] = defaultdict(list)
    for before, after in zip(placed, worded, strict=True):
        slot = f"{before.attribute}:{before.key}"
        index[(slot, before.event, before.cite)].append((before.claim, after is before))
    out = []
    for k in conflicts:
        claims = [x for v in k.variants for c in v.citations for x in index[(k.slot, k.event, c)]]
        trusted = [c for c, plain in claims if plain]
        # a claim keyed as the conflict is names its happening ("the hearing"); one joined to
        # it by its place in the lead ("residents filled the chambers") only dates it
        named = [c for c in trusted if f"{c.attribute}:{c.key}" == k.slot]
        if claims and not asked_as_spelling(k.slot, [v.value for v in k.variants]):
            # (a name's question is its spellings)
            k = replace(k, statement=question(pick(named or trusted or [c for c, _ in claims])))
        out.append(k)
    return tuple(out)


LINE_CHARS = 400  # a line told in its own words, with the sentence before it, at most


def _in_context(ctx: StoryContext, facts: Sequence[Fact]) -> tuple[Fact, ...]:
    """Lines told in a sentence's own words that open by pointing back ("It will carry 240
    passengers a trip") with the sentence before them, cited with it
    (``summary.with_what_it_points_to``): out of its place, "it" says nothing of what it is.
    Done last: the summary, the framing and the credit notes read the facts as classified."""
    out = []
    for f in facts:
        shown = shown_citation(ctx, f)
        if shown is None or (
                wide := with_what_it_points_to(ctx, shown.article, shown, LINE_CHARS)) == shown:
            out.append(f)
            continue
        before = " ".join(ctx.text(shown.article)[wide.start : shown.start].split())
        out.append(replace(f, statement=f"{before} {f.statement}",
                           citations=tuple(wide if c == shown else c for c in f.citations)))
    return tuple(out)


def _when(e: Event) -> tuple[bool, str]:
    """Events by date, undated last (the order link/ gives a story's own events)."""
    return (e.date is None, e.date or "")


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
    told = analyzed
    story, analyzed = restamped(story, analyzed)  # a report stamped weeks late: its days
    ctx = build_context(story, analyzed, dup_groups)
    quote_groups, speaker_claims = group_quotes(ctx)
    placed = place_claims(ctx, speaker_claims)
    worded = [_worded(ctx, p) for p in placed]
    agreed, unique, conflicting = classify_claims(ctx, worded)
    conflicting = _asked(conflicting, placed, worded)
    framing = build_framing(ctx, agreed, stated_by(ctx), lambda f: left_out_words(ctx, f))
    background, timeline = background_events(ctx, build_timeline(ctx))
    return Brief(
        story=replace(story, events=tuple(sorted(story.events + background, key=_when)))
        if background else story,
        timeline=timeline,
        agreed=_in_context(ctx, agreed),
        unique=_in_context(ctx, unique),
        conflicting=conflicting,
        quotes=quote_groups,
        summary=build_summary(ctx, agreed, unique, conflicting),
        framing=framing,
        extra={
            "outlets": outlet_framing(framing),
            "sources": {aid: ctx.label[ctx.group[aid]] for aid in ctx.analyzed},
            "independent_sources": len(set(ctx.group.values())),
            **({"dates_retold": retold} if (retold := retold_dates(told, analyzed)) else {}),
        },
    )
