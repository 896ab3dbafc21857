"""Time expressions in Arabic news: find them, normalise them, anchor them.

Conventions (the contract other stages rely on):

* Offsets always point into the original text.  Matching runs on the folded
  copy of :mod:`arextract.text.normalize` (diacritics, tatweel and bidi marks
  dropped; alef variants, ى, ة, hamza carriers and Arabic-Indic/Persian digits
  folded) and every match is mapped back through its offset map, so
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

The package: :mod:`.lexicon` (``data/timex.toml``, folded), :mod:`.patterns` (the one
expression pattern), :mod:`.resolve` (a match to its value) with the calendar arithmetic of
:mod:`.dates`, :mod:`.expressions` (:func:`find_times`), :mod:`.dateline` (:func:`find_dateline`,
:func:`document_date`) and :mod:`.governing` (:func:`governing_time`).
"""

from __future__ import annotations

from arextract.timex.dateline import document_date, find_dateline
from arextract.timex.expressions import find_times
from arextract.timex.governing import governing_time
from arextract.timex.lexicon import month_number

__all__ = ["document_date", "find_dateline", "find_times", "governing_time", "month_number"]
