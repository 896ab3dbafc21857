"""arextract for spaCy: :func:`to_spacy` and the ``"arextract"`` pipeline component.

One module rather than an ``interop/`` package: the spaCy bridge shares no code with the other
exports (SQLite, GraphML, annotation files), and like :mod:`arextract.viz` it imports its
optional dependency only when used, so ``import arextract`` stays fast without spaCy.

What a converted ``spacy.tokens.Doc`` holds:

* **Tokens**: arextract's tokens, cut where a mention, a time, a trigger, an evidence span or a
  sentence starts or ends inside a word (``وقازاقستان`` -> ``و`` + ``قازاقستان``), so every span
  below is exact. Whitespace is kept as spaCy keeps it (``doc.text == document.text``); ``norm_``
  is arextract's folded form; sentences are arextract's (``doc.sents``).
* ``doc.spans["arextract"]``: **every** mention, labelled with its type, ``kb_id_`` its
  ``kb_id`` and ``id_`` its mention id (``e4``).
* ``doc.ents``: the mentions that can be entities at once. spaCy entities may not overlap, and
  arextract's mentions may (an ORGANIZATION inside an EVENT name; ``البلدين`` is one mention of
  each of two countries on the same span). The rule: the longest mention in characters wins,
  then the one that starts first, then the first in document order (``e4`` before ``e5``:
  for ``البلدين``, the country whose mention comes first). Nothing else is dropped: it stays in
  ``doc.spans["arextract"]``.
* ``doc.spans["times"]``: the time expressions, labelled ``TIME``, ``id_`` their id.
* Span extensions ``span._.canonical``, ``span._.entity_id`` (the mention id), ``span._.name_en``
  and, on times, ``span._.time_value`` (ISO value or ``start/end``).
* ``doc._.relations``: :class:`SpacyRelation` objects (type, ``(role, span)`` arguments, date
  span and value, trigger and evidence spans, attributes, confidence).

The extensions are getters over one JSON-able record stored in ``doc._.arextract`` (the
Document's entities, times, relations, dates, source and meta). spaCy keys a span extension's
value on the span's character offsets only, so stored per-span values would mix up the two
countries of ``البلدين``; a record on the Doc cannot, and ``DocBin(store_user_data=True)``
keeps it.

The component: ``nlp = spacy.blank("ar"); nlp.add_pipe("arextract", config={"backend": ...})``.
It runs the whole arextract pipeline on ``doc.text`` and returns a new Doc tokenised as above,
so put it first: annotations of earlier components are not carried over. ``nlp.pipe`` goes
through :meth:`arextract.Pipeline.pipe`. The factory is registered when spaCy is imported
before arextract (``import spacy`` then ``import arextract``), by :func:`to_spacy`, or by
:func:`register`.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import regex

from arextract.errors import MissingDependencyError
from arextract.schema import Document, Interval, TextSpan
from arextract.text.normalize import fold

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

__all__ = [
    "FACTORY",
    "INSTALL_HINT",
    "MENTIONS_KEY",
    "TIMES_KEY",
    "ArextractComponent",
    "SpacyRelation",
    "make_component",
    "register",
    "register_if_loaded",
    "to_spacy",
]

INSTALL_HINT = 'pip install "arextract[spacy]"'
FACTORY = "arextract"
MENTIONS_KEY = "arextract"
TIMES_KEY = "times"
TIME_LABEL = "TIME"
_RECORD = "arextract"  # the Doc extension holding the JSON-able record
_RECORD_FIELDS = {"doc_date", "source", "entities", "times", "relations", "meta"}
_RUNS_RE = regex.compile(r"\s+|\S+")


def _spacy() -> Any:
    try:
        return importlib.import_module("spacy")
    except ImportError as error:
        raise MissingDependencyError(
            f"arextract's spaCy bridge needs the optional package 'spacy'; install it with: {INSTALL_HINT}"
        ) from error


@dataclass(frozen=True)
class SpacyRelation:
    """An arextract relation over spaCy spans (``doc._.relations``)."""

    id: str
    type: str
    arguments: list[tuple[str, Span]]  # (role, mention span); roles repeat (participant x 2)
    date: Span | None  # the time expression, or None
    date_value: str | None  # its ISO value (``start/end`` for an interval)
    trigger: Span
    evidence: Span
    attributes: dict[str, Any]
    confidence: float


# --------------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------------


def _spans_of(document: Document) -> Iterator[TextSpan]:
    yield from document.tokens
    yield from document.entities
    yield from document.times
    for relation in document.relations:
        yield relation.trigger
        yield relation.evidence
        if relation.date is not None:
            yield relation.date


def _cuts(document: Document) -> list[int]:
    """Every offset where a token must start or end."""
    cuts = {0, len(document.text)}
    for span in _spans_of(document):
        cuts.update((span.start, span.end))
    cuts.update(sentence.start for sentence in document.sentences)
    return sorted(cut for cut in cuts if 0 <= cut <= len(document.text))


def _words(document: Document) -> tuple[list[str], list[bool], list[int]]:
    """(words, trailing-space flags, start offsets) that spell ``document.text`` exactly.

    The text is cut at every offset of :func:`_cuts`, and each piece into runs of whitespace
    and non-whitespace. A run of whitespace after a word gives its first space to the word's
    ``whitespace_`` when it is a plain space; the rest becomes a whitespace token, as spaCy's
    own tokenizer does with ``"\\n"`` or double spaces.
    """
    text = document.text
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[int] = []
    cuts = _cuts(document)
    for left, right in pairwise(cuts):
        for run in _RUNS_RE.finditer(text, left, right):
            piece, start = run.group(), run.start()
            if piece.isspace() and words and not spaces[-1] and not words[-1].isspace() and piece[0] == " ":
                spaces[-1] = True
                piece, start = piece[1:], start + 1
            if piece:
                words.append(piece)
                spaces.append(False)
                starts.append(start)
    return words, spaces, starts


def _sent_starts(document: Document, starts: list[int]) -> list[bool | int | None]:
    sentence_starts = {sentence.start for sentence in document.sentences}
    flags: list[bool | int | None] = [start in sentence_starts for start in starts]
    if flags:
        flags[0] = True  # spaCy's first token always opens a sentence
    return flags


# --------------------------------------------------------------------------------------------
# Conversion
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _arabic_vocab() -> Vocab:
    return _spacy().blank("ar").vocab


def _span(doc: Doc, start: int, end: int, label: str = "", kb_id: str = "", span_id: str = "") -> Span:
    span = doc.char_span(start, end, label=label, kb_id=kb_id, span_id=span_id)
    if span is None:  # cannot happen: every offset is a token boundary (see _cuts)
        raise ValueError(f"offsets {start}:{end} are not token boundaries")
    return span


def _choose_ents(spans: list[Span]) -> list[Span]:
    """Non-overlapping entities: longest in characters, then first to start, then document order."""
    ranked = sorted(enumerate(spans), key=lambda item: (-len(item[1].text), item[1].start_char, item[0]))
    taken: set[int] = set()
    chosen: list[Span] = []
    for _, span in ranked:
        tokens = set(range(span.start, span.end))
        if not tokens & taken:
            chosen.append(span)
            taken |= tokens
    return sorted(chosen, key=lambda span: span.start)


def to_spacy(doc: Document, vocab: Vocab | None = None) -> Doc:
    """``doc`` as a ``spacy.tokens.Doc`` (see the module docstring for what it holds).

    ``vocab`` defaults to a blank Arabic pipeline's vocabulary (created once per process).
    """
    if not isinstance(doc, Document):
        raise TypeError(f"to_spacy expects an arextract Document, got {type(doc).__name__}")
    register()
    from spacy.tokens import Doc as SpacyDoc

    words, spaces, starts = _words(doc)
    sent_starts = _sent_starts(doc, starts)
    out = SpacyDoc(vocab or _arabic_vocab(), words=words, spaces=spaces, sent_starts=sent_starts)
    if out.text != doc.text:  # a broken invariant must not pass silently
        raise ValueError("the spaCy Doc does not spell the document's text")
    norms = {(token.start, token.end): token.norm for token in doc.tokens}
    for token, start in zip(out, starts, strict=True):
        if not token.is_space:
            token.norm_ = norms.get((start, start + len(token.text))) or fold(token.text)
    mentions = [_span(out, e.start, e.end, e.type.value, e.kb_id or "", e.id) for e in doc.entities]
    out.spans[MENTIONS_KEY] = mentions
    out.ents = _choose_ents(mentions)
    out.spans[TIMES_KEY] = [_span(out, t.start, t.end, TIME_LABEL, "", t.id) for t in doc.times]
    out._.set(_RECORD, doc.model_dump(mode="json", include=_RECORD_FIELDS))
    return out


# --------------------------------------------------------------------------------------------
# Extension getters: read the record, so equal-offset spans keep their own values
# --------------------------------------------------------------------------------------------


def _record(doc: Doc) -> dict[str, Any]:
    record: dict[str, Any] | None = doc._.get(_RECORD)
    return record or {}


def _find(items: list[dict[str, Any]], span: Span, match_label: bool) -> dict[str, Any] | None:
    """The record item of ``span``: by its ``id_``, else by offsets (and type and kb_id)."""
    if span.id_:
        for item in items:
            if item["id"] == span.id_:
                return item
    for item in items:
        if (item["start"], item["end"]) != (span.start_char, span.end_char):
            continue
        if not match_label or (item.get("type") == span.label_ and (item.get("kb_id") or "") == span.kb_id_):
            return item
    return None


def _mention_field(name: str) -> Any:
    def getter(span: Span) -> Any:
        item = _find(_record(span.doc).get("entities", []), span, match_label=True)
        return None if item is None else item.get(name)

    return getter


def _time_value(span: Span) -> str | None:
    item = _find(_record(span.doc).get("times", []), span, match_label=False)
    value = None if item is None else item.get("value")
    if isinstance(value, dict):
        return Interval(start=value.get("start"), end=value.get("end")).iso()
    return value


def _relations(doc: Doc) -> list[SpacyRelation]:
    record = _record(doc)
    mentions = {span.id_: span for span in doc.spans[MENTIONS_KEY]} if MENTIONS_KEY in doc.spans else {}
    out: list[SpacyRelation] = []
    for relation in record.get("relations", []):
        date = relation.get("date")
        date_span = _span(doc, date["start"], date["end"], TIME_LABEL, "", date["id"]) if date else None
        trigger, evidence = relation["trigger"], relation["evidence"]
        out.append(
            SpacyRelation(
                id=relation["id"],
                type=relation["type"],
                arguments=[
                    (a["role"], mentions[a["entity_id"]])
                    for a in relation["arguments"]
                    if a["entity_id"] in mentions
                ],
                date=date_span,
                date_value=_time_value(date_span) if date_span is not None else None,
                trigger=_span(doc, trigger["start"], trigger["end"]),
                evidence=_span(doc, evidence["start"], evidence["end"]),
                attributes=dict(relation.get("attributes") or {}),
                confidence=relation.get("confidence", 1.0),
            )
        )
    return out


# --------------------------------------------------------------------------------------------
# Registration and the pipeline component
# --------------------------------------------------------------------------------------------


class ArextractComponent:
    """The ``"arextract"`` pipeline component: arextract's own pipeline, loaded on first use."""

    def __init__(self, vocab: Vocab, backend: str | None, rules: list[str], models_dir: str | None) -> None:
        self.vocab = vocab
        self.backend = backend
        self.rules = list(rules)
        self.models_dir = models_dir
        self._pipeline: Any = None

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            from arextract.pipeline import Pipeline

            self._pipeline = Pipeline(backend=self.backend, rules=self.rules, models_dir=self.models_dir)
        return self._pipeline

    def __call__(self, doc: Doc) -> Doc:
        return to_spacy(self.pipeline(doc.text), self.vocab)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        texts = (doc.text for doc in docs)
        for document in self.pipeline.pipe(texts):
            yield to_spacy(document, self.vocab)


