"""The phrase lists of the linker (``data/link.toml``), folded as the text is folded.

:class:`LinkLexicons` holds the words; :class:`PhraseForms` the same words with every proclitic
they can carry (والجانب، للجانب، لبلاده), so a token is looked up in one dict.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from arextract.resources import package_data
from arextract.text.clitics import proclitic_forms
from arextract.text.normalize import fold, fold_words


@dataclass(frozen=True)
class LinkLexicons:
    """The sections of ``link.toml`` (see the comments there), folded."""

    side: frozenset[str]
    side_dual: frozenset[str]
    dual: frozenset[str]  # the two sides or states, and the two leaders standing for them
    side_pair: frozenset[str]  # the two sides or states only (الجانبان، البلدين)
    dual_ambiguous: frozenset[str]
    plural_quantifiers: frozenset[str]
    plural_adjectives: frozenset[str]
    counterpart: frozenset[str]
    counterpart_gap: int
    possessive: frozenset[str]
    subject_verbs: frozenset[str]
    verb_gap: int
    object_markers: frozenset[str]
    short_form_stop: frozenset[str]
    name_particles: frozenset[str]
    country_gap: int
    function_words: frozenset[str] = frozenset()  # folded: على and علي alike
    kingdom: frozenset[str] = frozenset()
    kingdom_followers: frozenset[str] = frozenset()
    monarchies: tuple[str, ...] = ()
    kingdom_default: str = ""
    kingdom_cues: tuple[str, ...] = ()
    body_heads: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def _link_toml() -> dict[str, Any]:
    with package_data("link.toml").open("rb") as handle:
        return tomllib.load(handle)


def counterpart_words() -> list[str]:
    """Every counterpart word (``نظيره``, ``نظرائهم``...), as written in ``link.toml``: the one
    list the linker (its one-person forms) and the relation engine (all of them) read."""
    section = _link_toml()["counterpart"]
    return [*section["words"], *section["other_forms"]]


@lru_cache(maxsize=1)
def lexicons() -> LinkLexicons:
    data = _link_toml()
    return LinkLexicons(
        side=fold_words(data["side"]["nouns"]),
        side_dual=fold_words(data["side"]["dual_nouns"]),
        dual=fold_words([*data["dual"]["words"], *data["dual"]["leaders"]]),
        side_pair=fold_words(data["dual"]["words"]),
        dual_ambiguous=fold_words(data["dual"]["ambiguous"]),
        plural_quantifiers=fold_words(data["dual"]["plural_quantifiers"]),
        plural_adjectives=fold_words(data["dual"]["plural_adjectives"]),
        counterpart=fold_words(data["counterpart"]["words"]),
        counterpart_gap=int(data["counterpart"]["max_gap"]),
        possessive=fold_words(data["possessive"]["words"]),
        subject_verbs=fold_words(data["possessive"]["subject_verbs"]),
        verb_gap=int(data["possessive"]["max_verb_gap"]),
        object_markers=fold_words([*data["possessive"]["object_markers"], *data["counterpart"]["words"]]),
        short_form_stop=fold_words(data["person"]["short_form_stop"]),
        name_particles=fold_words(data["person"]["name_particles"]),
        country_gap=int(data["person"]["country_gap"]),
        function_words=fold_words(data["person"].get("function_words", [])),
        kingdom=fold_words(data["kingdom"]["words"]),
        kingdom_followers=fold_words(data["kingdom"]["name_followers"]),
        monarchies=tuple(data["kingdom"]["monarchies"]),
        kingdom_default=str(data["kingdom"]["default"]),
        kingdom_cues=tuple(fold(w) for w in data["kingdom"]["default_cues"]),
        body_heads=fold_words(data["bodies"]["heads"]),
    )


@dataclass(frozen=True)
class PhraseForms:
    """Every proclitic-carrying folded form of the phrase words: form -> (word, length of the
    proclitic in the form), from :func:`arextract.text.clitics.proclitic_forms`."""

    side: dict[str, tuple[str, int]]  # الجانب، والجانبين
    dual: dict[str, tuple[str, int]]  # البلدين، للبلدين
    counterpart: dict[str, tuple[str, int]]  # نظيره، ونظيره
    possessive: dict[str, tuple[str, int]]  # بلاده، لبلاده
    kingdom: dict[str, tuple[str, int]]  # المملكة، بالمملكة
    subject_verbs: dict[str, tuple[str, int]]  # قال، وقال


@lru_cache(maxsize=1)
def phrase_forms() -> PhraseForms:
    lex = lexicons()
    return PhraseForms(
        side=proclitic_forms(lex.side | lex.side_dual),
        dual=proclitic_forms(lex.dual),
        counterpart=proclitic_forms(lex.counterpart),
        possessive=proclitic_forms(lex.possessive),
        kingdom=proclitic_forms(lex.kingdom),
        subject_verbs=proclitic_forms(lex.subject_verbs),
    )
