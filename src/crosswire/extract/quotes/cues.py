"""Cue verbs and speakers on the dependency parse: who is the subject of "said", where the
reported clause is, through which outlet ("told ABC News") a quote came.
"""

from __future__ import annotations

import bisect
from typing import Any

from ...nlp import known_verbs
from ...words import past_tense

# Verbs that attribute speech or writing (lemmas). Used for quotes with quotation marks.
SPEECH = frozenset(
    """say tell add note write tweet post state declare explain argue insist claim contend
    assert recall ask answer reply respond counter continue conclude complain concede admit
    acknowledge warn urge announce report predict suggest remark observe testify vow promise
    pledge deny confirm call describe label dub brand praise blast slam decry lament joke quip
    boast shout yell scream whisper mutter exclaim proclaim cry told comment elaborate stress
    emphasize maintain allege charge accuse tout characterize describe recount summarize
    reiterate repeat put caution advise begin start open close mock blame thank quote read
    speak write interrupt interject retort speculate muse opine reflect reminisce marvel gush
    rave rant scoff sneer sigh plead beg object protest concur chime tease taunt brag""".split()
)
# Verbs that introduce reported (indirect) content with a clausal complement.
REPORT = frozenset(
    """say tell add note write tweet post state declare explain argue insist claim contend
    assert recall ask reply respond counter conclude complain concede admit acknowledge warn
    urge announce report predict suggest remark observe testify vow promise pledge deny
    confirm allege charge maintain stress emphasize reiterate believe think feel hope fear
    worry expect know understand learn find show reveal indicate estimate signal agree
    disagree wonder question doubt point contend caution advise recommend propose demand
    mean guess figure reckon assume decide""".split()
)
# Verbs that hold the clause below them untrue or in doubt ("denied that two were hurt").
DENIAL = frozenset("deny dispute reject refute dismiss doubt question contest".split())
# Verbs of finding out: with a modal ("will find that ...") they report nothing found yet.
FINDING = frozenset("find show reveal indicate learn discover determine conclude".split())
# Verbs whose to-infinitive complement reports an intention or a stance ("vowed to fight").
INTENT = frozenset(
    """vow promise pledge threaten plan want hope intend urge ask refuse decline expect
    agree offer seek demand call encourage""".split()
)
# Verbs of a plan, a wish or an expectation (lemmas, of INTENT): with only an infinitive
# ("plans to open", "expects its ranks to grow") they tell what the subject means to do or
# expects to happen. Extraction keeps these as the subject's attributed intent (gold
# attribution corpora count them); a brief shows them as no one's words. "expects that the
# bridge will reopen", a clause with a tense, is a view.
PLAN_VERBS = frozenset("plan want hope intend expect seek".split())
# Verbs with a clausal complement that never report anyone's words or thoughts.
NOT_REPORT = frozenset("be have do make let get go come take give keep help see look".split())
# Verbs of a private state of mind ("believe", "think"): a view held, no words given to
# anyone; and verbs that only start or end something ("began by saying"): neither reports
# the words of a clause below it.
PRIVATE = frozenset(
    """believe think feel know understand learn assume guess figure reckon agree disagree
    wonder doubt begin start open close""".split()
)
# Pronouns of a man and of a woman: a he/she and the name it takes up, a his/her and its owner.
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
TELL_LIKE = frozenset({"tell", "inform", "ask", "assure", "remind", "warn", "advise", "urge"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
CLIMB_DEPS = frozenset({"xcomp", "advcl", "pcomp", "conj", "prep", "acl", "ccomp", "relcl"})
NP_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case", "predet"}
)


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def finite_clause(head: Any) -> bool:
    """A clause with a tense of its own, or opened by "that"/"whether"/"if": what someone
    can be reported to have said ("found that the beams were cracked"); not an infinitive
    or a bare verb ("allows them to stay", "heard the driver mention ...")."""
    if head.tag_ in _FINITE_TAGS:
        return True
    return any((c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE_TAGS) or c.dep_ == "mark"
               for c in head.children)


def backgrounded(verb: Any) -> bool:
    """``verb`` heads an adverbial clause opened by a subordinator ("after the pilots
    found that ...", "when the firm noticed ...") or is the object of a preposition
    ("after learning that ..."): the writer sets its clause as the background of another,
    so a verb of knowing or finding there reports no one's words."""
    if verb.dep_ == "pcomp":
        return True
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < verb.i)
        for c in verb.children)


def is_cue(tok: Any, lexicon: frozenset[str] = SPEECH) -> bool:
    """A verb from ``lexicon`` (or "according" of "according to")."""
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
        return True
    if tok.i > 0 and tok.nbor(-1).lower_ == "so" and tok.lower_ == "called":
        return False  # 'so called "sensitive" data': a hedge on a word, no one calling it
    if tok.lemma_.lower() not in lexicon or tok.dep_ == "amod":
        return False
    return tok.pos_ in {"VERB", "AUX"} or _heads_a_report(tok)


def _heads_a_report(tok: Any) -> bool:
    """A word the tagger took for a noun that the parse makes the head of a subject and a
    reported clause ('"...," a statement from the airline read.'): a verb, whatever its tag."""
    deps = {c.dep_ for c in tok.children}
    return tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and "nsubj" in deps and "ccomp" in deps


