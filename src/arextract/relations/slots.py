"""Filling one slot of a rule at a trigger, by the slot's ``find`` (see
:class:`~arextract.relations.rules.Slot`).

Arabic news clauses are mostly verb-first (``قال وزير الخارجية الصيني وانغ يي إن ...``), so a
verb's subject is looked for after it first, then before it, and finally carried over from
the sentence's actor: the person the story is following (``وقال وانغ ... وأضاف ...``).
Masdars with a possessive pronoun (``اجتماعه مع``) take the actor directly.
"""

from __future__ import annotations

import dataclasses

from arextract.ner.grammar.mentions import MEDIA
from arextract.relations.candidates import CandidateFilter, SlotQuery, carries_proclitic
from arextract.relations.lexicons import FoldedLexicons, is_definite, listed
from arextract.relations.pairs import JOINT_TYPES
from arextract.relations.referents import Referents, pronoun_subject_at
from arextract.relations.search import MentionSearch
from arextract.relations.triggers import DUAL_PRONOUN, TriggerMatch
from arextract.relations.view import AFFILIATION_TYPES, PLACE_TYPES, DocumentView, Mention, SentenceView
from arextract.schema import EntitySource, EntityType, RelationType, Token
from arextract.text import quotes
from arextract.text.clitics import CONJUNCTION_LETTERS, POSSESSIVE_SUFFIXES, clitic_readings
from arextract.text.normalize import fold, fold_words

_ADVERBIAL_SPAN = 3  # "من جانبها"، "من جهته": words before a late subject
_ADVERBIAL_OPENERS = {"من"}
_VOS_REACH = 12  # tokens after a verb in which a delegation may be its late subject
_BY_WAY_OF = (fold("من"), fold("خلال"))
_LIGHT_VERB_REACH = 12  # tokens between قام and the masdar after ب
_CARRIED_REACH = 8  # tokens from a masdar to "يقوم بها", and from there to its doer
_RESTATEMENT_REACH = 6  # tokens after a title in which the name it stands for may follow
_OWNER_REACH = 4  # tokens before a possessive masdar in which its owner may be named
_OPENING_SUBJECT = 6  # tokens from a sentence's start to its subject ("من جانبه رفض السفير X")
_GOVERNED = tuple(fold(prefix) for prefix in ("لل", "بال", "كال", "فال"))
_TO = {fold(word) for word in ("إلى", "الى")}
# كان and its sisters before a travel verb's subject: "وكان اللاعب قد وصل"، "وأصبحت منتجاتهم تصل"
_KANA_SISTERS = fold_words(("كان", "كانت", "أصبح", "أصبحت", "بات", "باتت", "ظل", "ظلت", "صار", "صارت"))
_OFFICE_REACH = 4  # tokens before a light verb in which an unnamed office may be its doer
_REPRESENTED_LINKS = {fold(word) for word in ("من", "عن", "في")}  # "قادة من حزب X"، "ممثلين عن X"
_GROUP_REACH = 8  # tokens after a meeting trigger (or its subject) to an unnamed group met
_VISITED = (EntityType.COUNTRY, *PLACE_TYPES)  # the places a visit noun names bare after it
_WHERE = fold("حيث")
_WHERE_REACH = 4  # tokens from حيث to the visit noun ("حيث كان في زيارة"، "حيث يقوم بأول زيارة")
_IN = fold("في")
_DATELINE_CHARS = 50  # the start of a story in which its dateline is: "الرياض - واس"
_DASHES = ("-", "–", "—")
_LAM_REACH = 6  # tokens from a visit noun to its doer's title after ل ("زيارة لم يعلن عنها لوزير")
_TITLE_REACH = 14  # tokens of a title between a masdar and the person in its genitive
_CONDUCT_VERBS = {fold(word) for word in ("يجري", "سيجري")}  # يُجري "conducts"; جرى only "took place"
_FEMININE_ENDINGS = ("ة", "ات")
# "لقاء عقده مع X"، "اتصال أجراه مع X": the noun's own verb, before its doer and the one met
_HELD = {fold(word) for word in ("عقده", "عقدها", "أجراه", "أجراها", "جمعه", "جمعها", "جمعهما", "جمعتهما")}
_HOLDING = {word for word in _HELD if not word.startswith(fold("جمع"))}  # "عقده"، "أجراه"
_OUTLET_NOUNS = fold_words(("الصحيفة", "الجريدة", "الوكالة", "القناة", "المجلة"))
_STATES = fold_words(("دول", "الدول"))  # "وزراء خارجية دول المجلس": of the states of a body
# "وقالت الحكومة اليمنية"، "أعلنت السلطات الماليزية": the state speaks (GUIDELINES §5, dev8)
_GOVERNMENT = fold_words(("الحكومة", "السلطات"))
_TO_IT = fold_words(("إليه", "إليها", "إليهم", "إليهما"))  # the relative's antecedent called for
_NAMELY = fold_words(("هو", "هي"))  # "متحدث باسم الرئاسة هو X": the title's holder named
Filled = tuple[list[Mention], int]  # the slot's mentions, and where the next slot's search starts

_IMPERFECT = ("ي", "ت")  # the prefixes of the imperfect's third person
# "قبل أن يبدأ زيارة"، "بعد أن": أن of time, with no speech reported after it
_BEFORE_THAT = fold_words(("قبل", "بعد", "منذ"))
_PERFECT_IN_T = ("تابع", "تحدث")  # perfect speech verbs that begin with ت
# Words before an imperfect verb that are no noun it could describe: auxiliaries, particles
# fmt: off
_NOT_NOUNS = fold_words((
    "كان", "كانت", "وكان", "وكانت", "يكون", "تكون", "ظل", "ظلت", "مازال", "مازالت", "زال", "زالت",
    "يزال", "تزال", "بات", "باتت", "أصبح", "أصبحت", "عاد", "عادت", "راح", "أخذ", "بدأ", "بدأت",
    "لا", "لم", "لن", "قد", "وقد", "فقد", "لقد", "سوف", "ثم", "إذ", "اذ", "حيث", "بينما", "فيما",
    "عندما", "حين", "حينما", "كما", "وكما", "هو", "هي", "وهو", "وهي", "فهو", "فهي", "هم", "وهم",
    "ما", "مما", "وما", "كي", "لكي", "حتى", "إنما", "لكن", "ولكن", "بل", "أو", "أم", "إذا", "لما",
))
# fmt: on


class SlotFiller:
    """The mentions that fill a slot of a rule at a trigger."""

    def __init__(self, words: FoldedLexicons) -> None:
        self._words = words
        self._candidates = CandidateFilter(words)
        self._search = MentionSearch(words, self._candidates)
        self._referents = Referents(words, self._candidates)

    def fill(self, query: SlotQuery, cursor: int, may_reach: bool = True) -> Filled:
        """The mentions filling ``query.slot`` and where the next slot's search starts
        (``cursor``: where this one's starts, after the trigger or the previous slot)."""
        slot, form = query.slot, query.form
        if slot.find == "previous":  # "وكان في استقباله X"، "واستقبله X"، "في استقبال الرئيس ...، X"
            return _received(self._words, self._search, query, cursor)
        if slot.find == "dateline":
            return _dateline_city(query), cursor  # "الرياض - واس: وصل الوفد ...": there
        if slot.find == "actor" or (slot.find == "subject" and form.possessive):
            found, cursor = self._doer(query, cursor)
            return _with_co_doers(self._search, query, _owner_agreeing(self._words, query, found)), cursor
        if slot.find == "before":
            return _her_state(self._words, query, self._search.before(query)), cursor
        if slot.find == "object":
            found, cursor = self._object(query, cursor, may_reach)
            where = None if found else _visited_where(self._words, query)
            return ([where], cursor) if where is not None else (found, cursor)
        if form.rule.type == RelationType.STATEMENT and _quoted_unnamed(self._words, query):
            return [], cursor  # "ونقلت عن مصدر في الوزارة قوله": the source's words, unnamed
        named = None if _relative_on_noun(self._words, query) else self._named_subject(query, cursor)
        if named is not None:
            return _agreeing(self._words, query, named[0]), named[1]
        if _common_noun_traveller(self._words, query):
            return [], cursor  # "وصلت إلى عدن سفينة"، "وكان اللاعب قد وصل إلى جدة": unnamed
        unsaid = _her_doer(self._words, query, self._unsaid_subject(query))
        return _agreeing(self._words, query, unsaid), cursor

    def _doer(self, query: SlotQuery, cursor: int) -> Filled:
        """The doer of a masdar ("زيارة"، "اجتماعه"): an antecedent, a person in the genitive,
        a person before the trigger, or the sentence's actor."""
        sentence, form = query.sentence, query.form
        antecedent = self._referents.antecedent(query)
        if antecedent is not None:
            return [antecedent], cursor
        if _passive_before(self._words, query):
            return [], cursor  # "سيتم توقيع مذكرة"، "التي تم زيارتها": no one named is the doer
        if form.possessive:
            owner = _delegation_before(self._words, query)
            if owner is not None:
                # "وتجول الوفد خلال زيارته": "his" is the delegation's (its head or body, if named)
                body = self._referents.delegation(query, owner)
                if body is not None and body.last < query.match.first and body.type in query.slot.types:
                    return [body], cursor
                return [], cursor
        held = _held_by(self._words, query)
        if held is not None:
            return [held], held.last + 1  # "خلال لقاء عقده X مع Y": X held it, Y is met
        light = _light_verb_subject(self._words, self._referents, query)
        if light is not None:
            return light, cursor
        if (timed := _doer_before_masdar(self._words, query)) is not None:
            return [timed], cursor  # "X الذي وصل طهران بعد زيارة لبيروت": X's visit
        if (agent := _agent_before(self._words, self._candidates, query)) is not None:
            return agent, cursor  # "أن قبول الائتلاف زيارة موسكو": the coalition's visit
        carried = _carried_out_by(self._words, query)
        if carried is None and _carried_by_title(self._words, query):
            return [], cursor  # "زيارة يقوم بها وزير الخارجية الإيطالي إلى عمان": unnamed
        if carried is None and (delegated := _carried_by_delegation(self._words, self._referents, query)):
            return delegated
        if carried is not None:
            # the place may be named before "يقوم بها" ("زيارة لإيران تقوم بها X") or after
            # the doer ("التي يقوم بها X لموسكو")
            named_before = any(
                m.type in PLACE_TYPES or m.type == EntityType.COUNTRY
                for m in sentence.mentions_from(query.match.last + 1, carried.first)
                if not m.is_nisba and m.last < carried.first
            )
            return [carried], cursor if named_before else carried.last + 1
        if form.possessive and (governed := _governed_owner(self._words, query)) is not None:
            return [governed], cursor  # "المرافقين لوزير الدفاع X في زيارته": X's, not the actor's
        if not form.possessive and query.match.last + 1 < sentence.last:
            delegation, after = self._referents.delegation_phrase(query, query.match.last + 1)
            if delegation is not None and delegation.type in query.slot.types:
                # "زيارة وفد الحركة برئاسة X، رئيس مكتبها، إلى المملكة": the place comes after
                return [delegation], _past_appositive(self._words, query, after)
            if (visitor := _visitor_after_lam(self._words, query)) is not None:
                return [visitor], visitor.last + 1
            genitive = _genitive_person(self._words, self._candidates, query)
            if genitive is not None and _met_by_genitive(self._words, query, genitive):
                return [genitive], genitive.last + 1
            if _unfit_genitive(self._words, self._candidates, query):
                # "زيارة وزير الدفاع الأمريكي إلى بغداد"، "استقبال القاهرة لممثلين عن ...": the
                # doer is named after the masdar, unnamed or of no type the rule takes; not the actor
                return _head_of_state_by_title(query, cursor)
        if (reported := _fronted_or_reported_doer(self._words, query)) is not None:
            return reported, cursor
        actor = sentence.actor
        if actor is not None and actor.first > query.match.last and actor in sentence.mentions:
            # "his" refers back: "وكان في استقبال الملك لدى وصوله المطار، X" is not X's arrival;
            # nor is a masdar done by someone named after it ("بزيارة لمقر الصحيفة، حيث التقى X")
            actor = sentence.previous_actor
        if actor is None or actor.entity.id not in {m.entity.id for m in sentence.mentions}:
            # no actor of its own before إن/أن: a person named before the trigger
            local = self._referents.first_person_before(query, last=form.possessive)
            if local is not None and local.type in query.slot.types:
                return [local], cursor
        if actor is not None and query.open_to(actor) and not _unnamed_owner(self._words, query, actor):
            return ([], cursor) if _means(query) else ([actor], cursor)
        return [], cursor

    def _object(self, query: SlotQuery, cursor: int, may_reach: bool) -> Filled:
        """The object after the trigger (or its subject), after one of the slot's prepositions."""
        search, view = self._search, query.view
        if query.form.rule.type == RelationType.STATEMENT and _member_of(self._words, query, cursor):
            return [], cursor  # "نقلا عن عضو في حزب الرئيس X": one of its members, left unnamed
        if _group_met(self._words, query, cursor):
            return [], cursor  # "استقبل X المهنئين من منسوبي الوزارة": the one met is unnamed
        if _delegation_next(self._words, query, cursor):
            return _delegation_met(self._referents, query, cursor)
        query, cursor = _past_name_rest(query, cursor)
        after = own = search.after_prep(query, cursor)
        # "مباحثات مع المسؤولين في المملكة حول الاتفاق مع إيران": the state they act for, first
        found = self._represented(query, own) or (search.after(query, after) if after is not None else [])
        if not found and after is not None and after > cursor + 1 and not query.slot.prep_required:
            # a preposition further on introduced nothing: "زيارة للعراق منذ ... في فبراير"
            found = search.after(query, cursor)
        if not found and cursor > query.match.last + 1:  # verb-object-subject: ترأس المؤتمر ... وانغ يي
            after = search.after_prep(query, query.match.last + 1)
            found = search.after(query, after) if after is not None else []
        if query.slot.prep_required and not found:
            found = self._represented(query, own)  # "محادثات مع قادة الحوثيين": the body they act for
            return found, (found[-1].last + 1 if found else cursor)
        found = found or _listed(self._referents.delegation(query, cursor, reach=2))  # "استقبل X وفدا من"
        if found and _dual_owner(query) and carries_proclitic(view.tokens[found[0].first], found[0], "ب"):
            found = []  # "خلال اجتماعهما بوزارة التعليم": the two met there, at the ministry
        if (
            found
            and query.slot.bare_window is not None
            and (after is None or after == cursor or found[0].first < after)
        ):
            found = found if _bare_argument(self._words, query, cursor, found[0]) else []
        elif (
            found
            and (after is None or after == cursor)
            and _unnamed_genitive(self._words, query, cursor, found[0])
        ):
            found = []  # "للقاء مسؤولين عراقيين لبحث ... تنظيم داعش": the one met is unnamed
        found = found or self._represented(query, own)
        if not found and query.slot.reach and may_reach:
            found = search.reach(query, cursor)
        return found, (found[-1].last + 1 if found else cursor)

    def _represented(self, query: SlotQuery, start: int | None) -> list[Mention]:
        """The body (and those coordinated with it) a group acting for it stands for at a meeting:
        "مع ممثلي صندوق النقد الدولي والمفوضية الأوروبية"."""
        body = _represented(self._words, self._candidates, query, start)
        if body is None:
            return []
        return [body, *self._search.coordinated(query, body)] if query.slot.coordinated else [body]

    def _named_subject(self, query: SlotQuery, cursor: int) -> Filled | None:
        """The subject the sentence names around the trigger (``None`` if it names none).

        The issuer of a statement, the one an honorific pronoun addresses, the antecedent of a
        relative clause (نبيل عمار الذي يقوم بزيارة), named just before the verb (أن الصين تدعم
        بيلاروسيا), after it (verb-first clause), or a little further before it.
        """
        words = self._words
        view, sentence, match, rule = query.view, query.sentence, query.match, query.form.rule
        following = match.last + 1
        if (
            rule.type == RelationType.STATEMENT
            and following < sentence.last
            and listed(view.tokens[following].norm, words.vehicles)
        ):
            # "وأفاد بيان صادر عن مكتب رئيس الوزراء أن": the office speaks through its statement;
            # "وأشار البيان إلى أن": the statement's author spoke before
            issuer = self._referents.issuer(query, following)
            if issuer is not None:
                return [issuer], cursor
        if rule.type == RelationType.STATEMENT and (framed := _framed_speakers(words, query)) is not None:
            return framed, cursor
        if rule.type == RelationType.STATEMENT and (titled := _named_past_title(words, query)) is not None:
            return [titled], cursor  # "وأوضح مدير عام فرع وزارة X بمنطقة Y م. Z، أن": Z, past the body
        if rule.type == RelationType.STATEMENT and _unnamed_source(words, query):
            # "وقال مصدر في الوزارة إن"، "وأضاف المصدر": no one named speaks, now or next
            view.unnamed_speaker = sentence.narrative
            return [], cursor
        if following < sentence.last and view.tokens[following].norm in words.honorific_pronouns:
            # "وأكد سموه": His Highness is the one the story introduced as "صاحب السمو"
            addressed = self._referents.addressed_as(query, view.tokens[following].norm)
            if addressed is not None and query.open_to(addressed):
                return [addressed], cursor
        antecedent = self._referents.antecedent(query)
        habitual = _habitual_speaker(words, query, antecedent)
        if habitual is not None:
            return habitual, cursor  # "ميثاق الأمم المتحدة التي تؤكد على": not said
        if antecedent is not None:
            return [antecedent], cursor
        continued = _continued_subject(query)
        if continued is not None:
            # "سيزور X الأردن ويلتقي بالملك": not الأردن; a speech verb may name a new speaker
            # nor may a person after a verb whose objects are never people ("وزار السيسي روسيا")
            found = (
                self._search.after(query, following, subject=True)
                if rule.type == RelationType.STATEMENT or _person_leads(words, query)
                else []
            )
            return (found, found[-1].last + 1) if found else ([continued], cursor)
        # "عقد اجتماعا مع رئيس الإقليم X ووصل وزير الدفاع Y إلى": a name before a verb joined by
        # و ends the clause before; that verb's subject follows it
        joined = _continued_subject_free(query)
        found = [] if joined else _not_governed(words, query, self._search.before(query, window=2))
        if found:
            return found, cursor
        if _subject_may_follow(words, query):
            if (delegated := _delegated_subject(self._referents, query, following, cursor)) is not None:
                return delegated  # "وصل أمس وفد من وزارة النقل"
            found = [] if _unnamed_doer(words, query) else self._search.after(query, following, subject=True)
            found = [] if _pronoun_did(words, query) else _state_first(query, found)
            if found:
                return found, _past_restatement(query, found[-1], words)
        found = _not_governed(words, query, self._search.before(query, window=6))
        if found:
            return found, cursor
        return None

    def _unsaid_subject(self, query: SlotQuery) -> list[Mention]:
        """A subject the clause leaves unsaid: the last speaker, a person before the trigger,
        or the sentence's actor."""
        view, sentence, match, slot = query.view, query.sentence, query.match, query.slot
        if slot.exclude_subtypes and _outlet_follows(self._words, query):
            return []  # "كما ذكرت من جانبها وكالة «برناما»": a source, not a speaker
        if slot.exclude_subtypes and match.last + 1 < sentence.last:
            following = _first_named_after(self._words, query)
            if following is not None and (
                following.entity.subtype in slot.exclude_subtypes
                or (following.type in PLACE_TYPES and following.type not in slot.types)
            ):
                # "وأفادت وكالة الأناضول أن": the outlet, not a speaker; "وقالت موسكو": the
                # city speaks for its state, whom no one else should stand in for
                return []
        actor = sentence.actor
        statement = query.form.rule.type == RelationType.STATEMENT

        def fits(mention: Mention) -> bool:  # open to the slot, and agreeing with the verb
            return query.open_to(mention) and _agrees(self._words, query, mention)

        # a participle (مؤكدا، مشيرة) never has a subject of its own after it
        participle = statement and _participle(view, match)
        implicit = (lambda _: True) if participle else self._referents.subject_is_implicit
        if not statement and query.form.rule.pos == "verb":
            # verb, object, then subject: "يصل إلى الخرطوم غدا وفد من وزارة النقل"
            delegation = self._referents.delegation(query, match.last + 1, reach=_VOS_REACH)
            if delegation is not None and delegation.type in slot.types:
                return [delegation]
        if statement and not participle and (official := _titled_official(self._words, query)) is not None:
            view.unnamed_speaker = view.unnamed_speaker if official else sentence.narrative
            return [m for m in official if fits(m)]
        if statement and _unnamed_spoke(view, sentence) and implicit(query):
            return []  # "قال مصدر ... وأضاف أن": the unnamed source again
        joined = statement and not participle and _joined_verb(query)
        if (participle or joined) and (view.speaker is None or view.speaker[1] != sentence.narrative):
            # "رفض السفير X التصريحات، مؤكدا"، "واستنكر المجلس ...، مؤكدا": the clause's subject
            if honoured := _honoured(self._words, self._referents, query):
                return [honoured]  # "ورحب سموه بالوزير X، موضحا": His Highness
            own = _opening_body(self._words, query) or sentence.actor
            opening = own is not None and own.first - sentence.first <= _OPENING_SUBJECT  # not a genitive
            sender = _sender(self._words, query)  # "تلقى X برقية من Y ...، مؤكدا": Y
            own, opening = (sender, True) if sender is not None else (own, opening)
            if opening and own in sentence.mentions and own.last < match.first and fits(own):
                return [own]
            if _unnamed_opening(self._words, query):
                return []  # "دعا مدير العمليات في المنظمة إلى ...، وأعلن": the one left unnamed
        if (own := _own_subject(self._words, query)) is not None and fits(own) and implicit(query):
            return [own]  # "وتفقد الوزير X المشروع، وأكد أن": this clause's doer, not the last speaker
        if statement and view.speaker is not None:
            # "ونوهت الوزارة ... وأضافت أن": an unsaid speaker is the last one, if recent
            speaker, where = view.speaker
            if sentence.narrative - where <= 2 and fits(speaker) and implicit(query):
                return [speaker]
        if statement and implicit(query):
            body = view.mention_covering(sentence, sentence.first + 1, (EntityType.ORGANIZATION,))
            if body is not None and body.last < match.first and fits(body):
                return [body]  # "واستنكر المجلس ...، مؤكدا": the body the clause opens with
        if statement and (carried := _previous_body(self._words, query)) is not None and fits(carried):
            return [carried]  # "هونت الوزارة من الأمر. وقالت إن": the body the last sentence opened with
        before = None if statement else _doer_before(query)
        if before is not None:
            return [before]  # "حيث سيشارك أوباما في ... قبل أن يسافر إلى"
        if not statement and (
            actor is None or actor.entity.id not in {m.entity.id for m in sentence.mentions}
        ):
            # the sentence names no actor before its إن/أن: the last person named before the
            # trigger is the doer ("من المقرر أن يزور الوزير X القاهرة، حيث سيشارك في ...")
            local = self._referents.first_person_before(query)
            if local is not None and local.type in slot.types and implicit(query):
                return [local]
        if actor is not None and fits(actor) and implicit(query):
            return [actor]
        return []


