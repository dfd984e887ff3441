"""The cost of adding one batch of articles to a store that already holds many (issue 18).

    python bench/bench_incremental.py --sizes 1000 10000 [100000] [--batch 50] [--batches 3]

For each size n, a fresh DuckDB store is filled with n synthetic articles (the generator of
``bench_link_scale.py``: real sentences from the shared ECB+ and newsclust texts, invented
names, places and dates; no spaCy runs) and linked, as ``crosswire ingest`` leaves a store.
Then ``--batch`` more articles of the same stream are added the way ``crosswire ingest``
adds them: ``store.add_batch`` (accounting, article, extraction) and
``pipeline.link_and_brief`` (read the live stories' rows, link the new articles, brief the
stories they touched, save). ``--batches`` such steps are timed (wall and CPU; the median is
reported, each step is kept) and split into briefing (``pipeline.brief_stories``, with how
many stories and articles it re-briefed: a batch that joins a long story re-briefs all of
it) and the rest, "link and store"; one more step measures peak Python memory with
``tracemalloc`` (which slows Python, so its seconds are not used): the step's, and apart
the peak while reading the state, linking and saving (``link_and_store_peak_mib``) and
while briefing (``brief_peak_mib``: the briefs hold the touched stories' articles, so it
follows their size, not the store's). The link state's stored size is reported too.

The peer, on the same store, is what a tool without incremental state does: relink every
article in the store from scratch (``link_articles`` over all of them), timed the same way
(its memory too, up to 10k: at 100k that second relink would take 13 more minutes).
crosswire's "link and store" cost should stay flat as n grows; the peer's grows with n.

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


def _timed(step, memory: bool = False, clock: _BriefClock | None = None) -> dict:
    """Wall and CPU seconds of ``step()``; with ``memory``, its peak Python memory
    (``tracemalloc`` slows Python down, so the seconds of such a run are not reported),
    and with a ``clock`` that peak split into the link and store's and the briefs'."""
    if memory:
        tracemalloc.start()
    wall, cpu = time.perf_counter(), time.process_time()
    step()
    out = {"seconds": round(time.perf_counter() - wall, 3),
           "cpu_seconds": round(time.process_time() - cpu, 3)}
    if memory:
        peak = tracemalloc.get_traced_memory()[1]
        out = clock.take(peak) if clock is not None else {}
        # the whole step's peak: the largest of the parts' (each part's peak is taken alone)
        out["peak_mib"] = max(round(peak / 2**20, 1), out.get("link_and_store_peak_mib", 0),
                              out.get("brief_peak_mib", 0))
        tracemalloc.stop()
    return out


class _BriefClock:
    """Time spent briefing inside ``link_and_brief`` (``pipeline.brief_stories`` wrapped),
    and how many stories and articles the briefs covered."""

    def __init__(self) -> None:
        import crosswire.pipeline as pipeline

        self.seconds, self.stories, self.articles = 0.0, 0, 0
        self.link_peak = self.brief_peak = 0  # bytes, while tracemalloc runs
        real = pipeline.brief_stories

        def timed(store, stories, *args, **kwargs):
            self.stories += len(stories)
            self.articles += sum(len(s.articles) for s in stories)
            tracing = tracemalloc.is_tracing()
            if tracing:  # the peak so far is the link's; the briefs' is taken on its own
                self.link_peak = max(self.link_peak, tracemalloc.get_traced_memory()[1])
                tracemalloc.reset_peak()
            it = real(store, stories, *args, **kwargs)
            while True:
                t0 = time.perf_counter()
                try:
                    item = next(it)
                except StopIteration:
                    self.seconds += time.perf_counter() - t0
                    if tracing:
                        self.brief_peak = max(self.brief_peak, tracemalloc.get_traced_memory()[1])
                        tracemalloc.reset_peak()  # what follows is the store's write
                    return
                self.seconds += time.perf_counter() - t0
                yield item

        pipeline.brief_stories = timed

    def take(self, peak: int | None = None) -> dict:
        """What the step took; ``peak``: the bytes traced at the step's end peak (since the
        briefs ended), with which the link and store's own peak is told apart from the
        briefs' (``link_and_store_peak_mib``, ``brief_peak_mib``)."""
        out = {"brief_seconds": round(self.seconds, 3), "stories_briefed": self.stories,
               "articles_briefed": self.articles}
        if peak is not None:
            out["link_and_store_peak_mib"] = round(max(self.link_peak, peak) / 2**20, 1)
            out["brief_peak_mib"] = round(self.brief_peak / 2**20, 1)
        self.seconds, self.stories, self.articles = 0.0, 0, 0
        self.link_peak = self.brief_peak = 0
        return out