def subject_of(verb: Any, depth: int = 0, strict: bool = False) -> Any | None:
    """The speaker token of a cue verb, climbing through xcomp/advcl/conj/relcl chains.

    ``strict`` climbs only through conjunctions and relative clauses. A subject inside
    brackets right after a name ("Rep. Ann Lee (D-Ore.) said", where the parser took the
    bracket for the subject) is the name.
    """
    subj = _subject_of(verb, depth, strict)
    return _before_brackets(subj) if subj is not None else None


def verb_under_its_subject(tok: Any) -> bool:
    """Whether ``tok`` is a sentence's finite past verb that the parse hung, as a clause
    describing it, on its subject taken for the root ("A signal rocket flashed over the
    hills on Tuesday night, ...", "the councillor, Mara Voss, posted on Sunday", "the
    38-year-old asked": root the noun, and no verb of its own). It is spelt as the past,
    whatever the tagger made of it: a participle that is not ("the rocket seen on Tuesday")
    is a clause of its noun's."""
    head = tok.head
    # (a noun, or an adjective a determiner makes one: "the 38-year-old asked")
    noun = head.pos_ in ("NOUN", "PROPN") or (
        head.pos_ == "ADJ" and any(c.dep_ == "det" for c in head.children))
    return (tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBN") and head.head == head and noun
            and head.i < tok.i and past_tense(tok.text) == tok.text.casefold())


def _before_brackets(tok: Any) -> Any:
    """The name before "(...)" when ``tok`` lies inside a short bracket right after it."""
    doc = tok.doc
    i = tok.i
    while i > 0 and tok.i - i < 6 and doc[i - 1].text not in "()":
        i -= 1
    if i == 0 or doc[i - 1].text != "(" or i - 1 == 0:
        return tok
    j = tok.i
    while j + 1 < len(doc) and j - tok.i < 4 and doc[j + 1].text not in "()":
        j += 1
    if j + 1 >= len(doc) or doc[j + 1].text != ")":
        return tok
    name = doc[i - 2]
    return name if name.pos_ == "PROPN" else tok


NAMING = frozenset({"call", "name", "dub", "label", "brand", "term", "nickname"})
# Verbs of saying things about someone: in the passive ("Ruiz has been described as ...",
# "was praised as ..."), the subject is who is talked about, and only a "by" names who spoke
DESCRIBING = NAMING | frozenset(
    "describe characterize portray depict praise hail criticize blast slam mock accuse blame"
    .split())


def _names_in_a_participle(verb: Any) -> bool:
    """A verb of naming as a participle with no auxiliary and no subject ("set up by Ruiz and
    called the 'harbour rule'", "a ferry named 'Kestrel'"): the thing bears the name; only
    a "by" of its own says who gave it."""
    def bare(v: Any) -> bool:
        return not any(c.dep_ in ("aux", "auxpass") or c.dep_ in SUBJ_DEPS for c in v.children)

    # (or joined to one, which the tagger may take for a past: "set up by Ruiz and called")
    participle = verb.tag_ == "VBN" or (verb.dep_ == "conj" and verb.head.tag_ == "VBN"
                                        and bare(verb.head))
    return verb.lemma_.lower() in NAMING and participle and bare(verb)


