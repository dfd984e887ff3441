"""Story clustering: crosswire's linker vs two TF-IDF peers, same data, same run.

Data: ECB+ dev (gold ``subtopic``) and newsclust dev (gold ``cluster``), from ../shared/data.
Systems:
- crosswire: spaCy parse -> extract_article (or the basic entity adapter while the extract
  stage is missing) -> link_articles, replayed in (published, id) order. ``url`` is never fed.
- tfidf-agglo: sklearn TfidfVectorizer (title + text, English stop words, sublinear tf) and
  AgglomerativeClustering (cosine, average linkage); distance threshold tuned on ECB+ train.
- reference (not a peer): K-means on the same vectors told the gold number of clusters,
  as the published ECB+ document clustering is; mean/min/max over 5 seeds.
- single-pass: the same TF-IDF vectors (IDF fitted on the evaluated set as a whole, which
  favours the peer), each article in (published, id) order joins the most similar cluster
  centroid if the cosine is >= a threshold tuned on ECB+ train, else opens a cluster.

Usage: python bench/bench_clustering.py --out bench/results/clustering.json [--tune]
``--tune`` also grid-searches crosswire's story thresholds on ECB+ train and prints the best.
spaCy parses are cached as DocBin files in --cache (default /tmp/crosswire-bench).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from common import SHARED_DATA, parse_key  # noqa: E402  (bench/common.py: one place for the data path)

from crosswire.evaluate.clustering import (  # noqa: E402
    analyze_rows,
    predict_labels,
    read_rows,
    score_clustering,
)
from crosswire.link import LinkConfig  # noqa: E402

DATA = SHARED_DATA
SETS = {  # name: (file, gold field)
    "ecbplus_train": ("ecbplus/train.jsonl", "subtopic"),
    "ecbplus_dev": ("ecbplus/dev.jsonl", "subtopic"),
    "newsclust_dev": ("newsclust/dev.jsonl", "cluster"),
}


def load_analyzed(name: str, cache: Path, nlp=None):
    from spacy.tokens import DocBin

    from crosswire.nlp import load_spacy

    rows = read_rows(DATA / SETS[name][0])
    nlp = nlp or load_spacy()
    path = cache / f"{name}-{parse_key(nlp)}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((r["text"] for r in rows), batch_size=16))
        cache.mkdir(parents=True, exist_ok=True)
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        db.to_disk(path)
    analyzed, extractor = analyze_rows(rows, docs=docs)
    return rows, analyzed, extractor


def order_of(rows):
    """Indices in (published, id) order, undated last (the stream replay order)."""
    return sorted(range(len(rows)), key=lambda i: (rows[i].get("published") is None,
                                                   rows[i].get("published") or "", rows[i]["id"]))


def tfidf(rows):
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [((r.get("title") or "") + "\n" + r["text"]) for r in rows]
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1)
    return vec.fit_transform(texts)


def agglo_labels(x, threshold: float):
    from sklearn.cluster import AgglomerativeClustering

    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                    distance_threshold=threshold)
    dense = x.toarray() if hasattr(x, "toarray") else x  # sparse TF-IDF or dense embeddings
    return [str(v) for v in model.fit_predict(dense)]


def single_pass_labels(x, order, threshold: float):
    labels = [""] * x.shape[0]
    sums: list[np.ndarray] = []
    dense = x.toarray()
    for i in order:
        v = dense[i]
        best, best_sim = -1, -1.0
        for k, s in enumerate(sums):
            n = np.linalg.norm(s)
            sim = float(v @ s / n) if n else 0.0
            if sim > best_sim:
                best, best_sim = k, sim
        if best >= 0 and best_sim >= threshold:
            sums[best] = sums[best] + v
            labels[i] = str(best)
        else:
            sums.append(v.copy())
            labels[i] = str(len(sums) - 1)
    return labels


def tune_peers(rows):
    gold = [r["subtopic"] for r in rows]
    x = tfidf(rows)
    order = order_of(rows)
    grid = [round(t, 2) for t in np.arange(0.3, 1.0, 0.02)]
    agg = max(grid, key=lambda t: score_clustering(gold, agglo_labels(x, t))["b3"]["f1"])
    grid_sp = [round(t, 2) for t in np.arange(0.05, 0.6, 0.02)]
    sp = max(grid_sp,
             key=lambda t: score_clustering(gold, single_pass_labels(x, order, t))["b3"]["f1"])
    return agg, sp


def tune_crosswire(analyzed, gold):
    base = LinkConfig()
    best = (-1.0, base)
    grid = itertools.product([0.16, 0.2, 0.24, 0.28], [0.1, 0.15, 0.2], [0.1, 0.2, 0.3],
                             [0.0, 0.04, 0.1], [0.3, 0.4, 0.5])
    for join, undated, who, wc, merge in grid:
        cfg = base.model_copy(update={"join": join, "undated_penalty": undated,
                                      "who_weight": who, "who_conflict": wc, "merge": merge})
        f1 = score_clustering(gold, predict_labels(analyzed, "story", cfg))["b3"]["f1"]
        if f1 > best[0]:
            best = (f1, cfg)
            print(f"  tune f1={f1:.4f} join={join} undated={undated} who={who} wc={wc} "
                  f"merge={merge}")
    return best


def kmeans_known_k(x, gold, seeds: int = 5) -> dict:
    """Reference, not a peer: K-means told the gold number of clusters (as in Barhom et al.
    2019), mean and range of B3 F1 over ``seeds`` initialisations."""
    from sklearn.cluster import KMeans

    k = len(set(gold))
    f1s = [score_clustering(gold, [str(v) for v in KMeans(k, n_init=10, random_state=s)
                                   .fit_predict(x)])["b3"]["f1"] for s in range(seeds)]
    return {"k": k, "b3_f1_mean": round(sum(f1s) / len(f1s), 4),
            "b3_f1_min": round(min(f1s), 4), "b3_f1_max": round(max(f1s), 4)}


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 4) if b else None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "clustering.json")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/crosswire-bench"))
    ap.add_argument("--tune", action="store_true")
    args = ap.parse_args(argv)

    t0 = time.time()
    train_rows, train_an, _ = load_analyzed("ecbplus_train", args.cache)
    agg_t, sp_t = tune_peers(train_rows)
    print(f"peer thresholds tuned on ECB+ train: agglo distance={agg_t} single-pass sim={sp_t}")
    cfg = LinkConfig()
    if args.tune:
        f1, cfg = tune_crosswire(train_an, [r["subtopic"] for r in train_rows])
        print(f"best crosswire config on ECB+ train (B3 F1 {f1:.4f}): {cfg}")

    results: dict = {"peer_thresholds": {"tfidf_agglo_distance": agg_t,
                                         "single_pass_similarity": sp_t},
                     "link_config": cfg.model_dump(),
                     "sets": {}}
    train_gold = [r["subtopic"] for r in train_rows]
    results["ecbplus_train_crosswire"] = score_clustering(
        train_gold, predict_labels(train_an, "story", cfg))
    for name in ("ecbplus_dev", "newsclust_dev"):
        rows, analyzed, extractor = load_analyzed(name, args.cache)
        gold = [r[SETS[name][1]] for r in rows]
        x = tfidf(rows)
        systems = {
            "crosswire": score_clustering(gold, predict_labels(analyzed, "story", cfg)),
            "crosswire_event": score_clustering(gold, predict_labels(analyzed, "event", cfg)),
            "tfidf_agglo": score_clustering(gold, agglo_labels(x, agg_t)),
            "single_pass": score_clustering(gold, single_pass_labels(x, order_of(rows), sp_t)),
        }
        cw = systems["crosswire"]
        results["sets"][name] = {
            "reference_kmeans_known_k": kmeans_known_k(x, gold),
            "extractor": extractor,
            "gold_field": SETS[name][1],
            "systems": systems,
            "ratio_b3_f1": {p: ratio(cw["b3"]["f1"], systems[p]["b3"]["f1"])
                            for p in ("tfidf_agglo", "single_pass")},
            "ratio_ari": {p: ratio(cw["ari"], systems[p]["ari"])
                          for p in ("tfidf_agglo", "single_pass")},
        }
    results["seconds"] = round(time.time() - t0, 1)

    print(f"{'set':15} {'system':16} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'pw F1':>6} "
          f"{'ARI':>6} {'#pred':>5} {'#gold':>5}")
    for name, res in results["sets"].items():
        for sys_name, s in res["systems"].items():
            print(f"{name:15} {sys_name:16} {s['b3']['p']:6.3f} {s['b3']['r']:6.3f} "
                  f"{s['b3']['f1']:6.3f} {s['pairwise']['f1']:6.3f} {s['ari']:6.3f} "
                  f"{s['pred_clusters']:5d} {s['gold_clusters']:5d}")
        print(f"{name:15} ratio crosswire/peer B3 F1: {res['ratio_b3_f1']}")
        print(f"{name:15} reference, K-means told K: {res['reference_kmeans_known_k']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
