"""A SQLite database of a batch's output: ``OUTDIR/arextract.sqlite`` from ``OUTDIR/documents.jsonl``.

:func:`write_sqlite` streams the final ``documents.jsonl`` (one Document per line; nothing but the
entity table is held in memory) into a temporary file beside the target, then renames it over
``arextract.sqlite``, so a reader never sees half a database. Only the standard library's
``sqlite3`` is used.

Tables (:data:`SCHEMA` is the DDL, commented):

* ``documents``: one row per line of documents.jsonl (``id`` is the line number, from 1).
* ``entities``: one row per real-world entity across documents, as ``entities.csv`` counts them
  (:class:`arextract.link.EntityTable` decides which mentions are one entity).
* ``mentions``: one row per mention (``Document.entities``), keyed ``(document_id, mention_id)``,
  with ``entity_id`` pointing at its ``entities`` row: a document's ``e4``, ``e8`` and ``e12`` may
  all be China, and China in every document is one ``entities`` row.
* ``relations``: one row per relation, keyed ``(document_id, relation_id)``; ``date`` is the ISO
  value as in the JSON (``2020-09``, ``2020-09-10/2020-09-16``), and ``date_start``/``date_end``
  the first and last day it covers, so date ranges are plain string comparisons.
* ``relation_arguments``: one row per argument, in order (``position`` from 0).
"""

from __future__ import annotations

import calendar
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from arextract.batch.documents import read_documents
from arextract.errors import InputError
from arextract.files import replaced_when_done
from arextract.link import EntityTable
from arextract.schema import Document, Interval, Relation, time_text

__all__ = ["EXAMPLE_QUERIES", "SCHEMA", "SQLITE_NAME", "date_bounds", "write_sqlite"]

SQLITE_NAME = "arextract.sqlite"

SCHEMA = """
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,          -- line number in documents.jsonl, from 1
    source      TEXT,                         -- file path, path#id or path:line
    doc_date    TEXT,                         -- ISO date or NULL
    backend     TEXT NOT NULL,
    text        TEXT NOT NULL
);
CREATE TABLE entities (
    id          INTEGER PRIMARY KEY,          -- one real-world entity across documents
    type        TEXT NOT NULL,
    subtype     TEXT,
    canonical   TEXT NOT NULL,
    kb_id       TEXT,
    name_en     TEXT,                         -- from the knowledge files only
    aliases     TEXT NOT NULL,                -- JSON list of surface forms
    mentions    INTEGER NOT NULL,
    documents   INTEGER NOT NULL
);
CREATE TABLE mentions (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    mention_id  TEXT NOT NULL,                -- e1, e2, ... as in the JSON
    entity_id   INTEGER NOT NULL REFERENCES entities(id),
    type        TEXT NOT NULL,
    subtype     TEXT,
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    canonical   TEXT NOT NULL,
    kb_id       TEXT,
    name_en     TEXT,
    source      TEXT NOT NULL,
    confidence  REAL NOT NULL,
    PRIMARY KEY (document_id, mention_id)
);
CREATE TABLE relations (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    relation_id TEXT NOT NULL,                -- r1, r2, ... as in the JSON
    type        TEXT NOT NULL,
    date        TEXT,                         -- ISO value or interval start/end; NULL when undated
    date_start  TEXT,                         -- first day the date covers (YYYY-MM-DD)
    date_end    TEXT,                         -- last day it covers
    date_text   TEXT,
    granularity TEXT,
    trigger     TEXT NOT NULL,
    evidence    TEXT NOT NULL,
    modality    TEXT,                         -- planned, negated, or NULL for a plain assertion
    rule        TEXT,
    attributes  TEXT NOT NULL,                -- JSON object
    confidence  REAL NOT NULL,
    PRIMARY KEY (document_id, relation_id)
);
CREATE TABLE relation_arguments (
    document_id INTEGER NOT NULL,
    relation_id TEXT NOT NULL,
    position    INTEGER NOT NULL,
    role        TEXT NOT NULL,
    mention_id  TEXT NOT NULL,
    entity_id   INTEGER NOT NULL REFERENCES entities(id),
    text        TEXT NOT NULL,
    PRIMARY KEY (document_id, relation_id, position),
    FOREIGN KEY (document_id, relation_id) REFERENCES relations(document_id, relation_id),
    FOREIGN KEY (document_id, mention_id) REFERENCES mentions(document_id, mention_id)
);
"""

