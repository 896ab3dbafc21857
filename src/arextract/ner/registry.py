"""Every NER backend by name, and :func:`make_ner_stage`, which builds one.

=================================  =========================================================
``builtin`` (default)              the tagger trained here (``models/ner``) merged with the
                                   gazetteer (:mod:`arextract.ner.builtin`)
``gazetteer``                      knowledge-file names only (:mod:`arextract.ner.builtin`)
``camel``                          camel-tools' BERT ``NERecognizer`` (:mod:`arextract.ner.camel`)
``stanza``                         stanza's Arabic NER pipeline (:mod:`arextract.ner.stanza_ner`)
``ensemble``, ``ensemble:camel``,  ``builtin`` merged with an external backend; plain
``ensemble:stanza``                ``ensemble`` takes camel when its model is found, else stanza
                                   (:mod:`arextract.ner.ensemble`)
=================================  =========================================================

The table names each backend's factory by module path, as stanza's processor registry and
spaCy's registered factories do: a backend's module (and camel-tools, stanza, the tagger's
weights) is imported only when that backend is asked for, and this module imports none of
them, so no backend can import it back: the registry is a leaf of the import graph. How the
backends' mentions are merged is :mod:`arextract.ner.merge`; linking, time and relations run
unchanged after whichever stage :func:`make_ner_stage` returns.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from arextract.errors import BackendError
from arextract.resources import ModelPaths

if TYPE_CHECKING:
    from arextract.ner.backends import NerStage

EXTERNAL_BACKENDS = ("camel", "stanza")


@dataclass(frozen=True)
class BackendEntry:
    """Where a backend is built: ``factory`` is ``"module:function"``, called with the
    :class:`~arextract.resources.ModelPaths` (and the option after ``name:`` when ``options``
    lists what may follow the colon, as in ``ensemble:camel``)."""

    factory: str
    options: tuple[str, ...] = ()


REGISTRY: dict[str, BackendEntry] = {
    "builtin": BackendEntry("arextract.ner.builtin:builtin_stage"),
    "gazetteer": BackendEntry("arextract.ner.builtin:gazetteer_stage"),
    "camel": BackendEntry("arextract.ner.camel:camel_stage"),
    "stanza": BackendEntry("arextract.ner.stanza_ner:stanza_stage"),
    "ensemble": BackendEntry("arextract.ner.ensemble:ensemble_stage", options=EXTERNAL_BACKENDS),
}
BACKENDS = tuple(REGISTRY)


def make_ner_stage(backend: str, models: ModelPaths | None = None) -> NerStage:
    """The NER stage for a backend name (the table above) over ``models`` (default: the
    models directory, :func:`arextract.resources.models_dir`)."""
    name, colon, option = backend.partition(":")
    entry = REGISTRY.get(name)
    if entry is None or (colon and not (entry.options and (not option or option in entry.options))):
        raise BackendError(
            f"unknown NER backend {backend!r}; available: {', '.join(BACKENDS)}, "
            f"{', '.join('ensemble:' + external for external in EXTERNAL_BACKENDS)}"
        )
    module, _, function = entry.factory.partition(":")
    factory = cast("Callable[..., NerStage]", getattr(importlib.import_module(module), function))
    paths = models or ModelPaths.under()
    return factory(paths, option or None) if entry.options else factory(paths)
