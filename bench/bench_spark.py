"""Spark engine: speed-up from local[1] to local[2], and its overhead against the local engine.

Data: newsclust dev + ECB+ dev from ../shared/data (a few hundred real articles), written as
JSON Lines shards to a temporary folder (only id, title, text, source, published, url), so
the read stage has several files to spread. Every run ingests the same shards into a fresh
in-memory store and then links; model loading is kept out of the timed part by a warm-up
ingest of a couple of shards (the local engine loads its model, Spark's workers load theirs).
The runs also check that every engine gives the same corpus (inputs, articles, stories).

Usage: python bench/bench_spark.py --out bench/results/spark.json [--limit 400] [--shards 8]
The machine's load average is recorded: on a shared machine the speed-up is a lower bound.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from common import SHARED_DATA  # noqa: E402  (bench/common.py: one place for the data path)

from crosswire.api import corpus_from_store, open_store  # noqa: E402
from crosswire.config import load_settings  # noqa: E402
from crosswire.engines.local import LocalEngine  # noqa: E402

DATA = SHARED_DATA
SETS = ("newsclust/dev.jsonl", "ecbplus/dev.jsonl")
KEYS = ("id", "title", "text", "source", "published", "url")


def write_shards(folder: Path, limit: int, shards: int) -> list[Path]:
    rows = []
    for name in SETS:
        with (DATA / name).open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                rows.append({k: row[k] for k in KEYS if row.get(k) is not None})
    rows = rows[:limit]
    paths = []
    for i in range(shards):
        path = folder / f"shard-{i:02d}.jsonl"
        part = rows[i::shards]
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), "utf-8")
        paths.append(path)
    return paths


def timed_run(engine: Any, paths: list[Path]) -> tuple[dict[str, float], dict[str, Any]]:
    store = open_store(":memory:")
    start = time.perf_counter()
    report = engine.ingest(paths, store)
    ingest = time.perf_counter() - start
    engine.link(store)
    total = time.perf_counter() - start
    stories = store.story_dicts()
    corpus = corpus_from_store(store, stories)
    corpus.pop("crosswire_version")
    times = {"ingest_s": round(ingest, 2), "total_s": round(total, 2),
             "articles": report.ingested + report.duplicate, "stories": len(stories)}
    return times, corpus


def spark_run(master: str, paths: list[Path], warmup: list[Path]) -> tuple[dict, dict]:
    from crosswire.engines.spark import SparkEngine, spark_session

    start = time.perf_counter()
    session = spark_session(master, {"spark.ui.enabled": "false",
                                     "spark.ui.showConsoleProgress": "false",
                                     "spark.driver.memory": "2g"})
    session.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter() - start
    engine = SparkEngine(load_settings(engine="spark.v1", spark_master=master), session)
    warm_start = time.perf_counter()
    timed_run(engine, warmup)
    warm = time.perf_counter() - warm_start
    times, corpus = timed_run(engine, paths)
    session.stop()
    times |= {"session_start_s": round(started, 2), "warmup_s": round(warm, 2)}
    return times, corpus


def differences(want: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Where two corpora differ (first few places), for the report."""
    out = []
    for section in ("inputs", "articles", "stories"):
        a, b = want[section], got[section]
        if len(a) != len(b):
            out.append(f"{section}: {len(a)} vs {len(b)} items")
            continue
        for x, y in zip(a, b, strict=True):
            out += [f"{section}[{x.get('id', x.get('input'))}].{k}" for k in x if x[k] != y.get(k)]
    return out[:10]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "spark.json")
    parser.add_argument("--limit", type=int, default=400, help="most articles to use")
    parser.add_argument("--shards", type=int, default=8, help="JSONL files to split them into")
    args = parser.parse_args()
    for name in SETS:
        if not (DATA / name).exists():
            sys.exit(f"missing {DATA / name}: this benchmark needs ../shared/data")
    machine = {"cpus": os.cpu_count(), "python": platform.python_version(),
               "loadavg_start": os.getloadavg()}
    results: dict[str, Any] = {"machine": machine}
    with tempfile.TemporaryDirectory(prefix="crosswire-bench-spark-") as tmp:
        paths = write_shards(Path(tmp), args.limit, args.shards)
        warmup = paths[:2]
        local = LocalEngine(load_settings())
        timed_run(local, warmup)  # loads the model
        runs: dict[str, Any] = {}
        runs["local"], reference = timed_run(local, paths)
        print("local", runs["local"], file=sys.stderr)
        same = {}
        for master in ("local[1]", "local[2]"):
            runs[master], corpus = spark_run(master, paths, warmup)
            same[master] = corpus == reference or differences(reference, corpus)
            print(master, runs[master], "same as local:", same[master], file=sys.stderr)
    one, two, loc = runs["local[1]"], runs["local[2]"], runs["local"]
    results |= {
        "corpus": {"sets": list(SETS), "articles": loc["articles"], "shards": args.shards},
        "runs": runs,
        "speedup_local2_vs_local1": round(one["ingest_s"] / two["ingest_s"], 2),
        "overhead_spark1_vs_local": round(one["ingest_s"] / loc["ingest_s"], 2),
        "overhead_spark2_vs_local": round(two["ingest_s"] / loc["ingest_s"], 2),
        "same_results_as_local": same,
    }
    results["machine"]["loadavg_end"] = os.getloadavg()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
