"""Frames around a quote that name its speaker in ways the parse leaves loose: invented
sentences, one per rule (never real articles)."""

from __future__ import annotations

import pytest

from parse_helpers import parsed
from quote_helpers import find_quote as _find


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        ("Ilsa Marrow said Tomas Vell called on the crews to be “on the water by dawn.”",
         "by dawn", "Ilsa Marrow"),
        ("Ilsa Marrow says she believes the ferry has “a fair chance this season.”",
         "fair chance", "Ilsa Marrow"),
    ],
    ids=["said-called", "says-believes"],
)
def test_the_outer_speaker_reports_a_nested_clause(quotes_of, text, needle, speaker):
    q = _find(quotes_of(text), needle)
    assert q.speaker == speaker
    assert q.speaker_text == speaker


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        ("Support for the ferry plan slipped in the suburbs, and that does not surprise "
         "pollster Tomas Vell:\n\n“Ferry riders in the north wards were the first to drift away.”",
         "north wards", "Tomas Vell"),
        ("Former transport minister Ilsa Marrow:\n\n\"The harbor survey showed it plainly, and "
         "the pilots agreed.\"", "pilots agreed", "Ilsa Marrow"),
    ],
    ids=["object-name", "title-name"],
)
def test_a_name_closing_the_line_before_the_quote_speaks(quotes_of, text, needle, speaker):
    assert _find(quotes_of(text), needle).speaker == speaker


def test_an_age_names_a_person(quotes_of):
    text = ("Ilsa Marrow spoke for ten minutes.\n\n\"The harbor is our future,\" said the "
            "46-year-old.")
    q = _find(quotes_of(text), "harbor is our future")
    assert q.speaker_text == "the 46-year-old"


def test_mixed_quote_keeps_its_marks_paired(quotes_of):
    q = _find(quotes_of('Ilsa Marrow said the rules were "a mess."'), "a mess")
    assert q.text.count('"') % 2 == 0


def test_a_relative_pronoun_is_the_mention_and_its_antecedent_the_speaker(quotes_of):
    # like he/she: the mention as written is "who", the speaker the person it stands for
    text = "Ilsa Marrow, who called the plan “a mess for the harbor,” left the hall early."
    q = _find(quotes_of(text), "a mess for the harbor")
    assert (q.speaker, q.speaker_text) == ("Ilsa Marrow", "who")


def test_according_to_gives_the_clause_and_its_quote(quotes_of):
    text = ("According to Tomas Vell, he was once a loyal member of the rowing club, but is now "
            "“the biggest headache the rowing club has ever had.”")
    q = _find(quotes_of(text), "biggest headache")
    assert (q.speaker, q.kind) == ("Tomas Vell", "mixed")
    assert "According" not in q.text


def test_a_quote_with_its_own_attribution_is_no_continuation(quotes_of):
    # "one user wrote" attributes the quote: it is not the spokeswoman's, named before
    text = ('Last week, ministry spokeswoman Hua Lindqvar said the city was watching the race '
            'with "quiet amusement."\n\n"The ferry board argues like a family at supper," one '
            'user wrote. "Pass the salt, please."')
    quotes = quotes_of(text)
    assert _find(quotes, "family at supper").speaker != "Hua Lindqvar"
    assert _find(quotes, "Pass the salt").speaker != "Hua Lindqvar"