def make_component(
    nlp: Language, name: str, backend: str | None, rules: list[str], models_dir: str | None
) -> ArextractComponent:
    """The ``"arextract"`` factory (also the target of a ``spacy_factories`` entry point)."""
    return ArextractComponent(nlp.vocab, backend, rules, models_dir)


def register() -> None:
    """Register the ``"arextract"`` factory and the Doc/Span extensions (idempotent)."""
    _spacy()
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan

    if not SpacyDoc.has_extension(_RECORD):
        SpacyDoc.set_extension(_RECORD, default=None)
    if not SpacyDoc.has_extension("relations"):
        SpacyDoc.set_extension("relations", getter=_relations)
    for name in ("canonical", "name_en"):
        if not SpacySpan.has_extension(name):
            SpacySpan.set_extension(name, getter=_mention_field(name))
    if not SpacySpan.has_extension("entity_id"):
        SpacySpan.set_extension("entity_id", getter=_mention_field("id"))
    if not SpacySpan.has_extension("time_value"):
        SpacySpan.set_extension("time_value", getter=_time_value)
    try:
        Language.get_factory_meta(FACTORY)
    except ValueError:  # not registered yet
        Language.factory(
            FACTORY,
            default_config={"backend": None, "rules": [], "models_dir": None},
            retokenizes=True,
            func=make_component,
        )


def register_if_loaded() -> None:
    """Register when spaCy is already imported (``import spacy; import arextract``) or is
    importing this module itself (a ``spacy_factories`` entry point); never import it here."""
    if "spacy" in sys.modules:
        register()


register_if_loaded()
