"""The DuckDB store: batches are atomic, inputs are remembered, readers see snapshots."""

from __future__ import annotations

import json

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
    store.save_link(None, [story])
    assert store.load_link() is None  # briefs alone: no link state saved
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


# -- the link state as rows (one per story) -------------------------------------------------
def _linked_store(path, items, cfg):
    from crosswire.pipeline import link_and_brief

    store = DuckDBStore(path)
    for start in range(0, len(items), 40):
        part = items[start : start + 40]
        store.add_batch([InputRecord(f"{i.article.id}.json", "ingested", article=i.article.id)
                         for i in part], part, {})
        link_and_brief(store, config=cfg)
    return store


def _add(store, items):
    store.add_batch([InputRecord(f"{i.article.id}.json", "ingested", article=i.article.id)
                     for i in items], items, {})


def test_store_duckdb_a_run_returns_only_the_stories_it_touched(tmp_path):
    """issue 18: adding a batch returned every stored brief (3.8 s and 360 MiB of a 31 s
    batch at 100k articles); it returns the briefs of the stories the batch touched, and the
    whole list is read from the store only when asked."""
    from crosswire.link import LinkConfig
    from crosswire.pipeline import Run, link_and_brief
    from test_link_archive import stream

    cfg = LinkConfig(active_days=5)
    items = stream(31)
    store = _linked_store(tmp_path / "s.duckdb", items[:-4], cfg)
    before = {s["id"] for s in store.story_dicts()}
    _add(store, items[-4:])
    touched = link_and_brief(store, config=cfg)
    every = store.story_dicts()
    assert touched and len(touched) < len(every)
    assert all(s in every for s in touched)
    assert {s["id"] for s in touched} >= {s["id"] for s in every} - before
    assert Run(None, touched, store).stories == every  # type: ignore[arg-type]
    assert Run(None, None, store).stories is None  # type: ignore[arg-type]


def test_store_duckdb_link_rows_written_only_for_touched_stories(tmp_path, monkeypatch):
    import crosswire.store.duckdb as duck
    from crosswire.link import LinkConfig, link_articles
    from crosswire.pipeline import link_and_brief
    from test_link_archive import stream
    from test_link_saved import grouped

    cfg = LinkConfig(active_days=5)
    items = stream(31)
    store = _linked_store(tmp_path / "s.duckdb", items[:-4], cfg)
    rows_before = {r.id: r for r in store.load_link().stories}
    written = []
    real = duck._write_link
    monkeypatch.setattr(duck, "_write_link", lambda con, ch: (written.append(ch), real(con, ch))[1])
    _add(store, items[-4:])  # one more story, a day after the last
    link_and_brief(store, config=cfg)
    (changes,) = written
    new = {r.id for r in changes.stories}
    assert 1 <= len(new) < len(rows_before) // 2  # the new story and those it archived
    rows_after = {r.id: r for r in store.load_link().stories}
    assert all(rows_after[sid] == row for sid, row in rows_before.items() if sid not in new)
    assert {f["id"] for f in changes.features} == {i.article.id for i in items[-4:]}
    # the rows hold what one link of every article in the same batches holds
    state = None
    for start in range(0, len(items) - 4, 40):
        state = link_articles(items[start : min(start + 40, len(items) - 4)], state, cfg)
    state = link_articles(items[-4:], state, cfg)
    assert grouped(store.load_link_state()) == grouped(state.to_json())


def test_store_duckdb_migrates_the_single_row_link_state(tmp_path):
    from importlib import resources

    import duckdb

    from crosswire.link import LinkConfig, link_articles
    from crosswire.pipeline import link_and_brief
    from test_link_archive import link_in_batches, stream
    from test_link_saved import grouped

    cfg = LinkConfig(active_days=5)
    items = stream(31)
    state = link_in_batches(items[:-4], cfg, size=40)
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))  # a store as schema version 1 left it
    con.execute(resources.files("crosswire.store").joinpath("migrations/001_init.sql")
                .read_text())
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO link_state VALUES (1, ?)", [json.dumps(state.to_json())])
    con.close()
    _add(DuckDBStore(path), items[:-4])  # opening it migrates
    store = DuckDBStore(path)
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("4",)
    assert not con.execute("SELECT * FROM information_schema.tables "
                           "WHERE table_name = 'link_state'").fetchall()
    con.close()
    assert grouped(store.load_link_state()) == grouped(state.to_json())
    _add(store, items[-4:])
    link_and_brief(store, config=cfg)  # links on from the converted rows
    assert grouped(store.load_link_state()) == grouped(
        link_articles(items[-4:], state, cfg).to_json())


