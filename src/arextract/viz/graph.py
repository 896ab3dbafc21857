"""The relation graph: canonical entities as nodes, relations as edges (networkx).

Which mentions are one node is what :class:`arextract.link.EntityTable` decides for the rows of
``entities.csv`` (the same ``kb_id``, the same canonical name, or one person spelt two ways:
``وانغ يي`` and ``وانج يي``), so the graph and the batch's entity table never disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import TYPE_CHECKING

from arextract.link import EntityTable
from arextract.schema import Document, Entity, Relation, RelationType, time_text
from arextract.viz.support import as_documents, require

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["SOURCE_ROLES", "SYMMETRIC_RELATIONS", "graph"]

# n-ary relations among equals: one undirected (symmetric) edge per pair of arguments.
SYMMETRIC_RELATIONS = frozenset({RelationType.MEETING, RelationType.PHONE_CALL, RelationType.AGREEMENT})
# Roles that are the doer of a directed relation; the other arguments are its targets.
SOURCE_ROLES = frozenset({"person", "visitor", "attendee", "chair", "proposer", "supporter", "speaker"})

RowKey = tuple[str, str]  # an EntityTable row


def _edge_pairs(relation: Relation, nodes: list[str]) -> list[tuple[str, str, str, str]]:
    """(source node, target node, source role, target role) for one relation's edges."""
    args = list(zip(relation.arguments, nodes, strict=True))
    if relation.type in SYMMETRIC_RELATIONS:
        return [(u, v, a.role, b.role) for (a, u), (b, v) in combinations(args, 2)]
    if relation.type is RelationType.ROLE:
        people = [(a, n) for a, n in args if a.role == "person"] or args[:1]
        others = [(a, n) for a, n in args if a.role != "person"]
    else:
        people = [(a, n) for a, n in args if a.role in SOURCE_ROLES] or args[:1]
        others = [(a, n) for a, n in args if (a, n) not in people]
    return [(u, v, a.role, b.role) for a, u in people for b, v in others]


def _add_edges(g: nx.MultiDiGraph, doc: Document, number: int, relation: Relation, nodes: list[str]) -> None:
    edges = [(u, v, ru, rv) for u, v, ru, rv in _edge_pairs(relation, nodes) if u != v]
    for index, (u, v, role_u, role_v) in enumerate(edges):
        g.add_edge(
            u,
            v,
            key=f"{number}:{relation.id}:{index}",
            type=relation.type.value,
            date=time_text(relation.date.value) if relation.date else None,
            date_text=relation.date.text if relation.date else None,
            document=number,
            source=doc.source,
            relation_id=relation.id,
            roles=(role_u, role_v),
            evidence=relation.evidence.text,
            confidence=relation.confidence,
            symmetric=relation.type in SYMMETRIC_RELATIONS,
        )


def graph(
    docs: Document | Iterable[Document],
    *,
    relation_types: Iterable[RelationType | str] | None = None,
) -> nx.MultiDiGraph:
    """A networkx ``MultiDiGraph`` of the entities and relations of ``docs``.

    Nodes are canonical entities, one per row of the entity table (:class:`EntityTable`: one per
    ``(type, kb_id)``, else per ``(type, canonical)``, a person's spellings merged), named by the
    canonical name of their first mention (``"name [TYPE]"`` when two types share a name), with
    attributes ``type``, ``kb_id``, ``label`` (the row's canonical name), ``mentions``,
    ``documents``. Each relation gives edges keyed
    ``"<document>:<relation id>:<n>"`` with ``type``, ``date`` (ISO value or None), ``date_text``,
    ``document``, ``source``, ``relation_id``, ``roles``, ``evidence``, ``confidence`` and
    ``symmetric``: MEETING, PHONE_CALL and AGREEMENT give one symmetric edge per pair of
    arguments; ROLE goes person → affiliation; the others go from the doer (visitor, attendee,
    chair, proposer, supporter) to the other arguments. One-argument relations (most STATEMENTs)
    give no edge. ``relation_types`` keeps only those types.
    """
    nx = require("networkx", "arextract.graph()")
    wanted = None if relation_types is None else {RelationType(t) for t in relation_types}
    g = nx.MultiDiGraph()
    table = EntityTable()
    names: dict[RowKey, str] = {}
    taken: dict[str, RowKey] = {}
    seen_in: dict[str, set[int]] = defaultdict(set)

    def node_for(entity: Entity, key: RowKey, number: int) -> str:
        name = names.get(key)
        if name is None:
            name = entity.canonical
            if taken.get(name, key) != key:
                name = f"{entity.canonical} [{entity.type.value}]"
            names[key], taken[name] = name, key
            g.add_node(name, type=entity.type.value, kb_id=entity.kb_id, label=entity.canonical, mentions=0)
        g.nodes[name]["mentions"] += 1
        seen_in[name].add(number)
        return name

    for number, doc in enumerate(as_documents(docs)):
        rows = table.add(doc)
        by_id = {entity.id: node_for(entity, rows[entity.id], number) for entity in doc.entities}
        for relation in doc.relations:
            if wanted is not None and relation.type not in wanted:
                continue
            if all(a.entity_id in by_id for a in relation.arguments):
                _add_edges(g, doc, number, relation, [by_id[a.entity_id] for a in relation.arguments])
    # A row merged from several spellings takes the kb_id and canonical name entities.csv shows.
    finished = table.keyed_rows()
    for key, name in names.items():
        g.nodes[name].update(kb_id=finished[key].kb_id, label=finished[key].canonical)
    for name, numbers in seen_in.items():
        g.nodes[name]["documents"] = len(numbers)
    return g
