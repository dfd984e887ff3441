"""Quotes: utterances with wording variants, speakers, misattribution conflicts. Fictional."""

from __future__ import annotations

import pytest

from crosswire.brief import compose_brief
from crosswire.brief.quotes import quote_key, quote_tokens, same_utterance
from crosswire.records import Event
from test_brief_helpers import art, brief_of_texts, memorial_story, story_of

EV = Event("e1", "Council vote on the Harbor tunnel", "2033-01-10", None, ("a", "b", "c"))
FULL = "We will build the tunnel, and we will build it on time and on budget"


def _q(aid, outlet, said, speaker, tail=" said Mayor Ada Quill."):
    text = f"\u201c{said},\u201d{tail}"
    people = [(n, "PERSON", n) for n in ("Ada Quill", "Tom Reyes") if n in text]
    return art(aid, outlet, text, quotes=[(said, speaker)], entities=people)


@pytest.mark.parametrize(
    "variant",
    [
        "We will build the tunnel, and we will build it on time",  # truncation
        "We will build this tunnel and we will build it on time and on budget",  # small edit
        FULL,  # identical
    ],
)
def test_brief_quotes_variants_are_one_utterance(variant):
    a = _q("a", "North Star", FULL, "Ada Quill")
    b = _q("b", "South Wire", variant, "Ada Quill")
    story, recs = story_of([a, b], [EV])
    brief = compose_brief(story, recs)
    (group,) = brief.quotes
    assert group.speaker == "Ada Quill"
    texts = {v.text for v in group.variants}
    assert texts == {FULL, variant}
    sources = {s for v in group.variants for s in v.sources}
    assert sources == {"North Star", "South Wire"}
    assert not brief.conflicting
    (fact,) = [f for f in brief.agreed if f.slot.startswith("speaker:")]
    assert fact.value == "Ada Quill"
    assert fact.slot == "speaker:" + quote_key(FULL)
    for v in group.variants:
        for c in v.citations:
            assert recs[c.article].article.text[c.start : c.end] == v.text


def test_brief_quotes_different_utterances_stay_apart():
    other = "The harbor deserves better than another decade of delays"
    a = _q("a", "North Star", FULL, "Ada Quill")
    b = _q("b", "South Wire", other, "Ada Quill")
    story, recs = story_of([a, b], [EV])
    brief = compose_brief(story, recs)
    assert len(brief.quotes) == 2
    assert all(g.speaker == "Ada Quill" for g in brief.quotes)


def test_brief_quotes_misattribution_is_a_conflict():
    a = _q("a", "North Star", FULL, "Ada Quill")
    b = _q("b", "South Wire", FULL, "Ada Quill")
    c = _q("c", "East Post", FULL, "Tom Reyes", " said council member Tom Reyes.")
    story, recs = story_of([a, b, c], [EV])
    brief = compose_brief(story, recs)
    (group,) = brief.quotes
    assert group.speaker == "Ada Quill"  # the speaker most sources credit
    credited = {v.speaker: v.sources for v in group.variants}
    assert credited == {None: ("North Star", "South Wire"), "Tom Reyes": ("East Post",)}
    (conflict,) = brief.conflicting
    assert conflict.slot == "speaker:" + quote_key(FULL)
    assert conflict.why == "outlets disagree: Ada Quill vs Tom Reyes"
    assert conflict.statement.startswith("Who said \u201c")
    assert {v.value: v.sources for v in conflict.variants} == {
        "Ada Quill": ("North Star", "South Wire"),
        "Tom Reyes": ("East Post",),
    }


def test_brief_quotes_speaker_named_outside_the_sentence_does_not_conflict():
    """A speaker the quote's own sentence does not name (found in the next sentence, or
    through "he said") is too often the wrong person to call the outlets' disagreement."""
    a = _q("a", "North Star", FULL, "Ada Quill")
    b = _q("b", "South Wire", FULL, "Ada Quill")
    c = _q("c", "East Post", FULL, "Tom Reyes", "\n\nTom Reyes, a council member, spoke next.")
    story, recs = story_of([a, b, c], [EV])
    brief = compose_brief(story, recs)
    assert not [x for x in brief.conflicting if x.slot.startswith("speaker:")]


