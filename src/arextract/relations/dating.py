"""The date of a relation: the time expression governing its trigger (the same clause first,
then the sentence), else the story's lead date for its main event; nothing for what a speaker
reports."""

from __future__ import annotations

import bisect

from arextract.relations.modality import is_reported, topic_start
from arextract.relations.triggers import TriggerForm, TriggerMatch
from arextract.relations.view import DocumentView, SentenceView
from arextract.schema import Document, Interval, RelationType, Time
from arextract.text.normalize import fold
from arextract.timex import governing_time

_DAY_LIKE = frozenset({"day", "part_of_day", "week"})


def relation_date(
    view: DocumentView,
    sentence: SentenceView,
    match: TriggerMatch,
    form: TriggerForm,
    trigger_start: int,
    until: int,
) -> Time | None:
    """The date of a rule's relation at a trigger, from times before ``until``."""
    reported = is_reported(sentence, match)
    date = date_for(view, trigger_start, sentence, form.rule.type, until, reported=reported)
    if form.rule.type != RelationType.AGREEMENT or date is None:
        return date
    # A future time in what was agreed dates the topic, not the agreement: "اتفقا على عقد
    # اجتماع في جوان المقبل"; a past one dates the agreement: "اتفقا على ... العام الماضي".
    topic = topic_start(view, sentence, match)
    if date.start >= topic and not is_past(view.doc, date):
        return date_for(view, trigger_start, sentence, form.rule.type, topic, reported=reported)
    return date


def date_for(
    view: DocumentView,
    trigger_start: int,
    sentence: SentenceView,
    kind: RelationType,
    until: int,
    reported: bool = False,
) -> Time | None:
    """The date of a relation of ``kind`` whose trigger starts at ``trigger_start``."""
    clause_start, clause_end = clause_around(trigger_start, sentence)
    opening = sentence.start
    if reported and kind != RelationType.STATEMENT and sentence.complementizer < sentence.last:
        # "صرح خلال لقائه X في 18 يونيو أن الملك سيزور روسيا": a time before إن/أن dates
        # the saying, not what is reported
        opening = view.tokens[sentence.complementizer].end
    times = [time for time in view.times_in(sentence) if not _embedded(view, sentence, time, trigger_start)]
    clause = (max(clause_start, opening), min(clause_end, until))
    found = governing_time(times, trigger_start, clause, clause, view.dateline_time)
    if found is None:
        # The sentence: first a time set off by commas next to the clause ("استقبله في سان
        # بطرسبورغ، في يونيو الماضي"), then the nearest one not inside what another speech
        # verb reports ("أكدا خلال المحادثات ...، وقال: إن ... في مايو").
        adverbial = _adverbial_clause(view, sentence, clause_end, until)
        found = governing_time(
            [time for time in times if not _beyond_complementizer(view, time, trigger_start)],
            trigger_start,
            adverbial or (opening, until),
            (opening, until),
            view.dateline_time,
        )
    # A saying is dated by a day next to it ("قال اليوم"); a year or a range in its clause
    # dates something else it mentions ("عقب زيارة ... في الفترة من 10 إلى 16 سبتمبر").
    if found is not None and not (kind == RelationType.STATEMENT and found.granularity not in _DAY_LIKE):
        return found
    # The story's main event is dated by its lead ("... اليوم (السبت)"): later sentences
    # that report it carry no date of their own. What a speaker reports (support,
    # proposals, agreements after إن/أن) is not dated by the day it was said.
    if kind == RelationType.ROLE or (reported and kind != RelationType.STATEMENT):
        return None
    if _pluperfect(view, sentence, trigger_start):
        return None  # "وكانت X قد زارت إسرائيل": an earlier event, not the story's main one
    return view.lead_time


_PREPOSITIONS = frozenset(fold(word) for word in ("في", "وفي", "خلال", "وذلك", "يوم"))


def _adverbial_clause(
    view: DocumentView, sentence: SentenceView, clause_end: int, until: int
) -> tuple[int, int] | None:
    """The clause right after a trigger's clause when it holds nothing but a time expression
    ("، في يونيو (حزيران) الماضي."): it dates the clause before it."""
    if clause_end >= min(sentence.end, until):
        return None
    first = view.token_index(clause_end) + 1
    index = first
    while index < sentence.last and view.tokens[index].start < until:
        token = view.tokens[index]
        if token.text in view.words.breaks:
            break
        if not (view.is_time_token(index) or token.norm in _PREPOSITIONS):
            return None
        index += 1
    if index == first:
        return None
    return clause_end, view.tokens[index - 1].end


