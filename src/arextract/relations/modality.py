"""How a relation is said: its modality (planned, negated), whether it is reported speech,
the quote a speech verb introduces, and where an agreement's topic starts."""

from __future__ import annotations

import bisect

from arextract.relations.lexicons import FoldedLexicons, listed
from arextract.relations.triggers import TriggerForm, TriggerMatch
from arextract.relations.view import DocumentView, SentenceView
from arextract.schema import TextSpan
from arextract.text import quotes

_QUOTE_OPENERS = quotes.OPENING | {":"}


def modality(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, match: TriggerMatch, form: TriggerForm
) -> str:
    """ "لم يلتق": negated; "سيزور"، "من المقرر أن يزور": planned; else asserted."""
    before = [view.tokens[i].norm for i in range(max(sentence.first, match.first - 4), match.first)]
    if any(listed(word, words.negation) for word in before[-3:]):
        return "negated"
    if form.future or any(listed(word, words.planned) for word in before):
        return "planned"
    return "asserted"


def is_reported(sentence: SentenceView, match: TriggerMatch) -> bool:
    """Whether the trigger sits inside reported speech (after إن/أن in its sentence)."""
    return sentence.complementizer < match.first


def quote(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, match: TriggerMatch
) -> TextSpan | None:
    """Reported speech: from after the first complementizer (or colon/quote) to the end."""
    for index in range(match.last + 1, min(sentence.last, match.last + 25)):
        token = view.tokens[index]
        if token.norm in words.complementizers or token.text in _QUOTE_OPENERS:
            if index + 1 >= sentence.last:
                return None
            start = view.tokens[index + 1].start
            end = sentence.end
            while end > start and view.text[end - 1] in '.؟!"”»':
                end -= 1
            if end <= start:
                return None
            return TextSpan(text=view.text[start:end], start=start, end=end)
    return None


def topic_start(view: DocumentView, sentence: SentenceView, match: TriggerMatch) -> int:
    """Where the first topic marker (على، بشأن...) after the trigger starts, else the end."""
    after = bisect.bisect_right(sentence.topic_markers, match.last)
    if after < len(sentence.topic_markers):
        return view.tokens[sentence.topic_markers[after]].start
    return sentence.end
