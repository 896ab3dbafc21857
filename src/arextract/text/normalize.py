"""Normalisation that remembers where every character came from.

Matching Arabic news text needs aggressive folding (diacritics, tatweel, alef and ya
variants, Arabic-Indic digits, presentation forms...), but every span arextract returns
must point into the *original* string. So normalisation is done character by character
through a table, and for each output character we keep the original span it came from.

Two levels:

* ``clean``: what any reader would call "the same text": NFKC presentation forms,
  diacritics and Quranic marks, tatweel, invisible format characters, digits, spaces,
  quotes and brackets.
* ``fold`` (the default): ``clean`` plus the lossy folds used for matching names:
  alef variants to bare alef, alef maqsura to ya, ta marbuta to ha, hamza carriers.

Names are shown in a third form, :func:`display` (``clean`` with the whitespace collapsed): an
entity's ``canonical`` keeps the spelling it was written in (جامعة الحديدة), and every
comparison of names folds it first.

A lighter form, :func:`tagger_fold`, is the word form the shipped NER model was trained
on (its features are keyed by it); it is built from the same tables, and its differences from
``fold`` are listed where it is defined.

camel-tools' normalisers do the alef, alef maqsura, ta marbuta and NFKC folds; they work on
whole strings, so we apply them to single characters to build the table and keep offsets
exact. Diacritics are removed with our own mark list, a superset of camel-tools'
``AR_DIAC_CHARSET`` (a test checks that): importing ``camel_tools.utils.dediac`` builds
Unicode-wide charsets and costs about 0.7 s, a third of our cold-start budget.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

TATWEEL = "\u0640"

# Harakat, shadda, sukun, dagger alef, hamza-as-mark, small high letters, Quranic signs.
_MARKS = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E5)]
    + ["\u06e7", "\u06e8"]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
    + [chr(c) for c in range(0x08D3, 0x0900) if c != 0x08E2]
)

# Zero-width and bidi controls: invisible in print, but they break naive matching.
_INVISIBLE = [
    "\u00ad",  # soft hyphen
    "\u061c",  # Arabic letter mark
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    *[chr(c) for c in range(0x202A, 0x202F)],
    "\u2060",
    *[chr(c) for c in range(0x2066, 0x206A)],
    "\ufeff",
]

_SPACES = ["\u00a0", *[chr(c) for c in range(0x2000, 0x200B)], "\u202f", "\u205f", "\u3000"]

_PUNCTUATION = {
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2033": '"',
    "\u301d": '"',
    "\u301e": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2039": "'",
    "\u203a": "'",
    # Ornate parentheses: in logically ordered Arabic U+FD3F opens and U+FD3E closes.
    "\ufd3f": "(",
    "\ufd3e": ")",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
}

_PERSIAN_LETTERS = {"\u06a9": "\u0643", "\u06cc": "\u064a", "\u06be": "\u0647", "\u06c1": "\u0647"}

_FOLD_EXTRA = {"\u0624": "\u0648", "\u0626": "\u064a"}  # hamza on waw / ya -> the bare carrier

# Doubled brackets, as in Xinhua's ((شينخوا)): the second one is dropped.
_DOUBLED = {"(", ")", '"'}


def _clean_char(char: str) -> str:
    if char in _INVISIBLE or char == TATWEEL or char in _MARKS:
        return ""
    if char in _SPACES:
        return " "
    if char in _PUNCTUATION:
        return _PUNCTUATION[char]
    if char in _PERSIAN_LETTERS:
        return _PERSIAN_LETTERS[char]
    if char.isdigit() and not char.isascii():
        return str(unicodedata.digit(char, char))  # type: ignore[arg-type]
    out = normalize_unicode(char)  # NFKC: presentation forms (ﻻ -> لا, ﷲ -> الله)
    return "".join(c for c in out if c not in _MARKS and c != TATWEEL)


def _fold_letters(text: str) -> str:
    """The letter folds shared by ``fold`` and ``tagger_fold``: أ إ آ ٱ -> ا، ى -> ي، ة -> ه."""
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))


def _fold_char(char: str) -> str:
    out = _fold_letters(_clean_char(char))
    return "".join(_FOLD_EXTRA.get(c, c) for c in out)


@cache
def _table(fold: bool) -> dict[int, str]:
    """A ``str.translate`` table covering every code point any rule touches."""
    ranges = [
        (0x00A0, 0x0100),
        (0x0600, 0x0700),
        (0x0750, 0x0780),
        (0x08A0, 0x0900),
        (0x2000, 0x2070),
        (0x3000, 0x3001),
        (0x301D, 0x301F),
        (0xFB50, 0xFE00),
        (0xFE70, 0xFF00),
        (0xFF00, 0xFFF0),
    ]
    convert = _fold_char if fold else _clean_char
    table: dict[int, str] = {}
    for low, high in ranges:
        for code in range(low, high):
            char = chr(code)
            out = convert(char)
            if out != char:
                table[code] = out
    return table


# A lone surrogate (U+D800-U+DFFF) is no character: a str can hold one (text decoded with
# "surrogateescape", JSON with a stray "\\ud800"), but it cannot be encoded as UTF-8, so a
# document holding one could not be written as JSON.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with every surrogate code point replaced by U+FFFD (one for one, so every
    offset stays valid). A pair spelled as two code points ("\\ud83d\\ude00") gives two U+FFFD:
    joining it would shift the offsets after it. Returns ``text`` itself when it has none."""
    return _SURROGATE_RE.sub("\ufffd", text) if _SURROGATE_RE.search(text) else text


