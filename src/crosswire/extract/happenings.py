"""Nouns that name happenings, and years that name things: what the parse says a noun is.

``event_noun``: a noun made from a verb ("shooting", "collision", "closure") or one the
lexicons know as a happening ("death", "arrest"). ``names_which_thing``: a year written
before a noun that names no happening ("a blue 2019 Velo hatchback", "his 1968 coupe") says
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
    tells which thing that is ("a blue 2019 Velo hatchback", "his 1968 coupe") and dates
    nothing; unlike "the 2015 attacks" or "the 2019 floods" (a noun a verb is also spelt
    as)."""
    head = year.head
    if year.dep_ not in ("compound", "nummod", "amod", "nmod") or head.pos_ not in (
            "NOUN", "PROPN"):  # fmt: skip
        return _between_colour_and_name(year)
    while (head.dep_ in ("compound", "amod") and head.head.pos_ in ("NOUN", "PROPN")
           and head.head.i > head.i):  # fmt: skip
        head = head.head  # "2019 Velo hatchback", "a silver 2019 hatchback": the hatchback
    if head.i < year.i:
        return _between_colour_and_name(year)  # "the car of 2019": not before a name (unless
        # the parse hung the year on the colour before it: "a silver 2016 Kestrel Royale")
    if head.tag_ in ("NNS", "NNPS"):
        return False  # "2000 protesters": a count
    # "a blue 2019 Orra Vista", "his 2006 Kestrel Royale": a colour or an owner before the
    # year says the name is of a thing someone has, whatever the recogniser took it for
    had = any(c.i < year.i and c.dep_ in ("poss", "amod")  # (a colour the tagger took for
              for c in (*year.children, *head.children))  # a noun still modifies: "silver")
    if head.pos_ == "PROPN" and (had or _between_colour_and_name(year)):
        return True  # a make's name, whatever else it spells ("a grey 2009 Orra Focus")
    if head.pos_ == "PROPN" and head.ent_type_ not in ("", "PRODUCT"):
        return False  # "a 2008 Orsa Foundation Fellow", "the 2008 Games": the year of it
    return not (event_noun(head) or getAllLemmas(str(head.lemma_).casefold(), upos="VERB"))


def _between_colour_and_name(year: Any) -> bool:
    """Whether a year the parse hung on something else is written between a colour or an
    owner and a name ("dented by a silver 2016 Kestrel Royale": the parse made the year the
    colour's), so by its words a model."""
    doc = year.doc
    if not (0 < year.i < len(doc) - 1):
        return False
    before, after = doc[year.i - 1], doc[year.i + 1]
    # a colour the tagger took for a noun, however the parse hung it ("as a grey 2009
    # <make>": the year may be the colour's head, or the colour the noun the year counts)
    colour = (before.tag_ == "NN" and before.text.islower() and year.i >= 2
              and doc[year.i - 2].dep_ in ("det", "poss")
              and before.ent_type_ not in ("DATE", "TIME") and not event_noun(before))
    describes = before.tag_ in ("JJ", "PRP$") or colour or (
        before.dep_ in ("nmod", "amod", "compound") and before.head.i > year.i)  # modifying
    return describes and after.pos_ == "PROPN" and after.ent_type_ not in ("DATE", "TIME")


def a_model_year(t: TimeRef, doc: Any) -> bool:
    """Whether a time expression is a bare year that says which thing the noun after it is
    ("her green 2006 Orra coupe"), by ``doc``, the article's parse."""
    if not (t.text.isdigit() and len(t.text) == 4):
        return False
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span is not None and len(span) == 1 and names_which_thing(span[0])


__all__ = ["EVENT_SUFFIXES", "a_model_year", "event_noun", "names_which_thing"]
