"""crosswire's time tagger vs dateparser on TempEval-3 AQUAINT dev and held-out fixtures.

    python bench/bench_timex.py [--gold PATH] [--heldout PATH ...] [--limit N] [--errors]
                                [--out bench/results/timex.json]

Both systems get each document's creation time (DCT) as the reference date. dateparser's
``search_dates`` (PREFER_DATES_FROM=past) is mapped to spans by finding each returned substring
in order; its values are the returned dates (YYYY-MM-DD) and its type DATE. Scores are TE3
Task A: strict/relaxed extent P/R/F1, type and value accuracy, value F1 = relaxed F1 x value
accuracy.

Two gold sets, scored in the same run:

- dev: TempEval-3 AQUAINT (``--gold``). The rules were tuned on it: a development score.
- held-out: ``tests/corpus/timex_heldout.jsonl`` and ``timex_heldout2.jsonl``
  (``--heldout``), invented news articles annotated by the TimeML guidelines before the
  tagger was run on them (sources and conventions in ``tests/corpus/timex_heldout*_src.py``).
  The first batch was then used to find families the rules missed; the second was written
  after that work and has tuned nothing. Both stand in for the team's held-out TE3-style
  news, which is not here; rules must not be tuned to them string by string.

``--errors`` prints each set's misses, false alarms and wrong values grouped by the
expression's shape (weekday, month + day, "last" + unit, ...), to see families, not strings.
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
CORPUS = ROOT / "tests" / "corpus"
DEFAULT_HELDOUT = [CORPUS / "timex_heldout.jsonl", CORPUS / "timex_heldout2.jsonl"]
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


_WEEKDAYS = set("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_UNITS = set(
    "second minute hour day night week weekend month year decade century quarter season "
    "morning afternoon evening spring summer fall autumn winter half".split()
)
_NUMBER_WORDS = set(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty hundred a an several few many".split()
)


def shape(text: str) -> str:
    """A coarse family for an expression: words mapped to WD / MON / UNIT / NUM / 9999."""
    import re

    out = []
    for word in re.findall(r"[A-Za-z]+|\d+|[^\sA-Za-z\d]", text.lower()):
        bare = word.rstrip("s") if word not in ("is", "this", "was") else word
        if word in _WEEKDAYS:
            out.append("WD")
        elif word in _MONTHS:
            out.append("MON")
        elif word.isdigit():
            out.append("YEAR" if len(word) == 4 else "NUM")
        elif word in _NUMBER_WORDS:
            out.append("NUM")
        elif word in _UNITS or bare in _UNITS:
            out.append("UNIT")
        else:
            out.append(word)
    return " ".join(out)


def print_errors(label: str, errors: list[dict]) -> None:
    """Misses, false alarms and wrong values, grouped by shape (most frequent family first)."""
    from collections import Counter, defaultdict

    for kind, key in (("miss", "gold"), ("false", "pred"), ("value", "gold")):
        groups: dict[str, list[str]] = defaultdict(list)
        for e in errors:
            if e["kind"] != kind:
                continue
            text = e[key][0] if kind == "value" else e[key]
            example = f"{e['gold']} -> {e['pred']}" if kind == "value" else repr(text)
            groups[shape(text)].append(example)
        total = sum(len(v) for v in groups.values())
        print(f"\n== {label}: {kind} ({total}) ==")
        for fam, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            common = Counter(items).most_common(3)
            shown = "; ".join(f"{x}" + (f" x{n}" if n > 1 else "") for x, n in common)
            print(f"{len(items):>4}  {fam:<28} {shown}")


def run_set(gold: Path, limit: int | None, nlp, show_errors: bool, label: str) -> dict:
    """Both systems on one gold file: their scores and the crosswire / dateparser ratios."""
    from crosswire.evaluate.timex import evaluate_timex_file, read_gold, score_timex
    from crosswire.extract.dates import extract_times
    from crosswire.records import Article

    docs = read_gold(gold, limit)
    started = time.perf_counter()
    parsed = [nlp(d["text"]) for d in docs]
    parse_s = time.perf_counter() - started
    started = time.perf_counter()
    found = {
        d["id"]: extract_times(Article(id=d["id"], text=d["text"], published=d["dct"]), doc)
        for d, doc in zip(docs, parsed, strict=True)
    }
    tag_s = time.perf_counter() - started
    errors: list[dict] = []
    ours = score_timex(docs, lambda d: found[d["id"]], errors)
    ours.update(
        system="crosswire",
        seconds=round(parse_s + tag_s, 3),
        docs_per_s=round(len(docs) / (parse_s + tag_s), 2),
        spacy_parse_seconds=round(parse_s, 3),
        tagger_seconds=round(tag_s, 3),
        tagger_only_docs_per_s=round(len(docs) / tag_s, 1),
    )
    peer = evaluate_timex_file(gold, None, limit=limit, system="dateparser")
    ratio = {
        name: round(_get(ours, path) / _get(peer, path), 3) if _get(peer, path) else None
        for name, path in ROWS
    }
    if show_errors:
        print_errors(label, errors)
    return {"gold_file": gold.name, "crosswire": ours, "dateparser": peer, "ratio": ratio}


def print_table(label: str, res: dict) -> None:
    ours, peer, ratio = res["crosswire"], res["dateparser"], res["ratio"]
    print(f"\n{label}: {ours['docs']} docs, {ours['gold']} gold timexes ({res['gold_file']})")
    print(f"{'metric':<16}{'crosswire':>11}{'dateparser':>12}{'ratio':>8}")
    for name, path in ROWS:
        r = ratio[name]
        print(
            f"{name:<16}{_get(ours, path):>11.3f}{_get(peer, path):>12.3f}"
            f"{(f'{r:.2f}' if r is not None else '-'):>8}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--heldout", type=Path, nargs="*", default=DEFAULT_HELDOUT)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N documents.")
    parser.add_argument("--errors", action="store_true", help="Print errors by family.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "timex.json")
    args = parser.parse_args()

    from crosswire.nlp import load_spacy

    nlp = load_spacy()
    nlp("warm up")
    dev = run_set(args.gold, args.limit, nlp, args.errors, "dev")
    held = {
        path.stem: run_set(path, None, nlp, args.errors, f"held-out {path.stem}")
        for path in args.heldout
    }
    result = {
        "data": "TempEval-3 TBAQ-cleaned AQUAINT (dev split; rules tuned on it) and the "
        "fictional held-out fixtures in tests/corpus/ (each written before the tagger ran on "
        "it; timex_heldout was then used to find missed families, timex_heldout2 never was)",
        "gold_file": dev["gold_file"],
        "limit": args.limit,
        "targets": {"value_f1": 0.7761, "relaxed_f1": 0.90},
        "crosswire": dev["crosswire"],
        "dateparser": dev["dateparser"],
        "ratio_crosswire_over_dateparser": dev["ratio"],
        "heldout": held,
        "notes": "crosswire docs_per_s includes spaCy parsing (en_core_web_sm) of each "
        "document; tagger_only_docs_per_s is the rules alone on pre-parsed docs. "
        "Top-level crosswire/dateparser are the dev split; 'heldout' maps each fictional "
        "fixture to its scores.",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")

    print_table("dev (TempEval-3 AQUAINT; rules tuned on it)", dev)
    for name, res in held.items():
        print_table(f"held-out {name} (fictional, TimeML-annotated)", res)
    ours = dev["crosswire"]
    print(f"\ncrosswire tagger alone (docs pre-parsed): {ours['tagger_only_docs_per_s']} docs/s")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
