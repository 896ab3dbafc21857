"""Persons the tagger missed in two patterns of official news: an item of a
protocol list (``...، وفلان الفلاني رئيس المجلس، ...``) and an appointee (``وتم تعيين فلان الفلاني
وزيرا للتجارة``).
"""

from __future__ import annotations

from arextract.ner.grammar.heads import is_head
from arextract.ner.grammar.mentions import person, with_start
from arextract.ner.grammar.names import CROWN, is_name_word
from arextract.ner.grammar.speakers import is_speech_verb
from arextract.ner.grammar.words import (
    ANAPHORS,
    DEFINITE_STOPS,
    HONORIFICS,
    LINEAGE,
    LIST_SEPARATORS,
    NAME_END,
    NOT_NAMES,
    WAW_NAMES,
    folded,
)
from arextract.schema import Entity, EntitySource, EntityType, Token
from arextract.text.spans import SpanSet

# تعيين X وزيرا: the appointee between an appointment word and a title in the accusative.
_APPOINTING = folded("تعيين وتعيين بتعيين عين وعين يعين ويعين")

# Titles in the accusative after the appointee (وزيرا للتجارة، سفيرا لدى ...).
_TITLES_ACCUSATIVE = folded("وزيرا سفيرا رئيسا مديرا محافظا أمينا نائبا مستشارا قائدا متحدثا خلفا")

# Titles after a name in a protocol list (، وفلان الفلاني رئيس ...، وفلان الفلاني والي ...).
_LIST_TITLES = NAME_END & folded("رئيس وزير نائب مدير أمير سفير محافظ وكيل مساعد مستشار عضو") | folded(
    "الرئيس المدير القائد الوكيل النائب المستشار والي قائد أمين المشرف الملحق الناطق المتحدث"
)

# Words opening a list item that are no given name (، وأعضاء المجلس ...، وعدد من ...).
_LIST_NOUNS = folded("أعضاء عدد ممثلي ممثلو رؤساء مديري مديرو كبار جميع بعض مسؤولي قادة سفراء وزراء ممثل")

# Given names that begin like a verb of the present (يضيف، تابع، نقل).
_VERB_LIKE_NAMES = folded(
    "يوسف يحيى ياسر يزيد يونس ياسين يعقوب يسري تركي تامر توفيق نبيل نايف نواف نزار نصر نور"
)


# Pronouns attached to a word (بعدها، عندهم، لديهما): such a word is no given name.
_PRONOUN_SUFFIXES = ("ها", "هم", "هما", "هن")

# Words that end a listed official's name rather than continue it: built once.
_NOT_LIST_NAMES = NAME_END | _LIST_TITLES | HONORIFICS | ANAPHORS | DEFINITE_STOPS


def _listed_given_name(word: Token) -> bool:
    """``وبوشعيب`` opening a list item: و + a word that can be a given name."""
    given = word.norm[1:]
    if not word.text.startswith("و") or len(given) < 3 or word.norm in WAW_NAMES:
        return False
    if given.startswith("ال") or given in HONORIFICS or given in _LIST_NOUNS or given in NAME_END:
        return False  # (and "، وذلك باعتبار": a demonstrative)
    if len(given) > 4 and given.endswith(_PRONOUN_SUFFIXES):
        return False  # "، وبعدها وقف رئيس الاتحاد": a word with a pronoun is no given name
    if word.text[1:] in NOT_NAMES:
        return False  # "، وعلى لسان المتحدث": a preposition (على folds like the name علي)
    if given[0] in "لب" and (given[1:] in HONORIFICS or given[1:] in NAME_END or given[1:] == CROWN):
        return False  # ولولي عهده، ولسمو ...
    if is_speech_verb(word.norm):
        return False  # "، وأكد أحمد الخضري رئيس التحرير": the verb of saying before the name
    return given[0] not in "يتن" or given in _VERB_LIKE_NAMES  # not a verb (ويضيف، وتابع)


def _listed_name_word(token: Token) -> bool:
    norm = token.norm
    return norm[:1].isalpha() and not norm.isascii() and norm not in _NOT_LIST_NAMES and not is_head(norm)[0]


def with_listed_officials(text: str, tokens: list[Token], out: list[Entity]) -> list[Entity]:
    """``...، وفلان الفلاني رئيس المجلس، ...``: in a list of officials, ``و`` + a given name, one
    or two more name words and a title make a person the tagger missed (without the و)."""
    spans = SpanSet((e.start, e.end) for e in out)
    added: list[Entity] = []
    n = len(tokens)
    for i in range(1, n - 2):
        word = tokens[i]
        if tokens[i - 1].text not in LIST_SEPARATORS or not _listed_given_name(word):
            continue
        for length in (2, 3):
            k = i + length
            if k >= n or tokens[k].norm not in _LIST_TITLES:
                continue
            names = tokens[i + 1 : k]
            if not all(_listed_name_word(t) for t in names):
                break
            start = word.start + 1
            if not spans.overlaps(start, names[-1].end):
                added.append(person(text, start, names[-1].end))
            else:  # ، وعلي + الحمدان رئيس: the tagger's person without its given name
                out = [_with_given(text, e, start, names) for e in out]
            break
    return sorted(out + added, key=lambda e: e.start) if added else out


def _with_given(text: str, entity: Entity, start: int, names: list[Token]) -> Entity:
    """A tagger's person that is exactly the listed name's words after the given name, from the
    given name (``start``)."""
    if entity.type is not EntityType.PERSON or entity.source != EntitySource.MODEL:
        return entity
    if (entity.start, entity.end) != (names[0].start, names[-1].end):
        return entity
    return with_start(text, entity, start)


def _appointee_word(token: Token) -> bool:
    norm = token.norm
    if norm in LINEAGE:
        return True
    return is_name_word(token) and norm not in _TITLES_ACCUSATIVE and not norm.startswith("لل")


def with_appointed(text: str, tokens: list[Token], out: list[Entity]) -> list[Entity]:
    """``وتم تعيين فلان الفلاني وزيرا للتجارة``: two to four name words between an appointment
    word and a title in the accusative are the appointee (when no mention is there)."""
    if not any(t.norm in _TITLES_ACCUSATIVE for t in tokens):
        return out
    spans = SpanSet((e.start, e.end) for e in out)
    added: list[Entity] = []
    for k, token in enumerate(tokens):
        if token.norm not in _TITLES_ACCUSATIVE:
            continue
        for length in (2, 3, 4):
            i = k - length - 1
            if i < 0 or tokens[i].norm not in _APPOINTING:
                continue
            words = tokens[i + 1 : k]
            if words[0].norm in LINEAGE or not all(_appointee_word(t) for t in words):
                continue
            if spans.overlaps(words[0].start, words[-1].end) or any(a.end > words[0].start for a in added):
                break
            added.append(person(text, words[0].start, words[-1].end))
            break
    return sorted(out + added, key=lambda e: e.start) if added else out
