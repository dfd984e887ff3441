"""What a word is, for every stage that compares text by its words: one pattern, one stop
list, one stemmer.

An article's words are read once, when it is extracted (``read_words``, with the parse's
lemmas), and ride on its ``Extraction`` as ``Words``; the stages after extraction take the
words of a span of an article from there (``span_words``, ``span_stems``). Text that is no
span of an article (a headline given apart from the text, a fact's statement, a name) is read
with ``words`` and ``content_stems``, by the same pattern and rules.

Five patterns stay elsewhere, each for a reason its module gives; each reads figures as
words, which this one does not: the duplicate check's shingles (``ingest/dedup.py``: it runs
before extraction, and stored signatures must not change), the values of a claim's sentence
frame (``brief/claims.py``: numbers are part of a frame), of a plain statement
(``brief/statements.py``: "$4.5", "10:30"), the words of a quotation (``brief/quotes.py``:
its figures are words the speaker said) and the words between a name and a year
(``brief/named_years.py``: "the 5th Orra Cup in 2019").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from lemminflect import getAllLemmas, getInflection, getLemma

from .lexicon import stop_words
from .records import Words, words_from

if TYPE_CHECKING:
    from spacy.tokens import Doc

# a word starts with a letter and ends with a letter or digit; apostrophes, hyphens and
# digits may sit inside ("o'clock", "Rolls-Royce", "covid19", "Zurana's")
WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)

# a question mark between two letters stands for a letter the text lost to its encoding
# ("r?sum?" for "résumé"): no question, and no sentence ends there
LOST_LETTER = re.compile(r"[^\W\d_]\?[^\W\d_]")

# function words and newsroom filler, the project's one stop list (``lexicons/stop.json``)
STOP = stop_words()

# the writer's own voice: a first or a second person ("I reported", "our", "you")
FIRST_PERSON = re.compile(
    r"\b(?:I|[Ww]e|[Ww]e're|[Ww]e've|[Oo]ur|[Oo]urs|us|[Mm]y|me|[Yy]ou|[Yy]our|[Ll]et's)\b")
# a possessive "'s" after a word ("Thursday's vote", "Velk Radio's management")
POSSESSIVE = re.compile(r"['\u2019]s\b")
# words set in double quotation marks: someone else's voice
QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")


def in_writers_voice(text: str) -> bool:
    """Whether the writer speaks as "I" or "we" (or to "you") outside quotation marks."""
    return FIRST_PERSON.search(QUOTED.sub(" ", text)) is not None


# words that tell the night, and the small hours after it ("Friday night" / "early Saturday")
NIGHT = re.compile(r"\b(night|late|overnight|evening)\b", re.IGNORECASE)
SMALL_HOURS = re.compile(r"\b(early|overnight|before dawn|predawn|small hours)\b", re.IGNORECASE)


def words(text: str) -> list[str]:
    """The words of ``text``, as written."""
    return WORD.findall(text)


def word_matches(text: str) -> Iterator[re.Match[str]]:
    """The words of ``text`` with their offsets."""
    return WORD.finditer(text)


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """A light, deterministic suffix stripper (plurals, -ing, -ed), lower-cased: "turned",
    "turning" and "turns" all give "turn". Good enough for overlap; not a lemma."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 5 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 5 and w.endswith("ing"):
        return w[:-3]
    if len(w) > 4 and w.endswith("ed"):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def content_stems(text: str, min_len: int = 3) -> set[str]:
    """The stems of the words of ``text`` that say something: stop words and words shorter
    than ``min_len`` left out."""
    return _content(WORD.findall(text), min_len)


def _content(found: Iterable[str], min_len: int = 3) -> set[str]:
    out = set()
    for w in found:
        if len(w) < min_len or w.lower() in STOP:
            continue
        s = stem(w)
        if len(s) >= min_len and s not in STOP:
            out.add(s)
    return out


