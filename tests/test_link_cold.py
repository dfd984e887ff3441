"""The cold tier (``link.cold``): archived stories live in SQLite, in memory or in a file,
and the state reads through it as if they were still in memory."""

from __future__ import annotations

import random
from datetime import date

import pytest

from crosswire.link import LinkState, link_articles
from crosswire.link.cold import ColdStories
from crosswire.link.index import PROMOTE, TermIndex
from test_link_archive import CFG, fictional, link_in_batches, stream


def test_a_file_backed_cold_tier_links_exactly_like_the_in_memory_one(tmp_path):
    items = stream(40)
    memory = link_in_batches(items, CFG)
    on_disk = LinkState(cold=ColdStories(tmp_path / "cold.sqlite"))
    for b in range(0, len(items), 25):
        link_articles(items[b : b + 25], on_disk, CFG, reuse=True)
    assert len(on_disk.cold) > 20 and len(on_disk.cold) == len(memory.cold)
    assert on_disk.stories == memory.stories
    assert dict(on_disk.story_of.items()) == dict(memory.story_of.items())
    assert on_disk.to_json() == memory.to_json()
    # the file holds the archived stories: a new handle on it finds them again
    again = ColdStories(tmp_path / "cold.sqlite")
    assert sorted(again.ids()) == sorted(memory.cold.ids())
    sid = again.ids()[0]
    assert again.articles_of(sid) == memory.cold.articles_of(sid)


def test_linking_on_without_reuse_leaves_the_old_states_cold_tier_alone():
    state = link_in_batches(stream(30), CFG)
    old = state.story_of["a2-0"]
    assert old in state.cold
    before = state.to_json()
    late = fictional("late-2", 2, date(2031, 4, 2), random.Random(5))
    after = link_articles([late], state, CFG)
    assert old in after.story_data and old not in after.cold  # brought back to join
    assert old in state.cold and state.to_json() == before
    assert state.story_of["a2-0"] == old and "late-2" not in state.story_of


def test_an_archived_story_is_read_back_whole():
    state = link_in_batches(stream(30), CFG)
    sid = state.cold.ids()[0]
    story = state.story(sid)
    assert story.articles and all(state.story_of[a] == sid for a in story.articles)
    events = [e for e in state.events() if e.story == sid]
    assert {e.id for e in events} == {e.id for e in story.events}
    assert len(state.story_of) == len(state.article_ids()) == 30 * 4


def test_a_cold_tier_holding_another_states_stories_is_refused(tmp_path):
    state = LinkState(cold=ColdStories(tmp_path / "cold.sqlite"))
    link_articles(stream(30), state, CFG, reuse=True)
    state.cold.flush()
    with pytest.raises(ValueError, match="new ColdStories"):
        LinkState(cold=ColdStories(tmp_path / "cold.sqlite"))
    with pytest.raises(ValueError, match="pass an empty one"):
        LinkState.from_json(state.to_json(), cold=ColdStories(tmp_path / "cold.sqlite"))
    back = LinkState.from_json(state.to_json(), cold=ColdStories(tmp_path / "other.sqlite"))
    assert back.stories == state.stories and len(back.cold) == len(state.cold)


def test_rare_terms_postings_wait_in_the_cold_tier_and_score_the_same():
    rnd = random.Random(3)
    plain, spilled = TermIndex(), TermIndex(spill=ColdStories())
    common = ["fire", "court", "vote", "storm"]
    for p in range(400):  # summaries of archived stories, anchored out of order at times
        anchor = p if rnd.random() < 0.8 else rnd.randrange(p + 1)
        terms = [*rnd.sample(common, 2), f"@name {p}", f"@group {p // 3}", f"@team {p // 12}"]
        vec = {t: round(rnd.random(), 5) for t in terms}
        plain.put(anchor, vec)
        spilled.put(anchor, vec)
        if rnd.random() < 0.1:  # a story woken and archived again
            plain.remove(anchor, list(vec))
            spilled.remove(anchor, list(vec))
    # names of one story or three wait in the cold tier; teams of twelve and common words
    # moved to memory
    assert not any(t.startswith(("@name", "@group")) for t in spilled.terms)
    assert set(common) <= set(spilled.terms) and "@team 5" in spilled.terms
    assert 0 < len(spilled.spill.postings("@group 7")) < PROMOTE
    vocab = [*common, *(f"@{kind} {k}" for kind in ("name", "group", "team") for k in range(40))]
    for _ in range(100):
        query = [(t, rnd.random()) for t in rnd.sample(vocab, 8)]
        (pa, va), (pb, vb) = plain.scores(query), spilled.scores(query)
        assert dict(zip(pa.tolist(), va.tolist(), strict=True)) == dict(
            zip(pb.tolist(), vb.tolist(), strict=True))


