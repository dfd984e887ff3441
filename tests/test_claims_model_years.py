"""A year written before a noun names which thing it is ("a 2019 Velo hatchback", "his 1968
Orrin coupe"), it does not date the sentence's happening: no year claim of the verb, so it
never stands beside another outlet's time of that happening as a value of its own. Every text
here is invented for this test and was written before the code was run on it.
"""

from __future__ import annotations

import pytest


def _years(analyze, text):
    _, ex = analyze(text, published="2030-06-15", source="Outlet 0")
    return [(c.key, c.text) for c in ex.claims
            if c.attribute == "year" and "loose" not in c.qualifiers]


@pytest.mark.parametrize("text", [
    "A silver 2019 Velo hatchback hit Dara Venn as she crossed Quay Street, and its driver "
    "did not stop.",
    "Tam Orrey hit Venn with his 2019 Velo hatchback and drove off, police said.",
    "The thieves escaped in a stolen 1968 Orrin coupe on Friday.",
    # a make's name the recogniser takes for a body or a person: the colour or the owner
    # before the year says it is a thing someone has (read on real clusters)
    "A blue 2019 Orra Vista clipped a cyclist on Marl Road on Friday.",
    "Vale drove north in his 2006 Kestrel Royale just after 11 p.m., a deputy said.",
    # the parse hangs the year on the colour: the words around it still say what it is
    "Dara Venn's shed was dented by a silver 2016 Kestrel Royale that rolled down the hill.",
    # read on a real cluster: a make's name that is also a verb ("focus"), and parses that
    # make the colour the noun ("a grey 2009 <make>": the year hangs on "grey") or the year
    # the head of the colour
    "Neighbours told officers the van that hit him was a grey 2009 Ford Focus, and a man "
    "was held later that night.",
    "Staff at the depot described the lorry as a grey 2009 Nissan Micra with a dented door.",
    "Staff at the depot described the lorry as a grey 2009 Mazda Demio with a dented door.",
])
def test_a_year_before_a_noun_dates_no_happening(analyze, text):
    assert _years(analyze, text) == []


@pytest.mark.parametrize("text", [
    "Dara Venn bought the Velo hatchback in 2019.",
    "The Quay Street bridge, built in 1968, was closed on Friday.",
])
def test_a_year_of_the_verb_is_still_a_claim(analyze, text):
    assert [t for _, t in _years(analyze, text)] == [text.split(" in ")[1][:4]]


@pytest.mark.parametrize(("text", "year"), [
    ("Dr. Ines Harrowby, a 2008 Orsa Foundation Fellow, was named Tessmoor's health chief.",
     "2008"),
    ("Kell Brant, the 2012 first-round pick of the Harbor Hawks, retired on Friday.", "2012"),
])
def test_a_year_before_a_named_body_or_a_deed_still_dates_it(analyze, text, year):
    assert year in [t for _, t in _years(analyze, text)]


def test_an_age_beside_a_model_year_is_the_age_now(analyze):
    # read on a real cluster: the model year made the sentence "about" that year, so the
    # victim's age was keyed as her age then, and never met the other outlets' "61"
    _, ex = analyze("Dara Venn, 61, was crossing Quay Street in Tessmoor at around 10 p.m. on "
                    "Friday when Tam Orrey hit her with his 2019 Velo hatchback.",
                    published="2030-06-15", source="Outlet 0")
    ages = [c.key for c in ex.claims if c.attribute == "age"]
    assert ages == ["person:dara venn"], ages