def test_store_duckdb_link_resumes_after_an_interrupted_save(tmp_path, monkeypatch):
    import crosswire.store.duckdb as duck
    from crosswire.link import LinkConfig
    from crosswire.pipeline import link_and_brief
    from test_link_archive import stream

    cfg = LinkConfig(active_days=5)
    items = stream(31)
    clean = _linked_store(tmp_path / "clean.duckdb", items, cfg)
    store = _linked_store(tmp_path / "s.duckdb", items[:-4], cfg)
    before = store.load_link_state()
    real = duck._write_link

    def killed(con, changes):  # the rows are half written when the run dies
        real(con, changes)
        raise KeyboardInterrupt

    monkeypatch.setattr(duck, "_write_link", killed)
    _add(store, items[-4:])
    with pytest.raises(KeyboardInterrupt):
        link_and_brief(store, config=cfg)
    assert store.load_link_state() == before  # nothing of the run was kept
    monkeypatch.setattr(duck, "_write_link", real)
    touched = link_and_brief(store, config=cfg)  # the next run links the batch again
    assert store.load_link_state() == clean.load_link_state()
    assert store.story_dicts() == clean.story_dicts()
    assert touched and all(s in clean.story_dicts() for s in touched)


def test_store_duckdb_a_repeated_id_keeps_its_text_and_its_extraction_together(tmp_path):
    """A batch that repeats a stored article id (ingest never sends one, but a script may)
    changes nothing: the stored text and the extraction made from it stay a pair, so no
    offset of the extraction points into another text."""
    store = DuckDBStore(tmp_path / "s.duckdb")
    first = Analyzed(Article(id="a1", text="Kestrel Bridge opened on Friday."),
                     Extraction(article="a1", entities=(Entity("Kestrel Bridge", "FAC", 0, 14,
                                                               "Kestrel Bridge"),)))
    again = Analyzed(Article(id="a1", text="A different text altogether, longer."),
                     Extraction(article="a1"))
    store.add_batch([InputRecord("one.txt", "ingested", article="a1")], [first], {})
    store.add_batch([InputRecord("two.txt", "ingested", article="a1")], [again], {})
    (got,) = store.analyzed()
    assert got.article.text == first.article.text
    assert got.extraction == first.extraction


def test_store_duckdb_migrates_json_extractions_to_packed_rows(tmp_path, monkeypatch):
    """A store of schema version 3 kept extractions as a JSON column, which DuckDB compresses
    in blocks; opening it moves them, in chunks, to per-row packed data stored uncompressed,
    and every extraction reads back as it was."""
    from importlib import resources

    import duckdb

    import crosswire.store.duckdb as duck
    from crosswire.records import to_dict

    monkeypatch.setattr(duck, "_PACK_CHUNK", 2)  # several chunks from five rows
    path = tmp_path / "v3.duckdb"
    con = duckdb.connect(str(path))
    for step in ("001_init.sql", "002_link_rows.sql", "003_names.sql"):
        con.execute(resources.files("crosswire.store").joinpath(f"migrations/{step}")
                    .read_text())
    con.execute("INSERT INTO meta VALUES ('schema_version', '3')")
    items = [_item(f"a{i}", f"Mayor Ana Ruiz spoke {i}.") for i in range(5)]
    for i, item in enumerate(items):
        a = item.article
        con.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [a.id, i, a.source, a.title, a.published, a.url, a.author, a.input, a.text])
        con.execute("INSERT INTO extractions VALUES (?, ?)",
                    [a.id, json.dumps(to_dict(item.extraction))])
    con.close()
    store = DuckDBStore(path)  # opening it migrates
    assert store.analyzed() == items
    assert store.analyzed(["a3", "a1"]) == [items[1], items[3]]
    con = duckdb.connect(str(path))
    con.execute("CHECKPOINT")
    kinds = {r[0] for r in con.execute("SELECT compression FROM pragma_storage_info("
                                       "'extractions') WHERE column_name = 'data'").fetchall()}
    assert kinds <= {"Uncompressed", "Constant"}, kinds
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("4",)
    con.close()


