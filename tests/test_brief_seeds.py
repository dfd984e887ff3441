"""The case that shaped crosswire, on the two real seed articles (read from ../shared/data,
never copied): hundreds vs thousands of officers is a conflict only for one event."""

from __future__ import annotations

import pytest

from crosswire.brief import compose_brief
from crosswire.records import Analyzed, Event, Story


@pytest.fixture(scope="module")
def seeds(request):
    from conftest import shared_path

    analyze = request.getfixturevalue("analyze")
    recs = {}
    for i, path in enumerate(sorted(shared_path("seeds").glob("*.txt"))):
        raw = path.read_text(encoding="utf-8")
        _, _, body = raw.partition("\n")
        article, extraction = analyze(body, source=f"Outlet {i}", id=f"seed{i}")
        recs[article.id] = Analyzed(article, extraction)
    assert len(recs) == 2
    return recs


def _turned_back(brief):
    facts = [f for f in (*brief.agreed, *brief.unique) if f.slot == "count:turn back/officer"]
    conflicts = [c for c in brief.conflicting if c.slot == "count:turn back/officer"]
    return facts, conflicts


def test_brief_seeds_two_funerals_do_not_conflict(seeds):
    events = (
        Event("e-first", "First funeral", None, None, ("seed0",)),
        Event("e-second", "Second funeral", None, None, ("seed1",), ("seed0",)),
    )
    brief = compose_brief(Story("s", "Funerals", ("seed0", "seed1"), events), seeds)
    facts, conflicts = _turned_back(brief)
    assert not conflicts
    assert {f.event for f in facts} == {"e-first", "e-second"}
    assert not any(c.slot.startswith("count:officer") for c in brief.conflicting)


def test_brief_seeds_one_funeral_conflicts(seeds):
    events = (Event("e-one", "One funeral", None, None, ("seed0", "seed1")),)
    brief = compose_brief(Story("s", "Funerals", ("seed0", "seed1"), events), seeds)
    _, conflicts = _turned_back(brief)
    (conflict,) = conflicts
    assert sorted(v.value for v in conflict.variants) == ["hundreds", "thousands"]
    assert conflict.statement == "How many officers turned their backs"
    for v in conflict.variants:
        for c in v.citations:
            assert 0 <= c.start < c.end <= len(seeds[c.article].article.text)
