"""Events inside a story and the place veto, on hand-made (fictional) articles."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

import crosswire.link.events as events_module
from crosswire.extract import canonicalize_corpus, extract_article
from crosswire.link import LinkConfig, link_articles
from crosswire.link.features import article_features
from crosswire.records import Analyzed, Article
from test_link_stories import make

FLOOD = make(
    "w1",
    "A flash flood swept through the Tarrow valley late Monday, killing three farm workers "
    "near the Ostrel dam. Rescue crews from Tarrow searched the river banks overnight. "
    "Officials said the Ostrel dam held. The county board will meet on Thursday.",
    "2031-06-03", "Flash flood kills three near Ostrel dam",
    [("Tarrow", "GPE"), ("Ostrel", "FAC")],
    [("late Monday", "2031-06-02"), ("on Thursday", "2031-06-05")],
)
WIRE = make(
    "w2",
    "A flood killed three workers in the Tarrow valley, officials said early Tuesday. The "
    "water rose at 9 p.m. Monday near the Ostrel dam and crews from Tarrow searched the banks.",
    "2031-06-03T08:00", "Three dead as flood hits Tarrow valley",
    [("Tarrow", "GPE"), ("Ostrel", "FAC")],
    [("early Tuesday", "2031-06-03"), ("9 p.m. Monday", "2031-06-02")],
)
BOARD = make(
    "w3",
    "Angry farmers confronted the Tarrow county board at a hearing on Tuesday night, the day "
    "after the flood at the Ostrel dam. Board chair Lina Moss promised an inquiry into the "
    "dam operator and the hearing ran past midnight.",
    "2031-06-05", "Farmers confront county board at flood hearing",
    [("Tarrow", "GPE"), ("Ostrel", "FAC"), ("Lina Moss", "PERSON")],
    [("on Tuesday night", "2031-06-03")],  # the outlet's wrong date: it was Wednesday
)
BOARD_2 = make(
    "w4",
    "The Tarrow county board voted for an inquiry into the Ostrel dam operator at a packed "
    "hearing on Wednesday. Board chair Lina Moss said farmers deserved answers about the flood.",
    "2031-06-06", "County board orders dam inquiry after packed hearing",
    [("Tarrow", "GPE"), ("Ostrel", "FAC"), ("Lina Moss", "PERSON")],
    [("on Wednesday", "2031-06-04")],
)
BOARD_3 = make(
    "w5",
    "At a packed hearing on Wednesday the Tarrow county board backed an inquiry into the dam "
    "operator. Lina Moss, the board chair, told farmers the flood questions would be answered.",
    "2031-06-06T09:00", "Board backs inquiry at packed flood hearing",
    [("Tarrow", "GPE"), ("Lina Moss", "PERSON")],
    [("on Wednesday", "2031-06-04")],
)


def test_link_events_main_date_skips_reporting_time_and_plans():
    assert article_features(FLOOD).event_value == "2031-06-02"  # Thursday is a plan
    assert article_features(WIRE).event_value == "2031-06-02"  # "said early Tuesday" yields


def test_link_events_headline_decides_between_near_dates():
    state = link_articles([FLOOD, WIRE, BOARD, BOARD_2, BOARD_3])
    (story,) = state.stories
    by_date = {e.date: set(e.articles) for e in story.events}
    assert by_date["2031-06-02"] == {"w1", "w2"}
    # the hearing is dated by its majority; the outlet with a wrong date still belongs to it
    assert by_date["2031-06-04"] == {"w3", "w4", "w5"}
    flood = next(e for e in story.events if e.date == "2031-06-02")
    assert "w1" not in flood.mentioned_by


def test_link_events_streets_and_city_are_no_place_conflict():
    street = make(
        "p2", "Crews from Tarrow worked on Kell Street near the Ostrel dam after the flash "
        "flood killed three farm workers. The flood water reached Kell Street by midnight.",
        "2031-06-03", "Flood water reaches Kell Street near Ostrel dam",
        [("Kell Street", "FAC"), ("Tarrow", "ORG")], [("midnight", "2031-06-02")])
    state = link_articles([FLOOD, street])
    assert len(state.stories) == 1


def _event_of(state, aid):
    return next(e.id for e in state.event_data.values() if aid in e.articles)


def test_link_events_fold_when_stories_merge_on_the_same_happening():
    from test_link_stories import FERRY_BRIDGE, FERRY_LEFT, FERRY_RIGHT

    cfg = LinkConfig(join=0.3, merge=0.3)
    before = link_articles([FERRY_LEFT, FERRY_RIGHT], config=cfg)
    assert _event_of(before, "m1") != _event_of(before, "m2")  # two stories, two events
    after = link_articles([FERRY_BRIDGE], before, config=cfg)
    (story,) = after.stories
    # 05-01 and 05-02 are one engine fire: the merged story keeps one event for both
    assert _event_of(after, "m1") == _event_of(after, "m2")
    assert len({e.id for e in after.event_data.values()}) == len(story.events)


def test_link_events_merged_stories_keep_events_that_are_days_apart():
    from dataclasses import replace

    from test_link_stories import FERRY_BRIDGE, FERRY_LEFT, FERRY_RIGHT

    later = replace(FERRY_RIGHT, article=replace(FERRY_RIGHT.article, published="2031-05-09"))
    cfg = LinkConfig(join=0.3, merge=0.3)
    after = link_articles([FERRY_LEFT, later, FERRY_BRIDGE], config=cfg)
    assert len(after.stories) == 1
    assert _event_of(after, "m1") != _event_of(after, "m2")


QUAKE = make(
    "q1",
    "A strong earthquake shook the Velm coast on Monday and cracked the harbour wall at Dessa. "
    "Fishermen in Dessa said their boats were safe.",
    "2031-06-03", "Earthquake cracks Dessa harbour wall",
    [("Velm", "LOC"), ("Dessa", "GPE")], [("on Monday", "2031-06-02")],
)
QUAKE_LATER = make(  # the same quake, dated a day later by this outlet
    "q2",
    "The earthquake that cracked the Dessa harbour wall on Tuesday shook the whole Velm coast. "
    "Fishermen in Dessa said their boats were safe.",
    "2031-06-04", "Dessa harbour wall cracked by earthquake",
    [("Velm", "LOC"), ("Dessa", "GPE")], [("on Tuesday", "2031-06-03")],
)
QUAKE_REPORT = make(  # no date in its lead: dated by its publication, three days on
    "q3",
    "Fishermen in Dessa are still counting the cost after the earthquake cracked the harbour "
    "wall and shook the Velm coast.",
    "2031-06-06", "Dessa fishermen count the cost of the earthquake",
    [("Velm", "LOC"), ("Dessa", "GPE")], [],
)


def test_link_events_the_same_happening_reported_again_is_one_event(monkeypatch):
    state = link_articles([QUAKE, QUAKE_LATER, QUAKE_REPORT])
    (story,) = state.stories
    assert [sorted(e.articles) for e in story.events] == [["q1", "q2", "q3"]]
    # centred on the story's mean, two articles' openings are opposite: only the plain
    # likeness can tell the same happening apart from a new one
    plain_off = LinkConfig(event_plain_near=2.0, event_plain_report=2.0)
    # (q2 and q3, one and four days off, also match q1 on what, where and to whom)
    assert len(link_articles([QUAKE, QUAKE_LATER, QUAKE_REPORT], config=plain_off)
               .stories[0].events) == 1
    monkeypatch.setattr(events_module, "SAME_HAPPENING_DAYS", 0)
    apart = link_articles([QUAKE, QUAKE_LATER, QUAKE_REPORT], config=plain_off)
    assert len(apart.stories[0].events) == 3


# --- one happening dated differently (tests/corpus/footbridge, read through the extractors)

FOOTBRIDGE = Path(__file__).resolve().parent / "corpus" / "footbridge"
COLLAPSE = {"courier-footbridge", "post-footbridge", "wire-footbridge"}


def _footbridge(nlp, **edits):
    """The footbridge corpus, extracted and linked; ``edits`` maps an article id to a
    (old, new) text replacement made before extraction."""
    items = []
    for path in sorted(FOOTBRIDGE.glob("*.json")):
        row = json.loads(path.read_text("utf-8"))
        if row["id"] in edits:
            row["text"] = row["text"].replace(*edits[row["id"]])
        art = Article(id=row["id"], text=row["text"], title=row["title"],
                      source=row["source"], published=row["published"])
        items.append(Analyzed(art, extract_article(art, nlp(art.text))))
    canonical = canonicalize_corpus([item.extraction for item in items])
    items = [replace(item, extraction=x) for item, x in zip(items, canonical, strict=True)]
    return link_articles(items)


def _events(state):
    return {frozenset(e.articles): e for e in state.events()}


def test_link_events_footbridge_reports_that_disagree_on_the_day_are_one_event(nlp):
    state = _footbridge(nlp)
    assert state.features["wire-footbridge"].event_value == "2025-10-09"  # "on Thursday"
    assert state.features["courier-footbridge"].event_value == "2025-10-10"  # "on Friday"
    story = state.story(state.story_of["courier-footbridge"])
    assert {"post-march"} | COLLAPSE <= set(story.articles)
    events = _events(state)
    assert frozenset(COLLAPSE) in events  # one event holds all three reports
    assert events[frozenset(COLLAPSE)].value == "2025-10-10"  # the majority's day


def test_link_events_same_happening_dated_days_apart_joins(nlp, monkeypatch):
    # the wire dates the collapse three days early: a day-apart likeness does not reach
    # that far, only the match on what, where and to whom does
    misdated = {"wire-footbridge": ("on Thursday", "on Tuesday")}
    state = _footbridge(nlp, **misdated)
    assert state.features["wire-footbridge"].event_value == "2025-10-07"
    assert frozenset(COLLAPSE) in _events(state)
    monkeypatch.setattr(events_module, "SAME_HAPPENING_DAYS", 0)
    apart = _footbridge(nlp, **misdated)
    assert frozenset(COLLAPSE) not in _events(apart)
    assert frozenset({"wire-footbridge"}) in _events(apart)


def test_link_events_different_happenings_near_in_time_stay_apart(nlp):
    events = _events(_footbridge(nlp))
    # the march three days later (same town, same mayor, names the bridge), another
    # footbridge collapse two days later in the next village (names Tessmoor and the
    # Larkspur bridge), the grain hall roof eight days later: each a happening of its own
    for aid in ("post-march", "gazette-orrin-footbridge", "courier-grainhall"):
        assert frozenset({aid}) in events, aid


def test_link_events_place_is_where_it_happened_not_a_building_named_in_passing(nlp):
    """An event's place is a city or region, or a building the text puts something in or at:
    'ties between the guards and Town Hall' hold at no hall."""
    text = ("Ties between the guards and Town Hall are at a low ebb. On Sunday morning, the "
            "second warden killed in Orrin was buried while guards stood facing away from the "
            "mayor. The funeral drew thousands.")
    assert _place(nlp, text, "Guards turn their backs at chapel funeral") == "Orrin"


MEASURED_FROM = (  # the town, then the city it is measured from, in either order
    "A bomb exploded on Friday afternoon at a bank in Velk, about 30 miles south of Orsa. Two "
    "officers died. A clerk was treated at a hospital in Orsa and released.",
    "A bomb exploded at a bank about 30 miles south of Orsa on Friday. Two officers died in "
    "the blast at the bank in Velk. A clerk was taken to a hospital in Orsa.")


@pytest.mark.parametrize("text", MEASURED_FROM)
def test_link_events_place_is_not_a_city_it_is_measured_from(nlp, text):
    """'30 miles south of Orsa' says how far the happening was from Orsa: a point to find
    it by, not where it was."""
    assert _place(nlp, text, "Bomb kills two officers at bank") == "Velk"


def _place(nlp, text: str, title: str) -> str | None:
    """The event place of one invented article's features."""
    art = Article(id="p1", text=text, title=title, source="North Star",
                  published="2031-01-05")
    return article_features(Analyzed(art, extract_article(art, nlp(text)))).place