# a phrase fronted before the main clause: "بعد زيارة ..."، "في إطار زيارته ..."، "على هامش مشاركته ..."
_FRAME_HEADS = fold_words(("بعد", "عقب", "إثر", "خلال", "قبيل", "ضمن", "إطار", "ختام", "هامش", "مستهل"))
_FRAME_PREPS = fold_words(("في", "على"))
_FRONTED_REACH = 12  # tokens from the masdar to the comma closing the fronted phrase
_FRONTED_SUBJECT = 8  # tokens from that comma to the main clause's subject
# after the comma, the one named is not the masdar's doer: "لدى وصوله، كان في استقباله X"
_NOT_FRAME_DOER = fold_words(
    ("كان", "كانت", "استقبل", "استقبلت", "يستقبل", "تستقبل", "استقبله", "استقبلها", "استقباله", "استقبالها")
)


def _fronted_frame_doer(words: FoldedLexicons, query: SlotQuery) -> Mention | None:
    """The doer of a masdar opening a phrase fronted before the main clause: the subject named
    after the comma that closes it ("بعد زيارة ناجحة إلى واشنطن، يصل الرئيس X اليوم إلى
    الكاميرون"، "في إطار زيارته الرسمية لإسبانيا، اجتمع الوزير X"): "his" points ahead."""
    view, sentence, match = query.view, query.sentence, query.match
    head = sentence.first
    if listed(view.tokens[head].norm, _FRAME_PREPS) and head + 1 < match.first:
        head += 1
    if match.first != head + 1 or not listed(view.tokens[head].norm, _FRAME_HEADS):
        return None
    comma = next(
        (
            index
            for index in range(match.last + 1, min(sentence.last, match.last + 1 + _FRONTED_REACH))
            if view.tokens[index].text in words.breaks
        ),
        None,
    )
    if comma is None or view.tokens[comma].text not in {"،", ","}:
        return None
    for index in range(comma + 1, min(sentence.last, comma + 1 + _FRONTED_SUBJECT)):
        if view.tokens[index].text in words.breaks or listed(view.tokens[index].norm, _NOT_FRAME_DOER):
            return None
        # (past a nisba after the title: "يصل الرئيس الغاني X"; a state is no traveller here)
        found = [m for m in sentence.mentions if m.first == index and m.type != EntityType.COUNTRY]
        if found:
            subject = found[0]
            return subject if subject.type in query.slot.types and query.open_to(subject) else None
    return None


# a head of state named by his title and nisba only stands for his state (GUIDELINES §2, §5)
_HEADS_OF_STATE = fold_words(("الرئيس", "الملك", "العاهل"))


def _head_of_state_by_title(query: SlotQuery, cursor: int) -> Filled:
    """The doer of a masdar whose genitive is a title with no name after it: the state of a
    head of state named by title and nisba only ("زيارة الرئيس الصيني إلى مصر" is China's
    visit), else no one ("زيارة وزير الدفاع الأمريكي" is unnamed)."""
    view, sentence, match = query.view, query.sentence, query.match
    title = match.last + 1
    if title + 1 >= sentence.last or view.tokens[title].norm not in _HEADS_OF_STATE:
        return [], cursor
    nisba = view.mention_covering(sentence, title + 1)
    if nisba is None or nisba.first != title + 1 or not nisba.is_nisba or nisba.type != EntityType.COUNTRY:
        return [], cursor
    if EntityType.COUNTRY not in query.slot.types or not query.open_to(nisba):
        return [], cursor
    return [nisba], nisba.last + 1


def _fronted_or_reported_doer(words: FoldedLexicons, query: SlotQuery) -> list[Mention] | None:
    """The doer of a masdar in a phrase fronted before the main clause (its subject), else of a
    visit noun in speech the actor reports (``None``: neither)."""
    fronted = _fronted_frame_doer(words, query)  # "بعد زيارة ناجحة إلى واشنطن، يصل الرئيس X"
    return [fronted] if fronted is not None else _reported_doer(words, query)


def _dateline_city(query: SlotQuery) -> list[Mention]:
    """The city of the story's dateline, dated ("نور سلطان 12 سبتمبر (شينخوا)") or not ("الرياض -
    واس"، "عين اليوم – الرياض" on the first line), if the slot takes it."""
    view = query.view
    city = view.dateline_place()
    if city is None:
        head = view.text[:_DATELINE_CHARS].split("\n", 1)[0]
        if any(dash in head for dash in _DASHES):
            cities = (e for e in view.doc.entities if e.type == EntityType.CITY and e.end <= len(head))
            city = next(cities, None)
    if city is None or city.type not in query.slot.types:
        return []
    return [Mention(city, view.token_index(city.start), view.token_index(city.end - 1))]


def _pronoun_did(words: FoldedLexicons, query: SlotQuery) -> bool:
    """ "بتفقد المرافق في المحافظة، حيث زار مستشفى صبيا العام يرافقه مدير صحة المنطقة X": after
    a pronoun subject, a verb whose other slots never take people has its doer named after it
    only when a person (past his title) comes first; the hospital is what he visited and the
    man after يرافقه his companion. (Meetings: the name after the verb is the one met, see
    engine._agreeing.)"""
    rule, view, sentence = query.form.rule, query.view, query.sentence
    if (
        rule.type == RelationType.STATEMENT
        or pronoun_subject_at(words, view, sentence, query.match.first) is None
    ):
        return False
    others = [slot for slot in rule.slots if slot is not query.slot]
    return not any(EntityType.PERSON in slot.types for slot in others) and not _person_leads(words, query)


def _held_by(words: FoldedLexicons, query: SlotQuery) -> Mention | None:
    """The one named right after "عقده"/"أجراه" following a meeting or call noun ("خلال لقاء
    عقده الوزير X مع نظيره Y"، "المؤتمر الصحفي الذي عقده X مع Y"): he held it, whoever the
    sentence's actor is ("جاء ذلك خلال ..."). Not "جمعه": the meeting brought "him" together."""
    if query.form.rule.type not in JOINT_TYPES or query.form.possessive:
        return None
    view, sentence, index = query.view, query.sentence, query.match.last + 1
    if index < sentence.last and view.tokens[index].norm in words.relatives:
        index += 1
    if index >= sentence.last or view.tokens[index].norm.removeprefix("و") not in _HOLDING:
        return None
    return _named_after(words, query, index + 1)


def _passive_before(words: FoldedLexicons, query: SlotQuery) -> bool:
    """Whether a passive auxiliary right before the masdar leaves it without a doer ("سيتم
    توقيع"، "جرى بحث"), unless it is يُجري "conducts" (:func:`_conducts`)."""
    first = query.match.first
    return (
        first > query.sentence.first
        and listed(query.view.tokens[first - 1].norm, words.passive_auxiliaries)
        and not _conducts(query)
    )


