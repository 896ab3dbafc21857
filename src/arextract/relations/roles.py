"""ROLE relations from the titles around names, and the VISIT a "visiting" title implies.

"وزير الخارجية الصيني وانغ يي" gives ROLE(person=وانغ يي, affiliation=الصين, title="وزير
الخارجية"); "نظيره البيلاروسي" gives the counterpart the actor's office; "الزائر" in the lead
of a datelined story is a visit to the dateline city.
"""

from __future__ import annotations

from arextract.ner.gazetteer import surface_offset
from arextract.relations.dating import date_for
from arextract.relations.lexicons import FoldedLexicons, listed, title_key
from arextract.relations.organs import organ_state, service_place
from arextract.relations.plural_titles import plural_roles
from arextract.relations.title_grammar import TitleChain, TitleGrammar
from arextract.relations.view import DocumentView, Mention, SentenceView
from arextract.schema import Argument, EntitySource, EntityType, Relation, RelationType, TextSpan
from arextract.text.clitics import strip_proclitics
from arextract.text.normalize import fold

ROLE_RULE = "role-title"  # attributes.rule of a ROLE read from a title
_VISIT_RULE = "visiting-title"
_ROLE_CONFIDENCE = 0.85  # times the person's confidence
_VISIT_CONFIDENCE = 0.7
_NAME_HOSTS = (EntityType.ORGANIZATION, EntityType.INITIATIVE)
_AFFILIATION_ORDER = (EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.CITY, EntityType.REGION)

_BY_WAY_OF = (fold("عن"), fold("طريق"))
_COMMAS = frozenset({"،", ","})
# "X، والذي يشغل أيضا منصب ...": the relative, the verb of holding an office, "also" and "post"
_WHO = frozenset(fold(word) for word in ("الذي", "والذي", "التي", "والتي"))
_HOLDS = frozenset(fold(word) for word in ("يشغل", "تشغل", "يتولى", "تتولى", "شغل", "شغلت", "تولى", "تولت"))
_ALSO = frozenset(fold(word) for word in ("أيضا", "أيضاً", "حاليا", "حالياً", "كذلك"))
_POST = frozenset(fold(word) for word in ("منصب", "مهام", "منصبي"))
_SPOKESMEN = frozenset(
    fold(word) for word in ("المتحدث", "المتحدثة", "الناطق", "الناطقة", "متحدث", "متحدثة", "ناطق", "ناطقة")
)

RoleKey = tuple[str, str, str]  # (person, title key, affiliation key or "")


