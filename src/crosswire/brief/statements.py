"""Plain statements a reader sees for claims: "12 people were injured", "the footbridge
collapsed on Friday 13 March 2026", and for a disagreement the question outlets answer
differently ("How many people were injured"). Never a key, an id or a TIMEX code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..extract.claims import BARE_PERSON_NOUNS, PERSON_NOUNS, SEQUENCE
from ..extract.numbers import VAGUE
from ..extract.quotes.cues import PRIVATE, REPORT, SPEECH
from ..records import Claim
from ..words import plural, verb_lemma
from .framing import find_markers
from .when import date_words


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


# a number written with its scale: "145.5 million", "143million", "2.5m", "1bn"
_SCALED = re.compile(r"(?:\b|\d)(?:million|billion|trillion)\b|\d(?:m|bn)\b", re.IGNORECASE)


def value_words(c: Claim) -> str:
    """A claim's value as a reader reads it."""
    if c.attribute == "date":
        return date_words(c.value) or " ".join(c.text.split())
    if c.attribute in ("count", "age") and c.low is not None and c.low == c.high:
        if "approx" not in c.qualifiers and not _SCALED.search(c.text):
            return number_words(c.low)  # (a count in millions as written: "145.5 million")
    if c.attribute in ("year", "role", "speaker", "name", "place"):
        return c.value
    text = re.sub(r"\s+", " ", c.text.strip())
    if c.attribute == "time" and "approx" in c.qualifiers:
        return f"about {text}"  # "around 4:50 a.m.": a rounded time, not an exact one
    return text[:1].lower() + text[1:] if text[:2].istitle() or text[:1].isupper() else text


# an hour said without its day ("midnight", "10 p.m."): the day a resolver gave it is only
# inferred, so it is never put beside it
_CLOCK = re.compile(r"\b(?:midnight|noon|midday)\b|\d(?::\d\d)?\s?[ap]\.?\s?m\b", re.IGNORECASE)
_DAY_WORDS = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|tomorrow)\b",
    re.IGNORECASE)


def written_words(c: Claim) -> str:
    """The value as the sentence writes it ("early Wednesday", "two", "midnight"), a date
    with its resolved day or month in words beside it (``dated_words``)."""
    text = " ".join(c.text.split())
    return dated_words(text, c.value) if c.attribute == "date" else text


def dated_words(text: str, value: str | None) -> str:
    """A date as written with its resolved day or month in words beside it, unless the words
    already say it: "early Wednesday (12 June 2030)", "next month (July 2030)", "March 4"."""
    if not value or not re.match(r"\d{4}-\d\d", value):
        return text
    if _CLOCK.search(text) and not _DAY_WORDS.search(text):
        return text  # "shortly before midnight": an hour, its day only inferred
    words = date_words(value)
    if not words or words == value:
        return text
    low = text.casefold()
    month = words.split()[-2].casefold()
    if month in low and (len(value) == 7 or re.search(r"\d", text)):
        return text  # "March 4", "in March": the words say the day or the month
    if words.split()[0].casefold() in low and len(value) >= 10:
        words = words.split(" ", 1)[1]  # "early Wednesday (12 June 2030)"
    return f"{text} ({words})"


def _sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:]


def counted(c: Claim) -> str:
    """What a count counts, as a reader names it: its subject ("14 cars"), or "people" for
    a count of people the sentence gives no noun of its own ("212 were aboard"); "" when
    neither."""
    return c.subject or ("people" if (c.unit or "") in PERSON_NOUNS else "")


