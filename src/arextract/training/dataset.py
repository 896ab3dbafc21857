"""The training set of the NER tagger: typed sentences of every corpus, their gazetteer folds,
and the gazetteers and lexicons harvested from them."""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from arextract.ner.features import Gazetteers
from arextract.text.normalize import tagger_fold
from arextract.training.corpora import (
    LabelMap,
    TaggedSentence,
    map_anercorp,
    map_fane,
    read_conll,
    rejoin_fane,
    strip_subtypes,
)
from arextract.training.lexicons import Lexicon, harvest, kb_lexicon, refine_loc

# corpus -> (sentences, scoring scheme: "coarse" for ANERcorp's gold, "fine" for FANE's)
DevSets = dict[str, tuple[list[TaggedSentence], str]]


class TrainingSentence(NamedTuple):
    sentence: TaggedSentence
    fold: int  # whose gazetteers its features use (see `build_training_set`)
    corpus: str


@dataclass
class TrainingSet:
    sentences: list[TrainingSentence]
    fold_gazetteers: list[Gazetteers]  # per fold: harvested without that fold
    gazetteers: Gazetteers  # harvested from everything: what the model ships with
    subtypes: Lexicon


def load_corpora(
    data: Path, lm: LabelMap, split: str, limit: int | None, corpora: Sequence[str]
) -> dict[str, list[TaggedSentence]]:
    """Typed sentences (``B-TYPE/subtype``) per corpus; ANERcorp LOC left as LOC."""
    out: dict[str, list[TaggedSentence]] = {}
    for name in corpora:
        p = data / name / f"{split}.conll"
        if not p.exists():
            continue
        raw = read_conll(p, limit)
        if name == "anercorp":
            out[name] = [map_anercorp(s, lm) for s in raw]
        else:
            out[name] = [map_fane(rejoin_fane(s), lm, with_subtype=True) for s in raw]
    return out


def twin_folds(
    fane: Sequence[TaggedSentence], aner: Sequence[TaggedSentence], aner_folds: Sequence[int]
) -> list[int]:
    """Fold of each (re-joined) NewsFANE sentence = fold of the ANERcorp sentence
    sharing most of its rarer tokens; unmatched sentences get ``hash % K``-like
    positional folds."""
    k = max(aner_folds, default=0) + 1
    df: Counter[str] = Counter()
    sets = [{tagger_fold(w) for w, _ in s} for s in aner]
    for st in sets:
        df.update(st)
    index: dict[str, list[int]] = defaultdict(list)
    for i, st in enumerate(sets):
        for w in st:
            if df[w] <= 30:
                index[w].append(i)
    out: list[int] = []
    for j, s in enumerate(fane):
        votes: Counter[int] = Counter()
        toks = sorted({tagger_fold(w) for w, _ in s})  # sorted: ties go the same way in every process
        for w in toks:
            for i in index.get(w, ()):
                votes[i] += 1
        best = votes.most_common(1)
        out.append(aner_folds[best[0][0]] if best and best[0][1] >= 2 else j % k)
    return out


def _folds(corp: dict[str, list[TaggedSentence]], gaz_folds: int) -> dict[str, list[int]]:
    """Contiguous blocks of each corpus; a NewsFANE sentence takes its ANERcorp twin's fold."""

    def block(i: int, n: int) -> int:
        return min(gaz_folds - 1, i * gaz_folds // max(n, 1))

    folds = {name: [block(i, len(ss)) for i in range(len(ss))] for name, ss in corp.items()}
    if gaz_folds > 1 and "anercorp" in corp and "newsfane" in corp:
        folds["newsfane"] = twin_folds(corp["newsfane"], corp["anercorp"], folds["anercorp"])
    return folds


def build_training_set(
    data: Path,
    lm: LabelMap,
    limit: int | None,
    corpora: Sequence[str],
    kb_dir: Path,
    loc_fallback: str = "CITY",
    gaz_folds: int = 1,
    gaz_corpora: Sequence[str] = (),
    log: bool = True,
) -> TrainingSet:
    """The training sentences of `corpora`, with per-fold and full gazetteers.

    With ``gaz_folds`` K > 1 the gazetteer features of a training sentence come
    from gazetteers harvested on the other K-1 folds (jack-knifing), so the CRF
    does not learn to trust a gazetteer that contains every training entity.
    Folds are contiguous blocks of each corpus, except that a NewsFANE sentence
    takes the fold of its ANERcorp twin (same text, other order), found by
    rare-token overlap, so a name never leaks into its own sentence's gazetteer.
    """
    corp = load_corpora(data, lm, "train", limit, list(dict.fromkeys([*corpora, *gaz_corpora])))
    kb = kb_lexicon(kb_dir)
    gaz_set = set(gaz_corpora or corpora)
    folds = _folds(corp, gaz_folds)

    def gaz_source(exclude: int) -> list[TaggedSentence]:
        src: list[TaggedSentence] = []
        for name, ss in corp.items():
            if name not in gaz_set:
                continue
            for i, s in enumerate(ss):
                if exclude >= 0 and folds[name][i] == exclude:
                    continue
                if name == "anercorp":
                    # coarse LOC is not a gazetteer class; PERS/ORG/MISC are exact
                    src.append([(w, t if "LOC" not in t else "O") for w, t in s])
                else:
                    src.append(s)
        return src

    gaz, loc_lex, sub_lex = harvest(gaz_source(-1), kb)
    fold_gaz = [gaz] if gaz_folds <= 1 else [harvest(gaz_source(k), kb)[0] for k in range(gaz_folds)]
    train: list[TrainingSentence] = []
    tot = hit = 0
    for name in corpora:
        for i, s in enumerate(corp.get(name, [])):
            fold = folds[name][i] if gaz_folds > 1 else 0
            if name == "anercorp":
                refined, n_loc, n_refined = refine_loc(s, loc_lex, gaz, loc_fallback)
                tot += n_loc
                hit += n_refined
                train.append(TrainingSentence(refined, fold, name))
            else:
                train.append(TrainingSentence(strip_subtypes(s), fold, name))
    if log and "anercorp" in corp:
        print(f"anercorp LOC spans refined by lexicon/gazetteer: {hit}/{tot}", file=sys.stderr)
    return TrainingSet(train, fold_gaz, gaz, sub_lex)


def dev_sets(data: Path, lm: LabelMap, limit: int | None = None) -> DevSets:
    """ANERcorp dev (coarse gold) and NewsFANE dev (re-joined, arextract types)."""
    out: DevSets = {}
    if (data / "anercorp" / "dev.conll").exists():
        out["anercorp"] = (read_conll(data / "anercorp" / "dev.conll", limit), "coarse")
    if (data / "newsfane" / "dev.conll").exists():
        fane = read_conll(data / "newsfane" / "dev.conll", limit)
        out["newsfane"] = ([map_fane(rejoin_fane(s), lm) for s in fane], "fine")
    return out
