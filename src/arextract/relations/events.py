"""EVENT mentions: named meetings, conferences and summits, and anaphora to them.

A named event is a head noun (``اجتماع``, ``مؤتمر``, ``قمة``...) followed by its modifiers
up to a boundary: punctuation, a stop word (``في`` before a place, ``يوم``, ``بنجاح``...), a
time expression or reported speech. A bare definite head (``المؤتمر``) refers back to the
last named event with the same head. Head and stop words come from the rule file's lexicons.
"""

from __future__ import annotations

import regex

from arextract.ner.gazetteer import surface_offset
from arextract.normalize import clean, fold
from arextract.relations.rules import Lexicons
from arextract.schema import Document, Entity, EntityType, Token, numbered
from arextract.segment import CliticReading, clitic_readings, iter_sentence_tokens

_MAX_EVENT_TOKENS = 16
_QUOTES = frozenset({'"', "“", "”", "«", "»"})
_QUOTE_RE = regex.compile(r"[\"“”«»]")


class EventRecognizer:
    name = "events"
    version = "1"

    def __init__(self, lexicons: Lexicons) -> None:
        self._heads = {fold(word) for word in lexicons.event_heads}
        self._stops = {fold(word) for word in lexicons.event_stops}
        self._breaks = set(lexicons.clause_breaks) | {"(", ")"}

    def __call__(self, doc: Document) -> None:
        events: list[Entity] = []
        named: dict[str, Entity] = {}  # head without article -> the last named event
        for tokens in iter_sentence_tokens(doc.sentences, doc.tokens):
            index = 0
            while index < len(tokens):
                reading = self._head_reading(tokens[index])
                if reading is None:
                    index += 1
                    continue
                base = reading.stem.removeprefix("ال")
                last = self._extent(doc, tokens, index, definite=reading.stem.startswith("ال"))
                if last > index:
                    entity = self._entity(doc, tokens[index], reading.offset, tokens[last], "rule")
                    events.append(entity)
                    named[base] = entity
                    index = last + 1
                    continue
                antecedent = named.get(base)
                if antecedent is not None and reading.stem.startswith("ال"):
                    events.append(self._entity(
                        doc, tokens[index], reading.offset, tokens[index], "coref", antecedent.canonical
                    ))
                index += 1
        if events:
            taken = {(e.start, e.end) for e in doc.entities}
            fresh = [e for e in events if (e.start, e.end) not in taken]
            doc.entities = numbered([*doc.entities, *fresh])

    def _head_reading(self, token: Token) -> CliticReading | None:
        for reading in clitic_readings(token.norm):
            if reading.proclitic in {"", "و", "ف"} and reading.stem in self._heads:
                return reading
        return None

    def _extent(self, doc: Document, tokens: list[Token], head: int, definite: bool) -> int:
        """The last token of the event name that starts at ``head`` (``head`` if none).

        After a definite head (المؤتمر) a name continues only with a definite adjective or a
        lam-genitive (الاجتماع الثالث لوزراء...): "أطلق المؤتمر مبادرتين" is head + object.
        """
        last = head
        quoted = False
        for index in range(head + 1, min(len(tokens), head + _MAX_EVENT_TOKENS)):
            token = tokens[index]
            if token.text in _QUOTES:
                quoted = not quoted
                continue
            if quoted:
                last = index
                continue
            if definite and index == head + 1 and not token.norm.startswith(("ال", "ل")):
                break
            if token.text in self._breaks:
                break
            if token.norm in self._stops and not self._joins(doc, tokens, index):
                break
            if any(t.start <= token.start < t.end for t in doc.times):
                break
            last = index
        return last

    @staticmethod
    def _joins(doc: Document, tokens: list[Token], index: int) -> bool:
        """``في`` continues an event name before an organisation (في منظمة شنغهاي للتعاون)."""
        if tokens[index].norm != "في" or index + 1 >= len(tokens):
            return False
        following = tokens[index + 1].start
        return any(
            e.start <= following < e.end and e.type == EntityType.ORGANIZATION for e in doc.entities
        )

    @staticmethod
    def _entity(doc: Document, first: Token, offset: int, last: Token, source: str,
                canonical: str | None = None) -> Entity:
        start = first.start + surface_offset(first.text, offset)
        text = doc.text[start : last.end]
        return Entity(
            id="",
            type=EntityType.EVENT,
            text=text,
            start=start,
            end=last.end,
            canonical=canonical or " ".join(_QUOTE_RE.sub(" ", clean(text)).split()),
            confidence=0.7 if source == "rule" else 0.6,
            source=source,
        )
