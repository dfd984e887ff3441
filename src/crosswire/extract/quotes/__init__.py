"""Quotes with speakers: direct (all quoted), mixed (partly quoted) and indirect (reported).

Rule-based over quotation marks (``marks``) and the dependency parse (``cues``):

- ``"...," X said`` / ``"...," said X`` / ``"...", according to X`` (cue after the quote);
- ``X said: "..."`` / ``X told the crowd, "..."`` and a colon closing the previous paragraph;
- ``X said the mayor threw officers "under the bus"`` -> mixed (content = the reported clause);
- ``X told ABC News that ...`` -> ``via`` "ABC News";
- ``X said (that) ...`` without marks -> indirect;
- ``X said the tram sped up and "...," the Gazette reports`` -> X's (an outlet reporting the
  sentence is not the speaker of the words the sentence gives to X);
- quote-only sentences right after an attributed quote continue that speaker.

Speakers resolve to entity canonical names; pronouns to a recent person (the previous
sentence's subject first); "the mayor" through ``Entity.role``; "the union" to an organisation
named in the article; "It read:" after a text named in the sentence before ("he posted a text
message") to the text's writer; "Half of the drivers" keeps the group it is part of. Nothing is
invented: unattributable quotes keep ``speaker=None``.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from typing import Any, TypeVar, TypeVarTuple, cast

from lemminflect import getAllLemmas

from ...lexicon import load_lexicon
from ...nlp import known_verbs, known_words
from ...records import Article, Entity, NonBody, Quote, QuoteKind
from ..dates.lexicon import YEAR_RE
from ..furniture import find_nonbody, overlaps
from ..names import ROLE_NOUNS, name_parts, title_role
from ..spans import SpanSet, headline_end
from .cues import (
    FEMALE_PRONOUNS,
    FINDING,
    GROUP_NOUNS,
    INTENT,
    MALE_PRONOUNS,
    NOT_REPORT,
    NP_LEFT_DEPS,
    PEOPLE_GROUPS,
    PERSON_NOUNS,
    PRIVATE,
    QUOTED_KEY,
    RELATIVE,
    REPORT,
    SPEAKING_PRONOUNS,
    SPEECH,
    SUBJ_DEPS,
    TELL_LIKE,
    backgrounded,
    by_agent,
    complement_bounds,
    copula_above,
    document_noun,
    finite_clause,
    is_cue,
    np_bounds,
    opens_sentence,
    person_noun,
    relative_before,
    subject_of,
    via_of,
)
from .marks import Marked, find_marked

log = logging.getLogger(__name__)

_END_PUNCT = frozenset(".!?")
_QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb`"
_PRONOUNS = {
    "he": "PERSON",
    "she": "PERSON",
    "him": "PERSON",
    "her": "PERSON",
    "his": "PERSON",
    "it": "ORG",
    "its": "ORG",
    "their": None,
    "they": None,
    "we": None,
    "i": None,
    "you": None,
}
_ORG_NOUNS = {
    "union": ("union", "association", "federation", "guild", "brotherhood", "benevolent",
              "local "),
    "department": ("department", "police", "nypd"),
    "police": ("police", "nypd"),
    "campaign": ("campaign",),
    "company": ("company", "inc", "corp", "group", " co."),
    "agency": ("agency", "administration", "bureau"),
    "office": ("office",),
    "committee": ("committee",),
    "party": ("party",),
    "association": ("association",),
}
_MAX_FRAME = 30
_T = TypeVar("_T")
_Ts = TypeVarTuple("_Ts")


class _Ctx:
    """Per-article lookups: token by char, entity by char, sentence by token."""

    def __init__(self, article: Article, doc: Any, entities: tuple[Entity, ...],
                 nonbody: tuple[NonBody, ...] = ()) -> None:
        self.text = article.text
        self.doc = doc
        self.nonbody = nonbody
        self.headline_end = headline_end(article.text, article.title)
        self.title = article.title
        self.here: NonBody | None = None  # the non-body span holding the current quote
        self.tok_starts = [t.idx for t in doc]
        self.ents = sorted(entities, key=lambda e: e.start)
        self.ent_starts = [e.start for e in self.ents]
        self.sent_starts = [s.start for s in doc.sents]
        self.sent_ends = [*self.sent_starts[1:], len(doc)]
        self.roles: dict[str, str] = {}
        for e in self.ents:
            if e.role:
                self.roles.setdefault(e.canonical, e.role)
        self.by_surname: dict[str, Entity] = {}
        for e in self.ents:
            if e.label == "PERSON":
                self.by_surname.setdefault(e.canonical.split()[-1].lower(), e)
        # (end, speaker, label) of each quote's speaker in reading order, as they are read
        self.spoken: list[tuple[int, str, str | None]] = []
        self.marked: list[Marked] = []  # the quoted passages (``find_marked``), set by the caller
        self.history: list[Quote] = []  # the direct quotes found so far, in reading order
        # what ``once`` worked out: (function, its arguments) -> its value
        self._worked_out: dict[tuple[Hashable, ...], Any] = {}

    def once(self, compute: Callable[[_Ctx, *_Ts], _T], *args: *_Ts) -> _T:
        """``compute(self, *args)``, worked out the first time it is asked for and kept: what
        the whole article gives (its people, their genders, the quotation marks' offsets,
        where a noun first brings in a thing ...), read again for every quote."""
        key = (compute, *args)
        if key in self._worked_out:
            return cast(_T, self._worked_out[key])
        value = self._worked_out[key] = compute(self, *args)
        return value

    def tok_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def ent_over(self, start: int, end: int) -> Entity | None:
        i = bisect.bisect_right(self.ent_starts, end) - 1
        while i >= 0 and self.ents[i].end > start - 200:
            e = self.ents[i]
            if e.start < end and e.end > start:
                return e
            i -= 1
        return None

    def sent_of(self, tok_i: int) -> int:
        return bisect.bisect_right(self.sent_starts, tok_i) - 1

    def told_before(self, s: int) -> int:
        """The sentence of narration before sentence ``s`` (0 at the start): sentences wholly
        inside quotation marks do not count ('X broke down in tears. "A. B. C. D," he
        said': X is one sentence back, not five), nor do captions and other non-body lines
        set between a name and the quote."""
        marked = self.marked
        while s > 0:
            s -= 1
            first, last = self.doc[self.sent_starts[s]], self.doc[self.sent_ends[s] - 1]
            quoted = any(m.outer_start <= first.idx and last.idx < m.outer_end
                         for m in marked)
            if not quoted and overlaps(self.nonbody, first.idx, first.idx) is None:
                return s
        return 0

    def furniture(self, char: int) -> bool:
        """``char`` lies in a byline, a credit, a caption or other non-body text that does not
        hold the current quote: nobody named there speaks the story's quotes."""
        span = overlaps(self.nonbody, char, char)
        return span is not None and span != self.here


def _kept(compute: Callable[[_Ctx, *_Ts], _T]) -> Callable[[_Ctx, *_Ts], _T]:
    """``compute`` worked out once per parse context and arguments (``_Ctx.once``)."""

    def once(ctx: _Ctx, *args: *_Ts) -> _T:
        return ctx.once(compute, *args)

    return functools.wraps(compute)(once)


# what never opens a span: a closing mark or a dash ('\u201d\u2015 Ann Lee' is 'Ann Lee')
_LEAD_TRIM = ",;:.\u2014\u2015\u2013-\u201d"  # (".": a rank's full stop the parse took into a name)


def _part_of_a_people(ctx: _Ctx, tok: Any, ent: Entity) -> str | None:
    """"Left-leaning Danes", "Older Norwegians": a people named by a plural proper noun (a
    nationality, which the tagger may take for an organisation) and narrowed by the words
    before it is that part of the people, not all of it; else None."""
    if ent.label not in ("NORP", "ORG") or tok.tag_ not in ("NNPS", "NNS"):
        return None
    narrowing = [c for c in tok.lefts if c.dep_ in ("amod", "compound")
                 and c.idx < ent.start and not c.ent_type_]  # fmt: skip
    if not narrowing:
        return None
    first = min(t.i for c in narrowing for t in c.subtree)
    lo, hi = _span(ctx, first, tok.i + 1)
    return ctx.text[lo:hi]


def _span(ctx: _Ctx, lo: int, hi: int) -> tuple[int, int]:
    """Character bounds of tokens [lo, hi), trimmed of spaces, punctuation and quote marks."""
    doc, text = ctx.doc, ctx.text
    start = doc[lo].idx
    end = doc[hi - 1].idx + len(doc[hi - 1].text)
    while (end < len(text) and text[end] in "-\u2011" and text[end + 1 : end + 2].isalnum()
           and text[end - 1 : end].isalnum()):  # never inside a word: "re-established"
        end += 1
        while end < len(text) and text[end].isalnum():
            end += 1
    while start < end and (text[start].isspace() or text[start] in _LEAD_TRIM):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:\u2014-"):
        end -= 1
    return start, end


def _resolve(
    ctx: _Ctx, tok: Any, strict: bool = True
) -> tuple[str | None, int | None, int | None, str | None]:
    """(speaker, mention start, mention end, role) for a speaker head token, or for the
    people it is joined to by "and" ("Ana Ruiz and Tom Vale said": both, one mention)."""
    tok = _titled_person(tok)
    heads = _speaker_heads(tok)
    if tok not in heads and _bare_title(tok):
        tok = heads[0]  # (the subject was the bare second title of a named person)
    if len(heads) == 1 or any(_speaker_kind(ctx, h) != "ok" for h in heads):
        return _resolve_one(ctx, tok, strict)  # (a thing among them: "their campaign and")
    parts = [_resolve_one(ctx, h, strict) for h in heads]
    if any(p[0] is None for p in parts):
        return _resolve_one(ctx, tok, strict)  # (a pronoun or a thing among them: as before)
    names = list(dict.fromkeys(str(p[0]) for p in parts))
    said = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    starts = [p[1] for p in parts if p[1] is not None]
    ends = [p[2] for p in parts if p[2] is not None]
    return said, min(starts, default=None), max(ends, default=None), None


def _titled_person(tok: Any) -> Any:
    """The person a title the parse took for the subject stands before ("said Velk State
    Police Lt. Mara Quill", "said Dist. Atty. Ines Marl": the title heads the words before
    it, and the name is a second subject): that person; else ``tok``."""
    before = tok.doc[tok.i - 1].text if tok.i > 0 else ""
    if not any(title_role(t) for t in (tok.text, f"{tok.text}.", f"{before} {tok.text}")):
        return tok
    second = next((c for c in tok.head.children if c.dep_ == tok.dep_ and c.i > tok.i
                   and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")), None)  # fmt: skip
    return second if second is not None else _second_title_of(tok) or tok


def _second_title_of(title: Any) -> Any:
    """The person a title is joined to by "and" when that person carries a title too
    ("Velk Rovers President and General Manager Ansel Dorr": one person with two titles,
    not the president and Dorr); else None."""
    for c in title.children:
        if (c.dep_ == "conj" and c.ent_type_ == "PERSON" and c.i > title.i
                and any(g.dep_ == "compound" and g.i < c.i and title_role(g.text)
                        for g in c.subtree)):  # ("General" may hang on "Manager")
            return c
    return None


def _speaker_heads(tok: Any) -> list[Any]:
    """The heads of the people a subject joined by "and" names (``_joined``), where one
    person with two titles is one head, however the parse hung the name: on the second title
    ("Velk Rovers President and General Manager Ansel Dorr": ``_second_title_of``) or beside
    the first ("president and chief medical officer Ana Dorr": the bare second title goes)."""
    if tok.dep_ == "conj" and _second_title_of(tok.head) == tok:
        return [tok]
    heads = _joined(tok)
    if len(heads) > 1 and any(_named_title(h) for h in heads):
        heads = [h for h in heads if not _bare_title(h)]
    return heads


def _bare_title(tok: Any) -> bool:
    """A singular title noun with no determiner, owner or name of its own ("president and
    chief medical officer Ana Dorr": "officer"): English lets such a noun stand only in a
    name's title, so it is no second speaker beside the person named."""
    return (tok.tag_ == "NN" and title_role(tok.text) is not None and tok.ent_type_ != "PERSON"
            and not any(c.dep_ in ("det", "poss", "appos", "nummod") for c in tok.children))


def _named_title(tok: Any) -> bool:
    """A title noun a person's name stands in apposition to ("president ... Ana Dorr")."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "appos" and c.ent_type_ == "PERSON"
                                      for c in tok.children)


def _joined(tok: Any) -> list[Any]:
    """The heads of the noun phrases joined by "and" that ``tok`` is one of, in text order
    (``tok`` alone when it is joined to none): people and bodies named together."""
    root = tok
    while root.dep_ == "conj" and root.head.pos_ in ("PROPN", "NOUN"):
        root = root.head
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return [tok]  # (a name the parse joined to some other noun: "despite their losing
        # campaign and the Velk Gulls have ...": the Gulls alone are the subject)
    heads = [root]
    for t in root.subtree:
        if t.dep_ == "conj" and t.head in heads and t.pos_ in ("PROPN", "NOUN"):
            heads.append(t)
    if len(heads) > 1 and not any(c.dep_ == "cc" and c.lower_ == "and"
                                  for h in heads for c in h.children):
        return [tok]  # "or", "but": not one joint voice
    return heads


_DESCRIBED_WORDS = 10  # a text that speaks for itself is named by its words up to this many


def _resolve_one(
    ctx: _Ctx, tok: Any, strict: bool = True
) -> tuple[str | None, int | None, int | None, str | None]:
    """(speaker, mention start, mention end, role) for one speaker head token.

    With ``strict`` (quoted words) a thing names no speaker and has no mention; a pronoun or
    a document ("the statement") keeps its mention and names a speaker only when resolved to
    a person or a body. Reported speech (not strict) keeps any source as written ("records
    show", "a 2019 audit found"), but only someone who can speak is its speaker: a thing
    keeps its mention and names no one."""
    kind = _speaker_kind(ctx, tok)
    if kind is None and strict:
        return None, None, None, None
    lo, hi = np_bounds(tok)
    start, end = _span(ctx, lo, hi)
    mention = ctx.text[start:end]
    if kind is None:
        return None, start, end, None
    if kind == "mention" and document_noun(tok):
        author = _owner(ctx, tok) or _issuer(ctx, tok) or _earlier_owner(ctx, tok)
        if author is None:
            body = _company_of(ctx, tok)
            if body is not None:
                return body.canonical, start, end, None
            # words quoted from a text no one is shown to have written are the text's when
            # its words say which one it is ("an editorial in the Orrin Gazette", "a leaflet
            # handed out at the market"); a bare "the statement" points back to one never
            # named, and what a sign "said" in reported speech is what it showed: no one
            if not strict or not any(c.dep_ in ("prep", "acl", "relcl") and c.i > tok.i
                                     for c in tok.children):
                return None, start, end, None
            whole = _span(ctx, tok.left_edge.i, tok.right_edge.i + 1)
            said = _described(ctx, tok.left_edge.i, ctx.text[whole[0] : whole[1]].strip(" ,"))
            return (said if len(said.split()) <= _DESCRIBED_WORDS else mention), start, end, None
        speaker, _, _, role = _resolve(ctx, author)
        return speaker, start, end, role
    person = _person_at(ctx, tok)
    if person is not None and hi - lo == 1 and person.canonical in _dead(ctx):
        person = _kin_named(ctx, tok, person) or person  # '"...," said Brisk': his widow
    if person is not None:
        return person.canonical, start, end, person.role or ctx.roles.get(person.canonical)
    ent = ctx.ent_over(tok.idx, tok.idx + len(tok.text)) or _appositive(ctx, tok)
    if ent and ent.label in {"PERSON", "ORG", "NORP", "GPE", "FAC"}:
        part = _part_of_a_people(ctx, tok, ent)
        if part is not None:
            return part, start, end, None
        return ent.canonical, start, end, ent.role or ctx.roles.get(ent.canonical)
    low = tok.lower_
    found = _surname(ctx, tok)
    if found is not None:
        return found.canonical, start, end, ctx.roles.get(found.canonical)
    if low == "another" and hi - lo == 1 and (one := _one_of_a_kind(ctx, tok)) is not None:
        return f"another {one}", start, end, None  # "One passenger said ..., another said"
    if low in _PEOPLE_PRONOUNS and hi - lo == 1 and _group_of(tok) is None:
        named = _group_just_named(ctx, tok)
        if named is not None:  # "Several climbers were stranded. One said ...": one of them
            return f"{low} of the {named}", start, end, None
    going_on = _speakers_going_on(ctx, tok) if low == "they" else None
    if going_on is not None:
        speaker, _, _, role = _resolve(ctx, going_on)
        return speaker, start, end, role
    if tok.pos_ == "PRON" or low in _PRONOUNS:
        found = _resolve_pronoun(ctx, tok)
        if found:
            return found.canonical, start, end, ctx.roles.get(found.canonical)
        return None, start, end, None  # the mention stays; an unresolved pronoun names no one
    if low in ROLE_NOUNS:
        found = _by_role(ctx, tok, ROLE_NOUNS[low])
        if found:
            return found.canonical, start, end, ctx.roles.get(found.canonical)
    found = _person_described(ctx, tok) or _taken_up(ctx, tok)
    if found:  # 'coach Ann Lee ... "...," the three-time coach of the year said'
        return found.canonical, start, end, ctx.roles.get(found.canonical)
    if low in _ORG_NOUNS:
        found = _by_org_noun(ctx, tok, _ORG_NOUNS[low], before_only=True)
        if found:
            return found.canonical, start, end, None
    found = _body_taken_up(ctx, tok)
    if found is None and low in _ORG_NOUNS:
        found = _by_org_noun(ctx, tok, _ORG_NOUNS[low])  # named only further on
    if found:
        return found.canonical, start, end, None
    fuller = _named_before(ctx, tok)
    if fuller is not None:  # 'The Veldish army said ... the army said': the army named
        return fuller, start, end, None
    group = _group_of(tok)
    if group is not None and group.i >= hi:  # "Half of the drivers say": that part of them
        end = ctx.doc[group.i].idx + len(ctx.doc[group.i].text)
        clauses = {c.i for t in group.subtree if t.dep_ in {"acl", "relcl"} for c in t.subtree}
        for t in ctx.doc[group.i + 1 : group.right_edge.i + 1]:
            if t.is_punct or t.i in clauses:
                break  # not the appositive in "the majority of parents, 60%," nor a clause
            end = t.idx + len(t.text)
        mention = ctx.text[start:end]
    body = _speaks_for(ctx, tok)
    if body is not None and body.end > end:  # "a spokesperson for the Port Authority"
        end = body.end
        mention = ctx.text[start:end]
    if tok.pos_ == "PROPN" and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].text.isdigit():
        nxt = ctx.doc[tok.i + 1]  # "Local 1187 said": keep the number with the name
        if nxt.idx >= end:
            end = nxt.idx + len(nxt.text)
            mention = ctx.text[start:end]
    return _described(ctx, lo, mention), start, end, None


def _group_just_named(ctx: _Ctx, tok: Any) -> str | None:
    """The people a part told alone ("One said", "Some said") is a part of: the nearest
    plural noun for people before it, in its sentence or the one before ("Several climbers
    were stranded. One said ...": "climbers"); None when there is none."""
    first = ctx.sent_starts[ctx.told_before(ctx.sent_of(tok.i))]
    for t in reversed(ctx.doc[first : tok.i]):
        if t.tag_ in ("NNS", "NNPS") and t.pos_ == "NOUN" and person_noun(t):
            return str(t.lower_)
    return None


def _one_of_a_kind(ctx: _Ctx, tok: Any) -> str | None:
    """The noun "another" is set against: a person "one <noun>" names before it, in its
    sentence or the one before ("One passenger told staff ..., while another said": another
    passenger); None when there is none."""
    first = ctx.sent_starts[ctx.told_before(ctx.sent_of(tok.i))]
    for t in reversed(ctx.doc[first : tok.i]):
        if (t.pos_ == "NOUN" and t.tag_ == "NN" and person_noun(t)
                and any(c.lower_ == "one" and c.dep_ in ("nummod", "det") for c in t.children)):
            return str(t.lower_)
    return None


def _speaks_for(ctx: _Ctx, tok: Any) -> Entity | None:
    """The body an unnamed person speaks for, named in a "for/from/at" phrase ("a
    spokesperson from the Fire Brigade"): kept in the speaker's name (up to the body's
    name, not what is set beside it), so two bodies' spokespeople are two speakers."""
    if tok.pos_ != "NOUN" or not person_noun(tok):
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "from", "at"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            ent = ctx.ent_over(obj.idx, obj.idx + len(obj.text)) if obj is not None else None
            if ent is not None and ent.label in ("ORG", "GPE", "NORP"):
                return ent
    return None


def _described(ctx: _Ctx, lo: int, mention: str) -> str:
    """A description as a speaker's name: "The airline" that opens a sentence is the "the
    airline" of "..., the airline said", and "Police said" the "police" of "..., police
    said", so the capital a sentence start gives a determiner, an adjective or a common noun
    goes (a name's stays: "Velden Police"), as do the capitals of a lede set in them ("THE
    second largest ferry line")."""
    first = ctx.doc[lo]
    opening = first.pos_ == "DET" or (
        first.pos_ in ("NOUN", "ADJ") and not first.ent_type_ and opens_sentence(first)
        and _common_word_form(first))
    capitals = first.pos_ == "DET" and first.text.isupper() and len(first.text) > 1  # "THE"
    if opening and (first.text.istitle() or capitals) and mention.startswith(first.text):
        return str(first.lower_) + mention[len(first.text):]
    return mention


def _common_word_form(tok: Any) -> bool:
    """Whether a capitalised word is a common noun or adjective the lemmatizer knows
    ("Police", "Officials", "Many"), not a name the tagger took for one ("Velden police"):
    by ``nlp.known_words``; when the pipeline has no such table, every such word counts."""
    lemma = tok.lemma_.casefold()
    nouns, adjectives = known_words(tok.doc.vocab, "noun"), known_words(tok.doc.vocab, "adj")
    if not nouns and not adjectives:
        return True
    return lemma in nouns or lemma in adjectives or tok.lower_ in adjectives


def _group_of(tok: Any) -> Any | None:
    """The people a part of a group is of: "drivers" in "Half of the drivers", "parents"
    in "the majority of parents" (None for a name)."""
    if tok.ent_type_ in {"PERSON", "ORG", "NORP"}:
        return None
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for o in child.children:
                if o.dep_ == "pobj" and person_noun(o):
                    return o
    return None


_NAMING = frozenset({"NORP", "GPE"})  # a nation's or a place's army, ministry, police


def _named_before(ctx: _Ctx, tok: Any) -> str | None:
    """The words of the nearest earlier mention of the same body with a name in it, for a
    bare "the army" or "the ministry": "The Veldish army", "Ostra's ministry"."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or _individual(tok) or not _plain_definite(tok):
        return None
    if any(c.dep_ != "det" for c in tok.children):
        return None
    lemma = tok.lemma_.lower()
    if any(t.lemma_.lower() == lemma and _person_owned(ctx, t) for t in ctx.doc):
        return None  # "the Lee campaign ... the campaign": one of several, maybe
    for t in reversed(ctx.doc[: tok.i]):
        if t.lemma_.lower() != lemma or t.pos_ != "NOUN" or _inside_quote_tok(ctx, t) \
                or ctx.furniture(t.idx):
            continue
        if any(c.dep_ in {"amod", "compound", "poss"} and c.ent_type_ in _NAMING
               for c in t.children):
            lo = min(c.left_edge.i for c in t.children if c.dep_ in NP_LEFT_DEPS)
            start, end = _span(ctx, lo, t.i + 1)
            return ctx.text[start:end]
    return None


_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Entity labels that never speak, even on a proper noun (the tagger's names are less sure).
_NOT_SPEAKER_ENTS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT", "LAW",
     "LANGUAGE", "FAC", "LOC"}
)
# Verbs whose subject is someone speaking, whatever the noun ("the airline said").
_SPEAK = frozenset(
    """say tell add ask answer reply respond explain insist argue complain admit warn
    announce confirm deny apologize apologise acknowledge concede vow promise pledge urge
    stress reiterate tweet write post""".split()
)
_ISSUE = frozenset(
    """issue release publish send post write file sign put make deliver give read tweet
    email circulate distribute provide""".split()
)
_PEOPLE_PRONOUNS = frozenset(
    """many some others several both few most another one none all each everyone everybody
    someone somebody anyone anybody nobody half""".split()
)


def _speaker_kind(ctx: _Ctx, tok: Any | None) -> str | None:
    """What ``tok`` is as the subject of a cue: "ok" (a person, an organisation or a group),
    "mention" (a pronoun or a written source such as "the statement": a true attribution that
    names someone only when resolved) or None (a thing, a date, a dateline, quoted words)."""
    if tok is None:
        return None
    if any(m.start <= tok.idx < m.end for m in ctx.marked):
        return None  # words of a quotation never speak it
    if ctx.furniture(tok.idx):
        return None  # a byline, a photo credit, a masthead: not a person of the story
    low = tok.lower_
    if len(tok.text) < 2 and tok.text.islower():
        return None  # "e added" (a typo of "he"): a lone small letter names no one
    if low in _PRONOUNS or low in RELATIVE:
        if low in SPEAKING_PRONOUNS or low == "it":
            return "mention"
        if tok.dep_ == "poss" and low in {"his", "her", "its", "their"}:
            return "mention"  # 'her remark that "..."': the owner of what was said
        return "mention" if low in RELATIVE and tok.head.dep_ == "relcl" else None
    if low in _PEOPLE_PRONOUNS:
        return "ok"
    if tok.pos_ == "PROPN" and _person_at(ctx, tok) is not None:
        return "ok"
    if tok.pos_ != "PROPN" and _surname(ctx, tok) is not None:
        return "ok"  # 'said Early,': a named person's surname the tagger took for a word
    if _aged(tok):
        return "ok"  # '"...," said the 46-year-old': an age names a person (tagged a DATE)
    ent = ctx.ent_over(tok.idx, tok.idx + len(tok.text)) or _appositive(ctx, tok)
    if ent is not None and ent.label in _SPEAKER_LABELS:
        if tok.text.isupper() and len(tok.text) > 1 and ent.label == "GPE" and _dateline(tok):
            return None  # "WASHINGTON \u2014 ..."
        return "ok"
    if tok.ent_type_ in _NOT_SPEAKER_ENTS or (ent is not None and ent.label in _NOT_SPEAKER_ENTS):
        return None
    if tok.pos_ == "PROPN":
        return None if _common_word(tok) else "ok"
    if tok.pos_ == "PRON":
        return None
    if document_noun(tok):
        return "mention"  # before the person nouns: a "poster" here is paper, not a writer
    if person_noun(tok):
        return "ok"
    for child in tok.children:  # "the man who ran", "a man, John Doe,", "one of the voters"
        if child.dep_ == "relcl" and any(c.lower_ == "who" for c in child.children):
            return "ok"
        if (child.dep_ in {"compound", "appos"} and child.ent_type_ in {"PERSON", "ORG", "NORP"}
                and not (child.dep_ == "compound" and (tok.tag_ == "NNS" or any(
                    c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)))):
            return "ok"  # "the Velk campaign"; not "Velk shares" or "a CT scan", things
        if child.dep_ == "prep" and child.lower_ == "of":
            if any(o.dep_ == "pobj" and (person_noun(o) or o.ent_type_ in _SPEAKER_LABELS)
                   for o in child.children):
                return "ok"
    if document_noun(tok):
        return "mention"
    head = tok.head
    if (tok.pos_ == "NOUN" and head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() in _SPEAK
            and (tok.dep_ in {"nsubj", "nsubjpass"} or tok.i > head.i)
            and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)):
        return "ok"  # '"...," the airline said': a noun that says or tells is a body that
        # speaks ("a scoreboard said ...": a thing, which only shows words)
    if (tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and is_cue(head, SPEECH)
            and _body_taken_up(ctx, tok) is not None):
        return "ok"  # 'the airline claimed it does "not ..."': a body named before
    return None


_HYPHENATED_END = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+$")


def _surname(ctx: _Ctx, tok: Any) -> Entity | None:
    """The person the article names whose surname ``tok`` is: a proper noun, or a capitalised
    word inside a sentence that the tagger read as another kind ("said Early,")."""
    if not (tok.pos_ == "PROPN" or (tok.text.istitle() and not tok.is_sent_start
                                    and tok.pos_ not in {"PRON", "DET", "AUX"})):
        return None
    low = tok.lower_
    # "Lida Venn said" where the tagger took "Lida Venn" for no person: the one the text
    # calls by that whole name, before a namesake found by the surname alone
    given = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"
             and c.i < tok.i]
    if given:
        written = ctx.text[given[0].idx : tok.idx + len(tok.text)].casefold()
        whole = next((e for e in ctx.ents if e.label == "PERSON"
                      and e.canonical.casefold() == written), None)
        if whole is not None:
            return whole
    # "Quell-Vance says", cut by the parse after the hyphen: the whole written surname first
    joined = _HYPHENATED_END.search(ctx.text, 0, tok.idx + len(tok.text))
    found = ctx.by_surname.get(joined.group(0).lower()) if joined else None
    found = found or ctx.by_surname.get(low)
    if found is None and tok.pos_ != "PROPN":
        found = next((p.ent for p in _people(ctx) if p.head != tok.i
                      and p.ent.canonical.split()[-1].lower() == low), None)
    return found


def _aged(tok: Any) -> bool:
    """'the 46-year-old' as a noun phrase of its own (not 'a 46-year-old man')."""
    doc = tok.doc
    return (tok.lower_ == "old" and tok.i >= 2 and doc[tok.i - 1].text == "-"
            and doc[tok.i - 2].lower_ in {"year", "years"}
            and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "attr", "appos", "npadvmod", "ROOT"})


def _owner(ctx: _Ctx, tok: Any) -> Any | None:
    """Who wrote a document: "the campaign's statement", "a letter from the Legion", "an
    email sent by Lee"."""
    # "a study of ninth-graders by Ann Lee": who it is by before whom it is of
    for child in sorted(tok.children, key=lambda c: c.lower_ == "of"):
        if child.dep_ == "poss" and _speaker_kind(ctx, child) == "ok":
            return child
        if child.dep_ == "poss" and child.pos_ == "PRON" and _resolve_pronoun(ctx, child):
            return child  # "according to its website": the body "its" is
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            for o in child.children:
                if o.dep_ == "pobj" and _speaker_kind(ctx, o) == "ok":
                    return o
        if child.dep_ == "compound" and child.ent_type_ in {"PERSON", "ORG", "NORP"}:
            return child
        if child.dep_ == "acl" and child.tag_ == "VBN":  # 'a statement released by the Guild'
            for agent in child.children:
                if agent.dep_ == "agent":
                    for o in agent.children:
                        if o.dep_ == "pobj" and _speaker_kind(ctx, o) == "ok":
                            return o
        if child.dep_ in {"relcl", "acl"} and child.lemma_.lower() in _ISSUE:
            # 'a complaint the Guild filed', 'the letter Ann Lee wrote'
            subj = subject_of(child, strict=True)
            if subj is not None and subj.i > tok.i and _speaker_kind(ctx, subj) == "ok":
                return subj
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if after is not None and after.lower_ == "by" and after.dep_ in {"prep", "agent"}:
        # 'a gown stitched with a poem by the artist Ann Lee': the parse hung "by" on the
        # verb, but the words right after the document say whose it is
        for o in after.children:
            if o.dep_ == "pobj" and _speaker_kind(ctx, o) == "ok":
                return o
    return None


def _company_of(ctx: _Ctx, tok: Any) -> Entity | None:
    """The body behind a document named by a common noun for one: "a company statement",
    "the agency's report" (the noun as a compound or an owner of the document)."""
    for child in tok.children:
        if child.dep_ in {"compound", "poss"} and child.pos_ == "NOUN" and not _individual(child):
            found = _body_taken_up(ctx, child, bare=True)
            if found is not None:
                return found
    return None


def _common_word(tok: Any) -> bool:
    """A capitalised common word opening a sentence ("Story", "Records"): no entity on it and
    the same word appears in lower case elsewhere in the article."""
    if not tok.is_sent_start or tok.ent_type_ or not tok.text[:1].isupper():
        return False
    if any(c.dep_ in {"compound", "appos", "flat"} for c in tok.children):
        return False
    low = tok.lower_
    return any(t.text == low for t in tok.doc if t.i != tok.i)


def _dateline(tok: Any) -> bool:
    """An upper-case place opening its line before a dash or a comma ("LONDON —")."""
    doc = tok.doc
    i = tok.i
    while i > 0 and "\n" not in doc[i - 1].whitespace_ and "\n" not in doc[i - 1].text:
        i -= 1
        if tok.i - i > 6:
            return False
    return True


def _issuer(ctx: _Ctx, tok: Any) -> Any | None:
    """Who issued "the statement": the subject of the nearest earlier verb of issuing whose
    object is the same kind of document ("X issued a statement"; not "X denied the
    report"), within the two sentences before; "the statement" points further back, to the
    last one the article names however much narration follows it, and to no older one."""
    lemma = tok.lemma_.lower()
    s = ctx.sent_of(tok.i)
    definite = [c.lower_ for c in tok.children if c.dep_ == "det"] == ["the"]
    near = ctx.sent_starts[max(0, s - 2)]
    for t in reversed(ctx.doc[: tok.i + 1]):  # this very document too: 'X issued a
        if t.i < near and not definite:  # statement saying'
            break
        if t.lemma_.lower() == lemma and t.dep_ in {"dobj", "pobj"}:
            verb = t.head if t.dep_ == "dobj" else t.head.head
            said_in = (t.dep_ == "pobj" and t.head.lower_ == "in"
                       and verb.lemma_.lower() in _SPEAK)  # 'X said in a statement ...'
            if verb.pos_ in {"VERB", "AUX"} and (verb.lemma_.lower() in _ISSUE or said_in):
                subj = subject_of(verb)
                if subj is not None and _speaks(ctx, subj):  # 'he issued a statement'
                    return subj
            if t.i < near:
                break  # the last one named far back is issued by no one the parse shows
    return None


def _earlier_owner(ctx: _Ctx, tok: Any) -> Any | None:
    """Whose "the poem" is: the owner of the last earlier mention of the same kind of
    document, however many sentences back ('a poem by the artist Ann Lee ... "...," the
    poem began'), as for "the statement" (``_issuer``)."""
    if [c.lower_ for c in tok.children if c.dep_ == "det"] != ["the"]:
        return None  # 'other studies', 'a poll': not the one named before
    lemma = tok.lemma_.lower()
    for t in reversed(ctx.doc[: tok.i]):
        if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and not _inside_quote_tok(ctx, t):
            return _owner(ctx, t)
    return None


def _appositive(ctx: _Ctx, tok: Any) -> Entity | None:
    """The named entity in an apposition to a common-noun speaker: "the union, Local 12, said";
    or the person titles joined without a determiner lead to: "said board chair and
    managing director Tam Ferris" (one person; "the mayor and Tam Ferris" are two)."""
    if tok.pos_ == "PROPN":
        return None
    bare = not any(c.dep_ in ("det", "poss") for c in tok.children)
    for child in tok.children:
        if child.dep_ == "conj" and bare and child.pos_ == "PROPN":
            e = ctx.ent_over(child.idx, child.idx + len(child.text))
            if e is not None and e.label == "PERSON":
                return e
        if child.dep_ == "appos":
            sub = list(child.subtree)
            lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            for e in ctx.ents:
                if lo <= e.start < hi and e.label in {"PERSON", "ORG"}:
                    return e
    return None


@dataclass(frozen=True, slots=True)
class _Person:
    """A mention of one person outside quotation marks: its entity (label PERSON, canonical
    name), the token span [lo, head] and the head's dependency."""

    ent: Entity
    lo: int
    head: int
    dep: str


# Entity labels the small models give names of people they do not know ("Ysolde Brannagh"
# as a facility): such a name is a person when the parse says so.
_MISLABELLED = frozenset({"ORG", "FAC", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_WHO = frozenset({"who", "whom", "whose"})


def _individual(tok: Any) -> bool:
    """A common noun for one person ("neighbor", "widow", "co-founder"), not a body; a
    capitalised title counts by the word alone ("Engineer Ann Lee"), since a name can end
    like a person noun ("Chapman"); a singular noun a "who" clause tells of is a person
    whatever the word ("the carpet fitter, who hurt his shoulder,")."""
    if tok.pos_ == "PROPN":
        return tok.lower_ in PERSON_NOUNS and tok.lower_ not in GROUP_NOUNS
    if tok.pos_ != "NOUN" or tok.lemma_.lower() in GROUP_NOUNS:
        return False
    return person_noun(tok) or (tok.tag_ == "NN" and _told_of_by_who(tok))


def _told_of_by_who(tok: Any) -> bool:
    """Whether a relative clause opened by "who" tells of ``tok`` ("Ann Lee, who lives
    nearby", "the fitter, who hurt his shoulder")."""
    return any(c.dep_ == "relcl" and any(g.lower_ in _WHO for g in c.subtree if g.i < c.i)
               for c in tok.children)  # fmt: skip


def _person_evidence(head: Any) -> bool:
    """The parse shows a name is a person's: a person noun in apposition or before it ("a
    neighbor, Ann Lee," / "Ann Lee, the baker's widow," / "organizer Ann Lee"), a title
    ("Mrs."), or a relative clause with "who" ("Ann Lee, who lives nearby"). A unit's name
    is no one person's, whatever the person noun before it (``_unit_name``)."""
    if _unit_name(head):
        return False
    if (head.dep_ == "appos" and _individual(head.head)) or _told_of_by_who(head):
        return True
    for c in head.children:
        if c.dep_ == "appos" and _individual(c):
            return True
        if c.dep_ in {"compound", "nmod"} and c.i < head.i and (
                _individual(c) or c.lower_ in _MALE_NOUNS | _FEMALE_NOUNS):
            return True
    return False


def _named_by_its_kind(doc: Any, lo: int) -> bool:
    """Whether a name follows a noun that a year tells which one it is ("the 2009 film Catch
    Billy", "her 1998 album Ivo Sands"): the name of that film or album, not a person's. A
    person noun before a name is that person's title ("the 2008 champion Ann Lee")."""
    noun = doc[lo - 1] if lo > 0 else None
    return (noun is not None and noun.pos_ == "NOUN" and noun.text.islower()
            and not person_noun(noun)
            and any(c.i < noun.i and YEAR_RE.fullmatch(c.text) for c in noun.children))


def _unit_name(head: Any) -> bool:
    """Whether a name is a group's: plural ("the Ranger Medics"), or a plural noun named
    after a person noun and owned or determined, with no given name ("its Marine Riflemen",
    which the tagger may call singular; not "Officer Banks" or "the Rev. Tom Banks")."""
    if head.tag_ == "NNPS":
        return True
    names = [c for c in head.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
    owned = any(c.dep_ in ("det", "poss") for c in head.children)
    plural = [w for w in getAllLemmas(head.lower_).get("NOUN", ()) if w != head.lower_]
    return owned and len(names) <= 1 and bool(plural)


@_kept
def _people(ctx: _Ctx) -> list[_Person]:
    """Every mention of a person outside quotes, in order: PERSON entities, and names the
    parse shows are people's whatever their entity label (or none). A bare surname takes the
    nearest full name before it that is not only an owner ("Ann Lee, Tom Lee's widow, spoke.
    '...,' Lee said." is Ann Lee), or the entity's own name when none is."""
    doc = ctx.doc
    out: list[_Person] = []

    def name_span(head: Any) -> int:
        lo = head.i
        while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].dep_ in {"compound", "flat"} \
                and doc[lo - 1].head.i in range(lo, head.i + 1):
            lo -= 1
        return int(lo)

    first_alone: dict[str, int] = {}  # a surname's first use on its own

    def surname_owner(word: str, before: int) -> Entity | None:
        # (written with the surname: "her husband Piet" is Piet Tolan, but no "Tolan" there)
        fulls = [p for p in out if p.head < before and len(p.ent.canonical.split()) > 1
                 and p.ent.canonical.split()[-1].lower() == word
                 and _last_word(p.ent.text) == word]
        alone = first_alone.get(word, before)
        if not any(p.head < alone for p in fulls):
            return None  # the surname was in use before any full name: someone of its own
            # ("Vance said ..." all along; then "her father, Arlo Vance"): see
            # entities.extract_entities
        # a full name given after the surname was in use is someone else, except in the
        # sentence just before: there it is whom the surname takes up next ("Arlo Venn ...
        # Venn ... His son, Ty Venn, plays ... '...,' Venn said")
        near = ctx.sent_starts[max(0, ctx.sent_of(before) - 1)]
        fulls = [p for p in fulls if p.head < alone or p.head >= near]
        if len({p.ent.canonical for p in fulls}) < 2:
            return fulls[-1].ent if fulls else None
        free = [p for p in fulls if p.dep != "poss"]
        # one of them the subject of a clause, the other only named ("to Eastfield Park"):
        # the one who does or says things
        doers = [p for p in free if _subject_like(ctx, p)]
        return (doers or free or fulls)[-1].ent

    heads: dict[int, Entity] = {}
    for ent in ctx.ents:
        heads.setdefault(ctx.tok_at(ent.end - 1), ent)
    for tok in doc:
        e = heads.get(tok.i)
        if e is None and (tok.pos_ != "PROPN" or tok.ent_type_ or not tok.text[:1].isupper()
                          or tok.dep_ in {"compound", "flat"}):
            continue
        if _inside_quote_tok(ctx, tok) or overlaps(ctx.nonbody, tok.idx, tok.idx):
            continue
        alone = e is None or len(e.text.split()) == 1
        owner = surname_owner(tok.lower_, tok.i) if alone else None
        if alone and tok.idx >= ctx.headline_end:  # a headline names by surname only
            first_alone.setdefault(tok.lower_, tok.i)
        if (tok.dep_ == "appos" and (e is None or e.label != "PERSON")
                and (tok.head.ent_type_ == "PERSON" or tok.head.pos_ == "PROPN")):
            continue  # "Ada Lind, Chief Inspector of ...", "Ivo Marek, MD, a professor":
            # her title or his degree, not someone else
        if e is not None and _named_by_its_kind(doc, ctx.tok_at(e.start)):
            continue  # "the 2009 film Catch Billy": a film's title, whatever the tagger says
        if e is not None:
            if e.label != "PERSON" and not (e.label in _MISLABELLED and tok.pos_ == "PROPN"
                                            and (owner is not None or _person_evidence(tok))):
                continue
            lo = ctx.tok_at(e.start)
            ent = e
            if e.label != "PERSON" and owner is None:
                # "Engineer Ann Lee" read as a body: the name is the words after the title
                while lo < tok.i and _individual(doc[lo]):
                    lo += 1
                name = ctx.text[doc[lo].idx : e.end]
                ent = Entity(e.text, "PERSON", name, e.start, e.end, e.role)
            elif owner is not None:
                ent = Entity(e.text, "PERSON", owner.canonical, e.start, e.end,
                             owner.role or e.role)
        else:
            if owner is None and not _person_evidence(tok):
                continue
            lo = name_span(tok)
            start, end = doc[lo].idx, tok.idx + len(tok.text)
            name = owner.canonical if owner is not None else ctx.text[start:end]
            ent = Entity(ctx.text[start:end], "PERSON", name, start, end,
                         owner.role if owner else None)
        out.append(_Person(ent, lo, tok.i, tok.dep_))
    out.sort(key=lambda p: p.head)
    return out


_KILLING: dict[str, str] = load_lexicon("verbs")["synonyms"]  # verb lemma -> its class
_BEREAVED = frozenset({"widow", "widower"})  # "<name>'s widow": the name's person died


@_kept
def _dead(ctx: _Ctx) -> set[str]:
    """The people the text tells died: the subject of "died", of "was killed" or "was shot
    dead", the object of "killed" (the verbs the claims' lexicon counts as killing), and
    the one whose widow or widower the text names."""
    out = set()
    for p in _people(ctx):
        tok = ctx.doc[p.head]
        verb = tok.head
        if tok.dep_ == "poss" and verb.lower_ in _BEREAVED:
            out.add(p.ent.canonical)  # "Brisk's widow": he died
            continue
        if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in verb.children):
            continue
        killed = _KILLING.get(verb.lemma_.lower()) == "kill" or any(
            c.lower_ == "dead" and c.dep_ in ("oprd", "acomp", "advmod") for c in verb.children)
        if killed and (tok.dep_ in ("nsubjpass", "dobj")
                       or tok.dep_ == "nsubj" and verb.lemma_.lower() == "die"):
            out.add(p.ent.canonical)
    return out


def _kin_named(ctx: _Ctx, tok: Any, dead: Entity) -> Entity | None:
    """A bare surname that speaks after the text named a dead person's kin by a given name
    ("Brisk's widow, Mirela, ..."): that kin, as given name and surname; None when there
    is none before it. The dead say nothing new."""
    surname = name_parts(dead.canonical)[1]
    found = None
    for t in ctx.doc[: tok.i]:
        if t.dep_ != "poss" or t.lower_ != surname.lower() or not _individual(t.head):
            continue
        given = next((c for c in t.head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                      and c.i > t.head.i), None)  # fmt: skip
        if given is not None and not _inside_quote_tok(ctx, given):
            found = Entity(given.text, "PERSON", f"{given.text} {surname}", given.idx,
                           given.idx + len(given.text))
    return found


def _last_word(name: str) -> str:
    """The last word of a name as written, lowercased, without an owner's "'s"."""
    words = name.split()
    return re.sub(r"['\u2019]s$", "", words[-1].lower()) if words else ""


def _person_at(ctx: _Ctx, tok: Any) -> Entity | None:
    """The person whose mention holds ``tok``."""
    for p in _people(ctx):
        if p.lo <= tok.i <= p.head:
            return p.ent
    return None


_MALE_NOUNS = frozenset(
    """man boy father son brother husband uncle nephew grandfather grandson king prince
    chairman spokesman congressman councilman businessman widower boyfriend mr. mr sir""".split()
)
_FEMALE_NOUNS = frozenset(
    """woman girl mother daughter sister wife aunt niece grandmother granddaughter queen
    princess chairwoman spokeswoman congresswoman councilwoman businesswoman widow actress
    girlfriend mrs. mrs ms. ms miss lady""".split()
)


@_kept
def _genders(ctx: _Ctx) -> dict[str, str]:
    """Each person's grammatical gender as the article shows it: "m", "f" (absent: unknown).

    Evidence: a gendered word before or beside the name ("Mrs.", "his wife, Ann Lee,"), and
    the he/she that next takes up a person who was a subject, before anyone else is named."""
    votes: dict[str, list[int]] = {}
    doc = ctx.doc
    persons = [p.ent for p in _people(ctx)]
    for e in persons:
        i = ctx.tok_at(e.start)
        v = votes.setdefault(e.canonical, [0, 0])
        head = doc[ctx.tok_at(e.end - 1)]
        # the word the name hangs on, unless the name only owns it: "Piet Lorne's widow" tells
        # the widow's gender, not Piet's
        owner = [] if head.dep_ == "poss" else [head.head]
        near = [doc[j] for j in range(max(0, i - 2), i)] + owner + [
            c for c in head.children if c.dep_ in {"appos", "compound"}]
        for t in near:
            low = t.lower_
            if low in _MALE_NOUNS:
                v[0] += 3
            elif low in _FEMALE_NOUNS:
                v[1] += 3
    # centering: a person who is the subject, then a he/she subject later in that sentence or
    # opening the next one, with no other person named in between (quoted words aside)
    n_sents = len(ctx.sent_starts)
    # (an owner named on the way, "testifying at Quill's hearing", takes no turn: the
    # subject goes on)
    others = {t.i for p in _people(ctx) if p.dep != "poss" for t in doc[p.lo : p.head + 1]}
    # (the source of "..., according to Ann Lee" is a subject too: "She said ..." goes on)
    sources = {who.i for t in doc if _according_cue(t) and (who := subject_of(t)) is not None}
    for e in persons:
        head = doc[ctx.tok_at(e.end - 1)]
        if ((head.dep_ not in {"nsubj", "nsubjpass"} and head.i not in sources)
                or _inside_quote_tok(ctx, head) or _of_a_nonfinite_verb(head)):
            continue
        s_i = ctx.sent_of(head.i)
        hi = ctx.sent_starts[s_i + 2] if s_i + 2 < n_sents else len(doc)
        for t in doc[head.i + 1 : hi]:
            if _inside_quote_tok(ctx, t):
                continue  # the quoted words between: 'Lee said ... "...," he said'
            if t.i in others:
                break
            if t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS:
                votes[e.canonical][0 if t.lower_ in MALE_PRONOUNS else 1] += 1
                break
    out = {}
    for name, (m, f) in votes.items():
        if m >= 2 * f and m > 0:
            out[name] = "m"
        elif f >= 2 * m and f > 0:
            out[name] = "f"
    return out


def _inside_quote_tok(ctx: _Ctx, tok: Any) -> bool:
    return any(m.start <= tok.idx < m.end for m in ctx.marked)


def _fits(ctx: _Ctx, pronoun: Any, e: Entity) -> bool:
    """The pronoun's gender does not clash with what the article shows of the person."""
    low = pronoun.lower_
    want = "m" if low in MALE_PRONOUNS else "f" if low in FEMALE_PRONOUNS else None
    if want is None:
        return True
    got = _genders(ctx).get(e.canonical)
    return got is None or got == want


def _resolve_pronoun(ctx: _Ctx, tok: Any) -> Entity | None:
    want = _PRONOUNS.get(tok.lower_)
    if want is None:
        return None
    s = ctx.sent_of(tok.i)
    if want == "PERSON":
        return _resolve_person(ctx, tok, s)
    lo_sent = ctx.sent_starts[max(0, s - 2)]
    # "it" is the body that was last a subject ("The company would not comment. In a
    # statement it called ..."), else the last organisation named; but a written text named
    # nearer ("She sent a text message. It read: ...") is what "it" is, and its words are
    # its writer's
    texts = tok.dep_ == "nsubj" and is_cue(tok.head)  # "it read:", not "it seems"
    speaks = texts
    for t in reversed(ctx.doc[lo_sent : tok.i]):
        if (texts and document_noun(t) and t.pos_ == "NOUN" and ctx.sent_of(t.i) == s - 1
                and t.dep_ in _TEXT_DEPS and not _inside_quote_tok(ctx, t)):
            return _writer(ctx, t)  # (not "In a statement it called", in its own sentence)
        if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ in {"NOUN", "PROPN"}:
            texts = texts and _inside_quote_tok(ctx, t)  # "the paper wrote ... It added"
        if (t.dep_ not in {"nsubj", "nsubjpass"} or _inside_quote_tok(ctx, t)
                or ctx.furniture(t.idx)):
            continue
        ent = ctx.ent_over(t.idx, t.idx + len(t.text))
        if ent is not None and ent.label == want:
            return ent
        if (speaks and ent is None and ctx.sent_of(t.i) == s and t.tag_ == "NN"
                and any(c.lower_ == "the" for c in t.children) and t.lower_ not in _ORG_NOUNS):
            # "Though the newspaper does not cite its source, it stated ...": the body its
            # own sentence names just before it, not one named earlier
            lo, hi = np_bounds(t)
            start, end = _span(ctx, lo, hi)
            return Entity(ctx.text[start:end], "ORG", ctx.text[start:end], start, end, None)
        if t.lower_ in _ORG_NOUNS and any(c.lower_ == "the" for c in t.children):
            found = _by_org_noun(ctx, t, _ORG_NOUNS[t.lower_])
            if found is not None:
                return found
    if speaks and s > 0:
        body = _body_that_spoke(ctx, ctx.told_before(s))
        if body is not None:  # "The Velk-based firm said ... It also said ...": the firm
            return body
    lo_char = ctx.doc[lo_sent].idx
    cands = [e for e in ctx.ents
             if e.label == want and lo_char <= e.start < tok.idx and not _inside_quote(ctx, e)
             and not ctx.furniture(e.start)]
    return cands[-1] if cands else None


def _body_that_spoke(ctx: _Ctx, s: int) -> Entity | None:
    """The body that spoke in sentence ``s`` when no name says which it is: the subject of
    its outermost verb of saying (not of one inside what was said: "the firm said it would
    pay if the two firms agree"), a definite noun for a body: the organisation it takes up
    (``_body_taken_up``), else the words as given ("the Velk-based firm")."""
    cues = [t for t in ctx.doc[ctx.sent_starts[s] : ctx.sent_ends[s]]
            if is_cue(t, SPEECH | REPORT) and not _inside_quote_tok(ctx, t)]
    for verb in sorted(cues, key=lambda t: (_depth(t), t.i))[:1]:
        subj = subject_of(verb, strict=True)
        if (subj is None or _inside_quote_tok(ctx, subj) or subj.pos_ != "NOUN"
                or subj.lemma_.lower() not in GROUP_NOUNS - PEOPLE_GROUPS
                or not any(c.lower_ == "the" for c in subj.children)
                or ctx.ent_over(subj.idx, subj.idx + len(subj.text)) is not None):
            return None
        taken = _body_taken_up(ctx, subj)  # "The firm said ...": the firm named before
        if taken is not None:
            return taken
        lo, hi = np_bounds(subj)
        start, end = _span(ctx, lo, hi)
        words = ctx.text[start:end]
        return Entity(words, "ORG", _described(ctx, lo, words), start, end, None)
    return None


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _narrated_between(ctx: _Ctx, start: int, end: int) -> bool:
    """Whether a whole line between two quotes tells something (a finite verb: "Families
    gather at the gates."), which ends one speaker's run; a title line ("The mayor on the
    crash", a video's) does not."""
    lines = ctx.text[start:end].split("\n")
    at = start + len(lines[0]) + 1
    for line in lines[1:-1]:
        span = ctx.doc.char_span(at, at + len(line), alignment_mode="expand") if line else None
        if span is not None and any(t.tag_ in _FINITE for t in span):
            return True
        at += len(line) + 1
    return False


def _speakers_going_on(ctx: _Ctx, tok: Any) -> Any | None:
    """Whom a "they" that speaks goes on for: the subject of the nearest main clause before
    it (in its sentence or the two before), when that clause reports speech and its subject
    is no one person named ("The Orrin Hawks said ... '...,' they added"; "A fire brigade
    spokesman said"; "Residents said"); None when the nearest main clause tells something
    else ("Residents were angry. '...,' they said": no one spoke there) or a named person
    spoke (he or she, not they)."""
    lo = ctx.sent_starts[max(0, ctx.sent_of(tok.i) - 2)]
    for t in reversed(ctx.doc[lo : tok.i]):
        if (t.dep_ not in {"nsubj", "nsubjpass"} or t.head.dep_ != "ROOT"
                or _inside_quote_tok(ctx, t) or ctx.furniture(t.idx)):
            continue
        verb = t.head
        if not (is_cue(verb, SPEECH | REPORT) or verb.lemma_ in _SPEAK):
            return None
        if t.pos_ == "PRON" or _person_at(ctx, t) is not None:
            return None
        return t
    return None


_TEXT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def _writer(ctx: _Ctx, text_noun: Any) -> Entity | None:
    """Who wrote a text: its owner ("his note", "a report by the board"), else the subject
    of the verb it is the object of ("She sent a text message", "Lee posted a photo of a
    note"); None when the parse names no one (no speaker is better than the last
    organisation named)."""
    owner = next((c for c in text_noun.children if c.dep_ == "poss"), None)
    by = next((c for c in text_noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}),
              None)  # "a report from the board"
    if owner is None and by is not None:
        owner = next((c for c in by.children if c.dep_ == "pobj"), None)
    tok = text_noun
    for _ in range(4):  # "shared a photo (online) of a handwritten note": up to the verb
        if owner is not None or tok.dep_ not in {"pobj", "prep", "advmod"}:
            break
        tok = tok.head
    if owner is None and tok.dep_ == "dobj":
        owner = subject_of(tok.head)
    elif owner is None and tok.i != text_noun.i and tok.pos_ == "VERB":
        owner = subject_of(tok)
    if owner is None or owner.i == text_noun.i:
        return None
    if owner.pos_ == "PRON":
        return _resolve_pronoun(ctx, owner)  # ("its statement": "its" is no text's)
    return _person_at(ctx, owner) or ctx.ent_over(owner.idx, owner.idx + len(owner.text))


def _subject_like(ctx: _Ctx, p: _Person) -> bool:
    """A subject, or a name in apposition to one ("A neighbor, Ann Lee, was ..."), or the
    name a subject's title is of ("Mayor of Orrin Peter Vance posted ...", "The mayor of
    Orrin, Peter Vance, posted ..."; not "The brother of Ann Lee posted ...")."""
    if p.dep in {"nsubj", "nsubjpass"}:
        return not _of_a_nonfinite_verb(ctx.doc[p.head])
    tok = ctx.doc[p.head]
    if p.dep == "appos":
        tok = tok.head
        if tok.dep_ in {"nsubj", "nsubjpass"}:
            return not _of_a_nonfinite_verb(tok)
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    title = tok.head.head
    return title.dep_ in {"nsubj", "nsubjpass"} and _individual(title) and (
        p.dep == "appos" or not any(c.dep_ in ("det", "poss") for c in title.children))


def _of_a_nonfinite_verb(subject: Any) -> bool:
    """Whether a subject is an infinitive's or a bare participle's ("allowing Ann Lee to
    drive", "letting Ann Lee drive", "shows the pirate Ysa throwing a rope"): the one the
    verb before lets, asks or shows, not a subject the text goes on about. A verb with an
    auxiliary of its own ("he will drive", "did not drive", "is throwing") is finite, and
    one who is telling or saying something speaks."""
    verb = subject.head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "TO" for c in auxes):
        return True
    if verb.tag_ == "VBG" and is_cue(verb, SPEECH | REPORT):
        return False  # "with Senator Ann Lee telling reporters ...": she speaks
    return verb.tag_ in ("VB", "VBG") and verb.dep_ != "ROOT" and not any(
        c.tag_ == "MD" or c.lemma_ in ("do", "be") for c in auxes)


def _speaker_over_words(ctx: _Ctx, named: list[_Person], own: Any) -> list[_Person]:
    """Subjects in reading order, less those inside the words said by the verb the pronoun
    is the subject of (``own``) or by another of them ("Dr. Ostrow said once he reached
    the ward, Tolland was unconscious, '...,' he said": Tolland is in the words; he who says them
    is Ostrow). A verb that reports a view or a finding counts as one of saying here ("Ana
    Dorr pointed out that Ida Lind is not ...": Lind is in Dorr's words)."""
    doc = ctx.doc
    reports = SPEECH | REPORT
    cues = [doc[p.head].head for p in named if is_cue(doc[p.head].head, reports)]
    own_reports = is_cue(own, reports)
    cues += [own] if own_reports else []

    def told(verb: Any, clause: Any) -> bool:
        """A clause a verb tells: any of a verb of saying's; of a verb of a view, only one
        after it, and only when someone holds the view ("Ann counts herself among them -
        only she thinks ...": the clause before is hers; "Did that mean Tom would ...": no
        one's)."""
        if clause.dep_ != "ccomp":
            return False
        return is_cue(verb) or (clause.i > verb.i
                                and _speaker_kind(ctx, subject_of(verb)) is not None)

    own_words = [c for c in own.children if told(own, c)] if own_reports else []

    def said_by_another(p: _Person) -> bool:
        if any(c.left_edge.i <= p.head <= c.right_edge.i for c in own_words):
            return True  # in the pronoun's own words ("Ruiz never called, he said"), even as
            # the subject of a verb that can report ("call")
        verb = doc[p.head].head
        if is_cue(verb, reports) and any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
            return False  # a speaker, wherever the parse hung the verb (one that says
            # something: "Ruiz never called" says nothing, "Ruiz said it was over" does)
        # (the verb of saying may be anyone's: "A neighbour said Orla Benn was kind")
        above = [a for a in doc[p.head].ancestors if is_cue(a, reports)]
        return any(cue.i != verb.i and cue.left_edge.i <= p.head <= cue.right_edge.i
                   and any(told(cue, c) and c.left_edge.i <= p.head <= c.right_edge.i
                           for c in cue.children)
                   for cue in [*cues, *above])  # fmt: skip

    return [p for p in named if not said_by_another(p)]


_GOES_ON = frozenset({"add", "continue"})  # verbs of saying that go on with the last speaker


def _last_speaker(ctx: _Ctx, s: int, pronoun: Any) -> Entity | None:
    """The one who spoke last in sentence ``s`` (the subject of its last verb of saying,
    outside quotation marks): a named person of the pronoun's gender, or a person a noun
    brings in ("the friend", "her sister")."""
    for verb in reversed(ctx.doc[ctx.sent_starts[s] : ctx.sent_ends[s]]):
        if not is_cue(verb) or _inside_quote_tok(ctx, verb):
            continue
        subj = subject_of(verb, strict=True)
        if subj is None or _inside_quote_tok(ctx, subj):
            continue
        person = _person_at(ctx, subj)
        if person is not None:
            return person if _fits(ctx, pronoun, person) else None
        if _individual(subj) and subj.lower_ not in (
                _FEMALE_NOUNS if pronoun.lower_ in MALE_PRONOUNS else _MALE_NOUNS):
            return _unnamed(ctx, subj)
        return None
    return None


def _resolve_person(ctx: _Ctx, tok: Any, s: int, depth: int = 0) -> Entity | None:
    """He/she: the nearest person of that gender, subjects first (this sentence, then the
    one before, then the one before that), then anyone else named, owners ("Tom Lee's widow")
    last. A name that only modifies a noun ("the Lee campaign") is not taken up. When no
    named subject is there but the same pronoun is ("She aches for the volunteers who cared
    for Juno. She understands ... she said"), the pronoun goes on as that one: its person,
    not a name those sentences only mention."""
    if s > 0 and tok.dep_ == "nsubj" and is_cue(tok.head, SPEECH | REPORT):
        source = _according_to(ctx, s - 1)  # "..., according to Ivo Renn. He says ..."
        if source is not None and _fits(ctx, tok, source):
            return source
    if s > 0 and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _GOES_ON:
        spoke = _last_speaker(ctx, ctx.told_before(s), tok)  # "The friend said ... She
        if spoke is not None:  # added: ...": the one who spoke goes on
            return spoke
    s_prev = ctx.told_before(s)
    lo_tok = ctx.sent_starts[ctx.told_before(s_prev)]
    cands = [p for p in _people(ctx) if lo_tok <= p.head < tok.i and p.dep != "compound"
             and _fits(ctx, tok, p.ent) and not _bracketed(ctx, p)]
    fresh = _newcomers(ctx, tok, lo_tok) or ([] if cands else _newcomers(ctx, tok, lo_tok, True))
    if cands or fresh:
        here = ctx.sent_starts[s]
        prev = ctx.sent_starts[s_prev]

        def subjects(lo: int, hi: int) -> list[_Person]:
            return [p for p in cands if lo <= p.head < hi and _subject_like(ctx, p)]

        # a subject two sentences back still wins over a later non-subject mention ("X, Y's
        # son, read a poem. He said ... '...,' he said." is X, not Y); the nearest subject
        # wins, named or newly brought in without a name ("X sang. A guard said ... he said")
        # (a name inside the words someone else said is no rival of a newcomer who said
        # them: "A friend said Orla Benn was kind. She added: ...")
        rivals = _speaker_over_words(ctx, cands, tok.head) if fresh else cands
        for lo, hi in ((here, tok.i), (prev, here), (lo_tok, prev)):
            named = _speaker_over_words(ctx, subjects(lo, hi), tok.head)
            new = [t for t in fresh if lo <= t.i < hi]
            if new and (not named or new[-1].i > named[-1].head) and (
                    not rivals or new[-1].i > rivals[-1].head):
                return _unnamed(ctx, new[-1])
            if named:
                return named[-1].ent
    # (with no one in reach, too: the pronoun goes on as the same pronoun before it)
    chain = [t for t in ctx.doc[lo_tok : tok.i] if t.dep_ in ("nsubj", "nsubjpass")
             and t.lower_ == tok.lower_ and not _inside_quote_tok(ctx, t)]
    if chain and depth < _CHAIN_DEPTH:
        found = _resolve_person(ctx, chain[0], ctx.sent_of(chain[0].i), depth + 1)
        if found is not None:
            return found
    if cands:
        # no subject near: the nearest person not only an owner, unless the text makes
        # that one the subject of a clause once at most and someone else more: then the
        # person the text is about ("Vell said ... Vell posted ... Critics claimed Vell's
        # plan would play a song by Orr. He also said ...": Vell, not Orr; a place
        # misread as a name, "to Eastfield Park", is the subject of nothing)
        free = [p for p in cands if p.dep != "poss"]
        nearest = (free or cands)[-1].ent
        told = Counter(p.ent.canonical for p in _people(ctx)
                       if p.head < tok.i and _subject_like(ctx, p))
        if told[nearest.canonical] >= 2:
            return nearest
        return max(cands, key=lambda p: (told[p.ent.canonical], p.dep != "poss",
                                         p.head)).ent
    # the speaker of the quoted words last before the pronoun in the text (indirect quotes
    # are read after all of them: the last one read may lie further on)
    spoken = [w for w in ctx.spoken if w[0] <= tok.idx]
    if spoken and tok.idx - spoken[-1][0] < 400:
        last = _person_named(ctx, spoken[-1][1])
        if last is not None and last.label == "PERSON" and _fits(ctx, tok, last):
            return last
    if tok.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS:
        # further back (six sentences): the nearest person of the pronoun's gender, when
        # the article shows that gender and only one such person is there
        far = ctx.sent_starts[max(0, s - 6)]
        genders = _genders(ctx)
        want_g = "m" if tok.lower_ in MALE_PRONOUNS else "f"
        around = {p.ent.canonical: p.ent for p in _people(ctx) if far <= p.head < tok.i}
        near = {n: e for n, e in around.items() if genders.get(n) == want_g}
        if len(near) == 1:
            return next(iter(near.values()))
        # else the one person there who may be of that gender, when the others are shown not
        # to be ('Ann Lee ... Tom Vell ... he said ... she said' is Ann Lee) or there are no
        # others ("..., according to Ann Lee. [two lines] '...,' she said")
        maybe = {n: e for n, e in around.items() if genders.get(n) is None}
        if not near and len(maybe) == 1:
            return next(iter(maybe.values()))
    return None


def _bracketed(ctx: _Ctx, p: _Person) -> bool:
    """Whether a name stands in brackets, an aside to the words before it ("the pirate Ysa
    (Ona Breck)": who plays her): a later "he" or "she" does not take it up."""
    doc = ctx.doc
    return (p.lo > 0 and p.head + 1 < len(doc) and doc[p.lo - 1].text == "("
            and doc[p.head + 1].text == ")")


def _according_to(ctx: _Ctx, s: int) -> Entity | None:
    """The person sentence ``s`` credits with what it says ("..., according to Commissioner
    Ivo Renn"): a "he says" opening the next sentence goes on as that one, whoever the
    sentence was about."""
    for t in ctx.doc[ctx.sent_starts[s] : ctx.sent_ends[s]]:
        who = subject_of(t) if _according_cue(t) and not _inside_quote_tok(ctx, t) else None
        ent = ctx.ent_over(who.idx, who.idx + len(who.text)) if who is not None else None
        if ent is not None and ent.label == "PERSON":
            return ent
    return None


_CHAIN_DEPTH = 8  # sentences of one pronoun followed back to a name
_INDEFINITE = frozenset({"a", "an", "one", "another"})


def _newcomers(ctx: _Ctx, pronoun: Any, lo: int, definite: bool = False) -> list[Any]:
    """Subjects from token ``lo`` to ``pronoun`` that bring in one person without a name ("a
    guard", "one officer"): an indefinite noun for a single person, of a gender that does not
    clash with the pronoun. A definite one ("the guard") may take up someone named, so it is
    left to the named candidates; with ``definite`` (no one is named there), it is one too
    ("The captain ... had been asleep at the wheel, and he admitted ...")."""
    out = []
    male = pronoun.lower_ in MALE_PRONOUNS
    # a subjectless verb of saying after a relative clause: its noun speaks ("..., a
    # guard who was at the gate said", the parse made the guard an object)
    unparsed = {noun.i: v for v in ctx.doc[lo : pronoun.i]
                if v.pos_ == "VERB" and is_cue(v, SPEECH | REPORT)
                and not any(c.dep_ in SUBJ_DEPS for c in v.children)
                and (noun := relative_before(v)) is not None}
    for t in ctx.doc[lo : pronoun.i]:
        if ((t.dep_ not in {"nsubj", "nsubjpass"} and t.i not in unparsed) or t.pos_ != "NOUN"
                or t.tag_ != "NN" or not _individual(t) or _inside_quote_tok(ctx, t)
                or ctx.furniture(t.idx)):
            continue
        if not any(c.dep_ in {"det", "nummod"} and (c.lower_ in _INDEFINITE
                                                   or definite and c.lower_ == "the")
                   for c in t.children):  # fmt: skip
            continue
        if _person_at(ctx, t) is not None or _appositive(ctx, t) is not None:
            continue
        lo_np, hi_np = np_bounds(t)
        if _name_beside(ctx, lo_np - 1, -1) or _name_beside(ctx, hi_np, 1):
            continue  # 'Vell – a guard –' / 'a guard, Ann Lee,': a name the parse left loose
        verb = unparsed.get(t.i, t.head)
        if verb.dep_ not in {"ROOT", "conj"} or (verb.dep_ == "conj" and verb.head.dep_ != "ROOT"):
            continue  # 'when a reporter asked ...', 'whether a judge may ...': not the topic
        if any(c.dep_ in {"dobj", "dative"} and _person_at(ctx, c) is not None
               for c in verb.children):
            continue  # 'A reporter asked Ann Lee ... She replied': the one asked answers
        if t.lower_ in (_FEMALE_NOUNS if male else _MALE_NOUNS):
            continue
        out.append(t)
    return out


def _name_beside(ctx: _Ctx, i: int, step: int) -> bool:
    """A person's name right next to token ``i`` across a comma, a dash or a bracket."""
    doc = ctx.doc
    if not 0 <= i < len(doc) or doc[i].text not in {",", "-", "–", "—", "("}:
        return False
    j = i + step
    return 0 <= j < len(doc) and _person_at(ctx, doc[j]) is not None


def _unnamed(ctx: _Ctx, tok: Any) -> Entity:
    """The person an unnamed noun phrase brings in, named by the phrase ("A guard")."""
    lo, hi = np_bounds(tok)
    start, end = _span(ctx, lo, hi)
    words = ctx.text[start:end]
    return Entity(words, "PERSON", _described(ctx, lo, words), start, end, None)


def _person_named(ctx: _Ctx, canonical: str) -> Entity | None:
    for p in _people(ctx):
        if p.ent.canonical == canonical:
            return p.ent
    return _ent_named(ctx, canonical)


def _inside_quote(ctx: _Ctx, e: Entity) -> bool:
    return any(m.start <= e.start < m.end for m in ctx.marked)


def _ent_named(ctx: _Ctx, canonical: str) -> Entity | None:
    for e in ctx.ents:
        if e.canonical == canonical:
            return e
    return None


def _by_role(ctx: _Ctx, tok: Any, roles: tuple[str, ...]) -> Entity | None:
    """The person a role noun takes up ("the captain"): the last one named with that role
    before it, else the first after; the living before the dead (``_dead``: a captain the
    storm killed thanks no crew)."""
    hits = [e for e in ctx.ents if e.label == "PERSON" and ctx.roles.get(e.canonical) in roles]
    if not hits and _definite(tok):  # "her spokesman" ... "spokesman Tom Brell"
        hits = [e for e in ctx.ents if e.label == "PERSON" and _role_beside(ctx, e) == tok.lower_]
    dead = _dead(ctx)
    hits = [e for e in hits if e.canonical not in dead] or hits
    before = [e for e in hits if e.start < tok.idx]
    return before[-1] if before else (hits[0] if hits else None)


def _definite(noun: Any) -> bool:
    """Whether a noun points to one already known: "the" or an owner, and no words of its own
    that say whose ("a harbour board spokesman" may be any board's)."""
    deps = {c.dep_: c.lower_ for c in noun.children if c.i < noun.i}
    return (deps.get("det") == "the" or "poss" in deps) and not {"compound", "amod"} & set(deps)


def _role_beside(ctx: _Ctx, e: Entity) -> str | None:
    """A role noun (``ROLE_NOUNS``) written in lower case right before a name or set beside
    it ("spokesman Tom Brell", "Tom Brell, her spokesman"), which news style does not
    capitalise and so gives the name no ``Entity.role``; the noun as written, so that
    "spokeswoman" takes up no spokesman."""
    i = ctx.tok_at(e.start)
    head = ctx.doc[ctx.tok_at(e.end - 1)]
    nouns = [ctx.doc[i - 1]] if i > 0 else []
    nouns += [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        nouns.append(head.head)
    for noun in nouns:
        if noun.lower_ in ROLE_NOUNS and noun.pos_ == "NOUN":
            return str(noun.lower_)
    return None


_BODY_SENTS = 2


def _body_sents_between(ctx: _Ctx, earlier: int, later: int) -> int:
    """How many sentences of the report's body after the one holding token ``earlier`` lead
    up to the one holding token ``later`` (a caption or a player's prompt between counts
    for nothing)."""
    lo, hi = ctx.sent_of(earlier), ctx.sent_of(later)
    return sum(1 for k in range(lo + 1, hi + 1)
               if not ctx.furniture(ctx.doc[ctx.sent_starts[k]].idx))


def _named_bodies(ctx: _Ctx) -> list[Entity]:
    """The organisations of the body that a noun may take up: named outside quotes and
    non-body text, after the headline, not a person's surname ("Teigen" tagged a firm), or
    tagged as bodies by the article (``_tagged_orgs``). Kept on the parse context per
    non-body span being read (a list per quote was quadratic on a long article)."""
    return _bodies_named(ctx, None if ctx.here is None else (ctx.here.start, ctx.here.end))


@_kept
def _bodies_named(ctx: _Ctx, here: tuple[int, int] | None) -> list[Entity]:
    """``_named_bodies`` while the non-body span at ``here`` (``ctx.here``) is read."""
    surnames = {p.ent.canonical.split()[-1].lower() for p in _people(ctx)}
    tagged = _tagged_orgs(ctx)
    out = [e for e in ctx.ents if not _inside_quote(ctx, e)
           and not ctx.furniture(e.start) and e.start >= ctx.headline_end
           and ((e.label == "ORG" and e.canonical.lower() not in surnames)
                or e.canonical in tagged)]  # fmt: skip
    return out


def _body_taken_up(ctx: _Ctx, tok: Any, bare: bool = False) -> Entity | None:
    """The organisation "the firm", "the carrier" takes up: a bare definite singular noun for
    a body (not a person, not a group of people, not a person's own "campaign") stands for
    the organisation whose name of several words holds it ("the authority": the Harbor
    Authority), else for one that spoke in this sentence or the two before ("Skyreach Air
    said ... the carrier said"): the one the article has speak most, then the latest. A body
    only named, or a news outlet ("told CNN", "a CNN report", "..., CNN reported"), is not
    taken up. None when no such organisation is there: the words stay as written."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or _individual(tok) or document_noun(tok):
        return None
    lemma = tok.lemma_.lower()
    if lemma in PEOPLE_GROUPS or not (bare or _plain_definite(tok)):
        return None  # ``bare``: a noun that only modifies a document ("a company statement")
    if _owned_by_a_person(ctx, lemma):
        return None  # "Cruz's campaign ... the campaign": a person's, not a body named
    orgs = _named_bodies(ctx)
    # 'the appeals court' is no 'Supreme Court': a body named with the same noun and other
    # words is another of that kind
    words = [c.lower_ for c in tok.children if c.dep_ in {"amod", "compound"}]
    orgs = [e for e in orgs if lemma not in e.canonical.lower().split()
            or all(w in e.canonical.lower().split() for w in words)]
    before = [e for e in orgs if e.end <= tok.idx]
    named = [e for e in before if lemma in e.canonical.lower().split() and " " in e.canonical]
    if named:
        return named[-1]
    if _brought_in(ctx, tok):
        return None  # 'launched a campaign ... the campaign states': that campaign, no
        # company the headline names or that spoke just before
    times: dict[str, int] = {}  # how often each speaks in the whole article
    last: dict[str, tuple[int, Entity]] = {}  # where each last spoke before ``tok``
    outlets = set()
    for i, e in enumerate(orgs):
        head = ctx.doc[ctx.tok_at(e.end - 1)]
        verb = head.head
        if _outlet(head):
            outlets.add(e.canonical)
        if head.dep_ != "nsubj" or not (is_cue(verb, SPEECH | REPORT) or verb.lemma_ in _SPEAK):
            continue
        times[e.canonical] = times.get(e.canonical, 0) + 1
        if e.end <= tok.idx and _body_sents_between(ctx, head.i, tok.i) <= _BODY_SENTS:
            last[e.canonical] = (i, e)
    found = [(times[name], i, e) for name, (i, e) in last.items() if name not in outlets]
    # the body the article has speak most, when it has spoken more than once before: "the
    # company said" ten sentences after Ardo Bank last spoke is still Ardo Bank, not the
    # paper that "noted" a detail in between
    spoke = [(times[e.canonical], i, e) for i, e in enumerate(orgs) if e.end <= tok.idx
             and e.canonical in times and e.canonical not in outlets]
    top = max(spoke, key=lambda v: v[:2]) if spoke else None
    if top is not None and top[0] >= _DOMINANT and top[2].canonical not in last:
        found.append(top)
    if found:
        return max(found, key=lambda v: v[:2])[2]
    # a body the article brought in with this very noun ("credit rating firm Ardo", "Ardo,
    # the lender,"), else the one body its headline names
    described = [e for e in before if _described_as(ctx, e, lemma)]
    if described:
        return described[-1]
    return _headline_body(ctx, before, outlets)


@_kept  # (once per noun: once per quote was quadratic on a long article)
def _owned_by_a_person(ctx: _Ctx, lemma: str) -> bool:
    """A person owns a thing of this noun somewhere in the article ("Cruz's campaign")."""
    return any(t.lemma_.lower() == lemma and _person_owned(ctx, t) for t in ctx.doc)


_DOMINANT = 2  # times a body must have spoken to be taken up from further back
# where "a <noun>" describes something already named rather than bringing in a new thing:
# "Ardo is a lender", "Skyreach Air, a carrier based in Calder,", "named it a partner"
_DESCRIBING_DEPS = frozenset({"attr", "appos", "oprd", "acomp", "compound", "npadvmod"})


def _brought_in(ctx: _Ctx, tok: Any) -> bool:
    """The article brought in a thing of its own with ``tok``'s noun before it ("two
    engineers launched a campaign", "police found a company that ..."): "the campaign" then
    takes that thing up, not a body named nearby. Not when "a <noun>" only describes
    something named ("Ardo, a lender,", "is a lender", "as a lender"), is the one who acts
    or speaks ("An airline says ...", a lead that names it later), or sits in quotes, a
    caption or other non-body text."""
    first = _first_brought_in(ctx, tok.lemma_.lower())
    return first is not None and first < tok.i


@_kept  # (once per noun: where its first new thing is brought in)
def _first_brought_in(ctx: _Ctx, lemma: str) -> int | None:
    """The token of the article's first "a <noun>" of this noun that brings in a thing of
    its own (``_brought_in``), or None."""
    return next(
        (t.i for t in ctx.doc if t.pos_ == "NOUN" and t.lemma_.lower() == lemma
         and any(c.dep_ == "det" and c.lower_ in _INDEFINITE - {"one"}
                 for c in t.children)
         and t.dep_ not in _DESCRIBING_DEPS and t.dep_ != "nsubj"
         and not (t.dep_ == "pobj" and t.head.lower_ in {"as", "like"})
         and not _inside_quote_tok(ctx, t)
         and overlaps(ctx.nonbody, t.idx, t.idx) is None), None)


# what may stand between "the" and the noun of a body taken up: "the credit rating firm",
# "the second largest lender in the region"; not an owner, a clause or a second noun
_PLAIN_DEPS = frozenset({"det", "amod", "compound", "nummod", "advmod", "npadvmod", "prep",
                         "punct"})


@_kept
def _tagged_orgs(ctx: _Ctx) -> set[str]:
    """Names the entity step filed as people that the tagger read as an organisation at most
    of their mentions ("Equifax said ..." voted a person): a body for "the firm"."""
    votes: dict[str, list[int]] = {}
    surnames = {p.ent.canonical.split()[-1] for p in _people(ctx) if " " in p.ent.canonical}
    for e in ctx.ents:
        if e.label != "PERSON" or " " in e.canonical or e.canonical in surnames:
            continue  # "Trump" of "Donald Trump" is a person, whatever "the Trump campaign"
        head = ctx.doc[ctx.tok_at(e.end - 1)]
        if head.dep_ == "compound":
            continue  # "the Lee campaign": a modifier, which the tagger often reads as a body
        tag = head.ent_type_
        v = votes.setdefault(e.canonical, [0, 0])
        v[0 if tag == "ORG" else 1] += 1
    genders = _genders(ctx)  # he or she takes it up: a person, whatever the tagger says
    out = {name for name, (org, other) in votes.items() if org > other and name not in genders}
    return out


def _plain_definite(tok: Any) -> bool:
    """``tok`` heads "the <modifiers> noun", with no owner, no named modifier and no
    coordinated noun ("the bank or cellphone company" is no one body)."""
    kids = list(tok.children)
    dets = [c for c in kids if c.dep_ == "det"]
    if len(dets) != 1 or dets[0].lower_ != "the":
        return False
    doc = tok.doc
    return all((c.dep_ in _PLAIN_DEPS and not (c.dep_ in {"amod", "compound"} and c.ent_type_)
                and not (c.dep_ == "prep" and c.lower_ == "of"))
               # 'the company, which makes ...,': a clause set off by commas adds, not picks
               or (c.dep_ == "relcl" and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ",")
               for c in kids)


def _described_as(ctx: _Ctx, e: Entity, lemma: str) -> bool:
    """The mention ``e`` comes with the noun ``lemma`` as its description: "rating firm
    Ardo" (the noun a compound of the name), "Ardo, the lender," (in apposition), "the
    lender Ardo"."""
    head = ctx.doc[ctx.tok_at(e.end - 1)]
    near = [c for c in head.children if c.dep_ in {"compound", "appos", "amod"}]
    if head.dep_ in {"appos", "compound"}:
        near.append(head.head)
    return any(t.lemma_.lower() == lemma and t.pos_ == "NOUN" for t in near)


def _person_described(ctx: _Ctx, tok: Any) -> Entity | None:
    """The person "the coach", "the 46-year-old lawyer" takes up: the nearest one named
    before it with that noun as a title or a description ("coach Ann Lee", "Ann Lee, a
    lawyer,"). A definite noun for one person only; None when no one was so described."""
    if tok.pos_ != "NOUN" or not _individual(tok) or tok.tag_ != "NN":
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    lemma = tok.lemma_.lower()
    doc = ctx.doc
    # a capitalised modifier picks one of several: "the Democratic nominee" is not the
    # "Republican nominee Tom Vell" named last
    named = {c.lower_ for c in tok.children if c.dep_ in {"amod", "compound"}
             and c.text[:1].isupper()}
    for p in reversed(_people(ctx)):
        if p.head >= tok.i or _inside_quote_tok(ctx, doc[p.head]):
            continue
        head = doc[p.head]
        near = [c for c in head.children if c.dep_ in {"compound", "appos", "amod"}]
        if head.dep_ in {"appos", "compound"}:
            near.append(head.head)
        for t in near:
            # (a role that opens the sentence is capitalised and tagged a name: "Comedian
            # Moss Harlan, 87, was honoured")
            if t.lemma_.lower() == lemma and (t.pos_ == "NOUN" or (
                    t.is_sent_start and t.dep_ == "compound" and person_noun(t))):
                around = {w.lower_ for w in t.subtree} | {w.lower_ for w in head.subtree}
                if named <= around:
                    return p.ent
    return None


def _taken_up(ctx: _Ctx, tok: Any) -> Entity | None:
    """The person just named that "the 76-year-old" or "the mother" takes up: the person a
    he/she there would be (``_resolve_person``). An age fits anyone; a noun of kin or sex
    only a person the article shows to be of that sex ("Ivo Brandt drove. The woman said"
    is someone else). A role ("the judge") may be someone new: not taken up here."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    low = tok.lemma_.lower()
    kin = low in _MALE_NOUNS | _FEMALE_NOUNS and (
        low in ("man", "woman") or not low.endswith(("man", "woman")))  # not "spokesman"
    if not (_aged(tok) or (kin and tok.pos_ == "NOUN")):
        return None
    found = _resolve_person(ctx, tok, ctx.sent_of(tok.i))
    if found is None or not kin:
        return found
    sex = _genders(ctx).get(found.canonical)
    return found if sex == ("m" if low in _MALE_NOUNS else "f") else None


def _headline_body(ctx: _Ctx, before: list[Entity], outlets: set[str]) -> Entity | None:
    """The organisation the article is about: the one it names most often, more often than
    any other body, when its headline names it too and it is named before ``before`` ends."""
    title = (ctx.title or "").casefold()
    if not title or not before:
        return None
    counts: dict[str, int] = {}
    for e in before:
        if e.canonical not in outlets:
            counts[e.canonical] = counts.get(e.canonical, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    name = ranked[0][0]
    ent = next(e for e in reversed(before) if e.canonical == name)
    # the headline may shorten the name to its first word ("American" for American Airlines)
    short = ent.text.split()[0].casefold()
    return ent if re.search(rf"\b({re.escape(ent.text.casefold())}|{re.escape(short)})\b",
                            title) else None


def _person_owned(ctx: _Ctx, tok: Any) -> bool:
    """``tok`` has a person as its owner or modifier ("Cruz's campaign", "the Lee
    administration")."""
    return any(c.dep_ in {"poss", "compound"} and (c.ent_type_ == "PERSON"
                                                   or _person_at(ctx, c) is not None)
               for c in tok.children)


# what a news outlet makes: its owner is an outlet ("a CNN report", "the Herald's poll")
_MEDIA = frozenset("""report article story column broadcast interview poll survey
    investigation analysis editorial podcast newscast segment""".split())


def _outlet(head: Any) -> bool:
    """A name the parse shows to be a news outlet's: one a quote was told to ("told CNN"),
    the owner of a report ("a CNN report"), where a piece ran ("a column in the Tribune"), or
    the subject of "reported" after what it
    reported ("..., CNN reported")."""
    up = head.head
    if head.dep_ in {"compound", "poss"} and up.lemma_.lower() in _MEDIA:
        return True  # 'a CNN report'; not 'the airline's decision', 'the firm's statement'
    if head.dep_ == "pobj" and up.lower_ in {"in", "on"} and document_noun(up.head):
        return True  # 'a guest column in the Ledger', 'a post on Ostra Today'
    if head.dep_ == "nsubj" and up.lemma_ == "report" and not any(
            c.dep_ == "dobj" or (c.dep_ == "ccomp" and c.i > up.i) for c in up.children):
        return True  # "..., the Tribune reported": not "Ardo reported a loss", "... that"
    if head.dep_ in {"dobj", "dative", "pobj"}:
        verb = up if head.dep_ != "pobj" else up.head
        return verb.pos_ in {"VERB", "AUX"} and via_of(verb) is head
    return False


def _by_org_noun(ctx: _Ctx, tok: Any, words: tuple[str, ...],
                 before_only: bool = False) -> Entity | None:
    noun = tok.lower_
    hits = [  # (not a body a page credit names: "transcripts ... by Verbo, Inc.")
        e for e in ctx.ents if e.label == "ORG" and not ctx.furniture(e.start) and (
            any(w in e.canonical.lower() for w in words)
            # or a body the text calls by the noun right before its name ("the state news
            # agency VNA reported ... The agency added")
            or re.search(rf"\b{re.escape(noun)},?\s*$", ctx.text[max(0, e.start - 30):e.start],
                         re.IGNORECASE))
    ]
    before = [e for e in hits if e.start < tok.idx]
    if before_only and not before:
        return None
    return before[-1] if before else (hits[0] if hits else None)


def _find_cue(ctx: _Ctx, lo: int, hi: int, last: bool) -> Any | None:
    """The cue verb with a speaker in tokens [lo, hi) (the last one when ``last``)."""
    idx = range(hi - 1, lo - 1, -1) if last else range(lo, hi)
    for i in idx:
        tok = ctx.doc[i]
        if is_cue(tok) and _speaker_kind(ctx, subject_of(tok)):
            return tok
    return None


def _is_mark(tok: Any) -> bool:
    """A quotation mark token; not an apostrophe in a word ("he’s") or a possessive
    ("Sanders’ campaign")."""
    return bool(tok.text) and not tok.text.strip(_QUOTE_CHARS) and tok.dep_ != "case"


def _marks_quote(ctx: _Ctx, tok: Any) -> bool:
    """A quotation mark that opens or closes a quotation the marks finder found; not a
    possessive apostrophe parsed as punctuation ('Jonas’ campaign manager')."""
    if not _is_mark(tok):
        return False
    bounds = _mark_bounds(ctx)
    if not bounds:
        return True
    if tok.text[:1] in "\"\u201c\u201d":
        return True
    return any(c in bounds for c in range(tok.idx, tok.idx + len(tok.text)))


@_kept
def _mark_bounds(ctx: _Ctx) -> set[int]:
    """The char offsets of the quotation marks of the passages the marks finder found."""
    bounds: set[int] = set()
    for m in ctx.marked:
        bounds.update(range(m.outer_start, m.start))
        bounds.update(range(m.end, m.outer_end))
    return bounds


def _trailing_frame(ctx: _Ctx, m: Marked) -> tuple[int, int]:
    """Tokens after the closing mark, up to the end of that sentence or the next quote."""
    doc = ctx.doc
    lo = ctx.tok_at(m.outer_end)
    if lo < len(doc) and doc[lo].idx < m.outer_end:
        lo += 1
    if (lo + 1 < len(doc) and doc[lo].is_space and doc[lo].text.strip(" \t") == "\n"
            and ctx.text[m.start : m.end].rstrip().endswith(",")):
        lo += 1  # '"...,"\nLee said.': the comma closing the quote says its sentence goes on
    hi = lo
    while hi < len(doc) and hi - lo < _MAX_FRAME:
        t = doc[hi]
        if "\n" in t.text:
            break
        if _marks_quote(ctx, t):
            name = _name_in_marks(ctx, t)
            if name is None:
                break
            hi = ctx.tok_at(name.outer_end - 1) + 1  # 'author of the book "Tides", told':
            continue  # a name in marks inside the attribution does not end it
        hi += 1
        if t.text in _END_PUNCT or t.text == ":":
            break
    return lo, hi


def _name_in_marks(ctx: _Ctx, mark: Any) -> Marked | None:
    """The quoted passage ``mark`` opens when it holds a short name on one line ('the book
    "Tides"'), which a frame reads through as words about the speaker; else None."""
    found = next((m for m in ctx.marked if m.outer_start == mark.idx), None)
    if found is None or "\n" in ctx.text[found.outer_start : found.outer_end]:
        return None
    return found if _a_name(ctx, found) else None


def _leading_frame(ctx: _Ctx, m: Marked) -> tuple[int, int]:
    """Tokens before the opening mark, back to the start of that sentence or paragraph."""
    doc = ctx.doc
    hi = ctx.tok_at(m.outer_start)
    lo = hi
    while lo > 0 and hi - lo < _MAX_FRAME:
        t = doc[lo - 1]
        if "\n" in t.text or t.text in _END_PUNCT or _marks_quote(ctx, t):
            break
        if (lo == hi and len(t.text) > 1 and t.text.endswith(".") and t.pos_ == "PROPN"
                and t.is_sent_start is not True and doc[hi].is_sent_start
                and _opens_sentence(ctx.text[m.start : m.end])):
            break  # 'in Easton, Md. "The ...': the abbreviation's full stop ends the sentence
        lo -= 1
    return lo, hi


def _make(
    ctx: _Ctx,
    start: int,
    end: int,
    kind: QuoteKind,
    cue: Any | None,
    speaker_tok: Any | None,
    cue_text: str | None = None,
) -> Quote:
    text = ctx.text
    if kind == "mixed" and _open_mark(text[start:end]):
        # marks stay paired: 'said the rules were "a mess."', not '... "a mess'
        close = end + (1 if text[end : end + 1] in {".", ",", "!", "?"} else 0)
        if text[close : close + 1] in {"\u201d", '"'}:
            end = close + 1
    speaker = role = via = None
    s_start = s_end = None
    s_text = None
    if speaker_tok is not None:
        speaker, s_start, s_end, role = _resolve(ctx, speaker_tok, strict=kind != "indirect")
        rel = _relative_subject(cue, speaker_tok) if speaker is not None else None
        if rel is not None:  # 'Ann Lee, who called it "a mess"': the mention is "who"
            s_start, s_end = rel.idx, rel.idx + len(rel.text)
        s_text = text[s_start:s_end] if s_start is not None else None
        if cue is not None:
            v = via_of(cue)
            if v is not None:
                ent = ctx.ent_over(v.idx, v.idx + len(v.text))
                via = ent.canonical if ent else text[slice(*_span(ctx, *np_bounds(v)))]
    cue_word = cue_text if cue_text is not None else (cue.text if cue is not None else None)
    return Quote(
        text=text[start:end],
        start=start,
        end=end,
        speaker=speaker,
        kind=kind,
        via=via,
        speaker_text=s_text,
        speaker_start=s_start,
        speaker_end=s_end,
        cue=cue_word,
        role=role,
    )


def _of_a_thing(path: list[Any], verb: Any) -> bool:
    """Whether quoted words hang, below ``verb``, on a noun through "with" ("a shirt with
    'Kneel, Vance' on it", "a sign with 'Keep out' in red"): they are written on that thing,
    not words the verb's subject spoke ("a round of 'safety upgrades'" is what the round
    was called: the subject's words)."""
    for tok in path[: path.index(verb)]:
        prep = tok.head
        if (tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "with"
                and prep.head.pos_ in ("NOUN", "PROPN")):  # fmt: skip
            return True
    return False


def _open_mark(words: str) -> bool:
    """``words`` open a double quotation they do not close."""
    return words.count("\u201c") > words.count("\u201d") or words.count('"') % 2 == 1


def _relative_subject(cue: Any | None, antecedent: Any) -> Any | None:
    """The relative pronoun that is the subject of ``cue``'s clause (or of a clause it
    hangs from) when that clause qualifies ``antecedent``: 'Ann Lee, who called ...'. The
    speaker is the antecedent, as with he/she; the mention as written is the pronoun."""
    tok = cue
    for _ in range(4):
        if tok is None or tok.head.i == tok.i:
            return None
        if tok.dep_ == "relcl":
            if tok.head.i != antecedent.i:
                return None
            return next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}
                         and c.lower_ in RELATIVE), None)
        if tok.dep_ not in {"xcomp", "conj", "advcl", "ccomp"} or any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
            return None
        tok = tok.head
    return None


def _prev_char(text: str, pos: int) -> tuple[str, int]:
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return (text[i], i) if i >= 0 else ("", -1)


def _opens_sentence(content: str) -> bool:
    """Quoted words that start a sentence of their own (capital, digit, or a bracket)."""
    first = content.lstrip("\"'\u201c\u2018([ \u2026.")[:1]
    return first.isupper() or first.isdigit()


def _takes_object(verb: Any) -> bool:
    """A cue verb with a noun object of its own that is not an addressee ("praise his plan"):
    it reports no quote."""
    if verb.lemma_.lower() in TELL_LIKE or verb.lemma_.lower() in {"assure", "remind"}:
        return False
    return any(c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"} and c.i > verb.i
               and c.lower_ not in {"reporters", "them", "him", "her"}
               for c in verb.children)


def _frame_verb(ctx: _Ctx, lo: int, hi: int) -> Any | None:
    """The first verb of the words after a quote whose subject (a speaker) is among them too:
    '"...," Dana assured the crowd'; '"...," Tomas Vale, deputy head of the harbour board,
    pointed out' (a name and what the speaker is may take a dozen words)."""
    for tok in ctx.doc[lo : min(hi, lo + 16)]:
        if tok.pos_ != "VERB" or tok.dep_ in {"amod", "aux", "auxpass"}:
            continue
        subj = subject_of(tok)
        if subj is not None and lo <= subj.i < hi and _speaker_kind(ctx, subj) is not None:
            return tok
        return None  # only the first verb: later ones belong to other clauses
    return None


def _lead_speaker(ctx: _Ctx, lo: int, hi: int, colon: bool) -> tuple[Any | None, Any] | None:
    """(verb, speaker) of the words before a quote that end in a colon or a comma.

    The last verb with a speaker as its subject, when nothing but particles, adverbs and
    phrases of place or time follow it ("shot back,", "fired back forcefully:"); after a
    colon any verb ("leaned in and boomed:"), and a bare name ("Ann Lee:") too."""
    doc = ctx.doc
    for i in range(hi - 1, lo - 1, -1):
        tok = doc[i]
        if tok.pos_ != "VERB" or tok.dep_ in {"amod", "aux", "auxpass"}:
            continue
        subj = subject_of(tok)
        if subj is None or _speaker_kind(ctx, subj) is None:
            if colon:
                break  # try the clause that holds the rest: 'X focuses on how many ...:'
            return None
        if not colon:
            after = [t for t in doc[i + 1 : hi] if not t.is_punct]
            if len(after) > 4 or any(t.dep_ in {"dobj", "ccomp", "xcomp"} and
                                     _speaker_kind(ctx, t) is None for t in after):
                return None
        return tok, subj
    if colon:
        for tok in doc[lo:hi]:
            if tok.pos_ == "VERB" and (tok.head.i == tok.i or not lo <= tok.head.i < hi):
                subj = subject_of(tok)
                if subj is not None and _speaker_kind(ctx, subj) is not None:
                    return tok, subj
        heads = [t for t in doc[lo:hi] if t.pos_ in {"PROPN", "NOUN"}
                 and (t.head.i == t.i or not lo <= t.head.i < hi)]
        if len(heads) == 1 and _speaker_kind(ctx, heads[0]) == "ok":
            return None, heads[0]
        named = _name_at_colon(ctx, hi)
        if named is not None:
            return None, named
    return None


def _name_at_colon(ctx: _Ctx, colon: int) -> Any | None:
    """A person's or a body's name that ends right at the colon before a quote: 'The Desk
    - Tom Vale:', 'Former minister Ann Lee:'."""
    doc = ctx.doc
    while colon > 0 and doc[colon - 1].is_space:
        colon -= 1
    if colon < 1 or doc[colon - 1].pos_ != "PROPN":
        return None
    tok = doc[colon - 1]
    while tok.dep_ in {"compound", "flat"} and tok.i < tok.head.i < colon:
        tok = tok.head
    ent = ctx.ent_over(tok.idx, tok.idx + len(tok.text))
    if _person_at(ctx, tok) is None and (ent is None or ent.label not in {"PERSON", "ORG"}):
        return None
    return tok if _speaker_kind(ctx, tok) == "ok" else None


def _direct(ctx: _Ctx, m: Marked, prev: Quote | None, prev_m: Marked | None) -> Quote | None:
    """One quoted passage: direct or mixed, with its cue and speaker when found."""
    doc, text = ctx.doc, ctx.text
    t_lo, t_hi = _trailing_frame(ctx, m)
    l_lo, l_hi = _leading_frame(ctx, m)
    lead = text[doc[l_lo].idx : m.outer_start].strip() if l_hi > l_lo else ""
    tail_toks = [t for t in doc[t_lo:t_hi] if not t.is_punct]
    content = text[m.start : m.end].rstrip()
    if lead.endswith(",") and _a_name(ctx, m) and _titles(ctx, m, l_hi):
        return None  # 'in his book, "The Long Road Home," he ...': a title, no one's words
    if _a_name(ctx, m) and _used_as_a_noun(ctx, m):
        return None  # '"Harbor Lights" made her a star': a title the sentence speaks of
    if lead.endswith((":", ",")) and _opens_next(ctx, content, t_lo, t_hi):
        tail_toks = []  # 'X asked: "...?" Y replied: "..."': Y's frame is the next quote's
    signer = None if lead else _signature(ctx, m)
    if signer is not None:  # '"..." \u2015 Ann Lee': the name that signs the quote
        return _make(ctx, m.start, m.end, "direct", None, signer, cue_text="\u2015")
    # 1. cue after the quote: "...," X said. A comma closing the quote hands it to the
    # attribution that follows even after words of narration ('Nothing he said "helps," the
    # senator said.').
    first = doc[t_lo] if t_lo < len(doc) else None
    tail_cue = _find_cue(ctx, t_lo, min(t_hi, t_lo + 5), last=False) if tail_toks else None
    tail_subj = subject_of(tail_cue) if tail_cue is not None else None
    comma_hand = (content[-1:] == "," and tail_subj is not None and tail_subj.i >= t_lo
                  and not _takes_object(tail_cue)
                  and not (first is not None and first.pos_ == "CCONJ"))  # '..., but X said'
    if comma_hand and lead and (_outlet(tail_subj) or (tail_cue is not None
                                                     and tail_cue.lower_ == "according")):
        # 'X said the ferry lurched and "...," the Gazette reports': the outlet reports the
        # whole sentence; the words are those of the speaker the sentence itself reports
        inner = _find_cue(ctx, l_lo, l_hi, last=True)
        # it reports a clause of its own: "said the tram sped up", "pledged to", not "spoke
        # with X 'to discuss ...'" (the words are the report's)
        reports = inner is not None and any(
            c.i > inner.i and (c.dep_ == "ccomp" or (c.dep_ == "xcomp"
                                                      and inner.lemma_.lower() in INTENT))
            for c in inner.children)
        speaker = subject_of(inner) if reports else None
        if (speaker is not None and is_cue(inner, SPEECH) and not _takes_object(inner)
                and not _outlet(speaker)):
            return _make(ctx, m.start, m.end, "mixed", inner, speaker)
    if comma_hand and lead and not lead.endswith((":", ",")):
        # the words before the quote are the speaker's too: one mixed quote
        start = doc[l_lo].idx
        return _make(ctx, start, _strip_end(text, start, m.end), "mixed", tail_cue,
                     subject_of(tail_cue))
    after_lead = bool(lead) and first is not None and first.pos_ == "SCONJ"
    # ('X played to the hall, telling the crowd, "...," and the crowd laughed': a clause the
    # sentence goes on with, joined after a framed quote, is no frame of it)
    joined = bool(lead) and first is not None and first.pos_ == "CCONJ"
    if tail_toks and (not lead or lead.endswith((":", ","))) and not after_lead and not joined:
        # ('X told the crew, "...," as the workers began to laugh': a clause the quote's
        # sentence goes on with, not its frame, when a frame stands before it)
        cue = _find_cue(ctx, t_lo, t_hi, last=False)
        if cue is not None and _takes_object(cue):
            cue = None  # '..." Critics still praise his plan': the verb has its own object
        if cue is not None and content[-1:] == ",":
            frame = _frame_verb(ctx, t_lo, t_hi)
            if frame is not None and frame.i < cue.i and frame.is_ancestor(cue):
                cue = frame  # '"...," Lee demanded, as Vell continued': the first clause frames
        if cue is not None and (content[-1:] not in "." or (first and first.text[:1].islower())):
            return _make(ctx, m.start, m.end, "direct", cue, subject_of(cue))
        named = first is not None and first.pos_ == "PROPN"
        if cue is None and (content[-1:] == "," or (content[-1:] in "?!" and first is not None
                                                    and (first.text[:1].islower() or named))):
            # '"...," X assured Y' / '"...," X riffed': a comma closing the quote hands it to
            # the clause that follows, whatever its verb; after "?" or "!" a name opening
            # those words does too ('"...?" Vell went on')
            cue = _frame_verb(ctx, t_lo, t_hi)
            if cue is not None and content[-1:] != "," and first is not None \
                    and not first.text[:1].islower():
                subj = subject_of(cue)
                if subj is None or any(t.pos_ != "PROPN" for t in doc[t_lo : subj.i + 1]):
                    cue = None  # the name must be the subject: not '"...?" Vell's aide said'
            if cue is not None:
                return _make(ctx, m.start, m.end, "direct", cue, subject_of(cue))
    # 2. cue before the quote: X said: "..." / X told the crowd, "..."
    if lead:
        cue = _find_cue(ctx, l_lo, l_hi, last=True)
        ends_open = lead.endswith((":", ",")) or (cue is not None and cue.i == l_hi - 1)
        closed = (not tail_toks or doc[t_lo].text in _END_PUNCT or after_lead
                  or (joined and lead.endswith((":", ",")))
                  or (content[-1:] in _END_PUNCT and doc[t_lo].is_sent_start))
        if cue is not None and closed and lead.endswith(":"):
            later = _lead_speaker(ctx, cue.i + 1, l_hi, colon=True)
            if later is not None and later[0] is not None:
                # 'She said that ..., to which Lee interjected: "..."': the last clause speaks
                return _make(ctx, m.start, m.end, "direct", later[0], later[1])
        if cue is not None and ends_open and closed:
            return _make(ctx, m.start, m.end, "direct", cue, subject_of(cue))
        if (lead.endswith("(") and l_hi - 2 >= l_lo and text[m.outer_end : m.outer_end + 1] == ")"
                and len(content.split()) >= _BRACKET_WORDS):
            # 'critics such as Ann Lee ("...")': the name before it; not a nickname ('Ted
            # Cruz ("Lyin' Ted")') nor a headline cited with its paper ('("...," the Herald)')
            named = doc[l_hi - 2]
            if (named.pos_ == "PROPN" or named.ent_type_ in {"PERSON", "ORG"}) and _speaker_kind(
                    ctx, named) == "ok":
                return _make(ctx, m.start, m.end, "direct", None, named, cue_text="(")
        dash = lead.endswith(("\u2013", "\u2014", " -"))  # 'X issued an apology \u2013 "..."'
        set_off = dash and t_lo < len(doc) and doc[t_lo].text in {"\u2013", "\u2014", "-"}
        if cue is None and (closed or set_off) and _opens_sentence(content) and (
                lead.endswith((":", ",")) or dash):
            # 'X shot back, "..."' / 'X leaned in and boomed: "..."' / 'Ann Lee: "..."'
            found = _lead_speaker(ctx, l_lo, l_hi, colon=lead.endswith(":") or dash)
            if found is not None:
                verb, subj = found
                return _make(ctx, m.start, m.end, "direct", verb, subj,
                             cue_text=None if verb is not None else ":")
    # 3. embedded in a reported clause: mixed.
    mixed = _mixed(ctx, m) if lead else None
    if mixed is not None:
        return mixed
    if lead and not lead.endswith((":",)):
        if len(content.split()) < 6:
            return None
        if content[-1:] in "?!" and tail_toks:
            # 'Voss "will sign today. Is that wise?" wrote the harbour master Tam Reller': a
            # sentence whose words in marks close it, handed to the attribution after them
            # (its subject first), is the speaker's, as after a comma
            cue = _find_cue(ctx, t_lo, t_hi, last=False)
            subj = subject_of(cue) if cue is not None else None
            if subj is not None and subj.left_edge.i == t_lo and not _takes_object(cue):
                start = doc[l_lo].idx
                return _make(ctx, start, _strip_end(text, start, m.end), "mixed", cue, subj)
        # 'Rumors spread fast, she said. Facts win only when "..."': a sentence that goes on
        # from someone's reported words, with no frame of its own, is theirs
        before = doc[l_lo - 1] if l_lo > 0 else None
        found = (_announcer(ctx, m, at=doc[l_lo].idx)
                 if before is not None and before.text in _END_PUNCT else None)
        verb, subj = found if found is not None else (None, None)
        return _make(ctx, m.start, m.end, "mixed", verb, subj)
    # 4. a colon closing the previous sentence or paragraph.
    ch, at = _prev_char(text, m.outer_start)
    if ch == ":" and not lead:
        hi = ctx.tok_at(at)
        lo = hi
        while lo > 0 and hi - lo < 60:
            if doc[lo - 1].text in _END_PUNCT or "\n" in doc[lo - 1].text:
                break
            lo -= 1
        cue = _find_cue(ctx, lo, hi, last=True)
        if cue is None:
            cue = next((t for t in doc[lo:hi] if t.dep_ == "ROOT"), None)
        subj = subject_of(cue) if cue is not None else None
        if _speaker_kind(ctx, subj):
            return _make(ctx, m.start, m.end, "direct", cue, subj,
                         cue_text=cue.text if cue is not None else None)
        named = _name_at_colon(ctx, hi)
        if named is not None:  # 'Former minister Ann Lee:' closing the paragraph before
            return _make(ctx, m.start, m.end, "direct", None, named, cue_text=":")
    # 5. the sentence just before reports what someone said, and the quote gives their words:
    # 'Ann Lee said the dam would hold.\n\n"It has held for ninety years."'
    if not lead:
        found = _announcer(ctx, m)
        if found is not None:
            verb, subj = found
            return _make(ctx, m.start, m.end, "direct", verb, subj)
    # 6. a continuation of the previous quote by the same speaker.
    if prev is not None and prev_m is not None and prev.speaker_text and not lead:
        gap = text[prev_m.outer_end : m.outer_start]
        same_paragraph = "\n" not in gap
        # (a line of narration between the two ends the run: "Families gather at the gates."
        # between two radio calls, a paragraph of its own however the text breaks lines)
        narrated = _narrated_between(ctx, prev_m.outer_end, m.outer_start)
        if same_paragraph or (len(gap) < 120 and not narrated) or _next_paragraph(
                ctx, prev_m.outer_end, m.outer_start):
            taker = _cuts_in(ctx, prev, prev_m, m)
            if taker is not None:  # '"...," Lee said, and Vale cut in. "..."'
                return _make(ctx, m.start, m.end, "direct", taker[0], taker[1])
            if not same_paragraph:
                prev = _turn(ctx, prev, content) or prev
            return Quote(
                text=text[m.start : m.end],
                start=m.start,
                end=m.end,
                speaker=prev.speaker,
                kind="direct",
                via=prev.via,
                role=prev.role,
                speaker_text=prev.speaker_text,
                speaker_start=prev.speaker_start,
                speaker_end=prev.speaker_end,
                cue=prev.cue,
            )
    if not lead:
        found = _open_paragraph(ctx, m)
        if found is not None:  # 'Lee said: "It will hold.\n\n"It has held for years."'
            return _make(ctx, m.start, m.end, "direct", found[0], found[1])
    if len(content.split()) < 4:
        return None
    return _make(ctx, m.start, m.end, "direct", None, None)


def _open_paragraph(ctx: _Ctx, m: Marked) -> tuple[Any, Any] | None:
    """(verb, speaker) of a quotation the previous paragraph opens and never closes: the
    words go on in this one, as a quote running over paragraphs is written ('Lee said: "It
    will hold.' then '"It has held for ninety years."'). A caption or a credit between them
    is skipped."""
    text = ctx.text
    end = m.outer_start
    while True:
        while end > 0 and text[end - 1].isspace():
            end -= 1
        span = overlaps(ctx.nonbody, end - 1, end - 1) if end > 0 else None
        if span is None:
            break
        end = span.start
    start = text.rfind("\n", 0, end) + 1
    para = text[start:end]
    opened = max(para.rfind("\u201c"), para.rfind('"') if para.count('"') % 2 else -1)
    if opened < 0 or "\u201d" in para[opened:] or opened + 1 >= len(para):
        return None
    lo, hi = ctx.tok_at(start), ctx.tok_at(start + opened)
    if hi <= lo:
        return None
    return _lead_speaker(ctx, lo, hi, colon=para[:opened].rstrip().endswith(":"))


_BRACKET_WORDS = 4
_SIGN_DASHES = "\u2015\u2014\u2013-"
_MAX_SIGN_WORDS = 6


def _signature(ctx: _Ctx, m: Marked) -> Any | None:
    """The name that signs a quote: a dash right after the closing mark, or opening the next
    paragraph, then a name closing its line ('"..." \u2015 Ann Lee', '"..."\\n\\n- Ann Lee.'),
    or going on only with a comma or a bracket ('- Ann Lee, Port Alder.'). The name's head
    when it is someone who speaks; a clause after the dash ('\u2014 Lee disagreed') signs
    nothing."""
    text, doc = ctx.text, ctx.doc
    i = m.outer_end
    while i < len(text) and text[i] in " \t":
        i += 1
    if text[i : i + 1] == "\n":
        gap = len(text) - i - len(text[i:].lstrip())
        if text[i : i + gap].count("\n") > 2:
            return None
        i += gap
    if text[i : i + 1] not in _SIGN_DASHES or text[i + 1 : i + 2] in _SIGN_DASHES:
        return None
    lo = ctx.tok_at(i)
    if doc[lo].idx < i or doc[lo].text[:1] in _SIGN_DASHES:
        lo += 1
    while lo < len(doc) and doc[lo].is_space and "\n" not in doc[lo].text:
        lo += 1
    run = []
    for tok in doc[lo : lo + _MAX_SIGN_WORDS + 1]:
        if tok.text in {",", "("} or "\n" in tok.text or "\n" in doc[tok.i - 1].whitespace_:
            break
        if tok.text == "." and (tok.i + 1 == len(doc) or "\n" in tok.whitespace_
                                or doc[tok.i + 1].is_space):
            break
        if not (tok.pos_ == "PROPN" or tok.text[:1].isupper()):
            return None
        run.append(tok)
    if not run or len(run) > _MAX_SIGN_WORDS:
        return None
    head = next((t for t in reversed(run) if not run[0].i <= t.head.i <= run[-1].i), run[-1])
    return head if _speaker_kind(ctx, head) == "ok" else None


def _opens_next(ctx: _Ctx, content: str, lo: int, hi: int) -> bool:
    """The words [lo, hi) after a quote closed as a sentence start a new one and end in a
    comma or colon right before another quotation: they introduce that next quote."""
    doc = ctx.doc
    if content[-1:] not in _END_PUNCT or lo >= hi or not doc[lo].text[:1].isupper():
        return False
    last = next((t for t in reversed(doc[lo:hi]) if not t.is_space), None)
    after = next((t for t in doc[hi:] if not t.is_space), None)
    return (last is not None and last.text in {",", ":"} and after is not None
            and _marks_quote(ctx, after))


def _next_paragraph(ctx: _Ctx, start: int, end: int) -> bool:
    """``[start, end)`` is the rest of one sentence and then a single line break: a quote in
    the next paragraph after '"...," Lee said during the interview in ..., ahead of ...'."""
    gap = ctx.text[start:end]
    body = gap.rstrip()
    if "\n" in body or "\n" not in gap[len(body):]:
        return False
    toks = ctx.doc[ctx.tok_at(start) + 1 : ctx.tok_at(start + len(body)) + 1]
    return not any(t.is_sent_start and t.idx > start for t in toks if not t.is_space)


def _cuts_in(ctx: _Ctx, prev: Quote, prev_m: Marked, m: Marked) -> tuple[Any, Any] | None:
    """(verb, subject) of a clause between two quotes whose subject is someone other than the
    first quote's speaker: '"...," Lee said, and her neighbor Vale cut in. "..."' The clause
    must end right before the second quote, and its verb take a turn to speak: a verb of
    saying, or one with a particle ("cut in", "spoke up"); "Families gather at the gates."
    hands the families no words."""
    doc = ctx.doc
    lo, hi = ctx.tok_at(prev_m.outer_end), ctx.tok_at(m.outer_start)
    for tok in reversed(doc[lo:hi]):
        if tok.pos_ != "VERB" or tok.dep_ not in {"conj", "ROOT", "parataxis"}:
            continue
        if tok.lemma_.lower() not in SPEECH and not any(c.dep_ == "prt" for c in tok.children):
            return None
        if any(t.pos_ in {"VERB", "NOUN", "PROPN"} for t in doc[tok.i + 1 : hi]
               if t.dep_ not in {"prt", "advmod", "npadvmod"}):
            return None  # more words after the verb: not a frame for the quote
        subj = subject_of(tok, strict=True)
        if subj is None or not lo <= subj.i < tok.i or not _speaks(ctx, subj):
            return None
        if prev.speaker_start is not None and prev.speaker_start <= subj.idx < (
                prev.speaker_end or 0):
            return None  # the first quote's own attribution
        speaker = _resolve(ctx, subj)[0]
        return (tok, subj) if speaker is not None and speaker != prev.speaker else None
    return None


def _speech_noun(tok: Any) -> bool:
    """A noun for something said, made from a verb of saying: "remark", "claim", "warning",
    "assertion", "statement", "announcement"."""
    if tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    cues = SPEECH | REPORT
    if lemma in cues:
        return True
    for suffix in ("ation", "ion", "ment", "ing", "al"):  # "proposal": propose
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
            stem = lemma[: -len(suffix)]
            if stem in cues or stem + "e" in cues or (suffix == "ation" and stem + "e" in cues):
                return True
    return False


def _describes(ctx: _Ctx, m: Marked) -> bool:
    """The marks hold only words that describe (adjectives, adverbs): 'Lee's "divisive"
    remarks' is someone's word for the remarks, not words from them."""
    toks = [t for t in ctx.doc[ctx.tok_at(m.start) : ctx.tok_at(max(m.start, m.end - 1)) + 1]
            if m.start <= t.idx < m.end and t.is_alpha]
    return bool(toks) and all(t.pos_ in {"ADJ", "ADV"} for t in toks)


def _speech_noun_owner(ctx: _Ctx, noun: Any) -> Any | None:
    """Who made the remark: its possessor ("her remark"), or "by"/"from" someone."""
    if not _speech_noun(noun):
        return None
    for c in noun.children:
        if c.dep_ == "poss" and _speaks(ctx, c):
            return c
        if c.dep_ == "prep" and c.lower_ in {"by", "from"}:
            for o in c.children:
                if o.dep_ == "pobj" and _speaks(ctx, o):
                    return o
    return None


def _announcer(ctx: _Ctx, m: Marked, at: int | None = None) -> tuple[Any, Any] | None:
    """(verb, speaker) of the sentence right before a bare quote when that sentence, free of
    quotation marks, is someone's speech: its main verb (or one set off in it, "..., he
    said, ...") says or reports and has a speaker as subject ("Lee said the dam would
    hold.", "Lee continued her remarks."), or it issues a statement ("The league issued a
    statement."). ``at``: where the words holding the quote begin (the quote itself when
    not given)."""
    doc = ctx.doc
    i = ctx.tok_at(m.outer_start if at is None else at) - 1
    broke = False  # a line ends before the quote: a paragraph, whatever its punctuation
    while i >= 0 and (doc[i].is_space or _is_mark(doc[i])):
        broke = broke or "\n" in doc[i].text
        i -= 1
    if i < 0 or not (doc[i].text in _END_PUNCT or (broke and doc[i].is_alpha)):
        return None
    sent = doc[i].sent
    if sent.end - sent.start > 60:
        return None
    if any(sent.start_char <= q.start < sent.end_char for q in ctx.history):
        return None  # a quote with its own speaker: the continuation and turn rules decide
    for tok in reversed(sent):
        if _inside_quote_tok(ctx, tok):
            continue
        clause = tok.tag_ == "VBG" and tok.dep_ in {"advcl", "pcomp"} and (
            tok.head.dep_ == "ROOT" or tok.head.head.dep_ == "ROOT")  # 'by saying', ', saying'
        if tok.dep_ not in {"ROOT", "parataxis"} and not (tok.dep_ == "conj"
                                                         and tok.head.dep_ == "ROOT") \
                and not clause:
            continue
        lemma = tok.lemma_.lower()
        speech = is_cue(tok, SPEECH | REPORT) and lemma not in NOT_REPORT
        issued = lemma in _ISSUE and any(c.dep_ == "dobj" and document_noun(c)
                                         for c in tok.children)
        if not (speech or issued):
            continue
        subj = subject_of(tok, strict=True)
        if subj is not None and _speaks(ctx, subj):
            return tok, subj
    return None


def _asks(words: str) -> bool:
    return words.rstrip(_QUOTE_CHARS + " ").endswith("?")


def _turn(ctx: _Ctx, last: Quote, content: str) -> Quote | None:
    """Whose turn a bare quote in a paragraph of its own is, in an exchange of questions and
    answers between two speakers: a question after an answer is the asker's, an answer after
    a question the other's. Only once the recent quotes show such an exchange (one asked, the
    other answered); otherwise the last speaker goes on."""
    hist = [q for q in ctx.history[-4:] if q.speaker]
    if len(hist) < 2 or hist[-1] is not last:
        return None
    other = next((q for q in reversed(hist[:-1]) if q.speaker != last.speaker), None)
    if other is None or ctx.text[other.end : last.start].count("\n") > 4:
        return None
    pair = {last.speaker, other.speaker}
    exchange = any(_asks(a.text) and a.speaker != b.speaker and {a.speaker, b.speaker} == pair
                   for a, b in zip(hist, hist[1:], strict=False))
    if exchange and _asks(content) != _asks(last.text):
        return other
    return None


def _mixed(ctx: _Ctx, m: Marked) -> Quote | None:
    """A quote inside a reported clause: climb from the quote to a cue verb outside it; else
    a cue set off in the quote's own clause ('Costs, he added, were "..."'); else the verb
    outside the quote whose argument the quote is, when its subject is someone who speaks
    ('Ann Lee proposed we "start over"', 'declaring it "a good day"'). Words in marks that
    run over a full stop ('Past mayors "were dull. Nobody laughed" beside her, Lee
    said') climb from their last sentence too, whose clause the parse may hang on the cue
    when it cut the first one off: only to a cue, then."""
    first = ctx.tok_at(m.start)
    found = _mixed_from(ctx, m, first)
    if found is not None:
        return found
    last = ctx.tok_at(max(m.start, m.end - 1))
    while last > first and ctx.doc[last].is_punct:
        last -= 1
    if ctx.sent_of(last) != ctx.sent_of(first):
        return _mixed_from(ctx, m, last, to_a_cue=True)
    return None


def _mixed_from(ctx: _Ctx, m: Marked, first: int, to_a_cue: bool = False) -> Quote | None:
    """``_mixed``, climbing from token ``first`` of the quote; only to a cue verb when
    ``to_a_cue``."""
    doc = ctx.doc
    tok = doc[first]
    path = [tok]
    for _ in range(8):
        head = tok.head
        if head.i == tok.i:  # the root (spaCy makes a new Token object each time)
            break
        if head.idx < m.outer_start or head.idx >= m.outer_end:
            # 'her remark that "..."', 'Lee's "step up" remark': the remark's owner said it
            # ('Lee's "divisive" remarks' is someone else's word for them: no amod)
            owner = _speech_noun_owner(ctx, head) if tok.dep_ in {
                "acl", "ccomp", "appos", "relcl"} or (tok.dep_ in {"compound", "nmod"}
                                                       and not _describes(ctx, m)) else None
            if owner is None and tok.dep_ in {"compound", "nmod"} and _speech_noun(head) and not (
                    _describes(ctx, m)):
                owner = next((c for c in tok.children if c.dep_ == "poss" and c.idx < m.start
                              and _speaks(ctx, c)), None)  # 'Lee's "step up" remarks'
            if owner is not None:  # 'her remark that "..."': the remark's owner said it
                lo, hi = tok.left_edge.i, tok.right_edge.i + 1
                start, end = _span(ctx, lo, hi)
                start, end = min(start, m.start), max(end, m.end)
                if tok.dep_ in {"compound", "nmod"}:
                    start, end = m.start, m.end  # the words named, not the noun they qualify
                return _make(ctx, start, _strip_end(ctx.text, start, end), "mixed", head, owner)
            if _a_name(ctx, m) and _no_one_names(head):
                return None  # 'Called "The Harbor Truth," the campaign ...': what it is called
            aspect = (tok.dep_ == "xcomp" and head.lemma_.lower() not in INTENT | TELL_LIKE)
            # ('said Reyes, as she waved a "K" flag': a clause of time beside the verb is
            # not what was said)
            if (is_cue(head) and head.lemma_.lower() in SPEECH | REPORT and not aspect
                    and not (tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children))):
                bounds = complement_bounds(head, inside=first)
                # ('the man dubbed the "Harbor King" by local papers': the papers' word)
                subj = by_agent(head) or subject_of(head)
                if bounds:
                    bounds = _cut_own_speaker(ctx, m, head, bounds)
                if bounds and _speaker_kind(ctx, subj):
                    outer = _outer_cue(ctx, m, head, bounds)
                    if outer is not None:
                        head, subj, bounds = outer
                    start, end = _span(ctx, *bounds)
                    start, end = min(start, m.start), max(end, m.end)
                    if to_a_cue:  # ... and the words before the marks, in the sentence cut off
                        start = min(start, doc[ctx.sent_starts[ctx.sent_of(
                            ctx.tok_at(m.start))]].idx)
                    end = _strip_end(ctx.text, start, end)
                    return _make(ctx, start, end, "mixed", head, subj)
        tok = head
        path.append(tok)
    if to_a_cue:
        return None
    outside = [t for t in path if not m.outer_start <= t.idx < m.outer_end]
    # 'According to Lee, the plan is "a mess"': Lee's; so are '"would help anybody",
    # according to Lee', where the parse hangs "according" on the quoted verb
    for anc in path:
        acc = next((c for c in anc.children if c.lower_ == "according" and is_cue(c)
                    and not m.outer_start <= c.idx < m.outer_end), None)  # fmt: skip
        subj = subject_of(acc) if acc is not None else None
        if acc is None or subj is None or not _speaks(ctx, subj):
            continue
        lo, hi = anc.left_edge.i, anc.right_edge.i + 1
        a_lo, a_hi = acc.left_edge.i, acc.right_edge.i + 1
        if a_hi <= ctx.tok_at(m.outer_start):
            lo = max(lo, a_hi)
        elif a_lo > ctx.tok_at(m.outer_end - 1):
            hi = min(hi, a_lo)
        else:
            continue
        start, end = _span(ctx, lo, hi)
        start, end = min(start, m.start), max(end, m.end)
        return _make(ctx, start, _strip_end(ctx.text, start, end), "mixed", acc, subj,
                     cue_text="according to")
    for anc in path:
        for c in anc.children:
            if (c.dep_ == "parataxis" and not m.outer_start <= c.idx < m.outer_end
                    and is_cue(c) and c.lemma_.lower() in SPEECH | REPORT):
                subj = subject_of(c)
                if subj is not None and subj.i > anc.left_edge.i and _speaker_kind(ctx, subj):
                    start, end = _span(ctx, anc.left_edge.i, anc.right_edge.i + 1)
                    start, end = min(start, m.start), max(end, m.end)
                    return _make(ctx, start, _strip_end(ctx.text, start, end), "mixed", c, subj)
    verb = next((t for t in outside if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.dep_ in {"amod", "aux", "auxpass", "relcl", "acl"}:
        return None
    if len(ctx.text[m.start : m.end].split()) < _MIN_ARG_WORDS:
        return None
    arg = path[path.index(verb) - 1]
    reporter = _reporter(ctx, verb)
    if reporter is not None:  # 'Lee worried that the pier was becoming "a trap"': Lee's
        cue, subj = reporter
    elif verb.lemma_.lower() in NOT_REPORT or _a_name(ctx, m):
        return None  # 'broke the "Curse of the Lame Horse"': a name, no one's words
    elif _of_a_thing(path, verb):
        return None  # 'wore a cap with "Step down, Vance" on it': the cap's words
    else:
        cue, subj = verb, subject_of(verb)
        if subj is not None and subj.dep_ == "nsubjpass" and subj.head.i != verb.i:
            return None  # 'clerks were ordered to shred "..."': the words are the
            # teller's, given to those told, and the sentence does not name who told them
    if subj is None or not _speaks(ctx, subj):
        return None
    if arg.dep_ in {"nsubj", "nsubjpass", "csubj", "appos"}:
        return None  # 'the "Idol" winner Ann Lee sang': the quote names the subject
    if reporter is None and any(t.dep_ == "appos" and t.head.pos_ == "PROPN"
                                for t in path[: path.index(arg)]):
        return None  # 'include Ada Quill, a former "safety officer" at ...': the marks set
        # off what someone named is called, and a verb that reports nothing says it (not
        # 'used the phrase "..."', the words a noun of speech names)
    if arg.dep_ == "advcl" and reporter is None:
        return None  # 'Lee retired as the "Red Tuesday" cuts went on': a clause of time
    lo, hi = arg.left_edge.i, arg.right_edge.i + 1
    for c in verb.children:  # 'declaring it "a good day"': the object goes with it
        if c.dep_ == "dobj" and verb.i < c.i < arg.i:
            lo = min(lo, c.left_edge.i)
    lo, hi = _cut_own_speaker(ctx, m, verb, (lo, hi))
    start, end = _span(ctx, lo, hi)
    start = m.start if start == m.outer_start else min(start, m.start)
    # marks stay paired: a span that opens before the quote's mark keeps its closing mark
    end = m.end if end == m.outer_end and start == m.start else max(end, m.end)
    return _make(ctx, start, _strip_end(ctx.text, start, end), "mixed", cue, subj)


_MIN_ARG_WORDS = 2
_NAME_WORDS = 4


def _no_one_names(verb: Any) -> bool:
    """A past participle with no one who calls it so: no subject that acts and no agent
    ('Called "The Harbor Truth," the campaign ...', 'a drive dubbed ...', 'who was called
    "the Velvet Fox"': the passive's subject is the one named). It tells what a thing or a
    person is called (not 'Lee called the plan ...', 'has called it ...', 'was called ...
    by Lee')."""
    return verb.tag_ == "VBN" and not any(
        c.dep_ in SUBJ_DEPS - {"nsubjpass"} or c.dep_ in {"aux", "agent"}
        for c in verb.children)


def _titles(ctx: _Ctx, m: Marked, lead_end: int) -> bool:
    """The words in the marks name the noun right before them, set off by a comma ('his
    memoir, "The Long Road Home,"'): a title in apposition."""
    doc = ctx.doc
    i = lead_end - 1
    while i > 0 and (doc[i].is_space or doc[i].text == ","):
        i -= 1
    return doc[i].pos_ == "NOUN" and not _individual(doc[i])


# (not beside another noun: 'called the plan "Harbor Folly"' is the name the speaker gave)
_NOUN_PLACES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})


def _used_as_a_noun(ctx: _Ctx, m: Marked) -> bool:
    """The words in the marks are one phrase the writer's sentence uses as a noun (its
    subject, an object): 'became a star in the glow of "Harbor Lights."'. Words someone said
    hang on a verb of saying, or stand as a clause of their own; and a name in marks inside
    what someone is reported to say is theirs ('said the council risked turning her into
    the "Iron Lady of Velk"')."""
    lo, hi = ctx.tok_at(m.start), ctx.tok_at(max(m.start, m.end - 1)) + 1
    inside = range(lo, hi)
    roots = [t for t in ctx.doc[lo:hi] if not t.is_punct and t.head.i not in inside]
    if len(roots) != 1:
        return False
    root = roots[0]
    return (root.dep_ in _NOUN_PLACES and root.pos_ in ("PROPN", "NOUN")
            and not any(is_cue(a, SPEECH) for a in root.ancestors))  # fmt: skip


def _a_name(ctx: _Ctx, m: Marked) -> bool:
    """The marks hold a short name ("Black Monday", "The Long Road Home", "iTide"): every
    word capitalised (a capital inside a word counts), no punctuation inside (a slogan
    "Kneel, Portnow" is words)."""
    inner = ctx.text[m.start : m.end].strip(" ,.")
    words = inner.split()
    named = [w for w in words if w[:1].isupper() or len(w) > 3]  # not "of", "the", "a"
    return (0 < len(named) <= _NAME_WORDS and not any(c in inner for c in ",;:!?")
            and all(not w.islower() for w in words if w[:1].isalpha() and len(w) > 3))
_REPORTER_STEPS = 6


def _reporter(ctx: _Ctx, verb: Any) -> tuple[Any, Any] | None:
    """(verb, speaker) of the nearest clause above ``verb`` that reports it: a verb of saying,
    asking or voicing a stance, whose subject speaks ('Lee worried that the pier was becoming
    ...', 'Lee is questioning whether the board would have ...'); not a view only held
    ('many believe ...'). None when no such clause holds it."""
    for steps, anc in enumerate(verb.ancestors):
        if steps >= _REPORTER_STEPS:
            break
        if anc.pos_ not in {"VERB", "AUX"} or anc.lemma_.lower() in NOT_REPORT | PRIVATE:
            continue
        if not is_cue(anc, SPEECH | REPORT) or _inside_quote_tok(ctx, anc):
            continue
        subj = subject_of(anc, strict=True)
        if subj is not None and _speaks(ctx, subj):
            return anc, subj
    return None


def _outer_cue(ctx: _Ctx, m: Marked, cue: Any, own: tuple[int, int]
               ) -> tuple[Any, Any, tuple[int, int]] | None:
    """The verb of saying that reports ``cue``'s own clause, when there is one: in 'Lee said
    Vale called the plan "a mess"' or 'He says he believes it is "over"', the quote is part of
    what the outer speaker said. A cue joined to a report as a report of its own ('hinting
    that he had cheated and even claiming that he had "sand in his pockets"') keeps its words
    (``own``) and itself: only its speaker is the outer one's."""
    found = None
    tok = cue
    second = False
    for _ in range(4):
        if tok.dep_ not in {"ccomp", "xcomp", "conj"} or tok.head.i == tok.i:
            break
        head = tok.head
        if (copula := copula_above(tok)) is not None:
            tok = copula  # 'Lee said Vale was wise to tell ...': on through the copula
            continue
        if tok.dep_ == "conj":
            second = second or (is_cue(tok, SPEECH | REPORT)
                                and not any(c.dep_ in SUBJ_DEPS for c in tok.children)
                                and any(c.dep_ == "ccomp" for c in tok.children))
            tok = head
            continue
        if head.lemma_.lower() == "report":
            break  # 'the Ledger reports that Lind said her heart "all but stopped"': it relays them
        if not (is_cue(head, SPEECH) and head.lemma_.lower() not in NOT_REPORT):
            if head.pos_ == "VERB" and head.lemma_.lower() in (REPORT | INTENT) - SPEECH:
                tok = head  # 'she expects Lee to announce ...': on to who says so
                continue
            break
        subj = subject_of(head)
        bounds = complement_bounds(head, inside=tok.i)
        if subj is None or bounds is None or not _speaks(ctx, subj):
            break
        found = (head, subj, _cut_own_speaker(ctx, m, head, bounds))
        tok = head
    if found is not None and second:
        return cue, found[1], own
    return found


def _cut_own_speaker(ctx: _Ctx, m: Marked, cue: Any, bounds: tuple[int, int]) -> tuple[int, int]:
    """The reported words end before a clause after the quote that has a speaker of its own:
    in 'the firm trumpeted "safety upgrades" that neighbors say they never saw', what follows
    "upgrades" is the neighbors' account, not the firm's."""
    lo, hi = bounds
    end_tok = ctx.tok_at(m.outer_end - 1)
    for tok in ctx.doc[end_tok + 1 : hi]:
        if tok.i == cue.i or _inside_quote_tok(ctx, tok) or tok.dep_ not in {"relcl", "acl"}:
            continue
        if not (is_cue(tok, SPEECH | REPORT) and tok.lemma_.lower() not in NOT_REPORT):
            continue
        subj = subject_of(tok, strict=True)
        if subj is None or subj.i < tok.left_edge.i or not _speaks(ctx, subj):
            continue
        cut = tok.left_edge.i
        return (lo, cut) if cut > end_tok else bounds
    return bounds


def _speaks(ctx: _Ctx, subj: Any) -> bool:
    """A subject that is someone: a person or a body, or a personal pronoun."""
    kind = _speaker_kind(ctx, subj)
    if kind == "ok":
        return True
    return kind == "mention" and (subj.lower_ in SPEAKING_PRONOUNS or subj.dep_ == "poss")


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " .,;:\n":
        end -= 1
    return end


def _according_cue(tok: Any) -> bool:
    return bool(tok.lower_ == "according" and is_cue(tok))


def _according(ctx: _Ctx, tok: Any) -> tuple[tuple[int, int], Any] | None:
    """``According to X, ...`` / ``..., according to X``: the rest of the clause. Closing the
    sentence after a clause joined to others ("knocked over two bike racks, but nobody was
    hurt, according to the operator"), it reports the whole coordination, not its last
    clause; inside a clause ("and, according to the operator, nobody was hurt") that clause
    alone."""
    subj = subject_of(tok)
    head = tok.head
    if subj is None or head.i == tok.i:
        return None
    closing = tok.i > head.i and tok.right_edge.i + 1 >= tok.sent.end - 1
    while closing and head.dep_ == "conj" and head.head.i < head.i:
        head = head.head  # (the first clause of the coordination)
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    a_lo, a_hi = tok.left_edge.i, tok.right_edge.i + 1
    before, after = (lo, a_lo), (a_hi, hi)
    side = before if before[1] - before[0] >= after[1] - after[0] else after
    return (side, subj) if side[1] - side[0] >= 3 else None


def _is_reporting(tok: Any) -> bool:
    """A verb whose clausal complement is someone's reported words, thoughts or intent. Only
    a verb of saying does so inside a clause the writer sets as background ("after the pilots
    found that ..." is the writer's account); a verb from no lexicon needs a finite
    complement ("caused the ferry to return" reports nothing)."""
    if tok.pos_ not in {"VERB", "AUX"} or tok.dep_ in {"amod", "aux", "auxpass"}:
        return False
    if tok.dep_ == "ROOT" and tok.tag_ == "VBN" and _participle_alone(tok):
        return False  # "one of the never quite answered calls is ...": no verb of the sentence
    lemma = tok.lemma_.lower()
    if lemma not in SPEECH and backgrounded(tok):
        return False
    if lemma in REPORT or lemma in INTENT:
        return True
    if lemma in NOT_REPORT or (lemma not in SPEECH and not _verb_form(tok)):
        return False  # "Kites shortstop Ivo Marsh smiled": a noun the parse took for a verb
    if lemma not in SPEECH and any(c.dep_ == "prt" for c in tok.children):
        return False  # a phrasal verb of no lexicon is an idiom: "turns out", "came out"
    # a clause before a verb of no lexicon is an earlier happening the parse hung on it ("won
    # the set, then he dropped the next"); before a verb of speaking it is the words ("The
    # season is over, Brenn sighed")
    # (a clause whose subject joins the verb's own object to the next clause's subject is
    # two happenings the parse ran together: "missed his next kick and the Gulls ran ...")
    # (nor is one whose verb is a verb of saying of its own: "heard Tom Orr say it on his
    # show" reports Orr's saying, not words of the one who heard; nor is an object with its
    # relative clause that the parse took for one: "has drawn the largest crowds Orrin has
    # known")
    return any(c.dep_ == "ccomp" and finite_clause(c) and (c.i > tok.i or lemma in SPEECH)
               and not _result_clause(tok, c)
               and (lemma in SPEECH or not (_object_joined_to_subject(c)
                                            or c.lemma_.lower() in SPEECH
                                            or _relative_run_in(c)))
               for c in tok.children)  # fmt: skip


def _result_clause(verb: Any, comp: Any) -> bool:
    """Whether a verb's "that" clause tells what a degree set in its own clause led to ("was
    thrown at such a speed that her bag flew ...", "drove so fast that ...", "so that"):
    what came of it, not words anyone said."""
    between = verb.doc[verb.i + 1 : comp.left_edge.i]
    return any(t.lower_ in ("so", "such") and t.dep_ in ("advmod", "predet", "amod", "mark")
               for t in between)


def _relative_run_in(clause: Any) -> bool:
    """Whether the parse ran a verb's object and the relative clause describing it into a
    clause of reported words: a name right before the clause's verb that the parse hung on
    the object ("has drawn the largest crowds Orrin has known": Orrin an apposition, or the
    subject with the object as its compound), not the subject a report gives ("suspect
    their nets were cut")."""
    first = min([clause, *(c for c in clause.children if c.dep_ in ("aux", "auxpass", "neg"))],
                key=lambda t: t.i)
    name = clause.doc[first.i - 1] if first.i > 0 else None
    if name is None or name.pos_ != "PROPN":
        return False
    if name.dep_ in ("nsubj", "nsubjpass") and name.head.i == clause.i:
        nouns = [c for c in name.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        return bool(nouns) and any(d.dep_ == "det" for t in (name, *nouns) for d in t.children)
    return name.dep_ in ("appos", "compound")


def _object_joined_to_subject(clause: Any) -> bool:
    """Whether a clause's subject is a noun phrase joined by "and" to another, standing right
    after the verb above it: "missed [his next kick and the Gulls] ran", the verb's object
    and the next clause's subject read as one subject."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (subj is not None and subj.left_edge.i == clause.head.i + 1
            and any(t.dep_ == "cc" for t in subj.subtree))


def _participle_alone(tok: Any) -> bool:
    """Whether a participle with no auxiliary stands before the noun it describes: the noun
    right after it is the subject of the clause that follows ("one of the never quite
    answered calls is where ...": "calls is"), so it tells no one's doing."""
    if any(c.dep_ in ("aux", "auxpass") for c in tok.children) or tok.i + 1 >= len(tok.doc):
        return False
    noun = tok.doc[tok.i + 1]
    return (noun.tag_ in ("NN", "NNS") and noun.dep_ in ("nsubj", "nsubjpass")
            and noun.head.i > noun.i)


def _verb_form(tok: Any) -> bool:
    """Whether a word tagged a verb is one: the lemmatiser lists its lemma as a verb
    (``nlp.known_verbs``), or inflected it ("texted" -> "text"), or an auxiliary goes with
    it. "Cubs shortstop Ann Lee smiled": "shortstop" is a noun the parse took for a verb.
    Without the lemmatiser's list, a past tense that is its own lemma is taken for a noun."""
    lemma = tok.lemma_.lower()
    if lemma != tok.lower_ or any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return True
    verbs = known_verbs(tok.doc.vocab)
    return lemma in verbs if verbs else tok.tag_ not in ("VBD", "VBN")


_NOT_YET = frozenset({"will", "'ll", "shall", "may", "might", "could"})


def _unsaid(verb: Any) -> bool:
    """A reporting verb that reports nothing said: words to come or that may be said ("History
    will say ...", "Fans may say ...") or that its subject says no one said ("not a single
    guard said ..."); a verb of finding with any modal ("the lender would
    find that ..."), or with an object predicate ("a driver found guilty ... could lose
    ..."), a verdict."""
    if any(c.dep_ == "aux" and c.lower_ in _NOT_YET for c in verb.children):
        return True
    if any(c.dep_ == "nsubj" and any(g.dep_ == "neg" for g in c.children)
           for c in verb.children):
        return True  # "not a single guard said ...": what no one said
    if verb.lemma_.lower() not in FINDING:
        return False
    return any((c.dep_ == "aux" and c.tag_ == "MD") or c.dep_ == "oprd" for c in verb.children
               ) or _in_a_state(verb)


def _in_a_state(verb: Any) -> bool:
    """'found herself cheering', 'found the hall locked': "find" whose only complement is a
    clause with no finite verb, the state someone or something was found in, not a finding
    anyone stated ('found that the hall had been left open'). (A poll that "showed Clinton
    leading" does report its finding.)"""
    if verb.lemma_.lower() != "find":
        return False
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    # (a participle with an object is a past tense the parse misread: "found PolitiFact
    # rated Democrats higher")
    return bool(comps) and not any(finite_clause(c) or any(
        g.dep_ in ("mark", "dobj") for g in c.children) for c in comps)


def _depth(cue: Any) -> float:
    """How deep a cue sits, for taking the outermost report first. "According to X" reports
    the clause it hangs on, and a verb of finding or thinking above it ("the crew found a
    stowaway had boarded ..., according to the official"; "Rinn learned ..., according to the
    Courier"): it counts as just above the topmost such verb. (A verb of saying above it keeps
    its words: "Blake told reporters ..., according to the Courier" is Blake's.)"""
    depth = float(sum(1 for _ in cue.ancestors))
    if not _according_cue(cue):
        return depth
    head = cue.head
    while head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() not in SPEECH:
        depth = sum(1 for _ in head.ancestors) - 0.5
        if head.head == head:
            break
        head = head.head
    return depth


def _indirect(ctx: _Ctx, taken: SpanSet) -> list[Quote]:
    """Reported speech, in each sentence the outermost report first: in "brought up by their
    aunt, who told the twins that their uncle had moved away, Ilan Wextor said" the words
    are Ilan Wextor's, the aunt's telling among them."""
    out = []
    cues = [t for t in ctx.doc if _according_cue(t) or (_is_reporting(t) and not _unsaid(t))]
    for tok in sorted(cues, key=lambda t: (ctx.sent_of(t.i), _depth(t), t.i)):
        bounds: tuple[int, int] | None
        if _according_cue(tok):
            found = _according(ctx, tok)
            if found is None:
                continue
            bounds, subj = found
        else:
            bounds = complement_bounds(tok)
            subj = subject_of(tok, strict=True)
        if bounds and subj is not None and bounds[0] < subj.i < bounds[1]:
            bounds = _cut_speaker(ctx, bounds, subj)
        if not bounds or subj is None or bounds[1] - bounds[0] < 3:
            continue
        ctx.here = overlaps(ctx.nonbody, tok.idx, tok.idx)
        if subj.lower_ in {"who", "which", "that", "you", "it", "this"} and tok.dep_ != "relcl":
            continue
        if _of_which(subj) or _relative_complement(tok):
            continue  # "files, some of which showed ...": "which" stands for things; "found
            # tools ... all of which confirmed ...": a relative clause the parse hung on "found"
        if subj.pos_ == "ADJ" and not any(c.dep_ == "prep" for c in subj.children):
            continue  # "Few believed ...", "Many thought ...": the writer's guess at unnamed
            # minds (not "Many of the farmers said", "many of whom say")
        if _describes_its_noun(tok):
            continue
        start, end = _span(ctx, *bounds)
        if (brk := ctx.text.find("\n", start, end)) > 0:
            end = brk  # reported words end with their paragraph (a list of links may follow)
        end = _strip_end(ctx.text, start, end)
        if end <= start or taken.overlaps(start, end):
            continue
        if _has_marks(ctx.text[start:end]):
            continue
        if _elided(ctx.doc[bounds[0] : bounds[1]]):
            continue  # "as Tam Vell predicts it will be" (a guide): no words of its own
        out.append(_make(ctx, start, end, "indirect", tok, subj))
        taken.add(start, end)
    return out


def _of_which(subj: Any) -> bool:
    """Whether a subject is a part of what "which" stands for ("some of which", "all of
    which"): things, never people ("two of whom" are people)."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(
        o.dep_ == "pobj" and o.tag_ == "WDT" for o in p.children) for p in subj.children)


def _relative_complement(verb: Any) -> bool:
    """Whether the verb of the clause a verb reports comes right after "which" ("...
    crowbars, all of which confirmed ...", "a note which showed ..."; adverbs aside): a
    relative clause of the noun before it, which the parse hung on the verb. It says what
    the noun did, not what anyone said."""
    doc = verb.doc
    # (only the clause the words open with: a later one the parse hung on the verb, "said
    # the council will raise a levy that ...", is part of what was said)
    for comp in [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i][:1]:
        k = comp.i - 1
        while k > verb.i and (doc[k].tag_ in ("RB", "MD")
                              or doc[k].dep_ in ("aux", "auxpass", "neg")):
            k -= 1
        if k > verb.i and doc[k].lower_ == "which":  # ("that" may be a pronoun: "said that
            return True  # was the plan all along")
    return False


def _has_marks(text: str) -> bool:
    """Whether reported words hold a quotation mark (a double one, or a straight single one
    that is no apostrophe: not "it's", "O'Neil", "the owners' offer"); such words are the
    direct and mixed readers'."""
    for m in re.finditer("[\"'\u201c\u201d]", text):
        i = m.start()
        if m[0] == "'" and i > 0 and text[i - 1].isalpha():
            after = text[i + 1 : i + 2]
            if after.isalpha() or (text[i - 1] in "sS" and not after.isalnum()):
                continue  # an apostrophe inside a word, or of a plural's owners
        return True
    return False


def _set_off_frames(ctx: _Ctx, taken: SpanSet) -> list[Quote]:
    """Reported words with their frame set off by commas inside them: "The new pier, Tomas
    Vale said, will cost the town too much" is Vale's, frame and all (the frame is a verb of
    saying the parse hangs on the clause's verb as a parataxis, after the clause's first
    words). Read before the other reported words, so a verb of the clause that only looks
    like one of saying does not take them ("All of the fuss, Vale said, means ...")."""
    out = []
    doc = ctx.doc
    for verb in doc:
        if verb.dep_ != "ROOT":
            continue
        frame = next((c for c in verb.children if c.dep_ == "parataxis" and is_cue(c)
                      and c.lemma_.lower() in SPEECH and verb.left_edge.i < c.left_edge.i
                      and c.i < verb.i), None)  # fmt: skip
        if frame is None:
            continue
        lo, hi = frame.left_edge.i, frame.right_edge.i
        while hi > lo and doc[hi].is_punct:
            hi -= 1  # (the parse hangs the commas on the frame's verb)
        while lo < hi and doc[lo].is_punct:
            lo += 1
        if doc[lo - 1].text != "," or hi + 1 >= len(doc) or doc[hi + 1].text != ",":
            continue  # not set off inside the words
        subj = subject_of(frame, strict=True)
        if subj is None or not lo <= subj.i <= hi or not _speaks(ctx, subj):
            continue
        start, end = _span(ctx, verb.left_edge.i, verb.right_edge.i + 1)
        end = _strip_end(ctx.text, start, end)
        if end <= start or taken.overlaps(start, end) or "\n" in ctx.text[start:end]:
            continue  # (a clause the parse ran across a line break is not one's words)
        if _has_marks(ctx.text[start:end]):
            continue  # quoted words are the direct and mixed readers'
        ctx.here = overlaps(ctx.nonbody, frame.idx, frame.idx)
        out.append(_make(ctx, start, end, "indirect", frame, subj))
        taken.add(start, end)
    return out


def _describes_its_noun(verb: Any) -> bool:
    """Whether a reporting verb stands in a relative clause whose reported words have no
    subject of their own: "a meeting she said took place in Orrin", "the fall, which she said
    cracked two ribs", "injuries she says have not healed". The words say what the noun is,
    as the speaker has it; alone they read as nonsense ("she said took place in Orrin").
    ("an aunt, who told the twins that their uncle had moved away" reports words with a
    subject.)"""
    if verb.dep_ not in ("relcl", "acl"):
        return False
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if not comps:
        return True
    subjects = [g for c in comps for g in c.children if g.dep_ in SUBJ_DEPS]
    return not subjects or all(g.lower_ in RELATIVE for g in subjects)


def _elided(words: Any) -> bool:
    """Whether reported words end on an auxiliary whose verb the writer left out and carry no
    word of their own ("it will be", "she should"): what they report is said elsewhere."""
    toks = [t for t in words if not t.is_punct]
    return bool(toks) and toks[-1].pos_ == "AUX" and not any(
        t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") for t in toks)


def _cut_speaker(ctx: _Ctx, bounds: tuple[int, int], subj: Any) -> tuple[int, int]:
    """Reported words that end with their own speaker, which the parse hung inside them
    ("The attacker had no links to any movement, the cousin of the attacker, Oskar Lind, from
    Port Alder, said"): they end where the speaker's phrase starts (from the person noun the
    name is set beside). Unchanged when words follow that phrase ("The plan, the mayor
    said, is dead")."""
    named = subj.pos_ == "PROPN" and subj.dep_ == "appos" and person_noun(subj.head)
    head = subj.head if named else subj  # (a name beside "the brother": from "the brother")
    lo, hi = head.left_edge.i, head.right_edge.i
    if any(not t.is_punct for t in ctx.doc[hi + 1 : bounds[1]]) or lo <= bounds[0]:
        return bounds
    return bounds[0], lo


def _merged_spans(marked: list[Marked]) -> tuple[tuple[int, int], ...]:
    """The quoted words' character spans in order, nested or overlapping ones merged."""
    out: list[tuple[int, int]] = []
    for m in sorted(marked, key=lambda m: m.start):
        if out and m.start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], m.end))
        else:
            out.append((m.start, m.end))
    return tuple(out)


def extract_quotes(article: Article, doc: Any, entities: tuple[Entity, ...],
                   nonbody: tuple[NonBody, ...] | None = None) -> tuple[Quote, ...]:
    """Direct, mixed and indirect quotes in reading order. ``nonbody`` (``find_nonbody``'s
    spans, found here when not given): no one named in a byline, a credit or a caption
    speaks a quote outside it."""
    if not article.text.strip() or len(doc) == 0:
        return ()
    if nonbody is None:
        nonbody = find_nonbody(article.text, article.title, doc)
    ctx = _Ctx(article, doc, entities, nonbody)
    marked = find_marked(article.text)
    ctx.marked = marked
    doc.user_data[QUOTED_KEY] = _merged_spans(marked)
    out: list[Quote] = []
    prev: Quote | None = None
    prev_m: Marked | None = None
    found = SpanSet()
    for m in marked:
        if found.overlaps(m.start, m.start + 1):
            continue  # already inside a mixed quote's clause
        ctx.here = overlaps(nonbody, m.start, m.start)
        try:
            q = _direct(ctx, m, prev, prev_m)
        except (IndexError, ValueError) as err:  # a parse we did not foresee: skip, go on
            log.debug("quote at %d skipped: %s", m.start, err)
            q = None
        if q is None:
            continue
        out.append(q)
        ctx.history = out
        found.add(q.start, q.end)
        if ctx.here is not None:
            continue  # a caption's or a credit's quote: the body's quotes go on without it
        if q.speaker:
            named = _ent_named(ctx, q.speaker)
            ctx.spoken.append((q.end, q.speaker, named.label if named else None))
        prev, prev_m = q, m
    taken = SpanSet([(m.outer_start, m.outer_end) for m in marked])
    for q in out:
        taken.add(q.start, q.end)
    ctx.here = None
    out.extend(_set_off_frames(ctx, taken))
    out.extend(_indirect(ctx, taken))
    out.sort(key=lambda q: (q.start, q.end))
    return tuple(_unnamed_taken_up(out))


def people_taken_up(article: Article, doc: Any, entities: tuple[Entity, ...],
                    quotes: tuple[Quote, ...] = (),
                    nonbody: tuple[NonBody, ...] = ()) -> dict[int, str]:  # fmt: skip
    """The named person each "he" or "she" subject of the narration takes up, by token
    index: the canonical name, read as a quote's "he said" is (``_resolve_person``: the
    nearest subject of that gender, then anyone named, then the speaker of the last words
    quoted). A pronoun that takes up no named person (nobody, or "a guard") is left out, and
    so is one inside quoted words or non-body text."""
    if not article.text.strip() or len(doc) == 0:
        return {}
    ctx = _Ctx(article, doc, entities, nonbody)
    ctx.marked = find_marked(article.text)
    named = {e.canonical: e for e in ctx.ents}
    ctx.spoken = [(q.end, q.speaker, named[q.speaker].label if q.speaker in named else None)
                  for q in quotes if q.kind != "indirect" and q.speaker
                  and overlaps(nonbody, q.start, q.start) is None]  # fmt: skip
    out = {}
    for tok in doc:
        if (tok.dep_ not in {"nsubj", "nsubjpass"}
                or tok.lower_ not in MALE_PRONOUNS | FEMALE_PRONOUNS
                or _inside_quote_tok(ctx, tok) or ctx.furniture(tok.idx)):
            continue
        person = _resolve_person(ctx, tok, ctx.sent_of(tok.i))
        if person is not None and person.canonical in named:
            out[tok.i] = person.canonical
    return out


_A_NOUN = re.compile(r"(?:a|an)\s+(?P<noun>[a-z][\w -]*)", re.IGNORECASE)


def _unnamed_taken_up(quotes: list[Quote]) -> list[Quote]:
    """An unnamed speaker that takes up an earlier one ("a source said ..." then "the source
    added ...", "the same source said") is that speaker: one voice, not two. Only a definite
    noun that repeats an earlier indefinite one's words, or its last word when only one
    earlier speaker ends in it ("the spokeswoman" after "a Harbor Lines spokeswoman"; "the
    spokesman" after "a source" is another, and "the source" after a court source and a
    police source may be either)."""
    first: dict[str, str] = {}  # "court source" -> "a court source", as first written
    by_noun: dict[str, set[str]] = defaultdict(set)  # "source" -> {"a court source"}
    out = []
    for q in quotes:
        said = q.speaker or ""
        if m := _A_NOUN.fullmatch(said):
            words = m["noun"].casefold()
            first.setdefault(words, said)
            by_noun[words.split()[-1]].add(first[words])
        elif said[:4].casefold() == "the " and said[4:5].islower():
            words = said[4:].casefold().removeprefix("same ")
            earlier = first.get(words)
            if earlier is None and " " not in words and len(by_noun[words]) == 1:
                earlier = next(iter(by_noun[words]))
            if earlier is not None:
                q = replace(q, speaker=earlier)
        out.append(q)
    return out
