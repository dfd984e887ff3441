"""The local engine (``local.v1``): ingest and extract on this machine, in bounded batches.
The order of the stages is ``crosswire.pipeline``'s; this module only says where they run.

ingest  -> every input accounted for (ingested / duplicate / rejected), exact and near copies
           found against everything already in the store (MinHash signatures are stored) by
           ``ingest.dedup.DuplicateCheck``, the rule the Spark engine applies too
extract -> one spaCy pass per batch, in worker processes when a run has more than one batch
           (``engines.pool``: they extract the next batch while this one is written); each
           batch goes to ``pipeline.store_batch`` with its accounting in one transaction, so
           a killed run resumes where it stopped: inputs already in the store are skipped
link    -> ``pipeline.link_and_brief`` in this process (link, brief, render, store)
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from ..config import LinkConfig, Settings
from ..extract import extract_articles
from ..ingest import IngestLimits, read_inputs
from ..ingest.dedup import CopyRule, Deduper, DuplicateCheck
from ..nlp import process_backend
from ..pipeline import link_and_brief, store_batch
from ..records import Analyzed, Article, Extraction, InputRecord
from ..registry import engines
from ..store.base import Store
from .base import IngestReport, Progress
from .pool import ExtractPool, auto_workers

log = logging.getLogger(__name__)

Batch = list[tuple[InputRecord, Article | None, list[int] | None]]  # (record, article, MinHash)
# a batch, its articles and their extractions, awaited
Pending = tuple[Batch, list[Article], Callable[[], list[Extraction]]]


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
        started: Pending | None
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
                if len(batch) >= self.settings.ingest.batch_size:
                    started = self._start(batch, more=True)
                    self._write(pending, store, progress, report)  # workers go on meanwhile
                    pending, batch = started, []
            started = self._start(batch, more=False) if batch else None
            self._write(pending, store, progress, report)
            self._write(started, store, progress, report)
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

    def _write(self, pending: Pending | None, store: Store, progress: Progress | None,
               report: IngestReport) -> None:
        """Wait for the batch's extractions; store it with its accounting, and count it."""
        if pending is None:
            return
        batch, articles, extractions = pending
        analyzed = iter([Analyzed(a, x) for a, x in zip(articles, extractions(), strict=True)])
        for rec in store_batch(
                store, [(r, None if a is None else next(analyzed), s) for r, a, s in batch],
                progress):  # fmt: skip
            report.count(rec)

    # -- link + brief ------------------------------------------------------------------
    def link(self, store: Store) -> list[dict[str, Any]]:
        """Link articles not yet in the stored link state, then re-brief; returns stories."""
        return link_and_brief(store, config=link_config(self.settings))


def link_config(settings: Settings) -> LinkConfig:
    """The linker's ``LinkConfig`` from the ``[link]`` settings (other thresholds keep their
    measured defaults)."""
    return settings.link.link_config()


@engines.register("local.v1")
def make_local_engine(settings: Settings) -> LocalEngine:
    return LocalEngine(settings)
