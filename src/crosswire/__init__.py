"""crosswire: compare news coverage across outlets, with a citation for every line."""

from __future__ import annotations

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

from .api import Result, analyze, ingest, open_store, write_outputs  # noqa: E402
from .errors import CrosswireError  # noqa: E402

__all__ = [
    "CrosswireError",
    "Result",
    "__version__",
    "analyze",
    "ingest",
    "open_store",
    "write_outputs",
]
