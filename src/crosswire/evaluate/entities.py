"""Score entity mentions and their canonical names against gold referents.

Gold (JSON Lines, see tests/corpus/entities.jsonl): one article per line with ``id``, ``text``
and ``mentions``: ``{"text", "start", "end", "label", "ref"}`` for every PERSON/ORG/GPE mention,
where ``ref`` names the referent (the same person in two articles has the same ``ref``).

Mention detection: predicted entities with a scored label are matched one-to-one to gold
mentions by character overlap (largest overlap first); P/R/F1 over that, and over exact spans.
Coreference is scored on the matched mentions only (a predicted cluster is a canonical string,
a gold cluster a ``ref``): ``within_article`` keys both by article, ``corpus`` keys them
globally (the usual cross-document B³), and ``cross_article_pairs`` counts only mention pairs
from different articles. Unmatched mentions are left out of the coreference scores.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Article, Entity, Extraction
from .clustering import b_cubed, pairwise

LABELS = ("PERSON", "ORG", "GPE")


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold articles from a JSON Lines file; offsets are checked against the text."""
    path = Path(path)
    if not path.exists():
        raise InputError(
            f"gold file {path} not found: pass a .jsonl file like tests/corpus/entities.jsonl"
        )
    docs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        doc = json.loads(line)
        for m in doc["mentions"]:
            if doc["text"][m["start"] : m["end"]] != m["text"]:
                raise InputError(
                    f"{path}:{n}: mention {m['text']!r} does not match text[{m['start']}:"
                    f"{m['end']}]; fix the offsets"
                )
        docs.append(doc)
    return docs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def match_mentions(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Entity]
) -> list[tuple[int, int]]:
    """(gold index, pred index) pairs, one-to-one, largest character overlap first."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g["end"], p.end) - max(g["start"], p.start)
            if overlap > 0:
                cands.append((-overlap, gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _cross_pairs(docs: Sequence[str], gold: Sequence[Hashable],
                 pred: Sequence[Hashable]) -> dict[str, float]:
    """Pairwise P/R/F1 over mention pairs from different articles only."""

    def cross(keys: Iterable[Hashable]) -> int:
        keys = list(keys)
        total = sum(n * (n - 1) // 2 for n in Counter(keys).values())
        same_doc = sum(n * (n - 1) // 2 for n in Counter(zip(docs, keys, strict=True)).values())
        return total - same_doc

    tp = cross(zip(gold, pred, strict=True))
    pp, gp = cross(pred), cross(gold)
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold_pairs": gp}


def score_entities(
    gold_docs: Sequence[Mapping[str, Any]],
    predicted: Mapping[str, Sequence[Entity]],
    labels: Sequence[str] = LABELS,
) -> dict[str, Any]:
    """Mention P/R/F1 and coreference (B³, pairwise) of canonical names; see module doc."""
    n_gold = n_pred = exact = label_ok = 0
    m_doc: list[str] = []
    m_gold: list[str] = []
    m_pred: list[str] = []
    for doc in gold_docs:
        gold = doc["mentions"]
        pred = [e for e in predicted.get(doc["id"], ()) if e.label in labels]
        n_gold += len(gold)
        n_pred += len(pred)
        for gi, pi in match_mentions(gold, pred):
            g, p = gold[gi], pred[pi]
            exact += (g["start"], g["end"]) == (p.start, p.end)
            label_ok += g["label"] == p.label
            m_doc.append(doc["id"])
            m_gold.append(g["ref"])
            m_pred.append(p.canonical)
    matched = len(m_gold)
    within_gold = list(zip(m_doc, m_gold, strict=True))
    within_pred = list(zip(m_doc, m_pred, strict=True))
    return {
        "articles": len(gold_docs),
        "gold_mentions": n_gold,
        "predicted_mentions": n_pred,
        "matched": matched,
        "mentions_overlap": _prf(matched, n_pred, n_gold),
        "mentions_exact": _prf(exact, n_pred, n_gold),
        "label_accuracy": label_ok / matched if matched else 0.0,
        "gold_referents": len(set(m_gold)),
        "predicted_clusters": len(set(m_pred)),
        "within_article": {
            "b3": b_cubed(within_gold, within_pred),
            "pairwise": pairwise(within_gold, within_pred),
        },
        "corpus": {"b3": b_cubed(m_gold, m_pred), "pairwise": pairwise(m_gold, m_pred)},
        "cross_article_pairs": _cross_pairs(m_doc, m_gold, m_pred),
        "splits": _disagreements(m_gold, m_pred),
        "merges": _disagreements(m_pred, m_gold),
    }


def _disagreements(keys: Sequence[str], other: Sequence[str]) -> dict[str, list[str]]:
    """Keys whose mentions the other side spreads over several clusters (sorted, for reading)."""
    seen: dict[str, set[str]] = defaultdict(set)
    for k, o in zip(keys, other, strict=True):
        seen[k].add(o)
    return {k: sorted(v) for k, v in sorted(seen.items()) if len(v) > 1}


# -- the two systems the bench compares -----------------------------------------------------
def crosswire_predictions(
    gold_docs: Sequence[Mapping[str, Any]], parsed: Sequence[Any]
) -> dict[str, tuple[Entity, ...]]:
    """crosswire's entities per article, canonical names unified across the corpus."""
    from ..extract.entities import canonicalize_corpus, extract_entities

    extractions = [
        Extraction(
            article=str(doc["id"]),
            entities=extract_entities(Article(id=str(doc["id"]), text=doc["text"]), sp),
        )
        for doc, sp in zip(gold_docs, parsed, strict=True)
    ]
    return {ex.article: ex.entities for ex in canonicalize_corpus(extractions)}


def surface_predictions(
    gold_docs: Sequence[Mapping[str, Any]], parsed: Sequence[Any]
) -> dict[str, tuple[Entity, ...]]:
    """Peer baseline: plain spaCy NER spans, each named by its exact surface string."""
    return {
        str(doc["id"]): tuple(
            Entity(
                text=e.text, label=e.label_, canonical=e.text, start=e.start_char, end=e.end_char
            )
            for e in sp.ents
        )
        for doc, sp in zip(gold_docs, parsed, strict=True)
    }
