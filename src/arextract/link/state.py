"""The state of one document while it is linked, shared by the steps of :class:`~arextract.link.Linker`.

Each step (KB linking, person clustering, the mentions NER missed, countries, coreference) gets
a :class:`DocumentState` and reads or adds the mentions (:class:`Mention`) of its targets (:class:`Target`);
:func:`arextract.link.output.linked_entities` turns them into the document's entities.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import regex

from arextract.kb import KBEntry
from arextract.ner.gazetteer import surface_offset
from arextract.schema import Entity, EntitySource, EntityType, Sentence, Token
from arextract.text.normalize import display, fold

# Punctuation that separates a name from a phrase about it ("الصيني، شي" is no apposition).
_CLAUSE_BREAK = regex.compile(r"[,،.:;؛()\"]")


@dataclass
class Target:
    """One entity of the document that mentions point to."""

    type: EntityType
    canonical: str
    kb_id: str | None = None
    subtype: str | None = None
    kb_names: tuple[str, ...] = ()
    name_en: str | None = None  # from the knowledge file only: never guessed
    country: str | None = None  # ISO alpha-2, persons and places
    full_names: list[str] = field(default_factory=list)  # persons: the full mentions' texts


@dataclass
class Mention:
    """One mention of a target: a span of the text, with its type, source and confidence."""

    start: int
    end: int
    text: str
    type: EntityType
    subtype: str | None
    source: EntitySource
    confidence: float
    target: str  # key into DocumentState.targets


def is_word(token: Token) -> bool:
    """Whether a token begins with a letter (not a number or punctuation)."""
    return token.norm[:1].isalpha()


@dataclass
class DocumentState:
    """One document being linked: its text, tokens and sentences, the targets (entities) found
    so far, the mentions of them, and the coreference mentions (kept apart: a phrase such as
    البلدين never counts as a name of its entity)."""

    text: str
    tokens: list[Token]
    sentences: list[Sentence]
    targets: dict[str, Target] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    coref: list[Mention] = field(default_factory=list)
    token_starts: list[int] = field(init=False)
    sentence_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.token_starts = [token.start for token in self.tokens]
        self.sentence_starts = [sentence.start for sentence in self.sentences]

    def sentence_of(self, offset: int) -> int:
        return bisect_right(self.sentence_starts, offset) - 1

    def token_at(self, offset: int) -> int:
        """Index of the token containing (or starting at / after) ``offset``."""
        index = bisect_right(self.token_starts, offset) - 1
        return max(index, 0)

    def norm_at(self, index: int) -> str:
        """The folded form of token ``index``, "" before the first token or after the last."""
        return self.tokens[index].norm if 0 <= index < len(self.tokens) else ""

    def punctuated(self, start: int, end: int) -> bool:
        """Whether punctuation stands in the text between ``start`` and ``end``."""
        return _CLAUSE_BREAK.search(self.text[start:end]) is not None

    def surface_start(self, index: int, proclitic_length: int) -> int:
        """Where a token's stem starts in the text, after ``proclitic_length`` folded letters."""
        token = self.tokens[index]
        return token.start + surface_offset(token.text, proclitic_length)

    def target_for_entry(self, entry: KBEntry) -> str:
        """The key of the target of a knowledge-base entry, created on first use."""
        if entry.key not in self.targets:
            self.targets[entry.key] = Target(
                type=entry.type,
                canonical=entry.canonical,
                kb_id=entry.kb_id,
                subtype=entry.subtype,
                kb_names=entry.names,
                country=entry.country,
                name_en=entry.name_en or None,
            )
        return entry.key

    def add_unknown_person(self, entity: Entity) -> str:
        """A person the knowledge base does not know: its own target, keyed by its folded form and
        named as written (أحمد لنجاوي, not the key احمد لنجاوي; :mod:`.output` settles the name)."""
        key = f"person:{len(self.targets)}:{fold(entity.text)}"
        self.targets[key] = Target(
            type=EntityType.PERSON, canonical=display(entity.text), subtype=entity.subtype
        )
        return key

    def add_coreference(self, start: int, end: int, key: str, confidence: float) -> None:
        """A phrase of the text (الجانب القازاقي، نظيره، بلاده) that refers to target ``key``."""
        target = self.targets[key]
        self.coref.append(
            Mention(
                start,
                end,
                self.text[start:end],
                target.type,
                target.subtype if target.type is EntityType.PERSON else None,
                EntitySource.COREF,
                round(confidence, 3),
                key,
            )
        )