def _beyond_complementizer(view: DocumentView, time: Time, trigger_start: int) -> bool:
    """Whether an إن/أن stands between a trigger and a later time: the time is then in what
    someone says ("أكدا خلال المحادثات ...، وقال: إن ... في مايو"), not the trigger's."""
    if time.start <= trigger_start:
        return False
    first, last = view.token_index(trigger_start), view.token_index(time.start)
    return any(view.tokens[index].norm in view.words.complementizers for index in range(first + 1, last))


_WAS = frozenset(fold(word) for word in ("كان", "كانت", "كانا", "كانوا", "وكان", "وكانت", "وكانا", "وكانوا"))
_PLUPERFECT_REACH = 8  # tokens from كان to its قد ("وكانت وزيرة الخارجية اليابانية قد")


def _pluperfect(view: DocumentView, sentence: SentenceView, trigger_start: int) -> bool:
    """Whether the trigger is the verb of "كان X قد ..." (the past before the story's day)."""
    trigger = view.token_index(trigger_start)
    if trigger - 1 < sentence.first or view.tokens[trigger - 1].norm != fold("قد"):
        return False
    low = max(sentence.first, trigger - 1 - _PLUPERFECT_REACH)
    return any(view.tokens[index].norm in _WAS for index in range(low, trigger - 1))


_EMBEDDED_REACH = 8  # tokens from a relative pronoun (or منذ) to the time its verb governs
_SINCE = fold("منذ")
_WHICH = {fold("الذي"): False, fold("التي"): True}  # the relatives an event noun takes, by gender


def _embedded(view: DocumentView, sentence: SentenceView, time: Time, trigger_start: int) -> bool:
    """Whether a time is governed by the verb of a clause the trigger is not in: a relative
    clause before the trigger ("العملية التي جرت في 11 يوليو ... في زيارته") or after it on
    another noun (the relative does not agree with the trigger: "زيارة X لطهران لمناقشة
    الاتفاق الذي وقع في 14 يوليو"), or a منذ-clause ("أول زيارة منذ أصبح وزيرا في فبراير")."""
    first = view.token_index(time.start)
    trigger = view.token_index(trigger_start)
    words = view.words
    for index in range(first - 1, max(sentence.first, first - _EMBEDDED_REACH) - 1, -1):
        token = view.tokens[index]
        if token.text in words.breaks or index == trigger:
            return False
        relative = token.norm in words.relatives
        if not (relative or token.norm == _SINCE):
            continue
        if index + 1 >= first or view.is_time_token(index + 1):
            return False  # "منذ عامين": the time itself
        if relative and first < trigger and _joined_relative(view, token.norm, first, trigger):
            return False  # "الزيارة التي أجراها في ديسمبر، والتي شهدت توقيع": the same noun's time
        if not relative or first < trigger:
            return True
        word = view.tokens[trigger].text
        bare = next((word[: -len(s)] for s in ("هما", "هم", "ها", "ه") if word.endswith(s)), word)
        return _WHICH.get(token.norm) is not bare.endswith(("ة", "ت"))  # ("زيارتها": زيارت)
    return False


def _joined_relative(view: DocumentView, relative: str, time: int, trigger: int) -> bool:
    """Whether the trigger is in a second relative clause joined by و to the one holding the
    time (token indexes): both tell of the same noun ("الزيارة التي أجراها X في ديسمبر الماضي،
    والتي شهدت إعلان شراكة": the announcement is dated by the visit)."""
    joined = "و" + relative
    return any(view.tokens[index].norm == joined for index in range(time + 1, trigger))


def clause_around(offset: int, sentence: SentenceView) -> tuple[int, int]:
    """The clause around ``offset``: from the last clause break (، : ...) ending before it to
    the first one starting after it. Break tokens are in text order and do not overlap, so
    both are a bisection: O(log n), where a scan of the sentence per trigger was quadratic."""
    before = bisect.bisect_right(sentence.break_ends, offset)
    start = sentence.break_ends[before - 1] if before else sentence.start
    after = bisect.bisect_left(sentence.break_starts, offset)
    end = sentence.break_starts[after] if after < len(sentence.break_starts) else sentence.end
    return start, end


def is_past(doc: Document, time: Time) -> bool:
    """Whether a time ends before the document date (unknown years are not past)."""
    if doc.doc_date is None or time.value is None:
        return False
    value = time.value.end if isinstance(time.value, Interval) else time.value
    if value is None or value.startswith("X"):
        return False
    anchor = doc.doc_date.isoformat()
    return value < anchor[: len(value)]
