"""The year of something one named person did, told with the same verb by two outlets,
is one happening's year: "Orr, who left the academy in 1969 to work alone, ..." and "Orr
left the academy in 1973" disagree. Two years one sentence gives for the verb, another
doer, or the same year reworded are not compared. Every text here is invented for this
test and was written before the code was run on it. (A sentence whose doer is only "they"
beside a name, "They sold the foundry in 1985, and Orr kept the studio", is not compared: a
rule that took the name for the doer found no planted year and flagged years of two
deaths.)"""

from __future__ import annotations

import pytest

from test_brief_helpers import two_outlet_conflicts

PUB = "2030-04-02"
OPEN = "The sculptor Tamsin Orr opened a show of her river figures in Velden on Sunday. "


def _years(analyze, first: str, second: str) -> list[tuple[str, ...]]:
    return two_outlet_conflicts(analyze, OPEN + first, OPEN + second, "year:", PUB)


@pytest.mark.parametrize(("first", "second", "years"), [
    pytest.param(
        "Orr, who left the Halden academy in 1969 to work alone, cast her best-known bronze "
        "in a rented foundry.",
        "Orr left the Halden academy in 1973 and never taught again.", ("1969", "1973"),
        id="who-and-the-name"),
])
def test_one_doers_year_told_two_ways_conflicts(analyze, first, second, years):
    assert _years(analyze, first, second) == [years]


@pytest.mark.parametrize(("first", "second"), [
    pytest.param(  # two years one sentence gives for the verb
        "Orr won the Halden Medal in 1979 and 1988 for her river figures.",
        "Orr won the Halden Medal in 1979, the year her river figures were shown in Velden.",
        id="two-years-in-one-sentence"),
    pytest.param(  # another doer
        "Orr sold the Halden foundry in 1981 after she moved her kilns to Velden.",
        "Her assistant Lena Marsh sold a foundry in 1990 and moved to Brisk.",
        id="another-doer"),
    pytest.param(  # the same year reworded
        "Orr sold the Halden foundry in 1981 after she moved her kilns to Velden.",
        "In 1981 Orr sold the foundry in Halden and kept the studio.", id="same-year"),
])
def test_one_doers_years_apart_or_alike_are_not_compared(analyze, first, second):
    assert _years(analyze, first, second) == []


@pytest.mark.slow
def test_brief_two_players_with_one_figure_are_two_facts(tmp_path):
    # "Ruiz scored 14" and "Tomas scored 14" are two facts, even when a third sentence that
    # names no one ("Her 14 points ...") fits either (read on a real cluster: two players'
    # points were one agreed line credited to five outlets)
    import json

    import crosswire

    texts = {
        "Wire": ("The Orrin Gulls beat the Velk Terns 70-61 on Friday. Lena Tomas scored 14 "
                 "points as a substitute for the Gulls. Ana Ruiz scored 14 points and Mia Orr "
                 "scored 13 for the Terns."),
        "Coast Herald": ("The Orrin Gulls beat the Velk Terns 70-61 on Friday in the harbour "
                         "cup. Tomas, a winger in her first season, had 14 points. Her 14 "
                         "points were two more than in any game before."),
    }
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for n, (source, text) in enumerate(texts.items()):
            out.write(json.dumps({"id": f"a{n}", "title": "Gulls beat Terns", "text": text,
                                  "published": "2031-03-15", "source": source}) + "\n")
    (story,) = crosswire.analyze([feed]).stories
    for fact in story["facts"]["agreed"]:
        cited = " ".join(texts["Wire" if c["article"] == "a0" else "Coast Herald"]
                         [c["start"]:c["end"]] for c in fact["citations"])
        assert not ("Ruiz" in cited and "Tomas" in cited and "Ruiz" in fact["statement"]), fact
        assert not ("Ruiz" in fact["statement"] and "a1" in {c["article"]
                                                            for c in fact["citations"]}), fact
