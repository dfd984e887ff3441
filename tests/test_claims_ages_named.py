"""An age written before a role that is itself written before a name ("33-year-old journeyman
Tam Brill") is that person's age, not the age of anyone called by the role: read on a real
cluster, the role's age ("The journeyman is" so many) was listed for a player the sentence
names. Every text here is invented for this test and was written before the code was run
on it."""

from __future__ import annotations

import pytest


def _ages(analyze, text):
    _, ex = analyze(text, published="2030-06-15", source="Outlet 0")
    return [(c.key, c.value) for c in ex.claims if c.attribute == "age"]


@pytest.mark.parametrize(("text", "key"), [
    ("Then, on the fifth pitch, 33-year-old journeyman Tam Brill drove a two-run double into "
     "right field.", "person:tam brill"),
    ("The 61-year-old ferry captain Ines Harrowby steered the Velk into port on Friday.",
     "person:ines harrowby"),
])
def test_an_age_before_a_role_before_a_name_is_that_persons(analyze, text, key):
    assert [k for k, _ in _ages(analyze, text)] == [key]


def test_an_age_of_a_role_alone_stays_the_roles(analyze):
    # control: no name beside the role, so the age is of whoever the role names
    assert [k for k, _ in _ages(analyze, "A 33-year-old journeyman drove a two-run double into "
                                         "right field on Friday.")] == ["journeyman/-"]


def test_the_role_of_the_one_person_who_holds_it_is_that_person(analyze):
    # "Dr Ilse Marr ... the 41-year-old doctor": the one doctor the report names; another
    # outlet's "Marr, 41," then agrees with it
    text = ("Dr Ilse Marr will chair the harbour board from May. The Velk Courier wrote "
            "that the 41-year-old doctor had beaten two rivals to the job.")
    assert [k for k, _ in _ages(analyze, text)] == ["person:ilse marr"]


@pytest.mark.parametrize("text", [
    # two doctors named: "the doctor" may be either
    "Dr Ilse Marr and Dr Tam Brill were both considered. The 41-year-old doctor was chosen.",
    # "a 41-year-old doctor" brings in someone new
    "Dr Ilse Marr treated the crew. A 41-year-old doctor from Orrin also helped.",
])
def test_a_role_more_than_one_may_hold_stays_the_roles(analyze, text):
    assert [k for k, _ in _ages(analyze, text)] == ["doctor/-"]
