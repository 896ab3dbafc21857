"""Training of the BiLSTM-CRF tagger: the only module of arextract that imports torch. The
runtime (:mod:`arextract.ner.neural`) decodes the exported weights in NumPy.

Data preparation (FANE re-joining, label mapping, ANERcorp LOC refinement,
jack-knifed gazetteers) is shared with the CRF (:mod:`arextract.training.dataset`).  Like the
CRF's domain-augmented features, the network has two output heads: ``A`` is
trained on ANERcorp sentences, ``F`` on FANE ones; the encoder is shared and the
runtime uses ``A``.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from arextract.evaluation.ner import score_spans
from arextract.ner.features import Gazetteers, lookup_forms
from arextract.ner.neural import DENSE_FEATURES, MAX_CHARS, PAD, UNK, TokenEncoder, viterbi_batch
from arextract.ner.wordreps import WordReps
from arextract.training.corpora import LabelMap, TaggedSentence, fix_bio
from arextract.training.dataset import DevSets, TrainingSentence

HEADS = ("A", "F")  # A: ANERcorp conventions (used at run time); F: FANE's


class CRF(nn.Module):
    def __init__(self, n: int) -> None:
        super().__init__()
        self.transitions = nn.Parameter(torch.zeros(n, n))
        self.start = nn.Parameter(torch.zeros(n))
        self.end = nn.Parameter(torch.zeros(n))

    def nll(self, em: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Summed negative log-likelihood; `mask` marks real tokens (left-aligned)."""
        b, t, _ = em.shape
        maskf = mask.float()
        idx = torch.arange(b)
        gold = self.start[tags[:, 0]] + em[idx, 0, tags[:, 0]]
        for i in range(1, t):
            step = self.transitions[tags[:, i - 1], tags[:, i]] + em[idx, i, tags[:, i]]
            gold = gold + step * maskf[:, i]
        last = tags[idx, mask.sum(1) - 1]
        gold = gold + self.end[last]
        alpha = self.start + em[:, 0]
        for i in range(1, t):
            nxt = torch.logsumexp(alpha.unsqueeze(2) + self.transitions + em[:, i].unsqueeze(1), dim=1)
            alpha = torch.where(mask[:, i : i + 1], nxt, alpha)
        log_z = torch.logsumexp(alpha + self.end, dim=1)
        return (log_z - gold).sum()