def statement(c: Claim, value: str | None = None) -> str:
    """The plain sentence for ``c`` (with ``value`` in place of its own, when given)."""
    v = value if value is not None else value_words(c)
    subj, pred = c.subject, c.predicate
    a = c.attribute
    if "{}" in pred:  # a claim shown in its sentence's words: its value as written there
        # ... with its date in words beside it, unless a possessive follows ("Sunday's vote")
        possessive = re.match(r"['\u2019]s\b", pred.split("{}", 1)[1])
        said = " ".join(c.text.split()) if possessive else written_words(c)
        return _sentence(pred.replace("{}", said, 1))
    # a claim about a recalled time says when: "2 passengers died in 1959", not as if now
    when = date_words(c.key.partition("@")[2])
    back = f" in {when}" if when else ""
    if a == "count":  # ... and over what stretch: "3 shots during the final run"
        back += next((" " + q.partition(":")[2] for q in c.qualifiers
                      if q.startswith("stretch:")), "")  # fmt: skip
        plural_word = v.casefold() in VAGUE and v.endswith("s")  # "hundreds of people"
        v = f"{v} of" if c.subject and plural_word else v
        counted = f"{v} {c.subject}".strip()
        if "object" in c.qualifiers:
            return _sentence(f"{pred} {counted}{back}")
        return _sentence(f"{counted} {pred}{back}" if pred else f"{counted}{back}")
    if a == "age":  # (an age at a death its sentence tells is told in the past)
        past = back or "kill" in c.context
        return _sentence(f"{subj} was {v}{back}" if past else f"{subj} is {v}")
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
    if a == "speaker":  # a mixed quote is the outlet's paraphrase: no quote marks of ours
        said = f"{subj}\u2026" if "mixed" in c.qualifiers else f"\u201c{subj}\u2026\u201d"
        return _sentence(f"{v} {pred or 'said'} {said}")  # "described the sound as ..."
    if a == "name":
        return _sentence(f"The name is written {v}")
    return _sentence(f"{subj} {pred} {v}")


# what a disagreement told in one outlet's words asks, by attribute
_ASKED = {"count": "How many", "age": "What age", "date": "When", "year": "What year",
          "time": "What time", "amount": "How much", "measure": "How much", "place": "Where",
          "rank": "Which"}


def name_question(spellings: Sequence[str]) -> str:
    """The question over one name spelled several ways, asked in none of them (the one most
    outlets use first): "How the name is spelled: Tomas Orrey or Thomas Orrey"."""
    listed = list(dict.fromkeys(spellings))
    said = listed[0] if len(listed) == 1 else f"{', '.join(listed[:-1])} or {listed[-1]}"
    return f"How the name is spelled: {said}"


# what a disagreement over a measure asks, by its base unit (``lexicons/units.json``)
_MEASURE_ASKED = {"m": "What distance", "kg": "What weight", "l": "What volume",
                  "m2": "What area"}


def _asked_plainly(c: Claim) -> str:
    """The question over a claim the parse gave no subject: by what is asked and, for a
    count, its noun ("How many defenders", "What distance", "When it was said"). The sides
    quote each outlet's sentence; the question never copies one of them."""
    a = c.attribute
    said = " it was said" if c.key.startswith("say") else ""
    if a == "count" and c.key.endswith(" of"):  # "a mother of 12": "Mother of how many"
        return _sentence(f"{c.key} how many")
    if a == "count":
        noun = c.key.partition("/")[2].partition("@")[0]
        many = plural(noun) if noun and noun.isalpha() else ""
        return _sentence(f"How many {many}".rstrip())
    if a == "measure":
        return _MEASURE_ASKED.get(c.unit or "", "How much")
    if a in ("date", "year", "time"):
        return _sentence(f"{_ASKED[a]}{said}")
    if a == "amount":
        return "How much money"
    return _ASKED.get(a, "What")


def question(c: Claim) -> str:
    """What outlets answer differently when they disagree about ``c``'s value."""
    subj, pred = c.subject, c.predicate
    a = c.attribute
    if "{}" in pred:  # one outlet's words, which the sides quote
        return _asked_plainly(c)
    if a == "count":  # (the counted noun alone: "hundreds of NYPD officers" and "thousands
        # of officers" are both answers to how many officers)
        return _sentence(f"How many {(c.subject or 'people').split()[-1]} {pred}".rstrip())
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
        return _sentence(f"What rank {subj} holds")  # only ranks conflict (facts)
    if a == "speaker":
        return _sentence(f"Who said \u201c{subj}\u2026\u201d")
    if a == "place":  # predicate "landed in": "Where the missile landed"
        return _sentence(f"Where {subj} {pred.rsplit(' ', 1)[0]}")
    return _sentence(f"{subj} {pred}")


