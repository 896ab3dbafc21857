"""Entity linking and coreference: one canonical entity per real-world person, country,
organisation and initiative.

:class:`Linker` is a pipeline stage that runs after NER. It

* links person mentions to the knowledge base by :func:`name_similarity` over transliteration
  skeletons (:func:`name_key`), so وانغ يي / وانج يي and شي جين بينغ / شى جين بينج are one
  person, while وانغ يي / وانغ وين تاو stay two;
* clusters the person mentions of a document: spelling variants merge, and a one-token short
  form (وانغ، شي، لوكاشينكو) joins the one full name in the document whose first or last token
  it is (it is left alone when two full names share that token);
* finds what NER missed of those people: knowledge-base names in another spelling
  (``source="link"``) and later short forms of a full name already seen (``source="link"``);
* links model mentions of places, organisations and initiatives to the knowledge base by folded
  name (with clitic readings) or nisba;
* adds coreference mentions (``source="coref"``): الجانب القازاقي -> Kazakhstan; البلدين /
  الجانبين -> the two countries in focus (two mentions with the same span); نظيره البيلاروسي ->
  the Belarusian person of the document; بلاده -> the country of the latest person subject.

Every mention leaves with ``canonical``, ``aliases`` (its entity's surface forms in the document,
then the knowledge-base names), ``kb_id`` when known and a ``confidence`` that is the lower of
the NER confidence and the link's (so linking twice changes nothing). Phrase lists live in ``data/link.toml``.

:func:`entity_table` merges the entities of many documents into one row per real-world entity.
"""

from __future__ import annotations

import tomllib
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations, product
from math import ceil
from typing import Generic, TypeVar

import regex

from arextract.kb import KBEntry, KnowledgeBase
from arextract.ner.gazetteer import span_entity, surface_offset
from arextract.resources import package_data
from arextract.schema import Document, Entity, EntitySource, EntityType, Sentence, Token
from arextract.text.clitics import PROCLITICS, CliticReading, clitic_readings
from arextract.text.normalize import fold
from arextract.text.segment import tokenize
from arextract.text.spans import SpanSet

# --------------------------------------------------------------------------------------------
# Name skeletons and similarity
# --------------------------------------------------------------------------------------------

# Two person names are the same person when name_similarity >= PERSON_THRESHOLD. Tokens are
# compared on skeletons; a pair of different tokens counts with its difflib ratio only when both
# have at least FUZZY_MIN_LETTERS letters and the ratio is at least TOKEN_THRESHOLD (one-token
# names: SINGLE_TOKEN_THRESHOLD), else 0. So a name differing from another in a whole token
# never reaches the threshold (محمد بن سلمان / محمد بن زايد: 0.67; وانغ يي / وانغ وين تاو: 0.4),
# nor does a name with one token more (الشيخ نواف الأحمد / الشيخ أحمد نواف الأحمد: 0.86), while
# a one-letter slip in a long token still does (a two-token name: 0.9). Checked against every pair
# of people in models/kb/people.tsv: no two of them reach it except by a shared exact key.
PERSON_THRESHOLD = 0.87
TOKEN_THRESHOLD = 0.8
SINGLE_TOKEN_THRESHOLD = 0.9
FUZZY_MIN_LETTERS = 4

# Link confidences (a mention keeps the lower of its NER confidence and its link's).
FUZZY_LINK = 0.9  # times the similarity, for a KB person matched by similarity, not by name
SHORT_FORM_LINK = 0.85  # a one-token short form resolved to the one matching full name
KB_SHORT_FORM_LINK = 0.6  # a one-token name resolved to the one KB person carrying that token
VARIANT_MENTION = 0.8  # confidence of a mention the linker finds (KB name in another spelling)
SHORT_MENTION = 0.75  # confidence of a short form the linker finds

# Letters that transliterate one foreign sound: g (غ ج ق ك), s / z (س ز ص ث), t (ت ط).
_LETTER_CLASS = str.maketrans({"غ": "ك", "ج": "ك", "ق": "ك", "ز": "س", "ص": "س", "ث": "س", "ط": "ت"})
_LONG_VOWELS = frozenset("اوي")
_DOUBLED_RE = regex.compile(r"(.)\1+")
_NAME_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
_JOIN_NEXT = frozenset(["عبد"])  # عبد الله = عبدالله
_JOIN_PREVIOUS = frozenset(["الله"])  # نصر الله = نصرالله
# Proclitics a person name takes (وشي، لوانغ); not the article-bearing ones.
_NAME_PROCLITICS = frozenset(["", "و", "ف", "ل", "ب", "وب", "ول", "فل", "فب"])


@lru_cache(maxsize=65536)
def _skeleton(token: str) -> str:
    """The skeleton of one folded name token (see :func:`name_key`)."""
    token = token.replace("ء", "")
    if token == "ابن":
        return "بن"
    if token.startswith("ال") and len(token) > 4 and not token.endswith("الله"):
        token = token[2:]  # the article, unless the token is (ends in) الله
    if len(token) > 2 and token[-1] == "ه" and token[-2] in _LONG_VOWELS:
        token = token[:-1]  # جيه / جي، سيرجيه / سيرجي: a written final e
    token = token.replace("تش", "ش").translate(_LETTER_CLASS)
    if len(token) <= 2:  # يي، شي، لي: the vowel is all that tells them apart
        return token
    token = token[0] + "".join(char for char in token[1:] if char not in _LONG_VOWELS)
    return _DOUBLED_RE.sub(r"\1", token)


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """The skeletons of the tokens of a person name (compound names joined: عبد الله)."""
    words = _NAME_WORD_RE.findall(fold(name))
    joined: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in _JOIN_NEXT and index + 1 < len(words):
            word += words[index + 1]
            index += 1
        elif word in _JOIN_PREVIOUS and joined:
            joined[-1] += word
            index += 1
            continue
        joined.append(word)
        index += 1
    return tuple(skeleton for skeleton in map(_skeleton, joined) if skeleton)


def name_key(name: str) -> str:
    """A transliteration-aware skeleton of a person name, for exact-key matching.

    :func:`~arextract.text.normalize.fold`, then per token: hamza dropped, ابن -> بن, the article
    ال stripped (not from الله), a final ه after a long vowel dropped (جيه), تش -> ش, the
    classes غ ج ق ك / س ز ص ث / ت ط (transliterations of g, s, t), the long vowels ا و ي dropped
    after the first letter (tokens of one or two letters are kept whole: يي، شي، لي), doubled
    letters collapsed. وانغ يي and وانج يي share a key, and so do شي جين بينغ and شى جين بينج.
    """
    return " ".join(name_tokens(name))


