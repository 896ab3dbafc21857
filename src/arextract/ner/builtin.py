"""arextract's own backends: ``gazetteer`` (the knowledge files' names only: precise, limited
to what the files know) and ``builtin`` (the tagger trained here, ``models/ner``, merged with
the gazetteer by :func:`arextract.ner.merge.merge_model_and_gazetteer`, then refined by the
name grammar of :mod:`arextract.ner.grammar`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from arextract.errors import BackendError, ResourceError
from arextract.ner.backends import KnownNames, known_names
from arextract.ner.gazetteer import AMBIGUOUS_CONFIDENCE, GazetteerMatch, match_to_entity, span_entity
from arextract.ner.grammar import add_grammar_mentions, add_place_mentions, refine_persons
from arextract.ner.grammar.idioms import without_place_idioms
from arextract.ner.grammar.organizations import known_dual_bodies, without_coordinated_bodies
from arextract.ner.grammar.outlets import quoted_outlets
from arextract.ner.grammar.portfolios import without_portfolios
from arextract.ner.grammar.speakers import without_titled_place
from arextract.ner.grammar.words import FAMILY, NASAB, nisba_shaped
from arextract.ner.merge import PLACE_TYPES, merge_model_and_gazetteer
from arextract.resources import ModelPaths
from arextract.schema import Document, Entity, EntitySource, EntityType, Token, numbered
from arextract.text.normalize import fold, fold_words
from arextract.text.segment import tokenize
from arextract.text.spans import bio_spans

if TYPE_CHECKING:
    from arextract.ner.tagger import NerTagger

MODEL_CONFIDENCE = 0.75

# (named, model) mentions of one sentence -> the merged mentions
MergePolicy = Callable[[list[Entity], list[Entity]], list[Entity]]


class GazetteerNER:
    """The ``gazetteer`` backend: every knowledge-file name found in the text."""

    name = "ner"

    def __init__(self, names: KnownNames) -> None:
        self.names = names
        self.version = names.version

    def __call__(self, doc: Document) -> None:
        found = self.names.by_sentence(doc)
        doc.entities = numbered(
            [match_to_entity(match, doc.text, "") for _, matches in found for match in matches]
        )


class TaggerMentions:
    """The builtin tagger's mentions, sentence by sentence, each starting after the proclitics
    the knowledge files confirm (وبكين -> بكين, but وانغ stays whole)."""

    def __init__(self, tagger: NerTagger, names: KnownNames) -> None:
        self.tagger = tagger
        self.names = names

    def __call__(self, text: str, sentences: list[list[Token]]) -> list[list[Entity]]:
        # the whole document at once: batched, and names kept consistent across sentences
        all_labels = self.tagger.tag_document([[token.text for token in tokens] for tokens in sentences])
        return [
            [
                entity
                for first, end, label in bio_spans(labels)
                if (entity := self._mention(text, tokens, first, end - 1, label)) is not None
            ]
            for tokens, labels in zip(sentences, all_labels, strict=True)
        ]

    def _mention(self, text: str, tokens: list[Token], first: int, last: int, label: str) -> Entity | None:
        type_name, _, subtype = label.partition("/")
        try:
            entity_type = EntityType(type_name)
        except ValueError:
            return None
        start = tokens[first].start + self.names.proclitic_length(tokens[first])
        end = tokens[last].end
        if start >= end:
            return None
        return span_entity(
            text,
            start,
            end,
            entity_type,
            source=EntitySource.MODEL,
            confidence=MODEL_CONFIDENCE,
            subtype=subtype or None,
        )


class GrammarRefinement:
    """What the name grammar corrects and adds in one sentence's merged mentions: a minister's
    portfolio read as a ministry given back to the title
    (:func:`~arextract.ner.grammar.portfolios.without_portfolios`), persons extended or retyped
    (:func:`~arextract.ner.grammar.refine_persons`), then institutions and honorific chains the
    tagger missed (:func:`~arextract.ner.grammar.add_grammar_mentions`), with the places named
    after a place noun first (:func:`~arextract.ner.grammar.add_place_mentions`)."""

    def __init__(self, names: KnownNames) -> None:
        self.names = names

    def __call__(self, text: str, tokens: list[Token], mentions: list[Entity]) -> list[Entity]:
        mentions = without_portfolios(tokens, mentions, lambda words: self._names_in(text, words))
        refined = refine_persons(
            text, tokens, mentions, self.names.is_place, self.names.is_person_name, self._known_word
        )
        found = add_grammar_mentions(text, tokens, add_place_mentions(text, tokens, refined))
        found = without_coordinated_bodies(text, tokens, found)
        found = quoted_outlets(text, tokens, found, self._known_outlet)
        found = known_dual_bodies(text, tokens, found, self._known_outlet)
        found = join_split_places(text, found)
        return [
            e
            for e in without_place_idioms(tokens, found)
            if not self._unknown_country(e) and not self._ambiguous_place(tokens, e)
        ]

    def _known_outlet(self, key: tuple[str, ...]) -> bool:
        """Whether folded words are exactly a known organisation's name (an outlet: صحيفة
        المدينة; a university: جامعة أم القرى)."""
        return any(entry.type is EntityType.ORGANIZATION for entry, _ in self.names.gazetteer.named(key))

    def _known_word(self, norm: str) -> bool:
        """Whether a folded word alone names a known entry other than a person (الأمريكي)."""
        return any(entry.type is not EntityType.PERSON for entry, _ in self.names.gazetteer.named((norm,)))

    def _ambiguous_place(self, tokens: list[Token], entity: Entity) -> bool:
        """A tagger's one-word place that is also a common word (``جرفت سيول الأمطار``: floods),
        with no word before it saying a place is meant: the knowledge files' rule for such
        names (``ambiguous.txt``) holds for the tagger too."""
        if entity.source != EntitySource.MODEL or entity.type not in PLACE_TYPES:
            return False
        at = next((k for k, t in enumerate(tokens) if t.start <= entity.start < t.end), None)
        if at is None or tokens[at].end != entity.end:
            return False
        return self.names.gazetteer.ambiguous_out_of_context(tokens, at)

    def _unknown_country(self, entity: Entity) -> bool:
        """A tagger's one-word COUNTRY that names no known country (ميدانيا، بندا بندا، بريف
        حلب): today's countries are a closed list, all in the knowledge files with their
        spellings (a longer name may be a former state: الاتحاد السوفيتي)."""
        if entity.type is not EntityType.COUNTRY or entity.source != EntitySource.MODEL:
            return False
        if " " in entity.text.strip():
            return False
        matches = self.names.gazetteer.find(tokenize(entity.text))
        return not any(match.entry.type is EntityType.COUNTRY for match in matches) and not self._shared_land(
            entity.text
        )

    def _shared_land(self, text: str) -> bool:
        """كوريا: the land of the states named by it and a compass adjective (كوريا الجنوبية،
        كوريا الشمالية); written bare it names that land, a country in the news."""
        word = fold(text.strip())
        return any(
            entry.type is EntityType.COUNTRY
            for adjective in _COMPASS_ADJECTIVES
            for entry, _ in self.names.gazetteer.named((word, adjective))
        )

    def _names_in(self, text: str, tokens: list[Token]) -> list[Entity]:
        return [match_to_entity(match, text, "") for match in self.names.gazetteer.find(tokens)]


class BuiltinNER:
    """The ``builtin`` backend: per sentence, the gazetteer's names and the tagger's mentions
    combined by ``merge``, then refined by ``refine``.

    O(n log n) in the text's length: the gazetteer and the tagger read bounded windows of
    tokens, and the merge bisects."""

    name = "ner"

    def __init__(
        self,
        names: KnownNames,
        tagger: NerTagger,
        *,
        merge: MergePolicy | None = None,
        refine: GrammarRefinement | None = None,
    ) -> None:
        self.names = names
        self.mentions = TaggerMentions(tagger, names)
        self.merge = merge or partial(merge_model_and_gazetteer, known=names.names_kind_of)
        self.refine = refine or GrammarRefinement(names)
        self.version = f"{tagger.model_version}+{names.version}"

    def __call__(self, doc: Document) -> None:
        sentences = [(tokens, matches) for tokens, matches in self.names.by_sentence(doc) if tokens]
        model = self.mentions(doc.text, [tokens for tokens, _ in sentences])
        entities: list[Entity] = []
        for (tokens, matches), found in zip(sentences, model, strict=True):
            named = [match_to_entity(match, doc.text, "") for match in matches]
            named, found = without_titled_place(
                doc.text, tokens, named, found, partial(self._place, doc.text, tokens)
            )
            entities.extend(self.refine(doc.text, tokens, self.merge(named, found)))
        doc.entities = numbered(without_surname_overrun(doc.text, without_glued_clitics(doc.text, entities)))

    def _place(self, text: str, tokens: list[Token], first: int, last: int) -> Entity | None:
        """The known place named by exactly ``tokens[first..last]`` (a name that is also a given
        name included: the caller has a title saying a place is meant), or None."""
        key = tuple(token.norm for token in tokens[first : last + 1])
        entries = [
            entry
            for entry, nisba in self.names.gazetteer.named(key)
            if not nisba and entry.type in (EntityType.COUNTRY, EntityType.CITY, EntityType.REGION)
        ]
        if not entries:
            return None
        start, end = tokens[first].start, tokens[last].end
        match = GazetteerMatch(first, last, start, end, entries[0], False, AMBIGUOUS_CONFIDENCE)
        return match_to_entity(match, text, "")


def join_split_places(text: str, entities: list[Entity]) -> list[Entity]:
    """Two tagger places of one type with only a space between (``كوم`` ``أمبو``: the tagger
    began the name twice) are one name: Arabic never writes two places side by side without a
    conjunction or a comma."""
    out: list[Entity] = []
    for entity in sorted(entities, key=lambda e: e.start):
        last = out[-1] if out else None
        if (
            last is not None
            and entity.source == EntitySource.MODEL == last.source
            and entity.type is last.type
            and entity.type in (EntityType.CITY, EntityType.REGION)
            and text[last.end : entity.start] == " "
        ):
            out[-1] = span_entity(
                text,
                last.start,
                entity.end,
                last.type,
                source=last.source,
                confidence=last.confidence,
                subtype=last.subtype,
            )
            continue
        out.append(entity)
    return out


def without_glued_clitics(text: str, entities: list[Entity]) -> list[Entity]:
    """A tagger's mention that begins with a conjunction or a preposition (وكيري، لكارتر، وصالح)
    loses it when the rest is a word of another mention of the document (كيري، آشتون كارتر)."""
    words = {word for e in entities for word in fold(e.text).split()}
    out = []
    for entity in entities:
        folded = fold(entity.text)
        if (
            entity.source == EntitySource.MODEL
            and folded[:1] in _GLUED
            and " " not in folded
            and len(folded) > 3
            and folded[1:] in words
        ):
            entity = _respanned(text, entity, entity.start + 1, entity.end)
        out.append(entity)
    return out


def without_surname_overrun(text: str, entities: list[Entity]) -> list[Entity]:
    """A tagger's two-word person whose first word is the family name of a person named in full
    elsewhere in the document (``عادل الجبير`` ... ``الجبير سيجتمع``، ``سامح شكري`` ... ``شكري
    لقاءين``) ends with that name: a family name used alone is not followed by another name
    word, and the second word is part of no other mention of the document (a verb, a noun). A
    word that opens a name in the document (``محمد``) or follows ``بن`` is no family name here."""
    surnames: set[str] = set()
    given: dict[str, int] = {}
    words: dict[str, int] = {}
    for entity in entities:
        folded = fold(entity.text).split()
        if entity.type is EntityType.PERSON and len(folded) >= 2:
            given[folded[0]] = given.get(folded[0], 0) + 1
            if folded[-2] not in _NAME_LINKS:  # بن عبدالعزيز: a father's given name
                surnames.add(folded[-1])
        for word in set(folded):
            words[word] = words.get(word, 0) + 1
    out = []
    for entity in entities:
        folded = fold(entity.text).split()
        if (
            entity.type is EntityType.PERSON
            and entity.source == EntitySource.MODEL
            and len(folded) == 2
            and folded[0] in surnames
            and given.get(folded[0]) == 1  # opening no other name but this one
            and words.get(folded[1], 0) == 1
            and folded[1] not in _NAME_LINKS
            # a definite nisba closes a name of its own ("صالح البيحاني" is a new person, not
            # "صالح" + a verb): a family name used alone is followed by a verb or a noun
            and not nisba_shaped(folded[1])
        ):
            cut = entity.text.rstrip().rfind(" ")
            entity = _respanned(text, entity, entity.start, entity.start + len(entity.text[:cut].rstrip()))
        out.append(entity)
    return out


def _respanned(text: str, entity: Entity, start: int, end: int) -> Entity:
    """The same mention over ``text[start:end]``: its type, source, confidence and subtype kept."""
    return span_entity(
        text,
        start,
        end,
        entity.type,
        source=entity.source,
        confidence=entity.confidence,
        subtype=entity.subtype,
    )


# The adjectives that name one of the states sharing a land (كوريا الجنوبية، تيمور الشرقية).
_COMPASS_ADJECTIVES = fold_words(["الشمالية", "الجنوبية", "الشرقية", "الغربية"])

# Words that carry a name on after a family name (بن، آل): no overrun.
_NAME_LINKS = NASAB | FAMILY


# Proclitic letters a tagger's one-word mention may have glued on (و، ف، ل، ب).
_GLUED = frozenset("وفلب")


@lru_cache(maxsize=2)
def _load_tagger(model_dir: str) -> NerTagger:
    # Imported here: the model loads only when the builtin backend is used.
    try:
        from arextract.ner.tagger import NerTagger
    except ImportError as error:
        raise BackendError(f"the builtin NER tagger cannot be imported: {error}") from error
    if not Path(model_dir).is_dir():
        raise ResourceError(f"NER model directory not found: {model_dir}")
    return NerTagger.load(model_dir)


def gazetteer_stage(models: ModelPaths) -> GazetteerNER:
    """The ``gazetteer`` backend over ``models.kb``."""
    return GazetteerNER(known_names(models.kb))


def builtin_stage(models: ModelPaths) -> BuiltinNER:
    """The ``builtin`` backend: the tagger in ``models.ner`` with the names of ``models.kb``."""
    names = known_names(models.kb)
    return BuiltinNER(names, _load_tagger(str(models.ner)))
