"""The cold tier: archived stories leave memory for a SQLite database.

When a story goes quiet (``link.archive``) its bookkeeping (articles, events, summary) is
written here as JSON and dropped from the in-memory ``LinkState``; a late article that joins
or bridges it brings it back (``take``). What stays in memory per archived story is at
most the summary's common terms in the linker's index (its rare terms' postings are kept
here: ``index.TermIndex(spill=...)``; a kept tier holds them all). Its founder's position
and id, which a hit on its indexed summary looks up (``anchors``), and everything else a
long stream accumulates, per article (which story it is in, its position) and per story
(events, citations), live in the database, so memory grows with the vocabulary, not with
the articles.

``ColdStories()`` keeps the database in memory (the default: a state linked in one go or
read from JSON); ``ColdStories(path)`` puts it in a file, which is what keeps a stream of
millions of articles in nearly flat memory (``bench/bench_link_scale.py``). A file is a
working spill of one state: the live part of the state is in memory (and in ``to_json``), so
give each new state a new file. It stores plain JSON text (no pickle) and knows nothing of
the records it holds: ``link.state`` converts.

A store keeps one across runs (``ColdStories(path, kept=True)``, ``Store.link_cold``), so a
run does not read every archived story back: the store's rows stay the saved data, and this
file is a copy of its archived part with the index of their summaries (every posting in the
file: ``index.TermIndex(promote=None)``), valid while ``saved_token`` is the token the store
saved with its rows. A run calls ``mark_open`` before changing it and the store
``mark_saved`` once its rows are committed; a file left open (a run that died) or of
another saved state is rebuilt from the rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, founder TEXT NOT NULL, founder_pos INTEGER NOT NULL,
    articles INTEGER NOT NULL, summaries TEXT NOT NULL, data TEXT NOT NULL);
-- the maps kept in memory are read from this index, not from the rows and their JSON
CREATE INDEX IF NOT EXISTS stories_anchor ON stories (founder_pos, founder, id);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, story TEXT NOT NULL, pos INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS articles_story ON articles (story);
CREATE TABLE IF NOT EXISTS rare_postings (term TEXT NOT NULL, pos INTEGER NOT NULL,
                                          w REAL NOT NULL);
-- (term, pos, w): a term's latest postings are read from the index alone (a read of the
-- table per posting cost 0.1 s a batch in a tier of 600k postings); the index first made
-- had no w
DROP INDEX IF EXISTS rare_postings_term;
CREATE INDEX IF NOT EXISTS rare_postings_latest ON rare_postings (term, pos, w);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class ColdStories:
    """Archived stories by id, and their articles' story and position."""

    def __init__(self, path: str | Path | None = None, *, kept: bool = False) -> None:
        # kept: a store keeps it across runs, with every summary posting (``TermIndex``'s
        # ``promote=None``); indexed: those postings are the index of the summaries of the
        # state it belongs to (a store's tier read back, or one whose index was built), so
        # the linker reads them instead of indexing every summary again
        self.kept = kept
        self.indexed = False
        self._db = sqlite3.connect(":memory:" if path is None else str(path))
        if path is not None:
            # a working spill of one linking run, not a durable store: no fsync per write
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = OFF")
        self._db.executescript(_SCHEMA)

    # -- archived stories by id and by founder position (read from the index) --------------
    # Nothing is kept in memory per archived story: maps of every one (id -> founder
    # position, position -> founder and id) were read at each open and grew with the
    # store (some 2 MiB and 5 ms a run at 100k articles); a lookup reads the index instead.
    def __contains__(self, sid: object) -> bool:
        return isinstance(sid, str) and self._db.execute(
            "SELECT 1 FROM stories WHERE id = ?", (sid,)).fetchone() is not None

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM stories").fetchone()[0])

    def ids(self) -> list[str]:
        """Archived story ids, in the order they were archived."""
        return [sid for sid, in self._db.execute("SELECT id FROM stories ORDER BY rowid")]

    def founder_pos(self, sid: str) -> int:
        row = self._db.execute("SELECT founder_pos FROM stories WHERE id = ?",
                               (sid,)).fetchone()
        if row is None:
            raise KeyError(sid)
        return int(row[0])

    def anchor(self, pos: int) -> tuple[str, str] | None:
        """``(founder id, story id)`` of the archived story founded at ``pos``, if any."""
        return self.anchors([pos]).get(pos)

    def anchors(self, positions: list[int]) -> dict[int, tuple[str, str]]:
        """``anchor`` of each of ``positions`` that has one, in one query."""
        if not positions:
            return {}
        rows = self._db.execute(
            "SELECT founder_pos, founder, id FROM stories INDEXED BY stories_anchor"
            " WHERE founder_pos IN (SELECT value FROM json_each(?))", (json.dumps(positions),))
        return {pos: (founder, sid) for pos, founder, sid in rows}

    # -- moving stories in and out ---------------------------------------------------------
    def put(self, sid: str, founder: str, positions: dict[str, int], summaries: list[Any],
            data: dict[str, Any]) -> None:
        """Archive story ``sid``: its articles (id -> position), its summaries' JSON and
        the rest of its bookkeeping (``data``, JSON-able)."""
        pos = positions[founder]
        self._db.execute(
            "INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?)",
            (sid, founder, pos, len(positions), json.dumps(summaries), json.dumps(data)))
        self._db.executemany("INSERT INTO articles VALUES (?, ?, ?)",
                             [(a, sid, p) for a, p in positions.items()])

    def take(self, sid: str) -> tuple[dict[str, Any], list[Any], dict[str, int]]:
        """Remove archived story ``sid``; returns its ``data``, summaries and article
        positions."""
        row = self._db.execute("SELECT data, summaries FROM stories WHERE id = ?",
                               (sid,)).fetchone()
        if row is None:
            raise KeyError(sid)
        positions = dict(self._db.execute("SELECT id, pos FROM articles WHERE story = ?", (sid,)))
        self._db.execute("DELETE FROM stories WHERE id = ?", (sid,))
        self._db.execute("DELETE FROM articles WHERE story = ?", (sid,))
        return json.loads(row[0]), json.loads(row[1]), positions

    def row(self, sid: str) -> tuple[dict[str, Any], list[Any], dict[str, int]]:
        """Archived story ``sid``'s ``data``, summaries and article positions, left in place
        (what a store saves of it)."""
        row = self._db.execute("SELECT data, summaries FROM stories WHERE id = ?",
                               (sid,)).fetchone()
        if row is None:
            raise KeyError(sid)
        positions = dict(self._db.execute("SELECT id, pos FROM articles WHERE story = ?", (sid,)))
        return json.loads(row[0]), json.loads(row[1]), positions

    def summaries(self, sid: str) -> tuple[list[Any], int]:
        """The story's summaries' JSON and how many articles it holds."""
        row = self._db.execute("SELECT summaries, articles FROM stories WHERE id = ?",
                               (sid,)).fetchone()
        if row is None:
            raise KeyError(sid)
        return json.loads(row[0]), row[1]

    def all_summaries(self) -> dict[str, list[Any]]:
        """Every archived story's summaries' JSON, by story id (one query)."""
        return {sid: json.loads(text) for sid, text in
                self._db.execute("SELECT id, summaries FROM stories")}

    def articles_of(self, sid: str) -> list[str]:
        """An archived story's article ids in processing order."""
        return [a for a, in self._db.execute(
            "SELECT id FROM articles WHERE story = ? ORDER BY pos", (sid,))]

    def story_of(self, aid: str) -> str | None:
        row = self._db.execute("SELECT story FROM articles WHERE id = ?", (aid,)).fetchone()
        return None if row is None else row[0]

    # -- reading everything (serialising a state, listing its stories) ---------------------
    def stories(self) -> Iterator[tuple[dict[str, Any], list[Any], dict[str, int]]]:
        """``(data, summaries, article positions)`` of every archived story, oldest founder
        first."""
        where: dict[str, dict[str, int]] = {}  # one query for every story's articles
        for aid, sid, pos in self._db.execute("SELECT id, story, pos FROM articles"):
            where.setdefault(sid, {})[aid] = pos
        rows = self._db.execute(
            "SELECT id, summaries, data FROM stories ORDER BY founder_pos").fetchall()
        for sid, summaries, data in rows:
            yield json.loads(data), json.loads(summaries), where.pop(sid, {})

    def story_data(self) -> Iterator[dict[str, Any]]:
        """The ``data`` of every archived story (events included), oldest founder first;
        unlike ``stories`` it reads no article rows."""
        rows = self._db.execute("SELECT data FROM stories ORDER BY founder_pos").fetchall()
        for (data,) in rows:
            yield json.loads(data)

    def articles(self) -> Iterator[tuple[str, int]]:
        """``(article id, position)`` of every archived article."""
        yield from self._db.execute("SELECT id, pos FROM articles")

    def article_stories(self) -> Iterator[tuple[str, str]]:
        """``(article id, story id)`` of every archived article."""
        yield from self._db.execute("SELECT id, story FROM articles")

    def article_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    # -- postings of rare terms (``index.TermIndex(spill=...)``: the summaries' index) ------
    def posting_counts(self, terms: list[str]) -> dict[str, int]:
        """How many postings each of ``terms`` has here (terms with none are left out)."""
        if not terms:
            return {}
        return dict(self._db.execute(
            "SELECT term, count(*) FROM rare_postings"
            " WHERE term IN (SELECT value FROM json_each(?)) GROUP BY term", (json.dumps(terms),)))

    def postings(self, term: str) -> list[tuple[int, float]]:
        """``(position, weight)`` postings of ``term``, by position (then as added)."""
        return self._db.execute(
            "SELECT pos, w FROM rare_postings WHERE term = ? ORDER BY pos, rowid",
            (term,)).fetchall()

    def latest_postings(self, term: str, limit: int) -> list[tuple[int, float]]:
        """The last ``limit`` of ``postings(term)``, in the same order (read from the end:
        a common term holds up to twice as many)."""
        rows = self._db.execute(
            "SELECT pos, w FROM rare_postings WHERE term = ? ORDER BY pos DESC, rowid DESC"
            " LIMIT ?", (term, limit)).fetchall()
        rows.reverse()
        return rows

    def add_postings(self, rows: list[tuple[str, int, float]]) -> None:
        self._db.executemany("INSERT INTO rare_postings VALUES (?, ?, ?)", rows)

    def take_postings(self, term: str) -> list[tuple[int, float]]:
        """Remove and return ``term``'s postings (it moves to memory)."""
        rows = self.postings(term)
        self._db.execute("DELETE FROM rare_postings WHERE term = ?", (term,))
        return rows

    def keep_latest_postings(self, term: str, keep: int) -> None:
        """Keep only ``term``'s ``keep`` latest postings (by position, then as added)."""
        self._db.execute(
            "DELETE FROM rare_postings WHERE term = ? AND rowid NOT IN (SELECT rowid FROM"
            " rare_postings WHERE term = ? ORDER BY pos DESC, rowid DESC LIMIT ?)",
            (term, term, keep))

    def has_postings(self) -> bool:
        return self._db.execute("SELECT 1 FROM rare_postings LIMIT 1").fetchone() is not None

    def remove_postings(self, pos: int, terms: list[str]) -> None:
        self._db.executemany("DELETE FROM rare_postings WHERE term = ? AND pos = ?",
                             [(t, pos) for t in terms])

    def clear_postings(self) -> None:
        self._db.execute("DELETE FROM rare_postings")

    def flush(self) -> None:
        """Commit what was archived (once per linked batch)."""
        self._db.commit()

    # -- kept across runs (a store's copy of its archived stories) ---------------------------
    def saved_token(self) -> str | None:
        """The token of the saved state this tier is a copy of; ``None`` while a run may
        have changed it since (``mark_open``) or before it was ever saved."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'token'").fetchone()
        return None if row is None else str(row[0])

    def mark_open(self) -> None:
        """A run is about to change the tier: until ``mark_saved`` it matches no saved
        state."""
        # durable even with ``synchronous = OFF``: were this lost in a crash of the machine
        # while later writes were not, a changed tier would still pass for the saved copy
        self._db.execute("PRAGMA synchronous = FULL")
        self._db.execute("DELETE FROM meta WHERE key = 'token'")
        self._db.commit()
        self._db.execute("PRAGMA synchronous = OFF")

    def mark_saved(self, token: str) -> None:
        """The store committed the state this tier is part of, under ``token``."""
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('token', ?)", (token,))
        self._db.commit()

    def copy(self) -> ColdStories:
        """An independent in-memory copy (a state linked further without ``reuse`` must not
        change the cold tier of the state it came from)."""
        self.flush()
        out = ColdStories(kept=self.kept)
        self._db.backup(out._db)
        return out

    def close(self) -> None:
        self._db.close()
