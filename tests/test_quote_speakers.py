"""Who may be a quote's speaker: invented sentences, one per rule (never real articles)."""

from __future__ import annotations

import pytest

from quote_helpers import assert_speaker, first_quoted
from quote_helpers import find_quote as _find


def test_curly_apostrophe_does_not_cut_the_frame(quotes_of):
    # "she’s" holds a curly apostrophe: the frame before the quote goes on past it
    q = _find(quotes_of("Mara Quillon says she’s “ready for a long winter” at the mill."),
              "long winter")
    assert (q.speaker, q.kind) == ("Mara Quillon", "mixed")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('The old mill stood by the river. Hand-painted signs said "Save our mill" in red.',
         "Save our mill"),
        ('The records showed "a steady decline in every quarter of the year," the audit team '
         "found.", "steady decline"),
        # a read: a firm's shares that "indicated" what traders expected became a speaker
        ("Velk Ferries shares closed at 19.16 euros late on Friday, signalling that traders "
         "hoped for a richer bid.", "richer bid"),
        # a read: a scan that "showed" something became a speaker
        ("Nurses at Orrin General moved the rider to a ward, where a CT scan confirmed that "
         "his left wrist had cracked in two places.", "cracked in two places"),
    ],
    ids=["signs", "records", "shares", "scan"],
)
def test_things_never_speak(quotes_of, text, needle):
    # (a sign's words may be no quote at all; whatever holds them, no thing speaks them)
    assert all(q.speaker not in {"Hand-painted signs", "signs", "The records", "records",
                                 "Velk Ferries shares", "a CT scan"}
               for q in quotes_of(text) if needle in q.text)


def test_words_inside_a_quote_never_speak_it(quotes_of):
    text = ('Pell Orwin emailed his backers on Friday, writing: "The fight goes on and we are '
            'not done yet."')
    q = _find(quotes_of(text), "fight goes on")
    assert q.speaker == "Pell Orwin"


def test_unresolved_pronoun_keeps_mention_but_names_no_one(quotes_of):
    q = _find(quotes_of('"The road was closed for hours before dawn," she said.'),
              "road was closed")
    assert q.speaker is None and q.speaker_text == "she"


def test_document_speaks_for_its_author(quotes_of):
    text = ('A letter from the Harbor Pilots Guild warned that "any delay will cost the port '
            'its busiest season."')
    q = _find(quotes_of(text), "busiest season")
    assert q.speaker == "the Harbor Pilots Guild" or q.speaker == "Harbor Pilots Guild"
    assert q.speaker_text.startswith("A letter")


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    # issue 17, read on a real cluster: a paper's editorial and a leaflet said the words,
    # and the brief put them under "Unattributed"
    ('"The harbour has been shut to us all week," said an editorial in the Orrin Gazette.',
     "shut to us", "an editorial in the Orrin Gazette"),
    ('"Keep the quay open," a leaflet handed out at the market said.', "quay open",
     "a leaflet handed out at the market"),
    # control: a bare "the statement" points back to one never named
    ('The ferry sailed late. "We regret the delay," the statement said.', "regret", None),
])
def test_a_text_no_one_is_shown_to_have_written_speaks_for_itself(quotes_of, text, needle,
                                                                  speaker):
    assert _find(quotes_of(text), needle).speaker == speaker


def test_statement_resolves_to_who_issued_it(quotes_of):
    text = ('The Lakeside Rowing Club issued a statement on Tuesday. "We are saddened by the '
            'loss of our boathouse," the statement said.')
    q = _find(quotes_of(text), "saddened")
    assert q.speaker == "Lakeside Rowing Club"
    assert q.speaker_text == "the statement"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "the statement" points back to the one statement the article has named, however
        # many sentences of narration stand between
        ("The Harlow Transit Authority released a statement on Tuesday after two trams "
         "touched in a depot. Nobody was hurt. The trams will be inspected. Service resumed "
         'within an hour. "We regret the delay to riders," the statement said.',
         "Harlow Transit Authority"),
        # control: the nearest statement before is the one meant, not an older one
        ("The Harlow Transit Authority released a statement on Tuesday. Nobody was hurt. "
         "The drivers' union, Local 40, issued a statement of its own. The trams will be "
         'inspected. Service resumed within an hour. "Our drivers did nothing wrong," the '
         "statement said.", "Local 40"),
        # control: no statement named before, so none is pinned on the last body named
        ("The Harlow Transit Authority said two trams touched in a depot. Nobody was hurt. "
         'The trams will be inspected. Service resumed within an hour. "We regret the '
         'delay to riders," the statement said.', None),
    ],
    ids=["far-back", "nearest", "never-named"],
)
def test_the_statement_is_the_last_one_issued(quotes_of, text, speaker):
    assert_speaker(_find(quotes_of(text), first_quoted(text)), speaker)


@pytest.mark.parametrize(
    "passenger",
    [
        # a noun the word lists lack is still a person when a "who" clause tells of it
        "The drywaller, who suffered a bruised shoulder,",
        "The carpet fitter, who was thrown against a window,",
        "A shopper",  # (control: a person noun the lists hold)
    ],
    ids=["drywaller", "fitter", "shopper"],
)
def test_a_person_is_never_the_body_named_before(quotes_of, passenger):
    text = ("Orrin Sabel, 35, was on his way to work when the tram left the rails. The Tram "
            f"Safety Board has opened an inquiry. {passenger} said the carriages slid for "
            "several seconds before stopping.")
    q = _find(quotes_of(text), "carriages slid")
    assert "Board" not in (q.speaker or ""), q


def test_unowned_document_names_no_one(quotes_of):
    q = _find(quotes_of('"Closed until further notice," the sign said.'), "further notice")
    assert q.speaker is None


