"""Extraction in worker processes (``engines.pool``): the same records as in this process,
the real error when the model cannot load, and the local engine's choice of workers.
All article text is fictional."""

from __future__ import annotations

import json

import pytest

import crosswire
from crosswire.config import load_settings
from crosswire.engines.local import LocalEngine
from crosswire.engines.pool import ExtractPool, auto_workers
from crosswire.errors import ModelError
from crosswire.extract import extract_articles
from crosswire.nlp import SpacyBackend
from crosswire.records import Article, to_dict

pytestmark = pytest.mark.slow

HARBOURS = ["Port Elsin", "Marrow Bay", "Tilbury Sands", "Quenby", "Oxhollow"]


def _text(i: int) -> str:
    town = HARBOURS[i % len(HARBOURS)]
    return (
        f"{town} harbour reopened on Monday after a {i + 2}-day closure, the port authority "
        f"said.\n\nHarbourmaster Ilse Varga{i % 3} told reporters that \"about {40 + i} ships\" "
        f"had waited offshore. Repairs cost {i + 1}.5 million crowns, according to the "
        f"Quenby Shipping Board, and a second inspection is planned for March {i % 27 + 1}."
    )


def _articles(n: int) -> list[Article]:
    return [Article(id=f"h-{i:03d}", text=_text(i), title=f"Harbour news {i}",
                    source=f"Out {i % 4}", published=f"2025-02-{i % 27 + 1:02d}")
            for i in range(n)]


def test_pool_extracts_what_one_process_extracts(nlp):
    articles = _articles(19)  # three tasks of up to 8 articles, the last one short
    serial = [to_dict(x) for x in extract_articles(articles, SpacyBackend(nlp))]
    with ExtractPool("nlp.spacy.v1", None, workers=2) as pool:
        pooled = [to_dict(x) for x in pool.extract(articles)]
    assert pooled == serial
    assert [x["article"] for x in pooled] == [a.id for a in articles]  # input order


def test_pool_raises_the_real_error_when_the_model_cannot_load():
    with pytest.raises(ModelError, match="pip install"):  # on Linux from the parent's load
        with ExtractPool("nlp.spacy.v1", "no_such_pipeline_package", workers=1) as pool:
            pool.extract(_articles(1))


def test_a_worker_that_cannot_load_the_model_says_why(monkeypatch):
    import crosswire.engines.pool as pool_module

    monkeypatch.setattr(pool_module, "START_METHOD", "spawn")  # the worker loads it itself
    with pytest.raises(ModelError, match="pip install"):
        with ExtractPool("nlp.spacy.v1", "no_such_pipeline_package", workers=1) as pool:
            pool.extract(_articles(1))


def test_engine_with_workers_stores_what_one_process_stores(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(to_dict(a)) + "\n" for a in _articles(20)))
    runs = {}
    for workers in (1, 2):
        settings = load_settings(nlp__n_process=workers, ingest__batch_size=6)
        result = crosswire.analyze([feed], store=str(tmp_path / f"w{workers}.duckdb"),
                                   settings=settings)
        assert result.report.ingested == 20
        extractions = {i.article.id: to_dict(i.extraction) for i in result.store.analyzed()}
        runs[workers] = (extractions, sorted((s["id"], s["articles"]) for s in result.stories))
    assert runs[2] == runs[1]


def test_engine_starts_workers_only_for_runs_of_more_than_a_batch():
    auto = LocalEngine(load_settings())  # n_process = 0 by default
    assert auto.workers(more=False) == 1  # one batch: not worth starting processes for
    assert auto.workers(more=True) == auto_workers() >= 1
    assert LocalEngine(load_settings(nlp__n_process=3)).workers(more=False) == 3
    assert LocalEngine(load_settings(nlp__n_process=1)).workers(more=True) == 1


def test_cli_workers_flag_sets_the_extraction_processes():
    from crosswire.cli.run import RunOptions

    options = RunOptions(store="s.duckdb", engine="local",
                         limits={"workers": 1, "max_bytes": None})
    settings = options.settings()
    assert settings.nlp.n_process == 1
    assert settings.ingest.max_bytes == load_settings().ingest.max_bytes  # None: the default
    assert RunOptions(store="s.duckdb", engine="local").settings().nlp.n_process == 0


def test_batches_without_articles_load_no_model(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(9):  # empty files: rejected, in three batches
        (inputs / f"empty-{i}.txt").write_text("")
    settings = load_settings(nlp__model="no_such_pipeline_package", nlp__n_process=2,
                             ingest__batch_size=3)
    _, report = crosswire.ingest([inputs], store=str(tmp_path / "s.duckdb"), settings=settings)
    assert report.rejected == 9 and report.ingested == 0  # and no ModelError: nothing parsed
