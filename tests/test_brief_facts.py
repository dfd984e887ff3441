"""Facts: agreed / unique / conflicting, counted groups, events, independence. Fictional texts."""

from __future__ import annotations

import re

import pytest

from crosswire.brief import compose_brief
from crosswire.brief.when import date_words
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
    agreed = {f.slot: f for f in brief.agreed}
    # m2 and its wire copy m3 count once; m1 says "nearly 300", which fits "hundreds"
    backs = agreed["count:turn back/officer"]
    assert backs.sources == ("Coastal Post", "Daily Ledger")
    assert backs.statement.startswith("Hundreds of officers turned their backs")
    # each outlet's figure, with what it counts
    assert "(nearly 300 officers: Daily Ledger)" in backs.statement
    assert "date:collapse" in agreed
    conflicts = {c.slot: c for c in brief.conflicting}
    fire = conflicts["count:attend/firefighter"]
    assert fire.event == "e-memorial"
    assert fire.statement == "How many firefighters attended the memorial"
    assert sorted(v.value for v in fire.variants) == ["hundreds", "thousands"]
    assert sorted(v.sources for v in fire.variants) == [("Coastal Post",), ("Daily Ledger",)]
    # hundreds (memorial, turned backs) vs thousands (collapse, searched): never a conflict
    assert not any(c.slot.endswith("/officer") for c in brief.conflicting)
    _roundtrip(brief, recs)


@pytest.mark.parametrize(
    ("sent_a", "sent_b", "conflict"),
    [
        # different counted groups (what they did): no conflict
        (
            "Hundreds of officers turned their backs on the mayor.",
            "Thousands of officers attended the funeral.",
            False,
        ),
        # same group, same event: a conflict
        (
            "Hundreds of officers turned their backs on the mayor.",
            "Thousands of officers turned their backs on the mayor.",
            True,
        ),
        (
            "Hundreds of officers attended the funeral service.",
            "Thousands of police officers from across the state attended.",
            True,
        ),
    ],
)
def test_brief_facts_counted_groups(sent_a, sent_b, conflict):
    def one(aid, outlet, sent, low, high):
        phrase = sent.split(" of officers")[0].split(" officers")[0].split(" of police")[0]
        return art(
            aid,
            outlet,
            f"{sent} The service for Officer Lena Brandt ended at noon.",
            numbers=[(phrase, low, high, "officer", True)],
        )

    a = one("a", "North Star", sent_a, 200, 999)
    b = one("b", "South Wire", sent_b, 2000, 9999)
    story, recs = story_of([a, b], [FUNERAL])
    brief = compose_brief(story, recs)
    slots = [c.slot for c in brief.conflicting if c.slot.startswith("count:")]
    assert bool(slots) is conflict
    if conflict:
        (c,) = [c for c in brief.conflicting if c.slot.startswith("count:")]
        assert c.why == "outlets disagree: hundreds vs thousands"
        assert c.statement.startswith("How many officers")
    else:
        assert len({f.slot for f in brief.unique if f.slot.startswith("count:")}) == 2


def test_brief_facts_different_events_do_not_conflict():
    a = art(
        "a",
        "North Star",
        "Hundreds of officers marched in the Harbor parade on April 20. "
        "The funeral of Officer Lena Brandt followed on May 2.",
        numbers=[("Hundreds", 200, 999, "officer", True)],
        times=[("April 20", "2032-04-20"), ("May 2", "2032-05-02")],
    )
    b = art(
        "b",
        "South Wire",
        "Thousands of officers marched at the funeral of Officer Lena Brandt on May 2.",
        numbers=[("Thousands", 2000, 9999, "officer", True)],
        times=[("May 2", "2032-05-02")],
    )
    story, recs = story_of([a, b], [PARADE, FUNERAL])
    brief = compose_brief(story, recs)
    assert not brief.conflicting


