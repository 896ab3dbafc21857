"""The person mentions of one sentence, refined by the name grammar
(:func:`refine_persons`): tagger mentions that are no name dropped (``الشيخ``، ``سيغادر``),
boundaries corrected (:mod:`~arextract.ner.grammar.person_edges`), names split at a hyphen joined
(``كيم كي-جونغ``), officials in lists and appointments added
(:mod:`~arextract.ner.grammar.officials`), and the name after an honorific chain added or extended
(``صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز``).
"""

from __future__ import annotations

from bisect import bisect_left

from arextract.ner.grammar.mentions import GRAMMAR_CONFIDENCE, PLACES, person, with_end, with_start
from arextract.ner.grammar.names import (
    AL,
    CROWN,
    HIGHNESS,
    ROYAL,
    is_father_name,
    is_honorific,
    is_name_word,
    nasab_end,
)
from arextract.ner.grammar.officials import with_appointed, with_listed_officials
from arextract.ner.grammar.person_edges import (
    TIME_WORDS,
    apposed_ends,
    with_compound_family_name,
    with_family_name,
    with_family_name_after_lineage,
    with_family_name_before_a_verb,
    with_first_syllable,
    with_given_name,
    with_lineage,
    with_nisba_family_name,
    without_glued_place,
    without_listed_conjunction,
    without_overrun,
    without_time_word,
)
from arextract.ner.grammar.speakers import is_speech_verb, with_speakers, without_leading_verb
from arextract.ner.grammar.words import (
    FAMILY,
    HONORIFICS,
    NAME_END,
    NASAB,
    NOT_NAMES,
    OFFICE_TITLES,
    PARTS_OF_NAME,
    PERSON_NOUNS,
    WAW_NAMES,
    folded,
    nisba_shaped,
)
from arextract.schema import Entity, EntitySource, EntityType, Token
from arextract.text.clitics import PROCLITICS, carries_article
from arextract.text.normalize import fold

# The second words of a rank (الفريق أول، العميد ركن): an honorific only after one.
_RANK_PARTS = folded("أول ركن طيار بحري")

# "الرئيس": also the adjective "main" (المكتب الرئيس، مقرها الرئيس).
_MAIN = fold("الرئيس")
_OWNER = fold("صاحب")

# A proclitic before the article (بالنادي، للشؤون، والوفد): no given name. From the clitic
# inventory; the hand list it replaces was tested on the first three letters, so لل never hit.
_ARTICLE_AFTER_PROCLITIC = tuple(p for p in PROCLITICS if carries_article(p))

# Attached pronouns: "قناعته"، "وأهميتها" are nouns with "his"/"her", no given name.
_PRONOUN_SUFFIXES = ("ته", "تها", "تهم", "ها", "هم", "هما")

# The object of an idiom placed right after its verb's titled subject: "وتبادل الرئيس أطراف
# الحديث مع الضيوف" (chatted with): the words after the title are no name.
_IDIOM_OBJECTS = {fold("أطراف"): fold("الحديث")}

# Particles inside foreign family names (Le, de, du, van, von, da, del, der).
_PARTICLES = folded("لو دي دو فان فون دا ديل دير")

# Definite titles in apposition after a name (تيان تشي السفير الصيني).
_APPOSITIVE_TITLES = folded("السفير السفيرة الأمين المبعوث الممثل المتحدث الوزير المستشار النائب")

# Definite nouns completing a nationality's nisba (تركي الأصل، تركي الجنسية، تركي الصنع): no
# family name after the nisba read as a given name.
_NISBA_COMPLEMENTS = folded("الأصل الجنسية الصنع المنشأ المولد")

# Prepositions after a future verb the tagger read as a name (سيغادر إلى).
_PREPOSITIONS = frozenset(["الي", "إلى", "إلي", "من", "على", "في", "عن", "مع", "لدى", "الى"])


