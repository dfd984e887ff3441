"""JSON output: the contract's story and corpus objects, validated against their schemas.

``story_to_dict`` / ``corpus_to_dict`` build plain data; ``story_to_json`` / ``corpus_to_json``
serialize it and validate exactly the text they hand out (``schemas/*.v1.json``, draft 2020-12).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from ..brief.cite import date_precision
from ..errors import SchemaError
from ..extract.furniture import headline_of
from ..records import Analyzed, Brief, Cite, Extraction, InputRecord, to_dict

SCHEMA_IDS = {"story": "urn:crosswire:schema:story:v1", "corpus": "urn:crosswire:schema:corpus:v1"}
_FILES = {"story": "story.v1.json", "corpus": "corpus.v1.json"}


@lru_cache(maxsize=1)
def load_schemas() -> dict[str, dict[str, Any]]:
    """The published schemas, by name ("story", "corpus")."""
    base = resources.files("crosswire.render") / "schemas"
    return {k: json.loads((base / f).read_text(encoding="utf-8")) for k, f in _FILES.items()}


@lru_cache(maxsize=2)
def _validator(schema: str) -> Draft202012Validator:
    schemas = load_schemas()
    if schema not in schemas:
        raise SchemaError(f"No schema called {schema!r}. Available: {', '.join(sorted(schemas))}.")
    registry: Registry = Registry().with_resources(
        (SCHEMA_IDS[k], Resource.from_contents(v)) for k, v in schemas.items()
    )
    return Draft202012Validator(schemas[schema], registry=registry)


def validate(data: dict[str, Any], schema: str = "corpus") -> None:
    """Raise ``SchemaError`` naming the JSON path of the first problem (in path order)."""
    errors = sorted(_validator(schema).iter_errors(data), key=lambda e: e.json_path)
    if errors:
        err = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise SchemaError(
            f"Output breaks {_FILES[schema]} at {err.json_path}: {err.message}{more}. "
            "If crosswire wrote this file, it is a crosswire bug: please report it with the input "
            "articles; if you edited it, fix the value at that path."
        )


def _cites(cites: Sequence[Cite]) -> list[dict[str, Any]]:
    return [{"article": c.article, "start": c.start, "end": c.end} for c in cites]


def _as_map(analyzed: Mapping[str, Analyzed] | Sequence[Analyzed] | None) -> dict[str, Analyzed]:
    if analyzed is None:
        return {}
    if isinstance(analyzed, Mapping):
        return dict(analyzed)
    return {a.article.id: a for a in analyzed}


def story_to_dict(
    brief: Brief, analyzed: Mapping[str, Analyzed] | Sequence[Analyzed] | None = None
) -> dict[str, Any]:
    """The contract's story object (plus declared extras: precision, sources, outlets)."""
    recs = _as_map(analyzed)

    def outlets(cites: Sequence[Cite]) -> list[str]:
        names = {recs[c.article].article.source or c.article for c in cites if c.article in recs}
        return sorted(names)

    def fact(f: Any) -> dict[str, Any]:
        return {
            "slot": f.slot,
            "event": f.event,
            "value": f.value,
            "statement": f.statement,
            "citations": _cites(f.citations),
            "sources": list(f.sources),
            "outlets": outlets(f.citations),
        }

    def conflict(c: Any) -> dict[str, Any]:
        return {
            "slot": c.slot,
            "event": c.event,
            "statement": c.statement,
            "kind": c.kind,
            "why": c.why,
            "variants": [
                {
                    "value": v.value,
                    "statement": v.statement,
                    "citations": _cites(v.citations),
                    "sources": list(v.sources),
                    "outlets": outlets(v.citations),
                }
                for v in c.variants
            ],
        }

    s = brief.story
    out: dict[str, Any] = {
        "id": s.id,
        "title": s.title,
        "articles": list(s.articles),
        "aliases": list(s.aliases),
        "events": [
            {
                "id": e.id,
                "title": e.title,
                "date": e.date,
                "precision": date_precision(e.date),
                "place": e.place,
                "articles": list(e.articles),
                "mentioned_by": list(e.mentioned_by),
                "date_citations": _cites(e.date_citations),
            }
            for e in s.events
        ],
        "timeline": [
            {
                "date": t.date,
                "precision": t.precision,
                "event": t.event,
                "text": t.text,
                "citations": _cites(t.citations),
            }
            for t in brief.timeline
        ],
        "facts": {
            "agreed": [fact(f) for f in brief.agreed],
            "unique": [fact(f) for f in brief.unique],
            "conflicting": [conflict(c) for c in brief.conflicting if c.kind == "conflict"],
            "updates": [conflict(c) for c in brief.conflicting if c.kind == "update"],
        },
        "quotes": [
            {
                "speaker": g.speaker,
                "variants": [
                    {
                        "text": v.text,
                        "citations": _cites(v.citations),
                        "sources": list(v.sources),
                        "speaker": v.speaker,
                        "kind": v.kind,
                        "framed": v.framed,
                    }
                    for v in g.variants
                ],
            }
            for g in brief.quotes
        ],
        "summary": [{"text": x.text, "citations": _cites(x.citations)} for x in brief.summary],
        "framing": [
            {
                "article": f.article,
                "source": f.source,
                "voices": [dict(v) for v in f.voices],
                "markers": [
                    {
                        "kind": m.kind,
                        "text": m.text,
                        "start": m.start,
                        "end": m.end,
                        "neutral": m.neutral,
                    }
                    for m in f.markers
                ],
                "omits": list(f.omits),
                "checked": f.checked,
            }
            for f in brief.framing
        ],
    }
    if "sources" in brief.extra:
        out["sources"] = dict(brief.extra["sources"])
    if "outlets" in brief.extra:
        out["outlets"] = [dict(o) for o in brief.extra["outlets"]]
    if "independent_sources" in brief.extra:
        out["independent_sources"] = int(brief.extra["independent_sources"])
    if brief.extra.get("dates_retold"):
        out["dates_retold"] = {aid: [dict(t) for t in times]
                               for aid, times in brief.extra["dates_retold"].items()}
    return out


