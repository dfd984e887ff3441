"""A day told as a night or its small hours by the words of what it dates ("An overnight flood
Friday", "a late-night storm on Friday"): the claim carries the word, so "Friday" there is
not a contradiction of another outlet's "early Saturday" (read on a real cluster: one
happening told as overnight on one day and early on the next). Every text here is
invented."""

from __future__ import annotations

import pytest


def _hours(analyze, text):
    _, ex = analyze(text, published="2030-06-15", source="Outlet 0")
    return [q for c in ex.claims if c.attribute == "date" for q in c.qualifiers
            if q.startswith("hour:")]


@pytest.mark.parametrize(("text", "hours"), [
    ("An overnight flood Friday at the Kelby library ruined some 2,000 books, staff said.",
     ["hour:overnight"]),
    ("A late-night storm on Friday flattened the Kelby boathouse, the harbour board said.",
     ["hour:night"]),  # ("late-night": its head word)
    ("A storm on Friday flattened the Kelby boathouse, the harbour board said.", []),  # control
])
def test_a_night_told_by_what_the_day_dates(analyze, text, hours):
    assert _hours(analyze, text) == hours


