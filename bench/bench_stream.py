"""Streaming ingest at growing sizes: articles/s, peak memory, and how cost grows.

The stream is synthesized from real text: sentences of ../shared/data (newsclust + ECB+
dev + train) are shuffled with a fixed seed and packed into ~600-word articles with
increasing publication dates (the text is never stored; it is rebuilt in a temp folder).
Each size runs in a fresh process (`crosswire.analyze` into an on-disk DuckDB store, the
real engine with batches of 64, resumable, extracting in one worker process per core), so
peak RSS is that run's own; the largest extraction worker's peak is reported beside it, and
the peak proportional set size of the run and its workers together (sampled every second;
pages a forked worker shares with its parent count once).

    python bench/bench_stream.py --sizes 200 800 --out bench/results/stream.json

The spaCy model dominates the cost (see bench/bench_pipeline.py for the profile), so sizes
are kept to what finishes in minutes on 2 cores; the exponent says how the rest grows.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import children_peak_rss_mb, peak_rss_mb, read_jsonl, shared, write_result


def synthesize(n: int, path: Path, seed: int = 1) -> None:
    sentences: list[str] = []
    for part in (("newsclust", "dev.jsonl"), ("ecbplus", "dev.jsonl"), ("ecbplus", "train.jsonl")):
        for row in read_jsonl(shared(*part)):
            text = row["text"].replace("\n", " ")
            sentences += [s.strip() for s in text.split(". ") if s.strip()]
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            words, body = 0, []
            while words < 600:
                s = rnd.choice(sentences)
                body.append(s)
                words += len(s.split())
            day = 1 + (i * 365) // max(n, 1)
            fh.write(json.dumps({"id": f"syn-{i:07d}", "title": body[0][:80],
                                 "source": f"outlet {i % 40}", "text": ". ".join(body) + ".",
                                 "published": f"2024-{1 + (day - 1) // 31 % 12:02d}-"
                                              f"{1 + (day - 1) % 28:02d}"}) + "\n")


def worker(feed: Path, store: Path, backend: str, workers: int) -> None:
    import crosswire
    from crosswire.config import load_settings
    from crosswire.engines.local import LocalEngine

    settings = load_settings(nlp__backend=backend, nlp__n_process=workers)
    start = time.perf_counter()
    result = crosswire.analyze([feed], store=str(store), settings=settings)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_rss_mb": peak_rss_mb(),
                      "extraction_workers": LocalEngine(settings).workers(more=True),
                      "worker_peak_rss_mb": children_peak_rss_mb(),
                      "ingested": result.report.ingested, "duplicate": result.report.duplicate,
                      "stories": len(result.stories)}))


def _process_tree(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return [pid]
    return [pid] + [p for child in children for p in _process_tree(int(child))]


def _pss_mb(pid: int) -> float:
    """Proportional set size (shared pages split between the processes sharing them)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def fit_exponent(points: list[tuple[int, float]]) -> float | None:
    """Slope of log(seconds) against log(n): 1 is linear."""
    if len(points) < 2:
        return None
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 800])
    parser.add_argument("--backend", default="nlp.spacy.v1")
    parser.add_argument("--workers", type=int, default=0,
                        help="nlp.n_process (default 0: one extraction worker per core)")
    parser.add_argument("--out", default="bench/results/stream.json")
    parser.add_argument("--worker", nargs=2, metavar=("FEED", "STORE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(Path(args.worker[0]), Path(args.worker[1]), args.backend, args.workers)
        return
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            feed = Path(tmp) / f"stream-{n}.jsonl"
            synthesize(n, feed)
            proc = subprocess.Popen(
                [sys.executable, __file__, "--backend", args.backend, "--workers",
                 str(args.workers), "--worker", str(feed), str(Path(tmp) / f"store-{n}.duckdb")],
                stdout=subprocess.PIPE, text=True)
            pss = 0.0
            while proc.poll() is None:  # the run and its extraction workers, pages shared once
                pss = max(pss, sum(map(_pss_mb, _process_tree(proc.pid))))
                time.sleep(1.0)
            if proc.returncode:
                raise SystemExit(f"the run of {n} articles failed ({proc.returncode})")
            run = json.loads(proc.stdout.read().strip().splitlines()[-1])
            run.update(n=n, articles_per_s=round(n / run["seconds"], 2),
                       peak_pss_all_processes_mb=round(pss))
            print(json.dumps(run))
            runs.append(run)
    exponent = fit_exponent([(r["n"], r["seconds"]) for r in runs])
    write_result(args.out, "stream", {
        "backend": args.backend, "runs": runs,
        "growth_exponent": round(exponent, 3) if exponent else None,
        "targets": {"peak_rss_mb": 2000, "articles_per_s_full_pipeline": 20},
        "how": "synthetic ~600-word articles resampled from real sentences (seed 1)"})


if __name__ == "__main__":
    main()
