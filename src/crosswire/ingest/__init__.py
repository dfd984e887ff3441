"""Ingest: files, directories, JSON Lines feeds, HTML pages and WARC archives -> ``Article``.

Every input unit (a file, one JSONL line ``path:LINE``, one WARC record ``path#offset``) yields
exactly one ``InputRecord``: ``ingested`` (with its ``Article``; ``reason`` may carry
warnings), ``duplicate`` (with its ``Article``) or ``rejected`` (with a reason a person can
act on). A bad input never raises; the batch goes on. ``mark_duplicates`` then folds exact and
near copies (MinHash/LSH) into the article they copy, by the one rule of ``dedup`` that both
engines apply.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..records import EXACT_COPY, Article, InputRecord
from .common import (
    IngestLimits,
    ReadResult,
    check_meta,
    check_published,
    make_article_id,
    rejected,
)
from .dedup import Deduper, as_copy, mark_duplicates
from .feeds import read_jsonl
from .files import file_kind, read_text_file, walk_paths
from .html import read_html_file
from .warc import read_warc

log = logging.getLogger(__name__)

SUPPORTED = ".txt .text .md .jsonl .ndjson .html .htm .warc (and .gz of each)"


def read_inputs(
    paths: Iterable[str | Path] | str | Path,
    *,
    meta: Mapping[str, str | None] | None = None,
    limits: IngestLimits = IngestLimits(),  # noqa: B008 -- frozen, so a shared default is safe
    today: date | None = None,
) -> Iterator[tuple[InputRecord, Article | None]]:
    """``(InputRecord, Article | None)`` for every input unit under ``paths``, in order
    (directories walked in sorted order). ``meta`` (title/source/published/url/author, e.g.
    from ``--source``/``--published``) overrides file metadata and fills gaps in feeds.
    ``today`` bounds plausible publication dates (default: the real date).

    Raises ``ConfigError`` only for bad ``meta``; bad inputs become ``rejected`` records."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    clean_meta = check_meta(meta)
    day = today or date.today()
    seen: dict[str, tuple[bytes, str]] = {}  # article id -> (text digest, first input)
    files = 0
    for path, problem in walk_paths([Path(p) for p in paths]):
        if problem:
            yield rejected(str(path), problem)
            continue
        files += 1
        if files > limits.max_files:
            yield rejected(
                str(path), f"more than {limits.max_files:,} files; stopped here (set --max-files)"
            )
            return
        for record, article in _read_file(path, clean_meta, limits, day):
            yield _check_id(record, article, seen)


def _read_file(
    path: Path, meta: Mapping[str, str], limits: IngestLimits, today: date
) -> Iterator[ReadResult]:
    name = str(path)
    kind = file_kind(path)
    try:
        if kind == "jsonl":
            yield from read_jsonl(path, meta, limits, today)
        elif kind == "warc":
            yield from read_warc(path, meta, limits, today)
        elif kind == "html":
            yield read_html_file(path, meta, limits, today)
        elif kind == "text":
            yield read_text_file(path, meta, limits, today)
        elif kind == "sidecar":
            yield rejected(name, "metadata sidecar, not an article: it is read with its article")
        else:
            suffix = path.suffix or "(no extension)"
            yield rejected(name, f"unsupported file type {suffix!r} (supported: {SUPPORTED})")
    except InputError as err:
        yield rejected(name, err.reason)
    except Exception as err:  # noqa: BLE001 -- one bad input never stops the batch
        log.debug("unexpected error reading %s", name, exc_info=True)
        yield rejected(
            name,
            f"internal error while reading ({type(err).__name__}: {err}); "
            "this is a crosswire bug: please report it with the file",
        )


def _check_id(
    record: InputRecord, article: Article | None, seen: dict[str, tuple[bytes, str]]
) -> ReadResult:
    """Same id + same text -> duplicate; same id + other text -> rejected."""
    if article is None or record.status != "ingested":
        return record, article
    digest = hashlib.blake2b(article.text.encode("utf-8", "surrogatepass"), digest_size=16)
    first = seen.get(article.id)
    if first is None:
        seen[article.id] = (digest.digest(), record.input)
        return record, article
    if first[0] == digest.digest():
        reason = f"{EXACT_COPY} {article.id} (same id and text as {first[1]})"
        return as_copy(record, article.id, reason), article
    return rejected(
        record.input, f"duplicate id {article.id!r} with different text (first in {first[1]})"
    )


__all__ = [
    "Deduper",
    "IngestLimits",
    "check_meta",
    "check_published",
    "make_article_id",
    "mark_duplicates",
    "read_inputs",
]
