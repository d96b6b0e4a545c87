"""Pydantic models of what the REST API accepts and returns; they document /openapi.json.

The article models mirror ``Article.to_dict()`` (CONTRACT.md plus its extensions) field
for field, and ``EventHit`` the store's events rows: ``tests/api/test_models.py`` fails
when the model or the store has a field these do not declare. They still allow extra
fields, so a response never drops data.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from .. import validate

MAX_TEXT = 1_000_000  # characters accepted by POST /analyze and /ingest


def _iso_date(value: str | None) -> str | None:
    return None if value is None else validate.iso_date(value)  # one message with the CLI


def _category(value: str | None) -> str | None:
    return None if value is None else validate.category(value)


def _actor_id(value: str | None) -> str | None:
    return None if value is None else validate.actor_id(value)


def _search_words(value: str) -> str:
    # the store's FTS5 fallback fails on blank queries and NUL characters
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    if not value.strip():
        raise ValueError("must contain at least one word")
    return value


IsoDate = Annotated[str, AfterValidator(_iso_date)]
Category = Annotated[str, AfterValidator(_category)]
ActorIdValue = Annotated[str, AfterValidator(_actor_id)]
SearchWords = Annotated[str, AfterValidator(_search_words)]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# -- the contract article ------------------------------------------------------------
class SpanOut(_Open):
    start: int
    end: int


class SourceRef(_Open):
    uri: str
    format: str = Field(description="text | html | rss | atom | jsonl")
    start: int
    end: int


class ParagraphOut(_Open):
    start: int
    end: int
    kind: str = Field(description="title | caption | body | separator")
    duplicate_of: dict[str, Any] | None = None


class EntityOut(_Open):
    text: str
    label: str = Field(description="OntoNotes label")
    start: int
    end: int
    actor: str | None = None


class ActorOut(_Open):
    id: str
    name: str
    kind: str
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3")
    role: str | None = None
    wikidata: str | None = None
    mentions: int = 0


class EventOut(_Open):
    category: str = Field(description="PLOVER event type")
    cameo: str | None = None
    source: str | None = None
    target: str | None = None
    date: str | None = None
    place: str | None = None
    negated: bool = False
    modality: str = "asserted"
    attributed_to: str | None = None
    intensity: float | None = None
    start: int
    end: int
    trigger: SpanOut
    pattern: str
    date_from: str | None = Field(default=None, description="sentence | article | dateline")
    confidence: float = 0.5
    source_text: str | None = Field(default=None, description="the words naming the source")
    target_text: str | None = Field(default=None, description="the words naming the target")
    happening: str | None = Field(default=None, description="id of the happening this event mentions")


class QuoteOut(_Open):
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_span: SpanOut | None = None
    cue: str | None = None
    direct: bool = True


class AttributionOut(_Open):
    source: str
    actor: str | None = None
    start: int
    end: int


class PlaceOut(_Open):
    id: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = Field(default=None, description="city | country | region | continent")
    mentions: list[SpanOut] = []


class DateOut(_Open):
    text: str
    start: int
    end: int
    value: str | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    relative: bool = False


class StageErrorOut(_Open):
    stage: str = Field(description="the stage that failed on this article")
    error: str


class ArticleOut(_Open):
    """One article as CONTRACT.md JSON; offsets index the source text."""

    schema_: int = Field(alias="schema", serialization_alias="schema")
    id: str
    source: SourceRef
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    duplicate_of: str | None = Field(default=None, description="id of an earlier near-identical article")
    story: str | None = Field(default=None, description="id shared by articles on one story")
    paragraphs: list[ParagraphOut] = []
    entities: list[EntityOut] = []
    actors: list[ActorOut] = []
    events: list[EventOut] = []
    quotes: list[QuoteOut] = []
    attributions: list[AttributionOut] = []
    places: list[PlaceOut] = []
    dates: list[DateOut] = []
    errors: list[StageErrorOut] = Field(default=[], description="stages that failed on this article")


# -- query results -------------------------------------------------------------------
class Health(BaseModel):
    ok: bool = True
    version: str
    articles: int


class SearchHit(BaseModel):
    id: str
    title: str | None
    published: str | None
    uri: str
    story: str | None = Field(default=None, description="the story the article belongs to")
    snippet: str = Field(description="matching words in [brackets]")


class EventHit(BaseModel):
    """A stored event with its evidence sentence and article."""

    article_id: str
    n: int = Field(description="index of the event in its article's events")
    category: str
    cameo: str | None
    source: str | None
    target: str | None
    date: str | None
    when: str | None = Field(description="the event date, else the article's publication date")
    place: str | None
    negated: bool
    modality: str
    attributed_to: str | None
    intensity: float | None
    start: int
    end: int
    trigger: SpanOut | None
    pattern: str | None
    date_from: str | None
    confidence: float | None
    source_text: str | None
    target_text: str | None
    happening: str | None = Field(default=None, description="id of the happening this event mentions")
    mentions: int = Field(default=1, description="how many events matching the query mention its happening")
    sentence: str
    story: str | None = Field(default=None, description="the story of the event's article")
    title: str | None
    uri: str


class Pair(BaseModel):
    source: str
    target: str
    events: int = Field(description="happenings, or every mention with mentions=true")
    happenings: int
    mentions: int
    mean_intensity: float | None


class TimelinePoint(BaseModel):
    period: str | None = Field(description="YYYY-MM (or YYYY-MM-DD with period=day)")
    events: int = Field(description="happenings, or every mention with mentions=true")
    happenings: int
    mentions: int
    mean_intensity: float | None


class TopActor(BaseModel):
    id: str
    name: str
    country: str | None
    mentions: int


class Summary(BaseModel):
    articles: int
    duplicates: int
    actors: int
    events: int = Field(description="every event mention")
    happenings: int = Field(description="what the events tell, each counted once")
    quotes: int
    places: int
    counted: Literal["happenings", "mentions"] = Field(
        description="what by_category and top_pairs count")
    by_category: dict[str, int]
    top_actors: list[TopActor]
    top_pairs: list[Pair]


class TextIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT,
                      description="plain text, HTML, an RSS/Atom feed or JSON Lines")
    published: IsoDate | None = Field(default=None,
                                      description="publication date when the text has none")


class IngestIn(TextIn):
    uri: str | None = Field(default=None, max_length=2000,
                            description="where the text came from; default 'text:'")


class IngestResult(BaseModel):
    ok: bool = True
    ids: list[str] = Field(description="ids of every analyzed article, stored now or before")
    added: int
    skipped: int = Field(description="articles already stored (same stable id)")


class ErrorOut(BaseModel):
    """The one error shape of the API."""

    ok: bool = False
    error: str
    code: str = Field(description="E4xx for request errors, newsgraph's own code otherwise")
