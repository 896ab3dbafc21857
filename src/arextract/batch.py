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
  ``errors.jsonl`` holds the failures of the last pass. An input edited since (same source,
  new text) replaces its old document; a committed file cut short keeps its complete lines.
* **Safety.** Inputs are read by :mod:`arextract.inputs` (regular files only; sources always
  printable). An input that is one of the outputs is refused before anything is written; the
  output folder is locked for the run; CSV cells that a spreadsheet would run as a formula are
  neutralised; a per-document time limit turns a stalled document into an error record; pool
  workers exit when the main process dies.
"""

from __future__ import annotations

import contextlib
import csv
import ctypes
import dataclasses
import functools
import io
import json
import os
import shutil
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from arextract.errors import ArextractError, DocumentTimeout, EngineError, InputError, OutputError
from arextract.inputs import (
    INPUT_SUFFIXES,
    DecodeError,
    Item,
    content_hash,
    count_items,
    decode_bytes,
    find_output_inputs,
    iter_items,
    iter_paths,
    plausible_text,
    printable_source,
)
from arextract.link import EntityRow, EntityTable
from arextract.pipeline import DEFAULT_BACKEND, Pipeline, parse_date
from arextract.schema import Document, Entity, Interval
from arextract.sqlite_out import SQLITE_NAME, write_sqlite

__all__ = [
    "ENGINES", "ENTITY_COLUMNS", "FORMATS", "INPUT_SUFFIXES", "PARTS_DIR", "RELATION_COLUMNS", "BatchResult",
    "DecodeError", "Item", "OutputStore", "content_hash", "count_items", "decode_bytes", "extract_many",
    "iter_items", "iter_paths", "plausible_text", "printable_source", "relation_rows", "run_batch",
]

ENTITY_COLUMNS = ["canonical", "type", "subtype", "kb_id", "name_en", "aliases", "mentions", "documents"]
RELATION_COLUMNS = [
    "source", "relation_id", "type", "arguments", "date", "trigger", "evidence", "confidence",
]
ENGINES = ("local", "dask")
FORMATS = ("jsonl", "parquet", "sqlite")
PARTS_DIR = ".arextract-parts"
PARQUET_HINT = 'pip install "arextract[parquet]"'
DASK_HINT = 'pip install "arextract[dask]"'

# A chunk (one task for a worker) holds up to CHUNK_ITEMS texts or CHUNK_CHARS characters.
CHUNK_ITEMS = 16
CHUNK_CHARS = 200_000
# -j is capped here: each worker holds the models (~160 MB), and more processes than cores only
# add memory and switching.
MAX_WORKERS = max(1, min(64, 4 * (os.cpu_count() or 1)))
# A part is committed after PART_RECORDS records, PART_BYTES of documents or PART_SECONDS seconds.
PART_RECORDS = 256
PART_BYTES = 16 * 2**20
PART_SECONDS = 5.0


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


def _init_worker(parent: int) -> None:
    """A pool worker exits when its parent dies, whatever killed it (``kill -9`` included):
    Linux delivers SIGTERM on the parent's death (``PR_SET_PDEATHSIG``), and a watchdog thread
    notices a new parent elsewhere. Without this an orphan sits blocked on its task pipe."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="arextract-parent-watch", daemon=True).start()


class _Expired(BaseException):
    """Raised asynchronously in a thread whose document ran past its time limit. A
    BaseException, so the pipeline's own ``except Exception`` cannot swallow it."""


def run_with_timeout(run: Callable[[], Document], seconds: float | None) -> Document:
    """``run()``, or :class:`DocumentTimeout` once it has taken ``seconds``.

    A timer thread raises :class:`_Expired` in the running thread (``PyThreadState_SetAsyncExc``),
    which works in the main thread, in pool workers and in Dask's worker threads alike. The
    exception lands at the next Python bytecode, so a single C call (one regex over a huge
    string) finishes first; every stage is near-linear, so such calls are short.
    """
    if not seconds:
        return run()
    target = threading.get_ident()
    lock = threading.Lock()
    finished = False

    def expire() -> None:
        with lock:
            if not finished:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(_Expired))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        doc = run()
        with lock:
            finished = True
        return doc
    except _Expired:
        raise DocumentTimeout(f"took longer than the time limit of {seconds:g} s; skipped") from None
    finally:
        timer.cancel()
        with lock:
            finished = True


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
                  as_documents: bool = False, timeout: float | None = None) -> list[Result]:
    """Run this process's pipeline over a chunk of texts; every failure becomes an error record.

    A result carries the Document JSON, its relation rows and entities (for the batch writer),
    or with ``as_documents`` the Document itself (for :func:`extract_many`). A document that
    runs past ``timeout`` seconds becomes a :class:`DocumentTimeout` record.
    """
    pipeline = get_pipeline(backend)
    results: list[Result] = []
    for source, text, doc_date, error_name, reason in tasks:
        if text is None:
            results.append(Result(source, None, error=error_record(source, error_name or "Error", reason)))
            continue
        digest = content_hash(text)
        try:
            doc = run_with_timeout(
                functools.partial(pipeline, text, doc_date=doc_date or default_date, source=source or None),
                timeout)
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


