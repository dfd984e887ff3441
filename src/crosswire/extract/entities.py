"""Sentences and named entities with one canonical name per referent.

``extract_entities`` cleans spaCy's NER output (titles become ``Entity.role``, possessives and
leading articles are trimmed, persons mis-labelled after a title are relabelled) and gives every
mention a ``canonical`` name: the most complete full form of that person in the article
("Mayor de Blasio", "De Blasio" -> "Bill de Blasio"). ``canonicalize_corpus`` does the same
across articles. Pure functions; offsets are character offsets into ``Article.text``.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Article, Entity, Extraction, NonBody, Quote, Sentence
from ..words import ADVERB, plural_form, used_only_as
from .claims import after_place_word
from .furniture import overlaps
from .names import (
    completeness,
    given_compatible,
    name_key,
    name_parts,
    names_compatible,
    split_title,
    strip_possessive,
    title_role,
)
from .quotes.cues import FEMALE_PRONOUNS, MALE_PRONOUNS, person_noun
from .spans import headline_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

log = logging.getLogger(__name__)

KEEP_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][\w'\u2019.-]*|[A-Z]\.|de|del|della|der|di|da|du|van|von|la|le|bin|al)$"
)
_ORG_WORDS = frozenset(
    "department association union church news police party committee council university "
    "inc. corp. company office bureau agency times post journal court house senate".split()
)
_LEADING_DET = re.compile(r"^(?:the|The|THE)\s+")
_STOP_INITIALS = frozenset({"of", "the", "and", "for", "&", "on", "in", "at"})
_TRAILING_LINK = re.compile(r"\s+(?:and|or|of|the|for|&)\s*$", re.IGNORECASE)
# NER's labels for places and bodies: labels a person's name may wrongly get, and those of
# the places and bodies that may stand glued before a name
_PLACES_AND_BODIES = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})


# a capitalised abbreviation of up to four letters before a name: "Sgt.", "Gov.", "Capt."
_TITLE_ABBREV = re.compile(r"(?:^|\s)[A-Z][a-z]{1,3}\.$")


def extract_sentences(article: Article, doc: Doc) -> tuple[Sentence, ...]:
    """Sentences in reading order, trimmed of surrounding whitespace. A break the parser
    put after a title before a name ("said Sgt. | Ada Fenn of the harbor unit") is undone."""
    text = article.text
    spans: list[list[int]] = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        if spans and _TITLE_ABBREV.search(text[spans[-1][0] : spans[-1][1]]) and (
                sent[0].pos_ == "PROPN" and sent[0].is_title):  # fmt: skip
            spans[-1][1] = end
            continue
        spans.append([start, end])
    return tuple(Sentence(start=s, end=e, text=text[s:e]) for s, e in spans)


def _looks_like_name(text: str) -> bool:
    tokens = text.split()
    return 0 < len(tokens) <= 5 and all(_NAME_TOKEN.match(t) for t in tokens)


def _title_before(doc: Doc, i: int) -> str | None:
    """A role written just before token ``i`` ("Police Commissioner", "Sgt.")."""
    for width in (3, 2, 1):
        if i - width < 0:
            continue
        words = doc[i - width : i]
        if any(t.is_punct and t.text != "." for t in words) or "\n" in words.text:
            continue
        role = title_role(words.text)
        if role and words[0].text[:1].isupper():
            return role
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without whitespace, trailing possessive or leading article."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    span = text[start:end]
    end = start + len(strip_possessive(span))
    m = _LEADING_DET.match(text[start:end])
    if m and end - start > m.end():
        start += m.end()
    while end > start and text[end - 1] in ",;:-\u2014 ":
        end -= 1
    # a name does not end on a linking word: NER may stop inside "Orrin Zoo and Velk Gardens"
    while (m := _TRAILING_LINK.search(text, start, end)) is not None and m.start() > start:
        end = m.start()
    if text.count("(", start, end) > text.count(")", start, end):
        end = text.rfind("(", start, end)  # "Orsabank (OSB": the name, not the ticker's bracket
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def _named_thing(doc: Doc, ent: Span) -> bool:
    """Whether a name stands right after a common noun for a thing that it names ("the film
    Harbor Lights", "the album Jolene"): the noun has a determiner, is the name's head or a
    compound of it, and is no noun for a person ("her lawyer, Tom Vell" and "goalkeeper Sam
    Oduya" stay people)."""
    if ent.start == 0:
        return False
    noun = doc[ent.start - 1]
    if noun.pos_ != "NOUN" or not noun.is_lower or person_noun(noun):
        return False
    if not any(c.dep_ == "det" for c in noun.children):
        return False  # "praised goalkeeper Sam Oduya": a bare noun before a name is a title
    root = ent.root
    return (noun.head == root and noun.dep_ in ("compound", "nmod")) or (
        root.head == noun and root.dep_ == "appos")


@dataclass(slots=True)
class _Mention:
    """One entity mention while it is cleaned (offsets and label change in place)."""

    start: int
    end: int
    label: str
    role: str | None


_NUMBERED = re.compile(r"\.\s?\d+\b")  # the number after "No" in "Steward No. 3"


_CLOSING_TITLE = re.compile(r"(?:^|\s)(?:(?:and|or|&)\s+)?([A-Z][a-z]{0,4})$")


def _title_closing(text: str, start: int, end: int) -> int | None:
    """Where a name should end that the tagger ran on into an abbreviated title ("Velk State
    Police Lt" of "... Lt. Mara Quill", "... Police and Capt" of "... and Capt. Ivo Renn"):
    its last word with the full stop after it is a title, and a capitalised word follows."""
    m = _CLOSING_TITLE.search(text, start, end)
    if m is None or m.start() <= start or title_role(m[1] + ".") is None:
        return None
    if not re.match(r"\.\s+[A-Z]", text[end : end + 4]):
        return None
    return m.start()


def _raw_mentions(text: str, doc: Doc) -> list[_Mention]:
    """Each kept entity, cleaned."""
    out: list[_Mention] = []
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        first = ent[0]
        # "on an Orrin Harbour Airways flight": the tagger may take the article into the name
        begin = ent[1].idx if (len(ent) > 1 and first.pos_ == "DET"
                               and first.lower_ in ("a", "an")) else ent.start_char  # fmt: skip
        start, end = _trim(text, begin, ent.end_char)
        if end <= start:
            continue
        if (numbered := _NUMBERED.match(text, end)) and text[start:end].endswith(" No"):
            end = numbered.end()  # "Steward No. 3": the tagger stops at the abbreviation
        if title_role(text[start:end]) is not None:
            continue  # "Dist. Atty." alone: a title names no one (the name after it does)
        if ent.label_ != "PERSON" and (cut := _title_closing(text, start, end)) is not None:
            start, end = _trim(text, start, cut)  # "Velk State Police Lt. Mara Quill": the
            # title is the next person's, not the end of the body's name
            if end <= start:
                continue
        if ent.label_ == "PERSON" and not any(w[:1].isupper() for w in text[start:end].split()):
            continue  # "golden aura": a name is written with a capital
        if not any(c.isupper() for c in text[start:end]):
            continue  # "in black crayon" read as a place: any name has a capital ("eBay")
        if ent.label_ == "PERSON" and _named_thing(doc, ent):
            continue  # "the film Harbor Lights", "the ship Mary Rose": a title, not a person
        label = ent.label_
        if label == "PERSON" and len(ent) > 1 and plural_form(ent[-1].text) and (
                first.lower_ == "the" or (ent.start > 0 and doc[ent.start - 1].lower_ == "the")):
            label = "ORG"  # "for the Orrin Gulls": a plural name after "the" is a team or a
            # body, never one person
        role, bare = split_title(text[start:end])
        if role:
            start = end - len(bare)
            if _looks_like_name(bare):
                label = "PERSON"
        before = _title_before(doc, ent.start)
        if before:
            role = role or before
            if label in _PLACES_AND_BODIES and _looks_like_name(text[start:end]):
                if not _ORG_WORDS.intersection(text[start:end].lower().split()):
                    label = "PERSON"
        if label == "PERSON" and not role:
            role = None
        if label == "PERSON" and ent.start > 0 and start == ent.start_char:
            prev = doc[ent.start - 1]  # "Hector" + "Ruiz": NER sometimes drops the given name
            if (prev.pos_ == "PROPN" and prev.is_title and prev.ent_type_ == ""
                    and prev.idx + len(prev.text) + 1 == start and title_role(prev.text) is None
                    and len(text[start:end].split()) == 1):
                start = prev.idx
        if label == "ORG" and ent.end < len(doc) and doc[ent.end].like_num:
            nxt = doc[ent.end]  # "Firefighters Local" + "1187": unions, chapters, lodges
            if nxt.idx == end + 1 and text[end] == " " and nxt.text.isdigit():
                end = nxt.idx + len(nxt.text)
        if any(c.isalpha() for c in text[start:end]):
            out.append(_Mention(start, end, label, role if label == "PERSON" else None))
    return out


def _title_persons(text: str, doc: Doc, taken: list[tuple[int, int]]) -> list[_Mention]:
    """Persons NER missed right after a capitalised title ("Officer Liu")."""
    out: list[_Mention] = []
    covered: set[int] = set()
    for s, e in taken:
        covered.update(range(s, e))
    for tok in doc:
        role = title_role(tok.text) or (  # "Dist. Atty.": a title of two words
            title_role(f"{doc[tok.i - 1].text} {tok.text}") if tok.i > 0 else None)
        if not role or not tok.text[:1].isupper():
            continue
        j = tok.i + 1
        while j < len(doc) and doc[j].pos_ == "PROPN" and _NAME_TOKEN.match(doc[j].text):
            if title_role(doc[j].text):
                break
            j += 1
        if j == tok.i + 1:
            continue
        last = doc[j - 1]
        if last.dep_ == "appos" and last.head.ent_type_ == "PERSON":
            continue  # "Ada Lind, Chief Inspector of ...": the named person's title, no name
        start, end = _trim(text, doc[tok.i + 1].idx, doc[j - 1].idx + len(doc[j - 1].text))
        if end > start and start not in covered and (end - 1) not in covered:
            out.append(_Mention(start, end, "PERSON", role))
            covered.update(range(start, end))
    return out


def _relabel_surnames(text: str, mentions: list[_Mention]) -> None:
    """Names NER labelled ORG/GPE but used for a person elsewhere -> PERSON: a single name a
    person has (a surname, or a given name: "Harlan" after "Harlan Marsh"), or a full name
    with a person's surname."""
    persons = [text[m.start : m.end] for m in mentions if m.label == "PERSON"]
    people = {name_parts(p)[1].lower() for p in persons}  # surnames
    # given names: of a name of two words ("Harlan Marsh": not "Orrin Peter Vance", a town
    # glued before a name), and never written as a place one is in or at ("in Orrin")
    given = {g[0].lower() for p in persons
             if len(p.split()) == 2 and len(g := name_parts(p)[0]) == 1}
    given -= {text[m.start : m.end].lower() for m in mentions if after_place_word(text, m.start)}
    full = {p.lower() for p in persons}
    for m in mentions:
        if m.label in _PLACES_AND_BODIES:
            surface = text[m.start : m.end]
            low = surface.lower()
            # "Amara Okafor, Daniel Okafor's widow": a full name with a person's surname
            kin = len(surface.split()) in (2, 3) and name_parts(surface)[1].lower() in people
            if (low in people or low in given or low in full or kin) and _looks_like_name(
                    surface):
                m.label = "PERSON"


def _people_by_pronoun(text: str, doc: Doc, mentions: list[_Mention]) -> None:
    """Names NER labelled a body or a place that a "his" or "her" of their own clause takes
    up -> PERSON: "Ines Varga looked at the loans for her thesis" (a body is "its"). Only a
    name of two or three words that is the clause's subject, with no other name or entity
    between it and the pronoun, which might be the one it takes up ("Velk Ferries hired Ada
    Kerr for her skills")."""
    for m in mentions:
        surface = text[m.start : m.end]
        if (m.label not in ("ORG", "GPE") or len(surface.split()) not in (2, 3)
                or not _looks_like_name(surface) or _ORG_WORDS.intersection(
                    surface.lower().split())):  # fmt: skip
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.dep_ != "nsubj":
            continue
        verb = span.root.head
        for tok in doc[span.end : verb.right_edge.i + 1]:
            if tok.ent_type_ or tok.pos_ == "PROPN":
                break  # someone else the pronoun may take up
            if (tok.dep_ == "poss" and tok.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS
                    and verb in tok.ancestors):
                m.label = "PERSON"
                break


def _place_names(text: str, mentions: list[_Mention]) -> set[str]:
    """The places and bodies the article names (lower case): words that may stand glued
    before a person's name ("Mayor of Orrin Peter Vance")."""
    return {text[m.start : m.end].lower() for m in mentions if m.label in _PLACES_AND_BODIES}


_TITLE_OF = re.compile(r"([A-Z][\w.]*(?: [A-Z][\w.]*)?) of $")


def _titled_after_place(text: str, mentions: list[_Mention]) -> None:
    """"Mayor of Orrin Ilan Ostrowski": after "<title> of", the tagger may make the town and
    the name one body. When the leading words are a place the article names on its own and
    the rest reads as a name of two words or more, the rest is the titled person."""
    places = _place_names(text, mentions)
    for m in mentions:
        if m.label == "PERSON":
            continue
        title = _TITLE_OF.search(text, max(0, m.start - 40), m.start)
        role = title_role(title.group(1)) if title and title.end() == m.start else None
        if role is None:
            continue
        words = text[m.start : m.end].split(" ")
        for k in range(1, len(words) - 1):
            rest = " ".join(words[k:])
            if " ".join(words[:k]).lower() in places and _looks_like_name(rest):
                m.start = m.end - len(rest)
                m.label, m.role = "PERSON", role
                break


def _trim_overlong_persons(text: str, doc: Doc, mentions: list[_Mention]) -> None:
    """Cut words NER glued to a known name in title-case lines.

    "Shun Bill de Blasio" -> "Bill de Blasio" (a full form seen elsewhere), "Mayor of Orrin
    Peter Vance" -> "Peter Vance" (a place named elsewhere goes before a name of two words
    or more), "Comedian Moss Harlan" -> "Moss Harlan" (a noun for a person, which the
    article also writes in lower case, opening a name of two words or more: not "Bill" of
    "Bill de Blasio" beside "the bill"), "De Blasio Eulogizes" ->
    "De Blasio" (nothing may follow a known surname); "Ironically Brandvold" -> "Brandvold"
    (a word English uses only as an adverb opens no name).
    """
    for m in mentions:  # "Ironically Brandvold": a sentence adverb opening the sentence
        first = text[m.start : m.end].split(" ", 1)
        if m.label == "PERSON" and len(first) == 2 and used_only_as(first[0], ADVERB):
            m.start += len(first[0]) + 1
    forms = Counter(text[m.start : m.end] for m in mentions if m.label == "PERSON")
    full = {f.lower() for f in forms if name_parts(f)[0]}
    surnames = {name_parts(f)[1].lower() for f in forms if len(f.split()) < 4}
    family = {name_parts(f)[1].lower() for f in forms if 1 < len(f.split()) < 4}
    places = _place_names(text, mentions)
    for m in mentions:
        surface = text[m.start : m.end]
        if m.label != "PERSON" or forms[surface] > 1:
            continue
        words = surface.split(" ")
        for k in range(1, len(words) - 1):
            tail = " ".join(words[k:]).lower()
            # "Mayor of Orrin Peter Vance": a place the article names elsewhere, then a name
            if tail in full or " ".join(words[:k]).lower() in places or (
                    k == 1 and _role_opening(text, doc, m.start, words[0])):
                m.start += len(" ".join(words[:k])) + 1
                break
        surface = text[m.start : m.end]
        words = surface.split(" ")
        if words[-1].lower() in family:
            continue  # "Tomas Brandt" beside "Ilse Brandt": a given name and their surname
        for k in range(len(words) - 1, 0, -1):
            head = words[:k]
            if " ".join(head[-2:]).lower() in surnames or head[-1].lower() in surnames:
                if len(head) < len(words) and head[-1].lower() != words[-1].lower():
                    m.end = m.start + len(" ".join(head))
                    break


def _role_opening(text: str, doc: Doc, start: int, word: str) -> bool:
    """Whether the capitalised first word of a name at ``start`` is a noun for a person that
    the article also writes in lower case ("Comedian" and "the comedian"), not a given name
    ("Hunter" of a "Hunter Sol Thompson" the article calls no hunter)."""
    low = word.lower()
    span = doc.char_span(start, start + len(word))
    return (span is not None and len(span) == 1 and person_noun(span[0]) and low.isalpha()
            and low != word and bool(re.search(rf"\b{re.escape(low)}\b", text)))


def _person_canonicals(names: list[str]) -> dict[str, str]:
    """Mention form -> canonical full form, for the persons of one article."""
    counts = Counter(names)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        by_surname[name_key(name)[1]].append(name)
    out: dict[str, str] = {}
    full_all = [n for n in counts if name_parts(n)[0]]
    for group in by_surname.values():
        full = [n for n in group if name_parts(n)[0]]
        for name in group:
            given = name_key(name)[0]
            cands = [f for f in full if given_compatible(given, name_key(f)[0])]
            if cands:
                best = max(cands, key=lambda f: (counts[f], completeness(f), -full.index(f)))
                out[name] = best
            else:
                surname_forms = Counter({n: counts[n] for n in group})
                out[name] = max(surname_forms, key=lambda n: (surname_forms[n], n[:1].islower()))
    # A lone given name ("Hillary") that fits exactly one full name of the article.
    for name in counts:
        if len(name.split()) == 1 and out.get(name) == name and not name_parts(name)[0]:
            hits = {out[f] for f in full_all if name_parts(f)[0][0].lower() == name.lower()}
            if len(hits) == 1 and len([n for n in by_surname.get(name.lower(), [])]) <= 1:
                out[name] = hits.pop()
    return out


def _acronym(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in _STOP_INITIALS and w[:1].isalpha()]
    return "".join(w[0] for w in words)


def _org_canonicals(names: list[str],
                    named_first: Callable[[str, str], bool] | None = None) -> dict[str, str]:
    """Case-insensitive forms, acronyms ("NYPD" <- "New York Police Department") and short
    forms (``_short_forms``). Inside an article a short form that begins a longer name
    stays a name of its own when ``named_first`` says the report writes it alone before
    the longer name (see ``_alone_first``): an article names a body in full first, so
    "Corvant" from the first line is the firm, not "Corvant Payroll Services" further
    down. Dropping only a legal
    suffix ("Co.", "Inc.") or a phrase with a lower-case word ("St. Brigid's Hospital in
    Millbrook") is always a shortening, and so is dropping a leading qualifier ("the
    Navy" after "the Indian Navy", "the Wizards" before "the Washington Wizards": leads
    write those first). Across a corpus there is no order to read (how often each form is
    written was tried: it split "Kraft" from "Kraft Foods")."""
    counts = Counter(names)
    lower: dict[str, str] = {}  # a house style's case and full stops aside ("Inc." / "Inc")
    for name in sorted(counts, key=lambda n: (-counts[n], n)):
        lower.setdefault(_style_key(name), name)
    out = {n: lower[_style_key(n)] for n in counts}
    long_by_acr: dict[str, set[str]] = defaultdict(set)
    for name in set(out.values()):
        if len(name.split()) >= 2:
            long_by_acr[_acronym(name).upper()].add(name)
    for name, canon in out.items():
        if canon.isupper() and 2 <= len(canon) <= 6 and len(long_by_acr.get(canon, ())) == 1:
            out[name] = next(iter(long_by_acr[canon]))

    def shortens(short: str, full: str) -> bool:
        own = set(short.lower().split())
        extra = [w for w in full.split() if w.lower() not in own]
        if all(w.lower() in _FIRM_WORDS for w in extra) or any(w[:1].islower() for w in extra):
            return True
        if not full.lower().startswith(short.lower() + " "):  # "Navy" of "Indian Navy"
            return True
        return named_first is None or not named_first(short, full)

    short = _short_forms(set(out.values()), shortens)
    return {name: short.get(canon, canon) for name, canon in out.items()}


def _style_key(name: str) -> str:
    return name.lower().replace(".", "")


def _alone_first(text: str, doc: Doc, body: int, short: str, full: str) -> bool:
    """Whether the report (from ``body``, past the headline, which writes short forms
    first) names ``short`` alone before it first writes ``full``. "Kraft" inside "Kraft
    Foods", or naming a kind of thing ("the Kraft shooting", "a Kraft factory": the parse
    says compound), is not naming it alone."""
    whole = re.compile(rf"(?<!\w){re.escape(full)}(?!\w)")
    inside = [(m.start(), m.end()) for m in whole.finditer(text)]
    first_full = next((a for a, _ in inside if a >= body), len(text))
    for m in re.finditer(rf"(?<!\w){re.escape(short)}(?!\w)", text[:first_full]):
        if m.start() < body or any(a <= m.start() and m.end() <= b for a, b in inside):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and len(span) and span[-1].dep_ == "compound":
            continue
        return True
    return False


def _short_forms(names: set[str],
                 shortens: Callable[[str, str], bool] | None = None) -> dict[str, str]:
    """Short forms -> the one full name they start or end ("Halvorsen Chemical" ->
    "Halvorsen Chemical Co."; "Local 1187" -> "... Firefighters Local 1187"), longest names
    first, found through an index of every name's leading and trailing words; a pair
    ``shortens`` refuses keeps the short form as a name of its own."""
    longer: dict[tuple[str, ...], set[str]] = defaultdict(set)  # words -> names they begin/end
    for name in names:
        words = name.lower().split()
        for k in range(1, len(words)):
            longer[tuple(words[:k])].add(name)
            longer[tuple(words[-k:])].add(name)
    short: dict[str, str] = {}
    for canon in sorted(names, key=lambda n: -len(n.split())):
        key = tuple(canon.lower().split())
        fits = {short.get(n, n) for n in (longer.get(key, ()) if key else filter(str.split, names))}
        if len(fits) == 1 and (shortens is None or shortens(canon, next(iter(fits)))):
            short[canon] = fits.pop()
    return short


_HYPHENED = re.compile(r"-[^\W\d_]+\b")


def extract_entities(article: Article, doc: Doc,
                     nonbody: tuple[NonBody, ...] = ()) -> tuple[Entity, ...]:  # fmt: skip
    """Named entities (no dates or numbers) with roles and in-article canonical names. A name
    written only in ``nonbody`` text (a caption, a credit: "EPA Harbor Trust said ...") is
    no fuller form of a body name."""
    text = article.text
    mentions = _raw_mentions(text, doc)
    mentions += _title_persons(text, doc, [(m.start, m.end) for m in mentions])
    mentions.sort(key=lambda m: (m.start, m.end))
    for m in mentions:  # "Moon Jae-in", "Jean-Luc": the tagger may stop at the hyphen
        if m.label == "PERSON" and (more := _HYPHENED.match(text, m.end)):
            m.end = more.end()
    _people_by_pronoun(text, doc, mentions)
    _relabel_surnames(text, mentions)
    _titled_after_place(text, mentions)
    _trim_overlong_persons(text, doc, mentions)
    named = [m for m in mentions if overlaps(nonbody, m.start, m.end) is None]
    persons = [text[m.start : m.end] for m in named if m.label == "PERSON"]
    orgs = [text[m.start : m.end] for m in named if m.label == "ORG"]
    canon_person = _person_canonicals(persons)
    body = headline_end(text, article.title)
    canon_org = _org_canonicals(orgs, lambda short, full: _alone_first(text, doc, body,
                                                                         short, full))
    fulls: dict[str, set[str]] = defaultdict(set)  # surname -> full names in this article
    for name in persons:
        if name_parts(name)[0]:
            fulls[name_key(name)[1]].add(canon_person.get(name, name))
    # where each surname is first used alone, and each full name first written: a surname
    # in use before any full name with it is someone of its own ("Vance said ..." all along
    # is not "her father, Arlo Vance" introduced later)
    # (a headline names people by surname only: it does not count)
    first_alone: dict[str, int] = {}
    first_full: dict[str, int] = {}
    for m in mentions:
        if m.label == "PERSON":
            surface = text[m.start : m.end]
            if name_parts(surface)[0]:
                first_full.setdefault(canon_person.get(surface, surface), m.start)
            elif m.start >= body:
                first_alone.setdefault(name_key(surface)[1], m.start)
    last_full: dict[str, str] = {}  # surname -> the full name mentioned most recently
    out = []
    for m in mentions:
        start, label = m.start, m.label
        surface = text[start : m.end]
        if label == "PERSON":
            canonical = canon_person.get(surface, surface)
            surname = name_key(surface)[1]
            introduced = {f for f in fulls.get(surname, ())
                          if first_full.get(f, start) < first_alone.get(surname, start)}
            if name_parts(surface)[0]:
                last_full[surname] = canonical
            elif fulls.get(surname) and not introduced:
                canonical = surface
            elif len(fulls.get(surname, ())) > 1 and surname in last_full:
                canonical = last_full[surname]  # "Lindqvist" after "Erik Lindqvist" is Erik
        elif label == "ORG":
            canonical = canon_org.get(surface, surface)
        else:
            canonical = surface
        out.append(Entity(surface, label, canonical, start, m.end, m.role))
    return tuple(out)


def _corpus_person_map(counts: Counter[str]) -> dict[str, str]:
    """Each person's name -> the fullest compatible name across the corpus. An honorific is
    no given name: "Mr. Tan", as one outlet writes him throughout, is the "Hock Tan" of
    the others."""
    bare = {n: split_title(n)[1] or n for n in counts}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in sorted(counts):
        by_surname[name_key(bare[name])[1]].append(name)
    out: dict[str, str] = {}
    for group in by_surname.values():
        for name in group:
            cands = [n for n in group if names_compatible(bare[name], bare[n])]
            if name_parts(bare[name])[0]:
                cands = [n for n in cands if name_parts(bare[n])[0]]
                best = max(cands, key=lambda n: (completeness(n), counts[n], n))
            else:
                full = [n for n in cands if name_parts(bare[n])[0]] or cands
                best = max(full, key=lambda n: (counts[n], completeness(n), n))
            out[name] = best
    # Follow chains (short -> full -> most complete) to a fixed point.
    for name in out:
        seen = {name}
        while out[out[name]] != out[name] and out[out[name]] not in seen:
            seen.add(out[name])
            out[name] = out[out[name]]
    return out


def _glued_roles(extractions: Sequence[Extraction], persons: Counter[str],
                 mapping: dict[str, str]) -> dict[str, str]:
    """Names NER took a role into -> the person's name. "Model Ada Lind and her husband ..."
    opens a sentence, the tagger takes the role into the name (often as a firm or a
    product), and the article never writes "model" in lower case, so ``_role_opening``
    cannot tell. When the story also names the person without the word ("Ada Lind") and
    writes the word in lower case somewhere ("a model and television host"), the name is
    the rest. Whatever its label: the rest is a person the story names."""
    lower = {w for ex in extractions for s in ex.sentences
             for w in re.findall(r"(?<![\w-])[a-z]+(?![\w-])", s.text)}
    names = {e.canonical for ex in extractions for e in ex.entities}
    names |= {q.speaker for ex in extractions for q in ex.quotes if q.speaker}
    glued = {}
    for name in names:
        words = name.split()
        rest = " ".join(words[1:])
        if len(words) >= 3 and words[0][:1].isupper() and words[0].lower() in lower \
                and rest in persons:
            glued[name] = mapping.get(rest, rest)
    return glued


def canonicalize_corpus(extractions: Sequence[Extraction]) -> tuple[Extraction, ...]:
    """Unify canonical names across articles; rewrites entities and quote speakers. Names
    outside an article's body (a credit line's reporters, a caption's photographer, a
    sidebar's people) are not counted: they give no one in the body their full name."""
    persons: Counter[str] = Counter()
    orgs: Counter[str] = Counter()
    for ex in extractions:
        for ent in ex.entities:
            if ex.nonbody and overlaps(ex.nonbody, ent.start, ent.end) is not None:
                continue
            if ent.label == "PERSON":
                persons[ent.canonical] += 1
            elif ent.label == "ORG":
                orgs[ent.canonical] += 1
    mapping = _corpus_person_map(persons)
    glued = _glued_roles(extractions, persons, mapping)
    mapping = {name: glued.get(canon, canon) for name, canon in mapping.items()} | glued
    speakers = [q.speaker for ex in extractions for q in ex.quotes
                if q.speaker and q.speaker not in mapping and any(c.isdigit() for c in q.speaker)]
    # case variants, acronyms, and short forms ("Local 1187") of one full name, corpus-wide
    org_map = _org_canonicals(list(orgs.elements()) + speakers)
    firms = _firm_prefixes(set(org_map.values()))
    # a quote's lone surname that is the story's one full-named person of that name is that
    # person, even where the tagger or a firm's name ("Marrow" / "The Marrow Company")
    # says ORG (entities keep their labels: linking reads them)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for full in set(mapping.values()):
        if len(full.split()) >= 2:
            by_surname[full.split()[-1].lower()].add(full)
    people = {k: next(iter(v)) for k, v in by_surname.items() if len(v) == 1}
    # a name one outlet's tagger calls a person and the others, more often, a firm is the
    # firm ("Trisca Inc" a PERSON in one report, an ORG in five): one speaker heading
    firm_uses: Counter[str] = Counter()
    for name, n in orgs.items():
        firm_uses[org_map.get(name, name)] += n
    for name, n in persons.items():  # a firm's first word tagged a person ("Trisca")
        if name.lower() in firms:
            firm_uses[firms[name.lower()]] += n
    by_style = {_style_key(org): org for org in firm_uses}
    for name, n in persons.items():
        firm = by_style.get(_style_key(mapping.get(name, name)))
        if firm is not None and firm_uses[firm] > n:
            mapping[name] = firm
    out = []
    for ex in extractions:
        ents = tuple(_corpus_entity(e, mapping, org_map, firms, glued) for e in ex.entities)
        quotes = tuple(_remap_quote(q, mapping, org_map, firms, people) for q in ex.quotes)
        out.append(dataclasses.replace(ex, entities=ents, quotes=quotes))
    return tuple(out)


_FIRM_WORDS = frozenset({"co", "co.", "inc", "inc.", "corp", "corp.", "company", "corporation",
                         "llc", "ltd", "ltd.", "group", "plc"})


def _firm_prefixes(orgs: set[str]) -> dict[str, str]:
    """Leading words of a company name -> that name: NER often tags a bare "Halvorsen" or
    "Halvorsen Chemical" as a person when the article is about "Halvorsen Chemical Co."."""
    out: dict[str, set[str]] = defaultdict(set)
    for org in orgs:
        words = org.split()
        if len(words) >= 2 and words[-1].lower() in _FIRM_WORDS:
            for n in range(1, len(words) - 1 + 1):
                out[" ".join(words[:n]).lower()].add(org)
    return {k: next(iter(v)) for k, v in out.items() if len(v) == 1}


def _remap(name: str, label: str, persons: dict[str, str], orgs: dict[str, str]) -> str:
    if label == "PERSON":
        return persons.get(name, name)
    if label == "ORG":
        return orgs.get(name, name)
    return name


def _corpus_entity(e: Entity, persons: dict[str, str], orgs: dict[str, str],
                   firms: dict[str, str], glued: dict[str, str]) -> Entity:
    """One entity with its corpus-wide label and canonical name (see canonicalize_corpus)."""
    if e.label == "PERSON" and not e.role and e.canonical.lower() in firms:
        return dataclasses.replace(e, label="ORG", canonical=firms[e.canonical.lower()])
    canonical = _remap(e.canonical, e.label, persons, orgs)
    if canonical in glued:  # a role glued to a person's name, tagged as anything
        return dataclasses.replace(e, label="PERSON", canonical=glued[canonical])
    return dataclasses.replace(e, canonical=canonical)


def _remap_quote(q: Quote, persons: dict[str, str], orgs: dict[str, str],
                 firms: dict[str, str] | None = None,
                 people: dict[str, str] | None = None) -> Quote:  # fmt: skip
    if q.speaker is None:
        return q
    # a firm named after a person ("Halvorsen") speaks for it, unless the story names a person
    # of that name in full ("Marrow" beside "Hal Marrow" is the man)
    person = (people or {}).get(q.speaker.lower()) if " " not in q.speaker else None
    firm = None if person else (firms or {}).get(q.speaker.lower())
    new = person or firm or persons.get(q.speaker) or orgs.get(q.speaker) or q.speaker
    return q if new == q.speaker else dataclasses.replace(q, speaker=new)
