"""A paraphrase is shown with the words that govern it: "declined to say whether ...", "did
not know whether ...", "doubts that ..." keep their verb and their negation, so the brief
never shows the opposite of what was said. Invented text only (never real articles)."""

from __future__ import annotations

import pytest

from crosswire.brief.quotes import shown_span
from quote_helpers import find_quote as _find
from test_brief_helpers import brief_of_texts, markdown_of


def _shown(text, q):
    start, end = shown_span(text, q)
    return text[start:end]


def test_a_refusal_keeps_its_verb(quotes_of):
    text = "Mayor Ilse Brandvold declined to say whether the Ferrow bridge would reopen."
    q = _find(quotes_of(text), "bridge would reopen")
    assert _shown(text, q) == "declined to say whether the Ferrow bridge would reopen"


def test_a_negation_stays_with_the_paraphrase(quotes_of):
    text = ("Harbor master Tove Lindqvist spoke on Monday. She did not know whether the "
            "ferries would run on Friday.")
    q = _find(quotes_of(text), "ferries would run")
    assert _shown(text, q).startswith("did not know whether")


def test_a_doubt_is_not_shown_as_a_claim(quotes_of):
    text = "Lawyer Oren Haskell doubts the court will toss the claim out before trial."
    q = _find(quotes_of(text), "toss the claim out")
    assert _shown(text, q).startswith("doubts")


def test_a_plain_said_keeps_its_verb_and_its_day(quotes_of):
    """"said on Tuesday that ...": shown with its verb, the report writes "Ilse Brandvold said
    on Tuesday that the Ferrow bridge would reopen"."""
    text = "Mayor Ilse Brandvold said on Tuesday that the Ferrow bridge would reopen."
    q = _find(quotes_of(text), "bridge would reopen")
    assert _shown(text, q) == "said on Tuesday that the Ferrow bridge would reopen"


def test_a_framed_paraphrase_reads_as_a_sentence_about_its_speaker(analyze):
    """A reader sees a paraphrase shown with its verb as a sentence about whoever said it
    ("Ilse Brandvold declined to say whether ..."), never as a bare fragment under a label."""
    md = markdown_of(*brief_of_texts(
        analyze,
        "Mayor Ilse Brandvold declined to say whether the Ferrow bridge would reopen.",
        "Ilse Brandvold, the mayor, said the town was waiting for the engineers' report."))
    assert "Ilse Brandvold declined to say whether the Ferrow bridge would reopen" in md, md
    assert "paraphrase: declined" not in md


def test_a_refusal_keeps_its_verb_after_an_aside(quotes_of):
    """"Clinic staff, citing patient rules, declined to say ...": the aside between the
    speaker and the verb does not cost the verb, so a refusal is never shown as a statement."""
    text = ("Clinic staff in Kelby, citing patient rules, declined to say on Thursday whether "
            "the ferry pilot had been sent home.")
    q = _find(quotes_of(text), "pilot had been sent home")
    assert _shown(text, q).startswith("declined to say"), _shown(text, q)


@pytest.mark.parametrize(("text", "shown", "never"), [
    # "..., Brandvold said, adding that ...": a participle is no statement's verb
    ("The ferry will run twice a day, Ilse Brandvold said, adding that fares would rise by "
     "a \"modest amount\" in June.",
     "Ilse Brandvold added that fares would rise", "Ilse Brandvold adding that"),
    # a denial keeps its meaning
    ("The bridge is safe, Ilse Brandvold said, denying that engineers had found \"serious "
     "cracks\" in May.",
     "Ilse Brandvold denied that engineers had found", "Ilse Brandvold denying that"),
])
def test_a_paraphrase_after_a_participle_reads_as_a_sentence(analyze, text, shown, never):
    md = markdown_of(*brief_of_texts(analyze, text))
    assert shown in md, md
    assert never not in md


def test_words_that_start_inside_their_speakers_name_start_after_it():
    # read on a real cluster: a group's paraphrase was shown as "<name> for <rest of the
    # name> aims to ...": the extracted words began inside the name that says them
    from crosswire.records import Quote

    text = 'The Center for Safe Ferries aims to "end night crossings" on the Velk strait.'
    name = "The Center for Safe Ferries"
    start = text.index("for Safe")
    q = Quote(text[start:], start, len(text), "Center for Safe Ferries", "mixed",
              speaker_text=name, speaker_start=0, speaker_end=len(name))
    assert _shown(text, q) == 'aims to "end night crossings" on the Velk strait.'


def test_words_after_a_cut_mention_start_after_the_whole_name():
    # the same, when the mention the speaker was found by is cut short ("The Center") and
    # the rest of the name stands between it and the words
    from crosswire.records import Quote

    text = 'The Center for Safe Ferries aims to "end night crossings" on the Velk strait.'
    start = text.index("to ")
    q = Quote(text[start:], start, len(text), "Center for Safe Ferries", "mixed",
              speaker_text="The Center", speaker_start=0, speaker_end=len("The Center"))
    assert _shown(text, q) == 'aims to "end night crossings" on the Velk strait.'


def test_a_name_right_after_its_title_is_not_shown_twice(quotes_of):
    # "the clinic's medical director Dr Ada Vell said ...": the line writes the name before
    # the words; they must not start with it again (read on a real cluster)
    text = ("The Kelby clinic's medical director Dr Ada Vell said the ward had taken in nine "
            "climbers overnight and sent four of them home by noon.")
    q = _find(quotes_of(text), "nine climbers")
    assert "Ada Vell" not in _shown(text, q), (_shown(text, q), q)


@pytest.mark.parametrize(("text", "needle", "shown"), [
    # read on a real cluster: "Denying he was <X>, <name> would ..." was shown as the
    # speaker saying he was <X>: the opposite of what the sentence tells
    ("Denying he had sold the paintings, Marek Tolvan kept the gallery open for years.",
     "had sold the paintings", "Denying he had sold the paintings"),
    ("Admitting she had missed the deadline, Ines Varga asked the board for a week.",
     "had missed the deadline", "Admitting she had missed the deadline"),
])
def test_a_verb_opening_the_sentence_before_its_speaker_stays(quotes_of, text, needle, shown):
    q = _find(quotes_of(text), needle)
    assert _shown(text, q) == shown


def test_a_denial_before_its_speaker_reads_as_a_denial(analyze):
    md = markdown_of(*brief_of_texts(
        analyze, "Denying he had sold the paintings, Marek Tolvan kept the gallery open for "
                 "years."))
    assert "Marek Tolvan denied he had sold the paintings" in md, md


def test_a_negation_stays_with_a_second_verb_of_the_speaker(quotes_of):
    # "... has said X, but has not signalled that Y": the second verb's negation is shown
    # (read on a real cluster: the line told the opposite of what the minister had said)
    text = ("Harbour master Ana Ruiz has spoken often of her fears for the old pier, but has "
            "not signalled that she will close it before the summer.")
    q = _find(quotes_of(text), "close it before")
    assert _shown(text, q).startswith("has not signalled"), _shown(text, q)
    text = text.replace("has not", "hasn't")
    q = _find(quotes_of(text), "close it before")
    assert _shown(text, q).startswith("hasn't signalled"), _shown(text, q)
