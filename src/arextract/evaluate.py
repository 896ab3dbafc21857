"""``python -m arextract.evaluate``: scores against gold.

* ``ner FILE.conll``: the tagger on CoNLL gold (ANERcorp or FANE style);
* ``ner EXPORT.json|BRAT_DIR``: the pipeline's mentions on a corrected Label Studio export or brat
  folder (:mod:`arextract.annotation_export` writes the pre-annotations);
* ``ner-pipeline FILE.conll``: the whole pipeline's mentions on ANERcorp-style CoNLL gold, in
  article-sized chunks, beside the tagger alone (:mod:`arextract.evaluation.ner_pipeline`);
* ``ner-speed FILE.txt...``: the tagger's speed;
* ``relations GOLD...``: the pipeline's relations on arextract's gold JSON (``tests/gold``), on
  corrected exports, or both.

The command only reads its arguments and prints; the scoring is :mod:`arextract.evaluation`.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from arextract.evaluation.annotations import is_annotation_input
from arextract.evaluation.ner import evaluate_mentions, evaluate_ner, print_scores
from arextract.evaluation.ner_pipeline import DEFAULT_CHUNK_SENTENCES, evaluate_pipeline, print_differences
from arextract.evaluation.relations import evaluate, print_report
from arextract.evaluation.speed import ner_speed
from arextract.pipeline import STAGES, Pipeline


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m arextract.evaluate")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "ner",
        help="span-level P/R/F1 of the NER tagger on a CoNLL file, or of the "
        "pipeline's mentions on a corrected Label Studio export or brat folder",
    )
    p.add_argument(
        "file",
        help="token<TAB>tag file (ANERcorp or FANE style), a Label Studio JSON export or a brat folder",
    )
    p.add_argument("--backend", default=None, help="NER backend for annotation gold (default: builtin)")
    p.add_argument("--model", default="models/ner")
    p.add_argument(
        "--scheme",
        choices=["coarse", "fine"],
        default=None,
        help="coarse = PERS/LOC/ORG/MISC; fine = arextract types "
        "(default: coarse for ANERcorp, fine for FANE files)",
    )
    p = sub.add_parser(
        "ner-pipeline",
        help="span-level P/R/F1 of the whole pipeline's mentions on an ANERcorp-style CoNLL file, "
        "in article-sized chunks, beside the tagger alone",
    )
    p.add_argument("file", help="token<TAB>tag file with ANERcorp's PERS/LOC/ORG/MISC tags")
    p.add_argument("--backend", default=None, help="NER backend (default: builtin)")
    p.add_argument(
        "--chunk-sentences",
        type=int,
        default=DEFAULT_CHUNK_SENTENCES,
        help="CoNLL sentences per pipeline text, one per line (default: %(default)s)",
    )
    p.add_argument(
        "--until",
        choices=[spec.name for spec in STAGES if spec.name != "segment"],
        default=None,
        help="run the pipeline's stages only up to this one (default: all), to see what each adds",
    )
    p.add_argument(
        "-v", "--verbose", action="store_true", help="per type, spans one system gets right and the other not"
    )
    p = sub.add_parser("ner-speed", help="NER tagging speed on plain-text files")
    p.add_argument("files", nargs="+", help="UTF-8 text files (e.g. ../shared/seeds/*.txt)")
    p.add_argument("--model", default="models/ner")
    p.add_argument("--repeat", type=int, default=20, help="passes over the files (the first is cold)")
    p.add_argument("--json", action="store_true", help="print the measurement as JSON")
    p = sub.add_parser("relations", help="relations against hand-written gold (tests/gold/GUIDELINES.md)")
    p.add_argument(
        "gold",
        nargs="+",
        help="gold .json files or folders of them, corrected Label Studio JSON exports, brat folders",
    )
    p.add_argument("--backend", default=None, help="NER backend (default: builtin)")
    p.add_argument("--rules", action="append", default=[], help="extra rule file (repeatable)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("-v", "--verbose", action="store_true", help="list misses, spurious and wrong dates")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "ner":
        return ner_command(args)
    if args.command == "ner-pipeline":
        return ner_pipeline_command(args)
    if args.command == "ner-speed":
        return ner_speed_command(args)
    return relations_command(args)


def ner_command(args: argparse.Namespace) -> int:
    if is_annotation_input(args.file):
        # the whole pipeline's mentions (exact spans and types) against corrected annotations
        scores = evaluate_mentions(args.file, Pipeline(backend=args.backend))
        print(f"# {args.file}  mentions of the {args.backend or 'default'} pipeline, exact spans")
        print_scores(scores)
        return 0
    scores, scheme, speed = evaluate_ner(args.file, args.model, args.scheme)
    print(f"# {args.file}  scheme={scheme}  model={args.model}")
    print_scores(scores)
    print(f"# tagging speed (incl. features): {speed:,.0f} tokens/s", file=sys.stderr)
    return 0


def ner_pipeline_command(args: argparse.Namespace) -> int:
    if args.chunk_sentences < 1:
        raise SystemExit("--chunk-sentences must be at least 1")
    run = evaluate_pipeline(args.file, args.backend, args.chunk_sentences, args.until)
    tagger, tagger_chunked, pipeline = run.scores()
    print(f"# {args.file}  the tagger alone on the whole file (as `evaluate ner`), exact spans")
    print_scores(tagger)
    print(f"# {args.file}  the tagger alone, one document per chunk of {args.chunk_sentences} sentences")
    print_scores(tagger_chunked)
    print(
        f"# {args.file}  the {args.backend or 'default'} pipeline"
        f"{f' up to its {args.until} stage' if args.until else ''}, chunks of {args.chunk_sentences} "
        "sentences, coref and nisba mentions left out, exact spans"
    )
    print_scores(pipeline)
    if args.verbose:
        print_differences(run)
    return 0


def ner_speed_command(args: argparse.Namespace) -> int:
    run = ner_speed(args.files, args.model, args.repeat)
    warm = run.tokens * (run.repeat - 1) / run.warm if run.repeat > 1 else float("nan")
    if args.json:
        facts = {**asdict(run), "tokens_s": run.tokens_per_s, "words_s": run.words_per_s}
        print(json.dumps({**facts, "first_tokens_s": run.tokens / run.first, "warm_tokens_s": warm}))
        return 0
    print(
        f"load {run.load:.3f}s; {run.repeat} passes of {run.tokens} tokens ({run.words} words): "
        f"{run.tokens_per_s:,.0f} tokens/s ({run.words_per_s:,.0f} words/s); "
        f"first pass {run.tokens / run.first:,.0f} tokens/s, warm passes {warm:,.0f} tokens/s"
    )
    return 0


def relations_command(args: argparse.Namespace) -> int:
    report = evaluate(args.gold, Pipeline(backend=args.backend, rules=args.rules))
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print_report(report, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
