"""The year written right after a name both outlets give ("wrecked by Storm Halvard in
2011" / "after Storm Halvard in 2014") is the year of one named happening, place or work,
when the two sentences also tell of the same thing around it: the years disagree, whatever
verb each sentence hangs them on. A name far from the year, a year that another year stands
between, or sentences that share nothing but the name are not compared. Every text here is
invented for this test and was written before the rule."""

from __future__ import annotations

import pytest

from test_brief_helpers import two_outlet_conflicts

PUB = "2031-03-09"
OPEN = "The Orsa family clinic reopened on Monday, three years after it was last rebuilt. "


def _years(analyze, first: str, second: str) -> list[tuple[str, ...]]:
    return two_outlet_conflicts(analyze, OPEN + first, OPEN + second, "year:", PUB)


@pytest.mark.parametrize(("first", "second", "years"), [
    pytest.param(
        "Nurse Ines Moray became known for rebuilding the clinic, wrecked by Storm Halvard "
        "in 2011.",
        "The clinic was flooded by Storm Vell in 2003 and by Storm Halvard in 2014, and each "
        "time Moray rebuilt the clinic.", ("2011", "2014"), id="storm"),
    pytest.param(
        "A toddler fell into the otter pool at Velden Zoo in 1994 and was pulled out unhurt.",
        "In a similar case, a girl slipped into the otter pool at Velden Zoo near Orsa in "
        "1997.", ("1994", "1997"), id="zoo"),
])
def test_a_year_after_one_name_told_two_ways_conflicts(analyze, first, second, years):
    assert _years(analyze, first, second) == [years]


@pytest.mark.parametrize(("first", "second"), [
    pytest.param(  # the name is shared, the happening is not
        "Velden Zoo first opened its gates in 1934.",
        "A girl slipped into the otter pool at Velden Zoo in 1997.", id="another-happening"),
    pytest.param(  # the other year belongs to the other storm
        "The clinic was flooded by Storm Vell in 2003 and by Storm Halvard in 2011.",
        "Moray rebuilt the clinic after it was wrecked by Storm Halvard in 2011.",
        id="two-storms-one-agreeing"),
    pytest.param(  # the same year reworded
        "Nurse Ines Moray rebuilt the clinic, wrecked by Storm Halvard in 2011.",
        "Storm Halvard wrecked the clinic in 2011; Moray rebuilt the clinic.", id="same-year"),
    pytest.param(  # a list of years: the name's several happenings
        "The clinic was flooded during Storm Halvard in 2011 and 2013.",
        "The clinic was flooded during Storm Halvard in 2012, and Moray rebuilt it.",
        id="list-of-years"),
    pytest.param(  # "since 1998" bounds a time, it dates no happening
        "The clinic hosted the first Velden Cup final at Marl Park since 1998.",
        "The clinic hosted the Velden Cup final at Marl Park in 2004.", id="since-a-year"),
])
def test_years_of_another_happening_or_alike_are_not_compared(analyze, first, second):
    assert _years(analyze, first, second) == []
