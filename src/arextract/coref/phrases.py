"""The linker's coreference phrases, found in one pass over a document's tokens.

A side phrase (الجانب القازاقي) is tried first and takes its tokens; otherwise a token is a
dual (البلدين), a counterpart (نظيره), a possessive (بلاده) or the kingdom word (المملكة), each
resolved by its class against the mentions linked so far. What they find is added to
:attr:`~arextract.link.state.DocumentState.coref`, never to the names of an entity.
"""

from __future__ import annotations

from arextract.coref.anchors import PersonsByStart, PhraseContext
from arextract.coref.counterparts import CounterpartPhrases
from arextract.coref.duals import DualPhrases
from arextract.coref.kingdom import KingdomWord
from arextract.coref.possessives import PossessivePhrases
from arextract.coref.sides import SidePhrases
from arextract.link.kb_linking import KBLinker
from arextract.link.lexicons import LinkLexicons, PhraseForms
from arextract.link.state import DocumentState


class PhraseCoreference:
    """Adds the coreference mentions of the phrases of one linked document."""

    def __init__(self, kb: KBLinker, lex: LinkLexicons, forms: PhraseForms) -> None:
        self.kb = kb
        self.lex = lex
        self.forms = forms

    def __call__(self, state: DocumentState) -> None:
        forms = self.forms
        context = PhraseContext(self.kb, self.lex, forms, state, PersonsByStart.of(state))
        sides = SidePhrases(context)
        duals = DualPhrases(context)
        counterparts = CounterpartPhrases(context)
        possessives = PossessivePhrases(context)
        kingdom = KingdomWord(context)
        consumed: set[int] = set()  # token indexes already used by a side phrase
        for index, token in enumerate(state.tokens):
            if index in consumed:
                continue
            norm = token.norm
            if norm in forms.side:
                last = sides.resolve(index)
                if last is not None:
                    consumed.update(range(index, last + 1))
                    continue
            if norm in forms.dual:
                duals.resolve(index)
            elif norm in forms.counterpart:
                counterparts.resolve(index)
            elif norm in forms.possessive:
                possessives.resolve(index)
            elif norm in forms.kingdom:
                kingdom.resolve(index)
        if sides.absorbed:  # the nisba mentions inside side phrases: the phrase replaces them
            state.mentions = [m for m in state.mentions if id(m) not in sides.absorbed]
