"""Copies of one sentence across outlets: a value that no reader of the parse takes for a
claim ("had stood empty since 1994", "saved the remaining three silos") is still compared
with the value in the same place of another outlet's copy of the sentence. Fictional texts,
written before the rule: the town, the outlets and every person are invented."""

from __future__ import annotations

import json

import pytest

import crosswire

LEAD = ("A fire destroyed the old grain store on Harbour Road in Tessmoor on Friday night, "
        "the county fire service said. ")
TAIL = ("Fire chief Orla Benn said the roof collapsed shortly after 11 p.m. The owner, "
        "Brennock Holdings, said it would decide on the site's future next month. ")
STAR = ("Fire gutted the empty grain store on Harbour Road in Tessmoor on Friday night. "
        "Firefighters from four stations were called, and Orla Benn, the fire chief, said the "
        "roof fell in soon after 11 p.m. Nobody was hurt, she said.")


def _feed(tmp_path, bodies: dict[str, str]):
    feed = tmp_path / "feed.jsonl"
    outlets = {"post": "Coastal Post", "star": "North Star", "wire": "Velk Wire"}
    with feed.open("w", encoding="utf-8") as out:
        for aid, body in bodies.items():
            out.write(json.dumps({
                "id": f"{aid}-grainstore", "title": "Fire destroys Tessmoor grain store",
                "source": outlets[aid], "published": "2031-06-14T09:00:00Z",
                "text": "Fire destroys Tessmoor grain store\n\n" + body}) + "\n")
    result = crosswire.analyze([feed])
    (story,) = [s for s in result.stories if len(s["articles"]) == len(bodies)]
    return story


def _conflicts(story) -> list[list[str]]:
    return [sorted(v["value"] for v in c["variants"]) for c in story["facts"]["conflicting"]]


@pytest.mark.slow
def test_brief_copies_a_changed_value_in_a_copied_sentence_conflicts(tmp_path):
    post = (LEAD + "The building had stood empty since 1994, when the milling company moved "
            "to Velden. Firefighters saved the remaining three silos behind the store. " + TAIL)
    star = (LEAD + "The building had stood empty since 1984, when the milling company moved "
            "to Velden. Firefighters saved the remaining two silos behind the store. " + TAIL)
    story = _feed(tmp_path, {"post": post, "star": star})
    found = _conflicts(story)
    assert ["1984", "1994"] in found, found
    assert ["2", "3"] in found, found
    assert len(found) == 2, found
    for c in story["facts"]["conflicting"]:
        cited = {cite["article"] for v in c["variants"] for cite in v["citations"]}
        assert cited == {"post-grainstore", "star-grainstore"}
        assert c["statement"] and "~" not in c["statement"] and "#" not in c["statement"]


@pytest.mark.slow
def test_brief_copies_rewordings_and_other_people_do_not_conflict(tmp_path):
    post = (LEAD + "The building had stood empty since 1994, when the milling company moved "
            "to Velden. Firefighters saved the remaining three silos behind the store. "
            "Benn, who joined the service in 1998, led the crews. " + TAIL)
    star = (LEAD + "The building had stood empty since 1994, when the milling company moved "
            "to Velden. Firefighters saved the remaining 3 silos behind the store. "
            "Deputy chief Ana Rusk, who joined the service in 2006, led the crews. " + TAIL)
    story = _feed(tmp_path, {"post": post, "star": star})
    assert _conflicts(story) == []
    # a value only copies of a sentence carry is no fact of its own: it is not listed
    listed = [f["statement"] for f in (*story["facts"]["agreed"], *story["facts"]["unique"])]
    assert not any("silos" in s for s in listed), listed


