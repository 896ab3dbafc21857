"""Person names compared across spellings: skeletons, similarity and an index.

Arabic news transliterates one foreign name many ways (وانغ يي / وانج يي، شي جين بينغ / شى جين
بينج). :func:`name_key` maps a name to a skeleton that those spellings share,
:func:`name_similarity` scores two names token by token on their skeletons (same person from
``PERSON_THRESHOLD``), and :class:`PersonNameIndex` finds, among many names, the few a new name
can reach that threshold against.
"""

from __future__ import annotations

from collections.abc import Hashable
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations, product
from math import ceil
from typing import Generic, TypeVar

import regex

from arextract.text.normalize import fold

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

# Letters that transliterate one foreign sound: g (غ ج ق ك), s / z (س ز ص ث), t (ت ط).
_LETTER_CLASS = str.maketrans({"غ": "ك", "ج": "ك", "ق": "ك", "ز": "س", "ص": "س", "ث": "س", "ط": "ت"})
_LONG_VOWELS = frozenset("اوي")
_EMPHATIC = frozenset("صضطظ")
_DOUBLED_RE = regex.compile(r"(.)\1+")
_NAME_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
_JOIN_NEXT = frozenset(["عبد", "ابو"])  # عبد الله = عبدالله; a kunya is one word (أبو العيش)
# (not ابي: folded, it is also آبي, a given name: آبي أحمد علي is not "أحمد علي")
_JOIN_PREVIOUS = frozenset(["الله"])  # نصر الله = نصرالله


def name_words(name: str) -> list[str]:
    """The folded words of a name, without punctuation (ألكسندر لوكاشينكو -> الكسندر، لوكاشينكو)."""
    return _NAME_WORD_RE.findall(fold(name))


@lru_cache(maxsize=65536)
def token_letters(token: str) -> str:
    """One folded name token before its long vowels are dropped (see :func:`name_key`)."""
    token = token.replace("ء", "")
    if token == "ابن":
        return "بن"
    if token.startswith("ال") and len(token) > 4 and not token.endswith("الله"):
        token = token[2:]  # the article, unless the token is (ends in) الله
    if len(token) > 2 and token[-1] == "ه" and token[-2] in _LONG_VOWELS:
        token = token[:-1]  # جيه / جي، سيرجيه / سيرجي: a written final e
    return _DOUBLED_RE.sub(r"\1", token.replace("تش", "ش").translate(_LETTER_CLASS))


@lru_cache(maxsize=65536)
def token_skeleton(token: str) -> str:
    """The skeleton of one folded name token (see :func:`name_key`)."""
    token = token_letters(token)
    if len(token) <= 2:  # يي، شي، لي: the vowel is all that tells them apart
        return token
    token = token[0] + "".join(char for char in token[1:] if char not in _LONG_VOWELS)
    return _DOUBLED_RE.sub(r"\1", token)


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """The skeletons of the tokens of a person name (compound names joined: عبد الله)."""
    return tuple(skeleton for skeleton in map(token_skeleton, _joined_words(name)) if skeleton)


def _joined_words(name: str) -> list[str]:
    """The folded words of a person name, compound names joined (عبد الله -> عبدالله)."""
    words = name_words(name)
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
    return joined


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(char in letters for char in short)


@lru_cache(maxsize=65536)
def spelled_alike(a: str, b: str) -> bool:
    """Whether two person names with one skeleton may be spellings of one name: each token's
    letters (long vowels kept) are those of the other's with some long vowels left out.

    The skeleton drops long vowels, for the many ways a foreign name is written (نتنياهو /
    نتانياهو، ترامب / ترمب), but an Arabic name with another vowel is another name: تميم السالم
    is not تمام سلام, nor خالد العباد خالد العبيدي (ي / ا where the other has ا / none)."""
    forms_a = [form for form in map(token_letters, _joined_words(a)) if form]
    forms_b = [form for form in map(token_letters, _joined_words(b)) if form]
    if len(forms_a) != len(forms_b):
        return True  # not aligned token by token: the similarity alone decides
    return all(_is_subsequence(x, y) or _is_subsequence(y, x) for x, y in zip(forms_a, forms_b, strict=True))


def name_key(name: str) -> str:
    """A transliteration-aware skeleton of a person name, for exact-key matching.

    :func:`~arextract.text.normalize.fold`, then per token: hamza dropped, ابن -> بن, the article
    ال stripped (not from الله), a final ه after a long vowel dropped (جيه), تش -> ش, the
    classes غ ج ق ك / س ز ص ث / ت ط (transliterations of g, s, t), the long vowels ا و ي dropped
    after the first letter (tokens of one or two letters are kept whole: يي، شي، لي), doubled
    letters collapsed. وانغ يي and وانج يي share a key, and so do شي جين بينغ and شى جين بينج.
    """
    return " ".join(name_tokens(name))