def test_a_name_between_the_quote_and_its_verb_speaks(nlp):
    # the parse the small model gives some names: '"Go back," Varga barked' with Varga a
    # compound of the verb and no subject; '"...," Varga, 58, told the Gazette' with Varga a
    # modifier of the quoted verb
    from spacy.tokens import Doc

    from crosswire.extract.quotes.cues import subject_of

    words = ["\u201c", "Go", "back", ",", "\u201d", "Varga", "barked", "."]
    heads = [1, 6, 1, 1, 6, 6, 6, 6]
    deps = ["punct", "ccomp", "advmod", "punct", "punct", "compound", "ROOT", "punct"]
    pos = ["PUNCT", "VERB", "ADV", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert subject_of(doc[6]).text == "Varga"
    words = ["\u201c", "We", "lost", ",", "\u201d", "Varga", ",", "58", ",", "told", "us", "."]
    heads = [2, 2, 2, 2, 2, 2, 5, 5, 5, 2, 9, 2]
    deps = ["punct", "nsubj", "ROOT", "punct", "punct", "npadvmod", "punct", "appos", "punct",
            "conj", "dobj", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PROPN", "PUNCT", "NUM", "PUNCT", "VERB",
           "PRON", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert subject_of(doc[9]).text == "Varga"


def test_a_name_before_a_bracket_speaks_for_a_subjectless_verb(nlp):
    # 'the image, Speaker Ann Lee (R-WI) said "..."' parsed with Lee as an object before
    from spacy.tokens import Doc

    from crosswire.extract.quotes.cues import subject_of

    words = ["of", "Speaker", "Ilsa", "Marrow", "(", "R", "-", "WI", ")", "said", "it"]
    heads = [9, 3, 3, 0, 3, 7, 7, 3, 9, 9, 9]
    deps = ["prep", "compound", "compound", "pobj", "punct", "compound", "punct", "appos",
            "punct", "ROOT", "dobj"]
    pos = ["ADP", "PROPN", "PROPN", "PROPN", "PUNCT", "NOUN", "PUNCT", "PROPN", "PUNCT",
           "VERB", "PRON"]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    assert subject_of(doc[9]).text == "Marrow"


def test_the_object_of_a_prompting_verb_speaks(quotes_of):
    """"which spurred Ada Moss to note, '...'": Ada Moss notes it, not the one who spurred."""
    text = ("Tomas Vell said Friday that he was sorry, a rare concession for him, which "
            "spurred Ada Moss to dryly note, \u201cHis manners classes must be paying off.\u201d")
    assert _find(quotes_of(text), "manners classes").speaker == "Ada Moss"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ('"The trouble," said Corin Hale, an engineer, "starts when the river tops the levee."',
         "The trouble", "river tops the levee"),
        ('"The levee is old," said Corin Hale, an engineer who runs the county lab, "and the '
         'river tops it every spring."', "levee is old", "every spring"),
    ],
    ids=["appositive", "appositive-with-relative"],
)
def test_inverted_name_after_said_between_two_pieces_speaks_both(quotes_of, text, first,
                                                                  second):
    # the parser hangs "Hale" on the second piece's verb; the name right after a subjectless
    # "said" that follows a closing mark is still its subject
    quotes = quotes_of(text)
    assert _find(quotes, first).speaker == "Corin Hale"
    assert _find(quotes, second).speaker == "Corin Hale"


@pytest.mark.parametrize(
    "text",
    [
        'Ilsa Marrow greeted Tomas Vell with, "Is the ferry late again? Did the pilot call?" '
        'Vell then writes back, "The pilot is asleep."',
        'Ilsa Marrow radioed Tomas Vell: "Is the ferry late again? Did the pilot call?" Vell '
        'then replied: "The pilot is asleep."',
    ],
    ids=["comma", "colon"],
)
def test_a_frame_that_opens_the_next_quote_is_not_the_previous_ones(quotes_of, text):
    # a quote with a frame of its own before it, closed as a sentence: the words after it that
    # end in a comma or colon before another quote introduce that next quote
    quotes = quotes_of(text)
    assert _find(quotes, "ferry late").speaker == "Ilsa Marrow"
    assert _find(quotes, "pilot is asleep").speaker == "Tomas Vell"


def test_a_clause_after_but_does_not_take_the_quote_before_it(quotes_of):
    # a comma closing the quote hands it to the attribution after it, but not across "but":
    # the clause after the conjunction is a new one, its speaker has not said the quote
    text = ('The coach had told him to rest his knee and to play the final "carefully," but '
            'Tomas Vell said he replied: "A final is no place for caution."')
    q = _find(quotes_of(text), "carefully")
    assert q.speaker != "Tomas Vell"


def test_a_name_after_a_question_mark_frames_the_quote_with_any_verb(quotes_of):
    # '"...?" Vell went on': no cue word, but the name opening the words right after the
    # quote is the subject of their first verb, so the frame is his, not the last speaker's
    text = ('Ilsa Marrow cut in quickly: "Nobody is too old for the race." She has run it nine '
            'times.\n\n"The hills are the hard part, aren\'t they?" Tomas Vell carried on, '
            'ignoring her. "The rest is just patience."')
    quotes = quotes_of(text)
    assert _find(quotes, "too old").speaker == "Ilsa Marrow"
    assert _find(quotes, "hills are the hard part").speaker == "Tomas Vell"
    assert _find(quotes, "just patience").speaker == "Tomas Vell"


def test_an_abbreviation_ending_the_frame_ends_its_sentence(quotes_of):
    # "Md." holds the full stop that closes the frame: the next quote opens a sentence of its
    # own and goes on with the same speaker
    text = ('"That vote was rushed," Tomas Vell, a spokesman for the mayor, said by phone on '
            'Sunday from Easton, Md. "We will ask the council to hold it again."')
    q = _find(quotes_of(text), "hold it again")
    assert (q.speaker, q.kind) == ("Tomas Vell", "direct")