def _conducts(query: SlotQuery) -> bool:
    """Whether "يجري" before the masdar is يُجري, "he conducts": the masdar is feminine ("وصل X
    إلى الرباط، وسيجري محادثات مع Y"، "سيجري زيارة"), so it is no subject of the masculine verb,
    which then has the actor as its doer ("سيجري توقيع الاتفاقية": the signing takes place)."""
    view, first = query.view, query.match.first
    verb = view.tokens[first - 1].norm
    return verb.removeprefix("و") in _CONDUCT_VERBS and view.tokens[first].text.endswith(_FEMININE_ENDINGS)


def _continued_subject(query: SlotQuery) -> Mention | None:
    """The doer of the verb a verb joined by و/ف continues in the same sentence."""
    view, match = query.view, query.match
    token = view.tokens[match.first]
    if query.form.rule.pos != "verb" or match.offset == 0 or token.norm[:1] not in CONJUNCTION_LETTERS:
        return None
    continued = view.coordinated_subject(query.sentence, match.first)
    return continued if continued is not None and query.open_to(continued) else None


def _dual_owner(query: SlotQuery) -> bool:
    """Whether the trigger is a masdar owned by two ("اجتماعهما"، "لقائهما"): they are its parties."""
    return query.form.possessive and query.view.tokens[query.match.first].norm.endswith(DUAL_PRONOUN)


def _past_name_rest(query: SlotQuery, cursor: int) -> tuple[SlotQuery, int]:
    """Past the last word of the subject's name when the tagger split it ("التقى ... خالد محفوظ
    بحاح، ... أنور قرقاش": بحاح is not the one met, but the same man): a one-word person right
    after a person of two words or more, with nothing between, and unknown or of the same given
    name, goes on naming him."""
    view, sentence = query.view, query.sentence
    if cursor <= query.match.last + 1 or cursor >= sentence.last:
        return query, cursor
    before = view.mention_covering(sentence, cursor - 1, (EntityType.PERSON,))
    rest = view.mention_covering(sentence, cursor, (EntityType.PERSON,))
    if (
        before is None
        or rest is None
        or before.last != cursor - 1
        or before.last == before.first
        or rest.first != cursor
        or rest.last != rest.first
        or (
            rest.entity.name_en is not None  # a known person: only if the given name is his too
            and fold(rest.entity.canonical).split()[:1] != fold(before.entity.canonical).split()[:1]
        )
    ):
        return query, cursor
    return dataclasses.replace(query, used=query.used | {rest.entity.id}), cursor + 1


def _continued_subject_free(query: SlotQuery) -> bool:
    """Whether an event verb carries و/ف right after a name ("X ووصل"): a new clause (a speech
    verb continues its subject: "فاستغرب الرئيس وقال")."""
    view, match = query.view, query.match
    token = view.tokens[match.first]
    return (
        query.form.rule.pos == "verb"
        and query.form.rule.type != RelationType.STATEMENT
        and match.offset > 0
        and token.norm[:1] in CONJUNCTION_LETTERS
        and match.first > query.sentence.first
        and view.mention_covering(query.sentence, match.first - 1) is not None
    )


def _state_first(query: SlotQuery, found: list[Mention]) -> list[Mention]:
    """A country right after a speech verb is its subject, before the body it addresses
    ("وطالبت قطر الأمم المتحدة بـ"، "ووصفت واشنطن الحرس الثوري بأنه"): verb, subject, object."""
    view, sentence, following = query.view, query.sentence, query.match.last + 1
    if (
        query.form.rule.type != RelationType.STATEMENT
        or not found
        or found[0].type != EntityType.ORGANIZATION
    ):
        return found
    state = view.mention_covering(sentence, following, (EntityType.COUNTRY,))
    if state is None or state.first != following or state.is_nisba or not query.open_to(state):
        return found
    return [state] if state.last < found[0].first else found


def _past_restatement(query: SlotQuery, subject: Mention, words: FoldedLexicons) -> int:
    """Where the search after a subject resumes: past the name its title stands for
    ("وبحث أمير منطقة الرياض الأمير فيصل بن بندر مع": after the name, not the title), and past
    a protocol title after the name that a comma closes ("وصل الأمير X وزير الدولة عضو مجلس
    الوزراء مستشار خادم الحرمين الشريفين، اليوم إلى جمهورية المالديف")."""
    view, sentence = query.view, query.sentence
    end = subject.last + 1
    for mention in sentence.mentions_from(end, end + _RESTATEMENT_REACH):
        if mention.type == subject.type and mention.entity.canonical == subject.entity.canonical:
            end = mention.last + 1
    index = end
    while index < min(sentence.last, end + _TITLE_REACH):
        covering = view.mention_covering(sentence, index)
        if covering is None and words.in_title(view.tokens[index].norm):
            index += 1
        elif covering is not None and covering.type in AFFILIATION_TYPES and index > end:
            index = covering.last + 1  # the body or state inside the title
        else:
            break
    closed = index > end + 1 and index < sentence.last and view.tokens[index].text in {"،", ","}
    return index if closed else end


def _first_named_after(words: FoldedLexicons, query: SlotQuery) -> Mention | None:
    """The mention right after the trigger, or after an adverbial phrase that may come
    first ("كما ذكرت من جانبها وكالة الأنباء")."""
    view, sentence, match = query.view, query.sentence, query.match
    for index in range(match.last + 1, min(sentence.last, match.last + 1 + _ADVERBIAL_SPAN)):
        covering = view.mention_covering(sentence, index)
        if covering is not None:
            return covering
        token = view.tokens[index]
        if token.text in words.breaks or token.norm in words.complementizers:
            return None
        if index > match.last + 1 and not listed(view.tokens[index - 1].norm, _ADVERBIAL_OPENERS):
            return None
    return None


_TIME_CONJUNCTIONS = {fold(word) for word in ("قبل", "بعد", "عقب")}
_AFTER_MASDAR = _TIME_CONJUNCTIONS | fold_words(("فور", "إثر", "اثر", "بعيد"))  # "فور انتهاء زيارته"
_MARKS = "\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"  # tatweel and diacritics
_ENDING = fold_words(("انتهاء", "ختام", "اختتام", "نهاية"))  # "بعد ختام زيارته": the end of the visit


def _doer_before(query: SlotQuery) -> Mention | None:
    """ "قبل أن يسافر"، "بعد أن التقى": the doer of the verb before, in the same sentence."""
    view, sentence, first = query.view, query.sentence, query.match.first
    noted = view.subject
    if (
        noted is None
        or first - 2 < sentence.first
        or view.tokens[first - 1].norm != fold("أن")
        or view.tokens[first - 2].norm not in _TIME_CONJUNCTIONS
    ):
        return None
    mention, index, last = noted
    return mention if index == sentence.index and last < first and query.open_to(mention) else None


def _doer_before_masdar(words: FoldedLexicons, query: SlotQuery) -> Mention | None:
    """ "وصل X إلى طهران بعد زيارة لبيروت"، "توجه X عقب ختام زيارته إلى العراق إلى قطر": a masdar
    after a time conjunction (past انتهاء / ختام) is done by the doer of the verb before it in the
    same sentence, not by the sentence's first actor or the person the verb met."""
    view, sentence, first = query.view, query.sentence, query.match.first
    noted = view.subject
    index = first - 1
    if index > sentence.first and view.tokens[index].norm in _ENDING:
        index -= 1  # "بعد انتهاء زيارته"
    if (
        noted is None
        or index <= sentence.first
        or view.tokens[index].norm.removeprefix("و") not in _AFTER_MASDAR
    ):
        return None
    mention, at, verb = noted
    if (
        at != sentence.index
        or verb >= index
        or any(view.tokens[between].norm in words.complementizers for between in range(verb + 1, index))
    ):
        return None
    return mention if mention.last < index and query.open_to(mention) else None


def _agent_before(
    words: FoldedLexicons, candidates: CandidateFilter, query: SlotQuery
) -> list[Mention] | None:
    """ "موضحا أن قبول الائتلاف السوري زيارة موسكو"، "اعتزام الرئيس X زيارة الرياض": the name right
    before a visit masdar with its place bare after it visits, not the sentence's actor; a
    common noun there is an unnamed visitor (``[]``). ``None``: no such noun before it."""
    view, sentence, match = query.view, query.sentence, query.match
    if query.form.rule.type != RelationType.VISIT or match.offset or match.first <= sentence.first + 1:
        return None
    place = view.mention_covering(sentence, match.last + 1)
    if place is None or place.first != match.last + 1 or place.is_nisba or place.type not in _VISITED:
        return None
    agent = view.mention_covering(sentence, match.first - 1)
    if agent is not None and agent.is_nisba and agent.first > sentence.first:
        agent = view.mention_covering(sentence, agent.first - 1)  # past its nisba: "الائتلاف السوري"
    if agent is None:
        before = match.first - 1
        unnamed = (  # (not "أعلن X عزمه زيارة موسكو": his own)
            is_definite(view.tokens[before].norm)
            and not view.is_time_token(before)
            and _common_noun_at(words, view, sentence, before)
        )
        return [] if unnamed else None
    if agent.is_nisba or not query.open_to(agent):
        return None
    return [agent] if candidates.may_fill(view, agent, query.slot) else None


def _unnamed_participant(words: FoldedLexicons, query: SlotQuery) -> bool:
    """ "الحديث عن مشاركة المئات من المقاتلين في المهرجان"، "أهمية مشاركة الشباب في X": an
    attendance masdar whose genitive is a common noun is done by those, whom no name gives."""
    view, sentence, following = query.view, query.sentence, query.match.last + 1
    return (
        query.form.rule.type == RelationType.ATTENDANCE
        and not query.form.possessive
        and following < sentence.last
        and is_definite(view.tokens[following].norm)
        and _common_noun_at(words, view, sentence, following)
    )


def _unnamed_doer(words: FoldedLexicons, query: SlotQuery) -> bool:
    """ "اتفق القادة السعوديون والأمريكيون لدى لقاء X بالملك Y": a plain definite noun with a
    nisba after an event verb is its unnamed doer; the names further on are not (speech verbs
    excepted: "قال المحلل السياسي X")."""
    view, sentence, following = query.view, query.sentence, query.match.last + 1
    if query.form.rule.type == RelationType.STATEMENT or following >= sentence.last:
        return False
    norm = view.tokens[following].norm
    return (
        is_definite(norm)
        and norm.isalpha()
        and not words.in_title(norm)
        and norm not in words.adverbs
        and not view.is_time_token(following)
        and view.mention_covering(sentence, following) is None
        and not listed(norm, words.delegations)
        and following + 1 < sentence.last
        and _nisba_at(view, sentence, following + 1)  # (not "وقع المذكرة الدكتور X": its object)
    )


def _nisba_at(view: DocumentView, sentence: SentenceView, index: int) -> bool:
    mention = view.mention_covering(sentence, index)
    return mention is not None and mention.first == index and mention.is_nisba


def _received(words: FoldedLexicons, search: MentionSearch, query: SlotQuery, cursor: int) -> Filled:
    """The one received: the guest named after a bare "في استقبال" (the hosts are searched
    after him), else the one "him"/"them" stands for (:func:`_told_all`)."""
    guest = _received_guest(words, query)
    if guest is not None:
        return [guest], guest.last + 1
    return _told_all(search, query), cursor


def _received_guest(words: FoldedLexicons, query: SlotQuery) -> Mention | None:
    """The guest named (past his title) in the genitive of a bare "في استقبال" ("وكان في
    استقبال الرئيس التونسي لدى وصوله المطار، X وY"): he is the one received, and the hosts
    come after him."""
    last = query.view.tokens[query.match.last].norm
    if query.form.possessive or query.form.rule.pos != "noun" or last.endswith(POSSESSIVE_SUFFIXES):
        return None  # ("في استقباله X": X is the host, "him" the guest told before)
    guest = _named_after(words, query, query.match.last + 1)
    return guest if guest is not None and guest.type == EntityType.PERSON else None


def _told_before(query: SlotQuery) -> Mention | None:
    """Whom "his" stands for in "وكان في استقباله X"، "واستقبله X": the one this sentence named
    before the trigger ("وصل X إلى الرياض، واستقبله Y"), else the one the story followed so far."""
    own, pronoun = query.sentence.actor, query.view.tokens[query.match.last].norm
    if (
        own is not None
        and own.last < query.match.first
        and own in query.sentence.mentions
        and not (pronoun.endswith("ها") and own.type == EntityType.PERSON)  # "her": the plane
    ):
        return own if query.open_to(own) else None
    previous = query.sentence.previous_actor
    return previous if previous is not None and query.open_to(previous) else None


def _told_all(search: MentionSearch, query: SlotQuery) -> list[Mention]:
    """Whom "his" (:func:`_told_before`) or "them" stands for: "وصل X وY وZ ... وكان في
    استقبالهم W": everyone joined to the one told before, in the sentence that names them."""
    told = _told_before(query)
    if told is None:
        return []
    if not query.view.tokens[query.match.last].norm.endswith(("هم", "هما")):
        return [told]
    there = dataclasses.replace(query, sentence=query.view.sentence_of(told.first))
    return [told, *search.coordinated(there, told)]


_WHILE = frozenset(fold(word) for word in ("في", "خلال", "أثناء", "لدى", "عقب", "بعد", "قبل", "إبان"))
_GOVERNING = frozenset(fold(word) for word in ("من", "عن", "على", "إلى", "مع"))


def _governed_owner(words: FoldedLexicons, query: SlotQuery) -> Mention | None:
    """ "الصحافيين المرافقين لوزير الدفاع X في زيارته"، "طلب من X رئيس المكتب خلال زيارته": a
    person governed by a preposition, right before "his" masdar (past his title and a time
    preposition), owns it; not a verb's object ("التقى X نظيره Y خلال زيارته" is X's)."""
    view, sentence = query.view, query.sentence
    index = query.match.first - 1
    if index <= sentence.first or view.tokens[index].norm not in _WHILE:
        return None
    index -= 1
    while index > sentence.first and view.mention_covering(sentence, index, (EntityType.PERSON,)) is None:
        norm = view.tokens[index].norm
        titled = words.in_title(norm) or words.prefixed_title(norm) or view.mention_covering(sentence, index)
        if not (titled or ((is_definite(norm) or norm.startswith("ل")) and norm not in words.stops)):
            return None  # (only the person's appositive title: "X رئيس المكتب السياسي لحركة Y")
        index -= 1
    person = view.mention_covering(sentence, index, (EntityType.PERSON,))
    if person is None or not query.open_to(person):
        return None
    start = person.first
    while start - 1 > sentence.first and (
        words.in_title(view.tokens[start - 1].norm)
        or words.prefixed_title(view.tokens[start - 1].norm)
        or view.mention_covering(sentence, start - 1, AFFILIATION_TYPES) is not None
    ):
        start -= 1  # the title before the name: "لوزير الدفاع الأمريكي X"
    opener = view.tokens[start]
    governed = (
        (start < person.first and opener.norm[:1] in {"ل", "ب"} and words.prefixed_title(opener.norm))
        or carries_proclitic(opener, person, "ل")
        or (start > sentence.first and view.tokens[start - 1].norm in _GOVERNING)
    )
    return person if governed else None


def _listed(mention: Mention | None) -> list[Mention]:
    return [] if mention is None else [mention]