def _future_verb(tokens: list[Token], word: Token, ends: dict[int, int]) -> bool:
    """سيغادر إلى، ستبحث مع: the future particle on a verb, then a preposition (a one-word
    "name" the tagger sometimes reads there)."""
    norm = word.norm
    if len(norm) < 5 or norm[0] != "س" or norm[1] not in "يتنا":
        return False
    k = ends.get(word.end)
    if k is None or k + 1 >= len(tokens):
        return False
    return tokens[k + 1].text in _PREPOSITIONS or tokens[k + 1].norm in TIME_WORDS  # سيغادر اليوم


def refine_persons(
    text: str,
    tokens: list[Token],
    entities: list[Entity],
    is_place: object = None,
    is_person_name: object = None,
    is_known_word: object = None,
) -> list[Entity]:
    """Person mentions of one sentence, refined by the name grammar:

    * a mention made only of honorifics or of a function word (الشيخ، على) is dropped: a title
      alone never makes a person;
    * ``X-Y`` split by the tagger (كيم كي-جونغ) is one name;
    * a name ending in a preposition glued to a place (سلمان بن عبد العزيز لموسكو) loses it, and
      one running a word past a known full name (جون كيري هيمن عليه) ends with the known name;
    * after an honorific chain (معالي الأستاذ / عادل بن أحمد الجبير، صاحب السمو الملكي الأمير محمد
      بن سلمان بن عبدالعزيز) a name the tagger missed is proposed, and one it cut short (before
      ``بن`` or ``آل``) is extended; the name never runs into the next word (بحضور، يرافقه).
    """
    token_starts = [t.start for t in tokens]
    ends = {t.end: i for i, t in enumerate(tokens)}
    starts = sorted(e.start for e in entities)
    # a one-word person the tagger found, as family name of a given name before it (تركي البراهيم)
    family_names = {
        e.start: e.end for e in entities if e.type is EntityType.PERSON and e.text.startswith("ال")
    }
    person_ends = frozenset(e.end for e in entities if e.type is EntityType.PERSON) | apposed_ends(
        text, entities
    )
    out: list[Entity] = []
    absorbed: set[int] = set()  # the tagger's family names taken into a given name before them
    for entity in entities:
        if entity.type is EntityType.PERSON and entity.start in absorbed:
            continue  # البراهيم, now inside تركي البراهيم
        given = _nisba_given_name(text, tokens, entity, ends, starts, is_known_word, family_names)
        if given.end > entity.end and given.end in family_names.values():
            absorbed.add(next(start for start, end in family_names.items() if end == given.end))
        entity = given
        if entity.source == EntitySource.MODEL:
            entity = with_lineage(text, tokens, entity, ends, starts, is_place)
            entity = _named_before_a_title(tokens, token_starts, entity, ends)
        if entity.type is EntityType.PERSON and entity.source == EntitySource.MODEL:
            entity = without_leading_verb(text, tokens, token_starts, entity)
            first = bisect_left(token_starts, entity.start)
            words = [t for t in tokens[first : first + 16] if t.end <= entity.end]
            if _not_a_name(tokens, words, ends):
                continue
            entity, words = _without_rank_part(text, tokens, entity, words, first)
            entity, words = without_time_word(text, tokens, entity, words, ends)
            entity, words = without_overrun(text, tokens, entity, words, ends, is_person_name)
            entity = without_glued_place(text, tokens, entity, words, ends, is_place)
            entity = without_listed_conjunction(text, tokens, entity, first, person_ends)
            entity = with_given_name(text, tokens, entity, first)
            entity = with_family_name(text, tokens, entity, first)
            entity = with_compound_family_name(text, tokens, entity, first, starts)
            entity = with_first_syllable(text, tokens, entity, first, starts)
            entity = with_nisba_family_name(text, tokens, entity, first, starts, is_known_word)
            entity = with_family_name_before_a_verb(text, tokens, entity, first, starts)
            entity = with_family_name_after_lineage(text, tokens, entity, starts)
            entity = _past_a_particle(text, tokens, entity, ends, starts)
        out.append(entity)
    out = _joined_at_hyphens(text, out)
    out = _joined_after_a_name_part(text, tokens, out)
    out = with_appointed(text, tokens, out)
    out = with_listed_officials(text, tokens, out)
    out = with_speakers(text, tokens, out)
    if not any(is_honorific(t.norm) or t.norm in PERSON_NOUNS for t in tokens):
        return out
    return _with_honorific_chains(text, tokens, out)


