"""What a verb of telling reports is the clause after it, not a clause before it that has a
verb of its own. Invented text only (never real articles)."""

from __future__ import annotations

import pytest

from quote_helpers import find_quote as _find


@pytest.mark.parametrize(("text", "told"), [
    ("Arlo Vance recalled the spring, when he was out on the boat with his sister Nell "
     "at the lake, she told him their mother was ill.", "their mother was ill"),
])
def test_quotes_told_reports_the_clause_after_it(quotes_of, text, told):
    quotes = quotes_of(text)
    assert _find(quotes, told).cue == "told"
    assert all("recalled the spring" not in q.text for q in quotes if q.cue == "told")
