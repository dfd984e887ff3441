"""Clustering metrics on small cases computed by hand, and the evaluation on real data."""

from __future__ import annotations

import pytest

from conftest import shared_path
from crosswire.evaluate.clustering import (
    ari,
    b_cubed,
    evaluate_clustering_file,
    pairwise,
    score_clustering,
)

GOLD = ["a", "a", "a", "b", "b"]
PRED = [1, 1, 2, 2, 2]


def test_evaluate_clustering_b_cubed_by_hand():
    # items: a1,a2 in {a1,a2} -> P 1, R 2/3; a3 in {a3,b1,b2} -> P 1/3, R 1/3;
    # b1,b2 in {a3,b1,b2} -> P 2/3, R 1
    scores = b_cubed(GOLD, PRED)
    assert scores["p"] == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert scores["r"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    p, r = scores["p"], scores["r"]
    assert scores["f1"] == pytest.approx(2 * p * r / (p + r))


def test_evaluate_clustering_pairwise_by_hand():
    # predicted pairs: (a1,a2), (a3,b1), (a3,b2), (b1,b2) -> 4; true among them: 2
    # gold pairs: 3 (a) + 1 (b) = 4
    scores = pairwise(GOLD, PRED)
    assert scores["p"] == pytest.approx(2 / 4)
    assert scores["r"] == pytest.approx(2 / 4)
    assert scores["f1"] == pytest.approx(0.5)


def test_evaluate_clustering_ari_by_hand():
    # contingency [[2,1],[0,2]]: sum C(n_ij,2)=2, rows C(3,2)+C(2,2)=4, cols 1+3=4, C(5,2)=10
    expected = (2 - 4 * 4 / 10) / (0.5 * (4 + 4) - 4 * 4 / 10)
    assert ari(GOLD, PRED) == pytest.approx(expected)
    assert ari(GOLD, ["x", "x", "x", "y", "y"]) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("pred", "b3", "pw"),
    [
        (["x"] * 5, (2 * 0.52 * 1 / 1.52), 0.4 * 2 / 1.4),  # one cluster: P=(3*3/5+2*2/5)/5
        ([1, 2, 3, 4, 5], 2 * 1 * 0.4 / 1.4, 0.0),  # singletons: B3 R=(3/3+2/2)/5
    ],
)
def test_evaluate_clustering_degenerate_clusterings(pred, b3, pw):
    scores = score_clustering(GOLD, pred)
    assert scores["b3"]["f1"] == pytest.approx(b3)
    assert scores["pairwise"]["f1"] == pytest.approx(pw)


def test_evaluate_clustering_length_mismatch_says_what_to_do():
    with pytest.raises(ValueError, match="one label per item"):
        b_cubed(["a"], [1, 2])


@pytest.mark.slow
def test_evaluate_clustering_ecbplus_dev_sample(nlp):
    path = shared_path("ecbplus", "dev.jsonl")
    result = evaluate_clustering_file(path, gold_field="subtopic", level="story", nlp=nlp,
                                      limit=60)
    assert result["n"] == 60
    assert result["b3"]["f1"] >= 0.75  # floor: measured 0.77 on this sample (full dev: see bench)
