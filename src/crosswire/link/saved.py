"""The link state as the store keeps it: one row per story, small rows for what is shared.

A store saves the link state in pieces (``SavedLink``), so a run reads the state and writes
back only what it changed (``LinkChanges``), not the whole state:

- one row per story (``StoryRow``): its articles with their processing positions, aliases,
  archive summaries, title and events, plus ``live`` (its place among the live stories, or
  ``None`` once archived) and its founder's position;
- per article of a live story, its features (an archived story's articles have none);
- per term, its document frequency; per merged story id, its survivor; the article count.

This module is pure: it converts between those pieces and ``LinkState.to_json``'s dict
(``join_rows``, ``split_state``, the latter also converting a store's old single JSON row),
and works out what a linked state changed since it was loaded (``changes_since``). The
store does the I/O. A run beside a kept cold tier reads only the live stories' rows and
features (``SavedLink.whole`` is False): the document frequencies it needs are read as it
links (``load_state``'s ``terms``), and what it changed is what the state says it changed,
so neither read nor write grows with the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .cold import ColdStories
from .state import STATE_SCHEMA, LinkState, TermSource, story_row


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One saved story: ``data`` is its JSON (``id``, ``founder``, ``articles``, ``aliases``,
    ``summaries``, ``title``, ``events``, and ``pos``: article id -> processing position)."""

    id: str
    founder_pos: int
    live: int | None  # order among the live stories (None: archived)
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class SavedLink:
    """A saved link state as a store hands it to ``load_state``: whole, or (``whole`` is
    False) only the live stories' rows and features, without document frequencies and
    aliases, for a state resumed beside the store's kept cold tier."""

    count: int
    stories: list[StoryRow]
    features: list[dict[str, Any]]  # ``ArticleFeatures.to_json`` of live stories' articles
    df: dict[str, int]
    aliases: dict[str, str]  # merged story id -> survivor
    whole: bool = True


@dataclass(frozen=True, slots=True)
class LinkChanges:
    """What one run changed, for the store to write in the same transaction as the briefs."""

    count: int
    stories: list[StoryRow]  # upserted
    removed: list[str]  # story ids merged away: their rows go
    features: list[dict[str, Any]]  # articles linked by this run into a live story
    dropped: list[str]  # articles whose features left (their story was archived)
    df: dict[str, int]  # terms whose document frequency changed, with the new value
    aliases: dict[str, str]  # new or changed aliases

    @property
    def empty(self) -> bool:
        return not (self.stories or self.removed or self.features or self.dropped
                    or self.df or self.aliases)


@dataclass(slots=True)
class Baseline:
    """What was saved of the live stories when a state was loaded, to tell what a run
    changed (the rest the state tells itself: ``LinkState.touched`` and the sets beside it)."""

    live: dict[str, int] = field(default_factory=dict)  # live story -> its saved order
    features: set[str] = field(default_factory=set)


def baseline_of(saved: SavedLink | None) -> Baseline:
    """What ``saved`` holds of the live stories."""
    if saved is None:
        return Baseline()
    return Baseline(
        live={r.id: r.live for r in saved.stories if r.live is not None},
        features={f["id"] for f in saved.features},
    )


def split_state(data: dict[str, Any]) -> SavedLink:
    """The rows of a ``LinkState.to_json`` dict (also a store's old single JSON row, v1 or
    v2). Live stories keep their order; archived ones (summaries, no article with features)
    are marked as such, as ``LinkState.from_json`` would find them."""
    order: list[str] = data["order"]
    pos = {a: i for i, a in enumerate(order)}
    events: dict[str, list[dict[str, Any]]] = {}
    for e in data["events"]:
        events.setdefault(e["story"], []).append(e)
    featured = {f["id"] for f in data["features"]}
    rows = []
    live = 0
    for s in data["stories"]:
        body = {**s, "events": events.get(s["id"], []),
                "pos": {a: pos[a] for a in s["articles"]}}
        archived = bool(s.get("summaries")) and not any(a in featured for a in s["articles"])
        rows.append(StoryRow(s["id"], pos[s["founder"]], None if archived else live, body))
        live += 0 if archived else 1
    return SavedLink(count=len(order), stories=rows, features=list(data["features"]),
                     df={k: int(v) for k, v in data["df"].items()},
                     aliases=dict(data["alias_of"]))


