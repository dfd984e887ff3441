"""Plain-text articles (title on the first line, body after), sidecar metadata, and the
directory walk that finds every input file in a deterministic order."""

from __future__ import annotations

import json
import logging
import os
import stat
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path

from ..errors import InputError
from .common import META_KEYS, IngestLimits, ReadResult, build_article, check_text
from .decode import decode_bytes, describe_os_error, normalize_newlines, read_file_bytes

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".text", ".md")
SIDECAR_SUFFIX = ".meta.json"


def file_kind(path: Path) -> str | None:
    """``text`` / ``jsonl`` / ``html`` / ``warc`` / ``sidecar`` from the name, or ``None``."""
    name = path.name.lower()
    if name.endswith(SIDECAR_SUFFIX):
        return "sidecar"
    if name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
        return "warc"
    base = name.removesuffix(".gz")
    if base.endswith(TEXT_SUFFIXES):
        return "text"
    if base.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if base.endswith((".html", ".htm", ".xhtml")):
        return "html"
    return None


def walk_paths(paths: list[Path]) -> Iterator[tuple[Path, str | None]]:
    """Every file under ``paths`` as ``(path, problem)``; directories are walked in sorted
    order, hidden entries and sidecars skipped, symlink loops visited once."""
    seen_dirs: set[tuple[int, int]] = set()
    for path in paths:
        kind = _classify(path)
        if kind == "dir":
            yield from _walk_dir(path, seen_dirs)
        else:
            yield path, None if kind == "file" else kind


def _classify(path: Path) -> str:
    """``"dir"``, ``"file"``, or the problem that keeps ``path`` from being read."""
    try:
        info = path.stat()
    except OSError as err:
        problem = "broken symbolic link" if path.is_symlink() else describe_os_error(err)
        return f"cannot read: {problem}"
    if stat.S_ISDIR(info.st_mode):
        return "dir"
    if stat.S_ISREG(info.st_mode):
        return "file"
    return "not a regular file (device, socket or pipe)"


def _walk_dir(root: Path, seen: set[tuple[int, int]]) -> Iterator[tuple[Path, str | None]]:
    try:
        info = root.stat()
    except OSError as err:
        yield root, f"cannot read directory: {describe_os_error(err)}"
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        log.info("skipped %s: directory already visited (symbolic link loop)", root)
        return
    seen.add(key)
    try:
        names = sorted(os.listdir(root))
    except OSError as err:
        yield root, f"cannot read directory: {describe_os_error(err)}"
        return
    for name in names:
        if name.startswith("."):
            continue
        child = root / name
        kind = _classify(child)
        if kind == "dir":
            yield from _walk_dir(child, seen)
        elif kind == "file":
            if file_kind(child) != "sidecar":
                yield child, None
        else:
            yield child, kind


def find_sidecar(path: Path) -> Path | None:
    """``NAME.meta.json`` (or ``NAME.txt.meta.json``) beside ``NAME.txt``."""
    stem = path.name.removesuffix(".gz")
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    for candidate in (path.with_name(stem + SIDECAR_SUFFIX), Path(str(path) + SIDECAR_SUFFIX)):
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path) -> tuple[dict[str, str], list[str]]:
    """Metadata from the sidecar of ``path`` and warnings; a broken sidecar is a warning,
    not a rejection, so the article still counts."""
    sidecar = find_sidecar(path)
    if sidecar is None:
        return {}, []
    try:
        raw = sidecar.read_bytes()
        if len(raw) > 1_000_000:
            return {}, [f"sidecar {sidecar.name} ignored: larger than 1 MB"]
        data = json.loads(raw.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as err:
        return {}, [f"sidecar {sidecar.name} ignored: not readable JSON ({err})"]
    if not isinstance(data, dict):
        return {}, [f"sidecar {sidecar.name} ignored: expected a JSON object"]
    fields: dict[str, str] = {}
    warnings: list[str] = []
    for key in META_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            fields[key] = value.strip()
        else:
            warnings.append(
                f"sidecar {sidecar.name}: {key!r} ignored, expected a string, "
                f"got {type(value).__name__}"
            )
    return fields, warnings


def split_title(text: str, markdown: bool = False) -> tuple[str | None, str]:
    """``(title, body)``: the first non-blank line and everything after it."""
    stripped = text.lstrip()
    head, _, body = stripped.partition("\n")
    title = head.strip()
    if markdown:
        title = title.lstrip("#").strip()
    return title or None, body.strip()


def read_text_file(
    path: Path, meta: Mapping[str, str], limits: IngestLimits, today: date
) -> ReadResult:
    """One ``.txt`` / ``.text`` / ``.md`` article; metadata: first line < sidecar < ``meta``."""
    name = str(path)
    data = read_file_bytes(path, limits)
    if not data:
        raise InputError("empty file")
    text, warning = decode_bytes(data)
    text = normalize_newlines(text)
    if not text.strip():
        raise InputError("file is only whitespace")
    title, body = split_title(text, markdown=path.name.lower().removesuffix(".gz").endswith(".md"))
    if not body:
        raise InputError("no body: the file has only a title line (title on line 1, text after)")
    check_text(body, limits, "body")
    fields, warnings = read_sidecar(path)
    merged: dict[str, str | None] = {"title": title, **fields, **meta}
    return build_article(
        name, body, merged, today, warnings=([warning] if warning else []) + warnings
    )
