"""Imports the modules whose import registers crosswire's built-in back ends."""

from .extract import nlp  # noqa: F401
from .render import registry as _render  # noqa: F401
from .store import duckdb as _duckdb_store  # noqa: F401
from .store import memory as _memory_store  # noqa: F401
from .engines import local as _local_engine  # noqa: F401
