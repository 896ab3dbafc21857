"""The title grammar of Arabic news: the title phrase around a person's name, read back from
the name ("عضو مجلس الدولة ووزير الخارجية الصيني الزائر وانغ يي"), after it in apposition
("بدر بن حمد البوسعيدي وزير الخارجية") or inside it ("الملك عبد الله الثاني"), with its
affiliation; and the extent of a title phrase read forward from its head ("وزير الخارجية
الصيني" with no name after it)."""

from __future__ import annotations

from dataclasses import dataclass, field

from arextract.relations.lexicons import (
    ENVOYS,
    PATRONYMIC,
    FoldedLexicons,
    is_definite,
    listed,
    starts_new_title,
)
from arextract.relations.view import AFFILIATION_TYPES, PLACE_TYPES, DocumentView, Mention, SentenceView
from arextract.schema import EntitySource, EntityType
from arextract.text import quotes
from arextract.text.clitics import (
    NAME_PREPOSITIONS,
    POSSESSIVE_SUFFIXES,
    lam_article_reading,
    strip_proclitics,
)
from arextract.text.normalize import fold

# First names that begin with و, which is then not the conjunction.
_WAW_NAMES = frozenset(
    fold(name) for name in ("وليد", "وائل", "وحيد", "وسام", "وفاء", "وجدي", "وديع", "وهيب", "ولاء")
)


# A name's last word that needs the father's name after it: what follows is not a title.


# "في" folded: inside an organisation (a member), in a country or city (a posting).
_IN = fold("في")


# Honorifics that are also an office: "السفير الأمريكي X" is the ambassador; "الأمير الأردني X"
# and "الشيخ الكويتي X" are a rank and a nationality, no title (GUIDELINES §5)
_ADDRESSED_OFFICES = frozenset(fold(word) for word in ("السفير", "السفيرة"))


# The nouns of an administrative unit: "مدير التعليم بمنطقة القصيم"، "مدير الثقافة في ولاية
# وهران": the office's jurisdiction, named after ب or في, is its affiliation (GUIDELINES §5)
_JURISDICTIONS = frozenset(
    fold(word) for word in ("منطقة", "محافظة", "ولاية", "إمارة", "إقليم", "مدينة", "بلدية", "مقاطعة")
)


# The definite noun of a kind of place that a title governs instead of naming the place: "أمير
# البلاد" (the country of the story), "رئيس الإقليم" (the region named before), "مدير عام الشؤون
# الصحية بالمنطقة", "حاكم منطقة العاصمة". The place is the one of that kind named last before.
_PLACE_ANAPHORS: dict[str, tuple[EntityType, ...]] = {
    fold("البلاد"): (EntityType.COUNTRY,),
    fold("الإقليم"): (EntityType.REGION,),
    fold("المنطقة"): (EntityType.REGION,),
    fold("الولاية"): (EntityType.REGION,),
    fold("المحافظة"): (EntityType.REGION, EntityType.CITY),
    fold("العاصمة"): (EntityType.CITY,),
}


# The endings of a plural nisba, folded: السعوديين، المصريون.
_PLURAL_NISBA = (fold("يين"), fold("يون"))


# "in it": a title's link to a body named before ("القيادي فيه").
_IN_IT = frozenset(fold(word) for word in ("فيه", "فيها"))


# "نائب الرئيس X": a deputy's head before a definite head is one office (the vice-president).
_DEPUTIES = frozenset(fold(word) for word in ("نائب", "نائبة"))


# What closes a title set off after a name by a comma: another comma or a full stop; or a colon
# right after the title, before the words quoted ("قال X، رئيس جمعية Y: «...»").
_CLOSINGS = frozenset({"،", ",", "؛", "."})

# The longest bracketed alias after a body's name that a title apposition reads past, in tokens.
_ALIAS_SPAN = 8

# The longest rest of a title set off by commas after a name, in tokens.
_SET_OFF_SPAN = 10
_PLACES_AND_BODIES = (*AFFILIATION_TYPES, *PLACE_TYPES)


# The most words a title after a name reads that the lexicon does not list, when the last ones
# are coordinated definite nouns of a portfolio (والكهرباء، والري); and "وال" folded.
_PORTFOLIO_WORDS = 5
_AND_THE = fold("وال")

# "لل" folded: a portfolio after a title ("للشؤون التعليمية").
_LIL = fold("لل")

# "لـ" written apart from the body it links to a title: "المدير التنفيذي لـ«حركة X»".
_LAM = fold("ل")

# "على" folded: the link of an office to what it oversees (المشرف العام على), not a posting.
_OVER = fold("على")


# A ministry, a committee or a department is a body even when its words are all title words
# (وزارة الخارجية، لجنة الأمن والدفاع، الإدارة العامة للشؤون الدولية); a council may be named
# in a title (عضو مجلس الدولة).
_MINISTRY = frozenset(fold(word) for word in ("وزارة", "لجنة", "إدارة", "الإدارة"))


# The knowledge files' subtype of a body of states (الأمم المتحدة، الاتحاد الأوروبي).
_INTERGOVERNMENTAL = "intergovernmental"


# Forms of address written as one letter and a full stop between a title and a name: "د."
# (الدكتور), "م." (المهندس): "المتحدث الرسمي للهيئة م. X".
_ABBREVIATED = frozenset(fold(letter) for letter in ("د", "م"))


# Past-tense verbs that look like definite nouns once folded (التقى، ألقى -> القي): a title
# never runs back over one ("... التقى الشيخ X" in a headline without punctuation).
_VERBS_LIKE_DEFINITE = frozenset(
    fold(word)
    for word in (
        *("التقى", "التقت", "التقيا", "التقوا", "ألقى", "ألقت", "ألغى", "ألغت", "ألمح", "ألمحت"),
        *("التزم", "التزمت", "التحق", "التحقت", "التمس", "التمست", "ألزم", "ألزمت"),
    )
)


@dataclass
class TitleChain:
    first: int | None = None  # token indices of the title words
    last: int | None = None
    counterpart: int | None = None
    visiting: int | None = None
    affiliations: list[Mention] = field(default_factory=list)
    inner: list[Mention] = field(default_factory=list)  # affiliations a head governs inside
    after: bool = False  # the title follows the name (apposition)
    jurisdiction: Mention | None = None  # a place closing the title ("بمنطقة القصيم")


