"""Whose words: the owner of a remark or a document named before, a name with its words in
brackets, an apology set off by dashes; and a clause of circumstance that is no one's words.
Invented text only (never real articles)."""

from __future__ import annotations

import pytest

from quote_helpers import find_quote as _find


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    # a statement issued by someone a pronoun takes up
    ("Harbor master Tomas Reyes closed the pier on Monday. A day later, he issued a second "
     "written notice saying that the pier \u201cmust stay shut until spring.\u201d",
     "must stay shut", "Tomas Reyes"),
    # the document named before, with its owner
    ("Ann Lee\u2019s letter was read aloud at the meeting on Monday. \u201cWe will rebuild the "
     "pier before the summer,\u201d the letter began.", "rebuild the pier", "Ann Lee"),
    # a name and its words in brackets
    ("The plan drew criticism from harbor figures: Tom Vell (\u201cThe pier needs a new deck, "
     "not a new name.\u201d), Ann Lee and Mara Voss all spoke against it.", "new deck",
     "Tom Vell"),
    # an apology set off by dashes
    ("Tom Vell then issued an apology for his remarks \u2013 \"Sadly, I picked two "
     "words, 'new deck,' that do not reflect what I think.\" \u2013 and ordered a review of "
     "the rules.", "Sadly, I picked", "Tom Vell"),
    # the words a remark of someone's is named by
    ("Council members condemned Ann Lee\u2019s \u201cclean sweep\u201d proposal on Monday.",
     "clean sweep", "Ann Lee"),
])
def test_quotes_owner_of_the_words(quotes_of, text, needle, speaker):
    assert _find(quotes_of(text), needle).speaker == speaker


def test_quotes_a_clause_of_circumstance_is_no_report(quotes_of):
    text = ("By Friday, as doubts about the ferry grew louder, the harbor board announced a "
            "review of its safety rules.")
    assert all("doubts" not in q.text for q in quotes_of(text))


@pytest.mark.parametrize(("text", "needle", "not_speaker"), [
    # someone else's word for the remarks
    ("Ann Lee said on Monday that Tom Vell\u2019s \u201cdivisive\u201d remarks had hurt the "
     "harbor.", "divisive", "Tom Vell"),
    # a nickname in brackets is no one's words
    ("Harbor workers have long mocked Tom Vell (\u201cOld Salt\u201d) for his speeches.",
     "Old Salt", "Tom Vell"),
])
def test_quotes_words_about_someone_are_not_theirs(quotes_of, text, needle, not_speaker):
    assert all(q.speaker != not_speaker for q in quotes_of(text) if needle in q.text)
