"""The linker's working set: what it derives from a ``LinkState`` to link the next article
fast, never saved (a state read back from its rows rebuilds it and links the same way).

``WorkingSet`` holds the term index of the live articles, the index of the archived
stories' summaries, position -> article, each live story's events, each story's
``StoryCache`` and ``Recency``. The linker (``link.stories.Linker``) builds it
(``build_working_set``) and changes it (it hands the story -> events map to ``link.events``
and to ``LinkState.own_events``/``move_events``, which keep it up to date); a ``LinkState``
only carries it from one ``link_articles`` call to the next (``LinkState.working``), reading
its ``count`` to tell whether it is still its own.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field

from .data import EventData, StorySummary
from .index import TermIndex


@dataclass(slots=True)
class StoryCache:
    """Derived, never serialised: rebuilt from features (and the story's archive summaries)
    when a story changes."""

    size: int = -1
    mass: dict[str, float] = field(default_factory=dict)  # summed member vectors
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 1.0
    who: Counter[str] = field(default_factory=Counter)
    where: Counter[str] = field(default_factory=Counter)
    days: list[int] = field(default_factory=list)
    names: set[str] = field(default_factory=set)  # every entity key any article mentions
    years: set[int] = field(default_factory=set)
    lead_places: set[str] = field(default_factory=set)
    summaries: int = 0  # how many archive summaries of the story are folded in
    floor: float | None = None  # the lightest centroid mass when last chosen
    tied: list[str] = field(default_factory=list)  # left-out terms with exactly that mass


@dataclass(slots=True)
class Recency:
    """How recently each live story was reported: its latest publication day, a heap to find
    the quiet ones, and the newest day seen. Derived, never serialised."""

    last: dict[str, int] = field(default_factory=dict)  # live story -> latest publication day
    heap: list[tuple[int, str]] = field(default_factory=list)  # (day, story), stale entries too
    newest: int | None = None  # the newest publication day seen

    def note(self, sid: str, day: int | None) -> None:
        if day is None:
            return
        if self.newest is None or day > self.newest:
            self.newest = day
        if day > self.last.get(sid, -(10**9)):
            self.last[sid] = day
            heapq.heappush(self.heap, (day, sid))

    def wake(self, sid: str, summaries: list[StorySummary]) -> None:
        """An archived story (not tracked here) becomes active: it starts from its summaries'
        latest day."""
        if summaries and sid not in self.last:
            self.note(sid, max(s.last_day for s in summaries))

    def forget(self, sid: str) -> int | None:
        return self.last.pop(sid, None)


@dataclass(slots=True)
class WorkingSet:
    """The linker's index, caches and recency over one ``LinkState``."""

    # the state's article count when this was last brought up to date: it describes the
    # state with that many articles (``LinkState.working_set``)
    count: int
    postings: TermIndex  # live articles' vectors, by processing position
    summaries: TermIndex  # archived stories' summaries, by their founder's position
    article_at: dict[int, str]  # processing position -> article, of the live stories
    events: dict[str, list[EventData]]  # live story -> its events
    recency: Recency
    caches: dict[str, StoryCache] = field(default_factory=dict)  # story -> its cache
