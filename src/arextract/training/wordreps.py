"""Learning word representations from unlabeled Arabic (training only: gensim and
scikit-learn are imported here, never at run time; :mod:`arextract.ner.wordreps` reads the
result with NumPy).

The unlabeled text (Wikipedia, ``../shared/data/unlabeled``) and the raw tokens of the NER
training splits are tokenised with the pipeline's own tokeniser (``arextract.text.segment``:
words with their clitics attached, punctuation apart) and normalised with the tagger's
``tagger_fold``, so the vectors are keyed exactly as the taggers look words up. gensim
word2vec (skip-gram, fixed seed, one worker thread: deterministic under the train command's
fixed hash seed) learns vectors; seeded k-means (MiniBatchKMeans) clusters their unit-length
versions at a few granularities. fastText was tried too: its character n-grams made the
vectors and clusters mostly orthographic, which the CRF's affixes and the BiLSTM's character
CNN already see (ANERcorp dev 76.78 against 78.56 for word2vec).

The tokenised corpus and the trained gensim model are cached (``--vectors``), keyed by the
inputs and settings, so variants of the taggers reuse them.
"""

from __future__ import annotations

import hashlib
import json
import lzma
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from arextract.ner.wordreps import NPZ, TSV
from arextract.text.normalize import tagger_fold
from arextract.text.segment import _TOKEN_RE

__all__ = ["WordRepSettings", "learn_wordreps", "tokenize_line"]


@dataclass(frozen=True)
class WordRepSettings:
    dim: int = 100
    window: int = 5
    min_count: int = 3
    epochs: int = 5
    sg: int = 1  # skip-gram
    negative: int = 5
    sample: float = 1e-4
    seed: int = 1
    max_vocab: int = 100_000  # most frequent corpus words kept in the model files
    export_min_count: int = 5  # ... seen at least this often
    # Keep a vector for every training-split word word2vec kept, however rare. Off: the
    # rare ones go without, as unseen words do at run time, so 'no vector' is learned on
    # rare common words as well as on rare names.
    rare_training_vectors: bool = False
    grains: tuple[int, ...] = (64, 256, 1024)  # k-means cluster counts
    quantize: bool = False  # store the vectors as int8 (x 1/127) instead of float16


def tokenize_line(line: str) -> list[str]:
    """Normalised tokens of a line, split as the pipeline splits text."""
    return [tagger_fold(m.group()) for m in _TOKEN_RE.finditer(line)]