def read_words(text: str, doc: Doc | None = None) -> Words:
    """The words of an article's ``text``, each with its lemma: the parse's (``doc``, the
    parse of ``text``) where one token of it is the word, else the word lower-cased ("don't"
    is two tokens to the parse, one word here)."""
    lemma_at: dict[tuple[int, int], str] = {}
    if doc is not None:
        lemma_at = {(t.idx, t.idx + len(t)): t.lemma_ for t in doc}
    starts, ends, lemmas = [], [], []
    for m in WORD.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
        lemmas.append((lemma_at.get(m.span()) or m[0]).casefold())
    return words_from(starts, ends, lemmas)


def span_words(text: str, words: Words, start: int, end: int) -> list[str]:
    """The words, as written, of ``text[start:end]``; ``text`` is the article ``words`` were
    read from."""
    return [text[words.starts[i] : words.ends[i]] for i in words.between(start, end)]


def span_stems(text: str, words: Words, start: int, end: int, min_len: int = 3) -> set[str]:
    """``content_stems`` of ``text[start:end]``, from the article's words."""
    return _content(span_words(text, words, start, end), min_len)


def span_lemmas(words: Words, start: int, end: int) -> set[str]:
    """The lemmas of the words of the article's span ``start:end``."""
    return {words.lemmas[i] for i in words.between(start, end)}


__all__ = ["ADVERB", "NIGHT", "SMALL_HOURS", "STOP", "WORD", "content_stems", "only_a_noun",
           "past_tense", "plural", "plural_form", "read_words", "span_lemmas", "span_stems",
           "span_words", "stem", "used_only_as", "verb_lemma", "word_matches", "words"]


def verb_lemma(word: str) -> str:
    """A word's lemma read as a verb ("sought" -> "seek", "reported" -> "report"), case-folded;
    the word itself when lemminflect gives none."""
    lemmas = getLemma(word.casefold(), upos="VERB")
    return str(lemmas[0]) if lemmas else word.casefold()


def plural(noun: str) -> str:
    """A counted noun's plural as a reader writes it ("defender" -> "defenders", "person" ->
    "people", "child" -> "children"); the noun itself when lemminflect knows none."""
    if noun.casefold() == "person":
        return "people"  # (lemminflect gives the legal "persons" first)
    forms = getInflection(noun.casefold(), tag="NNS")
    return str(forms[0]) if forms else noun


def plural_form(word: str) -> bool:
    """Whether a word is written as a noun's plural ("Gulls", "Harriers"): lemminflect gives
    it another noun lemma."""
    lemmas = getLemma(word.casefold(), upos="NOUN")
    return bool(lemmas) and lemmas[0] != word.casefold()


def past_tense(verb: str) -> str:
    """The simple past of a verb as written ("adding" -> "added", "denying" -> "denied"),
    for a statement that needs a finite verb; the word itself when lemminflect knows no
    such verb or its past has two forms ("being": was or were)."""
    lemmas: tuple[str, ...] = tuple(getLemma(verb.casefold(), upos="VERB"))
    forms: tuple[str, ...] = tuple(getInflection(lemmas[0], tag="VBD")) if lemmas else ()
    return str(forms[0]) if len(forms) == 1 else verb


NOUN_PARTS = frozenset({"NOUN", "PROPN"})
ADVERB = frozenset({"ADV"})


@lru_cache(maxsize=1 << 14)
def used_only_as(word: str, parts: frozenset[str]) -> bool:
    """Whether English uses ``word`` only as the ``parts`` of speech (lemminflect's
    lexicon); False for a word it does not know."""
    found = set(getAllLemmas(word.casefold()))
    return bool(found) and found <= parts


def only_a_noun(word: str) -> bool:
    """Whether English uses ``word`` only as a noun ("law", "day"; not "old", "end", which
    may be a quality or a doing too)."""
    return used_only_as(word, NOUN_PARTS)


