"""JSON Lines feeds (``.jsonl``, ``.ndjson``, optionally gzipped): one article per line.

Contract fields: ``id``, ``text`` (required), ``title``, ``source``, ``published``, ``url``,
``author``; other fields are ignored. ``text`` is kept exactly as given (no whitespace or
Unicode normalisation) so character offsets line up with the source. Each line is its own
input (``path:LINE``): a bad line is rejected and the lines around it still count.
"""

from __future__ import annotations

import codecs
import gzip
import json
import logging
import zlib
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from .common import META_KEYS, IngestLimits, ReadResult, build_article, check_text, rejected
from .common import human_size as _size
from .decode import describe_os_error, gzip_message, open_binary

log = logging.getLogger(__name__)

_JSON_TYPES = {
    dict: "an object",
    list: "an array",
    str: "a string",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    type(None): "null",
}


def _type_name(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def parse_feed_line(
    obj: Any, name: str, meta: Mapping[str, str], limits: IngestLimits, today: date
) -> ReadResult:
    """One decoded JSON value -> an ingested article, or ``InputError``."""
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {_type_name(obj)}")
    if "text" not in obj:
        raise InputError("missing 'text' field")
    text = obj["text"]
    if not isinstance(text, str):
        raise InputError(f"'text' must be a string, got {_type_name(text)}")
    check_text(text, limits, "'text'")
    _check_unicode("text", text)
    article_id: str | None = None
    if obj.get("id") is not None:
        raw_id = obj["id"]
        if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
            raise InputError(f"'id' must be a string or an integer, got {_type_name(raw_id)}")
        article_id = str(raw_id)
        if not article_id.strip():
            raise InputError("'id' is empty")
        if len(article_id) > 512:
            raise InputError("'id' is longer than 512 characters")
        _check_unicode("id", article_id)
    fields: dict[str, str | None] = {}
    for key in META_KEYS:
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"{key!r} must be a string, got {_type_name(value)}")
        _check_unicode(key, value)
        fields[key] = value
    for key, value in meta.items():  # caller metadata fills gaps; a feed's own values win
        fields.setdefault(key, value)
    return build_article(name, text, fields, today, article_id=article_id)


