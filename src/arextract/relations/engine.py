"""The relation stage: triggers, argument slots, roles, dates and modality.

:class:`RelationExtractor` orchestrates the units of :mod:`arextract.relations`: ROLE relations
from titles (:mod:`.roles`) and the mentions titles add by coreference
(:mod:`arextract.coref.titles`); then, at every trigger (:mod:`.triggers`), each rule's slots
(:mod:`.slots`) and the relation built from them (:mod:`.assemble`), dated (:mod:`.dating`)
and qualified (:mod:`.modality`), over a token-indexed view of the document (:mod:`.view`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from arextract.coref.titles import BodyReferences, TitleCountries, TitleReferences, untitled_names
from arextract.kb import KnowledgeBase, load_kb
from arextract.link.lexicons import lexicons as link_lexicons
from arextract.relations.assemble import (
    build_relation,
    dedupe,
    expand,
    joined,
    number,
    unique_arguments,
    without_restated,
    without_restated_visits,
)
from arextract.relations.candidates import CandidateFilter, SlotQuery
from arextract.relations.capitals import (
    capital_phrases,
    capital_states,
    country_capitals,
    people_countries,
    speaking_capitals,
)
from arextract.relations.lexicons import FoldedLexicons, is_definite, listed
from arextract.relations.organs import organ_states
from arextract.relations.pairs import (
    JOINT_TYPES,
    DualDoers,
    dual_doer,
    not_home,
    note_pair,
    one_visitor_each,
    persons_for_duals,
)
from arextract.relations.referents import pronoun_subject_at
from arextract.relations.roles import TitleRoles
from arextract.relations.rules import Rule, Slot, load_rules
from arextract.relations.search import MentionSearch
from arextract.relations.slots import SlotFiller
from arextract.relations.triggers import DUAL_TYPES, TriggerForm, TriggerIndex, TriggerMatch
from arextract.relations.view import DocumentView, Mention, SentenceView
from arextract.schema import Document, EntityType, Relation, RelationType, numbered
from arextract.text.normalize import fold


class RelationExtractor:
    """A pipeline stage: ``RelationExtractor()(doc)`` fills ``doc.relations``.

    Near-linear in the document: each trigger looks at a bounded window of tokens, and what it
    asks about its sentence (the clause around it, the mentions before or after it, the one
    covering a token, whether it follows إن/أن) is answered from the sentence's indexes by
    bisection (:class:`~arextract.relations.view.SentenceView`); sentences are at most
    :data:`~arextract.text.segment.MAX_SENTENCE_CHARS` long, so a trigger's argument lists are too."""

    name = "relations"

    def __init__(self, rules: Iterable[str | Path] = (), kb: KnowledgeBase | None = None) -> None:
        self.rules, self.lexicons = load_rules(rules)
        # the knowledge files the pipeline linked with (Pipeline(models_dir=)); else the default
        knowledge = kb if kb is not None else load_kb()
        self._capital_states = capital_states(knowledge)
        self._country_capitals = country_capitals(knowledge)
        self._state_nisbas = knowledge.countries_by_nisba
        self.triggers = TriggerIndex(self.rules)
        self.words = FoldedLexicons.of(self.lexicons)
        self.version = f"rules:{len(self.rules)}"
        self._restating = {rule.id for rule in self.rules if rule.restates} | {DURING_RULE}
        self._joining = {rule.id: rule.joins_within for rule in self.rules if rule.joins_previous}
        self._roles = TitleRoles(self.words)
        self._title_countries = TitleCountries(self.words)
        self._homes = people_countries(knowledge)
        self._title_references = TitleReferences(self.words, self._homes)
        self._bodies = BodyReferences(self.words)
        self._slots = SlotFiller(self.words)
        self._duals = DualDoers(self.words, MentionSearch(self.words, CandidateFilter(self.words)))
        # the words a type's rules list both as verbs and as nouns (دعم): after a preposition,
        # the noun
        self._nouns: dict[RelationType, set[tuple[str, ...]]] = {}
        for rule in self.rules:
            if rule.pos == "noun":
                nouns = self._nouns.setdefault(rule.type, set())
                nouns.update(tuple(fold(word) for word in trigger.split()) for trigger in rule.triggers)

    def triggers_of(self, kind: RelationType) -> list[str]:
        """The one-word verb triggers of a relation type (for recognisers that need them)."""
        return [
            t
            for rule in self.rules
            if rule.type == kind and rule.pos == "verb"
            for t in rule.triggers
            if " " not in t
        ]

    def clause_verbs(self) -> list[str]:
        """The one-word MEETING and VISIT verbs that are not also nouns ("بحث" research, "عقد" a
        contract, "توجه" a trend): such a verb ends an event name before it."""
        return [
            verb
            for kind in (RelationType.MEETING, RelationType.VISIT)
            for verb in self.triggers_of(kind)
            if fold(verb) not in _ALSO_NOUNS
        ]

    def __call__(self, doc: Document) -> None:
        if not doc.tokens:
            return
        untitled = untitled_names(doc, self.words)
        if untitled is not None:
            doc.entities = numbered(untitled)
        states = speaking_capitals(doc, self.triggers, self._capital_states)
        if states is not None:
            doc.entities = states  # (the same spans: ids and order unchanged)
        countries = [
            *self._title_countries.mentions(doc),
            *capital_phrases(doc, self._country_capitals),
            *organ_states(doc, self._state_nisbas, self.words),
        ]
        if countries:
            doc.entities = numbered([*doc.entities, *countries])
        view = DocumentView(doc, self.words)
        roles = self._roles(view)
        by_title = [*self._title_references.mentions(view, roles), *self._bodies.mentions(view)]
        if by_title:
            # people named by their office alone ("الرئيس التركي") become mentions of the
            # person the document gives that office to; ids change, so start again
            doc.entities = numbered([*doc.entities, *by_title])
            view = DocumentView(doc, self.words)
            roles = self._roles(view)
        triggered = not_home(
            doc,
            one_visitor_each(persons_for_duals(doc, joined(self._triggered(view), self._joining))),
            self._homes,
        )
        relations: list[Relation] = [*roles, *triggered]
        names = {e.id: e.kb_id or e.canonical for e in doc.entities}
        doc.relations = number(
            dedupe(without_restated(without_restated_visits(relations, doc), doc), self._restating, names)
        )

    def _triggered(self, view: DocumentView) -> list[Relation]:
        """The relations of every trigger, sentence by sentence (the longest trigger wins)."""
        relations: list[Relation] = []
        names = {entity.id: entity.canonical for entity in view.doc.entities}
        noun: Relation | None = None  # the last relation, if a noun trigger gave it
        for sentence in view.sentences:
            if _repeated_headline(self.words, view, sentence):
                continue
            sporting = _sporting(self.words, view, sentence)
            matches = self._matches(view, sentence)
            position = sentence.first
            while position < sentence.last:
                match = matches.get(position)
                if match is None or _inside_name(view, sentence, match):
                    position += 1
                    continue
                produced: set[RelationType] = set()
                for form in match.forms:
                    if form.rule.type in produced:
                        continue  # the first rule of a type that reads this trigger wins
                    if (
                        sporting
                        and form.rule.type in _NOT_IN_SPORTS
                        and not _sports_meeting(self.words, view, match, form)
                    ):
                        continue  # "يلتقي الفريق مع X في المباراة": a match, not a meeting
                    found = self._apply(view, sentence, match, form)
                    if not found:
                        continue
                    produced.add(form.rule.type)
                    if form.rule.pos == "noun" and _chained(view, names, noun, found[0], match.first):
                        continue  # "توقيع اتفاقية بين X وY": one agreement, told by two nouns
                    noun = found[-1] if form.rule.pos == "noun" else None
                    relations.extend(found)
                    if form.rule.type == RelationType.STATEMENT and not form.dual:
                        # (not two: "وأكدا ...، لافتا" is the one who spoke before)
                        view.note_speaker(found[-1], sentence)
                position = match.last + 1
        return relations

    def _matches(self, view: DocumentView, sentence: SentenceView) -> dict[int, TriggerMatch]:
        """The longest trigger starting at each token of the sentence. Where the VISIT triggers
        are is noted on the sentence: the preposition after each is its own, not that of a travel
        verb before it ("غادر ... متوجها بعد زيارته إلى X إلى Y")."""
        matches: dict[int, TriggerMatch] = {}
        for position in range(sentence.first, sentence.last):
            match = self.triggers.match(view.tokens, position, sentence.last)
            if match is not None:
                matches[position] = match
                if any(form.rule.type == RelationType.VISIT for form in match.forms):
                    sentence.visit_triggers[position] = match.last
        return matches

    # -- one rule at one trigger -------------------------------------------------------

    def _apply(
        self, view: DocumentView, sentence: SentenceView, match: TriggerMatch, form: TriggerForm
    ) -> list[Relation]:
        rule = form.rule
        if rule.then and not self._then_follows(view, sentence, match, rule):
            return []
        ambiguous = rule.pos == "verb" and _spelled(view, match) in self._nouns.get(rule.type, ())
        if ambiguous and _after_preposition(self.words, view, sentence, match):
            return []  # "المسؤول عن دعم الإرهاب": the type's masdar, spelled as its verb
        if rule.unless_next and any(
            listed(view.tokens[index].norm, rule.folded_unless_next)
            for index in range(match.last + 1, min(sentence.last, match.last + 1 + rule.unless_window))
        ):
            return []  # "داعيا له بالتوفيق": a prayer, not a statement
        if rule.only_after and not any(
            view.tokens[index].norm in rule.only_after_forms
            for index in range(max(sentence.first, match.first - rule.only_after_window), match.first)
        ):
            return []  # "الخدمات التي تقدمها الوزارة للمواطنين": what is given is no support
        if rule.unless_genitive and _named_genitive(self.words, view, sentence, match):
            return []  # "رفض X تصريحات المالكي": Maliki's statements, told before
        filled: list[tuple[Slot, list[Mention]]] = []
        cursor = match.last + 1
        used: set[str] = set()
        entities_found: set[str] = set()
        # "وأكدا"، "دعمهما": a dual's doers are the two people told of before it
        first = SlotQuery(view, sentence, match, form, rule.slots[0], frozenset())
        pair = self._duals(first) if form.dual else None
        # "X ونظيره Y اتفقا أثناء اتصال هاتفي": the dual verb's two doers held the call
        during = (
            self._duals.before_dual_verb(first)
            if pair is None and rule.pos == "noun" and rule.type in JOINT_TYPES and not form.possessive
            else None
        )
        pair = pair or during
        for slot in rule.slots:
            # reaching past commas is for arguments still missing, not for extra ones
            may_reach = len(entities_found) < rule.min_arguments or slot.required
            query = SlotQuery(view, sentence, match, form, slot, frozenset(used))
            if pair is not None and not filled:
                found, slot = pair, dual_doer(slot, rule.type)
            else:
                found, cursor = self._slots.fill(query, cursor, may_reach)
            used.update(m.entity.id for m in found)
            entities_found.update(m.entity.kb_id or m.entity.canonical for m in found)
            filled.append((slot, found))
        filled = _agreeing(self.words, view, sentence, match, form, filled)
        if form.dual and len(filled[0][1]) < 2 and rule.type not in JOINT_TYPES:
            return []  # a dual done by one name: misread (a meeting noun reads on as "his")
        if ambiguous and _verb_object(self.words, view, sentence, match, filled):
            return []  # "أكد الرئيس X دعم بلاده لـY": the masdar is what he affirmed
        if rule.type == RelationType.SUPPORT and (
            _own_country_after(view, match, filled) or _genitive_supports(view, sentence, match, filled)
        ):
            return []  # "دعم بلاده لليمن": his country supports, read by the genitive's rule
        if (
            rule.reciprocal
            and len(filled) == 2
            and len(filled[0][1]) >= 2
            and not filled[1][1]
            and self._reciprocal_follows(view, sentence, match)
        ):
            return self._reciprocal(view, sentence, match, form, filled)
        if during is None and any(slot.required and not found for slot, found in filled):
            return []  # (the two doers of a dual verb need no counterpart after the noun)
        relations = []
        for arguments in expand(filled):
            unique = unique_arguments(arguments)
            if len(unique) < rule.min_arguments:
                continue
            relations.append(build_relation(self.words, view, sentence, match, form, unique))
        if during is not None:
            # "وأكدا خلال اللقاء" may restate the meeting told before: dropped if it does
            relations = [_marked(relation, DURING_RULE) for relation in relations]
        if relations and rule.type in JOINT_TYPES:
            note_pair(view, sentence, [m for _, found in filled for m in found])  # "التقى X بـY"
        elif relations and rule.type in DUAL_TYPES:
            # its doers: "اتفق X وY"، "اتفق X مع Y"، "وأكدا"
            note_pair(
                view,
                sentence,
                [m for slot, found in filled if slot.role == rule.slots[0].role for m in found],
            )
        if relations and rule.pos == "verb" and rule.slots[0].find == "subject" and filled[0][1]:
            # "سيزور X الأردن ويلتقي بالملك": the next verb joined by و has the same doer
            view.note_subject(sentence, match.last, filled[0][1][0])
        return relations

    def _then_follows(
        self, view: DocumentView, sentence: SentenceView, match: TriggerMatch, rule: Rule
    ) -> bool:
        """ "وعبر حجار عن شكره": the word the trigger needs follows within ``then_window``."""
        words = rule.folded_then
        for index in range(match.last + 1, min(sentence.last, match.last + 1 + rule.then_window)):
            token = view.tokens[index]
            if token.norm in words:
                return True
            if token.text in self.words.breaks and not (rule.then_past_commas and token.text in {"،", ","}):
                return False
        return False

    def _reciprocal_follows(self, view: DocumentView, sentence: SentenceView, match: TriggerMatch) -> bool:
        following = " ".join(t.norm for t in view.tokens[match.last + 1 : min(sentence.last, match.last + 5)])
        return any(following.startswith(phrase) for phrase in self.words.reciprocals)

    def _reciprocal(
        self,
        view: DocumentView,
        sentence: SentenceView,
        match: TriggerMatch,
        form: TriggerForm,
        filled: list[tuple[Slot, list[Mention]]],
    ) -> list[Relation]:
        """ "البلدين ... دعم كل منهما الآخر": each of the subjects acts on each other one."""
        (agent_slot, agents), (patient_slot, _) = filled
        relations = []
        for agent in agents:
            for patient in agents:
                if agent.entity.canonical != patient.entity.canonical:
                    pair = [(agent_slot.role, agent), (patient_slot.role, patient)]
                    relations.append(build_relation(self.words, view, sentence, match, form, pair))
        return relations


