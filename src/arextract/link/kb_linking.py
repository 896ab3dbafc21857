"""Linking names to the knowledge base.

:class:`KBLinker` indexes the knowledge base once and answers the linker's questions: which KB
person a full name is (:meth:`~KBLinker.link_person`, by :func:`~arextract.link.names.name_similarity`
over skeletons, so وانج يي is وانغ يي), which KB place, organisation or initiative a name or a
nisba is (:meth:`~KBLinker.link_name`: الصيني -> China), which words may begin a KB person's
name (:meth:`~KBLinker.name_starts`, to find names NER missed). :func:`link_non_person` links one
mention that is not a person.
"""

from __future__ import annotations

from arextract.kb import KBEntry, KnowledgeBase
from arextract.link.names import (
    NASAB_LINKS,
    PERSON_THRESHOLD,
    emphatics,
    extends_lineage,
    name_key,
    name_similarity,
    name_tokens,
    name_words,
    nasab_dropped,
    similarity_ceiling,
    spelled_alike,
    token_skeleton,
    without_nasab,
)
from arextract.link.state import DocumentState, Mention, Target
from arextract.schema import Entity, EntitySource, EntityType
from arextract.text.clitics import NAME_PROCLITICS, CliticReading, clitic_readings
from arextract.text.normalize import fold, fullest_spelling

LOCATION_TYPES = frozenset([EntityType.COUNTRY, EntityType.CITY, EntityType.REGION])
# The KB types a mention of each type may link to (a place is linked to any place).
_COMPATIBLE: dict[EntityType, frozenset[EntityType]] = {
    EntityType.COUNTRY: LOCATION_TYPES,
    EntityType.CITY: LOCATION_TYPES,
    EntityType.REGION: LOCATION_TYPES,
    EntityType.ORGANIZATION: frozenset([EntityType.ORGANIZATION]),
    EntityType.INITIATIVE: frozenset([EntityType.INITIATIVE]),
    EntityType.EVENT: frozenset([EntityType.EVENT, EntityType.INITIATIVE]),
    EntityType.MISC: frozenset([EntityType.MISC, EntityType.INITIATIVE]),
}
_NAME_STARTS_CACHE = 200_000  # folded words whose name_starts answer is kept


