"""Name -> factory tables for pluggable back ends. Built-ins register exactly as plugins do.

Names are versioned (``nlp.spacy.v1``); a behaviour change gets a new name and the old stays.
Third-party packages add back ends through the entry-point group ``crosswire.plugins``: each
entry point is a module imported once, whose import registers its factories.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any, Generic, TypeVar

from .errors import UnknownNameError

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._factories: dict[str, Callable[..., T]] = {}

    def register(self, name: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
        def decorate(factory: Callable[..., T]) -> Callable[..., T]:
            self._factories[name] = factory
            return factory

        return decorate

    def unregister(self, name: str) -> None:
        """Forget ``name`` (a test's plugin, or one a plugin replaces); unknown names pass."""
        self._factories.pop(name, None)

    def create(self, name: str, **settings: Any) -> T:
        load_plugins()
        if name not in self._factories:
            raise UnknownNameError(self.kind, name, sorted(self._factories))
        return self._factories[name](**settings)

    def names(self) -> list[str]:
        load_plugins()
        return sorted(self._factories)


nlp_backends: Registry[Any] = Registry("NLP backend")
stores: Registry[Any] = Registry("store")
engines: Registry[Any] = Registry("engine")
renderers: Registry[Callable[..., str]] = Registry("renderer")

_plugins_loaded = False


def load_plugins() -> None:
    """Import built-in back ends and any installed ``crosswire.plugins`` entry points once."""
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    from . import builtins  # noqa: F401  (registers the built-in back ends)

    for ep in entry_points(group="crosswire.plugins"):
        ep.load()