def _subject_of(verb: Any, depth: int = 0, strict: bool = False) -> Any | None:
    if verb.lower_ == "according":
        for to in verb.children:
            if to.lower_ == "to":
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
        return None
    quoted_one = _quoted_as_saying(verb)
    if quoted_one is not None:
        return quoted_one
    if _names_in_a_participle(verb):
        return by_agent(verb)  # 'set up by Ruiz and called the "harbour rule"': named by no one
    subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS and c.dep_ != "expl"
                and (c.dep_ == "csubj" or not quoted(c))]  # '"Meh," wrote X': not "Meh"
    # a noun subject before a clausal one: the quote itself is often parsed as the csubj
    # and the nearest first: a name inside the quote may be parsed as a second subject
    subjects.sort(key=lambda c: (c.dep_ == "csubj", abs(c.i - verb.i)))
    for child in subjects:
        if child.dep_ == "nsubjpass" and (verb.lemma_.lower() in TELL_LIKE | DESCRIBING or (
                child.pos_ == "NOUN" and not person_noun(child)) or _passed_off_as(verb)):
            return by_agent(verb)  # 'Lee was asked, "...?"': Lee is who heard it; "the
            # verdict was announced": what was said; either way the "by" one speaks
        if child.lower_ in RELATIVE and verb.dep_ == "relcl":
            return verb.head
        if child.pos_ == "NOUN" and (name := _name_set_off_before(verb)) is not None and (
                name.i > child.i):  # fmt: skip
            return name  # 'Director at Velkmar, Dara Ostrow said': the role's holder speaks
        return child
    agent = by_agent(verb)
    if agent is not None:
        return agent
    if verb_under_its_subject(verb):
        return verb.head  # '"...!" the councillor, Mara Voss, posted on Sunday.'
    named = (_name_after_quote(verb) or _name_before(verb) or _joined_before(verb)
             or relative_before(verb))
    if named is not None:
        return named
    if not strict and verb.dep_ == "acl" and verb.tag_ == "VBG" and document_noun(verb.head):
        return verb.head  # 'a statement saying ...': the statement speaks (for its issuer)
    if _says_what_a_thing_does(verb):
        return None
    climb = {"conj", "relcl"} if strict else CLIMB_DEPS
    if strict and verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "pcomp"}:
        climb = CLIMB_DEPS
    if depth < 4 and verb.dep_ in climb and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "conj" and (outer := _saying_before_aside(verb)) is not None:
            return _subject_of(outer, depth + 1, strict)
        if verb.dep_ == "relcl":
            return head
        if (verb.dep_ == "conj" and head.dep_ == "ccomp" and is_cue(verb, SPEECH | REPORT)
                and not any(c.dep_ == "ccomp" for c in head.children)
                and is_cue(head.head, SPEECH | REPORT)):
            # 'said that the firm would close and suggested that ...': the parse joined the
            # second verb of saying to the words of the first; it has the first's speaker
            head = head.head
        if (verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "ccomp"
                and is_cue(verb, SPEECH) and is_cue(head.head, SPEECH | REPORT)
                and _mute_subject(head)):
            # 'Voss said it was "far too soon" ..., while adding: "..."': the parse hung the
            # second verb of saying on the words of the first, whose subject says nothing;
            # the one who said it adds ('the Gazette reported that the firm declined,
            # noting ...': the firm notes)
            head = head.head
        if (copula := copula_above(verb)) is not None:
            head = copula  # 'Voss was keen to stress that ...': the copula's subject says it
        if verb.dep_ == "xcomp":  # "spurred Ada Moss to note", "asked him to say": the object
            obj = _object_before(head, verb.i, {"NOUN", "PROPN", "PRON"})
            if obj is not None:
                return obj
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
            # 'X did Y by saying ...': through the preposition to its verb ("quoted Ann Lee
            # as saying": that verb's object, ``_quoted_as_saying``)
            head = head.head
        if head.pos_ in {"VERB", "AUX"} or head.dep_ in CLIMB_DEPS:
            return _subject_of(head, depth + 1, strict)
    described = _described_by_a_participle(verb)
    if described is not None:
        return described
    # A name set off by commas right before the verb, which the parser hung elsewhere: "In a
    # statement to the Gazette, her adviser, Tom Vale, said: ..." (Vale an apposition)
    if verb.i >= 2 and verb.doc[verb.i - 1].text == "," and verb.dep_ == "ROOT":
        named = _qualified(_antecedent(verb.doc[verb.i - 2]))
        if (named.pos_ in {"PROPN", "NOUN"} and named.dep_ in {"appos", "pobj", "conj"}
                and named.head.i < named.i):
            return named
    # Inverted order without a subject arc: "..., said the mayor." Only right after a quote or
    # a comma: in 'an ad calling it "dangerous"' the noun after the verb is its object.
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if prev is None or not (prev.is_punct or prev.is_quote) or (
            verb.is_sent_start and prev.text in _DASHES):
        return None  # 'TEMPE — Say goodbye to ...': a dateline's dash, then an imperative
    for child in verb.children:
        if child.dep_ in {"dobj", "attr", "dep", "npadvmod"} and child.i > verb.i:
            if child.pos_ in {"PROPN", "NOUN", "PRON"}:
                return child
    return _name_after_verb(verb)


def copula_above(verb: Any) -> Any | None:
    """The copula an infinitive hangs on through its adjective ("was keen to stress", "was
    wise to tell"): the clause whose subject does the verb; None for any other verb."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.dep_ == "acomp" and head.head.i != head.i:
        return head.head
    return None


def _mute_subject(verb: Any) -> bool:
    """Whether a clause's subject is one that says nothing: "it", "this", a thing; not a
    name, a person's pronoun or a noun for a person or a body (nor a subject the parse
    left out, which may be anyone)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None:
        return False
    if subj.lower_ in ("it", "this", "that", "there"):
        return True
    return not (subj.pos_ in ("PROPN", "PRON") or person_noun(subj))


