"""The pipeline: the one place that orders crosswire's stages.

    ingest -> extract -> link -> brief -> render -> store

Each stage is a plain function over the typed records in ``records.py``. An engine
(``engines.Engine``) decides only where ingest and extract run; it hands every batch to
``store_batch`` and links through ``link_and_brief``, so both engines give the same store.

    stage    plain function                               where it runs
    ingest   ingest.read_inputs, ingest.dedup.CopyRule    the engine: this process (local),
    extract  extract.extract_articles                     workers or Spark executors
    store    store_batch (one transaction a batch)        this process, in input order
    link     link_new -> link.link_articles               this process (online, ordered)
    brief    brief_stories -> brief.compose_brief         this process
    render   render.json_out.story_to_dict (stored JSON)  this process; files: api.write_outputs
    store    Store.save_link (changed link rows, briefs)  this process

``run`` is the one path from inputs to stories; ``crosswire.analyze``, ``crosswire.ingest``
and the CLI all go through it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from .config import LinkConfig, Settings
from .engines.base import Engine, IngestReport, Progress, create_engine
from .extract import canonicalize_corpus
from .extract.furniture import has_body
from .link import LinkState, link_articles
from .link.cold import ColdStories
from .link.saved import LinkChanges, baseline_of, changes_since, load_state
from .records import Analyzed, InputRecord, Names, Story
from .store.base import Store

LOOKUP_MAX = 1000  # new article ids checked one by one against the link state (see link_new)

# a batch of inputs in input order: (record, its extracted article if kept, MinHash values)
Batch = Sequence[tuple[InputRecord, Analyzed | None, list[int] | None]]


@dataclass(frozen=True)
class Run:
    """What one run of the pipeline gave: the ingest accounting, the briefs of the stories
    this run made or changed (``touched``; ``None`` when the run stopped after the store of
    articles), and every stored story on demand (``stories``: read from the store when
    asked, so a run that adds 50 articles to a store of 100,000 does not pay for all)."""

    report: IngestReport
    touched: list[dict[str, Any]] | None
    store: Store

    @cached_property
    def stories(self) -> list[dict[str, Any]] | None:
        """Every stored story's brief, or ``None`` when the run did not link."""
        return None if self.touched is None else self.store.story_dicts()


def run(paths: Iterable[str | Path], store: Store, settings: Settings, *,
        meta: Mapping[str, str | None] | None = None, progress: Progress | None = None,
        relink: bool = False, link: bool = True, engine: Engine | None = None) -> Run:
    """Every stage in order over ``paths`` into ``store``, on one engine built once from
    ``settings`` (or the ``engine`` given). ``relink``: the stored stories are dropped and
    linked anew from all articles; ``link=False``: stop once the articles are stored."""
    engine = engine or create_engine(settings)
    report = engine.ingest(paths, store, meta=meta, progress=progress)  # ingest, extract, store
    if not link:
        return Run(report, None, store)
    if relink:
        store.reset_links()
    return Run(report, engine.link(store), store)  # link, brief, render, store


# -- store (articles) ---------------------------------------------------------------------
# an input whose text is all page furniture: read, parsed, and rejected with this reason
NO_ARTICLE_TEXT = ("no article text: every line is page furniture (a credit, a copyright "
                   "notice, a caption), so there is nothing to compare")


def store_batch(store: Store, batch: Batch,
                progress: Progress | None = None) -> list[InputRecord]:
    """One batch of inputs, their extracted articles and MinHash signatures, written in one
    transaction (a killed run resumes after the last whole batch). Returns the batch's
    records as stored, for the run's accounting: an article whose every line is page
    furniture is rejected here, once its extraction has said so (``NO_ARTICLE_TEXT``)."""
    batch = [(replace(r, status="rejected", article=None, reason=NO_ARTICLE_TEXT), None, None)
             if a is not None and not has_body(a.article.text, a.extraction)
             else (r, a, s) for r, a, s in batch]
    analyzed = [a for _, a, _ in batch if a is not None]
    signatures = {a.article.id: s for _, a, s in batch if a is not None and s is not None}
    store.add_batch([r for r, _, _ in batch], analyzed, signatures)
    if progress:
        progress("extract", len(analyzed))
    return [r for r, _, _ in batch]


# -- link, brief, render, store (stories) --------------------------------------------------
@dataclass(frozen=True)
class Linked:
    """The link stage's output: the current stories the new articles joined (or that
    absorbed a story they merged), the ids of stories merged away, and what the store
    writes back. The linked state itself is not kept: its working set (the term index,
    the stories' caches) is most of what a run holds, and the briefs that follow need none
    of it, so it is freed before they start."""

    touched: list[Story]
    removed: list[str]
    changes: LinkChanges  # the link rows to write back: only what this run changed
    cold: ColdStories  # the linked state's archived stories (the store's kept tier)
    read: int = 0  # the store's mark of the articles read (``Store.unread_ids``)


