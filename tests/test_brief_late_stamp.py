"""A report stamped weeks after every other outlet's (a crawl or an archive date, not its
publication) tells its weekdays against that stamp: "sank on Tuesday" lands on a Tuesday weeks
later (read on three real clusters). The day several reports say alike is shown as most of
them resolve it, not as the late one does; a report a week later keeps its own week. Invented
text only, written before the code was run on it."""

from __future__ import annotations

import json

import pytest

import crosswire

POST = ("The Velk ferry sank off Orrin Point on Tuesday, and all 40 passengers were pulled "
        "from the water by the coastguard. The harbour board said the ferry had left Tessmoor "
        "an hour late.")
STAR = ("The Velk ferry sank off Orrin Point on Tuesday evening, the coastguard said. All 40 "
        "people on board were rescued.")
LATE = ("The Velk ferry sank off Orrin Point on Tuesday, the harbour board said. Divers "
        "reached the wreck on Thursday.")


def _story(tmp_path, late_published: str):
    feed = tmp_path / "feed.jsonl"
    rows = [("post", "Coastal Post", "2026-03-11T09:00:00Z", POST),
            ("star", "North Star", "2026-03-11T18:00:00Z", STAR),
            ("wire", "Velk Wire", late_published, LATE)]
    with feed.open("w", encoding="utf-8") as out:
        for aid, source, published, text in rows:
            out.write(json.dumps({"id": f"{aid}-ferry", "title": "Velk ferry sinks off Orrin",
                                  "source": source, "published": published,
                                  "text": text}) + "\n")
    result = crosswire.analyze([feed])
    (story,) = [s for s in result.stories if "wire-ferry" in s["articles"]]
    return story


def _days_shown(story) -> set[str]:
    lines = [e.get("date") or "" for e in story["timeline"]]
    facts = story["facts"]
    lines += [f["statement"] for part in ("agreed", "unique") for f in facts[part]]
    return {line for line in lines if "2026-03-31" in line or "31 March" in line}


@pytest.mark.slow
def test_brief_restamp_an_agreed_day_is_the_one_most_reports_give(tmp_path):
    # the three say "Tuesday" alike (the same written day never conflicts); the day shown is
    # the one most of them resolve it to, not the latest
    story = _story(tmp_path, "2026-04-01T08:00:00Z")
    sank = [f["statement"] for f in story["facts"]["agreed"] if "sank" in f["statement"]]
    assert sank and all("10 March 2026" in s for s in sank), sank


@pytest.mark.slow
def test_brief_restamp_a_report_a_week_later_keeps_its_own_week(tmp_path):
    # control: a report a week after the others may tell of a Tuesday of its own week; one
    # week is no sign of a wrong stamp
    story = _story(tmp_path, "2026-03-18T08:00:00Z")
    shown = {e.get("date") for e in story["timeline"]}
    assert "2026-03-17" in shown, story["timeline"]
