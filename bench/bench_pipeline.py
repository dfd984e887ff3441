"""Full-pipeline throughput on real news text, against the practical upper bound.

crosswire: ``crosswire.analyze`` on a JSONL feed of real articles (ECB+ dev + newsclust dev
from ../shared/data, written to a temporary file at run time; never stored in the repo):
ingest, dedup, spaCy + all extractors, DuckDB writes, linking and briefs.
crosswire extracts in one worker process per core (``nlp.n_process = 0``, the default).
Peer (upper bound): the bare spaCy pipeline (``nlp.pipe``, same model, same batch size) plus
trafilatura's main-text extraction of the same texts wrapped as minimal HTML pages, in one
process and with spaCy's own ``n_process`` set to the same number of processes.
A second, profiled pass in one process (the profiler cannot see into worker processes)
reports where the time goes, per stage.

    python bench/bench_pipeline.py --out bench/results/pipeline.json [--limit 400]
"""

from __future__ import annotations

import argparse
import cProfile
import html
import json
import pstats
import tempfile
import time
from pathlib import Path

from common import children_peak_rss_mb, peak_rss_mb, read_jsonl, shared, write_result

STAGES = {  # profiler function name -> stage
    "read_inputs": "ingest (read, decode, validate)",
    "signature": "dedup (MinHash)",
    "match": "dedup (MinHash)",
    "pipe": "spaCy parse",
    "extract_article": "extractors (entities, quotes, times, numbers)",
    "add_batch": "store writes",
    "link_articles": "link",
    "compose_brief": "brief",
    "story_to_dict": "brief",
}


def load_articles(limit: int | None) -> list[dict]:
    rows = read_jsonl(shared("newsclust", "dev.jsonl")) + read_jsonl(shared("ecbplus", "dev.jsonl"))
    out = []
    for row in rows[:limit] if limit else rows:
        out.append({"id": row["id"], "text": row["text"], "title": row.get("title"),
                    "source": row.get("source"), "published": row.get("published")})
    return out


def run_crosswire(feed: Path, store: Path) -> float:
    import crosswire

    start = time.perf_counter()
    crosswire.analyze([feed], store=str(store))
    return time.perf_counter() - start


def run_peer(articles: list[dict], n_process: int = 1) -> dict[str, float]:
    import trafilatura

    from crosswire.nlp import load_spacy

    nlp = load_spacy()
    pages = [f"<html><head><title>{html.escape(a['title'] or '')}</title></head><body><article>"
             + "".join(f"<p>{html.escape(p)}</p>" for p in a["text"].split("\n") if p.strip())
             + "</article></body></html>" for a in articles]
    start = time.perf_counter()
    for page in pages:
        trafilatura.extract(page)
    t_traf = time.perf_counter() - start
    start = time.perf_counter()
    for _ in nlp.pipe((a["text"] for a in articles), batch_size=32, n_process=n_process):
        pass
    t_spacy = time.perf_counter() - start
    return {"trafilatura_s": t_traf, "spacy_s": t_spacy, "total_s": t_traf + t_spacy}


def profile_stages(feed: Path, store: Path) -> dict[str, float]:
    """Seconds per stage, from a profiled run in one process (the profiler cannot see into
    the extraction workers)."""
    import crosswire
    from crosswire.config import load_settings

    prof = cProfile.Profile()
    prof.enable()
    crosswire.analyze([feed], store=str(store), settings=load_settings(nlp__n_process=1))
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    totals: dict[str, float] = {}
    for (filename, _, func), (_, _, _, cumtime, _) in stats.items():
        stage = STAGES.get(func)
        if stage and ("crosswire" in filename or func == "pipe" and "spacy/language" in filename):
            totals[stage] = totals.get(stage, 0.0) + cumtime
    return dict(sorted(totals.items(), key=lambda kv: -kv[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles (default: all, ~390)")
    parser.add_argument("--out", default="bench/results/pipeline.json")
    args = parser.parse_args()
    articles = load_articles(args.limit)
    words = sum(len(a["text"].split()) for a in articles)
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        feed.write_text("".join(json.dumps(a) + "\n" for a in articles))
        from crosswire.config import load_settings
        from crosswire.engines.local import LocalEngine
        from crosswire.nlp import load_spacy

        load_spacy()  # both sides start with the model loaded
        t_cw = run_crosswire(feed, Path(tmp) / "a.duckdb")
        worker_rss = children_peak_rss_mb()  # before the peer starts processes of its own
        peer = run_peer(articles)
        workers = LocalEngine(load_settings()).workers(more=True)
        peer_parallel = run_peer(articles, n_process=workers)
        stages = profile_stages(feed, Path(tmp) / "b.duckdb")
    n = len(articles)
    result = {
        "articles": n, "mean_words": round(words / n),
        "crosswire": {"seconds": round(t_cw, 2), "articles_per_s": round(n / t_cw, 2)},
        "peer_spacy_plus_trafilatura": {k: round(v, 2) for k, v in peer.items()}
        | {"articles_per_s": round(n / peer["total_s"], 2)},
        "ratio_crosswire_over_peer": round((n / t_cw) / (n / peer["total_s"]), 3),
        "extraction_workers": workers,
        "worker_peak_rss_mb": round(worker_rss),
        f"peer_spacy_n_process_{workers}_plus_trafilatura":
            {k: round(v, 2) for k, v in peer_parallel.items()}
            | {"articles_per_s": round(n / peer_parallel["total_s"], 2)},
        "ratio_crosswire_over_parallel_peer":
            round((n / t_cw) / (n / peer_parallel["total_s"]), 3),
        "profile_seconds_by_stage (profiled pass in one process, inflated by the profiler)":
            {k: round(v, 2) for k, v in stages.items()},
        "peak_rss_mb": round(peak_rss_mb()),
        "target_articles_per_s": 20,
    }
    print(json.dumps(result, indent=2))
    write_result(args.out, "pipeline", result)


if __name__ == "__main__":
    main()
