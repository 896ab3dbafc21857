"""From a rule's filled slots to the document's relations: the argument lists, one relation
(its trigger span, evidence, modality, quote and date), and the final list without restated
or duplicate relations, numbered r1, r2, ..."""

from __future__ import annotations

import bisect
import re

from arextract.ner.gazetteer import surface_offset
from arextract.relations.dating import relation_date
from arextract.relations.lexicons import PATRONYMIC, FoldedLexicons
from arextract.relations.modality import modality, quote
from arextract.relations.rules import Slot
from arextract.relations.triggers import TriggerForm, TriggerMatch
from arextract.relations.view import DocumentView, Mention, SentenceView
from arextract.schema import Argument, Document, EntityType, Relation, RelationType, TextSpan
from arextract.text.normalize import fold

Arguments = list[tuple[str, Mention]]  # (role, mention)

_STATEMENT_NOUN_RULE = "statement-noun"
_VISIT_VERB_RULES = frozenset({"visit-verb", "visit-arrive", "visit-arrive-bare"})
_VISIT_NOUN_RULES = frozenset({"visit-noun", "visit-tour"})
_IN_RE = re.compile(r"(?:^|\s)(?:في|ب)\s?$")
_RESTATED_WITHIN = 120  # characters between a speech verb and the noun restating it
_LONGEST_TRIGGER = 200  # characters of a speech verb trigger, at most (for the search window)


def expand(filled: list[tuple[Slot, list[Mention]]]) -> list[Arguments]:
    """Argument lists: one per mention of the ``each`` slots of the first such slot's role
    ("حضر X بصحبة Y الحفل": one for X, one for Y), else one with everything."""
    each = [(slot, found) for slot, found in filled if slot.each and found]
    if not each:
        return [[(slot.role, m) for slot, found in filled for m in found]]
    role = each[0][0].role
    spread = [(slot, found) for slot, found in each if slot.role == role]
    shared = [
        (slot.role, m)
        for slot, found in filled
        if not any(slot is other for other, _ in spread)
        for m in found
    ]
    return [shared + [(role, mention)] for _, found in spread for mention in found]


def unique_arguments(arguments: Arguments) -> Arguments:
    """The arguments without a second mention of the same entity (nor of the same person by
    surname alone: "أوباما" beside "باراك أوباما", the linker having missed it)."""
    seen: set[str] = set()
    unique: Arguments = []
    for role, mention in arguments:
        key = mention.entity.kb_id or mention.entity.canonical
        if key in seen:
            continue
        seen.add(key)
        same = next(
            (
                i
                for i, (other_role, other) in enumerate(unique)
                if other_role == role and (_surname_of(mention, other) or _surname_of(other, mention))
            ),
            None,
        )
        if same is None:
            unique.append((role, mention))
        elif _surname_of(unique[same][1], mention):
            unique[same] = (role, mention)  # the full name, not the surname
    return unique


def _surname_of(one: Mention, other: Mention) -> bool:
    """Whether one person is named by a single word that is the last name of the other (not a
    father's name: "سلمان" is not "محمد بن سلمان")."""
    if one.type != EntityType.PERSON or other.type != EntityType.PERSON:
        return False
    short, full = fold(one.entity.canonical).split(), fold(other.entity.canonical).split()
    if len(short) != 1 or len(full) < 2 or short[0] != full[-1]:
        return False
    return full[-2] not in PATRONYMIC


