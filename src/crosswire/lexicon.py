"""Small documented JSON lexicons shipped in ``lexicons/`` (each file has a ``_doc``)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=16)
def load_lexicon(name: str) -> dict[str, Any]:
    """The parsed ``lexicons/<name>.json``; read once per process (package data)."""
    path = resources.files("crosswire") / "lexicons" / f"{name}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def stop_words(*extra: str) -> frozenset[str]:
    """The stop list (``lexicons/stop.json`` "words"), with the named extra lists of that
    file added (``stop_words("talk")``)."""
    data = load_lexicon("stop")
    return frozenset(w for key in ("words", *extra) for w in data[key])


def function_words() -> frozenset[str]:
    """The function words of the stop list alone (``lexicons/stop.json`` "frame"), for what
    must keep the days, months and number words the whole list drops."""
    return frozenset(load_lexicon("stop")["frame"])
