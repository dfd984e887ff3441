"""Errors crosswire raises. Each message says what failed, the bad value and the fix.

CrosswireError
 ├── ConfigError
 │    ├── UnknownNameError      no back end registered under that name
 │    └── MissingExtraError     an optional dependency is not installed
 ├── InputError                 one input cannot be read (the batch goes on; see InputRecord)
 ├── ModelError                 the NLP model cannot be loaded
 ├── StoreError
 │    └── StoreBusyError        another process holds the DuckDB write lock
 ├── NotFoundError              no story / article with that id
 └── SchemaError                an output breaks its JSON Schema (a crosswire bug)
"""

from __future__ import annotations

import difflib


class CrosswireError(Exception):
    """Base of every error crosswire raises on purpose."""


class ConfigError(CrosswireError):
    pass


class UnknownNameError(ConfigError):
    def __init__(self, kind: str, name: str, available: list[str]) -> None:
        close = difflib.get_close_matches(name, available, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        super().__init__(
            f"No {kind} called {name!r}.{hint} Available: {', '.join(available) or 'none'}. "
            "Installed plugins can add more; list them with `crosswire plugins`."
        )


class MissingExtraError(ConfigError):
    def __init__(self, what: str, extra: str) -> None:
        super().__init__(
            f"{what} needs an optional dependency. Install it with: "
            f"pip install 'crosswire[{extra}]'"
        )


class InputError(CrosswireError):
    """One input could not be used; ``reason`` is what the accounting shows."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ModelError(CrosswireError):
    pass


class StoreError(CrosswireError):
    pass


class StoreBusyError(StoreError):
    pass


class NotFoundError(CrosswireError):
    pass


class SchemaError(CrosswireError):
    pass