def test_dateline_is_not_a_speaker(quotes_of):
    text = 'BRANTLEY \u2014 "We will reopen the school by spring," the district said on Monday.'
    q = _find(quotes_of(text), "reopen the school")
    assert q.speaker != "BRANTLEY"


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        ('"You kept your word on the ferry," Ilse Marrow assured the harbor board.',
         "kept your word", "Ilse Marrow"),
        ('After the vote, Tobin Rask shot back, "Nobody on this council reads the budget."',
         "Nobody on this council", "Tobin Rask"),
        ('Tobin Rask leaned over the table and growled: "Nobody reads the budget."',
         "Nobody reads", "Tobin Rask"),
        ('Councillor Wren Hale: "The bridge is older than any of us."', "bridge is older",
         "Wren Hale"),
    ],
    ids=["after-any-verb", "comma-before-any-verb", "colon-before-any-verb", "name-colon"],
)
def test_frame_verbs_outside_the_lexicon(quotes_of, text, needle, speaker):
    assert _find(quotes_of(text), needle).speaker == speaker


def test_quote_later_in_the_paragraph_continues_its_speaker(quotes_of):
    text = ('"The pier will hold," said Odile Farrant, who has run the harbor office since '
            "the storm of the winter before last and still keeps its old ledgers at home. "
            '"We checked every beam twice."')
    q = _find(quotes_of(text), "every beam")
    assert q.speaker == "Odile Farrant"


def test_name_inside_the_quote_is_not_the_subject(quotes_of):
    text = ('"Sometimes, [Varga] can be very stubborn," Nell Ostrow said. "But she listens."')
    assert _find(quotes_of(text), "very stubborn").speaker == "Nell Ostrow"


def test_he_goes_to_the_nearest_man_not_the_nearest_person(quotes_of):
    text = ("Mrs. Talia Brenn opened the fair on Saturday. She thanked the volunteers and she "
            "cut the ribbon. Her husband, Oskar Brenn, stood beside her. Talia Brenn waved. "
            '"It took us two years to build the stage," he said.')
    q = _find(quotes_of(text), "two years")
    assert q.speaker == "Oskar Brenn"


def test_comma_hands_a_narrated_clause_to_the_attribution_after_it(quotes_of):
    text = ('Nothing the mayor proposed "will fix the harbor," councillor Ines Varro said.')
    q = _find(quotes_of(text), "fix the harbor")
    assert (q.speaker, q.kind) == ("Ines Varro", "mixed")
    assert q.text.startswith("Nothing the mayor")


def test_the_last_clause_before_a_colon_speaks(quotes_of):
    text = ('Ada Kell said the pumps had worked all night, to which Ruben Solt interjected: '
            '"They failed twice before midnight."')
    assert _find(quotes_of(text), "failed twice").speaker == "Ruben Solt"


def test_a_verb_with_its_own_object_does_not_take_the_quote(quotes_of):
    text = ('The old motto was "Build it once and build it well!" Engineers still praise '
            "that rule in every lecture.")
    q = _find(quotes_of(text), "Build it once")
    assert q.speaker != "Engineers"


def test_a_body_that_says_is_a_speaker(quotes_of):
    text = ('Flights resumed on Sunday. "Passengers will be rebooked free of charge," the '
            "ferry line said.")
    q = _find(quotes_of(text), "rebooked")
    assert q.speaker is not None and "line" in q.speaker


def test_a_poster_is_paper_not_a_writer(quotes_of):
    q = _find(quotes_of('"Do not feed the geese," a poster warned at the gate.'), "feed the")
    assert q.speaker is None


def test_a_denied_report_is_not_its_deniers(quotes_of):
    text = ('Mayor Ruth Alvo denied the report on Monday. "The bridge is unsafe," the report '
            "said.")
    assert _find(quotes_of(text), "bridge is unsafe").speaker != "Ruth Alvo"


def test_she_reaches_back_to_the_only_woman_named(quotes_of):
    text = ("Mrs. Hanne Ostby runs the bakery on Quay Street. She opened it in the spring. "
            "The ovens came from a shop in the next town. The flour comes by boat. "
            "Deliveries start at five. "
            '"We bake everything before sunrise," she said.')
    assert _find(quotes_of(text), "before sunrise").speaker == "Hanne Ostby"


def test_colon_quote_that_ends_its_sentence_before_more_narration(quotes_of):
    text = ('Her deputy, Lorn Vasse, said: "The plan protects the wetlands." The vote is '
            "next week.")
    assert _find(quotes_of(text), "protects the wetlands").speaker == "Lorn Vasse"


def test_colon_after_a_long_clause_goes_to_its_main_subject(quotes_of):
    text = ('The Harbor Gazette focuses on how many boats the storm was able to sink: "In '
            'one night the fleet lost a third of its hulls."')
    q = _find(quotes_of(text), "lost a third")
    assert q.speaker is not None and "Gazette" in q.speaker


def test_she_after_a_named_speaker_the_tagger_missed(quotes_of):
    # issue 17: the demo gave a resident's "I'm not unpacking it," she said to a district
    # named earlier, because the tagger did not see her name as a person
    text = ("Velk Heights residents spoke for more than two hours. Ines Tarrow, who lives two "
            "blocks from the plant, said she had packed a bag and kept it by her front door "
            "since the fire. \"I'm not unpacking it,\" she said.")
    quote = _find(quotes_of(text), "I'm not unpacking it")
    assert quote.speaker == "Ines Tarrow"


def test_a_name_given_only_as_whose_someone_is_does_not_speak(quotes_of):
    # issue 17: a widow's words ("She … addressed the company: '…'") went to her husband,
    # named only in "Daniel Okafor's widow"
    text = ("At Velk Park, the crowd fell silent as Amara Okafor, Daniel Okafor's widow, "
            "stepped up to a microphone. She thanked the firefighters, then addressed the "
            "company directly:\n\n\"Daniel went to work on a Tuesday night and he never came "
            "home. I want the truth.\"")
    quote = _find(quotes_of(text), "Daniel went to work")
    assert quote.speaker == "Amara Okafor"


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        ('A newsletter sent out by Ilsa Marrow on Friday morning warned rowers about the '
         'weather: "Fog is forecast for the whole regatta, so bring lights and a horn."',
         "Fog is forecast", "Ilsa Marrow"),
        ('A statement released by the Harbor Pilots Guild said the strike would "last as long '
         'as it takes to win."', "as long as it takes", "Harbor Pilots Guild"),
    ],
    ids=["newsletter-sent-by", "statement-released-by"],
)
def test_document_speaks_for_whoever_it_was_sent_by(quotes_of, text, needle, speaker):
    # 'a statement released by X', 'an email sent out by X': the agent of the participle
    # that qualifies the document is its author
    q = _find(quotes_of(text), needle)
    assert q.speaker in {speaker, "the " + speaker}
    assert q.speaker_text.startswith("A ")


