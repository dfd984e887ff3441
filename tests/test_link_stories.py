"""Story and event linking on hand-made (fictional) analyzed articles."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.link import LinkConfig, LinkState, link_articles
from crosswire.records import Analyzed, Article, Entity, Extraction, Sentence, TimeRef


def make(aid, text, published=None, title=None, ents=(), times=()):
    """An Analyzed record; ``ents`` = (mention, label[, canonical]), ``times`` = (mention, ISO)."""
    sents, pos = [], 0
    for part in text.split(". "):
        start = text.index(part, pos)
        sents.append(Sentence(start, start + len(part), part))
        pos = start + len(part)
    entities = []
    for spec in ents:
        mention, label = spec[0], spec[1]
        canonical = spec[2] if len(spec) > 2 else mention
        start = -1
        while (start := text.find(mention, start + 1)) >= 0:
            entities.append(Entity(mention, label, canonical, start, start + len(mention)))
    trefs = []
    for mention, value in times:
        start = text.index(mention)
        trefs.append(TimeRef(mention, start, start + len(mention), value, "published", "DATE"))
    art = Article(id=aid, text=text, title=title, published=published, source=f"outlet-{aid}")
    return Analyzed(art, Extraction(aid, tuple(sents), tuple(entities), (), tuple(trefs)))


FUNERAL_1 = make(
    "f1",
    "Thousands of officers gathered in Harborview on Saturday for the funeral of Officer Tomas "
    "Reyes, one of two patrol officers shot in their car on Marlow Street. Mayor Ada Quill "
    "spoke at the service and officers turned their backs. The officers were shot on "
    "December 20 while sitting in the patrol car.",
    published="2031-12-28",
    title="Officers turn backs on Mayor Quill at funeral of Officer Reyes",
    ents=[("Harborview", "GPE"), ("Tomas Reyes", "PERSON"), ("Officer Reyes", "PERSON",
          "Tomas Reyes"), ("Ada Quill", "PERSON"), ("Marlow Street", "FAC"),
          ("Mayor Quill", "PERSON", "Ada Quill")],
    times=[("on Saturday", "2031-12-27"), ("December 20", "2031-12-20")],
)
FUNERAL_2 = make(
    "f2",
    "On Sunday morning Officer Wen Lo, the second officer shot in the patrol car on Marlow "
    "Street, was laid to rest in Harborview. Mayor Ada Quill gave the eulogy a week after the "
    "funeral of his partner Tomas Reyes, and again officers turned their backs. Both officers "
    "were killed on December 20.",
    published="2032-01-05",
    title="Officers turn backs again as Mayor Quill eulogizes Officer Lo",
    ents=[("Harborview", "GPE"), ("Wen Lo", "PERSON"), ("Officer Lo", "PERSON", "Wen Lo"),
          ("Ada Quill", "PERSON"), ("Tomas Reyes", "PERSON"), ("Marlow Street", "FAC"),
          ("Mayor Quill", "PERSON", "Ada Quill")],
    times=[("On Sunday morning", "2032-01-04"), ("December 20", "2031-12-20")],
)
QUAKE_TEXT = (
    "A powerful earthquake of magnitude 6.8 struck {place} early on Tuesday, collapsing "
    "buildings and killing dozens of people. Rescue teams searched the rubble for survivors "
    "as aftershocks shook the region. The geological survey said the quake was shallow."
)
QUAKE_A = make("q1", QUAKE_TEXT.format(place="Norland"), "2031-03-04",
               "Powerful earthquake kills dozens", [("Norland", "GPE")],
               [("on Tuesday", "2031-03-04")])
QUAKE_B = make("q2", QUAKE_TEXT.format(place="Zembia"), "2031-03-05",
               "Powerful earthquake kills dozens", [("Zembia", "GPE")],
               [("on Tuesday", "2031-03-04")])
BUDGET = make(
    "b1",
    "The city council of Easton approved a budget that cuts library hours and raises parking "
    "fees. Council member Rita Vance said the vote was painful but necessary.",
    "2031-12-30",
    "Easton council passes budget with library cuts",
    [("Easton", "GPE"), ("Rita Vance", "PERSON")],
)


def test_link_stories_two_funerals_one_story_two_events():
    state = link_articles([FUNERAL_2, FUNERAL_1])
    assert len(state.stories) == 1
    story = state.stories[0]
    assert story.articles == ("f1", "f2")
    funerals = [e for e in story.events if e.articles]
    assert [(e.date, e.articles) for e in funerals] == [
        ("2031-12-27", ("f1",)),
        ("2032-01-04", ("f2",)),
    ]
    assert funerals[0].date_citations[0].article == "f1"
    start, end = funerals[1].date_citations[0].start, funerals[1].date_citations[0].end
    assert FUNERAL_2.article.text[start:end] == "On Sunday morning"
    assert story.id.startswith("s-") and all(e.id.startswith("e-") for e in story.events)
    assert story.title == FUNERAL_1.article.title


def test_link_stories_earthquakes_in_two_countries_are_two_stories():
    state = link_articles([QUAKE_A, QUAKE_B])
    assert sorted(s.articles for s in state.stories) == [("q1",), ("q2",)]


def test_link_stories_unrelated_story_stays_apart():
    state = link_articles([FUNERAL_1, BUDGET, FUNERAL_2])
    assert sorted(s.articles for s in state.stories) == [("b1",), ("f1", "f2")]


def test_link_stories_incremental_keeps_ids_and_joins():
    first = link_articles([FUNERAL_1, BUDGET])
    ids = {s.articles: s.id for s in first.stories}
    second = link_articles([FUNERAL_2], first)
    assert {s.articles: s.id for s in first.stories} == ids  # input state untouched
    by_id = {s.id: s for s in second.stories}
    assert by_id[ids[("f1",)]].articles == ("f1", "f2")
    assert by_id[ids[("b1",)]].articles == ("b1",)
    old_events = {e.id for s in first.stories for e in s.events}
    assert old_events <= {e.id for s in second.stories for e in s.events}
    assert second.stories == link_articles([FUNERAL_1, BUDGET, FUNERAL_2]).stories


# two articles that share little, and a bridge that shares a lot with both
FERRY_LEFT = make("m1", "Ferry operator Blue Gull cancelled all sailings across Lake Orm after "
            "the engine fire. Passengers waited at the pier.", "2031-05-01",
            "Blue Gull cancels sailings", [("Blue Gull", "ORG"), ("Lake Orm", "LOC")])
FERRY_RIGHT = make("m2", "Investigators from the Transit Safety Board inspected the burned "
             "engine room of the Stella ferry.", "2031-05-02",
             "Safety board inspects Stella", [("Transit Safety Board", "ORG"),
                                               ("Stella", "PRODUCT")])
FERRY_BRIDGE = make("m3", "The Transit Safety Board said the engine fire on the Stella ferry "
              "forced Blue Gull to cancel sailings across Lake Orm; passengers waited at "
              "the pier while investigators inspected the burned engine room.",
              "2031-05-03", "Engine fire on Stella ferry halts Blue Gull sailings",
              [("Blue Gull", "ORG"), ("Lake Orm", "LOC"),
               ("Transit Safety Board", "ORG"), ("Stella", "PRODUCT")])


def test_link_stories_bridging_article_merges_with_alias():
    # two articles that share little; the bridge shares a lot with both
    left, right, bridge = FERRY_LEFT, FERRY_RIGHT, FERRY_BRIDGE
    cfg = LinkConfig(join=0.3, merge=0.3)
    before = link_articles([left, right], config=cfg)
    assert len(before.stories) == 2
    old_ids = [s.id for s in before.stories]
    after = link_articles([bridge], before, config=cfg)
    assert len(after.stories) == 1
    story = after.stories[0]
    assert story.id == old_ids[0]  # the older story's id survives
    assert story.aliases == (old_ids[1],)
    assert after.story(old_ids[1]).id == old_ids[0]
    assert set(story.articles) == {"m1", "m2", "m3"}


@settings(max_examples=15, deadline=None)
@given(rnd=st.randoms(use_true_random=False))
def test_link_stories_ignore_input_order(rnd):
    items = [FUNERAL_1, FUNERAL_2, QUAKE_A, QUAKE_B, BUDGET]
    expected = link_articles(items)
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert link_articles(shuffled).stories == expected.stories


def test_link_state_json_round_trip():
    state = link_articles([FUNERAL_1, QUAKE_A, BUDGET])
    data = json.loads(json.dumps(state.to_json()))
    back = LinkState.from_json(data)
    assert back.stories == state.stories
    assert back.to_json() == state.to_json()
    # continuing from the restored state gives what continuing the live state gives
    assert link_articles([FUNERAL_2, QUAKE_B], back).to_json() == link_articles(
        [FUNERAL_2, QUAKE_B], state
    ).to_json()


def test_link_state_rejects_foreign_json():
    import pytest

    with pytest.raises(ValueError, match="link state"):
        LinkState.from_json({"schema": "something/else"})


def test_link_stories_skip_already_linked_articles():
    state = link_articles([FUNERAL_1])
    again = link_articles([FUNERAL_1], state)
    assert again.stories == state.stories


def test_link_stories_place_named_only_further_down_is_no_veto():
    # same strike; the second report's only place is a side mention late in the text
    # (a tagging slip or background), so the place disagreement is a penalty, not a veto
    text = ("Deckhands of the Blue Gull ferries walked off the job over unpaid overtime. "
            "The union said talks with Blue Gull failed after nine hours. Sailings stopped.")
    first = make("k1", text + " Crews met at the Orm harbour office, Orm officials said.",
                 "2031-05-02",
                 "Blue Gull deckhands strike", [("Orm", "GPE")])
    second = make("k2", text + " A similar dispute ended in Vallis last year, Vallis says.",
                  "2031-05-02", "Blue Gull deckhands walk off the job", [("Vallis", "GPE")])
    assert len(link_articles([first, second]).stories) == 1
    # the same pair leading with different places are two stories (see the quakes)
    lead_a = make("k3", "In Orm, " + text, "2031-05-02", "Orm deckhands strike",
                  [("Orm", "GPE")])
    lead_b = make("k4", "In Vallis, " + text, "2031-05-02", "Vallis deckhands strike",
                  [("Vallis", "GPE")])
    assert len(link_articles([lead_a, lead_b]).stories) == 2


def test_link_stories_title_is_not_a_columnists_first_person_line():
    # two reports without a headline: the one that sorts first is a column in the writer's
    # own voice ("I reported yesterday ..."); the story is titled by the other's lead
    column = make(
        "a1", "I reported yesterday that the Velk ferry board had picked Dr Ilse Marr as its "
        "chair. The board confirmed the choice on Tuesday. Marr will start in May.",
        published="2031-05-02", ents=(("Ilse Marr", "PERSON"), ("Velk", "GPE")))
    report = make(
        "a2", "The Velk ferry board has picked Dr Ilse Marr as its new chair, the board "
        "confirmed on Tuesday. Marr will start in May. The ferry board runs four boats.",
        published="2031-05-02", ents=(("Ilse Marr", "PERSON"), ("Velk", "GPE")))
    state = link_articles([column, report], config=LinkConfig())
    assert len(state.stories) == 1
    assert state.stories[0].title.startswith("The Velk ferry board has picked")
    # nor the event both tell of
    assert [e.title for e in state.stories[0].events if e.articles][0].startswith(
        "The Velk ferry board has picked")
    # the order they come in does not change it
    again = link_articles([report, column], config=LinkConfig())
    assert again.stories[0].title == state.stories[0].title
    assert [e.title for e in again.stories[0].events] == [
        e.title for e in state.stories[0].events]
