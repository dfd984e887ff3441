"""Claims: checkable statements read from the dependency parse, one per value.

A claim says that an *attribute* of a *key* has a *value* (see ``records.Claim``):

==========  ======================================  =========================================
attribute   value (normalised)                      key (what it is about)
==========  ======================================  =========================================
count       a range: "more than 40" -> 40..None     what the counted group did and who they
                                                    are: "injure/person", "fight/firefighter"
age         years: "a 34-year-old man", "Okafor,    the person's name ("person:ruth lindqvist")
            34,", "aged 34"                         or the noun and its verb ("man/kill")
date        ISO day or month, or "XXXX-WXX-5" for   the predicate the date hangs on: the
            a weekday no publication date resolves  happening ("collapse", "shoot"), or a
                                                    sub-event ("arrest", "vigil")
time        "22:30" (minutes of the day as a range) as for dates
year        "1968"                                  verb and thing: "build/footbridge"
amount      money as a range, ``unit`` the currency the noun it is for, or verb and noun
measure     a range in base units (kg, m, l, m2)    the noun measured: "truck"
place       a sea, river, mountain or building:     the verb and preposition it is the place
            "the Sea of Velk"                       of: "land/in"
rank        which one of a series: "its 15th        the noun ranked ("test"); the series'
            missile test this year" -> 15           words in the qualifier ``series:``
==========  ======================================  =========================================

The key comes from the parse, not from word lists: the verb (or event noun) that governs the
value, taken to its lemma ("shooting" and "shot" are both ``shoot``), and for the light verbs
that only say a thing happened ("the collapse happened", "the hearing was held") the noun they
are about. Two claims compare only when their keys match, so the day of the arrest is never
compared with the day of the shooting, nor the age of the man killed with the age of the man
arrested. ``context`` lists the keys of every predicate in the sentence: the brief uses it to
compare the lead dates of two reports that name one happening with different verbs.

Values said inside a direct quotation, under negation, or as a possibility ("could", "might")
are not claims; future ones ("will reopen on April 7") carry the qualifier ``future``. The first
date and the first clock time of an article's opening sentences carry ``lead`` (and ``sequel``
when their verb is told by a happening it follows: "arrested on Sunday, after the shooting",
"charged on Saturday after allegedly opening fire").
Counts whose verb says little ("were", "had") or is missing carry ``soft``: listed, never
called a conflict.
A count in a sentence that says it is a total ("a total of", "so far": the ``totals`` of
lexicons/verbs.json) carries ``total``: a running total is not the count of one operation.
A count or age in a sentence that dates itself to another year ("the 2015 attacks killed
130") is about that earlier happening: its key gains ``@2015``.

Every other value of those kinds in the body, one no reader above takes for a claim ("had
stood empty since 1994, when ...", "saved the remaining three silos", a time inside a quote
two outlets copy), is a ``loose`` claim
keyed ``~<verb>``: it says nothing a reader could check alone, so the brief never lists it,
but it compares with the value in the same place of another outlet's copy of its sentence
(``brief/claims.py``: ``_align``).

Pure: reads the article, its parse and the other extractions; no I/O.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cached_property
from typing import Any

from lemminflect import getInflection

from ..lexicon import load_lexicon
from ..nlp import parses
from ..records import Article, Claim, Entity, NonBody, NumberClaim, Quote, TimeRef
from ..words import NIGHT, SMALL_HOURS
from .dates.lexicon import MONTHS, YEAR_RE
from .dates.rules import told_as_past
from .furniture import overlaps
from .happenings import event_noun
from .numbers import CURRENCY, counted_noun
from .numerals import parse_number, parse_ordinal
from .quotes import people_taken_up
from .quotes.cues import (
    DENIAL,
    GROUP_NOUNS,
    REPORT,
    SPEECH,
    by_agent,
    opens_sentence,
    person_noun,
    verb_under_its_subject,
)
from .quotes.marks import find_marked
from .spans import SpanSet, headline_end

log = logging.getLogger(__name__)

# verbs that attribute words: a date on them is when something was said, not a happening
REPORTING = (SPEECH & REPORT) - {"charge", "report", "testify", "open", "close", "call"}
MODAL = frozenset({"could", "might", "may", "would", "should", "must", "can"})
FUTURE = frozenset({"will", "shall", "'ll"})
PERSON_NOUNS = frozenset({"person", "people", ""})  # "12 people injured" = "12 injured"
# nouns that say only a person's sex or stage of life: "a 19-year-old man" is anyone
BARE_PERSON_NOUNS = PERSON_NOUNS | {"man", "woman", "boy", "girl", "child", "teen", "teenager",
                                    "baby", "adult", "male", "female"}
ACRONYM_MAX = 5  # letters of a word in capitals inside a sentence that is a name ("DUI")
LEAD_SENTENCES = 3  # the lead: where a report dates its happening
OPENING_SENTENCES = 10  # the opening: where it gives the counts that define it
PART = frozenset({"other", "more", "additional", "another", "remaining", "further", "extra"})
_CLOCK = re.compile(r"T(\d\d):(\d\d)")
CLOCK_ABOUT = 7  # minutes either side of "about 10:30 p.m." (times are rounded to 5 minutes)
_WRITTEN_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d\d))?\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)
_AGE_WORDS = frozenset({"aged", "age", "ages"})
# entity labels that say where someone or something is from, never who or which one
WHERE_FROM = frozenset({"NORP", "GPE", "LOC"})


# ---------------------------------------------------------------- keys from the parse


def _lexicon() -> dict[str, Any]:
    return load_lexicon("verbs")


def reports(pred: Any) -> bool:
    """Whether a verb attributes words: a reporting verb, or one that may be ("reported",
    "charged") with the reported clause beside it ("..., Orrin Radio reported Tuesday";
    not "police reported a crash")."""
    lemma = pred.lemma_.casefold()
    return lemma in REPORTING or (lemma in SPEECH & REPORT and any(
        c.dep_ == "ccomp" for c in pred.children))


def lemma_key(tok: Any) -> str:
    """The lemma a predicate is compared by: verbs by their synonym class, "-ing" event nouns
    by their verb ("shooting" -> "shoot"), other nouns by their lemma."""
    lemma = str(tok.lemma_).casefold() or str(tok.lower_)
    if tok.pos_ == "NOUN" and lemma.endswith("ing") and len(lemma) > 6:
        stem = lemma[:-3]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            stem = stem[:-1]  # "shooting" -> "shoot", "stabbing" -> "stab"
        lemma = stem
    lex = _lexicon()
    lemma = lex["nouns"].get(lemma, lemma)
    return str(lex["synonyms"].get(lemma, lemma))


def key_verb(key: str) -> str:
    """The verb (or event noun) of a claim's key: "kill" of "kill/worker@2015"."""
    return key.partition("/")[0].partition("@")[0]


def light_key(key: str) -> bool:
    """Whether a key's verb is a light verb ("had his best season", "got away with"), one
    that says little of what happened: the rest of its sentence says it."""
    return key_verb(key) in _lexicon()["light"]


def _stands_for(tok: Any, verb: Any) -> Any:
    """The noun a relative pronoun of ``verb``'s relative clause stands for ("Dev Okoro,
    who completed 28 passes": Okoro; "the field, which the family sold": the field), or
    None when ``tok`` is no such pronoun."""
    if tok.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN",
                                                                                 "PROPN"):
        return verb.head
    return None


def _subject(verb: Any) -> Any:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN", "PRON"):
            head = _stands_for(c, verb)
            ongoing = _broken_into(verb) if c.tag_ == "PRP" else None
            doer = _subject(ongoing) if ongoing is not None else None
            if doer is not None:
                return doer  # "Bekk was driving ... when he was pulled over"
            return head if head is not None else c
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head != verb:
        return _subject(verb.head)  # "was shot and killed": the subject of both
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "the footbridge, built in 1968"
    outer = _clause_it_hangs_on(verb)
    return _subject(outer) if outer is not None else None


def _clause_it_hangs_on(verb: Any) -> Any:
    """The verb whose subject a participle clause without its own subject shares: "Brant
    kept her title, stopping Voss on Saturday" and "... by stopping Voss": Brant stopped
    her. None for any other verb."""
    if verb.tag_ not in ("VBG", "VBN"):
        return None
    head = verb.head
    if verb.dep_ == "conj" and head.tag_ == verb.tag_ and head != verb:
        return _clause_it_hangs_on(head)  # "by scoring 17 points and adding five rebounds"
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head  # "by stopping", "after leaving"
    elif verb.dep_ != "advcl":
        return None
    return head if head != verb and head.pos_ in ("VERB", "AUX") else None


def _happening_noun(verb: Any) -> Any:
    """The noun a light 'it happened' verb is about ("the collapse happened", "the hearing,
    held on March 5"), or None."""
    lex = _lexicon()
    if verb.lemma_.casefold() not in lex["happen"]:
        return None
    if verb.lemma_.casefold() == "take" and not any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children
    ):
        return None
    subj = _subject(verb)
    return subj if subj is not None and subj.pos_ == "NOUN" else None


def _has_subject(verb: Any) -> bool:
    """Whether a verb has a subject of its own (active or passive)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _timed(verb: Any) -> bool:
    """Whether a verb has a day or a time of its own ("left at 9:10 a.m.", "arrested on
    Sunday")."""
    def when(tok: Any) -> bool:
        return tok.ent_type_ in ("DATE", "TIME")

    return any((c.dep_ in ("npadvmod", "tmod") and when(c))
               or (c.dep_ == "prep" and any(g.dep_ == "pobj" and when(g) for g in c.children))
               for c in verb.children)  # fmt: skip


def _when(pred: Any) -> str | None:
    """"when:<key>" for a verb in a "when" clause, the key of the happening its clause is
    one with ("four people were killed when a ferry capsized on Wednesday": the
    capsizing is the killing's happening)."""
    if pred.dep_ == "advcl" and pred.head.pos_ == "VERB" and any(
            c.dep_ == "advmod" and c.lower_ == "when" for c in pred.children):  # fmt: skip
        return f"when:{predicate_key(pred.head)}"
    return None


def predicate_key(pred: Any) -> str:
    """The key of a predicate: its lemma; for conjoined verbs the first ("was shot and killed
    Friday" is the shooting), unless each has a time of its own ("left at 9:10 a.m. and
    returned at 6:45 p.m.": two happenings; "walked in on Friday and shot a man" is one) or
    the later one is a clause with a subject and a time of its own ("crews rushed in, and the
    blaze was put out at 6:40": the putting out; but "four were killed and nine were hurt
    when ..." is the killing); for a light 'it happened' verb the noun it is about."""
    while (pred.dep_ == "conj" and pred.head.pos_ == "VERB" and pred.head != pred
           and not (_timed(pred) and (_timed(pred.head) or _has_subject(pred)))):
        pred = pred.head
    noun = _happening_noun(pred) if pred.pos_ in ("VERB", "AUX") else None
    return lemma_key(noun if noun is not None else pred)


def governing_predicate(tok: Any, limit: int = 5, happenings: frozenset[str] | None = None,
                        modifier: bool = False) -> Any:  # fmt: skip
    """The verb or event noun a value hangs on: up through prepositions, compounds and
    modifiers to the first verb, or to a noun the value's phrase modifies ("Friday's crash",
    "the vigil at 7 p.m."). With ``happenings`` (the lemmas the article also uses as verbs),
    a time passes over nouns that name no happening ("at a Vancouver business Friday night"
    dates the shooting, not the business). With ``modifier``, a value written before its
    noun as a modifier times that noun, whatever it names ("a 4:35 p.m. semifinal", "the
    8:15 a.m. train")."""
    if (modifier and tok.dep_ in ("compound", "amod", "nummod", "nmod") and tok.head != tok
            and (tok.head.pos_ == "NOUN" or tok.head.dep_ in _NOMINAL_DEPS)):  # fmt: skip
        return tok.head
    cur = tok
    for _ in range(limit):
        head = cur.head
        if head == cur or _across_lines(cur, head):
            return cur if cur.pos_ in ("VERB", "AUX", "NOUN") and cur != tok else None
        if head.pos_ == "VERB" or (head.pos_ == "AUX" and cur.dep_ in ("npadvmod", "prep",
                                                                       "nsubj", "attr")):
            return head
        if head.pos_ == "NOUN" and cur.dep_ in ("poss", "compound", "nmod", "npadvmod", "prep",
                                                "amod", "nummod", "appos"):
            if happenings is not None and not (
                    event_noun(head) or str(head.lemma_).casefold() in happenings):
                cur = head  # fmt: skip
                continue
            verb = head.head
            if (cur.dep_ == "prep" and head.dep_ in ("dobj", "nsubjpass", "attr")
                    and verb.pos_ == "VERB" and not event_noun(head)):  # fmt: skip
                # "Israel indicted a girl on Monday": a time phrase after an object dates the
                # verb, unless the object names a happening ("held a vigil on Sunday")
                return verb
            return head
        cur = head
    return None


_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})  # a noun's places


