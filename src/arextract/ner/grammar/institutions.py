"""Organisations with long names, found by their head noun (``وزارة``، ``هيئة``،
``صندوق``، ``مستشفى``...) and its bounded genitive / adjective chain: ``وزارة الشؤون البلدية
والقروية``، ``صندوق التنمية العقارية``، ``الهيئة العامة للسياحة والتراث الوطني``، ``مستشفى نجران
العام الجديد``، ``قوة أمن الحج والعمرة``.

An indefinite head needs a genitive that ends in a definite word or a place (``شرطة سيول``); a
definite head needs at least one modifier that is not a generic adjective (``المركز الأول`` is a
rank, ``اللجنة`` alone is an anaphor). The chain stops at a title or honorific (``مجلس القضاء
الإداري الشيخ ...``), a time word, a relative pronoun, another head (``وزارة العمل وهيئة ...``)
and a person or a country named in the genitive (``سفارة السعودية`` keeps the country); a
country nisba after a definite word is an adjective and joins the name (``الهيئة السعودية
للمهندسين``), as a city does (``صندوق أبوظبي للتنمية``). A chain is at most ``_MAX_CHAIN``
tokens, so the cost is linear in the sentence.

Descriptions are no names: a common-noun head (``قوة``، ``قوات``، ``قيادة``، ``إدارة``) with a
bare genitive holding no mention (``قوات الاحتلال``، ``قوة حفظ السلام``), a genitive that is a
demonstrative (``لقيادة هذه المباراة``), a definite chain ending in a rank (``المؤسسة المالية
الأولى``) and a masculine definite head before a feminine adjective (``البنك الرأسمالية``).
"""

from __future__ import annotations

from bisect import bisect_left

from arextract.ner.grammar.heads import (
    COMMON_HEADS,
    DEMONSTRATIVES,
    GENERIC,
    RANKS,
    agrees,
    head_reading,
    is_adjective,
    is_definite,
    is_head,
    is_lam_word,
    is_name_adjective,
    is_organ_in_title,
    is_word,
    modifier_kind,
    opens_definite_name,
)
from arextract.ner.grammar.mentions import PLACES
from arextract.ner.grammar.words import (
    ANAPHORS,
    DEFINITE_STOPS,
    PLACE_NOUNS,
    PLACE_ONLY,
    SITE_PREPOSITIONS,
    folded,
)
from arextract.schema import Entity, EntityType, Token
from arextract.text.clitics import NOUN_PROCLITICS
from arextract.text.normalize import fold
from arextract.text.spans import SpanSet

# The longest chain after a head, in tokens: the cost stays linear in the sentence.
_MAX_CHAIN = 8

# Heads that name a body only in the definite (الحملة الوطنية لنصرة ...، المقاومة الشعبية; not
# حملة اعتقالات, مقاومة الاحتلال "resisting the occupation").
_DEFINITE_ONLY = folded("حملة مقاومة")

# Feminine company heads that take a brand name then a ل- complement (شركة بنده للتجزئة).
_BRAND_HEADS = folded("شركة مجموعة مؤسسة")

# A club's head: its name is the word after it (نادي الزمالك; the nisba after it describes:
# نادي أرسنال الإنجليزي لكرة القدم), and in the definite only a name adjective names one
# (النادي الأهلي; النادي الكاتالوني، النادي الملكي describe a club named elsewhere).
_CLUB = folded("نادي")

# A national team: in the definite only before its country's nisba (المنتخب السعودي للسهام;
# المنتخب الوطني، المنتخب الأولمبي describe a team named elsewhere).
_TEAM = folded("منتخب")

# Heads that fold like a noun + the pronoun ه (دارة / داره "his house"): a head only when
# written with ة.
_TA_MARBUTA_HEADS = folded("دارة")

# Heads named after a person (مدرسة القاسم بن محمد): the person's name is part of the name.
_NAMED_AFTER = folded("مدرسة")


# Definite forms of indefinite-only heads that do open a name (الإدارة العامة للمرور،
# القيادة العامة للقوات المسلحة).
# (and التنفيذي / التنفيذية: المكتب التنفيذي للحركة)
_OPENING_ADJECTIVES = folded("العامة العليا المركزية التنفيذي التنفيذية")

