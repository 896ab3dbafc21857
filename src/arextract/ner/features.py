"""Token features for the NER sequence tagger.

Training and inference share this module, so both models always see the same
surface form: raw tokens (clitics attached, hamza, diacritics, tatweel) are
normalised here (``arextract.text.normalize.tagger_fold``), never by the caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from arextract.text.clitics import longest_phrase, strip_proclitics
from arextract.text.normalize import tagger_fold

if TYPE_CHECKING:
    from arextract.ner.wordreps import WordReps

__all__ = [
    "GAZ_CLASSES",
    "TRIGGERS",
    "WORD_CACHE_SIZE",
    "FeatureExtractor",
    "Gazetteers",
    "TypeRows",
    "WordForms",
    "lookup_forms",
    "span_key",
    "word_forms",
]

# Titles and trigger words that announce a name (normalised form).
TRIGGERS: dict[str, str] = {}
for _w, _k in (
    ("الرئيس", "per"),
    ("رئيس", "per"),
    ("وزير", "per"),
    ("الوزير", "per"),
    ("وزيره", "per"),
    ("الوزيره", "per"),
    ("نظيره", "per"),
    ("نظيرها", "per"),
    ("نظيرهم", "per"),
    ("السيد", "per"),
    ("السيده", "per"),
    ("الشيخ", "per"),
    ("الامير", "per"),
    ("الاميره", "per"),
    ("الملك", "per"),
    ("الملكه", "per"),
    ("الدكتور", "per"),
    ("د", "per"),
    ("المستشار", "per"),
    ("السفير", "per"),
    ("النائب", "per"),
    ("الجنرال", "per"),
    ("العقيد", "per"),
    ("اللواء", "per"),
    ("العماد", "per"),
    ("الفريق", "per"),
    ("المشير", "per"),
    ("القائد", "per"),
    ("الزعيم", "per"),
    ("الامام", "per"),
    ("البابا", "per"),
    ("الاب", "per"),
    ("الحاج", "per"),
    ("المدرب", "per"),
    ("اللاعب", "per"),
    ("الفنان", "per"),
    ("الفنانه", "per"),
    ("المطرب", "per"),
    ("المخرج", "per"),
    ("الكاتب", "per"),
    ("الشاعر", "per"),
    ("الروائي", "per"),
    ("المتحدث", "per"),
    ("الناطق", "per"),
    ("باسم", "per"),
    ("المبعوث", "per"),
    ("الامين", "per"),
    ("العام", "per"),
    ("المدير", "per"),
    ("مدير", "per"),
    ("رئيسه", "per"),
    ("نائب", "per"),
    ("مستشار", "per"),
    ("سفير", "per"),
    ("قال", "per"),
    ("اكد", "per"),
    ("اضاف", "per"),
    ("اعلن", "per"),
    ("صرح", "per"),
    ("اوضح", "per"),
    ("مدينه", "loc"),
    ("المدينه", "loc"),
    ("عاصمه", "loc"),
    ("العاصمه", "loc"),
    ("بلد", "loc"),
    ("دوله", "loc"),
    ("ولايه", "loc"),
    ("محافظه", "loc"),
    ("اقليم", "loc"),
    ("منطقه", "loc"),
    ("جمهوريه", "loc"),
    ("مملكه", "loc"),
    ("بحر", "loc"),
    ("نهر", "loc"),
    ("جزيره", "loc"),
    ("جزر", "loc"),
    ("شركه", "org"),
    ("وكاله", "org"),
    ("صحيفه", "org"),
    ("جريده", "org"),
    ("مجموعه", "org"),
    ("منظمه", "org"),
    ("حزب", "org"),
    ("حركه", "org"),
    ("جامعه", "org"),
    ("نادي", "org"),
    ("فريق", "org"),
    ("بنك", "org"),
    ("مجلس", "org"),
    ("وزاره", "org"),
    ("هيئه", "org"),
    ("اتحاد", "org"),
    ("مؤسسه", "org"),
    ("مركز", "org"),
    ("قناه", "org"),
    ("تلفزيون", "org"),
    ("منتخب", "org"),
    ("جبهه", "org"),
    ("لجنه", "org"),
    ("صندوق", "org"),
):
    TRIGGERS[_w] = _k

# Gazetteer classes; the files are `gaz_<class>.txt` in the model directory.
GAZ_CLASSES = ("per", "country", "city", "region", "org", "nisba")


def lookup_forms(w: str) -> tuple[str, ...]:
    """Normalised word, its proclitic-stripped stem, and the stem without `ال`."""
    forms = [w]
    s = strip_proclitics(w)
    if s != w:
        forms.append(s)
    if s.startswith("ال") and len(s) >= 4:
        forms.append(s[2:])
    return tuple(forms)


def span_key(tokens: Sequence[str]) -> str:
    """Normalised span string with the first token's proclitics stripped: the key
    of the gazetteer, LOC-type and subtype lexicons."""
    norm = [tagger_fold(t) for t in tokens]
    if norm:
        norm[0] = strip_proclitics(norm[0])
    return " ".join(norm)


def _shape(word: str) -> str:
    out: list[str] = []
    for ch in word:
        if "\u0600" <= ch <= "\u06ff":
            c = "a"
        elif ch.isdigit():
            c = "d"
        elif ch.isalpha():
            c = "L" if ch.isupper() else "l"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


class Gazetteers:
    """Sets of normalised single-token entries and multi-token entries."""

    def __init__(self, entries: dict[str, Iterable[str]] | None = None) -> None:
        self.single: dict[str, set[str]] = {c: set() for c in GAZ_CLASSES}
        self.multi: dict[tuple[str, ...], str] = {}
        # first token -> length of the longest multi-token entry it begins
        self.longest: dict[str, int] = {}
        if entries:
            for cls, items in entries.items():
                for item in items:
                    self.add(cls, item)

    def add(self, cls: str, entry: str) -> None:
        toks = tuple(tagger_fold(t) for t in entry.split())
        if not toks:
            return
        if len(toks) == 1:
            self.single[cls].add(toks[0])
        elif toks not in self.multi:
            self.multi[toks] = cls
            self.longest[toks[0]] = max(self.longest.get(toks[0], 0), len(toks))

    @classmethod
    def load(cls, directory: str | Path) -> Gazetteers:
        gaz = cls()
        d = Path(directory)
        for c in GAZ_CLASSES:
            p = d / f"gaz_{c}.txt"
            if p.exists():
                for line in p.read_text(encoding="utf-8").splitlines():
                    line = line.strip()
                    if line:
                        gaz.add(c, line)
        return gaz

    def bio_tags(self, norm: Sequence[str], stems: Sequence[str]) -> list[str]:
        """``B-<class>``/``I-<class>`` for tokens inside the longest multi-word entry matched
        left to right, else ``""``. The first token matches by its form, or by its stem when
        no entry begins with the form (the features of the shipped model were computed so)."""
        tags = [""] * len(norm)
        i = 0
        while i < len(norm):
            first = norm[i] if norm[i] in self.longest else stems[i]
            if first not in self.longest:  # most words begin no entry
                i += 1
                continue
            match = longest_phrase((first,), norm, i, self.longest, self.multi.get)
            if match is None:
                i += 1
                continue
            _, length, cls = match
            tags[i] = "B-" + cls
            tags[i + 1 : i + length] = ["I-" + cls] * (length - 1)
            i += length
        return tags

    def save(self, directory: str | Path) -> None:
        d = Path(directory)
        for c in GAZ_CLASSES:
            lines = sorted(self.single[c]) + sorted(" ".join(k) for k, v in self.multi.items() if v == c)
            (d / f"gaz_{c}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


class WordForms(NamedTuple):
    """What both taggers' features start from, for one raw token."""

    norm: str  # normalised (``tagger_fold``)
    forms: tuple[str, ...]  # `lookup_forms(norm)`
    stem: str  # forms[1]: proclitics stripped, else ال (see word_forms)
    bare: str  # stem without ال
    gazetteers: tuple[str, ...]  # classes whose single-token gazetteer holds one of `forms`
    trigger: str | None  # TRIGGERS class of the word or its stem


