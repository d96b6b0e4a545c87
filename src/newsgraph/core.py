"""The analysis path: sources -> articles -> stages.  CLI, API and Dask all call this."""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import ingest
from .dedup import Deduplicator
from .dedup.happenings import HappeningLinker
from .dedup.stories import StoryGrouper
from .errors import InputError
from .language import guess_language
from .model import Article, Paragraph, Source
from .pipeline import RunStats, Stage, check_order, run_stages
from .settings import Settings

log = logging.getLogger(__name__)


def default_stages() -> list[Stage]:
    """The analysis stages in order; checked for requires/assigns at build time."""
    from .actors import resolve_actors
    from .dates import resolve_dates
    from .events import extract_events
    from .nlp import find_entities
    from .places import geocode
    from .quotes import extract_quotes

    stages = [find_entities, resolve_actors, geocode, resolve_dates, extract_quotes, extract_events]
    check_order(stages)
    return stages


def article_id(source: Source, start: int, end: int, title: str | None) -> str:
    """Stable id from content alone: the same article text gets the same id anywhere.

    The text is normalised first (Unicode NFC, every run of whitespace as one space), so
    the same article saved with CRLF line ends, re-wrapped or in decomposed Unicode (NFD)
    gets the same id, and a store skips it as already stored.
    """
    digest = hashlib.sha256()
    digest.update(_normalised(title or "").encode("utf-8", "surrogatepass"))
    digest.update(b"\x00")
    digest.update(_normalised(source.text[start:end]).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def _normalised(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def split_source(source: Source) -> Iterator[Article]:
    """Cut a source into articles; only plain-text dumps are segmented."""
    if source.format != "text":
        paragraphs = list(_line_paragraphs(source.text, 0, len(source.text)))
        yield _article(source, 0, len(source.text), source.title, paragraphs)
        return
    from .segment.articles import split_articles

    for seg in split_articles(source.text):
        paragraphs = [Paragraph(p.start, p.end, p.kind) for p in seg.paragraphs]
        title = source.text[seg.title[0]:seg.title[1]].strip() if seg.title else source.title
        yield _article(source, seg.start, seg.end, title, paragraphs)


def _windowed(article: Article, max_chars: int) -> Article:
    """The article cut to the analysed window, before any stage sees it (see segment.window)."""
    from .segment.window import fit_window

    window = fit_window(article.source.text, article.start, article.end, article.paragraphs,
                        max_chars=max_chars)
    if not window.cut:
        article.paragraphs = window.paragraphs
        return article
    log.warning("%s: article %s has %d characters; only the first %d are kept and analyzed "
                "(Settings.max_chars)", article.source.uri, article.id, article.end - article.start,
                window.end - article.start)
    return _article(article.source, article.start, window.end, article.title, window.paragraphs)


def _article(source: Source, start: int, end: int, title: str | None,
             paragraphs: list[Paragraph]) -> Article:
    return Article(id=article_id(source, start, end, title), source=source, start=start, end=end,
                   title=title, published=source.published, language=source.language,
                   paragraphs=paragraphs)


def _line_paragraphs(text: str, start: int, end: int) -> Iterator[Paragraph]:
    pos = start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield Paragraph(pos + lead, pos + lead + len(stripped), "body")
        pos += len(line) + 1


def analyze_sources(sources: Iterable[Source], *, settings: Settings | None = None,
                    stats: RunStats | None = None) -> Iterator[Article]:
    """Segment, deduplicate and analyze a stream of sources, lazily, in batches."""
    settings = settings or Settings()
    stats = stats if stats is not None else RunStats()
    stages = default_stages()
    dedup = Deduplicator()
    from .nlp import parse

    def prepared() -> Iterator[Article]:
        for source in sources:
            stats.sources += 1
            for article in split_source(source):
                article = _windowed(article, settings.max_chars)
                if settings.default_date and not article.published:
                    article.published = settings.default_date
                _check_language(article)
                dedup.mark(article)
                stats.articles += 1
                if article.duplicate_of:
                    stats.duplicates += 1
                yield article

    stories, happenings = StoryGrouper(), HappeningLinker()
    for article in run_stages(_parse_english(prepared(), settings, parse), stages,
                              settings=settings, stats=stats):
        stories.assign(article)
        happenings.link(article)
        yield article


def _parse_english(articles: Iterator[Article], settings: Settings, parse) -> Iterator[Article]:
    """Parse English articles with spaCy; others pass through without a doc."""
    buffer: list[Article] = []

    def flush() -> Iterator[Article]:
        for a in buffer:
            a.doc = None
        for _ in parse([a for a in buffer if a.language == "en"], settings=settings):
            pass  # parse sets article.doc
        yield from buffer
        buffer.clear()

    for article in articles:
        buffer.append(article)
        if len(buffer) >= settings.batch_size * 4:
            yield from flush()
    yield from flush()


def _check_language(article: Article) -> None:
    language = guess_language(article.text)
    if article.language and article.language[:2] != language and language != "en":
        language = article.language[:2]
    article.language = language
    if language != "en":
        log.warning("%s", InputError.make("E110", source=f"{article.source.uri} (article {article.id})",
                                          language=language))


def analyze_many(paths: Iterable[str | Path], *, settings: Settings | None = None,
                 stats: RunStats | None = None,
                 read_stats: ingest.ReadStats | None = None) -> Iterator[Article]:
    """Analyze every input under ``paths`` (files, folders, ``-``); yields articles lazily."""
    settings = settings or Settings()
    sources = ingest.read(paths, settings=settings, stats=read_stats)
    yield from analyze_sources(sources, settings=settings, stats=stats)


def analyze(text_or_path: str | Path, *, settings: Settings | None = None,
            uri: str | None = None, published: str | None = None) -> list[Article]:
    """Analyze a text (or a path to a file or folder) and return its articles.

    Example::

        >>> articles = newsgraph.analyze("Washington imposed sanctions on Moscow on Monday.")
        >>> articles[0].events[0].category
        'SANCTION'
    """
    settings = settings or Settings()
    if isinstance(text_or_path, Path) or (
            isinstance(text_or_path, str) and "\n" not in text_or_path
            and len(text_or_path) < 4096 and _is_path(text_or_path)):
        return list(analyze_many([text_or_path], settings=settings))
    sources = list(ingest.read_text(str(text_or_path), uri=uri or "text:", settings=settings))
    if published:
        for source in sources:
            source.published = source.published or published
    return list(analyze_sources(sources, settings=settings))


def _is_path(value: str) -> bool:
    try:
        return Path(value).exists()
    except OSError:
        return False
