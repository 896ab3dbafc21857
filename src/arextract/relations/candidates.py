"""Which mentions may fill a slot, and which of several candidates does.

A subject is never governed by a preposition ("في تصريح لوكالة الأنباء"); an organisation
governed by a title word is part of the title ("رئيسة المفوضية الأوروبية"); nisba adjectives
(الصيني) modify a noun and never fill a slot themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from arextract.relations.lexicons import FoldedLexicons, is_definite, listed
from arextract.relations.rules import Slot
from arextract.relations.triggers import TriggerForm, TriggerMatch
from arextract.relations.view import AFFILIATION_TYPES, PLACE_TYPES, DocumentView, Mention, SentenceView
from arextract.schema import EntitySource, EntityType, Token
from arextract.text import quotes
from arextract.text.clitics import PREPOSITION_LETTERS
from arextract.text.normalize import fold

# "X وY"، "X، Y"، and the paired names of "مباحثات الجبير - لافروف" (not "X Y": a name and the
# title of another, "التقى X رئيس الإقليم Y")
# "قد" makes the next word a verb: "وقد بين X أن" (showed), "فقد عبر X عن" (expressed) are
# not the prepositions بين (between) and عبر (via)
_DISTRICTS = frozenset(fold(word) for word in ("منطقة", "محافظة"))  # title words naming a district
_QAD = frozenset(fold(word) for word in ("قد", "وقد", "فقد", "لقد", "ولقد"))
_IN = fold("في")
_AGENCY = frozenset(fold(word) for word in ("وكالة", "الوكالة", "ووكالة"))
# "وكالة الأنباء «دوغان»"، "وكالة الأناضول للأنباء": an agency of news (not "وكالة الطاقة الدولية");
# "مؤسسة الإذاعة والتلفزيون": a broadcaster, whatever its head noun
_NEWS = frozenset(
    fold(word) for word in ("الأنباء", "أنباء", "للأنباء", "الصحافة", "الإذاعة", "التلفزيون", "والتلفزيون")
)
# "قال لي: يا بني": "to me", which the NER may read as the name Li when no fuller name of the
# document ("لي كه تشيانغ") makes it one
_TO_ME = frozenset(fold(word) for word in ("لي", "لنا"))
_COORDINATION_GAP_RE = regex.compile(r"^(?:|\s*[،,][\s،,]*(?:و\s*)?|\s*و\s*|\s+[-–]\s+)$")


@dataclass(frozen=True)
class SlotQuery:
    """One slot of a rule asked at one trigger: the sentence to search, the trigger's form, and
    the entities the rule's earlier slots took (in "استقبل X Y" the object is not X again)."""

    view: DocumentView
    sentence: SentenceView
    match: TriggerMatch
    form: TriggerForm
    slot: Slot
    used: frozenset[str]

    def open_to(self, mention: Mention) -> bool:
        """Whether ``mention`` is of one of the slot's types and no earlier slot took it."""
        return mention.type in self.slot.types and mention.entity.id not in self.used