def link_and_brief(store: Store, chunk: int = 2000,
                   config: LinkConfig | None = None) -> list[dict[str, Any]]:
    """Link the articles the stored link state has not seen, then re-brief only the stories
    they touched, and store both; returns the briefs of the stories touched (every stored
    story is ``store.story_dicts()``). Memory grows with the link state and one chunk, not
    with the corpus."""
    # one open store for the whole run: opening a large file and closing it after a write
    # (DuckDB checkpoints then) cost 50-100 ms each at 100k articles; readers wait for it
    with store.session():
        linked = link_new(store, chunk, config)
        if linked is None:
            return []
        briefed = list(brief_stories(store, linked.touched))  # a read per group of stories
        names = {aid: (b.story["id"], n) for b in briefed for aid, n in b.names.items()}
        store.save_link(linked.changes, [b.story for b in briefed], removed=linked.removed,
                        names=names, cold=linked.cold, read=linked.read)
    return [b.story for b in briefed]


def link_new(store: Store, chunk: int = 2000, config: LinkConfig | None = None) -> Linked | None:
    """The stored link state with the articles it has not seen linked in, in chunks whose
    texts and extractions are read from the store; ``None`` when there is nothing to link.
    ``Linked.changes`` holds the rows to write back: the stories the run touched, not all.
    The archived stories stay in the store's kept cold tier (``Store.link_cold``): when it
    matches the saved rows only the live stories are read, so the cost of a run follows
    the live stories and the new articles, not the size of the store."""
    cold = store.link_cold()
    saved = store.load_link(archived=not cold.indexed)
    state = load_state(saved, cold, store.link_terms) if saved else LinkState(cold=cold)
    base = baseline_of(saved)
    fresh, read = store.unread_ids()
    # a few new ids are looked up one by one; a store read from its start (no mark saved)
    # is checked against every linked id at once
    linked = state.story_of if len(fresh) <= LOOKUP_MAX else state.article_ids()
    new_ids = [aid for aid in fresh if aid not in linked]
    if not new_ids:
        return None
    cold.mark_open()  # changed from here on: a copy of the saved rows again once they are
    for start in range(0, len(new_ids), chunk):
        part = store.analyzed(new_ids[start : start + chunk])
        canonical = canonicalize_corpus([item.extraction for item in part])
        part = [replace(item, extraction=x) for item, x in zip(part, canonical, strict=True)]
        state = link_articles(part, state, config, reuse=True)
    removed = sorted(state.merged_away())  # stored stories merged away: their briefs go
    touched = {state.alias_of.get(state.story_of[a], state.story_of[a]) for a in new_ids
               if a in state.story_of}
    touched |= {state.alias_of[sid] for sid in removed}
    current = state.records(touched)
    return Linked([current[s] for s in sorted(touched) if s in current], removed,
                  changes_since(state, base), state.cold, read)


@dataclass(frozen=True)
class Briefed:
    """One story's brief (the contract dict) and the names it was made with, per article
    (``records.Names``): the store keeps them, so corpus.json and the web UI show the
    brief's names without working them out again over another set of articles."""

    story: dict[str, Any]
    names: dict[str, Names]


def brief_stories(store: Store, stories: Sequence[Story], group: int = 2000) -> Iterator[Briefed]:
    """Each story's brief, from its articles in the store, with its names: canonical names
    are worked out here, once, over the story's articles (``canonicalize_corpus``). Stories
    are read in groups of about ``group`` articles, one store read per group (a read per
    story cost more than the brief), so memory holds one group's articles."""
    from .brief import compose_brief
    from .render.json_out import story_to_dict

    start = 0
    while start < len(stories):
        end, size = start, 0
        while end < len(stories) and (end == start or size + len(stories[end].articles) <= group):
            size += len(stories[end].articles)
            end += 1
        part = stories[start:end]
        loaded = {i.article.id: i for i in store.analyzed([a for s in part for a in s.articles])}
        order = {aid: k for k, aid in enumerate(loaded)}  # ingest order, as the store gives
        copies = [c for i in loaded.values() for c in i.duplicates if c not in loaded]
        if copies:  # copies are cited as their original's carriers; load their records too
            loaded.update((i.article.id, i) for i in store.analyzed(copies))
        for story in part:
            items = sorted((loaded[a] for a in story.articles if a in order),
                           key=lambda i: order[i.article.id])
            canonical = canonicalize_corpus([item.extraction for item in items])
            by_id = {item.article.id: replace(item, extraction=x)
                     for item, x in zip(items, canonical, strict=True)}
            groups = {aid: list(item.duplicates) for aid, item in by_id.items()
                      if item.duplicates}
            for aid in (c for ids in groups.values() for c in ids):
                if aid in loaded:
                    by_id.setdefault(aid, loaded[aid])
            story = with_copies(story, groups)
            yield Briefed(story_to_dict(compose_brief(story, by_id, groups), by_id),
                          {aid: Names.of(item.extraction) for aid, item in by_id.items()})
        start = end


def with_copies(story: Story, groups: Mapping[str, Sequence[str]]) -> Story:
    """The story with each article's near-duplicate copies listed beside it."""

    def extend(ids: Sequence[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(x for i in ids for x in (i, *groups.get(i, ()))))

    events = tuple(replace(e, articles=extend(e.articles)) for e in story.events)
    return replace(story, articles=extend(story.articles), events=events)


__all__ = ["Batch", "Briefed", "Linked", "Run", "brief_stories", "link_and_brief", "link_new",
           "run", "store_batch", "with_copies"]
