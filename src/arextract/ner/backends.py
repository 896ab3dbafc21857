"""NER backends and the policies that merge their mentions.

* ``gazetteer``: knowledge-file names only (precise, limited to what the files know).
* ``builtin``: the tagger trained here (``models/ner``) merged with the gazetteer.
* ``camel``: camel-tools' BERT ``NERecognizer`` (:mod:`arextract.ner.camel`).
* ``stanza``: stanza's Arabic NER pipeline (:mod:`arextract.ner.stanza_ner`).
* ``ensemble`` (``ensemble:camel``, ``ensemble:stanza``): ``builtin`` merged with an external
  backend (:mod:`arextract.ner.ensemble`); plain ``ensemble`` takes camel when its model is
  found, else stanza, else raises a :class:`BackendError` naming both install commands.

Merge policy (``builtin``): a mention found by both keeps the gazetteer's type and link when
the spans are equal or the gazetteer's is longer; a longer model span wins over a gazetteer
name inside it (``جامعة بكين`` is an organisation, not the city); model mentions the
gazetteer does not know are kept with their own type.

External backends (``camel``, ``stanza``): their labels map to arextract types through
``data/external_labels.toml`` (PERS -> PERSON, ORG -> ORGANIZATION, MISC -> MISC, LOC -> a
place); spans are mapped back to exact offsets of the original text whatever the backend's
tokenisation, trimmed of the proclitics the knowledge files confirm (as ``builtin`` does), and
refined by the gazetteer: a mention whose exact span is a knowledge-file name takes that
name's type and link (a LOC becomes COUNTRY, CITY or REGION; مصر tagged ORG is the country);
a place the files do not know gets ``location_default`` (REGION).

Merge policy (``ensemble``): arextract's mentions (``builtin``: model + gazetteer; the
gazetteer alone, with a warning in ``meta.warnings``, when the builtin model is unavailable)
are the base, and each external mention, longest first, is

1. added when it overlaps no kept mention;
2. dropped when it equals, lies inside or crosses a kept mention; when it has the same span
   and type as a builtin *model* mention, that mention's confidence rises (two models agree);
3. kept instead of the mentions it strictly contains only when it is an ORGANIZATION and none
   of them is an INITIATIVE or EVENT (``جامعة بكين`` over the city), mirroring the builtin
   policy; otherwise the contained arextract mentions win.

So INITIATIVE and EVENT mentions always come from arextract (its knowledge files or its
model), and every type is arextract's. Linking, time and relations run unchanged after whichever stage
:func:`make_ner_stage` returns.
"""

from __future__ import annotations

import tomllib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from arextract.errors import BackendError, ResourceError
from arextract.kb import load_kb
from arextract.ner.gazetteer import (
    Gazetteer,
    GazetteerMatch,
    disambiguate,
    match_to_entity,
    span_entity,
    surface_offset,
)
from arextract.ner.grammar import add_grammar_mentions, refine_persons
from arextract.resources import models_dir, package_data
from arextract.schema import Document, Entity, EntityType, Token, numbered
from arextract.text.clitics import clitic_readings
from arextract.text.normalize import fold
from arextract.text.segment import iter_sentence_tokens
from arextract.text.spans import bio_spans

BACKENDS = ("builtin", "gazetteer", "camel", "stanza", "ensemble")
EXTERNAL_BACKENDS = ("camel", "stanza")


@lru_cache(maxsize=4)
def _gazetteer(kb_dir: str | None) -> Gazetteer:
    return Gazetteer(load_kb(kb_dir))


class GazetteerNER:
    name = "ner"

    def __init__(self, kb_dir: str | None = None) -> None:
        self.gazetteer = _gazetteer(kb_dir)
        self.version = f"gazetteer:{len(self.gazetteer)}"

    def matches(self, doc: Document) -> list[tuple[list[Token], list[GazetteerMatch]]]:
        groups = [
            (tokens, self.gazetteer.find(tokens))
            for tokens in iter_sentence_tokens(doc.sentences, doc.tokens)
        ]
        resolved = iter(disambiguate([match for _, matches in groups for match in matches]))
        return [(tokens, [next(resolved) for _ in matches]) for tokens, matches in groups]

    def __call__(self, doc: Document) -> None:
        entities = [
            match_to_entity(match, doc.text, "") for _, matches in self.matches(doc) for match in matches
        ]
        doc.entities = numbered(entities)

    def _proclitic_length(self, token: Token) -> int:
        """Surface characters of proclitics to trim from a model mention's first token.

        Only readings the knowledge files confirm, or a proclitic before the article
        (وال، بال، لل), are trimmed: a name may itself begin with و or ل (وانغ، لبنان).
        """
        for reading in clitic_readings(token.norm)[1:]:
            if self.gazetteer.starts_name(reading.stem) or reading.stem.startswith("ال"):
                return surface_offset(token.text, reading.offset)
        return 0