# Created after the bulk insert: building an index once is cheaper than maintaining it per row.
INDEXES = """
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX entities_type_canonical ON entities(type, canonical);
CREATE INDEX entities_kb_id ON entities(kb_id);
CREATE INDEX relations_type_date ON relations(type, date_start);
CREATE INDEX arguments_entity ON relation_arguments(entity_id, role);
"""

EXAMPLE_QUERIES: dict[str, str] = {
    # Plain assertions only: a planned or negated meeting is no meeting.
    "who_met_whom": """
SELECT r.date, a.canonical AS participant, b.canonical AS other, d.source
FROM relations r
JOIN documents d ON d.id = r.document_id
JOIN relation_arguments x ON x.document_id = r.document_id AND x.relation_id = r.relation_id
JOIN relation_arguments y ON y.document_id = r.document_id AND y.relation_id = r.relation_id
                         AND y.position > x.position
JOIN entities a ON a.id = x.entity_id
JOIN entities b ON b.id = y.entity_id
WHERE r.type = 'MEETING' AND r.modality IS NULL
  AND r.date_start >= :month || '-01' AND r.date_end <= :month || '-31'
ORDER BY r.date, d.id
""",
    # A country's leaders: people a ROLE relation affiliates with that country (by ISO code).
    "phone_partners_of_leaders": """
WITH leaders AS (
    SELECT DISTINCT p.entity_id
    FROM relations r
    JOIN relation_arguments p ON p.document_id = r.document_id AND p.relation_id = r.relation_id
                             AND p.role = 'person'
    JOIN relation_arguments c ON c.document_id = r.document_id AND c.relation_id = r.relation_id
                             AND c.role = 'affiliation'
    JOIN entities country ON country.id = c.entity_id
    WHERE r.type = 'ROLE' AND country.kb_id = :country
)
SELECT other.canonical, other.name_en, COUNT(DISTINCT r.document_id || ':' || r.relation_id) AS calls
FROM relations r
JOIN relation_arguments l ON l.document_id = r.document_id AND l.relation_id = r.relation_id
JOIN relation_arguments o ON o.document_id = r.document_id AND o.relation_id = r.relation_id
                         AND o.position != l.position
JOIN entities other ON other.id = o.entity_id
WHERE r.type = 'PHONE_CALL' AND r.modality IS NULL
  AND l.entity_id IN leaders AND o.entity_id NOT IN leaders AND other.type = 'PERSON'
GROUP BY other.id
ORDER BY calls DESC, other.canonical
""",
    # Statements are left out: a speaker's timeline would be mostly "said".
    "timeline": """
SELECT r.date, r.type, x.role,
       (SELECT GROUP_CONCAT(o.role || '=' || oe.canonical, '; ')
        FROM relation_arguments o JOIN entities oe ON oe.id = o.entity_id
        WHERE o.document_id = r.document_id AND o.relation_id = r.relation_id
          AND o.position != x.position) AS others,
       d.source
FROM entities e
JOIN relation_arguments x ON x.entity_id = e.id
JOIN relations r ON r.document_id = x.document_id AND r.relation_id = x.relation_id
JOIN documents d ON d.id = r.document_id
WHERE e.canonical = :name AND r.date IS NOT NULL AND r.type != 'STATEMENT'
ORDER BY COALESCE(r.date_start, r.date), d.id, r.relation_id
""",
}


# --------------------------------------------------------------------------------------------
# Dates as day bounds
# --------------------------------------------------------------------------------------------


def date_bounds(value: str | Interval | None) -> tuple[str | None, str | None]:
    """The first and last day an ISO value covers: ``2020-09`` -> (``2020-09-01``, ``2020-09-30``).

    Years, months, days, ISO weeks and intervals of those; anything else (``XXXX-09-12``, a part
    of a day) gives the bounds of what is known, or ``(None, None)``.
    """
    if value is None:
        return None, None
    if isinstance(value, Interval):
        return date_bounds(value.start)[0], date_bounds(value.end)[1]
    if "/" in value:
        start, _, end = value.partition("/")
        return date_bounds(None if start == ".." else start)[0], date_bounds(None if end == ".." else end)[1]
    try:
        first, last = _bounds(value[:10])
    except ValueError:
        return None, None
    return first.isoformat(), last.isoformat()


