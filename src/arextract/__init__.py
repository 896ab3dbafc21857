"""arextract: who did what with whom, and when, in Arabic news.

>>> import arextract
>>> doc = arextract.extract("التقى وزير الخارجية المصري نظيره الأردني في عمان")
>>> [(e.text, e.type.value) for e in doc.entities]        # doctest: +SKIP
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from arextract.batch import extract_many
from arextract.display import graph, plot_graph, plot_timeline, render, to_frames
from arextract.errors import ArextractError, BackendError, InputError, MissingDependencyError, ResourceError
from arextract.pipeline import Pipeline
from arextract.schema import (
    Argument,
    Document,
    Entity,
    EntityType,
    Relation,
    RelationType,
    Sentence,
    TextSpan,
    Time,
    Token,
)

# Lazy like the display helpers: spaCy is imported only when to_spacy() is called (or already is).
from arextract.spacy_bridge import to_spacy

__version__ = "0.1.0"

__all__ = [
    "ArextractError",
    "Argument",
    "BackendError",
    "Document",
    "Entity",
    "EntityType",
    "InputError",
    "MissingDependencyError",
    "Pipeline",
    "Relation",
    "RelationType",
    "ResourceError",
    "Sentence",
    "TextSpan",
    "Time",
    "Token",
    "extract",
    "extract_many",
    "graph",
    "plot_graph",
    "plot_timeline",
    "render",
    "to_frames",
    "to_spacy",
]


@lru_cache(maxsize=8)
def _pipeline(backend: str | None) -> Pipeline:
    return Pipeline(backend=backend)


def extract(text: str, *, doc_date: date | str | None = None, backend: str | None = None) -> Document:
    """Run the default pipeline (loaded once per process and backend) on ``text``."""
    if not isinstance(text, str):
        raise TypeError(f"arextract.extract expects str, got {type(text).__name__}")
    return _pipeline(backend)(text, doc_date=doc_date)
