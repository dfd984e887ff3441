"""The brief's view of a story: sentences, independent sources and the event of each sentence.

``StoryContext`` is built once per story by ``compose_brief`` and shared by the fact, quote,
timeline, summary and framing builders. Pure: it only reads the records it is given.

Independence: each article counts as the outlet it originates from: its own outlet, or for a
near-duplicate (wire copy, from ``Analyzed.duplicates`` or ``dup_groups``) the outlet of the
article it copies. Articles of one outlet count once; an article without an outlet counts alone.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from ..ingest.dedup import normalize_tokens, shingles
from ..records import Analyzed, Article, Cite, Claim, Event, Sentence, Story
from ..words import span_lemmas, span_stems, span_words

_SENT_SPLIT = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'\u201d\u2019)]*|\n|$)")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Fallback sentence split for records built without a parser (offsets exact)."""
    out = []
    for m in _SENT_SPLIT.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Sentence(start, end, text[start:end]))
    return tuple(out)


def date_precision(value: str | None) -> str:
    """day | month | year | unknown for an ISO value (``2014-12-27``, ``2014-12``, ``2014``)."""
    if not value:
        return "unknown"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return "unknown"


def dates_compatible(a: str, b: str) -> bool:
    """Same date, or one is a coarser form of the other (``2014-12`` vs ``2014-12-27``)."""
    a, b = a[:10], b[:10]
    return a.startswith(b) or b.startswith(a)


UNNAMED_WORDS = 6  # an outlet-less article is shown by the first words of its title


def outlet_label(article: Article) -> str:
    """The outlet as a reader sees it: its name; for an input that names none (a bare .txt
    file), the site of its URL, else the first words of its title in quotes, else "an
    unnamed outlet". Never the article's id, which is a hash."""
    if article.source and article.source.strip():
        return article.source.strip()
    if article.url and (host := urlsplit(article.url).hostname):
        return host.removeprefix("www.")
    words = (article.title or "").split()
    if words:
        more = "\u2026" if len(words) > UNNAMED_WORDS else ""
        return f"\u201c{' '.join(words[:UNNAMED_WORDS])}{more}\u201d"
    return "an unnamed outlet"