_VERB_PREPOSITIONS = {fold(word) for word in ("منذ", "حتى")}  # "منذ وصل": these may govern a verb


def _spelled(view: DocumentView, match: TriggerMatch) -> tuple[str, ...]:
    """The trigger's folded words, without the proclitics of its first."""
    first = match.stem(view.tokens)
    return (first, *(view.tokens[index].norm for index in range(match.first + 1, match.last + 1)))


def _verb_object(
    words: FoldedLexicons,
    view: DocumentView,
    sentence: SentenceView,
    match: TriggerMatch,
    filled: list[tuple[Slot, list[Mention]]],
) -> bool:
    """Whether a word read as a verb is the masdar object of another verb: its "subject" is the
    name right before it, itself after a verb (not after إن/أن: "أن الصين دعم")."""
    if not filled or not filled[0][1] or filled[0][1][0].last != match.first - 1:
        return False
    index = filled[0][1][0].first - 1
    while index >= sentence.first and (
        words.in_title(view.tokens[index].norm)
        or view.mention_covering(sentence, index) is not None
        or view.tokens[index].norm in words.honorifics
    ):
        index -= 1
    return index >= sentence.first and view.tokens[index].norm not in words.complementizers


def _own_country_after(
    view: DocumentView, match: TriggerMatch, filled: list[tuple[Slot, list[Mention]]]
) -> bool:
    """Whether a word read as a verb is followed by "his country" ("تواصل دعم بلاده لليمن"):
    the masdar with its doer in the genitive, not the verb with that country as object."""
    if len(filled) < 2 or not filled[1][1] or match.last + 1 >= len(view.tokens):
        return False
    mention = filled[1][1][0]
    return mention.first == match.last + 1 and view.tokens[mention.first].norm in link_lexicons().possessive