class TitleGrammar:
    """Reads title phrases with the rule file's title lexicons."""

    def __init__(self, words: FoldedLexicons) -> None:
        self._words = words
        self._apposition = Apposition(words)

    def chain(self, view: DocumentView, sentence: SentenceView, person: Mention) -> TitleChain | None:
        """The title of a person named in a sentence: before the name, else after or inside it.

        A country or organisation between the title words and the name (الصيني، قازاقستان in
        "وزير خارجية قازاقستان") is the affiliation; so is one a head governs inside the title
        ("رئيس ديوان المظالم رئيس مجلس القضاء الإداري"), unless it is a posting (لدى الأمم
        المتحدة) or an office named by title words alone (عضو مجلس الدولة). Between a head and
        the name, the title grammar also reads words the lexicon does not list: definite
        complements (وزير الإسكان، وكيل الوزارة للدراسات), a noun in construct after a head
        (مدير مكتب ...) and linking prepositions (المشرف العام على المستشفى). Such words are
        only kept when a head word further left opens the title.
        """
        chain, honorific = self._read_back(view, sentence, person)
        tokens = view.tokens
        if (
            chain.first is not None
            and chain.last is not None
            and chain.first > sentence.first
            and view.mention_covering(sentence, chain.first - 1, (EntityType.PERSON,)) is not None
            and any(
                listed(tokens[i].norm, self._words.name_openers) for i in range(chain.last + 1, person.first)
            )
        ):
            # "معالي X وزير الخارجية معالي Y": the title is X's apposition; Y's name opens
            # with its own honorific
            return self.after(view, sentence, person) or _inside(self._words, view, person)
        # a title begins with a head word (وزير, الرئيس, بالرئيس...), not a complement (الخارجية)
        while chain.first is not None and chain.last is not None and chain.first <= chain.last:
            norm = tokens[chain.first].norm
            if _opens_title(self._words, norm):
                break
            chain.first += 1
        if chain.first is not None and chain.last is not None and chain.first > chain.last:
            chain.first = chain.last = None
        if chain.first is not None:
            chain.first = _after_previous_name(self._words, view, sentence, chain)
            if listed(tokens[chain.first].norm, ENVOYS):
                # "مندوب المملكة في الأمم المتحدة X": an envoy is posted to what follows في
                chain.affiliations = [m for m in chain.affiliations if tokens[m.first - 1].norm != _IN]
            chain.inner = [m for m in chain.inner if m.first > chain.first]
        if chain.first is None and chain.counterpart is None:
            shared = self._shared_title(view, sentence, chain)
            if shared is not None:
                return shared
            if honorific is not None and chain.affiliations and _addressed_office(tokens[honorific].norm):
                # "السفير الأمريكي مارك ليبرت": an ambassador addressed so holds an office; a
                # prince or sheikh with a nisba ("الأمير الأردني X") holds a rank, no title
                return TitleChain(first=honorific, last=honorific, affiliations=chain.affiliations)
            return self.after(view, sentence, person) or _inside(self._words, view, person)
        if chain.first is None and chain.counterpart is not None:
            chain.inner = []
        _adopt_jurisdiction(view, chain)  # "مدير الثقافة في ولاية وهران X"
        if chain.first is not None and chain.last is not None and not chain.affiliations and not chain.inner:
            owner = _pronoun_owner(view, sentence, chain)
            if owner is not None:
                chain.affiliations.append(owner)
        if (
            chain.first is not None
            and chain.first == chain.last
            and not chain.affiliations
            and not chain.inner
        ):
            # "الرئيس عبدالله يامين رئيس جمهورية المالديف": the apposition names the affiliation
            after = self.after(view, sentence, person)
            if after is not None and after.affiliations:
                return after
        return chain

    def _read_back(
        self, view: DocumentView, sentence: SentenceView, person: Mention
    ) -> tuple[TitleChain, int | None]:
        """The title words before a name, and the form of address (الأمير، السفير) among them."""
        words = self._words
        tokens = view.tokens
        chain, job = TitleChain(), None
        index = person.first - 1
        if _quoted_name(view, sentence, person):
            index -= 1  # "الرئيس التنفيذي لشركة إسوس “جوني شيه”": the opening mark
        if (
            index >= sentence.first
            and _governs_the_name(tokens[index].norm, words.title_heads, person.first, person)
            and starts_new_title(tokens[person.first].norm, words.title_heads)
        ):
            return chain, None  # "ممثل | السلطان قابوس": the name carries its own title
        if index >= sentence.first and view.text[tokens[person.first].start : person.entity.start] == "و":
            # "وحضر وزير الخارجية | ومحمد العلي": a name after the conjunction و is the next
            # item of a list; the title before it is another's (a name may itself open with و:
            # وانغ، وليد, so only a و left out of the name counts)
            return chain, None
        honorific: int | None = None
        open_words = 0
        while index >= sentence.first:
            token = tokens[index]
            if chain.last is None and chain.counterpart is None and _list_item(words, view, index, person):
                break  # "X رئيس الجامعة والدكتور Y": the title before و is the previous name's
            if token.text in quotes.MARKS and _quoted_body(view, sentence, index):
                index -= 1  # "مراسل صحيفة «واشنطن بوست» في طهران X"
                continue
            covering = view.mention_covering(sentence, index, AFFILIATION_TYPES)
            if _head_in_office(words, view, covering, index, person):
                chain.first = chain.last = index  # "مكتب الرئيس X": X is "الرئيس"
                break
            if (office := _office_inside(words, view, sentence, covering, person)) is not None:
                chain.first, chain.last = office  # "عضو في حزب رئيس الوزراء X": X is the premier
                break
            if covering is not None:
                self._add_affiliation(view, sentence, chain, covering, honorific)
                index = covering.first - 1
                continue
            referent = view.mention_covering(sentence, index, (EntityType.PERSON,))
            if (
                referent is not None
                and referent.entity.source == EntitySource.COREF
                and view.tokens[referent.first].norm in words.title_heads
                and view.tokens[referent.last + 1].norm[:1] != "و"  # "الوزير ومدير عام X": two people
                and not _object_after_head(words, view, sentence, chain, referent.last)
            ):
                # "المبعوث الأممي إلى اليمن X": a title the linker read as a reference
                chain.first = referent.first
                chain.last = chain.last if chain.last is not None else referent.last
                index = referent.first - 1
                continue
            place = view.mention_covering(sentence, index, PLACE_TYPES)
            if place is not None:
                if not _add_place(self._words, view, sentence, chain, place):
                    break
                index = min(place.first, chain.first if chain.first is not None else place.first) - 1
                continue
            if listed(token.norm, words.counterpart) or listed(token.norm[1:], words.counterpart):
                chain.counterpart = index  # "نظيره"، "بنظيره"
                break
            if self._skipped(view, sentence, chain, index, person):
                index -= 1
                continue
            if listed(token.norm, words.descriptors) and not any(
                _title_word(words, tokens[i].norm) for i in range(index + 1, person.first)
            ):
                job, chain, open_words = _profession(words, chain, token.norm, index) or job, TitleChain(), 0
                index -= 1
                continue
            if token.norm[:1] in "بل" and token.norm[1:] in words.name_openers:
                break  # "لقاء X وزير الشؤون الاجتماعية | بسمو الأمير Y": ب governs Y's address
            if chain.last is None and _honorific(words, token.norm):
                honorific = index  # "الأمير محمد"، "السفير المعلمي": a form of address
            elif _title_word(words, token.norm):
                if _ends_other_title(words, view, chain, token.norm, person) or _object_after_head(
                    words, view, sentence, chain, index
                ):
                    break
                chain.first = index
                chain.last = chain.last if chain.last is not None else index
                if _prepositioned_head(words, token.norm) or _addressed_by_lam(words, view, sentence, index):
                    break  # "التقى الوزير | بالرئيس العام للهيئة X": the preposition opens it
            elif listed(token.norm, words.title_modifiers):
                if listed(token.norm, words.visiting):
                    chain.visiting = index
            elif open_words < 5 and self._open_title_word(view, sentence, index, chain):
                open_words += 1
                chain.first = index
                chain.last = chain.last if chain.last is not None else index
            else:
                break
            index -= 1
        return _or_profession(chain, job), honorific

    def _shared_title(
        self, view: DocumentView, sentence: SentenceView, chain: TitleChain
    ) -> TitleChain | None:
        """ "بنظيره الروسي سيرغي لافروف والأميركي جون كيري": a nisba joined by و after a
        titled name gives the next name the same title, with its own country."""
        if len(chain.affiliations) != 1 or not chain.affiliations[0].is_nisba:
            return None
        nisba = chain.affiliations[0]
        if view.tokens[nisba.first].text[:1] != "و" or nisba.first <= sentence.first:
            return None
        previous = view.mention_covering(sentence, nisba.first - 1, (EntityType.PERSON,))
        if previous is None:
            return None
        title = self.chain(view, sentence, previous)
        if title is None or title.after or (title.first is None and title.counterpart is None):
            return None
        return TitleChain(
            first=title.first, last=title.last, counterpart=title.counterpart, affiliations=[nisba]
        )

    def _add_affiliation(
        self,
        view: DocumentView,
        sentence: SentenceView,
        chain: TitleChain,
        covering: Mention,
        honorific: int | None,
    ) -> None:
        """A country or organisation read back over: the affiliation next to the name, else a
        part of the title (and an affiliation a head governs inside it)."""
        posted = _posted(self._words, view, sentence, covering) or _demonym(covering)
        if chain.last is None and not posted and (honorific is None or _nisba_before(covering, honorific)):
            # "ولي العهد السعودي الأمير محمد": a nisba right before the form of address is
            # still the affiliation of the title before it
            chain.affiliations.append(covering)
            return
        # "مندوب المملكة الدائم لدى الأمم المتحدة السفير X": after a form of
        # address, what comes before is a title of its own
        if _inner_affiliation(self._words, view, sentence, covering):
            chain.inner.append(covering)
        chain.first = covering.first
        chain.last = chain.last if chain.last is not None else covering.last

    def _skipped(
        self, view: DocumentView, sentence: SentenceView, chain: TitleChain, index: int, person: Mention
    ) -> bool:
        """A comma after a title ("رئيس الجمهورية، السيد عبد المجيد تبون") or the dot of "د.".

        Not the comma of a list ("X رئيس الحكومة المغربية، وY والي طنجة"): a name joined by و
        after a comma is the next item, and the title before the comma is the previous name's.
        """
        tokens = view.tokens
        token = tokens[index]
        if (
            token.text in {"،", ","}
            and not _list_item(self._words, view, index + 1, person)
            and index - 1 >= sentence.first
            and chain.last is None
            and (
                listed(tokens[index - 1].norm, self._words.titles)
                or view.mention_covering(sentence, index - 1, AFFILIATION_TYPES) is not None
                # "سفير الخرطوم في القاهرة، عبدالمحمود عبدالحليم،": a posting or jurisdiction
                # closing the title (read back as such, or the title ends there)
                or view.mention_covering(sentence, index - 1, PLACE_TYPES) is not None
                or _portfolio(self._words, view, sentence, index - 1)
                or _headed_phrase(self._words, view, sentence, index - 1)
                # "بنظيريه، الأميركي X والسعودي Y"
                or listed(tokens[index - 1].norm.removeprefix("ب"), self._words.counterpart)
            )
        ):
            return True
        if _between_offices(self._words, view, sentence, chain, index):
            return True
        return token.text == "." and index - 1 >= sentence.first and tokens[index - 1].norm in _ABBREVIATED

    def _open_title_word(
        self, view: DocumentView, sentence: SentenceView, index: int, chain: TitleChain
    ) -> bool:
        """A word of a title the lexicon does not list (see :meth:`chain`)."""
        words = self._words
        token = view.tokens[index]
        norm = token.norm
        if not token.text.isalpha() or view.is_time_token(index) or view.mention_covering(sentence, index):
            return False
        if (
            norm in words.stops
            or norm in words.adverbs
            or listed(norm, words.negation)
            or listed(norm, words.relatives)
        ) and norm not in words.title_links:
            return False
        left = view.tokens[index - 1].norm if index > sentence.first else ""
        left_is_title = listed(left, words.titles) or words.prefixed_title(left)
        if norm in words.title_links:
            # "المشرف العام على المستشفى"، "مندوب المملكة الدائم لدى"، "سفير مصر لدى": something
            # must follow
            body = index - 2 if left and view.tokens[index - 1].text in quotes.MARKS else index - 1
            governed = view.mention_covering(sentence, body, AFFILIATION_TYPES) is not None
            # "المشرف العام على مستشفى X": what follows may be the affiliation itself
            # "القيادي في حركة X": the organisation a member belongs to
            opened = chain.last is not None or (
                bool(chain.affiliations)
                and (
                    norm == _OVER or (norm == _IN and chain.affiliations[-1].type == EntityType.ORGANIZATION)
                )
            )
            return opened and (left_is_title or is_definite(left) or governed)
        if is_definite(norm):
            return norm not in _VERBS_LIKE_DEFINITE
        if _body_of_affiliation(words, view, sentence, index):
            return True
        if left_is_title and _unit_of_body(words, view, sentence, index):
            return True  # "المتحدث الرسمي بمديرية الدفاع المدني X"، "بقيادة حرس الحدود"
        if left_is_title and _lam_complement(view, chain, index):
            return True  # "الرئيس العام لرعاية الشباب X"، "المدير العام لشؤون المساجد X"
        # a noun in construct: "مدير مكتب"، "رئيس مكتبها" (not "لاطلاعهم": a purpose clause)
        return left_is_title and norm[0] not in "لبو"

    def title_at(self, view: DocumentView, sentence: SentenceView, index: int) -> TitleChain:
        """The title whose head is token ``index``, read forward as an apposition is."""
        return self._apposition._title_from(view, sentence, index)[0]

    def after(self, view: DocumentView, sentence: SentenceView, person: Mention) -> TitleChain | None:
        """A title in apposition after the name: "بدر بن حمد البوسعيدي وزير الخارجية،"."""
        return self._apposition.read(view, sentence, person)


