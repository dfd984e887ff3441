"""Contradiction detection with planted contradictions on real multi-outlet clusters.

    python bench/bench_conflicts.py [--split newsclust_dev ...] [--max-per-kind 25] [--full]

Data: the gold clusters of newsclust dev (``cluster``; ``source`` and ``published`` given) and
ECB+ train and dev (``subtopic`` = one concrete story; each ECB+ document gets its own fake
outlet ``ecb-<id>`` so it counts as an independent source; ``published`` stays null), read
from ../shared/data at run time. Within a cluster, near copies are dropped the way ingest
drops them (crosswire's ``Deduper`` with the default settings), so the rest are originals.

Candidates are found with this file's own regular expressions, not crosswire's extractors
(so the benchmark does not favour what the tool already reads): a value that two articles of
different outlets in one gold cluster both state, of six kinds: ``age`` ("34-year-old",
"Smith, 34,", "aged 34"), ``count`` (a number or number word right before the same noun),
``weekday``, ``time`` (clock time), ``year`` (after "in", "since", ...) and ``money``. A pair
counts only when the context agrees: the same named person for ages, otherwise the same key
(noun, preposition, currency) and shared content words around both mentions.

Plant: the value is changed in ONE article (age +7, count x3, weekday +3 days, clock time
+-3 hours, year -10, money x3); the text is otherwise byte-identical. The story JSON of the
cluster (extract -> link -> compose_brief -> story_to_dict, only that cluster's articles,
the changed article re-extracted) must then show a conflict with one variant citing the
changed span and another citing the partner's original mention: ``found``. Conflicts not in
the untouched brief of the cluster (same slot and same values, or same cited spans) that do
not cite the changed span are ``false alarms``. A new conflict citing the change but not the
partner counts as ``partial`` (neither found nor a false alarm). Of those, a conflict whose
other side states, in another article, the very (slot, value) the untouched brief read at the
changed span shows the plant against another outlet's copy of the fact: ``found_any_copy``
counts them with ``found``, a second recall beside the strict one (a cluster often has more
copies of a fact than the one partner the candidate finder picked).

Reword: the value is rewritten with the same meaning ("three" -> "3", "5:30 p.m." ->
"5:30 pm", "Friday" -> "Friday, January 5" through the publication date, "$5 million" ->
"$5,000,000", "Smith, 34," -> "Smith, aged 34,", "in 2008" -> "in the year 2008"); any new
conflict is a false alarm.

Baseline (same texts, same run, same matcher): every number (digits or number word) right
before a word; two articles of different outlets with different numbers before the same word
flag a conflict on that word.

Speed: parses are cached on disk (DocBin per text hash and model, ``--cache``); each text is
extracted once per run; a variant re-parses only the changed article and re-runs link and
brief on its cluster only.

It measures the crosswire it imports. While src/ is being edited, measure the committed code
from a clean checkout (the JSON records the commit and whether src/ had changes):

    git worktree add --detach /tmp/cw-head HEAD
    PYTHONPATH=/tmp/cw-head/src python bench/bench_conflicts.py
    git worktree remove /tmp/cw-head

Outputs: ``bench/results/conflicts.json`` (numbers, ids and offsets only: it is committed)
and, with real-text snippets for debugging, ``bench/results/private/`` (git-ignored):
``conflicts_failures.md``, ``conflicts_untouched.md`` and ``conflicts_details.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from common import SHARED_DATA, parse_key

ROOT = Path(__file__).resolve().parents[1]
try:
    import crosswire  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT / "src"))

SETS = {  # name: (file, gold field)
    "newsclust_dev": ("newsclust/dev.jsonl", "cluster"),
    "ecbplus_train": ("ecbplus/train.jsonl", "subtopic"),
    "ecbplus_dev": ("ecbplus/dev.jsonl", "subtopic"),
}
KINDS = ("age", "count", "weekday", "time", "year", "money")
SEED = 13

# ---------------------------------------------------------------- words

STOP = set("""
a an the and or but of in on at to for from by with as into onto over under after before
about than then that this these those there their they them he she his her hers him its it
we our us you your i me my who whom whose which what when where why how is are was were be
been being has have had do does did will would shall should can could may might must not no
nor so if also just only more most other others such some any all each every both either
neither one ones said says say told tell according while during since until up down out off
very much many few new last next first second year years day days week weeks month months
time times mr mrs ms dr per cent percent people
""".split())
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NOT_NAMES = set(MONTHS) | set(WEEKDAYS) | set("""
The A An He She His Her They Their It Its In On At For From By With After Before When While
But And Or Police Officials Authorities This That These Those There We I You Our Mr Mrs Ms
Dr Sen Rep Gov President Mayor Chief Officer Judge Justice Prime Minister Also According
""".split())
UNIT_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
NUMWORD = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
           r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
           r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
           r"|ten|two|three|four|five|six|seven|eight|nine")
DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
NOT_COUNTED = set("""
year years month months week weeks day days hour hours minute minutes second seconds decade
decades century centuries percent per cent times time million millions billion billions
trillion thousand thousands hundred hundreds dozen dozens more less other others of and or to
in on at the a an were was are is be been had have has who that which than from for with by
as out off up down after before into over under about while when where also but if so its
their his her our feet foot miles mile kilometres kilometers km meters metres inches inch
pounds pound kg kilograms degrees points point goals goal runs yards yard
""".split())
NOT_BEFORE_COUNT = {"no", "number", "flight", "route", "article", "chapter", "page", "section",
                    "room", "highway", "interstate", "bus", "channel", "gate", "platform"}
PLURAL_NOUNS = set("""
people children men women police staff crew personnel cattle sheep fish deer aircraft
""".split())
NAMED_DAYS = {"Black", "Good", "Super", "Ash", "Cyber", "Holy", "Easter", "Maundy", "Giving"}


def number_value(token: str) -> int | None:
    """Integer value of digits ("1,500") or a number word ("three", "Twenty-five")."""
    t = token.lower()
    if re.fullmatch(DIGITS, t):
        return int(t.replace(",", ""))
    if t in UNIT_WORDS:
        return UNIT_WORDS[t]
    if t in TENS:
        return TENS[t]
    if "-" in t:
        tens, _, unit = t.partition("-")
        if tens in TENS and unit in UNIT_WORDS:
            return TENS[tens] + UNIT_WORDS[unit]
    return None


def number_word(n: int) -> str | None:
    """The English word for 0-99 ("twenty-one"), else None."""
    for w, v in UNIT_WORDS.items():
        if v == n:
            return w
    for w, v in TENS.items():
        if v == n:
            return w
        if v < n < v + 10:
            unit = next(u for u, x in UNIT_WORDS.items() if x == n - v)
            return f"{w}-{unit}"
    return None


def same_case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _line_window(text: str, start: int, end: int, width: int = 80) -> tuple[int, int]:
    lo = max(0, start - width)
    hi = min(len(text), end + width)
    nl = text.rfind("\n", lo, start)
    if nl >= 0:
        lo = nl + 1
    nl = text.find("\n", end, hi)
    if nl >= 0:
        hi = nl
    return lo, hi


def _stem(word: str) -> str:
    w = word.lower()
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w


def context_words(text: str, start: int, end: int, width: int = 80) -> frozenset[str]:
    """Content words (lowercase, crude stem) on the same line within ``width`` characters of
    the span, the span itself excluded."""
    lo, hi = _line_window(text, start, end, width)
    words = re.findall(r"[A-Za-z][A-Za-z'-]{2,}", text[lo:start] + " " + text[end:hi])
    out = set()
    for w in words:
        s = _stem(w.strip("'-"))
        if s not in STOP and s.lower() not in {d.lower() for d in WEEKDAYS} and len(s) > 2:
            out.add(s)
    return frozenset(out)


def names_before(text: str, start: int, width: int = 80) -> frozenset[str]:
    """Capitalised words (likely names) on the same line before ``start``."""
    lo, _ = _line_window(text, start, start, width)
    return frozenset(w.lower() for w in re.findall(r"\b[A-Z][a-z]+\b", text[lo:start])
                     if w not in NOT_NAMES)


# ---------------------------------------------------------------- mentions


@dataclass(frozen=True)
class Mention:
    """A stated value: ``text[start:end]`` is what a plant replaces; ``key`` is what two
    articles must share to state the same value; ``subject`` must overlap when not empty
    (ages); ``context`` are the content words around it."""

    kind: str
    start: int
    end: int
    key: str
    form: str = ""
    subject: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()


AGE_YO = re.compile(r"(?<![\w.,$])(\d{1,3})(\s?-\s?)year(\s?-\s?)old\b(?!s)(?:\s+([a-z]+))?")
AGE_COMMA = re.compile(r"\b([A-Z][a-z]+), (\d{1,3}),\s")
AGE_AGED = re.compile(r"\b(aged|age) (\d{1,3})\b(?![.,]\d)")
COUNT_RE = re.compile(
    rf"(?<![\w$£€.,:/#-])({DIGITS}|{NUMWORD})\s+([A-Za-z][a-z]+)\b(?![-'])", re.IGNORECASE)
WEEKDAY_RE = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"(?!,?\s*(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))")
TIME_RE = re.compile(r"(?<![\w:.,$])(\d{1,2})(?::(\d{2}))?(\s?)"
                     r"([ap]\.\s?m\.?|[AP]\.M\.|am|pm|AM|PM)(?!\w)")
YEAR_RE = re.compile(r"\b(in|since|from|until|by|during|before|after|of)\s+"
                     r"(19\d\d|20[0-2]\d|2030)\b(?![-–/]\d|,\d)")
MONEY_RE = re.compile(r"(?<![\w.,])([$£€])(\s?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
                      r"(?:(\s?)(million|billion|trillion|bn|m)\b)?(?![\d,]|\.\s?\d)")
MULT = {"million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, None: 1}


def find_mentions(text: str) -> list[Mention]:
    """Every candidate value of the six kinds in ``text`` (this benchmark's own patterns)."""
    out: list[Mention] = []
    for m in AGE_YO.finditer(text):
        age = int(m.group(1))
        if 1 <= age <= 110:
            noun = {m.group(4)} if m.group(4) and m.group(4) not in STOP else set()
            form = "yo" if m.group(2) == m.group(3) == "-" else "yo_spaced"
            out.append(Mention("age", m.start(1), m.end(1), f"age:{age}", form,
                               names_before(text, m.start()) | noun,
                               context_words(text, m.start(), m.end())))
    for m in AGE_COMMA.finditer(text):
        age = int(m.group(2))
        if m.group(1) not in NOT_NAMES and 1 <= age <= 110:
            out.append(Mention("age", m.start(2), m.end(2), f"age:{age}", "comma",
                               names_before(text, m.start(2)),
                               context_words(text, m.start(2), m.end(2))))
    for m in AGE_AGED.finditer(text):
        age = int(m.group(2))
        if 1 <= age <= 110:
            out.append(Mention("age", m.start(2), m.end(2), f"age:{age}", m.group(1),
                               names_before(text, m.start()),
                               context_words(text, m.start(), m.end())))
    for m in COUNT_RE.finditer(text):
        num, noun = m.group(1), m.group(2).lower()
        value = number_value(num)
        before = text[max(0, m.start() - 20):m.start()]
        prev = re.findall(r"([A-Za-z]+)\W*$", before)
        plural = (noun.endswith("s") and not noun.endswith(("ss", "us"))) or noun in PLURAL_NOUNS
        if (value is None or value < 2 or noun in NOT_COUNTED or noun in STOP or not plural
                or re.search(r"[-–]\s*$", before)  # a score: "13 - 3 halftime lead"
                or (prev and (prev[0].lower() in NOT_BEFORE_COUNT or prev[0] in MONTHS
                              # a model or a name: "AK 47 rifles", "Boeing 737 jets"
                              or (prev[0][0].isupper() and prev[0].lower() not in STOP
                                  and re.search(r"[A-Za-z] +$", before))))
                or (num.isdigit() and len(num) == 4 and 1900 <= value <= 2030)):
            continue
        form = "digits" if num[0].isdigit() else "word"
        out.append(Mention("count", m.start(1), m.end(1), f"count:{value}:{_stem(noun)}", form,
                           frozenset(), context_words(text, m.start(), m.end())))
    for m in WEEKDAY_RE.finditer(text):
        before = re.findall(r"([A-Za-z]+)\s+$", text[max(0, m.start() - 12):m.start()])
        if before and before[0] in NAMED_DAYS:
            continue
        out.append(Mention("weekday", m.start(), m.end(), f"weekday:{m.group(1)}", "",
                           frozenset(), context_words(text, m.start(), m.end())))
    for m in TIME_RE.finditer(text):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if not 1 <= hour <= 12 or minute > 59:
            continue
        pm = m.group(4).lower().startswith("p")
        minutes = (hour % 12 + (12 if pm else 0)) * 60 + minute
        out.append(Mention("time", m.start(), m.end(), f"time:{minutes}", "",
                           frozenset(), context_words(text, m.start(), m.end())))
    for m in YEAR_RE.finditer(text):
        out.append(Mention("year", m.start(2), m.end(2), f"year:{m.group(1)}:{m.group(2)}",
                           m.group(1), frozenset(), context_words(text, m.start(), m.end())))
    for m in MONEY_RE.finditer(text):
        amount = float(m.group(3).replace(",", "") + (m.group(4) or "")) * MULT[m.group(6)]
        if amount >= 1:
            out.append(Mention("money", m.start(), m.end(), f"money:{m.group(1)}:{amount:.0f}",
                               "", frozenset(), context_words(text, m.start(), m.end())))
    return out


# ---------------------------------------------------------------- candidate pairs

MIN_SHARED = {"age": 0, "count": 2, "weekday": 2, "time": 1, "year": 2, "money": 2}


def agreement(a: Mention, b: Mention) -> int | None:
    """How well two mentions with the same key state the same fact (shared context words,
    plus shared names for ages), or None when the context does not agree."""
    if a.key != b.key:
        return None
    shared = len(a.context & b.context)
    if a.kind == "age":
        common = a.subject & b.subject
        if not common:
            return None
        return 2 * len(common) + shared
    if shared < MIN_SHARED[a.kind]:
        return None
    return shared


@dataclass(frozen=True)
class Art:
    """An article as the benchmark sees it (the pipeline gets id, text, title, source,
    published)."""

    id: str
    text: str
    source: str
    published: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Candidate:
    split: str
    cluster: str
    kind: str
    planted: str  # article id whose value is changed
    mention: Mention  # in the planted article
    partner: str  # article id stating the same value
    partner_mention: Mention
    score: int


def find_candidates(split: str, cluster: str, arts: Sequence[Art],
                    seed: int = SEED) -> list[Candidate]:
    """One candidate per value key and kind in the cluster: the best-agreeing pair of
    mentions from two articles of different outlets; which side is planted is drawn (with a
    generator seeded by the seed, cluster and key, so a change elsewhere draws nothing
    differently here)."""
    mentions = {a.id: find_mentions(a.text) for a in arts}
    best: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for i, a in enumerate(arts):
        for b in arts[i + 1:]:
            if a.source == b.source:
                continue
            by_key: dict[str, list[Mention]] = defaultdict(list)
            for m in mentions[b.id]:
                by_key[m.key].append(m)
            for ma in mentions[a.id]:
                for mb in by_key.get(ma.key, ()):
                    score = agreement(ma, mb)
                    if score is None:
                        continue
                    best[(ma.kind, ma.key)].append(
                        Candidate(split, cluster, ma.kind, a.id, ma, b.id, mb, score))
    out = []
    for (kind, key), cands in sorted(best.items()):
        rng = random.Random(f"{seed}:{split}:{cluster}:{kind}:{key}")
        top = max(c.score for c in cands)
        pick = rng.choice(sorted((c for c in cands if c.score == top),
                                 key=lambda c: (c.planted, c.mention.start, c.partner)))
        if rng.random() < 0.5:  # plant either side
            pick = replace(pick, planted=pick.partner, mention=pick.partner_mention,
                           partner=pick.planted, partner_mention=pick.mention)
        out.append(pick)
    return out


def sample(cands: Sequence[Candidate], n: int | None, rng: random.Random) -> list[Candidate]:
    """Up to ``n`` candidates, spread over clusters (round robin in a seeded order)."""
    by_cluster: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for c in sorted(cands, key=lambda c: (c.split, c.cluster, c.mention.key, c.planted)):
        by_cluster[(c.split, c.cluster)].append(c)
    keys = sorted(by_cluster)
    rng.shuffle(keys)
    for k in keys:
        rng.shuffle(by_cluster[k])
    out: list[Candidate] = []
    while any(by_cluster[k] for k in keys) and (n is None or len(out) < n):
        for k in keys:
            if by_cluster[k] and (n is None or len(out) < n):
                out.append(by_cluster[k].pop())
    return out


# ---------------------------------------------------------------- plants and rewordings


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``new``."""

    start: int
    end: int
    new: str

    def apply(self, text: str) -> str:
        return text[:self.start] + self.new + text[self.end:]

    @property
    def new_span(self) -> tuple[int, int]:
        return self.start, self.start + len(self.new)

    def map_back(self, offset: int) -> int:
        """An offset in the edited text -> the offset in the original text."""
        if offset <= self.start:
            return offset
        if offset >= self.start + len(self.new):
            return offset - (len(self.new) - (self.end - self.start))
        return self.start


def _format_like(value: float, like: str) -> str:
    """``value`` written like ``like``: same number of decimals, thousands commas if it had
    them."""
    decimals = len(like.split(".")[1]) if "." in like else 0
    comma = "," if "," in like else ""
    return f"{value:{comma}.{decimals}f}"


def _clock(minutes: int, like: re.Match[str]) -> str:
    hour24, minute = divmod(minutes, 60)
    hour = hour24 % 12 or 12
    suffix = like.group(4)
    letter = "p" if hour24 >= 12 else "a"
    suffix = (letter.upper() if suffix[0].isupper() else letter) + suffix[1:]
    shown = f"{hour}:{minute:02d}" if like.group(2) is not None else f"{hour}"
    return f"{shown}{like.group(3)}{suffix}"


def plant(text: str, m: Mention) -> Edit | None:
    """A contradicting value for mention ``m`` of ``text`` (None if it cannot be made)."""
    written = text[m.start:m.end]
    if m.kind == "age":
        age = int(written)
        return Edit(m.start, m.end, str(age + 7 if age < 80 else age - 7))
    if m.kind == "count":
        value = number_value(written)
        if value is None:
            return None
        new = value * 3
        if m.form == "word" and (word := number_word(new)):
            return Edit(m.start, m.end, same_case(word, written))
        return Edit(m.start, m.end, f"{new:,}" if "," in written else str(new))
    if m.kind == "weekday":
        day = WEEKDAYS[(WEEKDAYS.index(written) + 3) % 7]
        return Edit(m.start, m.end, day)
    if m.kind == "time":
        t = TIME_RE.fullmatch(written)
        if not t:
            return None
        minutes = int(m.key.split(":")[1])
        shifted = minutes + 180 if minutes + 180 < 24 * 60 else minutes - 180
        return Edit(m.start, m.end, _clock(shifted, t))
    if m.kind == "year":
        year = int(written)
        return Edit(m.start, m.end, str(year - 10))
    if m.kind == "money":
        x = MONEY_RE.fullmatch(written)
        if not x:
            return None
        number = x.group(3) + (x.group(4) or "")
        new = _format_like(float(number.replace(",", "")) * 3, number)
        return Edit(m.start + x.start(3), m.start + x.end(4 if x.group(4) else 3), new)
    return None


FUTURE = re.compile(r"\b(will|would|next|to be|scheduled|expected|plans?|planned|upcoming|"
                    r"tomorrow|coming|set to|due)\b", re.IGNORECASE)


def weekday_date(published: str | None, weekday: str) -> dt.date | None:
    """The date of the last ``weekday`` on or before the publication day."""
    if not published:
        return None
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    return day - dt.timedelta(days=(day.weekday() - WEEKDAYS.index(weekday)) % 7)


def reword(text: str, m: Mention, published: str | None = None) -> Edit | None:
    """The same value written another way (None when no safe rewording exists)."""
    written = text[m.start:m.end]
    if m.kind == "age":
        if m.form == "comma":
            return Edit(m.start, m.end, f"aged {written}")
        if m.form == "aged":
            return Edit(m.start - len("aged "), m.start, "age ")
        if m.form in ("yo", "yo_spaced"):
            yo = AGE_YO.match(text, m.start)
            if yo:
                return Edit(m.start, yo.end(3) + len("old"), f"{written} year old")
        return None
    if m.kind == "count":
        value = number_value(written)
        if value is None:
            return None
        if m.form == "word":
            return Edit(m.start, m.end, str(value))
        if value <= 99 and (word := number_word(value)):
            starts = m.start == 0 or text[:m.start].rstrip()[-1:] in ("", ".", "!", "?", "\n")
            return Edit(m.start, m.end, word.capitalize() if starts else word)
        if value >= 1000:
            return Edit(m.start, m.end, written.replace(",", "") if "," in written
                        else f"{value:,}")
        return None
    if m.kind == "weekday":
        lo, hi = _line_window(text, m.start, m.end, 60)
        sentence_start = max(text.rfind(". ", lo, m.start) + 1, lo)
        if FUTURE.search(text[sentence_start:min(hi, m.end + 40)]):
            return None
        day = weekday_date(published, written)
        if day is None:
            return None
        return Edit(m.start, m.end, f"{written}, {MONTHS[day.month - 1]} {day.day}")
    if m.kind == "time":
        t = TIME_RE.fullmatch(written)
        if not t:
            return None
        if t.group(2) is None:  # "5 p.m." -> "5:00 p.m."
            return Edit(m.start + t.end(1), m.start + t.end(1), ":00")
        suffix = t.group(4)
        if "." in suffix:  # "5:30 p.m." -> "5:30 pm" unless the dot also ends the sentence
            after = text[m.end:m.end + 2]
            if suffix.endswith(".") and (not after or after[:1] == "\n"
                                         or (after[:1] == " " and after[1:2].isupper())):
                return None
            return Edit(m.start + t.start(4), m.end, re.sub(r"[.\s]", "", suffix))
        if text[m.end:m.end + 1] == ".":  # "5:30 pm." -> "5:30 p.m."
            return Edit(m.start + t.start(4), m.end + 1, f"{suffix[0]}.{suffix[1]}.")
        return Edit(m.start + t.start(4), m.end, f"{suffix[0]}.{suffix[1]}.")
    if m.kind == "year":
        return Edit(m.start, m.start, "the year ")
    if m.kind == "money":
        x = MONEY_RE.fullmatch(written)
        if not x:
            return None
        number = float((x.group(3) + (x.group(4) or "")).replace(",", ""))
        if x.group(6):
            full = number * MULT[x.group(6)]
            if full != int(full):
                return None
            return Edit(m.start + x.start(3), m.end, f"{int(full):,}")
        if number >= 1e6 and number % 1e6 == 0 and not x.group(4):
            return Edit(m.start + x.start(3), m.end, f"{int(number // 1e6)} million")
        if "," in x.group(3) and not x.group(4):
            return Edit(m.start + x.start(3), m.start + x.end(3), x.group(3).replace(",", ""))
        return None
    return None


# ---------------------------------------------------------------- matching


def _overlaps(cite: dict[str, Any], article: str, span: tuple[int, int]) -> bool:
    return cite["article"] == article and cite["start"] < span[1] and cite["end"] > span[0]


def _conflicts(stories: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for s in stories for c in s["facts"]["conflicting"]]


def _keys(conflict: dict[str, Any], article: str | None = None,
          edit: Edit | None = None) -> tuple[tuple, ...]:
    """Identities of a conflict: (slot, values), (slot, cited spans), (values, cited spans),
    (slot, cited articles). Cited spans are the partition of its citations by variant, as
    (article, start), offsets in ``article`` mapped back through ``edit``; cited articles the
    same partition by article only. Two conflicts sharing any identity are the same conflict:
    a slot label may be taken from another variant's wording, a reworded value may be shown
    as written, and a changed text may move a sentence boundary."""
    values = frozenset(str(v["value"]) for v in conflict["variants"])

    def start(c: dict[str, Any]) -> int:
        if edit is not None and c["article"] == article:
            return edit.map_back(c["start"])
        return c["start"]

    cites = frozenset(frozenset((c["article"], start(c)) for c in v["citations"])
                      for v in conflict["variants"])
    articles = frozenset(frozenset(c["article"] for c in v["citations"])
                         for v in conflict["variants"])
    slot = conflict["slot"]
    return ("sv", slot, values), ("sc", slot, cites), ("vc", values, cites), \
        ("sa", slot, articles)


@dataclass
class Outcome:
    found: bool = False  # a conflict cites the change in one variant, the partner in another
    matching: int = 0  # conflicts that do
    partial: int = 0  # new conflicts citing the change but not the partner
    copy: int = 0  # of which: the change against another outlet's copy of the value it replaced
    new: int = 0  # conflicts not in the untouched brief
    false_alarms: int = 0  # new conflicts not citing the change
    elsewhere: int = 0  # of which: not citing the changed article at all (linking moved)
    new_conflicts: list[dict[str, Any]] = field(default_factory=list)


def match_plant(base: Sequence[dict[str, Any]], changed: Sequence[dict[str, Any]],
                article: str, edit: Edit, partner: str | None = None,
                partner_span: tuple[int, int] | None = None) -> Outcome:
    """Compare the briefs of a changed cluster with its untouched briefs. ``article`` was
    changed by ``edit``; ``partner``/``partner_span`` is the original value it contradicts
    (None for a rewording: then every new conflict is a false alarm)."""
    old = {k for c in _conflicts(base) for k in _keys(c)}
    span = edit.new_span
    # what the untouched brief read at the changed span: (slot, value) of the replaced value
    replaced = {(f["slot"], str(f["value"])) for f in facts_at(base, article, (edit.start,
                                                                                edit.end))}
    out = Outcome()
    for c in _conflicts(changed):
        plant_side = {i for i, v in enumerate(c["variants"])
                      if any(_overlaps(x, article, span) for x in v["citations"])}
        partner_side = set()
        if partner is not None and partner_span is not None:
            partner_side = {i for i, v in enumerate(c["variants"])
                            if any(_overlaps(x, partner, partner_span) for x in v["citations"])}
        hit = partner is not None and any(i != j for i in plant_side for j in partner_side)
        is_new = not any(k in old for k in _keys(c, article, edit))
        if hit:
            out.found = True
            out.matching += 1
        if is_new:
            out.new += 1
            out.new_conflicts.append(c)
            if hit:
                pass
            elif plant_side and partner is not None:
                out.partial += 1
                # the other side states the value the change replaced, in another article:
                # the plant is shown against another outlet's copy of the fact
                out.copy += any(
                    i not in plant_side and (c["slot"], str(v["value"])) in replaced
                    and any(x["article"] != article for x in v["citations"])
                    for i, v in enumerate(c["variants"]))
            else:
                out.false_alarms += 1
                if not any(x["article"] == article for v in c["variants"]
                           for x in v["citations"]):
                    out.elsewhere += 1
    return out


def facts_at(stories: Sequence[dict[str, Any]], article: str,
             span: tuple[int, int]) -> list[dict[str, Any]]:
    """Facts and conflict variants whose citations cover ``span`` of ``article``."""
    out = []
    for s in stories:
        for kind in ("agreed", "unique"):
            for f in s["facts"][kind]:
                if any(_overlaps(c, article, span) for c in f["citations"]):
                    out.append({"story": s["id"], "as": kind, "slot": f["slot"],
                                "event": f["event"], "value": f["value"]})
        for f in s["facts"]["conflicting"]:
            for v in f["variants"]:
                if any(_overlaps(c, article, span) for c in v["citations"]):
                    out.append({"story": s["id"], "as": "conflicting", "slot": f["slot"],
                                "event": f["event"], "value": v["value"]})
    return out


def miss_reason(base: Sequence[dict[str, Any]], stories: Sequence[dict[str, Any]],
                outcome: Outcome, article: str, edit: Edit, partner: str,
                partner_span: tuple[int, int]) -> str:
    """Why a plant was not found, as far as the story JSON tells. The change's claims are
    the facts citing the changed span whose (slot, value) the untouched brief did not cite
    there (other claims of the same sentence are left out)."""
    if outcome.partial:
        return "conflict without the partner"
    story_of = {a: s["id"] for s in stories for a in s["articles"]}
    if story_of.get(article) != story_of.get(partner):
        return "articles in different stories"
    before = {(f["slot"], str(f["value"])) for f in facts_at(base, article, (edit.start, edit.end))}
    mine = [f for f in facts_at(stories, article, edit.new_span)
            if (f["slot"], str(f["value"])) not in before]
    theirs = facts_at(stories, partner, partner_span)
    if not mine:
        return "change not read as a claim"
    if not theirs:
        return "no claim on the partner sentence"
    shared = {f["slot"] for f in mine} & {f["slot"] for f in theirs}
    if not shared:
        return "no common slot"
    same_event = any(f["event"] == g["event"] for f in mine for g in theirs
                     if f["slot"] == g["slot"] and f["slot"] in shared)
    return "common slot, no conflict" if same_event else "common slot, different events"


# ---------------------------------------------------------------- naive baseline

BASE_RE = re.compile(rf"(?<![\w.,:/-])(\d+(?:,\d{{3}})*(?:\.\d+)?|{NUMWORD})[\s-]+([A-Za-z]+)",
                     re.IGNORECASE)
BASE_SKIP = STOP - {"year", "years", "day", "days", "week", "weeks", "month", "months", "time",
                   "times", "people", "cent", "percent"}  # function words only


def baseline_stories(arts: Sequence[Art]) -> list[dict[str, Any]]:
    """The naive peer as story dicts: for each word, the numbers right before it; a conflict
    when two articles of different outlets put different numbers before the same word."""
    by_noun: dict[str, list[tuple[float, Art, int, int]]] = defaultdict(list)
    for a in arts:
        for m in BASE_RE.finditer(a.text):
            noun = _stem(m.group(2))
            if noun in BASE_SKIP:
                continue
            raw = m.group(1)
            value = number_value(raw)
            if value is None:
                try:
                    value = float(raw.replace(",", ""))
                except ValueError:
                    continue
            by_noun[noun].append((float(value), a, m.start(), m.end()))
    conflicts = []
    for noun, items in sorted(by_noun.items()):
        flagged = any(x[0] != y[0] and x[1].source != y[1].source
                      for i, x in enumerate(items) for y in items[i + 1:])
        if not flagged:
            continue
        variants: dict[float, list[dict[str, Any]]] = defaultdict(list)
        for value, a, s, e in items:
            variants[value].append({"article": a.id, "start": s, "end": e})
        conflicts.append({"slot": f"word:{noun}", "event": None,
                          "variants": [{"value": f"{v:g}", "citations": c}
                                       for v, c in sorted(variants.items())]})
    return [{"id": "baseline", "articles": [a.id for a in arts],
             "facts": {"agreed": [], "unique": [], "conflicting": conflicts}}]


# ---------------------------------------------------------------- the pipeline


class Pipeline:
    """crosswire's public stages on one cluster at a time: parse (cached on disk by text
    hash), extract (once per text per run), link, compose_brief, story_to_dict."""

    def __init__(self, cache: Path, model: str | None = None) -> None:
        from crosswire.config import load_settings
        from crosswire.engines.local import link_config
        from crosswire.nlp import load_spacy

        self.nlp = load_spacy(model)
        self.model = parse_key(self.nlp)  # a change to the parse must not reuse old parses
        self.cache = cache / "conflicts" / self.model
        self.config = link_config(load_settings())
        self._extractions: dict[tuple[str, str], Any] = {}
        self.parsed = self.parse_hits = self.errors = 0

    @staticmethod
    def text_key(text: str) -> str:
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()

    def _path(self, key: str) -> Path:
        return self.cache / key[:2] / f"{key}.spacy"

    def parse_all(self, texts: Iterable[str], n_process: int = 1) -> None:
        """Parse and cache every text not cached yet (one nlp.pipe over the missing ones)."""
        from spacy.tokens import DocBin

        missing = {}
        for t in texts:
            k = self.text_key(t)
            if not self._path(k).exists():
                missing[k] = t
        if not missing:
            return
        if len(missing) > 1:
            print(f"parsing {len(missing)} texts (cached in {self.cache})", flush=True)
        done = 0
        for k, doc in zip(missing, self.nlp.pipe(missing.values(), batch_size=16,
                                                 n_process=n_process), strict=True):
            db = DocBin(store_user_data=False)
            db.add(doc)
            path = self._path(k)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(db.to_bytes())
            tmp.replace(path)
            self.parsed += 1
            done += 1
            if done % 100 == 0:
                print(f"  {done}/{len(missing)}", flush=True)

    def doc(self, text: str) -> Any:
        from spacy.tokens import DocBin

        path = self._path(self.text_key(text))
        if not path.exists():
            self.parse_all([text])
        else:
            self.parse_hits += 1
        return next(DocBin().from_bytes(path.read_bytes()).get_docs(self.nlp.vocab))

    def extraction(self, article: Any) -> Any:
        from crosswire.extract import extract_article

        key = (self.text_key(article.text), article.id)
        if key not in self._extractions:
            self._extractions[key] = extract_article(article, self.doc(article.text))
        return self._extractions[key]

    def try_stories(self, arts: Sequence[Art]) -> tuple[list[dict[str, Any]] | None, str | None]:
        """``stories``, or None and where crosswire raised (the code under test may be
        mid-rewrite: one crash is counted, not fatal to the run)."""
        try:
            return self.stories(arts), None
        except Exception as err:  # noqa: BLE001  (reported, counted)
            import traceback

            frames = [f for f in traceback.extract_tb(err.__traceback__)
                      if "crosswire" in f.filename and "bench" not in f.filename]
            where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
            self.errors += 1
            if self.errors <= 3:
                print(f"crosswire raised {type(err).__name__} at {where}: {err}", flush=True)
            return None, f"{type(err).__name__} at {where}"

    def stories(self, arts: Sequence[Art]) -> list[dict[str, Any]]:
        """The story JSON dicts of a cluster's articles, linked on their own."""
        from crosswire.brief import compose_brief
        from crosswire.extract import canonicalize_corpus
        from crosswire.link import link_articles
        from crosswire.records import Analyzed, Article
        from crosswire.render.json_out import story_to_dict

        items = [Analyzed(article, self.extraction(article)) for article in (
            Article(id=a.id, text=a.text, title=a.title, source=a.source,
                    published=a.published) for a in arts)]
        canonical = canonicalize_corpus([i.extraction for i in items])
        state = link_articles([replace(i, extraction=x) for i, x in
                               zip(items, canonical, strict=True)], config=self.config)
        order = {i.article.id: k for k, i in enumerate(items)}
        raw = {i.article.id: i for i in items}
        out = []
        for story in state.stories:
            members = sorted((raw[a] for a in story.articles if a in raw),
                             key=lambda i: order[i.article.id])
            canon = canonicalize_corpus([i.extraction for i in members])
            by_id = {i.article.id: replace(i, extraction=x)
                     for i, x in zip(members, canon, strict=True)}
            out.append(story_to_dict(compose_brief(story, by_id, {}), by_id))
        return out


