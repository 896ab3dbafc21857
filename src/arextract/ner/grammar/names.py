"""How words read inside a person's name: honorifics before it (``صاحب السمو الملكي
الأمير``، ``معالي``), the words that can be a given name, and the nasab grammar ``given (بن
given)* ((آل|بني) family | ال-family)?`` (``محمد بن سلمان بن عبدالعزيز آل سعود``، ``عادل بن أحمد
الجبير``، ``محمد ولد عبد العزيز``).
"""

from __future__ import annotations

from functools import lru_cache

from arextract.ner.grammar.words import (
    ANAPHORS,
    DEFINITE_STOPS,
    FAMILY,
    HONORIFICS,
    NAME_END,
    NASAB,
    NOT_NAMES,
    OFFICE_TITLES,
    PARTS_OF_NAME,
    folded,
)
from arextract.schema import Token
from arextract.text.clitics import CONJUNCTIONS
from arextract.text.normalize import fold

# الملكي (an honorific only in صاحب السمو الملكي), السمو, آل (معالي آل الشيخ: the official by
# his family name) and ولي (ولي العهد).
ROYAL, HIGHNESS, AL, CROWN = fold("الملكي"), fold("السمو"), fold("آل"), fold("ولي")

# Honorific pronouns (he, his highness): they stand for a person named before, never open a name.
_PRONOUNS = folded("سموه معاليه فخامته سعادته سماحته جلالته")


# Definite words after a name that are no family name (الوزير، سمو، الثاني...), nor a body's
# common noun ("وأكد الملك حرص المملكة": المملكة is the kingdom, حرص no given name): built once.
_NO_FAMILY_NAME = DEFINITE_STOPS | HONORIFICS | NAME_END | ANAPHORS


@lru_cache(maxsize=50_000)
def is_honorific(norm: str) -> bool:
    if norm in _PRONOUNS:
        return False
    return norm in HONORIFICS or (norm[:1] in CONJUNCTIONS and norm[1:] in HONORIFICS and len(norm) > 3)


def is_name_word(token: Token) -> bool:
    """A word that can be a given name: Arabic letters, not a function word, title or article-form."""
    norm = token.norm
    return (
        norm[:1].isalpha()
        and not norm.isascii()
        and token.text not in NOT_NAMES
        and norm not in NAME_END
        and norm not in HONORIFICS
        and norm not in DEFINITE_STOPS
        and not norm.startswith("ال")
        and len(norm) >= 2
    )


def is_father_name(token: Token) -> bool:
    """A word after بن/بنت is the father's name even when it is also an office title
    (``عبدالله بن مساعد``، ``فهد بن أمير``): the nasab leaves no room for a title there."""
    return is_name_word(token) or (token.norm in OFFICE_TITLES and token.text not in NOT_NAMES)


def nasab_end(tokens: list[Token], j: int, limit: int) -> int:
    """The last token of ``given (بن given)* ((آل|بني) family | ال-family)?`` starting at ``j``,
    or -1 when ``tokens[j]`` cannot begin a name."""
    if j >= limit or not is_name_word(tokens[j]):
        return -1
    last = j
    k = j + 1
    if tokens[j].norm in PARTS_OF_NAME and k < limit and tokens[k].norm[:1].isalpha():
        last, k = k, k + 1  # عبد الله، أبو بكر
    while k + 1 < limit and tokens[k].norm in NASAB and is_father_name(tokens[k + 1]):
        last, k = k + 1, k + 2
        if tokens[last].norm in PARTS_OF_NAME and k < limit and tokens[k].norm[:1].isalpha():
            last, k = k, k + 1
    if k + 1 < limit and tokens[k].norm in FAMILY and tokens[k + 1].norm[:1].isalpha():
        return k + 1
    family = tokens[k].norm if k < limit else ""
    if family.startswith("ال") and family not in _NO_FAMILY_NAME and len(family) > 3 and k > j:
        return k  # the family name: الجبير، الحقيل (after at least a given name)
    return last
