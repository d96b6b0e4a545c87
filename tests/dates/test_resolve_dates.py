"""The resolve_dates stage and date_for_span."""

from __future__ import annotations

import pytest

from newsgraph.dates import date_for_span, resolve_dates
from newsgraph.model import Article, DateMention, Source
from newsgraph.settings import Settings

SETTINGS = Settings()


def _article(text: str, published: str | None = "2023-08-17") -> Article:
    return Article(id="t", source=Source(uri="t", format="text", text=text), start=0,
                   end=len(text), published=published)


def test_stage_without_doc_uses_cue_words_and_source_offsets() -> None:
    source = "HEAD\nThe talks began on Monday and ended in March."
    article = Article(id="t", source=Source(uri="t", format="text", text=source), start=5,
                      end=len(source), published="2023-08-17")
    resolve_dates(article, settings=SETTINGS)
    assert [(source[d.start:d.end], d.value) for d in article.dates] == [
        ("Monday", "2023-08-14"), ("in March", "2023-03")]


def test_missing_publication_date_leaves_relative_values_empty() -> None:
    article = _article("He left yesterday, on Aug. 3, 2021.", published=None)
    resolve_dates(article, settings=SETTINGS)
    assert [(d.text, d.value, d.relative) for d in article.dates] == [
        ("yesterday", None, True), ("Aug. 3, 2021", "2021-08-03", False)]


def test_dateline_stands_in_for_a_missing_publication_date() -> None:
    article = _article("KYIV, Ukraine, August 17, 2023 — Drones hit the city yesterday.", published=None)
    resolve_dates(article, settings=SETTINGS)
    assert [d.value for d in article.dates if d.text == "yesterday"] == ["2023-08-16"]


def test_date_for_span_prefers_the_sentence_then_the_article() -> None:
    text = "Talks failed. On Tuesday, troops moved."
    article = _article(text)
    article.dates = [DateMention(text="Tuesday", start=17, end=24, value="2023-08-15", relative=True)]
    assert date_for_span(article, 14, len(text)) == ("2023-08-15", "sentence")
    assert date_for_span(article, 0, 13) == ("2023-08-17", "article")


def test_date_for_span_uses_the_dateline() -> None:
    article = _article("MOSCOW, Aug 16 (Reuters) - Talks failed.", published="2023-08-17T09:00:00+00:00")
    assert date_for_span(article, 27, 40) == ("2023-08-16", "dateline")


def test_date_for_span_without_any_date() -> None:
    assert date_for_span(_article("Talks failed.", published=None), 0, 13) == (None, None)


@pytest.mark.slow
def test_future_clause_resolves_weekday_forward_on_a_parse() -> None:
    from newsgraph.nlp import parse

    text = "The ministers met on Tuesday. They will meet again on Friday."
    [article] = list(parse([_article(text)], settings=SETTINGS))
    resolve_dates(article, settings=SETTINGS)
    assert [(d.text, d.value) for d in article.dates] == [
        ("Tuesday", "2023-08-15"), ("Friday", "2023-08-18")]


def test_date_for_span_takes_the_most_precise_date_in_the_sentence() -> None:
    text = "Talks begun in 2019 collapsed on Thursday."
    article = _article(text)
    resolve_dates(article, settings=SETTINGS)
    assert date_for_span(article, 0, len(text)) == ("2023-08-17", "sentence")
