"""Evaluation entry points: ``python -m arextract.evaluate ner FILE.conll`` (the tagger on CoNLL
gold), ``... ner EXPORT.json|BRAT_DIR`` and ``... relations GOLD...`` (the pipeline on arextract's
gold JSON, or on a corrected Label Studio export or brat folder: see
:mod:`arextract.annotation_io`)."""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from arextract.text.spans import bio_spans
from arextract.train import LabelMap, Sentence, fix_bio, is_fane, map_fane, read_conll, rejoin_fane

if TYPE_CHECKING:
    from arextract.ner.tagger import NerTagger


def score_spans(
    gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]
) -> dict[str, tuple[float, float, float, int]]:
    """Exact-span precision/recall/F1 per type and ``micro`` (conlleval semantics).

    Returns ``type -> (precision, recall, f1, gold support)``.
    """
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs = set(bio_spans(g))
        ps = set(bio_spans(p))
        for s in gs:
            n_gold[s[2]] += 1
        for s in ps:
            n_pred[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1
    out: dict[str, tuple[float, float, float, int]] = {}

    def prf(t: int, np_: int, ng: int) -> tuple[float, float, float, int]:
        p = t / np_ if np_ else 0.0
        r = t / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (p, r, f, ng)

    for typ in sorted(set(n_gold) | set(n_pred)):
        out[typ] = prf(tp[typ], n_pred[typ], n_gold[typ])
    out["micro"] = prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return out


def _to_scheme(labels: Sequence[str], scheme: str, lm: LabelMap) -> list[str]:
    out = []
    for lab in labels:
        if lab == "O":
            out.append("O")
            continue
        typ = lab[2:].split("/", 1)[0]
        if scheme == "coarse":
            typ = lm.coarse.get(typ, typ)
        out.append(lab[:2] + typ)
    return fix_bio(out)


def score_tagger(
    tagger: NerTagger, sents: Sequence[Sentence], scheme: str, lm: LabelMap
) -> dict[str, tuple[float, float, float, int]]:
    """Tag `sents` (gold already in arextract types for ``fine``, raw ANERcorp
    tags for ``coarse``) and score them."""
    gold = [
        fix_bio([t for _, t in s]) if scheme == "coarse" else _to_scheme([t for _, t in s], scheme, lm)
        for s in sents
    ]
    # The corpora carry no document boundaries: the file is tagged as one stream,
    # so name consistency looks `consistency_window` sentences either side, as
    # it does inside a document at run time.
    pred = tagger.tag_document([[w for w, _ in s] for s in sents])
    return score_spans(gold, [_to_scheme(p, scheme, lm) for p in pred])


def evaluate_ner(
    path: str | Path, model_dir: str | Path = "models/ner", scheme: str | None = None
) -> tuple[dict[str, tuple[float, float, float, int]], str, float]:
    """Tag `path` with the model and score it; returns (scores, scheme, tokens/s)."""
    from arextract.ner.tagger import NerTagger

    model_dir = Path(model_dir)
    lm = LabelMap.load(model_dir / "labels.toml")
    sents = read_conll(path)
    if is_fane(sents):
        sents = [map_fane(rejoin_fane(s), lm) for s in sents]
        scheme = scheme or "fine"
    else:
        if scheme not in (None, "coarse"):
            print("ANERcorp-style gold is coarse: scoring with --scheme coarse", file=sys.stderr)
        scheme = "coarse"
    tagger = NerTagger.load(model_dir)
    t0 = time.perf_counter()
    scores = score_tagger(tagger, sents, scheme, lm)
    speed = sum(map(len, sents)) / max(time.perf_counter() - t0, 1e-9)
    return scores, scheme, speed


def ner_command(args: argparse.Namespace) -> int:
    from arextract.annotation_io import is_annotation_input

    if is_annotation_input(args.file):
        return annotated_ner_command(args)
    scores, scheme, speed = evaluate_ner(args.file, args.model, args.scheme)
    print(f"# {args.file}  scheme={scheme}  model={args.model}")
    print_scores(scores)
    print(f"# tagging speed (incl. features): {speed:,.0f} tokens/s", file=sys.stderr)
    return 0


def annotated_ner_command(args: argparse.Namespace) -> int:
    """The whole pipeline's mentions (exact spans and types) against corrected annotations."""
    from arextract.annotation_io import evaluate_mentions
    from arextract.pipeline import Pipeline

    scores = evaluate_mentions(args.file, Pipeline(backend=args.backend))
    print(f"# {args.file}  mentions of the {args.backend or 'default'} pipeline, exact spans")
    print_scores(scores)
    return 0


def print_scores(scores: dict[str, tuple[float, float, float, int]]) -> None:
    print(f"{'type':<14}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}")
    for typ, (p, r, f, n) in scores.items():
        if typ == "micro":
            continue
        print(f"{typ:<14}{100 * p:>10.2f}{100 * r:>10.2f}{100 * f:>10.2f}{n:>9}")
    p, r, f, n = scores["micro"]
    print(f"{'micro':<14}{100 * p:>10.2f}{100 * r:>10.2f}{100 * f:>10.2f}{n:>9}")


@dataclass
class NerSpeed:
    """One `ner_speed` run: the first pass meets every word type for the first
    time (features, character CNN and caches are computed); later passes are warm."""

    tokens: int  # arextract tokens per pass
    words: int  # whitespace words per pass (BERT's unit)
    load: float
    first: float
    warm: float  # seconds for `repeat - 1` warm passes
    repeat: int

    @property
    def tokens_per_s(self) -> float:
        """Over all passes, the first included."""
        return self.tokens * self.repeat / (self.first + self.warm)

    @property
    def words_per_s(self) -> float:
        return self.words * self.repeat / (self.first + self.warm)


def ner_speed(paths: Sequence[str | Path], model_dir: str | Path, repeat: int) -> NerSpeed:
    """Tag plain-text files `repeat` times in this process (one core): the NER
    stage alone, one ``tag_document`` call per file on arextract's own
    sentences and tokens."""
    from arextract.ner.tagger import NerTagger
    from arextract.text.segment import split_sentences, tokenize

    t0 = time.perf_counter()
    tagger = NerTagger.load(model_dir)
    load = time.perf_counter() - t0
    docs: list[list[list[str]]] = []
    words = 0
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        words += len(text.split())
        docs.append([[t.text for t in tokenize(text, s.start, s.end)] for s in split_sentences(text)])
    tokens = sum(len(s) for doc in docs for s in doc)
    t0 = time.perf_counter()
    for doc in docs:
        tagger.tag_document(doc)
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(repeat - 1):
        for doc in docs:
            tagger.tag_document(doc)
    return NerSpeed(tokens, words, load, first, time.perf_counter() - t0, repeat)


def ner_speed_command(args: argparse.Namespace) -> int:
    run = ner_speed(args.files, args.model, args.repeat)
    warm = run.tokens * (run.repeat - 1) / run.warm if run.repeat > 1 else float("nan")
    if args.json:
        import json
        from dataclasses import asdict

        facts = {**asdict(run), "tokens_s": run.tokens_per_s, "words_s": run.words_per_s}
        print(json.dumps({**facts, "first_tokens_s": run.tokens / run.first, "warm_tokens_s": warm}))
        return 0
    print(
        f"load {run.load:.3f}s; {run.repeat} passes of {run.tokens} tokens ({run.words} words): "
        f"{run.tokens_per_s:,.0f} tokens/s ({run.words_per_s:,.0f} words/s); "
        f"first pass {run.tokens / run.first:,.0f} tokens/s, warm passes {warm:,.0f} tokens/s"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m arextract.evaluate")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ner", help="span-level P/R/F1 of the NER tagger on a CoNLL file, or of the "
                       "pipeline's mentions on a corrected Label Studio export or brat folder")
    p.add_argument("file", help="token<TAB>tag file (ANERcorp or FANE style), a Label Studio JSON "
                   "export or a brat folder")
    p.add_argument("--backend", default=None, help="NER backend for annotation gold (default: builtin)")
    p.add_argument("--model", default="models/ner")
    p.add_argument(
        "--scheme",
        choices=["coarse", "fine"],
        default=None,
        help="coarse = PERS/LOC/ORG/MISC; fine = arextract types "
        "(default: coarse for ANERcorp, fine for FANE files)",
    )
    p = sub.add_parser("ner-speed", help="NER tagging speed on plain-text files")
    p.add_argument("files", nargs="+", help="UTF-8 text files (e.g. ../shared/seeds/*.txt)")
    p.add_argument("--model", default="models/ner")
    p.add_argument("--repeat", type=int, default=20, help="passes over the files (the first is cold)")
    p.add_argument("--json", action="store_true", help="print the measurement as JSON")
    p = sub.add_parser("relations", help="relations against hand-written gold (tests/gold/GUIDELINES.md)")
    p.add_argument("gold", nargs="+", help="gold .json files or folders of them, corrected Label Studio "
                   "JSON exports, brat folders")
    p.add_argument("--backend", default=None, help="NER backend (default: builtin)")
    p.add_argument("--rules", action="append", default=[], help="extra rule file (repeatable)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("-v", "--verbose", action="store_true", help="list misses, spurious and wrong dates")
    args = parser.parse_args(argv)
    if args.command == "relations":
        from arextract.annotation_io import is_annotation_input

        if any(is_annotation_input(path) for path in args.gold):
            return annotated_relations_command(args)
        from arextract.relations.scoring import relations_command

        return relations_command(args.gold, args.backend, args.rules, args.json, args.verbose)
    if args.command == "ner":
        return ner_command(args)
    if args.command == "ner-speed":
        return ner_speed_command(args)
    return 2


def annotated_relations_command(args: argparse.Namespace) -> int:
    """Relations against gold that includes a Label Studio export or a brat folder."""
    import json

    from arextract.annotation_io import evaluate_relations
    from arextract.pipeline import Pipeline
    from arextract.relations.scoring import print_report

    report = evaluate_relations(args.gold, Pipeline(backend=args.backend, rules=args.rules))
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print_report(report, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
