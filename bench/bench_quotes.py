"""Quote extraction on PolNeAR dev: crosswire's rules vs textacy's direct_quotations.

    python bench/bench_quotes.py --out bench/results/quotes.json [--limit N] [--split dev]

Both systems read the same spaCy parse of each article (parsed once, timed separately).
textacy only finds direct quotes; if it is missing, its error is recorded and the run goes on.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from common import SHARED_DATA  # noqa: E402  (bench/common.py: one place for the data path)

from crosswire.evaluate.quotes import (  # noqa: E402
    load_gold,
    predict_crosswire,
    predict_textacy,
    score_quotes,
)
from crosswire.nlp import load_spacy  # noqa: E402

DATA = SHARED_DATA / "quotes"


class ParseCache:
    """``nlp(text)`` that parses each text once, so both systems share the parse."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.docs: dict[str, object] = {}
        self.seconds = 0.0

    def __call__(self, text: str):
        if text not in self.docs:
            t0 = time.perf_counter()
            self.docs[text] = self.nlp(text)
            self.seconds += time.perf_counter() - t0
        return self.docs[text]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "quotes.json")
    args = ap.parse_args()
    docs = load_gold(DATA / f"{args.split}.jsonl", args.limit)
    cache = ParseCache(load_spacy())
    for d in docs:
        cache(d["text"])
    result: dict[str, object] = {
        "split": args.split,
        "docs": len(docs),
        "parse_seconds": round(cache.seconds, 2),
    }
    bailed = []

    def textacy_counted(doc, nlp):
        from textacy.extract.triples import direct_quotations

        try:
            list(direct_quotations(nlp(doc["text"])))
        except ValueError:
            bailed.append(doc["id"])
        except ImportError:
            pass
        return predict_textacy(doc, nlp)

    systems = {"crosswire": predict_crosswire, "textacy": textacy_counted}
    for name, predict in systems.items():
        try:
            result[name] = score_quotes(docs, lambda d, p=predict: p(d, cache))
        except Exception as err:  # the peer may be missing or break: record it, go on
            result[name] = {"error": f"{type(err).__name__}: {err}"}
    if isinstance(result["textacy"], dict) and "error" not in result["textacy"]:
        result["textacy"]["docs_bailed_out"] = len(bailed)  # odd quote marks: no output
    cw, tx = result["crosswire"], result["textacy"]
    if "error" not in cw and "error" not in tx:

        def ratio(a, b):
            return round(a / b, 3) if b else None

        result["ratio_crosswire_over_textacy"] = {
            "direct+mixed_overlap_f1": ratio(
                cw["direct+mixed"]["overlap"]["f1"], tx["direct+mixed"]["overlap"]["f1"]
            ),
            "direct+mixed_speaker_accuracy": ratio(
                cw["direct+mixed"]["speaker_accuracy"] or 0,
                tx["direct+mixed"]["speaker_accuracy"] or 0,
            ),
            "all_overlap_f1": ratio(cw["all"]["overlap"]["f1"], tx["all"]["overlap"]["f1"]),
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"{'system':<10} {'group':<13} {'exactF1':>8} {'ovP':>6} {'ovR':>6} {'ovF1':>6} "
        f"{'spkAcc':>7} {'art/s':>7}"
    )
    for name in systems:
        r = result[name]
        if "error" in r:
            print(f"{name:<10} ERROR {r['error']}")
            continue
        for group in ("direct+mixed", "indirect", "all"):
            g = r[group]
            spk = g["speaker_accuracy"]
            print(
                f"{name:<10} {group:<13} {g['exact']['f1']:>8.3f} {g['overlap']['p']:>6.3f} "
                f"{g['overlap']['r']:>6.3f} {g['overlap']['f1']:>6.3f} "
                f"{(spk if spk is not None else float('nan')):>7.3f} {r['articles_per_s']:>7}"
            )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
