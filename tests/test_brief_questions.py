"""The question a reader sees over a disagreement reads as plain English: names keep their
capitals and their possessive, a name spelled two ways is not asked about under one of its
spellings, and a disagreement told in one outlet's words says what is asked before it quotes
them. Every text here is invented for this test and was written before the code was run on
it."""

from __future__ import annotations

import re

import pytest

from crosswire.brief import compose_brief
from crosswire.records import Analyzed, Event, Story


@pytest.fixture(scope="module")
def questions(analyze):
    def run(*texts: str) -> list[str]:
        recs = {}
        for i, text in enumerate(texts):
            article, ex = analyze(text, published="2030-06-15", source=f"Outlet {i}",
                                  id=f"a{i}")
            recs[article.id] = Analyzed(article, ex)
        ids = tuple(recs)
        story = Story("s1", "A story", ids, (Event("e1", "What happened", None, None, ids),))
        brief = compose_brief(story, recs)
        return [k.statement for k in brief.conflicting if k.kind == "conflict"]

    return run


def test_a_place_name_opening_the_sentence_keeps_its_capital(questions):
    asked = questions(
        "Tessmoor voters in 2019 backed a loan of 2 million pounds for the old tannery, the "
        "mayor of Tessmoor said.",
        "Tessmoor voters in 2020 backed a loan of 2 million pounds for the tannery that "
        "Tessmoor wants to turn into flats.")
    assert len(asked) == 1, asked
    assert "Tessmoor voters" in asked[0], asked


def test_a_named_owner_keeps_its_name_and_possessive(questions):
    asked = questions(
        "The Orsa vineyard, which Ada Brill's generation sold for 4 million pounds in 1971, is "
        "now a hotel.",
        "Ada Brill's generation sold the Orsa vineyard for 4 million pounds in 1981, her son "
        "said.")
    assert asked, asked
    assert any("Ada Brill's generation" in q for q in asked), asked
    assert not any(re.search(r"\bada\b", q) for q in asked), asked


def test_a_name_spelled_two_ways_is_asked_in_neither_spelling(questions):
    asked = questions(
        "The driver, Tomas Orrey, was taken to Velk General Hospital, his family said.",
        "The driver, Thomas Orrey, was taken to Velk General Hospital, his family said.",
        "Tomas Orrey, the driver, was treated at Velk General Hospital on Friday.")
    assert asked == ["How the name is spelled: Tomas Orrey or Thomas Orrey"], asked


def test_a_question_without_a_subject_asks_plainly_and_copies_no_sentence(questions):
    # read on real clusters: the question was one outlet's sentence with the value blanked
    # out, which the sides below it quote again
    asked = questions(
        "A hiker from Orrin was killed on Friday when she slid about 60 metres down a scree "
        "slope above the Velk hut.",
        "A hiker from Orrin was killed on Friday when she slid about 150 metres down a scree "
        "slope above the Velk hut.")
    assert asked == ["What distance"], asked


def test_a_day_something_was_said_asks_when_it_was_said(questions):
    asked = questions(
        "Pell Varga told the Orrin rowing club in March that its boathouse would be rebuilt by "
        "the summer.",
        "The Orrin rowing club's boathouse will be rebuilt by the summer, Pell Varga said in "
        "April.")
    assert asked == ["When it was said"], asked
