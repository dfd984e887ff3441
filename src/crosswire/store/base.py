"""What a store keeps and the small interface the pipeline, CLI and web UI use."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from ..link.cold import ColdStories
from ..link.saved import LinkChanges, SavedLink
from ..records import Analyzed, InputRecord, Names

SCHEMA_VERSION = 4  # 2: the link state as rows; 3: names by story; 4: packed extractions


class Store(Protocol):
    location: str

    def seen_inputs(self) -> set[str]: ...
    def add_batch(self, records: Sequence[InputRecord], analyzed: Sequence[Analyzed],
                  signatures: dict[str, list[int]]) -> None: ...
    def inputs(self) -> list[InputRecord]: ...
    def analyzed(self, ids: Iterable[str] | None = None, *,
                 named: bool = False) -> list[Analyzed]:
        """Articles with their extractions in ingest order; ``named``: with the names their
        story's brief gave them (``records.Names``), as a reader sees them."""
        ...

    def signatures(self, limit: int | None = None) -> dict[str, list[int]]:
        """MinHash values by article id, oldest first (with ``limit``: the latest), always of
        ``ingest.dedup.SCHEME_VERSION``: a store records the scheme of what it keeps and
        recomputes older ones from the article texts."""
        ...

    def signed_ids(self) -> set[str]: ...
    def load_link(self, archived: bool = True) -> SavedLink | None:
        """The saved link state as rows: one per story, plus features, document
        frequencies and aliases (``link.saved``); None before the first link run.
        ``archived=False``: only the live stories' rows and features (``link_cold`` has
        the archived stories, ``link_terms`` reads document frequencies as asked)."""
        ...

    def link_terms(self, terms: list[str]) -> dict[str, int]:
        """The saved document frequency of each of ``terms`` that has one."""
        ...

    def link_cold(self) -> ColdStories:
        """The cold tier the store keeps for the link state's archived stories: ``indexed``
        when it matches the saved rows (a run then reads only the live ones), else empty."""
        ...

    def save_link(self, changes: LinkChanges | None, stories: Sequence[dict[str, Any]],
                  removed: Sequence[str] = (),
                  names: Mapping[str, tuple[str, Names]] | None = None,
                  cold: ColdStories | None = None, read: int | None = None) -> None:
        """Write only the link rows a run changed, and the briefs with their articles'
        names (article id -> (story id, names)), in one transaction; ``cold``, the tier
        from ``link_cold`` the linked state used, is then marked as the rows' copy;
        ``read``, the mark from ``unread_ids``, is saved with them."""
        ...

    def session(self) -> AbstractContextManager[None]:
        """A block whose calls share one open store (a link run's dozen reads and writes)."""
        ...

    def reset_links(self) -> None:
        """Forget the link state and the briefs, so the next link pass starts over."""
        ...

    def original_ids(self, after: int = 0) -> list[str]: ...
    def unread_ids(self) -> tuple[list[str], int]:
        """Original articles ingested after the mark the last link run saved, and the mark
        to save once they are linked."""
        ...
    def story_dicts(self) -> list[dict[str, Any]]: ...
    def stories(self, query: str | None = None) -> list[dict[str, Any]]: ...
    def story(self, story_id: str) -> dict[str, Any]: ...
    def article(self, article_id: str) -> dict[str, Any]: ...
    def close(self) -> None: ...
