"""Helpers the benchmarks share: where the real data is, result files, memory."""

from __future__ import annotations

import json
import os
import platform
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("CROSSWIRE_SHARED_DATA", ROOT.parent / "shared" / "data"))


def shared(*parts: str) -> Path:
    """A path under ../shared/data, or exit with a clear message (benchmarks need real data)."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        sys.exit(f"real data not found at {path}; set CROSSWIRE_SHARED_DATA to its folder")
    return path


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
                if limit and len(rows) >= limit:
                    break
    return rows


def parse_key(nlp: Any) -> str:
    """What a cached parse depends on: the model (name, version, pipes) and crosswire's own
    pipeline code (``crosswire.nlp``: sentence starts at line breaks and datelines, none at
    letters lost to question marks, the apostrophes the tokenizer reads straight). A cache
    kept under this key is never read by a pipeline that would parse differently (a cache
    keyed by data set alone gave the clustering bench parses from an older pipeline)."""
    import hashlib

    from crosswire.nlp import pipeline_code

    meta = nlp.meta
    own = hashlib.blake2b(pipeline_code().encode(), digest_size=4).hexdigest()
    name = f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
    return f"{name}-{'+'.join(nlp.pipe_names)}-{own}"


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_rss_mb() -> float:
    """Peak resident memory of the largest child process ended so far (extraction workers);
    pages a forked worker shares with its parent count in both."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def write_result(path: str | Path, name: str, data: dict[str, Any]) -> None:
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = {"benchmark": name, "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
           "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                       "platform": platform.platform()}, **data}
    out.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n")
    print(f"wrote {out}")
