"""Numbers written in digits or words, shared by the time tagger, the number extractor
and the brief: ``parse_number`` turns "twenty-five", "3.5 million", "1,200" or "two
dozen" into a float; ``NUMBER_WORDS`` and ``DIGITS`` are the patterns that find them."""

from __future__ import annotations

import re

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip

_WORD_NUM = "|".join(sorted([*ONES, *TENS], key=len, reverse=True))
# a cardinal written in words: "twenty-five", "one hundred", "a dozen", "two dozen"
NUMBER_WORDS = (
    rf"(?:(?:{_WORD_NUM})(?:[- ](?:{_WORD_NUM}))?"
    r"(?: (?:hundred|thousand|million|billion)(?: and)?(?: (?:" + _WORD_NUM + r"))?)*"
    r"(?: dozen)?|a dozen|a hundred|a thousand)"
)
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"

_TOKEN = re.compile(r"[a-z]+|\d[\d,]*(?:\.\d+)?")


def parse_number(text: str) -> float | None:
    """The value of a cardinal in digits and/or words, or None when it is not one."""
    words = _TOKEN.findall(text.lower().replace("-", " "))
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w[0].isdigit():
            try:
                current += float(w.replace(",", ""))
            except ValueError:
                return None
        elif w in ONES:
            current += ONES[w]
        elif w in TENS:
            current += TENS[w]
        elif w in ("a", "an"):
            current += 1
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        elif w == "and":
            continue
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current


_ORDINAL_DIGITS = re.compile(r"(\d{1,4})(?:st|nd|rd|th)")


def parse_ordinal(text: str) -> int | None:
    """The value of an ordinal ("15th", "third", "twenty-first"), or None when it is not
    one ("last" and "final" say no number)."""
    text = text.strip().lower()
    if (m := _ORDINAL_DIGITS.fullmatch(text)) is not None:
        return int(m[1])
    return ORDINALS.get(text.replace("-", " "))  # ("twenty-first" is "twenty first")
