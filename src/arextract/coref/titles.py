"""The mentions the relation stage adds by coreference through titles.

* A country named inside a title by a lexicon phrase ("سفير خادم الحرمين الشريفين"،
  "مندوب المملكة الدائم"): a mention of that country (``title_countries``).
* A title with no name after it ("ولي العهد السعودي"، "وزير الخارجية"، "رئيس الجمهورية"): a
  mention of the one person of the document the ROLE relations give that title (and
  affiliation), if there is exactly one.
* An epithet of an office ("وأعرب خادم الحرمين الشريفين", ``title_epithets``): a mention of
  the one person holding that office without another country's affiliation.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Set as AbstractSet

from arextract.ner.gazetteer import surface_offset
from arextract.relations.lexicons import PATRONYMIC, FoldedLexicons, is_definite, listed, title_key
from arextract.relations.organs import organ_state, service_place
from arextract.relations.roles import ROLE_RULE
from arextract.relations.title_grammar import title_extent
from arextract.relations.view import AFFILIATION_TYPES, DocumentView, Mention, SentenceView
from arextract.schema import Document, Entity, EntitySource, EntityType, Relation, RelationType
from arextract.text.clitics import CONJUNCTIONS, PROCLITIC_LETTERS, lam_article_reading
from arextract.text.normalize import fold, fold_words

_COUNTRY_CONFIDENCE = 0.8
_REFERENCE_CONFIDENCE = 0.7  # times the person's confidence

Holders = dict[tuple[str, str | None], set[str]]  # (title key, affiliation) -> people
_ADDRESSED = "@addressed"
_BARE = "@bare"  # the people a ROLE gives the title with no affiliation at all
# One office, three names in Arabic news (title keys: folded, without the article)
_PREMIER_NAMES = tuple(title_key(name) for name in ("رئيس الوزراء", "رئيس مجلس الوزراء", "رئيس الحكومة"))
_PREMIER = {
    name: tuple(other for other in _PREMIER_NAMES if other != name) for name in _PREMIER_NAMES
}  # the "affiliation" under which a form of address keeps its people


class TitleCountries:
    """Countries named inside titles by a phrase of the lexicon (``title_countries``)."""

    def __init__(self, words: FoldedLexicons) -> None:
        self._words = words

    def mentions(self, doc: Document) -> list[Entity]:
        """ "سفير خادم الحرمين الشريفين"، "مندوب المملكة الدائم": a country named inside a title
        by a phrase of the lexicon becomes a mention of that country."""
        phrases = self._words.title_countries
        if not phrases:
            return []
        by_name = {e.canonical: e for e in doc.entities if e.type == EntityType.COUNTRY}
        tokens = doc.tokens
        taken = {(e.start, e.end) for e in doc.entities}
        found: list[Entity] = []
        firsts = {phrase[0] for phrase in phrases}
        for index in range(1, len(tokens)):
            norm = tokens[index].norm
            if norm not in firsts and norm[1:] not in firsts:
                continue  # (the common case, before the reading with ل)
            first, skip = _title_country_word(norm, firsts)
            if first is None or not listed(tokens[index - 1].norm, self._words.titles):
                continue
            for phrase, name in phrases.items():
                last = index + len(phrase) - 1
                if last >= len(tokens) or (first, *(t.norm for t in tokens[index + 1 : last + 1])) != phrase:
                    continue
                start, end = tokens[index].start + surface_offset(tokens[index].text, skip), tokens[last].end
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
                        confidence=_COUNTRY_CONFIDENCE,
                        source=EntitySource.RULE,
                    )
                )
                break
        return found


def _title_country_word(norm: str, firsts: AbstractSet[str]) -> tuple[str | None, int]:
    """The first word of a country's phrase at a token, and the letters of a ل before it: "سفير
    خادم الحرمين الشريفين"، "المستشار الخاص لخادم الحرمين الشريفين" (the king's adviser, an
    office of the state, GUIDELINES §5)."""
    if norm in firsts:
        return norm, 0
    if norm[:1] == "ل" and norm[1:] in firsts:
        return norm[1:], 1
    return None, 0


def untitled_names(doc: Document, words: FoldedLexicons) -> list[Entity] | None:
    """ "الملك سلمان"، "الرئيس بشار الأسد": a person's mention that opens with a definite
    office is the name after it (GUIDELINES §5: people are named without honorifics); the title
    before it gives the ROLE as any title before a name does. "عبدالعزيز بن طالب الملحق": a
    mention that runs on into the office after the name ends before it. None when no mention
    changes."""
    # (offices only: a form of address inside the name, "الأمير محمد", is read by the title grammar)
    prefixes = {w for w in words.title_heads if w.startswith("ال")} - words.honorifics
    changed = False
    out: list[Entity] = []
    starts = [token.start for token in doc.tokens]
    others = {(e.end) for e in doc.entities if e.type != EntityType.PERSON}
    for entity in doc.entities:
        if entity.type == EntityType.PERSON and entity.source != EntitySource.COREF:
            trimmed = _without_trailing_title(entity, prefixes, doc.text)
            before = bisect_left(starts, trimmed.start) - 1
            previous = doc.tokens[before] if before >= 0 else None
            offset = _title_prefix(trimmed.text, prefixes)
            if offset and not (
                previous is not None and (previous.end in others or words.in_title(previous.norm))
            ):
                # (but "العاهل الأردني الملك عبد الله الثاني": the title before is read with it)
                trimmed = trimmed.model_copy(
                    update={"text": trimmed.text[offset:], "start": trimmed.start + offset}
                )
            changed = changed or trimmed is not entity
            entity = trimmed
        out.append(entity)
    return _with_surfaces(out) if changed else None


def _with_surfaces(entities: list[Entity]) -> list[Entity]:
    """Each mention's aliases list its entity's surface forms in the document, so a name the
    trimming made ("سلمان" of "الملك سلمان") joins them, next to the form it was cut from."""
    surfaces: dict[tuple[EntityType, str, str | None], list[str]] = {}
    for entity in entities:
        if entity.source != EntitySource.COREF:
            surfaces.setdefault((entity.type, entity.canonical, entity.kb_id), []).append(entity.text)
    out = []
    for entity in entities:
        aliases = list(entity.aliases)
        for text in surfaces.get((entity.type, entity.canonical, entity.kb_id), []):
            if text not in aliases:
                cut_from = next((i for i, alias in enumerate(aliases) if alias.endswith(" " + text)), None)
                aliases.insert(len(aliases) if cut_from is None else cut_from + 1, text)
        out.append(entity if aliases == entity.aliases else entity.model_copy(update={"aliases": aliases}))
    return out


# Words after which a title word is part of the name: "عبد الملك"، "عبد الأمير"، "آل الشيخ".
_NAME_LINKS = fold_words(("عبد", "آل", "أبو", "ابو", "بن", "ابن", "بنت"))


def _without_trailing_title(entity: Entity, offices: AbstractSet[str], text: str) -> Entity:
    """The mention without an office word it ran on into ("... بن طالب الملحق الثقافي")."""
    words = entity.text.split()
    if len(words) < 3 or fold(words[-1]) not in offices or fold(words[-2]) in _NAME_LINKS:
        return entity
    if _family_name(words, text[entity.end :]):
        return entity
    cut = entity.text.rstrip()[: -len(words[-1])].rstrip()
    update: dict[str, object] = {"text": cut, "end": entity.start + len(cut)}
    canonical = entity.canonical.split()
    if canonical and fold(canonical[-1]) == fold(words[-1]):
        update["canonical"] = " ".join(canonical[:-1])
    return entity.model_copy(update=update)


# What ends a name where an office running on from it would go on (its complement would follow)
_CLAUSE_ENDS = frozenset('،,.؛;:»"()\n')


def _family_name(words: list[str], after: str) -> bool:
    """ "العقيد عمر بن عبدالهادي السلطان،": a title word closing a nasab chain (X بن Y) with
    nothing of an office after it is the family name (السلطان، الأمير، الوزير are Gulf family
    names); an office that ran on into the name goes on: "عبدالعزيز بن طالب الملحق الثقافي"."""
    if not any(fold(word) in PATRONYMIC for word in words[1:-2]):
        return False
    rest = after.lstrip(" ")
    return not rest or rest[0] in _CLAUSE_ENDS


def _title_prefix(text: str, prefixes: AbstractSet[str]) -> int:
    """How many characters of a name's text its opening titles take ("الملك " in "الملك
    سلمان", also after a clitic: "لملك محمد السادس"), leaving at least one word."""
    offset = 0
    while True:
        rest = text[offset:]
        parts = rest.split(maxsplit=1)
        if len(parts) < 2:
            return offset
        word = fold(parts[0])
        if not (
            word in prefixes
            # a one-letter proclitic; ل before the article drops its alef (للرئيس = ل + الرئيس)
            or (word[:1] in PROCLITIC_LETTERS and word[:1] != "ل" and word[1:] in prefixes)
            or (word[:1] == "ل" and "ال" + word[1:] in prefixes)
        ):
            return offset
        offset += len(rest) - len(parts[1])


