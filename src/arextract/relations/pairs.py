"""Who the parties of a relation are, once its arguments are found.

One visit per visitor: "وصل الوفد الكويتي برئاسة X، والوفد القطري برئاسة Y إلى الرياض" is X's
visit and Y's (GUIDELINES §4: a VISIT has one visitor and one destination).

The two people a dual stands for: "وكان الوزيران التقيا في قطر" after "سيزور الوزير X موسكو
لمناقشة ... مع نظيره Y" met as X and Y, not as the two countries the linker reads in the dual
(GUIDELINES §2: the leaders' countries are the parties only when the leaders are never named).

The two people a dual verb or pronoun stands for (:class:`DualDoers`): "أوضح X أنه والملك Y
أكدا ... دعمهما ..., بينما عبرا عن" is said by X and Y; "التقى X نظيره Y ... وأكدا" too."""

from __future__ import annotations

from arextract.link.lexicons import lexicons as link_lexicons
from arextract.relations.candidates import SlotQuery
from arextract.relations.lexicons import FoldedLexicons, is_definite
from arextract.relations.rules import Slot
from arextract.relations.search import MentionSearch
from arextract.relations.view import DocumentView, Mention, SentenceView
from arextract.schema import Argument, Document, Entity, EntityType, Relation, RelationType, TextSpan
from arextract.text.clitics import clitic_readings
from arextract.text.normalize import fold

# the relations every doer takes part in: the parties of a meeting or a call
JOINT_TYPES = frozenset({RelationType.MEETING, RelationType.PHONE_CALL})
# the two ministers / presidents / leaders / sides of the meeting told before
_PERSON_DUALS = frozenset(
    fold(word)
    for word in (
        "الوزيران", "الوزيرين", "الرئيسان", "الرئيسين", "الزعيمان", "الزعيمين", "الجانبان",
        "الجانبين", "الطرفان", "الطرفين", "المسؤولان", "المسؤولين",
    )
)  # fmt: skip
_REACH = 600  # characters back from the trigger in which the pair was named
_GUEST_REACH = 200  # characters from a meeting's trigger to the guest's visit it tells


def _dual(text: str) -> bool:
    return any(reading.stem in _PERSON_DUALS for reading in clitic_readings(fold(text)))


def persons_for_duals(doc: Document, relations: list[Relation]) -> list[Relation]:
    """Meetings and calls whose parties came from a dual word: the two people of the last
    meeting or call of two people told shortly before, if there is one."""
    entities = {entity.id: entity for entity in doc.entities}
    out: list[Relation] = []
    pair: tuple[Relation, list[Argument]] | None = None  # the last two-person meeting or call
    for relation in sorted(relations, key=lambda r: r.trigger.start):
        if relation.type not in JOINT_TYPES:
            out.append(relation)
            if relation.type in _TOLD_TOGETHER and len(_persons(relation, entities)) == 2:
                pair = (relation, _persons(relation, entities))  # "الرئيسين اتفقا": two people
            continue
        dual = [
            a for a in relation.arguments if a.entity_id in entities and _dual(entities[a.entity_id].text)
        ]
        if dual and pair is not None and relation.trigger.start - pair[0].trigger.end <= _REACH:
            kept = [a for a in relation.arguments if a not in dual]
            told = [a.model_copy(update={"role": dual[0].role}) for a in pair[1]]  # (as participants)
            arguments = _unique([*told, *kept], entities)
            relation = relation.model_copy(
                update={"arguments": arguments, "evidence": _covering(doc, relation, arguments, entities)}
            )
        out.append(relation)
        persons = _persons(relation, entities)
        if len(persons) == 2:
            pair = (relation, persons)
    return out


# the relations of several doers that tell of two people together (the AGREEMENT the two
# presidents reached, a STATEMENT both made): a meeting told after them by a dual is theirs
_TOLD_TOGETHER = frozenset({RelationType.AGREEMENT, RelationType.STATEMENT})


def _persons(relation: Relation, entities: dict[str, Entity]) -> list[Argument]:
    """The relation's person arguments, if they are of two different people."""
    persons = [
        a
        for a in relation.arguments
        if a.entity_id in entities and entities[a.entity_id].type == EntityType.PERSON
    ]
    return persons if len({entities[a.entity_id].canonical for a in persons}) == len(persons) else []