# Participles that tell whom a body serves or what it was charged with, after its name (قوات
# الأمن الخاصة الموالية لصالح، اللجنة العامة المكلفة بالملف): a description, never a name's word.
_STANCES = folded("الموالي الموالية الموالين الموالون المكلف المكلفة")

# Adjectives of a body's organ, whose ل- phrase names the body it serves (الأمانة العامة لجامعة
# الدول العربية، المكتب التنفيذي لحركة فتح، اللجنة التنفيذية لمنظمة التحرير): the organ's name
# takes in that organisation.
ORGAN_ADJECTIVES = folded("العامة التنفيذي التنفيذية")

# Heads that name a body only after a royal namesake (مدينة الملك عبدالعزيز للعلوم والتقنية;
# مدينة الرياض is the city).
_NAMESAKE_ONLY = folded("مدينة")

# "headed by" (الوفد برئاسة الشيخ ...): a preposition phrase, never a body.
_CHAIRED_BY = folded("برئاسة وبرئاسة")

# رئاسة is a body (the presidency) only of a state, its government or a place (رئاسة الجمهورية،
# رئاسة مجلس الوزراء، رئاسة إقليم كردستان); before anything else it is the chairing itself
# (سيتولى رئاسة السلطة الانتقالية، ورئاسة الوفد المصري), no body.
_PRESIDENCY = fold("رئاسة")
_PRESIDED = folded("الجمهورية الوزراء الحكومة الدولة مجلس إقليم")

# Nouns of a genitive whose first letter looks like a proclitic but is the word's own (مجلس
# وزراء الخارجية العرب، معهد بحوث الطاقة، مركز بحوث الصحراء).
_WHOLE_NOUNS = folded("وزراء بحوث")

# Heads whose name may end in a place after في / لدى (السفارة السعودية في لبنان، تحالف دعم
# الشرعية في اليمن, بعثة الاتحاد الأوروبي لدى الأردن); the place stays a mention of its own.
_SITED_HEADS = folded("سفارة قنصلية ملحقية مندوبية بعثة ممثلية تحالف حملة غرفة إدارة")

# Local bodies whose name ends in their city after ب too (الغرفة التجارية الصناعية بجدة، إدارة
# التعليم بالأحساء); a mission's place follows في / لدى (بعثة المفوضية الأوروبية + بالقاهرة is
# where it acts).
_LOCAL_BODIES = folded("غرفة إدارة")


# Heads that are common nouns first (مصلحة: an interest) and name a public service only with
# العامة after their genitive (مصلحة الجمارك العامة، مصلحة الإحصاءات العامة).
_PUBLIC_SERVICES = folded("مصلحة")
_GENERAL = fold("العامة")

# Definite heads that name a body only with a لل- complement (اللجنة العليا للمشاريع).
_NEEDS_COMPLEMENT = folded("لجنة حملة")

# Heads of a national army or broadcaster: only in the definite, before a country's nisba
# (الجيش المصري، الإذاعة الإيرانية، التلفزيون السوري).
_NATIONAL = folded("جيش إذاعة تلفزيون")

# Definite plural heads that name a country's armed forces before its nisba only (القوات
# العراقية، القوات الأمريكية); القوات الخاصة is left to the chains.
_NATIONAL_FORCES = folded("القوات")

# Heads of a province's or an emirate's body: before a region only (حكومة الأنبار).
_REGIONAL = folded("حكومة")

# The office of a region's governor (إمارة منطقة مكة المكرمة، إمارة المنطقة الشرقية): a body
# before a region named as a منطقة only (إمارة دبي، إمارة الشارقة are the emirates themselves).
EMIRATE_OFFICE = folded("إمارة")
_REGION_NOUNS = folded("منطقة المنطقة")

# A party in the definite, and the adjectives that describe one without naming it.
_PARTY = fold("الحزب")
_PARTY_DESCRIPTIONS = folded("السياسي الكردي العربي الشيعي السني الإسلامي الديني الحاكم المعارض")

# The armed resistance, named by an adjective of its own (المقاومة الشعبية، المقاومة الجنوبية،
# then a nisba at most: المقاومة الشعبية اليمنية); a people's or a country's resistance alone
# (المقاومة الفلسطينية) is a movement described, no body.
_RESISTANCE = fold("المقاومة")

# The branches of a country's armed forces, and its armed forces as a whole, between القوات
# and its nisba (القوات الجوية الأمريكية، القوات المسلحة المصرية).
_FORCE_BRANCHES = folded("البحرية الجوية البرية المسلحة")

