"""A capital that speaks for its state: "وقالت موسكو إن ..." is Russia speaking (GUIDELINES §5:
a capital standing for its state as speaker or party is the country), and "سفير الخرطوم" is
Sudan's ambassador."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from arextract.kb import KnowledgeBase
from arextract.relations.lexicons import ENVOYS, listed
from arextract.relations.triggers import TriggerIndex
from arextract.schema import Document, Entity, EntitySource, EntityType, RelationType
from arextract.text.clitics import lam_article_reading
from arextract.text.normalize import fold

_CAPITAL = "capital"


def capital_states(kb: KnowledgeBase) -> dict[str, tuple[str, str]]:
    """folded capital name -> (its country's canonical name, the country's ISO code), from the
    knowledge files' capitals (``cities.tsv`` rows of subtype ``capital``)."""
    countries = {e.kb_id: e.canonical for e in kb.entries if e.type == EntityType.COUNTRY and e.kb_id}
    states: dict[str, tuple[str, str]] = {}
    for entry in kb.entries:
        if entry.type == EntityType.CITY and entry.subtype == _CAPITAL and entry.country in countries:
            for name in entry.names:
                states.setdefault(fold(name), (countries[entry.country], entry.country))
    return states


def country_named(doc: Document, code: str) -> Entity | None:
    """The document's own mention of the country with this ISO code, whose canonical name and
    aliases a mention standing for it (a capital, an organ's nisba) takes over."""
    return next((e for e in doc.entities if e.type == EntityType.COUNTRY and e.kb_id == code), None)


def people_countries(kb: KnowledgeBase) -> dict[str, str]:
    """person's canonical name -> their country's canonical name, for the people of the
    knowledge files with a country ("فرانسوا هولاند" -> "فرنسا")."""
    countries = {e.kb_id: e.canonical for e in kb.entries if e.type == EntityType.COUNTRY and e.kb_id}
    return {
        entry.canonical: countries[entry.country]
        for entry in kb.entries
        if entry.type == EntityType.PERSON and entry.country in countries
    }


def speaking_capitals(
    doc: Document, triggers: TriggerIndex, states: dict[str, tuple[str, str]]
) -> list[Entity] | None:
    """The document's mentions with each capital named right after a speech verb, بحسب or an
    envoy's title (سفير، مندوب) made a mention of its state (``states``:
    :func:`capital_states`); None when there is none."""
    capitals = [e for e in doc.entities if e.type == EntityType.CITY and e.subtype == _CAPITAL]
    if not capitals:
        return None
    starts = [token.start for token in doc.tokens]
    replaced: dict[str, Entity] = {}
    for city in capitals:
        before = bisect_left(starts, city.start) - 1
        if before < 0:
            continue
        match = triggers.match(doc.tokens, before, before + 1)
        spoken = match is not None and any(form.rule.type == RelationType.STATEMENT for form in match.forms)
        if (
            not spoken
            and not listed(doc.tokens[before].norm, ENVOYS)
            and not _speaks_next(doc, triggers, city, starts)
            and not _agreement_party(doc, triggers, city, starts)
            and not _supporting(doc, triggers, city, before, starts)
        ):
            continue
        state = states.get(fold(city.canonical)) or states.get(fold(city.text))
        if state is None:
            continue
        canonical, code = state
        known = country_named(doc, code)
        replaced[city.id] = city.model_copy(
            update={
                "type": EntityType.COUNTRY,
                "subtype": None,
                "canonical": known.canonical if known is not None else canonical,
                "kb_id": code,
                "aliases": known.aliases if known is not None else [],
                "name_en": known.name_en if known is not None else None,
            }
        )
    if not replaced:
        return None
    return [replaced.get(e.id, e) for e in doc.entities]


_SUBJECT_OPENERS = {fold(word) for word in ("لكن", "ولكن", "بينما", "فيما", "أن")}  # "غير أن موسكو"


def _speaks_next(doc: Document, triggers: TriggerIndex, city: Entity, starts: list[int]) -> bool:
    """ "لكن طهران تقول إنه سلمي"، "بينما موسكو تؤكد أن": a capital opening its clause (after a
    comma, لكن or بينما; not "في طهران قال الوزير") right before a speech verb is its subject.
    ``starts``: the tokens' start offsets, built once per document (built per capital, they made
    the stage quadratic)."""
    first = bisect_left(starts, city.start)
    last = bisect_left(starts, city.end) - 1
    if first >= len(doc.tokens) or doc.tokens[first].start != city.start or last + 1 >= len(doc.tokens):
        return False  # (a clitic before the name: "بطهران"، "لموسكو")
    previous = doc.tokens[first - 1] if first > 0 else None
    if (
        previous is not None
        and previous.text not in {"،", ",", "."}
        and previous.norm not in _SUBJECT_OPENERS
    ):
        return False
    match = triggers.match(doc.tokens, last + 1, last + 2)
    return match is not None and any(
        form.rule.type == RelationType.STATEMENT and form.rule.pos == "verb" for form in match.forms
    )