_LAM = fold("ل")
_EFFORTS = fold("جهود")


def _genitive_supports(
    view: DocumentView, sentence: SentenceView, match: TriggerMatch, filled: list[tuple[Slot, list[Mention]]]
) -> bool:
    """Whether the name right after the masdar, taken as the one supported, has a ل-phrase after
    it naming the one it supports ("وأكد الوزير دعم الصين لمصر"، "دعم واشنطن لجهود X"): the
    genitive is the supporter, read by support-noun-genitive, not the one the subject supports."""
    if len(filled) < 2 or not filled[1][1] or match.last + 1 >= sentence.last:
        return False
    mention = filled[1][1][0]
    after = mention.last + 1
    if mention.first != match.last + 1 or after >= sentence.last:
        return False
    norm = view.tokens[after].norm
    if not norm.startswith(_LAM) or len(norm) < 3:
        return False
    named = view.mention_covering(sentence, after)
    return (named is not None and named.first == after) or norm[1:] == _EFFORTS


def _after_preposition(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, match: TriggerMatch
) -> bool:
    """Whether a verb trigger follows a preposition written apart, which governs only nouns."""
    if match.offset or match.first <= sentence.first:
        return False
    previous = view.tokens[match.first - 1].norm
    return previous in words.prepositions and previous not in _VERB_PREPOSITIONS