def _counted_predicate(noun: Any, num: Any) -> Any:
    """The verb of a counted group: its own clause ("firefighters who battled", "workers
    killed in the fire") before the verb it is an argument of ("killed two workers")."""
    tok = noun if noun is not None else num
    if tok is None:
        return None
    head = tok.head
    if (tok.dep_ == "dobj" and head.pos_ == "VERB"
            and head.lemma_.casefold() not in _lexicon()["light"]):  # fmt: skip
        return head  # "injuring 12 people who were crossing it": what befell them comes first
    for c in tok.children:
        if c.dep_ == "acl" and c.pos_ == "VERB":
            return c  # "workers killed in the fire"
        if c.dep_ == "relcl" and c.pos_ == "VERB" and _agrees_in_number(tok, c) and any(
            s.dep_ in ("nsubj", "nsubjpass") and s.tag_ in ("WP", "WDT") for s in c.children
        ):
            return c  # "firefighters who battled", not "people, four of whom were injured"
    cur = tok
    for _ in range(4):
        if cur.pos_ == "VERB" and cur != tok:
            return cur
        if _described(cur) is not None:
            return None  # "Orsa, a town of 380,000 people", "home to 70,000": a size
        if cur.dep_ in ("ROOT",) or cur.head == cur:
            break
        if cur.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "prep", "nummod", "conj",
                            "appos", "attr", "oprd", "npadvmod", "quantmod", "amod", "agent"):
            break
        cur = cur.head
    if cur.pos_ == "AUX" and cur != tok and any(c.dep_ in ("acomp", "attr") for c in cur.children):
        return cur  # "five people are dead"
    return cur if cur.pos_ == "VERB" and cur != tok else None


# a noun that describes another one: "Orsa, a town of ...", "is a city of ...", "home to ..."
_DESCRIBING = frozenset({"appos", "attr", "advmod"})


def _described(tok: Any) -> Any:
    """What a count gives the size of, when ``tok`` (the counted noun or a word above it) is
    the preposition of a noun that describes another: "Orsa, a town of 380,000 people" ->
    Orsa; "the island, which is home to 70,000 people" -> the island. Else None."""
    if tok.dep_ == "pobj":
        tok = tok.head
    noun = tok.head
    if tok.dep_ != "prep" or noun.pos_ != "NOUN" or noun.dep_ not in _DESCRIBING:
        return None
    if noun.dep_ == "appos" or noun.head.pos_ in ("NOUN", "PROPN"):
        return noun.head  # "Orsa, a town of", "Velden, home to"
    subject = _subject(noun.head) if noun.head.pos_ in ("VERB", "AUX") else None
    return subject if subject is not None else noun


def _agrees_in_number(noun: Any, verb: Any) -> bool:
    """Whether a relative clause can be the counted noun's: "a town of 380,000 people that
    was also flooded" is the town's (a singular verb), not the people's."""
    finite = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    numbers = {n for t in finite for n in t.morph.get("Number")}
    return not (noun.tag_ == "NNS" and numbers == {"Sing"})


_EMBEDDING = frozenset({"xcomp", "pcomp", "relcl", "acl", "csubj", "parataxis"})
_RELATIVE_PREPS = frozenset({"before", "after", "since", "until", "ahead"})
_SEQUEL_PREPS = frozenset({"before", "after", "following"})


def _main_clause(tok: Any, adverbial: bool = False) -> bool:
    """Whether a date dates what its sentence reports, not a happening it only relates to:
    no infinitive, relative or participle clause between it and the root ("wanted it to
    explain ... before Tuesday's fire"), and no "before"/"after"; with ``adverbial``, no
    adverbial clause either ("..., proposing talks next month"). A clause that tells by what
    means the sentence's happening came about is that happening ("kept her crown by stopping
    Voss on Tuesday")."""
    cur = tok
    for _ in range(12):
        if cur.head == cur or _across_lines(cur, cur.head) or verb_under_its_subject(cur):
            return True  # the root, or a title line the parser ran into the first sentence
        means = cur.dep_ == "pcomp" and cur.head.lower_ == "by"
        if ((cur.dep_ in _EMBEDDING and not means) or (adverbial and cur.dep_ == "advcl")
                or (cur.dep_ == "prep" and cur.lower_ in _RELATIVE_PREPS)):  # fmt: skip
            return False
        cur = cur.head
    return False


def _sequel(pred: Any) -> bool:
    """Whether a predicate tells a happening by another one it follows or precedes ("arrested
    on Sunday, two days after the shooting"; "was charged on Monday following the crash";
    "charged on Saturday after allegedly opening fire"): then its date is not the date of
    the happening its story leads with."""
    return any(child.dep_ == "prep" and child.lower_ in _SEQUEL_PREPS
               and any((o.dep_ == "pobj" and o.pos_ == "NOUN" and event_noun(o))
                       or (o.dep_ == "pcomp" and o.pos_ == "VERB") for o in child.children)
               for child in pred.children)  # fmt: skip


def _across_lines(a: Any, b: Any) -> bool:
    """Whether a line break separates two tokens (a headline and the first paragraph)."""
    lo, hi = sorted((a.i, b.i))  # (token by token: the doc's whole text per call was
    doc = a.doc  # quadratic on a long article)
    return any("\n" in doc[k].text_with_ws for k in range(lo, hi))


def _reported_in(noun: Any) -> bool:
    """"said in a statement Monday": the noun is where something was said."""
    head = noun.head
    return noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.casefold() in (
        REPORTING)


def agent_of(pred: Any) -> str | None:
    """The named doer of a predicate ("Halvern raised its offer", "Trisca shares fell"):
    the proper noun its subject is or is about, lowercased; None when unnamed."""
    if pred is None:
        return None
    subj = _subject(pred) if pred.pos_ in ("VERB", "AUX") else None
    if subj is None:
        return None
    by = by_agent(pred)
    if by is not None and any(c.dep_ == "nsubjpass" for c in pred.children):
        subj = by  # "the Pell Street footbridge was built by the Orrin council": the council
        if subj.left_edge.lower_ in ("a", "an"):
            return None  # "struck by a blue Honda Civic": a kind of thing, no named doer
    # a parse may give a verb two subjects ("Now a coach, Ruiz played"): the named one
    subjects = [subj, *(c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")
                        and c != subj and by is None)]  # fmt: skip
    for s in subjects:
        if s.pos_ != "PROPN":  # "the Norland ferry operator, Velmont,": the name beside it
            s = next((c for c in s.children if c.dep_ == "appos" and c.pos_ == "PROPN"), s)
        names = [t for t in (s, *s.lefts) if t.pos_ == "PROPN"]
        if names:
            return " ".join(t.lower_ for t in names)
    return None