@pytest.mark.slow
def test_brief_copies_two_reports_of_one_outlet_each_stand_on_their_own(tmp_path):
    # the Post runs the story twice; its second version gives another day for the fire,
    # which the Star's report contradicts as much as the Post's first version agrees
    first = LEAD + "Crews from four stations fought the blaze for most of the night. " + TAIL
    second = first.replace("on Friday night", "on Thursday night").replace(
        "for most of the night", "until dawn")
    feed = tmp_path / "feed.jsonl"
    star = STAR
    rows = [("post-1", "Coastal Post", first, "09:00"), ("post-2", "Coastal Post", second,
            "09:40"), ("star-1", "North Star", star, "10:00")]
    with feed.open("w", encoding="utf-8") as out:
        for aid, outlet, body, clock in rows:
            out.write(json.dumps({
                "id": aid, "title": "Fire destroys Tessmoor grain store", "source": outlet,
                "published": f"2031-06-14T{clock}:00Z",
                "text": "Fire destroys Tessmoor grain store\n\n" + body}) + "\n")
    (story,) = [s for s in crosswire.analyze([feed]).stories if len(s["articles"]) == 3]
    days = [c for c in story["facts"]["conflicting"] if c["slot"].startswith("date:")]
    assert len(days) == 1, _conflicts(story)
    cited = {cite["article"] for v in days[0]["variants"] for cite in v["citations"]}
    assert {"post-2", "star-1"} <= cited


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "post_value", "star_value", "shown"), [
    # both outlets quote the chief's statement; one copy gives another clock time
    ('"We pulled our crews back just after {} because the walls were moving," Benn said in a '
     "statement. ", "10:40 p.m.", "9:40 p.m.", ["10:40 p.m.", "9:40 p.m."]),
    # each outlet converts the sum into its readers' currency in brackets (one of them in a
    # wire's spaced figures, which leave the parse no noun for the sum); the sentence reads
    # on after the brackets, so the two copies still hold the sum in the same place
    ("Four men drove a van into a jeweller's on Quay Street in Orrin on Monday, breaking the "
     "front glass and fleeing with a {} haul, a harbour police officer said. ",
     "€4 million ($5. 2 - million)", "€5 million (R81 million)", ["€4 million", "€5 million"]),
], ids=["quote-copied", "aside-in-brackets"])
def test_brief_copies_one_value_changed_in_a_copied_sentence_conflicts(
        tmp_path, sentence, post_value, star_value, shown):
    post = LEAD + sentence.format(post_value) + TAIL
    star = LEAD + sentence.format(star_value) + TAIL
    found = _conflicts(_feed(tmp_path, {"post": post, "star": star}))
    assert found == [shown], found


@pytest.mark.slow
def test_brief_copies_when_a_sentence_ends_on_its_value(tmp_path):
    # an old remark both outlets recall, and a clause both keep from one wire sentence while
    # the rest of the sentence differs
    post = (LEAD + '"I will never sell the mill," Harlan Voss said in 1988. The harbour board '
            "has had no elected harbour council since 1991. " + TAIL)
    star = (LEAD + '"I will never sell the mill," Harlan Voss said in 1998. Officials said the '
            "harbour board, which lost its last two members to a bribery inquiry and a "
            "drowning, has not had an elected harbour council since 1981. " + TAIL)
    found = _conflicts(_feed(tmp_path, {"post": post, "star": star}))
    assert ["1988", "1998"] in found, found
    assert ["1981", "1991"] in found, found


@pytest.mark.slow
def test_brief_copies_a_reordered_list_or_another_line_of_figures_is_no_change(tmp_path):
    post = (LEAD + "Benn is survived by two daughters, ages 9 and 14. In the cup final, Tam "
            "Ferris ran for 112 yards and caught 4 passes for 38 yards. " + TAIL)
    star = (LEAD + "Benn, the union said, is survived by two daughters, ages 14 and 9. In the "
            "cup final, Tam Ferris ran for 96 yards and caught 6 passes for 51 yards. " + TAIL)
    assert _conflicts(_feed(tmp_path, {"post": post, "star": star})) == []


@pytest.mark.slow
@pytest.mark.parametrize(("post_sentence", "star_sentence"), [
    ("Tam Ferris ran for 112 yards in the cup final. ",
     "Ada Moss ran for 96 yards in the cup final while Tam Ferris added 112. "),
    # the same frame around the value, but the sentences differ in a second figure too: two
    # reports of two different things ("loaded 4 pumps onto 2 trucks" / "took 6 pumps off 3")
    ("Benn said crews loaded four pumps onto two trucks at the Velden depot. ",
     "Benn said crews took six pumps off three trucks at the Velden depot. "),
], ids=["two-doers", "another-verb-and-another-figure"])
def test_brief_copies_two_facts_of_one_sentence_shape_are_no_change(
        tmp_path, post_sentence, star_sentence):
    post, star = LEAD + post_sentence + TAIL, LEAD + star_sentence + TAIL
    assert _conflicts(_feed(tmp_path, {"post": post, "star": star})) == []


