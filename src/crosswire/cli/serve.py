"""``crosswire serve``: browse a store in the local web UI (read-only)."""

from __future__ import annotations

import ipaddress

import click

from . import cli
from .common import handle_errors, open_reader, store_option

LOOPBACK_NAMES = {"localhost", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@cli.command("serve")
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback exposes the store to your network.")
@click.option("--port", default=8700, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0 picks a free one).")
@handle_errors
def serve_cli(store_path: str, host: str, port: int) -> None:
    """Browse the stories in STORE at http://HOST:PORT/ (read-only; Ctrl-C stops it).

    Pages work without JavaScript; add .json to any page address for its data.
    `crosswire ingest` can add articles to the same store while this runs.
    """
    from werkzeug.serving import run_simple

    from ..web.app import create_app

    open_reader(store_path)  # a missing store stops here (exit 1), not at the first page
    if not is_loopback(host):
        click.secho(f"Warning: serving on {host}, not loopback: anyone who can reach this "
                    "machine can read the store. There is no login.", fg="yellow", err=True)
    app = create_app(store_path)
    click.echo(f"crosswire: serving {store_path} at http://{host}:{port}/ (Ctrl-C to stop)",
               err=True)
    run_simple(host, port, app, threaded=True, use_reloader=False, use_debugger=False)