# Adjectives that stay in an army's name after the nisba (الجيش السوري الحر).
_ARMY_ADJECTIVES = folded("الحر")

# Words before a royal or religious name inside an institution's name (مستشفى الملك خالد).
_NAMESAKE = folded("الملك الأمير الشيخ الإمام")


# The first half of a compound given name written with its space (عبد الله، عبد العزيز).
_ABD = fold("عبد")

# Deputies' titles, whose لل- phrase after the body is their portfolio (وكيل وزارة X للشؤون ...).
_DEPUTIES = folded("وكيل وكيلة مساعد مساعدة")

# A board and the body it governs (مجلس إدارة X، مجلس أمناء X): the name is X's.
_BOARD_HEADS = folded("مجلس")
_BOARD_WORDS = folded("إدارة أمناء")

# Office titles before a body named by its bare head: in "وكيل الوزارة للشؤون الفنية" and
# "رئيس الهيئة للشؤون الإدارية" the لل- phrase is the office's portfolio, not the body's name.
_OFFICE_TITLES = folded("رئيس رئيسة نائب نائبة وكيل مساعد مساعدة مستشار مستشارة مدير مديرة عضو أمين مشرف")

# Heads of civil bodies named by one word, then what they serve after ل (مؤسسة الضمير لحقوق
# الإنسان، مركز الخليج لحقوق الإنسان، جمعية البر لرعاية الأيتام).
_CIVIL_HEADS = folded("مؤسسة مركز جمعية")

# Adjectives of an office before the body it heads (الرئيس التنفيذي لشركة، المدير العام لمؤسسة).
_OFFICE_ADJECTIVES = folded("التنفيذي التنفيذية العام العامة المنتدب")