def _without_rank_part(
    text: str, tokens: list[Token], entity: Entity, words: list[Token], first: int
) -> tuple[Entity, list[Token]]:
    """``العقيد ركن`` + ``نبيل العايد``: the second word of a rank (ركن، أول، طيار) after the
    rank belongs to the title, not to the name the tagger starts on it."""
    if not 0 < first < len(tokens) or not is_honorific(tokens[first - 1].norm):
        return entity, words
    cut = 0
    while cut < len(words) - 1 and words[cut].norm in _RANK_PARTS and words[cut].start >= entity.start:
        cut += 1
    if cut == 0:
        return entity, words
    return with_start(text, entity, words[cut].start), words[cut:]


def _past_a_particle(
    text: str, tokens: list[Token], entity: Entity, ends: dict[int, int], starts: list[int]
) -> Entity:
    """``ستيفان لو`` + ``فول``: a name never ends with a particle of a foreign family name (Le,
    de, van, von, da); it runs on to the next word when that can be a name."""
    last = ends.get(entity.end)
    if last is None or last + 1 >= len(tokens) or tokens[last].norm not in _PARTICLES:
        return entity
    if tokens[last].start <= entity.start:
        return entity  # the particle alone
    following = tokens[last + 1]
    at = bisect_left(starts, following.start)
    if (at < len(starts) and starts[at] < following.end) or not is_name_word(following):
        return entity
    return with_end(text, entity, following.end)


def _named_before_a_title(
    tokens: list[Token], starts: list[int], entity: Entity, ends: dict[int, int]
) -> Entity:
    """``تيان تشي السفير الصيني``: a tagger's place followed by a title in apposition (and not
    after a preposition: في روما السفير) is the person holding it."""
    last = ends.get(entity.end)
    if entity.type not in PLACES or last is None or last + 1 >= len(tokens):
        return entity
    if tokens[last + 1].norm not in _APPOSITIVE_TITLES:
        return entity
    first = bisect_left(starts, entity.start)
    if first < len(tokens) and tokens[first].start < entity.start:
        return entity  # a proclitic preposition (بروما، لسروج)
    if first > 0 and tokens[first - 1].text in _PREPOSITIONS:
        return entity
    return entity.model_copy(update={"type": EntityType.PERSON, "subtype": None, "kb_id": None})


def _nisba_given_name(
    text: str,
    tokens: list[Token],
    entity: Entity,
    ends: dict[int, int],
    starts: list[int],
    is_known_word: object,
    family_names: dict[int, int],
) -> Entity:
    """``تركي``: a country's nisba without the article is also a given name. The knowledge files'
    country is a person when an honorific stands right before it (``الأمير تركي``) or a family
    name follows it that no mention claims (``تركي الشليل``، ``تركي بن ناصر``، ``تركي آل
    الشيخ``) or that the tagger took for a person alone (``تركي`` + ``البراهيم``), not a noun
    completing the nationality (``تركي الأصل``) nor a known word."""
    last = ends.get(entity.end)
    if entity.type is not EntityType.COUNTRY or entity.source == EntitySource.MODEL or last is None:
        return entity
    word = tokens[last]
    if word.start != entity.start or word.norm.startswith("ال") or not word.norm.endswith("ي"):
        return entity
    stop = entity.end
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    at = bisect_left(starts, after.start) if after is not None else len(starts)
    if after is not None and family_names.get(after.start) == after.end:
        if not _nisba_complement(after.norm, is_known_word):
            stop = after.end
    elif after is not None and not (at < len(starts) and starts[at] < after.end):
        end = nasab_end(tokens, last, min(len(tokens), last + 8))
        follows = after.norm in NASAB or after.norm in FAMILY or after.norm.startswith("ال")
        if end > last and follows and not _nisba_complement(after.norm, is_known_word):
            stop = tokens[end].end
    before = tokens[last - 1].norm if last else ""
    titled = is_honorific(before) and before not in _RANK_PARTS
    if stop == entity.end and not titled:
        return entity
    return person(text, entity.start, stop)


