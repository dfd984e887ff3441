"""Facts: agreed / unique / conflicting, counted groups, events, independence. Fictional texts."""

from __future__ import annotations

import pytest

from crosswire.brief import compose_brief
from crosswire.brief.claims import format_range, group_key, infer_group, overlaps
from crosswire.records import Event
from test_brief_helpers import art, memorial_story, story_of

FUNERAL = Event("e-fun", "Funeral of Officer Lena Brandt", "2032-05-02", None, ("a", "b", "c"))
PARADE = Event("e-par", "Harbor parade", "2032-04-20", None, (), ("a", "b", "c"))


def _slots(facts):
    return {(f.event, f.slot, f.value) for f in facts}


def _roundtrip(brief, recs):
    facts = [*brief.agreed, *brief.unique]
    cites = [c for f in facts for c in f.citations]
    cites += [c for k in brief.conflicting for v in k.variants for c in v.citations]
    assert cites
    for c in cites:
        text = recs[c.article].article.text
        assert 0 <= c.start < c.end <= len(text)
        sent = {(s.start, s.end) for s in recs[c.article].extraction.sentences}
        assert (c.start, c.end) in sent  # facts cite whole source sentences


def test_brief_facts_memorial_story_sorted():
    (story, recs), dups = memorial_story()
    brief = compose_brief(story, recs, dups)
    agreed = _slots(brief.agreed)
    assert ("e-memorial", "count:officer/turn back", "200\u2013999") in agreed
    assert ("e-collapse", "date", "2031-03-03") in agreed
    assert ("e-memorial", "date", "2031-03-08") in agreed
    assert ("e-collapse", "count:officer/search", "2,000\u20139,999") in _slots(brief.unique)
    conflicts = {c.slot: c for c in brief.conflicting}
    fire = conflicts["count:firefighter/attend"]
    assert fire.event == "e-memorial"
    assert fire.why == "non-overlapping ranges 200\u2013999 vs 2,000\u20139,999"
    assert [v.sources for v in fire.variants] == [("Coastal Post",), ("Daily Ledger",)]
    # hundreds (memorial, turned backs) vs thousands (collapse, searched): never a conflict
    assert not any(c.slot.startswith("count:officer") for c in brief.conflicting)
    _roundtrip(brief, recs)


@pytest.mark.parametrize(
    ("sent_a", "sent_b", "groups", "conflict"),
    [
        # different counted groups (inferred from the verb): no conflict
        (
            "Hundreds of officers turned their backs on the mayor.",
            "Thousands of officers attended the funeral.",
            (None, None),
            False,
        ),
        # the same, with groups given by the extractor
        (
            "Hundreds of officers turned their backs on the mayor.",
            "Thousands of officers attended the funeral.",
            ("turn back", "attend"),
            False,
        ),
        # same group, same event: a conflict
        (
            "Hundreds of officers turned their backs on the mayor.",
            "Thousands of officers turned their backs on the mayor.",
            (None, None),
            True,
        ),
        (
            "Hundreds of officers attended the funeral service.",
            "Thousands of police officers from across the state attended.",
            (None, None),
            True,
        ),
    ],
)
def test_brief_facts_counted_groups(sent_a, sent_b, groups, conflict):
    def one(aid, outlet, sent, low, high, group):
        phrase = sent.split(" officers")[0] + " officers"
        return art(
            aid,
            outlet,
            f"{sent} The service for Officer Lena Brandt ended at noon.",
            numbers=[(phrase, low, high, "officer", False, group)],
        )

    a = one("a", "North Star", sent_a, 200, 999, groups[0])
    b = one("b", "South Wire", sent_b, 2000, 9999, groups[1])
    story, recs = story_of([a, b], [FUNERAL])
    brief = compose_brief(story, recs)
    slots = [c.slot for c in brief.conflicting if c.slot.startswith("count:")]
    assert bool(slots) is conflict
    if conflict:
        (c,) = [c for c in brief.conflicting if c.slot.startswith("count:")]
        assert c.why == "non-overlapping ranges 200\u2013999 vs 2,000\u20139,999"
        assert {v.value for v in c.variants} == {"200\u2013999", "2,000\u20139,999"}
    else:
        assert len({f.slot for f in brief.unique if f.slot.startswith("count:")}) == 2


