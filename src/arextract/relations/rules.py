"""Relation rules are data: TOML files validated by these pydantic models.

A rule names a relation type, the words that trigger it, and the slots its arguments fill.
Users extend arextract by writing a file of their own rules (and of words added to the
lexicons) and passing it to ``Pipeline(rules="my_rules.toml")``; see README, "Adding
relation rules".
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from arextract.errors import ResourceError
from arextract.link.lexicons import counterpart_words
from arextract.resources import package_data
from arextract.schema import EntityType, RelationType
from arextract.text.clitics import proclitic_forms
from arextract.text.normalize import fold_words

_Word = TypeVar("_Word", str, list[str])  # a word, or a group of words (event_head_groups)

Find = Literal["subject", "actor", "object", "before", "previous", "dateline"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Slot(_Strict):
    """Where one argument of a relation is found, relative to the trigger.

    ``find``:
      * ``subject``: the doer. In verb-first clauses the first mention after the verb; else a
        mention just before it in the clause; else the sentence's actor (carried over from
        earlier sentences: ``وقال وانغ ... وأضاف ...``).
      * ``actor``: the sentence's actor directly (masdars such as ``اجتماعه``, ``زيارة``).
      * ``object``: the first mention after the trigger (after the subject, if that followed
        the trigger), or after one of ``preps`` when given.
      * ``before``: the nearest mention before the trigger in the same clause (relative
        clauses: ``المبادرة ... التي أطلقتها الصين``); with ``reach``, past commas.
      * ``previous``: the actor carried in from earlier sentences, not this sentence's own
        (``وكان في استقباله مدير المستشفى X``: "his" is the visitor of the sentence before).
      * ``dateline``: the city of the story's dateline (``الرياض - واس: وصل الوفد ...``).
    """

    role: str
    find: Find
    types: list[EntityType] = Field(min_length=1, description="Allowed types, preferred first.")
    preps: list[str] = Field(default_factory=list, description="Prepositions introducing the argument.")
    coordinated: bool = Field(default=True, description="Take 'X وY وZ' as several arguments.")
    each: bool = Field(default=False, description="One relation per argument of this slot.")
    required: bool = True
    reach: int = Field(
        default=0,
        ge=0,
        le=40,
        description="If nothing is found next to the trigger, search this many tokens on, past commas.",
    )
    proclitic: str | None = Field(
        default=None, description="The argument's word must carry this proclitic (دعم الصين لقازاقستان)."
    )
    addressed_by: list[str] = Field(
        default_factory=list,
        description="Words after which a non-person after the verb is addressed, not the subject "
        "(دعا الجانبين إلى).",
    )
    window: int = Field(default=10, ge=1, le=40, description="Tokens to search from the trigger.")
    nearest: bool = Field(
        default=False,
        description="Take the nearest mention of any allowed type, not the first of the most "
        "preferred type (a destination: 'سيزور موسكو ... في سوريا' -> موسكو).",
    )
    prep_window: int = Field(
        default=3, ge=1, le=20, description="Tokens in which one of `preps` is looked for."
    )
    bare_window: int | None = Field(
        default=None,
        ge=1,
        le=20,
        description="With none of `preps` before it, the argument is the trigger's genitive: it "
        "starts within this many tokens, or carries a preposition as a proclitic ('بزيارة لم يعلن "
        "عنها لبغداد'); 'جولة تفقدية على مرافق محطة تحلية ينبع' names no destination.",
    )
    prep_required: bool = Field(
        default=False, description="Without one of `preps` after the trigger, the slot stays empty."
    )
    not_after: list[str] = Field(
        default_factory=list,
        description="Words right after which a mention does not fill the slot ('دعوة من X "
        "لزيارة': the one inviting is not the visitor).",
    )
    nisba: bool = Field(
        default=False,
        description="A country's nisba adjective may fill the slot: in 'الاتفاق الروسي الأمريكي' "
        "the two adjectives after the noun are its parties (elsewhere a nisba only qualifies a noun).",
    )
    exclude_subtypes: list[str] = Field(
        default_factory=list,
        description="Entity subtypes that never fill this slot (a news outlet cited as a source "
        'is not a speaker: exclude_subtypes = ["media"]).',
    )

    # Folded once per rule file, not at every trigger: the engine compares folded tokens.
    @cached_property
    def folded_preps(self) -> frozenset[str]:
        return fold_words(self.preps)

    @cached_property
    def folded_addressed_by(self) -> frozenset[str]:
        return fold_words(self.addressed_by)

    @cached_property
    def folded_not_after(self) -> frozenset[str]:
        return fold_words(self.not_after)


class Rule(_Strict):
    id: str
    type: RelationType
    triggers: list[str] = Field(min_length=1)
    pos: Literal["verb", "noun"] = "verb"
    slots: list[Slot] = Field(min_length=1)
    min_arguments: int = Field(default=1, ge=1)
    confidence: float = Field(default=0.8, gt=0, le=1)
    reciprocal: bool = Field(
        default=False,
        description="With a reciprocal object (بعضهما البعض), coordinated subjects act on each other.",
    )
    quote: bool = Field(
        default=False, description="Record the reported speech after إن/أن as attributes.quote."
    )
    then: list[str] = Field(
        default_factory=list,
        description="Words one of which must follow the trigger (after its subject) for it to "
        "count: 'عبر' is a speech verb only with 'عن' (وعبر الوزير عن شكره), not 'via'.",
    )
    then_window: int = Field(
        default=6, ge=1, le=40, description="Tokens after the trigger to look for `then`."
    )
    then_past_commas: bool = Field(
        default=False,
        description="Look for `then` past commas (not past the end of a clause: . ؛ : ؟ !): "
        "'أعلنت الوزارة اليوم السبت، أن'.",
    )
    unless_next: list[str] = Field(
        default_factory=list,
        description="Words that, right after the trigger, make it something else: 'داعيا له' is a "
        "prayer, not a call.",
    )
    unless_window: int = Field(
        default=1, ge=1, le=40, description="Tokens after the trigger in which `unless_next` is looked for."
    )
    only_after: list[str] = Field(
        default_factory=list,
        description="Nouns one of which must come just before the trigger (with a proclitic or "
        "an adjective between): 'الذي تقدمه' gives support only after 'الدعم' ('بالدعم الكبير "
        "الذي تقدمه X لـY'), not after 'الخدمات'.",
    )
    only_after_window: int = Field(
        default=2, ge=1, le=6, description="Tokens before the trigger in which `only_after` is looked for."
    )
    unless_genitive: bool = Field(
        default=False,
        description="A noun trigger followed by a name or a title in the genitive refers to "
        "that one's act as told before ('رفض X تصريحات المالكي'): no relation.",
    )
    joins_previous: bool = Field(
        default=False,
        description="The arguments join the last relation of the same type told before instead "
        "of making one ('وحضر اللقاء X': X took part in the meeting already reported).",
    )
    joins_within: int = Field(
        default=1500,
        ge=1,
        description="Characters back from the trigger to the relation a `joins_previous` rule "
        "joins: 'وحضر اللقاء X' closes a paragraph, 'اجتماعا مع Y شارك فيه X' follows its noun.",
    )
    with_article: bool = Field(
        default=True,
        description="A noun trigger also matches with the article ال. 'اللقاء' on its own names a "
        "meeting already told ('وجرى خلال اللقاء بحث ...'): list the definite forms that name "
        "their participants ('اللقاء مع') as triggers instead.",
    )
    restates: bool = Field(
        default=False,
        description="The trigger may only describe an event already reported: drop its relation "
        "when an earlier one of the same type has the same arguments ('اجتمع X مع Y ... وبحث X مع "
        "Y' adds nothing).",
    )

    @field_validator("triggers")
    @classmethod
    def _no_blank_triggers(cls, triggers: list[str]) -> list[str]:
        if any(not trigger.strip() for trigger in triggers):
            raise ValueError("a trigger is empty")
        return triggers

    @model_validator(mode="after")
    def _each_at_most_once(self) -> Rule:
        if len({slot.role for slot in self.slots if slot.each}) > 1:
            raise ValueError("the slots that set each = true must share one role")
        return self

    @cached_property
    def folded_then(self) -> frozenset[str]:
        return fold_words(self.then)

    @cached_property
    def folded_unless_next(self) -> frozenset[str]:
        return fold_words(self.unless_next)

    @cached_property
    def only_after_forms(self) -> frozenset[str]:
        """The folded `only_after` nouns with every proclitic ("بالدعم"، "وللمساعدات")."""
        return frozenset(proclitic_forms(fold_words(self.only_after)))


class Lexicons(_Strict):
    """Word lists the engine consults besides triggers (all editable data).

    The shipped rule file defines every list. A user rule file's ``[lexicons]`` table names
    only the lists it extends: :meth:`extended` adds its words to the shipped ones.
    """

    complementizers: list[str] = Field(default_factory=list)
    clause_breaks: list[str] = Field(default_factory=list)
    region_stops: list[str] = Field(default_factory=list)
    relatives: list[str] = Field(default_factory=list)
    adverbs: list[str] = Field(default_factory=list)
    reciprocals: list[str] = Field(default_factory=list)
    topic_markers: list[str] = Field(default_factory=list)
    descriptors: list[str] = Field(
        default_factory=list,
        description="Nouns that describe a person and hold no office ('الخبير الإنجليزي X'): with "
        "the nisba after them they are no title, and the title before them is the person's.",
    )
    topic_openers: list[str] = Field(
        default_factory=list,
        description="Prepositions opening a clause with what it is about ('وعن X قال'، 'أما حول X "
        "فأوضح'): the name after them is the topic, never the verb's subject.",
    )
    negation: list[str] = Field(default_factory=list)
    planned: list[str] = Field(default_factory=list)
    title_heads: list[str] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list)
    title_modifiers: list[str] = Field(default_factory=list)
    regional_services: list[str] = Field(
        default_factory=list,
        description="Public services every region or city has, named by their function and the "
        "place ('تعليم جازان'، 'جوازات الباحة'), without the article: the office is the place's.",
    )
    plural_title_heads: list[str] = Field(
        default_factory=list,
        description="Dual and plural title heads ('الرئيسين'، 'وزراء'، 'قائدين') spread over the "
        "coordinated names after them, one ROLE per name.",
    )
    # Shipped in link.toml [counterpart] (one list for the linker and this engine); a user
    # rule file's [lexicons] may add words.
    counterpart: list[str] = Field(default_factory=list)
    visiting: list[str] = Field(default_factory=list)
    event_heads: list[str] = Field(default_factory=list)
    event_stops: list[str] = Field(default_factory=list)
    named_event_heads: list[str] = Field(
        default_factory=list,
        description="Event heads that are common nouns first ('حوار', dialogue): they open an event "
        "name only with a name inside it (a place, organisation, person or country, or a quoted name).",
    )
    generic_event_words: list[str] = Field(
        default_factory=list,
        description="Words right after an event head that make it a description, not a name: "
        "'مؤتمر صحفي' (a press conference), 'اجتماع آخر' (another meeting).",
    )
    celebration_heads: list[str] = Field(
        default_factory=list,
        description="Definite event heads named by the occasion after ب too: 'الاحتفال بافتتاح "
        "الميناء الجديد', 'الاحتفالات بالذكرى السبعين لعيد النصر'.",
    )
    match_nouns: list[str] = Field(
        default_factory=list,
        description="Nouns of a match or a game: an event head right after one is its attribute, "
        "not an event ('مباراة قمة المجموعة', the group's top match, is no summit).",
    )
    initiative_heads: list[str] = Field(default_factory=list)
    proposal_masdars: list[str] = Field(default_factory=list)
    event_head_groups: list[list[str]] = Field(
        default_factory=list,
        description="Event heads that refer to one another (a bare الاحتفال to the last حفل named).",
    )
    prepositions: list[str] = Field(
        default_factory=list,
        description="Separate prepositions: a subject never follows one, and an object after one "
        "a slot does not name fills another role.",
    )
    organization_heads: list[str] = Field(
        default_factory=list,
        description="Head nouns of institutions named by a phrase (وزارة الإسكان، مستشفى الملك خالد).",
    )
    organization_stops: list[str] = Field(
        default_factory=list, description="Definite words that end an institution's name (الواقع)."
    )
    honorific_titles: list[str] = Field(
        default_factory=list,
        description="Title heads that alone are a form of address, not an office (الأمير، الشيخ).",
    )
    official_references: list[str] = Field(
        default_factory=list,
        description="Words for any official that with a nisba refer back (المسؤول الإماراتي).",
    )
    title_links: list[str] = Field(
        default_factory=list,
        description="Prepositions inside a title phrase (المشرف العام على، مندوب ... لدى).",
    )
    statement_vehicles: list[str] = Field(
        default_factory=list,
        description="Nouns through which an organisation speaks (بيان): 'أفاد بيان صادر عن X' is X "
        "speaking; 'وأشار البيان' is the last speaker again.",
    )
    unnamed_sources: list[str] = Field(
        default_factory=list,
        description="Nouns of a source left unnamed ('وقال مصدر في الوزارة'): it is the implicit "
        "speaker of the speech verbs that follow, not the one named before.",
    )
    receiving_verbs: list[str] = Field(
        default_factory=list,
        description="Verbs of receiving a message ('تلقى X برقية من Y، مؤكدا'): a speech participle "
        "after them is the sender's.",
    )
    passive_auxiliaries: list[str] = Field(
        default_factory=list,
        description="Verbs that make the masdar after them passive ('سيتم توقيع مذكرة'): the "
        "masdar has no doer to take from the sentence.",
    )
    light_verbs: list[str] = Field(
        default_factory=list,
        description="Verbs whose subject does the masdar after ب: 'قام وفد من الوزارة بزيارة'.",
    )
    plural_light_verbs: list[str] = Field(
        default_factory=list,
        description="Light verbs in the plural: 'كما قاموا بزيارة المدينة' is a group's visit, never "
        "the actor's.",
    )
    outlet_heads: list[str] = Field(
        default_factory=list,
        description="Nouns that open an outlet's name: 'ذكرت صحيفة «X»' cites a source, not a speaker, "
        "even when X is not recognised.",
    )
    facility_heads: list[str] = Field(
        default_factory=list,
        description="Heads of names given after a person ('مطار الملك عبد العزيز'): not that person.",
    )
    unit_heads: list[str] = Field(
        default_factory=list,
        description="Nouns of a unit of a body, after ب or ل in a title and before the body's name "
        "('المتحدث الرسمي بمديرية الدفاع المدني X'): part of the title.",
    )
    repeated_headlines: list[str] = Field(
        default_factory=list,
        description="Words opening a line that repeats the story's headline ('رابط الخبر بصحيفة "
        "X: ...'): no relation is read in it, the story told them already.",
    )
    name_idioms: list[str] = Field(
        default_factory=list,
        description="Phrases opening with a word spelled as a name that name nothing ('مسقط رأسه').",
    )
    group_verbs: list[str] = Field(
        default_factory=list,
        description="Dual and plural verbs ('التقيا'، 'التقوا'): one name alone is not their doer.",
    )
    companions: list[str] = Field(
        default_factory=list,
        description="Words naming who goes along ('يرافقه X'، 'برفقة X'): X is a companion, never the "
        "sentence's actor (a companion gets no VISIT).",
    )
    representatives: list[str] = Field(
        default_factory=list,
        description="Those who act for a body or state, left unnamed ('محادثات مع قادة الحوثيين'، "
        "'مباحثات مع المسؤولين في المملكة'): at a meeting the body or state named after them takes part.",
    )
    host_offices: list[str] = Field(
        default_factory=list,
        description="A host's office ('استقبل X في مكتبه بالديوان Y'): the body after it is where he "
        "received, and the one received is named after it.",
    )
    pronoun_subjects: list[str] = Field(
        default_factory=list,
        description="Words after which a verb's doer is a pronoun ('إنه سيلتقي X'، 'حيث التقى X'): "
        "the name after the verb is its object.",
    )
    sports_words: list[str] = Field(
        default_factory=list,
        description="Words of a sports story ('المباراة'، 'المنتخب'): in a sentence with one, "
        "'يلتقي الفريق مع X' is a match, 'توجه الفريق إلى' a trip and 'وقع النادي مع اللاعب' a "
        "contract: no MEETING, VISIT or AGREEMENT.",
    )
    sports_meetings: list[str] = Field(
        default_factory=list,
        description="Meeting triggers that name no match ('اجتمع'، 'اجتماعا مع'): in a sentence of a "
        "sports story they still give a MEETING ('اجتمع رئيس النادي X مع المدرب Y').",
    )
    delegations: list[str] = Field(
        default_factory=list,
        description="Nouns of a delegation: 'وفد من وزارة النقل' and 'الوفد الكويتي برئاسة X' "
        "stand for the body named after them, or the person heading them.",
    )
    troops: list[str] = Field(
        default_factory=list,
        description="Heads of armed units: 'وتفقد الوزير القوات الأمريكية' inspects troops, no "
        "place or facility, so such a body is never a VISIT's destination.",
    )
    unnamed_groups: list[str] = Field(
        default_factory=list,
        description="Unnamed groups and things one receives or meets ('استقبل X المهنئين من "
        "منسوبي الوزارة'): before any name after a meeting trigger, the one met is unnamed.",
    )
    name_openers: list[str] = Field(
        default_factory=list,
        description="Honorifics that open a person's name (معالي، فخامة): a title before one "
        "belongs to the person named before it (معالي X وزير الخارجية معالي Y).",
    )
    honorific_pronouns: dict[str, list[str]] = Field(
        default_factory=dict,
        description="A pronoun of address and the honorifics it stands for: 'وأكد سموه' is the "
        "person last introduced as 'صاحب السمو'.",
    )
    body_heads: list[str] = Field(
        default_factory=list,
        description="Definite heads of bodies (المجلس، الوزارة): a bare one with no name after it "
        "refers back to the one body of the document named with that head.",
    )
    state_heads: list[str] = Field(
        default_factory=list,
        description="Nouns through which a state is named (حكومة، جمهورية): 'X وحكومة Y' "
        "coordinates two countries.",
    )
    masculine_states: list[str] = Field(
        default_factory=list,
        description="Countries whose names are masculine (العراق، الأردن): 'وأكد العراق' agrees; "
        "any other country takes a feminine verb, so a masculine one (قال، مشيرا) left without a "
        "subject is not carried to it.",
    )
    title_epithets: dict[str, str] = Field(
        default_factory=dict,
        description="Epithets of an office and the office's title: a bare epithet (وأعرب خادم "
        "الحرمين الشريفين) refers to the document's one holder of that title.",
    )
    title_countries: dict[str, str] = Field(
        default_factory=dict,
        description="Words that name a country inside a title, with its canonical name "
        "(سفير خادم الحرمين الشريفين -> السعودية).",
    )

    def extended(self, more: Lexicons) -> Lexicons:
        """These lexicons with the words of the lists ``more`` names added after their own
        (repeats left out). In a table, a new key is added; an existing one gets the new words
        (``honorific_pronouns``) or the new value (``title_epithets``, ``title_countries``)."""
        update: dict[str, object] = {}
        for name in more.model_fields_set:
            mine, theirs = getattr(self, name), getattr(more, name)
            if isinstance(mine, dict):
                table = dict(mine)
                for key, value in theirs.items():
                    table[key] = (
                        _joined(table[key], value) if isinstance(value, list) and key in table else value
                    )
                update[name] = table
            else:
                update[name] = _joined(mine, theirs)
        return self.model_copy(update=update)


def _joined(words: list[_Word], more: list[_Word]) -> list[_Word]:
    joined = list(words)
    for word in more:
        if word not in joined:
            joined.append(word)
    return joined


class RuleSet(_Strict):
    rules: list[Rule]
    lexicons: Lexicons | None = None


def load_rule_file(path: str | Path) -> RuleSet:
    """Read and validate one rule file; errors name the file and the offending field."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:  # a ValueError, not an OSError: name the file
        raise ResourceError(f"cannot read rule file {path}: not UTF-8 ({error})") from error
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ResourceError(f"cannot read rule file {path}: {error}") from error
    try:
        return RuleSet.model_validate({"rules": data.get("rule", []), "lexicons": data.get("lexicons")})
    except ValidationError as error:
        raise ResourceError(f"invalid rule file {path}:\n{error}") from error


def load_rules(extra: Iterable[str | Path] = ()) -> tuple[list[Rule], Lexicons]:
    """The shipped rules and lexicons, plus any user rule files, in order: their rules are
    added (a user rule with the id of a shipped one replaces it), and the words of their
    ``[lexicons]`` tables join the shipped lists of the same name."""
    default = load_rule_file(package_data("relations.toml"))
    assert default.lexicons is not None and set(Lexicons.model_fields) - {"counterpart"} <= (
        default.lexicons.model_fields_set
    ), "the shipped rule file defines every lexicon but the counterpart words"
    rules = {rule.id: rule for rule in default.rules}
    # The counterpart words are the linker's (link.toml [counterpart]): one list for both stages.
    lexicons = default.lexicons.model_copy(update={"counterpart": counterpart_words()})
    for path in extra:
        user = load_rule_file(path)
        for rule in user.rules:
            rules[rule.id] = rule
        if user.lexicons is not None:
            lexicons = lexicons.extended(user.lexicons)
    return list(rules.values()), lexicons