def word_forms(token: str, gaz: Gazetteers) -> WordForms:
    norm = tagger_fold(token)
    forms = lookup_forms(norm)
    # the second form, so a word with no proclitic has its bare word as stem (الصين: صين, but
    # والصين: الصين); the shipped model's "st=" and "pre=" attributes were computed so
    stem = forms[1] if len(forms) > 1 else norm
    bare = stem[2:] if stem.startswith("ال") and len(stem) >= 4 else stem
    classes = tuple(c for c in GAZ_CLASSES if any(f in gaz.single[c] for f in forms))
    return WordForms(norm, forms, stem, bare, classes, TRIGGERS.get(norm) or TRIGGERS.get(stem))


# Entries kept by each per-word-type cache of the taggers before it is emptied:
# a long-running process tagging an endless stream must not grow without bound.
WORD_CACHE_SIZE = 200_000


class TypeRows:
    """A per-word-type cache of score rows kept in one array, so that a batch gathers its
    tokens' rows with one indexing call (stacking a list of small arrays costs a call per
    token). Row 0 is zeros, for padding. The caller asks :meth:`make_room` before a batch, so
    the cache is never emptied while a batch holds row numbers.

    The array is allocated for :data:`WORD_CACHE_SIZE` rows at once: NumPy's zeros come from
    the system as untouched pages, so memory is used only as rows are written, and the rows
    are never copied into a bigger array (a 5 MB document has about 10^5 word types)."""

    def __init__(self, shape: tuple[int, ...]) -> None:
        self._data = np.zeros((WORD_CACHE_SIZE + 1, *shape), dtype=np.float32)
        self.index: dict[str, int] = {}

    def make_room(self, incoming: int) -> bool:
        """Empty the cache when ``incoming`` more rows would pass :data:`WORD_CACHE_SIZE`;
        whether it did."""
        if len(self.index) + incoming <= WORD_CACHE_SIZE:
            return False
        self.index.clear()
        return True

    def add(self, keys: Sequence[str], rows: np.ndarray) -> None:
        """Cache ``rows[k]`` for ``keys[k]`` (keys not cached yet)."""
        first = len(self.index) + 1
        end = first + len(keys)
        if end > len(self._data):  # a batch beyond the bound (make_room empties only before one)
            grown = np.zeros((end, *self._data.shape[1:]), dtype=np.float32)
            grown[:first] = self._data[:first]
            self._data = grown
        self._data[first:end] = rows
        self.index.update(zip(keys, range(first, end), strict=True))

    def gather(self, rows: Sequence[int]) -> np.ndarray:
        """The cached rows with these numbers, in order, as one new array."""
        return self._data[np.asarray(rows, dtype=np.int64)]