def test_brief_quotes_an_agency_relaying_a_quote_does_not_conflict():
    a = _q("a", "North Star", FULL, "Ada Quill")
    b = _q("b", "South Wire", FULL, "Ada Quill")
    c = _q("c", "East Post", FULL, "Harbor Press", " the Harbor Press reported.")
    story, recs = story_of([a, b, c], [EV])
    brief = compose_brief(story, recs)
    assert not [x for x in brief.conflicting if x.slot.startswith("speaker:")]


def test_brief_quotes_misattribution_within_one_source_is_not_a_conflict():
    a = _q("a", "North Star", FULL, "Ada Quill")
    b = _q("b", "North Star", FULL, "Tom Reyes")  # same outlet, two articles
    story, recs = story_of([a, b], [EV])
    brief = compose_brief(story, recs)
    assert not brief.conflicting


def test_brief_quotes_unattributed_does_not_conflict():
    a = _q("a", "North Star", FULL, "Ada Quill")
    b = _q("b", "South Wire", FULL, None, " the statement read.")
    story, recs = story_of([a, b], [EV])
    brief = compose_brief(story, recs)
    (group,) = brief.quotes
    assert group.speaker == "Ada Quill"
    assert not brief.conflicting


def test_brief_quotes_memorial_story():
    (story, recs), dups = memorial_story()
    brief = compose_brief(story, recs, dups)
    (group,) = brief.quotes
    assert group.speaker == "Dana Holt"
    assert [v.speaker for v in group.variants] == [None, "Alan Pike"]
    assert any(c.slot.startswith("speaker:") for c in brief.conflicting)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("a disgrace", "a disgrace", True),
        ("a disgrace", "a total disgrace", False),  # too short to judge by overlap
        ("We stand with our officers today", "We stand with our officers", True),
        ("We stand with our officers today", "Nobody stands above the law today", False),
        # the short one's words are all in the long one, but scattered: another utterance
        ("The road was not safe, and the seat was not fixed to the car, and nobody told me",
         "nobody was safe on the road", False),
        ("The road was not safe, and the seat was not fixed to the car, and nobody told me",
         "the seat was not fixed to the car", True),  # a part, in its order
    ],
)
def test_brief_quotes_same_utterance(a, b, same):
    assert same_utterance(quote_tokens(a), quote_tokens(b)) is same


def test_brief_quotes_key():
    assert quote_key("one two three") == "one two three"
    assert quote_key("a b c d e f g h") == "a b c d e f\u2026"


def test_brief_quotes_paraphrases_need_near_identical_words():
    a = art(
        "a",
        "North Star",
        "The union said it would hold the district to its promise that no teacher "
        "would be laid off.",
        quotes=[
            (
                "it would hold the district to its promise that no teacher would be laid off",
                "Teachers Union",
                None,
                "indirect",
            )
        ],
    )
    b = art(
        "b",
        "South Wire",
        "Superintendent Carla Jennings said no teacher would be laid off.",
        quotes=[("no teacher would be laid off", "Carla Jennings", None, "indirect")],
    )
    story, recs = story_of([a, b], [EV])
    brief = compose_brief(story, recs)
    assert len(brief.quotes) == 2
    assert not brief.conflicting


