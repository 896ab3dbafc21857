"""The ``ensemble`` backend: arextract's NER merged with an external backend's.

``ensemble:camel`` and ``ensemble:stanza`` name the external backend; plain ``ensemble`` takes
camel when its model is found, else stanza when its models are, else raises a
:class:`~arextract.errors.BackendError` naming both install commands. The vote is
:func:`arextract.ner.merge.merge_ensemble`.
"""

from __future__ import annotations

from collections.abc import Callable

from arextract.errors import BackendError
from arextract.ner import camel, stanza_ner
from arextract.ner.backends import ExternalNER, NerStage
from arextract.ner.builtin import builtin_stage, gazetteer_stage
from arextract.ner.merge import merge_ensemble
from arextract.resources import ModelPaths
from arextract.schema import Document, Entity, numbered


class EnsembleNER:
    """arextract's mentions (``base``: builtin, else gazetteer) merged with ``external``'s by ``merge``."""

    name = "ner"

    def __init__(
        self,
        base: NerStage,
        external: ExternalNER,
        *,
        merge: Callable[[list[Entity], list[Entity]], list[Entity]] = merge_ensemble,
        warning: str | None = None,
    ) -> None:
        self.base = base
        self.external = external
        self.merge = merge
        self.warning = warning
        self.version = f"ensemble({base.version}|{external.version})"

    def __call__(self, doc: Document) -> None:
        self.base(doc)
        if self.warning and self.warning not in doc.meta.warnings:
            doc.meta.warnings.append(self.warning)
        doc.entities = numbered(self.merge(doc.entities, self.external.mentions(doc)))


def _external(models: ModelPaths, name: str | None) -> ExternalNER:
    if name == "camel" or (name is None and camel.camel_installed() and camel.find_camel_model().path):
        return camel.camel_stage(models)
    if name == "stanza" or (
        name is None and stanza_ner.stanza_installed() and stanza_ner.find_stanza_model().path
    ):
        return stanza_ner.stanza_stage(models)
    raise BackendError(
        "the ensemble backend needs an external NER model and found none; install camel's: "
        f"{camel.INSTALL}; or stanza's: {stanza_ner.INSTALL}"
    )


def ensemble_stage(models: ModelPaths, external: str | None = None) -> EnsembleNER:
    """The ``ensemble`` backend: ``external`` (camel, stanza, or None for the first found)
    merged with ``builtin``, or with the gazetteer, and a warning, when the builtin model is
    unavailable."""
    other = _external(models, external)
    warning = None
    try:
        base: NerStage = builtin_stage(models)
    except Exception as error:  # a missing or unreadable model: fall back, say so
        base = gazetteer_stage(models)
        warning = (
            f"ensemble: the builtin NER model is unavailable ({error}); "
            f"the gazetteer was merged with {other.backend}"
        )
    return EnsembleNER(base, other, warning=warning)
