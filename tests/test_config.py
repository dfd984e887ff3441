"""Settings: defaults from default.toml, a user TOML file, then CLI overrides."""

from __future__ import annotations

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
