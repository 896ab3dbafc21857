"""The lexicons the tagger is trained and run with: gazetteers, LOC types and subtypes.

Gazetteers (``gaz_<class>.txt`` in the model directory) come from two sources: the training
splits (a token is a ``per`` entry when it is mostly inside PERSON spans) and the knowledge files
(``models/kb``, read by :mod:`arextract.kb`). The same splits give the LOC-type lexicon
that refines ANERcorp's LOC into COUNTRY/CITY/REGION, and ``subtypes.tsv``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from arextract.kb import NISBA_SINGULAR, KnowledgeBase, nisba_forms
from arextract.ner.features import Gazetteers, lookup_forms, span_key
from arextract.schema import EntityType
from arextract.text.normalize import tagger_fold
from arextract.text.spans import bio_spans
from arextract.training.corpora import TaggedSentence, fix_bio

LOC_TYPES = ("COUNTRY", "CITY", "REGION")

# Knowledge-file types that are gazetteer classes. People are deliberately left out: person
# gazetteers come from the training splits only; initiatives are no tagger class.
_CLASS_OF_KB_TYPE = {
    EntityType.COUNTRY: "country",
    EntityType.CITY: "city",
    EntityType.REGION: "region",
    EntityType.ORGANIZATION: "org",
}
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")

_CLASS_OF_TYPE = {
    "PERSON": "per",
    "COUNTRY": "country",
    "CITY": "city",
    "REGION": "region",
    "ORGANIZATION": "org",
}


def kb_lexicon(kb_dir: Path) -> dict[str, set[str]]:
    """Arabic names of the knowledge files by gazetteer class (as written, not normalised).

    Demonyms are the singular forms of :func:`arextract.kb.nisba_forms` (صيني، صينية), without
    the article: the tagger looks words up without it (``lookup_forms``), and the shipped model
    was trained with exactly these. The classes come in a fixed order (country, nisba, city,
    region, org): a multi-word name in two classes keeps the first (``Gazetteers.add``).
    """
    if not kb_dir.is_dir():
        print(f"no knowledge files in {kb_dir}: gazetteers from the training splits only", file=sys.stderr)
        return {}
    lexicon: dict[str, set[str]] = {cls: set() for cls in ("country", "nisba", "city", "region", "org")}
    for entry in KnowledgeBase.load(kb_dir).entries:
        cls = _CLASS_OF_KB_TYPE.get(entry.type)
        if cls is None:
            continue
        lexicon[cls].update(name for name in entry.names if _ARABIC_LETTER.search(name))
        for base in entry.nisba_bases:
            if _ARABIC_LETTER.search(base):
                lexicon["nisba"].update(nisba_forms(base, NISBA_SINGULAR, article=False))
    return {cls: names for cls, names in lexicon.items() if names}


Lexicon = dict[str, Counter[str]]  # span key -> counts of the labels it had in training


def harvest(
    typed: Sequence[TaggedSentence], kb: dict[str, set[str]], min_ratio: float = 0.5
) -> tuple[Gazetteers, Lexicon, Lexicon]:
    """Gazetteers, LOC-type and subtype lexicons from typed training sentences.

    `typed` has tags ``B-TYPE/subtype``.  Single-token gazetteer entries are kept
    when the token is inside an entity of that class at least `min_ratio` of
    the times it occurs.
    """
    tok_total: Counter[str] = Counter()
    tok_cls: dict[str, Counter[str]] = defaultdict(Counter)
    multi: dict[str, Counter[str]] = defaultdict(Counter)
    loc_lex: Lexicon = defaultdict(Counter)
    sub_lex: Lexicon = defaultdict(Counter)
    for sent in typed:
        toks = [w for w, _ in sent]
        labs = [t for _, t in sent]
        for w in toks:
            tok_total[lookup_forms(tagger_fold(w))[-1]] += 1
        for s, e, lab in bio_spans(labs):
            typ, _, sub = lab.partition("/")
            key = span_key(toks[s:e])
            if typ in LOC_TYPES:
                loc_lex[key][typ] += 1
            sub_lex[key][typ + "/" + sub] += 1
            g = _CLASS_OF_TYPE.get(typ)
            if g is None:
                continue
            if e - s > 1:
                multi[key][g] += 1
            for w in toks[s:e]:
                tok_cls[lookup_forms(tagger_fold(w))[-1]][g] += 1
    gaz = Gazetteers()
    for tok, cnt in tok_cls.items():
        cls, n = cnt.most_common(1)[0]
        if len(tok) >= 2 and n >= min_ratio * tok_total[tok]:
            gaz.single[cls].add(tok)
    for key, cnt in multi.items():
        cls, n = cnt.most_common(1)[0]
        if n >= 2 or cls in ("per", "org"):
            gaz.add(cls, key)
    _add_kb(gaz, kb)
    return gaz, loc_lex, sub_lex


def _add_kb(gaz: Gazetteers, kb: dict[str, set[str]]) -> None:
    """Knowledge-file names: a one-word name by its form and its bare stem (بكين، الصين -> صين)."""
    for cls, names in kb.items():
        for name in names:
            toks = [tagger_fold(t) for t in name.split()]
            if len(toks) == 1:
                forms = lookup_forms(toks[0])
                gaz.single[cls].add(forms[-1])
                gaz.single[cls].add(toks[0])
            else:
                gaz.add(cls, " ".join(toks))


def refine_loc(
    sent: TaggedSentence, loc_lex: Lexicon, gaz: Gazetteers, fallback: str
) -> tuple[TaggedSentence, int, int]:
    """ANERcorp LOC spans -> COUNTRY/CITY/REGION by lexicon, then gazetteer; returns the
    sentence, its LOC spans and how many of them were refined (the rest get ``fallback``)."""
    toks = [w for w, _ in sent]
    labs = fix_bio([t for _, t in sent])
    new = list(labs)
    n_loc = n_hit = 0
    for s, e, typ in bio_spans(labs):
        if typ != "LOC":
            continue
        n_loc += 1
        key = span_key(toks[s:e])
        choice = ""
        if key in loc_lex:
            choice = loc_lex[key].most_common(1)[0][0]
        else:
            norm = key.split()
            forms = lookup_forms(norm[0]) if len(norm) == 1 else ()
            for g, t in (("country", "COUNTRY"), ("city", "CITY"), ("region", "REGION")):
                if any(f in gaz.single[g] for f in forms) or gaz.multi.get(tuple(norm)) == g:
                    choice = t
                    break
        if choice:
            n_hit += 1
        else:
            choice = fallback
        for k in range(s, e):
            new[k] = ("B-" if k == s else "I-") + choice
    return list(zip(toks, new, strict=True)), n_loc, n_hit


def write_subtypes(path: Path, sub_lex: Lexicon, min_count: int = 2) -> None:
    """``subtypes.tsv``: spans whose subtype was the same at least 60% of at least 2 times."""
    rows = []
    for key in sorted(sub_lex):
        lab, n = sub_lex[key].most_common(1)[0]
        typ, _, sub = lab.partition("/")
        if sub and n >= min_count and n >= 0.6 * sum(sub_lex[key].values()):
            rows.append(f"{key}\t{typ}\t{sub}")
    path.write_text("span\ttype\tsubtype\n" + "\n".join(rows) + "\n", encoding="utf-8")
