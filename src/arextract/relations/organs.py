"""A state organ named by its bare noun and a country's nisba inside an office's title: in
"المتحدث باسم الخارجية الأمريكية X" the knowledge files know "الخارجية الأمريكية" as the State
Department, but the words name the office and its state, and the nisba closing a title is its
affiliation (GUIDELINES §4), as in "وزير الخارجية الأمريكي". The organ stays a mention of the
body (it is named in the article); its nisba becomes a mention of the country too, which the
title grammar then prefers as the affiliation. An organ named with its head noun ("باسم وزارة
الخارجية المصرية") or on its own ("وقالت الخارجية الأمريكية") keeps the body."""

from __future__ import annotations

from bisect import bisect_left

from arextract.kb import KBEntry
from arextract.relations.capitals import country_named
from arextract.relations.lexicons import FoldedLexicons, listed
from arextract.relations.view import DocumentView, Mention, SentenceView
from arextract.schema import Document, Entity, EntitySource, EntityType
from arextract.text.normalize import fold

# The organs of every state that news names by a bare definite noun and the state's nisba.
# (Not "الرئاسة": the gold parts differ on "المتحدث باسم الرئاسة المصرية", the body or the state.)
_ORGANS = frozenset(fold(word) for word in ("الخارجية", "الداخلية", "الحكومة", "البرلمان"))

# "المتحدث باسم | الخارجية الأمريكية": the word joining a spokesman's title to what he speaks for.
_ON_BEHALF = fold("باسم")

_ARTICLE = fold("ال")
_PLACES = (EntityType.CITY, EntityType.REGION)
_UNITS = frozenset(fold(word) for word in ("منطقة", "محافظة", "مدينة"))

_NISBA = "nisba"
_COUNTRY_CONFIDENCE = 0.8


def organ_states(doc: Document, nisbas: dict[str, KBEntry], words: FoldedLexicons) -> list[Entity]:
    """The country of each two-word organ mention ("الخارجية الأمريكية") right after a title's
    head or "باسم", as a mention of its nisba (see the module docstring)."""
    tokens = doc.tokens
    starts = [token.start for token in tokens]
    taken = {(e.start, e.end) for e in doc.entities}
    found: list[Entity] = []
    for entity in doc.entities:
        if entity.type != EntityType.ORGANIZATION:
            continue
        first = bisect_left(starts, entity.start)
        last = first + 1
        if (
            first == 0
            or last >= len(tokens)
            or tokens[first].start != entity.start
            or tokens[last].end != entity.end
            or tokens[first].norm not in _ORGANS
        ):
            continue
        before = tokens[first - 1].norm
        if before != _ON_BEHALF and not listed(before, words.title_heads):
            continue
        state = nisbas.get(tokens[last].norm)
        nisba = tokens[last]
        if state is None or (nisba.start, nisba.end) in taken:
            continue
        known = country_named(doc, state.kb_id or "")
        found.append(
            Entity(
                id="",
                type=EntityType.COUNTRY,
                subtype=_NISBA,
                text=nisba.text,
                start=nisba.start,
                end=nisba.end,
                canonical=known.canonical if known is not None else state.canonical,
                kb_id=state.kb_id,
                name_en=known.name_en if known is not None else None,
                confidence=_COUNTRY_CONFIDENCE,
                source=EntitySource.RULE,
            )
        )
    return found


def organ_state(sentence: SentenceView, body: Mention) -> Mention | None:
    """The state whose nisba closes an organ's mention (a mention nested in the body's, made
    by :func:`organ_states`): the affiliation of a title naming the organ."""
    return next(
        (
            m
            for m in sentence.mentions_from(body.last, body.last + 1)
            if m.type == EntityType.COUNTRY and m.is_nisba and m.first == m.last == body.last > body.first
        ),
        None,
    )


def service_place(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, body: Mention
) -> Mention | None:
    """The city or region closing the name of a public service every place has ("تعليم جازان"،
    "جوازات الباحة"، "الإدارة العامة للدفاع المدني بمحافظة جدة"): the office is that place's
    (GUIDELINES §5); an institution with a name of its own ("جامعة جازان") keeps its name."""
    name = fold(body.entity.text).split()
    if len(name) < 2 or name[0].removeprefix(_ARTICLE) not in words.regional_services:
        return None
    nested = next(
        (
            m
            for m in sentence.mentions_from(body.first + 1, body.last + 1)
            if m.type in _PLACES and m.last == body.last
        ),
        None,
    )
    unit = next((at for at in range(1, len(name) - 1) if name[at] in _UNITS), None)
    if nested is not None or unit is None:
        return nested
    # "شرطة منطقة الباحة"، "شرطة منطقة مكة المكرمة" read as one name: the region the story
    # names elsewhere
    tail = {" ".join(name[unit + 1 :]), " ".join(name[unit:])}
    place = next(
        (
            e
            for e in view.doc.entities
            if e.type in _PLACES and (fold(e.canonical) in tail or fold(e.text) in tail)
        ),
        None,
    )
    if place is None:
        return None
    return Mention(place, view.token_index(place.start), view.token_index(place.end - 1))
