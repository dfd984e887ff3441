"""Markdown rendering: sections, footnote citations, escaping."""

from __future__ import annotations

import re

import pytest

from crosswire.brief import compose_brief
from crosswire.registry import renderers
from crosswire.render import story_to_dict, story_to_markdown
from crosswire.render.json_out import article_to_dict
from crosswire.render.markdown import md_escape
from test_brief_helpers import memorial_story


@pytest.fixture(scope="module")
def md():
    (story, recs), dups = memorial_story()
    brief = compose_brief(story, recs, dups)
    data = story_to_dict(brief, recs)
    arts = {k: article_to_dict(v) for k, v in recs.items()}
    return story_to_markdown(data, arts), data, arts


def test_render_markdown_sections(md):
    text, data, _ = md
    assert text.startswith("# Harbor Bridge collapse\n")
    headings = [
        "## What happened",
        "## Where outlets disagree",
        "## When",
        "## Facts",
        "### Agreed",
        "### Reported by one source only",
        "## Quotes",
        "## How each outlet framed it",
        "## Sources",
    ]
    at = [text.index(f"\n{h}") for h in headings]
    assert at == sorted(at)  # first screen: what, where they disagree, when; then the rest
    assert "**How many firefighters attended the memorial**" in text
    assert "(credited to Alan Pike)" in text
    for c in data["facts"]["conflicting"]:  # one line per contradiction, both sides on it
        line = next(x for x in text.splitlines() if f"**{c['statement']}**" in x)
        for v in c["variants"]:
            assert f"**{md_escape(v['value'])}**" in line
            for outlet in v["sources"]:
                assert md_escape(outlet) in line


def test_render_markdown_each_section_once(md):
    # issue 17: "the timeline appears twice"; every section of the brief is told once
    text, _, _ = md
    for h in ("## What happened", "## Where outlets disagree", "## When", "## Facts",
              "## Quotes", "## How each outlet framed it", "## Sources"):
        assert text.count(f"\n{h}") == 1, h


def test_render_markdown_footnotes_resolve(md):
    text, _, arts = md
    used = set(re.findall(r"\[\^(\d+)\](?!:)", text))
    defs = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", text, re.M))
    assert used and used == set(defs)
    numbers = [int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", text)]
    assert sorted(set(numbers)) == list(range(1, len(defs) + 1))
    assert numbers[0] == 1  # numbered in reading order
    for body in defs.values():
        m = re.match(r"(.+?), \u201c(.+?)\u201d, (\w+day \d+ \w+ \d{4}): \u201c(.*)\u201d$", body)
        assert m, body
        outlet, title, _, said = m.groups()
        assert any(md_escape(a["title"]) == title and a["source"] == outlet
                   and said.rstrip("\u2026") in md_escape(a["text"]) for a in arts.values())


def test_render_markdown_shows_no_internal_codes(md):
    from test_render_html import internal_codes

    text, data, arts = md
    titles = tuple(md_escape(a["title"]) for a in arts.values())
    assert internal_codes(text, data, titles) == []


def test_render_markdown_caps_and_folds_like_the_page():
    from test_render_html import internal_codes, synthetic_story

    story, articles = synthetic_story()
    text = story_to_markdown(story, articles)
    shown = re.sub(r"<details>.*?</details>", "", text, flags=re.S)
    for n, f in enumerate(story["facts"]["unique"]):
        assert (f"{f['statement']} \u2014" in shown) is (n < 10)
        assert f"{f['statement']} \u2014" in text
    assert "<details><summary>All 25 single-source facts (15 more)</summary>" in text
    assert text.count("### Tomas Reyes") == 1
    assert "Thursday 6 March 2025, night" in text
    assert internal_codes(text, story, ("Fire", "Blaze")) == []
    conflict = next(x for x in text.splitlines() if "How many firefighters" in x)
    assert "**about 40** \u2014 North Star:" in conflict and "**vs**" in conflict
    assert "**more than 120** \u2014 South Wire:" in conflict


def test_render_markdown_registered(md):
    text, data, arts = md
    assert renderers.create("md")(data, arts) == text


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("a *b* _c_ [d](e) | f", r"a \*b\* \_c\_ \[d\](e) \| f"),
        ("line\nbreak", "line break"),
    ],
)
def test_render_markdown_escape(raw, escaped):
    assert md_escape(raw) == escaped