_LAM = fold("ل")


def _supporting(doc: Document, triggers: TriggerIndex, city: Entity, before: int, starts: list[int]) -> bool:
    """ "دعم واشنطن لجهود مكافحة الإرهاب"، "تأييد موسكو للأسد": a capital in the genitive of a
    support noun, with the one supported after ل, is its state giving the support (GUIDELINES
    §5: a capital standing for its state as a party); not "دعم القاهرة" alone (the city may be
    the one supported)."""
    match = triggers.match(doc.tokens, before, before + 1)
    if match is None or not any(
        form.rule.type == RelationType.SUPPORT and form.rule.pos == "noun" for form in match.forms
    ):
        return False
    after = bisect_left(starts, city.end)
    return (
        after < len(doc.tokens)
        and len(doc.tokens[after].norm) > 2
        and doc.tokens[after].norm.startswith(_LAM)
    )


_BETWEEN = {fold(word) for word in ("بين", "وبين")}
_BETWEEN_REACH = 4  # "بين X وY": the capital is at most the third word after بين
_NOUN_REACH = 4  # "الاتفاق النووي التاريخي بين": the agreement noun shortly before بين


def _agreement_party(doc: Document, triggers: TriggerIndex, city: Entity, starts: list[int]) -> bool:
    """ "التوصل إلى اتفاق بين طهران ومجموعة 5+1": a capital among the parties after an agreement's
    بين stands for its state (GUIDELINES §5), as a speaking one does; not "التقارب بين طهران
    وواشنطن" (no agreement) nor "الاتفاق الموقع في طهران" (a place)."""
    first = bisect_right(starts, city.start) - 1
    for between in range(first - 1, max(-1, first - 1 - _BETWEEN_REACH), -1):
        token = doc.tokens[between]
        if token.text in {"،", ",", "."}:
            return False
        if token.norm in _BETWEEN:
            break
    else:
        return False
    for index in range(max(0, between - _NOUN_REACH), between):
        match = triggers.match(doc.tokens, index, between)
        if match is not None and any(form.rule.type == RelationType.AGREEMENT for form in match.forms):
            return True
    return False


_CAPITAL_NOUN = fold("العاصمة")
_CAPITAL_CONFIDENCE = 0.8


def country_capitals(kb: KnowledgeBase) -> dict[str, tuple[str, str | None]]:
    """country ISO code -> (its capital's canonical name, the capital's English name)."""
    capitals: dict[str, tuple[str, str | None]] = {}
    for entry in kb.entries:
        if entry.type == EntityType.CITY and entry.subtype == _CAPITAL and entry.country:
            capitals.setdefault(entry.country, (entry.canonical, entry.name_en))
    return capitals


def capital_phrases(doc: Document, capitals: dict[str, tuple[str, str | None]]) -> list[Entity]:
    """ "زيارته إلى العاصمة الروسية": the capital named by its country's nisba, with no name
    after it ("العاصمة القطرية الدوحة" names it), becomes a mention of that city."""
    tokens, entities = doc.tokens, doc.entities
    if not any(_capital_noun(token.norm) for token in tokens):
        return []
    starts = [token.start for token in tokens]
    by_start = {entity.start: entity for entity in entities}
    cities = {entity.start for entity in entities if entity.type == EntityType.CITY}
    found: list[Entity] = []
    for index, token in enumerate(tokens[:-1]):
        if not _capital_noun(token.norm):
            continue
        nisba = by_start.get(tokens[index + 1].start)
        if nisba is None or nisba.type != EntityType.COUNTRY or nisba.subtype != "nisba":
            continue
        after = bisect_left(starts, nisba.end)
        if after < len(tokens) and tokens[after].start in cities:
            continue
        capital = capitals.get(nisba.kb_id or "")
        if capital is None:
            continue
        start = _article_start(doc.text, token.start, token.end)
        found.append(
            Entity(
                id="",
                type=EntityType.CITY,
                subtype=_CAPITAL,
                text=doc.text[start : nisba.end],
                start=start,
                end=nisba.end,
                canonical=capital[0],
                name_en=capital[1],
                confidence=_CAPITAL_CONFIDENCE,
                source=EntitySource.COREF,
            )
        )
    return found


def _capital_noun(norm: str) -> bool:
    """ "العاصمة" after its proclitics: بالعاصمة، والعاصمة، and ل + العاصمة written للعاصمة."""
    if _CAPITAL_NOUN[2:] not in norm:
        return False  # (asked of every word: most do not hold عاصمة at all)
    noun = lam_article_reading(norm) or norm
    return noun.endswith(_CAPITAL_NOUN) and len(noun) <= len(_CAPITAL_NOUN) + 3


def _article_start(text: str, start: int, end: int) -> int:
    """Where "العاصمة" begins in its token, past proclitics ("بالعاصمة" at its ال)."""
    at = text.find("عاصمة", start, end)
    if at < 0:
        return start
    if text[max(start, at - 2) : at] == "ال":
        return at - 2
    return at - 1 if text[max(start, at - 1) : at] == "ل" else at
