"""One document as the engine reads it: sentences by token range, their mentions, actors and
indexes, so that every question a trigger asks is answered by bisection instead of a scan."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property

import regex

from arextract.ner.grammar.mentions import PLACE_NAMED
from arextract.relations.bylines import outside_story
from arextract.relations.lexicons import FoldedLexicons, listed
from arextract.schema import Document, Entity, EntitySource, EntityType, Relation, Time
from arextract.text import quotes
from arextract.text.normalize import fold

# A country or organisation in a title is its affiliation ("وزير الخارجية الصيني"); a city or
# region is a posting or a governorate ("قنصل عام المملكة في نيويورك"، "محافظ عنيزة").
AFFILIATION_TYPES = (EntityType.COUNTRY, EntityType.ORGANIZATION)
PLACE_TYPES = (EntityType.CITY, EntityType.REGION)
_ACTOR_TYPES = (EntityType.PERSON,)
_BODY = (EntityType.ORGANIZATION,)  # a facility named after a person is a body
_HEADED_BY = frozenset(fold(word) for word in ("برئاسة", "وبرئاسة", "يرأسه", "يترأسه"))


@dataclass
class Mention:
    entity: Entity
    first: int  # token indices, inclusive
    last: int

    @property
    def type(self) -> EntityType:
        return self.entity.type

    @property
    def is_nisba(self) -> bool:
        return self.entity.subtype == "nisba"


@dataclass
class SentenceView:
    """Token range [first, last) of one sentence and what the engine knows about it.

    Besides its mentions (sorted by first token, longest first), it keeps the indexes that let
    every question about the sentence be answered by bisection instead of a scan (see
    :meth:`DocumentView.index_sentence`): a long sentence with many triggers made the scans
    quadratic.
    """

    index: int
    first: int
    last: int
    start: int
    end: int
    quoted: bool = False  # the sentence starts inside reported speech in quotation marks
    narrative: int = 0  # the sentences before it not inside quotation marks
    actor: Mention | None = None
    previous_actor: Mention | None = None  # the actor carried into the sentence from before
    mentions: list[Mention] = field(default_factory=list)
    firsts: list[int] = field(default_factory=list)  # mentions[i].first, ascending
    widest: int = 0  # the largest mention.last - mention.first
    break_starts: list[int] = field(default_factory=list)  # clause-break tokens' offsets
    break_ends: list[int] = field(default_factory=list)
    complementizer: int = 0  # token index of the first إن/أن (``last`` when none)
    topic_markers: list[int] = field(default_factory=list)  # token indexes, ascending
    by_span: dict[tuple[int, int], list[Mention]] = field(default_factory=dict)
    # VISIT triggers' first -> last tokens, noted by the engine: the preposition after each is its
    # own ("توجه بعد ختام زيارته إلى قطر إلى عمان": only عمان is توجه's)
    visit_triggers: dict[int, int] = field(default_factory=dict)

    def mentions_from(self, low: int, high: int) -> list[Mention]:
        """The mentions whose first token is in ``[low, high)``, in order."""
        return self.mentions[bisect.bisect_left(self.firsts, low) : bisect.bisect_left(self.firsts, high)]


_TOPIC_REACH = 8  # tokens from a topic preposition to the name it governs
_BLESSING = fold("رضي")
_FROM = frozenset(fold(word) for word in ("عن", "وعن", "فعن"))
_AMMA = frozenset(fold(word) for word in ("أما", "وأما", "اما", "واما"))  # "أما عن X فقال"
# Paired quotation marks, and paragraph breaks, which close a quotation a story left open
# ("اشترت طائرات من طراز “سيسنا.\nوقال ..."): the next paragraph is the story's own
_QUOTING_RE = regex.compile(quotes.PAIRED_RE.pattern + "|\n")


def _depth_after(depth: int, mark: str) -> int:
    """How many quotations are open after a quotation mark or a paragraph break."""
    if mark == "\n":
        return 0
    return max(0, depth + (1 if mark in quotes.PAIRED_OPENING else -1))


class Namings:
    """Each entity's names in text order (same type and canonical name; no nisba, no pronoun or
    title), to find the last one before an offset."""

    def __init__(self, sentences: list[SentenceView]) -> None:
        self._by_entity: dict[tuple[EntityType, str], tuple[list[int], list[Mention]]] = {}
        for sentence in sentences:
            for named in sentence.mentions:
                if not named.is_nisba and named.entity.source != EntitySource.COREF:
                    key = (named.type, named.entity.canonical)
                    starts, mentions = self._by_entity.setdefault(key, ([], []))
                    starts.append(named.entity.start)
                    mentions.append(named)

    def latest(self, mention: Mention, before: int) -> Mention:
        """The last name of ``mention``'s entity that starts before offset ``before`` (``mention``
        itself when none comes after it): a speaker carried from the story's opening is named
        again later ("شي ... قال" ... "وأضاف"), and a relation's evidence starts at that naming,
        not at the opening (each carried statement of a 1 MB text spanned 300 KB of it, and a
        5 MB text ran out of memory)."""
        starts, mentions = self._by_entity.get((mention.type, mention.entity.canonical), ([], []))
        index = bisect.bisect_left(starts, before) - 1
        if index < 0 or starts[index] <= mention.entity.start:
            return mention
        return mentions[index]


class DocumentView:
    """Token-indexed access to one document's sentences and mentions."""

    def __init__(self, doc: Document, words: FoldedLexicons) -> None:
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self._words = words
        self._token_starts = [token.start for token in doc.tokens]
        self.sentences = self._sentences()
        self.sentence_firsts = [sentence.first for sentence in self.sentences]
        self.dateline_time, self.lead_time = self._anchor_times()
        self._time_tokens = self._tokens_in_times()
        self._time_starts = [time.start for time in doc.times]
        self._dateline_place: Entity | None = None
        self._dateline_looked = False
        self.speaker: tuple[Mention, int] | None = None  # the last STATEMENT's speaker, sentence
        self.unnamed_speaker: int | None = None  # the sentence of the last unnamed source's words
        # the subject of the last verb trigger: (its mention, the sentence index, the verb's last token)
        self.subject: tuple[Mention, int, int] | None = None
        # the two people last told of together (a meeting of two, a dual verb's doers) and the
        # sentence index: the doers of a later dual ("وأكدا"، "الرئيسان اتفقا")
        self.pair: tuple[list[Mention], int] | None = None

    def note_subject(self, sentence: SentenceView, verb: int, mention: Mention) -> None:
        """Remember the doer of a verb (the one a following "ويلتقي" continues)."""
        self.subject = (mention, sentence.index, verb)

    def coordinated_subject(self, sentence: SentenceView, verb: int, within: int = 16) -> Mention | None:
        """The doer of the verb a و-verb at token ``verb`` continues, if one was noted in the
        same sentence at most ``within`` tokens before it."""
        if self.subject is None:
            return None
        mention, index, last = self.subject
        if index != sentence.index or not 0 < verb - last <= within:
            return None
        if any(self.tokens[at].norm in self._words.complementizers for at in range(last + 1, verb)):
            # "قال شي إن جهود الصين لتعزيز ... ودعم الإصلاح": a verb inside what was said does not
            # continue the speech verb before إن
            return None
        return mention

    def note_speaker(self, relation: Relation, sentence: SentenceView) -> None:
        """Remember who spoke last (implicit speakers of later speech verbs); a speaker
        inside someone's quoted words ("«... وقد أكد لي X ...». وأضاف") is not."""
        if sentence.quoted or inside_quotation(self.text, sentence, relation.trigger.start):
            return
        self.unnamed_speaker = None
        entity_id = relation.arguments[0].entity_id
        for mention in sentence.mentions:
            if mention.entity.id == entity_id:
                self.speaker = (mention, sentence.narrative)
                return
        if self.speaker is not None and self.speaker[0].entity.id == entity_id:
            self.speaker = (self.speaker[0], sentence.narrative)
            return
        actor = sentence.actor
        if actor is not None and actor.entity.id == entity_id:
            self.speaker = (actor, sentence.narrative)

    @cached_property
    def namings(self) -> Namings:
        return Namings(self.sentences)

    def _tokens_in_times(self) -> set[int]:
        inside: set[int] = set()
        for time in self.doc.times:
            inside.update(range(self.token_index(time.start), self.token_index(time.end - 1) + 1))
        # the punctuation that sets a time expression off: "، يوم (الأربعاء) "
        for index in list(inside):
            for neighbour in (index - 1, index + 1):
                if 0 <= neighbour < len(self.tokens) and not self.tokens[neighbour].text.isalnum():
                    inside.add(neighbour)
        return inside

    @staticmethod
    def inside(mention: Mention, other: Mention) -> bool:
        return other.entity.start <= mention.entity.start and mention.entity.end <= other.entity.end

    def dateline_place(self) -> Entity | None:
        """The city of the dateline ("نور سلطان 12 سبتمبر 2020 (شينخوا)"), if the story has one
        (found once per document: every "الزائر" title asks)."""
        if not self._dateline_looked:
            self._dateline_looked = True
            if self.dateline_time is not None:
                for entity in self.doc.entities:
                    if entity.end <= self.dateline_time.start and entity.type == EntityType.CITY:
                        self._dateline_place = entity
                        break
        return self._dateline_place

    def times_in(self, sentence: SentenceView) -> list[Time]:
        """The time expressions that start inside a sentence (times are in text order)."""
        low = bisect.bisect_left(self._time_starts, sentence.start)
        high = bisect.bisect_left(self._time_starts, sentence.end)
        return self.doc.times[low:high]

    def is_time_token(self, index: int) -> bool:
        return index in self._time_tokens

    @property
    def words(self) -> FoldedLexicons:
        return self._words

    def token_index(self, offset: int) -> int:
        """The token containing (or the last one starting before) a character offset."""
        return max(0, bisect.bisect_right(self._token_starts, offset) - 1)

    def sentence_of(self, index: int) -> SentenceView:
        """The sentence of a token."""
        return self.sentences[bisect.bisect_right(self.sentence_firsts, index) - 1]

    def _sentences(self) -> list[SentenceView]:
        views: list[SentenceView] = []
        for number, sentence in enumerate(self.doc.sentences):
            first = bisect.bisect_left(self._token_starts, sentence.start)
            last = bisect.bisect_left(self._token_starts, sentence.end)
            views.append(SentenceView(number, first, last, sentence.start, sentence.end))
        sentence_starts = [view.start for view in views]
        outside = outside_story(self.doc)  # its reporters and photographers are no argument
        for entity in self.doc.entities:
            if entity.id in outside or entity.subtype == PLACE_NAMED:
                continue
            first, last = self.token_index(entity.start), self.token_index(entity.end - 1)
            number = bisect.bisect_right(sentence_starts, entity.start) - 1
            if number >= 0 and entity.start < views[number].end:
                views[number].mentions.append(Mention(entity, first, last))
        self._mark_quoted(views)
        actor: Mention | None = None
        for view in views:
            view.mentions.sort(key=lambda m: (m.first, -m.last))
            self.index_sentence(view)
            # whom a quoted sentence names is not whom the story follows
            own = None if view.quoted else self._actor(view)
            view.previous_actor = actor
            actor = own or actor
            view.actor = actor
        return views

    def _mark_quoted(self, views: list[SentenceView]) -> None:
        """Which sentences start inside «...» or “...” (one pass over the quotation marks)."""
        marks = [(m.start(), m.group()) for m in _QUOTING_RE.finditer(self.text)]
        position, depth, narrative = 0, 0, 0
        for view in views:
            while position < len(marks) and marks[position][0] < view.start:
                depth = _depth_after(depth, marks[position][1])
                position += 1
            view.quoted = depth > 0
            view.narrative = narrative
            narrative += not view.quoted

    def index_sentence(self, sentence: SentenceView) -> None:
        """Fill the sentence's indexes (one pass over its tokens and mentions)."""
        words = self._words
        sentence.firsts = [m.first for m in sentence.mentions]
        sentence.widest = max((m.last - m.first for m in sentence.mentions), default=0)
        sentence.complementizer = sentence.last
        for index in range(sentence.first, sentence.last):
            token = self.tokens[index]
            if token.text in words.breaks:
                sentence.break_starts.append(token.start)
                sentence.break_ends.append(token.end)
            if sentence.complementizer == sentence.last and token.norm in words.complementizers:
                sentence.complementizer = index
            if listed(token.norm, words.topic_markers):
                sentence.topic_markers.append(index)
        for mention in sentence.mentions:
            sentence.by_span.setdefault((mention.entity.start, mention.entity.end), []).append(mention)

    def _actor(self, sentence: SentenceView) -> Mention | None:
        """The first person the sentence is about: before any reported speech (after إن/أن, or
        quoted after a colon: 'وقال X: "... الرئيس Y ..."'), not after مع."""
        limit = min(sentence.complementizer, self._quotation(sentence))
        headed: Mention | None = None  # "زيارة وفد الحركة برئاسة X ... قال الجبير": not X
        companions = self._companions(sentence, limit)
        for mention in sentence.mentions:
            if mention.first >= limit:
                break
            if mention.type not in _ACTOR_TYPES:
                continue
            previous = self.tokens[mention.first - 1].norm if mention.first > sentence.first else ""
            if listed(previous, {"مع", "بين"}) or self.is_counterpart(sentence, mention):
                continue
            if self.in_topic(sentence, mention):
                continue  # "وعن المدافع X قال": whom the clause is about
            if self.in_facility_name(mention, sentence):
                continue  # "عبر جسر الملك فهد"، "من مطار الأمير X الدولي": a place's name
            if any(along.start < mention.first < along.stop for along in companions):
                continue  # "حيث زار المستشفى يرافقه مدير الشؤون الصحية X": X goes along
            if self._heads_delegation(sentence, mention):
                headed = headed or mention
                continue
            return mention
        return headed

    def _companions(self, sentence: SentenceView, limit: int) -> list[range]:
        """Where the sentence names who goes along: from "يرافقه"، "برفقة" to the clause's end."""
        spans = []
        for index in range(sentence.first, limit):
            if listed(self.tokens[index].norm, self._words.companions):
                end = next(
                    (j for j in range(index + 1, sentence.last) if self.tokens[j].text in self._words.breaks),
                    sentence.last,
                )
                spans.append(range(index, end))
        return spans

    def _heads_delegation(self, sentence: SentenceView, mention: Mention) -> bool:
        """ "برئاسة زعيمها X": the person named as a delegation's head, after its title."""
        index = mention.first - 1
        while index >= max(sentence.first, mention.first - 6):
            norm = self.tokens[index].norm
            if norm in _HEADED_BY:
                return True
            if not (
                self._words.in_title(norm)
                or self._words.possessed_head(norm)
                or norm in self._words.honorifics
            ):
                return False
            index -= 1
        return False

    def _quotation(self, sentence: SentenceView) -> int:
        """The token of the first colon that opens a quotation in the sentence (``last`` if none)."""
        for index in range(sentence.first, sentence.last - 1):
            if self.tokens[index].text == ":" and self.tokens[index + 1].text in quotes.OPENING:
                return index
        return sentence.last

    def title_opener(self, mention: Mention, sentence: SentenceView | None = None) -> str:
        """The word before a mention and its title ("من" in "من الرئيس الصيني X"); ``sentence``
        is the mention's, while the sentences are being built."""
        index = mention.first - 1
        while index >= max(0, mention.first - 10):
            norm = self.tokens[index].norm
            if not (
                self._words.in_title(norm)
                or self.mention_covering(sentence or self.sentence_of(index), index, AFFILIATION_TYPES)
                is not None
            ):
                return norm
            index -= 1
        return ""

    def in_facility_name(self, mention: Mention, sentence: SentenceView | None = None) -> bool:
        """ "مطار الملك عبد العزيز"، "جامعة الأمير X بالخرج": a name inside a facility's name."""
        return _in_facility_name(self, mention, sentence)

    def in_topic(self, sentence: SentenceView, mention: Mention) -> bool:
        """ "أما عن المدافع X فقال"، "وحول قرار الاتحاد قال": a mention in a clause that opens with
        what it is about (after "عن"، "حول" at the clause's start) is the topic, not the doer."""
        words = self._words
        if mention.last + 1 < sentence.last and self.tokens[mention.last + 1].norm == _BLESSING:
            return False  # "وعن أنس رضي الله عنه قال": a narration, told from him
        for index in range(mention.first - 1, max(sentence.first, mention.first - _TOPIC_REACH) - 1, -1):
            token = self.tokens[index]
            if token.text in words.breaks:
                return False
            if listed(token.norm, words.topic_openers):
                previous = self.tokens[index - 1] if index > sentence.first else None
                amma = previous is not None and previous.norm in _AMMA
                if index == mention.first - 1 and not amma and token.norm in _FROM:
                    return False  # "وعن ابن عباس قال": a narration told from the one named
                return (
                    previous is None
                    or amma
                    or token.norm not in words.topic_openers  # "وعن"، "فحول"
                    or previous.text in words.breaks
                )
        return False

    def is_counterpart(self, sentence: SentenceView, mention: Mention) -> bool:
        """ "نظيره العراقي فؤاد حسين": the counterpart phrase, or a name just after it."""
        return any(
            listed(self.tokens[index].norm, self._words.counterpart)
            for index in range(max(sentence.first, mention.first - 3), mention.first + 1)
        )

    def mention_covering(
        self, sentence: SentenceView, index: int, types: Sequence[EntityType] | None = None
    ) -> Mention | None:
        """The first mention (in order) covering token ``index``; only those starting at most
        ``widest`` tokens before it can, so O(log n + widest)."""
        for mention in sentence.mentions_from(index - sentence.widest, index + 1):
            if index <= mention.last and (types is None or mention.type in types):
                return mention
        return None

    def _anchor_times(self) -> tuple[Time | None, Time | None]:
        """The dateline's own time, and the lead sentence's 'today' (the story's main event)."""
        doc = self.doc
        if not doc.times or not self.sentences or doc.doc_date is None:
            return None, None
        lead = self.sentences[0]
        iso = doc.doc_date.isoformat()
        in_lead = [t for t in doc.times if lead.start <= t.start < lead.end and t.value == iso]
        if not in_lead:
            return None, None
        return in_lead[0], _days_before(doc, in_lead[0].end, lead.end) or in_lead[-1]


