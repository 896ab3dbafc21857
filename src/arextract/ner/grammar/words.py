"""The folded word lists that several name grammars share, one comment per list.

Every list is folded once here (:func:`arextract.text.normalize.fold`), so a grammar compares a
token's ``norm`` with it directly: ``وزارة`` in ``ORG_HEADS`` matches ``وزاره`` in a text.
Lists used by one grammar only stay in that grammar's module.
"""

from __future__ import annotations

from arextract.text import quotes
from arextract.text.normalize import fold_words


def folded(words: str) -> frozenset[str]:
    """The folded forms of the space-separated ``words``."""
    return fold_words(words.split())


# Heads of organisation names (singular, indefinite spelling; the definite form is derived).
ORG_HEADS = folded(
    "وزارة هيئة جامعة مستشفى صندوق مجلس مؤسسة شركة بنك مصرف وكالة رئاسة إدارة لجنة منظمة "
    "اتحاد جمعية مركز معهد كلية أكاديمية مكتب ديوان محكمة نيابة شرطة سفارة قنصلية بلدية "
    "أمانة حزب جبهة تحالف ائتلاف برلمان غرفة مديرية قوة قوات قيادة تنظيم مجمع "
    "ملحقية مندوبية بعثة عمادة حرس درك مفوضية مدينة تعليم صحة جوازات جمارك مرور مدرسة حملة جيش "
    "حكومة إذاعة تلفزيون مرصد دارة نادي مصلحة إمارة مقاومة منتخب"
)

# Regional services named by the place they serve (تعليم محافظة صبيا، جوازات منطقة الجوف، صحة
# الرياض) and a province's government (حكومة كردستان): a body only before a place (a city or
# a region, never a country), never in the definite (التعليم العام is education).
PLACE_ONLY = folded("تعليم صحة جوازات جمارك مرور حكومة")

# Place nouns between a regional service and its place (جوازات منطقة الجوف), or a sited name
# and its place (الإدارة العامة للدفاع المدني في محافظة الطائف).
PLACE_NOUNS = folded("منطقة محافظة مدينة ولاية إمارة")

# The prepositions before the place that closes a sited name (السفارة السعودية في لبنان،
# بعثة الاتحاد الأوروبي لدى الأردن).
SITE_PREPOSITIONS = folded("في لدى")

# Definite words that end a name: titles and honorifics, time words, pronouns, quantities.
DEFINITE_STOPS = folded(
    "الذي التي الذين اللذين اللتين اللاتي الأمير الأميرة الشيخ الشيخة الدكتور الدكتورة المهندس "
    "الأستاذ الأستاذة السفير الرئيس الوزير المستشار اللواء العميد الفريق العقيد الملك الإمام "
    "السيد السيدة المدير النائب الأمين الوكيل "
    "اليوم الأمس الماضي الماضية المقبل المقبلة الحالي الحالية الجاري الجارية القادم القادمة "
    "السابق السابقة الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت "
    "الآن الكل البعض الجميع الأخرى الآخر نفسه ذاته الله "
    # adjectives that judge a group, never a word of its name (تنظيم داعش الإرهابي، حركة طالبان
    # المتمردة): the name has ended before them
    "الإرهابي الإرهابية الإرهابيين المتطرف المتطرفة المتمرد المتمردة الانقلابي الانقلابية "
    "الإجرامي الإجرامية"
)

# Definite nouns that, alone in the genitive, point back to a body already named.
ANAPHORS = frozenset(
    ["ال" + h for h in ORG_HEADS]
    + list(folded("الحركة الدولة المملكة الحكومة الجماعة البلاد المدينة المنطقة الإمارة الجمهورية"))
)

# Nouns that name a news outlet by the word or quoted name after them (صحيفة الوئام، قناة «العربية»).
OUTLET_NOUNS = folded("صحيفة جريدة مجلة قناة موقع وكالة إذاعة تلفزيون")

# Quotation marks around an outlet's name (لـ«عكاظ»).
QUOTES = quotes.MARKS_AND_APOSTROPHE

