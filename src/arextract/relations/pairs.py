"""Who the parties of a relation are, once its arguments are found.

One visit per visitor: "وصل الوفد الكويتي برئاسة X، والوفد القطري برئاسة Y إلى الرياض" is X's
visit and Y's (GUIDELINES §4: a VISIT has one visitor and one destination).

The two people a dual stands for: "وكان الوزيران التقيا في قطر" after "سيزور الوزير X موسكو
لمناقشة ... مع نظيره Y" met as X and Y, not as the two countries the linker reads in the dual
(GUIDELINES §2: the leaders' countries are the parties only when the leaders are never named)."""

from __future__ import annotations

from arextract.schema import Argument, Document, Entity, EntityType, Relation, RelationType, TextSpan
from arextract.text.clitics import clitic_readings
from arextract.text.normalize import fold

# the relations every doer takes part in: the parties of a meeting or a call
JOINT_TYPES = frozenset({RelationType.MEETING, RelationType.PHONE_CALL})
# the two ministers / presidents / leaders / sides of the meeting told before
_PERSON_DUALS = frozenset(
    fold(word)
    for word in (
        "الوزيران", "الوزيرين", "الرئيسان", "الرئيسين", "الزعيمان", "الزعيمين", "الجانبان",
        "الجانبين", "الطرفان", "الطرفين", "المسؤولان", "المسؤولين",
    )
)  # fmt: skip
_REACH = 600  # characters back from the trigger in which the pair was named
_GUEST_REACH = 200  # characters from a meeting's trigger to the guest's visit it tells


def _dual(text: str) -> bool:
    return any(reading.stem in _PERSON_DUALS for reading in clitic_readings(fold(text)))


def persons_for_duals(doc: Document, relations: list[Relation]) -> list[Relation]:
    """Meetings and calls whose parties came from a dual word: the two people of the last
    meeting or call of two people told shortly before, if there is one."""
    entities = {entity.id: entity for entity in doc.entities}
    out: list[Relation] = []
    pair: tuple[Relation, list[Argument]] | None = None  # the last two-person meeting or call
    for relation in sorted(relations, key=lambda r: r.trigger.start):
        if relation.type not in JOINT_TYPES:
            out.append(relation)
            continue
        dual = [
            a for a in relation.arguments if a.entity_id in entities and _dual(entities[a.entity_id].text)
        ]
        if dual and pair is not None and relation.trigger.start - pair[0].trigger.end <= _REACH:
            kept = [a for a in relation.arguments if a not in dual]
            arguments = _unique([*pair[1], *kept], entities)
            relation = relation.model_copy(
                update={"arguments": arguments, "evidence": _covering(doc, relation, arguments, entities)}
            )
        out.append(relation)
        persons = [
            a
            for a in relation.arguments
            if a.entity_id in entities and entities[a.entity_id].type == EntityType.PERSON
        ]
        if len(persons) == 2 and len({entities[a.entity_id].canonical for a in persons}) == 2:
            pair = (relation, persons)
    return out


def _covering(
    doc: Document, relation: Relation, arguments: list[Argument], entities: dict[str, Entity]
) -> TextSpan:
    """The relation's evidence widened over its new arguments (the pair named before it)."""
    start = min([relation.evidence.start, *(entities[a.entity_id].start for a in arguments)])
    end = max([relation.evidence.end, *(entities[a.entity_id].end for a in arguments)])
    return TextSpan(text=doc.text[start:end], start=start, end=end)


def _unique(arguments: list[Argument], entities: dict[str, Entity]) -> list[Argument]:
    seen: set[str] = set()
    out = []
    for argument in arguments:
        name = entities[argument.entity_id].kb_id or entities[argument.entity_id].canonical
        if name not in seen:
            seen.add(name)
            out.append(argument)
    return out


def one_visitor_each(relations: list[Relation]) -> list[Relation]:
    """A VISIT of several visitors as one VISIT per visitor (in their order)."""
    out: list[Relation] = []
    for relation in relations:
        visitors = [a for a in relation.arguments if a.role == "visitor"]
        if relation.type != RelationType.VISIT or len(visitors) < 2:
            out.append(relation)
            continue
        others = [a for a in relation.arguments if a.role != "visitor"]
        out.extend(relation.model_copy(update={"arguments": [visitor, *others]}) for visitor in visitors)
    return out


def not_home(doc: Document, relations: list[Relation], homes: dict[str, str]) -> list[Relation]:
    """No known leader visits his own country: in "استقبل الرئيس المصري X الوزير Y في ختام زيارته
    لمصر" the visit is the guest's, the one he met just before; with no such guest, no visit
    (``homes``: a known person's canonical name -> his country's; tours of his own regions and
    cities stay)."""
    entities = {entity.id: entity for entity in doc.entities}
    out: list[Relation] = []
    for relation in relations:
        named = {a.role: entities.get(a.entity_id) for a in relation.arguments}
        visitor, destination = named.get("visitor"), named.get("destination")
        if (
            relation.type != RelationType.VISIT
            or visitor is None
            or destination is None
            or destination.type != EntityType.COUNTRY
            or homes.get(visitor.canonical) != destination.canonical
        ):
            out.append(relation)
            continue
        guest = _guest(relations, relation, visitor, entities)
        if guest is not None:
            arguments = [guest if a.role == "visitor" else a for a in relation.arguments]
            out.append(relation.model_copy(update={"arguments": arguments}))
    return out


def _guest(
    relations: list[Relation], visit: Relation, host: Entity, entities: dict[str, Entity]
) -> Argument | None:
    """The one person the host met in a meeting told just before the visit's trigger."""
    for meeting in relations:
        if (
            meeting.type != RelationType.MEETING
            or not 0 <= visit.trigger.start - meeting.trigger.end <= _GUEST_REACH
        ):
            continue
        people = [a for a in meeting.arguments if a.entity_id in entities]
        if host.canonical not in {entities[a.entity_id].canonical for a in people}:
            continue
        others = [
            a
            for a in people
            if entities[a.entity_id].canonical != host.canonical
            and entities[a.entity_id].type == EntityType.PERSON
        ]
        if len(others) == 1:
            return Argument(role="visitor", entity_id=others[0].entity_id, text=others[0].text)
    return None
