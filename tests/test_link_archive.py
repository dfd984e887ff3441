"""Archiving quiet stories: bounded working set, summaries that round-trip, late joins."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

from crosswire.link import LinkConfig, LinkState, link_articles
from crosswire.link.archive import SUMMARY_TERMS
from crosswire.link.index import MAX_POSTINGS, TermIndex
from crosswire.records import Analyzed, Article, Entity, Extraction, Sentence

SYLLABLES = "ka lo mi ren tu vas pel dor qui zan fes bri ol ung tra meo sil gak".split()


def _word(rnd: random.Random) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(3))


def _story_words(k: int) -> list[str]:
    rnd = random.Random(1000 + k)
    return [_word(rnd) for _ in range(14)]


def fictional(aid: str, k: int, day: date, rnd: random.Random) -> Analyzed:
    """An article of fictional story ``k`` (made-up words, people and places) on ``day``."""
    words = _story_words(k)
    person, town = f"Vellia Story{k}", f"Ostrel{k}"
    body = []
    for _ in range(4):
        picked = rnd.sample(words, 6) + [_word(rnd)]
        body.append(" ".join(picked).capitalize() + ".")
    parts = [f"{person} spoke in {town}.", *body]
    text = " ".join(parts)
    sents, pos = [], 0
    for part in parts:
        start = text.index(part, pos)
        sents.append(Sentence(start, start + len(part), part))
        pos = start + len(part)
    ents = (Entity(person, "PERSON", person, 0, len(person)),
            Entity(town, "GPE", town, text.index(town), text.index(town) + len(town)))
    art = Article(aid, text, title=f"{words[0].capitalize()} {words[1]} in {town}",
                  source="outlet", published=day.isoformat())
    return Analyzed(art, Extraction(aid, tuple(sents), ents, (), ()))


def stream(n_stories: int, per_story: int = 4, seed: int = 3) -> list[Analyzed]:
    """Stories one day apart, each published over two days."""
    rnd = random.Random(seed)
    start = date(2031, 3, 1)
    out = []
    for k in range(n_stories):
        for i in range(per_story):
            day = start + timedelta(days=k + i % 2)
            out.append(fictional(f"a{k}-{i}", k, day, rnd))
    return out


def link_in_batches(items, cfg, size=50, state=None):
    for b in range(0, len(items), size):
        state = link_articles(items[b : b + size], state, config=cfg)
    return state


CFG = LinkConfig(active_days=5)


def test_working_set_stays_bounded_as_the_stream_grows():
    items = stream(750)  # 3,000 articles over ~750 days
    state, peak = None, 0
    for b in range(0, len(items), 100):
        state = link_articles(items[b : b + 100], state, config=CFG)
        peak = max(peak, len(state.features))
    assert len(state.story_of) == len(items)
    # about 7 days of stories (4 articles a day) are live, plus one batch
    assert peak < 200, peak
    assert len(state.working.postings) <= peak
    # archived stories left memory for the cold tier: only live ones' bookkeeping is held
    assert len(state.story_data) < 100 and len(state.pos) < 400, (
        len(state.story_data), len(state.pos))
    assert len(state.cold) > 600
    assert len(state.stories) == len(state.story_data) + len(state.cold)
    assert all(len(s.terms) <= SUMMARY_TERMS
               for sid in state.cold.ids() for s in state.cold_summaries(sid)[0])


def test_stories_keep_their_ids_and_articles_when_archived():
    items = stream(40)
    whole = link_in_batches(items, LinkConfig(active_days=None))
    small = link_in_batches(items, CFG)
    assert len(small.features) < len(whole.features)
    assert [(s.id, s.articles, s.title) for s in small.stories] == [
        (s.id, s.articles, s.title) for s in whole.stories]
    first = small.story_of["a0-0"]
    assert set(small.story(first).articles) == {"a0-0", "a0-1", "a0-2", "a0-3"}
    assert small.article_ids() == {a.article.id for a in items}


def test_archive_round_trips_through_json():
    state = link_in_batches(stream(30), CFG)
    assert len(state.cold)
    data = json.loads(json.dumps(state.to_json()))
    back = LinkState.from_json(data)
    assert json.dumps(back.to_json(), sort_keys=True) == json.dumps(data, sort_keys=True)
    assert back.stories == state.stories
    # linking on from the reloaded state gives what the live one gives
    rnd = random.Random(9)
    more = [fictional(f"b{k}", k, date(2031, 4, 5), rnd) for k in (30, 31)]
    assert link_articles(more, back, CFG).story_of == link_articles(more, state, CFG).story_of


def test_late_article_joins_an_archived_story():
    items = stream(30)
    state = link_in_batches(items, CFG)
    old = state.story_of["a2-0"]
    assert "a2-0" not in state.features  # archived: only its summary is left
    assert old in state.cold and old not in state.story_data
    assert state.cold_summaries(old)[0]
    late = fictional("late-2", 2, date(2031, 4, 2), random.Random(5))
    after = link_articles([late], state, CFG)
    assert after.story_of["late-2"] == old
    assert after.story(old).articles[-1] == "late-2"
    assert len(after.story(old).events) == len(state.story(old).events) + 1
    # and it is archived again once quiet, its summary now counting five articles
    later = link_in_batches(stream(50)[120:], CFG, state=after)
    summary, _ = later.cold_summaries(old)
    assert len(summary) == 1 and summary[0].articles == 5


def test_summary_postings_of_a_common_term_keep_only_the_latest():
    index = TermIndex()
    n = 2 * MAX_POSTINGS + 10
    for p in range(n):  # one summary per archived story, each with a name of its own
        index.put(p, {"fire": 0.5, f"@person {p}": 0.5})
    assert len(index.terms["fire"].pos) < 2 * MAX_POSTINGS  # grows with the vocabulary only
    assert index.recent("fire")[0].tolist() == list(range(n - MAX_POSTINGS, n))
    assert index.recent("@person 3")[0].tolist() == [3]  # an old story is found by its names
    index.put(1, {"fire": 0.5})  # re-archived under an old anchor: placed in position order
    assert index.terms["fire"].pos.tolist() == sorted(index.terms["fire"].pos.tolist())