# one frame, one speaker: the quote whose words hold the needle is credited to the speaker
FRAMED = [
    pytest.param(
        "Rep. Ilsa Marrow (D-Ore.), who wrote a bill this spring on ferry safety, said in a "
        "statement that the rules were “a first step toward safer crossings.”",
        "safer crossings", "Ilsa Marrow",
        id="party_and_state_in_brackets_are_not_the_speaker"),
    pytest.param(
        "In a statement to the Gazette, her senior adviser, Tomas Vell, said: “Ilsa Marrow "
        "believes that the ferries must run.”",
        "ferries must run", "Tomas Vell",
        id="name_set_off_before_a_bare_said_speaks"),
    pytest.param(
        "“We like most of the plans,” Tomas Vell said during the interview in Lisbon, ahead "
        "of the opening of his new hotel near the old ferry terminal on the river.\n\n"
        "“The tide turns twice a day. Out of nine berths, four stand empty.”",
        "tide turns", "Tomas Vell",
        id="next_paragraph_continues_after_a_long_attribution"),
    pytest.param(
        "Tomas Vell distanced himself from the group by saying he would help if asked. "
        "“I will stand with the plan, every plank of it.”",
        "every plank", "Tomas Vell",
        id="bare_quote_after_a_sentence_of_saying_in_a_clause"),
    pytest.param(
        "Tomas Vell released a statement saying he has \"kept every ferry running through "
        "the storm.\"",
        "through the storm", "Tomas Vell",
        id="a_statement_saying_is_its_issuers"),
    pytest.param(
        '"Save me a seat on the first boat," Ebba Lundgren said, and her neighbor Piet '
        'Varga cut in. "Two seats, and one for my dog as well."',
        "for my dog", "Piet Varga",
        id="someone_cutting_in_takes_the_next_quote"),
    pytest.param(
        "Ilsa Marrow says the harbor board should act and that she expects Tomas Vell to "
        "announce a “second round of dredging” before the summer.",
        "second round", "Ilsa Marrow",
        id="the_outer_speaker_reaches_through_a_verb_of_thinking"),
    pytest.param(
        "“Every pier on the east shore will be rebuilt by the spring,” Piet Varga, Jonas’ "
        "campaign manager, said in a statement.",
        "east shore", "Piet Varga",
        id="a_possessive_apostrophe_does_not_end_the_attribution"),
    # 'X, who gave money to Y, said' with X left off the verb by the parser: the speaker is
    # the name the relative clause qualifies, never the last name inside that clause
    pytest.param(
        'Of Brannock, Hal Ostrander, who once lent a boat to Tilda Marsh, said, "That '
        'bridge will not survive a flood."',
        "survive a flood", "Hal Ostrander",
        id="name_before_said_is_not_taken_from_inside_a_relative_clause"),
    # "demanded" is no cue word, "continued" is; but the cue of a clause that hangs on the
    # frame ("as Vell continued") is not the frame: the speaker is the frame verb's subject
    pytest.param(
        'Tomas Vell kept talking over the mayor. "Sit down now, please," Ilsa Marrow '
        "demanded, as Vell continued to wave his papers.",
        "Sit down", "Ilsa Marrow",
        id="first_verb_after_a_comma_closed_quote_frames_it_not_a_later_clause"),
    # '..., she said. [a sentence of hers holding a quoted phrase]': with no frame of its
    # own, the quoted phrase belongs to whoever the sentence just before reports
    pytest.param(
        "Dana Whitcombe teaches at the harbor college. The spring tide tables are often "
        "wrong, she said. Boats still sail on time, but only because "
        '"the skippers trust their own eyes more than the charts."',
        "own eyes", "Dana Whitcombe",
        id="a_quoted_phrase_right_after_someone_is_reported_goes_on_with_them"),
    # "Hardly" after "said" is tagged an adverb; but the article has named Nate Hardly, and a
    # capitalised word inside a sentence spelled like a named person's surname is that person
    pytest.param(
        "But Nate Hardly, a longtime harbor data clerk, vouched for both of them. "
        '"Old charts are worth keeping, and so are the clerks who can read them," said '
        "Hardly, adding that he had trained most of them himself.",
        "Old charts", "Nate Hardly",
        id="a_surname_the_tagger_reads_as_a_word_still_speaks"),
]


@pytest.mark.parametrize(("text", "needle", "speaker"), FRAMED)
def test_the_frame_names_the_speaker(quotes_of, text, needle, speaker):
    assert _find(quotes_of(text), needle).speaker == speaker


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('Harbor master Ilse Dorrance worried that the old pier was becoming "a trap for every '
         'small boat in the bay."', "small boat"),
        ("Harbor master Ilse Dorrance is questioning whether the ferry board would have "
         'approved the plan "if the vote had been held in the spring."', "in the spring"),
    ],
    ids=["worried-that", "questioning-whether"],
)
def test_a_quote_in_a_clause_someone_reports_is_theirs(quotes_of, text, needle):
    # the verb the quoted words hang on has a subject of its own ('the pier', 'the board'),
    # but the clause is what the harbor master thinks or asks
    q = _find(quotes_of(text), needle)
    assert q.speaker == "Ilse Dorrance"


