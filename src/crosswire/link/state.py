"""``LinkState``: everything needed to continue linking (``LinkConfig``, the thresholds, is
re-exported from ``crosswire.config``).

The state is plain data and round-trips through JSON (``to_json``/``from_json``); no pickle.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..config import LinkConfig  # noqa: F401 -- re-exported (the module docstring says so)
from ..records import Event, Story, short_hash
from .cold import ColdStories
from .data import EventData, StoryData, StorySummary
from .features import ArticleFeatures, title_order
from .working import WorkingSet

STATE_SCHEMA = "crosswire/link-state/v2"  # v2: archived stories (summaries); reads v1
READS = ("crosswire/link-state/v1", STATE_SCHEMA)

# terms -> the document frequency of those a store has (``Store.link_terms``)
TermSource = Callable[[list[str]], Mapping[str, int]]


class ArticleStories(Mapping[str, str]):
    """Article id -> live story id: the in-memory map of the articles of live stories, then
    the cold tier (archived stories). Reads like a dict; writes go to the in-memory map."""

    __slots__ = ("hot", "cold")

    def __init__(self, hot: dict[str, str], cold: ColdStories) -> None:
        self.hot = hot
        self.cold = cold

    def get(self, aid: str, default: str | None = None) -> str | None:  # type: ignore[override]
        sid = self.hot.get(aid)
        if sid is None:
            sid = self.cold.story_of(aid)
        return default if sid is None else sid

    def __getitem__(self, aid: str) -> str:
        sid = self.get(aid)
        if sid is None:
            raise KeyError(aid)
        return sid

    def __contains__(self, aid: object) -> bool:
        return aid in self.hot or (isinstance(aid, str) and self.cold.story_of(aid) is not None)

    def __setitem__(self, aid: str, sid: str) -> None:
        self.hot[aid] = sid

    def __len__(self) -> int:
        return len(self.hot) + self.cold.article_count()

    def __iter__(self) -> Iterator[str]:
        yield from self.hot
        for aid, _ in self.cold.articles():
            yield aid

    def items(self) -> Iterator[tuple[str, str]]:  # type: ignore[override]
        """``(article, story)`` pairs, read from the cold tier in one query."""
        yield from self.hot.items()
        yield from self.cold.article_stories()


@dataclass(slots=True)
class LinkState:
    """Stories, events and per-article features; enough to link the next batch.

    Live stories are in memory (``story_data``, ``event_data``, ``pos``); archived ones are
    in ``cold`` (``link.cold``), which ``story_of``, ``stories``, ``events()`` and
    ``to_json`` read through, so callers see every story either way.

    This is the saved data, and only its methods change it; the linker's working set (its
    index, caches and recency, ``link.working``) is another object, which the state only
    carries from one ``link_articles`` call to the next (``working``).

    A state resumed from a store's rows (``resume`` with a ``df_source``) is not whole: it
    holds the document frequencies it has read (``read_terms``: those of the live articles'
    openings, and of each batch's articles before it is linked) and the aliases made since;
    the store keeps the rest, and the state links as the whole one would. It says what it
    changed (``touched`` and the sets beside it), so a store writes that back, and it
    cannot be written out whole (``to_json``)."""

    features: dict[str, ArticleFeatures] = field(default_factory=dict)
    count: int = 0  # articles linked so far; their positions are 0 .. count - 1
    df: dict[str, int] = field(default_factory=dict)  # document frequency per term
    story_data: dict[str, StoryData] = field(default_factory=dict)  # live stories
    event_data: dict[str, EventData] = field(default_factory=dict)  # their events
    pos: dict[str, int] = field(default_factory=dict)  # their articles' processing positions
    alias_of: dict[str, str] = field(default_factory=dict)  # merged story id -> survivor
    cold: ColdStories = field(default_factory=ColdStories)  # archived stories
    story_of: ArticleStories = field(init=False)  # article -> live story id (all articles)
    # the linker's working set as it was after linking this state (never serialised, owned
    # and changed by the linker); a state linked further from this one moves it on, and
    # ``working_set()`` then tells it is no longer this state's
    working: WorkingSet | None = field(default=None, repr=False, compare=False)
    # ``records.Story`` of the live stories, built when first read (``_build_records``)
    _records: dict[str, Story] | None = field(default=None, repr=False, compare=False)
    # copy-on-write bookkeeping of the batch being linked: the stories and events this state
    # may change in place (new, or already copied from the state it was made from) ...
    _writable: set[str] = field(default_factory=set, repr=False, compare=False)
    # ... and the stories whose list of events it may change in place
    _writable_events: set[str] = field(default_factory=set, repr=False, compare=False)
    # ids (stories, events) changed since the state was made or loaded: the rows a store
    # rewrites (``link.saved.changes_since``) ...
    touched: set[str] = field(default_factory=set, repr=False, compare=False)
    # ... and since then: the terms whose document frequency moved, the aliases that point
    # to another story, the stories opened and those merged away
    terms_touched: set[str] = field(default_factory=set, repr=False, compare=False)
    aliases_touched: set[str] = field(default_factory=set, repr=False, compare=False)
    opened: set[str] = field(default_factory=set, repr=False, compare=False)
    merged: set[str] = field(default_factory=set, repr=False, compare=False)
    # where the document frequencies not in ``df`` are (a store's rows), for a state resumed
    # without them; None: ``df`` holds every term. ``_unseen``: terms read that no article had
    df_source: TermSource | None = field(default=None, repr=False, compare=False)
    _unseen: set[str] = field(default_factory=set, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.count and len(self.cold):  # (a resumed state has a count: no query)
            raise ValueError(
                f"This cold tier already holds {len(self.cold)} archived stories of another "
                "link state; give a new state a new ColdStories (or a new file).")
        self.story_of = ArticleStories({}, self.cold)

    def copy(self) -> LinkState:
        """A copy safe to change; ``self`` is not modified. Containers are copied shallowly;
        stories and events are copied when first changed (``own_story``/``own_events``),
        features are shared (never changed), the cold tier is copied (in memory). The copy
        carries the same working set: whichever of the two is linked further first moves it
        on, and the other rebuilds its own if it is linked again."""
        st = LinkState(
            features=dict(self.features),
            count=self.count,
            df=dict(self.df),
            story_data=dict(self.story_data),
            event_data=dict(self.event_data),
            pos=dict(self.pos),
            alias_of=dict(self.alias_of),
            cold=self.cold.copy(),
            working=self.working,
            df_source=self.df_source,
        )
        st.story_of.hot.update(self.story_of.hot)
        st.touched.update(self.touched)
        st.terms_touched.update(self.terms_touched)
        st.aliases_touched.update(self.aliases_touched)
        st.opened.update(self.opened)
        st.merged.update(self.merged)
        st._unseen.update(self._unseen)
        if self._records is not None:
            st._records = dict(self._records)
        return st

    def working_set(self) -> WorkingSet | None:
        """The working set left by linking this state, if it still describes this state (no
        state linked from this one has moved it on since)."""
        ws = self.working
        return ws if ws is not None and ws.count == self.count else None

    # -- changes made while linking (``link_articles``) -----------------------------------
    def add_article(self, f: ArticleFeatures) -> int:
        """Take ``f`` in: its features, the next processing position (returned) and its
        terms' document frequencies. The story it would open is new to this state."""
        self.features[f.id] = f
        self._writable.add(short_hash("s-", f.id))  # a story this article may open is new
        p = self.pos[f.id] = self.count
        self.count += 1
        df = self.df
        for t in f.tf:
            df[t] = df.get(t, 0) + 1
        self.terms_touched.update(f.tf)
        return p

    def read_terms(self, terms: Iterable[str]) -> None:
        """Have ``df`` hold the document frequency of each of ``terms`` that has one (the
        linker reads no other): a state resumed without them reads from ``df_source`` those
        it has not read yet; a whole state holds them all."""
        source = self.df_source
        if source is None:
            return
        df, unseen = self.df, self._unseen
        wanted = [t for t in dict.fromkeys(terms) if t not in df and t not in unseen]
        if not wanted:
            return
        found = source(wanted)
        df.update((t, int(n)) for t, n in found.items())
        unseen.update(t for t in wanted if t not in found)

    def set_vector(self, aid: str, vec: dict[str, float]) -> None:
        """The vector article ``aid`` is indexed with: its heaviest unit TF-IDF terms when it
        was linked (saved with its features, so the index can be rebuilt)."""
        self.features[aid].vec = vec

    def set_summary(self, sid: str, summary: StorySummary) -> None:
        """Live story ``sid`` is about to be archived: ``summary`` stands for all its
        articles, and it keeps the title its live articles give it."""
        sd = self.own_story(sid)
        if sd.title is None:
            sd.title = story_title(sd, self.features)
        sd.summaries = [summary]

    def open_story(self, aid: str) -> str:
        """A new story founded by article ``aid``; returns its id."""
        sid = short_hash("s-", aid)
        self.story_data[sid] = StoryData(sid, aid, [aid])
        self.story_of[aid] = sid
        self.opened.add(sid)
        return sid

    def join_story(self, sid: str, aid: str) -> StoryData:
        """Article ``aid`` joins live story ``sid``; returns the story's (owned) bookkeeping."""
        sd = self.own_story(sid)
        sd.articles.append(aid)
        self.story_of[aid] = sid
        return sd

    def merge_stories(self, keep: str, gone: str) -> tuple[StoryData, StoryData]:
        """Live story ``gone`` joins live story ``keep``: its articles, aliases and summaries
        move over, its id (and its own aliases) become aliases of ``keep``. Returns the
        bookkeeping of both (``gone``'s no longer in the state). Their events are the
        caller's to move (``own_events``)."""
        k = self.own_story(keep)
        g = self.story_data.pop(gone)
        k.articles.extend(g.articles)
        k.aliases.extend([gone, *g.aliases])
        k.summaries.extend(g.summaries)
        for aid in g.articles:
            self.story_of[aid] = keep
        for old in [gone, *g.aliases]:
            self.alias_of[old] = keep
        self.aliases_touched.update([gone, *g.aliases])
        self.merged.add(gone)
        return k, g

    def move_events(self, gone: str, keep: str,
                    index: dict[str, list[EventData]]) -> list[EventData]:
        """After ``merge_stories``: story ``gone``'s events become ``keep``'s, at the end of
        its list; returns them. ``index`` (story -> its events) is kept up to date."""
        moved = self.own_events(gone, index)
        for ev in moved:
            ev.story = keep
        self.own_events(keep, index).extend(moved)
        del index[gone]
        return moved

    def add_event(self, ev: EventData) -> None:
        """A new event (of a live story)."""
        self.event_data[ev.id] = ev
        self._writable.add(ev.id)

    def drop_features(self, aid: str) -> ArticleFeatures:
        """Article ``aid``'s features leave the state (its story is being archived)."""
        return self.features.pop(aid)

    def remove_event(self, eid: str) -> None:
        """Event ``eid`` is gone (folded into another of its story)."""
        del self.event_data[eid]

    def finish_batch(self, dirty: set[str], events: dict[str, list[EventData]]) -> None:
        """After a batch: the story records of the ``dirty`` stories (``events``: story ->
        its events, as the linker kept them) are rebuilt, the cold tier written, and what
        the batch changed added to ``touched``."""
        self._build_records(dirty, events)
        self.cold.flush()
        self.touched |= dirty
        self.touched |= self._writable | self._writable_events
        self._writable, self._writable_events = set(), set()

    def own_story(self, sid: str) -> StoryData:
        """Live story ``sid``'s bookkeeping, copied first if it is still shared with an older
        state (an archived story must be brought back first: ``thaw``)."""
        sd = self.story_data[sid]
        if sid not in self._writable:
            sd = StoryData(sd.id, sd.founder, list(sd.articles), list(sd.aliases),
                           list(sd.summaries), sd.title)
            self.story_data[sid] = sd
            self._writable.add(sid)
        return sd

    def own_events(self, sid: str, index: dict[str, list[EventData]]) -> list[EventData]:
        """The story's events (``index[sid]``), copied first if still shared."""
        events = index.setdefault(sid, [])
        if sid not in self._writable_events:
            events = [self._own_event(e) for e in events]
            index[sid] = events
            self._writable_events.add(sid)
        return events

    def _own_event(self, e: EventData) -> EventData:
        if e.id in self._writable:
            return e
        c = EventData(e.id, e.story, e.founder, e.day, e.value, e.place, e.title,
                      list(e.articles), list(e.mentioned_by), list(e.cites))
        self.event_data[e.id] = c
        self._writable.add(e.id)
        return c

    # -- the cold tier ---------------------------------------------------------------------
    def freeze(self, sid: str, events: list[EventData]) -> dict[str, int]:
        """Move live story ``sid`` (archived: its articles have no features left) with its
        ``events`` to the cold tier; returns its articles' positions."""
        sd = self.story_data.pop(sid)
        for e in events:
            del self.event_data[e.id]
        hot = self.story_of.hot
        where = {}
        for aid in sd.articles:
            where[aid] = self.pos.pop(aid)
            hot.pop(aid, None)
        if self._records is not None:
            self._records.pop(sid, None)
        data = _story_json(sd)
        data.pop("summaries", None)
        data["events"] = [e.to_json() for e in events]
        self.cold.put(sid, sd.founder, where, [s.to_json() for s in sd.summaries], data)
        return where

    def thaw(self, sid: str) -> tuple[StoryData, list[EventData], dict[str, int]]:
        """Bring archived story ``sid`` and its events back from the cold tier (owned);
        returns its bookkeeping, its events and its articles' positions."""
        data, summaries, where = self.cold.take(sid)
        sd = _story_data({**data, "summaries": summaries})
        self.story_data[sid] = sd
        self._writable.add(sid)
        self.pos.update(where)
        self.story_of.hot.update(dict.fromkeys(where, sid))
        events = [EventData.from_json(e) for e in data["events"]]
        for e in events:
            self.event_data[e.id] = e
            self._writable.add(e.id)
        self._writable_events.add(sid)
        return sd, events, where

    def cold_summaries(self, sid: str) -> tuple[list[StorySummary], int]:
        """An archived story's summaries and how many articles it holds."""
        summaries, n = self.cold.summaries(sid)
        return [StorySummary.from_json(x) for x in summaries], n

    def _build_records(self, dirty: set[str] | None = None,
                       events: dict[str, list[EventData]] | None = None) -> None:
        """``records.Story`` objects of the live stories, in ``_records`` (archived ones are
        built from the cold tier when read, see ``stories``).

        With ``dirty`` (story ids changed since ``_records`` was built; ``events``: story ->
        its events) only those are rebuilt and the others reused.
        """
        if dirty is None or self._records is None:
            index = self.events_by_story()
            records = {sid: _record(self, sd, index.get(sid, []))
                       for sid, sd in self.story_data.items()}
        else:
            records = self._records  # updated in place
            for sid in [s for s in records if s not in self.story_data]:
                del records[sid]  # merged away
            events = events or {}
            for sid in dirty:
                if sid in self.story_data:
                    records[sid] = _record(self, self.story_data[sid],
                                           list(events.get(sid, [])))
        self._records = records

    # -- what changed (the rows a store rewrites) -----------------------------------------
    def has_story(self, sid: str) -> bool:
        """Whether ``sid`` is a current story (live or archived; not merged away)."""
        return sid in self.story_data or sid in self.cold

    def story_ids(self) -> set[str]:
        """Ids of every current story, live and archived (no records are built)."""
        return set(self.story_data) | set(self.cold.ids())

    def touched_stories(self) -> set[str]:
        """Story ids changed since the state was made or loaded (``touched``, with event
        ids read as their stories); merged-away ids are included."""
        out = set()
        for key in self.touched:
            if key in self.story_data or key in self.cold or key.startswith("s-"):
                out.add(key)
            elif key in self.event_data:
                out.add(self.event_data[key].story)
        return out

    def records(self, ids: set[str]) -> dict[str, Story]:
        """``records.Story`` of the stories in ``ids`` (live or archived), by id; ids that
        are not current stories are left out."""
        if self._records is None:
            self._build_records()
        assert self._records is not None
        out = {sid: self._records[sid] for sid in ids if sid in self._records}
        for sid in ids:
            if sid not in out and sid in self.cold:
                data, summaries, where = self.cold.row(sid)
                out[sid] = _cold_record(data, summaries, where)
        return out

    # -- reading ---------------------------------------------------------------------------
    @property
    def stories(self) -> list[Story]:
        """Every story, live and archived, oldest founder first."""
        if self._records is None:
            self._build_records()
        assert self._records is not None
        live = sorted(((self.pos[self.story_data[sid].founder], r)
                       for sid, r in self._records.items()),
                      key=lambda x: x[0])
        cold = ((where[data["founder"]], _cold_record(data, summaries, where))
                for data, summaries, where in self.cold.stories())
        return [r for _, r in heapq.merge(live, cold, key=lambda x: x[0])]

    def events_by_story(self) -> dict[str, list[EventData]]:
        """Live story -> its events, in the order of ``event_data``."""
        out: dict[str, list[EventData]] = {}
        for ev in self.event_data.values():
            out.setdefault(ev.story, []).append(ev)
        return out

    def events(self) -> Iterator[EventData]:
        """Every event, live stories' first, then archived ones'."""
        yield from self.event_data.values()
        for data in self.cold.story_data():
            for e in data["events"]:
                yield EventData.from_json(e)

    def article_ids(self) -> set[str]:
        """Ids of every article already linked (archived ones included)."""
        return set(self.story_of)

    def story(self, story_id: str) -> Story:
        """A story by id (aliases of merged stories resolve to the survivor)."""
        sid = self.alias_of.get(story_id, story_id)
        for s in self.stories:
            if s.id == sid:
                return s
        raise KeyError(f"No story {story_id!r} in this link state; list them with state.stories.")

    def merged_away(self) -> set[str]:
        """Stories merged away since the state was made or loaded that were in it then
        (their saved rows go)."""
        return self.merged - self.opened

    def to_json(self) -> dict[str, Any]:
        if self.df_source is not None:
            raise ValueError(
                "This link state was resumed from a store's rows: it holds only the document "
                "frequencies and aliases it read, so it cannot be written out whole. Read the "
                "whole state from the store (Store.load_link_state()).")
        where = dict(self.pos)
        where.update(self.cold.articles())
        order = sorted(where, key=where.__getitem__)
        stories = [_story_json(s) for s in self.story_data.values()]
        events = [e.to_json() for e in self.event_data.values()]
        for data, summaries, _ in self.cold.stories():
            events.extend(data.pop("events"))
            stories.append({**data, "summaries": summaries})
        return {
            "schema": STATE_SCHEMA,
            "order": order,
            "df": dict(sorted(self.df.items())),
            "features": [self.features[a].to_json() for a in order if a in self.features],
            "stories": stories,
            "events": events,
            "alias_of": dict(sorted(self.alias_of.items())),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], cold: ColdStories | None = None) -> LinkState:
        """A state from ``to_json`` output; archived stories go to ``cold`` (default: a new
        in-memory cold tier; a given one must be empty)."""
        if cold is not None and len(cold):
            raise ValueError(f"The cold tier given to LinkState.from_json already holds "
                             f"{len(cold)} archived stories; pass an empty one.")
        if data.get("schema") not in READS:
            raise ValueError(
                f"Not a crosswire link state (schema {data.get('schema')!r}, expected "
                f"{STATE_SCHEMA!r}); pass the dict that LinkState.to_json() wrote."
            )
        state = cls(
            count=len(data["order"]),
            pos={a: i for i, a in enumerate(data["order"])},
            df={k: int(v) for k, v in data["df"].items()},
            features={f["id"]: ArticleFeatures.from_json(f) for f in data["features"]},
            alias_of=dict(data["alias_of"]),
            cold=cold if cold is not None else ColdStories(),
        )
        for s in data["stories"]:
            state.story_data[s["id"]] = _story_data(s)
            state.story_of.hot.update(dict.fromkeys(s["articles"], s["id"]))
        for e in data["events"]:
            state.event_data[e["id"]] = EventData.from_json(e)
        index = state.events_by_story()
        archived = [sid for sid, sd in state.story_data.items() if sd.summaries
                    and not any(a in state.features for a in sd.articles)]
        for sid in archived:
            state.freeze(sid, index.pop(sid, []))
        state.cold.flush()
        state._build_records()
        return state

    @classmethod
    def resume(cls, count: int, live: list[dict[str, Any]], features: list[dict[str, Any]],
               df: dict[str, int], aliases: dict[str, str], cold: ColdStories,
               df_source: TermSource | None = None) -> LinkState:
        """A state from its live stories' rows (``story_row``'s JSON, in their saved order)
        and a cold tier that already holds its archived ones (a store's kept tier): what
        ``from_json`` builds from the whole state, without reading the archived stories.
        With ``df_source`` (then ``df`` and ``aliases`` may hold none) the document
        frequencies are read from it as linking needs them, those of the live articles'
        openings at once (``read_terms``)."""
        state = cls(count=count, df=df, alias_of=aliases, cold=cold, df_source=df_source,
                    features={f["id"]: ArticleFeatures.from_json(f) for f in features})
        state.read_terms(t for f in state.features.values() for t in f.lead)
        for row in live:
            body = dict(row)
            where: dict[str, int] = body.pop("pos")
            events = body.pop("events")
            state.story_data[body["id"]] = _story_data(body)
            state.pos.update(where)
            state.story_of.hot.update(dict.fromkeys(body["articles"], body["id"]))
            for e in events:
                state.event_data[e["id"]] = EventData.from_json(e)
        state._build_records()
        return state


