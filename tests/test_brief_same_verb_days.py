"""Days of one happening told further down two reports: the same verb, the same event and
sentences that say much the same ("volunteers moved the surviving horses to a farm on
Tuesday" / "the surviving horses were moved to a farm on Monday") date one happening, so
two days are a conflict, though neither is the day the report leads with. Fictional texts,
written before the rule: the village, the outlets and every person are invented."""

from __future__ import annotations

import json

import pytest

import crosswire

LEAD = ("A fire destroyed a riding school on Marl Lane in Ostby on Sunday night, the county "
        "fire service said. ")
TAIL = ("Fire officer Kasia Lunn said crews from three stations fought the flames for five "
        "hours. The owners said they would rebuild. ")


def _story(tmp_path, post: str, star: str):
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for aid, outlet, body in (("post", "Ostby Post", post), ("star", "Marl Star", star)):
            out.write(json.dumps({
                "id": f"{aid}-riding", "title": "Fire destroys Ostby riding school",
                "source": outlet, "published": "2031-09-18T09:00:00Z",
                "text": "Fire destroys Ostby riding school\n\n" + body}) + "\n")
    (story,) = [s for s in crosswire.analyze([feed]).stories if len(s["articles"]) == 2]
    return story


def _days(story) -> list[list[str]]:
    return [sorted(v["value"] for v in c["variants"]) for c in story["facts"]["conflicting"]
            if c["slot"].startswith("date:")]


@pytest.mark.slow
def test_same_verb_days_two_days_for_one_finding_conflict(tmp_path):
    post = (LEAD + TAIL + "Volunteers moved the surviving horses to a farm in Velden on "
            "Tuesday afternoon after a vet checked them near the paddock. ")
    # each sentence says something the other does not (who smelled the smoke, and where):
    # not one sentence in other words, but the same finding
    star = (LEAD + TAIL + "The surviving horses were moved to a farm in Velden on Monday "
            "afternoon once the county vet had examined their burns in the school's paddock. ")
    days = _days(_story(tmp_path, post, star))
    assert len(days) == 1 and len(days[0]) == 2 and any("Tuesday" in d for d in days[0]) and (
        any("Monday" in d for d in days[0])), days


@pytest.mark.slow
def test_same_verb_days_two_arrests_or_a_reworded_day_do_not_conflict(tmp_path):
    # two people arrested on two days; and one finding dated by weekday and by weekday and
    # date: nothing to flag
    post = (LEAD + TAIL + "A stable hand was arrested on Monday. Volunteers moved the "
            "surviving horses to a farm in Velden on Tuesday afternoon after a vet checked them "
            "near the paddock. ")
    star = (LEAD + TAIL + "A second man was arrested on Wednesday in Velden. Volunteers moved "
            "the surviving horses to a farm in Velden on Tuesday, Sept. 16, after a vet checked "
            "them by the paddock. ")
    assert _days(_story(tmp_path, post, star)) == []
