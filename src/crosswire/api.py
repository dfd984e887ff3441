"""The Python API, mirroring the CLI: ``analyze`` = ``crosswire run``.

    import crosswire
    result = crosswire.analyze(["a.txt", "feed.jsonl"], published="2015-01-05")
    for story in result.stories:
        print(story["title"], len(story["facts"]["conflicting"]))
    result.write("out/")          # corpus.json + stories/<id>.json|.md|.html
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import __version__, pipeline
from .config import Settings, load_settings
from .engines.base import IngestReport, Progress

# the ingest subpackage is imported here, before crosswire/__init__.py binds
# ``crosswire.ingest`` to the ``ingest`` function below: a first import of it later would
# rebind that name to the subpackage
from .extract.furniture import headline_of
from .ingest import IngestLimits, read_inputs
from .ingest import check_meta as check_input_meta
from .ingest.files import walk_paths
from .records import Analyzed, Article, InputRecord, shown_extraction, to_dict
from .registry import renderers, stores
from .store.base import Store

log = logging.getLogger(__name__)

FORMATS = ("json", "md", "html")


STORE_NAME = "crosswire.duckdb"  # the store a run keeps in its --out folder
META_FIELDS = ("title", "source", "published", "url", "author")


@dataclass(frozen=True)
class Changed:
    """An input already in the store that reads differently now: other metadata (given
    ``--source``/``--published``, a sidecar, feed fields) or another text."""

    input: str
    article: str | None  # the stored article id (None: the input was rejected)
    fields: dict[str, tuple[str | None, str | None]]  # metadata field -> (stored, now)
    content: str | None = None  # how the text or the status changed; None: metadata only
    updated: bool = False  # replaced in the store (``update=True``)
    kept_because: str | None = None  # why ``update=True`` could not replace it

    def describe(self) -> str:
        """One line a person reads: what differs, stored value first."""
        parts = [f"{k} {old or '(none)'} -> {new or '(none)'}"
                 for k, (old, new) in self.fields.items()]
        if self.content:
            parts.insert(0, self.content)
        return "; ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {"input": self.input, "article": self.article, "content": self.content,
                "fields": {k: {"stored": old, "now": new}
                           for k, (old, new) in self.fields.items()},
                "updated": self.updated, "kept_because": self.kept_because}


@dataclass
class Result:
    store: Store
    report: IngestReport
    stories: list[dict[str, Any]]
    changed: list[Changed] = field(default_factory=list)  # inputs stored that read otherwise
    excluded: list[str] = field(default_factory=list)  # crosswire's own outputs, not read

    def corpus(self) -> dict[str, Any]:
        return corpus_from_store(self.store, self.stories)

    def write(self, out_dir: str | Path, formats: Iterable[str] = FORMATS) -> list[Path]:
        return write_outputs(self.store, out_dir, formats, stories=self.stories)

    @property
    def updated(self) -> int:
        """Inputs already in the store whose metadata this run replaced in place (inputs
        whose text or status changed are read anew and count as ingested, duplicate or
        rejected in ``report``)."""
        return sum(c.updated and c.content is None for c in self.changed)


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    store: Store = stores.create("duckdb", path=str(path), read_only=read_only)
    return store


def check_meta(meta: Mapping[str, str | None] | None) -> dict[str, str]:
    """``meta`` (``--source``, ``--published`` ...) checked; raises ``ConfigError`` saying
    what is wrong. Done before a store is opened, so a bad value leaves no file behind."""
    return check_input_meta(meta)


def ingest(paths: Iterable[str | Path], *, store: Store | str | Path = ":memory:",
           meta: Mapping[str, str | None] | None = None, settings: Settings | None = None,
           progress: Progress | None = None) -> tuple[Store, IngestReport]:
    """Ingest and extract ``paths`` into ``store`` (a path or an open store). crosswire's
    own outputs (stores, corpus.json and the briefs beside it) are never read."""
    settings = settings or load_settings()
    done = _run(paths, store, meta, settings, progress, update=False, out=None, link=False)
    return done.store, done.report


def analyze(paths: Iterable[str | Path], *, store: Store | str | Path = ":memory:",
            published: str | None = None, source: str | None = None,
            settings: Settings | None = None, progress: Progress | None = None,
            update: bool = False, out: str | Path | None = None) -> Result:
    """Ingest, extract, link and brief ``paths``; returns the stories (contract dicts).

    Inputs already in ``store`` are skipped; those that read differently now (other
    metadata or text) are listed in ``Result.changed`` and kept as stored, unless
    ``update``: then they replace the stored record and every story is linked and briefed
    anew. ``out``, the folder the outputs will go to, is never read as input."""
    settings = settings or load_settings()
    meta = {"published": published, "source": source}
    done = _run(paths, store, meta, settings, progress, update=update, out=out, link=True)
    return Result(done.store, done.report, done.stories or [], done.changed, done.excluded)


@dataclass
class _Done:
    store: Store
    report: IngestReport
    stories: list[dict[str, Any]] | None  # None: not linked (``ingest``)
    changed: list[Changed]
    excluded: list[str]


def _run(paths: Iterable[str | Path], store: Store | str | Path,
         meta: Mapping[str, str | None] | None, settings: Settings,
         progress: Progress | None, *, update: bool, out: str | Path | None,
         link: bool) -> _Done:
    """What the API adds around ``pipeline.run``: checks before the store opens, the
    inputs listed without crosswire's own outputs, and inputs stored that read otherwise."""
    check_meta(meta)  # before the store exists: a bad value leaves no empty store
    limits = IngestLimits.from_settings(settings.ingest)
    paths = [str(paths)] if isinstance(paths, (str, Path)) else [str(p) for p in paths]
    location = store if isinstance(store, (str, Path)) else getattr(store, "location", None)
    outputs = OwnOutputs(outs=[out] if out is not None else [],
                         stores=[location] if location not in (None, ":memory:") else [])
    # the inputs are listed before the store opens: ingest reads this list, not the
    # folders, so a store or log file created during the run is never read either
    files, excluded = _walk(paths, outputs, limits.max_files)
    if excluded:
        log.info("left out %d file(s) crosswire wrote (stores, corpus.json, briefs)",
                 len(excluded))
    paths = [name for name, _ in files]
    store = open_store(store) if isinstance(store, (str, Path)) else store
    found = _changed_inputs(store, [name for name, ok in files if ok], meta, limits)
    changed, relink = [c for c, _, _ in found], False
    if update and found:
        changed, relink = _apply_updates(store, found, settings)
    ran = pipeline.run(paths, store, settings, meta=meta, progress=progress, relink=relink,
                       link=link)
    ran.report.skipped -= sum(1 for c in changed if c.updated and c.content is None)  # updated
    return _Done(store, ran.report, ran.stories, changed, excluded)


