"""Names that are phrases: events (named meetings, conferences, summits) and initiatives.

A named event is a head noun (``اجتماع``, ``مؤتمر``, ``قمة``...) followed by its modifiers
up to a boundary: punctuation, a stop word (``في`` before a place, ``يوم``, ``بنجاح``...), a
time expression or reported speech. A bare definite head (``المؤتمر``) refers back to the
last named event with the same head. Initiatives outside the knowledge files are read the
same way from ``مبادرة``/``المبادرة``, and so is what a proposal verb proposes when it is a
masdar phrase ("اقترح مودي إنشاء اتحاد لاستكشاف الفضاء"). Head and stop words come from the
rule file's lexicons.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from arextract.ner.gazetteer import surface_offset
from arextract.normalize import clean, fold
from arextract.relations.rules import Lexicons
from arextract.schema import Document, Entity, EntityType, Token, numbered
from arextract.segment import CliticReading, SpanSet, clitic_readings, iter_sentence_tokens

_MAX_EVENT_TOKENS = 16
_QUOTES = frozenset({'"', "“", "”", "«", "»"})
_QUOTE_RE = regex.compile(r"[\"“”«»]")


class PhraseRecognizer:
    """A pipeline stage adding EVENT and INITIATIVE mentions read from their head words."""

    name = "phrases"
    version = "2"

    def __init__(self, lexicons: Lexicons, proposal_triggers: Iterable[str] = ()) -> None:
        self._times = SpanSet(())
        self._organizations = SpanSet(())
        self._stops = {fold(word) for word in lexicons.event_stops}
        self._breaks = set(lexicons.clause_breaks) | {"(", ")"}
        self._kinds = [
            (EntityType.EVENT, {fold(word) for word in lexicons.event_heads}),
            (EntityType.INITIATIVE, {fold(word) for word in lexicons.initiative_heads}),
        ]
        self._masdars = {fold(word) for word in lexicons.proposal_masdars}
        self._proposal_triggers = {fold(word) for word in proposal_triggers}

    def __call__(self, doc: Document) -> None:
        self._times = SpanSet((t.start, t.end) for t in doc.times)
        self._organizations = SpanSet(
            (e.start, e.end) for e in doc.entities if e.type == EntityType.ORGANIZATION
        )
        found: list[Entity] = []
        for kind, heads in self._kinds:
            found += self._named(doc, kind, heads)
        found += self._proposed(doc)
        if found:
            taken = {
                kind: SpanSet((e.start, e.end) for e in doc.entities if e.type == kind)
                for kind in {e.type for e in found}
            }
            fresh = [e for e in found if not taken[e.type].overlaps(e.start, e.end)]
            doc.entities = numbered([*doc.entities, *fresh])

    def _proposed(self, doc: Document) -> list[Entity]:
        """ "واقترح مودي إنشاء اتحاد ...": a masdar phrase right after a proposal verb (and
        its subject) is the initiative proposed."""
        out: list[Entity] = []
        persons = SpanSet((e.start, e.end) for e in doc.entities if e.type == EntityType.PERSON)
        for tokens in iter_sentence_tokens(doc.sentences, doc.tokens):
            for index, token in enumerate(tokens[:-1]):
                if not any(r.stem in self._proposal_triggers for r in clitic_readings(token.norm)):
                    continue
                following = index + 1
                while following < len(tokens) and persons.covers(tokens[following].start):
                    following += 1
                if following >= len(tokens) or tokens[following].norm not in self._masdars:
                    continue
                last = self._extent(doc, tokens, following, definite=False)
                if last > following:
                    out.append(
                        self._entity(
                            doc, tokens[following], 0, tokens[last], "rule", kind=EntityType.INITIATIVE
                        )
                    )
        return out

    def _named(self, doc: Document, kind: EntityType, heads: set[str]) -> list[Entity]:
        events: list[Entity] = []
        named: dict[str, Entity] = {}  # head without article -> the last named event
        for tokens in iter_sentence_tokens(doc.sentences, doc.tokens):
            index = 0
            while index < len(tokens):
                reading = self._head_reading(tokens[index], heads)
                if reading is None:
                    index += 1
                    continue
                base = reading.stem.removeprefix("ال")
                last = self._extent(doc, tokens, index, definite=reading.stem.startswith("ال"))
                if last > index:
                    entity = self._entity(doc, tokens[index], reading.offset, tokens[last], "rule", kind=kind)
                    events.append(entity)
                    named[base] = entity
                    index = last + 1
                    continue
                antecedent = named.get(base)
                if antecedent is not None and reading.stem.startswith("ال"):
                    events.append(
                        self._entity(
                            doc,
                            tokens[index],
                            reading.offset,
                            tokens[index],
                            "coref",
                            kind=kind,
                            canonical=antecedent.canonical,
                        )
                    )
                index += 1
        return events

    @staticmethod
    def _head_reading(token: Token, heads: set[str]) -> CliticReading | None:
        # a head can only be the word's ending (after proclitics; لل keeps one lam of ال)
        if not token.norm.endswith(_tails(frozenset(heads))):
            return None
        for reading in clitic_readings(token.norm):
            if reading.proclitic in {"", "و", "ف", "ل", "ب"} and reading.stem in heads:
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
            if token.norm in self._stops and not self._joins(tokens, index):
                break
            if self._times.covers(token.start):
                break
            last = index
        return last

    def _joins(self, tokens: list[Token], index: int) -> bool:
        """``في`` continues an event name before an organisation (في منظمة شنغهاي للتعاون)."""
        if tokens[index].norm != "في" or index + 1 >= len(tokens):
            return False
        following = tokens[index + 1].start
        return self._organizations.covers(following)

    @staticmethod
    def _entity(
        doc: Document,
        first: Token,
        offset: int,
        last: Token,
        source: str,
        *,
        kind: EntityType,
        canonical: str | None = None,
    ) -> Entity:
        start = first.start + surface_offset(first.text, offset)
        end = last.end
        while end > start and doc.text[end - 1] in '"“”«»':
            end -= 1  # a closing quote belongs to the text around the name
        text = doc.text[start:end]
        return Entity(
            id="",
            type=kind,
            text=text,
            start=start,
            end=end,
            canonical=canonical or " ".join(_QUOTE_RE.sub(" ", clean(text)).split()),
            confidence=0.7 if source == "rule" else 0.6,
            source=source,
        )


@lru_cache(maxsize=8)
def _tails(heads: frozenset[str]) -> tuple[str, ...]:
    return tuple({head[1:] if head.startswith("ال") else head for head in heads})
