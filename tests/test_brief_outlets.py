"""Framing summed per outlet."""

from __future__ import annotations

from crosswire.brief.framing import outlet_framing
from crosswire.records import Framing, Marker


def test_brief_outlet_framing_ranks_voices_quoted_as_often_by_words():
    framings = [
        Framing("a1", "Observer", ({"speaker": "Ana Ruiz", "count": 1, "share": 1.0,
                                    "words": 4},), ()),
        Framing("a2", "Observer", ({"speaker": "Ben Ode", "count": 1, "share": 1.0,
                                    "words": 40},), ()),
    ]
    (observer,) = outlet_framing(framings)
    assert [v["speaker"] for v in observer["voices"]] == ["Ben Ode", "Ana Ruiz"]
    assert [v["words"] for v in observer["voices"]] == [40, 4]


def test_brief_outlet_framing_sums_articles_of_one_outlet():
    framings = [
        Framing("a1", "Observer", ({"speaker": "Ana Ruiz", "count": 2, "share": 1.0},),
                (Marker("loaded", "Disaster", 0, 8), Marker("hedge", "reportedly", 10, 20))),
        Framing("a2", "Observer", ({"speaker": "Ben Ode", "count": 2, "share": 1.0},),
                (Marker("loaded", "disaster", 5, 13),)),
        Framing("a3", "Ledger", (), ()),
    ]
    ledger, observer = outlet_framing(framings)
    assert ledger == {"source": "Ledger", "articles": ["a3"], "voices": [], "markers": {},
                      "loaded": []}
    assert observer["articles"] == ["a1", "a2"]
    assert observer["voices"] == [{"speaker": "Ana Ruiz", "count": 2, "share": 0.5, "words": 0},
                                  {"speaker": "Ben Ode", "count": 2, "share": 0.5, "words": 0}]
    assert observer["markers"] == {"hedge": 1, "loaded": 2}
    assert observer["loaded"] == ["disaster"]


def test_brief_outlets_a_wire_story_two_outlets_carry_is_one_source():
    """Issue 17: two outlets carried one wire story under their own headlines and page
    furniture; the duplicate detector let it through, and every fact looked agreed. Half
    the sentences word for word make the later one a copy: one source."""
    from crosswire.brief import compose_brief
    from test_brief_helpers import art, story_of

    wire = ("The Velk Bank will pay a fine of $12 million, regulators said on Monday. "
            "The bank misreported its capital for three years, the regulator found. "
            "Its chief executive, Ada Fenn, said the bank had fixed the reports. "
            "Shares of the bank fell 4 percent in early trading in Orrin.")
    first = art("a", "North Star", "Velk Bank fined. " + wire, published="2031-03-10",
                numbers=[("$12 million", 12e6, 12e6, "dollar")])
    second = art("b", "South Wire", "MARKETS | Read more | " + wire + " Sign up for our "
                 "newsletter.", published="2031-03-10",
                 numbers=[("$12 million", 12e6, 12e6, "dollar")])
    story, recs = story_of([first, second], [])
    brief = compose_brief(story, recs)
    assert brief.extra["independent_sources"] == 1
    assert not brief.agreed


_UPDATED_WIRE = (
    # an early and an updated version of one wire story, as two outlets print them: a new
    # lead, sentences reworded or joined, one added; few sentences are left word for word
    "A river barge struck a road bridge over the Velk near Orrin late Tuesday, injuring 25 "
    "people, police said. The barge, carrying 120 passengers on a holiday cruise, hit a pillar "
    "that the high water had hidden. Four people were seriously hurt and taken to hospitals in "
    "Orrin. The others had cuts and bruises. The bridge was closed to traffic while engineers "
    "checked it for damage. The captain, 52, was questioned by police.",
    "Police in Orrin said Wednesday that 27 people were hurt when a river barge struck a road "
    "bridge over the Velk late Tuesday. The barge, carrying 120 passengers on a holiday "
    "cruise, hit a pillar hidden by the high water. Four people were seriously hurt and were "
    "taken to hospitals in Orrin, and the others had cuts and bruises. Engineers cleared the "
    "bridge to reopen on Wednesday. The captain, 52, was questioned by police. Prosecutors "
    "have opened an inquiry.",
)
_ONE_WITNESS = (  # two reports of their own that quote one witness at length
    "A cruise barge rammed the Orrin road bridge on Tuesday night. \u201cWe heard a terrible "
    "crash and then people screaming from the deck below us,\u201d said Mara Lind, who lives "
    "by the river. Rescuers counted 25 injured at the scene.",
    "Witnesses described chaos on the Velk. \u201cWe heard a terrible crash and then people "
    "screaming from the deck below us,\u201d Mara Lind told reporters. The barge had 120 "
    "people aboard when it hit the bridge late Tuesday.",
)