@lru_cache(maxsize=65536)
def _token_ratio(a: str, b: str, threshold: float = TOKEN_THRESHOLD) -> float:
    if a == b:
        return 1.0
    if min(len(a), len(b)) < FUZZY_MIN_LETTERS:
        return 0.0
    ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
    return ratio if ratio >= threshold else 0.0


def _tokens_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if len(a) == 1 and len(b) == 1:
        return _token_ratio(a[0], b[0], SINGLE_TOKEN_THRESHOLD)
    # Best order-preserving alignment of tokens (weights: token ratios), Dice-normalised.
    previous = [0.0] * (len(b) + 1)
    for token_a in a:
        current = [0.0] * (len(b) + 1)
        for j, token_b in enumerate(b, 1):
            current[j] = max(previous[j], current[j - 1], previous[j - 1] + _token_ratio(token_a, token_b))
        previous = current
    return 2 * previous[-1] / (len(a) + len(b))


@lru_cache(maxsize=65536)
def name_similarity(a: str, b: str) -> float:
    """How alike two person names are, in [0, 1], token by token on their skeletons.

    Tokens are aligned in order; a pair of different tokens counts with its difflib ratio when
    both have ``FUZZY_MIN_LETTERS`` letters and the ratio reaches ``TOKEN_THRESHOLD``
    (``SINGLE_TOKEN_THRESHOLD`` for two one-token names); the sum is normalised by the two token
    counts (Dice). Same person from ``PERSON_THRESHOLD`` up.
    """
    return _tokens_similarity(name_tokens(a), name_tokens(b))


def _fuzzy_depth(length: int) -> int:
    """How many letters a name token of ``length`` letters can lack against another token that
    it still matches at ``TOKEN_THRESHOLD``.

    difflib's ratio is 2M / (la + lb) with M at most the longest common subsequence L; with
    da = la - L and db = lb - L, ratio >= T gives da + db <= 2L(1 - T) / T, so
    da <= la * c / (1 + c) with c = 2(1 - T) / T: a third of the letters at T = 0.8.
    """
    c = 2 * (1 - TOKEN_THRESHOLD) / TOKEN_THRESHOLD
    return int(length * c / (1 + c) + 1e-9)


@lru_cache(maxsize=65536)
def _deletions(token: str) -> frozenset[str]:
    """The token with up to :func:`_fuzzy_depth` letters deleted (itself included): two tokens
    whose ratio reaches ``TOKEN_THRESHOLD`` share one of these (their common subsequence)."""
    out = {token}
    for depth in range(1, _fuzzy_depth(len(token)) + 1):
        for kept in combinations(range(len(token)), len(token) - depth):
            out.add("".join(token[index] for index in kept))
    return frozenset(out)


@lru_cache(maxsize=64)
def _tokens_needed(count: int) -> int:
    """How many of a ``count``-token name's tokens must match some token of another name for
    :func:`name_similarity` to reach ``PERSON_THRESHOLD`` against any other name.

    The similarity is at most 2k / (count + n) for k matched tokens of an n-token name and
    k <= min(count, n): 2 of 2, 3 of 3, 4 of 4 or 5, 4 of 5 (against 4 tokens)...
    """
    needed = [
        k
        for n in range(1, 2 * count + 3)
        if (k := ceil(PERSON_THRESHOLD * (count + n) / 2 - 1e-9)) <= min(count, n)
    ]
    return min(needed, default=count + 1)


_Key = TypeVar("_Key", bound=Hashable)


class PersonNameIndex(Generic[_Key]):
    """Person names indexed by their skeleton tokens, to find the names a new name could reach
    ``PERSON_THRESHOLD`` against without comparing it with all of them.

    A name reaches the threshold against another only if all but a few of its tokens
    (:func:`_tokens_needed`) match tokens of the other, in order, each equal to it or within
    ``TOKEN_THRESHOLD`` (:func:`_deletions` finds those: وانغ يي finds وانج يي). Every name is
    filed under each ordered pair and triple of its tokens; a query looks up the pairs or
    triples of its rarest tokens (any name it can reach shares one of them), so "محمد حسن
    الخطيب" meets the few names holding محمد ... الخطيب, not every محمد. Every name that can
    reach the threshold is returned (callers then choose exactly as a scan of all names would),
    among few others: O(lookups + candidates) per query instead of O(names). Names of more than
    ``_COMBO_TOKENS`` tokens (never real names) are not filed and are always candidates.
    """

    _COMBO_TOKENS = 8

    def __init__(self) -> None:
        self._postings: dict[str, set[_Key]] = {}  # skeleton token -> keys of names with it
        self._fuzzy: dict[str, set[str]] = {}  # deletion form -> tokens (>= FUZZY_MIN_LETTERS)
        self._combos: dict[tuple[str, ...], set[_Key]] = {}  # ordered token pairs and triples
        self._long: set[_Key] = set()

    def add(self, key: _Key, name: str) -> None:
        tokens = name_tokens(name)
        for token in tokens:
            keys = self._postings.get(token)
            if keys is None:
                keys = self._postings[token] = set()
                if len(token) >= FUZZY_MIN_LETTERS:
                    for form in _deletions(token):
                        self._fuzzy.setdefault(form, set()).add(token)
            keys.add(key)
        if len(tokens) > self._COMBO_TOKENS:
            self._long.add(key)
            return
        for size in (2, 3):
            for combo in combinations(tokens, size):
                self._combos.setdefault(combo, set()).add(key)

    def _similar_tokens(self, token: str) -> list[str]:
        found = [token] if token in self._postings else []
        if len(token) >= FUZZY_MIN_LETTERS:
            for form in _deletions(token):
                for other in self._fuzzy.get(form, ()):
                    if other not in found and _token_ratio(token, other) > 0:
                        found.append(other)
        return found

    def candidates(self, name: str) -> set[_Key]:
        """Keys of the indexed names that may reach ``PERSON_THRESHOLD`` against ``name``."""
        tokens = name_tokens(name)
        needed = _tokens_needed(len(tokens))
        if not tokens or needed > len(tokens):
            return set()
        spare = len(tokens) - needed  # query tokens that may go unmatched
        similar = [self._similar_tokens(token) for token in tokens]
        out: set[_Key] = set(self._long)
        if needed < 2:  # a one-token name: any name with a token like it
            for other in similar[0]:
                out |= self._postings[other]
            return out
        size = min(needed, 3)
        # A candidate matches all but `spare` query tokens: among any spare + size of them, at
        # least `size` in order, so it is filed under one of their size-combinations. The
        # rarest tokens give the fewest candidates.
        rarity = [sum(len(self._postings[other]) for other in group) for group in similar]
        chosen = sorted(sorted(range(len(tokens)), key=rarity.__getitem__)[: spare + size])
        for positions in combinations(chosen, size):
            for combo in product(*(similar[position] for position in positions)):
                out |= self._combos.get(combo, set())
        return out


