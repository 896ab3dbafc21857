"""One chunk of texts in a worker: this process's pipeline, a time limit per document, and a
:class:`Result` per text (a document or an error record), whatever the engine.

Models load once per worker: a worker process builds its :class:`Pipeline` on first use (process
pools build it in their initializer) and keeps it in :data:`_PIPELINES` for every later chunk;
dask workers are processes too, so the same cache serves them.
"""

from __future__ import annotations

import ctypes
import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from arextract.batch.tables import relation_rows
from arextract.errors import DocumentTimeout
from arextract.pipeline import Pipeline
from arextract.schema import Document, Entity

__all__ = [
    "Chunk",
    "Job",
    "Result",
    "Task",
    "error_record",
    "get_pipeline",
    "process_chunk",
    "run_with_timeout",
]

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
    document: str | None = None  # Document JSON
    relations: list[dict[str, object]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    error: dict[str, str] | None = None
    doc: Document | None = None


# (source, text, doc_date, error, reason): an item that could not be read has text None and
# travels with the others, so its error record keeps its place in the output order.
Task = tuple[str, str | None, str | None, str | None, str | None]
Chunk = list[Task]  # one task for a worker


def process_chunk(
    tasks: list[Task],
    backend: str | None,
    default_date: str | None,
    as_documents: bool = False,
    timeout: float | None = None,
) -> list[Result]:
    """Run this process's pipeline over a chunk of texts; every failure becomes an error record.

    A result carries the Document JSON, its relation rows and entities (for the batch writer),
    or with ``as_documents`` the Document itself (for :func:`extract_many`). A document that
    runs past ``timeout`` seconds becomes a :class:`DocumentTimeout` record.
    """
    pipeline = get_pipeline(backend)
    results: list[Result] = []
    for source, text, doc_date, error_name, reason in tasks:
        if text is None:
            results.append(Result(source, error=error_record(source, error_name or "Error", reason)))
            continue
        try:
            doc = run_with_timeout(
                functools.partial(pipeline, text, doc_date=doc_date or default_date, source=source or None),
                timeout,
            )
            if as_documents:
                results.append(Result(source, doc=doc))
                continue
            line = doc.model_dump_json()
        except Exception as error:  # one bad input must not stop a batch
            results.append(Result(source, error=error_record(source, error)))
            continue
        results.append(Result(source, line, list(relation_rows(doc)), doc.entities))
    return results


def error_record(source: str, error: BaseException | str, reason: str | None = None) -> dict[str, str]:
    name = error if isinstance(error, str) else type(error).__name__
    text = reason if reason is not None else str(error) or repr(error)
    return {"source": source, "error": name, "reason": text}


@dataclass(frozen=True)
class Job:
    """What every chunk of a run is processed with."""

    backend: str | None = None
    default_date: str | None = None
    timeout: float | None = None  # seconds per document

    def process(self, chunk: Chunk, as_documents: bool = False) -> list[Result]:
        return process_chunk(chunk, self.backend, self.default_date, as_documents, self.timeout)
