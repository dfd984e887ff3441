"""Reported words end where the reported clause ends (issue 17: a paraphrase ran on, past
the speaker's clause, into the writer's narration; a union was credited with the wording
of a form it handed out). Invented text only (never real articles)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "said", "not_said"), [
    # a clause joined after the words, with a subject of its own and no "that" of its own,
    # is the writer going on, not the speaker
    ("In response, Ray Dunn, head of the Harbor Workers Union, said that the mayor left "
     "dockworkers \u201cout in the cold\u201d and the union mailed notices urging members to "
     "shun the mayor's ribbon-cutting.", "out in the cold", "the union mailed"),
    ("Ilse Moor, the ferry captain, said the crossing was \u201ca gamble\u201d and the port "
     "authority closed the quay an hour later.", "a gamble", "closed the quay"),
    # a second verb of saying joined to the first report is a report of its own
    ("Dunn promptly faulted the mayor for the walkout, suggesting that he had egged on "
     "the pickets and later declaring that he was \u201cthe match that lit it.\u201d",
     "egged on the pickets", "declaring"),
])
def test_quotes_reported_words_end_before_the_writers_next_clause(quotes_of, text, said,
                                                                 not_said):
    (quote,) = [q for q in quotes_of(text) if said in q.text]
    assert not_said not in quote.text, quote.text
    assert quote.speaker is not None


@pytest.mark.parametrize(("text", "said"), [
    # a clause with no subject of its own is still the speaker's ("... and moved to Ostra")
    ("Mira Tal said that she had left the ferry company and moved to Ostra last spring.",
     "moved to Ostra"),
    # a second "that" keeps the second clause in the report
    ("Mira Tal said that the pier was unsafe and that the board had known for years.",
     "the board had known"),
    # words before their verb are all reported, however many clauses they join
    ("Two ferries were damaged and dozens of cars were swept off the quay overnight, Mira "
     "Tal said.", "dozens of cars were swept"),
])
def test_quotes_reported_words_keep_a_clause_that_is_still_reported(quotes_of, text, said):
    assert any(said in q.text and q.speaker == "Mira Tal" for q in quotes_of(text)), [
        (q.text, q.speaker) for q in quotes_of(text)]


@pytest.mark.parametrize("text", [
    "Last week, the Harbor Workers Union handed out cards to dockworkers asking "
    "them to bar the mayor from any memorial for a crane driver who died at work.",
    "The ferry company handed waivers to passengers asking them to give up any claim for "
    "damages.",
])
def test_quotes_the_wording_of_a_thing_handed_out_is_no_ones_speech(quotes_of, text):
    assert not [q for q in quotes_of(text) if q.speaker], [
        (q.text, q.speaker) for q in quotes_of(text)]


@pytest.mark.parametrize("text", [
    # with a comma, the participle goes with the subject: the union did the asking
    "The Harbor Workers Union distributed forms at the gate, asking dockworkers to stay "
    "home on Friday.",
    # a document carries its issuer's words
    "The Harbor Workers Union posted tweets late Thursday saying that the mayor had misjudged "
    "things by closing the pier.",
    "The Harbor Workers Union posted a string of tweets late Thursday saying that the mayor "
    "had misjudged things by closing the pier.",
])
def test_quotes_a_participle_set_off_by_a_comma_is_the_subjects(quotes_of, text):
    assert any(q.speaker == "Harbor Workers Union" for q in quotes_of(text)), [
        (q.text, q.speaker) for q in quotes_of(text)]


@pytest.mark.parametrize(("text", "said"), [
    # the parse joins the second verb of saying to the first one's words: its words are
    # still the first speaker's
    ("Mayor Ilka Ross said this week that the city would close the pier by June and "
     "suggested that it would lease the land to the port.", "lease the land"),
])
def test_quotes_a_second_report_keeps_the_first_speaker(quotes_of, text, said):
    quotes = quotes_of(text)
    assert any(said in q.text and q.speaker == "Ilka Ross" for q in quotes), [
        (q.text, q.speaker) for q in quotes]
