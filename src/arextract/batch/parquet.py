"""``--format parquet``: documents, entities and relations as Parquet files, streamed from the
final JSONL and CSV files (pyarrow, ``pip install "arextract[parquet]"``)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from arextract.batch.tables import ENTITY_COLUMNS, RELATION_COLUMNS, restore_cell
from arextract.errors import ArextractError
from arextract.files import replaced_when_done

__all__ = ["PARQUET_FILES", "require_pyarrow", "write_parquet"]

PARQUET_HINT = 'pip install "arextract[parquet]"'
PARQUET_FILES = ("documents.parquet", "entities.parquet", "relations.parquet")


def require_pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as error:
        raise ArextractError(f"--format parquet needs pyarrow: {PARQUET_HINT}") from error
    return pyarrow


def write_parquet(output: Path, batch_size: int = 1000) -> None:
    """documents/entities/relations.parquet from the final JSONL and CSV files, streaming.

    documents.parquet has one row per document: ``source``, ``doc_date``, ``text`` and the
    nested fields (``sentences``, ``tokens``, ``entities``, ``times``, ``relations``, ``meta``)
    as JSON strings, so the schema never depends on the data.
    """
    pa = require_pyarrow()
    import pyarrow.parquet as pq

    nested = ("sentences", "tokens", "entities", "times", "relations", "meta")
    schema = pa.schema(
        [("source", pa.string()), ("doc_date", pa.string()), ("text", pa.string())]
        + [(name, pa.string()) for name in nested]
    )
    with (
        replaced_when_done(output / "documents.parquet") as temporary,
        pq.ParquetWriter(temporary, schema) as writer,
        (output / "documents.jsonl").open(encoding="utf-8") as handle,
    ):
        batch: list[dict[str, object]] = []
        for line in handle:
            record = json.loads(line)
            row: dict[str, object] = {key: record.get(key) for key in ("source", "doc_date", "text")}
            row.update({name: json.dumps(record.get(name), ensure_ascii=False) for name in nested})
            batch.append(row)
            if len(batch) >= batch_size:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    for name, columns, ints, floats in (
        ("entities", ENTITY_COLUMNS, ("mentions", "documents"), ()),
        ("relations", RELATION_COLUMNS, (), ("confidence",)),
    ):
        table_schema = pa.schema(
            [(c, pa.int64() if c in ints else pa.float64() if c in floats else pa.string()) for c in columns]
        )
        with (output / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            rows = [
                {
                    c: int(r[c]) if c in ints else float(r[c]) if c in floats else restore_cell(r[c])
                    for c in columns
                }
                for r in csv.DictReader(handle)
            ]
        with replaced_when_done(output / f"{name}.parquet") as temporary:
            pq.write_table(pa.Table.from_pylist(rows, schema=table_schema), temporary)