def _covering(
    doc: Document, relation: Relation, arguments: list[Argument], entities: dict[str, Entity]
) -> TextSpan:
    """The relation's evidence widened over its new arguments (the pair named before it)."""
    start = min([relation.evidence.start, *(entities[a.entity_id].start for a in arguments)])
    end = max([relation.evidence.end, *(entities[a.entity_id].end for a in arguments)])
    return TextSpan(text=doc.text[start:end], start=start, end=end)


def _unique(arguments: list[Argument], entities: dict[str, Entity]) -> list[Argument]:
    seen: set[str] = set()
    out = []
    for argument in arguments:
        name = entities[argument.entity_id].kb_id or entities[argument.entity_id].canonical
        if name not in seen:
            seen.add(name)
            out.append(argument)
    return out


def one_visitor_each(relations: list[Relation]) -> list[Relation]:
    """A VISIT of several visitors as one VISIT per visitor (in their order)."""
    out: list[Relation] = []
    for relation in relations:
        visitors = [a for a in relation.arguments if a.role == "visitor"]
        if relation.type != RelationType.VISIT or len(visitors) < 2:
            out.append(relation)
            continue
        others = [a for a in relation.arguments if a.role != "visitor"]
        out.extend(relation.model_copy(update={"arguments": [visitor, *others]}) for visitor in visitors)
    return out


# -- the doers of a dual verb or pronoun --------------------------------------------------

_PAIR_REACH = 2  # sentences back in which the two people were told of together
# between a subject and its verb: "X وY قد اتفقا"، "الرئيسان كانا قد اتفقا"
_VERB_GAP = frozenset(fold(word) for word in ("قد", "لقد", "كانا", "كان"))
# what may open a clause whose dual verb leaves its subject unsaid: "حيث أكدا"، "بينما عبرا"
_CLAUSE_OPENERS = frozenset(fold(word) for word in ("حيث", "بينما", "فيما", "كما", "ثم", "قد", "كانا"))
_AND = "و"
# the preposition between a dual verb and the meeting it tells of: "اتفقا أثناء اتصال هاتفي"
_DURING = frozenset(fold(word) for word in ("خلال", "أثناء"))  # (folded: اثناء too)
_IN = fold("في")


def _nisba(view: DocumentView, sentence: SentenceView, index: int) -> bool:
    covering = view.mention_covering(sentence, index)
    return covering is not None and covering.is_nisba


def _dual_past(norm: str) -> bool:
    """Whether a word may be a verb's past dual ("أكدا"، "اتفقا"، "استعرضا"): a final alif
    after a stem of three to six letters, without the article or a participle's م ("مؤكدا"
    is one man affirming). Only read right after a name, where an accusative noun is rare."""
    stem = norm.removeprefix(_AND).removesuffix("ا")
    return norm.endswith("ا") and 3 <= len(stem) <= 6 and not stem.startswith(("ال", "م"))


