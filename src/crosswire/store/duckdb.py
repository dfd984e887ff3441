"""The default store: one embedded DuckDB file (``./crosswire.duckdb``), no server.

DuckDB lets one process write a file, or several processes read it, never both at once.
crosswire keeps connections short: a writer opens the file for one batch (one transaction)
and closes it, readers (``crosswire stories``, ``crosswire serve``) open it read-only per
request. Whoever finds the file locked retries for ``busy_timeout`` seconds and then raises
``StoreBusyError`` with a message saying which command to wait for. ``:memory:`` keeps one
connection for the life of the object (the Python API's default).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
import uuid
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from ..errors import NotFoundError, StoreBusyError, StoreError
from ..link.cold import ColdStories
from ..link.saved import LinkChanges, SavedLink, StoryRow, join_rows
from ..records import (
    EXACT_COPY,
    Analyzed,
    Extraction,
    InputRecord,
    Names,
    article_from_dict,
    extraction_from_dict,
    shown_extraction,
    to_dict,
)
from ..registry import stores
from .base import SCHEMA_VERSION

log = logging.getLogger(__name__)

_RESIGN_CHUNK = 2000  # articles whose signatures are recomputed per query
# the store compacts once the rows deleted or added since it last did reach this many, and
# as many as it held articles then (``DuckDBStore._count_changed``; why: ``_defer_vacuum``)
COMPACT_AFTER = 10_000
_ARTICLE_COLUMNS = ("id", "source", "title", "published", "url", "author", "input", "text")


def _is_lock_error(err: Exception) -> bool:
    text = str(err).lower()
    return "lock" in text or "conflicting" in text or "being used" in text


def _current_scheme() -> int:
    from ..ingest.dedup import SCHEME_VERSION

    return SCHEME_VERSION


def _resigned(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[tuple[str, list[int]]]:
    """``(article id, signature)`` of the current scheme from the stored texts, in ``ids``
    order; ids without a stored article are left out."""
    from ..ingest.dedup import fingerprint

    texts = dict(con.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))",
                             [ids]).fetchall())
    return [(a, fingerprint(texts[a]).values.tolist()) for a in ids if a in texts]


def _pack(extraction: Extraction) -> bytes:
    """An extraction as the store keeps it: its JSON dict, zlib-compressed (a row read alone
    is decoded alone; see migrations/004_packed_extractions.sql)."""
    return _pack_json(json.dumps(to_dict(extraction), ensure_ascii=False))


def _pack_json(text: str) -> bytes:
    return zlib.compress(text.encode(), 6)


def _unpack(data: bytes) -> dict[str, Any]:
    return dict(json.loads(zlib.decompress(data)))


_PACK_CHUNK = 5000  # rows per step of migration 4 (memory holds one step's JSON)


def _pack_extractions(con: duckdb.DuckDBPyConnection) -> None:
    """Migration 4: the JSON extractions become packed rows (``_pack``), a chunk at a time
    in key order, and the packed table takes the old one's name."""
    after = ""
    while True:
        rows = con.execute("SELECT article, data FROM extractions WHERE article > ? "
                           "ORDER BY article LIMIT ?", [after, _PACK_CHUNK]).fetchall()
        if not rows:
            break
        _insert_many(con, "extractions_packed", [
            (aid, _pack_json(str(data))) for aid, data in rows])
        after = rows[-1][0]
    con.execute("DROP TABLE extractions")
    con.execute("ALTER TABLE extractions_packed RENAME TO extractions")


def _copies_by_original(rows: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    """(original, copy) rows as each original's copies in row order, a copy of a copy
    listed beside the original it copies (a copy can match another copy more closely than
    the original: an outlet reprinting a reprint)."""
    root = {copy: original for original, copy in rows if copy != original}

    def original_of(aid: str) -> str:
        seen = {aid}
        while aid in root and root[aid] not in seen:
            aid = root[aid]
            seen.add(aid)
        return aid

    out: dict[str, list[str]] = {}
    for original, copy in rows:
        if copy != original:
            out.setdefault(original_of(copy), []).append(copy)
    return out


def _in_list(column: str, values: Sequence[Any]) -> str:
    """``column IN (?, ?, ...)``, one placeholder per value. A list of values DuckDB pushes
    into the table scan, which then copies only the matching rows' other columns; ``IN
    (SELECT unnest(?))`` joins after the scan, which reads every row of them (400 of 100k
    articles: 0.07 s against 0.2 s from a fresh connection, and the gap grows with the
    table)."""
    return f"{column} IN ({', '.join('?' * len(values))})" if values else "FALSE"


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Any:
    """The one value of a query that always returns one row (a count, a max)."""
    row = con.execute(sql, params or []).fetchone()
    if row is None:
        raise RuntimeError(f"no row from {sql!r}")
    return row[0]


def _insert_many(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[Any, ...]],
                 replace: bool = False) -> None:
    """One multi-row INSERT (row-by-row inserts cost a round trip each)."""
    if not rows:
        return
    verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
    marks = "(" + ", ".join("?" * len(rows[0])) + ")"
    for start in range(0, len(rows), 500):
        chunk = rows[start : start + 500]
        sql = f"{verb} INTO {table} VALUES " + ", ".join([marks] * len(chunk))  # noqa: S608
        con.execute(sql, [value for row in chunk for value in row])


