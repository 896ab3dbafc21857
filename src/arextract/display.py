"""Showing Documents: HTML for Jupyter and browsers, DataFrames, a relation graph and a timeline.

* :func:`document_html` is ``Document._repr_html_()`` / ``Document.to_html()``: the text right to
  left with its mentions highlighted by type (a legend above, a tooltip with the canonical name
  and ``kb_id`` on each), then a table of the relations. :func:`render` writes a standalone page.
* :func:`entities_frame`, :func:`relations_frame` and :func:`to_frames` give pandas DataFrames.
* :func:`graph` builds a networkx ``MultiDiGraph`` of canonical entities and relations;
  :func:`plot_graph` and :func:`plot_timeline` draw with matplotlib.

Mentions may nest (an EVENT containing an ORGANIZATION) or share a span (``البلدين`` is one
mention of each of two countries). The text is cut into *clusters* of overlapping mentions; a
cluster becomes one highlight over the union of its spans. When some mentions cover the whole
cluster, they are its heads (the tooltip lists them all) and the others are rendered inside it,
recursively, as nested highlights; when mentions only partly overlap, the cluster is one flat
highlight whose tooltip lists every mention. So every character of the text appears exactly once
and the HTML is always well formed. All text is escaped.

pandas, networkx, matplotlib (and, for matplotlib without its own text shaping, arabic-reshaper
and python-bidi) are optional: install them with ``pip install "arextract[notebook]"``.
"""

from __future__ import annotations

import html
import importlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from arextract.errors import MissingDependencyError
from arextract.schema import Document, Entity, EntitySource, Interval, Relation, RelationType, Time

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "ENTITY_COLORS",
    "INSTALL_HINT",
    "MissingDependencyError",
    "document_html",
    "entities_frame",
    "graph",
    "page_html",
    "plot_graph",
    "plot_timeline",
    "relations_frame",
    "render",
    "shape_arabic",
    "to_frames",
]

INSTALL_HINT = 'pip install "arextract[notebook]"'


