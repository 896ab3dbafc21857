"""The entities of a linked document, from its :class:`~arextract.link.state.DocumentState`."""

from __future__ import annotations

from arextract.link.state import DocumentState, Mention, Target
from arextract.schema import Entity, EntitySource, EntityType
from arextract.text.normalize import display, fold, fullest_spelling


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
        place = _province_place(target)
        if place is not None and place not in names:
            names.append(place)
        aliases[key] = names
    for key, target in state.targets.items():
        # a person the knowledge base does not know is named by its longest full name (the first
        # seen of equal length), in the fullest of the spellings written of it
        if target.type is EntityType.PERSON and target.kb_id is None and not target.kb_names:
            names = target.full_names or surfaces.get(key, [target.canonical])
            longest = fold(max(names, key=len))
            target.canonical = fullest_spelling(display(name) for name in names if fold(name) == longest)
    _one_spelling(state)
    return aliases


# The head of a province's name in the knowledge files (منطقة مكة المكرمة، منطقة حائل).
_PROVINCE = "منطقة "


def _province_place(target: Target) -> str | None:
    """The place a known province is also named by: ``منطقة مكة المكرمة`` is ``مكة المكرمة`` too
    (``أمير منطقة حائل``: the affiliation is حائل, tests/gold/GUIDELINES.md §5)."""
    if target.type is not EntityType.REGION or not target.kb_names:
        return None
    if not target.canonical.startswith(_PROVINCE) or len(target.canonical) <= len(_PROVINCE):
        return None
    return target.canonical[len(_PROVINCE) :]


def _one_spelling(state: DocumentState) -> None:
    """One spelling per name in the document: the targets whose names fold alike (أحمد لنجاوي
    and احمد لنجاوي, two people the clustering kept apart, or a person and a body) show the
    same one, so a relation compares names by plain equality and still compares them folded.
    The knowledge file's spelling wins (the first target's of several); else the fullest
    spelling (:func:`fullest_spelling`), the first target's among equals."""
    groups: dict[str, list[Target]] = {}
    for target in state.targets.values():
        groups.setdefault(fold(target.canonical), []).append(target)
    for targets in groups.values():
        if len({target.canonical for target in targets}) < 2:
            continue
        known = [target.canonical for target in targets if target.kb_id is not None or target.kb_names]
        name = known[0] if known else fullest_spelling(target.canonical for target in targets)
        for target in targets:
            if target.kb_id is None and not target.kb_names:
                target.canonical = name


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
