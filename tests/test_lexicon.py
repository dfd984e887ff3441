"""The shipped lexicons: the one stop list and its extra lists."""

from __future__ import annotations

import pytest

from crosswire.lexicon import load_lexicon, stop_words


@pytest.mark.parametrize("extra", [(), ("talk",)])
def test_lexicon_stop_words_are_lower_case_and_listed_once(extra):
    data = load_lexicon("stop")
    listed = [w for key in ("words", *extra) for w in data[key]]
    assert data["_doc"] and len(listed) == len(set(listed))
    assert stop_words(*extra) == frozenset(listed)
    assert all(w == w.lower() and w.strip() == w for w in listed)
