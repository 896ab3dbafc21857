"""Searching a sentence for a slot's mentions: after the trigger (or after one of the slot's
prepositions), before it in its clause, further on past commas, and the coordinated run
"X وY وZ" that follows a first one.

Time expressions and the commas around them are transparent to every search: "حضر ... وانغ
يي، يوم (الأربعاء) الاجتماع الثالث" still reaches the event.
"""

from __future__ import annotations

import bisect

from arextract.relations.candidates import (
    CandidateFilter,
    SlotQuery,
    carries_proclitic,
    coordinated_gap,
    country_adjective,
    genitive_of_plain_noun,
    is_addressee,
    nearest,
    office_of_holder,
    preferred,
    with_same_span,
)
from arextract.relations.lexicons import FoldedLexicons, is_definite, listed
from arextract.relations.rules import Slot
from arextract.relations.view import AFFILIATION_TYPES, PLACE_TYPES, DocumentView, Mention, SentenceView
from arextract.schema import EntitySource, EntityType, RelationType
from arextract.text import quotes
from arextract.text.normalize import fold

_OWN_PREP_GAP = 3  # words from a travel word to its preposition ("زيارته الرسمية الأولى إلى")

_EACH = {"كل", "كلا", "كلاً"}  # "كل من X وY": X and Y
_APPOSITIVE_MAX = 12  # tokens of a title after a name, with its comma
_CONSTRUCT_MAX = 2  # indefinite nouns in a listed official's title ("رئيس أركان حرب")
# who reaches past commas must start a phrase there: not a noun's genitive ("وأكد حرص مصر")
_NAMED_BY_PHRASE = (EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANIZATION)
# speech verbs whose object may be a person ("أبلغ نظيره أن"، "دعا نظيره إلى"): the counterpart
# after them is the one addressed, not the speaker
_ADDRESSING_RULES = frozenset(
    {"statement-informed", "statement-reassured", "statement-appeal", "statement-warned"}
)
_COUNTERPART_GAP = 3  # tokens from a speech verb to the name after "نظيره الروسي"


def _counterpart_speaks(query: SlotQuery, mention: Mention) -> bool:
    """ "فيما قال نظيره الروسي X إن"، "وأعرب نظيره الأردني عن": the counterpart named right after
    a speech verb is its subject (not after one that addresses someone: "أبلغ نظيره")."""
    rule = query.form.rule
    return (
        rule.type == RelationType.STATEMENT
        and rule.id not in _ADDRESSING_RULES
        and query.match.last < mention.first <= query.match.last + _COUNTERPART_GAP
    )


