"""End to end on the invented footbridge story (tests/corpus/footbridge): three outlets report
one collapse; one gives another day, another count and another year of construction. The brief
must flag exactly those three disagreements, inside the one event, and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import crosswire

CORPUS = Path(__file__).parent / "corpus" / "footbridge"
COLLAPSE = {"courier-footbridge", "post-footbridge", "wire-footbridge"}


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    feed = tmp_path_factory.mktemp("footbridge") / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for path in sorted(CORPUS.glob("*.json")):
            out.write(json.dumps(json.loads(path.read_text(encoding="utf-8"))) + "\n")
    result = crosswire.analyze([feed])
    (found,) = [s for s in result.stories if COLLAPSE <= set(s["articles"])]
    return found


@pytest.mark.slow
def test_brief_footbridge_flags_the_three_disagreements(story):
    conflicts = story["facts"]["conflicting"]
    by_attribute = {c["slot"].split(":", 1)[0]: c for c in conflicts}
    assert set(by_attribute) == {"count", "date", "year"}, [c["statement"] for c in conflicts]
    values = {a: sorted(v["value"] for v in c["variants"]) for a, c in by_attribute.items()}
    assert values["count"] == ["12", "more than 40"]
    assert values["year"] == ["1968", "1986"]
    assert values["date"] == ["Friday 10 October 2025", "Thursday 9 October 2025"]
    for c in conflicts:
        cited = {cite["article"] for v in c["variants"] for cite in v["citations"]}
        assert "wire-footbridge" in cited and cited & {"courier-footbridge", "post-footbridge"}
        assert c["statement"] and "/" not in c["statement"]


@pytest.mark.slow
def test_brief_footbridge_other_happenings_are_not_compared(story):
    for c in story["facts"]["conflicting"]:
        cited = {cite["article"] for v in c["variants"] for cite in v["citations"]}
        assert cited <= COLLAPSE, c["statement"]
