"""The PolNeAR quote evaluation: matching rules (fast) and a small run (slow)."""

from __future__ import annotations

import pytest

from newsgraph.evaluation.quotes import (Item, Tally, evaluate_polnear, match, overlap_f1,
                                         predicted_items, token_starts)
from newsgraph.model import Quote, Span

from conftest import EVAL

GOLD = EVAL / "quotes-polnear-dev"


def test_overlap_f1_counts_shared_tokens() -> None:
    assert overlap_f1(frozenset({1, 2, 3, 4}), frozenset({3, 4})) == pytest.approx(2 * 2 / 6)
    assert overlap_f1(frozenset({1}), frozenset({2})) == 0.0


def test_match_needs_half_overlap_and_is_one_to_one() -> None:
    gold = [Item(frozenset(range(10)), [(0, 5)])]
    pred = [Item(frozenset(range(8)), speaker=(2, 4)), Item(frozenset(range(9)))]
    tally = Tally()
    match(gold, pred, tally, threshold=0.5)
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 0)


def test_match_does_not_count_quotes_inside_partly_quoted_gold() -> None:
    gold: list[Item] = []
    partial = [Item(frozenset(range(20)), partial=True)]
    tally = Tally()
    match(gold, [Item(frozenset({3, 4}))], tally, threshold=0.5, neutral=partial)
    assert (tally.tp, tally.fp, tally.fn) == (0, 0, 0)


def test_quotes_of_one_speaker_in_a_row_become_one_item() -> None:
    text = '"A b," she said. "C d."'
    speaker = Span(7, 10)
    quotes = [Quote("A b", 1, 4, None, "she", speaker, "said"),
              Quote("C d.", 18, 22, None, "she", speaker, "said")]
    [item] = predicted_items(quotes, token_starts(text), direct_only=True)
    assert len(item.tokens) == 4


@pytest.mark.slow
@pytest.mark.skipif(not (GOLD / "gold.jsonl").exists(), reason="gold set not present")
def test_evaluate_polnear_reports_scores_for_direct_and_all() -> None:
    scores = evaluate_polnear(GOLD, limit=3)
    assert scores["articles"] == 3
    for key in ("direct", "all"):
        assert 0.0 <= scores[key]["f1"] <= 1.0 and scores[key]["gold"] > 0
    assert scores["direct"]["recall"] > 0.5
