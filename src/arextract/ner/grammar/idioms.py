"""Idioms whose first word is spelled as a place's name but names none: ``مسقط رأسه`` (his
birthplace, not Muscat) in "عاد إلى مسقط رأسه" or "في مسقط رأس الشاعر". A place mention of
that word right before the idiom's second word is dropped; the check reads one token after each
place mention, so it is linear in the sentence.
"""

from __future__ import annotations

from bisect import bisect_left

from arextract.ner.grammar.mentions import PLACES
from arextract.ner.grammar.words import folded
from arextract.schema import Entity, EntityType, Token
from arextract.text.normalize import fold

# First word -> the second words that make it an idiom (مسقط رأس / رأسه / رأسها ...).
_IDIOMS: dict[str, frozenset[str]] = {fold("مسقط"): folded("رأس رأسه رأسها رأسهما رأسهم رأسي")}


def without_place_idioms(tokens: list[Token], entities: list[Entity]) -> list[Entity]:
    """The sentence's entities less the place mentions that open an idiom (module docstring)."""
    if not entities or not tokens:
        return entities
    starts = [token.start for token in tokens]
    kept = []
    for entity in entities:
        if entity.type in PLACES or entity.type is EntityType.COUNTRY:
            seconds = _IDIOMS.get(fold(entity.text))
            after = bisect_left(starts, entity.end)
            if seconds and after < len(tokens) and tokens[after].norm in seconds:
                continue
        kept.append(entity)
    return kept
