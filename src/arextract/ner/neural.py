"""A small BiLSTM-CRF NER tagger whose runtime is plain NumPy.

Training (``arextract.training.neural``) uses torch; the shipped model is a
``.npz`` of weights, and tagging needs only NumPy, so importing arextract never
pays torch's multi-second import.

A token is represented by the concatenation of

* an embedding of its normalised form and one of its bare stem (proclitics and
  ``ال`` removed), unknown words mapping to a shared ``<unk>`` row,
* a character CNN over the normalised form (max-pooled, widths 2-4), which is
  what lets the model see that ``ديمورا`` looks like a transliterated name,
* binary features: gazetteer membership, trigger words, multi-word gazetteer
  matches (BIO), ``ال``, nisba ending, shape and length buckets,
* when the model was trained with them, fixed word vectors learned from unlabeled text
  (:mod:`arextract.ner.wordreps`): the word's (else its stem's), and optionally its
  proclitic-stripped stem's; a word with none gets a learned "no vector" input.

All per-word-type work is cached, so the cost per token is one LSTM step in
each direction plus the CRF's Viterbi step.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from arextract.ner.features import GAZ_CLASSES, WORD_CACHE_SIZE, Gazetteers, TypeRows, word_forms
from arextract.ner.wordreps import WordReps
from arextract.text.clitics import strip_proclitics

__all__ = ["DENSE_FEATURES", "NeuralTagger", "TokenEncoder", "viterbi_batch"]

DENSE_FEATURES: tuple[str, ...] = (
    *(f"gaz={c}" for c in GAZ_CLASSES),
    "trig=per",
    "trig=loc",
    "trig=org",
    *(f"mg=B-{c}" for c in GAZ_CLASSES),
    *(f"mg=I-{c}" for c in GAZ_CLASSES),
    "al",
    "nisba",
    "proclitic",
    "arabic",
    "digit",
    "punct",
    "latin",
    "len<=2",
    "len3-4",
    "len5-7",
    "len8+",
)
_DENSE_INDEX = {name: i for i, name in enumerate(DENSE_FEATURES)}
MAX_CHARS = 20
PAD, UNK = 0, 1

# TokenEncoder.word: normalised, stem, word id, bare-stem id, char ids, dense feature ids,
# word vector id, stem vector id
WordInfo = tuple[str, str, int, int, tuple[int, ...], tuple[int, ...], int, int]
EncodedSentence = tuple[list[int], list[int], list[tuple[int, ...]], np.ndarray, list[int], list[int]]


class TokenEncoder:
    """Word-type features shared by training and inference (ids and binary flags)."""

    def __init__(
        self,
        words: Sequence[str],
        stems: Sequence[str],
        chars: Sequence[str],
        gaz: Gazetteers | None = None,
        reps: WordReps | None = None,
    ) -> None:
        # pretrained vectors: 1 + the row of a word's vector, 0 = none
        self.reps = reps if reps is not None and reps.vectors is not None else None
        # index 0 = padding, 1 = unknown
        self.words = {w: i + 2 for i, w in enumerate(words)}
        self.stems = {w: i + 2 for i, w in enumerate(stems)}
        self.chars = {c: i + 2 for i, c in enumerate(chars)}
        self.gaz = gaz or Gazetteers()
        self._cache: dict[str, WordInfo] = {}

    def word(self, token: str) -> WordInfo:
        """(normalised, stem, word id, bare-stem id, char ids, dense feature ids, vector id of
        the word (else of its stem), vector id of its proclitic-stripped stem (else of its
        bare stem)); a vector id is 1 + its row in ``WordReps``, 0 for none."""
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        w, _, stem, bare, classes, trig = word_forms(token, self.gaz)
        dense = [_DENSE_INDEX["gaz=" + c] for c in classes]
        if trig:
            dense.append(_DENSE_INDEX["trig=" + trig])
        if stem.startswith("ال"):
            dense.append(_DENSE_INDEX["al"])
        if len(bare) >= 4 and bare.endswith(("ي", "يه", "يين", "يون")):
            dense.append(_DENSE_INDEX["nisba"])
        if stem != w:
            dense.append(_DENSE_INDEX["proclitic"])
        first = w[:1]
        if "\u0600" <= first <= "\u06ff":
            dense.append(_DENSE_INDEX["arabic"])
        elif first.isdigit():
            dense.append(_DENSE_INDEX["digit"])
        elif first.isalpha():
            dense.append(_DENSE_INDEX["latin"])
        else:
            dense.append(_DENSE_INDEX["punct"])
        n = len(w)
        bucket = "len<=2" if n <= 2 else "len3-4" if n <= 4 else "len5-7" if n <= 7 else "len8+"
        dense.append(_DENSE_INDEX[bucket])
        chars = tuple(self.chars.get(c, UNK) for c in w[:MAX_CHARS])
        pre = stem_pre = 0
        if self.reps is not None:
            pre = self.reps.row(w) + 1
            stripped = strip_proclitics(w)
            stem_pre = self.reps.index.get(stripped, self.reps.index.get(bare, -1)) + 1
        res = (w, stem, self.words.get(w, UNK), self.stems.get(bare, UNK), chars, tuple(dense), pre, stem_pre)
        if len(self._cache) >= WORD_CACHE_SIZE:
            self._cache.clear()
        self._cache[token] = res
        return res

    def gazetteer_tags(self, tokens: Sequence[str]) -> list[str]:
        """``Gazetteers.bio_tags`` of a sentence of raw tokens."""
        infos = [self.word(t) for t in tokens]
        return self.gaz.bio_tags([i[0] for i in infos], [i[1] for i in infos])

    def gazetteer_columns(self, tags: Sequence[str]) -> list[int]:
        """Dense feature id of each token's multi-word gazetteer tag (-1 for none)."""
        return [_DENSE_INDEX["mg=" + t] if t else -1 for t in tags]

    def sentence(self, tokens: Sequence[str]) -> EncodedSentence:
        """Word ids, stem ids, char ids, the dense 0/1 matrix and the vector ids (word, stem)
        of a sentence."""
        infos = [self.word(t) for t in tokens]
        mg = self.gazetteer_columns(self.gazetteer_tags(tokens))
        dense = np.zeros((len(tokens), len(DENSE_FEATURES)), dtype=np.float32)
        for k, info in enumerate(infos):
            dense[k, list(info[5])] = 1.0
            if mg[k] >= 0:
                dense[k, mg[k]] = 1.0
        words, stems, chars = [i[2] for i in infos], [i[3] for i in infos], [i[4] for i in infos]
        return words, stems, chars, dense, [i[6] for i in infos], [i[7] for i in infos]


