"""``crosswire stories`` and ``crosswire brief``: read the store, print results."""

from __future__ import annotations

import json

import click

from .. import api
from . import cli
from .common import handle_errors, open_reader, store_option, story_line


@cli.command("stories")
@store_option
@click.option("-q", "--query", default=None, help="Only stories whose text contains this.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@handle_errors
def stories_cli(store_path: str, query: str | None, as_json: bool) -> None:
    """List the stories in the store, biggest first."""
    store = open_reader(store_path)
    rows = store.stories(query)
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        total = len(store.stories()) if query else 0
        if total:
            some = "1 story" if total == 1 else f"{total} stories"
            click.echo(f"No story matches {query!r} ({some} in {store_path}; `crosswire "
                       f"stories --store {store_path}` lists {'it' if total == 1 else 'them'}).",
                       err=True)
        else:
            click.echo(f"No stories yet in {store_path}. Add articles with "
                       f"`crosswire ingest FILES --store {store_path}`.", err=True)
        return
    for row in rows:
        click.echo(story_line(row["id"], row["title"], row["articles"], row["events"],
                              row["conflicts"], row["first_date"]))


@cli.command("brief")
@click.argument("story_id")
@store_option
@click.option("-f", "--format", "fmt", type=click.Choice(list(api.FORMATS)), default="md",
              show_default=True, help="Output format.")
@handle_errors
def brief_cli(story_id: str, store_path: str, fmt: str) -> None:
    """Print the brief of STORY_ID (see `crosswire stories`) as JSON, Markdown or HTML."""
    store = open_reader(store_path)
    story = store.story(story_id)
    articles = {aid: store.article(aid) for aid in story["articles"]}
    click.echo(api.render_story(story, articles, fmt))
