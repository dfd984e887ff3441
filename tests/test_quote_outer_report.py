"""A quote inside a clause whose own verb of saying has its own speaker is that speaker's, not
the outlet's that reports the whole sentence; and a written text introduced by "It read:" is
the writer's, not the last organisation named. Invented text only (never real articles)."""

from __future__ import annotations

import pytest

from quote_helpers import find_quote as _find


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    ("Tomas Ekberg, 41, a commuter, said the ferry lurched and “the whole deck just tipped "
     "over,” the Harbor Gazette reports.", "whole deck just tipped", "Tomas Ekberg"),
    ("Nadia Forsyth, a teacher on the bus, said the driver braked hard and “nobody had a "
     "seatbelt on,” Valley Radio reported.", "nobody had a seatbelt", "Nadia Forsyth"),
    ("Orrin Blake told reporters the levee was “holding for now, but only just,” according "
     "to the Delta Courier.", "holding for now", "Orrin Blake"),
], ids=["reports", "reported", "according-to"])
def test_inner_speaker_wins_over_the_reporting_outlet(quotes_of, text, needle, speaker):
    assert _find(quotes_of(text), needle).speaker == speaker



def test_a_text_by_a_body_is_the_bodys(quotes_of):
    q = _find(quotes_of("Dara Kell chairs the inquiry. A report from the Orrin Harbour Board "
                        "was published on Monday. It said: “Three of the cranes should "
                        "never have been used.”"), "cranes should never")
    assert q.speaker == "Orrin Harbour Board"


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    ("The Kelby Ferry Company runs six boats a day. Another passenger, Ines Morrow, said she "
     "had warned her sister that morning. She sent a text message at 7am. It read: “The "
     "boat is going far too fast, I feel sick.”", "going far too fast", "Ines Morrow"),
    ("Westmoor Council closed the road on Monday. Dev Anand, who lives nearby, posted a note "
     "on his door. It said: “Road shut, use the back lane.”", "Road shut", "Dev Anand"),
    ("Harrow Rail apologised on Friday. Lena Voss said she was on the late train. That "
     "night, she shared a picture of a handwritten note to her landlord. It read: “Sorry, "
     "the heating is broken again.”", "heating is broken", "Lena Voss"),
    ("Calder Bus apologised. Daniel Harper said he had missed his stop. Later, he put a photo "
     "online of a note he had kept. It read: “Next bus in two hours, sorry.”",
     "Next bus in two hours", "Daniel Harper"),
], ids=["text-message", "note", "picture-of-a-note", "photo-online-of-a-note"])
def test_a_written_text_is_not_the_last_organisation(quotes_of, text, needle, speaker):
    q = _find(quotes_of(text), needle)
    assert q.speaker not in {"The Kelby Ferry Company", "Kelby Ferry Company",
                             "Westmoor Council"}
    assert q.speaker == speaker


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    # what the crew found is the writer's account of the source's report, not the crew's words
    # (the source's, the harbour official who spoke before: "the official" takes him up)
    ("The ferry turned back an hour out of Orsa, a harbour official said. The crew found a "
     "stowaway had boarded the ferry, and chose to return even though the matter was "
     "settled, according to the official.", "stowaway had boarded", "a harbour official"),
    ("Tova Rinn learned the bridge had been closed for a week, according to the Velk "
     "Courier.", "bridge had been closed", "Velk Courier"),
])
def test_the_outer_according_to_wins_over_a_verb_of_finding(quotes_of, text, needle, speaker):
    assert _find(quotes_of(text), needle).speaker == speaker


@pytest.mark.parametrize(("text", "whole"), [
    # read on a real cluster: a sentence of two clauses closed by "according to" gave its
    # source the last clause alone, which on its own said the opposite of the whole
    ("The tram left the rails near the depot and knocked over two bike racks, but nobody was "
     "hurt, according to the operator.", "knocked over two bike racks"),
    ("The kiln cracked during the night firing and two shelves of bowls fell, according to "
     "the studio owner.", "kiln cracked"),
])
def test_according_to_at_the_end_reports_the_whole_coordination(quotes_of, text, whole):
    (q,) = [x for x in quotes_of(text) if x.kind == "indirect"]
    assert whole in q.text, q.text


def test_according_to_inside_a_conjunct_reports_that_conjunct_alone(quotes_of):
    text = ("The tram left the rails near the depot, and, according to the operator, nobody "
            "was hurt.")
    (q,) = [x for x in quotes_of(text) if x.kind == "indirect"]
    assert "left the rails" not in q.text, q.text
