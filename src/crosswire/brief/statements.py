"""Plain statements a reader sees for claims: "12 people were injured", "the footbridge
collapsed on Friday 13 March 2026", and for a disagreement the question outlets answer
differently ("How many people were injured"). Never a key, an id or a TIMEX code.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence

from ..extract.numbers import VAGUE
from ..records import Claim

WEEKDAYS = tuple(calendar.day_name)  # Monday .. Sunday
MONTHS = tuple(calendar.month_name)  # "", January .. December


def date_words(value: str) -> str:
    """``2026-03-13`` -> "Friday 13 March 2026", ``2026-03`` -> "March 2026", ``XXXX-WXX-5``
    -> "Friday", ``1968`` -> "1968"."""
    if m := re.fullmatch(r"XXXX-WXX-([1-7])", value):
        return WEEKDAYS[int(m[1]) - 1]
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value[:10]):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        try:
            wd = WEEKDAYS[calendar.weekday(y, mo, d)]
        except ValueError:
            return value
        return f"{wd} {d} {MONTHS[mo]} {y}"
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        return f"{MONTHS[int(m[2])]} {m[1]}"
    return value


def number_words(x: float) -> str:
    """A number as a reader reads it: "1,200", "0.75"."""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def range_words(low: float | None, high: float | None) -> str:
    """A range as a reader reads it: "200–999", "6+", "up to 3", "48" when both ends agree
    ("?" for an end that is not a number)."""

    def num(x: float | None) -> str:
        return number_words(x) if isinstance(x, (int, float)) else "?"

    if high is None and low is not None:
        return f"{num(low)}+"
    if low is None and high is not None:
        return f"up to {num(high)}"
    return num(low) if low == high else f"{num(low)}\u2013{num(high)}"


def value_words(c: Claim) -> str:
    """A claim's value as a reader reads it."""
    if c.attribute == "date":
        return date_words(c.value)
    if c.attribute in ("count", "age") and c.low is not None and c.low == c.high:
        if "approx" not in c.qualifiers:
            return number_words(c.low)
    if c.attribute in ("year", "role", "speaker", "name", "place"):
        return c.value
    text = re.sub(r"\s+", " ", c.text.strip())
    return text[:1].lower() + text[1:] if text[:2].istitle() or text[:1].isupper() else text


# an hour said without its day ("midnight", "10 p.m."): the day a resolver gave it is only
# inferred, so it is never put beside it
_CLOCK = re.compile(r"\b(?:midnight|noon|midday)\b|\d(?::\d\d)?\s?[ap]\.?\s?m\b", re.IGNORECASE)
_DAY_WORDS = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|tomorrow)\b",
    re.IGNORECASE)


def written_words(c: Claim) -> str:
    """The value as the sentence writes it ("early Wednesday", "two", "midnight"), a date
    with its resolved day or month in words beside it unless the words already say it:
    "early Wednesday (12 June 2030)", "next month (July 2030)", "March 4"."""
    text = " ".join(c.text.split())
    if c.attribute != "date" or not re.match(r"\d{4}-\d\d", c.value):
        return text
    if _CLOCK.search(text) and not _DAY_WORDS.search(text):
        return text  # "shortly before midnight": an hour, its day only inferred
    words = date_words(c.value)
    if words == c.value:
        return text
    low = text.casefold()
    month = words.split()[-2].casefold()
    if month in low and (len(c.value) == 7 or re.search(r"\d", text)):
        return text  # "March 4", "in March": the words say the day or the month
    if words.split()[0].casefold() in low and len(c.value) >= 10:
        words = words.split(" ", 1)[1]  # "early Wednesday (12 June 2030)"
    return f"{text} ({words})"


def _sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:]


def _people(c: Claim) -> str:
    return c.subject or "people"


def statement(c: Claim, value: str | None = None) -> str:
    """The plain sentence for ``c`` (with ``value`` in place of its own, when given)."""
    v = value if value is not None else value_words(c)
    subj, pred = c.subject, c.predicate
    a = c.attribute
    if "{}" in pred:  # a claim shown in its sentence's words: its value as written there
        return _sentence(pred.replace("{}", written_words(c), 1))
    if a == "count":
        plural_word = v.casefold() in VAGUE and v.endswith("s")  # "hundreds of people"
        v = f"{v} of" if c.subject and plural_word else v
        counted = f"{v} {c.subject}".strip()
        if "object" in c.qualifiers:
            return _sentence(f"{pred} {counted}")
        return _sentence(f"{counted} {pred}" if pred else counted)
    if a == "age":
        return _sentence(f"{subj} is {v}")
    if a == "date":
        on = "in" if re.fullmatch(r"\d{4}(-\d\d)?", c.value) else "on"
        return _sentence(f"{subj} {pred} {on} {v}" if pred else f"{subj}: {v}")
    if a == "time":
        return _sentence(f"{subj} {pred} at {v}" if pred else f"{subj} at {v}")
    if a == "year":
        return _sentence(f"{subj} {pred} in {v}")
    if a == "amount":
        return _sentence(f"{subj} {pred}: {v}" if pred else f"{subj}: {v}")
    if a == "measure":
        return _sentence(f"{subj}: {v}")
    if a == "role":
        return _sentence(f"{subj}: {v}")
    if a == "speaker":
        return _sentence(f"{v} said \u201c{subj}\u2026\u201d")
    if a == "name":
        return _sentence(f"The name is written {v}")
    return _sentence(f"{subj} {pred} {v}")


def question(c: Claim) -> str:
    """What outlets answer differently when they disagree about ``c``'s value."""
    subj, pred = c.subject, c.predicate
    a = c.attribute
    if "{}" in pred:
        return _sentence(pred.replace("{}", "\u2026", 1))
    if a == "count":
        return _sentence(f"How many {c.subject or 'people'} {pred}".rstrip())
    if a == "age":
        return _sentence(f"Age of {subj}" + (f" who {pred}" if pred else ""))
    if a in ("date", "year"):
        return _sentence(f"When {subj} {pred}".rstrip() if pred else f"Date of {subj}")
    if a == "time":
        return _sentence(f"What time {subj} {pred}".rstrip() if pred else f"Time of {subj}")
    if a == "amount":
        return _sentence(f"How much: {subj} {pred}".rstrip())
    if a == "measure":
        return _sentence(f"Size of {subj}")
    if a == "role":
        return _sentence(f"What {subj} is called")
    if a == "speaker":
        return _sentence(f"Who said \u201c{subj}\u2026\u201d")
    if a == "name":
        return _sentence(f"How {subj}'s name is spelled")
    if a == "place":  # predicate "landed in": "Where the missile landed"
        return _sentence(f"Where {subj} {pred.rsplit(' ', 1)[0]}")
    return _sentence(f"{subj} {pred}")


def pick(claims: Sequence[Claim]) -> Claim:
    """The claim whose wording stands for a group: the most common subject and predicate."""
    from collections import Counter

    counts = Counter((c.subject, c.predicate) for c in claims)
    best = max(sorted(counts), key=lambda k: (counts[k], bool(k[0]), bool(k[1])))
    return next(c for c in claims if (c.subject, c.predicate) == best)


__all__ = ["date_words", "number_words", "pick", "question", "range_words", "statement",
           "value_words", "written_words"]
