"""``crosswire run``, ``crosswire ingest`` and ``crosswire demo``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from .. import api
from ..config import Settings, load_settings
from ..engines import engine_name
from ..ingest.common import human_size
from ..nlp import DEFAULT_MODELS
from ..render.html import Reader
from . import EXIT_REJECTED, cli
from .common import (
    EngineChoice,
    F,
    handle_errors,
    plural,
    progress_bars,
    story_line,
    write_store_option,
)


def _check_published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A bad --published is bad usage (exit 2), caught before any store is created."""
    from ..errors import ConfigError

    if value is not None:
        try:
            api.check_meta({"published": value})
        except ConfigError as err:
            raise click.BadParameter(str(err).removeprefix("--published "),
                                     ctx=ctx, param=param) from err
    return value


_DEFAULTS = Settings()  # help texts show the models' defaults
_meta_options = [
    click.option("--source", help="Outlet name for inputs that do not carry one."),
    click.option("--published", callback=_check_published,
                 help="Publication date (ISO 8601) for inputs without one; relative dates "
                 "('On Saturday') are resolved against it."),
    click.option("--update", is_flag=True,
                 help="Inputs already in the store that read differently now (other "
                 "--source/--published, sidecar or feed metadata, or text) replace what is "
                 "stored, and the stories and briefs are recomputed. Without it they are "
                 "kept as stored and listed."),
    click.option("--json", "as_json", is_flag=True,
                 help="Print the result as JSON (for scripts) instead of text."),
    click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
                 help="A TOML file overriding the defaults (see docs/configuration.md)."),
    click.option("--engine", type=EngineChoice(), default=None,
                 help="Where the pipeline runs: an engine `crosswire plugins` lists "
                 f"[default: {_DEFAULTS.engine.removesuffix('.v1')}]."),
    click.option("--spark-master", default=None, help="Spark master URL (with --engine spark), "
                 "e.g. local[2], spark://host:7077, yarn, k8s://..."),
    click.option("--model", default=None, help="spaCy pipeline package to load "
                 f"(default: {', else '.join(DEFAULT_MODELS)})."),
    click.option("--workers", type=click.IntRange(min=0, max=64), default=None,
                 help=f"Extraction processes (default {_DEFAULTS.nlp.n_process}: one per core, "
                 "at most 4, for runs of more than one batch; 1: in this process)."),
    click.option("--max-bytes", type=click.IntRange(min=1), default=None,
                 help="Largest input file, JSONL line or WARC record "
                 f"(default {human_size(_DEFAULTS.ingest.max_bytes)})."),
    click.option("--max-chars", type=click.IntRange(min=1), default=None,
                 help=f"Longest article text kept (default {_DEFAULTS.ingest.max_chars:,} "
                 "characters)."),
    click.option("--max-files", type=click.IntRange(min=1), default=None,
                 help="Most input files read in one run "
                 f"(default {_DEFAULTS.ingest.max_files:,})."),
    click.option("--max-decompressed", type=click.IntRange(min=1), default=None,
                 help="Most bytes read out of one compressed stream "
                 f"(default {human_size(_DEFAULTS.ingest.max_decompressed)})."),
]


def meta_options(func: F) -> F:
    for option in reversed(_meta_options):
        func = option(func)
    return func


@dataclass(frozen=True)
class RunOptions:
    """What ``run``, ``ingest`` and ``demo`` were told besides their inputs; ``None``: not
    given, so the config file or the models' default applies."""

    store: str | None = None
    config: str | None = None  # --config FILE.toml
    engine: str | None = None
    spark_master: str | None = None
    model: str | None = None
    source: str | None = None  # metadata for inputs without their own
    published: str | None = None
    update: bool = False
    limits: Mapping[str, int | None] = field(default_factory=dict)  # --workers, --max-*

    def settings(self) -> Settings:
        """The models' defaults, then the config file, then the flags."""
        limits = dict(self.limits)
        overrides: dict[str, Any] = {
            "engine": self.engine and engine_name(self.engine), "nlp__model": self.model,
            "store": self.store, "spark_master": self.spark_master,
            "nlp__n_process": limits.pop("workers", None)}
        overrides.update({f"ingest__{k}": v for k, v in limits.items()})
        return load_settings(self.config, **overrides)


def _counts(result: api.Result) -> dict[str, int]:
    r = result.report
    return {"ingested": r.ingested, "duplicate": r.duplicate, "rejected": r.rejected,
            "updated": result.updated, "skipped": r.skipped}


