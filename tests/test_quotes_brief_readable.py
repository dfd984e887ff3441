"""A paraphrase shown to a reader reads as a clause (issue 17: lines such as "which she said
...", a clause with no subject after "According to ...", and a bare "step up" were shown as
quotes). One that does not is left out of the quotes shown, while its speaker still counts
among the outlet's voices. Invented text only."""

from __future__ import annotations

import pytest

from crosswire.brief import compose_brief
from crosswire.records import Event
from test_brief_helpers import art, story_of

EV = Event("e1", "Ferry strike in Port Alder", "2033-01-10", None, ("a",))


def _brief(text: str, said: str, speaker: str | None, kind: str):
    a = art("a", "North Star", text, quotes=[(said, speaker, None, kind)])
    story, recs = story_of([a], [EV])
    return compose_brief(story, recs)


@pytest.mark.parametrize(("text", "said", "speaker", "kind"), [
    # a relative clause cut from its noun
    ("Ada Lund described the night on the pier, which she said was planned by a few men.",
     "which she said was planned by a few men", "Ada Lund", "indirect"),
    # the clause's subject left behind the attribution
    ("According to the harbor board, may have kept the ferry in port for a week.",
     "may have kept the ferry in port for a week", "harbor board", "indirect"),
    # an infinitive with no one asking
    ("The harbor police, citing the crowds, urged witnesses on the quay that evening to come "
     "forward.", "to come forward", "harbor police", "indirect"),
    # two quoted words with no clause around them
    ("Ferry chief Ola Brandt said crews had to \u201cstep up\u201d at once.", "step up",
     "Ola Brandt", "mixed"),
    # a noun phrase
    ("Witnesses saw the group, mostly young men from the ferry crews, on the quay.",
     "mostly young men from the ferry crews", None, "mixed"),
    # words that run over the end of a quotation: a mark closes that never opened
    ("“We had no room left,” said Ola Brandt. He added: “the deck only holds "
     "ninety” when asked why the late ferry was full.",
     "the deck only holds ninety” when asked why the late ferry was full",
     "Ola Brandt", "mixed"),
])
def test_quotes_brief_hides_a_paraphrase_that_is_no_clause(text, said, speaker, kind):
    brief = _brief(text, said, speaker, kind)
    assert not [v.text for g in brief.quotes for v in g.variants if said in v.text]
    if speaker:  # the speaker still counts among the outlet's voices
        assert any(v["speaker"] == speaker for f in brief.framing for v in f.voices)


@pytest.mark.parametrize(("text", "said", "speaker", "kind"), [
    ("Ada Lund said that the night on the pier was planned by a few men.",
     "that the night on the pier was planned by a few men", "Ada Lund", "indirect"),
    ("The harbor board believes the strike was called too early, its chair wrote.",
     "the strike was called too early", "harbor board", "indirect"),
    ("Ferry chief Ola Brandt said the crews were \u201cworn out\u201d after the storm.",
     "the crews were \u201cworn out\u201d after the storm", "Ola Brandt", "mixed"),
])
def test_quotes_brief_shows_a_paraphrase_that_reads_as_a_clause(text, said, speaker, kind):
    brief = _brief(text, said, speaker, kind)
    assert [v.text for g in brief.quotes for v in g.variants if said in v.text]


def test_quotes_brief_shows_a_quote_running_over_paragraphs_one_paragraph_at_a_time(analyze):
    # issue 17, read on a real cluster: a paragraph leaves the quote open and the next one
    # reopens it ("..., " she added, "..."): the brief showed one line with a paragraph break
    # and a stray mark inside it
    from test_brief_helpers import brief_of_texts

    text = ("The Ostra ferry will stop running in May, ending a service of 90 years.\n"
            "\u201cWe have often wondered when the last crossing would come,\u201d captain Mira "
            "Tal said in a statement. \u201cNow we know: it feels strange and a little sad.\n"
            "\u201cWe love this boat,\u201d she added, \u201cand the crew is still the best on "
            "the coast.\u201d")
    brief, recs = brief_of_texts(analyze, text)
    shown = [(v.text, g.speaker) for g in brief.quotes for v in g.variants]
    assert all("\n" not in t and "\u201c" not in t for t, _ in shown), shown
    for piece in ("Now we know", "We love this boat"):
        assert any(t.startswith(piece) and s == "Mira Tal" for t, s in shown), shown
    for v in (v for g in brief.quotes for v in g.variants):
        for c in v.citations:  # each line cites exactly the words it shows
            assert text[c.start : c.end] == v.text


def test_quotes_brief_shows_an_infinitive_with_the_verb_that_asked_for_it(analyze):
    # an object between the verb and the words asked ("urged people in the east of the
    # city to keep ..."): the line starts at the verb, so it reads as who asked what
    from test_brief_helpers import brief_of_texts, markdown_of

    text = ("A fire broke out at the Ostra paint works on Monday night. Mayor Ilka Ross "
            "declared an emergency and urged people in the east of the city to keep their "
            "windows closed.")
    brief, recs = brief_of_texts(analyze, text)
    assert "Ilka Ross urged people in the east of the city to keep their windows closed" in (
        markdown_of(brief, recs))
