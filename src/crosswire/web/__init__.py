"""crosswire.web: the local, read-only web UI (``crosswire serve``)."""

from .app import create_app

__all__ = ["create_app"]
