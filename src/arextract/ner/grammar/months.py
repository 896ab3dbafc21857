"""Month names the tagger reads as names: ``أبريل (نيسان)``، ``5 آب 2015`` (نيسان is also a
carmaker, آب a father). Inside a date they are dropped before the grammar adds its mentions.
"""

from __future__ import annotations

from arextract.schema import Entity, Token


def without_month_names(tokens: list[Token], entities: list[Entity]) -> list[Entity]:
    """Drop one-word mentions that are a month name in a date: ``أبريل (نيسان)``، ``5 آب 2015``
    (نيسان is also a carmaker, آب a father, and the tagger reads them as names)."""
    from arextract.timex import month_number

    if not any(month_number(e.text) for e in entities):
        return entities
    index = {t.start: k for k, t in enumerate(tokens)}
    out = []
    for entity in entities:
        k = index.get(entity.start)
        if k is not None and month_number(entity.text) and tokens[k].end == entity.end:
            before = [t for t in tokens[max(0, k - 2) : k] if t.text not in "()/"]
            after = tokens[k + 1 : k + 3]
            if (before and (month_number(before[-1].text) or before[-1].norm.isdigit())) or any(
                t.norm.isdigit() and len(t.norm) == 4 for t in after[:2]
            ):
                continue
        out.append(entity)
    return out
