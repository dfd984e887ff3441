"""Numeric claims, crosswire vs the quantulum3 peer, on two fictional gold fixtures.

    python bench/bench_numbers.py [--gold FILE.jsonl ...] [--out bench/results/numbers.json]

Fixtures: tests/corpus/numbers.jsonl (written while the extractor was built, so not
independent) and tests/corpus/numbers_heldout.jsonl (written later from the documented
conventions only, without reading the extractor). Both systems run on both in the same run.

Span: strict (same offsets) and relaxed (overlap) P/R/F1. On relaxed matches: value accuracy
(low and high both equal, within 1e-6) and unit accuracy. "full" counts a prediction as right
only when it overlaps a gold claim with the same value and unit (P/R/F1 over that).

Peer adapter (kept thin, stated in the result): quantulum3 with its unit classifier off (the
pickled classifier it ships does not load under the installed scikit-learn; its documented
no-classifier path is used). ``value +- uncertainty`` gives low/high (its ranges), "dozen" is
scaled by 12, currencies and percent map to crosswire's unit words, and a dimensionless count
gets the lemma of the first noun after it in the same spaCy parse (quantulum3 has no notion
of the counted noun; without this its unit accuracy would be ~0 by construction).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


FIXTURES = ("numbers.jsonl", "numbers_heldout.jsonl")
_CURRENCIES = {"dollar", "euro", "pound", "yen", "franc"}
_PEER_UNITS = {"percentage": "percent", "pound sterling": "pound", "united states dollar": "dollar"}


@dataclass
class PeerClaim:
    """A peer prediction with the attributes ``score_numbers`` reads."""

    text: str
    start: int
    end: int
    low: float | None
    high: float | None
    unit: str | None


def _next_noun(doc: Any, end: int) -> str | None:
    """Lemma of the first noun starting at or after character ``end`` (within 4 tokens)."""
    after = [t for t in doc if t.idx >= end][:4]
    for tok in after:
        if tok.pos_ in ("NOUN", "PROPN"):
            return tok.lemma_.lower()
    return None


def quantulum_predict(text: str, doc: Any) -> list[PeerClaim]:
    """quantulum3's quantities as claims (see the module docstring for the adapter)."""
    from quantulum3 import classifier, parser

    classifier.USE_CLF = False
    out = []
    for q in parser.parse(text):
        start, end = max(0, q.span[0]), q.span[1]
        if q.surface and text[start:end] != q.surface and q.surface in text:
            start = text.find(q.surface, max(0, start - len(q.surface)))  # its spans can drift
            start = start if start >= 0 else text.find(q.surface)
            end = start + len(q.surface)
        value, unc = float(q.value), float(q.uncertainty or 0.0)
        name = q.unit.name.lower()
        if name == "dozen":
            value, unc, name = value * 12, unc * 12, "dimensionless"
        if name == "dimensionless":
            unit = _next_noun(doc, end)
        elif q.unit.entity.name == "currency" or name.split()[0] in _CURRENCIES:
            unit = _PEER_UNITS.get(name, name.split()[0])
        else:
            unit = _PEER_UNITS.get(name, name)
        out.append(PeerClaim(text[start:end], start, end, value - unc, value + unc, unit))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gold", type=Path, nargs="*", default=[ROOT / "tests" / "corpus" / f for f in FIXTURES]
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "numbers.json")
    parser.add_argument("--errors", action="store_true", help="Print every error.")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT / "bench"))
    from common import write_result

    from crosswire.extract.numbers import extract_numbers
    from crosswire.nlp import load_spacy
    from crosswire.records import Article

    warnings.filterwarnings("ignore", module="sklearn")
    nlp = load_spacy()
    systems = {
        "crosswire": lambda d, doc: extract_numbers(Article(id=d["id"], text=d["text"]), doc),
        "quantulum3": lambda d, doc: quantulum_predict(d["text"], doc),
    }
    quantulum_predict("warm up 3 words", nlp("warm up 3 words"))  # loads its unit tables
    results: dict[str, Any] = {name: {} for name in systems}
    all_errors: dict[str, dict[str, list[dict]]] = {name: {} for name in systems}
    for gold in args.gold:
        docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
        parsed = {d["id"]: nlp(d["text"]) for d in docs}
        key = gold.name.removesuffix(".jsonl")
        for name, run in systems.items():
            started = time.perf_counter()
            scores, errors = score_numbers(docs, lambda d, run=run, p=parsed: run(d, p[d["id"]]))
            seconds = time.perf_counter() - started
            scores.update(
                gold_file=str(gold.relative_to(ROOT)) if gold.is_relative_to(ROOT) else str(gold),
                seconds_excluding_parse=round(seconds, 3),
                errors=len(errors),
            )
            results[name][key] = scores
            all_errors[name][key] = errors
    ratio = {
        key: {
            m: round(results["crosswire"][key][m]["f1"] / results["quantulum3"][key][m]["f1"], 2)
            if results["quantulum3"][key][m]["f1"]
            else None
            for m in ("span_relaxed", "full")
        }
        for key in results["crosswire"]
    }
    write_result(
        args.out,
        "numbers",
        {
            "systems": results,
            "ratio_crosswire_over_quantulum3_f1": ratio,
            "peer": "quantulum3 (unit classifier off; adapter in bench/bench_numbers.py docstring)",
            "examples_of_errors": {
                n: {k: e[:12] for k, e in v.items()} for n, v in all_errors.items()
            },
        },
    )
    print(
        f"{'system':<12}{'fixture':<18}{'span-rel F1':>12}{'value acc':>10}{'unit acc':>10}"
        f"{'full P':>8}{'full R':>8}{'full F1':>8}"
    )
    for name, per in results.items():
        for key, s in per.items():
            print(
                f"{name:<12}{key:<18}{s['span_relaxed']['f1']:>12.3f}{s['value_accuracy']:>10.3f}"
                f"{s['unit_accuracy']:>10.3f}{s['full']['precision']:>8.3f}"
                f"{s['full']['recall']:>8.3f}{s['full']['f1']:>8.3f}"
            )
    print("ratio (crosswire / quantulum3 F1):", json.dumps(ratio))
    if args.errors:
        for name, per in all_errors.items():
            for key, errs in per.items():
                for e in errs:
                    print(name, key, json.dumps(e), file=sys.stderr)


if __name__ == "__main__":
    main()
