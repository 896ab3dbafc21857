"""Batch processing: many inputs, in parallel, resumable, safe on messy input.

The flow of a batch run::

    inputs ─► iter_items (files, folders, globs; .txt/.jsonl/.csv; decoded, hashed) ─► chunks
           ─► engine (in-process | a pool of worker processes | dask.distributed)
           ─► results, in input order ─► OutputStore (parts committed by atomic rename)
           ─► documents.jsonl, entities.csv, relations.csv, errors.jsonl, summary.json

* **Models load once per worker.** A worker process builds its :class:`Pipeline` on first use
  (process pools build it in their initializer) and keeps it in :data:`_PIPELINES` for every
  later chunk; dask workers are processes too, so the same cache serves them.
* **Order is deterministic.** Chunks are submitted in input order and their results are taken
  in that same order from a bounded window of futures, so the outputs do not depend on which
  worker finished first, nor on the number of workers or the engine.
* **Memory is bounded.** Inputs are read lazily, one file or record at a time; at most
  ``window`` chunks are in flight; documents are streamed to disk, and only the entity table
  (one row per canonical entity) and the content hashes stay in memory.
* **Writes are atomic.** Results go to numbered part files under ``OUTDIR/.arextract-parts``,
  each written to a temporary name, flushed, fsynced and renamed; a part's documents file is
  renamed last and is its commit point. After Ctrl-C or ``kill -9`` only whole parts exist.
  The final files are assembled from the parts the same way (temporary file, then rename),
  so an output file is either absent, the previous complete one, or the new complete one.
* **Resume.** ``resume=True`` keeps what is committed (the previous ``documents.jsonl`` and the
  parts) and skips every input whose text has the same SHA-256 as a committed document (a
  multiset, so duplicates are counted). Inputs that failed are tried again, and
  ``errors.jsonl`` holds the failures of the last pass.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import glob
import hashlib
import io
import json
import os
import shutil
import sys
import threading
import time
import unicodedata
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from arextract.errors import ArextractError, InputError
from arextract.link import EntityRow, EntityTable
from arextract.pipeline import DEFAULT_BACKEND, Pipeline, parse_date
from arextract.schema import Document, Entity, Interval

INPUT_SUFFIXES = (".txt", ".jsonl", ".csv")
ENTITY_COLUMNS = ["canonical", "type", "subtype", "kb_id", "aliases", "mentions", "documents"]
RELATION_COLUMNS = [
    "source", "relation_id", "type", "arguments", "date", "trigger", "evidence", "confidence",
]
ENGINES = ("local", "dask")
FORMATS = ("jsonl", "parquet")
PARTS_DIR = ".arextract-parts"
PARQUET_HINT = 'pip install "arextract[parquet]"'
DASK_HINT = 'pip install "arextract[dask]"'

# A chunk (one task for a worker) holds up to CHUNK_ITEMS texts or CHUNK_CHARS characters.
CHUNK_ITEMS = 16
CHUNK_CHARS = 200_000
# A part is committed after PART_RECORDS records, PART_BYTES of documents or PART_SECONDS seconds.
PART_RECORDS = 256
PART_BYTES = 16 * 2**20
PART_SECONDS = 5.0


# --------------------------------------------------------------------------------------------
# Reading: encodings
# --------------------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings tried (after UTF-8 and BOM-marked Unicode) for Arabic news.
LEGACY_ENCODINGS = ("cp1256", "iso8859_6", "utf_16_le", "utf_16_be")
_CORE_ARABIC = (0x0621, 0x064A)  # hamza .. yeh: the letters of Arabic proper


class DecodeError(ArextractError):
    """An input's bytes are not text in an encoding arextract can recognise."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` for a file's bytes, or :class:`DecodeError` with the reason.

    UTF-8 (with or without BOM) and BOM-marked UTF-16/UTF-32 are decoded strictly. Anything else
    goes to charset-normalizer restricted to :data:`LEGACY_ENCODINGS`, then to Windows-1256, and
    is kept only when the result is plausible text (:func:`plausible_text`).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError as error:
                raise DecodeError(f"invalid {encoding.replace('-sig', '')} after its byte-order mark: "
                                  f"{error.reason} at byte {error.start}") from error
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = f"{error.reason} at byte {error.start}"
    candidates: list[tuple[str, str]] = []
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1_000_000], cp_isolation=list(LEGACY_ENCODINGS)).best()
        if best is not None:
            candidates.append((best.encoding, best.encoding))
    except ImportError:  # pragma: no cover - charset-normalizer ships with requests/camel-tools
        pass
    candidates.append(("cp1256", "cp1256"))
    for codec, name in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if plausible_text(text):
            return text, name
    raise DecodeError(f"not UTF-8 ({utf8_error}), no byte-order mark, and no Arabic legacy encoding "
                      f"({', '.join(LEGACY_ENCODINGS)}) gives plausible text")


