"""One training run of the NER tagger: the training set, the CRF and the BiLSTM-CRF, the
ensemble weight chosen on dev, written as a model directory (``models/ner``) that
:class:`arextract.ner.tagger.NerTagger` loads."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from arextract.evaluation.ner import score_tagger
from arextract.ner.crf import export_crfsuite
from arextract.ner.features import Gazetteers
from arextract.ner.tagger import WEIGHT_FILES, NerTagger, model_version
from arextract.ner.wordreps import TSV as WORDREPS_TSV
from arextract.ner.wordreps import WordReps
from arextract.training.corpora import LabelMap, default_labels
from arextract.training.crf import CrfSettings, train_crf
from arextract.training.dataset import DevSets, build_training_set, dev_sets
from arextract.training.lexicons import write_subtypes
from arextract.training.wordreps import WordRepSettings

FAMILIES = ("ensemble", "crf", "bilstm")
CORPORA = ("anercorp", "newsfane", "wikifane")


@dataclass(frozen=True)
class NerTrainingOptions:
    """What ``python -m arextract.train ner`` takes (its options have the same names)."""

    data: Path  # folder with anercorp/ newsfane/ wikifane/
    out: Path = Path("models/ner")
    kb: Path | None = None  # knowledge files (default: the folder kb beside OUT)
    labels: Path | None = None  # labels.toml (default: OUT/labels.toml, else the shipped one)
    limit: int | None = None  # sentences per corpus and dev set (a smoke run)
    corpora: tuple[str, ...] = CORPORA
    gaz_corpora: tuple[str, ...] = CORPORA  # train splits harvested for gazetteers and lexicons
    gaz_folds: int = 4  # jack-knife the train-harvested gazetteers over K folds
    loc_fallback: str = "CITY"  # the type of an ANERcorp LOC no lexicon or gazetteer knows
    family: str = "ensemble"  # both models, their weight chosen on ANERcorp dev
    crf: CrfSettings = field(default_factory=CrfSettings)
    epochs: int = 20  # BiLSTM-CRF epochs (the best on dev is kept)
    hidden: int = 64  # BiLSTM-CRF hidden size per direction
    consistency_window: int = 10  # sentences either side searched for a name (0: off)
    # word representations from unlabeled text (None: none); their cache folder
    unlabeled: Path | None = None
    vectors: Path = Path.home() / ".cache" / "arextract" / "wordreps"
    wordreps: WordRepSettings = field(default_factory=WordRepSettings)
    vector_drop: float = 0.25  # BiLSTM-CRF: share of training tokens whose vector is withheld
    stem_vectors: bool = True  # BiLSTM-CRF: also the vector of the proclitic-stripped stem
    bilstm_vectors: bool = True  # BiLSTM-CRF: read the vectors at all

    @property
    def kb_dir(self) -> Path:
        return self.kb if self.kb is not None else self.out.resolve().parent / "kb"


def train_ner(options: NerTrainingOptions) -> Path:
    """Train and write the model directory ``options.out``; returns it."""
    out = options.out
    out.mkdir(parents=True, exist_ok=True)
    lm = _label_map(options)
    t0 = time.time()
    built = build_training_set(
        options.data,
        lm,
        options.limit,
        options.corpora,
        options.kb_dir,
        options.loc_fallback,
        options.gaz_folds,
        options.gaz_corpora,
    )
    train, fold_gaz = built.sentences, built.fold_gazetteers
    built.gazetteers.save(out)
    write_subtypes(out / "subtypes.tsv", built.subtypes)
    if options.gaz_folds <= 1:  # exactly what the runtime tagger will load
        fold_gaz = [Gazetteers.load(out)]
    labels = ["O", *sorted({t for s, _, _ in train for _, t in s} - {"O"})]
    for stale in (*WEIGHT_FILES, "attributes.txt", "neural.json", "model.crfsuite", WORDREPS_TSV):
        (out / stale).unlink(missing_ok=True)
    reps, reps_meta = _learn_wordreps(options)
    config: dict[str, object] = {
        "labels": labels,
        "corpora": list(options.corpora),
        "limit": options.limit,
        "loc_fallback": options.loc_fallback,
        "gaz_folds": options.gaz_folds,
        "gaz_corpora": ",".join(options.gaz_corpora),
        "consistency_window": options.consistency_window,
    }
    if reps_meta is not None:
        config["wordreps"] = reps_meta
    if options.family in ("crf", "ensemble"):
        with tempfile.TemporaryDirectory() as tmp:
            model_path = Path(tmp) / "model.crfsuite"
            crf = train_crf(train, fold_gaz, options.crf, model_path, reps)
            export_crfsuite(model_path, out, labels)
        config.update(window=crf.pop("window"), domain=crf.pop("domain"), crf=crf)
    dev = dev_sets(options.data, lm, options.limit)
    if options.family in ("bilstm", "ensemble"):
        from arextract.training.neural import BiLSTMSettings, train_bilstm  # torch: only when asked

        settings = BiLSTMSettings(
            epochs=options.epochs,
            hidden=options.hidden,
            vector_drop=options.vector_drop,
            stem_vectors=options.stem_vectors,
        )
        vectors = reps if options.bilstm_vectors else None
        meta = train_bilstm(train, fold_gaz, built.gazetteers, labels, dev, lm, out, settings, vectors)
        config["bilstm"] = {
            "family": "bilstm-crf",
            "settings": meta["settings"],
            "best_epoch": meta["best_epoch"],
            "dev_anercorp_f1": meta["dev_anercorp_f1"],
        }
    config["model_version"] = model_version(out)
    config_path = out / "config.json"
    # written before the weight sweep: the sweep loads the tagger, whose CRF features
    # (window, domain) come from this file
    config_path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    if options.family == "ensemble" and "anercorp" in dev:
        weight, scores = choose_crf_weight(out, dev, lm)
        config["ensemble"] = {"crf_weight": weight, "dev_anercorp_f1_by_crf_weight": scores}
        config_path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    print(f"trained in {time.time() - t0:.0f}s -> {out} ({config['model_version']})", file=sys.stderr)
    return out


def _learn_wordreps(options: NerTrainingOptions) -> tuple[WordReps | None, dict[str, object] | None]:
    """Word clusters and vectors learned from ``options.unlabeled`` plus the raw tokens of the
    training splits, written to OUT (``wordreps.txt``, ``wordreps.npz``); (None, None) without."""
    if options.unlabeled is None:
        return None, None
    from arextract.training.wordreps import learn_wordreps, training_tokens  # gensim, sklearn

    extra = training_tokens(options.data, options.corpora, options.limit)
    meta = learn_wordreps(options.unlabeled, extra, options.vectors, options.out, options.wordreps)
    meta["unlabeled"] = options.unlabeled.name
    return WordReps.load(options.out), meta


def _label_map(options: NerTrainingOptions) -> LabelMap:
    """The label map of ``--labels`` (else OUT's, else the shipped one), copied into OUT."""
    out = options.out
    labels_path = options.labels if options.labels else out / "labels.toml"
    if not labels_path.exists():
        labels_path = default_labels()
    if labels_path.resolve() != (out / "labels.toml").resolve():
        (out / "labels.toml").write_text(labels_path.read_text(encoding="utf-8"), encoding="utf-8")
    return LabelMap.load(labels_path)


def choose_crf_weight(out: Path, dev: DevSets, lm: LabelMap) -> tuple[float, dict[str, float]]:
    """The ensemble's CRF weight with the best ANERcorp dev F1 (runtime tagger,
    document consistency included), from 0.1 to 0.9."""
    tagger = NerTagger.load(out)
    sents, scheme = dev["anercorp"]
    scores: dict[str, float] = {}
    for step in range(1, 10):
        weight = step / 10
        tagger.set_crf_weight(weight)
        scores[f"{weight:.1f}"] = round(score_tagger(tagger, sents, scheme, lm)["micro"][2], 4)
    best = max(scores, key=lambda k: (scores[k], k))
    print(f"ensemble: ANERcorp dev F1 by CRF weight {scores}; chose {best}", file=sys.stderr)
    return float(best), scores