def _person_leads(words: FoldedLexicons, query: SlotQuery) -> bool:
    """Whether a person, past his title, comes right after a verb whose other slots never take
    people: he is the verb's own doer, not the one it continues."""
    rule, view, sentence = query.form.rule, query.view, query.sentence
    if any(EntityType.PERSON in slot.types for slot in rule.slots if slot is not query.slot):
        return False
    index = query.match.last + 1
    while index < min(sentence.last, query.match.last + 1 + _TITLE_REACH):
        mention = view.mention_covering(sentence, index)
        titled = index > query.match.last + 1 and words.in_title(view.tokens[index - 1].norm)
        if mention is not None and mention.type in AFFILIATION_TYPES and titled:
            index = mention.last + 1  # "وزار أمير قطر تميم بن حمد"
            continue
        if mention is not None:
            return mention.type == EntityType.PERSON and mention.first == index
        if not words.in_title(view.tokens[index].norm):
            return False
        index += 1
    return False


def _past_appositive(words: FoldedLexicons, query: SlotQuery, index: int) -> int:
    """Past a title set off by commas at ``index`` ("، رئيس المكتب السياسي،"): where the clause
    goes on (``index`` itself when no such title follows)."""
    view, sentence = query.view, query.sentence
    if not (
        index + 1 < sentence.last
        and view.tokens[index].text in {"،", ","}
        and listed(view.tokens[index + 1].norm, words.title_heads)
    ):
        return index
    for position in range(index + 2, min(sentence.last, index + 2 + _RESTATEMENT_REACH)):
        token = view.tokens[position]
        if token.text in {"،", ","}:
            return position + 1
        if (
            token.text in words.breaks
            or token.norm in words.prepositions
            or token.norm in words.complementizers
        ):
            return index
    return index


def _met_by_genitive(words: FoldedLexicons, query: SlotQuery, genitive: Mention) -> bool:
    """Whether a meeting noun's genitive is its doer: only with the one met after it ("لقاء
    الوزير X مع Y"، "لقاء X بالملك Y"); alone it is the one met ("يتطلع إلى لقاء X")."""
    if query.form.rule.type != RelationType.MEETING:
        return True
    view, sentence = query.view, query.sentence
    titled = True  # "استقبال X محافظ المنطقة Y": the one received follows, past his title
    for index in range(genitive.last + 1, min(sentence.last, genitive.last + 1 + _TITLE_REACH)):
        token = view.tokens[index]
        covering = view.mention_covering(sentence, index)
        if titled and covering is not None and covering.type == EntityType.PERSON:
            return True
        titled = titled and (words.in_title(token.norm) or covering is not None)
        if token.norm in {"مع", "بين"} or listed(token.norm, words.delegations):
            return True  # (and "استقبال X وفدا من الكونغرس": he received them)
        if token.norm[:1] == "ب" and (
            words.prefixed_title(token.norm) or view.mention_covering(sentence, index) is not None
        ):
            return True
        if token.text in words.breaks and token.text not in {"،", ","}:
            return False
        if token.norm in words.complementizers or token.norm in words.relatives:
            return False
    return False


def _unnamed_genitive(words: FoldedLexicons, query: SlotQuery, cursor: int, mention: Mention) -> bool:
    """Whether a noun trigger's genitive, right after it, is a plain noun, not the mention found
    further on (past title words, affiliations, times and adverbs: "لقائه أمس رئيس الوزراء X")."""
    view, sentence = query.view, query.sentence
    if query.form.rule.pos != "noun" or not query.slot.preps or cursor != query.match.last + 1:
        return False
    index = cursor
    while index < mention.first:
        norm = view.tokens[index].norm
        if norm in _HELD or norm in query.slot.folded_preps or norm in words.relatives:
            return False  # "اتصال هاتفي أجراه الرئيس مع نظيره"، "لقاء عقده مع X"
        covering = view.mention_covering(sentence, index)
        if covering is not None and covering.type in AFFILIATION_TYPES:
            index = covering.last + 1
        elif (
            view.is_time_token(index)
            or words.in_title(norm)
            or words.prefixed_title(norm)
            or norm in words.adverbs
            or listed(norm, words.counterpart)  # "اجتماعا ثلاثيا مع نظيريه الروسي X والسعودي Y"
            or not any(ch.isalnum() for ch in norm)
        ):
            index += 1
        else:  # ("استقبال وفد من الكونغرس": a delegation stands for the body named after it)
            return words.is_plain_noun(norm) and not listed(norm, words.delegations)
    return False


def _visited_where(words: FoldedLexicons, query: SlotQuery) -> Mention | None:
    """The place a visit noun with none after it is made in, named before حيث ("في واشنطن، حيث
    يقوم بأول زيارة"، "في إثيوبيا، حيث كان في زيارة رسمية")."""
    view, sentence, match = query.view, query.sentence, query.match
    if (
        query.form.rule.type != RelationType.VISIT
        or query.slot.role != "destination"
        or query.form.rule.pos != "noun"
    ):
        return None
    where = next(
        (
            index
            for index in range(match.first - 1, max(sentence.first, match.first - _WHERE_REACH) - 1, -1)
            if view.tokens[index].norm == _WHERE
        ),
        None,
    )
    if where is None or any(view.tokens[index].text in words.breaks for index in range(where, match.first)):
        return None
    before = where - 1
    if before > sentence.first and view.tokens[before].text in words.breaks:
        before -= 1
    place = view.mention_covering(sentence, before)
    if place is None or place.is_nisba or place.type not in _VISITED or place.type not in query.slot.types:
        return None
    preposition = view.tokens[place.first - 1].norm if place.first > sentence.first else ""
    at = preposition == _IN or carries_proclitic(view.tokens[place.first], place, "ب")
    return place if at and query.open_to(place) else None


def _reported_doer(words: FoldedLexicons, query: SlotQuery) -> list[Mention] | None:
    """The doer of a visit noun in speech the actor (named in the sentence or carried) reports,
    when the reported clause opens with its own subject: the person named there ("وقال X إن
    المبعوث Y يسعى ... بعد جولته التي شملت"), or no one named ("وبين X أن الأسرة غادرت ... في
    جولة شملت"; only a noun without "his": "إن زيارته" stays the speaker's). ``None``: no such
    clause."""
    view, sentence, match = query.view, query.sentence, query.match
    said = sentence.complementizer
    actor = sentence.actor
    if (
        query.form.rule.type != RelationType.VISIT
        or not said + 1 < match.first
        or actor is None
        or (actor in sentence.mentions and actor.last >= said)
    ):
        return None
    opening = said + 1
    subject = view.mention_covering(sentence, opening)
    if subject is None and words.in_title(view.tokens[opening].norm):
        # "أن المبعوث الدولي X": the person the title opening the clause introduces
        end = min(match.first, opening + _TITLE_REACH)
        subject = next(
            (m for m in sentence.mentions_from(opening, end) if m.type == EntityType.PERSON),
            None,
        )
        if subject is not None and any(
            view.tokens[index].text in words.breaks for index in range(opening, subject.first)
        ):
            subject = None
    if subject is not None:
        fits = subject.last < match.first and subject.type == EntityType.PERSON
        return [subject] if fits and subject.type in query.slot.types else None
    if (
        not query.form.possessive
        and not listed(view.tokens[said - 1].norm, _BEFORE_THAT)
        and not view.tokens[opening].norm.startswith(_IMPERFECT)  # "أن يبدأ زيارة": no clause subject
        and _common_noun_at(words, view, sentence, opening)
    ):
        return []
    return None


def _light_verb_subject(
    words: FoldedLexicons, referents: Referents, query: SlotQuery
) -> list[Mention] | None:
    """ "قام وفد من وزارة الخارجية أمس بزيارة": the subject of قام does the masdar after ب
    (``None``: no such verb; ``[]``: a delegation whose body is not named)."""
    view, sentence, match = query.view, query.sentence, query.match
    if match.offset and _group_did(words, query):
        return []  # "كما قاموا بزيارة الحرم وزيارة المدينة": a group, not the actor
    if match.offset == 0 or not view.tokens[match.first].norm.lstrip(CONJUNCTION_LETTERS).startswith("ب"):
        return None
    index = _light_verb_before(words, query)
    if index is None:
        return None
    following = index + 1
    if following < match.first and listed(view.tokens[following].norm, words.delegations):
        body = referents.delegation(query, following)
        return [body] if body is not None and body.type in query.slot.types else []
    for mention in sentence.mentions_from(following, match.first):
        if query.open_to(mention) and not mention.is_nisba:
            return [mention]
    return _doer_of_light_verb(words, query, index)


def _light_verb_before(words: FoldedLexicons, query: SlotQuery) -> int | None:
    """The nearest light verb, singular or plural, before the masdar in its clause ("قام",
    "قاموا"), or None."""
    view, sentence, match = query.view, query.sentence, query.match
    for index in range(match.first - 1, max(sentence.first, match.first - _LIGHT_VERB_REACH) - 1, -1):
        token = view.tokens[index]
        if token.norm in words.complementizers or token.text in {".", "؛", ":"}:
            return None
        if listed(token.norm, words.light_verbs) or listed(token.norm, words.plural_light_verbs):
            return index
    return None


def _group_did(words: FoldedLexicons, query: SlotQuery) -> bool:
    """Whether a plural light verb governs the masdar, after ب or joined by و to the one after
    ب ("قاموا بزيارة الحرم وأداء العمرة وزيارة المدينة"): a group did it."""
    index = _light_verb_before(words, query)
    return index is not None and listed(query.view.tokens[index].norm, words.plural_light_verbs)


def _doer_of_light_verb(words: FoldedLexicons, query: SlotQuery, verb: int) -> list[Mention] | None:
    """With no one named between a light verb ("قام"، "يقوم") and its masdar: an office there
    ("قام نائب الوزير بزيارة") leaves the doer unnamed (``[]``); before the verb, the one named
    does it ("وكان أول رئيس وزراء هندي يقوم بزيارة": that prime minister, or no one if unnamed);
    ``None``: the actor does."""
    view, sentence, match = query.view, query.sentence, query.match
    if any(words.in_title(view.tokens[index].norm) for index in range(verb + 1, match.first)):
        return []
    for index in range(verb - 1, max(sentence.first, verb - _OFFICE_REACH) - 1, -1):
        token = view.tokens[index]
        mention = view.mention_covering(sentence, index)
        if mention is not None and not mention.is_nisba:
            fits = query.open_to(mention) and mention.type in query.slot.types
            return [mention] if fits else None
        if token.text in words.breaks or token.norm in words.complementizers:
            return None
        if listed(token.norm, words.title_heads):
            return []
    return None


def _common_noun_traveller(words: FoldedLexicons, query: SlotQuery) -> bool:
    """Whether a travel verb's doer, with no name around it, is a common noun: right after the
    verb ("وصلت الطائرة إلى"، "ستصل قوة سعودية إلى عدن") or before it after كان or a sister of
    it ("وكان اللاعب قد وصل إلى جدة"، "وأصبحت منتجاتها تصل إلى"). The sentence's actor did not
    travel then."""
    view, sentence, match = query.view, query.sentence, query.match
    if query.form.rule.type != RelationType.VISIT or query.form.rule.pos != "verb":
        return False
    if pronoun_subject_at(words, view, sentence, match.first) is not None:
        return False  # "حيث تفقد الخدمات الصحية": the noun is what he inspected
    index = match.last + 1
    while index < sentence.last and (view.is_time_token(index) or view.tokens[index].norm in words.adverbs):
        index += 1
    if index < sentence.last and _common_noun_at(words, view, sentence, index):
        return True
    if index + 1 < sentence.last and view.tokens[index].norm in _TO:
        # verb, place, subject: "ستصل إلى مدينة عدن قوة سعودية"
        place = view.mention_covering(sentence, index + 1) or view.mention_covering(sentence, index + 2)
        after = place.last + 1 if place is not None else sentence.last
        while after < sentence.last and (
            view.is_time_token(after) or view.tokens[after].norm in words.adverbs
        ):
            after += 1
        if after < sentence.last and _common_noun_at(words, view, sentence, after):
            return True
    before = match.first - 1
    if _relative_on_noun(words, query):
        return True
    if before > sentence.first and view.tokens[before].norm == fold("قد"):
        before -= 1
    # the noun with its genitive, if plain too ("وأصبحت منتجات الأسر تصل")
    for opening in (before, before - 1):
        if not (opening > sentence.first and _common_noun_at(words, view, sentence, opening)):
            return False
        if listed(view.tokens[opening - 1].norm, _KANA_SISTERS):
            return True
    return False


def _relative_on_noun(words: FoldedLexicons, query: SlotQuery) -> bool:
    """ "قائمة الفريق التي سافرت إلى"، "النفق الذي يصل بين": a travel verb opening a relative
    clause on a common noun has that noun, not a name, as its doer."""
    view, sentence, before = query.view, query.sentence, query.match.first - 1
    return (
        query.form.rule.type == RelationType.VISIT
        and query.form.rule.pos == "verb"
        and before > sentence.first
        and view.tokens[before].norm in words.relatives
        and _common_noun_at(words, view, sentence, before - 1)
    )


def _common_noun_at(words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int) -> bool:
    norm = view.tokens[index].norm
    return (
        norm.isalpha()
        and not norm.startswith(_GOVERNED)  # "للمشاركة"، "بالطائرة": not a subject
        and norm not in _TO
        and (is_definite(norm) or words.is_plain_noun(norm))
        and view.mention_covering(sentence, index) is None
        and not words.in_title(norm)
        and not words.prefixed_title(norm)
        and not listed(norm, words.honorifics)
        and not listed(norm, words.name_openers)
        and not listed(norm, words.delegations)
        and norm not in words.adverbs
        and norm not in words.stops
        and norm not in words.prepositions
        and norm not in words.pronoun_subjects
    )


def _represented(
    words: FoldedLexicons, candidates: CandidateFilter, query: SlotQuery, start: int | None
) -> Mention | None:
    """ "محادثات مع قادة الحوثيين"، "مباحثات مع المسؤولين في المملكة"، "التقى مع ممثلين عن حزب X":
    at a meeting, the body or state those acting for it are of (GUIDELINES §5), named right after
    them or after من/عن/في; only after the slot's own preposition."""
    view, sentence, slot = query.view, query.sentence, query.slot
    if (
        start is None
        or query.form.rule.type not in JOINT_TYPES
        or not 0 < start < sentence.last
        or view.tokens[start - 1].norm not in slot.folded_preps
    ):
        return None
    index = start
    while index < min(sentence.last, start + 2) and listed(view.tokens[index].norm, words.representatives):
        index += 1
    if index == start or index >= sentence.last:
        return None
    index += view.tokens[index].norm in _REPRESENTED_LINKS
    body = view.mention_covering(sentence, index, (EntityType.ORGANIZATION, EntityType.COUNTRY))
    if body is None or body.first != index or body.is_nisba or not query.open_to(body):
        return None
    return body if candidates.may_fill(view, body, slot) else None