def test_render_markdown_one_line_per_sentence():
    # issue 17: two facts told in one sentence's words (the dead, and the day) read as the
    # same line twice; it is shown once, with the date in words beside the day
    from test_render_html import synthetic_story

    story, articles = synthetic_story()
    said = "Two people are dead after a fire ripped through the depot on Tuesday night."
    dated = said.replace("night.", "night (4 March 2025).")
    facts = story["facts"]
    facts["agreed"][3]["statement"] = said
    facts["unique"][0]["statement"] = dated
    facts["unique"][1]["statement"] = said
    text = story_to_markdown(story, articles)
    assert text.count("Two people are dead") == 1, text
    assert dated in text
    assert "### Reported by one source only (23)" in text


def test_render_markdown_leaves_out_list_has_no_doubled_stops():
    # a fact told in its sentence's words ends in a full stop; the list joins them with "; "
    from test_render_html import synthetic_story

    story, articles = synthetic_story()
    story["framing"][0]["omits"] = ["The depot paid a fine of $12,400.", "Statement number 3"]
    text = story_to_markdown(story, articles)
    line = next(x for x in text.splitlines() if "Leaves out" in x)
    assert ".;" not in line and ".." not in line, line


@pytest.mark.parametrize(("checked", "shown"), [
    # (quotes count: "4 facts" read as wrong beside a list of two facts and two quotes)
    # (read on a real cluster as false: "all 5" beside a list of 9 agreed facts, of which
    # 4 told another happening of the story; say which happening the count is of)
    (3, "Gives all 3 facts and quotes the other outlets agree on about the happening it "
        "reports."),
    (1, "Gives the one fact or quote the other outlets agree on about the happening it "
        "reports."),
    # issue 17: a one-line alert "left out nothing" because the others agreed on nothing
    # (read as hard to follow: "agree on no fact of its own happening to check it against")
    # (read on a real cluster as false: "no independent outlet confirms a fact" where two
    # outlets give one fact in words the brief did not match; say what the brief found)
    (0, "The brief found no fact of this happening that two independent outlets both give, "
        "so there is nothing to check this report against."),
])
def test_render_markdown_a_report_that_leaves_nothing_out_says_against_what(checked, shown):
    from test_render_html import synthetic_story

    story, articles = synthetic_story()
    for f in story["framing"]:
        f["omits"], f["checked"] = [], checked
    text = story_to_markdown(story, articles)
    assert shown in text
    assert "Leaves out nothing" not in text


def test_render_markdown_unconfirmed_report_says_copies_are_one_source():
    # read on a real cluster: four outlets printed one wire copy word for word, and each was
    # told "no other outlet confirms" its facts; a reader took that as false
    from test_render_html import synthetic_story

    story, articles = synthetic_story()
    for f in story["framing"]:
        f["omits"], f["checked"] = [], 0
    outlets = {a["source"] for a in articles.values()}
    story["independent_sources"] = len(outlets)
    assert "same copy" not in story_to_markdown(story, articles)  # control: no copies
    story["independent_sources"] = len(outlets) - 1
    assert "Outlets that print the same copy count as one source." in story_to_markdown(
        story, articles)