def _mood(pred: Any) -> str | None:
    """"negated", "possible", "future" or None for a predicate's clause."""
    for c in pred.children:
        if c.dep_ == "neg":
            return "negated"
        if c.dep_ == "aux":
            word = c.lower_
            if word in MODAL:
                return "possible"
            if word in FUTURE:
                return "future"
    head = pred.head
    if pred.dep_ == "ccomp" and head != pred and _denies(head):
        return "negated"  # "denied that two were hurt", "did not say that two were hurt"
    if pred.dep_ == "xcomp" and head.lemma_.casefold() in ("plan", "expect", "schedule",
                                                           "hope", "want", "intend"):
        return "future"
    if _bare_participle(pred):
        # "will open the festival, filmed live on <day>": the clause says whether the deed
        # is still to come
        clause = pred.head if pred.dep_ == "advcl" else next(
            (a for a in pred.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return "future" if clause is not None and _mood(clause) == "future" else None
    own_subject = _has_subject(pred)
    if pred.dep_ in ("conj", "xcomp") and head != pred and head.pos_ in ("VERB", "AUX") and (
            pred.dep_ == "xcomp" or not own_subject):
        return _mood(head)  # "will vote and then adjourn"; not "will vote, and the board said"
    return None


def _bare_participle(verb: Any) -> bool:
    """"the hearing, held on March 5": a past participle describing a noun (or set off
    beside its clause), with no auxiliary or subject of its own. Not a verb of saying: "...,
    the board announced on Friday" may be parsed so, and it tells when words were said."""
    return (verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl")
            and verb.lemma_.casefold() not in REPORTING and not any(
                c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children))


def _denies(verb: Any) -> bool:
    """Whether a verb holds the clause below it untrue or unsaid: a denial ("denied",
    "disputed") or a verb of speech under "not" ("did not say", "would not confirm"); not a
    verb of knowing ("did not know that two were hurt" leaves them hurt)."""
    lemma = verb.lemma_.casefold()
    return lemma in DENIAL or (lemma in SPEECH and any(c.dep_ == "neg" for c in verb.children))


def _a_name(tok: Any) -> bool:
    """Whether a capitalised word that opens its sentence is a name: the parse or the
    recogniser says so, or the article writes it capitalised where no sentence opens
    ("Tessmoor voters approved ..." in a report that names "the mayor of Tessmoor")."""
    if tok.pos_ == "PROPN" or tok.ent_type_:
        return True
    return any(t.text == tok.text and t.i != tok.i and not opens_sentence(t) for t in tok.doc)


def _noun_phrase(tok: Any, with_det: bool = True) -> str:
    """A short written form of a noun: its compounds and adjectives ("the pedestrian
    footbridge"), without clauses or numbers; "" for a pronoun or a dateline in capitals
    (not an acronym inside the sentence: "investigation of DUI")."""
    if tok.pos_ == "PRON" or (tok.is_upper and len(tok.text) > 1 and (
            len(tok.text) > ACRONYM_MAX or tok.is_sent_start)):  # fmt: skip
        return ""
    # compounds and adjectives whole ("New York City"), and the name a name is of ("the
    # Harbor Wardens' Benevolent Association")
    keep = [c for c in tok.lefts if (c.dep_ in ("compound", "amod") or (
        c.dep_ == "poss" and c.pos_ == "PROPN" and tok.pos_ == "PROPN")) and c.pos_ != "NUM"
        and not any(t.like_num for t in c.subtree)]  # fmt: skip
    parts = [t for c in keep for t in c.subtree] + [tok]
    # a word joined to the first by a hyphen stays with it, however the parse split them:
    # "Atlanta-based Equifax", not "based Equifax"
    while parts[0].i >= 2 and parts[0].nbor(-1).text == "-" and not (
            parts[0].nbor(-1).whitespace_ or parts[0].nbor(-2).whitespace_):  # fmt: skip
        parts = [parts[0].nbor(-2), parts[0].nbor(-1), *parts]
    # written as in the text ("Wardens' Benevolent"), one space where words were apart
    words = [t.text + (" " if t.whitespace_ or (k + 1 < len(parts) and parts[k + 1].i != t.i + 1)
                       else "") for k, t in enumerate(parts)]  # fmt: skip
    first = parts[0]
    if (tok.pos_ == "NOUN" and first.is_title and opens_sentence(first)
            and not _a_name(first)):  # fmt: skip
        words[0] = words[0].lower()  # "Residents filled ..." -> "residents" ("Tessmoor
        # voters" keep their town's capital)
    if with_det and tok.pos_ in ("NOUN", "ADJ") and not tok.text[:1].isupper():
        dets = [c for c in tok.lefts if c.dep_ in ("det", "poss") and c.pos_ != "NUM"]
        det = dets[0].lower_ if dets and dets[0].lower_ not in ("a", "an", "this") else "the"
        if dets and dets[0].dep_ == "poss" and dets[0].pos_ == "PROPN":
            det = "".join(t.text_with_ws for t in dets[0].subtree).strip()  # "Ada Brill's"
        words.insert(0, det + " ")  # "their backs", "the footbridge"
    phrase = "".join(words).strip()
    # "the people of Eastfield": the place or body a common noun is of stays with it
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    named = next((o for o in of.children if o.dep_ == "pobj" and o.pos_ == "PROPN"),
                 None) if of is not None and tok.pos_ == "NOUN" else None  # fmt: skip
    if named is not None and (whose := _noun_phrase(named, with_det)):
        phrase += f" of {whose}"  # (nothing when the name is not written out: "of DUI")
    # "Officer Brenn and his partner were shot": both, not one with a plural verb
    also = [c for c in tok.rights if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    if also and (tail := _noun_phrase(also[0], with_det)):
        return f"{phrase} and {tail}"
    return phrase


def _verb_phrase(verb: Any, with_object: bool = True, exclude: Any = None,
                 numbers: bool = False) -> str:
    """The verb as written with its auxiliaries, particle and (short) object: "were killed",
    "will hold a public hearing"; a bare participle gets its "was"/"were" ("the hearing, held
    on March 5" -> "was held"). ``exclude``: a token the phrase must not take in, the claim's
    own value ("caught fire in" <the place>, not "caught fire in Tessmoor Road");
    ``numbers``: a bare number may be the object, for a claim that is no figure ("turned 23"
    on the day claimed)."""
    aux = [c.text for c in verb.lefts if c.dep_ in ("aux", "auxpass") and c.lower_ not in MODAL]
    if not aux and _bare_participle(verb):
        if _mood(verb) == "future":
            aux = ["will be"]
        elif verb.dep_ == "acl":
            aux = ["were" if verb.head.tag_ in ("NNS", "NNPS") else "was"]
    # how, right before the verb, is part of what happened: "were slightly hurt" is not
    # "were hurt" beside "four were seriously hurt"
    how = [c.text for c in verb.lefts if c.dep_ == "advmod" and c.i == verb.i - 1
           and c.tag_ == "RB" and c.lower_.endswith("ly")]
    # the particle, or an adverb the parse hangs on the verb between it and its object
    # ("turned away two girls", "sent home 40 workers")
    dobj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    prt = [c.text for c in verb.rights if c.dep_ == "prt" or (
        c.dep_ == "advmod" and dobj is not None and c.i == verb.i + 1 < dobj.i
        and c.tag_ in ("RB", "RP") and not c.lower_.endswith("ly"))] + _second_predicate(verb)
    def kept(o: Any) -> bool:
        return exclude is None or (o.i != exclude.i and exclude not in o.subtree)

    obj = [c for c in verb.rights if c.dep_ == "dobj" and kept(c) and (
        _nominal(c) or (numbers and c.pos_ == "NUM"))] if with_object else []  # fmt: skip
    if with_object and not obj and _object_told_before(verb) and verb.head != exclude:
        obj = [verb.head]  # "the shares Marek received on Thursday": she received the shares
    # "took effect", not "took the effect": a determiner only where the text has one; a
    # pronoun as written ("fined her in 2029", not "fined in 2029")
    def as_written(noun: Any) -> str:
        phrase = _noun_phrase(noun, with_det=any(c.dep_ in ("det", "poss") for c in noun.lefts))
        number = _number_of(noun) if noun.pos_ == "NOUN" else None
        return f"{number} {phrase}" if number and not phrase.startswith(("the ", "a ")) \
            else phrase  # "arrested three men", "registered 1.1 million visitors"

    tail = [obj[0].text if obj[0].pos_ == "PRON" else as_written(obj[0])] if obj else []
    if with_object and not obj and (goal := _sought(verb)) is not None:
        tail = [f"for {as_written(goal)}"]  # "are looking for new drivers"
    if with_object and not tail and (path := _path(verb, kept)) is not None:
        tail = [path.doc[path.head.i : path.i + 1].text]  # "crawled through a hedge"
    if obj:  # "made its bid for Trisca": whose or what the object is, when the text names it;
        # what it is "of", named or not ("questioned the efficacy of the flood gates")
        tail += [f"{p.text} {np}" for p in obj[0].rights
                 if p.dep_ == "prep" and p.lower_ in ("for", "of", "on", "against")
                 for o in p.children if o.dep_ == "pobj" and kept(o) and (
                     o.pos_ == "PROPN" or (p.lower_ == "of" and o.pos_ == "NOUN"))
                 and (np := _noun_phrase(o))][:1]
        if len(tail) == 1 and _bare(obj[0]):  # "took aim at Orrin Social", "took part in the
            # race": a verb and a bare noun that say one thing keep whom or what it is at
            tail += [f"{p.text} {np}" for p in verb.rights
                     if p.dep_ == "prep" and p.i == obj[0].i + 1
                     for o in p.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")
                     and o.ent_type_ not in ("DATE", "TIME") and not o.like_num and kept(o)
                     and (np := _noun_phrase(o))][:1]
    return " ".join([*aux, *how, _finite(verb) if not aux else verb.text, *prt, *tail])


def _bare(noun: Any) -> bool:
    """A singular common noun with nothing before it ("aim", "part", "office"): with its verb
    it says one thing ("took aim", "took part")."""
    return noun.tag_ == "NN" and not any(c.dep_ != "punct" and c.i < noun.i for c in noun.children)


def _sought(verb: Any) -> Any:
    """What a verb without an object is for, when that is a thing, not a time or a number:
    "six firms are looking for new drivers" (not "worked for 10 years", "for a week")."""
    for prep in verb.rights:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for obj in prep.children:
                if (obj.dep_ == "pobj" and obj.pos_ == "NOUN" and not obj.ent_type_
                        and not any(c.dep_ == "nummod" for c in obj.children)):
                    return obj
    return None


# prepositions of a path: what a verb of moving goes through, into or over is what happened
PATH = frozenset({"through", "into", "onto", "over", "across", "off"})


def _path(verb: Any, kept: Callable[[Any], bool]) -> Any:
    """The noun of the path a verb without an object takes, right after it: "the girl crawled
    through a hedge" (not "crawled on Sunday", "fell into 2030")."""
    for prep in verb.rights:
        if prep.dep_ == "prep" and prep.i == verb.i + 1 and prep.lower_ in PATH:
            for obj in prep.children:
                if (obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN") and kept(obj)
                        and obj.ent_type_ not in ("DATE", "TIME") and not obj.like_num):
                    return obj
    return None


def _finite(verb: Any) -> str:
    """A participle clause's verb in the tense of the clause it hangs on, as a statement
    needs it ("an earthquake hit the island, injuring five" -> "injured"); any other verb as
    written."""
    outer = _clause_it_hangs_on(verb) if verb.tag_ == "VBG" else None
    if outer is None:
        return str(verb.text)
    return _inflected(verb, outer.tag_ if outer.tag_ in ("VBD", "VBZ", "VBP") else "VBD")


def _inflected(verb: Any, tag: str) -> str:
    """``verb`` in the form of a Penn tag (lemminflect), else as written."""
    forms = getInflection(str(verb.lemma_).casefold(), tag=tag)
    return str(forms[0]) if forms else str(verb.text)


def _object_told_before(verb: Any) -> bool:
    """Whether a relative clause's object is the noun it tells of ("the shares Marek and
    others received": its subject is its own, and it has no object of its own)."""
    return (verb.dep_ == "relcl" and verb.head.pos_ == "NOUN"
            and any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in verb.children)
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp")
                        for c in verb.children))  # fmt: skip


def _nominal(tok: Any) -> bool:
    """A noun, a pronoun, a name ("founded Velk Ferries") or an adjective used as a noun
    ("feared the worst")."""
    return bool(tok.pos_ in ("NOUN", "PRON", "PROPN") or (
        tok.pos_ == "ADJ" and any(c.dep_ == "det" for c in tok.lefts)))


def _second_predicate(verb: Any) -> list[str]:
    """The word that completes what the verb says of its subject or object: "found dead",
    "left homeless", "feared trapped", "reported missing" ("found" alone says another
    thing). One adjective or participle the parse hangs on the verb as its complement, not a
    clause ("expected to attend" is its own verb)."""
    for c in verb.rights:
        if (c.dep_ in ("oprd", "acomp", "xcomp") and (c.pos_ == "ADJ" or c.tag_ in ("VBN", "VBG"))
                and not any(g.dep_ in ("aux", "dobj", "nsubj", "mark") for g in c.children)):
            return [c.text]
    return []


def participle(verb: Any) -> str:
    """"killed" for "killing"/"kill"/"killed": the past participle a statement needs."""
    if verb.tag_ in ("VBN", "VBD"):
        return str(verb.text)
    return _inflected(verb, "VBN")


def _clause(pred: Any, exclude: Any = None, numbers: bool = False) -> tuple[str, str]:
    """(subject, predicate) as written, for the statement a reader sees. A counted subject
    keeps its number: "four people were released on Wednesday", not "the people", which
    tells of people already known. ``exclude``, ``numbers``: see ``_verb_phrase``."""
    if pred.pos_ == "NOUN":
        return _noun_phrase(pred), ""
    subj = _subject(pred)
    subject = "" if subj is None else _noun_phrase(subj)
    number = _number_of(subj) if subj is not None else None
    if number is not None and subject.startswith("the ") and not any(
            c.dep_ in ("det", "poss") for c in subj.children):  # fmt: skip
        subject = f"{number} {subject[4:]}"
    return subject, _verb_phrase(pred, exclude=exclude, numbers=numbers)


def _number_of(noun: Any) -> str | None:
    """The number a noun is counted by, as written ("four" people, "1.1 million" visitors;
    a capital of a sentence start lowered), or None."""
    num = next((c for c in noun.children if c.dep_ == "nummod" and c.like_num), None)
    if num is None:
        return None
    words = list(num.subtree)
    if not all(t.i < noun.i for t in words):
        return None
    if not all(t.like_num or t.pos_ == "NUM" for t in words):
        return None  # "more than 40": a bound the statement words on its own
    text = str(noun.doc[words[0].i : words[-1].i + 1].text)
    return text[:1].lower() + text[1:] if words[0].is_title else text


def _context(sent: Any, speaker: Any = None) -> tuple[str, ...]:
    """The verbs and nouns of a sentence (reporting verbs aside), as lemma keys; with
    ``speaker``, the subject of a reporting verb, only what was said ("the Orrin water board
    said Monday that it would raise rates": raise, rate)."""
    skip = set() if speaker is None else {t.i for t in speaker.subtree}
    keys = {
        lemma_key(t) for t in sent
        if t.pos_ in ("VERB", "NOUN") and t.lemma_.casefold() not in REPORTING and t.is_alpha
        and t.i not in skip
    }  # fmt: skip
    return tuple(sorted(keys))


# ---------------------------------------------------------------- the extractor


class _Reader:
    """One article's parse with what every claim needs: sentences, quotes, years."""

    def __init__(self, article: Article, doc: Any, quotes: Sequence[Quote],
                 times: Sequence[TimeRef], people: Mapping[int, str],
                 nonbody: Sequence[NonBody] = ()) -> None:  # fmt: skip
        self.article = article
        self.doc = doc
        self.people = people  # "he"/"she" subject (token index) -> the person's name
        self.quoted = SpanSet(_speakers_words(article.text, quotes))
        self.sents = list(doc.sents)
        self.sent_starts = [s.start_char for s in self.sents]
        self._context: dict[int, tuple[str, ...]] = {}
        self._more_of: defaultdict[int, set[int]] | None = None  # sentence -> numbers "more" of
        # the day the dates were read against: the publication, else a dateline's day
        anchors = [t.anchor.partition(":")[2] for t in times
                   if t.anchor and t.anchor.startswith(("published:", "dateline:"))]  # fmt: skip
        self.published = article.published or (anchors[0] if anchors else "")
        long_ones = [i for i, s in enumerate(self.sents) if len(s) >= 8]
        self.lead_end = (
            self.sents[long_ones[min(LEAD_SENTENCES, len(long_ones)) - 1]].end_char
            if long_ones else 0
        )  # fmt: skip
        self.opening_end = (
            self.sents[long_ones[min(OPENING_SENTENCES, len(long_ones)) - 1]].end_char
            if long_ones else 0
        )  # fmt: skip
        # sentence -> (month or year, where it is written): the span a sentence speaks of.
        # A day is a happening's date (a Thursday in late December is this story's, not
        # last year's)
        self.spans: dict[int, list[tuple[str, int]]] = {}
        for t in times:
            value = t.value or _bare_month(t.text)
            if t.type == "DATE" and value and (
                    re.fullmatch(r"XXXX-\d\d", value)
                    or (re.fullmatch(r"\d{4}(-\d\d)?", value) and YEAR_RE.match(value))):
                # (a year claims may give: "1130 KVLK" is a station, not a year recalled)
                i = self.sentence_index(t.start)
                if i is not None:
                    self.spans.setdefault(i, []).append((value, t.start))
        # nouns this article also uses as verbs name happenings ("the collapse" / "collapsed")
        self.happenings = frozenset(str(t.lemma_).casefold() for t in doc if t.pos_ == "VERB")
        # the headline (and any page header run into it) repeats or garbles the body
        self.title_end = headline_end(article.text, article.title)
        # the end of the lead: the body's first sentence (not a headline, stamp or caption)
        furniture = tuple(nonbody)
        self.first_end = next(
            (s.end_char for s in (self.sents[i] for i in long_ones)
             if s.start_char >= self.title_end
             and overlaps(furniture, s.start_char, s.end_char) is None), 0)

    @cached_property
    def labels(self) -> frozenset[str]:
        """Numbers this text sets before one thing, so they name rather than count: "a 911
        dispatcher", "the 112 supervisor" (three digits or more, not a year: "a 15 minute
        drive" measures, "the 2005 season" dates). Its "911 calls" are then of that line,
        not 911 calls."""
        out = set()
        for tok in self.doc:
            nxt = tok.nbor(1) if tok.i + 1 < len(self.doc) else None
            if (tok.text.isdigit() and len(tok.text) >= 3 and not YEAR_RE.fullmatch(tok.text)
                    and nxt is not None and nxt.tag_ == "NN" and nxt.pos_ == "NOUN"
                    and nxt.idx == tok.idx + len(tok.text) + 1):  # fmt: skip
                out.add(tok.text)
        return frozenset(out)

    def sentence_index(self, offset: int) -> int | None:
        import bisect

        i = bisect.bisect_right(self.sent_starts, offset) - 1
        return i if i >= 0 else None

    def more_added(self, num: Any) -> bool:
        """Whether the count's sentence adds "N more" to another count ("ran for seven
        touchdowns on sweeps and added two more on sneaks"): it counts in parts, so its
        counts are parts of a whole, as a total is the sum of parts ("more than 40" adds
        nothing). The numbers "more" is said of are found once per article, by sentence."""
        if self._more_of is None:
            self._more_of = defaultdict(set)
            for i, sent in enumerate(self.sents):
                for tok in sent:
                    if (tok.lower_ == "more" and tok.head.like_num
                            and not (tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "than")):
                        self._more_of[i].add(tok.head.i)
        at = self.sentence_index(num.idx)
        return at is not None and bool(self._more_of.get(at, set()) - {num.i})

    def context(self, offset: int) -> tuple[str, ...]:
        i = self.sentence_index(offset)
        if i is None:
            return ()
        if i not in self._context:
            self._context[i] = _context(self.sents[i])
        return self._context[i]

    def recalled(self, offset: int, pred: Any = None) -> str | None:
        """The span a sentence speaks of, when not the day of a happening: an earlier year
        ("the 2015 attacks"), or a month or year ("this year, raiders have boarded nearly 60
        trawlers", "so far in March"). With ``pred``, only a span written in that predicate's
        clause: in "was drafted in 1998 and played 11 seasons" the seasons are not of 1998."""
        i = self.sentence_index(offset)
        if i is None:
            return None
        spans = sorted(v for v, at in self.spans.get(i, ()) if self._in_clause(at, pred))
        return spans[0] if spans else None

    def _in_clause(self, at: int, pred: Any) -> bool:
        """Whether the date written at ``at`` belongs to ``pred``'s clause: its verb is
        ``pred``, a clause inside it or one ``pred`` hangs on ("struck in 2027, killing
        2,400"), but not a verb ``pred`` is only joined to ("was drafted in 1998 and played
        11 seasons", "has spent 19 seasons and was promoted in 2003") unless the date is in
        the subject they share ("the 2015 attacks killed 130 and injured 400")."""
        if pred is None:
            return True
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            return True
        tok = span[0]
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb == pred:
            return True
        if verb.dep_ in ("acl", "relcl") and pred in verb.ancestors:
            return False  # "Ruiz, drafted in 1998, played 11 seasons": the drafting's year
        low, high = (verb, pred) if pred in verb.ancestors else (pred, verb)
        if high not in low.ancestors:
            return False  # clauses on two branches of the sentence
        joined = False  # "killing 2,400" hangs on "struck in 2027": one clause's time
        while low != high:
            joined = joined or low.dep_ == "conj"
            low = low.head
        if not joined:
            return True
        return any(c.dep_ in ("nsubj", "nsubjpass") and tok in c.subtree
                   for c in verb.children)  # fmt: skip

    def within_a_year(self, value: str) -> bool:
        """Whether a recalled month or day ("last month", "in October") is less than a year
        before the publication; False when either is unknown or only a year."""
        pub = re.match(r"(\d{4})-(\d\d)", self.published)
        when = re.match(r"(\d{4})-(\d\d)", value)
        if pub is None or when is None:
            return False
        return 0 <= (int(pub[1]) - int(when[1])) * 12 + int(pub[2]) - int(when[2]) < 12

    def span(self, start: int, end: int) -> Any:
        return self.doc.char_span(start, end, alignment_mode="expand")


def _speakers_words(text: str, quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """The spans that are a speaker's own words: a direct quote whole, and of a mixed quote
    ("nominated Mira Castell, 52, as ..., the \"leading voice\" in the nation") only the
    words inside its marks; the narration around them is the outlet's, as in an indirect
    quote."""
    spans = [(q.start, q.end) for q in quotes if q.kind == "direct"]
    mixed = [(q.start, q.end) for q in quotes if q.kind == "mixed"]
    if mixed:
        spans += [(m.start, m.end) for m in find_marked(text)
                  if any(a <= m.start and m.end <= b for a, b in mixed)]  # fmt: skip
    return spans


def _bare_month(text: str) -> str | None:
    """"XXXX-01" for "In January" or "late January" that nothing gave a year to: a month is
    still another time than the day a report leads with."""
    words = text.casefold().replace(".", "").split()
    if any(w.isdigit() for w in words):
        return None  # "6 December", "January 12": a day, the happening's own
    month = MONTHS.get(words[-1]) if words and len(words) <= 2 else None
    return f"XXXX-{month:02d}" if month is not None else None


def _qualifiers(*items: str | None) -> tuple[str, ...]:
    return tuple(sorted({q for q in items if q}))


def _count_key(pred: Any, noun: Any, group: str | None = None) -> tuple[str, bool]:
    """("injure/person", firm) for a counted group (``group``: of a count with no noun, what
    its verb says it counts)."""
    lex = _lexicon()
    noun_lemma = lemma_key(noun) if noun is not None else ""
    if noun_lemma in lex["casualty_nouns"]:  # "12 deaths", "the death toll rose to 77"
        return f"{lex['casualty_nouns'][noun_lemma]}/person", True
    group = group or ("person" if noun_lemma in PERSON_NOUNS else noun_lemma)
    if noun is not None:  # "AK-47 rifles" are not all "rifles"; "NYPD officers" are officers
        kinds = [c.lower_ for c in noun.lefts if c.dep_ == "compound" and c.pos_ != "NUM"
                 and any(ch.isdigit() for ch in c.text)]  # fmt: skip
        group = " ".join([*kinds, group])
    if pred is None:
        return f"-/{group}", False
    state = [c for c in pred.children if c.dep_ in ("acomp", "attr") and c.pos_ in ("ADJ",
                                                                              "VERB")]
    if pred.lemma_.casefold() == "be" and state:
        # "five people are dead", "three were injured", "two are missing": the state is
        # what happened to the group
        word = str(state[0].lemma_).casefold()
        word = lex["casualty_nouns"].get(word, lex["synonyms"].get(word, word))
        return f"{word}/{group}", True
    verb = lemma_key(pred)
    prt = [c.lower_ if c.dep_ == "prt" else str(c.lemma_).casefold() for c in pred.children
           if (c.dep_ == "prt" and c.lower_ in lex["particles"])
           or (c.dep_ == "dobj" and str(c.lemma_).casefold() in lex["particles"])
           ]  # fmt: skip  ("turned their backs" is "turn back")
    if prt and " " not in verb:
        verb = f"{verb} {prt[0]}"
    if verb == "rise" or verb in ("reach", "climb", "stand"):
        subj = _subject(pred)
        if subj is not None and lemma_key(subj) in lex["casualty_nouns"]:
            return f"{lex['casualty_nouns'][lemma_key(subj)]}/person", True
    firm = pred.lemma_.casefold() not in lex["light"] and verb not in lex["light"]
    return f"{verb}/{group}", firm


def _number_claims(r: _Reader, numbers: Iterable[NumberClaim]) -> list[Claim]:
    units = load_lexicon("units")
    out = []
    for n in numbers:
        if r.quoted.overlaps(n.start, n.end) or (n.low is None and n.high is None):
            continue
        num, noun = counted_noun(r.doc, n.start, n.end)
        if num is None:
            continue
        unit = n.unit or ""
        if unit in CURRENCY.values():
            claim = _amount_claim(r, n, num, noun)
        elif unit in units:
            claim = _measure_claim(r, n, num, noun, units[unit])
        elif _hyphened(r.article.text, n.end):
            claim = None  # "a 12-member panel", "a 170,000-square-foot hall" count no panels
        elif unit and unit != "percent":
            claim = _count_claim(r, n, num, noun)
        elif not unit and noun is None:
            claim = _members_claim(r, n, num) or _people_count(r, n, num)
        else:
            claim = None
        if claim is not None:
            out.append(claim)
    return out


_PARTITIVE = frozenset({"which", "whom", "them", "those"})


def _a_part(num: Any) -> bool:
    """Whether a number counts a part of a group told elsewhere: "another 40" (beyond some
    already counted), "four of whom", "of which four" (of a count just given)."""
    if any(c.dep_ == "det" and c.lower_ == "another" for c in num.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "of"
           and any(o.lower_ in _PARTITIVE for o in c.children) for c in num.children):
        return True
    return (num.i >= 2 and num.nbor(-2).lower_ == "of"
            and num.nbor(-1).lower_ in _PARTITIVE)


def _people_count(r: _Reader, n: NumberClaim, num: Any) -> Claim | None:
    """A number with no noun that its verb says counts people: the subject or object of a
    verb of a class that befalls or is done by people (``of_people`` of lexicons/verbs.json:
    "50 were injured", "killing 10 people and injuring 70", "two were arrested")."""
    verb = num.head
    if num.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.pos_ != "VERB":
        return None
    if lemma_key(verb) not in _lexicon()["of_people"]:
        return None
    return _count_claim(r, replace(n, unit="person"), num, None)


def _members_claim(r: _Reader, n: NumberClaim, num: Any) -> Claim | None:
    """A number "of" one person, with no noun of its own: how many that one has ("a mother
    of 12", "a father of three"), keyed by the noun and "of" ("mother of"). A body or a
    place "of" a number ("a crew of 20", "a town of 38,000") is made of them, which an
    outlet rounds; a year is no count."""
    holder = num.head.head if num.dep_ == "pobj" and num.head.lower_ == "of" else None
    if (holder is None or holder.pos_ != "NOUN" or not person_noun(holder)
            or holder.lemma_.casefold() in GROUP_NOUNS or n.low is None or n.low != n.high
            or n.low < 2 or YEAR_RE.fullmatch(n.text)):
        return None
    pred = _counted_predicate(holder, None) or governing_predicate(holder)
    mood = _mood(pred) if pred is not None else None
    if mood in ("negated", "possible"):
        return None
    # shown in its own words, the value in its place: "a Velk mother of {}"; what it counts
    # is "mother of" (a count with no unit would read as one of people: "12 people")
    words = r.article.text[holder.left_edge.idx : n.start] + "{}"
    key = f"{lemma_key(holder)} of"
    return Claim("count", key, _range_value(n.low, n.high), n.text,
                 n.start, n.end, n.low, n.high, "", words, key, r.context(n.start),
                 _qualifiers("approx" if n.approx else None, mood,
                             "opening" if n.start < r.opening_end else None))  # fmt: skip


def _hyphened(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` is joined by a hyphen to the word after it ("a
    12-member panel"; also as some feeds space it, "a 170, 000 - square - foot hall"), not
    set off by a dash ("six -- the most since")."""
    return re.match(r" ?-(?!-) ?[A-Za-z]", text[end : end + 4]) is not None


# prepositions of a setting: "injured in 112 accidents", "during five raids", "over 3 days"
_SETTING = frozenset({"in", "during", "over", "across", "within", "throughout", "after",
                      "before", "since", "at", "on"})  # fmt: skip


# prepositions of a stretch a count is told over: "over his past two games", "since Week 9"
_STRETCH = frozenset({"in", "during", "since", "over", "throughout", "within", "through"})
# words that place a stretch in a sequence, as a number does: "the last game", "the final run"
SEQUENCE = frozenset({"last", "past", "next", "previous", "final", "first", "opening"})


def _stretch(pred: Any, num: Any) -> str | None:
    """"stretch:<words>" when the count's verb is told over a counted or ordered stretch
    ("three touchdowns over his past two games", "since Week 9"), also one put before a row of
    verbs ("During the final 12-0 run, she hit two free throws ... and blocked three
    shots"): a part of a whole, which a count without that stretch (or over another) does
    not contradict. A year is a time, not a stretch (``recalled`` keys it)."""
    verbs = [pred]
    while verbs[-1].dep_ == "conj" and verbs[-1].head not in verbs:
        verbs.append(verbs[-1].head)
    for then in (c for c in pred.children if c.dep_ == "npadvmod" and c.pos_ == "NOUN"):
        det = [d for d in then.children if d.dep_ == "det" and d.lower_ in ("that", "those")]
        if det:  # "started nine games that season": a time the text told before
            return f"stretch:{det[0].lower_} {then.text}"
    for verb in verbs:
        for prep in verb.children:
            if (prep.dep_ != "prep" or prep.lower_ not in _STRETCH
                    or verb is not pred and prep.i > verb.i):  # fmt: skip
                continue  # "was drafted in 1998 and played 11 seasons": not the seasons'
            heads = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ != "VERB"] or [
                t for v in prep.children if v.dep_ in ("pobj", "pcomp") and v.pos_ == "VERB"
                for t in v.children if t.dep_ in ("nsubj", "dobj") and t.pos_ == "NOUN"]
            # (a phrase the parse read as a clause: "During the match's deciding 9-2 run" as
            # "the match is deciding a run")
            for head in heads:
                words = sorted([head, *(t for t in head.children if t.dep_ in _STRETCH_MODS)],
                               key=lambda t: t.i)  # fmt: skip
                if num in words or any(YEAR_RE.fullmatch(t.text) for t in words):
                    continue
                if any(t.pos_ == "NUM" or t.ent_type_ == "ORDINAL" or t.lower_ in SEQUENCE
                       for t in words):  # fmt: skip
                    # as written, for the reader: "over his past two games"
                    phrase = prep.doc[prep.i : max(t.i for t in words) + 1].text
                    if prep.is_sent_start:  # "During the final run, ...": mid-sentence now
                        phrase = phrase[:1].lower() + phrase[1:]
                    return "stretch:" + " ".join(phrase.split())
    return None


_STRETCH_MODS = frozenset({"nummod", "amod", "compound", "quantmod"})


def _no_count(n: NumberClaim, num: Any, noun: Any) -> bool:
    """Whether a number names or picks out rather than counts: "200 Front Street", "one
    woman", "the 12000 block of", "a .357 caliber revolver", or is a year the time tagger
    left ("found guilty in 1991 of fraud")."""
    if noun is not None and noun.pos_ != "NOUN" or (n.low == n.high == 1):
        return True
    if YEAR_RE.fullmatch(n.text) and num.i > 0 and num.nbor(-1).dep_ == "prep":
        return True
    return noun is not None and noun.tag_ == "NN" and (n.low or 0) > 1 and (
        noun.dep_ in ("compound", "npadvmod", "nmod") and noun.head.pos_ == "NOUN"
        or num.i > 0 and num.nbor(-1).lower_ == "the")  # fmt: skip


def _named_again(noun: Any) -> bool:
    """Whether a counted noun names a group the reader already knows, as a noun's complement:
    "the two workers" in "photographs of the two workers", "in memory of the two workers".
    (A group the sentence acts on, "shot the three guards", or tells more of, "the hearing of
    the three youths charged with burning ...", is counted.)"""
    return (noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of"
            and noun.head.head.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
            and not any(c.dep_ in ("acl", "relcl", "amod", "prep", "compound")
                        for c in noun.children))


_OF_AFTER = re.compile(r"\s+of\s+([\w.,-]+)")
_OF_BEFORE = re.compile(r"([\w.,-]+)\s+of\s+$")


def _a_ratio(text: str, n: NumberClaim) -> bool:
    """Whether a number is one of "23 of 31" ("completed 23 of 31 passes", "won nine of
    twelve games"): a part out of a whole, not a count of what the verb did, however
    either number is written. "One of six children" counts the six."""
    def number(m: re.Match[str] | None) -> float | None:
        word = m[1] if m is not None else ""
        return None if word.casefold() in ("", "a", "an") else parse_number(word)

    whole = number(_OF_AFTER.match(text, n.end))
    part = number(_OF_BEFORE.search(text[max(0, n.start - 40) : n.start]))
    return whole is not None or (part is not None and part > 1)


def _count_claim(r: _Reader, n: NumberClaim, num: Any, noun: Any) -> Claim | None:
    if _no_count(n, num, noun) or _a_ratio(r.article.text, n) or n.text in r.labels:
        return None
    if noun is not None and any(c.dep_ == "amod" and c.lower_ in PART for c in noun.children):
        return None  # "three other rifles": a part of what another number counts
    if _named_again(noun):
        return None  # "photographs of the two workers": the known group, not a count
    pred = _counted_predicate(noun, num)
    # "14 people were hurt in 87 crashes", "charged on two counts": the setting, not
    # the group the verb is about; it is keyed with its preposition and shown in its words
    setting = noun.head.lower_ if noun is not None and pred is not None and (
        noun.dep_ == "pobj" and noun.head.head == pred and noun.head.lower_ in _SETTING) else None
    mood = _mood(pred) if pred is not None else None
    if mood in ("negated", "possible"):
        return None
    key, firm = _count_key(pred, noun, "person" if noun is None and n.unit == "person" else None)
    owner = _described(noun) if noun is not None else None
    if owner is not None:  # the size of a place or a body, keyed by what it is the size of
        key, firm = f"size/{lemma_key(owner)}", False
    if setting:
        key = f"{key.partition('/')[0]}/{setting} {lemma_key(noun)}"
    sentence = num.sent.text.casefold()
    total = any(re.search(rf"\b{t}\b", sentence) for t in _lexicon()["totals"])
    recalled = r.recalled(n.start, pred)
    if recalled:
        key += f"@{recalled}"
    subject, predicate, role = _count_wording(pred, noun, num)
    if not firm or setting:
        # "Dorsey had six catches", "1,500 cots were ready": the verb says nothing of the
        # group, so the count compares only with a sentence that says much the same
        subject, predicate, role = "", _around(r, n.start, n.end), None
    return Claim(
        "count", key, _range_value(n.low, n.high), n.text, n.start, n.end, n.low, n.high,
        subject, predicate, n.unit, r.context(n.start),
        _qualifiers(None if firm else "weak", "approx" if n.approx else None, mood, role,
                    "opening" if n.start < r.opening_end else None,
                    "total" if total else None,
                    "part" if r.more_added(num) or _a_part(num) else None,
                    _agent(pred, r.people),
                    _stretch(pred, num) if pred is not None else None),
    )  # fmt: skip


def _count_wording(pred: Any, noun: Any, num: Any) -> tuple[str, str, str | None]:
    """(subject, predicate, "object" or None): "2 workers were killed" keeps the counted noun
    as its subject; "the fire killed 2 workers" is worded with the qualifier ``object``
    (predicate "the fire killed", subject "workers"); "injuring 12 people" and "workers killed
    in the fire" as "12 people injured", "2 workers killed"."""
    counted = _counted_words(noun, num) if noun is not None else ""
    if pred is None:
        return counted, "", None
    tok = noun if noun is not None else num
    # (the parse often hangs a counted object on its verb as an adverb: "scored 11 points")
    if tok.dep_ in ("dobj", "npadvmod") and tok.head == pred:
        subj = _subject(pred)
        subject = _noun_phrase(subj) if subj is not None else ""
        if subject:
            return counted, f"{subject} {_verb_phrase(pred, with_object=False)}", "object"
        return counted, participle(pred), None
    if pred.dep_ in ("acl", "relcl") and pred.head == tok:
        return counted, _verb_phrase(pred, exclude=tok) if pred.dep_ == "relcl" else (
            " ".join([participle(pred), *_second_predicate(pred)])), None
    if pred.tag_ in ("VBG", "VB", "VBP", "VBZ") and tok.dep_ not in ("nsubj", "nsubjpass"):
        return counted, " ".join([participle(pred), *_second_predicate(pred)]), None
    return counted, _verb_phrase(pred, exclude=tok), None


def _counted_words(noun: Any, num: Any) -> str:
    """The counted noun as written with the nouns that say what it is ("credit card numbers",
    "fire department trucks"), not the number or anything before it."""
    parts = [t for c in noun.lefts if c.dep_ == "compound" and c.i > num.i
             and not any(t.like_num for t in c.subtree) for t in c.subtree]  # fmt: skip
    start = min((t.i for t in parts), default=noun.i)
    return str(noun.doc[start : noun.i + 1].text)


def _of_noun(tok: Any) -> Any:
    """The noun a part or quantity is of ("one of the family's fields", "the best of his
    seasons"), else None."""
    return next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"), None)


def _patient(verb: Any) -> Any:
    """What a verb acts on: its object (what "one of ..." is of), or the subject of its
    passive ("bail was set"), or its subject; never a pronoun."""
    told = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for c in told:
        if c.pos_ not in ("PRON", "NUM", "PROPN"):
            return c
    for c in told:  # "sold one of the family's fields": a field, not the seller
        if c.pos_ != "PROPN" and (of := _of_noun(c)) is not None:
            return of
    return next((c for c in verb.children
                 if c.dep_ == "nsubj" and c.pos_ not in ("PRON", "NUM", "PROPN")), None)


def _undergoer(verb: Any) -> Any:
    """What a dated verb is about: its object ("served a two-year term", "built the
    footbridge"), the subject of its passive, else its subject ("Harambe came to Cincinnati")."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            if c.pos_ in ("NOUN", "PROPN"):
                return c
            if (head := _stands_for(c, verb)) is not None:
                return head  # "the field, which the family sold in 1967": the field
            if c.dep_ == "dobj" and c.pos_ != "PRON":  # "enjoyed the best of his seasons"
                return _of_noun(c)
    if _object_told_before(verb):
        return verb.head  # "the house the council built in 1968": the house
    return _subject(verb)


def _amount_claim(r: _Reader, n: NumberClaim, num: Any, noun: Any) -> Claim | None:
    pred = _counted_predicate(noun, num) or governing_predicate(num)
    mood = _mood(pred) if pred is not None else None
    if mood in ("negated", "possible"):
        return None
    lex = _lexicon()
    thing = noun
    if noun is not None and _currency_word(noun):
        # "14 billion euros": the currency is the unit, not what the sum is of; set beside a
        # noun ("Velk's portion of the fund -- 14 billion euros"), it is that noun's
        thing = noun.head if noun.dep_ == "appos" and noun.head.pos_ == "NOUN" else None
    if thing is not None and thing.i > num.i and num.head.i >= num.i:
        pred = None  # "a $48.6 million budget": the amount is the budget's
    if (valued := _valued(num, n.end) or _made_of(num)) is not None:
        thing, pred = valued, None  # "jewellery worth €103 million": the jewellery's value
    if thing is None and pred is not None and pred.pos_ == "NOUN":
        thing, pred = pred, None
    if thing is None and pred is not None:
        thing = _patient(pred)
        if thing is not None and _currency_word(thing):
            thing = None  # "paid 40 million euros": the sum itself, not what it paid for
    thing_of = None
    if pred is not None and pred.pos_ == "VERB" and pred.lemma_.casefold() not in lex["light"]:
        key = lemma_key(pred)  # "sold for $30 million": what was sold must then agree
        thing_of = f"thing:{lemma_key(thing)}" if thing is not None else None
    elif thing is not None:
        key = lemma_key(thing)
    else:
        return None
    per = re.match(r"\s*(?:a|an|per)\s+([a-z]+)", r.article.text[n.end : n.end + 20])
    if per:
        key += f"/per {per[1]}"  # "$70 a share" is not the $121 billion deal
    moving = pred is not None and lemma_key(pred) in lex["moving"]
    subject = _noun_phrase(thing) if thing is not None else ""
    agent = pred is not None and thing is not None and thing.dep_ == "nsubj" and thing.head == pred
    predicate = _verb_phrase(pred, with_object=False) if pred is not None and (
        agent or not subject) else ""
    doer = _agent(pred if pred is not None else _offered(thing), r.people)
    named = _named(thing) if thing_of else None
    if pred is None and thing is not None and thing.pos_ == "NOUN":
        # "Halvern's $12 billion purchase of Trisca Foods": the deal of a named owner, for
        # a named thing, whatever noun an outlet calls it by
        doer = doer or _owner(thing)
        named = _named(thing) or _named_patient(thing)
    return Claim("amount", key, _range_value(n.low, n.high), n.text, n.start, n.end, n.low,
                 n.high, subject, predicate, n.unit, r.context(n.start),
                 _qualifiers("approx" if n.approx else None, "soft" if moving else None,
                             doer, thing_of, named, _measured(thing), mood,
                             "changed" if _changed_to(num) else None,
                             "opening" if pred is None and n.start < r.opening_end
                             else None))  # fmt: skip


def _changed_to(num: Any) -> bool:
    """Whether a sum is what something was changed to: "raised its offer to $58 billion",
    "cut the forecast to $2 billion" (the sum hangs on "to" under a verb with an object).
    The value before the change may be what another outlet gives."""
    for tok in (num, num.head):  # (the number, or the currency word it counts: "12 billion euros")
        if tok is not num and not _currency_word(tok):
            break
        if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.dep_ == "prep":
            verb = tok.head.head
            return verb.pos_ == "VERB" and any(c.dep_ == "dobj" for c in verb.children)
    return False


def _owner(thing: Any) -> str | None:
    """"agent:halvern" for "Halvern's $12 billion purchase": the named owner of the thing a
    sum is of, which is its doer as a verb's subject would be ("Halvern bought ...")."""
    for c in thing.children:
        if c.dep_ == "poss" and c.pos_ == "PROPN":
            return "agent:" + " ".join(t.lower_ for t in (c, *c.lefts) if t.pos_ == "PROPN")
    return None


def _named_patient(thing: Any) -> str | None:
    """"named:foods trisca" for "a purchase of Trisca Foods" or "a bid for Dutch rival Trisca
    Foods": the proper name of what a deal is of or for (where from aside: "Dutch")."""
    for prep in thing.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                words = sorted({t.lower_ for t in obj.subtree
                                if t.pos_ == "PROPN" and t.ent_type_ not in WHERE_FROM})
                return f"named:{' '.join(words)}" if words else None
    return None


def _named(thing: Any) -> str | None:
    """The proper name a thing is called by, its head noun aside: "named:mandela nelson" for
    "the Nelson Mandela Award". Two awards with two names are two awards, whatever year or
    sum each is given."""
    def names(tok: Any) -> list[str]:
        return [w for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                and c.ent_type_ not in WHERE_FROM  # "a Texas oil field" is any field there
                for w in (c.lower_, *names(c))]

    if thing is None or thing.ent_type_ == "PERSON":
        return None  # people are told apart by their canonical names ("Dr. Rinn" is Tova)
    found = sorted(set(names(thing)))
    return f"named:{' '.join(found)}" if found else None


def _measured(thing: Any) -> str | None:
    """The length or size a thing is told by, "measured:7 year" for "a seven-year deal":
    an eight-year deal is another deal, whatever it is worth."""
    for c in thing.children if thing is not None else ():
        number = next((n for n in c.children if n.dep_ == "nummod"), None)
        if c.dep_ == "compound" and c.pos_ == "NOUN" and number is not None:
            value = parse_number(number.text)
            if value is not None:
                return f"measured:{value:g} {c.lemma_.casefold()}"
    return None


def _offered(thing: Any) -> Any:
    """The verb a valued thing is the object of ("the Rovers offered a deal worth $140
    million": offered; a parse may set the deal beside the other object, "offered Rinn, 28,
    a deal worth ..."), whose doer is the sum's too; else None."""
    if thing is not None and thing.dep_ == "appos":
        thing = thing.head
    if thing is not None and thing.dep_ in ("dobj", "dative") and thing.head.pos_ == "VERB":
        return thing.head
    return None


def _currency_word(tok: Any) -> bool:
    """"euros", "dollars", "pounds": a sum's unit written as a noun."""
    return str(tok.lemma_).casefold() in CURRENCY.values()


def _valued(num: Any, end: int) -> Any:
    """The noun an amount is the worth of: "jewellery worth €103 million", "diamonds valued
    at $108 million" (the parse hangs the amount on "worth", or on "valued at"), "$40
    million worth of watches" (the words after the amount, which ends at offset ``end``,
    whatever the parse hung them on)."""
    after = [t for t in num.doc[num.i : num.i + 6] if t.idx >= end]
    if len(after) >= 2 and after[0].lower_ == "worth" and after[1].lower_ == "of":
        of = [c for c in after[1].children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
        if of:
            return of[0]
    for anc in list(num.ancestors)[:4]:
        if anc.lower_ not in ("worth", "valued"):
            continue
        if anc.head.i != anc.i and anc.head.pos_ == "NOUN":
            return anc.head
        if anc.dep_ == "acomp":  # "the land is worth $5 million"
            subj = _subject(anc.head)
            return subj if subj is not None and subj.pos_ == "NOUN" else None
        for dep in ("npadvmod", "nsubj"):  # "jewellery worth ..." read as a clause
            for c in anc.children:
                if c.dep_ == dep and c.pos_ == "NOUN" and num not in c.subtree:
                    return c
        return None
    return None


def _made_of(num: Any) -> Any:
    """The noun a sum is made of: "$3 million in jewels", "$2 billion of debt" (not a part
    of a named whole: "$5 million of the budget")."""
    for tok in (num, num.head):
        if tok.pos_ != "NUM":
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "of"):
                continue
            for obj in prep.children:
                if (obj.dep_ == "pobj" and obj.pos_ == "NOUN" and not _currency_word(obj)
                        and not any(c.dep_ in ("det", "poss") for c in obj.children)):
                    return obj
    return None


def _agent(pred: Any, people: Mapping[int, str]) -> str | None:
    """"agent:<name>" for a predicate's named doer, or for the person its "he" or "she"
    takes up (``people``: token index -> canonical name); "pronoun" when its doer is told
    only as a pronoun that takes up no one named, or "they" (someone, but whom the text
    does not say; "it was sold" says nothing of who sold it)."""
    name = agent_of(pred)
    if name:
        return f"agent:{name}"
    subj = _subject(pred) if pred is not None and pred.pos_ in ("VERB", "AUX") else None
    if subj is None or subj.tag_ != "PRP" or subj.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if subj.dep_ == "nsubjpass" and by_agent(pred) is not None:
        return None  # "she was struck by a van": the van did it, not she
    person = people.get(subj.i)
    if person is not None:
        return f"agent:{person.casefold()}"
    return "pronoun" if subj.dep_ == "nsubj" else None


def _in_base_units(n: NumberClaim, unit: list[Any]) -> tuple[str, float | None, float | None]:
    """(base unit, low, high) of a measure: "19 tons" in kg, "200 feet" in m."""
    base, factor = str(unit[0]), float(unit[1])
    low = None if n.low is None else round(n.low * factor, 6)
    high = None if n.high is None else round(n.high * factor, 6)
    return base, low, high


def _measure_claim(r: _Reader, n: NumberClaim, num: Any, noun: Any,
                   unit: list[Any]) -> Claim | None:  # fmt: skip
    # "a 19-ton truck": the measure modifies the noun after its unit
    thing = noun.head if noun is not None and noun.dep_ in ("compound", "amod", "nmod") else None
    if thing is None or thing.pos_ != "NOUN":
        return None
    base, low, high = _in_base_units(n, unit)
    return Claim("measure", f"{base}/{lemma_key(thing)}", _range_value(low, high), n.text,
                 n.start, n.end, low, high, _noun_phrase(thing), "", base,
                 r.context(n.start), _qualifiers("approx" if n.approx else None))  # fmt: skip


def _range_value(low: float | None, high: float | None) -> str:
    def num(x: float | None) -> str:
        return "" if x is None else (f"{x:g}" if not float(x).is_integer() else str(int(x)))

    return num(low) if low == high else f"{num(low)}..{num(high)}"


# ---------------------------------------------------------------- ages


def _name_of(entities: Sequence[Entity], tok: Any) -> str | None:
    """The canonical name of the person a proper noun names: its entity's (whatever label the
    tagger gave it: a name with an age is a person), else the name as written."""
    if not _namelike(tok):
        return None
    start, end = tok.idx, tok.idx + len(tok.text)
    for e in entities:
        if e.start <= start and end <= e.end:
            # a name with an age is a person whatever the tagger said (it often calls names
            # organisations), but never a nationality or a place ("the American champion"),
            # nor a title the tagger did not take for a person ("Coach of the Year")
            if e.label in WHERE_FROM or (e.label != "PERSON" and _title_of(tok)):
                return None
            return e.canonical or e.text
    if _title_of(tok):
        return None
    words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
    return " ".join(w.text for w in words)


def _title_of(tok: Any) -> bool:
    """Whether a capitalised noun heads a title ("the 61-year-old three-time Coach of the Year",
    "Player of the Week"): an honour or an office, not a name."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(
        o.dep_ == "pobj" and any(d.lower_ == "the" for d in o.lefts) for o in p.children)
        for p in tok.rights)  # fmt: skip


def _age_claims(r: _Reader, entities: Sequence[Entity]) -> list[Claim]:
    doc = r.doc
    out = []
    for tok in doc:
        if not tok.like_num or not tok.text.isdigit() or r.quoted.overlaps(tok.idx, tok.idx + 1):
            continue
        age = int(tok.text)
        if not 0 < age < 120:
            continue
        nxt = doc[tok.i + 1 : tok.i + 5]
        words = [t.lower_ for t in nxt]
        described = None  # the token the age describes
        now = False  # told in the present tense: the age at publication
        hyphens = words[:4] == ["-", "year", "-", "old"]
        if hyphens or words[:2] in (["-year", "-old"], ["year", "old"], ["years", "old"]):
            old = nxt[3] if hyphens else nxt[1]  # "a 4-year-old boy", "a 4 year old boy"
            described = old.head if old.dep_ == "amod" and old.head.pos_ != "VERB" else None
            if described is None and old.pos_ == "NOUN":
                described = old  # "a 34-year-old from Eastfield"
            if described is None and old.dep_ == "acomp" and old.head.pos_ == "AUX":
                described = _subject(old.head)  # "Hollin is 61 years old", "who is 61 ..."
                now = old.head.tag_ in ("VBZ", "VBP")  # (whatever else the sentence dates)
        elif tok.i > 0 and doc[tok.i - 1].lower_ == "ages":
            continue  # "two daughters, ages 9 and 14": the ages of several, not of one
        elif tok.i > 0 and doc[tok.i - 1].lower_ in _AGE_WORDS:
            aged = doc[tok.i - 1]  # "Ruth Lindqvist, aged 58," / "a man aged 58"
            described = _before_comma(doc, tok.i - 1)
            if described is None and aged.head != aged:
                described = aged.head
                if described.pos_ in ("VERB", "AUX") or described.dep_ == "pobj":
                    # "has died in prison, aged 83", "died in her sleep aged 94": the one who died
                    verb = described if described.pos_ in ("VERB", "AUX") else (
                        governing_predicate(described))
                    described = _subject(verb) if verb is not None else None
        elif tok.i > 1 and doc[tok.i - 1].text == "," and tok.i + 1 < len(doc) and doc[
            tok.i + 1
        ].text in (",", ".", ";") and _namelike(doc[tok.i - 2]):
            described = doc[tok.i - 2]  # "Ruth Lindqvist, 58, of Eastfield", "Cheeks, 48,"
        if described is None:
            continue
        claim = _age_claim(r, entities, tok, age, described, now)
        if claim is not None:
            out.append(claim)
    return out


def _namelike(tok: Any) -> bool:
    """A proper name, or a capitalised word the tagger took for a noun ("Cheeks, 48,", named
    a person or not), but not a date ("Monday, 5")."""
    return tok.pos_ == "PROPN" or (tok.is_title and tok.pos_ == "NOUN"
                                   and tok.ent_type_ not in ("DATE", "TIME"))


def _before_comma(doc: Any, i: int) -> Any:
    """"Ruth Lindqvist, aged 58": the name before the comma."""
    if i > 1 and doc[i - 1].text == "," and doc[i - 2].pos_ == "PROPN":
        return doc[i - 2]
    return None


def _age_claim(r: _Reader, entities: Sequence[Entity], tok: Any, age: int,
               described: Any, now: bool = False) -> Claim | None:  # fmt: skip
    """The age claim of ``tok`` for the person or thing ``described``; ``now``: the age is
    told in the present tense ("is 61 years old and has coached since 2019"), so no earlier
    time of the sentence is its moment."""
    name = _name_of(entities, described)
    if name is None:
        # "a 34-year-old man, Daniel Okafor,", "Juno, a 12-year-old bear", "a 12-year-old
        # bear named Juno": the name beside the noun
        near = [c for c in described.children if c.dep_ == "appos"]
        near += [g for c in described.children if c.dep_ == "acl" and c.lemma_ in ("name", "call")
                 for g in c.children if g.dep_ in ("oprd", "dobj", "attr", "xcomp")]
        if described.dep_ == "appos" or (described.dep_ == "compound"
                                         and described.head.pos_ == "PROPN"):  # fmt: skip
            near.append(described.head)  # "35-year-old journeyman Tam Brill": Brill
        for c in near:
            if name is None and c.pos_ == "PROPN":
                name = _name_of(entities, c)
    if name is None:
        name = _holder_of_role(entities, described)
    if name is not None:
        key = f"person:{name.casefold()}"
        subject = name
        pred = None
    elif described.pos_ == "NOUN" and described.tag_ == "NNS":
        return None  # "two daughters, ages 9 and 14": the ages of several, not of one
    elif described.pos_ == "NOUN":
        pred = _counted_predicate(described, None) or governing_predicate(described)
        # "a 5-year-old girl wandered" / "a 6-year-old girl strayed": one girl, whatever the verb
        # (the verb stays in the statement); two people are told apart by their nouns
        key = f"{lemma_key(described)}/-"
        subject = _noun_phrase(described)  # "the Palestinian girl"
    else:
        return None
    recalled = None if now else r.recalled(tok.idx)
    if recalled and not r.within_a_year(recalled):
        key += f"@{recalled}"  # an age at a happening a year or more ago is not the age now
    start, end = tok.idx, tok.idx + len(tok.text)
    predicate = _verb_phrase(pred) if pred is not None and pred.pos_ == "VERB" else ""
    return Claim("age", key, str(age), tok.text, start, end, float(age), float(age), subject,
                 predicate, None, r.context(start))  # fmt: skip


def _holder_of_role(entities: Sequence[Entity], described: Any) -> str | None:
    """The one person of the report whose title the noun is ("Dr Ilse Marr ... the
    41-year-old doctor": Marr), for a noun with "the"; None when none or two hold it, or the
    noun brings in someone ("a 41-year-old doctor")."""
    if described.pos_ != "NOUN" or described.tag_ != "NN" or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in described.children):  # fmt: skip
        return None
    lemma = described.lemma_.casefold()
    holders = {e.canonical for e in entities
               if e.label == "PERSON" and e.role and e.role.casefold() == lemma}
    return holders.pop() if len(holders) == 1 else None


# ---------------------------------------------------------------- dates, clock times, years


WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_DAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")


def weekday_value(text: str) -> str | None:
    """"XXXX-WXX-2" for a text naming Tuesday: a weekday no date resolves; else None."""
    m = WEEKDAY.search(text)
    return f"XXXX-WXX-{_DAYS.index(m[1].casefold()) + 1}" if m else None


def _time_claims(r: _Reader, times: Sequence[TimeRef]) -> list[Claim]:
    out: list[Claim] = []
    seen_lead: set[str] = set()
    for t in sorted(times, key=lambda t: (t.start, t.end)):
        if r.quoted.overlaps(t.start, t.end) or t.type not in ("DATE", "TIME"):
            continue
        span = r.span(t.start, t.end)
        if span is None or len(span) == 0:
            continue
        clock = t.type == "TIME" and _clock_bounds(r.article.text, t) is not None
        pred = governing_predicate(_value_root(span), happenings=r.happenings,
                                   modifier=clock or _before_its_noun(span.root, t.value))
        if pred is None:
            continue
        pred = _happening_within(span, pred)
        news = t.start < r.first_end and (verb := _news_verb(pred)) is not pred
        pred = verb if news else pred
        # "police said Monday": when it was said, not when anything happened; it compares only
        # with the same words in another outlet ("Equifax said on Monday" / "... on Thursday")
        reporting = reports(pred)
        mood = _mood(pred)
        if mood in ("negated", "possible"):
            continue
        for part in _time_parts(r.article.text, t):
            _time_claim(r, part, pred, reporting, mood, span, seen_lead, out, part is not t,
                        news)
    return out


def _news_verb(pred: Any) -> Any:
    """In a report's first sentence, the main verb whose object a participle describes, when
    the parse hung the day on the participle and the main verb has no day of its own ("a
    customs launch halted a smuggling run by trawlers sailing through the strait on Friday":
    the halting, the news, was on Friday); else ``pred``."""
    if pred.tag_ not in ("VBG", "VBN") or pred.dep_ != "acl":
        return pred  # (a clause of the subject's, "kept her title, stopping Voss on Friday",
        # tells its own happening: other outlets date it by that verb too)
    verb = pred.head
    while verb.head != verb and verb.pos_ != "VERB":
        verb = verb.head  # "a raid on ships crossing ...": ships -> on -> raid -> stopped
    # a finite verb (a dateline before it may make it the parse's "acl" of the place)
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or _timed(verb):
        return pred
    return verb


def _before_its_noun(tok: Any, value: str | None) -> bool:
    """Whether a day or a month is written before the noun it tells of ("the company's March
    3 fuel spill", "a Friday night fight"): it dates that noun, not the verb the noun hangs
    on ("approved fees in response to the March 3 spill" were not approved on March 3). A
    bare year before a noun is ``happenings.names_which_thing``'s ("the 2015 attacks")."""
    return (not YEAR_RE.fullmatch(value or "") and tok.dep_ in ("compound", "nmod", "amod")
            and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i)


def _in_apposition(tok: Any) -> bool:
    """Whether a date dates a noun set beside another to describe it ("Tam Reller, the
    league's fastest bowler in 2029, has ..."): the way up to its verb passes an apposition."""
    cur = tok
    while cur.head.i != cur.i and cur.pos_ not in ("VERB", "AUX"):
        if cur.dep_ == "appos" or (cur.dep_ == "prep" and any(
                c.dep_ == "appos" and c.i < cur.i for c in cur.head.children)):
            return True  # (the parse may hang "in 2029" on the name, after its apposition)
        cur = cur.head
    return False


def _aside(tok: Any, value: str | None) -> bool:
    """Whether a date sits aside from what its sentence reports: before the noun it tells of
    (``_before_its_noun``), in a description set beside a noun (``_in_apposition``), outside
    the main clause (``_main_clause``), or in an adverbial clause ("..., proposing talks
    before the regatta next month"; "sank on Tuesday after the crew left on Monday")."""
    return (_before_its_noun(tok, value) or _in_apposition(tok)
            or not _main_clause(tok, adverbial=True))


def _ongoing(verb: Any) -> bool:
    """Whether a verb tells a doing in the past that a "when" clause breaks into: an ongoing
    one ("was driving") or one just done ("had just chained his bike ... when he was
    struck": the blow came right after, that day)."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.tag_ == "VBG" and aux & {"was", "were"}:
        return True
    return verb.tag_ == "VBN" and "had" in aux and any(
        c.dep_ == "advmod" and c.lower_ == "just" for c in verb.children)


def _opens_with_when(verb: Any) -> bool:
    """Whether a clause's verb is opened by "when" ("when he was pulled over")."""
    return any(m.lower_ == "when" and m.dep_ in ("advmod", "mark") for m in verb.children)


def _broken_into(verb: Any) -> Any:
    """The ongoing doing a "when" clause's verb breaks into ("was driving ... when he was
    pulled over": driving), whether the parse hangs the clause on the doing or on a time
    of it; else None. Its "he" is the doer of that doing."""
    if not _opens_with_when(verb):
        return None
    up = verb.head
    for _ in range(4):  # (from a time noun the clause hangs on, up to its verb)
        if up.pos_ in ("VERB", "AUX") or up.head == up:
            break
        up = up.head
    return up if up != verb and _ongoing(up) else None


def _happening_within(span: Any, pred: Any) -> Any:
    """The verb a time dates when it is given to an ongoing doing that a "when" clause breaks
    into ("was heading north shortly after 4:50 a.m. when deputies stopped him": the stop
    was at 4:50; "was sleeping at 3 a.m. when the fire broke out"), whether the parse hangs
    the clause on the doing or on the time itself; else ``pred``."""
    def when_clause(tok: Any, deps: tuple[str, ...]) -> Any:
        return next((c for c in tok.children if c.dep_ in deps and c.pos_ in ("VERB", "AUX")
                     and _opens_with_when(c)), None)  # fmt: skip

    named = _named_by_when(span, pred)
    if named is not None:
        return named
    if not _ongoing(pred):
        return pred
    for tok in span:
        found = when_clause(tok, ("relcl",))
        if found is not None:
            return found
    return when_clause(pred, ("advcl",)) or pred


def _named_by_when(span: Any, pred: Any) -> Any:
    """The verb of a "when" clause right after a time that a verb telling nothing of its
    own hangs on (no subject, a wh-word for one, a light verb, or an 'it happened' verb of a
    happening noun: "what happened at 11:10 p.m., when the dam gate failed": the failing;
    "the accident happened on Sunday when a cyclist rode into the harbour": the riding; not
    "he was arrested at 8 p.m. when police found him", whose arrest is its own); else
    None."""
    doc = span.doc
    at = span.end + (1 if span.end < len(doc) and doc[span.end].text == "," else 0)
    if at >= len(doc) or doc[at].lower_ != "when" or doc[at].dep_ != "advmod":
        return None
    verb = doc[at].head
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("advcl", "relcl") or verb.i <= at:
        return None
    subject = _subject(pred) if pred.pos_ in ("VERB", "AUX") else None
    empty = subject is None or subject.tag_ in ("WP", "WDT", "EX")  # "what happened"
    told = empty or pred.lemma_.casefold() in _lexicon()["light"] or (
        pred.pos_ in ("VERB", "AUX") and _happening_noun(pred) is not None)
    return verb if told else None


def _value_root(span: Any) -> Any:
    """The token a value hangs from: its first number when the parse attaches that outside
    the value ("After taking off at 10:52 a.m. PST": "10:52" hangs on "taking", while "a.m."
    and "PST" were hung on "After"), else the span's root."""
    for tok in span:
        if any(ch.isdigit() for ch in tok.text):
            return tok if not (span.start <= tok.head.i < span.end) else span.root
    return span.root


_NAMES_A_DAY = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|tomorrow|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d", re.IGNORECASE)


def _time_parts(text: str, t: TimeRef) -> list[TimeRef]:
    """The clock time and the day of "10:30 p.m. Friday": two claims, each with its own
    words, so the day compares with "on Friday" elsewhere ("Friday night" stays one date)."""
    m = WEEKDAY.search(t.text)
    if t.type != "TIME" or m is None or _clock_bounds(text, t) is None:
        return [t]
    day_value = (t.value or "")[:10] if re.match(r"\d{4}-\d\d-\d\d", t.value or "") else None
    day = TimeRef(m[0], t.start + m.start(), t.start + m.end(), day_value, "DATE")
    return [t, day]


def _time_claim(r: _Reader, t: TimeRef, pred: Any, reporting: bool, mood: str | None,
                span: Any, seen_lead: set[str], out: list[Claim],
                of_clock: bool = False, news: bool = False) -> None:  # fmt: skip
    """Append the claim of one time expression (or one part of it) to ``out``;
    ``of_clock``: ``t`` is the day of a clock time ("10 p.m. Tuesday"); ``news``: ``pred``
    is the lead's main verb the day was moved to (``_news_verb``), so it is in the main
    clause whatever the parse made of the words around it."""
    main = news or _main_clause(span.root)
    text = r.article.text
    value = t.value or ""
    attribute = None
    low = high = None
    if t.type == "TIME" and (clock := _clock_bounds(text, t)) is not None:
        attribute, (low, high) = "time", clock
        value = _clock_value(low, high)
    elif t.type == "TIME" and not _NAMES_A_DAY.search(t.text):
        return  # "shortly before midnight", "at noon": an hour, and its day is only inferred
    elif re.fullmatch(r"\d{4}-\d\d-\d\d(T.*)?|\d{4}-\d\d", value):
        attribute, value = "date", value[:10]
        if "T" in (t.value or "") and not _CLOCK.search(t.value or ""):
            value = (t.value or "")[:10]  # "Tuesday night": the day
    elif not value and (wd := weekday_value(t.text)) is not None:
        attribute, value = "date", wd  # a weekday no publication date resolves
    elif YEAR_RE.fullmatch(value) and re.fullmatch(r"\d{4}", t.text):
        attribute = "year"
        low = high = float(value)
    if attribute is None:
        return
    if attribute == "date" and _topic(span.root, pred):
        return  # "Friday was the deadline", "Today's was the worst of the storms": a topic
    if pred.pos_ == "NOUN" and (pred.ent_type_ in ("DATE", "TIME")
                                or (span.root.dep_ in ("compound", "amod", "nmod")
                                    and attribute != "time")
                                or _reported_in(pred)):  # fmt: skip
        return  # "that night"; "a midnight cherry"; "said in a court filing Monday" (a clock
        # time before its noun times it: "a 7 p.m. vigil")
    subject, predicate = _clause(pred, numbers=True)  # "turned 23" on the day
    key = "say" if reporting else predicate_key(pred)
    light = pred.pos_ != "VERB" or pred.lemma_.casefold() in _lexicon()["light"]
    thing_of = named = None
    if attribute == "year":
        # "was sold for $4 million in 1971": the verb is the key, what was sold a check
        thing = _undergoer(pred) if pred.pos_ == "VERB" else None
        thing_key = lemma_key(thing) if thing is not None and thing.pos_ != "PRON" else None
        key = lemma_key(pred)
        thing_of = f"thing:{thing_key}" if thing_key else None
        named = _named(thing) if thing_key else None
        light = light or thing_key is None
    if attribute == "time":
        bound = _clock_bound(text, t)
    else:  # (the day of "shortly after 10 p.m. Tuesday" is Tuesday, not after it)
        bound = _bound(span.root) if not of_clock else None
    if bound:
        key += f"/{bound}"  # "before 1997", "by 6:40 a.m." bound a time, they date nothing
    # "he was elected in 2008", "the FBI in 1972", "closed Wednesday": nothing says what
    # it is about, so it compares only with a sentence that says much the same
    # (``weak``), and a reader sees the words around the value
    weak = "weak" if not subject or reporting or (attribute == "year" and light) else None
    if weak:
        if attribute != "year" and light and not reporting:
            return
        subject, predicate = "", _around(r, t.start, t.end)
    lead = None
    if (attribute in ("date", "time") and t.start < r.lead_end and attribute not in seen_lead
            and not reporting and not bound and main):  # fmt: skip
        seen_lead.add(attribute)
        lead = "lead"
    if reporting and t.start < r.lead_end and main:
        lead = "said-lead"  # the day of the statement a report leads with: its news
    if t.start >= r.lead_end:
        seen_lead.update(("date", "time"))
    # "light": a state or a light verb ("the museum was open on Sunday"), not a happening;
    # "past": told in the past tense, so it happened before the report
    speaker = _subject(pred) if reporting else None
    context = _context(span.sent, speaker) if speaker is not None else r.context(t.start)
    out.append(Claim(attribute, key, value, t.text, t.start, t.end, low, high, subject,
                     predicate, None, context,
                     _qualifiers(lead, mood, _agent(pred, r.people), weak, thing_of, named,
                                 _when(pred) if pred.pos_ == "VERB" else None,
                                 "light" if light and not weak else None,
                                 "sequel" if lead == "lead" and _sequel(pred) else None,
                                 _hour_of(span.root) if attribute == "date" else None,
                                 "past" if told_as_past(pred) else None,
                                 "aside" if attribute != "time" and not news
                                 and _aside(span.root, value) else None,
                                 "approx" if attribute == "time" and low is not None
                                 and high is not None and high - low == 2 * CLOCK_ABOUT
                                 else None)))  # fmt: skip



def _hour_of(day: Any) -> str | None:
    """"hour:overnight" when the happening a day dates is told as of the night or the small
    hours ("An overnight flood Friday", "a late-night storm on Friday"): the word modifying
    the noun the day hangs on, through its preposition."""
    head = day.head.head if day.head.pos_ == "ADP" else day.head
    if head.pos_ != "NOUN":
        return None
    for c in head.children:
        if c.dep_ in ("amod", "compound") and (NIGHT.search(c.text) or SMALL_HOURS.search(c.text)):
            return f"hour:{c.lower_}"
    return None


def _topic(tok: Any, pred: Any) -> bool:
    """Whether a day is what its clause is about, not when it happened: "Friday was the
    deadline"."""
    return bool(tok.dep_ in ("nsubj", "nsubjpass") and tok.head == pred)


def _bound(tok: Any) -> str | None:
    """"before"/"after"/"since"/"until"/"by" when the time phrase is one of those."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _BOUNDS:
        return str(head.lower_)
    return None


_BOUNDS = frozenset({"before", "after", "since", "until", "by", "till"})


def _around(r: _Reader, start: int, end: int, reach: int = 70) -> str:
    """The words of the value's sentence around it, the value written as ``{}``: how a claim
    with no clear subject is shown ("Arlen was deputy head of the Velk Bureau in {}")."""
    i = r.sentence_index(start)
    sent = r.sents[i] if i is not None else None
    lo = max(sent.start_char if sent is not None else 0, start - reach)
    hi = min(sent.end_char if sent is not None else len(r.article.text), end + reach)
    text = r.article.text
    while lo > 0 and lo < start and not text[lo - 1].isspace():
        lo += 1
    while hi < len(text) and hi > end and not text[hi].isspace():
        hi -= 1
    before, after = text[lo:start], text[end:hi]
    words = " ".join(f"{before}{{}}{after}".split()).rstrip(",;:")
    # a cut sentence says so: "…and forced the evacuation of homes, officials said {}."
    head = "\u2026" if sent is not None and lo > sent.start_char else ""
    tail = "\u2026" if sent is not None and hi < sent.end_char and text[hi:sent.end_char].strip(
        ) not in ("", ".", "!", "?") else ""  # fmt: skip
    return f"{head}{words}{tail}"


def _clock_value(low: float, high: float) -> str:
    """"22:30": the middle of a clock time's minutes of the day."""
    mid = int((low + high) / 2)
    return f"{mid // 60:02d}:{mid % 60:02d}"


def day_minutes(hour: int, minute: int, half: str | None) -> set[int]:
    """The minutes of the day "<hour>:<minute>" may be: one with ``half`` "a" or "p" (a.m.,
    p.m.), both halves of the day without it (an hour past 12 is already one)."""
    if half:
        return {(hour % 12 + (12 if half.casefold() == "p" else 0)) * 60 + minute}
    if hour > 12:
        return {hour * 60 + minute}
    return {hour * 60 + minute, (hour % 12 + 12) * 60 + minute}


def _clock_bounds(text: str, t: TimeRef) -> tuple[float, float] | None:
    """Minutes of the day a clock time allows: "10:30 p.m." exactly, "about 10:30 p.m."
    ``CLOCK_ABOUT`` minutes either side, "shortly after 10 p.m." the half hour after it."""
    if not any(ch.isdigit() for ch in t.text):
        return None
    m = _CLOCK.search(t.value or "")
    if m:
        minutes = int(m[1]) * 60 + int(m[2])
    elif (written := _WRITTEN_CLOCK.search(t.text)) is not None:
        # no day to anchor it to ("about 9:40 p.m." without a publication date): the clock
        # time is still what it says
        (minutes,) = day_minutes(int(written[1]), int(written[2] or 0), written[3])
    else:
        return None
    before = text[max(0, t.start - 20) : t.start].casefold()
    said = f"{before} {t.text.casefold()}"
    if re.search(r"\bshortly after\b|\bjust after\b", said):
        return float(minutes), float(minutes + 30)
    if re.search(r"\bshortly before\b|\bjust before\b", said):
        return float(minutes - 30), float(minutes)
    if re.search(r"\b(about|around|approximately|roughly|nearly|almost|some)\b", said):
        # a rounded time: "around 10:30" fits 10:35 but not "around 10:45"
        return float(minutes - CLOCK_ABOUT), float(minutes + CLOCK_ABOUT)
    return float(minutes), float(minutes)  # (or a bound of it: ``_clock_bound``)


_CLOCK_BOUND = re.compile(r"\b(after|before|by|until|since)\s*$")


def _clock_bound(text: str, t: TimeRef) -> str | None:
    """"by"/"before"/"after"/"until"/"since" when a clock time is written right after one
    ("under control by 6:40 a.m."): a bound of the happening's time, which compares only with
    the same bound ("shortly after 10 p.m." is a window of it, ``_clock_bounds``)."""
    before = text[max(0, t.start - 20) : t.start].casefold()
    m = _CLOCK_BOUND.search(before)
    if m is None or re.search(r"\b(shortly|just)\s+\S+\s*$", before):
        return None
    return m[1]


# ---------------------------------------------------------------- loose values

_YEARS_OLD = re.compile(r"\s?-?\s?years?\s?-?\s?old\b", re.IGNORECASE)


def _aged(r: _Reader, start: int, end: int) -> bool:
    """Whether a number follows "aged"/"age"/"ages", or is joined to one that does ("ages 9
    and 14")."""
    span = r.span(start, end)
    if span is None or len(span) == 0:
        return False
    tok = span[0]
    while tok.dep_ == "conj" and tok.head.like_num and tok.head.i < tok.i:
        tok = tok.head
    return tok.i > 0 and r.doc[tok.i - 1].lower_ in _AGE_WORDS


def _loose_claims(r: _Reader, claims: Sequence[Claim], numbers: Iterable[NumberClaim],
                  times: Sequence[TimeRef]) -> list[Claim]:  # fmt: skip
    """The values of the body no reader above took for a claim, as ``loose`` claims (see
    the module docstring): counts, ages, sums, measures, days, clock times and years, each
    typed and normalised as a firm claim of its kind would be."""
    taken = SpanSet([(c.start, c.end) for c in claims])
    units = load_lexicon("units")
    text = r.article.text
    out: list[Claim] = []

    def add(attribute: str, value: str, start: int, end: int, low: float | None,
            high: float | None, unit: str | None, approx: bool = False) -> None:  # fmt: skip
        if start < r.title_end or taken.overlaps(start, end):
            return
        span = r.span(start, end)
        if span is None or len(span) == 0:
            return
        pred = governing_predicate(_value_root(span))
        if pred is None or attribute == "date" and _topic(span.root, pred):
            return  # a value that hangs on no verb tells of nothing ("April 7, 2027 2:50 pm")
        # (negated or not, a copy says the same: "has not had a government since 1991" /
        # "has had no government since 1981")
        mood = _mood(pred)
        key = "~" + lemma_key(pred)
        # who did it: the verb's doer ("Dorsey rushed for 187 yards" hangs on "yards")
        verb = pred if pred.pos_ == "VERB" else next(
            (v for v in pred.ancestors if v.pos_ == "VERB"), None)
        out.append(Claim(attribute, key, value, text[start:end], start, end, low, high, "",
                         _around(r, start, end), unit, r.context(start),
                         _qualifiers("loose", "approx" if approx else None, mood,
                                     _agent(verb, r.people),
                                     "aside" if attribute in ("date", "year")
                                     and _aside(span.root, value) else None)))  # fmt: skip

    for n in numbers:
        if n.low is None and n.high is None:
            continue
        unit = n.unit or ""
        if _YEARS_OLD.match(text, n.end) or _aged(r, n.start, n.end):
            if n.low == n.high and n.low is not None and 0 < n.low < 120:
                add("age", str(int(n.low)), n.start, n.end, n.low, n.high, None)
        elif unit in units:  # a measure in base units, as ``_measure_claim`` gives it
            base, low, high = _in_base_units(n, units[unit])
            add("measure", _range_value(low, high), n.start, n.end, low, high, base, n.approx)
        else:
            attribute = "amount" if unit in CURRENCY.values() else "count"
            if attribute == "count" and (not unit or _hyphened(text, n.end) or n.text in r.labels
                                         or _no_count(n, *counted_noun(r.doc, n.start, n.end))):
                continue  # a count of nothing named: "call 0845 125 2222", "a .290 average"
            add(attribute, _range_value(n.low, n.high), n.start, n.end, n.low, n.high,
                n.unit, n.approx)  # fmt: skip
    for t in times:
        value = t.value or ""
        if t.type == "TIME" and (clock := _clock_bounds(text, t)) is not None:
            add("time", _clock_value(*clock), t.start, t.end, *clock, None)
        elif t.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", value[:10]) and (
                WEEKDAY.search(t.text) or re.search(r"\d", t.text)):  # fmt: skip
            add("date", value[:10], t.start, t.end, None, None, None)
        elif t.type == "DATE" and not value and (wd := weekday_value(t.text)) is not None:
            add("date", wd, t.start, t.end, None, None, None)
        elif t.type == "DATE" and YEAR_RE.fullmatch(value) and re.fullmatch(r"\d{4}", t.text):
            add("year", value, t.start, t.end, float(value), float(value), None)
    return out


# ---------------------------------------------------------------- places

# seas, rivers, mountains and buildings; not towns, counties and countries, which nest in
# each other ("near Tessmoor" and "in Velk County" are both true) and need a gazetteer
PLACE_LABELS = frozenset({"LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "into", "at", "near", "off", "onto", "outside", "inside"})  # where


def after_place_word(text: str, start: int, also: frozenset[str] = frozenset()) -> bool:
    """Whether a name at ``start`` follows a preposition of place ("in Orrin", "at the
    Velk"), or one of ``also`` ("marched from ...")."""
    before = re.findall(r"[\w']+", text[max(0, start - 30) : start].casefold())[-2:]
    if before and before[-1] == "the":
        before = before[:-1]
    return bool(before) and (before[-1] in PLACE_PREPS or before[-1] in also)


def _place_claims(r: _Reader, entities: Sequence[Entity]) -> list[Claim]:
    """Where something happened: a sea, river, mountain or building (``PLACE_LABELS``) named
    as the object of "in", "into", "at", "near", "off" ... of a verb that is not a light or
    reporting verb ("the missile landed in the Sea of Velk"; not "said in Tessmoor").
    Places compare only between copies of one sentence (brief/facts.py)."""
    out = []
    light = _lexicon()["light"]
    for e in entities:
        if e.label not in PLACE_LABELS or r.quoted.overlaps(e.start, e.end):
            continue
        span = r.span(e.start, e.end)
        if span is None or len(span) == 0:
            continue
        root = span.root
        prep = root.head
        if root.dep_ != "pobj" or prep.lower_ not in PLACE_PREPS or prep.head.pos_ != "VERB":
            continue
        verb = prep.head
        lemma = verb.lemma_.casefold()
        particle = any(c.dep_ == "prt" for c in verb.children)  # "came down" says something
        if lemma in REPORTING or (lemma in light and not particle) or _mood(verb) in (
                "negated", "possible"):  # fmt: skip
            continue
        subject, predicate = _clause(verb, exclude=root)  # (its words stop before the place)
        if not subject:
            continue
        value = e.canonical or e.text
        key = f"{predicate_key(verb)}/{prep.lower_}"  # "landed in" is not "landed near"
        out.append(Claim("place", key, value, e.text, e.start, e.end, None,
                         None, subject, f"{predicate} {prep.lower_}", None,
                         r.context(e.start),
                         _qualifiers(_mood(verb), _agent(verb, r.people))))  # fmt: skip
    return out


# ---------------------------------------------------------------- ranks

_SERIES_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "NUM"})


def _series(noun: Any, ordinal: Any, verb: Any) -> str:
    """The words that say which series an ordinal counts in: its noun's phrase ("Norland's
    missile test", "woman to lead the council") and a stretch the clause gives ("this
    year"; not a day or a year, which say when it happened)."""
    def when(t: Any) -> bool:
        return t.ent_type_ in ("DATE", "TIME") and bool(
            t.like_num or WEEKDAY.fullmatch(t.text) or t.lower_ in MONTHS)

    words = [t for t in noun.subtree if t.i != ordinal.i]
    for c in verb.children:
        stretch = list(c.subtree)
        if c.ent_type_ == "DATE" and c.dep_ != "nsubj" and not any(map(when, stretch)):
            words += stretch
    return " ".join(sorted({t.lemma_.casefold() for t in words
                            if t.pos_ in _SERIES_POS and not t.is_stop and not when(t)}))


def _rank_claims(r: _Reader) -> list[Claim]:
    """Which one of a series something was: an ordinal on the noun that says what the
    subject is ("the launch was Norland's 15th missile test this year", "Sunday's launch,
    the 19th missile test this year"). The noun is the key; the words of the series
    (``series:``) must agree for two claims to compare, so "the first woman to lead the
    council" is not "the second woman to chair the bank". An ordinal of anything else ("in
    the 8th inning", "a second attempt") says when or how, not what: no claim."""
    out = []
    for tok in r.doc:
        if tok.dep_ != "amod" or tok.ent_type_ != "ORDINAL":
            continue
        noun, value = tok.head, parse_ordinal(tok.text)
        if (value is None or noun.pos_ != "NOUN" or noun.dep_ not in ("attr", "appos")
                or noun.lower_ == "one"):  # ("the second one": of what, the sentence says)
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if r.quoted.overlaps(start, end):
            continue
        verb = noun.head  # the copula ("was the 15th test"), or the noun set beside
        subject = _subject(verb) if noun.dep_ == "attr" else verb
        if noun.dep_ == "appos":  # ("Sunday's launch, the 19th test": the launch's clause)
            verb = governing_predicate(verb) or verb
        mood = _mood(verb)
        if subject is None or mood in ("negated", "possible"):
            continue
        out.append(Claim("rank", lemma_key(noun), str(value), tok.text, start, end,
                         float(value), float(value), _noun_phrase(subject),
                         _around(r, start, end), None, r.context(start),
                         _qualifiers(mood, _agent(verb, r.people),
                                     f"series:{_series(noun, tok, verb)}",
                                     "past" if told_as_past(verb) else None)))  # fmt: skip
    return out


# ---------------------------------------------------------------- entry point


def extract_claims(
    article: Article,
    doc: Any,
    entities: Sequence[Entity] = (),
    quotes: Sequence[Quote] = (),
    times: Sequence[TimeRef] = (),
    numbers: Sequence[NumberClaim] = (),
    nonbody: Sequence[NonBody] = (),
    people: Mapping[int, str] | None = None,
) -> tuple[Claim, ...]:
    """The claims of one article in reading order (see the module docstring). Nothing in
    ``nonbody`` (captions, credits, sidebars, an appended story) is a claim. ``people``:
    the person each "he" or "she" subject takes up, by token index (``people_taken_up``,
    read from the entities and quotes when not given)."""
    if doc is None or not doc.has_annotation("DEP") or not parses(doc, article.text):
        return ()
    if people is None:
        people = people_taken_up(article, doc, tuple(entities), tuple(quotes), tuple(nonbody))
    r = _Reader(article, doc, quotes, times, people, nonbody)
    claims: list[Claim] = []
    # (claims in the headline line are dropped below)
    readers: tuple[Callable[[], list[Claim]], ...] = (
        lambda: _number_claims(r, numbers), lambda: _age_claims(r, entities),
        lambda: _time_claims(r, times), lambda: _place_claims(r, entities),
        lambda: _rank_claims(r))  # fmt: skip
    for read in readers:
        try:
            claims += read()
        except Exception as err:  # noqa: BLE001 -- an odd parse never costs the article
            log.warning("claims of %s partly skipped (%s: %s); please report it with the text",
                        article.id, type(err).__name__, err)  # fmt: skip
    try:
        claims += _loose_claims(r, claims, numbers, times)
    except Exception as err:  # noqa: BLE001 -- an odd parse never costs the article
        log.warning("loose values of %s skipped (%s: %s); please report it with the text",
                    article.id, type(err).__name__, err)  # fmt: skip
    furniture = tuple(nonbody)
    claims = [c for c in claims
              if c.start >= r.title_end and overlaps(furniture, c.start, c.end) is None]
    return tuple(sorted(claims, key=lambda c: (c.start, c.end, c.attribute)))


__all__ = ["SEQUENCE", "WEEKDAY", "extract_claims", "governing_predicate", "key_verb",
           "lemma_key", "light_key", "predicate_key"]
