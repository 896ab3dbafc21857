"""The OutputStore: results streamed into parts committed atomically, assembled at the end.

**Writes are atomic.** Results go to numbered part files under ``OUTDIR/.arextract-parts``, each
written to a temporary name, flushed, fsynced and renamed; a part's documents file is renamed
last and is its commit point. After Ctrl-C or ``kill -9`` only whole parts exist. The final
files are assembled from the parts the same way (temporary file, then rename). **Memory is
bounded**: documents are streamed to disk, and only the entity table (one row per canonical
entity) and the resume state (content hashes) stay in memory.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from arextract.batch.folder import FINAL_FILES, lock_output
from arextract.batch.job import Result
from arextract.batch.parquet import PARQUET_FILES, write_parquet
from arextract.batch.resume import ResumeState, committed_records
from arextract.batch.sqlite import SQLITE_NAME, write_sqlite
from arextract.batch.tables import ENTITY_COLUMNS, RELATION_COLUMNS, csv_bytes, entity_rows, relation_rows
from arextract.files import atomic_write
from arextract.link import EntityTable
from arextract.schema import Document, Entity

__all__ = ["PARTS_DIR", "OutputStore", "Totals"]

PARTS_DIR = ".arextract-parts"
# A part is committed after PART_RECORDS records, PART_BYTES of documents or PART_SECONDS seconds.
PART_RECORDS = 256
PART_BYTES = 16 * 2**20
PART_SECONDS = 5.0


@dataclass
class Totals:
    documents: int = 0
    errors: int = 0
    skipped: int = 0
    entity_mentions: int = 0
    relations: int = 0


class OutputStore:
    """The output folder: committed parts, resume state, and the final files.

    Final files are committed in two phases: every ``NAME.new`` is written (atomically), then
    the parts folder is renamed to ``.arextract-parts.assembled`` (the commit point), then each
    ``NAME.new`` replaces ``NAME``. Opening the folder again finishes an interrupted second phase
    or discards the ``.new`` files of an interrupted first one.
    """

    def __init__(self, output: Path, *, resume: bool = False) -> None:
        self.output = output
        self.parts = output / PARTS_DIR
        self.assembled = output / (PARTS_DIR + ".assembled")
        self.table = EntityTable()
        self.totals = Totals()
        self.resume = ResumeState()
        self._lock = lock_output(output)
        self._recover()
        if not resume:
            shutil.rmtree(self.parts, ignore_errors=True)
            for name in FINAL_FILES + PARQUET_FILES + (SQLITE_NAME,):
                (output / name).unlink(missing_ok=True)
        self.parts.mkdir(exist_ok=True)
        self._clean_parts()
        self.old_parts = self._committed()
        self.next_part = (max(self.old_parts) + 1) if self.old_parts else 1
        self.base = output / "documents.jsonl" if (output / "documents.jsonl").exists() else None
        self.base_relations = output / "relations.csv"
        # Rebuild the entity table and the resume set from what is committed, in order.
        for path in self._document_files(self.old_parts):
            self._replay(path)
        self._handles: dict[str, io.BufferedWriter] = {}
        self._records = 0
        self._part_started = time.monotonic()

    def _recover(self) -> None:
        if self.assembled.exists():  # killed during the second phase: finish it
            for name in FINAL_FILES:
                if (self.output / f"{name}.new").exists():
                    os.replace(self.output / f"{name}.new", self.output / name)
            shutil.rmtree(self.assembled)
        for name in FINAL_FILES + PARQUET_FILES + (SQLITE_NAME,):  # killed during the first phase or a write
            for suffix in (".new", ".new.tmp", ".tmp", ".rebased", ".rebased.tmp"):
                (self.output / f"{name}{suffix}").unlink(missing_ok=True)

    # -- parts ---------------------------------------------------------------------------

    def _part(self, number: int, kind: str) -> Path:
        return self.parts / f"{number:06d}.{kind}"

    def _clean_parts(self) -> None:
        """Remove temporary files and pieces of parts whose commit (documents file) never came."""
        committed = {p.name.split(".")[0] for p in self.parts.glob("*.documents.jsonl")}
        for path in self.parts.iterdir():
            if path.name.endswith(".tmp") or path.name.split(".")[0] not in committed:
                path.unlink()

    def _committed(self) -> list[int]:
        return sorted(int(p.name.split(".")[0]) for p in self.parts.glob("*.documents.jsonl"))

    def _document_files(self, parts: list[int]) -> list[Path]:
        files = [self.base] if self.base is not None else []
        return files + [self._part(number, "documents.jsonl") for number in parts]

    def _replay(self, path: Path) -> None:
        """Count a committed documents file into the resume state, the totals and the entity table."""
        for record, entities in committed_records(path):
            self.resume.remember(record)
            self._count(entities, len(record.get("relations", [])))

    def add(self, result: Result) -> None:
        """Stream one result into the open part; commit it when it is big or old enough."""
        if not self._handles:
            self._part_started = time.monotonic()
            for kind in ("errors.jsonl", "relations.csv", "documents.jsonl"):
                path = self._part(self.next_part, kind)
                self._handles[kind] = path.with_name(path.name + ".tmp").open("wb")
        if result.document is not None:
            self._handles["documents.jsonl"].write(result.document.encode("utf-8") + b"\n")
            if result.relations:
                self._handles["relations.csv"].write(csv_bytes(result.relations, RELATION_COLUMNS, False))
            self._count(result.entities, len(result.relations))
        else:
            self._handles["errors.jsonl"].write(json.dumps(result.error, ensure_ascii=False).encode() + b"\n")
            self.totals.errors += 1
        self._records += 1
        if (
            self._records >= PART_RECORDS
            or self._handles["documents.jsonl"].tell() >= PART_BYTES
            or time.monotonic() - self._part_started >= PART_SECONDS
        ):
            self.commit()

    def commit(self) -> None:
        """Commit the open part: flush, fsync and rename errors, relations, then documents (the
        commit point). A part's temporary files left by a kill are removed on the next open."""
        if not self._handles:
            return
        for kind in ("errors.jsonl", "relations.csv", "documents.jsonl"):
            handle = self._handles[kind]
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            os.replace(handle.name, self._part(self.next_part, kind))
        self._handles = {}
        self._records = 0
        self.next_part += 1

    def abort(self) -> None:
        """Drop the open part (after an interruption it may hold a document without its
        relations); the committed parts stay."""
        for handle in self._handles.values():
            handle.close()
            Path(handle.name).unlink(missing_ok=True)
        self._handles = {}
        self._records = 0

    # -- final files ---------------------------------------------------------------------

    def finish(self, summary: dict[str, object], fmt: str = "jsonl") -> None:
        """Assemble the final files from the base and the parts (two-phase, see the class)."""
        self.commit()
        parts = self._committed()
        new_parts = [number for number in parts if number not in set(self.old_parts)]
        if self.resume.superseded:
            parts = self._drop_superseded(new_parts)
            summary.update(
                documents=self.totals.documents,
                entities=len(self.table),
                entity_mentions=self.totals.entity_mentions,
                relations=self.totals.relations,
            )

        def copy(path: Path, handle: io.BufferedWriter, skip_header: bool = False) -> None:
            with path.open("rb") as source:
                if skip_header:
                    source.readline()
                shutil.copyfileobj(source, handle, 1 << 20)

        def documents(handle: io.BufferedWriter) -> None:
            for path in self._document_files(parts):
                copy(path, handle)

        def relations(handle: io.BufferedWriter) -> None:
            handle.write(csv_bytes([], RELATION_COLUMNS, header=True))
            if self.base is not None and self.base_relations.exists():
                copy(self.base_relations, handle, skip_header=True)
            for number in parts:
                copy(self._part(number, "relations.csv"), handle)

        def errors(handle: io.BufferedWriter) -> None:
            for number in new_parts:
                copy(self._part(number, "errors.jsonl"), handle)

        entities = csv_bytes(entity_rows(self.table.rows()), ENTITY_COLUMNS, header=True)
        summary_bytes = (json.dumps(summary, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        atomic_write(self.output / "documents.jsonl.new", documents)
        atomic_write(self.output / "relations.csv.new", relations)
        atomic_write(self.output / "errors.jsonl.new", errors)
        atomic_write(self.output / "entities.csv.new", lambda h: h.write(entities))
        atomic_write(self.output / "summary.json.new", lambda h: h.write(summary_bytes))
        os.replace(self.parts, self.assembled)  # the commit point
        self._recover()
        for name in ("documents.jsonl.rebased", "relations.csv.rebased"):
            (self.output / name).unlink(missing_ok=True)
        if fmt == "parquet":
            write_parquet(self.output)
        elif fmt == "sqlite":
            write_sqlite(self.output)  # from the final documents.jsonl, renamed into place when whole
        self.close()

    def close(self) -> None:
        """Release the output folder's lock (the process's exit releases it too)."""
        if getattr(self, "_lock", None) is not None:
            os.close(self._lock)  # type: ignore[arg-type]
            self._lock = None

    def __del__(self) -> None:  # a store dropped without finish() must not keep the folder locked
        self.close()

    def _drop_superseded(self, new_parts: list[int]) -> list[int]:
        """Rewrite the committed documents without the superseded ones into one new base, with
        their relation rows, and count everything again in output order. Only after a resume
        over edited inputs; the previous outputs stay in place until the final rename."""
        base = self.output / "documents.jsonl.rebased"
        base_relations = self.output / "relations.csv.rebased"
        self.table, self.totals = (
            EntityTable(),
            dataclasses.replace(self.totals, documents=0, entity_mentions=0, relations=0),
        )
        old_files = self._document_files(self.old_parts)

        def documents(handle: io.BufferedWriter) -> None:
            with base_relations.open("wb") as relations:
                relations.write(csv_bytes([], RELATION_COLUMNS, header=True))
                for path in old_files:
                    with path.open("rb") as source:
                        for line in source:
                            doc = Document.model_validate_json(line)
                            if doc.source in self.resume.superseded:
                                continue
                            handle.write(line)
                            relations.write(csv_bytes(relation_rows(doc), RELATION_COLUMNS, False))
                            self._count(doc.entities, len(doc.relations))
                relations.flush()
                os.fsync(relations.fileno())

        atomic_write(base, documents)
        for number in new_parts:
            with self._part(number, "documents.jsonl").open("rb") as source:
                for line in source:
                    record = json.loads(line)
                    entities = [Entity.model_validate(entity) for entity in record.get("entities", [])]
                    self._count(entities, len(record.get("relations", [])))
        self.base, self.base_relations = base, base_relations
        self.old_parts = []
        return new_parts

    def _count(self, entities: list[Entity], relations: int) -> None:
        self.table.add(Document(text="", entities=entities))
        self.totals.documents += 1
        self.totals.entity_mentions += len(entities)
        self.totals.relations += relations
