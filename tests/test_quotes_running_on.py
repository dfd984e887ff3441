"""A quotation that runs over paragraphs (opened, never closed, then opened again), with a
caption between them; and a "so called" word that no one called. Invented text only (never
real articles)."""

from __future__ import annotations

import pytest

from crosswire.records import Article
from quote_helpers import find_quote as _find


def test_quotes_a_quote_running_on_past_a_caption_keeps_its_speaker(nlp):
    from crosswire.extract import extract_article

    text = ("Storm shuts Ostra pier\n"
            "The harbor board closed the pier on Monday after the storm.\n"
            "Engineer Mara Voss said: \u201cThe deck has moved by a full metre.\n"
            "Getty Images The pier at Ostra was built in 1911\n"
            "\u201cNobody should walk on it until we have checked every beam.\u201d\n"
            "The board will meet again on Friday.")
    article = Article(id="t1", text=text, title="Storm shuts Ostra pier")
    quotes = extract_article(article, nlp(text)).quotes
    assert _find(quotes, "Nobody should walk").speaker == "Mara Voss"


@pytest.mark.parametrize("text", [
    "That number includes almost 9,000 tenants who had so called \u201csensitive\u201d "
    "records taken from the Ostra housing office.",
])
def test_quotes_so_called_names_no_speaker(quotes_of, text):
    assert all(q.speaker is None for q in quotes_of(text))


@pytest.mark.parametrize(("text", "said", "not_said"), [
    # issue 17, read on a real cluster: one bank's forecast carried the next bank's figures
    ("Velk Bank said it expects a writedown of $7.5 billion, while Orsa Bank will book a $1.2 "
     "billion writedown and Marl Credit is at risk of a second straight yearly loss.",
     "a writedown of $7.5 billion", "Orsa Bank"),
    ("The mayor said the bridge would reopen in May, whereas Ilka Ross, the engineer, has "
     "warned of further delays.", "the bridge would reopen in May", "Ilka Ross"),
])
def test_quotes_reported_words_end_before_another_named_actors_clause(quotes_of, text, said,
                                                                     not_said):
    (quote,) = [q for q in quotes_of(text) if said in text[q.start : q.end]]
    assert not_said not in text[quote.start : quote.end], text[quote.start : quote.end]


@pytest.mark.parametrize(("text", "needle"), [
    # single marks that close after a double mark closing the words a speaker recalls
    ("Coach Tam Reller collapsed at the parade. His wife Ada said: 'I was numb. I sat by him. "
     "I said, \"Please stay with us.\"'\nReller is recovering at home.", "I was numb"),
    # single marks running on over paragraphs, as British outlets write them: the first
    # paragraph leaves the quote open, the next reopens it
    ("Coach Tam Reller collapsed at the parade. His wife Ada said: 'All at once the whole "
     "crowd went quiet.\n'I was numb. I held his hand all the way to the clinic.'\nReller is "
     "recovering at home.", "I was numb"),
])
def test_quotes_single_marks_keep_their_speaker(quotes_of, text, needle):
    (quote,) = [q for q in quotes_of(text) if needle in q.text]
    assert quote.kind == "direct" and quote.speaker == "Ada", quote
    assert "crowd went quiet" in quote.text or "crowd" not in text


@pytest.mark.parametrize(("text", "needle", "kind"), [
    # issue 17, read on a real cluster (one sentence a line): a comma closing the quote says
    # its sentence goes on, so the attribution opening the next line is its frame
    ('"Freight for the capital travels by lorry this week, so expect a day or two more,"\n'
     "Northrail said in a note to customers on Monday.", "expect a day", "direct"),
    ('Freight "for the capital travels by lorry this week, so expect a day or two more,"\n'
     "Northrail said in a note to customers on Monday.", "expect a day", "mixed"),
])
def test_quotes_a_comma_closed_quote_takes_the_frame_on_the_next_line(quotes_of, text, needle,
                                                                     kind):
    quote = _find(quotes_of(text), needle)
    assert quote.speaker == "Northrail" and quote.kind == kind, quote


def test_quotes_a_full_stop_closed_quote_does_not_take_the_next_line(quotes_of):
    # control: the quote ends its sentence; the next line reports words of its own
    text = ('"The lorries leave at dawn."\n'
            "Northrail said in a note to customers that the line reopens on Friday.")
    assert _find(quotes_of(text), "leave at dawn").speaker != "Northrail"