@pytest.mark.parametrize(
    ("text", "needle", "speakers"),
    [
        ('Nobody on the pier believed the notice.\n\n"Meh," wrote a ferry pilot who runs the '
         'harbor forum. "What does the county know about tides . . ."',
         "What does the county", {"a ferry pilot"}),
        ("“The pier is safe and the railings are new and there is no reason to wait,” Vask, a "
         "top harbor official, said Monday on Radio Orrin’s “Harbor Hour.”",
         "pier is safe", {"Vask", "a top harbor official"}),
    ],
    ids=["quoted-word-as-subject", "quoted-show-as-subject"],
)
def test_words_in_quotation_marks_are_never_the_subject_of_the_cue(quotes_of, text, needle,
                                                                   speakers):
    # the parser may take a quoted word ("Meh", a show's title) for the subject of "wrote" or
    # "said": the speaker is then the name set off before the verb or the noun after it
    q = _find(quotes_of(text), needle)
    assert q.speaker in speakers


@pytest.mark.parametrize("text", [
    # the parse takes "an area" for the object of "says" and leaves "has kept" without a
    # subject: what was said still starts at its subject
    "The survey office says an area of unusually calm water, known as a lee pocket, has kept "
    "the harbour free of drift ice near Kelby.",
    "Harbor officials say a stretch of the old sea wall, built in 1911, has held back the "
    "storm surge for a week.",
])
def test_reported_words_start_at_their_subject_when_the_parse_splits_it_off(quotes_of, text):
    (q,) = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert q.text.startswith(("an area", "a stretch")), q.text


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        # the parse joins "added" to the verb inside the dashes, whose subject is the man
        # she tells of; the aside closes before it, so "added" is hers
        ("Tobin Marsh, 51, walked off the Orrin farm just after 9 a.m. Farm spokeswoman Dara "
         "Venn said that Marsh had been on light duties – he \"told staff his back was bad\" "
         "– and added, \"He was quick enough on Friday.\"",
         "quick enough", "Dara Venn"),
        ("The striker Ivo Brandt, 29, left the club on Monday. Club secretary Ruth Amsel said "
         "that Brandt skipped training (he \"said his knee hurt\") and added: \"We wish him "
         "well.\"", "wish him", "Ruth Amsel"),
    ],
    ids=["dashes", "brackets"],
)
def test_a_verb_of_saying_after_an_aside_is_the_outer_speakers(quotes_of, text, needle,
                                                                speaker):
    assert _find(quotes_of(text), needle).speaker == speaker


def _quotesparsed(nlp, rows):
    """The quotes of a text parsed as given (``parse_helpers.parsed``)."""
    from crosswire.extract.quotes import extract_quotes
    from crosswire.records import Article

    doc = parsed(nlp, rows)
    return extract_quotes(Article(id="t", text=doc.text), doc, ())


_SPOKESWOMAN = [  # "The pumps were hit too, a spokeswoman who was there said."
    ("The", 1, "det", "DT", "DET", "the"), ("pumps", 3, "nsubjpass", "NNS", "NOUN", "pump"),
    ("were", 3, "auxpass", "VBD", "AUX", "be"), ("hit", 11, "ccomp", "VBN", "VERB", "hit"),
    ("too", 3, "advmod", "RB", "ADV", "too"), (",", 3, "punct", ",", "PUNCT", ","),
    ("a", 7, "det", "DT", "DET", "a"),
    ("spokeswoman", 3, "dobj", "NN", "NOUN", "spokeswoman"),  # (the parser's slip)
    ("who", 9, "nsubj", "WP", "PRON", "who"), ("was", 7, "relcl", "VBD", "AUX", "be"),
    ("there", 9, "advmod", "RB", "ADV", "there"), ("said", 11, "ROOT", "VBD", "VERB", "say"),
    (".", 11, "punct", ".", "PUNCT", "."),
]
_SHE_SAID = [  # "The leak is a mystery, she said."
    ("The", 14, "det", "DT", "DET", "the"), ("leak", 15, "nsubj", "NN", "NOUN", "leak"),
    ("is", 20, "ccomp", "VBZ", "AUX", "be"), ("a", 17, "det", "DT", "DET", "a"),
    ("mystery", 15, "attr", "NN", "NOUN", "mystery"), (",", 20, "punct", ",", "PUNCT", ","),
    ("she", 20, "nsubj", "PRP", "PRON", "she"), ("said", 20, "ROOT", "VBD", "VERB", "say"),
    (".", 20, "punct", ".", "PUNCT", "."),
]


