"""The phrase stage: names that are phrases, read from their head noun. Events (named meetings,
conferences, summits), initiatives, and the institutions the NER leaves out.

A named event is a head noun (``اجتماع``, ``مؤتمر``, ``قمة``...) followed by its modifiers
up to a boundary: punctuation, a stop word (``في`` before a place, ``يوم``, ``بنجاح``...), a
time expression or reported speech. A bare definite head (``المؤتمر``) refers back to the
last named event with the same head (:mod:`arextract.coref.events` says which). Initiatives
outside the knowledge files are read the same way from ``مبادرة``/``المبادرة``, and so is what
a proposal verb proposes when it is a masdar phrase ("اقترح مودي إنشاء اتحاد لاستكشاف الفضاء").
Institutions the NER leaves out ("وزارة الإسكان", "صندوق التنمية العقارية", "مستشفى الملك خالد")
are read from their head noun and the definite words after it: they speak, are affiliations and
are visited. Head and stop words come from the rule file's lexicons.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from arextract.coref.events import EventAntecedents, head_groups
from arextract.ner.gazetteer import surface_offset
from arextract.ner.grammar.heads import RANKS, is_definite
from arextract.relations.rules import Lexicons
from arextract.schema import Document, Entity, EntitySource, EntityType, Token, numbered
from arextract.text import quotes
from arextract.text.clitics import NOUN_PROCLITICS, CliticReading, clitic_readings
from arextract.text.normalize import clean, display, fold, fold_words
from arextract.text.segment import iter_sentence_tokens
from arextract.text.spans import SpanSet

_MAX_EVENT_TOKENS = 16
# A head noun opens a name written bare or under a conjunction or preposition (وبمؤتمر، للمبادرة).
_HEAD_PROCLITICS = frozenset({"", *NOUN_PROCLITICS})
# Titles after which a person's name goes on an institution's name (مستشفى الملك خالد).
_ROYAL_TITLES = ("الملك", "الأمير", "الشيخ", "السلطان", "الأميرة")
_PLACES = (EntityType.CITY, EntityType.REGION, EntityType.COUNTRY)


@dataclass(frozen=True)
class _Mentions:
    """Where the earlier stages' mentions sit in one document: a name ends at a time expression,
    goes on over an organisation after ``في``, and takes a place or person only in set places."""

    times: SpanSet
    organizations: SpanSet
    persons: SpanSet
    places: SpanSet

    @classmethod
    def of(cls, doc: Document) -> _Mentions:
        def spans(*types: EntityType) -> SpanSet:
            return SpanSet((e.start, e.end) for e in doc.entities if e.type in types)

        return cls(
            times=SpanSet((t.start, t.end) for t in doc.times),
            organizations=spans(EntityType.ORGANIZATION),
            persons=spans(EntityType.PERSON),
            places=spans(*_PLACES),
        )


@dataclass(frozen=True)
class _Heads:
    """The folded head nouns of one kind of name, and the endings a word must have to hold one
    (a head can only be the word's ending, after proclitics; لل keeps one lam of ال)."""

    words: frozenset[str]
    tails: tuple[str, ...]

    @classmethod
    def of(cls, words: Iterable[str]) -> _Heads:
        folded = fold_words(words)
        return cls(folded, tuple({head[1:] if head.startswith("ال") else head for head in folded}))

    def readings(self, token: Token) -> Iterator[CliticReading]:
        """The readings of ``token`` as a head under the proclitics a head may take."""
        if not token.norm.endswith(self.tails):
            return
        for reading in clitic_readings(token.norm):
            if reading.proclitic in _HEAD_PROCLITICS and reading.stem in self.words:
                yield reading


def _event_head(token: Token, heads: _Heads) -> CliticReading | None:
    for reading in heads.readings(token):
        if token.text.endswith("ه") and not reading.stem.startswith("ال"):
            # folded "دوره" is دورة or دور + his: "بدوره قال" is not an event
            continue
        return reading
    return None


def phrase_entity(
    doc: Document,
    first: Token,
    offset: int,
    last: Token,
    source: EntitySource,
    *,
    kind: EntityType,
    canonical: str | None = None,
) -> Entity:
    """The mention from ``first`` (after its first ``offset`` folded characters: its proclitics)
    to ``last``; its canonical is its text as written (:func:`display`, quotes dropped) unless
    given (a coreferent mention takes its antecedent's)."""
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
        canonical=canonical or article + display(quotes.MARKS_RE.sub(" ", clean(text))),
        confidence=0.7 if source == EntitySource.RULE else 0.6,
        source=source,
    )


