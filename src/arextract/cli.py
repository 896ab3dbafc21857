"""``python -m arextract``: run the pipeline over files and folders, write tables.

Subcommands ``train`` and ``evaluate`` are dispatched to their modules; anything else is a
batch run over the given inputs.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table

from arextract.errors import ArextractError
from arextract.link import EntityRow, EntityTable
from arextract.pipeline import DEFAULT_BACKEND, Pipeline, parse_date
from arextract.schema import Document

# `python -m arextract NAME ...` runs another module's main(); anything else is a batch run.
SUBCOMMANDS = {
    "train": "arextract.train",
    "evaluate": "arextract.evaluate",
    "backends": "arextract.ner.registry",
}

ENTITY_COLUMNS = ["canonical", "type", "subtype", "kb_id", "aliases", "mentions", "documents"]
RELATION_COLUMNS = [
    "source", "relation_id", "type", "arguments", "date", "trigger", "evidence", "confidence",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m arextract",
        description=(
            "Extract entities, dates and relations from Arabic news. Reads .txt files and "
            "folders (recursively) and writes documents.jsonl, entities.csv, relations.csv, "
            "errors.jsonl and summary.json to OUTDIR. Other commands: "
            "`python -m arextract train ...`, `python -m arextract evaluate ...`, "
            "`python -m arextract backends`."
        ),
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt files or folders")
    parser.add_argument("-o", "--output", default="out", metavar="OUTDIR",
                        help="output folder, created if missing (default: out)")
    parser.add_argument("--backend", default=DEFAULT_BACKEND,
                        help=f"NER backend (default: {DEFAULT_BACKEND})")
    parser.add_argument("--doc-date", default=None, metavar="YYYY-MM-DD",
                        help="document date for every input (default: each story's dateline)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    return parser


@dataclass
class BatchResult:
    documents: int = 0
    errors: int = 0
    entities: int = 0
    relations: int = 0
    seconds: float = 0.0
    entity_table: EntityTable = field(default_factory=EntityTable)


def iter_inputs(inputs: Sequence[str]) -> Iterator[Path]:
    """Every .txt file named or found (recursively, sorted) in the named folders."""
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix == ".txt")
        else:
            yield path


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (BOM allowed) or BOM-marked UTF-16; anything else is an error."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def run_batch(inputs: Sequence[str], output: Path, pipeline: Pipeline,
              doc_date: date | None = None) -> BatchResult:
    output.mkdir(parents=True, exist_ok=True)
    result = BatchResult()
    started = time.perf_counter()
    with (
        (output / "documents.jsonl").open("w", encoding="utf-8") as documents,
        (output / "relations.csv").open("w", encoding="utf-8", newline="") as relations_file,
        (output / "errors.jsonl").open("w", encoding="utf-8") as errors,
    ):
        relations = csv.DictWriter(relations_file, RELATION_COLUMNS)
        relations.writeheader()
        for path in iter_inputs(inputs):
            try:
                text = read_text(path)
                doc = pipeline(text, doc_date=doc_date, source=str(path))
            except (OSError, UnicodeDecodeError, ArextractError) as error:
                result.errors += 1
                record = {"source": str(path), "error": type(error).__name__, "reason": str(error)}
                errors.write(json.dumps(record, ensure_ascii=False) + "\n")
                continue
            result.documents += 1
            documents.write(doc.model_dump_json() + "\n")
            relations.writerows(relation_rows(doc))
            result.relations += len(doc.relations)
            result.entities += len(doc.entities)
            result.entity_table.add(doc)
    write_entities(output / "entities.csv", result.entity_table.rows())
    result.seconds = time.perf_counter() - started
    summary = {
        "documents": result.documents, "errors": result.errors, "entity_mentions": result.entities,
        "entities": len(result.entity_table), "relations": result.relations,
        "seconds": round(result.seconds, 3), "backend": pipeline.backend,
    }
    (output / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return result


def write_entities(path: Path, rows: list[EntityRow]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ENTITY_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({
                "canonical": row.canonical, "type": row.type.value, "subtype": row.subtype or "",
                "kb_id": row.kb_id or "", "aliases": "|".join(row.aliases),
                "mentions": row.mentions, "documents": row.documents,
            })


def relation_rows(doc: Document) -> Iterator[dict[str, object]]:
    names = {entity.id: entity.canonical for entity in doc.entities}
    for relation in doc.relations:
        yield {
            "source": doc.source or "",
            "relation_id": relation.id,
            "type": relation.type.value,
            "arguments": "; ".join(
                f"{argument.role}={names.get(argument.entity_id, argument.text)}"
                for argument in relation.arguments
            ),
            "date": _date_text(relation.date.value) if relation.date else "",
            "trigger": relation.trigger.text,
            "evidence": relation.evidence.text,
            "confidence": relation.confidence,
        }


def _date_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    start, end = getattr(value, "start", None), getattr(value, "end", None)
    return f"{start or '..'}/{end or '..'}"


def print_summary(result: BatchResult, output: Path, console: Console) -> None:
    table = Table(title=f"arextract: {output}")
    for column in ("documents", "errors", "entity mentions", "entities", "relations", "seconds"):
        table.add_column(column, justify="right")
    table.add_row(str(result.documents), str(result.errors), str(result.entities),
                  str(len(result.entity_table)), str(result.relations), f"{result.seconds:.2f}")
    console.print(table)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in SUBCOMMANDS and not Path(args_list[0]).exists():
        return _subcommand(args_list[0], args_list[1:])
    args = build_parser().parse_args(args_list)
    console = Console(stderr=False, quiet=args.quiet)
    try:
        doc_date = parse_date(args.doc_date)
        pipeline = Pipeline(backend=args.backend)
        output = Path(args.output)
        result = run_batch(args.inputs, output, pipeline, doc_date=doc_date)
    except ArextractError as error:
        Console(stderr=True).print(f"[red]error:[/red] {error}")
        return 2
    print_summary(result, output, console)
    if result.documents == 0:
        Console(stderr=True).print("[red]no document could be processed[/red]; see errors.jsonl")
        return 1
    return 0


def _subcommand(name: str, argv: list[str]) -> int:
    module = importlib.import_module(SUBCOMMANDS[name])
    result: int = module.main(argv)
    return result
