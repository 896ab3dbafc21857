"""Time expressions in Arabic news: find them, normalise them, anchor them.

Conventions (the contract other stages rely on):

* Offsets always point into the original text.  Matching runs on a normalised
  copy (diacritics, tatweel and bidi marks dropped; hamza-alef, ى, ة and
  Arabic-Indic/Persian digits folded) and every match is mapped back, so
  ``text[t.start:t.end] == t.text`` holds whatever the input looks like.  A span
  ends after any diacritics on its last letter (``غداً`` keeps its tanween).
* A day or month whose year is not written and cannot be anchored keeps the
  year as ``XXXX`` (TimeML's convention): ``XXXX-09-12``, ``XXXX-09``, and for
  ranges ``Interval(start="XXXX-09-10", end="XXXX-09-16")``.
* Expressions that only mean something relative to the document date
  (``أمس``, ``الأسبوع الماضي``, a bare weekday) get ``value=None`` when no anchor
  is given; their granularity is still reported.  Nothing is ever guessed.
* When an anchor exists, a day and month without year takes the year that puts
  it closest to the anchor (``12 سبتمبر`` written on 2021-01-02 is 2020-09-12),
  unless a direction word (``الماضي``/``المقبل``) says which side to take.
* A weekday means the latest such day on or before the anchor, the first one
  after it with ``المقبل``/``القادم``, and the latest one strictly before it
  with ``الماضي``.  ``اليوم (السبت)`` is always the anchor date, even when the
  weekday disagrees: the dateline is more reliable than the writer's weekday.
* Weeks are ISO weeks (``2020-W36``).  Parts of day (``مساء أمس``) carry the
  day's date with granularity ``part_of_day``.
* Ranges have granularity ``range`` and an :class:`Interval` value; ``حتى ...``
  gives an interval open at the start.  A Hijri month or year becomes the
  interval of its Gregorian days, keeping granularity ``month``/``year``.
* Values are ISO 8601 with years 0001-9999 (Python's ``date`` range): an expression
  anchored so close to either end that it would fall outside (``العام المقبل`` written on
  9999-12-31) gets ``value=None``, never "10000".
* A four-digit number inside a name (``رؤية 2030``, ``أهداف التنمية المستدامة
  2030``) is reported as a year: in news it dates a plan, which is what the
  relation layer wants.  A number followed by a counted noun (``2000 شخص``) or
  preceded by an amount word (``نحو 2000``) is not a year.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from datetime import date, datetime, timedelta
from functools import cache
from importlib.resources import files
from typing import Any

from hijridate import Gregorian, Hijri

from arextract.schema import Granularity, Interval, TextSpan, Time

__all__ = ["document_date", "find_dateline", "find_times", "governing_time"]

# ---------------------------------------------------------------------------
# Normalisation with an offset map back to the original text.

_DROP_RE = re.compile(
    r"[\u0610-\u061A\u061C\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]+"
)
# Marks that belong to the preceding letter; a span ending on that letter takes them along.
_TRAILING_MARKS_RE = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]*")

_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ة": "ه",
        "ۀ": "ه",
        "ک": "ك",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)


def _fold(s: str) -> str:
    return _DROP_RE.sub("", s).translate(_FOLD)


class _Normalised:
    """The folded text plus what is needed to map its offsets back.

    Folding is one-to-one except for dropped marks, so the map only records
    where runs of dropped characters sit; that keeps the cost proportional to
    the number of diacritics rather than the length of the text.
    """

    __slots__ = ("cum", "norm", "npos", "orig")

    def __init__(self, text: str) -> None:
        self.orig = text
        self.npos: list[int] = []
        self.cum: list[int] = []
        removed = 0
        for m in _DROP_RE.finditer(text):
            self.npos.append(m.start() - removed)
            removed += m.end() - m.start()
            self.cum.append(removed)
        self.norm = (_DROP_RE.sub("", text) if removed else text).translate(_FOLD)

    def _to_orig(self, n: int) -> int:
        k = bisect.bisect_right(self.npos, n)
        return n + (self.cum[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        o_start = self._to_orig(start)
        o_end = self._to_orig(end - 1) + 1 if end > start else o_start
        tail = _TRAILING_MARKS_RE.match(self.orig, o_end)
        if tail is not None:
            o_end = tail.end()
        return o_start, o_end


# ---------------------------------------------------------------------------
# Lexicon and the one big pattern.


def _alt(words: list[str]) -> str:
    """Longest first, so ``أمس الأول`` wins over ``أمس`` at the same position."""
    uniq = sorted({_fold(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in uniq)


def _key(s: str) -> str:
    return " ".join(s.split())


class _Lexicon:
    def __init__(self, raw: dict[str, Any]) -> None:
        def by_number(table: dict[str, list[str]]) -> dict[str, int]:
            return {_key(_fold(w)): int(n) for n, ws in table.items() for w in ws}

        self.gmonths = by_number(raw["gregorian_months"])
        self.hmonths = by_number(raw["hijri_months"])
        self.weekdays = by_number(raw["weekdays"])
        ctx = raw["context"]
        ambiguous = {_key(_fold(w)) for w in ctx["months"]["ambiguous_months"]}
        self.gmonths_plain = [w for w in self.gmonths if w not in ambiguous]
        self.ambiguous_weekdays = {_key(_fold(w)) for w in ctx["weekdays"]["ambiguous_weekdays"]}
        self.rel_days = {_key(_fold(w)): int(v) for w, v in raw["relative_days"].items()}
        self.rel_units = {_key(_fold(w)): str(v) for w, v in raw["relative_units"].items()}
        self.shifts = {_key(_fold(w)): int(v) for w, v in raw["relative_shifts"].items()}
        words = ctx["words"]
        self.this_words = [_fold(w) for w in words["this_words"]]
        self.general_nouns = {_fold(w) for w in words["general_nouns"]}
        self.parts_of_day = [_fold(w) for w in words["parts_of_day"]]
        self.year_words = [_fold(w) for w in words["year_words"]]
        self.year_before = {_fold(w) for w in words["year_context_before"]}
        self.amount_before = {_fold(w) for w in words["amount_context_before"]}
        self.year_followers = {_fold(w) for w in words["year_followers"]}
        self.not_today_followers = {_fold(w) for w in words["not_today_followers"]}
        self.agencies = [_fold(w) for w in words["agencies"]]


@cache
def _lexicon() -> _Lexicon:
    raw = (files("arextract") / "data" / "timex.toml").read_text(encoding="utf-8")
    return _Lexicon(tomllib.loads(raw))


def _build_pattern(lx: _Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The expression pattern, and a cheap trigger pattern locating the words it can start at.

    Trying the full alternation at every character costs a few milliseconds per
    page; trying it only where a trigger word starts is five times faster.
    """
    gm = _alt(list(lx.gmonths))
    gm_plain = _alt(lx.gmonths_plain)
    hm = _alt(list(lx.hmonths))
    wd = _alt(list(lx.weekdays))
    shift = _alt(list(lx.shifts))
    pod = _alt(lx.parts_of_day)
    yw = _alt(lx.year_words)
    units = _alt(list(lx.rel_units))
    this = _alt(lx.this_words)
    rel_day = _alt(list(lx.rel_days))
    r = r"(?!\w)"
    # One fixed-width look-behind per word: the stdlib engine needs fixed widths.
    month_after = "|".join(
        f"(?<=(?<!\\w){w} )"
        for w in ("في", "خلال", "منذ", "حتي", "مطلع", "اواخر", "اوائل", "منتصف", "بدايه", "نهايه")
    )
    to = r"\s*(?:الي|حتي|و|-|–|—)\s*"
    y_suffix = r"(?:\s*(?:ميلاديه|ميلادي|م)(?!\w))?"

    def day(p: str) -> str:
        # "الـ12 من سبتمبر": the article (tatweel already folded away) and "من" are optional.
        return rf"(?:ال)?(?P<{p}d>[0-3]?[0-9])(?!\d)(?:\s*من(?!\w))?"

    def gmonth(p: str) -> str:
        # "آذار/مارس", "3 آذار (مارس) 2021": the second name only confirms the first.
        return rf"(?:شهر\s+)?(?P<{p}m>{gm}){r}(?:\s*(?:/|\(|-)\s*(?:{gm}){r}(?:\s*\))?)?"

    def gyear(p: str) -> str:
        return rf"(?:(?:{yw})\s+)?(?P<{p}y>[12][0-9]{{3}})(?!\d){y_suffix}"

    def gdate(p: str) -> str:
        return (
            rf"(?:(?:يوم\s+)?\(?(?:{wd})\)?\s*[،,]?\s*)?{day(p)}\s*{gmonth(p)}"
            rf"(?:\s*[،,]?\s*{gyear(p)}|\s+(?P<{p}rel>{shift}){r})?"
        )

    def hdate(p: str) -> str:
        return (
            rf"{day(p)}\s*(?:من\s+)?(?:شهر\s+)?(?P<{p}m>{hm}){r}"
            rf"(?:\s*[،,]?\s*(?:(?:{yw})\s+)?(?P<{p}y>1[0-9]{{3}})(?!\d)(?:\s*(?:هجريه|هجري|ه){r})?)?"
        )

    def month_year(p: str) -> str:
        return rf"{gmonth(p)}\s*[،,]?\s*{gyear(p)}"

    def year(p: str) -> str:
        return rf"(?:(?P<{p}yw>{yw})\s+)?(?P<{p}y>[12][0-9]{{3}})(?!\d)(?P<{p}ys>{y_suffix})"

    alternatives = {
        # 15 رمضان 1444 هـ الموافق 6 أبريل 2023 م
        "paired": rf"{hdate('h')}\s*[،,/-]?\s*\(?\s*(?:الموافق(?:ه)?\s*(?:ل\s*)?)?{gdate('g')}(?:\s*\))?",
        # من 10 إلى 16 سبتمبر / بين 5 و7 مايو / من 28 أغسطس إلى 3 سبتمبر 2020
        "range_days": (
            rf"(?:(?:من|بين)\s+(?:يوم\s+)?)?(?P<a_d>[0-3]?[0-9])(?!\d)"
            rf"(?:\s*(?:شهر\s+)?(?P<a_m>{gm}){r}(?:\s*(?P<a_y>[12][0-9]{{3}})(?!\d))?)?"
            rf"{to}(?:يوم\s+)?{gdate('b')}"
        ),
        # من يناير إلى مارس 2021
        "range_months": (
            rf"(?:من|بين)\s+(?:شهر\s+)?(?P<c_m>{gm}){r}(?:\s*(?P<c_y>[12][0-9]{{3}})(?!\d))?"
            rf"{to}{month_year('e')}"
        ),
        # بين عامي 2013 و2020 / من 2013 إلى 2020 / 2013-2020
        "range_years": (
            rf"(?:(?:من|بين)\s+)?(?:(?:العامين|عامي|سنتي|السنتين|{yw})\s+)?(?P<f_y>[12][0-9]{{3}})(?!\d){y_suffix}"
            rf"{to}(?:(?:{yw})\s+)?(?P<g_y>[12][0-9]{{3}})(?!\d){y_suffix}"
        ),
        # حتى 2 يونيو / حتى عام 2030
        "until": rf"(?:حتي|لغايه|الي\s+غايه)\s+(?:يوم\s+)?(?:{gdate('u')}|{month_year('v')}|{year('w')})",
        "hdate": hdate("i"),
        "gdate": gdate("j"),
        "numeric": (
            r"(?P<n_d>[0-3]?[0-9])\s*(?P<n_sep>[/.-])\s*(?P<n_m>[01]?[0-9])\s*(?P=n_sep)\s*(?P<n_y>[12][0-9]{3})(?!\d)"
            r"|(?P<o_y>[12][0-9]{3})-(?P<o_m>[01][0-9])-(?P<o_d>[0-3][0-9])(?!\d)"
        ),
        "month_year": month_year("k"),
        # رمضان 1444 هـ
        "hmonth_year": rf"(?:شهر\s+)?(?P<l_m>{hm}){r}\s*(?P<l_y>1[34][0-9]{{2}})(?!\d)\s*(?:هجريه|هجري|ه){r}",
        # سبتمبر الماضي / في شهر ماي
        "month_rel": (
            rf"(?:شهر\s+)?(?P<p_m>{gm_plain}){r}(?:\s*(?:/|\(|-)\s*(?:{gm}){r}(?:\s*\))?)?"
            rf"\s+(?P<p_rel>{shift})"
        ),
        "month_bare": (rf"شهر\s+(?P<q_m>{gm})|(?:{month_after})(?P<q_m2>{gm_plain})"),
        # عام 1445 هـ
        "hyear": rf"(?:(?:{yw})\s+)?(?P<s_y>1[34][0-9]{{2}})(?!\d)\s*(?:هجريه|هجري|ه){r}",
        "year": year("t"),
        # الأسبوع الماضي / هذا العام
        "rel_period": rf"(?P<x_u>{units})\s+(?P<x_s>{shift})|(?:{this})\s+(?P<x_u2>{units})",
        # مساء أمس / اليوم (السبت) / صباح يوم الأحد
        "rel_day": (
            rf"(?:(?P<z_pod>{pod})\s+)?(?:يوم\s+)?(?P<z_rel>{rel_day}){r}"
            rf"(?:\s*[،,]?\s*(?:\(\s*(?:{wd})\s*\)|(?:{wd}){r}))?"
        ),
        "weekday": (
            rf"(?:(?P<w_pod>{pod})\s+)?(?:(?P<w_yawm>يوم)\s+)?"
            rf"(?:\(\s*(?P<w_par>{wd})\s*\)|(?P<w_wd>{wd}){r}(?!\s+عشر))"
            rf"(?:\s+(?P<w_rel>{shift}){r})?"
        ),
    }
    # Word start, or after a clitic و/ف (and ب/ل, but not before ال: "باليوم" is not "today").
    left = (
        r"(?:(?<!\w)|(?<=(?<!\w)[وف])|(?<=(?<!\w)[بل])(?!ال)|(?<=(?<!\w)[وف][بل])(?!ال)"
        r"|(?<=(?<!\w)ب)(?=الامس)|(?<=(?<!\w)[وف]ب)(?=الامس))"
    )
    body = "|".join(f"(?P<{name}>{pat})" for name, pat in alternatives.items())
    starters = [
        *("من", "بين", "حتي", "لغايه", "الي", "يوم", "شهر", "عامي", "العامين", "سنتي", "السنتين"),
        *lx.year_words,
        *lx.gmonths,
        *lx.hmonths,
        *lx.rel_units,
        *lx.this_words,
        *lx.parts_of_day,
        *lx.rel_days,
        *lx.weekdays,
    ]
    trigger = re.compile(rf"(?<!\w)[وف]?[بل]?(?:\d|\(|ال\d|{_alt(starters)})")
    return re.compile(rf"{left}(?:{body})(?!\w)"), trigger


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return _build_pattern(_lexicon())


