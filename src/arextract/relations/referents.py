"""Arguments a trigger refers to without naming them next to it: the antecedent of a relative
pronoun (نبيل عمار الذي يقوم بزيارة), the issuer of a statement (أفاد بيان صادر عن X), the
person an honorific pronoun addresses (وأكد سموه), the first person named before the trigger;
and whether a verb's subject is left unsaid at all."""

from __future__ import annotations

import bisect

from arextract.relations.candidates import (
    CandidateFilter,
    SlotQuery,
    country_adjective,
    genitive_of_plain_noun,
)
from arextract.relations.lexicons import FoldedLexicons, folded, is_definite, listed
from arextract.relations.rules import Slot
from arextract.relations.view import AFFILIATION_TYPES, DocumentView, Mention, SentenceView
from arextract.schema import EntityType, RelationType
from arextract.text.clitics import CONJUNCTION_LETTERS, NAME_PREPOSITIONS, lam_article_reading
from arextract.text.normalize import fold

_HEADED_BY = {fold(word) for word in ("برئاسة", "يرأسه", "يترأسه", "ترأسه")}
_DELEGATION_WINDOW = 14  # tokens after a delegation word in which its body or head is named
_IN_PRESENCE = folded(("بحضور",))  # listed() takes وبحضور too
_ALL = folded(("جميع", "كافة", "كل"))  # "ودعا جميع المستفيدين إلى": all of the addressed
_PRESENCE_REACH = 14  # title words between بحضور and the name of the one present
_NOUN_PHRASE = 3  # words of a plain subject between إن/أن and its verb ("إن الشركات الوطنية ستشارك")
_OWNER_REACH = 8  # title words between a person and the body in the genitive of his title
_SUBJECT_SLOT = Slot(role="subject", find="subject", types=[EntityType.PERSON])
_PRONOUN_GAP = {
    fold(word) for word in ("قد", "كان", "سوف", "لن", "لم", "لا")
}  # "إنه لن يلتقي"، "حيث كان قد التقى"