def test_brief_copies_an_exact_copy_is_one_article_cited_once(tmp_path):
    """A word-for-word copy under another outlet's name is the same article: it is listed
    as a duplicate in the corpus, and the brief counts and cites its original only (a near
    copy, which may change a word, is still cited as its original's carrier)."""
    post = LEAD + TAIL + "Nobody was hurt, the fire service said."
    feed = tmp_path / "feed.jsonl"
    rows = [("post-grainstore", "Coastal Post", post),
            ("star-grainstore", "North Star", STAR),
            ("post-online-grainstore", "Coastal Post Online", post)]
    with feed.open("w", encoding="utf-8") as out:
        for aid, outlet, body in rows:
            out.write(json.dumps({
                "id": aid, "title": "Fire destroys Tessmoor grain store", "source": outlet,
                "published": "2031-06-14T09:00:00Z",
                "text": "Fire destroys Tessmoor grain store\n\n" + body}) + "\n")
    result = crosswire.analyze([feed])
    statuses = {r["input"].rsplit(":", 1)[-1]: r["status"] for r in result.corpus()["inputs"]}
    assert sorted(statuses.values()) == ["duplicate", "ingested", "ingested"], statuses
    (story,) = [s for s in result.stories if "post-grainstore" in s["articles"]]
    assert "post-online-grainstore" not in story["articles"]
    cited = json.dumps(story["facts"]) + json.dumps(story.get("quotes"))
    assert "post-online-grainstore" not in cited


@pytest.mark.slow
def test_brief_copies_a_pronoun_each_outlet_reads_as_someone_else_still_compares(tmp_path):
    # one outlet names the fire chief just before the recalled remark, the other the owner:
    # "she" may be read as two people, but the two sentences are one sentence copied, so the
    # year is what they disagree on
    post = (LEAD + "Orla Benn led the crews and Orla Benn said the roof fell in. Ilse Varn, "
            'who owned the store, fought the council over it for a decade. "The grain store '
            'will outlast the council," she said in 1994. ' + TAIL)
    star = (LEAD + "The store belonged to Ilse Varn. Orla Benn, the fire chief, said the roof "
            'fell in, and Benn praised her crews. "The grain store will outlast the council," '
            'she said in 2004. ' + TAIL)
    found = _conflicts(_feed(tmp_path, {"post": post, "star": star}))
    assert ["1994", "2004"] in found, found


@pytest.mark.slow
@pytest.mark.parametrize(("post_sentence", "star_sentence", "shown"), [
    # the copies differ in their verb besides the value, and one of them says little ("were
    # at"): the two copies still tell one thing
    ("Benn said four pumps from the Velden depot reached the store before midnight. ",
     "Benn said six pumps from the Velden depot were at the store before midnight. ",
     ["4", "6"]),
    ("A harbour police officer said the looters entered the store around 11 p.m., hours "
     "after the roof fell in. ",
     "A harbour police officer said the looters got in around 1 a.m., hours after the roof "
     "fell in. ",
     ["about 1 a.m.", "about 11 p.m."]),
], ids=["count", "clock-time"])
def test_brief_copies_a_copy_whose_parse_names_another_verb_still_compares(
        tmp_path, post_sentence, star_sentence, shown):
    story = _feed(tmp_path, {"post": LEAD + post_sentence + TAIL,
                             "star": LEAD + star_sentence + TAIL})
    found = _conflicts(story)
    assert found == [shown], found


def test_brief_copies_a_near_copy_counts_once_whichever_way_round_it_was_found(analyze):
    """A read: twelve reports, one a near copy the duplicate detector flagged, and the brief
    said "12 independent sources". The detector named the copy one way round and the
    sentence comparison (earliest first; undated reports in id order) the other; each then
    counted as the other's outlet, and the two still counted twice."""
    from crosswire.brief.cite import build_context
    from crosswire.records import Analyzed, Event, Story

    body = LEAD + TAIL + "Nobody was hurt, the fire service said. "
    recs = {}
    for aid, outlet, text in (("x2", "Coastal Post", body),
                              ("x10", "Velk Wire", body + "More follows.")):
        article, ex = analyze(text, source=outlet, id=aid)
        recs[aid] = Analyzed(article, ex)
    story = Story("s1", "Fire", ("x2", "x10"), (Event("e1", "Fire", None, None, ("x2", "x10")),))
    ctx = build_context(story, recs, {"x2": ["x10"]})  # the detector: x10 copies x2
    assert len(set(ctx.group.values())) == 1, ctx.group
