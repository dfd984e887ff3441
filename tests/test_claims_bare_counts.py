"""A number with no noun of its own counts people when its verb is one that befalls or is
done by people ("50 were injured", "killing 10 people and injuring 70", "about 80 were
hurt", "two were arrested"): news writes the toll of a happening this way as often as with
a noun, and those are the counts outlets contradict each other on. Every text here is
invented for this test and was written before the code was run on it.
"""

from __future__ import annotations

import pytest

from test_brief_helpers import two_outlet_conflicts


def _counts(analyze, text):
    _, ex = analyze(text, published="2030-06-15", source="Outlet 0")
    return sorted((c.key, c.value) for c in ex.claims
                  if c.attribute == "count" and "loose" not in c.qualifiers)


@pytest.mark.parametrize(("text", "want"), [
    ("Velk Gov. Tomas Brell said 50 were injured.", ("injure/person", "50")),
    ("A strong earthquake hit Velk on Sunday, killing 10 people and injuring 70.",
     ("injure/person", "70")),
    ("At least 10 people were killed and 70 injured in the quake.", ("injure/person", "70")),
    ("Ten people died and about 80 were hurt in the blast at the Orrin mill.",
     ("injure/person", "72..88")),  # about 80
    ("Two were arrested after the fight outside the Velk stadium on Saturday.",
     ("arrest/person", "2")),
])
def test_a_bare_number_of_a_verb_that_befalls_people_counts_people(analyze, text, want):
    assert want in _counts(analyze, text), _counts(analyze, text)


@pytest.mark.parametrize("text", [
    "The Velk Harriers won 12 and lost 3 before the break.",  # games, not people
    "Prices rose 4 percent, and 30 of the shops closed early.",
])
def test_a_bare_number_of_another_verb_counts_no_people(analyze, text):
    assert not [k for k, _ in _counts(analyze, text) if k.endswith("/person")]


def test_two_outlets_bare_injured_counts_disagree(analyze):
    first = ("A strong earthquake hit the island of Velk on Sunday, killing 10 people and "
             "injuring 70, officials said.")
    second = ("A strong earthquake hit the island of Velk on Sunday. Ten people died and 50 "
              "were injured.")
    assert ("50", "70") in two_outlet_conflicts(analyze, first, second, "count:injure",
                                                "2030-06-15")


@pytest.mark.parametrize(("text", "value"), [
    ("A tram overturned in Velk on Wednesday, pinning three people and hurting another 25.",
     "25"),
    ("The Velk clinic was caring for 30 people, six of whom were badly hurt.", "6"),
    ("The Velk clinic said 30 people were taken in, of which six are badly hurt.", "6"),
])
def test_a_count_of_another_few_or_of_whom_is_a_part(analyze, text, value):
    # read on a real cluster: "hurting another N" and "N of whom were badly hurt" count a
    # part of the injured, not all of them; told as all of them, they contradicted a higher
    # count of all the injured
    _, ex = analyze(text, published="2030-06-15", source="Outlet 0")
    (claim,) = [c for c in ex.claims if c.attribute == "count" and c.value == value]
    assert "part" in claim.qualifiers, claim
