"""Counterpart phrases: نظيره البيلاروسي -> the Belarusian person apposed to it (نظيره
البيلاروسي ألكسندر لوكاشينكو), else the one Belarusian person of the document."""

from __future__ import annotations

from bisect import bisect_left

from arextract.coref.anchors import PhraseContext, nisba_at

APPOSED = 0.9  # the person named right after the nisba
BY_NATIONALITY = 0.7  # the one person of the document of that country


class CounterpartPhrases:
    """Resolves counterpart words (نظيره، نظيرتها) followed by a nisba to a person."""

    def __init__(self, context: PhraseContext) -> None:
        self.kb, self.lex, self.state = context.kb, context.lex, context.state
        self.forms = context.forms.counterpart
        self.persons = context.persons
        self._by_country: dict[str, set[str]] | None = None  # built on the first نظيره

    def resolve(self, index: int) -> None:
        """Add the person a counterpart word at token ``index`` refers to, if one is found."""
        state = self.state
        entry = nisba_at(self.kb, state, index + 1)
        if entry is None or entry.kb_id is None:
            return
        nisba_token = state.tokens[index + 1]
        key, confidence = self._apposed(index + 1)
        if key is None:
            same = self._persons_of(entry.kb_id)
            if len(same) == 1:
                key, confidence = next(iter(same)), BY_NATIONALITY
        if key is None:
            return
        start = state.surface_start(index, self.forms[state.tokens[index].norm][1])
        state.add_coreference(start, nisba_token.end, key, confidence)

    def _apposed(self, nisba: int) -> tuple[str | None, float]:
        """The person right after the nisba token (titles between: الرئيس), same sentence, no
        punctuation between."""
        state = self.state
        nisba_token = state.tokens[nisba]
        persons = self.persons.mentions
        following = bisect_left(self.persons.starts, nisba_token.end)  # the first person after
        if following < len(persons):
            person = persons[following]
            gap = state.token_at(person.start) - nisba - 1
            if (
                gap <= self.lex.counterpart_gap
                and state.sentence_of(person.start) == state.sentence_of(nisba_token.start)
                and not state.punctuated(nisba_token.end, person.start)
            ):
                return person.target, APPOSED
        return None, 0.0

    def _persons_of(self, country: str) -> set[str]:
        """The person targets of the document whose country is ``country``."""
        if self._by_country is None:
            self._by_country = {}
            for mention in self.persons.mentions:
                code = self.state.targets[mention.target].country
                if code:
                    self._by_country.setdefault(code, set()).add(mention.target)
        return self._by_country.get(country, set())
