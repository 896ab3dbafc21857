"""``python -m arextract.train ner --data DIR --out models/ner/``: train the NER tagger.

The command only reads its arguments; the training itself is :mod:`arextract.training`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from arextract.training.crf import CrfSettings
from arextract.training.lexicons import LOC_TYPES
from arextract.training.ner import FAMILIES, NerTrainingOptions, train_ner
from arextract.training.wordreps import WordRepSettings


def _names(value: str) -> tuple[str, ...]:
    """``anercorp,newsfane`` -> ("anercorp", "newsfane")."""
    return tuple(name for name in value.split(",") if name)


def build_parser() -> argparse.ArgumentParser:
    default = NerTrainingOptions(data=Path())
    crf = CrfSettings()
    parser = argparse.ArgumentParser(prog="python -m arextract.train")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ner", help="train the default NER tagger (CRF + BiLSTM-CRF ensemble)")
    p.add_argument("--data", required=True, type=Path, help="folder with anercorp/ newsfane/ wikifane/")
    p.add_argument("--out", default=default.out, type=Path, help="model directory to write")
    p.add_argument("--limit", type=int, default=None, help="sentences per corpus and dev set (smoke run)")
    p.add_argument("--labels", default=None, type=Path, help="labels.toml (default: OUT/labels.toml)")
    p.add_argument("--kb", default=None, type=Path, help="folder with countries.tsv/cities.tsv")
    p.add_argument("--corpora", default=",".join(default.corpora), type=_names)
    p.add_argument(
        "--gaz-corpora",
        default=",".join(default.gaz_corpora),
        type=_names,
        help="train splits harvested for gazetteers and lexicons",
    )
    p.add_argument("--c1", type=float, default=crf.c1)
    p.add_argument("--c2", type=float, default=crf.c2)
    p.add_argument("--iterations", type=int, default=crf.iterations)
    p.add_argument("--minfreq", type=float, default=crf.minfreq)
    p.add_argument("--window", type=int, default=crf.window)
    p.add_argument(
        "--gaz-folds",
        type=int,
        default=default.gaz_folds,
        help="jack-knife the train-harvested gazetteers over K folds",
    )
    p.add_argument(
        "--domain-adapt",
        action=argparse.BooleanOptionalAction,
        default=crf.domain_adapt,
        help="feature augmentation: ANERcorp-convention vs FANE-convention copies",
    )
    p.add_argument("--loc-fallback", default=default.loc_fallback, choices=list(LOC_TYPES))
    p.add_argument(
        "--family",
        default=default.family,
        choices=list(FAMILIES),
        help="ensemble: both models, their weight chosen on ANERcorp dev",
    )
    p.add_argument(
        "--epochs", type=int, default=default.epochs, help="BiLSTM-CRF epochs (the best on dev is kept)"
    )
    p.add_argument("--hidden", type=int, default=default.hidden, help="BiLSTM-CRF hidden size per direction")
    p.add_argument(
        "--consistency-window",
        type=int,
        default=default.consistency_window,
        help="sentences either side searched for a name (0: off)",
    )
    _wordrep_arguments(p, default)
    return parser


def _wordrep_arguments(p: argparse.ArgumentParser, default: NerTrainingOptions) -> None:
    reps = default.wordreps
    p.add_argument(
        "--unlabeled",
        default=None,
        type=Path,
        help="unlabeled Arabic text (.txt or .txt.xz, or a folder holding one) for word vectors "
        "and clusters (word2vec + k-means; needs the 'train' extra); default: none",
    )
    p.add_argument(
        "--vectors", default=default.vectors, type=Path, help="cache folder for corpus and word2vec"
    )
    p.add_argument("--vector-dim", type=int, default=reps.dim)
    p.add_argument("--vector-epochs", type=int, default=reps.epochs, help="word2vec epochs")
    p.add_argument("--vector-seed", type=int, default=reps.seed, help="word2vec and k-means seed")
    p.add_argument("--vector-vocab", type=int, default=reps.max_vocab, help="corpus words kept in the model")
    p.add_argument(
        "--quantize-vectors",
        action=argparse.BooleanOptionalAction,
        default=reps.quantize,
        help="store the vectors as int8 instead of float16",
    )
    p.add_argument(
        "--vector-drop",
        type=float,
        default=default.vector_drop,
        help="BiLSTM-CRF training: share of tokens whose vector is withheld (the 'no vector' input)",
    )
    for flag, value, what in (
        ("--stem-vectors", default.stem_vectors, "BiLSTM-CRF: also the proclitic-stripped stem's vector"),
        ("--bilstm-vectors", default.bilstm_vectors, "BiLSTM-CRF: read the word vectors"),
        ("--crf-clusters", CrfSettings().clusters, "CRF: word-cluster ids as attributes"),
        ("--cluster-context", CrfSettings().cluster_context, "CRF: also the neighbours' cluster ids"),
        ("--cluster-none", CrfSettings().cluster_none, "CRF: a 'c=none' attribute for words without one"),
        (
            "--rare-training-vectors",
            default.wordreps.rare_training_vectors,
            "keep the vectors of training-split words below the export count",
        ),
    ):
        p.add_argument(flag, action=argparse.BooleanOptionalAction, default=value, help=what)


def _unlabeled_file(path: Path | None) -> Path | None:
    """``--unlabeled``: a file, or a folder holding exactly one ``*.txt.xz`` / ``*.txt``."""
    if path is None or not path.is_dir():
        return path
    found = sorted(path.glob("*.txt.xz")) or sorted(path.glob("*.txt"))
    if len(found) != 1:
        raise SystemExit(f"--unlabeled {path}: expected one .txt.xz or .txt file, found {len(found)}")
    return found[0]


def options(args: argparse.Namespace) -> NerTrainingOptions:
    crf = CrfSettings(
        args.c1,
        args.c2,
        args.iterations,
        args.minfreq,
        args.window,
        args.domain_adapt,
        args.crf_clusters,
        args.cluster_context,
        args.cluster_none,
    )
    reps = WordRepSettings(
        dim=args.vector_dim,
        epochs=args.vector_epochs,
        seed=args.vector_seed,
        max_vocab=args.vector_vocab,
        quantize=args.quantize_vectors,
        rare_training_vectors=args.rare_training_vectors,
    )
    return NerTrainingOptions(
        data=args.data,
        out=args.out,
        kb=args.kb,
        labels=args.labels,
        limit=args.limit,
        corpora=args.corpora,
        gaz_corpora=args.gaz_corpora,
        gaz_folds=args.gaz_folds,
        loc_fallback=args.loc_fallback,
        family=args.family,
        crf=crf,
        epochs=args.epochs,
        hidden=args.hidden,
        consistency_window=args.consistency_window,
        unlabeled=_unlabeled_file(args.unlabeled),
        vectors=args.vectors,
        wordreps=reps,
        vector_drop=args.vector_drop,
        stem_vectors=args.stem_vectors,
        bilstm_vectors=args.bilstm_vectors,
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != "0":
        # Python randomises string hashing per process. twin_folds once broke ties
        # in the order of a set of words, so a NewsFANE sentence could change fold
        # (and gazetteer features) from one process to the next; it sorts now, and
        # training still runs in a child with a fixed hash seed, so that no other
        # set order can make two runs differ. Here rather than under __main__, so
        # `python -m arextract train` and callers of main() get it too.
        child = [sys.executable, "-m", "arextract.train", *(sys.argv[1:] if argv is None else argv)]
        return subprocess.run(child, env={**os.environ, "PYTHONHASHSEED": "0"}).returncode
    train_ner(options(args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