# ---------------------------------------------------------------- statements a sentence says
#
# A claim's subject and predicate come from a parse, and a parse errs: "wound along Shore Road
# to the park, a few blocks from the depot" gave "A few blocks wounded", "others carried
# photographs of the two workers" gave "2 workers carried". A statement built from the parts
# is shown only when its cited sentence says it in that order and nearly those words;
# otherwise the fact is told in the sentence's own words, whole (never cut before its
# subject), with its value as written.

_TOKEN = re.compile(r"[\w$]+(?:['\u2019:.,-]\w+)*")
_ARTICLES = frozenset({"the", "a", "an"})
_AUX = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "has", "have",
                  "had", "do", "does", "did", "will", "would", "can", "could", "shall",
                  "should", "may", "might", "must"})  # fmt: skip
# after a counted noun, these make it a distance, a length or a time: "two blocks from the
# plant", "ten feet long", "three days ago"
_MEASURED = frozenset({"from", "away", "ago", "apart", "long", "wide", "high", "deep", "tall",
                       "old", "later", "earlier"})  # fmt: skip
# a verb's particle, when a preposition or the end follows it: "signed in at the shelters"
_PARTICLES = frozenset({"in", "out", "up", "down", "off", "over", "back", "away", "on"})
_PREPOSITIONS = frozenset({"at", "to", "from", "for", "with", "on", "in", "into", "of", "by",
                           "near", "after", "before", "during", "until", "overnight", "among",
                           "between", "including"})  # fmt: skip
# what may stand right before a date the statement says "on"/"in"/"at": the same sense
_DATE_PREPS = frozenset({"on", "in", "at", "during", "around", "about", "of", "late",
                         "early"})  # fmt: skip
GAP = 2  # words a statement may skip between two of its words
LEAD_GAP = 8  # ... between its subject and its verb ("A fire at a plant in Orrin killed")
DATE_GAP = 4  # ... between its predicate and the date ("broke out at about 9:40 p.m. Tuesday")


def _words(text: str) -> list[str]:
    return [w.replace("\u2019", "'") for w in _TOKEN.findall(text.casefold())]


def _content(text: str) -> list[str]:
    return [w for w in _words(text) if w not in _ARTICLES]


def _find(seq: list[str], words: list[str], start: int, first_gap: int,
          gap: int = GAP, one_long: int = 0) -> tuple[int, int] | None:  # fmt: skip
    """(index of the first, index after the last) of ``words`` found in order in ``seq``
    from ``start``: the first within ``first_gap`` words, each next within ``gap`` (one of
    them within ``one_long`` when given); None when they are not there so."""
    if not words:
        return None
    for i in range(start, min(len(seq), start + first_gap + 1)):
        if seq[i] != words[0]:
            continue
        at, long_left, ok = i, one_long, True
        for w in words[1:]:
            nxt = next((j for j in range(at + 1, min(len(seq), at + max(gap, long_left) + 2))
                        if seq[j] == w), None)  # fmt: skip
            if nxt is None:
                ok = False
                break
            if nxt - at - 1 > gap:
                long_left = 0
            at = nxt
        if ok:
            return i, at + 1
    return None


def _locate(seq: list[str], words: list[str], one_long: int = 0) -> tuple[int, int] | None:
    """``words`` found in order anywhere in ``seq`` (see ``_find``)."""
    return _find(seq, words, 0, first_gap=len(seq), one_long=one_long)


