"""docs/output.schema.json is current, and real output carries exactly the fields it lists."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import DEMO, ROOT
from newsgraph.schema import output_schema

SCHEMA_FILE = ROOT / "docs" / "output.schema.json"


def test_schema_file_is_generated_from_the_model():
    shipped = json.loads(SCHEMA_FILE.read_text("utf-8"))
    assert shipped == output_schema(), "regenerate: newsgraph schema -o docs/output.schema.json"


def test_readme_points_to_the_shipped_output_docs():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "docs/output.md" in readme and "../shared/CONTRACT.md" not in readme
    assert "output.schema.json" in (ROOT / "docs" / "output.md").read_text("utf-8")


_TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool,
          "object": dict, "array": list, "null": type(None)}


def conforms(value: Any, schema: dict[str, Any], defs: dict[str, Any], where: str = "$") -> list[str]:
    """The JSON Schema subset the generated schema uses: $ref, anyOf, type, enum, properties,
    required, additionalProperties: false, items. Returns the problems found."""
    if "$ref" in schema:
        return conforms(value, defs[schema["$ref"].rsplit("/", 1)[-1]], defs, where)
    if "anyOf" in schema and not any(not conforms(value, s, defs, where) for s in schema["anyOf"]):
        return [f"{where}: {value!r} matches none of {schema['anyOf']}"]
    problems = []
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in {schema['enum']}")
    kind = schema.get("type")
    if kind and not (isinstance(value, _TYPES[kind]) and not (kind in ("integer", "number") and isinstance(value, bool))):
        return [*problems, f"{where}: {value!r} is not {kind}"]
    if isinstance(value, dict) and "properties" in schema:
        props = schema["properties"]
        problems += [f"{where}: missing {k}" for k in schema.get("required", []) if k not in value]
        if schema.get("additionalProperties") is False:
            problems += [f"{where}: undocumented field {k}" for k in value if k not in props]
        for key, item in value.items():
            if key in props:
                problems += conforms(item, props[key], defs, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            problems += conforms(item, schema["items"], defs, f"{where}[{i}]")
    return problems


def test_conforms_catches_what_it_should():
    schema = output_schema()
    good = {"schema": 1, "id": "x", "source": {"uri": "u", "format": "text", "start": 0, "end": 1},
            "text": "a", "paragraphs": [], "entities": [], "actors": [], "events": [], "quotes": [],
            "attributions": [], "places": [], "dates": []}
    assert conforms(good, schema, schema["$defs"]) == []
    assert conforms({**good, "extra": 1}, schema, schema["$defs"]) == ["$: undocumented field extra"]
    bad_kind = {**good, "paragraphs": [{"start": 0, "end": 1, "kind": "footer", "duplicate_of": None}]}
    assert conforms(bad_kind, schema, schema["$defs"])


@pytest.mark.slow
def test_demo_output_conforms_to_the_schema():
    import newsgraph

    schema = output_schema()
    articles = newsgraph.analyze(DEMO)
    assert articles
    for article in articles:
        assert conforms(article.to_dict(), schema, schema["$defs"]) == []
