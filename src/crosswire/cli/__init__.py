"""The ``crosswire`` command: thin click commands over the library (``crosswire.api``).

Exit codes: 0 done; 1 failed (the message says why and what to do); 2 bad usage;
3 done, but some inputs were rejected (see ``inputs`` in corpus.json or the table printed).
"""

from __future__ import annotations

import logging
import sys

import click

from .. import __version__

EXIT_REJECTED = 3


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="crosswire")
@click.option("-v", "--verbose", count=True, help="-v for progress logs, -vv for debug logs.")
def cli(verbose: int) -> None:
    """Compare news coverage across outlets: stories, events, cited facts, conflicts,
    quotes and framing. Start with `crosswire demo`."""
    level = {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    logging.basicConfig(level=level, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


def main() -> None:
    from . import eval as _eval  # noqa: F401  (registers the subcommands)
    from . import misc as _misc  # noqa: F401
    from . import query as _query  # noqa: F401
    from . import run as _run  # noqa: F401
    from . import serve as _serve  # noqa: F401

    cli(prog_name="crosswire")