def plausible_text(text: str) -> bool:
    """Whether a legacy decoding looks like news text rather than mojibake.

    At most 1% control, private-use or unassigned characters; at least 75% letters, marks,
    digits or spaces (and some space in 40 characters or more); at least half of the letters
    ASCII, Latin-1 or core Arabic (U+0621-U+064A). Random bytes read as Windows-1256 give
    symbols and Persian and Urdu letters; read as UTF-16, CJK.
    """
    if not text:
        return True
    bad = letters = good_letters = wordy = spaces = 0
    for char in text:
        category = unicodedata.category(char)
        if category in ("Co", "Cn", "Cs") or (category == "Cc" and char not in "\t\n\r\f\v"):
            bad += 1
        elif category[0] == "L":
            letters += 1
            code = ord(char)
            if code < 0x250 or _CORE_ARABIC[0] <= code <= _CORE_ARABIC[1]:
                good_letters += 1
        elif category[0] in "MN":
            wordy += 1
        elif char.isspace():
            spaces += 1
    size = len(text)
    return (
        bad <= size * 0.01
        and letters + wordy + spaces >= size * 0.75
        and (spaces > 0 or size < 40)
        and good_letters >= letters * 0.5
    )


def content_hash(text: str) -> str:
    """The SHA-256 of a text (UTF-8; lone surrogates passed through): the resume key."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --------------------------------------------------------------------------------------------
# Reading: inputs
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One input text (or the reason it could not be read), in input order."""

    source: str
    text: str | None = None
    doc_date: str | None = None
    error: str | None = None  # exception class name when the input could not be read
    reason: str | None = None

    @property
    def digest(self) -> str | None:
        return None if self.text is None else content_hash(self.text)


def iter_paths(inputs: Sequence[str | os.PathLike[str]], exclude: Path | None = None) -> Iterator[Path]:
    """Files named, found in folders (recursively, sorted) or matched by globs, in order.

    A folder contributes its ``.txt``, ``.jsonl`` and ``.csv`` files; a named file is read
    whatever its suffix (as text unless it ends in ``.jsonl`` or ``.csv``); a name that is
    neither a file nor a folder but contains ``* ? [`` is a glob (``**`` recursive). Anything else
    is yielded as is, and reading it records the error. Files found under ``exclude`` (the
    output folder) are left out of folder scans and globs.
    """
    skip = exclude.resolve() if exclude is not None else None

    def wanted(path: Path) -> bool:
        return skip is None or not path.resolve().is_relative_to(skip)

    for name in inputs:
        path = Path(name)
        if path.is_dir():
            files = (p for p in path.rglob("*")
                     if p.suffix.lower() in INPUT_SUFFIXES and p.is_file() and wanted(p))
            yield from sorted(files)
        elif path.exists() or not glob.has_magic(str(name)):
            yield path
        else:
            matches = sorted(glob.glob(str(name), recursive=True))
            for match in matches:
                found = Path(match)
                if found.is_dir():
                    yield from iter_paths([found], exclude)
                elif wanted(found):
                    yield found
            if not matches:
                yield path


def iter_items(inputs: Sequence[str | os.PathLike[str]], exclude: Path | None = None) -> Iterator[Item]:
    """Every input text, lazily: one per ``.txt`` file, per ``.jsonl`` line, per ``.csv`` row."""
    for path in iter_paths(inputs, exclude):
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from _jsonl_items(path)
        elif suffix == ".csv":
            yield from _csv_items(path)
        else:
            yield _text_item(path)


