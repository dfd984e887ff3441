"""Score quote extraction against gold attributions (PolNeAR JSON Lines, see its README).

Content spans: exact and overlap precision/recall/F1 with one-to-one greedy matching (largest
overlap first), per kind group: ``direct+mixed``, ``indirect`` and ``all``. Speaker accuracy on
overlap-matched pairs whose gold has a speaker: right when our speaker mention overlaps the
gold mention, or our (canonical) speaker name contains every word of the gold mention.

Gold direct contents include their quotation marks and span ``"A," he said, "B"`` as one
envelope; ``adapt_to_gold`` merges our split pieces the same way before scoring, for every
system alike. Exact match compares spans trimmed of marks, spaces and edge punctuation.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Article, Quote

log = logging.getLogger(__name__)

GROUPS = {
    "direct+mixed": frozenset({"direct", "mixed"}),
    "indirect": frozenset({"indirect"}),
    "all": frozenset({"direct", "mixed", "indirect"}),
}
_TRIM = " \t\n\r\"'\u201c\u201d\u2018\u2019`.,;:!?\u2014-"
_DETS = frozenset({"the", "a", "an", "this", "that", "his", "her", "its", "their"})


def load_gold(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Gold documents from a JSON Lines file (first ``limit`` when given)."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"gold file {path} not found: pass a PolNeAR-style .jsonl file")
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(json.loads(line))
            if limit is not None and len(docs) >= limit:
                break
    return docs


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def _greedy(gold: list[dict[str, Any]], pred: list[Quote]) -> list[tuple[int, int]]:
    pairs = []
    for i, g in enumerate(gold):
        for j, q in enumerate(pred):
            ov = min(g["end"], q.end) - max(g["start"], q.start)
            if ov > 0:
                pairs.append((-ov, i, j))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def speaker_right(gold: dict[str, Any], q: Quote) -> bool:
    """Our speaker overlaps the gold mention, or names it (every gold word in our name)."""
    if gold.get("speaker") is None:
        return q.speaker is None
    if q.speaker_start is not None and q.speaker_end is not None:
        frags = gold.get("speaker_fragments") or [[gold["speaker_start"], gold["speaker_end"]]]
        if any(min(e, q.speaker_end) > max(s, q.speaker_start) for s, e in frags):
            return True
    if not q.speaker:
        return False
    ours = set(q.speaker.lower().replace("'s", "").split())
    words = [w for w in gold["speaker"].lower().replace("'s", "").split() if w not in _DETS]
    return bool(words) and all(w.strip(".,") in ours for w in words)


def score_quotes(
    gold_docs: Iterable[dict[str, Any]], predict: Callable[[dict[str, Any]], list[Quote]]
) -> dict[str, Any]:
    """Metrics per kind group; ``predict`` maps a gold document to our quotes."""
    counts = {
        g: dict.fromkeys(("gold", "pred", "exact", "ov_g", "ov_p", "spk_n", "spk_ok"), 0)
        for g in GROUPS
    }
    n_docs = 0
    seconds = 0.0
    for doc in gold_docs:
        n_docs += 1
        t0 = time.perf_counter()
        pred = adapt_to_gold(doc["text"], predict(doc))
        seconds += time.perf_counter() - t0
        text = doc["text"]
        for name, kinds in GROUPS.items():
            c = counts[name]
            gold = [g for g in doc["quotes"] if g["kind"] in kinds]
            ours = [q for q in pred if q.kind in kinds]
            c["gold"] += len(gold)
            c["pred"] += len(ours)
            gold_keys = {_trimmed(text, g["start"], g["end"]) for g in gold}
            c["exact"] += len(gold_keys & {_trimmed(text, q.start, q.end) for q in ours})
            matches = _greedy(gold, ours)
            c["ov_g"] += len(matches)
            c["ov_p"] += len(matches)
            for i, j in matches:
                if gold[i].get("speaker") is not None:
                    c["spk_n"] += 1
                    c["spk_ok"] += speaker_right(gold[i], ours[j])
    out: dict[str, Any] = {
        "docs": n_docs,
        "seconds": round(seconds, 2),
        "articles_per_s": round(n_docs / seconds, 2) if seconds else None,
    }
    for name, c in counts.items():
        out[name] = {
            "gold": c["gold"],
            "pred": c["pred"],
            "exact": _prf(c["exact"], c["pred"], c["exact"], c["gold"]),
            "overlap": _prf(c["ov_p"], c["pred"], c["ov_g"], c["gold"]),
            "speaker_accuracy": round(c["spk_ok"] / c["spk_n"], 4) if c["spk_n"] else None,
            "speaker_n": c["spk_n"],
        }
    return out


def adapt_to_gold(text: str, quotes: list[Quote]) -> list[Quote]:
    """Gold conventions: direct spans include their marks; split pieces form one envelope."""
    out: list[Quote] = []
    for q in sorted(quotes, key=lambda q: q.start):
        start, end = q.start, q.end
        if q.kind == "direct":
            if start > 0 and text[start - 1] in "\"'\u201c\u2018`":
                start -= 1
            if end < len(text) and text[end] in "\"'\u201d\u2019":
                end += 1
        prev = out[-1] if out else None
        if (
            prev is not None
            and q.kind == "direct"
            and prev.kind == "direct"
            and q.speaker is not None
            and q.speaker == prev.speaker
            and 0 <= start - prev.end < 150
            and "\n" not in text[prev.end : start]
        ):
            out[-1] = Quote(
                text[prev.start : end],
                prev.start,
                end,
                prev.speaker,
                "direct",
                prev.via,
                prev.speaker_text,
                prev.speaker_start,
                prev.speaker_end,
                prev.cue,
                prev.role,
            )
            continue
        out.append(
            Quote(
                text[start:end],
                start,
                end,
                q.speaker,
                q.kind,
                q.via,
                q.speaker_text,
                q.speaker_start,
                q.speaker_end,
                q.cue,
                q.role,
            )
        )
    return out


def predict_crosswire(doc: dict[str, Any], nlp: Any) -> list[Quote]:
    """crosswire's quotes for one gold document (parsing its text with ``nlp``)."""
    from ..extract.entities import extract_entities
    from ..extract.quotes import extract_quotes

    article = Article(id=str(doc.get("id", "doc")), text=doc["text"])
    parsed = nlp(doc["text"])
    return list(extract_quotes(article, parsed, extract_entities(article, parsed)))


