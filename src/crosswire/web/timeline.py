"""Geometry of the story timeline drawn as inline SVG (no script, no inline style)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

WIDTH, LEFT, RIGHT, AXIS_Y, STEP = 640, 40, 600, 40, 16


@dataclass(frozen=True, slots=True)
class Dot:
    index: int  # 1-based number shown in the dot and in the list below the chart
    x: int
    y: int
    date: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    axis_y: int
    left: int
    right: int
    dots: tuple[Dot, ...]
    first: str
    last: str


def parse_date(value: str | None) -> dt.date | None:
    """The first day of an ISO date, month or year; None for anything else."""
    m = _ISO.match(value or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


def timeline_chart(entries: Sequence[Mapping[str, Any]]) -> Chart | None:
    """Dots on a proportional date axis, one per dated entry; None when nothing is dated.

    Entries on the same day stack upwards so none hides another.
    """
    dated = [(i, parse_date(e.get("date")), e.get("date")) for i, e in enumerate(entries, 1)]
    points = [(i, d, raw) for i, d, raw in dated if d is not None]
    if not points:
        return None
    lo, first = min((d, str(raw)) for _, d, raw in points)
    hi, last = max((d, str(raw)) for _, d, raw in points)
    span = (hi - lo).days
    dots = []
    seen: dict[int, int] = {}
    for index, day, raw in points:
        share = 0.5 if span == 0 else (day - lo).days / span
        x = LEFT + round(share * (RIGHT - LEFT))
        level = seen.get(x, 0)
        seen[x] = level + 1
        dots.append(Dot(index, x, AXIS_Y - level * STEP, str(raw)))
    height = AXIS_Y + 30
    top = min(d.y for d in dots) - 14
    if top < 0:  # shift everything down so stacked dots stay inside the box
        dots = [Dot(d.index, d.x, d.y - top, d.date) for d in dots]
        height -= top
    return Chart(WIDTH, height, AXIS_Y - min(top, 0), LEFT, RIGHT, tuple(dots),
                 first, last)
