"""The TE3-style timex scorer on small fictional gold, and crosswire on the real dev split."""

from __future__ import annotations

import json

import pytest

from conftest import shared_path
from crosswire.errors import InputError
from crosswire.evaluate.timex import (
    evaluate_timex_file,
    match_relaxed,
    normalize_value,
    score_timex,
)

TEXT = "The dock closed on Mar. 6 and reopened two weeks later, on Mar. 20."
GOLD = {
    "id": "g1",
    "dct": "2015-03-25",
    "text": TEXT,
    "timexes": [
        {"start": 19, "end": 25, "text": "Mar. 6", "type": "DATE", "value": "2015-03-06"},
        {"start": 39, "end": 54, "text": "two weeks later", "type": "DATE", "value": "2015-03-20"},
        {"start": 59, "end": 66, "text": "Mar. 20", "type": "DATE", "value": "2015-03-20"},
    ],
}


def pred(start, end, value, kind="DATE"):
    return {"start": start, "end": end, "type": kind, "value": value}


@pytest.mark.parametrize(
    ("predicted", "strict_f1", "relaxed_f1", "value_acc"),
    [
        (
            [pred(19, 25, "2015-03-06"), pred(39, 54, "2015-03-20"), pred(59, 66, "2015-03-20")],
            1.0,
            1.0,
            1.0,
        ),
        ([pred(16, 25, "2015-03-06"), pred(39, 48, "P2W", "DURATION")], 0.0, 0.8, 0.5),
        ([pred(0, 3, "2015"), pred(59, 66, "2015-03-20")], 0.4, 0.4, 1.0),
        ([], 0.0, 0.0, 0.0),
    ],
)
def test_score_timex_extent_and_value(predicted, strict_f1, relaxed_f1, value_acc):
    scores = score_timex([GOLD], lambda doc: predicted)
    assert scores["strict"]["f1"] == pytest.approx(strict_f1, abs=1e-3)
    assert scores["relaxed"]["f1"] == pytest.approx(relaxed_f1, abs=1e-3)
    assert scores["value_accuracy"] == pytest.approx(value_acc, abs=1e-3)
    assert scores["value_f1"] == pytest.approx(relaxed_f1 * value_acc, abs=1e-3)


def test_score_timex_type_accuracy_and_errors():
    errors: list[dict] = []
    predicted = [pred(19, 25, "2015-03-06", "TIME"), pred(30, 38, "PAST_REF")]
    scores = score_timex([GOLD], lambda doc: predicted, errors)
    assert scores["type_accuracy"] == 0.0
    assert {e["kind"] for e in errors} == {"miss", "false"}


def test_match_relaxed_is_one_to_one():
    gold = [{"start": 0, "end": 10}, {"start": 12, "end": 20}]
    pairs = match_relaxed(gold, [{"start": 0, "end": 20}])
    assert len(pairs) == 1


@pytest.mark.parametrize(
    ("value", "normal"),
    [
        ("2000-W07", "2000-W7"),
        ("2000-W12", "2000-W12"),
        ("2000-W07-WE", "2000-W7-WE"),
        (None, None),
    ],
)
def test_normalize_value_week_padding(value, normal):
    assert normalize_value(value) == normal


def test_evaluate_timex_file_runs_crosswire(nlp, tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    scores = evaluate_timex_file(path, nlp)
    assert scores["system"] == "crosswire" and scores["docs"] == 1
    assert scores["relaxed"]["f1"] == 1.0
    assert scores["value_accuracy"] == 1.0
    assert scores["docs_per_s"] > 0


def test_evaluate_timex_file_says_what_is_wrong(nlp, tmp_path):
    with pytest.raises(InputError, match="No timex gold file"):
        evaluate_timex_file(tmp_path / "missing.jsonl", nlp)
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="Unknown timex system"):
        evaluate_timex_file(path, nlp, system="heideltime")


def test_evaluate_timex_dev_sample(nlp):
    """Real TE3 AQUAINT dev docs (the first 15): the tagger stays well above a floor."""
    path = shared_path("timex", "dev.jsonl")
    scores = evaluate_timex_file(path, nlp, limit=15)
    assert scores["docs"] == 15
    assert scores["relaxed"]["f1"] >= 0.85
    assert scores["value_f1"] >= 0.65


def test_evaluate_timex_dateparser_peer(tmp_path):
    pytest.importorskip("dateparser")
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    scores = evaluate_timex_file(path, None, system="dateparser")
    assert scores["system"] == "dateparser"
    assert 0.0 <= scores["relaxed"]["f1"] <= 1.0