# --------------------------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Lexicons:
    side: frozenset[str]
    side_dual: frozenset[str]
    dual: frozenset[str]
    dual_ambiguous: frozenset[str]
    plural_quantifiers: frozenset[str]
    plural_adjectives: frozenset[str]
    counterpart: frozenset[str]
    counterpart_gap: int
    possessive: frozenset[str]
    subject_verbs: frozenset[str]
    verb_gap: int
    object_markers: frozenset[str]
    short_form_stop: frozenset[str]
    name_particles: frozenset[str]
    country_gap: int
    function_words: frozenset[str] = frozenset()
    kingdom: frozenset[str] = frozenset()
    kingdom_followers: frozenset[str] = frozenset()
    monarchies: tuple[str, ...] = ()
    kingdom_default: str = ""
    kingdom_cues: tuple[str, ...] = ()


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(word) for word in words)


@lru_cache(maxsize=1)
def lexicons() -> _Lexicons:
    with package_data("link.toml").open("rb") as handle:
        data = tomllib.load(handle)
    return _Lexicons(
        side=_folded(data["side"]["nouns"]),
        side_dual=_folded(data["side"]["dual_nouns"]),
        dual=_folded(data["dual"]["words"]),
        dual_ambiguous=_folded(data["dual"]["ambiguous"]),
        plural_quantifiers=_folded(data["dual"]["plural_quantifiers"]),
        plural_adjectives=_folded(data["dual"]["plural_adjectives"]),
        counterpart=_folded(data["counterpart"]["words"]),
        counterpart_gap=int(data["counterpart"]["max_gap"]),
        possessive=_folded(data["possessive"]["words"]),
        subject_verbs=_folded(data["possessive"]["subject_verbs"]),
        verb_gap=int(data["possessive"]["max_verb_gap"]),
        object_markers=_folded(data["possessive"]["object_markers"]),
        short_form_stop=_folded(data["person"]["short_form_stop"]),
        name_particles=_folded(data["person"]["name_particles"]),
        country_gap=int(data["person"]["country_gap"]),
        function_words=frozenset(data["person"].get("function_words", [])),
        kingdom=_folded(data["kingdom"]["words"]),
        kingdom_followers=_folded(data["kingdom"]["name_followers"]),
        monarchies=tuple(data["kingdom"]["monarchies"]),
        kingdom_default=str(data["kingdom"]["default"]),
        kingdom_cues=tuple(fold(w) for w in data["kingdom"]["default_cues"]),
    )


def _with_proclitics(
    words: Iterable[str], allowed: frozenset[str] | None = None
) -> dict[str, tuple[str, int]]:
    """Every proclitic-carrying folded form of ``words``: form -> (word, proclitic length)."""
    out: dict[str, tuple[str, int]] = {}
    for word in words:
        out[word] = (word, 0)
        for prefix in PROCLITICS:
            if allowed is not None and prefix not in allowed:
                continue
            candidates = [prefix + word]
            if word.startswith("ال") and prefix.endswith("ل"):
                candidates.append(prefix + word[1:])  # ل + الجانب = للجانب
            for candidate in candidates:
                for reading in clitic_readings(candidate)[1:]:
                    if reading.stem == word and candidate not in out:
                        out[candidate] = (word, reading.offset)
    return out


# --------------------------------------------------------------------------------------------
# The linker
# --------------------------------------------------------------------------------------------

_LOCATION_TYPES = frozenset([EntityType.COUNTRY, EntityType.CITY, EntityType.REGION])
_OWN_TYPES = frozenset([EntityType.PERSON, EntityType.COUNTRY])  # types of the mentions it adds
_COMPATIBLE: dict[EntityType, frozenset[EntityType]] = {
    EntityType.COUNTRY: _LOCATION_TYPES,
    EntityType.CITY: _LOCATION_TYPES,
    EntityType.REGION: _LOCATION_TYPES,
    EntityType.ORGANIZATION: frozenset([EntityType.ORGANIZATION]),
    EntityType.INITIATIVE: frozenset([EntityType.INITIATIVE]),
    EntityType.EVENT: frozenset([EntityType.EVENT, EntityType.INITIATIVE]),
    EntityType.MISC: frozenset([EntityType.MISC, EntityType.INITIATIVE]),
}


@dataclass
class _Target:
    """One entity of the document that mentions point to."""

    type: EntityType
    canonical: str
    kb_id: str | None = None
    subtype: str | None = None
    kb_names: tuple[str, ...] = ()
    name_en: str | None = None  # from the knowledge file only: never guessed
    country: str | None = None  # ISO alpha-2, persons and places
    full_names: list[str] = field(default_factory=list)  # persons: the full mentions' texts


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    type: EntityType
    subtype: str | None
    source: EntitySource
    confidence: float
    target: str  # key into the targets table


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping character spans merged, in order (so a bisect finds any overlap)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _name_then_particle(text: str, words: dict[str, str], particles: frozenset[str]) -> bool:
    parts = fold(text).split()
    return len(parts) == 2 and parts[0] in words and parts[1] in particles


_LINEAGE = frozenset({"بن", "ابن", "بنت", "ال"})  # folded: بن، ابن، بنت، آل


def _with_lineage(entities: list[Entity], tokens: list[Token], text: str) -> list[Entity]:
    """Extend a person's name over the lineage that follows it: "محمد بن سلمان" + "بن
    عبدالعزيز آل سعود" is one name, so the title after it is read as his."""
    starts = {token.start: index for index, token in enumerate(tokens)}
    ends = {token.end: index for index, token in enumerate(tokens)}
    taken = sorted((e.start, e.end) for e in entities)
    taken_starts = [start for start, _ in taken]
    widest = max((end - start for start, end in taken), default=0)

    def overlaps_other(start: int, end: int, own: tuple[int, int]) -> bool:
        # only spans starting less than `widest` before `start` can reach it: O(log n) a step
        low = bisect_right(taken_starts, start - widest)
        high = bisect_left(taken_starts, end)
        return any(s < end and start < t for s, t in taken[low:high] if (s, t) != own)

    out = []
    for entity in entities:
        last = ends.get(entity.end)
        if entity.type is EntityType.PERSON and last is not None:
            end = entity.end
            while (
                last + 2 < len(tokens)
                and tokens[last + 1].norm in _LINEAGE
                and tokens[last + 2].norm.isalpha()
            ):
                following = tokens[last + 2]
                if overlaps_other(following.start, following.end, (entity.start, entity.end)):
                    break
                last, end = last + 2, following.end
            if end != entity.end and entity.start in starts:
                entity = entity.model_copy(update={"end": end, "text": text[entity.start : end]})
        out.append(entity)
    return out


