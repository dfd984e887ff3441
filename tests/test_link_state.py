"""Copy-on-write link states: branching from one state never leaks into it or a sibling."""

from __future__ import annotations

import json

from crosswire.link import LinkConfig, link_articles
from test_link_stories import (
    BUDGET,
    FERRY_BRIDGE,
    FERRY_LEFT,
    FERRY_RIGHT,
    FUNERAL_1,
    FUNERAL_2,
    QUAKE_A,
    QUAKE_B,
)


def _snap(state):
    return json.dumps(state.to_json(), sort_keys=True)


def test_link_state_branches_do_not_share_mutations():
    first = link_articles([FUNERAL_1, BUDGET])
    before, stories = _snap(first), first.stories
    left = link_articles([FUNERAL_2], first)
    right = link_articles([QUAKE_A, FUNERAL_2, QUAKE_B], first)
    assert _snap(first) == before and first.stories == stories
    assert left.stories == link_articles([FUNERAL_1, BUDGET, FUNERAL_2]).stories
    assert sorted(s.articles for s in right.stories) == [
        ("b1",), ("f1", "f2"), ("q1",), ("q2",)]
    assert right.stories == link_articles([QUAKE_A, FUNERAL_2, QUAKE_B], first).stories
    # the first state still links on (its caches were handed over and are rebuilt)
    again = link_articles([FUNERAL_2], first)
    assert _snap(again) == _snap(left)


def test_link_state_merge_in_a_branch_leaves_the_parent_alone():
    left, right, bridge = FERRY_LEFT, FERRY_RIGHT, FERRY_BRIDGE
    cfg = LinkConfig(join=0.3, merge=0.3)
    parent = link_articles([left, right], config=cfg)
    snap = _snap(parent)
    merged = link_articles([bridge], parent, config=cfg)
    assert len(merged.stories) == 1 and len(parent.stories) == 2
    assert _snap(parent) == snap
    assert {e.story for e in parent.event_data.values()} == {s.id for s in parent.stories}
    assert {e.story for e in merged.event_data.values()} == {merged.stories[0].id}


def test_link_state_many_batches_equal_one():
    items = [QUAKE_A, QUAKE_B, FUNERAL_1, BUDGET, FUNERAL_2]  # publication order
    state = None
    for item in items:
        state = link_articles([item], state)
    whole = link_articles(items)
    assert state.stories == whole.stories
    assert _snap(state) == _snap(whole)


def test_link_state_reuse_updates_in_place_with_the_same_result():
    cfg = LinkConfig(join=0.3, merge=0.3)
    first = [FERRY_LEFT, FUNERAL_1]
    copied = link_articles([FERRY_RIGHT, FERRY_BRIDGE, FUNERAL_2],
                           link_articles(first, config=cfg), config=cfg)
    state = link_articles(first, config=cfg)
    reused = link_articles([FERRY_RIGHT, FERRY_BRIDGE, FUNERAL_2], state, config=cfg, reuse=True)
    assert reused is state  # updated, not copied
    assert _snap(reused) == _snap(copied) and reused.stories == copied.stories
    assert any(s.aliases for s in reused.stories)  # the bridge merged two stories in place
