"""``python -m arextract``: run the pipeline over files and folders, write tables.

A first argument that is a subcommand word (``train``, ``evaluate``, ``backends``, ``export``,
``graph``) runs that command's module, always; anything else is a batch run over the given
inputs (see :mod:`arextract.batch`). An input file or folder named like a subcommand is given
as a path (``./train``) or after ``--``, which ends the options (``python -m arextract -o out -- train``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from arextract.batch.engines import ENGINES
from arextract.batch.run import FORMATS, BatchResult, run_batch
from arextract.errors import ArextractError
from arextract.pipeline import DEFAULT_BACKEND

# `python -m arextract NAME ...` runs another module's main(); anything else is a batch run.
# By name, not by import: the batch run never loads training or evaluation code.
SUBCOMMANDS = {
    "train": "arextract.train",
    "evaluate": "arextract.evaluate",
    "backends": "arextract.ner.status",
    "export": "arextract.annotation_export",
    "graph": "arextract.viz.graph_export",
}

__all__ = ["SUBCOMMANDS", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m arextract",
        description=(
            "Extract entities, dates and relations from Arabic news. Reads .txt files (UTF-8, "
            "UTF-16, Windows-1256), .jsonl (field 'text', optional 'id' and 'date'), .csv (column "
            "'text'), folders (recursively) and globs, and writes documents.jsonl, entities.csv, "
            "relations.csv, errors.jsonl and summary.json to OUTDIR. Other commands, when the "
            f"first argument is one of {', '.join(SUBCOMMANDS)}: `python -m arextract train ...`, "
            "`python -m arextract evaluate ...`, `python -m arextract backends`, "
            "`python -m arextract export ...`, `python -m arextract graph ...`. An input named "
            "like a command is given as ./NAME or after --."
        ),
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help=".txt/.jsonl/.csv files, folders or globs (quote them: 'corpus/**/*.txt')",
    )
    parser.add_argument(
        "-o",
        "--output",
        default="out",
        metavar="OUTDIR",
        help="output folder, created if missing (default: out)",
    )
    parser.add_argument("--backend", default=None, help=f"NER backend (default: {DEFAULT_BACKEND})")
    parser.add_argument(
        "--doc-date",
        default=None,
        metavar="YYYY-MM-DD",
        help="document date for every input without its own 'date' field (default: each story's dateline)",
    )
    parser.add_argument(
        "-j",
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes, each loading the models once (default: 1)",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="keep what OUTDIR already holds and skip inputs whose text is already "
        "there (by content hash); failed inputs are tried again",
    )
    parser.add_argument(
        "--format",
        default="jsonl",
        choices=FORMATS,
        help="jsonl (with CSV tables), parquet (also writes documents/entities/"
        "relations.parquet; needs pyarrow) or sqlite (also writes arextract.sqlite)",
    )
    parser.add_argument(
        "--engine",
        default="local",
        choices=ENGINES,
        help="local processes, or dask.distributed (default: local)",
    )
    parser.add_argument(
        "--scheduler",
        default=None,
        metavar="tcp://HOST:PORT",
        help="with --engine dask: the scheduler of a running cluster "
        "(default: start a local cluster of --workers processes)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="time limit per document; a document that takes longer is recorded in "
        "errors.jsonl as DocumentTimeout and the batch goes on (default: none)",
    )
    parser.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="in folder scans, follow symbolic links that lead outside the folder "
        "(default: record and skip them)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print nothing on success, no progress bar"
    )
    return parser


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: committed parts kept, workers stopped, exit 143."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


def _exit_if_stuck(code: int, grace: float = 5.0) -> None:
    """Exit now with ``code`` if a worker pool's thread outlives the interrupt by ``grace``
    seconds: the interpreter would otherwise wait for it at exit, and a signal that landed
    inside the pool's bookkeeping can leave it waiting forever. What was committed is on disk
    already; nothing else is pending."""
    deadline = time.monotonic() + grace
    others = [t for t in threading.enumerate() if t is not threading.current_thread() and not t.daemon]
    for thread in others:
        thread.join(max(deadline - time.monotonic(), 0.0))
    if any(thread.is_alive() for thread in others):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def print_summary(result: BatchResult, output: Path, console: Console) -> None:
    table = Table(title=f"arextract: {output}")
    for column in ("documents", "errors", "skipped", "entity mentions", "entities", "relations", "seconds"):
        table.add_column(column, justify="right")
    table.add_row(
        str(result.documents),
        str(result.errors),
        str(result.skipped),
        str(result.entity_mentions),
        str(len(result.entity_table)),
        str(result.relations),
        f"{result.seconds:.2f}",
    )
    console.print(table)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in SUBCOMMANDS:
        return _subcommand(args_list[0], args_list[1:])
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.timeout is not None and args.timeout <= 0:
        parser.error("--timeout must be a positive number of seconds")
    if args.scheduler and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")
    console = Console(stderr=False, quiet=args.quiet)
    output = Path(args.output)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        result = run_batch(
            args.inputs,
            output,
            backend=args.backend,
            doc_date=args.doc_date,
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            resume=args.resume,
            fmt=args.format,
            progress=False if args.quiet else None,
            timeout=args.timeout,
            follow_symlinks=args.follow_symlinks,
        )
    except ArextractError as error:
        # Plain print: a path in the message may hold "[...]", which rich would take for markup.
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as interrupt:
        print("interrupted: what was committed is kept; run again with --resume to finish", file=sys.stderr)
        code = 143 if isinstance(interrupt, Terminated) else 130
        _exit_if_stuck(code)
        return code
    finally:
        signal.signal(signal.SIGTERM, previous)
    print_summary(result, output, console)
    if result.documents == 0 and result.skipped == 0:
        Console(stderr=True).print("[red]no document could be processed[/red]; see errors.jsonl")
        return 1
    return 0


def _subcommand(name: str, argv: list[str]) -> int:
    if Path(name).exists():
        # the word is the command, whatever the folder holds; say how to reach the input
        print(
            f"note: `{name}` runs the {name} command; to process the {name!r} file or folder, "
            f"give it as ./{name} (or after the options and --: python -m arextract -o OUTDIR -- {name})",
            file=sys.stderr,
        )
    module = importlib.import_module(SUBCOMMANDS[name])
    result: int = module.main(argv)
    return result
