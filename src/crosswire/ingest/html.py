"""HTML pages: main text and metadata with trafilatura.

trafilatura gives the article body without navigation and boilerplate, plus title,
``sitename`` (-> ``source``), author, date (-> ``published``) and canonical url. Its date
search is limited to the page's metadata and markup (``extensive_search`` off) so a date
merely mentioned in the body never becomes the publication date. Caller metadata wins.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path

from ..errors import InputError
from .common import IngestLimits, ReadResult, build_article, check_text
from .decode import decode_bytes, normalize_newlines, read_file_bytes
from .files import read_sidecar

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its top, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def decode_html(data: bytes, http_charset: str | None = None) -> tuple[str, str | None]:
    """Page text and a decoding warning; BOM and UTF-8 first, then the declared charset."""
    return decode_bytes(data, declared=http_charset or declared_charset(data))


def extract_html(
    html: str,
    input_name: str,
    meta: Mapping[str, str],
    limits: IngestLimits,
    today: date,
    *,
    url: str | None = None,
    defaults: Mapping[str, str] | None = None,
    warnings: list[str] | None = None,
) -> ReadResult:
    """Main text + metadata of one page; metadata: page < ``defaults`` (sidecar) < ``meta``."""
    import trafilatura  # heavy import, only when HTML is read

    if not html.strip():
        raise InputError("empty HTML page")
    max_date = (today + timedelta(days=366)).isoformat()
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            deduplicate=False,
            date_extraction_params={
                "extensive_search": False,
                "original_date": True,
                "max_date": max_date,
            },
        )
    except (ValueError, TypeError, RecursionError) as err:  # lxml on pathological markup
        raise InputError(f"HTML could not be parsed: {err}") from err
    text = normalize_newlines(getattr(doc, "text", None) or "").strip() if doc else ""
    if not text:
        raise InputError("no main text found in the HTML page (empty, or only boilerplate)")
    check_text(text, limits, "main text")
    fields: dict[str, str | None] = {
        "title": getattr(doc, "title", None),
        "source": getattr(doc, "sitename", None),
        "author": getattr(doc, "author", None),
        "published": getattr(doc, "date", None),
        "url": getattr(doc, "url", None) or url,
    }
    fields.update(defaults or {})
    fields.update(meta)
    return build_article(input_name, text, fields, today, warnings=warnings)


def read_html_file(
    path: Path, meta: Mapping[str, str], limits: IngestLimits, today: date
) -> ReadResult:
    """One ``.html`` / ``.htm`` file, with its sidecar metadata if there is one."""
    data = read_file_bytes(path, limits)
    if not data.strip():
        raise InputError("empty file")
    html, warning = decode_html(data)
    sidecar, warnings = read_sidecar(path)
    return extract_html(
        html,
        str(path),
        meta,
        limits,
        today,
        defaults=sidecar,
        warnings=([warning] if warning else []) + warnings,
    )