def _group_met(words: FoldedLexicons, query: SlotQuery, cursor: int) -> bool:
    """Whether a meeting trigger's object, before any name, is an unnamed group or thing
    ("استقبل الوكيل X أمس المهنئين"، "بدء استقبال المرشحين"، "تستقبل تركيا اللاجئين")."""
    if query.form.rule.type != RelationType.MEETING or query.slot.prep_required:
        return False
    view, sentence = query.view, query.sentence
    for index in range(cursor, min(sentence.last, cursor + _GROUP_REACH)):
        token = view.tokens[index]
        if view.mention_covering(sentence, index) is not None:
            return False
        if token.text in words.breaks and token.text not in {"،", ","}:
            return False
        if token.norm in words.unnamed_groups:
            return True
    return False


def _outlet_follows(words: FoldedLexicons, query: SlotQuery) -> bool:
    """Whether an outlet's head noun is the trigger's subject (after an adverbial); not one
    inside what is said ("وأوضح أن وكالة الوزارة أعدت"، "وبين أن وكالة ...")."""
    view, sentence, match = query.view, query.sentence, query.match
    if view.tokens[match.last].norm in words.complementizers:
        return False
    for index in range(match.last + 1, min(sentence.last, match.last + 1 + _ADVERBIAL_SPAN)):
        norm = view.tokens[index].norm
        if norm in words.complementizers or view.tokens[index].text in words.breaks:
            return False
        if norm in words.outlet_heads:
            return True
        if index > match.last + 1 and not listed(view.tokens[index - 1].norm, _ADVERBIAL_OPENERS):
            return False
    return False


def _not_governed(words: FoldedLexicons, query: SlotQuery, found: list[Mention]) -> list[Mention]:
    """``found`` before a speech participle or a verb joined by و inside the sentence, unless
    it is a noun's genitive or a verb's or preposition's object there ("سبقت حرب العراق موضحا"،
    "بسبب السعي لإشراك إيران ... وقالت"): the speaker is then the clause's subject, not it."""
    view, sentence, match = query.view, query.sentence, query.match
    if not found or query.form.rule.type != RelationType.STATEMENT:
        return found
    joined = match.first > sentence.first and match.offset > 0
    if not (joined or _participle(view, match)):
        return found
    mention = found[0]
    if mention.first <= sentence.first:
        return found
    previous = mention.first - 1
    if _participle(view, match) and _in_relative_clause(words, query, mention):
        return []  # "وأشاد X بالأداء الذي ظهر عليه اللاعب Y مؤكدا": Y is the relative clause's
    if mention.type == EntityType.PERSON:
        # "استنكرت الهيئة تصريحات نائب الرئيس X وقالت": X, past his title, is the genitive of a
        # noun no verb could be (a word in ة or a plural in ات)
        while previous > sentence.first and (
            words.in_title(view.tokens[previous].norm) or _affiliation_at(view, sentence, previous)
        ):
            previous -= 1
        text = view.tokens[previous].text
        noun = text.endswith("ة") or (len(text) > 4 and text.endswith("ات"))
        return [] if noun and view.mention_covering(sentence, previous) is None else found
    norm = view.tokens[previous].norm
    if view.mention_covering(sentence, previous) is not None or view.is_time_token(previous):
        return found
    if norm in words.prepositions or words.is_plain_noun(norm):
        return []
    return found


_RELATIVE_REACH = 6  # tokens from a name back to the relative pronoun of its clause


def _in_relative_clause(words: FoldedLexicons, query: SlotQuery, mention: Mention) -> bool:
    """Whether ``mention`` is named inside a relative clause opened just before it, in the same
    stretch of the sentence (no comma between): "الأداء الذي ظهر عليه لاعب الوسط X"."""
    view, sentence = query.view, query.sentence
    for index in range(mention.first - 1, max(sentence.first, mention.first - _RELATIVE_REACH) - 1, -1):
        token = view.tokens[index]
        if token.text in words.breaks or token.text in {"،", ","}:
            return False
        if token.norm in words.relatives:
            return True
    return False


def _affiliation_at(view: DocumentView, sentence: SentenceView, index: int) -> bool:
    """Whether token ``index`` is in a country or body named inside a title ("رئيس جمهورية
    العراق X")."""
    covering = view.mention_covering(sentence, index)
    return covering is not None and covering.type in AFFILIATION_TYPES


def _own_subject(words: FoldedLexicons, query: SlotQuery) -> Mention | None:
    """The person the sentence opens its narrative with, before a speech verb joined by و that
    names no subject: the subject of the verb before it, not a noun's genitive or an object after a
    preposition ("وتعليقا على تصريحات X، أكد أن" is someone else speaking)."""
    view, sentence, match = query.view, query.sentence, query.match
    if query.form.rule.type != RelationType.STATEMENT or _participle(view, match):
        return None
    actor = sentence.actor
    if sentence.quoted or actor is None or actor.type != EntityType.PERSON or match.offset == 0:
        return None
    if actor not in sentence.mentions or actor.last >= match.first or not query.open_to(actor):
        return None
    if actor.first > sentence.first:
        previous = view.tokens[actor.first - 1].norm
        if view.mention_covering(sentence, actor.first - 1) is None and (
            previous in words.prepositions or (words.is_plain_noun(previous) and not words.in_title(previous))
        ):
            return None
    return actor


def _habitual_speaker(
    words: FoldedLexicons, query: SlotQuery, antecedent: Mention | None
) -> list[Mention] | None:
    """After a relative pronoun, an imperfect speech verb tells what a text or a body stands for,
    not something said ("ميثاق الأمم المتحدة التي تؤكد على"، "الأنباء التي تشير إلى": no speaker,
    GUIDELINES), unless a person right before it is the one speaking ("لبلاتر الذي ينفي");
    ``None`` when the trigger is no such verb."""
    if query.form.rule.type != RelationType.STATEMENT:
        return None
    if _describes_noun(words, query) or _masdar_read(words, query):
        return []  # "واجهات تجميلية تعبر عن تراث المنطقة"، "تقرير يوضح": the noun's clause
    if not _habitual(words, query):
        return None
    if antecedent is None or antecedent.type != EntityType.PERSON:
        return []
    return [antecedent] if antecedent.last == query.match.first - 2 else []


def _masdar_read(words: FoldedLexicons, query: SlotQuery) -> bool:
    """Whether a verb trigger is the masdar written like it after أو or a preposition ("تأكيد أو
    نفي زيارة X"، "على نفي"): نفى folds to نفي, and no verb follows a preposition."""
    view, match = query.view, query.match
    if query.form.rule.pos != "verb" or match.offset or match.first <= query.sentence.first:
        return False
    previous = view.tokens[match.first - 1].norm
    return previous == _OR or previous in words.prepositions


def _describes_noun(words: FoldedLexicons, query: SlotQuery) -> bool:
    """Whether an imperfect speech verb right after an indefinite noun no name covers describes
    that noun ("تقرير يوضح"، "مطبوعا يؤكد"): its subject is the noun, no one who speaks."""
    view, sentence, match = query.view, query.sentence, query.match
    if query.form.rule.pos != "verb" or query.form.future or match.first <= sentence.first or match.offset:
        return False
    stem = view.tokens[match.first].norm
    if stem[:1] not in _IMPERFECT or stem.startswith(_PERFECT_IN_T) or _participle(view, match):
        return False
    previous = view.tokens[match.first - 1].norm
    following = match.last + 1
    if following < sentence.last and view.mention_covering(sentence, following) is not None:
        return False  # "وبذلك تؤكد إدارة النادي": its subject follows
    return (
        previous not in _NOT_NOUNS
        and words.is_plain_noun(previous)
        and view.mention_covering(sentence, match.first - 1) is None
        and not view.is_time_token(match.first - 1)
    )


def _habitual(words: FoldedLexicons, query: SlotQuery) -> bool:
    """Whether the trigger is an imperfect verb right after a relative pronoun ("التي تؤكد")."""
    view, sentence, match = query.view, query.sentence, query.match
    if query.form.rule.pos != "verb" or query.form.future or match.first <= sentence.first:
        return False
    if view.tokens[match.first - 1].norm not in words.relatives:
        return False
    stem = match.stem(view.tokens)
    if stem[:1] not in _IMPERFECT or stem.startswith(_PERFECT_IN_T) or _participle(view, match):
        return False
    # "في الوقت الذي يقول فيه X إن": the verb names its own subject after it
    following = match.last + 1
    if following < sentence.last and view.tokens[following].norm in _TO_IT:
        return True  # "التعددية التي تدعو إليها الأمم المتحدة": what X stands for, not said
    if following < sentence.last and view.mention_covering(sentence, following) is None:
        following += 1  # past "فيه"، "عنه"
    return following >= sentence.last or view.mention_covering(sentence, following) is None


def _subject_may_follow(words: FoldedLexicons, query: SlotQuery) -> bool:
    """Whether the trigger's subject may be named after it: a verb not ending in إن/أن, and not a
    speech participle, which never has its subject after it ("مطالبا بالالتزام بميثاق X")."""
    rule, view, match = query.form.rule, query.view, query.match
    if rule.pos != "verb" or view.tokens[match.last].norm in words.complementizers:
        return False
    if rule.type == RelationType.STATEMENT and _opens_quotation(query):
        return False
    return not (rule.type == RelationType.STATEMENT and _participle(view, match))


_QUOTED_NAME_SPAN = 5  # tokens a quoted name runs ("وقالت "هيومن رايتس ووتش" إن")


def _opens_quotation(query: SlotQuery) -> bool:
    """Whether the speech verb is followed right away by the words it quotes ("وأضاف "صالح بات
    في وضع صعب ..."": the speaker is the one before, not a name inside the quotation); a short
    quoted name closed before إن/أن ("وقالت "هيومن رايتس ووتش" إن") may still be the subject."""
    view, sentence, after = query.view, query.sentence, query.match.last + 1
    if after >= sentence.last or view.tokens[after].text not in quotes.OPENING:
        return False
    for index in range(after + 1, min(sentence.last, after + 1 + _QUOTED_NAME_SPAN)):
        if view.tokens[index].text in {'"', "»", "”"}:
            return False
    return True


def _participle(view: DocumentView, match: TriggerMatch) -> bool:
    """Whether the trigger is an active participle of a speech verb (مؤكدا، مشيرة، قائلا): it
    describes the subject of its clause's main verb."""
    stem = match.stem(view.tokens)
    return match.first == match.last and len(stem) >= 5 and (stem.endswith("ا") or stem[0] == "م")


def _honoured(words: FoldedLexicons, referents: Referents, query: SlotQuery) -> Mention | None:
    """ "ورحب سموه بالوزير X ...، موضحا": the person an honorific pronoun right after the
    sentence's opening verb stands for (not X, the one welcomed)."""
    view, sentence, match = query.view, query.sentence, query.match
    second = sentence.first + 1
    if second >= match.first or view.tokens[second].norm not in words.honorific_pronouns:
        return None
    addressed = referents.addressed_as(query, view.tokens[second].norm)
    return addressed if addressed is not None and query.open_to(addressed) else None


def _sender(words: FoldedLexicons, query: SlotQuery) -> Mention | None:
    """The one named after من in a sentence that opens with a verb of receiving ("تلقى X
    برقية من Y ...، مؤكدا": Y is the participle's doer)."""
    view, sentence = query.view, query.sentence
    if not listed(view.tokens[sentence.first].norm, words.receiving_verbs):
        return None
    for index in range(sentence.first + 1, query.match.first - 1):
        if view.tokens[index].norm == "من":
            sender = view.mention_covering(sentence, index + 1)
            if sender is None:  # past the sender's title: "من نظيره الكويتي X"
                following = sentence.mentions_from(index + 1, query.match.first)
                sender = next((m for m in following if m.type in query.slot.types and not m.is_nisba), None)
            return sender if sender is not None and sender.type in query.slot.types else None
    return None


def _unnamed_spoke(view: DocumentView, sentence: SentenceView) -> bool:
    """Whether an unnamed source spoke last, in this sentence or the two before, and no person
    has come forward since ("وقال شهود إن ... . وانتقل الحاكم X إلى المدينة. وقال في مؤتمر
    صحافي": the governor speaks)."""
    if view.unnamed_speaker is None or sentence.narrative - view.unnamed_speaker > 2:
        return False
    actor = sentence.actor
    if actor is None or actor.type != EntityType.PERSON or actor.first >= sentence.first:
        return True
    return view.sentence_of(actor.first).narrative <= view.unnamed_speaker


def _unnamed_source(words: FoldedLexicons, query: SlotQuery) -> bool:
    """Whether the subject after a speech verb is a source left unnamed ("وقال مصدر"، "وأشار
    المصدر"، "وقال أمس مسؤول"): not one a title stands for."""
    view, sentence = query.view, query.sentence
    if _participle(view, query.match):
        return False  # it has no subject of its own: "تعد أحد الرموز ...، معربا" is still his
    index = query.match.last + 1
    while index < sentence.last and (
        view.is_time_token(index)
        or view.tokens[index].norm in words.adverbs
        or view.tokens[index].norm == "ل"  # "أكد لـ«الاقتصادية» مصدر": the outlet addressed
        or not view.tokens[index].text.isalnum()
        or _addressed_outlet(view, sentence, index)
    ):
        index += 1
    if index < sentence.last and _unnamed_at(words, view, sentence, index):
        return True

    # before the verb, opening its clause: "غير أن مصادر مطلعة في الحزب ذكرت أن"
    def opens(index: int) -> bool:  # (a quotation opens a clause too: "“أحد المدربين يصرح: ...”")
        token = view.tokens[index - 1]
        return token.text in words.breaks or token.norm in words.complementizers or token.text in quotes.MARKS

    index = query.match.first - 1
    while index > max(sentence.first, query.match.first - _OWNER_REACH - 2) and not opens(index):
        index -= 1
    if index > sentence.first and not opens(index):
        return False  # the clause opens further back: "تعد أحد الرموز ... الذي يدعو" is no one speaking
    return index < query.match.first and _unnamed_at(words, view, sentence, index)


def _bare_word_after_verb(words: FoldedLexicons, query: SlotQuery) -> int | None:
    """The first word after the speech verb, past times and adverbs ("وقال أمس رئيس ..."), when
    no mention covers it (where a title the speaker is introduced by may begin); else None."""
    view, sentence = query.view, query.sentence
    index = query.match.last + 1
    while index < sentence.last and (view.is_time_token(index) or view.tokens[index].norm in words.adverbs):
        index += 1
    if index >= sentence.last or view.mention_covering(sentence, index) is not None:
        return None
    return index


def _unnamed_official(words: FoldedLexicons, query: SlotQuery) -> bool:
    """Whether a title no mention covers follows the speech verb and no person is named before
    what is said: "وأكد عضو مجلس الإدارة المشرف على الإعلام أن" (the speaker is left unnamed, or
    named in a way no mention caught)."""
    view, sentence = query.view, query.sentence
    index = _bare_word_after_verb(words, query)
    if index is None:
        return False
    norm = view.tokens[index].norm
    if not listed(norm, words.title_heads) or norm.startswith("ال"):
        return False  # (a definite title, "الوزير"، may stand for the one named before)
    end = index
    while end < min(sentence.last, index + _TITLE_REACH) and not _says(words, view.tokens[end]):
        end += 1  # (the title, its commas too, up to what is said: a person named there speaks)
    return not any(m.type == EntityType.PERSON for m in sentence.mentions_from(index, end + 1))


