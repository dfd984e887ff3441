"""The local engine: the whole pipeline on this machine, in bounded batches.

ingest  -> every input accounted for (ingested / duplicate / rejected), exact and near copies
           found against everything already in the store (MinHash signatures are stored) by
           ``ingest.dedup.DuplicateCheck``, the rule the Spark engine applies too
extract -> one spaCy pass per batch, in worker processes when a run has more than one batch
           (``extract.pool``: they extract the next batch while this one is written); batch +
           accounting written in one transaction, so a killed run resumes where it stopped:
           inputs already in the store are skipped
link    -> new articles join the stories in the stored link state (ids stay stable)
brief   -> a brief per story, stored as the JSON the outputs carry
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..config import LinkConfig, Settings
from ..extract import canonicalize_corpus, extract_articles
from ..extract.nlp import process_backend
from ..extract.pool import ExtractPool, auto_workers
from ..ingest import IngestLimits, read_inputs
from ..ingest.dedup import CopyRule, Deduper, DuplicateCheck
from ..records import Analyzed, Article, Extraction, InputRecord, Story
from ..registry import engines
from ..store.base import Store

log = logging.getLogger(__name__)

Progress = Callable[[str, int], None]  # (stage, units done since the last call)
Batch = list[tuple[InputRecord, Article | None, list[int] | None]]  # (record, article, MinHash)
# a batch, its articles and their extractions, awaited
Pending = tuple[Batch, list[Article], Callable[[], list[Extraction]]]


@dataclass
class IngestReport:
    ingested: int = 0
    duplicate: int = 0
    rejected: int = 0
    skipped: int = 0  # already accounted for by an earlier run on this store
    records: list[InputRecord] = field(default_factory=list)

    def count(self, rec: InputRecord) -> None:
        setattr(self, rec.status, getattr(self, rec.status) + 1)
        self.records.append(rec)


class LocalEngine:
    name = "local.v1"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pool: ExtractPool | None = None  # extraction workers, during an ingest

    def workers(self, more: bool) -> int:
        """Extraction processes for a batch: ``nlp.n_process``, where 0 means one per core
        when more batches follow (a single batch is not worth starting the workers for)."""
        n = self.settings.nlp.n_process
        if n == 0:
            return auto_workers() if more else 1
        return n

    # -- ingest + extract --------------------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], store: Store, *,
               meta: Mapping[str, str | None] | None = None,
               progress: Progress | None = None) -> IngestReport:
        report = IngestReport()
        seen = store.seen_inputs()
        rule = CopyRule.from_settings(self.settings.ingest)
        deduper = Deduper.for_rule(rule)
        for article_id, values in store.signatures(limit=rule.window).items():  # current scheme
            deduper.add(article_id, signature=values)
        check = DuplicateCheck(deduper, store.signed_ids())
        batch: Batch = []
        pending: Pending | None = None  # a batch being extracted while the next one is read
        limits = IngestLimits.from_settings(self.settings.ingest)
        try:
            for rec, article in read_inputs(paths, meta=meta, limits=limits):
                if progress:
                    progress("read", 1)
                if rec.input in seen:
                    report.skipped += 1
                    continue
                seen.add(rec.input)
                rec, article, prepared = check.check(rec, article)
                signature = None if prepared is None else prepared.values.tolist()
                batch.append((rec, article, signature))
                report.count(rec)
                if len(batch) >= self.settings.ingest.batch_size:
                    started = self._start(batch, more=True)
                    self._write(pending, store, progress)  # the workers go on meanwhile
                    pending, batch = started, []
            started = self._start(batch, more=False) if batch else None
            self._write(pending, store, progress)
            self._write(started, store, progress)
        finally:
            if self._pool is not None:
                self._pool.close()
                self._pool = None
        return report

    def _start(self, batch: Batch, more: bool) -> Pending:
        """Hand the batch's articles to the extraction workers (with workers, they start at
        once; in this process, they are extracted when the batch is written)."""
        articles = [a for _, a, _ in batch if a is not None]
        if not articles:  # all rejected or copies: no model needed
            return batch, articles, list
        nlp = self.settings.nlp
        workers = self.workers(more)
        if self._pool is None and workers > 1:  # kept for the rest of the run
            self._pool = ExtractPool(nlp.backend, nlp.model, workers, batch_size=nlp.batch_size)
        if self._pool is not None:
            return batch, articles, self._pool.submit(articles)
        # in this process: the model loads with the first batch that has text to parse
        return batch, articles, lambda: list(extract_articles(
            articles, process_backend(nlp.backend, nlp.model), batch_size=nlp.batch_size))

    def _write(self, pending: Pending | None, store: Store, progress: Progress | None) -> None:
        """Wait for the batch's extractions; write it and its accounting in one transaction."""
        if pending is None:
            return
        batch, articles, extractions = pending
        analyzed = [Analyzed(a, x) for a, x in zip(articles, extractions(), strict=True)]
        signatures = {a.id: s for _, a, s in batch if a is not None and s is not None}
        store.add_batch([r for r, _, _ in batch], analyzed, signatures)
        if progress:
            progress("extract", len(articles))

    # -- link + brief ------------------------------------------------------------------
    def link(self, store: Store) -> list[dict[str, Any]]:
        """Link articles not yet in the stored link state, then re-brief; returns stories."""
        return link_and_brief(store, config=link_config(self.settings))


