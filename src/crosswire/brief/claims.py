"""Claims placed in a story: each article's claims (``records.Claim``, read by
``extract/claims.py``) with the event they belong to, a key resolved across articles and the
sentence they cite. ``facts.py`` groups them into agreed, single-source and conflicting facts.

Across articles a key is resolved three ways:

- a person named in full in one article and by surname only in another is one person
  (when the story has exactly one full name with that surname);
- a thing named by a compound in one article ("the footbridge") and by its head in another
  ("the bridge") is one thing;
- the *lead* dates of two reports of one event (the first date of their opening sentences
  that dates what the sentence reports) name the same happening even when their verbs differ
  ("residents filled the chambers on Thursday" / "a hearing on Wednesday"), when the two
  sentences share other predicates ("fire", "kill") and neither report's sentence names the
  other's verb as something else ("arrested Sunday in the Friday shooting": the arrest is not
  the shooting).

Roles ("Mayor Elena Vasquez") become ``role`` claims here, and a person two outlets name two
ways ("Jon Hale" / "John Hale") ``name`` claims; quotes.py adds ``speaker`` claims.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from difflib import SequenceMatcher

from ..extract.claims import light_key
from ..extract.dates.resolve import day_of
from ..extract.furniture import overlaps
from ..extract.numerals import parse_number
from ..lexicon import function_words
from ..records import Cite, Claim
from ..words import stem, words
from .cite import StoryContext, UnionFind

# true of a person or thing for the whole story, so compared across its events
STORY_WIDE = ("role", "age", "year", "speaker", "name")
NAME_LIKENESS, NAME_SHARED = 0.7, 3  # spelling likeness of two name words; shared words
SHORT_FORM = 0.8  # a name word that starts with 80% of the other is a short form of it
LEAD_SHARED = 2  # predicates two lead sentences share to be about one happening
AGREE_MIN = 5  # a shared value this large is not a coincidence ("2 workers" often is)
LEAD_DAYS_APART = 7  # a report's day at most this far from others' may be a slip for theirs
ALIGN_OVERLAP = 0.5  # word overlap of two sentences whose same-place values state one thing
COPY_OVERLAP = 0.6  # ... and of two copies of one sentence, where a loose value compares
COPY_CONTAINED, COPY_MIN_WORDS = 0.7, 4  # ... or of the shorter copy, when it has 4 words
ALIGN_REACH, ALIGN_NEAR = 8, 4  # or: content words shared within 8 words of the value
ALIGNED = ("count", "age", "date", "time", "year", "amount", "measure", "place")
TOPIC_SHARE, TOPIC_MIN_ARTICLES = 0.6, 3  # a predicate in 60% of 3+ leads is the topic


@dataclass(frozen=True, slots=True)
class Placed:
    """One claim as one article states it, placed in the story."""

    claim: Claim
    article: str
    event: str | None
    key: str  # the claim's key, resolved across the story's articles
    cite: Cite  # the sentence that states it
    aligned: str = ""  # claims standing in the same place of sentences that say the same
    peers: frozenset[tuple[str, int]] = frozenset()  # (article, start) of those aligned directly
    named: frozenset[str] = frozenset()  # last words of the people and happenings it names
    parties: tuple[frozenset[str], ...] = ()  # a sum's: the names its sentence gives (words)

    @property
    def attribute(self) -> str:
        return self.claim.attribute

    def has(self, qualifier: str) -> bool:
        return qualifier in self.claim.qualifiers

    def qualified(self, kind: str) -> str | None:
        """The rest of the first qualifier starting with ``kind`` ("agent:", "thing:")."""
        for q in self.claim.qualifiers:
            if q.startswith(kind):
                return q[len(kind) :]
        return None


def _role_claims(ctx: StoryContext, aid: str) -> list[Claim]:
    out = []
    ex = ctx.analyzed[aid].extraction
    for e in ex.entities:
        if overlaps(ex.nonbody, e.start, e.end) is not None:
            continue  # a caption's or a related headline's title is not the article's
        # a full name: "Chief: Constable" of "Deputy Chief Constable" names no one
        if e.role and e.label == "PERSON" and len((e.canonical or e.text).split()) >= 2:
            name = e.canonical or e.text
            out.append(Claim("role", f"person:{name.casefold()}", e.role.strip(), e.role.strip(),
                             e.start, e.end, subject=name))  # fmt: skip
    return out


# entities that name who or what a sentence is about: people and named happenings
# ("Hurricane Katrina"); organisations are left out, since outlets name the same one in
# many ways and often only as the source of a statement
PARTICIPANTS = frozenset({"PERSON", "EVENT"})


# the named parties of a sum: who pays, who is paid, what for ("the Harbor Gulls signed Tova
# Rinn to a $48 million contract"); places aside, since two sums in one town are two sums
SUM_PARTIES = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT"})
SUM_SHARED = 2  # ... and the verbs and nouns two sentences of one sum's parties share


def _names_by_sentence(ctx: StoryContext, aid: str
                       ) -> tuple[dict[int, frozenset[str]], dict[int, tuple[frozenset[str], ...]]]:
    """Sentence start -> the last words of the people and happenings it names
    (``PARTICIPANTS``); and sentence start -> the names of the people, organisations and
    named things it names (``SUM_PARTIES``), each as its words of four letters or more
    ("Velkor Systems Inc": velkor, systems)."""
    named: dict[int, set[str]] = defaultdict(set)
    parties: dict[int, set[frozenset[str]]] = defaultdict(set)
    for e in ctx.analyzed[aid].extraction.entities:
        if e.label not in PARTICIPANTS | SUM_PARTIES:
            continue
        name = e.canonical or e.text
        at = ctx.sentence_cite(aid, e.start, e.end).start
        if e.label in PARTICIPANTS and name.split():
            named[at].add(name.split()[-1].casefold())
        party = frozenset(w for w in words(name.casefold()) if len(w) >= 4)
        if e.label in SUM_PARTIES and party:
            parties[at].add(party)
    return ({k: frozenset(v) for k, v in named.items()},
            {k: tuple(sorted(v, key=sorted)) for k, v in parties.items()})


def one_sum_between_parties(ctx: StoryContext, a: Placed, b: Placed) -> bool:
    """Whether two sums are one sum between the same named parties, told with other nouns
    or verbs: each sentence names someone or something, every name either gives is written
    in the other sentence too (a name the entity reader missed still counts as written),
    and the sentences share more of what they say (``SUM_SHARED``): "the Gulls signed Tova
    Rinn to a four-year deal worth $36 million" / "the Gulls signed Tova Rinn to a
    four-year, $48 million contract". Another bidder or payee is another sum ("the Rovers
    offered Rinn" / "the Kestrels offered Rinn"), and so may be a sum one outlet tells as
    changed and the other not ("raised its offer to $58 billion" / "made a $42 billion
    offer": the other may be the offer before the change)."""
    if not (a.attribute == b.attribute == "amount" and a.parties and b.parties):
        return False
    if a.has("changed") != b.has("changed"):
        return False

    def written_in(p: Placed) -> set[str]:
        return {w.casefold() for w in ctx.words(p.article, p.cite.start, p.cite.end)}

    def within(names: tuple[frozenset[str], ...], other: Placed) -> bool:
        written = written_in(other)
        return all(name & written for name in names)

    shared = set(a.claim.context) & set(b.claim.context)
    return len(shared) >= SUM_SHARED and within(a.parties, b) and within(b.parties, a)


def named_apart(a: Placed, b: Placed) -> bool:
    """Whether the sentences of two claims each name people or happenings and share none:
    "the Gulls placed Tomas Brenn on the list Tuesday" and "... Kip Adair on the list
    Wednesday", or a clinic destroyed by one hurricane and by another, tell two happenings,
    however alike their words."""
    return bool(a.named) and bool(b.named) and not a.named & b.named


def apart_in_words(a: Placed, b: Placed, said_a: Iterable[str], said_b: Iterable[str]) -> bool:
    """Whether the doers, things and names that tell two claims apart (``named_apart``,
    ``doers_or_things_apart``) are apart in the words too: some one of them is not written
    in the other claim's sentence (whose words are ``said_a``, ``said_b``). Two copies of
    one sentence the parse read two ways ("Velder has four prior fraud convictions" / "...
    fraud conviction") name the same doer and thing in both; "Benn, who joined in 1998" and
    "Rusk, who joined in 2006" do not."""
    if not (named_apart(a, b) or doers_or_things_apart(a, b)):
        return False
    written = ({stem(w) for w in said_a}, {stem(w) for w in said_b})

    def told(p: Placed) -> set[str]:
        out = {w for name in p.named for w in name.split()}
        for prefix in ("agent:", "thing:", "named:", "measured:"):
            out.update((p.qualified(prefix) or "").split())
        return {stem(w) for w in out}

    return not told(a) <= written[1] or not told(b) <= written[0]


def share_a_word(x: str, y: str) -> bool:
    """Whether two names as a qualifier gives them ("benjamin dr.", "regina benjamin") have
    a word in common: then they may name one doer or thing."""
    return bool(set(x.split()) & set(y.split()))


def named_two_ways(a: Placed, b: Placed, prefix: str) -> bool:
    """Whether both claims give a ``prefix`` qualifier ("agent:", "named:") and the two
    share no word: two doers, or one thing by two names."""
    ga, gb = a.qualified(prefix), b.qualified(prefix)
    return ga is not None and gb is not None and not share_a_word(ga, gb)


def closest_pairs(pairs: Iterable[tuple[int, str, Placed, Placed]]
                  ) -> list[tuple[str, Placed, Placed]]:  # fmt: skip
    """Of candidate pairs (closeness, slot, a, b), each claim in one pair at most, its
    closest (ties by slot, then the articles' ids): (slot, a, b)."""
    out: list[tuple[str, Placed, Placed]] = []
    used: set[int] = set()
    for _, slot, a, b in sorted(pairs, key=lambda x: (-x[0], x[1], x[2].article, x[3].article)):
        if id(a) in used or id(b) in used:
            continue
        used.update((id(a), id(b)))
        out.append((slot, a, b))
    return out


def doers_or_things_apart(a: Placed, b: Placed) -> bool:
    """Whether two claims are said or done by two named doers (no name word shared) or are
    of two things, as their qualifiers say: two nouns, one noun by two names ("the Nelson
    Mandela Award" / "the National Caring Award") or of two sizes ("a seven-year deal" /
    "an eight-year deal")."""
    if named_two_ways(a, b, "agent:") or named_two_ways(a, b, "named:"):
        return True
    for prefix in ("thing:", "measured:"):  # "a seven-year deal" / "an eight-year deal"
        ta, tb = a.qualified(prefix), b.qualified(prefix)
        if ta is not None and tb is not None and ta != tb:
            return True
    return False


def one_owners_thing(a: Placed, b: Placed) -> bool:
    """Whether two claims are of one named doer's dealings with one named thing, as their
    qualifiers say: "Halvern's $12 billion purchase of Trisca Foods" and "Halvern's $15
    billion bid for Trisca Foods" are one deal, whatever noun each outlet calls it by."""
    pairs = [(a.qualified(k), b.qualified(k)) for k in ("agent:", "named:")]
    return all(x is not None and y is not None and share_a_word(x, y) for x, y in pairs)


def doer_differs(a: Placed, b: Placed) -> bool:
    """Whether one claim names who did it and the other does not, where that tells two
    things apart: a count of what someone did ("Dorsey completed 17 passes" / "He completed
    28": who is "he"?) and a year ("the Owls won their first title since 1961" / "fans have
    not seen their team win since 1987"). A date is not: "police shot a man on Friday" and
    "a man was shot on Friday" date one happening."""
    if not (a.has("object") or b.has("object") or a.attribute == "year"):
        return False
    named = [any(q.startswith("agent:") for q in p.claim.qualifiers) for p in (a, b)]
    return named[0] != named[1]


def _words(said: Iterable[str]) -> set[str]:
    return {w for w in (x.casefold() for x in said) if len(w) >= 4}


def _spelled_apart(a: str, b: str, surname: bool = False) -> bool:
    """Two spellings of one name word ("Katelyn"/"Kaitlyn", "Okafor"/"Okafer"), not a short
    form ("Lou"/"Louis", "Stan"/"Stanley") or an ending ("Vassilis"/"Vassilios"). A surname
    has no short form: one letter more at its end is a second spelling ("Rask"/"Raske"), two
    or more another name ("Rask"/"Raskin")."""
    a, b = a.casefold(), b.casefold()
    common = len(os.path.commonprefix([a, b]))
    if common >= SHORT_FORM * min(len(a), len(b)) and not (
            surname and abs(len(a) - len(b)) == 1 and common == min(len(a), len(b))):
        return False
    return a != b and min(len(a), len(b)) >= 3 and (
        SequenceMatcher(None, a, b).ratio() >= NAME_LIKENESS)


def _one_letter_more(a: str, b: str) -> bool:
    """Whether one name word is the other with one letter more inside it ("Philip" /
    "Phillip"; five letters or more): a second spelling of one name, not another name, so
    the sentences need not say the same to tell it ("Mark" / "Mary" may be two people)."""
    short, long_ = sorted((a.casefold(), b.casefold()), key=len)
    if len(short) < 5 or len(long_) != len(short) + 1:
        return False
    return any(long_[:i] + long_[i + 1 :] == short for i in range(1, len(long_) - 1))


def one_name_spelled(values: Sequence[str]) -> bool:
    """Whether several values are one name spelled two or more ways: as many words each,
    every word the same but one, and that word spelled alike ("Kettleby Road" /
    "Kettlebye Road"; an ending counts here, as a street has no short form)."""
    split = [v.casefold().split() for v in dict.fromkeys(values)]
    if len(split) < 2 or len({len(w) for w in split}) != 1:
        return False
    differ = [i for i in range(len(split[0])) if len({w[i] for w in split}) > 1]
    if len(differ) != 1:
        return False
    spellings = [w[differ[0]] for w in split]
    return all(min(len(a), len(b)) >= 3
               and SequenceMatcher(None, a, b).ratio() >= NAME_LIKENESS
               for a in spellings for b in spellings if a != b)


def spelled_pairs(names: Iterable[str]) -> list[tuple[str, str]]:
    """Ordered pairs of two names that share their last (first) word and spell their first
    (last) word alike: the candidates of one person named two ways. Names are grouped by
    those words first, so a story naming many people does not compare every two."""
    by_word: dict[tuple[int, str], list[str]] = defaultdict(list)
    for name in names:
        words_ = name.split()
        by_word[(-1, words_[-1].casefold())].append(name)
        by_word[(0, words_[0].casefold())].append(name)
    out: set[tuple[str, str]] = set()
    for (shared, _), group in by_word.items():
        other = 0 if shared == -1 else -1  # the word that may be spelled two ways
        for x in group:
            for y in group:
                if x != y and _spelled_apart(x.split()[other], y.split()[other],
                                             surname=other == -1):
                    out.add((x, y))
    return sorted(out)


def _written(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` as words ("Lena Kovac" is not in "Lena Kovacs")."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def written_together(a: str, b: str, texts: Iterable[str]) -> bool:
    """Whether one of ``texts`` writes both names: a report that names both tells two
    people, however alike they are spelled."""
    return any(_written(a, t) and _written(b, t) for t in texts)


def _name_claims(ctx: StoryContext) -> list[Placed]:
    """A person named two ways by two outlets ("Jon Hale" / "John Hale", "Maria Okafor" /
    "Maria Okafer"): each outlet uses one form only, the two forms share one name word and
    spell the other alike, and the sentences naming them say much the same."""
    firsts: dict[str, tuple[str, int, int]] = {}  # (article, name) -> first mention
    by_article: dict[str, set[str]] = defaultdict(set)
    for aid, rec in ctx.analyzed.items():
        for e in rec.extraction.entities:
            name = e.canonical or e.text
            if e.label == "PERSON" and len(name.split()) >= 2 and overlaps(
                rec.extraction.nonbody, e.start, e.end) is None:
                by_article[aid].add(name)
                firsts.setdefault(f"{aid}\0{name}", (aid, e.start, e.end))
    order = {aid: i for i, aid in enumerate(by_article)}
    articles_of: dict[str, list[str]] = defaultdict(list)  # name -> the articles naming it
    for aid, names in by_article.items():
        for name in names:
            articles_of[name].append(aid)
    pairs = sorted((order[a], order[b], na, nb, a, b) for na, nb in spelled_pairs(articles_of)
                   for a in articles_of[na] for b in articles_of[nb]
                   if ctx.group[a] < ctx.group[b])
    out: list[Placed] = []
    seen: set[tuple[str, str]] = set()
    for _, _, na, nb, a, b in pairs:
        if (na, nb) in seen:
            continue
        wa, wb = na.split(), nb.split()
        same_last = wa[-1].casefold() == wb[-1].casefold()
        text_a, text_b = ctx.text(a), ctx.text(b)
        if _written(nb, text_a) or _written(na, text_b):
            continue  # an outlet that writes both names means two people
        _, sa, ea = firsts[f"{a}\0{na}"]
        _, sb, eb = firsts[f"{b}\0{nb}"]
        ca, cb = ctx.sentence_cite(a, sa, ea), ctx.sentence_cite(b, sb, eb)
        shared = (_words(ctx.words(a, ca.start, ca.end))
                  & _words(ctx.words(b, cb.start, cb.end)))
        spelled = (wa[0], wb[0]) if same_last else (wa[-1], wb[-1])
        if (len(shared - {w.casefold() for w in (*wa, *wb)}) < NAME_SHARED
                and not _one_letter_more(*spelled)):  # fmt: skip
            continue
        seen.add((na, nb))
        key = f"name:{(wa[-1] if same_last else wa[0]).casefold()}"
        for aid, name, s, end, cite in ((a, na, sa, ea, ca), (b, nb, sb, eb, cb)):
            claim = Claim("name", key, name, name, s, end, subject=name)
            out.append(Placed(claim, aid, None, key, cite))
    return out


def place_claims(ctx: StoryContext, extra: Iterable[Placed] = ()) -> list[Placed]:
    """Every claim of the story's articles, placed, with keys resolved across articles."""
    placed: list[Placed] = [*extra, *_name_claims(ctx)]
    for aid, rec in ctx.analyzed.items():
        named, parties = _names_by_sentence(ctx, aid)
        for c in (*rec.extraction.claims, *_role_claims(ctx, aid)):
            if "soft" in c.qualifiers:
                continue  # a count with no telling verb: nothing a reader can check
            event = _event_of(ctx, aid, c)
            cite = ctx.sentence_cite(aid, c.start, c.end)
            placed.append(Placed(c, aid, event, c.key, cite,
                                 named=named.get(cite.start, frozenset()),
                                 parties=parties.get(cite.start, ()) if c.attribute == "amount"
                                 else ()))  # fmt: skip
    mapping = {**_person_aliases(placed), **_thing_aliases(placed)}
    placed = [replace(p, key=_rekey(p.key, mapping)) for p in placed]
    placed = _align(ctx, _join_lead_dates(ctx, placed))
    return [p for p in placed if p.aligned or not p.has("loose")]  # loose: only as a copy


# ---------------------------------------------------------------- aligned sentences

_TOKEN = re.compile(r"[a-z0-9][a-z0-9'-]*")
_ASIDE = re.compile(r"\s*\([^()]{1,40}\)")
# function words only: the whole stop list (lexicon.stop_words) also drops days, months and
# number words, which tell aligned sentences apart; using it lost 2 planted contradictions
# and 2 real ones on the bench clusters
_STOP = function_words()


@dataclass(frozen=True, slots=True)
class _Frame:
    """The words around a value in its sentence."""

    left: tuple[str, ...]
    right: tuple[str, ...]
    bag: frozenset[str]  # content words of the sentence
    near: frozenset[str]  # content words within ALIGN_REACH words of the value
    unit: str | None


def _frame(ctx: StoryContext, p: Placed) -> _Frame:
    text = ctx.text(p.article)
    # (a possessive's apostrophe is dropped: "Grizzlies'" is "Grizzlies’")
    before = [w.strip("'") for w in _TOKEN.findall(text[p.cite.start : p.claim.start].casefold())]
    rest = text[p.claim.end : p.cite.end]
    # a bracketed aside right after the value ("€3 million (R57 million) haul": a
    # conversion, a date) is skipped: the sentence reads on after it
    rest = rest[aside.end() :] if (aside := _ASIDE.match(rest)) else rest
    after = [w.strip("'") for w in _TOKEN.findall(rest.casefold())]
    def content(words: list[str]) -> frozenset[str]:
        return frozenset(w for w in words if len(w) > 2 and w not in _STOP)

    near = content(before[-ALIGN_REACH:] + after[:ALIGN_REACH])
    return _Frame(tuple(before[-2:]), tuple(after[:2]), content(before + after), near,
                  p.claim.unit)  # fmt: skip


def _overlap(a: _Frame, b: _Frame) -> float:
    """Share of the two sentences' content words they have in common."""
    return len(a.bag & b.bag) / len(a.bag | b.bag) if a.bag and b.bag else 0.0


def _copies(a: _Frame, b: _Frame) -> bool:
    """Two copies of one sentence that differ in their numbers only ("apologized to six
    players" / "to two players"): their values align whatever each parse made of them."""
    return bool(a.bag) and all(parse_number(w) is not None for w in a.bag ^ b.bag)


# keys that name whom or what their value is of: a person's age, a place's size
_OWNED = ("person:", "size/")


def _aligned(a: _Frame, b: _Frame, strict: bool = False) -> bool:
    """Two values in the same place of two sentences that say much the same (``strict``: the
    same words on both sides of the value, for when something was said)."""
    if not a.bag or not b.bag or a.unit != b.unit:
        return False
    overlap = _overlap(a, b)
    left = a.left[-1:] == b.left[-1:] and a.left[-1:] != ()
    right = a.right[:1] == b.right[:1] and a.right[:1] != ()
    ends = a.right == b.right == ()  # both close their sentence ("..., she said in 1988.")
    beside = (left and (right or ends)) if strict else (left or right)
    close = len(a.near & b.near) >= ALIGN_NEAR  # the same words right around the value
    return beside and (overlap >= ALIGN_OVERLAP or close)


def _contained(a: _Frame, b: _Frame) -> float:
    """Share of the shorter sentence's content words the longer one has too (0 when the
    shorter has fewer than ``COPY_MIN_WORDS``): a copy that one outlet lengthened ("Police
    spokesman Tim Fanning said ..." / "Tim Fanning said ...")."""
    small = min(len(a.bag), len(b.bag))
    return len(a.bag & b.bag) / small if small >= COPY_MIN_WORDS else 0.0


def _copied(a: _Frame, b: _Frame) -> bool:
    """Two copies of one sentence, the value in the same place of each: the same unit, the
    same word on both sides of it (or the sentence's end) and most content words shared
    (``COPY_OVERLAP`` of both, or ``COPY_CONTAINED`` of the shorter), or ``ALIGN_NEAR`` of
    those right around it ("had stood empty since 1994, when the milling company moved" /
    "... since 1984, when ...")."""
    return (a.unit == b.unit and a.left[-1:] == b.left[-1:] and a.right[:1] == b.right[:1]
            and (a.left[-1:] != () or a.right[:1] != ())
            and (_overlap(a, b) >= COPY_OVERLAP or _contained(a, b) >= COPY_CONTAINED
                 or len(a.near & b.near) >= ALIGN_NEAR))


def _one_value_changed(a: Placed, b: Placed,
                       given: dict[tuple[str, int], Counter[tuple[str, str]]]) -> bool:
    """Whether two copies of a sentence differ in this value and in no other: neither value
    stands elsewhere in the other copy ("ages 6 and 16" / "ages 16 and 6" lists the same
    ages), and the other values of one copy are all in the other ("caught 17 passes for 244
    yards" / "caught 23 passes for 318 yards" tells another game)."""
    va, vb = given[(a.article, a.cite.start)].copy(), given[(b.article, b.cite.start)].copy()
    own_a, own_b = (a.attribute, a.claim.value), (b.attribute, b.claim.value)
    if own_a == own_b:
        return True  # the same value: a copy that agrees
    if vb[own_a] or va[own_b]:
        return False
    va[own_a] -= 1
    vb[own_b] -= 1
    return not (+va - vb) or not (+vb - va)


def _one_copy(a: Placed, b: Placed, fa: _Frame, fb: _Frame,
              given: dict[tuple[str, int], Counter[tuple[str, str]]]) -> bool:
    """Two copies of one sentence (``_copied``) that differ in this value and in no other
    (``_one_value_changed``)."""
    return _copied(fa, fb) and _one_value_changed(a, b, given)


def _copy_saying_little(a: Placed, b: Placed, fa: _Frame, fb: _Frame,
                        given: dict[tuple[str, int], Counter[tuple[str, str]]]) -> bool:
    """Two copies of one sentence that differ in this value, where one parse hangs the value
    on no verb or on a light one ("two towns on the shore of ..." / "two towns bordering
    ..."; "the intruder got in around 9 p.m." / "reached the hall around 9 p.m."): that
    side says nothing of its own that could make it another fact, so the copy
    tells what it is of. Two strong verbs in one frame stay two facts ("two people were
    killed when ..." / "nine people were hurt when ...")."""
    return _one_copy(a, b, fa, fb, given) and any(
        not _predicate(p.claim) or light_key(p.claim.key) for p in (a, b))


def _closeness(a: _Frame, b: _Frame) -> int:
    """How alike the places of two aligned values are: the words right around them, and
    the word on either side."""
    return (len(a.near & b.near) + 2 * (a.left[-1:] == b.left[-1:])
            + 2 * (a.right[:1] == b.right[:1]))


def _verb_told_beside(a: Placed, b: Placed,
                      sentences: dict[tuple[str, int], list[Placed]]) -> bool:  # fmt: skip
    """Whether ``a``'s sentence gives ``b``'s verb a value of its own, beside ``a``'s: then
    ``a`` is of another happening ("left at 8:26 a.m. and returned at 6:03 p.m." /
    "returned at 6:03 p.m."; "caught on Thursday and charged on Tuesday" / "charged on
    Tuesday"). A value with no verb, or a light one, says little of its own: "carried the 88
    riders and 9 staff members" and "Okafor had 13 points" (beside "Velden scored
    17") may still be the other's "carried 9 staff members" and "scored 13 points"."""
    verb, own = _predicate(b.claim), _predicate(a.claim)
    if not verb or not own or verb == own or light_key(a.claim.key):
        return False
    return any(
        q is not a and _predicate(q.claim) == verb
        for q in sentences[(a.article, a.cite.start)])


def _one_place_each(pairs: list[tuple[int, int, int]],
                    placed: list[Placed]) -> list[tuple[int, int]]:  # fmt: skip
    """Of the candidate pairs (i, j, closeness), those where each value is the other's
    closest in its article: "Born in 1928, … the family founded in 1931" aligns 1928 with
    the other outlet's year of birth and 1931 with its founding, not both with both."""
    best: dict[tuple[int, str], int] = {}
    for i, j, score in pairs:
        for x, y in ((i, j), (j, i)):
            key = (x, placed[y].article)
            best[key] = max(best.get(key, score), score)
    return [(i, j) for i, j, score in pairs
            if score == best[(i, placed[j].article)] == best[(j, placed[i].article)]]


def _align(ctx: StoryContext, placed: list[Placed]) -> list[Placed]:
    """Claims of one attribute that stand in the same place of near-identical sentences of two
    outlets ("... Doran Pike, 41, was found guilty" / "... Pike, 48, was found guilty")
    state the same thing, whatever key each parse gave them: they take one key and one event,
    so a changed value is compared even where the parses differ."""
    by_attribute: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(placed):
        if p.attribute in ALIGNED:
            by_attribute[p.attribute].append(i)
    out = list(placed)
    given: dict[tuple[str, int], Counter[tuple[str, str]]] = defaultdict(Counter)
    for p in placed:  # the values each sentence gives (not who said it: "Benn", "Orla Benn")
        if p.attribute in ALIGNED:
            given[(p.article, p.cite.start)][(p.attribute, p.claim.value)] += 1
    for idx in by_attribute.values():
        used = Counter(placed[i].key for i in idx)  # the keys of the story's claims of a kind
        frames = {i: _frame(ctx, placed[i]) for i in idx}
        sentences: dict[tuple[str, int], list[Placed]] = defaultdict(list)
        for i in idx:
            sentences[(placed[i].article, placed[i].cite.start)].append(placed[i])
        by_word: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            for w in frames[i].bag:
                by_word[w].append(i)
        uf = UnionFind()
        peers: dict[int, set[tuple[str, int]]] = defaultdict(set)
        pairs: list[tuple[int, int, int]] = []
        for i in idx:
            seen: set[int] = set()
            for w in frames[i].bag:
                for j in by_word[w]:
                    if j <= i or j in seen:
                        continue
                    seen.add(j)
                    a, b = placed[i], placed[j]
                    if ctx.publisher[a.article] == ctx.publisher[b.article]:
                        continue
                    one_remark = (a.key.startswith("say") and b.key.startswith("say")
                                  and _copies(frames[i], frames[j]))
                    if not one_remark and apart_in_words(
                            a, b, ctx.words(a.article, a.cite.start, a.cite.end),
                            ctx.words(b.article, b.cite.start, b.cite.end)):  # fmt: skip
                        continue  # "Benn, who joined the service in 1998" / "Rusk, who
                        # joined the service in 2006": two people, however alike; but one
                        # remark copied word for word ('"...," she said in 1994') is one
                        # speaker's, whoever each article's "she" was read as (the words
                        # say who: "He won a prize in 2003" may be another man's)
                    if a.has("loose") or b.has("loose"):
                        # a value no parse took for a claim: only its copy tells what it is of
                        if _one_copy(a, b, frames[i], frames[j], given):
                            pairs.append((i, j, _closeness(frames[i], frames[j])))
                        continue
                    if a.has("future") != b.has("future"):
                        continue  # a plan ("will be charged on Tuesday") is not what happened
                    named = a.key.startswith(_OWNED) and b.key.startswith(_OWNED)
                    if named and a.key.partition("@")[0] != b.key.partition("@")[0]:
                        continue  # "Lusk, 39, and Amberg, 44": two people, however alike;
                        # "Orsa, a town of 380,000" and "Velden, home to 70,000": two places
                    if a.attribute == "age" and a.key.split("/")[0] != b.key.split("/")[0]:
                        continue  # "a 5-year-old girl" and "Juno, a 12-year-old female" (the bear)
                    if a.attribute == "age" and a.key.partition("@")[2] != (
                            b.key.partition("@")[2]):  # fmt: skip
                        continue  # the boy who fell in 1996 is not the boy who fell today
                    if not (_copies(frames[i], frames[j]) or _same_predicate(a.claim, b.claim)
                            or _copy_saying_little(a, b, frames[i], frames[j], given)):
                        continue  # "limited him to six games" / "missed nine games"
                    said = a.key.startswith("say") or b.key.startswith("say")
                    if _verb_told_beside(a, b, sentences) or _verb_told_beside(b, a, sentences):
                        continue
                    if _aligned(frames[i], frames[j], strict=said):
                        pairs.append((i, j, _closeness(frames[i], frames[j])))
        for i, j in _one_place_each(pairs, placed):
            a, b = placed[i], placed[j]
            uf.union(str(i), str(j))
            peers[i].add((b.article, b.claim.start))
            peers[j].add((a.article, a.claim.start))
        components: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            components[uf.find(str(i))].append(i)
        for members in components.values():
            if len(members) < 2:
                continue
            keys = Counter(placed[i].key for i in members)
            events = Counter(placed[i].event for i in members)
            # a firm claim's key, else one of this place only (loose keys say little); of
            # two as common, the one the story's other claims use, so they compare with it
            key = max(sorted(keys), key=lambda k: (not k.startswith("~"), keys[k], used[k]))
            event = max(sorted(events, key=str), key=lambda e: events[e])
            tag = f"{placed[members[0]].article}:{placed[members[0]].claim.start}"
            if key.startswith("~"):
                key = f"{key}#{tag}"
            for i in members:
                out[i] = replace(placed[i], key=key, event=event, aligned=tag,
                                 peers=frozenset(peers[i]))  # fmt: skip
    return out


# which part of a key ("verb/noun", "noun/verb", "unit/noun") is the parse's predicate
_PREDICATE_PART = {"age": 1, "measure": 1}


def _predicate(c: Claim) -> str:
    """The predicate a claim's own key hangs on, as the parse gave it: "limit" of
    "limit/game", "set" of "set off/person", "divorce" of "divorce@1947"; "" for a person's
    age or a count with no verb."""
    base = c.key.partition("@")[0]
    if base.startswith("person:"):
        return ""
    parts = base.split("/")
    i = _PREDICATE_PART.get(c.attribute, 0)
    part = parts[i] if i < len(parts) else ""
    return "" if part in ("", "-") else part.split()[0]


def _same_predicate(a: Claim, b: Claim) -> bool:
    """Whether two claims in sentences that look alike can state one thing. The lead dates
    and times of two reports can, whatever their verbs ("the intruder reached the hall around
    9 p.m." / "came in around 6 p.m."). Elsewhere one's predicate must be said in the other's
    sentence: "a sore ankle limited him to six games" and "he missed nine games", or "was
    sentenced in May 2021" and "went back to jail in May 2022", are two facts in one frame
    of words. When both sentences say both verbs ("shot three guards, killing two" / "shot
    and killed two guards"), the parse has told the two numbers apart."""
    pa, pb = _predicate(a), _predicate(b)
    if pa == pb or ("lead" in a.qualifiers and "lead" in b.qualifiers):
        return True
    if not pa or not pb:  # a count with no verb: the other's verb must be in its sentence
        return (pa or pb) in (b.context if pa else a.context)
    both = {pa, pb}
    if both <= set(a.context) and both <= set(b.context):
        return False  # each sentence says both verbs, and each parse ties its number to one
    return pa in b.context or pb in a.context


def _event_of(ctx: StoryContext, aid: str, c: Claim) -> str | None:
    """A role is nobody's event; a date that is an event's own date belongs to that event; a
    lead date to its article's main event; anything else to its sentence's event."""
    if c.attribute in STORY_WIDE:
        return None
    if c.attribute == "date":
        own = [e.id for e in ctx.events if e.date and e.date[:10] == c.value]
        if own:
            main = ctx.main_event.get(aid)
            return main if main in own else own[0]
        if "lead" in c.qualifiers and ctx.main_event.get(aid):
            return ctx.main_event[aid]
    return ctx.event_of(aid, c.start)


def _rekey(key: str, mapping: dict[str, str]) -> str:
    base, at, when = key.partition("@")
    return mapping.get(base, base) + at + when


def _name_words(key: str) -> list[str]:
    """"person:mr. john a. smith jr." -> ["john", "smith"]: titles, initials, suffixes and
    quoted nicknames dropped ('luis gerardo "jerry" ortiz' -> luis, gerardo, ortiz)."""
    words = [w.strip(".,") for w in key.removeprefix("person:").split()]
    return [w for w in words if len(w) > 1 and w not in _NAME_NOISE and w[:1] not in "\"'\u201c"]


def _nicknames(key: str) -> set[str]:
    return {w.strip("\"'\u201c\u201d") for w in key.split() if w[:1] in "\"'\u201c"}


_NAME_NOISE = frozenset("mr mrs ms miss dr sir sen rep gov jr sr ii iii".split())


def _person_aliases(placed: list[Placed]) -> dict[str, str]:
    """"person:okafor", "person:mr. okafor" and "person:daniel a. okafor" -> the one full name
    the story gives ("person:daniel okafor"), when exactly one full name fits; a given name
    alone ("person:leo", a child named by the first name) when no full name ends with it
    and exactly one starts with it."""
    names = {p.key.partition("@")[0] for p in placed if p.key.startswith("person:")}
    full: dict[str, str] = {}  # "first last" -> the key written most fully
    for n in sorted(names, key=len):
        words = _name_words(n)
        if len(words) >= 2:
            full[f"{words[0]} {words[-1]}"] = n
    for n in sorted(names, key=len):
        words = _name_words(n)
        for nick in _nicknames(n):  # 'Pavel Andras "Pip" Antal' is also Pip Antal
            if len(words) >= 2:
                full.setdefault(f"{nick} {words[-1]}", n)
    out = {}
    for n in names:
        words = _name_words(n)
        if not words:
            continue
        if len(words) >= 2:
            out[n] = full[f"{words[0]} {words[-1]}"]
            continue
        matches = {k for k in full if k.endswith(" " + words[0])}
        if not matches:  # a given name alone ("her son Leo, 8") that no full name ends with
            matches = {k for k in full if k.startswith(words[0] + " ")}
        if len(matches) == 1:
            out[n] = full[matches.pop()]
    # a name written more fully holds every word of a shorter one ('Luis Tomas "Lou" Marren'
    # holds "Lou Marren", "Receptionist Nora Vell" holds "Nora Vell"): one person when
    # exactly one shorter full name fits
    for n in names:
        own = _name_words(n)
        if not own:
            continue
        held = set(own) | _nicknames(n)
        inside = {out.get(m, m) for m in names if m != n and len(_name_words(m)) >= 2
                  and set(_name_words(m)) < held and _name_words(m)[-1] == own[-1]}  # fmt: skip
        if len(inside) == 1:
            out[n] = inside.pop()
    # one person spelled two ways by two outlets (the story's name claims: "Katelyn Morrow" /
    # "Kaitlyn Morrow") is one person: the spelling most claims give
    spelled: dict[str, Counter[str]] = defaultdict(Counter)
    for p in placed:
        if p.attribute == "name":
            spelled[p.key][f"person:{p.claim.value.casefold()}"] += 1
    one: dict[str, str] = {}
    for forms in spelled.values():
        most = max(sorted(forms), key=lambda k: forms[k])
        one.update((form, most) for form in forms)
    out = {n: one.get(out.get(n, n), out.get(n, n)) for n in names}
    return {k: v for k, v in out.items() if k != v}


def _thing_aliases(placed: list[Placed]) -> dict[str, str]:
    """"build/footbridge" -> "build/bridge" when both are said: a compound names its head."""
    keys = {p.key.partition("@")[0] for p in placed if p.attribute in ("year", "measure",
                                                                       "amount")}  # fmt: skip
    out = {}
    for k in keys:
        verb, _, thing = k.rpartition("/")
        if not thing:
            continue
        for other in keys:
            o_verb, _, o_thing = other.rpartition("/")
            if (o_verb == verb and o_thing != thing and len(o_thing) >= 4
                    and thing.endswith(o_thing)):  # fmt: skip
                out[k] = other
    return out


def _join_lead_dates(ctx: StoryContext, placed: list[Placed]) -> list[Placed]:
    """Give the lead dates (and lead clock times) of one event's reports one key."""
    out = list(placed)
    topic = _topic_keys(placed)
    ties = _Ties(placed)
    for attribute in ("date", "time"):
        leads: dict[str | None, list[int]] = defaultdict(list)
        for i, p in enumerate(out):
            if _report_lead(ctx, p, attribute):
                leads[p.event].append(i)
        for idx in leads.values():
            event = out[idx[0]].event
            said = Counter(p.key for p in out if p.event == event and p.attribute == attribute)
            # a lead joins a group only when it dates one happening with every member:
            # never by a chain (the charge is not the shooting because both name the party)
            groups: list[list[int]] = []
            for i in sorted(idx, key=lambda i: (-said[out[i].key], out[i].key, i)):
                for g in groups:
                    if all(out[i].key == out[j].key or _same_happening(out[i], out[j], topic)
                           for j in g):  # fmt: skip
                        g.append(i)
                        break
                else:
                    groups.append([i])
            for members in groups:
                # the key the event's other claims use most ("hearing" over "filled")
                keys = {out[i].key for i in members}
                main = max(sorted(keys), key=lambda k: said[k])
                for i in members:
                    out[i] = replace(out[i], key=main)
    return _lone_lead_days(ctx, out, ties)


def _report_lead(ctx: StoryContext, p: Placed, attribute: str) -> bool:
    """Whether ``p`` is the date (or clock time) its report leads with, of the event the
    report is about, and not a plan."""
    return (p.attribute == attribute and p.has("lead") and not p.has("future")
            and p.event is not None and ctx.main_event.get(p.article) == p.event)


class _Ties:
    """Whether two lead dates date one happening by what ties them, whatever else their
    sentences say: the same verb, or one told as the other's "when" ("nine killed when a
    coach overturned on Saturday" / "nine people were killed on Wednesday"), and a person
    or happening both name, or an uncommon figure both give (``AGREE_MIN``). Nothing ties
    "two were killed on Saturday" to "nine were killed on Wednesday", however alike the
    verbs."""

    def __init__(self, placed: list[Placed]) -> None:
        self.figures: dict[tuple[str, int], set[tuple[str, str | None, float]]] = (
            defaultdict(set))
        for p in placed:
            low = p.claim.low
            if p.attribute == "count" and low is not None and low >= AGREE_MIN:
                self.figures[(p.article, p.cite.start)].add(
                    (p.key.partition("@")[0], p.claim.unit, low))

    def __call__(self, a: Placed, b: Placed) -> bool:
        verbs = a.key == b.key or f"when:{b.key}" in a.claim.qualifiers or (
            f"when:{a.key}" in b.claim.qualifiers)
        return verbs and a.article != b.article and a.has("sequel") == b.has("sequel") and bool(
            a.named & b.named or self.figures[(a.article, a.cite.start)]
            & self.figures[(b.article, b.cite.start)])


def _lone_lead_days(ctx: StoryContext, placed: list[Placed], tied: _Ties) -> list[Placed]:
    """The lead date of a report that founded an event alone (no other outlet's report is in
    it), placed in another event of the story with that event's key when it dates that
    event's happening a few days apart (``LEAD_DAYS_APART``) and is ``tied`` to it. The link
    keeps the dates apart as two events; the day is then a disagreement inside the one
    (issue 16: event identity does not hang on the date alone)."""
    outlets: dict[str | None, set[str]] = defaultdict(set)
    for e in ctx.events:
        outlets[e.id] = {ctx.publisher[a] for a in e.articles if a in ctx.publisher}
    day: dict[str | None, date] = {e.id: d for e in ctx.events
                                   if (d := day_of(e.date)) is not None}
    leads = [i for i, p in enumerate(placed)
             if _report_lead(ctx, p, "date") and p.event in day]  # fmt: skip
    out = list(placed)
    for i in leads:
        a = placed[i]
        if outlets[a.event] != {ctx.publisher[a.article]}:
            continue
        rivals = [b for j in leads if (b := placed[j]).event != a.event
                  and ctx.publisher[b.article] not in outlets[a.event]
                  and abs((day[a.event] - day[b.event]).days) <= LEAD_DAYS_APART
                  and tied(a, b)]  # fmt: skip
        if rivals and len({b.event for b in rivals}) == 1:  # one happening it may be a slip for
            out[i] = replace(a, event=rivals[0].event, key=rivals[0].key)
    return out


def _topic_keys(placed: list[Placed]) -> set[str]:
    """Predicates most of a story's lead sentences share ("fire", "plant"): the story's topic,
    which says nothing about which of its happenings a sentence reports."""
    contexts: dict[str, set[str]] = {}
    for p in placed:
        if p.has("lead") and p.article not in contexts:
            contexts[p.article] = set(p.claim.context)
    if len(contexts) < TOPIC_MIN_ARTICLES:
        return set()
    counts = Counter(k for ctx_keys in contexts.values() for k in ctx_keys)
    return {k for k, n in counts.items() if n >= TOPIC_SHARE * len(contexts)}


def _same_happening(a: Placed, b: Placed, topic: set[str] = frozenset()) -> bool:  # type: ignore[assignment]
    """Whether two lead dates with different verbs date one happening: the two sentences
    share at least ``LEAD_SHARED`` predicates besides the story's topic, and each names the
    other's verb or neither does (when only one does, that report tells them apart, unless
    it tells them as one: "were killed when a ferry capsized on Wednesday"), and both or
    neither tell their happening as following or preceding another."""
    if a.article == b.article or a.has("sequel") != b.has("sequel"):
        return False  # (an arrest "two days after the shooting" is not the shooting)
    shared = set(a.claim.context) & set(b.claim.context) - {a.claim.key, b.claim.key} - topic
    if len(shared) < LEAD_SHARED:
        return False
    if f"when:{b.claim.key}" in a.claim.qualifiers or f"when:{a.claim.key}" in b.claim.qualifiers:
        return True  # "were killed when a ferry capsized on Wednesday" / "were killed Tuesday"
    a_names_b = b.claim.key in a.claim.context
    b_names_a = a.claim.key in b.claim.context
    return a_names_b == b_names_a


__all__ = ["Placed", "closest_pairs", "doer_differs", "named_apart", "named_two_ways",
           "one_owners_thing", "place_claims", "written_together"]
