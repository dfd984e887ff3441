"""Numeric claims (work in progress)."""

from __future__ import annotations

from typing import Any

from ..records import Article, NumberClaim


def extract_numbers(article: Article, doc: Any) -> tuple[NumberClaim, ...]:
    return ()