def _nisba_complement(norm: str, is_known_word: object) -> bool:
    """A definite word after a nisba that is no family name: a known name (التركي), a noun
    completing the nationality (الأصل، الجنسية) or a feminine noun (الحكومة)."""
    if norm in _NISBA_COMPLEMENTS or norm.endswith(("ه", "ة")):
        return True
    return callable(is_known_word) and bool(is_known_word(norm))


def _not_a_name(tokens: list[Token], words: list[Token], ends: dict[int, int]) -> bool:
    """A model mention of only honorifics, function words and punctuation (الشيخ، على), or a
    one-word future verb (سيغادر إلى)."""
    if words and all(t.norm in HONORIFICS or t.text in NOT_NAMES or not t.norm[:1].isalpha() for t in words):
        return True
    return len(words) == 1 and (_future_verb(tokens, words[0], ends) or _feminine_nisba(words[0].norm))


def _feminine_nisba(norm: str) -> bool:
    """A definite feminine nisba alone (``المدينة الاقتصادية``، the paper ``الاقتصادية``) is an
    adjective or a title, never a person: a family name alone is not a feminine nisba (a short
    word in -ية is a noun, and can be one: العطية)."""
    return norm.startswith("ال") and len(norm) >= 7 and norm.endswith("يه")  # not العطية: a name


def _joined_at_hyphens(text: str, entities: list[Entity]) -> list[Entity]:
    """X-Y: two person mentions joined by a hyphen with no space are one (كيم كي-جونغ)."""
    merged: list[Entity] = []
    for entity in sorted(entities, key=lambda e: e.start):
        if (
            merged
            and entity.type is EntityType.PERSON
            and merged[-1].type is EntityType.PERSON
            and text[merged[-1].end : entity.start] in ("-", "‐", "–")
        ):
            entity = with_end(text, merged.pop(), entity.end)
        merged.append(entity)
    return merged


def _joined_after_a_name_part(text: str, tokens: list[Token], entities: list[Entity]) -> list[Entity]:
    """A name never ends with the first half of a compound (``عمر أبو`` + ``العيش``، ``خالد عبد``
    + ``الله``، ``آل`` + ``الشيخ``) nor with its nasab word (``عبدالله بن`` + ``مساعد``): a
    tagger's person ending in أبو/عبد/أم/آل/بن runs on through the next word, taking in a person
    mention that begins there."""
    ends = {t.end: i for i, t in enumerate(tokens)}
    merged: list[Entity] = []
    entities = sorted(entities, key=lambda e: e.start)
    skip_to = -1
    for index, entity in enumerate(entities):
        if entity.start < skip_to:
            continue
        last = ends.get(entity.end)
        if (
            entity.type is EntityType.PERSON
            and entity.source == EntitySource.MODEL
            and last is not None
            and last + 1 < len(tokens)
            and _first_half(tokens[last], entity)
        ):
            following = tokens[last + 1]
            nxt = entities[index + 1] if index + 1 < len(entities) else None
            if nxt is not None and nxt.start == following.start and nxt.type is EntityType.PERSON:
                entity, skip_to = with_end(text, entity, nxt.end), nxt.end
            elif (nxt is None or nxt.start >= following.end) and _second_half(following, tokens[last]):
                entity = with_end(text, entity, following.end)
        merged.append(entity)
    return merged


def _first_half(token: Token, entity: Entity) -> bool:
    """Whether the last word of ``entity`` opens a compound it cannot end: أبو/عبد or a nasab
    word after a given name (``عمر أبو``، ``عبدالله بن``), or آل/بني even alone (``وأوضح آل
    الشيخ``: an official named by his family, never a person called ``آل``)."""
    return token.norm in FAMILY or (token.start > entity.start and token.norm in PARTS_OF_NAME | NASAB)


def _second_half(token: Token, before: Token) -> bool:
    """A word that can end a compound name (بكر، العيش، الله): letters, no function word; after
    بن any father's name, an office title's word too (``بن مساعد``)."""
    if before.norm in NASAB:
        return is_father_name(token)
    norm = token.norm
    return norm[:1].isalpha() and not norm.isascii() and token.text not in NOT_NAMES and norm not in NAME_END


