"""Copy-on-write link states: branching from one state never leaks into it or a sibling."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

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


def test_link_state_copy_leaves_the_given_state_as_it_was():
    first = link_articles([FUNERAL_1, BUDGET])
    fields = {name: getattr(first, name) for name in first.__slots__ if name != "__weakref__"}
    sizes = {name: len(v) for name, v in fields.items() if hasattr(v, "__len__")}
    work = first.working_set()
    assert work is not None and work.count == first.count
    child = link_articles([FUNERAL_2], first)
    # not one field of the given state was replaced or resized; its working set moved on
    # with the child (which now holds it) and is no longer the parent's own
    assert all(getattr(first, name) is v for name, v in fields.items())
    assert {name: len(getattr(first, name)) for name in sizes} == sizes
    assert child.working_set() is work and first.working_set() is None
    # so linking the parent again builds it a working set of its own, with the same result
    again = link_articles([FUNERAL_2], first)
    assert again.working_set() is not work and _snap(again) == _snap(child)


SRC = Path(__file__).resolve().parents[1] / "src" / "crosswire"
# the stages' modules: link/ since the link state was reworked, the others since issue 18
STAGES = sorted(str(p.relative_to(SRC)) for stage in ("ingest", "extract", "link", "brief",
                                                       "render", "store")
                for p in (SRC / stage).rglob("*.py"))  # fmt: skip
NAMEDTUPLE = {"_make", "_replace", "_asdict", "_fields"}


def _defined_private(tree: ast.AST) -> set[str]:
    """Private names a class (or module) defines: methods, class attributes and fields,
    ``self._x = ...``."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            out.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out.add(node.target.id)
        elif isinstance(node, ast.Assign):
            out.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif (isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)
              and isinstance(node.value, ast.Name) and node.value.id == "self"):
            out.add(node.attr)
    return {n for n in out if n.startswith("_") and not n.endswith("__")}


def _reached_privates(tree: ast.AST) -> list[str]:
    """Private attributes touched outside a class that defines them (``ctx._cache`` in a
    module function, ``other._x`` in a class without an ``_x``), as ``line: code``."""
    found = []

    def visit(node: ast.AST, own: set[str]) -> None:
        if isinstance(node, ast.ClassDef):
            own = _defined_private(node)
        if (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                and not node.attr.endswith("__") and node.attr not in own | NAMEDTUPLE):
            found.append(f"{node.lineno}: {ast.unparse(node)}")
        for child in ast.iter_child_nodes(node):
            visit(child, own)

    visit(tree, set())
    return found


@pytest.mark.parametrize("module", STAGES)
def test_link_state_stages_keep_out_of_each_others_privates(module):
    """A stage's module imports no private name, and no function touches a private
    attribute of an object from outside that object's class: the link state changes
    through its methods, the story context and the quote parse context keep their caches
    themselves, and the deduplicator gives its empty signature (issue 18)."""
    tree = ast.parse((SRC / module).read_text())
    imported = [f"{node.module}.{alias.name}" for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) for alias in node.names
                if alias.name.startswith("_") and not alias.name.endswith("__")]
    assert imported == [] and _reached_privates(tree) == []


def test_link_state_the_privates_check_sees_a_reach_from_outside():
    """The check above fails on what it guards against, and passes a class's own use."""
    tree = ast.parse(
        "class C:\n"
        "    _kept: int = 0\n"
        "    def __init__(self):\n"
        "        self._cache = None\n"
        "    def same(self, other):\n"
        "        return self._cache is other._cache and self._kept\n"
        "def outside(c):\n"
        "    c._cache = 1\n"
        "    return c._kept, c._make(), c.__class__\n")
    assert _reached_privates(tree) == ["8: c._cache", "9: c._kept"]
