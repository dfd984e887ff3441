"""``crosswire eval quotes|timex|clustering FILE``: run the real extractors / linker on a
gold file and print the scores (text, or ``--json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from . import cli
from .common import handle_errors

_file = click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
_limit = click.option("--limit", type=int, default=None, help="Score only the first N documents.")
_json = click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")


def _print(scores: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(scores, indent=2, sort_keys=True))
        return

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, sub in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), sub)
        elif isinstance(value, float):
            click.echo(f"{prefix:<48} {value:.4f}")
        else:
            click.echo(f"{prefix:<48} {value}")

    walk("", scores)


@cli.group("eval")
def eval_cli() -> None:
    """Score crosswire against gold data (see docs/benchmarks.md for the data sets)."""


@eval_cli.command("quotes")
@_file
@_limit
@_json
@handle_errors
def eval_quotes_cli(file: Path, limit: int | None, as_json: bool) -> None:
    """Quote spans and speakers against a PolNeAR-style JSONL gold FILE."""
    from ..evaluate.quotes import evaluate_quotes_file
    from ..nlp import load_spacy

    _print(evaluate_quotes_file(file, load_spacy(), limit=limit), as_json)


@eval_cli.command("timex")
@_file
@_limit
@_json
@handle_errors
def eval_timex_cli(file: Path, limit: int | None, as_json: bool) -> None:
    """Temporal expressions (spans, types, normalized values) against TempEval-3-style JSONL."""
    from ..evaluate.timex import evaluate_timex_file
    from ..nlp import load_spacy

    _print(evaluate_timex_file(file, load_spacy(), limit=limit), as_json)


@eval_cli.command("clustering")
@_file
@click.option("--gold-field", type=click.Choice(["subtopic", "cluster", "topic"]),
              default="subtopic", show_default=True, help="The gold label field in FILE.")
@click.option("--level", type=click.Choice(["story", "event", "both"]), default="both",
              show_default=True)
@_limit
@_json
@handle_errors
def eval_clustering_cli(file: Path, gold_field: str, level: str, limit: int | None,
                        as_json: bool) -> None:
    """Story and event clustering (B-cubed, pairwise F1, ARI) against gold labels in FILE."""
    from ..evaluate.clustering import evaluate_clustering_file
    from ..nlp import load_spacy

    levels = ["story", "event"] if level == "both" else [level]
    scores = {lv: evaluate_clustering_file(file, gold_field=gold_field, level=lv,
                                           nlp=load_spacy(), limit=limit) for lv in levels}
    _print(scores, as_json)
