"""arextract: who did what with whom, and when, in Arabic news.

>>> import arextract
>>> doc = arextract.extract("التقى وزير الخارجية المصري نظيره الأردني في عمان")
>>> [(e.text, e.type.value) for e in doc.entities]        # doctest: +SKIP

``extract``, :class:`Pipeline`, the Document types and the errors are imported here. The views
(``render``, ``to_html``, ``entities_frame``, ``relations_frame``, ``to_frames``, ``graph``,
``plot_graph``, ``plot_timeline``: :mod:`arextract.viz`), ``extract_many``
(:mod:`arextract.batch`) and ``to_spacy`` load on first use (PEP 562), so ``import arextract``
imports neither pandas, networkx, matplotlib nor the batch machinery.
"""

from __future__ import annotations

import importlib
import sys
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from arextract.errors import (
    ArextractError,
    BackendError,
    InputError,
    MissingDependencyError,
    PipelineError,
    ResourceError,
)
from arextract.pipeline import Pipeline
from arextract.schema import (
    Argument,
    Document,
    Entity,
    EntitySource,
    EntityType,
    Relation,
    RelationType,
    Sentence,
    TextSpan,
    Time,
    Token,
)

if TYPE_CHECKING:  # pragma: no cover
    from arextract.batch.extract_many import extract_many
    from arextract.spacy_bridge import to_spacy
    from arextract.viz.frames import entities_frame, relations_frame, to_frames
    from arextract.viz.graph import graph
    from arextract.viz.html import document_html as to_html
    from arextract.viz.html import render
    from arextract.viz.plots import plot_graph, plot_timeline

__version__ = "0.1.0"

__all__ = [
    "ArextractError",
    "Argument",
    "BackendError",
    "Document",
    "Entity",
    "EntitySource",
    "EntityType",
    "InputError",
    "MissingDependencyError",
    "Pipeline",
    "PipelineError",
    "Relation",
    "RelationType",
    "ResourceError",
    "Sentence",
    "TextSpan",
    "Time",
    "Token",
    "entities_frame",
    "extract",
    "extract_many",
    "graph",
    "plot_graph",
    "plot_timeline",
    "relations_frame",
    "render",
    "to_frames",
    "to_html",
    "to_spacy",
]

# Name -> (module, attribute) of the helpers loaded on first use.
_LAZY: dict[str, tuple[str, str]] = {
    "render": ("arextract.viz.html", "render"),
    "to_html": ("arextract.viz.html", "document_html"),
    "entities_frame": ("arextract.viz.frames", "entities_frame"),
    "relations_frame": ("arextract.viz.frames", "relations_frame"),
    "to_frames": ("arextract.viz.frames", "to_frames"),
    "graph": ("arextract.viz.graph", "graph"),
    "plot_graph": ("arextract.viz.plots", "plot_graph"),
    "plot_timeline": ("arextract.viz.plots", "plot_timeline"),
    "extract_many": ("arextract.batch.extract_many", "extract_many"),
    "to_spacy": ("arextract.spacy_bridge", "to_spacy"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'arextract' has no attribute {name!r}")
    module, attribute = _LAZY[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


@lru_cache(maxsize=8)
def _pipeline(backend: str | None) -> Pipeline:
    return Pipeline(backend=backend)


def extract(text: str, *, doc_date: date | str | None = None, backend: str | None = None) -> Document:
    """Run the default pipeline (loaded once per process and backend) on ``text``."""
    if not isinstance(text, str):
        raise TypeError(f"arextract.extract expects str, got {type(text).__name__}")
    return _pipeline(backend)(text, doc_date=doc_date)


def _document_html(doc: Document) -> str:
    from arextract.viz.html import document_html

    return document_html(doc)


def _show_documents_as_html(formatter: Any) -> None:
    """Have an IPython display formatter show a Document as :func:`arextract.viz.html.document_html`.

    Jupyter's rich display is registered from here rather than through a ``_repr_html_`` on
    Document, so the contract (:mod:`arextract.schema`) carries no rendering."""
    formatter.formatters["text/html"].for_type(Document, _document_html)


# In a notebook (IPython is loaded before any user code) a Document shows itself as HTML.
_get_ipython = getattr(sys.modules.get("IPython"), "get_ipython", None)
_shell = _get_ipython() if _get_ipython is not None else None
if _shell is not None:
    _show_documents_as_html(_shell.display_formatter)

# `import spacy; import arextract` registers the "arextract" spaCy factory (the bridge registers
# itself on import when spaCy is loaded); without spaCy the bridge waits for to_spacy().
if "spacy" in sys.modules:
    from arextract import spacy_bridge  # noqa: F401