class InstitutionNames:
    """ "وزارة الإسكان"، "صندوق التنمية العقارية"، "مستشفى الملك خالد": an institution named
    by its head noun (``organization_heads``) and the definite words (or names) after it.

    The name goes on over definite words (الشؤون البلدية، للتأمينات) and over names written
    without a preposition (مستشفى نجران، مستشفى الملك سعود); a conjunct (والقروية) is the
    last word unless it is itself followed by a definite word, which makes it a second
    institution (وزارة الحج والقطاعات الحكومية). A bare definite head (الوزارة) is left
    alone: it is not linked back to a name.
    """

    def __init__(self, lexicons: Lexicons, stops: frozenset[str], breaks: set[str]) -> None:
        self._heads = _Heads.of(lexicons.organization_heads)
        self._stops = stops
        self._breaks = breaks
        self._organization_stops = {fold(word) for word in lexicons.organization_stops}
        self._office_words = {fold(word) for word in lexicons.title_heads}
        self._royal = {fold(word) for word in _ROYAL_TITLES}

    def read(self, doc: Document, mentions: _Mentions, groups: list[list[Token]]) -> list[Entity]:
        out: list[Entity] = []
        for tokens in groups:
            index = 0
            while index < len(tokens):
                reading = next(self._heads.readings(tokens[index]), None)
                if reading is not None and self._office_portfolio(tokens, index):
                    reading = None
                last = self._last(tokens, index, mentions) if reading is not None else index
                if tokens[last].norm in RANKS:
                    last = index  # "المؤسسة المالية الأولى": a rank, not a name
                if reading is not None and last > index:
                    out.append(
                        phrase_entity(
                            doc,
                            tokens[index],
                            reading.offset,
                            tokens[last],
                            EntitySource.RULE,
                            kind=EntityType.ORGANIZATION,
                        )
                    )
                    index = last + 1
                    continue
                index += 1
        return out

    def _last(self, tokens: list[Token], head: int, mentions: _Mentions) -> int:
        """The last token of the institution's name whose head is ``tokens[head]``."""
        last = head
        for following in range(head + 1, min(len(tokens), head + 10)):
            token = tokens[following]
            norm = token.norm
            if following == head + 1 and norm in self._office_words and not is_definite(tokens[head].norm):
                last = following  # "مكتب رئيس الوزراء العراقي": an office named by its holder
                continue
            if (
                token.text in self._breaks
                or (norm in self._stops and norm not in self._royal)  # مستشفى الملك خالد
                or norm in self._organization_stops
                or mentions.times.covers(token.start)
            ):
                break
            if norm.startswith(("ال", "لل")) or self._name_goes_on(tokens, head, following, mentions):
                last = following
                continue
            if norm.startswith("وال") and len(norm) > 4:
                after = tokens[following + 1].norm if following + 1 < len(tokens) else ""
                if not after.startswith("ال"):
                    last = following  # "الشؤون البلدية والقروية"
            break
        return last

    def _office_portfolio(self, tokens: list[Token], head: int) -> bool:
        """ "رئيس الهيئة للشؤون الإدارية"، "وكيل الوزارة للدراسات": a bare definite head after
        an office title, then a لل- phrase: the body is an anaphor and the phrase the office's
        portfolio."""
        norm = tokens[head].norm
        previous = tokens[head - 1].norm if head else ""
        return (
            0 < head < len(tokens) - 1
            and norm.startswith("ال")
            and (
                previous in self._office_words or (previous[:1] == "و" and previous[1:] in self._office_words)
            )
            and tokens[head + 1].norm.startswith("لل")
        )

    def _name_goes_on(self, tokens: list[Token], head: int, following: int, mentions: _Mentions) -> bool:
        """A name goes on an institution's name only where such names stand: a place right after
        the head (مستشفى نجران), a person after a royal title (مستشفى الملك خالد); "بوزارة الصحة
        خالد مرغلاني" is the ministry and a man."""
        token, previous = tokens[following], tokens[following - 1]
        if token.norm.startswith(NOUN_PROCLITICS):
            return False
        if mentions.places.covers(token.start) and (
            following == head + 1 or mentions.places.covers(previous.start)
        ):
            return True
        return (
            mentions.persons.covers(token.start)
            and (previous.norm in self._royal or mentions.persons.covers(previous.start))
            and following - 1 > head
        )