def _check_unicode(key: str, value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        char = value[err.start]
        raise InputError(
            f"{key!r} has an unpaired surrogate ({ascii(char)}) at character {err.start}: "
            "not valid Unicode, so it could not be stored"
        ) from err


def read_jsonl(
    path: Path, meta: Mapping[str, str], limits: IngestLimits, today: date
) -> Iterator[ReadResult]:
    """Every non-blank line of a JSONL file; the file itself is rejected only if nothing in
    it can be read."""
    name = str(path)
    count = 0
    try:
        with open_binary(path) as stream:
            for lineno, line, problem in _iter_lines(stream, limits):
                count += 1
                input_name = f"{name}:{lineno}"
                if problem:
                    yield rejected(input_name, problem)
                    continue
                yield _parse_line(line, lineno, input_name, meta, limits, today)
    except InputError as err:
        yield rejected(name if count == 0 else f"{name}:{count + 1}", err.reason)
        return
    except OSError as err:
        yield rejected(name, f"cannot read file: {describe_os_error(err)}")
        return
    if count == 0:
        yield rejected(name, "empty file: no JSON lines in it")


def _parse_line(
    line: str,
    lineno: int,
    input_name: str,
    meta: Mapping[str, str],
    limits: IngestLimits,
    today: date,
) -> ReadResult:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        where = f"{err.msg} (column {err.colno})"
        return rejected(input_name, f"invalid JSON on line {lineno}: {where}")
    except (ValueError, RecursionError) as err:
        return rejected(input_name, f"invalid JSON on line {lineno}: {err}")
    try:
        return parse_feed_line(obj, input_name, meta, limits, today)
    except InputError as err:
        return rejected(input_name, err.reason)


def _iter_lines(stream: IO[bytes], limits: IngestLimits) -> Iterator[tuple[int, str, str | None]]:
    """``(line number, text, problem)`` for each non-blank line, with byte limits per line
    and in total (gzip bombs). Decodes UTF-8 (BOM allowed) or BOM-marked UTF-16/32."""
    total = 0
    lineno = 0
    try:
        reader = _LineReader(stream)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        raise InputError(f"corrupt or truncated gzip data: {gzip_message(err)}") from err
    while True:
        try:
            # runs of empty lines in one step, never past the decompression budget
            blank = reader.skip_blank_lines(limits.max_decompressed - total + 1)
            lineno += blank
            total += blank * len(reader.newline)
            raw, length = reader.readline(limits.max_bytes)
        except (EOFError, zlib.error, gzip.BadGzipFile) as err:
            raise InputError(f"corrupt or truncated gzip data: {gzip_message(err)}") from err
        if not length:
            return
        lineno += 1
        total += length
        if total > limits.max_decompressed:
            raise InputError(
                f"stopped reading: more than {_size(limits.max_decompressed)} of decompressed "
                "data (possible gzip bomb; set --max-decompressed)"
            )
        if raw is None:
            limit = _size(limits.max_bytes)
            yield (
                lineno,
                "",
                f"line {lineno} is {_size(length)}, over the {limit} limit (set --max-bytes)",
            )
            continue
        try:
            text = reader.decode(raw)
        except UnicodeDecodeError as err:
            yield lineno, "", f"invalid UTF-8 on line {lineno} at byte {err.start} (use UTF-8)"
            continue
        if text.strip():
            yield lineno, text, None


class _LineReader:
    """Splits a byte stream on newlines, aware of a UTF-16/32 byte-order mark."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.encoding = "utf-8"
        self.newline = b"\n"
        self.pending = b""
        head = stream.read(4)
        for bom, enc, newline in (
            (codecs.BOM_UTF32_LE, "utf-32-le", "\n".encode("utf-32-le")),
            (codecs.BOM_UTF32_BE, "utf-32-be", "\n".encode("utf-32-be")),
            (codecs.BOM_UTF8, "utf-8", b"\n"),
            (codecs.BOM_UTF16_LE, "utf-16-le", "\n".encode("utf-16-le")),
            (codecs.BOM_UTF16_BE, "utf-16-be", "\n".encode("utf-16-be")),
        ):
            if head.startswith(bom):
                self.encoding, self.newline = enc, newline
                head = head[len(bom) :]
                break
        self.pending = head
        self.pos = 0  # where unread bytes start in ``pending`` (no re-slicing per line)

    def decode(self, raw: bytes) -> str:
        return raw.decode(self.encoding)

    def readline(self, limit: int) -> tuple[bytes | None, int]:
        """``(line without newline, bytes consumed)``; line is ``None`` when over ``limit``."""
        parts: list[bytes] = []
        size = 0
        keep = True
        while True:
            idx = self._find_newline()
            if idx >= 0:
                piece, self.pos = self.pending[self.pos : idx], idx + len(self.newline)
                size += len(piece) + len(self.newline)
                if keep and size - len(self.newline) <= limit:
                    parts.append(piece)
                    return b"".join(parts), size
                return None, size
            chunk = self.stream.read(1 << 16)
            self.pending, self.pos = self.pending[self.pos :], 0
            if not chunk:
                piece, self.pending = self.pending, b""
                size += len(piece)
                if keep and size <= limit:
                    parts.append(piece)
                    return b"".join(parts), size
                return None, size
            # keep a tail that could be the start of a multi-byte newline
            tail = len(self.newline) - 1
            cut = len(self.pending) - tail if tail else len(self.pending)
            cut -= cut % len(self.newline)
            head, self.pending = self.pending[:cut], self.pending[cut:] + chunk
            size += len(head)
            if keep and size <= limit:
                parts.append(head)
            else:
                keep = False
                parts = []

    def skip_blank_lines(self, most: int) -> int:
        """Consume up to ``most`` empty lines at the read position (UTF-8 only)."""
        if self.newline != b"\n":
            return 0
        skipped = 0
        while skipped < most:
            end = len(self.pending)
            pos = self.pos
            while pos < end:  # find the first byte that is not a newline
                nxt = self.pending.find(b"\n" * 64, pos, pos + 64)
                if nxt != pos:
                    break
                pos += 64
            while pos < end and self.pending[pos] == 10:
                pos += 1
            skipped += pos - self.pos
            self.pos = pos
            if pos < end:
                return skipped
            chunk = self.stream.read(1 << 16)
            self.pending, self.pos = chunk, 0
            if not chunk:
                return skipped
        return skipped

    def _find_newline(self) -> int:
        step = len(self.newline)
        idx = self.pending.find(self.newline, self.pos)
        while idx >= 0 and (idx - self.pos) % step:
            idx = self.pending.find(self.newline, idx + 1)
        return idx