def _longest_first(lengths: Sequence[int]) -> tuple[list[int], list[int], np.ndarray]:
    """Batch order with the longest sentence first, the lengths in that order, and
    for each step t the number of sentences still running (they are a prefix)."""
    order = sorted(range(len(lengths)), key=lambda j: -lengths[j])
    lens = [lengths[j] for j in order]
    running = np.searchsorted(-np.asarray(lens), -np.arange(lens[0]), side="left")
    return order, lens, running


def viterbi_batch(
    emissions: np.ndarray, lengths: Sequence[int], transitions: np.ndarray, start: np.ndarray, end: np.ndarray
) -> list[list[int]]:
    """Best label path of each sentence of a padded batch of emissions (B, T, L);
    sentence j has `lengths[j]` tokens; `transitions[i, k]` scores label i then k."""
    order, lens, running = _longest_first(lengths)
    em = emissions[order]
    score = start + em[:, 0]
    back = np.zeros((lens[0], len(lens), emissions.shape[2]), dtype=np.int64)
    sentences, labels = np.arange(len(lens))[:, None], np.arange(emissions.shape[2])[None, :]
    for t in range(1, lens[0]):
        k = running[t]
        cand = score[:k, :, None] + transitions
        best = cand.argmax(1)
        back[t, :k] = best
        # the maximum is the value at the argmax: one reduction, not two
        score[:k] = cand[sentences[:k], best, labels] + em[:k, t]
    # backtrack all sentences at once, each from its own last token
    lens_arr = np.asarray(lens)
    cur = (score + end).argmax(1)
    path = np.zeros((len(lens), lens[0]), dtype=np.int64)
    rows = np.arange(len(lens))
    path[rows, lens_arr - 1] = cur
    for t in range(lens[0] - 1, 0, -1):
        active = lens_arr > t  # sentences whose token t exists
        stepped = back[t, rows, cur]
        cur = np.where(active, stepped, cur)
        path[active, t - 1] = cur[active]
    paths: list[list[int]] = [[] for _ in lengths]
    for rank, j in enumerate(order):
        paths[j] = path[rank, : lens[rank]].tolist()
    return paths


