"""Claims: (event, slot, value) statements read from one story's extractions.

Slots: ``count:<unit>[/<group>]`` (numbers; the group is what the counted people did, taken from
the verb governing the counted noun and normalised by ``lexicons/verbs.json``, so "officers who
turned their backs" and "officers who attended" are different slots), ``date`` (of the event),
``place``, ``who`` and ``role:<person>``; quotes.py adds ``speaker:<quote key>``. A count whose
group is unknown or a light verb ("were", "had") is listed but never called a conflict.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..records import Cite, Sentence, TimeRef
from .cite import StoryContext, date_precision, dates_compatible
from .lexicon import load_lexicon

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_WHO_LABELS = {"PERSON", "ORG", "NORP"}
_STOP = {
    "the", "a", "an", "of", "in", "on", "at", "for", "to", "and", "with", "by", "from", "after",
    "before", "over", "his", "her", "their", "its", "was", "were", "is", "are", "be", "who",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Claim:
    """One value for one slot of one event, as one article states it."""

    event: str | None
    slot: str
    value: str
    kind: str  # range | range_soft (never conflicts) | date | name | set
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
    for j, tok in enumerate(toks[:4]):  # move past the counted noun if it follows the number
        if tok.casefold().startswith(stem):
            i = j + 1
            break
        if _verb_like(tok) or tok in _STOP_TOKENS:
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


def group_key(group: str | None) -> tuple[str | None, bool]:
    """(normalised group, firm). ``"battle flame"`` -> ``("fight", True)``; ``"turn back"``
    stays; objects are dropped; light verbs and unknown groups are not firm."""
    if not group:
        return None, False
    lex = load_lexicon("verbs")
    words = group.casefold().split()
    verb = lex["synonyms"].get(words[0], words[0])
    if len(words) > 1 and words[1] in lex["particles"] and " " not in verb:
        verb = f"{verb} {words[1]}"
    return verb, words[0] not in lex["light"]


def _count_claims(ctx: StoryContext, aid: str) -> list[Claim]:
    out = []
    for n in ctx.analyzed[aid].extraction.numbers:
        if not n.unit or (n.low is None and n.high is None):
            continue
        sent = ctx.sentence_at(aid, n.start)
        group = n.group
        if group is None and sent is not None:
            group = infer_group(sent.text, n.end - sent.start, n.unit)
        key, firm = group_key(group)
        slot = f"count:{n.unit}" + (f"/{key}" if key else "")
        low, high = _widen(n.low, n.high, n.approx)
        cite = ctx.sentence_cite(aid, n.start, n.end)
        kind = "range" if firm else "range_soft"
        out.append(Claim(ctx.event_of(aid, n.start), slot, format_range(low, high), kind, aid,
                         cite, low, high))  # fmt: skip
    return out


def _keyword_at(sentence: str, words: set[str]) -> list[int]:
    """Offsets in ``sentence`` of an event word (lowercase as in the title; capitalised only
    at the sentence start, so the month "March" is not the word "march")."""
    hits = []
    for w in words:
        for m in re.finditer(rf"\b{re.escape(w)}", sentence, re.IGNORECASE):
            said = m.group(0)
            if said.islower() or (m.start() == 0 and said[1:].islower()):
                hits.append(m.start())
    return hits


def _nearest_date(
    ctx: StoryContext,
    ev: str,
    sent: Sentence,
    times: list[TimeRef],
    event_words: dict[str, set[str]],
    event_date: dict[str, str | None],
) -> list[TimeRef]:
    """The date closest to a word naming ``ev``, if no other event's word is closer to it and
    it is not another event's own date ("the march began ... where the fire broke out on
    March 4" dates the fire, not the march)."""
    hits = [(h, e) for e, words in event_words.items() for h in _keyword_at(sent.text, words)]
    if not any(e == ev for _, e in hits):
        return []
    best: tuple[int, TimeRef] | None = None
    for t in times:
        if any(d and e != ev and d[:10] == (t.value or "")[:10] for e, d in event_date.items()):
            continue
        rel = t.start - sent.start
        dist, nearest = min((abs(rel - h), e) for h, e in hits)
        if nearest == ev and (best is None or dist < best[0]):
            best = (dist, t)
    return [best[1]] if best else []


def _could_date(value: str, known: str | None, published: str | None) -> bool:
    """Whether a date near the event's name can be a (conflicting) claim of its date: not a
    month when the day is known ("will close in June"), and not a later plan ("takes effect
    July 1") when the event was already past at publication."""
    if known and date_precision(known) == "day" and date_precision(value) != "day":
        return False
    return not (published and known and known[:10] <= published < value[:10])


def _date_claims(
    ctx: StoryContext, aid: str, event_words: dict[str, set[str]], quoted: list[tuple[int, int]]
) -> list[Claim]:
    """Day or month dates stated for an event: the event's own date, or the date nearest to a
    word naming the event in the same sentence. Dates inside quotations are not claims."""
    event_date = {e.id: e.date for e in ctx.events}
    by_sentence: dict[tuple[str | None, int], list[TimeRef]] = defaultdict(list)
    for t in ctx.analyzed[aid].extraction.times:
        if t.type != "DATE" or date_precision(t.value) not in ("day", "month"):
            continue
        if any(a <= t.start < b for a, b in quoted):
            continue
        sent = ctx.sentence_at(aid, t.start)
        by_sentence[(ctx.event_of(aid, t.start), sent.start if sent else t.start)].append(t)
    published = (ctx.analyzed[aid].article.published or "")[:10] or None
    out = []
    for (ev, start), times in by_sentence.items():
        if ev is None:
            continue
        sent = ctx.sentence_at(aid, start)
        known = event_date.get(ev)
        chosen = [t for t in times if known and t.value and dates_compatible(known, t.value)]
        if not chosen and sent is not None:
            plausible = [t for t in times if _could_date(t.value or "", known, published)]
            chosen = _nearest_date(ctx, ev, sent, plausible, event_words, event_date)
        for t in chosen:
            assert t.value is not None
            out.append(Claim(ev, "date", t.value[:10], "date", aid,
                             ctx.sentence_cite(aid, t.start, t.end)))  # fmt: skip
    return out


def extract_claims(ctx: StoryContext) -> list[Claim]:
    """Count, date, place, who and role claims of every story article."""
    claims: list[Claim] = []
    event_words = _event_words(ctx)  # a date claims to be an event's date only near these
    outlets = {a.article.source.casefold() for a in ctx.analyzed.values() if a.article.source}
    for aid, rec in ctx.analyzed.items():
        ex = rec.extraction
        outlets_here = outlets | {q.via.casefold() for q in ex.quotes if q.via}
        quoted = [(q.start, q.end) for q in ex.quotes if q.kind != "indirect"]
        claims += _count_claims(ctx, aid)
        claims += _date_claims(ctx, aid, event_words, quoted)
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
