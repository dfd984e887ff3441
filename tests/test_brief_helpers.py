"""Hand-built records for the brief and render tests, and a fictional story.

Everything here is invented: Port Merrin, the Harbor Bridge and every person are fictional.
``art(...)`` places each annotation by finding its text in the article, so offsets are exact;
its claims are read by the real claim extractor from the parse and those annotations.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from crosswire.brief.cite import split_sentences
from crosswire.extract.claims import extract_claims
from crosswire.records import (
    Analyzed,
    Article,
    Entity,
    Event,
    Extraction,
    NumberClaim,
    Quote,
    Story,
    TimeRef,
)


def _find(text: str, needle: str | tuple[str, int]) -> tuple[int, int]:
    if isinstance(needle, tuple):
        needle, nth = needle
    else:
        nth = 0
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


@lru_cache(maxsize=1)
def _nlp():
    from crosswire.nlp import load_spacy

    return load_spacy()


def art(
    aid: str,
    source: str | None,
    text: str,
    *,
    title: str | None = None,
    published: str | None = "2031-03-09",
    numbers=(),
    quotes=(),
    times=(),
    entities=(),
    duplicates=(),
) -> Analyzed:
    """numbers: (text, low, high, unit[, approx[, group]]); quotes: (text, speaker[, via[, kind]]);
    times: (text, value); entities: (text, label, canonical[, role])."""
    nums = []
    for n in numbers:
        s, e = _find(text, n[0])
        approx = n[4] if len(n) > 4 else False
        group = n[5] if len(n) > 5 else None
        nums.append(NumberClaim(text[s:e], s, e, n[1], n[2], n[3], approx, group))
    qs = []
    for q in quotes:
        s, e = _find(text, q[0])
        via = q[2] if len(q) > 2 else None
        kind = q[3] if len(q) > 3 else "direct"
        # the speaker's surname, where the text names it, is the mention the quote is credited by
        surname = q[1].split()[-1] if q[1] else None
        said = surname if surname and surname in text[e:] else None
        qs.append(Quote(text[s:e], s, e, q[1], kind, via, speaker_text=said))
    ts = []
    for t in times:
        s, e = _find(text, t[0])
        ts.append(TimeRef(text[s:e], s, e, t[1], "published:" + (published or "")))
    ents = []
    for en in entities:
        s, e = _find(text, en[0])
        ents.append(Entity(text[s:e], en[1], en[2], s, e, en[3] if len(en) > 3 else None))
    article = Article(
        aid, text, title=title or f"Article {aid}", source=source, published=published
    )
    claims = extract_claims(article, _nlp()(text), ents, qs, ts, nums)
    ex = Extraction(aid, split_sentences(text), tuple(ents), tuple(qs), tuple(ts), tuple(nums),
                    claims)  # fmt: skip
    return Analyzed(article, ex, tuple(duplicates))


def brief_of_texts(analyze, *texts: str, outlets: tuple[str, ...] = (),
                   published: str = "2030-06-15"):  # fmt: skip
    """(brief, records) of a one-event story of invented ``texts``, each read by the real
    extractor as its own outlet's report (``outlets``, else "Outlet 0", "Outlet 1", ...)."""
    from crosswire.brief import compose_brief

    recs = {}
    for i, text in enumerate(texts):
        outlet = outlets[i] if i < len(outlets) else f"Outlet {i}"
        article, ex = analyze(text, published=published, source=outlet, id=f"a{i}")
        recs[article.id] = Analyzed(article, ex)
    ids = tuple(recs)
    story = Story("s1", "A story", ids, (Event("e1", "What happened", None, None, ids),))
    return compose_brief(story, recs), recs


def two_outlet_conflicts(analyze, first: str, second: str, prefix: str,
                         published: str) -> list[tuple[str, ...]]:  # fmt: skip
    """The values of each conflict (not update) of ``prefix`` slots in the brief of two
    invented reports by "North Star" and "South Wire", sorted."""
    brief, _ = brief_of_texts(analyze, first, second, outlets=("North Star", "South Wire"),
                              published=published)
    return [tuple(sorted(v.value for v in c.variants)) for c in brief.conflicting
            if c.kind == "conflict" and c.slot.startswith(prefix)]


def markdown_of(brief, recs) -> str:
    """The Markdown a reader gets for a brief of ``brief_of_texts``."""
    from crosswire.render import story_to_dict, story_to_markdown
    from crosswire.render.json_out import article_to_dict

    return story_to_markdown(story_to_dict(brief, recs),
                             {k: article_to_dict(v) for k, v in recs.items()})


def story_of(records, events) -> tuple[Story, dict[str, Analyzed]]:
    ids = tuple(r.article.id for r in records)
    return Story("s1", "Harbor Bridge collapse", ids, tuple(events)), {
        r.article.id: r for r in records
    }


COLLAPSE = Event(
    "e-collapse", "Harbor Bridge collapse", "2031-03-03", "Port Merrin", ("c1",), ("m1", "m2", "m3")
)
MEMORIAL = Event(
    "e-memorial",
    "Memorial for Captain Rosa Vance",
    "2031-03-08",
    "Port Merrin",
    ("m1", "m2", "m3", "m4"),
)