def test_link_events_place_is_never_from_page_furniture(nlp):
    """A read: an event was placed in a country named only by a "READ MORE" link to another
    story. Furniture is no place the happening is in."""
    text = ("The first full moon of the year will light up the sky on Monday night, "
            "astronomers said.\nREAD MORE: Storm lifts roofs off barns across southern "
            "Norway (PHOTOS)\nThe moon will look 14 percent bigger than usual.")
    assert _place(nlp, text, "Year to open with a bright moon") != "Norway"


def _linked(nlp, rows):
    items = []
    for aid, text, title, source, published in rows:
        art = Article(id=aid, text=text, title=title, source=source, published=published)
        items.append(Analyzed(art, extract_article(art, nlp(art.text))))
    canonical = canonicalize_corpus([item.extraction for item in items])
    return link_articles([replace(item, extraction=x)
                          for item, x in zip(items, canonical, strict=True)])


_BREACH_MONDAY = (
    "b1", "Halvern Foods said on Monday that an additional two million customers may have had "
    "their card details stolen in the breach of its payment systems, bringing the total to "
    "nine million customers.\nThe grocer said it had hired Oskar Lind to review the breach.",
    "Halvern Foods says two million more customers hit by breach", "North Star",
    "2031-03-03T18:00")
_BREACH_THURSDAY = (
    "b2", "Millions more customers were affected by the breach of Halvern Foods' payment "
    "systems than the grocer first estimated, Halvern Foods said on Thursday.\nThe grocer "
    "raised its estimate of customers whose card details were stolen to nine million.",
    "Halvern Foods breach hit more customers than first thought", "South Wire",
    "2031-03-03T20:00")


