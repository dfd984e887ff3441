"""Quotes grouped into utterances: one group per thing said, with its wording variants.

Two quotes are one utterance when their words overlap enough: one contained in the other
(truncations, "..." cuts) or a high Jaccard overlap (small edits). Each group is credited to the
speaker most independent sources name; a variant credited to someone else carries that speaker,
and the group then yields a ``speaker`` claim per outlet (compared in facts.py). Quotes in page
furniture (a caption, an embedded post, a sidebar: ``Extraction.nonbody``) are left out, and so
are paraphrases no one is found to have said. What a reader is shown of each: a quote that runs
over paragraphs one paragraph at a time (``paragraph_pieces``), a paraphrase from its speaker's
own verb (``shown_span``) and only when it reads as a clause (``readable``: not "to come
forward", "which she said ...", a bare "step up"); a group with nothing left to show is not
listed, while its speaker claims and the framing's voices still count it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Any

from ..extract.furniture import overlaps
from ..extract.quotes.cues import INTENT, PLAN_VERBS, REPORT, SPEECH
from ..extract.quotes.marks import find_marked
from ..records import Cite, Claim, Entity, Quote, QuoteGroup, QuoteVariant
from ..words import POSSESSIVE, verb_lemma
from .cite import StoryContext, UnionFind
from .claims import Placed, spelled_pairs, written_together

MIN_CONTAIN_TOKENS = 4
SPEAKER_WORDS = 5  # a quote this long or longer can be credited to two people in conflict
CONTAINMENT = 0.8
JACCARD = 0.6
PARAPHRASE_JACCARD = 0.75
# a quotation's words, its figures too ("3", "2026"): copies of one utterance are compared
# word for word (``words.WORD`` reads no figures)
_WORD = re.compile(r"[\w']+")


def _paraphrase_verb(q: Quote) -> str:
    """The verb a mixed quote (the outlet's paraphrase around quoted words) was written
    with, when it is not "said" and reads before its words: "described the blast as 'deafening
    and close'", "confirmed there were 'people still unaccounted for'". Else "" (a statement says
    "said"): "told" needs whom it was told, a present or a gerund is no statement's verb."""
    cue = (q.cue or "").casefold()
    if q.kind != "mixed" or not cue.isalpha() or cue in ("said", "told") or not cue.endswith("ed"):
        return ""
    return cue


def utterances(quotes: Sequence[Quote]) -> list[list[Quote]]:
    """The quotes that have a speaker, one group per utterance in text order: the parts of
    one split around its one mention of the speaker ("'He was unresponsive,' the doctor
    told reporters, 'just a disaster.'") are one; a quote with no mention of its own is
    one by itself."""
    groups: dict[tuple[str, int], list[Quote]] = defaultdict(list)
    for i, q in enumerate(sorted(quotes, key=lambda q: q.start)):
        if q.speaker:
            mention = q.speaker_start if q.speaker_start is not None else -1 - i
            groups[(q.speaker, mention)].append(q)
    return list(groups.values())


def quote_tokens(text: str) -> tuple[str, ...]:
    return tuple(w.replace("\u2019", "'") for w in _WORD.findall(text.casefold()))


def same_utterance(a: tuple[str, ...], b: tuple[str, ...], paraphrase: bool = False) -> bool:
    """Truncation, containment (in order) or a small edit of the same words. A ``paraphrase`` (an
    indirect quote) only matches near-identical wording: reported speech reuses stock phrases
    ("no teacher would be laid off") that containment would wrongly join."""
    if a == b:
        return True
    sa, sb = set(a), set(b)
    if min(len(sa), len(sb)) < MIN_CONTAIN_TOKENS:
        return False
    inter = len(sa & sb)
    if paraphrase:
        return inter / len(sa | sb) >= PARAPHRASE_JACCARD
    if inter / len(sa | sb) >= JACCARD:
        return True
    # a part of the other: most of the shorter's words, in the same order ("nobody was safe
    # on the road" is not a part of "the road was not safe ... and nobody told me")
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if inter / min(len(sa), len(sb)) < CONTAINMENT:
        return False
    blocks = SequenceMatcher(None, short, long_, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) >= CONTAINMENT * len(short)


@dataclass(frozen=True, slots=True)
class _Member:
    article: str
    quote: Quote
    tokens: tuple[str, ...]


_NAMED_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
_FUNCTION = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}