class Referents:
    """Who a trigger's unnamed argument is."""

    def __init__(self, words: FoldedLexicons, candidates: CandidateFilter) -> None:
        self._words = words
        self._candidates = candidates

    def antecedent(self, query: SlotQuery) -> Mention | None:
        """The mention a relative pronoun up to three words before the trigger refers to."""
        view, sentence, match = query.view, query.sentence, query.match
        for index in range(match.first - 1, max(sentence.first, match.first - 4) - 1, -1):
            if view.tokens[index].norm in self._words.relatives:
                # the last such mention in order, if it ends at most two tokens before: read
                # backwards, and stop where no mention can end that close any more
                for position in range(bisect.bisect_left(sentence.firsts, index) - 1, -1, -1):
                    m = sentence.mentions[position]
                    if m.first + sentence.widest < index - 2:
                        return None
                    if m.last < index and query.open_to(m) and not m.is_nisba:
                        if m.entity.subtype in query.slot.exclude_subtypes:
                            return None  # "وكالة الأنباء، التي أشارت إلى": a source, not a speaker
                        if index - m.last > 2:
                            return None
                        return _title_owner(self._words, query, m) or m
                return None
        return None

    def delegation(self, query: SlotQuery, start: int, reach: int = 1) -> Mention | None:
        """Whom a delegation at most ``reach`` tokens from ``start`` stands for (see
        :meth:`delegation_phrase`)."""
        return self.delegation_phrase(query, start, reach)[0]

    def delegations(self, query: SlotQuery, start: int, reach: int = 1) -> tuple[list[Mention], int]:
        """Whom the delegations at ``start`` stand for, one each, when several are joined ("وصل
        الوفد الكويتي برئاسة X، والوفد البحريني برئاسة Y"), and the token after the last."""
        found: list[Mention] = []
        chosen, after = self.delegation_phrase(query, start, reach)
        view, sentence = query.view, query.sentence
        while chosen is not None and chosen not in found:
            found.append(chosen)
            index = after + (after < sentence.last and view.tokens[after].text in {"،", ","})
            if index >= sentence.last:
                break
            norm = view.tokens[index].norm
            if not (norm[:1] == "و" and norm[1:] in self._words.delegations):
                break
            chosen, following = self.delegation_phrase(query, index, 1)
            after = following if chosen is not None else after
        return found, after

    def delegation_phrase(self, query: SlotQuery, start: int, reach: int = 1) -> tuple[Mention | None, int]:
        """Whom a delegation at most ``reach`` tokens from ``start`` stands for, and the token
        after the phrase that names it: the body in its genitive ("وفد حماس برئاسة X"، "وفد
        «سفراء الحزم»"), else the person heading it ("الوفد الكويتي برئاسة الشيخ X"، "وفد من
        المجلس برئاسة رئيسه X"), else the body it comes from ("وفد رفيع من وزارة النقل")."""
        words = self._words
        view, sentence = query.view, query.sentence
        end = min(sentence.last, start + reach)
        index = start
        while index < end and not listed(view.tokens[index].norm, words.delegations):
            if view.tokens[index].norm in words.complementizers:
                return None, start
            index += 1
        if index >= end:
            return None, start
        body: Mention | None = None
        head: Mention | None = None
        direct = False  # the body is the delegation's genitive
        heads = False
        after = index + 1
        for position in range(index + 1, min(sentence.last, index + _DELEGATION_WINDOW)):
            token = view.tokens[position]
            if (
                token.text in words.breaks
                or token.norm in words.complementizers
                or token.norm in words.relatives
            ):
                break
            if token.norm in _HEADED_BY:
                heads = True
                continue
            mention = view.mention_covering(sentence, position)
            if mention is None or mention.first != position or mention.is_nisba or not query.open_to(mention):
                continue
            if _body_adjective(words, view, sentence, mention):
                continue  # "وفدا من الكشافة السعودية": the scouts' nationality, not a body
            if heads and mention.type == EntityType.PERSON:
                head, after = mention, mention.last + 1
                break
            if body is None and not heads and mention.type != EntityType.PERSON:
                body, after = mention, mention.last + 1
                gap = range(index + 1, position)  # "وفد حركة «حماس»", not "وفد تجاري من المجلس"
                direct = len(gap) <= 2 and not any(view.tokens[i].norm in words.prepositions for i in gap)
        chosen = body if direct or head is None else head
        if chosen is None and (country := _nisba_country(query, index + 1)) is not None:
            return country, country.last + 1  # "الوفد المالطي": an unnamed delegation is its country
        return chosen, after

    def issuer(self, query: SlotQuery, vehicle: int) -> Mention | None:
        """Who issued the statement, report or source named right after a speech verb."""
        words = self._words
        view, sentence = query.view, query.sentence
        for index in range(vehicle + 1, min(sentence.last, vehicle + 4)):
            norm = view.tokens[index].norm
            if view.tokens[index].text in words.breaks or norm in words.complementizers:
                break
            if norm in {"عن", "من"} or norm in words.vehicles:
                continue
            mention = view.mention_covering(sentence, index)
            if mention is not None and mention.first == index:
                if query.open_to(mention) and mention.entity.subtype not in query.slot.exclude_subtypes:
                    return mention
                return None
            if norm.startswith(("صادر", "الصادر")):
                continue
            break
        speaker = view.speaker
        if (
            speaker is not None
            and view.tokens[vehicle].norm.startswith("ال")
            and sentence.narrative - speaker[1] <= 2
        ):
            return speaker[0]  # "البيان": the one whose statement was reported before
        return None

    def addressed_as(self, query: SlotQuery, pronoun: str) -> Mention | None:
        """The last person before the trigger whose name follows the honorific the pronoun
        stands for (سموه: سمو، السمو; معاليه: معالي; فخامته: فخامة)."""
        view, sentence, match = query.view, query.sentence, query.match
        nouns = self._words.honorific_pronouns[pronoun]
        addressed: list[Mention] = []
        present: list[Mention] = []  # named as present at the occasion: "بحضور صاحب السمو X"
        for view_sentence in reversed(view.sentences[: sentence.index + 1]):
            for mention in reversed(view_sentence.mentions):
                if mention.type != EntityType.PERSON or mention.first >= match.first:
                    continue
                window = range(max(view_sentence.first, mention.first - 3), mention.first + 1)
                if any(listed(view.tokens[i].norm, nouns) for i in window) or self._title_opened_by(
                    view, view_sentence, mention, nouns
                ):
                    addressed.append(mention)
                    if self._present_at(view, view_sentence, mention):
                        present.append(mention)
        if not addressed:
            return None
        # two ministers (معالي) met: "معاليه" is the one the story follows, else the last named;
        # not one only present ("كرم صاحب السمو X ...، بحضور صاحب السمو Y. وقال سموه": X)
        actor = sentence.actor
        for mention in addressed:
            if actor is not None and mention.entity.canonical == actor.entity.canonical:
                return mention
        return next((mention for mention in addressed if mention not in present), addressed[0])

    def _title_opened_by(
        self, view: DocumentView, sentence: SentenceView, mention: Mention, nouns: frozenset[str]
    ) -> bool:
        """Whether the honorific opens the long title before the name: "معالي وزير الشؤون
        الإسلامية والدعوة والإرشاد الشيخ X" (title words, words with the article and named bodies
        between, no comma)."""
        words = self._words
        for index in range(mention.first - 1, max(sentence.first, mention.first - _PRESENCE_REACH) - 1, -1):
            norm = view.tokens[index].norm
            if listed(norm, nouns):
                return True
            if not (
                words.in_title(norm)
                or is_definite(norm)
                or view.mention_covering(sentence, index, AFFILIATION_TYPES) is not None
            ):
                return False
        return False

    def _present_at(self, view: DocumentView, sentence: SentenceView, mention: Mention) -> bool:
        """Whether the clause naming ``mention`` opens with بحضور ("بحضور وكيل الإمارة صاحب
        السمو X"): one present at what the sentence tells, not the one doing it."""
        for index in range(mention.first - 1, max(sentence.first, mention.first - _PRESENCE_REACH) - 1, -1):
            token = view.tokens[index]
            if token.text in self._words.breaks:
                return False
            if listed(token.norm, _IN_PRESENCE):
                return True
        return False

    def first_person_before(self, query: SlotQuery, last: bool = False) -> Mention | None:
        """The first person named before the trigger (the last one if ``last``).

        The first: the subject of the clause the trigger continues ("أن يلتقي الوزير غدا رئيس
        الوزراء X، كما سيشارك في ..." is the minister, not X); but "his" of a masdar ("خلال
        استقباله") is the nearest one before.
        """
        view, sentence, trigger = query.view, query.sentence, query.match.first
        candidates = sentence.mentions_from(sentence.first, trigger)
        for mention in reversed(candidates) if last else candidates:
            if (
                mention.last >= trigger
                or mention.type != EntityType.PERSON
                or mention.entity.id in query.used
            ):
                continue
            previous = view.tokens[mention.first - 1].norm if mention.first > sentence.first else ""
            if listed(previous, {"مع", "بين"}) or view.is_counterpart(sentence, mention):
                continue
            if not self._candidates.may_fill(view, mention, _SUBJECT_SLOT):
                continue
            return mention
        return None

    def subject_is_implicit(self, query: SlotQuery) -> bool:
        """Whether the trigger's doer is left unsaid (so it is the carried actor).

        After a relative pronoun (التي تدعو) the doer is the antecedent, never the actor. A verb
        followed by a plain word has a subject we did not recognise (وقعت 140 دولة); one
        followed by إن/أن, a preposition, punctuation, an adverb or a named non-person
        (كما دعا الجانبين) has none.
        """
        words = self._words
        view, sentence, match = query.view, query.sentence, query.match
        if match.first > sentence.first and view.tokens[match.first - 1].norm in words.relatives:
            return False
        if query.form.rule.pos == "noun":
            return True
        if query.form.rule.type != RelationType.STATEMENT and _noun_after_complementizer(
            words, view, sentence, match.first
        ):
            return False  # "وقال X إن الوفد سيشارك في المنتدى": the delegation takes part, not X
        ending = view.tokens[match.last]
        if ending.norm in words.complementizers or not any(ch.isalnum() for ch in ending.text):
            return True  # "وبين أن ..."، "وتابع: ..."
        following = match.last + 1
        # past adverbs and times: "وصلت اليوم (الخميس) ثاني طائرة" has a subject we do not know
        while following < sentence.last and (
            view.is_time_token(following)
            or view.tokens[following].text in "()"
            or (
                view.tokens[following].norm in words.adverbs
                and view.tokens[following].norm not in words.honorific_pronouns
            )
        ):
            following += 1
        if following >= sentence.last:
            return True
        token = view.tokens[following]
        if (
            words.ends_phrase(token)
            or token.norm in words.adverbs
            or not any(ch.isalnum() for ch in token.text)
        ):
            return True
        covering = view.mention_covering(sentence, following)
        if (
            (covering is None or covering.type != EntityType.PERSON)
            and query.form.rule.type != RelationType.STATEMENT
            and pronoun_subject_at(words, view, sentence, match.first) is not None
        ):
            return True  # "حيث زار مستشفى الملك فهد"، "حيث تفقد الخدمات": the doer unsaid
        if (
            covering is None
            and _oblique_plural(token.norm)
            and query.form.rule.type == RelationType.STATEMENT
        ):
            return True  # "ودعا المهندسين إلى": a plural in -ين is the object, the subject unsaid
        if covering is None and token.norm in _ALL and _all_addressed(view, sentence, query.slot, following):
            return True  # "ودعا جميع المستفيدين إلى": those called on, the subject unsaid
        if covering is None:
            # a prepositional phrase next ("يلتقي خلالها بفخامة الرئيس"، "قام بزيارة"): no subject
            # ("وقال لـ«الوطن»"، "وقال للصحفيين": a lone ل, or لل for ل + ال)
            rest = lam_article_reading(token.norm) or token.norm[1:]
            if token.norm.startswith("لل") and match.first > sentence.first:
                before = view.tokens[match.first - 1]
                if is_definite(before.norm) and view.mention_covering(sentence, match.first - 1) is None:
                    return False  # "أن الحادث ... أثناء الصلاة يؤكد للجميع": a subject before it
            return (
                token.norm[:1] in NAME_PREPOSITIONS
                and (not rest or is_definite(rest) or words.in_title(rest))
            ) or _noun_with_genitive(words, query, following)
        if covering.type == EntityType.PERSON and not view.is_counterpart(sentence, covering):
            return False
        # an object right after the verb may be followed by the subject: "وحضر المؤتمر مجموعة"
        after = covering.last + 1
        if after >= sentence.last:
            return True
        return (
            words.ends_phrase(view.tokens[after])
            or view.is_time_token(after)  # "ثم سيزور قطر مساء اليوم نفسه"
            or view.mention_covering(sentence, after) is not None
        )


