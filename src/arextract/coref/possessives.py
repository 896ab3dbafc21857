"""Possessive phrases: بلاده / دولتها -> the country of the latest person subject before it
(قال لوكاشينكو إن بلاده... -> Belarus), else of the latest person before it."""

from __future__ import annotations

from bisect import bisect_left

from arextract.coref.anchors import PhraseContext, nisba_at
from arextract.kb import KBEntry
from arextract.link.state import Mention, is_word

SUBJECT = 0.8  # the latest person after a subject verb (قال، أكد)
LATEST_PERSON = 0.65  # the latest person, subject or not
# An unnamed subject (أكد السفير الصيني ... بلاده): the verb at most _CLAUSE_REACH tokens before
# the possessive, the nisba among the _TITLE_WORDS tokens after the verb's first (the title's head).
_CLAUSE_REACH = 8
_TITLE_WORDS = 3


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
        entry = None
        if position >= 0:
            chosen = persons[position]
            confidence = LATEST_PERSON
            subject = latest[position]
            while subject >= 0 and not ended(subject):
                subject = latest[subject - 1] if subject else -1
            if subject >= 0:
                chosen, confidence = persons[subject], SUBJECT
            country = state.targets[chosen.target].country
            entry = self.kb.country(country) if country else None
        titled = self._titled_subject(index, persons[position].end if position >= 0 else -1)
        if titled is not None:
            entry, confidence = titled, SUBJECT
        if entry is None:
            return
        start = state.surface_start(index, self.forms.possessive[token.norm][1])
        state.add_coreference(start, token.end, state.target_for_entry(entry), confidence)

    def _titled_subject(self, index: int, person_end: int) -> KBEntry | None:
        """The country of an unnamed subject of the clause of the possessive word at ``index``,
        a title with a nisba after a subject verb that follows the latest person: in "دعا هادي
        الصين إلى ... وأكد السفير الصيني دعم بلاده لليمن" بلاده is China, not هادي's Yemen."""
        state = self.state
        sentence = state.sentence_of(state.tokens[index].start)
        for verb in range(index - 1, max(-1, index - 1 - _CLAUSE_REACH), -1):
            token = state.tokens[verb]
            if token.start < person_end or state.sentence_of(token.start) != sentence:
                return None
            if token.norm in self.forms.subject_verbs:
                break
        else:
            return None
        for after in range(verb + 2, min(index, verb + 2 + _TITLE_WORDS)):
            if (
                self.persons.spans.covers(state.tokens[after].start)
                or state.norm_at(after) in self.lex.name_particles
            ):
                return None  # "أكد المتحدث أن الوفد الصيني ... بلاده": the nisba is past the subject
            entry = nisba_at(self.kb, state, after)
            if entry is not None:
                return entry
        return None

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
