"""crosswire's time tagger vs dateparser on TempEval-3 AQUAINT dev, in one run.

    python bench/bench_timex.py [--gold PATH] [--limit N] [--out bench/results/timex.json]

Both systems get each document's creation time (DCT) as the reference date. dateparser's
``search_dates`` (PREFER_DATES_FROM=past) is mapped to spans by finding each returned substring
in order; its values are the returned dates (YYYY-MM-DD) and its type DATE. Scores are TE3
Task A: strict/relaxed extent P/R/F1, type and value accuracy, value F1 = relaxed F1 x value
accuracy. The rules were tuned on this same dev split (the only one we have): read the numbers
as a development score, not a held-out one.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from common import SHARED_DATA

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = SHARED_DATA / "timex" / "dev.jsonl"
try:
    import crosswire  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT / "src"))


ROWS = [
    ("strict P", ("strict", "precision")),
    ("strict R", ("strict", "recall")),
    ("strict F1", ("strict", "f1")),
    ("relaxed P", ("relaxed", "precision")),
    ("relaxed R", ("relaxed", "recall")),
    ("relaxed F1", ("relaxed", "f1")),
    ("type accuracy", ("type_accuracy",)),
    ("value accuracy", ("value_accuracy",)),
    ("value F1", ("value_f1",)),
    ("docs/s", ("docs_per_s",)),
]


def _get(scores: dict, path: tuple[str, ...]) -> float:
    value = scores
    for key in path:
        value = value[key]
    return float(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N documents.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "timex.json")
    args = parser.parse_args()

    from crosswire.evaluate.timex import evaluate_timex_file, read_gold, score_timex
    from crosswire.extract.dates import extract_times
    from crosswire.extract.nlp import load_spacy
    from crosswire.records import Article

    nlp = load_spacy()
    nlp("warm up")
    docs = read_gold(args.gold, args.limit)
    started = time.perf_counter()
    parsed = [nlp(d["text"]) for d in docs]
    parse_s = time.perf_counter() - started
    started = time.perf_counter()
    found = {
        d["id"]: extract_times(Article(id=d["id"], text=d["text"], published=d["dct"]), doc)
        for d, doc in zip(docs, parsed, strict=True)
    }
    tag_s = time.perf_counter() - started
    ours = score_timex(docs, lambda d: found[d["id"]])
    ours.update(
        system="crosswire",
        seconds=round(parse_s + tag_s, 3),
        docs_per_s=round(len(docs) / (parse_s + tag_s), 2),
        spacy_parse_seconds=round(parse_s, 3),
        tagger_seconds=round(tag_s, 3),
        tagger_only_docs_per_s=round(len(docs) / tag_s, 1),
    )
    peer = evaluate_timex_file(args.gold, None, limit=args.limit, system="dateparser")
    ratio = {
        name: round(_get(ours, path) / _get(peer, path), 3) if _get(peer, path) else None
        for name, path in ROWS
    }
    result = {
        "data": "TempEval-3 TBAQ-cleaned AQUAINT (dev split; rules tuned on it, no held-out split)",
        "gold_file": args.gold.name,
        "limit": args.limit,
        "targets": {"value_f1": 0.7761, "relaxed_f1": 0.90},
        "crosswire": ours,
        "dateparser": peer,
        "ratio_crosswire_over_dateparser": ratio,
        "notes": "crosswire docs_per_s includes spaCy parsing (en_core_web_sm) of each "
        "document; tagger_only_docs_per_s is the rules alone on pre-parsed docs.",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")

    print(f"{'metric':<16}{'crosswire':>11}{'dateparser':>12}{'ratio':>8}")
    for name, path in ROWS:
        r = ratio[name]
        print(
            f"{name:<16}{_get(ours, path):>11.3f}{_get(peer, path):>12.3f}"
            f"{(f'{r:.2f}' if r is not None else '-'):>8}"
        )
    print(f"crosswire tagger alone (docs pre-parsed): {ours['tagger_only_docs_per_s']} docs/s")
    print(f"{ours['docs']} docs, {ours['gold']} gold timexes; wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
