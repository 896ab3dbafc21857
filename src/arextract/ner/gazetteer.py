"""Gazetteer NER: every name of the knowledge files, matched on folded tokens.

A name matches a run of tokens whose folded forms equal the name's folded tokens; the first
token may carry proclitics (``وقازاقستان``, ``للصين``), which are trimmed from the span.
Matching is greedy, left to right, longest name first.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache, partial

from arextract.kb import KBEntry, KnowledgeBase
from arextract.schema import Entity, EntitySource, EntityType, Token
from arextract.text.clitics import CONJUNCTION_LETTERS, clitic_readings, longest_phrase, reading_begins_phrase
from arextract.text.normalize import display, fold, fold_words, normalize
from arextract.text.segment import tokenize

# When one name belongs to several entries (عمان: Oman and Amman), the first type here wins
# and the mention's confidence drops.
_TYPE_PRIORITY = [
    EntityType.COUNTRY,
    EntityType.ORGANIZATION,
    EntityType.INITIATIVE,
    EntityType.PERSON,
    EntityType.REGION,
    EntityType.CITY,
    EntityType.EVENT,
    EntityType.MISC,
]
_TYPE_RANK = {entity_type: rank for rank, entity_type in enumerate(_TYPE_PRIORITY)}

# Compass words: they open a place's name rather than stand as a head noun around it (جنوب
# سيناء is a governorate, شمال أفريقيا a region), and before a name say a place is meant.
COMPASS_WORDS = fold_words(["شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"])

# The words right before a one-word name that is also a common word (``ambiguous.txt``: سيول
# floods / Seoul, ينبع springs / Yanbu) which say a place is meant: في سيول، لدى سيول، مدينة ينبع،
# شمال الضفة (the north of a place; but وسط is also "amid": وسط سيول جارفة).
_PLACE_CONTEXT = fold_words(
    ["في", "إلى", "من", "لدى", "بين", "مدينة", "محافظة", "العاصمة", "عاصمة", "ميناء", "إقليم", "ولاية"]
    + ["منطقة"]
) | (COMPASS_WORDS - fold_words(["وسط"]))

# The names a list may join, by kind (a city or a region is a place), and the words between two
# items of a list (أو، a comma).
_LIST_KINDS = {EntityType.CITY: "place", EntityType.REGION: "place", EntityType.ORGANIZATION: "organization"}
_LIST_WORDS = fold_words(["أو", "،", ","])

NAME_CONFIDENCE = 0.9
NISBA_CONFIDENCE = 0.85
AMBIGUOUS_CONFIDENCE = 0.6


@dataclass(frozen=True)
class GazetteerMatch:
    """Tokens ``[first, last]`` of a sentence name ``entry``; ``start``/``end`` are text offsets."""

    first: int
    last: int
    start: int
    end: int
    entry: KBEntry
    is_nisba: bool
    confidence: float
    alternatives: tuple[KBEntry, ...] = ()  # other entries with the same name (عمان: Oman, Amman)


class Gazetteer:
    """An index from folded token sequences to knowledge-base entries."""

    def __init__(self, kb: KnowledgeBase) -> None:
        index: dict[tuple[str, ...], list[tuple[KBEntry, bool]]] = defaultdict(list)
        for entry in kb.entries:
            for name in entry.names:
                key = tuple(token.norm for token in tokenize(name))
                keys = {key} if entry.type is EntityType.PERSON else {key, *_abd_spellings(key)}
                for form in sorted(keys):
                    if form and (entry, False) not in index[form]:
                        index[form].append((entry, False))
            for nisba in entry.nisba:
                index[tuple(nisba.split())].append((entry, True))
        self._index = {key: _ranked(values) for key, values in index.items()}
        self._longest: dict[str, int] = {}
        for key in self._index:
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
        self._begins_name = lru_cache(maxsize=1 << 16)(partial(reading_begins_phrase, self._longest))
        self._ambiguous = kb.ambiguous

    def __len__(self) -> int:
        return len(self._index)

    def starts_name(self, folded_token: str) -> bool:
        """Whether some known name begins with this folded token."""
        return folded_token in self._longest

    def find(self, tokens: list[Token]) -> list[GazetteerMatch]:
        """Non-overlapping matches in one sentence's tokens, in text order."""
        words = [token.norm for token in tokens]
        matches: list[GazetteerMatch] = []
        position = 0
        while position < len(tokens):
            match = self._longest_match(tokens, words, position)
            if match is None and position and words[position - 1] in _PLACE_CONTEXT:
                match = self._place_in_context(tokens, position)
            if match is None:
                position += 1
                continue
            matches.append(match)
            position = match.last + 1
        return self._listed_places(tokens, matches) if self._ambiguous else matches

    def named(self, key: tuple[str, ...]) -> list[tuple[KBEntry, bool]]:
        """Every (entry, is-nisba) the folded words ``key`` name, ambiguous one-word names
        included (what a name-shape question asks: is ``مالي`` ever a place?)."""
        return self._index.get(key, [])

    def _entries(self, key: tuple[str, ...]) -> list[tuple[KBEntry, bool]] | None:
        """The entries named ``key``; none for a name that is also a common word or another
        kind of name (``مالي``: Mali, and "financial"; ``صلاح الدين``: a governorate, and a given
        name), which only matches inside a longer name."""
        if " ".join(key) in self._ambiguous:
            return None
        return self._index.get(key)

    def ambiguous_out_of_context(self, tokens: list[Token], position: int) -> bool:
        """Whether ``tokens[position]`` is a name that is also a common word (``سيول``) with no
        word before it saying a place is meant (the tagger's reading of it is not trusted)."""
        if tokens[position].norm not in self._ambiguous:
            return False
        return not (position and tokens[position - 1].norm in _PLACE_CONTEXT)

    def _place_in_context(self, tokens: list[Token], position: int) -> GazetteerMatch | None:
        """A one-word place name that is also a common word, written bare after a word that says a
        place is meant (في سيول): the names :meth:`_entries` leaves out match here."""
        token = tokens[position]
        if token.norm not in self._ambiguous:
            return None
        places = [
            (entry, nisba)
            for entry, nisba in self._index.get((token.norm,), [])
            if not nisba and entry.type in (EntityType.COUNTRY, EntityType.CITY, EntityType.REGION)
        ]
        if not places:
            return None
        entry = places[0][0]
        confidence = AMBIGUOUS_CONFIDENCE if len({e.key for e, _ in places}) > 1 else NAME_CONFIDENCE
        alternatives = tuple(dict.fromkeys(e for e, _ in places[1:] if e.key != entry.key))
        return GazetteerMatch(
            position, position, token.start, token.end, entry, False, confidence, alternatives
        )

    def _listed_places(self, tokens: list[Token], matches: list[GazetteerMatch]) -> list[GazetteerMatch]:
        """A one-word name that is also a common word (لحج، المعلا، القاعدة), listed next to a
        known name of its kind with و، أو or a comma (سواء لحج أو تعز، خور مكسر والمعلا، داعش
        والقاعدة): an item of a list of places is a place, of organisations an organisation.
        One pass leftwards then one rightwards: linear in the sentence."""
        ambiguous = self._ambiguous
        # (only a name that is also a common word can be found here: most sentences have none)
        candidates = [
            position
            for position, token in enumerate(tokens)
            if token.norm in ambiguous or (token.norm[:1] == "و" and token.norm[1:] in ambiguous)
        ]
        if not candidates:
            return matches
        listed = {m.first: m for m in matches if m.entry.type in _LIST_KINDS and not m.is_nisba}
        listed.update({m.last: m for m in matches if m.entry.type in _LIST_KINDS and not m.is_nisba})
        taken = {k for m in matches for k in range(m.first, m.last + 1)}
        added: list[GazetteerMatch] = []
        for step in (-1, 1):
            for position in reversed(candidates) if step < 0 else candidates:
                if position in taken:
                    continue
                match = self._listed_place(tokens, position, listed, -step)
                if match is not None:
                    listed[position] = match
                    taken.add(position)
                    added.append(match)
        return sorted(matches + added, key=lambda m: m.first) if added else matches

    def _listed_place(
        self, tokens: list[Token], position: int, listed: dict[int, GazetteerMatch], side: int
    ) -> GazetteerMatch | None:
        """The ambiguous name at ``position`` when the list item on ``side`` (+1 the next, -1 the
        previous) is a name of its kind: ``X أو Y``، ``X، Y`` or ``X وY`` (the و on the later item)."""
        token = tokens[position]
        offset = 0
        if token.norm not in self._ambiguous:
            if token.norm[:1] != "و" or token.norm[1:] not in self._ambiguous:
                return None
            offset = 1
        neighbour = position + side
        if not 0 <= neighbour < len(tokens):
            return None
        item = None
        if neighbour in listed and (offset if side < 0 else tokens[neighbour].norm[:1] == "و"):
            item = listed[neighbour]
        elif tokens[neighbour].norm in _LIST_WORDS and 0 <= neighbour + side < len(tokens):
            item = listed.get(neighbour + side)
        if item is None:
            return None
        kind = _LIST_KINDS[item.entry.type]
        entries = [
            entry
            for entry, nisba in self._index.get((token.norm[offset:],), [])
            if not nisba and _LIST_KINDS.get(entry.type) == kind
        ]
        if not entries:
            return None
        start = token.start + surface_offset(token.text, offset)
        return GazetteerMatch(position, position, start, token.end, entries[0], False, AMBIGUOUS_CONFIDENCE)

    def _longest_match(self, tokens: list[Token], words: list[str], position: int) -> GazetteerMatch | None:
        first = tokens[position]
        if not self._begins_name(first.norm):
            return None
        readings = clitic_readings(first.norm)
        found = longest_phrase([r.stem for r in readings], words, position, self._longest, self._entries)
        if found is None:
            return None
        reading, length, entries = found
        last = position + length - 1
        start = first.start + surface_offset(first.text, readings[reading].offset)
        entry, is_nisba = entries[0]
        distinct = {candidate.key for candidate, _ in entries}
        if len(distinct) > 1:
            confidence = AMBIGUOUS_CONFIDENCE
        else:
            confidence = NISBA_CONFIDENCE if is_nisba else NAME_CONFIDENCE
        alternatives = tuple(dict.fromkeys(c for c, _ in entries[1:] if c.key != entry.key))
        return GazetteerMatch(
            position, last, start, tokens[last].end, entry, is_nisba, confidence, alternatives
        )