def _text_item(path: Path) -> Item:
    try:
        text, _ = decode_bytes(path.read_bytes())
    except (OSError, ArextractError) as error:
        return Item(str(path), error=type(error).__name__, reason=str(error) or repr(error))
    return Item(str(path), text)


def _record_item(source: str, record: Any) -> Item:
    if not isinstance(record, dict):
        return Item(source, error="InputError", reason="a record must be an object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str):
        return Item(source, error="InputError", reason="the record has no string 'text' field")
    if record.get("id") not in (None, ""):
        source = f"{source.rsplit(':', 1)[0]}#{record['id']}"
    doc_date = record.get("date")
    return Item(source, text, doc_date=str(doc_date) if doc_date not in (None, "") else None)


def _jsonl_items(path: Path) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as error:
        yield Item(str(path), error=type(error).__name__, reason=str(error))
        return
    with handle:
        for number, raw in enumerate(handle, 1):
            source = f"{path}:{number}"
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as error:
                yield Item(source, error=type(error).__name__, reason=f"not a UTF-8 JSON line: {error}")
                continue
            yield _record_item(source, record)


def _csv_items(path: Path) -> Iterator[Item]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        yield Item(str(path), error=type(error).__name__, reason=str(error))
        return
    with handle:
        try:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or "text" not in reader.fieldnames:
                yield Item(str(path), error="InputError", reason="a CSV input needs a 'text' column")
                return
            for row in reader:
                yield _record_item(f"{path}:{reader.line_num}", row)
        except (UnicodeDecodeError, csv.Error) as error:
            yield Item(str(path), error=type(error).__name__,
                       reason=f"the CSV file could not be read past line {reader.line_num}: {error}")


def count_items(inputs: Sequence[str | os.PathLike[str]], exclude: Path | None = None) -> int:
    """How many items :func:`iter_items` will yield (approximately for CSV), for a progress bar."""
    total = 0
    for path in iter_paths(inputs, exclude):
        suffix = path.suffix.lower()
        try:
            if suffix == ".jsonl":
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif suffix == ".csv":
                with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
                    total += max(sum(1 for _ in csv.reader(handle)) - 1, 0)
            else:
                total += 1
        except (OSError, csv.Error):
            total += 1
    return total


# --------------------------------------------------------------------------------------------
# Processing (runs in workers)
# --------------------------------------------------------------------------------------------

_PIPELINES: dict[str, Pipeline] = {}
_PIPELINES_LOCK = threading.Lock()


def get_pipeline(backend: str | None = None) -> Pipeline:
    """This process's pipeline for ``backend``, built on first use and kept."""
    key = backend or ""
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        with _PIPELINES_LOCK:
            pipeline = _PIPELINES.get(key)
            if pipeline is None:
                pipeline = _PIPELINES[key] = Pipeline(backend=backend)
    return pipeline


def _warm_worker(backend: str | None) -> int:
    get_pipeline(backend)
    return os.getpid()


@dataclass
class Result:
    """What a worker sends back for one item: a serialised document or an error record."""

    source: str
    digest: str | None
    document: str | None = None  # Document JSON
    relations: list[dict[str, object]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    error: dict[str, str] | None = None
    doc: Document | None = None


# (source, text, doc_date, error, reason): an item that could not be read has text None and
# travels with the others, so its error record keeps its place in the output order.
Task = tuple[str, str | None, str | None, str | None, str | None]


def process_chunk(tasks: list[Task], backend: str | None, default_date: str | None,
                  as_documents: bool = False) -> list[Result]:
    """Run this process's pipeline over a chunk of texts; every failure becomes an error record.

    A result carries the Document JSON, its relation rows and entities (for the batch writer),
    or with ``as_documents`` the Document itself (for :func:`extract_many`).
    """
    pipeline = get_pipeline(backend)
    results: list[Result] = []
    for source, text, doc_date, error_name, reason in tasks:
        if text is None:
            results.append(Result(source, None, error=error_record(source, error_name or "Error", reason)))
            continue
        digest = content_hash(text)
        try:
            doc = pipeline(text, doc_date=doc_date or default_date, source=source or None)
            if as_documents:
                results.append(Result(source, digest, doc=doc))
                continue
            line = doc.model_dump_json()
        except Exception as error:  # one bad input must not stop a batch
            results.append(Result(source, digest, error=error_record(source, error)))
            continue
        results.append(Result(source, digest, line, list(relation_rows(doc)), doc.entities))
    return results


def error_record(source: str, error: BaseException | str, reason: str | None = None) -> dict[str, str]:
    name = error if isinstance(error, str) else type(error).__name__
    text = reason if reason is not None else str(error) or repr(error)
    return {"source": source, "error": name, "reason": text}


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
            "date": _date_text(relation.date.value) if relation.date else "",
            "trigger": relation.trigger.text,
            "evidence": relation.evidence.text,
            "confidence": relation.confidence,
        }


def _date_text(value: str | Interval | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else value.iso()


# --------------------------------------------------------------------------------------------
# Engines: ordered, bounded execution of chunks
# --------------------------------------------------------------------------------------------

Chunk = list[Task]


def chunked(tasks: Iterable[Task], items: int = CHUNK_ITEMS, chars: int = CHUNK_CHARS) -> Iterator[Chunk]:
    chunk: Chunk = []
    size = 0
    for task in tasks:
        chunk.append(task)
        size += len(task[1] or "")
        if len(chunk) >= items or size >= chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _ordered(submit: Callable[[Chunk], Any], result: Callable[[Any], list[Result]],
             chunks: Iterable[Chunk], window: int) -> Iterator[list[Result]]:
    """Submit chunks keeping at most ``window`` in flight; yield their results in order."""
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


class Engine:
    """Runs chunks and yields their results in submission order."""

    workers = 1

    def map(self, chunks: Iterable[Chunk], as_documents: bool = False) -> Iterator[list[Result]]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class InProcessEngine(Engine):
    def __init__(self, backend: str | None, default_date: str | None) -> None:
        self.backend, self.default_date = backend, default_date
        get_pipeline(backend)

    def map(self, chunks: Iterable[Chunk], as_documents: bool = False) -> Iterator[list[Result]]:
        for chunk in chunks:
            yield process_chunk(chunk, self.backend, self.default_date, as_documents)


class ProcessEngine(Engine):
    """A pool of ``workers`` processes (spawned), each loading the pipeline once at start."""

    def __init__(self, workers: int, backend: str | None, default_date: str | None) -> None:
        import multiprocessing

        self.workers, self.backend, self.default_date = workers, backend, default_date
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        # Load the models in every worker now (and surface a bad backend with its own error).
        for warm in [self.pool.submit(_warm_worker, backend) for _ in range(workers)]:
            warm.result()

    def map(self, chunks: Iterable[Chunk], as_documents: bool = False) -> Iterator[list[Result]]:
        def submit(chunk: Chunk) -> Future[list[Result]]:
            return self.pool.submit(process_chunk, chunk, self.backend, self.default_date, as_documents)

        return _ordered(submit, lambda future: future.result(), chunks, self.workers * 4)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine(Engine):
    """dask.distributed: a LocalCluster of ``workers`` processes, or the scheduler at ``address``.

    Texts travel with the tasks, so workers need arextract installed but not the input files.
    Each worker process keeps its pipeline in :data:`_PIPELINES` across tasks.
    """

    def __init__(self, workers: int, backend: str | None, default_date: str | None,
                 scheduler: str | None = None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as error:
            raise ArextractError(f"--engine dask needs dask.distributed: {DASK_HINT}") from error
        self.backend, self.default_date = backend, default_date
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        host="127.0.0.1", dashboard_address=None)
            self.client = Client(self.cluster)
        self.workers = max(sum(self.client.nthreads().values()), 1)

    def map(self, chunks: Iterable[Chunk], as_documents: bool = False) -> Iterator[list[Result]]:
        def submit(chunk: Chunk) -> Any:
            return self.client.submit(process_chunk, chunk, self.backend, self.default_date, as_documents,
                                      pure=False)

        def result(future: Any) -> list[Result]:
            value: list[Result] = future.result()
            future.release()
            return value

        return _ordered(submit, result, chunks, self.workers * 4)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(engine: str, workers: int, backend: str | None, default_date: str | None,
                scheduler: str | None = None) -> Engine:
    if engine == "dask":
        return DaskEngine(workers, backend, default_date, scheduler)
    if engine != "local":
        raise InputError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if workers <= 1:
        return InProcessEngine(backend, default_date)
    return ProcessEngine(workers, backend, default_date)


# --------------------------------------------------------------------------------------------
# Output: parts committed atomically, assembled at the end
# --------------------------------------------------------------------------------------------


def _atomic_write(path: Path, write: Callable[[io.BufferedWriter], object]) -> None:
    """Write ``path`` through a temporary file, fsync, then rename over it."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as handle:
        write(handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _csv_bytes(rows: Iterable[dict[str, object]], columns: list[str], header: bool) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator="\r\n")
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


@dataclass
class Totals:
    documents: int = 0
    errors: int = 0
    skipped: int = 0
    entity_mentions: int = 0
    relations: int = 0


FINAL_FILES = ("documents.jsonl", "relations.csv", "errors.jsonl", "entities.csv", "summary.json")
PARQUET_FILES = ("documents.parquet", "entities.parquet", "relations.parquet")


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
        self.done: Counter[str] = Counter()
        output.mkdir(parents=True, exist_ok=True)
        self._recover()
        if not resume:
            shutil.rmtree(self.parts, ignore_errors=True)
            for name in FINAL_FILES + PARQUET_FILES:
                (output / name).unlink(missing_ok=True)
        self.parts.mkdir(exist_ok=True)
        self._clean_parts()
        self.old_parts = self._committed()
        self.next_part = (max(self.old_parts) + 1) if self.old_parts else 1
        self.base = output / "documents.jsonl" if (output / "documents.jsonl").exists() else None
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
        for name in FINAL_FILES + PARQUET_FILES:  # killed during the first phase or a write
            for suffix in (".new", ".new.tmp", ".tmp"):
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
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                self.done[content_hash(record["text"])] += 1
                entities = [Entity.model_validate(entity) for entity in record.get("entities", [])]
                self.table.add(Document(text="", entities=entities))
                self.totals.documents += 1
                self.totals.entity_mentions += len(entities)
                self.totals.relations += len(record.get("relations", []))

    def is_done(self, digest: str | None) -> bool:
        """Whether a committed document has this text (each committed copy matches once)."""
        if digest is not None and self.done[digest] > 0:
            self.done[digest] -= 1
            return True
        return False

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
                self._handles["relations.csv"].write(_csv_bytes(result.relations, RELATION_COLUMNS, False))
            self.table.add(Document(text="", entities=result.entities))
            self.totals.documents += 1
            self.totals.entity_mentions += len(result.entities)
            self.totals.relations += len(result.relations)
        else:
            self._handles["errors.jsonl"].write(json.dumps(result.error, ensure_ascii=False).encode() + b"\n")
            self.totals.errors += 1
        self._records += 1
        if (self._records >= PART_RECORDS or self._handles["documents.jsonl"].tell() >= PART_BYTES
                or time.monotonic() - self._part_started >= PART_SECONDS):
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

        def copy(path: Path, handle: io.BufferedWriter, skip_header: bool = False) -> None:
            with path.open("rb") as source:
                if skip_header:
                    source.readline()
                shutil.copyfileobj(source, handle, 1 << 20)

        def documents(handle: io.BufferedWriter) -> None:
            for path in self._document_files(parts):
                copy(path, handle)

        def relations(handle: io.BufferedWriter) -> None:
            handle.write(_csv_bytes([], RELATION_COLUMNS, header=True))
            if self.base is not None and (self.output / "relations.csv").exists():
                copy(self.output / "relations.csv", handle, skip_header=True)
            for number in parts:
                copy(self._part(number, "relations.csv"), handle)

        def errors(handle: io.BufferedWriter) -> None:
            for number in new_parts:
                copy(self._part(number, "errors.jsonl"), handle)

        entities = _csv_bytes(entity_rows(self.table.rows()), ENTITY_COLUMNS, header=True)
        summary_bytes = (json.dumps(summary, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        _atomic_write(self.output / "documents.jsonl.new", documents)
        _atomic_write(self.output / "relations.csv.new", relations)
        _atomic_write(self.output / "errors.jsonl.new", errors)
        _atomic_write(self.output / "entities.csv.new", lambda h: h.write(entities))
        _atomic_write(self.output / "summary.json.new", lambda h: h.write(summary_bytes))
        os.replace(self.parts, self.assembled)  # the commit point
        self._recover()
        if fmt == "parquet":
            write_parquet(self.output)


def entity_rows(rows: list[EntityRow]) -> Iterator[dict[str, object]]:
    for row in rows:
        yield {
            "canonical": row.canonical, "type": row.type.value, "subtype": row.subtype or "",
            "kb_id": row.kb_id or "", "aliases": "|".join(row.aliases),
            "mentions": row.mentions, "documents": row.documents,
        }


def require_pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as error:
        raise ArextractError(f"--format parquet needs pyarrow: {PARQUET_HINT}") from error
    return pyarrow


def write_parquet(output: Path, batch_size: int = 1000) -> None:
    """documents/entities/relations.parquet from the final JSONL and CSV files, streaming.

    documents.parquet has one row per document: ``source``, ``doc_date``, ``text`` and the
    nested fields (``sentences``, ``tokens``, ``entities``, ``times``, ``relations``, ``meta``)
    as JSON strings, so the schema never depends on the data.
    """
    pa = require_pyarrow()
    import pyarrow.parquet as pq

    nested = ("sentences", "tokens", "entities", "times", "relations", "meta")
    schema = pa.schema([("source", pa.string()), ("doc_date", pa.string()), ("text", pa.string())]
                       + [(name, pa.string()) for name in nested])
    tmp = output / "documents.parquet.tmp"
    with (
        pq.ParquetWriter(tmp, schema) as writer,
        (output / "documents.jsonl").open(encoding="utf-8") as handle,
    ):
        batch: list[dict[str, object]] = []
        for line in handle:
            record = json.loads(line)
            row: dict[str, object] = {key: record.get(key) for key in ("source", "doc_date", "text")}
            row.update({name: json.dumps(record.get(name), ensure_ascii=False) for name in nested})
            batch.append(row)
            if len(batch) >= batch_size:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    os.replace(tmp, output / "documents.parquet")
    for name, columns, ints, floats in (
        ("entities", ENTITY_COLUMNS, ("mentions", "documents"), ()),
        ("relations", RELATION_COLUMNS, (), ("confidence",)),
    ):
        table_schema = pa.schema(
            [(c, pa.int64() if c in ints else pa.float64() if c in floats else pa.string()) for c in columns]
        )
        with (output / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            rows = [
                {c: int(r[c]) if c in ints else float(r[c]) if c in floats else r[c] for c in columns}
                for r in csv.DictReader(handle)
            ]
        pq.write_table(pa.Table.from_pylist(rows, schema=table_schema), output / f"{name}.parquet.tmp")
        os.replace(output / f"{name}.parquet.tmp", output / f"{name}.parquet")


# --------------------------------------------------------------------------------------------
# The batch run
# --------------------------------------------------------------------------------------------


@dataclass
class BatchResult(Totals):
    """The run's totals, plus what the caller reports from them."""

    seconds: float = 0.0
    backend: str = ""
    entity_table: EntityTable = field(default_factory=EntityTable)
    summary: dict[str, object] = field(default_factory=dict)


def _progress(total: int | None, enabled: bool) -> Any:
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency of camel-tools
        return None
    try:
        size = os.get_terminal_size(sys.stderr.fileno())
    except (OSError, ValueError):
        size = os.terminal_size((0, 0))
    # A terminal that reports no size (some pseudo-terminals) would get no bar at all.
    sized = size.columns > 0 and size.lines > 0
    return tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=sized, ncols=None if sized else 100,
                nrows=None if sized else 24, smoothing=0.1, desc="arextract")


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    backend: str | None = None,
    doc_date: date | str | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    resume: bool = False,
    fmt: str = "jsonl",
    progress: bool | None = None,
) -> BatchResult:
    """Process every input into ``output`` (see the module docstring); return the totals.

    ``progress=None`` shows a progress bar only when stderr is a terminal.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        require_pyarrow()
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    default_date = parse_date(doc_date)
    default_date_text = default_date.isoformat() if default_date else None
    started = time.perf_counter()
    out = Path(output)
    if progress is None:
        progress = sys.stderr.isatty()
    skipped = 0
    # The engine first: a bad backend or scheduler fails before the output folder is touched.
    with make_engine(engine, workers, backend, default_date_text, scheduler) as runner:
        store = OutputStore(out, resume=resume)
        bar = _progress(count_items(inputs, out) if progress else None, progress)

        def tasks() -> Iterator[Task]:
            nonlocal skipped
            for item in iter_items(inputs, out):
                if item.text is not None and store.done and store.is_done(item.digest):
                    skipped += 1
                    if bar is not None:
                        bar.update(1)
                    continue
                yield (item.source, item.text, item.doc_date, item.error, item.reason)

        try:
            for results in runner.map(chunked(tasks())):
                for result in results:
                    store.add(result)
                if bar is not None:
                    bar.update(len(results))
                    bar.set_postfix(errors=store.totals.errors, refresh=False)
        except BaseException:
            store.abort()
            raise
        finally:
            if bar is not None:
                bar.close()
    seconds = time.perf_counter() - started
    totals = store.totals
    backend_name = backend or DEFAULT_BACKEND
    summary: dict[str, object] = {
        "documents": totals.documents, "errors": totals.errors, "skipped": skipped,
        "entity_mentions": totals.entity_mentions, "entities": len(store.table),
        "relations": totals.relations, "seconds": round(seconds, 3), "backend": backend_name,
        "engine": engine, "workers": runner.workers, "format": fmt,
    }
    store.finish(summary, fmt)
    return BatchResult(**{**dataclasses.asdict(totals), "skipped": skipped}, seconds=seconds,
                       backend=backend_name, entity_table=store.table, summary=summary)


# --------------------------------------------------------------------------------------------
# Python API
# --------------------------------------------------------------------------------------------


def extract_many(
    texts_or_paths: Iterable[str | os.PathLike[str]],
    *,
    workers: int = 1,
    backend: str | None = None,
    doc_date: date | str | None = None,
    errors: str = "raise",
) -> Iterator[Document]:
    """Extract from many texts or files, lazily and in order, on ``workers`` processes.

    A ``str`` is a text; a :class:`os.PathLike` (e.g. :class:`pathlib.Path`) is a file or a
    folder read as the batch CLI reads it (``.txt``, ``.jsonl``, ``.csv``; folders recursively),
    and its documents carry ``source``. Only a bounded window of texts is in flight.

    ``errors="raise"`` raises :class:`~arextract.ArextractError` for an input that cannot be
    read or processed; ``errors="skip"`` leaves it out.
    """
    if errors not in ("raise", "skip"):
        raise InputError(f"errors must be 'raise' or 'skip', got {errors!r}")
    default_date = parse_date(doc_date)
    default_date_text = default_date.isoformat() if default_date else None

    def tasks() -> Iterator[Task]:
        for value in texts_or_paths:
            if isinstance(value, str):
                yield ("", value, None, None, None)
            elif isinstance(value, os.PathLike):
                for item in iter_items([value]):
                    yield (item.source, item.text, item.doc_date, item.error, item.reason)
            else:
                raise TypeError(f"extract_many expects str texts or paths, got {type(value).__name__}")

    with make_engine("local", workers, backend, default_date_text) as runner:
        for results in runner.map(chunked(tasks()), as_documents=True):
            for result in results:
                if result.doc is None:
                    if errors == "raise":
                        error = result.error or {}
                        raise ArextractError(f"{result.source or '<text>'}: {error.get('error')}: "
                                             f"{error.get('reason')}")
                    continue
                yield result.doc