class Net(nn.Module):
    pre_table: torch.Tensor  # (vocabulary + 1, dim): the fixed pretrained vectors, row 0 unused

    def __init__(
        self,
        n_words: int,
        n_stems: int,
        n_chars: int,
        n_labels: int,
        hidden: int = 128,
        pretrained: np.ndarray | None = None,
        pretrained_scale: float = 0.0,
        stem_vectors: bool = False,
    ) -> None:
        super().__init__()
        # Fixed pretrained vectors: a non-persistent buffer, so they are not copied into
        # neural.npz (the runtime reads them from wordreps.npz). A token without a vector
        # (id 0) gets a learned "no vector" row instead: pre_none, stem_pre_none.
        self.pre_scale = pretrained_scale
        self.n_pre = 0
        self.pre_slots = 0
        if pretrained is not None:
            table = np.zeros((pretrained.shape[0] + 1, pretrained.shape[1]), dtype=np.float32)
            table[1:] = pretrained.astype(np.float32)
            self.register_buffer("pre_table", torch.from_numpy(table), persistent=False)
            self.n_pre = pretrained.shape[1]
            self.pre_slots = 2 if stem_vectors else 1
            self.pre_none = nn.Parameter(torch.zeros(self.n_pre))
            if stem_vectors:
                self.stem_pre_none = nn.Parameter(torch.zeros(self.n_pre))
        self.word_emb = nn.Embedding(n_words, 64, padding_idx=PAD)
        self.stem_emb = nn.Embedding(n_stems, 32, padding_idx=PAD)
        self.char_emb = nn.Embedding(n_chars, 24, padding_idx=PAD)
        self.conv = nn.ModuleDict(
            {"2": nn.Conv1d(24, 32, 2), "3": nn.Conv1d(24, 64, 3), "4": nn.Conv1d(24, 32, 4)}
        )
        in_dim = 64 + 32 + self.n_pre * self.pre_slots + 128 + len(DENSE_FEATURES)
        self.lstm = nn.LSTM(in_dim, hidden, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(0.4)
        for h in HEADS:
            self.add_module(f"out_{h}", nn.Linear(2 * hidden, n_labels))
            self.add_module(f"crf_{h}", CRF(n_labels))

    def char_vectors(self, chars: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """chars: (N, L) ids framed by PAD; lengths: real chars per token."""
        emb = self.char_emb(chars).transpose(1, 2)
        outs = []
        for key, conv in self.conv.items():
            width = int(key)
            act = torch.relu(conv(emb))  # (N, C, L - width + 1)
            n_valid = torch.clamp(lengths + 2 - width + 1, min=1)
            pos = torch.arange(act.shape[2])
            act = act * (pos.unsqueeze(0) < n_valid.unsqueeze(1)).unsqueeze(1).float()
            outs.append(act.max(2).values)
        return torch.cat(outs, 1)

    def emissions(self, batch: dict[str, torch.Tensor], head: str) -> torch.Tensor:
        b, t = batch["words"].shape
        chars = self.char_vectors(batch["chars"], batch["char_len"]).view(b, t, -1)
        parts = [self.word_emb(batch["words"]), self.stem_emb(batch["stems"])]
        for slot, key in enumerate(("pre", "stem_pre")[: self.pre_slots]):
            ids = batch[key]
            none = self.pre_none if slot == 0 else self.stem_pre_none
            vecs = self.pre_table[ids] * self.pre_scale
            parts.append(torch.where((ids > 0).unsqueeze(2), vecs, none))
        x = torch.cat([*parts, chars, batch["dense"]], 2)
        x = self.drop(x)
        lengths = batch["mask"].sum(1)
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        out, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=t)
        return getattr(self, f"out_{head}")(self.drop(h))


def make_batch(
    items: Sequence[Item],
    word_drop: float = 0.0,
    rng: random.Random | None = None,
    vector_drop: float = 0.0,
) -> dict[str, torch.Tensor]:
    b = len(items)
    t = max(len(it[0]) for it in items)
    words = torch.zeros(b, t, dtype=torch.long)
    stems = torch.zeros(b, t, dtype=torch.long)
    chars = torch.zeros(b * t, MAX_CHARS + 4, dtype=torch.long)
    char_len = torch.zeros(b * t, dtype=torch.long)
    dense = torch.zeros(b, t, len(DENSE_FEATURES))
    tags = torch.zeros(b, t, dtype=torch.long)
    pre = torch.zeros(b, t, dtype=torch.long)
    stem_pre = torch.zeros(b, t, dtype=torch.long)
    mask = torch.zeros(b, t, dtype=torch.bool)
    for i, (w, s, c, d, p, sp, y) in enumerate(items):
        n = len(w)
        if word_drop and rng is not None:
            w = [UNK if rng.random() < word_drop else x for x in w]
            s = [UNK if rng.random() < word_drop else x for x in s]
        if vector_drop and rng is not None:  # as for a word without a pretrained vector
            p = [0 if rng.random() < vector_drop else x for x in p]
            sp = [0 if rng.random() < vector_drop else x for x in sp]
        pre[i, :n] = torch.tensor(p)
        stem_pre[i, :n] = torch.tensor(sp)
        words[i, :n] = torch.tensor(w)
        stems[i, :n] = torch.tensor(s)
        dense[i, :n] = torch.from_numpy(d)
        tags[i, :n] = torch.tensor(y)
        mask[i, :n] = True
        for k, cc in enumerate(c):
            if cc:
                chars[i * t + k, 1 : 1 + len(cc)] = torch.tensor(cc)
            char_len[i * t + k] = len(cc)
    return {
        "words": words,
        "stems": stems,
        "chars": chars,
        "char_len": char_len,
        "dense": dense,
        "tags": tags,
        "pre": pre,
        "stem_pre": stem_pre,
        "mask": mask,
    }


def build_vocab(
    sents: Sequence[TaggedSentence], enc: TokenEncoder, min_count: int = 2
) -> tuple[list[str], list[str], list[str]]:
    words: Counter[str] = Counter()
    stems: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    for s in sents:
        for tok, _ in s:
            w = enc.word(tok)[0]
            words[w] += 1
            stems[lookup_forms(w)[-1]] += 1
            chars.update(w[:MAX_CHARS])
    keep = lambda c: sorted(k for k, v in c.items() if v >= min_count)  # noqa: E731
    return keep(words), keep(stems), sorted(k for k, v in chars.items() if v >= 5)


def decode(net: Net, items: list, head: str, labels: list[str]) -> list[list[str]]:  # type: ignore[type-arg]
    net.eval()
    crf = getattr(net, f"crf_{head}")
    trans = crf.transitions.detach().numpy()
    start = crf.start.detach().numpy()
    end = crf.end.detach().numpy()
    out: list[list[str]] = []
    with torch.no_grad():
        for k in range(0, len(items), 64):
            chunk = items[k : k + 64]
            em = net.emissions(make_batch(chunk), head).numpy()
            for path in viterbi_batch(em, [len(it[0]) for it in chunk], trans, start, end):
                out.append([labels[j] for j in path])
    net.train()
    return out


@dataclass
class BiLSTMSettings:
    epochs: int = 20
    batch: int = 32
    lr: float = 2e-3
    hidden: int = 64
    word_drop: float = 0.1
    wiki_fraction: float = 0.5  # share of WikiFANE sentences drawn per epoch
    seed: int = 0
    pretrained_scale: float = 5.0  # multiplies the unit-length pretrained vectors
    vector_drop: float = 0.1  # share of training tokens whose pretrained vector is withheld
    stem_vectors: bool = False  # also the vector of the proclitic-stripped stem


# word ids, stem ids, char ids, dense features, vector ids (word, stem), label ids
Item = tuple[list[int], list[int], list[tuple[int, ...]], np.ndarray, list[int], list[int], list[int]]
DevItems = dict[str, tuple[list[Item], list[list[str]], str]]  # corpus -> (encoded, gold, scheme)


def train_bilstm(
    train: Sequence[TrainingSentence],
    fold_gaz: Sequence[Gazetteers],
    gaz: Gazetteers,
    labels: list[str],
    dev: DevSets,
    lm: LabelMap,
    out: Path,
    settings: BiLSTMSettings,
    reps: WordReps | None = None,
) -> dict[str, object]:
    """Train on `train` and write ``neural.npz`` and ``neural.json`` to `out`, keeping the
    epoch with the best ANERcorp dev F1.  `dev` maps a corpus to (sentences, scoring scheme);
    `reps`: pretrained vectors read as a fixed input (None: none)."""
    torch.set_num_threads(1)  # deterministic, and the speed is the same on 2 cores
    torch.manual_seed(settings.seed)
    rng = random.Random(settings.seed)
    t0 = time.time()
    lab_id = {lab: i for i, lab in enumerate(labels)}
    words, stems, chars = build_vocab([s for s, _, _ in train], TokenEncoder([], [], [], gaz))
    if reps is not None and reps.vectors is None:
        reps = None
    encoders = [TokenEncoder(words, stems, chars, g, reps) for g in fold_gaz]
    # ANERcorp sentences train head A, FANE ones head F; WikiFANE is sampled
    items: dict[str, list[Item]] = {"anercorp": [], "newsfane": [], "wikifane": []}
    for s, fold, corpus in train:
        items[corpus].append((*encoders[fold].sentence([w for w, _ in s]), [lab_id[t] for _, t in s]))
    print(f"vocabulary: {len(words)} words, {len(stems)} stems, {len(chars)} characters", file=sys.stderr)
    dev_items = _encode_dev(dev, TokenEncoder(words, stems, chars, gaz, reps), lm)

    pre_scale = settings.pretrained_scale if reps is not None else 0.0
    net = Net(
        len(words) + 2,
        len(stems) + 2,
        len(chars) + 2,
        len(labels),
        settings.hidden,
        reps.vectors if reps is not None else None,
        pre_scale,
        settings.stem_vectors,
    )
    opt = torch.optim.Adam(net.parameters(), lr=settings.lr)
    best = (-1.0, 0)
    history: list[dict[str, float]] = []
    meta: dict[str, object] = {}

    def save(epoch: int) -> None:
        state = {k: v.detach().numpy().copy() for k, v in net.state_dict().items()}
        np.savez(out / "neural.npz", **state)
        meta.update(
            family="bilstm-crf",
            labels=labels,
            words=words,
            stems=stems,
            chars=chars,
            head="A",
            pretrained_scale=pre_scale,
            best_epoch=epoch,
            dev_anercorp_f1=best[0],
            history=history,
            settings=asdict(settings),
        )
        (out / "neural.json").write_text(json.dumps(meta, ensure_ascii=False) + "\n", encoding="utf-8")

    for epoch in range(1, settings.epochs + 1):
        te = time.time()
        batches = _epoch_batches(items, settings, rng)
        loss_mean = _train_epoch(net, opt, batches, settings, rng)
        scores = _dev_f1(net, dev_items, labels, lm)
        history.append({"epoch": epoch, "loss": loss_mean, **scores})
        took = time.time() - te
        print(f"epoch {epoch}: loss {loss_mean:.3f}, dev F1 {scores}, {took:.0f}s", file=sys.stderr)
        if scores.get("anercorp", 0.0) > best[0] or epoch == 1:
            best = (scores.get("anercorp", 0.0), epoch)
            save(epoch)
    meta["history"] = history
    (out / "neural.json").write_text(json.dumps(meta, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"BiLSTM-CRF: best epoch {best[1]}, ANERcorp dev F1 {best[0]:.4f}; {time.time() - t0:.0f}s",
        file=sys.stderr,
    )
    return meta


def _encode_dev(dev: DevSets, encoder: TokenEncoder, lm: LabelMap) -> DevItems:
    """Dev sentences encoded with the full gazetteers, as at run time, and their gold tags."""
    dev_items: DevItems = {}
    for name, (sents, scheme) in dev.items():
        gold = [lm.to_scheme(fix_bio([t for _, t in s]), scheme) for s in sents]
        encoded = [(*encoder.sentence([w for w, _ in s]), [0] * len(s)) for s in sents]
        dev_items[name] = (encoded, gold, scheme)  # type: ignore[assignment]
    return dev_items


def _epoch_batches(
    items: dict[str, list[Item]], settings: BiLSTMSettings, rng: random.Random
) -> list[tuple[str, list[Item]]]:
    """One epoch's (head, batch) pairs: sentences of similar length together, in random order."""
    batches: list[tuple[str, list[Item]]] = []
    pool_f = items["newsfane"] + [x for x in items["wikifane"] if rng.random() < settings.wiki_fraction]
    for head, pool in (("A", items["anercorp"]), ("F", pool_f)):
        pool = sorted(pool, key=lambda it: (len(it[0]), rng.random()))
        for k in range(0, len(pool), settings.batch):
            batches.append((head, pool[k : k + settings.batch]))
    rng.shuffle(batches)
    return batches


def _train_epoch(
    net: Net,
    opt: torch.optim.Optimizer,
    batches: list[tuple[str, list[Item]]],
    settings: BiLSTMSettings,
    rng: random.Random,
) -> float:
    """One pass of Adam over ``batches``; the mean batch loss."""
    total = 0.0
    for head, chunk in batches:
        batch = make_batch(chunk, settings.word_drop, rng, settings.vector_drop)
        em = net.emissions(batch, head)
        loss = getattr(net, f"crf_{head}").nll(em, batch["tags"], batch["mask"]) / len(chunk)
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(net.parameters(), 5.0)
        opt.step()
        total += float(loss.detach())
    return total / max(len(batches), 1)


def _dev_f1(net: Net, dev_items: DevItems, labels: list[str], lm: LabelMap) -> dict[str, float]:
    """Micro F1 of head A on each dev set."""
    scores: dict[str, float] = {}
    for name, (encoded, gold, scheme) in dev_items.items():
        pred = [lm.to_scheme(x, scheme) for x in decode(net, encoded, "A", labels)]
        scores[name] = score_spans(gold, pred)["micro"][2]
    return scores
