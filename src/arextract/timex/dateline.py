"""The wire-story dateline (``نور سلطان 12 سبتمبر 2020 (شينخوا)``, ``الرياض - واس:``) and the
document date it gives: the anchor of every relative expression."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from arextract.schema import TextSpan, Time
from arextract.text.normalize import Normalized, fold, normalize
from arextract.timex.expressions import folded, original_span, scan
from arextract.timex.lexicon import lexicon

# How far into the story a dateline may sit: a headline and a subtitle may come first.
_DATELINE_MAX_LINES = 4
_DATELINE_MAX_PREFIX = 120
_DATELINE_MAX_CITY_WORDS = 5

# Dashes that separate a dateline's city from a bare agency code (the tatweel-dash ـ is
# dropped by the normalisation, so it is looked for in the original text).
_DASHES = "-–—ـ"
_DASH_CLASS = r"\-–—ـ"

_ISO_DAY_RE = re.compile(r"\d{4}-\d\d-\d\d")


def _agency_alternation() -> str:
    """The agency codes, longest first; the letters of an initialism (``أ ف ب``, ``د.ب.أ``) may
    be written with spaces, dots or neither."""
    alts = []
    for a in sorted(set(lexicon().agencies), key=len, reverse=True):
        parts = a.replace(".", " ").split()
        sep = r"[\s.]*" if all(len(p) == 1 for p in parts) else r"\s+"
        alts.append(sep.join(re.escape(p) for p in parts) + (r"\.?" if sep != r"\s+" else ""))
    return "|".join(alts)


@cache
def _agency_pattern() -> re.Pattern[str]:
    """A bracketed agency tag, on the folded text: ``(شينخوا)``, ``/واس/``."""
    return re.compile(rf"[(/]\s*(?:وكاله\s+)?(?:{_agency_alternation()})\s*[)/]")


@cache
def _bare_agency_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Datelines whose agency code stands without brackets, on the normalised text.

    * trailing: ``جدة 3 رمضان 1437هـ الموافق 8 يونيو 2016م واس`` (the code ends the line, or
      the story runs on after it on the same line: a date right before the code sets it off)
      and ``الرياض - واس: ...`` / ``الرياض ـ واس`` (a dash or a colon sets it off);
    * leading: ``سبق- الرياض: ...`` / ``واس – الرياض`` (code, dash, city, then a colon or the
      end of the line).
    """
    ag = _agency_alternation()
    trailing = re.compile(
        rf"(?P<pre>[^\n]*?)(?P<sep>[\s{_DASH_CLASS}:]*)(?<!\w)(?:وكاله\s+)?(?P<ag>{ag})(?!\w)"
        rf"(?P<post>[ \t]*(?:[:{_DASH_CLASS}]+|\.?[ \t]*(?=\n|$))|[ \t]+(?=\S))"
    )
    leading = re.compile(
        rf"(?:وكاله\s+)?(?P<ag>{ag})(?P<sep>[ \t]*[{_DASH_CLASS}][ \t]*|[ \t]+)"
        rf"(?P<city>[^\W\d]+(?:[ \t]+[^\W\d]+){{0,2}})[ \t]*(?P<post>:|[{_DASH_CLASS}]+|(?=\n|$))"
    )
    return trailing, leading


def _full_day(times: list[Time]) -> date | None:
    """The first time of ``times`` that is one whole day."""
    for t in times:
        if t.granularity == "day" and isinstance(t.value, str) and _ISO_DAY_RE.fullmatch(t.value):
            return date.fromisoformat(t.value)
    return None


def _city_words(text: str) -> list[str]:
    """The words of a dateline's city part, without digits and punctuation."""
    return re.sub(r"[\d\W]+", " ", fold(text)).split()


