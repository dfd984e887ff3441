"""A neutral, extractive summary: 3-8 source sentences, each cited.

Candidates are story sentences of the article's body (never a caption, credit, sidebar or
other page furniture: ``Extraction.nonbody``) that read as a whole report sentence: they end
in a full stop, open and close their quotations, are no fragment of a split (a lone "Sgt."
is joined to the sentence it starts, a closing quotation mark left after a split is taken
back), carry no framing marker, reader question or writer's opinion ("faces an uphill
climb from here", "we", "should" unattributed), are not mostly quoted, do not open with a
pronoun (unclear out of context) and do not state a disputed value (one most sources carry, or
the latest figure of one that moved, is no longer disputed).

Scores favour sentences carrying facts that many independent sources agree on, weighted by
how much a reader needs them first (the dead and hurt, then when, who said what: ``facts.
importance``), sentences that tell what the headlines tell, and early (lede) sentences; they
are damped for opinionated articles. One sentence per event comes first, then the best of the
rest; near-repeats are skipped. The story's main event (the one most articles report) leads,
its best sentence first: the core happening; other events follow in date order, each told by
its own reports first. A sentence that names another event's day in passing ("a few blocks
from the plant where the fire broke out on March 4") stays with its article's event. Each
summary sentence cites itself and the similar sentences of other sources.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet

from ..extract.furniture import overlaps
from ..records import Cite, Conflict, Fact, Sentence, SummarySentence
from ..words import FIRST_PERSON, QUOTED, content_stems, words
from .cite import StoryContext
from .facts import IMPORTANCE, importance
from .framing import find_markers, quoted_ranges

MIN_WORDS, MAX_WORDS = 8, 60
NAME_WEIGHT = 0.2  # who/place/role facts say less about what happened than counts and dates
MAX_SENTENCES, MIN_SENTENCES = 8, 3
REPEAT = 0.5  # token Jaccard above which two sentences say the same thing
SUPPORT = 0.4  # token Jaccard above which another source's sentence backs a summary line
_QUOTE_CHARS = "\"\u201c\u201d'\u2018"
_PRONOUN = re.compile(
    r"(?:(?:then|but|and|so|still|now|later|yet|instead),?\s+)?"
    r"(?:he|she|it|they|this|that|these|those|we|i|his|her|their|its|which"
    # "On that occasion", "At the time": a time or case the sentence before names
    r"|(?:on|at|in|by|after|before|from|since|until|during)\s+(?:that|this|those|these)\s+\w+"
    r"|at\s+the\s+time"
    # "Another will ...": another of what the sentence before names
    r"|another\s+(?:will|would|is|was|has|had|can|could|may|might))\b",
    re.IGNORECASE,
)
# a sentence that leans on the one before it ("Well, ...", "However, ...", "But ...")
_LEANS = re.compile(r"(?:well|yeah|yes|oh|so|indeed|anyway|plus|again|also|besides|however|"
                    r"meanwhile|but|and|or|still|instead|nevertheless|moreover)\b",
                    re.IGNORECASE)
_CORE = ("count:", "date", "speaker:")  # facts that make two sentences say the same thing
RANK_WEIGHT = 1.0  # extra weight of the most important kind of fact (the dead) over the least
TITLE_WEIGHT = 2.0  # weight of a sentence's share of a headline's words (what happened)
WHO_WEIGHT = 0.5  # a sentence naming a person most sources name (who did it, who died)
_OPEN_CLOSE = (("\u201c", "\u201d"), ("(", ")"), ("[", "]"))
_END = ".!"  # a report sentence ends in a full stop (or an exclamation in a quote)
_CLOSERS = "\"'\u201d\u2019)"
# a title or an initial left alone by a sentence split ("Sgt." | "Myron Joseph told ...")
_TITLE = (r"(?:Sgt|Lt|Col|Gen|Capt|Cpl|Pvt|Maj|Adm|Cmdr|Det|Insp|Supt|Gov|Sen|Rep|Rev|Dr|Mr|"
          r"Mrs|Ms|Prof|Pres|Atty|Amb|Hon|[A-Z])\.")
_LONE_TITLE = re.compile(rf"(?:{_TITLE}\s*){{1,2}}")
_ENDS_ON_TITLE = re.compile(rf"(?:^|\s){_TITLE}$")
# the writer's voice, outside quotation marks: a first person (``words.FIRST_PERSON``) ...
# ... or a prediction or judgement given as fact (unless the sentence says whose it is)
_OPINION = re.compile(
    r"\b(?:is|are|was|were) going to\b|\bgonna\b"
    r"|\b(?:uphill (?:battle|climb|fight)|all-time (?:high|low)|no doubt|of course|"
    r"needless to say|it is (?:clear|obvious|time)|there is no (?:doubt|question)|"
    r"(?:appears?|seems?) to (?:be|have)|remains to be seen|the question is|"
    r"(?:a|the) (?:real|huge|big|major) (?:problem|issue|challenge|battle|test))\b",
    re.IGNORECASE,
)
# judging words a report leaves to the people it quotes ("a whopping bill", "astonishingly
# tone-deaf"); the lexicons' markers are checked as well
_EVALUATIVE = re.compile(
    r"\b(?:surprising|astonishing|alarming|disappointing|embarrassing|stunning|staggering|"
    r"outrageous|ridiculous|absurd|woeful|refreshing|hilarious|amazing|incredibl|unbelievabl|"
    r"whopping|tone-deaf|jaw-dropping|mind-boggling|breathtaking|spectacular|terrifying|"
    r"horrible|awful|dreadful|wonderful|fantastic|brilliant|pathetic|appalling|shameful)\w*",
    re.IGNORECASE,
)
# a finite verb, read without a parse: an auxiliary or a common verb, a past form, or a
# present "-s" form after a name or noun ("Musk says", "the zoo reopens")
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|has|have|had|do|does|did|will|would|can|could|"
    r"may|might|must|shall|should|said|says|say|told|tells|saw|went|came|took|made|gave|got|"
    r"left|won|lost|hit|ran|fell|rose|began|found|kept|held|brought|bought|thought|built|sent|"
    r"spent|led|met|paid|put|set|shot|struck|stood|sat|felt|fled|flew|drew|grew|knew|threw|"
    r"wrote|broke|spoke|chose|drove|rode|stole|woke|wore|tore|hung|sank|ate|fought|caught|"
    r"taught|sought|meant|dealt|lay|laid|heard|sold|stuck|slid|hid|bit|lit|quit|split|spread|"
    r"cut|shut|hurt|let|beat|cost|cast|burst|dug|spun|fed|sped|shed|slept|swept|wept|lent|bent|"
    r"became|become|sought|stayed|won|[a-z]{2,}ed)\b"
    r"|(?<=[A-Za-z])\s(?!(?:news|series|species|process|business|bus|gas|plus|thus|this|"
    r"its|his|has|was|is|us|yes|less|across)\b)[a-z]{2,}[^s\W]s\b(?=\s+(?:the|a|an|to|that|"
    r"it|its|his|her|their|on|in|at|for|with|from|by|about|after|\d))",
)
_MODAL = re.compile(r"\b(?:should|must|ought to|need to|needs to|has to|have to)\b",
                    re.IGNORECASE)
_ATTRIBUTED = re.compile(
    r"\b(?:said|says|say|told|tells|according to|stated|announced|reported|reports|added|"
    r"warned|claimed|argued|wrote|insisted|urged|called for|demanded|believes?)\b",
    re.IGNORECASE,
)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _quoted_share(ranges: Sequence[tuple[int, int]], s: Sentence) -> float:
    """Share of the sentence inside quotation ranges (``ranges`` sorted by start)."""
    covered, frontier = 0, s.start
    for a, b in ranges:
        if a >= s.end:
            break
        a, b = max(a, frontier), min(b, s.end)
        if b > a:
            covered += b - a
            frontier = b
    return covered / max(1, s.end - s.start)


# a person a sentence speaks of by pronoun only: "Speaking outside the hospital, he said ..."
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|his|her)\b", re.IGNORECASE)


def _unnamed_person(people: Sequence[int], s: Sentence) -> bool:
    """Whether the sentence speaks of a person by a pronoun before it names anyone
    (``people``: sorted starts of the article's PERSON entities): "he" then leans on a
    sentence before it, and a summary line's reader cannot tell who it is."""
    m = _PERSON_PRONOUN.search(s.text)
    if m is None:
        return False
    i = bisect.bisect_left(people, s.start)
    return not (i < len(people) and people[i] < s.start + m.start())


def _eligible(ranges: Sequence[tuple[int, int]], marks: Sequence[int], s: Sentence,
              people: Sequence[int] = ()) -> bool:  # fmt: skip
    n_words = len(s.text.split())
    body = s.text.strip()
    if _unnamed_person(people, s):
        return False
    if not MIN_WORDS <= n_words <= MAX_WORDS or body.rstrip(_QUOTE_CHARS + ") ").endswith("?"):
        return False
    if body[:1] in _QUOTE_CHARS or _quoted_share(ranges, s) > 0.5 or points_back(body):
        return False
    if _LEANS.match(body):
        return False
    i = bisect.bisect_left(marks, s.start)  # any lexicon marker, quoted or not
    return not (i < len(marks) and marks[i] < s.end)


def points_back(text: str) -> bool:
    """Whether a sentence opens on a word that points back to the one before it ("It will
    enjoy ...", "But they ...", "Which means ..."): out of its place it says something of
    no one known."""
    return _PRONOUN.match(text.strip()) is not None


def with_what_it_points_to(ctx: StoryContext, aid: str, cite: Cite, limit: int) -> Cite:
    """The cite of a sentence that opens by pointing back ("It will see a 12 percent rise in
    2029") widened over the sentence before it, which says what "it" is: only one of the
    report's body (never a caption or a credit above it) that reads whole on its own (not
    the tail of a quotation) and does not point back itself, and only when both fit
    ``limit`` characters whole (the sentence is never cut); else ``cite``."""
    text = ctx.text(aid)
    i = ctx.sentence_index(aid, cite.start)
    if not i or not points_back(text[cite.start : cite.end]):
        return cite
    before = ctx.sentences[aid][i - 1]
    joined = " ".join(text[before.start : cite.end].split())
    furniture = overlaps(ctx.analyzed[aid].extraction.nonbody, before.start, before.end)
    if (points_back(before.text) or len(joined) > limit or furniture is not None
            or not whole_sentence(before.text)):
        return cite
    return Cite(aid, before.start, cite.end)


def whole_sentence(text: str) -> bool:
    """Whether a sentence reads as a whole report sentence: it opens like one, ends in a full
    stop, closes every quotation it opens (and opens every one it closes), and is no
    headline in title case."""
    body = text.strip()
    if not body or not (body[0].isupper() or body[0].isdigit() or body[0] in _QUOTE_CHARS):
        return False  # "ilse Varo ..." / "of the city ...": the tail of a split sentence
    if body.rstrip(_CLOSERS)[-1:] not in _END or _ENDS_ON_TITLE.search(body):
        return False  # a headline, a caption, or "... the governor's address. Sgt."
    for opening, closing in _OPEN_CLOSE:
        if body.count(opening) != body.count(closing):
            return False  # cut inside a quotation (or a bracket: "CNN) Two passengers ...")
    if body.count('"') % 2:
        return False
    said = words(body)
    capital = sum(1 for w in said[1:] if w[:1].isupper())
    if len(said) > 4 and capital > 0.6 * (len(said) - 1):
        return False  # a headline
    return bool(_VERB.search(body))  # "A red car with a singer on the stereo." is no report


def _unquoted(text: str, offset: int, ranges: Sequence[tuple[int, int]]) -> str:
    """The sentence with its quoted words blanked (they are the speaker's, not the writer's)."""
    chars = list(text)
    for a, b in ranges:
        for k in range(max(a - offset, 0), min(b - offset, len(chars))):
            chars[k] = " "
    return "".join(chars)


def opinion(text: str, offset: int = 0, ranges: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether the writer speaks in the sentence (outside its quotations): a first person, a
    prediction or judgement given as fact, or an unattributed "should"/"must"."""
    own = _unquoted(text, offset, ranges)
    own = QUOTED.sub(" ", own)  # quotes the parse missed
    if FIRST_PERSON.search(own) or _EVALUATIVE.search(own):
        return True
    return bool(_OPINION.search(own) or _MODAL.search(own)) and not _ATTRIBUTED.search(own)


def repaired(text: str, sents: Sequence[Sentence]) -> list[tuple[Sentence, int]]:
    """Sentences with split damage undone, offsets still exact, each with the start of the
    parsed sentence it stands for: a lone title or initial ("Sgt.") is joined to the
    sentence that follows it, and a closing quotation mark left after the end is taken back."""
    out: list[tuple[Sentence, int]] = []
    pending: Sentence | None = None
    for s in sents:
        start, end = s.start, s.end
        if pending is not None and not text[pending.end : start].strip(" "):
            start = pending.start
        pending = None
        if _LONE_TITLE.fullmatch(s.text.strip()):
            pending = s
            continue
        while end < len(text):
            ch = text[end]
            opened = text.count("\u201c", start, end) - text.count("\u201d", start, end)
            if ch == "\u201d" and opened > 0:
                end += 1
            elif ch == '"' and text.count('"', start, end) % 2:
                end += 1
            else:
                break
        out.append((Sentence(start, end, text[start:end]), s.start))
    return out


def _stems(text: str) -> set[str]:
    """Content words, stemmed ("turned", "turning" and "turn" meet), for headline overlap."""
    return content_stems(text)


def _rarity(ctx: StoryContext) -> dict[str, float]:
    """How rare each word (stem) is among the story's sentences: the headline words that
    tell what happened ("turn their backs") are rarer than the names every sentence repeats."""
    df: dict[str, int] = defaultdict(int)
    n = 0
    for aid, sents in ctx.sentences.items():
        for s in sents:
            n += 1
            for w in ctx.stems(aid, s.start, s.end):
                df[w] += 1
    return {w: math.log(1 + n / k) for w, k in df.items()}


def _told(stems: AbstractSet[str], title: set[str], rarity: dict[str, float]) -> float:
    """The share of a headline's weight (rare words weigh more) a sentence repeats. The
    sums are exactly rounded (``math.fsum``): a plain sum over a set depends on its order,
    which the hash seed changes, and a last-bit difference reordered a summary."""
    total = math.fsum(rarity.get(w, 1.0) for w in title)
    return math.fsum(rarity.get(w, 1.0) for w in stems & title) / total if total else 0.0


def _disputed(
    ctx: StoryContext, conflicts: Sequence[Conflict]
) -> tuple[set[tuple[str, int]], list[Fact]]:
    """Sentences stating a value others contradict, and the values kept as facts: where most
    independent sources carry one value (or, for a figure that moved, the latest reports do),
    that value is the story's and its sentences may be used (a summary of an attack states
    its death toll)."""
    out: set[tuple[str, int]] = set()
    facts: list[Fact] = []
    for k in conflicts:
        kept = None
        if k.kind == "update":
            kept = max(k.variants, key=lambda v: max(
                (ctx.analyzed[c.article].article.published or "" for c in v.citations
                 if c.article in ctx.analyzed), default=""))  # fmt: skip
        else:
            most = sorted(k.variants, key=lambda v: -len(v.sources))
            if len(most) > 1 and len(most[0].sources) > len(most[1].sources):
                kept = most[0]
        if kept is not None:
            facts.append(Fact(k.slot, k.event, kept.value, kept.citations, kept.sources))
        out.update((c.article, c.start) for v in k.variants if v is not kept for c in v.citations)
    return out, facts


def _central_people(ctx: StoryContext) -> set[str]:
    """People named in the body of most of the story's independent sources (at least two)."""
    sources: dict[str, set[str]] = defaultdict(set)
    for aid, rec in ctx.analyzed.items():
        for e in rec.extraction.entities:
            if e.label == "PERSON" and overlaps(rec.extraction.nonbody, e.start, e.end) is None:
                sources[e.canonical].add(ctx.group[aid])
    most = max((len(g) for g in sources.values()), default=0)
    return {p for p, g in sources.items() if len(g) >= max(2, (most + 1) // 2)}


# a subordinate clause or phrase, where a sentence names another event's day in passing:
# "a few blocks from the plant where the fire broke out on March 4", "days after the fire"
_PASSING = re.compile(r"\b(?:where|when|which|that|who|after|before|since|following)\b",
                      re.IGNORECASE)


def _event_about(ctx: StoryContext) -> Callable[[str, int], str | None]:
    """The event a summary line tells of. A sentence that names another event's day belongs
    to that event ("The fire broke out on the night of March 4" in a later report), unless it
    names the day in passing, in a subordinate clause or phrase: "The memorial march began at
    Harbor Square, a few blocks from the plant where the fire broke out on March 4" is the
    march's."""
    dates = {e.id: (e.date or "")[:10] for e in ctx.events}

    def about(aid: str, key: int) -> str | None:
        dated, own = ctx.event_of(aid, key), ctx.main_event.get(aid)
        sent = ctx.sentence_at(aid, key)
        if own is None or dated == own or dated is None or sent is None:
            return dated
        for t in ctx.analyzed[aid].extraction.times:
            if sent.start <= t.start < sent.end and (t.value or "")[:10] == dates[dated]:
                before = ctx.text(aid)[sent.start : t.start]
                return own if _PASSING.search(before) else dated
        return dated

    return about


def build_summary(
    ctx: StoryContext, agreed: Sequence[Fact], unique: Sequence[Fact], conflicts: Sequence[Conflict]
) -> tuple[SummarySentence, ...]:
    """Up to 8 cited sentences, one per event first; the main event's core sentence leads."""
    about = _event_about(ctx)
    score: dict[tuple[str, int], float] = defaultdict(float)
    carries: dict[tuple[str, int], set[str]] = defaultdict(set)  # core facts of a sentence
    disputed, kept = _disputed(ctx, conflicts)
    for weight, facts in ((1.0, agreed), (1.0, kept), (0.25, unique)):
        for f in facts:
            core = f.slot.startswith(_CORE)
            rank = 1.0 + RANK_WEIGHT * (len(IMPORTANCE) - importance(f.slot)) / len(IMPORTANCE)
            if "@" in f.slot:  # about an earlier occasion ("killed in 1959"): background
                rank *= NAME_WEIGHT
            gain = weight * len(f.sources) * (1.0 if core else NAME_WEIGHT) * rank
            for c in f.citations:
                score[(c.article, c.start)] += gain
                if core:
                    carries[(c.article, c.start)].add(f"{f.event}|{f.slot}|{f.value}")
    headlines = {e.id: _stems(e.title) for e in ctx.events}
    story_words = _stems(ctx.story.title)
    rarity = _rarity(ctx)
    who = _central_people(ctx)

    art_rank = {a: k for k, a in enumerate(ctx.analyzed)}
    cands: list[tuple[float, str, int, Sentence]] = []  # (score, article, parsed start, sentence)
    ledes: dict[str, int] = {}
    for aid, parsed in ctx.sentences.items():
        rec = ctx.analyzed[aid]
        text = rec.article.text
        nonbody = rec.extraction.nonbody
        # someone's words: direct quotes (a mixed quote's marked words are found by the marks);
        # an attributed report ("…killed three workers, officials said") is no quote
        ranges = quoted_ranges(text, [(q.start, q.end) for q in rec.extraction.quotes
                                      if q.kind == "direct"])
        marks = sorted(m.start for m in find_markers(text, read=rec.extraction.words))
        # sentences of opinionated articles (many markers per 1,000 characters) rank lower
        damp = 1.0 + 1000 * len(marks) / max(1, len(text))
        own_title = _stems(rec.article.title or "")
        named = sorted(e.start for e in rec.extraction.entities if e.canonical in who)
        people = sorted(e.start for e in rec.extraction.entities if e.label == "PERSON")
        body = [(s, key) for s, key in repaired(text, parsed)
                if overlaps(nonbody, s.start, s.end) is None]
        for i, (s, key) in enumerate(body):
            if (aid, key) in disputed or not _eligible(ranges, marks, s, people):
                continue
            before = text[: s.start].rstrip()
            if before[-1:].isalnum() and overlaps(nonbody, len(before) - 1, len(before)) is None:
                continue  # goes on from a line broken inside a sentence
            if not whole_sentence(s.text) or opinion(s.text, s.start, ranges):
                continue
            stems = ctx.stems(aid, s.start, s.end)
            titles = (headlines.get(about(aid, key) or "", set()), own_title, story_words)
            shared = max(_told(stems, t, rarity) for t in titles)
            k = bisect.bisect_left(named, s.start)
            names = WHO_WEIGHT if k < len(named) and named[k] < s.end else 0.0
            value = score[(aid, key)] + TITLE_WEIGHT * shared + names + 1.0 / (1 + i)
            if aid not in ledes:
                ledes[aid] = key  # the article's first line fit for a summary: its lede
            cands.append((value / damp, aid, key, s))
    cands.sort(key=lambda c: (-c[0], art_rank[c[1]], c[2]))
    n_target = min(MAX_SENTENCES, max(MIN_SENTENCES, len(ctx.analyzed) + len(ctx.events)))

    chosen: list[tuple[float, str, int, Sentence]] = []
    covered: set[str] = set()
    tokens = _TokenCache(ctx)

    def take(value: float, aid: str, key: int, s: Sentence) -> bool:
        """Add a sentence unless it repeats the words or only the facts of a chosen one."""
        toks = tokens(aid, s)
        if any(_jaccard(toks, tokens(a, o)) >= REPEAT for _, a, _, o in chosen):
            return False
        facts = carries.get((aid, key), set())
        if facts and facts <= covered:
            return False
        chosen.append((value, aid, key, s))
        covered.update(facts)
        return True

    # one per event first: from its own reports first, and a report's lede first (a news
    # report opens on what happened: "A fire … killed three workers on Monday")
    for e in ctx.events[:MAX_SENTENCES]:
        for value, aid, key, s in sorted(cands, key=lambda c: (c[1] not in e.articles,
                                                               ledes.get(c[1]) != c[2])):
            if about(aid, key) == e.id and take(value, aid, key, s):
                break
    for value, aid, key, s in cands:
        if len(chosen) >= n_target:
            break
        if all(s is not o for _, _, _, o in chosen):
            take(value, aid, key, s)

    # the main event (most articles) leads, its best sentence first; then the other events
    # in date order, each best first
    main = max(ctx.events, key=lambda e: (len(e.articles), len(e.mentioned_by),
                                          -ctx.events.index(e)), default=None)  # fmt: skip
    ev_rank: dict[str | None, tuple[int, str]] = {
        e.id: (0 if e is main else 1, e.date or "~") for e in ctx.events
    }
    own = {e.id: set(e.articles) for e in ctx.events}
    chosen.sort(key=lambda c: (ev_rank.get(about(c[1], c[2]), (2, "~")),
                               c[1] not in own.get(about(c[1], c[2]) or "", ()),
                               ledes.get(c[1]) != c[2], -c[0], art_rank[c[1]], c[2]))  # fmt: skip
    return tuple(SummarySentence(s.text, _support(ctx, tokens, aid, s)) for _, aid, _, s in chosen)


class _TokenCache:
    """The words of sentences (case-folded, of three letters or more), gathered once each."""

    def __init__(self, ctx: StoryContext) -> None:
        self._ctx = ctx
        self._cache: dict[tuple[str, int, int], set[str]] = {}

    def __call__(self, aid: str, s: Sentence) -> set[str]:
        key = (aid, s.start, s.end)
        if key not in self._cache:
            self._cache[key] = {w for w in (x.casefold() for x in
                                            self._ctx.words(aid, s.start, s.end)) if len(w) > 2}
        return self._cache[key]


def _support(ctx: StoryContext, tokens: _TokenCache, aid: str, s: Sentence) -> tuple[Cite, ...]:
    """The sentence itself plus the most similar body sentence of each other source (a
    caption repeating the body backs nothing)."""
    cites = [Cite(aid, s.start, s.end)]
    toks = tokens(aid, s)
    seen = {ctx.group[aid]}
    for other, sents in ctx.sentences.items():
        if ctx.group[other] in seen:
            continue
        nonbody = ctx.analyzed[other].extraction.nonbody
        scored = [(_jaccard(toks, tokens(other, o)), o) for o in sents
                  if overlaps(nonbody, o.start, o.end) is None]
        score, best = max(scored, key=lambda x: x[0], default=(0.0, None))
        if best is not None and score >= SUPPORT:
            cites.append(Cite(other, best.start, best.end))
            seen.add(ctx.group[other])
    return tuple(cites)
