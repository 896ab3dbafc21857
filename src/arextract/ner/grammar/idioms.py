"""Idioms whose first word is spelled as a place's name but names none: ``مسقط رأسه`` (his
birthplace, not Muscat) in "عاد إلى مسقط رأسه" or "في مسقط رأس الشاعر". A place mention of
that word right before the idiom's second word is dropped; the check reads one token after each
place mention, so it is linear in the sentence.

A tagger's place written with a hyphen and a number (``كوفيد-19``، ``سويوز-2``، ``إف-16``) is a
disease, a product or a model, never a place: a place's name takes no serial number. The
knowledge files' places are kept (they were matched as names).
"""

from __future__ import annotations

from bisect import bisect_left

from arextract.ner.grammar.mentions import PLACES
from arextract.ner.grammar.words import folded
from arextract.schema import Entity, EntitySource, EntityType, Token
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
            if entity.source == EntitySource.MODEL and _numbered(tokens, starts, entity):
                continue
        kept.append(entity)
    return kept


# Hyphens written between a name and its number (كوفيد-19، كوفيد–19).
_HYPHENS = ("-", "‐", "–", "ـ")


def _numbered(tokens: list[Token], starts: list[int], entity: Entity) -> bool:
    """Whether a hyphen and a number follow the mention with no space (كوفيد-19)."""
    after = bisect_left(starts, entity.end)
    if after + 1 >= len(tokens) or tokens[after].start != entity.end or tokens[after].text not in _HYPHENS:
        return False
    number = tokens[after + 1]
    return number.start == tokens[after].end and number.text[:1].isdigit()
