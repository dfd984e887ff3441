"""A report that prints a shortened copy of another outlet's wire story is checked against
what the outlets agree on by its own text, not credited with what the fuller copy carries
(read on a real cluster: a five-paragraph cut of a wire story was said to give "all 4 facts
and quotes the other outlets agree on", a quote among them it had cut). Invented text."""

from __future__ import annotations

import json

import pytest

import crosswire

WIRE = ("Two ferries collided in thick fog off Tarn Point on Saturday, injuring 11 passengers, "
        "the coast guard said. The Kestrel, bound for Orrin, struck the smaller Lark about 300 "
        "yards from the pier. Both vessels returned to port under their own power, and divers "
        "inspected their hulls on Sunday. Harbor master Ines Dalby said the crossing would "
        "reopen on Monday. \"We are lucky nobody went into the water,\" Dalby said. The Kestrel "
        "had been refitted last spring after a fire in its engine room, the operator said.")
CUT = " ".join(WIRE.split(". ")[:3]) + "."  # the first three sentences, word for word
OWN = ("Eleven passengers were hurt on Saturday when two ferries collided in fog off Tarn "
       "Point. \"We are lucky nobody went into the water,\" harbor master Ines Dalby told "
       "reporters. Dalby said the crossing would reopen on Monday after the hulls were checked.")


@pytest.mark.slow
def test_brief_framing_a_cut_copy_leaves_out_what_it_cut(tmp_path):
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for aid, source, text in (("a0", "Wire", WIRE), ("a1", "Daily Orrin", OWN),
                                  ("a2", "Coast Herald", CUT)):
            out.write(json.dumps({"id": aid, "title": "Ferries collide off Tarn Point",
                                  "text": text, "published": "2026-03-15",
                                  "source": source}) + "\n")
    (story,) = crosswire.analyze([feed]).stories
    omits = {f["article"]: " ".join(f["omits"]) for f in story["framing"]}
    assert "lucky nobody went into" in omits["a2"], omits
    assert omits["a0"] == "", omits  # controls: the full copy and the other outlet
    assert omits["a1"] == "", omits


def _omits(tmp_path, rows, title: str) -> dict[str, str]:
    """Per article of ``rows`` ((id, outlet, text), published on one day), the words of
    what its framing line says it leaves out."""
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for aid, source, text in rows:
            out.write(json.dumps({"id": aid, "title": title, "text": text,
                                  "published": "2031-03-15", "source": source}) + "\n")
    (story,) = crosswire.analyze([feed]).stories
    return {f["article"]: " ".join(f["omits"]) for f in story["framing"]}


PIPES = ("Two fuel pipes burst in the Sea of Velk on Friday, halting supplies to Orrin, the "
         "port office said. Repairs will take a month.")
PIPES_TOO = ("Two fuel pipes burst in the Sea of Velk on Friday, the port office said, and "
             "supplies to Orrin stopped. A dive team set out on Saturday.")


@pytest.mark.slow
def test_brief_framing_an_outlet_naming_the_place_in_its_own_words_does_not_leave_it_out(
        tmp_path):
    # a place the others agree on is given by an outlet that names it in a sentence of its
    # own wording ("pipes laid across the Sea of Velk gave way"), as a figure it writes is;
    # an outlet that never names it leaves it out (control)
    rows = (("a0", "Wire", PIPES), ("a1", "Orrin Post", PIPES_TOO),
            ("a2", "Coast Herald", "Fuel deliveries to Orrin ran dry after a pair of pipes "
             "laid across the Sea of Velk gave way on Friday, the port office said."),
            ("a3", "Bay Times", "Fuel deliveries to Orrin ran dry after a pair of pipes gave "
             "way on Friday, the port office said."))
    omits = _omits(tmp_path, rows, "Fuel pipes burst off Orrin")
    assert "Velk" not in omits["a2"], omits
    assert "Velk" in omits["a3"], omits


@pytest.mark.slow
def test_brief_framing_an_outlet_writing_a_distance_does_not_leave_it_out(tmp_path):
    # a distance is kept in metres, an outlet writes it in yards: the figure it writes is
    # compared with the figure the fact is written with (read on a real cluster: outlets
    # that gave an 86-yard run were said to leave it out); one that writes none does (control)
    lead = "The Orrin Gulls beat the Velk Terns 20-13 on Friday."
    rows = (("a0", "Wire", f"{lead} Lena Tomas had an 86-yard scoring dash for the Terns."),
            ("a1", "Orrin Post", "Velk lost again. In the third quarter the Terns' Lena Tomas "
             "had an 86-yard scoring dash, her longest ever, but the Gulls held on."),
            ("a2", "Coast Herald", f"{lead} Her 86-yarder opened the second half."),
            ("a3", "Bay Times", f"{lead} The Terns led at the half."))
    omits = _omits(tmp_path, rows, "Gulls beat Terns")
    assert "86" not in omits["a2"], omits
    assert "86" in omits["a3"], omits


@pytest.mark.slow
def test_brief_framing_an_outlet_writing_the_rank_does_not_leave_it_out(tmp_path):
    # "her seventh comeback" gives "her 7th late comeback" (an ordinal in words); an
    # outlet with no ordinal leaves it out (control)
    lead = "The Orrin Gulls beat the Velk Terns 20-13 on Friday."
    rows = (("a0", "Wire", f"{lead} It was Ruiz's 7th late comeback of the year."),
            ("a1", "Orrin Post", "A club record fell in Orrin: for the Gulls and Ana Ruiz it "
             "was Ruiz's 7th late comeback of the year."),
            ("a2", "Coast Herald", f"{lead} The goal sealed a seventh comeback for Ruiz's "
             "side."),
            ("a3", "Bay Times", f"{lead} The Terns led at the half."),
            ("a4", "Gull Weekly", f"{lead} Ruiz led a 7th late rally of the year."))
    omits = _omits(tmp_path, rows, "Gulls beat Terns")
    assert "7th" in omits["a3"], omits
    assert "7th" not in omits["a2"] and "7th" not in omits["a4"], omits