def story_row(state: LinkState, sid: str) -> tuple[int, dict[str, Any]]:
    """``(founder position, JSON)`` of current story ``sid`` as a store keeps it: its
    bookkeeping with its events (in the state's order) and its articles' positions."""
    sd = state.story_data.get(sid)
    if sd is None:
        data, summaries, where = state.cold.row(sid)
        return where[data["founder"]], {**data, "summaries": summaries, "pos": where}
    events = [e.to_json() for e in state.event_data.values() if e.story == sid]
    pos = state.pos
    return pos[sd.founder], {**_story_json(sd), "events": events,
                             "pos": {a: pos[a] for a in sd.articles}}


def _story_json(s: StoryData) -> dict[str, Any]:
    out: dict[str, Any] = {"id": s.id, "founder": s.founder, "articles": s.articles,
                           "aliases": s.aliases}
    if s.summaries:
        out["summaries"] = [x.to_json() for x in s.summaries]
    if s.title is not None:
        out["title"] = s.title
    return out


def _story_data(s: dict[str, Any]) -> StoryData:
    return StoryData(s["id"], s["founder"], list(s["articles"]), list(s["aliases"]),
                     [StorySummary.from_json(x) for x in s.get("summaries", [])], s.get("title"))


def _cold_record(data: dict[str, Any], summaries: list[Any], where: dict[str, int]) -> Story:
    sd = _story_data({**data, "summaries": summaries})
    events = [EventData.from_json(e) for e in data["events"]]
    return _story_record(sd, events, where, sd.title or "")


