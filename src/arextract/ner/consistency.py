"""Document-level label consistency for a sentence-level tagger.

A news story names a person in full once (`أرسين فينغر`) and then by surname
(`فينغر`), often in sentences where the tagger alone is unsure.  After tagging,
every PERSON or ORGANIZATION string the tagger found (and the surname of each
multi-token PERSON) is looked up in the neighbouring sentences, and occurrences
whose tokens are all untagged receive the same type (Krishnan & Manning 2006
make the same observation for English).

Measured on ANERcorp dev with the CRF: micro F1 72.36 -> 73.81 (recall +2.8,
precision -0.6), a window of 10 sentences on each side; retyping or untagging
by majority vote, and propagating places too, did not help.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

from arextract.text.clitics import clitic_readings
from arextract.text.normalize import tagger_fold
from arextract.text.spans import bio_spans

__all__ = ["PROPAGATED_TYPES", "propagate_names"]

PROPAGATED_TYPES = frozenset({"PERSON", "ORGANIZATION"})


@lru_cache(maxsize=200_000)
def _forms(token: str) -> tuple[str, frozenset[str]]:
    """A token's normalised form, and the forms it may stand for once a proclitic
    is removed: `وفينغر` -> `فينغر`; `للصين` -> `الصين` (its clitic readings, stems of two
    letters at least).  Stripping is never applied to the name itself, so `فينغر` does not
    become `ينغر`."""
    word = tagger_fold(token)
    return word, frozenset(reading.stem for reading in clitic_readings(word, 2))


# Words after which a family name goes on with the name before it (عبد الله بن + مساعد).
_LINEAGE = frozenset(["بن", "ابن", "بنت", "ال"])


def _continues_name(key: Sequence[str], labels: Sequence[str], at: int, first: str, typ: str) -> bool:
    """Whether a name copied onto ``at`` goes on with a PERSON tagged just before it: a family
    name written as it was seen (``المعولي`` after a tagged ``سعود``: one person سعود المعولي,
    not two), or any name after a lineage word (``بن`` + ``مساعد``). Not after a proclitic
    (``كازنوف وماي`` is two people) nor a bare word the tagger once took for a name."""
    if at == 0 or typ != "PERSON" or labels[at - 1][2:].split("/", 1)[0] != typ or key[at] != first:
        return False
    return first.startswith("ال") or key[at - 1] in _LINEAGE


def propagate_names(
    sentences: Sequence[Sequence[str]],
    labels: Sequence[Sequence[str]],
    window: int = 10,
    types: frozenset[str] = PROPAGATED_TYPES,
) -> list[list[str]]:
    """Labels with names tagged elsewhere within `window` sentences copied onto
    untagged occurrences.  A name's first token also matches with a proclitic
    attached (`فينغر` -> `وفينغر`, `لفينغر`) or removed (a span `وفينغر` ->
    `فينغر`); later tokens match exactly (normalised).  Longer names are placed
    first, and a string tagged with several types takes its most frequent one."""
    words = [[_forms(t)[0] for t in s] for s in sentences]
    found: list[list[tuple[tuple[str, ...], str]]] = []
    for key, labs in zip(words, labels, strict=True):
        names: list[tuple[tuple[str, ...], str]] = []
        for s, e, label in bio_spans(labs):
            typ = label.split("/", 1)[0]  # a /subtype suffix does not matter here
            if typ not in types:
                continue
            names.append((tuple(key[s:e]), typ))
            if typ == "PERSON" and e - s >= 2:
                names.append(((key[e - 1],), typ))  # the surname alone
        found.append(names)
    out: list[list[str]] = []
    n = len(labels)
    for i, labs in enumerate(labels):
        # a defaultdict: setdefault(name, Counter()) built a Counter for every name seen
        votes: defaultdict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for j in range(max(0, i - window), min(n, i + window + 1)):
            for name, typ in found[j]:
                votes[name][typ] += 1
        if not votes:
            out.append(list(labs))
            continue
        new = list(labs)
        key = words[i]
        # where each form occurs: a token stands for itself and its stripped forms
        at: dict[str, list[int]] = {}
        for pos, token in enumerate(sentences[i]):
            for form in _forms(token)[1]:
                at.setdefault(form, []).append(pos)
        for name in sorted(votes, key=len, reverse=True):
            starts = set(at.get(name[0], ()))
            for form in _forms(name[0])[1] - {name[0]}:  # the span carried a proclitic
                starts.update(p for p in at.get(form, ()) if key[p] == form)
            if not starts:
                continue
            typ = votes[name].most_common(1)[0][0]
            m = len(name)
            for s in sorted(starts):
                if (
                    tuple(key[s + 1 : s + m]) == name[1:]
                    and s + m <= len(key)
                    and all(x == "O" for x in new[s : s + m])
                ):
                    new[s] = ("I-" if _continues_name(key, new, s, name[0], typ) else "B-") + typ
                    for q in range(s + 1, s + m):
                        new[q] = "I-" + typ
        out.append(new)
    return out