class OrganizationChains:
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
        head, definite, _ = is_head(tokens[i].norm)
        if head_reading(tokens[i].norm)[0] in _NATIONAL_FORCES:
            return _national(self, i)  # القوات العراقية: a country's forces (قوات is no head alone)
        if not head and not (definite and _opened(self.tokens, i)):
            return None
        if is_organ_in_title(tokens, i) or tokens[i].norm in _CHAIRED_BY or _pronoun_suffix(tokens[i]):
            return None
        if i and tokens[i].norm in _BOARD_WORDS and head_reading(tokens[i - 1].norm)[0] in _BOARD_HEADS:
            return None  # "مجلس إدارة ...": the board, not a body of its own
        stem = head_reading(tokens[i].norm)[0]
        if stem in _DEFINITE_ONLY or _chairing(self, i, stem):
            return None
        if stem.removeprefix("ال") in _NATIONAL:
            return _national(self, i) if definite else None
        if stem.removeprefix("ال") in EMIRATE_OFFICE:
            return None if definite else _region_office(self, i)
        if stem.removeprefix("ال") in PLACE_ONLY:
            return None if stem.startswith("ال") else self.place_genitive(i, stem in _REGIONAL)
        if head_reading(tokens[i].norm)[0].removeprefix("ال") in _NAMESAKE_ONLY and (
            definite or i + 1 >= len(tokens) or tokens[i + 1].norm not in _NAMESAKE
        ):
            return None
        limit = min(len(tokens), i + 1 + _MAX_CHAIN)
        if i + 1 >= limit or not is_word(tokens[i + 1]):
            return None
        if definite:
            if _portfolio_after_anaphor(tokens, i) or (i and tokens[i - 1].norm in ANAPHORS):
                return None  # "اللجنة المنظمة للمهرجان": an adjective of the body before it
            if stem.removeprefix("ال") in _TEAM and not _national(self, i):
                return None
            if stem.removeprefix("ال") in _CLUB:  # النادي الأهلي, and nothing after it
                return (0, i + 1) if is_name_adjective(tokens[i + 1].norm) else None
            if (
                not opens_definite_name(tokens[i + 1].norm)
                or not agrees(stem, tokens[i + 1].norm)
                or _described_body(self, stem, i + 1)
            ):
                return None
            last = i
        else:
            genitive = self._genitive(i, limit)
            if genitive is None or genitive[0] < 0:
                return genitive
            last = genitive[1]
            if stem in _CLUB:
                return 0, last
        genitive_last = last
        last = _before_portfolio(tokens, i, genitive_last, self._modifiers(last + 1, limit, last))
        if last == i:
            return None
        sited = _site(self, i, last, limit)
        described = not definite and last == genitive_last and self._described(i, last)
        if described and not _branch(self, last, sited):
            return None  # قوات الاحتلال، قوة حفظ السلام: a common noun and its genitive
        if definite and tokens[last].norm in RANKS:
            return None  # المؤسسة المالية الأولى: a rank, not a name
        last = sited
        if stem.removeprefix("ال") in _PUBLIC_SERVICES and (
            definite or all(t.norm != _GENERAL for t in tokens[i + 2 : last + 1])
        ):
            return None  # مصلحة الشعب، المصلحة العامة: an interest; مصلحة الجمارك العامة a body
        if (
            definite
            and head_reading(tokens[i].norm)[0][2:] in _NEEDS_COMPLEMENT
            and not any(
                modifier_kind(t.norm) == "lil" or is_lam_word(t.norm) for t in tokens[i + 1 : last + 1]
            )
        ):
            return None  # اللجنة الثنائية العليا is a description; اللجنة العليا للمشاريع a name
        return 0, last

    def _board_of(self, j: int, limit: int) -> tuple[int, int] | None:
        """The body a board governs ("مجلس إدارة جمعية الأطفال"، "مجلس أمناء الجائزة"، "مجلس
        إدارة نادي الفتح"): the name starts after the board, (-k - 1, last) as in :meth:`chain`."""
        tokens = self.tokens
        k = j + 1
        if k + 1 >= limit or not is_word(tokens[k]):
            return None
        norm = tokens[k].norm
        entity = self.entity_at(k)
        if entity is not None:
            if entity.type is EntityType.ORGANIZATION and entity.start == tokens[k].start:
                return -k - 1, self.last_token(entity)
            return None
        if is_head(norm)[0]:
            inner = self.chain(k)
            return None if inner is None or inner[0] < 0 else (-k - 1, inner[1])
        if is_definite(norm) or norm.startswith(NOUN_PROCLITICS):
            return None  # "مجلس إدارة النادي": an anaphor, or a name the tagger did not find
        # "نادي الفتح": an indefinite noun and the definite name after it
        after = tokens[k + 1].norm
        if not is_word(tokens[k + 1]) or not is_definite(after) or after in DEFINITE_STOPS:
            return None
        if after in ANAPHORS or self.entity_at(k + 1) is not None:
            return None
        return -k - 1, self._modifiers(k + 2, limit, k + 1)

    def _described(self, i: int, last: int) -> bool:
        """A common-noun head (:data:`COMMON_HEADS`) whose genitive holds no mention."""
        return head_reading(self.tokens[i].norm)[0] in COMMON_HEADS and all(
            self.entity_at(k) is None for k in range(i + 1, last + 1)
        )

    def _genitive(self, i: int, limit: int) -> tuple[int, int] | None:
        """The genitive after the indefinite head at ``i`` (as :meth:`chain`): a place, a royal
        namesake, or an indefinite noun at most, then a definite word."""
        tokens = self.tokens
        j = i + 1
        entity = self.entity_at(j)
        if entity is not None:
            if (
                entity.type in PLACES
                or entity.type is EntityType.ORGANIZATION
                or (entity.type is EntityType.PERSON and tokens[j].norm in _NAMESAKE)
                or (entity.type is EntityType.PERSON and head_reading(tokens[i].norm)[0] in _NAMED_AFTER)
            ):
                return 0, self.last_token(entity)
            return None  # a person or a country in the genitive is not part of the name
        if (
            tokens[j].norm in _NAMESAKE
            and j + 1 < limit
            and is_word(tokens[j + 1])
            and not is_definite(tokens[j + 1].norm)
        ):
            # مركز الملك عبد الله: the compound name written with its space keeps its second half
            split = tokens[j + 1].norm == _ABD and j + 2 < limit and is_definite(tokens[j + 2].norm)
            return 0, j + 2 if split else j + 1
        if head_reading(tokens[i].norm)[0] in _BOARD_HEADS and tokens[j].norm in _BOARD_WORDS:
            return self._board_of(j, limit)
        k = j
        # one indefinite noun may come between (قوة أمن الحج، هيئة كبار العلماء), never a
        # word opening with a preposition or conjunction (لجنة مشتركة لمتابعة ...)
        if self._brand(i, j, j + 1, limit):
            return 0, j  # شركة بنده + للتجزئة (the modifiers take the complement)
        if not is_definite(tokens[k].norm):
            clitic = tokens[k].norm.startswith(NOUN_PROCLITICS) and tokens[k].norm not in _WHOLE_NOUNS
            if clitic or tokens[k].norm in DEMONSTRATIVES:
                return None
            k += 1
            place = self.entity_at(k) if k < limit else None
            if place is not None and place.type in PLACES and place.start == tokens[k].start:
                return 0, self.last_token(place)  # مجلس محافظة بغداد، مجلس عمالة طنجة
        if k >= limit or modifier_kind(tokens[k].norm) != "def" or self._blocks(k):
            return None
        if is_head(tokens[k].norm)[1]:
            inner = self.chain(k)
            if inner is not None:
                # وكالة الوزارة للشؤون الفنية: an unnamed body (an anaphor) is the organ's genitive
                unnamed = tokens[k].norm in ANAPHORS and modifier_kind(tokens[k + 1].norm) == "lil"
                return (0, inner[1]) if unnamed else (-k - 1, inner[1])
        if (
            tokens[k].norm in ANAPHORS
            and (k + 1 >= limit or modifier_kind(tokens[k + 1].norm) is None)
            and not (tokens[k].norm[2:] in PLACE_ONLY and _branch(self, k, _site(self, i, k, limit)))
        ):
            return None  # قيادة الحركة، مجلس إدارة الشركة: the genitive is an anaphor (not the
            # service of إدارة التعليم بجازان, a place's office)
        return 0, k

    def _modifiers(self, j: int, limit: int, last: int) -> int:
        """The last token of the modifiers from ``j`` on (adjectives, further genitives, لل-
        phrases and والـ coordination); ``last`` when there is none."""
        tokens = self.tokens
        last_head = last
        while j < limit and is_word(tokens[j]):
            norm = tokens[j].norm
            kind = modifier_kind(norm)
            if kind is None:
                after_adjective = j > last_head + 1 and is_adjective(tokens[j - 1].norm)
                after_name = j == last_head + 1 and _lam_after_name(self, j, limit)
                end = self._lam_phrase(j, limit) if after_adjective or after_name else -1
                if end < 0:
                    break
                known = self.entity_at(j)
                organ = known is not None and known.type is EntityType.ORGANIZATION
                last = end if organ else self._plain_adjective(end + 1, limit, end)
                j = last + 1
                continue
            entity = self.entity_at(j)
            if kind == "coord" and (
                is_head(norm)[0] or entity is not None or _conjoined_noun(tokens, last_head, j)
            ):
                break
            if kind == "def" and (not is_adjective(norm) or norm in _STANCES) and entity is None:
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
            head_reading(tokens[i].norm)[0] in _BRAND_HEADS
            and k < limit
            and modifier_kind(tokens[k].norm) == "lil"
            and (not tokens[j].text.endswith(("ة", "ى")) or _after_office(tokens, i))
            and self.entity_at(j) is None
        )

    def _plain_adjective(self, j: int, limit: int, last: int) -> int:
        """After a ل- phrase, one definite adjective that is not a nisba (لتحلية المياه المالحة);
        a noun there is the clause's object (لرعاية الأيتام + المساعدات)."""
        after = self.tokens[j].norm if j < limit and is_word(self.tokens[j]) else ""
        if (
            modifier_kind(after) != "def"
            or not (is_adjective(after) or after.endswith("ه"))
            or self.entity_at(j) is not None
            or is_head(after)[0]
            or after in ANAPHORS
            or after in GENERIC
            or after in _STANCES
            or _describes_person(self, j)
        ):
            return last
        return j

    def place_genitive(self, i: int, region_only: bool = False) -> tuple[int, int] | None:
        """(0, last token) of a regional service at ``i`` (تعليم محافظة صبيا), or None;
        ``region_only``: a region's body (حكومة الأنبار; حكومة طهران is Iran's government)."""
        j = i + 1
        if j < len(self.tokens) and self.tokens[j].norm in PLACE_NOUNS and self.entity_at(j) is None:
            j += 1
        entity = self.entity_at(j) if j < len(self.tokens) else None
        if entity is None or entity.type not in PLACES or entity.start != self.tokens[j].start:
            return None
        if region_only and entity.type is not EntityType.REGION:
            return None
        return 0, self.last_token(entity)

    def _lam_phrase(self, j: int, limit: int) -> int:
        """The last token of a ل- phrase inside a name after an adjective (-1 if none): a place
        (الجماعة الحضرية لطنجة) or a verbal noun and its definite object (المؤسسة العامة لتحلية
        المياه، الهيئة الوطنية لمكافحة الفساد); never a purpose clause (لبحث، لمناقشة)."""
        tokens = self.tokens
        norm = tokens[j].norm
        if not is_lam_word(norm):
            return -1
        entity = self.entity_at(j)
        if entity is not None:
            organ = entity.type is EntityType.ORGANIZATION and tokens[j - 1].norm in ORGAN_ADJECTIVES
            return self.last_token(entity) if entity.type in PLACES or organ else -1
        if j + 1 >= limit or not is_word(tokens[j + 1]):
            return -1
        after = tokens[j + 1].norm
        if (
            modifier_kind(after) is None
            and not after.startswith(NOUN_PROCLITICS)
            and after not in DEMONSTRATIVES
            and j + 2 < limit
            and is_word(tokens[j + 2])
            and self.entity_at(j + 1) is None
        ):
            # one indefinite noun may come between, as in a genitive (الإدارة العامة لهيئات
            # تسوية الخلافات، الهيئة العامة لشؤون المسجد الحرام)
            j, after = j + 1, tokens[j + 2].norm
        if modifier_kind(after) != "def" or self._blocks(j + 1) or after in ANAPHORS:
            return -1
        return j + 1

    def _blocks(self, index: int) -> bool:
        entity = self.entity_at(index)
        return entity is not None and entity.type in (EntityType.PERSON, EntityType.COUNTRY)