def _without_nasab(name: str) -> str:
    """The name key of a person name with its ``بن X`` links dropped ("" when it has none)."""
    words = _NAME_WORD_RE.findall(fold(name))
    kept: list[str] = []
    dropped = False
    index = 0
    while index < len(words):
        word = words[index]
        if word in ("بن", "ابن", "بنت") and index + 1 < len(words):
            skip = 2 if words[index + 1] not in _JOIN_NEXT else 3  # بن عبد الله
            index += skip
            dropped = True
            continue
        kept.append(word)
        index += 1
    return name_key(" ".join(kept)) if dropped and len(kept) >= 2 else ""


def _short_form_word(text: str, words: dict[str, str]) -> str | None:
    """The short-form word a surface form is, if any (folded, proclitics ignored)."""
    folded = fold(text)
    for reading in clitic_readings(folded):
        if reading.stem in words:
            return reading.stem
    return None


def _looks_like_word(token: Token) -> bool:
    return token.norm[:1].isalpha()


class Linker:
    """Pipeline stage: link every mention to one entity and add coreference mentions.

    O(n log n) in the document's mentions and tokens: person names are compared only with
    the clusters :class:`PersonNameIndex` finds, and the phrases (نظيره، بلاده، البلدين) find the
    persons around them by bisection, not by walking back over every earlier mention."""

    name = "link"

    def __init__(self, kb: KnowledgeBase, *, find_mentions: bool = True) -> None:
        self.kb = kb
        self.find_mentions = find_mentions
        self.lex = lexicons()
        self._entries_by_canonical: dict[tuple[EntityType, str], list[KBEntry]] = {}
        self._by_name: dict[str, list[KBEntry]] = {}
        self._by_nisba: dict[str, KBEntry] = {}
        self._people: list[KBEntry] = []
        self._person_key: dict[str, list[KBEntry]] = {}  # name_key -> entries
        self._person_token: dict[str, set[int]] = {}  # skeleton token -> person indexes
        self._person_first: dict[str, int] = {}  # folded first word skeleton -> max word count
        self._person_pairs: set[tuple[str, str]] = set()  # skeletons of a name's first two words
        self._country_by_iso: dict[str, KBEntry] = {}
        self._name_starts: dict[str, tuple[tuple[CliticReading, int], ...]] = {}
        for entry in kb.entries:
            self._entries_by_canonical.setdefault((entry.type, entry.canonical), []).append(entry)
            if entry.type is EntityType.COUNTRY and entry.kb_id:
                self._country_by_iso.setdefault(entry.kb_id, entry)
                for form in entry.nisba:
                    self._by_nisba.setdefault(form, entry)
            if entry.type is EntityType.PERSON:
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
                    words = _NAME_WORD_RE.findall(fold(name))
                    if len(words) >= 2:
                        first = _skeleton(words[0])
                        self._person_first[first] = max(self._person_first.get(first, 0), len(words))
                        self._person_pairs.add((first, _skeleton(words[1])))
            else:
                for name in entry.names:
                    self._by_name.setdefault(fold(name), []).append(entry)
        self._side = _with_proclitics(self.lex.side | self.lex.side_dual)
        self._dual = _with_proclitics(self.lex.dual)
        self._counterpart = _with_proclitics(self.lex.counterpart)
        self._possessive = _with_proclitics(self.lex.possessive)
        self._kingdom = _with_proclitics(self.lex.kingdom)
        self._verbs = _with_proclitics(self.lex.subject_verbs)
        self.version = f"1:{len(self._people)}p"

    # -- knowledge-base look-ups ------------------------------------------------------------

    def name_starts(self, norm: str) -> tuple[tuple[CliticReading, int], ...]:
        """Readings of a folded word that begin a KB person name, with its longest word count."""
        found = (
            tuple(
                (reading, self._person_first[_skeleton(reading.stem)])
                for reading in clitic_readings(norm)
                if reading.proclitic in _NAME_PROCLITICS and _skeleton(reading.stem) in self._person_first
            )
            if norm[:1].isalpha()
            else ()
        )
        if len(self._name_starts) < 200_000:
            self._name_starts[norm] = found
        return found

    def link_person(self, name: str) -> tuple[KBEntry | None, float]:
        """The KB person a full name refers to and the similarity, or (None, best score)."""
        key = name_key(name)
        exact = self._person_key.get(key)
        if exact:
            return (exact[0], 1.0) if len(exact) == 1 else (None, 0.0)
        tokens = name_tokens(name)
        candidates: set[int] = set()
        for token in tokens:
            candidates |= self._person_token.get(token, set())
        best: list[KBEntry] = []
        best_score = 0.0
        for index in sorted(candidates):
            entry = self._people[index]
            score = max(name_similarity(name, known) for known in entry.names)
            if score > best_score + 1e-9:
                best, best_score = [entry], score
            elif abs(score - best_score) <= 1e-9 and entry not in best:
                best.append(entry)
        if best_score >= PERSON_THRESHOLD and len(best) == 1:
            return best[0], best_score
        return None, best_score

    def _kb_short_form(self, token_key: str) -> KBEntry | None:
        """The one KB person whose name starts or ends with this skeleton token, if one."""
        found: set[int] = set()
        for index in self._person_token.get(token_key, set()):
            for name in self._people[index].names:
                tokens = name_tokens(name)
                if len(tokens) >= 2 and token_key in (tokens[0], tokens[-1]):
                    found.add(index)
        return self._people[found.pop()] if len(found) == 1 else None

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
            if len(words) == 1 and entity_type in _LOCATION_TYPES and reading.stem in self._by_nisba:
                return self._by_nisba[reading.stem], True
        return None, False

    # -- the stage --------------------------------------------------------------------------

    def __call__(self, doc: Document) -> None:
        tokens = doc.tokens or tokenize(doc.text)
        sentences = doc.sentences or [Sentence(start=0, end=len(doc.text))]
        doc.entities = _with_lineage(doc.entities, tokens, doc.text)
        run = _Run(self, doc, tokens, sentences)
        run.link()
        doc.entities = run.entities()


