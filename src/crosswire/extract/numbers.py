"""Numeric claims: counts, amounts and percentages normalized to ranges with what they count.

Conventions (``low``/``high`` are numbers, None for an open end; ``approx`` marks hedged or
vague values):

=========================  =====================================================
"1,200", "twelve"          low = high = the value
"3.5 million", "two dozen" scaled: 3_500_000, 24
"hundreds"                 200 .. 999            (approx; one word = at least 2 x the unit)
"thousands"                2_000 .. 9_999        ("tens of thousands" 20_000 .. 99_999,
                                                  "hundreds of thousands" 200_000 .. 999_999,
                                                  "millions" 2e6 .. 999e6, "billions" alike)
"dozens"                   24 .. 144             (2 to 12 dozen)
"a few"                    2 .. 5;  "a couple (of)" 2 .. 3;  "a handful" 2 .. 5
"several"                  3 .. 9
"more than N", "over N"    low = N (exclusive bound kept as N), high = None
"at least N", "N or more"  low = N, high = None
"fewer/less than N",       low = None, high = N
"under N", "up to N",
"as many as N"
"nearly/almost N"          low = 0.9 N, high = N (approx)
"about/around/roughly/     low = 0.9 N, high = 1.1 N (approx)
 some/approximately N"
"between N and M",         low = N, high = M (a scale written once holds for both:
"N to M", "N-M", "N or M"  "$140-150 million" is 140e6 .. 150e6)
"X or Y", Y smaller        two values, one put two ways ("$196 million or $28 million
                           a season"); "N-M" with M smaller is a score, no claim
=========================  =====================================================

``text`` covers the quantifier, the number, a currency sign or scale word and "percent", but
not the counted noun. ``unit`` is the lemma of the counted noun from the dependency parse (the
head of a ``nummod``, or the object of "of" after a vague quantity): "hundreds of officers"
-> "officer", "more than five city blocks" -> "block" (the head noun, without compound
modifiers), "3,000 people" -> "person". Money gets "dollar", "euro", "pound" ...; percentages
"percent". Years, dates, clock times, durations and ages are times, not claims: numbers
inside a time expression are skipped, as are ordinals and names such as "Flight 93".
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from ..nlp import parses
from ..records import Article, NumberClaim, TimeRef
from .dates import extract_times
from .numerals import DIGITS, NUMBER_WORDS, parse_number
from .spans import SpanSet

log = logging.getLogger(__name__)

VAGUE: dict[str, tuple[float, float]] = {
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "tens of millions": (20e6, 99_999_999),
    "hundreds of millions": (200e6, 999_999_999),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "millions": (2e6, 999_999_999),
    "billions": (2e9, 999_999_999_999),
    "dozens": (24, 144),
    "scores": (40, 200),
    "a few": (2, 5),
    "a couple of": (2, 3),
    "a couple": (2, 3),
    "a handful of": (2, 5),
    "a handful": (2, 5),
    "several": (3, 9),
}
LOWER = {"more than", "over", "above", "upwards of", "well over", "just over", "at least",
         "no fewer than", "no less than"}  # fmt: skip
UPPER = {"fewer than", "less than", "under", "below", "just under", "up to", "as many as",
         "at most", "no more than"}  # fmt: skip
NEAR = {"nearly", "almost", "close to", "just under"}
ABOUT = {"about", "around", "roughly", "approximately", "some", "an estimated", "estimated"}
CURRENCY = {"$": "dollar", "us$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
UNIT_LEMMAS = {"people": "person", "persons": "person", "dlrs": "dollar", "pct": "percent",
               "%": "percent", "police": "police"}  # fmt: skip

_Q = "|".join(sorted(LOWER | UPPER | NEAR | ABOUT, key=len, reverse=True)).replace(" ", r"\s+")
_VAGUE = "|".join(sorted(VAGUE, key=len, reverse=True)).replace(" ", r"\s+")
_SCALE = r"(?:\s+(?i:million|billion|trillion|thousand|hundred|dozen)|\s?(?:bn|m)\b)"
# "20, 000": thousands split by a space, as in text that was tokenized before it was stored
# (a sum written "£264m" or "$2bn" keeps its scale; "a 5m wall" has no currency and is no sum)
_DIG = (rf"(?:(?<=[$€£¥])\d+(?:\.\d+)?(?=(?:bn|m)\b)"
        rf"|(?:\d{{1,3}}(?:, \d{{3}}(?!\d))+|{DIGITS})(?![\w/]|,\d|\.\d)){_SCALE}?")
_WORDS = rf"\b(?i:{NUMBER_WORDS})\b{_SCALE}?"
_CORE = rf"(?:(?<![\w.,/-]){_DIG}|{_WORDS})"
_CORE2 = rf"(?:(?<![\w.,/]){_DIG}|{_WORDS})"  # after a range dash: "10-20"
_CUR = r"(?P<cur>US\$|\$|€|£|¥)\s?"
NUMBER = re.compile(
    rf"(?:\b(?P<q>(?i:{_Q}))\s+)?(?:{_CUR})?"
    rf"(?:(?P<vague>\b(?i:{_VAGUE})\b(?P<vscale>\s+(?i:hundred|thousand|million|billion)\b)?)"
    rf"|(?P<num>{_CORE})"
    rf"(?:(?P<sep>\s*-\s*|\s+(?i:to|or)\s+)(?:\$|€|£)?(?P<num2>{_CORE2}))?)"
    rf"(?P<pct>\s?%|\s+(?i:percent|per\s+cent)\b)?(?P<post>\s+(?i:or\s+more|or\s+so)\b)?"
)
BETWEEN = re.compile(
    rf"\b(?i:between)\s+(?:{_CUR})?(?P<num>{_CORE})\s+(?i:and)\s+(?:\$|€|£)?(?P<num2>{_CORE})"
    rf"(?P<pct>\s?%|\s+(?i:percent|per\s+cent)\b)?"
)


def _value(text: str) -> float | None:
    text = re.sub(r"(\d), (\d{3})", r"\1,\2", re.sub(r"\s+", " ", text.strip().lower()))
    scale = 1.0
    if m := re.search(r"\s?(bn|m)$", text):
        if (
            text[: m.start()].strip()
            and text[m.start() - 1 : m.start()].isdigit()
            or m[0][0] == " "
        ):
            scale = 1e9 if m[1] == "bn" else 1e6
            text = text[: m.start()]
    value = parse_number(text)
    return None if value is None else value * scale


def written_values(text: str) -> set[float]:
    """Every number ``text`` writes, with the scale written beside it ("two million euros":
    2,000,000; "\u20ac2m": 2,000,000; "1,200": 1,200), each end of a range alike."""
    out = set()
    for m in NUMBER.finditer(text):
        for part in (m["num"], m["num2"]):
            if part and (value := _value(part)) is not None:
                out.add(value)
    return out


def _shared_scale(text: str, text2: str, first: float, second: float) -> float:
    """The first end of a range with the scale only its second end writes ("$140-150
    million", "between 2 and 3 thousand": 140 million, 2 thousand), unless that would pass
    the second end ("between 500 and 1 million")."""
    bare = _value(re.sub(rf"{_SCALE}$", "", text2.strip()))
    if bare is None or bare == second or re.search(rf"{_SCALE}$", text.strip()):
        return first
    scaled = first * (second / bare)
    return scaled if scaled <= second else first


def _or_parts(text: str, m: re.Match[str]) -> list[re.Match[str]]:
    """The two values of "X or Y" where Y is smaller, each a match of its own: no range but
    one sum put two ways ("$196 million or $28 million per season"). (A dash between a
    larger and a smaller number is a score, "a 3-1 deficit", and stays out.)"""
    if not m["num2"] or (m["sep"] or "").strip().lower() != "or" or _bounds(m, False):
        return []
    first = NUMBER.match(text, m.start(), m.end("num"))
    second = NUMBER.search(text, m.end("sep"), m.end())
    return [p for p in (first, second) if p is not None and p.end() > p.start()]


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 6)


def _bounds(m: re.Match[str], between: bool) -> tuple[float | None, float | None, bool] | None:
    q = re.sub(r"\s+", " ", (m["q"] or "").lower()) if not between else "between"
    low: float | None
    high: float | None
    if not between and m["vague"]:
        word = re.sub(r"\s+", " ", m["vague"][: len(m["vague"]) - len(m["vscale"] or "")])
        low, high = map(float, VAGUE[word.strip().lower()])
        if m["vscale"]:  # "several thousand": 3_000 .. 9_000
            scale = parse_number(m["vscale"]) or 1.0
            low, high = low * scale, high * scale
        approx = True
    else:
        first = _value(m["num"])
        if first is None:
            return None
        low = high = first
        approx = False
        if m["num2"]:
            high = _value(m["num2"])
            if high is None:
                return None
            low = first = _shared_scale(m["num"], m["num2"], first, high)
            if high < first:
                return None
    assert low is not None and high is not None
    base_low, base_high = low, high
    if q in LOWER:
        high = None
    elif q in NEAR:
        low, high, approx = 0.9 * base_high, base_high, True
    elif q in UPPER:
        low = None
    elif q in ABOUT:
        low, high, approx = 0.9 * base_low, 1.1 * base_high, True
    post = re.sub(r"\s+", " ", (m.groupdict().get("post") or "").lower().strip())
    if post == "or more":
        high = None
    elif post == "or so":
        low, high, approx = 0.9 * base_low, 1.1 * base_high, True
    return _round(low), _round(high), approx


def _lemma(tok: Any) -> str:
    word = str(tok.lower_)
    if word in UNIT_LEMMAS:
        return UNIT_LEMMAS[word]
    lemma = str(tok.lemma_).lower() if tok.lemma_ else str(word)
    if tok.tag_ == "NNPS" and lemma == word and word.endswith("s"):
        lemma = word[:-1]  # "Americans" -> "american"
    return lemma


def counted_noun(doc: Any, start: int, end: int) -> tuple[Any, Any]:
    """(number token, counted-noun token or None) for the number at ``start:end``."""
    if doc is None:
        return None, None
    if not doc.has_annotation("DEP"):
        return None, None  # no parse (a tokenizer-only back end): the counted noun is unknown
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, None
    root = span.root
    nxt = doc[span.end] if span.end + 1 < len(doc) else None
    if nxt is not None and nxt.text == "-" and not doc[span.end - 1].whitespace_ and (
            not nxt.whitespace_) and doc[span.end + 1].is_alpha:  # fmt: skip
        return root, doc[span.end + 1]  # "a 19-ton truck", "a 12-member panel": the unit
    for tok in (root, *span):
        if (
            tok.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod")
            and tok.head.i >= span.end
        ):
            head = tok.head
            while head.pos_ == "NUM" and head.head.i > head.i:
                head = head.head
            while head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.i > head.i:
                head = head.head  # "six city blocks" -> "blocks"
            if head.pos_ in ("NOUN", "PROPN") and head.lower_ not in ("percent", "%"):
                return root, head
            if head.lower_ in ("percent", "%"):
                return root, head
    for tok in span:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs and objs[0].pos_ in ("NOUN", "PROPN"):
                    return root, objs[0]
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ == "of" and span.end + 1 < len(doc):
        for tok in doc[span.end + 1 : min(len(doc), span.end + 5)]:
            if tok.pos_ in ("NOUN", "PROPN"):
                return root, tok
            if tok.pos_ not in ("DET", "ADJ", "NUM", "PUNCT"):
                break  # "nine of them are still in hospital": no counted noun
    return root, None


def _group(noun: Any, number: Any) -> str | None:
    """What the counted group did: verb lemma plus its particle or object lemma."""
    tok = noun if noun is not None else number
    if tok is None:
        return None
    verb = tok
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    extra = [c for c in verb.children if c.dep_ == "prt"]
    if not extra:
        extra = [c for c in verb.children if c.dep_ == "dobj" and c.i != tok.i]
    return " ".join([verb.lemma_.lower(), *(_lemma(extra[0]).split()[:1] if extra else [])])


_NAMED = (
    "Flight|Route|Room|Chapter|Highway|Interstate|Apollo|Number|Gate|Platform|Section|"
    "Article|Bus|Line|Channel|Game|Vol|Page|Act|Pier|Terminal|Unit|Precinct|Ward|Lot"
)


_MULTIPLE = re.compile(r"\s+times\s+(?:the|as|more|less|[a-z]+er)\b", re.IGNORECASE)


def _skip(text: str, m: re.Match[str], num_tok: Any) -> bool:
    """Ordinals, names ("Flight 93", "No. 5"), ages and lone pronoun "one"."""
    before = text[max(0, m.start() - 12) : m.start()]
    if re.search(r"(?:No\.|#)\s?$|\b(?:" + _NAMED + r") $", before) or re.match(
        r"\s?-\s?(?:year|month|week|day)\b|\s(?:year|month|week)s?[\s-]old\b", text[m.end() :]
    ):
        return True
    if re.search(r"\d,\s$", before):
        return True  # "170, 000" (text tokenized with spaces): the tail of one number
    if _MULTIPLE.match(text, m.end()):
        return True  # "four times the size of", "three times as long": a ratio, no count
    if re.match(r"\s?/\s?\d|\ufffd", text[m.end() :]) or re.search(r"\d\s?/\s?$", before):
        return True  # "4 1/2", "41 / 2", "4\ufffd": a fraction the text lost, not a count
    if re.search(r"\d[^()]{0,20}\(\s*$", text[max(0, m.start() - 30) : m.start()]):
        return True  # "110 billion euros (93.6 billion pounds)": a conversion of the figure
    if (m.groupdict().get("sep") or "").strip() == "-" and (
            re.match(r"\s?-\s?\d", text[m.end() :]) or re.search(r"\d\s?-\s?$", before)
            or _value(m["num"]) == _value(m["num2"])):  # fmt: skip
        return True  # "a 6-9-1 record", "ended 2-2": a record or a score, no range
    core = (m["num"] or "").strip().lower()
    if num_tok is None:
        return core == "one"
    if num_tok.ent_type_ == "ORDINAL":
        return True
    if core == "one" and num_tok.dep_ != "nummod" and not m["q"]:
        return True
    nxt = num_tok.nbor(1) if num_tok.i + 1 < len(num_tok.doc) else None
    if nxt is not None and nxt.is_title and nxt.pos_ not in ("NOUN", "PROPN", "PUNCT"):
        return not (m["cur"] or m["pct"])  # "the 10 Most Wanted list": a name
    prev = num_tok.nbor(-1) if num_tok.i > 0 else None
    if prev is not None and prev.text in ("-", "\u2011") and prev.i > 0:
        prev = prev.nbor(-1)  # "an AK - 47", as some feeds space a hyphen
    if prev is not None and prev.is_upper and prev.is_alpha and not prev.is_sent_start:
        return not (m["cur"] or m["pct"])  # "an AK 47", "a Boeing 737 MAX": a model's name
    head = num_tok.head
    if (
        head.pos_ == "PROPN"
        and head.i < num_tok.i
        and num_tok.dep_ in ("nummod", "appos", "npadvmod")
    ):
        return not (m["cur"] or m["pct"])
    return False


def extract_numbers(article: Article, doc: Any,
                    times: Sequence[TimeRef] | None = None) -> tuple[NumberClaim, ...]:
    """Numeric claims of ``article`` in reading order (see the module docstring); numbers
    inside its temporal expressions (``times``, extracted here if not given) are not claims."""
    text = article.text
    if doc is not None and not parses(doc, text):
        log.debug("doc does not match the text of %s: units disabled", article.id)
        doc = None
    if times is None:
        times = extract_times(article, doc)
    time_spans = SpanSet((t.start, t.end) for t in times)
    found = [(m, True) for m in BETWEEN.finditer(text)] + [
        (m, False) for m in NUMBER.finditer(text)
    ]
    found += [(p, False) for m, between in list(found) if not between
              for p in _or_parts(text, m)]  # fmt: skip
    found.sort(key=lambda x: (-(x[0].end() - x[0].start()), x[0].start()))
    taken = SpanSet()
    out: list[NumberClaim] = []
    for m, between in found:
        start, end = m.start(), m.end()
        if end <= start or taken.overlaps(start, end) or time_spans.overlaps(start, end):
            continue
        num_start = m.start("vague") if not between and m["vague"] else m.start("num")
        num_end = m.end("vague") if not between and m["vague"] else m.end("num")
        num_tok, noun = counted_noun(doc, num_start, num_end)
        if _skip(text, m, num_tok):
            continue
        bounds = _bounds(m, between)
        if bounds is None:
            continue
        low, high, approx = bounds
        if m["cur"]:
            unit: str | None = CURRENCY[m["cur"].lower()]
        elif m["pct"] or (noun is not None and noun.lower_ in ("percent", "%")):
            unit = "percent"
        else:
            unit = _lemma(noun) if noun is not None else None
            after = text[noun.idx + len(noun) :] if noun is not None else ""
            if unit == "pound" and re.match(r"\s*(?:\([^)]*\)\s*)?of\b", after):
                unit = "lb"  # "140,000 pounds of cargo": a weight, not money
        taken.add(start, end)
        out.append(
            NumberClaim(text[start:end], start, end, low, high, unit, approx, _group(noun, num_tok))
        )
    return tuple(sorted(out, key=lambda c: c.start))


__all__ = ["VAGUE", "extract_numbers"]