# ---------------------------------------------------------------- data


def load_clusters(split: str) -> dict[str, list[Art]]:
    """Gold clusters of ``split`` with at least two independent articles; near copies are
    dropped the way ingest does (crosswire's Deduper, default settings)."""
    from crosswire.config import load_settings
    from crosswire.ingest.dedup import Deduper

    path = SHARED_DATA / SETS[split][0]
    gold = SETS[split][1]
    settings = load_settings().ingest
    clusters: dict[str, list[Art]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    dedup = Deduper(threshold=settings.near_duplicate_threshold)
    for r in rows:
        if not r.get("text", "").strip():
            continue
        if dedup.find(r["text"]) is not None:
            continue
        dedup.add(str(r["id"]), r["text"])
        source = r.get("source") or f"ecb-{r['id']}"
        clusters[str(r[gold])].append(Art(str(r["id"]), r["text"], source, r.get("published"),
                                          r.get("title")))
    return {k: v for k, v in clusters.items() if len({a.source for a in v}) >= 2}


# ---------------------------------------------------------------- the run


def snippet(text: str, start: int, end: int, width: int = 70) -> str:
    lo, hi = max(0, start - width), min(len(text), end + width)
    return (text[lo:start] + "[[" + text[start:end] + "]]" + text[end:hi]).replace("\n", " ")


def _rate(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def run_case(pipe: Pipeline, arts: Sequence[Art], base: dict[str, list[dict[str, Any]]],
             c: Candidate, edit: Edit, mode: str) -> dict[str, Any]:
    """One plant or rewording on its cluster, for crosswire and the baseline."""
    changed = [replace(a, text=edit.apply(a.text)) if a.id == c.planted else a for a in arts]
    partner = c.partner if mode == "plant" else None
    pspan = (c.partner_mention.start, c.partner_mention.end) if mode == "plant" else None
    result: dict[str, Any] = {}
    ours, error = pipe.try_stories(changed)
    for system, stories in (("crosswire", ours or []),
                            ("baseline", baseline_stories(changed))):
        o = match_plant(base[system], stories, c.planted, edit, partner, pspan)
        r = {"found": o.found, "matching": o.matching, "partial": o.partial, "new": o.new,
             "found_any_copy": o.found or o.copy > 0,
             "false_alarms": o.false_alarms, "false_alarms_elsewhere": o.elsewhere}
        if system == "crosswire":
            r["stories"] = stories
            r["outcome"] = o
            r["error"] = error
            if error:
                r["reason"] = f"crosswire raised {error}"
                r["new"] = r["false_alarms"] = r["false_alarms_elsewhere"] = 0
            elif mode == "plant" and not o.found:
                r["reason"] = miss_reason(base[system], stories, o, c.planted, edit,
                                          c.partner, pspan)
        result[system] = r
    return result


def summarize(cases: list[dict[str, Any]], mode: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for system in ("crosswire", "baseline"):
        per: dict[str, Any] = {}
        for kind in (*KINDS, "all"):
            sel = [x for x in cases if kind in ("all", x["kind"])]
            rs = [x[system] for x in sel]
            if mode == "plant":
                found = sum(r["found"] for r in rs)
                per[kind] = {
                    "planted": len(rs), "found": found, "recall": _rate(found, len(rs)),
                    "found_exactly_one_new": sum(r["found"] and r["new"] == 1 for r in rs),
                    "partial": sum(r["partial"] > 0 for r in rs),
                    "found_any_copy": sum(r["found_any_copy"] for r in rs),
                    "recall_any_copy": _rate(sum(r["found_any_copy"] for r in rs), len(rs)),
                    "false_alarms": sum(r["false_alarms"] for r in rs),
                    "false_alarms_not_citing_changed_article": sum(
                        r["false_alarms_elsewhere"] for r in rs),
                    "plants_with_false_alarm": sum(r["false_alarms"] > 0 for r in rs)}
                if system == "crosswire":
                    per[kind]["errors"] = sum(bool(r.get("error")) for r in rs)
                    per[kind]["miss_reasons"] = dict(Counter(
                        r["reason"] for r in rs if not r["found"]).most_common())
            else:
                per[kind] = {"cases": len(rs), "errors": sum(bool(r.get("error")) for r in rs),
                             "false_alarms": sum(r["new"] for r in rs),
                             "false_alarms_not_citing_changed_article": sum(
                                 r["false_alarms_elsewhere"] for r in rs),
                             "cases_with_false_alarm": sum(r["new"] > 0 for r in rs)}
        out[system] = per
    return out


def describe_conflict(c: dict[str, Any], texts: dict[str, str]) -> list[str]:
    lines = [f"- **{c['slot']}** (event {c.get('event')})"
             + (f": {c['statement']}" if c.get("statement") else "")]
    for v in c["variants"]:
        lines.append(f"  - value `{v['value']}`")
        for x in v["citations"][:4]:
            text = texts.get(x["article"], "")
            lines.append(f"    - {x['article'][:12]} [{x['start']}:{x['end']}] "
                         f"{text[x['start']:x['end']].replace(chr(10), ' ')[:400]}")
    return lines


def code_version() -> dict[str, Any]:
    """Which crosswire was measured: the commit of the checkout it is imported from, and
    whether its src/ had uncommitted changes (the claim code changes under this bench)."""
    import subprocess

    import crosswire as cw

    src = Path(cw.__file__).resolve().parents[1]
    out: dict[str, Any] = {"crosswire_version": getattr(cw, "__version__", None)}
    try:
        out["commit"] = subprocess.run(["git", "-C", str(src), "rev-parse", "HEAD"],
                                       capture_output=True, text=True, check=True).stdout.strip()
        status = subprocess.run(["git", "-C", str(src), "status", "--porcelain", "--", "."],
                                capture_output=True, text=True, check=True).stdout
        out["src_uncommitted_changes"] = bool(status.strip())
    except (OSError, subprocess.CalledProcessError):
        out["commit"] = None
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", nargs="+", choices=sorted(SETS), default=list(SETS))
    ap.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    ap.add_argument("--max-per-kind", type=int, default=60,
                    help="plants and rewordings per kind (deterministic sample)")
    ap.add_argument("--full", action="store_true", help="every candidate (slow)")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--n-process", type=int, default=1, help="spaCy processes for the first parse")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "conflicts.json")
    ap.add_argument("--private", type=Path, default=ROOT / "bench" / "results" / "private",
                    help="git-ignored folder for outputs quoting real text")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/crosswire-bench"))
    args = ap.parse_args(argv)

    for split in args.split:
        if not (SHARED_DATA / SETS[split][0]).exists():
            print(f"real data not found at {SHARED_DATA / SETS[split][0]}; set "
                  "CROSSWIRE_SHARED_DATA to its folder (benchmark skipped)")
            return 0
    t0 = time.time()
    cap = None if args.full else args.max_per_kind
    clusters = {(s, k): v for s in args.split for k, v in load_clusters(s).items()}
    texts = {a.id: a.text for arts in clusters.values() for a in arts}
    print(f"{len(clusters)} clusters, {len(texts)} articles from {', '.join(args.split)}")

    pipe = Pipeline(args.cache)
    pipe.parse_all(texts.values(), n_process=args.n_process)
    t_parse = time.time()

    base: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
    broken: dict[str, str] = {}  # cluster -> where crosswire raised on its untouched texts
    for key, arts in clusters.items():
        stories, error = pipe.try_stories(arts)
        if error:
            broken[f"{key[0]}/{key[1]}"] = error
            continue
        base[key] = {"crosswire": stories or [], "baseline": baseline_stories(arts)}
    if broken:
        print(f"crosswire raised on {len(broken)} untouched clusters: left out")
    clusters = {k: v for k, v in clusters.items() if k in base}
    t_base = time.time()

    cands = [c for (split, cluster), arts in sorted(clusters.items())
             for c in find_candidates(split, cluster, arts, args.seed) if c.kind in args.kinds]
    available = Counter(c.kind for c in cands)
    cases: dict[str, list[dict[str, Any]]] = {"plant": [], "reword": []}
    details: list[dict[str, Any]] = []
    for mode, salt in (("plant", 0), ("reword", 1)):
        for kind in args.kinds:
            pool = []
            for c in (c for c in cands if c.kind == kind):
                text = texts[c.planted]
                published = next(a.published for a in clusters[(c.split, c.cluster)]
                                 if a.id == c.planted)
                edit = (plant(text, c.mention) if mode == "plant"
                        else reword(text, c.mention, published))
                if edit is not None and edit.apply(text) != text:
                    pool.append((c, edit))
            by_cand = dict(pool)
            chosen = sample([c for c, _ in pool], cap, random.Random(f"{args.seed}:{kind}:{salt}"))
            print(f"{mode} {kind}: {len(chosen)} of {len(pool)} candidates", flush=True)
            for c in chosen:
                edit = by_cand[c]
                arts = clusters[(c.split, c.cluster)]
                r = run_case(pipe, arts, base[(c.split, c.cluster)], c, edit, mode)
                case = {"split": c.split, "cluster": c.cluster, "kind": kind,
                        "article": c.planted, "start": edit.start, "end": edit.end,
                        "new_end": edit.new_span[1], "partner": c.partner,
                        "partner_start": c.partner_mention.start,
                        "partner_end": c.partner_mention.end, "agreement": c.score,
                        "crosswire": {k: v for k, v in r["crosswire"].items()
                                      if k not in ("stories", "outcome")},
                        "baseline": r["baseline"]}
                cases[mode].append(case)
                cw = r["crosswire"]
                if (not cw["found"] if mode == "plant" else cw["new"]) or cw["false_alarms"]:
                    changed = edit.apply(texts[c.planted])
                    details.append({
                        **case, "mode": mode,
                        "original": snippet(texts[c.planted], edit.start, edit.end),
                        "changed": snippet(changed, *edit.new_span),
                        "partner_text": snippet(texts[c.partner], c.partner_mention.start,
                                                c.partner_mention.end),
                        "at_change": facts_at(cw["stories"], c.planted, edit.new_span),
                        "at_partner": facts_at(cw["stories"], c.partner,
                                               (c.partner_mention.start,
                                                c.partner_mention.end)),
                        "new_conflicts": [
                            {"slot": x["slot"], "event": x["event"],
                             "values": [v["value"] for v in x["variants"]],
                             "cites": [[(y["article"], y["start"], y["end"])
                                        for y in v["citations"]] for v in x["variants"]]}
                            for x in cw["outcome"].new_conflicts],
                        "changed_text_of": {c.planted: changed}})
    seconds = round(time.time() - t0, 1)

    untouched = {s: sum(len(_conflicts(b[s])) for b in base.values())
                 for s in ("crosswire", "baseline")}
    result = {
        "splits": args.split, "kinds": args.kinds, "seed": args.seed,
        "max_per_kind": cap, "clusters": len(clusters),
        "articles": sum(len(v) for v in clusters.values()),
        "model": pipe.model, "code": code_version(), "candidates": dict(available),
        "plants": summarize(cases["plant"], "plant"),
        "rewordings": summarize(cases["reword"], "reword"),
        "untouched_conflicts": untouched,
        "clusters_left_out_crosswire_raised": broken,
        "crosswire_errors": pipe.errors,
        "failures": [
            {k: x[k] for k in ("split", "cluster", "kind", "article", "start", "end",
                               "partner", "partner_start", "partner_end")}
            | {"reason": x["crosswire"].get("reason"),
               "false_alarms": x["crosswire"]["false_alarms"]}
            for x in cases["plant"] if not x["crosswire"]["found"]
            or x["crosswire"]["false_alarms"]],
        "reword_false_alarms": [
            {k: x[k] for k in ("split", "cluster", "kind", "article", "start", "end")}
            | {"new_conflicts": x["crosswire"]["new"]}
            for x in cases["reword"] if x["crosswire"]["new"]],
        "seconds": {"total": seconds, "parse": round(t_parse - t0, 1),
                    "untouched_briefs": round(t_base - t_parse, 1),
                    "texts_parsed_this_run": pipe.parsed},
    }
    from common import write_result

    write_result(args.out, "conflicts", result)
    write_private(args.private, details, base, clusters, texts)

    print(f"\n{'kind':8} {'system':10} {'planted':>7} {'found':>5} {'recall':>6} "
          f"{'partial':>7} {'FA':>4} | {'reworded':>8} {'FA':>4}")
    for kind in (*args.kinds, "all"):
        for system in ("crosswire", "baseline"):
            p = result["plants"][system][kind]
            w = result["rewordings"][system][kind]
            rec = "—" if p["recall"] is None else f"{p['recall']:.3f}"
            print(f"{kind:8} {system:10} {p['planted']:7d} {p['found']:5d} {rec:>6} "
                  f"{p['partial']:7d} {p['false_alarms']:4d} | {w['cases']:8d} "
                  f"{w['false_alarms']:4d}")
    print(f"conflicts on untouched clusters: {untouched}; crosswire raised {pipe.errors} times"
          + (f" (untouched clusters left out: {len(broken)})" if broken else ""))
    print(f"crosswire miss reasons: {result['plants']['crosswire']['all']['miss_reasons']}")
    print(f"{seconds} s")
    return 0


def write_private(folder: Path, details: list[dict[str, Any]],
                  base: dict[tuple[str, str], dict[str, list[dict[str, Any]]]],
                  clusters: dict[tuple[str, str], list[Art]], texts: dict[str, str]) -> None:
    """Debugging outputs that quote real articles: only in the git-ignored folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".gitignore").write_text("*\n")
    for d in details:
        d.pop("changed_text_of", None)
    (folder / "conflicts_details.json").write_text(
        json.dumps(details, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    lines = ["# Planted conflicts missed, and new conflicts on plants and rewordings", "",
             "Real article text: do not commit.", ""]
    for d in details:
        cw = d["crosswire"]
        status = ("found" if cw["found"] else "missed: " + str(cw.get("reason"))
                  if d["mode"] == "plant" else "reworded")
        status += f", {cw['new']} new conflict(s), {cw['false_alarms']} false alarm(s)"
        lines += [f"## {d['mode']} {d['kind']} — {d['split']} cluster {d['cluster']} — {status}",
                  f"- changed {d['article'][:12]} [{d['start']}:{d['end']}]: {d['original']}",
                  f"- into: {d['changed']}",
                  f"- partner {d['partner'][:12]} [{d['partner_start']}:{d['partner_end']}]: "
                  f"{d['partner_text']}",
                  "- facts citing the change: " + "; ".join(
                      f"{f['as']} {f['slot']}={f['value']} (event {f['event']})"
                      for f in d["at_change"]),
                  "- facts citing the partner: " + "; ".join(
                      f"{f['as']} {f['slot']}={f['value']} (event {f['event']})"
                      for f in d["at_partner"])]
        for x in d["new_conflicts"]:
            lines.append(f"- new conflict {x['slot']} (event {x['event']}): {x['values']} "
                         f"cites {x['cites']}")
        lines.append("")
    (folder / "conflicts_failures.md").write_text("\n".join(lines), encoding="utf-8")
    lines = ["# Conflicts crosswire flags on the untouched clusters", "",
             "Real article text: do not commit.", ""]
    for (split, cluster), b in sorted(base.items()):
        found = _conflicts(b["crosswire"])
        if not found:
            continue
        lines.append(f"## {split} cluster {cluster} ({len(clusters[(split, cluster)])} articles)")
        for c in found:
            lines += describe_conflict(c, texts)
        lines.append("")
    (folder / "conflicts_untouched.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {folder}/conflicts_failures.md, conflicts_untouched.md, conflicts_details.json")


if __name__ == "__main__":
    raise SystemExit(main())
