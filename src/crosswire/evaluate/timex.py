"""Score temporal expressions against TempEval-3 style gold (TE3 Task A).

Gold documents are dicts as in ``shared/data/timex/*.jsonl``: ``id``, ``text``, ``dct`` and
``timexes`` (``start``, ``end``, ``type``, ``value``). A system is a function from a gold
document to predicted timexes (objects or dicts with ``start``, ``end``, ``type``, ``value``).

Extent is scored strictly (same span) and relaxed (overlap, one-to-one); type and value are
scored on relaxed matches, and value F1 = relaxed F1 x value accuracy, as TE3 ranked systems.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import InputError, MissingExtraError

log = logging.getLogger(__name__)

Predict = Callable[[dict[str, Any]], Iterable[Any]]


def _get(x: Any, key: str) -> Any:
    return x.get(key) if isinstance(x, dict) else getattr(x, key, None)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


_WEEK = re.compile(r"-W0(\d)\b")


def normalize_value(value: str | None) -> str | None:
    """Equivalent spellings made equal: TE3 gold writes ISO weeks without padding (2000-W7)."""
    return _WEEK.sub(r"-W\1", value) if value else value


def match_relaxed(gold: list[Any], pred: list[Any]) -> list[tuple[Any, Any]]:
    """One-to-one overlap matches, preferring exact spans, then the largest overlap."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            gs, ge, ps, pe = _get(g, "start"), _get(g, "end"), _get(p, "start"), _get(p, "end")
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                pairs.append((-(gs == ps and ge == pe), -overlap, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gold[gi], pred[pi]))
    return out


def score_timex(
    gold_docs: Iterable[dict[str, Any]],
    predict: Predict,
    errors: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Strict and relaxed span P/R/F1, type and value accuracy, type and value F1.

    Pass a list as ``errors`` to collect misses, false alarms and wrong values for inspection.
    """
    n_gold = n_pred = strict_tp = relaxed_tp = type_ok = value_ok = docs = 0
    for doc in gold_docs:
        docs += 1
        gold = list(doc.get("timexes", ()))
        pred = list(predict(doc))
        n_gold += len(gold)
        n_pred += len(pred)
        spans = {(_get(g, "start"), _get(g, "end")) for g in gold}
        strict_tp += sum((_get(p, "start"), _get(p, "end")) in spans for p in pred)
        matches = match_relaxed(gold, pred)
        relaxed_tp += len(matches)
        for g, p in matches:
            type_ok += _get(g, "type") == _get(p, "type")
            same = normalize_value(_get(g, "value")) == normalize_value(_get(p, "value"))
            value_ok += same
            if errors is not None and not same:
                errors.append(
                    {
                        "doc": doc.get("id"),
                        "kind": "value",
                        "dct": doc.get("dct"),
                        "gold": [g["text"], g["value"]],
                        "pred": [_get(p, "text"), _get(p, "value")],
                    }
                )
        if errors is not None:
            hit_g = {id(g) for g, _ in matches}
            hit_p = {id(p) for _, p in matches}
            text = doc.get("text", "")
            for g in gold:
                if id(g) not in hit_g:
                    errors.append(
                        {
                            "doc": doc.get("id"),
                            "kind": "miss",
                            "gold": g["text"],
                            "context": text[max(0, g["start"] - 50) : g["end"] + 30],
                        }
                    )
            for p in pred:
                if id(p) not in hit_p:
                    s, e = _get(p, "start"), _get(p, "end")
                    errors.append(
                        {
                            "doc": doc.get("id"),
                            "kind": "false",
                            "pred": text[s:e],
                            "context": text[max(0, s - 50) : e + 30],
                        }
                    )
    strict = _prf(strict_tp, n_pred, n_gold)
    relaxed = _prf(relaxed_tp, n_pred, n_gold)
    type_acc = type_ok / relaxed_tp if relaxed_tp else 0.0
    value_acc = value_ok / relaxed_tp if relaxed_tp else 0.0
    return {
        "docs": docs,
        "gold": n_gold,
        "predicted": n_pred,
        "strict": strict,
        "relaxed": relaxed,
        "type_accuracy": round(type_acc, 4),
        "value_accuracy": round(value_acc, 4),
        "type_f1": round(relaxed["f1"] * type_acc, 4),
        "value_f1": round(relaxed["f1"] * value_acc, 4),
    }


def read_gold(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Gold documents from a JSON Lines file (first ``limit`` lines)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(
            f"No timex gold file at {path}. Point to a TempEval-3 JSONL file such as "
            "shared/data/timex/dev.jsonl (see its README for the format)."
        )
    docs: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if limit is not None and len(docs) >= limit:
                break
            if line.strip():
                try:
                    docs.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise InputError(f"{path}:{n} is not valid JSON ({err}).") from err
    return docs


def crosswire_predictor(nlp: Any) -> Predict:
    """crosswire's tagger, with the document creation time as the publication date."""
    from ..extract.dates import extract_times
    from ..records import Article

    def predict(doc: dict[str, Any]) -> list[Any]:
        article = Article(id=str(doc.get("id")), text=doc["text"], published=doc.get("dct"))
        return list(extract_times(article, nlp(doc["text"]) if nlp is not None else None))

    return predict


def dateparser_predictor() -> Predict:
    """The peer: dateparser's ``search_dates`` relative to the DCT, preferring past dates."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        raise MissingExtraError("The dateparser peer of `crosswire eval timex`", "bench") from None

    def predict(doc: dict[str, Any]) -> list[dict[str, Any]]:
        text = doc["text"]
        base = datetime.fromisoformat(doc["dct"][:10])
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        try:
            found = search_dates(text, settings=settings, languages=["en"]) or []
        except Exception as err:  # noqa: BLE001 -- a peer's crash must not stop the benchmark
            log.warning("dateparser failed on %s: %s", doc.get("id"), err)
            found = []
        out, cursor = [], 0
        for sub, when in found:
            at = text.find(sub, cursor)
            if at < 0:
                continue
            cursor = at + len(sub)
            out.append(
                {
                    "start": at,
                    "end": cursor,
                    "text": sub,
                    "type": "DATE",
                    "value": when.date().isoformat(),
                }
            )
        return out

    return predict


def evaluate_timex_file(
    path: str | Path, nlp: Any, limit: int | None = None, system: str = "crosswire"
) -> dict[str, Any]:
    """Score ``system`` ("crosswire" or "dateparser") on a gold file; adds timing to the scores."""
    docs = read_gold(path, limit)
    if system == "crosswire":
        predict = crosswire_predictor(nlp)
    elif system == "dateparser":
        predict = dateparser_predictor()
    else:
        raise InputError(f"Unknown timex system {system!r}: use 'crosswire' or 'dateparser'.")
    started = time.perf_counter()
    scores = score_timex(docs, predict)
    seconds = time.perf_counter() - started
    scores.update(
        system=system,
        file=str(path),
        seconds=round(seconds, 3),
        docs_per_s=round(len(docs) / seconds, 2) if seconds else None,
    )
    return scores


__all__ = ["evaluate_timex_file", "match_relaxed", "read_gold", "score_timex"]
