"""Which files are inputs: files named, folders scanned, globs expanded, and what cannot be read.

* **Only regular files are read.** A FIFO, socket or device (named, globbed or found in a
  folder) would block or never end; a broken symlink or a symlink loop cannot be read. Each is
  returned with its problem (and recorded in errors.jsonl), never silently skipped. Folder scans
  do not follow a symlink that leads outside the scanned folder (``leak/passwd.txt ->
  /etc/passwd``) unless ``follow_symlinks=True``.
* **Sources are printable.** A file name in Windows-1256 bytes (a zip made on Windows:
  ``b'\\xce\\xc8\\xd1.txt'``) decodes to lone surrogates under :func:`os.fsdecode`; such a
  source is stored with the undecodable bytes as ``\\xNN`` escapes (:func:`printable_source`),
  so it can always be written as UTF-8 JSON or CSV and the original bytes recovered.
* **Inputs are never outputs.** :func:`find_output_inputs` refuses an input that a run would
  overwrite or delete.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "INPUT_SUFFIXES",
    "SKIPPED",
    "Found",
    "find_output_inputs",
    "iter_paths",
    "printable_source",
    "regular_file_problem",
    "scan_folder",
]

INPUT_SUFFIXES = (".txt", ".jsonl", ".csv")


def printable_source(source: str) -> str:
    """``source`` with lone surrogates written as ``\\xNN`` escapes of their bytes.

    ``os.fsdecode(b'fn/\\xce\\xc8\\xd1.txt')`` is ``'fn/\\udcce\\udcc8\\udcd1.txt'``, which no
    UTF-8 writer accepts; it becomes ``'fn/\\\\xce\\\\xc8\\\\xd1.txt'``, printable and still
    telling the exact bytes. A source without surrogates is returned unchanged.
    """
    if not any("\ud800" <= char <= "\udfff" for char in source):
        return source
    try:
        raw = source.encode("utf-8", "surrogateescape")  # bytes os.fsdecode could not decode
    except UnicodeEncodeError:
        raw = source.encode("utf-8", "surrogatepass")  # any other lone surrogate (a JSON id "\udc80")
    return raw.decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class Found:
    """A path to read, or one that cannot be read with the reason (``problem``)."""

    path: Path
    problem: str | None = None


SKIPPED = "SkippedInput"  # the error name of an input that is not read (FIFO, loop, outside link)


def regular_file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as a regular file, or None when it can.

    ``os.stat`` never opens the file, so a FIFO is recognised without blocking on it.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "broken symbolic link" if os.path.islink(path) else "no such file or folder"
    except OSError as error:  # ELOOP: a symlink loop; EACCES on a parent folder
        return f"cannot be read: {error.strerror or error}"
    if stat.S_ISREG(mode):
        return None
    kind = (
        "a FIFO"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a folder"
        if stat.S_ISDIR(mode)
        else "not a file"
    )
    return f"not a regular file ({kind}); skipped"


def _under(path: Path, folder: Path | None) -> bool:
    return folder is not None and (path == folder or path.is_relative_to(folder))


def scan_folder(root: Path, exclude: Path | None = None, follow_symlinks: bool = False) -> list[Found]:
    """Every input file under ``root`` (recursively, sorted by path), and what cannot be read.

    Files with an input suffix are taken when they are regular files; FIFOs, sockets and
    devices with such a name, broken symlinks, symlink loops and unreadable folders are
    returned with their problem. A symlink whose target lies outside ``root`` is not followed
    (and is reported) unless ``follow_symlinks``; a folder reached twice (a link to a parent)
    is read once. ``exclude`` (the output folder) is never entered. One ``scandir`` per folder:
    linear in the number of entries.
    """
    root_real = root.resolve()
    visited = {root_real}
    found: list[Found] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as error:
            found.append(Found(folder, f"folder cannot be listed: {error.strerror or error}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            wanted = path.suffix.lower() in INPUT_SUFFIXES
            if entry.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError) as error:  # RuntimeError: a loop on Python 3.11
                    loop = isinstance(error, RuntimeError) or getattr(error, "errno", None) == 40
                    found.append(
                        Found(
                            path, "symbolic link loop; skipped" if loop else "broken symbolic link; skipped"
                        )
                    )
                    continue
                if _under(target, exclude):
                    continue
                outside = not _under(target, root_real)
                if target.is_dir():
                    if outside and not follow_symlinks:
                        found.append(
                            Found(
                                path,
                                "symbolic link to a folder outside the scanned folder; "
                                "not followed (use --follow-symlinks)",
                            )
                        )
                    elif target not in visited:
                        visited.add(target)
                        folders.append(path)
                    continue
                if not wanted:
                    continue
                if outside and not follow_symlinks:
                    found.append(
                        Found(
                            path,
                            "symbolic link to a file outside the scanned folder; "
                            "not followed (use --follow-symlinks)",
                        )
                    )
                    continue
                found.append(Found(path, regular_file_problem(path)))
            elif entry.is_dir(follow_symlinks=False):
                real = path.resolve()
                if not _under(real, exclude) and real not in visited:
                    visited.add(real)
                    folders.append(path)
            elif wanted and not _under(path.resolve(), exclude):
                found.append(Found(path, regular_file_problem(path)))
    return sorted(found, key=lambda item: item.path)


def iter_paths(
    inputs: Sequence[str | os.PathLike[str]], exclude: Path | None = None, follow_symlinks: bool = False
) -> Iterator[Found]:
    """Files named, found in folders (recursively, sorted) or matched by globs, in order.

    A folder contributes its ``.txt``, ``.jsonl`` and ``.csv`` files (:func:`scan_folder`); a
    named file is read whatever its suffix (as text unless it ends in ``.jsonl`` or ``.csv``);
    a name that is neither a file nor a folder but contains ``* ? [`` is a glob (``**``
    recursive; a file reached twice through a symlinked folder is read once). Whatever cannot
    be read comes with its ``problem``. Files under ``exclude`` (the output folder) are left
    out of folder scans and globs.
    """
    skip = exclude.resolve() if exclude is not None else None
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            yield from scan_folder(path, skip, follow_symlinks)
        elif os.path.lexists(path) or not glob.has_magic(str(name)):
            yield Found(path, regular_file_problem(path))
        else:
            yield from _glob(str(name), skip, follow_symlinks)


def _glob(pattern: str, skip: Path | None, follow_symlinks: bool) -> Iterator[Found]:
    try:
        matches = sorted(glob.glob(pattern, recursive=True))
    except (OSError, RuntimeError, RecursionError) as error:
        yield Found(Path(pattern), f"the pattern could not be expanded: {error}")
        return
    if not matches:
        yield Found(Path(pattern), "no file matches this pattern")
    seen: set[Path] = set()
    for match in matches:
        found = Path(match)
        try:
            real = found.resolve()
        except (OSError, RuntimeError):
            yield Found(found, "symbolic link loop; skipped")
            continue
        if real in seen or _under(real, skip):
            continue
        seen.add(real)
        if found.is_dir():
            yield from scan_folder(found, skip, follow_symlinks)
        else:
            yield Found(found, regular_file_problem(found))


def find_output_inputs(
    inputs: Sequence[str | os.PathLike[str]], output: Path, output_names: Sequence[str]
) -> str | None:
    """Why ``inputs`` and ``output`` collide, or None: a run must never delete or overwrite an
    input. An input that is one of the output files (``news/documents.jsonl`` with ``-o news``)
    or a folder that is the output folder or inside it is refused."""
    out = output.resolve()
    outputs = {out / name for name in output_names}
    for name in inputs:
        path = Path(name)
        if not os.path.lexists(path):
            continue
        real = path.resolve()
        if real in outputs:
            return f"the input {printable_source(str(name))} is one of the outputs written to {output}"
        if real.is_dir() and _under(real, out):
            return (
                f"the input folder {printable_source(str(name))} is the output folder {output} "
                "or inside it; choose another -o"
            )
    return None
