"""Sentences, tokens and clitic analyses, all as offsets into the original text.

Tokens are surface words with their clitics attached (``وقازاقستان``, ``للصين``), the form
ANERcorp annotates and the NER model reads. Clitics are not split blindly: ``وانغ`` and
``وزير`` begin with waw and ``لبنان`` with lam. :func:`arextract.text.clitics.clitic_readings`
lists the possible (proclitic, stem) readings of a word, and the stages that consult a lexicon (gazetteers,
linking, relation triggers) keep the reading the lexicon confirms.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

import regex

from arextract.schema import Sentence, Token
from arextract.text.normalize import fold

# A word: letters, marks and digits, with invisible format characters (ZWNJ, RLM...)
# allowed inside but never at its edges; control and other invisible characters are never
# tokens. Numbers keep their decimal point ("9.2").
_TOKEN_RE = regex.compile(
    r"\p{N}+(?:[.,\u066B\u066C]\p{N}+)+"
    r"|[\p{L}\p{M}\p{N}_](?:[\p{L}\p{M}\p{N}_\p{Cf}]*[\p{L}\p{M}\p{N}_])?"
    r"|[^\s\p{L}\p{M}\p{N}_\p{C}]"
)

# A sentence ends at . ! ? ؟ ؛ (and runs of them), plus any closing quotes or brackets,
# when followed by space or the end; or at a line break.
_SENTENCE_END_RE = regex.compile(r"[.!?\u061F\u061B\u2026]+[\"'\u201D\u2019\u00BB)\]]*(?=\s|$)|\n")

# One- and two-letter abbreviations that end in a period without ending a sentence:
# د. (Dr), م. (eng.; also AD), ق.م (BC), ص. (page), ج. (vol.), and Latin initials.
_ABBREVIATION_RE = regex.compile(r"(?:^|[\s(])(?:\p{L}|ق\.م|[A-Z][a-z]{0,2})\.$")
# The longest text _ABBREVIATION_RE can match: a space or "(", "ق.م" or "Abc", the period.
_ABBREVIATION_WIDTH = 5

# A "sentence" longer than this (a page with no full stop, a list run together) is cut, so no
# stage ever works on an unbounded sentence; real news sentences stay far below it (the
# longest in the seeds and the gold is under 500 characters). See _append_trimmed.
MAX_SENTENCE_CHARS = 3000
# Where a long sentence is cut: after the last comma in the second half of the window, else
# at the last whitespace there, else (one 1,500-character "word") at the bound itself.
_CUT_COMMAS = ("،", ",", "؛", ";")


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans, trimmed of surrounding whitespace; empty lines give no sentence.

    A sentence longer than ``MAX_SENTENCE_CHARS`` is cut into pieces of at most that many
    characters, each ending after a comma (، ,) or at a whitespace in the second half of the
    window when there is one (see :func:`_append_trimmed`).

    Linear in ``len(text)``: each period is checked against the few characters before it
    (``د.`` in "وقال د. أحمد"), never against the whole sentence so far; a text of ten
    thousand "د. " is one pass, not ten thousand.
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        end = match.end()
        if match.group() != "\n" and _is_abbreviation(text, start, match.start()):
            continue
        _append_trimmed(text, start, end, sentences)
        start = end
    _append_trimmed(text, start, len(text), sentences)
    return sentences


def _is_abbreviation(text: str, start: int, period: int) -> bool:
    """Whether the period at ``period`` ends an abbreviation (د. ق.م) of the sentence that
    began at ``start``. Only the last ``_ABBREVIATION_WIDTH`` characters can take part in a
    match, so the search starts there: the same answer as searching from ``start``, in O(1)."""
    low = max(start, period + 1 - _ABBREVIATION_WIDTH)
    return _ABBREVIATION_RE.search(text, low, period + 1) is not None


def _append_trimmed(text: str, start: int, end: int, out: list[Sentence]) -> None:
    """Append ``text[start:end]`` trimmed, cut into pieces of at most ``MAX_SENTENCE_CHARS``.

    A piece ends after the last comma in the second half of its window ("...، ثم" is cut after
    "،"), else at the last whitespace there, else at the bound. Linear in ``end - start``.
    """
    while True:
        while start < end and (text[start].isspace() or not text[start].isprintable()):
            start += 1
        while end > start and (text[end - 1].isspace() or not text[end - 1].isprintable()):
            end -= 1
        if end - start <= MAX_SENTENCE_CHARS:
            if start < end:
                out.append(Sentence(start=start, end=end))
            return
        cut = _cut_point(text, start, start + MAX_SENTENCE_CHARS)
        piece_end = cut
        while piece_end > start and (text[piece_end - 1].isspace() or not text[piece_end - 1].isprintable()):
            piece_end -= 1
        out.append(Sentence(start=start, end=piece_end))
        start = cut


def _cut_point(text: str, start: int, bound: int) -> int:
    """Where to cut a sentence that runs past ``bound``: after a comma, else at a whitespace,
    in ``(start + half, bound]``; else ``bound``."""
    low = start + MAX_SENTENCE_CHARS // 2
    comma = max(text.rfind(mark, low, bound) for mark in _CUT_COMMAS)
    if comma >= 0:
        return comma + 1
    for index in range(bound, low, -1):
        if text[index].isspace():
            return index
    return bound


_new_object = object.__new__
_set_slot = object.__setattr__


def _token(text: str, start: int, end: int) -> Token:
    """A Token built as ``Token.model_construct`` builds it (the same four attributes: its
    fields, which fields were set, no extra, no private state), without the per-call loop over
    the model's fields and defaults that made tokenising a tenth of the pipeline's time. The
    values are built by the tokeniser, so pydantic's validation has nothing to check; a test
    checks the result equals ``Token.model_construct``'s."""
    token = _new_object(Token)
    _set_slot(token, "__dict__", {"text": text, "start": start, "end": end, "norm": fold(text)})
    _set_slot(token, "__pydantic_fields_set__", {"text", "start", "end", "norm"})
    _set_slot(token, "__pydantic_extra__", None)
    _set_slot(token, "__pydantic_private__", None)
    return token


