"""The Spark engine's driver-side bookkeeping: the accounting the local engine does record by
record, done over the collected (small) record list. Pure functions, no Spark imports.

The local engine reads every path in one ``read_inputs`` pass; Spark reads one file per task.
Only one rule looks across files inside ``read_inputs``: the same article id seen twice (same
text -> duplicate, other text -> rejected). ``colliding_files`` finds the files that share an
id so the driver can read just those together again and get the one-pass answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..ingest.dedup import Match
from ..records import InputRecord

Key = tuple[int, int]
Row = tuple[Key, InputRecord, str | None]  # (key, record, id of the attached article or None)


@dataclass
class Plan:
    """Where each input ends up, in input order. Skipped inputs (already in the store) are
    counted, not listed."""

    records: dict[Key, InputRecord] = field(default_factory=dict)
    keep: set[Key] = field(default_factory=set)  # keys whose article is extracted and stored
    entries: list[tuple[Key, str]] = field(default_factory=list)  # deduper order, this run
    skipped: int = 0


def plan_accounting(rows: Iterable[Row], seen: set[str], known_ids: set[str]) -> Plan:
    """The local engine's per-record rules (resume skip, id already stored, deduper entry),
    applied in input order. ``seen`` and ``known_ids`` are updated as the local engine does."""
    plan = Plan()
    for key, rec, article_id in sorted(rows, key=lambda row: row[0]):
        if rec.input in seen:
            plan.skipped += 1
            continue
        seen.add(rec.input)
        if article_id is not None and rec.status == "ingested":
            if article_id in known_ids:
                plan.records[key] = replace(
                    rec, status="duplicate", duplicate_of=article_id,
                    reason=f"article {article_id} is already in the store")
                continue
            known_ids.add(article_id)
            plan.entries.append((key, article_id))
        plan.records[key] = rec
        if article_id is not None:
            plan.keep.add(key)
    return plan


def apply_matches(plan: Plan, matches: Mapping[int, tuple[float, int, str]],
                  first_new: int) -> int:
    """Turn the entries the LSH step matched into near-duplicates (the local ``Deduper``
    reason text); ``matches`` maps deduper order -> (Jaccard, earlier order, earlier id).
    Returns how many were marked."""
    marked = 0
    for order, (score, _, original) in matches.items():
        key, _ = plan.entries[order - first_new]
        rec = plan.records[key]
        plan.records[key] = replace(rec, status="duplicate", duplicate_of=original,
                                    reason=Match(original, score, False).reason)
        marked += 1
    return marked


def colliding_files(rows: Iterable[tuple[Key, object, str | None]]) -> list[list[int]]:
    """Groups (sorted file numbers) of files that share an article id, transitively; files
    whose ids are all their own are left out."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_file: dict[str, int] = {}
    for (number, _), _, article_id in rows:
        if article_id is None:
            continue
        other = first_file.setdefault(article_id, number)
        if other != number:
            parent[root(number)] = root(other)
    groups: dict[int, list[int]] = {}
    for number in parent:
        groups.setdefault(root(number), []).append(number)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


def split_by_file(results: Sequence[tuple[InputRecord, object]], counts: Sequence[int]
                  ) -> list[list[tuple[InputRecord, object]]]:
    """One pass over several files cut back into per-file lists (``counts`` records each)."""
    if sum(counts) != len(results):
        raise RuntimeError(
            f"re-reading gave {len(results)} records where the first read gave {sum(counts)}; "
            "an input changed while crosswire was reading it: run again")
    out, start = [], 0
    for n in counts:
        out.append(list(results[start : start + n]))
        start += n
    return out