class MentionSearch:
    """Where a slot's mentions are, relative to a token of the sentence."""

    def __init__(self, words: FoldedLexicons, candidates: CandidateFilter) -> None:
        self._words = words
        self._candidates = candidates

    def after(self, query: SlotQuery, start: int, subject: bool = False) -> list[Mention]:
        """The slot's mention(s) in the region from ``start`` on (a verb's subject if ``subject``)."""
        check = self._candidates
        view, sentence, slot = query.view, query.sentence, query.slot
        end = self._region_end(view, sentence, start, slot.window, subject)
        candidates = [
            m
            for m in sentence.mentions_from(start, end)
            if query.open_to(m)
            and check.may_fill(view, m, slot)
            and not (subject and is_addressee(query, m))
            and not (m.type != EntityType.PERSON and check.in_title(view, sentence, m))
            and not (subject and view.is_counterpart(sentence, m) and not _counterpart_speaks(query, m))
            and not (
                subject
                and m.first - 1 >= start
                and genitive_of_plain_noun(self._words, view, sentence, m.first - 1, m)
            )
            and (
                slot.proclitic is None
                or carries_proclitic(view.tokens[m.first], m, slot.proclitic)
                or _title_carries(self._words, view, sentence, m, slot.proclitic)
            )
            and not any(  # "جمع X بنظيره Y": the one after ب is the other slot's
                carries_proclitic(view.tokens[m.first], m, marker)
                or _title_carries(self._words, view, sentence, m, marker)
                for marker in _others_proclitics(query)
            )
            and not (slot.preps and not subject and check.other_preposition(view, m, slot))
            and not _bracketed_alias(view, sentence, m)
        ]
        candidates = _offices_speak(self._words, query, candidates) if subject else candidates
        chosen = nearest(candidates) if slot.nearest else preferred(candidates, slot.types, slot.nisba)
        if chosen is not None and not subject:
            chosen = _governed(view, slot, start, candidates, chosen)
        if chosen is None or _troops(self._words, view, slot, chosen):
            return []
        found = [chosen]
        if slot.coordinated:
            found += self.coordinated(query, chosen)
        return with_same_span(found, query)  # "البلدين" stands for two, coordinated or not

    def _region_end(
        self, view: DocumentView, sentence: SentenceView, start: int, window: int, subject: bool
    ) -> int:
        """First token index after the search region that starts at ``start``."""
        words = self._words
        end = min(sentence.last, start + window)
        index = start
        only_title = True  # so far the subject's title: "رئيس الجمهورية، السيد عبد المجيد تبون"
        headed = False  # a head opened it: its definite complements too ("المتحدث باسم العشائر")
        while index < end:
            token = view.tokens[index]
            if view.is_time_token(index):
                end = min(sentence.last, end + 1)
                index += 1
                continue
            index += 1
            if token.text in words.breaks:
                if only_title and index - 1 > start and (subject or token.text in {"،", ","}):
                    continue  # "مع مساعدة وزير الخارجية، آن باترسون": the name after its title
                return index - 1
            headed = headed or (only_title and _heads_name_title(words, token.norm))
            only_title = only_title and (
                _name_title_word(words, view, sentence, index - 1)
                or (headed and is_definite(token.norm) and token.norm not in words.stops)
                # "المتحدث الرسمي باسم رئاسة الجمهورية، X": the body the title names
                or (headed and view.mention_covering(sentence, index - 1, AFFILIATION_TYPES) is not None)
            )
            if subject and token.norm == "من" and index - 2 >= start and view.tokens[index - 2].norm in _EACH:
                continue  # "والتقى كل من الوزير X ونظيره Y": both are the subject
            if (
                subject
                and listed(token.norm, words.stops)
                and view.mention_covering(sentence, index - 1, (EntityType.PERSON,)) is None
                and not _posting_before_name(words, view, sentence, index - 1)
            ):
                return index - 1  # (but "علي المسعود" is a name, not the preposition على)
            if (
                token.norm in words.complementizers or token.norm in words.relatives
            ) and view.mention_covering(sentence, index - 1, (EntityType.PERSON,)) is None:
                return index - 1  # (but "بان كي مون" is a name, not بأن)
        # a subject made of title words runs on too: "استقبل مفتي عام السلطنة رئيس ... X"
        return (
            end
            if subject and not (only_title and headed)
            else _past_open_title(words, view, sentence, start, end)
        )

    def after_prep(self, query: SlotQuery, start: int) -> int | None:
        """Where the argument after one of the slot's prepositions starts; ``start`` when there
        is none (``None`` if the slot requires it)."""
        view, sentence, slot = query.view, query.sentence, query.slot
        if not slot.preps:
            return start
        preps = slot.folded_preps
        if (
            not slot.prep_required
            and start == query.match.last + 1
            and view.tokens[query.match.last].norm in preps
        ):
            return start  # the trigger ends with it: "وصوله إلى كينيا في أول زيارة ..."
        # the preposition follows the trigger (or its subject) closely: اجتماعه مع، زيارة رسمية إلى
        end = min(sentence.last, start + slot.prep_window)
        index = start
        owed = -1  # up to here, a preposition is a later VISIT trigger's own (_claimed)
        while index < end:
            token = view.tokens[index]
            if view.is_time_token(index):
                end = min(sentence.last, end + 1)  # "وصل ... اليوم الجمعة إلى كينيا"
                index += 1
                continue
            if token.text in self._words.breaks and not _prep_after_comma(view, index, end, preps):
                break
            if (claimed := _claimed(query, index, preps)) is not None:
                index, owed = claimed
                continue
            if _lam_name(view, sentence, slot, index):
                return index  # "زيارة X لعدن برفقة الوزراء ... في الرياض": the lam's place
            if _is_prep(token.norm, preps):
                if index > owed:
                    return _past_list_mark(view, index + 1, end)  # (and "وبحضور")
                owed = -1
            index += 1
        return None if slot.prep_required else start

    def reach(self, query: SlotQuery, start: int) -> list[Mention]:
        """The object past adjuncts set off by commas: "استقبل X، في قصر اليمامة اليوم، Y"."""
        view, sentence, slot = query.view, query.sentence, query.slot
        end = min(sentence.last, start + slot.reach)
        preps = slot.folded_preps
        for index in range(start, end):
            token = view.tokens[index]
            if token.norm in self._words.complementizers:
                end = index
                break
            if token.norm in preps and _heads_adjunct(self._words, view, sentence, index):
                # "اجتمع X أمس، في إطار الزيارة التي يقوم بها، مع Y": the slot's own preposition
                # after the adjunct, even past a relative clause
                found = self.after(query, index + 1)
                if found:
                    return found
        skipped: list[range] = []
        index = start
        while index < end:
            if view.tokens[index].norm in self._words.relatives:
                # "يلتقي الوزير الزائر الذي يجول في المنطقة، رئيس الحكومة X": a relative clause
                # set off by a comma is passed over; one that runs on ends the search
                comma = next(
                    (j for j in range(index + 1, end) if view.tokens[j].text in {"،", ","}),
                    None,
                )
                if comma is None:
                    end = index
                    break
                skipped.append(range(index, comma + 1))
                index = comma
            index += 1
        candidates = [
            m
            for m in sentence.mentions_from(start, end)
            if not any(m.first in passed for passed in skipped)
            and query.open_to(m)
            and not (slot.preps and self._candidates.other_preposition(view, m, slot))  # "التقيا في قطر"
            and not (m.type != EntityType.PERSON and self._candidates.in_title(view, sentence, m))
            and (m.type not in _NAMED_BY_PHRASE or _opens_phrase(self._words, query, m))
            and self._candidates.may_fill(view, m, slot)
        ]
        chosen = preferred(candidates, slot.types)
        if chosen is None:
            return []
        if not slot.coordinated:
            return [chosen]
        # "وكان في استقباله لدى وصوله المطار، X رئيس الحكومة، وY وزير الخارجية"
        return with_same_span([chosen, *self.coordinated(query, chosen)], query)

    def before(self, query: SlotQuery, window: int | None = None) -> list[Mention]:
        """The slot's mention(s) just before the trigger, in its clause."""
        words = self._words
        view, sentence, slot = query.view, query.sentence, query.slot
        trigger = query.match.first
        limit = window or max(slot.window, slot.reach)
        start = trigger
        while start > sentence.first and trigger - start < limit:
            token = view.tokens[start - 1]
            # a closing bracket ends what came before: "(شينخوا) قال" has no subject there
            if token.text in words.breaks and slot.reach and token.text in {"،", ","}:
                start -= 1  # "حفل معايدة ...، بحضور": past commas when the slot reaches
                continue
            if slot.find != "subject" and token.text in "()":
                start -= 1  # "لقيادة الحركة (حماس) لزيارة موسكو": a name in brackets
                continue
            if token.text in words.breaks or token.text in ")]" or token.norm in words.complementizers:
                break
            start -= 1
        candidates = [
            m
            for m in sentence.mentions_from(max(sentence.first, start - sentence.widest), trigger)
            if start <= m.last < trigger
            and m.first >= max(sentence.first, start - sentence.widest)
            and query.open_to(m)
            and self._candidates.may_fill(view, m, slot)
            and not (slot.find == "subject" and self._candidates.titled_body(view, sentence, m))
            # "مع القيادة السعودية فقال": an adjective is no subject before its verb
            and not (slot.find == "subject" and country_adjective(view, sentence, m))
            and not (slot.find == "subject" and view.in_topic(sentence, m))  # "أما عن X فقال"
        ]
        if slot.find == "subject":
            candidates = _offices_speak(words, query, candidates)
        if not candidates:
            return []
        chosen = preferred(list(reversed(candidates)), slot.types, slot.nisba)
        if chosen is None:
            return []
        if not slot.coordinated:
            return [chosen]
        run = [chosen]
        for mention in reversed(candidates):
            if (
                mention.last < run[0].first
                and mention.type == chosen.type
                and coordinated_gap(view.text, mention.entity.end, run[0].entity.start)
            ):
                run.insert(0, mention)
        return with_same_span(run, query)

    def coordinated(self, query: SlotQuery, first: Mention) -> list[Mention]:
        """The mentions coordinated after ``first``: "X وY"، "X والرئيس التركي Y"."""
        view, sentence = query.view, query.sentence
        run: list[Mention] = []
        previous = first
        # the mentions up to first.last would all be skipped below: start after them (by
        # index: a slice would copy the rest of the sentence for every trigger)
        for position in range(bisect.bisect_right(sentence.firsts, first.last), len(sentence.mentions)):
            mention = sentence.mentions[position]
            if mention.first <= previous.last or mention.entity.id in query.used:
                continue
            if mention.entity.canonical == previous.entity.canonical and (
                mention.first == previous.last + 1 or _titled_again(self._words, view, previous, mention)
            ):
                # "بنظيره الأردني X والعراقي Y": the name the counterpart stands for; "مدير مركز
                # الترجمة بالجامعة الدكتور X": the name of the one a title referred to
                previous = mention
                continue
            if first.type == EntityType.PERSON and _adjective_read_as_name(view, mention):
                continue  # "ومدير جمارك منطقة الشمال الغربي Y": an adjective, not a family name
            between = "بين" in query.slot.preps and {mention.type, first.type} <= set(AFFILIATION_TYPES)
            if (mention.type != first.type and not between) or mention.is_nisba != first.is_nisba:
                # ("بين إيران ومجموعة 5+1": a country and an organisation are both parties)
                if view.inside(mention, previous) or (mention.is_nisba and mention.type != first.type):
                    continue
                if mention.type in AFFILIATION_TYPES + PLACE_TYPES and first.type == EntityType.PERSON:
                    continue  # an affiliation in a title: "والرئيس التركي"، "X والي طنجة، وY"
                break
            if not (
                coordinated_gap(view.text, previous.entity.end, mention.entity.start)
                or (first.type in AFFILIATION_TYPES and _state_gap(self._words, view, previous, mention))
                or (
                    first.type == EntityType.PERSON
                    and (
                        _next_title_gap(self._words, view, sentence, previous, mention)
                        or _listed_titles_gap(self._words, view, sentence, previous, mention)
                        or (
                            query.slot.find != "subject"
                            and _appositive_gap(self._words, view, previous, mention)
                        )
                    )
                )
            ):
                if _embedded(view, previous, mention):
                    continue  # "X مدير جمارك منطقة الشمال الغربي، وY": a word of X's title
                break
            if first.type == EntityType.PERSON:
                # "والمشرف العام على مكتب سماحة المفتي الشيخ X": the one named in the title is not listed
                mention = _named_after(self._words, view, sentence, position, mention)
            run.append(mention)
            previous = mention
        return run


