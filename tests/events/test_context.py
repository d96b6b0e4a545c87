"""Who reports an event comes from the quotes stage's results, not a second derivation (slow)."""

from __future__ import annotations

import pytest

from conftest import DEMO
from newsgraph import analyze_many
from newsgraph.evaluation.events import analyze_text
from newsgraph.events.extract import VERBAL
from newsgraph.model import Article, Quote

pytestmark = pytest.mark.slow


def _direct_quote(article: Article, pos: int) -> Quote | None:
    holding = [q for q in article.quotes if q.direct and q.start <= pos < q.end]
    return min(holding, key=lambda q: q.end - q.start, default=None)


def test_events_name_the_speakers_the_quotes_stage_found_on_the_demo_corpus() -> None:
    quoted = attributed = 0
    for article in analyze_many([DEMO]):
        speakers = {q.speaker or q.speaker_text for q in article.quotes} | \
            {a.actor or a.source for a in article.attributions}
        for event in article.events:
            if event.attributed_to is not None:
                attributed += 1
                assert event.attributed_to in speakers
                # asserted only when the saying is the act, by the speaker's own side
                # ("Nauert says the United States urges Kyiv ...": GUIDE, PLOVER verbal acts)
                assert event.modality != "asserted" or event.category in VERBAL
            quote = _direct_quote(article, event.trigger.start)
            if quote is not None:  # said in quotation marks: by its speaker
                quoted += 1
                assert event.attributed_to == (quote.speaker or quote.speaker_text)
    assert quoted >= 2 and attributed >= 5


@pytest.mark.parametrize(("text", "who"), [
    ("Iranian state media reported that Saudi Arabia reopened its embassy in Tehran.", "IRN-MED"),
    ("According to the Washington Post, Russia attacked Kyiv on Monday.", None),
])
def test_events_take_the_speaker_or_attribution_the_quotes_stage_found(text: str,
                                                                       who: str | None) -> None:
    article = analyze_text(text)
    [event] = [e for e in article.events if e.category in ("COOPERATE", "ASSAULT")]
    speakers = {q.speaker or q.speaker_text for q in article.quotes} | \
        {a.actor or a.source for a in article.attributions}
    assert event.modality == "reported" and event.attributed_to in speakers
    if who is not None:
        assert event.attributed_to == who
