"""The output folder: the names a run writes there and its lock (one run per folder)."""

from __future__ import annotations

import os
from pathlib import Path

from arextract.batch.parquet import PARQUET_FILES
from arextract.batch.sqlite import SQLITE_NAME
from arextract.errors import OutputError

__all__ = ["FINAL_FILES", "LOCK_FILE", "OUTPUT_NAMES", "check_output", "lock_output"]

FINAL_FILES = ("documents.jsonl", "relations.csv", "errors.jsonl", "entities.csv", "summary.json")
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
        raise OutputError(
            f"another arextract run is writing {output}; wait for it to end or choose another -o"
        ) from None
    return handle


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
