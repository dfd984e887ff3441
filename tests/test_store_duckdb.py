"""The DuckDB store: batches are atomic, inputs are remembered, readers see snapshots."""

from __future__ import annotations

import pytest

from crosswire.errors import NotFoundError, StoreError
from crosswire.records import (
    Analyzed,
    Article,
    Entity,
    Extraction,
    InputRecord,
    Quote,
)
from crosswire.store.duckdb import DuckDBStore


def _item(aid: str, text: str = "Mayor Ana Ruiz spoke.") -> Analyzed:
    article = Article(id=aid, text=text, title="T", source="Ledger", published="2024-05-01")
    extraction = Extraction(
        article=aid,
        entities=(Entity("Ana Ruiz", "PERSON", "Ana Ruiz", 6, 14, role="Mayor"),),
        quotes=(Quote("spoke", 15, 20, "Ana Ruiz", kind="indirect"),),
    )
    return Analyzed(article, extraction)


@pytest.mark.parametrize("location", ["file", ":memory:"])
def test_store_duckdb_round_trips_batch(tmp_path, location):
    path = tmp_path / "s.duckdb" if location == "file" else ":memory:"
    store = DuckDBStore(path)
    records = [InputRecord("a.txt", "ingested", article="a1"),
               InputRecord("b.txt", "rejected", reason="empty file")]
    store.add_batch(records, [_item("a1")], {"a1": [1, 2, 3]})
    assert store.seen_inputs() == {"a.txt", "b.txt"}
    assert store.inputs() == records
    (item,) = store.analyzed()
    assert item == _item("a1")
    assert store.signatures() == {"a1": [1, 2, 3]}
    assert store.article("a1")["entities"][0]["role"] == "Mayor"


def test_store_duckdb_latest_signatures_oldest_first(tmp_path):
    store = DuckDBStore(tmp_path / "s.duckdb")
    for i in range(5):
        store.add_batch([InputRecord(f"{i}.txt", "ingested", article=f"a{i}")],
                        [_item(f"a{i}")], {f"a{i}": [i, i, i]})
    assert list(store.signatures()) == ["a0", "a1", "a2", "a3", "a4"]
    assert list(store.signatures(limit=2)) == ["a3", "a4"]
    assert store.signed_ids() == {"a0", "a1", "a2", "a3", "a4"}


def test_store_duckdb_batch_is_atomic(tmp_path):
    store = DuckDBStore(tmp_path / "s.duckdb")
    bad = _item("a2")
    with pytest.raises(Exception):
        # a signature that is not a list of integers fails inside the transaction
        store.add_batch([InputRecord("x.txt", "ingested", article="a2")], [bad], {"a2": "nope"})
    assert store.seen_inputs() == set()
    assert store.analyzed() == []


def test_store_duckdb_stories_and_aliases(tmp_path):
    store = DuckDBStore(tmp_path / "s.duckdb")
    story = {"id": "s-1", "title": "Port fire", "articles": ["a1", "a2"], "aliases": ["s-old"],
             "events": [{"id": "e-1", "date": "2024-05-01", "title": "fire", "place": None}],
             "facts": {"agreed": [], "unique": [], "conflicting": [{"slot": "x"}]}}
    store.save_link({"v": 1}, [story])
    assert store.load_link_state() == {"v": 1}
    reader = DuckDBStore(tmp_path / "s.duckdb", read_only=True)
    rows = reader.stories()
    assert rows[0]["id"] == "s-1" and rows[0]["conflicts"] == 1 and rows[0]["events"] == 1
    assert reader.story("s-old")["id"] == "s-1"  # merged story ids keep resolving
    assert reader.stories("port")[0]["id"] == "s-1"
    assert reader.stories("nothing-like-this") == []
    with pytest.raises(NotFoundError, match="crosswire stories"):
        reader.story("s-missing")


def test_store_duckdb_read_only_missing_file_says_how_to_create(tmp_path):
    with pytest.raises(NotFoundError, match="crosswire ingest"):
        DuckDBStore(tmp_path / "none.duckdb", read_only=True)


def test_store_duckdb_refuses_newer_schema(tmp_path):
    import duckdb

    path = tmp_path / "s.duckdb"
    DuckDBStore(path)
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="Upgrade crosswire"):
        DuckDBStore(path)
