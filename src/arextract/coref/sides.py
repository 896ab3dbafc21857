"""Side phrases: الجانب القازاقي -> Kazakhstan; الجانبين الصيني والقازاقي -> China and
Kazakhstan (one coreference mention each, on the same span)."""

from __future__ import annotations

from arextract.coref.anchors import PhraseContext, nisba_at
from arextract.kb import KBEntry
from arextract.link.state import Mention
from arextract.schema import EntityType

SIDE_CONFIDENCE = 0.9


class SidePhrases:
    """A side noun (الجانب، الطرف) and the nisba after it, or a dual side noun (الجانبين) and
    the two different nisbas after it. The nisba mentions inside a phrase are absorbed by it:
    their ids gather in :attr:`absorbed`, for the caller to drop once every phrase is read."""

    def __init__(self, context: PhraseContext) -> None:
        self.kb, self.lex, self.state = context.kb, context.lex, context.state
        self.forms = context.forms.side
        state = context.state
        self.absorbed: set[int] = set()  # ids of the nisba mentions the phrases absorb
        self._countries_at: dict[int, list[Mention]] = {}  # start offset -> country mentions
        for mention in state.mentions:
            if mention.type is EntityType.COUNTRY:
                self._countries_at.setdefault(mention.start, []).append(mention)

    def resolve(self, index: int) -> int | None:
        """Read a side phrase at side-noun token ``index``; the index of its last token, or
        None when no nisba (or no second, different nisba) follows."""
        state = self.state
        word = self.forms[state.tokens[index].norm][0]
        first = nisba_at(self.kb, state, index + 1)
        if first is None:
            return None
        entries: list[KBEntry] = [first]
        last = index + 1
        if word in self.lex.side_dual:
            second = nisba_at(self.kb, state, index + 2)
            if second is None or second.key == first.key:
                return None
            entries.append(second)
            last = index + 2
        start = state.surface_start(index, self.forms[state.tokens[index].norm][1])
        end = state.tokens[last].end
        for entry in entries:
            state.add_coreference(start, end, state.target_for_entry(entry), SIDE_CONFIDENCE)
        for offset in range(start, end):
            for mention in self._countries_at.get(offset, ()):
                if mention.end <= end:
                    self.absorbed.add(id(mention))
        return last