@pytest.mark.parametrize(("cut", "shown"), [
    # read on a real cluster: a paraphrase span ended before its closing mark, and the line
    # showed "... is 'in good shape" with the mark left open
    ("that his knee is 'in good shape", "that his knee is 'in good shape'"),
    ("that his knee is \u201cin good shape", "that his knee is \u201cin good shape\u201d"),
    ("that Orla's knee is fine", "that Orla's knee is fine"),  # an apostrophe is no mark
])
def test_render_markdown_a_paraphrase_closes_the_marks_it_opens(cut, shown):
    from test_render_html import synthetic_story

    story, articles = synthetic_story()
    variant = story["quotes"][0]["variants"][0]
    variant["text"], variant["kind"] = cut, "mixed"
    text = story_to_markdown(story, articles)
    assert f"said {shown} \u2014" in text or f"said {shown} —" in text, [
        x for x in text.splitlines() if "knee" in x]


def test_render_markdown_paraphrase_is_not_shown_as_the_speakers_words():
    # issue 17: a paraphrase ("told reporters that" his crew stayed, with two quoted words at
    # its end) was shown in quote marks as if the speaker had said all of it
    from test_render_html import synthetic_story

    story, articles = synthetic_story()
    variant = story["quotes"][0]["variants"][0]
    variant["text"] = "that he and his crew stayed to \"finish the job\""
    variant["kind"] = "mixed"
    story["quotes"][1]["variants"][0]["kind"] = "direct"
    text = story_to_markdown(story, articles)
    assert "- Tomas Reyes said that he and his crew stayed to" in text
    assert "\u201cthat he and his crew" not in text
    assert "\u201cLine 1 of what he said\u201d" in text  # direct words keep their marks


def test_render_markdown_lists_at_most_a_hundred_single_source_facts():
    # issue 17: one real story's Markdown brief listed 860 single-source facts (404 KB)
    from crosswire.render.html import FACTS_LISTED
    from test_render_html import synthetic_story

    story, articles = synthetic_story()
    model = story["facts"]["unique"][0]
    story["facts"]["unique"] = [dict(model, statement=f"Statement number {n} of many.")
                                for n in range(FACTS_LISTED + 40)]
    text = story_to_markdown(story, articles)
    assert f"Statement number {FACTS_LISTED - 1} of many." in text
    assert f"Statement number {FACTS_LISTED} of many." not in text
    assert "40 less important facts more: in the JSON brief" in text


def test_render_markdown_a_sentence_shown_as_agreed_is_not_listed_again_as_single_source():
    # issue 17: an agreed fact cites the same sentence as a single-source one (another value
    # of it, "boarded ... Sunday"): the reader saw that sentence twice, once as agreed
    from test_render_html import synthetic_story

    story, articles = synthetic_story()
    agreed = story["facts"]["agreed"][0]
    story["facts"]["unique"] = [
        dict(story["facts"]["unique"][0], statement="The same sentence, worded for its day.",
             citations=[agreed["citations"][0]]),
        dict(story["facts"]["unique"][1], statement="A sentence only one outlet wrote."),
    ]
    text = story_to_markdown(story, articles)
    assert "The same sentence, worded for its day." not in text
    assert "A sentence only one outlet wrote." in text
    assert "### Reported by one source only (1)" in text



def test_render_markdown_a_title_is_not_listed_as_a_finding():
    # issue 17: a name, a colon and a title ("<name>: President") read as facts a reader
    # was told; a title names a person (the JSON brief keeps it)
    from test_render_html import synthetic_story

    story, articles = synthetic_story()
    first = story["facts"]["unique"][0]
    story["facts"]["unique"] = [dict(first, slot="role:person:ines varga",
                                     statement="Ines Varga: Harbor Master"),
                                dict(first, statement="The depot closed early.")]
    text = story_to_markdown(story, articles)
    assert "Ines Varga: Harbor Master" not in text
    assert "The depot closed early." in text


def test_render_markdown_a_described_speaker_heads_its_quotes_with_a_capital():
    # issue 17: "The airline", "the airline" were two headings; the speaker is now written
    # "the airline" everywhere, and its heading opens with a capital
    from test_render_html import synthetic_story

    story, articles = synthetic_story()
    story["quotes"][0]["speaker"] = "the airline"
    text = story_to_markdown(story, articles)
    assert "### The airline" in text
    assert "### the airline" not in text


