"""Issue 17: speakers a reader can trust. Invented people and places only (never real articles).

Turn-taking in interviews and on the pitch, witness paragraphs, he/she to the nearest person
of that gender, people only mentioned near a quote, places and things that never speak.
"""

from __future__ import annotations

import pytest

from quote_helpers import find_quote as _find


def _last(speaker: str | None) -> str | None:
    return speaker.split()[-1] if speaker else None


# -- turn-taking -----------------------------------------------------------------------------

INTERVIEW = (
    "Harbor master Tobias Quennell has run the Vellport docks for thirty years. The Gazette's "
    "Nadia Verhoek asked him about the storm.\n\n"
    '"How long were the docks closed?" Verhoek asked.\n\n'
    '"Nine days, the longest I can remember," Quennell said.\n\n'
    '"Will the ferries run this weekend?"\n\n'
    '"Only the morning boat. The pier at Saltmarsh is still under water."\n\n'
    '"And the fishing fleet?"\n\n'
    '"Half of it is still tied up in Corrin Bay."'
)


@pytest.mark.parametrize(
    ("needle", "who"),
    [
        ("How long were the docks", "Verhoek"),
        ("Nine days", "Quennell"),
        ("Will the ferries run", "Verhoek"),
        ("Only the morning boat", "Quennell"),
        ("And the fishing fleet", "Verhoek"),
        ("Half of it is still", "Quennell"),
    ],
)
def test_interview_turns_alternate(quotes_of, needle, who):
    # bare quotes in their own paragraphs after a two-person exchange take turns; a question
    # does not belong to the man who has just answered one
    q = _find(quotes_of(INTERVIEW), needle)
    assert _last(q.speaker) == who


SPORTS = (
    "Midfielder Tavi Oruko scored twice as Brennock Rovers beat Halsey Town 3-1 on Saturday.\n\n"
    '"We kept running when they stopped," Oruko said. "The coach told us the second half '
    'was ours."\n\n'
    "Rovers coach Ingrid Solvang was less pleased with the first half.\n\n"
    '"We gave them far too much room," she said. "That cannot happen in a final."'
)


def test_sports_paragraphs_keep_their_own_speaker(quotes_of):
    quotes = quotes_of(SPORTS)
    assert _find(quotes, "kept running").speaker == "Tavi Oruko"
    assert _find(quotes, "second half was ours").speaker == "Tavi Oruko"
    assert _find(quotes, "far too much room").speaker == "Ingrid Solvang"
    assert _find(quotes, "cannot happen in a final").speaker == "Ingrid Solvang"


# -- witnesses -------------------------------------------------------------------------------

WITNESS = (
    "Brockwell residents spoke for more than an hour. Ines Tarrow, who lives two streets from "
    "the quarry, said she had kept her windows shut since the blast. \"I'm not opening them,\" "
    'she said. "Not until someone tells me what was in that dust."'
)


def test_witness_paragraph_goes_to_the_witness_not_the_place(quotes_of):
    quotes = quotes_of(WITNESS)
    assert _find(quotes, "not opening them").speaker == "Ines Tarrow"
    assert _find(quotes, "what was in that dust").speaker == "Ines Tarrow"


def test_witness_introduced_by_a_description(quotes_of):
    text = ("A neighbor, Wendell Ashgrove, was walking his dog when the roof fell in. "
            '"It went down like a card table," he said.')
    assert _find(quotes_of(text), "card table").speaker == "Wendell Ashgrove"


# -- he / she --------------------------------------------------------------------------------


def test_she_skips_the_nearer_man(quotes_of):
    text = ("Pilar Andsey waited at the ward door while her colleague, Tobin Grall, carried in "
            "the first patient. He set the boy down on a cot. "
            '"We had six beds and nine patients," she said.')
    assert _find(quotes_of(text), "six beds").speaker == "Pilar Andsey"


def test_he_skips_the_nearer_woman(quotes_of):
    text = ("Mr. Osric Penhale opened the hardware store in 1990. His daughter, Marit Penhale, "
            "runs it now. She keeps the old brass till by the door. "
            '"It still rings true," he said.')
    assert _find(quotes_of(text), "rings true").speaker == "Osric Penhale"