def test_brief_quotes_a_group_is_known_by_its_direct_words():
    said = "we will build the tunnel on time and on budget"
    quill = [("Ada Quill", "PERSON", "Ada Quill")]
    a = art("a", "North Star", f"\u201c{said.capitalize()},\u201d said Mayor Ada Quill.",
            quotes=[(said.capitalize(), "Ada Quill")], entities=quill)
    mixed = f"Ada Quill, the mayor, said \u201c{said}\u201d"
    b = art("b", "South Wire", f"{mixed}.", quotes=[(mixed, "Ada Quill", None, "mixed")],
            entities=quill)
    story, recs = story_of([a, b], [EV])
    brief = compose_brief(story, recs)
    (fact,) = [f for f in brief.agreed if f.slot.startswith("speaker:")]
    assert fact.statement == "Ada Quill said \u201cWe will build the tunnel on\u2026\u201d"


def test_brief_quotes_a_reprinted_wire_quote_names_the_outlets_that_printed_it():
    """issue 17: a quote found only in two papers' reprints of one wire story was labelled
    with the wire group's first outlet, which never printed it. The reader sees who printed
    it; the ranking still counts the reprints as one independent source."""
    wire = ("The council met on Monday night to vote on the harbor tunnel plan. "
            "The plan would close the old ferry route for two full years. "
            "Residents of the east bank filled the hall for three long hours. "
            f"\u201c{FULL},\u201d said Mayor Ada Quill.")
    first = art("a", "Wire Desk", wire.split("\u201c")[0], published="2033-01-10T08:00")
    north = art("b", "North Star", wire, quotes=[(FULL, "Ada Quill")],
                entities=[("Ada Quill", "PERSON", "Ada Quill")], published="2033-01-10T09:00")
    south = art("c", "South Wire", wire, quotes=[(FULL, "Ada Quill")],
                entities=[("Ada Quill", "PERSON", "Ada Quill")], published="2033-01-10T10:00")
    story, recs = story_of([first, north, south], [EV])
    brief = compose_brief(story, recs)
    (group,) = brief.quotes
    (variant,) = group.variants
    assert set(variant.sources) == {"North Star", "South Wire"}


def test_brief_quotes_words_quoted_directly_keep_their_writers_over_a_relaying_outlet(analyze):
    """One outlet quotes a letter's words as the executives', another takes them up through
    a newspaper ("The Velden Ledger says the letter ... 'we stand ready to serve'"): the
    heading is the executives, whose words a direct quote gives them, not the paper that
    relayed them (issue 17, read on a real story: the heading was the newspaper)."""
    brief, _ = brief_of_texts(
        analyze,
        'Six shipping executives sent a letter to the harbour board on Monday. "As senior '
        'executives, we stand ready to serve on any review panel," the executives wrote.',
        'The Velden Ledger says the letter asks for a working group, and "as senior '
        'executives, we stand ready to serve on any review panel."')
    (group,) = [g for g in brief.quotes if any("ready to serve" in v.text
                                               for v in g.variants)]
    assert group.speaker == "the executives"


def test_brief_quotes_one_speaker_written_in_two_cases_is_one_heading(analyze):
    """One outlet writes "Velden police", another "Velden Police": one speaker, one heading
    (read on a real story: one city's police got two headings, one in each case)."""
    brief, _ = brief_of_texts(
        analyze,
        "Velden police said on Monday that the harbor gates had been left open overnight.",
        "Velden Police said they were questioning two dock workers about the open gates.")
    speakers = {g.speaker for g in brief.quotes if g.speaker}
    assert len({s.casefold() for s in speakers}) == len(speakers) == 1, speakers


def test_brief_quotes_a_name_glued_to_the_end_of_a_title_is_that_person():
    # read on a real cluster: a job title run into a name ("VP of <team> <name>") gave a
    # heading of the team's words and the name beside the person's own heading; a name that
    # ends with another speaker's whole name (two words or more) is that speaker
    from crosswire.brief.quotes import one_spelling

    spelled = one_spelling(["Growth Strategy Lena Varga", "Lena Varga", "Lena Varga",
                            "Velden police", "Orrin Velden police", "Varga"])
    assert spelled["Growth Strategy Lena Varga"] == "Lena Varga"
    assert spelled["Lena Varga"] == "Lena Varga"
    assert spelled["Varga"] == "Varga"  # one word: a surname may be another person's
    assert spelled["Orrin Velden police"] == "Orrin Velden police"  # not a name


