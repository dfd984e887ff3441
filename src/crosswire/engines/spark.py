"""The Spark engine (``--engine spark``, ``spark.v1``): the pipeline's ingest and extract
spread over a Spark cluster, giving the same stored results as the local engine (see
docs/spark.md). The order of the stages is ``crosswire.pipeline``'s; this module only says
where they run.

read     -> files are listed on the driver; each task runs the same ``read_inputs`` on its
            files and computes the MinHash signatures where the text is
account  -> resume skips, id checks and the order of the near-duplicate index, on the driver
            over the collected records (small: no texts)
dedup    -> the local engine's ``dedup.CopyRule``: exact copies on the driver (exact keys are
            collected with the records), near copies by LSH banding as a distributed blocking
            step (band keys exploded, grouped, pairs scored, ``CopyRule.better`` picks the
            original)
extract  -> articles range-partitioned in input order; ``extract_articles`` per partition with
            the spaCy model loaded once per executor process
store    -> the driver streams the partitions back in order and writes them through
            ``pipeline.store_batch`` in the same batches as the local engine
link     -> ``pipeline.link_and_brief`` on the driver (linking is online and order-dependent)
"""

from __future__ import annotations

import bisect
import logging
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..errors import MissingExtraError
from ..ingest import IngestLimits, read_inputs
from ..ingest.common import check_meta
from ..ingest.dedup import CopyRule, Deduper, Match, Scored, find_exact_copies
from ..ingest.files import walk_paths
from ..pipeline import link_and_brief, store_batch
from ..records import (
    Analyzed,
    InputRecord,
    article_from_dict,
    extraction_from_dict,
    to_dict,
)
from ..registry import engines
from ..store.base import Store
from . import spark_tasks as tasks
from .base import IngestReport, Progress
from .spark_plan import Key, Plan, apply_matches, colliding_files, plan_accounting, split_by_file

if TYPE_CHECKING:  # the Spark extra is optional at run time
    from pyspark import RDD, Broadcast, SparkContext
    from pyspark.sql import SparkSession

log = logging.getLogger(__name__)

Unit = tuple[int, str, str | None]  # (file number, path, problem found while listing)
Override = tuple[dict[str, Any], dict[str, Any] | None]  # (record, article) after a re-read
Read = tuple[Key, tasks.Item]  # one input as the executors read it
Collected = tuple[Key, dict[str, Any], str | None]  # (key, record, article id) on the driver


def spark_session(master: str = Settings().spark_master,
                  conf: Mapping[str, str] | None = None) -> SparkSession:
    """The active SparkSession, or a new one on ``master`` (``local[N]``, ``spark://``,
    ``yarn``, ``k8s://``). For local masters the workers get this interpreter and can import
    crosswire from where this process does."""
    from pyspark.sql import SparkSession

    if master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        src = str(Path(__file__).resolve().parents[2])
        paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
        if src not in paths:
            os.environ["PYTHONPATH"] = os.pathsep.join(p for p in [src, *paths] if p)
    builder = SparkSession.builder.master(master).appName("crosswire")
    builder = builder.config("spark.python.worker.reuse", "true")
    builder = builder.config("spark.ui.showConsoleProgress", "false")  # crosswire shows its own
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    if session.sparkContext.master != master:
        log.info("using the running Spark session on %s (not %s)", session.sparkContext.master,
                 master)
    return session