def make_ner_stage(backend: str, *, kb_dir: str | None = None) -> GazetteerNER:
    """The NER stage for a backend name (see the module docstring for the names)."""
    if backend == "gazetteer":
        return GazetteerNER(kb_dir)
    if backend == "builtin":
        return BuiltinNER(kb_dir)
    if backend == "camel":
        from arextract.ner.camel import CamelNER

        return CamelNER(kb_dir)
    if backend == "stanza":
        from arextract.ner.stanza_ner import StanzaNER

        return StanzaNER(kb_dir)
    name, _, external = backend.partition(":")
    if name == "ensemble" and (not external or external in EXTERNAL_BACKENDS):
        from arextract.ner.ensemble import EnsembleNER

        return EnsembleNER(kb_dir, external=external or None)
    raise BackendError(
        f"unknown NER backend {backend!r}; available: {', '.join(BACKENDS)}, "
        f"{', '.join('ensemble:' + name for name in EXTERNAL_BACKENDS)}"
    )


class BuiltinNER(GazetteerNER):
    """The tagger shipped in ``models/ner`` merged with the gazetteer (policy above).

    O(n log n) in the text's length: the gazetteer and the tagger read bounded windows of
    tokens, and the merge bisects (:func:`_merge_model_mentions`)."""

    def __init__(self, kb_dir: str | None = None, model_dir: str | Path | None = None) -> None:
        super().__init__(kb_dir)
        self.tagger = _load_tagger(str(model_dir or models_dir() / "ner"))
        self.version = f"{self.tagger.model_version}+{self.version}"

    def __call__(self, doc: Document) -> None:
        entities: list[Entity] = []
        sentences = [(tokens, matches) for tokens, matches in self.matches(doc) if tokens]
        # the whole document at once: batched, and names kept consistent across sentences
        all_labels = self.tagger.tag_document([[token.text for token in tokens] for tokens, _ in sentences])
        for (tokens, matches), labels in zip(sentences, all_labels, strict=True):
            named = [match_to_entity(match, doc.text, "") for match in matches]
            model = [
                entity
                for first, end, label in bio_spans(labels)
                if (entity := self._model_entity(doc.text, tokens, first, end - 1, label)) is not None
            ]
            merged = _merge_model_mentions(named, model)
            merged = refine_persons(doc.text, tokens, merged, self._is_place, self._is_person_name)
            entities.extend(add_grammar_mentions(doc.text, tokens, merged))
        doc.entities = numbered(entities)

    def _is_person_name(self, folded: tuple[str, ...]) -> bool:
        """Whether a sequence of folded words is exactly a known person's name."""
        return any(entry.type is EntityType.PERSON for entry, _ in self.gazetteer._index.get(folded, ()))

    def _is_place(self, folded: str) -> bool:
        """Whether a folded word is on its own a known country, city or region name."""
        found = self.gazetteer._index.get((folded,)) or []
        return any(
            entry.type in (EntityType.COUNTRY, EntityType.CITY, EntityType.REGION) and not nisba
            for entry, nisba in found
        )

    def _model_entity(
        self, text: str, tokens: list[Token], first: int, last: int, label: str
    ) -> Entity | None:
        type_name, _, subtype = label.partition("/")
        try:
            entity_type = EntityType(type_name)
        except ValueError:
            return None
        start = tokens[first].start + self._proclitic_length(tokens[first])
        end = tokens[last].end
        if start >= end:
            return None
        return span_entity(text, start, end, entity_type, source="model", confidence=0.75,
                           subtype=subtype or None)