def _titled_official(words: FoldedLexicons, query: SlotQuery) -> list[Mention] | None:
    """The official a title after a speech verb introduces: the person named past a long title
    ("ذكر رئيس المركز والمشرف على البرنامج الأستاذ Y، أن": Y), or no one when the title
    names no one ("وأكد عضو مجلس الإدارة المشرف على ... أن": an official the text leaves unnamed,
    and his next words are not the last speaker's); ``None``: neither."""
    if (named := _named_past_title(words, query)) is not None:
        return [named]
    return [] if _unnamed_official(words, query) else None


def _named_past_title(words: FoldedLexicons, query: SlotQuery) -> Mention | None:
    """The person a long title after a speech verb introduces, named before what is said ("ذكر
    رئيس المركز والمشرف على البرنامج الصيفي الأستاذ X، أن"): the last person named
    before a preposition that follows one ("وقال مستشار الرئيس Y، X، إن": X)."""
    view, sentence = query.view, query.sentence
    index = _bare_word_after_verb(words, query)
    if index is None:
        return None
    if not listed(view.tokens[index].norm, words.title_heads) or index + 1 >= sentence.last:
        return None
    if _member_of(words, query, index):
        return None  # "قال عضو في الحزب ...": one of its members, left unnamed
    named: Mention | None = None
    for at in range(index + 1, min(sentence.last, index + _TITLE_REACH + 6)):
        token = view.tokens[at]
        if _says(words, token) and not _abbreviated(view, at):
            return named if at < sentence.last and token.norm in words.complementizers else None
        person = view.mention_covering(sentence, at, (EntityType.PERSON,))
        if person is not None and person.first == at:
            # introduced as the subject, after a form of address or a comma; not a genitive
            # ("قال عضو في حزب الرئيس المخلوع X إن": a member left unnamed)
            before = view.tokens[at - 1]
            introduced = before.norm in words.honorifics or before.norm in words.title_modifiers
            # "وقال متحدث آخر باسم الرئاسة هو X، إن": named by the pronoun of apposition
            introduced = introduced or before.norm in _NAMELY
            # "النقيب /نايف X"، "م. محمد X": a rank set off by a slash, an abbreviated address
            addressed = introduced or _abbreviated(view, at - 1) or before.text in {"،", ",", "/"}
            named = person if addressed else None
        elif person is None and named is not None and listed(token.norm, words.stops):
            return None  # "وقال الوزير X خلال لقائه Y": a clause goes on after the name
    return None


# "ونقلت الصحيفة عن X قوله"، "نقلا عن X قوله": the one whose words are passed on is after عن
_PASSED_ON = fold_words(("نقل", "نقلت", "نقلا", "ناقلا", "نقلوا"))  # read with listed(): ونقلت too
_QUOTED_REACH = 16  # tokens from عن back to the verb of passing on, and on to قوله


def _quoted_unnamed(words: FoldedLexicons, query: SlotQuery) -> bool:
    """Whether a possessive speech noun ("قوله") follows "نقل/نقلا عن" + a source left unnamed
    ("مصدر في الوزارة"، "عضو في حزب الرئيس X"): the words are that source's, not X's."""
    view, sentence, match = query.view, query.sentence, query.match
    if query.form.rule.pos != "noun":
        return False
    for at in range(match.first - 1, max(sentence.first, match.first - _QUOTED_REACH) - 1, -1):
        if view.tokens[at].norm != "عن":
            continue
        verbs = range(max(sentence.first, at - 4), at)
        passed = any(listed(view.tokens[verb].norm, _PASSED_ON) for verb in verbs)
        source = at + 1
        return passed and (_unnamed_at(words, view, sentence, source) or _member_of(words, query, source))
    return False


def _member_of(words: FoldedLexicons, query: SlotQuery, index: int) -> bool:
    """Whether a title head at ``index`` is followed by a preposition ("عضو في الحزب"، "قيادي
    في حركة X"): one of a body's members, whom the text leaves unnamed."""
    view, sentence = query.view, query.sentence
    return (
        index + 1 < sentence.last
        and listed(view.tokens[index].norm, words.title_heads)
        and listed(view.tokens[index + 1].norm, words.prepositions)
    )


def _abbreviated(view: DocumentView, index: int) -> bool:
    """Whether token ``index`` is the period of a one-letter form of address ("م. محمد"، "د. سعد")."""
    return view.tokens[index].text == "." and index > 0 and len(view.tokens[index - 1].text) == 1


def _says(words: FoldedLexicons, token: Token) -> bool:
    return token.norm in words.complementizers or token.text in {":", ".", "؛"}


def _framed_speakers(words: FoldedLexicons, query: SlotQuery) -> list[Mention] | None:
    """The speakers a construction around the trigger names (``None``: no such construction):
    "تصريحات صدرت عن الرئيس X" (X's), "وكان الوزير X، رئيس اللجنة، قد أكد" (X, however long
    his title), "وقالت الحكومة المصرية إن" (the state), "وقال كل من X وY إن" (both)."""
    for found in (
        _issued_by(words, query),
        _vehicle_author(words, query),
        _kana_qad_subject(words, query),
        _fronted_subject(words, query),
    ):
        if found is not None:
            return found
    if (state := _government_of(query)) is not None:
        return [state]
    each = _each_of(words, query)
    return each if len(each) > 1 else _joint_bodies(words, query)


# "ألقى X كلمة أكد فيها"، "برقية من X أكد خلالها": a verb whose words are inside a text or speech
# named before it, pointed back to by a pronoun right after the verb
_RESUMPTIVE = fold_words(("فيه", "فيها", "خلاله", "خلالها"))
_VEHICLES = fold_words(
    ("تصريح", "تصريحات", "كلمة", "رسالة", "برقية", "بيان", "خطاب", "مقابلة", "حديث", "تغريدة", "خطبة")
)
_VEHICLE_REACH = 12  # tokens from the verb back to the text or speech it is said in
_FROM = fold("من")


def _vehicle(norm: str) -> bool:
    """A text or speech noun, with its clitics: "برسالة"، "كلمته"، "بيانا"، "والتصريحات"."""
    for reading in clitic_readings(norm):
        stem = reading.stem.removeprefix("ال")
        for form in (stem, stem.removesuffix("ا"), stem.removesuffix("ه"), stem.removesuffix("ها")):
            if form in _VEHICLES:
                return True
    return False


def _vehicle_author(words: FoldedLexicons, query: SlotQuery) -> list[Mention] | None:
    """The author of the text or speech a speech verb points back to ("وألقى الملك X كلمة أكد
    فيها"، "بعث X برسالة إلى Y أكد فيها"، "برقية تهنئة من نظيره X، أكد خلالها"، "تصريحات X
    التي أكد فيها"): the one named right after the noun (past its title, or after من), else the
    one named last before the noun, not after a preposition; ``None``: no such construction."""
    view, sentence, match, slot = query.view, query.sentence, query.match, query.slot
    after = match.last + 1
    if query.form.rule.pos != "verb" or after >= sentence.last or view.tokens[after].norm not in _RESUMPTIVE:
        return None
    low = max(sentence.first, match.first - _VEHICLE_REACH)
    noun = next((i for i in range(match.first - 1, low - 1, -1) if _vehicle(view.tokens[i].norm)), None)
    if noun is None:
        return None

    def usable(mention: Mention | None) -> bool:
        return (
            mention is not None
            and mention.type in slot.types
            and not mention.is_nisba
            and query.open_to(mention)
        )

    index, plain, sent_from, titled = noun + 1, 0, False, False
    while index < match.first:  # the genitive, or after من, past its title and honorifics
        token = view.tokens[index]
        mention = view.mention_covering(sentence, index)
        if mention is not None and mention.first == index:
            if plain and not (sent_from or titled):
                break  # "كلمة أمام مجلس X": not its author
            return [mention] if usable(mention) else None
        if token.norm != _FROM and listed(token.norm, words.prepositions):
            break  # "برسالة إلى الرئيس X": the one it was sent to
        sent_from = sent_from or token.norm == _FROM
        if words.in_title(token.norm) or token.norm in words.honorifics:
            titled = True  # "تصريحات رئيس النادي X"
        elif token.norm != _FROM:
            plain += 1  # "برقية تهنئة من X": the noun's own complement; the title's genitive
            if plain > 2 or not token.text.isalpha() or (sent_from and not titled):
                break
        index += 1
    for mention in reversed(sentence.mentions_from(sentence.first, noun)):
        if mention.last >= noun or mention.first <= sentence.first:
            continue
        if listed(view.tokens[mention.first - 1].norm, words.prepositions):
            continue  # "إلى الرئيس X": the one it was sent to
        return [mention] if usable(mention) else None
    return None


# "تصريحات صدرت عن X"، "التصريحات التي أطلقها X"، "تصريح أدلى به X": the noun's verb of issuing
_ISSUING = fold_words(("صدرت", "صدر", "الصادرة", "الصادر", "أدلى", "أطلقها", "أطلقه", "أطلق"))
_ISSUING_LINKS = fold_words(("التي", "الذي", "عن", "بها", "به", "أمس"))
_ISSUING_REACH = 4  # words (adjectives, التي) between the noun and its verb of issuing


def _issued_by(words: FoldedLexicons, query: SlotQuery) -> list[Mention] | None:
    """The one named after a statement noun's verb of issuing ("تصريحات حادة صدرت عن رئيس
    الوزراء X"، "تصريحات أدلى بها الوزير X"): X, or none if only an office is named there;
    ``None``: no such verb."""
    view, sentence, match = query.view, query.sentence, query.match
    if query.form.rule.pos != "noun":
        return None
    for index in range(match.last + 1, min(sentence.last, match.last + 1 + _ISSUING_REACH)):
        token = view.tokens[index]
        if token.text in words.breaks or view.mention_covering(sentence, index) is not None:
            return None
        if token.norm in _ISSUING:
            start = index + 1
            while start < sentence.last and view.tokens[start].norm in _ISSUING_LINKS:
                start += 1
            named = _named_after(words, query, start)
            return [] if named is None else [named]
    return None


_KANA = {fold("كان"), fold("كانت")}
_OR = fold("أو")
_QAD = fold("قد")
_QAD_PARTICLES = fold_words(("قد", "وقد", "فقد", "لقد"))
_KANA_REACH = 20  # tokens from كان to the verb after قد (the subject's name and title between)


def _kana_qad_subject(words: FoldedLexicons, query: SlotQuery) -> list[Mention] | None:
    """The subject named between كان and قد before a speech verb ("وكان الشيخ X نائب رئيس مجلس
    الوزراء ووزير الداخلية قد أكد"): the first name after كان, however long the title after it;
    none when no one is named there ("وكان وزير خارجية مصر قد أعلن"); ``None``: no such clause."""
    view, sentence, first = query.view, query.sentence, query.match.first
    if first - 2 < sentence.first or view.tokens[first - 1].norm != _QAD:
        return None
    for index in range(first - 2, max(sentence.first, first - _KANA_REACH) - 1, -1):
        norm = view.tokens[index].norm
        if norm in words.complementizers or (
            view.tokens[index].text in words.breaks and norm not in {"،", ","}
        ):
            return None
        if listed(norm, _KANA):
            subject = _first_subject(words, query, index + 1, first - 1)
            return [] if subject is None else [subject]
    return None


_FRAME_REACH = 4  # tokens from a sentence's start to the أن of "يذكر أن"، "والجدير بالذكر أن"


def _fronted_subject(words: FoldedLexicons, query: SlotQuery) -> list[Mention] | None:
    """The subject a framing أن puts before its verb, set off by a comma ("يذكر أن رئيس اللجنة
    X، أكد على"، "والجدير بالذكر أن الوزير X، صرح بأن"): the first name after أن; ``None``: no
    such clause, or no one named in it. The أن opens the sentence, no one named before it ("وقال
    الوزير إن X، أكد" is told by the minister)."""
    view, sentence, first = query.view, query.sentence, query.match.first
    if query.form.rule.pos != "verb" or first - 2 < sentence.first:
        return None
    if view.tokens[first - 1].text not in {"،", ","}:
        return None
    for index in range(first - 2, max(sentence.first, first - _KANA_REACH) - 1, -1):
        token = view.tokens[index]
        if token.text in words.breaks:
            return None
        if token.norm in words.complementizers:
            if index - sentence.first > _FRAME_REACH or sentence.mentions_from(sentence.first, index):
                return None
            subject = _first_subject(words, query, index + 1, first - 1)
            # the name closes the subject right before its comma, after its title alone ("وفي
            # معرض إشارته إلى أن الصين ستوسع انفتاحها، قال وانغ"، "وفي ما يبدو أنه محاولة لدعم
            # موقف X، قال Y": what أن says, not a subject)
            if (
                subject is None
                or subject.last != first - 2
                or not _title_only(words, query, index + 1, subject)
            ):
                return None
            return [subject]
    return None


def _title_only(words: FoldedLexicons, query: SlotQuery, start: int, subject: Mention) -> bool:
    """Whether tokens [start, subject) are the subject's title: title words, forms of address,
    names ("رئيس لجنة الشؤون الخارجية بمجلس النواب X")."""
    view, sentence = query.view, query.sentence
    for index in range(start, subject.first):
        norm = view.tokens[index].norm
        if view.mention_covering(sentence, index) is None and not (
            words.in_title(norm)
            or norm in words.honorifics
            or (norm[:1] in "بل" and words.in_title(norm[1:]))
        ):
            return False
    return True


def _first_subject(words: FoldedLexicons, query: SlotQuery, start: int, end: int) -> Mention | None:
    """The first name in tokens [start, end) that may be the subject: a person, or a body or
    country no title word governs ("وكان محافظ عدن الجديد X": X; "وكان وزير خارجية مصر": none)."""
    view, sentence = query.view, query.sentence
    for mention in sentence.mentions_from(start, end):
        if mention.first < start or mention.last >= end or mention.is_nisba:
            continue
        titled = mention.first > start and words.in_title(view.tokens[mention.first - 1].norm)
        if mention.type in query.slot.types and (mention.type == EntityType.PERSON or not titled):
            return mention if query.open_to(mention) else None
    return None


def _government_of(query: SlotQuery) -> Mention | None:
    """The country whose nisba follows "الحكومة" or "السلطات" right after a speech verb ("وأكدت
    الحكومة التركية أن"، "قالت الحكومة الأميركية أمس"، "أعلنت السلطات الماليزية أنها"): the
    government, or the authorities, speak for their state."""
    view, sentence = query.view, query.sentence
    index = query.match.last + 1
    if index + 1 >= sentence.last or view.tokens[index].norm not in _GOVERNMENT:
        return None
    if not _feminine(view, query.match):
        return None  # (not "وطالب الحكومة الإيرانية بالكف": the government is his object)
    nisba = view.mention_covering(sentence, index + 1, (EntityType.COUNTRY,))
    if nisba is None or nisba.first != index + 1 or not nisba.is_nisba:
        return None
    return nisba if EntityType.COUNTRY in query.slot.types and query.open_to(nisba) else None