# Honorifics and forms of address that stand before a name (never a name themselves).
HONORIFICS = folded(
    "صاحب السمو الملكي سمو سموه معاليه فخامته سعادته سماحته معالي فخامة سعادة دولة سماحة حضرة "
    "جلالة الشيخ الشيخة الأمير "
    "الأميرة الدكتور الدكتورة د المهندس المهندسة م الأستاذ الأستاذة أ السيد السيدة "
    "اللواء العميد الفريق العقيد المقدم الرائد النقيب المشير أول ركن طيار بحري "
    "خادم الحرمين الشريفين الملك الرئيس السفير الإمام"
)

# Nouns of a person's trade or standing that stand before a full name like an honorific
# (``المواطن عيد الغامدي``، ``المدافع علي الخيبري``), but are common nouns too (``المواطن يحتاج
# الدعم``): the name grammar reads two name words after one only when the second is a family name.
PERSON_NOUNS = folded(
    "المواطن المواطنة المقيم المقيمة الزميل الزميلة المدرب اللاعب المدافع المهاجم الحارس "
    "الإعلامي الإعلامية الكاتب الكاتبة الشاعر الشاعرة الفنان الفنانة الروائي المخرج الممثل "
    "الممثلة الناشط الناشطة المحامي المحامية الأستاذ الطالب الطالبة الباحث الباحثة الداعية"
)

# Words that end a name however they are spelled (function words the tagger's document-level
# consistency sometimes marks as a name: على is the name علي once folded).
NOT_NAMES = frozenset(["على", "إلى", "الى", "حتى", "لدى", "متى", "عن", "من", "في", "مع", "بعد", "قبل"])

# Nasab words, son / daughter of (عادل بن أحمد); ولد is the Mauritanian one (محمد ولد عبد العزيز).
NASAB = folded("بن بنت ابن ولد")

# Words before a family or tribe name (آل سعود، بني هاشم).
FAMILY = folded("آل بني")

# Words that end a person's name: company (بحضور، يرافقه), a title after the name (رئيس،
# وزير), time words, prepositions, particles and pronouns.
# Office titles that open an apposition after a full name (X نائب رئيس الهيئة): the word
# before one closes the name.
OFFICE_TITLES = folded("رئيس وزير نائب مدير أمير سفير محافظ وكيل مساعد مستشار عضو")
NAME_END = OFFICE_TITLES | folded(
    "بحضور يرافقه يرافقهم برفقة بصحبة وبحضور ويرافقه "
    "الذي التي الذين اليوم أمس صباح مساء يوم خلال في من مع عن و "
    "إن أن إنه أنه إنها أنها بأن قد لقد كان كانت لم لن ما لا هو هي هذا هذه ذلك تلك"
)

# First halves of compound given names (عبد الله، أبو بكر، أم كلثوم) and family names (أبا الخيل).
PARTS_OF_NAME = folded("عبد أبو أبي أبا أم")

# Given names (Arabic and foreign) that begin with و: never a conjunction to strip.
WAW_NAMES = folded(
    "وليد وائل وديع وجدي وفاء وسام وهيب وهبة وحيد وحيدة وداد وصفي وضاح وفيق وفيقة ونيس وعد ولاء "
    "وجيه وسيم ورد وردة وصال وجدان وهاب وهبي وزير ولي وئام ويليام وليام والتر وارن ويلسون وانغ "
    "وين ويل ولفغانغ ويندي واشنطن وودرو ويسلي ويتكوف ولد"
)

# Separators before an item of a list (، وفلان ...).
LIST_SEPARATORS = ("،", ",", "؛")

# The nasab words that carry a tagger's person mention on (محمد + ولد عبد العزيز).
LINEAGE = folded("بن ولد")


def nisba_shaped(norm: str) -> bool:
    """Whether a folded word has the shape of a family name of the nisba kind (ال ... ي:
    الحربي، البيحاني), not a definite function word ending so."""
    return norm.startswith("ال") and norm.endswith("ي") and len(norm) >= 5 and norm not in DEFINITE_STOPS
