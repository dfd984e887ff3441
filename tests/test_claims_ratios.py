"""A number out of another ("completed 21 of 27 throws", "won 9 of 12 games") is a ratio, not
a count of its own: neither number is a count of what the verb did, however the second is
written ("27" or "twenty-seven": a rewording must not turn it into two counts). Found by the
planted benchmark's held-out rewordings. Every text here is invented for this test and was
written before the code was run on it."""

from __future__ import annotations

import pytest


def _counts(analyze, text):
    _, ex = analyze(text, published="2030-06-15", source="Outlet 0")
    return sorted(c.text for c in ex.claims
                  if c.attribute == "count" and "loose" not in c.qualifiers)


@pytest.mark.parametrize(("text", "other"), [
    ("Orrin quarterback Tam Brill completed 21 of 27 throws for 240 yards in the Owls' win.",
     "Orrin quarterback Tam Brill completed 21 of twenty-seven throws for 240 yards in the "
     "Owls' win."),
    ("The Velk Owls won nine of 12 games at home this season, the club said.",
     "The Velk Owls won nine of twelve games at home this season, the club said."),
])
def test_a_ratio_is_no_count_however_it_is_written(analyze, text, other):
    for said in (text, other):
        counts = _counts(analyze, said)
        assert not set(counts) & {"21", "27", "twenty-seven", "nine", "12", "twelve"}, (
            said, counts)


def test_one_of_a_number_still_counts_the_whole(analyze):
    counts = _counts(analyze, "Born in Orrin in 1931, Ada Brill was one of six children of "
                              "a ferry worker.")
    assert "six" in counts, counts


def test_a_number_of_things_without_another_is_still_a_count(analyze):
    counts = _counts(analyze, "Orrin quarterback Tam Brill completed 21 throws for 240 yards "
                              "in the Owls' win on Sunday.")
    assert "21" in counts, counts