def test_brief_outlets_two_versions_of_one_wire_story_are_one_source():
    """Issue 17 (read on real clusters): two outlets printed an early and an updated version
    of one wire story, and every fact they share was listed as agreed by two sources. Most
    of the shorter one's own words (not what it quotes) in the other make it a copy."""
    from crosswire.brief.cite import build_context
    from test_brief_helpers import art, story_of

    first = art("a", "North Star", _UPDATED_WIRE[0], published="2031-03-10T06:00")
    second = art("b", "South Wire", _UPDATED_WIRE[1], published="2031-03-10T11:00")
    ctx = build_context(*story_of([first, second], []))
    assert ctx.group["a"] == ctx.group["b"]


def test_brief_outlets_two_reports_quoting_one_witness_stay_independent():
    from crosswire.brief.cite import build_context
    from test_brief_helpers import art, story_of

    witness = "We heard a terrible crash and then people screaming from the deck below us,"
    first = art("a", "North Star", _ONE_WITNESS[0], quotes=[(witness, "Mara Lind")])
    second = art("b", "South Wire", _ONE_WITNESS[1], quotes=[(witness, "Mara Lind")])
    ctx = build_context(*story_of([first, second], []))
    assert ctx.group["a"] != ctx.group["b"]


def test_brief_outlets_a_reprinted_wire_story_that_differs_still_disagrees():
    """A copy does not corroborate, but an outlet that prints the wire story with another
    figure disagrees with it, and the conflict names that outlet."""
    from crosswire.brief import compose_brief
    from test_brief_helpers import art, story_of

    wire = ("The Velk Bank will pay a fine of {}, regulators said on Monday. "
            "The bank misreported its capital for three years, the regulator found. "
            "Its chief executive, Ada Fenn, said the bank had fixed the reports. "
            "Shares of the bank fell 4 percent in early trading in Orrin.")
    first = art("a", "North Star", wire.format("$12 million"), published="2031-03-10",
                numbers=[("$12 million", 12e6, 12e6, "dollar")])
    second = art("b", "South Wire", wire.format("$21 million"), published="2031-03-10",
                 numbers=[("$21 million", 21e6, 21e6, "dollar")])
    story, recs = story_of([first, second], [])
    brief = compose_brief(story, recs)
    (conflict,) = [c for c in brief.conflicting if c.slot.startswith("amount:")]
    assert {s for v in conflict.variants for s in v.sources} == {"North Star", "South Wire"}


def test_brief_outlets_a_set_of_copies_is_headed_by_its_earliest_report():
    """The duplicate detector keeps the copy that came in first, which may be an outlet's
    reprint of the wire story: the wire's own article heads the set of copies."""
    from crosswire.brief.cite import build_context
    from test_brief_helpers import art, story_of

    text = "Hundreds of officers attended the funeral of Officer Lena Brandt in Orrin."
    reprint = art("r", "Courier", text, published="2031-03-10T09:00",
                  duplicates=("w",))
    wire = art("w", "Metro Wire", text, published="2031-03-10T06:00")
    story, recs = story_of([reprint, wire], [])
    ctx = build_context(story, recs)
    assert ctx.label[ctx.group["r"]] == "Metro Wire"  # a copy does not corroborate
    # but the Courier did publish it: a reprint that differs from the wire is a disagreement
    assert ctx.label[ctx.publisher["r"]] == "Courier"
    assert ctx.label[ctx.publisher["w"]] == "Metro Wire"
