"""The cost of adding one batch of articles to a store that already holds many (issue 18).

    python bench/bench_incremental.py --sizes 1000 10000 [100000] [--batch 50]

For each size n, a fresh DuckDB store is filled with n synthetic articles (the generator of
``bench_link_scale.py``: real sentences from the shared ECB+ and newsclust texts, invented
names, places and dates; no spaCy runs) and linked, as ``crosswire ingest`` leaves a store.
Then ``--batch`` more articles of the same stream are added the way ``crosswire ingest``
adds them: ``store.add_batch`` (accounting, article, extraction) and
``pipeline.link_and_brief`` (load the link state, link the new articles, brief the
stories they touched, save). That step is timed (wall and CPU) and its peak Python memory
measured with ``tracemalloc``; the link state's stored size is reported too.

The peer, on the same store and the same batch, is what a tool without incremental state
does: relink every article in the store from scratch (``link_articles`` over all of them),
timed the same way. crosswire's per-batch cost should stay flat as n grows; the peer's grows
with n.

Each size runs in its own subprocess (a clean process for memory). Building the 100k store
takes tens of minutes on two cores.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from common import write_result  # noqa: E402

from crosswire.records import InputRecord  # noqa: E402

BUILD_BATCH = 1000


def _add(store, items) -> None:
    records = [InputRecord(f"synthetic:{i.article.id}", "ingested", i.article.id) for i in items]
    store.add_batch(records, items, {})


def _timed(step) -> dict:
    tracemalloc.start()
    wall, cpu = time.perf_counter(), time.process_time()
    step()
    out = {"seconds": round(time.perf_counter() - wall, 3),
           "cpu_seconds": round(time.process_time() - cpu, 3),
           "peak_mib": round(tracemalloc.get_traced_memory()[1] / 2**20, 1)}
    tracemalloc.stop()
    return out


def run_size(n: int, batch: int) -> dict:
    from bench_link_scale import stream

    from crosswire.link import link_articles
    from crosswire.pipeline import link_and_brief
    from crosswire.store.duckdb import DuckDBStore

    items = [a for a, _ in stream(n + batch)]
    base, new = items[:n], items[n:]
    with tempfile.TemporaryDirectory() as tmp:
        store = DuckDBStore(str(Path(tmp) / "bench.duckdb"))
        t0 = time.perf_counter()
        for start in range(0, n, BUILD_BATCH):
            _add(store, base[start : start + BUILD_BATCH])
        link_and_brief(store)
        build = round(time.perf_counter() - t0, 1)
        state_kib = round(len(json.dumps(store.load_link_state() or {})) / 1024, 1)

        def crosswire_step() -> None:
            _add(store, new)
            link_and_brief(store)

        ours = _timed(crosswire_step)

        def peer_step() -> None:
            link_articles(store.analyzed(store.original_ids()), None)

        peer = _timed(peer_step)
        stories = len(store.story_dicts())
        store.close()
    return {"n": n, "batch": batch, "build_seconds": build, "link_state_kib": state_kib,
            "stories": stories, "crosswire": ours, "peer_relink_all": peer}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a size, in this process
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "incremental.json")
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_size(args.one, args.batch)))
        return 0
    runs = []
    for n in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(n), "--batch",
                               str(args.batch)], capture_output=True, text=True, check=True)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        runs.append(row)
        ours, peer = row["crosswire"], row["peer_relink_all"]
        print(f"n={n:>7}: crosswire {ours['seconds']:>7.2f} s {ours['peak_mib']:>7.1f} MiB | "
              f"peer {peer['seconds']:>7.2f} s {peer['peak_mib']:>7.1f} MiB | state "
              f"{row['link_state_kib']} KiB, built in {row['build_seconds']} s", flush=True)
    write_result(args.out, "incremental", {"batch": args.batch, "runs": runs})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
