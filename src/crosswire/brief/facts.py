"""Facts: claims as (event, slot, value) from the extractions, sorted into agreed / unique /
conflicting.

Slots: ``count:<unit>[/<group>]`` (numbers; the group is what the counted people did, so
"officers who turned their backs" and "officers who attended" never conflict), ``date`` (of the
event), ``place``, ``who``, ``role:<person>`` and ``speaker:<quote key>`` (from quotes.py).
Single-valued slots (counts, date, role, speaker) can conflict; ``place`` and ``who`` hold many
values and never do. Values compare by kind: number ranges by overlap, dates by prefix
(``2014-12`` fits ``2014-12-27``), names and roles by token containment.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from ..records import Cite, Conflict, Fact, Variant
from .cite import StoryContext, date_precision, dates_compatible

SINGLE_KINDS = ("range", "date", "name")
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_WHO_LABELS = {"PERSON", "ORG", "NORP"}
_STOP = {
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "for",
    "to",
    "and",
    "with",
    "by",
    "from",
    "after",
    "before",
    "over",
    "his",
    "her",
    "their",
    "its",
    "was",
    "were",
    "is",
    "are",
    "be",
    "who",
}


@dataclass(frozen=True, slots=True)
class Claim:
    """One value for one slot of one event, as one article states it."""

    event: str | None
    slot: str
    value: str
    kind: str  # range | date | name | set
    article: str
    cite: Cite
    low: float | None = None
    high: float | None = None


# ---------------------------------------------------------------- numbers and counted groups

_IRREGULAR = {
    "stood": "stand",
    "gave": "give",
    "came": "come",
    "went": "go",
    "held": "hold",
    "were": "be",
    "was": "be",
    "made": "make",
    "took": "take",
    "left": "leave",
    "fled": "flee",
    "saw": "see",
    "ran": "run",
    "met": "meet",
    "sat": "sit",
    "lost": "lose",
    "got": "get",
    "fell": "fall",
    "rode": "ride",
    "wore": "wear",
    "sang": "sing",
    "knelt": "kneel",
    "flew": "fly",
    "drove": "drive",
    "brought": "bring",
    "fought": "fight",
    "spoke": "speak",
    "died": "die",
    "lined": "line",
    "filed": "file",
    "paid": "pay",
    "turned": "turn",
}
_PARTICLES = {"up", "out", "back", "down", "off", "away", "over", "around"}
_POSSESSIVES = {"their", "his", "her", "its", "our"}
_SKIP_BEFORE_VERB = {"who", "that", "which", "had", "have", "also", "all", "then", "later"}
_STOP_TOKENS = {",", ";", ":", ".", "!", "?", "and", "but", "or", "while", "as"}
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*|[,;:.!?]")


def lemmatize_verb(word: str) -> str:
    """Crude verb lemma for the fallback group finder ("turned" -> "turn")."""
    w = word.casefold()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ed") and len(w) > 4:
        stem = w[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
            stem = stem[:-1]
        return stem
    if w.endswith("ing") and len(w) > 5:
        return w[:-3]
    return w


def _verb_like(tok: str) -> bool:
    t = tok.casefold()
    return t in _IRREGULAR or (t.endswith("ed") and len(t) > 4)


def infer_group(sentence: str, rel_end: int, unit: str) -> str | None:
    """What the counted group did, read from the words after the number ("turn back")."""
    toks = _TOKEN.findall(sentence[rel_end:])[:14]
    stem = unit.casefold()[: max(3, len(unit) - 1)]
    i = 0
    for j, tok in enumerate(toks[:6]):  # move past the counted noun if it follows the number
        if tok.casefold().startswith(stem):
            i = j + 1
            break
    for j in range(i, min(len(toks), i + 8)):
        tok = toks[j].casefold()
        if tok in _STOP_TOKENS:
            return None
        if tok in _SKIP_BEFORE_VERB or tok.endswith("ly"):
            continue
        if not _verb_like(tok):
            continue
        verb = lemmatize_verb(tok)
        rest = [t.casefold() for t in toks[j + 1 : j + 3]]
        if rest and rest[0] in _PARTICLES:
            return f"{verb} {rest[0]}"
        if len(rest) == 2 and rest[0] in _POSSESSIVES and rest[1].isalpha():
            return f"{verb} {rest[1].rstrip('s') if len(rest[1]) > 3 else rest[1]}"
        return verb
    return None


def _widen(
    low: float | None, high: float | None, approx: bool
) -> tuple[float | None, float | None]:
    if approx and low is not None and low == high:
        return low * 0.9, high * 1.1
    return low, high


def overlaps(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> bool:
    lo = max(x for x in (a[0], b[0], float("-inf")) if x is not None)
    hi = min(x for x in (a[1], b[1], float("inf")) if x is not None)
    return lo <= hi


def _num(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def format_range(low: float | None, high: float | None) -> str:
    """``200–999``, ``300``, ``6+``, ``up to 300``, ``unknown``."""
    if low is not None and high is not None:
        return _num(low) if low == high else f"{_num(low)}\u2013{_num(high)}"
    if low is not None:
        return f"{_num(low)}+"
    if high is not None:
        return f"up to {_num(high)}"
    return "unknown"


# ---------------------------------------------------------------- claims from extractions


def _event_words(ctx: StoryContext) -> dict[str, set[str]]:
    """Words naming what each event is ("funeral", "collapse"): lowercase (or first) words of
    its title, minus names and roles of the story's entities and words other titles share."""
    names: set[str] = set()
    for rec in ctx.analyzed.values():
        for ent in rec.extraction.entities:
            said = f"{ent.canonical} {ent.text} {ent.role or ''}".casefold()
            names.update(re.findall(r"[a-z]+", said))
    words: dict[str, set[str]] = {}
    for e in ctx.events:
        found = re.findall(r"[A-Za-z]{4,}", e.title)
        words[e.id] = {
            w.casefold()
            for i, w in enumerate(found)
            if (i == 0 or w.islower()) and w.casefold() not in _STOP | names
        }
    out = {}
    for eid, ws in words.items():
        others = set().union(*(v for k, v in words.items() if k != eid))
        out[eid] = ws - others
    return out


