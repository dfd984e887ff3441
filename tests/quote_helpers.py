"""Helpers for the quote tests: the one way they find a quote by its words."""

from __future__ import annotations

from typing import Any


def find_quote(quotes: Any, needle: str) -> Any:
    """The first quote whose words hold ``needle`` (fails, listing them all, when none)."""
    hits = [q for q in quotes if needle in q.text]
    assert hits, f"no quote contains {needle!r}: {[q.text for q in quotes]}"
    return hits[0]


def assert_speaker(quote: Any, expected: str | None) -> None:
    """``expected`` names the quote's speaker (a part of the name will do: "Orrin Hawks" of
    "the Orrin Hawks"); None: the quote names no one."""
    if expected is None:
        assert quote.speaker is None, quote
    else:
        assert expected in (quote.speaker or ""), quote


def first_quoted(text: str, chars: int = 12) -> str:
    """The first ``chars`` characters of the words an invented text sets in double marks:
    a needle for ``find_quote``."""
    return text.split('"')[1][:chars]