def test_store_duckdb_a_run_reads_only_the_articles_after_its_mark(tmp_path, monkeypatch):
    """issue 18: each run read every article id in the store and every linked id to find the
    new ones (0.11 s a batch at 100k articles, growing with the store). The link run saves
    a mark; the next reads the ids after it. Articles stored while a run links (after it
    read the ids, before it saved) are still linked by the next run, and a store without a
    mark (older, or after reset_links) reads them all."""
    from crosswire.link import LinkConfig
    from crosswire.pipeline import link_and_brief, link_new
    from test_link_archive import stream

    cfg = LinkConfig(active_days=5)
    items = stream(31)
    store = DuckDBStore(tmp_path / "s.duckdb")
    _add(store, items[:20])
    link_and_brief(store, config=cfg)
    asked: list[int] = []
    real = store.original_ids
    monkeypatch.setattr(store, "original_ids",
                        lambda after=0: asked.append(after) or real(after))  # type: ignore[func-returns-value]
    _add(store, items[20:24])
    real_unread = store.unread_ids

    def late_arrival() -> tuple[list[str], int]:  # two more come in once the ids are read
        got = real_unread()
        _add(store, items[24:26])
        return got

    monkeypatch.setattr(store, "unread_ids", late_arrival)
    link_and_brief(store, config=cfg)
    assert asked == [20]
    monkeypatch.setattr(store, "unread_ids", real_unread)
    link_and_brief(store, config=cfg)
    assert asked == [20, 24]
    linked = link_new(store, config=cfg)
    assert linked is None  # nothing left unread
    assert set(store.load_link_state()["order"]) == {i.article.id for i in items[:26]}
    store.reset_links()
    link_and_brief(store, config=cfg)
    assert asked[-1] == 0
    assert set(store.load_link_state()["order"]) == {i.article.id for i in items[:26]}


class _Statements:
    """A store connection that notes each statement it runs: its SQL, how many values it
    was given and how many rows it returned."""

    def __init__(self, con, log: list) -> None:
        self._con, self._log = con, log

    def execute(self, sql, params=None):
        self._con.execute(sql, params or [])
        values = sum(len(p) if isinstance(p, list) else 1 for p in params or [])
        self._log.append([" ".join(sql.split()), values, None])
        return self

    def _rows(self, rows):
        self._log[-1][2] = rows if isinstance(rows, int) else len(rows)
        return rows

    def fetchall(self):
        return self._rows(self._con.fetchall())

    def fetchone(self):
        row = self._con.fetchone()
        self._rows(0 if row is None else 1)
        return row

    def __getattr__(self, name):
        return getattr(self._con, name)


def _reads(sql: str, table: str) -> bool:
    return sql.startswith("SELECT") and table in sql


def _story_days(first: int, stories: range, start, rnd) -> list[Analyzed]:
    """Fictional stories ``stories``, one a day from ``start``, four articles each."""
    from datetime import timedelta

    from test_link_archive import fictional

    return [fictional(f"a{k}-{i}", k, start + timedelta(days=first + n + i % 2), rnd)
            for n, k in enumerate(stories) for i in range(4)]