def _with_honorific_chains(text: str, tokens: list[Token], out: list[Entity]) -> list[Entity]:
    """After an honorific chain, the name the tagger missed is added and the one it cut short
    (before بن or آل) extended; ``out`` is sorted by start."""
    taken = sorted((e.start, e.end, k) for k, e in enumerate(out))
    n = len(tokens)
    i = 0
    additions: list[Entity] = []
    while i < n:
        noun = tokens[i].norm in PERSON_NOUNS
        if not (is_honorific(tokens[i].norm) or noun) or (
            tokens[i].norm == ROYAL and (i == 0 or tokens[i - 1].norm != HIGHNESS)
        ):
            i += 1  # الحرس الملكي: الملكي is an honorific only in صاحب السمو الملكي
            continue
        j = i + 1 if noun else i
        while j < n and (is_honorific(tokens[j].norm) or tokens[j].norm in ("/", ".")):
            j += 1
        if j >= n or j == i:
            i += 1
            continue
        end = nasab_end(tokens, j, min(n, j + 12))
        if noun and not is_honorific(tokens[j - 1].norm) and not _family_after_a_noun(tokens, j, end, taken):
            i = j
            continue
        if end < 0 and tokens[j].norm == AL and j + 1 < n and tokens[j + 1].norm[:1].isalpha():
            end = j + 1  # معالي آل الشيخ: the official by his family name
        if end < 0:
            i = j
            continue
        if end == j and j + 1 < n and _opens_a_name(tokens, i, j):
            # one name word after the title, then a family name without the article
            after = next((k for s, _, k in taken if s == tokens[j + 1].start), None)
            if after is not None and _family_name_mention(tokens, j, out[after], taken):
                out[after] = with_start(text, out[after], tokens[j].start)  # الفريق مهاب + مميش
                i = j + 1
                continue
            if after is None and _closed_family_name(tokens, j + 1):
                end = j + 1  # الفريق مهاب مميش، رئيس الهيئة
        start, stop = tokens[j].start, tokens[end].end
        overlapping = [(s, e, k) for s, e, k in taken if s < stop and start < e]
        if not overlapping:
            # two words at least: a lone word after a title is too often not a name
            if end > j and _opens_a_name(tokens, i, j):
                additions.append(person(text, start, stop))
        elif len(overlapping) == 1:
            s, e, k = overlapping[0]
            entity = out[k]
            if _family_name_alone(tokens, j, entity, s, e, start, stop) and _opens_a_name(tokens, i, j):
                out[k] = with_start(text, entity, start)  # الأستاذ حاكم + الدويش
            elif entity.type is EntityType.PERSON and s == start and e < stop:
                extended = with_end(text, entity, stop)
                if entity.source != EntitySource.MODEL:
                    # a known name followed by more lineage is another person (عبدالله بن
                    # عبدالعزيز + الجربوع): the link to the known one goes
                    extended = extended.model_copy(
                        update={
                            "kb_id": None,
                            "subtype": None,
                            "source": EntitySource.GRAMMAR,
                            "confidence": GRAMMAR_CONFIDENCE,
                        }
                    )
                out[k] = extended
        i = end + 1
    if additions:
        out = sorted(out + additions, key=lambda e: e.start)
    return out


def _family_name_alone(
    tokens: list[Token], j: int, entity: Entity, s: int, e: int, start: int, stop: int
) -> bool:
    """Whether the tagger read only the family name of the name after the title
    (``الأستاذ حاكم`` + ``الدويش``، ``المواطن مسفر`` + ``الدعجاني``): a person of its own
    ending where the name does, the given name before it no verb of saying."""
    return (
        entity.type is EntityType.PERSON
        and entity.source == EntitySource.MODEL
        and start < s
        and e == stop
        and not is_speech_verb(tokens[j].norm)
    )


