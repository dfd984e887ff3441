"""A section with nothing in it says so in plain words (issue 17: the report showed "Agreed
(0)" and then "None." when outlets shared no figure). Invented stories only."""

from __future__ import annotations

import pytest

from crosswire.render import story_to_html, story_to_markdown
from crosswire.render.html import NO_FACTS
from test_render_html import synthetic_story
from test_web_app import client, page_text, store_path, stored  # noqa: F401 -- fixtures


def _empty(kind: str) -> tuple[dict, dict]:
    story, articles = synthetic_story()
    story["facts"][kind] = []
    return story, articles


@pytest.mark.parametrize("kind", ["agreed", "unique"])
def test_render_markdown_an_empty_fact_section_says_so_plainly(kind):
    text = story_to_markdown(*_empty(kind))
    assert "None." not in text
    assert NO_FACTS[kind] in text


@pytest.mark.parametrize("kind", ["agreed", "unique"])
def test_render_html_an_empty_fact_section_says_so_plainly(kind):
    text = page_text(story_to_html(*_empty(kind)))
    assert "None." not in text
    assert NO_FACTS[kind] in text


def test_render_single_source_facts_in_agreed_sentences_are_not_called_none():
    # a single-source fact whose sentence an agreed line already cites is not listed again;
    # the empty section must not then say that no fact comes from one source
    from crosswire.render.html import NO_FACTS_REPEATED

    story, articles = synthetic_story()
    agreed = story["facts"]["agreed"][0]
    story["facts"]["unique"] = [{**agreed, "slot": "rank:choice", "value": "first",
                                 "statement": "It was the first choice.",
                                 "sources": agreed["sources"][:1]}]
    for text in (story_to_markdown(story, articles),
                 page_text(story_to_html(story, articles))):
        assert NO_FACTS["unique"] not in text
        assert NO_FACTS_REPEATED in text


def test_web_story_and_facts_pages_say_plainly_that_no_fact_is_agreed(client, stored):  # noqa: F811
    _, stories = stored
    lone = [s for s in stories.values() if not s["facts"]["agreed"]]
    assert lone, "the web store should hold a one-outlet story"
    for story in lone:
        for url in (f"/stories/{story['id']}", f"/stories/{story['id']}/facts"):
            text = page_text(client.get(url).get_data(as_text=True))
            assert "None." not in text, url
            assert NO_FACTS["agreed"] in text, url



def test_web_article_page_says_plainly_what_it_found_nothing_of(tmp_path):
    from crosswire.web.app import create_app
    from test_web_app import build_store

    quiet = {"id": "quiet-note", "source": "Harbor Ledger", "published": "2025-03-12",
             "title": "A quiet note", "text": "The tide came in slowly and went out again."}
    app = create_app(build_store(tmp_path, [quiet])).test_client()
    data = app.get("/articles/quiet-note.json").get_json()
    assert not data["quotes"]
    text = page_text(app.get("/articles/quiet-note").get_data(as_text=True))
    assert "None." not in text
    assert "No quotes found in this article." in text
