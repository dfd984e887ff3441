"""Numeric claims on the fictional gold fixture tests/corpus/numbers.jsonl: span, value, unit.

    python bench/bench_numbers.py [--gold FILE.jsonl] [--out bench/results/numbers.json]

Span: strict (same offsets) and relaxed (overlap) P/R/F1. On relaxed matches: value accuracy
(low and high both equal, within 1e-6) and unit accuracy. "full" counts a prediction as right
only when it overlaps a gold claim with the same value and unit (P/R/F1 over that).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    import crosswire  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT / "src"))


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def _same(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-6)


def score_numbers(docs: list[dict], predict) -> tuple[dict, list[dict]]:
    """Scores and a list of errors for inspection."""
    n_gold = n_pred = strict = relaxed = value_ok = unit_ok = full = 0
    errors = []
    for doc in docs:
        gold, pred = doc["numbers"], list(predict(doc))
        n_gold += len(gold)
        n_pred += len(pred)
        used: set[int] = set()
        for p in pred:
            hit = next(
                (
                    i
                    for i, g in enumerate(gold)
                    if i not in used and g["start"] < p.end and p.start < g["end"]
                ),
                None,
            )
            if hit is None:
                errors.append({"id": doc["id"], "kind": "false", "pred": p.text})
                continue
            used.add(hit)
            g = gold[hit]
            relaxed += 1
            strict += (g["start"], g["end"]) == (p.start, p.end)
            v = _same(g["low"], p.low) and _same(g["high"], p.high)
            u = g["unit"] == p.unit
            value_ok += v
            unit_ok += u
            full += v and u
            if not (v and u):
                errors.append(
                    {
                        "id": doc["id"],
                        "kind": "wrong",
                        "gold": [g["text"], g["low"], g["high"], g["unit"]],
                        "pred": [p.text, p.low, p.high, p.unit],
                    }
                )
        for i, g in enumerate(gold):
            if i not in used:
                errors.append({"id": doc["id"], "kind": "miss", "gold": g["text"]})
    return {
        "docs": len(docs),
        "gold": n_gold,
        "predicted": n_pred,
        "span_strict": _prf(strict, n_pred, n_gold),
        "span_relaxed": _prf(relaxed, n_pred, n_gold),
        "value_accuracy": round(value_ok / relaxed, 4) if relaxed else 0.0,
        "unit_accuracy": round(unit_ok / relaxed, 4) if relaxed else 0.0,
        "full": _prf(full, n_pred, n_gold),
    }, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "corpus" / "numbers.jsonl")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "numbers.json")
    parser.add_argument("--errors", action="store_true", help="Print every error.")
    args = parser.parse_args()

    from crosswire.extract.claims import extract_numbers
    from crosswire.extract.nlp import load_spacy
    from crosswire.records import Article

    nlp = load_spacy()
    docs = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line]

    def predict(doc: dict):
        return extract_numbers(Article(id=doc["id"], text=doc["text"]), nlp(doc["text"]))

    started = time.perf_counter()
    scores, errors = score_numbers(docs, predict)
    seconds = time.perf_counter() - started
    scores.update(
        system="crosswire",
        gold_file=str(args.gold.relative_to(ROOT))
        if args.gold.is_relative_to(ROOT)
        else str(args.gold),
        seconds=round(seconds, 3),
        docs_per_s=round(len(docs) / seconds, 1),
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    print(f"{'metric':<16}{'P':>8}{'R':>8}{'F1':>8}")
    for key in ("span_strict", "span_relaxed", "full"):
        s = scores[key]
        print(f"{key:<16}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}")
    print(
        f"value accuracy {scores['value_accuracy']:.3f}  unit accuracy "
        f"{scores['unit_accuracy']:.3f}  ({scores['gold']} gold, {scores['predicted']} predicted)"
    )
    if args.errors:
        for e in errors:
            print(json.dumps(e), file=sys.stderr)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