def clean(text: str) -> str:
    """``text`` with the ``clean`` level applied (no offsets)."""
    return _collapse_doubled(text.translate(_table(False)))


def display(text: str) -> str:
    """A name as shown to users: ``text`` as written, at the ``clean`` level (no diacritics or
    tatweel) and with its whitespace collapsed, but not folded: ``جامعةِ  الحُديدة`` ->
    ``جامعة الحديدة``, where :func:`fold`, the matching key, gives ``جامعه الحديده``. Names are
    compared by ``fold(name)``, never by this form (``أحمد`` and ``احمد`` are one name)."""
    return " ".join(clean(text).split())


def fullest_spelling(names: Iterable[str]) -> str:
    """Of several spellings of one name, the one keeping most of what :func:`fold` drops (the
    hamzas, ة and ى): ``أحمد لنجاوي`` over ``احمد لنجاوي``; the first among equals, so the
    choice depends only on the order the names are given in. "" when there are none."""
    best, best_kept = "", -1
    for name in names:
        kept = sum(fold(char) != char for char in name)
        if kept > best_kept:
            best, best_kept = name, kept
    return best


def fold(text: str) -> str:
    """``text`` with the ``fold`` level applied (no offsets): the form used as a matching key."""
    if len(text) <= _WORD_LENGTH:
        return _fold_word(text)
    return _collapse_doubled(text.translate(_table(True)))


# Every token is folded once by the tokeniser and its words again by the stages; news repeats
# its words, so short strings are folded from a bounded cache (about a twentieth of extract()'s
# time on the seeds); long ones, which rarely repeat, are not kept.
_WORD_LENGTH = 32


@lru_cache(maxsize=1 << 16)
def _fold_word(text: str) -> str:
    return _collapse_doubled(text.translate(_table(True)))


def fold_words(words: Iterable[str]) -> frozenset[str]:
    """The folded forms of a word list, as the stages match them: a lexicon written in ordinary
    Arabic spelling (``["الجانب", "الطرف"]``) becomes the set of keys a token's ``norm`` is
    looked up in."""
    return frozenset(fold(word) for word in words)


