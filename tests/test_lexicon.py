"""The shipped lexicons: the one stop list and its extra lists."""

from __future__ import annotations

import pytest

from crosswire.lexicon import function_words, load_lexicon, stop_words


@pytest.mark.parametrize("extra", [(), ("talk",)])
def test_lexicon_stop_words_are_lower_case_and_listed_once(extra):
    data = load_lexicon("stop")
    listed = [w for key in ("words", *extra) for w in data[key]]
    assert data["_doc"] and len(listed) == len(set(listed))
    assert stop_words(*extra) == frozenset(listed)
    assert all(w == w.lower() and w.strip() == w for w in listed)


def test_lexicon_function_words_are_part_of_the_stop_list_and_keep_days_and_numbers():
    assert function_words() < stop_words()
    assert {"the", "said", "which"} <= function_words()
    assert not {"friday", "march", "three"} & function_words()