def _next_title_gap(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, previous: Mention, mention: Mention
) -> bool:
    """ "X والرئيس التركي Y": a conjunction and the next person's title between two names."""
    gap = range(previous.last + 1, mention.first)
    if not gap:
        return False
    opener = view.tokens[gap[0]]
    if not (opener.text in {"،", ","} or opener.norm.startswith("و")):
        return False
    heads = 0
    unlisted = 0
    construct = 0
    for index in gap:
        token = view.tokens[index]
        if token.text in {"،", ","} or view.mention_covering(
            sentence, index, AFFILIATION_TYPES + PLACE_TYPES
        ):
            continue
        heads += listed(token.norm, words.title_heads)
        if words.in_title(token.norm) or (heads and token.norm in words.title_links):
            continue  # a posting: "وسفير خادم الحرمين الشريفين لدى المملكة المغربية الدكتور Y"
        if words.prefixed_title(token.norm) or (
            is_definite(token.norm) and token.norm not in words.stops and not view.is_time_token(index)
        ):
            unlisted += 1  # a title's own complement: "ووكيل الوزارة للدراسات المهندس"
            continue
        if heads and construct < _CONSTRUCT_MAX and _construct_word(words, view, index, mention.first):
            construct += 1  # "والوكيل العام للملك لدى محكمة الاستئناف بالنيابة Y"
            unlisted += 1
            continue
        return False
    return unlisted == 0 or (heads > 0 and unlisted <= 4)