def _write_corpus(unlabeled: Path, extra: Iterable[Sequence[str]], path: Path) -> int:
    """One normalised, space-joined paragraph or sentence per line; returns the token count."""
    n = 0
    tmp = path.with_suffix(".tmp")
    opener = lzma.open if unlabeled.suffix == ".xz" else open
    with tmp.open("w", encoding="utf-8") as out:
        with opener(unlabeled, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
            for line in fh:
                toks = tokenize_line(line)
                if toks:
                    out.write(" ".join(toks) + "\n")
                    n += len(toks)
        for sent in extra:
            toks = [t for t in (tagger_fold(w) for w in sent) if t and not any(c.isspace() for c in t)]
            if toks:
                out.write(" ".join(toks) + "\n")
                n += len(toks)
    tmp.replace(path)
    return n


class _Corpus:
    """Restartable iterator over the cached corpus file (gensim reads it once per epoch)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __iter__(self) -> Iterator[list[str]]:
        with self.path.open(encoding="utf-8") as fh:
            for line in fh:
                yield line.split()


def _cache_key(unlabeled: Path, extra: Sequence[Sequence[str]]) -> str:
    digest = hashlib.sha256()
    digest.update(unlabeled.name.encode())
    digest.update(str(unlabeled.stat().st_size).encode())
    for sent in extra:
        digest.update(("\t".join(sent) + "\n").encode())
    return digest.hexdigest()[:12]


def _word2vec(corpus: Path, s: WordRepSettings, cache: Path, key: str):  # type: ignore[no-untyped-def]
    """The gensim model of `corpus` under settings `s` (trained, or loaded from `cache`)."""
    from gensim.models import Word2Vec

    # settings of the export, not the gensim model's business
    exported = ("max_vocab", "export_min_count", "grains", "quantize", "rare_training_vectors")
    settings = {k: v for k, v in asdict(s).items() if k not in exported}
    mkey = hashlib.sha256((key + json.dumps(settings, sort_keys=True)).encode()).hexdigest()[:12]
    model_path = cache / f"word2vec-{mkey}.model"
    if model_path.exists():
        print(f"wordreps: reusing {model_path}", file=sys.stderr)
        return Word2Vec.load(str(model_path)), mkey
    t0 = time.time()
    model = Word2Vec(
        sentences=_Corpus(corpus),
        vector_size=s.dim,
        window=s.window,
        min_count=s.min_count,
        epochs=s.epochs,
        sg=s.sg,
        negative=s.negative,
        sample=s.sample,
        seed=s.seed,
        workers=1,
    )
    tmp = cache / f"word2vec-{mkey}.tmp.model"
    model.save(str(tmp))
    for f in cache.glob(f"word2vec-{mkey}.tmp.model*"):
        f.replace(cache / f.name.replace(".tmp.model", ".model"))
    print(f"wordreps: word2vec trained in {time.time() - t0:.0f}s -> {model_path}", file=sys.stderr)
    return model, mkey


def learn_wordreps(
    unlabeled: Path,
    extra_sentences: Sequence[Sequence[str]],
    cache: Path,
    out: Path,
    settings: WordRepSettings | None = None,
) -> dict[str, object]:
    """Train (or reuse from `cache`) word2vec and k-means; write ``wordreps.txt`` and
    ``wordreps.npz`` to `out`; return the settings and sizes for ``config.json``.

    `extra_sentences`: raw tokens of the NER training splits, used as more unlabeled text;
    their normalised words are kept in the vocabulary whenever they have a vector."""
    s = settings or WordRepSettings()
    cache.mkdir(parents=True, exist_ok=True)
    key = _cache_key(unlabeled, extra_sentences)
    corpus = cache / f"corpus-{key}.txt"
    t0 = time.time()
    if not corpus.exists():
        n_tok = _write_corpus(unlabeled, extra_sentences, corpus)
        print(f"wordreps: corpus of {n_tok} tokens in {time.time() - t0:.0f}s -> {corpus}", file=sys.stderr)
    model, mkey = _word2vec(corpus, s, cache, key)
    kv = model.wv
    vocab = [w for w in kv.index_to_key if kv.get_vecattr(w, "count") >= s.export_min_count][: s.max_vocab]
    seen = set(vocab)
    train_words = {tagger_fold(t) for sent in extra_sentences for t in sent}
    extra_words = sorted(w for w in train_words - seen if w in kv.key_to_index and s.rare_training_vectors)
    words = vocab + extra_words
    vecs = np.stack([kv[w] for w in words]).astype(np.float32)
    unit = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-6)
    from sklearn.cluster import MiniBatchKMeans

    t1 = time.time()
    cols = []
    for k in s.grains:
        km = MiniBatchKMeans(
            n_clusters=min(k, len(vocab)), random_state=s.seed, batch_size=4096, n_init=3, max_iter=100
        )
        km.fit(unit[: len(vocab)])  # centres from corpus words; every word assigned
        cols.append(km.predict(unit))
    clusters = np.stack(cols, axis=1).astype(np.int16)
    print(f"wordreps: k-means {s.grains} in {time.time() - t1:.0f}s", file=sys.stderr)
    (out / TSV).write_text("\n".join(words) + "\n", encoding="utf-8")
    arrays: dict[str, Any] = {"clusters": clusters, "grains": np.array(s.grains, dtype=np.int32)}
    if s.quantize:
        arrays["vectors"] = np.round(unit * 127).astype(np.int8)
        arrays["vector_scale"] = np.array(1 / 127, dtype=np.float32)
    else:
        arrays["vectors"] = unit.astype(np.float16)
    np.savez(out / NPZ, **arrays)
    return {
        "library": "gensim word2vec " + _version("gensim") + ", scikit-learn " + _version("sklearn"),
        "settings": asdict(s),
        "corpus_key": key,
        "model_key": mkey,
        "vocabulary": len(words),
        "corpus_words_kept": len(vocab),
        "training_words_added": len(extra_words),
        "model_vocabulary": len(kv.index_to_key),
    }


def _version(module: str) -> str:
    import importlib

    return str(getattr(importlib.import_module(module), "__version__", "?"))


def training_tokens(data: Path, corpora: Sequence[str], limit: int | None = None) -> list[list[str]]:
    """Raw tokens of the training splits as the tagger sees them (FANE re-joined): more
    unlabeled text for the representations (their labels are not used here)."""
    from arextract.training.corpora import read_conll, rejoin_fane

    out: list[list[str]] = []
    for name in corpora:
        path = data / name / "train.conll"
        if path.exists():
            for sent in read_conll(path, limit):
                out.append([w for w, _ in (sent if name == "anercorp" else rejoin_fane(sent))])
    return out