@pytest.mark.parametrize(
    ("sent_a", "num_a", "sent_b", "num_b"),
    [
        (
            "Nearly 300 officers attended the funeral.",
            ("Nearly 300", 270, 300, True),
            "About 300 officers attended the funeral.",
            ("About 300", 270, 330, True),
        ),
        (
            "Hundreds of officers attended the funeral.",
            ("Hundreds", 200, 999, False),
            "Nearly 300 officers attended the funeral.",
            ("Nearly 300", 270, 300, True),
        ),
    ],
)
def test_brief_facts_overlapping_ranges_agree(sent_a, num_a, sent_b, num_b):
    a = art("a", "North Star", sent_a, numbers=[(*num_a[:3], "officer", num_a[3])])
    b = art("b", "South Wire", sent_b, numbers=[(*num_b[:3], "officer", num_b[3])])
    story, recs = story_of([a, b], [FUNERAL])
    brief = compose_brief(story, recs)
    assert not brief.conflicting
    (fact,) = [f for f in brief.agreed if f.slot == "count:attend/officer"]
    assert fact.sources == ("North Star", "South Wire")
    assert [c.article for c in fact.citations] == ["a", "b"]


@pytest.mark.parametrize("how", ["dup_groups", "duplicates", "same_outlet"])
def test_brief_facts_copies_are_not_independent(how):
    text = "Hundreds of officers attended the funeral of Officer Lena Brandt."
    num = [("Hundreds", 200, 999, "officer")]
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
    num = [("Hundreds", 200, 999, "officer")]
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
    assert conflict.slot == "date:funeral"
    # (the person the funeral is of stays with it: one funeral, named)
    assert conflict.statement == "When the funeral of Officer Lena Brandt was held"
    assert conflict.why == "outlets disagree: Sunday 2 May 2032 vs Monday 3 May 2032"
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
    (fact,) = [f for f in brief.agreed if f.slot.startswith("date:")]
    assert fact.value == "Sunday 2 May 2032"


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
    # two titles are mostly both true (read on real clusters: judge and justice, deputy and
    # sergeant, senator and president): each is listed, neither is called a contradiction
    assert not brief.conflicting
    roles = sorted(f.statement for f in brief.unique if f.slot == "role:person:ada quill")
    assert roles == ["Ada Quill: Governor", "Ada Quill: Mayor"]


@pytest.mark.parametrize(("first", "second", "conflict"), [
    ("Commander", "Commodore", True),  # one officer holds one rank at a time
    ("Sergeant", "Lieutenant", True),
    ("Captain", "Major", True),
    ("Lieutenant Colonel", "Colonel", False),  # the shorter title may be a shortening
    ("Captain", "Coach", False),  # a rank and a post: both may be true
    ("Sergeant", "Spokesperson", False),
])
def test_brief_facts_two_ranks_of_one_person_disagree(first, second, conflict):
    def one(aid, outlet, role):
        return art(aid, outlet, f"{role} Tove Lindqvar spoke at the funeral.",
                   entities=[("Tove Lindqvar", "PERSON", "Tove Lindqvar", role)])

    story, recs = story_of([one("a", "North Star", first), one("b", "South Wire", second)],
                           [FUNERAL])
    brief = compose_brief(story, recs)
    found = [c for c in brief.conflicting if c.slot == "role:person:tove lindqvar"]
    assert bool(found) is conflict
    if conflict:
        assert sorted(v.value for v in found[0].variants) == sorted([first, second])
        assert {s for v in found[0].variants for s in v.sources} == {"North Star", "South Wire"}
        assert found[0].statement == "What rank Tove Lindqvar holds"


