"""Training the feature CRF with python-crfsuite; the runtime (:mod:`arextract.ner.crf`) reads
the weights exported from it, without crfsuite."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from arextract.ner.features import FeatureExtractor, Gazetteers
from arextract.ner.wordreps import WordReps
from arextract.training.dataset import TrainingSentence


@dataclass(frozen=True)
class CrfSettings:
    c1: float = 0.05  # L1 penalty
    c2: float = 0.01  # L2 penalty
    iterations: int = 150  # L-BFGS iterations
    minfreq: float = 1.0  # features seen fewer times are dropped
    window: int = 2  # context words either side
    # Feature augmentation: every feature also in an ANERcorp-convention ("A") or a
    # FANE-convention ("F") copy, so the two corpora's annotation habits do not blur.
    domain_adapt: bool = True
    clusters: bool = True  # word-cluster ids as attributes (when word representations are learned)
    cluster_context: bool = True  # ... also those of the words at ±1 (all) and ±2 (the coarsest)
    # A 'c=none' attribute for a word without a cluster. Off: in training nearly every
    # word has one, so the attribute learns 'rare word = name' and tags new common words
    # (كوفيد, absent from the 2017 text) as names.
    cluster_none: bool = False


def train_crf(
    train: Sequence[TrainingSentence],
    fold_gaz: Sequence[Gazetteers],
    settings: CrfSettings,
    model_path: Path,
    reps: WordReps | None = None,
) -> dict[str, object]:
    """Train the CRF to ``model_path`` (crfsuite format); returns its settings for config.json.
    `reps`: word clusters read as attributes (when ``settings.clusters``)."""
    reps = reps if settings.clusters else None
    import pycrfsuite

    t0 = time.time()
    domains: tuple[str, ...] = ("A", "F") if settings.domain_adapt else ("",)
    extractors = {
        (k, d): FeatureExtractor(
            g,
            window=settings.window,
            domain=d,
            reps=reps,
            cluster_context=settings.cluster_context,
            cluster_none=settings.cluster_none,
        )
        for k, g in enumerate(fold_gaz)
        for d in domains
    }
    trainer = pycrfsuite.Trainer(verbose=False)
    n_tok = 0
    for s, fold, corpus in train:
        dom = domains[0] if corpus == "anercorp" or not settings.domain_adapt else domains[1]
        trainer.append(extractors[fold, dom].sentence([w for w, _ in s]), [t for _, t in s])
        n_tok += len(s)
    print(
        f"CRF: {len(train)} sentences, {n_tok} tokens; features in {time.time() - t0:.0f}s", file=sys.stderr
    )
    params = {
        "c1": settings.c1,
        "c2": settings.c2,
        "max_iterations": settings.iterations,
        "feature.minfreq": settings.minfreq,
        "feature.possible_transitions": True,
    }
    trainer.set_params(params)
    trainer.train(str(model_path))
    print(f"CRF: trained in {time.time() - t0:.0f}s", file=sys.stderr)
    return {
        "family": "crfsuite-lbfgs",
        "params": params,
        "window": settings.window,
        "domain": domains[0],
        "clusters": reps is not None,
        "cluster_context": settings.cluster_context,
        "cluster_none": settings.cluster_none,
    }
