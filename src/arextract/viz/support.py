"""What every view of Documents needs: one Document or many as a list, a time's value as text,
and the optional packages, imported when a view is called and named with their install command."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

from arextract.errors import MissingDependencyError
from arextract.schema import Document

INSTALL_HINT = 'pip install "arextract[notebook]"'


def require(module: str, purpose: str) -> Any:
    """``module``, imported; :class:`MissingDependencyError` naming the extra when it is missing."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingDependencyError(
            f"{purpose} needs the optional package {module.split('.')[0]!r}; install it with: {INSTALL_HINT}"
        ) from error


def as_documents(docs: Document | Iterable[Document]) -> list[Document]:
    """One Document or many, as a list (a pydantic model is itself iterable: check it first)."""
    if isinstance(docs, Document):
        return [docs]
    out = list(docs)
    for doc in out:
        if not isinstance(doc, Document):
            raise TypeError(f"expected arextract Documents, got {type(doc).__name__}")
    return out
