"""Trigger words: every rule's triggers with their derived forms, found at a token.

A verb trigger also matches with the future prefix (يزور -> سيزور); a noun trigger with the
article (زيارة -> الزيارة) and with a possessive pronoun (زيارة -> زيارته، زيارتها), whose
owner is then the doer. Proclitics on the first word are read through the clitic inventory.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from arextract.relations.rules import Rule
from arextract.schema import Token
from arextract.text.clitics import CONJUNCTIONS, POSSESSIVE_SUFFIXES, clitic_readings
from arextract.text.normalize import fold

_IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")


@dataclass(frozen=True)
class TriggerForm:
    rule: Rule
    possessive: bool  # a noun with a possessive pronoun: the doer is the actor
    future: bool  # a verb with the future prefix سـ


@dataclass
class TriggerMatch:
    first: int  # token indices, inclusive
    last: int
    forms: list[TriggerForm]
    offset: int  # folded characters of proclitics on the first token (وقال -> 1)

    def stem(self, tokens: Sequence[Token]) -> str:
        """The first trigger word, folded, without its proclitics (وقال -> قال)."""
        return tokens[self.first].norm[self.offset :]


class TriggerIndex:
    """Folded trigger token sequences -> the rules they trigger, with derived forms."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self._forms: dict[tuple[str, ...], list[TriggerForm]] = {}
        for rule in rules:
            for trigger in rule.triggers:
                words = tuple(fold(word) for word in trigger.split())
                # (a verb whose pronoun a "previous" slot fills has it as its object: "واستقبله X")
                owned = _has_possessive(trigger.split()[0]) and not (
                    rule.pos == "verb" and any(slot.find == "previous" for slot in rule.slots)
                )
                self._add(words, TriggerForm(rule, possessive=owned, future=False))
                head, rest = words[0], words[1:]
                if rule.pos == "noun":
                    if rule.with_article and not head.startswith("ال"):
                        self._add(("ال" + head, *rest), TriggerForm(rule, False, False))
                    stem = head[:-1] + "ت" if head.endswith("ه") else head
                    for suffix in POSSESSIVE_SUFFIXES:
                        self._add((stem + suffix, *rest), TriggerForm(rule, True, False))
                elif head.startswith(_IMPERFECT_PREFIXES):
                    self._add(("س" + head, *rest), TriggerForm(rule, False, True))
        self._longest: dict[str, int] = {}
        for key in self._forms:
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))

    def _add(self, key: tuple[str, ...], form: TriggerForm) -> None:
        forms = self._forms.setdefault(key, [])
        if all(existing.rule.id != form.rule.id for existing in forms):
            forms.append(form)

    def match(self, tokens: Sequence[Token], position: int, end: int) -> TriggerMatch | None:
        """The longest trigger starting at token ``position`` and ending before ``end``."""
        best: TriggerMatch | None = None
        for reading in clitic_readings(tokens[position].norm):
            longest = self._longest.get(reading.stem, 0)
            for length in range(min(longest, end - position), 0, -1):
                key = (reading.stem, *(t.norm for t in tokens[position + 1 : position + length]))
                forms = self._forms.get(key)
                if forms is not None and reading.proclitic.strip("".join(CONJUNCTIONS)):
                    # a verb takes only و/ف before it: "بحث" is not ب + "حث"
                    forms = [form for form in forms if form.rule.pos == "noun"] or None
                if forms is not None:
                    if best is None or length > best.last - best.first + 1:
                        best = TriggerMatch(position, position + length - 1, forms, reading.offset)
                    break
        return best


def _has_possessive(word: str) -> bool:
    return len(word) > 4 and word.endswith(POSSESSIVE_SUFFIXES) and not word.endswith("اه")