def test_brief_facts_outlet_that_carries_a_wire_copy_still_reports_on_its_own():
    text = "Hundreds of officers attended the funeral of Officer Lena Brandt."
    num = [("Hundreds", 200, 999, "officer")]
    wire = art("w", "Metro Wire", text, numbers=num, duplicates=("cw",))
    copy = art("cw", "Courier", text, numbers=num)
    own = art(
        "co",
        "Courier",
        "About 500 officers attended the funeral of Officer Lena Brandt.",
        numbers=[("About 500", 450, 550, "officer", True)],
    )
    funeral = Event("e-fun", "Funeral of Officer Lena Brandt", None, None, ("w", "cw", "co"))
    story, recs = story_of([wire, copy, own], [funeral])
    brief = compose_brief(story, recs)
    (fact,) = [f for f in brief.agreed if f.slot == "count:attend/officer"]
    assert fact.sources == ("Courier", "Metro Wire")
    assert {c.article for c in fact.citations} == {"w", "cw", "co"}


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
    assert not [f for f in brief.unique if f.slot.startswith("count:")]  # nothing to check


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2032-05-02", "Sunday 2 May 2032"),
        ("2032-05", "May 2032"),
        ("XXXX-WXX-5", "Friday"),
        ("1968", "1968"),
        # read on a real cluster: "in XXXX-11" for "Early November" with no year known
        ("XXXX-11", "November"),
        ("XXXX-11-05", "5 November"),
        ("2032-W14", "the week of Monday 29 March 2032"),
        ("2032-SU", "summer 2032"),
        ("203X", "the 2030s"),
    ],
)
def test_brief_facts_dates_in_words(value, words):
    assert date_words(value) == words


@pytest.mark.parametrize("value", ["XXXX-XX-XX", "PRESENT_REF", "2032-05-02TNI", "P3D"])
def test_brief_facts_no_timex_code_reaches_a_reader(value):
    words = date_words(value)
    assert not re.search(r"XXXX|[A-Z]{2,}|\bP\d", words), words


def _placed(article, attribute, key, value, low=None, unit=None, start=0, qualifiers=()):
    from crosswire.brief.claims import Placed
    from crosswire.records import Cite, Claim

    claim = Claim(attribute, key, value, value, start, start + len(value), low, low, "the pit",
                  "flooded", unit, (), qualifiers)  # fmt: skip
    return Placed(claim, article, "e1", key, Cite(article, 0, 200))


@pytest.mark.parametrize(("shared", "other", "same"), [
    (14, 14, True),  # both also say 14 miners were pulled out: one fact told twice
    (14, 3, False),  # 14 miners vs 3 miners: another scope (one shift, one rescue)
    (2, 2, False),  # two of something is too common to say two sentences are one
])
def test_brief_facts_a_value_both_sentences_share_makes_them_one_fact(shared, other, same):
    from crosswire.brief.facts import comparable

    a = _placed("a", "date", "flood", "2031-03-04", start=50)
    b = _placed("b", "date", "flood", "2031-03-06", start=50)
    beside = {
        "a": [a, _placed("a", "count", "pull/miner", str(shared), shared, "miner", 10)],
        "b": [b, _placed("b", "count", "pull/miner", str(other), other, "miner", 10)],
    }
    assert comparable(a, b, lambda p: beside[p.article]) is same
    assert comparable(a, b) is False  # not the dates each report leads with


FERRY = Event("e-ferry", "Ferry capsizes off Kelby Point", "2032-06-03", None, ("f1",))
VAN = Event("e-van", "Van leaves the coast road", "2032-06-09", None, ("v1",))


def test_brief_facts_a_shared_value_alone_is_not_agreement():
    """Four people drowned off Kelby Point; six days later four people died on the coast
    road. Two outlets each carry one: the same number of dead in two
    happenings is two facts from one outlet each, not one fact two outlets agree on."""
    f1 = art("f1", "Kelby Herald",
             "Four people drowned when a ferry capsized off Kelby Point on June 3.",
             published="2032-06-04", numbers=[("Four", 4, 4, "person")],
             times=[("June 3", "2032-06-03")])  # fmt: skip
    v1 = art("v1", "Coastline Daily",
             "Four people drowned when their van left the coast road on June 9.",
             published="2032-06-10", numbers=[("Four", 4, 4, "person")],
             times=[("June 9", "2032-06-09")])  # fmt: skip
    story, recs = story_of([f1, v1], [FERRY, VAN])
    brief = compose_brief(story, recs)
    assert not [f for f in brief.agreed if f.slot.startswith("count:")]
    # each outlet's line says its four dead (a line showing its sentence whole says all of
    # the sentence's values: the count may be told by the date's line)
    lines = [f for f in [*brief.agreed, *brief.unique]
             if re.search(r"\b(4|Four) people drowned", f.statement)]
    assert sorted(len(f.sources) for f in lines) == [1, 1], lines


