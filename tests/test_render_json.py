"""JSON output and its schemas (story.v1.json, corpus.v1.json)."""

from __future__ import annotations

import copy
import json

import pytest

from crosswire.brief import compose_brief
from crosswire.errors import SchemaError
from crosswire.records import InputRecord
from crosswire.registry import renderers
from crosswire.render import (
    corpus_to_dict,
    corpus_to_json,
    story_to_dict,
    story_to_json,
    validate,
)
from crosswire.render.json_out import load_schemas
from test_brief_helpers import memorial_story


@pytest.fixture(scope="module")
def built():
    (story, recs), dups = memorial_story()
    return compose_brief(story, recs, dups), recs


@pytest.fixture()
def corpus(built):
    brief, recs = built
    inputs = [InputRecord(f"feed.jsonl:{i}", "ingested", a) for i, a in enumerate(recs)]
    inputs.append(InputRecord("feed.jsonl:9", "duplicate", "m9", duplicate_of="m2"))
    inputs.append(InputRecord("empty.txt", "rejected", reason="no text"))
    return corpus_to_dict("0.1.0", inputs, list(recs.values()), [brief])


def test_render_json_story_has_the_contract(built):
    brief, recs = built
    data = json.loads(story_to_json(brief, recs))
    assert set(data) >= {
        "id",
        "title",
        "articles",
        "events",
        "timeline",
        "facts",
        "quotes",
        "summary",
        "framing",
    }
    assert set(data["facts"]) == {"agreed", "unique", "conflicting", "updates"}
    for f in data["facts"]["agreed"]:
        assert set(f) >= {"slot", "event", "value", "citations"}
    for e in data["events"]:
        assert set(e) >= {"id", "title", "date", "place", "articles", "mentioned_by"}
    (conflict,) = [c for c in data["facts"]["conflicting"] if c["slot"].startswith("count:")]
    assert set(conflict) >= {"slot", "event", "variants"}
    assert conflict["variants"][0]["outlets"] == ["Coastal Post"]


def test_render_json_citations_round_trip(built):
    brief, recs = built
    data = story_to_dict(brief, recs)
    cites = [c for s in data["summary"] for c in s["citations"]]
    cites += [c for g in data["quotes"] for v in g["variants"] for c in v["citations"]]
    for s in data["summary"]:
        c = s["citations"][0]
        assert recs[c["article"]].article.text[c["start"] : c["end"]] == s["text"]
    for g in data["quotes"]:
        for v in g["variants"]:
            for c in v["citations"]:
                assert recs[c["article"]].article.text[c["start"] : c["end"]] == v["text"]
    assert cites


def test_render_json_corpus_validates(corpus):
    validate(corpus, "corpus")
    text = json.dumps(corpus)
    assert '"status": "rejected"' in text
    art = corpus["articles"][0]
    assert set(art) >= {
        "id",
        "source",
        "title",
        "published",
        "url",
        "text",
        "entities",
        "quotes",
        "times",
        "numbers",
    }
    for q in art["quotes"]:
        assert art["text"][q["start"] : q["end"]] == q["text"]
    for n in art["numbers"]:
        assert art["text"][n["start"] : n["end"]] == n["text"]


def test_render_json_corpus_to_json(built):
    brief, recs = built
    text = corpus_to_json("0.1.0", [], list(recs.values()), [brief])
    data = json.loads(text)
    assert data["crosswire_version"] == "0.1.0"
    assert data["stories"][0]["id"] == "s1"


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (("stories", 0, "facts", "agreed", 0, "citations", 0, "start"), "12", "start"),
        (("stories", 0, "summary", 0, "citations", 0), {"article": "m1"}, "citations[0]"),
        (("inputs", 0, "status"), "ok", "status"),
        (("articles", 0, "numbers", 0, "low"), "many", "low"),
        (("stories", 0, "timeline", 0, "date"), "March 3", "date"),
    ],
)
def test_render_json_broken_corpus_names_the_path(corpus, path, value, where):
    bad = copy.deepcopy(corpus)
    node = bad
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(SchemaError) as err:
        validate(bad, "corpus")
    msg = str(err.value)
    assert "corpus.v1.json" in msg and where in msg and "$." in msg


def test_render_json_missing_required_field(built):
    brief, recs = built
    data = story_to_dict(brief, recs)
    del data["facts"]["conflicting"]
    data["surprise"] = 1
    with pytest.raises(SchemaError, match=r"story\.v1\.json at \$.*(conflicting|surprise)"):
        validate(data, "story")


def test_render_json_unknown_schema():
    with pytest.raises(SchemaError, match="No schema called 'brief'"):
        validate({}, "brief")


@pytest.mark.parametrize("name", ["story", "corpus"])
def test_render_json_schemas_are_draft_2020_12(name):
    from jsonschema import Draft202012Validator

    schema = load_schemas()[name]
    assert schema["$schema"].endswith("/draft/2020-12/schema")
    Draft202012Validator.check_schema(schema)


def test_render_json_registered_renderers(built):
    brief, recs = built
    data = story_to_dict(brief, recs)
    assert {"json", "md", "html"} <= set(renderers.names())
    out = renderers.create("json")(data, {})
    assert json.loads(out)["id"] == "s1"