def test_store_duckdb_a_batch_reads_and_writes_the_same_whatever_the_store_holds(
        tmp_path, monkeypatch):
    """issue 18: linking and storing a batch of 50 took 0.63 s in a store of 1k synthetic
    articles and 1.25 s in one of 100k, as a run read every term's document frequency and
    every alias, compared them all with what it had read, and replaced the link rows and
    briefs of the stories it touched in place (DuckDB then rewrote every story's row at the
    checkpoint). Two stores whose live stories are the same, one of them holding six times
    as many older, archived stories, take the same batch: every statement the batch runs on
    them, the values it is given and the rows it returns are the same (of the document
    frequencies it asks for, the large store knows more), and no story row is replaced in
    place."""
    from contextlib import contextmanager
    from datetime import date, timedelta
    from random import Random

    from crosswire.link import LinkConfig
    from crosswire.pipeline import link_and_brief
    from test_link_archive import fictional

    cfg = LinkConfig(active_days=5)
    start = date(2031, 3, 1)
    live = _story_days(0, range(6), start, Random(1))  # the same objects in both stores
    old = _story_days(-200, range(100, 136), start, Random(2))
    rnd = Random(3)
    batch = [*(fictional(f"n{i}", 60, start + timedelta(days=6), rnd) for i in range(4)),
             *(fictional(f"j{i}", 5, start + timedelta(days=6), rnd) for i in range(2))]
    small = _linked_store(tmp_path / "small.duckdb", live, cfg)
    large = _linked_store(tmp_path / "large.duckdb", [*old, *live], cfg)
    assert len(large.stories()) >= 6 * len(small.stories())

    real = DuckDBStore._connect

    def run(store) -> list:
        log: list = []

        @contextmanager
        def noted(self):
            with real(self) as con:
                yield con if isinstance(con, _Statements) else _Statements(con, log)

        _add(store, batch)
        monkeypatch.setattr(DuckDBStore, "_connect", noted)
        link_and_brief(store, config=cfg)
        monkeypatch.setattr(DuckDBStore, "_connect", real)
        return log

    def shape(log: list) -> list:  # the large store knows more of the terms it asks for
        return [(sql, values, None if _reads(sql, "link_terms") else rows)
                for sql, values, rows in log]

    ran = run(small)
    assert shape(ran) == shape(run(large))
    terms = [(values, rows) for sql, values, rows in ran if _reads(sql, "link_terms")]
    assert terms and all(rows <= values for values, rows in terms)  # those it asks for
    assert not any(_reads(sql, "link_aliases") for sql, _, _ in ran)
    for table in ("link_stories", "link_features", "stories"):
        assert not any(sql.startswith(f"INSERT OR REPLACE INTO {table} ") for sql, _, _ in ran)


def test_store_duckdb_reads_only_the_copies_of_the_articles_it_reads(tmp_path, monkeypatch):
    """issue 18: every read of some articles (the linker's chunk, each group of stories to
    brief) also read every near-duplicate copy in the store, a list that grows with it. A
    read of some articles reads their copies only, and gives them the copies a read of all
    gives them, in input order; a word-for-word copy is still no carrier."""
    from contextlib import contextmanager

    store = DuckDBStore(tmp_path / "s.duckdb")
    originals = [_item(f"o{k}", f"Mayor Ana Ruiz spoke, {k}.") for k in range(12)]
    copies = [_item(f"c{k}-{i}", f"Mayor Ana Ruiz spoke, {k}; {i}.")
              for k in range(12) for i in range(2)]
    records = [InputRecord(f"{i.article.id}.json", "ingested", article=i.article.id)
               for i in originals]
    records += [InputRecord(f"{c.article.id}.json", "duplicate", article=c.article.id,
                            duplicate_of=f"o{c.article.id[1:].split('-')[0]}",
                            reason="near-duplicate of o")
                for c in copies]
    records.append(InputRecord("same.json", "duplicate", article="o3", duplicate_of="o3",
                               reason="exact copy of o3"))
    store.add_batch(records, [*originals, *copies], {})
    every = {i.article.id: i.duplicates for i in store.analyzed()}
    assert every["o3"] == ("c3-0", "c3-1")

    log: list = []
    real = DuckDBStore._connect

    @contextmanager
    def noted(self):
        with real(self) as con:
            yield _Statements(con, log)

    monkeypatch.setattr(DuckDBStore, "_connect", noted)
    some = store.analyzed(["o3", "o7", "c5-0"])
    assert [i.article.id for i in some] == ["o3", "o7", "c5-0"]
    assert {i.article.id: i.duplicates for i in some} == {
        a: every[a] for a in ("o3", "o7", "c5-0")}
    copies_read = [rows for sql, _, rows in log if _reads(sql, "FROM inputs")]
    assert copies_read == [4, 0]  # o3's and o7's copies, not the store's 24 (then copies
    # of those copies: none)



def _brief(i: int, version: int = 0) -> dict:
    return {"id": f"s{i:04d}", "title": f"Story {i}, take {version}", "articles": [f"a{i}"],
            "events": [], "note": "An invented line of text. " * 12}


def _data_segments(store: DuckDBStore, table: str = "stories") -> list[tuple[int, int, int]]:
    """(row group, block, offset) of each stored segment of ``table``'s JSON column."""
    with store._connect() as con:
        return con.execute(
            "SELECT row_group_id, block_id, block_offset FROM pragma_storage_info(?) "
            "WHERE column_name = 'data' AND segment_type <> 'VALIDITY' ORDER BY ALL",
            [table]).fetchall()