def test_a_subjectless_said_after_a_relative_clause_is_its_nouns(nlp):
    from crosswire.extract.quotes.cues import subject_of

    # the spokeswoman taken for the object of "hit", as the parser sometimes does
    doc = parsed(nlp, _SPOKESWOMAN)
    assert subject_of(doc[11]) is not None and subject_of(doc[11]).i == 7


def test_a_she_said_after_a_subjectless_said_takes_up_its_speaker(nlp):
    quotes = _quotesparsed(nlp, _SPOKESWOMAN + _SHE_SAID)
    assert _find(quotes, "mystery").speaker == "a spokeswoman", quotes


@pytest.mark.parametrize("text", [
    # a thing "called" a name in a participle names it; the agent of the verb it is joined
    # to did not call it so (read on a real cluster: a rule set up by a president and
    # known by a name in marks was that president's mixed quote)
    "First set up by Mayor Ana Ruiz and called the \"harbour rule\", the order was dropped "
    "in 2030.",
])
def test_a_thing_called_a_name_in_a_participle_has_no_speaker(quotes_of, text):
    assert not [q for q in quotes_of(text) if q.speaker], quotes_of(text)


def test_a_name_given_by_someone_still_has_its_speaker(quotes_of):
    q = _find(quotes_of("Mayor Ana Ruiz called the order \"a disgrace\"."), "disgrace")
    assert q.speaker == "Ana Ruiz"


def test_an_object_run_into_the_next_subject_is_no_verbs_words(nlp):
    # "The defense forced a stop and Port Velk was marching again.", the parse taking "a
    # stop and Port Velk" for the subject of "was marching", a clause under "forced"
    from crosswire.extract.quotes import extract_quotes
    from crosswire.records import Article

    doc = parsed(nlp, [
        ("The", 1, "det", "DT", "DET", "the"), ("defense", 2, "nsubj", "NN", "NOUN", "defense"),
        ("forced", 2, "ROOT", "VBD", "VERB", "force"), ("a", 7, "det", "DT", "DET", "a"),
        ("stop", 7, "dep", "NN", "NOUN", "stop"), ("and", 4, "cc", "CC", "CCONJ", "and"),
        ("Port", 7, "compound", "NNP", "PROPN", "Port"),
        ("Velk", 9, "nsubj", "NNP", "PROPN", "Velk"), ("was", 9, "aux", "VBD", "AUX", "be"),
        ("marching", 2, "ccomp", "VBG", "VERB", "march"),
        ("again", 9, "advmod", "RB", "ADV", "again"), (".", 2, "punct", ".", "PUNCT", "."),
    ])
    assert not extract_quotes(Article(id="t", text=doc.text), doc, ()), doc.text


def test_he_said_after_the_words_is_never_a_name_inside_them(nlp):
    # "Ruiz never wrote, he said.": "he" is not Ruiz, whom the words tell of in the third
    # person, though "write" can be a verb of saying (read on a real cluster: such words
    # were credited to the man they named); given with the parser's parse of such a line
    from spacy.tokens import Span

    from crosswire.extract.entities import extract_entities
    from crosswire.extract.quotes import extract_quotes
    from crosswire.records import Article

    doc = parsed(nlp, [
        ("Mr.", 1, "compound", "NNP", "PROPN", "Mr."), ("Vell", 2, "nsubj", "NNP", "PROPN", "Vell"),
        ("ran", 2, "ROOT", "VBD", "VERB", "run"), ("the", 4, "det", "DT", "DET", "the"),
        ("phones", 2, "dobj", "NNS", "NOUN", "phone"), (".", 2, "punct", ".", "PUNCT", "."),
        ("Ruiz", 8, "nsubj", "NNP", "PROPN", "Ruiz"), ("never", 8, "neg", "RB", "ADV", "never"),
        ("wrote", 11, "ccomp", "VBD", "VERB", "write"), (",", 11, "punct", ",", "PUNCT", ","),
        ("he", 11, "nsubj", "PRP", "PRON", "he"), ("said", 11, "ROOT", "VBD", "VERB", "say"),
        (".", 11, "punct", ".", "PUNCT", "."),
        # "Also, he said it was late.": the next "he" goes on as Vell too, Ruiz having said
        # nothing ("never wrote" reports no words)
        ("Also", 16, "advmod", "RB", "ADV", "also"), (",", 16, "punct", ",", "PUNCT", ","),
        ("he", 16, "nsubj", "PRP", "PRON", "he"), ("said", 16, "ROOT", "VBD", "VERB", "say"),
        ("it", 18, "nsubj", "PRP", "PRON", "it"), ("was", 16, "ccomp", "VBD", "AUX", "be"),
        ("late", 18, "acomp", "JJ", "ADJ", "late"), (".", 16, "punct", ".", "PUNCT", "."),
    ])
    doc.ents = [Span(doc, 1, 2, "PERSON"), Span(doc, 6, 7, "PERSON")]
    article = Article(id="t", text=doc.text)
    quotes = extract_quotes(article, doc, extract_entities(article, doc))
    assert [q.speaker for q in quotes if "never wrote" in q.text] == ["Mr. Vell"], quotes
    assert [q.speaker for q in quotes if "was late" in q.text] == ["Mr. Vell"], quotes


