"""Span helpers over character offsets."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence


class SpanSet:
    """Character spans merged and sorted, for O(log n) "is this offset covered?" questions
    (stages ask them for every token; a linear scan made long articles quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def covers(self, offset: int) -> bool:
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_right(self._starts, end - 1) - 1
        return index >= 0 and self._ends[index] > start


def bio_spans(labels: Sequence[str], *, scheme: str = "BIO") -> list[tuple[int, int, str]]:
    """``(start, end, type)`` token spans of a label sequence, ``end`` exclusive, with conlleval
    semantics: an ``I-`` whose type differs from the open span's (or with none open) starts a
    span. ``scheme="BIOES"`` (or BILOU) reads ``S-``/``U-`` as a beginning and ``E-``/``L-`` as
    a continuation, so the decoders of the builtin tagger, training, evaluation and the
    external backends agree on every sequence."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for index, label in enumerate([*labels, "O"]):
        tag, dash, label_kind = label.partition("-")
        if scheme != "BIO" and dash:
            tag = {"S": "B", "U": "B", "E": "I", "L": "I"}.get(tag, tag)
        continues = tag == "I" and start >= 0 and label_kind == kind
        if start >= 0 and not continues:
            spans.append((start, index, kind))
            start, kind = -1, ""
        if tag in ("B", "I") and dash and not continues:
            start, kind = index, label_kind
    return spans
