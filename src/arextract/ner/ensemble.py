"""The ``ensemble`` backend: arextract's NER merged with an external backend's.

``ensemble:camel`` and ``ensemble:stanza`` name the external backend; plain ``ensemble`` takes
camel when its model is found, else stanza when its models are, else raises a
:class:`~arextract.errors.BackendError` naming both install commands. The merge policy is
documented in :mod:`arextract.ner.backends`.
"""

from __future__ import annotations

from arextract.errors import BackendError
from arextract.ner.backends import BuiltinNER, ExternalNER, GazetteerNER
from arextract.schema import Document, Entity, EntityType, numbered

AGREEMENT_BONUS = 0.1
AGREEMENT_CEILING = 0.95
_AREXTRACT_ONLY = (EntityType.INITIATIVE, EntityType.EVENT)


def _external(kb_dir: str | None, name: str | None) -> ExternalNER:
    from arextract.ner import camel, stanza_ner

    if name == "camel" or (name is None and camel.camel_installed() and camel.find_camel_model().path):
        return camel.CamelNER(kb_dir)
    if name == "stanza" or (
        name is None and stanza_ner.stanza_installed() and stanza_ner.find_stanza_model().path
    ):
        return stanza_ner.StanzaNER(kb_dir)
    raise BackendError(
        "the ensemble backend needs an external NER model and found none; install camel's: "
        f"{camel.INSTALL}; or stanza's: {stanza_ner.INSTALL}"
    )


class EnsembleNER(GazetteerNER):
    """arextract's mentions (builtin, else gazetteer) merged with an external backend's."""

    def __init__(
        self,
        kb_dir: str | None = None,
        external: str | None = None,
        *,
        base: GazetteerNER | None = None,
        other: ExternalNER | None = None,
    ) -> None:
        super().__init__(kb_dir)
        self.external = other or _external(kb_dir, external)
        self.warning: str | None = None
        if base is None:
            try:
                base = BuiltinNER(kb_dir)
            except Exception as error:  # a missing or unreadable model: fall back, say so
                base = GazetteerNER(kb_dir)
                self.warning = (
                    f"ensemble: the builtin NER model is unavailable ({error}); "
                    f"the gazetteer was merged with {self.external.backend}"
                )
        self.base = base
        self.version = f"ensemble({self.base.version}|{self.external.version})"

    def __call__(self, doc: Document) -> None:
        self.base(doc)
        if self.warning and self.warning not in doc.meta.warnings:
            doc.meta.warnings.append(self.warning)
        doc.entities = numbered(merge(doc.entities, self.external.entities(doc)))


def merge(base: list[Entity], external: list[Entity]) -> list[Entity]:
    """The ensemble merge policy (see :mod:`arextract.ner.backends`)."""
    kept = list(base)
    for mention in sorted(external, key=lambda e: (e.start - e.end, e.start)):
        overlapping = [e for e in kept if e.start < mention.end and mention.start < e.end]
        if not overlapping:
            kept.append(mention)
            continue
        length = mention.end - mention.start
        contains_all = all(
            mention.start <= e.start and e.end <= mention.end and e.end - e.start < length
            for e in overlapping
        )
        if (
            contains_all
            and mention.type is EntityType.ORGANIZATION
            and not any(e.type in _AREXTRACT_ONLY for e in overlapping)
        ):
            kept = [e for e in kept if e not in overlapping] + [mention]
            continue
        for index, entity in enumerate(kept):
            if (
                entity.source == "model"
                and (entity.start, entity.end, entity.type) == (mention.start, mention.end, mention.type)
            ):
                best = max(entity.confidence, mention.confidence)
                confidence = min(AGREEMENT_CEILING, best + AGREEMENT_BONUS)
                kept[index] = entity.model_copy(update={"confidence": confidence})
    return kept
