"""A line that shows its sentence whole never passes a disputed value off as agreed: where
that sentence also gives a side of a conflict, those words are marked as disputed. Fictional
texts, written before the rule: the towns, the outlets and every person are invented."""

from __future__ import annotations

import json

import pytest

import crosswire

OUTLETS = {"post": "Coastal Post", "star": "North Star", "wire": "Velk Wire"}


def _story(tmp_path, bodies: dict[str, str]):
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for aid, body in bodies.items():
            out.write(json.dumps({
                "id": f"{aid}-shop", "title": "Fire guts Tessmoor bicycle shop",
                "source": OUTLETS[aid], "published": "2031-06-14T09:00:00Z",
                "text": body}) + "\n")
    result = crosswire.analyze([feed])
    (story,) = [s for s in result.stories if len(s["articles"]) == len(bodies)]
    return story


def _lines(story) -> list[str]:
    facts = story["facts"]
    return [f["statement"] for part in ("agreed", "unique") for f in facts[part]]


def _sides(story) -> set[str]:
    return {v["value"] for c in story["facts"]["conflicting"] for v in c["variants"]}


SIDES = [
    # the day agreed, the hour not: "It started in the loft at about 9pm on Friday"
    (("A blaze gutted a bicycle shop on Mill Lane in Tessmoor on Friday night. It started "
      "in the loft at about 9pm on Friday, and the owners of the flats next door fled down "
      "the back stairs. Nobody was hurt."),
     ("Fire tore through a Mill Lane bicycle shop in Tessmoor on Friday. The fire started "
      "in the loft at about 11pm on Friday, and neighbours in the flats next door fled down "
      "the back stairs. Nobody was hurt."), ("about 9pm", "about 11pm")),
    # a count agreed in a copied sentence whose year differs
    (("The Velk ferry was withdrawn on Monday after an engine fire, the harbour board "
      "said. The board's log shows the ferry has carried 300 passengers a day since 1996 "
      "between Tessmoor and Orrin."),
     ("The harbour board withdrew the Velk ferry on Monday after a fire in its engine "
      "room. Its log shows the ferry has carried 300 passengers a day since 1986 "
      "between Tessmoor and Orrin."), ("1986", "1996")),
]


@pytest.mark.slow
@pytest.mark.parametrize(("post", "star", "sides"), SIDES, ids=["clock time", "year"])
def test_brief_disputed_value_in_a_line_of_another_fact_is_marked(tmp_path, post, star, sides):
    story = _story(tmp_path, {"post": post, "star": star})
    assert set(sides) <= _sides(story), story["facts"]["conflicting"]
    for line in _lines(story):
        for side in sides:
            if side in line:
                assert f"{side} (disputed)" in line, line


@pytest.mark.slow
def test_brief_disputed_words_not_in_a_conflict_stay_as_written(tmp_path):
    post = ("A blaze gutted a bicycle shop on Mill Lane in Tessmoor on Friday night. It "
            "started in the loft at about 9pm on Friday, and the owners of the flats next "
            "door fled down the back stairs.")
    star = ("Fire tore through a Mill Lane bicycle shop in Tessmoor on Friday. The fire "
            "started in the loft at about 9pm on Friday, and neighbours in the flats next "
            "door fled down the back stairs.")
    story = _story(tmp_path, {"post": post, "star": star})
    assert not story["facts"]["conflicting"]
    assert not any("disputed" in line for line in _lines(story))


@pytest.mark.parametrize(("said", "marked"), [
    # read on a real cluster: the mark went in between a child's age and "-year-old"
    ("When a 6-year-old girl crept under the rope into the pen, a keeper led the pony away.",
     "When a 6-year-old (disputed) girl crept under the rope into the pen, a keeper led the "
     "pony away."),
    ("The girl, 6, crept under the rope.", "The girl, 6 (disputed), crept under the rope."),
])
def test_brief_disputed_mark_follows_the_whole_word(said, marked):
    from crosswire.brief.facts import _disputed_marked
    from crosswire.records import Cite, Conflict, Fact, Variant

    cite = Cite("a", 0, len(said))
    other = Cite("b", 0, 40)
    fact = Fact("count:lead/pony", "e1", "1", (cite,), ("Outlet A",), said)
    conflict = Conflict("age:girl/-", "e1", (Variant("6", (cite,)), Variant("7", (other,))))
    (out,) = _disputed_marked([fact], [conflict])
    assert out.statement == marked