def _merge_model_mentions(named: list[Entity], model: list[Entity]) -> list[Entity]:
    """The ``builtin`` merge of one sentence: a model mention replaces the gazetteer names it
    overlaps when it is longer than each of them (جامعة بكين over بكين), else it is dropped.

    Returns the surviving gazetteer names in their order, then the kept model mentions in
    theirs. The gazetteer's names of a sentence do not overlap one another and come in text
    order, and so do the model's; so the names a model mention overlaps are found by bisecting
    the names' starts, at most ``longest name`` back: O((n + m) log n) for n names and m model
    mentions, where scanning every name for every mention made a 100,000-character sentence of
    "الصين وروسيا ومصر والأردن" quadratic.
    """
    starts = [entity.start for entity in named]
    longest = max((entity.end - entity.start for entity in named), default=0)
    removed = [False] * len(named)
    kept: list[Entity] = []
    for entity in model:
        low = bisect_left(starts, entity.start - longest)
        high = bisect_left(starts, entity.end)
        overlapping = [
            index
            for index in range(low, high)
            if not removed[index] and entity.start < named[index].end
        ]
        if all(entity.end - entity.start > named[i].end - named[i].start for i in overlapping):
            for index in overlapping:
                removed[index] = True
            kept.append(entity)
    return [entity for index, entity in enumerate(named) if not removed[index]] + kept


@lru_cache(maxsize=2)
def _load_tagger(model_dir: str):  # type: ignore[no-untyped-def]
    # Imported here: the model loads only when the builtin backend is used.
    try:
        from arextract.ner.tagger import NerTagger
    except ImportError as error:
        raise BackendError(f"the builtin NER tagger cannot be imported: {error}") from error
    if not Path(model_dir).is_dir():
        raise ResourceError(f"NER model directory not found: {model_dir}")
    return NerTagger.load(model_dir)


# --------------------------------------------------------------------------------------------
# External backends: label mapping, offsets, refinement with the gazetteer
# --------------------------------------------------------------------------------------------

LOCATION = "LOCATION"
_WORD_CHAR_RE = regex.compile(r"[\p{L}\p{M}\p{N}]")
_TRAILING_MARKS_RE = regex.compile(r"[\p{M}\u0640]+")


@dataclass(frozen=True)
class LabelMap:
    """One backend's table of ``data/external_labels.toml``."""

    labels: dict[str, str]
    location_default: EntityType
    unknown_default: EntityType
    confidence: float

    def type_of(self, label: str) -> str:
        """An EntityType value, or ``LOCATION`` (a place the gazetteer refines)."""
        return self.labels.get(label.upper(), self.unknown_default.value)


@lru_cache(maxsize=4)
def label_map(backend: str) -> LabelMap:
    path = package_data("external_labels.toml")
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
        table = {str(key).upper(): str(value) for key, value in data[backend].items()}
        for value in table.values():
            if value != LOCATION:
                EntityType(value)
        return LabelMap(
            labels=table,
            location_default=EntityType(data.get("location_default", "REGION")),
            unknown_default=EntityType(data.get("unknown_default", "MISC")),
            confidence=float(data.get("confidence", 0.7)),
        )
    except (OSError, KeyError, ValueError, tomllib.TOMLDecodeError) as error:
        raise ResourceError(f"bad external label mapping {path} [{backend}]: {error}") from error


