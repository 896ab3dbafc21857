"""The rule file's lexicons folded for matching, and the word tests every unit of the engine
shares (a word is compared folded, and also without a leading و/ف: ``وقال`` is ``قال``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from arextract.relations.rules import Lexicons
from arextract.schema import Token
from arextract.text.clitics import (
    CONJUNCTIONS,
    NAME_PREPOSITIONS,
    POSSESSIVE_SUFFIXES,
    lam_article_reading,
    proclitic_forms,
)
from arextract.text.normalize import fold, fold_words


def folded(words: Iterable[str]) -> frozenset[str]:
    return fold_words(words)


# The words between a given name and a father's ("محمد بن سلمان"): what follows is no family name.
PATRONYMIC = folded(("بن", "ابن", "بنت"))

# Envoys: what follows في in their title is where they are posted, not whose they are; a
# capital right after one stands for its state ("سفير الخرطوم في القاهرة": Sudan's ambassador).
ENVOYS = folded(
    (
        *("مندوب", "المندوب", "مندوبة", "سفير", "السفير", "سفيرة", "ممثل", "الممثل", "ممثلة"),
        *("الممثلة", "قنصل", "القنصل", "مبعوث", "المبعوث", "مبعوثة", "المبعوثة"),
        *("موفد", "الموفد", "موفدة", "الموفدة"),
    )
)


def listed(folded_word: str, words: AbstractSet[str]) -> bool:
    """Whether a folded word, or the word after a conjunction (و، ف), is in ``words``."""
    return folded_word in words or (
        len(folded_word) > 2 and folded_word[0] in CONJUNCTIONS and folded_word[1:] in words
    )


def title_key(title: str) -> str:
    """A title compared without articles: "الرئيس" = "رئيس"."""
    return " ".join(
        word.removeprefix("ال") for word in fold(title).replace("،", " ").replace(",", " ").split()
    )


def is_definite(folded_word: str) -> bool:
    """ "الإسكان"، "للدراسات"، "والقروية"، "بالخارج": a word with the article (not "إلى", folded
    الي: "وأشارت الوزارة إلى أن" is a bare head before a preposition)."""
    return (folded_word.startswith(("ال", "لل")) and len(folded_word) > 3) or (
        len(folded_word) > 3 and folded_word[0] in "وبلف" and folded_word[1:].startswith("ال")
    )


def starts_new_title(folded_word: str, heads: AbstractSet[str]) -> bool:
    """A definite head not joined by و (الرئيس، الملك) opens a title phrase of its own."""
    return folded_word in heads and folded_word.startswith("ال")


def _phrase(words: str) -> tuple[str, ...]:
    return tuple(fold(word) for word in words.split())


@dataclass(frozen=True)
class FoldedLexicons:
    """Every word list of :class:`~arextract.relations.rules.Lexicons` the engine consults, folded
    once (``titles`` also holds the ``title_heads``; ``stops`` the complementizers)."""

    complementizers: frozenset[str]
    breaks: frozenset[str]  # clause-break tokens, compared unfolded (، : .)
    stops: frozenset[str]
    negation: frozenset[str]
    relatives: frozenset[str]
    adverbs: frozenset[str]
    topic_markers: frozenset[str]
    topic_openers: frozenset[str]
    descriptors: frozenset[str]
    reciprocals: list[str]  # phrases, their words folded and joined by one space
    planned: frozenset[str]
    title_heads: frozenset[str]
    titles: frozenset[str]
    title_modifiers: frozenset[str]
    plural_title_heads: frozenset[str]
    regional_services: frozenset[str]
    counterpart: frozenset[str]
    visiting: frozenset[str]
    prepositions: frozenset[str]
    honorifics: frozenset[str]
    official_references: frozenset[str]  # المسؤول (الإماراتي)
    vehicles: frozenset[str]
    unnamed_sources: frozenset[str]
    receiving_verbs: frozenset[str]
    delegations: frozenset[str]
    troops: frozenset[str]
    sports: frozenset[str]  # with every proclitic form ("للمنتخب"، "بالمباراة")
    sports_meetings: frozenset[str]  # with the future prefix ("سيجتمع")
    unnamed_groups: frozenset[str]  # with every proclitic form ("بالمواطنين")
    group_verbs: frozenset[str]
    name_idioms: set[tuple[str, ...]]
    repeated_headlines: set[tuple[str, ...]]
    facility_heads: frozenset[str]
    unit_heads: frozenset[str]
    pronoun_subjects: frozenset[str]
    companions: frozenset[str]
    host_offices: frozenset[str]
    representatives: frozenset[str]
    passive_auxiliaries: frozenset[str]
    light_verbs: frozenset[str]
    plural_light_verbs: frozenset[str]
    outlet_heads: frozenset[str]
    name_openers: frozenset[str]
    body_heads: frozenset[str]
    state_heads: frozenset[str]
    masculine_states: frozenset[str]
    honorific_pronouns: dict[str, frozenset[str]]
    title_links: frozenset[str]
    epithets: dict[tuple[str, ...], str]  # epithet phrase -> title_key of its office
    title_countries: dict[tuple[str, ...], str]  # phrase -> the country's canonical name

    @classmethod
    def of(cls, lex: Lexicons) -> FoldedLexicons:
        complementizers = folded(lex.complementizers)
        title_heads = folded(lex.title_heads)
        return cls(
            complementizers=complementizers,
            breaks=frozenset(lex.clause_breaks),
            stops=folded(lex.region_stops) | complementizers,
            negation=folded(lex.negation),
            relatives=folded(lex.relatives),
            adverbs=folded(lex.adverbs),
            topic_markers=folded(lex.topic_markers),
            topic_openers=folded(lex.topic_openers),
            descriptors=folded(lex.descriptors),
            reciprocals=[" ".join(_phrase(phrase)) for phrase in lex.reciprocals],
            planned=folded(lex.planned),
            title_heads=title_heads,
            titles=folded(lex.titles) | title_heads,
            title_modifiers=folded(lex.title_modifiers),
            plural_title_heads=folded(lex.plural_title_heads),
            regional_services=folded(lex.regional_services),
            counterpart=folded(lex.counterpart),
            visiting=folded(lex.visiting),
            prepositions=folded(lex.prepositions),
            honorifics=folded(lex.honorific_titles),
            official_references=folded(lex.official_references),
            vehicles=folded(lex.statement_vehicles),
            unnamed_sources=folded(lex.unnamed_sources),
            receiving_verbs=folded(lex.receiving_verbs),
            delegations=folded(lex.delegations),
            troops=folded(lex.troops),
            sports=frozenset(proclitic_forms(folded(lex.sports_words))),
            sports_meetings=folded(lex.sports_meetings),
            unnamed_groups=frozenset(proclitic_forms(folded(lex.unnamed_groups))),
            group_verbs=folded(lex.group_verbs),
            name_idioms={_phrase(phrase) for phrase in lex.name_idioms},
            repeated_headlines={_phrase(phrase) for phrase in lex.repeated_headlines},
            facility_heads=folded(lex.facility_heads),
            unit_heads=folded(lex.unit_heads),
            pronoun_subjects=folded(lex.pronoun_subjects),
            companions=folded(lex.companions),
            host_offices=folded(lex.host_offices),
            representatives=folded(lex.representatives),
            passive_auxiliaries=folded(lex.passive_auxiliaries),
            light_verbs=folded(lex.light_verbs),
            plural_light_verbs=folded(lex.plural_light_verbs),
            outlet_heads=folded(lex.outlet_heads),
            name_openers=folded(lex.name_openers),
            body_heads=folded(lex.body_heads),
            state_heads=folded(lex.state_heads),
            masculine_states=folded(lex.masculine_states),
            honorific_pronouns={
                fold(pronoun): folded(nouns) for pronoun, nouns in lex.honorific_pronouns.items()
            },
            title_links=folded(lex.title_links),
            epithets={_phrase(phrase): title_key(title) for phrase, title in lex.title_epithets.items()},
            title_countries={_phrase(phrase): name for phrase, name in lex.title_countries.items()},
        )

    def in_title(self, folded_word: str) -> bool:
        """A title word or a word that modifies one (وزير، نائب، الأول), alone or after و/ف."""
        return listed(folded_word, self.titles) or listed(folded_word, self.title_modifiers)

    def office_head(self, body: Sequence[str]) -> int | None:
        """The position of the head word of the office a body's name ends with ("حزب رئيس
        الوزراء العراقي"، "مكتب الرئيس": 1), whose holder a name right after it is; ``None`` for a
        body named after a person ("مدينة الملك سعود الطبية": a name after the head) or none."""
        head = next((at for at in range(1, len(body)) if listed(body[at], self.title_heads)), None)
        if head is None:
            return None
        # (title words and nisbas after it: "رئيس الوزراء العراقي")
        rest = body[head + 1 :]
        if all(self.in_title(word) or (is_definite(word) and word.endswith("ي")) for word in rest):
            return head
        return None

    def prefixed_title(self, folded_word: str) -> bool:
        """ "بوزارة"، "لشؤون"، "للمرشد"، "لدولة رئيس الوزراء": a title word (or an honorific) after
        the preposition ب or ل (ل + ال is written لل)."""
        if len(folded_word) > 4 and lam_article_reading(folded_word) in self.titles:
            return True
        return (
            len(folded_word) > 3
            and folded_word[0] in NAME_PREPOSITIONS
            and (folded_word[1:] in self.titles or folded_word[1:] in self.title_modifiers)
        )

    def heads_facility(self, folded_word: str) -> bool:
        """The head of a facility's (or a seat's) name, alone or after ب/ل/و: "مطار"، "بمستشفى"،
        "وجسر" before "الملك X" make the king's name the facility's."""
        heads = self.facility_heads
        return folded_word in heads or (folded_word[:1] in {"ب", "ل", "و"} and folded_word[1:] in heads)

    def possessed_head(self, folded_word: str) -> bool:
        """ "زعيمها"، "متحدثها": a title head with "her" (of an organisation or a country named
        before); not "his" ("نائبه" is a person's aide)."""
        stem = folded_word[:-2]
        return (
            len(folded_word) > 4
            and folded_word.endswith("ها")
            and (stem in self.title_heads or (stem.endswith("ت") and stem[:-1] + "ه" in self.title_heads))
        )

    def is_plain_noun(self, folded_word: str) -> bool:
        """An indefinite word that is no title, adverb, stop word nor preposition with a pronoun
        (عليه، معه): in "حرص بلاده" a noun whose genitive follows."""
        if not folded_word.isalpha() or is_definite(folded_word) or folded_word in self.adverbs:
            return False
        if self.in_title(folded_word):
            return False
        if folded_word in self.stops or self.prefixed_title(folded_word):
            return False
        return not any(
            folded_word.endswith(suffix) and folded_word[: -len(suffix)] in self.prepositions | {"ل", "ب"}
            for suffix in POSSESSIVE_SUFFIXES
        )

    def ends_phrase(self, token: Token) -> bool:
        """Punctuation or a word (إن، في، على...) after which no subject noun phrase follows."""
        return token.text in self.breaks or listed(token.norm, self.stops)