@cache
def _agency_pattern() -> re.Pattern[str]:
    alts = []
    for a in sorted(set(_lexicon().agencies), key=len, reverse=True):
        parts = a.replace(".", " ").split()
        sep = r"[\s.]*" if all(len(p) == 1 for p in parts) else r"\s+"
        alts.append(sep.join(re.escape(p) for p in parts) + (r"\.?" if sep != r"\s+" else ""))
    return re.compile(rf"[(/]\s*(?:وكاله\s+)?(?:{'|'.join(alts)})\s*[)/]")


def _agency_alternation() -> str:
    alts = []
    for a in sorted(set(_lexicon().agencies), key=len, reverse=True):
        parts = a.replace(".", " ").split()
        sep = r"[\s.]*" if all(len(p) == 1 for p in parts) else r"\s+"
        alts.append(sep.join(re.escape(p) for p in parts) + (r"\.?" if sep != r"\s+" else ""))
    return "|".join(alts)


# Dashes that separate a dateline's city from a bare agency code (the tatweel-dash ـ is
# dropped by the normalisation, so it is looked for in the original text).
_DASHES = "-–—ـ"
_DASH_CLASS = r"\-–—ـ"


@cache
def _bare_agency_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Datelines whose agency code stands without brackets, on the normalised text.

    * trailing: ``جدة 3 رمضان 1437هـ الموافق 8 يونيو 2016م واس`` (the code ends the line) and
      ``الرياض - واس: ...`` / ``الرياض ـ واس`` (a dash or a colon sets it off);
    * leading: ``سبق- الرياض: ...`` / ``واس – الرياض`` (code, dash, city, then a colon or the
      end of the line).
    """
    ag = _agency_alternation()
    trailing = re.compile(
        rf"(?P<pre>[^\n]*?)(?P<sep>[\s{_DASH_CLASS}:]*)(?<!\w)(?:وكاله\s+)?(?P<ag>{ag})(?!\w)"
        rf"(?P<post>[ \t]*(?:[:{_DASH_CLASS}]+|\.?[ \t]*(?=\n|$)))"
    )
    leading = re.compile(
        rf"(?:وكاله\s+)?(?P<ag>{ag})(?P<sep>[ \t]*[{_DASH_CLASS}][ \t]*|[ \t]+)"
        rf"(?P<city>[^\W\d]+(?:[ \t]+[^\W\d]+){{0,2}})[ \t]*(?P<post>:|[{_DASH_CLASS}]+|(?=\n|$))"
    )
    return trailing, leading


# ---------------------------------------------------------------------------
# Value computation.


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _closest(month: int, day: int, anchor: date, direction: int | None = None) -> date | None:
    """Year for a day-month: nearest to the anchor, or the nearest on the side ``direction`` asks for."""
    cands = [c for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (c := _safe_date(y, month, day))]
    if direction is not None and direction < 0:
        cands = [c for c in cands if c < anchor]
        return max(cands) if cands else None
    if direction is not None and direction > 0:
        cands = [c for c in cands if c > anchor]
        return min(cands) if cands else None
    return min(cands, key=lambda c: abs((c - anchor).days)) if cands else None


def _year_ok(year: int) -> bool:
    """Whether an ISO value can carry this year (Python dates: 1-9999)."""
    return date.min.year <= year <= date.max.year


_ISO_VALUE_RE = re.compile(r"(?:XXXX|\d{4})(?:-W\d\d|-\d\d(?:-\d\d)?)?")


def _checked(value: str | Interval | None) -> str | Interval | None:
    """``value`` when every date in it is ISO with a year in 1..9999, else None (a last guard:
    the resolvers already give None where the year leaves the range)."""
    bounds = (value.start, value.end) if isinstance(value, Interval) else (value,)
    for bound in bounds:
        if bound is not None and (not _ISO_VALUE_RE.fullmatch(bound) or bound.startswith("0000")):
            return None
    return value


def _month_closest(month: int, anchor: date, direction: int | None = None) -> str | None:
    a = anchor.year * 12 + anchor.month - 1
    cands = [(y * 12 + month - 1, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if direction is not None and direction < 0:
        y = max(c for c in cands if c[0] < a)[1]
    elif direction is not None and direction > 0:
        y = min(c for c in cands if c[0] > a)[1]
    elif direction == 0:
        y = anchor.year
    else:
        y = min(cands, key=lambda c: abs(c[0] - a))[1]
    return f"{y:04d}-{month:02d}" if _year_ok(y) else None


def _hijri_to_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(*Hijri(y, m, d).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


def _hijri_month_interval(y: int, m: int) -> Interval | None:
    try:
        h = Hijri(y, m, 1)
        first = date(*h.to_gregorian().datetuple())
        return Interval(
            start=first.isoformat(), end=(first + timedelta(days=h.month_length() - 1)).isoformat()
        )
    except (ValueError, OverflowError):
        return None


def _hijri_year_interval(y: int) -> Interval | None:
    try:
        first = date(*Hijri(y, 1, 1).to_gregorian().datetuple())
        last = date(*Hijri(y, 12, 1).to_gregorian().datetuple()) + timedelta(
            days=Hijri(y, 12, 1).month_length() - 1
        )
        return Interval(start=first.isoformat(), end=last.isoformat())
    except (ValueError, OverflowError):
        return None


def _weekday_date(weekday: int, anchor: date, direction: int | None) -> date:
    back = (anchor.weekday() - weekday) % 7
    if direction is not None and direction > 0:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if direction is not None and direction < 0:
        return anchor - timedelta(days=back or 7)
    return anchor - timedelta(days=back)


def _add_days(d: date, days: int) -> date | None:
    """``d`` plus ``days``, or None past Python's date range (غدا on 9999-12-31)."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return None


