"""Which country: a person's, and the kingdom a story calls "المملكة".

:func:`assign_person_countries` gives a person cluster the country the knowledge base gives it,
else the country named right before its mentions (الرئيس الصيني شي جين بينغ -> CN).
:func:`home_kingdom` decides which kingdom a bare المملكة means in a document.
"""

from __future__ import annotations

from collections import Counter

from arextract.link.kb_linking import KBLinker
from arextract.link.lexicons import LinkLexicons
from arextract.link.state import DocumentState
from arextract.schema import EntityType
from arextract.text.normalize import fold


def assign_person_countries(state: DocumentState, lex: LinkLexicons) -> None:
    """Countries of person clusters: the KB's, else a country name / nisba right before (at
    most ``country_gap`` tokens before, in the same sentence, no punctuation between), the most
    frequent such country of the cluster."""
    evidence: dict[str, Counter[str]] = {}
    ordered = sorted(state.mentions, key=lambda m: (m.start, -m.end))
    for position, mention in enumerate(ordered):
        if mention.type is not EntityType.PERSON:
            continue
        first_token = state.token_at(mention.start)
        for back in range(position - 1, -1, -1):  # (a slice copy per person was quadratic)
            previous = ordered[back]
            if previous.end > mention.start:
                continue
            target = state.targets[previous.target]
            if previous.type is EntityType.PERSON or target.type is not EntityType.COUNTRY:
                break  # another entity in between
            gap = first_token - state.token_at(previous.end - 1) - 1
            if (
                gap <= lex.country_gap
                and not state.punctuated(previous.end, mention.start)
                and (state.sentence_of(previous.start) == state.sentence_of(mention.start))
                and target.kb_id
            ):
                evidence.setdefault(mention.target, Counter())[target.kb_id] += 1
            break
    for key, counts in evidence.items():
        target = state.targets[key]
        if target.country is None:
            target.country = counts.most_common(1)[0][0]


def home_kingdom(kb: KBLinker, state: DocumentState, lex: LinkLexicons) -> str | None:
    """The target key of the kingdom a bare "المملكة" means in this document, or None: the
    kingdom of the first city named (the dateline), else the one monarchy among the countries
    named, else the one monarchy among the known persons' countries (a minister of the
    knowledge files), else the default kingdom when the text carries one of its cues (see
    [kingdom] in link.toml)."""
    monarchies = lex.monarchies
    named: list[str] = []
    officials: set[str] = set()
    first_city: str | None = None
    for mention in sorted(state.mentions, key=lambda m: m.start):
        target = state.targets.get(mention.target)
        if target is None:
            continue
        if mention.type is EntityType.CITY and first_city is None:
            first_city = target.country or ""
        code = target.kb_id
        if mention.type is EntityType.COUNTRY and code in monarchies and code not in named:
            named.append(str(code))
        if mention.type is EntityType.PERSON and target.country in monarchies:
            officials.add(str(target.country))
    iso: str | None
    if first_city in monarchies:
        iso = first_city
    elif len(named) == 1:
        iso = named[0]
    elif not named and len(officials) == 1:
        iso = officials.pop()  # وفد المملكة ... الجبير: the one monarchy whose known official is named
    elif not named and _has_cue(fold(state.text), lex.kingdom_cues):
        iso = lex.kingdom_default
    else:
        iso = None
    entry = kb.country(iso) if iso else None
    return state.target_for_entry(entry) if entry is not None else None


def _has_cue(folded_text: str, cues: tuple[str, ...]) -> bool:
    return any(cue in folded_text for cue in cues)
