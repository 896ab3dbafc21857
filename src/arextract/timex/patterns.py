"""The one expression pattern over the folded text, and the trigger pattern that says where to try it.

Each alternative is a named group (``gdate``, ``range_days``, ``weekday``...) whose sub-groups
carry a prefix (``j`` in ``jd``/``jm``/``jy``), so one match says both which shape was found
and where its parts are; :mod:`.resolve` turns it into a value. Patterns are written in folded
spelling (``حتي``, ``الي``, ``هجريه``): the text they run on is folded the same way.
"""

from __future__ import annotations

import re
from functools import cache

from arextract.text.normalize import fold
from arextract.timex.lexicon import Lexicon, lexicon

# No word character follows: "أمس" but not "أمسية".
_R = r"(?!\w)"
# Words after which a bare month name is a month ("في مارس", "منذ يونيو"), not a name.
_MONTH_AFTER = ("في", "خلال", "منذ", "حتي", "مطلع", "اواخر", "اوائل", "منتصف", "بدايه", "نهايه")
_TO = r"\s*(?:الي|حتي|و|-|–|—)\s*"
_YEAR_SUFFIX = r"(?:\s*(?:ميلاديه|ميلادي|م)(?!\w))?"
# Word start, or after a clitic و/ف (and ب/ل, but not before ال: "باليوم" is not "today").
_LEFT = (
    r"(?:(?<!\w)|(?<=(?<!\w)[وف])|(?<=(?<!\w)[بل])(?!ال)|(?<=(?<!\w)[وف][بل])(?!ال)"
    r"|(?<=(?<!\w)ب)(?=الامس)|(?<=(?<!\w)[وف]ب)(?=الامس))"
)
# Words that open an expression without being in the lexicon's tables.
_STARTERS = ("من", "بين", "حتي", "لغايه", "الي", "يوم", "شهر", "عامي", "العامين", "سنتي", "السنتين")


