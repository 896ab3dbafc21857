"""The time lexicon (``data/timex.toml``): month names of every calendar and region, weekdays,
relative words, and the context words that tell a year from an amount.

Every entry is folded with :func:`arextract.text.normalize.fold`, as the text is, so the
lexicon needs no spelling variants (``أبريل``/``ابريل``, ``يونيه``/``يونية``)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from arextract.text.normalize import fold


def key(words: str) -> str:
    """A folded word or phrase with its spacing made canonical: ``كانون  الثاني`` written with
    two spaces is the month ``كانون الثاني``."""
    return " ".join(words.split())


class Lexicon:
    """The folded lexicon: names mapped to their numbers, and the word lists of the context rules."""

    def __init__(self, raw: dict[str, Any]) -> None:
        def by_number(table: dict[str, list[str]]) -> dict[str, int]:
            return {key(fold(w)): int(n) for n, ws in table.items() for w in ws}

        self.gmonths = by_number(raw["gregorian_months"])
        self.hmonths = by_number(raw["hijri_months"])
        self.weekdays = by_number(raw["weekdays"])
        ctx = raw["context"]
        ambiguous = {key(fold(w)) for w in ctx["months"]["ambiguous_months"]}
        self.gmonths_plain = [w for w in self.gmonths if w not in ambiguous]
        self.ambiguous_weekdays = {key(fold(w)) for w in ctx["weekdays"]["ambiguous_weekdays"]}
        self.rel_days = {key(fold(w)): int(v) for w, v in raw["relative_days"].items()}
        self.rel_units = {key(fold(w)): str(v) for w, v in raw["relative_units"].items()}
        self.shifts = {key(fold(w)): int(v) for w, v in raw["relative_shifts"].items()}
        words = ctx["words"]
        self.this_words = [fold(w) for w in words["this_words"]]
        self.general_nouns = {fold(w) for w in words["general_nouns"]}
        self.parts_of_day = [fold(w) for w in words["parts_of_day"]]
        self.year_words = [fold(w) for w in words["year_words"]]
        self.year_before = {fold(w) for w in words["year_context_before"]}
        self.amount_before = {fold(w) for w in words["amount_context_before"]}
        self.year_followers = {fold(w) for w in words["year_followers"]}
        self.not_today_followers = {fold(w) for w in words["not_today_followers"]}
        self.agencies = [fold(w) for w in words["agencies"]]
        self.generic_sources = {fold(w) for w in words["generic_sources"]}


@cache
def lexicon() -> Lexicon:
    """The lexicon of ``data/timex.toml``, read once."""
    raw = (files("arextract") / "data" / "timex.toml").read_text(encoding="utf-8")
    return Lexicon(tomllib.loads(raw))


def month_number(word: str) -> int | None:
    """The Gregorian month a word names, in any regional spelling (``آب`` and ``أغسطس`` are 8;
    ``نيسان`` is 4), or None. The word is folded here; its spacing must be the lexicon's."""
    return lexicon().gmonths.get(fold(word))
