"""The pipeline: resources loaded once, then each text flows through the stages in order.

A stage is any object with a ``name``, a ``version`` and ``__call__(doc)`` that fills in
part of the :class:`~arextract.schema.Document`. Stages read what earlier stages wrote and
never reach into each other's internals. :data:`STAGES` lists them as data, each row saying
which Document fields its stage reads and which it adds (as spaCy's ``requires`` and
``assigns``); :class:`Pipeline` checks, before loading anything, that every field a stage
reads is an input or was added by an earlier stage:

=============  ==========================================  ======================
stage          reads                                       adds
=============  ==========================================  ======================
``segment``    text                                        sentences, tokens
``ner``        text, sentences, tokens                     entities
``link``       text, sentences, tokens, entities           entities
``time``       text, doc_date                              doc_date, times
``phrases``    text, sentences, tokens, entities, times    entities
``relations``  text, doc_date, sentences, tokens,          entities, relations
               entities, times
=============  ==========================================  ======================
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Protocol

import regex

from arextract.errors import InputError, PipelineError
from arextract.kb import KnowledgeBase, load_kb
from arextract.link import Linker
from arextract.ner.registry import make_ner_stage
from arextract.phrases import PhraseRecognizer
from arextract.relations import RelationExtractor
from arextract.resources import ModelPaths
from arextract.schema import Document, Meta, RelationType
from arextract.text.normalize import replace_surrogates
from arextract.text.segment import split_sentences, tokenize
from arextract.timex import document_date, find_times

_ARABIC_LETTER_RE = regex.compile(r"\p{Script=Arabic}")

DEFAULT_BACKEND = "builtin"

# The Document fields the caller gives (``Pipeline.__call__``) before any stage runs.
INPUTS = ("text", "doc_date", "source")


class Stage(Protocol):
    name: str

    @property
    def version(self) -> str: ...

    def __call__(self, doc: Document) -> None: ...


class SegmentStage:
    """Sentences and clitic-attached tokens (see :mod:`arextract.text.segment`). O(n) in the text's
    length; no sentence is longer than :data:`~arextract.text.segment.MAX_SENTENCE_CHARS`."""

    name = "segment"
    version = "1"

    def __call__(self, doc: Document) -> None:
        doc.sentences = split_sentences(doc.text)
        doc.tokens = tokenize(doc.text)


class TimeStage:
    """The document date (given, else the dateline) and every time expression, anchored to it.
    O(n): one scan of the normalised text, the full pattern tried only where a trigger word starts."""

    name = "time"
    version = "1"

    def __call__(self, doc: Document) -> None:
        doc.doc_date = document_date(doc.text, doc.doc_date)
        doc.times = find_times(doc.text, doc.doc_date)


class Resources:
    """What the stages are built from, each loaded at most once, when a stage first needs it."""

    def __init__(self, backend: str, models: ModelPaths, rule_files: Sequence[str | Path]) -> None:
        self.backend = backend
        self.models = models
        self.rule_files = list(rule_files)

    @cached_property
    def kb(self) -> KnowledgeBase:
        return load_kb(str(self.models.kb))

    @cached_property
    def relations(self) -> RelationExtractor:
        # one extractor: the phrase stage reads its lexicons and proposal triggers
        return RelationExtractor(self.rule_files, kb=self.kb)


@dataclass(frozen=True)
class StageSpec:
    """One row of :data:`STAGES`: how a stage is built, and which Document fields it reads
    and adds (a field it rewrites, as the linker rewrites ``entities``, counts as added)."""

    name: str
    build: Callable[[Resources], Stage]
    reads: tuple[str, ...]
    adds: tuple[str, ...]


STAGES: tuple[StageSpec, ...] = (
    StageSpec("segment", lambda _: SegmentStage(), reads=("text",), adds=("sentences", "tokens")),
    StageSpec(
        "ner",
        lambda resources: make_ner_stage(resources.backend, resources.models),
        reads=("text", "sentences", "tokens"),
        adds=("entities",),
    ),
    StageSpec("time", lambda _: TimeStage(), reads=("text", "doc_date"), adds=("doc_date", "times")),
    # after time: an event name ends where a date begins (قمة العشرين في 2020)
    StageSpec(
        "phrases",
        lambda resources: PhraseRecognizer(
            resources.relations.lexicons,
            resources.relations.triggers_of(RelationType.PROPOSAL),
            resources.relations.clause_verbs(),
        ),
        reads=("text", "sentences", "tokens", "entities", "times"),
        adds=("entities",),
    ),
    # after phrases, so event and initiative names are linked too
    StageSpec(
        "link",
        lambda resources: Linker(resources.kb),
        reads=("text", "sentences", "tokens", "entities"),
        adds=("entities",),
    ),
    StageSpec(
        "relations",
        lambda resources: resources.relations,
        reads=("text", "doc_date", "sentences", "tokens", "entities", "times"),
        adds=("entities", "relations"),
    ),
)


def check_stages(stages: Sequence[StageSpec]) -> None:
    """A :class:`PipelineError` unless every field a stage reads is an input (:data:`INPUTS`)
    or added by an earlier stage, and every field named is a Document field."""
    fields = set(Document.model_fields)
    available = set(INPUTS)
    for spec in stages:
        unknown = [name for name in (*spec.reads, *spec.adds) if name not in fields]
        if unknown:
            raise PipelineError(f"stage {spec.name!r} names {', '.join(unknown)}, not fields of Document")
        missing = [name for name in spec.reads if name not in available]
        if missing:
            order = " -> ".join(other.name for other in stages)
            raise PipelineError(
                f"stage {spec.name!r} reads {', '.join(missing)}, which no earlier stage adds "
                f"(stages: {order}; inputs: {', '.join(INPUTS)})"
            )
        available.update(spec.adds)


class Pipeline:
    """Load arextract's resources once; then ``pipeline(text)`` or ``pipeline.pipe(texts)``.

    Every code point of U+D800-U+DFFF in the input (a lone surrogate, which no UTF-8 file or
    JSON output can hold) is replaced by U+FFFD before anything runs; ``doc.text`` is that
    replaced text, of the same length, so all offsets hold for the input too.

    Every stage is near-linear in the length of the text (sentences are cut at
    :data:`arextract.text.segment.MAX_SENTENCE_CHARS`; each stage's docstring states its cost).

    ``models_dir`` is where every model is loaded from (``kb/`` and ``ner/``:
    :class:`~arextract.resources.ModelPaths`); ``stages`` replaces :data:`STAGES`, checked by
    :func:`check_stages` before anything loads.

    >>> nlp = Pipeline()                        # doctest: +SKIP
    >>> doc = nlp("التقى وزير الخارجية المصري نظيره الأردني في عمان")  # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        backend: str | None = None,
        rules: str | Path | Sequence[str | Path] = (),
        models_dir: str | Path | None = None,
        stages: Sequence[StageSpec] = STAGES,
    ) -> None:
        check_stages(stages)
        self.backend = backend or DEFAULT_BACKEND
        self.models = ModelPaths.under(models_dir)
        rule_files = [rules] if isinstance(rules, str | Path) else list(rules)
        resources = Resources(self.backend, self.models, rule_files)
        self.stages: list[Stage] = []
        for spec in stages:
            stage = spec.build(resources)
            if stage.name != spec.name:  # meta.models and meta.timings are keyed by the name
                raise PipelineError(f"the stage built for {spec.name!r} is named {stage.name!r}")
            self.stages.append(stage)
        # The models, knowledge files and lexicons just loaded are a few million long-lived
        # objects; left in the collector's generations, every full collection walks them again
        # (about a tenth of extract()'s time on the seeds). Frozen, the cyclic collector skips
        # them; reference counting still frees whatever is dropped later.
        gc.freeze()

    def __call__(
        self,
        text: str,
        *,
        doc_date: date | str | None = None,
        source: str | None = None,
    ) -> Document:
        if not isinstance(text, str):
            raise TypeError(f"arextract expects text as str, got {type(text).__name__}")
        # Lone surrogates become U+FFFD (same length, offsets unchanged), so the document can
        # always be written as JSON; doc.text is then the replaced text.
        text = replace_surrogates(text)
        if source is not None:
            source = replace_surrogates(source)
        meta = Meta(backend=self.backend, models={stage.name: stage.version for stage in self.stages})
        doc = Document(text=text, doc_date=parse_date(doc_date), source=source, meta=meta)
        if not text.strip():
            return doc
        if not _ARABIC_LETTER_RE.search(text):
            meta.warnings.append("the text contains no Arabic script; nothing was extracted")
            return doc
        for stage in self.stages:
            started = time.perf_counter()
            stage(doc)
            meta.timings[stage.name] = round(time.perf_counter() - started, 6)
        return doc

    def pipe(self, texts: Iterable[str]) -> Iterator[Document]:
        """Process many texts lazily, in order."""
        for text in texts:
            yield self(text)


def parse_date(value: date | str | None) -> date | None:
    """``doc_date`` as a date: a ``date``, an ISO string ``YYYY-MM-DD``, or None."""
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError as error:
            raise InputError(f"doc_date must be an ISO date like 2020-09-12, got {value!r}") from error
    raise TypeError(f"doc_date must be a date, an ISO string or None, got {type(value).__name__}")