def _insert_keyed(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[tuple[Any, ...]],
                  replace: bool = False) -> None:
    """``_insert_many`` for rows read back by their key (their first value) or in an order
    of their own, never in the order they were written (neither keeps it): one list per
    column, unnested side by side, where binding one parameter per value took 0.1 s for
    the 3,000 document frequencies a batch of 50 articles changes. With ``replace`` a row
    takes the place of the stored one with its key, as an update in place; of rows with
    the same key the last wins."""
    if not rows:
        return
    if replace:
        rows = list({row[0]: row for row in rows}.values())
    verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
    columns = ", ".join(["unnest(?)"] * len(rows[0]))
    con.execute(f"{verb} INTO {table} SELECT {columns}",  # noqa: S608
                [list(column) for column in zip(*rows, strict=True)])


def _defer_vacuum(con: duckdb.DuckDBPyConnection) -> None:
    """A writer's checkpoints leave the row groups that hold deleted rows as they are.

    A batch's link rows and briefs replace those of the stories it touched: the stored
    rows are deleted and the new ones appended (``_replace_many``). DuckDB's checkpoint
    vacuums a row group that holds deleted rows, which rewrites every row in it: below
    122,880 rows, the whole table. Every batch then rewrote all the link rows and briefs
    (12 MB of link rows and 4 MB of briefs at 30k articles, against 1 MB at 1k), and its
    cost grew with the store. With vacuuming deferred, a checkpoint appends the new rows
    in a row group of their own and marks the old ones deleted; the deleted rows are
    reclaimed, and the small row groups merged, all at once when the store compacts
    (``DuckDBStore._count_changed``)."""
    try:
        con.execute("SET max_vacuum_tasks = 0")
    except duckdb.Error:  # a DuckDB without the setting vacuums at each checkpoint, as before
        log.debug("this DuckDB vacuums at every checkpoint (no max_vacuum_tasks)")


def _delete_where_in(con: duckdb.DuckDBPyConnection, table: str, column: str,
                     values: Sequence[Any]) -> int:
    """``DELETE FROM table WHERE column IN values``, a value list at a time; returns how
    many rows were deleted."""
    deleted = 0
    for start in range(0, len(values), 1000):
        part = list(values[start : start + 1000])
        deleted += _deleted(con.execute(
            f"DELETE FROM {table} WHERE {_in_list(column, part)}", part))  # noqa: S608
    return deleted


def _deleted(result: duckdb.DuckDBPyConnection) -> int:
    """How many rows the DELETE just run deleted."""
    row = result.fetchone()
    return int(row[0]) if row else 0


def _replace_many(con: duckdb.DuckDBPyConnection, table: str, column: str,
                  rows: Sequence[tuple[Any, ...]]) -> int:
    """Rows keyed by their first value (``column``), in place of any stored with the same
    keys (the last row of a key wins), for rows of large JSON: the stored rows are deleted
    and the new ones inserted; returns how many were deleted. DuckDB does an INSERT OR
    REPLACE of a stored key as an update in place, and the next checkpoint rewrites the
    updated columns of the whole row group (below 122,880 rows, the whole table); a deleted
    row only leaves a mark (while vacuuming is deferred: ``_defer_vacuum``) and a new row is
    appended. Replacing the link rows of a batch's stories in place rewrote every story's
    row at each batch (some 40 MiB a batch in a store of 100k articles). Small rows are
    cheaper replaced in place (``_insert_keyed(replace=True)``): the delete costs more."""
    latest = list({row[0]: row for row in rows}.values())
    deleted = _delete_where_in(con, table, column, [row[0] for row in latest])
    _insert_keyed(con, table, latest)
    return deleted


