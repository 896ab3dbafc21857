"""Documents as pandas DataFrames: one row per mention, one row per relation.

:func:`entities_frame` and :func:`relations_frame` show one document
(``arextract.entities_frame(doc)``); :func:`to_frames` many, with ``document`` and ``source``
columns first. The ``arguments`` column reads ``role=canonical; ...``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from arextract.schema import Document, time_text
from arextract.viz.support import as_documents, require

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["ENTITY_COLUMNS", "RELATION_COLUMNS", "entities_frame", "relations_frame", "to_frames"]

ENTITY_COLUMNS = [
    "id",
    "type",
    "subtype",
    "text",
    "start",
    "end",
    "canonical",
    "kb_id",
    "name_en",
    "confidence",
    "source",
    "aliases",
]
RELATION_COLUMNS = [
    "id",
    "type",
    "arguments",
    "canonicals",
    "entity_ids",
    "date",
    "date_text",
    "granularity",
    "trigger",
    "evidence",
    "confidence",
    "rule",
]


def _pandas(purpose: str) -> Any:
    return require("pandas", purpose)


def _entity_rows(doc: Document) -> list[dict[str, Any]]:
    return [
        {
            "id": e.id,
            "type": e.type.value,
            "subtype": e.subtype,
            "text": e.text,
            "start": e.start,
            "end": e.end,
            "canonical": e.canonical,
            "kb_id": e.kb_id,
            "name_en": e.name_en,
            "confidence": e.confidence,
            "source": e.source,
            "aliases": list(e.aliases),
        }
        for e in doc.entities
    ]


def _relation_rows(doc: Document) -> list[dict[str, Any]]:
    entities = {entity.id: entity for entity in doc.entities}
    rows = []
    for relation in doc.relations:
        names = [
            entities[a.entity_id].canonical if a.entity_id in entities else a.text for a in relation.arguments
        ]
        rows.append(
            {
                "id": relation.id,
                "type": relation.type.value,
                "arguments": "; ".join(
                    f"{a.role}={name}" for a, name in zip(relation.arguments, names, strict=True)
                ),
                "canonicals": names,
                "entity_ids": [a.entity_id for a in relation.arguments],
                "date": time_text(relation.date.value) if relation.date else None,
                "date_text": relation.date.text if relation.date else None,
                "granularity": relation.date.granularity if relation.date else None,
                "trigger": relation.trigger.text,
                "evidence": relation.evidence.text,
                "confidence": relation.confidence,
                "rule": relation.attributes.get("rule"),
            }
        )
    return rows


def entities_frame(doc: Document) -> pd.DataFrame:
    """One row per entity mention of ``doc`` (columns: ``ENTITY_COLUMNS``)."""
    pandas = _pandas("arextract.entities_frame()")
    return pandas.DataFrame(_entity_rows(doc), columns=ENTITY_COLUMNS)


def relations_frame(doc: Document) -> pd.DataFrame:
    """One row per relation of ``doc``; ``arguments`` reads ``role=canonical; ...``."""
    pandas = _pandas("arextract.relations_frame()")
    return pandas.DataFrame(_relation_rows(doc), columns=RELATION_COLUMNS)


def to_frames(docs: Document | Iterable[Document]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(entities, relations)`` DataFrames of many documents, with ``document`` (the position of
    the document in ``docs``) and ``source`` columns first."""
    pandas = _pandas("arextract.to_frames()")
    entity_rows: list[dict[str, Any]] = []
    relation_rows: list[dict[str, Any]] = []
    for number, doc in enumerate(as_documents(docs)):
        prefix = {"document": number, "source": doc.source}
        entity_rows += [{**prefix, **row} for row in _entity_rows(doc)]
        relation_rows += [{**prefix, **row} for row in _relation_rows(doc)]
    return (
        pandas.DataFrame(entity_rows, columns=["document", "source", *ENTITY_COLUMNS]),
        pandas.DataFrame(relation_rows, columns=["document", "source", *RELATION_COLUMNS]),
    )
