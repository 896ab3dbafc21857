"""The mentions the name grammar makes, and their boundaries moved.

Every proposal has the source ``GRAMMAR`` and the confidence ``GRAMMAR_CONFIDENCE``: a person
after an honorific chain (``معالي الأستاذ عادل بن أحمد الجبير``), an institution (``وزارة
الشؤون البلدية والقروية``), an outlet (``صحيفة الوئام``, subtype ``MEDIA``).
"""

from __future__ import annotations

from arextract.ner.gazetteer import span_entity
from arextract.schema import Entity, EntitySource, EntityType
from arextract.text.normalize import display

# The confidence of every mention the grammar proposes.
GRAMMAR_CONFIDENCE = 0.7

MEDIA = "media"  # the subtype of a news outlet: cited as a source, never a speaker
# The subtype of a governor's office named by its region (إمارة منطقة مكة المكرمة): a name of its
# own, while the relations take the region inside it (وكيل إمارة منطقة X is X's, GUIDELINES §5).
PLACE_NAMED = "place_named"

# Mention types that are places inside a name (صندوق أبوظبي للتنمية، مجلس محافظة بغداد).
PLACES = frozenset([EntityType.CITY, EntityType.REGION])


def organization(text: str, start: int, end: int, subtype: str | None = None) -> Entity:
    return span_entity(
        text,
        start,
        end,
        EntityType.ORGANIZATION,
        source=EntitySource.GRAMMAR,
        confidence=GRAMMAR_CONFIDENCE,
        subtype=subtype,
    )


def with_start(text: str, entity: Entity, start: int) -> Entity:
    surface = text[start : entity.end]
    return entity.model_copy(update={"start": start, "text": surface, "canonical": display(surface)})


def with_end(text: str, entity: Entity, end: int) -> Entity:
    """``entity`` ending at ``end`` instead (its surface and canonical name follow)."""
    surface = text[entity.start : end]
    return entity.model_copy(update={"end": end, "text": surface, "canonical": display(surface)})


def person(text: str, start: int, end: int) -> Entity:
    return span_entity(
        text, start, end, EntityType.PERSON, source=EntitySource.GRAMMAR, confidence=GRAMMAR_CONFIDENCE
    )
