"""Possessive phrases: بلاده / دولتها -> the country of the latest person subject before it
(قال لوكاشينكو إن بلاده... -> Belarus), else of the latest person before it."""

from __future__ import annotations

from bisect import bisect_left

from arextract.coref.anchors import PhraseContext
from arextract.link.state import Mention, is_word

SUBJECT = 0.8  # the latest person after a subject verb (قال، أكد)
LATEST_PERSON = 0.65  # the latest person, subject or not


class PossessivePhrases:
    """Resolves possessive words to the country of a person of the document."""

    def __init__(self, context: PhraseContext) -> None:
        self.kb, self.lex, self.state = context.kb, context.lex, context.state
        self.forms = context.forms
        self.persons = context.persons
        # latest[i]: the last j <= i whose person follows a subject verb (-1: none); so each
        # بلاده costs O(log n), not a walk back over every earlier person (built on the first)
        self._latest_subject: list[int] | None = None

    def resolve(self, index: int) -> None:
        """Add the country a possessive word at token ``index`` refers to, if one is known."""
        state = self.state
        token = state.tokens[index]
        persons = self.persons.mentions
        latest = self._latest_subjects()

        def ended(position: int) -> bool:
            return persons[position].end <= token.start

        # the persons that end before the word (a person starting at or after it cannot)
        position = bisect_left(self.persons.starts, token.start) - 1
        while position >= 0 and not ended(position):
            position -= 1
        if position < 0:
            return
        chosen = persons[position]
        confidence = LATEST_PERSON
        subject = latest[position]
        while subject >= 0 and not ended(subject):
            subject = latest[subject - 1] if subject else -1
        if subject >= 0:
            chosen, confidence = persons[subject], SUBJECT
        country = state.targets[chosen.target].country
        entry = self.kb.country(country) if country else None
        if entry is None:
            return
        start = state.surface_start(index, self.forms.possessive[token.norm][1])
        state.add_coreference(start, token.end, state.target_for_entry(entry), confidence)

    def _latest_subjects(self) -> list[int]:
        if self._latest_subject is None:
            self._latest_subject = []
            for position, mention in enumerate(self.persons.mentions):
                previous = self._latest_subject[-1] if position else -1
                self._latest_subject.append(position if self._after_subject_verb(mention) else previous)
        return self._latest_subject

    def _after_subject_verb(self, mention: Mention) -> bool:
        """Whether a subject verb precedes the person (قال وزير الخارجية الصيني وانغ يي), at
        most ``max_verb_gap`` tokens before, in its sentence, with no object marker between."""
        state = self.state
        first = state.token_at(mention.start)
        sentence = state.sentence_of(mention.start)
        for index in range(first - 1, max(-1, first - 1 - self.lex.verb_gap), -1):
            token = state.tokens[index]
            if state.sentence_of(token.start) != sentence or not is_word(token):
                return False
            if token.norm in self.forms.subject_verbs:
                return True
            if token.norm in self.lex.object_markers or self.persons.spans.covers(token.start):
                return False  # التقى وانغ مع تليوبردي: the name after مع / another person is no subject
        return False
