"""The document contract: what every stage reads and writes, and what users get back.

Every object that carries ``start``/``end`` and ``text`` satisfies
``document.text[start:end] == text``; the stages guarantee it and the tests check it.
Later stages fill in fields; nothing here is renamed once released.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EntityType(StrEnum):
    PERSON = "PERSON"
    COUNTRY = "COUNTRY"
    CITY = "CITY"
    REGION = "REGION"
    ORGANIZATION = "ORGANIZATION"
    INITIATIVE = "INITIATIVE"
    EVENT = "EVENT"
    MISC = "MISC"


class EntitySource(StrEnum):
    """Which component produced a mention (its values are the strings of the JSON output)."""

    GAZETTEER = "gazetteer"  # a knowledge-file name (arextract.ner.gazetteer)
    MODEL = "model"  # the builtin tagger in models/ner
    GRAMMAR = "grammar"  # the name grammar: honorific chains, institutions by their head noun
    CAMEL = "camel"  # camel-tools' NERecognizer (the camel backend)
    STANZA = "stanza"  # stanza's Arabic NER (the stanza backend)
    LINK = "link"  # the linker: a known person in another spelling (وانج يي for وانغ يي)
    COREF = "coref"  # a reference to an earlier mention: الجانب القازاقي، البلدين، نظيره
    RULE = "rule"  # the relation stages: an event, initiative or organisation phrase; a country a rule names


class RelationType(StrEnum):
    MEETING = "MEETING"
    PHONE_CALL = "PHONE_CALL"
    VISIT = "VISIT"
    ATTENDANCE = "ATTENDANCE"
    CHAIR = "CHAIR"
    ROLE = "ROLE"
    PROPOSAL = "PROPOSAL"
    SUPPORT = "SUPPORT"
    AGREEMENT = "AGREEMENT"
    STATEMENT = "STATEMENT"


Granularity = Literal["day", "month", "year", "range", "week", "part_of_day", "unknown"]


class Sentence(_Model):
    start: int
    end: int


class TextSpan(_Model):
    """A piece of the original text."""

    text: str
    start: int
    end: int


class Token(TextSpan):
    norm: str = Field(description="Normalised form used for matching (see arextract.text.normalize).")


class Entity(TextSpan):
    """One mention of an entity in the text."""

    id: str
    type: EntityType
    subtype: str | None = None
    canonical: str = Field(
        description="Canonical name: the knowledge base's when linked, else the name as written "
        "(diacritics and tatweel removed); compare names folded (text.normalize.fold)."
    )
    aliases: list[str] = Field(default_factory=list)
    kb_id: str | None = Field(default=None, description="Knowledge-base identifier, e.g. ISO 3166 code.")
    name_en: str | None = Field(
        default=None,
        description="English name from the knowledge file the entity is linked to; null when unlinked.",
    )
    confidence: float = 1.0
    source: EntitySource = Field(description="Which component produced the mention, e.g. 'gazetteer'.")


class Interval(_Model):
    start: str | None
    end: str | None

    def iso(self) -> str:
        """ISO 8601 interval notation, ``..`` for an open end: ``2020-09-10/2020-09-16``."""
        return f"{self.start or '..'}/{self.end or '..'}"


def time_text(value: str | Interval | None) -> str | None:
    """A time value as text: the ISO value itself, or an interval in :meth:`Interval.iso` notation."""
    return value.iso() if isinstance(value, Interval) else value


class Time(TextSpan):
    id: str
    value: str | Interval | None = Field(
        description="ISO 8601 value ('2020-09-12', '2020-09', '2013'), an interval, "
        "or null when it cannot be resolved without a document date."
    )
    granularity: Granularity


class Argument(_Model):
    role: str
    entity_id: str
    text: str


class Relation(_Model):
    id: str
    type: RelationType
    arguments: list[Argument]
    date: Time | None = None
    trigger: TextSpan
    evidence: TextSpan
    attributes: dict[str, Any] = Field(default_factory=dict)
    confidence: float = 1.0


class Meta(_Model):
    backend: str
    models: dict[str, str] = Field(default_factory=dict, description="Component name -> version.")
    warnings: list[str] = Field(default_factory=list)
    timings: dict[str, float] = Field(default_factory=dict, description="Stage name -> seconds.")


class Document(_Model):
    """The result of running arextract on one text."""

    text: str
    doc_date: date | None = None
    source: str | None = Field(default=None, description="Where the text came from (file path), if known.")
    sentences: list[Sentence] = Field(default_factory=list)
    tokens: list[Token] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    meta: Meta = Field(default_factory=lambda: Meta(backend="none"))

    def spans(self) -> list[TextSpan]:
        """Every text-bearing span in the document (for checking the offsets invariant)."""
        out: list[TextSpan] = [*self.tokens, *self.entities, *self.times]
        for relation in self.relations:
            out += [relation.trigger, relation.evidence]
            if relation.date is not None:
                out.append(relation.date)
        return out


def numbered(entities: list[Entity]) -> list[Entity]:
    """Mentions sorted by position (longest first at a tie) with ids e1, e2, ...

    A mention without a letter or a digit (a tagger's ``@`` or ``+``, or a stray ``«``) names
    nothing and is dropped here, where every stage that makes mentions numbers them."""
    named = [entity for entity in entities if any(char.isalnum() for char in entity.text)]
    ordered = sorted(named, key=lambda entity: (entity.start, -entity.end))
    # (most mentions keep their number from the stage before: no copy for them)
    return [
        entity if entity.id == (eid := f"e{index}") else entity.model_copy(update={"id": eid})
        for index, entity in enumerate(ordered, 1)
    ]


def document_json_schema() -> str:
    """The Document JSON Schema as committed in docs/schema.json."""
    import json

    return json.dumps(Document.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
