"""Facts about the segmentation scores (on built dumps and, when present, the gold sets)."""

from __future__ import annotations

import pytest

from newsgraph.evaluation.segment import (
    Dump,
    build_notitle_dumps,
    evaluate_aeb_notitle,
    evaluate_concat,
    evaluate_dumps,
    evaluate_notitle,
    evaluate_polnear_notitle,
)

from conftest import EVAL


def test_evaluation_does_not_count_first_start() -> None:
    scores = evaluate_dumps([Dump(id="one", text="A line. It ends here.", starts=[0])])
    assert scores["first_start_counted"] is False
    assert scores["precision"] == 0.0 and scores["recall"] == 0.0


def test_build_notitle_dumps_starts_cut_article_openings() -> None:
    articles = [[f"Article {n} opens here.", f"Article {n} goes on."] for n in range(6)]
    for dump in build_notitle_dumps(articles, n_dumps=5, seed=3, sentence_share=0.0):
        assert "\n\n" not in dump.text
        assert all(dump.text[s:].startswith("Article ") for s in dump.starts)
        assert all(dump.text[s:].split(" ")[2] == "opens" for s in dump.starts)


@pytest.mark.skipif(not (EVAL / "segment-concat-dev").exists(), reason="gold set not found")
def test_evaluation_concat_dev_meets_floor() -> None:
    assert evaluate_concat(EVAL / "segment-concat-dev")["f1"] >= 0.95


@pytest.mark.skipif(not (EVAL / "segment-notitle-dev").exists(), reason="gold set not found")
def test_evaluation_notitle_dev_meets_floor() -> None:
    scores = evaluate_notitle(EVAL / "segment-notitle-dev")
    assert scores["f1"] >= 0.80
    assert scores["f1_within_one_line"] >= scores["f1"]


@pytest.mark.skipif(not (EVAL / "quotes-polnear-dev").exists(), reason="gold set not found")
def test_evaluation_polnear_held_out_dumps_meet_floor() -> None:
    assert evaluate_polnear_notitle(EVAL / "quotes-polnear-dev")["f1"] >= 0.53


@pytest.mark.skipif(not (EVAL / "html-aeb-dev").exists(), reason="gold set not found")
def test_evaluation_aeb_held_out_dumps_meet_floor() -> None:
    assert evaluate_aeb_notitle(EVAL / "html-aeb-dev")["f1"] >= 0.50
