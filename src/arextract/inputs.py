"""Reading batch inputs: files, folders and globs; encodings; one :class:`Item` per text.

What can go wrong with an input never stops a batch: it becomes an :class:`Item` with an
``error`` and a ``reason``, written to ``errors.jsonl`` in its place in the input order.

* **Encodings.** UTF-8 (with or without BOM) and BOM-marked UTF-16/UTF-32 are read strictly;
  anything else is sniffed among the Arabic legacy encodings (:func:`decode_bytes`). ``.txt``,
  ``.jsonl`` and ``.csv`` inputs all go through the same detection.
* **Sources are printable.** A file name in Windows-1256 bytes (a zip made on Windows:
  ``b'\\xce\\xc8\\xd1.txt'``) decodes to lone surrogates under :func:`os.fsdecode`; such a
  source is stored with the undecodable bytes as ``\\xNN`` escapes (:func:`printable_source`),
  so it can always be written as UTF-8 JSON or CSV and the original bytes recovered.
* **Only regular files are read.** A FIFO, socket or device (named, globbed or found in a
  folder) would block or never end; a broken symlink or a symlink loop cannot be read. Each is
  recorded, never silently skipped. Folder scans do not follow a symlink that leads outside the
  scanned folder (``leak/passwd.txt -> /etc/passwd``) unless ``follow_symlinks=True``.
"""

from __future__ import annotations

import codecs
import csv
import glob
import hashlib
import io
import json
import os
import stat
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from arextract.errors import ArextractError, InputError
from arextract.schema import Document

INPUT_SUFFIXES = (".txt", ".jsonl", ".csv")
# How many bytes of a .jsonl/.csv file decide its encoding (the rest is decoded the same way).
SNIFF_BYTES = 1 << 20


# --------------------------------------------------------------------------------------------
# Encodings
# --------------------------------------------------------------------------------------------

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

def sniff_encoding(sample: bytes) -> str:
    """The codec to stream a ``.jsonl``/``.csv`` file with, decided on its first bytes.

    A BOM decides; else UTF-8 when the sample is UTF-8 (a character cut at the sample's end is
    allowed); else the legacy encoding :func:`decode_bytes` finds for the sample (Windows-1256
    or ISO-8859-6 CSV exported from old Arabic Excel). :class:`DecodeError` when none fits.
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    _, name = decode_bytes(sample)
    return name


def content_hash(text: str) -> str:
    """The SHA-256 of a text (UTF-8; lone surrogates passed through): the resume key."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


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


# --------------------------------------------------------------------------------------------
# Finding input files
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
    kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a folder" if stat.S_ISDIR(mode)
            else "not a file")
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
                    found.append(Found(path, "symbolic link loop; skipped" if loop
                                       else "broken symbolic link; skipped"))
                    continue
                if _under(target, exclude):
                    continue
                outside = not _under(target, root_real)
                if target.is_dir():
                    if outside and not follow_symlinks:
                        found.append(Found(path, "symbolic link to a folder outside the scanned folder; "
                                                 "not followed (use --follow-symlinks)"))
                    elif target not in visited:
                        visited.add(target)
                        folders.append(path)
                    continue
                if not wanted:
                    continue
                if outside and not follow_symlinks:
                    found.append(Found(path, "symbolic link to a file outside the scanned folder; "
                                             "not followed (use --follow-symlinks)"))
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


def iter_paths(inputs: Sequence[str | os.PathLike[str]], exclude: Path | None = None,
               follow_symlinks: bool = False) -> Iterator[Found]:
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


def find_output_inputs(inputs: Sequence[str | os.PathLike[str]], output: Path,
                       output_names: Sequence[str]) -> str | None:
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
            return (f"the input folder {printable_source(str(name))} is the output folder {output} "
                    "or inside it; choose another -o")
    return None


# --------------------------------------------------------------------------------------------
# Reading items
# --------------------------------------------------------------------------------------------


def iter_items(inputs: Sequence[str | os.PathLike[str]], exclude: Path | None = None,
               follow_symlinks: bool = False) -> Iterator[Item]:
    """Every input text, lazily: one per ``.txt`` file, per ``.jsonl`` line, per ``.csv`` row."""
    for found in iter_paths(inputs, exclude, follow_symlinks):
        path = found.path
        if found.problem is not None:
            yield Item(printable_source(str(path)), error=SKIPPED, reason=found.problem)
            continue
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from _jsonl_items(path)
        elif suffix == ".csv":
            yield from _csv_items(path)
        else:
            yield _text_item(path)


def _error_item(source: str, error: BaseException, reason: str | None = None) -> Item:
    return Item(source, error=type(error).__name__, reason=reason or str(error) or repr(error))