class BodyReferences:
    """Bodies referred to by their head noun alone (``body_heads``)."""

    def __init__(self, words: FoldedLexicons) -> None:
        self._words = words

    def mentions(self, view: DocumentView) -> list[Entity]:
        """ "واستنكر المجلس"، "وأوضحت الوزارة": a bare definite head, with no name after it
        and not inside a title ("رئيس المجلس"), is the one organisation named before it in the
        document whose name opens with that head ("مجلس الوزراء البحريني")."""
        heads = self._words.body_heads
        if not heads:
            return []
        named: dict[str, dict[str, Entity]] = {}  # head -> canonical -> first mention
        found: list[Entity] = []
        for sentence in view.sentences:
            org_starts = {m.first for m in sentence.mentions if m.type == EntityType.ORGANIZATION}
            for index in range(sentence.first, sentence.last):
                norm = view.tokens[index].norm
                if index not in org_starts and not (
                    norm in heads
                    or (norm[:1] in CONJUNCTIONS and norm[1:] in heads)
                    or lam_article_reading(norm) in heads
                ):
                    continue  # neither a name to remember nor a bare head: nothing to do here
                covering = view.mention_covering(sentence, index)
                if covering is not None:
                    if covering.type == EntityType.ORGANIZATION and covering.first == index:
                        # by the head written or the known name's (طالبان is حركة طالبان: الحركة)
                        for name in (covering.entity.text, covering.entity.canonical):
                            head = "ال" + fold(name).split()[0].removeprefix("ال")
                            named.setdefault(head, {}).setdefault(covering.entity.canonical, covering.entity)
                    continue
                head, skip = self._head_at(view, sentence, index)
                bodies = named.get(head, {}) if head else {}
                if len(bodies) == 1:
                    token = view.tokens[index]
                    start = token.start + surface_offset(token.text, skip)
                    found.append(_reference(next(iter(bodies.values())), view.text, start, token.end))
        return found

    def _head_at(self, view: DocumentView, sentence: SentenceView, index: int) -> tuple[str, int]:
        """The body head at ``index`` (with و/ف before it: how many letters), or ""."""
        words = self._words
        norm = view.tokens[index].norm
        skip = 1 if norm[:1] in CONJUNCTIONS and norm[1:] in words.body_heads else 0
        titled = index > sentence.first and listed(view.tokens[index - 1].norm, words.titles)
        if titled and lam_article_reading(norm) in words.body_heads:
            norm, skip = "لال" + norm[2:], 1  # "الأمين العام للهيئة": the title's body, after ل
        if norm[skip:] not in words.body_heads:
            return "", 0
        if titled and view.tokens[index - 1].norm in words.honorifics:
            return "", 0  # "السفير" and the like are forms of address
        if index + 1 < sentence.last:
            following = view.tokens[index + 1].norm
            named = view.mention_covering(sentence, index + 1)
            if titled and (
                (named is not None and named.type == EntityType.PERSON)
                or (named is None and (words.in_title(following) or following in words.honorifics))
            ):
                return norm[skip:], skip  # "رئيس المجلس (الدكتور) X": the holder's name follows
            joined = following[:1] == "و" and not titled  # "بين الهيئة والجامعة": two bodies
            if not joined and (is_definite(following) or named is not None):
                return "", 0  # "المجلس الأعلى"، "الهيئة السعودية": a name of its own
        return norm[skip:], skip


