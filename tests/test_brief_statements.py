"""Statements a reader sees for facts (issue 17: every line a reader sees is a plain, correct
statement). A statement built from a claim's parts must be a sentence its cited sentence
says; otherwise the fact is told in the cited sentence's own words, whole, with the value as
written. Every text here is invented (Orrin, Velk Bay and every person are fictional).
"""

from __future__ import annotations

import pytest

from crosswire.brief.statements import statement
from crosswire.records import Claim


def _claim(attribute, value, text, predicate, **kw):
    return Claim(attribute, kw.pop("key", "say"), value, text, 0, len(text), predicate=predicate,
                 **kw)  # fmt: skip


@pytest.mark.parametrize(
    ("claim", "says", "never"),
    [
        # a clock word is shown as written, never turned into a date in words
        (_claim("date", "2030-06-15", "midnight",
                "The chief told reporters near the Orrin depot shortly before {}."),
         "shortly before midnight.", "Saturday"),
        # a day is shown as written, its date in words beside it
        (_claim("date", "2030-06-12", "early Wednesday",
                "The ferry sank and forced the closing of the harbor, officials said {}."),
         "officials said early Wednesday (12 June 2030).", "said Wednesday 12"),
        (_claim("date", "2030-07", "next month",
                "The yard plans to reopen its dry dock {}."),
         "reopen its dry dock next month (July 2030).", None),
        # a count as written ("two", not "2")
        (_claim("count", "2", "two", "Ivo Marsh lives on Dock Lane with his wife and {} sons.",
                low=2, high=2),
         "with his wife and two sons.", None),
    ],
)
def test_brief_statements_own_words_keep_the_written_value(claim, says, never):
    said = statement(claim)
    assert said.endswith(says), said
    if never:
        assert never not in said
