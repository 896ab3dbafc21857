"""The boundaries of the tagger's person mentions, moved where the name grammar
knows better: a conjunction or a preposition taken in (``، وعز الدين الخويلي``، ``لفهيد بن
ناصر``), a given name left out (``لعمارة بن يونس`` read as ``بن يونس``), a lineage or a family
name cut off (``محمد`` + ``ولد عبد العزيز``، ``عبد القادر`` + ``خمري``), a word past a known name
(``جون كيري هيمن``) or a place glued to a preposition (``سلمان بن عبد العزيز لموسكو``).
"""

from __future__ import annotations

from bisect import bisect_left

from arextract.ner.grammar.mentions import PLACES, with_end, with_start
from arextract.ner.grammar.names import is_name_word, nasab_end
from arextract.ner.grammar.speakers import is_speech_verb
from arextract.ner.grammar.words import (
    DEFINITE_STOPS,
    FAMILY,
    HONORIFICS,
    LINEAGE,
    LIST_SEPARATORS,
    NAME_END,
    NASAB,
    OFFICE_TITLES,
    PARTS_OF_NAME,
    WAW_NAMES,
    folded,
    nisba_shaped,
)
from arextract.schema import Entity, EntityType, Token
from arextract.text import quotes
from arextract.text.clitics import clitic_readings
from arextract.text.normalize import fold
from arextract.timex.lexicon import lexicon as time_lexicon

# Given names that begin with ل: never a preposition to strip (لطفي، لؤي).
_LAM_NAMES = folded("لطفي لطيف لطيفة لبيب لؤي لقمان لمياء لينا ليلى لبنى لميس لوران لويس لورنس ليونيد")


# Names that begin with و or ل themselves (وليد، لؤي), and lineage words (بن، آل): built once.
_CLITIC_LETTER_NAMES = WAW_NAMES | _LAM_NAMES
_LINEAGE_WORDS = NASAB | FAMILY


def without_listed_conjunction(
    text: str, tokens: list[Token], entity: Entity, first: int, person_ends: frozenset[int] = frozenset()
) -> Entity:
    """``، وعز الدين الخويلي``: in an enumeration the name after a comma, or right after another
    person's name (``سامي نصر وخالد عوض``; ``person_ends``: where the sentence's persons end),
    loses the conjunction the tagger took in, and ``لفهيد بن ناصر`` its preposition before a
    nasab (not from a name that begins with و or ل: وليد، ويليام، لطفي)."""
    if first >= len(tokens) or tokens[first].start != entity.start:
        return entity
    word = tokens[first]
    if len(word.norm) < 3 or word.norm in _CLITIC_LETTER_NAMES or not word.text.startswith(("و", "ل")):
        return entity
    before_nasab = first + 1 < len(tokens) and tokens[first + 1].norm in NASAB and len(word.norm) >= 4
    listed = word.text.startswith("و") and (
        text[max(0, word.start - 3) : word.start].rstrip().endswith(LIST_SEPARATORS)
        or (first > 0 and tokens[first - 1].end in person_ends and len(fold(entity.text).split()) > 1)
    )
    if not (listed or before_nasab) or word.norm[1:].startswith("ال"):
        return entity
    return with_start(text, entity, entity.start + 1)


# How far a person's apposed office may run before the next name of a list (in characters)
_APPOSITION_SPAN = 60


def apposed_ends(text: str, entities: list[Entity]) -> frozenset[int]:
    """Where a body or place closing a person's apposed office ends ("سامي العلي موفد البنك
    الدولي" + "ومارتن كولر ..."): a name right after it, glued to و, is the list's next item as
    one right after a name is (``without_listed_conjunction``)."""
    person_ends = sorted(e.end for e in entities if e.type is EntityType.PERSON)
    ends: set[int] = set()
    for entity in entities:
        if entity.type is EntityType.PERSON:
            continue
        before = bisect_left(person_ends, entity.start + 1) - 1
        if before < 0:
            continue
        between = text[person_ends[before] : entity.start]
        if len(between) <= _APPOSITION_SPAN and not any(mark in between for mark in ".؟!\n"):
            ends.add(entity.end)
    return frozenset(ends)