def _branch(chains: OrganizationChains, last: int, sited: int) -> bool:
    """Whether a local body's name closes with its city or region after ب (``إدارة التعليم
    بجازان``، ``إدارة المرور بمحافظة جدة``): the office of a place, a name even with a bare
    genitive (إدارة الأزمة في اليمن, with في or a country, is managing the crisis). ``sited``
    is the last token :func:`_site` gives the name ending at ``last``."""
    if sited == last or chains.tokens[last + 1].norm[:1] != "ب":
        return False
    end = chains.tokens[sited].end
    return any(e.type in PLACES and e.end == end for e in chains.entities)


def _region_office(chains: OrganizationChains, i: int) -> tuple[int, int] | None:
    """(0, last token) of a region's office at ``i`` (إمارة منطقة الرياض), or None."""
    found = chains.place_genitive(i, region_only=True)
    if found is None:
        return None
    # the region place_genitive found: right after the head, or after منطقة
    region = chains.entity_at(i + 1) or chains.entity_at(i + 2)
    named = region is not None and fold(region.canonical).partition(" ")[0] in _REGION_NOUNS
    return found if named else None


def _chairing(chains: OrganizationChains, i: int, stem: str) -> bool:
    """Whether the head at ``i`` is رئاسة before what no presidency is of (a state, a government
    or a place): the chairing itself (رئاسة اللجنة الفنية)."""
    if stem != _PRESIDENCY or i + 1 >= len(chains.tokens):
        return False
    entity = chains.entity_at(i + 1)
    return chains.tokens[i + 1].norm not in _PRESIDED and (entity is None or entity.type not in PLACES)