# -- crosswire's own outputs are never inputs -----------------------------------------------
_STORY_FILE = re.compile(r"s-[0-9a-f]{6,}\.(json|md|html)")
_COLD_SUFFIXES = (".cold", ".cold-wal", ".cold-shm")  # a store's kept cold tier (link.cold)
_STORE_SUFFIXES = (".duckdb", ".duckdb.wal", *(".duckdb" + s for s in _COLD_SUFFIXES))


class OwnOutputs:
    """Recognises what crosswire writes, so a folder holding earlier outputs (``crosswire
    run . --out out``, a demo folder) can be given as input: DuckDB stores (with the cold
    tier file each keeps beside it), a
    ``corpus.json`` crosswire wrote, and the briefs in ``stories/`` beside it (or in an
    ``--out`` folder of this run)."""

    def __init__(self, outs: Iterable[str | Path] = (), stores: Iterable[str | Path] = ()):
        self.outs = {Path(p).resolve() for p in outs}
        self.stores = {Path(f"{p}{suffix}").resolve() for p in stores
                       for suffix in ("", *_COLD_SUFFIXES)}
        self._folders: dict[Path, bool] = {}

    @staticmethod
    def is_corpus(path: Path) -> bool:
        """A ``corpus.json`` written by crosswire (its first key names the version)."""
        try:
            with path.open("rb") as fh:
                head = fh.read(256)
        except OSError:
            return False
        return b'"crosswire_version"' in head

    def output_folder(self, folder: Path) -> bool:
        if folder not in self._folders:
            self._folders[folder] = (folder.resolve() in self.outs
                                     or self.is_corpus(folder / "corpus.json"))
        return self._folders[folder]

    def __call__(self, path: Path) -> bool:
        name = path.name.lower()
        if name.endswith(_STORE_SUFFIXES) or path.resolve() in self.stores:
            return True
        if name == "corpus.json":
            return path.parent.resolve() in self.outs or self.is_corpus(path)
        return (_STORY_FILE.fullmatch(name) is not None and path.parent.name == "stories"
                and self.output_folder(path.parent.parent))


def _walk(paths: Sequence[str | Path], own: OwnOutputs,
          max_files: int) -> tuple[list[tuple[str, bool]], list[str]]:
    """``([(input file, readable)], [crosswire outputs left out])`` under ``paths``, in
    the order ingest reads them; the walk stops one file past ``max_files`` (ingest then
    says the limit was reached)."""
    files: list[tuple[str, bool]] = []
    excluded: list[str] = []
    count = 0
    for path, problem in walk_paths([Path(p) for p in paths]):
        if problem is None and own(path):
            excluded.append(str(path))
            continue
        files.append((str(path), problem is None))
        count += problem is None
        if count > max_files:
            break
    return files, excluded


