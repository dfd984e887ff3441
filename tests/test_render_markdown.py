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
    text, _, _ = md
    assert text.startswith("# Harbor Bridge collapse\n")
    for heading in (
        "## Summary",
        "## Events",
        "## Timeline",
        "## Facts",
        "### Agreed",
        "### Single-source",
        "### Conflicting",
        "## Quotes",
        "## Framing",
        "## Sources",
    ):
        assert f"\n{heading}" in text
    assert "**How many firefighters attended the memorial**" in text
    assert text.index("### Conflicting") < text.index("### Agreed")
    assert "(credited to Alan Pike)" in text


def test_render_markdown_footnotes_resolve(md):
    text, _, arts = md
    used = set(re.findall(r"\[\^(\d+)\](?!:)", text))
    defs = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", text, re.M))
    assert used and used == set(defs)
    for body in defs.values():
        m = re.match(r"(.+?), (\w+):(\d+)-(\d+): \u201c(.*)\u201d$", body)
        assert m, body
        outlet, aid, start, end, said = m.groups()
        art = arts[aid]
        assert outlet == art["source"]
        assert md_escape(art["text"][int(start) : int(end)]).startswith(said.rstrip("\u2026"))


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