def test_who_was_asked_a_question_did_not_ask_it(quotes_of):
    # the subject of a passive "was asked" / "was told" is the addressee, not the speaker
    text = ("At the town hall, Mayor Orrin Vask was asked, “Will the ferry run on Sundays "
            "next summer?” He answered, “Not this year, but we are working on it.”")
    quotes = quotes_of(text)
    assert _find(quotes, "run on Sundays").speaker != "Orrin Vask"
    assert _find(quotes, "Not this year").speaker == "Orrin Vask"


def test_who_was_told_something_by_someone_hears_it_from_them(quotes_of):
    text = ("The crew was told by captain Ilse Marrow, “Nobody leaves the deck before the "
            "storm passes over the bay.”")
    q = _find(quotes_of(text), "Nobody leaves")
    assert q.speaker == "Ilse Marrow"


def test_a_lone_small_letter_is_no_speaker(quotes_of):
    # a typo of "he" ("e added") left the quote credited to "e"
    text = ("“We are all in shock and nobody can believe what happened on the pier,” e added, "
            "standing by the ferry office in Orrin.")
    (q,) = [q for q in quotes_of(text) if "in shock" in q.text]
    assert q.speaker != "e"


def test_titles_joined_before_a_name_are_that_persons(quotes_of):
    """"said group chairman and chief executive Tam Ferris": both titles are his, so he
    speaks, not "group chairman"."""
    text = ("Harbor Trust has admitted that 12,500 savers had their account numbers taken.\n"
            "\u2018We let our members down this week,\u2019 said group chairman and "
            "chief executive Tam Ferris.\n")
    assert _find(quotes_of(text), "members down").speaker == "Tam Ferris"


def test_a_hyphenated_surname_split_by_the_parse_is_still_the_person(quotes_of):
    """The parse may cut "Quell-Vance says" after the hyphen; the subject is still the woman
    named Quell-Vance, never someone called "Vance"."""
    text = ("Lawyer Mara Quell-Vance has sued the Velk water board.\n"
            "\u201cThe board knew about the leak,\u201d Quell-Vance says.\n"
            "Quell-Vance says the town would sleep easier if the board faced an audit.\n")
    q = _find(quotes_of(text), "sleep easier")
    assert q.speaker is not None and q.speaker.endswith("Quell-Vance"), q.speaker


def test_one_description_is_one_speaker_wherever_it_stands(quotes_of):
    """"The airline said" opening a sentence and "the airline said" after a quote are one
    speaker: a capital that only opens a sentence does not make a second heading."""
    text = ('The flight turned back to Velk on Monday. The airline said it would refund every '
            'fare. "Safety comes first," the airline said on Tuesday.')
    quotes = quotes_of(text)
    a, b = _find(quotes, "refund every fare"), _find(quotes, "Safety comes first")
    assert a.speaker == b.speaker == "the airline", (a.speaker, b.speaker)


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    ("Tomas and Ilse Brandt drove to Orrin from Calder with their son, Jep, to watch the "
     "final. \u2018To see this at last, with my son here, means everything,\u2019 Tomas Brandt "
     "said.", "means everything", "Tomas Brandt"),
    ("In 1962, ferryman Emil Varga was refused a seat at the ground. Varga swore the Kites "
     "would never lift the cup. \"That old hex is finished,\" said Kites fan Rafael Soto, 24, "
     "after the final.", "old hex", "Rafael Soto"),
    ("\u201cTheir wage bill is twice ours,\u201d Harriers coach Dana Pell conceded. Among "
     "the singing Kites fans was Corin Dahl, a lawyer from Orrin. \u201cIf you count from "
     "the cradle, I have cheered them for 41 years,\u201d he said.", "from the cradle",
     "Corin Dahl"),
    ("Crowds filled the square in Orrin on Sunday night. Singer Lyle Brent went on a breakfast "
     "programme and called the match 'wild'. Mayor of Orrin Peter Vance put up a post soon "
     "after the last whistle. He wrote: 'This belongs to the grandparents who taught us to "
     "cheer for the Kites.'", "grandparents who taught", "Peter Vance"),
], ids=["two-given-names-one-surname", "fan-named-in-the-frame", "inverted-introduction",
        "mayor-of-a-town"])
def test_the_speaker_is_the_person_the_frame_or_the_last_introduction_names(
        quotes_of, text, needle, speaker):
    assert _find(quotes_of(text), needle).speaker == speaker


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    ("Walter Brisk, whose cottage faces the canal, told reporters he heard a loud crack. The "
     "81-year-old said: \"I was in the yard feeding the hens.\"", "feeding the hens",
     "Walter Brisk"),
    ("Nella Sorn, 34, was on the ferry when she felt it strike the quay. The mother, from "
     "Kelby, said passengers were shouting for their children.", "shouting for their",
     "Nella Sorn"),
    ("Police arrested Tom Reed, 30, at the scene. A woman said she had seen him run.",
     "seen him run", "a woman"),
    ("Tom Reed, 30, was charged on Monday. The judge said the case would be heard in May.",
     "heard in May", "the judge"),
    ("Ivo Brandt drove the van to the depot. The woman said the van had been stolen.",
     "been stolen", "the woman"),
], ids=["age-after-name", "kin-noun-after-name", "indefinite-is-someone-new",
        "a-role-is-someone-new", "gender-clash"])
