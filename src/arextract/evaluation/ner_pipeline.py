"""The whole pipeline's mentions scored on an ANERcorp-style CoNLL file, beside the tagger alone.

``python -m arextract.evaluate ner-pipeline FILE.conll`` measures what the merge of the tagger
with the gazetteer, the name grammar, the linker and the phrase stage does to the tagger's score
(``evaluate ner``) on the same gold. Conventions:

* **Chunks.** The CoNLL tokens of ``chunk_sentences`` consecutive sentences (default
  :data:`DEFAULT_CHUNK_SENTENCES`) are joined with single spaces, one sentence per line, into
  one article-sized text given to the pipeline; the newline ends a sentence for the pipeline's
  splitter (:func:`arextract.text.segment.split_sentences`), so its sentences are the CoNLL
  ones (a period inside a CoNLL sentence may still cut it in two: that only narrows the
  pipeline's view, never the scoring, which is done on CoNLL tokens).
* **Token mapping.** A pipeline mention counts as the CoNLL tokens its characters overlap: a
  mention starting after a proclitic inside a token (``قازاقستان`` in ``وقازاقستان``) counts from
  that token, as ANERcorp tags the whole clitic-attached token. A mention crossing a sentence
  line keeps the tokens of the sentence it starts in.
* **Types.** The ``[coarse]`` table of ``models/ner/labels.toml``: PERSON -> PERS;
  COUNTRY, CITY, REGION -> LOC; ORGANIZATION -> ORG; every other named type (EVENT,
  INITIATIVE, MISC) -> MISC.
* **Left out**, as ANERcorp does not tag them: mentions whose ``source`` is ``coref``
  (``البلدين``, ``نظيره``) and nisba adjectives (``subtype == "nisba"``: ``الصيني``).
* **Overlaps.** Mentions are kept longest first (in tokens, then characters, the earlier at
  equal length); a mention sharing a token with a kept one is dropped.
* **Scoring.** Exact spans, conlleval semantics: :func:`arextract.evaluation.ner.score_spans`,
  the scorer of ``evaluate ner``. The tagger's own labels come from one ``tag_document`` over
  the whole file, exactly as ``evaluate ner`` computes them, so its table here is that
  command's. A second tagger table, one ``tag_document`` per chunk on the CoNLL tokens, shows
  what the chunking alone costs (name consistency then reaches only inside a chunk, as it
  reaches only inside an article at run time).

With ``-v``, per gold type, the spans the tagger gets right and the pipeline does not, and the
reverse, with examples naming the ``source`` of the pipeline's mention, and the pipeline's
false positives the tagger did not make.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from arextract.evaluation.ner import Scores, score_spans
from arextract.schema import Document, Entity, EntitySource
from arextract.text.spans import bio_spans
from arextract.training.corpora import LabelMap, TaggedSentence, fix_bio, read_conll

DEFAULT_CHUNK_SENTENCES = 20
EXAMPLES = 10

# (sentence index in the file, first token, end token, coarse type)
Span = tuple[int, int, int, str]


@dataclass(frozen=True)
class Chunk:
    """``chunk_sentences`` CoNLL sentences as one text: ``offsets[s][k]`` is the (start, end)
    of token ``k`` of the chunk's sentence ``s``; ``first`` is its first sentence's index."""

    first: int
    text: str
    offsets: list[list[tuple[int, int]]]


def make_chunks(sentences: Sequence[Sequence[str]], chunk_sentences: int) -> list[Chunk]:
    """The file's sentences as article-sized texts: tokens joined by a space, sentences by a newline."""
    chunks: list[Chunk] = []
    for first in range(0, len(sentences), chunk_sentences):
        lines: list[str] = []
        offsets: list[list[tuple[int, int]]] = []
        at = 0
        for tokens in sentences[first : first + chunk_sentences]:
            spans = []
            for k, token in enumerate(tokens):
                at += 1 if k else 0
                spans.append((at, at + len(token)))
                at += len(token)
            offsets.append(spans)
            lines.append(" ".join(tokens))
            at += 1  # the newline
        chunks.append(Chunk(first, "\n".join(lines), offsets))
    return chunks


@dataclass
class PipelineMention:
    """A pipeline mention as CoNLL tokens, with what it was in the pipeline."""

    span: Span
    entity: Entity

    @property
    def width(self) -> tuple[int, int]:
        return (self.span[2] - self.span[1], self.entity.end - self.entity.start)


def is_scored(entity: Entity) -> bool:
    """ANERcorp tags neither coreference mentions nor nisba adjectives."""
    return entity.source is not EntitySource.COREF and entity.subtype != "nisba"