def _construct_word(words: FoldedLexicons, view: DocumentView, index: int, end: int) -> bool:
    """An indefinite noun inside a title, governing the word after it: "رئيس أركان حرب القوات
    المسلحة"، "لدى محكمة الاستئناف" (not the title's last word, not a particle or a time)."""
    token, following = view.tokens[index], view.tokens[index + 1] if index + 1 < end else None
    return (
        following is not None
        and following.text not in words.breaks
        and len(token.norm) > 2
        and token.text not in words.breaks
        and token.norm not in words.stops
        and token.norm not in words.prepositions
        and not view.is_time_token(index)
    )


def _past_list_mark(view: DocumentView, index: int, end: int) -> int:
    """Past the comma or colon that opens a list after a verb: "شملت، وزارة الصحة، جامعة X"."""
    return index + 1 if index < end and view.tokens[index].text in {"،", ",", ":"} else index


def _claimed(query: SlotQuery, index: int, preps: frozenset[str]) -> tuple[int, int] | None:
    """At another VISIT trigger after a VISIT trigger, where the search goes on and up to which
    token a preposition is that trigger's own: "توجه بعد ختام زيارته إلى قطر إلى عمان"
    (the first إلى is the visit's, the next the verb's), "وصول X ومغادرته عندما يتوجه إلى Y" (Y
    is not where X arrived). ``None`` elsewhere."""
    other = query.sentence.visit_triggers.get(index)
    if other is None or index <= query.match.last or query.form.rule.type != RelationType.VISIT:
        return None
    # its own preposition ends it ("زيارته إلى") or follows it closely
    return other + 1, -1 if query.view.tokens[other].norm in preps else other + _OWN_PREP_GAP