def _noun_after_complementizer(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, first: int
) -> bool:
    """Whether plain definite words, no name nor title, stand between إن/أن and the verb at
    ``first`` ("إن الشركات الوطنية ستشارك"، "أن الوفد سيزور"): the verb's subject, said though
    unnamed."""
    noun = first - 1
    while (
        noun > sentence.first
        and first - noun <= _NOUN_PHRASE
        and _plain_definite(words, view, sentence, noun)
    ):
        if view.tokens[noun - 1].norm in words.complementizers:
            return True
        noun -= 1
    return False


def _plain_definite(words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int) -> bool:
    norm = view.tokens[index].norm
    named = view.mention_covering(sentence, index)  # (a nisba may follow: "إن الوفد السعودي")
    return (
        norm.isalpha()
        and is_definite(norm)
        and (named is None or named.is_nisba)
        and not words.in_title(norm)
        and not words.prefixed_title(norm)
        and not listed(norm, words.honorifics)
        and norm not in words.adverbs
    )


def pronoun_subject_at(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, first: int
) -> int | None:
    """The token of a pronoun subject before the verb at ``first`` ("إنه لن يلتقي"، "حيث كان قد
    التقى"), if there is one: the doer is then the one the story follows, not a name after it."""
    index = first - 1
    while index > sentence.first and view.tokens[index].norm in _PRONOUN_GAP:
        index -= 1
    if index < sentence.first or view.tokens[index].norm not in words.pronoun_subjects:
        return None
    return index


