"""SpanSet answers overlap questions like a list scan would, in O(log n)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.extract.spans import SpanSet

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=25)


@settings(max_examples=200, deadline=None)
@given(stored=spans, queries=spans)
def test_extract_spans_overlaps_matches_a_scan(stored, queries):
    kept = [(s, e) for s, e in stored if e > s]
    fast = SpanSet(kept)
    for start, end in queries:
        if end <= start:
            continue
        slow = any(start < e and s < end for s, e in kept)
        assert fast.overlaps(start, end) == slow, (kept, start, end)