class TitleReferences:
    """People referred to by their office alone: a bare title or an epithet of the office."""

    def __init__(self, words: FoldedLexicons, countries: dict[str, str] | None = None) -> None:
        self._words = words
        self._countries = countries or {}  # person -> country, from the knowledge files

    def mentions(self, view: DocumentView, roles: list[Relation]) -> list[Entity]:
        """ "ولي العهد السعودي", "وزير الخارجية", "رئيس الجمهورية" with no name after them:
        the one person of the document holding that title (and affiliation), if unique."""
        holders, people = _title_holders(view, roles, self._words.title_heads)
        _addressed(self._words, view, holders, people)
        if not holders:
            return []
        found: list[Entity] = self._epithet_mentions(view, roles, people)
        own = _role_spans(view, roles)
        for sentence in view.sentences:
            index = sentence.first
            while index < sentence.last:
                token = view.tokens[index]
                if token.norm in self._words.official_references and (
                    official := self._official_at(view, sentence, index, holders, people)
                ):
                    found.append(official)
                    index += 2
                    continue
                if (
                    token.norm not in self._words.title_heads
                    or view.mention_covering(sentence, index) is not None
                ):
                    index += 1
                    continue
                reference, last = self._reference_at(view, sentence, index, holders, people)
                # (not a later office of a chained title inside its holder's own ROLE: "X وزير
                # المياه رئيس مجلس إدارة المؤسسة" is one title, not a second mention of X)
                if reference is not None and not any(
                    start < reference.start < end for start, end in own.get(reference.canonical, ())
                ):
                    found.append(reference)
                index = last + 1
        return found

    def _reference_at(
        self,
        view: DocumentView,
        sentence: SentenceView,
        index: int,
        holders: Holders,
        people: dict[str, Entity],
    ) -> tuple[Entity | None, int]:
        """The person a title starting at ``index`` refers to, and the title's last token."""
        token = view.tokens[index]
        last, affiliation = title_extent(self._words, view, sentence, index)
        after = self._past_title(view, sentence, index, last)
        following = view.mention_covering(sentence, after) if after < sentence.last else None
        if following is not None and following.type == EntityType.PERSON and not _governed(view, following):
            return None, last  # a title before a name is a ROLE, not a reference
        names, last = self._holders_of(view, index, last, affiliation, holders)
        apposed = index - 1 - (index - 1 > sentence.first and view.tokens[index - 1].text in {"،", ","})
        previous = (  # (also past a comma: "السفير X، الأمين العام المساعد للجامعة،")
            view.mention_covering(sentence, apposed, (EntityType.PERSON,))
            if apposed >= sentence.first
            else None
        )
        actor = sentence.actor
        if len(names) > 1 and actor is not None and actor.entity.canonical in names and actor.first < index:
            names = {actor.entity.canonical}  # "كما شدد وزير الخارجية": the one followed
        if len(names) == 1 and (previous is None or previous.entity.canonical not in names):
            # (a title right after its own holder's name is an apposition, not a reference)
            person = people[next(iter(names))]
            end = view.tokens[last].end if affiliation is None else affiliation.entity.end
            return _reference(person, view.text, token.start, end), last
        return None, last

    def _official_at(
        self,
        view: DocumentView,
        sentence: SentenceView,
        index: int,
        holders: Holders,
        people: dict[str, Entity],
    ) -> Entity | None:
        """ "وأكد المسؤول الإماراتي": the one person of the document whose title the story gave
        with that country (or whom the knowledge files give it), if there is exactly one."""
        nisba = view.mention_covering(sentence, index + 1) if index + 1 < sentence.last else None
        if nisba is None or not nisba.is_nisba or nisba.first != index + 1:
            return None
        country = nisba.entity.canonical
        names = {n for (_, affiliation), held in holders.items() if affiliation == country for n in held}
        names |= {n for n in people if self._countries.get(n) == country}
        if len(names) != 1:
            return None
        return _reference(people[next(iter(names))], view.text, view.tokens[index].start, nisba.entity.end)

    def _past_title(self, view: DocumentView, sentence: SentenceView, index: int, last: int) -> int:
        """The first token after a title, its commas and its affiliations: "وزير الشؤون
        الخارجية، أحمد عطاف"، "ولي ولي العهد وزير الدفاع الأمير X"."""
        words = self._words
        token = view.tokens[index]
        after = last + 1
        while (
            after < min(sentence.last, last + 12)
            and view.mention_covering(sentence, after, (EntityType.PERSON,)) is None
            and not (
                after == index + 1
                and token.norm.startswith("ال")
                and view.tokens[after].norm[:1] == "و"
                and view.tokens[after].norm[1:] in words.title_heads
            )
            and (
                view.tokens[after].text in {"،", ","}
                or view.mention_covering(sentence, after, AFFILIATION_TYPES) is not None
                or words.in_title(view.tokens[after].norm)
            )
        ):
            after += 1
        return after

    def _holders_of(
        self, view: DocumentView, index: int, last: int, affiliation: Mention | None, holders: Holders
    ) -> tuple[set[str], int]:
        """Who holds the title starting at ``index``, and its last token as read."""
        token = view.tokens[index]
        if affiliation is not None:
            canon = affiliation.entity.canonical
            # (without the ل the affiliation's token opens with: "الناطق الإعلامي لجوازات X")
            title = title_key(view.text[token.start : affiliation.entity.start]).removesuffix(" ل")
            names = holders.get((title, canon), set()) or holders.get(
                (title_key(view.text[token.start : affiliation.entity.end]), None), set()
            )  # "نائب خادم الحرمين الشريفين": the country is inside the held title
            if not names:
                # "الرئيس هولاند ... الرئيس الفرنسي": the holder of the bare title whose country
                # the knowledge files give
                names = {n for n in holders.get((title, None), set()) if self._countries.get(n) == canon}
            if not names and affiliation.is_nisba:
                names = _of_body_named_by(holders, title, affiliation.entity.text)
            state = organ_state(view.sentence_of(index), affiliation) if not names else None
            if state is not None:
                # "المتحدث باسم الخارجية الأمريكية" again: the title held with the organ's state
                names = holders.get((title, state.entity.canonical), set())
            place = (
                service_place(self._words, view, view.sentence_of(index), affiliation) if not names else None
            )
            if place is not None:
                # "مدير تعليم جازان" again: the title held with the service's place
                names = holders.get((title, place.entity.canonical), set())
            return names, last
        # the longest reading of the title that someone holds ("وزير الحج أهمية")
        names = set()
        for end_index in range(last, index - 1, -1):
            title = title_key(view.text[token.start : view.tokens[end_index].end])
            names = holders.get((title, None), set())
            if len(names) > 1 and len(bare := names & holders.get((title, _BARE), set())) == 1:
                # "وزير الخارجية X ... مع وزير خارجية مصر Y ... وشدد وزير الخارجية": the
                # minister the story gives no other country, not the one it names as Egypt's
                names = bare
            if names:
                return names, end_index
            complement = view.tokens[end_index].norm
            if end_index > index and listed(complement, self._words.titles) and is_definite(complement):
                break  # "رئيس الحكومة" is not "رئيس لجنة ...": a definite listed complement stays
        if token.norm in self._words.honorifics:
            # "وأكد السفير": the one person the story named after "السفير"
            return holders.get((token.norm, _ADDRESSED), set()), index
        if token.norm.startswith("ال"):
            return holders.get(("ال" + token.norm.removeprefix("ال"), None), set()), index
        return names, last

    def _epithet_mentions(
        self, view: DocumentView, roles: list[Relation], people: dict[str, Entity]
    ) -> list[Entity]:
        """ "وأعرب خادم الحرمين الشريفين عن ...": an epithet of an office (``title_epithets``)
        with no name after it is the one person holding that office without another country's
        affiliation (the king of the story, not the Moroccan king he congratulates)."""
        epithets = self._words.epithets
        if not epithets:
            return []
        holders = self._epithet_holders(view, roles)
        found: list[Entity] = []
        firsts = {phrase[0] for phrase in epithets}
        for sentence in view.sentences:
            for index in range(sentence.first, sentence.last):
                first = view.tokens[index]
                if first.norm not in firsts and first.norm[1:] not in firsts:
                    continue
                for phrase, title in epithets.items():
                    names = holders.get(title, set())
                    if len(names) == 1 and self._epithet_at(view, sentence, index, phrase):
                        person = people[next(iter(names))]
                        start = first.start + surface_offset(first.text, 0 if first.norm == phrase[0] else 1)
                        end = view.tokens[index + len(phrase) - 1].end
                        found.append(_reference(person, view.text, start, end))
        return found

    def _epithet_holders(self, view: DocumentView, roles: list[Relation]) -> dict[str, set[str]]:
        """title key -> the people holding it with no affiliation, or that of a title country."""
        entities = {e.id: e for e in view.doc.entities}
        countries = self._words.title_countries.values()
        holders: dict[str, set[str]] = {}
        for role in roles:
            if role.type != RelationType.ROLE or role.attributes.get("rule") != ROLE_RULE:
                continue
            args = {a.role: entities[a.entity_id] for a in role.arguments}
            affiliation = args.get("affiliation")
            if affiliation is not None and affiliation.canonical not in countries:
                continue
            holders.setdefault(title_key(str(role.attributes["title"])), set()).add(args["person"].canonical)
        return holders

    def _epithet_at(
        self, view: DocumentView, sentence: SentenceView, index: int, phrase: tuple[str, ...]
    ) -> bool:
        """Whether the epithet ``phrase`` (with or without و/ف) starts at ``index``, unnamed and
        not followed by a name ("خادم الحرمين الشريفين الملك سلمان": the name follows)."""
        words = self._words
        first = view.tokens[index].norm
        last = index + len(phrase) - 1
        if last >= sentence.last or not (
            first == phrase[0] or (first[:1] in CONJUNCTIONS and first[1:] == phrase[0])
        ):
            return False
        if tuple(t.norm for t in view.tokens[index + 1 : last + 1]) != phrase[1:]:
            return False
        if any(view.mention_covering(sentence, i) is not None for i in range(index, last + 1)):
            return False
        after = last + 1
        while after < sentence.last and (words.in_title(view.tokens[after].norm)):
            after += 1
        return not (after < sentence.last and view.mention_covering(sentence, after, (EntityType.PERSON,)))


