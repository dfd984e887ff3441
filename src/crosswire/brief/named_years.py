"""Years of one named happening, place or work told by two outlets.

A year written right after a name ("first sang at the Velk Mill Hall in 2011", "the Marl
Quay Centre in 2012"), or right before one ("the 2004 film Orra Nights"), dates what the
sentence tells of that name. Two outlets that give one name that way, in sentences that
also tell of the same thing around it (a predicate both say besides the name), give the
year of one happening: different years disagree, whatever verb each parse hung the year
on, and whether or not the parse found a subject for it (such years are "weak" claims,
which ``facts`` compares only between copies of a sentence).

Kept apart: a year another year stands between ("at the Brisk Corn Exchange in 2003 and at
the Velk Mill Hall in 2011": 2011 is the Mill Hall's), a name farther than ``NAME_WORDS``
words from the year, a list of years or a bound ("since 2009"), people, places and
nationalities (a town or a person has many years), a plan, and sentences sharing nothing
but the name ("the Velk Mill Hall opened in 1934" / "the choir's first concert at the Velk
Mill Hall in 2011").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from ..extract.dates.lexicon import YEAR
from ..extract.furniture import overlaps
from ..records import Claim, Entity
from .cite import StoryContext
from .claims import Placed, closest_pairs

NAME_WORDS = 5  # words at most between a name and the year after it
# names of one thing: not places and nationalities, which are the setting of many years
NAMED = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LOC"})
_WORD = re.compile(r"[^\W\d_][\w'-]*|\d+")  # a figure between a name and a year is a word too
_YEAR = re.compile(rf"\b{YEAR}\b")
_CLAUSE_BREAK = re.compile(r"[;:.!?\n]")
# what may stand between a year and a name after it: nothing, "'s", or one noun-like word
_AFTER = re.compile(r"(?:['\u2019]s)?\s*(?:([a-z]{4,})\s+)?")


def _name(e: Entity) -> str:
    words = (e.canonical or e.text).casefold().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _between_ok(text: str) -> int | None:
    """The number of words in ``text`` (the stretch between a name and a year), or None when
    another year or a clause break stands in it."""
    if _YEAR.search(text) or _CLAUSE_BREAK.search(text):
        return None
    return len(_WORD.findall(text))


_LIST_BEFORE = re.compile(rf"{YEAR}(?:,\s*|\s+(?:and|or|to|through)\s+)$")
_LIST_AFTER = re.compile(rf"^(?:,\s*|\s+(?:and|or|to|through)\s+){YEAR}")


_BOUND = re.compile(r"\b(?:since|before|after|until|till|by)\s+$", re.IGNORECASE)


def _bounded(text: str, year: Claim) -> bool:
    """Whether a year bounds a time ("the first cup since 1962"): no happening's year."""
    return "/" in year.key.partition("@")[0] or bool(
        _BOUND.search(text[max(0, year.start - 8) : year.start]))


def _listed(text: str, year: Claim) -> bool:
    """Whether a year stands in a list or span of years ("in 1984 and 2003", "2001, 2005")."""
    return bool(_LIST_BEFORE.search(text[max(0, year.start - 14) : year.start])
                or _LIST_AFTER.match(text[year.end : year.end + 14]))


def names_of_year(text: str, sentence: tuple[int, int], year: Claim,
                  entities: Sequence[Entity]) -> frozenset[str]:
    """The names a year is written beside in its sentence (``sentence`` = its bounds)."""
    out = set()
    for e in entities:
        if e.label not in NAMED or e.start < sentence[0] or e.end > sentence[1]:
            continue
        if e.end <= year.start:
            n = _between_ok(text[e.end : year.start])
            if n is not None and n <= NAME_WORDS:
                out.add(_name(e))
        elif e.start >= year.end and (m := _AFTER.fullmatch(text[year.end : e.start])):
            word = m.group(1)  # a noun of the sentence ("film"), not "when" or "with"
            if word is None or word in year.context or word.removesuffix("s") in year.context:
                out.add(_name(e))  # "the 2004 film Orra Nights", "2004's Orra Nights"
    return frozenset(n for n in out if n)


def named_years(ctx: StoryContext, placed: Sequence[Placed], taken: set[int],
                apart: Callable[[Placed, Placed], bool]) -> list[tuple[str, Placed, Placed]]:
    """(slot, a, b) for each pair of years of one name two outlets give differently, each
    year in one such pair at most (the pair whose sentences share the most predicates);
    ``taken``: ids of claims already in a conflict; ``apart``: claims the caller's rules tell
    apart (two doers, a plan and a happening)."""
    by_start = {(p.article, p.claim.start): p for p in placed if p.attribute == "year"}
    years: list[tuple[Placed, frozenset[str]]] = []
    for aid, rec in ctx.analyzed.items():
        ex = rec.extraction
        text = ctx.text(aid)
        for c in ex.claims:
            if c.attribute != "year" or "future" in c.qualifiers or "quoted" in c.qualifiers:
                continue
            if overlaps(ex.nonbody, c.start, c.end) is not None:
                continue  # a caption's year
            cite = ctx.sentence_cite(aid, c.start, c.end)
            p = by_start.get((aid, c.start)) or Placed(c, aid, None, c.key, cite)
            if id(p) in taken:
                continue
            if _bounded(text, c) or _listed(text, c):
                continue  # "since 1962" bounds a time; "at the Velk Cup in 1991 and 1997": a
                # name's several happenings
            names = names_of_year(text, (cite.start, cite.end), c, ex.entities)
            if names:
                years.append((p, names))
    # a sentence giving two years beside one name speaks of two things of it
    told: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    for p, names in years:
        for n in names:
            told[(p.article, p.cite.start, n)].add(p.claim.value)
    pairs: list[tuple[int, str, Placed, Placed]] = []
    for i, (a, na) in enumerate(years):
        for b, nb in years[:i]:
            shared_names = {n for n in na & nb
                            if len(told[(a.article, a.cite.start, n)]) == 1
                            and len(told[(b.article, b.cite.start, n)]) == 1}  # fmt: skip
            if (not shared_names or a.claim.value == b.claim.value
                    or ctx.publisher[a.article] == ctx.publisher[b.article] or apart(a, b)):
                continue
            shared = set(a.claim.context) & set(b.claim.context)
            if shared:
                pairs.append((len(shared), f"year:{min(shared_names)}", a, b))
    out = closest_pairs(pairs)
    taken.update(id(p) for _, a, b in out for p in (a, b))
    return out


__all__ = ["NAMED", "named_years", "names_of_year"]