def test_store_duckdb_a_batch_leaves_the_rows_it_did_not_change_where_they_are(tmp_path):
    """issue 18: linking and storing a batch of 50 took 27% longer in a store of 100k
    synthetic articles than in one of 1k. The rows of the stories a batch touches are
    deleted and appended (``_replace_many``), and DuckDB's checkpoint then vacuumed the
    row group holding the deleted rows, rewriting every row in it (12 MB of link rows and
    4 MB of briefs a batch at 30k articles, against 1 MB at 1k). Rewriting three briefs of
    300 leaves the other 297 where they were: the new rows go to a row group of their own."""
    store = DuckDBStore(tmp_path / "s.duckdb")
    store.save_link(None, [_brief(i) for i in range(300)])
    before = _data_segments(store)
    store.save_link(None, [_brief(i, 1) for i in (3, 100, 250)])
    after = _data_segments(store)
    assert after[: len(before)] == before
    assert len(after) > len(before)
    assert store.story("s0100")["title"] == "Story 100, take 1"
    assert len(store.stories()) == 300


def test_store_duckdb_compacts_once_enough_rows_were_deleted(tmp_path):
    """The rows deleted in place of new ones are reclaimed, all at once, when as many were
    deleted since the store last compacted as it holds articles (and at least
    ``compact_after``): a compaction costs about as much as the store is large, so it comes
    after a number of batches that grows with the store, and each batch's share stays flat."""
    store = DuckDBStore(tmp_path / "s.duckdb")
    store.compact_after = 5
    store.save_link(None, [_brief(i) for i in range(300)])
    store.save_link(None, [_brief(i, 1) for i in (3, 100)])  # 2 (of 5) deleted: kept
    assert len(_data_segments(store)) == 2
    store.save_link(None, [_brief(i, 2) for i in (4, 101, 102)])  # 5: compacted
    assert len(_data_segments(store)) == 1
    with store._connect() as con:
        stored = con.execute("SELECT sum(count) FROM pragma_storage_info('stories') "
                             "WHERE column_name = 'id' AND segment_type <> 'VALIDITY'"
                             ).fetchone()[0]
    assert stored == 300  # no deleted row left
    assert [store.story(f"s{i:04d}")["title"] for i in (3, 4)] == [
        "Story 3, take 1", "Story 4, take 2"]


def test_store_duckdb_an_ingest_alone_compacts_as_the_store_doubles(tmp_path, monkeypatch):
    """Added rows count as well (with vacuuming deferred, each batch's rows make a row group
    of their own, merged when the store compacts): a store that only ever takes articles
    compacts each time it has taken as many as it held at its last compaction (and at least
    ``compact_after``), as it doubles, so the rewrites' cost per article stays flat."""
    store = DuckDBStore(tmp_path / "s.duckdb")
    store.compact_after = 10
    held: list[int] = []

    def noted(self, con):
        held.append(int(con.execute("SELECT max(seq) FROM articles").fetchone()[0]))

    monkeypatch.setattr(DuckDBStore, "_compact_at_close", noted)
    for batch in range(6):
        _add(store, [_item(f"b{batch}-{i}", f"Mayor Ana Ruiz spoke, {batch} {i}.")
                     for i in range(10)])
    assert held == [10, 20, 40]


def test_store_duckdb_a_copy_of_a_copy_is_listed_beside_the_original(tmp_path):
    """Read on a real cluster: an outlet's copy matched another outlet's copy more closely
    than the original, so it was recorded as a copy of that copy, and no story listed it
    (copies were read one level deep). A copy of a copy is listed beside the original, by
    a read of all articles and by a read of the original."""
    store = DuckDBStore(tmp_path / "s.duckdb")
    items = [_item("o1", "Mayor Ana Ruiz spoke at the pier."),
             _item("c1", "Mayor Ana Ruiz spoke at the pier today."),
             _item("c2", "Mayor Ana Ruiz spoke at the pier today, officials said.")]
    records = [InputRecord("o1.json", "ingested", article="o1"),
               InputRecord("c1.json", "duplicate", article="c1", duplicate_of="o1",
                           reason="near-duplicate of o1"),
               InputRecord("c2.json", "duplicate", article="c2", duplicate_of="c1",
                           reason="near-duplicate of c1")]
    store.add_batch(records, items, {})
    every = {i.article.id: i.duplicates for i in store.analyzed()}
    assert every["o1"] == ("c1", "c2")
    (one,) = store.analyzed(["o1"])
    assert one.duplicates == ("c1", "c2")
