"""Places named after a place noun: ``منطقة العامرية``، ``بناحية البغدادي``، ``مدينة سروج``،
``منطقتي X وY``، ``مدن شرم الشيخ ودهب ونويبع``. The noun says the type (a city, town or
district: CITY; an area: REGION), the name is the word after it (two after a compound
prefix: ``رأس سدر``، ``بئر العبد``، ``سان دييغو``), and the places listed after it with ``و``
are of the same kind. A tagger's place right after the noun takes the noun's type
(``منطقة التاجي`` is an area), and so does a person it read there (``محافظ صلاح الدين``).

A name is proposed only where nothing was found, and never from a common noun: a word that
ends like an adjective or a verbal noun after an indefinite noun (``منطقة عازلة``، ``مدينة
كبيرة``), a definite word followed by its own modifier (``منطقة التجارة الحرة``), directions,
time words and the abstract nouns that follow these nouns (``منطقة الحادث``، ``مدينة الألعاب``).
Linear in the sentence: each noun reads at most a bounded list after it.
"""

from __future__ import annotations

from functools import lru_cache

from arextract.ner.gazetteer import span_entity
from arextract.ner.grammar.mentions import GRAMMAR_CONFIDENCE, PLACES, with_start
from arextract.ner.grammar.names import is_name_word
from arextract.ner.grammar.words import ANAPHORS, DEFINITE_STOPS, HONORIFICS, NAME_END, NOT_NAMES, folded
from arextract.schema import Entity, EntitySource, EntityType, Token
from arextract.text.clitics import clitic_readings
from arextract.text.normalize import fold
from arextract.text.spans import SpanSet

# Place nouns and the type of the place they name (a list after the plural or the dual).
_CITY_NOUNS = folded("مدينة مدينتي بلدة بلدتي قرية قريتي ناحية مدن بلدات قرى")
_REGION_NOUNS = folded("منطقة منطقتي")
# ناحية: a district, or "side" (من ناحية أخرى، لناحية: as regards).
_SIDE = fold("ناحية")
# Plural and dual nouns: a list follows them (مدن X وY، Z).
_LIST_NOUNS = folded("مدن بلدات قرى منطقتي مدينتي بلدتي قريتي")
# Nouns that only open a list (مدن X وY): the first item must be known or compound.
_PLURAL_NOUNS = folded("مدن بلدات قرى")
# A governor or a governorate: the person the tagger read after it is the province.
_GOVERNOR_NOUNS = folded("محافظ محافظة")

# First words of compound place names (رأس سدر، بئر العبد، سان فرانسيسكو، تل أبيب).
_COMPOUND = folded("رأس راس بئر عين تل دير كفر جبل خان باب بيت دار قصر شرم سان سانت وادي سيدي أم")

# Words after a place noun that are no place: directions, time words, abstract nouns.
_NOT_PLACES = folded(
    "الشمال الجنوب الشرق الغرب الوسط شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي الساحل "
    "العاصمة المركز البلد المدينة المنطقة المحافظة المملكة الدولة البلاد الحدود الحادث الحوادث "
    "الجزاء العمليات العمل النزاع النزاعات الصراع الاحتفال الاحتفالات التجارة التنمية المعرفة "
    "الألعاب الملاهي المهرجانات الطفل الأطفال الشباب الاشتباكات الاشتباك المعارك القتال التماس "
    "الحظر العبور الانتظار الاستقبال الخدمات المشاة التفتيش الانفجار الهجوم التفجير الأحداث "
    "السكن الإقامة الأمن الخطر الكوارث اليورو الشنغن أخرى آخر غير حظر ألعاب شارع آثار ظل حول "
    "منزل نفسها ذاتها كاملة بأكملها كلها المال الجمال الاقتصاد الملائكة التمور تمور الوقوف أحياء "
    "الزيارة الزكاة الحاج العلم الدعم التسرب القطارات اللحوم دول الوسطى المكان"
)

# Pronoun suffixes: a word that ends with one is no place name (وسواحلها، وخارجها).
_PRONOUN_ENDINGS = ("ها", "هم", "هما", "كم", "نا")

# Words that may follow a place name: prepositions, directions, relative pronouns.
_AFTER_PLACE = folded(
    "في من إلى الى على عن مع لدى قرب بين حتى منذ شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط التي الذي حيث"
)

# Relative pronouns: after a listed word they describe a common noun.
_RELATIVES = folded("التي الذي الذين اللتي")

# Endings of adjectives and verbal nouns after an indefinite noun (عازلة، آمنة، خضراء، سكني).
_ADJECTIVE_ENDINGS = ("ه", "ة", "اء", "ي", "ين", "ون")


def _opens(token: Token) -> bool:
    """Whether a place name may follow the word (a place noun or a governor's title)."""
    stem, kind = _noun_type(token.norm, token.text)
    return kind is not None or stem in _GOVERNOR_NOUNS