def _bounds(value: str) -> tuple[date, date]:
    parts = value.split("-")
    if len(parts) == 2 and parts[1].startswith("W"):
        monday = date.fromisocalendar(int(parts[0]), int(parts[1][1:]), 1)
        return monday, monday + timedelta(days=6)
    year = int(parts[0])  # raises ValueError for XXXX: an unknown year has no bounds
    if len(parts) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(parts[1])
    if len(parts) == 2:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(year, month, int(parts[2]))
    return day, day


# --------------------------------------------------------------------------------------------
# Entity rows
# --------------------------------------------------------------------------------------------


@dataclass
class _Entities:
    """Mentions to entity rows through :class:`EntityTable`, which decides what is one entity."""

    table: EntityTable
    ids: dict[tuple[str, str], int]  # table row key -> entities.id, in order of first mention

    def add(self, doc: Document) -> dict[str, int]:
        """Add ``doc`` to the table; its mention ids -> entity row ids.

        The table says which row each mention went to (a document's e4, e8 and e12 may all be
        China; a person's short and transliterated names merge into one row across documents);
        its row keys are numbered here in order of first mention."""
        keys = self.table.add(doc)
        out: dict[str, int] = {}
        for entity in doc.entities:
            key = keys[entity.id]
            row_id = self.ids.setdefault(key, len(self.ids) + 1)
            out[entity.id] = row_id
        return out

    def rows(self) -> Iterator[tuple[Any, ...]]:
        rows = self.table.keyed_rows()
        for key, row_id in self.ids.items():
            row = rows[key]
            yield (
                row_id,
                row.type.value,
                row.subtype,
                row.canonical,
                row.kb_id,
                row.name_en,
                json.dumps(row.aliases, ensure_ascii=False),
                row.mentions,
                row.documents,
            )


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def _relation_row(number: int, relation: Relation) -> tuple[Any, ...]:
    value = relation.date.value if relation.date else None
    iso = time_text(value)
    start, end = date_bounds(value)
    return (
        number,
        relation.id,
        relation.type.value,
        iso,
        start,
        end,
        relation.date.text if relation.date else None,
        relation.date.granularity if relation.date else None,
        relation.trigger.text,
        relation.evidence.text,
        relation.attributes.get("modality"),
        relation.attributes.get("rule"),
        json.dumps(relation.attributes, ensure_ascii=False, default=str),
        relation.confidence,
    )


def _insert_document(db: sqlite3.Connection, number: int, doc: Document, entity_ids: dict[str, int]) -> None:
    db.execute(
        "INSERT INTO documents VALUES (?, ?, ?, ?, ?)",
        (number, doc.source, doc.doc_date.isoformat() if doc.doc_date else None, doc.meta.backend, doc.text),
    )
    db.executemany(
        "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                number,
                e.id,
                entity_ids[e.id],
                e.type.value,
                e.subtype,
                e.text,
                e.start,
                e.end,
                e.canonical,
                e.kb_id,
                e.name_en,
                e.source,
                e.confidence,
            )
            for e in doc.entities
        ],
    )
    db.executemany(
        "INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_relation_row(number, relation) for relation in doc.relations],
    )
    db.executemany(
        "INSERT INTO relation_arguments VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (number, relation.id, position, a.role, a.entity_id, entity_ids[a.entity_id], a.text)
            for relation in doc.relations
            for position, a in enumerate(relation.arguments)
        ],
    )


def _fill(db: sqlite3.Connection, documents_path: Path) -> None:
    db.executescript(SCHEMA)
    entities = _Entities(EntityTable(), {})
    for number, doc in enumerate(read_documents(documents_path), 1):
        _insert_document(db, number, doc, entities.add(doc))
    db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", entities.rows())
    db.executescript(INDEXES)
    problems = db.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise InputError(f"{documents_path}: dangling references, e.g. {problems[0]}")


def write_sqlite(output_dir: Path) -> Path:
    """Build ``output_dir/arextract.sqlite`` from ``output_dir/documents.jsonl``; returns its path.

    The database appears whole or not at all (:func:`arextract.files.replaced_when_done`).
    """
    output_dir = Path(output_dir)
    source = output_dir / "documents.jsonl"
    if not source.is_file():
        raise InputError(f"{source} not found: run `python -m arextract INPUT -o {output_dir}` first")
    target = output_dir / SQLITE_NAME
    with replaced_when_done(target) as temporary:
        db = sqlite3.connect(temporary)
        try:
            # No journal and no fsync per statement: the file is private until the rename.
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            with db:
                _fill(db, source)
        finally:
            db.close()
    return target
