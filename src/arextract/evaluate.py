"""Evaluation entry points: ``python -m arextract.evaluate ner FILE.conll``."""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from arextract.train import LabelMap, fix_bio, is_fane, map_fane, read_conll, rejoin_fane, spans


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
        gs = set(spans(g))
        ps = set(spans(p))
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


def evaluate_ner(
    path: str | Path, model_dir: str | Path = "models/ner", scheme: str | None = None
) -> tuple[dict[str, tuple[float, float, float, int]], str, float]:
    """Tag `path` with the model and score it; returns (scores, scheme, tokens/s)."""
    from arextract.ner.tagger import NerTagger

    model_dir = Path(model_dir)
    lm = LabelMap.load(model_dir / "labels.toml")
    sents = read_conll(path)
    fane = is_fane(sents)
    if fane:
        sents = [map_fane(rejoin_fane(s), lm) for s in sents]
        scheme = scheme or "fine"
    else:
        scheme = scheme or "coarse"
        if scheme != "coarse":
            print("ANERcorp-style gold is coarse: scoring with --scheme coarse", file=sys.stderr)
            scheme = "coarse"
    tagger = NerTagger.load(model_dir)
    gold: list[list[str]] = []
    pred: list[list[str]] = []
    t0 = time.perf_counter()
    n = 0
    for s in sents:
        toks = [w for w, _ in s]
        pred.append(tagger.tag(toks))
        n += len(toks)
    speed = n / max(time.perf_counter() - t0, 1e-9)
    for s in sents:
        g = [t for _, t in s]
        if not fane and scheme == "coarse":
            gold.append(fix_bio(g))
        else:
            gold.append(_to_scheme(g, scheme, lm))
    pred = [_to_scheme(p, scheme, lm) for p in pred]
    return score_spans(gold, pred), scheme, speed


def ner_command(args: argparse.Namespace) -> int:
    scores, scheme, speed = evaluate_ner(args.file, args.model, args.scheme)
    print(f"# {args.file}  scheme={scheme}  model={args.model}")
    print(f"{'type':<14}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}")
    for typ, (p, r, f, n) in scores.items():
        if typ == "micro":
            continue
        print(f"{typ:<14}{100 * p:>10.2f}{100 * r:>10.2f}{100 * f:>10.2f}{n:>9}")
    p, r, f, n = scores["micro"]
    print(f"{'micro':<14}{100 * p:>10.2f}{100 * r:>10.2f}{100 * f:>10.2f}{n:>9}")
    print(f"# tagging speed (incl. features): {speed:,.0f} tokens/s", file=sys.stderr)
    return 0


_TOKEN_RE = r"[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]"


def ner_speed(paths: Sequence[str | Path], model_dir: str | Path, repeat: int) -> tuple[int, float, float]:
    """Tag the sentences of plain-text files `repeat` times on one core.

    Returns (tokens tagged, seconds, load seconds).  Tokens are arextract's
    surface tokens; a sentence ends at ``.``, ``؟``, ``!`` or a line break.
    """
    import regex

    from arextract.ner.tagger import NerTagger

    t0 = time.perf_counter()
    tagger = NerTagger.load(model_dir)
    load = time.perf_counter() - t0
    sents: list[list[str]] = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            cur: list[str] = []
            for tok in regex.findall(_TOKEN_RE, line):
                cur.append(tok)
                if tok in ".؟!":
                    sents.append(cur)
                    cur = []
            if cur:
                sents.append(cur)
    n = sum(map(len, sents)) * repeat
    t0 = time.perf_counter()
    for _ in range(repeat):
        for s in sents:
            tagger.tag(s)
    return n, time.perf_counter() - t0, load


def ner_speed_command(args: argparse.Namespace) -> int:
    n, dt, load = ner_speed(args.files, args.model, args.repeat)
    print(f"load {load:.3f}s; {n} tokens in {dt:.2f}s: {n / dt:,.0f} tokens/s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m arextract.evaluate")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ner", help="span-level P/R/F1 of the NER tagger on a CoNLL file")
    p.add_argument("file", help="token<TAB>tag file (ANERcorp or FANE style)")
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
    p.add_argument("--repeat", type=int, default=20)
    p = sub.add_parser("relations", help="relations against hand-written gold (tests/gold/GUIDELINES.md)")
    p.add_argument("gold", nargs="+", help="gold .json files or folders of them")
    p.add_argument("--backend", default=None, help="NER backend (default: builtin)")
    p.add_argument("--rules", action="append", default=[], help="extra rule file (repeatable)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("-v", "--verbose", action="store_true", help="list misses, spurious and wrong dates")
    args = parser.parse_args(argv)
    if args.command == "relations":
        from arextract.relations.scoring import relations_command

        return relations_command(args.gold, args.backend, args.rules, args.json, args.verbose)
    if args.command == "ner":
        return ner_command(args)
    if args.command == "ner-speed":
        return ner_speed_command(args)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
