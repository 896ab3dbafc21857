"""Find every time expression of a text: fold it once, try the expression pattern where a
trigger word starts, resolve each match, map its span back to the original text."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from arextract.schema import Time
from arextract.text.normalize import Normalized, end_after_marks, normalize
from arextract.timex.dates import checked
from arextract.timex.lexicon import lexicon
from arextract.timex.patterns import expression_patterns
from arextract.timex.resolve import Reject, Resolver


@lru_cache(maxsize=4)
def folded(text: str) -> Normalized:
    """``text`` folded with its offset map. Cached: the time stage folds each document twice,
    for its dateline and for its expressions."""
    return normalize(text)


def original_span(nt: Normalized, start: int, end: int) -> tuple[int, int]:
    """The original span of ``nt.text[start:end]``, ending after the marks on its last letter."""
    o_start, o_end = nt.to_original(start, end)
    return o_start, end_after_marks(nt.original, o_end)


def scan(nt: Normalized, anchor: date | None) -> list[Time]:
    """The time expressions of a folded text, ids ``t1``, ``t2``... in text order."""
    lx = lexicon()
    pattern, trigger = expression_patterns()
    norm = nt.text
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
            value, gran = Resolver(m, norm, anchor, lx).resolve()
        except Reject:
            continue
        except (ValueError, OverflowError, KeyError):
            # A shape the lexicon half-knows; better no time than a wrong one.
            continue
        value = checked(value)
        done = m.end()
        start, end = original_span(nt, m.start(), m.end())
        out.append(
            Time(
                id=f"t{len(out) + 1}",
                text=nt.original[start:end],
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
    return scan(folded(text), anchor)
