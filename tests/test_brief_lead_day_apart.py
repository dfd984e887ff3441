"""One outlet dating a happening days apart from the others: its report founds an event of
its own (the link keeps the dates apart), but what it leads with is the others' happening,
told with the same verb or as its "when", and tied to it by a named person or an uncommon
figure both give. Its day is then a conflict with theirs, not a second happening (issue 16:
"event identity does not hang on the date alone"). Invented text."""

from __future__ import annotations

import json

import pytest

import crosswire

PUBLISHED = "2026-03-14T18:00:00"  # a Saturday

# what every report adds, so the three are one story
NETWORK = (" The Kelby ring road, run by the county, carries about 30,000 vehicles a day on "
           "four lanes. The county closed the quarry section while engineers examined the "
           "surface.")
WEDNESDAY = {
    "Outlet A": ("Nine people were killed on Wednesday when a coach skidded off the Kelby "
                 "ring road near the Orrin quarry, the county said. The coach came to rest "
                 "in a ditch."),
    "Outlet B": ("At least nine people lost their lives on Wednesday after a coach left the "
                 "Kelby ring road outside the Orrin quarry and rolled over, officials said."),
}


def _story(tmp_path, texts):
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for i, (source, text) in enumerate(texts.items()):
            out.write(json.dumps({"id": f"a{i}", "title": "Coach crash near Orrin",
                                  "text": text + NETWORK,
                                  "published": PUBLISHED, "source": source}) + "\n")
    (story,) = crosswire.analyze([feed]).stories
    return story


def _day_conflicts(story):
    return [c for c in story["facts"]["conflicting"]
            if c["kind"] == "conflict" and c["slot"].startswith("date:")]


@pytest.mark.slow
def test_brief_a_lone_outlets_other_day_for_one_happening_is_a_conflict(tmp_path):
    texts = {**WEDNESDAY, "Outlet C": (
        "Nine people were killed and dozens hurt when a coach crashed in Orrin on Saturday, "
        "police and rescue crews said, and the driver was detained.")}
    story = _story(tmp_path, texts)
    conflicts = _day_conflicts(story)
    assert conflicts, (story["events"], story["facts"]["unique"])
    sides = [{c["article"] for c in v["citations"]} for v in conflicts[0]["variants"]]
    assert {"a2"} in sides and any(s & {"a0", "a1"} for s in sides), sides


GAP = pytest.mark.xfail(strict=True, reason="known gap: the two sentences align word for word "
                        "around the day, and alignment compares two values of copies of one "
                        "sentence even when a second value differs too (requiring one changed "
                        "value loses the footbridge's day and count, told in one sentence)")
OTHER_HAPPENINGS = {
    # the driver's arrest on Saturday is another happening, whatever the toll
    "a later arrest": ("On Saturday police detained the driver of the coach that killed nine "
                       "people near the Orrin quarry, and crews cleared the road."),
    # a crash with another toll and no name in common may be another one
    "nothing shared": ("Three people were hurt when a coach overturned on the Kelby ring road "
                       "on Saturday, police said."),
    # the same verb, but nothing ties Saturday's two deaths to Wednesday's nine
    "another killing": pytest.param(
        "Two people were killed on Saturday when a van hit a coach on the Kelby ring road, "
        "police said.", marks=GAP),
}


@pytest.mark.slow
@pytest.mark.parametrize("text", OTHER_HAPPENINGS.values(), ids=list(OTHER_HAPPENINGS))
def test_brief_a_lone_outlets_other_happening_is_not_a_conflict(tmp_path, text):
    story = _story(tmp_path, {**WEDNESDAY, "Outlet C": text})
    assert not _day_conflicts(story), _day_conflicts(story)
