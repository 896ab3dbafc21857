"""Documents as HTML: what Jupyter shows for a Document, and standalone pages.

* :func:`document_html` is what a notebook shows for a Document (``arextract.to_html(doc)``):
  the text right to left with its mentions highlighted by type (a legend above, a tooltip with
  the canonical name and ``kb_id`` on each), then a table of the relations. :func:`render`
  writes a standalone page of many documents.

Mentions may nest (an EVENT containing an ORGANIZATION) or share a span (``البلدين`` is one
mention of each of two countries). The text is cut into *clusters* of overlapping mentions; a
cluster becomes one highlight over the union of its spans. When some mentions cover the whole
cluster, they are its heads (the tooltip lists them all) and the others are rendered inside it,
recursively, as nested highlights; when mentions only partly overlap, the cluster is one flat
highlight whose tooltip lists every mention. So every character of the text appears exactly once
and the HTML is always well formed. All text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from arextract.schema import Document, Entity, EntitySource, Relation, Time, time_text
from arextract.viz.colors import (
    ENTITY_ARABIC,
    ENTITY_COLORS,
    ENTITY_DARK,
    RELATION_COLORS,
    TIME_COLOR,
    TIME_KIND,
)
from arextract.viz.support import as_documents

__all__ = ["document_html", "page_html", "render", "text_html"]

_FONT = "system-ui, 'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', 'Segoe UI', Tahoma, sans-serif"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


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
    return f"{time.text} → {time_text(time.value) or '?'} ({time.granularity}) · {time.id}"


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
                f"<code>{_esc(time_text(relation.date.value) or '?')}</code>"
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
    """HTML for one Document: what a notebook shows (``arextract.to_html(doc)``)."""
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
        "font-size:1.15em;line-height:2.1;padding:8px 10px;border:1px solid #e2e2e2;border-radius:4px;"
        f'background:#fff;color:#111;">{text_html(doc)}</div>'
        f"{_relations_table(doc)}</div>"
    )


def page_html(docs: Document | Iterable[Document], *, title: str = "arextract") -> str:
    """A standalone UTF-8 HTML page (right to left) showing ``docs``."""
    sections = []
    for number, doc in enumerate(as_documents(docs), 1):
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