def _family_after_a_noun(tokens: list[Token], j: int, end: int, taken: list[tuple[int, int, int]]) -> bool:
    """After a noun of trade or standing (``المواطن``، ``المدافع``) the name must end in a family
    name, one the tagger read as a person or one of the nisba shape (``المواطن عيد الغامدي``),
    after a given name that is no verb (``المواطن يحتاج``، ``ستبحث``), accusative word or noun
    with a pronoun (``يأخذ الفنان مكانه الطبيعي``: his natural place)."""
    if end <= j:
        return False
    given = tokens[j].norm
    if given[:1] in "يت" or (given[:1] == "س" and given[1:2] in "يتن") or given.endswith("ا"):
        return False
    if len(given) > 3 and tokens[j].text.endswith(("ه", "ها", "هم")):
        return False
    family = tokens[end]
    if any(s == family.start and e == family.end for s, e, _ in taken):
        return True
    return nisba_shaped(family.norm)


def _family_name_mention(
    tokens: list[Token], j: int, entity: Entity, taken: list[tuple[int, int, int]]
) -> bool:
    """Whether the tagger's ``entity`` right after the title's given name at ``j`` is the family
    name the tagger read alone (``الفريق مهاب`` + ``مميش``): a person of its own, nothing found
    at the given name, which is no verb of saying (``الرئيس قال``)."""
    return (
        entity.type is EntityType.PERSON
        and entity.source == EntitySource.MODEL
        and tokens[j + 1].start == tokens[j].end + 1
        and not any(s < tokens[j].end and tokens[j].start < e for s, e, _ in taken)
        and not is_speech_verb(tokens[j].norm)
    )


def _closed_family_name(tokens: list[Token], k: int) -> bool:
    """Whether token ``k`` ends a two-word name after a title without the article (``الفريق مهاب
    مميش، رئيس``): a name word, no noun with a pronoun or in ة (ضيفه), closed by a comma or an
    office title in apposition."""
    if k + 1 >= len(tokens) or not is_name_word(tokens[k]) or len(tokens[k].norm) < 3:
        return False
    word = tokens[k]
    if word.text.endswith(("ه", "ة", "ا")) or (word.norm[0] == "و" and word.norm not in WAW_NAMES):
        return False
    if is_speech_verb(word.norm):
        return False
    closing = tokens[k + 1].norm
    return closing in ("،", ",") or closing in OFFICE_TITLES


def _opens_a_name(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the honorific chain at ``i`` introduces the word at ``j`` as a given name the
    tagger missed: not a rank's second word on its own ("أول أيام الدوام"), not "الرئيس" as
    an adjective ("المكتب الرئيس لرعاية ..."), and not a word with the article after a
    proclitic ("بالنادي"), a و that is no part of the name ("وزيارة") or a pronoun
    ("قناعته")."""
    if tokens[i].norm in _RANK_PARTS and (i == 0 or not is_honorific(tokens[i - 1].norm)):
        return False
    if (
        tokens[i].norm == _MAIN
        and i
        and (tokens[i - 1].norm.startswith("ال") or _possessed(tokens[i - 1].norm))
    ):
        return False
    if i and tokens[i - 1].norm.isdigit():
        return False  # "أكثر من 72 دولة": a counted noun, not the form of address
    if tokens[i].norm == _OWNER and j == i + 1:
        return False  # "صاحب إحدى الوحدات": an owner; صاحب addresses only with السمو، الجلالة ...
    norm = tokens[j].norm
    if j + 1 < len(tokens) and _IDIOM_OBJECTS.get(norm) == tokens[j + 1].norm:
        return False  # "تبادل الرئيس أطراف الحديث": an idiom's object
    if norm.startswith(_ARTICLE_AFTER_PROCLITIC) or (norm[:1] == "و" and norm not in WAW_NAMES):
        return False
    if norm == CROWN or (norm[:1] == "ل" and norm[1:2] in ("ا", "ت") and len(norm) > 4):
        return False  # "سمو ولي العهد": a title; "لتنسيق الجهود"، "لأجمل": ل and a verbal noun
    return not _possessed(norm)


def _possessed(norm: str) -> bool:
    return len(norm) > 4 and norm.endswith(_PRONOUN_SUFFIXES)
