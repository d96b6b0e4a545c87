"""The GeoWebNews scorer: metric helpers, and a small real run when the gold set is present."""

from __future__ import annotations

import math

import pytest

from newsgraph.evaluation.places import (GOLD_SET, GoldToponym, Predicted, _match, error_auc,
                                         evaluate_geowebnews, haversine_km, recall_by_type)

from conftest import EVAL

GOLD = EVAL / GOLD_SET


def test_haversine_paris_to_london_is_about_344_km() -> None:
    assert 340 < haversine_km(48.8566, 2.3522, 51.5074, -0.1278) < 348


def test_auc_is_zero_for_perfect_and_one_for_worst() -> None:
    assert error_auc([0.0, 0.0, 0.0]) == 0.0
    assert math.isclose(error_auc([20039.0 - 1, 20039.0 - 1]) or 0.0, 1.0, rel_tol=1e-9)
    assert error_auc([]) is None


def test_match_is_one_to_one_and_exact_needs_same_offsets() -> None:
    gold = [GoldToponym(0, 5, "Literal", None, None), GoldToponym(10, 15, "Literal", None, None)]
    pred = [Predicted(0, 5, None, None), Predicted(1, 4, None, None), Predicted(11, 15, None, None)]
    assert len(_match(pred, gold, exact=True)) == 1
    assert len(_match(pred, gold, exact=False)) == 2


@pytest.mark.slow
@pytest.mark.skipif(not (GOLD / "gold.jsonl").exists(), reason="GeoWebNews gold not present")
def test_geowebnews_run_gives_scores_in_range() -> None:
    scores = evaluate_geowebnews(GOLD, limit=5)
    assert scores["articles"] == 5
    assert 0.0 < scores["place_overlap"]["precision"] <= 1.0
    assert scores["geocoding_place"]["n"] > 0
    assert 0.0 <= scores["geocoding_place"]["auc"] <= 1.0


def test_recall_by_type_counts_overlapped_gold_spans_per_type() -> None:
    gold = [GoldToponym(0, 5, "Literal", None, None), GoldToponym(10, 15, "Literal", None, None),
            GoldToponym(20, 25, "Metonymic", None, None)]
    scores = recall_by_type([[Predicted(1, 3, None, None)]], [gold])
    assert scores["Literal"] == {"gold": 2, "found": 1, "recall": 0.5}
    assert scores["Metonymic"]["recall"] == 0.0