def test_he_said_after_a_quote_shows_the_last_subjects_gender(quotes_of):
    # "Vell said ...", then '"...," he said': the article calls Vell "he", though the
    # quoted words stand between the name and the pronoun; so a later "she" is not Vell (the
    # woman is named too far back to be taken up without evidence: no one, rather than him)
    text = ("Dana Whitcombe owns the bakery on Pier Street. Tomas Vell said the rent had "
            'doubled. "I looked at the ledger and it was a lot," he said. "We cannot pay it," '
            "she said.")
    q = _find(quotes_of(text), "cannot pay")
    assert q.speaker != "Tomas Vell" and q.speaker_text == "she"


def test_she_goes_to_the_one_person_nearby_who_may_be_a_she(quotes_of):
    # further back than the last sentences: the man is shown to be "he", the woman's gender is
    # not shown; she is the only one nearby who may be "she"
    text = ("Dana Whitcombe owns the bakery on Pier Street. Tomas Vell said the rent had doubled. "
            '"I looked at the ledger and it was a lot," he said. "The bank will not wait," he '
            'added. "We cannot pay it," she said.')
    assert _find(quotes_of(text), "cannot pay").speaker == "Dana Whitcombe"


# -- mentioned, not speaking -----------------------------------------------------------------

WIDOW = (
    "At the riverside vigil, the crowd fell quiet as Ysolde Brannagh, Piet Brannagh's widow, "
    "walked to the front. She thanked the divers who had searched for her husband, then turned "
    "toward the mill and spoke to its owners:\n\n"
    '"Piet left for the night shift and never came back. I do not want your wreaths. I want '
    'answers."'
)


def test_widow_colon_paragraph_is_hers(quotes_of):
    q = _find(quotes_of(WIDOW), "never came back")
    assert q.speaker == "Ysolde Brannagh"


def test_widow_by_surname_is_the_one_who_spoke(quotes_of):
    text = ("Piet Brannagh, 41, drowned when the mill race flooded. At the vigil, Ysolde "
            "Brannagh, Piet Brannagh's widow, spoke briefly.\n\n"
            '"I do not want your wreaths. I want answers," Brannagh said.')
    assert _find(quotes_of(text), "wreaths").speaker == "Ysolde Brannagh"


def test_widow_whose_husband_died(quotes_of):
    text = ("Ysolde Brannagh, whose husband Piet died in the flood, stood before the crowd.\n\n"
            "\u201cPiet went to work on a Monday and never came home,\u201d Brannagh said.")
    q = _find(quotes_of(text), "never came home")
    assert q.speaker != "Piet Brannagh" and q.speaker != "Piet"
    assert q.speaker_text == "Brannagh"


def test_addressee_is_not_the_speaker(quotes_of):
    text = '"We will rebuild the bridge by spring," Fenna Dorsey told Councilman Ravi Okwu.'
    assert _find(quotes_of(text), "rebuild the bridge").speaker == "Fenna Dorsey"


def test_person_talked_about_before_the_quote_is_not_the_speaker(quotes_of):
    text = ("Coach Brin Alder remembered Joss Merriweather, who died on Sunday. Merriweather "
            "had played for him for six seasons. \"Joss never missed a practice,\" Alder said.")
    assert _find(quotes_of(text), "never missed").speaker == "Brin Alder"


# -- places and things -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("State records show the quarry was cited in 2021 for storing fuel near the river.",
         "quarry was cited"),
        ("A 2021 county citation found the quarry had stored fuel too close to the river.",
         "stored fuel"),
        ("The Lindmoor Dairy has not said much. In a short statement it called the spill a "
         '"regrettable accident" and said it would pay for the cleanup.', "regrettable"),
    ],
    ids=["records", "citation", "it-no-org"],
)
def test_things_name_no_speaker(quotes_of, text, needle):
    q = _find(quotes_of(text), needle)
    assert q.speaker in {None, "Lindmoor Dairy", "The Lindmoor Dairy"}