def test_brief_quotes_a_possessive_is_one_spelling_of_a_speaker():
    # "Velk Radio's management" and "Velk Radio management" are one voice, as the case of a
    # letter is; the spelling written more often heads them
    from crosswire.brief.quotes import one_spelling

    spelled = one_spelling(["Velk Radio's management", "Velk Radio management",
                            "Velk Radio management", "Velk Radio"])
    assert spelled["Velk Radio's management"] == spelled["Velk Radio management"] \
        == "Velk Radio management"
    assert spelled["Velk Radio"] == "Velk Radio"


def test_brief_quotes_one_person_spelled_two_ways_is_one_heading():
    # read on a real cluster: one governor had three headings, one per spelling outlets
    # gave his name (a given name and a surname each transliterated two ways)
    from crosswire.brief.quotes import one_spelling

    spelled = one_spelling(["Heydar Tamasi", "Heydar Tamasi", "Heidar Tamasi", "Mark Lind",
                            "Mike Lind"])
    assert spelled["Heidar Tamasi"] == spelled["Heydar Tamasi"] == "Heydar Tamasi"
    assert spelled["Mark Lind"] != spelled["Mike Lind"]  # two people of one family


def test_brief_quotes_two_speakers_in_one_article_are_two_utterances(analyze):
    """A read: one article gave the same no-comment to two firms, and the brief showed the
    second firm's as another wording of the first's. Words one article gives to two speakers
    are two things said; across articles the same words with two speakers stay one
    utterance (the disagreement on who said it is the test above)."""
    brief, _ = brief_of_texts(
        analyze,
        "Velk Ferries was sued on Monday over the leak. Velk Ferries declined to comment on "
        "the pending lawsuit. Its rival was also named. (Orrin Lines declined to comment on "
        "the pending lawsuit.)",
        "Velk Ferries was sued on Monday over a fuel leak in Orrin harbour. The company said "
        "it would fight the claims in court.")
    together = [g for g in brief.quotes
                if {"Velk Ferries", "Orrin Lines"} <= {v.speaker or g.speaker for v in g.variants}]
    assert not together, together


@pytest.mark.parametrize(("text", "kept"), [
    # what a deed shows is nobody's words (read on a real cluster: a writer's praise of a
    # player, a "showing why" clause, was listed as the player's quote)
    ("Showing why she leads the league in goals, Tomas beat three defenders and scored.",
     False),
    ("The Gulls showed how far they have come by beating the Terns.", False),
    # ... a finding reported is still a body's words (control)
    ("The Velk Transit Board's survey showed that most riders want later trains.", True),
])
def test_brief_what_a_deed_shows_is_no_quote(quotes_of, text, kept):
    assert _shown_any(quotes_of, text, "indirect") is kept


@pytest.mark.parametrize(("text", "kept"), [
    # refusing or declining to do something is a deed (read on a real cluster: a team's
    # refusal to leave its fate to others was listed as the team's words) ...
    ("Down two goals, the Orrin Gulls refused to give up on the match.", False),
    # ... refusing to say something is about words (control)
    ("Mayor Ana Ruiz declined to say whether the Orrin pier would reopen.", True),
])
def test_brief_refusing_to_act_is_no_quote(quotes_of, text, kept):
    assert _shown_any(quotes_of, text, "indirect") is kept


@pytest.mark.parametrize(("text", "kept"), [
    # what someone is allowed, asked or set to do is nobody's words (read on a real
    # cluster: what a rule let agencies decide was listed as the agencies' paraphrase)
    ("The bylaw, passed in May, allowed the harbour pilots to decide whether a boat could "
     "moor overnight.", False),
    # ... a refusal to say keeps its verb and is shown (control)
    ("Mayor Ana Ruiz declined to say whether the Orrin pier would reopen.", True),
])
def test_brief_what_someone_is_let_do_is_no_quote(quotes_of, text, kept):
    assert _shown_any(quotes_of, text, "indirect") is kept