class KBLinker:
    """The knowledge base indexed for linking: person names by skeleton key and token, other
    names folded, nisbas, countries by ISO code."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._entries_by_canonical: dict[tuple[EntityType, str], list[KBEntry]] = {}
        self._by_name: dict[str, list[KBEntry]] = {}
        self._by_nisba = kb.countries_by_nisba
        self._people: list[KBEntry] = []
        self._person_key: dict[str, list[KBEntry]] = {}  # name_key -> entries
        self._person_token: dict[str, set[int]] = {}  # skeleton token -> person indexes
        self._person_first: dict[str, int] = {}  # folded first word skeleton -> max word count
        self._person_pairs: set[tuple[str, str]] = set()  # skeletons of a name's first two words
        self._country_by_iso: dict[str, KBEntry] = {}
        self._name_starts: dict[str, tuple[tuple[CliticReading, int], ...]] = {}
        for entry in kb.entries:
            # keyed folded: an upstream stage names what it did not link as written (أحمد / احمد)
            self._entries_by_canonical.setdefault((entry.type, fold(entry.canonical)), []).append(entry)
            if entry.type is EntityType.COUNTRY and entry.kb_id:
                self._country_by_iso.setdefault(entry.kb_id, entry)
            if entry.type is EntityType.PERSON:
                self._add_person(entry)
            else:
                for name in entry.names:
                    self._by_name.setdefault(fold(name), []).append(entry)

    def _add_person(self, entry: KBEntry) -> None:
        index = len(self._people)
        self._people.append(entry)
        for name in entry.names:
            key = name_key(name)
            if not key:
                continue
            bucket = self._person_key.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
            for token in name_tokens(name):
                self._person_token.setdefault(token, set()).add(index)
            words = name_words(name)
            if len(words) >= 2:
                first = token_skeleton(words[0])
                self._person_first[first] = max(self._person_first.get(first, 0), len(words))
                self._person_pairs.add((first, token_skeleton(words[1])))

    @property
    def people_count(self) -> int:
        return len(self._people)

    def knows_full_names(self) -> bool:
        """Whether some KB person has a name of two words or more."""
        return bool(self._person_first)

    # -- persons -----------------------------------------------------------------------------

    def name_starts(self, norm: str) -> tuple[tuple[CliticReading, int], ...]:
        """Readings of a folded word that begin a KB person name, with its longest word count."""
        cached = self._name_starts.get(norm)
        if cached is not None:
            return cached
        found = (
            tuple(
                (reading, self._person_first[token_skeleton(reading.stem)])
                for reading in clitic_readings(norm)
                if reading.proclitic in NAME_PROCLITICS and token_skeleton(reading.stem) in self._person_first
            )
            if norm[:1].isalpha()
            else ()
        )
        if len(self._name_starts) < _NAME_STARTS_CACHE:
            self._name_starts[norm] = found
        return found

    def starts_name_pair(self, first: str, second: str) -> bool:
        """Whether some KB person's name begins with these two skeleton tokens."""
        return (first, second) in self._person_pairs

    def unique_person(self, key: str, surface: str | None = None) -> KBEntry | None:
        """The one KB person with this name key (:func:`~arextract.link.names.name_key`), if one.
        When several people share the key (ماكرون and موغريني both give مكرن), ``surface`` picks
        the one with a name spelled exactly so, if only one has it."""
        entries = self._person_key.get(key, [])
        if surface is not None:  # صبري and زيباري share the key سبر
            entries = [entry for entry in entries if _spelled_alike(entry, key, surface)]
        if len(entries) > 1 and surface is not None:
            folded = fold(surface)
            entries = [entry for entry in entries if any(fold(known) == folded for known in entry.names)]
        return entries[0] if len(entries) == 1 else None

    def link_person(self, name: str) -> tuple[KBEntry | None, float]:
        """The KB person a full name refers to and the similarity, or (None, the best score of the
        KB names that could reach ``PERSON_THRESHOLD``)."""
        key = name_key(name)
        if key in self._person_key:
            exact = self.unique_person(key, name)
            if exact is not None and _vowels_agree(exact, key, name):
                return exact, 1.0
            return None, 0.0
        short = _one_link_dropped(name)  # عادل بن أحمد الجبير is the KB's عادل الجبير
        if short in self._person_key and (entry := self.unique_person(short)) is not None:
            return (entry, 1.0) if _vowels_agree(entry, short, _one_link_dropped_name(name)) else (None, 0.0)
        extended = self._extended_lineage(name)  # محمد بن سلمان بن عبدالعزيز آل سعود
        if extended is not None:
            return extended, 1.0
        tokens = name_tokens(name)
        candidates: set[int] = set()
        for token in tokens:
            candidates |= self._person_token.get(token, set())
        best: list[KBEntry] = []
        best_score = 0.0
        for index in sorted(candidates):
            entry = self._people[index]
            # A name that cannot reach the threshold cannot be the link; comparing it is the
            # linker's main cost (a four-word name shares محمد with hundreds of KB people).
            score = max(
                (
                    name_similarity(name, known)
                    for known in entry.names
                    if similarity_ceiling(len(tokens), len(name_tokens(known))) >= PERSON_THRESHOLD
                ),
                default=0.0,
            )
            if score > best_score + 1e-9:
                best, best_score = [entry], score
            elif abs(score - best_score) <= 1e-9 and entry not in best:
                best.append(entry)
        if best_score >= PERSON_THRESHOLD and len(best) == 1:
            return best[0], best_score
        return None, best_score

    def _extended_lineage(self, name: str) -> KBEntry | None:
        """The one KB person ``name`` names with a longer lineage than the KB gives (محمد بن
        سلمان بن عبدالعزيز آل سعود is the KB's محمد بن سلمان بن عبدالعزيز)."""
        tokens = name_tokens(name)
        if not tokens:
            return None
        found = {
            index
            for index in self._person_token.get(tokens[0], set())
            if any(extends_lineage(name, known) for known in self._people[index].names)
        }
        return self._people[found.pop()] if len(found) == 1 else None

    def person_entry(self, entity: Entity) -> tuple[KBEntry | None, float]:
        """The KB person of a person mention: the gazetteer's when it linked one, else
        :meth:`link_person` on its text."""
        if entity.source != EntitySource.MODEL:
            entries = self._entries_by_canonical.get((EntityType.PERSON, fold(entity.canonical)), [])
            if len(entries) == 1:
                return entries[0], 1.0
        return self.link_person(entity.text)

    @staticmethod
    def ends_alike(entry: KBEntry, surface: str) -> bool:
        """Whether a one-word mention can be a short form of ``entry``'s names: one of their
        first or last words ends with the mention's last letter (الجبوري, a nisba, is no short
        form of الجبير, though both give the skeleton جبر)."""
        words = fold(surface).split()
        if not words:
            return True
        last = words[-1][-1:]
        ends = {word[-1:] for name in entry.names if (ws := name_words(name)) for word in (ws[0], ws[-1])}
        return last in ends

    def short_form_person(self, token_key: str, surface: str | None = None) -> KBEntry | None:
        """The one KB person whose name starts or ends with this skeleton token, if one.

        With the mention's ``surface``: a family name spelled exactly so wins among people who
        share the skeleton (كيري is جون كيري, not كير ستارمر) unless it is someone's given name too
        (إسماعيل: شريف إسماعيل or إسماعيل هنية), and a name whose last letter differs
        is no short form of it (الجبوري, a nisba, is not الجبير though both give جبر)."""
        found: set[int] = set()
        exact: set[int] = set()
        given: set[int] = set()  # people whose first name is spelled so (إسماعيل هنية)
        loose: set[int] = set()  # people whose first name is only spelled alike
        word = fold(surface).split()[-1] if surface and surface.strip() else ""
        for index in self._person_token.get(token_key, set()):
            for name in self._people[index].names:
                tokens = name_tokens(name)
                if len(tokens) < 2 or token_key not in (tokens[0], tokens[-1]):
                    continue
                words = name_words(name)
                if word and words and words[-1] == word:
                    exact.add(index)
                if word and words and words[0] == word:
                    given.add(index)
                if word and token_key != tokens[-1] and words and words[0] != word:
                    # a given name alone is spelled as it is: "كرم" (honoured) is no كريم; the
                    # one it may be still makes a short form shared by two people ambiguous
                    loose.add(index)
                if not word or any(
                    w[-1:] == word[-1:] and emphatics(w) == emphatics(word)
                    for w in (words[0], words[-1])
                    if w
                ):
                    found.add(index)
        if len(exact) == 1 and not given - exact:
            return self._people[exact.pop()]
        return self._people[found.pop()] if len(found) == 1 and not found <= loose else None

    # -- places, organisations, initiatives -------------------------------------------------

    def link_name(self, surface: str, entity_type: EntityType) -> tuple[KBEntry | None, bool]:
        """A non-person KB entry of a compatible type for a folded name or nisba; (entry, is_nisba)."""
        allowed = _COMPATIBLE.get(entity_type, frozenset([entity_type]))
        folded = fold(surface)
        words = folded.split(" ")
        for reading in clitic_readings(words[0]):
            name = " ".join([reading.stem, *words[1:]])
            entries = [entry for entry in self._by_name.get(name, []) if entry.type in allowed]
            same = [entry for entry in entries if entry.type is entity_type]
            chosen = same or entries
            if chosen and len({entry.key for entry in chosen}) == 1:
                return chosen[0], False
            if len(words) == 1 and entity_type in LOCATION_TYPES and reading.stem in self._by_nisba:
                return self._by_nisba[reading.stem], True
        return None, False

    def gazetteer_entry(self, entity: Entity) -> KBEntry | None:
        """The entry an upstream stage linked ``entity`` to (by its canonical name and kb_id)."""
        entries = self._entries_by_canonical.get((entity.type, fold(entity.canonical)), [])
        for entry in entries:
            if entry.kb_id == entity.kb_id:
                return entry
        return entries[0] if entries else None

    def nisba_entry(self, norm: str) -> KBEntry | None:
        """The country a folded word is the nisba of, bare or after و (القازاقي، والصيني)."""
        for reading in clitic_readings(norm):
            entry = self._by_nisba.get(reading.stem)
            if entry is not None and (not reading.proclitic or reading.proclitic == "و"):
                return entry
        return None

    def country(self, iso: str) -> KBEntry | None:
        """The country of an ISO alpha-2 code."""
        return self._country_by_iso.get(iso)


