"""'The coach said': the person the article named with that noun as a title or a description.
Invented text only (never real articles)."""

from __future__ import annotations

import pytest

from quote_helpers import find_quote as _find


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    ("Ostra Kites coach Mara Voss retired on Monday after nine seasons.\n\u201cI will miss the "
     "noise of the crowd,\u201d the two-time league coach of the year said.", "noise", "Mara Voss"),
    ("The ferry was held at the pier by Tomas Reyes, a harbor pilot, for two hours. \u201cThe "
     "fog was too thick to move,\u201d the pilot said.", "fog", "Tomas Reyes"),
])
def test_quotes_the_noun_takes_up_the_person_described_so(quotes_of, text, needle, speaker):
    assert _find(quotes_of(text), needle).speaker == speaker


def test_quotes_a_noun_no_one_was_described_with_stays_as_written(quotes_of):
    text = ("Ostra Kites coach Mara Voss retired on Monday.\n\u201cShe changed the club,\u201d "
            "the goalkeeper said.")
    assert _find(quotes_of(text), "changed the club").speaker == "the goalkeeper"


def test_quotes_a_named_modifier_picks_the_person_described_with_it(quotes_of):
    text = ("Green Party nominee Ann Lee and Labour nominee Tom Vell met on Monday. \u201cWe "
            "agreed on nothing,\u201d the Green nominee said.")
    assert _find(quotes_of(text), "agreed on nothing").speaker == "Ann Lee"


def test_quotes_a_capitalised_lede_word_is_not_part_of_the_speakers_name(quotes_of):
    # a lede set in capitals ("THE second largest ..."): the speaker is "the ...", not "THE"
    # (read on a real cluster, where it headed a group of quotes)
    text = ("THE oldest ferry line in Orrin says some 70 of its winter sailings will be "
            "cut because of a shortage of crew.")
    q = _find(quotes_of(text), "winter sailings")
    assert (q.speaker or "").startswith("the oldest ferry line"), q


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    pytest.param("Left-leaning Danes argued online that the new ferry fares were unfair.",
                 "ferry fares", "Left-leaning Danes", id="hyphened"),
    pytest.param("Older Norwegians told pollsters in Bergen that the toll had to go.",
                 "toll had to go", "Older Norwegians", id="adjective"),
])
def test_quotes_a_people_described_by_a_modifier_keeps_it(quotes_of, text, needle, speaker):
    # "Right-wing <nationals> have debated ..." was credited to the whole nation (read on a
    # real cluster): a people named by its nationality and narrowed by a modifier is that
    # part of it
    assert _find(quotes_of(text), needle).speaker == speaker


def test_quotes_a_people_named_alone_stays_as_named(quotes_of):
    text = "Danes told pollsters in Aarhus that the toll had to go."  # control
    assert _find(quotes_of(text), "toll had to go").speaker == "Danes"


@pytest.mark.parametrize(("text", "needle"), [
    # issue 17, read on a real cluster: a studio's tagline for a star was credited to the
    # star, the passive subject of a verb that takes "as"
    ('The Ostra singer Lena Varga was billed as "the voice of the northern lakes" in 1950.',
     "northern lakes"),
    # ... and a charge's words in quotation marks are not the accused's (issue 17, read on a
    # real cluster)
    ('Lena Varga, 37, was charged with the "reckless handling" of a harbour crane and held '
     "in custody by an Orrin magistrate.", "reckless handling"),
])
def test_quotes_words_a_subject_is_passed_off_as_are_not_its_own(quotes_of, text, needle):
    hits = [q for q in quotes_of(text) if needle in q.text]
    assert all(q.speaker != "Lena Varga" for q in hits), hits


def test_quotes_one_quoted_as_saying_still_speaks(quotes_of):
    # control: "was quoted as saying" gives the subject's own words
    text = 'Lena Varga was quoted as saying "a voice needs rest" in a 1950 interview.'
    assert _find(quotes_of(text), "needs rest").speaker == "Lena Varga"