class Apposition:
    """A title after the name it describes, read forward (see :meth:`read`)."""

    def __init__(self, words: FoldedLexicons) -> None:
        self._words = words

    def read(self, view: DocumentView, sentence: SentenceView, person: Mention) -> TitleChain | None:
        """A title in apposition after the name: "بدر بن حمد البوسعيدي وزير الخارجية،".

        Between the head and the affiliation, words the lexicon does not list may stand when
        an affiliation follows them: adjectives and complements ("القائد الجهوي للدرك
        الملكي"، "الرئيس الأول لمحكمة الاستئناف"). A country or organisation after لدى or في
        is a posting, and ends the title.
        """
        tokens = view.tokens
        if tokens[person.last].norm in PATRONYMIC:
            return None  # "عبدالله بن | مساعد": a name cut before its father's, no apposition
        index = person.last + 1
        if _quoted_name(view, sentence, person):
            index += 1  # "قال “جون كول” المدير التنفيذي للشركة": the closing mark
        comma = index < sentence.last and tokens[index].text in {"،", ","}
        if comma:
            index += 1  # "إبراهيم محلب، رئيس مجلس الوزراء،"
        if index >= sentence.last or tokens[index].norm not in self._words.title_heads:
            return None  # "وانغ ونائب رئيس الوزراء ...": after a conjunction, someone else's title
        if tokens[index].text.endswith("ه"):
            return None  # "أقال X نائبه": an object with "his", not an apposition
        chain, index = self._title_from(view, sentence, index)
        if (
            chain.first is not None
            and chain.last == chain.first
            and not chain.affiliations
            and tokens[chain.first].norm in self._words.honorifics
        ):
            return None  # "أحمد الشيخ": a family name or a form of address, no office
        second = self._second_title(view, sentence, index, not chain.affiliations)
        if second is not None:
            # "X وزير المياه والكهرباء رئيس مجلس إدارة المؤسسة ...": a combined title
            chain.last = second.last
            (chain.inner if chain.affiliations else chain.affiliations).extend(second.affiliations)
        if comma:
            # between commas: "دعا X، الأمين العام إلى ..." is an address, not an apposition
            end = max([chain.last or 0, *(m.last for m in chain.affiliations)]) + 1
            if end < sentence.last and tokens[end].text in quotes.MARKS:
                end += 1  # "X، رئيس تحرير صحيفة «Y» إن"
            end = _past_alias(view, sentence, end)  # "X، الرئيس التنفيذي لشركة Y (Z)،"
            closing = (
                i
                for i in range(end, min(end + 3, sentence.last))
                if tokens[i].text in _CLOSINGS or (i == end and tokens[i].text == ":")
            )
            close = next(closing, None)
            if close is None and not chain.affiliations and self._set_off(view, sentence, chain, end):
                return chain
            if (
                close is None
                and chain.affiliations
                and self._set_off(view, sentence, chain, end, chain.affiliations[-1])
            ):
                return chain  # "X، رئيس الهيئة التنفيذية في حزب Y،"
            if close is None and chain.affiliations and end < sentence.last:
                # "X، رئيس حركة Y الجزائرية المحسوبة على ..."، "... التي": the body named is
                # described further, and the apposition holds
                following = tokens[end].norm
                if (
                    listed(following, self._words.relatives)
                    or (is_definite(following) and following not in self._words.stops)
                    # "قال X، رئيس هيئة Y إن ...": the reported speech after the speaker
                    or following in self._words.complementizers
                ):
                    return chain
            if end < sentence.last and (
                close is None
                or any(
                    tokens[i].norm in self._words.stops and tokens[i].norm not in self._words.title_links
                    for i in range(end, close)
                )
            ):
                return None
        return chain

    def _set_off(
        self,
        view: DocumentView,
        sentence: SentenceView,
        chain: TitleChain,
        end: int,
        seed: Mention | None = None,
    ) -> bool:
        """Whether a longer title set off by commas runs from ``end`` to the next comma or colon
        ("X، وزير الثقافة في إيران، خلال ..."، "X، رئيس جهاز الأمن القومي في
        اليمن:"): title words and one place or body, which is the affiliation, or more than one
        joined by a link ("في"، "ب"، "لـ«»": see :func:`_named_last_body`). Extends ``chain``
        when so (``seed``: the body the title named before ``end``, which a later one after a
        link may replace). A predicate ("طالب X، رئيس الحكومة بإجراء تحقيق، ...") or
        another name in the stretch is no title."""
        tokens = view.tokens
        last, found, index = chain.last, seed, end
        named: list[Mention] = [seed] if seed is not None else []  # a second one only after a link
        linked_to = False
        while index < min(end + _SET_OFF_SPAN, sentence.last):
            text = tokens[index].text
            if text in _CLOSINGS or text == ":":
                if found is None:
                    return False  # a body the tagger missed: its title would lack it
                if seed is not None and len(named) == 1:
                    return False  # nothing after the body named already
                chain.last = last
                if seed is not None:
                    chain.affiliations.remove(seed)
                chain.affiliations.append(_named_last_body(named))
                return True
            if text in quotes.MARKS and index + 1 < sentence.last:
                index += 1  # "المدير التنفيذي لـ«حركة X»،"
                continue
            mention = view.mention_covering(sentence, index, _PLACES_AND_BODIES)
            attached = mention is not None and mention.entity.start > tokens[index].start  # "بالعاصمة"
            if mention is not None and mention.first == index and (found is None or linked_to or attached):
                # "في إيران"، "لمنظمة X"; "مدير الأبحاث في جمعية X في بريطانيا"، "رئيس الهيئة
                # التنفيذية في حزب X"
                found, index = mention, mention.last + 1
                named.append(mention)
                linked_to = False
                continue
            linked_to = tokens[index].norm in self._words.title_links or tokens[index].norm == _LAM
            linked = linked_to and index + 1 < sentence.last
            if linked and view.mention_covering(sentence, _past_mark(view, index + 1), _PLACES_AND_BODIES):
                index += 1  # "في" before the place the office serves
                continue
            if (
                found is not None
                or view.mention_covering(sentence, index)
                or not self._word(view, sentence, index)
            ):
                return False
            last = index
            index += 1
        return False

    def _title_from(self, view: DocumentView, sentence: SentenceView, index: int) -> tuple[TitleChain, int]:
        """The title whose head is token ``index`` (see :meth:`read`), and the token it stops at."""
        tokens = view.tokens
        head = tokens[index].norm
        chain = TitleChain(first=index, last=index, after=True)
        index += 1
        open_words = 0
        while index < sentence.last:
            if tokens[index].text in quotes.MARKS and _quoted_body(view, sentence, index):
                index += 1  # "X مراسل صحيفة «نيويورك تايمز»"
                continue
            unit = _jurisdiction_after(view, sentence, index)
            if (
                unit is not None
                and head not in ENVOYS
                and all(_service_of(view, m, unit) for m in chain.affiliations)
            ):
                # "X مدير الثقافة في ولاية وهران"، "X مدير التعليم بمنطقة القصيم"، "X مدير
                # الدفاع المدني بمنطقة تبوك"
                chain.affiliations = [unit]
                break
            place = view.mention_covering(sentence, index, PLACE_TYPES)
            if (
                place is not None
                and not chain.affiliations
                and (not open_words or not is_definite(tokens[index - 1].norm))
            ):
                # "والي طنجة"، "محافظ عنيزة"؛ through a noun in construct: "والي أمن طنجة"
                chain.last = index - 1 if open_words else chain.last
                chain.affiliations.append(place)
                break
            covering = view.mention_covering(sentence, index, AFFILIATION_TYPES)
            if covering is not None:
                if listed(tokens[index - 1].norm, self._words.title_links) and _posting(
                    tokens[index - 1].norm, covering
                ):
                    break  # "الملحق العسكري لدى المغرب": a posting ("المشرف العام على": not)
                if _titled_office(self._words, covering):
                    # "وزير الدولة ومدير مكتب الرئيس": the office's words, no affiliation
                    chain.last = covering.last
                    index = covering.last + 1
                    continue
                chain.affiliations.append(covering)
                before = index - 2 if tokens[index - 1].text in quotes.MARKS else index - 1
                chain.last = before if open_words else chain.last
                open_words = 0
                index = covering.last + 1
                continue
            if chain.affiliations:
                break
            # "X مدير عام الشؤون الصحية في المنطقة"، "... الصحية بالمنطقة": after في or with ب,
            # the unit's noun closes even a title of unlisted words
            at = index + 1 if tokens[index].norm == _IN and index + 1 < sentence.last else index
            linked = at > index or tokens[index].norm[:1] == "ب"
            anaphor = None if open_words and not linked else _anaphor_place(view, sentence, range(at, at + 1))
            if anaphor is not None:
                # "X رئيس الإقليم": the region named before
                chain.last = at
                chain.affiliations.append(anaphor)
                break
            if listed(tokens[index].norm, self._words.titles) and not open_words:
                chain.last = index
            elif (
                open_words < 3 or (open_words < _PORTFOLIO_WORDS and tokens[index].norm.startswith(_AND_THE))
            ) and self._word(view, sentence, index):
                # (a portfolio of coordinated nouns runs longer: "وزير الموارد المائية والكهرباء
                # والري السوداني")
                open_words += 1
            else:
                break
            index += 1
        return chain, index

    def _second_title(
        self, view: DocumentView, sentence: SentenceView, index: int, joinable: bool
    ) -> TitleChain | None:
        """A second office right after the first, named with its affiliation and not followed
        by a name ("... رئيس الوزراء Y" is Y's title); or joined to a first that names no body by
        و, definite or not ("X، العضو المنتدب والرئيس التنفيذي لشركة Y"، "X نائب رئيس الوزراء
        ووزير الخارجية الأردني"; but "المتحدث باسم الرئاسة الروسية والرئيس الروسي" speaks for
        both)."""
        tokens = view.tokens
        if index >= sentence.last:
            return None
        norm = tokens[index].norm
        joined = joinable and norm[:1] == "و" and norm[1:] in self._words.title_heads
        if tokens[index].text.endswith("ه") or not (
            joined or (norm in self._words.title_heads and not is_definite(norm))
        ):
            return None
        second, _ = self._title_from(view, sentence, index)
        if not second.affiliations:
            return None
        # "... رئيس مندوبية الاتحاد الأوروبي لدى المملكة السفير Y": a name a few words on, with
        # no comma between, is the one the second title belongs to
        for at in range(max(m.last for m in second.affiliations) + 1, min(sentence.last, index + 12)):
            if not tokens[at].text.isalpha():
                break
            if view.mention_covering(sentence, at, (EntityType.PERSON,)) is not None:
                return None
        return second

    def _word(self, view: DocumentView, sentence: SentenceView, index: int) -> bool:
        """An unlisted word of a title after a name, kept only if an affiliation follows."""
        token = view.tokens[index]
        norm = token.norm
        if not token.text.isalpha() or view.is_time_token(index) or view.mention_covering(sentence, index):
            return False
        words = self._words
        if norm[:1] == "و" and _coordinated_portfolio(words, view, index):
            return True  # "وزير المياه والكهرباء"
        if norm in words.title_heads or norm.startswith("و"):
            return False  # another title, or the next item of a list
        if norm == _OVER and listed(view.tokens[index - 1].norm, words.titles):
            return True  # "المشرف العام على ..."
        if norm == _IN and index + 1 < sentence.last:
            member = view.mention_covering(sentence, index + 1, (EntityType.ORGANIZATION,))
            if member is not None and member.first == index + 1:
                return True  # "القائد الميداني في تنظيم X": a member of X
        if norm in words.stops or listed(norm, words.relatives) or listed(norm, words.negation):
            return False
        if is_definite(norm) or listed(norm, words.titles) or words.prefixed_title(norm):
            return True
        if _body_of_affiliation(words, view, sentence, index):
            return True  # "رئيس المكتب السياسي لحركة حماس"
        # a noun in construct after a title word: "مدير جمارك ..."، "والي أمن ..."
        left = view.tokens[index - 1].norm
        return norm[:1] not in "لب" and (listed(left, words.titles) or left in words.title_heads)


