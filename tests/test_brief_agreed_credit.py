"""An agreed line told in one outlet's own words credits the other outlets with the value
they agree on, not with the rest of that sentence (read on real clusters: a line giving
three figures was credited to an outlet that gave one of them). Invented text."""

from __future__ import annotations

import json
import re

import pytest

import crosswire

TEXTS = {
    "Outlet A": ("Rescuers pulled 14 cars from the water and restored power to over 900 homes "
                 "in Tessmoor on Sunday, hours after the Velk river broke through a levee near "
                 "the old mill."),
    "Outlet B": ("Sunday was a day of sandbags and sirens along the Velk, from the mill bridge "
                 "to the ferry landing."),
    "Outlet C": ("By Sunday night rescuers had pulled 14 cars from the Velk in Tessmoor, the "
                 "county said."),
}


def _story(tmp_path, texts, title, published):
    """The one story of ``texts`` (outlet -> text), each an article of that outlet (article
    "a<i>"), published at ``published`` (or at ``published(i)``)."""
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for i, (source, text) in enumerate(texts.items()):
            when = published(i) if callable(published) else published
            out.write(json.dumps({"id": f"a{i}", "title": title, "text": text,
                                  "published": when, "source": source}) + "\n")
    (story,) = crosswire.analyze([feed]).stories
    return story


def _lines_with(story, words):
    """The agreed and single-source lines whose statement holds ``words``."""
    return [f for part in ("agreed", "unique") for f in story["facts"][part]
            if words in f["statement"]]


@pytest.mark.slow
def test_brief_agreed_a_line_in_one_outlets_words_credits_the_others_with_the_value(tmp_path):
    story = _story(tmp_path, TEXTS, "Velk floods Tessmoor", "2026-03-16")
    whole = [f for f in story["facts"]["agreed"] if "county said" in f["statement"]]
    assert whole, [f["statement"] for f in story["facts"]["agreed"]]
    for f in whole:  # Outlet C's sentence, its day and its source; Outlet A gives the cars
        assert "(Outlet A also gives 14 cars)" in f["statement"], f["statement"]
    plain = [f for f in story["facts"]["agreed"] if "county said" not in f["statement"]]
    assert all("(also" not in f["statement"] for f in plain), plain  # control: plain lines


@pytest.mark.slow
def test_brief_agreed_six_pinned_are_not_six_dead(tmp_path):
    # the same figure of people with another verb is another group: riders freed from under
    # a cabin do not confirm riders who died (read on a real cluster: the trapped were
    # counted as the dead)
    texts = {
        "Outlet A": "Six riders died when a cable car fell onto the quay in Kelby on Tuesday.",
        "Outlet B": ("A cable car fell onto the quay in Kelby on Tuesday; rescuers freed six "
                     "riders pinned under the cabin and treated 30 more."),
    }
    story = _story(tmp_path, texts, "Cable car falls in Kelby", "2026-03-18")
    dead = [f for f in story["facts"]["agreed"] if "died" in f["statement"]]
    assert not dead, dead


@pytest.mark.slow
def test_brief_framing_an_outlet_writing_the_figure_does_not_leave_it_out(tmp_path):
    # an outlet that gives the figure of the hurt as those treated gives it, and is not said
    # to leave it out (read on a real cluster: six outlets were said to leave out figures
    # they gave in other words); an outlet that never writes the figure still leaves it out
    texts = {
        "Outlet A": ("At least 30 people were hurt when a grandstand gave way at the Tessmoor "
                     "fair on Saturday, organisers said."),
        "Outlet B": ("At least 30 people were hurt on Saturday when a grandstand gave way "
                     "during the final race at the Tessmoor fair."),
        "Outlet C": ("A grandstand gave way during the final race at the Tessmoor fair on "
                     "Saturday. Medics treated 32 spectators at the track."),
        "Outlet D": ("A grandstand gave way during the final race at the Tessmoor fair on "
                     "Saturday, and the fair was closed, organisers said."),
    }
    story = _story(tmp_path, texts, "Grandstand gives way", "2026-03-19")
    omits = {f["article"]: " ".join(f["omits"]) for f in story["framing"]}
    assert "30" not in omits["a2"], omits
    assert "30" in omits["a3"], omits


@pytest.mark.slow
def test_brief_agreed_a_count_of_people_with_no_noun_is_credited_as_people(tmp_path):
    # read on a real cluster: the credit gave a bare number where the credited outlet
    # counted people aboard; the sentence shown names no noun of its own
    texts = {
        "Outlet A": ("The Velk Star, which had 212 people on board, struck a pier at Orrin "
                     "on Sunday evening, the port said."),
        "Outlet B": "There were 212 people aboard the ferry when it hit a pier at Orrin.",
    }
    story = _story(tmp_path, texts, "Ferry hits Orrin pier", "2026-03-17")
    credited = [f["statement"] for f in story["facts"]["agreed"]
                if "also gives 212" in f["statement"]]
    assert credited, [f["statement"] for f in story["facts"]["agreed"]]
    assert all(" also gives 212 people)" in s for s in credited), credited