def _offices_speak(words: FoldedLexicons, query: SlotQuery, candidates: list[Mention]) -> list[Mention]:
    """The subject candidates without the holder named after his office: in "قال مكتب رئيس
    الوزراء X إن" the office speaks (GUIDELINES §5), not X."""
    offices = {
        id(m): office
        for m in candidates
        if (office := office_of_holder(words, query.view, query.sentence, m)) is not None
    }
    if not offices:
        return candidates
    return [m for m in candidates if id(m) not in offices or not query.open_to(offices[id(m)])]


def _others_proclitics(query: SlotQuery) -> set[str]:
    """The proclitics the rule's other slots of the same role require of their mentions, when
    this one has none ("جمع X بـY": two participants, the second the one after ب)."""
    if query.slot.proclitic is not None:
        return set()
    return {
        slot.proclitic
        for slot in query.form.rule.slots
        if slot.proclitic and slot is not query.slot and slot.role == query.slot.role
    }


def _appositive_gap(words: FoldedLexicons, view: DocumentView, previous: Mention, mention: Mention) -> bool:
    """ "X رئيس الحكومة، وY والي المدينة، وZ": the previous person's title after his name,
    a comma, and the next name joined by و (a list of those who received or attended)."""
    gap = range(previous.last + 1, mention.first)
    commas = [index for index in gap if view.tokens[index].text in {"،", ","}]
    if not commas or not 2 <= len(gap) <= _APPOSITIVE_MAX:
        return False
    comma = commas[-1]
    tail = range(comma + 1, mention.first)  # the next one's rank: "، والعقيد ركن Y"
    joined = view.tokens[tail[0]] if tail else view.tokens[mention.first]
    if tail:
        if not joined.norm.startswith("و") or len(tail) > 3:
            return False
    elif fold(view.text[joined.start : mention.entity.start]) != "و":
        return False
    for index in range(previous.last + 1, comma):
        token = view.tokens[index]
        if token.text in words.breaks or token.text in "()«»":
            return False
        if token.norm in words.stops and token.norm not in words.title_links:
            return False  # (exactly: "والي طنجة" is a governor, not "و + إلى")
    return comma > previous.last + 1 and all(
        view.tokens[index].norm not in words.stops and view.tokens[index].text not in words.breaks
        for index in tail
    )