def _quoted_name(view: DocumentView, sentence: SentenceView, person: Mention) -> bool:
    """Whether the name stands in quotation marks, as some papers write names ("“جون كول”").
    A full name only: one quoted word is more often a word set off ("السفير هدف «رمزي»")."""
    tokens = view.tokens
    before, after = person.first - 1, person.last + 1
    return (
        person.last > person.first
        and before >= sentence.first
        and after < sentence.last
        and tokens[before].text in quotes.OPENING
        and tokens[after].text in quotes.MARKS
        and tokens[after].text not in quotes.PAIRED_OPENING
    )


def _past_alias(view: DocumentView, sentence: SentenceView, end: int) -> int:
    """The token after a short bracketed alias at ``end`` ("شركة أرامكو السعودية (أرامكو)"),
    else ``end``: the alias belongs to the body the title names."""
    tokens = view.tokens
    if end >= sentence.last or tokens[end].text != "(":
        return end
    for i in range(end + 1, min(end + _ALIAS_SPAN, sentence.last)):
        if tokens[i].text == ")":
            return i + 1
    return end


def _past_mark(view: DocumentView, index: int) -> int:
    """``index``, or the token after it when it is a quotation mark ("لـ«حركة X»")."""
    return index + 1 if view.tokens[index].text in quotes.MARKS else index


