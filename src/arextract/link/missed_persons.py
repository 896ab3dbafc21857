"""Person mentions NER missed, found by the linker (``source="link"``).

* :func:`find_person_variants`: a knowledge-base person written in another spelling (وانج يي for
  وانغ يي), where no mention is.
* :func:`add_short_forms`: later one-token mentions of a full name of the document (وانغ after
  وانغ يي, وقال شي after شي جين بينغ).
"""

from __future__ import annotations

from arextract.kb import KBEntry
from arextract.link.kb_linking import KBLinker
from arextract.link.lexicons import LinkLexicons
from arextract.link.names import name_key, name_words, token_skeleton
from arextract.link.state import DocumentState, Mention, is_word
from arextract.ner.gazetteer import span_entity, surface_offset
from arextract.ner.grammar.words import NASAB, nisba_shaped
from arextract.schema import Entity, EntitySource, EntityType, Token
from arextract.text.clitics import NAME_PROCLITICS, clitic_readings, proclitic_forms
from arextract.text.normalize import fold
from arextract.text.spans import SpanSet

VARIANT_MENTION = 0.8  # confidence of a mention the linker finds (KB name in another spelling)
SHORT_MENTION = 0.75  # confidence of a short form the linker finds


def _variant_at(
    kb: KBLinker, state: DocumentState, index: int, function_words: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    """(last token, proclitic length) of a KB person's name in another spelling starting at
    token ``index`` (within one sentence), the longest first, or None. No word of it may be a
    function word (``أودي على`` is not إياد علاوي)."""
    tokens = state.tokens
    token = tokens[index]
    candidates = kb.name_starts(token.norm)
    if not candidates or index + 1 >= len(tokens):
        return None
    second = token_skeleton(tokens[index + 1].norm)
    for reading, longest in candidates:
        if not kb.starts_name_pair(token_skeleton(reading.stem), second):
            continue
        for length in range(min(longest, len(tokens) - index), 1, -1):
            words = tokens[index : index + length]
            if not all(is_word(w) for w in words[1:]) or any(w.norm in function_words for w in words):
                continue
            if state.sentence_of(words[-1].start) != state.sentence_of(token.start):
                continue
            name = " ".join([reading.stem, *(w.norm for w in words[1:])])
            entry = kb.unique_person(name_key(name))
            if entry is not None and not _feminine_misread(words, entry):
                return index + length - 1, reading.offset
    return None


def _feminine_misread(words: list[Token], entry: KBEntry) -> bool:
    """Whether a word written with ة (an adjective or a common noun: عسكرية، قيادية) stands
    where the person's name has a word without it: the skeleton drops the ending (عسكرية and
    عسكر share one), but a name that ends in ة is spelled so in the knowledge file too."""
    known = {word for name in entry.names for word in name_words(name) if word.endswith("ه")}
    for word in words:
        text = word.text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
        if text.endswith("ة") and not any(token_skeleton(k) == token_skeleton(word.norm) for k in known):
            return True
    return False


def find_person_variants(
    kb: KBLinker, state: DocumentState, entities: list[Entity], function_words: frozenset[str] = frozenset()
) -> list[Entity]:
    """KB person names written in another spelling (وانج يي), where none of ``entities`` is, and
    none of whose words is one of the folded ``function_words`` (على)."""
    found: list[Entity] = []
    if not kb.knows_full_names():
        return found
    # a variant match ends where the next search starts (index = last + 1), so the names found
    # here never overlap one another: only the mentions already there need checking
    taken = SpanSet((entity.start, entity.end) for entity in entities)
    index = 0
    tokens = state.tokens
    while index < len(tokens):
        match = _variant_at(kb, state, index, function_words)
        if match is None:
            index += 1
            continue
        last, offset = match
        start = state.surface_start(index, offset)
        end = tokens[last].end
        if not taken.overlaps(start, end):
            found.append(
                span_entity(
                    state.text,
                    start,
                    end,
                    EntityType.PERSON,
                    source=EntitySource.LINK,
                    confidence=VARIANT_MENTION,
                )
            )
        index = last + 1
    return found


def _short_form_words(state: DocumentState, clusters: list[str], lex: LinkLexicons) -> dict[str, str]:
    """Folded first / last word of a full name of the document -> its cluster, for the words
    that stand for one cluster only and may stand alone for a person (not بن، الثاني, nor a
    father's name ending the name: مساعد in عبدالرحمن بن مساعد)."""
    words: dict[str, str] = {}
    ambiguous: set[str] = set()
    for key in clusters:
        for name in state.targets[key].full_names:
            folded = name_words(name)
            for word in {folded[0], folded[-1]}:
                if len(word) < 2 or word in lex.short_form_stop:
                    continue
                if word == folded[-1] and len(folded) > 2 and folded[-2] in NASAB:
                    continue  # عبدالرحمن بن مساعد: the father's name alone is someone else
                if words.get(word, key) != key:
                    ambiguous.add(word)
                words[word] = key
    for word in ambiguous:
        words.pop(word, None)
    return words


def _short_form_word(text: str, words: dict[str, str]) -> str | None:
    """The short-form word a surface form is, if any (folded, proclitics ignored)."""
    folded = fold(text)
    for reading in clitic_readings(folded):
        if reading.stem in words:
            return reading.stem
    return None


def _name_then_particle(text: str, words: dict[str, str], particles: frozenset[str]) -> bool:
    parts = fold(text).split()
    return len(parts) == 2 and parts[0] in words and parts[1] in particles


def _drop_misread_places(state: DocumentState, words: dict[str, str], lex: LinkLexicons) -> dict[str, int]:
    """Remove the mentions that are really a short form, and return where each cluster is
    first mentioned.

    قال شي إن...: a place name read across a short form and the particle after it (شي ان =
    Xi'an) gives way to the person; a demonym that is also the family name of a person of the
    document, after that person, is that person ("السوداني" after "محمد شياع السوداني" is not
    "the Sudanese")."""
    state.mentions = [
        m
        for m in state.mentions
        if m.type is EntityType.PERSON or not _name_then_particle(m.text, words, lex.name_particles)
    ]
    first_mention = {m.target: m.start for m in sorted(state.mentions, key=lambda m: m.start)}

    def family_name(mention: Mention) -> bool:
        word = _short_form_word(mention.text, words) if mention.subtype == "nisba" else None
        return word is not None and mention.start > first_mention.get(words[word], len(state.text))

    state.mentions = [m for m in state.mentions if not family_name(m)]
    return first_mention


def add_short_forms(state: DocumentState, clusters: list[str], lex: LinkLexicons) -> None:
    """Later one-token mentions of a full name in the document (وانغ after وانغ يي), with the
    proclitics a name takes (وشي، لوانغ), where no mention is."""
    words = _short_form_words(state, clusters, lex)
    if not words:
        return
    first_mention = _drop_misread_places(state, words, lex)
    spans = SpanSet((m.start, m.end) for m in state.mentions)
    person_starts = {m.start for m in state.mentions if m.type is EntityType.PERSON}
    forms = proclitic_forms(words, NAME_PROCLITICS)
    for index, token in enumerate(state.tokens):
        form = forms.get(token.norm)
        if form is None:
            continue
        owner = words[form[0]]
        start = token.start + surface_offset(token.text, form[1])
        end = token.end
        if fold(state.text[start:end]) in lex.function_words:
            continue  # على (also written علي) is not the name علي, بان (بأن) not بان كي مون
        if start < first_mention.get(owner, len(state.text)):
            continue  # a short form refers back to a full name already seen
        if spans.overlaps(start, end):
            continue
        following = state.tokens[index + 1] if index + 1 < len(state.tokens) else None
        if following is not None and (following.start in person_starts or nisba_shaped(following.norm)):
            continue  # مسفر + المالكي / الحارثي: a given name before another person's family name
        state.mentions.append(
            Mention(
                start,
                end,
                state.text[start:end],
                EntityType.PERSON,
                state.targets[owner].subtype,
                EntitySource.LINK,
                SHORT_MENTION,
                owner,
            )
        )
