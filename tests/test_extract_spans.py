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


def test_extract_spans_a_long_first_line_without_a_full_stop_is_no_headline():
    # a feed that lost the first full stop: a lead of 30-odd words is the report itself,
    # and its claims stand (issue 16: a changed weekday there went unread)
    from crosswire.extract.spans import headline_end

    lead = ("With the regatta two days away the Orrin harbour board published new mooring "
            "rules on Thursday that limit visiting yachts to one night each and keep the old "
            "quay clear for the ferries to Tessmoor")
    body = "The rules take effect in a week. Skippers were told by letter."
    assert headline_end(f"{lead}\n{body}", None) == 0
    short = "Harbour board tightens mooring rules before regatta"
    assert headline_end(f"{short}\n{body}", None) == len(short)  # control: a headline
