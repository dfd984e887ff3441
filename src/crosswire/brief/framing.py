"""Framing per article: whose voices it quotes, its marked word choices, what it leaves out.

Markers come from small JSON lexicons in ``lexicons/`` (each file documents itself):
loaded wording (with the neutral alternative), evaluative adjectives, intensifiers, hedges and
opinion markers; plus reader-directed questions (a sentence ending in "?" outside quotes).
Words inside quotations, and the words a report credits to a speaker ("<Name> said the plan
was ridiculous"), are the speaker's, not the outlet's, so they are not markers. Page
furniture (captions, credits, sidebars: ``Extraction.nonbody``) is not the article: its words
are no markers and its quotes no voices.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from ..extract.furniture import overlaps
from ..lexicon import load_lexicon
from ..records import Cite, Fact, Framing, Marker, Words
from ..words import LOST_LETTER, only_a_noun, word_matches
from ..words import words as words_of
from .cite import StoryContext
from .quotes import one_spelling, shown, utterances

KINDS = ("loaded", "evaluative", "intensifier", "hedge", "opinion")
_FILES = {
    "loaded": "loaded",
    "evaluative": "evaluative",
    "intensifier": "intensifiers",
    "hedge": "hedges",
    "opinion": "opinion",
}
_CLAUSE = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n\s*")
_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"\n]*\"")


@lru_cache(maxsize=1)
def load_lexicons() -> dict[str, dict[str, str | None]]:
    """kind -> {phrase (lowercase): neutral wording or None}."""
    out: dict[str, dict[str, str | None]] = {}
    for kind, name in _FILES.items():
        data = load_lexicon(name)
        if "pairs" in data:
            out[kind] = {k.casefold(): v for k, v in data["pairs"].items()}
        else:
            out[kind] = {w.casefold(): None for w in data["words"]}
    return out


@lru_cache(maxsize=1)
def _phrases() -> dict[str, list[tuple[tuple[str, ...], str, str | None]]]:
    """first word -> [(words, kind, neutral)], longest phrases first."""
    table: dict[str, list[tuple[tuple[str, ...], str, str | None]]] = {}
    for kind, words in load_lexicons().items():
        for phrase, neutral in words.items():
            key = tuple(words_of(phrase))
            table.setdefault(key[0], []).append((key, kind, neutral))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    return table


def quoted_ranges(text: str, extra: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (plus any given ranges)."""
    spans = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    return sorted([*spans, *extra])


