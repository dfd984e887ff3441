"""The inverted index the linker queries: term -> (article position, weight) postings.

Postings live in growable numpy arrays (one pair per term) and a query accumulates the
weights with ``np.add.at`` in posting order, so every article's score is the same float sum,
in the same order, as a plain dict accumulation would give. Only the ``MAX_POSTINGS`` most
recent live postings of a term are ever scanned; a term's array is trimmed back to them when
it reaches twice that. Articles leave the index when their story is archived
(``drop``): their postings are skipped from then on and swept out once they make up half of
a term's array, so the index holds about two postings per live one at most.
"""

from __future__ import annotations

import bisect
from array import array
from typing import Protocol

import numpy as np

MAX_POSTINGS = 150  # most recent (live) articles scanned per query term
PROMOTE = 8  # with a spill, a term's postings move to memory once it has this many


class _Plist:
    """One term's postings: positions and weights in insertion order (``array`` buffers,
    read through zero-copy numpy views), ``stale`` of them of articles that left the index."""

    __slots__ = ("pos", "w", "stale")

    def __init__(self) -> None:
        self.pos = array("q")
        self.w = array("d")
        self.stale = 0

    def view(self, lo: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """Positions and weights from ``lo`` on (views: drop them before appending)."""
        n = len(self.pos) - lo
        return (np.frombuffer(self.pos, np.int64, n, 8 * lo),
                np.frombuffer(self.w, np.float64, n, 8 * lo))

    def keep(self, idx: np.ndarray) -> None:
        """Keep the postings at indices ``idx`` (ascending)."""
        pos, w = self.view()
        keep_pos, keep_w = pos[idx].tobytes(), w[idx].tobytes()
        del pos, w
        self.pos, self.w = array("q"), array("d")
        self.pos.frombytes(keep_pos)
        self.w.frombytes(keep_w)
        self.stale = 0


class Spill(Protocol):
    """Where a ``TermIndex`` keeps the postings of its rare terms (``cold.ColdStories``)."""

    def posting_counts(self, terms: list[str]) -> dict[str, int]: ...
    def postings(self, term: str) -> list[tuple[int, float]]: ...
    def latest_postings(self, term: str, limit: int) -> list[tuple[int, float]]: ...
    def add_postings(self, rows: list[tuple[str, int, float]]) -> None: ...
    def take_postings(self, term: str) -> list[tuple[int, float]]: ...
    def remove_postings(self, pos: int, terms: list[str]) -> None: ...
    def keep_latest_postings(self, term: str, keep: int) -> None: ...


class TermIndex:
    """Postings by term over article positions (processing order: ``LinkState.pos``).

    With a ``spill``, a term ``put`` here keeps its postings in the spill until it has
    ``promote`` of them, then they move to memory: the index of archived stories' summaries
    would otherwise hold every rare name of every story ever archived. With
    ``promote=None`` every posting stays in the spill, trimmed there as a list in memory
    would be: an index that outlives the process (a store's saved cold tier, read back
    without rebuilding it). Queries read both, so the scores are the same either way."""

    def __init__(self, spill: Spill | None = None, promote: int | None = PROMOTE,
                 used: bool = False) -> None:
        self.spill = spill
        self.promote = promote
        self.used = used  # anything indexed yet (``used=True``: a spill already holds some)
        self.terms: dict[str, _Plist] = {}
        # position -> still in the index: one byte per position (a query's scratch is sized
        # by its postings, not by the positions, so nothing else here grows with the store)
        self.live = np.zeros(1024, dtype=bool)

    def __len__(self) -> int:
        return int(self.live.sum())

    def _grow(self, p: int) -> None:
        size = len(self.live)
        while size <= p:
            size *= 2
        live = np.zeros(size, dtype=bool)
        live[: len(self.live)] = self.live
        self.live = live

    def add(self, p: int, vec: dict[str, float]) -> None:
        """Index the article at position ``p`` with its (term -> weight) vector."""
        if p >= len(self.live):
            self._grow(p)
        self.live[p] = True
        self.used = True
        terms = self.terms
        for t, w in vec.items():
            pl = terms.get(t)
            if pl is None:
                pl = terms[t] = _Plist()
            pl.pos.append(p)
            pl.w.append(w)
            if len(pl.pos) >= 2 * MAX_POSTINGS:  # only the most recent are ever scanned
                self._trim(pl)

    def _trim(self, pl: _Plist) -> None:
        if pl.stale:
            pl.keep(np.flatnonzero(self.live[pl.view()[0]])[-MAX_POSTINGS:])
        else:
            del pl.pos[:-MAX_POSTINGS]
            del pl.w[:-MAX_POSTINGS]

    def drop(self, p: int, terms: list[str]) -> None:
        """The article at ``p`` (indexed under ``terms``) leaves the index."""
        if p >= len(self.live) or not self.live[p]:
            return
        self.live[p] = False
        for t in terms:
            pl = self.terms.get(t)
            if pl is None:
                continue
            pl.stale += 1
            if pl.stale >= len(pl.pos):  # none left (a rare term): no need to look
                del self.terms[t]
            elif 2 * pl.stale >= len(pl.pos):
                pl.keep(np.flatnonzero(self.live[pl.view()[0]]))

    def put(self, p: int, vec: dict[str, float]) -> None:
        """Index ``p`` keeping each term's postings ordered by position (for entries added
        out of order, e.g. archive summaries anchored at their story's founder). A common
        term's list is trimmed to its ``MAX_POSTINGS`` latest, like ``add``'s, so the index
        of archived stories grows with the vocabulary, not with the stories."""
        if p >= len(self.live):
            self._grow(p)
        self.live[p] = True
        self.used = True
        spill = self.spill
        if spill is not None:
            rare = [t for t in vec if t not in self.terms]
            counts = spill.posting_counts(rare)
            rows = []
            for t in rare:
                if self.promote is None or counts.get(t, 0) + 1 < self.promote:
                    rows.append((t, p, vec[t]))
                else:  # common enough: its postings move to memory
                    promoted = self.terms[t] = _Plist()
                    for q, w in spill.take_postings(t):
                        promoted.pos.append(q)
                        promoted.w.append(w)
            spill.add_postings(rows)
            for t, _, _ in rows:  # as ``_trim`` does to a list in memory
                if counts.get(t, 0) + 1 >= 2 * MAX_POSTINGS:
                    spill.keep_latest_postings(t, MAX_POSTINGS)
            vec = {t: w for t, w in vec.items() if t in self.terms}
        for t, w in vec.items():
            pl = self.terms.get(t)
            if pl is None:
                pl = self.terms[t] = _Plist()
            i = bisect.bisect_right(pl.pos, p)
            pl.pos.insert(i, p)
            pl.w.insert(i, w)
            if len(pl.pos) >= 2 * MAX_POSTINGS:  # as in ``add``: only the latest are scanned
                self._trim(pl)

    def put_many(self, entries: list[tuple[int, dict[str, float]]]) -> None:
        """``put`` each ``(position, vector)`` in turn, with the same result, but with one
        spill query for the counts and one write for the rows that stay there (rebuilding
        the index of every archived story's summaries otherwise made two queries per
        summary)."""
        spill = self.spill
        if spill is None:
            for p, vec in entries:
                self.put(p, vec)
            return
        if self.promote is None:  # put in memory, then every posting goes to the spill
            self._put_many_spilled(spill, entries)
            return
        saved = spill.posting_counts(sorted({t for _, vec in entries for t in vec
                                            if t not in self.terms}))
        pending: dict[str, list[tuple[int, float]]] = {}  # rows put since, still spilled
        for p, vec in entries:
            if p >= len(self.live):
                self._grow(p)
            self.live[p] = True
            self.used = True
            for t, w in vec.items():
                pl = self.terms.get(t)
                if pl is None:
                    rows = pending.setdefault(t, [])
                    if saved.get(t, 0) + len(rows) + 1 < self.promote:
                        rows.append((p, w))
                        continue
                    # common enough: its postings move to memory, by (position, as added)
                    moved = spill.take_postings(t) if saved.pop(t, 0) else []
                    moved.extend(pending.pop(t))
                    moved.sort(key=lambda r: r[0])  # stable: the order they were added
                    pl = self.terms[t] = _Plist()
                    for q, x in moved:
                        pl.pos.append(q)
                        pl.w.append(x)
                i = bisect.bisect_right(pl.pos, p)
                pl.pos.insert(i, p)
                pl.w.insert(i, w)
                if len(pl.pos) >= 2 * MAX_POSTINGS:
                    self._trim(pl)
        spill.add_postings([(t, p, w) for t, rows in pending.items() for p, w in rows])

    def _put_many_spilled(self, spill: Spill, entries: list[tuple[int, dict[str, float]]]
                          ) -> None:  # fmt: skip
        """``put_many`` with every posting kept in the spill: the terms' saved postings and
        the entries are put in a plain index in memory (the same lists, trimmed the same
        way), which is then written back."""
        here = TermIndex()
        terms = sorted({t for _, vec in entries for t in vec})
        for t in terms:
            rows = spill.take_postings(t)
            if rows:
                pl = here.terms[t] = _Plist()
                for q, w in rows:
                    pl.pos.append(q)
                    pl.w.append(w)
        for p, vec in entries:
            if p >= len(self.live):
                self._grow(p)
            self.live[p] = True
            self.used = True
            here.put(p, vec)
        spill.add_postings([(t, q, w) for t in terms if t in here.terms
                            for q, w in zip(here.terms[t].pos, here.terms[t].w, strict=True)])

    def remove(self, p: int, terms: list[str]) -> None:
        """Take ``p`` out of the given terms' postings now (not lazily, unlike ``drop``)."""
        if p < len(self.live):
            self.live[p] = False
        if self.spill is not None:
            self.spill.remove_postings(p, [t for t in terms if t not in self.terms])
        for t in terms:
            pl = self.terms.get(t)
            if pl is None:
                continue
            pos, _ = pl.view()
            hits = np.flatnonzero(pos != p)
            del pos
            if len(hits) < len(pl.pos):
                pl.keep(hits)
            if not pl.pos:
                del self.terms[t]

    def recent(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """Positions and weights of the term's ``MAX_POSTINGS`` most recent live postings."""
        pl = self.terms.get(term)
        if pl is None and self.spill is not None:
            rows = self.spill.latest_postings(term, MAX_POSTINGS)  # as in memory
            if not rows:
                return None
            spilled, weights = zip(*rows, strict=True)
            return np.array(spilled, dtype=np.int64), np.array(weights, dtype=np.float64)
        if pl is None or not pl.pos:
            return None
        n = len(pl.pos)
        if pl.stale:  # the last MAX_POSTINGS + stale hold the last MAX_POSTINGS live ones
            pos, w = pl.view(max(0, n - MAX_POSTINGS - pl.stale))
            idx = np.flatnonzero(self.live[pos])[-MAX_POSTINGS:]
            return (pos[idx], w[idx]) if len(idx) else None
        return pl.view(n - MAX_POSTINGS if n > MAX_POSTINGS else 0)

    def scores(self, query: list[tuple[str, float]]) -> tuple[np.ndarray, np.ndarray]:
        """Distinct positions (ascending) and their summed ``q * w`` over the query's terms
        (each sum in query-term order, as a sequential float sum). The sums are kept in an
        array of the distinct positions hit, not of every position: scratch arrays as long as
        the positions cost 16 bytes per article in the store (34 MiB at a million)."""
        ps, ws = [], []
        for t, q in query:
            hit = self.recent(t)
            if hit is not None:
                ps.append(hit[0])
                ws.append(hit[1] * q)
        if not ps:
            return np.empty(0, dtype=np.int64), np.empty(0)
        pos = np.concatenate(ps) if len(ps) > 1 else ps[0]
        wts = np.concatenate(ws) if len(ws) > 1 else ws[0]
        uniq, slot = np.unique(pos, return_inverse=True)
        acc = np.zeros(len(uniq), dtype=np.float64)
        np.add.at(acc, slot, wts)  # unbuffered: in order, like ``acc[a] = acc.get(a, 0) + x``
        return uniq, acc