def test_brief_facts_different_events_do_not_conflict():
    a = art(
        "a",
        "North Star",
        "Hundreds of officers marched in the Harbor parade on April 20. "
        "The funeral of Officer Lena Brandt followed on May 2.",
        numbers=[("Hundreds of officers", 200, 999, "officer", False, "march")],
        times=[("April 20", "2032-04-20"), ("May 2", "2032-05-02")],
    )
    b = art(
        "b",
        "South Wire",
        "Thousands of officers marched at the funeral of Officer Lena Brandt on May 2.",
        numbers=[("Thousands of officers", 2000, 9999, "officer", False, "march")],
        times=[("May 2", "2032-05-02")],
    )
    story, recs = story_of([a, b], [PARADE, FUNERAL])
    brief = compose_brief(story, recs)
    assert not brief.conflicting
    events = {f.event for f in brief.unique if f.slot == "count:officer/march"}
    assert events == {"e-par", "e-fun"}


@pytest.mark.parametrize(
    ("sent_a", "num_a", "sent_b", "num_b"),
    [
        (
            "Nearly 300 officers attended the funeral.",
            ("Nearly 300 officers", 300, 300, True),
            "About 300 officers attended the funeral.",
            ("About 300 officers", 300, 300, True),
        ),
        (
            "Hundreds of officers attended the funeral.",
            ("Hundreds of officers", 200, 999, False),
            "Nearly 300 officers attended the funeral.",
            ("Nearly 300 officers", 270, 300, True),
        ),
    ],
)
def test_brief_facts_overlapping_ranges_agree(sent_a, num_a, sent_b, num_b):
    a = art("a", "North Star", sent_a, numbers=[(*num_a[:3], "officer", num_a[3])])
    b = art("b", "South Wire", sent_b, numbers=[(*num_b[:3], "officer", num_b[3])])
    story, recs = story_of([a, b], [FUNERAL])
    brief = compose_brief(story, recs)
    assert not brief.conflicting
    (fact,) = [f for f in brief.agreed if f.slot == "count:officer/attend"]
    assert fact.sources == ("North Star", "South Wire")
    assert [c.article for c in fact.citations] == ["a", "b"]


@pytest.mark.parametrize("how", ["dup_groups", "duplicates", "same_outlet"])
def test_brief_facts_copies_are_not_independent(how):
    text = "Hundreds of officers attended the funeral of Officer Lena Brandt."
    num = [("Hundreds of officers", 200, 999, "officer")]
    a = art("a", "North Star", text, numbers=num, duplicates=("b",) if how == "duplicates" else ())
    b = art("b", "North Star" if how == "same_outlet" else "Valley Daily", text, numbers=num)
    story, recs = story_of([a, b], [FUNERAL])
    brief = compose_brief(story, recs, {"a": ["b"]} if how == "dup_groups" else None)
    assert not brief.agreed
    (fact,) = [f for f in brief.unique if f.slot.startswith("count:")]
    assert fact.sources == ("North Star",)
    assert len(fact.citations) == 2  # both copies are cited, but count once


def test_brief_facts_three_outlets_with_a_wire_copy():
    text = "Hundreds of officers attended the funeral of Officer Lena Brandt."
    num = [("Hundreds of officers", 200, 999, "officer")]
    recs = [art(x, o, text, numbers=num) for x, o in (("a", "Wire"), ("b", "Copy"), ("c", "Own"))]
    story, recs = story_of(recs, [FUNERAL])
    brief = compose_brief(story, recs, {"a": ["b"]})
    (fact,) = [f for f in brief.agreed if f.slot.startswith("count:")]
    assert fact.sources == ("Own", "Wire")


def test_brief_facts_date_conflict_needs_the_event_named():
    a = art(
        "a",
        "North Star",
        "The funeral of Officer Lena Brandt was held on May 2.",
        times=[("May 2", "2032-05-02")],
    )
    b = art(
        "b",
        "South Wire",
        "The funeral of Officer Lena Brandt was held on May 3.",
        times=[("May 3", "2032-05-03")],
    )
    c = art(
        "c", "East Post", "Officers trained on May 4 as usual.", times=[("May 4", "2032-05-04")]
    )
    story, recs = story_of([a, b, c], [FUNERAL])
    brief = compose_brief(story, recs)
    (conflict,) = brief.conflicting
    assert conflict.slot == "date"
    assert conflict.why == "different dates 2032-05-02 vs 2032-05-03"
    assert {v.sources for v in conflict.variants} == {("North Star",), ("South Wire",)}


def test_brief_facts_month_fits_day():
    a = art(
        "a",
        "North Star",
        "The funeral of Officer Lena Brandt took place in May 2032.",
        times=[("May 2032", "2032-05")],
    )
    b = art(
        "b",
        "South Wire",
        "The funeral of Officer Lena Brandt was held on May 2.",
        times=[("May 2", "2032-05-02")],
    )
    story, recs = story_of([a, b], [FUNERAL])
    brief = compose_brief(story, recs)
    assert not brief.conflicting
    (fact,) = [f for f in brief.agreed if f.slot == "date"]
    assert fact.value == "2032-05-02"