def link_config(settings: Settings) -> LinkConfig:
    """The linker's ``LinkConfig`` from the ``[link]`` settings (other thresholds keep their
    measured defaults)."""
    return settings.link.link_config()


def link_and_brief(store: Store, chunk: int = 2000, config: Any = None) -> list[dict[str, Any]]:
    """Link the articles the stored link state has not seen, in chunks, then re-brief only
    the stories they touched. Memory grows with the link state and one chunk, not with the
    corpus: article texts and extractions are read from the store per chunk of articles and
    per group of stories."""
    from ..link import LinkState, link_articles

    raw = store.load_link_state()
    state = LinkState.from_json(raw) if raw else None
    before = {s.id for s in state.stories} if state else set()
    linked = state.article_ids() if state else set()
    new_ids = [aid for aid in store.original_ids() if aid not in linked]
    for start in range(0, len(new_ids), chunk):
        part = store.analyzed(new_ids[start : start + chunk])
        canonical = canonicalize_corpus([item.extraction for item in part])
        part = [replace(item, extraction=x) for item, x in zip(part, canonical, strict=True)]
        state = link_articles(part, state, config, reuse=True)  # the old one is dropped
    if state is None:
        return []
    current = {s.id: s for s in state.stories}
    touched = {state.alias_of.get(state.story_of[a], state.story_of[a]) for a in new_ids
               if a in state.story_of}
    touched |= {state.alias_of[sid] for sid in before if sid in state.alias_of}
    removed = sorted(before - set(current))
    briefs = list(brief_stories(store, [current[s] for s in sorted(touched) if s in current]))
    store.save_link(state.to_json(), briefs, removed=removed)
    return store.story_dicts()


def brief_stories(store: Store, stories: Sequence[Story],
                  group: int = 2000) -> Iterator[dict[str, Any]]:
    """The contract dict of each story's brief, from its articles in the store. Stories are
    read in groups of about ``group`` articles, one store read per group (a read per story
    cost more than the brief), so memory holds one group's articles."""
    from ..brief import compose_brief
    from ..render.json_out import story_to_dict

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
            yield story_to_dict(compose_brief(story, by_id, groups), by_id)
        start = end


def with_copies(story: Story, groups: Mapping[str, Sequence[str]]) -> Story:
    """The story with each article's near-duplicate copies listed beside it."""

    def extend(ids: Sequence[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(x for i in ids for x in (i, *groups.get(i, ()))))

    events = tuple(replace(e, articles=extend(e.articles)) for e in story.events)
    return replace(story, articles=extend(story.articles), events=events)


@engines.register("local.v1")
def make_local_engine(settings: Settings) -> LocalEngine:
    return LocalEngine(settings)
