"""Persons named right after a verb of saying or meeting and before their title, the commonest
frame of news (``أوضح راجح بادي الناطق الرسمي``، ``قال دليل آمد، عضو اللجنة``، ``جدد ألان لي روي
الأمين العام``): a tagger's person that starts one word late takes that word in, and two name
words the tagger missed become a person when a title follows them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from arextract.ner.grammar.heads import GENERIC, is_head
from arextract.ner.grammar.mentions import person, with_end, with_start
from arextract.ner.grammar.names import is_name_word
from arextract.ner.grammar.words import (
    DEFINITE_STOPS,
    FAMILY,
    HONORIFICS,
    NAME_END,
    NOT_NAMES,
    PLACE_ONLY,
    QUOTES,
    SITE_PREPOSITIONS,
    folded,
)
from arextract.schema import Entity, EntitySource, EntityType, Token
from arextract.text.clitics import clitic_readings

# Verbs of saying and meeting whose subject is the person named next (masculine and feminine).
_VERBS = folded(
    "قال قالت أكد أكدت أوضح أوضحت أضاف أضافت أشار أشارت صرح صرحت ذكر ذكرت كشف كشفت أعلن أعلنت "
    "جدد جددت دعا دعت طالب طالبت شدد شددت اعتبر اعتبرت أفاد أفادت نفى نفت التقى التقت استقبل "
    "استقبلت بحث بحثت وصف وصفت رأى رأت أبلغ أبلغت "
    # warning, hinting, reassuring, voicing a stance, forecasting, refuting (relations.toml)
    "حذر حذرت ألمح ألمحت طمأن طمأنت أبدى أبدت توقع توقعت فند فندت"
)

# Titles in apposition after the name (indefinite, before their genitive; or definite).
_TITLES = folded(
    "رئيس رئيسة وزير وزيرة نائب مدير مديرة أمير سفير سفيرة محافظ وكيل مساعد مساعدة مستشار عضو "
    "قائد زعيم ممثل مبعوث مندوب ناطق متحدث أمين الناطق المتحدث الأمين السفير السفيرة الوزير "
    "الرئيس المستشار النائب الممثل المبعوث المدير القائد زوجة زوج محافظ"
)


# Adverbs between a verb and its subject (قال أيضا، وفقا لـ) or a title and the name (الرئيس
# الإيراني آنذاك هاشمي رفسنجاني), and sources that speak (ذكر بيان مكتب رئيس الوزراء).
_ADVERBS = folded(
    "أيضا ايضا وفقا فوفقا طبقا تبعا نقلا استنادا كذلك بدوره بدورها بيان مصدر مصادر تقرير "
    "تقارير وكالة صحيفة موقع غير عقب إثر اثر قبيل بعيد عند حين آنذاك حينذاك وقتذاك حينئذ عندئذ"
)


# Words that may follow a name given after its title (عضو المجلس فلان الفلاني إن ...).
_AFTER_NAME = folded("إن أن إنه أنه")


# The commas around a name in apposition, and the prepositions of a title's complement (السفير
# لدى لبنان، المنسق في اليمن).
_COMMAS = frozenset(["،", ","])
_SITE_WORDS = folded("لدى في")

# Conjuncts that open the next item of a list after a name (وعدد من، وعدد كبير، وجمع من).
_CONJUNCTS = folded("وعدد وجمع ولفيف وكبار وأعضاء ووفد")


# Given names that begin like a verb of the present (يحمل، تابع).
_VERB_LIKE_NAMES = folded("يوسف يحيى ياسر يزيد يونس ياسين يعقوب يسري تركي تامر توفيق تيسير تقي")

# Indefinite adjectives after a noun the frame could read as a name (دور كبير).
_ADJECTIVES = folded("كبير كبيرة عديدة عديد جديد جديدة مهم مهمة بارز بارزة واضح كامل خاص عام")


@lru_cache(maxsize=50_000)  # asked of every token of every sentence
def _is_verb(norm: str) -> bool:
    return any(r.proclitic in ("", "و", "ف") and r.stem in _VERBS for r in clitic_readings(norm))


@lru_cache(maxsize=50_000)  # asked of most definite words of every sentence
def _has_digit(norm: str) -> bool:
    return any(c.isdigit() for c in norm)


def is_speech_verb(norm: str) -> bool:
    """A verb of saying or meeting (قال، وأكد، استقبل), which opens no name."""
    return _is_verb(norm)


def _given(token: Token) -> bool:
    """A word that can be a given name here: no article, title, honorific or function word
    (ألان and آلان fold like an article, but their alef bears a hamza or madda)."""
    if token.norm in _TITLES or token.norm in _ADVERBS or _is_verb(token.norm):
        return False
    if token.text in NOT_NAMES or token.norm in NAME_END or token.text.endswith(("ها", "هم")):
        return False
    if token.text.startswith(("أل", "آل", "إل")) and token.norm not in HONORIFICS:
        return len(token.norm) >= 3  # (ألان folds like الآن "now", which is spelled without hamza)
    return is_name_word(token)


def _family(token: Token) -> bool:
    """The second word of the name: a given-name-like word or a family name with the article."""
    norm = token.norm
    if norm in _TITLES or norm in DEFINITE_STOPS or norm in NAME_END:
        return False
    if any(r.stem in HONORIFICS for r in clitic_readings(norm)):
        return False  # لمعالي، وسمو
    return _given(token) or (norm.startswith("ال") and len(norm) > 4)


def _strict_name(given: Token, second: Token, tagged: bool = False) -> bool:
    """After a title and its complement the name must look like one: a given name with no
    proclitic and no accusative ending (not للشؤون، دوليا), a family name that is no feminine
    adjective (الخارجية، العامة). A given name in ة (نادية، عيضة) only before a family name the
    tagger read as a person (``tagged``): alone, such a word is more often a noun (ضرورة)."""
    norm = given.norm
    if not _given(given) or norm[0] in "ولبفك" or norm.endswith("ا") or norm in GENERIC:
        return False
    if norm[0] == "س" and norm[1:2] in ("ي", "ت", "ن"):
        return False  # ستثري، سيبحث: a verb in the future
    if (norm[0] in "يت" and norm not in _VERB_LIKE_NAMES) or given.text.endswith("ه"):
        return False  # يحمل، ينفي (verbs); موقعه (a noun and its pronoun)
    if given.text.endswith("ة") and not tagged:
        return False  # نبذة، ضرورة (nouns)
    family = second.norm
    if family in _ADJECTIVES or family in FAMILY or family.endswith(("ا", "ات")) or second.text.endswith("ه"):
        return False  # دور كبير، شن هجوما، عكس تأثيره; علي آل + مريح goes on
    return not (family.startswith("ال") and (family.endswith("ه") or family in GENERIC))


def _no_head(*words: Token) -> bool:
    return not any(is_head(w.norm)[0] for w in words)  # بيان مكتب ...: a body, not a name


def _titled(tokens: list[Token], k: int) -> bool:
    """A title at ``k``, or after a comma there."""
    if k < len(tokens) and tokens[k].norm in ("،", ","):
        k += 1
    return k < len(tokens) and tokens[k].norm in _TITLES


# What closes at a token (:func:`_after_title`): nothing, a definite title and its complement
# (المتحدث الرسمي لإدارة الطرق بالباحة), or an indefinite one (عضو المجلس، وزير الزراعة الفرنسي).
_NO_TITLE, _DEFINITE_TITLE, _INDEFINITE_TITLE = 0, 1, 2


def _after_title(tokens: list[Token], o: int, spans: dict[int, int]) -> int:
    """Whether token ``o`` closes a title and its complement (عضو المجلس، محافظ صلاح الدين،
    وزير الزراعة الفرنسي): an indefinite title at most three tokens back, and only definite
    words or mentions (``spans``: their last token -> their first) between. When ``o`` closes a
    place or a body, the complement may be longer, a mention counting as one word and في/لدى
    before a place allowed (رئيس وزراء سانت فنسنت وجزر غرينادين، وزيرة العلاقات الدولية والتعاون
    لجنوب أفريقيا، سفير مصر في الجزائر). ``_INDEFINITE_TITLE`` when such a title is found,
    ``_DEFINITE_TITLE`` when only a definite title is (``المتحدث الرسمي لإدارة الطرق بالباحة``, for
    the caller's narrower use), else ``_NO_TITLE``. One walk serves both answers: a definite title
    does not stop the search for an indefinite one further back."""
    if o < 1 or not (tokens[o].norm.startswith("ال") or o in spans) or tokens[o].norm in DEFINITE_STOPS:
        return _NO_TITLE
    if _has_digit(tokens[o].norm):
        return _NO_TITLE  # "وزيرة التعاون الدولي10 اتفاقيات": a number glued on; a counted noun follows
    closes_a_name = o in spans
    k, words = (spans[o] - 1, _LONG_COMPLEMENT) if closes_a_name else (o - 1, 3)
    found = _NO_TITLE
    while k >= 0 and words > 0:
        norm = tokens[k].norm
        if _indefinite_title(norm):
            return _INDEFINITE_TITLE
        if norm in _TITLES:
            found = _DEFINITE_TITLE
        words -= 1
        if closes_a_name and k in spans:
            k = spans[k] - 1
            continue
        if closes_a_name and norm in SITE_PREPOSITIONS:
            k -= 1
            continue
        if not (norm.startswith("ال") or norm[:1].isalpha()) or norm in NAME_END:
            return found
        k -= 1
    return found


def _past_outlet(tokens: list[Token], verb: int) -> int:
    """The closing quote of an outlet cited right after the verb (``أوضح لـ«عكاظ» فلان``), where
    the speaker's name begins after it; ``verb`` when there is none. At most four words quoted."""
    if verb + 3 >= len(tokens) or tokens[verb + 1].norm != "ل" or tokens[verb + 2].norm not in QUOTES:
        return verb
    for k in range(verb + 4, min(len(tokens), verb + 8)):
        if tokens[k].norm in QUOTES:
            return k
    return verb


def _apposed(tokens: list[Token], comma: int, covered: set[int]) -> bool:
    """Whether token ``comma`` is a comma after a title and its complement, definite or not
    (``السفير العماني لدى الأردن، سالم الهنائي، أن``): the name between two commas is the title's
    holder. At most six definite words, words of mentions (``covered``) or لدى / في between the
    title and the comma."""
    if comma < 2 or tokens[comma].norm not in _COMMAS:
        return False
    for k in range(comma - 1, max(-1, comma - 8), -1):
        norm = tokens[k].norm
        if norm in _TITLES:
            return k < comma - 1  # a title and its complement (not a bare title: الوزير، فلان)
        if not (norm.startswith("ال") or k in covered or norm in _SITE_WORDS) or norm in DEFINITE_STOPS:
            return False
    return False


def _indefinite_title(norm: str) -> bool:
    """رئيس، وزيرة; ورئيس with its conjunction (ورئيس وزراء ...)."""
    if norm.startswith("ال"):
        return False
    return norm in _TITLES or (norm[:1] in "وف" and norm[1:] in _TITLES and not norm[1:].startswith("ال"))


# The most words (a mention counting as one) between a title and the place or body closing
# its complement: وزيرة + العلاقات الدولية والتعاون + لجنوب أفريقيا.
_LONG_COMPLEMENT = 5


def _place_ran_on(tokens: list[Token], entity: Entity, i: int) -> bool:
    """A tagger's place that began in a title's complement and ran on into the name after it
    (محافظ + صلاح الدين رائد الجبوري): it ends at token ``i``, and the two words after are the
    person (when they look like a name)."""
    return (
        entity.source == EntitySource.MODEL
        and entity.type in (EntityType.CITY, EntityType.REGION, EntityType.COUNTRY)
        and entity.start < tokens[i].end
    )


def _mistyped_family_name(tokens: list[Token], entity: Entity, k: int) -> bool:
    """A tagger's one-word place or body, unknown to the knowledge files, at token ``k`` where
    a title and its complement end in a given name and then a boundary: the family name (a
    foreign name the tagger has no word for)."""
    return (
        entity.source == EntitySource.MODEL
        and entity.type is not EntityType.PERSON
        and entity.end == tokens[k].end
        and _boundary(tokens, k + 1)
    )


def _boundary(tokens: list[Token], k: int) -> bool:
    """Whether a name may end before token ``k`` when no title follows it."""
    if k >= len(tokens):
        return True
    norm = tokens[k].norm
    clitic = norm in ("ل", "لـ")  # لـ«الوطن»
    # "محافظ الأنبار فلان الفلاني وعدد من الشيوخ": a conjunct opens the next item
    conjunct = norm in _CONJUNCTS
    return not norm[:1].isalpha() or norm in _AFTER_NAME or _is_verb(norm) or clitic or conjunct


def with_speakers(text: str, tokens: list[Token], entities: list[Entity]) -> list[Entity]:
    """Persons after a verb of saying or meeting, or after a title and its complement (module
    docstring)."""
    entities = sorted(entities, key=lambda e: e.start)
    starts = [e.start for e in entities]
    token_starts = [t.start for t in tokens]
    covered = {
        k
        for e in entities
        if e.type is not EntityType.PERSON
        for k in range(bisect_left(token_starts, e.start), bisect_left(token_starts, e.end))
    }
    spans = {
        bisect_left(token_starts, e.end) - 1: max(0, bisect_left(token_starts, e.start + 1) - 1)
        for e in entities
        if e.type is not EntityType.PERSON
    }
    out = list(entities)
    added: list[Entity] = []
    for i in range(len(tokens) - 3):
        verb = _is_verb(tokens[i].norm)
        apposed = not verb and _apposed(tokens, i, covered)
        closing = _NO_TITLE if verb or apposed else _after_title(tokens, i, spans)
        framed = verb or apposed or closing == _INDEFINITE_TITLE
        if not framed and closing == _NO_TITLE:
            continue  # (after a definite title, only a family name the tagger read takes its given name)
        if verb:
            i = _past_outlet(tokens, i)  # قال لـ«عكاظ» + the speaker
            if i + 3 >= len(tokens):
                continue
        given, second = tokens[i + 1], tokens[i + 2]
        at = bisect_left(starts, given.start)
        if at < len(starts) and starts[at] < given.end:
            # a mention begins at the given name: nothing missed, unless it stops one word short
            if framed:
                out[at] = _with_last_name(text, tokens, token_starts, entities[at], i + 1, starts)
            continue
        if at < len(starts) and starts[at] == second.start:
            entity = entities[at]
            model_person = entity.type is EntityType.PERSON and entity.source == EntitySource.MODEL
            titled = _titled(tokens, bisect_left(token_starts, entity.end))
            if (
                model_person
                and (_given(given) if verb else _strict_name(given, second, tagged=True))
                and (titled or not verb)
            ):
                out[at] = with_start(text, entity, given.start)  # أوضح راجح + بادي الناطق
            elif (
                framed
                and not verb
                and _mistyped_family_name(tokens, entity, i + 2)
                and _strict_name(given, second)
            ):
                out[at] = person(text, given.start, second.end)  # ... لجنوب أفريقيا ناليدي + باندور CITY
            continue
        if not framed:
            continue
        if at > 0 and entities[at - 1].end > given.start:
            before = entities[at - 1]
            if (
                not verb
                and _place_ran_on(tokens, before, i)
                and before.end == second.end
                and _strict_name(given, second)
            ):
                out[at - 1] = with_end(text, before, tokens[i].end)  # محافظ صلاح الدين + رائد الجبوري
                added.append(person(text, given.start, second.end))
            continue
        if verb and i + 3 < len(tokens) and at < len(starts) and starts[at] == tokens[i + 3].start:
            entity = entities[at]  # ودعت وان عزيزة + إسماعيل زوجة ...
            model_person = entity.type is EntityType.PERSON and entity.source == EntitySource.MODEL
            named = model_person and _given(given) and _given(second) and _no_head(given, second)
            if named and _titled(tokens, bisect_left(token_starts, entity.end)):
                out[at] = with_start(text, entity, given.start)
            continue
        if at < len(starts) and starts[at] < second.end:
            continue
        if verb:
            closed = _titled(tokens, i + 3)
        else:
            # between two commas after a title, or before a boundary after a title's complement
            ended = tokens[i + 3].norm in _COMMAS if apposed else _boundary(tokens, i + 3)
            closed = ended and _strict_name(given, second)
        if _given(given) and _family(second) and _no_head(given, second) and closed:
            added.append(person(text, given.start, second.end))
    if added:
        out = sorted(out + added, key=lambda e: e.start)
    return out


def _with_last_name(
    text: str, tokens: list[Token], token_starts: list[int], entity: Entity, first: int, starts: list[int]
) -> Entity:
    """``قال نوربرت`` + ``لامرت إن``، ``قال مايكل ماكوي`` + ``لويث متحدث باسم``: a tagger's person
    of one to three words right after the verb or the title stops one word short when a word
    that can only be a name (no article, clitic, adverb or accusative ending) comes next and the
    name's frame closes after it: a comma, إن/أن, or a title in apposition."""
    if entity.type is not EntityType.PERSON or entity.source != EntitySource.MODEL:
        return entity
    last = bisect_left(token_starts, entity.end) - 1
    if not first <= last <= first + 2 or tokens[last].end != entity.end or last + 2 >= len(tokens):
        return entity
    word, closing = tokens[last + 1], tokens[last + 2]
    at = bisect_left(starts, word.start)
    if (at < len(starts) and starts[at] < word.end) or word.start != entity.end + 1:
        return entity
    norm = word.norm
    if not _given(word) or norm.startswith("ال") or norm[:1] == "و" or len(norm) < 3:
        return entity  # وزملاؤه: the next item of a list (a name may begin with ف/ب/ك: فلتشر)
    if norm.endswith(("ا", "ات")) or word.text.endswith(("ة", "ه")) or norm in _ADJECTIVES:
        return entity  # أيضا، مجددا، صراحة، نفسه: an adverb or a noun, not a family name
    if norm[0] == "س" and norm[1:2] in ("ي", "ت", "ن"):
        return entity  # سيزور: a verb in the future
    if _titled(tokens, last + 2):
        return with_end(text, entity, word.end)
    if norm[0] == "ل" or not (closing.norm in _COMMAS or closing.norm in _AFTER_NAME):
        return entity  # "قال X لرويترز إن": the one told; only a title after it says a name
    return with_end(text, entity, word.end)


# Verbs of saying that are given names too (طالب): a name may begin with them.
_NAMES_LIKE_VERBS = folded("طالب")


def without_leading_verb(text: str, tokens: list[Token], token_starts: list[int], entity: Entity) -> Entity:
    """``وأكد`` + ``أحمد الخضري رئيس التحرير``: a tagger's person that opens with a verb of saying
    or meeting and goes on by two words or more is the name after the verb, its subject (not
    from a given name spelled like one: طالب). ``token_starts``: the tokens' starts, in order."""
    if entity.type is not EntityType.PERSON:
        return entity
    first = bisect_right(token_starts, entity.start) - 1
    if not 0 <= first < len(tokens) - 2:
        return entity
    verb = tokens[first]
    if not _is_verb(verb.norm) or any(r.stem in _NAMES_LIKE_VERBS for r in clitic_readings(verb.norm)):
        return entity
    if entity.start >= verb.end or tokens[first + 2].end > entity.end:
        return entity
    return with_start(text, entity, tokens[first + 1].start)


# Titles whose complement is a place (محافظ صلاح الدين، والي طنجة، أمير منطقة...).
_PLACE_TITLES = folded("محافظ والي أمير حاكم عمدة رئيس")


def _names_a_place(norm: str) -> bool:
    """A title whose complement is a place (محافظ، والي), or a regional service named by the
    place it serves (``مدير تعليم`` + ``جازان عيسى حكمي``، ``مدير صحة`` + place)."""
    return norm in _PLACE_TITLES or norm in PLACE_ONLY


def without_titled_place(
    text: str, tokens: list[Token], named: list[Entity], model: list[Entity], place: object
) -> tuple[list[Entity], list[Entity]]:
    """``محافظ صلاح الدين رائد الجبوري`` read by the tagger as one person: after a title whose
    complement is a place (or a regional service: تعليم جازان), a tagger's person that begins
    with one or two words naming a known place (``place(first, last)``: that place's mention, or
    None; the title says a place is meant, so a name that is also a given name counts) and goes
    on by two words or more is that place, then the person. Returns the knowledge files' mentions
    with the place added and the tagger's with the person narrowed."""
    if not callable(place) or not any(e.type is EntityType.PERSON for e in model):
        return named, model
    token_starts = [t.start for t in tokens]
    taken = {e.start for e in named}
    out = []
    added = []
    for entity in model:
        at = bisect_left(token_starts, entity.start)
        if entity.type is EntityType.PERSON and 0 < at < len(tokens) and _names_a_place(tokens[at - 1].norm):
            last = bisect_left(token_starts, entity.end) - 1
            for width in (2, 1):
                found = place(at, at + width - 1) if last - (at + width - 1) >= 2 else None
                if found is not None:
                    if found.start not in taken:
                        added.append(found)
                    # the place named already (جازان from the knowledge files): the person still
                    # begins after it
                    entity = with_start(text, entity, tokens[at + width].start)
                    break
        out.append(entity)
    if not added:
        return named, out
    return sorted(named + added, key=lambda e: e.start), out
