"""The flat tables of a batch: one row per relation (relations.csv) and per real-world entity
(entities.csv), written as CSV cells a spreadsheet cannot run."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from arextract.link import EntityRow
from arextract.schema import Document, time_text

__all__ = [
    "ENTITY_COLUMNS",
    "FORMULA_STARTS",
    "RELATION_COLUMNS",
    "csv_bytes",
    "entity_rows",
    "neutralise_cell",
    "relation_rows",
    "restore_cell",
]

ENTITY_COLUMNS = ["canonical", "type", "subtype", "kb_id", "name_en", "aliases", "mentions", "documents"]
RELATION_COLUMNS = [
    "source",
    "relation_id",
    "type",
    "arguments",
    "date",
    "trigger",
    "evidence",
    "confidence",
]


def relation_rows(doc: Document) -> Iterator[dict[str, object]]:
    """One flat row per relation (arguments as ``role=canonical; ...``)."""
    names = {entity.id: entity.canonical for entity in doc.entities}
    for relation in doc.relations:
        yield {
            "source": doc.source or "",
            "relation_id": relation.id,
            "type": relation.type.value,
            "arguments": "; ".join(
                f"{argument.role}={names.get(argument.entity_id, argument.text)}"
                for argument in relation.arguments
            ),
            "date": (time_text(relation.date.value) or "") if relation.date else "",
            "trigger": relation.trigger.text,
            "evidence": relation.evidence.text,
            "confidence": relation.confidence,
        }


def entity_rows(rows: list[EntityRow]) -> Iterator[dict[str, object]]:
    for row in rows:
        yield {
            "canonical": row.canonical,
            "type": row.type.value,
            "subtype": row.subtype or "",
            "kb_id": row.kb_id or "",
            "name_en": row.name_en or "",
            "aliases": "|".join(row.aliases),
            "mentions": row.mentions,
            "documents": row.documents,
        }


# A spreadsheet reads a cell that starts with one of these as a formula: a file named
# '=HYPERLINK("http://…","click").txt' would become a live link in relations.csv.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """A CSV cell that a spreadsheet will not run: text starting with ``= + - @``, tab or
    carriage return gets a leading ``'`` (the OWASP rule); other values are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restore_cell(value: str) -> str:
    """The value :func:`neutralise_cell` was given (for readers of our CSV, e.g. parquet)."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def csv_bytes(rows: Iterable[dict[str, object]], columns: list[str], header: bool) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator="\r\n")
    if header:
        writer.writeheader()
    writer.writerows({key: neutralise_cell(value) for key, value in row.items()} for row in rows)
    return buffer.getvalue().encode("utf-8")
