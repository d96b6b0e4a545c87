"""The data model: one ``Article`` carries its source text and every finding.

Every finding's ``start``/``end`` is a character offset into the *source text*
(``article.source.text``), see CONTRACT.md. A stage that works on
``article.text`` (or on a spaCy ``Doc`` built from it) converts local offsets
with :meth:`Article.span`.
"""

from __future__ import annotations

import functools
import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, TypeVar

SCHEMA_VERSION = 1

PARAGRAPH_KINDS = ("title", "caption", "body", "separator")
MODALITIES = ("asserted", "reported", "planned", "hypothetical", "historical")
PLOVER_CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(slots=True)
class Source:
    """One decoded input: a file, a page, a feed entry or a JSONL line."""

    uri: str
    format: str  # text | html | rss | atom | jsonl
    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    language: str | None = None
    offset: int = 0  # where ``text`` begins in the original input (see Article.from_dict)


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    kind: str  # title | caption | body | separator
    duplicate_of: dict[str, Any] | None = None  # {"article": id, "paragraph": n}

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind,
                "duplicate_of": self.duplicate_of}


@dataclass(slots=True)
class Entity:
    text: str
    label: str  # OntoNotes label
    start: int
    end: int
    actor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "label": self.label, "start": self.start,
                "end": self.end, "actor": self.actor}


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    kind: str  # state | person | organization | group
    country: str | None = None  # ISO 3166-1 alpha-3
    role: str | None = None  # GOV MIL LEG MED REB CVL BUS JUD POL ...
    wikidata: str | None = None
    mentions: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
                "role": self.role, "wikidata": self.wikidata, "mentions": self.mentions}


@dataclass(slots=True)
class Span:
    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Event:
    category: str  # PLOVER type
    source: str | None
    target: str | None
    start: int  # evidence sentence
    end: int
    trigger: Span
    pattern: str
    cameo: str | None = None
    date: str | None = None
    place: str | None = None
    negated: bool = False
    modality: str = "asserted"
    attributed_to: str | None = None
    intensity: float | None = None
    date_from: str | None = None  # sentence | article | dateline
    confidence: float = 0.5
    source_text: str | None = None  # the words naming the source (extension)
    target_text: str | None = None
    happening: str | None = None  # id of the happening this event mentions (extension)

    def to_dict(self) -> dict[str, Any]:
        return {"category": self.category, "cameo": self.cameo, "source": self.source,
                "target": self.target, "date": self.date, "place": self.place,
                "negated": self.negated, "modality": self.modality,
                "attributed_to": self.attributed_to, "intensity": self.intensity,
                "start": self.start, "end": self.end, "trigger": self.trigger.to_dict(),
                "pattern": self.pattern, "date_from": self.date_from,
                "confidence": self.confidence, "source_text": self.source_text,
                "target_text": self.target_text, "happening": self.happening}


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None  # actor id
    speaker_text: str | None
    speaker_span: Span | None
    cue: str | None
    direct: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "speaker": self.speaker, "speaker_text": self.speaker_text,
                "speaker_span": self.speaker_span.to_dict() if self.speaker_span else None,
                "cue": self.cue, "direct": self.direct}


@dataclass(slots=True)
class Attribution:
    source: str  # the words naming who reports it
    actor: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "actor": self.actor, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Place:
    id: str  # "<slug>-<geonameid>"
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    mentions: list[Span] = field(default_factory=list)
    feature: str | None = None  # city | country | region | continent (extension)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "country": self.country, "lat": self.lat,
                "lon": self.lon, "feature": self.feature,
                "mentions": [m.to_dict() for m in self.mentions]}


@dataclass(slots=True)
class DateMention:
    """A time expression and its resolved value (extension to the contract)."""

    text: str
    start: int
    end: int
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    relative: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "value": self.value, "relative": self.relative}


@dataclass(slots=True)
class Article:
    """One article: a span of its source plus everything the stages found in it.

    ``errors`` lists the stages that failed on this article, in order, as
    ``{"stage": name, "error": message}``; a failed stage's own fields (and those of
    the stages that need them) may be empty or partial. ``doc`` and ``actor_index``
    are working fields the stages pass on to each other within one run; they are
    never serialised and are dropped when the article leaves the pipeline.
    """

    id: str
    source: Source
    start: int
    end: int
    title: str | None = None
    published: str | None = None
    language: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    duplicate_of: str | None = None  # id of an earlier near-identical article
    story: str | None = None
    errors: list[dict[str, str]] = field(default_factory=list)  # [{"stage", "error"}] (extension)
    doc: Any = None  # transient spaCy Doc over ``text``; never serialised
    actor_index: Any = None  # transient ``actors.index.ActorIndex``; never serialised
    cached_text: str | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """``source.text[start:end]``, cut once."""
        if self.cached_text is None:
            self.cached_text = self.local(self.start, self.end)
        return self.cached_text

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Convert offsets local to ``text`` (or ``doc``) into source offsets."""
        return self.start + i, self.start + j

    def local(self, start: int, end: int) -> str:
        """The source text of a source-offset span."""
        offset = self.source.offset
        return self.source.text[start - offset:end - offset]

    def sentences(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "body"]

    def actor(self, actor_id: str | None) -> Actor | None:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "source": {"uri": self.source.uri, "format": self.source.format,
                       "start": self.start, "end": self.end},
            "text": self.text,
            "title": self.title,
            "author": self.source.author,
            "published": self.published,
            "language": self.language,
            "duplicate_of": self.duplicate_of,
            "story": self.story,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "entities": [e.to_dict() for e in self.entities],
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "attributions": [a.to_dict() for a in self.attributions],
            "places": [p.to_dict() for p in self.places],
            "dates": [d.to_dict() for d in self.dates],
            "errors": [dict(e) for e in self.errors],
        }

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> Article:
        """Rebuild an article from its :meth:`to_dict` JSON (ids and offsets unchanged).

        The JSON holds the article's own text, not its whole source, so ``source.text``
        is that text and ``source.offset`` says where it began: ``text``, ``local()`` and
        ``to_dict()`` answer as on the original article. Keys this version does not know
        are ignored. ``Article.from_dict(a.to_dict()).to_dict() == a.to_dict()``.
        """
        src = doc["source"]
        source = Source(uri=src["uri"], format=src["format"], text=doc["text"],
                        title=doc.get("title"), published=doc.get("published"),
                        author=doc.get("author"), language=doc.get("language"),
                        offset=src["start"])
        return _build(cls, {**doc, "start": src["start"], "end": src["end"], "source": source})


_T = TypeVar("_T")


def _build(cls: type[_T], doc: dict[str, Any]) -> _T:
    """``cls`` from the keys of ``doc`` that name its fields, nested records rebuilt."""
    record: type = cls
    return cls(**{name: _value(hint, doc[name]) for name, hint in _fields(record) if name in doc})


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, resolved type) of each field of dataclass ``cls``."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in fields(cls))


def _value(hint: Any, value: Any) -> Any:
    """``value`` (JSON) as the type ``hint`` names: dataclasses and lists of them rebuilt."""
    if value is None or isinstance(value, Source):
        return value
    origin = typing.get_origin(hint)
    if origin is list:
        return [_value(typing.get_args(hint)[0], v) for v in value]
    if origin in (typing.Union, types.UnionType):
        records = [t for t in typing.get_args(hint) if is_dataclass(t)]
        return _value(records[0], value) if records else value
    return _build(hint, value) if isinstance(hint, type) and is_dataclass(hint) else value
