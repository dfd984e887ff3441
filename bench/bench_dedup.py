"""Near-duplicate signatures: crosswire's scheme 2 vs datasketch's SHA-1 ``update_batch``.

    python bench/bench_dedup.py [--data PATH] [--rounds N] [--out bench/results/dedup.json]

Both sides hash the same word 5-shingles of the same real texts (newsclust dev) into 128
``affine32`` permutations (seed 1). crosswire: ``dedup.fingerprint`` (normalise once, exact
key, vectorised polynomial shingle hash, permutations in numpy). Peer: the scheme 1 code path,
datasketch ``MinHash.update_batch`` over the shingle bytes (``sha1_hash32`` per shingle).
Speed is the best of ``--rounds`` interleaved passes over all texts, in ms per article (CPU time);
"end to end" adds the ``Deduper`` match and add (the old path normalised the text three
times). Quality: estimated vs exact shingle Jaccard on real texts with synthetic word edits
and on unrelated pairs; dedup precision/recall on synthetic copies (edited real texts) mixed
with the distinct articles, both schemes through the same ``Deduper`` (LSH b=9, r=13).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from common import SHARED_DATA, write_result

ROOT = Path(__file__).resolve().parents[1]
try:
    import crosswire  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402

from crosswire.ingest.dedup import (  # noqa: E402
    SCHEME_VERSION,
    Deduper,
    exact_jaccard,
    fingerprint,
    make_minhash,
    normalize_tokens,
    reference_signature,
)

THRESHOLD = 0.8
EDIT_RATES = (0.0, 0.005, 0.01, 0.02, 0.04, 0.08)  # share of words edited in a copy


def old_signature(text: str) -> np.ndarray:
    """Scheme 1 (the peer): datasketch's own MinHash, SHA-1 per shingle."""
    return reference_signature(text)


def new_signature(text: str) -> np.ndarray:
    return fingerprint(text).values


def edit(text: str, rnd: random.Random, rate: float) -> str:
    """Replace, drop or insert ``rate`` of the words (at least one when rate > 0)."""
    words = text.split()
    for _ in range(max(1, round(rate * len(words))) if rate else 0):
        i, action = rnd.randrange(len(words)), rnd.random()
        if action < 0.4:
            words[i] = f"changed{rnd.randrange(10_000)}"
        elif action < 0.7 and len(words) > 1:
            del words[i]
        else:
            words.insert(i, f"added{rnd.randrange(10_000)}")
    return " ".join(words)


def best_cpu(run: Callable[[], None], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def speed(texts: list[str], rounds: int) -> dict[str, dict[str, float]]:
    """ms per article and articles/s, signature alone and dedup end to end, both schemes."""

    def ours_end_to_end() -> None:
        deduper = Deduper(threshold=THRESHOLD)
        for i, text in enumerate(texts):
            prepared = deduper.fingerprint(text)
            if deduper.match(prepared) is None:
                deduper.add(str(i), prepared)

    def peer_end_to_end() -> None:  # the scheme 1 path: signature, then match and add rekey
        deduper = Deduper(threshold=THRESHOLD)
        for i, text in enumerate(texts):
            values = old_signature(text)
            if deduper.match(text, signature=values) is None:
                deduper.add(str(i), text, signature=values)

    runs = {
        "crosswire_signature": lambda: [new_signature(t) for t in texts],
        "peer_signature": lambda: [old_signature(t) for t in texts],
        "crosswire_end_to_end": ours_end_to_end,
        "peer_end_to_end": peer_end_to_end,
    }
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):  # interleaved: other jobs on the machine slow both sides alike
        for name, run in runs.items():
            best[name] = min(best[name], best_cpu(run, 1))
    return {name: {"ms_per_article": round(1000 * seconds / len(texts), 4),
                   "articles_per_s": round(len(texts) / seconds, 1)}
            for name, seconds in best.items()}


def jaccard_errors(texts: list[str], rnd: random.Random) -> dict[str, dict[str, float]]:
    """Estimated minus exact shingle Jaccard on edited copies and on unrelated pairs."""
    pairs = [(t, edit(t, rnd, rate)) for t in texts if len(t.split()) >= 50
             for rate in (0.005, 0.02, 0.05, 0.1, 0.2, 0.4)]
    pairs += [(texts[i], texts[i + 1]) for i in range(0, len(texts) - 1, 2)]
    errors: dict[str, list[float]] = {"crosswire": [], "peer": []}
    expected = []  # a perfect MinHash's mean |error|: sqrt(2/pi) * sd of Binomial(128, J) / 128
    for a, b in pairs:
        exact = exact_jaccard(a, b)
        new = make_minhash(new_signature(a)).jaccard(make_minhash(new_signature(b)))
        old = make_minhash(old_signature(a)).jaccard(make_minhash(old_signature(b)))
        errors["crosswire"].append(new - exact)
        errors["peer"].append(old - exact)
        expected.append(math.sqrt(2 / math.pi * exact * (1 - exact) / 128))
    out = {name: {"pairs": len(errs), "mean_abs_error": round(statistics.fmean(map(abs, errs)), 4),
                  "mean_error": round(statistics.fmean(errs), 4),
                  "max_abs_error": round(max(map(abs, errs)), 4)}
           for name, errs in errors.items()}
    out["ideal"] = {"pairs": len(pairs), "mean_abs_error": round(statistics.fmean(expected), 4)}
    return out