# a bound written after a time that makes it no firm one ("Thursday at the earliest")
_HEDGED = re.compile(r"at the (?:earliest|latest|soonest)\b|or (?:later|earlier|so)\b")
# a verb phrase that only points back to what others did ("followed suit", "did the same")
_POINTS_BACK = re.compile(r"\b(?:follow(?:s|ed|ing)?\s+suit|(?:do|does|did|done|doing)\s+"
                          r"(?:so|the\s+same|likewise))\b", re.IGNORECASE)
# words that point back to something the statement alone does not name
_UNANCHORED = frozenset("it its he his she her they their them this these those".split())


def _quantity(words: list[str]) -> bool:
    return bool(words) and all(w in VAGUE or w.replace(",", "").isdigit() for w in words)


def _says(c: Claim, sentence: str, at: int) -> bool:
    """Whether ``statement(c)`` is a plain sentence that ``sentence`` (starting at offset
    ``at`` of the article) says: its words there, in its order, the value where the
    statement puts it, nothing the verb needs left out."""
    a = c.attribute
    if a in ("amount", "measure"):
        return False  # "the fine: $18,500", "the truck: 19 tons": no sentence of their own
    if a == "speaker":
        return True  # "Ada Lind said “her brother was…”": its subject is the quoted words
    if (f"{c.subject} {c.predicate}".split() or [""])[0].casefold() in _UNANCHORED:
        return False  # "Its engineers have ...", "Her cousin is 15": whose? The sentence says
    if a == "age" and "@" in c.key:
        return False  # "The 34-year-old Brenn was signed in 2019": 34 then, or now?
    if a == "age" and c.key.partition("/")[0] in BARE_PERSON_NOUNS:
        return False  # "The male is 31": a bare noun names no one; its sentence may
    if a not in ("count", "date", "time", "year", "place"):
        return True  # ages, roles, names, speakers are worded from names, not from a parse
    if "{}" in c.predicate or not c.predicate.strip():
        return False  # shown by its words, or "the hearing: Thursday": no sentence of its own
    words = c.predicate.casefold().split()
    if words[0].endswith("ing") or words[0] == "to" or words[-2:-1] == ["to"]:
        return False  # "the assistant coaches going out on Monday", "the coalition to reach
        # 5,000 schools": a phrase, no sentence
    if find_markers(f"{c.subject} {c.predicate}"):
        return False  # "the stunning crowd": an outlet's judging word is not the brief's
    if not at <= c.start <= c.end <= at + len(sentence):
        return True  # a value outside its cited sentence: nothing to check it against
    before, value = _words(sentence[: c.start - at]), _words(c.text)
    seq = before + value + _words(sentence[c.end - at :])
    v0, v1 = len(before), len(before) + len(value)
    subj, pred = _content(c.subject), _content(c.predicate)
    if all(w in _AUX for w in pred):
        return False  # "2 people are" (dead): the verb says nothing
    if _says_nothing_said(pred):
        return False  # "2 officers report at 9:40 p.m." (report what?)
    if _POINTS_BACK.search(c.predicate):
        return False  # "Kell Savings followed suit on Monday" (did what?)
    if "light" in c.qualifiers and len(pred) == 1:
        return False  # "the scale becomes" (clear): a light verb alone says nothing
    if a == "count":
        when = c.key.partition("@")[2]
        if re.fullmatch(r"\d{4}", when) and not re.search(rf"\bin\s+{when}\b", sentence):
            return False  # "has carried 300 a day since 1996" is not "300 ... in 1996"
        noun = _find(seq, subj[-1:], v1, first_gap=3) if subj else None
        if noun is None or (noun[1] < len(seq) and seq[noun[1]] in _MEASURED):
            return False  # no group counted, or a distance: "two blocks from the plant"
        if noun[1] < len(seq) and seq[noun[1]] == "of":
            return False  # "two pieces" (of legislation): what is counted goes on
        lead = seq[v0 - 2 : v0]
        if "object" not in c.qualifiers and lead and (lead[-1] in _PREPOSITIONS or (
                lead[-1] in _ARTICLES and lead[0] in _PREPOSITIONS)):  # fmt: skip
            return False  # "firefighters from nine departments fought": not the departments
        if lead[-1:] and lead[-1] in SEQUENCE:
            return False  # "missed the last four games": not four games of any time
        if "object" in c.qualifiers:  # "the fire killed 2 workers": all of it before the value
            if _described_after(sentence[c.end - at :], subj[-1:]):
                return False  # "left 1.2 million customers facing ...": facing what
            found = _locate(seq[:v0], pred, one_long=LEAD_GAP)
            return (found is not None and v0 - found[1] <= GAP
                    and not _drops_a_phrase(seq, found[0], found[1], subj + pred)
                    and not pred[-1].endswith("ing"))  # "the area covering": no sentence
        found = _find(seq, pred, noun[1], first_gap=4)
        return (found is not None and _complete(seq, found[1]) and not _reported(seq, v0)
                and not _drops_a_phrase(seq, noun[1], found[1], subj + pred))
    if not subj or _quantity([w for w in subj if w != "of"]):
        return False  # "the hundreds marched": a number is not who did it
    head = _locate(seq, subj)
    if head is None or _cut_name(sentence, c.subject):
        return False  # "State Department" of "the state Department of Environmental Protection"
    found = _find(seq, pred, head[1], first_gap=LEAD_GAP)
    if found is None and pred[0] in ("was", "were") and len(pred) > 1 and re.search(
            rf"\b{re.escape(c.subject.split()[-1])},\s+{re.escape(c.predicate.split()[1])}\b",
            sentence):  # fmt: skip
        found = _find(seq, pred[1:], head[1], first_gap=0)  # "The hearing, held on March 5"
    if found is None or (found[0] == head[1] and _reported(seq, head[0])):
        return False  # (X said) the tram will be moved; not "said the bear, which turned 23"
    if _drops_a_phrase(seq, head[1], found[0], subj + pred):
        return False  # "the book" (of condolence) has opened
    if a == "place":  # "came down in" (the) "Sea of Velk": the place follows its preposition
        return v0 == found[1] or (v0 == found[1] + 1 and seq[found[1]] in _ARTICLES)
    if v0 < head[0]:  # "On Saturday, the crowd marched": a day said first dates the sentence
        # (and the verb leaves nothing it needs: "the search begins" (to focus))
        return (v0 == 0 or seq[v0 - 1] in _DATE_PREPS) and _complete(seq, found[1])
    gap = v0 - found[1]
    if gap < 0 or gap > DATE_GAP or (gap and seq[v0 - 1] not in _DATE_PREPS):
        return False  # "planned for June" is not "planned in June"
    if _HEDGED.match(" ".join(seq[v1 : v1 + 3])):
        return False  # "on Thursday at the earliest" is no firm day
    if gap == 0 and len(pred) == 1:
        return False  # "spent Tuesday night": the day is what the verb acts on
    return not any(w[:1].isdigit() for w in seq[found[1] : v0])  # "turned (90) on Friday"