def _body_adjective(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, mention: Mention
) -> bool:
    """A country agreeing with the common noun before it ("الكشافة السعودية"); not a state's
    own noun ("الحكومة السعودية" is the state)."""
    if not country_adjective(view, sentence, mention) or mention.is_nisba:
        return False
    noun = view.tokens[mention.first - 1].norm
    return not listed(noun[2:] if noun.startswith("ال") else noun, words.state_heads)


def _title_owner(words: FoldedLexicons, query: SlotQuery, mention: Mention) -> Mention | None:
    """ "X الممثلة العليا للشؤون الخارجية بالاتحاد الأوروبي التي زارت بغداد": a body in the genitive
    of a person's title is not the antecedent; the person whose title it is. (Not for
    statements: whose speaker is another stage's concern.)"""
    if (
        mention.type == EntityType.PERSON
        or EntityType.PERSON not in query.slot.types
        or query.form.rule.type == RelationType.STATEMENT
    ):
        return None
    view, sentence = query.view, query.sentence
    titled = False
    for index in range(mention.first - 1, max(sentence.first, mention.first - _OWNER_REACH) - 1, -1):
        covering = view.mention_covering(sentence, index)
        if covering is not None and covering.type == EntityType.PERSON:
            return covering if titled and query.open_to(covering) else None
        norm = view.tokens[index].norm
        if words.in_title(norm) or words.prefixed_title(norm):
            titled = True
        elif covering is None or covering.type not in AFFILIATION_TYPES:
            return None
    return None