# A word-final letter followed by another letter: a missing space (a headline glued to the
# story, "المعايدةأقامت"، "أخرىمن"). ة is only ever word-final (before a suffix it is written ت:
# مدرسته), and so is ى except as a hamza seat (شاطىء، الطوارىء). The glued word needs two
# letters, so a typo inside one word (الخصخصىة) stays whole.
_GLUED_RE = regex.compile(r"(?:ة|ى(?!ء))\p{M}*(?=[\u0621-\u063A\u0641-\u064A]{2})")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text`` and their folded form; a word
    glued after a word-final ة or ى (``الزيارةزار``) is its own token (see ``_GLUED_RE``)."""
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        word = match.group()
        if "ة" in word or "ى" in word:
            tokens.extend(_unglued(text, match.start(), match.end()))
        else:
            tokens.append(_token(word, match.start(), match.end()))
    return tokens


def _unglued(text: str, start: int, end: int) -> Iterator[Token]:
    """The words of ``text[start:end]``, split after each word-final letter another word follows."""
    for glued in _GLUED_RE.finditer(text, start, end):
        yield _token(text[start : glued.end()], start, glued.end())
        start = glued.end()
    yield _token(text[start:end], start, end)


def iter_sentence_tokens(sentences: list[Sentence], tokens: list[Token]) -> Iterator[list[Token]]:
    """Group ``tokens`` (in text order) by the sentence that contains them."""
    starts = [token.start for token in tokens]
    index = 0
    for sentence in sentences:
        # a token before the sentence's start (between two sentences) belongs to neither
        first = bisect_left(starts, sentence.start, index)
        index = max(first, bisect_left(starts, sentence.end, index))
        yield tokens[first:index]
