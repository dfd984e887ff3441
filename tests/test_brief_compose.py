"""Timeline, summary and framing of a composed brief, over hand-built fictional records."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from crosswire.brief import compose_brief
from crosswire.brief.cite import date_precision, split_sentences
from crosswire.brief.framing import find_markers, load_lexicons
from crosswire.records import Event
from test_brief_helpers import art, memorial_story, story_of


@pytest.fixture(scope="module")
def memorial():
    (story, recs), dups = memorial_story()
    return compose_brief(story, recs, dups), recs


def _all_cites(brief):
    yield from (c for t in brief.timeline for c in t.citations)
    yield from (c for s in brief.summary for c in s.citations)
    yield from (c for f in (*brief.agreed, *brief.unique) for c in f.citations)
    yield from (c for k in brief.conflicting for v in k.variants for c in v.citations)
    yield from (c for g in brief.quotes for v in g.variants for c in v.citations)


def test_brief_compose_every_citation_is_in_range(memorial):
    brief, recs = memorial
    cites = list(_all_cites(brief))
    assert len(cites) > 20
    for c in cites:
        assert 0 <= c.start < c.end <= len(recs[c.article].article.text)


def test_brief_compose_is_deterministic(memorial):
    brief, _ = memorial
    (story, recs), dups = memorial_story()
    shuffled = dict(reversed(list(recs.items())))
    assert compose_brief(story, shuffled, dups) == brief


def test_brief_compose_timeline(memorial):
    brief, recs = memorial
    events = [
        t
        for t in brief.timeline
        if t.event and t.text in {"Harbor Bridge collapse", "Memorial for Captain Rosa Vance"}
    ]
    assert [(t.date, t.precision, t.event) for t in events] == [
        ("2031-03-03", "day", "e-collapse"),
        ("2031-03-08", "day", "e-memorial"),
    ]
    dates = [t.date or "~" for t in brief.timeline]
    assert dates == sorted(dates)
    # the collapse is the main event only of c1 but dated by m1/m2/m3 too (background)
    collapse = {c.article for c in events[0].citations}
    assert {"c1", "m1", "m2"} <= collapse
    for t in brief.timeline:
        assert t.citations
        for c in t.citations:
            assert re.search(r"March 3|Saturday", recs[c.article].article.text[c.start : c.end])


def test_brief_compose_timeline_places_background_and_dated_facts():
    ev = Event("e1", "Ferry strike", "2034-06", None, ("a",))
    old = Event("e0", "Pier fire", None, None, (), ("a",))
    a = art(
        "a",
        "North Star",
        "The ferry strike began in June 2034. Talks will resume on July 9, 2034. "
        "The strike followed last year's pier fire.",
        times=[("June 2034", "2034-06"), ("July 9, 2034", "2034-07-09")],
    )  # (talks "will" resume: the article is dated 2031, and a past cannot follow it)
    story, recs = story_of([a], [ev, old])
    brief = compose_brief(story, recs)
    got = [(t.date, t.precision, t.event) for t in brief.timeline]
    assert got == [("2034-06", "month", "e1"), ("2034-07-09", "day", "e1"), (None, "unknown", "e0")]
    talks = brief.timeline[1]
    assert talks.text == "Talks will resume on July 9, 2034."


def test_brief_compose_summary(memorial):
    brief, recs = memorial
    assert 3 <= len(brief.summary) <= 8
    for s in brief.summary:
        first = s.citations[0]
        assert recs[first.article].article.text[first.start : first.end] == s.text
        assert not find_markers(s.text)
        assert not s.text.rstrip().endswith("?")
        assert not s.text.startswith("\u201c")
    texts = [s.text for s in brief.summary]
    assert not any("Unfortunately" in t or "slain" in t for t in texts)
    # a disputed sentence (thousands vs hundreds of firefighters) is not stated as fact
    assert not any("firefighters attended" in t for t in texts)
    # one sentence per event at least
    assert any("March 3" in t or "collapsed" in t for t in texts)
    assert any("memorial" in t for t in texts)


def test_brief_compose_summary_cites_other_sources():
    ev = Event("e1", "Library reopening", "2035-02-01", None, ("a", "b"))
    a = art(
        "a",
        "North Star",
        "The city library reopened on Saturday after a two-year repair. "
        "Unfortunately, the cafe stays closed.",
    )
    b = art(
        "b",
        "South Wire",
        "After a two-year repair, the city library reopened on Saturday. "
        "Is this the best use of public money?",
    )
    story, recs = story_of([a, b], [ev])
    brief = compose_brief(story, recs)
    assert len(brief.summary) == 1  # tiny story: fewer sentences, never the marked ones
    (s,) = brief.summary
    assert {c.article for c in s.citations} == {"a", "b"}
    for c in s.citations:
        assert "library reopened" in recs[c.article].article.text[c.start : c.end]


def test_brief_compose_framing(memorial):
    brief, recs = memorial
    framing = {f.article: f for f in brief.framing}
    # earliest report first, then by id (all five are dated alike): not the order they came in
    assert [f.article for f in brief.framing] == ["c1", "m1", "m2", "m3", "m4"]
    m4 = framing["m4"]
    (loaded,) = [m for m in m4.markers if m.kind == "loaded"]
    assert (loaded.text, loaded.neutral) == ("slain", "killed")
    assert [{k: v for k, v in x.items() if k != "words"} for x in m4.voices] == [
        {"speaker": "Alan Pike", "count": 1, "share": 1.0}]
    # m4 leaves out the agreed count of officers who turned their backs
    assert any("officers turned their backs" in o for o in m4.omits)
    assert not any("officers turned their backs" in o for o in framing["m3"].omits)
    assert [m.kind for m in framing["m1"].markers] == ["opinion"]
    assert [m.kind for m in framing["m2"].markers] == ["reader_question"]
    for f in brief.framing:
        text = recs[f.article].article.text
        for m in f.markers:
            assert text[m.start : m.end] == m.text


def test_brief_compose_framing_ignores_quoted_words_and_counts_voices():
    text = (
        "Officials reportedly knew of the cracks. \u201cThis was literally a disaster waiting "
        "to happen,\u201d said Ada Quill. \u201cWe were not told,\u201d said Ada Quill. "
        "\u201cWe acted fast,\u201d said Tom Reyes. The very old bridge was clearly unsafe."
    )
    a = art(
        "a",
        "North Star",
        text,
        quotes=[
            ("This was literally a disaster waiting to happen", "Ada Quill"),
            ("We were not told", "Ada Quill"),
            ("We acted fast", "Tom Reyes"),
        ],
    )
    story, recs = story_of([a], [Event("e1", "Bridge cracks", None, None, ("a",))])
    (f,) = compose_brief(story, recs).framing
    kinds = [(m.kind, m.text) for m in f.markers]
    assert kinds == [("hedge", "reportedly"), ("intensifier", "very"), ("opinion", "clearly")]
    assert f.voices == (
        {"speaker": "Ada Quill", "count": 2, "share": 0.667, "words": 12},
        {"speaker": "Tom Reyes", "count": 1, "share": 0.333, "words": 3},
    )


@pytest.mark.parametrize("kind", ["loaded", "evaluative", "intensifier", "hedge", "opinion"])
def test_brief_compose_lexicons_load(kind):
    lex = load_lexicons()[kind]
    assert len(lex) >= 10
    assert all(w == w.casefold().strip() for w in lex)


def test_brief_compose_lexicon_pairs():
    loaded = load_lexicons()["loaded"]
    assert loaded["assassinated"] == "killed"
    assert loaded["shun"].startswith("turn their backs")


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        ("2031-03-03", "day"),
        ("2031-03", "month"),
        ("2031", "year"),
        (None, "unknown"),
        ("P1W", "unknown"),
        ("2031-03-03T10:00", "day"),
    ],
)
def test_brief_compose_date_precision(value, precision):
    assert date_precision(value) == precision


def test_brief_compose_split_sentences_offsets():
    text = "One sentence here. Two? \u201cThree,\u201d she said.\nFour"
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "One sentence here.",
        "Two?",
        "\u201cThree,\u201d she said.",
        "Four",
    ]
    for s in sents:
        assert text[s.start : s.end] == s.text


def test_brief_compose_missing_records_are_skipped(caplog):
    a = art("a", "North Star", "The ferry strike began on Monday in the port.")
    story, recs = story_of([a], [Event("e1", "Ferry strike", None, None, ("a", "zz"))])
    story = story.__class__(story.id, story.title, ("a", "zz"), story.events)
    brief = compose_brief(story, recs)
    assert [f.article for f in brief.framing] == ["a"]
    assert "without records" in caplog.text


def test_brief_compose_summary_skips_mostly_quoted_sentences():
    ev = Event("e1", "Ferry strike", None, None, ("a", "b"))
    quoted = "We will stay out until every single crew member is paid what the contract promised"
    a = art(
        "a",
        "North Star",
        f"The ferry strike closed the harbor route on Monday morning. "
        f"Union chief Tom Reyes said: \u201c{quoted}.\u201d",
        quotes=[(quoted, "Tom Reyes")],
    )
    b = art("b", "South Wire", "Ferry crews walked out on Monday and the harbor route closed.")
    story, recs = story_of([a, b], [ev])
    texts = [s.text for s in compose_brief(story, recs).summary]
    assert texts and not any("Tom Reyes" in t for t in texts)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Clearly, the plan failed.", [("opinion", "Clearly")]),
        ("The mayor was, it  seems, surprised.", [("hedge", "it  seems")]),
        ("It seems. Fine.", [("hedge", "It seems")]),
        ("it, seems fine", []),  # a phrase does not match across punctuation
        ("Everyone was there every day.", []),  # whole words only ("very" inside "every")
        (
            "Let\u2019s be honest about the very old so-called plan.",
            [
                ("opinion", "Let\u2019s be honest"),
                ("intensifier", "very"),
                ("opinion", "so-called"),  # the writer keeps a distance: a stance, not a
                # word that amplifies (read on a real cluster)
            ],
        ),
        ("The officers were assassinated.", [("loaded", "assassinated")]),
        # the wire's plain nouns for a shooter and for disorder are no loaded choice (read on
        # two real clusters: every "gunman" of a shooting story was flagged)
        ("The gunman fled through the chaos at the Velk mall.", []),
        # "the very law" is that same law: "very" before a word that is only ever a noun
        # amplifies nothing (read on a real cluster); before a quality it does
        ("Tenants sued under the very law meant to protect the Orrin landlords.", []),
        ("The Orrin landlords paid a very large fine.", [("intensifier", "very")]),
    ],
)
def test_brief_compose_find_markers(text, found):
    markers = find_markers(text)
    assert [(m.kind, m.text) for m in markers] == found
    for m in markers:
        assert text[m.start : m.end] == m.text


def test_brief_compose_summary_skips_pronoun_openers():
    ev = Event("e1", "Ferry strike", None, None, ("a",))
    a = art(
        "a",
        "North Star",
        "Ferry crews walked out on Monday and the harbor route closed for the day. "
        "Then she asked the company for a meeting about the new contract terms. "
        "They said the talks would resume after the weekend at the port office.",
    )
    story, recs = story_of([a], [ev])
    texts = [s.text for s in compose_brief(story, recs).summary]
    assert texts == ["Ferry crews walked out on Monday and the harbor route closed for the day."]


def test_brief_compose_same_articles_same_brief_in_any_order():
    """Issue 17: two ingests and one run of the same files gave different briefs; the brief
    of a story does not depend on the order its articles came in."""
    import json

    from crosswire.render import story_to_dict

    (story, recs), dups = memorial_story()
    first = story_to_dict(compose_brief(story, recs, dups), recs)
    turned = replace(story, articles=tuple(reversed(story.articles)))
    second = story_to_dict(compose_brief(turned, dict(reversed(list(recs.items()))), dups), recs)
    first.pop("articles", None), second.pop("articles", None)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def test_brief_compose_a_question_mark_a_broken_encoding_left_asks_nothing(analyze):
    # issue 17, read on a real cluster: a coach's wins "on his r?sum?" (each "?" a lost "e"
    # with its accent) was counted as a question to the reader
    from crosswire.brief.cite import build_context
    from crosswire.brief.framing import article_markers
    from crosswire.records import Analyzed, Event, Story

    text = ("Coach Bram Tell retired on Monday. Tell leaves with two titles on his r?sum? "
            "He will stay in Orrin. Who will replace him?")
    article, ex = analyze(text, published="2031-01-02", source="North Star", id="a")
    story = Story("s1", "Tell", ("a",), (Event("e1", "Tell retires", None, None, ("a",)),))
    ctx = build_context(story, {"a": Analyzed(article, ex)})
    asked = [m.text for m in article_markers(ctx, "a") if m.kind == "reader_question"]
    assert asked == ["Who will replace him?"], asked


def _framing_of(analyze, text):
    """The framing of one invented report, the only article of its story."""
    from crosswire.brief.cite import build_context
    from crosswire.brief.framing import build_framing
    from crosswire.records import Analyzed, Story

    article, ex = analyze(text, published="2031-01-02", source="North Star", id="a")
    story = Story("s1", "Story", ("a",), (Event("e1", "What happened", None, None, ("a",)),))
    ctx = build_context(story, {"a": Analyzed(article, ex)})
    (f,) = build_framing(ctx, (), lambda aid, fact: False, lambda fact: fact.statement)
    return f


def test_brief_compose_a_quote_split_around_its_speaker_is_one_voice(analyze):
    # issue 17, read on a real cluster: a doctor's quote cut in two by "told" and an outlet's
    # name counted as two quotes, making the doctor a top voice
    f = _framing_of(analyze, (
        "Coach Tam Reller collapsed at the parade in Orrin on Friday. 'He would not wake,' "
        "team doctor Ivo Munt told reporters, 'it was grim.' 'We acted fast,' said Tom "
        "Reyes, a paramedic. 'Every minute counted,' said Tom Reyes."))
    counts = {v["speaker"]: v["count"] for v in f.voices}
    assert counts == {"Ivo Munt": 1, "Tom Reyes": 2}, f.voices


def test_brief_compose_voices_tied_on_utterances_rank_by_words_quoted(analyze):
    # read on a real cluster: twelve voices quoted once each were cut to five in the order
    # of the alphabet, and the outlet's main witness, quoted at length, was left out; voices
    # tied on utterances rank by the words quoted of them
    f = _framing_of(analyze, (
        "A tram left the rails in Kell on Wednesday. 'It was loud,' said Ada Bell. "
        "'I ran,' said Bo Carr. 'Awful,' said Cy Dunn. 'We waited,' said Di Egan. "
        "'Sad day,' said Ed Fisk. 'The carriage tipped over on the bend and we were all "
        "thrown against the windows, and then the lights went out and people were "
        "screaming for a long time,' said Zora Wilde."))
    assert [v["speaker"] for v in f.voices][:1] == ["Zora Wilde"], f.voices
    assert all(v["count"] == 1 for v in f.voices), f.voices


def test_brief_compose_a_judgement_in_reported_words_is_the_speakers(analyze):
    # a read: "<Name> said the idea that ... is ridiculous" and "<Name> said she was very
    # approachable" were listed as the outlet's own word choices; the reported clause is
    # the speaker's, as quoted words are, while the outlet's own sentence still counts
    f = _framing_of(analyze, (
        "Ivo Marek, a surgeon at Orsa General, said the plan to close the ward was ridiculous. "
        "Ana Dorr said the new director was very approachable. "
        "The hospital board clearly rushed the vote on Monday."))
    assert [(m.kind, m.text) for m in f.markers] == [("opinion", "clearly")], f.markers
