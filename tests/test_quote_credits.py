"""A byline, a credit line or a masthead is not a person of the story, and a clause with its
own speaker is not part of another's quote. Invented text only (never real articles)."""

from __future__ import annotations

from quote_helpers import find_quote as _find


def test_byline_author_is_not_who_she_is(quotes_of):
    text = ("Ferry plan wins a vote\nBy Jane Roe, Harbor Daily News\n\n"
            "“We will run the boats every hour,” she said.\n")
    q = _find(quotes_of(text), "every hour")
    assert q.speaker != "Jane Roe"
    assert q.speaker is None


def test_byline_author_gives_way_to_the_leader_in_the_story(quotes_of):
    text = ("Ferry plan wins a vote\nBy Jane Roe, Staff Reporter\n\n"
            "PORT ALDER — Premier Olek Varn visited the pier on Monday.\n\n"
            "“We will run the boats every hour,” she said.\n")
    q = _find(quotes_of(text), "every hour")
    assert q.speaker != "Jane Roe"


def test_masthead_outlet_does_not_speak_a_quote(quotes_of):
    text = "Harbor Daily News\n\n“We will run the boats every hour,” it said.\n"
    q = _find(quotes_of(text), "every hour")
    assert q.speaker != "Harbor Daily News"


def test_photo_credit_is_not_who_he_is(quotes_of):
    text = ("Photo: Tom Vell/Harbor Daily News\n"
            "A ferry leaves the pier at dawn.\n\n"
            "“We will run the boats every hour,” he said.\n")
    q = _find(quotes_of(text), "every hour")
    assert q.speaker != "Tom Vell"


def test_person_in_the_story_still_speaks_after_a_byline(quotes_of):
    text = ("Ferry plan wins a vote\nBy Jane Roe, Harbor Daily News\n\n"
            "PORT ALDER — Premier Olek Varn visited the pier on Monday.\n\n"
            "“We will run the boats every hour,” he said.\n")
    assert _find(quotes_of(text), "every hour").speaker == "Olek Varn"


def test_embedded_clause_with_its_own_speaker_is_not_the_subjects_quote(quotes_of):
    # the firm's words are "safety upgrades"; "they never saw any sign of" is the neighbors'
    text = ("Afterward, the firm trumpeted a round of “safety upgrades” that neighbors say "
            "they never saw any sign of.")
    quotes = quotes_of(text)
    q = _find(quotes, "safety upgrades")
    assert "never saw" not in q.text
    assert "neighbors" not in q.text
    assert q.text.count("“") == q.text.count("”")  # the cut keeps the marks paired
    theirs = [x for x in quotes if "never saw" in x.text]
    assert all(x.speaker != "the firm" for x in theirs)


def test_clause_before_the_quote_keeps_the_quote(quotes_of):
    # the embedded attribution comes before the quoted words: nothing to cut
    text = 'Mira Tolk said the plan, which critics say is rushed, was "a fair deal for all."'
    q = _find(quotes_of(text), "fair deal")
    assert q.speaker == "Mira Tolk"


def test_police_are_not_any_department(quotes_of):
    text = ("The state Department of Environmental Protection opened an inquiry into the "
            "ferry fire.\n\n"
            "The crowd filled Front Street for two hours, and police said there were no "
            "arrests.")
    q = _find(quotes_of(text), "no arrests")
    assert "Environmental" not in (q.speaker or "")


def test_a_name_after_a_dash_closing_the_line_signs_the_quote(quotes_of):
    # a reader's comment or an epigraph: the quote, a dash, the name that signs it
    text = ("Readers wrote in about the ferry vote.\n\n"
            "“The new schedule works for my family and for our whole street.” ― Orla Brenning\n"
            "“Nobody asked the fishermen what they thought before the vote.”― Teodor Vasko.\n\n"
            "Photo: Harbor Archive.\n")
    quotes = quotes_of(text)
    assert _find(quotes, "whole street").speaker == "Orla Brenning"
    assert _find(quotes, "fishermen").speaker == "Teodor Vasko"


def test_a_name_on_the_line_after_the_quote_signs_it(quotes_of):
    text = ("Here is what the candidates said on Tuesday.\n\n"
            "\"We will rebuild the pier before the summer season comes.\"\n\n"
            "- Mara Quillon.\n\n"
            "Quillon has promised the pier before.\n")
    assert _find(quotes_of(text), "rebuild the pier").speaker == "Mara Quillon"


def test_a_clause_after_a_dash_does_not_sign_the_quote(quotes_of):
    text = ("Tomas Ilvar called the ferry plan “a waste of everyone’s time and money” — "
            "Brenning disagreed.\n")
    assert _find(quotes_of(text), "waste of").speaker == "Tomas Ilvar"


def test_a_quote_in_a_caption_hands_its_speaker_to_no_body_quote(quotes_of):
    """A caption's credit run into its words ("Reuters Harbor Trust claimed ...") may read as
    a speaker there, but the body's next quote, with no cue of its own, goes on from the
    body's last speaker, not from the caption."""
    text = ("Velk bank admits 12,500 savers caught up in account breach\n"
            "Harbor Trust has admitted that 12,500 savers had their account numbers taken in "
            "a hacking raid.\n"
            "Security analyst Tova Rinn said: \u201cMarked out of ten, this one earns a ten.\n"
            "Reuters Harbor Trust claimed that its managers \u2018knew nothing of the "
            "breach\u2019\n"
            "\u201cIt hurts every bank in Velk because trust is slow to win back.\u201d\n"
            "The bank said it would write to every customer.\n")
    q = _find(quotes_of(text), "every bank in Velk")
    assert q.speaker != "Reuters Harbor Trust"
