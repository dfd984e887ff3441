"""Run settings and the linker's thresholds (pydantic, ``extra="forbid"``): each default is
written once, here. ``crosswire run --config FILE.toml`` overrides any setting; CLI flags
override the file. ``default.toml`` beside this file holds the same defaults as a template to
copy, written by ``render_default_toml`` (a test checks it is up to date). How the linker's
values were chosen is told in ``docs/linking.md``.
"""

from __future__ import annotations

import json
import textwrap
import tomllib
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


class LinkConfig(BaseModel):
    """Thresholds of the linker (immutable; ``model_copy(update=...)`` makes a variant).

    A new article joins the best candidate story when
    ``what + who_weight*who + where_weight*where - penalties >= join``, where ``what`` is the
    TF-IDF cosine to the story centroid (terms + canonical entities) of the whole article or
    of its headline and opening, whichever is higher, and ``who``/``where`` the share of the
    article's salient people/organisations and places the story already has. Otherwise it
    opens a new story.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    # stories
    join: float = Field(0.20, description="score an article needs to join a story")
    merge: float = Field(0.40, description=(
        "score with a second story that merges the two (the article bridges them)"))
    who_weight: float = Field(0.20, description="weight of the shared people/organisations")
    where_weight: float = Field(0.05, description="weight of the shared places")
    place_conflict: float = Field(0.12, description=(
        "penalty when both have salient places and share none"))
    who_conflict: float = Field(0.04, description=(
        "penalty when both have salient people/organisations and share none"))
    place_veto: bool = Field(True, description=(
        "a place conflict between two leads refuses the join (two quakes, two countries)"))
    who_veto: bool = Field(False, description="a people/organisation conflict refuses the join")
    gap_days: int = Field(30, description=(
        "no time penalty within this many days of the story's articles"))
    gap_penalty_per_day: float = Field(0.002, description="time penalty per day beyond gap_days")
    max_gap_penalty: float = Field(0.25, description="the largest time penalty")
    undated_penalty: float = Field(0.15, description=(
        "extra score needed when the article or the story has no date"))
    year_conflict: float = Field(0.1, description=(
        "penalty when article and story are about different years (undated pairs)"))
    candidates: int = Field(6, description="stories scored per new article")
    query_terms: int = Field(12, description="the article's heaviest terms that query the index")
    max_df_share: float = Field(0.2, description=(
        "terms in more than this share of articles are not indexed"))
    # events inside a story: the headline+opening likeness (cosine) an article needs to join
    # an event of its story, by how its main date compares with the event's
    event_days: int = Field(1, description="main-event dates at most this far apart are near")
    event_same_day: float = Field(-1.0, description="likeness needed on the same day")
    event_near: float = Field(0.05, description="likeness needed within event_days")
    event_undated: float = Field(-1.0, description="likeness needed when a date is unknown")
    event_far: float = Field(0.2, description="likeness needed further apart")
    event_report: float = Field(0.1, description=(
        "likeness needed further apart when the article is dated only by its publication day "
        "(likely a later report on the event)"))
    event_centring: float = Field(1.0, description=(
        "share of the story's mean opening removed before comparing"))
    event_plain_near: float = Field(0.5, description=(
        "plain (uncentred) likeness that also joins an event a day away"))
    event_plain_report: float = Field(0.4, description=(
        "plain likeness that also joins an event for an article dated only by its "
        "publication, at most event_report_days after it"))
    event_report_days: int = Field(7, description="see event_plain_report")
    mention_days: int = Field(1, description=(
        "a dated mention within this many days of an event mentions it"))
    # working set
    active_days: int | None = Field(30, description=(
        "a story with no article within this many days of the newest publication day is "
        "archived (see link.archive); None: never"))
    # features
    lead_sentences: int = Field(3, description="body sentences that are the lead")
    top_entities: int = Field(8, description=(
        "salient people/organisations and places kept per article"))
    entity_weight: float = Field(2.0, description="weight of a canonical entity name as a term")
    lead_weight: float = Field(2.0, description="weight of a term in the headline or lead")


def _link(name: str, **bounds: Any) -> Any:
    """A ``[link]`` setting with ``LinkConfig``'s default and description."""
    field = LinkConfig.model_fields[name]
    return Field(field.default, description=field.description, **bounds)


class LinkSettings(_Section):
    """The ``LinkConfig`` fields a config file may set; the others keep their defaults."""

    join: float = _link("join", gt=0, le=2)
    merge: float = _link("merge", gt=0, le=2)
    undated_penalty: float = _link("undated_penalty", ge=0, le=1)
    active_days: int = Field(LinkConfig.model_fields["active_days"].default, ge=0, description=(
        "stories quiet this long leave memory; 0: never"))

    def link_config(self) -> LinkConfig:
        """The linker's thresholds with these settings (``active_days = 0``: never archive)."""
        return LinkConfig(join=self.join, merge=self.merge, undated_penalty=self.undated_penalty,
                          active_days=self.active_days or None)


class Settings(_Section):
    engine: str = "local.v1"
    spark_master: str = "local[2]"
    store: str = "crosswire.duckdb"
    nlp: NlpSettings = NlpSettings()
    ingest: IngestSettings = IngestSettings()
    link: LinkSettings = LinkSettings()


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then ``path`` (TOML), then keyword overrides (CLI flags)."""
    data: dict[str, Any] = {}
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text())
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise ConfigError(f"Cannot read the config file {path}: {err}") from err
    for key, value in overrides.items():
        if value is None:
            continue
        section, _, name = key.partition("__")
        if name:
            if not isinstance(data.get(section, {}), dict):
                raise ConfigError(f"Invalid settings: {section!r} must be a table, not a value")
            data.setdefault(section, {})[name] = value
        else:
            data[section] = value
    try:
        return Settings.model_validate(data)
    except ValidationError as err:
        raise ConfigError(f"Invalid settings: {err}") from err


def render_default_toml(settings: Settings | None = None) -> str:
    """``default.toml``: the settings as TOML, each key under its description (unset keys,
    such as ``nlp.model``, commented out)."""
    model = settings or Settings()
    lines = ["# crosswire defaults, written from the models in crosswire/config.py by",
             "# render_default_toml() (edit the models, not this file). Copy the sections you",
             "# want to change into your own file and pass it with `crosswire run --config",
             "# FILE`. Every key is documented in docs/configuration.md."]

    def emit(section: _Section) -> None:
        for name, field in type(section).model_fields.items():
            value = getattr(section, name)
            if isinstance(value, _Section):
                continue
            if field.description:
                lines.extend(textwrap.wrap(field.description, 96, initial_indent="# ",
                                           subsequent_indent="# "))
            lines.append(f"# {name} is unset" if value is None else f"{name} = {_toml(value)}")

    emit(model)
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, _Section):
            lines += ["", f"[{name}]"]
            emit(value)
    return "\n".join(lines) + "\n"


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and value >= 10_000:
        return f"{value:_}"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(value)
