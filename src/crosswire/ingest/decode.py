"""Bytes in, text out: bounded reading, bounded gunzip, and encoding detection.

Decoding order: a byte-order mark (UTF-8/16/32), strict UTF-8, the charset the document
declares, UTF-8 with a few bad bytes replaced, then charset detection (charset_normalizer),
preferring cp1252 among equally good guesses, as browsers do for unlabelled Western text.
Binary data (NUL bytes, many control bytes, nothing decodes) is refused with a reason.
"""

from __future__ import annotations

import codecs
import gzip
import logging
import zlib
from pathlib import Path
from typing import IO, cast

from ..errors import InputError
from .common import IngestLimits, human_size

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))


def is_gzip_name(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def read_file_bytes(path: Path, limits: IngestLimits) -> bytes:
    """The whole file (gunzipped if ``*.gz``), refusing anything over the limits."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(f"cannot read file: {describe_os_error(err)}") from err
    if size > limits.max_bytes:
        raise InputError(
            f"file larger than {human_size(limits.max_bytes)} limit "
            f"({human_size(size)}; set --max-bytes)"
        )
    try:
        with open_binary(path) as stream:
            cap = min(limits.max_bytes, limits.max_decompressed)
            data = read_capped(stream, cap)
    except OSError as err:
        raise InputError(f"cannot read file: {describe_os_error(err)}") from err
    if data is None:
        raise InputError(
            f"decompressed content larger than {human_size(cap)} limit "
            "(possible gzip bomb; set --max-bytes)"
        )
    return data


def open_binary(path: Path) -> IO[bytes]:
    """A binary stream over the file; ``*.gz`` files are decompressed on the fly."""
    if is_gzip_name(path):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def read_capped(stream: IO[bytes], cap: int) -> bytes | None:
    """At most ``cap`` bytes, or ``None`` if the stream holds more. Turns gzip damage into
    ``InputError``."""
    try:
        data = stream.read(cap + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        raise InputError(f"corrupt or truncated gzip data: {gzip_message(err)}") from err
    return None if len(data) > cap else data


def gzip_message(err: BaseException) -> str:
    if isinstance(err, EOFError):
        return "the file ends before the end of the compressed stream"
    return str(err) or type(err).__name__


def describe_os_error(err: OSError) -> str:
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, FileNotFoundError):
        return "no such file or directory"
    if isinstance(err, IsADirectoryError):
        return "is a directory"
    return err.strerror or str(err)


def looks_binary(data: bytes) -> str | None:
    """Why ``data`` looks binary (no BOM-led UTF-16/32 here), or ``None``."""
    head = data[:8192]
    if b"\x00" in head:
        return "not text: looks binary (NUL bytes)"
    if head and sum(head.count(c) for c in _CONTROL) > len(head) * 0.05:
        return "not text: looks binary (many control bytes)"
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """``(text, warning)`` for ``data``; raise ``InputError`` if it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"not text: invalid {encoding.upper()} after its BOM") from err
            return text.removeprefix("\ufeff"), None
    if reason := looks_binary(data):
        raise InputError(reason)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if declared and (enc := _lookup(declared)) and enc not in ("utf-8", "utf-16", "utf-32"):
        try:
            return data.decode(enc), None
        except UnicodeDecodeError:
            log.debug("declared charset %s does not fit the bytes", declared)
    lossy = data.decode("utf-8", "replace")
    bad = lossy.count("\ufffd") - data.decode("utf-8", "ignore").count("\ufffd")
    multibyte = sum(1 for ch in lossy if ord(ch) > 0x7F and ch != "\ufffd")
    if multibyte >= bad:
        return lossy, f"invalid UTF-8: {bad} bad byte sequence(s) replaced with U+FFFD"
    return _detect(data)


def _lookup(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None


def _detect(data: bytes) -> tuple[str, str | None]:
    import charset_normalizer  # only needed for the rare non-UTF-8 input

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise InputError("not text: no character encoding fits (binary or corrupt data)")
    best = matches[0]
    encoding = best.encoding
    for match in matches:
        if "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos + 0.05:
            encoding = "cp1252"
            break
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:  # cp1252 has five unassigned bytes
        encoding = best.encoding
        text = data.decode(encoding)
    return text, f"not UTF-8: decoded as {encoding}"


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n`` (for txt and HTML, never for JSONL)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