def _span(x: Any) -> dict[str, Any]:
    return {"text": x.text, "start": x.start, "end": x.end}


def article_to_dict(rec: Analyzed) -> dict[str, Any]:
    """One ``articles[]`` entry of corpus.json: metadata, text and extractions."""
    a, ex = rec.article, rec.extraction
    return {
        "id": a.id,
        "source": a.source,
        "title": headline_of(a.text, a.title, ex.nonbody),  # the input's, or the headline line
        "published": a.published,
        "url": a.url,
        "author": a.author,
        "text": a.text,
        "duplicates": list(rec.duplicates),
        **extraction_to_dict(ex),
    }


def extraction_to_dict(ex: Extraction) -> dict[str, list[dict[str, Any]]]:
    return {
        "entities": [
            {**_span(e), "label": e.label, "canonical": e.canonical, "role": e.role}
            for e in ex.entities
        ],
        "quotes": [
            {
                **_span(q),
                "speaker": q.speaker,
                "kind": q.kind,
                "via": q.via,
                "role": q.role,
                "speaker_text": q.speaker_text,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
                "cue": q.cue,
            }
            for q in ex.quotes
        ],
        "times": [
            {**_span(t), "value": t.value, "anchor": t.anchor, "type": t.type} for t in ex.times
        ],
        "numbers": [
            {
                **_span(n),
                "low": n.low,
                "high": n.high,
                "unit": n.unit,
                "approx": n.approx,
                "group": getattr(n, "group", None),
            }
            for n in ex.numbers
        ],
        "claims": [to_dict(c) for c in ex.claims],
        "nonbody": [{"start": n.start, "end": n.end, "kind": n.kind} for n in ex.nonbody],
    }


def corpus_to_dict(
    version: str,
    inputs: Sequence[InputRecord],
    analyzed: Sequence[Analyzed],
    briefs: Sequence[Brief],
) -> dict[str, Any]:
    """The whole corpus.json: accounting, articles with extractions, and stories."""
    recs = _as_map(analyzed)
    return {
        "crosswire_version": version,
        "schema": "crosswire/corpus/v1",
        "inputs": [
            {
                "input": r.input,
                "article": r.article,
                "status": r.status,
                "duplicate_of": r.duplicate_of,
                "reason": r.reason,
            }
            for r in inputs
        ],
        "articles": [article_to_dict(a) for a in analyzed],
        "stories": [story_to_dict(b, recs) for b in briefs],
    }


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def story_to_json(brief: Brief, analyzed: Any = None) -> str:
    """The story object as JSON text, validated against story.v1.json."""
    text = _dump(story_to_dict(brief, analyzed))
    validate(json.loads(text), "story")
    return text


def corpus_to_json(
    version: str,
    inputs: Sequence[InputRecord],
    analyzed: Sequence[Analyzed],
    briefs: Sequence[Brief],
) -> str:
    """corpus.json text, validated against corpus.v1.json."""
    text = _dump(corpus_to_dict(version, inputs, analyzed, briefs))
    validate(json.loads(text), "corpus")
    return text


def render_json(story: dict[str, Any], articles: Mapping[str, dict[str, Any]] | None = None) -> str:
    """Renderer-registry form: a stored story dict (validated) as JSON text."""
    validate(story, "story")
    return _dump(story)
