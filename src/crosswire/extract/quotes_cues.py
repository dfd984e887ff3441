"""Cue verbs and speakers on the dependency parse: who is the subject of "said", where the
reported clause is, through which outlet ("told ABC News") a quote came.
"""

from __future__ import annotations

from typing import Any

# Verbs that attribute speech or writing (lemmas). Used for quotes with quotation marks.
SPEECH = frozenset(
    """say tell add note write tweet post state declare explain argue insist claim contend
    assert recall ask answer reply respond counter continue conclude complain concede admit
    acknowledge warn urge announce report predict suggest remark observe testify vow promise
    pledge deny confirm call describe label dub brand praise blast slam decry lament joke quip
    boast shout yell scream whisper mutter exclaim proclaim cry told comment elaborate stress
    emphasize maintain allege charge accuse tout characterize describe recount summarize
    reiterate repeat put caution advise begin start open close mock blame thank quote read
    speak write""".split()
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
# Verbs whose to-infinitive complement reports an intention or a stance ("vowed to fight").
INTENT = frozenset(
    """vow promise pledge threaten plan want hope intend urge ask refuse decline expect
    agree offer seek demand call encourage""".split()
)
# Verbs with a clausal complement that never report anyone's words or thoughts.
NOT_REPORT = frozenset("be have do make let get go come take give keep help see look".split())
TELL_LIKE = frozenset({"tell", "inform", "ask", "assure", "remind", "warn", "advise", "urge"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
CLIMB_DEPS = frozenset({"xcomp", "advcl", "pcomp", "conj", "prep", "acl", "ccomp", "relcl"})
NP_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case", "predet"}
)


def is_cue(tok: Any, lexicon: frozenset[str] = SPEECH) -> bool:
    """A verb from ``lexicon`` (or "according" of "according to")."""
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
        return True
    return tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in lexicon and tok.dep_ != "amod"


def subject_of(verb: Any, depth: int = 0, strict: bool = False) -> Any | None:
    """The speaker token of a cue verb, climbing through xcomp/advcl/conj/relcl chains.

    ``strict`` climbs only through conjunctions and relative clauses.
    """
    if verb.lower_ == "according":
        for to in verb.children:
            if to.lower_ == "to":
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
        return None
    for child in verb.children:
        if child.dep_ in SUBJ_DEPS and child.dep_ != "expl":
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    climb = {"conj", "relcl"} if strict else CLIMB_DEPS
    if strict and verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp"}:
        climb = CLIMB_DEPS
    if depth < 4 and verb.dep_ in climb and verb.head is not verb:
        head = verb.head
        if verb.dep_ == "relcl":
            return head
        if head.pos_ in {"VERB", "AUX"} or head.dep_ in CLIMB_DEPS:
            return subject_of(head, depth + 1, strict)
    # Inverted order without a subject arc: "..., said the mayor."
    for child in verb.children:
        if child.dep_ in {"dobj", "attr", "dep", "npadvmod"} and child.i > verb.i:
            if child.pos_ in {"PROPN", "NOUN", "PRON"}:
                return child
    return None


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
        return lo, hi
    ccomps = [c for c in kids if c.dep_ == "ccomp"]
    if not ccomps and verb.lemma_.lower() in INTENT:
        ccomps = [c for c in kids if c.dep_ == "xcomp" and c.i > verb.i]
    if not ccomps:
        return None
    child = ccomps[0]
    return child.left_edge.i, child.right_edge.i + 1