def extract_claims(ctx: StoryContext) -> list[Claim]:
    """Count, date, place, who and role claims of every story article."""
    claims: list[Claim] = []
    event_words = _event_words(ctx)  # a date claims to be an event's date only near these
    event_date = {e.id: e.date for e in ctx.events}
    outlets = {a.article.source.casefold() for a in ctx.analyzed.values() if a.article.source}
    for aid, rec in ctx.analyzed.items():
        ex, text = rec.extraction, rec.article.text
        outlets_here = outlets | {q.via.casefold() for q in ex.quotes if q.via}
        for n in ex.numbers:
            if not n.unit:
                continue
            sent = ctx.sentence_at(aid, n.start)
            group = n.group
            if group is None and sent is not None:
                group = infer_group(sent.text, n.end - sent.start, n.unit)
            slot = f"count:{n.unit}" + (f"/{group}" if group else "")
            low, high = _widen(n.low, n.high, n.approx)
            claims.append(
                Claim(
                    ctx.event_of(aid, n.start),
                    slot,
                    format_range(low, high),
                    "range",
                    aid,
                    ctx.sentence_cite(aid, n.start, n.end),
                    low,
                    high,
                )
            )
        for t in ex.times:
            if t.type != "DATE" or date_precision(t.value) == "unknown" or t.value is None:
                continue
            ev = ctx.event_of(aid, t.start)
            if ev is None:
                continue
            sent = ctx.sentence_at(aid, t.start)
            said = sent.text.casefold() if sent else text[t.start : t.end].casefold()
            known = event_date.get(ev)
            fits = known is not None and dates_compatible(known, t.value)
            if fits or any(re.search(rf"\b{w}", said) for w in event_words.get(ev, ())):
                claims.append(
                    Claim(
                        ev,
                        "date",
                        t.value[:10],
                        "date",
                        aid,
                        ctx.sentence_cite(aid, t.start, t.end),
                    )
                )
        for e in ex.entities:
            ev = ctx.event_of(aid, e.start)
            cite = ctx.sentence_cite(aid, e.start, e.end)
            name = e.canonical or e.text
            if e.label in _PLACE_LABELS:
                claims.append(Claim(ev, "place", name, "set", aid, cite))
            elif e.label in _WHO_LABELS and name.casefold() not in outlets_here:
                claims.append(Claim(ev, "who", name, "set", aid, cite))
            if e.role and e.label == "PERSON":
                # a person's role does not depend on the event
                claims.append(Claim(None, f"role:{name}", e.role.strip(), "name", aid, cite))
    return claims


# ---------------------------------------------------------------- agreement and conflict


def _tokens(value: str) -> set[str]:
    return set(re.findall(r"[\w'-]+", value.casefold()))


def compatible(a: Claim, b: Claim) -> bool:
    if a.kind == "range":
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
    for c in order:
        for k, cl in enumerate(clusters):
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
            clusters.append([c])
            reps.append(c)
            names.append({c.value.casefold(): c})
    return clusters


def _narrow(rep: Claim, c: Claim) -> Claim:
    if rep.kind == "range":
        lows = [x for x in (rep.low, c.low) if x is not None]
        highs = [x for x in (rep.high, c.high) if x is not None]
        return replace(rep, low=max(lows, default=None), high=min(highs, default=None))
    if rep.kind == "date" and len(c.value) > len(rep.value):
        return c
    return rep


def _cluster_value(cl: Sequence[Claim]) -> str:
    kind = cl[0].kind
    if kind == "range":
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
    if kind == "range":
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
        if kind != "set" and len(clusters) > 1 and len(set().union(*groups)) >= 2:
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