class CandidateFilter:
    """Tests on one candidate mention of a slot."""

    def __init__(self, words: FoldedLexicons) -> None:
        self._words = words

    def _own_statement(self, view: DocumentView, mention: Mention) -> bool:
        """ "وأكدت صحيفة «X» في بيان نشرته أن": an outlet issuing a statement of its own speaks as
        a body (the story is about it), unlike one cited as the source of the news; not a news
        agency, which relays others' statements ("وذكرت وكالة الأنباء في بيان إن")."""
        if any(view.tokens[at].norm in _AGENCY for at in range(max(0, mention.first - 1), mention.first + 1)):
            return False
        index = mention.last + 1
        while index < len(view.tokens) and view.tokens[index].text in quotes.MARKS:
            index += 1
        if index + 1 >= len(view.tokens):
            return False
        return view.tokens[index].norm == _IN and view.tokens[index + 1].norm in self._words.vehicles

    def may_fill(self, view: DocumentView, mention: Mention, slot: Slot) -> bool:
        """A subject is never a mention after a preposition ("في تصريح لوكالة الأنباء"،
        "بحسب موسكو"), nor of a subtype the slot excludes (a news outlet cited as a source)."""
        if (
            mention.entity.subtype is not None
            and mention.entity.subtype in slot.exclude_subtypes
            and not self._own_statement(view, mention)
        ):
            return False
        if (
            slot.exclude_subtypes
            and self._named_as_outlet(view, mention)
            and not self._own_statement(view, mention)
        ):
            return False  # "ذكرت وكالة الأنباء «دوغان» أن": an outlet the NER gave no subtype
        if slot.not_after and view.title_opener(mention) in slot.folded_not_after:
            return False  # "دعوة من الملك X لزيارة": the one inviting
        if mention.first == mention.last and fold(mention.entity.canonical) in _TO_ME:
            return False
        if self._idiom(view, mention):
            return False  # "مسقط رأسه": a birthplace, not Muscat
        if mention.type == EntityType.PERSON and view.in_facility_name(mention):
            return False  # "وصلت إلى مطار الملك عبد العزيز": the airport, not the king
        if (
            not set(slot.types) & set(PLACE_TYPES)
            and view.in_facility_name(mention)
            and slot.role != "destination"
        ):
            return False  # "استقبل X بمقر السفارة Y": where, not who (a visit to a seat is to the body)
        if (
            mention.type != EntityType.PERSON
            and not set(slot.types) & set(PLACE_TYPES)
            and mention.first > 0
            and listed(view.tokens[mention.first - 1].norm, self._words.host_offices)
        ):
            return False  # "استقبل X في مكتبه بالديوان الأميري Y": where he received
        if slot.find != "subject":
            return True
        previous = mention.first - 1
        if (
            previous >= 0
            and view.tokens[previous].norm in self._words.prepositions
            and not _after_qad(view, previous)
        ):
            return False  # "سيغادر إلى جمهورية مصر": not the one who meets
        token = view.tokens[mention.first]
        if mention.entity.start > token.start:
            prefix = fold(view.text[token.start : mention.entity.start])
            if any(clitic in prefix for clitic in PREPOSITION_LETTERS):
                return False
        return not self._title_governed(view, mention)

    def _named_as_outlet(self, view: DocumentView, mention: Mention) -> bool:
        """Whether an outlet's head noun names the mention: it opens it ("صحيفة نيويورك تايمز"،
        "وكالة الأناضول للأنباء") or governs it past quotation marks and الأنباء ("وكالة الأنباء
        «دوغان»"); an agency only with news in its name, a broadcaster by its nouns."""
        tokens = view.tokens
        head = mention.first - 1
        while head >= 0 and (tokens[head].text in quotes.MARKS or tokens[head].norm in _NEWS):
            head -= 1
        head = head if head >= 0 and head < mention.first - 1 else mention.first
        words = [tokens[at].norm for at in range(head, mention.last + 1)]
        if any(word in _NEWS for word in words[1:]) and words[0] in {fold("مؤسسة"), fold("هيئة")}:
            return True  # "مؤسسة الإذاعة والتلفزيون التركية"
        if words[0] in _AGENCY:
            return any(word in _NEWS for word in words[1:])
        return words[0] in self._words.outlet_heads

    def _idiom(self, view: DocumentView, mention: Mention) -> bool:
        following = mention.last + 1
        if following >= len(view.tokens):
            return False
        words = tuple(view.tokens[i].norm for i in range(mention.first, following + 1))
        return words in self._words.name_idioms

    def _title_governed(self, view: DocumentView, mention: Mention) -> bool:
        """ "يلتقي خلالها بفخامة الرئيس المصري X": the title phrase before the name opens with
        a preposition."""
        words = self._words
        index = mention.first - 1
        leftmost: str | None = None
        unlisted = 0  # a ministry's field the title words do not list: "بوزير الإسكان X"
        while index >= 0 and index >= mention.first - 10:
            norm = view.tokens[index].norm
            if view.mention_covering(view.sentence_of(index), index, AFFILIATION_TYPES) is not None:
                index -= 1  # "المتحدث الأمني بوزارة الداخلية X": ب governs the body, not the name
                continue
            if words.in_title(norm) or (
                norm[:1] in {"ب", "ل"} and (norm[1:] in words.titles or norm[1:] in words.title_modifiers)
            ):
                leftmost = norm
                index -= 1
                continue
            if is_definite(norm) and norm not in words.stops and unlisted < 2 and leftmost is None:
                unlisted += 1  # (it counts only if a title opens the phrase before it)
                index -= 1
                continue
            break
        return (
            leftmost is not None
            and leftmost[:1] in {"ب", "ل"}
            and (leftmost[1:] in words.titles or leftmost[1:] in words.title_modifiers)
        )

    def titled_body(self, view: DocumentView, sentence: SentenceView, mention: Mention) -> bool:
        """ "نيابة عن الأمير X رئيس هيئة الهلال الأحمر استقبل": a body or country in a title
        before a verb is not its subject."""
        return mention.type in AFFILIATION_TYPES and self.in_title(view, sentence, mention)

    def in_title(self, view: DocumentView, sentence: SentenceView, mention: Mention) -> bool:
        """ "رئيسة المفوضية الأوروبية": an organisation or country governed by a title word."""
        words = self._words
        before = mention.first - 1
        if before < sentence.first:
            return False
        norm = view.tokens[before].norm
        coordinated = view.mention_covering(sentence, before, AFFILIATION_TYPES)
        if coordinated is not None and view.tokens[mention.first].norm[:1] == "و":
            # "سفير ... لدى إيطاليا ومالطا": as the one it is joined to
            opener = view.tokens[coordinated.first - 1].norm if coordinated.first > sentence.first else ""
            return opener in words.title_links or self.in_title(view, sentence, coordinated)
        if coordinated is not None and coordinated.first < before:
            # "دعم الولايات المتحدة لمصر": المتحدة ends the name before, no title word; the
            # name is in a title only as that name is ("مبعوث الأمم المتحدة لليمن")
            return self.in_title(view, sentence, coordinated)
        if norm[:1] == "ك" and norm[1:] in words.titles:
            return True  # "أول زيارة له كرئيس للولايات المتحدة"
        if norm[:1] == "ل" and norm[1:] in words.title_heads:
            return True  # "أكد المبعوث الخاص لرئيس الصين": the envoy of its head, not the state
        if not listed(norm, words.titles):
            return False
        if (
            mention.type in PLACE_TYPES
            and norm in _DISTRICTS
            and before > sentence.first
            and view.tokens[before - 1].norm in words.prepositions
        ):
            return False  # "بتفقد الخدمات في منطقة جازان": a place, no title's jurisdiction
        if listed(view.tokens[before].norm, words.state_heads):
            # "بين حكومة الأردن وحكومة العراق": the state itself, unless a title governs
            # "حكومة" ("رئيس حكومة الأردن")
            return before > sentence.first and listed(view.tokens[before - 1].norm, words.titles)
        return True

    def other_preposition(self, view: DocumentView, mention: Mention, slot: Slot) -> bool:
        """ "زيارة الجبير ... مع الجانب الروسي": after مع, not the destination (إلى، في)."""
        if mention.first == 0:
            return False
        previous = view.tokens[mention.first - 1].norm
        if view.tokens[mention.first].norm[:1] == "و":
            # "العلاقات بين المملكة وفرنسا": joined to a name that preposition governs
            joined = view.mention_covering(view.sentence_of(mention.first - 1), mention.first - 1)
            if joined is not None and joined.first < mention.first:
                return self.other_preposition(view, joined, slot)
        return previous in self._words.prepositions and previous not in slot.folded_preps


