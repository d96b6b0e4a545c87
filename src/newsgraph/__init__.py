"""newsgraph: raw news in, event data with evidence out.

>>> import newsgraph
>>> articles = newsgraph.analyze("Washington imposed sanctions on Moscow on Monday.")
"""

from __future__ import annotations

from .core import analyze, analyze_many, analyze_sources
from .errors import InputError, ModelError, NewsgraphError, PipelineError, StoreError
from .model import Actor, Article, Attribution, DateMention, Entity, Event, Paragraph, Place, Quote, Source
from .settings import Settings
from .store import open_store

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "Attribution", "DateMention", "Entity", "Event", "InputError",
    "ModelError", "NewsgraphError", "Paragraph", "Place", "PipelineError", "Quote",
    "Settings", "Source", "StoreError", "__version__", "analyze", "analyze_many",
    "analyze_sources", "open_store",
]