def _named_last_body(named: list[Mention]) -> Mention:
    """The affiliation of a title naming more than one body or place: the last body ("رئيس
    الهيئة التنفيذية في حزب X"، "نائب مدير شؤون الشرق الأوسط في منظمة X"; a body's branch in a
    place is the body: "مدير الأبحاث في جمعية X في بريطانيا"), else the first place."""
    bodies = [m for m in named if m.type == EntityType.ORGANIZATION]
    return bodies[-1] if bodies else named[0]


def _inside(words: FoldedLexicons, view: DocumentView, person: Mention) -> TitleChain | None:
    """A name given with its title: "الملك عبد الله الثاني", "الأمير فيصل بن فرحان"."""
    norm = view.tokens[person.first].norm
    if (
        person.last > person.first
        and norm in words.title_heads
        and norm not in words.honorifics
        # "الملك عبد الله الثاني"؛ an indefinite head opens a genitive, not a name
        # ("محامية رضايان" read as one person)
        and is_definite(norm)
    ):
        return TitleChain(first=person.first, last=person.first)
    return None


def _ends_other_title(
    words: FoldedLexicons, view: DocumentView, chain: TitleChain, norm: str, person: Mention
) -> bool:
    """ "رئيس الدولة | الرئيس الفرنسي ماكرون": another person's title ends at this word
    (but "مدير مكتب معالي الوزير", "نائب الرئيس الأمريكي", "مساعد القنصل العام": an
    indefinite head in construct governs the definite one)."""
    heads = words.title_heads
    opened = view.tokens[chain.first].norm if chain.first is not None else ""
    return (
        chain.first is not None
        and starts_new_title(opened, heads)
        and (is_definite(norm) or _governs_the_name(norm, heads, chain.first, person))
    ) or (
        # "بحضور الوزير ومدير عام الصندوق X": a bare "الوزير" is someone else
        opened[:1] == "و" and opened[1:] in heads and norm in heads and norm.startswith("ال")
    )


def _object_after_head(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, chain: TitleChain, index: int
) -> bool:
    """ "استقبل الرئيس | مبعوث الأمين العام X": a definite head standing alone (not governed
    by a head before it, as in "نائب الرئيس رئيس الوزراء X") before an indefinite head is the
    subject of the clause; the title of the name after it opens with the indefinite head."""
    tokens = view.tokens
    if chain.first != index + 1 or index <= sentence.first:
        return False
    opened = tokens[chain.first].norm
    heads = words.title_heads
    return (
        starts_new_title(tokens[index].norm, heads)
        and not _honorific(words, tokens[index].norm)
        and opened in heads
        and not is_definite(opened)
        and not (opened[:1] == "و" and opened[1:] in heads)  # "ووزير": a list ("وزير" is no و)
        and not _title_word(words, tokens[index - 1].norm)
    )


def _after_previous_name(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, chain: TitleChain
) -> int:
    """ "الأمير X رئيس الهيئة السعودية مساعد رئيس الهيئة للشؤون الإدارية Y": right after
    another name, the first of two titles is that name's apposition; the name after them
    holds the last one, from its head on (an indefinite head after a definite word or an
    affiliation, not one in construct: "نائب الرئيس")."""
    assert chain.first is not None and chain.last is not None
    tokens = view.tokens
    if (
        chain.first <= sentence.first
        or view.mention_covering(sentence, chain.first - 1, (EntityType.PERSON,)) is None
    ):
        return chain.first
    heads = words.title_heads
    for index in range(chain.last, chain.first, -1):
        norm = tokens[index].norm
        if norm not in heads or is_definite(norm) or norm[:1] == "و":
            continue
        left = tokens[index - 1].norm
        if is_definite(left) or view.mention_covering(sentence, index - 1, AFFILIATION_TYPES) is not None:
            return index
    return chain.first


def _body_of_affiliation(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int
) -> bool:
    """ "رئيس المكتب السياسي لحركة حماس"، "الرئيس التنفيذي لشركة أرامكو": ل and the indefinite
    head noun of a body, right before a named organisation, link the title to it."""
    norm = view.tokens[index].norm
    if "ال" + norm not in words.body_heads and (
        len(norm) <= 3 or norm[0] != "ل" or "ال" + norm[1:] not in words.body_heads
    ):
        return False  # "حركة" ("القيادي في حركة حماس") or "لحركة"
    body = view.mention_covering(sentence, index + 1, (EntityType.ORGANIZATION,))
    return body is not None and body.first == index + 1


