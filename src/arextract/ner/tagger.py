"""Runtime NER tagger: ``NerTagger.load("models/ner").tag_document(sentences)``.

The shipped model is an ensemble of two linear-chain CRFs over the same labels:
a feature CRF (``crf.npz``, see ``arextract.ner.crf``) and a BiLSTM-CRF
(``neural.npz``, see ``arextract.ner.neural``).  Their emission and transition
scores are added with weights chosen on dev (a product of experts), decoded
with one Viterbi pass, and names are then made consistent across the document
(``arextract.ner.consistency``).  Either model alone also works: a directory
with only one of the two files is tagged by that one.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from arextract.errors import ResourceError
from arextract.ner.consistency import propagate_names
from arextract.ner.crf import CrfScorer
from arextract.ner.features import Gazetteers, span_key
from arextract.ner.neural import NeuralTagger, viterbi_batch
from arextract.ner.wordreps import WordReps
from arextract.text.spans import bio_spans

__all__ = ["WEIGHT_FILES", "NerTagger", "model_version"]

BATCH = 64  # sentences per LSTM batch
WEIGHT_FILES = ("crf.npz", "neural.npz", "wordreps.npz")  # those present

# What numpy, zipfile, json and the model constructors raise on a truncated, garbage or
# mismatched file (np.load of a non-zip: ValueError; a cut zip: BadZipFile or zlib.error; a
# weight matrix of the wrong shape: ValueError or IndexError at the first tagging).
_LOAD_ERRORS = (
    OSError,
    EOFError,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    zipfile.BadZipFile,
    zlib.error,
)


@contextmanager
def _loading(what: Path | str) -> Iterator[None]:
    """Turn any error reading ``what`` into a ResourceError that names it."""
    try:
        yield
    except ResourceError:
        raise
    except _LOAD_ERRORS as error:
        raise ResourceError(
            f"cannot load the NER model file {what}: {type(error).__name__}: {error} "
            "(restore it from the arextract distribution or retrain with arextract.train)"
        ) from error


def _json_object(path: Path) -> dict[str, object]:
    with _loading(path):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError(f"expected a JSON object, got {type(data).__name__}")
        return data


def model_version(model_dir: str | Path) -> str:
    """First 12 hex digits of the SHA-256 of the weight files present, in
    `WEIGHT_FILES` order: written to config.json by training, and what a
    loaded tagger reports."""
    digest = hashlib.sha256()
    for name in WEIGHT_FILES:
        path = Path(model_dir) / name
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


class NerTagger:
    """Sequence tagger over raw surface tokens.

    Labels are BIO over arextract types (``B-PERSON``, ``I-COUNTRY``), with a
    ``/subtype`` suffix (``B-ORGANIZATION/media``) when the span is in the
    subtype lexicon harvested from the FANE training data.
    """

    def __init__(
        self,
        labels: list[str],
        crf: CrfScorer | None,
        neural: NeuralTagger | None,
        crf_weight: float,
        subtypes: dict[str, tuple[str, str]],
        model_version: str,
        consistency_window: int = 10,
    ) -> None:
        if crf is None and neural is None:
            raise ValueError("a tagger needs a CRF, a BiLSTM-CRF, or both")
        self.labels = labels
        self._crf = crf
        self._neural = neural
        self._subtypes = subtypes
        self.model_version = model_version
        self.consistency_window = consistency_window
        self.set_crf_weight(crf_weight)

    def set_crf_weight(self, crf_weight: float) -> None:
        """Weight of the CRF's scores in the ensemble (the BiLSTM-CRF's is 1 - it)."""
        if self._neural is None:
            crf_weight = 1.0
        elif self._crf is None:
            crf_weight = 0.0
        self.crf_weight = a = crf_weight
        b = 1.0 - a
        n = len(self.labels)
        self._transitions = np.zeros((n, n), dtype=np.float32)
        self._start = np.zeros(n, dtype=np.float32)
        self._end = np.zeros(n, dtype=np.float32)
        if self._crf is not None:
            self._transitions += a * self._crf.transitions
        if self._neural is not None:
            self._transitions += b * self._neural.transitions
            self._start += b * self._neural.start
            self._end += b * self._neural.end

    @classmethod
    def load(cls, model_dir: str | Path) -> NerTagger:
        """Load a model directory. A file that cannot be read or parsed (truncated, garbage,
        not UTF-8, weights of the wrong shape) raises :class:`ResourceError` naming it."""
        d = Path(model_dir)
        config: dict[str, object] = {}
        if (d / "config.json").exists():
            config = _json_object(d / "config.json")
        with _loading(d / "gaz_*.txt"):
            gaz = Gazetteers.load(d)
        with _loading(d / "wordreps.npz (or wordreps.txt)"):
            reps = WordReps.load(d)  # clusters and vectors learned from unlabeled text, if any
        crf = neural = None
        labels: list[str] = []
        if (d / "crf.npz").exists():
            window = config.get("window", 2)
            domain = config.get("domain", "")
            width = window if isinstance(window, int) else 2
            crf_config = config.get("crf", {})
            crf_config = crf_config if isinstance(crf_config, dict) else {}
            with _loading(f"{d / 'crf.npz'} (or attributes.txt)"):
                crf = CrfScorer.load(
                    d,
                    gaz,
                    width,
                    domain if isinstance(domain, str) else "",
                    reps if crf_config.get("clusters") else None,
                    bool(crf_config.get("cluster_context", True)),
                    bool(crf_config.get("cluster_none", True)),  # models trained before the option had it
                )
            labels = crf.labels
        if (d / "neural.npz").exists():
            _json_object(d / "neural.json")
            with _loading(f"{d / 'neural.npz'} (or neural.json)"):
                neural = NeuralTagger.load(d, gaz, reps)
            if labels and neural.labels != labels:
                raise ResourceError(f"{d}: crf.npz and neural.json disagree on the label order")
            labels = neural.labels
        if crf is None and neural is None:
            raise ResourceError(f"no NER model in {d}: neither crf.npz nor neural.npz (see arextract.train)")
        subtypes: dict[str, tuple[str, str]] = {}
        sub_path = d / "subtypes.tsv"
        if sub_path.exists():
            with _loading(sub_path):
                for line in sub_path.read_text(encoding="utf-8").splitlines()[1:]:
                    parts = line.split("\t")
                    if len(parts) == 3:
                        subtypes[parts[0]] = (parts[1], parts[2])
        ensemble = config.get("ensemble", {})
        with _loading(d / "config.json"):
            crf_weight = float(ensemble.get("crf_weight", 0.5)) if isinstance(ensemble, dict) else 0.5
        window = config.get("consistency_window", 10)
        tagger = cls(
            labels,
            crf,
            neural,
            crf_weight,
            subtypes,
            model_version(d),
            window if isinstance(window, int) else 10,
        )
        # weights that load but do not fit together (a truncated matrix) fail here, at load
        # time with the files named, not in the middle of a batch
        with _loading(f"{d} (crf.npz / neural.npz: the weights do not fit together)"):
            tagger.tag_sentences([["قال", "وانغ", "يي", "في", "بكين"]])
        return tagger

    # -- tagging ---------------------------------------------------------
    def tag(self, tokens: Sequence[str]) -> list[str]:
        """One BIO label per token of one sentence."""
        return self.tag_document([tokens])[0]

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Labels for every sentence of a document, names made consistent across it."""
        labels = self.tag_sentences(sentences)
        if self.consistency_window > 0:
            labels = propagate_names(sentences, labels, self.consistency_window)
        return [self._with_subtypes(tokens, labs) for tokens, labs in zip(sentences, labels, strict=True)]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Sentence-level labels (no document consistency, no subtypes)."""
        out: list[list[str]] = [[] for _ in sentences]
        # longest first, the order the LSTM and Viterbi batches want, so their own sorts are no-ops
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: -len(sentences[i]))
        for k in range(0, len(order), BATCH):
            idx = order[k : k + BATCH]
            batch = [sentences[i] for i in idx]
            for i, path in zip(idx, self._decode(batch), strict=True):
                out[i] = [self.labels[j] for j in path]
        return out

    def _decode(self, batch: Sequence[Sequence[str]]) -> list[list[int]]:
        lengths = [len(s) for s in batch]
        crf_scores: list[np.ndarray] = []
        tags: list[list[str]] | None = None
        if self._crf is not None:
            crf_scores, tags = self._crf.emissions(batch)
        if self._neural is not None:
            scores = (1.0 - self.crf_weight) * self._neural.emissions(batch, tags)
        else:
            scores = np.zeros((len(batch), max(lengths), len(self.labels)), dtype=np.float32)
        for j, crf_j in enumerate(crf_scores):
            scores[j, : lengths[j]] += self.crf_weight * crf_j
        return viterbi_batch(scores, lengths, self._transitions, self._start, self._end)

    def _with_subtypes(self, tokens: Sequence[str], labels: list[str]) -> list[str]:
        if not self._subtypes:
            return labels
        labels = list(labels)
        for s, e, typ in bio_spans(labels):
            hit = self._subtypes.get(span_key(tokens[s:e]))
            suffix = "/" + hit[1] if hit is not None and hit[0] == typ else ""
            for k in range(s, e):
                labels[k] = ("B-" if k == s else "I-") + typ + suffix
        return labels