class DualDoers:
    """The two people a dual form's doer is (``None`` when the text names no such pair):
    the two named just before the verb ("X ونظيره Y اتفقا"), the speaker and the one joined to
    his pronoun ("أوضح X أنه والملك Y أكدا"), or, for a dual word ("الرئيسان اتفقا") or an
    unsaid subject ("وطالبا"، "حيث أكدا"), the last two told of together shortly before."""

    def __init__(self, words: FoldedLexicons, search: MentionSearch) -> None:
        self._words = words
        self._search = search

    def __call__(self, query: SlotQuery) -> list[Mention] | None:
        view, sentence, match = query.view, query.sentence, query.match
        before = [m for m in sentence.mentions if m.last < match.first and query.open_to(m)]
        index = match.first - 1
        while index >= sentence.first and view.tokens[index].norm in _VERB_GAP:
            index -= 1
        named = [] if query.form.rule.pos == "noun" else [m for m in before if m.last == index]
        if any(sides([m]) for m in named):
            return None  # "الجانبان اتفقا": the two countries, as the linker reads them
        if named and not any(_dual(m.entity.text) for m in named):
            return self._named_pair(query, named[-1])
        if not named and query.form.rule.pos == "verb" and not self._unsaid_subject(query, index):
            return None
        told = [m for m in before if sides([m])]
        if told:
            # "وبحث الجانبان ...، ووقعا مذكرة": the verb goes on with the two sides
            return [m for m in told if (m.first, m.last) == (told[-1].first, told[-1].last)]
        return self._told(query)

    def before_dual_verb(self, query: SlotQuery) -> list[Mention] | None:
        """The two named as the subject of a dual verb just before a meeting or call noun
        ("أوباما ونظيره الفرنسي هولاند بحثا خلال اتصال هاتفي"، "أوضح X أنه والرئيس Y أكدا
        خلال المحادثات"): they are its parties (``None``: no such verb, or not two named)."""
        view, sentence, match = query.view, query.sentence, query.match
        index = match.first - 1
        calls = query.form.rule.type == RelationType.PHONE_CALL
        if index <= sentence.first or not (
            view.tokens[index].norm in _DURING or (calls and view.tokens[index].norm == _IN)
        ):
            return None  # (a call "في اتصال هاتفي"; not "شاركا في اجتماع الوزراء": attended it)
        index -= 1
        if not _dual_past(view.tokens[index].norm) or not self._their_own(query):
            return None
        subject = index - 1
        while subject > sentence.first and view.tokens[subject].norm in _VERB_GAP:
            subject -= 1
        named = [m for m in sentence.mentions if m.last == subject and query.open_to(m)]
        if not named or any(sides([m]) or _dual(m.entity.text) for m in named):
            return None
        return self._named_pair(query, named[-1])

    @staticmethod
    def _their_own(query: SlotQuery) -> bool:
        """Whether the noun names the two's own talks: a call, or a meeting noun with the
        article and nothing after it naming whose it is ("أكدا خلال المحادثات"، not "خلال
        القمة الخليجية" or "خلال اجتماع وزراء الخارجية", a gathering both attended)."""
        if query.form.rule.type == RelationType.PHONE_CALL:
            return True
        view, sentence, match = query.view, query.sentence, query.match
        if not is_definite(view.tokens[match.first].norm[match.offset :]):
            return False
        following = match.last + 1
        return following >= sentence.last or not (
            is_definite(view.tokens[following].norm) or view.mention_covering(sentence, following) is not None
        )

    def _named_pair(self, query: SlotQuery, last: Mention) -> list[Mention] | None:
        """The two (or more) coordinated up to ``last``, or the speaker joined to it by "أنه و"."""
        run = self._run_to(query, last)
        if len(run) >= 2:
            return run
        partner = self._pronoun_partner(query, run[0])
        return None if partner is None else [partner, run[0]]

    def _run_to(self, query: SlotQuery, last: Mention) -> list[Mention]:
        """The coordinated names that end with ``last`` ("X ونظيره التركي Y")."""
        sentence = query.sentence
        for mention in sentence.mentions:
            if mention.last >= last.first or mention.type != last.type or not query.open_to(mention):
                continue
            run = _distinct([mention, *self._search.coordinated(query, mention)])
            names = [_name(m) for m in run]
            if _name(last) in names:  # ("ونظيره التركي Y": the counterpart word stands for Y)
                return run[: names.index(_name(last)) + 1]
        return [last]

    def _pronoun_partner(self, query: SlotQuery, mention: Mention) -> Mention | None:
        """ "أوضح كارتر أنه والملك سلمان أكدا": "he" (the speaker) and the one joined to him."""
        view, sentence = query.view, query.sentence
        index = mention.first
        while index > sentence.first and (
            self._words.in_title(view.tokens[index - 1].norm.removeprefix(_AND))
            or _nisba(view, sentence, index - 1)  # "أنه والرئيس التونسي Y"
        ):
            index -= 1
            if view.tokens[index].norm.startswith(_AND):
                break
        joined = view.tokens[index].norm.startswith(_AND) or (
            index > sentence.first and view.tokens[index - 1].norm == _AND
        )
        pronoun = index - 1 if view.tokens[index].norm.startswith(_AND) else index - 2
        if not joined or pronoun < sentence.first:
            return None
        norm = view.tokens[pronoun].norm
        if norm not in self._words.pronoun_subjects or norm == fold("حيث"):
            return None
        speaker = view.speaker[0] if view.speaker is not None else sentence.actor
        if (
            speaker is None
            or speaker.type != EntityType.PERSON
            or speaker.entity.canonical == mention.entity.canonical
        ):
            return None
        return speaker

    def _unsaid_subject(self, query: SlotQuery, index: int) -> bool:
        """Whether the dual verb opens its clause ("وطالبا"، "حيث أكدا"، "، بينما عبرا"): its
        subject is then unsaid (a noun "طالبا" a student follows other words)."""
        view, sentence, match = query.view, query.sentence, query.match
        if match.offset or index < sentence.first:
            return True
        # (not after a bare comma: "، طالبا منهم" is the participle of طلب, one man asking)
        return view.tokens[index].norm in _CLAUSE_OPENERS

    def _told(self, query: SlotQuery) -> list[Mention] | None:
        """The last two people told of together: those of the last meeting or dual of two,
        or two persons coordinated ("رئيسا الدولتين، X، وY") in this sentence or just before."""
        view, sentence, match = query.view, query.sentence, query.match
        if view.pair is not None and sentence.index - view.pair[1] <= _PAIR_REACH:
            # the doers of a relation, before two names coordinated as its object ("واتفق X وY
            # على إطلاع A وB على النتائج، كما اتفقا": X and Y)
            return view.pair[0]
        for other in reversed(view.sentences[max(0, sentence.index - _PAIR_REACH) : sentence.index + 1]):
            pair = self._coordinated_pair(query, other, match.first)
            if pair is not None:
                return pair
        return None

    def _coordinated_pair(
        self, query: SlotQuery, sentence: SentenceView, before: int
    ) -> list[Mention] | None:
        """The last two persons (exactly two) coordinated in the sentence before token ``before``."""
        local = SlotQuery(query.view, sentence, query.match, query.form, query.slot, frozenset())
        last: list[Mention] | None = None
        taken = -1
        for mention in sentence.mentions:
            if mention.type != EntityType.PERSON or mention.first <= taken or mention.last >= before:
                continue
            run = _distinct([mention, *self._search.coordinated(local, mention)])
            taken = max(m.last for m in run)
            if len(run) == 2 and taken < before:
                last = run
        return last


