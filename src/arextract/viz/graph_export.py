"""``python -m arextract graph OUTDIR -o FILE.graphml|.gexf``: the relation graph for Gephi, yEd,
Cytoscape or networkx.

The graph is :func:`arextract.graph` over the documents of ``OUTDIR/documents.jsonl``: nodes are
canonical entities, edges relations (see its docstring). GraphML and GEXF store scalars only, so
before writing: attributes that are ``None`` are left out (a missing attribute reads back as
absent, where a made-up ``""`` would read back as a value), the ``roles`` pair becomes
``source_role`` and ``target_role``, and each node gets ``name_en`` from its mentions when the
knowledge files give one. In GEXF the edge attribute ``type`` is the format's own edge kind
(directed, undirected), so the relation type is written as ``relation_type`` and as the edge's
``label`` there.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from arextract.batch.documents import read_documents
from arextract.errors import ArextractError, InputError
from arextract.files import replaced_when_done
from arextract.schema import Document
from arextract.viz.graph import graph
from arextract.viz.support import require

__all__ = ["FORMATS", "file_safe", "main", "write_graph"]

FORMATS = {".graphml": "graphml", ".gexf": "gexf"}
_SCALARS = (str, int, float, bool)


def _scalars(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in data.items():
        if value is None:
            continue
        if name == "roles":
            out["source_role"], out["target_role"] = value
        elif isinstance(value, _SCALARS):
            out[name] = value
        else:  # nothing else is produced today; a future list or dict still writes
            out[name] = str(value)
    return out


def file_safe(g: Any, docs: Iterable[Document], fmt: str) -> Any:
    """A copy of ``g`` whose attributes GraphML / GEXF can hold (see the module docstring)."""
    english = _english_names(docs)
    safe = g.__class__()
    for node, data in g.nodes(data=True):
        name_en = english.get((data.get("type"), data.get("kb_id") or data.get("label")))
        safe.add_node(node, **_scalars({**data, "name_en": name_en}))
    for u, v, key, data in g.edges(keys=True, data=True):
        attributes = _scalars(data)
        if fmt == "gexf":
            attributes["relation_type"] = attributes.pop("type")
            attributes["label"] = attributes["relation_type"]
        safe.add_edge(u, v, key=key, **attributes)
    return safe


def _english_names(docs: Iterable[Document]) -> dict[tuple[str | None, str | None], str]:
    """(type, kb_id or canonical) -> English name, keyed as the graph's node attributes are."""
    out: dict[tuple[str | None, str | None], str] = {}
    for doc in docs:
        for entity in doc.entities:
            if entity.name_en:
                out.setdefault((entity.type.value, entity.kb_id or entity.canonical), entity.name_en)
    return out


def write_graph(output_dir: Path, target: Path, relation_types: Sequence[str] | None = None) -> Any:
    """Write the graph of ``output_dir``'s documents to ``target`` (format from its suffix);
    returns the graph as written. The file appears whole or not at all (temporary file, rename)."""
    target = Path(target)
    fmt = FORMATS.get(target.suffix.lower())
    if fmt is None:
        raise InputError(f"{target}: the file name must end in {' or '.join(FORMATS)}")
    nx = require("networkx", "python -m arextract graph")
    docs = list(read_documents(Path(output_dir)))
    g = file_safe(graph(docs, relation_types=relation_types), docs, fmt)
    target.parent.mkdir(parents=True, exist_ok=True)
    write = nx.write_graphml if fmt == "graphml" else nx.write_gexf
    with replaced_when_done(target) as temporary:
        write(g, temporary, encoding="utf-8")
    return g


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m arextract graph",
        description="Write the entity/relation graph of a batch output as GraphML or GEXF.",
    )
    parser.add_argument("output_dir", metavar="OUTDIR", help="a folder with documents.jsonl")
    parser.add_argument("-o", "--out", required=True, metavar="FILE", help="FILE.graphml or FILE.gexf")
    parser.add_argument(
        "--types",
        default=None,
        metavar="TYPE,...",
        help="relation types to keep, e.g. MEETING,PHONE_CALL (default: all)",
    )
    args = parser.parse_args(argv)
    types = [t.strip().upper() for t in args.types.split(",") if t.strip()] if args.types else None
    try:
        g = write_graph(Path(args.output_dir), Path(args.out), types)
    except (ArextractError, ValueError) as error:  # ValueError: an unknown relation type
        parser.exit(2, f"error: {error}\n")
    print(f"{args.out}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
