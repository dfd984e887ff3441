"""Narration is not a quote: a clause the writer states as background ("after the crew
discovered that ...") or a verb that only lets or makes something happen ("allows them to
...") reports no one's words. Invented text only (never real articles)."""

from __future__ import annotations

from quote_helpers import find_quote as _find


def _by(quotes, speaker):
    return [q.text for q in quotes if q.speaker == speaker]


def test_discovery_in_a_time_clause_is_the_writers_background(quotes_of):
    text = ("A ferry turned back to Port Alder on Monday after the deckhands discovered that "
            "a passenger had boarded the wrong boat, the Tidewater Line said.")
    quotes = quotes_of(text)
    assert not [q for q in quotes if q.speaker_text == "the deckhands"]
    # the whole sentence is what the ferry line said
    assert _find(quotes, "wrong boat").speaker == "Tidewater Line"


def test_learning_after_a_preposition_is_not_a_quote(quotes_of):
    text = ("The Brisk Island council closed the marina last week, after learning that the "
            "main pier had started to sink into the mud.")
    assert not [q for q in quotes_of(text) if "started to sink" in q.text]


def test_a_permit_that_allows_something_says_nothing(quotes_of):
    text = ("Orla Menzies runs a bait shop in Kestrel Bay. The new permit allows fishermen "
            "to stay out past midnight on weekends.")
    assert not [q for q in quotes_of(text) if "past midnight" in q.text]


def test_hearing_someone_do_something_is_not_a_quote(quotes_of):
    text = ("Dorian Pell slept through most of the trip. Later he heard the conductor announce "
            "the last stop before Lowmarsh Point.")
    assert not [q for q in quotes_of(text) if "Lowmarsh" in q.text]


def test_a_storm_that_causes_something_says_nothing(quotes_of):
    text = "The storm caused the ferry to return to the harbor at Lowmarsh Point."
    assert not [q for q in quotes_of(text) if "Lowmarsh" in q.text]


def test_words_said_in_a_time_clause_still_are_a_quote(quotes_of):
    text = ("Shops on Ferrow Street closed early after Mayor Ilse Brandvold said that the "
            "bridge would shut at noon.")
    assert _find(quotes_of(text), "bridge would shut").speaker == "Ilse Brandvold"


def test_a_finding_stated_as_the_main_clause_stays_a_quote(quotes_of):
    text = "The harbor inspector found that three beams under the pier were cracked."
    q = _find(quotes_of(text), "beams under the pier")
    assert q.kind == "indirect"


def test_a_participle_the_parse_made_the_root_reports_nothing(nlp):
    # read on a real cluster: a participle before its noun ("the <adverbs> <participle>
    # <noun> is where ...") was parsed as the sentence's verb, with "one" its subject and the
    # rest its words, so "one" spoke them. The parse is given here as it came there (the
    # tagger reads invented sentences of that shape right)
    from spacy.tokens import Doc

    from crosswire.extract.quotes import _is_reporting

    words = ["One", "of", "the", "never", "quite", "answered", "calls", "is", "where", "the",
             "boats", "will", "go", "."]
    doc = Doc(nlp.vocab, words=words, heads=[5, 0, 1, 5, 5, 5, 7, 5, 12, 10, 12, 12, 7, 5],
              deps=["nsubj", "prep", "pobj", "neg", "advmod", "ROOT", "nsubj", "ccomp",
                    "advmod", "det", "nsubj", "aux", "ccomp", "punct"],
              tags=["CD", "IN", "DT", "RB", "RB", "VBN", "NNS", "VBZ", "WRB", "DT", "NNS", "MD",
                    "VB", "."],
              pos=["NUM", "ADP", "DET", "PART", "ADV", "VERB", "NOUN", "AUX", "SCONJ", "DET",
                   "NOUN", "AUX", "VERB", "PUNCT"],
              lemmas=["one", "of", "the", "never", "quite", "answer", "call", "be", "where", "the",
                      "boat", "will", "go", "."])
    assert not _is_reporting(doc[5])



def test_a_subject_that_says_no_one_spoke_reports_nothing(quotes_of):
    # "not a single deckhand claimed ...": the words are what nobody said, not anyone's
    text = ("Not a single deckhand claimed the skipper had slept on watch, the inquiry into "
            "the grounding heard.")
    assert not [q for q in quotes_of(text) if q.cue == "claimed"]


def test_things_a_relative_pronoun_stands_for_say_nothing(quotes_of):
    # "some of which showed ...", "all of which suggested ...": "which" stands for the files
    # or the maps, never for the people in the sentence
    for text in ("The inspectors found several files, some of which showed the levy had been "
                 "paid twice.",
                 "Searchers found a bag of maps and radios, all of which suggested the group "
                 "had planned the crossing for weeks.",
                 "In addition, the search team also found a pile of other tools such as hooks, "
                 "ropes and crowbars all of which pointed to a planned raid."):
        assert not [q for q in quotes_of(text)
                    if q.cue in ("showed", "suggested", "found")], text


def test_people_a_relative_pronoun_stands_for_still_speak(quotes_of):
    text = ("Four wardens patrolled the dunes, two of whom said the fence had been cut "
            "overnight.")
    assert _find(quotes_of(text), "fence had been cut")  # kept: "whom" is people


def test_whom_someone_asked_is_not_what_they_said(quotes_of):
    # "asked <a person> to lead ...": the person asked is no words of the asker's
    text = ("Mayor Tova Rinn has asked the harbour engineer Dr Ilse Marr to lead the city's "
            "new flood board, according to reports.")
    assert not [q for q in quotes_of(text) if q.text.startswith("the harbour engineer")]