class UnionFind:
    """Disjoint sets of string keys (which claims, quotes or spellings are one)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class StoryContext:
    """Articles of one story with their sentences, source groups and sentence events."""

    story: Story
    analyzed: dict[str, Analyzed]  # story articles present in the input, earliest first
    sentences: dict[str, tuple[Sentence, ...]] = field(default_factory=dict)  # set_sentences
    group: dict[str, str] = field(default_factory=dict)  # article -> independent source key
    # article -> who published it: its outlet, or the one a detected duplicate copies; unlike
    # ``group``, a wire story another outlet reprints word for word keeps that outlet (a copy
    # does not corroborate, but a copy that differs is still a disagreement between outlets)
    publisher: dict[str, str] = field(default_factory=dict)
    label: dict[str, str] = field(default_factory=dict)  # source key -> outlet shown
    main_event: dict[str, str | None] = field(default_factory=dict)
    # kept by the methods: each article's sentence starts (``set_sentences``), the event a
    # sentence dates when not its article's main one (``assign_sentence_events``)
    _starts: dict[str, list[int]] = field(default_factory=dict)
    _sent_event: dict[tuple[str, int], str | None] = field(default_factory=dict)
    _rank: dict[str, int] = field(default_factory=dict)
    _stems: dict[tuple[str, int, int], frozenset[str]] = field(default_factory=dict)

    @property
    def events(self) -> tuple[Event, ...]:
        return self.story.events

    def text(self, article: str) -> str:
        return self.analyzed[article].article.text

    def words(self, article: str, start: int, end: int) -> list[str]:
        """The words of an article's span ``start:end`` as written, from those its
        extraction read (``records.Words``)."""
        rec = self.analyzed[article]
        return span_words(rec.article.text, rec.extraction.words, start, end)

    def stems(self, article: str, start: int, end: int) -> frozenset[str]:
        """The content stems of an article's span (``words.content_stems``), worked out
        once a span: the summary, the facts and framing read the same sentences."""
        key = (article, start, end)
        if key not in self._stems:
            rec = self.analyzed[article]
            self._stems[key] = frozenset(
                span_stems(rec.article.text, rec.extraction.words, start, end))
        return self._stems[key]

    def lemmas(self, article: str, start: int, end: int) -> set[str]:
        """The lemmas the parse gave the words of an article's span."""
        return span_lemmas(self.analyzed[article].extraction.words, start, end)

    def order(self, article: str) -> int:
        """An article's place among the story's, earliest report first (others last)."""
        if not self._rank:
            self._rank.update((a, i) for i, a in enumerate(self.analyzed))
        return self._rank.get(article, len(self._rank))

    def outlet(self, article: str) -> str:
        """The outlet a reader sees for an article (see ``outlet_label``)."""
        return outlet_label(self.analyzed[article].article)

    def published(self, article: str) -> tuple[datetime, datetime] | None:
        """When an article can have been published: a moment, or the whole day when only
        the date is known; None when unknown."""
        raw = self.analyzed[article].article.published
        if not raw:
            return None
        try:
            when = datetime.fromisoformat(raw).replace(tzinfo=None)
        except ValueError:
            return None
        if len(raw) <= 10:  # a date only
            return when, when + timedelta(days=1) - timedelta(seconds=1)
        return when, when

    def claims_in(self, cite: Cite) -> list[Claim]:
        """The claims the extraction read inside a cited span of its article."""
        return [c for c in self.analyzed[cite.article].extraction.claims
                if cite.start <= c.start < cite.end]

    def set_sentences(self, article: str, sentences: Iterable[Sentence]) -> None:
        """Record ``article``'s sentences, put in reading order."""
        sents = tuple(sorted(sentences, key=lambda s: s.start))
        self.sentences[article] = sents
        self._starts[article] = [s.start for s in sents]

    def sentence_before(self, article: str, offset: int) -> Sentence | None:
        """The last sentence of ``article`` that starts before ``offset``, or None."""
        i = bisect.bisect_left(self._starts.get(article, []), offset) - 1
        return self.sentences[article][i] if i >= 0 else None

    def sentence_index(self, article: str, offset: int) -> int | None:
        """Index of the sentence holding ``offset`` in ``article``, or None."""
        starts = self._starts.get(article, [])
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return None
        sent = self.sentences[article][i]
        return i if offset < max(sent.end, sent.start + 1) else None

    def sentence_at(self, article: str, offset: int) -> Sentence | None:
        i = self.sentence_index(article, offset)
        return None if i is None else self.sentences[article][i]

    def sentence_cite(self, article: str, start: int, end: int | None = None) -> Cite:
        """Cite the whole sentence holding ``start`` (or the span itself when outside any)."""
        sent = self.sentence_at(article, start)
        if sent is None:
            return Cite(article, start, end if end is not None else start)
        return Cite(article, sent.start, sent.end)

    def event_of(self, article: str, offset: int) -> str | None:
        """The event a sentence belongs to (its article's main event unless it dates another)."""
        i = self.sentence_index(article, offset)
        if i is None:
            return self.main_event.get(article)
        return self._sent_event.get((article, i), self.main_event.get(article))

    def assign_sentence_events(self) -> None:
        """A sentence that mentions another event's (day/month) date belongs to that event
        (``event_of``); the articles' sentences and main events are set first."""
        dated = [(e.id, e.date) for e in self.events if e.date and date_precision(e.date) != "year"]
        if not dated:
            return
        for aid, rec in self.analyzed.items():
            for t in rec.extraction.times:
                if t.type != "DATE" or not t.value or date_precision(t.value) == "unknown":
                    continue
                i = self.sentence_index(aid, t.start)
                if i is None or (aid, i) in self._sent_event:
                    continue
                exact = [eid for eid, d in dated if d[:10] == t.value[:10]]
                if exact:
                    main = self.main_event.get(aid)
                    self._sent_event[(aid, i)] = main if main in exact else exact[0]

    def sources_of(self, articles: Iterable[str], published: bool = False) -> tuple[str, ...]:
        """Independent sources (outlet labels) behind ``articles``, each once, sorted; with
        ``published``, the outlets that published them (a reprinted wire story by its own).
        An independent source is named by an outlet that published its cited articles (the
        words shown are theirs): its own outlet when that is one of them, else the first of
        them to publish, never an outlet whose copy is not cited (a shorter reprint may lack
        the sentence)."""
        by = self.publisher if published else self.group
        cited: dict[str, list[str]] = {}
        for a in sorted(articles, key=self.order):
            if a in by:
                cited.setdefault(by[a], []).append(self.publisher.get(a, by[a]))
        return tuple(sorted(self.label[k] if k in pubs or pubs[0] not in self.label
                            else self.label[pubs[0]]
                            for k, pubs in cited.items()))  # fmt: skip

    def n_sources(self, articles: Iterable[str]) -> int:
        return len({self.group[a] for a in articles if a in self.group})