def is_named(speaker: str | None, names: set[str] | None = None) -> bool:
    """A speaker with a proper name ("Ada Quill", "Port Alder Fire Department"), not a vague
    mention ("officials", "the company", "it"): only named speakers can be misattributed.
    ``names`` (casefolded entity names of the story), when known, must contain it."""
    if not speaker:
        return False
    if names:
        return speaker.casefold() in names
    return any(w[:1].isupper() and w.casefold() not in _FUNCTION for w in speaker.split())


def _entity_names(ctx: StoryContext) -> set[str]:
    return {
        n.casefold()
        for rec in ctx.analyzed.values()
        for e in rec.extraction.entities
        if e.label in _NAMED_LABELS
        for n in (e.canonical, e.text)
        if n
    }


def named_beside(q: Quote) -> bool:
    """Whether the quote's speaker is named where it is attributed ("..., Reyes said"),
    not a pronoun or a description resolved to a name."""
    said = (q.speaker_text or "").split()
    return bool(said and q.speaker and said[-1][:1].isupper()
                and said[-1].casefold().strip(".,") == q.speaker.split()[-1].casefold())


def named_in_paragraph(text: str, entities: Sequence[Entity], q: Quote) -> bool:
    """A "he said"/"she said" quote whose paragraph, up to the quote, names one person only,
    and that person is the speaker ("Reyes said the wind had helped. '...,' he said.")."""
    said = (q.speaker_text or "").casefold()
    if said not in ("he", "she") or not q.speaker:
        return False
    start = text.rfind("\n", 0, q.start) + 1
    people = {(e.canonical or e.text).split()[-1] for e in entities
              if e.label == "PERSON" and start <= e.start < q.start}  # fmt: skip
    return people == {q.speaker.split()[-1]}


_FRAME_WORDS = 4
_CUE_REACH = 60  # characters before a paraphrase its verb may stand in
_FRAME_STOPS = frozenset(",;:()\n\"\u201c\u201d\u2014")


def shown_span(text: str, q: Quote) -> tuple[int, int]:
    """The words to show for a paraphrase: the quote, widened back over the few words between
    its speaker's mention and it ("declined to say whether ...", "did not know whether ...",
    "doubts a judge will ...", "said on Tuesday that ..."), so a refusal, a doubt or a
    negation is never shown as a claim, and a reader sees the paraphrase as a sentence about
    its speaker (the report writes their name before it). A direct quote, and one with no
    mention just before it, is shown as it is."""
    if q.kind == "direct" or q.speaker_end is None:
        return q.start, q.end
    if q.speaker_start is not None and q.speaker_start >= q.end:
        # the speaker after the words, their verb before them ("Denying he had sold the
        # paintings, Marek Tolvan kept ..."): the verb stays, or the line would tell the
        # opposite of a denial
        cue = (q.cue or "").strip()
        start = max(0, q.start - _CUE_REACH)
        window = text[start : q.start]
        at = _cue_before(window, cue) if cue.replace(" ", "").isalpha() else None
        if at is None or "." in window[at:]:
            return q.start, q.end
        return start + at, q.end
    name_end = q.speaker_end
    if q.speaker and q.speaker_start is not None:  # a mention cut short ("The Center"), the
        # rest of the name after it ("for Safe Ferries"): the name ends where the whole is
        found = text.find(q.speaker, q.speaker_start, q.end)
        between = text[q.speaker_end : found].split() if found >= q.speaker_end else []
        if 0 <= found and (found <= q.speaker_end or (  # (or the name right after its title:
                len(between) <= 2 and all(w[:1].isupper() for w in between))):  # "director
            name_end = max(name_end, found + len(q.speaker))  # Dr Ada Vell")
    if name_end > q.start >= (q.speaker_start if q.speaker_start is not None else q.end):
        # words that start inside the name that says them ("The Center | for Safe Ferries
        # aims to ..."): shown from after the name, which the line writes before them
        after = name_end + len(text[name_end : q.end]) - len(text[name_end : q.end].lstrip())
        return (after, q.end) if after < q.end else (q.start, q.end)
    if name_end >= q.start:
        return q.start, q.end
    frame = text[name_end : q.start]
    words = frame.split()
    if not 0 < len(words) <= _FRAME_WORDS or any(c in _FRAME_STOPS for c in frame):
        # an aside between the speaker and the verb ("Clinic staff, pointing to patient
        # rules, refused to say ..."): the verb right before the words still governs them,
        # and so does one with whom it asked in between ("declared an emergency and urged
        # people in the east of the city to keep ..."), within the frame
        cue = (q.cue or "").strip()
        at = _cue_before(frame, cue) if cue.replace(" ", "").isalpha() else None
        if at is not None:
            return name_end + at, q.end
        return q.start, q.end
    return name_end + len(frame) - len(frame.lstrip()), q.end