def build_relation(
    words: FoldedLexicons,
    view: DocumentView,
    sentence: SentenceView,
    match: TriggerMatch,
    form: TriggerForm,
    arguments: Arguments,
) -> Relation:
    """The relation a rule gives with these arguments at a trigger."""
    doc = view.doc
    first = doc.tokens[match.first]
    # the trigger without its proclitics, so the span is the word itself
    trigger_start = first.start + surface_offset(first.text, match.offset)
    trigger_end = doc.tokens[match.last].end
    # an argument carried from an earlier sentence, by its last naming before the trigger
    arguments = [
        (role, view.namings.latest(m, trigger_start) if m.entity.end <= sentence.start else m)
        for role, m in arguments
    ]
    attributes: dict[str, object] = {}
    said = modality(words, view, sentence, match, form)
    if said != "asserted":
        attributes["modality"] = said
    starts = [trigger_start] + [m.entity.start for _, m in arguments]
    ends = [trigger_end] + [m.entity.end for _, m in arguments]
    # a time inside reported speech dates what is reported, not the saying of it; one in
    # an agreement's topic ("اتفقا على عقد اجتماع في جوان المقبل") dates the topic
    dated_until = sentence.end
    if form.rule.quote:
        reported = quote(words, view, sentence, match)
        if reported is not None:
            attributes["quote"] = reported.model_dump()
            ends.append(reported.end)
            dated_until = reported.start
    evidence_start, evidence_end = min(starts), max(ends)
    confidence = form.rule.confidence * min(m.entity.confidence for _, m in arguments)
    return Relation(
        id="",
        type=form.rule.type,
        arguments=[Argument(role=role, entity_id=m.entity.id, text=m.entity.text) for role, m in arguments],
        date=relation_date(view, sentence, match, form, trigger_start, dated_until),
        trigger=TextSpan(text=doc.text[trigger_start:trigger_end], start=trigger_start, end=trigger_end),
        evidence=TextSpan(text=doc.text[evidence_start:evidence_end], start=evidence_start, end=evidence_end),
        attributes={"rule": form.rule.id, **attributes},
        confidence=round(confidence, 3),
    )


def without_restated(relations: list[Relation], doc: Document) -> list[Relation]:
    """ "وأشار X في تصريح له إلى"، "وفي تصريحاته للصحافيين قال X": the noun names the
    statement its verb (just before or after it, in the same sentence) gives. The verbs are
    indexed by speaker and position, so each noun looks only at the verbs near it (looking at
    every verb of its speaker made a long article's statements quadratic)."""
    entities = {e.id: e for e in doc.entities}
    verbs: dict[str, list[tuple[int, int]]] = {}
    for relation in relations:
        speaker = entities.get(relation.arguments[0].entity_id) if relation.arguments else None
        if (
            speaker is not None
            and relation.type == RelationType.STATEMENT
            and relation.attributes.get("rule") != _STATEMENT_NOUN_RULE
        ):
            verbs.setdefault(speaker.canonical, []).append((relation.trigger.start, relation.trigger.end))
    if not verbs:
        return relations
    for spans in verbs.values():
        spans.sort()
    starts = {canonical: [start for start, _ in spans] for canonical, spans in verbs.items()}

    def restated(relation: Relation) -> bool:
        if relation.type != RelationType.STATEMENT or relation.attributes.get("rule") != _STATEMENT_NOUN_RULE:
            return False
        speaker = entities.get(relation.arguments[0].entity_id)
        if speaker is None or speaker.canonical not in verbs:
            return False
        start, end = relation.trigger.start, relation.trigger.end
        spans, span_starts = verbs[speaker.canonical], starts[speaker.canonical]
        # a verb ending within _RESTATED_WITHIN before the noun starts at most that much (and
        # its own length) before it; one after the noun starts within _RESTATED_WITHIN of its end
        low = bisect.bisect_left(span_starts, start - _RESTATED_WITHIN - _LONGEST_TRIGGER)
        high = bisect.bisect_right(span_starts, end + _RESTATED_WITHIN)
        # (a noun with words of its own, "وفي إشارة إلى أن ...، قال X", is a statement too)
        quoted = relation.attributes.get("quote")
        own_words = quoted["start"] if isinstance(quoted, dict) else len(doc.text)
        return any(
            _close(doc.text, verb_end, start)
            or (own_words > verb_start and _close(doc.text, end, verb_start))
            for verb_start, verb_end in spans[low:high]
        )

    return [relation for relation in relations if not restated(relation)]


