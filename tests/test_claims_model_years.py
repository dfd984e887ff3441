"""A year written before a noun names which thing it is ("a 2019 Velo hatchback", "his 1968
Orrin coupe"), it does not date the sentence's happening: no year claim of the verb, so it
never stands beside another outlet's time of that happening as a value of its own. Every text
here is invented for this test and was written before the code was run on it.
"""

from __future__ import annotations

import pytest

from crosswire.brief import compose_brief
from crosswire.records import Analyzed, Event, Story


def _years(analyze, text):
    _, ex = analyze(text, published="2030-06-15", source="Outlet 0")
    return [(c.key, c.text) for c in ex.claims
            if c.attribute == "year" and "loose" not in c.qualifiers]


@pytest.mark.parametrize("text", [
    "Dara Venn was walking along parked cars on Quay Street when she was struck by a gray "
    "2019 Velo hatchback, which then sped off.",
    "Tam Orrey struck Venn with his 2019 Velo hatchback and drove away, police said.",
    "The thieves escaped in a stolen 1968 Orrin coupe on Friday.",
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


def test_the_time_of_one_happening_is_compared_past_a_model_year(analyze):
    a = ("Dara Venn, 61, was walking along parked cars on Quay Street in Tessmoor at around "
         "10 p.m. on Friday when Tam Orrey struck her with his 2019 Velo hatchback.")
    b = ("Dara Venn was walking alongside parked cars on Quay Street in Tessmoor at about 7 "
         "p.m. on Friday when she was struck by a gray 2019 Velo hatchback, which then sped "
         "off, police said.")
    recs = {}
    for i, (outlet, text) in enumerate((("Coastal Post", a), ("North Star", b))):
        article, ex = analyze(text, published="2030-06-15", source=outlet, id=f"a{i}")
        recs[article.id] = Analyzed(article, ex)
    ids = tuple(recs)
    brief = compose_brief(Story("s1", "A story", ids, (Event("e1", "x", None, None, ids),)),
                          recs)
    found = [sorted(v.value for v in k.variants) for k in brief.conflicting
             if k.kind == "conflict"]
    assert found == [["10 p.m.", "7 p.m."]], found