# The links of a lineage (folded): بن، ابن، بنت (a father's name follows) and آل (محمد بن سلمان
# بن عبدالعزيز آل سعود).
NASAB_LINKS = frozenset({"بن", "ابن", "بنت"})
FAMILY_LINK = "ال"  # آل, folded to its skeleton
LINEAGE = NASAB_LINKS | {FAMILY_LINK}


def nasab_dropped(name: str) -> list[str]:
    """The folded words of a person name without its ``بن X`` links (the name's own words when
    it has none): عادل بن أحمد الجبير -> عادل، الجبير."""
    words = name_words(name)
    kept: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in NASAB_LINKS and index + 1 < len(words):
            skip = 2 if words[index + 1] not in _JOIN_NEXT else 3  # بن عبد الله
            index += skip
            continue
        kept.append(word)
        index += 1
    return kept


def without_nasab(name: str) -> str:
    """The name key of a person name with its ``بن X`` links dropped ("" when it has none)."""
    kept = nasab_dropped(name)
    dropped = len(kept) < len(name_words(name))
    return name_key(" ".join(kept)) if dropped and len(kept) >= 2 else ""


_SON_OF = frozenset({"بن", "بنت"})  # skeletons of بن، ابن، بنت


@lru_cache(maxsize=65536)
def lineage(name: str) -> tuple[str, tuple[str, ...], str] | None:
    """The given name, forebears and family name (skeletons; "" for none) of a nasab name:
    محمد بن سلمان بن عبدالعزيز آل سعود -> (محمد، (سلمان، عبدالعزيز)، سعود); None for a name
    with no ``بن X`` after its given name, or with other words in it."""
    tokens = name_tokens(name)
    if len(tokens) < 3 or tokens[1] not in _SON_OF:
        return None
    fathers: list[str] = []
    index = 1
    while index + 1 < len(tokens) and tokens[index] in _SON_OF:
        fathers.append(tokens[index + 1])
        index += 2
    rest = tokens[index:]
    if not rest:
        return tokens[0], tuple(fathers), ""
    if len(rest) == 2 and rest[0] == FAMILY_LINK:
        return tokens[0], tuple(fathers), rest[1]
    if len(rest) == 1 and rest[0] not in _SON_OF and rest[0] != FAMILY_LINK:
        return tokens[0], tuple(fathers), rest[0]
    return None


def extends_lineage(longer: str, shorter: str, min_fathers: int = 2) -> bool:
    """Whether ``longer`` is ``shorter`` with its lineage carried further: the same given name,
    the forebears of ``shorter`` first among its own, and the same family name if ``shorter``
    has one (محمد بن سلمان بن عبدالعزيز آل سعود extends محمد بن سلمان بن عبدالعزيز and محمد بن
    سلمان آل سعود). ``shorter`` must name someone alone: a family name, or ``min_fathers``
    forebears (محمد بن سلمان may be a Saudi or a Bahraini prince; in one article it is the one
    the article named in full)."""
    long_parts, short_parts = lineage(longer), lineage(shorter)
    if long_parts is None or short_parts is None or long_parts == short_parts:
        return False
    given, fathers, family = long_parts
    short_given, short_fathers, short_family = short_parts
    if given != short_given or fathers[: len(short_fathers)] != short_fathers:
        return False
    if short_family:
        return family == short_family
    return len(short_fathers) >= min_fathers


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


def similarity_ceiling(a_tokens: int, b_tokens: int) -> float:
    """The most :func:`name_similarity` can give two names of these token counts (each token of
    the shorter one matched exactly): a name of three tokens is never the same person as one of
    four (6/7 < ``PERSON_THRESHOLD``), so a linker need not compare them."""
    return 2 * min(a_tokens, b_tokens) / (a_tokens + b_tokens) if a_tokens and b_tokens else 0.0


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


def emphatics(word: str) -> frozenset[str]:
    """The emphatic letters of a word. The name key merges ص with س and ز, and ط with ت, for
    the spellings of one foreign sound (:data:`_LETTER_CLASS`); an Arabic name written with an
    emphatic is another name (صبري is no short form of هوشيار زيباري)."""
    return frozenset(word) & _EMPHATIC
