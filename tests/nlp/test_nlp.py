"""spaCy loading and sentence boundaries at line breaks."""

import pytest

from newsgraph.model import Article, Source
from newsgraph.nlp import find_entities, load_model, parse
from newsgraph.settings import Settings

pytestmark = pytest.mark.slow


def test_caption_without_period_does_not_fuse_with_next_line():
    nlp = load_model()
    doc = nlp("Officials meet in Beijing, March 10, 2023\nSaudi Arabia broke ties with Iran in 2016.")
    assert [s.text.strip() for s in doc.sents] == [
        "Officials meet in Beijing, March 10, 2023", "Saudi Arabia broke ties with Iran in 2016."]


def test_model_loads_once_per_process():
    assert load_model() is load_model()


def test_entities_carry_source_offsets():
    text = "HEADER\nTehran said Russia attacked Kyiv."
    article = Article(id="t", source=Source(uri="t", format="text", text=text), start=7, end=len(text))
    [article] = list(parse([article], settings=Settings()))
    find_entities(article, settings=Settings())
    assert all(text[e.start:e.end] == e.text for e in article.entities)
    assert "Tehran" in [e.text for e in article.entities]