class NeuralTagger:
    """NumPy inference for a model written by ``arextract.training.neural``:
    emission scores of batches of sentences, and the CRF's transitions
    (decoding is ``arextract.ner.tagger``'s, shared with the ensemble).

    A NumPy LSTM pays a fixed cost per step (a dozen array calls), so both
    directions of a whole batch of sentences run in one step, longest sentences
    first so that finished ones drop out.
    """

    def __init__(
        self,
        weights: dict[str, np.ndarray],
        encoder: TokenEncoder,
        labels: list[str],
        head: str,
        pretrained_scale: float = 0.0,
    ) -> None:
        self.encoder = encoder
        self.labels = labels
        w = weights
        hid = w["lstm.weight_hh_l0"].shape[1]
        self.hidden = hid
        n_static = w["word_emb.weight"].shape[1] + w["stem_emb.weight"].shape[1]
        # fixed pretrained vectors (float16, used as they are), scaled as in training; a word
        # without one gets the learned "no vector" rows pre_none / stem_pre_none
        self._pre: np.ndarray | None = None
        self._pre_scale = np.float32(pretrained_scale)
        self._pre_none = [w[k] for k in ("pre_none", "stem_pre_none") if k in w]
        if pretrained_scale:
            if encoder.reps is None or encoder.reps.vectors is None:
                raise ValueError("this BiLSTM-CRF reads pretrained vectors: wordreps.npz is missing")
            if not self._pre_none:
                raise ValueError("neural.npz has pretrained-vector inputs but no pre_none row")
            self._pre = encoder.reps.vectors
            n_static += self._pre.shape[1] * len(self._pre_none)
        self._word_emb = w["word_emb.weight"]
        self._stem_emb = w["stem_emb.weight"]

        # Both directions step together: the state is (2, B, H), direction first,
        # and one batched matmul applies each direction's recurrent weights.
        # torch's gate rows are i, f, g, o; here they are i, f, o, g, so one
        # tanh serves every gate: the sigmoid rows are pre-scaled by 1/2
        # (sigmoid(x) = (tanh(x/2) + 1) / 2).
        def reorder(m: np.ndarray) -> np.ndarray:
            i, f, g, o = np.split(m, 4, axis=0)
            return np.concatenate([0.5 * i, 0.5 * f, 0.5 * o, g])

        self._w_in = np.stack(
            [reorder(w["lstm.weight_ih_l0"]), reorder(w["lstm.weight_ih_l0_reverse"])]
        )  # (2, 4H, in)
        self._b_in = np.stack(
            [
                reorder(w["lstm.bias_ih_l0"] + w["lstm.bias_hh_l0"]),
                reorder(w["lstm.bias_ih_l0_reverse"] + w["lstm.bias_hh_l0_reverse"]),
            ]
        )  # (2, 4H)
        self._w_hh_t = np.ascontiguousarray(
            np.stack([reorder(w["lstm.weight_hh_l0"]).T, reorder(w["lstm.weight_hh_l0_reverse"]).T])
        )  # (2, H, 4H)
        self._n_static = n_static
        self._n_chars = 0
        # character CNN as lookup tables: conv(window) = sum_k table_k[char_k] + bias
        emb = w["char_emb.weight"]
        self._conv: list[tuple[int, list[np.ndarray], np.ndarray]] = []
        for width in sorted(
            int(k.split(".")[1]) for k in w if k.startswith("conv.") and k.endswith(".weight")
        ):
            kernel = w[f"conv.{width}.weight"]  # (out, in, width)
            tables = [emb @ kernel[:, :, k].T for k in range(width)]
            self._conv.append((width, tables, w[f"conv.{width}.bias"]))
            self._n_chars += kernel.shape[0]
        self._dense_col = n_static + self._n_chars
        self._out_w_t = np.ascontiguousarray(w[f"out_{head}.weight"].T)
        self._out_b = w[f"out_{head}.bias"]
        self.transitions = w[f"crf_{head}.transitions"]
        self.start = w[f"crf_{head}.start"]
        self.end = w[f"crf_{head}.end"]
        # per word type: its input projection (the context-free part of the gates), (2, 4H)
        self._proj = TypeRows((2, self._w_in.shape[1]))

    @classmethod
    def load(
        cls, model_dir: str | Path, gaz: Gazetteers | None = None, reps: WordReps | None = None
    ) -> NeuralTagger:
        d = Path(model_dir)
        meta = json.loads((d / "neural.json").read_text(encoding="utf-8"))
        with np.load(d / "neural.npz") as npz:
            weights = {k: npz[k].astype(np.float32) for k in npz.files}
        scale = float(meta.get("pretrained_scale", 0.0))
        if scale and reps is None:
            reps = WordReps.load(d)
        gaz = gaz or Gazetteers.load(d)
        encoder = TokenEncoder(meta["words"], meta["stems"], meta["chars"], gaz, reps if scale else None)
        return cls(weights, encoder, meta["labels"], meta.get("head", "A"), scale)

    # -- per word type -------------------------------------------------
    def _char_vectors(self, char_ids: Sequence[tuple[int, ...]]) -> np.ndarray:
        """Max-pooled CNN features of many words at once."""
        n = len(char_ids)
        longest = max((len(c) for c in char_ids), default=0) + 2
        longest = max(longest, max(w for w, _, _ in self._conv))
        seq = np.zeros((n, longest), dtype=np.int64)  # PAD-framed, PAD-filled
        lengths = np.empty(n, dtype=np.int64)
        for i, c in enumerate(char_ids):
            seq[i, 1 : 1 + len(c)] = c
            lengths[i] = len(c)
        outs = []
        for width, tables, bias in self._conv:
            n_pos = longest - width + 1
            act = bias + tables[0][seq[:, :n_pos]]
            for k in range(1, width):
                act += tables[k][seq[:, k : k + n_pos]]
            np.maximum(act, 0.0, out=act)
            valid = np.arange(n_pos)[None, :] < np.maximum(lengths + 3 - width, 1)[:, None]
            act *= valid[:, :, None]
            outs.append(act.max(1))
        return np.concatenate(outs, axis=1)

    def _project(self, tokens: set[str]) -> None:
        """Make sure every token of `tokens` has its input projection cached."""
        new = [t for t in tokens if t not in self._proj.index]
        if not new:
            return
        if self._proj.make_room(len(new)):
            new = list(tokens)
        infos = [self.encoder.word(t) for t in new]
        x = np.zeros((len(new), self._w_in.shape[2]), dtype=np.float32)
        n_word = self._word_emb.shape[1]
        x[:, :n_word] = self._word_emb[[i[2] for i in infos]]
        col = n_word + self._stem_emb.shape[1]
        x[:, n_word:col] = self._stem_emb[[i[3] for i in infos]]
        if self._pre is not None:
            dim = self._pre.shape[1]
            for slot, none in enumerate(self._pre_none):  # the word's vector, then its stem's
                ids = np.array([i[6 + slot] for i in infos], dtype=np.int64)
                vecs = self._pre[np.maximum(ids - 1, 0)].astype(np.float32) * self._pre_scale
                x[:, col : col + dim] = np.where((ids > 0)[:, None], vecs, none)
                col += dim
        x[:, self._n_static : self._dense_col] = self._char_vectors([i[4] for i in infos])
        for k, info in enumerate(infos):
            x[k, [self._dense_col + j for j in info[5]]] = 1.0
        self._proj.add(new, np.einsum("ni,dgi->ndg", x, self._w_in) + self._b_in)  # (N, 2, 4H)

    # -- batches of sentences ------------------------------------------
    def emissions(
        self, sents: Sequence[Sequence[str]], gazetteer_tags: Sequence[Sequence[str]] | None = None
    ) -> np.ndarray:
        """Label scores (B, T, L) of a batch of non-empty sentences, zero-padded.

        `gazetteer_tags` are ``Gazetteers.bio_tags`` of each sentence, when the
        caller has them already (the ensemble computes them once for both models).
        """
        hid = self.hidden
        self._project({t for s in sents for t in s})
        b = len(sents)
        # longest first, so finished sentences drop out of the steps
        order, lengths, running = _longest_first([len(s) for s in sents])
        t_max = lengths[0]
        # every token's input projection, placed at (step, direction, rank):
        # forward in reading order, backward reversed
        proj = self._proj.index
        tokens = [t for j in order for t in sents[j]]
        rows = self._proj.gather([proj[t] for t in tokens])  # (N, 2, 4H)
        pos = np.concatenate([np.arange(n) for n in lengths])
        ranks = np.repeat(np.arange(b), lengths)
        length = np.repeat(np.asarray(lengths), lengths)
        if gazetteer_tags is None:
            gazetteer_tags = [self.encoder.gazetteer_tags(s) for s in sents]
        tags = [t for j in order for t in gazetteer_tags[j]]
        hits = [(i, col) for i, col in enumerate(self.encoder.gazetteer_columns(tags)) if col >= 0]
        if hits:
            which, cols = zip(*hits, strict=True)
            rows[list(which)] += self._w_in[:, :, self._dense_col + np.asarray(cols)].transpose(2, 0, 1)
        gates_in = np.zeros((t_max, 2, b, 4 * hid), dtype=np.float32)
        gates_in[pos, 0, ranks] = rows[:, 0]
        gates_in[length - 1 - pos, 1, ranks] = rows[:, 1]
        h = np.zeros((2, b, hid), dtype=np.float32)
        c = np.zeros((2, b, hid), dtype=np.float32)
        hs = np.zeros((t_max, 2, b, hid), dtype=np.float32)
        w_hh_t = self._w_hh_t
        for t in range(t_max):
            k = running[t]
            g = np.tanh(gates_in[t, :, :k] + np.matmul(h[:, :k], w_hh_t))
            sig = g[:, :, : 3 * hid] * 0.5 + 0.5
            c_k = sig[:, :, hid : 2 * hid] * c[:, :k] + sig[:, :, :hid] * g[:, :, 3 * hid :]
            h_k = sig[:, :, 2 * hid :] * np.tanh(c_k)
            c[:, :k] = c_k
            h[:, :k] = h_k
            hs[t, :, :k] = h_k
        # output layer per direction; the backward states are in reversed order
        fwd = hs[:, 0] @ self._out_w_t[:hid]  # (T, B, L)
        bwd = hs[:, 1] @ self._out_w_t[hid:]
        emissions = np.zeros((b, t_max, len(self.labels)), dtype=np.float32)
        for rank, j in enumerate(order):
            n = lengths[rank]
            emissions[j, :n] = fwd[:n, rank] + bwd[:n, rank][::-1] + self._out_b
        return emissions
