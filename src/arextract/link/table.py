"""The entity table across documents: one row per real-world entity (entities.csv, the
SQLite ``entities`` table), built document by document by :class:`EntityTable`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from arextract.link.names import PERSON_THRESHOLD, PersonNameIndex, name_similarity, name_tokens
from arextract.schema import Document, Entity, EntitySource, EntityType
from arextract.text.normalize import fold, fullest_spelling


@dataclass
class EntityRow:
    """One real-world entity across documents (a row of entities.csv)."""

    canonical: str
    type: EntityType
    subtype: str | None
    kb_id: str | None
    aliases: list[str]  # sorted surface forms (coreference phrases excluded)
    mentions: int
    documents: int
    name_en: str | None = None  # from the knowledge files, never guessed


def entity_table(docs: Iterable[Document]) -> list[EntityRow]:
    """One row per real-world entity of ``docs`` (linked documents); see :class:`EntityTable`."""
    table = EntityTable()
    for doc in docs:
        table.add(doc)
    return table.rows()


# Surface forms an entity row keeps (entities.csv's aliases, and what later person names are
# compared with): the first MAX_ALIASES distinct ones. A name seen across a large batch in
# hundreds of spellings and clitic forms (وشي، لشي، بشي...) would otherwise grow without bound.
MAX_ALIASES = 50


class EntityTable:
    """Entity rows accumulated document by document, so a batch never holds its documents.

    Entities are keyed on (type, kb_id) when they have a kb_id, else on (type, folded canonical),
    the row named by the fullest spelling (:func:`fullest_spelling`, the first seen among equals);
    person rows without a kb_id also merge with a person row whose canonical or aliases reach
    ``PERSON_THRESHOLD`` in :func:`name_similarity`; an event merges with the first event row
    whose name starts with its words, or whose words it starts with (:meth:`_same_event`).

    Cost: a new person is compared only with the rows :class:`PersonNameIndex` returns (those
    sharing its rarest name tokens, up to spelling), an event only with the rows sharing its
    first two words, so adding a document is O(its entities x the rows alike), not O(all rows):
    near-linear in the batch, where comparing with every earlier person made 2,000 short
    documents with three new names each take minutes. The merges are the ones a comparison with
    every row gives (the index returns every row that could reach the threshold, compared in
    creation order). Memory: per row, at most ``MAX_ALIASES`` aliases, a subtype counter and the
    number of the last document seen (a row counts a document once), not the set of documents.
    """

    def __init__(self) -> None:
        self._rows: dict[tuple[str, str], EntityRow] = {}
        self._order: dict[tuple[str, str], int] = {}  # row -> creation number
        self._last_document: dict[tuple[str, str], int] = {}
        self._aliases: dict[tuple[str, str], set[str]] = {}
        self._subtypes: dict[tuple[str, str], Counter[str]] = {}
        self._person_index: PersonNameIndex[tuple[str, str]] = PersonNameIndex()
        self._events: dict[tuple[str, ...], list[tuple[str, str]]] = {}  # first two words -> rows
        self._documents = 0

    def add(self, doc: Document) -> dict[str, tuple[str, str]]:
        """Add a linked document's entities; returns each entity id's row key."""
        number = self._documents
        self._documents += 1
        rows = self._rows
        keys: dict[str, tuple[str, str]] = {}
        for entity in doc.entities:
            if entity.kb_id:
                key = (entity.type.value, "kb:" + entity.kb_id)
            else:
                # folded: one entity written أحمد لنجاوي in one document, احمد لنجاوي in another
                key = (entity.type.value, "name:" + fold(entity.canonical))
            if key not in rows and entity.type is EntityType.PERSON:
                key = self._similar_person_row(key, entity)
            if key not in rows and entity.type is EntityType.EVENT:
                key = self._same_event(key, entity)
            if key not in rows:
                rows[key] = EntityRow(entity.canonical, entity.type, None, entity.kb_id, [], 0, 0)
                self._order[key] = len(self._order)
                self._aliases[key] = set()
                self._subtypes[key] = Counter()
                self._index_name(key, entity.type, entity.canonical)
            row = rows[key]
            row.mentions += 1
            if self._last_document.get(key) != number:
                self._last_document[key] = number
                row.documents += 1
            aliases = self._aliases[key]
            if (
                entity.source != EntitySource.COREF
                and entity.text not in aliases
                and len(aliases) < MAX_ALIASES
            ):
                aliases.add(entity.text)
                if entity.type is EntityType.PERSON and len(name_tokens(entity.text)) >= 2:
                    self._person_index.add(key, entity.text)
            if entity.subtype and entity.subtype != "nisba" and entity.source != EntitySource.COREF:
                self._subtypes[key][entity.subtype] += 1
            if row.kb_id is None and entity.kb_id:
                row.kb_id, row.canonical = entity.kb_id, entity.canonical
                self._index_name(key, entity.type, entity.canonical)
            elif row.kb_id is None and fold(row.canonical) == fold(entity.canonical):
                # a row named as its first document wrote it takes a fuller spelling seen later
                row.canonical = fullest_spelling((row.canonical, entity.canonical))
            if row.name_en is None and entity.name_en:  # people have English names but no kb_id
                row.name_en = entity.name_en
            keys[entity.id] = key
        return keys

    def __len__(self) -> int:
        return len(self._rows)

    def _index_name(self, key: tuple[str, str], entity_type: EntityType, canonical: str) -> None:
        """Index a row's (new) canonical name; an old one stays indexed, which only adds a
        candidate that the comparison then rejects."""
        if entity_type is EntityType.PERSON:
            self._person_index.add(key, canonical)
        elif entity_type is EntityType.EVENT:
            words = tuple(fold(canonical).split()[:2])
            if len(words) == 2:
                self._events.setdefault(words, []).append(key)

    def _similar_person_row(self, key: tuple[str, str], entity: Entity) -> tuple[str, str]:
        """The earliest person row most similar to ``entity`` at ``PERSON_THRESHOLD`` or above
        (its canonical, or an alias of two tokens or more), else ``key``."""
        if len(name_tokens(entity.canonical)) < 2:
            return key
        best, best_score = key, 0.0
        for other in sorted(self._person_index.candidates(entity.canonical), key=self._order.__getitem__):
            row = self._rows[other]
            if entity.kb_id and row.kb_id and entity.kb_id != row.kb_id:
                continue
            aliases = self._aliases[other]
            names = [row.canonical, *(a for a in aliases if len(name_tokens(a)) >= 2)]
            score = max(name_similarity(entity.canonical, name) for name in names)
            if score > best_score:
                best, best_score = other, score
        return best if best_score >= PERSON_THRESHOLD else key

    def _same_event(self, key: tuple[str, str], entity: Entity) -> tuple[str, str]:
        """One event named more or less fully: "القمة الافتراضية" and "القمة الافتراضية
        بمناسبة الذكرى الـ30...", or with and without "الخمس", are one row (word prefixes).

        Two names that agree on a prefix of two words or more agree on their first two words,
        so only the rows filed under those are compared, in creation order."""
        words = fold(entity.canonical).split()
        if len(words) < 2:
            return key
        for other in sorted(set(self._events.get(tuple(words[:2]), ())), key=self._order.__getitem__):
            other_words = fold(self._rows[other].canonical).split()
            shorter = min(len(words), len(other_words))
            if shorter >= 2 and words[:shorter] == other_words[:shorter]:
                return other
        return key

    def keyed_rows(self) -> dict[tuple[str, str], EntityRow]:
        """Every row, finished (sorted aliases, majority subtype), by the key :meth:`add` returned."""
        for key, row in self._rows.items():
            row.aliases = sorted(self._aliases[key])
            row.subtype = self._subtypes[key].most_common(1)[0][0] if self._subtypes[key] else None
        return dict(self._rows)

    def rows(self) -> list[EntityRow]:
        """Every row, finished, by type, then most mentioned first."""
        rows = self.keyed_rows().values()
        return sorted(rows, key=lambda row: (row.type.value, -row.mentions, row.canonical))