class _Run:
    """The linking of one document (state shared by the steps of :meth:`Linker.__call__`)."""

    def __init__(self, linker: Linker, doc: Document, tokens: list[Token], sentences: list[Sentence]):
        self.linker = linker
        self.lex = linker.lex
        self.doc = doc
        self.text = doc.text
        self.tokens = tokens
        self.token_starts = [token.start for token in tokens]
        self.sentence_starts = [sentence.start for sentence in sentences]
        self.targets: dict[str, _Target] = {}
        self.mentions: list[_Mention] = []
        self.coref: list[_Mention] = []
        self._kingdom_key: str | None = None
        self._kingdom_looked = False

    # -- helpers ----------------------------------------------------------------------------

    def sentence_of(self, offset: int) -> int:
        return bisect_right(self.sentence_starts, offset) - 1

    def token_at(self, offset: int) -> int:
        """Index of the token containing (or starting at / after) ``offset``."""
        index = bisect_right(self.token_starts, offset) - 1
        return max(index, 0)

    def covered(self, start: int, end: int) -> bool:
        return any(m.start < end and start < m.end for m in self.mentions)

    def target_for_entry(self, entry: KBEntry) -> str:
        if entry.key not in self.targets:
            self.targets[entry.key] = _Target(
                type=entry.type,
                canonical=entry.canonical,
                kb_id=entry.kb_id,
                subtype=entry.subtype,
                kb_names=entry.names,
                country=entry.country,
                name_en=entry.name_en or None,
            )
        return entry.key

    def _entry_of(self, entity: Entity) -> KBEntry | None:
        entries = self.linker._entries_by_canonical.get((entity.type, entity.canonical), [])
        for entry in entries:
            if entry.kb_id == entity.kb_id:
                return entry
        return entries[0] if entries else None

    # -- steps ------------------------------------------------------------------------------

    def link(self) -> None:
        persons: list[Entity] = []
        for entity in self.doc.entities:
            if entity.source in (EntitySource.COREF, EntitySource.LINK) and entity.type in _OWN_TYPES:
                continue  # a re-run: what the linker added is rebuilt
            if entity.type is EntityType.PERSON:
                persons.append(entity)
            else:
                self.mentions.append(self._link_other(entity))
        if self.linker.find_mentions:
            persons += self._find_person_variants()
        self._link_persons(persons)
        if self.linker.find_mentions:
            self._find_short_forms()
        self._person_countries()
        self._coreference()

    def _link_other(self, entity: Entity) -> _Mention:
        entry: KBEntry | None = None
        confidence = 1.0
        subtype = entity.subtype
        entity_type = entity.type
        if entity.source != EntitySource.MODEL:
            entry = self._entry_of(entity)  # gazetteer link: kept as is
        if entry is None:
            entry, is_nisba = self.linker.link_name(entity.text, entity.type)
            if entry is not None:
                confidence = 0.95 if entry.type is entity.type else 0.85
                entity_type = entry.type
                subtype = "nisba" if is_nisba else (entity.subtype or entry.subtype)
        if entry is not None:
            key = self.target_for_entry(entry)
        else:
            # Unknown to the KB: an upstream canonical (an earlier stage's coreference) is kept.
            key = f"{entity.type.value}:{entity.kb_id or entity.canonical}"
            self.targets.setdefault(
                key,
                _Target(
                    type=entity.type,
                    canonical=entity.canonical,
                    kb_id=entity.kb_id,
                    subtype=entity.subtype,
                    name_en=entity.name_en,
                ),
            )
        return _Mention(
            entity.start,
            entity.end,
            entity.text,
            entity_type,
            subtype,
            entity.source,
            min(entity.confidence, confidence),
            key,
        )

    def _find_person_variants(self) -> list[Entity]:
        """KB person names written in another spelling (وانج يي), where nothing was found."""
        found: list[Entity] = []
        first = self.linker._person_first
        if not first:
            return found
        # characters already inside a mention (a bytearray, so a long article stays linear)
        taken = bytearray(len(self.text))
        for entity in self.doc.entities:
            taken[entity.start : entity.end] = b"\x01" * (entity.end - entity.start)
        index = 0
        tokens = self.tokens
        starts = self.linker._name_starts
        pairs = self.linker._person_pairs
        while index < len(tokens):
            token = tokens[index]
            match: tuple[int, int, int] | None = None  # (start, last token, offset)
            candidates = starts.get(token.norm)
            if candidates is None:
                candidates = self.linker.name_starts(token.norm)
            if candidates and index + 1 < len(tokens):
                second = _skeleton(tokens[index + 1].norm)
                for reading, longest in candidates:
                    if (_skeleton(reading.stem), second) not in pairs:
                        continue
                    for length in range(min(longest, len(tokens) - index), 1, -1):
                        words = tokens[index : index + length]
                        if not all(_looks_like_word(w) for w in words[1:]):
                            continue
                        if self.sentence_of(words[-1].start) != self.sentence_of(token.start):
                            continue
                        name = " ".join([reading.stem, *(w.norm for w in words[1:])])
                        entries = self.linker._person_key.get(name_key(name))
                        if entries and len(entries) == 1:
                            match = (index, index + length - 1, reading.offset)
                            break
                    if match:
                        break
            if match is None:
                index += 1
                continue
            start = token.start + surface_offset(token.text, match[2])
            end = tokens[match[1]].end
            if taken.find(1, start, end) == -1:
                found.append(span_entity(self.text, start, end, EntityType.PERSON, source=EntitySource.LINK,
                                         confidence=VARIANT_MENTION))
                taken[start:end] = b"\x01" * (end - start)
            index = match[1] + 1
        return found

    def _link_persons(self, persons: list[Entity]) -> None:
        full = [e for e in persons if len(name_tokens(e.text)) >= 2]
        short = [e for e in persons if len(name_tokens(e.text)) < 2]
        clusters: dict[str, int] = {}  # person target keys -> creation order
        names: PersonNameIndex[str] = PersonNameIndex()  # the clusters' names
        for entity in sorted(full, key=lambda e: -len(e.text)):
            entry, score = self._person_entry(entity)
            if entry is not None:
                key = self.target_for_entry(entry)
                confidence = 1.0 if score >= 1.0 else FUZZY_LINK * score
            else:
                similar, score = self._similar_cluster(entity.text, clusters, names)
                confidence = 1.0 if similar is None else FUZZY_LINK * score
                if similar is None:
                    similar = self._nasab_cluster(entity.text, clusters)
                    if similar is not None:
                        confidence = SHORT_FORM_LINK
                key = similar or self._new_person(entity)
            target = self.targets[key]
            target.full_names.append(entity.text)
            names.add(key, entity.text)
            if key not in clusters:
                clusters[key] = len(clusters)
                for name in target.kb_names:
                    names.add(key, name)
            self.mentions.append(self._person_mention(entity, key, confidence))
        self.person_clusters = list(clusters)
        self.short_index = self._short_index(self.person_clusters)
        lone: dict[str, str] = {}  # skeleton -> cluster of short names matching no full name
        for entity in sorted(short, key=lambda e: e.start):
            tokens = name_tokens(entity.text)
            token_key = tokens[0] if tokens else ""
            owners = self.short_index.get(token_key, set())
            confidence = SHORT_FORM_LINK
            found: str | None = None
            if len(owners) == 1:
                found = next(iter(owners))
            elif not owners:
                exact = self.linker._person_key.get(token_key)
                if exact and len(exact) == 1:
                    found, confidence = self.target_for_entry(exact[0]), 1.0
                else:
                    kb_entry = self.linker._kb_short_form(token_key)
                    if kb_entry is not None:
                        found, confidence = self.target_for_entry(kb_entry), KB_SHORT_FORM_LINK
            if found is None:  # the same unknown short name twice is one person
                found = lone.get(token_key) or self._new_person(entity)
                lone[token_key] = found
                confidence = 1.0 if not owners else 0.5
            self.mentions.append(self._person_mention(entity, found, confidence))

    def _nasab_cluster(self, name: str, clusters: dict[str, int]) -> str | None:
        """The one cluster whose name is ``name`` with a nasab inside: ماجد الحقيل is ماجد بن
        عبدالله الحقيل, عبدالله المعلمي is عبدالله بن يحيى المعلمي (given name and family name
        agree, only the ``بن X`` links are left out). None when the name has a nasab itself, has
        no family name, or two clusters fit (محمد آل سعود)."""
        words = _NAME_WORD_RE.findall(fold(name))
        if len(words) != 2 or any(w in _LINEAGE for w in words):
            return None
        key = name_key(name)
        found: set[str] = set()
        for cluster in clusters:
            target = self.targets[cluster]
            for other in (*target.full_names, *target.kb_names):
                if _without_nasab(other) == key:
                    found.add(cluster)
                    break
        return found.pop() if len(found) == 1 else None

    def _person_mention(self, entity: Entity, key: str, confidence: float) -> _Mention:
        return _Mention(
            entity.start,
            entity.end,
            entity.text,
            EntityType.PERSON,
            entity.subtype or self.targets[key].subtype,
            entity.source,
            min(entity.confidence, confidence),
            key,
        )

    def _new_person(self, entity: Entity) -> str:
        """A person the knowledge base does not know: its own cluster, named by its folded form."""
        key = f"person:{len(self.targets)}:{fold(entity.text)}"
        self.targets[key] = _Target(
            type=EntityType.PERSON, canonical=fold(entity.text), subtype=entity.subtype
        )
        return key

    def _person_entry(self, entity: Entity) -> tuple[KBEntry | None, float]:
        if entity.source != EntitySource.MODEL:
            entries = self.linker._entries_by_canonical.get((EntityType.PERSON, entity.canonical), [])
            if len(entries) == 1:
                return entries[0], 1.0
        return self.linker.link_person(entity.text)

    def _similar_cluster(
        self, name: str, clusters: dict[str, int], index: PersonNameIndex[str]
    ) -> tuple[str | None, float]:
        """The earliest cluster most similar to ``name`` at ``PERSON_THRESHOLD`` or above; only
        the clusters ``index`` finds can reach it (O(candidates), not O(clusters))."""
        best: str | None = None
        best_score = 0.0
        for key in sorted(index.candidates(name), key=clusters.__getitem__):
            target = self.targets[key]
            names = [*target.full_names, *target.kb_names]
            score = max((name_similarity(name, other) for other in names), default=0.0)
            if score > best_score:
                best, best_score = key, score
        return (best, best_score) if best_score >= PERSON_THRESHOLD else (None, best_score)

    def _short_index(self, clusters: list[str]) -> dict[str, set[str]]:
        """First and last name tokens of the full names in the document -> person clusters."""
        index: dict[str, set[str]] = {}
        for key in clusters:
            for name in self.targets[key].full_names:
                tokens = name_tokens(name)
                for token in {tokens[0], tokens[-1]}:
                    index.setdefault(token, set()).add(key)
        return index

    def _find_short_forms(self) -> None:
        """Later one-token mentions of a full name in the document (وانغ after وانغ يي)."""
        words: dict[str, str] = {}  # folded first / last word of a full name -> cluster
        ambiguous: set[str] = set()
        for key in self.person_clusters:
            for name in self.targets[key].full_names:
                folded = _NAME_WORD_RE.findall(fold(name))
                for word in {folded[0], folded[-1]}:
                    if len(word) < 2 or word in self.lex.short_form_stop:
                        continue
                    if words.get(word, key) != key:
                        ambiguous.add(word)
                    words[word] = key
        for word in ambiguous:
            words.pop(word, None)
        if not words:
            return
        # قال شي إن...: a place name read across a short form and the particle after it
        # (شي ان = Xi'an) gives way to the person.
        self.mentions = [
            m
            for m in self.mentions
            if m.type is EntityType.PERSON or not _name_then_particle(m.text, words, self.lex.name_particles)
        ]
        first_mention = {m.target: m.start for m in sorted(self.mentions, key=lambda m: m.start)}

        # A demonym that is also a family name of a person of the document is that person:
        # "السوداني" after "محمد شياع السوداني" is not "the Sudanese".
        def family_name(mention: _Mention) -> bool:
            word = _short_form_word(mention.text, words) if mention.subtype == "nisba" else None
            return word is not None and mention.start > first_mention.get(words[word], len(self.text))

        self.mentions = [m for m in self.mentions if not family_name(m)]
        spans = _merged((m.start, m.end) for m in self.mentions)
        span_starts = [span[0] for span in spans]
        forms = _with_proclitics(words, _NAME_PROCLITICS)
        for token in self.tokens:
            form = forms.get(token.norm)
            if form is None:
                continue
            owner = words[form[0]]
            start = token.start + surface_offset(token.text, form[1])
            end = token.end
            if self.text[start:end] in self.lex.function_words:
                continue  # على is not the name علي
            if start < first_mention.get(owner, len(self.text)):
                continue  # a short form refers back to a full name already seen
            position = bisect_left(span_starts, end)  # spans starting before the token ends
            if position and spans[position - 1][1] > start:
                continue
            self.mentions.append(
                _Mention(
                    start,
                    end,
                    self.text[start:end],
                    EntityType.PERSON,
                    self.targets[owner].subtype,
                    EntitySource.LINK,
                    SHORT_MENTION,
                    owner,
                )
            )

    def _person_countries(self) -> None:
        """Countries of person clusters: the KB's, else a country name / nisba right before."""
        evidence: dict[str, Counter[str]] = {}
        ordered = sorted(self.mentions, key=lambda m: (m.start, -m.end))
        for position, mention in enumerate(ordered):
            if mention.type is not EntityType.PERSON:
                continue
            first_token = self.token_at(mention.start)
            for back in range(position - 1, -1, -1):  # (a slice copy per person was quadratic)
                previous = ordered[back]
                if previous.end > mention.start:
                    continue
                target = self.targets[previous.target]
                if previous.type is EntityType.PERSON or target.type is not EntityType.COUNTRY:
                    break  # another entity in between
                gap = first_token - self.token_at(previous.end - 1) - 1
                between = self.text[previous.end : mention.start]
                if (
                    gap <= self.lex.country_gap
                    and not regex.search(r"[,،.:;؛()\"]", between)
                    and (self.sentence_of(previous.start) == self.sentence_of(mention.start))
                    and target.kb_id
                ):
                    evidence.setdefault(mention.target, Counter())[target.kb_id] += 1
                break
        for key, counts in evidence.items():
            target = self.targets[key]
            if target.country is None:
                target.country = counts.most_common(1)[0][0]

    # -- coreference ------------------------------------------------------------------------

    def _country_mentions(self) -> list[_Mention]:
        return [
            m
            for m in self.mentions
            if self.targets[m.target].type is EntityType.COUNTRY and self.targets[m.target].kb_id
        ]

    def _coreference(self) -> None:
        countries = self._country_mentions()
        doc_counts = Counter(m.target for m in countries)
        first_seen: dict[str, int] = {}
        by_sentence: dict[int, Counter[str]] = {}
        for mention in sorted(countries, key=lambda m: m.start):
            first_seen.setdefault(mention.target, mention.start)
            by_sentence.setdefault(self.sentence_of(mention.start), Counter())[mention.target] += 1
        persons = sorted((m for m in self.mentions if m.type is EntityType.PERSON), key=lambda m: m.start)
        # persons by start, for bisection: every phrase below asks about the persons around it
        self._person_starts = [m.start for m in persons]
        self._person_spans = SpanSet((m.start, m.end) for m in persons)
        self._by_country: dict[str, set[str]] | None = None  # built on the first نظيره
        self._latest_subject: list[int] | None = None  # built on the first بلاده
        self._countries_at: dict[int, list[_Mention]] = {}  # start offset -> country mentions
        for mention in self.mentions:
            if mention.type is EntityType.COUNTRY:
                self._countries_at.setdefault(mention.start, []).append(mention)
        consumed: set[int] = set()  # token indexes already used by a side phrase
        removed: set[int] = set()  # ids of nisba mentions a side phrase absorbs
        for index, token in enumerate(self.tokens):
            if index in consumed:
                continue
            norm = token.norm
            if norm in self.linker._side and self._side_phrase(index, consumed, removed):
                continue
            if norm in self.linker._dual:
                self._dual_phrase(index, by_sentence, doc_counts, first_seen)
            elif norm in self.linker._counterpart:
                self._counterpart_phrase(index, persons)
            elif norm in self.linker._possessive:
                self._possessive_phrase(index, persons)
            elif norm in self.linker._kingdom:
                self._kingdom_word(index)
        if removed:
            self.mentions = [m for m in self.mentions if id(m) not in removed]

    def _home_kingdom(self) -> str | None:
        """The target key of the kingdom a bare "المملكة" means in this document, or None."""
        if self._kingdom_looked:
            return self._kingdom_key
        self._kingdom_looked = True
        key: str | None = None
        monarchies = self.lex.monarchies
        by_iso = self.linker._country_by_iso
        named: list[str] = []
        first_city: str | None = None
        for mention in sorted(self.mentions, key=lambda m: m.start):
            target = self.targets.get(mention.target)
            if target is None:
                continue
            if mention.type is EntityType.CITY and first_city is None:
                first_city = target.country or ""
            code = target.kb_id
            if mention.type is EntityType.COUNTRY and code in monarchies and code not in named:
                named.append(str(code))
        iso: str | None
        if first_city in monarchies:
            iso = first_city
        elif len(named) == 1:
            iso = named[0]
        elif not named and any(cue in fold(self.text) for cue in self.lex.kingdom_cues):
            iso = self.lex.kingdom_default
        else:
            iso = None
        if iso and iso in by_iso:
            key = self.target_for_entry(by_iso[iso])
        self._kingdom_key = key
        return key

    def _kingdom_word(self, index: int) -> None:
        """المملكة / بالمملكة on its own -> the story's kingdom (see [kingdom] in link.toml)."""
        token = self.tokens[index]
        following = self.tokens[index + 1].norm if index + 1 < len(self.tokens) else ""
        if following in self.lex.kingdom_followers or self.covered(token.start, token.end):
            return
        key = self._home_kingdom()
        if key is None:
            return
        self._emit(self._surface_start(index, self.linker._kingdom), token.end, key, 0.8)

    def _surface_start(self, index: int, forms: dict[str, tuple[str, int]]) -> int:
        token = self.tokens[index]
        return token.start + surface_offset(token.text, forms[token.norm][1])

    def _nisba_at(self, index: int) -> KBEntry | None:
        if index >= len(self.tokens):
            return None
        for reading in clitic_readings(self.tokens[index].norm):
            entry = self.linker._by_nisba.get(reading.stem)
            if entry is not None and (not reading.proclitic or reading.proclitic == "و"):
                return entry
        return None

    def _emit(self, start: int, end: int, key: str, confidence: float) -> None:
        target = self.targets[key]
        self.coref.append(
            _Mention(
                start,
                end,
                self.text[start:end],
                target.type,
                target.subtype if target.type is EntityType.PERSON else None,
                EntitySource.COREF,
                round(confidence, 3),
                key,
            )
        )

    def _side_phrase(self, index: int, consumed: set[int], removed: set[int]) -> bool:
        """الجانب القازاقي -> KZ; الجانبين الصيني والقازاقي -> CN and KZ."""
        word = self.linker._side[self.tokens[index].norm][0]
        first = self._nisba_at(index + 1)
        if first is None:
            return False
        entries = [first]
        last = index + 1
        if word in self.lex.side_dual:
            second = self._nisba_at(index + 2)
            if second is None or second.key == first.key:
                return False
            entries.append(second)
            last = index + 2
        start = self._surface_start(index, self.linker._side)
        end = self.tokens[last].end
        for entry in entries:
            self._emit(start, end, self.target_for_entry(entry), 0.9)
        for offset in range(start, end):
            for mention in self._countries_at.get(offset, ()):
                if mention.end <= end:
                    removed.add(id(mention))
        consumed.update(range(index, last + 1))
        return True

    def _dual_phrase(
        self,
        index: int,
        by_sentence: dict[int, Counter[str]],
        doc_counts: Counter[str],
        first_seen: dict[str, int],
    ) -> None:
        """البلدين / الجانبين -> the two countries in focus (two mentions, one span)."""
        token = self.tokens[index]
        word = self.linker._dual[token.norm][0]
        confidence = 1.0
        if word in self.lex.dual_ambiguous:
            before = self.tokens[index - 1].norm if index > 0 else ""
            after = self.tokens[index + 1].norm if index + 1 < len(self.tokens) else ""
            if before in self.lex.plural_quantifiers or after in self.lex.plural_adjectives:
                return
            if self.linker._dual[token.norm][1]:  # للبلدان: a preposition, so genitive: plural
                return
            confidence = 0.75
        in_sentence = by_sentence.get(self.sentence_of(token.start), Counter())

        def rank(key: str) -> tuple[int, int, int]:
            return (-in_sentence.get(key, 0), -doc_counts[key], first_seen[key])

        if len(in_sentence) >= 2:
            chosen = sorted(in_sentence, key=rank)[:2]
            confidence *= 0.85 if len(in_sentence) == 2 else 0.7
        else:
            chosen = sorted(doc_counts, key=lambda key: (-doc_counts[key], first_seen[key]))[:2]
            if len(chosen) < 2:
                return
            ranked = sorted(doc_counts.values(), reverse=True)
            clear = len(ranked) == 2 or ranked[1] > ranked[2]
            confidence *= 0.8 if clear else 0.5
        start = self._surface_start(index, self.linker._dual)
        for key in sorted(chosen, key=lambda k: first_seen[k]):
            self._emit(start, token.end, key, confidence)

    def _counterpart_phrase(self, index: int, persons: list[_Mention]) -> None:
        """نظيره البيلاروسي -> the Belarusian person apposed, else the one of the document."""
        entry = self._nisba_at(index + 1)
        if entry is None or entry.kb_id is None:
            return
        nisba_token = self.tokens[index + 1]
        sentence = self.sentence_of(nisba_token.start)
        key: str | None = None
        confidence = 0.0
        following = bisect_left(self._person_starts, nisba_token.end)  # the first person after
        if following < len(persons):
            person = persons[following]
            gap = self.token_at(person.start) - (index + 1) - 1
            between = self.text[nisba_token.end : person.start]
            if (
                gap <= self.lex.counterpart_gap
                and self.sentence_of(person.start) == sentence
                and not (regex.search(r"[,،.:;؛()\"]", between))
            ):
                key, confidence = person.target, 0.9
        if key is None:
            if self._by_country is None:
                self._by_country = {}
                for m in persons:
                    country = self.targets[m.target].country
                    if country:
                        self._by_country.setdefault(country, set()).add(m.target)
            same = self._by_country.get(entry.kb_id, set())
            if len(same) == 1:
                key, confidence = next(iter(same)), 0.7
        if key is None:
            return
        start = self._surface_start(index, self.linker._counterpart)
        self._emit(start, nisba_token.end, key, confidence)

    def _possessive_phrase(self, index: int, persons: list[_Mention]) -> None:
        """بلاده -> the country of the latest person subject before it."""
        token = self.tokens[index]
        if self._latest_subject is None:
            # latest[i]: the last j <= i whose person follows a subject verb (-1: none); so
            # each بلاده costs O(log n), not a walk back over every earlier person
            self._latest_subject = []
            for position, mention in enumerate(persons):
                previous = self._latest_subject[-1] if position else -1
                self._latest_subject.append(position if self._after_subject_verb(mention) else previous)
        latest = self._latest_subject

        def ended(position: int) -> bool:
            return persons[position].end <= token.start

        # the persons that end before the word (a person starting at or after it cannot)
        position = bisect_left(self._person_starts, token.start) - 1
        while position >= 0 and not ended(position):
            position -= 1
        if position < 0:
            return
        chosen = persons[position]
        confidence = 0.65
        subject = latest[position]
        while subject >= 0 and not ended(subject):
            subject = latest[subject - 1] if subject else -1
        if subject >= 0:
            chosen, confidence = persons[subject], 0.8
        country = self.targets[chosen.target].country
        entry = self.linker._country_by_iso.get(country) if country else None
        if entry is None:
            return
        start = self._surface_start(index, self.linker._possessive)
        self._emit(start, token.end, self.target_for_entry(entry), confidence)

    def _after_subject_verb(self, mention: _Mention) -> bool:
        first = self.token_at(mention.start)
        sentence = self.sentence_of(mention.start)
        for index in range(first - 1, max(-1, first - 1 - self.lex.verb_gap), -1):
            token = self.tokens[index]
            if self.sentence_of(token.start) != sentence or not _looks_like_word(token):
                return False
            if token.norm in self.linker._verbs:
                return True
            if token.norm in self.lex.object_markers or self._person_spans.covers(token.start):
                return False  # التقى وانغ مع تليوبردي: the name after مع / another person is no subject
        return False

    # -- output -----------------------------------------------------------------------------

    def entities(self) -> list[Entity]:
        mentions = self.mentions + self.coref
        surfaces: dict[str, list[str]] = {}
        for mention in sorted(mentions, key=lambda m: m.start):
            if mention.source != EntitySource.COREF:
                surfaces.setdefault(mention.target, [])
                if mention.text not in surfaces[mention.target]:
                    surfaces[mention.target].append(mention.text)
        aliases: dict[str, list[str]] = {}
        for key, target in self.targets.items():
            names = list(surfaces.get(key, []))
            names += [name for name in target.kb_names if name not in names]
            aliases[key] = names
        for key, target in self.targets.items():
            if target.type is EntityType.PERSON and target.kb_id is None and not target.kb_names:
                longest = max(target.full_names or surfaces.get(key, [target.canonical]), key=len)
                target.canonical = fold(longest)
        ordered = sorted(
            mentions,
            key=lambda m: (
                m.start,
                -m.end,
                self.targets[m.target].kb_id or "",
                self.targets[m.target].canonical,
            ),
        )
        out: list[Entity] = []
        for number, mention in enumerate(ordered, 1):
            target = self.targets[mention.target]
            out.append(
                Entity(
                    id=f"e{number}",
                    type=mention.type if mention.source != EntitySource.COREF else target.type,
                    subtype=mention.subtype,
                    text=mention.text,
                    start=mention.start,
                    end=mention.end,
                    canonical=target.canonical,
                    aliases=list(aliases[mention.target]),
                    kb_id=target.kb_id,
                    name_en=target.name_en,
                    confidence=round(min(1.0, mention.confidence), 3),
                    source=mention.source,
                )
            )
        return out


# --------------------------------------------------------------------------------------------
# The entity table across documents
# --------------------------------------------------------------------------------------------


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

    Entities are keyed on (type, kb_id) when they have a kb_id, else on (type, canonical);
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
                key = (entity.type.value, "name:" + entity.canonical)
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

