"""From one match of the expression pattern to its value and granularity.

A match whose shape looks like a time but is not one (an amount ``2000 شخص``, an impossible
``31 فبراير``, ``عام`` after a general noun) raises :class:`Reject` and is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from hijridate import Gregorian

from arextract.schema import Granularity, Interval
from arextract.text.clitics import CONJUNCTION_LETTERS
from arextract.timex.dates import (
    add_days,
    closest,
    hijri_month_interval,
    hijri_to_date,
    hijri_year_interval,
    iso_week,
    month_closest,
    safe_date,
    shift_month,
    weekday_date,
    year_ok,
)
from arextract.timex.lexicon import Lexicon, key, lexicon

# Hijri years from 1340 AH (1921) read without هـ; up to the document's year, or with no
# document date up to the end of this release's year, 1448 AH (fixed, so output never depends
# on the day it runs; "فتح القسطنطينية عام 1453" stays Gregorian).
_FIRST_MODERN_HIJRI_YEAR = 1340
_LATEST_ANCHOR = date(2026, 12, 31)

Value = tuple[str | Interval | None, Granularity]

_NUM_BEFORE_RE = re.compile(r"\d[.,٫٬]$")
_NUM_AFTER_RE = re.compile(r"[.,٫٬]\d|\s*[%٪]")
_PREV_WORD_RE = re.compile(r"(\w+)\W*$")
_NEXT_WORD_RE = re.compile(r"\s*(\w+)")


class Reject(Exception):
    """The match looked like a time but is not one (an amount, an impossible date...)."""


def next_word(norm: str, pos: int) -> str:
    """The word after ``pos`` in the folded text ("" at the end)."""
    m = _NEXT_WORD_RE.match(norm, pos)
    return m.group(1) if m else ""


def prev_word(norm: str, pos: int) -> str:
    """The word before ``pos`` in the folded text, without a clitic و/ف when the bare word is a
    context word (``وفي 2021``)."""
    m = _PREV_WORD_RE.search(norm[max(0, pos - 40) : pos])
    if m is None:
        return ""
    w = m.group(1)
    # A clitic و/ف on the previous word does not change what it means here.
    return (
        w[1:]
        if len(w) > 2
        and w[0] in CONJUNCTION_LETTERS
        and w[1:] in lexicon().year_before | lexicon().amount_before
        else w
    )


class Resolver:
    """Turns one match into (value, granularity); raises Reject to drop it."""

    def __init__(self, m: re.Match[str], norm: str, anchor: date | None, lx: Lexicon) -> None:
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
        return self.lx.gmonths[key(v)] if v is not None else None

    def shift(self, name: str) -> int | None:
        v = self.m.group(name)
        return self.lx.shifts[key(v)] if v is not None else None

    def gdate_value(self, p: str) -> tuple[str | None, date | None]:
        """ISO value of a day-month(-year) under prefix ``p``, plus the date when fully known."""
        d, mo, y = self.num(f"{p}d"), self.gmonth(f"{p}m"), self.num(f"{p}y")
        assert d is not None and mo is not None
        if not 1 <= d <= 31:
            raise Reject
        if y is not None:
            full = safe_date(y, mo, d)
            if full is None:
                raise Reject
            return full.isoformat(), full
        if safe_date(2000, mo, d) is None:  # 2000 is a leap year: only truly impossible days fail.
            raise Reject
        if self.anchor is None:
            return f"XXXX-{mo:02d}-{d:02d}", None
        got = closest(
            mo, d, self.anchor, self.shift(f"{p}rel") if f"{p}rel" in self.m.re.groupindex else None
        )
        return (got.isoformat(), got) if got else (None, None)

    def hdate_value(self, p: str) -> date | None:
        d, mo, y = self.num(f"{p}d"), self.lx.hmonths[key(self.g(f"{p}m") or "")], self.num(f"{p}y")
        assert d is not None
        if not 1 <= d <= 30:
            raise Reject
        if y is None:
            anchor = self.anchor
            if anchor is None:
                return None
            hy = Gregorian(anchor.year, anchor.month, anchor.day).to_hijri().year
            cands = [c for c in (hijri_to_date(hy + k, mo, d) for k in (-1, 0, 1)) if c]
            return min(cands, key=lambda c: abs((c - anchor).days)) if cands else None
        return hijri_to_date(y, mo, d)

    def check_year(self, y: int, bare: bool) -> None:
        """Reject a year that is part of a number, or a bare number that is an amount."""
        if bare and not 1900 <= y <= 2100:
            raise Reject
        s, e = self.m.start(), self.m.end()
        # 9.2 / 1,500 / 2000%: part of a number, not a year.
        if _NUM_BEFORE_RE.search(self.norm, max(0, s - 2), s) or _NUM_AFTER_RE.match(self.norm, e):
            raise Reject
        if not bare:
            return
        before = prev_word(self.norm, s)
        if before in self.lx.amount_before:
            raise Reject
        if before in self.lx.year_before:
            return
        following = next_word(self.norm, e)
        if following and (following.isdigit() or following not in self.lx.year_followers):
            raise Reject

    def resolve(self) -> Value:
        kind = self.m.lastgroup
        handler = _HANDLERS.get(kind or "")
        if handler is None:  # pragma: no cover - every alternative has a handler
            raise Reject
        return handler(self)

    # -- one method per alternative of the pattern (see patterns.py)

    def paired(self) -> Value:
        v, full = self.gdate_value("g")
        if full is None and (hijri := self.hdate_value("h")) is not None:
            # The Hijri half carries the year the Gregorian half left out.
            return hijri.isoformat(), "day"
        return v, "day"

    def range_days(self) -> Value:
        d1, m1, y1 = self.num("a_d"), self.gmonth("a_m"), self.num("a_y")
        end, end_date = self.gdate_value("b")
        m2, y2, d2 = self.gmonth("bm"), self.num("by"), self.num("bd")
        assert d1 is not None and m2 is not None and d2 is not None
        m1 = m1 or m2
        if not 1 <= d1 <= 31 or safe_date(2000, m1, d1) is None:
            raise Reject
        if y1 is None and end_date is not None:
            y1 = end_date.year if (m1, d1) <= (m2, d2) else end_date.year - 1
        if y1 is None:
            if end is not None and end.startswith("XXXX"):
                return Interval(start=f"XXXX-{m1:02d}-{d1:02d}", end=end), "range"
            return Interval(start=None, end=end), "range"
        start = safe_date(y1, m1, d1)
        if start is None or (end_date is not None and start > end_date) or (y2 is not None and y1 > y2):
            raise Reject
        return Interval(start=start.isoformat(), end=end), "range"

    def range_months(self) -> Value:
        m1, m2 = self.gmonth("c_m"), self.gmonth("em")
        y2 = self.num("ey")
        y1 = self.num("c_y")
        assert m1 is not None and m2 is not None and y2 is not None
        if y1 is None:
            y1 = y2 if m1 <= m2 else y2 - 1
        return Interval(start=f"{y1:04d}-{m1:02d}", end=f"{y2:04d}-{m2:02d}"), "range"

    def range_years(self) -> Value:
        y1, y2 = self.num("f_y"), self.num("g_y")
        assert y1 is not None and y2 is not None
        if not (1900 <= y1 < y2 <= 2100):
            raise Reject
        return Interval(start=str(y1), end=str(y2)), "range"

    def until(self) -> Value:
        if self.g("ud") is not None:
            end, _ = self.gdate_value("u")
        elif self.g("vm") is not None:
            end = f"{self.num('vy'):04d}-{self.gmonth('vm'):02d}"
        else:
            y = self.num("wy")
            assert y is not None
            self.check_year(y, bare=False)
            end = str(y)
        return Interval(start=None, end=end), "range"

    def hdate(self) -> Value:
        got = self.hdate_value("i")
        return (got.isoformat() if got else None), "day"

    def gdate(self) -> Value:
        v, _ = self.gdate_value("j")
        return v, "day"

    def numeric(self) -> Value:
        if self.g("n_d") is not None:
            d, mo, y = self.num("n_d"), self.num("n_m"), self.num("n_y")
        else:
            d, mo, y = self.num("o_d"), self.num("o_m"), self.num("o_y")
        assert d is not None and mo is not None and y is not None
        full = safe_date(y, mo, d)
        if full is None:
            raise Reject
        return full.isoformat(), "day"

    def month_year(self) -> Value:
        return f"{self.num('ky'):04d}-{self.gmonth('km'):02d}", "month"

    def hmonth_year(self) -> Value:
        y = self.num("l_y")
        assert y is not None
        return hijri_month_interval(y, self.lx.hmonths[key(self.g("l_m") or "")]), "month"

    def month(self) -> Value:
        mo = self.gmonth("p_m") or self.gmonth("q_m") or self.gmonth("q_m2")
        assert mo is not None
        if self.anchor is None:
            return f"XXXX-{mo:02d}", "month"
        return month_closest(mo, self.anchor, self.shift("p_rel")), "month"

    def hyear(self) -> Value:
        y = self.num("s_y")
        assert y is not None
        return hijri_year_interval(y), "year"

    def year(self) -> Value:
        y = self.num("ty")
        assert y is not None
        gregorian_mark = bool((self.g("tys") or "").strip())
        self.check_year(y, bare=self.g("tyw") is None and not gregorian_mark)
        if not gregorian_mark and self._recent_hijri_year(y):
            # "زار المنطقة عام ١٤٠٦": a Saudi paper's Hijri year written without هـ
            return hijri_year_interval(y), "year"
        return str(y), "year"

    def _recent_hijri_year(self, y: int) -> bool:
        """A year word and a number from 1340 to the document's Hijri year (+1) name a Hijri
        year: Gregorian years 1340-1460 are the Middle Ages, rare in news, while the Hijri
        years of the last century are common in Gulf papers (1340 AH is 1921)."""
        current = Gregorian(*(self.anchor or _LATEST_ANCHOR).timetuple()[:3]).to_hijri().year
        return _FIRST_MODERN_HIJRI_YEAR <= y <= current + 1

    def rel_period(self) -> Value:
        unit = self.lx.rel_units[key(self.g("x_u") or self.g("x_u2") or "")]
        shift = self.shift("x_s") or 0
        if (
            self.g("x_u") is not None
            and unit == "year"
            and prev_word(self.norm, self.m.start()) in self.lx.general_nouns
        ):
            raise Reject
        gran: Granularity = "week" if unit == "week" else "month" if unit == "month" else "year"
        a = self.anchor
        if a is None:
            return None, gran
        if unit == "week":
            day = add_days(a, 7 * shift)
            return (iso_week(day) if day else None), "week"
        if unit == "month":
            return shift_month(a, shift), "month"
        year = a.year + shift
        return (f"{year:04d}" if year_ok(year) else None), "year"

    def rel_day(self) -> Value:
        if self.g("z_rel") == "اليوم" and next_word(self.norm, self.m.end()) in self.lx.not_today_followers:
            raise Reject
        offset = self.lx.rel_days[key(self.g("z_rel") or "")]
        night = (self.g("z_rel") or "").startswith("الليله")
        gran: Granularity = "part_of_day" if self.g("z_pod") or night else "day"
        day = add_days(self.anchor, offset) if self.anchor else None
        return (day.isoformat() if day else None), gran

    def weekday(self) -> Value:
        name = self.g("w_par") or self.g("w_wd") or ""
        k = key(name)
        if (
            k in self.lx.ambiguous_weekdays
            and self.g("w_wd") is not None
            and not (self.g("w_yawm") or self.g("w_pod") or self.g("w_rel"))
        ):
            raise Reject
        gran: Granularity = "part_of_day" if self.g("w_pod") else "day"
        if self.anchor is None:
            return None, gran
        try:
            got = weekday_date(self.lx.weekdays[k], self.anchor, self.shift("w_rel"))
        except OverflowError:  # the Sunday after 9999-12-31
            return None, gran
        return got.isoformat(), gran


# The alternative a match took (its ``lastgroup``) -> the method that reads its value.
_HANDLERS: dict[str, Callable[[Resolver], Value]] = {
    "paired": Resolver.paired,
    "range_days": Resolver.range_days,
    "range_months": Resolver.range_months,
    "range_years": Resolver.range_years,
    "until": Resolver.until,
    "hdate": Resolver.hdate,
    "gdate": Resolver.gdate,
    "numeric": Resolver.numeric,
    "month_year": Resolver.month_year,
    "hmonth_year": Resolver.hmonth_year,
    "month_rel": Resolver.month,
    "month_bare": Resolver.month,
    "hyear": Resolver.hyear,
    "year": Resolver.year,
    "rel_period": Resolver.rel_period,
    "rel_day": Resolver.rel_day,
    "weekday": Resolver.weekday,
}