def build_context(
    story: Story,
    analyzed: Mapping[str, Analyzed],
    dup_groups: Mapping[str, Sequence[str]] | None = None,
) -> StoryContext:
    """Sentences, source independence and sentence events for ``story``'s articles."""
    # earliest report first, whatever order the articles came in: the same articles give
    # the same brief (which report a tie goes to, which sentence is cited first)
    ids = sorted((a for a in story.articles if a in analyzed),
                 key=lambda a: (not analyzed[a].article.published,
                                analyzed[a].article.published or "", a))  # fmt: skip
    present = {a: analyzed[a] for a in ids}
    ctx = StoryContext(story=story, analyzed=present)
    for aid, rec in present.items():
        ctx.set_sentences(aid, rec.extraction.sentences or split_sentences(rec.article.text))

    # independence: a copy counts as the outlet it was copied from; an outlet counts once
    head_of: dict[str, str] = {}
    for aid, rec in present.items():
        for dup in rec.duplicates:
            head_of[dup] = aid
    for head, members in (dup_groups or {}).items():
        for m in members:
            if m != head:
                head_of[m] = head
    # a set of copies is headed by its earliest report (the duplicate detector keeps the one
    # that came in first, which may be a reprint of the wire story it copies)
    def published(aid: str) -> str:
        rec = analyzed.get(aid)
        return (rec.article.published if rec is not None else None) or "~"

    copies_of: dict[str, set[str]] = defaultdict(set)
    for dup, head in head_of.items():
        copies_of[head].update((head, dup))
    for head, group in copies_of.items():  # (published alike: the detector's choice stands)
        first = min(group, key=lambda a: (published(a), a != head, a))
        for m in group:
            if m != first:
                head_of[m] = first
        head_of.pop(first, None)
    copied = {b: a for b, a in _copies(ctx).items() if b not in head_of and a not in head_of
              or head_of.get(a) == b}  # fmt: skip
    def outlet_key(aid: str) -> str | None:
        """"outlet:<name>" for an article that names its outlet, else None."""
        rec = analyzed.get(aid)
        src = rec.article.source if rec is not None else None
        outlet = src.strip() if src else None
        return f"outlet:{outlet.casefold()}" if outlet else None

    # who published a detected duplicate: the outlet it copies, unless it names another
    # outlet of its own (a reprint: if it differs from the original, the outlets disagree)
    reprinted = {d: h for d, h in head_of.items()
                 if outlet_key(d) in (None, outlet_key(h))}  # fmt: skip
    # (where the sentences read a pair of copies the other way round from the detector, the
    # detector's pointer goes: both pointers kept would make each the other's outlet)
    sources = {**{d: h for d, h in head_of.items() if copied.get(h) != d}, **copied}
    for table, heads in ((ctx.publisher, reprinted), (ctx.group, sources)):
        for aid in present:
            origin, seen = aid, {aid}
            while origin in heads and heads[origin] not in seen:
                origin = heads[origin]
                seen.add(origin)
            origin_rec = analyzed.get(origin)
            key = outlet_key(origin) or f"article:{origin}"
            table[aid] = key
            origin_article = (origin_rec.article if origin_rec is not None
                              else present[aid].article)  # fmt: skip
            ctx.label.setdefault(key, outlet_label(origin_article))

    for aid in present:
        mains = [e.id for e in story.events if aid in e.articles]
        ctx.main_event[aid] = mains[0] if mains else None
    ctx.assign_sentence_events()
    return ctx


