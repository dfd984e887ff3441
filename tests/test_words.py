"""An article's words are read once, at extraction, with the parse's lemmas; the store keeps
them, readers never see them, and the later stages take their words from them."""

from __future__ import annotations

import json

from crosswire.records import (
    Analyzed,
    Article,
    Extraction,
    InputRecord,
    Words,
    extraction_from_dict,
    to_dict,
)
from crosswire.words import read_words, span_lemmas, span_stems, span_words, words

TEXT = ("Wardens freed two stranded herons from the Pell marsh on Tuesday. The birds "
        "had fled a grass fire, and a ranger sought help from a boat crew that didn't "
        "wait for the morning tide.")


def _shown(text: str, ws: Words) -> list[str]:
    return [text[a:b] for a, b in zip(ws.starts, ws.ends, strict=True)]


def test_extraction_reads_each_word_once_with_the_parse_lemma(analyze):
    _, ex = analyze(TEXT)
    assert _shown(TEXT, ex.words) == words(TEXT)  # one word pattern, before and after
    lemma = dict(zip(_shown(TEXT, ex.words), ex.words.lemmas, strict=True))
    assert (lemma["freed"], lemma["fled"], lemma["sought"], lemma["herons"]) == (
        "free", "flee", "seek", "heron")
    assert lemma["Wardens"] == "warden" and lemma["Pell"] == "pell"  # case-folded
    assert lemma["didn't"] == "didn't"  # two tokens to the parse: the word itself


def test_words_between_keep_only_the_words_wholly_inside():
    ws = read_words("Tide tables, late.")
    assert span_words("Tide tables, late.", ws, 0, 11) == ["Tide", "tables"]
    assert span_words("Tide tables, late.", ws, 2, 9) == []  # cut at both ends
    assert span_words("Tide tables, late.", ws, 5, 18) == ["tables", "late"]
    assert span_stems("Tide tables, late.", ws, 0, 18) == {"tide", "table", "late"}


def test_words_round_trip_through_the_stored_form():
    for ws in (read_words(TEXT), read_words(""), read_words("  Gulls.  ")):
        data = json.loads(json.dumps(to_dict(ws)))
        assert Words.from_json(data) == ws
    assert to_dict(read_words("Tide tables, late."))["gaps"] == [0, 1, 2]  # (no offsets)


def test_an_extraction_without_words_gets_them_from_its_text():
    # an extraction stored before words were, or made by hand: its words come from the text,
    # each word its own lemma
    article = Article(id="a1", text="Gulls circled the pier.")
    item = Analyzed(article, Extraction(article="a1"))
    assert _shown(article.text, item.extraction.words) == ["Gulls", "circled", "the", "pier"]
    assert item.extraction.words.lemmas == ("gulls", "circled", "the", "pier")
    old = to_dict(Extraction(article="a1"))
    del old["words"]
    assert extraction_from_dict(old).words == Words()


def test_the_store_keeps_the_words_and_readers_never_see_them(tmp_path, analyze):
    from crosswire.api import corpus_from_store
    from crosswire.store.duckdb import DuckDBStore
    from crosswire.web.views import load_articles

    article, ex = analyze(TEXT, published="2031-04-02", source="Marsh Post")
    store = DuckDBStore(tmp_path / "s.duckdb")
    store.add_batch([InputRecord("a.txt", "ingested", article="a1")], [Analyzed(article, ex)],
                    {"a1": [1, 2, 3]})
    (item,) = store.analyzed()
    assert item.extraction.words == ex.words
    assert "freed" in _shown(TEXT, item.extraction.words)
    shown = [store.article("a1"), load_articles(store, {"a1"})["a1"],
             corpus_from_store(store)["articles"][0]]  # (the corpus is schema-checked)
    for data in shown:
        assert "words" not in data and "lemmas" not in json.dumps(data)


def test_link_terms_are_the_same_from_the_words_as_from_the_text(analyze):
    from crosswire.link.features import article_features, terms

    article, ex = analyze(TEXT, published="2031-04-02")
    read = article_features(Analyzed(article, ex))
    by_hand = article_features(Analyzed(article, Extraction(
        article="a1", sentences=ex.sentences, entities=ex.entities, times=ex.times)))
    assert read.tf == by_hand.tf
    # every word of the text, and no other, gives the index its term (names add "@" terms)
    assert {t for t in read.tf if t[:1].isalpha()} == set(terms(TEXT))


def test_a_sentence_tells_a_fact_by_the_parse_lemma_of_its_verb(nlp):
    # the key's verb is "free"; the light stemmer makes "freed" "fre", which names nothing
    from crosswire.brief.facts import _tells
    from crosswire.records import Fact

    text = "Wardens at the Pell marsh freed six stranded herons after the grass fire."
    ws = read_words(text, nlp(text))
    told = (span_stems(text, ws, 0, len(text)), span_lemmas(ws, 0, len(text)))
    fact = Fact("count:free/heron", "e1", "6", (), ("Marsh Post",),
                "6 herons were freed from the Pell marsh after a grass fire")
    assert _tells(fact, [told])
    other = "Wardens at the Pell marsh counted six stranded herons after the grass fire."
    ws = read_words(other, nlp(other))
    assert not _tells(fact, [(span_stems(other, ws, 0, len(other)),
                              span_lemmas(ws, 0, len(other)))])