@pytest.mark.parametrize(("items", "line"), [
    (["The pier camera filmed the crash at 7:18 p.m.", "Two people were hurt."],
     "The pier camera filmed the crash at 7:18 p.m.; Two people were hurt."),
    # a list ending in an abbreviation has one stop, not "p.m.."
    (["Two people were hurt.", "The pier camera filmed the crash at 7:18 p.m."],
     "Two people were hurt; The pier camera filmed the crash at 7:18 p.m."),
    # nothing left out: no line ("Leaves out what others report: ." was written)
    ([], ""),
])
def test_render_markdown_a_listed_line_ends_with_one_stop(items, line):
    from crosswire.render.markdown import _listed

    assert _listed(items) == line


@pytest.mark.parametrize(("texts", "dead_first"), [
    pytest.param(("The Orrin council voted on Tuesday to close the Marl Street library, "
                  "which opened in 1931.",
                  "Velk County will sell 40 acres of parkland to a school district, officials "
                  "said on Wednesday."), False, id="no-casualties"),
    pytest.param(("Two hikers were hurt when a rope bridge snapped over the Tarn gorge on "
                  "Sunday.",
                  "A ranger said the bridge over the Tarn gorge had been inspected in May."),
                 True, id="casualties"),
])
def test_render_markdown_order_hint_names_the_dead_only_where_counted(analyze, texts,
                                                                       dead_first):
    # the single-source section says how it is ordered; "the dead and hurt" first is
    # nonsense above facts of a library vote (read on real clusters without casualties)
    from test_brief_helpers import brief_of_texts, markdown_of

    brief, recs = brief_of_texts(analyze, *texts)
    text = markdown_of(brief, recs)
    assert "Most important first:" in text, text
    assert ("the dead and hurt" in text) is dead_first, text


def test_render_markdown_a_line_of_another_event_names_it_as_an_event(analyze):
    # read on a real cluster: a line of a story's second happening ended on that event's
    # title in italics, which is one outlet's headline, and read as the line's article
    # title; it is named as the event it belongs to
    from crosswire.records import Analyzed, Event, Story
    from test_brief_helpers import markdown_of

    texts = {"a0": "Two ferries collided off Tarn Point on Saturday, injuring 11 passengers.",
             "a1": "Divers inspected the hull of the Kestrel in Orrin on Monday, finding 3 "
                   "cracks below the waterline."}
    recs = {}
    for aid, text in texts.items():
        article, ex = analyze(text, published="2030-06-17", source=f"Outlet {aid}", id=aid)
        recs[aid] = Analyzed(article, ex)
    events = (Event("e1", "Ferries collide off Tarn Point", "2030-06-15", None, ("a0",)),
              Event("e2", "Kestrel hull inspected", "2030-06-17", None, ("a1",)))
    brief = compose_brief(Story("s1", "Ferries collide", tuple(recs), events), recs)
    text = markdown_of(brief, recs)
    lines = [line for line in text.splitlines()
             if line[:1].isdigit() and "cracks" in line and "Outlet a1" in line]
    assert lines, text
    assert all("event: *Kestrel hull inspected*" in line for line in lines), lines


def test_render_no_contradiction_says_what_was_compared(analyze):
    # "No contradictions: ... their figures, dates and names fit together" claimed more than
    # the brief checks (read on eight held-out clusters: every reader found disagreements
    # on places, durations or records it never compares); the line says what it compared
    from test_brief_helpers import brief_of_texts, markdown_of
    from test_render_html import _render

    brief, recs = brief_of_texts(
        analyze, "A barn burned down near Orrin on Friday, the fire service said.",
        "Fire destroyed a barn near Orrin on Friday, firefighters said.")
    assert not brief.conflicting
    for page in (markdown_of(brief, recs), _render(recs, brief)[0]):
        assert "fit together" not in page
        assert "No contradiction found" in page and "not compared" in page, page[-600:]