# Words a clause with a subject of its own does not start with: relative and question words,
# conjunctions, the "to" of an infinitive, auxiliaries and verbs of saying (closed classes of
# the grammar, not topics). A paraphrase starting with one is a piece cut from its sentence:
# "which she said was ...", "may have kept ...", "to come forward".
_NO_CLAUSE_START = frozenset(
    """to which who whom whose where when whether what how why if and or but nor as than said
    says say told tells may might could would should will shall can must has have had is are
    was were be been being do does did""".split()
)
# Finite forms that show a clause has a verb of its own (a past in "-ed" as well)
_FINITE = frozenset(
    """is are was were am has have had will would can could may might must should shall does
    do did""".split()
)
_CONTRACTED = ("'s", "'re", "'ve", "'d", "'ll", "n't")


_CLOSING_MARKS = ("\u201d", '"', "\u2019")


def _clause_finished(ctx: StoryContext, article: str, q: Quote,
                     span: tuple[int, int]) -> tuple[int, int]:  # fmt: skip
    """The words to show for quoted words that finish a clause the outlet began, its speaker
    named in an earlier sentence ("... a harbour official said. By noon, though, the buoy had
    “gone quiet and its beacon stopped sending.”"): the sentence from its start, with the closing
    mark, not a fragment that opens on a participle. Any other span as it is."""
    if q.kind != "mixed" or span[0] != q.start or not q.text[:1].islower():
        return span
    sentence = ctx.sentence_before(article, q.start)
    if (sentence is None or not sentence.start < q.start or q.speaker_end is None
            or q.speaker_end > sentence.start):  # fmt: skip
        return span  # (a speaker in the sentence frames the words: ``shown_span``)
    text = ctx.text(article)
    end = span[1] + 1 if text[span[1] : span[1] + 1] in _CLOSING_MARKS else span[1]
    return sentence.start, end


def reads_as_clause(text: str) -> bool:
    """Whether paraphrased words read as a clause on their own: four words or more, their
    quotation marks paired, not opening with a word no subject comes before, with a finite
    verb after the first word
    ("the crews were worn out"; not "step up", "mostly young men from the crews", "to come
    forward", "which she said was planned")."""
    words = quote_tokens(text)
    if len(words) < 4 or words[0] in _NO_CLAUSE_START or not _marks_paired(text):
        return False
    return any(w in _FINITE or w.endswith(_CONTRACTED) or (w.endswith("ed") and len(w) > 4)
               for w in words[1:])


def _marks_paired(text: str) -> bool:
    """Whether every quotation mark in ``text`` opens and closes inside it: words that run
    over a quotation's end ('no way we can take everyone” when asked ...') are cut from
    both the quote and the sentence around it."""
    depth = 0
    for c in text:
        if c == "\u201c":
            depth += 1
        elif c == "\u201d":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and text.count('"') % 2 == 0


def readable(text: str, kind: str, framed: bool, speaker: str | None) -> bool:
    """Whether a quote can be shown to a reader as it is rendered (``render.html.
    shown_words``): words in quotation marks; a paraphrase that starts with its speaker's
    own verb ("declined to say whether ..."); a "that" clause with a speaker ("X said that
    ..."); else paraphrased words that read as a clause on their own."""
    if kind == "direct" or (framed and speaker):
        return True
    if text[:5].casefold() == "that ":
        return bool(speaker) and reads_as_clause(text[5:])
    return reads_as_clause(text)


_ASKED_WORDS = 10  # at most this many words between a verb and the words it governs