def run_size(n: int, batch: int, batches: int) -> dict:
    from bench_link_scale import stream

    from crosswire.link import link_articles
    from crosswire.pipeline import link_and_brief
    from crosswire.store.duckdb import DuckDBStore

    items = [a for a, _ in stream(n + batch * (batches + 1))]
    base, new = items[:n], items[n:]
    with tempfile.TemporaryDirectory() as tmp:
        store = DuckDBStore(str(Path(tmp) / "bench.duckdb"))
        t0 = time.perf_counter()
        for start in range(0, n, BUILD_BATCH):
            _add(store, base[start : start + BUILD_BATCH])
        link_and_brief(store)
        build = round(time.perf_counter() - t0, 1)
        state_kib = round(len(json.dumps(store.load_link_state() or {})) / 1024, 1)
        clock = _BriefClock()
        steps = []
        for k in range(batches + 1):  # the last one measures memory
            part = new[k * batch : (k + 1) * batch]

            def crosswire_step(part=part) -> None:
                _add(store, part)
                link_and_brief(store)

            row = _timed(crosswire_step, memory=k == batches, clock=clock)
            if k < batches:
                row.update(clock.take())
            if "seconds" in row:
                row["link_and_store_seconds"] = round(row["seconds"] - row["brief_seconds"], 3)
            steps.append(row)
        linked = [r for r in steps if "seconds" in r]
        ours = {key: _median([r[key] for r in linked]) for key in
                ("seconds", "cpu_seconds", "link_and_store_seconds", "brief_seconds",
                 "articles_briefed")}
        for key in ("peak_mib", "link_and_store_peak_mib", "brief_peak_mib"):
            ours[key] = steps[-1][key]

        def peer_step() -> None:
            link_articles(store.analyzed(store.original_ids()), None)

        peer = _timed(peer_step)
        # its memory needs a second relink under tracemalloc: 13 more minutes at 100k
        peer["peak_mib"] = _timed(peer_step, memory=True)["peak_mib"] if n <= 10000 else None
        stories = len(store.stories())
        store.close()
    return {"n": n, "batch": batch, "build_seconds": build, "link_state_kib": state_kib,
            "stories": stories, "crosswire": ours, "batches": steps, "peer_relink_all": peer}


def _median(values: list) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else round((ordered[mid - 1] + ordered[mid]) / 2, 3)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--batches", type=int, default=3, help="timed batches per size (median)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a size, in this process
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "incremental.json")
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_size(args.one, args.batch, args.batches)))
        return 0
    runs = []
    for n in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(n), "--batch",
                               str(args.batch), "--batches", str(args.batches)],
                              capture_output=True, text=True, check=True)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        runs.append(row)
        ours, peer = row["crosswire"], row["peer_relink_all"]
        print(f"n={n:>7}: crosswire {ours['seconds']:>7.2f} s (link and store "
              f"{ours['link_and_store_seconds']:.2f} s, briefs {ours['brief_seconds']:.2f} s of "
              f"{ours['articles_briefed']} articles) {ours['peak_mib']:>7.1f} MiB (link and "
              f"store {ours['link_and_store_peak_mib']:.1f}, briefs {ours['brief_peak_mib']:.1f})"
              " | "
              f"peer {peer['seconds']:>7.2f} s | state {row['link_state_kib']} KiB, "
              f"built in {row['build_seconds']} s", flush=True)
    write_result(args.out, "incremental", {"batch": args.batch, "batches": args.batches,
                                           "runs": runs})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
