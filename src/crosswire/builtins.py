"""Imports the modules whose import registers crosswire's built-in back ends."""

from . import nlp as _nlp  # noqa: F401
from . import render  # noqa: F401  (renderers: json, md, html)
from .engines import local as _local_engine  # noqa: F401
from .engines import spark as _spark_engine  # noqa: F401  (pyspark loads only when chosen)
from .store import duckdb as _duckdb_store  # noqa: F401
