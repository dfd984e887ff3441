"""The brief shows quotes a reader can use: a paraphrase no one is found to have said is left
out, while quoted words without a speaker stay. Fictional."""

from __future__ import annotations

import pytest

from crosswire.brief import compose_brief
from crosswire.records import Event
from test_brief_helpers import art, story_of

EV = Event("e1", "Ferry strike in Port Alder", "2033-01-10", None, ("a",))


@pytest.mark.parametrize(("said", "kind", "kept"), [
    ("For some time, the ferry lines have been quietly raising fares", "indirect", False),
    ("We will not sail until the talks resume", "direct", True),
])
def test_quotes_brief_drops_paraphrases_no_one_said(said, kind, kept):
    text = f"Port Alder was quiet on Monday. {said}. The pier stayed shut."
    a = art("a", "North Star", text, quotes=[(said, None, None, kind)])
    story, recs = story_of([a], [EV])
    brief = compose_brief(story, recs)
    shown = [v.text for g in brief.quotes for v in g.variants]
    assert (said in shown) is kept
