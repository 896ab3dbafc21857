"""A minister's portfolio is part of the title, not an organisation: in ``وزيرة الخارجية
الأمريكية`` the knowledge files know ``الخارجية الأمريكية`` as the State Department, but the
words name an office (``وزير الخارجية الأمريكي`` gives the country, never the ministry), so the
mention gives way to the names inside it (the nisba ``الأمريكية``, the country). A ministry
named by its head noun (``بوزارة الخارجية``) stays.
"""

from __future__ import annotations

from collections.abc import Callable

from arextract.ner.grammar.heads import is_head
from arextract.ner.grammar.words import folded
from arextract.schema import Entity, EntitySource, EntityType, Token
from arextract.text.clitics import clitic_readings

# Titles whose next words are a portfolio (وزير الخارجية، وزيرة الدفاع، ووكيل وزارة ...).
_MINISTERS = folded("وزير وزيرة")

# The names found in a run of tokens (the gazetteer's, for the words of the portfolio).
NamesIn = Callable[[list[Token]], list[Entity]]


def without_portfolios(tokens: list[Token], entities: list[Entity], names_in: NamesIn) -> list[Entity]:
    """``entities`` with every knowledge-file organisation that is a minister's portfolio
    replaced by the names inside it after its first word (see the module docstring)."""
    starts = {token.start: index for index, token in enumerate(tokens)}
    out: list[Entity] = []
    for entity in entities:
        index = starts.get(entity.start)
        if (
            entity.type is not EntityType.ORGANIZATION
            or entity.source != EntitySource.GAZETTEER
            or index is None
            or index == 0
            or is_head(tokens[index].norm)[0]
            or not _minister(tokens[index - 1].norm)
        ):
            out.append(entity)
            continue
        inside = [t for t in tokens[index + 1 :] if t.end <= entity.end]
        out.extend(names_in(inside) if inside else [])
    return out


def _minister(norm: str) -> bool:
    return any(reading.stem in _MINISTERS for reading in clitic_readings(norm))
