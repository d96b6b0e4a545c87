"""The JSON Schema of one line of ``newsgraph analyze`` output, built from ``model.py``.

Each record (Paragraph, Entity, Actor, Event, ...) is described from its dataclass, so a
field added to the model shows up here; ``docs/output.schema.json`` holds the result and a
test checks it is current. Regenerate it with ``newsgraph schema -o docs/output.schema.json``.

>>> output_schema()["properties"]["events"]["items"]["$ref"]
'#/$defs/Event'
"""

from __future__ import annotations

from typing import Any

from . import model

SCHEMA_ID = "https://github.com/newsgraph/newsgraph/docs/output.schema.json"
# closed vocabularies of the contract, added to the generated string fields
ENUMS = {
    ("Paragraph", "kind"): model.PARAGRAPH_KINDS,
    ("Event", "category"): model.PLOVER_CATEGORIES,
    ("Event", "modality"): model.MODALITIES,
    ("Event", "date_from"): ("sentence", "article", "dateline"),
    ("Source", "format"): ("text", "html", "rss", "atom", "jsonl"),
}


def output_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one article as ``Article.to_dict()`` writes it."""
    from pydantic import ConfigDict, Field, create_model

    source = create_model("Source", __config__=ConfigDict(extra="forbid"), uri=(str, ...),
                          format=(str, ...), start=(int, ...), end=(int, ...))
    article = create_model(
        "Article", __config__=ConfigDict(extra="forbid"),
        schema_=(int, Field(model.SCHEMA_VERSION, alias="schema")),
        id=(str, ...), source=(source, ...), text=(str, ...), title=(str | None, None),
        author=(str | None, None), published=(str | None, None), language=(str | None, None),
        duplicate_of=(str | None, None), story=(str | None, None),
        paragraphs=(list[model.Paragraph], ...), entities=(list[model.Entity], ...),
        actors=(list[model.Actor], ...), events=(list[model.Event], ...),
        quotes=(list[model.Quote], ...), attributions=(list[model.Attribution], ...),
        places=(list[model.Place], ...), dates=(list[model.DateMention], ...),
        errors=(list[dict[str, str]], []),
    )
    schema = article.model_json_schema(by_alias=True)
    for (name, prop), values in ENUMS.items():
        schema["$defs"][name]["properties"][prop]["enum"] = [*values, *([None] if prop == "date_from" else [])]
    for definition in schema["$defs"].values():
        definition["additionalProperties"] = False
    schema["additionalProperties"] = False
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "newsgraph article (one line of `newsgraph analyze` output)",
            "description": "See docs/output.md. Offsets are Python str indexes into the source text.",
            **schema}