def with_given_name(text: str, tokens: list[Token], entity: Entity, first: int) -> Entity:
    """``لعمارة بن يونس`` read as ``بن يونس``: a name never begins with بن; the word before,
    without a proclitic ل or و (not from لطفي، وليد), is the given name."""
    if first == 0 or first >= len(tokens) or tokens[first].start != entity.start:
        return entity
    if tokens[first].norm != "بن":
        return entity
    before = tokens[first - 1]
    if not is_name_word(before) or before.norm in NASAB or before.end != tokens[first].start - 1:
        return entity
    norm = before.norm
    offset = 1 if norm[0] in "لو" and len(norm) >= 4 and norm not in _CLITIC_LETTER_NAMES else 0
    if norm[offset:].startswith("ال"):
        return entity
    return with_start(text, entity, before.start + offset)


def with_lineage(
    text: str, tokens: list[Token], entity: Entity, ends: dict[int, int], starts: list[int], is_place: object
) -> Entity:
    """A tagger's mention cut before its lineage (``محمد`` + ``ولد عبد العزيز``, ``الهادي`` +
    ``ولد علي``) runs on through it; a one-word mention read as a place becomes the person."""
    last = ends.get(entity.end)
    if last is None or last + 2 >= len(tokens) or tokens[last + 1].norm not in LINEAGE:
        return entity
    if entity.type is not EntityType.PERSON:
        one_word = tokens[last].start <= entity.start
        if not one_word or entity.type not in PLACES or (callable(is_place) and is_place(tokens[last].norm)):
            return entity
    end = nasab_end(tokens, last + 2, min(len(tokens), last + 12))
    if end < 0:
        return entity
    stop = tokens[end].end
    at = bisect_left(starts, entity.end)
    if at < len(starts) and starts[at] < stop:
        return entity  # another mention in the way
    extended = with_end(text, entity, stop)
    return extended.model_copy(update={"type": EntityType.PERSON, "subtype": None})


def with_family_name(text: str, tokens: list[Token], entity: Entity, first: int) -> Entity:
    """``عبد القادر خمري`` read as ``عبد القادر``: a compound given name alone (عبد X, أبو X,
    عبدX written as one word) is followed by the family name when the next word can be a name
    and is no verb or clitic form."""
    if 0 < first <= len(tokens) and tokens[first - 1].start < entity.start < tokens[first - 1].end:
        first -= 1  # the tagger's mention starts after a proclitic (لعبد القادر)
    given = fold(text[entity.start : tokens[first].end]) if first < len(tokens) else ""
    if given.startswith("عبدال") and len(given) > 6 and tokens[first].end == entity.end:
        last = first  # عبدالحكيم written as one word
    elif first + 2 < len(tokens) and tokens[first + 1].end == entity.end and given in PARTS_OF_NAME:
        last = first + 1
    else:
        return entity
    if last + 1 >= len(tokens):
        return entity
    after = tokens[last + 1]
    if not is_name_word(after) or after.start != tokens[last].end + 1:
        return entity
    if after.norm[0] in "يتنوفبلكس" or after.norm in _LINEAGE_WORDS or len(after.norm) < 3:
        return entity
    return with_end(text, entity, after.end)


def with_compound_family_name(
    text: str, tokens: list[Token], entity: Entity, first: int, starts: list[int]
) -> Entity:
    """``فيصل المهنا`` + ``أبا الخيل``: a full name read without the compound family name after
    it (أبو / أبا + a definite word) runs on through it; a compound never begins a new name
    right after a full one (``أم`` is also "or", so it is left out)."""
    last = bisect_left([t.end for t in tokens], entity.end)
    if last - first < 1 or last + 2 >= len(tokens) or tokens[last].end != entity.end:
        return entity
    part, family = tokens[last + 1], tokens[last + 2]
    if part.norm not in PARTS_OF_NAME or part.norm in _NOT_COMPOUND or part.start != entity.end + 1:
        return entity
    if not family.norm.startswith("ال") or family.norm in DEFINITE_STOPS or family.norm in TIME_WORDS:
        return entity
    at = bisect_left(starts, part.start)
    if at < len(starts) and starts[at] < family.end:
        return entity  # another mention in the way
    return with_end(text, entity, family.end)