def _iso_week(d: date) -> str | None:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}" if _year_ok(iso[0]) else None


def _shift_month(d: date, n: int) -> str | None:
    idx = d.year * 12 + d.month - 1 + n
    return f"{idx // 12:04d}-{idx % 12 + 1:02d}" if _year_ok(idx // 12) else None


class _Reject(Exception):
    """The match looked like a time but is not one (an amount, an impossible date...)."""


class _Resolver:
    """Turns one match into (value, granularity); raises _Reject to drop it."""

    def __init__(self, m: re.Match[str], norm: str, anchor: date | None, lx: _Lexicon) -> None:
        self.m = m
        self.norm = norm
        self.anchor = anchor
        self.lx = lx

    def g(self, name: str) -> str | None:
        return self.m.group(name)

    def num(self, name: str) -> int | None:
        v = self.m.group(name)
        return int(v) if v is not None else None

    def gmonth(self, name: str) -> int | None:
        v = self.m.group(name)
        return self.lx.gmonths[_key(v)] if v is not None else None

    def shift(self, name: str) -> int | None:
        v = self.m.group(name)
        return self.lx.shifts[_key(v)] if v is not None else None

    def gdate_value(self, p: str) -> tuple[str | None, date | None]:
        """ISO value of a day-month(-year) under prefix ``p``, plus the date when fully known."""
        d, mo, y = self.num(f"{p}d"), self.gmonth(f"{p}m"), self.num(f"{p}y")
        assert d is not None and mo is not None
        if not 1 <= d <= 31:
            raise _Reject
        if y is not None:
            full = _safe_date(y, mo, d)
            if full is None:
                raise _Reject
            return full.isoformat(), full
        if _safe_date(2000, mo, d) is None:  # 2000 is a leap year: only truly impossible days fail.
            raise _Reject
        if self.anchor is None:
            return f"XXXX-{mo:02d}-{d:02d}", None
        got = _closest(
            mo, d, self.anchor, self.shift(f"{p}rel") if f"{p}rel" in self.m.re.groupindex else None
        )
        return (got.isoformat(), got) if got else (None, None)

    def hdate_value(self, p: str) -> date | None:
        d, mo, y = self.num(f"{p}d"), self.lx.hmonths[_key(self.g(f"{p}m") or "")], self.num(f"{p}y")
        assert d is not None
        if not 1 <= d <= 30:
            raise _Reject
        if y is None:
            anchor = self.anchor
            if anchor is None:
                return None
            hy = Gregorian(anchor.year, anchor.month, anchor.day).to_hijri().year
            cands = [c for c in (_hijri_to_date(hy + k, mo, d) for k in (-1, 0, 1)) if c]
            return min(cands, key=lambda c: abs((c - anchor).days)) if cands else None
        return _hijri_to_date(y, mo, d)

    def year_ok(self, y: int, bare: bool) -> None:
        if bare and not 1900 <= y <= 2100:
            raise _Reject
        s, e = self.m.start(), self.m.end()
        # 9.2 / 1,500 / 2000%: part of a number, not a year.
        if _NUM_BEFORE_RE.search(self.norm, max(0, s - 2), s) or _NUM_AFTER_RE.match(self.norm, e):
            raise _Reject
        if not bare:
            return
        prev_word = _prev_word(self.norm, s)
        if prev_word in self.lx.amount_before:
            raise _Reject
        if prev_word in self.lx.year_before:
            return
        nxt = re.match(r"\s*(\w+)", self.norm[e:])
        if nxt is not None and not nxt.group(1).isdigit() and nxt.group(1) not in self.lx.year_followers:
            raise _Reject
        if nxt is not None and nxt.group(1).isdigit():
            raise _Reject

    def resolve(self) -> tuple[str | Interval | None, Granularity]:
        kind = self.m.lastgroup
        a = self.anchor
        if kind == "paired":
            v, full = self.gdate_value("g")
            if full is None and (hijri := self.hdate_value("h")) is not None:
                # The Hijri half carries the year the Gregorian half left out.
                return hijri.isoformat(), "day"
            return v, "day"
        if kind == "range_days":
            return self.range_days(), "range"
        if kind == "range_months":
            m1, m2 = self.gmonth("c_m"), self.gmonth("em")
            y2 = self.num("ey")
            y1 = self.num("c_y")
            assert m1 is not None and m2 is not None and y2 is not None
            if y1 is None:
                y1 = y2 if m1 <= m2 else y2 - 1
            return Interval(start=f"{y1:04d}-{m1:02d}", end=f"{y2:04d}-{m2:02d}"), "range"
        if kind == "range_years":
            y1, y2 = self.num("f_y"), self.num("g_y")
            assert y1 is not None and y2 is not None
            if not (1900 <= y1 < y2 <= 2100):
                raise _Reject
            return Interval(start=str(y1), end=str(y2)), "range"
        if kind == "until":
            if self.g("ud") is not None:
                end, _ = self.gdate_value("u")
            elif self.g("vm") is not None:
                end = f"{self.num('vy'):04d}-{self.gmonth('vm'):02d}"
            else:
                y = self.num("wy")
                assert y is not None
                self.year_ok(y, bare=False)
                end = str(y)
            return Interval(start=None, end=end), "range"
        if kind == "hdate":
            got = self.hdate_value("i")
            return (got.isoformat() if got else None), "day"
        if kind == "gdate":
            v, _ = self.gdate_value("j")
            return v, "day"
        if kind == "numeric":
            if self.g("n_d") is not None:
                d, mo, y = self.num("n_d"), self.num("n_m"), self.num("n_y")
            else:
                d, mo, y = self.num("o_d"), self.num("o_m"), self.num("o_y")
            assert d is not None and mo is not None and y is not None
            full = _safe_date(y, mo, d)
            if full is None:
                raise _Reject
            return full.isoformat(), "day"
        if kind == "month_year":
            return f"{self.num('ky'):04d}-{self.gmonth('km'):02d}", "month"
        if kind == "hmonth_year":
            y = self.num("l_y")
            assert y is not None
            return _hijri_month_interval(y, self.lx.hmonths[_key(self.g("l_m") or "")]), "month"
        if kind in ("month_rel", "month_bare"):
            mo = self.gmonth("p_m") or self.gmonth("q_m") or self.gmonth("q_m2")
            assert mo is not None
            if a is None:
                return f"XXXX-{mo:02d}", "month"
            return _month_closest(mo, a, self.shift("p_rel")), "month"
        if kind == "hyear":
            y = self.num("s_y")
            assert y is not None
            return _hijri_year_interval(y), "year"
        if kind == "year":
            y = self.num("ty")
            assert y is not None
            self.year_ok(y, bare=self.g("tyw") is None and not (self.g("tys") or "").strip())
            return str(y), "year"
        if kind == "rel_period":
            return self.rel_period()
        if kind == "rel_day":
            if (
                self.g("z_rel") == "اليوم"
                and _next_word(self.norm, self.m.end()) in self.lx.not_today_followers
            ):
                raise _Reject
            offset = self.lx.rel_days[_key(self.g("z_rel") or "")]
            night = (self.g("z_rel") or "").startswith("الليله")
            gran: Granularity = "part_of_day" if self.g("z_pod") or night else "day"
            day = _add_days(a, offset) if a else None
            return (day.isoformat() if day else None), gran
        if kind == "weekday":
            return self.weekday()
        raise _Reject  # pragma: no cover - every alternative is handled above

    def range_days(self) -> Interval:
        d1, m1, y1 = self.num("a_d"), self.gmonth("a_m"), self.num("a_y")
        end, end_date = self.gdate_value("b")
        m2, y2, d2 = self.gmonth("bm"), self.num("by"), self.num("bd")
        assert d1 is not None and m2 is not None and d2 is not None
        m1 = m1 or m2
        if not 1 <= d1 <= 31 or _safe_date(2000, m1, d1) is None:
            raise _Reject
        if y1 is None and end_date is not None:
            y1 = end_date.year if (m1, d1) <= (m2, d2) else end_date.year - 1
        if y1 is None:
            if end is not None and end.startswith("XXXX"):
                return Interval(start=f"XXXX-{m1:02d}-{d1:02d}", end=end)
            return Interval(start=None, end=end)
        start = _safe_date(y1, m1, d1)
        if start is None or (end_date is not None and start > end_date) or (y2 is not None and y1 > y2):
            raise _Reject
        return Interval(start=start.isoformat(), end=end)

    def rel_period(self) -> tuple[str | None, Granularity]:
        unit = self.lx.rel_units[_key(self.g("x_u") or self.g("x_u2") or "")]
        shift = self.shift("x_s") or 0
        if (
            self.g("x_u") is not None
            and unit == "year"
            and _prev_word(self.norm, self.m.start()) in self.lx.general_nouns
        ):
            raise _Reject
        gran: Granularity = "week" if unit == "week" else "month" if unit == "month" else "year"
        a = self.anchor
        if a is None:
            return None, gran
        if unit == "week":
            day = _add_days(a, 7 * shift)
            return (_iso_week(day) if day else None), "week"
        if unit == "month":
            return _shift_month(a, shift), "month"
        year = a.year + shift
        return (f"{year:04d}" if _year_ok(year) else None), "year"

    def weekday(self) -> tuple[str | None, Granularity]:
        name = self.g("w_par") or self.g("w_wd") or ""
        key = _key(name)
        if (
            key in self.lx.ambiguous_weekdays
            and self.g("w_wd") is not None
            and not (self.g("w_yawm") or self.g("w_pod") or self.g("w_rel"))
        ):
            raise _Reject
        gran: Granularity = "part_of_day" if self.g("w_pod") else "day"
        if self.anchor is None:
            return None, gran
        try:
            got = _weekday_date(self.lx.weekdays[key], self.anchor, self.shift("w_rel"))
        except OverflowError:  # the Sunday after 9999-12-31
            return None, gran
        return got.isoformat(), gran


_NUM_BEFORE_RE = re.compile(r"\d[.,٫٬]$")
_NUM_AFTER_RE = re.compile(r"[.,٫٬]\d|\s*[%٪]")
_PREV_WORD_RE = re.compile(r"(\w+)\W*$")


_NEXT_WORD_RE = re.compile(r"\s*(\w+)")


def _next_word(norm: str, pos: int) -> str:
    m = _NEXT_WORD_RE.match(norm, pos)
    return m.group(1) if m else ""


def _prev_word(norm: str, pos: int) -> str:
    m = _PREV_WORD_RE.search(norm[max(0, pos - 40) : pos])
    if m is None:
        return ""
    w = m.group(1)
    # A clitic و/ف on the previous word does not change what it means here.
    return (
        w[1:]
        if len(w) > 2 and w[0] in "وف" and w[1:] in _lexicon().year_before | _lexicon().amount_before
        else w
    )


# ---------------------------------------------------------------------------
# Public API.


def _scan(nt: _Normalised, anchor: date | None) -> list[Time]:
    lx = _lexicon()
    pattern, trigger = _patterns()
    norm = nt.norm
    out: list[Time] = []
    done = 0
    for hit in trigger.finditer(norm):
        if hit.start() < done:
            continue
        # The expression may start after a clitic (و، ف، ب، ل) glued to the trigger word.
        for pos in range(hit.start(), min(hit.start() + 3, hit.end())):
            m = pattern.match(norm, pos)
            if m is not None:
                break
        else:
            continue
        try:
            value, gran = _Resolver(m, norm, anchor, lx).resolve()
        except _Reject:
            continue
        except (ValueError, OverflowError, KeyError):
            # A shape the lexicon half-knows; better no time than a wrong one.
            continue
        value = _checked(value)
        done = m.end()
        start, end = nt.span(m.start(), m.end())
        out.append(
            Time(
                id=f"t{len(out) + 1}",
                text=nt.orig[start:end],
                start=start,
                end=end,
                value=value,
                granularity=gran,
            )
        )
    return out


def find_times(text: str, anchor: date | None) -> list[Time]:
    """Every time expression in ``text``, ids ``t1``, ``t2``... in text order.

    ``anchor`` is the document date; without it relative expressions stay
    unresolved rather than being guessed.  The dateline's own date is an
    ordinary date mention and is returned like any other.
    """
    return _scan(_Normalised(text), anchor)


# How far into the story a dateline may sit: a headline and a subtitle may come first.
_DATELINE_MAX_LINES = 4
_DATELINE_MAX_PREFIX = 120
_DATELINE_MAX_CITY_WORDS = 5


def find_dateline(text: str) -> tuple[date | None, TextSpan | None]:
    """The wire-story dateline (``نور سلطان 12 سبتمبر 2020 (شينخوا)``) and its date.

    Agencies put the dateline on the first line of the body, so up to three
    short lines before it (headline, subtitle) are skipped; anything deeper is
    a quotation of the agency, not a dateline.  The span covers city to agency
    tag; the date itself, when present, is the ``Time`` from :func:`find_times`
    that lies inside it.  A dateline without a full date (``بكين (شينخوا)``, or a
    day and month without year) yields ``(None, span)``.
    """
    nt = _Normalised(text)
    agency = _agency_pattern()
    pos = 0
    seen = 0
    for line in nt.norm.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        if not line.strip():
            continue
        seen += 1
        if seen > _DATELINE_MAX_LINES:
            break
        lead = line_start + len(line) - len(line.lstrip())
        tag = agency.search(nt.norm, lead, min(pos, lead + _DATELINE_MAX_PREFIX + 40))
        if tag is None or tag.start() - lead > _DATELINE_MAX_PREFIX:
            bare = _bare_dateline(text, nt, lead, line_start + len(line.rstrip()))
            if bare is not None:
                return bare
            continue
        if tag.start() == lead:
            continue  # a bare agency tag with no city is a byline, not a dateline
        ps, pe = nt.span(lead, tag.start())
        times = [t for t in _scan(_Normalised(text[:pe]), None) if t.start >= ps]
        city = _fold(text[ps : times[0].start if times else pe])
        words = re.sub(r"[\d\W]+", " ", city).split()
        if not words or len(words) > _DATELINE_MAX_CITY_WORDS:
            continue
        s, e = nt.span(lead, tag.end())
        span = TextSpan(text=text[s:e], start=s, end=e)
        for t in times:
            if t.granularity == "day" and isinstance(t.value, str) and _ISO_DAY_RE.fullmatch(t.value):
                return date.fromisoformat(t.value), span
        return None, span
    return None, None


_ISO_DAY_RE = re.compile(r"\d{4}-\d\d-\d\d")


def _full_day(times: list[Time]) -> date | None:
    for t in times:
        if t.granularity == "day" and isinstance(t.value, str) and _ISO_DAY_RE.fullmatch(t.value):
            return date.fromisoformat(t.value)
    return None


def _bare_dateline(
    text: str, nt: _Normalised, lead: int, line_end: int
) -> tuple[date | None, TextSpan] | None:
    """A dateline whose agency code has no brackets (see :func:`_bare_agency_patterns`), on the
    line ``nt.norm[lead:line_end]``; None when the line does not open with one.

    The code must end the dateline: at the end of the line, or set off by a colon or dash. With
    no date before it, a dash or colon must separate it from the city (``الرياض ـ واس``), so a
    headline that merely ends with a word like ``سبأ`` is not read as a dateline.
    """
    trailing, leading = _bare_agency_patterns()
    norm = nt.norm
    m = leading.match(norm, lead, line_end)
    if m is not None:
        ps, pe = nt.span(m.start("sep"), m.end("sep"))
        if any(c in _DASHES for c in text[ps:pe]) or m.group("post") == ":":
            s, e = nt.span(lead, m.end("city"))
            return None, TextSpan(text=text[s:e], start=s, end=e)
    m = trailing.match(norm, lead, line_end)
    if m is None or m.start("ag") == lead or m.start("ag") - lead > _DATELINE_MAX_PREFIX:
        return None
    ps, pe = nt.span(lead, m.start("sep"))
    if pe <= ps:
        return None
    times = [t for t in _scan(_Normalised(text[:pe]), None) if t.start >= ps]
    city_end = times[0].start if times else pe
    if times and text[times[-1].end : pe].strip(" \t،,"):
        return None  # words between the date and the code: a sentence, not a dateline
    words = re.sub(r"[\d\W]+", " ", _fold(text[ps:city_end])).split()
    if not words or len(words) > _DATELINE_MAX_CITY_WORDS:
        return None
    ss, se = nt.span(m.start("sep"), m.end("sep")) if m.end("sep") > m.start("sep") else (pe, pe)
    separated = any(c in _DASHES + ":" for c in text[ss:se]) or m.group("post").strip(" \t.") != ""
    if not times and not separated:
        return None
    if not times and len(words) > 3:
        return None
    s, e = nt.span(lead, m.end("ag"))
    return _full_day(times), TextSpan(text=text[s:e], start=s, end=e)


def document_date(text: str, given: date | str | None) -> date | None:
    """The anchor for relative expressions: the caller's date wins over the dateline.

    The caller usually knows the publication date better than the text does
    (datelines are sometimes stale or missing), so ``given`` is never second-guessed.
    """
    if isinstance(given, datetime):
        return given.date()
    if isinstance(given, date):
        return given
    if isinstance(given, str):
        try:
            return date.fromisoformat(given.strip())
        except ValueError:
            msg = f"document date must be an ISO date like '2020-09-12', got {given!r}"
            raise ValueError(msg) from None
    if given is not None:
        msg = f"document date must be a date, an ISO string or None, got {type(given).__name__}"
        raise ValueError(msg)
    return find_dateline(text)[0]


def governing_time(
    times: list[Time],
    trigger_start: int,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    dateline: Time | None,
) -> Time | None:
    """The time a trigger is most likely dated by: nearest in its clause, else in its sentence.

    The dateline's date is excluded from both searches: it dates the story, not
    the event, and the caller decides whether to fall back to it (that is why
    it is passed in).  Ties go to the expression after the trigger, since
    Arabic news puts the time after the verb (``التقى ... يوم الأربعاء``).
    """

    def nearest(lo: int, hi: int) -> Time | None:
        best: tuple[int, int, Time] | None = None
        for t in times:
            if dateline is not None and (t.start, t.end) == (dateline.start, dateline.end):
                continue
            if t.start < lo or t.end > hi:
                continue
            if t.start <= trigger_start < t.end:
                dist = 0
            else:
                dist = min(abs(t.start - trigger_start), abs(t.end - trigger_start))
            key = (dist, 0 if t.start >= trigger_start else 1)
            if best is None or key < best[:2]:
                best = (*key, t)
        return best[2] if best else None

    return nearest(*clause) or nearest(*sentence)
