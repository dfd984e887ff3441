"""A set of character spans answering "does this span overlap one already taken?" in
O(log n), so extractors stay linear on very long or very dense articles."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable


class SpanSet:
    """Half-open ``[start, end)`` spans, kept as a sorted union of disjoint intervals."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` shares a character with a span in the set."""
        i = bisect_left(self._starts, end) - 1  # the last interval starting before ``end``
        return i >= 0 and self._ends[i] > start

    def add(self, start: int, end: int) -> None:
        if end <= start:
            return
        lo = bisect_left(self._starts, start)
        if lo > 0 and self._ends[lo - 1] > start:
            lo -= 1  # the interval before overlaps too
        hi = lo
        while hi < len(self._starts) and self._starts[hi] < end:
            hi += 1
        if hi > lo:
            start = min(start, self._starts[lo])
            end = max(end, self._ends[hi - 1])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]

    def __len__(self) -> int:
        return len(self._starts)


HEADLINE_MAX = 300  # characters of a first line that may be a headline
HEADLINE_WORDS = 30  # ... and words: a longer line is the report's lead without its full stop


def headline_end(text: str, title: str | None) -> int:
    """Where the headline line at the top of ``text`` ends, or 0 when the text opens with the
    report itself: the first line is the headline when it repeats ``title``, or, with no
    title given, when it is short and ends without a full stop ("Gunman kills 1 at office"),
    not a lead of 30-odd words that lost its full stop."""
    first_break = text.find("\n")
    if not 0 < first_break <= HEADLINE_MAX:
        return 0
    line = text[:first_break].strip()
    if title:
        return first_break if line[:40].casefold() == title.strip()[:40].casefold() else 0
    if len(line.split()) > HEADLINE_WORDS:
        return 0
    return first_break if line and line[-1] not in ".!?\"\u201d'" else 0