def test_it_said_takes_up_the_body_just_before_it_in_its_sentence(quotes_of):
    # "While the paper cites no source, it wrote ...": "it" is the paper, not a body named
    # in the sentence before (read on a real cluster: a newspaper's report was credited to
    # the team it wrote about)
    text = ("The Orrin Herald said the Gulls bid for Ruiz. While the paper cites no source, it "
            "wrote that the deal is \"thought to run at least eight years.\" The Gulls never "
            "discuss talks.")
    q = _find(quotes_of(text), "eight years")
    assert q.speaker != "Gulls", q


@pytest.mark.parametrize("text", [
    # who is described, praised or named in the passive did not say it (read on a real
    # cluster: words a player was described with were his quote)
    "With that record, Ruiz has been described as the \"heart and soul of the Gulls.\"",
    "Ruiz was praised as \"the best keeper in the league\" after the final.",
])
def test_who_is_described_in_the_passive_did_not_say_it(quotes_of, text):
    assert not [q for q in quotes_of(text) if q.speaker == "Ruiz"], quotes_of(text)


def test_who_describes_in_the_passive_still_says_it(quotes_of):
    q = _find(quotes_of("Ruiz was described by coach Tom Vell as \"the heart of the team.\""),
              "heart of the team")
    assert q.speaker == "Tom Vell"


def test_a_name_set_off_after_a_role_speaks(quotes_of):
    # "Role at Firm, Name said": the parse makes the name an apposition of the firm and the
    # role the subject (read on a real cluster: the speaker shown was "Director")
    text = "Director at security company Velkmar, Dara Ostrow said that the fix is a stopgap."
    assert _find(quotes_of(text), "stopgap").speaker == "Dara Ostrow"


def test_the_agency_takes_up_the_body_named_as_one(quotes_of):
    # "the state news agency VNA reported ... The agency added": the agency is VNA (read on a
    # real cluster: its words went to another body named nearby)
    text = ("A morning count released by Velk Telecom said that half of all calls were lost in "
            "Orrin.\nVelk's state news agency VNA reported that the cut happened off the coast of "
            "Tessmoor at 9:00 am on Friday.\nThe agency added that calls were being sent over "
            "backup lines.")
    assert _find(quotes_of(text), "backup lines").speaker == "VNA"


# "The strike has drawn the largest crowds Orrin has known." with the parser's slip: the
# object and its relative clause taken for a reported clause, the name its subject
_CROWDS_AS_SUBJECT = [
    ("The", 1, "det", "DT", "DET", "the"), ("strike", 3, "nsubj", "NN", "NOUN", "strike"),
    ("has", 3, "aux", "VBZ", "AUX", "have"), ("drawn", 3, "ROOT", "VBN", "VERB", "draw"),
    ("the", 7, "det", "DT", "DET", "the"), ("largest", 6, "amod", "JJS", "ADJ", "large"),
    ("crowds", 7, "compound", "NNS", "NOUN", "crowd"),
    ("Orrin", 9, "nsubj", "NNP", "PROPN", "Orrin"), ("has", 9, "aux", "VBZ", "AUX", "have"),
    ("known", 3, "ccomp", "VBN", "VERB", "know"), (".", 3, "punct", ".", "PUNCT", "."),
]
# "The pickets broke gates mended during the longest strike Orrin has known." with the slip:
# the object the subject of the clause, the name an apposition of the strike
_GATES_AS_SUBJECT = [
    ("The", 1, "det", "DT", "DET", "the"), ("pickets", 2, "nsubj", "NNS", "NOUN", "picket"),
    ("broke", 2, "ROOT", "VBD", "VERB", "break"),
    ("gates", 11, "nsubj", "NNS", "NOUN", "gate"),
    ("mended", 3, "acl", "VBN", "VERB", "mend"), ("during", 4, "prep", "IN", "ADP", "during"),
    ("the", 8, "det", "DT", "DET", "the"), ("longest", 8, "amod", "JJS", "ADJ", "long"),
    ("strike", 5, "pobj", "NN", "NOUN", "strike"),
    ("Orrin", 8, "appos", "NNP", "PROPN", "Orrin"), ("has", 11, "aux", "VBZ", "AUX", "have"),
    ("known", 2, "ccomp", "VBN", "VERB", "know"), (".", 2, "punct", ".", "PUNCT", "."),
]
# control: "Some skippers suspect their nets were cut." a report of no lexicon's verb
_SKIPPERS_SUSPECT = [
    ("Some", 1, "det", "DT", "DET", "some"), ("skippers", 2, "nsubj", "NNS", "NOUN", "skipper"),
    ("suspect", 2, "ROOT", "VBP", "VERB", "suspect"), ("their", 4, "poss", "PRP$", "PRON", "their"),
    ("nets", 6, "nsubjpass", "NNS", "NOUN", "net"), ("were", 6, "auxpass", "VBD", "AUX", "be"),
    ("cut", 2, "ccomp", "VBN", "VERB", "cut"), (".", 2, "punct", ".", "PUNCT", "."),
]


