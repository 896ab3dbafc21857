"""How one word reads inside an institution's name: the head noun (``وزارة``، ``للجنة``
= ل + اللجنة), an adjective (``الهيئة السعودية``، ``القوات المسلحة``), a ``لل-`` complement
(``اللجنة العليا للمشاريع``) or a ``ل-`` verbal noun (``لتحلية``) that is not a purpose clause
(``لبحث``), and the organ inside a title (``رئيس مجلس الوزراء`` is the prime minister).

:mod:`arextract.ner.grammar.institutions` builds the chains from these readings.
"""

from __future__ import annotations

from functools import lru_cache

from arextract.ner.grammar.words import DEFINITE_STOPS, ORG_HEADS, folded
from arextract.schema import Token
from arextract.text.clitics import clitic_readings

# ل- verbal nouns that open a purpose clause after a name, not a part of it.
_PURPOSE_NOUNS = folded(
    "لبحث لمناقشة لتعزيز لتقديم لمتابعة لدراسة لاستعراض لتبادل لإطلاع لاطلاع لحضور لزيارة لتوقيع "
    "لعقد لإجراء لتنفيذ لمواجهة لتقييم لوضع لإعداد لاتخاذ لبدء لتسليم لاستقبال لتوديع لتهنئة "
    "لتحقيق لإصدار لتوضيح لشرح لدعم لتطوير"
)

# Heads whose bare definite form + adjective is too often a common noun phrase
# (الإدارة الأمريكية is the government; القوة العسكرية is strength): indefinite use only.
# (الحزب + a nisba is a party's name: الحزب الجمهوري، الحزب الدستوري; الحزب الحاكم is no nisba.)
_INDEFINITE_ONLY = folded(
    "إدارة قوة قوات قيادة مكتب مجمع تنظيم جبهة تعليم صحة جوازات جمارك مرور مدينة مدرسة مصلحة"
)

# Heads that are common nouns first (force, command, administration): with a bare genitive and
# nothing after it they describe (قوات الاحتلال، قوة حفظ السلام، إدارة الحرب، قيادة الحلف); a
# name goes on (قوة أمن الحج والعمرة، إدارة التعاملات الإلكترونية، قوات التحالف العربي).
COMMON_HEADS = folded("قوة قوات قيادة إدارة")

# Ordinals and ranks that end a description, not a name (المؤسسة المالية الأولى: the first
# financial institution).
RANKS = folded(
    "الأول الأولى الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة الأخير الأخيرة الأكبر"
)

# Demonstratives: a genitive with one points back (لقيادة هذه المباراة), it names nothing.
DEMONSTRATIVES = folded("هذا هذه ذلك تلك هؤلاء")

# Adjectives that do not make a definite head a name (المركز الأول، اللجنة المختصة).
GENERIC = folded(
    "الأول الأولى الثاني الثانية الثالث الثالثة الرابع الخامس الأخير الأخيرة الجديد الجديدة "
    "المختص المختصة المعني المعنية المعنيين المذكور المذكورة المشترك المشتركة الكبير الكبيرة "
    "الكبرى الصغير الصغرى المحلي المحلية الحكومي الحكومية الخاص الخاصة التالي التالية "
    "المقبل المقبلة المختلفة المتحدة الرئيسي الرئيسية نفسه ذاته المنظمة التابع التابعة"
)

# Adjectives of institution names that are not nisbas (مستشفى نجران العام الجديد، القوات المسلحة).
_NAME_ADJECTIVES = folded(
    "العام العامة الأعلى العليا الجديد الجديدة المسلحة المتحدة الكبرى الأمين الخاص الخاصة "
    "المركزي المركزية الأهلي الأهلية المفتوحة الملكي الملكية الشريفين"
)

# "رئيس مجلس الوزراء": the organ inside a head-of-government title.
_TITLE_OF_ORGAN = folded("رئيس رئيسة")

# The organ named in that title.
_ORGAN_IN_TITLE = folded("مجلس")


def _title_reading(norm: str) -> str:
    for reading in clitic_readings(norm):
        if reading.stem in _TITLE_OF_ORGAN:
            return reading.stem
    return norm


# The proclitic readings (text.clitics) a head noun may carry: every one but فك.
_HEAD_PROCLITICS = frozenset(["", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "ك", "وك"])