def _says_what_a_thing_does(verb: Any) -> bool:
    """A participle right after the object of a verb of doing, with no comma before it
    ("handed waivers to passengers asking them to give up any claim"): the parse hung it on
    the verb, but it tells what the thing handed over asks, its wording, not words the
    verb's subject spoke. Not so for a document that carries its issuer's words ("posted
    tweets saying ...", "sent leaflets asking ..."): the issuer speaks through it. Set off by
    a comma, it goes with the subject ("handed out forms at the gate, asking ...")."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i == 0:
        return False
    head = verb.head
    if head.i > verb.i or verb.doc[verb.i - 1].is_punct or is_cue(head, SPEECH | REPORT):
        return False
    for c in head.children:
        if c.dep_ != "dobj" or not head.i < c.i < verb.i or c.pos_ != "NOUN":
            continue
        # 'a series of tweets', 'a stack of forms': the noun after "of" too
        nouns = [c] + [g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                       for g in p.children if g.dep_ == "pobj"]
        if any(n.lemma_.lower() in FORM_NOUNS for n in nouns) or not any(
                document_noun(n) or person_noun(n) for n in nouns):
            return True
    return False


def _quoted_as_saying(verb: Any) -> Any | None:
    """The object of a verb that cites someone's words ("quoted Ann Lee as saying", "cited
    the office as saying"): the words are the object's, as in "asked Ann Lee to say"; None
    when ``verb`` has no such object and "as"-phrase. (Not a pronoun: "quoting him as
    saying" after a reported clause was taken up by the wrong man on a real cluster, and no
    speaker is better than a wrong one.)"""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as" and any(
                c.dep_ == "pcomp" and c.lemma_.lower() in SPEECH for c in prep.children):
            return _object_before(verb, prep.i, {"NOUN", "PROPN"})
    cited_as = any(prep.dep_ == "prep" and prep.lower_ == "as" for prep in verb.children)
    if verb.lemma_.lower() in _RELAYING and not cited_as:
        # '"...," the Courier cited the harbour authority': the words are the one cited, the
        # subject only relays them (not "cited the rain as the cause": a cause said
        # nothing)
        obj = _object_before(verb, len(verb.doc), {"NOUN", "PROPN"})
        if obj is not None and (obj.pos_ == "PROPN" or person_noun(obj) or document_noun(obj)):
            # "the Orsa, a harbour website" parsed as one noun: the name it is called by
            return next((c for c in obj.children if c.dep_ in ("nmod", "compound")
                         and c.pos_ == "PROPN" and c.i < obj.i), obj)
    return None


_RELAYING = frozenset({"cite", "quote"})  # verbs whose object said the words they relay


def _object_before(verb: Any, i: int, kinds: set[str]) -> Any | None:
    """``verb``'s direct object before token ``i``, of a part of speech in ``kinds``."""
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < i and c.pos_ in kinds),
                None)


_DASHES = frozenset({"-", "–", "—", "―"})
_REPORT_MARKS = frozenset({"that", "whether", "if"})


def by_agent(verb: Any) -> Any | None:
    """The "by" phrase's noun of a passive verb ('was told by Ann Lee'), else None."""
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


QUOTED_KEY = "crosswire_quoted"  # Doc.user_data: the (start, end) character spans of the
# words inside quotation marks, which ``extract_quotes`` sets from ``find_marked``


def quoted(tok: Any) -> bool:
    """``tok`` lies inside quotation marks (as ``extract_quotes`` found them for its doc, in
    order and apart)."""
    spans = tok.doc.user_data.get(QUOTED_KEY, ())
    i = bisect.bisect_right(spans, (tok.idx, float("inf"))) - 1
    return i >= 0 and tok.idx < spans[i][1]


def _name_after_verb(verb: Any) -> Any | None:
    """The name right after a subjectless verb that follows a closing mark, set off by a comma
    or a full stop: in '"...," said Ann Lee, an engineer, "..."' the parser may hang Lee on
    the second piece's verb. The last word of the name (its head) is the speaker."""
    doc = verb.doc
    if verb.lemma_.lower() in TELL_LIKE:
        return None  # '"...," told Ann Lee' is not English: Lee would be the addressee
    j = verb.i + 1
    while j < len(doc) and (doc[j].pos_ == "PROPN" or _before_a_name(doc[j])):
        j += 1  # ('said Harriers supporter Dana Pell, 31,': the words before the name too)
    if j == verb.i + 1 and j < len(doc) and doc[j].text.istitle() and doc[j].pos_ not in {
            "PRON", "DET"}:
        j += 1  # one capitalised word the tagger took for another kind: "said Early,"; the
        # caller checks that it names someone
    if j == verb.i + 1 or (j < len(doc) and doc[j].text not in {",", ".", "\u2014", "-"}):
        return None
    return doc[j - 1]