def join_rows(saved: SavedLink) -> dict[str, Any]:
    """``LinkState.to_json``'s dict from the rows: live stories in their saved order, then
    archived ones by founder, as a state saved whole would list them."""
    live = sorted((r for r in saved.stories if r.live is not None), key=lambda r: r.live or 0)
    cold = sorted((r for r in saved.stories if r.live is None), key=lambda r: r.founder_pos)
    where: dict[str, int] = {}
    stories, events = [], []
    for r in (*live, *cold):
        body = dict(r.data)
        where.update(body.pop("pos"))
        events.extend(body.pop("events"))
        stories.append(body)
    order = sorted(where, key=where.__getitem__)
    if len(order) != saved.count:
        raise ValueError(f"The saved link state counts {saved.count} articles but its stories "
                         f"hold {len(order)}; run `crosswire run --relink` to rebuild it.")
    rank = {a: i for i, a in enumerate(order)}
    return {
        "schema": STATE_SCHEMA,
        "order": order,
        "df": dict(sorted(saved.df.items())),
        "features": sorted(saved.features, key=lambda f: rank[f["id"]]),
        "stories": stories,
        "events": events,
        "alias_of": dict(sorted(saved.aliases.items())),
    }


def changes_since(state: LinkState, base: Baseline) -> LinkChanges:
    """The rows ``state`` changed since it was loaded (``base``: the live stories' order
    and features then): the stories it touched (``state.touched``) or merged away, the
    features of articles it linked or archived, the document frequencies and aliases that
    moved (``state.terms_touched``, ``state.aliases_touched``)."""
    touched = state.touched_stories()
    removed = sorted(state.merged_away())
    # live stories keep their saved order; a story new to the live ones (new, woken up)
    # was appended, so it and every live story after it take new places at the end
    live_order: dict[str, int] = {}
    nxt = max(base.live.values(), default=-1) + 1
    last, moved = -1, False
    for sid in state.story_data:
        old = base.live.get(sid)
        if not moved and old is not None and old > last:
            live_order[sid] = last = old
        else:
            moved = True
            live_order[sid], nxt = nxt, nxt + 1
            touched.add(sid)
    rows = [story_row_of(state, sid, live_order.get(sid)) for sid in sorted(touched)
            if state.has_story(sid)]
    feats = state.features
    new = [feats[a].to_json() for a in sorted(feats.keys() - base.features,
                                              key=state.pos.__getitem__)]
    dropped = sorted(base.features - feats.keys())
    df = {t: state.df[t] for t in sorted(state.terms_touched)}
    aliases = {a: state.alias_of[a] for a in sorted(state.aliases_touched)}
    return LinkChanges(state.count, rows, removed, new, dropped, df, aliases)


def load_state(saved: SavedLink, cold: ColdStories | None = None,
               terms: TermSource | None = None) -> LinkState:
    """The state the rows describe, as ``LinkState.from_json`` builds it from the same
    state saved whole (so a run links exactly as it did from the single JSON row). Its
    archived stories go to ``cold`` (default: a new in-memory tier); a kept tier that
    already holds them (``cold.indexed``: a store read it back) is used as it is, and
    ``saved`` then needs only the live stories' rows: without document frequencies and
    aliases (``saved.whole`` is False) the state reads the frequencies it needs from
    ``terms`` (``Store.link_terms``) as it links."""
    if cold is None or not cold.indexed:
        if not saved.whole:
            raise ValueError("These link rows leave out the archived stories, document "
                             "frequencies and aliases; read them all (Store.load_link()) "
                             "when the store's cold tier does not hold the archived ones.")
        return LinkState.from_json(join_rows(saved), cold=cold)
    if not saved.whole and terms is None:
        raise ValueError("These link rows leave out the document frequencies: pass where "
                         "to read them (terms=store.link_terms).")
    live = sorted((r for r in saved.stories if r.live is not None), key=lambda r: r.live or 0)
    return LinkState.resume(saved.count, [r.data for r in live], saved.features,
                            dict(saved.df), dict(saved.aliases), cold,
                            df_source=None if saved.whole else terms)


def story_row_of(state: LinkState, sid: str, live: int | None) -> StoryRow:
    founder_pos, data = story_row(state, sid)
    return StoryRow(sid, founder_pos, live, data)


__all__ = ["Baseline", "LinkChanges", "SavedLink", "StoryRow", "baseline_of", "changes_since",
           "join_rows", "load_state", "split_state", "story_row_of"]
