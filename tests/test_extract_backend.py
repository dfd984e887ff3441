"""The extract stage refuses a pipeline without a parser with a clear error (no crash)."""

from __future__ import annotations

import pytest
import spacy

from crosswire.errors import ModelError
from crosswire.extract import extract_article
from crosswire.records import Article


def test_extract_backend_without_parser_says_what_to_use():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    article = Article(id="a", text="The mayor said on Tuesday that 40 homes burned.")
    with pytest.raises(ModelError, match="parser"):
        extract_article(article, nlp(article.text))


def test_extract_backend_verb_list_is_the_parsing_pipelines_own(nlp):
    """Which words can be verbs comes from the lemmatizer of the pipeline that parsed the
    text (``--model``), never from the default pipeline loaded on the side."""
    from crosswire.nlp import known_verbs

    assert {"smile", "defend", "reside"} <= known_verbs(nlp.vocab)
    blank = spacy.blank("en")  # no lemmatizer: no list, and nothing else is loaded for it
    assert known_verbs(blank.vocab) == frozenset()


def test_extract_backend_reads_typeset_apostrophes_as_straight(nlp):
    """The model learnt from straight apostrophes: "Halvern\u2019s ... bid" once parsed
    "\u2019s" as a verb. The tokenizer reads an apostrophe inside a word straight; offsets and
    what the reader sees stay the article's, and a closing single quote stays a quote."""
    from crosswire.nlp import parses

    text = ("Halvern\u2019s chief, Ana O\u2019Dell, said it didn\u2019t matter. "
            "\u2018We\u2019re done,\u2019 she said.")
    doc = nlp(text)
    assert parses(doc, text) and len(doc.text) == len(text)
    assert [t.dep_ for t in doc[:2]] == ["poss", "case"]
    ex = extract_article(Article(id="a", text=text, published="2030-06-15"), doc)
    assert "Ana O\u2019Dell" in {e.text for e in ex.entities}
    assert [q.text for q in ex.quotes][-1] == "We\u2019re done,"


def test_extract_backend_a_letter_lost_to_a_question_mark_ends_no_sentence(nlp):
    """Read on a real cluster: a sentence with "r?sum?" in it (the text lost "é" twice) was
    cut in two at the question marks, and the brief showed the tail as a fact of its own."""
    text = ("The Gulls struggled in 2029.\nTell leaves with two titles on his r?sum? from "
            "his six years at the Velk Gulls, a post in which he followed Ivo Renn.\n"
            "Was it worth it? He thinks so.")
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[1].startswith("Tell leaves") and sents[1].endswith("Ivo Renn."), sents
    assert sents[-2:] == ["Was it worth it?", "He thinks so."], sents  # a question still ends
