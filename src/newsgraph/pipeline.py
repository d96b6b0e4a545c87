"""Ordered analysis stages with a build-time ``requires``/``assigns`` check.

A stage is a function ``fn(article, *, settings) -> None`` that reads the
article fields it ``requires`` and writes only those it ``assigns``; it does no
I/O and keeps no state between articles. Stages talk to each other only through
the ``Article``: what a later stage needs travels on it (``doc``, ``actor_index``
are working fields for that, never serialised). ``tests/test_stage_contracts.py``
runs every stage under a guard that fails when a stage writes a field it does not
assign.

A stage that raises marks the article: ``article.errors`` gets
``{"stage": name, "error": message}``, one warning line names the source, article
and stage, ``RunStats.stage_errors`` counts it, and later stages that require a
field the failed stage assigns are skipped for that article. With
``Settings(strict=True)`` the first stage error raises :class:`PipelineError` instead.
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


# fields every article has before the first stage (set by core.split_source and nlp.parse)
BASE_FIELDS = ("text", "source", "published", "title", "language", "paragraphs", "doc")


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
    """Run every stage on every article, in order.

    A stage error is recorded on the article (see the module docstring) and the run
    goes on; with ``settings.strict`` it raises :class:`PipelineError` (E302).
    """
    for article in articles:
        failed: set[str] = set()  # fields a failed stage assigns
        for st in stages:
            if article.doc is None and "doc" in st.requires:
                continue  # not parsed (not English): structure only
            if failed.intersection(st.requires):
                continue  # its input is missing: the failed stage is already recorded
            try:
                st(article, settings=settings)
            except Exception as err:  # noqa: BLE001 - one bad article never stops a batch
                _stage_failed(article, st, err, settings=settings, stats=stats)
                failed.update(st.assigns)
        article.doc = None
        article.actor_index = None
        yield article


def _stage_failed(article: Article, st: Stage, err: Exception, *, settings: Settings,
                  stats: "RunStats | None") -> None:
    """Record a stage error on the article, or raise it when the run is strict."""
    message = " ".join(f"{type(err).__name__}: {err}".split())  # one line
    if settings.strict:
        raise PipelineError.make("E302", stage=st.name, article=article.id,
                                 source=article.source.uri, error=message) from err
    article.errors.append({"stage": st.name, "error": message})
    log.warning("%s: stage %s failed on article %s: %s", article.source.uri, st.name,
                article.id, message)
    if stats is not None:
        stats.stage_errors += 1


@dataclass(slots=True)
class RunStats:
    sources: int = 0
    articles: int = 0
    skipped_sources: int = 0
    stage_errors: int = 0
    duplicates: int = 0