def test_a_description_takes_up_the_person_just_named(quotes_of, text, needle, speaker):
    """"The 81-year-old said", "The mother ... said" right after a person is named is that
    person; "a woman" is someone new, a role ("the judge") may be, and so is a description
    of a sex the article never gave the person named."""
    assert _find(quotes_of(text), needle).speaker == speaker


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    ("A spokesperson from the Tessmoor Fire Service said: \"Crews cut three people out of "
     "the coach.\"", "Crews cut", "a spokesperson from the Tessmoor Fire Service"),
    ("A spokeswoman for the Tessmoor Ambulance Service said five people had broken bones.",
     "broken bones", "a spokeswoman for the Tessmoor Ambulance Service"),
], ids=["direct", "indirect"])
def test_a_spokesperson_is_shown_with_the_body_they_speak_for(quotes_of, text, needle, speaker):
    """Two bodies' spokespeople are two speakers: the body named with the noun stays in it."""
    assert _find(quotes_of(text), needle).speaker == speaker


def test_the_name_after_said_is_the_speaker_when_the_parse_hangs_it_further_on(quotes_of):
    """'"...," said Harriers supporter Dana Pell, 31, minutes after the match ended': the
    parse made Pell the subject of "ended", and the quote was lost."""
    text = ('"It is over," said Harriers supporter Dana Pell, 31, minutes after the match '
            "ended.")
    assert _find(quotes_of(text), "It is over").speaker == "Dana Pell"


def test_a_report_inside_someone_elses_report_is_theirs(quotes_of):
    """The aunt's telling is part of what Oskar Lind said: the outer report is the quote."""
    text = ("The boys were raised by their aunt, who told them that their father had died "
            "at sea, Oskar Lind said.")
    assert _find(quotes_of(text), "died at sea").speaker == "Oskar Lind"


def test_he_after_a_long_quote_is_the_person_named_before_it(quotes_of):
    """'Oskar Lind wept. "A. B. C. D," he said': the quote's own sentences are
    no narration; Oskar is the sentence before, not a man quoted further back."""
    text = ("Pavel Lind said he had not spoken to his brother for years.\n"
            "\u201cMy worry is nothing next to the families,\u201d he said.\n"
            "Oskar Lind wept as he spoke to a radio station. \u201cI have no words for "
            "it. My brother caused this. It feels as if he hurt all of us. I am lost,\u201d he "
            "said.")
    assert _find(quotes_of(text), "no words for it").speaker == "Oskar Lind"


@pytest.mark.parametrize("text", [
    '"He had no ties to any group," the brother of the arsonist, Oskar Lind, from Port Alder, '
    "said.",
    "The arsonist had no ties to any group, the brother of the arsonist, Oskar Lind, from "
    "Port Alder, said.",
])
def test_the_town_a_speaker_is_from_is_not_the_speaker(quotes_of, text):
    """'..., Oskar Lind, from Port Alder, said': Port Alder is where he is from; the reported
    words end before 'the brother of the arsonist'."""
    q = _find(quotes_of(text), "no ties to any group")
    assert (q.speaker, q.text.rstrip(",")) == ("Oskar Lind", "He had no ties to any group"
                                               if text.startswith('"') else
                                               "The arsonist had no ties to any group")


def test_reported_words_keep_their_end_when_the_speaker_is_set_beside_them(quotes_of):
    """'... with any sporting or church group, the cousin of the arsonist, Oskar Lind,
    from Tessmoor, said': the words end at "group", not at "with" (the parse set the cousin
    beside the group, and a group is a body that may speak)."""
    text = ("The arsonist never aligned himself with any sporting or church group, "
            "the cousin of the arsonist, Oskar Lind, from Tessmoor, said.")
    q = _find(quotes_of(text), "never aligned himself")
    assert q.text.rstrip(",").endswith("any sporting or church group")


def test_he_after_captions_is_the_person_named_before_them(quotes_of):
    """Captions and sidebar lines between a name and 'he said' are no narration. (This text
    was right before the change too; the real cluster it was made for is in the commit.)"""
    text = ("Harriers winger Jason Hale revealed after the game that the hailstorm had in fact "
            "settled the side.\nHale said he gathered his team-mates in the boot room, which "
            "calmed them down.\nJubilant Harriers fans dance outside the ground in Orrin after "
            "the final whistle\nSinger Bill Marsh throws his scarf into the air after the "
            "Harriers take the league for the first time since 1974\n"
            "'I only had to tell the lads who we are and how far we have come,' he said.")
    assert _find(quotes_of(text), "tell the lads").speaker == "Jason Hale"


def test_a_mayor_named_after_his_town_speaks_as_himself(quotes_of):
    """'Mayor of Orrin Ilan Ostrowski': the tagger made town and name one organisation, and
    'He wrote' found no person."""
    text = ("Fans in Orrin cheered. Mayor of Orrin Ilan Ostrowski put up a post after the "
            "final. He wrote: 'This belongs to the grandparents.'")
    assert _find(quotes_of(text), "belongs to the grandparents").speaker == "Ilan Ostrowski"


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        ('The Velk Courier quoted Mayor Ilse Marek as saying the bridge "will not reopen this '
         'year."', "will not reopen", "Ilse Marek"),
        ("The Velk Courier cited the Orrin transit office as saying the line would reopen "
         '"within a fortnight."', "within a fortnight", "Orrin transit office"),
        ('Citing the Orrin transit office, the Velk Courier said the line would reopen "within a '
         'fortnight."', "within a fortnight", "Velk Courier"),  # the outlet says it, citing
        # words before "<relay> cited <source>" are the source's (read on a real cluster: a
        # wire service credited with the words of the website it cited)
        ('\u201cThe ferry was sabotaged by one of its own crew,\u201d the Velk Courier cited '
         "the Orrin Harbour Authority, the port's owner.", "sabotaged",
         "Orrin Harbour Authority"),
        ('"The line will reopen within a fortnight," the Velk Courier quoted Tessmoor Rail as '
         "telling its staff.", "reopen within", "Tessmoor Rail"),
        ('\u201cThe pier is closed for good,\u201d the Velk Courier cited the Orsa, a harbour '
         "news website.", "closed for good", "Orsa"),
    ],
    ids=["quoted as saying", "cited as saying", "citing", "words before cited",
         "words before quoted as telling", "words before a cited website"],
)
def test_quoted_as_saying_is_the_quoted_ones_words(quotes_of, text, needle, speaker):
    # "X quoted Y as saying ...": "saying" is Y's, the object, as in "asked Y to say"
    assert speaker in (_find(quotes_of(text), needle).speaker or "")