@pytest.mark.parametrize(("rows", "reported"), [
    # issue 17, read on a real cluster: two verbs of no lexicon were taken for verbs of
    # reporting, and narration went under its subject as a paraphrase
    (_CROWDS_AS_SUBJECT, False), (_GATES_AS_SUBJECT, False), (_SKIPPERS_SUSPECT, True),
], ids=["name-as-subject", "name-as-apposition", "skippers-suspect"])
def test_an_object_and_its_relative_clause_are_no_reported_words(nlp, rows, reported):
    quotes = _quotesparsed(nlp, rows)
    assert bool(quotes) is reported, quotes


# "The solicitor representing the skipper, who faces a charge, said the log was clean." with
# the parser's slip: the solicitor the subject of the participle, "said" left with none
_SOLICITOR = [
    ("The", 1, "det", "DT", "DET", "the"),
    ("solicitor", 2, "nsubj", "NN", "NOUN", "solicitor"),
    ("representing", 11, "advcl", "VBG", "VERB", "represent"),
    ("the", 4, "det", "DT", "DET", "the"), ("skipper", 2, "dobj", "NN", "NOUN", "skipper"),
    (",", 4, "punct", ",", "PUNCT", ","), ("who", 7, "nsubj", "WP", "PRON", "who"),
    ("faces", 4, "relcl", "VBZ", "VERB", "face"), ("a", 9, "det", "DT", "DET", "a"),
    ("charge", 7, "dobj", "NN", "NOUN", "charge"), (",", 11, "punct", ",", "PUNCT", ","),
    ("said", 11, "ROOT", "VBD", "VERB", "say"), ("the", 13, "det", "DT", "DET", "the"),
    ("log", 14, "nsubj", "NN", "NOUN", "log"), ("was", 11, "ccomp", "VBD", "AUX", "be"),
    ("clean", 14, "acomp", "JJ", "ADJ", "clean"), (".", 11, "punct", ".", "PUNCT", "."),
]


def test_the_noun_a_participle_describes_speaks(nlp):
    # issue 17, read on a real cluster: the accused's lawyer spoke, and the words went to the
    # accused, the noun the relative clause between them describes
    quote = _find(_quotesparsed(nlp, _SOLICITOR), "log was clean")
    assert quote.speaker == "the solicitor", quote


# "the councillor, Mara Voss, wrote Sunday.": the parse takes the subject for the root and
# hangs the verb on it as a clause describing it, as it sometimes does after a quote
_HUNG_ON_ITS_SUBJECT = [
    ("the", 1, "det", "DT", "DET", "the"), ("councillor", 1, "ROOT", "NN", "NOUN", "councillor"),
    (",", 1, "punct", ",", "PUNCT", ","), ("Mara", 4, "compound", "NNP", "PROPN", "Mara"),
    ("Voss", 1, "appos", "NNP", "PROPN", "Voss"), (",", 1, "punct", ",", "PUNCT", ","),
    ("wrote", 1, "acl", "VBD", "VERB", "write"), ("Sunday", 6, "npadvmod", "NNP", "PROPN",
                                                   "Sunday"),
    (".", 1, "punct", ".", "PUNCT", "."),
]


def test_a_verb_the_parse_hung_on_its_subject_has_that_subject(nlp):
    from crosswire.extract.quotes.cues import subject_of

    doc = parsed(nlp, _HUNG_ON_ITS_SUBJECT)
    assert subject_of(doc[6]) is not None and subject_of(doc[6]).i == 1, doc.text


def test_a_participle_describing_a_noun_gives_it_no_words(quotes_of):
    # control: a noun a participle describes ("the letter, signed by ...") is no speaker of
    # the words before it
    text = ("\"We want the road fixed,\" the letter read. The councillor, elected in 2029, "
            "has backed it.")
    assert _find(quotes_of(text), "road fixed").speaker != "The councillor"