def test_brief_facts_a_recalled_count_of_the_same_group_agrees_across_events():
    """A later report on the inquest recalls that two workers were killed: it agrees with the
    first report of the fire, though its sentence belongs to the inquest."""
    from crosswire.brief.facts import agrees

    a = _placed("a", "count", "kill/worker", "2", 2, "worker", 10)
    b = _placed("b", "count", "kill/worker", "2", 2, "worker", 10)
    b_later = type(b)(b.claim, b.article, "e2", b.key, b.cite)
    assert agrees(a, b_later)
    other = _placed("b", "count", "kill/person", "2", 2, "person", 10)
    people = _placed("a", "count", "kill/person", "2", 2, "person", 10)
    assert not agrees(people, type(other)(other.claim, "b", "e2", other.key, other.cite))
    said = _placed("b", "date", "say", "2031-03-04")
    assert not agrees(_placed("a", "date", "say", "2031-03-04"), said)  # 'said Tuesday'


def test_brief_facts_a_role_needs_a_full_name():
    # read on a real cluster: "Constable: Chief" from "Deputy Chief Constable"
    a = art("a", "North Star", "Deputy Chief Constable Ada Fenn said the line would reopen.",
            entities=[("Constable", "PERSON", "Constable", "Chief"),
                      ("Ada Fenn", "PERSON", "Ada Fenn", "Deputy Chief Constable")])
    story, recs = story_of([a], [])
    brief = compose_brief(story, recs)
    roles = {f.statement for f in [*brief.agreed, *brief.unique] if f.slot.startswith("role:")}
    assert not [r for r in roles if r.startswith("Constable")], roles


ESCAPE = Event("e-escape", "Prison van escape", "2031-03-06", "Dunmere", ("v1", "v2"))


@pytest.mark.parametrize(("first", "second", "conflict"), [
    # the lead days of one happening told by two joined verbs, or by one of them
    ("Ronan Vell took two guards hostage on Thursday and then escaped from the prison van.",
     "Ronan Vell escaped from the prison van on Tuesday, the sheriff's office said.", True),
    ("Ronan Vell took two guards hostage on Tuesday and then escaped from the prison van.",
     "Ronan Vell escaped from the prison van on Tuesday, the sheriff's office said.", False),
    # a joined verb with its own day keeps it; a plan ("will be charged on Tuesday") is
    # not what happened, however alike the two sentences read
    ("Ronan Vell was caught on Thursday and was charged on Tuesday with escape.",
     "Ronan Vell was charged with escape on Tuesday, the sheriff's office said.", False),
    ("Ronan Vell was caught on Thursday and will be charged with escape.",
     "Ronan Vell will be charged with escape on Tuesday, the sheriff's office said.", False),
])
def test_brief_facts_lead_days_of_joined_verbs_and_plans(first, second, conflict):
    days = {"Thursday": "2031-03-06", "Tuesday": "2031-03-04"}
    a = art("v1", "Dunmere Daily", first, published="2031-03-07",
            times=[(d, v) for d, v in days.items() if d in first])
    b = art("v2", "Valley Wire", second, published="2031-03-07",
            times=[(d, v) for d, v in days.items() if d in second])
    story, recs = story_of([a, b], [ESCAPE])
    brief = compose_brief(story, recs)
    dates = [c for c in brief.conflicting if c.slot.startswith("date:")]
    assert bool(dates) == conflict, [(c.slot, c.why) for c in brief.conflicting]