def test_a_name_the_parse_hung_elsewhere_still_speaks_its_verb(quotes_of):
    """Read on a real cluster: a sentence where one coach keeps his post after a winless year
    while a second club has vouched for its own coach; the parse joined the second club to
    the first club's losing year ("campaign" here) and the assurance went to the first coach.
    The noun phrase between "and" and the verb's auxiliaries is the verb's subject."""
    text = ("The Kelby Rams could act soon, but Ivo Marsh is expected to stay on with the "
            "Orrin Owls despite their 1-14 campaign and the Velk Gulls have assured Lena Varga "
            "her job is safe.")
    q = _find(quotes_of(text), "job is safe")
    assert q.speaker == "Velk Gulls", q.speaker


def test_an_unnamed_speaker_taken_up_again_is_one_voice(quotes_of):
    """Read on a real cluster: "a source" and then "the source" were counted as two voices of
    one report. A definite noun that takes up an earlier speaker's indefinite one ("a
    source" ... "the source") is that speaker; another noun is not ("the spokesman")."""
    text = ("\u201cThe bank will post a loss,\u201d a source familiar with the matter said on "
            "Friday. \u201cThe charge is large,\u201d the source added. \u201cWe are "
            "confident,\u201d the spokesman said.")
    speakers = [q.speaker for q in quotes_of(text)]
    assert speakers == ["a source", "a source", "the spokesman"], speakers


@pytest.mark.parametrize(("text", "body"), [
    ('Police said the barge ran aground near Velden on Tuesday. "Nobody was hurt," police said.',
     "police"),
    ('Officials said the ferry road would reopen. "We are working on it," officials said.',
     "officials"),
    ('Firefighters said the mill was empty. "It was already gone," firefighters said.',
     "firefighters"),
])
def test_one_unnamed_body_is_one_speaker_at_a_sentence_start_or_not(quotes_of, text, body):
    # "Police said" opens a sentence; "police said" does not: one body, one speaker
    assert {q.speaker for q in quotes_of(text)} == {body}


def test_a_named_body_keeps_its_capital_at_a_sentence_start(quotes_of):
    text = 'Velden Police said the barge ran aground. "Nobody was hurt," the force said.'
    assert "Velden Police" in {q.speaker for q in quotes_of(text)}


def test_a_surname_is_the_person_last_named_with_it_not_one_named_by_first_name(quotes_of):
    # "Piet" is Piet Tolan (named in full later), but "Tolan said" takes up the last person
    # written with that surname: Mira Tolan
    text = ("Mira Tolan, whose husband Piet died in the flood, stood in front of the crowd at "
            "Velden Park.\n\n\u201cPiet went to work on a Monday and never came home,\u201d "
            "Tolan said.\n\nThe families of Piet Tolan and Ada Renn have waited long enough.")
    q = _find(quotes_of(text), "never came home")
    assert q.speaker == "Mira Tolan"


def test_words_on_a_thing_are_not_its_wearers(quotes_of):
    # a shirt's printed words are no one's speech (read on a real story: a singer's shirt
    # slogan, written on it in quotation marks, was counted as her quote)
    text = 'Ada Lind wore a cap with "Row, Velk, row" written on it at a festival on Thursday.'
    assert [q.speaker for q in quotes_of(text) if "Velk, row" in q.text] == []


def test_a_place_the_tagger_misses_keeps_its_capital_at_a_sentence_start(quotes_of):
    # "Velden" is no common noun the lemmatizer knows: "Velden police", not "velden police"
    text = "Velden police said on Monday that the harbor gates had been left open overnight."
    assert {q.speaker for q in quotes_of(text)} == {"Velden police"}


@pytest.mark.parametrize(
    ("between", "same"),
    [
        # read on a real cluster: a video's title line between two paragraphs of one
        # witness's words ended her run, and her second paragraph went unattributed
        ("Mayor Tom Voss on the Kell tram crash", True),
        # control: a line of narration between ends the run
        ("Crews cut the last passengers free at noon.", False),
    ],
    ids=["title-line", "narration"],
)
def test_a_title_line_between_two_paragraphs_does_not_end_a_run(quotes_of, between, same):
    text = ('A tram left the rails in Kell on Wednesday.\n"I was in bed when I heard a huge '
            'crash," said Ada Bell, who lives nearby.\n' + between + "\n"
            '"After that two medics carried a girl past us on a stretcher."')
    q = _find(quotes_of(text), "stretcher")
    assert (q.speaker == "Ada Bell") is same, q


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # read on a real cluster: words "according to its website" went unattributed; the
        # owner a possessive names is the document's writer
        ('The Kell Harbor Trust has led dock tours "every summer since 2011," according to '
         "its own web pages.", "Kell Harbor Trust"),
        ('Dr. Ilse Varo treats sailors at the port. She has seen "more cases every year," '
         "according to her blog.", "Ilse Varo"),
        # control: no one for "its" to be
        ('The dock tours have run "every summer since 2011," according to its own web pages.',
         None),
    ],
    ids=["its", "her", "no-one"],
)
def test_a_document_a_possessive_owns_is_its_owners(quotes_of, text, speaker):
    assert_speaker(_find(quotes_of(text), first_quoted(text, 10)), speaker)


def test_a_body_taken_up_over_page_furniture_between(quotes_of):
    # read on a real cluster: a caption block repeating two body lines stood between the
    # authority's statement and "The agency says", which then went unresolved (counted as
    # a voice of its own); only the report's own sentences count as between
    text = ("Two Orrin tram cars collided in a depot early Wednesday, injuring one person.\n"
            "The Orrin Transit Authority says the cars touched at walking pace.\n"
            "One car stood still while the second one rolled slowly.\n"
            "Scroll down for video\n"
            "Two Orrin tram cars collided in a depot early Wednesday, injuring one person\n"
            "The Orrin Transit Authority says the cars touched at walking pace\n"
            "The agency says one depot worker is being treated for minor injuries.\n")
    q = _find(quotes_of(text), "depot worker")
    assert_speaker(q, "Orrin Transit Authority")