def test_brief_facts_roles_and_people():
    a = art(
        "a",
        "North Star",
        "Mayor Ada Quill spoke at the funeral.",
        entities=[("Ada Quill", "PERSON", "Ada Quill", "Mayor")],
    )
    b = art(
        "b",
        "South Wire",
        "Governor Ada Quill spoke at the funeral.",
        entities=[("Ada Quill", "PERSON", "Ada Quill", "Governor")],
    )
    story, recs = story_of([a, b], [FUNERAL])
    brief = compose_brief(story, recs)
    assert ("e-fun", "who", "Ada Quill") in _slots(brief.agreed)
    (conflict,) = brief.conflicting
    assert conflict.slot == "role:Ada Quill" and conflict.event is None


@pytest.mark.parametrize(
    ("sentence", "after", "unit", "group"),
    [
        (
            "Hundreds of officers turned their backs on the mayor.",
            "Hundreds",
            "officer",
            "turn back",
        ),
        ("Thousands of officers attended the funeral.", "Thousands", "officer", "attend"),
        (
            "Nearly 300 officers who had gathered outside stood in silence.",
            "Nearly 300",
            "officer",
            "gather",
        ),
        (
            "Thousands of police officers from across the state lined the street.",
            "Thousands",
            "officer",
            "line",
        ),
        ("Hundreds of officers, some in tears, listened.", "Hundreds", "officer", None),
    ],
)
def test_brief_facts_infer_group(sentence, after, unit, group):
    assert infer_group(sentence, len(after), unit) == group


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((200, 999), (2000, 9999), False),
        ((270, 300), (200, 999), True),
        ((6, None), (2, 5), False),
        ((6, None), (10, 10), True),
        ((None, 5), (5, 5), True),
    ],
)
def test_brief_facts_overlaps(a, b, expected):
    assert overlaps(a, b) is expected
    assert overlaps(b, a) is expected


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [
        (200, 999, "200\u2013999"),
        (2000, 9999, "2,000\u20139,999"),
        (300, 300, "300"),
        (6, None, "6+"),
        (None, 300, "up to 300"),
        (2.5, 2.5, "2.5"),
    ],
)
def test_brief_facts_format_range(low, high, text):
    assert format_range(low, high) == text


def test_brief_facts_outlet_that_carries_a_wire_copy_still_reports_on_its_own():
    text = "Hundreds of officers attended the funeral of Officer Lena Brandt."
    num = [("Hundreds of officers", 200, 999, "officer")]
    wire = art("w", "Metro Wire", text, numbers=num, duplicates=("cw",))
    copy = art("cw", "Courier", text, numbers=num)
    own = art(
        "co",
        "Courier",
        "About 500 officers attended the funeral of Officer Lena Brandt.",
        numbers=[("About 500 officers", 500, 500, "officer", True)],
    )
    funeral = Event("e-fun", "Funeral of Officer Lena Brandt", None, None, ("w", "cw", "co"))
    story, recs = story_of([wire, copy, own], [funeral])
    brief = compose_brief(story, recs)
    (fact,) = [f for f in brief.agreed if f.slot == "count:officer/attend"]
    assert fact.sources == ("Courier", "Metro Wire")
    assert {c.article for c in fact.citations} == {"w", "cw", "co"}


@pytest.mark.parametrize(
    ("sentence", "after", "unit", "group"),
    [
        (
            "About 500 officers attended the funeral of Officer Lena Brandt.",
            "About 500 officers",
            "officer",
            "attend",
        ),
        ("Hundreds marched to honor Officer Lena Brandt.", "Hundreds", "officer", "march"),
    ],
)
def test_brief_facts_infer_group_number_includes_noun(sentence, after, unit, group):
    assert infer_group(sentence, len(after), unit) == group


@pytest.mark.parametrize(
    ("group", "key", "firm"),
    [
        ("battle flame", "fight", True),
        ("fight blaze", "fight", True),
        ("turn back", "turn back", True),
        ("sign up", "sign up", True),
        ("be", "be", False),
        (None, None, False),
        ("attend hearing", "attend", True),
    ],
)
def test_brief_facts_group_key(group, key, firm):
    assert group_key(group) == (key, firm)


def test_brief_facts_unknown_group_never_conflicts():
    a = art(
        "a",
        "North Star",
        "There were hundreds of officers.",
        numbers=[("hundreds of officers", 200, 999, "officer", False, "be")],
    )
    b = art(
        "b", "South Wire", "Officers: thousands.", numbers=[("thousands", 2000, 9999, "officer")]
    )
    story, recs = story_of([a, b], [Event("e", "Funeral", None, None, ("a", "b"))])
    brief = compose_brief(story, recs)
    assert not brief.conflicting
    assert {f.slot for f in brief.unique} == {"count:officer/be", "count:officer"}