def _unit_of_body(words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int) -> bool:
    """ "بمديرية" in "المتحدث الرسمي بمديرية الدفاع المدني X": ب or ل and the noun of a unit in
    construct with the organisation named right after it, the unit the office serves in (not
    "وزير الخارجية بجهود الأمم المتحدة": praise, and the name after it someone else's)."""
    norm = view.tokens[index].norm
    if norm[:1] not in {"ب", "ل"} or norm[1:] not in words.unit_heads:
        return False
    body = view.mention_covering(sentence, index + 1, (EntityType.ORGANIZATION,))
    return body is not None and body.first == index + 1


def _coordinated_portfolio(words: FoldedLexicons, view: DocumentView, index: int) -> bool:
    """A definite word joined by و to the definite word before it, inside a title after a name
    ("وزير المياه والكهرباء"); not another title or form of address ("والسفير")."""
    rest = view.tokens[index].norm[1:]
    return (
        is_definite(rest)
        and is_definite(view.tokens[index - 1].norm)
        and rest not in words.title_heads
        and rest not in words.stops
        and not listed(rest, words.title_modifiers)
        and not listed(rest, words.honorifics)
    )


def _add_place(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, chain: TitleChain, place: Mention
) -> bool:
    """A city or region read back over: a posting or a governorate (False: the title ends)."""
    before = place.first - 1
    if before < sentence.first:
        return False
    previous = view.tokens[before].norm
    intro = place.first if _written_with_bi(view, place) else _jurisdiction_intro(view, sentence, before)
    if intro is not None:
        # "مدير التعليم بمنطقة القصيم"، "مدير الثقافة في ولاية وهران": the jurisdiction
        if chain.last is None or _portfolio_after(view, place, chain.last):
            # (also before an assistant's portfolio: "مساعد المدير العام للتعليم بجدة للشؤون
            # التعليمية X" is an office of Jeddah's, GUIDELINES §5)
            chain.jurisdiction = place
        chain.last = chain.last if chain.last is not None else place.last
        chain.first = intro
        return True
    if listed(previous, words.title_links) or words.prefixed_title(previous):
        # a posting ("قنصل عام المملكة في نيويورك") or a portfolio ("مساعد الوزير لشؤون
        # الشرق الأوسط"): a part of the title
        chain.first = place.first
        chain.last = chain.last if chain.last is not None else place.last
    elif listed(previous, words.titles) or _construct_noun(words, view, sentence, before):
        # "محافظ عنيزة"، "أمير منطقة حائل"؛ "رئيس إقليم كردستان"، "مدير أمن محافظة X"
        if chain.last is None:
            chain.affiliations.append(place)
            return True
        # "وكيل إمارة منطقة القصيم المساعد للحقوق الأمير X": the place a head inside the
        # title governs, the office's affiliation
        chain.inner.append(place)
        chain.first = place.first
    else:
        return False
    return True


def _portfolio_after(view: DocumentView, place: Mention, last: int) -> bool:
    """Whether the title words from the place to ``last`` are a portfolio with لل- and its
    adjectives ("بجدة | للخدمات المساندة"، "بمنطقة الرياض | للشؤون الأمنية")."""
    tokens = view.tokens
    return (
        place.last < last <= place.last + 3
        and tokens[place.last + 1].norm.startswith(_LIL)
        and all(is_definite(tokens[i].norm) for i in range(place.last + 2, last + 1))
    )


def _jurisdiction_intro(view: DocumentView, sentence: SentenceView, noun: int) -> int | None:
    """Where "بمنطقة" or "في ولاية" before a place starts (``noun``: the unit's noun), if it
    is there."""
    norm = view.tokens[noun].norm
    if len(norm) > 3 and norm[0] == "ب" and norm[1:] in _JURISDICTIONS:
        return noun
    if norm in _JURISDICTIONS and noun - 1 >= sentence.first and view.tokens[noun - 1].norm == _IN:
        return noun - 1
    return None


def _adopt_jurisdiction(view: DocumentView, chain: TitleChain) -> None:
    """A place closing a title with no other affiliation is the office's jurisdiction (not an
    envoy's posting: "القنصل العام بجدة"); so is one after a service named by its function
    ("مدير الدفاع المدني بمنطقة تبوك": the region's civil defence, GUIDELINES §5)."""
    if chain.jurisdiction is None or chain.first is None or chain.affiliations:
        return
    if listed(view.tokens[chain.first].norm, ENVOYS):
        return
    if chain.inner and not all(_service_of(view, m, chain.jurisdiction) for m in chain.inner):
        return
    chain.inner = []
    chain.affiliations.append(chain.jurisdiction)


def _service_of(view: DocumentView, body: Mention, place: Mention) -> bool:
    """Whether a body right before "بمنطقة X" or "في محافظة X" is a public service named by
    its function with the article ("الدفاع المدني"، "الإدارة العامة للمرور"), which that place
    has one of; not an institution with a name of its own ("جامعة الملك خالد بمنطقة عسير")."""
    return (
        body.type == EntityType.ORGANIZATION
        and body.last < place.first
        and place.first - body.last <= 3
        and is_definite(view.tokens[body.first].norm)
    )


def _lam_complement(view: DocumentView, chain: TitleChain, index: int) -> bool:
    """ "لرعاية" in "الرئيس العام لرعاية الشباب X": ل and a noun in construct with the definite
    title word after it (not "لاطلاعهم": a purpose clause with a pronoun)."""
    token = view.tokens[index]
    return (
        token.norm[:1] == "ل"
        and len(token.norm) > 3
        and chain.first == index + 1
        and is_definite(view.tokens[index + 1].norm)
        and not token.text.endswith(POSSESSIVE_SUFFIXES)
    )


def _written_with_bi(view: DocumentView, place: Mention) -> bool:
    """Whether a place is written with ب ("بجدة"، "بمنطقة الجوف"، "بالأحساء")."""
    token = view.tokens[place.first]
    prefix = fold(view.text[token.start : place.entity.start])
    if prefix in {"ب", "وب"}:
        return True
    return prefix == "" and token.norm.startswith("ب") and not place.entity.text.startswith("ب")


def _jurisdiction_after(view: DocumentView, sentence: SentenceView, index: int) -> Mention | None:
    """The place of "بمنطقة X" or "في ولاية X" starting at token ``index``, if it is there."""
    for noun in (index, index + 1):
        if noun + 1 >= sentence.last or _jurisdiction_intro(view, sentence, noun) != index:
            continue
        place = view.mention_covering(sentence, noun + 1, PLACE_TYPES)
        if place is not None and place.first == noun + 1:
            return place
    return None


def _construct_noun(words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int) -> bool:
    """Whether token ``index`` is an indefinite noun a title head governs ("رئيس إقليم"،
    "مدير أمن"), which governs the place after it in turn."""
    if index - 1 < sentence.first:
        return False
    token = view.tokens[index]
    norm = token.norm
    return (
        token.text.isalpha()
        and not is_definite(norm)
        and norm[:1] not in "لبو"
        and norm not in words.stops
        and not view.is_time_token(index)
        and view.mention_covering(sentence, index) is None
        and listed(view.tokens[index - 1].norm, words.title_heads)
    )


