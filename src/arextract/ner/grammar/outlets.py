"""News outlets cited in the body of an article: ``صحيفة X`` / ``جريدة X`` / ``قناة X`` (X one
definite word or a quoted name: ``صحيفة الوئام``، ``لقناة «العربية»``), a quoted name after a
statement noun (``في تصريحات لـ«عكاظ»``), and the outlet opening an outlet-first dateline
(``سبق- الرياض:``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from arextract.ner.grammar.heads import is_definite, is_word
from arextract.ner.grammar.mentions import MEDIA, organization
from arextract.ner.grammar.words import DEFINITE_STOPS, OUTLET_NOUNS, QUOTES, folded
from arextract.schema import Entity, EntityType, Token
from arextract.text.clitics import clitic_readings
from arextract.text.normalize import fold

# Statement nouns and verbs before an outlet cited in quotes (في تصريحات لـ«عكاظ»).
_STATEMENT_NOUNS = folded(
    "تصريح تصريحات حديث مقابلة قال قالت أكد أكدت أوضح أوضحت كشف كشفت أضاف أضافت صرح صرحت أفاد أفادت ذكر ذكرت"
)

# What a source told an outlet opens with (قال ... لـ«الشرق الأوسط» إن ...).
_REPORTED = folded("إن أن إنه أنه إنها أنها")

# Time words and commas between the outlet and what it was told (لـ«عكاظ» أمس، إن).
_WHEN = folded("أمس أخيرا مؤخرا اليوم ، ,")

# The prepositions before an outlet told something (لـ«عكاظ»، في تصريحات إلى "الوطن").
_TO = folded("ل إلى")

# An outlet noun stands alone or after و / ب / ل (وصحيفة، بقناة، لجريدة).
_OUTLET_PROCLITICS = frozenset(["", "و", "ب", "ل"])


@lru_cache(maxsize=50_000)
def outlet_stem(norm: str) -> str | None:
    return next(
        (
            r.stem
            for r in clitic_readings(norm)
            if r.stem in OUTLET_NOUNS and r.proclitic in _OUTLET_PROCLITICS
        ),
        None,
    )


def outlet_tokens(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """(first, last) token of an outlet named at ``i``: صحيفة الوئام، لـ«عكاظ»."""
    norm = tokens[i].norm
    stem = outlet_stem(norm)
    n = len(tokens)
    if stem is not None and i + 1 < n:
        j = i + 1
        if tokens[j].norm in QUOTES:
            return _quoted_name(tokens, j, 4)
        if is_word(tokens[j]) and is_definite(tokens[j].norm) and tokens[j].norm not in DEFINITE_STOPS:
            if stem == fold("وكالة") or stem == fold("موقع"):
                return None  # وكالة الأنباء ... is a head-noun name; موقع الحادث is a place
            return j, j
        return None
    # في تصريحات لـ«X»، قال ... لـ«X» إن، في تصريحات إلى "X"
    if norm in _TO and i > 0 and i + 2 < n and tokens[i + 1].norm in QUOTES:
        name = _quoted_name(tokens, i + 1, 4)
        if name is None:
            return None
        k = name[1] + 2
        while k < min(n, name[1] + 4) and tokens[k].norm in _WHEN:
            k += 1  # قال ... لـ«الشرق الأوسط» أمس، إن
        reported = k < n and tokens[k].norm in _REPORTED
        if not reported and not any(
            r.stem in _STATEMENT_NOUNS for t in tokens[max(0, i - 4) : i] for r in clitic_readings(t.norm)
        ):
            return None
        return name
    return None


def is_to(norm: str) -> bool:
    """Whether a word is a preposition an outlet cited in quotes may follow (ل، إلى)."""
    return norm in _TO


def quoted_outlets(
    text: str, tokens: list[Token], entities: list[Entity], is_outlet: Callable[[tuple[str, ...]], bool]
) -> list[Entity]:
    """A known paper named in quotes without its noun (``«المدينة» تواصلت``، ``أجرت «المدينة»
    اتصالا``: ``صحيفة المدينة``): quotes around a name are how a paper cites itself or another,
    so the quoted words are the outlet when ``صحيفة`` + them is a known outlet's name
    (``is_outlet``); a name a mention already covers stays as found."""
    out = list(entities)
    for i, token in enumerate(tokens):
        if token.norm not in QUOTES:
            continue
        name = _quoted_name(tokens, i, 2)
        if name is None:
            continue
        first, last = name
        start, end = tokens[first].start, tokens[last].end
        if any(e.start < end and start < e.end for e in entities):
            continue
        if is_outlet((_PAPER, *(t.norm for t in tokens[first : last + 1]))):
            out.append(organization(text, start, end, MEDIA))
    return sorted(out, key=lambda e: e.start)


_PAPER = fold("صحيفة")


def _quoted_name(tokens: list[Token], opening: int, longest: int) -> tuple[int, int] | None:
    """(first, last) token of a name of at most ``longest`` words between the quote at
    ``opening`` and the next quote («عكاظ»), or None when no quote closes it in time."""
    close = opening + 1
    while close < min(len(tokens), opening + 1 + longest) and tokens[close].norm not in QUOTES:
        close += 1
    if close < len(tokens) and tokens[close].norm in QUOTES and close > opening + 1:
        return opening + 1, close - 1
    return None


# Dashes between the outlet and the city of a dateline (سبق- الرياض).
_DASH_TOKENS = frozenset("-–—ـ")


def byline_outlet(text: str, tokens: list[Token], entities: list[Entity]) -> Entity | None:
    """The outlet of an outlet-first dateline at the start of the text (``سبق- الرياض:``، ``X –
    بغداد``): one or two words, a dash, a known city, then a colon or the end of the line."""
    if not tokens or tokens[0].start > 40 or text[: tokens[0].start].strip(" \t\n\ufeff\u200f"):
        return None
    for d in (1, 2):
        if d >= len(tokens) or tokens[d].text not in _DASH_TOKENS:
            continue
        left = tokens[:d]
        if not all(is_word(t) and not t.norm.isascii() for t in left):
            return None
        if any(e.start < left[-1].end and left[0].start < e.end for e in entities):
            return None
        city = (
            next((e for e in entities if e.start == tokens[d + 1].start), None)
            if d + 1 < len(tokens)
            else None
        )
        if city is None or city.type is not EntityType.CITY:
            return None
        after = text[city.end : city.end + 3].lstrip(" \t")
        if not after or after[0] in ":\n" or after.startswith("\u00a0"):
            return organization(text, left[0].start, left[-1].end, MEDIA)
        return None
    return None
