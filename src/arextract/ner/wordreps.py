"""Word representations learned from unlabeled Arabic, as the taggers read them at run time.

``arextract.training.wordreps`` learns them (gensim word2vec, scikit-learn k-means) and
writes, for a pruned vocabulary of normalised words (``tagger_fold``):

* ``wordreps.txt``: the words, one per line, and
* ``wordreps.npz``: per word (row = line), its cluster id at each granularity
  (``clusters``, int16; ``grains`` holds the numbers of clusters) and its unit-length
  vector (``vectors``: float16, or int8 to be multiplied by ``vector_scale``; either way the
  taggers read them as float16, in training as at run time).

Here they are plain lookups (NumPy only). A word missing from the vocabulary falls back to
its proclitic-stripped stem, then to that stem without ``ال`` (``lookup_forms``:
``وقازاقستان`` -> ``قازاقستان``, ``للصين`` -> ``الصين`` -> ``صين``), the same at training
and at run time.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from arextract.ner.features import lookup_forms

__all__ = ["NPZ", "TSV", "WordReps"]

TSV, NPZ = "wordreps.txt", "wordreps.npz"


class WordReps:
    """Cluster ids and (float16, unit-length) vectors of normalised words."""

    def __init__(
        self, words: Sequence[str], clusters: np.ndarray, grains: Sequence[int], vectors: np.ndarray | None
    ) -> None:
        self.index = {w: i for i, w in enumerate(words)}
        self.clusters = clusters  # (n, len(grains)) int
        self.grains = tuple(grains)
        self.vectors = vectors  # (n, d) float16 or None

    @classmethod
    def load(cls, model_dir: str | Path) -> WordReps | None:
        """The representations of a model directory; None when it has none."""
        d = Path(model_dir)
        if not (d / TSV).exists() or not (d / NPZ).exists():
            return None
        words = (d / TSV).read_text(encoding="utf-8").split("\n")
        if words and not words[-1]:
            words.pop()
        with np.load(d / NPZ) as npz:
            clusters = npz["clusters"]
            grains = [int(g) for g in npz["grains"]]
            vectors = npz["vectors"] if "vectors" in npz.files else None
            if vectors is not None and "vector_scale" in npz.files:  # int8-quantised
                vectors = (vectors.astype(np.float32) * float(npz["vector_scale"])).astype(np.float16)
        if len(words) != len(clusters) or (vectors is not None and len(vectors) != len(words)):
            raise ValueError(f"{d}: {TSV} and {NPZ} disagree on the vocabulary size")
        return cls(words, clusters, grains, vectors)

    @property
    def dim(self) -> int:
        return 0 if self.vectors is None else int(self.vectors.shape[1])

    def row(self, norm: str) -> int:
        """Row of a normalised word, else of its stem, else of its bare stem; -1 if none."""
        i = self.index.get(norm)
        if i is not None:
            return i
        for form in lookup_forms(norm)[1:]:
            i = self.index.get(form)
            if i is not None:
                return i
        return -1

    def cluster_ids(self, norm: str) -> tuple[int, ...]:
        """One cluster id per granularity (empty when neither the word nor its stems are known)."""
        i = self.row(norm)
        return () if i < 0 else tuple(int(x) for x in self.clusters[i])
