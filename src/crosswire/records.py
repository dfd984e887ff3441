"""Typed records that flow through the pipeline.

ingest -> ``Article`` (+ ``InputRecord`` for the accounting of every input)
extract -> ``Extraction`` (sentences, entities, quotes, times, numbers) per article
link -> ``Story`` holding ``Event`` s
brief -> ``Brief`` (timeline, facts, quotes, summary, framing), every line with ``Cite`` s

Records are frozen dataclasses with slots: cheap, comparable, picklable. Every derived
record carries character offsets into ``Article.text`` so a brief line can cite its source:
``article.text[x.start:x.end] == x.text`` always holds.
"""

from __future__ import annotations

import dataclasses
import hashlib
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["ingested", "duplicate", "rejected"]
QuoteKind = Literal["direct", "mixed", "indirect"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


def to_dict(record: Any) -> Any:
    """Plain JSON-ready data from a record (tuples become lists)."""
    if isinstance(record, Words):
        return record.to_json()
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record


@dataclass(frozen=True, slots=True)
class Cite:
    """A citation: ``article`` id and character offsets into that article's text."""

    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date or datetime, as given (validated at ingest)
    url: str | None = None
    author: str | None = None
    input: str | None = None  # path or feed line the article came from


# how a duplicate's reason starts when it copies its original word for word: such a copy is
# the same article (counted and cited once); a near copy may change words, so it is cited too
EXACT_COPY = "exact copy of"


@dataclass(frozen=True, slots=True)
class InputRecord:
    """One line of the accounting: every input is ingested, a duplicate, or rejected."""

    input: str
    status: Status
    article: str | None = None
    duplicate_of: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label: str  # PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, ...
    canonical: str  # one name per referent, within the article and across the corpus
    start: int
    end: int
    role: str | None = None  # "Mayor", "Officer", ... when a title precedes the name


@dataclass(frozen=True, slots=True)
class Quote:
    text: str  # the quoted words (without the quotation marks for direct quotes)
    start: int
    end: int
    speaker: str | None  # canonical name of the person or body that spoke
    kind: QuoteKind = "direct"
    via: str | None = None  # the outlet a quote was relayed through ("told ABC News")
    speaker_text: str | None = None  # the speaker mention as written ("he", "the mayor")
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # "said", "told", ":" ...
    role: str | None = None  # speaker's role/affiliation when stated


@dataclass(frozen=True, slots=True)
class TimeRef:
    text: str
    start: int
    end: int
    value: str | None  # ISO value (YYYY-MM-DD, YYYY-MM, YYYY, P1W, XXXX-WXX-1...) or None
    anchor: str | None  # what it was resolved against: "published:2015-01-05", "absolute", ...
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class NumberClaim:
    text: str
    start: int
    end: int
    low: float | None  # None for an open end
    high: float | None
    unit: str | None  # what is counted, lemmatized: "officer", "block", "dollar"
    approx: bool = False  # "about", "nearly", vague quantities
    # what the counted group did: lemma of the verb governing the counted noun, plus its
    # particle/object lemma when it has one ("turn back", "attend"); None when unknown
    group: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement from one sentence: ``attribute`` of ``key`` is ``value``.

    The one owner of what a claim is: ``extract/claims.py`` reads them from the parse (counts,
    ages, dates, clock times, years, amounts, measures, places, ranks), ``brief/`` adds roles,
    speakers and names, and the brief groups claims of one story by (event, attribute, key)
    into agreed, single-source and conflicting facts. ``text``/``start``/``end`` are the
    value as written.
    """

    attribute: str  # count | age | date | time | year | amount | measure | place | rank | role |
    # speaker | name
    key: str  # what it is about, normalised: "kill/person", "collapse", "build/bridge", ...
    value: str  # normalised: "2", "2025-03-04", "XXXX-WXX-5", "22:30", "1968", "34"
    text: str
    start: int
    end: int
    low: float | None = None  # numeric bounds (counts, ages, amounts, minutes of the day)
    high: float | None = None
    subject: str = ""  # the subject as written, for statements: "workers", "the footbridge"
    predicate: str = ""  # the predicate as written: "were killed", "collapsed"
    unit: str | None = None  # counted noun, currency or measure unit
    context: tuple[str, ...] = ()  # predicate keys of the sentence (tells sub-events apart)
    qualifiers: tuple[str, ...] = ()  # lead, approx, soft, future, quoted, ...


@dataclass(frozen=True, slots=True)
class NonBody:
    """A span of the text that is not the article (``extract/furniture.py``): a caption, a
    credit, a copyright line, a sidebar, an appended story ... The brief never uses it."""

    start: int
    end: int
    kind: str  # headline | caption | credit | copyright | promo | sidebar | heading | embed | ...


def _offsets(values: Iterable[int] = ()) -> array[int]:
    return array("i", values)


@dataclass(frozen=True, slots=True)
class Words:
    """An article's words, read once when it is extracted (``words.read_words``): where
    each starts and ends, in text order, and its lemma from the parse, lower-cased. The
    stages after extraction take an article's words from here instead of reading its text
    again. The store keeps them; what readers see (corpus.json, the API) leaves them out,
    since the text shows them. Offsets are machine integers and lemmas interned strings:
    a story's briefing holds the words of all its articles."""

    starts: array[int] = field(default_factory=_offsets)
    ends: array[int] = field(default_factory=_offsets)
    lemmas: tuple[str, ...] = ()

    def __hash__(self) -> int:
        return hash((self.starts.tobytes(), self.ends.tobytes(), self.lemmas))

    def to_json(self) -> dict[str, list[Any]]:
        """As the store keeps them: each word's gap from the one before and its length
        (small numbers, a third smaller packed than offsets), and the lemmas."""
        before = [0, *self.ends][: len(self.starts)]  # where the word before each ends
        return {"gaps": [s - e for s, e in zip(self.starts, before, strict=True)],
                "lengths": [e - s for s, e in zip(self.starts, self.ends, strict=True)],
                "lemmas": list(self.lemmas)}

    @classmethod
    def from_json(cls, data: dict[str, list[Any]]) -> Words:
        starts, ends, at = [], [], 0
        for gap, length in zip(data.get("gaps", ()), data.get("lengths", ()), strict=True):
            at += gap
            starts.append(at)
            at += length
            ends.append(at)
        return words_from(starts, ends, data.get("lemmas", ()))

    def between(self, start: int, end: int) -> range:
        """The indexes of the words wholly inside ``start:end``."""
        first = bisect_left(self.starts, start)
        last = bisect_left(self.starts, end, first)
        while last > first and self.ends[last - 1] > end:
            last -= 1  # (a word the span's end cuts is not the span's)
        return range(first, last)


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: str
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeRef, ...] = ()
    numbers: tuple[NumberClaim, ...] = ()
    claims: tuple[Claim, ...] = ()
    nonbody: tuple[NonBody, ...] = ()  # spans that are not the article, sorted, disjoint
    words: Words = field(default_factory=Words)


