"""model.py owns the schema: to_dict carries every field and from_dict gives it all back."""

from __future__ import annotations

import dataclasses
import json

import pytest
from store.samples import full_article

from conftest import DEMO
from newsgraph.model import Article

# Article fields that to_dict writes under another name or leaves out, and the keys it adds
ARTICLE_RENAMED = {"source": "source", "start": "source", "end": "source"}
ARTICLE_TRANSIENT = {"doc", "actor_index", "cached_text"}
ARTICLE_ADDED = {"schema", "text", "author"}


def test_from_dict_gives_back_the_same_json_and_evidence() -> None:
    article = full_article()
    again = Article.from_dict(json.loads(json.dumps(article.to_dict())))
    assert again.to_dict() == article.to_dict()
    event, quote = article.events[0], article.quotes[0]
    assert again.local(event.start, event.end) == article.local(event.start, event.end)
    assert again.local(quote.start, quote.end) == "we will respond"
    assert again.start == article.start > 0 and again.text == article.text
    assert again.events[0].trigger == article.events[0].trigger  # records, not dicts


def test_from_dict_ignores_fields_this_version_does_not_know() -> None:
    doc = full_article().to_dict()
    doc["events"][0]["future_field"] = 1
    doc["entities"][0]["future_field"] = 1
    doc["future_list"] = [1]
    assert Article.from_dict(doc).events[0].category == "THREATEN"


def _records(article: Article) -> list[object]:
    """One record of every dataclass an article holds, nested ones included."""
    found: list[object] = []

    def walk(value: object) -> None:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            found.append(value)
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, list) and value:
            walk(value[0])

    walk(article)
    return found


def test_to_dict_writes_every_field_of_every_record() -> None:
    records = _records(full_article())
    assert {type(r).__name__ for r in records} >= {
        "Article", "Source", "Paragraph", "Entity", "Actor", "Event", "Span", "Quote",
        "Attribution", "Place", "DateMention"}
    for record in records:
        if not hasattr(record, "to_dict"):
            continue  # Source: Article.to_dict writes it (checked below)
        names = {f.name for f in dataclasses.fields(record)}
        keys = set(record.to_dict())
        if isinstance(record, Article):
            names = {ARTICLE_RENAMED.get(n, n) for n in names - ARTICLE_TRANSIENT}
            keys -= ARTICLE_ADDED
        assert keys == names, f"{type(record).__name__}.to_dict() and its fields differ"


def test_source_fields_reach_the_article_json() -> None:
    doc = full_article().to_dict()
    source = full_article().source
    written = {"uri": doc["source"]["uri"], "format": doc["source"]["format"],
               "author": doc["author"], "text": doc["text"]}
    assert written == {"uri": source.uri, "format": source.format, "author": source.author,
                       "text": full_article().text}


@pytest.mark.slow
def test_demo_corpus_output_round_trips_through_from_dict() -> None:
    from newsgraph.core import analyze_many
    from newsgraph.settings import Settings

    docs = [a.to_dict() for a in analyze_many([str(DEMO)], settings=Settings())]
    assert len(docs) > 20 and any(d["events"] for d in docs) and any(d["quotes"] for d in docs)
    for doc in docs:
        doc = json.loads(json.dumps(doc))
        assert Article.from_dict(doc).to_dict() == doc, doc["id"]