def token_mentions(chunk: Chunk, entities: Sequence[Entity], coarse: dict[str, str]) -> list[PipelineMention]:
    """The scored entities as spans of CoNLL tokens (module docstring), overlaps resolved
    longest first; in text order."""
    starts: list[int] = []
    where: list[tuple[int, int, int]] = []  # (sentence in chunk, token, end offset), by start
    for s, spans in enumerate(chunk.offsets):
        for k, (start, end) in enumerate(spans):
            starts.append(start)
            where.append((s, k, end))
    candidates: list[PipelineMention] = []
    for entity in filter(is_scored, entities):
        # the token the mention starts in (or the first after it, when it starts on a space)
        at = max(bisect_right(starts, entity.start) - 1, 0)
        if where[at][2] <= entity.start:
            at += 1
        if at >= len(where) or starts[at] >= entity.end:
            continue
        sentence, first, _ = where[at]
        last = first
        spans = chunk.offsets[sentence]
        while last + 1 < len(spans) and spans[last + 1][0] < entity.end:
            last += 1
        typ = coarse.get(entity.type.value, "MISC")
        candidates.append(PipelineMention((chunk.first + sentence, first, last + 1, typ), entity))
    kept: list[PipelineMention] = []
    taken: set[tuple[int, int]] = set()
    for mention in sorted(candidates, key=lambda m: (-m.width[0], -m.width[1], m.span[:2])):
        tokens = {(mention.span[0], k) for k in range(mention.span[1], mention.span[2])}
        if tokens & taken:
            continue
        taken |= tokens
        kept.append(mention)
    return sorted(kept, key=lambda m: m.span[:2])


def as_labels(lengths: Sequence[int], mentions: Sequence[PipelineMention]) -> list[list[str]]:
    """BIO labels per sentence from non-overlapping token spans."""
    labels = [["O"] * n for n in lengths]
    for mention in mentions:
        sentence, first, end, typ = mention.span
        for k in range(first, end):
            labels[sentence][k] = ("B-" if k == first else "I-") + typ
    return labels


@dataclass
class PipelineRun:
    """Gold, tagger and pipeline labels of one file, and the pipeline's mentions by span."""

    sentences: list[list[str]]
    gold: list[list[str]]
    tagger: list[list[str]]
    tagger_chunked: list[list[str]]
    pipeline: list[list[str]]
    mentions: dict[Span, Entity] = field(default_factory=dict)
    dropped: Counter[str] = field(default_factory=Counter)

    def scores(self) -> tuple[Scores, Scores, Scores]:
        """(tagger on the whole file, tagger per chunk, pipeline) exact-span scores."""
        return (
            score_spans(self.gold, self.tagger),
            score_spans(self.gold, self.tagger_chunked),
            score_spans(self.gold, self.pipeline),
        )


def run_pipeline(
    sents: Sequence[TaggedSentence],
    extract: Callable[[str], Document],
    tag_document: Callable[[Sequence[Sequence[str]]], list[list[str]]],
    labels: LabelMap,
    chunk_sentences: int = DEFAULT_CHUNK_SENTENCES,
) -> PipelineRun:
    """Gold, the tagger (one ``tag_document`` over the file, as ``evaluate ner``, and one per
    chunk) and the pipeline (``extract`` on chunks of ``chunk_sentences`` sentences) on
    ANERcorp-style `sents`."""
    sentences = [[w for w, _ in s] for s in sents]
    gold = [fix_bio([t for _, t in s]) for s in sents]
    tagger = [labels.to_scheme(p, "coarse") for p in tag_document(sentences)]
    run = PipelineRun(sentences, gold, tagger, [], [])
    kept: list[PipelineMention] = []
    for chunk in make_chunks(sentences, chunk_sentences):
        in_chunk = sentences[chunk.first : chunk.first + len(chunk.offsets)]
        run.tagger_chunked.extend(labels.to_scheme(p, "coarse") for p in tag_document(in_chunk))
        doc = extract(chunk.text)
        run.dropped.update(
            "coref" if e.source is EntitySource.COREF else "nisba" for e in doc.entities if not is_scored(e)
        )
        kept.extend(token_mentions(chunk, doc.entities, labels.coarse))
    run.pipeline = as_labels([len(s) for s in sentences], kept)
    run.mentions = {m.span: m.entity for m in kept}
    return run


