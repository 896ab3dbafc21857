"""Reading a batch's output back: the Documents of ``documents.jsonl``, one line at a time
(what the export, graph and SQLite tools read)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from arextract.errors import InputError
from arextract.schema import Document

__all__ = ["read_documents"]


def read_documents(path: str | os.PathLike[str]) -> Iterator[Document]:
    """The :class:`~arextract.schema.Document` s of a ``documents.jsonl`` (or of ``OUTDIR``'s),
    one line at a time: what the export, graph and SQLite tools read back. An unreadable file
    or a line that is not a Document raises :class:`~arextract.errors.InputError` naming it."""
    path = Path(path)
    path = path if path.suffix == ".jsonl" and not path.is_dir() else path / "documents.jsonl"
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        raise InputError(
            f"cannot read {path}: {error.strerror or error}; run `python -m arextract INPUT -o OUTDIR` first"
        ) from None
    with handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield Document.model_validate_json(line)
                except ValueError as error:
                    raise InputError(f"{path}:{number}: not an arextract Document: {error}") from error
