"""An agreed line told in one outlet's own words credits the other outlets with the value
they agree on, not with the rest of that sentence (read on real clusters: a line giving a
toll, the wounded and the floor the gunman fired from was credited to an outlet that gave
only the toll; another outlet's sentence about a president's address to one that never
named him). Invented text, written before the code was run on it."""

from __future__ import annotations

import json

import pytest

import crosswire

TEXTS = {
    "Outlet A": ("A gunman killed at least 20 people and wounded over 100 at a harbour "
                 "festival in Orrin on Sunday, firing from the 12th floor of a hotel for several "
                 "minutes."),
    "Outlet B": ("The night played out on two stages on Sunday: the festival grounds that "
                 "became a killing field, and the hotel where the police sought the gunman."),
    "Outlet C": ("A gunman opened fire on a harbour festival in Orrin on Sunday night, killing "
                 "at least 20 people, police said."),
}


@pytest.mark.slow
def test_brief_agreed_a_line_in_one_outlets_words_credits_the_others_with_the_value(tmp_path):
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for i, (source, text) in enumerate(TEXTS.items()):
            out.write(json.dumps({"id": f"a{i}", "title": "Gunman fires on Orrin festival",
                                  "text": text, "published": "2026-03-16",
                                  "source": source}) + "\n")
    (story,) = crosswire.analyze([feed]).stories
    whole = [f for f in story["facts"]["agreed"] if "12th floor" in f["statement"]]
    assert whole, [f["statement"] for f in story["facts"]["agreed"]]
    for f in whole:  # Outlet A's sentence; Outlet C gives the toll only
        assert "(also at least 20 people: Outlet C)" in f["statement"], f["statement"]
    plain = [f for f in story["facts"]["agreed"] if "12th floor" not in f["statement"]]
    assert all("(also" not in f["statement"] for f in plain), plain  # control: plain lines


@pytest.mark.slow
def test_brief_agreed_five_trapped_are_not_five_dead(tmp_path):
    # the same figure of people with another verb is another group: five trapped do not
    # confirm five dead (read on a real cluster: "At least five people are dead" was listed
    # as agreed by three outlets that gave five trapped)
    texts = {
        "Outlet A": "At least five people are dead after a tram overturned in Orrin on Tuesday.",
        "Outlet B": ("A tram overturned in Orrin on Tuesday, trapping five people and injuring "
                     "another 40."),
    }
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for i, (source, text) in enumerate(texts.items()):
            out.write(json.dumps({"id": f"a{i}", "title": "Tram overturns in Orrin",
                                  "text": text, "published": "2026-03-18",
                                  "source": source}) + "\n")
    (story,) = crosswire.analyze([feed]).stories
    dead = [f for f in story["facts"]["agreed"] if "dead" in f["statement"]]
    assert not dead, dead


@pytest.mark.slow
def test_brief_framing_an_outlet_writing_the_figure_does_not_leave_it_out(tmp_path):
    # "More than 50 were taken to hospital" is no omission of "More than 50 people were
    # injured" (read on a real cluster: six outlets were said to leave out figures they gave
    # in other words); an outlet that never writes the figure still leaves it out (control)
    texts = {
        "Outlet A": ("More than 50 people were injured when a tram overturned in Orrin on "
                     "Wednesday, police said."),
        "Outlet B": ("More than 50 people were injured on Wednesday when a tram overturned on "
                     "a bend in Orrin."),
        "Outlet C": ("A tram overturned on a bend in Orrin on Wednesday. More than 50 were "
                     "taken to hospital, and the driver was arrested."),
        "Outlet D": ("A tram overturned on a bend in Orrin on Wednesday, and the driver was "
                     "arrested, police said."),
    }
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for i, (source, text) in enumerate(texts.items()):
            out.write(json.dumps({"id": f"a{i}", "title": "Tram overturns in Orrin",
                                  "text": text, "published": "2026-03-19",
                                  "source": source}) + "\n")
    (story,) = crosswire.analyze([feed]).stories
    omits = {f["article"]: " ".join(f["omits"]) for f in story["framing"]}
    assert "50" not in omits["a2"], omits
    assert "50" in omits["a3"], omits
