"""Facts about tools/fit_segment_weights.py (logistic regression) and the weights file the splitter reads."""

from __future__ import annotations

import numpy as np

from conftest import load_tool
from newsgraph.segment import articles
from newsgraph.segment.paragraphs import split_lines

fit = load_tool("fit_segment_weights")
Source, build_dumps, fit_logistic = fit.Source, fit.build_dumps, fit.fit_logistic

LEDE = (
    "The city council voted on Tuesday to expand the bus network, adding three routes that "
    "will connect the northern suburbs with the hospital district."
)
BODY = (
    "Council members said the plan would cost about four million dollars a year. Bus drivers "
    "welcomed the decision, and the first routes open in March."
)


def test_fit_logistic_recovers_known_weights() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(20_000, 2))
    true = np.array([-1.0, 2.0, -3.0])
    p = 1 / (1 + np.exp(-(true[0] + x @ true[1:])))
    y = (rng.random(len(p)) < p).astype(float)
    w = fit_logistic(x, y, np.zeros(len(y)), l2=0.01)
    assert np.allclose(w, true, atol=0.15)


def test_fit_logistic_keeps_prior_weight_of_a_cue_never_seen() -> None:
    rng = np.random.default_rng(1)
    x = np.hstack([rng.normal(size=(5_000, 1)), np.zeros((5_000, 1))])
    y = (x[:, 0] > 0).astype(float)
    w = fit_logistic(x, y, np.zeros(len(y)), l2=1.0, prior=np.array([0.0, 0.0, -4.0]))
    assert w[2] == -4.0 and w[1] > 2.0


def test_weights_file_has_a_weight_for_every_cue() -> None:
    lines = split_lines("\n".join(["Bus Network Grows", LEDE, "2. More routes", BODY, LEDE]))
    body = [i for i, ln in enumerate(lines) if ln.kind == "text"]
    rows, _ = articles._gap_features(lines, body, articles.SegmentSettings())
    cues = {name for row in rows for name in row}
    assert cues <= articles._WEIGHTS.keys()


def test_numbered_heading_scores_below_the_same_heading_unnumbered() -> None:
    def score_of(heading: str) -> float:
        lines = split_lines("\n".join([LEDE, BODY, heading, BODY, LEDE]))
        body = [i for i, ln in enumerate(lines) if ln.kind == "text"]
        scores, _ = articles._gap_scores(lines, body, articles.SegmentSettings())
        return scores[2]

    assert score_of("3. Stay Hydrated") < score_of("Stay Hydrated")


def test_build_dumps_put_each_title_at_its_article_start() -> None:
    sources = [Source(title=f"Story {n} Headline", paragraphs=[f"Lede {n}.", f"Body {n}."]) for n in range(8)]
    for dump in build_dumps(sources, n_dumps=30, seed=2):
        openings = [dump.text[s:].split("\n", 1)[0] for s in dump.starts]
        assert all(o.startswith(("Story", "Lede")) for o in openings)
        assert all(dump.text[s - 1] == "\n" for s in dump.starts[1:])
