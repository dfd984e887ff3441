"""Dates as a reader reads them: a TIMEX value or an ISO date in words, never the code
("Friday 13 March 2026", "November", "the week of Monday 3 March 2025", "2 hours"). One owner
for the brief's statements and the rendered pages.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

WEEKDAYS = tuple(calendar.day_name)  # Monday .. Sunday
MONTHS = tuple(calendar.month_name)  # "", January .. December

_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_TIME_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night",
                "DT": "daytime", "MI": "midday"}
_ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth"}
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second"}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:[T ](.+))?")
UNKNOWN_DATE = "date not known"


def _clock_words(part: str | None) -> str:
    """``21:40`` -> "9:40 p.m.", ``NI`` -> "night", ``24:00`` -> "midnight"."""
    if not part:
        return ""
    if part[:2] in _TIME_OF_DAY:
        return _TIME_OF_DAY[part[:2]]
    m = re.match(r"(\d\d):(\d\d)", part)
    if not m:
        return ""
    h, mi = int(m[1]), int(m[2])
    if (h, mi) in ((0, 0), (24, 0)):
        return "midnight"
    if (h, mi) == (12, 0):
        return "noon"
    if h > 24 or mi > 59:
        return ""
    suffix = "a.m." if h % 24 < 12 else "p.m."
    h12 = h % 12 or 12
    return f"{h12}:{mi:02d} {suffix}" if mi else f"{h12} {suffix}"


def _duration_words(value: str) -> str | None:
    """``PT2H`` -> "2 hours", ``P1DT12H`` -> "1 day 12 hours", ``PXY`` -> "years"."""
    m = re.fullmatch(r"P((?:[\dX.]+[YMWD])*)(?:T((?:[\dX.]+[HMS])+))?", value)
    if not m or not (m[1] or m[2]):
        return None
    parts = []
    for chunk, in_time in ((m[1] or "", False), (m[2] or "", True)):
        for n, unit in re.findall(r"([\dX.]+)([YMWDHS])", chunk):
            name = "minute" if in_time and unit == "M" else _UNITS[unit]
            if "X" in n:
                parts.append(name + "s")
            else:
                num = float(n)
                shown = f"{num:g}"
                parts.append(f"{shown} {name}{'' if num == 1 else 's'}")
    return " ".join(parts)


def date_words(value: str) -> str:
    """A TIMEX value as a reader reads it: ``2026-03-13`` -> "Friday 13 March 2026",
    ``2026-03`` -> "March 2026", ``XXXX-WXX-5`` -> "Friday", ``XXXX-11`` -> "November" (no
    year known), ``2025-W10`` -> "the week of Monday 3 March 2025", ``2026-SU`` -> "summer
    2026", ``2026-Q1`` -> "the first quarter of 2026", ``203X`` -> "the 2030s", ``1968`` ->
    "1968"; "" for a code no reader could read ("PRESENT_REF", "P3D"), which is never shown
    (``when_words`` reads those too)."""
    if m := re.fullmatch(r"XXXX-WXX-([1-7])", value):
        return WEEKDAYS[int(m[1]) - 1]
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value[:10]):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        try:
            wd = WEEKDAYS[calendar.weekday(y, mo, d)]
        except ValueError:
            return ""
        return f"{wd} {d} {MONTHS[mo]} {y}"
    m = re.fullmatch(r"(\d{4}|XXXX)-(\d\d)(?:-(\d\d))?", value[:10])
    if m and 1 <= int(m[2]) <= 12:
        month = MONTHS[int(m[2])]
        day = f"{int(m[3])} " if m[3] else ""
        return f"{day}{month}" + (f" {m[1]}" if m[1] != "XXXX" else "")
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        try:
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 6 if m[3] else 1)
        except ValueError:
            return ""
        what = "the weekend of" if m[3] else "the week of"
        return f"{what} {date_words(monday.isoformat())}"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return f"{_SEASONS[m[2]]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"the {_ORDINAL[int(m[2])]} quarter of {m[1]}"
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        return f"the {_ORDINAL[int(m[2])]} half of {m[1]}"
    if m := re.fullmatch(r"(\d{3})X?", value):
        return f"the {m[1]}0s"
    if re.fullmatch(r"\d{4}", value):
        return value
    return ""


def when_words(value: Any) -> str:
    """An ISO date or TIMEX value as a reader reads it; never the code itself: what
    ``date_words`` reads, and ``2025-03-06TNI`` -> "Thursday 6 March 2025, night", ``PT1M``
    -> "1 minute", ``PRESENT_REF`` -> "now", ``XXXX-WXX-WE`` -> "weekends", anything
    unreadable -> "date not known"."""
    if not isinstance(value, str) or not value.strip():
        return UNKNOWN_DATE
    v = value.strip()
    if v in _REFS:
        return _REFS[v]
    if m := _DAY.fullmatch(v):
        day = date_words(f"{m[1]}-{m[2]}-{m[3]}")
        if not day:
            return UNKNOWN_DATE
        clock = _clock_words(m[4])
        return f"{day}, {clock}" if clock else day
    if v == "XXXX-WXX-WE":
        return "weekends"
    return date_words(v) or _duration_words(v) or UNKNOWN_DATE


def resolved_words(text: str, value: Any) -> str:
    """What a time expression as written resolves to, in words: "6 p.m." with
    ``2025-03-06T18:00`` -> "Thursday 6 March 2025" (the clock is already in the words)."""
    if not isinstance(value, str) or not value.strip():
        return "not resolved"
    if m := _DAY.fullmatch(value.strip()):
        return when_words(f"{m[1]}-{m[2]}-{m[3]}")
    if _duration_words(value.strip()):
        return "a length of time, not a date"
    return when_words(value)


__all__ = ["MONTHS", "UNKNOWN_DATE", "WEEKDAYS", "date_words", "resolved_words", "when_words"]