class TitleRoles:
    """One ROLE per (person, title) in the document, preferring a mention that names the
    affiliation; plus the VISIT a "visiting" title implies in a datelined story."""

    def __init__(self, words: FoldedLexicons) -> None:
        self._words = words
        self._grammar = TitleGrammar(words)

    def __call__(self, view: DocumentView) -> list[Relation]:
        """The ROLE and visiting-title relations of a document.

        A title after a name is an apposition only if nobody else holds it: in "التقى مودي ولي
        العهد السعودي" the crown prince is the one a title before a name made so, not Modi.
        """
        relations: dict[RoleKey, Relation] = {}
        visits: list[Relation] = []
        titles_by_person: dict[str, str] = {}
        affiliations = {e.id: e.kb_id or e.canonical for e in view.doc.entities}
        nisbas = {e.id: title_key(e.text) for e in view.doc.entities if e.subtype == "nisba"}
        found, held = self._chains(view)
        for sentence, mention, chain in found:
            holder = held.get(_chain_key(view, chain))
            if chain.after and holder not in (None, mention.entity.canonical):
                continue
            if not chain.affiliations and not chain.inner:
                owner = self._his_country(view, sentence, mention, chain, relations)
                if owner is not None:
                    chain.affiliations.append(owner)
            for role in self._role(view, sentence, mention, chain, titles_by_person):
                affiliation = role.arguments[1].entity_id if len(role.arguments) > 1 else ""
                affiliation_key = affiliations.get(affiliation, "")
                title = _without_nisba(title_key(str(role.attributes["title"])), nisbas.get(affiliation))
                key = (mention.entity.canonical, title, affiliation_key)
                bare = (key[0], key[1], "")
                if affiliation_key and bare in relations:
                    del relations[bare]  # the same title, now with its affiliation
                if key not in relations and not (
                    not affiliation_key and any(k[:2] == key[:2] and k[2] for k in relations)
                ):
                    relations[key] = role
            if chain.visiting is not None:
                visit = _visit_from_title(view, sentence, mention, chain.visiting)
                if visit is not None:
                    visits.append(visit)
        plural = _plural_roles(self._words, view, relations, affiliations)
        # "الرئيس عبدالله يامين رئيس جمهورية المالديف": a bare one-word title ("الرئيس") and
        # an affiliated one for the same person are one office, given with its affiliation
        affiliated = {key[0] for key in relations if key[2]}
        kept = [
            role
            for key, role in relations.items()
            if key[2] or key[0] not in affiliated or len(key[1].split()) > 1
        ]
        return [*kept, *plural, *visits]

    def _chains(
        self, view: DocumentView
    ) -> tuple[list[tuple[SentenceView, Mention, TitleChain]], dict[tuple[str, str | None], str]]:
        """Each named person's title chain, and (title, affiliation) -> the person a title
        before a name gives it to."""
        found: list[tuple[SentenceView, Mention, TitleChain]] = []
        held: dict[tuple[str, str | None], str] = {}
        for sentence in view.sentences:
            for mention in sentence.mentions:
                if mention.type != EntityType.PERSON or mention.entity.source == EntitySource.COREF:
                    continue
                if _inside_name(sentence, mention):
                    continue  # "مستشفى الملك سعود": a name inside an organisation's name
                chain = self._grammar.chain(view, sentence, mention)
                if chain is None:
                    post = _held_post(self._words, self._grammar, view, sentence, mention)
                    if post is not None:
                        found.append((sentence, mention, post))
                    continue
                if _names_a_place(self._words, view, sentence, mention, chain):
                    continue
                post = _held_post(self._words, self._grammar, view, sentence, mention)
                if post is not None:
                    found.append((sentence, mention, post))
                found.append((sentence, mention, chain))
                if not chain.after:
                    held.setdefault(_chain_key(view, chain), mention.entity.canonical)
                    second = self._second_office(view, sentence, mention, chain)
                    if second is not None:
                        found.append((sentence, mention, second))
        return found, held

    def _second_office(
        self, view: DocumentView, sentence: SentenceView, person: Mention, chain: TitleChain
    ) -> TitleChain | None:
        """ "ولي ولي العهد الأمير محمد بن سلمان وزير الدفاع": in protocol style a title, a
        form of address and the name may be followed by a second office in apposition."""
        if chain.last is None:
            return None
        if person.last + 1 < sentence.last and view.tokens[person.last + 1].text in _COMMAS:
            return _set_off_office(self._grammar, view, sentence, person)
        if not any(
            listed(view.tokens[i].norm, self._words.honorifics) for i in range(chain.last + 1, person.first)
        ):
            return None
        second = self._grammar.after(view, sentence, person)
        if (
            second is None
            or second.last is None
            or any(m.type == EntityType.COUNTRY for m in second.affiliations)
        ):
            return None  # "استقبل ولي العهد الأمير X وزير الخارجية الأمريكي": his guest
        # the apposition is the subject of the verb after it ("... وزير الدفاع سيغادر"), not
        # an object followed by a place, a time or another phrase ("... وزير الخارجية في مكتبه")
        after = max([second.last, *(m.last for m in second.affiliations)]) + 1
        if after >= sentence.last:
            return None
        token = view.tokens[after]
        words = self._words
        if (
            not token.text.isalpha()
            or token.norm[:1] == "و"
            or token.norm in words.stops
            or listed(token.norm, words.relatives)
            or view.is_time_token(after)
            or view.mention_covering(sentence, after) is not None
        ):
            return None
        return second

    def _his_country(
        self,
        view: DocumentView,
        sentence: SentenceView,
        person: Mention,
        chain: TitleChain,
        relations: dict[RoleKey, Relation],
    ) -> Mention | None:
        """ "الرئيس المصري السيسي ووزير خارجيته سامح شكري": "his" ministry is that of the
        person named before, so the minister's affiliation is that person's country."""
        if chain.first is None or chain.last is None or not self._has_his(view, chain.first, chain.last):
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

    def _has_his(self, view: DocumentView, first: int, last: int) -> bool:
        """Whether a title's complement carries "his": "ووزير خارجيته" (his country's
        minister), not its head: "نائبه"، "مستشاره" is the aide of a person, not of a country."""
        titles = self._words.titles
        his = False
        for index in range(first + 1, last + 1):
            norm = view.tokens[index].norm
            stem = norm[:-2] + "ه" if norm.endswith("ته") else norm[:-1]
            # (the written ه of "his", not a ta marbuta that folding also makes ه: الوطنية)
            if (
                view.tokens[index].text.endswith("ه")
                and len(norm) > 3
                and (stem in titles or "ال" + stem in titles)
            ):
                his = True
        return his

    def _role(
        self,
        view: DocumentView,
        sentence: SentenceView,
        person: Mention,
        chain: TitleChain,
        titles_by_person: dict[str, str],
    ) -> list[Relation]:
        """The ROLE relations a title chain gives a person: one per affiliation."""
        start, end, title = self._title(view, sentence, chain, titles_by_person)
        titles_by_person.setdefault(person.entity.canonical, title)
        # "رئيس حركة النهضة التونسية": a nisba right after an organisation qualifies it; the
        # organisation is the affiliation
        qualified = {m.first for m in chain.affiliations if m.type == EntityType.ORGANIZATION}
        affiliation = next(
            (
                m
                for kind in _AFFILIATION_ORDER
                for m in chain.affiliations
                if m.type == kind and not (m.is_nisba and m.first - 1 in _lasts(chain, qualified))
            ),
            None,
        )
        if affiliation is not None and _epithet(self._words, view, affiliation):
            # "نائب السكرتير الخاص لخادم الحرمين الشريفين مساعد رئيس الديوان الملكي": the body
            # a chained title names after the king's epithet is the office's (GUIDELINES §5)
            later = [
                m
                for m in chain.affiliations
                if m.type == EntityType.ORGANIZATION and m.first > affiliation.last
            ]
            affiliation = later[-1] if later else affiliation
        if affiliation is not None and affiliation.type == EntityType.ORGANIZATION:
            affiliation = (
                organ_state(sentence, affiliation)
                or (
                    None
                    if _spokesman(view, chain)
                    else service_place(self._words, view, sentence, affiliation)
                )
                or affiliation
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
        named = [a for a in affiliations if a is not None and not _epithet(self._words, view, a)]
        if named and len(named) < len(affiliations):
            # "مستشار خادم الحرمين الشريفين أمير منطقة حائل": the adviser of the king (an
            # aide's complement, not a state's office) and the governor of the region: one
            # office, the region's; the epithet alone stays the state ("سفير خادم الحرمين")
            affiliations = list(named)
        roles = []
        for chosen in affiliations:
            arguments = [Argument(role="person", entity_id=person.entity.id, text=person.entity.text)]
            spans = [m for m in chain.affiliations if m is chosen or chosen is None or m.type != chosen.type]
            if chosen is not None:
                arguments.append(
                    Argument(role="affiliation", entity_id=chosen.entity.id, text=chosen.entity.text)
                )
                # (a place named in an earlier sentence, "... أمير البلاد", stays out of the evidence)
                spans = [chosen] if chosen.entity.start >= sentence.start else []
            evidence_start = min(start, person.entity.start, *(m.entity.start for m in spans))
            evidence_end = max(end, person.entity.end, *(m.entity.end for m in spans))
            roles.append(
                Relation(
                    id="",
                    type=RelationType.ROLE,
                    arguments=arguments,
                    date=None,
                    trigger=_span(view.text, start, end),
                    evidence=_span(view.text, evidence_start, evidence_end),
                    attributes={"rule": ROLE_RULE, "title": title},
                    confidence=round(_ROLE_CONFIDENCE * person.entity.confidence, 3),
                )
            )
        return roles

    def _title(
        self, view: DocumentView, sentence: SentenceView, chain: TitleChain, titles_by_person: dict[str, str]
    ) -> tuple[int, int, str]:
        """The title's span and its text ("نظيره": the office of the sentence's actor)."""
        tokens = view.tokens
        if chain.first is not None and chain.last is not None:
            first = tokens[chain.first]
            # "ووزير": skip the و; "للمرشد": the ل and the article's ل
            words = self._words
            conjunction = 0 if first.norm in words.title_heads or words.possessed_head(first.norm) else 1
            if conjunction and first.norm.startswith("لل") and first.norm[1:] not in self._words.titles:
                conjunction = 2
            start = first.start + surface_offset(first.text, conjunction)
            last = chain.last
            if last > chain.first and tokens[last].norm in words.title_links:
                last -= 1  # "القيادي في | حركة X": the link stays with the affiliation
            end = tokens[last].end
            return start, end, view.text[start:end]
        assert chain.counterpart is not None
        # "نظيره البيلاروسي": the counterpart holds the actor's office
        start, end = tokens[chain.counterpart].start, tokens[chain.counterpart].end
        actor = sentence.actor
        title = titles_by_person.get(actor.entity.canonical, "") if actor is not None else ""
        return start, end, title or view.text[start:end]


def _inside_name(sentence: SentenceView, person: Mention) -> bool:
    return any(
        other.type in _NAME_HOSTS
        and other.first <= person.first
        and person.last <= other.last
        and (other.first, other.last) != (person.first, person.last)
        for other in sentence.mentions_from(person.first - sentence.widest, person.first + 1)
    )


def _chain_key(view: DocumentView, chain: TitleChain) -> tuple[str, str | None]:
    if chain.first is None or chain.last is None:
        return ("", None)
    title = view.text[view.tokens[chain.first].start : view.tokens[chain.last].end]
    affiliation = chain.affiliations[0].entity.canonical if chain.affiliations else None
    return (title_key(title), affiliation)


def _spokesman(view: DocumentView, chain: TitleChain) -> bool:
    """ "الناطق الإعلامي لصحة عسير"، "نائب المتحدث باسم صحة تبوك": a spokesman speaks for
    the service itself, not for its place."""
    if chain.first is None or chain.last is None:
        return False
    return any(
        strip_proclitics(view.tokens[i].norm) in _SPOKESMEN for i in range(chain.first, chain.last + 1)
    )


def _visit_from_title(
    view: DocumentView, sentence: SentenceView, person: Mention, visiting: int
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
        date=date_for(view, start, sentence, RelationType.VISIT, sentence.end),
        trigger=_span(view.text, start, end),
        evidence=_span(view.text, city.start, max(end, person.entity.end)),
        attributes={"rule": _VISIT_RULE},
        confidence=round(_VISIT_CONFIDENCE * person.entity.confidence, 3),
    )


def _set_off_office(
    grammar: TitleGrammar, view: DocumentView, sentence: SentenceView, person: Mention
) -> TitleChain | None:
    """ "مفوض الأمم المتحدة السامي X، الرئيس الدوري لمجلس حقوق الإنسان،": a second office
    of a body, set off by commas after a titled name."""
    second = grammar.after(view, sentence, person)
    if second is None or second.last is None or not second.affiliations:
        return None
    if any(m.type == EntityType.COUNTRY for m in second.affiliations):
        return None  # "استقبل ولي العهد X، وزير الخارجية الأمريكي": his guest
    after = max([second.last, *(m.last for m in second.affiliations)]) + 1
    return second if after < sentence.last and view.tokens[after].text in _COMMAS else None


def _plural_roles(
    words: FoldedLexicons,
    view: DocumentView,
    relations: dict[RoleKey, Relation],
    affiliations: dict[str, str],
) -> list[Relation]:
    """ "الرئيسين الأمريكي X والتركي Y": one ROLE per name a plural title is spread over (an
    office of its own: "وزراء المياه من السودان X" and "X وزير الري السوداني" are two titles)."""
    found: dict[tuple[str, str], Relation] = {}
    for sentence in view.sentences:
        for plural in plural_roles(words, view, sentence):
            person, affiliation = plural.person, plural.affiliation
            key = (person.entity.canonical, affiliations.get(affiliation.id, "") if affiliation else "")
            head = view.tokens[plural.first]
            conjunction = 0 if head.norm in words.plural_title_heads else 1  # "وقادة": skip the و
            start, end = head.start + surface_offset(head.text, conjunction), view.tokens[plural.last].end
            if key in found or (key[0], title_key(view.text[start:end]), key[1]) in relations:
                continue
            arguments = [Argument(role="person", entity_id=person.entity.id, text=person.entity.text)]
            spans = [person.entity]
            if affiliation is not None:
                arguments.append(
                    Argument(role="affiliation", entity_id=affiliation.id, text=affiliation.text)
                )
                if affiliation.start >= sentence.start:
                    spans.append(affiliation)
            found[key] = Relation(
                id="",
                type=RelationType.ROLE,
                arguments=arguments,
                date=None,
                trigger=_span(view.text, start, end),
                evidence=_span(
                    view.text, min(start, *(e.start for e in spans)), max(end, *(e.end for e in spans))
                ),
                attributes={"rule": ROLE_RULE, "title": view.text[start:end]},
                confidence=round(_ROLE_CONFIDENCE * person.entity.confidence, 3),
            )
    return list(found.values())


def _held_post(
    words: FoldedLexicons, grammar: TitleGrammar, view: DocumentView, sentence: SentenceView, person: Mention
) -> TitleChain | None:
    """ "X، والذي يشغل أيضا منصب مدير جامعة Y": an office a relative clause gives the person
    named before it (GUIDELINES §5: a second ROLE)."""
    index = person.last + 1
    tokens = view.tokens
    if index < sentence.last and tokens[index].text in _COMMAS:
        index += 1
    if index >= sentence.last or tokens[index].norm not in _WHO:
        return None
    index += 1
    if index >= sentence.last or tokens[index].norm not in _HOLDS:
        return None
    index += 1
    while index < sentence.last and tokens[index].norm in _ALSO:
        index += 1
    if index + 1 >= sentence.last or tokens[index].norm not in _POST:
        return None
    index += 1
    if not listed(tokens[index].norm, words.title_heads):
        return None
    chain = grammar.title_at(view, sentence, index)
    return chain if chain.first is not None else None


def _epithet(words: FoldedLexicons, view: DocumentView, mention: Mention) -> bool:
    """Whether a country is named by the epithet of its head of state ("خادم الحرمين
    الشريفين"), a person's office rather than the state's name."""
    norms = tuple(view.tokens[i].norm for i in range(mention.first, mention.last + 1))
    # (also after ل: "المستشار الخاص لخادم الحرمين الشريفين")
    return norms in words.epithets or (norms[0][:1] == "ل" and (norms[0][1:], *norms[1:]) in words.epithets)


def _names_a_place(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, person: Mention, chain: TitleChain
) -> bool:
    """ "مطار الملك خالد"، "بطريق الملك فهد"، "جسر الملك فهد": a title and name after the
    head of a place's or a facility's name name that place, not the person in office."""
    if chain.first is None:
        return False
    before = min(chain.first, person.first) - 1
    if chain.after:
        # "من جسر الملك فهد، مدير عام ...": the name is the bridge's, the title another's
        before = person.first - 2
        if before < sentence.first or not listed(view.tokens[person.first - 1].norm, words.title_heads):
            return False
    if before < sentence.first:
        return False
    inner = person.first - 2
    if not chain.after and chain.first <= inner and words.heads_facility(view.tokens[inner].norm):
        # "مدير مطار الملك خالد الدولي": the king's name is the airport's, and the title its
        # director's (someone else, or nobody named)
        return True
    norm = view.tokens[before].norm
    if before > sentence.first and (view.tokens[before - 1].norm, norm) == _BY_WAY_OF:
        return False  # "عن طريق الرئيس التركي X": by way of him
    return words.heads_facility(norm)


def _without_nisba(title: str, nisba: str | None) -> str:
    """A title compared without its affiliation's nisba: "الرئيس اليمني المخلوع" and a later
    "الرئيس المخلوع" are one office of one person."""
    if not nisba:
        return title
    words = title.split()
    return " ".join(word for word in words if word != nisba) if nisba in words else title


def _lasts(chain: TitleChain, firsts: set[int]) -> set[int]:
    """The last tokens of the chain's affiliations that start at ``firsts``."""
    return {m.last for m in chain.affiliations if m.first in firsts}


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(text=text[start:end], start=start, end=end)
