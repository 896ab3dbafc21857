"""The rule engine: triggers, argument slots, roles, dates and modality.

Arabic news clauses are mostly verb-first (``قال وزير الخارجية الصيني وانغ يي إن ...``), so a
verb's subject is looked for after it first, then before it, and finally carried over from
the sentence's actor: the person the story is following (``وقال وانغ ... وأضاف ...``).
Masdars with a possessive pronoun (``اجتماعه مع``) take the actor directly.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from arextract.ner.gazetteer import surface_offset
from arextract.relations.rules import Rule, Slot, load_rules
from arextract.schema import (
    Argument,
    Document,
    Entity,
    EntitySource,
    EntityType,
    Interval,
    Relation,
    RelationType,
    TextSpan,
    Time,
    Token,
    numbered,
)
from arextract.text.clitics import clitic_readings
from arextract.text.normalize import fold
from arextract.timex import governing_time

_POSSESSIVES = ("ه", "ها", "هما", "هم")
_IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
_COORDINATION_GAP_RE = regex.compile(r"^[\s،,]*(?:و\s*)?$")
_PERSON_ACTOR_TYPES = (EntityType.PERSON,)
_AFFILIATION_TYPES = (EntityType.COUNTRY, EntityType.ORGANIZATION)
_PLACE_TYPES = (EntityType.CITY, EntityType.REGION)
_NAME_HOSTS = (EntityType.ORGANIZATION, EntityType.INITIATIVE)
_ROLE_AFFILIATION_ORDER = (EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.CITY, EntityType.REGION)
_DAY_LIKE = frozenset({"day", "part_of_day", "week"})
_SUBJECT_SLOT = Slot(role="subject", find="subject", types=[EntityType.PERSON])


@dataclass(frozen=True)
class TriggerForm:
    rule: Rule
    possessive: bool  # a noun with a possessive pronoun: the doer is the actor
    future: bool  # a verb with the future prefix سـ


@dataclass
class TriggerMatch:
    first: int  # token indices, inclusive
    last: int
    forms: list[TriggerForm]
    offset: int  # folded characters of proclitics on the first token (وقال -> 1)


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
    :meth:`_DocView.index_sentence`): a long sentence with many triggers made the scans
    quadratic.
    """

    index: int
    first: int
    last: int
    start: int
    end: int
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

    def mentions_from(self, low: int, high: int) -> list[Mention]:
        """The mentions whose first token is in ``[low, high)``, in order."""
        return self.mentions[bisect.bisect_left(self.firsts, low) : bisect.bisect_left(self.firsts, high)]