def _qualified(tok: Any) -> Any:
    """The person a place or body qualifies ("the cousin of the attacker, Oskar Lind, from
    Tessmoor,": Tessmoor is where Lind is from): the person noun the "from/of/in/at" phrase
    hangs on, or the name set beside that noun; else ``tok``."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("from", "of", "in", "at"):
        return tok
    person = prep.head
    if not (person_noun(person) or person.ent_type_ == "PERSON"):
        return tok
    name = next((c for c in person.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    return name if name is not None else person


def _before_a_name(tok: Any) -> bool:
    """A word of a noun phrase whose head, further on, is a name ("Harriers supporter" in
    "Harriers supporter Dana Pell")."""
    head = tok
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    return bool(head.i > tok.i and head.pos_ == "PROPN")


def _antecedent(tok: Any) -> Any:
    """The noun a relative clause holding ``tok`` qualifies ('Hal Ostrander, who gave money
    to Tilda Marsh,': Ostrander for Marsh), else ``tok``."""
    found = tok
    for anc in tok.ancestors:  # the outermost clause: 'Lee, who met a man who ran, said'
        if anc.dep_ == "relcl" and anc.head.i < tok.i:
            found = anc.head
    return found


def _name_after_quote(verb: Any) -> Any | None:
    """A name between a closing quotation mark and a subjectless verb, which the parser
    hung elsewhere: '"...," Varga, 58, told the Gazette' (Varga a modifier of the quoted
    verb), '"...," Varga barked' (Varga a compound of the verb)."""
    doc = verb.doc
    j = verb.i - 1
    if j >= 3 and doc[j].text == "," and doc[j - 1].like_num and doc[j - 2].text == ",":
        j -= 3  # ", 58," an age set off after the name
    if j < 1 or doc[j].pos_ != "PROPN":
        return None
    named = doc[j]
    lo = j
    while lo > 0 and doc[lo - 1].pos_ == "PROPN":
        lo -= 1
    before = doc[lo - 1] if lo > 0 else None
    if before is None or not (before.is_quote or before.text in {"\u201d", "\""}):
        return None
    if named.dep_ == "compound" and named.head.i != verb.i:
        return None
    if named.dep_ not in {"compound", "npadvmod", "appos", "dep", "nmod", "conj", "pobj"}:
        return None
    return named


def _name_before(verb: Any) -> Any | None:
    """A person's or body's name right before a subjectless verb, past a bracket: 'Speaker
    Ann Lee (R-WI) said' parsed with Lee as the object of an earlier preposition."""
    doc = verb.doc
    j = verb.i - 1
    if j < 0 or doc[j].text != ")":
        return None
    k = j - 1
    while k > 0 and j - k < 6 and doc[k].text != "(":
        k -= 1
    if doc[k].text != "(" or k == 0:
        return None
    named = doc[k - 1]
    if named.pos_ != "PROPN" or named.ent_type_ not in {"PERSON", "ORG"}:
        return None
    return None if named.dep_ in SUBJ_DEPS else named


def _name_set_off_before(verb: Any) -> Any | None:
    """A person's name right before a verb, set off by a comma from the words before it,
    which the parse hung elsewhere ('Director at Velkmar, Dara Ostrow said': Ostrow an
    apposition of the firm)."""
    doc = verb.doc
    if verb.i < 3:
        return None
    name = doc[verb.i - 1]
    if name.ent_type_ != "PERSON" or name.pos_ != "PROPN" or name.dep_ in SUBJ_DEPS:
        return None
    lo = name.i
    while lo > 0 and doc[lo - 1].ent_type_ == "PERSON" and doc[lo - 1].ent_iob_ != "O":
        lo -= 1
        if doc[lo].ent_iob_ == "B":
            break
    return name if lo > 0 and doc[lo - 1].text == "," else None


def _described_by_a_participle(verb: Any) -> Any | None:
    """The noun a participle describes, which the parse made that participle's subject, before
    a sentence's subjectless verb: 'the solicitor representing the skipper, who faces a
    charge, said' (the solicitor speaks, not the skipper the relative clause describes)."""
    if verb.dep_ != "ROOT":
        return None
    for clause in verb.children:
        if (clause.dep_ != "advcl" or clause.i > verb.i or clause.tag_ not in ("VBG", "VBN")
                or any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children)):
            continue
        noun = next((c for c in clause.children if c.dep_ in SUBJ_DEPS and c.i < clause.i),
                    None)
        if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
            return noun
    return None


def _passed_off_as(verb: Any) -> bool:
    """Whether a verb takes "as" or "with" and a noun ("was billed as 'the voice of the
    northern lakes'", "was charged with the 'reckless use' of a crane"): its passive subject
    is what the words describe or charge, not who said them; "was quoted as saying" (a verb
    after "as") is the subject's own."""
    return any(c.dep_ == "prep" and c.lower_ in ("as", "with")
               and any(o.dep_ == "pobj" for o in c.children) for c in verb.children)


def relative_before(verb: Any) -> Any | None:
    """The noun whose relative clause ends right before a subjectless verb: 'the pumps were
    hit, a spokeswoman who was at the plant said' parsed with the spokeswoman as the
    object of the verb before her."""
    doc = verb.doc
    finite = verb.tag_ in _FINITE_TAGS or (verb.tag_ == "VBN" and verb.dep_ == "ROOT")
    if verb.i == 0 or doc[verb.i - 1].sent != verb.sent or not finite:
        return None  # (a finite verb: "..., some economists who back it, assuming ..." no)
    last = doc[verb.i - 1]
    rel = next((t for t in (last, *last.ancestors)
                if t.dep_ == "relcl" and t.right_edge.i == last.i), None)
    if rel is None or rel.head.i > verb.i:
        return None
    noun = rel.head
    return noun if noun.pos_ in {"NOUN", "PROPN"} and noun.dep_ not in SUBJ_DEPS else None


def _saying_before_aside(verb: Any) -> Any | None:
    """For a verb of saying joined to a verb inside an aside set off by dashes or brackets
    that closes before it, the verb of saying before the aside: 'Venn said that he used a
    cane – he "claimed it was needed" – and added, ...' ("added" is Venn's, not his)."""
    if not is_cue(verb, SPEECH | REPORT):
        return None
    head, doc, start = verb.head, verb.doc, verb.sent.start
    if not start <= head.i < verb.i:
        return None
    closes = any(t.text in _DASHES or t.text == ")" for t in doc[head.i + 1 : verb.i])
    opening = next((t for t in reversed(doc[start : head.i])
                    if t.text in _DASHES or t.text == "("), None)
    if not closes or opening is None:
        return None
    return next((t for t in reversed(doc[start : opening.i])
                 if t.pos_ == "VERB" and is_cue(t, SPEECH | REPORT)), None)


