"""How the mentions of several NER sources combine: three plain functions, one per policy.

* :func:`merge_model_and_gazetteer` (the ``builtin`` backend, one sentence at a time): a mention
  found by both keeps the gazetteer's type and link when the spans are equal or the
  gazetteer's is longer; a longer model span wins over the gazetteer names inside it
  (``جامعة بكين`` is an organisation, not the city); model mentions the gazetteer does not
  know are kept with their own type. Two exceptions, where the tagger reads the context and
  the knowledge file cannot:

  1. *The span is the name, the link is the knowledge file's.* When the tagger's mention of
     the same kind (place, organisation, person) lies inside one gazetteer name, at its start
     or its end, and what the file adds is a head noun, a title or an epithet around a name
     it also knows (``إقليم دارفور``, ``قطاع غزة``, ``وكالة فرانس برس``, ``حزب الله
     اللبناني``), the mention spans the tagger's words and
     keeps the gazetteer's type, canonical name, aliases and link (``دارفور`` -> canonical
     ``دارفور``, ``غزة`` in ``قطاع غزة`` -> the Gaza Strip). A person's name leaves out a
     form of address (``الشيخ تميم بن حمد آل ثاني`` -> ``تميم بن حمد آل ثاني``) but keeps a
     title the relation stage reads as the office (``الملك عبد الله الثاني``), and a state's
     official name keeps its head noun (``مملكة البحرين``, ``دولة الكويت``: the name, not a
     description).
  2. *A place's name used for a club or a paper.* On equal spans, a tagger ORGANIZATION wins
     over a gazetteer CITY, REGION or COUNTRY (``برشلونة``, ``ميلان``, ``وموناكو الفرنسي``,
     ``الشرق الأوسط`` the paper): the mention is the tagger's, unlinked. The tagger reads a
     capital speaking for its state as the city (``وقالت موسكو``: CITY, which the relation
     stage turns into the country, :mod:`arextract.relations.capitals`), so this does not
     take those.
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
from collections.abc import Callable
from itertools import pairwise

from arextract.ner.gazetteer import COMPASS_WORDS
from arextract.schema import Entity, EntitySource, EntityType
from arextract.text.normalize import display, fold

AGREEMENT_BONUS = 0.1
AGREEMENT_CEILING = 0.95
_AREXTRACT_ONLY = (EntityType.INITIATIVE, EntityType.EVENT)

# The kinds a tagger mention and a gazetteer name must share for the name's link to go to the
# tagger's span (``غزة`` CITY inside ``قطاع غزة`` REGION: both places).
_KIND = {
    EntityType.COUNTRY: "place",
    EntityType.CITY: "place",
    EntityType.REGION: "place",
    EntityType.ORGANIZATION: "organization",
    EntityType.PERSON: "person",
}

# The most words a gazetteer name may add around the tagger's span for the span to win
# (``الشيخ`` / ``قطاع`` / ``اللبناني``; ``مجلس الأمن التابع`` before الأمم المتحدة is a name).
MAX_ADDED_WORDS = 2

# Forms of address before a person's name that the tagger leaves out and the relation stage
# reads as such, not as an office (its ``honorific_titles``): الشيخ تميم بن حمد آل ثاني.
FORMS_OF_ADDRESS = frozenset(fold(word) for word in ("الأمير", "الأميرة", "الشيخ", "الشيخة"))

# Whether folded text names a known entity of the same kind as an entity type (a knowledge-file
# question the merge asks about the tagger's span).
KnownName = Callable[[str, EntityType], bool]


def merge_model_and_gazetteer(
    named: list[Entity], model: list[Entity], known: KnownName | None = None
) -> list[Entity]:
    """The ``builtin`` merge of one sentence: a model mention replaces the gazetteer names it
    overlaps when it is longer than each of them (جامعة بكين over بكين), else it is dropped,
    but for the two exceptions of the module docstring (``known`` answers whether the tagger's
    span is itself a known name of its kind; without it, only the name's own aliases count).

    Returns the surviving gazetteer names in their order, then the kept model mentions in
    theirs. The gazetteer's names of a sentence do not overlap one another and come in text
    order, and so do the model's; so the names a model mention overlaps are found by bisecting
    the names' starts, at most ``longest name`` back: O((n + m) log n) for n names and m model
    mentions, where scanning every name for every mention made a 100,000-character sentence of
    "الصين وروسيا ومصر والأردن" quadratic.
    """
    named, model = _joined_middle_names(list(named), model)
    starts = [entity.start for entity in named]
    longest = max((entity.end - entity.start for entity in named), default=0)
    removed = [False] * len(named)
    kept: list[Entity] = []
    for entity in model:
        low = bisect_left(starts, entity.start - longest)
        high = bisect_left(starts, entity.end)
        overlapping = [
            index
            for index in range(low, high)
            if not removed[index] and entity.start < named[index].end and named[index].start < entity.end
        ]
        if _tiled(entity, [named[i] for i in overlapping]):
            continue  # الاتحاد الأوروبي + فيديريكا موغيريني read as one name: the known names win
        if _place_run_into_name(entity, [named[i] for i in overlapping]):
            continue  # ولاية قسنطينة + رابح بوزيد read as one city: the known place wins
        if _described(entity, [named[i] for i in overlapping]):
            index = overlapping[0]  # سبوتنيك + الروسية: a known organisation and its nationality
            if named[index].start < entity.start:  # وكالة سبوتنيك: the tagger's span, the file's link
                listed = named[index]
                named[index] = _narrowed(
                    listed,
                    listed.model_copy(
                        update={"start": entity.start, "text": listed.text[entity.start - listed.start :]}
                    ),
                )
            continue
        entity = _without_site(entity, [named[i] for i in overlapping])
        overlapping = [i for i in overlapping if named[i].start < entity.end]
        if len(overlapping) == 1:
            index = overlapping[0]
            if _name_inside(entity, named[index], known):
                named[index] = _narrowed(named[index], entity)
                continue
            if _club_or_paper(entity, named[index]):
                removed[index] = True
                kept.append(entity)
                continue
        if all(entity.end - entity.start > named[i].end - named[i].start for i in overlapping):
            for index in overlapping:
                removed[index] = True
            kept.append(entity)
    return [entity for index, entity in enumerate(named) if not removed[index]] + kept


def _joined_middle_names(named: list[Entity], model: list[Entity]) -> tuple[list[Entity], list[Entity]]:
    """A tagger's person right before a known person's family name alone, both opening with
    the same given name (``خالد محفوظ`` + ``بحاح`` of ``خالد بحاح``): one person named with a
    middle name the knowledge file leaves out, so one mention over both, linked to the known
    person, its full form an alias (never two people, nor a meeting between them)."""
    used: set[int] = set()
    for index, name in enumerate(named):
        words = fold(name.canonical).split()
        if name.type is not EntityType.PERSON or len(words) < 2 or fold(name.text) != words[-1]:
            continue
        before = next(
            (
                k
                for k, e in enumerate(model)
                if k not in used
                and e.type is EntityType.PERSON
                and name.start - e.end == 1
                and fold(e.text).split()[:1] == words[:1]
            ),
            None,
        )
        if before is None:
            continue
        used.add(before)
        person = model[before]
        text = person.text + " " + name.text
        aliases = [*name.aliases, text] if text not in name.aliases else name.aliases
        named[index] = name.model_copy(update={"start": person.start, "text": text, "aliases": aliases})
    return named, [e for k, e in enumerate(model) if k not in used]


def _name_inside(entity: Entity, name: Entity, known: KnownName | None) -> bool:
    """Whether the tagger's ``entity`` is the name inside the gazetteer's longer ``name``, at
    its start or end, of the same kind, with at most :data:`MAX_ADDED_WORDS` words added, and
    is itself a name of that entry or (``known``) of another entry of its kind."""
    kind = _KIND.get(entity.type)
    if kind is None or _KIND.get(name.type) != kind or name.subtype == "nisba":
        return False
    if name.type is EntityType.COUNTRY:
        return False  # مملكة البحرين، دولة الكويت: a state's official name, head noun and all
    if not (name.start <= entity.start and entity.end <= name.end) or (entity.start, entity.end) == (
        name.start,
        name.end,
    ):
        return False
    if entity.start != name.start and entity.end != name.end:
        return False  # مفوضية الأمم المتحدة لشؤون اللاجئين: a name around another
    before = name.text[: entity.start - name.start].split()
    added = before + name.text[entity.end - name.start :].split()
    if len(added) > MAX_ADDED_WORDS:
        return False
    if any(fold(word) in COMPASS_WORDS for word in before):
        return False  # جنوب سيناء، شرق آسيا: a compass word opens a place's name (not a head noun)
    added_words = f" {fold(' '.join(added))} "
    if any(f" {fold(alias)} " in added_words for alias in (name.canonical, *name.aliases) if alias):
        return False  # إقليم كردستان العراق: the name is in the added words, not the tagger's span
    if name.type is EntityType.PERSON and not (before and all(fold(w) in FORMS_OF_ADDRESS for w in added)):
        # الملك عبد الله الثاني: a title the relation stage reads as the office (العاهل الأردني
        # الملك ...); only a form of address before a known person's name leaves the span
        return False
    folded = fold(entity.text)
    if folded in {fold(alias) for alias in name.aliases}:
        return True
    return known is not None and known(folded, entity.type)


def _narrowed(name: Entity, entity: Entity) -> Entity:
    """The gazetteer's ``name`` over the tagger's span: the words are the tagger's, the type,
    canonical name, aliases and link the knowledge file's."""
    return name.model_copy(update={"start": entity.start, "end": entity.end, "text": entity.text})


def _club_or_paper(entity: Entity, name: Entity) -> bool:
    """A tagger ORGANIZATION on exactly a gazetteer place."""
    return (
        entity.type is EntityType.ORGANIZATION
        and name.type in (EntityType.CITY, EntityType.REGION, EntityType.COUNTRY)
        and (entity.start, entity.end) == (name.start, name.end)
    )


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


PLACE_TYPES = (EntityType.CITY, EntityType.REGION, EntityType.COUNTRY)


def _place_run_into_name(entity: Entity, names: list[Entity]) -> bool:
    """A tagger's place that is a known place and indefinite words after it (``مدير
    الثقافة في ولاية قسنطينة رابح بوزيد``): the tagger ran the place into the name of the one
    whose title it completes. A definite word (``القدس الشرقية``) or a coordinated one (``سانت
    فنسنت وجزر غرينادين``) may belong to the place's own name, and is left to the tagger."""
    if entity.type not in PLACE_TYPES or len(names) != 1:
        return False
    (place,) = names
    if place.type not in PLACE_TYPES or place.start != entity.start or place.end >= entity.end:
        return False
    added = entity.text[place.end - entity.start :].split()
    return bool(added) and all(word.isalpha() and not word.startswith(("ال", "و")) for word in added)


def _described(entity: Entity, names: list[Entity]) -> bool:
    """A tagger's organisation that is a known organisation (or its end: ``سبوتنيك`` of ``وكالة
    سبوتنيك``) and a nisba after it (``سبوتنيك الروسية``): the nisba describes the known name, it
    is no part of it."""
    if entity.type is not EntityType.ORGANIZATION or len(names) != 2:
        return False
    known, nisba = names
    return (
        known.type is EntityType.ORGANIZATION
        and nisba.subtype == "nisba"
        and known.start <= entity.start < known.end
        and nisba.end == entity.end
        and 0 <= nisba.start - known.end <= 1
    )


def _without_site(entity: Entity, names: list[Entity]) -> Entity:
    """A tagger's organisation of two words or more ending in ب + a known place (``الملك سعود
    بعنيزة``، ``مستشفى الولادة بالرياض``) ends before it: the place says where the body is."""
    if entity.type is not EntityType.ORGANIZATION or not names:
        return entity
    place = names[-1]
    if place.type not in (EntityType.CITY, EntityType.REGION) or place.end != entity.end:
        return entity
    offset = place.start - entity.start
    glued = entity.text[offset - 1 : offset] if offset >= 2 else ""
    if glued != "ب" or not entity.text[offset - 2].isspace():
        return entity
    head = entity.text[: offset - 2].rstrip()
    if len(head.split()) < 2:
        return entity
    return entity.model_copy(
        update={"end": entity.start + len(head), "text": head, "canonical": display(head)}
    )


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
