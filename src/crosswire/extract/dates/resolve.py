"""Calendar arithmetic for the time normalizer: ISO values from a reference date.

Granularities are ``day`` (YYYY-MM-DD), ``week`` (YYYY-Www), ``month`` (YYYY-MM), ``year``
(YYYY) and ``decade`` (YYYX). Nothing here reads a clock: the reference is always passed in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

Tense = str | None  # "past" | "future" | "present" | None


def parse_published(published: str | None) -> date | None:
    """The publication date of an ISO date/datetime string, or None when absent/invalid."""
    if not published:
        return None
    text = published.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def published_minutes(published: str | None) -> int | None:
    """The minute of the day a report went out (0-1439), when its timestamp gives one. A
    timestamp of exactly midnight is read as a date alone: feeds write "T00:00:00" for
    reports they only know the day of."""
    text = (published or "").strip()
    if len(text) <= 10:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    minutes = moment.hour * 60 + moment.minute
    return minutes if minutes or moment.second else None


def iso_day(d: date) -> str:
    return d.isoformat()


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def iso_month(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def fmt(d: date, granularity: str) -> str:
    """``d`` written at ``granularity``."""
    if granularity == "day":
        return iso_day(d)
    if granularity == "week":
        return iso_week(d)
    if granularity == "month":
        return iso_month(d)
    if granularity == "year":
        return f"{d.year:04d}"
    if granularity == "decade":
        return f"{d.year // 10:03d}X"
    if granularity == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(f"unknown granularity {granularity!r}")


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year = d.year + y
    if not 1 <= year <= 9999:
        raise OverflowError("year out of range")
    day = min(d.day, [31, 29 if _leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m])
    return date(year, m + 1, day)


def _leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (day, week, weekend, month, quarter, year, decade, century)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(d, 3 * n)
    if unit == "year":
        return add_months(d, 12 * n)
    if unit == "decade":
        return add_months(d, 120 * n)
    if unit == "century":
        return add_months(d, 1200 * n)
    raise ValueError(f"cannot shift by {unit!r}")


def unit_granularity(unit: str) -> str:
    return {"weekend": "week", "quarter": "month"}.get(unit, unit)


def resolve_weekday(ref: date, weekday: int, direction: str) -> date:
    """The ``weekday`` (1=Mon) nearest ``ref`` in ``direction``.

    ``past``/``future`` include ``ref`` itself (a same-day weekday is the reference day);
    ``last``/``next`` exclude it ("last Friday" said on a Friday is a week back).
    """
    delta = weekday - ref.isoweekday()
    if direction in ("past", "last"):
        back = (-delta) % 7
        if back == 0 and direction == "last":
            back = 7
        return ref - timedelta(days=back)
    fwd = delta % 7
    if fwd == 0 and direction == "next":
        fwd = 7
    return ref + timedelta(days=fwd)


def resolve_month_day(ref: date, month: int, day: int, tense: Tense) -> date | None:
    """Month/day without a year: the occurrence nearest ``ref`` (past/future per tense)."""

    def on(year: int) -> date:
        return date(year, month, day)

    return pick_year(ref, on, tense)


def pick_year(ref: date, on: Callable[[int], date], tense: Tense) -> date | None:
    """The occurrence ``on(year)`` for ``ref``: one within two weeks of it if there is one;
    else the last one before it for past tense, the next one after it for future tense;
    else the nearest."""
    options = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append(on(year))
        except ValueError:
            continue
    if not options:
        return None
    nearest = min(options, key=lambda o: (abs((o - ref).days), o > ref))
    if abs((nearest - ref).days) <= 14:
        return nearest  # within two weeks: closeness beats a (noisy) tense reading
    if tense == "past":
        past = [o for o in options if o <= ref]
        if past and (ref - past[-1]).days <= 366:
            return past[-1]
    if tense == "future":
        future = [o for o in options if o >= ref]
        if future and (future[0] - ref).days <= 366:
            return future[0]
    return nearest


def split_year(year: int, two: int) -> bool:
    """Whether ``two`` is the last two digits of the year after ``year``: "2010-11",
    "1998/99", a season or a fiscal year named by the year it starts in."""
    return two == (year + 1) % 100


def resolve_month(ref: date, month: int, tense: Tense, firm: bool = False) -> str:
    """A month name without a year: YYYY-MM of the nearest such month (past/future per tense).
    ``firm``: the past is certain ("last December", "dismissed it in December"), so even the
    month after ``ref``'s is the one a year before: a past happening is never after its
    report."""
    year = ref.year
    diff = month - ref.month
    if diff == 1 and tense == "past" and firm:
        year -= 1
    elif abs(diff) <= 1:
        pass  # this, last or next month: closeness beats a (noisy) tense reading
    elif tense == "past" and diff > 0:
        year -= 1
    elif tense == "future" and diff < 0:
        year += 1
    elif tense not in ("past", "future"):
        if diff > 6:
            year -= 1
        elif diff < -6:
            year += 1
    return f"{year:04d}-{month:02d}"


def covering(a: date, b: date) -> str | None:
    """The finest ISO value covering both dates (day, week, month, year), or None."""
    if a == b:
        return iso_day(a)
    if a.isocalendar()[:2] == b.isocalendar()[:2]:
        return iso_week(a)
    if (a.year, a.month) == (b.year, b.month):
        return iso_month(a)
    if a.year == b.year:
        return f"{a.year:04d}"
    return None


_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR_VALUE = re.compile(r"^(\d{4})$")


def value_to_date(value: str | None) -> tuple[date, str] | None:
    """A (representative date, granularity) for an ISO value, for relative arithmetic."""
    if not value:
        return None
    try:
        if m := _DAY_VALUE.match(value):
            return date(int(m[1]), int(m[2]), int(m[3])), "day"
        if m := _WEEK_VALUE.match(value):
            return date.fromisocalendar(int(m[1]), int(m[2]), 1), "week"
        if m := _MONTH_VALUE.match(value):
            return date(int(m[1]), int(m[2]), 1), "month"
        if m := _YEAR_VALUE.match(value):
            return date(int(m[1]), 1, 1), "year"
    except ValueError:
        return None
    return None


def day_of(value: str | None) -> date | None:
    """The day an ISO value names, when it names one ("2026-03-11", "2026-03-11T18:00"), not
    a week, a month or a year."""
    found = value_to_date(value)
    return found[0] if found is not None and found[1] == "day" else None


def nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    """The ``n``-th ``wd`` (1=Mon) of a month; ``n`` < 0 counts from its end (-1: the last)."""
    return _nth_weekday(y, month, wd, n)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    first = date(y, month, 1)
    d = first + timedelta(days=(wd - first.isoweekday()) % 7)
    if n > 0:
        return d + timedelta(weeks=n - 1)
    last = date(y, month + 1, 1) - timedelta(days=1) if month < 12 else date(y, 12, 31)
    return last - timedelta(days=(last.isoweekday() - wd) % 7)


def _easter(y: int) -> date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return date(y, month, (h + l_ - 7 * m + 114) % 31 + 1)


def holiday_date(name: str, y: int) -> date:
    """The date of a named holiday (lower case, e.g. "thanksgiving day") in year ``y``."""
    fixed = {
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "christmas eve": (12, 24),
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "new year's": (1, 1),
        "independence day": (7, 4),
        "valentine's day": (2, 14),
        "halloween": (10, 31),
    }
    if name in fixed:
        return date(y, *fixed[name])
    if name.startswith("thanksgiving"):
        return _nth_weekday(y, 11, 4, 4)
    if name == "election day":
        return _nth_weekday(y, 11, 1, 1) + timedelta(days=1)
    if name == "labor day":
        return _nth_weekday(y, 9, 1, 1)
    if name == "memorial day":
        return _nth_weekday(y, 5, 1, -1)
    return _easter(y)