def test_what_someone_cites_as_a_reason_is_no_speaker(quotes_of):
    # read on a final read of real clusters: a coach who "cited <his relatives> as <why> he
    # retired" had his words in marks handed to the relatives; what is cited as a reason, a
    # cause or an example said nothing ('the Courier cited the harbour authority', with no
    # "as", still hands the words to the one cited)
    text = ('Wiping away tears of "relief and pride," Orrin Owls coach Ivo Renn cited his '
            "grandchildren as the main cause of his choice to step down after 40 seasons.")
    q = _find(quotes_of(text), "relief and pride")
    assert q.speaker != "his grandchildren", q


def test_another_after_one_of_a_kind_is_another_of_that_kind(quotes_of):
    # read on a final read of real clusters: "One <woman> told police ... <a crowd of
    # men> ..., while another said ..." gave the words to "another of the men", the nearer
    # plural; "another" set against "one <noun>" is another of that noun
    text = ("Ferry staff took notes at the Orrin pier. One passenger told staff he was pushed "
            "by a crowd of fans near the gate, while another said bags were 'thrown in every "
            "direction'.")
    q = _find(quotes_of(text), "thrown in every")
    assert q.speaker == "another passenger", q


@pytest.mark.parametrize(("text", "needle"), [
    # read on a real cluster: two officials who wrote one opinion piece together were shown
    # as the first of them alone; words two people give together are both of theirs
    ('Ana Ruiz and Tom Vale wrote in the Orrin Ledger that "the old pier must close before '
     'winter."', "old pier"),
    ("Ana Ruiz and Tom Vale said the old pier must close before winter.", "old pier"),
], ids=["mixed", "indirect"])
def test_words_two_people_give_together_are_both_of_theirs(quotes_of, text, needle):
    assert_speaker(_find(quotes_of(text), needle), "Ana Ruiz and Tom Vale")


@pytest.mark.parametrize("between", [
    # the parse hangs "by the artist" on "stitched", not on the poem: the words right after
    # the document still say whose it is
    "",
    # ... and "the poem" points back to the last poem named, however far back
    "The gown drew cheers from the crowd. Fans posted photos within minutes. Critics "
    "praised the colour. ",
], ids=["next-sentence", "far-back"])
def test_the_document_named_before_is_its_owners(quotes_of, between):
    # read on a final read of real clusters: the lines of a poem stitched on a singer's
    # gown went unattributed, though the poem and its author were named before
    text = ("Singer Ada Voss wore a gown stitched with a poem by the artist Lena Kroft. "
            f'{between}"Rejoice, the harbor is ours again," the poem began.')
    assert_speaker(_find(quotes_of(text), "harbor is ours"), "Lena Kroft")


@pytest.mark.parametrize("text", [
    # a read: a quote whose frame gives the speaker's name and a long title before a verb
    # outside the speech list was left unattributed
    "\"The ferry schedule only looks worse than it is,\" Tomas Orrey Vale, deputy head of "
    "the Orrin harbour board, pointed out.",
    "\"The ferry schedule only looks worse than it is,\" Tomas Orrey Vale, second in command "
    "at the Orrin harbour board, pointed out.",
])
def test_a_long_title_between_name_and_verb_keeps_the_speaker(quotes_of, text):
    assert_speaker(_find(quotes_of(text), "looks worse"), "Tomas Orrey Vale")


@pytest.mark.parametrize(("text", "needle"), [
    # a read: people told to do something with quoted words were made their speaker; the
    # words are whoever told them, which the sentence does not name
    ("Harbour clerks in Velden were ordered to shred \"every page about the ferry fire\" "
     "before the inquiry began.", "ferry fire"),
    ("Residents of Orrin were asked to avoid \"any travel near the burning quay\" until "
     "Friday.", "burning quay"),
])
def test_people_told_to_do_something_do_not_say_the_words(quotes_of, text, needle):
    hits = [q for q in quotes_of(text) if needle in q.text]
    assert all(q.speaker is None for q in hits), hits


def test_a_written_reply_carries_its_senders_words(quotes_of):
    # a read: a firm that "sent a response saying that '...'" was not credited the words
    text = ("Velk Ferries mailed a long reply to the harbour board saying that \"our boats "
            "have never spilled a drop of fuel in Orrin.\"")
    assert_speaker(_find(quotes_of(text), "never spilled"), "Velk Ferries")


@pytest.mark.parametrize(("text", "needle"), [
    # a frame set off by commas inside reported words ("X, Vale said, Y") gives them to the
    # speaker it names (a read: such words were credited to their subject, "all of ...")
    ("The new pier, Tomas Vale said, will cost the town far too much.", "cost the town"),
    ("Most of the fuss, Tomas Vale said, simply means the harbour rules will be rewritten.",
     "harbour rules"),
])
def test_a_frame_set_off_inside_the_words_names_their_speaker(quotes_of, text, needle):
    assert_speaker(_find(quotes_of(text), needle), "Tomas Vale")


def test_a_frame_in_a_relative_clause_is_not_the_sentences_speaker(quotes_of):
    # control: "which Vale said was too costly" is his, the opening on Monday is not
    text = "The new pier, which Tomas Vale said was too costly, opened on Monday in Orrin."
    assert not [q for q in quotes_of(text) if "opened on Monday" in q.text]


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    # a read: reported words with an apostrophe in a word ("it's", "the firm's") were no
    # quote at all, as if the apostrophe were a quotation mark
    ("Orrin Mills has turned down the offer. The bakery says it's ready to open three more "
     "shops next spring.", "three more shops", "Orrin Mills"),
    ("Tomas Vale said the firm's offer was far too low for the pier.", "far too low",
     "Tomas Vale"),
    ("Tomas Vale said the ferry owners' offer was far too low for the pier.", "far too low",
     "Tomas Vale"),
])
def test_an_apostrophe_in_a_word_is_no_quotation_mark(quotes_of, text, needle, speaker):
    q = _find(quotes_of(text), needle)
    assert q.speaker in (speaker, "the bakery"), q  # (a body's description may stay one)