def _posted(words: FoldedLexicons, view: DocumentView, sentence: SentenceView, mention: Mention) -> bool:
    """Whether a country or organisation is a posting: after لدى/في, or joined by و to one
    ("سفير المملكة لدى إيطاليا ومالطا")."""
    before = mention.first - 1
    if before < sentence.first:
        return False
    if listed(view.tokens[before].norm, words.title_links):
        return _posting(view.tokens[before].norm, mention)
    if view.tokens[mention.first].text[:1] != "و":
        return False
    previous = view.mention_covering(sentence, before, AFFILIATION_TYPES)
    return (
        previous is not None
        and previous.first > sentence.first
        and listed(view.tokens[previous.first - 1].norm, words.title_links)
    )


def _posting(link: str, mention: Mention) -> bool:
    """Whether a country or organisation after a title's link is where the office is posted
    ("لدى المغرب"، "في نيويورك"), not what the office belongs to: "المشرف العام على X" oversees
    X; "القيادي في حركة X"، "المتحدث الرسمي في وزارة X" are members of X."""
    return link != _OVER and not (link == _IN and mention.type == EntityType.ORGANIZATION)


def _governs_the_name(norm: str, heads: frozenset[str], head: int, person: Mention) -> bool:
    """ "مستشار | الملك سلمان"، "ممثل | السلطان قابوس": an indefinite head before a definite
    head right before the name governs that person, whose office is the definite head (but
    "نائب الرئيس X" is the vice-president)."""
    return (
        (head == person.first - 1 or (head == person.first and person.last > person.first))
        and norm in heads
        and not is_definite(norm)
        and norm not in _DEPUTIES
        and norm[:1] != "و"
    )


def _titled_office(words: FoldedLexicons, mention: Mention) -> bool:
    """An office named by title words alone ("مجلس الدولة"، "مكتب الرئيس"): part of a title,
    not an affiliation; but "وكيل وزارة الصحة" is the ministry's."""
    if mention.type != EntityType.ORGANIZATION or mention.entity.subtype == _INTERGOVERNMENTAL:
        return False  # "مفوض الأمم المتحدة السامي": a body of states, whatever its words
    names = fold(mention.entity.text).split()
    return names[0] not in _MINISTRY and all(
        listed(word, words.titles) or words.prefixed_title(word) for word in names
    )


def _opens_title(words: FoldedLexicons, norm: str) -> bool:
    """A head word (وزير، الرئيس، زعيمها), also after ب or ل (بالرئيس، للمرشد)."""
    heads = words.title_heads
    return (
        listed(norm, heads)
        or words.possessed_head(norm)
        or (len(norm) > 3 and norm[0] in NAME_PREPOSITIONS and (norm[1:] in heads or "ا" + norm[1:] in heads))
    )


def _head_in_office(
    words: FoldedLexicons, view: DocumentView, office: Mention | None, index: int, person: Mention
) -> bool:
    """Whether the token before a name is a definite head ending an office's name ("مكتب الرئيس")."""
    return (
        office is not None
        and office.first < index == person.first - 1
        and starts_new_title(view.tokens[index].norm, words.title_heads)
    )


def _office_inside(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, body: Mention | None, person: Mention
) -> tuple[int, int] | None:
    """The office a body right before a name is named after ("حزب رئيس الوزراء العراقي"، "مكتب
    رئيس الوزراء": from رئيس to the body's end), whose holder the name is: "عضو في حزب رئيس الوزراء
    العراقي السابق X" is X the premier, not a member (the member who speaks is left unnamed).
    Not when a title governs the body ("مدير مكتب رئيس الوزراء X" is left to the chain), another
    head comes between, or the body is named after a person ("مدينة الملك سعود الطبية")."""
    if body is None or body.type != EntityType.ORGANIZATION or body.entity.subtype == _INTERGOVERNMENTAL:
        return None
    if any(listed(view.tokens[at].norm, words.title_heads) for at in range(body.last + 1, person.first)):
        return None
    before = body.first - 1
    if before >= sentence.first and _title_word(words, view.tokens[before].norm):
        return None
    head = words.office_head([view.tokens[at].norm for at in range(body.first, body.last + 1)])
    return None if head is None else (body.first + head, body.last)


def _title_word(words: FoldedLexicons, norm: str) -> bool:
    """A word of a title (وزير، الخارجية), after ب/ل (لشؤون), or a head with "her" (زعيمها)."""
    return listed(norm, words.titles) or words.prefixed_title(norm) or words.possessed_head(norm)


def _prepositioned_head(words: FoldedLexicons, norm: str) -> bool:
    """A head word after ب ("التقى بالرئيس"، "بوزير"): the start of its title phrase (not after
    ل, which may link a title to another office: "المستشار الاقتصادي لرئيس الوزراء X")."""
    return len(norm) > 3 and norm[0] == "ب" and norm[1:] in words.title_heads


def _inner_affiliation(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, mention: Mention
) -> bool:
    """Whether a country or organisation inside a title is the office's affiliation: not a
    posting (لدى الأمم المتحدة) nor an office named by title words (مجلس الدولة)."""
    before = mention.first - 1
    if _posted(words, view, sentence, mention) or _demonym(mention):
        return False
    if before > sentence.first and view.tokens[before].text in quotes.MARKS:
        before -= 1  # "مراسل صحيفة «X»": the name in quotation marks
    if before >= sentence.first and view.tokens[mention.first].text[:1] != "و":
        # governed by a title word (رئيس هيئة X، مدير عام صندوق X), not by a noun of the
        # title's own complement ("عميد شؤون أعضاء هيئة التدريس"); or joined by و to one
        # that is ("رئيس هيئة كبار العلماء وإدارة البحوث")
        left = view.tokens[before].norm
        if (listed(left, words.state_heads) or _outlet_of_title(words, view, sentence, before)) and (
            before > sentence.first
        ):
            # "سفير جمهورية فرنسا لدى": the state's noun, governed by the title word;
            # "مراسل قناة الجزيرة": the outlet's noun
            left = view.tokens[before - 1].norm
        if not (listed(left, words.titles) or words.prefixed_title(left)):
            return False
    return not _titled_office(words, mention)  # "عضو مجلس الدولة"


def _quoted_body(view: DocumentView, sentence: SentenceView, index: int) -> bool:
    """Whether the quotation mark at ``index`` opens or closes an organisation's name
    ("«واشنطن بوست»")."""
    return any(
        sentence.first <= at < sentence.last
        and view.mention_covering(sentence, at, (EntityType.ORGANIZATION,)) is not None
        for at in (index - 1, index + 1)
    )


def _outlet_of_title(words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int) -> bool:
    """ "مراسل صحيفة «X»"، "مراسل قناة الجزيرة": an outlet's noun before its name, governed
    by the title word before it."""
    return (
        index > sentence.first
        and listed(view.tokens[index].norm, words.outlet_heads)
        and listed(view.tokens[index - 1].norm, words.title_heads)
    )


def _addressed_by_lam(words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int) -> bool:
    """ "رسالة | لمفوض الأمم المتحدة السامي X"، "بعثها | لوزير الخارجية X": ل on an indefinite
    head after a word that is no part of a title (an indefinite noun, a verb) opens the title;
    after a definite word it may link two offices ("المستشار الاقتصادي لرئيس الوزراء X")."""
    norm = view.tokens[index].norm
    if len(norm) <= 3 or norm[0] != "ل" or norm[1:] not in words.title_heads or index <= sentence.first:
        return False
    left = view.tokens[index - 1]
    return (
        left.text.isalpha()
        and not is_definite(left.norm)
        and not _title_word(words, left.norm)
        and not listed(left.norm, words.title_modifiers)
        and view.mention_covering(sentence, index - 1) is None
    )


def _addressed_office(norm: str) -> bool:
    return listed(norm, _ADDRESSED_OFFICES) or lam_article_reading(norm) in _ADDRESSED_OFFICES


