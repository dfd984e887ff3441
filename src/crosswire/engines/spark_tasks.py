"""What the Spark executors run: plain functions over plain data, no Spark imports.

Each function takes an iterator (one partition) and yields picklable tuples of dicts and ints,
so it can be unit-tested without a cluster. They call exactly the functions the local engine
calls (``read_inputs``, ``dedup.fingerprint``, ``extract_articles``) and decide copies by the
same ``dedup.CopyRule``, which is what makes the two engines give the same results.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from ..ingest import IngestLimits, read_inputs
from ..ingest.common import rejected
from ..ingest.dedup import NUM_PERM, CopyRule, Scored, fingerprint, make_minhash
from ..records import article_from_dict, to_dict

log = logging.getLogger(__name__)

Key = tuple[int, int]  # (file number, record number inside the file): the input order
Item = dict[str, Any]  # {"record": dict, "article": dict | None, "signature": list | None}


def read_files(units: Iterable[tuple[int, str, str | None]], meta: Mapping[str, str],
               limits: IngestLimits, num_perm: int = NUM_PERM) -> Iterator[tuple[Key, Item]]:
    """``((file number, record number), item)`` for every input unit of every file: the same
    ``read_inputs`` the local engine runs, one file at a time, plus the fingerprint of each
    ingested article (computed here, where the text is): its MinHash signature and its exact
    key (hex). A unit with a ``problem`` (found while listing) becomes its ``rejected``
    record."""
    for number, path, problem in units:
        results = [rejected(path, problem)] if problem else read_inputs(
            [path], meta=meta, limits=limits)
        for k, (rec, article) in enumerate(results):
            signature = exact = None
            if article is not None and rec.status == "ingested":
                prepared = fingerprint(article.text, num_perm)
                signature = prepared.values.tolist()
                exact = prepared.key.hex() if prepared.key is not None else None
            yield (number, k), {
                "record": to_dict(rec),
                "article": to_dict(article) if article is not None else None,
                "signature": signature,
                "exact": exact,
            }


def extract_items(rows: Iterable[tuple[Key, Item]], backend_name: str, model: str | None,
                  batch_size: int) -> Iterator[tuple[Key, Item]]:
    """The rows, each item with an article gaining ``"extraction"`` (a plain dict)."""
    from ..extract import extract_articles
    from ..nlp import process_backend  # one model per executor (worker reuse is on)

    rows = list(rows)
    todo = [(i, article_from_dict(item["article"])) for i, (_, item) in enumerate(rows)
            if item.get("article") is not None]
    if todo:
        backend = process_backend(backend_name, model)
        extractions = extract_articles([a for _, a in todo], backend, batch_size=batch_size)
        for (i, _), extraction in zip(todo, extractions, strict=True):
            rows[i][1]["extraction"] = to_dict(extraction)
    yield from rows


# -- near duplicates: LSH banding as a distributed blocking step -----------------------------
Entry = tuple[int, str, tuple[int, ...]]  # (order in the deduper, article id, signature)


def band_keys(entries: Iterable[Entry], ranges: Sequence[tuple[int, int]],
              empty: tuple[int, ...]) -> Iterator[tuple[tuple[int, tuple[int, ...]], Entry]]:
    """``((band, band values), entry)`` for each band of each signature. Two articles share
    a key exactly when ``MinHashLSH.query`` would return one for the other. Wordless texts
    (the empty signature) are not indexed, as in the local ``Deduper``."""
    for entry in entries:
        if entry[2] == empty:
            continue
        for band, (start, end) in enumerate(ranges):
            yield (band, entry[2][start:end]), entry


def bucket_pairs(members: Iterable[Entry], rule: CopyRule,
                 first_new: int = 0) -> Iterator[tuple[int, Scored]]:
    """``(later order, (Jaccard, earlier order, earlier id))`` for every pair in one LSH bucket
    that ``rule`` calls a copy (and whose earlier side the later one sees, as the local
    ``Deduper``'s windows would). Only articles of this run (order >= ``first_new``) are
    checked; stored articles are only ever the earlier side. ``rule.better`` then picks one
    per article over all buckets."""
    ordered = sorted(members, key=lambda e: e[0])
    hashes = [make_minhash(e[2]) for e in ordered]
    for i in range(len(ordered)):
        if ordered[i][0] < first_new:
            continue
        for j in range(i):
            if not rule.sees(ordered[j][0], ordered[i][0]):
                continue
            score = float(hashes[i].jaccard(hashes[j]))
            if rule.is_copy(score):
                yield ordered[i][0], (score, ordered[j][0], ordered[j][1])


def as_signature(values: Sequence[int] | np.ndarray) -> tuple[int, ...]:
    """Hash values as a tuple of ints: hashable (a band key) and dtype-free."""
    return tuple(int(v) for v in values)
