"""Engines: ordered, bounded execution of chunks, in this process, in a pool of worker
processes, or on dask.distributed.

**Order is deterministic.** Chunks are submitted in input order and their results are taken in
that same order from a bounded window of futures, so the outputs do not depend on which worker
finished first, nor on the number of workers or the engine. Pool workers exit when the main
process dies.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from arextract.batch.job import Chunk, Job, Result, Task, get_pipeline
from arextract.errors import ArextractError, EngineError, InputError

__all__ = [
    "ENGINES",
    "MAX_WORKERS",
    "Chunk",
    "DaskEngine",
    "Engine",
    "InProcessEngine",
    "ProcessEngine",
    "capped_workers",
    "chunked",
    "make_engine",
]

ENGINES = ("local", "dask")
DASK_HINT = 'pip install "arextract[dask]"'

# A chunk (one task for a worker) holds up to CHUNK_ITEMS texts or CHUNK_CHARS characters.
CHUNK_ITEMS = 16
CHUNK_CHARS = 200_000
# -j is capped here: each worker holds the models (~160 MB), and more processes than cores only
# add memory and switching.
MAX_WORKERS = max(1, min(64, 4 * (os.cpu_count() or 1)))
# How long an aborted pool may take to stop its workers, then its own threads.
ABORT_GRACE_SECONDS = 5.0


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


def _ordered(
    submit: Callable[[Chunk], Any],
    result: Callable[[Any], list[Result]],
    chunks: Iterable[Chunk],
    window: int,
) -> Iterator[list[Result]]:
    """Submit chunks keeping at most ``window`` in flight; yield their results in order."""
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


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
        self.pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(os.getpid(),),
        )
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
        if not abort:
            self.pool.shutdown(wait=True, cancel_futures=True)
            return
        # Ctrl-C, SIGTERM or an error: do not wait for chunks in progress. Every wait is
        # bounded: the signal may have landed inside the executor's own bookkeeping, and an
        # unbounded shutdown(wait=True) then hung once in about twenty runs (a worker kept
        # the caller's pipes open, and the batch never exited).
        processes = list((getattr(self.pool, "_processes", None) or {}).values())
        for process in processes:
            with contextlib.suppress(OSError):
                process.terminate()
        deadline = time.monotonic() + ABORT_GRACE_SECONDS
        for process in processes:
            process.join(max(deadline - time.monotonic(), 0.1))
            if process.is_alive():
                with contextlib.suppress(OSError):
                    process.kill()
                process.join(1.0)
        closer = threading.Thread(
            target=self.pool.shutdown,
            kwargs={"wait": True, "cancel_futures": True},
            name="arextract-pool-shutdown",
            daemon=True,
        )
        closer.start()
        closer.join(ABORT_GRACE_SECONDS)


class DaskEngine(Engine):
    """dask.distributed: a LocalCluster of ``workers`` processes, or the scheduler at ``address``.

    Texts travel with the tasks, so workers need arextract installed but not the input files.
    Each worker process keeps its pipeline in :data:`_PIPELINES` across tasks. The local
    cluster listens on 127.0.0.1 only, with no dashboard (its HTTP server on a random port).
    """

    def __init__(
        self, workers: int, job: Job, scheduler: str | None = None, connect_timeout: float = 10.0
    ) -> None:
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
                raise EngineError(
                    f"cannot reach the Dask scheduler {scheduler!r} within {connect_timeout:g} s: {error}"
                ) from error
        else:
            self.cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
            )
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
