"""``crosswire validate`` and ``crosswire plugins``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..registry import engines, nlp_backends, renderers, stores
from . import cli
from .common import handle_errors


@cli.command("validate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--schema", type=click.Choice(["corpus", "story"]), default=None,
              help="Which schema (default: guessed from the document).")
@handle_errors
def validate_cli(file: Path, schema: str | None) -> None:
    """Check a corpus.json or story JSON file against crosswire's published JSON Schema."""
    from ..render.json_out import validate

    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise click.ClickException(f"{file} is not JSON: {err}") from err
    schema = schema or ("corpus" if isinstance(data, dict) and "inputs" in data else "story")
    validate(data, schema)
    click.echo(f"{file}: valid {schema} document")


@cli.command("plugins")
def plugins_cli() -> None:
    """List the registered back ends (built-in and from installed plugins)."""
    for registry in (nlp_backends, engines, stores, renderers):
        click.echo(f"{registry.kind}: {', '.join(registry.names())}")