def _write_link(con: duckdb.DuckDBPyConnection, changes: LinkChanges) -> tuple[str, int]:
    """The rows of ``changes`` (inside the caller's transaction); returns the saved state's
    new token and how many stored rows were deleted."""
    deleted = _delete_where_in(con, "link_stories", "id", changes.removed)
    deleted += _replace_many(con, "link_stories", "id", [
        (r.id, r.founder_pos, r.live, json.dumps(r.data, ensure_ascii=False))
        for r in changes.stories])
    deleted += _delete_where_in(con, "link_features", "article", changes.dropped)
    deleted += _replace_many(con, "link_features", "article", [
        (f["id"], json.dumps(f, ensure_ascii=False)) for f in changes.features])
    _insert_keyed(con, "link_terms", list(changes.df.items()), replace=True)
    _insert_keyed(con, "link_aliases", list(changes.aliases.items()), replace=True)
    # a new token for the saved state: a kept cold tier is valid only with the same one
    token = uuid.uuid4().hex
    _insert_keyed(con, "meta", [("link_count", str(changes.count)), ("link_token", token)],
                  replace=True)
    return token, deleted


def _story_row(story: dict[str, Any]) -> tuple[Any, ...]:
    """A story brief as a row of ``stories``: id, title, article count, first date, JSON."""
    dates = sorted(e["date"] for e in story.get("events", []) if e.get("date"))
    return (story["id"], story.get("title"), len(story.get("articles", [])),
            dates[0] if dates else None, json.dumps(story, ensure_ascii=False))


