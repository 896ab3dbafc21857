"""Event coreference: a bare definite head (``المؤتمر``, ``القمة``) refers back to the last event
named with that head earlier in the document, or with a head of the same group (``الاحتفال``
after ``حفل تخريج الدفعة الأولى``). The phrase stage (:mod:`arextract.phrases`) reads the names
and asks here which one a bare head means; the mention it then adds takes that name's canonical.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from arextract.schema import Entity
from arextract.text.normalize import fold

_ARTICLE = "ال"


def head_groups(groups: Iterable[Sequence[str]]) -> dict[str, str]:
    """Each head of a group of heads that name the same kind of event (the rule file's
    ``event_head_groups``), folded and without its article -> the group's first head."""
    return {
        fold(word).removeprefix(_ARTICLE): fold(group[0]).removeprefix(_ARTICLE)
        for group in groups
        for word in group
    }


class EventAntecedents:
    """The named events a later bare head may refer to, for one document and one kind of name
    (events and initiatives are kept apart): the last name given under each head."""

    def __init__(self, groups: dict[str, str]) -> None:
        self._groups = groups
        self._named: dict[str, Entity] = {}

    def _base(self, stem: str) -> str:
        bare = stem.removeprefix(_ARTICLE)
        return self._groups.get(bare, bare)

    def name(self, stem: str, event: Entity, inner: Iterable[tuple[str, Entity]] = ()) -> None:
        """Remember ``event``, named with the head ``stem``. ``inner`` are the names inside it, as
        (head, name) pairs: "الجلسة العامة لقمة مجموعة بريكس" also names the summit a later
        "القمة" refers to, unless a summit was named before."""
        self._named[self._base(stem)] = event
        for inner_stem, inner_event in inner:
            self._named.setdefault(self._base(inner_stem), inner_event)

    def antecedent(self, stem: str) -> Entity | None:
        """The named event the head ``stem`` refers back to: only a definite head does
        (``المؤتمر``; an indefinite ``مؤتمر`` opens a new one)."""
        if not stem.startswith(_ARTICLE):
            return None
        return self._named.get(self._base(stem))