def test_it_resolves_to_the_company_named_before(quotes_of):
    text = ("Questions about Orvell Plastics went unanswered on Monday. In a short statement "
            'it called the leak a "minor event" and promised a full review.')
    q = _find(quotes_of(text), "minor event")
    assert q.speaker == "Orvell Plastics"


def test_a_place_never_speaks(quotes_of):
    text = ("The storm hit Kessingby hardest. Kessingby had been flooded twice before. "
            '"We have nowhere left to put the sandbags," she said.')
    q = _find(quotes_of(text), "sandbags")
    assert q.speaker != "Kessingby"


# -- a quote's speaker from the sentence around it ----------------------------------------


def test_bare_quote_after_a_sentence_of_reported_speech(quotes_of):
    text = ("Mayor Ilka Brandt said the Ostwick dam would hold through the spring.\n\n"
            '"It has held for ninety years and it will hold for ninety more."')
    assert _find(quotes_of(text), "ninety more").speaker == "Ilka Brandt"


def test_parenthetical_cue_inside_the_quotes_clause(quotes_of):
    text = ("Engineer Maren Tolst inspected the footbridge on Monday. Repairs, she added, "
            'would be "finished well before the first frost."')
    assert _find(quotes_of(text), "first frost").speaker == "Maren Tolst"


def test_remark_belongs_to_its_owner(quotes_of):
    text = ('Wren Halloway drew criticism over her remark that "nobody reads the council '
            'minutes anyway."')
    assert _find(quotes_of(text), "minutes anyway").speaker == "Wren Halloway"


def test_the_object_of_a_verb_is_not_its_speaker(quotes_of):
    text = ('The Ostwick council ran a radio ad calling it "a fair deal for every family in '
            'the valley."')
    q = _find(quotes_of(text), "fair deal")
    assert q.speaker_text != "it" and q.speaker != "it"


# -- a log of voices: a line of narration between two quotes ---------------------------------

RADIO_LOG = (
    "At 9:40 p.m., the first calls reach the Orrin coastguard.\n"
    "Within minutes one officer aboard the Velk ferry reports what the crew can see:\n"
    "\u201cThe bow doors have buckled and the car deck is taking water.\u201d\n"
    "\u201cWe are turning for the harbour mouth, tell the pilots.\u201d\n"
    "Families gather at the terminal gates.\n"
    "\u201cSend the gangway crew to berth four, there are children on the upper deck!\u201d\n"
    "Shortly before ten, the pumps seem to hold.\n"
    "\u201cThe engine room is dry again. Is the stern line still fast?\u201d\n"
)


@pytest.mark.parametrize(("needle", "speaker"), [
    ("bow doors have buckled", "one officer"),  # control: the colon introduces it
    ("turning for the harbour mouth", "one officer"),  # control: the next line goes on
    ("gangway crew to berth four", None),  # after a line of narration: a voice no one names
    ("stern line still fast", None),
])
def test_quotes_a_line_of_narration_ends_a_speakers_run(quotes_of, needle, speaker):
    q = _find(quotes_of(RADIO_LOG), needle)
    said = (q.speaker_text or q.speaker or "").casefold() or None
    assert said == speaker, (needle, q.speaker, q.speaker_text)


@pytest.mark.parametrize("end", [".", ""])
def test_a_bare_quote_after_a_line_that_lost_its_full_stop_is_the_line_s_speaker(quotes_of,
                                                                                 end):
    # a held-out read: a paragraph reporting an inspector's words ended without its full
    # stop, the parse ran it on into the quotation that opens the next line, and the
    # quote lost its speaker; a line break ends a paragraph whatever its punctuation
    text = ("The Orrin docks flooded twice this week.\nAfter the second flood, harbour master "
            f"Ana Rusk said the pumps had run day and night{end}\n\"Every crew has worked double "
            "shifts.\nWe owe them a great deal.\"\nShe said the floods were not linked.")
    assert _find(quotes_of(text), "Every crew").speaker == "Ana Rusk"
