"""The link state as a store keeps it: one row per story, rows per feature, term and alias."""

from __future__ import annotations

import json

from crosswire.link import LinkConfig, link_articles
from crosswire.link.saved import baseline_of, changes_since, join_rows, load_state, split_state
from test_link_archive import link_in_batches, stream
from test_link_stories import FERRY_BRIDGE, FERRY_LEFT, FERRY_RIGHT

CFG = LinkConfig(active_days=5, join=0.3, merge=0.3)


def grouped(data: dict) -> str:
    """A state's JSON with its events listed story by story (the rows keep each story's
    events in order; the order across stories carries nothing)."""
    rank = {s["id"]: i for i, s in enumerate(data["stories"])}
    return json.dumps({**data, "events": sorted(data["events"], key=lambda e: rank[e["story"]])},
                      sort_keys=True)


def test_link_saved_rows_round_trip_live_archived_and_merged():
    state = link_in_batches(stream(30), CFG)
    state = link_articles([FERRY_LEFT, FERRY_RIGHT], state, CFG)
    state = link_articles([FERRY_BRIDGE], state, CFG)
    assert len(state.cold) and state.alias_of and state.story_data
    data = json.loads(json.dumps(state.to_json()))
    saved = split_state(data)
    assert len(saved.stories) == len(state.story_ids())
    assert {r.id for r in saved.stories if r.live is None} == set(state.cold.ids())
    assert grouped(join_rows(saved)) == grouped(data)
    back = load_state(saved)
    assert back.stories == state.stories
    more = stream(34)[120:]
    assert (dict(link_articles(more, back, CFG).story_of.items())
            == dict(link_articles(more, state, CFG).story_of.items()))


def test_link_saved_changes_name_only_the_touched_stories():
    saved = split_state(link_in_batches(stream(30), CFG).to_json())
    state = load_state(saved)
    state = link_articles(stream(31)[-4:], state, CFG, reuse=True)  # one more story
    changes = changes_since(state, baseline_of(saved))
    new = state.story_of["a30-0"]
    written = {r.id for r in changes.stories}
    assert new in written and len(written) < len(saved.stories) // 2
    assert {f["id"] for f in changes.features} == {f"a30-{i}" for i in range(4)}
    assert set(changes.df) and all(state.df[t] == n for t, n in changes.df.items())
    # what is not written is what was saved: the rows then equal the state saved whole
    rows = {r.id: r for r in saved.stories if r.id not in set(changes.removed)}
    rows.update((r.id, r) for r in changes.stories)
    features = {f["id"]: f for f in saved.features if f["id"] not in set(changes.dropped)}
    features.update((f["id"], f) for f in changes.features)
    merged = type(saved)(changes.count, list(rows.values()), list(features.values()),
                         {**saved.df, **changes.df}, {**saved.aliases, **changes.aliases})
    assert grouped(join_rows(merged)) == grouped(state.to_json())


def test_link_saved_rows_with_positional_lists_load_as_records(tmp_path):
    """Rows saved before the dates had named records hold plain lists (``[article, start,
    end]``, ``[day, article, start, end]``, ``[first, last, article, start, end]``): they load
    as the records, save back unchanged and link on as the live state does."""
    from crosswire.link.features import ArticleFeatures, DateCite, DayMention, PeriodMention
    from crosswire.link.saved import LinkChanges
    from crosswire.store.duckdb import DuckDBStore
    from test_link_stories import FUNERAL_1, FUNERAL_2, QUAKE_A

    state = link_articles([FUNERAL_1, FUNERAL_2])
    old = json.loads(json.dumps(state.to_json()))
    f1 = next(f for f in old["features"] if f["id"] == "f1")
    event = next(e for e in old["events"] if e["founder"] == "f1")
    assert f1["event_cites"] == [["f1", 45, 56]] and event["cites"] == [["f1", 45, 56]]
    assert f1["mentions"] == [[741796, "f1", 256, 267]]
    rows = split_state(old)  # the old dicts as they are, written as a first run writes
    store = DuckDBStore(tmp_path / "old.duckdb")
    store.save_link(LinkChanges(rows.count, rows.stories, [], rows.features, [], rows.df,
                                rows.aliases), [])

    saved = store.load_link()
    back = load_state(saved)
    feats = back.features["f1"]
    assert feats.event_cites == [DateCite("f1", 45, 56)] and feats.event_cites[0].start == 45
    assert feats.mentions == [DayMention(741796, "f1", 256, 267)]
    assert feats.mentions[0].day == 741796
    assert back.event_data[event["id"]].cites == [DateCite("f1", 45, 56)]
    assert grouped(back.to_json()) == grouped(old)  # saved back as the same lists
    assert link_articles([QUAKE_A], back).to_json() == link_articles([QUAKE_A], state).to_json()
    # no fixture names a month or week: a background period as an old row held it
    period = ArticleFeatures.from_json({**f1, "periods": [[741770, 741800, "f1", 256, 267]]})
    assert period.periods == [PeriodMention(741770, 741800, "f1", 256, 267)]
    assert period.periods[0].last == 741800
    assert period.to_json()["periods"] == [[741770, 741800, "f1", 256, 267]]


def test_link_saved_a_state_resumed_without_its_frequencies_reads_them_as_it_links(tmp_path):
    """Beside a store's kept cold tier a run reads the live stories' rows only; the document
    frequencies are read as linking needs them, and the state links as the whole one does,
    says what it changed the same way, and refuses to be written out whole."""
    import pytest

    from crosswire.link.cold import ColdStories

    whole = link_in_batches(stream(30), CFG)
    saved = split_state(json.loads(json.dumps(whole.to_json())))
    cold = ColdStories(tmp_path / "tier", kept=True)
    load_state(saved, cold)  # fills the tier with the archived stories ...
    cold.indexed = True  # ... as a store's kept tier holds them
    live = type(saved)(saved.count, [r for r in saved.stories if r.live is not None],
                       saved.features, {}, {}, whole=False)
    with pytest.raises(ValueError, match="terms=store.link_terms"):
        load_state(live, cold)
    asked: list[list[str]] = []

    def terms(wanted: list[str]) -> dict[str, int]:
        asked.append(wanted)
        return {t: saved.df[t] for t in wanted if t in saved.df}

    resumed = load_state(live, cold, terms)
    more = stream(31)[-4:]
    resumed = link_articles(more, resumed, CFG, reuse=True)
    whole = link_articles(more, load_state(saved), CFG)
    assert dict(resumed.story_of.items()) == dict(whole.story_of.items())
    assert sum(map(len, asked)) < len(saved.df)
    assert (changes_since(resumed, baseline_of(live))
            == changes_since(whole, baseline_of(saved)))
    with pytest.raises(ValueError, match="resumed from a store's rows"):
        resumed.to_json()