def link_non_person(kb: KBLinker, state: DocumentState, entity: Entity) -> Mention:
    """The mention of a place, organisation, initiative or other non-person entity, pointing to
    its KB target (a gazetteer link is kept as is; a model mention is linked by name or nisba),
    or to a target of its own when the knowledge base does not know it."""
    entry: KBEntry | None = None
    confidence = 1.0
    subtype = entity.subtype
    entity_type = entity.type
    if entity.source != EntitySource.MODEL:
        entry = kb.gazetteer_entry(entity)
    if entry is None:
        entry, is_nisba = kb.link_name(entity.text, entity.type)
        if entry is not None:
            confidence = 0.95 if entry.type is entity.type else 0.85
            entity_type = entry.type
            subtype = "nisba" if is_nisba else (entity.subtype or entry.subtype)
    if entry is not None:
        key = state.target_for_entry(entry)
    else:
        # Unknown to the KB: an upstream canonical (an earlier stage's coreference) is kept, and
        # its spellings are one target (جامعة الحديدة، جامعه الحديده), named by the fullest
        # (the first seen among equals).
        key = f"{entity.type.value}:{entity.kb_id or fold(entity.canonical)}"
        target = state.targets.setdefault(
            key,
            Target(
                type=entity.type,
                canonical=entity.canonical,
                kb_id=entity.kb_id,
                subtype=entity.subtype,
                name_en=entity.name_en,
            ),
        )
        if target.kb_id is None and not target.kb_names:
            target.canonical = fullest_spelling((target.canonical, entity.canonical))
    return Mention(
        entity.start,
        entity.end,
        entity.text,
        entity_type,
        subtype,
        entity.source,
        min(entity.confidence, confidence),
        key,
    )


