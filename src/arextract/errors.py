"""arextract's exceptions. Every error the library raises on purpose derives from
:class:`ArextractError`, so callers can catch one class. ``TypeError`` for a non-str input
is the exception: it is a programming error, and Python's own convention."""

from __future__ import annotations


class ArextractError(Exception):
    """Base class of arextract's errors."""


class ResourceError(ArextractError):
    """A model, knowledge file or rule file is missing or malformed."""


class BackendError(ArextractError):
    """An NER backend is unknown, not installed, or its model is not available."""


class PipelineError(ArextractError):
    """The stages given to a Pipeline do not fit together: one reads a Document field that no
    earlier stage adds, names a field the Document does not have, or is not the stage its row
    names."""


class InputError(ArextractError, ValueError):
    """An argument has the right type but an unusable value (e.g. a malformed date)."""


class MissingDependencyError(ArextractError, ImportError):
    """An optional dependency (pandas, networkx, matplotlib, stanza, pyarrow...) is missing;
    the message names the pip command that installs it."""


class OutputError(ArextractError):
    """The output folder cannot be written: not a folder, read-only, an input of the same run,
    or locked by another run."""


class EngineError(ArextractError):
    """The batch engine cannot start: an unreachable or malformed Dask scheduler address."""


class DocumentTimeout(ArextractError):
    """A document took longer than the batch's per-document time limit (``--timeout``)."""
