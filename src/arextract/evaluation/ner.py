"""NER scores: exact-span precision, recall and F1 (conlleval semantics) of the tagger on a
CoNLL gold file, read as training reads its corpora (:mod:`arextract.training.corpora`), and of
the whole pipeline's mentions on corrected Label Studio or brat annotations."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from arextract.evaluation.annotations import Mention, read_annotations
from arextract.evaluation.gold import Extract, extract_gold_text
from arextract.text.spans import bio_spans
from arextract.training.corpora import (
    LabelMap,
    TaggedSentence,
    fix_bio,
    is_fane,
    map_fane,
    read_conll,
    rejoin_fane,
)

if TYPE_CHECKING:
    from arextract.ner.tagger import NerTagger

# type (and "micro") -> (precision, recall, f1, gold support)
Scores = dict[str, tuple[float, float, float, int]]


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float, int]:
    """(precision, recall, F1, gold support) from counts; 0.0 where undefined."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return (p, r, f, n_gold)


def score_spans(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> Scores:
    """Exact-span precision/recall/F1 per type and ``micro`` (conlleval semantics)."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs = set(bio_spans(g))
        ps = set(bio_spans(p))
        for s in gs:
            n_gold[s[2]] += 1
        for s in ps:
            n_pred[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1
    out: Scores = {}
    for typ in sorted(set(n_gold) | set(n_pred)):
        out[typ] = prf(tp[typ], n_pred[typ], n_gold[typ])
    out["micro"] = prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return out


def score_tagger(tagger: NerTagger, sents: Sequence[TaggedSentence], scheme: str, lm: LabelMap) -> Scores:
    """Tag `sents` (gold already in arextract types for ``fine``, raw ANERcorp
    tags for ``coarse``) and score them."""
    gold = [
        fix_bio([t for _, t in s]) if scheme == "coarse" else lm.to_scheme([t for _, t in s], scheme)
        for s in sents
    ]
    # The corpora carry no document boundaries: the file is tagged as one stream,
    # so name consistency looks `consistency_window` sentences either side, as
    # it does inside a document at run time.
    pred = tagger.tag_document([[w for w, _ in s] for s in sents])
    return score_spans(gold, [lm.to_scheme(p, scheme) for p in pred])


def evaluate_ner(
    path: str | Path, model_dir: str | Path = "models/ner", scheme: str | None = None
) -> tuple[Scores, str, float]:
    """Tag `path` with the model and score it; returns (scores, scheme, tokens/s)."""
    from arextract.ner.tagger import NerTagger

    model_dir = Path(model_dir)
    lm = LabelMap.load(model_dir / "labels.toml")
    sents = read_conll(path)
    if is_fane(sents):
        sents = [map_fane(rejoin_fane(s), lm) for s in sents]
        scheme = scheme or "fine"
    else:
        if scheme not in (None, "coarse"):
            print("ANERcorp-style gold is coarse: scoring with --scheme coarse", file=sys.stderr)
        scheme = "coarse"
    tagger = NerTagger.load(model_dir)
    t0 = time.perf_counter()
    scores = score_tagger(tagger, sents, scheme, lm)
    speed = sum(map(len, sents)) / max(time.perf_counter() - t0, 1e-9)
    return scores, scheme, speed


def score_mentions(gold: Sequence[Sequence[Mention]], system: Sequence[Sequence[Mention]]) -> Scores:
    """Exact-span precision/recall/F1 per type and ``micro``, mentions counted as multisets (two
    mentions on one span, one per country, are two)."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_system: Counter[str] = Counter()
    for gold_mentions, system_mentions in zip(gold, system, strict=True):
        g, s = Counter(gold_mentions), Counter(system_mentions)
        for mention, count in g.items():
            n_gold[mention.type] += count
            tp[mention.type] += min(count, s[mention])
        for mention, count in s.items():
            n_system[mention.type] += count
    out = {label: prf(tp[label], n_system[label], n_gold[label]) for label in sorted(n_gold | n_system)}
    out["micro"] = prf(sum(tp.values()), sum(n_system.values()), sum(n_gold.values()))
    return out


def evaluate_mentions(path: str | Path, extract: Extract) -> Scores:
    """The pipeline's mentions against a corrected brat folder or Label Studio export."""
    gold: list[list[Mention]] = []
    system: list[list[Mention]] = []
    for annotated in read_annotations(path):
        doc = extract_gold_text(extract, annotated.gold, dated=True)
        gold.append(annotated.mentions)
        system.append([Mention(e.type.value, e.start, e.end) for e in doc.entities])
    return score_mentions(gold, system)


def print_scores(scores: Scores) -> None:
    """A table of precision, recall, F1 (percent) and support per type, ``micro`` last."""
    print(f"{'type':<14}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}")
    for typ, (p, r, f, n) in scores.items():
        if typ == "micro":
            continue
        print(f"{typ:<14}{100 * p:>10.2f}{100 * r:>10.2f}{100 * f:>10.2f}{n:>9}")
    p, r, f, n = scores["micro"]
    print(f"{'micro':<14}{100 * p:>10.2f}{100 * r:>10.2f}{100 * f:>10.2f}{n:>9}")
