"""Entity mentions and canonical names: crosswire vs plain spaCy NER surface strings, in one run.

    python bench/bench_entities.py [--gold tests/corpus/entities.jsonl] [--out FILE]

Gold: fictional articles in stories, every PERSON/ORG/GPE mention with its referent id (see
``crosswire.evaluate.entities``). crosswire = ``extract_entities`` per article, then
``canonicalize_corpus``; the peer = spaCy's ``doc.ents`` with the exact surface string as the
name (what a user of plain spaCy NER gets). Both use the same parses. The fixture was written
for this eval, after the extractor: it is not a tuning set, but it is small (read the numbers
as a sanity check with error examples, not a benchmark).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
try:
    import crosswire  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT / "src"))

from common import write_result  # noqa: E402


def _rounded(x: Any) -> Any:
    if isinstance(x, float):
        return round(x, 4)
    if isinstance(x, dict):
        return {k: _rounded(v) for k, v in x.items()}
    return x


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "corpus" / "entities.jsonl")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "entities.json")
    args = parser.parse_args()

    from crosswire.evaluate.entities import (
        crosswire_predictions,
        load_gold,
        score_entities,
        surface_predictions,
    )
    from crosswire.nlp import load_spacy

    nlp = load_spacy()
    gold = load_gold(args.gold)
    started = time.perf_counter()
    parsed = list(nlp.pipe(d["text"] for d in gold))
    parse_s = time.perf_counter() - started
    results = {}
    for name, predict in (
        ("crosswire", crosswire_predictions),
        ("spacy_surface", surface_predictions),
    ):
        started = time.perf_counter()
        predicted = predict(gold, parsed)
        seconds = time.perf_counter() - started
        results[name] = _rounded(score_entities(gold, predicted))
        results[name]["seconds_excluding_parse"] = round(seconds, 4)
    write_result(
        args.out,
        "entities",
        {
            "gold_file": str(args.gold.relative_to(ROOT))
            if args.gold.is_relative_to(ROOT)
            else str(args.gold),
            "stories": len({d["story"] for d in gold}),
            "parse_seconds": round(parse_s, 3),
            "systems": results,
        },
    )
    rows = [
        ("mentions overlap F1", ("mentions_overlap", "f1")),
        ("mentions exact F1", ("mentions_exact", "f1")),
        ("label accuracy", ("label_accuracy",)),
        ("within B3 F1", ("within_article", "b3", "f1")),
        ("within pairwise F1", ("within_article", "pairwise", "f1")),
        ("corpus B3 F1", ("corpus", "b3", "f1")),
        ("corpus pairwise F1", ("corpus", "pairwise", "f1")),
        ("cross-article pair F1", ("cross_article_pairs", "f1")),
    ]
    print(f"{'':<24}{'crosswire':>12}{'spacy_surface':>15}")
    for label, path in rows:
        vals = []
        for name in results:
            v: Any = results[name]
            for key in path:
                v = v[key]
            vals.append(v)
        print(f"{label:<24}{vals[0]:>12.3f}{vals[1]:>15.3f}")
    print("crosswire splits:", json.dumps(results["crosswire"]["splits"]))
    print("crosswire merges:", json.dumps(results["crosswire"]["merges"]))


if __name__ == "__main__":
    main()