def _oblique_plural(norm: str) -> bool:
    """A definite sound plural or dual in -ين (المهندسين، المواطنين، الطرفين): never a verb's
    subject, which would be in -ون/-ان."""
    word = norm[1:] if len(norm) > 2 and norm[0] in CONJUNCTION_LETTERS else norm
    return word.startswith("ال") and word.endswith("ين") and len(word) > 6


def _all_addressed(view: DocumentView, sentence: SentenceView, slot: Slot, quantifier: int) -> bool:
    """Whether "جميع"/"كافة" + a plural in -ين at ``quantifier`` is followed by the preposition
    that marks the one called on ("دعا كافة المواطنين إلى"; not "وأكد جميع المشاركين أن")."""
    after = quantifier + 2
    return (
        bool(slot.addressed_by)
        and after < sentence.last
        and _oblique_plural(view.tokens[quantifier + 1].norm)
        and view.tokens[after].norm in slot.folded_addressed_by
    )


def _noun_with_genitive(words: FoldedLexicons, query: SlotQuery, noun: int) -> bool:
    """ "وأكد حرص بلاده على": a plain noun whose genitive is a country or a pronoun's referent
    is the verb's object; the subject is left unsaid."""
    view, sentence = query.view, query.sentence
    genitive = view.mention_covering(sentence, noun + 1) if noun + 1 < sentence.last else None
    return genitive is not None and genitive_of_plain_noun(words, view, sentence, noun, genitive)


def _nisba_country(query: SlotQuery, index: int) -> Mention | None:
    """The country of a nisba at ``index`` ("المالطي" -> مالطا), or the body ("الأممي" -> الأمم
    المتحدة), if one is there, for a visit or an attendance (GUIDELINES §5; "وقدم رئيس الوفد
    السعودي التهنئة" proposes nothing)."""
    view, sentence = query.view, query.sentence
    if query.form.rule.type not in {RelationType.VISIT, RelationType.ATTENDANCE}:
        return None
    mention = view.mention_covering(sentence, index) if index < sentence.last else None
    if (
        mention is None
        or mention.first != index
        or not mention.is_nisba
        or mention.type not in {EntityType.COUNTRY, EntityType.ORGANIZATION}
    ):
        return None
    return mention
