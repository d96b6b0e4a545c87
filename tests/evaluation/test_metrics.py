"""Precision, recall and F1 are defined once."""

from __future__ import annotations

import pytest

from newsgraph.evaluation.metrics import Counts, f1, prf, prf_from_totals


def test_prf_from_counts() -> None:
    assert prf(3, 1, 2) == pytest.approx({"precision": 0.75, "recall": 0.6, "f1": 2 / 3})


def test_prf_rounds_after_computing_f1_from_unrounded_values() -> None:
    assert prf(1, 2, 0, ndigits=4) == {"precision": 0.3333, "recall": 1.0, "f1": 0.5}


def test_prf_of_nothing_is_zero() -> None:
    assert prf(0, 0, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert f1(0.0, 0.0) == 0.0


def test_prf_from_totals_matches_prf_from_counts() -> None:
    assert prf_from_totals(3, 4, 5) == prf(3, 1, 2)


def test_prf_takes_weighted_counts() -> None:
    assert prf(0.5, 0.25, 0.25)["f1"] == pytest.approx(2 / 3)


def test_counts_add_matches_and_score() -> None:
    counts = Counts()
    counts.add(hits=2, predicted=3, gold=4)
    counts.add(hits=1, predicted=1, gold=1)
    assert (counts.tp, counts.fp, counts.fn) == (3, 1, 2)
    assert counts.scores() == prf(3, 1, 2)