def _print_report(result: api.Result, summary: bool = True) -> None:
    """What happened to the inputs, on stderr: counts, then every rejected, copied,
    changed or left-out input with the reason."""
    report, err = result.report, click.get_text_stream("stderr")
    kept = [c for c in result.changed if not c.updated]
    updated = [c for c in result.changed if c.updated]
    if summary:
        line = (f"inputs: {report.ingested} ingested, {report.duplicate} duplicate, "
                f"{report.rejected} rejected")
        if result.updated:
            line += f", {result.updated} updated"
        if report.skipped:
            line += f", {report.skipped} already in the store"
            if kept:
                line += f" ({len(kept)} of them read differently now: kept as stored)"
        click.echo(line, file=err)
    for rec in report.records:
        if rec.status == "rejected":
            click.echo(f"  rejected {rec.input}: {rec.reason}", file=err)
        elif rec.status == "duplicate":
            click.echo(f"  duplicate {rec.input}: {rec.reason}", file=err)
    if result.excluded:
        shown = ", ".join(result.excluded[:3]) + (", ..." if len(result.excluded) > 3 else "")
        click.echo(f"  left out {len(result.excluded)} {plural(len(result.excluded), 'file')} "
                   f"crosswire wrote (its own outputs are never read as articles): {shown}",
                   file=err)
        if not (report.records or report.skipped):
            click.echo("Nothing to read: every file given was written by crosswire.", file=err)
    for change in updated:
        anew = " (read anew)" if change.content else ""
        click.echo(f"  updated {change.input}: {change.describe()}{anew}", file=err)
    if kept:
        click.echo(f"{len(kept)} {plural(len(kept), 'input')} already in the store "
                   f"{'reads' if len(kept) == 1 else 'read'} differently now; the stored "
                   "version was kept:", file=err)
        for change in kept:
            note = f" (not updated: {change.kept_because})" if change.kept_because else ""
            click.echo(f"  {change.input}: {change.describe()}{note}", file=err)
        if not any(c.kept_because for c in kept):
            click.echo("Re-run the same command with --update to store what the inputs say "
                       "now and recompute the stories and briefs.", file=err)
    if updated:
        click.echo("Stories and briefs were recomputed from the updated articles.", file=err)


def _analyze(inputs: Iterable[str], options: RunOptions,
             out: Path | None = None) -> api.Result:
    """``api.analyze`` over ``inputs`` as the options say, with progress bars on stderr."""
    settings = options.settings()
    with progress_bars() as progress:
        return api.analyze(inputs, store=settings.store, published=options.published,
                           source=options.source, settings=settings, progress=progress,
                           update=options.update, out=out)


def _run(inputs: Iterable[str], out: Path,
         options: RunOptions) -> tuple[api.Result, list[Path]]:
    result = _analyze(inputs, options, out)
    written = result.write(out, api.FORMATS)
    _print_report(result)
    return result, written


def _story_counts(story: dict[str, Any]) -> tuple[int, int, int, str | None]:
    dates = sorted(e["date"] for e in story["events"] if e.get("date"))
    return (len(story["articles"]), len(story["events"]), len(story["facts"]["conflicting"]),
            dates[0] if dates else None)


@cli.command("run")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for corpus.json, stories/<id>.json|.md|.html and, unless --store "
              "is given, the run's store (crosswire.duckdb).")
@click.option("--store", "store_path", default=None, type=click.Path(dir_okay=False),
              help="The DuckDB store file (created if missing) [default: OUT/crosswire.duckdb]. "
              "Runs given the same store share one corpus.")
