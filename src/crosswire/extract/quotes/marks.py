"""Find quoted passages from quotation marks alone (no parse).

Handles curly and straight double quotes, doubled ``''``/``````, multi-paragraph quotes (a
paragraph that opens a quote and leaves it open continues when the next paragraph reopens it,
or when that paragraph's first mark closes it: words run on over a line break), and
single-quoted passages outside double quotes. Unbalanced marks are dropped, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_D = "\u201c\u201e\u00ab"
CLOSE_D = "\u201d\u00bb"
_DOUBLE = re.compile(r"``|''|[\"\u201c\u201d\u201e\u00ab\u00bb]")
# an opening single mark before a word, or before an ellipsis that cuts the words ("'... we")
_SINGLE_OPEN = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013]))['\u2018](?=[\w\u2019']|\.\.\. ?\w|\u2026 ?\w)", re.M)
# a closing single mark after the words, or after a double mark that closes words recalled
# inside them ("I said, \"Please don't.\"'")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?\u2014\"\u201d-])['\u2019](?![\w])")
_PARA = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True, slots=True)
class Marked:
    """One quoted passage: content offsets (inside the marks) and the marks' outer offsets."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    single: bool = False


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PARA.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if e > s]


def _is_opening(text: str, i: int, mark: str) -> bool:
    """Whether a mark where no quote is open opens one: an opening mark, a straight one
    before its words, or a closing mark typed in place of an opening one (after a space,
    right before a word: 'appreciates her ”willingness to ...”')."""
    if mark in OPEN_D or mark == "``":
        return True
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark in CLOSE_D:
        return (before.isspace() or before in "([") and after.isalnum()
    if before.isspace() or before in "([{\u2014\u2013-:/":
        return True
    if after.isspace() or after in ".,;:!?)]}":
        return False
    return not before.isalnum()


def _spaced_close(text: str, i: int, mark: str) -> bool:
    """Whether a straight mark set off by a space after the words' last stop closes them, as
    some feeds space it: ', "said Captain Marr', '... the new season. "' at a line's end.
    (After a stop, a mark before a capital opens: 'she said, "We turned back."'.)"""
    after = text[i + len(mark) : i + len(mark) + 1]
    return (mark == '"' and text[max(0, i - 2) : i] in (", ", ". ", "! ", "? ")
            and (not after or after == "\n" or after.islower()))


QUIET_LINES = 2  # lines with no marks an open quote may run on through (one sentence a line)


def _double_spans(text: str) -> list[Marked]:
    out: list[Marked] = []
    open_at: int | None = None  # outer start of the quote in progress
    quiet = 0  # lines with no marks since the quote in progress was left open
    for p_start, p_end in _paragraphs(text):
        para_marks = [(m.start(), m.group()) for m in _DOUBLE.finditer(text, p_start, p_end)]
        continuing = open_at is not None
        skip = 0  # marks of this paragraph already read
        if continuing and not para_marks and quiet < QUIET_LINES:
            # a line with no marks: in a text laid out one sentence a line, the words go on
            # ('"It changed my mood.\nI had to get it out.\n"I think it helped.\nIt made me
            # play harder."'); they are kept only if a later line closes them, or reopens
            # them and leaves them open again (a line that opens and closes words of its own
            # after the quiet ones is a new quote: the one left open is dropped below)
            quiet += 1
            continue
        reopens = bool(para_marks) and para_marks[0][0] == _first_char(text, p_start)
        if continuing and quiet and reopens and len(para_marks) % 2 == 0:
            reopens = False  # (opens and closes its own words)
        quiet = 0
        if continuing and not reopens:
            if open_at is not None and para_marks and (
                    not _is_opening(text, *para_marks[0])
                    or _spaced_close(text, *para_marks[0])):  # fmt: skip
                # the line's first mark closes: the words ran on over the line break ('"We
                # lost two pumps.\nIf the last fails, we flood," said Orrey.')
                i, mark = para_marks[0]
                out.append(_marked(text, open_at, i + len(mark)))
                skip = 1
            open_at = None  # else the quote left open never closed: drop it
            continuing = False
        depth_open = open_at
        for k, (i, mark) in enumerate(para_marks):
            if k < skip or (continuing and k == 0):
                continue  # a mark read above, or the re-opening mark of a continued paragraph
            if depth_open is None:
                if _is_opening(text, i, mark) or mark not in CLOSE_D:
                    depth_open = i
                continue
            if mark in OPEN_D or mark == "``":
                depth_open = i  # a new opening before any closing: restart there
                continue
            out.append(_marked(text, depth_open, i + len(mark)))
            depth_open = None
        open_at = depth_open
    return [m for m in out if m.end > m.start]


def _mark_len(text: str, i: int, closing: bool = False) -> int:
    if closing:
        return 2 if text[i : i + 2] == "''" and _DOUBLE.match(text, i) else 1
    return 2 if text[i : i + 2] in ("``", "''") else 1


def _first_char(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _marked(text: str, outer_start: int, outer_end: int, single: bool = False) -> Marked:
    start = outer_start + _mark_len(text, outer_start)
    end = outer_end - (1 if single else _mark_len(text, outer_end - 2, closing=True))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Marked(start, end, outer_start, outer_end, single)


def _single_spans(text: str, taken: list[Marked]) -> list[Marked]:
    """Single-quoted passages outside double quotes; like double ones, a passage a paragraph
    leaves open goes on when the next paragraph opens with a single mark."""
    inside = [(m.outer_start, m.outer_end) for m in taken]
    out = []
    open_at: int | None = None  # outer start of a passage a paragraph left open
    for p_start, p_end in _paragraphs(text):
        pos = p_start
        if open_at is not None:
            o = _SINGLE_OPEN.match(text, _first_char(text, p_start))
            if o is None:
                open_at = None  # left open and never reopened: dropped
            else:
                pos = o.end()
        while True:
            if open_at is None:
                o = _SINGLE_OPEN.search(text, pos, p_end)
                if not o:
                    break
                start, pos = o.start(), o.end() + 1
            else:
                start = open_at
            c = _SINGLE_CLOSE.search(text, pos, p_end)
            if not c:
                open_at = start  # open at the paragraph's end: it may go on
                break
            open_at, e = None, c.end()
            if not any(a <= start < b for a, b in inside) and len(text[start:e].split()) >= 2:
                out.append(_marked(text, start, e, single=True))
            pos = e
    return out


def find_marked(text: str) -> list[Marked]:
    """Quoted passages in reading order."""
    doubles = _double_spans(text)
    singles = _single_spans(text, doubles)
    return sorted(doubles + singles, key=lambda m: m.start)