def _honorific(words: FoldedLexicons, norm: str) -> bool:
    """A form of address (الأمير، الشيخ), also after ل + the article ("للشيخ")."""
    return listed(norm, words.honorifics) or lam_article_reading(norm) in words.honorifics


def _headed_phrase(words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int) -> bool:
    """Whether token ``index`` ends a title phrase a head opens a few words before, through
    definite complements: "المتحدث باسم العشائر المتصدية للتنظيم،"."""
    for at in range(index, max(sentence.first, index - 6) - 1, -1):
        token = view.tokens[at]
        norm = token.norm
        if listed(norm, words.title_heads):
            return at < index
        if (
            not token.text.isalpha()
            or norm in words.stops
            or view.mention_covering(sentence, at, (EntityType.PERSON,)) is not None
            or not (listed(norm, words.titles) or words.prefixed_title(norm) or is_definite(norm))
        ):
            return False
    return False


def _portfolio(words: FoldedLexicons, view: DocumentView, sentence: SentenceView, index: int) -> bool:
    """Whether token ``index`` ends a place a title word governs ("لشؤون الشرق الأوسط")."""
    place = view.mention_covering(sentence, index, PLACE_TYPES)
    return (
        place is not None
        and place.first > sentence.first
        and words.prefixed_title(view.tokens[place.first - 1].norm)
    )


def _pronoun_owner(view: DocumentView, sentence: SentenceView, chain: TitleChain) -> Mention | None:
    """ "مسؤول من حركة حماس ... رئيس مكتبها السياسي خالد مشعل"، "حزب X ... القيادي فيه Y": a
    title word with the pronoun "her" (or "in it") belongs to the organisation or country
    named last before it; one with "البلاد" or "الإقليم" to that place (:func:`_anaphor_place`)."""
    assert chain.first is not None and chain.last is not None
    if not any(
        (view.tokens[i].norm.endswith("ها") and len(view.tokens[i].norm) > 4)
        or view.tokens[i].norm in _IN_IT  # "القيادي فيه"
        for i in range(chain.first, chain.last + 1)
    ):
        return _anaphor_place(view, sentence, range(chain.first, chain.last + 1))
    for mention in reversed(sentence.mentions_from(sentence.first, chain.first)):
        if mention.last < chain.first and mention.type in AFFILIATION_TYPES and not mention.is_nisba:
            return mention
    return None


def _anaphor_place(view: DocumentView, sentence: SentenceView, indices: range) -> Mention | None:
    """The place a title's "الإقليم"، "بالمنطقة"، "العاصمة" refers to: the last place of that
    kind named before the title, in its sentence or an earlier one; for "البلاد" the country the
    story is about, the one it names first ("ضبط خلية من الكويتيين ... في العراق ... أمير
    البلاد": Kuwait, though Iraq is named after it and more often)."""
    kinds = next(
        (
            _PLACE_ANAPHORS[stem]
            for i in indices
            if (stem := strip_proclitics(view.tokens[i].norm)) in _PLACE_ANAPHORS
            and view.mention_covering(sentence, i) is None
        ),
        None,
    )
    if kinds is None:
        return None
    before = [
        mention
        for earlier in view.sentences[: sentence.index + 1]
        for mention in earlier.mentions_from(earlier.first, min(indices.start, earlier.last))
        if mention.type in kinds and mention.last < indices.start
    ]
    if kinds == (EntityType.COUNTRY,):
        return before[0] if before else None
    return next((m for m in reversed(before) if not m.is_nisba), None)


def _demonym(mention: Mention) -> bool:
    """A plural nisba ("مساعد رئيس قسم السعوديين في السفارة X"): the people an office
    serves, part of its title; a singular title's affiliation agrees with it ("السعودي")."""
    return mention.is_nisba and fold(mention.entity.text).endswith(_PLURAL_NISBA)


def _profession(words: FoldedLexicons, chain: TitleChain, norm: str, index: int) -> TitleChain | None:
    """ "الخبير الإنجليزي X": a description, no part of an office named before it ("مدير
    دائرة الحكام بالاتحاد ... الخبير الإيطالي X"); but with no office before, a profession
    among the title heads is the title ("المحلل السياسي X"، "المترجم البولندي X")."""
    if norm not in words.title_heads:
        return None
    last = chain.last if chain.last is not None else index
    return TitleChain(first=index, last=last, affiliations=list(chain.affiliations))


def _or_profession(chain: TitleChain, job: TitleChain | None) -> TitleChain:
    """The title read back, or the profession a description gave when no title was found
    ("الكاتب الباحث الشرعي X": the researcher nearest the name)."""
    if job is None or chain.first is not None or chain.counterpart is not None:
        return chain
    return job


def _between_offices(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, chain: TitleChain, index: int
) -> bool:
    """ "ولي العهد، نائب رئيس مجلس الوزراء، وزير الداخلية الأمير X": in protocol style the
    offices of one person are listed with commas; a comma right before the head of the title
    read so far (not "، ووزير": the next item of a list) and after a title word."""
    tokens = view.tokens
    return (
        tokens[index].text in {"،", ","}
        and chain.first == index + 1
        and tokens[index + 1].norm in words.title_heads
        and not tokens[index + 1].norm.startswith("ال")
        and index - 1 >= sentence.first
        and (
            listed(tokens[index - 1].norm, words.titles)
            # "ولي ولي العهد السعودي، وزير الدفاع X"
            or view.mention_covering(sentence, index - 1, AFFILIATION_TYPES) is not None
        )
    )


def _list_item(words: FoldedLexicons, view: DocumentView, index: int, person: Mention) -> bool:
    """Whether the name after a comma opens with the conjunction و, on the name
    ("ومحمد العلي") or on its honorific ("والعقيد ركن نبيل")."""
    token = view.tokens[index]
    if token.text[:1] != "و":
        return False
    if index == person.first:
        # (the tagger sometimes keeps the و in the name: "ومروان خليل")
        return person.entity.start > token.start or token.norm not in _WAW_NAMES
    rest = token.norm[1:]
    return listed(rest, words.title_modifiers) or listed(rest, words.name_openers) or rest in words.honorifics


def title_extent(
    words: FoldedLexicons, view: DocumentView, sentence: SentenceView, first: int
) -> tuple[int, Mention | None]:
    """The last token of a title phrase starting at ``first`` and its affiliation, if any."""
    last = first
    index = first + 1
    while index < sentence.last:
        covering = view.mention_covering(sentence, index, AFFILIATION_TYPES)
        if covering is not None:
            return covering.last, covering
        norm = view.tokens[index].norm
        if norm in words.title_heads and (norm.startswith("ال") or index > first + 1):
            break  # "الرئيس" opens a title of its own; "ولي ولي العهد" goes on
        if (
            index == first + 1
            and view.tokens[first].norm.startswith("ال")
            and norm[:1] == "و"
            and norm[1:] in words.title_heads
        ):
            break  # "الوزير ومدير عام الصندوق": the next title is someone else's
        if not (listed(norm, words.titles) or words.prefixed_title(norm)):
            # an unlisted definite complement ("وزير الحج"): the caller tries shorter readings
            token = view.tokens[index]
            if (
                index - first > 4
                or not is_definite(norm)
                or not token.text.isalpha()
                or view.is_time_token(index)
                or norm in words.stops
                or view.mention_covering(sentence, index) is not None
            ):
                break
        last = index
        index += 1
    return last, None


def _nisba_before(covering: Mention, honorific: int) -> bool:
    """A country's nisba adjective right before a form of address (السعودي الأمير)."""
    return covering.is_nisba and covering.last == honorific - 1