def inside(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether ``start:end`` lies wholly inside one of ``ranges``."""
    return any(s <= start and end <= e for s, e in ranges)


def find_markers(text: str, offset: int = 0, skip: Sequence[tuple[int, int]] = (),
                 read: Words | None = None) -> list[Marker]:
    """Lexicon markers in ``text`` (offsets shifted by ``offset``), outside ``skip`` ranges;
    ``read`` are the words of ``text`` when it is an article (its extraction's), else they
    are read here.

    Whole words only; a phrase matches across single runs of whitespace, case-insensitively.
    """
    table = _phrases()
    spans = (list(zip(read.starts, read.ends, strict=True)) if read is not None
             else [m.span() for m in word_matches(text)])
    norm = [text[a:b].casefold().replace("\u2019", "'") for a, b in spans]
    out = []
    for i, first in enumerate(norm):
        entries = table.get(first)
        if not entries:
            continue
        size = 0
        for key, kind, neutral in entries:
            n = len(key)
            if size and n < size:
                break  # a longer phrase matched here already
            if tuple(norm[i : i + n]) != key or not all(
                text[spans[k][1] : spans[k + 1][0]].isspace() for k in range(i, i + n - 1)
            ):
                continue
            if kind == "intensifier" and i + n < len(norm) and only_a_noun(norm[i + n]):
                continue  # "the very law": that same law, no quality amplified
            size = n
            start, end = spans[i][0], spans[i + n - 1][1]
            if not inside(start + offset, end + offset, skip):
                out.append(Marker(kind, text[start:end], start + offset, end + offset, neutral))
    out.sort(key=lambda m: (m.start, m.end, m.kind))
    return out


def article_markers(ctx: StoryContext, article: str) -> list[Marker]:
    """Every marker of one article, reader questions included, in text order."""
    rec = ctx.analyzed[article]
    text = rec.article.text
    # (reported words, "<Name> said the plan was ridiculous", are the speaker's judgement too)
    skip = quoted_ranges(text, [(q.start, q.end) for q in rec.extraction.quotes])
    nonbody = rec.extraction.nonbody
    markers = [m for m in find_markers(text, 0, skip, rec.extraction.words)
               if overlaps(nonbody, m.start, m.end) is None]
    for sent in ctx.sentences[article]:
        if overlaps(nonbody, sent.start, sent.end) is not None:
            continue
        body = sent.text.rstrip("\"'\u201d\u2019) ")
        end = sent.start + len(body)
        if (body.endswith("?") and not inside(end - 1, end, skip)
                and not LOST_LETTER.search(body.rsplit(None, 1)[-1])):  # fmt: skip
            begin = 0  # the question is the last clause when a sentence span runs on
            for m in _CLAUSE.finditer(body[:-1]):
                begin = m.end()
            start = sent.start + begin
            markers.append(Marker("reader_question", text[start:end], start, end))
    markers.sort(key=lambda m: (m.start, m.end, m.kind))
    return markers


# how outlets name someone ("Ada Lind: Mayor"), not a fact of the story one can leave out
NAMING = ("role", "name")


def _dated_from(ctx: StoryContext, fact: Fact) -> str | None:
    """The day from which every sentence ``fact`` is cited from dates it (each sentence's
    latest day, the earliest of those), or None when one of them dates it to no day."""
    def latest(c: Cite) -> str | None:
        days = [claim.value for claim in ctx.claims_in(c) if claim.attribute == "date"
                and re.fullmatch(r"\d{4}-\d\d-\d\d", claim.value)]  # fmt: skip
        return max(days) if days else None

    ends = [latest(c) for c in fact.citations]
    return min(d for d in ends if d is not None) if ends and None not in ends else None


def _told_of_later(ctx: StoryContext, aid: str, fact: Fact, day: str | None) -> bool:
    """Whether ``fact``, whose sentences all date it from ``day`` (``_dated_from``), is of a
    time after ``aid`` was published: a report of Monday evening does not leave out a letter
    released on Tuesday. (When the other reports came out the same day says nothing: they may
    repeat what was known before.) A fact with no day of its own (words quoted, most counts)
    is of a later time when every report of it came out on a later day than ``aid``: it is
    not sure the earlier report could have given it."""
    own = ctx.published(aid)
    if own is None:
        return False
    if day is not None:
        return day > own[1].date().isoformat()
    others = [ctx.published(c.article) for c in fact.citations]
    return bool(others) and all(o is not None and o[0].date() > own[1].date() for o in others)


def _of_its_happening(ctx: StoryContext, fact: Fact, related: set[str | None],
                      own: str | None) -> bool:  # fmt: skip
    """Whether ``fact`` is of one of an article's ``related`` events (its ``own`` main event
    and those it recalls), or for a fact of no event (a quote, an age), of its own event: the
    main event of a report that gives it. A story may hold two happenings (a coach retires
    on Monday, his quarterback on Tuesday): the coach's words are nothing the quarterback's
    report leaves out, even when it recalls the coach's retirement in passing."""
    if fact.event is not None:
        return fact.event in related
    events = {ctx.main_event.get(c.article) for c in fact.citations}
    return None in events or own in events


def build_framing(ctx: StoryContext, agreed: Sequence[Fact],
                  states: Callable[[str, Fact], bool],
                  named: Callable[[Fact], str]) -> tuple[Framing, ...]:  # fmt: skip
    """One framing entry per story article. ``states(article, fact)``: whether the article
    gives an agreed fact that it is not cited for (``facts.stated_by``); it does not leave
    that fact out. ``named(fact)``: how a fact left out reads (``facts.left_out_words``)."""
    out = []
    dated = {id(f): _dated_from(ctx, f) for f in agreed}  # (read once, not once per article)
    names = {id(f): named(f) for f in agreed}  # (likewise)
    # one spelling per speaker across the story, as the quote headings show them
    spelled = one_spelling((q.speaker for rec in ctx.analyzed.values()
                            for q in rec.extraction.quotes if q.speaker),
                           [rec.article.text for rec in ctx.analyzed.values()])
    for aid, rec in ctx.analyzed.items():
        # one voice per utterance (a quote split around its speaker is one); voices quoted
        # as often rank by the words quoted of them, not by the alphabet
        counts: Counter[str] = Counter()
        quoted: Counter[str] = Counter()
        for u in utterances([q for q in rec.extraction.quotes if shown(q, rec.article.text)
                             and overlaps(rec.extraction.nonbody, q.start, q.end) is None]):
            who = spelled.get(str(u[0].speaker), str(u[0].speaker))
            counts[who] += 1
            quoted[who] += sum(len(q.text.split()) for q in u)
        voices = _ranked_voices(counts, quoted)
        related = {ctx.main_event.get(aid)} | {e.id for e in ctx.events if aid in e.mentioned_by}
        # the facts others agree on that the article could have given: of its happening,
        # and out before it was
        checked = [f for f in agreed
                   if f.slot.partition(":")[0] not in NAMING
                   and _of_its_happening(ctx, f, related, ctx.main_event.get(aid))
                   and not _told_of_later(ctx, aid, f, dated[id(f)])]  # fmt: skip
        # (by its own text: a shortened copy of a cited report may have cut what it says)
        omits = tuple(dict.fromkeys(  # one line per statement: two figures of one sentence
            names[id(f)]
            for f in checked
            if aid not in {c.article for c in f.citations} and not states(aid, f)
        ))
        statements = len(dict.fromkeys(names[id(f)] for f in checked))
        out.append(Framing(aid, ctx.outlet(aid), voices, tuple(article_markers(ctx, aid)),
                           omits, statements))
    return tuple(out)


def _ranked_voices(counts: Counter[str], quoted: Counter[str]) -> tuple[dict[str, Any], ...]:
    """Voices with their utterances, share of utterances and words quoted, most often quoted
    first, then most words quoted, then by name."""
    total = sum(counts.values())
    return tuple(
        {"speaker": s, "count": n, "share": round(n / total, 3), "words": quoted[s]}
        for s, n in sorted(counts.items(), key=lambda kv: (-kv[1], -quoted[kv[0]], kv[0])))


def outlet_framing(framings: Sequence[Framing]) -> tuple[dict[str, object], ...]:
    """Framing summed per outlet: voices and their share across its articles, marker counts
    by kind and per 1,000 characters is left to readers; the article ids let them drill down."""
    by_outlet: dict[str, list[Framing]] = {}
    for f in framings:
        by_outlet.setdefault(f.source or "unknown outlet", []).append(f)
    out: list[dict[str, object]] = []
    for source, items in sorted(by_outlet.items()):
        voices: Counter[str] = Counter()
        quoted: Counter[str] = Counter()
        for f in items:
            for v in f.voices:
                voices[str(v["speaker"])] += int(v["count"])
                quoted[str(v["speaker"])] += int(v.get("words", 0))
        kinds = Counter(m.kind for f in items for m in f.markers)
        out.append({
            "source": source,
            "articles": [f.article for f in items],
            "voices": list(_ranked_voices(voices, quoted)),
            "markers": dict(sorted(kinds.items())),
            "loaded": sorted({m.text.lower() for f in items for m in f.markers
                              if m.kind == "loaded"}),
        })
    return tuple(out)
