"""Canonical names are the story's, worked out once when the story is briefed and stored:
corpus.json, the web UI's article view and the brief give each quote the same speaker. Two
fictional stories each name a different person of one surname in full in one article and
by the surname alone in another; across the whole corpus the surname is ambiguous, inside
each story it is not."""

from __future__ import annotations

import json

import pytest

import crosswire

HARBOUR = [
    ("h1", "Tidewater Post", "2026-03-02T09:00:00",
     "Harbour master Mira Kestrel closed the Orlen Vale ferry terminal on Monday after a "
     "crane toppled onto the loading ramp. \"Nobody goes near that ramp until it is "
     "inspected,\" Mira Kestrel said. Ferries to Cobble Island were cancelled for the day."),
    ("h2", "Vale Courier", "2026-03-02T11:00:00",
     "The Orlen Vale ferry terminal was shut on Monday when a crane fell across the loading "
     "ramp. \"We will reopen the ramp only when engineers sign it off,\" Kestrel said. "
     "Ferries to Cobble Island were cancelled and passengers were sent home."),
]
FOOTBALL = [
    ("f1", "Marsh Sport", "2026-03-03T20:00:00",
     "Brackwater Rovers coach Tomas Kestrel resigned on Tuesday after a ninth straight "
     "league defeat. \"The players deserve a fresh voice in the dressing room,\" Tomas "
     "Kestrel said. The Rovers sit bottom of the northern league."),
    ("f2", "Northern Ledger", "2026-03-03T21:30:00",
     "Brackwater Rovers need a new head coach after their ninth league defeat in a "
     "row. \"The dressing room needs a fresh voice,\" Kestrel said as he resigned on "
     "Tuesday. The Rovers are bottom of the northern league."),
]


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    folder = tmp_path_factory.mktemp("names")
    path = folder / "two-stories.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for aid, source, published, text in HARBOUR + FOOTBALL:
            fh.write(json.dumps({"id": aid, "source": source, "published": published,
                                 "title": text.split(".")[0], "text": text}) + "\n")
    return crosswire.analyze([path])


def _brief_speakers(stories):
    """(article, quote start) -> the speaker the brief credits."""
    out = {}
    for story in stories:
        for group in story["quotes"]:
            for variant in group["variants"]:
                for cite in variant["citations"]:
                    out[(cite["article"], cite["start"])] = variant.get("speaker") or \
                        group["speaker"]
    return out


def test_names_each_surname_is_its_own_storys_person(ran):
    speakers = _brief_speakers(ran.stories)
    by_article = {}
    for (aid, _), who in speakers.items():
        by_article.setdefault(aid, set()).add(who)
    assert by_article.get("h2") == {"Mira Kestrel"}
    assert by_article.get("f2") == {"Tomas Kestrel"}


def test_names_corpus_json_gives_the_speaker_the_brief_gives(ran):
    speakers = _brief_speakers(ran.stories)
    corpus = ran.corpus()
    checked = 0
    for article in corpus["articles"]:
        for quote in article["quotes"]:
            key = (article["id"], quote["start"])
            if key in speakers:
                assert quote["speaker"] == speakers[key], key
                checked += 1
    assert checked >= 4


def test_names_the_web_article_view_gives_the_storys_names(ran):
    view = ran.store.article("f2")
    assert {q["speaker"] for q in view["quotes"]} == {"Tomas Kestrel"}
    assert "Tomas Kestrel" in {e["canonical"] for e in view["entities"]}


def test_names_round_trip_and_refuse_another_extraction(analyze):
    from crosswire.records import Names

    _, one = analyze("Nurse Ada Brill said \"the ward is full\". Brill said it twice.")
    names = Names.of(one)
    assert names.apply(one) == one
    told = Names(names.entities, tuple("Ada Brill" for _ in names.speakers))
    assert one.quotes and {q.speaker for q in told.apply(one).quotes} == {"Ada Brill"}
    _, other = analyze("Captain Rolf Ines spoke.")
    assert names.apply(other) == other  # not this extraction's names: left as it is
    assert Names.from_json(json.loads(json.dumps(names.to_json()))) == names
