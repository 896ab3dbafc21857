"""Files that appear whole or not at all.

Every output arextract writes (batch files, SQLite, Parquet, graphs, annotation exports) goes
to a temporary name beside its target (same file system, so the rename is atomic) and is
renamed over the target only once complete: a crash or a full disk leaves the old file or
none, never half of one.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_write", "replaced_when_done"]


@contextmanager
def replaced_when_done(path: Path) -> Iterator[Path]:
    """Yield ``PATH.tmp`` to write; when the block ends without error, fsync it and rename it
    over ``path``. Whatever happens, no temporary file is left behind."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.unlink(missing_ok=True)
    try:
        yield temporary
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def atomic_write(path: Path, write: Callable[[io.BufferedWriter], object]) -> None:
    """Write ``path`` through ``write(binary handle)``, whole or not at all."""
    with replaced_when_done(path) as temporary, temporary.open("wb") as handle:
        write(handle)