@pytest.mark.slow
def test_brief_a_line_from_one_copy_names_the_outlet_that_printed_it(tmp_path):
    # read on a real cluster: a line in one outlet's words, cited to that outlet's article,
    # was labelled with the outlet of the wire copy it reprints
    wire = ("Two freight trains collided in the Velk tunnel early on Tuesday, injuring one "
            "worker, the Orrin transit agency said. The agency said the two trains touched "
            "at low speed near the Kelby portal. The injured worker was taken to "
            "Orrin General Hospital with minor injuries. Service on the Velk line was "
            "suspended for several hours while crews inspected the track and the signals.")
    texts = {"Outlet A": wire,
             "Outlet B": wire + " The tunnel reopened to traffic at 9:25 a.m. on Tuesday."}
    story = _story(tmp_path, texts, "Freight trains collide in Velk tunnel", "2026-03-18")
    assert story["independent_sources"] == 1, story["independent_sources"]  # one copy
    lines = _lines_with(story, "9:25")
    assert lines, [f["statement"] for f in story["facts"]["unique"]]
    for f in lines:
        assert {c["article"] for c in f["citations"]} == {"a1"}, f["citations"]
        assert f["sources"] == ["Outlet B"], f["sources"]


@pytest.mark.slow
def test_brief_agreed_credit_names_the_value_each_outlet_wrote(tmp_path):
    # read on a real cluster: a line saying "more than <sum>" credited three outlets with
    # "more than <sum>" though they wrote the sum alone; each outlet is credited with its own
    texts = {
        "Outlet A": ("Ines Marl of Tessmoor opened a water bill of more than $910 million on "
                     "Monday, the utility said."),
        "Outlet B": "A Tessmoor woman was sent a $910 million water bill, the utility said.",
        "Outlet C": "Ines Marl got a water bill for $910 million in Tessmoor this week.",
    }
    story = _story(tmp_path, texts, "Tessmoor water bill", "2026-03-17")
    notes = [m for f in story["facts"]["agreed"]
             for m in re.finditer(r"\(([^()]+?) also gives? ([^()]+)\)", f["statement"])]
    assert notes, [f["statement"] for f in story["facts"]["agreed"]]
    for m in notes:  # each outlet a note names wrote the value as the note gives it
        for outlet in re.split(r", | and ", m[1]):
            wrote = re.search(r"(?:more than )?\$910 million", texts[outlet])
            assert wrote is not None and wrote[0] == m[2], (m[0], outlet)


@pytest.mark.slow
def test_brief_a_line_from_two_copies_names_an_outlet_that_printed_it(tmp_path):
    # read on a real cluster: a line in the wire's words, cited to three outlets' reprints,
    # was labelled with a fourth outlet whose shorter copy of the wire lacks the sentence
    wire = ("A gas leak forced the evacuation of 40 homes in Kelby on Thursday, the Orrin "
            "fire service said. Crews shut off the main near the Velk school at midday. "
            "Residents were allowed back in the evening after the air was tested. "
            "The utility said it would inspect every pipe on the street.")
    extra = " Two firefighters were treated for fumes at the scene."
    own = (" The school will stay closed on Friday while engineers check the gas main, the "
           "boiler room and the kitchens, the district said in a letter to parents.")
    texts = {"Outlet A": wire + own, "Outlet B": wire + extra,  # (C: no exact duplicate of B)
             "Outlet C": wire + extra + " Questions can go to the utility's hotline."}
    story = _story(tmp_path, texts, "Gas leak in Kelby", lambda i: f"2026-03-19T0{i + 1}:00")
    assert story["independent_sources"] == 1, story["independent_sources"]  # one copy
    lines = _lines_with(story, "firefighters")
    assert lines, [f["statement"] for f in story["facts"]["unique"]]
    for f in lines:
        cited = {c["article"] for c in f["citations"]}
        assert cited <= {"a1", "a2"}, f["citations"]
        assert f["sources"] == ["Outlet B"], f["sources"]  # the first to print it


@pytest.mark.slow
def test_brief_a_line_that_points_back_carries_what_it_points_to(tmp_path):
    # read on real clusters: a line opening on "It" stood alone under a story about
    # another company, and one opening on "That" said nothing of what "that" was; a line
    # told in its sentence's words that opens by pointing back carries the sentence before
    # it, cited with it (as the timeline's lines do)
    texts = {
        "Outlet A": ("The Velk Ferry Company will add a night crossing to Orrin, its chief "
                     "said on Monday. It will carry 240 passengers a trip from May."),
        "Outlet B": "A storm closed the Orrin harbour for two days. Fishing boats stayed in.",
    }
    story = _story(tmp_path, texts, "Orrin ferries", "2026-03-17")
    lines = _lines_with(story, "240 passengers")
    assert lines, [f["statement"] for f in story["facts"]["unique"]]
    for f in lines:
        assert "Velk Ferry Company" in f["statement"], f["statement"]
        text = texts["Outlet A"]
        cited = [text[c["start"] : c["end"]] for c in f["citations"] if c["article"] == "a0"]
        assert any("Velk Ferry Company" in s and "240" in s for s in cited), cited
    control = [f["statement"] for f in story["facts"]["unique"] if "storm" in f["statement"]]
    assert all(s.startswith("A storm") for s in control), control  # not pointing back


