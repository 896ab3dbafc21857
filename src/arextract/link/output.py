"""The entities of a linked document, from its :class:`~arextract.link.state.DocumentState`."""

from __future__ import annotations

from arextract.link.state import DocumentState, Mention, Target
from arextract.schema import Entity, EntitySource, EntityType
from arextract.text.normalize import fold


def _aliases(state: DocumentState, mentions: list[Mention]) -> dict[str, list[str]]:
    """Each target's surface forms in the document (coreference phrases excluded), in order of
    appearance, then its knowledge-base names."""
    surfaces: dict[str, list[str]] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.source != EntitySource.COREF:
            surfaces.setdefault(mention.target, [])
            if mention.text not in surfaces[mention.target]:
                surfaces[mention.target].append(mention.text)
    aliases: dict[str, list[str]] = {}
    for key, target in state.targets.items():
        names = list(surfaces.get(key, []))
        names += [name for name in target.kb_names if name not in names]
        aliases[key] = names
    for key, target in state.targets.items():
        # a person the knowledge base does not know is named by its longest full name
        if target.type is EntityType.PERSON and target.kb_id is None and not target.kb_names:
            longest = max(target.full_names or surfaces.get(key, [target.canonical]), key=len)
            target.canonical = fold(longest)
    return aliases


def _entity(number: int, mention: Mention, target: Target, aliases: list[str]) -> Entity:
    return Entity(
        id=f"e{number}",
        type=mention.type if mention.source != EntitySource.COREF else target.type,
        subtype=mention.subtype,
        text=mention.text,
        start=mention.start,
        end=mention.end,
        canonical=target.canonical,
        aliases=list(aliases),
        kb_id=target.kb_id,
        name_en=target.name_en,
        confidence=round(min(1.0, mention.confidence), 3),
        source=mention.source,
    )


def linked_entities(state: DocumentState) -> list[Entity]:
    """Every mention and coreference mention as an entity with its target's canonical name,
    aliases and kb_id, numbered e1, e2... in text order (longer first at one start)."""
    mentions = state.mentions + state.coref
    aliases = _aliases(state, mentions)
    targets = state.targets
    ordered = sorted(
        mentions,
        key=lambda m: (m.start, -m.end, targets[m.target].kb_id or "", targets[m.target].canonical),
    )
    return [
        _entity(number, mention, targets[mention.target], aliases[mention.target])
        for number, mention in enumerate(ordered, 1)
    ]
