"""What every NER backend is built from; the backends import this module, never the reverse.

A backend is a stage (``name``, ``version``, ``__call__(doc)`` filling ``doc.entities``)
composed of a source of mentions, a refinement with the knowledge files, and a merge policy
(:mod:`arextract.ner.merge`); :mod:`arextract.ner.registry` finds it by name. Here:

* :class:`KnownNames`: the knowledge files' names as the backends consult them (the
  gazetteer's matches per sentence, the proclitics a name confirms, known places and persons).
* :class:`ExternalNER`: the stage of a backend wrapping another library's model
  (:mod:`arextract.ner.camel`, :mod:`arextract.ner.stanza_ner`), which only has to give
  ``(start, end, label)`` offsets into the text (:class:`CharSpanTagger`).
* :class:`ExternalRefinement`: how such a span becomes an arextract mention. Labels map to
  arextract types through ``data/external_labels.toml`` (PERS -> PERSON, ORG -> ORGANIZATION,
  MISC -> MISC, LOC -> a place); the span, placed at exact offsets of the original text
  whatever the backend's tokenisation (:func:`align_tokens`), is trimmed of the proclitics the
  knowledge files confirm (as ``builtin`` does), and a span that is exactly a knowledge-file
  name takes that name's type and link (a LOC becomes COUNTRY, CITY or REGION; مصر tagged ORG
  is the country); a place the files do not know gets ``location_default`` (REGION).
"""

from __future__ import annotations

import tomllib
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import regex

from arextract.errors import ResourceError
from arextract.kb import load_kb
from arextract.ner.gazetteer import (
    Gazetteer,
    GazetteerMatch,
    disambiguate,
    match_to_entity,
    span_entity,
    surface_offset,
)
from arextract.ner.merge import keep_longest
from arextract.resources import package_data
from arextract.schema import Document, Entity, EntitySource, EntityType, Token, numbered
from arextract.text.clitics import clitic_readings
from arextract.text.normalize import fold, normalize
from arextract.text.segment import iter_sentence_tokens, tokenize

LOCATION = "LOCATION"
_WORD_CHAR_RE = regex.compile(r"[\p{L}\p{M}\p{N}]")
_TRAILING_MARKS_RE = regex.compile(r"[\p{M}\u0640]+")
_PLACES = (EntityType.COUNTRY, EntityType.CITY, EntityType.REGION)


class NerStage(Protocol):
    """What the registry returns for a backend name: the pipeline's ``ner`` stage."""

    name: str

    @property
    def version(self) -> str: ...

    def __call__(self, doc: Document) -> None: ...


@dataclass(frozen=True)
class ModelLocation:
    """Where a backend's model is (``path`` None when it was not found) and how it was looked up."""

    path: Path | None
    origin: str


class KnownNames:
    """The knowledge files' names as the NER backends consult them."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.version = f"gazetteer:{len(gazetteer)}"

    def by_sentence(self, doc: Document) -> list[tuple[list[Token], list[GazetteerMatch]]]:
        """Each sentence's tokens with the names found in them, disambiguated over the document."""
        groups = [
            (tokens, self.gazetteer.find(tokens))
            for tokens in iter_sentence_tokens(doc.sentences, doc.tokens)
        ]
        resolved = iter(disambiguate([match for _, matches in groups for match in matches]))
        return [(tokens, [next(resolved) for _ in matches]) for tokens, matches in groups]

    def proclitic_length(self, token: Token) -> int:
        """Surface characters of proclitics to trim from a model mention's first token.

        Only readings the knowledge files confirm, or a proclitic before the article and a
        word of two letters at least (وال، بال، لل), are trimmed: a name may itself begin with
        و، ف or ل (وانغ، لبنان، فالح).
        """
        for reading in clitic_readings(token.norm)[1:]:
            # an article needs a word after it: فالح، والي are names, not ف + الح, و + الي
            article = reading.stem.startswith("ال") and len(reading.stem) > 3
            if self.gazetteer.starts_name(reading.stem) or article:
                return surface_offset(token.text, reading.offset)
        return 0

    def is_person_name(self, folded: tuple[str, ...]) -> bool:
        """Whether a sequence of folded words is exactly a known person's name."""
        return any(entry.type is EntityType.PERSON for entry, _ in self.gazetteer.named(folded))

    def names_kind_of(self, folded: str, entity_type: EntityType) -> bool:
        """Whether folded text is exactly a known name of an entry of ``entity_type``'s kind
        (any place for a place: ``غزة`` the city for a REGION)."""
        key = tuple(token.norm for token in tokenize(folded))
        kinds = _PLACES if entity_type in _PLACES else (entity_type,)
        return any(entry.type in kinds and not nisba for entry, nisba in self.gazetteer.named(key))

    def is_place(self, folded: str) -> bool:
        """Whether a folded word is on its own a known country, city or region name."""
        return any(entry.type in _PLACES and not nisba for entry, nisba in self.gazetteer.named((folded,)))

    def exact_name(self, doc: Document, starts: list[int], start: int, end: int) -> Entity | None:
        """The gazetteer's entity when ``doc.text[start:end]`` is exactly a knowledge-file name
        (``starts``: the starts of ``doc.tokens``, for bisection)."""
        low = max(0, bisect_right(starts, start) - 1)
        tokens = [token for token in doc.tokens[low : bisect_left(starts, end)] if start < token.end]
        for match in self.gazetteer.find(tokens):
            if match.start == start and match.end == end:
                return match_to_entity(match, doc.text, "")
        return None


