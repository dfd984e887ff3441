"""The Python API, mirroring the CLI: ``analyze`` = ``crosswire run``.

    import crosswire
    result = crosswire.analyze(["a.txt", "feed.jsonl"], published="2015-01-05")
    for story in result.stories:
        print(story["title"], len(story["facts"]["conflicting"]))
    result.write("out/")          # corpus.json + stories/<id>.json|.md|.html
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import __version__
from .config import Settings, load_settings
from .engines.local import IngestReport, Progress
from .records import to_dict
from .registry import engines, renderers, stores
from .store.base import Store

log = logging.getLogger(__name__)

FORMATS = ("json", "md", "html")


@dataclass
class Result:
    store: Store
    report: IngestReport
    stories: list[dict[str, Any]]

    def corpus(self) -> dict[str, Any]:
        return corpus_from_store(self.store, self.stories)

    def write(self, out_dir: str | Path, formats: Iterable[str] = FORMATS) -> list[Path]:
        return write_outputs(self.store, out_dir, formats, stories=self.stories)


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    store: Store = stores.create("duckdb", path=str(path), read_only=read_only)
    return store


def ingest(paths: Iterable[str | Path], *, store: Store | str | Path = ":memory:",
           meta: Mapping[str, str | None] | None = None, settings: Settings | None = None,
           progress: Progress | None = None) -> tuple[Store, IngestReport]:
    """Ingest and extract ``paths`` into ``store`` (a path or an open store)."""
    settings = settings or load_settings()
    store = open_store(store) if isinstance(store, (str, Path)) else store
    engine = engines.create(settings.engine, settings=settings)
    return store, engine.ingest(paths, store, meta=meta, progress=progress)


def analyze(paths: Iterable[str | Path], *, store: Store | str | Path = ":memory:",
            published: str | None = None, source: str | None = None,
            settings: Settings | None = None, progress: Progress | None = None) -> Result:
    """Ingest, extract, link and brief ``paths``; returns the stories (contract dicts)."""
    settings = settings or load_settings()
    meta = {"published": published, "source": source}
    store, report = ingest(paths, store=store, meta=meta, settings=settings, progress=progress)
    engine = engines.create(settings.engine, settings=settings)
    stories = engine.link(store)
    return Result(store, report, stories)


def corpus_from_store(store: Store, stories: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The ``corpus.json`` document (validated against corpus.v1.json)."""
    from .extract import canonicalize_corpus
    from .render.json_out import validate

    items = store.analyzed()
    canonical = canonicalize_corpus([item.extraction for item in items])
    articles = []
    for item, extraction in zip(items, canonical, strict=True):
        item = replace(item, extraction=extraction)
        article = to_dict(item.article)
        article.pop("input")  # the inputs list maps each input to its article
        extraction = to_dict(item.extraction)
        for key in ("article", "sentences"):  # sentences stay in the store (web UI)
            extraction.pop(key)
        articles.append({**article, **extraction, "duplicates": list(item.duplicates)})
    corpus = {
        "crosswire_version": __version__,
        "inputs": [to_dict(r) for r in store.inputs()],
        "articles": articles,
        "stories": stories if stories is not None else [store.story(s["id"])
                                                        for s in store.stories()],
    }
    validate(corpus, "corpus")
    return corpus


def render_story(story: dict[str, Any], articles: Mapping[str, dict[str, Any]], fmt: str) -> str:
    """One story in ``fmt`` (json, md, html) through the renderer registry."""
    return renderers.create(fmt)(story, articles) if fmt != "json" else json.dumps(
        story, ensure_ascii=False, indent=2)


def write_outputs(store: Store, out_dir: str | Path, formats: Iterable[str] = FORMATS,
                  stories: list[dict[str, Any]] | None = None) -> list[Path]:
    """Write ``corpus.json`` and ``stories/<id>.<fmt>``; returns the paths written."""
    out = Path(out_dir)
    (out / "stories").mkdir(parents=True, exist_ok=True)
    corpus = corpus_from_store(store, stories)
    path = out / "corpus.json"
    path.write_text(json.dumps(corpus, ensure_ascii=False, indent=2), encoding="utf-8")
    written = [path]
    articles = {a["id"]: a for a in corpus["articles"]}
    for story in corpus["stories"]:
        for fmt in formats:
            target = out / "stories" / f"{story['id']}.{fmt}"
            target.write_text(render_story(story, articles, fmt), encoding="utf-8")
            written.append(target)
    return written
