"""How the mentions of several NER sources combine: three plain functions, one per policy.

* :func:`merge_model_and_gazetteer` (the ``builtin`` backend, one sentence at a time): a mention
  found by both keeps the gazetteer's type and link when the spans are equal or the
  gazetteer's is longer; a longer model span wins over the gazetteer names inside it
  (``جامعة بكين`` is an organisation, not the city); model mentions the gazetteer does not
  know are kept with their own type.
* :func:`keep_longest` (the ``camel`` and ``stanza`` backends): an external model's mentions,
  once typed and refined (:class:`arextract.ner.backends.ExternalNER`), never overlap: the
  longest wins.
* :func:`merge_ensemble` (the ``ensemble`` backends): arextract's mentions (``builtin``: model
  + gazetteer; the gazetteer alone, with a warning in ``meta.warnings``, when the builtin model
  is unavailable) are the base, and each external mention, longest first, is

  1. added when it overlaps no kept mention;
  2. dropped when it equals, lies inside or crosses a kept mention; when it has the same span
     and type as a builtin *model* mention, that mention's confidence rises (two models agree);
  3. kept instead of the mentions it strictly contains only when it is an ORGANIZATION and
     none of them is an INITIATIVE or EVENT (``جامعة بكين`` over the city), mirroring the
     builtin policy; otherwise the contained arextract mentions win.

  So INITIATIVE and EVENT mentions always come from arextract (its knowledge files or its
  model), and every type is arextract's.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise

from arextract.schema import Entity, EntitySource, EntityType

AGREEMENT_BONUS = 0.1
AGREEMENT_CEILING = 0.95
_AREXTRACT_ONLY = (EntityType.INITIATIVE, EntityType.EVENT)


def merge_model_and_gazetteer(named: list[Entity], model: list[Entity]) -> list[Entity]:
    """The ``builtin`` merge of one sentence: a model mention replaces the gazetteer names it
    overlaps when it is longer than each of them (جامعة بكين over بكين), else it is dropped.

    Returns the surviving gazetteer names in their order, then the kept model mentions in
    theirs. The gazetteer's names of a sentence do not overlap one another and come in text
    order, and so do the model's; so the names a model mention overlaps are found by bisecting
    the names' starts, at most ``longest name`` back: O((n + m) log n) for n names and m model
    mentions, where scanning every name for every mention made a 100,000-character sentence of
    "الصين وروسيا ومصر والأردن" quadratic.
    """
    starts = [entity.start for entity in named]
    longest = max((entity.end - entity.start for entity in named), default=0)
    removed = [False] * len(named)
    kept: list[Entity] = []
    for entity in model:
        low = bisect_left(starts, entity.start - longest)
        high = bisect_left(starts, entity.end)
        overlapping = [
            index for index in range(low, high) if not removed[index] and entity.start < named[index].end
        ]
        if _tiled(entity, [named[i] for i in overlapping]):
            continue  # الاتحاد الأوروبي + فيديريكا موغيريني read as one name: the known names win
        if all(entity.end - entity.start > named[i].end - named[i].start for i in overlapping):
            for index in overlapping:
                removed[index] = True
            kept.append(entity)
    return [entity for index, entity in enumerate(named) if not removed[index]] + kept


def _tiled(entity: Entity, names: list[Entity]) -> bool:
    """Whether two known names or more of different types, one a person, cover a model mention
    end to end (but for the spaces between them): the tagger ran two names together."""
    if len(names) < 2 or len({name.type for name in names}) < 2:
        return False
    if not any(name.type is EntityType.PERSON for name in names) or any(n.subtype == "nisba" for n in names):
        return False  # وزارة الخارجية + الكينية is one name: a nisba is an adjective of it
    if names[0].start > entity.start or names[-1].end < entity.end:
        return False
    return all(0 <= b.start - a.end <= 1 for a, b in pairwise(names))


def keep_longest(mentions: list[Entity]) -> list[Entity]:
    """Non-overlapping mentions, the longest kept first (the earlier at equal length), in text
    order. O(n log n): only the kept spans next to a mention can overlap it."""
    kept: list[Entity] = []
    spans: list[tuple[int, int]] = []  # the kept spans, sorted; they never overlap
    for entity in sorted(mentions, key=lambda e: (e.start - e.end, e.start)):  # longest first
        at = bisect_left(spans, (entity.start, entity.end))
        if (at and spans[at - 1][1] > entity.start) or (at < len(spans) and spans[at][0] < entity.end):
            continue
        spans.insert(at, (entity.start, entity.end))
        kept.append(entity)
    return sorted(kept, key=lambda e: e.start)


def merge_ensemble(base: list[Entity], external: list[Entity]) -> list[Entity]:
    """The ensemble vote: arextract's mentions ``base`` with an external model's (module docstring)."""
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
            if entity.source == EntitySource.MODEL and (entity.start, entity.end, entity.type) == (
                mention.start,
                mention.end,
                mention.type,
            ):
                best = max(entity.confidence, mention.confidence)
                confidence = min(AGREEMENT_CEILING, best + AGREEMENT_BONUS)
                kept[index] = entity.model_copy(update={"confidence": confidence})
    return kept
