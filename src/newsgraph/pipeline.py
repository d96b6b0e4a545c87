"""Ordered analysis stages with a build-time ``requires``/``assigns`` check.

A stage is a function ``fn(article, *, settings) -> None`` that reads the
article fields it ``requires`` and fills those it ``assigns``; it does no I/O.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .errors import PipelineError
from .model import Article
from .settings import Settings

log = logging.getLogger(__name__)

StageFn = Callable[..., None]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    fn: StageFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article, *, settings: Settings) -> None:
        self.fn(article, settings=settings)


def stage(*, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = (),
          name: str | None = None) -> Callable[[StageFn], Stage]:
    """Declare a function as a pipeline stage."""

    def wrap(fn: StageFn) -> Stage:
        return Stage(name or fn.__name__, fn, tuple(requires), tuple(assigns))

    return wrap


BASE_FIELDS = ("text", "source", "published", "title", "paragraphs", "doc")


def check_order(stages: Iterable[Stage]) -> None:
    """Raise :class:`PipelineError` when a stage needs a field no earlier stage assigns."""
    available = set(BASE_FIELDS)
    for st in stages:
        missing = [r for r in st.requires if r not in available]
        if missing:
            raise PipelineError.make("E301", stage=st.name, missing=", ".join(missing))
        available.update(st.assigns)


def run_stages(articles: Iterable[Article], stages: list[Stage], *,
               settings: Settings, stats: "RunStats | None" = None) -> Iterator[Article]:
    """Run every stage on every article; a stage failing on one article is logged and skipped."""
    for article in articles:
        for st in stages:
            if article.doc is None and "doc" in st.requires:
                continue  # not parsed (not English): structure only
            try:
                st(article, settings=settings)
            except Exception as err:  # noqa: BLE001 - one bad article never stops a batch
                log.warning("stage %s failed on article %s (%s): %s", st.name, article.id,
                            article.source.uri, err)
                if stats is not None:
                    stats.stage_errors += 1
        article.doc = None
        yield article


@dataclass(slots=True)
class RunStats:
    sources: int = 0
    articles: int = 0
    skipped_sources: int = 0
    stage_errors: int = 0
    duplicates: int = 0