# The NER model's word form. The shipped model (models/ner) keys its CRF attributes ("w=...",
# "st=...") and its word, stem and character vocabularies by this form, so it must stay the
# form the model was trained on; it is lighter than ``fold``, on purpose:
# * the marks removed are fold's within the Arabic block (U+0600-U+06FF) plus small waw and
#   small ya (U+06E5, U+06E6, kept by fold as letters); the Arabic Extended-A marks
#   (U+08D3-U+08FF) stay;
# * tatweel goes, and only the quotes « » “ ” become '"' (fold's other punctuation stays);
# * the letter folds are fold's (``_fold_letters``), but hamza on waw / ya stays (مؤتمر، رئيس:
#   fold gives موتمر، رييس), as do digits, presentation forms, invisible characters and
#   Persian letters, and doubled brackets are not collapsed.
_TAGGER_MARKS = frozenset({c for c in _MARKS if c < "\u0700"} | {"\u06e5", "\u06e6"})
_TAGGER_QUOTES = ("\u00ab", "\u00bb", "\u201c", "\u201d")


@cache
def _tagger_table() -> dict[int, str]:
    table = {ord(char): "" for char in (*_TAGGER_MARKS, TATWEEL)}
    table.update({ord(char): _PUNCTUATION[char] for char in _TAGGER_QUOTES})
    for code in range(0x0600, 0x0700):
        folded = _fold_letters(chr(code))
        if folded != chr(code):
            table[code] = folded
    return table


def tagger_fold(word: str) -> str:
    """``word`` in the form the NER model's features are keyed by (see the comment above):
    ``الأُمَمُ المُتَّحِدَة`` -> ``الامم المتحده``, but ``رئيس`` stays ``رئيس``."""
    return word.translate(_tagger_table())


def _collapse_doubled(text: str) -> str:
    for char in _DOUBLED:
        doubled = char * 2
        while doubled in text:
            text = text.replace(doubled, char)
    return text


@dataclass(frozen=True)
class Normalized:
    """A normalised string and, for each of its characters, the original span it came from."""

    text: str
    original: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open span ``[start, end)`` of ``self.text`` back to ``self.original``."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) is outside the normalised text")
        if start == end:
            at = self.starts[start] if start < len(self.starts) else len(self.original)
            return at, at
        return self.starts[start], self.ends[end - 1]


@cache
def _irregular(folding: bool) -> re.Pattern[str]:
    """The characters ``normalize`` must look at one by one: those the table deletes or turns
    into several characters, and those that become a bracket or quote (a doubled one is
    dropped). Every other character maps to exactly one character, so runs of them are
    translated in C and their offsets are a range."""
    table = _table(folding)
    special = {chr(code) for code, out in table.items() if len(out) != 1 or out in _DOUBLED} | _DOUBLED
    return re.compile("[" + "".join(re.escape(char) for char in sorted(special)) + "]")


def normalize(text: str, *, folding: bool = True) -> Normalized:
    """Normalise ``text`` and keep the offset map back to it. Near-linear and mostly in C: only
    the characters :func:`_irregular` names are handled in Python (diacritics, tatweel,
    brackets, ligatures), a few per sentence of news."""
    if not isinstance(text, str):
        raise TypeError(f"normalize() expects str, got {type(text).__name__}")
    table = _table(folding)
    pieces: list[str] = []
    starts: list[int] = []
    last = ""  # the last output character, for the doubled-bracket rule of _collapse_doubled
    position = 0
    for match in _irregular(folding).finditer(text):
        index = match.start()
        if index > position:
            run = text[position:index].translate(table)
            pieces.append(run)
            starts.extend(range(position, index))
            last = run[-1]
        position = index + 1
        out = table.get(ord(text[index]), text[index])
        if out in _DOUBLED and last == out:
            continue  # the second bracket of "((": same rule as _collapse_doubled
        pieces.append(out)
        starts.extend([index] * len(out))
        last = out[-1] if out else last
    if position < len(text):
        pieces.append(text[position:].translate(table))
        starts.extend(range(position, len(text)))
    return Normalized("".join(pieces), text, tuple(starts), tuple(start + 1 for start in starts))


def end_after_marks(text: str, end: int) -> int:
    """``end`` moved past the diacritics and tatweel written right after it in ``text``.

    A span found on the folded text ends on a letter; the marks written on that letter belong
    to it, so a span over ``غداً`` keeps its tanween (and ``مساءً`` its fatha)."""
    while end < len(text) and (text[end] in _MARKS or text[end] == TATWEEL):
        end += 1
    return end