def _listed_titles_gap(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, previous: Mention, mention: Mention
) -> bool:
    """ "وقع الاتفاقية X رئيس الهيئة والمهندس Y الرئيس التنفيذي للشركة، والدكتور Z": a list of
    persons each followed by his own title, the next one joined by و on his honorific or title
    (with or without a comma before it): a list of signatories, hosts or attendees."""
    gap = range(previous.last + 1, mention.first)
    if not 2 <= len(gap) <= _APPOSITIVE_MAX + 3 or not listed(view.tokens[gap[0]].norm, words.title_heads):
        return False
    # (the next one's rank may open his name: "، والمشير X" tagged from المشير on)
    opener = view.tokens[mention.first]
    joins = opener.start < mention.entity.start and gap[-1] == mention.first - 1
    joiner = next(
        (
            i
            for i in reversed(range(gap[0], mention.first + joins))
            if view.tokens[i].norm[:1] == "و" and words.in_title(view.tokens[i].norm)
        ),
        None,
    )
    if joiner is None or joiner == gap[0] or mention.first - joiner > 3:
        return False
    if not all(words.in_title(view.tokens[i].norm) for i in range(joiner + 1, mention.first)):
        return False  # "والمهندس Y"، "ووزير الدولة Y": the next one's honorific or title
    construct = 0
    for index in range(gap[0], joiner):
        token = view.tokens[index]
        if token.text in {"،", ","}:
            if index != joiner - 1:
                return False  # only right before the next name's و
            continue
        if view.mention_covering(sentence, index, AFFILIATION_TYPES + PLACE_TYPES) is not None:
            continue  # the affiliation in the title: "رئيس هيئة الاتصالات"
        if token.text in words.breaks or (token.norm in words.stops and token.norm not in words.title_links):
            return False
        if not (
            _title_word(words, view, sentence, index)
            or token.norm in words.title_links
            or (is_definite(token.norm) and not view.is_time_token(index))
        ):
            # "X رئيس أركان حرب القوات المسلحة، والمشير Y": a construct inside the title
            if construct >= _CONSTRUCT_MAX or not _construct_word(words, view, index, joiner):
                return False
            construct += 1
    return True


def _past_open_title(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, start: int, end: int
) -> int:
    """ "استقبل X في مكتبه أمس سفير جمهورية باكستان لدى المملكة Y": a title the region cuts
    runs on to the name it opens (at most an appositive's length). Not a title that opens the
    region: "القمة الرئيس التركي" is a construct the slot's window keeps short on purpose."""
    index, opened = end - 1, False
    while index >= max(start, end - 4) and _titleish(words, view, sentence, index):
        opened = opened or words.in_title(view.tokens[index].norm)
        index -= 1
    if not opened or index < start:
        return end
    for index in range(end, min(sentence.last, end + _APPOSITIVE_MAX)):
        person = view.mention_covering(sentence, index, (EntityType.PERSON,))
        if person is not None:
            return person.last + 1
        after_link = view.tokens[index - 1].norm in words.title_links  # "لدى المملكة"
        if not (after_link or _titleish(words, view, sentence, index)):
            break
    return end


def _titleish(words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int) -> bool:
    """A word of a title with its affiliation: "سفير"، "جمهورية"، "باكستان"، "لدى"."""
    norm = view.tokens[index].norm
    return (
        _title_word(words, view, sentence, index)
        or norm in words.title_links
        or norm in words.state_heads
        or view.mention_covering(sentence, index, (*AFFILIATION_TYPES, EntityType.REGION, EntityType.CITY))
        is not None
    )


def _posting_before_name(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int
) -> bool:
    """ "وقال سفير مصر في الجزائر X"، "وأكد القنصل العام في دبي X": a title's posting (في or
    لدى and a place) between the title and the name it introduces, not the end of the subject."""
    if index == 0 or view.tokens[index].norm not in words.title_links:
        return False
    before = view.tokens[index - 1].norm
    if view.mention_covering(sentence, index - 1, AFFILIATION_TYPES) is None and not words.in_title(before):
        return False
    place = view.mention_covering(sentence, index + 1, (*PLACE_TYPES, EntityType.COUNTRY))
    if place is None or place.first != index + 1:
        return False
    after = place.last + 1
    while after < min(sentence.last, place.last + 4) and (
        words.in_title(view.tokens[after].norm) or view.tokens[after].norm in words.honorifics
    ):
        after += 1  # "في الجزائر الدكتور X"
    return after < sentence.last and view.mention_covering(sentence, after, (EntityType.PERSON,)) is not None


def _heads_name_title(words: FoldedLexicons, norm: str) -> bool:
    """A title's head before the name it introduces, or a counterpart word ("مع نظيره المصري،
    سامح شكري": the name after the counterpart phrase and its comma)."""
    return listed(norm, words.title_heads) or listed(norm, words.counterpart)