def _spelled_alike(entry: KBEntry, key: str, surface: str) -> bool:
    """Whether one of ``entry``'s names (or one of their words) with the name key ``key`` has the
    emphatic letters of ``surface``."""
    letters = emphatics(fold(surface))
    candidates = [*entry.names, *(word for name in entry.names for word in name_words(name))]
    return any(name_key(known) == key and emphatics(fold(known)) == letters for known in candidates)


def _one_link_dropped(name: str) -> str:
    """The name key of ``given بن father family`` without its one lineage link (عادل بن أحمد
    الجبير -> عادل الجبير), "" for other names: a longer lineage names a prince by his forebears
    (تركي بن عبد الله الفيصل بن عبد العزيز is no تركي الفيصل)."""
    words = name_words(name)
    if sum(word in NASAB_LINKS for word in words) != 1 or len(words) < 4 or words[1] not in NASAB_LINKS:
        return ""
    return without_nasab(name)


def _one_link_dropped_name(name: str) -> str:
    """``given بن father family`` as ``given family`` (its words, folded), for spelling checks."""
    return " ".join(nasab_dropped(name))


def _vowels_agree(entry: KBEntry, key: str, surface: str) -> bool:
    """Whether one of ``entry``'s names with the name key ``key`` is spelled like ``surface``
    but for long vowels one of them leaves out (:func:`~arextract.link.names.spelled_alike`)."""
    return any(name_key(known) == key and spelled_alike(known, surface) for known in entry.names)