_EACH_OF = (fold("كل"), fold("من"))
_EACH_OF_REACH = 40  # tokens of "كل من X، title، وY، title" scanned


def _each_of(words: FoldedLexicons, query: SlotQuery) -> list[Mention]:
    """The speakers a speech verb names by "كل من X وY" ("وأكد كل من الوزير X ونظيره Y أن"،
    "أعلنت كل من السعودية والإمارات"): each name of the first one's type that و joins, past
    the titles, honorifics and affiliations between them."""
    view, sentence, slot = query.view, query.sentence, query.slot
    index = query.match.last + 1
    if index + 2 >= sentence.last or (view.tokens[index].norm, view.tokens[index + 1].norm) != _EACH_OF:
        return []
    found: list[Mention] = []
    index += 2
    while index < min(sentence.last, query.match.last + _EACH_OF_REACH):
        token, mention = view.tokens[index], view.mention_covering(sentence, index)
        if mention is not None:
            joined = not found or (mention.first == index and token.norm[:1] == "و")
            usable = mention.type in slot.types and not mention.is_nisba and query.open_to(mention)
            if joined and usable and (not found or mention.type == found[0].type):
                found += [] if any(m.entity.id == mention.entity.id for m in found) else [mention]
            index = max(index, mention.last) + 1
        elif (
            token.text in {"،", ","}
            or words.in_title(token.norm)
            or (token.norm in words.honorifics or token.norm in words.prepositions)
        ):
            index += 1
        else:
            break
    return found


def _joint_bodies(words: FoldedLexicons, query: SlotQuery) -> list[Mention] | None:
    """Two bodies or states named as one subject right after a speech verb ("وأكدت أوبك وروسيا
    أنهما"، "أعلنت السعودية والإمارات أن"): both speak (GUIDELINES §5, dev9); ``None``: not so.
    (People are left to "كل من" and the duals: a title or a name may follow a person's و.)"""
    view, sentence, slot = query.view, query.sentence, query.slot
    index = query.match.last + 1
    if query.form.rule.pos != "verb" or index + 1 >= sentence.last or _outlet_follows(words, query):
        return None  # ("وذكرت مؤسسة الإذاعة والتلفزيون": an outlet, a source and no speaker)
    first = view.mention_covering(sentence, index, AFFILIATION_TYPES)
    if first is None or first.first != index or first.last + 1 >= sentence.last:
        return None
    second = view.mention_covering(sentence, first.last + 1, AFFILIATION_TYPES)
    if (
        second is None
        or second.first != first.last + 1
        or view.tokens[second.first].norm[:1] != "و"
        or second.entity.id == first.entity.id
    ):
        return None
    pair = [first, second]
    if any(
        m.is_nisba
        or m.type not in slot.types
        or m.entity.subtype in slot.exclude_subtypes
        or not query.open_to(m)
        for m in pair
    ):
        return None
    return pair


def _joined_verb(query: SlotQuery) -> bool:
    """Whether the trigger is a verb joined by و/ف inside its sentence ("... وقالت إن")."""
    view, match = query.view, query.match
    return (
        query.form.rule.pos == "verb"
        and match.first > query.sentence.first
        and match.offset > 0
        and view.tokens[match.first].norm[:1] in CONJUNCTION_LETTERS
    )


def _opening_verb(query: SlotQuery) -> int:
    """The token of a sentence's first verb: its first, or the one after an adverbial set off by
    a comma ("من جهتها، استنكرت")."""
    return _verb_after_adverbial(query.view, query.sentence, query.match.first)


def _verb_after_adverbial(view: DocumentView, sentence: SentenceView, end: int) -> int:
    """The first token of ``sentence``, or the one after a comma that closes an opening
    adverbial before token ``end`` ("من جهة أخرى، هونت")."""
    for index in range(sentence.first, min(end, sentence.first + _ADVERBIAL_SPAN + 1)):
        if view.tokens[index].text in {"،", ","}:
            return index + 1
    return sentence.first


def _previous_body(words: FoldedLexicons, query: SlotQuery) -> Mention | None:
    """The body the sentence before opens with as its verb's subject ("من جهتها، خففت الوزارة من
    أهمية الخلاف."), carried into a speech verb joined by و that opens this sentence and names no
    subject ("وقالت إن"): what it did, it goes on saying, though it said nothing before (no speaker
    the story recorded; another name between, "سفر الرئيس X", is no subject)."""
    view, sentence, match = query.view, query.sentence, query.match
    if query.form.rule.pos != "verb" or match.first != sentence.first or match.offset == 0:
        return None
    if sentence.index == 0 or sentence.quoted or match.last + 1 >= sentence.last:
        return None
    following = view.tokens[match.last + 1]
    if not (
        following.text in words.breaks
        or listed(following.norm, words.complementizers)
        or listed(following.norm, words.prepositions)
    ):
        return None  # "وقالت الشركة إن": its own subject, a noun no name covers
    previous = view.sentences[sentence.index - 1]
    if previous.quoted:
        return None
    verb = _verb_after_adverbial(view, previous, previous.last)
    if verb + 1 >= previous.last:
        return None
    body = view.mention_covering(previous, verb + 1, (EntityType.ORGANIZATION, EntityType.COUNTRY))
    opener = view.tokens[verb].norm
    if body is None or body.first != verb + 1 or body.is_nisba or not opener.isalpha():
        return None
    if words.in_title(opener) or listed(opener, words.prepositions) or view.mention_covering(previous, verb):
        return None
    return body


def _unnamed_opening(words: FoldedLexicons, query: SlotQuery) -> bool:
    """Whether the sentence's first verb has an official no name follows as its subject ("من
    جانبه، دعا مدير برامج الإغاثة في الأمم المتحدة إلى"): no person is named before the
    trigger."""
    view, sentence = query.view, query.sentence
    subject = _opening_verb(query) + 1
    if subject >= query.match.first:
        return False
    # (or one of a group: "وكان أحد رجال الأمن ظهر ...، مطالبا الجميع بالهدوء")
    if not (
        listed(view.tokens[subject].norm, words.title_heads)
        or view.tokens[subject].norm in words.unnamed_sources
    ):
        return False
    if view.mention_covering(sentence, subject) is not None or any(
        m.type == EntityType.PERSON and subject < m.first < query.match.first
        for m in sentence.mentions_from(subject, query.match.first)
    ):
        return False
    # the last speaker's own title again ("وأعرب نائب الرئيس اليمني"): that person, not another
    head = view.tokens[subject].norm.lstrip(CONJUNCTION_LETTERS)
    for known in (view.speaker[0] if view.speaker is not None else None, sentence.actor):
        if known is not None and any(
            head in view.tokens[index].norm
            for index in range(max(0, known.first - _RESTATEMENT_REACH - 2), known.first)
        ):
            return False
    return True


def _opening_body(words: FoldedLexicons, query: SlotQuery) -> Mention | None:
    """The body a sentence opens with as its first verb's subject, right after that verb, past
    an adverbial set off by a comma ("واستنكر المجلس"، "من جهتها، استنكرت الهيئة ...")."""
    view, sentence = query.view, query.sentence
    verb = _opening_verb(query)
    if verb + 1 < query.match.first and view.tokens[verb].norm in _QAD_PARTICLES:
        verb += 1  # "وعليه، فقد استدعت الوزارة السفير ...، معربة": the verb after قد
    body = view.mention_covering(sentence, verb + 1, (EntityType.ORGANIZATION, EntityType.COUNTRY))
    if body is None or body.first != verb + 1 or body.last >= query.match.first or body.is_nisba:
        return None
    token = view.tokens[body.first]
    governed = body.entity.start > token.start and token.norm[:1] in {"ل", "ب"}
    opener = view.tokens[verb].norm  # a verb, not a title or a preposition ("وحول الصين، بدا")
    governed = governed or words.in_title(opener) or listed(opener, words.prepositions)
    return None if governed or not opener.isalpha() else body


def _feminine(view: DocumentView, match: TriggerMatch) -> bool:
    """Whether a speech verb agrees with a feminine subject: قالت، أكدت، تؤكد، مؤكدة."""
    stem = match.stem(view.tokens)
    text = view.tokens[match.first].text.rstrip(_MARKS + "ا")
    if text.endswith("ت") and (_participle(view, match) or len(stem) <= 3):
        return False  # the root's own ت: "لفت"، "لافتا" (hers: "لفتت"، "لافتة")
    return _feminine_word(view.tokens[match.first].text) or (
        stem[:1] == "ت" and not stem.startswith(_PERFECT_IN_T)
    )


def _feminine_word(text: str) -> bool:
    """Whether a word ends in ت or ة, past its diacritics and tanwin (مؤكدةً، قالتْ)."""
    bare = text.rstrip(_MARKS + "ا")
    return bare.endswith(("ت", "ة"))


def _her_doer(words: FoldedLexicons, query: SlotQuery, found: list[Mention]) -> list[Mention]:
    """An event verb in the feminine ("زارت"، "تفقدت") whose doer is left unsaid is done by a
    woman, a place or state, or a body with a feminine head; "حيث زارت مكتب المحاسبات" after
    "وبدأت المؤسسات ..." is not the visit of the (male) prime minister the story follows."""
    if query.form.rule.type == RelationType.STATEMENT or query.form.rule.pos != "verb":
        return found
    # the perfect's ت only: "تفقد"، "توجه" begin with ت and are his ("تزور" may be "you visit"),
    # and a masdar read as a verb ("تولى رئاسة الاجتماع") is no feminine verb
    if not query.view.tokens[query.match.last].text.rstrip(_MARKS).endswith("ت"):
        return found
    return [mention for mention in found if _feminine_referent(words, query.view, mention)]


def _agreeing(words: FoldedLexicons, query: SlotQuery, found: list[Mention]) -> list[Mention]:
    """Without a body a masculine speech verb may name ("وقال الناطق ...، وأضاف"، "مبينا"), a
    body whose head noun is feminine (الوزارة، هيئة، الحكومة) named before it is not its speaker:
    "أعلنت الوزارة ... وقال الناطق باسمها إن ... وأضاف أن" is the spokesman, unnamed."""
    view, match = query.view, query.match
    if query.form.rule.type != RelationType.STATEMENT or _feminine(view, match):
        return found
    following = match.last + 1
    if following < query.sentence.last and listed(view.tokens[following].norm, words.vehicles):
        return found  # "وتابع البيان أن": the verb agrees with the statement, not its issuer
    return [
        mention
        for mention in found
        if not (
            mention.type == EntityType.ORGANIZATION
            and (mention not in query.sentence.mentions or mention.last < match.first)
            and mention.entity.text.split()[0].endswith("ة")
        )
    ]


def _agrees(words: FoldedLexicons, query: SlotQuery, mention: Mention) -> bool:
    """Whether a speech verb that leaves its speaker unsaid agrees with ``mention`` in gender: a
    feminine one (وقالت، مشيرة) is no man's ("أعلنت الوزارة ... وأكدت" is the ministry, not the
    minister named in between), and a masculine one (وأضاف، مؤكدا) no country's but one whose
    name is masculine ("هنأ الرئيس مصر، مشيرا" is the president; "وأكد العراق" may be Iraq)."""
    if query.form.rule.type != RelationType.STATEMENT or query.form.rule.pos != "verb":
        return True  # a masdar's ة is its own ("إشارة"، "تصريحات"), no agreement
    if _feminine(query.view, query.match):
        return mention.type != EntityType.PERSON or _feminine_referent(words, query.view, mention)
    if mention.type != EntityType.COUNTRY:
        return True
    return fold(mention.entity.canonical) in words.masculine_states


def _addressed_outlet(view: DocumentView, sentence: SentenceView, index: int) -> bool:
    """Whether token ``index`` is in an outlet's name ("لـ«الاقتصادية»")."""
    covering = view.mention_covering(sentence, index)
    return covering is not None and covering.entity.subtype == MEDIA


def _unnamed_at(words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int) -> bool:
    """Whether token ``index`` opens an unnamed source: no name covers it, or only a person the
    tagger made of the source and its adjectives ("مصدران دبلوماسيان"), which no name begins."""
    norm = view.tokens[index].norm
    if norm not in words.unnamed_sources:
        return False
    covering = view.mention_covering(sentence, index)
    # (not "المسؤول الإماراتي" that coreference gave the Emirati the story named; but an
    # indefinite "متحدث باسم الشرطة" introduces someone new, whoever else holds that title)
    return covering is None or (
        covering.type == EntityType.PERSON
        and covering.first == index
        and (covering.entity.source != EntitySource.COREF or not is_definite(norm))
    )


def _carried_out_by(words: FoldedLexicons, query: SlotQuery) -> Mention | None:
    """ "الزيارة المرتقبة التي سوف يقوم بها الملك X لموسكو": the one named after "يقوم بها"
    does the masdar (with no one named there, "التي يقوم بها إلى", the actor does)."""
    index = _carried_index(words, query)
    return None if index is None else _named_after(words, query, index + 1)


def _carried_by_delegation(words: FoldedLexicons, referents: Referents, query: SlotQuery) -> Filled | None:
    """ "الزيارة التي يقوم بها الوفد الأممي إلى صنعاء": a delegation after "يقوم بها" does the
    masdar as its body or country (GUIDELINES §5), and the place follows it."""
    index = _carried_index(words, query)
    if index is None:
        return None
    delegation, after = referents.delegation_phrase(query, index + 1)
    return ([delegation], after) if delegation is not None and delegation.type in query.slot.types else None


def _carried_index(words: FoldedLexicons, query: SlotQuery) -> int | None:
    """The "بها" of "يقوم بها" shortly after the masdar, in its clause, if there is one."""
    view, sentence, match = query.view, query.sentence, query.match
    end = min(sentence.last, match.last + _CARRIED_REACH)
    for index in range(match.last + 1, end):
        token = view.tokens[index]
        if token.text in words.breaks:
            return None
        if token.norm == "بها" and listed(view.tokens[index - 1].norm, words.light_verbs):
            return index
    return None


def _carried_by_title(words: FoldedLexicons, query: SlotQuery) -> bool:
    """Whether "يقوم بها" after the masdar is followed by an office that no name follows."""
    view, sentence, match = query.view, query.sentence, query.match
    for index in range(match.last + 1, min(sentence.last - 1, match.last + _CARRIED_REACH)):
        token = view.tokens[index]
        if token.text in words.breaks:
            return False
        if token.norm == "بها" and listed(view.tokens[index - 1].norm, words.light_verbs):
            following = view.tokens[index + 1].norm
            return listed(following, words.title_heads) and _named_after(words, query, index + 1) is None
    return False


