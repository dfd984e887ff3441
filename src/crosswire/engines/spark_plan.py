"""The Spark engine's driver-side bookkeeping: the accounting the local engine does record by
record, done over the collected (small) record list. Pure functions, no Spark imports.

The local engine reads every path in one ``read_inputs`` pass; Spark reads one file per task.
Only one rule looks across files inside ``read_inputs``: the same article id seen twice (same
text -> duplicate, other text -> rejected). ``colliding_files`` finds the files that share an
id so the driver can read just those together again and get the one-pass answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..ingest.dedup import Match, admit, as_copy
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
    """The local engine's per-record rules (resume skip, ``dedup.admit``, deduper entry),
    applied in input order. ``seen`` and ``known_ids`` are updated as the local engine does."""
    plan = Plan()
    for key, rec, article_id in sorted(rows, key=lambda row: row[0]):
        if rec.input in seen:
            plan.skipped += 1
            continue
        seen.add(rec.input)
        if article_id is not None and rec.status == "ingested":
            if (again := admit(rec, article_id, known_ids)) is not None:
                plan.records[key] = again
                continue
            plan.entries.append((key, article_id))
        plan.records[key] = rec
        if article_id is not None:
            plan.keep.add(key)
    return plan


def apply_matches(plan: Plan, matches: Mapping[int, Match]) -> int:
    """Turn the entries found to copy an earlier article into duplicates (``dedup.as_copy``:
    the local records, warnings kept); ``matches`` maps entry number -> its ``Match``.
    Returns how many were marked."""
    for n, match in matches.items():
        key, _ = plan.entries[n]
        plan.records[key] = as_copy(plan.records[key], match.id, match.reason)
    return len(matches)


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
