"""A speaker written as a part of a group ("Half of the drivers say ...") is that part of
the group, not the word "Half"; a study by someone speaks for its author. Invented text
only (never real articles)."""

from __future__ import annotations

import pytest

from quote_helpers import find_quote as _find


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    ("Half of the drivers in Westmoor say the new bus lanes are “a daily hazard” for them.",
     "daily hazard", "Half of the drivers in Westmoor"),
    ("The majority of teachers, 58%, say their lessons run too long on Friday afternoons.",
     "lessons run too long", "the majority of teachers"),
])
def test_a_part_of_a_group_speaks_as_that_part(quotes_of, text, needle, speaker):
    assert _find(quotes_of(text), needle).speaker == speaker


def test_a_study_by_a_named_author_is_the_authors(quotes_of):
    q = _find(quotes_of("A recent study of ninth-graders by Mara Lindholm found that heavy "
                        "phone users sleep an hour less than their classmates."),
              "sleep an hour less")
    assert q.speaker == "Mara Lindholm"


def test_a_group_speaker_stops_before_its_relative_clause(quotes_of):
    q = _find(quotes_of("Many of the local farmers who still sell at the market said the new "
                        "fees were too high."), "fees were too high")
    assert q.speaker == "many of the local farmers"  # (a sentence's capital goes)


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    # read on a real cluster: a survivor's words under the heading "One"
    ("Several climbers on the Kelby ridge were stranded overnight. One said the guide had "
     "turned back too late.", "turned back too late", "one of the climbers"),
    ("Dozens of residents filled the hall in Tessmoor. Some said the harbour board had "
     "ignored their letters for years.", "ignored their letters", "some of the residents"),
])
def test_a_part_told_alone_is_a_part_of_the_group_just_named(quotes_of, text, needle, speaker):
    assert _find(quotes_of(text), needle).speaker == speaker
