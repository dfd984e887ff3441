"""A day written before the noun it tells of ("the company's March 3 fuel spill", "a Friday
night brawl") dates that noun, not the verb the noun hangs on: "approved fees in response to
the March 3 spill" says nothing of when the fees were approved. Every text here is invented
for this test and was written before the code was run on it.
"""

from __future__ import annotations

import pytest


def _firm_dates(analyze, text):
    _, ex = analyze(text, published="2031-03-20", source="Outlet 0")
    return [(c.key, c.text) for c in ex.claims
            if c.attribute == "date" and "loose" not in c.qualifiers]


@pytest.mark.parametrize(("text", "day"), [
    ("The Orrin harbour board approved new fees in response to the Velk company's March 3 "
     "fuel spill.", "March 3"),
    ("Police arrested two deckhands after a Friday night brawl on the Velden quay.",
     "Friday night"),
])
def test_a_day_before_its_noun_does_not_date_the_verb(analyze, text, day):
    assert not [k for k, said in _firm_dates(analyze, text) if said == day]


@pytest.mark.parametrize(("text", "key"), [
    # controls: a day after the verb, or as its adverb, still dates it
    ("The Orrin harbour board approved new fees on March 3 after the fuel spill.", "approve"),
    ("Police arrested two deckhands on Friday night after a brawl on the Velden quay.",
     "arrest"),
])
def test_a_day_of_the_verb_is_still_its_claim(analyze, text, key):
    assert key in [k for k, _ in _firm_dates(analyze, text)]
