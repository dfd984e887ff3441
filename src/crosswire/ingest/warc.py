"""WARC archives (``.warc``, ``.warc.gz``) with warcio: each HTML (or plain-text) response
record is one input, named ``path#offset`` (the record's byte offset in the file, as in a
CDX index). Requests, metadata and other bookkeeping records are not inputs.

A truncated or corrupt record is rejected with its offset and the records before it are
kept. Decompression is bounded: each record is read up to ``max_bytes`` and the declared
record sizes may add up to at most ``max_decompressed`` per file.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError
from .common import IngestLimits, ReadResult, build_article, check_text, human_size, rejected
from .decode import decode_bytes, describe_os_error, normalize_newlines
from .html import decode_html, extract_html

log = logging.getLogger(__name__)

_CONTENT_RECORDS = ("response", "resource")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_ARC_NAME = re.compile(r"\.arc(\.gz)?$")


def read_warc(
    path: Path, meta: Mapping[str, str], limits: IngestLimits, today: date
) -> Iterator[ReadResult]:
    """One result per HTML/text response record; one rejection if the file has none."""
    from warcio.archiveiterator import ArchiveIterator

    name = str(path)
    produced = 0
    try:
        size = path.stat().st_size
        stream = path.open("rb")
    except OSError as err:
        yield rejected(name, f"cannot read file: {describe_os_error(err)}")
        return
    with stream:
        iterator = ArchiveIterator(stream)
        total = 0
        offset = 0
        try:
            for record in iterator:
                offset = iterator.offset
                if record.format != "warc" and not _ARC_NAME.search(name.lower()):
                    raise InputError(
                        f"not a WARC file: no 'WARC/1.x' record header at byte {offset}"
                    )
                total += record.length or 0
                if record.rec_type not in _CONTENT_RECORDS and total <= limits.max_decompressed:
                    continue
                unit = f"{name}#{offset}"
                produced += 1
                if total > limits.max_decompressed:
                    yield rejected(
                        unit,
                        f"stopped reading: records add up to more than "
                        f"{human_size(limits.max_decompressed)} (set --max-decompressed)",
                    )
                    return
                yield _read_record(record, iterator, unit, meta, limits, today)
            offset = iterator.offset
        except InputError as err:
            produced += 1
            yield rejected(name if offset == 0 else f"{name}#{offset}", err.reason)
            return
        except Exception as err:  # noqa: BLE001 -- warcio raises many kinds on bad data
            offset = max(offset, getattr(iterator, "offset", offset))
            produced += 1
            yield rejected(
                f"{name}#{offset}",
                f"corrupt or truncated WARC data at byte {offset}: "
                f"{type(err).__name__}: {_short(err)}; records before it were kept",
            )
            return
        if offset < size:
            produced += 1
            yield rejected(
                f"{name}#{offset}",
                f"truncated WARC: {size - offset} byte(s) at the end could not be read as a "
                "record; records before it were kept",
            )
    if not produced:
        yield rejected(name, "no HTML or text response records in this WARC file")


def _short(err: BaseException, limit: int = 160) -> str:
    text = " ".join(str(err).split()) or "no details"
    # a corrupt header puts raw bytes in the message: keep the reason printable
    text = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)
    return text if len(text) <= limit else text[:limit] + "..."


def _read_record(
    record: Any,
    iterator: Any,
    unit: str,
    meta: Mapping[str, str],
    limits: IngestLimits,
    today: date,
) -> ReadResult:
    try:
        return _record_result(record, iterator, unit, meta, limits, today)
    except InputError as err:
        return rejected(unit, err.reason)


def _record_result(
    record: Any,
    iterator: Any,
    unit: str,
    meta: Mapping[str, str],
    limits: IngestLimits,
    today: date,
) -> ReadResult:
    if (record.length or 0) > limits.max_bytes:
        raise InputError(
            f"WARC record larger than {human_size(limits.max_bytes)} limit (set --max-bytes)"
        )
    try:
        data = record.content_stream().read(limits.max_bytes + 1)
        iterator.read_to_end()
    except (OSError, EOFError, ValueError) as err:
        raise InputError(f"corrupt record payload: {_short(err)}") from err
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        raise InputError(
            f"truncated WARC record: {missing} of {record.length} declared bytes missing"
        )
    if len(data) > limits.max_bytes:
        raise InputError(
            f"decompressed payload larger than {human_size(limits.max_bytes)} limit "
            "(set --max-bytes)"
        )
    headers = record.http_headers
    if record.rec_type == "response" and headers is not None:
        status = headers.get_statuscode() or ""
        if not status.startswith("2"):
            raise InputError(f"HTTP status {status or 'missing'}: not a page to ingest")
        content_type = headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    mime, _, params = content_type.partition(";")
    mime = mime.strip().lower()
    charset = _charset(params)
    if mime not in _HTML_TYPES and mime != "text/plain":
        raise InputError(f"WARC {record.rec_type} is {mime or 'untyped'}, not HTML or text")
    if not data.strip():
        raise InputError("empty response body")
    url = record.rec_headers.get_header("WARC-Target-URI")
    if mime == "text/plain":
        text, warning = decode_bytes(data, declared=charset)
        text = normalize_newlines(text).strip()
        check_text(text, limits)
        fields = {"url": url, **meta}
        return build_article(unit, text, fields, today, warnings=[warning] if warning else [])
    html, warning = decode_html(data, http_charset=charset)
    return extract_html(
        html, unit, meta, limits, today, url=url, warnings=[warning] if warning else []
    )


def _charset(params: str) -> str | None:
    for part in params.split(";"):
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