def _joined_before(verb: Any) -> Any | None:
    """The noun phrase between "and" (or "but") and a subjectless joined verb's auxiliaries:
    "... despite their season and the Velk Gulls have assured Varga ...", where the parse
    joined "the Velk Gulls" to "season" and gave "assured" the first clause's subject."""
    if verb.dep_ != "conj":
        return None
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and doc[j].head == verb and doc[j].dep_ in {"aux", "auxpass", "neg", "advmod"}:
        j -= 1
    if j < 1 or doc[j].pos_ not in {"PROPN", "NOUN"} or doc[j].dep_ in SUBJ_DEPS:
        return None
    lo = np_bounds(doc[j])[0]
    return doc[j] if lo > 0 and doc[lo - 1].dep_ == "cc" and j < verb.i - 1 else None


def opens_sentence(tok: Any) -> bool:
    """Whether a word opens its sentence or a line, or follows a dash that does ("--
    Residents filled ..."); quotation marks and brackets before it aside."""
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if tok.is_sent_start or prev is None or prev.text in ("\u2014", "--", "-", "\n"):
        return True
    i = tok.i  # back over the marks before it, to the sentence's start (not the whole
    while i > 0 and not doc[i].is_sent_start:  # sentence: a text may be one long sentence)
        if not (doc[i - 1].is_punct or doc[i - 1].is_space):
            return False
        i -= 1
    return True


def np_bounds(tok: Any) -> tuple[int, int]:
    """Token bounds [i, j) of the noun phrase headed by ``tok`` (no relative clauses)."""
    lo, hi = tok.i, tok.i + 1
    for child in tok.lefts:
        if child.dep_ in NP_LEFT_DEPS:
            lo = min(lo, child.left_edge.i)
    for child in tok.rights:
        if child.dep_ in {"compound", "flat"} or (child.dep_ == "prep" and child.lower_ == "of"):
            if child.dep_ == "prep":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if not objs or objs[0].pos_ != "PROPN":
                    continue
                hi = max(hi, objs[0].i + 1)
            else:
                hi = max(hi, child.right_edge.i + 1)
    return lo, hi


def via_of(verb: Any) -> Any | None:
    """The outlet a quote was told to ("told ABC News"): an ORG/PROPN object of tell."""
    if verb.lemma_.lower() not in {"tell", "say"}:
        return None
    for child in verb.children:
        if verb.lemma_.lower() == "tell" and child.dep_ in {"dobj", "dative", "iobj"}:
            if child.ent_type_ == "ORG" or (child.pos_ == "PROPN" and child.ent_type_ != "PERSON"):
                return child
        if child.dep_ == "prep" and child.lower_ in {"to", "on", "with"}:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ == "ORG":
                    return obj
                if obj.lower_ == "interview":
                    for p in obj.children:
                        if p.lower_ == "with":
                            for o2 in p.children:
                                if o2.ent_type_ == "ORG":
                                    return o2
    return None


_BROKEN_GAP = 2  # tokens (a hyphen) between a broken complement's end and the object


