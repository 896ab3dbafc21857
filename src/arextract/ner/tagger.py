"""Runtime NER tagger: ``NerTagger.load("models/ner").tag(tokens)``."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from arextract.ner.features import FeatureExtractor, Gazetteers, normalize, strip_proclitics

__all__ = ["NerTagger"]


def _spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    start = -1
    typ = ""
    for i, lab in enumerate([*labels, "O"]):
        begin = lab.startswith("B-") or (lab.startswith("I-") and lab[2:] != typ)
        if start >= 0 and (lab == "O" or begin):
            out.append((start, i, typ))
            start, typ = -1, ""
        if begin:
            start, typ = i, lab[2:]
    return out


class NerTagger:
    """CRF sequence tagger over raw surface tokens.

    Labels are BIO over arextract types (``B-PERSON``, ``I-COUNTRY``), with a
    ``/subtype`` suffix (``B-ORGANIZATION/media``) when the span is in the
    subtype lexicon harvested from the FANE training data.
    """

    def __init__(
        self,
        crf: pycrfsuite.Tagger,
        features: FeatureExtractor,
        subtypes: dict[str, tuple[str, str]],
        model_version: str,
    ) -> None:
        self._crf = crf
        self._features = features
        self._subtypes = subtypes
        self.model_version = model_version

    @classmethod
    def load(cls, model_dir: str | Path) -> NerTagger:
        d = Path(model_dir)
        model_path = d / "model.crfsuite"
        config: dict[str, object] = {}
        if (d / "config.json").exists():
            config = json.loads((d / "config.json").read_text(encoding="utf-8"))
        crf = pycrfsuite.Tagger()
        crf.open(str(model_path))
        with open(model_path, "rb") as fh:
            version = hashlib.sha256(fh.read()).hexdigest()[:12]
        subtypes: dict[str, tuple[str, str]] = {}
        sub_path = d / "subtypes.tsv"
        if sub_path.exists():
            for line in sub_path.read_text(encoding="utf-8").splitlines()[1:]:
                parts = line.split("\t")
                if len(parts) == 3:
                    subtypes[parts[0]] = (parts[1], parts[2])
        window = config.get("window", 2)
        domain = config.get("domain", "")
        known: set[str] | None = None
        attr_path = d / "attributes.txt"
        if attr_path.exists():
            known = set(attr_path.read_text(encoding="utf-8").split("\n"))
        fx = FeatureExtractor(
            Gazetteers.load(d),
            known=known,
            window=window if isinstance(window, int) else 2,
            domain=domain if isinstance(domain, str) else "",
        )
        return cls(crf, fx, subtypes, version)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """One BIO label per input token."""
        if not tokens:
            return []
        labels = list(self._crf.tag(self._features.sentence(tokens)))
        if self._subtypes:
            for s, e, typ in _spans(labels):
                norm = [normalize(t) for t in tokens[s:e]]
                norm[0] = strip_proclitics(norm[0])
                hit = self._subtypes.get(" ".join(norm))
                if hit is not None and hit[0] == typ:
                    for k in range(s, e):
                        labels[k] = ("B-" if k == s else "I-") + typ + "/" + hit[1]
                else:
                    labels[s] = "B-" + typ
                    for k in range(s + 1, e):
                        labels[k] = "I-" + typ
        return labels