# normalised word, its own attributes, attributes seen from each offset, stem
_WordInfo = tuple[str, tuple[str, ...], dict[int, tuple[str, ...]], str]


class FeatureExtractor:
    """Turns a sentence of raw tokens into CRF attribute lists.

    Per-token work (normalisation, affixes, gazetteer flags) is cached per
    word type, so tagging cost is dominated by the CRF itself.
    """

    def __init__(
        self,
        gaz: Gazetteers | None = None,
        window: int = 2,
        domain: str = "",
        known: AbstractSet[str] | None = None,
        reps: WordReps | None = None,
        cluster_context: bool = True,
        cluster_none: bool = True,
    ) -> None:
        """`reps` (word clusters learned from unlabeled text) adds the cluster ids of the word
        (or of its stem when the word is not in the vocabulary), of its bare stem, and
        (`cluster_context`) of the neighbouring words: all granularities at ±1, the
        coarsest at ±2.

        `domain` (e.g. ``"A"``) adds a domain-specific copy of every token-own
        attribute (Daume's feature augmentation), so corpora with different
        annotation conventions can share the general weights."""
        self.gaz = gaz or Gazetteers()
        self.window = window
        self.domain = domain
        # attributes the trained model has weights for; others are dropped early
        # (pure speed: an unknown attribute contributes nothing to the score)
        self.known = known
        self.reps = reps
        self.cluster_context = cluster_context
        self.cluster_none = cluster_none  # 'c=none' for a word without a cluster
        self._cache: dict[str, _WordInfo] = {}

    # -- per word type -------------------------------------------------
    def word_info(self, token: str) -> _WordInfo:
        """(normalised form, own attributes, attributes seen from offset k, stem)."""
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        w, _, stem, bare, gflags, trig = word_forms(token, self.gaz)
        shape = _shape(w)
        arabic = "a" in shape
        feats: list[str] = [
            "b",
            "w=" + w,
            "st=" + stem,
            "bare=" + bare,
            "sh=" + shape,
            "len=" + str(min(len(w), 8)),
        ]
        if arabic:
            for k in (1, 2, 3):
                if len(w) > k:
                    feats.append(f"p{k}=" + w[:k])
                    feats.append(f"s{k}=" + w[-k:])
                if len(bare) > k + 1:
                    feats.append(f"bp{k}=" + bare[:k])
                    feats.append(f"bs{k}=" + bare[-k:])
            if stem != w:
                feats.append("pre=" + w[: len(w) - len(stem)])
            if stem.startswith("ال"):
                feats.append("al")
            if len(bare) >= 4 and bare.endswith(("ي", "يه", "يين", "يون")):
                feats.append("nisba")
        elif not shape.startswith("d") and len(w) == 1:
            feats.append("punct=" + w)
        for g in gflags:
            feats.append("gaz=" + g)
        if trig:
            feats.append("trig=" + trig)
        near, far = self._cluster_attributes(w, bare, feats)
        # what neighbours see of this token
        ctx_items = ["w=" + w, "st=" + bare] + ["gaz=" + g for g in gflags]
        if trig:
            ctx_items.append("trig=" + trig)
            ctx_items.append("tw=" + stem)
        ctx: dict[int, tuple[str, ...]] = {}
        for off in range(-self.window, self.window + 1):
            if off == 0:
                continue
            items = ctx_items + near if abs(off) == 1 else ctx_items[:1] + ctx_items[2:] + far
            ctx[off] = tuple(f"{off}:{x}" for x in items)
        if self.domain:
            feats.extend([self.domain + ":" + x for x in feats])
        known = self.known
        if known is not None:
            feats = [x for x in feats if x in known]
            ctx = {k: tuple(x for x in v if x in known) for k, v in ctx.items()}
        res = (w, tuple(feats), ctx, stem)
        if len(self._cache) >= WORD_CACHE_SIZE:
            self._cache.clear()
        self._cache[token] = res
        return res

    def _cluster_attributes(self, w: str, bare: str, feats: list[str]) -> tuple[list[str], list[str]]:
        """Append the word's and its bare stem's cluster ids to `feats`; return what the
        neighbours at ±1 and at ±2 see of them."""
        reps = self.reps
        if reps is None:
            return [], []
        cids = reps.cluster_ids(w)
        near: list[str] = []
        if cids:
            own = [f"c{k}={c}" for k, c in zip(reps.grains, cids, strict=True)]
            feats.extend(own)
            if self.cluster_context:
                near = own
        elif self.cluster_none:
            feats.append("c=none")
        if bare != w:
            bids = reps.cluster_ids(bare)
            if bids and bids != cids:
                feats.extend(f"bc{k}={c}" for k, c in zip(reps.grains, bids, strict=True))
        return near, near[:1]

    # -- per sentence --------------------------------------------------
    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        infos = [self.word_info(t) for t in tokens]
        n = len(infos)
        norm = [i[0] for i in infos]
        extras = self.sentence_extras(norm, self.gaz.bio_tags(norm, [i[3] for i in infos]))
        window = self.window
        out: list[list[str]] = []
        for i in range(n):
            f = list(infos[i][1])
            for off in range(-window, window + 1):
                j = i + off
                if off != 0 and 0 <= j < n:
                    f.extend(infos[j][2][off])
            f.extend(extras[i])
            out.append(f)
        return out

    def sentence_extras(self, norm: Sequence[str], gaz_bio: Sequence[str]) -> list[list[str]]:
        """Per token, the attributes that depend on the sentence rather than on
        one word type: sentence boundaries, word bigrams, multi-word gazetteer
        tags (`gaz_bio`, from ``Gazetteers.bio_tags``).  `norm`: normalised tokens."""
        n = len(norm)
        known = self.known
        keep = (lambda _: True) if known is None else known.__contains__
        bos, eos = keep("BOS"), keep("EOS")
        out: list[list[str]] = []
        for i in range(n):
            extra: list[str] = []
            if bos and i < self.window:
                extra.append("BOS")
            if eos and i >= n - self.window:
                extra.append("EOS")
            if i > 0 and keep(attr := "w-1w=" + norm[i - 1] + "|" + norm[i]):
                extra.append(attr)
            if i + 1 < n and keep(attr := "ww+1=" + norm[i] + "|" + norm[i + 1]):
                extra.append(attr)
            if gaz_bio[i] and keep(attr := "mg=" + gaz_bio[i]):
                extra.append(attr)
            out.append(extra)
        return out
