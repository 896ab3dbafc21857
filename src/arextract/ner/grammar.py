"""Name grammars that propose mentions the tagger and the knowledge files miss in real news.

* **Organisations with long names**: a head noun (``وزارة``، ``هيئة``، ``صندوق``، ``مستشفى``...)
  and its bounded genitive / adjective chain: ``وزارة الشؤون البلدية والقروية``، ``صندوق التنمية
  العقارية``، ``الهيئة العامة للسياحة والتراث الوطني``، ``مستشفى نجران العام الجديد``، ``قوة أمن
  الحج والعمرة``. An indefinite head needs a genitive that ends in a definite word or a place
  (``شرطة سيول``); a definite head needs at least one modifier that is not a generic adjective
  (``المركز الأول`` is a rank, ``اللجنة`` alone is an anaphor). The chain stops at a title or
  honorific (``مجلس القضاء الإداري الشيخ ...``), a time word, a relative pronoun, another head
  (``وزارة العمل وهيئة ...``) and a person or a country named in the genitive (``سفارة السعودية``
  keeps the country); a country nisba after a definite word is an adjective and joins the name
  (``الهيئة السعودية للمهندسين``), as a city does (``صندوق أبوظبي للتنمية``).
* **News outlets** cited in the body: ``صحيفة X`` / ``جريدة X`` / ``قناة X`` (X, one or two words) and a
  quoted name after a statement noun (``في تصريحات لـ«X»``), and the outlet opening an
  agency-first dateline (``X- الرياض:``).

The proposals are added by :func:`add_grammar_mentions` where they do not fight what the tagger
and the knowledge files found (policy in its docstring). Everything is bounded: a chain is at
most ``_MAX_CHAIN`` tokens, so the cost is linear in the sentence.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from arextract.ner.gazetteer import span_entity, surface_offset
from arextract.schema import Entity, EntitySource, EntityType, Token
from arextract.text.clitics import CONJUNCTIONS, clitic_readings
from arextract.text.normalize import fold
from arextract.text.spans import SpanSet

_MAX_CHAIN = 8  # tokens after the head
GRAMMAR_CONFIDENCE = 0.7
MEDIA = "media"  # the subtype of a news outlet: cited as a source, never a speaker


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


# Heads of organisation names (singular, indefinite spelling; the definite form is derived).
_ORG_HEADS = _folded(
    "وزارة هيئة جامعة مستشفى صندوق مجلس مؤسسة شركة بنك مصرف وكالة رئاسة إدارة لجنة منظمة "
    "اتحاد جمعية مركز معهد كلية أكاديمية مكتب ديوان محكمة نيابة شرطة سفارة قنصلية بلدية "
    "أمانة حزب جبهة تحالف ائتلاف برلمان غرفة مديرية قوة قوات قيادة تنظيم مجمع "
    "ملحقية مندوبية بعثة عمادة حرس درك مفوضية مدينة تعليم صحة جوازات جمارك مرور مدرسة حملة"
)
# Heads that name a body only in the definite, with a ل- complement (الحملة الوطنية لنصرة ...;
# not الحملة الانتخابية, حملة اعتقالات).
_DEFINITE_ONLY = _folded("حملة")
# Feminine company heads that take a brand name then a ل- complement (شركة بنده للتجزئة).
_BRAND_HEADS = _folded("شركة مجموعة مؤسسة")
# Heads named after a person (مدرسة القاسم بن محمد): the person's name is part of the name.
_NAMED_AFTER = _folded("مدرسة")
# Regional services named by the place they serve (تعليم محافظة صبيا، جوازات منطقة الجوف، صحة
# الرياض): a body only before a place, never in the definite (التعليم العام is education).
_PLACE_ONLY = _folded("تعليم صحة جوازات جمارك مرور")
_PLACE_NOUNS = _folded("منطقة محافظة مدينة ولاية إمارة")
# Missions named after the body they represent (مندوبية الاتحاد الأوروبي، بعثة الأمم المتحدة).
_MISSION_HEADS = _folded("مندوبية بعثة ممثلية")
# Definite forms of indefinite-only heads that do open a name (الإدارة العامة للمرور،
# القيادة العامة للقوات المسلحة).
_OPENING_ADJECTIVES = _folded("العامة العليا المركزية")
# Heads that name a body only after a royal namesake (مدينة الملك عبدالعزيز للعلوم والتقنية;
# مدينة الرياض is the city).
_NAMESAKE_ONLY = _folded("مدينة")
# "headed by" (الوفد برئاسة الشيخ ...): a preposition phrase, never a body.
_CHAIRED_BY = _folded("برئاسة وبرئاسة")
# Heads whose name may end in a place after في / لدى (السفارة السعودية في لبنان، تحالف دعم
# الشرعية في اليمن, بعثة الاتحاد الأوروبي لدى الأردن); the place stays a mention of its own.
_SITED_HEADS = _folded("سفارة قنصلية ملحقية مندوبية بعثة ممثلية تحالف حملة")
_SITE_PREPOSITIONS = _folded("في لدى")
# ل- verbal nouns that open a purpose clause after a name, not a part of it.
_PURPOSE_NOUNS = _folded(
    "لبحث لمناقشة لتعزيز لتقديم لمتابعة لدراسة لاستعراض لتبادل لإطلاع لاطلاع لحضور لزيارة لتوقيع "
    "لعقد لإجراء لتنفيذ لمواجهة لتقييم لوضع لإعداد لاتخاذ لبدء لتسليم لاستقبال لتوديع لتهنئة"
)
# Heads whose bare definite form + adjective is too often a common noun phrase
# (الإدارة الأمريكية is the government; القوة العسكرية is strength): indefinite use only.
_INDEFINITE_ONLY = _folded(
    "إدارة قوة قوات قيادة مكتب مجمع تنظيم حزب جبهة تعليم صحة جوازات جمارك مرور مدينة مدرسة"
)
# Definite words that end a name: titles and honorifics, time words, pronouns, quantities.
_DEFINITE_STOPS = _folded(
    "الذي التي الذين اللذين اللتين اللاتي الأمير الأميرة الشيخ الشيخة الدكتور الدكتورة المهندس "
    "الأستاذ الأستاذة السفير الرئيس الوزير المستشار اللواء العميد الفريق العقيد الملك الإمام "
    "السيد السيدة المدير النائب الأمين الوكيل "
    "اليوم الأمس الماضي الماضية المقبل المقبلة الحالي الحالية الجاري الجارية القادم القادمة "
    "السابق السابقة الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت "
    "الآن الكل البعض الجميع الأخرى الآخر نفسه ذاته الله"
)
# Adjectives that do not make a definite head a name (المركز الأول، اللجنة المختصة).
_GENERIC = _folded(
    "الأول الأولى الثاني الثانية الثالث الثالثة الرابع الخامس الأخير الأخيرة الجديد الجديدة "
    "المختص المختصة المعني المعنية المعنيين المذكور المذكورة المشترك المشتركة الكبير الكبيرة "
    "الكبرى الصغير الصغرى المحلي المحلية الحكومي الحكومية الخاص الخاصة التالي التالية "
    "المقبل المقبلة المختلفة المتحدة الرئيسي الرئيسية نفسه ذاته المنظمة التابع التابعة"
)
# Adjectives of institution names that are not nisbas (مستشفى نجران العام الجديد، القوات المسلحة).
_NAME_ADJECTIVES = _folded(
    "العام العامة الأعلى العليا الجديد الجديدة المسلحة المتحدة الكبرى الأمين الخاص الخاصة "
    "المركزي المركزية الأهلي الأهلية المفتوحة الملكي الملكية"
)
# Definite heads that name a body only with a لل- complement (اللجنة العليا للمشاريع).
_NEEDS_COMPLEMENT = _folded("لجنة حملة")

# "رئيس مجلس الوزراء": the organ inside a head-of-government title.
_TITLE_OF_ORGAN = _folded("رئيس رئيسة")
_ORGAN_IN_TITLE = _folded("مجلس")


def _title_reading(norm: str) -> str:
    for reading in clitic_readings(norm):
        if reading.stem in _TITLE_OF_ORGAN:
            return reading.stem
    return norm


# Definite nouns that, alone in the genitive, point back to a body already named.
_ANAPHORS = frozenset(
    ["ال" + h for h in _ORG_HEADS]
    + list(_folded("الحركة الدولة المملكة الحكومة الجماعة البلاد المدينة المنطقة الإمارة الجمهورية"))
)
# Words before a royal or religious name inside an institution's name (مستشفى الملك خالد).
_NAMESAKE = _folded("الملك الأمير الشيخ الإمام")
_OUTLET_NOUNS = _folded("صحيفة جريدة مجلة قناة موقع وكالة إذاعة تلفزيون")
_STATEMENT_NOUNS = _folded(
    "تصريح تصريحات حديث مقابلة قال قالت أكد أكدت أوضح أوضحت كشف كشفت أضاف أضافت صرح صرحت أفاد أفادت ذكر ذكرت"
)
_QUOTES = frozenset("\"«»“”'")
# The proclitic readings (text.clitics) a head noun may carry: every one but فك.
_HEAD_PROCLITICS = frozenset(["", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "ك", "وك"])
# An outlet noun stands alone or after و / ب / ل (وصحيفة، بقناة، لجريدة).
_OUTLET_PROCLITICS = frozenset(["", "و", "ب", "ل"])
_PLACES = frozenset([EntityType.CITY, EntityType.REGION])


@lru_cache(maxsize=50_000)
def _head_reading(norm: str) -> tuple[str, int]:
    """The head reading of a folded word: (stem, proclitic length in folded characters)."""
    if norm.startswith("لل") and norm[1:] in _ORG_HEADS:
        return "ال" + norm[1:], 1  # للجنة = ل + اللجنة (one lam is written)
    for reading in clitic_readings(norm):
        if reading.proclitic in _HEAD_PROCLITICS:
            stem = reading.stem
            if stem in _ORG_HEADS or (stem.startswith("ال") and stem[2:] in _ORG_HEADS):
                return stem, reading.offset
    return norm, 0


@lru_cache(maxsize=50_000)
def _is_head(norm: str) -> tuple[bool, bool, int]:
    """(is a head, is definite, proclitic offset)."""
    stem, offset = _head_reading(norm)
    if stem in _ORG_HEADS:
        return True, False, offset
    if stem.startswith("ال") and stem[2:] in _ORG_HEADS and stem[2:] not in _INDEFINITE_ONLY:
        return True, True, offset
    if stem.startswith("ال") and stem[2:] in _INDEFINITE_ONLY:
        return False, True, offset  # a head only when an opening adjective follows (chain)
    return False, False, 0


def _word(token: Token) -> bool:
    return token.norm[:1].isalpha()


def _definite(norm: str) -> bool:
    return norm.startswith("ال") and len(norm) > 3


def _adjective(norm: str) -> bool:
    """A definite word that can modify a name: a nisba (الروسية، الإداري) or a name adjective."""
    if norm in _NAME_ADJECTIVES:
        return True
    stem = norm[2:]
    nisba = stem.endswith(("ي", "يه", "يين", "يون"))
    # a plural participle (جمعية الأطفال المعوقين، رابطة الكتاب المستقلين)
    participle = (
        stem.startswith("م") and len(stem) >= 5 and stem.endswith(("ين", "ون")) and norm not in _GENERIC
    )
    return len(stem) >= 3 and (nisba or participle) and norm not in _DEFINITE_STOPS


def _modifier(norm: str) -> str | None:
    """The kind of chain word: 'def' (الـ...), 'lil' (لل...), 'coord' (والـ...), else None."""
    if norm in _DEFINITE_STOPS:
        return None
    if _definite(norm):
        return "def"
    if norm.startswith("لل") and len(norm) >= 4:
        return "lil"
    if norm.startswith("وال") and len(norm) > 4 and norm[1:] not in _DEFINITE_STOPS:
        return "coord"
    return None


def _lam_word(norm: str) -> bool:
    """ل + an indefinite word (لتحلية، لإغاثة), not لل- (a definite complement)."""
    lam = norm.startswith("ل") and not norm.startswith("لل")
    return lam and len(norm) >= 4 and norm not in _PURPOSE_NOUNS


def _is_organ_in_title(tokens: list[Token], i: int) -> bool:
    """رئيس مجلس الوزراء is a title (prime minister), not an affiliation with a council."""
    return (
        0 < i < len(tokens) - 1
        and _title_reading(tokens[i - 1].norm) in _TITLE_OF_ORGAN
        and tokens[i].norm in _ORGAN_IN_TITLE
        and tokens[i + 1].norm == "الوزراء"
    )


def _opens_definite_name(norm: str) -> bool:
    """Whether the word after a definite head makes it a name: a لل- complement or an adjective
    that is not generic (الهيئة السعودية، اللجنة العليا للمشاريع; not المركز الأول)."""
    kind = _modifier(norm)
    return norm not in _GENERIC and (kind == "lil" or (kind == "def" and _adjective(norm)))


class _OrganizationChains:
    """The organisation names headed in one sentence (see the module docstring), knowing the
    mentions already found there: a chain takes in a place or an organisation, never a person
    or a country in the genitive."""

    def __init__(self, tokens: list[Token], entities: list[Entity]) -> None:
        self.tokens = tokens
        self.entities = entities
        self.spans = SpanSet((entity.start, entity.end) for entity in entities)
        self.token_starts = [token.start for token in tokens]

    def entity_at(self, index: int) -> Entity | None:
        """The first mention (in the order found) that starts inside token ``index``."""
        token = self.tokens[index]
        position = self.spans.first_starting_in(token.start, token.end)
        return None if position is None else self.entities[position]

    def last_token(self, entity: Entity) -> int:
        return bisect_left(self.token_starts, entity.end) - 1

    def chain(self, i: int) -> tuple[int, int] | None:
        """(first offset correction, last token index) of the organisation name headed at ``i``;
        a negative correction ``-k - 1`` says the name starts at token ``k`` instead (the organ
        of a named body: مجلس إدارة الهيئة العامة ...)."""
        tokens = self.tokens
        head, definite, _ = _is_head(tokens[i].norm)
        if not head and not (definite and self._opened(i)):
            return None
        if _is_organ_in_title(tokens, i) or tokens[i].norm in _CHAIRED_BY:
            return None
        stem = _head_reading(tokens[i].norm)[0]
        if stem in _DEFINITE_ONLY:
            return None
        if stem.removeprefix("ال") in _PLACE_ONLY:
            return None if stem.startswith("ال") else self._place_genitive(i)
        if _head_reading(tokens[i].norm)[0].removeprefix("ال") in _NAMESAKE_ONLY and (
            definite or i + 1 >= len(tokens) or tokens[i + 1].norm not in _NAMESAKE
        ):
            return None
        limit = min(len(tokens), i + 1 + _MAX_CHAIN)
        if i + 1 >= limit or not _word(tokens[i + 1]):
            return None
        if definite:
            if not _opens_definite_name(tokens[i + 1].norm):
                return None
            last = i
        else:
            genitive = self._genitive(i, limit)
            if genitive is None or genitive[0] < 0:
                return genitive
            last = genitive[1]
        last = self._modifiers(last + 1, limit, last)
        if last == i:
            return None
        last = self._site(i, last, limit)
        if (
            definite
            and _head_reading(tokens[i].norm)[0][2:] in _NEEDS_COMPLEMENT
            and not any(_modifier(t.norm) == "lil" or _lam_word(t.norm) for t in tokens[i + 1 : last + 1])
        ):
            return None  # اللجنة الثنائية العليا is a description; اللجنة العليا للمشاريع a name
        return 0, last

    def _genitive(self, i: int, limit: int) -> tuple[int, int] | None:
        """The genitive after the indefinite head at ``i`` (as :meth:`chain`): a place, a royal
        namesake, or an indefinite noun at most, then a definite word."""
        tokens = self.tokens
        j = i + 1
        entity = self.entity_at(j)
        if entity is not None:
            if (
                entity.type in _PLACES
                or entity.type is EntityType.ORGANIZATION
                or (entity.type is EntityType.PERSON and tokens[j].norm in _NAMESAKE)
                or (entity.type is EntityType.PERSON and _head_reading(tokens[i].norm)[0] in _NAMED_AFTER)
            ):
                return 0, self.last_token(entity)
            return None  # a person or a country in the genitive is not part of the name
        if (
            tokens[j].norm in _NAMESAKE
            and j + 1 < limit
            and _word(tokens[j + 1])
            and not _definite(tokens[j + 1].norm)
        ):
            return 0, j + 1
        k = j
        # one indefinite noun may come between (قوة أمن الحج، هيئة كبار العلماء), never a
        # word opening with a preposition or conjunction (لجنة مشتركة لمتابعة ...)
        if self._brand(i, j, j + 1, limit):
            return 0, j  # شركة بنده + للتجزئة (the modifiers take the complement)
        if not _definite(tokens[k].norm):
            if tokens[k].norm.startswith(("و", "ف", "ل", "ب")):
                return None
            k += 1
            place = self.entity_at(k) if k < limit else None
            if place is not None and place.type in _PLACES and place.start == tokens[k].start:
                return 0, self.last_token(place)  # مجلس محافظة بغداد، مجلس عمالة طنجة
        if k >= limit or _modifier(tokens[k].norm) != "def" or self._blocks(k):
            return None
        if _is_head(tokens[k].norm)[1]:
            inner = self.chain(k)
            if inner is not None:
                # وكالة الوزارة للشؤون الفنية: an unnamed body (an anaphor) is the organ's genitive
                unnamed = tokens[k].norm in _ANAPHORS and _modifier(tokens[k + 1].norm) == "lil"
                return (0, inner[1]) if unnamed else (-k - 1, inner[1])
        if tokens[k].norm in _ANAPHORS and (k + 1 >= limit or _modifier(tokens[k + 1].norm) is None):
            return None  # قيادة الحركة، مجلس إدارة الشركة: the genitive is an anaphor
        return 0, k

    def _modifiers(self, j: int, limit: int, last: int) -> int:
        """The last token of the modifiers from ``j`` on (adjectives, further genitives, لل-
        phrases and والـ coordination); ``last`` when there is none."""
        tokens = self.tokens
        last_head = last
        while j < limit and _word(tokens[j]):
            norm = tokens[j].norm
            kind = _modifier(norm)
            if kind is None:
                after_adjective = j > last_head + 1 and _adjective(tokens[j - 1].norm)
                end = self._lam_phrase(j, limit) if after_adjective else -1
                if end < 0:
                    break
                last = self._plain_adjective(end + 1, limit, end)
                j = last + 1
                continue
            entity = self.entity_at(j)
            if kind == "coord" and (_is_head(norm)[0] or entity is not None):
                break
            if kind == "def" and not _adjective(norm) and entity is None:
                break
            if entity is not None:
                if not _joins_chain(entity, kind, tokens[j - 1].norm):
                    break
                last = self.last_token(entity)
                j = last + 1
                continue
            last = j
            j += 1
        return last

    def _brand(self, i: int, j: int, k: int, limit: int) -> bool:
        """A brand name after a company head, before a لل- complement (شركة بنده للتجزئة)."""
        tokens = self.tokens
        return (
            _head_reading(tokens[i].norm)[0] in _BRAND_HEADS
            and k < limit
            and _modifier(tokens[k].norm) == "lil"
            and not tokens[j].text.endswith(("ة", "ى"))
            and self.entity_at(j) is None
        )

    def _plain_adjective(self, j: int, limit: int, last: int) -> int:
        """After a ل- phrase, one definite adjective that is not a nisba (لتحلية المياه المالحة)."""
        after = self.tokens[j].norm if j < limit and _word(self.tokens[j]) else ""
        if (
            _modifier(after) != "def"
            or self.entity_at(j) is not None
            or _is_head(after)[0]
            or after in _ANAPHORS
            or after in _GENERIC
        ):
            return last
        return j

    def _opened(self, i: int) -> bool:
        """الإدارة العامة للمرور: an indefinite-only head in the definite, opened by العامة /
        العليا and a complement (الإدارة الأمريكية stays the government)."""
        tokens = self.tokens
        return (
            i + 2 < len(tokens)
            and tokens[i + 1].norm in _OPENING_ADJECTIVES
            and (_modifier(tokens[i + 2].norm) == "lil" or _lam_word(tokens[i + 2].norm))
        )

    def _place_genitive(self, i: int) -> tuple[int, int] | None:
        """(0, last token) of a regional service at ``i`` (تعليم محافظة صبيا), or None."""
        j = i + 1
        if j < len(self.tokens) and self.tokens[j].norm in _PLACE_NOUNS and self.entity_at(j) is None:
            j += 1
        entity = self.entity_at(j) if j < len(self.tokens) else None
        if entity is None or entity.type not in _PLACES or entity.start != self.tokens[j].start:
            return None
        return 0, self.last_token(entity)

    def _site(self, i: int, last: int, limit: int) -> int:
        """The place closing a diplomatic mission's or an alliance's name (السفارة السعودية في
        لبنان، تحالف دعم الشرعية في اليمن): ``في`` / ``لدى`` and a country, city or region."""
        tokens = self.tokens
        j = last + 1
        if _head_reading(tokens[i].norm)[0].removeprefix("ال") not in _SITED_HEADS:
            return last
        if j + 1 >= min(len(tokens), limit + 2) or tokens[j].norm not in _SITE_PREPOSITIONS:
            return last
        entity = self.entity_at(j + 1)
        if entity is None or entity.start != tokens[j + 1].start:
            return last
        if entity.type in _PLACES or entity.type is EntityType.COUNTRY:
            return self.last_token(entity)
        return last

    def _lam_phrase(self, j: int, limit: int) -> int:
        """The last token of a ل- phrase inside a name after an adjective (-1 if none): a place
        (الجماعة الحضرية لطنجة) or a verbal noun and its definite object (المؤسسة العامة لتحلية
        المياه، الهيئة الوطنية لمكافحة الفساد); never a purpose clause (لبحث، لمناقشة)."""
        tokens = self.tokens
        norm = tokens[j].norm
        if not _lam_word(norm):
            return -1
        entity = self.entity_at(j)
        if entity is not None:
            return self.last_token(entity) if entity.type in _PLACES else -1
        if j + 1 >= limit or not _word(tokens[j + 1]):
            return -1
        after = tokens[j + 1].norm
        if _modifier(after) != "def" or self._blocks(j + 1) or after in _ANAPHORS:
            return -1
        return j + 1

    def _blocks(self, index: int) -> bool:
        entity = self.entity_at(index)
        return entity is not None and entity.type in (EntityType.PERSON, EntityType.COUNTRY)


def _joins_chain(entity: Entity, kind: str, previous: str) -> bool:
    """Whether a mention inside the modifiers belongs to the name: a place or an organisation,
    or a country read as a nisba adjective after a definite word (الهيئة السعودية)."""
    nisba = _definite(previous) or previous.startswith(("وال", "بال", "فال", "لل"))
    if entity.type is EntityType.COUNTRY and kind == "def" and nisba:
        return True
    return entity.type in _PLACES or entity.type is EntityType.ORGANIZATION


@lru_cache(maxsize=50_000)
def _outlet_stem(norm: str) -> str | None:
    return next(
        (
            r.stem
            for r in clitic_readings(norm)
            if r.stem in _OUTLET_NOUNS and r.proclitic in _OUTLET_PROCLITICS
        ),
        None,
    )


def _outlet(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """(first, last) token of an outlet named at ``i``: صحيفة الوئام، لـ«عكاظ»."""
    norm = tokens[i].norm
    stem = _outlet_stem(norm)
    n = len(tokens)
    if stem is not None and i + 1 < n:
        j = i + 1
        if tokens[j].norm in _QUOTES:
            k = j + 1
            while k < min(n, j + 5) and tokens[k].norm not in _QUOTES:
                k += 1
            if k < n and tokens[k].norm in _QUOTES and k > j + 1:
                return j + 1, k - 1
            return None
        if _word(tokens[j]) and _definite(tokens[j].norm) and tokens[j].norm not in _DEFINITE_STOPS:
            if stem == fold("وكالة") or stem == fold("موقع"):
                return None  # وكالة الأنباء ... is a head-noun name; موقع الحادث is a place
            return j, j
        return None
    # في تصريحات لـ«X»
    if norm == "ل" and i > 0 and i + 2 < n and tokens[i + 1].norm in _QUOTES:
        if not any(
            r.stem in _STATEMENT_NOUNS for t in tokens[max(0, i - 4) : i] for r in clitic_readings(t.norm)
        ):
            return None
        k = i + 2
        while k < min(n, i + 6) and tokens[k].norm not in _QUOTES:
            k += 1
        if k < n and tokens[k].norm in _QUOTES and k > i + 2:
            return i + 2, k - 1
    return None


def _organization(text: str, start: int, end: int, subtype: str | None = None) -> Entity:
    return span_entity(
        text,
        start,
        end,
        EntityType.ORGANIZATION,
        source=EntitySource.GRAMMAR,
        confidence=GRAMMAR_CONFIDENCE,
        subtype=subtype,
    )


def propose_organizations(text: str, tokens: list[Token], entities: list[Entity]) -> list[Entity]:
    """Organisation mentions of one sentence by the head grammar and the outlet patterns."""
    if not any(
        _is_head(t.norm)[1] or _is_head(t.norm)[0] or _outlet_stem(t.norm) or t.norm == "ل" for t in tokens
    ):
        return []
    chains = _OrganizationChains(tokens, entities)
    out: list[Entity] = []
    i = 0
    n = len(tokens)
    while i < n:
        token = tokens[i]
        if not _word(token) and token.norm != "ل":
            i += 1
            continue
        outlet = _outlet(tokens, i) if token.norm == "ل" or _outlet_stem(token.norm) else None
        if outlet is not None:
            first, last = outlet
            out.append(_organization(text, tokens[first].start, tokens[last].end, MEDIA))
            i = last + 1
            continue
        chain = chains.chain(i) if any(_is_head(token.norm)[:2]) else None
        if chain is not None:
            first, last = chain
            if first < 0:
                token = tokens[-first - 1]
            start = token.start + surface_offset(token.text, _is_head(token.norm)[2])
            entity = _organization(text, start, tokens[last].end)
            if _head_reading(token.norm)[0].startswith("ال") and not fold(entity.text).startswith("ال"):
                # للجنة: the article's lam is the written one; the name is اللجنة ...
                entity = entity.model_copy(update={"canonical": "ال" + entity.canonical})
            out.append(entity)
            i = last + 1
            continue
        i += 1
    return out


def add_grammar_mentions(text: str, tokens: list[Token], entities: list[Entity]) -> list[Entity]:
    """The sentence's entities plus the grammar's organisations, by this policy:

    * a proposal equal to an ORGANIZATION already found adds nothing; equal to another type, an
      outlet in quotes or after صحيفة becomes the organisation (لـ«الشرق الأوسط» is the paper);
    * a proposal that strictly contains mentions replaces them when they are organisations,
      places or a namesake inside the chain (the chain already refused persons and countries
      in the genitive);
    * a proposal crossing a mention's boundary, or inside a longer mention, is dropped.
    """
    entities = _without_month_names(tokens, entities)
    proposals = propose_organizations(text, tokens, entities)
    byline = _byline_outlet(text, tokens, entities)
    if byline is not None:
        proposals.append(byline)
    if not proposals:
        return entities
    kept = list(entities)
    for proposal in proposals:
        overlapping = [e for e in kept if e.start < proposal.end and proposal.start < e.end]
        if any(e.start == proposal.start and e.end == proposal.end for e in overlapping):
            same = next(e for e in overlapping if e.start == proposal.start and e.end == proposal.end)
            if same.type is EntityType.ORGANIZATION and proposal.subtype == MEDIA and not same.subtype:
                kept[kept.index(same)] = same.model_copy(update={"subtype": MEDIA})
            elif (
                same.type is not EntityType.ORGANIZATION
                and same.source != EntitySource.MODEL
                and _quoted(text, same)
            ):
                kept[kept.index(same)] = same.model_copy(
                    update={"type": EntityType.ORGANIZATION, "kb_id": None, "subtype": MEDIA}
                )
            continue
        if any(e.start < proposal.start or e.end > proposal.end for e in overlapping):
            continue
        if any(e.type in (EntityType.INITIATIVE, EntityType.EVENT) for e in overlapping):
            continue
        if not _mission(proposal) and any(
            e.type is EntityType.ORGANIZATION and e.source != EntitySource.MODEL and e.start != proposal.start
            for e in overlapping
        ):
            continue  # a known organisation inside: the chain ran past its name
        for e in overlapping:
            if not _site_of(text, proposal, e):
                kept.remove(e)
        kept.append(proposal)
    kept.sort(key=lambda e: e.start)
    return kept


def _mission(proposal: Entity) -> bool:
    """مندوبية الاتحاد الأوروبي: a mission is named after the known body it represents."""
    words = proposal.canonical.split()
    return bool(words) and words[0].removeprefix("ال") in _MISSION_HEADS


def _site_of(text: str, proposal: Entity, entity: Entity) -> bool:
    """The place closing a sited name (السفارة السعودية في لبنان) or a regional service (تعليم
    محافظة صبيا) stays a mention of its own."""
    if entity.end != proposal.end or entity.type not in (*_PLACES, EntityType.COUNTRY):
        return False
    words = proposal.canonical.split()
    if words and words[0] in _PLACE_ONLY:
        return True
    before = fold(text[max(proposal.start, entity.start - 5) : entity.start]).split()
    return bool(before) and before[-1] in _SITE_PREPOSITIONS


def _quoted(text: str, entity: Entity) -> bool:
    before = text[max(0, entity.start - 2) : entity.start]
    return any(c in _QUOTES for c in before) or fold(
        text[max(0, entity.start - 7) : entity.start]
    ).strip().endswith(tuple(_OUTLET_NOUNS))


# --------------------------------------------------------------------------------------------
# Persons: honorific chains and nasab names
# --------------------------------------------------------------------------------------------

# Honorifics and forms of address that stand before a name (never a name themselves).
HONORIFICS = _folded(
    "صاحب السمو الملكي سمو سموه معاليه فخامته سعادته سماحته معالي فخامة سعادة دولة سماحة حضرة "
    "جلالة الشيخ الشيخة الأمير "
    "الأميرة الدكتور الدكتورة د المهندس المهندسة م الأستاذ الأستاذة أ السيد السيدة "
    "اللواء العميد الفريق العقيد المقدم الرائد النقيب المشير أول ركن طيار بحري "
    "خادم الحرمين الشريفين الملك الرئيس السفير الإمام"
)
# Words that end a name however they are spelled (function words the tagger's document-level
# consistency sometimes marks as a name: على is the name علي once folded).
_NOT_NAMES = frozenset(["على", "إلى", "الى", "حتى", "لدى", "متى", "عن", "من", "في", "مع", "بعد", "قبل"])
_NASAB = _folded("بن بنت ابن ولد")  # ولد: the Mauritanian nasab (محمد ولد عبد العزيز)
_FAMILY = _folded("آل بني")
_NAME_END = _folded(
    "بحضور يرافقه يرافقهم برفقة بصحبة وبحضور ويرافقه رئيس وزير نائب مدير أمير سفير محافظ وكيل "
    "مساعد مستشار عضو الذي التي الذين اليوم أمس صباح مساء يوم خلال في من مع عن و "
    "إن أن إنه أنه إنها أنها بأن قد لقد كان كانت لم لن ما لا هو هي هذا هذه ذلك تلك"
)
_ROYAL, _HIGHNESS, _AL, _CROWN = fold("الملكي"), fold("السمو"), fold("آل"), fold("ولي")
# Honorific pronouns (he, his highness): they stand for a person named before, never open a name.
_PRONOUNS = _folded("سموه معاليه فخامته سعادته سماحته جلالته")
_PARTS_OF_NAME = _folded("عبد أبو أبي أم")


@lru_cache(maxsize=50_000)
def _honorific(norm: str) -> bool:
    if norm in _PRONOUNS:
        return False
    return norm in HONORIFICS or (norm[:1] in CONJUNCTIONS and norm[1:] in HONORIFICS and len(norm) > 3)


def _name_word(token: Token) -> bool:
    """A word that can be a given name: Arabic letters, not a function word, title or article-form."""
    norm = token.norm
    return (
        norm[:1].isalpha()
        and not norm.isascii()
        and token.text not in _NOT_NAMES
        and norm not in _NAME_END
        and norm not in HONORIFICS
        and norm not in _DEFINITE_STOPS
        and not norm.startswith("ال")
        and len(norm) >= 2
    )


def _nasab_end(tokens: list[Token], j: int, limit: int) -> int:
    """The last token of ``given (بن given)* ((آل|بني) family | ال-family)?`` starting at ``j``,
    or -1 when ``tokens[j]`` cannot begin a name."""
    if j >= limit or not _name_word(tokens[j]):
        return -1
    last = j
    k = j + 1
    if tokens[j].norm in _PARTS_OF_NAME and k < limit and tokens[k].norm[:1].isalpha():
        last, k = k, k + 1  # عبد الله، أبو بكر
    while k + 1 < limit and tokens[k].norm in _NASAB and _name_word(tokens[k + 1]):
        last, k = k + 1, k + 2
        if tokens[last].norm in _PARTS_OF_NAME and k < limit and tokens[k].norm[:1].isalpha():
            last, k = k, k + 1
    if k + 1 < limit and tokens[k].norm in _FAMILY and tokens[k + 1].norm[:1].isalpha():
        return k + 1
    family = tokens[k].norm if k < limit else ""
    if (
        family.startswith("ال")
        and family not in _DEFINITE_STOPS | HONORIFICS | _NAME_END
        and len(family) > 3
        and k > j
    ):
        return k  # the family name: الجبير، الحقيل (after at least a given name)
    return last


_PREPOSITIONS = frozenset(["الي", "إلى", "إلي", "من", "على", "في", "عن", "مع", "لدى"])


def _future_verb(tokens: list[Token], word: Token, ends: dict[int, int]) -> bool:
    """سيغادر إلى، ستبحث مع: the future particle on a verb, then a preposition (a one-word
    "name" the tagger sometimes reads there)."""
    norm = word.norm
    if len(norm) < 5 or norm[0] != "س" or norm[1] not in "يتنا":
        return False
    k = ends.get(word.end)
    return k is not None and k + 1 < len(tokens) and tokens[k + 1].text in _PREPOSITIONS


def refine_persons(
    text: str,
    tokens: list[Token],
    entities: list[Entity],
    is_place: object = None,
    is_person_name: object = None,
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
    out: list[Entity] = []
    for entity in entities:
        if entity.source == EntitySource.MODEL:
            entity = _with_lineage(text, tokens, entity, ends, starts, is_place)
        if entity.type is EntityType.PERSON and entity.source == EntitySource.MODEL:
            first = bisect_left(token_starts, entity.start)
            words = [t for t in tokens[first : first + 16] if t.end <= entity.end]
            if _not_a_name(tokens, words, ends):
                continue
            entity, words = _without_overrun(text, tokens, entity, words, ends, is_person_name)
            entity = _without_glued_place(text, tokens, entity, words, ends, is_place)
            entity = _without_listed_conjunction(text, tokens, entity, first)
            entity = _with_given_name(text, tokens, entity, first)
            entity = _with_family_name(text, tokens, entity, first)
        out.append(entity)
    out = _joined_at_hyphens(text, out)
    out = _with_appointed(text, tokens, out)
    out = _with_listed_officials(text, tokens, out)
    if not any(_honorific(t.norm) for t in tokens):
        return out
    return _with_honorific_chains(text, tokens, out)


# Given names (Arabic and foreign) that begin with و: never a conjunction to strip.
_WAW_NAMES = _folded(
    "وليد وائل وديع وجدي وفاء وسام وهيب وهبة وحيد وحيدة وداد وصفي وضاح وفيق وفيقة ونيس وعد ولاء "
    "وجيه وسيم ورد وردة وصال وجدان وهاب وهبي وزير ولي وئام ويليام وليام والتر وارن ويلسون وانغ "
    "وين ويل ولفغانغ ويندي واشنطن وودرو ويسلي ويتكوف ولد"
)
_LAM_NAMES = _folded("لطفي لطيف لطيفة لبيب لؤي لقمان لمياء لينا ليلى لبنى لميس لوران لويس لورنس ليونيد")
_LIST_SEPARATORS = ("،", ",", "؛")


def _with_start(text: str, entity: Entity, start: int) -> Entity:
    surface = text[start : entity.end]
    return entity.model_copy(update={"start": start, "text": surface, "canonical": fold(surface)})


def _without_listed_conjunction(text: str, tokens: list[Token], entity: Entity, first: int) -> Entity:
    """``، وعز الدين الخويلي``: in an enumeration the name after a comma loses the conjunction
    the tagger took in, and ``لفهيد بن ناصر`` its preposition before a nasab (not from a name
    that begins with و or ل: وليد، ويليام، لطفي)."""
    if first >= len(tokens) or tokens[first].start != entity.start:
        return entity
    word = tokens[first]
    if len(word.norm) < 3 or word.norm in _WAW_NAMES | _LAM_NAMES or not word.text.startswith(("و", "ل")):
        return entity
    before_nasab = first + 1 < len(tokens) and tokens[first + 1].norm in _NASAB and len(word.norm) >= 4
    listed = word.text.startswith("و") and text[max(0, word.start - 3) : word.start].rstrip().endswith(
        _LIST_SEPARATORS
    )
    if not (listed or before_nasab) or word.norm[1:].startswith("ال"):
        return entity
    return _with_start(text, entity, entity.start + 1)


def _with_given_name(text: str, tokens: list[Token], entity: Entity, first: int) -> Entity:
    """``لعمارة بن يونس`` read as ``بن يونس``: a name never begins with بن; the word before,
    without a proclitic ل or و (not from لطفي، وليد), is the given name."""
    if first == 0 or first >= len(tokens) or tokens[first].start != entity.start:
        return entity
    if tokens[first].norm != "بن":
        return entity
    before = tokens[first - 1]
    if not _name_word(before) or before.norm in _NASAB or before.end != tokens[first].start - 1:
        return entity
    norm = before.norm
    offset = 1 if norm[0] in "لو" and len(norm) >= 4 and norm not in _WAW_NAMES | _LAM_NAMES else 0
    if norm[offset:].startswith("ال"):
        return entity
    return _with_start(text, entity, before.start + offset)


_LINEAGE = _folded("بن ولد")
# تعيين X وزيرا: the appointee between an appointment word and a title in the accusative.
_APPOINTING = _folded("تعيين وتعيين بتعيين عين وعين يعين ويعين")
_TITLES_ACCUSATIVE = _folded("وزيرا سفيرا رئيسا مديرا محافظا أمينا نائبا مستشارا قائدا متحدثا خلفا")


# Titles after a name in a protocol list (، وفلان الفلاني رئيس ...، وفلان الفلاني والي ...).
_LIST_TITLES = _NAME_END & _folded("رئيس وزير نائب مدير أمير سفير محافظ وكيل مساعد مستشار عضو") | _folded(
    "الرئيس المدير القائد الوكيل النائب المستشار والي قائد أمين المشرف الملحق الناطق المتحدث"
)


# Words opening a list item that are no given name (، وأعضاء المجلس ...، وعدد من ...).
_LIST_NOUNS = _folded("أعضاء عدد ممثلي ممثلو رؤساء مديري مديرو كبار جميع بعض مسؤولي قادة سفراء وزراء ممثل")
# Given names that begin like a verb of the present (يضيف، تابع، نقل).
_VERB_LIKE_NAMES = _folded(
    "يوسف يحيى ياسر يزيد يونس ياسين يعقوب يسري تركي تامر توفيق نبيل نايف نواف نزار نصر نور"
)


def _listed_given_name(word: Token) -> bool:
    """``وبوشعيب`` opening a list item: و + a word that can be a given name."""
    given = word.norm[1:]
    if not word.text.startswith("و") or len(given) < 3 or word.norm in _WAW_NAMES:
        return False
    if given.startswith("ال") or given in HONORIFICS or given in _LIST_NOUNS:
        return False
    if given[0] in "لب" and (given[1:] in HONORIFICS or given[1:] in _NAME_END or given[1:] == _CROWN):
        return False  # ولولي عهده، ولسمو ...
    return given[0] not in "يتن" or given in _VERB_LIKE_NAMES  # not a verb (ويضيف، وتابع)


def _listed_name_word(token: Token) -> bool:
    norm = token.norm
    stops = _NAME_END | _LIST_TITLES | HONORIFICS | _ANAPHORS | _DEFINITE_STOPS
    return norm[:1].isalpha() and not norm.isascii() and norm not in stops and not _is_head(norm)[0]


def _with_listed_officials(text: str, tokens: list[Token], out: list[Entity]) -> list[Entity]:
    """``...، وفلان الفلاني رئيس المجلس، ...``: in a list of officials, ``و`` + a given name, one
    or two more name words and a title make a person the tagger missed (without the و)."""
    spans = SpanSet((e.start, e.end) for e in out)
    added: list[Entity] = []
    n = len(tokens)
    for i in range(1, n - 2):
        word = tokens[i]
        if tokens[i - 1].text not in _LIST_SEPARATORS or not _listed_given_name(word):
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
                added.append(_person(text, start, names[-1].end))
            break
    return sorted(out + added, key=lambda e: e.start) if added else out


def _appointee_word(token: Token) -> bool:
    norm = token.norm
    if norm in _LINEAGE:
        return True
    return _name_word(token) and norm not in _TITLES_ACCUSATIVE and not norm.startswith("لل")


def _with_appointed(text: str, tokens: list[Token], out: list[Entity]) -> list[Entity]:
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
            if words[0].norm in _LINEAGE or not all(_appointee_word(t) for t in words):
                continue
            if spans.overlaps(words[0].start, words[-1].end) or any(a.end > words[0].start for a in added):
                break
            added.append(_person(text, words[0].start, words[-1].end))
            break
    return sorted(out + added, key=lambda e: e.start) if added else out


def _with_lineage(
    text: str, tokens: list[Token], entity: Entity, ends: dict[int, int], starts: list[int], is_place: object
) -> Entity:
    """A tagger's mention cut before its lineage (``محمد`` + ``ولد عبد العزيز``, ``الهادي`` +
    ``ولد علي``) runs on through it; a one-word mention read as a place becomes the person."""
    last = ends.get(entity.end)
    if last is None or last + 2 >= len(tokens) or tokens[last + 1].norm not in _LINEAGE:
        return entity
    if entity.type is not EntityType.PERSON:
        one_word = tokens[last].start <= entity.start
        if not one_word or entity.type not in _PLACES or (callable(is_place) and is_place(tokens[last].norm)):
            return entity
    end = _nasab_end(tokens, last + 2, min(len(tokens), last + 12))
    if end < 0:
        return entity
    stop = tokens[end].end
    at = bisect_left(starts, entity.end)
    if at < len(starts) and starts[at] < stop:
        return entity  # another mention in the way
    extended = _with_end(text, entity, stop)
    return extended.model_copy(update={"type": EntityType.PERSON, "subtype": None})


def _with_family_name(text: str, tokens: list[Token], entity: Entity, first: int) -> Entity:
    """``عبد القادر خمري`` read as ``عبد القادر``: a compound given name alone (عبد X, أبو X) is
    followed by the family name when the next word can be a name and is no verb or clitic form."""
    if 0 < first <= len(tokens) and tokens[first - 1].start < entity.start < tokens[first - 1].end:
        first -= 1  # the tagger's mention starts after a proclitic (لعبد القادر)
    if first + 2 >= len(tokens) or tokens[first + 1].end != entity.end:
        return entity
    if fold(text[entity.start : tokens[first].end]) not in _PARTS_OF_NAME:
        return entity
    after = tokens[first + 2]
    if not _name_word(after) or after.start != tokens[first + 1].end + 1:
        return entity
    if after.norm[0] in "يتنوفبلكس" or after.norm in _NASAB | _FAMILY or len(after.norm) < 3:
        return entity
    return _with_end(text, entity, after.end)


def _with_end(text: str, entity: Entity, end: int) -> Entity:
    """``entity`` ending at ``end`` instead (its surface and canonical name follow)."""
    surface = text[entity.start : end]
    return entity.model_copy(update={"end": end, "text": surface, "canonical": fold(surface)})


def _not_a_name(tokens: list[Token], words: list[Token], ends: dict[int, int]) -> bool:
    """A model mention of only honorifics, function words and punctuation (الشيخ، على), or a
    one-word future verb (سيغادر إلى)."""
    if words and all(t.norm in HONORIFICS or t.text in _NOT_NAMES or not t.norm[:1].isalpha() for t in words):
        return True
    return len(words) == 1 and _future_verb(tokens, words[0], ends)


def _without_overrun(
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
            and not any(t.norm in _NASAB or t.norm in _FAMILY for t in tail)
            and tokens[ends[words[-1].end] - cut].norm not in _NASAB | _FAMILY
            and is_person_name(tuple(t.norm for t in head))
        ):
            return _with_end(text, entity, head[-1].end), head
    return entity, words


def _without_glued_place(
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
            return _with_end(text, entity, tokens[last - 1].end)
    return entity


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
            entity = _with_end(text, merged.pop(), entity.end)
        merged.append(entity)
    return merged


def _with_honorific_chains(text: str, tokens: list[Token], out: list[Entity]) -> list[Entity]:
    """After an honorific chain, the name the tagger missed is added and the one it cut short
    (before بن or آل) extended; ``out`` is sorted by start."""
    taken = sorted((e.start, e.end, k) for k, e in enumerate(out))
    n = len(tokens)
    i = 0
    additions: list[Entity] = []
    while i < n:
        if not _honorific(tokens[i].norm) or (
            tokens[i].norm == _ROYAL and (i == 0 or tokens[i - 1].norm != _HIGHNESS)
        ):
            i += 1  # الحرس الملكي: الملكي is an honorific only in صاحب السمو الملكي
            continue
        j = i
        while j < n and (_honorific(tokens[j].norm) or tokens[j].norm in ("/", ".")):
            j += 1
        if j >= n or j == i:
            i += 1
            continue
        end = _nasab_end(tokens, j, min(n, j + 12))
        if end < 0 and tokens[j].norm == _AL and j + 1 < n and tokens[j + 1].norm[:1].isalpha():
            end = j + 1  # معالي آل الشيخ: the official by his family name
        if end < 0:
            i = j
            continue
        start, stop = tokens[j].start, tokens[end].end
        overlapping = [(s, e, k) for s, e, k in taken if s < stop and start < e]
        if not overlapping:
            if end > j:  # two words at least: a lone word after a title is too often not a name
                additions.append(_person(text, start, stop))
        elif len(overlapping) == 1:
            s, e, k = overlapping[0]
            entity = out[k]
            if entity.type is EntityType.PERSON and s == start and e < stop:
                extended = _with_end(text, entity, stop)
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


def _person(text: str, start: int, end: int) -> Entity:
    return span_entity(
        text, start, end, EntityType.PERSON, source=EntitySource.GRAMMAR, confidence=GRAMMAR_CONFIDENCE
    )


_DASH_TOKENS = frozenset("-–—ـ")


def _byline_outlet(text: str, tokens: list[Token], entities: list[Entity]) -> Entity | None:
    """The outlet of an outlet-first dateline at the start of the text (``سبق- الرياض:``، ``X –
    بغداد``): one or two words, a dash, a known city, then a colon or the end of the line."""
    if not tokens or tokens[0].start > 40 or text[: tokens[0].start].strip(" \t\n\ufeff\u200f"):
        return None
    for d in (1, 2):
        if d >= len(tokens) or tokens[d].text not in _DASH_TOKENS:
            continue
        left = tokens[:d]
        if not all(_word(t) and not t.norm.isascii() for t in left):
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
            return _organization(text, left[0].start, left[-1].end, MEDIA)
        return None
    return None


def _without_month_names(tokens: list[Token], entities: list[Entity]) -> list[Entity]:
    """Drop one-word mentions that are a month name in a date: ``أبريل (نيسان)``، ``5 آب 2015``
    (نيسان is also a carmaker, آب a father, and the tagger reads them as names)."""
    from arextract.timex import month_number

    if not any(month_number(e.text) for e in entities):
        return entities
    index = {t.start: k for k, t in enumerate(tokens)}
    out = []
    for entity in entities:
        k = index.get(entity.start)
        if k is not None and month_number(entity.text) and tokens[k].end == entity.end:
            before = [t for t in tokens[max(0, k - 2) : k] if t.text not in "()/"]
            after = tokens[k + 1 : k + 3]
            if (before and (month_number(before[-1].text) or before[-1].norm.isdigit())) or any(
                t.norm.isdigit() and len(t.norm) == 4 for t in after[:2]
            ):
                continue
        out.append(entity)
    return out
