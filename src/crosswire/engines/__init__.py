"""crosswire.engines: where the pipeline's stages run (the order is ``crosswire.pipeline``'s).

``local.v1`` (``local.py``) runs them on this machine, ``spark.v1`` (``spark.py``) spreads
ingest and extract over a Spark cluster. Both implement the ``Engine`` protocol
(``base.py``); neither builds on the other.
"""

from .base import Engine, IngestReport, Progress, create_engine, engine_name

__all__ = ["Engine", "IngestReport", "Progress", "create_engine", "engine_name"]
