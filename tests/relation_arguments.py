"""What the relation tests read from a Document: each relation of one type as its arguments'
name keys by role, and each person's ROLE affiliations."""

from __future__ import annotations

from arextract import Document
from arextract.evaluation.relations import name_key


def found(doc: Document, kind: str) -> list[dict[str, set[str]]]:
    """Each relation of one type as role -> the name keys filling it."""
    names = {entity.id: name_key(entity.canonical) for entity in doc.entities}
    out: list[dict[str, set[str]]] = []
    for relation in doc.relations:
        if relation.type.value == kind:
            roles: dict[str, set[str]] = {}
            for argument in relation.arguments:
                roles.setdefault(argument.role, set()).add(names[argument.entity_id])
            out.append(roles)
    return out


def keys(*names: str) -> set[str]:
    return {name_key(name) for name in names}


def roles(doc: Document) -> dict[str, set[str | None]]:
    """person (name key) -> the affiliations (name keys) of their ROLEs (None: none)."""
    names = {entity.id: name_key(entity.canonical) for entity in doc.entities}
    out: dict[str, set[str | None]] = {}
    for relation in doc.relations:
        if relation.type.value == "ROLE":
            args = {a.role: names[a.entity_id] for a in relation.arguments}
            out.setdefault(args["person"], set()).add(args.get("affiliation"))
    return out
