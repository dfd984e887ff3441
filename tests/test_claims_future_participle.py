"""A bare participle describing a noun takes the tense of the clause the noun stands in: in
"<Name> will be the host of the gala, televised live on <day>", the broadcast is still to
come, so its day is a plan and its statement says "will be televised", not "was" (read on a
held-out cluster: a ceremony months after publication was told as past). Every text here is
invented for this test and was written before the code was run on it."""

from __future__ import annotations


def _claim(analyze, text, key):
    _, ex = analyze(text, published="2031-02-14", source="Outlet 0")
    return next(c for c in ex.claims if c.attribute == "date" and c.key == key)


def test_a_participle_in_a_future_clause_is_a_plan(analyze):
    c = _claim(analyze, "Organisers said today that Ilse Marr will be the host of the gala, "
                        "televised live on Sunday, March 9, 2031, from the Velk Hall.",
               "televise")
    assert "future" in c.qualifiers
    assert c.predicate.startswith("will be")


def test_a_participle_in_a_past_clause_stays_past(analyze):
    c = _claim(analyze, "Ilse Marr was the host of the gala, televised live on Sunday, "
                        "February 9, 2031, from the Velk Hall.", "televise")
    assert "future" not in c.qualifiers
    assert c.predicate.startswith("was")
