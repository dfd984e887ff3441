"""In a report's first sentence, a day written after a participle that describes the main
verb's object ("halted a smuggling run by trawlers sailing through the Orsa Strait on Friday") dates
the main verb when that verb has no day of its own: the parse may hang the day on the
participle, but the lead tells when its news happened. When the main verb has its own day,
the parse stands. Every text here is invented for this test and was
written before the code was run on it."""

from __future__ import annotations

import pytest


def _dates(analyze, text):
    _, ex = analyze(text, published="2031-03-22", source="Outlet 0")
    return [(c.key, c.text, "lead" in c.qualifiers) for c in ex.claims
            if c.attribute == "date"]


def test_a_lead_day_after_a_participle_dates_the_main_verb(analyze):
    text = ("A Velk customs launch halted a smuggling run by trawlers sailing through the Orsa "
            "Strait on Friday, and officers took 40 crates of cigarettes. The crew is expected "
            "back in port next week.")
    assert ("halt", "Friday", True) in _dates(analyze, text), _dates(analyze, text)


@pytest.mark.parametrize("text", [
    ("On Saturday, a Velk customs launch halted a smuggling run by trawlers sailing through "
     "the Orsa Strait on Friday. The crew is expected back in port next week."),
])
def test_a_participles_day_elsewhere_stays_its_own(analyze, text):
    # the main verb has its own day: the participle's day is the participle's
    assert ("halt", "Friday") not in [d[:2] for d in _dates(analyze, text)], (
        _dates(analyze, text))


@pytest.mark.parametrize("text", [
    # read on a real cluster: the parse took the subject for the sentence's root and its
    # finite verb for a clause describing it, so the lead's own day read as an aside
    "A signal rocket flashed over the Orsa hills on Tuesday night, waking half the village.",
    "A lantern blazed over the Orsa hills on Tuesday night, waking half the village.",
])
def test_a_finite_verb_the_parse_hung_on_its_subject_is_the_main_verb(analyze, text):
    assert [lead for key, when, lead in _dates(analyze, text) if when == "Tuesday night"] == [
        True], _dates(analyze, text)


@pytest.mark.parametrize("text", [
    "Villagers praised the signal rocket seen over the Orsa hills on Tuesday night.",
    "The signal rocket seen over the Orsa hills on Tuesday night, in a photograph by a farmer.",
])
def test_a_participle_describing_a_noun_stays_aside(analyze, text):
    assert all(not lead for key, _, lead in _dates(analyze, text)
               if key in ("see", "seize")), _dates(analyze, text)