def _title_holders(
    view: DocumentView, roles: list[Relation], heads: AbstractSet[str]
) -> tuple[Holders, dict[str, Entity]]:
    """(title key, affiliation) -> the people the ROLE relations give it to, also for the first
    words of a combined title, for its last office and for the bare head ("الوزير"); and the
    people by name."""
    entities = {e.id: e for e in view.doc.entities}
    holders: Holders = {}
    people: dict[str, Entity] = {}
    for role in roles:
        if role.type != RelationType.ROLE or role.attributes.get("rule") != ROLE_RULE:
            continue
        args = {a.role: entities[a.entity_id] for a in role.arguments}
        person = args["person"]
        affiliation_name = args["affiliation"].canonical if "affiliation" in args else None
        title = title_key(str(role.attributes["title"]))
        people[person.canonical] = person
        words = title.split()
        # a reference may give the first words of a combined title: "ولي ولي العهد" for
        # "ولي ولي العهد وزير الدفاع"
        for size in range(min(2, len(words)), len(words) + 1):
            prefix = " ".join(words[:size])
            for key in {(prefix, affiliation_name), (prefix, None), (prefix, affiliation_name or _BARE)}:
                holders.setdefault(key, set()).add(person.canonical)
        # "مستشار خادم الحرمين الشريفين أمير منطقة الجوف" ... "سمو أمير منطقة الجوف": the last
        # office of a chained title (the one its affiliation completes) refers to its holder too
        last_office = next((j for j in range(len(words) - 1, 0, -1) if words[j] in heads), None)
        if last_office is not None:
            office = " ".join(words[last_office:])
            # (never as the bare title of the story: "نائب رئيس الوزراء وزير الخارجية X" does
            # not make X the one "وزير الخارجية" another country's minister could be)
            for key in {(office, affiliation_name), (office, None)}:
                holders.setdefault(key, set()).add(person.canonical)
        for variant in _PREMIER.get(title, ()):
            # "رئيس الحكومة" for the one the story made "رئيس الوزراء"
            for key in {(variant, affiliation_name), (variant, None)}:
                holders.setdefault(key, set()).add(person.canonical)
        if words:
            # "الوزير" alone: the one minister of the story
            holders.setdefault(("ال" + words[0], None), set()).add(person.canonical)
            if affiliation_name is not None:
                # "الوزير الأمريكي": the one American minister of the story
                holders.setdefault((words[0], affiliation_name), set()).add(person.canonical)
    return holders, people


