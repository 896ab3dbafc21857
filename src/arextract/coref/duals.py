"""Dual phrases: البلدين / الجانبين / الرئيسين -> the two countries in focus (two coreference
mentions on one span): the two most mentioned in the phrase's sentence, else in the document."""

from __future__ import annotations

from collections import Counter

from arextract.coref.anchors import PhraseContext
from arextract.schema import EntityType

AMBIGUOUS_DUAL = 0.75  # البلدان read as "the two countries", not "the countries"
TWO_IN_SENTENCE = 0.85  # the sentence names exactly two countries
MORE_IN_SENTENCE = 0.7  # the sentence names more: its two most mentioned
CLEAR_IN_DOCUMENT = 0.8  # the document's two most mentioned countries, a clear pair
UNCLEAR_IN_DOCUMENT = 0.5  # ... with a tie for the second place


class DualPhrases:
    """Resolves dual words against the country mentions (linked to a KB country) of a document."""

    def __init__(self, context: PhraseContext) -> None:
        self.lex, self.state = context.lex, context.state
        self.forms = context.forms.dual
        state = context.state
        countries = [
            m
            for m in state.mentions
            if state.targets[m.target].type is EntityType.COUNTRY and state.targets[m.target].kb_id
        ]
        self._doc_counts = Counter(m.target for m in countries)
        self._first_seen: dict[str, int] = {}
        self._by_sentence: dict[int, Counter[str]] = {}
        for mention in sorted(countries, key=lambda m: m.start):
            self._first_seen.setdefault(mention.target, mention.start)
            self._by_sentence.setdefault(state.sentence_of(mention.start), Counter())[mention.target] += 1

    def resolve(self, index: int) -> None:
        """Add the two countries a dual word at token ``index`` refers to, if two are known."""
        state = self.state
        token = state.tokens[index]
        word, proclitic_length = self.forms[token.norm]
        confidence = 1.0
        if word in self.lex.dual_ambiguous:
            if (
                state.norm_at(index - 1) in self.lex.plural_quantifiers
                or state.norm_at(index + 1) in self.lex.plural_adjectives
            ):
                return
            if proclitic_length:  # للبلدان: a preposition, so genitive: plural
                return
            confidence = AMBIGUOUS_DUAL
        chosen, focus = self._countries_in_focus(state.sentence_of(token.start))
        if chosen is None:
            return
        start = state.surface_start(index, proclitic_length)
        for key in sorted(chosen, key=lambda k: self._first_seen[k]):
            state.add_coreference(start, token.end, key, confidence * focus)

    def _countries_in_focus(self, sentence: int) -> tuple[list[str] | None, float]:
        """The two countries in focus at ``sentence`` and how sure that is, or (None, 0)."""
        in_sentence = self._by_sentence.get(sentence, Counter())
        doc_counts, first_seen = self._doc_counts, self._first_seen

        def rank(key: str) -> tuple[int, int, int]:
            return (-in_sentence.get(key, 0), -doc_counts[key], first_seen[key])

        if len(in_sentence) >= 2:
            chosen = sorted(in_sentence, key=rank)[:2]
            return chosen, TWO_IN_SENTENCE if len(in_sentence) == 2 else MORE_IN_SENTENCE
        chosen = sorted(doc_counts, key=lambda key: (-doc_counts[key], first_seen[key]))[:2]
        if len(chosen) < 2:
            return None, 0.0
        ranked = sorted(doc_counts.values(), reverse=True)
        clear = len(ranked) == 2 or ranked[1] > ranked[2]
        return chosen, CLEAR_IN_DOCUMENT if clear else UNCLEAR_IN_DOCUMENT
