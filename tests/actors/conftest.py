from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.model import Article, Source
from newsgraph.settings import Settings

MakeArticle = Callable[..., Article]


def _build(text: str, *, settings: Settings | None = None, model: bool = True) -> Article:
    """An article over ``text`` with doc and entities, actors resolved."""
    from newsgraph.actors import resolve_actors
    from newsgraph.nlp import find_entities, parse

    settings = settings or Settings()
    prefix = "HEADER\n"  # a non-zero article start checks offset conversion
    source = Source(uri="t", format="text", text=prefix + text)
    article = Article(id="t", source=source, start=len(prefix), end=len(prefix) + len(text))
    if model:
        [article] = list(parse([article], settings=settings))
    else:
        import spacy

        article.doc = spacy.blank("en")(text)
    find_entities(article, settings=settings)
    resolve_actors(article, settings=settings)
    return article


@pytest.fixture
def make_article() -> MakeArticle:
    return _build


def span_of(article: Article, phrase: str, nth: int = 0) -> tuple[int, int]:
    """Source offsets of the nth occurrence of ``phrase`` in the article text."""
    i = -1
    for _ in range(nth + 1):
        i = article.text.index(phrase, i + 1)
    return article.span(i, i + len(phrase))