@lru_cache(maxsize=50_000)
def _noun_type(norm: str, text: str) -> tuple[str, EntityType | None]:
    if norm.endswith("ه") and not text.endswith("ة"):
        return norm, None  # بلده: his country, not a town
    for reading in clitic_readings(norm):
        if reading.proclitic not in ("", "و", "ب", "ل", "وب", "ول", "ف"):
            continue
        if reading.stem == _SIDE and "ل" in reading.proclitic:
            continue  # لناحية: "as regards", not a district
        if reading.stem in _CITY_NOUNS:
            return reading.stem, EntityType.CITY
        if reading.stem in _REGION_NOUNS:
            return reading.stem, EntityType.REGION
        if reading.stem in _GOVERNOR_NOUNS:
            return reading.stem, None
    return norm, None


def _name_word(token: Token, first: bool) -> bool:
    """Whether a word can be (the first word of) a place name after a place noun."""
    norm = token.norm
    if norm in _NOT_PLACES or norm in ANAPHORS or norm in DEFINITE_STOPS or norm in HONORIFICS:
        return False
    if token.text in NOT_NAMES or norm in NAME_END or not norm[:1].isalpha() or len(norm) < 3:
        return False
    if norm.endswith(_PRONOUN_ENDINGS) and not (first and norm.startswith("ال")):
        return False
    if not first and token.text.endswith("ه"):
        return False  # وقيمته، بداخله: a pronoun suffix
    if norm.startswith("ال"):
        return len(norm) >= 5
    if norm in _COMPOUND:
        return True
    return is_name_word(token) and not (first and norm.endswith(_ADJECTIVE_ENDINGS))


