"""A place claim's words stop before the place: its statement puts the place where the value
goes, and the question a conflict asks names no side ("Where the bus caught fire", not
"Where the bus caught fire in <one outlet's spelling>": read on a real cluster). Invented
text."""

from __future__ import annotations

TEXT = ("Residents still recall the winter of 1987, when a bus caught fire in Tessmoor Road "
        "after hitting a lamp post.")


def test_a_place_claim_does_not_repeat_the_place(analyze):
    _, ex = analyze(TEXT, published="2030-06-15", source="Outlet 0")
    places = [c for c in ex.claims if c.attribute == "place"]
    assert places, ex.claims
    for c in places:
        assert c.text not in c.predicate, c.predicate