# -- inputs already stored that read differently now ------------------------------------
_UNIT = re.compile(r"(.*)(?::|#)\d+")  # feed line path:LINE, WARC record path#OFFSET


_Found = tuple[Changed, InputRecord, Article | None]  # a change and what was read now


def _changed_inputs(store: Store, files: list[str], meta: Mapping[str, str | None] | None,
                    limits: IngestLimits) -> list[_Found]:
    """Inputs in ``files`` the store has accounted for that read differently now, each
    with what was read. Only files with stored inputs are read (a second time: ingest
    skips them by name)."""
    lookup = getattr(store, "input_records", None)
    if lookup is None or not files:
        return []
    seen = store.seen_inputs()
    if not seen:
        return []
    seen_files = set(seen)
    for name in seen:
        unit = _UNIT.fullmatch(name)
        if unit:
            seen_files.add(unit.group(1))
    again = [f for f in files if f in seen_files]
    if not again:
        return []
    read = [(rec, art) for rec, art in read_inputs(again, meta=meta, limits=limits)
            if rec.input in seen]
    stored = lookup([rec.input for rec, _ in read])
    own_ids = {r.article for r in stored.values() if r.article and r.article != r.duplicate_of}
    metas = store.article_meta(own_ids)  # type: ignore[attr-defined]
    found = []
    for rec, article in read:
        old = stored.get(rec.input)
        if old is None:
            continue
        own = old.article if old.article and old.article != old.duplicate_of else None
        content = None
        fields: dict[str, tuple[str | None, str | None]] = {}
        if old.status == "rejected":
            if rec.status == "rejected":
                continue
            content = f"was rejected ({old.reason}), now reads as an article"
        elif own is None or own not in metas:
            continue  # an exact copy: the stored article is its original's
        elif rec.status == "rejected" or article is None:
            content = f"now rejected: {rec.reason}"
        else:
            stored_meta = metas[own]
            fields = {k: (stored_meta[k], getattr(article, k)) for k in META_FIELDS
                      if getattr(article, k) is not None and getattr(article, k) != stored_meta[k]}
            digest = hashlib.md5(article.text.encode("utf-8", "surrogatepass"))  # noqa: S324
            if digest.hexdigest() != stored_meta["text_md5"]:
                content = "its text changed"
            elif article.id != own:
                content = f"its article id changed ({own} -> {article.id})"
        if content or fields:
            found.append((Changed(rec.input, own, fields, content), rec, article))
    return found


def _apply_updates(store: Store, found: list[_Found],
                   settings: Settings) -> tuple[list[Changed], bool]:
    """Replace what ``changed`` lists in the store: metadata in place (the article keeps
    its place in ingest order, its copies and its signature; its extraction is redone, as
    dates resolve against the publication date); another text or status is forgotten so
    ingest reads the input anew, unless other inputs are copies of the stored article."""
    from .extract import extract_articles
    from .nlp import process_backend

    in_place: list[tuple[InputRecord, Article]] = []
    forget: list[str] = []
    done: list[Changed] = []
    for change, rec, article in found:
        if change.content is None and article is not None and change.article:
            stored = store.article_meta([change.article])[change.article]  # type: ignore[attr-defined]
            kept = {k: stored[k] for k in META_FIELDS if getattr(article, k) is None}
            in_place.append((rec, replace(article, **kept)))
            done.append(replace(change, updated=True))
            continue
        copies = store.copies_of(change.article, change.input) if change.article else 0  # type: ignore[attr-defined]
        if copies:
            why = (f"{copies} other stored input(s) depend on its stored article; "
                   "to replace it, ingest into a new --store")
            done.append(replace(change, kept_because=why))
            continue
        forget.append(change.input)
        done.append(replace(change, updated=True))
    if in_place:
        nlp = settings.nlp
        articles = [a for _, a in in_place]
        extractions = extract_articles(articles, process_backend(nlp.backend, nlp.model),
                                       batch_size=nlp.batch_size)
        store.update_articles([r for r, _ in in_place],  # type: ignore[attr-defined]
                              [Analyzed(a, x) for a, x in zip(articles, extractions, strict=True)])
    if forget:
        store.forget_inputs(forget)  # type: ignore[attr-defined]
    return done, bool(in_place or forget)


def corpus_from_store(store: Store, stories: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The ``corpus.json`` document (validated against corpus.v1.json)."""
    from .render.json_out import validate

    articles = []
    for item in store.analyzed(named=True):  # names as the stories' briefs gave them
        article = to_dict(item.article)
        article.pop("input")  # the inputs list maps each input to its article
        # an untitled input is shown by the headline line its text opens with
        article["title"] = headline_of(item.article.text, item.article.title,
                                       item.extraction.nonbody)
        extraction = shown_extraction(item.extraction)
        extraction.pop("sentences")  # sentences stay in the store (web UI)
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
