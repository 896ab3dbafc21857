"""NER tagging speed: the tagger alone on plain-text files, in this process, on one core
(``python -m arextract.evaluate ner-speed``, used by ``benchmarks/run.py``)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from arextract.ner.tagger import NerTagger
from arextract.text.segment import split_sentences, tokenize


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