def _described_body(chains: OrganizationChains, stem: str, j: int) -> bool:
    """الحزب الكردي، الحزب التركي، الحزب السياسي: a party described by a people or a country,
    not named (الحزب الجمهوري، الحزب الدستوري are names); so is the resistance (المقاومة
    الفلسطينية; المقاومة الشعبية is a name)."""
    if stem not in (_PARTY, _RESISTANCE):
        return False
    entity = chains.entity_at(j)
    return (stem == _PARTY and chains.tokens[j].norm in _PARTY_DESCRIPTIONS) or (
        entity is not None and entity.type is EntityType.COUNTRY
    )


def _conjoined_noun(tokens: list[Token], head: int, j: int) -> bool:
    """Whether the word after و at ``j`` is a noun right after a definite head's own adjectives
    (المقاومة الشعبية + والقوات الوطنية، + والتقدم نحو ...): a second phrase; the name was the
    head and its adjectives. (An adjective coordinates: الهيئة الملكية والوطنية; and so does
    a noun after a complement: الهيئة العامة للسياحة والتراث الوطني.)"""
    return (
        is_head(tokens[head].norm)[:2] == (True, True)
        and all(modifier_kind(t.norm) == "def" and is_adjective(t.norm) for t in tokens[head + 1 : j])
        and not is_adjective(tokens[j].norm[1:])
    )