COPY_SHARE, COPY_MIN, COPY_WORDS = 0.5, 3, 6  # a copy: half its sentences word for word
# ... or this share of the shorter one's own word 5-shingles (quotations left out), when it
# has COPY_MIN_SHINGLES: on the newsclust dev clusters, pairs of outlets that carry one wire
# story (early and updated versions) share 0.29-1.0 of them, reports of their own at most
# 0.22 (tweets quoted without quotation marks); the bar sits between the two
COPY_CONTAINED, COPY_MIN_SHINGLES = 0.25, 30


def _own_shingles(rec: Analyzed) -> set[bytes]:
    """The word 5-shingles of an article's own words: what it quotes is blanked out (two
    reports that quote one statement at length have not copied each other)."""
    text = rec.article.text
    for q in sorted(rec.extraction.quotes, key=lambda q: q.start, reverse=True):
        if q.kind != "indirect":
            text = text[: q.start] + " | " + text[q.end :]
    return shingles(normalize_tokens(text))


def _copies(ctx: StoryContext) -> dict[str, str]:
    """Later article -> the earlier one it copies: at least half the sentences of the shorter
    (``COPY_MIN`` or more, of ``COPY_WORDS`` words or more) written word for word in both,
    or ``COPY_CONTAINED`` of its own words (``_own_shingles``). A wire story two outlets
    carry under their own headlines and page furniture, or in an early and an updated
    version, is one source, even when the duplicate detector, which reads whole pages and
    asks for near identity, let it through."""
    said = {aid: {" ".join(s.text.split()).casefold() for s in sents
                  if len(s.text.split()) >= COPY_WORDS}
            for aid, sents in ctx.sentences.items()}  # fmt: skip
    own = {aid: _own_shingles(rec) for aid, rec in ctx.analyzed.items()}
    ids = list(ctx.analyzed)  # earliest first
    out: dict[str, str] = {}
    for j, b in enumerate(ids):
        for a in ids[:j]:
            if a in out:
                continue  # copy from the first telling of it
            shared = len(said[a] & said[b])
            if shared >= COPY_MIN and shared >= COPY_SHARE * min(len(said[a]), len(said[b])):
                out[b] = a
                break
            small = min(len(own[a]), len(own[b]))
            if small >= COPY_MIN_SHINGLES and len(own[a] & own[b]) >= COPY_CONTAINED * small:
                out[b] = a
                break
    return out


# the notes a line told in one outlet's words ends with: who else gives its value
# (``credit_note``) and the other figures given (``figures_note``), each in its brackets
_CREDIT = re.compile(r"(?: \((?:[^()]* also gives? [^()]*|[^():]+: [^()]+)\))+$")


def figures_note(given: Sequence[tuple[str, Sequence[str]]]) -> str:
    """The other figures of a line's fact, each with the outlets giving it: " (at least 50:
    North Star; 60: South Wire)" after "59 people were killed"."""
    parts = [f"{value}: {', '.join(outlets)}" for value, outlets in given]
    return f" ({'; '.join(parts)})" if parts else ""


def credit_note(value: str, outlets: Sequence[str]) -> str:
    """What a line told in one outlet's words adds for the other outlets it cites: the
    value they give, not the rest of that sentence (" (Outlet A also gives 14 cars)"), as a
    plain sentence (a note reading "(also 2 players: ...)" read as an internal key)."""
    names = ", ".join(outlets[:-1]) + f" and {outlets[-1]}" if len(outlets) > 1 else outlets[0]
    return f" ({names} also {'gives' if len(outlets) == 1 else 'give'} {value})"


def without_credit(said: str) -> str:
    """A statement without its notes (``credit_note``, ``figures_note``): the fact itself,
    as another list names it."""
    return _CREDIT.sub("", said)