class PhraseRecognizer:
    """A pipeline stage adding EVENT, INITIATIVE and ORGANIZATION mentions read from their head
    words (institutions: ``organization_heads`` of the rule file's lexicons, see
    :class:`InstitutionNames`)."""

    name = "phrases"
    version = "3"

    def __init__(
        self, lexicons: Lexicons, proposal_triggers: Iterable[str] = (), clause_verbs: Iterable[str] = ()
    ) -> None:
        # a verb opening the main clause ends a name: "وعلى هامش المنتدى استقبل الوزير X"
        verbs = fold_words(clause_verbs)
        self._stops = fold_words(lexicons.event_stops) | verbs | {"و" + verb for verb in verbs}
        self._generic = fold_words(lexicons.generic_event_words)
        self._needs_name = fold_words(lexicons.named_event_heads)
        self._match_nouns = fold_words(lexicons.match_nouns)
        self._celebrations = fold_words(lexicons.celebration_heads)
        self._breaks = set(lexicons.clause_breaks) | {"(", ")"}
        self._kinds = [
            (EntityType.EVENT, _Heads.of(lexicons.event_heads)),
            (EntityType.INITIATIVE, _Heads.of(lexicons.initiative_heads)),
        ]
        self._masdars = {fold(word) for word in lexicons.proposal_masdars}
        # heads that name the same kind of event: "الاحتفال" refers back to "حفل تخريج ..."
        self._head_groups = head_groups(lexicons.event_head_groups)
        self._proposal_triggers = {fold(word) for word in proposal_triggers}
        # a reading's stem ends its word (لل keeps one lam of ال): most words end no trigger
        self._proposal_tails = tuple({w[1:] if w.startswith("ال") else w for w in self._proposal_triggers})
        self._institutions = (
            InstitutionNames(lexicons, self._stops, self._breaks) if lexicons.organization_heads else None
        )

    def __call__(self, doc: Document) -> None:
        mentions = _Mentions.of(doc)
        found: list[Entity] = []
        groups = list(iter_sentence_tokens(doc.sentences, doc.tokens))  # once for every reader
        for kind, heads in self._kinds:
            found += self._named(doc, mentions, kind, heads, groups)
        found += self._proposed(doc, mentions, groups)
        if self._institutions is not None:
            found += self._institutions.read(doc, mentions, groups)
        if found:
            taken = {
                kind: SpanSet((e.start, e.end) for e in doc.entities if e.type == kind)
                for kind in {e.type for e in found}
            }
            fresh = [e for e in found if not taken[e.type].overlaps(e.start, e.end)]
            doc.entities = numbered([*doc.entities, *fresh])

    def _proposed(self, doc: Document, mentions: _Mentions, groups: list[list[Token]]) -> list[Entity]:
        """ "واقترح مودي إنشاء اتحاد ...": a masdar phrase right after a proposal verb (and
        its subject) is the initiative proposed."""
        out: list[Entity] = []
        for tokens in groups:
            for index, token in enumerate(tokens[:-1]):
                if not token.norm.endswith(self._proposal_tails) or not any(
                    r.stem in self._proposal_triggers for r in clitic_readings(token.norm)
                ):
                    continue
                following = index + 1
                while following < len(tokens) and mentions.persons.covers(tokens[following].start):
                    following += 1
                if following >= len(tokens) or tokens[following].norm not in self._masdars:
                    continue
                if mentions.organizations.covers(tokens[following].start):
                    continue  # "تبنى تنظيم داعش الهجوم": a body's head (تنظيم) is no masdar
                last = self._extent(mentions, tokens, following, definite=False)
                if last > following:
                    out.append(
                        phrase_entity(
                            doc,
                            tokens[following],
                            0,
                            tokens[last],
                            EntitySource.RULE,
                            kind=EntityType.INITIATIVE,
                        )
                    )
        return out

    def _named(
        self, doc: Document, mentions: _Mentions, kind: EntityType, heads: _Heads, groups: list[list[Token]]
    ) -> list[Entity]:
        """The names opened by ``heads``, and the bare definite heads that refer back to one."""
        events: list[Entity] = []
        antecedents = EventAntecedents(self._head_groups)
        for tokens in groups:
            index = 0
            while index < len(tokens):
                # (the tails test first: most words end no head, and this runs on every token)
                token = tokens[index]
                reading = _event_head(token, heads) if token.norm.endswith(heads.tails) else None
                if reading is None or (index and tokens[index - 1].norm in self._match_nouns):
                    index += 1  # (مباراة قمة: the top match)
                    continue
                definite = reading.stem.startswith("ال")
                occasion = definite and reading.stem in self._celebrations
                last = self._extent(mentions, tokens, index, definite=definite, occasion=occasion)
                if reading.stem in self._needs_name and not _names_inside(tokens, index, last, mentions):
                    last = index  # "الحوار الفعلي": a dialogue, no name
                if last > index:
                    entity = phrase_entity(
                        doc, tokens[index], reading.offset, tokens[last], EntitySource.RULE, kind=kind
                    )
                    events.append(entity)
                    antecedents.name(
                        reading.stem, entity, _inner_names(doc, tokens, index, last, heads, kind)
                    )
                    index = last + 1
                    continue
                antecedent = antecedents.antecedent(reading.stem)
                if antecedent is not None:
                    events.append(
                        phrase_entity(
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

    def _extent(
        self, mentions: _Mentions, tokens: list[Token], head: int, definite: bool, occasion: bool = False
    ) -> int:
        """The last token of the event name that starts at ``head`` (``head`` if none).

        After a definite head (المؤتمر) a name continues only with a definite adjective or a
        lam-genitive (الاجتماع الثالث لوزراء...): "أطلق المؤتمر مبادرتين" is head + object. A
        celebration (``occasion``) is also named by what it celebrates, after ب: "الاحتفال
        بافتتاح الميناء الجديد".
        """
        opening = ("ال", "ل", "ب") if occasion else ("ال", "ل")
        last = head
        quoted = False
        if head + 1 < len(tokens) and tokens[head + 1].norm in self._generic:
            return head  # "مؤتمر صحفي": a press conference is no name
        for index in range(head + 1, min(len(tokens), head + _MAX_EVENT_TOKENS)):
            token = tokens[index]
            if token.text in quotes.MARKS:
                quoted = not quoted
                continue
            if quoted:
                last = index
                continue
            if definite and index == head + 1 and not token.norm.startswith(opening):
                break
            if token.text in self._breaks or not any(c.isalnum() for c in token.text):
                break  # punctuation ends a name (a bullet, a slash, a dash)
            if _place_after_preposition(token, mentions) or _verb(token, mentions):
                break  # "مؤتمر صحفي بكابل", "حفل ... يحظى باهتمام"
            # (a stop ends the name, but "مؤتمر عن دعم ريادة الأعمال" is named by its topic)
            topic = index == head + 1 and not definite and token.norm == "عن"
            if token.norm in self._stops and not _joins(tokens, index, mentions) and not topic:
                break
            if mentions.times.covers(token.start):
                break
            if token.norm == tokens[head].norm:
                break  # "حفل تخريج حفل تخريج دفعات": the name starts again
            if (
                index > head + 1
                and mentions.persons.covers(token.start)
                and not mentions.persons.covers(tokens[index - 1].start)
            ):
                # a person's name after the name's own words ends it: "أعمال القمة الرئيس
                # التركي رجب طيب أردوغان" (but "مستشفى الملك سعود" keeps a name it opens with)
                break
            last = index
        return last


def _inner_names(
    doc: Document, tokens: list[Token], head: int, last: int, heads: _Heads, kind: EntityType
) -> list[tuple[str, Entity]]:
    """The heads inside the name ``tokens[head..last]`` with the names they open, which a later bare
    head may refer to: "الجلسة العامة لقمة مجموعة بريكس" also names the summit of "القمة"."""
    inner = []
    for at in range(head + 1, last):
        reading = _event_head(tokens[at], heads)
        if reading is not None:
            name = phrase_entity(doc, tokens[at], reading.offset, tokens[last], EntitySource.RULE, kind=kind)
            inner.append((reading.stem, name))
    return inner


def _names_inside(tokens: list[Token], head: int, last: int, mentions: _Mentions) -> bool:
    """Whether a mention (a country's nisba included) or a quote is among ``tokens[head + 1 ..
    last]``."""
    words = tokens[head + 1 : last + 1]
    if any(token.text in quotes.MARKS for token in words):
        return True
    return bool(words) and any(
        spans.overlaps(words[0].start, words[-1].end)
        for spans in (mentions.places, mentions.persons, mentions.organizations)  # places: nisbas too
    )


def _place_after_preposition(token: Token, mentions: _Mentions) -> bool:
    """ب + a place (بكابل): where the event is held, not a part of its name (a place whose name
    begins with ب, قمة بكين، اجتماع بروكسل, is the name's)."""
    return (
        token.norm.startswith("ب")
        and not mentions.places.covers(token.start)
        and mentions.places.overlaps(token.start + 1, token.end)
    )


def _verb(token: Token, mentions: _Mentions) -> bool:
    """An imperfect verb (يعقده، سيستمر، ستبدأ) that no mention covers: the clause goes on
    after the name, which has ended."""
    norm = token.norm
    verb = norm.startswith(("ي", "سي", "ست", "سن")) and len(norm) >= 4
    return verb and not (
        mentions.places.overlaps(token.start, token.end)
        or mentions.persons.overlaps(token.start, token.end)
        or mentions.organizations.overlaps(token.start, token.end)
        or mentions.times.overlaps(token.start, token.end)
    )


def _joins(tokens: list[Token], index: int, mentions: _Mentions) -> bool:
    """``في`` continues an event name before an organisation (في منظمة شنغهاي للتعاون)."""
    if tokens[index].norm != "في" or index + 1 >= len(tokens):
        return False
    return mentions.organizations.covers(tokens[index + 1].start)