@pytest.mark.parametrize(("text", "kept"), [
    # a term set off in marks by a verb that says nothing is nobody's words (read on real
    # clusters: a writer's scare quotes were quotes of the team and of the man profiled)
    ("Vell, a quiet oilman, shaped a \"harbour plan\" that won the coast.", False),
    ("The Gulls tried three \"can't - miss\" set pieces.", False),
    # ... words framed by a verb of saying, or a clause in marks, stay (controls)
    ("Critics called the plan a \"harbour grab\".", True),
    ("Ana Ruiz proposed we \"start over\" on the pier.", True),
])
def test_brief_a_term_in_marks_is_no_quote(quotes_of, text, kept):
    assert _shown_any(quotes_of, text, "mixed") is kept


@pytest.mark.parametrize("text", [
    # no one is no speaker (read on a real cluster: a refusal to comment by "no member"
    # of a team's staff was shown as that no one's paraphrase)
    "No one on the club's board would speak or say whether the club had raised its offer.",
])
def test_brief_no_one_said_it(quotes_of, text):
    from crosswire.brief.quotes import shown

    quotes = quotes_of(text)
    assert quotes, "the extraction keeps the attribution"
    assert not [q for q in quotes if shown(q, text)], quotes


@pytest.mark.parametrize(("text", "kept"), [
    # a participle explaining why, and what something meant, are the writer's account
    # (read on a real cluster: a columnist's reasoning and a contract clause's effect were
    # shown as a team's and a player's words)
    ("What the Gulls truly fear is that the Terns can outbid them, explaining why the Gulls "
     "have kept quiet.", False),
    ("Ana Ruiz had played ten years, five of them with the Gulls, which meant she could veto "
     "any trade.", False),
    # ... a person explaining why is still someone's words (control)
    ("Coach Ana Ruiz explained why the Gulls had kept quiet about the bid.", True),
])
def test_brief_the_writers_account_is_no_quote(quotes_of, text, kept):
    assert _shown_any(quotes_of, text, "indirect") is kept


def _shown_any(quotes_of, text: str, kind: str) -> bool:
    """Whether the brief shows any quote of ``kind`` the extraction reads in ``text`` (which
    keeps the attribution either way: it is the brief that judges who said something)."""
    from crosswire.brief.quotes import shown

    found = [q for q in quotes_of(text) if q.kind == kind]
    assert found, f"the extraction keeps the attribution: {quotes_of(text)}"
    return any(shown(q, text) for q in found)


def test_brief_quotes_two_people_one_report_names_are_not_one_name_spelled_two_ways(analyze):
    # a held-out read: a daughter's words went under her brother's heading, their given
    # names being alike ("Charl-"); a report that names both tells two people
    brief, _ = brief_of_texts(
        analyze,
        "A storm wall at the Velk harbour fell on a fish seller, Rosa Venn, on Monday. Her "
        "daughter, Lidia Venn, spoke at the quay. \"My mother loved that stall,\" Lidia Venn "
        "said. \"The wall should have been mended years ago,\" said Lidan Venn, her son.",
        "A fish seller, Rosa Venn, died when a storm wall at the Velk harbour fell on Monday. "
        "\"The wall should have been mended years ago,\" her son, Lidan Venn, told reporters.")
    speakers = {g.speaker for g in brief.quotes}
    assert {"Lidia Venn", "Lidan Venn"} <= speakers, speakers
    said = {g.speaker: " ".join(v.text for v in g.variants) for g in brief.quotes}
    assert "loved that" in said["Lidia Venn"] and "loved that" not in said["Lidan Venn"]