@meta_options
@handle_errors
def run_cli(inputs: tuple[str, ...], out: Path, store_path: str | None, source: str | None,
            published: str | None, update: bool, as_json: bool, config_path: str | None,
            engine: str | None, spark_master: str | None, model: str | None,
            **limits: int | None) -> None:
    """Ingest INPUTS (files or folders: .txt, .html, .jsonl, .warc), extract, link into
    stories and write cited briefs to OUT. The corpus lives in OUT (its store unless --store
    is given): re-running into the same OUT adds only new inputs and story ids stay stable;
    another OUT starts another corpus. crosswire's own outputs found among INPUTS are left
    out."""
    store_path = store_path or str(out / api.STORE_NAME)
    options = RunOptions(store=store_path, config=config_path, engine=engine,
                         spark_master=spark_master, model=model, source=source,
                         published=published, update=update, limits=limits)
    result, written = _run(inputs, out, options)
    files = {s["id"]: [str(p) for p in written if p.stem == s["id"]] for s in result.stories}
    if as_json:
        click.echo(json.dumps({
            "corpus": str(written[0]), "store": store_path, "inputs": _counts(result),
            "changed": [c.to_json() for c in result.changed], "excluded": result.excluded,
            "stories": [{"id": s["id"], "title": s["title"], "files": files[s["id"]]}
                        for s in result.stories]}, indent=2))
    else:
        n = len(result.stories)
        click.echo(f"Corpus: {written[0]} ({n} {'story' if n == 1 else 'stories'})")
        click.echo(f"Store:  {store_path}")
        for story in result.stories:
            click.echo("")
            click.echo(story_line(story["id"], story["title"], *_story_counts(story)))
            for path in files[story["id"]]:
                click.echo(f"  {path}")
        click.echo(f"Browse them: crosswire serve --store {store_path}", err=True)
    if result.report.rejected:
        sys.exit(EXIT_REJECTED)


@cli.command("ingest")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@write_store_option
@meta_options
@handle_errors
def ingest_cli(inputs: tuple[str, ...], store_path: str, source: str | None,
               published: str | None, update: bool, as_json: bool, config_path: str | None,
               engine: str | None, spark_master: str | None, model: str | None,
               **limits: int | None) -> None:
    """Add INPUTS to the store and update its stories (no files written). Interrupted runs
    resume: inputs already accounted for are skipped (see --update for those that changed).
    crosswire's own outputs found among INPUTS are left out."""
    options = RunOptions(store=store_path, config=config_path, engine=engine,
                         spark_master=spark_master, model=model, source=source,
                         published=published, update=update, limits=limits)
    result = _analyze(inputs, options)
    _print_report(result, summary=False)
    counts, n = _counts(result), len(result.stories)
    if as_json:
        click.echo(json.dumps({"store": store_path, **counts, "stories": n,
                               "changed": [c.to_json() for c in result.changed],
                               "excluded": result.excluded}))
    else:
        line = (f"{store_path}: {counts['ingested']} ingested, {counts['duplicate']} duplicate, "
                f"{counts['rejected']} rejected")
        if counts["updated"]:
            line += f", {counts['updated']} updated"
        if counts["skipped"]:
            line += f", {counts['skipped']} already in the store"
        click.echo(f"{line}; {n} {'story' if n == 1 else 'stories'}")
        click.echo(f"List them: crosswire stories --store {store_path}", err=True)
    if result.report.rejected:
        sys.exit(EXIT_REJECTED)


@cli.command("demo")
@click.option("-o", "--out", default="crosswire-demo", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Where to write the briefs.")
@handle_errors
def demo_cli(out: Path) -> None:
    """Run the whole pipeline on the bundled fictional demo corpus and print where the
    briefs are."""
    from importlib import resources

    corpus = resources.files("crosswire.demo").joinpath("corpus")
    out.mkdir(parents=True, exist_ok=True)
    store_path = out / "crosswire.duckdb"
    if store_path.exists():
        store_path.unlink()
    with resources.as_file(corpus) as folder:
        result, written = _run([str(folder)], out, RunOptions(str(store_path), engine="local"))
    click.echo(f"Demo corpus: {result.report.ingested} articles ingested, "
               f"{result.report.duplicate} duplicates linked, {len(result.stories)} stories.")
    click.echo(f"Corpus JSON: {written[0]}")
    for story in result.stories:
        facts = story["facts"]
        click.echo(f"\n{story['title']}  [{story['id']}]")
        counts = {"article": len(story["articles"]), "event": len(story["events"]),
                  "quote": len(story["quotes"]),
                  "speaker": len({q["speaker"] for q in story["quotes"] if q["speaker"]})}
        n = {noun: f"{k} {plural(k, noun)}" for noun, k in counts.items()}
        shown = Reader(story, {})  # the facts as the report lists them, one line each
        click.echo(f"  {n['article']}, {n['event']}, "
                   f"{len(shown.facts('agreed'))} agreed / {len(shown.facts('unique'))} "
                   f"single-source / {len(facts['conflicting'])} conflicting facts, "
                   f"{n['quote']} from {n['speaker']}")
        for fmt in api.FORMATS:
            click.echo(f"  {fmt:>4}: {out / 'stories' / (story['id'] + '.' + fmt)}")
    click.echo(f"\nBrowse them: crosswire serve --store {store_path}")