def test_reported_words_end_with_their_paragraph(quotes_of):
    # once apostrophes stopped hiding reported words, a read showed one that ran on into a
    # list of links below it
    text = ("Tomas Vale says Velk Ferries can rebuild the Orrin pier's deck by May\n"
            "See inside the harbour master's new house on the hill")
    q = _find(quotes_of(text), "rebuild the Orrin pier")
    assert "See inside" not in q.text, q


def test_a_surname_after_a_dead_persons_kin_is_named_is_the_kins(quotes_of):
    # read on a real cluster: "<surname>'s widow, <given name>, ..." then '"...," said
    # <surname>' gave the widow's words to her husband, whom the text tells was killed
    text = ("The lighthouse keeper Aldo Brisk was killed when the lamp room collapsed.\n"
            "Brisk's widow, Mirela, thanked the lifeboat crew on Monday.\n"
            "\u201cThe sea keeps what it takes,\u201d said Brisk, who had waited on the quay "
            "all night.")
    q = _find(quotes_of(text), "sea keeps")
    assert q.speaker == "Mirela Brisk", q.speaker



def test_a_surname_after_a_widow_is_named_is_the_widows(quotes_of):
    # the same, where the text tells the death only by naming the widow
    text = ("The lighthouse keeper Aldo Brisk was swept off the pier in the storm.\n"
            "Brisk's widow, Mirela, thanked the lifeboat crew on Monday.\n"
            "\u201cThe sea keeps what it takes,\u201d said Brisk, who had waited on the quay "
            "all night.")
    assert _find(quotes_of(text), "sea keeps").speaker == "Mirela Brisk"


def test_a_role_noun_takes_up_the_living_holder_of_the_role(nlp):
    # read on a real cluster: a role noun that spoke took up the holder of the role the text
    # tells was killed, named last before it, not the living one (the role lookup itself:
    # invented texts of that shape are resolved earlier, by the subjects around them)
    from crosswire.extract import extract_article
    from crosswire.extract.quotes import _by_role, _Ctx
    from crosswire.records import Article

    text = ("Captain Edda Rusk sailed the ferry home on Saturday. The storm had killed Captain "
            "Jonas Pell. The captain spoke to the families.")
    article, doc = Article(id="r", text=text), nlp(text)
    ex = extract_article(article, doc)
    ctx = _Ctx(article, doc, ex.entities, ex.nonbody)
    the_captain = [t for t in doc if t.lower_ == "captain"][-1]
    found = _by_role(ctx, the_captain, ("Captain",))
    assert found is not None and found.canonical == "Edda Rusk", found


def test_according_to_after_words_in_marks_names_their_speaker(quotes_of):
    # read on a real cluster: 'X worked for ... and "would help anybody", according to the
    # friend' gave the words to X, the subject of the verb before them
    text = 'Orla Benn worked for the harbour board and "would help anybody", according to a friend.'
    q = _find(quotes_of(text), "would help anybody")
    assert q.speaker == "a friend", q


def test_a_name_inside_another_speakers_words_does_not_take_the_next_she(quotes_of):
    # read on a real cluster: 'A friend said <victim> was kind. She added: "..."' gave the
    # friend's words to the victim, the subject of the friend's reported clause
    text = ('A neighbour said Orla Benn was kind to everyone on the street. "We talked about '
            'her roses over the fence every morning," she said.')
    q = _find(quotes_of(text), "talked about her roses")
    assert q.speaker != "Orla Benn", q


@pytest.mark.parametrize("text", [
    # read on a real cluster: the friend spoke, then "She added: ..." went to the dead
    # woman named two sentences before, the subject of that sentence
    'Orla Benn had taken in a stray dog. The friend said she was "cheerful" at the market '
    'on Friday. She added: "We talked about her roses over the fence every morning."',
    'Orla Benn had taken in a stray dog. Her sister said Orla was cheerful on Friday. She '
    'added: "We talked about her roses over the fence every morning."',
])
def test_she_added_goes_on_as_the_last_speaker(quotes_of, text):
    q = _find(quotes_of(text), "talked about her roses")
    assert q.speaker not in ("Orla Benn", "Orla"), q



@pytest.mark.parametrize("text", [
    # issue 17, read on a real cluster: "her spokesman" and "spokesman <Name>" (a role in
    # lower case, as news style writes it) were two speakers
    "Lena Varga left the Orrin choir on Thursday, her spokesman said.\nThe decision was hers "
    "alone, spokesman Tomas Brell said.",
    "Lena Varga left the Orrin choir on Thursday, her spokesman said.\nThe decision was hers "
    "alone, said Tomas Brell, her spokesman.",
])
def test_a_role_takes_up_the_person_given_it_in_lower_case(quotes_of, text):
    assert _find(quotes_of(text), "left the Orrin choir").speaker == "Tomas Brell"


def test_a_role_is_not_someone_given_another_role(quotes_of):
    # control: the one named beside another role is not "her spokesman"
    text = ("Lena Varga left the Orrin choir on Thursday, her spokesman said.\nShe was a gifted "
            "alto, said Tomas Brell, her coach.")
    assert _find(quotes_of(text), "left the Orrin choir").speaker != "Tomas Brell"


@pytest.mark.parametrize(("text", "first"), [
    # issue 17, read on real clusters: "the same source" after "a court source", and "the
    # spokeswoman" after "a Harbor Lines spokeswoman", were headed as other speakers
    ("The Orrin jail guard was released on bail, a court source said.\nHis hearing is set "
     "for May, the same source said.", "a court source"),
    ("The pier was closed, a Harbor Lines spokeswoman said.\nRepairs will take a week, the "
     "spokeswoman said.", "a Harbor Lines spokeswoman"),
])
def test_the_noun_of_an_unnamed_speaker_takes_that_speaker_up(quotes_of, text, first):
    assert {q.speaker for q in quotes_of(text)} == {first}


def test_a_noun_two_unnamed_speakers_share_takes_neither_up(quotes_of):
    # control: a court source and a police source spoke; "the source" may be either
    text = ("The guard was charged, a court source said.\nHe was arrested at home, a police "
            "source said.\nHe had no lawyer, the source said.")
    assert _find(quotes_of(text), "no lawyer").speaker == "the source"


