"""What every ingest reader shares: limits, article ids, metadata checks, one result type.

A reader turns one input unit into a ``ReadResult``: an ``InputRecord`` and, when the unit was
usable, its ``Article``. Problems with one unit are raised inside a reader as ``InputError``
and turned into a ``rejected`` record by the caller, so a bad input never stops a batch.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..config import IngestSettings
from ..errors import ConfigError, InputError
from ..records import Article, InputRecord

log = logging.getLogger(__name__)

ReadResult = tuple[InputRecord, Article | None]

_DEFAULTS = IngestSettings()  # the run settings own the limits' defaults

META_KEYS = ("title", "source", "published", "url", "author")

_ISO = re.compile(
    r"\d{4}-\d{2}-\d{2}"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class IngestLimits:
    """Bounds that keep one hostile or broken input from eating the machine."""

    max_bytes: int = _DEFAULTS.max_bytes  # per file, JSONL line or WARC record
    max_chars: int = _DEFAULTS.max_chars  # article text after extraction
    min_chars: int = 1  # after stripping whitespace; below -> rejected as empty
    max_files: int = _DEFAULTS.max_files  # files read from all paths together
    max_decompressed: int = _DEFAULTS.max_decompressed  # bytes read out of one .gz stream

    @classmethod
    def from_settings(cls, settings: IngestSettings) -> IngestLimits:
        return cls(max_bytes=settings.max_bytes, max_chars=settings.max_chars,
                   max_files=settings.max_files, max_decompressed=settings.max_decompressed)


def make_article_id(text: str, url: str | None = None) -> str:
    """Content hash id: blake2b of ``url + "\\n" + text``, 16 hex digits."""
    data = f"{url or ''}\n{text}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def human_size(n: int) -> str:
    """``20000000`` -> ``"20 MB"`` (decimal units, as disk sizes are quoted)."""
    for unit, size in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def check_published(value: str, today: date) -> tuple[str | None, str | None]:
    """``(published, warning)``: the value as given if it is a plausible ISO 8601 date or
    datetime, else ``None`` and why it was ignored. Never guesses a date."""
    text = value.strip()
    if not _ISO.fullmatch(text):
        return None, (
            f"published date ignored: {value!r} is not an ISO 8601 date "
            "(use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)"
        )
    try:
        parsed = datetime.fromisoformat(text.replace(",", ".").upper().replace("Z", "+00:00"))
    except ValueError as err:
        return None, f"published date ignored: {value!r} is not a valid date ({err})"
    if parsed.year < 1800:
        return None, f"published date ignored: year {parsed.year} in {value!r} is before 1800"
    if parsed.date() > today + timedelta(days=366):
        return None, (
            f"published date ignored: {value!r} is more than a year after today ({today})"
        )
    return text, None


def check_meta(meta: Mapping[str, str | None] | None) -> dict[str, str]:
    """Metadata given by the caller (CLI flags), checked once before any input is read."""
    if not meta:
        return {}
    unknown = sorted(set(meta) - set(META_KEYS))
    if unknown:
        raise ConfigError(
            f"Unknown metadata key(s) {', '.join(map(repr, unknown))}. "
            f"Allowed: {', '.join(META_KEYS)}."
        )
    clean: dict[str, str] = {}
    for key, value in meta.items():
        if value is None:
            continue
        if not isinstance(value, str):
            raise ConfigError(f"Metadata {key!r} must be a string, got {type(value).__name__}.")
        if value.strip():
            clean[key] = value.strip()
    if "published" in clean:
        _, warning = check_published(clean["published"], date.today())
        if warning:
            raise ConfigError(
                f"--published {clean['published']!r} is not usable: "
                f"{warning.removeprefix('published date ignored: ')}."
            )
    return clean


def check_text(text: str, limits: IngestLimits, what: str = "text") -> None:
    """Raise ``InputError`` if the article text is empty or too long."""
    if len(text.strip()) < limits.min_chars:
        if not text:
            raise InputError(f"empty {what}")
        if not text.strip():
            raise InputError(f"{what} is only whitespace")
        raise InputError(f"{what} shorter than the {limits.min_chars}-character minimum")
    if len(text) > limits.max_chars:
        raise InputError(
            f"{what} has {len(text):,} characters, over the {limits.max_chars:,} limit "
            "(set --max-chars)"
        )


def build_article(
    input_name: str,
    text: str,
    fields: Mapping[str, str | None],
    today: date,
    *,
    article_id: str | None = None,
    warnings: list[str] | None = None,
) -> ReadResult:
    """An ingested ``(InputRecord, Article)``; ``fields`` holds the metadata keys."""
    notes = list(warnings or [])
    values = {k: (fields.get(k) or None) for k in META_KEYS}
    if values["published"] is not None:
        values["published"], warning = check_published(values["published"], today)
        if warning:
            notes.append(warning)
    aid = article_id if article_id is not None else make_article_id(text, values["url"])
    article = Article(id=aid, text=text, input=input_name, **values)
    record = InputRecord(
        input=input_name, status="ingested", article=aid, reason="; ".join(notes) or None
    )
    return record, article


def rejected(input_name: str, reason: str) -> ReadResult:
    log.warning("rejected %s: %s", input_name, reason)
    return InputRecord(input=input_name, status="rejected", reason=reason), None
