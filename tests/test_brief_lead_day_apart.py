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
NETWORK = (" The Orrin tram network, run by Velk Transit, carries about 30,000 riders a day on "
           "four lines. Velk Transit suspended all services on the Depot line while inspectors "
           "examined the track.")
WEDNESDAY = {
    "Outlet A": ("Seven people were killed on Wednesday when a tram jumped the rails on a "
                 "sharp bend near the Orrin depot, investigators said. The two-car tram "
                 "flipped onto its side."),
    "Outlet B": ("At least seven people died on Wednesday after a two-car tram came off a "
                 "sharp bend outside the Orrin depot and overturned, officials said."),
}


def _story(tmp_path, texts):
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for i, (source, text) in enumerate(texts.items()):
            out.write(json.dumps({"id": f"a{i}", "title": "Tram crash in Orrin",
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
        "Seven people were killed and dozens hurt when a tram derailed in Orrin on Saturday, "
        "police and rescue crews said, and the driver was arrested.")}
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
    "a later arrest": ("On Saturday police arrested the driver of the tram that killed seven "
                       "people near the Orrin depot, and rescue crews left the scene."),
    # a derailment with another toll and no name in common may be another one
    "nothing shared": ("Three people were hurt when a tram derailed in Orrin on Saturday, "
                       "police said."),
    # the same verb, but nothing ties Saturday's two deaths to Wednesday's seven
    "another killing": pytest.param(
        "Two people were killed on Saturday when a car hit a tram in Orrin, police said.",
        marks=GAP),
}


@pytest.mark.slow
@pytest.mark.parametrize("text", OTHER_HAPPENINGS.values(), ids=list(OTHER_HAPPENINGS))
def test_brief_a_lone_outlets_other_happening_is_not_a_conflict(tmp_path, text):
    story = _story(tmp_path, {**WEDNESDAY, "Outlet C": text})
    assert not _day_conflicts(story), _day_conflicts(story)
