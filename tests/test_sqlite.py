"""arextract.sqlite: the batch output as a SQLite database, and the README's three queries."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from arextract.batch.sqlite import EXAMPLE_QUERIES, SQLITE_NAME, date_bounds, write_sqlite
from arextract.errors import InputError
from arextract.link import entity_table
from arextract.pipeline import Pipeline
from arextract.schema import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def write_documents(out: Path) -> list[Document]:
    """What a batch run over seeds/ writes to documents.jsonl (one Document per line, in order)."""
    nlp = Pipeline()
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        docs.append(doc.model_copy(update={"source": str(path)}))
    with (out / "documents.jsonl").open("w", encoding="utf-8") as handle:
        handle.writelines(doc.model_dump_json() + "\n" for doc in docs)
    return docs


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seeds_out")
    write_documents(out)
    return out


@pytest.fixture(scope="module")
def db(seeds_out: Path) -> sqlite3.Connection:
    path = write_sqlite(seeds_out)
    assert path == seeds_out / SQLITE_NAME
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _documents(out: Path) -> list[Document]:
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    return [Document.model_validate_json(line) for line in lines]


def test_tables_hold_every_document_mention_and_relation(seeds_out: Path, db: sqlite3.Connection) -> None:
    docs = _documents(seeds_out)
    count = lambda table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: E731
    assert count("documents") == len(docs) == 5
    assert count("mentions") == sum(len(d.entities) for d in docs)
    assert count("relations") == sum(len(d.relations) for d in docs)
    assert count("relation_arguments") == sum(len(r.arguments) for d in docs for r in d.relations)
    assert count("entities") == len(entity_table(docs))  # the rows of entities.csv
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # Texts and offsets survive: every mention is its document's text at its offsets.
    for text, start, end, mention in db.execute(
        'SELECT d.text, m.start, m."end", m.text FROM mentions m JOIN documents d ON d.id = m.document_id'
    ):
        assert text[start:end] == mention


def test_mentions_of_one_entity_share_one_row_across_documents(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT COUNT(DISTINCT m.entity_id), COUNT(*), COUNT(DISTINCT m.document_id) FROM mentions m "
        "WHERE m.kb_id = 'CN' AND m.type = 'COUNTRY'"
    ).fetchone()
    distinct_rows, mentions, documents = rows
    assert distinct_rows == 1 and mentions > 5 and documents == 5
    entity = db.execute(
        "SELECT canonical, name_en, mentions, documents FROM entities WHERE kb_id = 'CN'"
    ).fetchone()
    assert entity == ("الصين", "China", mentions, 5)
    # The entity's counts agree with its mentions for every row.
    mismatched = db.execute(
        "SELECT e.id FROM entities e JOIN mentions m ON m.entity_id = e.id GROUP BY e.id "
        "HAVING COUNT(*) != e.mentions OR COUNT(DISTINCT m.document_id) != e.documents"
    ).fetchall()
    assert mismatched == []
    # A person the KB knows carries its English name; a name not in the KB carries none.
    assert db.execute("SELECT name_en FROM entities WHERE canonical = 'وانغ يي'").fetchone() == ("Wang Yi",)
    assert db.execute(
        "SELECT COUNT(*) FROM entities WHERE name_en IS NOT NULL AND kb_id IS NULL AND type = 'EVENT'"
    ).fetchone() == (0,)


def test_who_met_whom_in_september_2020(db: sqlite3.Connection) -> None:
    rows = db.execute(EXAMPLE_QUERIES["who_met_whom"], {"month": "2020-09"}).fetchall()
    assert rows == [("2020-09-12", "وانغ يي", "مختار تليوبردي", str(SEEDS / "001_aba6a47032132dcb.txt"))]
    assert db.execute(EXAMPLE_QUERIES["who_met_whom"], {"month": "2020-10"}).fetchall() == []


def test_phone_partners_of_chinas_leaders(db: sqlite3.Connection) -> None:
    rows = db.execute(EXAMPLE_QUERIES["phone_partners_of_leaders"], {"country": "CN"}).fetchall()
    assert rows == [("ألكسندر لوكاشينكو", "Alexander Lukashenko", 1)]
    # Belarus's leader called China's: the same call seen from the other side.
    rows = db.execute(EXAMPLE_QUERIES["phone_partners_of_leaders"], {"country": "BY"}).fetchall()
    assert rows == [("شي جين بينغ", "Xi Jinping", 1)]


def test_timeline_of_xi_jinping(db: sqlite3.Connection) -> None:
    rows = db.execute(EXAMPLE_QUERIES["timeline"], {"name": "شي جين بينغ"}).fetchall()
    assert [row[:4] for row in rows] == [
        ("2013", "PROPOSAL", "proposer", "initiative=مبادرة الحزام والطريق"),
        ("2021-01-26", "PHONE_CALL", "participant", "participant=ألكسندر لوكاشينكو"),
    ]


def test_relation_columns_follow_the_json(seeds_out: Path, db: sqlite3.Connection) -> None:
    doc = _documents(seeds_out)[1]
    relation = next(r for r in doc.relations if r.type.value == "MEETING")
    row = db.execute(
        "SELECT type, date, date_start, date_end, trigger, evidence, attributes FROM relations "
        "WHERE document_id = 2 AND relation_id = ?",
        (relation.id,),
    ).fetchone()
    assert row[:6] == (
        "MEETING",
        "2020-09-12",
        "2020-09-12",
        "2020-09-12",
        relation.trigger.text,
        relation.evidence.text,
    )
    assert json.loads(row[6]) == relation.attributes
    arguments = db.execute(
        "SELECT role, mention_id FROM relation_arguments WHERE document_id = 2 AND relation_id = ? "
        "ORDER BY position",
        (relation.id,),
    ).fetchall()
    assert arguments == [(a.role, a.entity_id) for a in relation.arguments]


def test_date_bounds() -> None:
    assert date_bounds("2020-09-12") == ("2020-09-12", "2020-09-12")
    assert date_bounds("2020-02") == ("2020-02-01", "2020-02-29")
    assert date_bounds("2013") == ("2013-01-01", "2013-12-31")
    assert date_bounds("2020-W36") == ("2020-08-31", "2020-09-06")
    assert date_bounds("2020-09-10/2020-09-16") == ("2020-09-10", "2020-09-16")
    assert date_bounds("XXXX-09-10/XXXX-09-16") == (None, None)
    assert date_bounds(None) == (None, None)


def test_rewrite_is_atomic_and_replaces_the_old_file(
    seeds_out: Path, db: sqlite3.Connection, tmp_path: Path
) -> None:
    # A copy of the output with only the first document: the database is rebuilt, not appended to.
    lines = (seeds_out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    (tmp_path / "documents.jsonl").write_text(lines[0] + "\n", encoding="utf-8")
    (tmp_path / SQLITE_NAME).write_bytes(b"an older, broken database")
    path = write_sqlite(tmp_path)
    with sqlite3.connect(path) as again:
        assert again.execute("SELECT COUNT(*) FROM documents").fetchone() == (1,)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["arextract.sqlite", "documents.jsonl"]
    # A malformed line fails before anything is renamed: the previous database stays.
    (tmp_path / "documents.jsonl").write_text(lines[0] + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"documents.jsonl:2"):
        write_sqlite(tmp_path)
    with sqlite3.connect(path) as kept:
        assert kept.execute("SELECT COUNT(*) FROM documents").fetchone() == (1,)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["arextract.sqlite", "documents.jsonl"]


def test_missing_documents_jsonl_names_the_command(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="python -m arextract"):
        write_sqlite(tmp_path)
