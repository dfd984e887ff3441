"""What the subcommands share: store option, progress bars, error conversion."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..config import Settings
from ..errors import CrosswireError

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_STORE = Settings().store

# readers (stories, brief, serve): the store must exist
store_option = click.option(
    "--store", "store_path", default=DEFAULT_STORE, show_default=True,
    type=click.Path(dir_okay=False), help="The DuckDB store file to read.",
)
# ingest: adds to the store
write_store_option = click.option(
    "--store", "store_path", default=DEFAULT_STORE, show_default=True,
    type=click.Path(dir_okay=False), help="The DuckDB store file (created if missing).",
)


def open_reader(store_path: str) -> Any:
    """The store at ``store_path``, read-only; a missing one stops with exit code 1 and a
    message naming the stores nearby (``run`` keeps one in each --out folder)."""
    from .. import api
    from ..errors import NotFoundError

    try:
        return api.open_store(store_path, read_only=True)
    except NotFoundError as err:
        nearby = sorted(str(p) for p in Path(".").glob(f"*/{DEFAULT_STORE}"))[:5]
        if nearby:
            hint = " or ".join(f"--store {p}" for p in nearby)
            raise NotFoundError(f"{err} Stores found here: {hint}.") from err
        raise


if TYPE_CHECKING:  # click >= 8.2 types a parameter by the value it converts to
    _StrParam = click.ParamType[str]
else:
    _StrParam = click.ParamType


class EngineChoice(_StrParam):
    """``--engine``: any engine in the registry, built-in or from a plugin, by its full name
    (``spark.v1``) or without the version (``spark``); converts to the full name. The names
    are read when the option is used, so listing commands loads no engine."""

    name = "engine"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        from ..registry import engines

        return "[" + "|".join(n.rsplit(".v", 1)[0] for n in engines.names()) + "]"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        from ..engines.base import engine_name

        try:
            return engine_name(str(value))
        except CrosswireError as err:
            self.fail(str(err), param, ctx)


def handle_errors(func: F) -> F:
    """Turn library errors into a one-line message and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CrosswireError as err:
            raise click.ClickException(str(err)) from err

    return wrapper  # type: ignore[return-value]


@contextmanager
def progress_bars() -> Iterator[Callable[[str, int], None]]:
    """A progress callback drawing rich bars on stderr; silent when stderr is not a TTY."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True)
    labels = {"read": "Reading inputs", "extract": "Extracting articles"}
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=console, disable=not sys.stderr.isatty(), transient=False) as bar:
        tasks: dict[str, Any] = {}

        def advance(stage: str, n: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(labels.get(stage, stage), total=None)
            bar.advance(tasks[stage], n)

        yield advance


def plural(n: int, noun: str) -> str:
    """``noun`` as ``n`` of it is written: "1 event", "2 events"."""
    return noun if n == 1 else noun + "s"


def story_line(story_id: str, title: str | None, articles: int, events: int, conflicts: int,
               first_date: str | None) -> str:
    """One story as `crosswire stories` lists it."""
    a, e, c = articles, events, conflicts
    return (f"{story_id}  {a:>3} {plural(a, 'article'):<8}  {e:>2} {plural(e, 'event'):<6}"
            f"  {c:>2} {plural(c, 'conflict'):<9}  {first_date or '—':<10}  {title}")