def _drops_a_phrase(seq: list[str], lo: int, hi: int, kept: list[str]) -> bool:
    """Whether, in the words ``seq[lo:hi]`` a statement runs over, a word it keeps goes on
    with a preposition it leaves out: the phrase that says which ("Harbor inspectors (in
    Orrin) have shut down", "the book (of condolence) has opened"); not an aside the
    statement skips whole ("The Velk Star, which had 212 people on board, struck")."""
    return any(seq[i] in _PREPOSITIONS and seq[i] not in kept and seq[i - 1] in kept
               for i in range(max(lo, 1), min(hi, len(seq))))


def _reported(seq: list[str], start: int) -> bool:
    """Whether the words from ``start`` are what a verb of saying just before them reports
    ("Ana Brisk said (that) 31 workers were sent home"): shown alone, they would drop who
    said so."""
    i = start - 1
    while i >= 0 and seq[i] in (*_ARTICLES, "that"):
        i -= 1
    return i >= 0 and verb_lemma(seq[i]) in SPEECH | REPORT


def _described_after(rest: str, noun: list[str]) -> bool:
    """Whether the counted noun that ``rest`` (the sentence after the value) goes on with is
    followed, with no comma between, by a participle that says what of it: "customers facing
    years of checks" is no object a statement can end on ("killed 2 workers, injuring 3" and
    "5 people including 2 children" are)."""
    if not noun:
        return False
    m = re.match(rf"\W*(?:[\w'’.-]+\s+){{0,3}}?{re.escape(noun[0])}\w*\s+([a-z]+ing)\b", rest,
                 re.IGNORECASE)
    return m is not None and m[1].casefold() != "including"


