"""A capital that speaks for its state: "وقالت موسكو إن ..." is Russia speaking (GUIDELINES §5:
a capital standing for its state as speaker or party is the country)."""

from __future__ import annotations

from bisect import bisect_left

from arextract.kb import KnowledgeBase
from arextract.relations.triggers import TriggerIndex
from arextract.schema import Document, Entity, EntityType, RelationType
from arextract.text.normalize import fold

_CAPITAL = "capital"


def capital_states(kb: KnowledgeBase) -> dict[str, tuple[str, str]]:
    """folded capital name -> (its country's canonical name, the country's ISO code), from the
    knowledge files' capitals (``cities.tsv`` rows of subtype ``capital``)."""
    countries = {e.kb_id: e.canonical for e in kb.entries if e.type == EntityType.COUNTRY and e.kb_id}
    states: dict[str, tuple[str, str]] = {}
    for entry in kb.entries:
        if entry.type == EntityType.CITY and entry.subtype == _CAPITAL and entry.country in countries:
            for name in entry.names:
                states.setdefault(fold(name), (countries[entry.country], entry.country))
    return states


def people_countries(kb: KnowledgeBase) -> dict[str, str]:
    """person's canonical name -> their country's canonical name, for the people of the
    knowledge files with a country ("فرانسوا هولاند" -> "فرنسا")."""
    countries = {e.kb_id: e.canonical for e in kb.entries if e.type == EntityType.COUNTRY and e.kb_id}
    return {
        entry.canonical: countries[entry.country]
        for entry in kb.entries
        if entry.type == EntityType.PERSON and entry.country in countries
    }


def speaking_capitals(
    doc: Document, triggers: TriggerIndex, states: dict[str, tuple[str, str]]
) -> list[Entity] | None:
    """The document's mentions with each capital named right after a speech verb or بحسب made
    a mention of its state (``states``: :func:`capital_states`); None when there is none."""
    capitals = [e for e in doc.entities if e.type == EntityType.CITY and e.subtype == _CAPITAL]
    if not capitals:
        return None
    starts = [token.start for token in doc.tokens]
    replaced: dict[str, Entity] = {}
    for city in capitals:
        before = bisect_left(starts, city.start) - 1
        if before < 0:
            continue
        match = triggers.match(doc.tokens, before, before + 1)
        if match is None or not any(form.rule.type == RelationType.STATEMENT for form in match.forms):
            continue
        state = states.get(fold(city.canonical)) or states.get(fold(city.text))
        if state is None:
            continue
        canonical, code = state
        known = next((e for e in doc.entities if e.type == EntityType.COUNTRY and e.kb_id == code), None)
        replaced[city.id] = city.model_copy(
            update={
                "type": EntityType.COUNTRY,
                "subtype": None,
                "canonical": known.canonical if known is not None else canonical,
                "kb_id": code,
                "aliases": known.aliases if known is not None else [],
                "name_en": known.name_en if known is not None else None,
            }
        )
    if not replaced:
        return None
    return [replaced.get(e.id, e) for e in doc.entities]
