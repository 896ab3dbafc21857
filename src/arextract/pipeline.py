"""The pipeline: resources loaded once, then each text flows through the stages in order.

A stage is any object with a ``name``, a ``version`` and ``__call__(doc)`` that fills in
part of the :class:`~arextract.schema.Document`. Stages read what earlier stages wrote and
never reach into each other's internals.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Protocol

import regex

from arextract.errors import InputError
from arextract.kb import load_kb
from arextract.link import Linker
from arextract.ner.backends import make_ner_stage
from arextract.phrases import PhraseRecognizer
from arextract.relations import RelationExtractor
from arextract.schema import Document, Meta, RelationType
from arextract.text.normalize import replace_surrogates
from arextract.text.segment import split_sentences, tokenize
from arextract.timex import document_date, find_times

_ARABIC_LETTER_RE = regex.compile(r"\p{Script=Arabic}")

DEFAULT_BACKEND = "builtin"


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


class Pipeline:
    """Load arextract's resources once; then ``pipeline(text)`` or ``pipeline.pipe(texts)``.

    Every code point of U+D800-U+DFFF in the input (a lone surrogate, which no UTF-8 file or
    JSON output can hold) is replaced by U+FFFD before anything runs; ``doc.text`` is that
    replaced text, of the same length, so all offsets hold for the input too.

    Every stage is near-linear in the length of the text (sentences are cut at
    :data:`arextract.text.segment.MAX_SENTENCE_CHARS`; each stage's docstring states its cost).

    >>> nlp = Pipeline()                        # doctest: +SKIP
    >>> doc = nlp("التقى وزير الخارجية المصري نظيره الأردني في عمان")  # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        backend: str | None = None,
        rules: str | Path | Sequence[str | Path] = (),
        models_dir: str | Path | None = None,
    ) -> None:
        self.backend = backend or DEFAULT_BACKEND
        kb_dir = str(Path(models_dir) / "kb") if models_dir else None
        rule_files = [rules] if isinstance(rules, str | Path) else list(rules)
        relations = RelationExtractor(rule_files)
        self.stages: list[Stage] = [
            SegmentStage(),
            make_ner_stage(self.backend, kb_dir=kb_dir),
            TimeStage(),  # before phrases: an event name ends where a date begins
            PhraseRecognizer(relations.lexicons, relations.triggers_of(RelationType.PROPOSAL)),
            Linker(load_kb(kb_dir)),  # after phrases, so event and initiative names are linked too
            relations,
        ]

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
