"""The store's kept cold tier (issue 18): a run reads only the live stories' rows, and links
exactly as a run that reads every row; a tier that does not match the rows is rebuilt."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from crosswire.link import LinkConfig, link_articles
from crosswire.pipeline import link_and_brief
from crosswire.records import InputRecord
from crosswire.store.duckdb import DuckDBStore
from test_link_archive import fictional, stream
from test_link_saved import grouped

CFG = LinkConfig(active_days=5)


def _batches() -> list[list]:
    """Forty stories a day apart in batches of 20 articles, then late reports of stories
    archived long before (they wake them up), mixed with new ones."""
    items = stream(40)
    rnd = random.Random(7)
    late_day = date(2031, 3, 1) + timedelta(days=45)
    late = [fictional(f"late-{k}", k, late_day, rnd) for k in (2, 9, 17)]
    fresh = [fictional(f"new-{k}-{i}", k, late_day, rnd) for k in (60, 61) for i in range(3)]
    batches = [items[b : b + 20] for b in range(0, len(items), 20)]
    batches.append([*late, *fresh])
    return batches


def _add(store, items) -> None:
    store.add_batch([InputRecord(f"{i.article.id}.json", "ingested", article=i.article.id)
                     for i in items], items, {})


def _reads(monkeypatch) -> list[bool]:
    """The ``archived`` flag of every ``load_link`` call from now on."""
    calls: list[bool] = []
    real = DuckDBStore.load_link

    def load_link(self, archived=True):
        calls.append(archived)
        return real(self, archived)

    monkeypatch.setattr(DuckDBStore, "load_link", load_link)
    return calls


def test_store_cold_a_run_reads_only_live_rows_and_links_as_a_full_read(tmp_path, monkeypatch):
    reads = _reads(monkeypatch)
    kept = DuckDBStore(tmp_path / "kept.duckdb")
    rebuilt = DuckDBStore(tmp_path / "rebuilt.duckdb")
    state = None
    kept_reads, rebuilt_reads = [], []
    for batch in _batches():
        for store in (kept, rebuilt):
            _add(store, batch)
        reads.clear()
        link_and_brief(kept, config=CFG)
        kept_reads += reads
        rebuilt.close()  # its tier is deleted before every run: every row is read
        (tmp_path / "rebuilt.duckdb.cold").unlink(missing_ok=True)
        reads.clear()
        link_and_brief(rebuilt, config=CFG)
        rebuilt_reads += reads
        state = link_articles(batch, state, CFG)
        assert grouped(kept.load_link_state()) == grouped(state.to_json())
        assert kept.story_dicts() == rebuilt.story_dicts()
    assert len(state.cold) >= 20  # stories were archived, and late ones woken up
    assert {"late-2", "late-9", "late-17"} <= set(state.story_of)
    # the kept store read every row on its first run only; the other on every run
    assert kept_reads == [True] + [False] * (len(_batches()) - 1)
    assert rebuilt_reads == [True] * len(_batches())


def _clean_and_kept(tmp_path):
    batches = _batches()
    clean, store = DuckDBStore(tmp_path / "clean.duckdb"), DuckDBStore(tmp_path / "s.duckdb")
    for batch in batches[:-1]:
        for s in (clean, store):
            _add(s, batch)
            link_and_brief(s, config=CFG)
    for s in (clean, store):
        _add(s, batches[-1])
    link_and_brief(clean, config=CFG)
    return clean, store


@pytest.mark.parametrize("damage", ["deleted", "garbage", "left open", "relinked"])
def test_store_cold_a_tier_that_does_not_match_the_rows_is_rebuilt(tmp_path, monkeypatch,
                                                                   damage):
    clean, store = _clean_and_kept(tmp_path)
    cold = tmp_path / "s.duckdb.cold"
    if damage == "left open":  # a run that died after it changed the tier
        store.link_cold().mark_open()
    store.close()
    if damage == "deleted":
        cold.unlink()
    elif damage == "garbage":
        cold.write_bytes(b"not a database " * 100)
    elif damage == "relinked":
        store.reset_links()
    reads = _reads(monkeypatch)
    link_and_brief(store, config=CFG)
    assert reads == [True]  # every row read back into a new tier
    reads.clear()
    if damage == "relinked":  # linked again from the articles, in one run
        clean = DuckDBStore(tmp_path / "once.duckdb")
        _add(clean, [i for b in _batches() for i in b])
        link_and_brief(clean, config=CFG)
    assert store.load_link_state() == clean.load_link_state()
    assert store.story_dicts() == clean.story_dicts()
    _add(store, [fictional("later-0", 70, date(2031, 4, 20), random.Random(1))])
    link_and_brief(store, config=CFG)  # the tier matches again: only the live rows are read
    assert reads[-1] is False


def test_store_cold_two_store_objects_on_one_file_take_turns(tmp_path):
    """Each link run opens the tier afresh: what another object of the same store linked in
    between is read, not a stale copy of its archived stories."""
    one, two = DuckDBStore(tmp_path / "s.duckdb"), DuckDBStore(tmp_path / "s.duckdb")
    alone = DuckDBStore(tmp_path / "alone.duckdb")
    for k, batch in enumerate(_batches()):
        for store in (one if k % 2 else two, alone):
            _add(store, batch)
            link_and_brief(store, config=CFG)
    assert one.load_link_state() == alone.load_link_state()
    assert one.story_dicts() == alone.story_dicts()
