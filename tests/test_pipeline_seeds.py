"""The real case that shaped crosswire (../shared/data/seeds, read at test time, never
copied): two funerals a week apart are one story with two events, dates resolve against
the publication date when given and never without it, every quote has a speaker, and
"hundreds" vs "thousands" of officers is not a conflict (different events / groups)."""

from __future__ import annotations

import json
import shutil

import pytest

import crosswire
from conftest import shared_path
from crosswire.render.json_out import validate

pytestmark = pytest.mark.slow

PUBLISHED = {"000": "2015-01-05", "001": "2014-12-28"}  # given by the product brief
FUNERAL = {"000": "2015-01-04", "001": "2014-12-27"}  # "On Sunday morning" / "On Saturday"


def _copy_seeds(tmp_path, with_dates: bool):
    seeds = shared_path("seeds")
    folder = tmp_path / ("dated" if with_dates else "undated")
    folder.mkdir()
    names = {}
    for path in sorted(seeds.glob("*.txt")):
        key = path.name[:3]
        shutil.copy(path, folder / path.name)
        meta = {"source": f"seed outlet {key}"}
        if with_dates:
            meta["published"] = PUBLISHED[key]
        (folder / f"{path.stem}.meta.json").write_text(json.dumps(meta))
        names[key] = path.name
    return folder, names


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    folder, names = _copy_seeds(tmp_path_factory.mktemp("seeds"), with_dates=True)
    corpus = crosswire.analyze([folder]).corpus()
    return corpus, _ids(corpus, names)


def _ids(corpus, names):
    by_name = {rec["input"].rsplit("/", 1)[-1]: rec["article"] for rec in corpus["inputs"]}
    return {key: by_name[name] for key, name in names.items()}


def test_seeds_one_story_two_funeral_events(dated):
    corpus, ids = dated
    validate(corpus, "corpus")
    assert [r["status"] for r in corpus["inputs"]] == ["ingested", "ingested"]
    (story,) = corpus["stories"]
    assert set(story["articles"]) == set(ids.values())
    main = {}
    for event in story["events"]:
        for aid in event["articles"]:
            main[aid] = event
    for key, aid in ids.items():
        assert main[aid]["date"] == FUNERAL[key], (key, main[aid])
    assert main[ids["000"]]["id"] != main[ids["001"]]["id"]
    # the later article mentions the earlier funeral in background
    assert ids["000"] in main[ids["001"]]["mentioned_by"]


def test_seeds_relative_dates_resolved_against_published(dated):
    corpus, ids = dated
    articles = {a["id"]: a for a in corpus["articles"]}
    for key, aid in ids.items():
        times = articles[aid]["times"]
        hits = [t for t in times if (t["value"] or "")[:10] == FUNERAL[key]]
        assert hits, f"{key}: no expression resolved to {FUNERAL[key]}: {times}"
        assert all(t["anchor"] == f"published:{PUBLISHED[key]}" for t in hits
                   if t["text"].lower().startswith("on "))


def test_seeds_every_direct_quote_has_a_speaker(dated):
    corpus, ids = dated
    articles = {a["id"]: a for a in corpus["articles"]}
    for aid in ids.values():
        direct = [q for q in articles[aid]["quotes"] if q["kind"] == "direct"]
        assert direct, f"{aid}: no direct quotes found"
        for q in direct:
            assert q["speaker"], f"{aid}: quote without speaker: {q['text'][:60]}"
            assert articles[aid]["text"][q["start"]:q["end"]] == q["text"]
    eulogy = [q for q in articles[ids["000"]]["quotes"] if q["kind"] == "direct"]
    assert any(q["speaker"] == "Bill de Blasio" for q in eulogy)


def test_seeds_vague_counts_are_ranges(dated):
    corpus, ids = dated
    articles = {a["id"]: a for a in corpus["articles"]}
    numbers = [n for aid in ids.values() for n in articles[aid]["numbers"]]
    vague = {n["text"].lower().split()[0]: n for n in numbers
             if n["text"].lower().split()[0] in ("hundreds", "thousands")}
    assert (vague["hundreds"]["low"], vague["hundreds"]["high"]) == (200, 999)
    assert (vague["thousands"]["low"], vague["thousands"]["high"]) == (2000, 9999)
    assert vague["hundreds"]["unit"] == "officer"
    blocks = [n for n in numbers if n["unit"] and "block" in n["unit"]]
    assert blocks and blocks[0]["low"] == 6 and blocks[0]["high"] is None


def test_seeds_no_false_hundreds_vs_thousands_conflict(dated):
    corpus, _ = dated
    (story,) = corpus["stories"]
    texts = {a["id"]: a["text"] for a in corpus["articles"]}
    for conflict in story["facts"]["conflicting"]:
        spans = " | ".join(texts[c["article"]][c["start"]:c["end"]].lower()
                           for v in conflict["variants"] for c in v["citations"])
        assert not ("hundreds" in spans and "thousands" in spans), spans


def test_seeds_without_published_invent_no_dates(tmp_path):
    folder, names = _copy_seeds(tmp_path, with_dates=False)
    corpus = crosswire.analyze([folder]).corpus()
    for article in corpus["articles"]:
        assert article["published"] is None
        for t in article["times"]:
            assert t["anchor"] is None or not t["anchor"].startswith("published"), t
            if t["text"].lower() in ("on saturday", "on sunday morning", "on sunday"):
                assert t["value"] is None
    (story,) = corpus["stories"]
    for event in story["events"]:
        assert event["date"] is None, event  # no published date, no weekday date