def _name_title_word(words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int) -> bool:
    """A word of the title phrase before a name: a counterpart word or a title's word."""
    return listed(view.tokens[index].norm, words.counterpart) or _title_word(words, view, sentence, index)


def _troops(words: FoldedLexicons, view: DocumentView, slot: Slot, chosen: Mention) -> bool:
    """ "وتفقد الوزير القوات الأمريكية في الجزيرة": troops inspected are no destination, and no
    place named further on is one either (GUIDELINES §5)."""
    return slot.role == "destination" and listed(view.tokens[chosen.first].norm, words.troops)


def _title_word(words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int) -> bool:
    """A word of a title phrase: a title word (after ب or ل too) or a nisba ("الأمريكي")."""
    norm = view.tokens[index].norm
    if words.in_title(norm) or words.prefixed_title(norm):
        return True
    covering = view.mention_covering(sentence, index, AFFILIATION_TYPES)
    return covering is not None and covering.is_nisba


def _governed(
    view: DocumentView, slot: Slot, start: int, candidates: list[Mention], chosen: Mention
) -> Mention:
    """After one of the slot's prepositions written apart, the name it governs, not a preferred
    type further on ("مع جامعة عمان بالمملكة الأردنية"); a dual's word is not one ("بين
    الرئيسين X وY" are the names)."""
    if start == 0 or not slot.preps or view.tokens[start - 1].norm not in slot.folded_preps:
        return chosen
    return next(
        (
            m
            for m in candidates
            if m.first == start and not m.is_nisba and m.entity.source != EntitySource.COREF
        ),
        chosen,
    )


def _heads_adjunct(words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int) -> bool:
    """Whether the preposition at ``index`` opens an adjunct of the trigger (after a comma, a
    time, a name or an adverb), not a noun's complement ("استعراض التعاون بين الهيئة والاتحاد"
    is what was discussed, not who met)."""
    before = index - 1
    if before < sentence.first:
        return True
    token = view.tokens[before]
    return (
        token.text in words.breaks
        or view.is_time_token(before)
        or token.norm in words.adverbs
        or view.mention_covering(sentence, before) is not None
    )


def _opens_phrase(words: FoldedLexicons, query: SlotQuery, mention: Mention) -> bool:
    """Whether a mention (with its title) starts a phrase of its own: after the trigger, a comma,
    a time, a name or an adjunct's preposition; not a noun's genitive ("وأكد حرص مصر"، "التعاون
    مع مصر")."""
    view, sentence = query.view, query.sentence
    index = mention.first - 1
    heads, unlisted = 0, 0  # a title's own words: "النائب الثاني لرئيس مجلس الوزراء"
    while index > query.match.last:
        norm = view.tokens[index].norm
        if words.in_title(norm) or words.prefixed_title(norm):
            heads += listed(norm, words.title_heads) or words.prefixed_title(norm)
        elif view.mention_covering(sentence, index, AFFILIATION_TYPES) is None:
            if not is_definite(norm) or norm in words.stops or unlisted == 2:
                break
            unlisted += 1
        index -= 1
    if unlisted and not heads:
        return False
    if index <= query.match.last:
        return True
    token = view.tokens[index]
    if token.norm in words.prepositions:
        return _heads_adjunct(words, view, sentence, index)
    return (
        token.text in words.breaks
        or view.is_time_token(index)
        or token.norm in words.adverbs
        or view.mention_covering(sentence, index) is not None
    )


def _title_carries(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, mention: Mention, proclitic: str
) -> bool:
    """ "جمع X بالرئيس الإيراني Y": the proclitic is on the title before the name (the title
    opens there, even after a body: "اجتماع وزراء دول الجامعة بوزير الخارجية Y")."""
    index, leftmost = mention.first - 1, ""
    marker = fold(proclitic)
    while index >= sentence.first and (
        words.in_title(view.tokens[index].norm)
        or words.prefixed_title(view.tokens[index].norm)
        or view.mention_covering(sentence, index, AFFILIATION_TYPES) is not None
    ):
        leftmost = view.tokens[index].norm
        if leftmost.startswith(marker) and words.prefixed_title(leftmost):
            return True
        index -= 1
    return False


