"""Quotation marks of Arabic news, written once, with the subsets the stages ask about.

Arabic papers mix guillemets (قال: «نرحب»), curly quotes (“الحزام والطريق”) and the straight
ASCII quote, and some wrap an outlet's name in apostrophes ('الوطن'). The straight quote both
opens and closes, so a stage that tracks nesting counts only the paired marks."""

from __future__ import annotations

import regex

# Marks that can open a quotation: direct speech after a colon (قال: «...»), a quoted name.
OPENING = frozenset('"«“')
# Marks with a distinct closing twin, which is what nesting depth can be counted on.
PAIRED_OPENING = frozenset("«“")
PAIRED_CLOSING = frozenset("»”")
# Every quotation mark (around a name: حركة «حماس», مبادرة “الحزام والطريق”).
MARKS = OPENING | PAIRED_CLOSING
# Around an outlet's name a paper may also use apostrophes (لـ'الوطن').
MARKS_AND_APOSTROPHE = MARKS | {"'"}

MARKS_RE = regex.compile("[" + regex.escape("".join(sorted(MARKS))) + "]")
PAIRED_RE = regex.compile("[" + "".join(sorted(PAIRED_OPENING | PAIRED_CLOSING)) + "]")
