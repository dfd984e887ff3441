"""Extractor throughput on real articles: each extractor alone, spaCy alone, the whole stage.

    python bench/bench_extract_speed.py [--limit 150] [--repeat 3] [--out FILE]

Articles: the first ``--limit`` rows of ../shared/data/newsclust/dev.jsonl, read at run time
(never stored). spaCy parses them once with ``nlp.pipe``; each extractor is then timed over the
parsed docs (best of ``--repeat`` passes, and the median). Quotes get the article's entities
and numbers its times precomputed, as in ``extract_article``; "words" is the reading of the
article's words and lemmas that the later stages use (``words.read_words``). The whole extract stage
(``extract_articles``: parse + all extractors) runs with ``SpacyBackend(nlp, n_process=1)``,
with spaCy's ``n_process=2`` (parse only in 2 processes) and with ``ExtractPool`` (2 worker
processes that parse *and* extract: what the local engine runs); the last two include
starting the worker processes. The 2 cores may be shared with other processes: the load
average before and after, and CPU time beside wall time for the in-process timings, are
stored so the numbers can be read against the load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
try:
    import crosswire  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT / "src"))

from common import peak_rss_mb, read_jsonl, shared, write_result  # noqa: E402


def _timed(fn: Callable[[], Any], repeat: int, n: int) -> dict[str, float]:
    walls, cpus = [], []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    best = min(walls)
    return {
        "seconds_best": round(best, 4),
        "seconds_median": round(statistics.median(walls), 4),
        "cpu_seconds_best": round(min(cpus), 4),
        "articles_per_s": round(n / best, 1),
        "ms_per_article": round(1000 * best / n, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "results" / "extract_speed.json"
    )
    args = parser.parse_args()

    from crosswire.engines.pool import ExtractPool
    from crosswire.extract import extract_articles
    from crosswire.extract.dates import extract_times
    from crosswire.extract.entities import extract_entities, extract_sentences
    from crosswire.extract.numbers import extract_numbers
    from crosswire.extract.quotes import extract_quotes
    from crosswire.nlp import SpacyBackend, load_spacy
    from crosswire.records import Article
    from crosswire.words import read_words

    rows = read_jsonl(shared("newsclust", "dev.jsonl"), limit=args.limit)
    articles = [
        Article(id=str(r["id"]), text=r["text"], published=r.get("published")) for r in rows
    ]
    n = len(articles)
    chars = sum(len(a.text) for a in articles)
    load_before = os.getloadavg()

    nlp = load_spacy()
    list(nlp.pipe(a.text for a in articles[:4]))  # warm up
    docs: list[Any] = []

    def parse() -> None:
        docs[:] = list(nlp.pipe((a.text for a in articles), batch_size=args.batch_size))

    results: dict[str, Any] = {"spacy_parse": _timed(parse, 1, n)}
    pairs = list(zip(articles, docs, strict=True))
    entities = [extract_entities(a, d) for a, d in pairs]
    times = [extract_times(a, d) for a, d in pairs]

    def over_docs(fn: Callable[[Article, Any], Any]) -> Callable[[], None]:
        return lambda: [fn(a, d) for a, d in pairs] and None

    extractors: dict[str, Callable[[], None]] = {
        "sentences+entities": over_docs(
            lambda a, d: (extract_sentences(a, d), extract_entities(a, d))
        ),
        "quotes": lambda: (
            [extract_quotes(a, d, e) for (a, d), e in zip(pairs, entities, strict=True)] and None
        ),
        "times": over_docs(extract_times),
        "numbers": lambda: (
            [extract_numbers(a, d, t) for (a, d), t in zip(pairs, times, strict=True)] and None
        ),
        "words": over_docs(lambda a, d: read_words(a.text, d)),
    }
    per = {name: _timed(fn, args.repeat, n) for name, fn in extractors.items()}
    all_ms = sum(v["ms_per_article"] for v in per.values())
    for v in per.values():
        v["share_of_extractors"] = round(v["ms_per_article"] / all_ms, 3)
    results["extractors"] = per
    results["extractors_total_ms_per_article"] = round(all_ms, 3)

    stage = {}
    for n_process in (1, 2):
        backend = SpacyBackend(nlp, n_process=n_process)

        def run(backend: SpacyBackend = backend) -> None:
            list(extract_articles(articles, backend, batch_size=args.batch_size))

        stage[f"n_process={n_process}"] = _timed(run, 1, n)

    def pooled() -> None:  # what the local engine runs for a run of more than a batch
        with ExtractPool("nlp.spacy.v1", None, workers=2, batch_size=args.batch_size) as pool:
            pool.extract(articles)

    stage["worker pool, 2 processes"] = _timed(pooled, 1, n)
    results["extract_stage"] = stage
    results["parse_share_of_stage_n1"] = round(
        results["spacy_parse"]["seconds_best"] / stage["n_process=1"]["seconds_best"], 3
    )
    write_result(
        args.out,
        "extract_speed",
        {
            "data": f"newsclust/dev.jsonl, first {n} articles, {chars} characters",
            "model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}",
            "batch_size": args.batch_size,
            "repeat": args.repeat,
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "peak_rss_mb": round(peak_rss_mb(), 1),
            **results,
        },
    )
    print(f"{'step':<28}{'articles/s':>12}{'ms/article':>12}{'cpu/wall':>10}")
    rows_out = [("spaCy parse", results["spacy_parse"])]
    rows_out += [(f"  {k}", v) for k, v in per.items()]
    rows_out += [(f"extract stage {k}", v) for k, v in stage.items()]
    for label, v in rows_out:
        ratio = v["cpu_seconds_best"] / v["seconds_best"] if v["seconds_best"] else 0.0
        print(f"{label:<28}{v['articles_per_s']:>12.1f}{v['ms_per_article']:>12.2f}{ratio:>10.2f}")
    print(f"load average before {load_before}, after {os.getloadavg()}")


if __name__ == "__main__":
    main()
