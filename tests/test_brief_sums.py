"""One sum told by two outlets in other words ("Halvern's $12 billion purchase of Trisca
Foods" / "Halvern's $15 billion bid for Trisca Foods") is one fact, so two figures for it
are a contradiction; a sum of another owner or of another thing is not. Every text here is
invented for this test and was written before the code was run on it.
"""

from __future__ import annotations

import pytest

from test_brief_helpers import brief_of_texts

PUB = "2030-06-15"


@pytest.fixture(scope="module")
def sums_of(analyze):
    def run(first: str, second: str) -> list[tuple[str, tuple[str, ...]]]:
        brief, _ = brief_of_texts(analyze, first, second,
                                  outlets=("North Star", "South Wire"), published=PUB)
        return [(c.slot, tuple(v.value for v in c.variants)) for c in brief.conflicting
                if c.kind == "conflict" and c.slot.startswith("amount:")]

    return run


@pytest.mark.parametrize(("first", "second"), [
    pytest.param(
        "The merger also hinges on Halvern's pending $12 billion purchase of Trisca Foods.",
        "Marlow said its offer stands whether Halvern's $15 billion bid for Dutch rival "
        "Trisca Foods is completed or not.", id="purchase-bid"),
    pytest.param(
        "Investors cheered Ostrava Mining's $4 billion takeover of Pell Copper on Tuesday.",
        "Ostrava Mining's $7 billion acquisition of Pell Copper was cleared by regulators on "
        "Tuesday.", id="takeover-acquisition"),
    pytest.param(
        "Halvern's $12 billion purchase of Trisca Foods closed in May.",
        "After a long review, Halvern's $15 billion purchase of Trisca Foods closed in May.",
        id="same-noun"),
    pytest.param(  # typeset apostrophes: "Halvern’s" once parsed as "Halvern is"
        "The merger also hinges on Halvern’s pending $12 billion purchase of Trisca Foods.",
        "Marlow said its offer stood whether Halvern’s $15 billion bid for Dutch rival "
        "Trisca Foods was completed or is terminated.", id="curly-apostrophes"),
    # One sum between the same named parties, told by two outlets with other nouns or verbs for
    # it ("a four-year deal" / "a four-year contract"; "sold ... for" / "fetched"), and sharing
    # more of what they say. Invented, written before the rule was run on them.
    pytest.param(
        "The Harbor Gulls signed goalkeeper Tova Rinn to a four-year deal worth nearly "
        "$36 million.",
        "The Harbor Gulls signed free-agent goalkeeper Tova Rinn to a four-year, $48 million "
        "contract.", id="deal-contract"),
    pytest.param(
        "Velkor Systems made a $58 billion bid on Monday to buy Trisca Foods.",
        "Velkor Systems is improving its bid to buy Trisca Foods for more than "
        "$64 billion.", id="bid-buy"),
    pytest.param(
        "The Lisle Gallery sold Mara Voss's painting Blue Quay for $2.4 million at auction.",
        "Mara Voss's painting Blue Quay fetched $3.1 million at auction for the Lisle Gallery.",
        id="sold-fetched"),
])
def test_one_owners_sum_for_one_thing_in_other_words_conflicts(sums_of, first, second):
    found = sums_of(first, second)
    assert len(found) == 1, found


@pytest.mark.parametrize(("first", "second"), [
    pytest.param(
        "Halvern's $12 billion purchase of Trisca Foods closed in May.",
        "Halvern paid $3 billion for a stake in Orvel Mills, filings show.", id="other-thing"),
    pytest.param(
        "Halvern's $12 billion purchase of Trisca Foods closed in May.",
        "Halvern's $2 billion sale of its bakery unit to Trisca Foods was agreed in May.",
        id="same-owner-other-deal"),
    pytest.param(
        "The Nationals' $160 million offer to Teo Marsh was the highest, his agent said.",
        "The Orioles' $140 million offer to Teo Marsh came second, his agent said.",
        id="rival-offers"),
    pytest.param(
        "Halvern's $12 billion purchase of Trisca Foods closed in May.",
        "Halvern's purchase of Trisca Foods for 12 billion dollars closed in May.",
        id="rewording"),
    # ... and sums of the same named parties that are two sums
    pytest.param(
        "The Rovers offered Tova Rinn a four-year deal worth $40 million.",
        "The Kestrels offered Tova Rinn a four-year deal worth $52 million.",
        id="rival-bidders"),
    pytest.param(
        "The Orsa Saga has brought in over $363 million in North America.",
        "The Orsa Saga has earned $690 million worldwide since its release.",
        id="two-totals-nothing-shared"),
    pytest.param(
        "Velkor Systems paid Trisca Foods $40 million for the Orrin plant.",
        "Velkor Systems owes Trisca Foods $12 million in unpaid fees.",
        id="two-payments"),
    pytest.param(
        "Velkor Systems made an initial $42 billion bid to buy Trisca Foods in "
        "November.",
        "Velkor Systems raised its bid to buy Trisca Foods to $58 billion on Monday.",
        id="earlier-bid"),
    pytest.param(
        "The Harbor Gulls signed goalkeeper Tova Rinn to a four-year deal worth $48 million.",
        "The Harbor Gulls signed free-agent goalkeeper Tova Rinn to a four-year contract "
        "worth 48 million dollars.", id="rewording-of-the-parties-sum"),
])
def test_sums_of_other_owners_or_things_do_not_conflict(sums_of, first, second):
    assert sums_of(first, second) == []