# Slips of the parse around a quote's frame, each read among the speaker errors on PolNeAR
# train (not dev) and written anew here: (text, words of the quote, its speaker)
_FRAME_SLIPS = [
    # a quote ending in "!", then "the <role>, <Name>, <verb> ...", the parse taking the
    # subject for the root
    ("\"Will the council ever mend the road? It should quit!\" the councillor, Mara Voss, "
     "posted on Sunday night after the crash.", "should quit", "Mara Voss"),
    # ... and an age noun taken for the root ('"...?" the <n>-year-old asked in ...')
    ("She posted the clip on Thursday.\n\n\"Could the mayor please learn to speak slowly?\" "
     "the 38-year-old asked in the caption.", "speak slowly", "the 38-year-old"),
    # '<Name> <did something>, telling the crowd, "...," and <narration>': the clause after
    # "and" goes on with the sentence and does not frame the quote (it took the quote from
    # its speaker for the crowd that laughed)
    ("Mara Voss played to the hall, telling the crowd, \u201cI bargain hard, just like all "
     "of you,\u201d and the crowd laughed.", "bargain hard", "Mara Voss"),
    # '<Name> <said> it was "..." ... while adding ..., "..."': the parse hung "adding" on the
    # reported clause, and its subject "it" spoke (taken up as the outlet she talked to)
    ("Speaking to the Velk Gazette last spring, Mara Voss said it was \u201cfar too "
     "soon\u201d to endorse anyone in the race while adding about the harbour plan, "
     "\u201cThere is no question in my mind that he means well.\u201d", "means well",
     "Mara Voss"),
    # ... control: when the reported words' subject can speak, the participle is theirs
    ("The Velk Gazette reported that Mara Voss turned the offer down, noting her \u201cbusy "
     "spring\u201d on the farm.", "busy spring", "Mara Voss"),
    # '<Name> was <adjective> to <say> that ...' had no quote at all: the verb of saying
    # hangs on an adjective of the copula, whose subject speaks
    ("Mara Voss was keen to stress that no deal would include \"dropping the plan "
     "altogether.\"", "dropping the plan", "Mara Voss"),
    # ... and one who reports it still speaks: the climb to the outer verb goes on through
    # the copula too
    ("Orla Benn said Mara Voss was wise to tell the crews \"to hold the line and keep the "
     "yard open.\"", "hold the line", "Orla Benn"),
]


@pytest.mark.parametrize("text,needle,speaker", _FRAME_SLIPS)
def test_a_slip_of_the_parse_around_the_frame_keeps_the_speaker(quotes_of, text, needle,
                                                                speaker):
    assert _find(quotes_of(text), needle).speaker == speaker, quotes_of(text)


def test_words_in_marks_over_a_full_stop_climb_from_their_last_sentence(quotes_of):
    # PolNeAR train (not dev): words in marks running over a full stop, mid-sentence, with
    # the speaker after them, had no speaker
    text = ("Past mayors Ada Moss and Tam Reller \u201cwere dull. Nobody laughed at their "
            "jokes\u201d beside Voss, Orla Benn said.")
    q = _find(quotes_of(text), "their jokes")
    assert q.speaker == "Orla Benn" and q.kind == "mixed", q
    assert q.start == 0, q  # the sentence the marks cut off is the speaker's too


def test_words_in_marks_over_a_full_stop_with_no_cue_have_no_speaker(quotes_of):
    # control: the last sentence climbs only to a verb of saying, never to narration's verb
    text = ("Past mayors Ada Moss and Tam Reller \u201cwere dull. Nobody laughed at their "
            "jokes\u201d beside Voss, and Orla Benn won the vote.")
    assert all(q.speaker is None for q in quotes_of(text)), quotes_of(text)


def test_words_in_marks_closing_a_sentence_go_to_the_attribution_after_them(quotes_of):
    # PolNeAR train (not dev): '<Name> "<words>. <question>?" <role> <Name> <verb> ...' had
    # no speaker; the sentence, words before the marks too, is the speaker's
    text = ("Voss \u201cwill sign the ferry deal today. Is that wise?\u201d wrote the retired "
            "harbour master Tam Reller in his column.")
    q = _find(quotes_of(text), "that wise")
    assert q.speaker == "Tam Reller" and q.start == 0, q


def test_words_in_marks_followed_by_narration_have_no_speaker(quotes_of):
    # control: what follows the marks is narration, not who said them
    text = ("Voss \u201cwill sign the ferry deal today. Is that wise?\u201d on a poster by "
            "the quay, and the crowd laughed.")
    assert all(q.speaker is None for q in quotes_of(text)), quotes_of(text)
