"""No stage is worse than linear in its input (issue 9).

Wall-clock time on a shared machine is noise, so this counts work instead: the Python
trace events (calls and executed lines, loop iterations included) one stage makes on an
article, and on the same article four times as long. A linear stage makes about four
times the events (a binary search adds a little); a stage that compares every mention
with every other one makes about sixteen times. The text repeats a paragraph dense in
what the stages look for: people with titles, countries, capitals, quotes, attributions,
dates and events.
"""

from __future__ import annotations

import sys

import pytest

from newsgraph import core
from newsgraph.model import Article, Source
from newsgraph.nlp import parse
from newsgraph.settings import Settings

PARAGRAPH = (
    "The Chilean foreign minister, Ana Torres, met her Peruvian counterpart Luis Vega in Lima "
    "on Monday, officials said. \"We will not accept new tariffs,\" she told reporters, "
    "according to the newspaper El Sur. Vega said Washington had imposed sanctions on "
    "Venezuela last week and accused Caracas of jailing opposition leaders. Protesters "
    "gathered in Santiago and Quito as the United Nations called for calm.\n")
# pronouns, bare titles, surnames and family-name-first short forms: what resolve_mention
# looks back for (the latest earlier mention of a kind, the last person with a title word)
PRONOUNS = (
    "Kang Min-seok, the Korean trade minister, met Ana Torres on Monday. The minister said "
    "he would visit Chile. Kang told her that they had agreed. The army said it had fired "
    "at them. Torres said she would respond, and the police in Busan arrested him. They "
    "denied it.\n")
SMALL, FACTOR = 12, 4
# a linear stage stays near FACTOR; quadratic work shows as FACTOR ** 2
LIMIT = FACTOR * 1.35


def _prepared(repeats: int, paragraph: str = PARAGRAPH) -> tuple[Article, Settings]:
    settings = Settings()
    source = Source(uri="test:linear", format="html", title="Ministers meet in Lima",
                    text=paragraph * repeats, published="2026-03-02")
    (article,) = list(core.split_source(source))  # not a dump: one article
    core._check_language(article)
    list(parse([article], settings=settings))
    return article, settings


def _trace_events(fn) -> int:
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        count += 1
        return tracer

    sys.settrace(tracer)
    try:
        fn()
    finally:
        sys.settrace(None)
    return count


def _work(stage_name: str, repeats: int, paragraph: str = PARAGRAPH) -> int:
    article, settings = _prepared(repeats, paragraph)
    for st in core.default_stages():
        if st.name == stage_name:
            return _trace_events(lambda: st(article, settings=settings))
        st(article, settings=settings)
    raise AssertionError(f"no stage {stage_name}")


STAGES = [st.name for st in core.default_stages()]


@pytest.mark.parametrize("stage_name", STAGES)
def test_stage_work_grows_linearly(stage_name):
    _work(stage_name, 1)  # lexicons and gazetteers load on first use: not the article's work
    small, large = _work(stage_name, SMALL), _work(stage_name, SMALL * FACTOR)
    assert small > 0
    ratio = large / small
    assert ratio <= LIMIT, (f"{stage_name}: {FACTOR}x the text made {ratio:.1f}x the work "
                            f"({small:,} -> {large:,} trace events): worse than linear")


@pytest.mark.parametrize("stage_name", ["resolve_actors", "extract_quotes", "extract_events"])
def test_pronouns_and_bare_titles_resolve_in_linear_work(stage_name):
    """resolve_mention looks back for antecedents by binary search, not by a scan of every
    earlier mention (``actors/index.py``)."""
    _work(stage_name, 1, PRONOUNS)
    small = _work(stage_name, SMALL, PRONOUNS)
    large = _work(stage_name, SMALL * FACTOR, PRONOUNS)
    assert large / small <= LIMIT, f"{stage_name}: {large / small:.1f}x the work for {FACTOR}x"


def test_the_measure_sees_quadratic_work():
    """A stage that compares each entity with every other shows up (the test can fail)."""
    def pairwise(article: Article) -> int:
        return sum(1 for a in article.entities for b in article.entities if a.start < b.start)

    def work(repeats: int) -> int:
        article, settings = _prepared(repeats)
        for st in core.default_stages()[:1]:
            st(article, settings=settings)
        return _trace_events(lambda: pairwise(article))

    work(1)
    assert work(SMALL * FACTOR) / work(SMALL) > LIMIT
