"""A reporting verb inside a relative clause ("the fall, which she said cracked two of her
ribs"; "a meeting she said took place in Orrin") tells what the noun it describes is, as the
speaker has it: the words after the verb have no subject of their own ("took place in
Orrin"), so as a paraphrase they read as nonsense ("Mara Voss said took place in a hotel bar",
read on a real cluster). They are no paraphrase. Invented text only."""

from __future__ import annotations

import pytest

TEXT = ("Mara Voss showed footage of the fall, which she said cracked two of her ribs. The "
        "injuries she says still have not healed kept her off the stage for a year. She "
        "described a meeting she said took place in a hotel bar in Orrin. Voss said the "
        "company had ignored her letters.")


@pytest.mark.parametrize("words", ["cracked two of her ribs", "still have not healed",
                                   "took place in a hotel bar"])
def test_quotes_a_relative_clauses_report_is_no_paraphrase(quotes_of, words):
    assert not [q.text for q in quotes_of(TEXT) if words in q.text]


def test_quotes_a_report_with_its_own_subject_stays(quotes_of):  # control
    assert [q for q in quotes_of(TEXT) if "ignored her letters" in q.text]
