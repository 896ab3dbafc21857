"""Span helpers over character offsets."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence


class SpanSet:
    """Character spans, for the O(log n) questions stages ask for every token (a linear scan
    made long articles quadratic): is this offset covered, does this range overlap a span (both
    on the spans merged), and which span starts inside this token (on the spans as given)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        given = list(spans)
        merged: list[list[int]] = []
        for start, end in sorted(given):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]
        self._by_start = sorted((start, position) for position, (start, _) in enumerate(given))
        self._given_starts = [start for start, _ in self._by_start]

    def covers(self, offset: int) -> bool:
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_right(self._starts, end - 1) - 1
        return index >= 0 and self._ends[index] > start

    def first_starting_in(self, start: int, end: int) -> int | None:
        """The position, in the order the spans were given, of the first span that starts in
        ``[start, end)``; None when no span does."""
        low = bisect_left(self._given_starts, start)
        high = bisect_left(self._given_starts, end)
        return min((position for _, position in self._by_start[low:high]), default=None)


def bio_spans(labels: Sequence[str], *, scheme: str = "BIO") -> list[tuple[int, int, str]]:
    """``(start, end, type)`` token spans of a label sequence, ``end`` exclusive, with conlleval
    semantics: an ``I-`` whose type differs from the open span's (or with none open) starts a
    span. ``scheme="BIOES"`` (or BILOU) reads ``S-``/``U-`` as a beginning and ``E-``/``L-`` as
    a continuation, so the decoders of the builtin tagger, training, evaluation and the
    external backends agree on every sequence."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for index, label in enumerate([*labels, "O"]):
        if label == "O":  # (most labels: it only closes the open span)
            if start >= 0:
                spans.append((start, index, kind))
                start, kind = -1, ""
            continue
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