def test_link_events_one_statement_of_no_place_dated_apart_is_one_event(nlp):
    """A company's statement happens nowhere: two reports of it that name no place, match on
    what was said and name the same company are one happening even when one misdates it."""
    state = _linked(nlp, [_BREACH_MONDAY, _BREACH_THURSDAY])
    assert state.story_of["b1"] == state.story_of["b2"]
    assert frozenset({"b1", "b2"}) in _events(state)


def test_link_events_two_statements_of_one_company_stay_apart(nlp):
    """Another statement of the same company, three days apart, is another happening."""
    other = ("b3", "Halvern Foods said on Thursday that its chief executive, Mara Quint, would "
             "step down in June after eleven years at the grocer.\nThe board will name a "
             "successor in May, the company said.",
             "Halvern Foods chief executive to step down", "South Wire", "2031-03-06T20:00")
    state = _linked(nlp, [_BREACH_MONDAY, other])
    assert frozenset({"b1", "b3"}) not in _events(state)


@pytest.mark.parametrize(("text", "place"), [
    pytest.param("BERGEN, Norway — A court charged a teenage climber on Monday with scaling "
                 "the city's dam. Norway's police said the climber could face two years in "
                 "prison. Norway has fined climbers before.", "Bergen", id="dateline"),
    pytest.param("A court in Bergen charged a teenage climber on Monday with scaling the "
                 "city's dam. Norway's police said the climber could face two years in "
                 "prison. Norway has fined climbers before.", "Norway", id="no-dateline"),
])
def test_link_events_place_is_the_datelines_city(nlp, text, place):
    """A report's dateline says where it happened ("<CITY>, <Region> —" in a story whose
    text names another state more often); its city is the event's place, written as a name
    (not in the capitals of the dateline). Without one, the place named most stands (the
    control)."""
    art = Article(id="d1", text=text, title="Climber charged", source="North Star",
                  published="2031-01-05")
    f = article_features(Analyzed(art, extract_article(art, nlp(text))))
    assert f.place == place