# أم is also the conjunction "or"; عبد + a definite word is a given name of its own.
_NOT_COMPOUND = folded("أم عبد")


def without_overrun(
    text: str,
    tokens: list[Token],
    entity: Entity,
    words: list[Token],
    ends: dict[int, int],
    is_person_name: object,
) -> tuple[Entity, list[Token]]:
    """A mention running one or two words past a known full name (جون كيري هيمن عليه) ends with
    the name; lineage (بن، آل) after the name is never cut off."""
    if not callable(is_person_name) or len(words) < 3:
        return entity, words
    for cut in (1, 2):
        head = words[: len(words) - cut]
        tail = words[len(words) - cut :]
        if (
            len(head) >= 2
            and not any(t.norm in NASAB or t.norm in FAMILY for t in tail)
            and tokens[ends[words[-1].end] - cut].norm not in _LINEAGE_WORDS
            and is_person_name(tuple(t.norm for t in head))
        ):
            return with_end(text, entity, head[-1].end), head
    return entity, words


# Time words that follow a speaker's name in news (وأكد كارتر الخميس أن ...), never a name: the
# time lexicon's one-word weekdays, relative days and parts of day, and two deictics.
TIME_WORDS = frozenset(
    word
    for words in (time_lexicon().weekdays, time_lexicon().rel_days, time_lexicon().parts_of_day)
    for word in words
    if " " not in word
) | folded("الليلة الآن")


# What follows a time word closing a clause's subject (أن، إن، في, a quote), not a name's end.
_AFTER_TIME_WORD = folded("أن إن ان في خلال عن على مع إلى الى أمام لدى") | quotes.OPENING | {":"}


def without_time_word(
    text: str, tokens: list[Token], entity: Entity, words: list[Token], ends: dict[int, int]
) -> tuple[Entity, list[Token]]:
    """A name never ends with a weekday or a time word before a complementiser or a
    preposition: ``وأكد كارتر الخميس أن`` names كارتر (the tagger reads the weekday after a
    one-word name as a family name); ``يوسف الخميس،`` keeps its family name."""
    last = ends.get(entity.end)
    if last is None or last + 1 >= len(tokens) or tokens[last + 1].norm not in _AFTER_TIME_WORD:
        return entity, words
    cut = len(words)
    while cut > 1 and words[cut - 1].norm in TIME_WORDS:
        cut -= 1
    if cut == len(words):
        return entity, words
    return with_end(text, entity, words[cut - 1].end), words[:cut]


def without_glued_place(
    text: str,
    tokens: list[Token],
    entity: Entity,
    words: list[Token],
    ends: dict[int, int],
    is_place: object,
) -> Entity:
    """A name of two words or more ending in a preposition glued to a place (سلمان بن عبد العزيز
    لموسكو) ends before it."""
    last = ends.get(entity.end)
    if last is None or not callable(is_place) or len(words) < 2:
        return entity
    for reading in clitic_readings(tokens[last].norm)[1:]:
        if reading.proclitic in ("ل", "ب") and is_place(reading.stem):
            return with_end(text, entity, tokens[last - 1].end)
    return entity


# Ordinals after a name (الثاني، الثالث): a regnal number, not a family name.
_ORDINALS = folded("الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر")


def with_nisba_family_name(
    text: str, tokens: list[Token], entity: Entity, first: int, starts: list[int], is_known_word: object
) -> Entity:
    """``خالد`` + ``الحربي``, ``نورة مبارك`` + ``العمراني``: a tagger's person of one or two
    words runs on through a family name of the nisba shape right after it (``ال`` ... ``ي``:
    الحربي، الزهراني) that the knowledge files know as nothing but a person (not الأمريكي, a
    country's nisba) and no mention begins at."""
    if entity.type is not EntityType.PERSON or first >= len(tokens) or tokens[first].start > entity.start:
        return entity
    last = next((k for k in range(first, min(first + 2, len(tokens))) if tokens[k].end == entity.end), None)
    if last is None or last + 1 >= len(tokens):
        return entity
    after = tokens[last + 1]
    norm = after.norm
    if after.start != entity.end + 1 or not nisba_shaped(norm):
        return entity
    if norm in HONORIFICS or norm in _ORDINALS or norm in NAME_END:
        return entity
    at = bisect_left(starts, after.start)
    if at < len(starts) and starts[at] < after.end:
        return entity
    if callable(is_known_word) and is_known_word(norm):
        return entity
    return with_end(text, entity, after.end)


