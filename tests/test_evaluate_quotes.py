"""Quote scoring: greedy one-to-one overlap, exact spans, kind groups, speaker accuracy."""

from __future__ import annotations

import pytest

from conftest import shared_path
from crosswire.evaluate.quotes import (
    adapt_to_gold,
    evaluate_quotes_file,
    score_quotes,
    speaker_right,
)
from crosswire.records import Quote

TEXT = '"We sail at dawn," said Omar Diaz. He said the crew was ready. Ships rest.'
#       0123456789012345678901234567890123456789012345678901234567890


def _gold(start, end, kind, speaker=None, s_start=None, s_end=None):
    return {
        "start": start,
        "end": end,
        "text": TEXT[start:end],
        "kind": kind,
        "speaker": speaker,
        "speaker_start": s_start,
        "speaker_end": s_end,
        "speaker_fragments": [[s_start, s_end]] if s_start is not None else [],
    }


GOLD = {
    "id": "g1",
    "text": TEXT,
    "quotes": [
        _gold(0, 18, "direct", "Omar Diaz", 24, 33),
        _gold(43, 62, "indirect", "He", 35, 37),
    ],
}


def test_score_quotes_perfect():
    def predict(doc):
        return [
            Quote(
                TEXT[1:16],
                1,
                16,
                "Omar Diaz",
                "direct",
                speaker_text="Omar Diaz",
                speaker_start=24,
                speaker_end=33,
            ),
            Quote(
                TEXT[43:62],
                43,
                62,
                "Omar Diaz",
                "indirect",
                speaker_text="He",
                speaker_start=35,
                speaker_end=37,
            ),
        ]

    r = score_quotes([GOLD], predict)
    for group in ("direct+mixed", "indirect", "all"):
        assert r[group]["overlap"]["f1"] == 1.0
        assert r[group]["exact"]["f1"] == 1.0
        assert r[group]["speaker_accuracy"] == 1.0


def test_score_quotes_one_to_one_and_wrong_speaker():
    def predict(doc):
        return [
            Quote(TEXT[1:8], 1, 8, "Ships", "direct"),  # overlaps gold, wrong speaker
            Quote(TEXT[9:16], 9, 16, None, "direct"),  # same gold: an extra prediction
            Quote(TEXT[63:74], 63, 74, None, "indirect"),  # no gold there
        ]

    r = score_quotes([GOLD], predict)
    dm = r["direct+mixed"]
    assert dm["overlap"] == {"p": 0.5, "r": 1.0, "f1": 0.6667}
    assert dm["exact"]["f1"] == 0.0
    assert dm["speaker_accuracy"] == 0.0
    assert r["indirect"]["overlap"]["f1"] == 0.0


@pytest.mark.parametrize(
    ("speaker", "s_start", "s_end", "right"),
    [
        ("Omar Diaz", None, None, True),  # the name contains the gold words
        ("Donald Trump", 35, 37, True),  # our mention overlaps the gold mention
        ("Ida Diaz", None, None, False),
        (None, None, None, False),
    ],
)
def test_speaker_right(speaker, s_start, s_end, right):
    gold = _gold(43, 62, "indirect", "Omar Diaz", 35, 37) | {"speaker": "Omar Diaz"}
    gold["speaker_start"], gold["speaker_end"] = 200, 209
    gold["speaker_fragments"] = [[200, 209]] if s_start is None else [[35, 37]]
    q = Quote("x", 43, 62, speaker, "indirect", speaker_start=s_start, speaker_end=s_end)
    assert speaker_right(gold, q) is right


def test_adapt_to_gold_merges_split_quote_and_adds_marks():
    text = '"One," said Ana Ruiz. "Two."'
    quotes = [Quote("One,", 1, 5, "Ana Ruiz", "direct"), Quote("Two.", 23, 27, "Ana Ruiz")]
    merged = adapt_to_gold(text, quotes)
    assert [(q.start, q.end) for q in merged] == [(0, 28)]
    assert merged[0].text == text


@pytest.mark.parametrize("limit", [2])
def test_evaluate_quotes_file_on_dev(nlp, limit):
    r = evaluate_quotes_file(shared_path("quotes", "dev.jsonl"), nlp, limit=limit)
    assert r["docs"] == limit
    assert r["direct+mixed"]["gold"] >= 0 and 0.0 <= r["all"]["overlap"]["f1"] <= 1.0
