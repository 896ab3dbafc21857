"""Names that are phrases: events (named meetings, conferences, summits) and initiatives.

A named event is a head noun (``اجتماع``, ``مؤتمر``, ``قمة``...) followed by its modifiers
up to a boundary: punctuation, a stop word (``في`` before a place, ``يوم``, ``بنجاح``...), a
time expression or reported speech. A bare definite head (``المؤتمر``) refers back to the
last named event with the same head. Initiatives outside the knowledge files are read the
same way from ``مبادرة``/``المبادرة``, and so is what a proposal verb proposes when it is a
masdar phrase ("اقترح مودي إنشاء اتحاد لاستكشاف الفضاء"). Institutions the NER leaves out
("وزارة الإسكان", "صندوق التنمية العقارية", "مستشفى الملك خالد") are read from their head noun
and the definite words after it: they speak, are affiliations and are visited. Head and stop
words come from the rule file's lexicons.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from arextract.ner.gazetteer import surface_offset
from arextract.relations.rules import Lexicons
from arextract.schema import Document, Entity, EntitySource, EntityType, Token, numbered
from arextract.text.clitics import CliticReading, clitic_readings
from arextract.text.normalize import clean, fold
from arextract.text.segment import iter_sentence_tokens
from arextract.text.spans import SpanSet

_MAX_EVENT_TOKENS = 16
_QUOTES = frozenset({'"', "“", "”", "«", "»"})
_QUOTE_RE = regex.compile(r"[\"“”«»]")


class PhraseRecognizer:
    """A pipeline stage adding EVENT, INITIATIVE and ORGANIZATION mentions read from their head
    words (institutions: ``organization_heads`` of the rule file's lexicons)."""

    name = "phrases"
    version = "3"

    def __init__(self, lexicons: Lexicons, proposal_triggers: Iterable[str] = ()) -> None:
        self._times = SpanSet(())
        self._organizations = SpanSet(())
        self._persons = SpanSet(())
        self._stops = {fold(word) for word in lexicons.event_stops}
        self._breaks = set(lexicons.clause_breaks) | {"(", ")"}
        self._kinds = [
            (EntityType.EVENT, {fold(word) for word in lexicons.event_heads}),
            (EntityType.INITIATIVE, {fold(word) for word in lexicons.initiative_heads}),
        ]
        self._masdars = {fold(word) for word in lexicons.proposal_masdars}
        self._organization_heads = {fold(word) for word in lexicons.organization_heads}
        self._organization_stops = {fold(word) for word in lexicons.organization_stops}
        self._office_words = {fold(word) for word in lexicons.title_heads}
        self._royal = {fold(word) for word in ("الملك", "الأمير", "الشيخ", "السلطان", "الأميرة")}
        # heads that name the same kind of event: "الاحتفال" refers back to "حفل تخريج ..."
        self._head_group = {
            fold(word).removeprefix("ال"): fold(group[0]).removeprefix("ال")
            for group in lexicons.event_head_groups
            for word in group
        }
        self._proposal_triggers = {fold(word) for word in proposal_triggers}

    def __call__(self, doc: Document) -> None:
        self._times = SpanSet((t.start, t.end) for t in doc.times)
        self._organizations = SpanSet(
            (e.start, e.end) for e in doc.entities if e.type == EntityType.ORGANIZATION
        )
        self._persons = SpanSet((e.start, e.end) for e in doc.entities if e.type == EntityType.PERSON)
        found: list[Entity] = []
        groups = list(iter_sentence_tokens(doc.sentences, doc.tokens))  # once for every reader
        for kind, heads in self._kinds:
            found += self._named(doc, kind, heads, groups)
        found += self._proposed(doc, groups)
        if self._organization_heads:
            found += self._organizations_named(doc, groups)
        if found:
            taken = {
                kind: SpanSet((e.start, e.end) for e in doc.entities if e.type == kind)
                for kind in {e.type for e in found}
            }
            fresh = [e for e in found if not taken[e.type].overlaps(e.start, e.end)]
            doc.entities = numbered([*doc.entities, *fresh])

    def _proposed(self, doc: Document, groups: list[list[Token]]) -> list[Entity]:
        """ "واقترح مودي إنشاء اتحاد ...": a masdar phrase right after a proposal verb (and
        its subject) is the initiative proposed."""
        out: list[Entity] = []
        persons = SpanSet((e.start, e.end) for e in doc.entities if e.type == EntityType.PERSON)
        for tokens in groups:
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
                        self._entity(doc, tokens[following], 0, tokens[last], kind=EntityType.INITIATIVE)
                    )
        return out

    def _organizations_named(self, doc: Document, groups: list[list[Token]]) -> list[Entity]:
        """ "وزارة الإسكان"، "صندوق التنمية العقارية"، "مستشفى الملك خالد": an institution named
        by its head noun and the definite words (or names) after it.

        The name goes on over definite words (الشؤون البلدية، للتأمينات) and over names written
        without a preposition (مستشفى نجران، مستشفى الملك سعود); a conjunct (والقروية) is the
        last word unless it is itself followed by a definite word, which makes it a second
        institution (وزارة الحج والقطاعات الحكومية). A bare definite head (الوزارة) is left
        alone: it is not linked back to a name.
        """
        out: list[Entity] = []
        persons = SpanSet((e.start, e.end) for e in doc.entities if e.type == EntityType.PERSON)
        places = SpanSet(
            (e.start, e.end)
            for e in doc.entities
            if e.type in (EntityType.CITY, EntityType.REGION, EntityType.COUNTRY)
        )
        tails = _tails(frozenset(self._organization_heads))
        for tokens in groups:
            index = 0
            while index < len(tokens):
                if not tokens[index].norm.endswith(tails):
                    index += 1
                    continue
                reading = next(
                    (
                        r
                        for r in clitic_readings(tokens[index].norm)
                        if r.proclitic in {"", "و", "ف", "ل", "ب"} and r.stem in self._organization_heads
                    ),
                    None,
                )
                if reading is None:
                    index += 1
                    continue
                last = index
                for following in range(index + 1, min(len(tokens), index + 10)):
                    token = tokens[following]
                    norm = token.norm
                    if following == index + 1 and norm in self._office_words:
                        last = following  # "مكتب رئيس الوزراء العراقي": an office named by its holder
                        continue
                    if (
                        token.text in self._breaks
                        or (norm in self._stops and norm not in self._royal)  # مستشفى الملك خالد
                        or norm in self._organization_stops
                        or self._times.covers(token.start)
                    ):
                        break
                    # a name goes on an institution's name only where such names stand: a place
                    # right after the head (مستشفى نجران), a person after a royal title
                    # (مستشفى الملك خالد); "بوزارة الصحة خالد مرغلاني" is the ministry and a man
                    previous = tokens[following - 1]
                    named = not norm.startswith(("ب", "ل", "و", "ف")) and (
                        (
                            places.covers(token.start)
                            and (following == index + 1 or places.covers(previous.start))
                        )
                        or (
                            persons.covers(token.start)
                            and (previous.norm in self._royal or persons.covers(previous.start))
                            and following - 1 > index
                        )
                    )
                    if norm.startswith(("ال", "لل")) or named:
                        last = following
                        continue

                    if norm.startswith("وال") and len(norm) > 4:
                        after = tokens[following + 1].norm if following + 1 < len(tokens) else ""
                        if not after.startswith("ال"):
                            last = following  # "الشؤون البلدية والقروية"
                        break
                    break
                if last > index:
                    out.append(
                        self._entity(
                            doc,
                            tokens[index],
                            reading.offset,
                            tokens[last],
                            kind=EntityType.ORGANIZATION,
                        )
                    )
                    index = last + 1
                    continue
                index += 1
        return out

    def _named(
        self, doc: Document, kind: EntityType, heads: set[str], groups: list[list[Token]]
    ) -> list[Entity]:
        events: list[Entity] = []
        named: dict[str, Entity] = {}  # head without article -> the last named event
        for tokens in groups:
            index = 0
            while index < len(tokens):
                reading = self._head_reading(tokens[index], heads)
                if reading is None:
                    index += 1
                    continue
                base = self._head_group.get(reading.stem.removeprefix("ال"), reading.stem.removeprefix("ال"))
                last = self._extent(doc, tokens, index, definite=reading.stem.startswith("ال"))
                if last > index:
                    entity = self._entity(doc, tokens[index], reading.offset, tokens[last], kind=kind)
                    events.append(entity)
                    named[base] = entity
                    # a name inside the name: "الجلسة العامة لقمة مجموعة بريكس" names the summit
                    # that a later "القمة" refers to
                    for inner in range(index + 1, last):
                        inner_reading = self._head_reading(tokens[inner], heads)
                        inner_base = (
                            inner_reading.stem.removeprefix("ال") if inner_reading is not None else ""
                        )
                        inner_base = self._head_group.get(inner_base, inner_base)
                        if inner_reading is not None and inner_base not in named:
                            named[inner_base] = self._entity(
                                doc, tokens[inner], inner_reading.offset, tokens[last], kind=kind
                            )
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
                            EntitySource.COREF,
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
                if token.text.endswith("ه") and not reading.stem.startswith("ال"):
                    # folded "دوره" is دورة or دور + his: "بدوره قال" is not an event
                    continue
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
            # (a stop ends the name, but "مؤتمر عن دعم ريادة الأعمال" is named by its topic)
            topic = index == head + 1 and not definite and token.norm == "عن"
            if token.norm in self._stops and not self._joins(tokens, index) and not topic:
                break
            if self._times.covers(token.start):
                break
            if token.norm == tokens[head].norm:
                break  # "حفل تخريج حفل تخريج دفعات": the name starts again
            if (
                index > head + 1
                and self._persons.covers(token.start)
                and not self._persons.covers(tokens[index - 1].start)
            ):
                # a person's name after the name's own words ends it: "أعمال القمة الرئيس
                # التركي رجب طيب أردوغان" (but "مستشفى الملك سعود" keeps a name it opens with)
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
        source: EntitySource = EntitySource.RULE,
        *,
        kind: EntityType,
        canonical: str | None = None,
    ) -> Entity:
        article = ""
        if offset and first.norm.startswith("لل") and offset == first.norm.index("لل") + 1:
            # "للمبادرة": ل + (ا)لمبادرة; the name starts after the lams and gets its article
            offset += 1
            article = "ال"
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
            canonical=canonical or article + " ".join(_QUOTE_RE.sub(" ", clean(text)).split()),
            confidence=0.7 if source == EntitySource.RULE else 0.6,
            source=source,
        )


@lru_cache(maxsize=8)
def _tails(heads: frozenset[str]) -> tuple[str, ...]:
    return tuple({head[1:] if head.startswith("ال") else head for head in heads})