class TriggerIndex:
    """Folded trigger token sequences -> the rules they trigger, with derived forms."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self._forms: dict[tuple[str, ...], list[TriggerForm]] = {}
        for rule in rules:
            for trigger in rule.triggers:
                words = tuple(fold(word) for word in trigger.split())
                self._add(
                    words, TriggerForm(rule, possessive=_has_possessive(trigger.split()[0]), future=False)
                )
                head, rest = words[0], words[1:]
                if rule.pos == "noun":
                    if not head.startswith("ال"):
                        self._add(("ال" + head, *rest), TriggerForm(rule, False, False))
                    stem = head[:-1] + "ت" if head.endswith("ه") else head
                    for suffix in _POSSESSIVES:
                        self._add((stem + suffix, *rest), TriggerForm(rule, True, False))
                elif head.startswith(_IMPERFECT_PREFIXES):
                    self._add(("س" + head, *rest), TriggerForm(rule, False, True))
        self._longest: dict[str, int] = {}
        for key in self._forms:
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))

    def _add(self, key: tuple[str, ...], form: TriggerForm) -> None:
        forms = self._forms.setdefault(key, [])
        if all(existing.rule.id != form.rule.id for existing in forms):
            forms.append(form)

    def match(self, tokens: Sequence[Token], position: int, end: int) -> TriggerMatch | None:
        best: TriggerMatch | None = None
        for reading in clitic_readings(tokens[position].norm):
            longest = self._longest.get(reading.stem, 0)
            for length in range(min(longest, end - position), 0, -1):
                key = (reading.stem, *(t.norm for t in tokens[position + 1 : position + length]))
                forms = self._forms.get(key)
                if forms is not None and reading.proclitic.strip("وف"):
                    # a verb takes only و/ف before it: "بحث" is not ب + "حث"
                    forms = [form for form in forms if form.rule.pos == "noun"] or None
                if forms is not None:
                    if best is None or length > best.last - best.first + 1:
                        best = TriggerMatch(position, position + length - 1, forms, reading.offset)
                    break
        return best


def _has_possessive(word: str) -> bool:
    return len(word) > 4 and word.endswith(_POSSESSIVES) and not word.endswith("اه")


class RelationExtractor:
    """A pipeline stage: ``RelationExtractor()(doc)`` fills ``doc.relations``.

    Near-linear in the document: each trigger looks at a bounded window of tokens, and what it
    asks about its sentence (the clause around it, the mentions before or after it, the one
    covering a token, whether it follows إن/أن) is answered from the sentence's indexes by
    bisection (:class:`SentenceView`); sentences are at most
    :data:`~arextract.text.segment.MAX_SENTENCE_CHARS` long, so a trigger's argument lists are too."""

    name = "relations"

    def __init__(self, rules: Iterable[str | Path] = ()) -> None:
        self.rules, self.lexicons = load_rules(rules)
        self.triggers = TriggerIndex(self.rules)
        lex = self.lexicons
        self._complementizers = _folded(lex.complementizers)
        self._breaks = set(lex.clause_breaks)
        self._stops = _folded(lex.region_stops) | self._complementizers
        self._negation = _folded(lex.negation)
        self._relatives = _folded(lex.relatives)
        self._adverbs = _folded(lex.adverbs)
        self._topic_markers = _folded(lex.topic_markers)
        self._reciprocals = [" ".join(fold(w) for w in phrase.split()) for phrase in lex.reciprocals]
        self._planned = _folded(lex.planned)
        self._title_heads = _folded(lex.title_heads)
        self._titles = _folded(lex.titles) | self._title_heads
        self._title_modifiers = _folded(lex.title_modifiers)
        self._counterpart = _folded(lex.counterpart)
        self._visiting = _folded(lex.visiting)
        self._prepositions = _folded(lex.prepositions)
        self._honorifics = _folded(lex.honorific_titles)
        self._vehicles = _folded(lex.statement_vehicles)
        self._name_openers = _folded(lex.name_openers)
        self._honorific_pronouns = {
            fold(pronoun): _folded(nouns) for pronoun, nouns in lex.honorific_pronouns.items()
        }
        self._title_links = _folded(lex.title_links)
        self._epithets = {
            tuple(fold(word) for word in phrase.split()): _title_key(title)
            for phrase, title in lex.title_epithets.items()
        }
        self._title_countries = {
            tuple(fold(word) for word in phrase.split()): name for phrase, name in lex.title_countries.items()
        }
        self.version = f"rules:{len(self.rules)}"
        self._restating = {rule.id for rule in self.rules if rule.restates}

    def triggers_of(self, kind: RelationType) -> list[str]:
        """The one-word verb triggers of a relation type (for recognisers that need them)."""
        return [
            t
            for rule in self.rules
            if rule.type == kind and rule.pos == "verb"
            for t in rule.triggers
            if " " not in t
        ]

    # -- the stage ---------------------------------------------------------------------

    def __call__(self, doc: Document) -> None:
        if not doc.tokens:
            return
        countries = self._title_countries_in(doc)
        if countries:
            doc.entities = numbered([*doc.entities, *countries])
        view = _DocView(doc, self)
        roles = self._roles(view)
        by_title = self._title_mentions(view, roles)
        if by_title:
            # people named by their office alone ("الرئيس التركي") become mentions of the
            # person the document gives that office to; ids change, so start again
            doc.entities = numbered([*doc.entities, *by_title])
            view = _DocView(doc, self)
            roles = self._roles(view)
        relations: list[Relation] = list(roles)
        for sentence in view.sentences:
            position = sentence.first
            while position < sentence.last:
                match = self.triggers.match(doc.tokens, position, sentence.last)
                if match is None:
                    position += 1
                    continue
                produced: set[RelationType] = set()
                for form in match.forms:
                    if form.rule.type in produced:
                        continue  # the first rule of a type that reads this trigger wins
                    found = self._apply(view, sentence, match, form)
                    if found:
                        produced.add(form.rule.type)
                        relations.extend(found)
                        if form.rule.type == RelationType.STATEMENT:
                            view.note_speaker(found[-1], sentence)
                position = match.last + 1
        names = {e.id: e.kb_id or e.canonical for e in doc.entities}
        doc.relations = _number(_dedupe(_without_restated(relations, doc), self._restating, names))

    def _title_countries_in(self, doc: Document) -> list[Entity]:
        """ "سفير خادم الحرمين الشريفين"، "مندوب المملكة الدائم": a country named inside a title
        by a phrase of the lexicon (``title_countries``) becomes a mention of that country."""
        if not self._title_countries:
            return []
        by_name = {e.canonical: e for e in doc.entities if e.type == EntityType.COUNTRY}
        tokens = doc.tokens
        taken = {(e.start, e.end) for e in doc.entities}
        found: list[Entity] = []
        firsts = {phrase[0] for phrase in self._title_countries}
        for index in range(1, len(tokens)):
            if tokens[index].norm not in firsts or not _listed(tokens[index - 1].norm, self._titles):
                continue
            for phrase, name in self._title_countries.items():
                last = index + len(phrase) - 1
                if last >= len(tokens) or tuple(t.norm for t in tokens[index : last + 1]) != phrase:
                    continue
                start, end = tokens[index].start, tokens[last].end
                if (start, end) in taken:
                    continue
                known = by_name.get(name)
                found.append(
                    Entity(
                        id="",
                        type=EntityType.COUNTRY,
                        text=doc.text[start:end],
                        start=start,
                        end=end,
                        canonical=name,
                        kb_id=known.kb_id if known is not None else None,
                        confidence=0.8,
                        source=EntitySource.RULE,
                    )
                )
                break
        return found

    # -- one rule at one trigger -------------------------------------------------------

    def _apply(
        self, view: _DocView, sentence: SentenceView, match: TriggerMatch, form: TriggerForm
    ) -> list[Relation]:
        rule = form.rule
        if rule.then and not self._then_follows(view, sentence, match, rule):
            return []
        if rule.unless_next and any(
            _listed(view.tokens[index].norm, _folded(rule.unless_next))
            for index in range(match.last + 1, min(sentence.last, match.last + 1 + rule.unless_window))
        ):
            return []  # "داعيا له بالتوفيق": a prayer, not a statement
        filled: list[tuple[Slot, list[Mention]]] = []
        cursor = match.last + 1
        used: set[str] = set()
        entities_found: set[str] = set()
        for slot in rule.slots:
            # reaching past commas is for arguments still missing, not for extra ones
            may_reach = len(entities_found) < rule.min_arguments or slot.required
            found, cursor = self._fill(view, sentence, match, form, slot, cursor, used, may_reach)
            used.update(m.entity.id for m in found)
            entities_found.update(m.entity.kb_id or m.entity.canonical for m in found)
            filled.append((slot, found))
        if (
            rule.reciprocal
            and len(filled) == 2
            and len(filled[0][1]) >= 2
            and not filled[1][1]
            and self._reciprocal_follows(view, sentence, match)
        ):
            return self._reciprocal(view, sentence, match, form, filled)
        if any(slot.required and not found for slot, found in filled):
            return []
        relations = []
        for arguments in _expand(filled):
            unique = _unique_arguments(arguments)
            if len(unique) < rule.min_arguments:
                continue
            relations.append(self._relation(view, sentence, match, form, unique))
        return relations

    def _then_follows(self, view: _DocView, sentence: SentenceView, match: TriggerMatch, rule: Rule) -> bool:
        """ "وعبر حجار عن شكره": the word the trigger needs follows within ``then_window``."""
        words = _folded(rule.then)
        for index in range(match.last + 1, min(sentence.last, match.last + 1 + rule.then_window)):
            token = view.tokens[index]
            if token.norm in words:
                return True
            if token.text in self._breaks:
                return False
        return False

    def _reciprocal_follows(self, view: _DocView, sentence: SentenceView, match: TriggerMatch) -> bool:
        following = " ".join(t.norm for t in view.tokens[match.last + 1 : min(sentence.last, match.last + 5)])
        return any(following.startswith(phrase) for phrase in self._reciprocals)

    def _reciprocal(
        self,
        view: _DocView,
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
                    relations.append(self._relation(view, sentence, match, form, pair))
        return relations

    def _fill(
        self,
        view: _DocView,
        sentence: SentenceView,
        match: TriggerMatch,
        form: TriggerForm,
        slot: Slot,
        cursor: int,
        used: set[str],
        may_reach: bool = True,
    ) -> tuple[list[Mention], int]:
        """The mentions filling ``slot`` and where the next slot's search starts."""
        if slot.find == "previous":
            # "وكان في استقباله مدير المستشفى X": the one the story followed so far
            previous = sentence.previous_actor
            if previous is not None and previous.type in slot.types and previous.entity.id not in used:
                return [previous], cursor
            return [], cursor
        if slot.find == "actor" or (slot.find == "subject" and form.possessive):
            antecedent = self._antecedent(view, sentence, match, slot, used)
            if antecedent is not None:
                return [antecedent], cursor
            if not form.possessive and match.last + 1 < sentence.last:
                # a person in the genitive is the doer: "زيارة الجبير إلى موسكو"، "زيارة سمو
                # الأمير محمد بن نايف"، "زيارة ولي ولي العهد وزير الدفاع الأمير محمد بن سلمان"
                start = match.last + 1
                while (
                    start < min(sentence.last, match.last + 9)
                    and view.mention_covering(sentence, start) is None
                    and (
                        _listed(view.tokens[start].norm, self._titles)
                        or _listed(view.tokens[start].norm, self._title_modifiers)
                    )
                ):
                    start += 1
                genitive = (
                    view.mention_covering(sentence, start, (EntityType.PERSON,))
                    if start < sentence.last
                    else None
                )
                if (
                    genitive is not None
                    and genitive.first == start
                    and EntityType.PERSON in slot.types
                    and genitive.entity.id not in used
                    and self._may_fill(view, genitive, slot)
                    and genitive.entity.start == view.tokens[genitive.first].start
                ):
                    return [genitive], genitive.last + 1
            actor = sentence.actor
            if actor is None or actor.entity.id not in {m.entity.id for m in sentence.mentions}:
                # no actor of its own before إن/أن: a person named before the trigger
                local = self._first_person_before(view, sentence, match.first, used, last=form.possessive)
                if local is not None and local.type in slot.types:
                    return [local], cursor
            if actor is not None and actor.type in slot.types and actor.entity.id not in used:
                return [actor], cursor
            return [], cursor
        if slot.find == "before":
            found = self._before(view, sentence, match.first, slot, used)
            return found, cursor
        if slot.find == "object":
            after = self._after_prep(view, sentence, cursor, slot)
            found = self._after(view, sentence, after, slot, used) if after is not None else []
            if not found and cursor > match.last + 1:
                # verb-object-subject order: ترأس المؤتمر ... وانغ يي
                after = self._after_prep(view, sentence, match.last + 1, slot)
                found = self._after(view, sentence, after, slot, used) if after is not None else []
            if slot.prep_required and not found:
                return [], cursor
            if not found and slot.reach and may_reach:
                found = self._reach(view, sentence, cursor, slot, used)
            return found, (found[-1].last + 1 if found else cursor)
        if (
            form.rule.type == RelationType.STATEMENT
            and match.last + 1 < sentence.last
            and _listed(view.tokens[match.last + 1].norm, self._vehicles)
        ):
            # "وأفاد بيان صادر عن مكتب رئيس الوزراء أن": the office speaks through its statement;
            # "وأشار البيان إلى أن": the statement's author spoke before
            issuer = self._issuer(view, sentence, match.last + 1, slot, used)
            if issuer is not None:
                return [issuer], cursor
        if match.last + 1 < sentence.last and view.tokens[match.last + 1].norm in self._honorific_pronouns:
            # "وأكد سموه": His Highness is the one the story introduced as "صاحب السمو"
            addressed = self._addressed_as(view, sentence, match, view.tokens[match.last + 1].norm)
            if addressed is not None and addressed.type in slot.types and addressed.entity.id not in used:
                return [addressed], cursor
        # subject: the antecedent of a relative clause (نبيل عمار الذي يقوم بزيارة), named just
        # before the verb (أن الصين تدعم بيلاروسيا), after it (verb-first clause), a little
        # further before it, or else the sentence's actor
        antecedent = self._antecedent(view, sentence, match, slot, used)
        if antecedent is not None:
            return [antecedent], cursor
        found = self._before(view, sentence, match.first, slot, used, window=2)
        if found:
            return found, cursor
        if form.rule.pos == "verb" and view.tokens[match.last].norm not in self._complementizers:
            found = self._after(view, sentence, match.last + 1, slot, used, subject=True)
            if found:
                return found, found[-1].last + 1
        found = self._before(view, sentence, match.first, slot, used, window=6)
        if found:
            return found, cursor
        if slot.exclude_subtypes and match.last + 1 < sentence.last:
            following = view.mention_covering(sentence, match.last + 1)
            if following is not None and (
                following.entity.subtype in slot.exclude_subtypes
                or (following.type in _PLACE_TYPES and following.type not in slot.types)
            ):
                # "وأفادت وكالة الأناضول أن": the outlet, not a speaker; "وقالت موسكو": the
                # city speaks for its state, whom no one else should stand in for
                return [], cursor
        actor = sentence.actor
        if form.rule.type == RelationType.STATEMENT and view.speaker is not None:
            # "ونوهت الوزارة ... وأضافت أن": an unsaid speaker is the last one, if recent
            speaker, where = view.speaker
            if (
                sentence.index - where <= 2
                and speaker.type in slot.types
                and speaker.entity.id not in used
                and self._subject_is_implicit(view, sentence, match, form)
            ):
                return [speaker], cursor
        if form.rule.type != RelationType.STATEMENT and (
            actor is None or actor.entity.id not in {m.entity.id for m in sentence.mentions}
        ):
            # the sentence names no actor before its إن/أن: the last person named before the
            # trigger is the doer ("من المقرر أن يزور الوزير X القاهرة، حيث سيشارك في ...")
            local = self._first_person_before(view, sentence, match.first, used)
            if (
                local is not None
                and local.type in slot.types
                and self._subject_is_implicit(view, sentence, match, form)
            ):
                return [local], cursor
        if (
            actor is not None
            and actor.type in slot.types
            and actor.entity.id not in used
            and self._subject_is_implicit(view, sentence, match, form)
        ):
            return [actor], cursor
        return [], cursor

    def _issuer(
        self, view: _DocView, sentence: SentenceView, vehicle: int, slot: Slot, used: set[str]
    ) -> Mention | None:
        """Who issued the statement, report or source named right after a speech verb."""
        for index in range(vehicle + 1, min(sentence.last, vehicle + 4)):
            norm = view.tokens[index].norm
            if view.tokens[index].text in self._breaks or norm in self._complementizers:
                break
            if norm in {"عن", "من"} or norm in self._vehicles:
                continue
            mention = view.mention_covering(sentence, index)
            if mention is not None and mention.first == index:
                if (
                    mention.type in slot.types
                    and mention.entity.id not in used
                    and mention.entity.subtype not in slot.exclude_subtypes
                ):
                    return mention
                return None
            if norm.startswith(("صادر", "الصادر")):
                continue
            break
        speaker = view.speaker
        if (
            speaker is not None
            and view.tokens[vehicle].norm.startswith("ال")
            and sentence.index - speaker[1] <= 2
        ):
            return speaker[0]  # "البيان": the one whose statement was reported before
        return None

    def _addressed_as(
        self, view: _DocView, sentence: SentenceView, match: TriggerMatch, pronoun: str
    ) -> Mention | None:
        """The last person before the trigger whose name follows the honorific the pronoun
        stands for (سموه: سمو، السمو; معاليه: معالي; فخامته: فخامة)."""
        nouns = self._honorific_pronouns[pronoun]
        addressed: list[Mention] = []
        for view_sentence in reversed(view.sentences[: sentence.index + 1]):
            for mention in reversed(view_sentence.mentions):
                if mention.type != EntityType.PERSON or mention.first >= match.first:
                    continue
                window = range(max(view_sentence.first, mention.first - 3), mention.first + 1)
                if any(_listed(view.tokens[i].norm, nouns) for i in window):
                    addressed.append(mention)
        if not addressed:
            return None
        # two ministers (معالي) met: "معاليه" is the one the story follows, else the last named
        actor = sentence.actor
        for mention in addressed:
            if actor is not None and mention.entity.canonical == actor.entity.canonical:
                return mention
        return addressed[0]

    def _first_person_before(
        self, view: _DocView, sentence: SentenceView, trigger: int, used: set[str], last: bool = False
    ) -> Mention | None:
        # the first such person: the subject of the clause the trigger continues ("أن يلتقي
        # الوزير غدا رئيس الوزراء X، كما سيشارك في ..." is the minister, not X)
        # (but "his" of a masdar, "خلال استقباله", is the nearest one before)
        subject_slot = _SUBJECT_SLOT
        candidates = sentence.mentions_from(sentence.first, trigger)
        for mention in reversed(candidates) if last else candidates:
            if mention.last >= trigger or mention.type != EntityType.PERSON or mention.entity.id in used:
                continue
            previous = view.tokens[mention.first - 1].norm if mention.first > sentence.first else ""
            if _listed(previous, {"مع", "بين"}) or view.is_counterpart(sentence, mention):
                continue
            if not self._may_fill(view, mention, subject_slot):
                continue
            return mention
        return None

    def _antecedent(
        self, view: _DocView, sentence: SentenceView, match: TriggerMatch, slot: Slot, used: set[str]
    ) -> Mention | None:
        """The mention a relative pronoun up to three words before the trigger refers to."""
        for index in range(match.first - 1, max(sentence.first, match.first - 4) - 1, -1):
            if view.tokens[index].norm in self._relatives:
                # the last such mention in order, if it ends at most two tokens before: read
                # backwards, and stop where no mention can end that close any more
                for position in range(bisect.bisect_left(sentence.firsts, index) - 1, -1, -1):
                    m = sentence.mentions[position]
                    if m.first + sentence.widest < index - 2:
                        return None
                    if m.last < index and m.type in slot.types and m.entity.id not in used and not m.is_nisba:
                        return m if index - m.last <= 2 else None
                return None
        return None

    def _subject_is_implicit(
        self, view: _DocView, sentence: SentenceView, match: TriggerMatch, form: TriggerForm
    ) -> bool:
        """Whether the trigger's doer is left unsaid (so it is the carried actor).

        After a relative pronoun (التي تدعو) the doer is the antecedent, never the actor. A verb
        followed by a plain word has a subject we did not recognise (وقعت 140 دولة); one
        followed by إن/أن, a preposition, punctuation, an adverb or a named non-person
        (كما دعا الجانبين) has none.
        """
        if match.first > sentence.first and view.tokens[match.first - 1].norm in self._relatives:
            return False
        if form.rule.pos == "noun":
            return True
        ending = view.tokens[match.last]
        if ending.norm in self._complementizers or not any(ch.isalnum() for ch in ending.text):
            return True  # "وبين أن ..."، "وتابع: ..."
        following = match.last + 1
        # past adverbs and times: "وصلت اليوم (الخميس) ثاني طائرة" has a subject we do not know
        while following < sentence.last and (
            view.is_time_token(following)
            or view.tokens[following].text in "()"
            or (
                view.tokens[following].norm in self._adverbs
                and view.tokens[following].norm not in self._honorific_pronouns
            )
        ):
            following += 1
        if following >= sentence.last:
            return True
        token = view.tokens[following]
        if (
            self._ends_phrase(token)
            or token.norm in self._adverbs
            or not any(ch.isalnum() for ch in token.text)
        ):
            return True
        covering = view.mention_covering(sentence, following)
        if covering is None:
            # a prepositional phrase next ("يلتقي خلالها بفخامة الرئيس"، "قام بزيارة"): no subject
            rest = token.norm[1:]
            return token.norm[:1] in "بل" and (
                _is_definite(rest) or _listed(rest, self._titles) or _listed(rest, self._title_modifiers)
            )
        if covering.type == EntityType.PERSON and not view.is_counterpart(sentence, covering):
            return False
        # an object right after the verb may be followed by the subject: "وحضر المؤتمر مجموعة"
        after = covering.last + 1
        if after >= sentence.last:
            return True
        return (
            self._ends_phrase(view.tokens[after])
            or view.is_time_token(after)  # "ثم سيزور قطر مساء اليوم نفسه"
            or view.mention_covering(sentence, after) is not None
        )

    def _ends_phrase(self, token: Token) -> bool:
        """Punctuation or a word (إن، في، على...) after which no subject noun phrase follows."""
        return token.text in self._breaks or _listed(token.norm, self._stops)

    def _region_end(
        self, view: _DocView, sentence: SentenceView, start: int, window: int, subject: bool
    ) -> int:
        """First token index after the search region that starts at ``start``.

        Time expressions and the commas around them are transparent: "حضر ... وانغ يي، يوم
        (الأربعاء) الاجتماع الثالث" still reaches the event.
        """
        end = min(sentence.last, start + window)
        index = start
        only_title = True  # so far the subject's title: "رئيس الجمهورية، السيد عبد المجيد تبون"
        while index < end:
            token = view.tokens[index]
            if view.is_time_token(index):
                end = min(sentence.last, end + 1)
                index += 1
                continue
            index += 1
            if token.text in self._breaks:
                if subject and only_title and index - 1 > start:
                    continue
                return index - 1
            only_title = only_title and (
                _listed(token.norm, self._titles)
                or _listed(token.norm, self._title_modifiers)
                or self._prefixed_title(token.norm)
            )
            if (
                subject
                and _listed(token.norm, self._stops)
                and view.mention_covering(sentence, index - 1, (EntityType.PERSON,)) is None
            ):
                return index - 1  # (but "علي المسعود" is a name, not the preposition على)
            if token.norm in self._complementizers or token.norm in self._relatives:
                return index - 1
        return end

    def _after(
        self,
        view: _DocView,
        sentence: SentenceView,
        start: int,
        slot: Slot,
        used: set[str],
        subject: bool = False,
    ) -> list[Mention]:
        end = self._region_end(view, sentence, start, slot.window, subject)
        candidates = [
            m
            for m in sentence.mentions_from(start, end)
            if m.type in slot.types
            and m.entity.id not in used
            and self._may_fill(view, m, slot)
            and not (subject and self._is_addressee(view, sentence, m, slot))
            and not (m.type != EntityType.PERSON and self._in_title(view, sentence, m))
            and not (subject and view.is_counterpart(sentence, m))
            and (slot.proclitic is None or _carries_proclitic(view.tokens[m.first], m, slot.proclitic))
            and not (slot.preps and not subject and self._other_preposition(view, m, slot))
        ]
        chosen = _nearest(candidates) if slot.nearest else _preferred(candidates, slot.types)
        if chosen is None:
            return []
        found = [chosen]
        if slot.coordinated:
            found += self._coordinated(view, sentence, chosen, used)
        return _with_same_span(found, sentence, used) if slot.coordinated else found

    def _title_gap(self, view: _DocView, sentence: SentenceView, previous: Mention, mention: Mention) -> bool:
        """ "X والرئيس التركي Y": a conjunction and the next person's title between two names."""
        gap = range(previous.last + 1, mention.first)
        if not gap:
            return False
        opener = view.tokens[gap[0]]
        if not (opener.text in {"،", ","} or opener.norm.startswith("و")):
            return False
        heads = 0
        unlisted = 0
        for index in gap:
            token = view.tokens[index]
            if token.text in {"،", ","} or view.mention_covering(
                sentence, index, _AFFILIATION_TYPES + _PLACE_TYPES
            ):
                continue
            heads += _listed(token.norm, self._title_heads)
            if _listed(token.norm, self._titles) or _listed(token.norm, self._title_modifiers):
                continue
            if self._prefixed_title(token.norm) or (
                _is_definite(token.norm) and token.norm not in self._stops and not view.is_time_token(index)
            ):
                unlisted += 1  # a title's own complement: "ووكيل الوزارة للدراسات المهندس"
                continue
            return False
        return unlisted == 0 or (heads > 0 and unlisted <= 4)

    def _reach(
        self, view: _DocView, sentence: SentenceView, start: int, slot: Slot, used: set[str]
    ) -> list[Mention]:
        """The object past adjuncts set off by commas: "استقبل X، في قصر اليمامة اليوم، Y"."""
        end = min(sentence.last, start + slot.reach)
        for index in range(start, end):
            token = view.tokens[index]
            if token.norm in self._complementizers or token.norm in self._relatives:
                end = index
                break
        candidates = [
            m
            for m in sentence.mentions_from(start, end)
            if m.type in slot.types
            and m.entity.id not in used
            and not (m.type != EntityType.PERSON and self._in_title(view, sentence, m))
        ]
        chosen = _preferred(candidates, slot.types)
        return [chosen] if chosen is not None else []

    def _other_preposition(self, view: _DocView, mention: Mention, slot: Slot) -> bool:
        """ "زيارة الجبير ... مع الجانب الروسي": after مع, not the destination (إلى، في)."""
        if mention.first == 0:
            return False
        previous = view.tokens[mention.first - 1].norm
        return previous in self._prepositions and previous not in _folded(slot.preps)

    def _may_fill(self, view: _DocView, mention: Mention, slot: Slot) -> bool:
        """A subject is never a mention after a preposition ("في تصريح لوكالة الأنباء"،
        "بحسب موسكو"), nor of a subtype the slot excludes (a news outlet cited as a source)."""
        if mention.entity.subtype is not None and mention.entity.subtype in slot.exclude_subtypes:
            return False
        if slot.find != "subject":
            return True
        if mention.first > 0 and view.tokens[mention.first - 1].norm in self._prepositions:
            return False  # "سيغادر إلى جمهورية مصر": not the one who meets
        token = view.tokens[mention.first]
        if mention.entity.start > token.start:
            prefix = fold(view.text[token.start : mention.entity.start])
            if any(clitic in prefix for clitic in "بلك"):
                return False
        # "يلتقي خلالها بفخامة الرئيس المصري X": the title phrase opens with a preposition
        index = mention.first - 1
        leftmost: str | None = None
        while index >= 0 and index >= mention.first - 10:
            norm = view.tokens[index].norm
            if (
                _listed(norm, self._titles)
                or _listed(norm, self._title_modifiers)
                or (
                    norm[:1] in {"ب", "ل"} and (norm[1:] in self._titles or norm[1:] in self._title_modifiers)
                )
                or view.mention_covering(self._sentence_of(view, index), index, _AFFILIATION_TYPES)
                is not None
            ):
                leftmost = norm
                index -= 1
                continue
            break
        return not (
            leftmost is not None
            and leftmost[:1] in {"ب", "ل"}
            and (leftmost[1:] in self._titles or leftmost[1:] in self._title_modifiers)
        )

    @staticmethod
    def _sentence_of(view: _DocView, index: int) -> SentenceView:
        return view.sentences[bisect.bisect_right(view.sentence_firsts, index) - 1]

    def _in_title(self, view: _DocView, sentence: SentenceView, mention: Mention) -> bool:
        """ "رئيسة المفوضية الأوروبية": an organisation or country governed by a title word."""
        before = mention.first - 1
        return before >= sentence.first and _listed(view.tokens[before].norm, self._titles)

    def _is_addressee(self, view: _DocView, sentence: SentenceView, mention: Mention, slot: Slot) -> bool:
        """ "دعا الجانبين إلى": a non-person right after the verb and before إلى is addressed."""
        following = mention.last + 1
        return (
            bool(slot.addressed_by)
            and mention.type != EntityType.PERSON
            and following < sentence.last
            and view.tokens[following].norm in _folded(slot.addressed_by)
        )

    def _after_prep(self, view: _DocView, sentence: SentenceView, start: int, slot: Slot) -> int | None:
        """Where the argument after one of the slot's prepositions starts; ``start`` when there
        is none (``None`` if the slot requires it)."""
        if not slot.preps:
            return start
        preps = _folded(slot.preps)
        # the preposition follows the trigger (or its subject) closely: اجتماعه مع، زيارة رسمية إلى
        end = min(sentence.last, start + slot.prep_window)
        index = start
        while index < end:
            token = view.tokens[index]
            if view.is_time_token(index):
                end = min(sentence.last, end + 1)  # "وصل ... اليوم الجمعة إلى كينيا"
                index += 1
                continue
            if token.text in self._breaks:
                break
            if token.norm in preps:
                return index + 1
            index += 1
        return None if slot.prep_required else start

    def _before(
        self,
        view: _DocView,
        sentence: SentenceView,
        trigger: int,
        slot: Slot,
        used: set[str],
        window: int | None = None,
    ) -> list[Mention]:
        limit = window or max(slot.window, slot.reach)
        start = trigger
        while start > sentence.first and trigger - start < limit:
            token = view.tokens[start - 1]
            # a closing bracket ends what came before: "(شينخوا) قال" has no subject there
            if token.text in self._breaks and slot.reach and token.text in {"،", ","}:
                start -= 1  # "حفل معايدة ...، بحضور": past commas when the slot reaches
                continue
            if slot.find != "subject" and token.text in "()":
                start -= 1  # "لقيادة الحركة (حماس) لزيارة موسكو": a name in brackets
                continue
            if token.text in self._breaks or token.text in ")]" or token.norm in self._complementizers:
                break
            start -= 1
        candidates = [
            m
            for m in sentence.mentions_from(max(sentence.first, start - sentence.widest), trigger)
            if start <= m.last < trigger
            and m.first >= max(sentence.first, start - sentence.widest)
            and m.type in slot.types
            and m.entity.id not in used
            and self._may_fill(view, m, slot)
        ]
        if not candidates:
            return []
        preferred = _preferred(list(reversed(candidates)), slot.types)
        if preferred is None:
            return []
        if not slot.coordinated:
            return [preferred]
        run = [preferred]
        for mention in reversed(candidates):
            if (
                mention.last < run[0].first
                and mention.type == preferred.type
                and _coordinated_gap(view.text, mention.entity.end, run[0].entity.start)
            ):
                run.insert(0, mention)
        return _with_same_span(run, sentence, used)

    def _coordinated(
        self, view: _DocView, sentence: SentenceView, first: Mention, used: set[str]
    ) -> list[Mention]:
        run: list[Mention] = []
        previous = first
        # the mentions up to first.last would all be skipped below: start after them (by
        # index: a slice would copy the rest of the sentence for every trigger)
        for position in range(bisect.bisect_right(sentence.firsts, first.last), len(sentence.mentions)):
            mention = sentence.mentions[position]
            if mention.first <= previous.last or mention.entity.id in used:
                continue
            if mention.type != first.type or mention.is_nisba != first.is_nisba:
                if view.inside(mention, previous) or (mention.is_nisba and mention.type != first.type):
                    continue
                if mention.type in _AFFILIATION_TYPES and first.type == EntityType.PERSON:
                    continue  # an affiliation in the next person's title: "والرئيس التركي"
                break
            if not (
                _coordinated_gap(view.text, previous.entity.end, mention.entity.start)
                or (first.type == EntityType.PERSON and self._title_gap(view, sentence, previous, mention))
            ):
                break
            run.append(mention)
            previous = mention
        return run

    # -- building the relation ---------------------------------------------------------

    def _relation(
        self,
        view: _DocView,
        sentence: SentenceView,
        match: TriggerMatch,
        form: TriggerForm,
        arguments: list[tuple[str, Mention]],
    ) -> Relation:
        doc = view.doc
        first = doc.tokens[match.first]
        # the trigger without its proclitics, so the span is the word itself
        trigger_start = first.start + surface_offset(first.text, match.offset)
        trigger_end = doc.tokens[match.last].end
        attributes: dict[str, object] = {}
        modality = self._modality(view, sentence, match, form)
        if modality != "asserted":
            attributes["modality"] = modality
        starts = [trigger_start] + [m.entity.start for _, m in arguments]
        ends = [trigger_end] + [m.entity.end for _, m in arguments]
        # a time inside reported speech dates what is reported, not the saying of it; one in
        # an agreement's topic ("اتفقا على عقد اجتماع في جوان المقبل") dates the topic
        dated_until = sentence.end
        if form.rule.quote:
            quote = self._quote(view, sentence, match)
            if quote is not None:
                attributes["quote"] = quote.model_dump()
                ends.append(quote.end)
                dated_until = quote.start
        evidence_start, evidence_end = min(starts), max(ends)
        confidence = form.rule.confidence * min(m.entity.confidence for _, m in arguments)
        return Relation(
            id="",
            type=form.rule.type,
            arguments=[
                Argument(role=role, entity_id=m.entity.id, text=m.entity.text) for role, m in arguments
            ],
            date=self._date(view, sentence, match, form, trigger_start, dated_until),
            trigger=TextSpan(text=doc.text[trigger_start:trigger_end], start=trigger_start, end=trigger_end),
            evidence=TextSpan(
                text=doc.text[evidence_start:evidence_end], start=evidence_start, end=evidence_end
            ),
            attributes={"rule": form.rule.id, **attributes},
            confidence=round(confidence, 3),
        )

    def _date(
        self,
        view: _DocView,
        sentence: SentenceView,
        match: TriggerMatch,
        form: TriggerForm,
        trigger_start: int,
        until: int,
    ) -> Time | None:
        reported = self._is_reported(view, sentence, match)
        date = view.date_for(trigger_start, sentence, form.rule.type, until, reported=reported)
        if form.rule.type != RelationType.AGREEMENT or date is None:
            return date
        # A future time in what was agreed dates the topic, not the agreement: "اتفقا على عقد
        # اجتماع في جوان المقبل"; a past one dates the agreement: "اتفقا على ... العام الماضي".
        topic = self._topic_start(view, sentence, match)
        if date.start >= topic and not view.is_past(date):
            return view.date_for(trigger_start, sentence, form.rule.type, topic, reported=reported)
        return date

    def _topic_start(self, view: _DocView, sentence: SentenceView, match: TriggerMatch) -> int:
        """Where the first topic marker (على، بشأن...) after the trigger starts, else the end."""
        after = bisect.bisect_right(sentence.topic_markers, match.last)
        if after < len(sentence.topic_markers):
            return view.tokens[sentence.topic_markers[after]].start
        return sentence.end

    def _is_reported(self, view: _DocView, sentence: SentenceView, match: TriggerMatch) -> bool:
        """Whether the trigger sits inside reported speech (after إن/أن in its sentence)."""
        return sentence.complementizer < match.first

    def _modality(
        self, view: _DocView, sentence: SentenceView, match: TriggerMatch, form: TriggerForm
    ) -> str:
        before = [view.tokens[i].norm for i in range(max(sentence.first, match.first - 4), match.first)]
        if any(_listed(word, self._negation) for word in before[-3:]):
            return "negated"
        if form.future or any(_listed(word, self._planned) for word in before):
            return "planned"
        return "asserted"

    def _quote(self, view: _DocView, sentence: SentenceView, match: TriggerMatch) -> TextSpan | None:
        """Reported speech: from after the first complementizer (or colon/quote) to the end."""
        for index in range(match.last + 1, min(sentence.last, match.last + 25)):
            token = view.tokens[index]
            if token.norm in self._complementizers or token.text in {":", '"', "«", "“"}:
                if index + 1 >= sentence.last:
                    return None
                start = view.tokens[index + 1].start
                end = sentence.end
                while end > start and view.text[end - 1] in '.؟!"”»':
                    end -= 1
                if end <= start:
                    return None
                return TextSpan(text=view.text[start:end], start=start, end=end)
        return None

    # -- ROLE from titles before names -------------------------------------------------

    def _roles(self, view: _DocView) -> list[Relation]:
        """One ROLE per (person, title) in the document, preferring a mention that names the
        affiliation; plus the VISIT a "visiting" title implies in a datelined story.

        A title after a name is an apposition only if nobody else holds it: in "التقى مودي ولي
        العهد السعودي" the crown prince is the one a title before a name made so, not Modi.
        """
        relations: dict[tuple[str, str, str], Relation] = {}
        visits: list[Relation] = []
        titles_by_person: dict[str, str] = {}
        affiliations = {e.id: e.kb_id or e.canonical for e in view.doc.entities}
        found: list[tuple[SentenceView, Mention, _TitleChain]] = []
        held: dict[
            tuple[str, str | None], str
        ] = {}  # (title, affiliation) -> person, from titles before names
        for sentence in view.sentences:
            for mention in sentence.mentions:
                if mention.type != EntityType.PERSON or mention.entity.source == EntitySource.COREF:
                    continue
                if self._inside_name(sentence, mention):
                    continue  # "مستشفى الملك سعود": a name inside an organisation's name
                chain = self._title_chain(view, sentence, mention)
                if chain is not None:
                    found.append((sentence, mention, chain))
                    if not chain.after:
                        held.setdefault(self._chain_key(view, chain), mention.entity.canonical)
        for sentence, mention, chain in found:
            holder = held.get(self._chain_key(view, chain))
            if chain.after and holder not in (None, mention.entity.canonical):
                continue
            if not chain.affiliations and not chain.inner:
                owner = self._his_country(view, sentence, mention, chain, relations)
                if owner is not None:
                    chain.affiliations.append(owner)
            for role in self._role(view, sentence, mention, chain, titles_by_person):
                affiliation = role.arguments[1].entity_id if len(role.arguments) > 1 else ""
                affiliation_key = affiliations.get(affiliation, "")
                key = (mention.entity.canonical, _title_key(str(role.attributes["title"])), affiliation_key)
                bare = (key[0], key[1], "")
                if affiliation_key and bare in relations:
                    del relations[bare]  # the same title, now with its affiliation
                if key not in relations and not (
                    not affiliation_key and any(k[:2] == key[:2] and k[2] for k in relations)
                ):
                    relations[key] = role
            if chain.visiting is not None:
                visit = self._visit_from_title(view, sentence, mention, chain.visiting)
                if visit is not None:
                    visits.append(visit)
        # "الرئيس عبدالله يامين رئيس جمهورية المالديف": a bare one-word title ("الرئيس") and
        # an affiliated one for the same person are one office, given with its affiliation
        affiliated = {key[0] for key in relations if key[2]}
        kept = [
            role
            for key, role in relations.items()
            if key[2] or key[0] not in affiliated or len(key[1].split()) > 1
        ]
        return [*kept, *visits]

    @staticmethod
    def _inside_name(sentence: SentenceView, person: Mention) -> bool:
        return any(
            other.type in _NAME_HOSTS
            and other.first <= person.first
            and person.last <= other.last
            and (other.first, other.last) != (person.first, person.last)
            for other in sentence.mentions_from(person.first - sentence.widest, person.first + 1)
        )

    @staticmethod
    def _chain_key(view: _DocView, chain: _TitleChain) -> tuple[str, str | None]:
        if chain.first is None or chain.last is None:
            return ("", None)
        title = view.text[view.tokens[chain.first].start : view.tokens[chain.last].end]
        affiliation = chain.affiliations[0].entity.canonical if chain.affiliations else None
        return (_title_key(title), affiliation)

    def _title_mentions(self, view: _DocView, roles: list[Relation]) -> list[Entity]:
        """ "ولي العهد السعودي", "وزير الخارجية", "رئيس الجمهورية" with no name after them:
        the one person of the document holding that title (and affiliation), if unique."""
        entities = {e.id: e for e in view.doc.entities}
        holders: dict[tuple[str, str | None], set[str]] = {}
        people: dict[str, Entity] = {}
        for role in roles:
            if role.type != RelationType.ROLE or role.attributes.get("rule") != "role-title":
                continue
            args = {a.role: entities[a.entity_id] for a in role.arguments}
            person = args["person"]
            affiliation_name = args["affiliation"].canonical if "affiliation" in args else None
            title = _title_key(str(role.attributes["title"]))
            people[person.canonical] = person
            words = title.split()
            # a reference may give the first words of a combined title: "ولي ولي العهد" for
            # "ولي ولي العهد وزير الدفاع"
            for size in range(min(2, len(words)), len(words) + 1):
                prefix = " ".join(words[:size])
                for key in {(prefix, affiliation_name), (prefix, None)}:
                    holders.setdefault(key, set()).add(person.canonical)
            if words:
                # "الوزير" alone: the one minister of the story
                holders.setdefault(("ال" + words[0], None), set()).add(person.canonical)
        if not holders:
            return []
        found: list[Entity] = self._epithet_mentions(view, roles, people)
        for sentence in view.sentences:
            index = sentence.first
            while index < sentence.last:
                token = view.tokens[index]
                if token.norm not in self._title_heads or view.mention_covering(sentence, index) is not None:
                    index += 1
                    continue
                last, affiliation = self._title_extent(view, sentence, index)
                after = last + 1
                while (
                    after < min(sentence.last, last + 12)
                    and view.mention_covering(sentence, after, (EntityType.PERSON,)) is None
                    and not (
                        after == index + 1
                        and token.norm.startswith("ال")
                        and view.tokens[after].norm[:1] == "و"
                        and view.tokens[after].norm[1:] in self._title_heads
                    )
                    and (
                        view.tokens[after].text in {"،", ","}
                        or view.mention_covering(sentence, after, _AFFILIATION_TYPES) is not None
                        or _listed(view.tokens[after].norm, self._titles)
                        or _listed(view.tokens[after].norm, self._title_modifiers)
                    )
                ):
                    after += 1  # "وزير الشؤون الخارجية، أحمد عطاف"، "ولي ولي العهد وزير الدفاع الأمير X"
                following = view.mention_covering(sentence, after) if after < sentence.last else None
                if following is not None and following.type == EntityType.PERSON:
                    index = last + 1
                    continue  # a title before a name is a ROLE, not a reference
                canon = affiliation.entity.canonical if affiliation is not None else None
                names: set[str] = set()
                if affiliation is not None:
                    title = _title_key(view.text[token.start : affiliation.entity.start])
                    names = holders.get((title, canon), set()) or holders.get(
                        (_title_key(view.text[token.start : affiliation.entity.end]), None), set()
                    )  # "نائب خادم الحرمين الشريفين": the country is inside the held title
                else:
                    # the longest reading of the title that someone holds ("وزير الحج أهمية")
                    for end_index in range(last, index - 1, -1):
                        title = _title_key(view.text[token.start : view.tokens[end_index].end])
                        names = holders.get((title, None), set())
                        if names:
                            last = end_index
                            break
                    if not names and token.norm.startswith("ال") and token.norm not in self._honorifics:
                        names = holders.get(("ال" + token.norm.removeprefix("ال"), None), set())
                        last = index
                previous = (
                    view.mention_covering(sentence, index - 1, (EntityType.PERSON,))
                    if index > sentence.first
                    else None
                )
                actor = sentence.actor
                if (
                    len(names) > 1
                    and actor is not None
                    and actor.entity.canonical in names
                    and actor.first < index
                ):
                    names = {actor.entity.canonical}  # "كما شدد وزير الخارجية": the one followed
                if len(names) == 1 and (previous is None or previous.entity.canonical not in names):
                    # (a title right after its own holder's name is an apposition, not a reference)
                    person = people[next(iter(names))]
                    end = view.tokens[last].end if affiliation is None else affiliation.entity.end
                    found.append(
                        person.model_copy(
                            update={
                                "id": "",
                                "text": view.text[token.start : end],
                                "start": token.start,
                                "end": end,
                                "source": EntitySource.COREF,
                                "confidence": round(0.7 * person.confidence, 3),
                            }
                        )
                    )
                index = last + 1
        return found

    def _epithet_mentions(
        self, view: _DocView, roles: list[Relation], people: dict[str, Entity]
    ) -> list[Entity]:
        """ "وأعرب خادم الحرمين الشريفين عن ...": an epithet of an office (``title_epithets``)
        with no name after it is the one person holding that office without another country's
        affiliation (the king of the story, not the Moroccan king he congratulates)."""
        if not self._epithets:
            return []
        entities = {e.id: e for e in view.doc.entities}
        holders: dict[str, set[str]] = {}
        for role in roles:
            if role.type != RelationType.ROLE or role.attributes.get("rule") != "role-title":
                continue
            args = {a.role: entities[a.entity_id] for a in role.arguments}
            affiliation = args.get("affiliation")
            if affiliation is not None and affiliation.canonical not in self._title_countries.values():
                continue
            holders.setdefault(_title_key(str(role.attributes["title"])), set()).add(args["person"].canonical)
        found: list[Entity] = []
        firsts = {phrase[0] for phrase in self._epithets}
        for sentence in view.sentences:
            for index in range(sentence.first, sentence.last):
                first = view.tokens[index]
                if first.norm not in firsts and first.norm[1:] not in firsts:
                    continue
                for phrase, title in self._epithets.items():
                    last = index + len(phrase) - 1
                    if last >= sentence.last or not (
                        first.norm == phrase[0] or (first.norm[:1] in "وف" and first.norm[1:] == phrase[0])
                    ):
                        continue
                    if tuple(t.norm for t in view.tokens[index + 1 : last + 1]) != phrase[1:]:
                        continue
                    names = holders.get(title, set())
                    if len(names) != 1 or any(
                        view.mention_covering(sentence, i) is not None for i in range(index, last + 1)
                    ):
                        continue
                    after = last + 1
                    while after < sentence.last and (
                        _listed(view.tokens[after].norm, self._titles)
                        or _listed(view.tokens[after].norm, self._title_modifiers)
                    ):
                        after += 1
                    if after < sentence.last and view.mention_covering(sentence, after, (EntityType.PERSON,)):
                        continue  # "خادم الحرمين الشريفين الملك سلمان": the name follows
                    person = people[next(iter(names))]
                    start = first.start + surface_offset(first.text, 0 if first.norm == phrase[0] else 1)
                    end = view.tokens[last].end
                    found.append(
                        person.model_copy(
                            update={
                                "id": "",
                                "text": view.text[start:end],
                                "start": start,
                                "end": end,
                                "source": EntitySource.COREF,
                                "confidence": round(0.7 * person.confidence, 3),
                            }
                        )
                    )
        return found

    def _title_extent(self, view: _DocView, sentence: SentenceView, first: int) -> tuple[int, Mention | None]:
        """The last token of a title phrase starting at ``first`` and its affiliation, if any."""
        last = first
        index = first + 1
        while index < sentence.last:
            covering = view.mention_covering(sentence, index, _AFFILIATION_TYPES)
            if covering is not None:
                return covering.last, covering
            norm = view.tokens[index].norm
            if norm in self._title_heads and (norm.startswith("ال") or index > first + 1):
                break  # "الرئيس" opens a title of its own; "ولي ولي العهد" goes on
            if (
                index == first + 1
                and view.tokens[first].norm.startswith("ال")
                and norm[:1] == "و"
                and norm[1:] in self._title_heads
            ):
                break  # "الوزير ومدير عام الصندوق": the next title is someone else's
            if not (_listed(norm, self._titles) or self._prefixed_title(norm)):
                # an unlisted definite complement ("وزير الحج"): the caller tries shorter readings
                token = view.tokens[index]
                if (
                    index - first > 4
                    or not _is_definite(norm)
                    or not token.text.isalpha()
                    or view.is_time_token(index)
                    or norm in self._stops
                    or view.mention_covering(sentence, index) is not None
                ):
                    break
            last = index
            index += 1
        return last, None

    def _title_chain(self, view: _DocView, sentence: SentenceView, person: Mention) -> _TitleChain | None:
        """Read back from a name over its title: "عضو مجلس الدولة ووزير الخارجية الصيني الزائر".

        A country or organisation between the title words and the name (الصيني، قازاقستان in
        "وزير خارجية قازاقستان") is the affiliation; so is one a head governs inside the title
        ("رئيس ديوان المظالم رئيس مجلس القضاء الإداري"), unless it is a posting (لدى الأمم
        المتحدة) or an office named by title words alone (عضو مجلس الدولة). Between a head and
        the name, the title grammar also reads words the lexicon does not list: definite
        complements (وزير الإسكان، وكيل الوزارة للدراسات), a noun in construct after a head
        (مدير مكتب ...) and linking prepositions (المشرف العام على المستشفى). Such words are
        only kept when a head word further left opens the title.
        """
        tokens = view.tokens
        chain = _TitleChain()
        index = person.first - 1
        honorific: int | None = None
        open_words = 0
        while index >= sentence.first:
            token = tokens[index]
            covering = view.mention_covering(sentence, index, _AFFILIATION_TYPES)
            if covering is not None:
                posted = covering.first > sentence.first and _listed(
                    tokens[covering.first - 1].norm, self._title_links
                )
                if chain.last is None and honorific is None and not posted:
                    chain.affiliations.append(covering)
                else:
                    # "مندوب المملكة الدائم لدى الأمم المتحدة السفير X": after a form of
                    # address, what comes before is a title of its own
                    if self._inner_affiliation(view, sentence, covering):
                        chain.inner.append(covering)
                    chain.first = covering.first
                    chain.last = chain.last if chain.last is not None else covering.last
                index = covering.first - 1
                continue
            place = view.mention_covering(sentence, index, _PLACE_TYPES)
            if place is not None:
                before = place.first - 1
                if before < sentence.first:
                    break
                previous = tokens[before].norm
                if _listed(previous, self._title_links):
                    chain.first = place.first  # a posting: "قنصل عام المملكة في نيويورك"
                    chain.last = chain.last if chain.last is not None else place.last
                elif _listed(previous, self._titles) and chain.last is None:
                    chain.affiliations.append(place)  # "محافظ عنيزة"، "أمير منطقة حائل"
                else:
                    break
                index = place.first - 1
                continue
            if _listed(token.norm, self._counterpart) or _listed(token.norm[1:], self._counterpart):
                chain.counterpart = index  # "نظيره"، "بنظيره"
                break
            if (
                token.text in {"،", ","}
                and index - 1 >= sentence.first
                and chain.last is None
                and (
                    _listed(tokens[index - 1].norm, self._titles)
                    or view.mention_covering(sentence, index - 1, _AFFILIATION_TYPES) is not None
                )
            ):
                index -= 1  # "رئيس الجمهورية، السيد عبد المجيد تبون"
                continue
            if token.text == "." and index - 1 >= sentence.first and tokens[index - 1].norm in {"د"}:
                index -= 1  # "د. خالد"
                continue
            if chain.last is None and _listed(token.norm, self._honorifics):
                honorific = index  # "الأمير محمد"، "السفير المعلمي": a form of address
            elif _listed(token.norm, self._titles) or self._prefixed_title(token.norm):
                opened = tokens[chain.first].norm if chain.first is not None else ""
                if (
                    chain.first is not None
                    and _starts_new_title(opened, self._title_heads)
                    and (_is_definite(token.norm) or token.norm in self._title_heads)
                ) or (
                    # "بحضور الوزير ومدير عام الصندوق X": a bare "الوزير" is someone else
                    opened[:1] == "و"
                    and opened[1:] in self._title_heads
                    and token.norm in self._title_heads
                    and token.norm.startswith("ال")
                ):
                    # "رئيس الدولة | الرئيس الفرنسي ماكرون": another person's title ends here
                    # (but "مدير مكتب معالي الوزير": a noun in construct governs it)
                    break
                chain.first = index
                chain.last = chain.last if chain.last is not None else index
            elif _listed(token.norm, self._title_modifiers):
                if _listed(token.norm, self._visiting):
                    chain.visiting = index
            elif open_words < 5 and self._open_title_word(view, sentence, index, chain):
                open_words += 1
                chain.first = index
                chain.last = chain.last if chain.last is not None else index
            else:
                break
            index -= 1
        if (
            chain.first is not None
            and chain.last is not None
            and chain.first > sentence.first
            and view.mention_covering(sentence, chain.first - 1, (EntityType.PERSON,)) is not None
            and any(_listed(tokens[i].norm, self._name_openers) for i in range(chain.last + 1, person.first))
        ):
            # "معالي X وزير الخارجية معالي Y": the title is X's apposition; Y's name opens
            # with its own honorific
            chain = _TitleChain(affiliations=chain.affiliations)
            return self._title_after(view, sentence, person) or self._title_inside(view, person)
        # a title begins with a head word (وزير, الرئيس...), not a complement (الخارجية)
        while chain.first is not None and chain.last is not None and chain.first <= chain.last:
            if _listed(tokens[chain.first].norm, self._title_heads):
                break
            chain.first += 1
        if chain.first is not None and chain.last is not None and chain.first > chain.last:
            chain.first = chain.last = None
        if chain.first is not None:
            chain.inner = [m for m in chain.inner if m.first > chain.first]
        if chain.first is None and chain.counterpart is None:
            if honorific is not None and chain.affiliations:
                # "السفير الأمريكي مارك ليبرت": an honorific with a nisba is an office
                return _TitleChain(first=honorific, last=honorific, affiliations=chain.affiliations)
            return self._title_after(view, sentence, person) or self._title_inside(view, person)
        if chain.first is None and chain.counterpart is not None:
            chain.inner = []
        if chain.first is not None and chain.last is not None and not chain.affiliations and not chain.inner:
            owner = self._pronoun_owner(view, sentence, chain)
            if owner is not None:
                chain.affiliations.append(owner)
        if (
            chain.first is not None
            and chain.first == chain.last
            and not chain.affiliations
            and not chain.inner
        ):
            # "الرئيس عبدالله يامين رئيس جمهورية المالديف": the apposition names the affiliation
            after = self._title_after(view, sentence, person)
            if after is not None and after.affiliations:
                return after
        return chain

    def _his_country(
        self,
        view: _DocView,
        sentence: SentenceView,
        person: Mention,
        chain: _TitleChain,
        relations: dict[tuple[str, str, str], Relation],
    ) -> Mention | None:
        """ "الرئيس المصري السيسي ووزير خارجيته سامح شكري": "his" ministry is that of the
        person named before, so the minister's affiliation is that person's country."""
        if chain.first is None or chain.last is None:
            return None
        his = False
        for index in range(chain.first, chain.last + 1):
            norm = view.tokens[index].norm
            stem = norm[:-2] + "ه" if norm.endswith("ته") else norm[:-1]
            # (the written ه of "his", not a ta marbuta that folding also makes ه: الوطنية)
            if (
                view.tokens[index].text.endswith("ه")
                and len(norm) > 3
                and (stem in self._titles or "ال" + stem in self._titles)
            ):
                his = True
        if not his:
            return None
        owner = next(
            (
                m
                for m in reversed(sentence.mentions_from(sentence.first, chain.first))
                if m.type == EntityType.PERSON and m.last < chain.first and m.entity.id != person.entity.id
            ),
            None,
        )
        if owner is None:
            return None
        entities = {e.id: e for e in view.doc.entities}
        for (name, _, affiliation), role in relations.items():
            if name == owner.entity.canonical and affiliation and len(role.arguments) > 1:
                country = entities.get(role.arguments[1].entity_id)
                if country is not None and country.type == EntityType.COUNTRY:
                    return Mention(
                        country, view.token_index(country.start), view.token_index(country.end - 1)
                    )
        return None

    def _pronoun_owner(self, view: _DocView, sentence: SentenceView, chain: _TitleChain) -> Mention | None:
        """ "مسؤول من حركة حماس ... رئيس مكتبها السياسي خالد مشعل": a title word with the
        pronoun "her" belongs to the organisation or country named last before it."""
        assert chain.first is not None and chain.last is not None
        if not any(
            view.tokens[i].norm.endswith("ها") and len(view.tokens[i].norm) > 4
            for i in range(chain.first, chain.last + 1)
        ):
            return None
        for mention in reversed(sentence.mentions_from(sentence.first, chain.first)):
            if mention.last < chain.first and mention.type in _AFFILIATION_TYPES and not mention.is_nisba:
                return mention
        return None

    def _prefixed_title(self, folded: str) -> bool:
        """ "بوزارة"، "لشؤون": a title word after the preposition ب or ل."""
        return len(folded) > 3 and folded[0] in "بل" and folded[1:] in self._titles

    def _inner_affiliation(self, view: _DocView, sentence: SentenceView, mention: Mention) -> bool:
        """Whether a country or organisation inside a title is the office's affiliation: not a
        posting (لدى الأمم المتحدة) nor an office named by title words (مجلس الدولة)."""
        before = mention.first - 1
        if before >= sentence.first and _listed(view.tokens[before].norm, self._title_links):
            return False
        if mention.type == EntityType.ORGANIZATION:
            words = fold(mention.entity.text).split()
            if all(_listed(word, self._titles) or self._prefixed_title(word) for word in words):
                return False
        return True

    def _open_title_word(
        self, view: _DocView, sentence: SentenceView, index: int, chain: _TitleChain
    ) -> bool:
        """A word of a title the lexicon does not list (see :meth:`_title_chain`)."""
        token = view.tokens[index]
        norm = token.norm
        if not token.text.isalpha() or view.is_time_token(index) or view.mention_covering(sentence, index):
            return False
        if (
            norm in self._stops
            or norm in self._adverbs
            or _listed(norm, self._negation)
            or _listed(norm, self._relatives)
        ) and norm not in self._title_links:
            return False
        left = view.tokens[index - 1].norm if index > sentence.first else ""
        left_is_title = _listed(left, self._titles) or self._prefixed_title(left)
        if norm in self._title_links:
            # "المشرف العام على المستشفى"، "مندوب المملكة الدائم لدى": something must follow
            return chain.last is not None and (left_is_title or _is_definite(left))
        if _is_definite(norm):
            return True
        # a noun in construct: "مدير مكتب"، "رئيس مكتبها" (not "لاطلاعهم": a purpose clause)
        return left_is_title and norm[0] not in "لبو"

    def _title_inside(self, view: _DocView, person: Mention) -> _TitleChain | None:
        """A name given with its title: "الملك عبد الله الثاني", "الأمير فيصل بن فرحان"."""
        norm = view.tokens[person.first].norm
        if person.last > person.first and norm in self._title_heads and norm not in self._honorifics:
            return _TitleChain(first=person.first, last=person.first)
        return None

    def _title_after(self, view: _DocView, sentence: SentenceView, person: Mention) -> _TitleChain | None:
        """A title in apposition after the name: "بدر بن حمد البوسعيدي وزير الخارجية،"."""
        tokens = view.tokens
        index = person.last + 1
        if index >= sentence.last or tokens[index].norm not in self._title_heads:
            return None  # "وانغ ونائب رئيس الوزراء ...": after a conjunction, someone else's title
        chain = _TitleChain(first=index, last=index, after=True)
        index += 1
        while index < sentence.last:
            covering = view.mention_covering(sentence, index, _AFFILIATION_TYPES)
            if covering is not None:
                chain.affiliations.append(covering)
                index = covering.last + 1
                continue
            if not _listed(tokens[index].norm, self._titles):
                break
            if chain.affiliations:
                break
            chain.last = index
            index += 1
        return chain

    def _role(
        self,
        view: _DocView,
        sentence: SentenceView,
        person: Mention,
        chain: _TitleChain,
        titles_by_person: dict[str, str],
    ) -> list[Relation]:
        tokens = view.tokens
        if chain.first is not None and chain.last is not None:
            first = tokens[chain.first]
            conjunction = 0 if first.norm in self._title_heads else 1  # "ووزير": skip the و
            start = first.start + surface_offset(first.text, conjunction)
            end = tokens[chain.last].end
            title = view.text[start:end]
        else:
            assert chain.counterpart is not None
            # "نظيره البيلاروسي": the counterpart holds the actor's office
            start, end = tokens[chain.counterpart].start, tokens[chain.counterpart].end
            actor = sentence.actor
            title = titles_by_person.get(actor.entity.canonical, "") if actor is not None else ""
            title = title or view.text[start:end]
        titles_by_person.setdefault(person.entity.canonical, title)
        affiliation = next(
            (m for kind in _ROLE_AFFILIATION_ORDER for m in chain.affiliations if m.type == kind),
            None,
        )
        # one ROLE per affiliation: the nisba or genitive at the end, and each one a head of a
        # combined title governs ("مفتي عام المملكة رئيس هيئة كبار العلماء")
        affiliations: list[Mention | None] = (
            [affiliation] if affiliation is not None or not chain.inner else []
        )
        for inner in chain.inner:
            key = inner.entity.kb_id or inner.entity.canonical
            if all(a is None or (a.entity.kb_id or a.entity.canonical) != key for a in affiliations):
                affiliations.append(inner)
        roles = []
        for chosen in affiliations:
            arguments = [Argument(role="person", entity_id=person.entity.id, text=person.entity.text)]
            spans = [m for m in chain.affiliations if m is chosen or chosen is None or m.type != chosen.type]
            if chosen is not None:
                arguments.append(
                    Argument(role="affiliation", entity_id=chosen.entity.id, text=chosen.entity.text)
                )
                spans = [chosen]
            evidence_start = min(start, person.entity.start, *(m.entity.start for m in spans))
            evidence_end = max(end, person.entity.end, *(m.entity.end for m in spans))
            roles.append(
                Relation(
                    id="",
                    type=RelationType.ROLE,
                    arguments=arguments,
                    date=None,
                    trigger=TextSpan(text=view.text[start:end], start=start, end=end),
                    evidence=_span(view.text, evidence_start, evidence_end),
                    attributes={"rule": "role-title", "title": title},
                    confidence=round(0.85 * person.entity.confidence, 3),
                )
            )
        return roles

    def _visit_from_title(
        self, view: _DocView, sentence: SentenceView, person: Mention, visiting: int
    ) -> Relation | None:
        """ "قال ... وزير الخارجية الصيني الزائر وانغ يي، هنا": a visitor in the dateline city."""
        city = view.dateline_place()
        if city is None or sentence.index != 0:
            return None
        token = view.tokens[visiting]
        start, end = token.start, token.end
        return Relation(
            id="",
            type=RelationType.VISIT,
            arguments=[
                Argument(role="visitor", entity_id=person.entity.id, text=person.entity.text),
                Argument(role="destination", entity_id=city.id, text=city.text),
            ],
            date=view.date_for(start, sentence, RelationType.VISIT, sentence.end),
            trigger=TextSpan(text=view.text[start:end], start=start, end=end),
            evidence=_span(view.text, city.start, max(end, person.entity.end)),
            attributes={"rule": "visiting-title"},
            confidence=round(0.7 * person.entity.confidence, 3),
        )


@dataclass
class _TitleChain:
    first: int | None = None  # token indices of the title words
    last: int | None = None
    counterpart: int | None = None
    visiting: int | None = None
    affiliations: list[Mention] = field(default_factory=list)
    inner: list[Mention] = field(default_factory=list)  # affiliations a head governs inside
    after: bool = False  # the title follows the name (apposition)


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(text=text[start:end], start=start, end=end)


class _DocView:
    """Token-indexed access to one document's sentences and mentions."""

    def __init__(self, doc: Document, extractor: RelationExtractor) -> None:
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self._extractor = extractor
        self._token_starts = [token.start for token in doc.tokens]
        self.sentences = self._sentences()
        self.sentence_firsts = [sentence.first for sentence in self.sentences]
        self._dateline_time, self._lead_time = self._anchor_times()
        self._time_tokens = self._tokens_in_times()
        self._time_starts = [time.start for time in doc.times]
        self._dateline_place: Entity | None = None
        self._dateline_looked = False
        self.speaker: tuple[Mention, int] | None = None  # the last STATEMENT's speaker, sentence

    def note_speaker(self, relation: Relation, sentence: SentenceView) -> None:
        """Remember who spoke last (implicit speakers of later speech verbs)."""
        entity_id = relation.arguments[0].entity_id
        for mention in sentence.mentions:
            if mention.entity.id == entity_id:
                self.speaker = (mention, sentence.index)
                return
        if self.speaker is not None and self.speaker[0].entity.id == entity_id:
            self.speaker = (self.speaker[0], sentence.index)
            return
        actor = sentence.actor
        if actor is not None and actor.entity.id == entity_id:
            self.speaker = (actor, sentence.index)

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

    def is_past(self, time: Time) -> bool:
        """Whether a time ends before the document date (unknown years are not past)."""
        if self.doc.doc_date is None or time.value is None:
            return False
        value = time.value.end if isinstance(time.value, Interval) else time.value
        if value is None or value.startswith("X"):
            return False
        anchor = self.doc.doc_date.isoformat()
        return value < anchor[: len(value)]

    @staticmethod
    def inside(mention: Mention, other: Mention) -> bool:
        return other.entity.start <= mention.entity.start and mention.entity.end <= other.entity.end

    def dateline_place(self) -> Entity | None:
        """The city of the dateline ("نور سلطان 12 سبتمبر 2020 (شينخوا)"), if the story has one
        (found once per document: every "الزائر" title asks)."""
        if not self._dateline_looked:
            self._dateline_looked = True
            if self._dateline_time is not None:
                for entity in self.doc.entities:
                    if entity.end <= self._dateline_time.start and entity.type == EntityType.CITY:
                        self._dateline_place = entity
                        break
        return self._dateline_place

    def _times_in(self, sentence: SentenceView) -> list[Time]:
        """The time expressions that start inside a sentence (times are in text order)."""
        low = bisect.bisect_left(self._time_starts, sentence.start)
        high = bisect.bisect_left(self._time_starts, sentence.end)
        return self.doc.times[low:high]

    def is_time_token(self, index: int) -> bool:
        return index in self._time_tokens

    def token_index(self, offset: int) -> int:
        """The token containing (or the last one starting before) a character offset."""
        return max(0, bisect.bisect_right(self._token_starts, offset) - 1)

    def _sentences(self) -> list[SentenceView]:
        views: list[SentenceView] = []
        for number, sentence in enumerate(self.doc.sentences):
            first = bisect.bisect_left(self._token_starts, sentence.start)
            last = bisect.bisect_left(self._token_starts, sentence.end)
            views.append(SentenceView(number, first, last, sentence.start, sentence.end))
        sentence_starts = [view.start for view in views]
        for entity in self.doc.entities:
            first, last = self.token_index(entity.start), self.token_index(entity.end - 1)
            number = bisect.bisect_right(sentence_starts, entity.start) - 1
            if number >= 0 and entity.start < views[number].end:
                views[number].mentions.append(Mention(entity, first, last))
        actor: Mention | None = None
        for view in views:
            view.mentions.sort(key=lambda m: (m.first, -m.last))
            self.index_sentence(view)
            own = self._actor(view)
            view.previous_actor = actor
            actor = own or actor
            view.actor = actor
        return views

    def index_sentence(self, sentence: SentenceView) -> None:
        """Fill the sentence's indexes (one pass over its tokens and mentions)."""
        extractor = self._extractor
        sentence.firsts = [m.first for m in sentence.mentions]
        sentence.widest = max((m.last - m.first for m in sentence.mentions), default=0)
        sentence.complementizer = sentence.last
        for index in range(sentence.first, sentence.last):
            token = self.tokens[index]
            if token.text in extractor._breaks:
                sentence.break_starts.append(token.start)
                sentence.break_ends.append(token.end)
            if sentence.complementizer == sentence.last and token.norm in extractor._complementizers:
                sentence.complementizer = index
            if _listed(token.norm, extractor._topic_markers):
                sentence.topic_markers.append(index)
        for mention in sentence.mentions:
            sentence.by_span.setdefault((mention.entity.start, mention.entity.end), []).append(mention)

    def _actor(self, sentence: SentenceView) -> Mention | None:
        """The first person the sentence is about: before any reported speech, not after مع."""
        limit = sentence.complementizer
        for mention in sentence.mentions:
            if mention.first >= limit:
                break
            if mention.type not in _PERSON_ACTOR_TYPES:
                continue
            previous = self.tokens[mention.first - 1].norm if mention.first > sentence.first else ""
            if _listed(previous, {"مع", "بين"}) or self.is_counterpart(sentence, mention):
                continue
            return mention
        return None

    def is_counterpart(self, sentence: SentenceView, mention: Mention) -> bool:
        """ "نظيره العراقي فؤاد حسين": the counterpart phrase, or a name just after it."""
        return any(
            _listed(self.tokens[index].norm, self._extractor._counterpart)
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
        dateline = in_lead[0] if in_lead else None
        today = in_lead[-1] if in_lead else None
        return dateline, today

    def date_for(
        self,
        trigger_start: int,
        sentence: SentenceView,
        kind: RelationType,
        until: int,
        reported: bool = False,
    ) -> Time | None:
        clause_start, clause_end = self._clause(trigger_start, sentence)
        found = governing_time(
            self._times_in(sentence),
            trigger_start,
            (clause_start, min(clause_end, until)),
            (sentence.start, until),
            self._dateline_time,
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
        return self._lead_time

    def _clause(self, offset: int, sentence: SentenceView) -> tuple[int, int]:
        """The clause around ``offset``: from the last clause break (، : ...) ending before it to
        the first one starting after it. Break tokens are in text order and do not overlap, so
        both are a bisection: O(log n), where a scan of the sentence per trigger was quadratic."""
        before = bisect.bisect_right(sentence.break_ends, offset)
        start = sentence.break_ends[before - 1] if before else sentence.start
        after = bisect.bisect_left(sentence.break_starts, offset)
        end = sentence.break_starts[after] if after < len(sentence.break_starts) else sentence.end
        return start, end


def _folded(words: Iterable[str]) -> set[str]:
    return {fold(word) for word in words}


def _title_key(title: str) -> str:
    """A title compared without articles: "الرئيس" = "رئيس"."""
    return " ".join(word.removeprefix("ال") for word in fold(title).split())


def _is_definite(folded: str) -> bool:
    """ "الإسكان"، "للدراسات"، "والقروية"، "بالخارج": a word with the article."""
    return folded.startswith(("ال", "لل")) or (
        len(folded) > 3 and folded[0] in "وبلف" and folded[1:].startswith("ال")
    )


def _starts_new_title(folded: str, heads: set[str]) -> bool:
    """A definite head not joined by و (الرئيس، الملك) opens a title phrase of its own."""
    return folded in heads and folded.startswith("ال")


def _listed(folded: str, words: set[str]) -> bool:
    """Whether a folded word, or the word after a conjunction (و، ف), is in ``words``."""
    return folded in words or (len(folded) > 2 and folded[0] in "وف" and folded[1:] in words)


def _carries_proclitic(token: Token, mention: Mention, proclitic: str) -> bool:
    """Whether the mention's word starts with ``proclitic`` that its span leaves out (لقازاقستان)."""
    return mention.entity.start > token.start and token.norm.startswith(fold(proclitic))


def _preferred(candidates: Sequence[Mention], types: Sequence[EntityType]) -> Mention | None:
    """The first candidate of the most preferred type.

    Nisba adjectives (الصيني) modify a noun, so they never fill a slot themselves; what they
    stand for reaches relations through ROLE affiliations and "الجانب الصيني" phrases.
    """
    for entity_type in types:
        for mention in candidates:
            if mention.type == entity_type and not mention.is_nisba:
                return mention
    return None


def _nearest(candidates: Sequence[Mention]) -> Mention | None:
    """The first candidate in text order (nisba adjectives never fill a slot)."""
    return next((mention for mention in candidates if not mention.is_nisba), None)


def _with_same_span(found: list[Mention], sentence: SentenceView, used: set[str]) -> list[Mention]:
    """Add the mentions sharing a span with a found one: "البلدين" stands for two countries."""
    spans = {(m.entity.start, m.entity.end) for m in found}
    ids = {m.entity.id for m in found}
    extra = [
        m
        for span in spans
        for m in sentence.by_span.get(span, ())
        if m.entity.id not in ids and m.entity.id not in used
    ]
    return sorted([*found, *extra], key=lambda m: (m.first, m.entity.id))


def _coordinated_gap(text: str, end: int, start: int) -> bool:
    return start >= end and bool(_COORDINATION_GAP_RE.match(text[end:start]))


def _expand(filled: list[tuple[Slot, list[Mention]]]) -> list[list[tuple[str, Mention]]]:
    """Argument lists: one per mention of the ``each`` slot, else one with everything."""
    each = [(slot, found) for slot, found in filled if slot.each and found]
    shared = [(slot.role, m) for slot, found in filled if not (slot.each and found) for m in found]
    if not each:
        return [shared]
    slot, found = each[0]
    return [shared + [(slot.role, mention)] for mention in found]


def _unique_arguments(arguments: list[tuple[str, Mention]]) -> list[tuple[str, Mention]]:
    seen: set[str] = set()
    unique = []
    for role, mention in arguments:
        key = mention.entity.kb_id or mention.entity.canonical
        if key in seen:
            continue
        seen.add(key)
        unique.append((role, mention))
    return unique


def _relation_key(relation: Relation) -> tuple[object, ...]:
    return (
        relation.type,
        relation.trigger.start,
        tuple(sorted((a.role, a.entity_id) for a in relation.arguments)),
    )


def _without_restated(relations: list[Relation], doc: Document) -> list[Relation]:
    """ "وأشار X في تصريح له إلى": the noun names the statement its verb already gave."""
    verbs: dict[str, list[int]] = {}
    for relation in relations:
        if relation.type == RelationType.STATEMENT and relation.attributes.get("rule") != "statement-noun":
            verbs.setdefault(relation.arguments[0].entity_id, []).append(relation.trigger.end)
    if not verbs:
        return relations
    entities = {e.id: e for e in doc.entities}

    def restated(relation: Relation) -> bool:
        if relation.type != RelationType.STATEMENT or relation.attributes.get("rule") != "statement-noun":
            return False
        speaker = entities.get(relation.arguments[0].entity_id)
        ends = [
            end
            for entity_id, found in verbs.items()
            for end in found
            if entities.get(entity_id) is not None
            and speaker is not None
            and entities[entity_id].canonical == speaker.canonical
        ]
        start = relation.trigger.start
        return any(end <= start and "." not in doc.text[end:start] and start - end < 120 for end in ends)

    return [relation for relation in relations if not restated(relation)]


def _dedupe(
    relations: list[Relation], restating: set[str] | None = None, names: dict[str, str] | None = None
) -> list[Relation]:
    seen: set[tuple[object, ...]] = set()
    reported: set[tuple[object, ...]] = set()  # (type, arguments) already stated
    unique = []
    for relation in sorted(relations, key=lambda r: (r.evidence.start, r.trigger.start, r.type.value)):
        key = _relation_key(relation)
        if key in seen:
            continue
        tuple_key = (
            relation.type,
            frozenset((names or {}).get(a.entity_id, a.entity_id) for a in relation.arguments),
        )
        if restating and relation.attributes.get("rule") in restating and tuple_key in reported:
            continue  # "وبحث مشعل أيضا مع لافروف": the meeting already reported
        seen.add(key)
        reported.add(tuple_key)
        unique.append(relation)
    return unique


def _number(relations: list[Relation]) -> list[Relation]:
    return [relation.model_copy(update={"id": f"r{index}"}) for index, relation in enumerate(relations, 1)]
