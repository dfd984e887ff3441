"""Run settings (pydantic, ``extra="forbid"``). Defaults ship in ``default.toml`` beside this file;
``crosswire run --config FILE.toml`` overrides any of them."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NlpSettings(_Section):
    backend: str = "nlp.spacy.v1"
    model: str | None = Field(None, description="spaCy pipeline package; None tries the defaults")
    batch_size: int = Field(32, ge=1, le=10_000)
    n_process: int = Field(0, ge=0, le=64, description=(
        "extraction processes: 1 = in this process; N = N worker processes, each parsing and "
        "extracting; 0 = one per core (at most 4) when a run has more than one batch"))


class IngestSettings(_Section):
    max_bytes: int = Field(20_000_000, ge=1, description="largest input file or record")
    max_chars: int = Field(1_000_000, ge=1, description="longest article text kept")
    max_files: int = Field(1_000_000, ge=1, description="most inputs walked in one run")
    max_decompressed: int = Field(200_000_000, ge=1, description="gzip bomb guard")
    batch_size: int = Field(64, ge=1, le=100_000, description="articles written per transaction")
    near_duplicate_threshold: float = Field(0.8, gt=0, le=1)
    near_duplicate_window: int | None = Field(
        200_000, ge=1, description="copies are looked for among the latest N to 2N originals")


class LinkSettings(_Section):
    join: float = Field(0.2, gt=0, le=2, description="score an article needs to join a story")
    merge: float = Field(0.4, gt=0, le=2,
                         description="score with a second story that merges the two")
    undated_penalty: float = Field(0.15, ge=0, le=1,
                                   description="extra word agreement needed without dates")
    active_days: int = Field(30, ge=0, description="stories quiet this long leave memory; 0: never")


class Settings(_Section):
    engine: str = "local.v1"
    spark_master: str = "local[2]"
    store: str = "crosswire.duckdb"
    nlp: NlpSettings = NlpSettings()
    ingest: IngestSettings = IngestSettings()
    link: LinkSettings = LinkSettings()


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then ``path`` (TOML), then keyword overrides (CLI flags)."""
    data: dict[str, Any] = tomllib.loads(
        resources.files("crosswire").joinpath("default.toml").read_text()
    )
    if path is not None:
        try:
            user = tomllib.loads(Path(path).read_text())
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise ConfigError(f"Cannot read the config file {path}: {err}") from err
        for key, value in user.items():
            if isinstance(value, dict) and isinstance(data.get(key), dict):
                data[key] = {**data[key], **value}
            else:
                data[key] = value
    for key, value in overrides.items():
        if value is None:
            continue
        section, _, name = key.partition("__")
        if name:
            data.setdefault(section, {})[name] = value
        else:
            data[section] = value
    try:
        return Settings.model_validate(data)
    except ValidationError as err:
        raise ConfigError(f"Invalid settings: {err}") from err