# the meeting or call a dual verb's doers held ("وأكدا خلال المحادثات"): it may restate one
DURING_RULE = "joint-during-dual"


def _marked(relation: Relation, rule: str) -> Relation:
    return relation.model_copy(update={"attributes": {**relation.attributes, "rule": rule}})


_CHAIN_GAP = 3  # tokens between two triggers of one noun phrase ("التوقيع على اتفاقية")


def _chained(
    view: DocumentView, names: dict[str, str], previous: Relation | None, relation: Relation, first: int
) -> bool:
    """Whether the relation of a noun trigger at token ``first`` repeats the last relation, of
    the same type and given by a noun trigger ending at most ``_CHAIN_GAP`` tokens before it."""
    if previous is None or previous.type != relation.type:
        return False
    between = [
        t for t in view.tokens[max(0, first - _CHAIN_GAP - 1) : first] if t.start >= previous.trigger.end
    ]
    before = first - len(between) - 1
    if len(between) > _CHAIN_GAP or before < 0 or view.tokens[before].end != previous.trigger.end:
        return False
    return {names.get(a.entity_id) for a in previous.arguments} == {
        names.get(a.entity_id) for a in relation.arguments
    }


# Verb triggers spelled as common nouns (research, gathering, contract, inspection, trend)
_ALSO_NOUNS = frozenset(fold(word) for word in ("بحث", "جمع", "عقد", "تفقد", "توجه"))

