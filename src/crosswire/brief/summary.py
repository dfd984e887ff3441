"""A neutral, extractive summary: 3-8 source sentences, each cited.

Candidates are story sentences without framing markers, reader questions or mostly-quoted
text, not opening with a pronoun (unclear out of context) and not stating a disputed value.
Scores favour sentences carrying facts that many independent sources agree on and early (lede)
sentences, and are damped for opinionated articles. One sentence per event comes first, then
the best of the rest; near-repeats are skipped. Each summary sentence cites itself and the
similar sentences of other sources.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence

from ..records import Cite, Conflict, Fact, Sentence, SummarySentence
from .cite import StoryContext
from .framing import find_markers, quoted_ranges

MIN_WORDS, MAX_WORDS = 8, 60
NAME_WEIGHT = 0.2  # who/place/role facts say less about what happened than counts and dates
MAX_SENTENCES, MIN_SENTENCES = 8, 3
REPEAT = 0.5  # token Jaccard above which two sentences say the same thing
SUPPORT = 0.4  # token Jaccard above which another source's sentence backs a summary line
_WORD = re.compile(r"[\w']+")
_QUOTE_CHARS = "\"\u201c\u201d'\u2018"
_PRONOUN = re.compile(
    r"(?:(?:then|but|and|so|still|now|later|yet|instead),?\s+)?"
    r"(?:he|she|it|they|this|that|these|those|we|i|his|her|their|its)\b",
    re.IGNORECASE,
)
_CORE = ("count:", "date", "speaker:")  # facts that make two sentences say the same thing


def _tokens(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if len(w) > 2}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _quoted_share(ranges: Sequence[tuple[int, int]], s: Sentence) -> float:
    """Share of the sentence inside quotation ranges (``ranges`` sorted by start)."""
    covered, frontier = 0, s.start
    for a, b in ranges:
        if a >= s.end:
            break
        a, b = max(a, frontier), min(b, s.end)
        if b > a:
            covered += b - a
            frontier = b
    return covered / max(1, s.end - s.start)


def _eligible(ranges: Sequence[tuple[int, int]], marks: Sequence[int], s: Sentence) -> bool:
    words = len(s.text.split())
    body = s.text.strip()
    if not MIN_WORDS <= words <= MAX_WORDS or body.rstrip(_QUOTE_CHARS + ") ").endswith("?"):
        return False
    if body[:1] in _QUOTE_CHARS or _quoted_share(ranges, s) > 0.5 or _PRONOUN.match(body):
        return False
    i = bisect.bisect_left(marks, s.start)  # any lexicon marker, quoted or not
    return not (i < len(marks) and marks[i] < s.end)


def build_summary(
    ctx: StoryContext, agreed: Sequence[Fact], unique: Sequence[Fact], conflicts: Sequence[Conflict]
) -> tuple[SummarySentence, ...]:
    """Up to 8 cited sentences, one per event first, in event order."""
    score: dict[tuple[str, int], float] = defaultdict(float)
    carries: dict[tuple[str, int], set[str]] = defaultdict(set)  # core facts of a sentence
    for weight, facts in ((1.0, agreed), (0.25, unique)):
        for f in facts:
            core = f.slot.startswith(_CORE)
            gain = weight * len(f.sources) * (1.0 if core else NAME_WEIGHT)
            for c in f.citations:
                score[(c.article, c.start)] += gain
                if core:
                    carries[(c.article, c.start)].add(f"{f.event}|{f.slot}|{f.value}")
    disputed = {(c.article, c.start) for k in conflicts for v in k.variants for c in v.citations}

    art_rank = {a: k for k, a in enumerate(ctx.analyzed)}
    cands: list[tuple[float, str, int, Sentence]] = []
    for aid, sents in ctx.sentences.items():
        rec = ctx.analyzed[aid]
        ranges = quoted_ranges(rec.article.text, [(q.start, q.end) for q in rec.extraction.quotes])
        marks = sorted(m.start for m in find_markers(rec.article.text))
        # sentences of opinionated articles (many markers per 1,000 characters) rank lower
        damp = 1.0 + 1000 * len(marks) / max(1, len(rec.article.text))
        for i, s in enumerate(sents):
            if (aid, s.start) in disputed or not _eligible(ranges, marks, s):
                continue
            cands.append(((score[(aid, s.start)] + 1.0 / (1 + i)) / damp, aid, i, s))
    cands.sort(key=lambda c: (-c[0], art_rank[c[1]], c[2]))
    n_target = min(MAX_SENTENCES, max(MIN_SENTENCES, len(ctx.analyzed) + len(ctx.events)))

    chosen: list[tuple[str, int, Sentence]] = []
    covered: set[str] = set()
    tokens = _TokenCache()

    def take(aid: str, i: int, s: Sentence) -> bool:
        """Add a sentence unless it repeats the words or only the facts of a chosen one."""
        toks = tokens(s)
        if any(_jaccard(toks, tokens(o)) >= REPEAT for _, _, o in chosen):
            return False
        facts = carries.get((aid, s.start), set())
        if facts and facts <= covered:
            return False
        chosen.append((aid, i, s))
        covered.update(facts)
        return True

    for e in ctx.events[:MAX_SENTENCES]:  # one per event first
        for _, aid, i, s in cands:
            if ctx.event_of(aid, s.start) == e.id and take(aid, i, s):
                break
    for _, aid, i, s in cands:
        if len(chosen) >= n_target:
            break
        if all(s is not o for _, _, o in chosen):
            take(aid, i, s)

    ev_rank: dict[str | None, int] = {
        e.id: k for k, e in enumerate(sorted(ctx.events, key=lambda e: e.date or "~"))
    }
    chosen.sort(
        key=lambda c: (ev_rank.get(ctx.event_of(c[0], c[2].start), 99), art_rank[c[0]], c[1])
    )
    return tuple(SummarySentence(s.text, _support(ctx, tokens, aid, s)) for aid, _, s in chosen)


class _TokenCache:
    """Content-word sets of sentences, computed once each."""

    def __init__(self) -> None:
        self._cache: dict[int, set[str]] = {}

    def __call__(self, s: Sentence) -> set[str]:
        key = id(s)
        if key not in self._cache:
            self._cache[key] = _tokens(s.text)
        return self._cache[key]


def _support(ctx: StoryContext, tokens: _TokenCache, aid: str, s: Sentence) -> tuple[Cite, ...]:
    """The sentence itself plus the most similar sentence of each other source."""
    cites = [Cite(aid, s.start, s.end)]
    toks = tokens(s)
    seen = {ctx.group[aid]}
    for other, sents in ctx.sentences.items():
        if ctx.group[other] in seen:
            continue
        scored = [(_jaccard(toks, tokens(o)), o) for o in sents]
        score, best = max(scored, key=lambda x: x[0], default=(0.0, None))
        if best is not None and score >= SUPPORT:
            cites.append(Cite(other, best.start, best.end))
            seen.add(ctx.group[other])
    return tuple(cites)