class _Places:
    """The place mentions proposed in one sentence."""

    def __init__(self, text: str, tokens: list[Token], entities: list[Entity]) -> None:
        self.text = text
        self.tokens = tokens
        self.entities = entities
        self.spans = SpanSet((e.start, e.end) for e in entities)
        self.moved: dict[int, int] = {}  # mentions (indexes) that start after their conjunction

    def entity_at(self, index: int) -> Entity | None:
        token = self.tokens[index]
        position = self.spans.first_starting_in(token.start, token.end)
        return None if position is None else self.entities[position]

    def taken(self, index: int) -> bool:
        token = self.tokens[index]
        return self.spans.overlaps(token.start, token.end)

    def name_end(self, j: int, first: bool, token: Token | None = None) -> int:
        """The last token of the place name starting at ``j`` (read as ``token`` when given: the
        word without its conjunction), or -1. The name ends at a boundary (:meth:`boundary`);
        an item of a list may have two plain words (عزيز بلد)."""
        tokens = self.tokens
        word = token or tokens[j] if j < len(tokens) else None
        if word is None or self.taken(j) or not _name_word(word, first):
            return -1
        last = j
        if word.norm in _COMPOUND or (not first and not word.norm.startswith("ال")):
            if self._second_word(j + 1) and (word.norm in _COMPOUND or self.boundary(j + 2)):
                last = j + 1
            if word.norm in _COMPOUND and last == j:
                return -1
        if not word.norm.startswith("ال") and not self.boundary(last + 1, strict=True):
            # وأدى إلى، مدينة تميزت بـ: a plain word is followed by the next item, a stop, a
            # mention (مدينة سروج التركية) or, first after the noun, a preposition or direction
            after = tokens[last + 1]
            mention = self.spans.first_starting_in(after.start, after.end) is not None
            if not first or not (mention or after.norm in _AFTER_PLACE):
                return -1
        if not first and last + 1 < len(tokens) and tokens[last + 1].norm in _RELATIVES:
            return -1  # والطريقة التي: a noun described, not a place
        return last if self.boundary(last + 1) else -1

    def _second_word(self, k: int) -> bool:
        """Whether token ``k`` can be the second word of a place name (سدر in رأس سدر)."""
        if k >= len(self.tokens) or self.taken(k):
            return False
        word = self.tokens[k]
        ok = is_name_word(word) and word.norm[0] != "و" and word.norm not in _NOT_PLACES
        return ok and not word.text.endswith("ه")

    def boundary(self, k: int, strict: bool = False) -> bool:
        """Whether a place name may end before token ``k``: the end, punctuation, a word with
        a conjunction or a preposition, a preposition, a direction, a relative pronoun or another
        mention; ``strict``: only the end, punctuation or a word with a conjunction."""
        tokens = self.tokens
        if k >= len(tokens):
            return True
        norm = tokens[k].norm
        if strict:
            return not norm[:1].isalpha() or norm[0] == "و"
        return (
            not norm[:1].isalpha()
            or norm[0] in "وفبلك"
            or norm in _AFTER_PLACE
            or self.spans.first_starting_in(tokens[k].start, tokens[k].end) is not None
        )

    def listed(self, j: int, open_list: bool) -> tuple[int, int] | None:
        """(first token, length of its conjunction) of a list item ``وX`` / ``، والX`` at ``j``;
        after a comma only a definite word goes on with a list already open (two items, or a
        plural noun: ``، وقتل`` and ``مدينة الرياض، والادعاء`` are new clauses)."""
        tokens = self.tokens
        comma = j < len(tokens) and tokens[j].norm in ("،", ",")
        if comma and not open_list:
            return None
        j += comma
        if j >= len(tokens):
            return None
        token = tokens[j]
        if token.norm == "و" and j + 1 < len(tokens):
            j += 1
            token, offset = tokens[j], 0
        elif token.text.startswith("و") and len(token.norm) > 3:
            offset = 1
        else:
            return None
        if comma and not token.norm[offset:].startswith("ال"):
            return None
        return j, offset

    def proposals(self) -> tuple[list[Entity], dict[int, EntityType]]:
        """New place mentions, and the indexes (into ``entities``) of mentions to retype."""
        tokens = self.tokens
        out: list[Entity] = []
        retype: dict[int, EntityType] = {}
        i = 0
        while i < len(tokens) - 1:
            stem, kind = _noun_type(tokens[i].norm, tokens[i].text)
            side = stem == _SIDE and i > 0 and tokens[i - 1].norm == "من"  # من ناحية: "as for"
            if (kind is None and stem not in _GOVERNOR_NOUNS) or side or self.taken(i):
                i += 1
                continue
            found = self.entity_at(i + 1)
            if found is not None:
                i = self._known(i, found, kind, retype, out, stem in _LIST_NOUNS)
                continue
            if kind is None or stem in _PLURAL_NOUNS:
                i += 1
                continue
            last = self.name_end(i + 1, first=True)
            if last < 0:
                i += 1
                continue
            out.append(self._place(tokens[i + 1].start, tokens[last].end, kind))
            i = self._items(last + 1, kind, out, stem in _LIST_NOUNS)
        return out, retype

    def _known(
        self,
        i: int,
        found: Entity,
        kind: EntityType | None,
        retype: dict[int, EntityType],
        out: list[Entity],
        plural: bool,
    ) -> int:
        """A mention right after the noun: a tagger's place or person takes the noun's type; a
        list after it goes on with the same type. Returns the next index to read."""
        index = self.entities.index(found)
        if found.source == EntitySource.MODEL and found.start == self.tokens[i + 1].start:
            if found.type is EntityType.PERSON and kind is None:
                retype[index] = EntityType.REGION  # محافظ صلاح الدين: the province
            elif found.type in PLACES and kind is not None and found.type is not kind:
                retype[index] = kind
        if kind is None or found.type not in (*PLACES, EntityType.PERSON):
            return i + 1
        last = i + 1
        while last + 1 < len(self.tokens) and self.tokens[last + 1].end <= found.end:
            last += 1
        return self._items(last + 1, kind, out, plural)

    def _items(self, j: int, kind: EntityType, out: list[Entity], plural: bool = False) -> int:
        """The places listed with و from ``j`` on (appended to ``out``); the next index."""
        count = 1
        while True:
            item = self.listed(j, plural or count >= 2)
            count += 1
            if item is None:
                return j
            first, offset = item
            found = self.entity_at(first)
            if found is not None:
                if found.type not in PLACES:
                    return first
                if offset and found.source == EntitySource.MODEL and found.start == self.tokens[first].start:
                    self.moved[self.entities.index(found)] = found.start + offset  # وطابا -> طابا
                j = first + 1
                while j < len(self.tokens) and self.tokens[j].start < found.end:
                    j += 1
                continue
            word = self.tokens[first]
            if offset:
                word = word.model_copy(update={"text": word.text[1:], "norm": word.norm[1:]})
            last = self.name_end(first, first=False, token=word)
            if last < 0:
                return first
            out.append(self._place(self.tokens[first].start + offset, self.tokens[last].end, kind))
            j = last + 1

    def _place(self, start: int, end: int, kind: EntityType) -> Entity:
        return span_entity(
            self.text, start, end, kind, source=EntitySource.GRAMMAR, confidence=GRAMMAR_CONFIDENCE
        )


def add_place_mentions(text: str, tokens: list[Token], entities: list[Entity]) -> list[Entity]:
    """The sentence's entities plus the places named after a place noun (module docstring)."""
    if not any(
        _noun_type(t.norm, t.text)[1] is not None or _noun_type(t.norm, t.text)[0] in _GOVERNOR_NOUNS
        for t in tokens
    ):
        return entities
    places = _Places(text, tokens, entities)
    proposals, retype = places.proposals()
    if not proposals and not retype and not places.moved:
        return entities
    kept = []
    for k, entity in enumerate(entities):
        if k in retype:
            entity = entity.model_copy(update={"type": retype[k], "subtype": None, "kb_id": None})
        if k in places.moved:
            entity = with_start(text, entity, places.moved[k])
        kept.append(entity)
    return sorted(kept + proposals, key=lambda e: e.start)