class ExternalNER(GazetteerNER):
    """Base of the backends that wrap another library's NER.

    Subclasses implement :meth:`char_spans`, the backend's mentions as ``(start, end, label)``
    offsets into ``doc.text``; this class trims, types and refines them (module docstring).
    """

    backend = "external"

    def __init__(self, kb_dir: str | None = None) -> None:
        super().__init__(kb_dir)
        self.labels = label_map(self.backend)
        # the token starts of the document being tagged (held with its token list, so the
        # identity test below cannot match another list), for bisection in to_entity
        self._starts: tuple[list[Token], list[int]] | None = None

    def _token_starts(self, doc: Document) -> list[int]:
        if self._starts is None or self._starts[0] is not doc.tokens:
            self._starts = (doc.tokens, [token.start for token in doc.tokens])
        return self._starts[1]

    def char_spans(self, doc: Document) -> list[tuple[int, int, str]]:
        raise NotImplementedError

    def __call__(self, doc: Document) -> None:
        doc.entities = numbered(self.entities(doc))

    def entities(self, doc: Document) -> list[Entity]:
        """The backend's mentions as arextract entities, non-overlapping, in text order."""
        found: list[Entity] = []
        for start, end, label in self.char_spans(doc):
            entity = self.to_entity(doc, start, end, label)
            if entity is not None:
                found.append(entity)
        kept: list[Entity] = []
        spans: list[tuple[int, int]] = []  # the kept spans, sorted; they never overlap
        for entity in sorted(found, key=lambda e: (e.start - e.end, e.start)):  # longest first
            # only the kept spans next to it can overlap it: O(log n), not a scan of all
            at = bisect_left(spans, (entity.start, entity.end))
            if (at and spans[at - 1][1] > entity.start) or (at < len(spans) and spans[at][0] < entity.end):
                continue
            spans.insert(at, (entity.start, entity.end))
            kept.append(entity)
        return sorted(kept, key=lambda e: e.start)

    def to_entity(self, doc: Document, start: int, end: int, label: str) -> Entity | None:
        """An entity for ``doc.text[start:end]`` labelled ``label`` by the backend, or None."""
        text = doc.text
        start, end = max(0, start), min(len(text), end)
        while start < end and not _WORD_CHAR_RE.match(text[start]):
            start += 1
        while end > start and not _WORD_CHAR_RE.match(text[end - 1]):
            end -= 1
        if start >= end:
            return None
        token = _token_at(doc.tokens, start, self._token_starts(doc))
        if token is not None and token.start == start:
            start += self._proclitic_length(token)
            if start >= end:
                return None
        confirmed = self._gazetteer_name(doc, start, end)
        if confirmed is not None:
            return confirmed.model_copy(update={"source": self.backend})
        type_name = self.labels.type_of(label)
        entity_type = self.labels.location_default if type_name == LOCATION else EntityType(type_name)
        return span_entity(text, start, end, entity_type, source=self.backend,
                           confidence=self.labels.confidence)

    def _gazetteer_name(self, doc: Document, start: int, end: int) -> Entity | None:
        """The gazetteer's entity when ``text[start:end]`` is exactly a knowledge-file name."""
        starts = self._token_starts(doc)
        low = max(0, bisect_right(starts, start) - 1)
        tokens = [token for token in doc.tokens[low : bisect_left(starts, end)] if start < token.end]
        for match in self.gazetteer.find(tokens):
            if match.start == start and match.end == end:
                return match_to_entity(match, doc.text, "")
        return None


def _token_at(tokens: list[Token], offset: int, starts: list[int] | None = None) -> Token | None:
    """The token containing ``offset`` (tokens in text order; ``starts``: their starts), or None."""
    if starts is None:
        starts = [token.start for token in tokens]
    index = bisect_right(starts, offset) - 1
    if index >= 0 and tokens[index].start <= offset < tokens[index].end:
        return tokens[index]
    return None


def align_tokens(text: str, tokens: list[str], start: int = 0) -> list[tuple[int, int] | None]:
    """Offsets of each token in ``text``, searching forward from ``start``.

    A token the text does not contain verbatim (a backend normalised it) is looked for with
    arextract's folding (alef variants, diacritics, tatweel...) in the stretch before the next
    token found verbatim; a token found nowhere gets None.
    """
    spans: list[tuple[int, int] | None] = []
    cursor = start
    for token in tokens:
        found = text.find(token, cursor) if token else -1
        if found >= 0 and not text[cursor:found].strip():
            span: tuple[int, int] | None = (found, found + len(token))
        else:
            span = _folded_find(text, token, cursor)
            if span is None and found >= 0:
                span = (found, found + len(token))
        if span is not None:
            # a word's trailing diacritics and tatweel belong to it (قالَ for قال)
            tail = _TRAILING_MARKS_RE.match(text, span[1])
            span = (span[0], tail.end() if tail else span[1])
            cursor = span[1]
        spans.append(span)
    return spans


def _folded_find(text: str, token: str, cursor: int, window: int = 200) -> tuple[int, int] | None:
    """Where ``token`` occurs in ``text[cursor:cursor + window]`` up to folding, or None."""
    from arextract.text.normalize import normalize

    target = fold(token).strip()
    if not target:
        return None
    stretch = normalize(text[cursor : cursor + window + len(token)])
    at = stretch.text.find(target)
    if at < 0:
        return None
    begin, finish = stretch.to_original(at, at + len(target))
    return cursor + begin, cursor + finish