def _of_body_named_by(holders: Holders, title: str, nisba: str) -> set[str]:
    """ "علاء يوسف المتحدث باسم الرئاسة المصرية" ... "وبحسب المتحدث المصري": the holders of
    the title at a body whose name carries the same nisba (المصري، المصرية)."""
    stem = fold(nisba).removeprefix("ال").removesuffix("ه")
    names: set[str] = set()
    for (held, body), people in holders.items():
        if (
            held == title
            and body is not None
            and not body.startswith("@")
            and any(fold(word).removeprefix("ال").removesuffix("ه") == stem for word in body.split()[1:])
        ):
            names |= people
    return names


def _role_spans(view: DocumentView, roles: list[Relation]) -> dict[str, list[tuple[int, int]]]:
    """Person -> the spans of the ROLE relations that give them a title."""
    entities = {e.id: e for e in view.doc.entities}
    spans: dict[str, list[tuple[int, int]]] = {}
    for role in roles:
        if role.type != RelationType.ROLE:
            continue
        for arg in role.arguments:
            if arg.role == "person" and arg.entity_id in entities:
                spans.setdefault(entities[arg.entity_id].canonical, []).append(
                    (role.evidence.start, role.evidence.end)
                )
    return spans


def _addressed(
    words: FoldedLexicons, view: DocumentView, holders: Holders, people: dict[str, Entity]
) -> None:
    """Add to ``holders`` the people named right after a definite form of address ("السفير X"،
    "الأمير X"), under (that word, ``_ADDRESSED``)."""
    for sentence in view.sentences:
        for mention in sentence.mentions:
            if mention.type != EntityType.PERSON or mention.entity.source == EntitySource.COREF:
                continue
            if mention.first <= sentence.first:
                continue
            norm = view.tokens[mention.first - 1].norm
            norm = norm[1:] if norm[:1] in CONJUNCTIONS and norm[1:] in words.honorifics else norm
            if norm in words.honorifics and norm.startswith("ال"):
                holders.setdefault((norm, _ADDRESSED), set()).add(mention.entity.canonical)
                people.setdefault(mention.entity.canonical, mention.entity)


def _reference(person: Entity, text: str, start: int, end: int) -> Entity:
    """A mention of ``person`` by coreference over ``text[start:end]``."""
    return person.model_copy(
        update={
            "id": "",
            "text": text[start:end],
            "start": start,
            "end": end,
            "source": EntitySource.COREF,
            "confidence": round(_REFERENCE_CONFIDENCE * person.confidence, 3),
        }
    )


def _governed(view: DocumentView, mention: Mention) -> bool:
    """Whether a preposition written on the mention's first word governs it ("جمع وزير الخارجية
    بنظيره الروسي"، "لنظيره X"): the name of someone else, not the title's holder."""
    token = view.tokens[mention.first]
    return mention.entity.start > token.start and token.norm[:1] in {"ب", "ل"}
