"""Words that no one said, and speakers a reader would not take: a finding to come, a verdict,
an imperative after a dateline, a name or a title in quotation marks; and "the army" shown
with the name the article gave it. Invented text only (never real articles)."""

from __future__ import annotations

import pytest

from quote_helpers import find_quote as _find


@pytest.mark.parametrize("text", [
    "When buyers apply for a loan, the lender will find that the file is locked.",
    "Lawyers for the tenants may find that the old rule no longer helps them.",
    "A driver found guilty of speeding twice could lose the licence for a year.",
])
def test_quotes_a_finding_to_come_or_a_verdict_is_no_quote(quotes_of, text):
    assert [q.text for q in quotes_of(text)] == []


def test_quotes_an_imperative_after_a_dateline_has_no_speaker(quotes_of):
    text = ("OSTRA, Veldland \u2014 Say farewell to \u201cslow and steady wins the race.\u201d "
            "Coach Mara Voss is leaving the Ostra Kites after nine seasons.")
    assert all(q.speaker != "farewell" for q in quotes_of(text))


def test_quotes_a_book_title_is_no_quote(quotes_of):
    text = ("Mara Voss wrote about her illness in her memoir, \u201cThe Long Road Home,\u201d "
            "that she finished in the spring.")
    assert all("Long Road" not in q.text for q in quotes_of(text))


def test_quotes_the_army_is_shown_with_its_name(quotes_of):
    text = ("The Veldish army said the convoy had been stopped at the border. Two drivers "
            "were held overnight. Later, the army said the drivers had been released.")
    assert _find(quotes_of(text), "had been released").speaker == "The Veldish army"


def test_quotes_a_body_that_claimed_is_the_body_named_before(quotes_of):
    text = ("Skyreach Air said on Monday that two flights to Calder had been cancelled. "
            "Passengers waited for hours. The carrier claimed it had \u201cnever cancelled a "
            "flight to save money.\u201d")
    assert _find(quotes_of(text), "save money").speaker == "Skyreach Air"


# Narration that reads like a report but quotes no one, by family (the id says which):
# - "Few believed ...", "Many thought ...": the writer's estimate of unnamed minds;
#   "History will say ...", "Fans may say ...": nothing said yet;
# - two happenings in a row ("won the set, then he dropped the next"): the parse may hang
#   the first on the second's verb as its complement, but a verb of no lexicon reports words
#   only in a clause after it, and only if the lemmatiser knows it as a verb ("shortstop");
# - "found herself cheering": a state the finder was in, not a finding anyone stated;
# - 'broke the "Curse of the Lame Horse"': a name in quotation marks.
NO_QUOTE = {
    "few": "Few believed the Harriers would win the final the next night.",
    "many": "Many thought the old ferry would never sail from Orrin again.",
    "history-will-say": "History will say the hero of the final was Tomas Brenn.",
    "may-say": "Fans may say the season was wasted, but the club disagrees.",
    "then-struck-out": "Ilse Brandt walked the first batter, then she struck out the next "
                       "three to end it.",
    "then-dropped": "Kofi Mensah won the opening set easily, then he dropped the second in a "
                    "tiebreak.",
    "noun-as-past-verb": "Later, in the locker room, as confetti fell around him, Kites "
                         "shortstop Ivo Marsh smiled.",
    "noun-as-present-verb": "Afterwards, in the dressing room, as streamers flew about him, "
                            "Gulls shortstop Remy Tallis smiled.",
    "found-herself": "Mara Voss, a lifelong Kites fan, even found herself cheering for her "
                     "rivals by the end.",
    "found-it-locked": "The inspectors found the hall locked and empty when they arrived on "
                       "Friday morning.",
    "name-in-marks": "The Orrin Kites finally broke the \"Curse of the Lame Horse\" and ended "
                     "a 60-year wait for a title on Sunday.",
    # a phrasal verb of no lexicon is an idiom, no one's report ("turns out", "it came out")
    "turns-out": "The ferry to Kelby sat at the quay for an hour on Sunday. Turns out a "
                 "deckhand on the Kelby ferry had cut the wrong rope.",
    "it-turned-out": "It turned out that the ferry had never been inspected.",
}


@pytest.mark.parametrize("text", list(NO_QUOTE.values()), ids=list(NO_QUOTE))
def test_quotes_narration_is_no_quote(quotes_of, text):
    assert [(q.text, q.speaker) for q in quotes_of(text)] == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Some residents said the water was brown for two days.", "some residents"),
    ("Others said the road had been closed for hours.", "others"),
    ("The mayor will say nothing more, her office said on Monday.", "her office"),
])
def test_quotes_people_who_spoke_still_speak(quotes_of, text, speaker):
    assert [q.speaker for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize("text", [
    "A sign above the ferry gate said the last crossing had been cancelled.",
    "Outside, a scoreboard over the east stand said it was nearly midnight.",
])
def test_quotes_a_thing_that_shows_words_is_no_speaker(quotes_of, text):
    """A sign or a scoreboard "says" only what is written on it: no one is quoted."""
    assert [q.speaker for q in quotes_of(text) if q.speaker] == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("The season is over, Tomas Brenn sighed after the final whistle.", "Tomas Brenn"),
    ("Ada Kerr griped that the pitch had been too wet to play on.", "Ada Kerr"),
    ("The airline said on Monday that two flights had been cancelled.", "the airline"),
    ("Inspectors found that the hall had been left unlocked for a week.", "inspectors"),
    ("Several engineers suspect the beams were never checked.", "several engineers"),
    ("Ada Kerr texted that the ferry had left without her.", "Ada Kerr"),
])
def test_quotes_reported_words_after_these_rules_still_are_quotes(quotes_of, text, speaker):
    assert [q.speaker for q in quotes_of(text)] == [speaker]


def test_quotes_words_in_a_clause_of_time_beside_the_verb_are_no_quote(quotes_of):
    """'said Dana Reyes, as she waved a "K" flag': the flag's letter is not what she said."""
    text = ('"I am so happy. This is for my mother," said Dana Reyes, 25, as she waved a "K" '
            "flag outside the ground.")
    assert [q.text for q in quotes_of(text)] == ["I am so happy. This is for my mother,"]


@pytest.mark.parametrize("text", [
    "The ruling in Orrin could become a guide for other courts, as lawyer Tam Vell predicts it "
    "will be.",
    "The new pier may be finished by June, as harbour master Ada Lind says it should be.",
])
def test_quotes_an_elided_clause_says_nothing_of_its_own(quotes_of, text):
    # "as Tam Vell predicts it will be" (a guide): the reported words leave out what they
    # predict, so no quote "it will be" (read on a real cluster); the sentence's own claim
    # is the writer's
    assert not [q for q in quotes_of(text) if q.text.strip(" .") in ("it will be",
                                                                       "it should be")]


def test_quotes_a_short_clause_with_its_own_words_is_still_said(quotes_of):
    # control: three words that say something are a report
    q = [q for q in quotes_of("Harbour master Ada Lind said ferries will sail.")
         if "ferries will sail" in q.text]
    assert q and q[0].speaker == "Ada Lind", q