def _cue_before(frame: str, cue: str) -> int | None:
    """Where the verb ``cue`` opens the words right before a paraphrase, in ``frame`` (the
    text from the speaker's mention to the paraphrase): its last use as a word, with only
    plain words after it (whom it asked or told, no clause break); None when there is none."""
    found = None
    for m in re.finditer(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", frame):
        found = m
    if found is None:
        return None
    gap = frame[found.end():]
    if any(c in _FRAME_STOPS for c in gap) or len(gap.split()) > _ASKED_WORDS:
        return None
    # with the auxiliaries and the negation right before it ("but has not indicated that
    # ..."): without them the line would tell the opposite
    before = _AUX_BEFORE.search(frame, 0, found.start())
    return before.start() if before else found.start()


_AUX_BEFORE = re.compile(
    r"(?:\b(?:(?:has|have|had|did|does|do|is|are|was|were|will|would|could|can|may|might|"
    r"should|wo|ca)(?:n[\u2019']t)?|not|never|also|still|yet)\s+)+$", re.IGNORECASE)


def shown(q: Quote, text: str | None = None) -> bool:
    """Whether a quote is one a reader can use: words in quotation marks, or reported words
    with someone who said them. A paraphrase no one is found to have said is narration to a
    reader ("For some time, the industry has been ..."), not a quote; so is a plan or an
    expectation with only an infinitive ("plans to open ...", "expects its ranks to grow":
    ``PLAN_VERBS``), which tells what someone means to do, not what they said, and a fact
    told as known (``KNOWING``) or shown by a deed ("showing why she is the best player":
    ``_shown_how``), a deed refused (``_refused_deed``), or, given the article's ``text``,
    what someone is let or asked to do (``_let_do``)."""
    if q.kind == "mixed" and _scare_quoted(q):
        return False
    if _NO_ONE.match(q.speaker or ""):
        return False  # "No member of the board would comment or indicate whether ...": no one
        # said anything
    if q.kind != "indirect":
        return True
    return (bool(q.speaker) and not _a_plan(q) and verb_lemma(q.cue or "") not in KNOWING
            and not _shown_how(q) and not _refused_deed(q)
            and not (text is not None and _let_do(text, q)))


def _let_do(text: str, q: Quote) -> bool:
    """Whether a paraphrase's verb is an infinitive right after its speaker ("allowed the
    pilots to decide whether ..."): what someone is let, asked or set to do, which they
    have not said. (``text``: the article's, to read the words between.)"""
    start, _ = shown_span(text, q)
    return text[start : start + 3].casefold() == "to " and start < q.start


SCARE_WORDS = 3  # quoted words this short, framed by no verb of saying, set off a term


def _scare_quoted(q: Quote) -> bool:
    """A mixed quote whose verb says nothing ("ran the following \u201cgame-winning\u201d
    plays", "helped develop a \u201charbour strategy\u201d") and whose marks hold a term of a
    few words: the writer sets off a word, nobody is quoted. Attribution corpora count
    them, so extraction keeps them; a brief does not show them as anyone's words."""
    if not q.cue or verb_lemma(q.cue) in SPEECH | REPORT | INTENT:
        return False  # (no verb recorded: nothing says the verb says nothing)
    marked = [q.text[m.start : m.end] for m in find_marked(q.text) if not m.single]
    return bool(marked) and all(len(re.findall(r"[^\W_]+", w)) <= SCARE_WORDS
                                for w in marked)


_NO_ONE = re.compile(r"(?:no|none|nobody|no one|neither)\b(?!\.)", re.IGNORECASE)  # (not "No. 1")
_REFUSALS = frozenset({"refuse", "decline"})


def _refused_deed(q: Quote) -> bool:
    """Words of refusing or declining whose infinitive is a deed, not saying ("refused to give
    up on the match", not "declined to say whether ..."): what someone would not do."""
    if verb_lemma(q.cue or "") not in _REFUSALS:
        return False
    words = quote_tokens(q.text)
    if len(words) < 2 or words[0] != "to":
        return False
    return verb_lemma(words[1]) not in SPEECH | REPORT


_HOW = frozenset({"why", "how", "what"})


def _shown_how(q: Quote) -> bool:
    """Words "show" gives as a question word's clause ("showing why she is the best
    player", "showed how far they have come"), or a participle "explaining why ..." hung on
    a clause: what a deed shows is so, or the writer's reasoning, which no one said.
    Attribution corpora count them, so extraction keeps them; a brief does not show them as
    anyone's words ("the survey showed that most riders ..." is a finding it reports)."""
    words = quote_tokens(q.text)
    if not words or words[0] not in _HOW:
        return False
    lemma = verb_lemma(q.cue or "")
    # "explaining why ..." hung on a clause is the writer's reasoning; a person who
    # "explained why" spoke
    return lemma == "show" or (lemma == "explain" and (q.cue or "").endswith("ing"))


# Verbs that tell a fact as known ("knows the team needs a coach", "learned that the pier was
# unsafe"): the writer's account of what is so, not words or a view anyone gave.
KNOWING = frozenset({"know", "learn", "understand", "realize", "realise",
                     "mean"})  # ("which meant she could veto any trade": what followed)


# Plan verbs that take no clause with a tense ("expects that the pier will close" is a view;
# nobody "wants that ..."): what they govern is always a wish, never words or a view.
_WISHES = frozenset({"want", "intend", "seek"})


def _a_plan(q: Quote) -> bool:
    """A paraphrase given by a verb of planning or expecting whose words are its infinitive:
    a "to" with no finite verb or "that" before it ("to start lobbying", "its ranks to grow",
    "Brightline to build a dock valued at ..."; not "that the pier will close", "the pier
    will close to traffic", "the talks resume"), or any words of a verb of wanting."""
    lemma = verb_lemma(q.cue or "")  # (the cue as the text writes it)
    if lemma not in PLAN_VERBS:
        return False
    if lemma in _WISHES:
        return True  # "wanted the paintings sold": a wish, whatever form its object takes
    words = quote_tokens(q.text)
    if "to" not in words:
        return False
    return not any(w in _FINITE or w == "that" or w.endswith(_CONTRACTED)
                   for w in words[: words.index("to")])


_OPENING_MARKS = "\u201c\u201e\u00ab\"'\u2018`"


def paragraph_pieces(q: Quote) -> list[Quote]:
    """A quote as a reader is shown it: one piece per paragraph. Words a paragraph leaves
    open and the next one reopens are one quote to the extractor (as gold annotations
    have them), but a line shown with a paragraph break and the reopening mark inside it
    reads as two quotes run together ('... a little sad.\n\u201cWe love this boat,')."""
    if "\n" not in q.text:
        return [q]
    out = []
    pos = 0
    for part in q.text.split("\n"):
        lo, hi = pos, pos + len(part)
        pos = hi + 1
        while lo < hi and (q.text[lo].isspace() or q.text[lo] in _OPENING_MARKS):
            lo += 1
        while hi > lo and q.text[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            out.append(replace(q, text=q.text[lo:hi], start=q.start + lo, end=q.start + hi))
    return out or [q]


def quote_key(text: str, words: int = 6) -> str:
    """The first words of an utterance: the key of its ``speaker`` claims."""
    parts = text.split()
    if len(parts) > 1 and parts[0].casefold() == "that":  # indirect: "said that ..."
        parts = parts[1:]
    return " ".join(parts[:words]) + ("\u2026" if len(parts) > words else "")


def one_spelling(speakers: Iterable[str], texts: Sequence[str] = ()) -> dict[str, str]:
    """Each speaker as the story writes them one way: outlets that differ only in case
    ("Velden police" / "Velden Police") or in a possessive ("Velk Radio's management")
    name one speaker, shown with the most capitals (a
    name over a description), then the spelling most often written; and a name that ends
    with another speaker's whole name of two capitalised words or more ("Growth Strategy
    Lena Varga", the end of a job title glued to it by the parse) is that speaker. Two
    names spelled alike are one person's unless one of the story's ``texts`` writes both
    ("Lidia Venn" and her brother "Lidan Venn")."""
    written = Counter(speakers)
    best: dict[str, str] = {}
    for name in sorted(written, key=lambda n: (-sum(c.isupper() for c in n), -written[n], n)):
        best.setdefault(_spelling_key(name), name)
    names = [n for n in best.values() if len(n.split()) >= 2
             and all(w[:1].isupper() for w in n.split())]  # fmt: skip
    for key, name in list(best.items()):
        inner = [n for n in names if n != name and name.endswith(" " + n)]
        if inner and all(w[:1].isupper() for w in name.split()):
            best[key] = max(inner, key=len)
    # one person whose name outlets spell two ways ("Heidar" / "Heydar", as the brief's
    # name claims tell them apart): the spelling written most
    kept = [n for n in names if best[_spelling_key(n)] == n]  # (not a name glued to a title)
    people = UnionFind()
    for x, y in spelled_pairs(kept):
        if not written_together(x, y, texts):
            people.union(x, y)
    groups: dict[str, list[str]] = defaultdict(list)
    for n in kept:
        groups[people.find(n)].append(n)
    most = {n: max(sorted(group), key=lambda m: written[m])
            for group in groups.values() for n in group}  # fmt: skip
    return {name: most.get(best[_spelling_key(name)], best[_spelling_key(name)])
            for name in written}


def _spelling_key(name: str) -> str:
    """What two spellings of one speaker share: the words without case or a possessive
    ("Velk Radio's management" / "Velk Radio management")."""
    return " ".join(POSSESSIVE.sub("", name).casefold().split())


def _one_speaker_per_article(cl: list[_Member], names: set[str]) -> list[list[_Member]]:
    """A group of like words split by speaker when one article gives them to two named
    speakers ("Velk declined to comment on the lawsuit. ... Orrin Lines declined to comment
    on the lawsuit."): two things said, not one utterance credited two ways ("the German
    newspaper" may be the paper named before, so a description splits nothing). Members
    with another speaker or none stay with the part of the speaker met first."""
    by_article: dict[str, set[str]] = defaultdict(set)
    for m in cl:
        if m.quote.speaker and is_named(m.quote.speaker, names):
            by_article[m.article].add(m.quote.speaker)
    two = {s for speakers in by_article.values() if len(speakers) > 1 for s in speakers}
    if not two:
        return [cl]
    apart = [s for s in dict.fromkeys(m.quote.speaker for m in cl) if s in two]
    parts: dict[str, list[_Member]] = defaultdict(list)
    for m in cl:
        parts[m.quote.speaker if m.quote.speaker in apart else apart[0]].append(m)
    return list(parts.values())


def group_quotes(ctx: StoryContext) -> tuple[tuple[QuoteGroup, ...], list[Placed]]:
    """Utterance groups (named speakers and widely carried words first) and their speaker
    claims."""
    members = [
        _Member(aid, piece, quote_tokens(piece.text))
        for aid, rec in ctx.analyzed.items()
        for q in rec.extraction.quotes
        if q.text.strip() and overlaps(rec.extraction.nonbody, q.start, q.end) is None
        and shown(q, rec.article.text)
        for piece in paragraph_pieces(q)
    ]
    spelled = one_spelling((m.quote.speaker for m in members if m.quote.speaker),
                           [rec.article.text for rec in ctx.analyzed.values()])
    members = [replace(m, quote=replace(m.quote, speaker=spelled[m.quote.speaker]))
               if m.quote.speaker else m for m in members]  # fmt: skip
    # compare distinct wordings only; members with the same words share their wording's group
    wordings = list(dict.fromkeys(m.tokens for m in members))
    verbatim = {m.tokens for m in members if m.quote.kind != "indirect"}
    uf = UnionFind()
    index: dict[str, list[int]] = defaultdict(list)
    for i, toks in enumerate(wordings):
        uf.find(str(i))
        seen: set[int] = set()
        for tok in set(toks):
            for j in index[tok]:
                if j not in seen:
                    seen.add(j)
                    para = toks not in verbatim or wordings[j] not in verbatim
                    if same_utterance(toks, wordings[j], para):
                        uf.union(str(i), str(j))
            index[tok].append(i)
    number = {toks: str(i) for i, toks in enumerate(wordings)}
    clusters: dict[str, list[_Member]] = defaultdict(list)
    for m in members:
        clusters[uf.find(number[m.tokens])].append(m)
    names = _entity_names(ctx)
    clusters = {f"{k}/{i}": part for k, cl in clusters.items()
                for i, part in enumerate(_one_speaker_per_article(cl, names))}
    groups: list[tuple[tuple[Any, ...], QuoteGroup]] = []
    claims: list[Placed] = []
    order = {a: i for i, a in enumerate(ctx.analyzed)}
    for cl in clusters.values():
        cl.sort(key=lambda m: (order[m.article], m.quote.start))
        credit: dict[str, set[str]] = defaultdict(set)
        direct: set[str] = set()  # speakers a direct quote gives the words to
        for m in cl:
            if m.quote.speaker:
                credit[m.quote.speaker].add(ctx.group[m.article])
                if m.quote.kind == "direct":
                    direct.add(m.quote.speaker)
        named = {s: g for s, g in credit.items() if is_named(s, names)}
        if direct.isdisjoint(named) and not direct.isdisjoint(credit):
            named = {}  # a name only a paraphrase gives ("The Ledger says the letter ...
            # 'we ...'") does not outrank whoever a direct quote gives the words to
        credit = named or credit
        speaker = min(credit, key=lambda s: (-len(credit[s]), s not in direct, s)) \
            if credit else None
        variants = _variants(ctx, cl, speaker)
        if variants:
            groups.append(
                (
                    (
                        speaker is None,
                        (speaker or "").casefold(),
                        order[cl[0].article],
                        cl[0].quote.start,
                    ),
                    QuoteGroup(speaker, variants),
                )
            )
        # the words the group is known by: a direct quote's, not a mixed quote's narration
        # ("Tomas Reyes, 51, a driver, said the bus sped up and 'we all ...'")
        longest = max(cl, key=lambda m: (m.quote.kind == "direct", len(m.quote.text))).quote.text
        for m in cl:
            speaker = m.quote.speaker
            # misattribution is about the same words: paraphrases make no speaker claims
            if speaker and m.quote.kind != "indirect" and is_named(speaker, names):
                key = quote_key(longest)
                # only a name written beside the quote, in its sentence, or a "he said" in a
                # paragraph that names no one else can be compared: a speaker found through
                # a pronoun or a name earlier on is too often the wrong person (read on real
                # clusters, every such disagreement was wrong)
                cite = ctx.sentence_cite(m.article, m.quote.start, m.quote.end)
                text = ctx.text(m.article)
                entities = ctx.analyzed[m.article].extraction.entities
                firm = (named_beside(m.quote) and speaker.split()[-1] in text[cite.start :
                        cite.end]) or named_in_paragraph(text, entities, m.quote)  # fmt: skip
                # a person, not the agency or paper that relays them ("..., the Associated
                # Press reports"), and a direct quote long enough to be one utterance (a
                # mixed quote's "perfectly fine" is said by many)
                firm = firm and m.quote.kind == "direct" and len(m.tokens) >= SPEAKER_WORDS and any(
                    e.label == "PERSON" and speaker.split()[-1] in (e.canonical or e.text)
                    for e in entities)  # fmt: skip
                claim = Claim("speaker", key, speaker, speaker, m.quote.start, m.quote.end,
                              subject=key.rstrip("\u2026").strip("\"'\u201c\u201d\u2018\u2019 "),
                              predicate=_paraphrase_verb(m.quote),
                              context=m.tokens,
                              qualifiers=(() if firm else ("soft",))
                              + (("mixed",) if m.quote.kind == "mixed" else ()))  # fmt: skip
                claims.append(Placed(claim, m.article, None, key, cite))  # the story's
    def prominence(g: tuple[Any, QuoteGroup]) -> tuple[bool, int, Any]:
        """Named speakers first, then the utterances most outlets carried."""
        group = g[1]
        sources = {s for v in group.variants for s in v.sources}
        return (not (group.speaker and is_named(group.speaker, names)), -len(sources), g[0])

    groups.sort(key=prominence)
    return tuple(g for _, g in groups), claims


def _variants(
    ctx: StoryContext, cl: list[_Member], speaker: str | None
) -> tuple[QuoteVariant, ...]:
    by_wording: dict[tuple[tuple[str, ...], str | None, str], list[_Member]] = defaultdict(list)
    for m in cl:
        credited = m.quote.speaker if m.quote.speaker and m.quote.speaker != speaker else None
        by_wording[(m.tokens, credited, m.quote.kind)].append(m)
    out = []
    for (_, credited, kind), ms in by_wording.items():
        spans = [shown_span(ctx.text(m.article), m.quote) for m in ms]
        framed = spans[0][0] < ms[0].quote.start  # widened back over the speaker's verb
        spans = [_clause_finished(ctx, m.article, m.quote, span) for m, span in zip(ms, spans,
                                                                                    strict=True)]
        cites = tuple(dict.fromkeys(Cite(m.article, *span)
                                    for m, span in zip(ms, spans, strict=True)))
        # a quote is shown with the outlets that printed it: a wire story's quote reprinted
        # by two papers is theirs to a reader, not the label of the wire group
        shown = ctx.text(ms[0].article)[slice(*spans[0])]
        if not readable(shown, kind, framed, credited or speaker):
            continue  # a piece of a sentence; its speaker still counts among the voices
        out.append(QuoteVariant(shown, cites, ctx.sources_of((m.article for m in ms), True),
                                credited, kind, framed))
    # the speaker's own words first, then the wording most independent outlets carried
    out.sort(key=lambda v: (v.kind != "direct", -ctx.n_sources(c.article for c in v.citations),
                            v.speaker is not None, -len(v.text)))  # fmt: skip
    return tuple(out)
