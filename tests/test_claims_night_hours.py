"""A day told as a night or its small hours by the words of what it dates ("An overnight fire
Friday", "a late-night blaze on Friday"): the claim carries the word, so "Friday" there is
not a contradiction of another outlet's "early Saturday" (read on a real cluster: one
church fire, "overnight ... Friday" and "early Saturday"). Every text here is invented for
this test and was written before the code was run on it."""

from __future__ import annotations

import pytest


def _hours(analyze, text):
    _, ex = analyze(text, published="2030-06-15", source="Outlet 0")
    return [q for c in ex.claims if c.attribute == "date" for q in c.qualifiers
            if q.startswith("hour:")]


@pytest.mark.parametrize(("text", "hours"), [
    ("An overnight fire Friday at the Orrin chapel caused about $40,000 in damage.",
     ["hour:overnight"]),
    ("A late-night blaze on Friday gutted the Orrin chapel, the fire service said.",
     ["hour:night"]),  # ("late-night": its head word)
    ("A fire on Friday gutted the Orrin chapel, the fire service said.", []),  # control
])
def test_a_night_told_by_what_the_day_dates(analyze, text, hours):
    assert _hours(analyze, text) == hours


