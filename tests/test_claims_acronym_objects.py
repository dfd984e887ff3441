"""A statement keeps a name written in capitals inside its sentence ("seized for violation of NPA"):
read on a real cluster, a line lost such a name and ended on a dangling "of", the acronym
dropped as if it were a dateline. A dateline in capitals opening the sentence is still no
part of a statement. Every text here is invented for this test and was written before the
code was run on it."""

from __future__ import annotations


def _predicates(analyze, text):
    _, ex = analyze(text, published="2031-02-03", source="Outlet 0")
    return [c.predicate for c in ex.claims if c.attribute == "date"]


def test_an_acronym_inside_the_sentence_stays_in_the_statement(analyze):
    text = "The trawler was seized for violation of NPA on March 9, two days before the regatta."
    assert _predicates(analyze, text) == ["was seized for violation of NPA"], (
        _predicates(analyze, text))


def test_no_statement_ends_on_a_dangling_word(analyze):
    for text in ("The trawler was seized for violation of NPA on March 9.",
                 "ORSA, Velk - Wardens fined two anglers on Friday."):
        for said in _predicates(analyze, text):
            assert said.split()[-1] not in ("of", "for", "on", "against"), said