def story_title(sd: StoryData, feats: Mapping[str, ArticleFeatures]) -> str | None:
    """The headline of the story's earliest report (ties by id), whichever article came in
    first: two ingests and one run of the same files give the story one title. A report
    without a headline whose first sentence is in the writer's own voice titles the story
    only when every report is such."""
    live = [feats[a] for a in sd.articles if a in feats]
    if not live:
        return None
    first = min(live, key=title_order)
    return first.title


def _record(state: LinkState, sd: StoryData, events: list[EventData]) -> Story:
    title = sd.title if sd.title is not None else story_title(sd, state.features)
    return _story_record(sd, events, state.pos, title or state.features[sd.founder].title)


def _story_record(sd: StoryData, evs_in: list[EventData], position: dict[str, int],
                  title: str) -> Story:
    arts = tuple(sorted(sd.articles, key=position.__getitem__))
    evs = sorted(evs_in,
                 key=lambda e: (e.day if e.day is not None else 10**9, position[e.founder]))
    events = tuple(
        Event(
            id=e.id,
            title=e.title,
            date=e.value,
            place=e.place,
            articles=tuple(sorted(e.articles, key=position.__getitem__)),
            mentioned_by=tuple(sorted(e.mentioned_by, key=position.__getitem__)),
            date_citations=tuple(c.cite() for c in e.cites),
        )
        for e in evs
    )
    return Story(id=sd.id, title=title, articles=arts, events=events,
                 aliases=tuple(sd.aliases))
