"""Words that look like triggers but name no event."""

import pytest

import newsgraph

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "In March, Iran and Saudi Arabia agreed in a China-brokered deal to end the rift.",
    "The United States has been engaged in an effort to normalize ties between Saudi Arabia and Israel.",
    "The two neighbours seek to overcome past hostility and regional tensions.",
])
def test_no_false_event(text):
    [article] = newsgraph.analyze(text, published="2023-08-17")
    triggers = [text[e.trigger.start:e.trigger.end].lower() for e in article.events]
    assert not any(w in t for t in triggers for w in ("march", "engaged", "hostility")), triggers
