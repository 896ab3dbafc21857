"""The feature CRF's scores in NumPy.

The CRF is trained with python-crfsuite (``arextract.train``), then its weights
are exported to ``crf.npz``: one row of label weights per attribute (aligned with
``attributes.txt``) and the label-transition matrix.  Scoring a sentence is then
a gather and a sum, and the ensemble in ``arextract.ner.tagger`` can add these
scores to the BiLSTM-CRF's before a single Viterbi pass.  Decoding the CRF alone
this way gives exactly crfsuite's labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from arextract.ner.features import FeatureExtractor, Gazetteers, TypeRows
from arextract.ner.wordreps import WordReps

__all__ = ["CrfScorer", "export_crfsuite"]


def export_crfsuite(model_path: str | Path, out_dir: str | Path, labels: Sequence[str]) -> None:
    """Write ``attributes.txt`` and ``crf.npz`` from a crfsuite model; rows and
    columns follow `labels` (the ensemble's label order)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    info = tagger.info()
    tagger.close()
    label_index = {label: i for i, label in enumerate(labels)}
    attributes = sorted({a for a, _ in info.state_features})
    attr_index = {a: i for i, a in enumerate(attributes)}
    weights = np.zeros((len(attributes), len(labels)), dtype=np.float32)
    for (attr, label), w in info.state_features.items():
        weights[attr_index[attr], label_index[label]] = w
    transitions = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (a, b), w in info.transitions.items():
        transitions[label_index[a], label_index[b]] = w
    out = Path(out_dir)
    (out / "attributes.txt").write_text("\n".join(attributes) + "\n", encoding="utf-8")
    np.savez_compressed(out / "crf.npz", weights=weights, transitions=transitions, labels=np.array(labels))


class CrfScorer:
    """Per-token label scores (emissions) and transitions of the exported CRF."""

    def __init__(
        self,
        features: FeatureExtractor,
        attributes: dict[str, int],
        weights: np.ndarray,
        transitions: np.ndarray,
        labels: list[str],
    ) -> None:
        self.features = features
        self.labels = labels
        self.attributes = attributes
        self.weights = weights
        self.transitions = transitions
        window = features.window
        # row k of a word type's scores goes to the token `_offsets[k]` after it
        self._offsets = (0, *range(-window, 0), *range(1, window + 1))
        # per word type: its normalised form, stem, and the number of its scores in `_rows`
        self._types: dict[str, tuple[str, str, int]] = {}
        self._rows = TypeRows((len(self._offsets), weights.shape[1]))

    @classmethod
    def load(
        cls,
        model_dir: str | Path,
        gaz: Gazetteers,
        window: int,
        domain: str,
        reps: WordReps | None = None,
        cluster_context: bool = True,
        cluster_none: bool = True,
    ) -> CrfScorer:
        """`reps`: the word clusters the CRF was trained with (``config.json`` ``crf.clusters``)."""
        d = Path(model_dir)
        names = (d / "attributes.txt").read_text(encoding="utf-8").split("\n")
        # row i of the weights is line i (a blank line names no attribute); zip builds the
        # 177k-entry index in C, a measurable part of the pipeline's cold start
        attributes = dict(zip(names, range(len(names)), strict=True))
        attributes.pop("", None)
        with np.load(d / "crf.npz") as npz:
            weights, transitions = npz["weights"], npz["transitions"]
            labels = [str(x) for x in npz["labels"]]
        if weights.shape != (len(attributes), len(labels)) or transitions.shape != (len(labels),) * 2:
            # a truncated attributes.txt still parses: only the counts tell it from the weights
            raise ValueError(
                f"attributes.txt lists {len(attributes)} attributes and {len(labels)} labels, but "
                f"crf.npz holds weights {weights.shape} and transitions {transitions.shape}"
            )
        features = FeatureExtractor(
            gaz,
            window=window,
            domain=domain,
            known=attributes.keys(),
            reps=reps,
            cluster_context=cluster_context,
            cluster_none=cluster_none,
        )
        return cls(features, attributes, weights, transitions, labels)

    def _type_scores(self, token: str) -> tuple[str, str, int]:
        """A word type's normalised form, stem, and the number of its scores in ``_rows``:
        row 0 from its own attributes, row k (1..2W) what it adds to the token at offset
        `_offsets[k]`."""
        hit = self._types.get(token)
        if hit is not None:
            return hit
        norm, own, ctx, stem = self.features.word_info(token)
        index, weights = self.attributes, self.weights
        rows = np.zeros((len(self._offsets), weights.shape[1]), dtype=np.float32)
        rows[0] = weights[[index[a] for a in own]].sum(0)
        for k, off in enumerate(self._offsets[1:], start=1):
            rows[k] = weights[[index[a] for a in ctx[-off]]].sum(0)
        self._rows.add([token], rows[None])
        self._types[token] = hit = (norm, stem, self._rows.index[token])
        return hit

    def emissions(self, sentences: Sequence[Sequence[str]]) -> tuple[list[np.ndarray], list[list[str]]]:
        """Per sentence, (n, L) scores: the summed weights of each token's CRF
        attributes; and its multi-word gazetteer tags (``Gazetteers.bio_tags``).

        Equal to summing the weights of ``FeatureExtractor.sentence(tokens)``'s
        attributes, but word-type sums are cached and the whole batch is one
        array: sentences are laid end to end with `window` empty rows between
        them, so context scores shifted past a sentence's end land in a gap.
        """
        window = self.features.window
        if self._rows.make_room(sum(len(tokens) for tokens in sentences)):
            self._types.clear()
        blocks: list[int] = [0] * window  # numbers of rows in `_rows`; 0 is the zero padding
        starts: list[int] = []
        rows: list[int] = []
        owners: list[int] = []
        all_tags: list[list[str]] = []
        index = self.attributes
        for tokens in sentences:
            infos = [self._type_scores(t) for t in tokens]
            start = len(blocks)
            starts.append(start)
            blocks.extend(info[2] for info in infos)
            blocks.extend([0] * window)
            norm = [info[0] for info in infos]
            tags = self.features.gaz.bio_tags(norm, [info[1] for info in infos])
            all_tags.append(tags)
            for i, attrs in enumerate(self.features.sentence_extras(norm, tags)):
                for a in attrs:
                    rows.append(index[a])
                    owners.append(start + i)
        stacked = self._rows.gather(blocks)  # (N, 1 + 2W, L)
        n = len(blocks)
        out = stacked[:, 0].copy()
        for k, off in enumerate(self._offsets[1:], start=1):
            # token i receives row k of token i - off
            if off > 0:
                out[off:] += stacked[: n - off, k]
            else:
                out[: n + off] += stacked[-off:, k]
        np.add.at(out, owners, self.weights[rows])
        return [out[st : st + len(tokens)] for st, tokens in zip(starts, sentences, strict=True)], all_tags