@lru_cache(maxsize=4)
def known_names(kb_dir: Path) -> KnownNames:
    """The names of the knowledge files in ``kb_dir``, loaded once per process and folder."""
    return KnownNames(Gazetteer(load_kb(str(kb_dir))))


# --------------------------------------------------------------------------------------------
# External backends: label mapping, offsets, refinement with the knowledge files
# --------------------------------------------------------------------------------------------


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


class CharSpanTagger(Protocol):
    """Another library's NER model: its mentions as ``(start, end, label)`` offsets into ``doc.text``."""

    source: EntitySource

    @property
    def version(self) -> str: ...

    def char_spans(self, doc: Document) -> list[tuple[int, int, str]]: ...


class ExternalRefinement:
    """An external model's spans as arextract mentions, trimmed, typed and refined by the
    knowledge files (module docstring)."""

    def __init__(self, names: KnownNames, source: EntitySource) -> None:
        self.names = names
        self.source = source
        self.labels = label_map(source)

    def __call__(self, doc: Document, spans: list[tuple[int, int, str]]) -> list[Entity]:
        starts = [token.start for token in doc.tokens]
        found = (self._mention(doc, starts, start, end, label) for start, end, label in spans)
        return [entity for entity in found if entity is not None]

    def _mention(self, doc: Document, starts: list[int], start: int, end: int, label: str) -> Entity | None:
        text = doc.text
        start, end = max(0, start), min(len(text), end)
        while start < end and not _WORD_CHAR_RE.match(text[start]):
            start += 1
        while end > start and not _WORD_CHAR_RE.match(text[end - 1]):
            end -= 1
        if start >= end:
            return None
        token = _token_at(doc.tokens, start, starts)
        if token is not None and token.start == start:
            start += self.names.proclitic_length(token)
            if start >= end:
                return None
        confirmed = self.names.exact_name(doc, starts, start, end)
        if confirmed is not None:
            return confirmed.model_copy(update={"source": self.source})
        type_name = self.labels.type_of(label)
        entity_type = self.labels.location_default if type_name == LOCATION else EntityType(type_name)
        return span_entity(
            text, start, end, entity_type, source=self.source, confidence=self.labels.confidence
        )


class ExternalNER:
    """The stage of an external backend: ``tagger``'s spans, refined (:class:`ExternalRefinement`),
    then made non-overlapping by ``select`` (:func:`arextract.ner.merge.keep_longest`)."""

    name = "ner"

    def __init__(
        self,
        tagger: CharSpanTagger,
        names: KnownNames,
        *,
        select: Callable[[list[Entity]], list[Entity]] = keep_longest,
    ) -> None:
        self.tagger = tagger
        self.backend = tagger.source
        self.refine = ExternalRefinement(names, tagger.source)
        self.select = select
        self.version = f"{tagger.version}+{names.version}"

    def __call__(self, doc: Document) -> None:
        doc.entities = numbered(self.mentions(doc))

    def mentions(self, doc: Document) -> list[Entity]:
        """The backend's mentions as arextract entities, non-overlapping, in text order."""
        return self.select(self.refine(doc, self.tagger.char_spans(doc)))


def _token_at(tokens: list[Token], offset: int, starts: list[int]) -> Token | None:
    """The token containing ``offset`` (tokens in text order; ``starts``: their starts), or None."""
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
    target = fold(token).strip()
    if not target:
        return None
    stretch = normalize(text[cursor : cursor + window + len(token)])
    at = stretch.text.find(target)
    if at < 0:
        return None
    begin, finish = stretch.to_original(at, at + len(target))
    return cursor + begin, cursor + finish