def _require(module: str, purpose: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingDependencyError(
            f"{purpose} needs the optional package {module.split('.')[0]!r}; install it with: {INSTALL_HINT}"
        ) from error


# --------------------------------------------------------------------------------------------
# Colours and names
# --------------------------------------------------------------------------------------------

ENTITY_COLORS: dict[str, str] = {
    "PERSON": "#ffcf99",
    "COUNTRY": "#a8c8ff",
    "CITY": "#9fe8f0",
    "REGION": "#bfeab0",
    "ORGANIZATION": "#f7b8f0",
    "INITIATIVE": "#f5ec8a",
    "EVENT": "#d2c4f7",
    "MISC": "#dddddd",
}
# Darker shades of the same hues, for borders, nodes' outlines and plot markers.
ENTITY_DARK: dict[str, str] = {
    "PERSON": "#d9822b",
    "COUNTRY": "#3f73c9",
    "CITY": "#1c9aa8",
    "REGION": "#4f9a3a",
    "ORGANIZATION": "#b341a5",
    "INITIATIVE": "#a99a10",
    "EVENT": "#6f52c4",
    "MISC": "#777777",
}
ENTITY_ARABIC: dict[str, str] = {
    "PERSON": "شخص",
    "COUNTRY": "دولة",
    "CITY": "مدينة",
    "REGION": "منطقة",
    "ORGANIZATION": "منظمة",
    "INITIATIVE": "مبادرة",
    "EVENT": "حدث",
    "MISC": "أخرى",
}
TIME_KIND = "TIME"
TIME_COLOR = "#555555"
RELATION_COLORS: dict[str, str] = {
    "MEETING": "#1f77b4",
    "PHONE_CALL": "#17becf",
    "VISIT": "#2ca02c",
    "ATTENDANCE": "#8c564b",
    "CHAIR": "#9467bd",
    "ROLE": "#7f7f7f",
    "PROPOSAL": "#bcbd22",
    "SUPPORT": "#d62728",
    "AGREEMENT": "#ff7f0e",
    "STATEMENT": "#e377c2",
}
# n-ary relations among equals: one undirected (symmetric) edge per pair of arguments.
SYMMETRIC_RELATIONS = frozenset({RelationType.MEETING, RelationType.PHONE_CALL, RelationType.AGREEMENT})
# Roles that are the doer of a directed relation; the other arguments are its targets.
SOURCE_ROLES = frozenset({"person", "visitor", "attendee", "chair", "proposer", "supporter", "speaker"})

_FONT = "system-ui, 'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', 'Segoe UI', Tahoma, sans-serif"
# Fonts with Arabic glyphs, best first; DejaVu Sans ships with matplotlib.
_PLOT_FONT_CANDIDATES = ["Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans"]


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _docs(docs: Document | Iterable[Document]) -> list[Document]:
    """One Document or many, as a list (a pydantic model is itself iterable: check it first)."""
    if isinstance(docs, Document):
        return [docs]
    out = list(docs)
    for doc in out:
        if not isinstance(doc, Document):
            raise TypeError(f"expected arextract Documents, got {type(doc).__name__}")
    return out


def _date_value(value: str | Interval | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return f"{value.start or '..'}/{value.end or '..'}"


_ISO_RE = regex.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_WEEK_RE = regex.compile(r"^(\d{4})-W(\d{2})")


def _as_date(value: str | Interval | None) -> date | None:
    """The day a time value points at (the first day of a month, year or week; an interval's start)."""
    if isinstance(value, Interval):
        return _as_date(value.start) or _as_date(value.end)
    if not value:
        return None
    week = _WEEK_RE.match(value)
    try:
        if week:
            return date.fromisocalendar(int(week[1]), int(week[2]), 1)
        match = _ISO_RE.match(value)
        if match:
            return date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        return None
    return None


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Item:
    """Something to highlight: an entity mention or a time expression."""

    start: int
    end: int
    kind: str  # an EntityType value or TIME_KIND
    ids: str
    label: str  # one line for tooltips


@dataclass(eq=False)
class _Cluster:
    start: int
    end: int
    heads: list[_Item]
    inner: list[_Item] = field(default_factory=list)
    nested: bool = True  # False: mentions that only partly overlap, shown flat


def _entity_label(entity: Entity) -> str:
    kind = entity.type.value + (f"/{entity.subtype}" if entity.subtype else "")
    kb = f"kb_id {entity.kb_id}" if entity.kb_id else "no kb_id"
    extra = f" · {entity.source}" if entity.source == EntitySource.COREF else ""
    # The English name only when the knowledge file gives one (the tooltip of a known entity).
    english = f" ({entity.name_en})" if entity.name_en else ""
    return f"{entity.canonical}{english} · {kind} · {kb} · {entity.id}{extra}"


def _time_label(time: Time) -> str:
    return f"{time.text} → {_date_value(time.value) or '?'} ({time.granularity}) · {time.id}"


def _items(doc: Document) -> list[_Item]:
    size = len(doc.text)
    items = [
        _Item(e.start, e.end, e.type.value, e.id, _entity_label(e))
        for e in doc.entities
        if 0 <= e.start < e.end <= size
    ]
    items += [
        _Item(t.start, t.end, TIME_KIND, t.id, _time_label(t))
        for t in doc.times
        if 0 <= t.start < t.end <= size
    ]
    return items


def _clusters(items: list[_Item]) -> list[_Cluster]:
    """Maximal groups of overlapping items, left to right in the text."""
    ordered = sorted(items, key=lambda item: (item.start, -item.end))
    out: list[_Cluster] = []
    index = 0
    while index < len(ordered):
        group = [ordered[index]]
        end = group[0].end
        index += 1
        while index < len(ordered) and ordered[index].start < end:
            group.append(ordered[index])
            end = max(end, ordered[index].end)
            index += 1
        start = group[0].start
        heads = [item for item in group if item.start == start and item.end == end]
        if heads:
            inner = [item for item in group if item not in heads]
            out.append(_Cluster(start, end, heads, inner))
        else:
            out.append(_Cluster(start, end, group, [], nested=False))
    return out


def _mark(text: str, cluster: _Cluster, depth: int) -> str:
    kind = cluster.heads[0].kind
    lines = [item.label for item in cluster.heads]
    if not cluster.nested:
        lines.insert(0, "overlapping mentions:")
    elif cluster.inner:
        names = (item.label.split(" · ")[0] + f" ({item.kind})" for item in cluster.inner)
        lines.append("contains: " + "; ".join(names))
    ids = " ".join(item.ids for item in cluster.heads)
    kinds = " ".join(dict.fromkeys(item.kind for item in cluster.heads))
    if kind == TIME_KIND:
        style = f"background:transparent;color:inherit;border-bottom:2px dashed {TIME_COLOR};"
    else:
        style = f"background:{ENTITY_COLORS.get(kind, '#ddd')};color:#000;border-radius:3px;"
        if depth:
            style += f"border-bottom:2px solid {ENTITY_DARK.get(kind, '#777')};"
        elif len(cluster.heads) > 1 or not cluster.nested:
            style += f"border-bottom:2px double {ENTITY_DARK.get(kind, '#777')};"
    css = "arx-ent" if depth == 0 else "arx-ent arx-sub"
    body = _render_range(text, cluster.start, cluster.end, cluster.inner, depth + 1)
    return (
        f'<mark class="{css}" data-type="{_esc(kinds)}" data-ids="{_esc(ids)}" '
        f'title="{_esc(chr(10).join(lines))}" style="{style}padding:0;">{body}</mark>'
    )


def _render_range(text: str, start: int, end: int, items: list[_Item], depth: int) -> str:
    out: list[str] = []
    position = start
    for cluster in _clusters(items):
        out.append(_esc(text[position : cluster.start]))
        out.append(_mark(text, cluster, depth))
        position = cluster.end
    out.append(_esc(text[position:end]))
    return "".join(out)


def text_html(doc: Document) -> str:
    """The text of ``doc`` with its mentions and times highlighted (no wrapper)."""
    return _render_range(doc.text, 0, len(doc.text), _items(doc), 0)


def _legend(kinds: Iterable[str]) -> str:
    present = set(kinds)
    chips = []
    for kind in [*ENTITY_COLORS, TIME_KIND]:
        if kind not in present:
            continue
        if kind == TIME_KIND:
            swatch = f"border-bottom:2px dashed {TIME_COLOR};"
            name = "TIME · تاريخ"
        else:
            swatch = f"background:{ENTITY_COLORS[kind]};border:1px solid {ENTITY_DARK[kind]};"
            name = f"{kind} · {ENTITY_ARABIC[kind]}"
        chips.append(
            f'<span class="arx-chip" data-type="{kind}" style="display:inline-block;margin:0 10px 4px 0;'
            f'white-space:nowrap;"><span style="display:inline-block;width:12px;height:12px;'
            f'vertical-align:middle;margin-right:4px;{swatch}"></span><bdi>{_esc(name)}</bdi></span>'
        )
    return f'<div class="arx-legend" dir="ltr" style="font-size:0.85em;margin:4px 0;">{"".join(chips)}</div>'


def _snippet(doc: Document, relation: Relation, limit: int = 220) -> str:
    """The evidence, with the trigger in bold, cut around the trigger when long."""
    evidence, trigger = relation.evidence, relation.trigger
    start, end = evidence.start, evidence.end
    if not (0 <= start <= end <= len(doc.text)):
        return _esc(evidence.text)
    inside = start <= trigger.start < trigger.end <= end
    if end - start > limit:
        centre = trigger.start if inside else start
        start = max(start, centre - limit // 2)
        end = min(end, start + limit)
    text = doc.text
    if inside and start <= trigger.start and trigger.end <= end:
        body = (
            _esc(text[start : trigger.start])
            + f"<b>{_esc(text[trigger.start : trigger.end])}</b>"
            + _esc(text[trigger.end : end])
        )
    else:
        body = _esc(text[start:end])
    return ("… " if start > evidence.start else "") + body + (" …" if end < evidence.end else "")


_CELL = "padding:3px 6px;border-top:1px solid #ddd;vertical-align:top;"


def _relations_table(doc: Document) -> str:
    if not doc.relations:
        return '<p class="arx-norel" style="color:#666;font-size:0.9em;">No relations.</p>'
    entities = {entity.id: entity for entity in doc.entities}
    head = "".join(
        f'<th style="{_CELL}text-align:left;">{name}</th>'
        for name in ("id", "type", "arguments (role: mention → canonical)", "date", "evidence")
    )
    rows = []
    for relation in doc.relations:
        arguments = []
        for argument in relation.arguments:
            entity = entities.get(argument.entity_id)
            canonical, kb_id = (entity.canonical, entity.kb_id) if entity else (argument.text, None)
            piece = f'<span style="color:#555;">{_esc(argument.role)}</span>: '
            piece += f"<bdi>{_esc(argument.text)}</bdi>"
            if canonical != argument.text:
                piece += f" → <bdi>{_esc(canonical)}</bdi>"
            if kb_id:
                piece += f' <code style="font-size:0.8em;">{_esc(kb_id)}</code>'
            arguments.append(f'<div dir="ltr">{piece}</div>')
        if relation.date is not None:
            date_cell = (
                f'<bdi dir="rtl">{_esc(relation.date.text)}</bdi><br>'
                f"<code>{_esc(_date_value(relation.date.value) or '?')}</code>"
            )
        else:
            date_cell = ""
        colour = RELATION_COLORS.get(relation.type.value, "#333")
        rows.append(
            f'<tr class="arx-rel" data-type="{relation.type.value}">'
            f'<td style="{_CELL}">{_esc(relation.id)}</td>'
            f'<td style="{_CELL}color:{colour};font-weight:bold;">{relation.type.value}</td>'
            f'<td style="{_CELL}">{"".join(arguments)}</td>'
            f'<td style="{_CELL}white-space:nowrap;">{date_cell}</td>'
            f'<td style="{_CELL}" dir="rtl" lang="ar">{_snippet(doc, relation)}</td></tr>'
        )
    return (
        '<table class="arx-relations" dir="ltr" style="border-collapse:collapse;margin-top:10px;'
        f'font-size:0.9em;width:100%;"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def document_html(doc: Document) -> str:
    """HTML for one Document: what ``doc._repr_html_()`` and ``doc.to_html()`` return."""
    items = _items(doc)
    facts = [
        doc.source or "",
        f"date {doc.doc_date.isoformat()}" if doc.doc_date else "",
        f"{len(doc.entities)} mentions",
        f"{len(doc.times)} times",
        f"{len(doc.relations)} relations",
    ]
    warnings = "".join(
        f'<div class="arx-warning" style="color:#a15c00;">⚠ {_esc(w)}</div>' for w in doc.meta.warnings
    )
    return (
        f'<div class="arx-doc" style="font-family:{_FONT};line-height:1.5;max-width:100%;">'
        f'<div class="arx-head" dir="ltr" style="font-size:0.8em;color:#666;">'
        f"{_esc(' · '.join(fact for fact in facts if fact))}</div>{warnings}"
        f"{_legend(item.kind for item in items)}"
        '<div class="arx-text" dir="rtl" lang="ar" style="white-space:pre-wrap;text-align:right;'
        'font-size:1.15em;line-height:2.1;padding:8px 10px;border:1px solid #e2e2e2;border-radius:4px;'
        f'background:#fff;color:#111;">{text_html(doc)}</div>'
        f"{_relations_table(doc)}</div>"
    )


def page_html(docs: Document | Iterable[Document], *, title: str = "arextract") -> str:
    """A standalone UTF-8 HTML page (right to left) showing ``docs``."""
    sections = []
    for number, doc in enumerate(_docs(docs), 1):
        heading = _esc(doc.source or f"Document {number}")
        sections.append(
            f'<section class="arx-section" dir="ltr"><h2 style="font-size:1.1em;">{heading}</h2>'
            f"{document_html(doc)}</section>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n</head>\n"
        f'<body style="margin:16px;font-family:{_FONT};">\n<h1 dir="ltr" style="font-size:1.3em;">'
        f"{_esc(title)}</h1>\n{''.join(sections)}\n</body>\n</html>\n"
    )


def render(
    docs: Document | Iterable[Document], path: str | Path | None = None, *, title: str = "arextract"
) -> str:
    """The page of :func:`page_html`; written to ``path`` (UTF-8) when given. Returns the HTML."""
    page = page_html(docs, title=title)
    if path is not None:
        Path(path).write_text(page, encoding="utf-8")
    return page


# --------------------------------------------------------------------------------------------
# DataFrames
# --------------------------------------------------------------------------------------------

ENTITY_COLUMNS = [
    "id", "type", "subtype", "text", "start", "end", "canonical", "kb_id", "name_en", "confidence", "source",
    "aliases",
]
RELATION_COLUMNS = [
    "id", "type", "arguments", "canonicals", "entity_ids", "date", "date_text", "granularity",
    "trigger", "evidence", "confidence", "rule",
]


def _pandas(purpose: str) -> Any:
    return _require("pandas", purpose)


def _entity_rows(doc: Document) -> list[dict[str, Any]]:
    return [
        {
            "id": e.id, "type": e.type.value, "subtype": e.subtype, "text": e.text, "start": e.start,
            "end": e.end, "canonical": e.canonical, "kb_id": e.kb_id, "name_en": e.name_en,
            "confidence": e.confidence,
            "source": e.source, "aliases": list(e.aliases),
        }
        for e in doc.entities
    ]


def _relation_rows(doc: Document) -> list[dict[str, Any]]:
    entities = {entity.id: entity for entity in doc.entities}
    rows = []
    for relation in doc.relations:
        names = [
            entities[a.entity_id].canonical if a.entity_id in entities else a.text for a in relation.arguments
        ]
        rows.append({
            "id": relation.id,
            "type": relation.type.value,
            "arguments": "; ".join(
                f"{a.role}={name}" for a, name in zip(relation.arguments, names, strict=True)
            ),
            "canonicals": names,
            "entity_ids": [a.entity_id for a in relation.arguments],
            "date": _date_value(relation.date.value) if relation.date else None,
            "date_text": relation.date.text if relation.date else None,
            "granularity": relation.date.granularity if relation.date else None,
            "trigger": relation.trigger.text,
            "evidence": relation.evidence.text,
            "confidence": relation.confidence,
            "rule": relation.attributes.get("rule"),
        })
    return rows


def entities_frame(doc: Document) -> pd.DataFrame:
    """One row per entity mention of ``doc`` (columns: ``ENTITY_COLUMNS``)."""
    pandas = _pandas("Document.entities_frame()")
    return pandas.DataFrame(_entity_rows(doc), columns=ENTITY_COLUMNS)


def relations_frame(doc: Document) -> pd.DataFrame:
    """One row per relation of ``doc``; ``arguments`` reads ``role=canonical; ...``."""
    pandas = _pandas("Document.relations_frame()")
    return pandas.DataFrame(_relation_rows(doc), columns=RELATION_COLUMNS)


def to_frames(docs: Document | Iterable[Document]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(entities, relations)`` DataFrames of many documents, with ``document`` (the position of
    the document in ``docs``) and ``source`` columns first."""
    pandas = _pandas("arextract.to_frames()")
    entity_rows: list[dict[str, Any]] = []
    relation_rows: list[dict[str, Any]] = []
    for number, doc in enumerate(_docs(docs)):
        prefix = {"document": number, "source": doc.source}
        entity_rows += [{**prefix, **row} for row in _entity_rows(doc)]
        relation_rows += [{**prefix, **row} for row in _relation_rows(doc)]
    return (
        pandas.DataFrame(entity_rows, columns=["document", "source", *ENTITY_COLUMNS]),
        pandas.DataFrame(relation_rows, columns=["document", "source", *RELATION_COLUMNS]),
    )


# --------------------------------------------------------------------------------------------
# Graph
# --------------------------------------------------------------------------------------------


def _entity_key(entity: Entity) -> tuple[str, str]:
    if entity.kb_id:
        return (entity.type.value, "kb:" + entity.kb_id)
    return (entity.type.value, "name:" + entity.canonical)


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


def graph(
    docs: Document | Iterable[Document],
    *,
    relation_types: Iterable[RelationType | str] | None = None,
) -> nx.MultiDiGraph:
    """A networkx ``MultiDiGraph`` of the entities and relations of ``docs``.

    Nodes are canonical entities (one per ``(type, kb_id)``, else per ``(type, canonical)``), named
    by their canonical name (``"name [TYPE]"`` when two types share a name), with attributes
    ``type``, ``kb_id``, ``label``, ``mentions``, ``documents``. Each relation gives edges keyed
    ``"<document>:<relation id>:<n>"`` with ``type``, ``date`` (ISO value or None), ``date_text``,
    ``document``, ``source``, ``relation_id``, ``roles``, ``evidence``, ``confidence`` and
    ``symmetric``: MEETING, PHONE_CALL and AGREEMENT give one symmetric edge per pair of
    arguments; ROLE goes person → affiliation; the others go from the doer (visitor, attendee,
    chair, proposer, supporter) to the other arguments. One-argument relations (most STATEMENTs)
    give no edge. ``relation_types`` keeps only those types.
    """
    nx = _require("networkx", "arextract.graph()")
    wanted = None if relation_types is None else {RelationType(t) for t in relation_types}
    g = nx.MultiDiGraph()
    names: dict[tuple[str, str], str] = {}
    taken: dict[str, tuple[str, str]] = {}
    seen_in: dict[str, set[int]] = defaultdict(set)

    def node_for(entity: Entity, number: int) -> str:
        key = _entity_key(entity)
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

    for number, doc in enumerate(_docs(docs)):
        by_id = {entity.id: node_for(entity, number) for entity in doc.entities}
        for relation in doc.relations:
            if wanted is not None and relation.type not in wanted:
                continue
            if not all(a.entity_id in by_id for a in relation.arguments):
                continue
            nodes = [by_id[a.entity_id] for a in relation.arguments]
            edges = [(u, v, ru, rv) for u, v, ru, rv in _edge_pairs(relation, nodes) if u != v]
            for index, (u, v, role_u, role_v) in enumerate(edges):
                g.add_edge(
                    u, v, key=f"{number}:{relation.id}:{index}",
                    type=relation.type.value,
                    date=_date_value(relation.date.value) if relation.date else None,
                    date_text=relation.date.text if relation.date else None,
                    document=number, source=doc.source, relation_id=relation.id,
                    roles=(role_u, role_v), evidence=relation.evidence.text,
                    confidence=relation.confidence, symmetric=relation.type in SYMMETRIC_RELATIONS,
                )
    for name, numbers in seen_in.items():
        g.nodes[name]["documents"] = len(numbers)
    return g


# --------------------------------------------------------------------------------------------
# Plots
# --------------------------------------------------------------------------------------------


def _native_shaping() -> bool:
    """Whether matplotlib shapes and orders complex scripts itself (libraqm, matplotlib >= 3.11)."""
    try:
        from matplotlib.ft2font import FT2Font
    except ImportError:  # pragma: no cover
        return False
    return hasattr(FT2Font, "_layout")


def shape_arabic(label: str, *, native: bool | None = None) -> str:
    """``label`` ready for matplotlib. A matplotlib that shapes text itself (libraqm) takes the
    text as it is; older ones draw characters left to right one by one, so the label is shaped
    (arabic-reshaper) and put in visual order (python-bidi) first. ``native`` forces either way."""
    if native is None:
        native = _native_shaping()
    if native or not regex.search(r"\p{Script=Arabic}", label):
        return label
    reshaper = _require("arabic_reshaper", "Arabic plot labels")
    bidi = _require("bidi.algorithm", "Arabic plot labels")
    return str(bidi.get_display(reshaper.reshape(label)))


@lru_cache(maxsize=1)
def plot_fonts() -> list[str]:
    """The installed fonts (of ``_PLOT_FONT_CANDIDATES``) that plots use for Arabic labels."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in _PLOT_FONT_CANDIDATES if name in installed] or ["DejaVu Sans"]


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    plt = _require("matplotlib.pyplot", "plotting")
    _, ax = plt.subplots(figsize=figsize)
    return ax


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _layout(nx: Any, g: Any, seed: int) -> dict[Any, tuple[float, float]]:
    """Each connected component laid out on its own (spring layout, in a box growing with its
    size), then the boxes packed in rows, biggest first, so small components do not drift away."""
    components = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c))
    row_width = max(2 * (0.7 * math.sqrt(len(components[0])) + 0.5), 4.0)
    pos: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for component in components:
        half = 0.7 * math.sqrt(len(component)) + 0.5 if len(component) > 1 else 0.5
        if len(component) == 1:
            local = {component[0]: (0.0, 0.0)}
        else:
            sub = g.subgraph(component)
            k = 2.0 / math.sqrt(len(component))
            local = nx.spring_layout(sub, seed=seed, k=k, iterations=300, scale=half * 0.8)
        if x > 0 and x + 2 * half > row_width:
            x, y, row_height = 0.0, y - row_height - 0.4, 0.0
        for node, (px, py) in local.items():
            pos[node] = (x + half + float(px), y - half + float(py))
        x += 2 * half + 0.4
        row_height = max(row_height, 2 * half)
    return pos


def plot_graph(
    data: nx.MultiDiGraph | Document | Iterable[Document],
    *,
    relation_types: Iterable[RelationType | str] | None = None,
    ax: Axes | None = None,
    with_isolates: bool = False,
    seed: int = 7,
    figsize: tuple[float, float] = (10, 8),
    font_size: float = 11,
    title: str | None = None,
    max_label: int = 32,
) -> Axes:
    """Draw the graph of :func:`graph` (or of ``docs``) with matplotlib: nodes coloured by entity
    type, one line per pair of nodes (wider with more relations, coloured by the commonest
    relation type, arrows for directed relations), Arabic labels shaped and cut to ``max_label``
    characters. Without ``relation_types``, every edge of the graph. Returns the Axes."""
    nx = _require("networkx", "arextract.plot_graph()")
    _require("matplotlib", "arextract.plot_graph()")
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    g = data if isinstance(data, nx.Graph) else graph(data)  # type: ignore[arg-type]
    wanted = None if relation_types is None else {RelationType(t).value for t in relation_types}
    pairs: dict[tuple[str, str, bool], Counter[str]] = defaultdict(Counter)
    for u, v, attrs in g.edges(data=True):
        if wanted is not None and attrs.get("type") not in wanted:
            continue
        symmetric = bool(attrs.get("symmetric"))
        key = (min(u, v), max(u, v), True) if symmetric else (u, v, False)
        pairs[key][attrs.get("type", "")] += 1
    simple = nx.DiGraph()
    nodes = list(g.nodes) if with_isolates else sorted({n for u, v, _ in pairs for n in (u, v)})
    simple.add_nodes_from(nodes)
    simple.add_edges_from((u, v) for u, v, _ in pairs)
    ax = _axes(ax, figsize)
    ax.set_axis_off()
    if title is not None:
        ax.set_title(title)
    if not nodes:
        ax.text(0.5, 0.5, "no relations to draw", ha="center", va="center", transform=ax.transAxes)
        return ax
    pos = _layout(nx, simple.to_undirected(), seed)
    types = [g.nodes[n].get("type", "MISC") for n in nodes]
    sizes = [300 + 120 * math.log1p(g.nodes[n].get("mentions", 1)) for n in nodes]
    nx.draw_networkx_nodes(
        simple, pos, nodelist=nodes, ax=ax, node_size=sizes,
        node_color=[ENTITY_COLORS.get(t, "#ddd") for t in types],
        edgecolors=[ENTITY_DARK.get(t, "#777") for t in types], linewidths=1.5,
    )
    for symmetric in (True, False):
        chosen = [(u, v, c) for (u, v, s), c in pairs.items() if s is symmetric]
        if not chosen:
            continue
        style: dict[str, Any] = (
            {"arrows": False}
            if symmetric
            else {"arrows": True, "arrowstyle": "-|>", "arrowsize": 14, "node_size": max(sizes),
                  "connectionstyle": "arc3,rad=0.08"}
        )
        nx.draw_networkx_edges(
            simple, pos, ax=ax, edgelist=[(u, v) for u, v, _ in chosen],
            width=[1.2 + 1.5 * math.log1p(sum(c.values()) - 1) for _, _, c in chosen],
            edge_color=[RELATION_COLORS.get(c.most_common(1)[0][0], "#333") for _, _, c in chosen],
            alpha=0.8, **style,
        )
    for node in nodes:
        x, y = pos[node]
        ax.annotate(
            shape_arabic(_short(str(g.nodes[node].get("label", node)), max_label)), (x, y), xytext=(0, 9),
            textcoords="offset points", fontsize=font_size, ha="center", va="bottom",
            fontfamily=plot_fonts(), annotation_clip=False,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
        )
    used_types = [t for t in ENTITY_COLORS if t in set(types)]
    used_relations = sorted({t for c in pairs.values() for t in c}, key=list(RELATION_COLORS).index)
    handles = [
        Patch(facecolor=ENTITY_COLORS[t], edgecolor=ENTITY_DARK[t], label=t) for t in used_types
    ] + [Line2D([0], [0], color=RELATION_COLORS.get(t, "#333"), lw=2, label=t) for t in used_relations]
    ax.legend(handles=handles, loc="best", fontsize=8, framealpha=0.8)
    ax.margins(0.12)
    return ax


DEFAULT_TIMELINE_SKIP = frozenset({RelationType.STATEMENT, RelationType.ROLE})


def plot_timeline(
    docs: Document | Iterable[Document],
    *,
    relation_types: Iterable[RelationType | str] | None = None,
    ax: Axes | None = None,
    figsize: tuple[float, float] = (11, 5),
    font_size: float = 9,
    max_labels: int = 4,
    title: str | None = None,
) -> Axes:
    """Dated relations on a time axis, one lane per relation type, each point labelled with its
    arguments' canonical names (identical facts across documents are drawn once, with a count).
    By default every type except STATEMENT and ROLE; pass ``relation_types`` to choose."""
    _require("matplotlib", "arextract.plot_timeline()")
    import matplotlib.dates as mdates

    wanted = (
        {t for t in RelationType if t not in DEFAULT_TIMELINE_SKIP}
        if relation_types is None
        else {RelationType(t) for t in relation_types}
    )
    facts: Counter[tuple[RelationType, date, str]] = Counter()
    for doc in _docs(docs):
        entities = {entity.id: entity.canonical for entity in doc.entities}
        for relation in doc.relations:
            if relation.type not in wanted or relation.date is None:
                continue
            day = _as_date(relation.date.value)
            if day is None:
                continue
            names = dict.fromkeys(entities.get(a.entity_id, a.text) for a in relation.arguments)
            facts[(relation.type, day, " — ".join(names))] += 1
    ax = _axes(ax, figsize)
    if title is not None:
        ax.set_title(title)
    if not facts:
        ax.text(0.5, 0.5, "no dated relations", ha="center", va="center", transform=ax.transAxes)
        ax.set_yticks([])
        return ax
    lanes = [t for t in RelationType if any(fact[0] is t for fact in facts)]
    lane_of = {t: i for i, t in enumerate(lanes)}
    by_point: dict[tuple[RelationType, date], list[tuple[str, int]]] = defaultdict(list)
    for (kind, day, label), count in sorted(facts.items(), key=lambda item: (item[0][1], item[0][2])):
        by_point[(kind, day)].append((label, count))
    for (kind, day), labels in by_point.items():
        y = lane_of[kind]
        total = sum(count for _, count in labels)
        ax.scatter(
            [mdates.date2num(day)], [y], s=60 + 25 * min(total, 8),
            color=RELATION_COLORS.get(kind.value, "#333"), edgecolors="black", linewidths=0.6, zorder=3,
        )
        shown = labels[:max_labels]
        lines = [shape_arabic(label) + (f" ×{count}" if count > 1 else "") for label, count in shown]
        if len(labels) > max_labels:
            lines.append(f"+{len(labels) - max_labels} more")
        for row, line in enumerate(lines):
            ax.annotate(
                line, (mdates.date2num(day), y), xytext=(8, 10 - 12 * row), textcoords="offset points",
                fontsize=font_size, fontfamily=plot_fonts(), va="center", ha="left", annotation_clip=False,
            )
    days = [day for _, day, _ in facts]
    low, high = min(days), max(days)
    span = max((high - low).days, 1)
    pad = max(span * 0.1, 3)
    ax.set_xlim(mdates.date2num(low) - pad, mdates.date2num(high) + pad + span * 0.35 + 4)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_yticks(range(len(lanes)), [t.value for t in lanes])
    ax.set_ylim(-0.7, len(lanes) - 0.3)
    ax.grid(axis="x", color="#e5e5e5")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax
