"""Which time expression dates an event trigger."""

from __future__ import annotations

from arextract.schema import Time


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
