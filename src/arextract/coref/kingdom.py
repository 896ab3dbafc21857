"""The kingdom word: المملكة / بالمملكة on its own -> the kingdom the story is about (see
[kingdom] in link.toml and :func:`arextract.link.countries.home_kingdom`)."""

from __future__ import annotations

from arextract.coref.anchors import PhraseContext
from arextract.link.countries import home_kingdom
from arextract.text.spans import SpanSet

KINGDOM_CONFIDENCE = 0.8


class KingdomWord:
    """Resolves a bare المملكة (not المملكة المتحدة, not inside a name already found)."""

    def __init__(self, context: PhraseContext) -> None:
        self.kb, self.lex, self.state = context.kb, context.lex, context.state
        self.forms = context.forms.kingdom
        # the mentions do not change during the phrase pass: one span set answers "inside a name?"
        self._named = SpanSet((m.start, m.end) for m in context.state.mentions)
        self._looked = False  # home_kingdom is asked once, on the first المملكة
        self._kingdom: str | None = None

    def resolve(self, index: int) -> None:
        """Add the home kingdom for the kingdom word at token ``index``, if the story has one."""
        state = self.state
        token = state.tokens[index]
        if state.norm_at(index + 1) in self.lex.kingdom_followers or self._named.overlaps(
            token.start, token.end
        ):
            return
        if not self._looked:
            self._looked = True
            self._kingdom = home_kingdom(self.kb, state, self.lex)
        if self._kingdom is None:
            return
        start = state.surface_start(index, self.forms[token.norm][1])
        state.add_coreference(start, token.end, self._kingdom, KINGDOM_CONFIDENCE)