def test_a_full_name_the_tagger_mislabels_is_not_its_namesakes(nlp):
    # a held-out read: the tagger took a daughter's name at "..., <Given> <Surname> said" for
    # a title, and the speaker went by the surname to her dead mother, whom the text names
    # first; a name written in full is the person the text calls by that whole name
    import dataclasses

    from crosswire.extract.entities import extract_entities
    from crosswire.extract.quotes import extract_quotes
    from crosswire.records import Article

    text = ("A storm wall at the Velk harbour fell on a fish seller, Rosa Venn, who died at "
            "the scene.\nHer daughter, Lida Venn, spoke to reporters at the quay on Friday.\n"
            "\"My mother loved that stall,\" Lida Venn said.\nThe harbour board met later.")
    article = Article(id="a", text=text)
    doc = nlp(text)
    at = text.rindex("Lida Venn")
    ents = tuple(dataclasses.replace(e, label="WORK_OF_ART") if e.start == at else e
                 for e in extract_entities(article, doc, ()))
    assert any(e.start == at and e.label == "WORK_OF_ART" for e in ents), ents
    (q,) = [q for q in extract_quotes(article, doc, ents, ()) if "loved that" in q.text]
    assert q.speaker == "Lida Venn", q


def test_two_titles_joined_by_and_are_one_persons(quotes_of):
    # "President and General Manager <Name>": one person with two titles, not two voices
    text = ("Velk Rovers President and General Manager Ansel Dorr told members on Sunday that "
            "the squad would train at Orrin Park until the spring.")
    assert _find(quotes_of(text), "train at Orrin Park").speaker == "Ansel Dorr"
    text = ("Also on Friday, Velk Rovers President and General Manager Ansel Dorr announced "
            "that Tam Brisk would lead the reserve side from June.")
    assert _find(quotes_of(text), "reserve side").speaker == "Ansel Dorr"


def test_a_title_and_another_person_stay_two_voices(quotes_of):
    text = "Mayor Ilse Brandvold and Tova Rinn said the ferry would run again on Friday."
    assert _find(quotes_of(text), "ferry would run").speaker == "Ilse Brandvold and Tova Rinn"


@pytest.mark.parametrize("title", ["Const.", "Cst."])
def test_a_constables_abbreviated_rank_is_no_speaker_of_its_own(quotes_of, title):
    # "Const. <Name> said": the rank's full stop does not end a sentence before the name
    text = f"{title} Ilse Marr said the bridge would reopen on Friday. The ferry ran as usual."
    assert _find(quotes_of(text), "bridge would reopen").speaker == "Ilse Marr"


@pytest.mark.xfail(strict=True, reason="read on a held-out cluster: the rank's full stop ends "
                   "the sentence, so the speaker is '<City> police spokesperson Const'; kept "
                   "whole as a title, the model tags it as punctuation and the parse hangs the "
                   "name off the clause")
def test_according_to_a_spokesperson_with_an_unknown_abbreviated_rank(quotes_of):
    text = ("The road stayed shut overnight, according to Velk police spokesperson Const. "
            "Ilse Marr. The ferry ran as usual.")
    assert _find(quotes_of(text), "road stayed shut").speaker == "Ilse Marr"


@pytest.mark.parametrize(("text", "needle", "expected"), [
    # a read: the father is named in full first and then by surname; his son is named in
    # full later, and the words after the son's full name are the son's
    ("The Velk Rovers fired coach Mauro Tarr on Saturday and named assistant Arlo Venn as "
     "interim coach. Venn has coached at the club for two decades. His son, Ty Venn, plays "
     "for Orsa State, and he said after a win on Saturday that his father deserved the "
     'chance. "Dad has waited years for this," Venn said. "Nobody saw it coming."',
     "Dad has waited", "Ty Venn"),
    # the surname in use before any full name stays its own person ("Vance said ..." all
    # along is not the "Arlo Vance" named later)
    ('"We will rebuild," Vance said on Monday. Vance thanked the crews. Her father, Arlo '
     'Vance, built the mill in 1968. "It was his life," Vance said.', "It was his life",
     "Vance"),
], ids=["son-named-after-father", "surname-before-any-full-name"])
def test_a_surname_is_the_full_name_last_given_before_it(quotes_of, text, needle, expected):
    q = _find(quotes_of(text), needle)
    assert q.speaker == expected, q


@pytest.mark.parametrize(("text", "needle", "expected"), [
    # a read: one person with two titles joined by "and", the name in apposition to the
    # first; the second title has no determiner, so it stands in the name's title only
    ('"We rejoice for the town," Velk Clinics president and chief medical officer Sister '
     'Ana Dorr said in a statement.', "We rejoice", "Sister Ana Dorr"),
    # the parse makes the whole run one phrase with the name inside it: still two speakers
    pytest.param('"We rejoice for the town," Velk Clinics chairwoman and managing director '
                 'Sister Ana Dorr said in a statement.', "We rejoice", "Sister Ana Dorr",
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "known gap: here the parse hangs the name on the second title, not in "
                     "apposition to the first, and the joined speakers keep the bare title"))),
    # two titles, each with its own determiner: two people speak together
    ("The president and the treasurer said the club would fold by June.", "club would fold",
     "the president and the treasurer"),
], ids=["one-person-two-titles", "two-people-two-titles", "name-on-the-second-title"])
def test_two_titles_joined_by_and(quotes_of, text, needle, expected):
    q = _find(quotes_of(text), needle)
    assert q.speaker == expected, q


@pytest.mark.parametrize("name", ["William Harrow", "Peter Lanford", "Ivo Marek"])
def test_a_degree_after_a_name_is_no_one_else(quotes_of, name):
    # a read: "<Name>, MD, a professor ..., said ... '...,' he said" gave the second quote to
    # "MD" (the tagger reads it as a place): a name in apposition to a name is that person's
    text = (f"{name}, MD, a professor of surgery at Orsa University, said the plan was sound. "
            '"A person with her record is a wise choice," he said.')
    q = _find(quotes_of(text), "wise choice")
    assert q.speaker != "MD", q