@pytest.mark.parametrize(("hour", "fit"), [
    ("hour:overnight", True),  # "An overnight flood Friday": the night into Saturday
    (None, False),  # control: Friday is not early Saturday
])
def test_brief_facts_a_night_told_by_what_it_dates(hour, fit):
    # the night may be told by the happening's words, not the day's ("An overnight flood
    # Friday ..." / "... swamped the library early Saturday": one flood; read on real text)
    from dataclasses import replace

    from crosswire.brief.facts import compatible

    friday = _placed("a", "date", "gut", "2031-03-07", qualifiers=(hour,) if hour else ())
    friday = replace(friday, claim=replace(friday.claim, text="Friday"))
    saturday = _placed("b", "date", "gut", "2031-03-08")
    saturday = replace(saturday, claim=replace(saturday.claim, text="early Saturday"))
    assert compatible(friday, saturday) is fit
    assert compatible(saturday, friday) is fit


def test_brief_facts_one_source_restating_itself_is_one_doer():
    """Read on a real cluster: an outlet reprinting another (one source group) dated two
    statements by two speakers to one month; joined as "a source restating itself", they
    bridged a third outlet's copy of the second statement to the first. Two doers' claims
    from one source are two facts; the same doer's stay one (control)."""
    from dataclasses import replace
    from types import SimpleNamespace

    from crosswire.brief.facts import _agreeing
    from crosswire.records import Cite

    said = ("past", "weak")
    mayor = _placed("a", "date", "say", "2030-01", start=10, qualifiers=("agent:varga lena",
                                                                         *said))
    mayor_copy = _placed("c", "date", "say", "2030-01", start=10,
                         qualifiers=("agent:varga lena", *said))
    groups = _placed("c", "date", "say", "2030-01", start=90,
                     qualifiers=("agent:group harbour", *said))
    groups_b = _placed("b", "date", "say", "2030-01", start=90,
                       qualifiers=("agent:group harbour", *said))
    # each claim in its own sentence: the mayor's first, the groups' after it
    mayor, mayor_copy, groups, groups_b = (
        replace(p, cite=Cite(p.article, p.claim.start - 10, p.claim.start + 70))
        for p in (mayor, mayor_copy, groups, groups_b))
    words = " ".join(f"w{i}" for i in range(100))  # no two sentences alike
    texts = {"a": words, "b": words, "c": words}
    ctx = SimpleNamespace(
        group={"a": "outlet:a", "c": "outlet:a", "b": "outlet:b"},
        analyzed={k: SimpleNamespace(article=SimpleNamespace(text=t)) for k, t in texts.items()})
    parts = _agreeing(ctx, [mayor, mayor_copy, groups, groups_b], lambda p: [p])
    of_mayor = next(part for part in parts if mayor in part)
    assert groups_b not in of_mayor and groups not in of_mayor, parts
    assert mayor_copy in of_mayor  # control: one doer's claim from one source stays one fact


def test_brief_facts_a_groups_line_is_told_by_a_claim_keyed_as_the_group():
    # read on a real cluster: an agreed count of people a verb says were held was told by
    # another verb's claim joined to the group by its value, chosen because every wording
    # was given once and it came first in the alphabet
    import dataclasses

    from crosswire.brief.facts import _statement
    from crosswire.records import Claim

    def placed(article, own_key, subject, predicate):
        p = _placed(article, "count", "arrest/raider", "12", low=12.0, unit="raider")
        claim = dataclasses.replace(p.claim, key=own_key, subject=subject, predicate=predicate)
        assert isinstance(claim, Claim)
        return dataclasses.replace(p, claim=claim)

    group = [placed("a", "climb/raider", "12 raiders", "had waded"),
             placed("b", "arrest/raider", "12 raiders", "were arrested")]
    group = [dataclasses.replace(p, key=p.claim.key) for p in group]  # (each its own key)
    said = _statement(group, "12", "count:arrest/raider")
    assert "arrested" in said, said


def test_brief_facts_a_left_out_line_carries_no_dispute_mark():
    # read on a real cluster: "Leaves out what others report: <line with a name> (disputed)
    # ..." showed the agreed line's mark of a value another outlet disputes
    from crosswire.brief.facts import DISPUTED, left_out_words
    from crosswire.records import Fact

    fact = Fact("date:find", "e1", "Tuesday", (), ("North Star", "South Wire"),
                f"The barn of Ines Varga{DISPUTED} burned on Tuesday")
    assert left_out_words(None, fact) == "The barn of Ines Varga burned on Tuesday"