def sides(mentions: list[Mention]) -> bool:
    """Whether the mentions are read from a word for the two sides or states ("الجانبان";
    link.toml [dual] words): a statement, agreement or support of theirs is the two countries'
    (GUIDELINES §2), though a meeting of theirs is the two people's."""
    words = link_lexicons().side_pair
    return bool(mentions) and all(
        any(reading.stem in words for reading in clitic_readings(fold(m.entity.text))) for m in mentions
    )


def _name(mention: Mention) -> str:
    return mention.entity.kb_id or mention.entity.canonical


def _distinct(mentions: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for mention in mentions:
        name = _name(mention)
        if name not in seen:
            seen.add(name)
            out.append(mention)
    return out


def dual_doer(slot: Slot, kind: RelationType) -> Slot:
    """The doer slot a pair fills: a SUPPORT has one supporter, so one relation each."""
    return slot.model_copy(update={"each": True}) if kind == RelationType.SUPPORT else slot


def note_pair(view: DocumentView, sentence: SentenceView, mentions: list[Mention]) -> None:
    """Remember two people a relation told of together (its doers, or a meeting's two)."""
    persons = _distinct([m for m in mentions if m.type == EntityType.PERSON])
    if len(persons) == 2:
        view.pair = (persons, sentence.index)


def not_home(doc: Document, relations: list[Relation], homes: dict[str, str]) -> list[Relation]:
    """No known leader visits his own country: in "استقبل الرئيس المصري X الوزير Y في ختام زيارته
    لمصر" the visit is the guest's, the one he met just before; with no such guest, no visit
    (``homes``: a known person's canonical name -> his country's; tours of his own regions and
    cities stay)."""
    entities = {entity.id: entity for entity in doc.entities}
    out: list[Relation] = []
    for relation in relations:
        named = {a.role: entities.get(a.entity_id) for a in relation.arguments}
        visitor, destination = named.get("visitor"), named.get("destination")
        if (
            relation.type != RelationType.VISIT
            or visitor is None
            or destination is None
            or destination.type != EntityType.COUNTRY
            or homes.get(visitor.canonical) != destination.canonical
        ):
            out.append(relation)
            continue
        guest = _guest(relations, relation, visitor, entities)
        if guest is not None:
            arguments = [guest if a.role == "visitor" else a for a in relation.arguments]
            out.append(relation.model_copy(update={"arguments": arguments}))
    return out


def _guest(
    relations: list[Relation], visit: Relation, host: Entity, entities: dict[str, Entity]
) -> Argument | None:
    """The one person the host met in a meeting told just before the visit's trigger."""
    for meeting in relations:
        if (
            meeting.type != RelationType.MEETING
            or not 0 <= visit.trigger.start - meeting.trigger.end <= _GUEST_REACH
        ):
            continue
        people = [a for a in meeting.arguments if a.entity_id in entities]
        if host.canonical not in {entities[a.entity_id].canonical for a in people}:
            continue
        others = [
            a
            for a in people
            if entities[a.entity_id].canonical != host.canonical
            and entities[a.entity_id].type == EntityType.PERSON
        ]
        if len(others) == 1:
            return Argument(role="visitor", entity_id=others[0].entity_id, text=others[0].text)
    return None
