"""``crosswire stories`` and ``crosswire brief``: read the store, print results."""

from __future__ import annotations

import json

import click

from .. import api
from . import cli
from .common import handle_errors, plural, store_option


@cli.command("stories")
@store_option
@click.option("-q", "--query", default=None, help="Only stories whose text contains this.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@handle_errors
def stories_cli(store_path: str, query: str | None, as_json: bool) -> None:
    """List the stories in the store, biggest first."""
    store = api.open_store(store_path, read_only=True)
    rows = store.stories(query)
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo("No stories yet. Add articles with `crosswire ingest FILES`.", err=True)
        return
    for row in rows:
        a, e, c = row["articles"], row["events"], row["conflicts"]
        click.echo(f"{row['id']}  {a:>3} {plural(a, 'article'):<8}  {e:>2} {plural(e, 'event'):<6}"
                   f"  {c:>2} {plural(c, 'conflict'):<9}  {row['first_date'] or '—':<10}  "
                   f"{row['title']}")


@cli.command("brief")
@click.argument("story_id")
@store_option
@click.option("-f", "--format", "fmt", type=click.Choice(list(api.FORMATS)), default="md",
              show_default=True, help="Output format.")
@handle_errors
def brief_cli(story_id: str, store_path: str, fmt: str) -> None:
    """Print the brief of STORY_ID (see `crosswire stories`) as JSON, Markdown or HTML."""
    store = api.open_store(store_path, read_only=True)
    story = store.story(story_id)
    articles = {aid: store.article(aid) for aid in story["articles"]}
    click.echo(api.render_story(story, articles, fmt))