class SparkEngine:
    """Ingest and extract on Spark; link, brief and render on the driver."""

    name = "spark.v1"

    def __init__(self, settings: Settings, session: SparkSession | None = None) -> None:
        self.settings = settings
        self._session = session

    @property
    def session(self) -> SparkSession:
        if self._session is None:
            self._session = spark_session(self.settings.spark_master)
        return self._session

    def ingest(self, paths: Iterable[str | Path], store: Store, *,
               meta: Mapping[str, str | None] | None = None,
               progress: Progress | None = None) -> IngestReport:
        from pyspark import StorageLevel

        sc = self.session.sparkContext
        clean_meta = check_meta(meta)  # a bad flag fails here, before any job starts
        limits = IngestLimits.from_settings(self.settings.ingest)
        rule = CopyRule.from_settings(self.settings.ingest)
        units = list_units(paths, limits.max_files)
        report = IngestReport()
        if not units:
            return report
        slices = max(1, min(len(units), sc.defaultParallelism * 4))
        read = (sc.parallelize(units, slices)
                .mapPartitions(partial(tasks.read_files, meta=clean_meta, limits=limits,
                                       num_perm=rule.num_perm))
                .persist(StorageLevel.MEMORY_AND_DISK))
        try:
            collected = sorted(read.map(_row).collect(), key=lambda row: row[0])
            exact = {k: bytes.fromhex(x) for k, _, _, x in collected if x is not None}
            rows = [(k, r, a) for k, r, a, _ in collected]
            if progress:
                progress("read", len(rows))
            rows, overrides = self._reread_collisions(units, rows, clean_meta, limits)
            stored = store.signatures(limit=rule.window)
            plan = plan_accounting(
                [(k, InputRecord(**r), a) for k, r, a in rows], store.seen_inputs(),
                store.signed_ids())
            marked = self._mark_duplicates(sc, read, plan, stored, exact, rule)
            log.info("spark ingest: %d inputs, %d copies", len(plan.records), marked)
            self._extract_and_store(sc, read, plan, overrides, store, report, progress)
        finally:
            read.unpersist()
        report.skipped = plan.skipped
        return report

    def link(self, store: Store) -> list[dict[str, Any]]:
        """Link, brief and render on the driver, as the local engine does."""
        return link_and_brief(store, config=self.settings.link.link_config())

    # -- steps ---------------------------------------------------------------------------
    def _reread_collisions(self, units: list[Unit], rows: list[Collected],
                           meta: Mapping[str, str], limits: IngestLimits,
                           ) -> tuple[list[Collected], dict[Key, Override]]:
        """Files sharing article ids, read again together on the driver, so the id rule sees
        them in one pass as the local engine does. Returns corrected rows and the changed
        (record, article) per key."""
        groups = colliding_files((k, None, a) for k, _, a in rows)
        if not groups:
            return rows, {}
        counts: dict[int, int] = {}
        for (number, _), _, _ in rows:
            counts[number] = counts.get(number, 0) + 1
        by_key = {k: (r, a) for k, r, a in rows}
        overrides: dict[Key, Override] = {}
        for group in groups:
            log.info("re-reading %d files that share article ids together", len(group))
            results = list(read_inputs([units[n][1] for n in group], meta=meta, limits=limits))
            per_file = split_by_file(results, [counts[n] for n in group])
            for number, items in zip(group, per_file, strict=True):
                for k, (rec, article) in enumerate(items):
                    new = (to_dict(rec), to_dict(article) if article is not None else None)
                    if new[0] != by_key[(number, k)][0] or (new[1] is None) != (
                            by_key[(number, k)][1] is None):
                        overrides[(number, k)] = new
                        by_key[(number, k)] = (new[0], new[1]["id"] if new[1] else None)
        return [(k, *by_key[k]) for k in sorted(by_key)], overrides

    def _mark_duplicates(self, sc: SparkContext, read: RDD[Read], plan: Plan,
                         stored: Mapping[str, list[int]], exact: Mapping[Key, bytes],
                         rule: CopyRule) -> int:
        """The local ``DuplicateCheck``'s copy step over the run at once: exact copies on the
        driver (``find_exact_copies``), near ones over LSH buckets on the executors; an exact
        copy comes first, as in ``Deduper.match``."""
        if not plan.entries:
            return 0
        found = find_exact_copies(rule, stored, [(a, exact.get(k)) for k, a in plan.entries])
        if len(plan.entries) + len(stored) >= 2:
            for n, (score, _, original) in self._near_copies(sc, read, plan, stored, rule):
                found.setdefault(n, Match(original, score, False))
        return apply_matches(plan, found)

    def _near_copies(self, sc: SparkContext, read: RDD[Read], plan: Plan,
                     stored: Mapping[str, list[int]],
                     rule: CopyRule) -> Iterator[tuple[int, Scored]]:
        """(entry number, best near copy) for the entries that copy an earlier article."""
        first_new = len(stored)
        order = sc.broadcast({key: first_new + n for n, (key, _) in enumerate(plan.entries)})
        entries = read.filter(lambda kv: kv[0] in order.value).map(
            lambda kv: (order.value[kv[0]], kv[1]["article"]["id"],
                        tasks.as_signature(kv[1]["signature"])))
        if stored:
            old = [(n, a, tasks.as_signature(s)) for n, (a, s) in enumerate(stored.items())]
            entries = entries.union(sc.parallelize(old, max(1, sc.defaultParallelism)))
        empty = tasks.as_signature(Deduper.for_rule(rule).signature(""))
        matches = (
            entries.mapPartitions(partial(tasks.band_keys, ranges=rule.bands(), empty=empty))
            .groupByKey()
            .flatMap(partial(_bucket, rule=rule, first_new=first_new))
            .reduceByKey(rule.better)
            .collect())
        order.unpersist()
        for later, best in matches:
            yield later - first_new, best

    def _extract_and_store(self, sc: SparkContext, read: RDD[Read], plan: Plan,
                           overrides: Mapping[Key, Override], store: Store,
                           report: IngestReport, progress: Progress | None) -> None:
        from pyspark import StorageLevel

        keep = sorted(plan.keep)
        extracted: RDD[Read] | None = None
        wanted: Broadcast[tuple[set[Key], dict[Key, Override]]] | None = None
        stream: Iterator[tuple[Key, dict[str, Any]]] = iter(())
        if keep:
            n = max(1, min(len(keep), sc.defaultParallelism * 3))
            bounds = [keep[len(keep) * i // n] for i in range(1, n)]
            wanted = sc.broadcast((set(keep), dict(overrides)))
            nlp = self.settings.nlp
            extracted = (
                read.filter(lambda kv: kv[0] in wanted.value[0])
                .map(lambda kv: _override(kv, wanted.value[1]))
                .partitionBy(n, partial(bisect.bisect_right, bounds))
                .mapPartitions(partial(_extract_sorted, backend_name=nlp.backend,
                                       model=nlp.model, batch_size=nlp.batch_size))
                .persist(StorageLevel.MEMORY_AND_DISK))
            extracted.count()  # all partitions in parallel; then streamed back in order
            stream = extracted.toLocalIterator()
        entry_keys = {key for key, _ in plan.entries}
        try:
            batch: list[tuple[InputRecord, Analyzed | None, list[int] | None]] = []
            for key in sorted(plan.records):
                rec = plan.records[key]
                analyzed, signature = None, None
                if key in plan.keep:
                    got, item = next(stream)
                    if got != key:
                        raise RuntimeError(f"spark stream out of order: {got} != {key}")
                    analyzed = Analyzed(article_from_dict(item["article"]),
                                        extraction_from_dict(item["extraction"]))
                    if key in entry_keys:  # went through the deduper: its signature is kept
                        signature = item["signature"]
                batch.append((rec, analyzed, signature))
                if len(batch) >= self.settings.ingest.batch_size:
                    for stored in store_batch(store, batch, progress):
                        report.count(stored)
                    batch = []
            if batch:
                for stored in store_batch(store, batch, progress):
                    report.count(stored)
        finally:
            if extracted is not None:
                extracted.unpersist()
            if wanted is not None:
                wanted.unpersist()


def list_units(paths: Iterable[str | Path], max_files: int) -> list[Unit]:
    """The files under ``paths`` in the order ``read_inputs`` walks them, with the problems
    it would report (unreadable paths, the ``max_files`` stop) kept in place."""
    units: list[Unit] = []
    files = 0
    for path, problem in walk_paths([Path(p) for p in paths]):
        if not problem:
            files += 1
            if files > max_files:
                problem = f"more than {max_files:,} files; stopped here (set --max-files)"
                units.append((len(units), str(path), problem))
                break
        units.append((len(units), str(path), problem))
    return units


def _row(kv: tuple[Key, dict[str, Any]]) -> tuple[Key, dict[str, Any], str | None, str | None]:
    """What the driver collects of an input: its record, article id and exact key (no text)."""
    key, item = kv
    return key, item["record"], item["article"]["id"] if item["article"] else None, item["exact"]


def _bucket(kv: tuple[object, Iterable[tasks.Entry]], rule: CopyRule,
            first_new: int) -> Iterator[tuple[int, Scored]]:
    return tasks.bucket_pairs(kv[1], rule, first_new)


def _override(kv: tuple[Key, dict[str, Any]],
              overrides: Mapping[Key, Override]) -> tuple[Key, dict[str, Any]]:
    key, item = kv
    if key in overrides:
        item = {**item, "record": overrides[key][0], "article": overrides[key][1]}
    return key, item


def _extract_sorted(rows: Iterable[tuple[Key, dict[str, Any]]], backend_name: str,
                    model: str | None, batch_size: int) -> Iterator[tuple[Key, dict[str, Any]]]:
    ordered = sorted(rows, key=lambda kv: kv[0])
    return tasks.extract_items(ordered, backend_name, model, batch_size)


@engines.register("spark.v1")
def make_spark_engine(settings: Settings) -> SparkEngine:
    try:
        import pyspark  # noqa: F401 -- optional extra, imported only when chosen
    except ImportError:
        raise MissingExtraError("The Spark engine", extra="spark") from None
    return SparkEngine(settings)


__all__ = ["SparkEngine", "list_units", "make_spark_engine", "spark_session"]
