"""Reading batch inputs: one :class:`Item` per text, lazily, in input order.

A ``.txt`` file is one text; a ``.jsonl`` line and a ``.csv`` row are one text each (field or
column ``text``, optional ``id`` and ``date``). What can go wrong with an input never stops a
batch: it becomes an :class:`Item` with an ``error`` and a ``reason``, written to
``errors.jsonl`` in its place in the input order. Which files are read is :mod:`.files`' job;
their encodings, :mod:`.encodings`'.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from arextract.batch.encodings import decode_bytes, sniff_encoding
from arextract.batch.files import SKIPPED, iter_paths, printable_source
from arextract.errors import ArextractError

__all__ = ["Item", "content_hash", "count_items", "iter_items"]

# How many bytes of a .jsonl/.csv file decide its encoding (the rest is decoded the same way).
SNIFF_BYTES = 1 << 20


def content_hash(text: str) -> str:
    """The SHA-256 of a text (UTF-8; lone surrogates passed through): the resume key."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


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


def iter_items(
    inputs: Sequence[str | os.PathLike[str]], exclude: Path | None = None, follow_symlinks: bool = False
) -> Iterator[Item]:
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
                        raw = raw[len(codecs.BOM_UTF8) :]
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
    with io.TextIOWrapper(
        raw, encoding="utf-8-sig" if encoding == "utf-8" else encoding, newline=""
    ) as handle:
        reader = csv.DictReader(handle)
        try:
            if reader.fieldnames is None or "text" not in reader.fieldnames:
                yield Item(source, error="InputError", reason="a CSV input needs a 'text' column")
                return
            for row in reader:
                yield _record_item(f"{source}:{reader.line_num}", row)
        except (UnicodeDecodeError, csv.Error) as error:
            yield _error_item(
                source, error, f"the CSV file could not be read past line {reader.line_num}: {error}"
            )


def count_items(
    inputs: Sequence[str | os.PathLike[str]], exclude: Path | None = None, follow_symlinks: bool = False
) -> int:
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