def test_an_index_kept_whole_in_its_spill_trims_and_scores_as_one_in_memory():
    """A store's kept cold tier holds every summary posting (``promote=None``); a term's
    postings are trimmed there to the latest ``MAX_POSTINGS`` as a list in memory is, and
    an index read back from the spill alone scores the same."""
    from crosswire.link.index import MAX_POSTINGS

    rnd = random.Random(5)
    plain, kept = TermIndex(), TermIndex(spill=ColdStories(), promote=None)
    common = ["fire", "court", "vote"]
    entries = []
    for p in range(900):  # common terms pass 2 * MAX_POSTINGS postings: they are trimmed
        anchor = p if rnd.random() < 0.8 else rnd.randrange(p + 1)
        vec = {t: round(rnd.random(), 5) for t in [*common, f"@name {p}", f"@team {p // 12}"]}
        entries.append((anchor, vec))
    half = len(entries) // 2
    for anchor, vec in entries[:half]:
        plain.put(anchor, vec)
        kept.put(anchor, vec)
    kept.put_many(entries[half:])  # the same as one ``put`` after another
    for anchor, vec in entries[half:]:
        plain.put(anchor, vec)
    for anchor, vec in entries[::7]:  # stories woken up
        plain.remove(anchor, list(vec))
        kept.remove(anchor, list(vec))
    assert not kept.terms  # nothing in memory
    for term in common:  # trimmed (900 postings put), then some removed, as in memory
        assert kept.spill.postings(term) == list(zip(plain.terms[term].pos, plain.terms[term].w,
                                                     strict=True))
        assert len(kept.spill.postings(term)) < 2 * MAX_POSTINGS
    # read back from the spill, queried at positions it was never given: a query's sums are
    # kept by the positions it hits, so no room is made for every position first
    again = TermIndex(spill=kept.spill, promote=None, used=True)
    vocab = [*common, *(f"@{kind} {k}" for kind in ("name", "team") for k in range(0, 900, 9))]
    for _ in range(100):
        query = [(t, rnd.random()) for t in rnd.sample(vocab, 6)]
        want = plain.scores(query)
        for index in (kept, again):
            got = index.scores(query)
            assert dict(zip(want[0].tolist(), want[1].tolist(), strict=True)) == dict(
                zip(got[0].tolist(), got[1].tolist(), strict=True))


@pytest.mark.parametrize("limit", [1, 3, 10])
def test_the_latest_postings_of_a_term_are_the_tail_of_all_of_them(limit):
    """A term's latest postings are read from the end of the index (a common term holds up
    to twice as many as are scanned): the same rows, in the same order, as the tail of all
    of them, ties at one position in the order they were added."""
    cold = ColdStories()
    rnd = random.Random(5)
    cold.add_postings([("t", rnd.randrange(6), rnd.random()) for _ in range(8)])
    cold.add_postings([("u", 2, 0.5)])
    assert cold.latest_postings("t", limit) == cold.postings("t")[-limit:]
    assert cold.latest_postings("missing", limit) == []


def test_an_archived_story_is_found_by_id_and_by_founder_position_from_the_tier(tmp_path):
    """issue 18: the tier kept two maps of every archived story in memory (id -> founder
    position, position -> founder and id), read whole each time a store's tier was opened.
    Lookups read the tier's index instead: the same answers, in the order archived, on a
    handle opened afresh and after a story was brought back and archived again."""
    cold = ColdStories(tmp_path / "cold.sqlite", kept=True)
    for k, pos in enumerate([7, 2, 11]):
        cold.put(f"s-{k}", f"a{pos}", {f"a{pos}": pos, f"b{pos}": pos + 1}, [], {"k": k})
    cold.flush()
    again = ColdStories(tmp_path / "cold.sqlite", kept=True)
    for tier in (cold, again):
        assert tier.ids() == ["s-0", "s-1", "s-2"] and len(tier) == 3
        assert "s-1" in tier and "s-9" not in tier and 5 not in tier
        assert [tier.founder_pos(s) for s in tier.ids()] == [7, 2, 11]
        assert tier.anchors([11, 8, 2]) == {11: ("a11", "s-2"), 2: ("a2", "s-1")}
        assert tier.anchor(7) == ("a7", "s-0") and tier.anchor(8) is None and not tier.anchors([])
        with pytest.raises(KeyError):
            tier.founder_pos("s-9")
    data, _, where = cold.take("s-0")
    assert "s-0" not in cold and cold.anchor(7) is None and cold.ids() == ["s-1", "s-2"]
    cold.put("s-0", "a7", where, [], data)
    assert cold.ids() == ["s-1", "s-2", "s-0"] and cold.anchors([7]) == {7: ("a7", "s-0")}
