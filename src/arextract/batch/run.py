"""``python -m arextract INPUT... -o OUTDIR``: a batch run, from inputs to the final files
(see the package's docstring for the flow)."""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from arextract.batch.engines import ENGINES, Engine, chunked, make_engine
from arextract.batch.files import find_output_inputs
from arextract.batch.folder import OUTPUT_NAMES, check_output
from arextract.batch.inputs import count_items, iter_items
from arextract.batch.job import Job, Task
from arextract.batch.outputs import OutputStore, Totals
from arextract.batch.parquet import require_pyarrow
from arextract.errors import InputError, OutputError
from arextract.link import EntityTable
from arextract.pipeline import DEFAULT_BACKEND, parse_date

__all__ = ["FORMATS", "BatchResult", "run_batch"]

FORMATS = ("jsonl", "parquet", "sqlite")


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
    return tqdm(
        total=total,
        unit="doc",
        file=sys.stderr,
        dynamic_ncols=sized,
        ncols=None if sized else 100,
        nrows=None if sized else 24,
        smoothing=0.1,
        desc="arextract",
    )


def _check_options(fmt: str, engine: str, timeout: float | None) -> None:
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        require_pyarrow()
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if timeout is not None and timeout <= 0:
        raise InputError(f"the time limit must be a positive number of seconds, got {timeout}")


def _store_results(runner: Engine, tasks: Iterator[Task], store: OutputStore, bar: Any) -> None:
    """Run the tasks and stream their results, in order, into the store; after an error or an
    interruption, drop the open part (the committed ones stay) and release the folder."""
    try:
        for results in runner.map(chunked(tasks)):
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
    """Process every input into ``output`` (see :mod:`arextract.batch`); return the totals.

    ``progress=None`` shows a progress bar only when stderr is a terminal. ``timeout`` limits
    the seconds spent on one document (it becomes a ``DocumentTimeout`` line in errors.jsonl).
    ``follow_symlinks`` lets folder scans follow links that leave the folder.
    """
    _check_options(fmt, engine, timeout)
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
        committed = store.resume

        def tasks() -> Iterator[Task]:
            nonlocal skipped
            for item in iter_items(inputs, out, follow_symlinks):
                # hashed only on a resumed run, and once (supersede and is_done both need it)
                digest = item.digest if committed.sources or committed.done else None
                if digest is not None and committed.sources:
                    committed.supersede(item.source, digest)
                if digest is not None and committed.done and committed.is_done(digest):
                    skipped += 1
                    if bar is not None:
                        bar.update(1)
                    continue
                yield (item.source, item.text, item.doc_date, item.error, item.reason)

        _store_results(runner, tasks(), store, bar)
    seconds = time.perf_counter() - started
    totals = store.totals
    backend_name = backend or DEFAULT_BACKEND
    summary: dict[str, object] = {
        "documents": totals.documents,
        "errors": totals.errors,
        "skipped": skipped,
        "entity_mentions": totals.entity_mentions,
        "entities": len(store.table),
        "relations": totals.relations,
        "seconds": round(seconds, 3),
        "backend": backend_name,
        "engine": engine,
        "workers": runner.workers,
        "format": fmt,
    }
    try:
        store.finish(summary, fmt)
    finally:
        store.close()
    return BatchResult(
        **{**dataclasses.asdict(store.totals), "skipped": skipped},
        seconds=seconds,
        backend=backend_name,
        entity_table=store.table,
        summary=summary,
    )
