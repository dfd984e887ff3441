"""The planted-contradiction benchmark's harness (bench/bench_conflicts.py) on a fictional
two-outlet cluster written for this test: candidates are found, plants and rewordings change
only the value, and the matcher counts a hit only when a conflict cites both sides. The
briefs here are hand-built dicts, so the test does not depend on crosswire's conflicts."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import bench_conflicts as bc  # noqa: E402

TEXT_A = (
    "Ferry Aground Near Pelican Point\n"
    "The ferry Marigold ran aground near Pelican Point on Tuesday, and three passengers were "
    "rescued by the coast guard. Captain Ilsa Varga, 52, said the tide had turned at "
    "6:45 p.m. on the reef. The pier was built in 1987 and was repaired for $3 million last "
    "spring.\n"
)
TEXT_B = (
    "Marigold Ferry Runs Aground\n"
    "Coast guard crews rescued three passengers after the ferry Marigold ran aground near "
    "Pelican Point on Tuesday. Captain Ilsa Varga, 52, told reporters the tide turned at "
    "6:45 p.m. on the reef. The pier, built in 1987, was repaired for $3 million last spring.\n"
)
PUBLISHED = "2031-05-16"  # a Friday
ARTS = [bc.Art("a", TEXT_A, "Harbour Herald", PUBLISHED),
        bc.Art("b", TEXT_B, "Coast Courier", PUBLISHED)]


def candidates():
    return {c.kind: c for c in bc.find_candidates("fiction", "c1", ARTS)}


def text_of(article: str) -> str:
    return {"a": TEXT_A, "b": TEXT_B}[article]


def test_every_kind_is_found_as_a_pair_of_outlets():
    found = candidates()
    assert set(found) == set(bc.KINDS)
    for c in found.values():
        assert {c.planted, c.partner} == {"a", "b"}
        a, b = text_of(c.planted), text_of(c.partner)
        assert c.mention.key == c.partner_mention.key
        assert bc.find_mentions(a) and bc.find_mentions(b)
        # the mention spans are the value as written
        assert a[c.mention.start:c.mention.end].strip()


def test_same_outlet_pairs_are_not_candidates():
    same = [bc.Art("a", TEXT_A, "Harbour Herald"), bc.Art("b", TEXT_B, "Harbour Herald")]
    assert bc.find_candidates("fiction", "c1", same) == []


def test_unrelated_numbers_are_not_paired():
    other = bc.Art("b", "Bakers sold three cakes at the fair on Tuesday.\n", "Coast Courier")
    kinds = {c.kind for c in bc.find_candidates("fiction", "c1", [ARTS[0], other])}
    assert "count" not in kinds and "weekday" not in kinds


@pytest.mark.parametrize("kind,expected", [
    ("age", "59"), ("count", "nine"), ("weekday", "Friday"), ("time", "9:45 p.m."),
    ("year", "1977"), ("money", "9"),
])
def test_plant_changes_only_the_value(kind, expected):
    c = candidates()[kind]
    text = text_of(c.planted)
    edit = bc.plant(text, c.mention)
    changed = edit.apply(text)
    assert changed != text
    start, end = edit.new_span
    assert changed[start:end] == expected
    assert changed[:edit.start] == text[:edit.start]
    assert changed[end:] == text[edit.end:]
    assert edit.map_back(end + 5) == edit.end + 5


@pytest.mark.parametrize("kind,expected", [
    ("age", "Varga, aged 52,"), ("count", "3 passengers"),
    ("weekday", "Tuesday, May 13"), ("time", "6:45 pm on"),
    ("year", "in the year 1987"), ("money", "$3,000,000 last"),
])
def test_reword_keeps_the_meaning(kind, expected):
    c = candidates()[kind]
    text = text_of(c.planted)
    edit = bc.reword(text, c.mention, PUBLISHED)
    assert expected in edit.apply(text)


def test_weekday_rewording_needs_a_publication_date():
    c = candidates()["weekday"]
    assert bc.reword(text_of(c.planted), c.mention, None) is None


def story(conflicts, agreed=()):
    return [{"id": "s1", "articles": ["a", "b"],
             "facts": {"agreed": list(agreed), "unique": [], "conflicting": conflicts}}]


def conflict(slot, *variants):
    return {"slot": slot, "event": "e1", "variants": [
        {"value": value, "citations": [{"article": a, "start": s, "end": e} for a, s, e in cites]}
        for value, cites in variants]}


def test_matcher_hit_miss_and_false_alarms():
    c = candidates()["count"]
    text = text_of(c.planted)
    edit = bc.plant(text, c.mention)
    ps, pe = edit.new_span
    qs, qe = c.partner_mention.start, c.partner_mention.end
    unrelated = conflict("count:crew", ("2", [(c.partner, 0, 10)]), ("4", [("x", 0, 5)]))
    old = conflict("date", ("2031-05-13", [(c.planted, 0, 20)]),
                   ("2031-05-14", [(c.partner, 0, 20)]))
    base = story([old])

    both = conflict("count:passenger", ("9", [(c.planted, ps - 20, pe + 20)]),
                    ("3", [(c.partner, qs - 20, qe + 20)]))
    o = bc.match_plant(base, story([old, both]), c.planted, edit, c.partner, (qs, qe))
    assert (o.found, o.matching, o.new, o.false_alarms, o.partial) == (True, 1, 1, 0, 0)

    one_side = conflict("count:passenger", ("9", [(c.planted, ps, pe)]),
                        ("3", [("x", 0, 5)]))
    o = bc.match_plant(base, story([old, one_side]), c.planted, edit, c.partner, (qs, qe))
    assert (o.found, o.partial, o.false_alarms) == (False, 1, 0)

    # both sides cited but in the same variant: not a conflict between them
    same_variant = conflict("count:passenger", ("9", [(c.planted, ps, pe), (c.partner, qs, qe)]),
                            ("4", [("x", 0, 5)]))
    o = bc.match_plant(base, story([same_variant]), c.planted, edit, c.partner, (qs, qe))
    assert not o.found

    o = bc.match_plant(base, story([old, both, unrelated]), c.planted, edit, c.partner, (qs, qe))
    assert (o.found, o.new, o.false_alarms, o.elsewhere) == (True, 2, 1, 1)

    o = bc.match_plant(base, story([old]), c.planted, edit, c.partner, (qs, qe))
    assert (o.found, o.new, o.false_alarms) == (False, 0, 0)


def test_matcher_sees_an_old_conflict_through_shifted_offsets():
    """A conflict already in the untouched brief, cited after the change (offsets moved by
    the edit, slot label taken from other wording), is not new."""
    c = candidates()["count"]
    text = text_of(c.planted)
    edit = bc.reword(text, c.mention, PUBLISHED)  # "three" -> "3": later offsets move by -4
    shift = len(edit.new) - (edit.end - edit.start)
    late = edit.end + 30
    before = conflict("speaker:x", ("Ilsa Varga", [(c.planted, late, late + 40)]),
                      ("Captain Varga", [(c.partner, 5, 40)]))
    after = conflict("speaker:y", ("Ilsa Varga", [(c.planted, late + shift, late + shift + 40)]),
                     ("Captain Varga", [(c.partner, 5, 40)]))
    o = bc.match_plant(story([before]), story([after]), c.planted, edit)
    assert (o.new, o.false_alarms) == (0, 0)
    o = bc.match_plant(story([]), story([after]), c.planted, edit)
    assert (o.new, o.false_alarms) == (1, 1)
    # the reworded value shown as written and the sentence cut elsewhere: still the same
    shown = conflict("speaker:x", ("Ilsa Varga", [(c.planted, 0, late + 40)]),
                     ("Capt. Varga", [(c.partner, 5, 40)]))
    o = bc.match_plant(story([before]), story([shown]), c.planted, edit)
    assert (o.new, o.false_alarms) == (0, 0)


def test_baseline_flags_different_numbers_before_one_word():
    plain = bc.baseline_stories(ARTS)
    assert plain[0]["facts"]["conflicting"] == []
    c = candidates()["count"]
    edit = bc.plant(text_of(c.planted), c.mention)
    changed = [bc.Art(a.id, edit.apply(a.text) if a.id == c.planted else a.text, a.source)
               for a in ARTS]
    flagged = bc.baseline_stories(changed)
    slots = [x["slot"] for x in flagged[0]["facts"]["conflicting"]]
    assert slots == ["word:passenger"]
    o = bc.match_plant(plain, flagged, c.planted, edit, c.partner,
                       (c.partner_mention.start, c.partner_mention.end))
    assert o.found


def test_sampling_is_deterministic_and_spread_over_clusters():
    cands = [bc.Candidate("s", f"c{i % 3}", "count", "a", bc.Mention("count", i, i + 1, f"k{i}"),
                          "b", bc.Mention("count", i, i + 1, f"k{i}"), 1) for i in range(9)]
    first = bc.sample(cands, 3, random.Random(5))
    assert first == bc.sample(cands, 3, random.Random(5))
    assert len({c.cluster for c in first}) == 3
    assert len(bc.sample(cands, None, random.Random(5))) == 9
