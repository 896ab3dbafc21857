"""The labelled NER corpora: ``token<TAB>tag`` files, FANE's clitic re-joining and the label map.

ANERcorp is raw newswire with four coarse classes (PERS, LOC, ORG, MISC); NewsFANE and WikiFANE
are clitic-segmented (``و قال``) with about fifty fine classes (Politician, Nation...).
``models/ner/labels.toml`` maps both to arextract's types. The readers here serve training
(:mod:`arextract.training.dataset`) and scoring (:mod:`arextract.evaluation.ner`) alike, so a
test file is read exactly as a training file is.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from arextract.resources import models_dir
from arextract.text.clitics import PRONOUN_ENCLITICS, SEGMENTED_PROCLITICS

# One sentence of a corpus: (token, tag) pairs, tags ``O``/``B-X``/``I-X``.
TaggedSentence = list[tuple[str, str]]

COARSE = {"PERS", "LOC", "ORG", "MISC"}


def default_labels() -> Path:
    """The shipped ``models/ner/labels.toml``."""
    return models_dir() / "ner" / "labels.toml"


def read_conll(path: str | Path, limit: int | None = None) -> list[TaggedSentence]:
    """Read a ``token<TAB>tag`` file; blank lines separate sentences."""
    sents: list[TaggedSentence] = []
    cur: TaggedSentence = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                    if limit is not None and len(sents) >= limit:
                        return sents
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                parts = line.split()
            cur.append((parts[0], parts[-1]))
    if cur:
        sents.append(cur)
    return sents[:limit] if limit is not None else sents


def is_fane(sents: Iterable[TaggedSentence]) -> bool:
    """True when the tags are FANE fine classes rather than ANERcorp's coarse ones."""
    for s in sents:
        for _, t in s:
            if t != "O" and t[2:] not in COARSE:
                return True
    return False


_PRO = SEGMENTED_PROCLITICS
_ENC = frozenset(PRONOUN_ENCLITICS)
_LETTER_END = re.compile(r"[\u0621-\u064A]$")
_WORD_START = re.compile(r"^[\u0621-\u064A0-9]")


def rejoin_fane(sent: TaggedSentence) -> TaggedSentence:
    """Re-attach FANE's segmented clitics so tokens look like raw (ANERcorp) text.

    ``و قال`` -> ``وقال``, ``ان ه`` -> ``انه``, ``و بيلاروسيا``/B-X -> ``وبيلاروسيا``/B-X
    (a proclitic joined to an entity's first token stays inside the entity, the
    ANERcorp convention).  Clitics that are themselves inside an entity with a
    different continuation (``د ب ا``) are left alone.
    """
    return _join_proclitics(_join_enclitics(sent))


def _join_enclitics(sent: TaggedSentence) -> list[list[str]]:
    """Enclitics onto the previous word: ``ان ه`` -> ``انه``."""
    out: list[list[str]] = []
    for w, t in sent:
        if (
            out
            and w in _ENC
            and t == "O"
            and _LETTER_END.search(out[-1][0])
            and out[-1][0] not in _PRO
            and not (w == "ك" and out[-1][0] in _PRO)
        ):
            out[-1][0] += w
            continue
        out.append([w, t])
    return out


def _join_proclitics(out: list[list[str]]) -> TaggedSentence:
    """Proclitics onto the next word, chains included: ``و ب X`` -> ``وبX``."""
    res: TaggedSentence = []
    pend: list[tuple[str, str]] = []
    for i, (w, t) in enumerate(out):
        nxt = out[i + 1][0] if i + 1 < len(out) else ""
        is_pro = ((w in _PRO or (w == "ك" and nxt == "ما")) and t == "O") or (
            w in _PRO and t.startswith("I-")
        )
        if pend:
            joinable = (len(w) >= 2 or w in _ENC or w.isdigit()) and _WORD_START.search(w)
            pt = pend[0][1]
            if joinable and not (pt.startswith("I-") and not t.startswith("I-")):
                if is_pro and nxt and (len(nxt) >= 2 or nxt in _ENC):
                    pend.append((w, t))
                    continue
                label = t if pt == "O" else (pt if pt.startswith("B-") else t)
                res.append(("".join(p for p, _ in pend) + w, label))
                pend = []
                continue
            res.extend(pend)
            pend = []
        if is_pro and nxt:
            pend.append((w, t))
            continue
        res.append((w, t))
    res.extend(pend)
    return res


def fix_bio(labels: Sequence[str]) -> list[str]:
    """conlleval semantics: an I-X that does not continue an X chunk starts one."""
    out: list[str] = []
    prev = "O"
    for lab in labels:
        if lab.startswith("I-") and (prev == "O" or prev[2:] != lab[2:]):
            lab = "B-" + lab[2:]
        out.append(lab)
        prev = lab
    return out


@dataclass
class LabelMap:
    """``labels.toml``: FANE class -> (arextract type, subtype), ANERcorp class -> type, and
    arextract type -> the coarse class it is scored as against ANERcorp."""

    fane: dict[str, tuple[str, str]] = field(default_factory=dict)
    anercorp: dict[str, str] = field(default_factory=dict)
    coarse: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path) -> LabelMap:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        fane = {k: (v["type"], v.get("subtype", "")) for k, v in data["fane"].items()}
        return cls(fane=fane, anercorp=dict(data["anercorp"]), coarse=dict(data["coarse"]))

    def to_scheme(self, labels: Sequence[str], scheme: str) -> list[str]:
        """arextract tags (``B-COUNTRY/state``) as scored: ``fine`` drops the subtype,
        ``coarse`` also maps the type to ANERcorp's class (``B-LOC``)."""
        out = []
        for lab in labels:
            if lab == "O":
                out.append("O")
                continue
            typ = lab[2:].split("/", 1)[0]
            if scheme == "coarse":
                typ = self.coarse.get(typ, typ)
            out.append(lab[:2] + typ)
        return fix_bio(out)


def map_fane(sent: TaggedSentence, lm: LabelMap, with_subtype: bool = False) -> TaggedSentence:
    """FANE fine tags -> arextract ``B-TYPE`` (or ``B-TYPE/subtype``) tags."""
    labs: list[str] = []
    for _, t in sent:
        if t == "O":
            labs.append("O")
            continue
        typ, sub = lm.fane.get(t[2:], ("MISC", ""))
        if typ == "O":
            labs.append("O")
        else:
            labs.append(t[:2] + typ + ("/" + sub if with_subtype and sub else ""))
    return list(zip([w for w, _ in sent], fix_bio(labs), strict=True))


def map_anercorp(sent: TaggedSentence, lm: LabelMap) -> TaggedSentence:
    """ANERcorp coarse tags -> arextract types (LOC stays LOC until the lexicons refine it)."""
    labs = [t if t == "O" else t[:2] + lm.anercorp.get(t[2:], "MISC") for _, t in sent]
    return list(zip([w for w, _ in sent], fix_bio(labs), strict=True))


def strip_subtypes(sent: TaggedSentence) -> TaggedSentence:
    """``B-COUNTRY/state`` -> ``B-COUNTRY``."""
    return [(w, t.split("/", 1)[0]) for w, t in sent]