@dataclass(frozen=True)
class Job:
    """What every chunk of a run is processed with."""

    backend: str | None = None
    default_date: str | None = None
    timeout: float | None = None  # seconds per document

    def process(self, chunk: Chunk, as_documents: bool = False) -> list[Result]:
        return process_chunk(chunk, self.backend, self.default_date, as_documents, self.timeout)


class Engine:
    """Runs chunks and yields their results in submission order."""

    workers = 1

    def map(self, chunks: Iterable[Chunk], as_documents: bool = False) -> Iterator[list[Result]]:
        raise NotImplementedError

    def close(self, abort: bool = False) -> None:
        """Release the workers; ``abort`` (after an error or a signal) does not wait for them."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.close(abort=kind is not None)


class InProcessEngine(Engine):
    def __init__(self, job: Job) -> None:
        self.job = job
        get_pipeline(job.backend)

    def map(self, chunks: Iterable[Chunk], as_documents: bool = False) -> Iterator[list[Result]]:
        for chunk in chunks:
            yield self.job.process(chunk, as_documents)


class ProcessEngine(Engine):
    """A pool of ``workers`` processes (spawned), each loading the pipeline once at start and
    exiting when this process dies (:func:`_init_worker`)."""

    def __init__(self, workers: int, job: Job) -> None:
        import multiprocessing

        self.workers, self.job = workers, job
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_init_worker, initargs=(os.getpid(),))
        # Load the models in every worker now (and surface a bad backend with its own error).
        try:
            for warm in [self.pool.submit(_warm_worker, job.backend) for _ in range(workers)]:
                warm.result()
        except BaseException:
            self.close(abort=True)
            raise

    def map(self, chunks: Iterable[Chunk], as_documents: bool = False) -> Iterator[list[Result]]:
        def submit(chunk: Chunk) -> Future[list[Result]]:
            return self.pool.submit(self.job.process, chunk, as_documents)

        return _ordered(submit, lambda future: future.result(), chunks, self.workers * 4)

    def close(self, abort: bool = False) -> None:
        if abort:  # Ctrl-C, SIGTERM or an error: do not wait for chunks in progress
            for process in list(getattr(self.pool, "_processes", {}).values()):
                with contextlib.suppress(OSError):
                    process.terminate()
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine(Engine):
    """dask.distributed: a LocalCluster of ``workers`` processes, or the scheduler at ``address``.

    Texts travel with the tasks, so workers need arextract installed but not the input files.
    Each worker process keeps its pipeline in :data:`_PIPELINES` across tasks. The local
    cluster listens on 127.0.0.1 only, with no dashboard (its HTTP server on a random port).
    """

    def __init__(self, workers: int, job: Job, scheduler: str | None = None,
                 connect_timeout: float = 10.0) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as error:
            raise ArextractError(f"--engine dask needs dask.distributed: {DASK_HINT}") from error
        self.job = job
        self.cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout=f"{connect_timeout}s")
            except (OSError, TimeoutError, ValueError, TypeError) as error:
                raise EngineError(f"cannot reach the Dask scheduler {scheduler!r} within "
                                  f"{connect_timeout:g} s: {error}") from error
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        host="127.0.0.1", dashboard_address=None,
                                        scheduler_kwargs={"dashboard": False,
                                                          "dashboard_address": "127.0.0.1:0"})
            self.client = Client(self.cluster)
        self.workers = max(sum(self.client.nthreads().values()), 1)

    def map(self, chunks: Iterable[Chunk], as_documents: bool = False) -> Iterator[list[Result]]:
        def submit(chunk: Chunk) -> Any:
            return self.client.submit(self.job.process, chunk, as_documents, pure=False)

        def result(future: Any) -> list[Result]:
            value: list[Result] = future.result()
            future.release()
            return value

        return _ordered(submit, result, chunks, self.workers * 4)

    def close(self, abort: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def capped_workers(workers: int) -> int:
    """``workers`` within 1..:data:`MAX_WORKERS` (a note on stderr when it had to be lowered)."""
    if workers > MAX_WORKERS:
        print(f"arextract: -j {workers} lowered to {MAX_WORKERS} (4 per core, at most 64)", file=sys.stderr)
    return max(1, min(workers, MAX_WORKERS))


def make_engine(engine: str, workers: int, job: Job, scheduler: str | None = None) -> Engine:
    if engine == "dask":
        return DaskEngine(capped_workers(workers), job, scheduler)
    if engine != "local":
        raise InputError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    workers = capped_workers(workers)
    if workers <= 1:
        return InProcessEngine(job)
    return ProcessEngine(workers, job)


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


def _csv_bytes(rows: Iterable[dict[str, object]], columns: list[str], header: bool) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator="\r\n")
    if header:
        writer.writeheader()
    writer.writerows({key: neutralise_cell(value) for key, value in row.items()} for row in rows)
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
LOCK_FILE = ".arextract.lock"
# Every name a run may write in OUTDIR (inputs with these names there are refused).
OUTPUT_NAMES = FINAL_FILES + PARQUET_FILES + (SQLITE_NAME, LOCK_FILE)


def lock_output(output: Path) -> int | None:
    """Create ``output`` if needed and lock it for this run (an exclusive ``flock`` on
    ``OUTDIR/.arextract.lock``, released when the run ends or its process dies), so two runs
    never write one folder. :class:`OutputError` when it is not a writable folder or is locked."""
    try:
        output.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"the output {output} exists and is not a folder; choose another -o") from None
    except OSError as error:
        raise OutputError(f"cannot create the output folder {output}: {error.strerror or error}") from None
    if not output.is_dir():
        raise OutputError(f"the output {output} is not a folder; choose another -o")
    try:
        handle = os.open(output / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise OutputError(f"cannot write in the output folder {output}: {error.strerror or error}") from None
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory locks, no protection
        return handle
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(handle)
        raise OutputError(f"another arextract run is writing {output}; wait for it to end "
                          "or choose another -o") from None
    return handle


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
        self.sources: dict[str, str] = {}  # committed document source -> its text's hash
        self.superseded: set[str] = set()  # sources whose input changed since they were committed
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
        for name in FINAL_FILES + PARQUET_FILES:  # killed during the first phase or a write
            for suffix in (".new", ".new.tmp", ".tmp", ".rebased", ".rebased.tmp"):
                (self.output / f"{name}{suffix}").unlink(missing_ok=True)
        for leftover in self.output.glob(f".{SQLITE_NAME}.*.tmp"):  # a database killed mid-write
            leftover.unlink(missing_ok=True)

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
        """Count a committed documents file into the resume state, the totals and the entity
        table. A file cut short (``kill -9`` while an older version wrote it, a full disk)
        keeps its complete lines: the file is rewritten without the broken ones."""
        good: list[bytes] = []
        broken = 0
        with path.open("rb") as handle:
            for line in handle:
                try:
                    if not line.endswith(b"\n"):
                        raise ValueError("an incomplete last line")
                    record = json.loads(line)
                    entities = [Entity.model_validate(entity) for entity in record.get("entities", [])]
                except ValueError:
                    broken += 1
                    continue
                good.append(line)
                digest = content_hash(record["text"])
                self.done[digest] += 1
                if record.get("source"):
                    self.sources[record["source"]] = digest
                self._count(entities, len(record.get("relations", [])))
        if broken:
            _atomic_write(path, lambda handle: handle.writelines(good))
            print(f"arextract: {path}: dropped {broken} incomplete or malformed line(s); "
                  "their inputs are processed again", file=sys.stderr)

    def supersede(self, source: str, digest: str | None) -> None:
        """An input was edited since its document was committed (same source, new text): the
        old document is dropped at :meth:`finish`, the new one processed."""
        if digest is not None and self.sources.get(source, digest) != digest:
            self.superseded.add(source)

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
            self._count(result.entities, len(result.relations))
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
        if self.superseded:
            parts = self._drop_superseded(new_parts)
            summary.update(documents=self.totals.documents, entities=len(self.table),
                           entity_mentions=self.totals.entity_mentions, relations=self.totals.relations)

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
            if self.base is not None and self.base_relations.exists():
                copy(self.base_relations, handle, skip_header=True)
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
        self.table, self.totals = EntityTable(), dataclasses.replace(self.totals, documents=0,
                                                                       entity_mentions=0, relations=0)
        old_files = self._document_files(self.old_parts)

        def documents(handle: io.BufferedWriter) -> None:
            with base_relations.open("wb") as relations:
                relations.write(_csv_bytes([], RELATION_COLUMNS, header=True))
                for path in old_files:
                    with path.open("rb") as source:
                        for line in source:
                            doc = Document.model_validate_json(line)
                            if doc.source in self.superseded:
                                continue
                            handle.write(line)
                            relations.write(_csv_bytes(relation_rows(doc), RELATION_COLUMNS, False))
                            self._count(doc.entities, len(doc.relations))
                relations.flush()
                os.fsync(relations.fileno())

        _atomic_write(base, documents)
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


def entity_rows(rows: list[EntityRow]) -> Iterator[dict[str, object]]:
    for row in rows:
        yield {
            "canonical": row.canonical, "type": row.type.value, "subtype": row.subtype or "",
            "kb_id": row.kb_id or "", "name_en": row.name_en or "", "aliases": "|".join(row.aliases),
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
                {c: int(r[c]) if c in ints else float(r[c]) if c in floats else restore_cell(r[c])
                 for c in columns}
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
    timeout: float | None = None,
    follow_symlinks: bool = False,
) -> BatchResult:
    """Process every input into ``output`` (see the module docstring); return the totals.

    ``progress=None`` shows a progress bar only when stderr is a terminal. ``timeout`` limits
    the seconds spent on one document (it becomes a ``DocumentTimeout`` line in errors.jsonl).
    ``follow_symlinks`` lets folder scans follow links that leave the folder.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        require_pyarrow()
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if timeout is not None and timeout <= 0:
        raise InputError(f"the time limit must be a positive number of seconds, got {timeout}")
    default_date = parse_date(doc_date)
    job = Job(backend, default_date.isoformat() if default_date else None, timeout)
    started = time.perf_counter()
    out = Path(output)
    collision = find_output_inputs(inputs, out, OUTPUT_NAMES)
    if collision:
        raise OutputError(collision + "; nothing was read or written")
    check_output(out)
    if progress is None:
        progress = sys.stderr.isatty()
    skipped = 0
    # The engine before the store: a bad backend or scheduler fails before the folder is touched.
    with make_engine(engine, workers, job, scheduler) as runner:
        store = OutputStore(out, resume=resume)
        bar = _progress(count_items(inputs, out, follow_symlinks) if progress else None, progress)

        def tasks() -> Iterator[Task]:
            nonlocal skipped
            for item in iter_items(inputs, out, follow_symlinks):
                if item.text is not None and store.sources:
                    store.supersede(item.source, item.digest)
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
            store.close()
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
    try:
        store.finish(summary, fmt)
    finally:
        store.close()
    return BatchResult(**{**dataclasses.asdict(store.totals), "skipped": skipped}, seconds=seconds,
                       backend=backend_name, entity_table=store.table, summary=summary)


def check_output(output: Path) -> None:
    """:class:`OutputError` now, before any model loads, when ``output`` cannot be the output
    folder: an existing file, or a place where no folder can be created or written."""
    if output.exists() and not output.is_dir():
        raise OutputError(f"the output {output} exists and is not a folder; choose another -o")
    existing = output
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write the output folder {output}: {existing} is not writable")


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
    job = Job(backend, default_date.isoformat() if default_date else None)

    def tasks() -> Iterator[Task]:
        for value in texts_or_paths:
            if isinstance(value, str):
                yield ("", value, None, None, None)
            elif isinstance(value, os.PathLike):
                for item in iter_items([value]):
                    yield (item.source, item.text, item.doc_date, item.error, item.reason)
            else:
                raise TypeError(f"extract_many expects str texts or paths, got {type(value).__name__}")

    with make_engine("local", workers, job) as runner:
        for results in runner.map(chunked(tasks()), as_documents=True):
            for result in results:
                if result.doc is None:
                    if errors == "raise":
                        error = result.error or {}
                        raise ArextractError(f"{result.source or '<text>'}: {error.get('error')}: "
                                             f"{error.get('reason')}")
                    continue
                yield result.doc