@pytest.mark.slow
def test_brief_a_line_that_points_back_never_carries_a_caption(tmp_path):
    # read on a real cluster: the last slide of a photo gallery ("3/3 <date> <caption>
    # <credit>") stood before a body sentence opening on "It", and the line carried the
    # caption, date and all; what a line points back to is the body's sentence before it
    texts = {
        "Outlet A": ("A tram left the rails in Kell on Wednesday, killing three people.\n"
                     "Orrin news in pictures\n"
                     "1/3 4 May 2029 A cat sleeps on a bench in Kell Park Rex Features\n"
                     "2/3 5 May 2029 Fans queue outside the Harbor Arena before the final PA\n"
                     "3/3 6 May 2029 A kite flies over the harbour wall at dusk Rex Features\n"
                     "It will be the first crash with deaths on the Kell trams in 40 years, "
                     "the operator said.\n"),
        "Outlet B": "A storm closed the Orrin harbour for two days. Fishing boats stayed in.",
    }
    story = _story(tmp_path, texts, "Kell tram crash", "2030-05-08")
    lines = [f["statement"] for part in ("agreed", "unique") for f in story["facts"][part]]
    assert any("first crash" in s for s in lines), lines
    assert not any("kite" in s or "Rex Features" in s for s in lines), lines



@pytest.mark.slow
def test_brief_a_line_that_points_back_never_carries_the_tail_of_a_quotation(tmp_path):
    # read on a real cluster: a line opening "He said ..." carried the sentence before it,
    # the last of a witness's quoted sentences, and the line opened inside his quotation
    # with a stray closing mark; what a line carries must read whole on its own
    texts = {
        "Outlet A": ("A tram left the rails in Kell on Wednesday, killing three people.\n"
                     "Former sailor Tam Quell, 61, was among the injured. \u201cNormally the "
                     "brakes come on near the depot. Then suddenly we were lying on the floor. "
                     "People were yelling \u2013 many could not get up.\u201d\nHe said the "
                     "carriage skidded for between seven and nine seconds before it stopped."),
        "Outlet B": ("A tram left the rails in Kell on Wednesday, killing three people, police "
                     "said."),
    }
    story = _story(tmp_path, texts, "Kell tram crash", "2030-05-10")
    lines = [f["statement"] for part in ("agreed", "unique") for f in story["facts"][part]]
    skid = [s for s in lines if "nine seconds" in s]
    assert skid, lines
    assert not any(s.startswith("People were yelling") for s in skid), skid


@pytest.mark.slow
def test_brief_agreed_one_exact_uncommon_figure_told_with_two_nouns(tmp_path):
    # a read: a specific figure of shell firms, told as "companies" by one outlet and as
    # "entities" by another, was two single-source lines. A figure this specific (three
    # significant digits or more) is one fact whatever noun counts it; a round one is not
    texts = {
        "Outlet A": ("Velk Ferries was fined on Monday over the Orrin leak. The leaked ledgers "
                     "list some 318,600 shell companies tied to the harbour trade, the paper "
                     "said."),
        "Outlet B": ("Velk Ferries was fined on Monday after a leak in Orrin. The ledgers cover "
                     "around 318,600 shipping entities linked to harbour trading."),
    }
    story = _story(tmp_path, texts, "Velk Ferries fined", "2026-03-16")
    assert not _lines_with(story, "318,600") or all(
        f in story["facts"]["agreed"] for f in _lines_with(story, "318,600")), story["facts"]
    lines = [f for f in story["facts"]["agreed"] if "318,600" in f["statement"]]
    assert len(lines) == 1, story["facts"]  # one line for the one fact


@pytest.mark.slow
def test_brief_a_round_figure_told_with_two_nouns_stays_two_lines(tmp_path):
    # control: 120 "councillors" and 120 "firms" may be two things
    texts = {
        "Outlet A": ("Velk Ferries was fined on Monday over the Orrin leak. The ledgers name "
                     "120 councillors across the harbour towns, the paper said."),
        "Outlet B": ("Velk Ferries was fined on Monday after a leak in Orrin. The ledgers cover "
                     "120 shipping firms in the harbour towns."),
    }
    story = _story(tmp_path, texts, "Velk Ferries fined", "2026-03-16")
    assert not any("120" in f["statement"] for f in story["facts"]["agreed"]), story["facts"]


def test_brief_a_line_without_its_notes_is_the_fact_alone():
    # read on a real cluster: a "leaves out" line carried the agreed line's note of the other
    # figure given ("(<figure>: <outlet>)"), which read as an internal key there
    from crosswire.brief.cite import credit_note, figures_note, without_credit

    said = "Foxes have raided as many as 40 henhouses"
    noted = said + figures_note([("nearly 40", ["South Wire"])]) + credit_note("40", ["Velk"])
    assert noted != said and without_credit(noted) == said
    assert without_credit("The fare rose (to 3.20 euros) on Monday") == (
        "The fare rose (to 3.20 euros) on Monday")
