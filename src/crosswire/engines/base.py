"""What every engine is: the ``Engine`` protocol, the report its ingest returns, and how
an engine is found by name in the ``engines`` registry.

An engine decides WHERE the pipeline's stages run, never in what order: the order is
written once, in ``crosswire.pipeline``. Built-in engines and plugin engines register the
same way (``@engines.register("name.v1")`` on a factory taking ``settings``) and are
chosen by that name, or by the name without its version (``--engine spark``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ..config import Settings
from ..errors import ConfigError, UnknownNameError
from ..records import InputRecord
from ..registry import engines
from ..store.base import Store

Progress = Callable[[str, int], None]  # (stage, units done since the last call)


@dataclass
class IngestReport:
    """What the ingest stage did with every input of a run."""

    ingested: int = 0
    duplicate: int = 0
    rejected: int = 0
    skipped: int = 0  # already accounted for by an earlier run on this store
    records: list[InputRecord] = field(default_factory=list)

    def count(self, rec: InputRecord) -> None:
        setattr(self, rec.status, getattr(self, rec.status) + 1)
        self.records.append(rec)


@runtime_checkable
class Engine(Protocol):
    """Where the stages run. ``crosswire.pipeline.run`` calls ``ingest`` once, then
    ``link`` once, on one engine built once per run."""

    name: str

    def ingest(self, paths: Iterable[str | Path], store: Store, *,
               meta: Mapping[str, str | None] | None = None,
               progress: Progress | None = None) -> IngestReport:
        """Stages ingest and extract over ``paths``; each batch goes to ``store`` through
        ``pipeline.store_batch`` in input order, so an interrupted run resumes."""
        ...

    def link(self, store: Store) -> list[dict[str, Any]]:
        """Stages link, brief and render (JSON) over what ``store`` holds, through
        ``pipeline.link_and_brief``; returns the briefs of the stories the run touched
        (every stored story is ``store.story_dicts()``)."""
        ...


def engine_name(given: str) -> str:
    """The registered engine ``given`` names: its full name (``spark.v1``), or its name
    without the version (``spark``) when one version is registered. Raises
    ``UnknownNameError`` listing the engines there are."""
    names = engines.names()
    if given in names:
        return given
    versions = [n for n in names if n.rsplit(".v", 1)[0] == given]
    if len(versions) == 1:
        return versions[0]
    if versions:
        raise ConfigError(f"The engine name {given!r} fits {', '.join(versions)}: "
                          "give one of them in full.")
    raise UnknownNameError("engine", given, names)


def create_engine(settings: Settings) -> Engine:
    """The engine ``settings.engine`` names, built from ``settings``."""
    name = engine_name(settings.engine)
    engine = engines.create(name, settings=settings)
    if not isinstance(engine, Engine):
        raise ConfigError(f"The engine {name!r} registered a factory whose result has no "
                          "`ingest` and `link` methods; an engine implements "
                          "crosswire.engines.Engine (see docs/architecture.md).")
    return engine
