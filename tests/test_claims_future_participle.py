"""A bare participle describing a noun takes the tense of the clause the noun stands in: in
"<Name> will open the festival, filmed live on <day>", the filming is still to come, so its
day is a plan and its statement says "will be filmed", not "was" (read on a held-out
cluster: a ceremony months after publication was told as past). Every text here is
invented for this test and was written before the code was run on it."""

from __future__ import annotations


def _claim(analyze, text, key):
    _, ex = analyze(text, published="2031-02-14", source="Outlet 0")
    return next(c for c in ex.claims if c.attribute == "date" and c.key == key)


def test_a_participle_in_a_future_clause_is_a_plan(analyze):
    c = _claim(analyze, "The Velk choir will open the lantern festival, filmed live on Sunday, "
                        "March 9, 2031, for the city channel.", "film")
    assert "future" in c.qualifiers
    assert c.predicate.startswith("will be")


def test_a_participle_in_a_past_clause_stays_past(analyze):
    c = _claim(analyze, "The Velk choir opened the lantern festival, filmed live on Sunday, "
                        "February 9, 2031, for the city channel.", "film")
    assert "future" not in c.qualifiers
    assert not c.predicate.startswith("will")