def _abd_spellings(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The other spelling of a name holding a compound given name (جامعة الملك عبد العزيز /
    عبدالعزيز، مركز الملك عبدالله / عبد الله): the written space is optional in news."""
    joined: list[str] = []
    split: list[str] = []
    for word in key:
        if joined and joined[-1] == _ABD and word.startswith("ال"):
            joined[-1] += word
        else:
            joined.append(word)
        if word.startswith(_ABD + "ال") and len(word) > len(_ABD) + 3:
            split.extend((_ABD, word[len(_ABD) :]))
        else:
            split.append(word)
    return [form for form in (tuple(joined), tuple(split)) if form != key]


_ABD = fold("عبد")


def disambiguate(matches: list[GazetteerMatch]) -> list[GazetteerMatch]:
    """Resolve names shared by several entries with the document's unambiguous countries.

    "عمّان" in a story that also says الأردن/الأردنية is Amman, not Oman: a city whose country
    the document mentions wins over a country it does not, and vice versa.
    """
    context: set[str] = set()
    for match in matches:
        if not match.alternatives and match.entry.country:
            context.add(match.entry.country)
    resolved = []
    for match in matches:
        if match.alternatives:
            for candidate in (match.entry, *match.alternatives):
                if candidate.country in context:
                    match = dataclasses.replace(match, entry=candidate, confidence=NAME_CONFIDENCE)
                    break
        resolved.append(match)
    return resolved


def _ranked(values: list[tuple[KBEntry, bool]]) -> list[tuple[KBEntry, bool]]:
    unique = list(dict.fromkeys(values))
    if len(unique) == 1:  # most names name one entry (built for every name at start-up)
        return unique
    return sorted(unique, key=lambda value: (value[1], _TYPE_RANK[value[0].type]))


def surface_offset(word: str, folded_offset: int) -> int:
    """Where, in the surface ``word``, the folded form's character ``folded_offset`` starts."""
    if folded_offset == 0:
        return 0
    normalized = normalize(word)
    return normalized.to_original(folded_offset, len(normalized.text))[0]


def span_entity(
    text: str,
    start: int,
    end: int,
    entity_type: EntityType,
    *,
    source: EntitySource,
    confidence: float,
    subtype: str | None = None,
) -> Entity:
    """A mention of ``text[start:end]`` not linked to a knowledge-file entry: its canonical name
    is the surface as written, in its :func:`display` form (the linker may replace it). Every
    stage that proposes a span of its own (the tagger, an external model, the name grammar, the
    linker's variants) makes it here."""
    surface = text[start:end]
    return Entity(
        id="",
        type=entity_type,
        subtype=subtype,
        text=surface,
        start=start,
        end=end,
        canonical=_restored_article(text, start, display(surface)),
        confidence=confidence,
        source=source,
    )


# Heads that begin with lam: after لل the lam written is their own (للجنة، للواء).
_LAM_HEADS = frozenset(fold(word) for word in ("لجنة", "لواء", "لقاء"))

# Alefs with a hamza: after the lam of "لل" they open the noun the article was written on.
_HAMZA_SEATS = frozenset("أإآ")


def _restored_article(text: str, start: int, name: str) -> str:
    """The name of a span cut out of ``لل`` + noun: in "التابع للشركة الوطنية للنقل" the
    span "لشركة الوطنية للنقل" starts at the article's written lam (ل + الشركة), so the name is
    "الشركة ..."; a head that begins with lam keeps it and takes the article (للجنة = ل + اللجنة).
    Only when a definite word follows the noun: an adjective in the definite shows the noun had
    the article (للبنان is ل + لبنان), or when a hamza seat follows the lam: no name begins with
    لأ، so "للأهلي" is ل + الأهلي."""
    words = name.split()
    if (
        not words
        or not words[0].startswith("ل")
        or not (
            (len(words) > 1 and fold(words[1]).startswith("ال"))
            or text[start + 1 : start + 2] in _HAMZA_SEATS
        )
        or start < 1
        or text[start - 1] != "ل"
        or (start >= 2 and text[start - 2].isalpha() and not _conjunction_at(text, start - 2))
    ):
        return name
    return ("ال" if fold(words[0]) in _LAM_HEADS else "ا") + name


def _conjunction_at(text: str, index: int) -> bool:
    """و or ف opening a word at ``index`` (وللشركة)."""
    return text[index] in CONJUNCTION_LETTERS and (index == 0 or not text[index - 1].isalpha())


def match_to_entity(match: GazetteerMatch, text: str, entity_id: str) -> Entity:
    entry = match.entry
    return Entity(
        id=entity_id,
        type=entry.type,
        subtype="nisba" if match.is_nisba else entry.subtype,
        text=text[match.start : match.end],
        start=match.start,
        end=match.end,
        canonical=entry.canonical,
        aliases=list(entry.names),
        kb_id=entry.kb_id,
        confidence=match.confidence,
        source=EntitySource.GAZETTEER,
    )
