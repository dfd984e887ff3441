"""Clustering scores (B³, pairwise, ARI) and the story/event evaluation on gold data.

``evaluate_clustering_file`` runs the real pipeline: spaCy parse -> ``extract_article`` ->
``link_articles`` (articles replayed in ``(published, id)`` order) and scores the predicted
clusters against a gold field. The ``url`` field is never given to the pipeline.

Levels:
- ``story``: an article's predicted cluster is its story.
- ``event``: an article's predicted cluster is its *main event* (story + event). The gold
  label is the same field: in ECB+ each subtopic is one seminal event (one earthquake, one
  rehab check-in), in newsclust each cluster is one news event. So event-level scores say
  whether the event split inside stories keeps each gold event whole (recall) and never
  mixes two of them (precision); splitting one gold event into several dated events costs
  recall. It is document-level clustering of main events, not mention-level coreference.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..records import Analyzed, Article, Entity, Extraction, Sentence

log = logging.getLogger(__name__)


def _check(gold: Sequence[Any], pred: Sequence[Any]) -> None:
    if len(gold) != len(pred):
        raise ValueError(
            f"gold has {len(gold)} labels but pred has {len(pred)}; pass one label per item."
        )


def b_cubed(gold: Sequence[Any], pred: Sequence[Any]) -> dict[str, float]:
    """B³ precision, recall and F1 (Bagga & Baldwin 1998), averaged over items."""
    _check(gold, pred)
    if not gold:
        return {"p": 1.0, "r": 1.0, "f1": 1.0}
    cell = Counter(zip(gold, pred, strict=True))
    g_size, p_size = Counter(gold), Counter(pred)
    p = sum(cell[(g, c)] / p_size[c] for g, c in zip(gold, pred, strict=True)) / len(gold)
    r = sum(cell[(g, c)] / g_size[g] for g, c in zip(gold, pred, strict=True)) / len(gold)
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise(gold: Sequence[Any], pred: Sequence[Any]) -> dict[str, float]:
    """Precision/recall/F1 over item pairs put in the same cluster (1.0 when no pairs)."""
    _check(gold, pred)
    tp = sum(_pairs(n) for n in Counter(zip(gold, pred, strict=True)).values())
    pp = sum(_pairs(n) for n in Counter(pred).values())
    gp = sum(_pairs(n) for n in Counter(gold).values())
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def ari(gold: Sequence[Any], pred: Sequence[Any]) -> float:
    """Adjusted Rand index (scikit-learn)."""
    from sklearn.metrics import adjusted_rand_score

    _check(gold, pred)
    return float(adjusted_rand_score([str(g) for g in gold], [str(p) for p in pred]))


def score_clustering(gold: Sequence[Any], pred: Sequence[Any]) -> dict[str, Any]:
    """All scores for one clustering."""
    return {
        "n": len(gold),
        "gold_clusters": len(set(gold)),
        "pred_clusters": len(set(pred)),
        "b3": b_cubed(gold, pred),
        "pairwise": pairwise(gold, pred),
        "ari": ari(gold, pred),
    }


# -- running the pipeline on a gold file -------------------------------------------------------
def read_rows(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def row_article(row: dict[str, Any]) -> Article:
    """The article the pipeline sees: no ``url`` and no gold fields."""
    return Article(
        id=str(row["id"]),
        text=row["text"],
        title=row.get("title"),
        source=row.get("source"),
        published=row.get("published"),
    )


def basic_extraction(article: Article, doc: Any) -> Extraction:
    """Sentences and entities straight from a spaCy doc (used when the extractors are missing).

    Canonical names are the mention text without a leading "the" and possessive; no dates.
    """
    sents = tuple(Sentence(s.start_char, s.end_char, s.text) for s in doc.sents)
    ents = []
    for e in doc.ents:
        name = e.text.strip()
        if name.lower().startswith("the "):
            name = name[4:]
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        ents.append(Entity(e.text, e.label_, name, e.start_char, e.end_char))
    return Extraction(article=article.id, sentences=sents, entities=tuple(ents))


def extractor() -> tuple[str, Any]:
    """``("crosswire", extract_article)`` when the extract stage imports, else the fallback."""
    try:
        from ..extract import extract_article
    except ImportError as err:
        log.warning("crosswire.extract is not importable (%s); using basic spaCy entities", err)
        return "basic", basic_extraction
    return "crosswire", extract_article


def analyze_rows(rows: Iterable[dict[str, Any]], nlp: Any = None,
                 docs: Iterable[Any] | None = None) -> tuple[list[Analyzed], str]:
    """Parse (or take ``docs``) and extract every row; returns the records and extractor name."""
    rows = list(rows)
    articles = [row_article(r) for r in rows]
    if docs is None:
        if nlp is None:
            from ..nlp import load_spacy

            nlp = load_spacy()
        docs = nlp.pipe((a.text for a in articles), batch_size=16)
    name, extract = extractor()
    extractions = [extract(a, d) for a, d in zip(articles, docs, strict=True)]
    if name == "crosswire":  # corpus-wide canonical names, as the engines link them
        from ..extract import canonicalize_corpus

        extractions = list(canonicalize_corpus(extractions))
    out = [Analyzed(a, x) for a, x in zip(articles, extractions, strict=True)]
    return out, name


def predict_labels(analyzed: Sequence[Analyzed], level: str = "story",
                   config: Any = None) -> list[str]:
    """Predicted cluster per article (input order) from ``link_articles``."""
    from ..link import LinkConfig, link_articles

    if level not in ("story", "event"):
        raise ValueError(f"level must be 'story' or 'event', not {level!r}.")
    state = link_articles(analyzed, config=config or LinkConfig())
    if level == "story":
        return [state.story_of[a.article.id] for a in analyzed]
    event_of = {aid: ev.id for ev in state.events() for aid in ev.articles}
    return [event_of[a.article.id] for a in analyzed]


def evaluate_clustering_file(
    path: str | Path,
    gold_field: str = "subtopic",
    level: str = "story",
    nlp: Any = None,
    limit: int | None = None,
    config: Any = None,
) -> dict[str, Any]:
    """Run parse -> extract -> link on a gold JSONL file and score against ``gold_field``."""
    rows = read_rows(path, limit)
    if rows and gold_field not in rows[0]:
        raise ValueError(
            f"{path} has no gold field {gold_field!r}; its fields are {sorted(rows[0])}."
        )
    analyzed, name = analyze_rows(rows, nlp)
    pred = predict_labels(analyzed, level, config)
    result = score_clustering([r[gold_field] for r in rows], pred)
    result.update({"level": level, "gold_field": gold_field, "extractor": name,
                   "path": str(path)})
    return result
