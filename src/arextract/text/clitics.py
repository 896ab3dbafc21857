"""The one clitic inventory of arextract: the proclitics Arabic news writes attached to a word,
and the (proclitic, stem) readings of a word.

``وبالرياض`` is و + ب + الرياض; ``للصين`` is ل + الصين with the article's alef dropped. Clitics
are never split blindly (``وزير``, ``لبنان`` and ``بكين`` begin with clitic letters): stages that
consult a lexicon keep the reading the lexicon confirms.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

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
# The one-letter conjunctions among the proclitics: ``word[:1] in CONJUNCTIONS`` (وقال، فأكد).
CONJUNCTIONS = "وف"

# The enclitic inventory: the possessive pronouns a noun carries (اجتماعه "his meeting",
# زيارتها "her visit", لقائهما "their (two) meeting", نظراؤهم "their counterparts").
POSSESSIVE_SUFFIXES: tuple[str, ...] = ("ه", "ها", "هما", "هم")


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
NOUN_PROCLITICS: tuple[str, ...] = ("و", "ف", "ب", "ل")
