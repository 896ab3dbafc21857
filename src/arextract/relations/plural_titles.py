"""Plural and dual titles over coordinated names: one office per name, with its own affiliation.

"الرئيسين الأمريكي X والتركي Y" (a nisba before each name), "وزراء المياه من مصر الدكتور X ومن
السودان المهندس Y" (من + a country before each name) and "قائدين عسكريين هما X وY" (the names
after هما/هم, the title's own nisba for all) give one ROLE per name (GUIDELINES §5, dev8/dev9).
"""

from __future__ import annotations

from dataclasses import dataclass

from arextract.relations.lexicons import FoldedLexicons, listed
from arextract.relations.view import AFFILIATION_TYPES, DocumentView, Mention, SentenceView
from arextract.schema import Entity, EntitySource, EntityType
from arextract.text.normalize import fold

_PLURAL_NISBA = (fold("يين"), fold("يون"))
_FROM = frozenset(fold(word) for word in ("من", "ومن"))
_THEY = frozenset(fold(word) for word in ("هما", "هم", "وهما", "وهم", "هن"))
_AND = fold("و")
_COMMAS = frozenset({"،", ","})
_COMPLEMENT_SPAN = 6  # words of the plural title's complement ("مياه الدول الثلاث")
_ADDRESS_SPAN = 2  # forms of address between an item's affiliation and its name (الدكتور)


@dataclass
class PluralRole:
    person: Mention
    affiliation: Entity | None
    first: int  # token indices of the plural title
    last: int


def plural_roles(words: FoldedLexicons, view: DocumentView, sentence: SentenceView) -> list[PluralRole]:
    """The names a plural or dual title of the sentence is spread over, each with its affiliation."""
    found: list[PluralRole] = []
    tokens = view.tokens
    heads = words.plural_title_heads
    for head in range(sentence.first, sentence.last):
        norm = tokens[head].norm
        if norm not in heads and norm[1:] not in heads:
            continue  # (the common case, before the reading with و)
        if not listed(norm, heads) or (head > sentence.first and listed(tokens[head - 1].norm, words.titles)):
            continue  # ("رئيس وزراء X": one office, in construct)
        last, nisba = head, None
        index = head + 1
        while index < sentence.last and index - head <= _COMPLEMENT_SPAN:
            norm = tokens[index].norm
            mention = view.mention_covering(sentence, index)
            if norm in _FROM or norm in _THEY or mention is not None or not tokens[index].text.isalpha():
                break
            if norm.endswith(_PLURAL_NISBA) and nisba is None:
                nisba = _group_named(view, norm)  # "قائدين حوثيين": the group named الحوثيين
            last = index
            index += 1
        mention = view.mention_covering(sentence, index, AFFILIATION_TYPES)
        if mention is not None and mention.is_nisba and tokens[index].norm[:1] != _AND:
            # "قائدين يمنيين هما": a nisba shared by all; "الرئيسين الأمريكي X": the first item's
            after = mention.last + 1
            if after < sentence.last and tokens[after].norm in _THEY:
                nisba, index = mention.entity, after
        they = index < sentence.last and tokens[index].norm in _THEY
        items = _items(words, view, sentence, index + 1 if they else index, nisba if they else None, they)
        if len(items) >= 2:
            found.extend(PluralRole(person, affiliation, head, last) for person, affiliation in items)
    return found


def _items(
    words: FoldedLexicons,
    view: DocumentView,
    sentence: SentenceView,
    index: int,
    shared: Entity | None,
    they: bool,
) -> list[tuple[Mention, Entity | None]]:
    """The coordinated items from ``index``: "[و]من COUNTRY [الدكتور] X", "[و]NISBA X" or, after
    هما, bare names joined by و or commas (with the shared nisba)."""
    tokens = view.tokens
    items: list[tuple[Mention, Entity | None]] = []
    joined = False  # a و written apart before this item
    while index < sentence.last:
        norm = tokens[index].norm
        affiliation = shared
        if not they and norm in _FROM:
            body = view.mention_covering(sentence, index + 1, AFFILIATION_TYPES)
            if body is None or body.first != index + 1 or body.is_nisba:
                break
            affiliation, index = body.entity, body.last + 1
        elif not they:
            body = view.mention_covering(sentence, index, AFFILIATION_TYPES)
            if body is None or not body.is_nisba or body.first != index:
                break
            if (joined or norm[:1] == _AND) != bool(items):
                break  # the first item has no و, each next one has
            affiliation, index = body.entity, body.last + 1
        person = _name_at(words, view, sentence, index)
        if person is None:
            break
        items.append((person, affiliation))
        index = person.last + 1
        if index < sentence.last and tokens[index].text in _COMMAS:
            index += 1
        if index >= sentence.last or tokens[index].norm[:1] != _AND:
            break
        joined = tokens[index].norm == _AND
        index += 1 if joined else 0
    return items


def _name_at(words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int) -> Mention | None:
    """The person named at ``index``, past a form of address or two (الدكتور، المهندس)."""
    tokens = view.tokens
    for at in range(index, min(index + _ADDRESS_SPAN + 1, sentence.last)):
        person = view.mention_covering(sentence, at, (EntityType.PERSON,))
        if person is not None:
            if person.entity.source == EntitySource.COREF or person.first < index:
                return None
            return person
        norm = tokens[at].norm
        if not (listed(norm, words.title_modifiers) or listed(norm, words.honorifics)):
            return None
    return None


def _group_named(view: DocumentView, norm: str) -> Entity | None:
    """The organisation the story names by a plural nisba with the article ("حوثيين" ->
    "الحوثيين"، "الحوثيون"), if any."""
    stem = norm[1:] if norm[:1] == _AND else norm
    forms = {fold("ال") + stem, fold("ال") + stem[:-2] + fold("ون"), fold("ال") + stem[:-2] + fold("ين")}
    return next(
        (e for e in view.doc.entities if e.type == EntityType.ORGANIZATION and fold(e.text) in forms),
        None,
    )