def predict_textacy(doc: dict[str, Any], nlp: Any) -> list[Quote]:
    """The peer: textacy's ``direct_quotations`` on the same spaCy parse (direct only)."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as err:  # optional peer
        raise InputError(f"textacy is not installed ({err}); pip install textacy") from err
    parsed = nlp(doc["text"])
    text = doc["text"]
    out = []
    try:
        triples = list(direct_quotations(parsed))
    except ValueError as err:  # textacy bails out on an odd number of quotation marks
        log.info("textacy skipped %s: %s", doc.get("id"), err)
        return []
    for triple in triples:
        content = triple.content
        start, end = content.start_char, content.end_char
        opened = text[start] in "\"'\u201c\u2018"
        if end - start >= 2 and opened and text[end - 1] in "\"'\u201d\u2019":
            start, end = start + 1, end - 1
        speaker = " ".join(t.text for t in triple.speaker) or None
        s_start = min((t.idx for t in triple.speaker), default=None)
        s_end = max((t.idx + len(t.text) for t in triple.speaker), default=None)
        cue = " ".join(t.text for t in triple.cue) or None
        out.append(
            Quote(
                text[start:end],
                start,
                end,
                speaker,
                "direct",
                speaker_text=speaker,
                speaker_start=s_start,
                speaker_end=s_end,
                cue=cue,
            )
        )
    return out


def evaluate_quotes_file(
    path: str | Path, nlp: Any, limit: int | None = None, system: str = "crosswire"
) -> dict[str, Any]:
    """Score ``system`` ("crosswire" or "textacy") on a gold JSON Lines file."""
    predictors = {"crosswire": predict_crosswire, "textacy": predict_textacy}
    if system not in predictors:
        raise InputError(f"unknown quote system {system!r}: use one of {sorted(predictors)}")
    docs = load_gold(path, limit)
    predict = predictors[system]
    result = score_quotes(docs, lambda d: predict(d, nlp))
    result["system"] = system
    result["gold_file"] = str(path)
    return result
