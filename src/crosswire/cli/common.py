"""What the subcommands share: store option, progress bars, error conversion."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from ..errors import CrosswireError

F = TypeVar("F", bound=Callable[..., Any])

store_option = click.option(
    "--store", "store_path", default="crosswire.duckdb", show_default=True,
    type=click.Path(dir_okay=False), help="The DuckDB store file (created if missing).",
)


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
