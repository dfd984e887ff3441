"""What a report says someone denied, or did not say, is no claim of the report's: "Lind
denied that two engineers were hurt on Friday" gives no count of hurt engineers and no day
of their hurt. Every text here is invented for this test and was written before the code was
run on it.
"""

from __future__ import annotations

import pytest


def _claims(analyze, text):
    """The firm counts and days (a ``loose`` value, which only its copy in another outlet
    compares with, is kept whatever its clause says)."""
    _, ex = analyze(text, published="2030-06-15", source="Outlet 0")
    return [(c.attribute, c.text) for c in ex.claims
            if c.attribute in ("count", "date") and "loose" not in c.qualifiers]


@pytest.mark.parametrize("text", [
    "Ilse Lind denied that two engineers were hurt at the Ferrow bridge on Friday.",
    "Ilse Lind did not say that two engineers were hurt at the Ferrow bridge on Friday.",
    "The bridge is safe, Ilse Lind said, denying that two engineers were hurt there on Friday.",
    "The port authority disputed that two engineers were hurt at the bridge on Friday.",
])
def test_a_denied_clause_states_nothing(analyze, text):
    assert _claims(analyze, text) == []


@pytest.mark.parametrize("text", [
    "Ilse Lind said that two engineers were hurt at the Ferrow bridge on Friday.",
    "Ilse Lind confirmed that two engineers were hurt at the Ferrow bridge on Friday.",
    # not knowing something does not make it untrue
    "Ilse Lind did not know that two engineers were hurt at the Ferrow bridge on Friday.",
])
def test_a_said_or_known_clause_still_states_its_values(analyze, text):
    assert ("count", "two") in _claims(analyze, text)
    assert ("date", "Friday") in _claims(analyze, text)
