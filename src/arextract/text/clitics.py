"""The one clitic inventory of arextract: the proclitics Arabic news writes attached to a word,
and the (proclitic, stem) readings of a word.

``وبالرياض`` is و + ب + الرياض; ``للصين`` is ل + الصين with the article's alef dropped. Clitics
are never split blindly (``وزير``, ``لبنان`` and ``بكين`` begin with clitic letters): stages that
consult a lexicon keep the reading the lexicon confirms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

# The one-letter proclitics, in the order they attach: a conjunction (و and, ف so), then a
# preposition (ب in/with, ل for/to, ك like), then the article. PROCLITICS is every combination
# of the three (ل + ال is written لل), longest first; a test checks it.
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
# The same letters as strings, for ``word[:1] in CONJUNCTION_LETTERS`` and ``str.lstrip``.
CONJUNCTION_LETTERS = "".join(CONJUNCTIONS)
PREPOSITION_LETTERS = "".join(PREPOSITIONS)
PROCLITIC_LETTERS = CONJUNCTION_LETTERS + PREPOSITION_LETTERS
# The prepositions a name or a title takes (بوزير، للرئيس); ك ("like") compares, it names nothing.
NAME_PREPOSITIONS = "بل"

PROCLITICS: tuple[str, ...] = (
    # conjunction + preposition combinations first, so the longest reading comes first
    "وبال",
    "فبال",
    "وكال",
    "فكال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "وب",
    "فب",
    "ول",
    "فل",
    "وك",
    "فك",
    "لل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
_ARTICLE = "ال"

# The enclitic inventory: the pronouns written attached to the end of a word (قاله، بلادها،
# لقائهما، عنهم، عنهن، معنا، أخبرني، إليكم، إليكن، كتابي، لك).
PRONOUN_ENCLITICS: tuple[str, ...] = ("ه", "ها", "هم", "هما", "هن", "نا", "ني", "كم", "كن", "ي", "ك")
# The third-person ones a noun of the story carries (اجتماعه "his meeting", زيارتها "her visit",
# لقائهما "their (two) meeting", نظراؤهم "their counterparts"); a test checks they are enclitics.
POSSESSIVE_SUFFIXES: tuple[str, ...] = ("ه", "ها", "هما", "هم")
# What FANE's segmented corpora write as a token of its own before a word (و قال، ب الرياض،
# س يزور): the conjunctions, the prepositions ب/ل, the future prefix س and the article.
SEGMENTED_PROCLITICS: frozenset[str] = frozenset({*CONJUNCTIONS, "ب", "ل", "س", _ARTICLE, "لل"})


@dataclass(frozen=True)
class CliticReading:
    """One way to read a word as proclitics + stem.

    ``stem`` is the folded stem restored to its dictionary form (``للصين`` -> ``الصين``: the
    article's alef is written only without the preposition); ``offset`` is how many
    characters of the folded word the proclitics take, so the stem's surface span is
    ``word[offset:]`` (after mapping through the folding offsets).
    """

    proclitic: str
    stem: str
    offset: int


@lru_cache(maxsize=65536)
def clitic_readings(folded_word: str, min_stem: int = 2) -> tuple[CliticReading, ...]:
    """All (proclitic, stem) readings of a folded word, the unsegmented reading first."""
    readings = [CliticReading("", folded_word, 0)]
    for prefix in PROCLITICS:
        if not folded_word.startswith(prefix) or len(folded_word) - len(prefix) < min_stem:
            continue
        rest = folded_word[len(prefix) :]
        if prefix.endswith("لل"):
            # ل + ال: the stem keeps its article, spelled with one lam in the word.
            readings.append(CliticReading(prefix[:-1], _ARTICLE + rest, len(prefix) - 1))
        elif prefix.endswith(_ARTICLE) and len(prefix) > 2:
            # و + ال...: the article belongs to the stem.
            readings.append(CliticReading(prefix[:-2], _ARTICLE + rest, len(prefix) - 2))
        else:
            readings.append(CliticReading(prefix, rest, len(prefix)))
    return tuple(dict.fromkeys(readings))


def carries_article(proclitic: str) -> bool:
    """Whether a proclitic of :data:`PROCLITICS` ends in the article (وال، بال، لل = ل + ال)."""
    return proclitic.endswith(_ARTICLE) or proclitic.endswith("لل")


# The proclitics a proper name takes (وشي، لوانغ، فبوتين): a conjunction و / ف and the
# prepositions ب / ل, alone or together, and no proclitic at all. Not the article-bearing forms
# (a name carries no article of its own), nor ك ("like"), which news never prefixes to a name.
NAME_PROCLITICS: frozenset[str] = frozenset(
    ["", *(prefix for prefix in PROCLITICS if not carries_article(prefix) and "ك" not in prefix)]
)


def proclitic_forms(
    words: Iterable[str], proclitics: frozenset[str] | None = None
) -> dict[str, tuple[str, int]]:
    """Every folded form of ``words`` with a proclitic of :data:`PROCLITICS` (or of
    ``proclitics`` only) attached, read back by :func:`clitic_readings`: form -> (word, length of
    the proclitic in the form). ``الجانب`` gives ``والجانب`` (و: 1), ``للجانب`` (ل + الجانب: 1) and
    ``وبالجانب`` (وب: 2); a stage finding these phrases looks a token up in one dict."""
    out: dict[str, tuple[str, int]] = {}
    for word in words:
        out[word] = (word, 0)
        for prefix in PROCLITICS:
            if proclitics is not None and prefix not in proclitics:
                continue
            candidates = [prefix + word]
            if word.startswith(_ARTICLE) and prefix.endswith("ل"):
                candidates.append(prefix + word[1:])  # ل + الجانب = للجانب
            for candidate in candidates:
                for reading in clitic_readings(candidate)[1:]:
                    if reading.stem == word and candidate not in out:
                        out[candidate] = (word, reading.offset)
    return out


# The one-letter proclitics a noun takes: the conjunctions و/ف and the prepositions ب/ل. A head
# noun opens a name under them ("وبمؤتمر"، "للمبادرة") but not under ك ("كالمؤتمر" compares, it
# names nothing); a word starting with one of these letters is no bare name ("بوزارة الصحة خالد").
NOUN_PROCLITICS: tuple[str, ...] = (*CONJUNCTIONS, *NAME_PREPOSITIONS)


def lam_article_reading(folded_word: str) -> str | None:
    """The word a ل governs when it is written with the article as لل (ل + ال + stem: للمرشد ->
    المرشد, للهيئة -> الهيئة); None for a word not so written."""
    return _ARTICLE + folded_word[2:] if folded_word.startswith("لل") else None


def strip_proclitics(word: str) -> str:
    """The NER features' stem of a word: a conjunction, then a preposition, each stripped when at
    least three letters remain (وبالرياض -> الرياض); ل + ال gets its alef back (وللصين -> الصين).

    Blind on purpose (وزير -> زير): the tagger's model weighs it as one feature among others.
    Stages that need the right reading use :func:`clitic_readings` and a lexicon."""
    if len(word) >= 4 and word[0] in CONJUNCTIONS:
        word = word[1:]
    if len(word) >= 4 and word[0] in PREPOSITIONS:
        return lam_article_reading(word) or word[1:]
    return word


Value = TypeVar("Value")


def reading_begins_phrase(longest: Mapping[str, int], folded_word: str) -> bool:
    """Whether some clitic reading of a word begins a phrase of a lexicon (``longest`` maps the
    lexicon's first words to their longest phrase, as in :func:`longest_phrase`). Most words of
    a text begin none; callers memoise this per word (``lru_cache(partial(this, longest))``) so
    a token that starts no name or trigger costs one lookup."""
    return any(reading.stem in longest for reading in clitic_readings(folded_word))


def longest_phrase(
    first_forms: Sequence[str],
    words: Sequence[str],
    position: int,
    longest: Mapping[str, int],
    lookup: Callable[[tuple[str, ...]], Value | None],
) -> tuple[int, int, Value] | None:
    """The longest lexicon phrase starting at ``words[position]``: ``(form index, length, value)``.

    The first word is read as each of ``first_forms`` in turn (its clitic readings: وبالرياض as
    itself or الرياض), the following words as they are. ``longest[form]`` is the length of the
    longest phrase that begins with ``form``; ``lookup(phrase)`` is its value, or None for no
    phrase. The longest phrase wins; of two as long, the one of the earlier form."""
    best: tuple[int, int, Value] | None = None
    for index, form in enumerate(first_forms):
        for length in range(min(longest.get(form, 0), len(words) - position), 0, -1):
            value = lookup((form, *words[position + 1 : position + length]))
            if value is not None:
                if best is None or length > best[1]:
                    best = (index, length, value)
                break
    return best