def _days_before(doc: Document, start: int, end: int) -> Time | None:
    """The first day of the week before the document date told of in ``[start, end)``: the lead's
    event may be of the days before its dateline ("الجزائر 28 أوت 2023 (واج) - أجرى عطاف، يوم
    أمس الأحد، محادثات"), and the later sentences tell of that call."""
    if doc.doc_date is None:
        return None
    today, week_before = doc.doc_date.isoformat(), (doc.doc_date - timedelta(days=7)).isoformat()
    for time in doc.times:
        if not start <= time.start < end or time.granularity not in {"day", "part_of_day"}:
            continue
        if isinstance(time.value, str) and week_before <= time.value <= today:
            return time
    return None


def inside_quotation(text: str, sentence: SentenceView, offset: int) -> bool:
    """Whether ``offset`` lies inside a quotation opened earlier in ``sentence``: 'قائلا: «...
    كما أكد الرئيس X»، مضيفا': X speaks inside the quoted words, and the participle after them
    goes on with the one quoted. Any mark counts, either way round: news sites open with ” or "
    as often as with “ ("قائلا :” نبذل ... كما أكد الرئيس X”، مستطردا"), so an odd count of
    marks before ``offset`` within its sentence puts it inside a quotation."""
    return len(quotes.MARKS_RE.findall(text, sentence.start, offset)) % 2 == 1


def _in_facility_name(view: DocumentView, mention: Mention, sentence: SentenceView | None) -> bool:
    """ "مطار الملك عبد العزيز"، "جسر الملك فهد": a facility's head before the name and its title;
    or a body the name overlaps that a facility's head opens ("وكيل جامعة الأمير X بالخرج" with
    the body "جامعة الأمير X": the university's name, not the one its deputy head works for)."""
    if view.words.heads_facility(view.title_opener(mention, sentence)):
        return True
    body = view.mention_covering(sentence or view.sentence_of(mention.first), mention.first, _BODY)
    return (
        body is not None
        and body.first < mention.first
        and view.words.heads_facility(view.tokens[body.first].norm)
    )
