"""Trigger words: every rule's triggers with their derived forms, found at a token.

A verb trigger also matches with the future prefix (يزور -> سيزور); a noun trigger with the
article (زيارة -> الزيارة) and with a possessive pronoun (زيارة -> زيارته، زيارتها), whose
owner is then the doer. Proclitics on the first word are read through the clitic inventory.

The doer of a relation said of two (:data:`DUAL_TYPES`) may be a dual: the verb's dual
(أكد -> أكدا، يؤكد -> يؤكدان) and the noun's dual pronoun (دعم -> دعمهما) are forms of the
trigger marked ``dual``, whose doers are the two people named before (:mod:`.pairs`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

from arextract.relations.rules import Rule
from arextract.schema import RelationType, Token
from arextract.text.clitics import CONJUNCTIONS, POSSESSIVE_SUFFIXES, clitic_readings, reading_begins_phrase
from arextract.text.normalize import fold

_IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
# the relations whose doer may be two people told of together ("وأكدا"، "اتفقا"، "دعمهما");
# meetings and calls take their two participants through relations.pairs.persons_for_duals
DUAL_TYPES = frozenset({RelationType.STATEMENT, RelationType.AGREEMENT, RelationType.SUPPORT})
_DOER_ROLES = frozenset({"speaker", "party", "supporter"})
DUAL_PRONOUN = "هما"  # the dual "their": "اجتماعهما"، "دعمهما"
_FOLDED_DUAL = fold(DUAL_PRONOUN)
# meetings and calls told by a noun with the dual pronoun ("محادثاتهما"، "لقائهما"): the talks of
# the two told of before, who are its participants
_JOINT_NOUN_TYPES = frozenset({RelationType.MEETING, RelationType.PHONE_CALL})


@dataclass(frozen=True)
class TriggerForm:
    rule: Rule
    possessive: bool  # a noun with a possessive pronoun: the doer is the actor
    future: bool  # a verb with the future prefix سـ
    dual: bool = False  # a verb's dual (أكدا) or a noun's dual pronoun (دعمهما): done by two


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
                # (a listed noun with the dual pronoun, "اجتماعهما", is done by two as derived ones are)
                listed_dual = (
                    owned and rule.pos == "noun" and words[0].endswith(_FOLDED_DUAL) and _takes_dual(rule)
                )
                self._add(words, TriggerForm(rule, possessive=owned, future=False, dual=listed_dual))
                head, rest = words[0], words[1:]
                if rule.pos == "noun":
                    if rule.with_article and not head.startswith("ال"):
                        self._add(("ال" + head, *rest), TriggerForm(rule, False, False))
                    for stem in _possessive_stems(head):
                        for suffix in POSSESSIVE_SUFFIXES:
                            dual = suffix == DUAL_PRONOUN and _takes_dual(rule)
                            self._add((stem + suffix, *rest), TriggerForm(rule, True, False, dual))
                else:
                    if head.startswith(_IMPERFECT_PREFIXES):
                        self._add(("س" + head, *rest), TriggerForm(rule, False, True))
                    dual_verb = _dual_verb(head) if _takes_dual(rule) else None
                    if dual_verb is not None:
                        self._add((dual_verb, *rest), TriggerForm(rule, False, False, True))
                        if dual_verb.startswith(("ي", "ت")):
                            self._add(("س" + dual_verb, *rest), TriggerForm(rule, False, True, True))
        self._longest: dict[str, int] = {}
        for key in self._forms:
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
        self._begins_trigger = lru_cache(maxsize=1 << 16)(partial(reading_begins_phrase, self._longest))

    def _add(self, key: tuple[str, ...], form: TriggerForm) -> None:
        forms = self._forms.setdefault(key, [])
        same = [i for i, existing in enumerate(forms) if existing.rule.id == form.rule.id]
        if not same:
            forms.append(form)
        elif form.dual and not forms[same[0]].dual:
            # a dual the rule also lists ("اتفق" and "اتفقا"): done by two all the same
            forms[same[0]] = TriggerForm(form.rule, forms[same[0]].possessive, forms[same[0]].future, True)

    def match(self, tokens: Sequence[Token], position: int, end: int) -> TriggerMatch | None:
        """The longest trigger starting at token ``position`` and ending before ``end``."""
        if not self._begins_trigger(tokens[position].norm):
            return None
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


def _takes_dual(rule: Rule) -> bool:
    """Whether the rule's doer (its first slot) is the one a dual form names: the subject of a
    verb or the owner of a noun's pronoun, in a relation said of two."""
    if not rule.slots:
        return False
    doer = rule.slots[0]
    if rule.type in _JOINT_NOUN_TYPES:
        return rule.pos == "noun" and doer.role == "participant" and doer.find == "actor"
    if rule.type not in DUAL_TYPES or doer.role not in _DOER_ROLES:
        return False
    return doer.find in {"subject", "actor"} or (
        rule.pos == "noun" and doer.find == "object" and doer.window == 1
    )


def _dual_verb(head: str) -> str | None:
    """The dual of a verb in the third person masculine: أكد -> أكدا، يؤكد -> يؤكدان (``None``
    for a feminine "أكدت", a participle "مؤكدا", a verb ending in a vowel "دعا"، "نفى")."""
    if len(head) < 3 or head.endswith(("ت", "ا", "ى", "ي", "ه", "ة", "و")) or head.startswith("م"):
        return None
    return head + "ان" if head.startswith(("ي", "ت")) else head + "ا"


def _possessive_stems(head: str) -> tuple[str, ...]:
    """The folded stems a noun takes before a possessive pronoun: the ta marbuta is written ت
    (زيارة -> زيارته), and a final hamza sits on its seat, ي in the genitive or و in the
    nominative (لقاء -> "بعد لقائها الرئيس"، "وجاء لقاؤه مع"; folding keeps the seat)."""
    if head.endswith("ه"):
        return (head[:-1] + "ت",)
    if head.endswith("ء"):
        return (head, head[:-1] + "ي", head[:-1] + "و")
    return (head,)


def _has_possessive(word: str) -> bool:
    return len(word) > 4 and word.endswith(POSSESSIVE_SUFFIXES) and not word.endswith("اه")
