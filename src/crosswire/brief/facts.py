"""Facts: claims sorted into agreed / unique / conflicting per (event, slot).

Single-valued slots (counts with a known group, date, role, speaker) can conflict; ``place``,
``who`` and counts of unknown groups hold many values and never do. Values compare by kind:
number ranges by overlap (``nearly 300`` fits ``hundreds``), dates by prefix (``2014-12`` fits
``2014-12-27``), names and roles by token containment. Agreed needs two independent sources.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from ..records import Cite, Conflict, Fact, Variant
from .cite import StoryContext, dates_compatible
from .claims import Claim, format_range, overlaps

RANGES = ("range", "range_soft")
CAN_CONFLICT = ("range", "date", "name")  # sets and counts of unknown groups never conflict

# ---------------------------------------------------------------- agreement and conflict


def _tokens(value: str) -> set[str]:
    return set(re.findall(r"[\w'-]+", value.casefold()))


def compatible(a: Claim, b: Claim) -> bool:
    if a.kind in RANGES:
        return overlaps((a.low, a.high), (b.low, b.high))
    if a.kind == "date":
        return dates_compatible(a.value, b.value)
    ta, tb = _tokens(a.value), _tokens(b.value)
    return ta == tb or (bool(ta) and bool(tb) and (ta <= tb or tb <= ta))


def _cluster(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Greedy clusters of mutually compatible claims (deterministic order).

    Each cluster keeps a representative that is compatible exactly with what fits all members:
    the intersection of the ranges (1-D intervals that meet pairwise share a point), or the
    most specific date (compatible dates form a prefix chain). Names compare to every member.
    """
    order = sorted(
        claims, key=lambda c: (c.low or 0, c.high or 0, c.value, c.article, c.cite.start)
    )
    clusters: list[list[Claim]] = []
    reps: list[Claim] = []
    names: list[dict[str, Claim]] = []  # distinct values of each cluster, for names
    live: list[int] = []  # clusters a later claim can still join
    for c in order:
        if c.kind in RANGES and c.low is not None:
            # claims come by ascending low: a cluster whose range ends below it is closed
            live = [k for k in live if reps[k].high is None or reps[k].high >= c.low]
        for k in list(live):
            cl = clusters[k]
            rep = reps[k]
            if c.kind == "name":
                fits = all(compatible(c, m) for m in names[k].values())
            else:
                fits = compatible(c, rep)
            if fits:
                cl.append(c)
                reps[k] = _narrow(rep, c)
                names[k].setdefault(c.value.casefold(), c)
                break
        else:
            live.append(len(clusters))
            clusters.append([c])
            reps.append(c)
            names.append({c.value.casefold(): c})
    return clusters


def _narrow(rep: Claim, c: Claim) -> Claim:
    if rep.kind in RANGES:
        lows = [x for x in (rep.low, c.low) if x is not None]
        highs = [x for x in (rep.high, c.high) if x is not None]
        return replace(rep, low=max(lows, default=None), high=min(highs, default=None))
    if rep.kind == "date" and len(c.value) > len(rep.value):
        return c
    return rep


def _cluster_value(cl: Sequence[Claim]) -> str:
    kind = cl[0].kind
    if kind in RANGES:
        lows = [c.low for c in cl]
        highs = [c.high for c in cl]
        low = None if None in lows else min(x for x in lows if x is not None)
        high = None if None in highs else max(x for x in highs if x is not None)
        return format_range(low, high)
    if kind == "date":
        return max((c.value for c in cl), key=len)
    counts: dict[str, int] = defaultdict(int)
    for c in cl:
        counts[c.value] += 1
    return max(sorted(counts), key=lambda v: (counts[v], len(v)))


def _cites(ctx: StoryContext, claims: Iterable[Claim]) -> tuple[Cite, ...]:
    order = {a: i for i, a in enumerate(ctx.analyzed)}
    uniq = {(c.cite.article, c.cite.start, c.cite.end): c.cite for c in claims}
    return tuple(v for _, v in sorted(uniq.items(), key=lambda kv: (order[kv[0][0]], kv[0][1:])))


def _why(kind: str, values: Sequence[str]) -> str:
    shown = " vs ".join(values)
    if kind in RANGES:
        return f"non-overlapping ranges {shown}"
    if kind == "date":
        return f"different dates {shown}"
    return f"different values {shown}"


def classify_claims(
    ctx: StoryContext, claims: Sequence[Claim]
) -> tuple[tuple[Fact, ...], tuple[Fact, ...], tuple[Conflict, ...]]:
    """(agreed, unique, conflicting). Agreed needs >= 2 independent sources."""
    by_slot: dict[tuple[str | None, str], list[Claim]] = defaultdict(list)
    for c in claims:
        by_slot[(c.event, c.slot)].append(c)
    agreed: list[Fact] = []
    unique: list[Fact] = []
    conflicts: list[Conflict] = []
    for (event, slot), items in by_slot.items():
        kind = items[0].kind
        if kind == "set":
            by_value: dict[str, list[Claim]] = defaultdict(list)
            for c in items:
                by_value[c.value.casefold()].append(c)
            clusters = list(by_value.values())
        else:
            clusters = _cluster(items)
        groups = [{ctx.group[c.article] for c in cl} for cl in clusters]
        if kind in CAN_CONFLICT and len(clusters) > 1 and len(set().union(*groups)) >= 2:
            variants = tuple(
                Variant(_cluster_value(cl), _cites(ctx, cl), ctx.sources_of(c.article for c in cl))
                for cl in clusters
            )
            why = (
                "different speaker credited"
                if slot.startswith("speaker:")
                else _why(kind, [v.value for v in variants])
            )
            conflicts.append(Conflict(slot, event, variants, why))
            continue
        for cl, grp in zip(clusters, groups, strict=True):
            fact = Fact(
                slot,
                event,
                _cluster_value(cl),
                _cites(ctx, cl),
                ctx.sources_of(c.article for c in cl),
            )
            (agreed if len(grp) >= 2 else unique).append(fact)
    key = _fact_order(ctx)
    agreed.sort(key=lambda f: (_event_rank(ctx, f.event), -len(f.sources), *key(f)[1:]))
    unique.sort(key=key)
    conflicts.sort(key=lambda c: (_event_rank(ctx, c.event), _slot_rank(c.slot), c.slot))
    return tuple(agreed), tuple(unique), tuple(conflicts)


def _slot_rank(slot: str) -> int:
    for i, prefix in enumerate(("date", "place", "count:", "speaker:", "role:", "who")):
        if slot.startswith(prefix):
            return i
    return 9


def _event_rank(ctx: StoryContext, event: str | None) -> int:
    ids = [e.id for e in ctx.events]
    return ids.index(event) if event in ids else len(ids)


def _fact_order(ctx: StoryContext) -> Callable[[Fact], tuple[int, int, str, str]]:
    def key(f: Fact) -> tuple[int, int, str, str]:
        return (_event_rank(ctx, f.event), _slot_rank(f.slot), f.slot, f.value)

    return key