def _pronoun_suffix(token: Token) -> bool:
    """في داره العامرة: his house, not دارة (the two fold alike)."""
    return token.text.endswith("ه") and head_reading(token.norm)[0] in _TA_MARBUTA_HEADS


def _lam_after_name(chains: OrganizationChains, j: int, limit: int) -> bool:
    """مركز أرامكو لريادة الأعمال: a body named after a known organisation in its genitive takes
    the ل- phrase at ``j``, its object right after it (مركز أرامكو لتحفيز أصحاب ... is a purpose
    clause)."""
    tokens = chains.tokens
    token = tokens[j - 1]
    if j > 1 and _civil_name(chains, j - 2) and j + 1 < limit and modifier_kind(tokens[j + 1].norm) == "def":
        return True
    entity = next((e for e in chains.entities if e.start < token.end <= e.end), None)
    return (
        entity is not None
        and entity.type is EntityType.ORGANIZATION
        and entity.end == token.end
        and j > 1
        and entity.start >= tokens[j - 2].end
        and j + 1 < limit
        and modifier_kind(tokens[j + 1].norm) == "def"
    )


def _civil_name(chains: OrganizationChains, i: int) -> bool:
    """Whether tokens ``i``, ``i + 1`` are a civil body's indefinite head and the one definite word
    naming it (مؤسسة الضمير، مركز الخليج), which a ل- phrase may go on: مؤسسة الضمير لحقوق
    الإنسان, as مركز أرامكو لريادة الأعمال. (Not an anaphor: مركز الشرطة، جمعية الحي.)"""
    head, name, named = chains.tokens[i], chains.tokens[i + 1].norm, chains.entity_at(i + 1)
    return (
        is_head(head.norm)[:2] == (True, False)
        and head_reading(head.norm)[0] in _CIVIL_HEADS
        and is_definite(name)
        and name not in ANAPHORS
        and name not in DEFINITE_STOPS
        and (named is None or named.type in PLACES)
    )


def _describes_person(chains: OrganizationChains, j: int) -> bool:
    """Whether the definite word at ``j`` opens the description of the person named next
    ("بالاتحاد السعودي لكرة القدم الخبير الإنجليزي X": the expert, not the body's name)."""
    k, tokens = j + 1, chains.tokens
    while k < min(len(tokens), j + 3) and is_adjective(tokens[k].norm):
        nisba = chains.entity_at(k)
        if nisba is not None and nisba.type is not EntityType.COUNTRY:
            break
        k += 1  # (a nationality: "الخبير الإنجليزي")
    named = chains.entity_at(k) if k < len(tokens) else None
    return named is not None and named.type is EntityType.PERSON and named.start == tokens[k].start


def _after_office(tokens: list[Token], i: int) -> bool:
    """Whether the head at ``i`` follows an office's title ("رئيس شركة"، "الرئيس التنفيذي
    لشركة"). A brand word in ة is an adjective (شركة وطنية للمناولة: a description) unless an
    office names the company: "الرئيس التنفيذي لشركة تقنية للطاقة" heads one company, a named one."""
    if i == 0:
        return False
    previous = tokens[i - 1].norm
    if previous in _OFFICE_ADJECTIVES and i > 1:
        previous = tokens[i - 2].norm  # "الرئيس التنفيذي"، "المدير العام"
    return previous.removeprefix("ال") in _OFFICE_TITLES


def _portfolio_after_anaphor(tokens: list[Token], i: int) -> bool:
    """A bare definite head (an anaphor) between an office title and a لل- phrase: the
    phrase is the office's portfolio ("وكيل الوزارة للدراسات")."""
    return (
        0 < i < len(tokens) - 1
        and tokens[i].norm in ANAPHORS
        and (
            tokens[i - 1].norm in _OFFICE_TITLES
            or (tokens[i - 1].norm[:1] == "و" and tokens[i - 1].norm[1:] in _OFFICE_TITLES)
        )
        and modifier_kind(tokens[i + 1].norm) == "lil"
    )