@lru_cache(maxsize=50_000)
def head_reading(norm: str) -> tuple[str, int]:
    """The head reading of a folded word: (stem, proclitic length in folded characters)."""
    if norm.startswith("لل") and norm[1:] in ORG_HEADS:
        return "ال" + norm[1:], 1  # للجنة = ل + اللجنة (one lam is written)
    for reading in clitic_readings(norm):
        if reading.proclitic in _HEAD_PROCLITICS:
            stem = reading.stem
            if stem in ORG_HEADS or (stem.startswith("ال") and stem[2:] in ORG_HEADS):
                return stem, reading.offset
    return norm, 0


@lru_cache(maxsize=50_000)
def is_head(norm: str) -> tuple[bool, bool, int]:
    """(is a head, is definite, proclitic offset)."""
    stem, offset = head_reading(norm)
    if stem in ORG_HEADS:
        return True, False, offset
    if stem.startswith("ال") and stem[2:] in ORG_HEADS and stem[2:] not in _INDEFINITE_ONLY:
        return True, True, offset
    if stem.startswith("ال") and stem[2:] in _INDEFINITE_ONLY:
        return False, True, offset  # a head only when an opening adjective follows (chain)
    return False, False, 0


def is_word(token: Token) -> bool:
    return token.norm[:1].isalpha()


def is_definite(norm: str) -> bool:
    return norm.startswith("ال") and len(norm) > 3


def is_name_adjective(norm: str) -> bool:
    """An adjective of institution names that is no nisba (الأهلي، العام، المركزية)."""
    return norm in _NAME_ADJECTIVES


def is_adjective(norm: str) -> bool:
    """A definite word that can modify a name: a nisba (الروسية، الإداري) or a name adjective."""
    if norm in _NAME_ADJECTIVES:
        return True
    stem = norm[2:]
    nisba = stem.endswith(("ي", "يه", "يين", "يون"))
    # a plural participle (جمعية الأطفال المعوقين، رابطة الكتاب المستقلين)
    participle = (
        stem.startswith("م") and len(stem) >= 5 and stem.endswith(("ين", "ون")) and norm not in GENERIC
    )
    return len(stem) >= 3 and (nisba or participle or _kind_participle(norm)) and norm not in DEFINITE_STOPS


def _kind_participle(norm: str) -> bool:
    """A participle of the forms that say what a body does, after its genitive (مركز الرعاية
    المستمرة، شركة الخدمات المتكاملة; not المنعقد "convened", a state). Right after a definite
    head it describes (الشركة المتعطشة للطاقة، المركز المتواضع), so it opens no name."""
    stem = norm[2:]
    return stem.startswith(("مست", "مت")) and len(stem) >= 5 and norm not in GENERIC


def modifier_kind(norm: str) -> str | None:
    """The kind of chain word: 'def' (الـ...), 'lil' (لل...), 'coord' (والـ...), else None."""
    if norm in DEFINITE_STOPS:
        return None
    if is_definite(norm):
        return "def"
    if norm.startswith("لل") and len(norm) >= 4:
        return "lil"
    if norm.startswith("وال") and len(norm) > 4 and norm[1:] not in DEFINITE_STOPS:
        return "coord"
    return None


def is_lam_word(norm: str) -> bool:
    """ل + an indefinite word (لتحلية، لإغاثة), not لل- (a definite complement)."""
    lam = norm.startswith("ل") and not norm.startswith("لل")
    return lam and len(norm) >= 4 and norm not in _PURPOSE_NOUNS


def is_organ_in_title(tokens: list[Token], i: int) -> bool:
    """رئيس مجلس الوزراء is a title (prime minister), not an affiliation with a council."""
    return (
        0 < i < len(tokens) - 1
        and _title_reading(tokens[i - 1].norm) in _TITLE_OF_ORGAN
        and tokens[i].norm in _ORGAN_IN_TITLE
        and tokens[i + 1].norm == "الوزراء"
    )


def agrees(head: str, adjective: str) -> bool:
    """Whether a definite adjective can modify a definite singular head by gender: a masculine
    head (البنك، المجلس) takes no feminine adjective (البنك الرأسمالية is "the bank's capital
    ...", two phrases). Feminine and plural heads take either (القوات المسلحة)."""
    stem = head.removeprefix("ال")
    masculine = not stem.endswith(("ه", "ات"))
    return not (masculine and adjective.endswith("ه"))


def opens_definite_name(norm: str) -> bool:
    """Whether the word after a definite head makes it a name: a لل- complement or an adjective
    that is not generic (الهيئة السعودية، اللجنة العليا للمشاريع; not المركز الأول)."""
    kind = modifier_kind(norm)
    return norm not in GENERIC and (
        kind == "lil" or (kind == "def" and is_adjective(norm) and not _kind_participle(norm))
    )