def evaluate_pipeline(
    path: str | Path,
    backend: str | None = None,
    chunk_sentences: int = DEFAULT_CHUNK_SENTENCES,
    until: str | None = None,
) -> PipelineRun:
    """The tagger of ``models/ner`` and the ``backend`` pipeline on ANERcorp-style `path`: the
    whole pipeline, or its stages up to and including ``until`` (``ner``, ``phrases``...), to
    see what each stage adds."""
    from arextract.ner.tagger import NerTagger
    from arextract.pipeline import STAGES, Pipeline

    names = [spec.name for spec in STAGES]
    if until is not None and until not in names:
        raise ValueError(f"no stage {until!r}; the stages are {', '.join(names)}")
    stages = STAGES[: names.index(until) + 1] if until is not None else STAGES
    pipeline = Pipeline(backend=backend, stages=stages)
    labels = LabelMap.load(pipeline.models.ner / "labels.toml")
    tagger = NerTagger.load(pipeline.models.ner)
    return run_pipeline(read_conll(path), pipeline, tagger.tag_document, labels, chunk_sentences)


@dataclass
class Difference:
    """Gold spans one system gets right and the other not, and the pipeline's own false positives."""

    tagger_only: dict[str, list[Span]] = field(default_factory=dict)
    pipeline_only: dict[str, list[Span]] = field(default_factory=dict)
    pipeline_spurious: dict[str, list[Span]] = field(default_factory=dict)


def spans_of(labels: Sequence[Sequence[str]]) -> set[Span]:
    return {(i, first, end, typ) for i, sent in enumerate(labels) for first, end, typ in bio_spans(sent)}


def differences(run: PipelineRun) -> Difference:
    """Per gold type (per pipeline type for the false positives), the spans that differ."""
    gold, tagger, pipeline = spans_of(run.gold), spans_of(run.tagger), spans_of(run.pipeline)
    out = Difference()
    for bucket, spans in (
        (out.tagger_only, (gold & tagger) - pipeline),
        (out.pipeline_only, (gold & pipeline) - tagger),
        (out.pipeline_spurious, pipeline - gold - tagger),
    ):
        for span in sorted(spans):
            bucket.setdefault(span[3], []).append(span)
    return out


def describe(run: PipelineRun, span: Span) -> str:
    """One example: the tokens, gold, tagger and pipeline labels over them, and the source."""
    sentence, first, end, _ = span
    words = run.sentences[sentence]
    # one token of context either side, so a span cut short or run over shows
    lo, hi = max(first - 1, 0), min(end + 1, len(words))

    def said(labels: Sequence[Sequence[str]], with_source: bool) -> str:
        parts = []
        for f, e, typ in bio_spans(labels[sentence]):
            if f < end and first < e:
                text = " ".join(words[f:e])
                entity = run.mentions.get((sentence, f, e, typ)) if with_source else None
                extra = f" {entity.type.value}/{entity.source.value}" if entity is not None else ""
                parts.append(f"{typ}[{text}]{extra}")
        return "; ".join(parts) or "O"

    return (
        f"  s{sentence} «{' '.join(words[first:end])}» ({' '.join(words[lo:hi])}) "
        f"gold: {said(run.gold, False)} | tagger: {said(run.tagger, False)} | "
        f"pipeline: {said(run.pipeline, True)}"
    )


def source_counts(run: PipelineRun, spans: Sequence[Span]) -> str:
    """For gold spans, which source the pipeline's overlapping mention came from (``none``)."""
    counts: Counter[str] = Counter()
    for sentence, first, end, _ in spans:
        sources = sorted(
            {
                e.source.value
                for (s, f, t, _), e in run.mentions.items()
                if s == sentence and f < end and first < t
            }
        )
        counts["+".join(sources) or "none"] += 1
    return ", ".join(f"{source} {n}" for source, n in counts.most_common())


def print_differences(run: PipelineRun, examples: int = EXAMPLES) -> None:
    """The ``-v`` report: per type, counts by source and up to `examples` spans of each kind."""
    diff = differences(run)
    titles = (
        ("tagger right, pipeline wrong", diff.tagger_only),
        ("pipeline right, tagger wrong", diff.pipeline_only),
        ("pipeline false positives the tagger did not make", diff.pipeline_spurious),
    )
    for title, bucket in titles:
        for typ in sorted(bucket):
            spans = bucket[typ]
            print(f"\n## {typ}: {title}: {len(spans)} (pipeline source: {source_counts(run, spans)})")
            if bucket is diff.tagger_only:
                chunked = spans_of(run.tagger_chunked)
                print(
                    f"#  of which the tagger on the same chunk misses: {sum(s not in chunked for s in spans)}"
                )
            for span in spans[:examples]:
                print(describe(run, span))
    if run.dropped:
        left_out = ", ".join(f"{k} {n}" for k, n in sorted(run.dropped.items()))
        print(f"\n# left out of the pipeline's mentions: {left_out}")