class DuckDBStore:
    def __init__(self, path: str | Path = "crosswire.duckdb", *, read_only: bool = False,
                 busy_timeout: float = 30.0) -> None:
        self.location = str(path)
        self.read_only = read_only
        self.busy_timeout = busy_timeout
        self._memory = self.location == ":memory:"
        self._con: duckdb.DuckDBPyConnection | None = None
        self._cold: ColdStories | None = None  # the kept cold tier (``link_cold``)
        self.compact_after = COMPACT_AFTER  # see ``_count_changed``
        if self._memory:
            self._con = duckdb.connect(":memory:")
            self._migrate(self._con)
        elif read_only:
            if not Path(self.location).exists():
                raise NotFoundError(
                    f"No crosswire store at {self.location}. Create one with "
                    "`crosswire ingest FILES --store PATH` or `crosswire run`."
                )
        else:
            Path(self.location).parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as con:
                self._migrate(con)

    # -- connections -------------------------------------------------------------------
    @contextmanager
    def _connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self._con is not None:
            yield self._con
            return
        deadline = time.monotonic() + self.busy_timeout
        delay = 0.05
        while True:
            try:
                con = duckdb.connect(self.location, read_only=self.read_only)
                break
            except duckdb.Error as err:
                if not _is_lock_error(err):
                    raise StoreError(f"Cannot open the store {self.location}: {err}") from err
                if time.monotonic() >= deadline:
                    raise StoreBusyError(
                        f"The store {self.location} is busy: another crosswire process is "
                        "writing to it (DuckDB allows one writer at a time). Wait for that "
                        "`crosswire ingest`/`run` to finish, or use another --store."
                    ) from err
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
        if not self.read_only:
            _defer_vacuum(con)
        try:
            yield con
        finally:
            con.close()

    @contextmanager
    def session(self) -> Iterator[None]:
        """One connection for every call inside the block (reading a link state makes
        about ten calls, and opening a file of 100k articles costs 20 ms each time). Other
        processes wait for the whole block as they wait for one call, so keep it short."""
        if self._con is not None:
            yield
            return
        with self._connect() as con:
            self._con = con
            try:
                yield
            finally:
                self._con = None

    def _migrate(self, con: duckdb.DuckDBPyConnection) -> None:
        """Bring the schema to ``SCHEMA_VERSION``: each ``migrations/NNN_*.sql`` newer than
        the store's version runs once, in order, in one transaction with its data step."""
        has_meta = _scalar(con, "SELECT count(*) FROM information_schema.tables "
                                "WHERE table_name = 'meta'")
        row = (con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
               if has_meta else None)
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"The store {self.location} has schema version {version}, newer than this "
                f"crosswire understands ({SCHEMA_VERSION}). Upgrade crosswire."
            )
        folder = resources.files("crosswire.store").joinpath("migrations")
        steps = sorted((int(f.name.split("_", 1)[0]), f) for f in folder.iterdir()
                       if f.name.endswith(".sql"))
        for number, sql in steps:
            if number <= version:
                continue
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(sql.read_text())
                if number == 2:
                    self._link_state_to_rows(con)
                if number == 4:
                    _pack_extractions(con)
                con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                            [str(number)])
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        if not self.read_only:
            self._resign_if_stale(con)

    def _link_state_to_rows(self, con: duckdb.DuckDBPyConnection) -> None:
        """Migration 2: the old single JSON row of the link state becomes one row per story
        and rows per article, term and alias (``link.saved.split_state``)."""
        from ..link.saved import split_state

        row = con.execute("SELECT data FROM link_state WHERE id = 1").fetchone()
        if row is not None:
            saved = split_state(json.loads(row[0]))
            log.info("%s: link state converted to %d story rows", self.location,
                     len(saved.stories))
            _write_link(con, LinkChanges(saved.count, saved.stories, [], saved.features, [],
                                         saved.df, saved.aliases))
        con.execute("DROP TABLE link_state")

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        if self._cold is not None:
            self._cold.close()
            self._cold = None

    # -- the kept cold tier of the link state -------------------------------------------
    @property
    def cold_path(self) -> Path | None:
        """Where the kept cold tier lives: beside the store file (``None`` in memory)."""
        return None if self._memory else Path(self.location + ".cold")

    def link_cold(self) -> ColdStories:
        """The link state's archived stories as a cold tier kept across runs (a SQLite
        file beside the store, ``link.cold``): ``indexed`` when it is a copy of the saved
        state (same token), so ``load_link(archived=False)`` is all a run reads; otherwise
        emptied, for the archived rows to be loaded into it. Only the store's writer uses
        it; it is derived data, rebuilt whenever it does not match (or is deleted)."""
        with self._connect() as con:
            row = con.execute("SELECT value FROM meta WHERE key = 'link_token'").fetchone()
        token = None if row is None else str(row[0])
        cold = self._cold
        if cold is not None and self.cold_path is not None:
            cold.close()  # opened afresh: another store object may have linked since
            cold = None
        if cold is None and self.cold_path is not None and self.cold_path.exists():
            try:
                cold = ColdStories(self.cold_path, kept=True)
                cold.saved_token()
            except sqlite3.DatabaseError as err:  # not a cold tier (a damaged file): rebuilt
                log.warning("%s: rebuilding the link state's cold tier (%s)", self.cold_path,
                            err)
                cold = None
        if cold is not None and token is not None and cold.saved_token() == token:
            cold.indexed = True
        else:
            if cold is not None:
                cold.close()
            path = self.cold_path
            if path is not None:
                for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                    leftover.unlink(missing_ok=True)
            cold = ColdStories(path, kept=True)
        self._cold = cold
        return cold

    # -- writing -----------------------------------------------------------------------
    def add_batch(self, records: Sequence[InputRecord], analyzed: Sequence[Analyzed],
                  signatures: dict[str, list[int]]) -> None:
        """Write one batch atomically: the inputs' accounting, articles, extractions."""
        with self._connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                seq = _scalar(con, "SELECT coalesce(max(seq), 0) FROM inputs")
                aseq = _scalar(con, "SELECT coalesce(max(seq), 0) FROM articles")
                _insert_many(con, "inputs", [
                    (r.input, i, r.status, r.article, r.duplicate_of, r.reason)
                    for i, r in enumerate(records, start=seq + 1)])
                _insert_many(con, "articles", [
                    (item.article.id, i, *(getattr(item.article, c) for c in _ARTICLE_COLUMNS[1:]))
                    for i, item in enumerate(analyzed, start=aseq + 1)])
                # (an id already stored keeps its text and the extraction made from it:
                # ``update`` is what replaces an extraction)
                _insert_many(con, "extractions", [
                    (item.article.id, _pack(item.extraction)) for item in analyzed])
                _insert_many(con, "signatures", list(signatures.items()))
                compact = self._count_changed(con, len(analyzed))
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            if compact:
                self._compact_at_close(con)

    def save_link(self, changes: LinkChanges | None, stories: Sequence[dict[str, Any]],
                  removed: Sequence[str] = (),
                  names: Mapping[str, tuple[str, Names]] | None = None,
                  cold: ColdStories | None = None, read: int | None = None) -> None:
        """Write what a link run changed (``changes``: the rows of the stories it touched,
        new features, changed document frequencies and aliases), upsert the briefs
        ``stories`` with their articles' ``names`` (article id -> (story id, names)) and
        drop ``removed`` (merged) story ids, in one transaction. Stories not named keep
        their stored rows, brief and names. ``cold``: the kept tier (``link_cold``) that
        holds the linked state's archived stories; once the rows are committed it is marked
        as their copy. ``read``: the mark ``unread_ids`` gave, now that its articles are
        linked."""
        token, deleted = None, 0
        with self._connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                if changes is not None:
                    token, deleted = _write_link(con, changes)
                if read is not None:
                    _insert_keyed(con, "meta", [("link_read", str(read))], replace=True)
                gone = list(dict.fromkeys([*removed, *(s["id"] for s in stories)]))
                for table, column in (("stories", "id"), ("events", "story"),
                                      ("article_names", "story")):
                    deleted += _delete_where_in(con, table, column, gone)
                _insert_keyed(con, "article_names", [
                    (aid, sid, json.dumps(n.to_json(), ensure_ascii=False))
                    for aid, (sid, n) in (names or {}).items()], replace=True)
                _insert_keyed(con, "stories", [_story_row(story) for story in stories])
                _insert_keyed(con, "events", [
                    (event["id"], story["id"], event.get("title"), event.get("date"),
                     event.get("place"))
                    for story in stories for event in story.get("events", [])], replace=True)
                _insert_keyed(con, "story_aliases", [
                    (alias, story["id"]) for story in stories
                    for alias in story.get("aliases", [])], replace=True)
                compact = self._count_changed(con, deleted)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            if compact:
                self._compact_at_close(con)
        if token is not None and cold is not None and cold is self._cold:
            cold.flush()
            cold.mark_saved(token)

    # -- compaction (``_defer_vacuum``) ---------------------------------------------------
    def _count_changed(self, con: duckdb.DuckDBPyConnection, changed: int) -> bool:
        """Inside the caller's write transaction: ``changed`` more rows were deleted (or
        articles added). True when, with them, as many were changed since the store last
        compacted as it held articles then, and at least ``compact_after``: the store then
        compacts once the caller commits (``_compact_at_close``). A compaction rewrites the
        row groups holding deleted rows and merges the small ones, which costs about as much
        as the store is large; it comes after a number of changed rows that grows as fast
        (a store that only takes articles compacts as it doubles), so the share of each
        changed row stays flat."""
        if not changed or self._memory:
            return False
        total = changed + int(_scalar(
            con, "SELECT coalesce(max(value), '0') FROM meta WHERE key = 'changed_rows'"))
        held = int(_scalar(
            con, "SELECT coalesce(max(value), '0') FROM meta WHERE key = 'compacted_at'"))
        due = total >= max(self.compact_after, held)
        if due:
            now = int(_scalar(con, "SELECT coalesce(max(seq), 0) FROM articles"))
            _insert_keyed(con, "meta", [("changed_rows", "0"), ("compacted_at", str(now))],
                          replace=True)
        else:
            _insert_keyed(con, "meta", [("changed_rows", str(total))], replace=True)
        return due

    def _compact_at_close(self, con: duckdb.DuckDBPyConnection) -> None:
        """The checkpoint that closes ``con`` vacuums the row groups holding deleted rows
        (every one: they were left in place since the last compaction)."""
        try:
            con.execute("RESET max_vacuum_tasks")
        except duckdb.Error:  # (no such setting: every checkpoint vacuums)
            return
        log.info("%s: compacting the rows deleted since the last compaction", self.location)

    # -- updating what a re-run reads differently (``--update``) --------------------------
    def update_articles(self, records: Sequence[InputRecord],
                        analyzed: Sequence[Analyzed]) -> None:
        """Replace the metadata and extraction of stored articles (same id, same text) and
        their inputs' notes, in one transaction. Ingest order, signatures and copies stay."""
        columns = _ARTICLE_COLUMNS[1:-2]  # source, title, published, url, author
        sets = ", ".join(f"{c} = ?" for c in columns)
        with self._connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                for item in analyzed:
                    con.execute(f"UPDATE articles SET {sets} WHERE id = ?",  # noqa: S608
                                [*(getattr(item.article, c) for c in columns), item.article.id])
                _insert_many(con, "extractions", [
                    (item.article.id, _pack(item.extraction)) for item in analyzed],
                    replace=True)
                deleted = _deleted(con.execute(
                    "DELETE FROM article_names WHERE article IN (SELECT unnest(?))",
                    [[item.article.id for item in analyzed]]))  # read anew: re-briefed
                for rec in records:
                    con.execute("UPDATE inputs SET reason = ? WHERE input = ?",
                                [rec.reason, rec.input])
                compact = self._count_changed(con, deleted)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            if compact:
                self._compact_at_close(con)

    def forget_inputs(self, names: Sequence[str]) -> None:
        """Drop the accounting of ``names``, and the articles (with extraction and
        signature) that no remaining input names, so the next ingest reads them anew."""
        if not names:
            return
        with self._connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                ids = [r[0] for r in con.execute(
                    "SELECT article FROM inputs WHERE input IN (SELECT unnest(?)) "
                    "AND article IS NOT NULL", [list(names)]).fetchall()]
                deleted = _deleted(con.execute(
                    "DELETE FROM inputs WHERE input IN (SELECT unnest(?))", [list(names)]))
                still = {r[0] for r in con.execute(
                    "SELECT article FROM inputs WHERE article IN (SELECT unnest(?)) UNION "
                    "SELECT duplicate_of FROM inputs WHERE duplicate_of IN (SELECT unnest(?))",
                    [ids, ids]).fetchall()}
                gone = [i for i in ids if i not in still]
                for table, column in (("articles", "id"), ("extractions", "article"),
                                      ("signatures", "article"), ("article_names", "article")):
                    deleted += _deleted(con.execute(
                        f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?))",  # noqa: S608
                        [gone]))
                compact = self._count_changed(con, deleted)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            if compact:
                self._compact_at_close(con)

    def reset_links(self) -> None:
        """Forget the link state and the stored briefs (story aliases stay, so merged ids
        still resolve), so the next link pass recomputes every story from the articles."""
        with self._connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                deleted = 0
                for table in ("link_stories", "link_features", "link_terms", "link_aliases",
                              "stories", "events", "article_names"):
                    deleted += _deleted(con.execute(f"DELETE FROM {table}"))  # noqa: S608
                con.execute("DELETE FROM meta WHERE key IN ('link_count', 'link_token', "
                            "'link_read')")
                compact = self._count_changed(con, deleted)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            if compact:
                self._compact_at_close(con)

    # -- reading -----------------------------------------------------------------------
    def input_records(self, names: Iterable[str]) -> dict[str, InputRecord]:
        """The stored accounting of the inputs in ``names`` that are in the store."""
        with self._connect() as con:
            rows = con.execute(
                "SELECT input, status, article, duplicate_of, reason FROM inputs "
                "WHERE input IN (SELECT unnest(?))", [list(names)]).fetchall()
        return {r[0]: InputRecord(input=r[0], status=r[1], article=r[2], duplicate_of=r[3],
                                  reason=r[4]) for r in rows}

    def article_meta(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Metadata of stored articles by id (title, source, published, url, author) and
        ``text_md5``, the MD5 hex digest of the stored text (no texts are loaded)."""
        columns = _ARTICLE_COLUMNS[1:-2]
        with self._connect() as con:
            rows = con.execute(
                f"SELECT id, {', '.join(columns)}, md5(text) FROM articles "  # noqa: S608
                "WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall()
        return {r[0]: {**dict(zip(columns, r[1:-1], strict=True)), "text_md5": r[-1]}
                for r in rows}

    def copies_of(self, article_id: str, besides: str) -> int:
        """How many inputs other than ``besides`` name ``article_id`` as their article or
        as the article they copy."""
        with self._connect() as con:
            return int(_scalar(con, "SELECT count(*) FROM inputs WHERE input <> ? AND "
                               "(article = ? OR duplicate_of = ?)",
                               [besides, article_id, article_id]))

    def seen_inputs(self) -> set[str]:
        with self._connect() as con:
            return {r[0] for r in con.execute("SELECT input FROM inputs").fetchall()}

    def inputs(self) -> list[InputRecord]:
        with self._connect() as con:
            rows = con.execute(
                "SELECT input, status, article, duplicate_of, reason FROM inputs ORDER BY seq"
            ).fetchall()
        return [InputRecord(input=r[0], status=r[1], article=r[2], duplicate_of=r[3],
                            reason=r[4]) for r in rows]

    def analyzed(self, ids: Iterable[str] | None = None, *,
                 named: bool = False) -> list[Analyzed]:
        """Articles with their extractions, in ingest order (all, or those in ``ids``).
        ``named``: with the names their story's brief gave them (``records.Names``), for
        what a reader sees beside a brief; otherwise as extracted, for linking and briefing."""
        cols = ", ".join(f"a.{c}" for c in _ARTICLE_COLUMNS)
        names = ", n.data" if named else ", NULL"
        sql = (f"SELECT {cols}{names}, e.data FROM articles a "  # noqa: S608
               "JOIN extractions e ON e.article = a.id"
               + (" LEFT JOIN article_names n ON n.article = a.id" if named else ""))
        # the copies of the articles read (a word-for-word copy is its original: not a
        # carrier); only theirs, not every copy in the store, when ``ids`` are given
        dups = ("SELECT duplicate_of, article FROM inputs WHERE status = 'duplicate' "
                "AND article IS NOT NULL AND NOT starts_with(coalesce(reason, ''), ?)")
        with self._connect() as con:
            if ids is None:
                rows = con.execute(sql + " ORDER BY a.seq").fetchall()
                dup_rows = con.execute(dups + " ORDER BY seq", [EXACT_COPY]).fetchall()
            else:  # (both sides filtered: a join scans the whole other table otherwise)
                wanted = list(dict.fromkeys(ids))
                ids_a, ids_e = _in_list("a.id", wanted), _in_list("e.article", wanted)
                rows = con.execute(f"{sql} WHERE {ids_a} AND {ids_e} ORDER BY a.seq",
                                   wanted + wanted).fetchall()
                dup_rows, frontier, seen = [], wanted, set(wanted)
                while frontier:  # copies, then copies of those copies
                    found = con.execute(
                        f"{dups} AND {_in_list('duplicate_of', frontier)} ORDER BY seq",  # noqa: S608
                        [EXACT_COPY, *frontier]).fetchall()
                    dup_rows += found
                    frontier = list(dict.fromkeys(c for _, c in found if c not in seen))
                    seen.update(c for _, c in found)
        copies = _copies_by_original(dup_rows)
        out = []
        for row in rows:
            article = article_from_dict(dict(zip(_ARTICLE_COLUMNS, row[:-2], strict=True)))
            extraction = extraction_from_dict(_unpack(row[-1]))
            if row[-2] is not None:
                extraction = Names.from_json(json.loads(row[-2])).apply(extraction)
            out.append(Analyzed(article, extraction, tuple(copies.get(article.id, ()))))
        return out

    def original_ids(self, after: int = 0) -> list[str]:
        """Ids of stored articles that are not near-duplicate copies, in ingest order (those
        ingested after position ``after``)."""
        with self._connect() as con:
            rows = con.execute(
                "SELECT id FROM articles WHERE seq > ? AND id NOT IN (SELECT article FROM "
                "inputs WHERE status = 'duplicate' AND article IS NOT NULL AND "
                "article <> duplicate_of) ORDER BY seq", [after]
            ).fetchall()
        return [r[0] for r in rows]

    def unread_ids(self) -> tuple[list[str], int]:
        """The original articles the link state has not read yet: those ingested after the
        mark the last link run saved (all of them when none did), in ingest order, and the
        mark to save once they are linked (the last ingest position now stored). A run
        then reads the articles new to it, not every id in the store."""
        with self._connect() as con:
            row = con.execute("SELECT value FROM meta WHERE key = 'link_read'").fetchone()
            top = int(_scalar(con, "SELECT coalesce(max(seq), 0) FROM articles"))
        return self.original_ids(int(row[0]) if row else 0), top

    def story_dicts(self) -> list[dict[str, Any]]:
        """Every stored story brief, biggest first."""
        with self._connect() as con:
            rows = con.execute(
                "SELECT data FROM stories ORDER BY n_articles DESC, first_date, id").fetchall()
        return [json.loads(r[0]) for r in rows]

    def signatures(self, limit: int | None = None) -> dict[str, list[int]]:
        """MinHash signatures by article, oldest first; with ``limit`` only the latest. They
        are always of the current ``dedup.SCHEME_VERSION`` (a read-only store holding another
        scheme's has them recomputed in memory)."""
        with self._connect() as con:
            if limit is None:
                rows = con.execute("SELECT article, hashvalues FROM signatures ORDER BY rowid")
            else:
                rows = con.execute("SELECT article, hashvalues FROM (SELECT rowid AS r, * FROM "
                                   "signatures ORDER BY rowid DESC LIMIT ?) ORDER BY r", [limit])
            found = dict(rows.fetchall())
            if self._signature_scheme(con) in (None, _current_scheme()):
                return found
            log.warning("%s: signatures of another scheme, read-only: recomputing %d in memory",
                        self.location, len(found))
            return dict(_resigned(con, list(found)))

    def _signature_scheme(self, con: duckdb.DuckDBPyConnection) -> int | None:
        """The scheme the stored signatures were made with (None: there are none)."""
        row = con.execute("SELECT value FROM meta WHERE key = 'signature_scheme'").fetchone()
        if row is not None:
            return int(row[0])
        stored = _scalar(con, "SELECT count(*) FROM signatures")
        return 1 if stored else None  # stores from before schemes were recorded hold scheme 1

    def _resign_if_stale(self, con: duckdb.DuckDBPyConnection) -> None:
        """Recompute every stored signature from its article text when they were made with
        another scheme (they would silently never match new ones), once, keeping their order.
        A signature whose article text is gone is dropped: no copy of it can be found then."""
        scheme, current = self._signature_scheme(con), _current_scheme()
        if scheme == current:
            return
        ids = [r[0] for r in
               con.execute("SELECT article FROM signatures ORDER BY rowid").fetchall()]
        record = "INSERT OR REPLACE INTO meta VALUES ('signature_scheme', ?)"
        if not ids:  # a new store
            con.execute(record, [str(current)])
            return
        log.info("%s: recomputing %d near-duplicate signatures (scheme %s -> %s)",
                 self.location, len(ids), scheme, current)
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("CREATE TEMP TABLE resigned (seq BIGINT PRIMARY KEY, article VARCHAR, "
                        "hashvalues UBIGINT[])")
            done = 0
            for start in range(0, len(ids), _RESIGN_CHUNK):
                rows = _resigned(con, ids[start : start + _RESIGN_CHUNK])
                _insert_many(con, "resigned", [(done + i, a, v) for i, (a, v) in enumerate(rows)])
                done += len(rows)
            if done < len(ids):
                log.warning("%s: %d signatures dropped: their article text is not in the store",
                            self.location, len(ids) - done)
            con.execute("DELETE FROM signatures")
            con.execute("INSERT INTO signatures SELECT article, hashvalues FROM resigned "
                        "ORDER BY seq")
            con.execute("DROP TABLE resigned")
            con.execute(record, [str(current)])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def signed_ids(self) -> set[str]:
        """Every article id that has a stored signature (cheap: no hash values)."""
        with self._connect() as con:
            return {r[0] for r in con.execute("SELECT article FROM signatures").fetchall()}

    def load_link(self, archived: bool = True) -> SavedLink | None:
        """The saved link state as rows (``None`` before the first link run); with
        ``archived=False`` only the live stories' rows and their articles' features, what
        a run beside a kept cold tier (``link_cold``, which holds the archived stories)
        reads: the document frequencies it needs are read as it links (``link_terms``),
        and a run needs none of the aliases, so nothing read grows with the store."""
        sql = "SELECT id, founder_pos, live, data FROM link_stories"
        if not archived:
            sql += " WHERE live IS NOT NULL"
        with self._connect() as con:
            count = con.execute("SELECT value FROM meta WHERE key = 'link_count'").fetchone()
            if count is None:
                return None
            stories = [StoryRow(sid, pos, live, json.loads(data)) for sid, pos, live, data in
                       con.execute(sql).fetchall()]
            features = [json.loads(d) for d, in
                        con.execute("SELECT data FROM link_features").fetchall()]
            if not archived:
                return SavedLink(int(count[0]), stories, features, {}, {}, whole=False)
            df = dict(con.execute("SELECT term, df FROM link_terms").fetchall())
            aliases = dict(con.execute("SELECT alias, story FROM link_aliases").fetchall())
        return SavedLink(int(count[0]), stories, features, df, aliases)

    def link_terms(self, terms: list[str]) -> dict[str, int]:
        """The saved document frequency of each of ``terms`` that has one (one query: the
        terms are joined with the table, whose two narrow columns are scanned)."""
        if not terms:
            return {}
        with self._connect() as con:
            rows = con.execute("SELECT t.term, t.df FROM (SELECT unnest(?::VARCHAR[]) AS term) q "
                               "JOIN link_terms t ON t.term = q.term", [terms]).fetchall()
        return {term: int(n) for term, n in rows}

    def load_link_state(self) -> dict[str, Any] | None:
        """The saved link state as one ``LinkState.to_json`` dict (reads every row)."""
        saved = self.load_link()
        return None if saved is None else join_rows(saved)

    def stories(self, query: str | None = None) -> list[dict[str, Any]]:
        """Story summaries (id, title, counts, first date), newest first; ``query`` filters."""
        sql = "SELECT id, title, n_articles, first_date, data FROM stories"
        params: list[Any] = []
        if query:
            sql += " WHERE lower(title) LIKE ? OR lower(CAST(data AS VARCHAR)) LIKE ?"
            needle = f"%{query.lower()}%"
            params = [needle, needle]
        sql += " ORDER BY n_articles DESC, first_date DESC NULLS LAST, id"
        with self._connect() as con:
            rows = con.execute(sql, params).fetchall()
        out = []
        for sid, title, n, first, data in rows:
            story = json.loads(data)
            out.append({"id": sid, "title": title, "articles": n, "first_date": first,
                        "events": len(story.get("events", [])),
                        "conflicts": len(story.get("facts", {}).get("conflicting", []))})
        return out

    def story(self, story_id: str) -> dict[str, Any]:
        with self._connect() as con:
            row = con.execute("SELECT data FROM stories WHERE id = ?", [story_id]).fetchone()
            if row is None:
                alias = con.execute(
                    "SELECT story FROM story_aliases WHERE alias = ?", [story_id]
                ).fetchone()
                if alias:
                    row = con.execute(
                        "SELECT data FROM stories WHERE id = ?", [alias[0]]
                    ).fetchone()
        if row is None:
            raise NotFoundError(
                f"No story {story_id!r} in {self.location}. List stories with `crosswire stories`."
            )
        story: dict[str, Any] = json.loads(row[0])
        return story

    def article(self, article_id: str) -> dict[str, Any]:
        items = self.analyzed([article_id], named=True)
        if not items:
            raise NotFoundError(f"No article {article_id!r} in {self.location}.")
        item = items[0]
        return {**to_dict(item.article), **shown_extraction(item.extraction)}


@stores.register("duckdb")
def make_duckdb_store(path: str = "crosswire.duckdb", read_only: bool = False) -> DuckDBStore:
    return DuckDBStore(path, read_only=read_only)