def dedup_quality(texts: list[str], rnd: random.Random) -> dict[str, dict[str, object]]:
    """Originals first, then copies (each original edited at each of ``EDIT_RATES``). A copy
    should be found when its exact Jaccard with its original reaches the threshold; a flag is
    right when the article named is its own original or truly that similar."""
    items = [(f"o{i}", t, None) for i, t in enumerate(texts)]
    items += [(f"c{i}-{r}", edit(t, rnd, r), f"o{i}") for r in EDIT_RATES
              for i, t in enumerate(texts)]
    text_of = {aid: t for aid, t, _ in items}
    exact = {aid: exact_jaccard(t, text_of[src]) for aid, t, src in items if src}
    out: dict[str, dict[str, object]] = {}
    for name, sign in (("crosswire", new_signature), ("peer", old_signature)):
        deduper = Deduper(threshold=THRESHOLD)
        flagged, right = 0, 0
        found_by_band: dict[str, list[int]] = {"0.8-0.9": [0, 0], "0.9-1.0": [0, 0]}
        for aid, text, src in items:
            values = sign(text)
            found = deduper.match(text, signature=values)
            if found is None:
                deduper.add(aid, text, signature=values)
            else:
                flagged += 1
                right += found.id == src or exact_jaccard(text, text_of[found.id]) >= THRESHOLD
            if src and exact[aid] >= THRESHOLD:
                band = found_by_band["0.9-1.0" if exact[aid] >= 0.9 else "0.8-0.9"]
                band[0] += found is not None
                band[1] += 1
        copies = sum(b[1] for b in found_by_band.values())
        out[name] = {
            "flagged": flagged,
            "precision": round(right / flagged, 4) if flagged else None,
            "recall": round(sum(b[0] for b in found_by_band.values()) / copies, 4),
            "copies_at_or_above_threshold": copies,
            "recall_by_exact_jaccard": {k: round(f / n, 4) if n else None
                                        for k, (f, n) in found_by_band.items()},
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED_DATA / "newsclust" / "dev.jsonl")
    parser.add_argument("--rounds", type=int, default=5, help="speed passes; the best counts")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "dedup.json")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"real data not found at {args.data}; set CROSSWIRE_SHARED_DATA to its folder")
    texts = [json.loads(line)["text"] for line in args.data.read_text("utf-8").splitlines()
             if line.strip()]
    words = [len(normalize_tokens(t)) for t in texts]
    fingerprint(texts[0])  # warm up (permutations, power tables)
    times = speed(texts, args.rounds)
    errors = jaccard_errors(texts, random.Random(7))
    quality = dedup_quality(texts, random.Random(8))
    ours, peer = times["crosswire_signature"], times["peer_signature"]
    result = {
        "data": f"newsclust dev ({args.data.name}): real multi-outlet news texts",
        "articles": len(texts),
        "mean_words": round(statistics.fmean(words)),
        "median_words": round(statistics.median(words)),
        "scheme_version": SCHEME_VERSION,
        "speed": times,
        "ratio_signature_speed": round(ours["articles_per_s"] / peer["articles_per_s"], 2),
        "ratio_end_to_end_speed": round(times["crosswire_end_to_end"]["articles_per_s"]
                                        / times["peer_end_to_end"]["articles_per_s"], 2),
        "jaccard_error": errors,
        "dedup": quality,
        "targets": {"signature_ms_per_article": 0.2},
        "notes": "Speed is CPU time, best of the rounds, on a 2-core machine shared with other "
                 "jobs. Recall is bounded by the LSH banding (b=9, r=13 for threshold 0.8), "
                 "the same for both schemes: a pair at Jaccard 0.85 is a candidate ~69% of "
                 "the time, at 0.9 ~93%.",
    }
    write_result(args.out, "dedup", result)
    print(f"signature ms/article: crosswire {ours['ms_per_article']}, datasketch SHA-1 "
          f"{peer['ms_per_article']} ({result['ratio_signature_speed']}x)")
    print(f"end to end articles/s: crosswire {times['crosswire_end_to_end']['articles_per_s']}, "
          f"old path {times['peer_end_to_end']['articles_per_s']}")
    for name in ("crosswire", "peer"):
        e, q = errors[name], quality[name]
        print(f"{name}: Jaccard MAE {e['mean_abs_error']} (bias {e['mean_error']}), dedup "
              f"precision {q['precision']} recall {q['recall']} {q['recall_by_exact_jaccard']}")


if __name__ == "__main__":
    main()