@dataclass(frozen=True, slots=True)
class Names:
    """An article's names as its story gives them (``extract.canonicalize_corpus`` over the
    story's articles): per entity its label and canonical name, per quote its
    speaker, in the extraction's order. Worked out once when the story is briefed and
    stored, so the brief, corpus.json and the web UI never disagree on who is who."""

    entities: tuple[tuple[str, str], ...]  # (label, canonical) per Extraction.entities
    speakers: tuple[str | None, ...]  # per Extraction.quotes

    @classmethod
    def of(cls, ex: Extraction) -> Names:
        """The names ``ex`` gives, to be stored beside it."""
        return cls(tuple((e.label, e.canonical) for e in ex.entities),
                   tuple(q.speaker for q in ex.quotes))

    def apply(self, ex: Extraction) -> Extraction:
        """``ex`` with these names. Names that do not fit (another count of entities or
        quotes: the article was read again since) leave ``ex`` as it is."""
        if len(self.entities) != len(ex.entities) or len(self.speakers) != len(ex.quotes):
            return ex
        ents = tuple(e if (e.label, e.canonical) == n
                     else dataclasses.replace(e, label=n[0], canonical=n[1])
                     for e, n in zip(ex.entities, self.entities, strict=True))
        quotes = tuple(q if q.speaker == who else dataclasses.replace(q, speaker=who)
                       for q, who in zip(ex.quotes, self.speakers, strict=True))
        return dataclasses.replace(ex, entities=ents, quotes=quotes)

    def to_json(self) -> dict[str, Any]:
        return {"entities": [list(e) for e in self.entities], "speakers": list(self.speakers)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Names:
        return cls(tuple((str(label), str(name)) for label, name in data["entities"]),
                   tuple(data["speakers"]))


@dataclass(frozen=True, slots=True)
class Analyzed:
    """An article with its extraction: the unit the link and brief stages work on."""

    article: Article
    extraction: Extraction
    duplicates: tuple[str, ...] = ()  # ids of near-duplicate copies folded into this one

    def __post_init__(self) -> None:
        # an extraction without words (stored before they were, or made by hand) gets them
        # from the text here, once; their lemmas are then the words lower-cased
        if not self.extraction.words.starts and self.article.text:
            from .words import read_words

            words = read_words(self.article.text)
            if words.starts:
                object.__setattr__(self, "extraction",
                                   dataclasses.replace(self.extraction, words=words))


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    title: str
    date: str | None
    place: str | None
    articles: tuple[str, ...]  # articles whose main event this is
    mentioned_by: tuple[str, ...] = ()  # articles that only mention it in background
    date_citations: tuple[Cite, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    articles: tuple[str, ...]
    events: tuple[Event, ...] = ()
    aliases: tuple[str, ...] = ()  # ids of stories merged into this one


@dataclass(frozen=True, slots=True)
class Fact:
    slot: str  # machine key: "<attribute>:<key>" ("count:injure/person")
    event: str | None
    value: str  # the value as a reader sees it ("more than 40", "Friday 13 March 2026")
    citations: tuple[Cite, ...]
    sources: tuple[str, ...] = ()  # outlets carrying it (independent ones)
    statement: str = ""  # the plain sentence a reader sees ("12 people were injured")


@dataclass(frozen=True, slots=True)
class Variant:
    value: str
    citations: tuple[Cite, ...]
    sources: tuple[str, ...] = ()
    statement: str = ""


@dataclass(frozen=True, slots=True)
class Conflict:
    slot: str
    event: str | None
    variants: tuple[Variant, ...]
    why: str = ""
    statement: str = ""  # the question outlets answer differently ("How many were injured")
    kind: str = "conflict"  # conflict | update (a figure that moved as the news developed)


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    text: str
    citations: tuple[Cite, ...]
    sources: tuple[str, ...] = ()
    speaker: str | None = None  # when an outlet credits someone else
    kind: str = "direct"  # direct | mixed | indirect: only direct words are shown in quote marks
    # the shown words start with the speaker's own verb ("declined to say whether ..."): a
    # reader sees them after the speaker's name
    framed: bool = False


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    speaker: str | None
    variants: tuple[QuoteVariant, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str | None
    precision: str  # day | month | year | unknown
    event: str | None
    text: str
    citations: tuple[Cite, ...]


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    citations: tuple[Cite, ...]


@dataclass(frozen=True, slots=True)
class Marker:
    kind: str  # loaded | evaluative | hedge | reader_question | intensifier | opinion
    text: str
    start: int
    end: int
    neutral: str | None = None  # the neutral wording other outlets use, when known


@dataclass(frozen=True, slots=True)
class Framing:
    article: str
    source: str | None
    voices: tuple[dict[str, Any], ...] = ()  # {"speaker", "count", "share", "words"}
    markers: tuple[Marker, ...] = ()
    omits: tuple[str, ...] = ()  # fact keys others report that this article leaves out
    checked: int = 0  # the facts other outlets agree on that it was checked against


@dataclass(frozen=True, slots=True)
class Brief:
    story: Story
    timeline: tuple[TimelineEntry, ...] = ()
    agreed: tuple[Fact, ...] = ()
    unique: tuple[Fact, ...] = ()
    conflicting: tuple[Conflict, ...] = ()
    quotes: tuple[QuoteGroup, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    framing: tuple[Framing, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


def article_from_dict(data: dict[str, Any]) -> Article:
    names = {f.name for f in dataclasses.fields(Article)}
    return Article(**{k: v for k, v in data.items() if k in names})


def extraction_from_dict(data: dict[str, Any]) -> Extraction:
    """Inverse of ``to_dict`` for an ``Extraction`` (unknown keys are ignored)."""

    def build(cls: type, items: Any) -> tuple[Any, ...]:
        names = {f.name for f in dataclasses.fields(cls)}
        tuples = {"context", "qualifiers"}
        return tuple(
            cls(**{k: tuple(v) if k in tuples else v for k, v in item.items() if k in names})
            for item in items or ()
        )

    return Extraction(
        article=data["article"],
        sentences=build(Sentence, data.get("sentences")),
        entities=build(Entity, data.get("entities")),
        quotes=build(Quote, data.get("quotes")),
        times=build(TimeRef, data.get("times")),
        numbers=build(NumberClaim, data.get("numbers")),
        claims=build(Claim, data.get("claims")),
        nonbody=build(NonBody, data.get("nonbody")),
        words=Words.from_json(data.get("words") or {}),
    )


def words_from(starts: Iterable[int], ends: Iterable[int], lemmas: Iterable[str]) -> Words:
    """``Words`` of plain offsets and lemmas (the lemmas interned: one string per lemma)."""
    return Words(_offsets(starts), _offsets(ends), tuple(sys.intern(x) for x in lemmas))


def shown_extraction(ex: Extraction) -> dict[str, Any]:
    """An extraction as readers and the API see it: its JSON data without the article id
    (the article's own) and without its words (the text shows them)."""
    data = to_dict(ex)
    del data["article"], data["words"]
    return dict(data)


def short_hash(prefix: str, key: str) -> str:
    """A stable id from content: ``prefix`` and 10 hex digits of blake2b(``key``)."""
    return prefix + hashlib.blake2b(key.encode("utf-8")).hexdigest()[:10]