def complement_bounds(verb: Any, inside: int | None = None) -> tuple[int, int] | None:
    """Token bounds of what ``verb`` reports: its clausal complement (with "that").

    With ``inside`` (a token index), the complement child whose subtree holds that token,
    widened over an adjacent object ("called Clinton 'terrible'").
    """
    if verb.lower_ == "according":
        return None
    kids = [
        c
        for c in verb.children
        if c.dep_ in {"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "advcl", "dep", "prep"}
        and not (c.dep_ == "prep" and c.lower_ in {"in", "on", "at", "during", "after"})
    ]
    if inside is not None:
        hit = [c for c in kids if c.left_edge.i <= inside <= c.right_edge.i]
        if not hit:
            return None
        child = hit[0]
        lo, hi = child.left_edge.i, child.right_edge.i + 1
        if child.dep_ in {"oprd", "xcomp", "prep"}:
            for c in kids:
                if c.dep_ == "dobj" and c.i < child.i and c.i > verb.i:
                    lo = min(lo, c.left_edge.i)
        return lo, _before_joined_clause(verb, child, lo, hi, inside)
    # 'as criticism grew louder, the board announced ...': a clause opened by "as", "because"
    # or "when" is a circumstance, not what was said
    ccomps = [c for c in kids if c.dep_ == "ccomp" and not any(
        g.dep_ == "mark" and g.lower_ not in _REPORT_MARKS for g in c.children)]
    if not ccomps and verb.lemma_.lower() in INTENT and not any(
            c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):  # fmt: skip
        # "vowed to fight"; but "was asked to leave", "is expected to stay": the subject
        # of a passive is who was asked or is expected, not who spoke
        ccomps = [c for c in kids if c.dep_ == "xcomp" and c.i > verb.i]
        # a verb's before a noun's: "asked the engineer Dr Marr to lead ..." read with
        # "engineer" as an xcomp names whom she asked, not what ("calling Vell his friend",
        # with no verb, names what he called him)
        ccomps = [c for c in ccomps if c.pos_ in ("VERB", "AUX")] or ccomps
    if not ccomps:
        return None
    # 'He recalled ..., she told him their daughter was 30': what she told follows the verb; the
    # clause before it is someone else's
    after = [c for c in ccomps if c.i > verb.i]
    child = after[0] if after else ccomps[0]
    lo, hi = child.left_edge.i, child.right_edge.i + 1
    # "says a band of cold current, known as ..., has kept": a parse that makes the clause's
    # subject the verb's object leaves the clause without one; what was said starts there
    if (verb.lemma_.lower() not in TELL_LIKE
            and not any(c.dep_ in SUBJ_DEPS for c in child.children)):  # fmt: skip
        split = [c for c in kids if c.dep_ == "dobj" and verb.i < c.i < child.i]
        if split:
            lo = split[0].left_edge.i
    # a complement the parse broke inside a word ("that it had re-opened talks
    # with ...": "re" the clause, "talks" the object of "confirmed"): the object that goes
    # on from its last word is still what was said
    doc = verb.doc
    for c in kids:
        if (c.dep_ == "dobj" and hi <= c.left_edge.i <= hi + _BROKEN_GAP
                and not any(doc[k].whitespace_ for k in range(hi - 1, c.left_edge.i))):
            hi = c.right_edge.i + 1
    # ... or hung what goes on on the word's second half ("re-opened a channel to ...":
    # "opened" is its own verb): the rest of the word and all that hangs on it
    rest = hi
    while (rest < len(doc) and not doc[rest - 1].whitespace_
           and (doc[rest].is_alpha or doc[rest].text in ("-", "\u2011"))):
        rest += 1
    if rest > hi and doc[rest - 1].is_alpha:
        hi = max(hi, doc[rest - 1].right_edge.i + 1)
    return lo, _before_contrast(child, lo, _before_joined_clause(verb, child, lo, hi))


def _before_joined_clause(verb: Any, child: Any, lo: int, hi: int,
                          inside: int | None = None) -> int:
    """The end of reported words before a clause joined to them that the report does not
    govern: one with a subject of its own and no "that" of its own ('said the pier was "a
    trap" and the board closed it an hour later': the writer goes on), or a verb of saying
    of its own ('suggesting that he had lied and even declaring that ...': a second report).
    Kept: a joined verb with no subject ('said she had left and moved away') and a second
    "that" ('said that ... and that ...'); the clause that holds ``inside``, the quote
    being placed; and words before their verb ('Two died and ten were hurt, police said':
    all of it is what police said)."""
    if child.i < verb.i:
        return hi
    doc = child.doc
    for c in child.children:
        if c.dep_ != "conj" or c.pos_ not in {"VERB", "AUX"} or not lo < c.left_edge.i < hi:
            continue
        if inside is not None and c.left_edge.i <= inside <= c.right_edge.i:
            continue
        if any(g.dep_ == "mark" for g in c.children):
            continue
        own_subject = any(g.dep_ in SUBJ_DEPS and g.i < c.i for g in c.children)
        second_report = (is_cue(c, SPEECH | REPORT)
                         and any(g.dep_ == "ccomp" for g in c.children))
        if not (own_subject or second_report):
            continue
        end: int = c.left_edge.i
        while end > lo and (doc[end - 1].dep_ == "cc" or doc[end - 1].text in {",", ";"}):
            end -= 1
        return end
    return hi


_CONTRAST = frozenset({"while", "whereas"})


def _before_contrast(child: Any, lo: int, hi: int) -> int:
    """The end of reported words that a "while" or "whereas" clause of another named actor
    goes on from ("said it expects a $14 billion loss, while Orsa Bank will book a $2
    billion loss"): the writer sets the other's facts beside the words; they are not part
    of them."""
    for c in child.subtree:
        if (c.dep_ == "advcl" and lo < c.left_edge.i < hi
                and any(m.dep_ == "mark" and m.lower_ in _CONTRAST for m in c.children)
                and any(s.dep_ in ("nsubj", "nsubjpass") and s.pos_ == "PROPN"
                        for s in c.children)):  # fmt: skip
            end: int = c.left_edge.i
            while end > lo and c.doc[end - 1].is_punct:
                end -= 1
            return end
    return hi


# Who may speak. A speaker is a person, an organisation or a group: a named entity of those
# kinds, a personal pronoun, or a common noun for people or bodies. Nouns for people are
# recognised by form where English marks them (-ist, -ian, -man, -person; -er/-or/-ant/-ent
# on a verb: "voter", "investigator", "defendant") and by the lemmas below where it does not.
PERSON_NOUNS = frozenset(
    """official aide adviser advisor spokesman spokeswoman spokesperson source expert critic
    witness resident neighbor neighbour parent mother father son daughter wife husband brother
    sister uncle aunt cousin niece nephew grandmother grandfather grandparent child kid boy
    girl man woman guy person people friend relative family colleague staffer staff official
    candidate nominee president senator governor mayor judge justice lawyer attorney counsel
    prosecutor sheriff officer police chief director secretary minister ambassador diplomat
    chairman chairwoman chair ceo executive founder owner host anchor reporter journalist
    correspondent columnist editor analyst economist scientist doctor nurse surgeon physician
    professor teacher student pupil coach captain player athlete driver pilot rider champion
    veteran soldier marine sergeant colonel general commander victim survivor suspect
    defendant plaintiff detective agent inspector investigator activist protester demonstrator
    voter supporter donor delegate member leader organizer pastor priest bishop cardinal pope
    rabbi imam cleric monk nun actor actress singer musician artist author writer poet
    comedian celebrity star fan viewer reader caller listener customer client patient owner
    farmer worker employee employer manager boss official lawmaker legislator congressman
    congresswoman representative strategist pollster operative consultant surrogate ally
    rival opponent challenger incumbent republican democrat conservative liberal progressive
    partner fiancé fiancée widow widower orphan baby toddler teenager teen youth adult elder
    citizen immigrant refugee migrant local native tourist visitor passenger bystander
    onlooker eyewitness militant fighter rebel gunman attacker hostage prisoner inmate
    guard firefighter paramedic responder rescuer trooper deputy marshal ranger clerk
    intern volunteer trustee regent dean principal superintendent commissioner councillor
    councilman councilwoman councilor alderman speaker historian scholar researcher
    campaigner insider observer commentator pundit blogger novelist filmmaker producer
    director photographer designer architect engineer entrepreneur investor banker trader
    broker landlord tenant homeowner shopper diner chef waiter bartender driver trucker
    teammate coach manager referee umpire jockey boxer golfer swimmer runner skier prince
    princess king queen emperor sultan sheikh chancellor premier envoy negotiator lord lady
    proponent opponent advocate skeptic sceptic cynic father-in-law mother-in-law co-host
    """.split()
)
GROUP_NOUNS = frozenset(
    """campaign company firm committee department administration government agency group team
    organization organisation union party council board court family club police network
    ministry office bureau commission authority authorities army military navy force forces
    coalition alliance association federation league cabinet parliament congress senate
    house assembly legislature embassy consulate prosecution defense defence crowd audience
    jury panel staff management leadership regime state county city town village school
    university college hospital church mosque synagogue charity foundation institute
    center centre bank corporation newspaper paper magazine station channel broadcaster
    outlet publisher studio label band choir squad crew delegation opposition majority
    minority public community couple pair trio family household tribe clan district
    precinct""".split()
)
# Collective nouns for people, not institutions: "the family said" is not the firm named before.
PEOPLE_GROUPS = frozenset(
    """family crowd couple pair trio audience public community household tribe clan jury
    crew squad team band choir delegation majority minority opposition staff""".split()
)
_LONG_PERSON_NOUNS = tuple(w for w in PERSON_NOUNS if len(w) >= 5)
PERSON_SUFFIXES = ("ist", "ian", "man", "men", "woman", "women", "person", "people", "eer")
AGENT_SUFFIXES = ("er", "or", "ant", "ent", "ar")
SPEAKING_PRONOUNS = frozenset({"he", "she", "i", "we", "they", "who"})
# Written sources: they carry someone's words ("the statement said"), so they are a true
# attribution, but the speaker is whoever issued them, never the paper itself.
DOCUMENT_NOUNS = frozenset(
    """statement report ad advertisement letter email e-mail memo memorandum release poll
    survey study website site tweet post message complaint lawsuit suit filing editorial
    article book video document opinion piece column transcript caption sign banner headline
    note order ruling resolution bill platform policy petition indictment affidavit motion
    brief blog newsletter page feed account text voicemail recording commercial spot flyer
    leaflet pamphlet placard poster notice announcement proclamation decree verdict
    judgment judgement decision guidance directive manifesto poem song lyric verse
    marquee slogan motto inscription label entry script response reply rebuttal""".split()
)
# Forms handed out for others to sign or fill in: their wording is no one's speech
FORM_NOUNS = frozenset("waiver form questionnaire ballot application contract".split())


def document_noun(tok: Any) -> bool:
    """A written or recorded source that carries someone's words."""
    return tok.pos_ in {"NOUN", "PROPN"} and tok.lemma_.lower() in DOCUMENT_NOUNS


def person_noun(tok: Any) -> bool:
    """A common noun for a person or a group of people or a body that can speak."""
    lemma = tok.lemma_.lower()
    if lemma in PERSON_NOUNS or lemma in GROUP_NOUNS or tok.lower_ in PERSON_NOUNS:
        return True
    if lemma.endswith(PERSON_SUFFIXES) and len(lemma) > 5:
        return True
    if len(lemma) > 7 and any(lemma.endswith(w) for w in _LONG_PERSON_NOUNS):
        return True  # "neurosurgeon", "grandfather", "co-founder"
    if lemma.endswith("year-old") or (lemma == "old" and tok.nbor(-1).lower_ == "-"
                                      if tok.i > 0 else False):
        return True  # "the 43-year-old"
    if lemma.endswith(AGENT_SUFFIXES) and len(lemma) > 5:
        verbs = known_verbs(tok.doc.vocab)
        if lemma.endswith("ator") and lemma[:-2] + "e" in verbs:
            return True  # moderator -> moderate
        for cut in (2, 1):  # voter -> vote, organizer -> organize
            stem = lemma[:-cut]
            if stem in verbs or (lemma.endswith(("ant", "ent")) and stem + "e" in verbs):
                return True  # defendant -> defend, resident -> reside
    return False


