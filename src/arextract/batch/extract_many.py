"""``arextract.extract_many``: the batch machinery as a Python iterator of Documents."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import date

from arextract.batch.engines import chunked, make_engine
from arextract.batch.inputs import iter_items
from arextract.batch.job import Job, Task
from arextract.errors import ArextractError, InputError
from arextract.pipeline import parse_date
from arextract.schema import Document

__all__ = ["extract_many"]


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
                        raise ArextractError(
                            f"{result.source or '<text>'}: {error.get('error')}: {error.get('reason')}"
                        )
                    continue
                yield result.doc