def _named_after(words: FoldedLexicons, query: SlotQuery, start: int) -> Mention | None:
    """The doer named at ``start``, past its title ("وزيرة خارجية السويد آن ليندي")."""
    view, sentence = query.view, query.sentence
    index = start
    while index < min(sentence.last, start + _CARRIED_REACH):
        mention = view.mention_covering(sentence, index)
        norm = view.tokens[index].norm
        if mention is not None:
            titled = index > start and listed(view.tokens[index - 1].norm, words.titles)
            if mention.type == EntityType.PERSON or not (titled or mention.is_nisba):
                usable = mention.type in query.slot.types and query.open_to(mention)
                return mention if usable else None
            index = mention.last + 1
        elif words.in_title(norm) or norm in words.honorifics:
            index += 1
        elif (epithet := _epithet_length(words, view, index)) > 0:
            index += epithet  # "التي سيقوم بها خادم الحرمين الشريفين الملك X"
        else:
            return None  # "التي يقوم بها إلى إسبانيا": no one named; the actor does it
    return None


def _epithet_length(words: FoldedLexicons, view: DocumentView, index: int) -> int:
    """The tokens of an office's epithet starting at ``index`` ("خادم الحرمين الشريفين"), or 0."""
    for phrase in words.epithets:
        following = tuple(token.norm for token in view.tokens[index : index + len(phrase)])
        if following == phrase:
            return len(phrase)
    return 0


def _visitor_after_lam(words: FoldedLexicons, query: SlotQuery) -> Mention | None:
    """ "خلال زيارة مفاجئة لوزير الدفاع الفرنسي X إلى بغداد"، "زيارة للرئيس X إلى
    الجزائر": the person whose title ل governs makes the visit when إلى a place follows his name
    (one visited is not followed by where he went)."""
    view, sentence, match = query.view, query.sentence, query.match
    if query.form.rule.type != RelationType.VISIT or query.form.possessive:
        return None
    for index in range(match.last + 1, min(sentence.last - 1, match.last + 1 + _LAM_REACH)):
        norm = view.tokens[index].norm
        if view.tokens[index].text in words.breaks or view.mention_covering(sentence, index) is not None:
            return None  # "زيارة الوزير X للرياض": the genitive's; "زيارة لبغداد": a place
        if norm.startswith("ل") and words.prefixed_title(norm):
            named = _named_after(words, query, index + 1)
            following = named.last + 1 if named is not None else sentence.last
            if named is None or following >= sentence.last or view.tokens[following].norm not in _TO:
                return None
            return named if named.type == EntityType.PERSON else None
    return None


def _past_title(words: FoldedLexicons, candidates: CandidateFilter, query: SlotQuery) -> int:
    """The first token after the title words (and the nisba adjectives or affiliations
    inside them) that follow the trigger: "زيارة وزير الخارجية السعودي عادل الجبير"."""
    view, sentence, match = query.view, query.sentence, query.match
    start = match.last + 1
    while start < min(sentence.last, match.last + _TITLE_REACH):
        norm = view.tokens[start].norm
        covering = view.mention_covering(sentence, start)
        if covering is None:
            if not words.in_title(norm):
                break
            start += 1
        elif (
            start > match.last + 1
            and covering.type in AFFILIATION_TYPES
            and (covering.is_nisba or candidates.in_title(view, sentence, covering))
        ):
            start = covering.last + 1
        else:
            break
    return start


def _unfit_genitive(words: FoldedLexicons, candidates: CandidateFilter, query: SlotQuery) -> bool:
    """Whether the masdar's genitive names its doer, but no one the rule takes: a title with
    no name after it ("زيارة وزير الدفاع الأمريكي"), or a name of a type no slot of the rule
    takes ("استقبال القاهرة")."""
    view, sentence, match = query.view, query.sentence, query.match
    following = match.last + 1
    if following >= sentence.last or view.tokens[match.last].norm in words.prepositions:
        return False
    if _unnamed_participant(words, query):
        return True  # "مشاركة المئات من المقاتلين في X": they, not the one who spoke
    if _outlet_genitive(words, view, sentence, following):
        return True  # "ورصدت جولة «الصحيفة» أمس": the paper's reporters went round, no one named
    if listed(view.tokens[following].norm, words.title_heads):
        end = _past_title(words, candidates, query)
        return end >= sentence.last or view.mention_covering(sentence, end, (EntityType.PERSON,)) is None
    genitive = view.mention_covering(sentence, following)
    if genitive is None or genitive.first != following or genitive.is_nisba:
        return False
    taken = {entity_type for slot in query.form.rule.slots for entity_type in slot.types}
    return genitive.type not in taken


def _delegated_subject(referents: Referents, query: SlotQuery, following: int, cursor: int) -> Filled | None:
    """A subject named by the delegations after the verb: "وصل أمس وفد من وزارة النقل"; each
    head of joined ones, past the last ("وصل الوفد الكويتي برئاسة X، والوفد القطري برئاسة Y")."""
    delegations, after = referents.delegations(query, following, reach=3)
    delegations = [d for d in delegations if d.type in query.slot.types]
    if not delegations:
        return None
    return delegations, after if len(delegations) > 1 else cursor


def _delegation_met(referents: Referents, query: SlotQuery, cursor: int) -> Filled:
    """ "استقبل X وفدا من الكشافة السعودية": the delegation's body or head, or no one named."""
    body = referents.delegation(query, cursor, reach=2)
    if body is None or body.type not in query.slot.types:
        return [], cursor
    return [body], body.last + 1


def _delegation_next(words: FoldedLexicons, query: SlotQuery, cursor: int) -> bool:
    """A delegation word is the object, right at ``cursor`` or after a time word (أمس وفدا)."""
    view, sentence = query.view, query.sentence
    index = cursor
    while index < sentence.last and view.is_time_token(index):
        index += 1
    return (
        query.form.rule.type == RelationType.MEETING
        and index < sentence.last
        and index - cursor <= 2
        and listed(view.tokens[index].norm, words.delegations)
        and view.mention_covering(sentence, index) is None
    )


def _outlet_genitive(words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int) -> bool:
    """A news outlet in the genitive at ``index``: a quoted name («عكاظ»، "الوطن"), an outlet's
    head noun (الصحيفة، وكالة) or a mention of a news outlet."""
    token = view.tokens[index]
    if (
        token.text[:1] in quotes.OPENING
        or listed(token.norm, words.outlet_heads)
        or token.norm in _OUTLET_NOUNS
    ):
        return True
    covering = view.mention_covering(sentence, index)
    return covering is not None and covering.first == index and covering.entity.subtype == MEDIA


def _bare_argument(words: FoldedLexicons, query: SlotQuery, cursor: int, mention: Mention) -> bool:
    """An argument with no preposition before it: the genitive next to the trigger, or one
    carrying the preposition as a proclitic (لبغداد). A person's (or a body's) genitive is
    reached past title words only ("وصول وزير الدفاع الأمريكي X"، "اجتماع وزراء خارجية دول
    المجلس"), not past a verb or a plain noun ("اجتماع يعقده الوزير X مع مديري ...")."""
    token = query.view.tokens[mention.first]
    window = query.slot.bare_window or 0
    if any(
        carries_proclitic(token, mention, prep) for prep in query.slot.preps if len(prep.rstrip("ـ")) == 1
    ):
        return True
    if mention.first - cursor >= window:
        return False
    return (
        bool(query.slot.preps)
        or EntityType.PERSON not in query.slot.types
        or _title_gap(words, query, cursor, mention)
    )


def _title_gap(words: FoldedLexicons, query: SlotQuery, start: int, mention: Mention) -> bool:
    """Whether only title words, honorifics, times and the bodies or countries of a title lie
    between ``start`` and the mention."""
    view, sentence = query.view, query.sentence
    index = start
    while index < mention.first:
        norm = view.tokens[index].norm
        covering = view.mention_covering(sentence, index, AFFILIATION_TYPES)
        if covering is not None:
            index = covering.last + 1
        elif (
            words.in_title(norm)
            or norm in words.honorifics
            or listed(norm, words.state_heads)
            or norm in _STATES
            or view.is_time_token(index)
            or (norm.startswith("ال") and norm.endswith(("ي", "يه")) and len(norm) > 5)  # الإنجليزي
        ):
            index += 1
        else:
            return False
    return True


def _means(query: SlotQuery) -> bool:
    """ "ويتم التسجيل من خلال زيارة مقر الجمعية": a bare masdar after "من خلال" (by way of) is a
    means anyone may take, not something the story's actor did ("من خلال زيارته" is his)."""
    view, first = query.view, query.match.first
    return (
        not query.form.possessive
        and first - 2 >= query.sentence.first
        and (view.tokens[first - 2].norm, view.tokens[first - 1].norm) == _BY_WAY_OF
    )


def _unnamed_owner(words: FoldedLexicons, query: SlotQuery, actor: Mention) -> bool:
    """ "وكان أعضاء الوفد قد وصلوا ... في زيارة"، "وقالت متحدثة باسم المفوضية إن المحادثات مع":
    the sentence opens with someone unnamed (an indefinite title or a delegation no name
    covers), so a masdar after it is not done by the story's actor of an earlier sentence (a
    definite bare title, "وعبر المسؤول الأوروبي خلال لقائه", is that actor again)."""
    view, sentence = query.view, query.sentence
    if actor in sentence.mentions:
        return False
    for index in range(sentence.first, min(query.match.first, sentence.first + _OWNER_REACH)):
        norm = view.tokens[index].norm
        titled = (listed(norm, words.title_heads) or norm in words.unnamed_sources) and not is_definite(norm)
        if (titled or listed(norm, words.delegations)) and (view.mention_covering(sentence, index) is None):
            return True
    return False


def _delegation_before(words: FoldedLexicons, query: SlotQuery) -> int | None:
    """The token of a delegation word a few words before a possessive masdar, in its clause."""
    view, sentence, match = query.view, query.sentence, query.match
    for index in range(match.first - 1, max(sentence.first, match.first - _OWNER_REACH) - 1, -1):
        token = view.tokens[index]
        if token.text in words.breaks or token.norm in words.complementizers:
            return None
        if listed(token.norm, words.delegations):
            return index
    return None


_FEMININE_OWNER = fold("ها")  # "زيارتها"، "مشاركتها": "her"/"its", not "their" (هما، هم)
_FEMININE_REACH = 14  # tokens of a title before a name in which its feminine head may be


def _owner_agreeing(words: FoldedLexicons, query: SlotQuery, found: list[Mention]) -> list[Mention]:
    """A masdar's feminine pronoun ("زيارتها"، "وصولها") agrees with its owner: not a man
    ("شكر الوزير المبعوثة على زيارتها": hers, not his) nor a body whose head is masculine
    ("الاتحاد ... منذ وصولها": the team's). The owner is then the last woman named before it in
    the sentence, or no one named."""
    view, match, sentence = query.view, query.match, query.sentence
    if (
        not found
        or not query.form.possessive
        or query.form.rule.pos != "noun"
        or query.form.rule.type == RelationType.STATEMENT
        or not view.tokens[match.first].norm.endswith(_FEMININE_OWNER)
        or _feminine_referent(words, view, found[0])
    ):
        return found
    for mention in reversed(sentence.mentions_from(sentence.first, match.first)):
        if (
            mention.type == EntityType.PERSON
            and mention.last < match.first
            and query.open_to(mention)
            and _feminine_referent(words, view, mention)
        ):
            return [mention]
    return []


def _her_state(words: FoldedLexicons, query: SlotQuery, found: list[Mention]) -> list[Mention]:
    """A masdar's feminine pronoun is no masculine state's: in "ووقوفها إلى جانب إرادة الشعب
    اليمني ودعمها لقرار مجلس الأمن" "her" support is not Yemen's (اليمن takes "his": "ودعمه")."""
    if (
        not found
        or not query.form.possessive
        or not query.view.tokens[query.match.first].norm.endswith(_FEMININE_OWNER)
    ):
        return found
    masculine = words.masculine_states
    return [m for m in found if not (m.type == EntityType.COUNTRY and fold(m.entity.canonical) in masculine)]


def _feminine_referent(words: FoldedLexicons, view: DocumentView, mention: Mention) -> bool:
    """Whether "her" may stand for the mention: a place or state, a body whose head noun is
    feminine (وزارة، الحكومة، هيئة), or a woman: somewhere in the story a feminine title heads
    her name ("وزيرة الخارجية X") or a feminine verb has her as subject ("وكانت X قد زارت")."""
    if mention.type == EntityType.ORGANIZATION:
        head = mention.entity.text.split()
        return not head or _feminine_word(head[0])
    if mention.type != EntityType.PERSON:
        return True
    name = mention.entity.kb_id or mention.entity.canonical
    return any(
        _titled_feminine(words, view, sentence, other)
        for sentence in view.sentences
        for other in sentence.mentions
        if other.type == EntityType.PERSON and (other.entity.kb_id or other.entity.canonical) == name
    )


def _titled_feminine(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, mention: Mention
) -> bool:
    """Whether the title heading the name is feminine ("الممثلة العليا ... X"), or the verb
    right before it ("قالت X"، "وكانت X")."""
    verb = view.tokens[mention.first - 1].norm if mention.first > sentence.first else ""
    if verb.endswith("ت") and not verb.endswith("ات"):  # (not a plural noun: "تصريحات X")
        return True
    for index in range(mention.first - 1, max(sentence.first, mention.first - _FEMININE_REACH) - 1, -1):
        token = view.tokens[index]
        if token.text in words.breaks:
            return False
        norm = token.norm
        bare = ("ال" + norm[2:]) if norm.startswith("لل") else norm[1:] if norm[:1] in {"ب", "ل"} else norm
        if listed(norm, words.title_heads) or (len(bare) > 2 and listed(bare, words.title_heads)):
            return _feminine_word(token.text)  # ("ممثلة بمدير التعليم X": the director's title)
    return False


def _with_co_doers(search: MentionSearch, query: SlotQuery, found: list[Mention]) -> list[Mention]:
    """ "أجرى كل من X وY مباحثات مع Z"، "عقد X وY اجتماعا مع Z": the doers coordinated with the
    one found, before the meeting noun, took part in it too (one meeting with all)."""
    if (
        len(found) != 1
        or query.form.rule.pos != "noun"
        or query.form.rule.type not in JOINT_TYPES
        or found[0].last >= query.match.first
        or found[0] not in query.sentence.mentions
    ):
        return found
    run = [m for m in search.coordinated(query, found[0]) if m.last < query.match.first]
    return [*found, *run]


def _genitive_person(words: FoldedLexicons, candidates: CandidateFilter, query: SlotQuery) -> Mention | None:
    """A person in the genitive is the doer: "زيارة الجبير إلى موسكو"، "زيارة سمو الأمير محمد
    بن نايف"، "زيارة ولي ولي العهد وزير الدفاع الأمير محمد بن سلمان"."""
    view, sentence, match = query.view, query.sentence, query.match
    if view.tokens[match.last].norm in words.prepositions:
        return None  # "لقاء مع X"، "بالسلام على X": X is governed by the preposition
    start = _past_title(words, candidates, query)
    genitive = view.mention_covering(sentence, start, (EntityType.PERSON,)) if start < sentence.last else None
    if (
        genitive is not None
        and genitive.first == start
        and EntityType.PERSON in query.slot.types
        and genitive.entity.id not in query.used
        and candidates.may_fill(view, genitive, query.slot)
        and genitive.entity.start == view.tokens[genitive.first].start
    ):
        return genitive
    return None
