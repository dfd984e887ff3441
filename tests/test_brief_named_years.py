"""The year written right after a name both outlets give ("first sang at the Velk Mill Hall
in 2011" / "moved to the Velk Mill Hall in 2014") is the year of one named happening,
place or work, when the two sentences also tell of the same thing around it: the years
disagree, whatever verb each sentence hangs them on. A name far from the year, a year that
another year stands between, a list of years, a bound ("since"), or sentences that share
nothing but the name are not compared. Every text here is invented for this test and was
written before the rule (reworded later, to keep it far from real text read meanwhile)."""

from __future__ import annotations

import pytest

from test_brief_helpers import two_outlet_conflicts

PUB = "2031-03-09"
OPEN = "The Orsa choir gave its last winter concert on Monday, its secretary said. "


def _years(analyze, first: str, second: str) -> list[tuple[str, ...]]:
    return two_outlet_conflicts(analyze, OPEN + first, OPEN + second, "year:", PUB)


@pytest.mark.parametrize(("first", "second", "years"), [
    pytest.param(
        "The choir first sang at the Velk Mill Hall in 2011, and it has sung there every "
        "winter since.",
        "The choir's winter concerts moved to the Velk Mill Hall in 2014, the choir's "
        "secretary said.", ("2011", "2014"), id="hall"),
    pytest.param(
        "The choir sang at the Brisk Corn Exchange in 2003 and at the Velk Mill Hall in 2011.",
        "The choir held its first concert at the Velk Mill Hall near Orsa in 2014.",
        ("2011", "2014"), id="the-other-year-is-the-other-halls"),
])
def test_a_year_after_one_name_told_two_ways_conflicts(analyze, first, second, years):
    assert _years(analyze, first, second) == [years]


@pytest.mark.parametrize(("first", "second"), [
    pytest.param(  # the name is shared, the happening is not
        "The Velk Mill Hall first opened its doors in 1934.",
        "The choir held its first concert at the Velk Mill Hall in 2011.",
        id="another-happening"),
    pytest.param(  # the other year belongs to the other hall
        "The choir sang at the Brisk Corn Exchange in 2003 and at the Velk Mill Hall in 2011.",
        "The choir first sang at the Velk Mill Hall in 2011, its secretary said.",
        id="two-halls-one-agreeing"),
    pytest.param(  # the same year reworded
        "The choir first sang at the Velk Mill Hall in 2011.",
        "In 2011 the choir gave its first concert at the Velk Mill Hall.", id="same-year"),
    pytest.param(  # a list of years: the name's several happenings
        "The choir held concerts at the Velk Mill Hall in 2011 and 2013.",
        "The choir held a concert at the Velk Mill Hall in 2012, its secretary said.",
        id="list-of-years"),
    pytest.param(  # "since 2009" bounds a time, it dates no happening
        "The choir gave its first concert at the Velk Mill Hall since 2009.",
        "The choir gave a concert at the Velk Mill Hall in 2004.", id="since-a-year"),
])
def test_years_of_another_happening_or_alike_are_not_compared(analyze, first, second):
    assert _years(analyze, first, second) == []