def _text_item(path: Path) -> Item:
    source = printable_source(str(path))
    try:
        text, _ = decode_bytes(path.read_bytes())
    except (OSError, ArextractError) as error:
        return _error_item(source, error)
    return Item(source, text)


def _record_item(source: str, record: Any) -> Item:
    if not isinstance(record, dict):
        return Item(source, error="InputError", reason="a record must be an object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str):
        return Item(source, error="InputError", reason="the record has no string 'text' field")
    if record.get("id") not in (None, ""):
        source = f"{source.rsplit(':', 1)[0]}#{printable_source(str(record['id']))}"
    doc_date = record.get("date")
    return Item(source, text, doc_date=str(doc_date) if doc_date not in (None, "") else None)


def _open_sniffed(path: Path) -> tuple[BinaryIO, str]:
    """The open file and its codec (:func:`sniff_encoding` on its first :data:`SNIFF_BYTES`)."""
    handle = path.open("rb")
    try:
        encoding = sniff_encoding(handle.read(SNIFF_BYTES))
    except BaseException:
        handle.close()
        raise
    handle.seek(0)
    return handle, encoding


def _jsonl_items(path: Path) -> Iterator[Item]:
    source = printable_source(str(path))
    try:
        handle, encoding = _open_sniffed(path)
    except (OSError, ArextractError) as error:
        yield _error_item(source, error)
        return
    with handle:
        if encoding == "utf-8" or encoding == "utf-8-sig":
            # Line by line in bytes, so that one bad line is one error record.
            lines: Iterator[tuple[bytes | str, str | None]] = ((raw, None) for raw in handle)
        else:
            text = io.TextIOWrapper(handle, encoding=encoding, newline=None)
            lines = ((line, encoding) for line in text)
        try:
            for number, (raw, legacy) in enumerate(lines, 1):
                line_source = f"{source}:{number}"
                if isinstance(raw, bytes):
                    if number == 1 and raw.startswith(codecs.BOM_UTF8):
                        raw = raw[len(codecs.BOM_UTF8):]
                    if not raw.strip():
                        continue
                    try:
                        record = json.loads(raw.decode("utf-8"))
                    except (UnicodeDecodeError, ValueError) as error:
                        yield _error_item(line_source, error, f"not a UTF-8 JSON line: {error}")
                        continue
                else:
                    if not raw.strip():
                        continue
                    try:
                        record = json.loads(raw)
                    except ValueError as error:
                        yield _error_item(line_source, error, f"not a JSON line ({legacy}): {error}")
                        continue
                yield _record_item(line_source, record)
        except UnicodeDecodeError as error:
            yield _error_item(source, error, f"the file is not {encoding} past this point: {error}")


def _csv_items(path: Path) -> Iterator[Item]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    source = printable_source(str(path))
    try:
        raw, encoding = _open_sniffed(path)
    except (OSError, ArextractError) as error:
        yield _error_item(source, error)
        return
    with io.TextIOWrapper(raw, encoding="utf-8-sig" if encoding == "utf-8" else encoding,
                          newline="") as handle:
        reader = csv.DictReader(handle)
        try:
            if reader.fieldnames is None or "text" not in reader.fieldnames:
                yield Item(source, error="InputError", reason="a CSV input needs a 'text' column")
                return
            for row in reader:
                yield _record_item(f"{source}:{reader.line_num}", row)
        except (UnicodeDecodeError, csv.Error) as error:
            yield _error_item(source, error,
                              f"the CSV file could not be read past line {reader.line_num}: {error}")


def count_items(inputs: Sequence[str | os.PathLike[str]], exclude: Path | None = None,
                follow_symlinks: bool = False) -> int:
    """How many items :func:`iter_items` will yield (approximately for CSV), for a progress bar."""
    total = 0
    for found in iter_paths(inputs, exclude, follow_symlinks):
        path = found.path
        suffix = path.suffix.lower()
        try:
            if found.problem is not None:
                total += 1
            elif suffix == ".jsonl":
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


def read_documents(path: str | os.PathLike[str]) -> Iterator[Document]:
    """The :class:`~arextract.schema.Document` s of a ``documents.jsonl`` (or of ``OUTDIR``'s),
    one line at a time: what the export, graph and SQLite tools read back. An unreadable file
    or a line that is not a Document raises :class:`~arextract.errors.InputError` naming it."""
    path = Path(path)
    path = path if path.suffix == ".jsonl" and not path.is_dir() else path / "documents.jsonl"
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}; run `python -m arextract INPUT "
                         f"-o OUTDIR` first") from None
    with handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield Document.model_validate_json(line)
                except ValueError as error:
                    raise InputError(f"{path}:{number}: not an arextract Document: {error}") from error
