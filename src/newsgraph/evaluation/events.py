"""Event evaluation: PETRARCH2 unit-test triples and CASE 2021 event types.

Run: ``python -m newsgraph.evaluation.events [../shared/eval]``.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from ..model import Article, Source
from ..settings import Settings

log = logging.getLogger(__name__)

DEFAULT_EVAL = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval"

_STAGES = (("nlp", "find_entities"), ("actors", "resolve_actors"), ("places", "geocode"),
           ("dates", "resolve_dates"), ("quotes", "extract_quotes"), ("events", "extract_events"))


def _stages() -> list:
    """The pipeline's stages; while a stage's package has not landed, run without it."""
    out = []
    for module, name in _STAGES:
        try:
            out.append(getattr(importlib.import_module(f"newsgraph.{module}"), name))
        except (ImportError, AttributeError):
            log.warning("stage %s.%s not available; skipped", module, name)
    return out


def analyze_texts(texts: list[str], *, settings: Settings | None = None) -> list[Article]:
    """Analyze each text as one article (no segmentation), all stages, in one nlp.pipe batch."""
    from ..nlp import parse

    settings = settings or Settings()
    stages = _stages()
    articles = [Article(id=str(i), source=Source(uri=f"eval#{i}", format="text", text=t),
                        start=0, end=len(t), published=settings.default_date)
                for i, t in enumerate(texts)]
    out = []
    for article in parse(articles, settings=settings):
        for st in stages:
            st(article, settings=settings)
        out.append(article)
    return out


def analyze_text(text: str, *, settings: Settings | None = None) -> Article:
    return analyze_texts([text], settings=settings)[0]