# In a sentence of a sports story "يلتقي" is a match and "توجه إلى" a team's trip.
_NOT_IN_SPORTS = frozenset({RelationType.MEETING, RelationType.VISIT, RelationType.AGREEMENT})


def _sporting(words: FoldedLexicons, view: DocumentView, sentence: SentenceView) -> bool:
    """Whether the sentence has a word of a sports story ("المباراة"، "للمنتخب")."""
    return not words.sports.isdisjoint([token.norm for token in view.tokens[sentence.first : sentence.last]])


def _sports_meeting(
    words: FoldedLexicons, view: DocumentView, match: TriggerMatch, form: TriggerForm
) -> bool:
    """Whether a trigger in a sports story's sentence names a meeting all the same ("اجتمع
    رئيس النادي X بالمدرب Y"; "يلتقي الهلال مع النصر" is a game)."""
    return form.rule.type == RelationType.MEETING and match.stem(view.tokens) in words.sports_meetings


def _repeated_headline(words: FoldedLexicons, view: DocumentView, sentence: SentenceView) -> bool:
    """Whether the sentence, or the line it is on, opens with the words of a line repeating the
    headline ("رابط الخبر"; the line runs on past its own stops: "رابط الخبر بصحيفة X: بالصور..
    إمام الحرم يقوم بزيارة إلى Y")."""
    if sentence.first >= min(sentence.last, len(view.tokens)):
        return False  # a sentence of no tokens (a line of diacritics alone)
    line = view.text.rfind("\n", 0, view.tokens[sentence.first].start) + 1
    first = view.token_index(line)
    first += int(view.tokens[first].start < line)
    return any(
        tuple(token.norm for token in view.tokens[start : start + len(phrase)]) == phrase
        for phrase in words.repeated_headlines
        for start in {sentence.first, first}
    )


def _inside_name(view: DocumentView, sentence: SentenceView, match: TriggerMatch) -> bool:
    """ "عبدالعزيز بن طالب"، "خالد بن حث": a trigger word inside a name is part of the name; so
    is one read past a letter of the name's first word ("فيصل بن فرحان" is not ف + يصل)."""
    covering = view.mention_covering(sentence, match.first)
    return covering is not None and (
        covering.first < match.first
        or (match.offset > 0 and covering.first == match.first and covering.type == EntityType.PERSON)
    )


