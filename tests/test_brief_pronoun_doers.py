"""A year told of "he" or "she" is a year of the person the pronoun takes up: "Owen Farrow
... He won a Calder Prize in 1998" and "Owen Farrow won a Calder Prize in 2003" are one
prize told two ways, so the years contradict. The pronoun is read as the quote speakers'
pronouns are (``crosswire.extract.quotes.people_taken_up``): when it takes up someone else,
or no one, nothing is compared. A sentence that adds "N more" to a count counts in parts, so
its count is not compared with a whole ("He ran for seven touchdowns on sweeps and added two
more on sneaks": the name made this sentence comparable with "Reid ... ran for two
touchdowns on sneaks"). Every text here is invented for this test and was written
before the code was run on it (two names were changed after, because the small model tags
"Ostin Farrow" an organisation and gives "Morrow" no doer).
"""

from __future__ import annotations

import pytest

from test_brief_helpers import two_outlet_conflicts

PUB = "2030-06-15"


def _conflicts(analyze, first: str, second: str, prefix: str) -> list[tuple[str, ...]]:
    return two_outlet_conflicts(analyze, first, second, prefix, PUB)


@pytest.fixture(scope="module")
def years_of(analyze):
    return lambda first, second: _conflicts(analyze, first, second, "year:")


@pytest.mark.parametrize(("first", "second", "years"), [
    pytest.param(
        "Owen Farrow spent a decade on the late-night circuit. He won a Calder Prize in 1998 "
        "for his monologues.",
        "Owen Farrow, a veteran comic, won a Calder Prize in 2003 for his monologues.",
        ("1998", "2003"), id="he-and-the-name"),
    pytest.param(
        "Wren Halloway opened the Marsh Lane gallery on Monday. She founded the Pell Trust in "
        "1987.",
        "The Marsh Lane gallery belongs to Wren Halloway. She founded the Pell Trust in 1991, "
        "a spokeswoman said.",
        ("1987", "1991"), id="she-in-both"),
    pytest.param(
        "Teodor Vass, who floored Ivo Brandt in 1991 to take the title, retired on Sunday.",
        "Teodor Vass retired on Sunday. He floored Ivo Brandt in 2001 to take the title.",
        ("1991", "2001"), id="who-and-he"),
])
def test_a_year_of_he_or_she_is_the_persons(years_of, first, second, years):
    assert years_of(first, second) == [years]


@pytest.mark.parametrize(("first", "second"), [
    pytest.param(  # "He" takes up Dunmore, the last one named as a subject
        "Owen Farrow hosted the show. He won a Calder Prize in 1998.",
        "Owen Farrow hosted the show with Rafe Dunmore. Dunmore is a veteran of the circuit. "
        "He won a Calder Prize in 2003.", id="another-person"),
    pytest.param(  # a rewording: one year
        "Owen Farrow hosted the show. He won a Calder Prize in 1998.",
        "Owen Farrow won the Calder Prize in 1998, the year he turned forty.", id="same-year"),
])
def test_a_year_of_a_pronoun_that_is_not_the_person_is_not_compared(years_of, first, second):
    assert years_of(first, second) == []


@pytest.fixture(scope="module")
def counts_of(analyze):
    return lambda first, second: _conflicts(analyze, first, second, "count:")


@pytest.mark.parametrize(("second", "conflict"), [
    # "and added two more": seven is one part of his touchdowns, two another
    ("Kade Reid ended his season on Sunday. He ran for seven touchdowns on sweeps and added "
     "two more on sneaks.", False),
    ("Kade Reid ended his season on Sunday. He ran for seven touchdowns on sneaks.", True),
])
def test_a_count_the_sentence_adds_more_to_is_a_part(counts_of, second, conflict):
    first = ("Kade Reid ended his season on Sunday. Reid threw for 2,100 yards and ran for two "
             "touchdowns on sneaks.")
    assert bool(counts_of(first, second)) is conflict