def without_restated_visits(relations: list[Relation], doc: Document) -> list[Relation]:
    """ "وصل X أمس في زيارة رسمية إلى Y": the masdar after في names the visit its arrival verb
    (just before it, in the same clause run) already gives, with the same visitor and place."""
    verbs = [
        r for r in relations if r.type == RelationType.VISIT and r.attributes.get("rule") in _VISIT_VERB_RULES
    ]
    if not verbs:
        return relations
    canonical = {e.id: e.canonical for e in doc.entities}

    def names(relation: Relation) -> frozenset[str | None]:
        return frozenset(canonical.get(a.entity_id) for a in relation.arguments)

    def restated(relation: Relation) -> bool:
        if relation.type != RelationType.VISIT or relation.attributes.get("rule") not in _VISIT_NOUN_RULES:
            return False
        start = relation.trigger.start
        if not (_IN_RE.search(doc.text[max(0, start - 4) : start]) or relation.trigger.text.startswith("ب")):
            return False
        return any(
            names(verb) == names(relation)
            and _close(doc.text, verb.trigger.end, start)
            and "،" not in doc.text[verb.trigger.end : start]
            for verb in verbs
        )

    return [relation for relation in relations if not restated(relation)]


def _close(text: str, end: int, start: int) -> bool:
    """Whether a trigger ending at ``end`` comes shortly before one starting at ``start``, in the
    same sentence."""
    return end <= start and start - end < _RESTATED_WITHIN and "." not in text[end:start]


def joined(relations: list[Relation], joining: dict[str, int]) -> list[Relation]:
    """ "وحضر اللقاء X": the arguments of a ``joins_previous`` rule's relation join the last
    relation of its type before it (at most the rule's ``joins_within`` characters after its
    evidence, given by rule id in ``joining``); alone, it is dropped."""
    if not joining:
        return relations
    out: list[Relation] = []
    for relation in sorted(relations, key=lambda r: r.trigger.start):
        rule = relation.attributes.get("rule")
        if rule not in joining:
            out.append(relation)
            continue
        within = joining[str(rule)]
        for position in range(len(out) - 1, -1, -1):
            earlier = out[position]
            if earlier.type != relation.type:
                continue
            # (from the end of what told it: "اجتماعا مع Y شارك فيه X" follows Y closely)
            if relation.trigger.start - max(earlier.trigger.end, earlier.evidence.end) <= within:
                ids = {a.entity_id for a in earlier.arguments}
                extra = [a for a in relation.arguments if a.entity_id not in ids]
                out[position] = earlier.model_copy(update={"arguments": [*earlier.arguments, *extra]})
            break
    return out


def dedupe(
    relations: list[Relation], restating: set[str] | None = None, names: dict[str, str] | None = None
) -> list[Relation]:
    """The relations in text order without repeats: the same type, trigger and arguments; or,
    for a rule that ``restates``, the same type and arguments as an earlier one."""
    seen: set[tuple[object, ...]] = set()
    reported: set[tuple[object, ...]] = set()  # (type, arguments) already stated
    unique = []
    for relation in sorted(relations, key=lambda r: (r.evidence.start, r.trigger.start, r.type.value)):
        key = _relation_key(relation)
        if key in seen:
            continue
        tuple_key = (
            relation.type,
            frozenset((names or {}).get(a.entity_id, a.entity_id) for a in relation.arguments),
        )
        if restating and relation.attributes.get("rule") in restating and tuple_key in reported:
            continue  # "وبحث مشعل أيضا مع لافروف": the meeting already reported
        seen.add(key)
        reported.add(tuple_key)
        unique.append(relation)
    return unique


def number(relations: list[Relation]) -> list[Relation]:
    """The relations with their ids: r1, r2, ..."""
    return [relation.model_copy(update={"id": f"r{index}"}) for index, relation in enumerate(relations, 1)]


def _relation_key(relation: Relation) -> tuple[object, ...]:
    return (
        relation.type,
        relation.trigger.start,
        tuple(sorted((a.role, a.entity_id) for a in relation.arguments)),
    )
