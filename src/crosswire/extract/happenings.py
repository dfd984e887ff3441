"""Nouns that name happenings, and years that name things: what the parse says a noun is.

``event_noun``: a noun made from a verb ("shooting", "collision", "closure") or one the
lexicons know as a happening ("death", "arrest"). ``names_which_thing``: a year written
before a noun that names no happening ("a gray 2019 Velo hatchback", "his 1968 coupe") says
which thing that is (a model) and dates nothing, unlike "the 2015 attacks" or "the 2019
floods". TimeML tags such a year, so the time tagger keeps it (its benchmark scores it);
``extract_article`` leaves it out of an article's times (``a_model_year``), so no later
stage dates anything by it.
"""

from __future__ import annotations

from typing import Any

from lemminflect import getAllLemmas

from ..lexicon import load_lexicon
from ..records import TimeRef

EVENT_SUFFIXES = ("ing", "tion", "sion", "ment", "al", "ure", "sis", "ance", "ence")


def event_noun(noun: Any) -> bool:
    """A noun that names a happening: one made from a verb ("shooting", "collision",
    "arrival", "closure") or one the lexicons know as such ("death", "arrest")."""
    lemma = str(noun.lemma_).casefold()
    lex = load_lexicon("verbs")
    return (lemma.endswith(EVENT_SUFFIXES) or lemma in lex["nouns"]
            or lemma in lex["casualty_nouns"])  # fmt: skip


def names_which_thing(year: Any) -> bool:
    """Whether a year (its token) is written before a noun that names no happening, so it
    tells which thing that is ("a gray 2019 Velo hatchback", "his 1968 coupe") and dates
    nothing; unlike "the 2015 attacks" or "the 2019 floods" (a noun a verb is also spelt
    as)."""
    head = year.head
    if year.dep_ not in ("compound", "nummod", "amod", "nmod") or head.pos_ not in (
            "NOUN", "PROPN"):  # fmt: skip
        return False
    while (head.dep_ in ("compound", "amod") and head.head.pos_ in ("NOUN", "PROPN")
           and head.head.i > head.i):  # fmt: skip
        head = head.head  # "2019 Velo hatchback", "a silver 2019 hatchback": the hatchback
    if head.i < year.i or head.tag_ in ("NNS", "NNPS"):
        return False  # "the car of 2019": not before a name; "2000 protesters": a count
    if head.pos_ == "PROPN" and head.ent_type_ not in ("", "PRODUCT"):
        return False  # "a 2008 Orsa Foundation Fellow", "the 2008 Games": the year of it
    return not (event_noun(head) or getAllLemmas(str(head.lemma_).casefold(), upos="VERB"))


def a_model_year(t: TimeRef, doc: Any) -> bool:
    """Whether a time expression is a bare year that says which thing the noun after it is
    ("his black 2008 Orra coupe"), by ``doc``, the article's parse."""
    if not (t.text.isdigit() and len(t.text) == 4):
        return False
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span is not None and len(span) == 1 and names_which_thing(span[0])


__all__ = ["EVENT_SUFFIXES", "a_model_year", "event_noun", "names_which_thing"]