def _named_genitive(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, match: TriggerMatch
) -> bool:
    """Whether a name or a title follows the trigger as its genitive ("تصريحات المالكي"،
    "تصريحات وزير الخارجية"), not after a preposition ("تصريح لوزير الخارجية")."""
    following = match.last + 1
    if following >= sentence.last:
        return False
    token = view.tokens[following]
    if listed(token.norm, words.title_heads):
        return True
    covering = view.mention_covering(sentence, following)
    return (
        covering is not None
        and covering.first == following
        and not covering.is_nisba
        and covering.entity.start == token.start
    )


_WHERE = fold("حيث")


def _agreeing(
    words: FoldedLexicons,
    view: DocumentView,
    sentence: SentenceView,
    match: TriggerMatch,
    form: TriggerForm,
    filled: list[tuple[Slot, list[Mention]]],
) -> list[tuple[Slot, list[Mention]]]:
    """A verb's subject that agrees with it: a dual or plural verb is not done by one name alone
    ("وكان الوزيران التقيا في قطر"); after a pronoun subject ("إنه سيلتقي X"، "حيث التقى X") the
    name after the verb is its object and the doer is the sentence's actor."""
    rule = form.rule
    if rule.pos != "verb" or len(filled) < 2 or filled[0][0].find != "subject" or len(filled[0][1]) != 1:
        return filled
    (subject_slot, (subject,)), rest = filled[0], filled[1:]
    stem = match.stem(view.tokens)
    if stem in words.group_verbs or (form.future and stem[1:] in words.group_verbs):
        return [(subject_slot, []), *rest]
    if (
        rule.min_arguments < 2
        or subject.type not in rest[0][0].types
        or any(m.entity.canonical != subject.entity.canonical for _, found in rest for m in found)
        or not _named_next(words, view, sentence, match.last + 1, subject)
    ):
        return filled
    index = pronoun_subject_at(words, view, sentence, match.first)
    if index is None:
        return filled
    actor = sentence.actor
    if view.tokens[index].norm == _WHERE:
        # "أوفدت الحكومة X إلى أربيل حيث التقى Y": the last person named before حيث went there
        actor = next(
            (
                m
                for m in reversed(sentence.mentions_from(sentence.first, index))
                if m.type == EntityType.PERSON
            ),
            actor,
        )
    if (
        actor is None
        or actor not in sentence.mentions
        or actor.last >= index
        or actor.type not in subject_slot.types
        or actor.entity.canonical == subject.entity.canonical
    ):
        return filled
    return [(subject_slot, [actor]), (rest[0][0], [subject]), *rest[1:]]


# what a title's genitive names before the holder's name: his state, body, region or city
_TITLE_GENITIVES = (EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.REGION, EntityType.CITY)


def _named_next(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, start: int, mention: Mention
) -> bool:
    """Whether only title words (and times) come between ``start`` and the mention; after a
    title's head, one definite word of its own too ("رئيس التحرير X"), and the state, body or
    place in its genitive ("وزير خارجية فرنسا X")."""
    index = start
    headed, unlisted = False, 0
    while index < mention.first:
        norm = view.tokens[index].norm
        covering = view.mention_covering(sentence, index)
        if covering is not None and (covering.is_nisba or (headed and covering.type in _TITLE_GENITIVES)):
            index = covering.last + 1  # "رئيس إقليم كردستان X"، "وزير خارجية فرنسا X"
        elif view.is_time_token(index) or words.in_title(norm):
            headed = headed or listed(norm, words.title_heads)
            index += 1
        elif (
            headed
            and not unlisted
            and norm not in words.stops
            and (is_definite(norm) or _genitive_at(view, sentence, index + 1))
        ):
            unlisted += 1  # ("رئيس إقليم كردستان X": the word the title's genitive names)
            index += 1
        else:
            return False
    return index == mention.first


def _genitive_at(view: DocumentView, sentence: SentenceView, index: int) -> bool:
    covering = view.mention_covering(sentence, index) if index < sentence.last else None
    return covering is not None and covering.first == index and covering.type in _TITLE_GENITIVES
