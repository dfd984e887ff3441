"""Settings: defaults from the models, a user TOML file, then CLI overrides."""

from __future__ import annotations

import inspect
import re
import tomllib
from pathlib import Path

import pytest

from crosswire.config import Settings, load_settings
from crosswire.errors import ConfigError, UnknownNameError
from crosswire.registry import engines, nlp_backends, renderers, stores


def test_config_defaults_match_model():
    assert load_settings() == Settings()


def test_config_file_and_overrides(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text("[ingest]\nbatch_size = 7\n")
    settings = load_settings(path, nlp__model="en_core_web_sm")
    assert settings.ingest.batch_size == 7
    assert settings.ingest.max_bytes == Settings().ingest.max_bytes
    assert settings.nlp.model == "en_core_web_sm"


@pytest.mark.parametrize(
    "text", ["[ingest]\nbatchsize = 7\n", "[ingest]\nbatch_size = 0\n", "x = ["]
)
def test_config_rejects_unknown_or_bad_values(tmp_path, text):
    path = tmp_path / "c.toml"
    path.write_text(text)
    with pytest.raises(ConfigError):
        load_settings(path)


def test_registry_population_snapshot():
    assert nlp_backends.names() == ["nlp.spacy.v1"]
    assert "local.v1" in engines.names()
    assert stores.names() == ["duckdb"]
    assert renderers.names() == ["html", "json", "md"]


def test_registry_unknown_name_suggests_close_match():
    with pytest.raises(UnknownNameError, match="Did you mean 'local.v1'"):
        engines.create("locl.v1")


def test_link_settings_default_to_the_measured_link_config(tmp_path):
    from crosswire.engines.local import link_config
    from crosswire.link import LinkConfig

    assert link_config(load_settings()) == LinkConfig()
    path = tmp_path / "c.toml"
    path.write_text("[link]\njoin = 0.3\nactive_days = 0\n")
    cfg = link_config(load_settings(path))
    assert (cfg.join, cfg.active_days, cfg.merge) == (0.3, None, LinkConfig().merge)
    with pytest.raises(ConfigError, match="join"):
        load_settings(link__join=-1)


def _doc_defaults() -> dict[str, str]:
    """``key -> default`` from the table in docs/configuration.md."""
    text = (Path(__file__).resolve().parents[1] / "docs" / "configuration.md").read_text()
    return dict(re.findall(r"^\| `([\w.]+)` \| `?([^|`]+?)`? \|", text, re.M))


def test_config_each_default_is_written_once():
    """Every default has one owner, the models in config.py; whatever else shows a default
    (default.toml, the [link] settings, ingest limits, the duplicate rule, the feature
    extractor's signature, the docs table, the CLI help) must say the same."""
    from click.testing import CliRunner

    from crosswire.cli import cli
    from crosswire.cli import run as _run  # noqa: F401 -- registers run and ingest
    from crosswire.config import LinkConfig, LinkSettings, render_default_toml
    from crosswire.ingest import IngestLimits
    from crosswire.ingest.common import human_size
    from crosswire.ingest.dedup import CopyRule, Deduper
    from crosswire.link.features import article_features

    settings, link = Settings(), LinkConfig()
    shipped = Path(__file__).resolve().parents[1] / "src" / "crosswire" / "default.toml"
    assert shipped.read_text() == render_default_toml(), (
        "default.toml is out of date: python -c \"from crosswire.config import "
        "render_default_toml as r; print(r(), end='')\" > src/crosswire/default.toml")
    assert tomllib.loads(shipped.read_text()) == settings.model_dump(exclude_none=True)
    for name in LinkSettings.model_fields:
        expected = getattr(link, name)
        assert getattr(settings.link, name) == (expected or 0 if name == "active_days" else
                                                expected), name
    assert settings.link.link_config() == link
    limits = IngestLimits()
    for name in ("max_bytes", "max_chars", "max_files", "max_decompressed"):
        assert getattr(limits, name) == getattr(settings.ingest, name), name
    assert CopyRule().threshold == Deduper().threshold == settings.ingest.near_duplicate_threshold
    params = inspect.signature(article_features).parameters
    for name in ("lead_sentences", "top_entities", "entity_weight", "lead_weight"):
        assert params[name].default == getattr(link, name), name
    documented = _doc_defaults()
    for key, value in _flat(settings.model_dump()).items():
        assert documented[key] == ("none" if value is None else str(value)), key
    for command in ("run", "ingest"):
        help_text = " ".join(CliRunner().invoke(cli, [command, "--help"]).output.split())
        for shown in (f"[default: {settings.engine.removesuffix('.v1')}]",
                      f"default {settings.nlp.n_process}:",
                      f"default {human_size(settings.ingest.max_bytes)}",
                      f"default {settings.ingest.max_chars:,} characters",
                      f"default {settings.ingest.max_files:,}",
                      f"default {human_size(settings.ingest.max_decompressed)}"):
            assert shown in help_text, (command, shown)


def _flat(data: dict, prefix: str = "") -> dict:
    out = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out.update(_flat(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def test_config_engine_from_the_file_is_not_overridden_by_the_cli_default(tmp_path):
    from crosswire.cli.run import RunOptions

    path = tmp_path / "c.toml"
    path.write_text('engine = "spark.v1"\n')
    assert RunOptions(config=str(path)).settings().engine == "spark.v1"
    assert RunOptions(config=str(path), engine="local").settings().engine == "local.v1"
