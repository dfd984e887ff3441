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