def _state_gap(words: FoldedLexicons, view: DocumentView, previous: Mention, mention: Mention) -> bool:
    """ "بين حكومة الأردن وحكومة جمهورية العراق": و and the nouns that name a state (and
    quotation marks) between two countries."""
    gap = [view.tokens[index] for index in range(previous.last + 1, mention.first)]
    if not gap or gap[0].norm[:1] != "و" or gap[0].norm[1:] not in words.state_heads:
        return False
    return all(token.norm in words.state_heads or token.text in quotes.MARKS for token in gap[1:])


def _named_after(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, position: int, mention: Mention
) -> Mention:
    """The person named right after ``mention`` (the ``position``-th of the sentence), at most two
    title words or honorifics between ("مكتب سماحة المفتي الشيخ X"): ``mention`` is a word of that
    one's title then (not "X وY مباحثات مع Z": Z is met)."""
    for later in sentence.mentions[position + 1 : position + 3]:
        gap = range(mention.last + 1, later.first)
        if (
            later.type == EntityType.PERSON
            and len(gap) <= 2
            and all(words.in_title(view.tokens[i].norm) and view.tokens[i].norm[:1] != "و" for i in gap)
            and not view.tokens[later.first].norm.startswith("و")
        ):
            return later
    return mention


def _titled_again(words: FoldedLexicons, view: DocumentView, previous: Mention, mention: Mention) -> bool:
    """A person referred to by his title, then named a few words on: "مدير مركز الترجمة
    بالجامعة الدكتور X" (the title's body and an honorific between, no comma)."""
    gap = range(previous.last + 1, mention.first)
    return (
        previous.type == EntityType.PERSON
        and len(gap) <= 4
        and not any(view.tokens[i].text in words.breaks or view.tokens[i].norm in words.stops for i in gap)
    )


def _bracketed_alias(view: DocumentView, sentence: SentenceView, mention: Mention) -> bool:
    """ "ويجتمع مجلس الاحتياطي الاتحادي (البنك المركزي الأميركي)": a name in brackets right after
    one of its type is that one's other name, no second argument."""
    return (
        mention.first >= 2
        and view.tokens[mention.first - 1].text == "("
        and view.mention_covering(sentence, mention.first - 2, (mention.type,)) is not None
    )


def _adjective_read_as_name(view: DocumentView, mention: Mention) -> bool:
    """A one-word person mention with the article right after a definite word ("منطقة الشمال
    الغربي"): the word agrees with the noun before it as its adjective."""
    if mention.type != EntityType.PERSON or mention.first != mention.last or mention.first == 0:
        return False
    word, before = view.tokens[mention.first].norm, view.tokens[mention.first - 1].norm
    return word.startswith("ال") and before.startswith("ال") and len(before) > 3


def _embedded(view: DocumentView, previous: Mention, mention: Mention) -> bool:
    """Whether a name follows the previous one with neither a comma nor و between them (inside
    its appositive title, where a list of names never goes on)."""
    gap = range(previous.last + 1, mention.first)
    return (
        len(gap) > 1
        and previous.type == EntityType.PERSON
        and not any(view.tokens[i].text in {"،", ","} or view.tokens[i].norm.startswith("و") for i in gap)
        and not view.tokens[mention.first].norm.startswith("و")
    )


def _prep_after_comma(view: DocumentView, index: int, end: int, preps: frozenset[str]) -> bool:
    """A comma right before one of the slot's prepositions: "استقبل X السفير Y، بحضور وكيل
    الإمارة Z" (Z was at the meeting too); any other break ends the search."""
    following = view.tokens[index + 1].norm if index + 1 < end else ""
    return view.tokens[index].text in {"،", ","} and _is_prep(following, preps)


_LAM = fold("ل")


def _lam_name(view: DocumentView, sentence: SentenceView, slot: Slot, index: int) -> bool:
    """Whether a name of the slot's types starts at ``index`` with ل written on it, for a slot
    that lists ل among its prepositions ("زيارته لعدن"): it is the object the preposition
    introduces, even when another of the slot's prepositions follows ("... في الرياض")."""
    if _LAM not in slot.folded_preps:
        return False
    mention = view.mention_covering(sentence, index, slot.types)
    return (
        mention is not None
        and mention.first == index
        and carries_proclitic(view.tokens[index], mention, _LAM)
    )


def _is_prep(norm: str, preps: frozenset[str]) -> bool:
    """One of the slot's prepositions, or it after و ("وبحضور")."""
    return norm in preps or (len(norm) > 3 and norm[0] == "و" and norm[1:] in preps)
