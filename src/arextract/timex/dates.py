"""Calendar arithmetic for time values: the year nearest an anchor, Hijri to Gregorian, ISO weeks,
and the guards that keep every value inside Python's date range (years 0001-9999)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hijridate import Hijri

from arextract.schema import Interval


def safe_date(y: int, m: int, d: int) -> date | None:
    """The date, or None when it does not exist (30 February)."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def closest(month: int, day: int, anchor: date, direction: int | None = None) -> date | None:
    """Year for a day-month: nearest to the anchor, or the nearest on the side ``direction`` asks for."""
    cands = [c for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (c := safe_date(y, month, day))]
    if direction is not None and direction < 0:
        cands = [c for c in cands if c < anchor]
        return max(cands) if cands else None
    if direction is not None and direction > 0:
        cands = [c for c in cands if c > anchor]
        return min(cands) if cands else None
    return min(cands, key=lambda c: abs((c - anchor).days)) if cands else None


def year_ok(year: int) -> bool:
    """Whether an ISO value can carry this year (Python dates: 1-9999)."""
    return date.min.year <= year <= date.max.year


_ISO_VALUE_RE = re.compile(r"(?:XXXX|\d{4})(?:-W\d\d|-\d\d(?:-\d\d)?)?")


def checked(value: str | Interval | None) -> str | Interval | None:
    """``value`` when every date in it is ISO with a year in 1..9999, else None (a last guard:
    the resolvers already give None where the year leaves the range)."""
    bounds = (value.start, value.end) if isinstance(value, Interval) else (value,)
    for bound in bounds:
        if bound is not None and (not _ISO_VALUE_RE.fullmatch(bound) or bound.startswith("0000")):
            return None
    return value


def month_closest(month: int, anchor: date, direction: int | None = None) -> str | None:
    """``YYYY-MM`` of a month named without year: the nearest to the anchor, or the side
    ``direction`` asks for (0: the anchor's own year, as in ``هذا الشهر``)."""
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
    return f"{y:04d}-{month:02d}" if year_ok(y) else None


def hijri_to_date(y: int, m: int, d: int) -> date | None:
    """The Gregorian date of a Hijri day, or None outside hijridate's range."""
    try:
        return date(*Hijri(y, m, d).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


def hijri_month_interval(y: int, m: int) -> Interval | None:
    """The Gregorian days of a Hijri month (``رمضان 1444 هـ``)."""
    try:
        h = Hijri(y, m, 1)
        first = date(*h.to_gregorian().datetuple())
        return Interval(
            start=first.isoformat(), end=(first + timedelta(days=h.month_length() - 1)).isoformat()
        )
    except (ValueError, OverflowError):
        return None


def hijri_year_interval(y: int) -> Interval | None:
    """The Gregorian days of a Hijri year (``عام 1445 هـ``)."""
    try:
        first = date(*Hijri(y, 1, 1).to_gregorian().datetuple())
        last = date(*Hijri(y, 12, 1).to_gregorian().datetuple()) + timedelta(
            days=Hijri(y, 12, 1).month_length() - 1
        )
        return Interval(start=first.isoformat(), end=last.isoformat())
    except (ValueError, OverflowError):
        return None


def weekday_date(weekday: int, anchor: date, direction: int | None) -> date:
    """The latest such weekday on or before the anchor; the first after it when ``direction`` > 0
    (``المقبل``), the latest strictly before it when < 0 (``الماضي``)."""
    back = (anchor.weekday() - weekday) % 7
    if direction is not None and direction > 0:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if direction is not None and direction < 0:
        return anchor - timedelta(days=back or 7)
    return anchor - timedelta(days=back)


def add_days(d: date, days: int) -> date | None:
    """``d`` plus ``days``, or None past Python's date range (غدا on 9999-12-31)."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return None


def iso_week(d: date) -> str | None:
    """``YYYY-Www`` of the ISO week holding ``d``."""
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}" if year_ok(iso[0]) else None


def shift_month(d: date, n: int) -> str | None:
    """``YYYY-MM`` of the month ``n`` months after the one holding ``d``."""
    idx = d.year * 12 + d.month - 1 + n
    return f"{idx // 12:04d}-{idx % 12 + 1:02d}" if year_ok(idx // 12) else None
