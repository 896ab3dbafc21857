"""The linking stage: one canonical entity per real-world person, country, organisation and
initiative, and the coreference mentions of the document (see :mod:`arextract.link`)."""

from __future__ import annotations

from arextract.coref.phrases import PhraseCoreference
from arextract.kb import KnowledgeBase
from arextract.link.bodies import merge_headed_names
from arextract.link.countries import assign_person_countries
from arextract.link.kb_linking import KBLinker, link_non_person
from arextract.link.lexicons import lexicons, phrase_forms
from arextract.link.missed_persons import add_short_forms, find_person_variants
from arextract.link.output import linked_entities
from arextract.link.persons import PersonClusterer, with_lineage
from arextract.link.state import DocumentState
from arextract.schema import Document, Entity, EntitySource, EntityType, Sentence
from arextract.text.segment import tokenize

_OWN_TYPES = frozenset([EntityType.PERSON, EntityType.COUNTRY])  # types of the mentions it adds


class Linker:
    """Pipeline stage: link every mention to one entity and add coreference mentions.

    O(n log n) in the document's mentions and tokens: person names are compared only with
    the clusters :class:`~arextract.link.names.PersonNameIndex` finds, and the phrases (نظيره،
    بلاده، البلدين) find the persons around them by bisection, not by walking back over every
    earlier mention. ``find_mentions=False`` links what NER found and adds no person mention of
    its own (coreference phrases are still added)."""

    name = "link"

    def __init__(self, kb: KnowledgeBase, *, find_mentions: bool = True) -> None:
        self.kb = kb
        self.find_mentions = find_mentions
        self.kb_linker = KBLinker(kb)
        self._lex = lexicons()
        self._coreference = PhraseCoreference(self.kb_linker, self._lex, phrase_forms())
        self.version = f"1:{self.kb_linker.people_count}p"

    def __call__(self, doc: Document) -> None:
        tokens = doc.tokens or tokenize(doc.text)
        sentences = doc.sentences or [Sentence(start=0, end=len(doc.text))]
        entities = with_lineage(doc.entities, tokens, doc.text)
        state = DocumentState(doc.text, tokens, sentences)
        persons: list[Entity] = []
        for entity in entities:
            if entity.source in (EntitySource.COREF, EntitySource.LINK) and entity.type in _OWN_TYPES:
                continue  # a re-run: what the linker added is rebuilt
            if entity.type is EntityType.PERSON:
                persons.append(entity)
            else:
                state.mentions.append(link_non_person(self.kb_linker, state, entity))
        merge_headed_names(state, self._lex.body_heads)
        if self.find_mentions:
            persons += find_person_variants(self.kb_linker, state, entities, self._lex.function_words)
        clusters = PersonClusterer(self.kb_linker, state)(persons)
        if self.find_mentions:
            add_short_forms(state, clusters, self._lex)
        assign_person_countries(state, self._lex)
        self._coreference(state)
        doc.entities = linked_entities(state)
