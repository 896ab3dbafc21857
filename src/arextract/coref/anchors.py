"""What the linker's coreference phrases are resolved against: one :class:`PhraseContext` per
document (the KB, the phrase words, the linker's state), the person mentions of the document in
order, and the nisba (demonym) that follows a phrase word (نظيره البيلاروسي)."""

from __future__ import annotations

from dataclasses import dataclass

from arextract.kb import KBEntry
from arextract.link.kb_linking import KBLinker
from arextract.link.lexicons import LinkLexicons, PhraseForms
from arextract.link.state import DocumentState, Mention
from arextract.schema import EntityType
from arextract.text.spans import SpanSet


@dataclass(frozen=True)
class PersonsByStart:
    """The person mentions of a document by start offset, for bisection: every phrase asks
    about the persons around it, in O(log n) rather than by a walk over earlier mentions."""

    mentions: list[Mention]
    starts: list[int]
    spans: SpanSet

    @classmethod
    def of(cls, state: DocumentState) -> PersonsByStart:
        persons = sorted((m for m in state.mentions if m.type is EntityType.PERSON), key=lambda m: m.start)
        return cls(persons, [m.start for m in persons], SpanSet((m.start, m.end) for m in persons))


def nisba_at(kb: KBLinker, state: DocumentState, index: int) -> KBEntry | None:
    """The country token ``index`` is the nisba of (القازاقي، والصيني), if any."""
    if index >= len(state.tokens):
        return None
    return kb.nisba_entry(state.tokens[index].norm)


@dataclass(frozen=True)
class PhraseContext:
    """What every phrase resolver of one document reads: the KB lookups, the phrase words and
    their proclitic forms (والجانب، لبلاده), the linker's document state, and its persons."""

    kb: KBLinker
    lex: LinkLexicons
    forms: PhraseForms
    state: DocumentState
    persons: PersonsByStart