def with_family_name_before_a_verb(
    text: str, tokens: list[Token], entity: Entity, first: int, starts: list[int]
) -> Entity:
    """``يوسف`` + ``كالا سيحضر``: a tagger's one-word person followed by one more name word and
    then a verb in the future (سيحضر، ستزور) runs on through that word (a family name the tagger
    has no vector for); the word has no proclitic or article and no mention begins at it (not
    ``ايبرمان أكد أن``: a verb of the past could be a name word, the future's prefix not)."""
    if entity.type is not EntityType.PERSON or first + 2 >= len(tokens) or tokens[first].end != entity.end:
        return entity
    if tokens[first].start > entity.start:
        return entity
    after, then = tokens[first + 1], tokens[first + 2]
    if not is_name_word(after) or len(after.norm) < 3 or after.norm[0] in "ولبف" or after.norm in TIME_WORDS:
        return entity
    if after.norm in LINEAGE or after.norm in FAMILY or after.norm[0] in "يت":
        return entity  # بن، آل (the lineage grammar's), a verb of the present
    if len(then.norm) < 5 or then.norm[0] != "س" or then.norm[1] not in "يتن":
        return entity
    at = bisect_left(starts, after.start)
    if at < len(starts) and starts[at] < after.end:
        return entity
    return with_end(text, entity, after.end)


def with_family_name_after_lineage(
    text: str, tokens: list[Token], entity: Entity, starts: list[int]
) -> Entity:
    """``عقلا بن علي`` + ``العقلا نائب رئيس``: a tagger's name ending in its lineage (بن X) runs
    on through the definite family name after it when an office title follows that (the
    appositive of a list of officials); ``فيصل بن بندر المهنئين بالعيد`` is left alone."""
    last = bisect_left([t.end for t in tokens], entity.end)
    if last < 2 or last + 2 >= len(tokens) or tokens[last].end != entity.end:
        return entity
    if tokens[last - 1].norm not in NASAB or tokens[last - 2].end <= entity.start:
        return entity  # a given name, بن and the father's name (after a proclitic: وعقلا)
    family, then = tokens[last + 1], tokens[last + 2]
    norm = family.norm
    if family.start != entity.end + 1 or not norm.startswith("ال") or len(norm) < 5:
        return entity
    if norm in DEFINITE_STOPS or norm in HONORIFICS or norm in TIME_WORDS:
        return entity
    at = bisect_left(starts, family.start)
    if (at < len(starts) and starts[at] < family.end) or then.norm not in OFFICE_TITLES:
        return entity
    return with_end(text, entity, family.end)


# Short function words that could pass for a syllable of an East Asian name (له، به، ثم).
_SHORT_WORDS = folded("له لها لهم به بها بهم فيه منه عنه ثم أو أي كل بل إذ إذا لو كي يا")


def with_first_syllable(
    text: str, tokens: list[Token], entity: Entity, first: int, starts: list[int]
) -> Entity:
    """``لوه`` + ``شو شنج``، ``لي`` + ``كه تشيانغ``: a Chinese or Korean name is written in short
    syllables, and the tagger sometimes leaves out the first; a two-word person of syllables
    (at most three letters, no article) takes in the short name word right before it (no
    function word or verb, no mention there)."""
    if first < 1 or first >= len(tokens) or tokens[first].start != entity.start:
        return entity
    words = fold(entity.text).split()
    if len(words) != 2 or any(len(w) > 3 or w.startswith("ال") or w in _LINEAGE_WORDS for w in words):
        return entity
    before = tokens[first - 1]
    if before.end != entity.start - 1 or not is_name_word(before) or not 2 <= len(before.norm) <= 3:
        return entity
    if before.norm in _SHORT_WORDS or before.norm in NASAB or before.norm in FAMILY:
        return entity
    if is_speech_verb(before.norm):
        return entity  # قال شو شنج: the verb before the name
    at = bisect_left(starts, before.start)
    if at < len(starts) and starts[at] < before.end:
        return entity
    return with_start(text, entity, before.start)
