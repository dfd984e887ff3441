"""Word lists of the time tagger: months, weekdays, parts of the day, seasons and time
units (numbers written in words are ``extract/numerals.py``)."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}  # fmt: skip

PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

# TimeML unit letters: (designator, is_time_part)
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "weekend": ("WE", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False),
}  # fmt: skip

YEAR = r"(?:1[89]\d\d|20\d\d)"  # a year a claim or a name may give (not "Local 1187")
YEAR_RE = re.compile(YEAR)