def is_addressee(query: SlotQuery, mention: Mention) -> bool:
    """ "دعا الجانبين إلى": a non-person right after the verb and before إلى is addressed."""
    following = mention.last + 1
    return (
        bool(query.slot.addressed_by)
        and mention.type != EntityType.PERSON
        and following < query.sentence.last
        and query.view.tokens[following].norm in query.slot.folded_addressed_by
    )


def country_adjective(view: DocumentView, sentence: SentenceView, mention: Mention) -> bool:
    """Whether a country mention is an adjective: a nisba, or a definite one after a definite
    noun it agrees with ("القيادة السعودية"، "الكشافة السعودية")."""
    if mention.is_nisba:
        return True
    before = mention.first - 1
    if mention.type != EntityType.COUNTRY or before < sentence.first:
        return False
    noun = view.tokens[before].norm
    return (
        view.tokens[mention.first].norm.startswith("ال")
        and noun.startswith("ال")
        and view.mention_covering(sentence, before) is None
    )


def carries_proclitic(token: Token, mention: Mention, proclitic: str) -> bool:
    """Whether the mention's word starts with ``proclitic`` that its span leaves out (لقازاقستان)."""
    return mention.entity.start > token.start and token.norm.startswith(fold(proclitic))


def preferred(
    candidates: Sequence[Mention], types: Sequence[EntityType], nisba: bool = False
) -> Mention | None:
    """The first candidate of the most preferred type.

    Nisba adjectives (الصيني) modify a noun, so they never fill a slot themselves; what they
    stand for reaches relations through ROLE affiliations and "الجانب الصيني" phrases. A slot
    that takes them (``nisba``: "الاتفاق الروسي الأمريكي") is the exception.
    """
    for entity_type in types:
        for mention in candidates:
            if mention.type == entity_type and (nisba or not mention.is_nisba):
                return mention
    return None