def find_dateline(text: str) -> tuple[date | None, TextSpan | None]:
    """The wire-story dateline (``نور سلطان 12 سبتمبر 2020 (شينخوا)``) and its date.

    Agencies put the dateline on the first line of the body, so up to three
    short lines before it (headline, subtitle) are skipped; anything deeper is
    a quotation of the agency, not a dateline.  The span covers city to agency
    tag; the date itself, when present, is the ``Time`` from :func:`find_times`
    that lies inside it.  A dateline without a full date (``بكين (شينخوا)``, or a
    day and month without year) yields ``(None, span)``.
    """
    nt = folded(text)
    agency = _agency_pattern()
    pos = 0
    seen = 0
    for line in nt.text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        if not line.strip():
            continue
        seen += 1
        if seen > _DATELINE_MAX_LINES:
            break
        lead = line_start + len(line) - len(line.lstrip())
        tag = agency.search(nt.text, lead, min(pos, lead + _DATELINE_MAX_PREFIX + 40))
        if tag is None or tag.start() - lead > _DATELINE_MAX_PREFIX:
            bare = _bare_dateline(nt, lead, line_start + len(line.rstrip()))
            if bare is not None:
                return bare
            continue
        if tag.start() == lead:
            continue  # a bare agency tag with no city is a byline, not a dateline
        ps, pe = original_span(nt, lead, tag.start())
        times = [t for t in scan(normalize(text[:pe]), None) if t.start >= ps]
        words = _city_words(text[ps : times[0].start if times else pe])
        if not words or len(words) > _DATELINE_MAX_CITY_WORDS:
            continue
        s, e = original_span(nt, lead, tag.end())
        return _full_day(times), TextSpan(text=text[s:e], start=s, end=e)
    return None, None


def _bare_dateline(nt: Normalized, lead: int, line_end: int) -> tuple[date | None, TextSpan] | None:
    """A dateline whose agency code has no brackets (see :func:`_bare_agency_patterns`), on the
    line ``nt.text[lead:line_end]``; None when the line does not open with one.

    The code must end the dateline: at the end of the line, or set off by a colon or dash. With
    no date before it, a dash or colon must separate it from the city (``الرياض ـ واس``), so a
    headline that merely ends with a word like ``سبأ`` is not read as a dateline.
    """
    trailing, leading = _bare_agency_patterns()
    text, norm = nt.original, nt.text
    m = leading.match(norm, lead, line_end)
    if m is not None:
        ps, pe = original_span(nt, m.start("sep"), m.end("sep"))
        if any(c in _DASHES for c in text[ps:pe]) or m.group("post") == ":":
            s, e = original_span(nt, lead, m.end("city"))
            return None, TextSpan(text=text[s:e], start=s, end=e)
    m = trailing.match(norm, lead, line_end)
    if m is None or m.start("ag") == lead or m.start("ag") - lead > _DATELINE_MAX_PREFIX:
        return None
    ps, pe = original_span(nt, lead, m.start("sep"))
    if pe <= ps:
        return None
    times = [t for t in scan(normalize(text[:pe]), None) if t.start >= ps]
    city_end = times[0].start if times else pe
    if times and text[times[-1].end : pe].strip(" \t،,"):
        return None  # words between the date and the code: a sentence, not a dateline
    has_sep = m.end("sep") > m.start("sep")
    ss, se = original_span(nt, m.start("sep"), m.end("sep")) if has_sep else (pe, pe)
    dashed = any(c in _DASHES for c in text[ss:se])
    # The story runs on after the code on the same line: only a date, or a dash before an
    # agency's own code, sets it off ("جدة - واس استقبل", "دمشق-سانا أكد"); a generic source
    # does not ("الرياض - خاص بالتعاون مع الوزارة").
    runs_on = not m.group("post").strip() and m.end() < line_end
    if not times and runs_on and (not dashed or m.group("ag") in lexicon().generic_sources):
        return None
    words = _city_words(text[ps:city_end])
    if not words or len(words) > _DATELINE_MAX_CITY_WORDS:
        return None
    separated = dashed or ":" in text[ss:se] or m.group("post").strip(" \t.") != ""
    if not times and not separated:
        return None
    if not times and len(words) > 3:
        return None
    s, e = original_span(nt, lead, m.end("ag"))
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