def _says_nothing_said(pred: list[str]) -> bool:
    """Whether a predicate is a verb of saying alone, its auxiliaries aside ("report", "have
    said"): what was said is the fact, and the statement would leave it out."""
    verbs = [w for w in pred if w not in _AUX]
    if len(verbs) != 1:
        return False
    return verb_lemma(verbs[0]) in (SPEECH | REPORT) - PRIVATE  # (not "began", "closed")


def _complete(seq: list[str], end: int) -> bool:
    """Whether a statement ending at ``seq[end - 1]`` leaves nothing its verb needs: "were
    ordered" (to leave), "signed" (in at the shelters)."""
    nxt = seq[end] if end < len(seq) else ""
    after = seq[end + 1] if end + 1 < len(seq) else ""
    if nxt == "to" or nxt[:1].isdigit():
        return False  # "were ordered" (to leave), "turned" (17)
    return not (nxt in _PARTICLES and (not after or after in _PREPOSITIONS))


def _cut_name(sentence: str, subject: str) -> bool:
    """Whether the subject stops inside a name the sentence goes on with ("the state
    Department" | "of Environmental Protection")."""
    last = subject.split()[-1] if subject.split() else ""
    return bool(last[:1].isupper() and re.search(
        rf"\b{re.escape(last)}\s+of\s+[A-Z]", sentence))  # fmt: skip


def in_own_words(c: Claim, sentence: str, at: int) -> Claim:
    """``c`` told by its whole cited sentence (``sentence``, at offset ``at``), its value
    as ``{}`` in place of the words that write it. A speaker is worded from its name and
    the quotation (its span is the quotation's, so the sentence would lose it)."""
    if (c.attribute == "speaker" or not at <= c.start <= c.end <= at + len(sentence)
            or "{" in sentence or "}" in sentence):
        return c
    words = " ".join(f"{sentence[: c.start - at]}{{}}{sentence[c.end - at :]}".split())
    return replace(c, subject="", predicate=_without_stray_mark(words))


def _without_stray_mark(words: str) -> str:
    """``words`` without an opening quotation mark that nothing in them closes (a sentence
    that opens a quotation the next sentence goes on with)."""
    if words[:1] == '"' and words.count('"') == 1:
        return words[1:].lstrip()
    if words[:1] == "\u201c" and "\u201d" not in words:
        return words[1:].lstrip()
    return words


def plain_claim(c: Claim, sentence: str, at: int) -> Claim:
    """``c`` as a reader should see it: as it is when its statement is a plain sentence its
    cited sentence (``sentence``, at offset ``at``) says, else told in that sentence's own
    words."""
    return c if _says(c, sentence, at) else in_own_words(c, sentence, at)


def pick(claims: Sequence[Claim]) -> Claim:
    """The claim whose wording stands for a group: the most common subject and predicate."""
    from collections import Counter

    counts = Counter((c.subject, c.predicate) for c in claims)
    best = max(sorted(counts), key=lambda k: (counts[k], bool(k[0]), bool(k[1])))
    return next(c for c in claims if (c.subject, c.predicate) == best)


__all__ = ["dated_words", "in_own_words", "name_question", "number_words", "pick",
           "plain_claim", "question", "range_words", "statement", "value_words",
           "written_words"]