HOLT_QUOTE = "She ran toward the water when everyone else ran away from it"

M1 = (
    "Thousands of firefighters attended the memorial for Captain Rosa Vance in Port Merrin on "
    "Saturday. Nearly 300 officers turned their backs on Governor Alan Pike during his speech. "
    "Vance died when the Harbor Bridge collapsed on March 3. "
    f"\u201c{HOLT_QUOTE},\u201d said Chief Dana Holt. "
    "Unfortunately, the governor left early."
)
M2 = (
    "Hundreds of officers turned their backs on Governor Alan Pike at the memorial for Captain "
    "Rosa Vance on Saturday in Port Merrin. "
    "Hundreds of firefighters attended the memorial, the fire union said. "
    f"\u201c{HOLT_QUOTE},\u201d Chief Dana Holt told the Coastal Post. "
    "The bridge collapsed on March 3 during the morning rush. "
    "Was the governor right to speak?"
)
M3 = (  # a wire copy of M2 carried by another outlet
    "Hundreds of officers turned their backs on Governor Alan Pike at the memorial for Captain "
    "Rosa Vance on Saturday in Port Merrin. "
    "The bridge collapsed on March 3 during the morning rush."
)
M4 = (
    "The memorial for Captain Rosa Vance drew a large crowd in Port Merrin on Saturday. "
    "\u201cShe ran toward the water when everyone else ran away,\u201d said Governor Alan Pike. "
    "The slain captain was 41."
)
C1 = (
    "The Harbor Bridge collapsed on March 3, sending four cars into the river. "
    "Thousands of officers searched the river that night. "
    "Captain Rosa Vance died in the rescue, officials said."
)


def memorial_story():
    m1 = art(
        "m1",
        "Daily Ledger",
        M1,
        numbers=[
            ("Thousands", 2000, 9999, "firefighter", True),
            ("Nearly 300", 270, 300, "officer", True),
        ],
        quotes=[(HOLT_QUOTE, "Dana Holt")],
        times=[("Saturday", "2031-03-08"), ("March 3", "2031-03-03")],
        entities=[
            ("Rosa Vance", "PERSON", "Rosa Vance", "Captain"),
            ("Port Merrin", "GPE", "Port Merrin"),
            ("Alan Pike", "PERSON", "Alan Pike", "Governor"),
            ("Dana Holt", "PERSON", "Dana Holt", "Chief"),
        ],
    )
    m2 = art(
        "m2",
        "Coastal Post",
        M2,
        numbers=[
            ("Hundreds", 200, 999, "officer", True),
            (("Hundreds", 1), 200, 999, "firefighter", True),
        ],
        quotes=[(HOLT_QUOTE, "Dana Holt", "Coastal Post")],
        times=[("Saturday", "2031-03-08"), ("March 3", "2031-03-03")],
        entities=[
            ("Alan Pike", "PERSON", "Alan Pike", "Governor"),
            ("Rosa Vance", "PERSON", "Rosa Vance", "Captain"),
            ("Port Merrin", "GPE", "Port Merrin"),
            ("Dana Holt", "PERSON", "Dana Holt", "Chief"),
        ],
    )
    m3 = art(
        "m3",
        "Metro Times",
        M3,
        numbers=[("Hundreds", 200, 999, "officer", True)],
        times=[("Saturday", "2031-03-08"), ("March 3", "2031-03-03")],
        entities=[
            ("Alan Pike", "PERSON", "Alan Pike", "Governor"),
            ("Port Merrin", "GPE", "Port Merrin"),
        ],
    )
    m4 = art(
        "m4",
        "Harbor Herald",
        M4,
        quotes=[("She ran toward the water when everyone else ran away", "Alan Pike")],
        times=[("Saturday", "2031-03-08")],
        entities=[
            ("Rosa Vance", "PERSON", "Rosa Vance", "Captain"),
            ("Alan Pike", "PERSON", "Alan Pike", "Governor"),
            ("Port Merrin", "GPE", "Port Merrin"),
        ],
    )
    c1 = art(
        "c1",
        "Daily Ledger",
        C1,
        published="2031-03-04",
        numbers=[("Thousands", 2000, 9999, "officer", True), ("four", 4, 4, "car")],
        times=[("March 3", "2031-03-03")],
        entities=[("Rosa Vance", "PERSON", "Rosa Vance", "Captain")],
    )
    records = [m1, m2, m3, m4, c1]
    return story_of(records, [COLLAPSE, MEMORIAL]), {"m2": ["m3"]}


@pytest.mark.parametrize("rec", memorial_story()[0][1].values(), ids=lambda r: r.article.id)
def test_brief_helpers_offsets_round_trip(rec):
    text = rec.article.text
    ex = rec.extraction
    for x in (*ex.sentences, *ex.quotes, *ex.times, *ex.numbers, *ex.entities):
        assert text[x.start : x.end] == x.text
