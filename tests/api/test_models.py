"""The API's response models declare every field the model and the store produce.

A field added to a dataclass reaches ``Article.to_dict()`` (tests/test_model.py) and the
store (tests/store/test_schema.py); these tests fail until the API declares it too, so it
is documented in /openapi.json instead of slipping through as an undeclared extra.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from fastapi.testclient import TestClient
from pydantic import BaseModel
from store.samples import full_article

from newsgraph.api import create_app
from newsgraph.api.app import _event_hit
from newsgraph.api.models import ArticleOut, EventHit
from newsgraph.store import EventQuery, open_store


def _declared(model: type[BaseModel]) -> dict[str, Any]:
    return {field.alias or name: field.annotation for name, field in model.model_fields.items()}


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The response model inside ``X``, ``list[X]`` or ``X | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found:
                return found
    return None


def _undeclared(model: type[BaseModel], value: dict[str, Any], path: str) -> list[str]:
    """Keys of ``value`` (JSON) that ``model`` does not declare, and declared keys it lacks."""
    declared = _declared(model)
    problems = [f"{path}.{k} not in {model.__name__}" for k in value.keys() - declared.keys()]
    problems += [f"{model.__name__}.{k} is not written at {path}" for k in declared.keys() - value.keys()]
    for key, annotation in declared.items():
        inner, sub = _inner_model(annotation), value.get(key)
        if inner and isinstance(sub, list):
            problems += [p for item in sub[:1] for p in _undeclared(inner, item, f"{path}.{key}[]")]
        elif inner and isinstance(sub, dict):
            problems += _undeclared(inner, sub, f"{path}.{key}")
    return problems


def test_article_model_declares_every_field_of_the_article_json():
    doc = full_article().to_dict()
    assert all(doc[k] for k in ("paragraphs", "entities", "actors", "events", "quotes",
                                "attributions", "places", "dates"))  # one of each record
    assert _undeclared(ArticleOut, doc, "article") == []


def test_event_hit_declares_every_column_of_an_event_row(tmp_path):
    store = open_store(tmp_path / "s.db")
    store.load([full_article()])
    [row] = store.events(EventQuery())
    assert set(_event_hit(row)) == set(_declared(EventHit))


def test_the_article_endpoint_returns_the_json_as_stored(tmp_path):
    store = open_store(tmp_path / "s.db")
    store.load([full_article()])
    store.close()
    with TestClient(create_app(tmp_path / "s.db")) as client:
        assert client.get("/articles/abc").json() == full_article().to_dict()
        [hit] = client.get("/events").json()
    assert (hit["source_text"], hit["target_text"], hit["trigger"]) == (
        "Moscow", "Kyiv", full_article().events[0].trigger.to_dict())
