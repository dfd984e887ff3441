"""The pipeline orders the stages once; engines only say where they run. A plugin engine
records what the pipeline asks of it, so a second ordering (an engine built twice, linking
by hand) fails here. No NLP model runs in this file."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import crosswire
from crosswire import pipeline
from crosswire.config import load_settings
from crosswire.engines import Engine, IngestReport, create_engine, engine_name
from crosswire.errors import ConfigError, UnknownNameError
from crosswire.records import InputRecord
from crosswire.registry import engines

SRC = Path(__file__).resolve().parents[1] / "src" / "crosswire"
PLUGIN = "recorder.v1"


class RecorderEngine:
    """A plugin engine: accounts every input as rejected (no model needed) and writes down
    each call the pipeline makes."""

    name = PLUGIN
    calls: list[str] = []

    def __init__(self, settings):
        self.settings = settings
        self.calls.append("create")

    def ingest(self, paths, store, *, meta=None, progress=None):
        self.calls.append("ingest")
        report = IngestReport()
        batch = []
        for path in paths:
            rec = InputRecord(input=str(path), status="rejected", reason="recorded only")
            report.count(rec)
            batch.append((rec, None, None))
        pipeline.store_batch(store, batch, progress)
        return report

    def link(self, store):
        self.calls.append("link")
        return pipeline.link_and_brief(store, config=self.settings.link.link_config())


@pytest.fixture()
def recorder():
    RecorderEngine.calls = []
    engines.register(PLUGIN)(RecorderEngine)
    yield RecorderEngine.calls
    engines.unregister(PLUGIN)


@pytest.fixture()
def inputs(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("The Orlen Vale ferry ran late on Monday, the harbour office said.\n")
    return path


@pytest.mark.parametrize("name", ["local.v1", "spark.v1"])
def test_pipeline_builtin_engines_implement_the_protocol(name):
    if name == "spark.v1":
        pytest.importorskip("pyspark", reason="needs pyspark: pip install 'crosswire[spark]'")
    engine = create_engine(load_settings(engine=name))
    assert isinstance(engine, Engine)
    assert engine.name == name


def test_pipeline_engines_do_not_build_on_each_other():
    from crosswire.engines.local import LocalEngine
    from crosswire.engines.spark import SparkEngine

    assert not issubclass(SparkEngine, LocalEngine)
    assert not issubclass(LocalEngine, SparkEngine)


def test_pipeline_analyze_builds_one_engine_and_calls_the_stages_in_order(recorder, inputs,
                                                                          tmp_path):
    settings = load_settings(engine=PLUGIN)
    result = crosswire.analyze([inputs], store=str(tmp_path / "s.duckdb"), settings=settings)
    assert recorder == ["create", "ingest", "link"]
    assert (result.report.rejected, result.stories) == (1, [])
    recorder.clear()
    store, report = crosswire.ingest([inputs], store=str(tmp_path / "t.duckdb"),
                                     settings=settings)
    assert recorder == ["create", "ingest"]  # ingest stops before the link stage
    assert [r.input for r in store.inputs()] == [str(inputs)]


def test_pipeline_registry_lists_a_plugin_engine(recorder):
    from crosswire.cli import cli
    from crosswire.cli import misc as _misc  # noqa: F401 -- registers plugins

    assert PLUGIN in engines.names()
    assert engine_name("recorder") == PLUGIN
    listed = CliRunner().invoke(cli, ["plugins"]).output
    assert f"engine: local.v1, {PLUGIN}, spark.v1" in listed


@pytest.mark.parametrize("given", ["recorder", PLUGIN])
def test_pipeline_cli_runs_a_plugin_engine(recorder, inputs, tmp_path, given):
    from crosswire.cli import cli
    from crosswire.cli import run as _run  # noqa: F401 -- registers run and ingest

    store = tmp_path / "s.duckdb"
    out = CliRunner().invoke(cli, ["ingest", str(inputs), "--store", str(store),
                                   "--engine", given, "--json"])
    assert out.exit_code == 3, out.output  # done, with the input rejected by the recorder
    assert json.loads(out.stdout)["rejected"] == 1
    assert recorder == ["create", "ingest", "link"]
    help_text = CliRunner().invoke(cli, ["ingest", "--help"]).output
    assert "[local|recorder|spark]" in help_text


@pytest.mark.parametrize(("given", "hint"), [("sprak", "Did you mean 'spark.v1'?"),
                                             ("nowhere", "Available: local.v1, spark.v1.")])
def test_pipeline_cli_rejects_an_unknown_engine(inputs, tmp_path, given, hint):
    from crosswire.cli import cli
    from crosswire.cli import run as _run  # noqa: F401 -- registers run and ingest

    store = tmp_path / "s.duckdb"
    out = CliRunner().invoke(cli, ["ingest", str(inputs), "--store", str(store),
                                   "--engine", given])
    assert out.exit_code == 2  # bad usage, before any store exists
    message = " ".join(out.output.split())
    assert f"No engine called '{given}'." in message
    assert hint in message and "Available: local.v1, spark.v1." in message
    assert "crosswire plugins" in message
    assert not store.exists()


def test_pipeline_unknown_engine_in_settings_lists_the_known_ones():
    with pytest.raises(UnknownNameError, match=r"Available: local\.v1, spark\.v1\."):
        create_engine(load_settings(engine="locl.v1"))


def test_pipeline_an_engine_without_the_protocol_is_refused():
    engines.register("hollow.v1")(lambda settings: object())
    try:
        with pytest.raises(ConfigError, match="implements crosswire.engines.Engine"):
            create_engine(load_settings(engine="hollow"))
    finally:
        engines.unregister("hollow.v1")


# -- guards: the order is written once ---------------------------------------------------------
def _calls(path: Path) -> set[str]:
    """Names of the functions and methods a module calls."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call):
            func = node.func
            names.add(func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", ""))
    return names


STAGE_CALLS = {"add_batch", "save_link", "reset_links", "link_articles", "compose_brief",
               "story_to_dict"}


@pytest.mark.parametrize("module", sorted(p.name for p in (SRC / "engines").glob("*.py")))
def test_pipeline_engines_leave_the_stage_order_to_the_pipeline(module):
    """Engines hand batches to ``pipeline.store_batch`` and link through
    ``pipeline.link_and_brief``; writing a stage call here writes the order again."""
    assert _calls(SRC / "engines" / module) & STAGE_CALLS == set()


@pytest.mark.parametrize("module", ["api.py", *sorted(f"cli/{p.name}" for p in
                                                       (SRC / "cli").glob("*.py"))])
def test_pipeline_api_and_cli_take_the_one_path(module):
    """The API and the CLI reach the engines only through ``pipeline.run``."""
    calls = _calls(SRC / module)
    assert calls & (STAGE_CALLS | {"create_engine", "link_and_brief", "link_new"}) == set()
    text = (SRC / module).read_text()
    for reach in ("engines.create(", "engine.ingest(", "engine.link(", "api.engines"):
        assert reach not in text


@pytest.mark.parametrize("module", ["pipeline.py", "api.py",
                                    *sorted(f"engines/{p.name}" for p in
                                            (SRC / "engines").glob("*.py")),
                                    *sorted(f"cli/{p.name}" for p in (SRC / "cli").glob("*.py"))])
def test_pipeline_modules_import_no_private_names(module):
    """No module reaches into another's privates (``from .local import _limits``)."""
    private = [f"{node.module}.{alias.name}"
               for node in ast.walk(ast.parse((SRC / module).read_text()))
               if isinstance(node, ast.ImportFrom)
               for alias in node.names
               if alias.name.startswith("_") and not alias.name.endswith("__")]
    assert private == []


def test_pipeline_a_page_of_only_furniture_is_rejected_with_its_reason(tmp_path):
    """Issue 17, read on a real cluster: a page whose whole text was a links disclaimer and
    a copyright line became a story titled with the site's name. It has no article text:
    it is accounted for as rejected, with the reason, and the article beside it goes on."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Ferry service resumes in Orsa\n\nThe Velk ferry returned to service on Monday after "
        "a week of repairs to its engine, the harbor office said.\n")
    (folder / "furniture.txt").write_text(
        "External links are provided as a courtesy. Velk Radio does not vouch for what other "
        "sites publish.\nCopyright \u00a9 2030 Velk Radio Web Ventures.\n")
    result = crosswire.analyze([folder], store=str(tmp_path / "s.duckdb"))
    by_input = {Path(r.input).name: r for r in result.report.records}
    assert by_input["furniture.txt"].status == "rejected", by_input
    assert "page furniture" in (by_input["furniture.txt"].reason or "")
    assert by_input["good.txt"].status == "ingested"
    assert (result.report.ingested, result.report.rejected) == (1, 1)
    stored = {Path(r.input).name: r.status for r in result.store.inputs()}
    assert stored == {"good.txt": "ingested", "furniture.txt": "rejected"}
    assert len(result.stories) == 1


def test_pipeline_the_linked_state_is_freed_before_the_briefs(tmp_path, monkeypatch):
    """issue 18: the briefs of a batch were made while the linked state (its term index and
    the stories' caches, some 30 MiB at any store size) was still held for the save, so a
    batch's peak memory was the two added up. The link stage hands on only what the briefs
    and the save need: no ``LinkState`` is left alive once the briefs start."""
    import gc
    from dataclasses import fields
    from datetime import date
    from random import Random

    from crosswire.link import LinkConfig, LinkState
    from crosswire.store.duckdb import DuckDBStore
    from test_link_archive import fictional

    store = DuckDBStore(tmp_path / "s.duckdb")
    rnd = Random(1)
    items = [fictional(f"a{i}", 40, date(2031, 3, 1), rnd) for i in range(6)]
    store.add_batch([InputRecord(f"{i.article.id}.json", "ingested", article=i.article.id)
                     for i in items], items, {})
    alive: list[int] = []
    real = pipeline.brief_stories

    def counting(*args, **kwargs):
        gc.collect()
        alive.append(sum(isinstance(o, LinkState) for o in gc.get_objects()))
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "brief_stories", counting)
    assert pipeline.link_and_brief(store, config=LinkConfig())
    assert alive == [0]
    assert not any(f.name == "state" for f in fields(pipeline.Linked))
