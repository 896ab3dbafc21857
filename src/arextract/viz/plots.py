"""Plots with matplotlib: the relation graph (:func:`plot_graph`) and a timeline of dated
relations (:func:`plot_timeline`), with Arabic labels shaped for matplotlib (:func:`shape_arabic`).

matplotlib ≥ 3.11 shapes Arabic itself (libraqm); older versions draw characters one by one, left
to right, so labels go through arabic-reshaper and python-bidi first.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from arextract.schema import Document, Interval, RelationType
from arextract.viz.colors import ENTITY_COLORS, ENTITY_DARK, RELATION_COLORS
from arextract.viz.graph import graph
from arextract.viz.support import as_documents, require

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    from matplotlib.axes import Axes

__all__ = ["plot_fonts", "plot_graph", "plot_timeline", "shape_arabic"]

# Fonts with Arabic glyphs, best first; DejaVu Sans ships with matplotlib.
_PLOT_FONT_CANDIDATES = ["Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans"]


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
    reshaper = require("arabic_reshaper", "Arabic plot labels")
    bidi = require("bidi.algorithm", "Arabic plot labels")
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
    plt = require("matplotlib.pyplot", "plotting")
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


Pairs = dict[tuple[str, str, bool], Counter[str]]  # (u, v, symmetric) -> relation type -> edges


def _edge_counts(g: Any, relation_types: Iterable[RelationType | str] | None) -> Pairs:
    """The graph's edges of ``relation_types`` (all without) counted per pair of nodes: a
    symmetric edge per unordered pair, a directed one per ordered pair."""
    wanted = None if relation_types is None else {RelationType(t).value for t in relation_types}
    pairs: Pairs = defaultdict(Counter)
    for u, v, attrs in g.edges(data=True):
        if wanted is not None and attrs.get("type") not in wanted:
            continue
        symmetric = bool(attrs.get("symmetric"))
        key = (min(u, v), max(u, v), True) if symmetric else (u, v, False)
        pairs[key][attrs.get("type", "")] += 1
    return pairs


def _draw_edges(nx: Any, simple: Any, pos: Any, ax: Axes, pairs: Pairs, node_size: float) -> None:
    """One line per pair: wider with more relations, coloured by the commonest relation type,
    an arrow when directed (``node_size``, the biggest node, keeps arrow heads outside nodes)."""
    for symmetric in (True, False):
        chosen = [(u, v, c) for (u, v, s), c in pairs.items() if s is symmetric]
        if not chosen:
            continue
        style: dict[str, Any] = (
            {"arrows": False}
            if symmetric
            else {
                "arrows": True,
                "arrowstyle": "-|>",
                "arrowsize": 14,
                "node_size": node_size,
                "connectionstyle": "arc3,rad=0.08",
            }
        )
        nx.draw_networkx_edges(
            simple,
            pos,
            ax=ax,
            edgelist=[(u, v) for u, v, _ in chosen],
            width=[1.2 + 1.5 * math.log1p(sum(c.values()) - 1) for _, _, c in chosen],
            edge_color=[RELATION_COLORS.get(c.most_common(1)[0][0], "#333") for _, _, c in chosen],
            alpha=0.8,
            **style,
        )


def _legend(ax: Axes, types: list[str], pairs: Pairs) -> None:
    """The entity types and relation types drawn, in the palette's order."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    used_types = [t for t in ENTITY_COLORS if t in set(types)]
    used_relations = sorted({t for c in pairs.values() for t in c}, key=list(RELATION_COLORS).index)
    handles = [Patch(facecolor=ENTITY_COLORS[t], edgecolor=ENTITY_DARK[t], label=t) for t in used_types] + [
        Line2D([0], [0], color=RELATION_COLORS.get(t, "#333"), lw=2, label=t) for t in used_relations
    ]
    ax.legend(handles=handles, loc="best", fontsize=8, framealpha=0.8)


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
    nx = require("networkx", "arextract.plot_graph()")
    require("matplotlib", "arextract.plot_graph()")

    g = data if isinstance(data, nx.Graph) else graph(data)  # type: ignore[arg-type]
    pairs = _edge_counts(g, relation_types)
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
        simple,
        pos,
        nodelist=nodes,
        ax=ax,
        node_size=sizes,
        node_color=[ENTITY_COLORS.get(t, "#ddd") for t in types],
        edgecolors=[ENTITY_DARK.get(t, "#777") for t in types],
        linewidths=1.5,
    )
    _draw_edges(nx, simple, pos, ax, pairs, max(sizes))
    for node in nodes:
        x, y = pos[node]
        ax.annotate(
            shape_arabic(_short(str(g.nodes[node].get("label", node)), max_label)),
            (x, y),
            xytext=(0, 9),
            textcoords="offset points",
            fontsize=font_size,
            ha="center",
            va="bottom",
            fontfamily=plot_fonts(),
            annotation_clip=False,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
        )
    _legend(ax, types, pairs)
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
    require("matplotlib", "arextract.plot_timeline()")
    import matplotlib.dates as mdates

    wanted = (
        {t for t in RelationType if t not in DEFAULT_TIMELINE_SKIP}
        if relation_types is None
        else {RelationType(t) for t in relation_types}
    )
    facts: Counter[tuple[RelationType, date, str]] = Counter()
    for doc in as_documents(docs):
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
            [mdates.date2num(day)],
            [y],
            s=60 + 25 * min(total, 8),
            color=RELATION_COLORS.get(kind.value, "#333"),
            edgecolors="black",
            linewidths=0.6,
            zorder=3,
        )
        shown = labels[:max_labels]
        lines = [shape_arabic(label) + (f" ×{count}" if count > 1 else "") for label, count in shown]
        if len(labels) > max_labels:
            lines.append(f"+{len(labels) - max_labels} more")
        for row, line in enumerate(lines):
            ax.annotate(
                line,
                (mdates.date2num(day), y),
                xytext=(8, 10 - 12 * row),
                textcoords="offset points",
                fontsize=font_size,
                fontfamily=plot_fonts(),
                va="center",
                ha="left",
                annotation_clip=False,
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