def alternation(words: list[str]) -> str:
    """A regex alternation of folded words, longest first, so ``أمس الأول`` wins over ``أمس`` at
    the same position; a space inside a phrase matches any run of spaces."""
    uniq = sorted({fold(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in uniq)


class _Shapes:
    """The regex of each expression shape, built from the lexicon's alternations; ``p`` is the
    group-name prefix that keeps the parts of different alternatives apart."""

    def __init__(self, lx: Lexicon) -> None:
        self.gm = alternation(list(lx.gmonths))
        self.gm_plain = alternation(lx.gmonths_plain)
        self.hm = alternation(list(lx.hmonths))
        self.wd = alternation(list(lx.weekdays))
        self.shift = alternation(list(lx.shifts))
        self.pod = alternation(lx.parts_of_day)
        self.yw = alternation(lx.year_words)
        self.units = alternation(list(lx.rel_units))
        self.this = alternation(lx.this_words)
        self.rel_day = alternation(list(lx.rel_days))
        # One fixed-width look-behind per word: the stdlib engine needs fixed widths.
        self.month_after = "|".join(f"(?<=(?<!\\w){w} )" for w in _MONTH_AFTER)

    def day(self, p: str) -> str:
        # "الـ12 من سبتمبر": the article (tatweel already folded away) and "من" are optional.
        return rf"(?:ال)?(?P<{p}d>[0-3]?[0-9])(?!\d)(?:\s*من(?!\w))?"

    def gmonth(self, p: str) -> str:
        # "آذار/مارس", "3 آذار (مارس) 2021": the second name only confirms the first.
        gm = self.gm
        return rf"(?:شهر\s+)?(?P<{p}m>{gm}){_R}(?:\s*(?:/|\(|-)\s*(?:{gm}){_R}(?:\s*\))?)?"

    def gyear(self, p: str) -> str:
        return rf"(?:(?:{self.yw})\s+)?(?P<{p}y>[12][0-9]{{3}})(?!\d){_YEAR_SUFFIX}"

    def gdate(self, p: str) -> str:
        return (
            rf"(?:(?:يوم\s+)?\(?(?:{self.wd})\)?\s*[،,]?\s*)?{self.day(p)}\s*{self.gmonth(p)}"
            # INA writes a slash before the year: "بغداد/ 14 آذار/ 2024 (واع)"
            rf"(?:\s*[،,/]?\s*{self.gyear(p)}|\s+(?P<{p}rel>{self.shift}){_R})?"
        )

    def hdate(self, p: str) -> str:
        return (
            rf"{self.day(p)}\s*(?:من\s+)?(?:شهر\s+)?(?P<{p}m>{self.hm}){_R}"
            rf"(?:\s*[،,]?\s*(?:(?:{self.yw})\s+)?(?P<{p}y>1[0-9]{{3}})(?!\d)(?:\s*(?:هجريه|هجري|ه){_R})?)?"
        )

    def month_year(self, p: str) -> str:
        return rf"{self.gmonth(p)}\s*[،,]?\s*{self.gyear(p)}"

    def year(self, p: str) -> str:
        return rf"(?:(?P<{p}yw>{self.yw})\s+)?(?P<{p}y>[12][0-9]{{3}})(?!\d)(?P<{p}ys>{_YEAR_SUFFIX})"

    def dates(self) -> dict[str, str]:
        """The shapes with a day, a month or a year written in figures, longest first."""
        gm, yw = self.gm, self.yw
        return {
            # 15 رمضان 1444 هـ الموافق 6 أبريل 2023 م
            "paired": (
                rf"{self.hdate('h')}\s*[،,/-]?\s*\(?\s*(?:الموافق(?:ه)?\s*(?:ل\s*)?)?{self.gdate('g')}(?:\s*\))?"
            ),
            # من 10 إلى 16 سبتمبر / بين 5 و7 مايو / من 28 أغسطس إلى 3 سبتمبر 2020
            "range_days": (
                rf"(?:(?:من|بين)\s+(?:يوم\s+)?)?(?P<a_d>[0-3]?[0-9])(?!\d)"
                rf"(?:\s*(?:شهر\s+)?(?P<a_m>{gm}){_R}(?:\s*(?P<a_y>[12][0-9]{{3}})(?!\d))?)?"
                rf"{_TO}(?:يوم\s+)?{self.gdate('b')}"
            ),
            # من يناير إلى مارس 2021
            "range_months": (
                rf"(?:من|بين)\s+(?:شهر\s+)?(?P<c_m>{gm}){_R}(?:\s*(?P<c_y>[12][0-9]{{3}})(?!\d))?"
                rf"{_TO}{self.month_year('e')}"
            ),
            # بين عامي 2013 و2020 / من 2013 إلى 2020 / 2013-2020
            "range_years": (
                rf"(?:(?:من|بين)\s+)?(?:(?:العامين|عامي|سنتي|السنتين|{yw})\s+)?(?P<f_y>[12][0-9]{{3}})(?!\d)"
                rf"{_YEAR_SUFFIX}{_TO}(?:(?:{yw})\s+)?(?P<g_y>[12][0-9]{{3}})(?!\d){_YEAR_SUFFIX}"
            ),
            # حتى 2 يونيو / حتى عام 2030
            "until": (
                rf"(?:حتي|لغايه|الي\s+غايه)\s+(?:يوم\s+)?"
                rf"(?:{self.gdate('u')}|{self.month_year('v')}|{self.year('w')})"
            ),
            "hdate": self.hdate("i"),
            "gdate": self.gdate("j"),
            "numeric": (
                r"(?P<n_d>[0-3]?[0-9])\s*(?P<n_sep>[/.-])\s*(?P<n_m>[01]?[0-9])\s*(?P=n_sep)\s*"
                r"(?P<n_y>[12][0-9]{3})(?!\d)"
                r"|(?P<o_y>[12][0-9]{3})-(?P<o_m>[01][0-9])-(?P<o_d>[0-3][0-9])(?!\d)"
            ),
            "month_year": self.month_year("k"),
            # رمضان 1444 هـ
            "hmonth_year": (
                rf"(?:شهر\s+)?(?P<l_m>{self.hm}){_R}\s*(?P<l_y>1[34][0-9]{{2}})(?!\d)\s*(?:هجريه|هجري|ه){_R}"
            ),
        }

    def words(self) -> dict[str, str]:
        """The shapes made of words (a month, a relative period, a day), after :meth:`dates`."""
        gm, wd, shift, pod = self.gm, self.wd, self.shift, self.pod
        return {
            # سبتمبر الماضي / في شهر ماي; a direction word makes an ambiguous name a month too
            # ("جوان الماضي", "آب المقبل")
            "month_rel": (
                rf"(?:شهر\s+)?(?P<p_m>{gm}){_R}(?:\s*(?:/|\(|-)\s*(?:{gm}){_R}(?:\s*\))?)?"
                rf"\s+(?P<p_rel>{shift})"
            ),
            "month_bare": rf"شهر\s+(?P<q_m>{gm})|(?:{self.month_after})(?P<q_m2>{self.gm_plain})",
            # عام 1445 هـ
            "hyear": rf"(?:(?:{self.yw})\s+)?(?P<s_y>1[34][0-9]{{2}})(?!\d)\s*(?:هجريه|هجري|ه){_R}",
            "year": self.year("t"),
            # الأسبوع الماضي / هذا العام
            "rel_period": (
                rf"(?P<x_u>{self.units})\s+(?P<x_s>{shift})|(?:{self.this})\s+(?P<x_u2>{self.units})"
            ),
            # مساء أمس / اليوم (السبت) / صباح يوم الأحد
            "rel_day": (
                rf"(?:(?P<z_pod>{pod})\s+)?(?:يوم\s+)?(?P<z_rel>{self.rel_day}){_R}"
                rf"(?:\s*[،,]?\s*(?:\(\s*(?:{wd})\s*\)|(?:{wd}){_R}))?"
            ),
            "weekday": (
                rf"(?:(?P<w_pod>{pod})\s+)?(?:(?P<w_yawm>يوم)\s+)?"
                rf"(?:\(\s*(?P<w_par>{wd})\s*\)|(?P<w_wd>{wd}){_R}(?!\s+عشر))"
                rf"(?:\s+(?P<w_rel>{shift}){_R})?"
            ),
        }


def build_patterns(lx: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The expression pattern, and a cheap trigger pattern locating the words it can start at.

    Trying the full alternation at every character costs a few milliseconds per
    page; trying it only where a trigger word starts is five times faster.
    """
    shapes = _Shapes(lx)
    alternatives = {**shapes.dates(), **shapes.words()}
    body = "|".join(f"(?P<{name}>{pat})" for name, pat in alternatives.items())
    starters = [
        *_STARTERS,
        *lx.year_words,
        *lx.gmonths,
        *lx.hmonths,
        *lx.rel_units,
        *lx.this_words,
        *lx.parts_of_day,
        *lx.rel_days,
        *lx.weekdays,
    ]
    trigger = re.compile(rf"(?<!\w)[وف]?[بل]?(?:\d|\(|ال\d|{alternation(starters)})")
    return re.compile(rf"{_LEFT}(?:{body})(?!\w)"), trigger


@cache
def expression_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:func:`build_patterns` over the packaged lexicon, compiled once."""
    return build_patterns(lexicon())
