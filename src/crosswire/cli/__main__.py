"""``python -m crosswire.cli`` = the ``crosswire`` command."""

from . import main

main()