def _site(chains: OrganizationChains, i: int, last: int, limit: int) -> int:
    """The place closing a diplomatic mission's or an alliance's name (السفارة السعودية في
    لبنان، تحالف دعم الشرعية في اليمن، الغرفة التجارية الصناعية بجدة، الإدارة العامة للدفاع
    المدني في محافظة جدة): ``في`` / ``لدى`` (``ب`` for a local body) and a country, city or
    region, after a place noun at most."""
    tokens = chains.tokens
    j = last + 1
    head = head_reading(tokens[i].norm)[0].removeprefix("ال")
    if head not in _SITED_HEADS or j >= min(len(tokens), limit + 2):
        return last
    norm = tokens[j].norm
    glued = head in _LOCAL_BODIES and norm[:1] == "ب" and len(norm) > 3
    if not glued and (norm not in SITE_PREPOSITIONS or j + 1 >= len(tokens)):
        return last
    k = j if glued else j + 1
    start = tokens[k].start + (1 if glued else 0)
    entity = chains.entity_at(k)
    if entity is None and (tokens[k].norm[1:] if glued else tokens[k].norm) in PLACE_NOUNS:
        k += 1  # بمحافظة جدة، في منطقة الرياض
        entity = chains.entity_at(k) if k < len(tokens) else None
        start = tokens[k].start if k < len(tokens) else -1
    if entity is None or entity.start != start:
        return last
    if entity.type in PLACES or entity.type is EntityType.COUNTRY:
        return chains.last_token(entity)
    return last


def _before_portfolio(tokens: list[Token], i: int, first: int, last: int) -> int:
    """The end of a body's name after a deputy's title: in "وكيل وزارة الصحة للخدمات
    العلاجية" and "وكيل الحرس الوطني للقطاع الغربي" the لل- phrase is the deputy's portfolio."""
    previous = tokens[i - 1].norm if i else ""
    if previous not in _DEPUTIES and not (previous[:1] == "و" and previous[1:] in _DEPUTIES):
        return last
    for k in range(first + 1, last + 1):
        if modifier_kind(tokens[k].norm) == "lil":
            return k - 1
        if k < last and is_lam_word(tokens[k].norm) and modifier_kind(tokens[k + 1].norm) is None:
            return k - 1  # "وكيل وزارة الصحة لشؤون تصنيف المنشآت": a portfolio in construct
    return last


def _opened(tokens: list[Token], i: int) -> bool:
    """الإدارة العامة للمرور: an indefinite-only head in the definite, opened by العامة /
    العليا and a complement (الإدارة الأمريكية stays the government)."""
    return (
        i + 2 < len(tokens)
        and tokens[i + 1].norm in _OPENING_ADJECTIVES
        and (modifier_kind(tokens[i + 2].norm) == "lil" or is_lam_word(tokens[i + 2].norm))
    )


def _joins_chain(entity: Entity, kind: str, previous: str) -> bool:
    """Whether a mention inside the modifiers belongs to the name: a place or an organisation,
    or a country read as a nisba adjective after a definite word (الهيئة السعودية)."""
    nisba = is_definite(previous) or previous.startswith(("وال", "بال", "فال", "لل"))
    if entity.type is EntityType.COUNTRY and kind == "def" and nisba:
        return True
    return entity.type in PLACES or entity.type is EntityType.ORGANIZATION


def _national(chains: OrganizationChains, i: int) -> tuple[int, int] | None:
    """A national army or force: الجيش / القوات + a country's nisba (الجيش المصري، الجيش السوري
    الحر، القوات العراقية); جيش الاحتلال and الجيش الوطني are descriptions."""
    tokens = chains.tokens
    if i + 2 < len(tokens) and tokens[i + 1].norm in _FORCE_BRANCHES and chains.entity_at(i + 1) is None:
        i += 1  # القوات البحرية الباكستانية: a branch of a country's forces
    entity = chains.entity_at(i + 1) if i + 1 < len(tokens) else None
    if entity is None or entity.type is not EntityType.COUNTRY or entity.start != tokens[i + 1].start:
        return None
    last = chains.last_token(entity)
    if last + 1 < len(chains.tokens) and chains.tokens[last + 1].norm in _ARMY_ADJECTIVES:
        last += 1
    return 0, last