def nearest(candidates: Sequence[Mention]) -> Mention | None:
    """The first candidate in text order (nisba adjectives never fill a slot)."""
    return next((mention for mention in candidates if not mention.is_nisba), None)


def with_same_span(found: list[Mention], query: SlotQuery) -> list[Mention]:
    """Add the mentions sharing a span with a found one: "البلدين" stands for two countries."""
    spans = {(m.entity.start, m.entity.end) for m in found}
    ids = {m.entity.id for m in found}
    extra = [
        m
        for span in spans
        for m in query.sentence.by_span.get(span, ())
        if m.entity.id not in ids and m.entity.id not in query.used
    ]
    return sorted([*found, *extra], key=lambda m: (m.first, m.entity.id))


def coordinated_gap(text: str, end: int, start: int) -> bool:
    """Whether only a comma or و separates two mentions: "X وY"، "X، Y"."""
    return start >= end and bool(_COORDINATION_GAP_RE.match(text[end:start]))


def _after_qad(view: DocumentView, index: int) -> bool:
    """Whether token ``index`` follows "قد" (a verb then, not a preposition)."""
    return index > 0 and view.tokens[index - 1].norm in _QAD


def genitive_of_plain_noun(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, noun: int, genitive: Mention
) -> bool:
    """ "وأكد حرص بلاده": a country, or a pronoun's referent, right after a plain noun (no time
    word, no name) is that noun's genitive, neither the verb's subject nor its own argument. Not
    a nisba adjective ("مسؤولون أمريكيون": an unnamed subject)."""
    return (
        genitive.first == noun + 1
        and not genitive.is_nisba
        and (genitive.type == EntityType.COUNTRY or genitive.entity.source == EntitySource.COREF)
        and words.is_plain_noun(view.tokens[noun].norm)
        and not view.is_time_token(noun)
        and view.mention_covering(sentence, noun) is None
    )


def office_of_holder(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, person: Mention
) -> Mention | None:
    """ "قال مكتب رئيس الوزراء X إن"، "وكان ديوان الرئيس X قد أعلن": a person named right after
    an office that his title names is the office's holder; the office (a body opening its
    phrase, not in a title: "مدير مكتب الوزير X" is X's own title) is the one that speaks."""
    if person.type != EntityType.PERSON or person.first <= sentence.first:
        return None
    office = view.mention_covering(sentence, person.first - 1, (EntityType.ORGANIZATION,))
    if office is None or office.last != person.first - 1 or office.is_nisba:
        return None
    heads = words.title_heads
    if listed(view.tokens[office.first].norm, heads) or (
        words.office_head([view.tokens[index].norm for index in range(office.first, office.last + 1)]) is None
    ):
        # no holder's title inside: "وزارة الخارجية X" is no office of X, nor "مدينة الملك سعود
        # الطبية X" (named after a king) that of its director X
        return None
    before = office.first - 1
    norm = view.tokens[before].norm if before >= sentence.first else ""
    if listed(norm, heads) or (norm[:1] in {"ب", "ل"} and norm[1:] in heads):
        return None
    return office
