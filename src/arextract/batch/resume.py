"""Resuming a batch: what is committed, which inputs to skip, which to process again.

``resume=True`` keeps what is committed (the previous ``documents.jsonl`` and the parts) and
skips every input whose text has the same SHA-256 as a committed document, as a multiset: two
committed copies of one text skip two inputs, a third is processed. Inputs that failed are tried
again (``errors.jsonl`` holds the failures of the last pass). An input edited since (same
source, new text) is *superseded*: its old document is dropped when the outputs are assembled
and the new text processed. A committed file cut short keeps its complete lines.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arextract.batch.inputs import content_hash
from arextract.files import atomic_write
from arextract.schema import Entity

__all__ = ["ResumeState", "committed_records"]


@dataclass
class ResumeState:
    """The committed documents' texts (hashes) and sources, and the inputs edited since."""

    done: Counter[str] = field(default_factory=Counter)  # text hash -> committed copies not yet matched
    sources: dict[str, str] = field(default_factory=dict)  # committed document source -> its text's hash
    superseded: set[str] = field(default_factory=set)  # sources whose input changed since they were committed

    def remember(self, record: dict[str, Any]) -> None:
        """Count a committed document (a documents.jsonl record)."""
        digest = content_hash(record["text"])
        self.done[digest] += 1
        if record.get("source"):
            self.sources[record["source"]] = digest

    def supersede(self, source: str, digest: str | None) -> None:
        """An input was edited since its document was committed (same source, new text): the
        old document is dropped when the outputs are assembled, the new one processed."""
        if digest is not None and self.sources.get(source, digest) != digest:
            self.superseded.add(source)

    def is_done(self, digest: str | None) -> bool:
        """Whether a committed document has this text (each committed copy matches once)."""
        if digest is not None and self.done[digest] > 0:
            self.done[digest] -= 1
            return True
        return False


def committed_records(path: Path) -> Iterator[tuple[dict[str, Any], list[Entity]]]:
    """Each complete record of a committed documents file, with its entities, in order.

    A file cut short (``kill -9`` while an older version wrote it, a full disk) keeps its
    complete lines: once read, it is rewritten without the broken ones, and their inputs are
    processed again."""
    good: list[bytes] = []
    broken = 0
    with path.open("rb") as handle:
        for line in handle:
            try:
                if not line.endswith(b"\n"):
                    raise ValueError("an incomplete last line")
                record = json.loads(line)
                entities = [Entity.model_validate(entity) for entity in record.get("entities", [])]
            except ValueError:
                broken += 1
                continue
            good.append(line)
            yield record, entities
    if broken:
        atomic_write(path, lambda handle: handle.writelines(good))
        print(
            f"arextract: {path}: dropped {broken} incomplete or malformed line(s); "
            "their inputs are processed again",
            file=sys.stderr,
        )
