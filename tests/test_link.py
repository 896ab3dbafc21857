"""Entity linking and coreference (arextract.link)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest

import arextract
from arextract.kb import KnowledgeBase, load_kb
from arextract.link import (
    PERSON_THRESHOLD,
    EntityRow,
    Linker,
    PersonNameIndex,
    entity_table,
    name_key,
    name_similarity,
)
from arextract.ner.gazetteer import Gazetteer, match_to_entity
from arextract.pipeline import SegmentStage
from arextract.schema import Document, Entity, EntityType
from arextract.text.clitics import NAME_PROCLITICS
from arextract.text.normalize import display
from arextract.text.segment import iter_sentence_tokens

# --------------------------------------------------------------------------------------------
# A small knowledge base written in the models/kb format
# --------------------------------------------------------------------------------------------

COUNTRIES = """iso2\tiso3\tname_en\tname_ar\tvariants\tnisba\tcapital_ar
CN\tCHN\tChina\tالصين\tجمهورية الصين الشعبية\tصيني\tبكين
RU\tRUS\tRussia\tروسيا\tروسيا الاتحادية\tروسي\tموسكو
KZ\tKAZ\tKazakhstan\tقازاقستان\tكازاخستان\tقازاقي|كازاخي\tأستانا
BY\tBLR\tBelarus\tبيلاروسيا\tروسيا البيضاء|بيلاروس\tبيلاروسي\tمينسك
US\tUSA\tUnited States\tالولايات المتحدة\tأمريكا\tأمريكي|أميركي\tواشنطن
JO\tJOR\tJordan\tالأردن\tالمملكة الأردنية الهاشمية\tأردني\tعمان
AE\tARE\tUnited Arab Emirates\tالإمارات\tدولة الإمارات\tإماراتي\tأبوظبي
SA\tSAU\tSaudi Arabia\tالسعودية\tالمملكة العربية السعودية\tسعودي\tالرياض
"""

PEOPLE = """name_ar\tvariants\tname_en\tcountry_iso2\ttitle_ar\twikidata
وانغ يي\tوانج يي\tWang Yi\tCN\tوزير الخارجية\t
شي جين بينغ\tشي جين بينج\tXi Jinping\tCN\tالرئيس\t
وانغ وين تاو\t\tWang Wentao\tCN\tوزير التجارة\t
مختار تليوبردي\t\tMukhtar Tileuberdi\tKZ\tوزير الخارجية\t
ألكسندر لوكاشينكو\t\tAlexander Lukashenko\tBY\tالرئيس\t
سيرغي لافروف\tسيرجي لافروف\tSergey Lavrov\tRU\tوزير الخارجية\t
عبد الله الثاني\t\tAbdullah II\tJO\tالملك\t
عبد الله بن زايد\t\tAbdullah bin Zayed\tAE\tوزير الخارجية\t
محمد بن سلمان\t\tMohammed bin Salman\tSA\tولي العهد\t
محمد بن زايد\t\tMohamed bin Zayed\tAE\tالرئيس\t
"""

CITIES = """name_ar\tvariants\tname_en\tcountry_iso2\tcapital
بكين\tبيجين\tBeijing\tCN\t1
موسكو\t\tMoscow\tRU\t1
"""

ORGANIZATIONS = """name_ar\tvariants\tname_en\tsubtype
منظمة شنغهاي للتعاون\tمنظمة شانغهاي للتعاون\tShanghai Cooperation Organisation\tintergovernmental
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    root: Path = tmp_path_factory.mktemp("kb")
    for name, content in [
        ("countries.tsv", COUNTRIES),
        ("people.tsv", PEOPLE),
        ("cities.tsv", CITIES),
        ("organizations.tsv", ORGANIZATIONS),
    ]:
        (root / name).write_text(content, encoding="utf-8")
    return KnowledgeBase.load(root)


@pytest.fixture(scope="module")
def linker(kb: KnowledgeBase) -> Linker:
    return Linker(kb)


def model_mention(surface: str, entity_type: EntityType, at: int) -> Entity:
    """A mention as the tagger would hand it to the linker (canonical = the surface as written)."""
    return Entity(
        id="",
        type=entity_type,
        text=surface,
        start=at,
        end=at + len(surface),
        canonical=display(surface),
        confidence=0.75,
        source="model",
    )


def number_entities(entities: list[Entity]) -> list[Entity]:
    ordered = sorted(entities, key=lambda entity: (entity.start, -entity.end))
    return [entity.model_copy(update={"id": f"e{index}"}) for index, entity in enumerate(ordered, 1)]


def make_doc(text: str, kb: KnowledgeBase, model: Sequence[tuple[str, EntityType]] = ()) -> Document:
    """Segment ``text``, find the KB's names with the gazetteer, add ``model`` mentions.

    A model mention is placed on every occurrence of its surface that no gazetteer name covers.
    """
    doc = Document(text=text)
    SegmentStage()(doc)
    gazetteer = Gazetteer(kb)
    entities: list[Entity] = [
        match_to_entity(match, text, "")
        for tokens in iter_sentence_tokens(doc.sentences, doc.tokens)
        for match in gazetteer.find(tokens)
    ]
    for surface, entity_type in model:
        at = text.find(surface)
        while at >= 0:
            end = at + len(surface)
            boundary = end == len(text) or not text[end].isalpha()
            free = not any(e.start < end and at < e.end for e in entities)
            if boundary and free:
                entities.append(model_mention(surface, entity_type, at))
            at = text.find(surface, at + 1)
    doc.entities = number_entities(entities)
    return doc


def linked(
    text: str, kb: KnowledgeBase, linker: Linker, model: Sequence[tuple[str, EntityType]] = ()
) -> Document:
    doc = make_doc(text, kb, model)
    linker(doc)
    assert_valid(doc)
    return doc


def assert_valid(doc: Document) -> None:
    for number, entity in enumerate(doc.entities, 1):
        assert entity.id == f"e{number}"
        assert doc.text[entity.start : entity.end] == entity.text
        assert 0 < entity.confidence <= 1
        assert entity.canonical
    keys = [(e.start, -e.end) for e in doc.entities]
    assert keys == sorted(keys)


def by_text(doc: Document, text: str) -> list[Entity]:
    return [e for e in doc.entities if e.text == text]


# --------------------------------------------------------------------------------------------
# name_key / name_similarity
# --------------------------------------------------------------------------------------------

SAME_PERSON = [
    ("وانغ يي", "وانج يي"),
    ("وانغ يي", "وانغ يى"),
    ("وانج يى", "وانغ يي"),
    ("شي جين بينغ", "شي جين بينج"),
    ("شي جين بينغ", "شى جين بينغ"),
    ("شى جين بينج", "شي جين بينغ"),
    ("تليوبردي", "تليوبيردي"),
    ("مختار تليوبردي", "مختار تليوبيردي"),
    ("لوكاشينكو", "لوكاشنكو"),
    ("ألكسندر لوكاشينكو", "الكسندر لوكاشنكو"),
    ("ألكسندر لوكاشينكو", "أليكساندر لوكاشينكا"),
    ("عبد الله بن زايد", "عبدالله بن زايد"),
    ("عبد الله الثاني", "عبدالله الثاني"),
    ("حسن نصر الله", "حسن نصرالله"),
    ("سيرغي لافروف", "سيرجي لافروف"),
    ("سيرغي لافروف", "سيرجيه لافروف"),
    ("فلاديمير بوتين", "فلاديمير بوتن"),
    ("أنتوني بلينكن", "انتوني بلينكين"),
    ("دونالد ترامب", "دونالد ترمب"),
    ("إيمانويل ماكرون", "ايمانويل ماكرون"),
    ("رجب طيب أردوغان", "رجب طيب اردوغان"),
    ("قاسم جومارت توكاييف", "قاسم جومرت توكايف"),
    ("كيم جونغ أون", "كيم جونج أون"),
    ("مون جيه إن", "مون جي إن"),
    ("شينزو آبي", "شينزو ابي"),
    ("أنغيلا ميركل", "أنجيلا ميركل"),
    ("نارندرا مودي", "ناريندرا مودي"),
    ("تشين قانغ", "تشين غانغ"),
    ("لي كه تشيانغ", "لي كه تشيانج"),
    ("يانغ جيه تشي", "يانج جيه تشي"),
    ("محمد بن سلمان", "محمد بن سلمان"),
    ("محمد بن سلمان", "محمّد بن سلمان"),
    ("جاك ما", "جاك ما"),
    ("أولاف شولتس", "أولاف شولتز"),
]


@pytest.mark.parametrize(("a", "b"), SAME_PERSON)
def test_variant_spellings_are_one_person(a: str, b: str) -> None:
    assert name_similarity(a, b) >= PERSON_THRESHOLD
    assert name_similarity(b, a) == name_similarity(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("وانغ يي", "وانج يي"),
        ("شي جين بينغ", "شي جين بينج"),
        ("شي جين بينغ", "شى جين بينغ"),
        ("تليوبردي", "تليوبيردي"),
        ("لوكاشينكو", "لوكاشنكو"),
        ("عبد الله", "عبدالله"),
    ],
)
def test_name_key_equal_for_the_brief_examples(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


DIFFERENT_PEOPLE = [
    ("وانغ يي", "وانغ وين تاو"),
    ("وانغ يي", "وانغ تشي شان"),
    ("وانغ يي", "يانغ يي"),
    ("عبد الله الثاني", "عبد الله بن زايد"),
    ("محمد بن سلمان", "محمد بن زايد"),
    ("محمد بن سلمان", "محمد بن سلطان"),
    ("سلمان بن عبد العزيز", "سلطان بن عبد العزيز"),
    ("لي كه تشيانغ", "لي تشيانغ"),
    ("كيم جونغ أون", "كيم جونغ إيل"),
    ("بشار الأسد", "حافظ الأسد"),
    ("تميم بن حمد", "حمد بن جاسم"),
    ("جورج بوش", "جورج دبليو بوش"),
    ("وانغ يي", "لي يي"),
    ("سيرغي لافروف", "سيرغي شويغو"),
    # near misses among the people of models/kb/people.tsv
    ("كاميرون", "كارني"),
    ("ماكرون", "كارني"),
    ("كرزاي", "غوتيريس"),
    ("سمايلوف", "كاسيمالييف"),
    ("لي كيتشيانغ", "لي كيانغ"),
    ("الشيخ نواف الأحمد", "الشيخ أحمد نواف الأحمد"),
    ("خليفة بن زايد آل نهيان", "محمد بن زايد آل نهيان"),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT_PEOPLE)
def test_people_sharing_a_name_stay_apart(a: str, b: str) -> None:
    assert name_similarity(a, b) < PERSON_THRESHOLD


def test_names_take_a_conjunction_and_a_preposition_but_no_article() -> None:
    # وشي، لوانغ، فبوتين: the proclitics of the one inventory a name can carry
    assert {"", "و", "ف", "ل", "ب", "وب", "ول", "فل", "فب"} == NAME_PROCLITICS


def test_similarity_bounds() -> None:
    assert name_similarity("", "وانغ يي") == 0.0
    assert name_similarity("وانغ يي", "وانغ يي") == 1.0
    assert 0.0 <= name_similarity("وانغ", "شي جين بينغ") <= 1.0


# --------------------------------------------------------------------------------------------
# Persons in a document
# --------------------------------------------------------------------------------------------


def test_short_forms_join_the_one_full_name(kb: KnowledgeBase, linker: Linker) -> None:
    text = "قال وزير الخارجية الصيني وانغ يي إن الصين مستعدة. وأضاف وانغ أن التعاون مهم. ولوانغ رأي."
    doc = linked(text, kb, linker)
    persons = [e for e in doc.entities if e.type is EntityType.PERSON]
    assert [e.text for e in persons] == ["وانغ يي", "وانغ", "وانغ"]
    assert {e.canonical for e in persons} == {"وانغ يي"}
    assert "وانغ" in persons[0].aliases and "وانج يي" in persons[0].aliases
    assert persons[1].confidence < persons[0].confidence


def test_model_short_form_with_two_candidates_stays_unlinked(kb: KnowledgeBase, linker: Linker) -> None:
    text = "التقى وانغ يي مع وانغ وين تاو. وقال وانغ إن الاجتماع مثمر."
    doc = linked(text, kb, linker, model=[("وانغ", EntityType.PERSON)])
    short = by_text(doc, "وانغ")
    assert len(short) == 1
    assert short[0].canonical == "وانغ"
    assert short[0].confidence <= 0.5
    assert {e.canonical for e in doc.entities if e.type is EntityType.PERSON} == {
        "وانغ يي",
        "وانغ وين تاو",
        "وانغ",
    }


def test_a_given_name_alone_must_be_spelled_as_it_is() -> None:
    # "كرم" (honoured) shares the skeleton of كريم (the given name of a KB premier, كريم
    # ماسيموف) but is not it
    full = load_kb()
    text = "كرم المحافظ الطلاب المتفوقين في حفل أقيم بالمناسبة."
    doc = linked(text, full, Linker(full), model=[("كرم", EntityType.PERSON)])
    assert [e.canonical for e in by_text(doc, "كرم")] == ["كرم"]
    # but a loose spelling still counts: "إسحق" alone may be إسحاق دار as well as إسحق هرتسوغ
    doc = linked("وغنى إسحق في مجلس الخليفة.", full, Linker(full), model=[("إسحق", EntityType.PERSON)])
    assert [e.canonical for e in by_text(doc, "إسحق")] == ["إسحق"]


def test_kb_person_in_another_spelling_is_found_and_linked(kb: KnowledgeBase, linker: Linker) -> None:
    text = "وصل وانج يى إلى موسكو حيث التقى سيرجيه لافروف."
    doc = linked(text, kb, linker)
    assert [(e.text, e.canonical, e.source) for e in doc.entities if e.type is EntityType.PERSON] == [
        ("وانج يى", "وانغ يي", "gazetteer"),
        ("سيرجيه لافروف", "سيرغي لافروف", "link"),
    ]


def test_model_person_fuzzy_link_to_kb(kb: KnowledgeBase, linker: Linker) -> None:
    text = "وقال ألكساندر لوكاشنكو إن بيلاروسيا تدعم الصين."
    doc = linked(text, kb, linker, model=[("ألكساندر لوكاشنكو", EntityType.PERSON)])
    person = next(e for e in doc.entities if e.type is EntityType.PERSON)
    assert person.canonical == "ألكسندر لوكاشينكو"
    assert "ألكساندر لوكاشنكو" in person.aliases


def test_unknown_people_cluster_on_their_longest_folded_name(kb: KnowledgeBase, linker: Linker) -> None:
    text = "التقى سيرغي شويغو وزير الدفاع. وقال سيرجي شويجو إن الجيش مستعد. وأكد شويغو ذلك."
    doc = linked(
        text,
        kb,
        linker,
        model=[
            ("سيرغي شويغو", EntityType.PERSON),
            ("سيرجي شويجو", EntityType.PERSON),
            ("شويغو", EntityType.PERSON),
        ],
    )
    persons = [e for e in doc.entities if e.type is EntityType.PERSON]
    assert [e.text for e in persons] == ["سيرغي شويغو", "سيرجي شويجو", "شويغو"]
    assert len({e.canonical for e in persons}) == 1
    assert persons[0].canonical == "سيرغي شويغو"
    assert all(e.kb_id is None for e in persons)
    assert set(persons[0].aliases) == {"سيرغي شويغو", "سيرجي شويجو", "شويغو"}


def test_unknown_person_keeps_the_spelling_written(kb: KnowledgeBase, linker: Linker) -> None:
    # The folded key (اسامه الدوسري) is how names are matched, never the name users see; the
    # spelling without hamza is the same person and shows the fuller one.
    text = "وأوضح أسامة الدوسري أن المشروع يخدم الأهالي. وقال اسامة الدوسري إن التنفيذ يبدأ قريبا."
    doc = linked(
        text, kb, linker, model=[("أسامة الدوسري", EntityType.PERSON), ("اسامة الدوسري", EntityType.PERSON)]
    )
    persons = [e for e in doc.entities if e.type is EntityType.PERSON]
    assert [e.text for e in persons] == ["أسامة الدوسري", "اسامة الدوسري"]
    assert {e.canonical for e in persons} == {"أسامة الدوسري"}
    assert set(persons[0].aliases) == {"أسامة الدوسري", "اسامة الدوسري"}


def test_unknown_person_first_written_without_hamza_takes_the_fuller_spelling(
    kb: KnowledgeBase, linker: Linker
) -> None:
    text = "وصرح احمد لنجاوي مدير المركز بأن العمل مستمر. وأكد أحمد لنجاوي أن النتائج مشجعة."
    doc = linked(
        text, kb, linker, model=[("احمد لنجاوي", EntityType.PERSON), ("أحمد لنجاوي", EntityType.PERSON)]
    )
    persons = [e for e in doc.entities if e.type is EntityType.PERSON]
    assert len(persons) == 2
    assert {e.canonical for e in persons} == {"أحمد لنجاوي"}


def test_unknown_organization_keeps_teh_marbuta(kb: KnowledgeBase, linker: Linker) -> None:
    text = "أعلنت جامعة الحديدة عن برنامج جديد، وقالت جامعه الحديده إن التسجيل مفتوح."
    model = [("جامعة الحديدة", EntityType.ORGANIZATION), ("جامعه الحديده", EntityType.ORGANIZATION)]
    doc = linked(text, kb, linker, model=model)
    orgs = [e for e in doc.entities if e.type is EntityType.ORGANIZATION]
    assert len(orgs) == 2
    assert {e.canonical for e in orgs} == {"جامعة الحديدة"}


def test_names_folding_alike_show_one_spelling_in_a_document(kb: KnowledgeBase, linker: Linker) -> None:
    # Two entities (here of two types) whose names fold alike show one spelling, so the relation
    # stage, which compares canonical names as strings, still compares them folded.
    text = "زار الوفد مدينة الحديده ثم جامعة الحديدة."
    model = [("الحديده", EntityType.CITY), ("جامعة الحديدة", EntityType.ORGANIZATION)]
    doc = linked(text, kb, linker, model=model)
    city = next(e for e in doc.entities if e.type is EntityType.CITY)
    assert city.canonical == "الحديده"  # no other spelling of it in the document
    text = "زار الوفد مدينة الحديده، ثم تحدث عن الحديدة للصحفيين."
    model = [("الحديده", EntityType.CITY), ("الحديدة", EntityType.ORGANIZATION)]
    doc = linked(text, kb, linker, model=model)
    assert {(e.type, e.canonical) for e in doc.entities} == {
        (EntityType.CITY, "الحديدة"),
        (EntityType.ORGANIZATION, "الحديدة"),
    }


def test_distinct_people_sharing_a_first_name_stay_apart(kb: KnowledgeBase, linker: Linker) -> None:
    text = "استقبل عبد الله الثاني عبد الله بن زايد، ثم التقى محمد بن سلمان ومحمد بن زايد."
    doc = linked(text, kb, linker)
    canonicals = [e.canonical for e in doc.entities if e.type is EntityType.PERSON]
    assert canonicals == ["عبد الله الثاني", "عبد الله بن زايد", "محمد بن سلمان", "محمد بن زايد"]


# --------------------------------------------------------------------------------------------
# Places, organisations: model mentions and nisbas
# --------------------------------------------------------------------------------------------


def test_model_mentions_link_by_name_clitic_or_nisba(kb: KnowledgeBase, linker: Linker) -> None:
    text = "زار الوفد كازاخستان ثم المدينة بيجين مع الوفد الروسي ومنظمة التعاون الرقمي."
    doc = make_doc(text, kb)
    doc.entities = []
    spans = [
        ("كازاخستان", EntityType.REGION),
        ("بيجين", EntityType.CITY),
        ("الروسي", EntityType.COUNTRY),
        ("منظمة التعاون الرقمي", EntityType.ORGANIZATION),
    ]
    entities = []
    for surface, entity_type in spans:
        at = text.index(surface)
        entities.append(model_mention(surface, entity_type, at))
    doc.entities = number_entities(entities)
    linker(doc)
    assert_valid(doc)
    got = {e.text: (e.type, e.canonical, e.kb_id, e.subtype) for e in doc.entities}
    assert got["كازاخستان"] == (EntityType.COUNTRY, "قازاقستان", "KZ", None)
    assert got["بيجين"][:2] == (EntityType.CITY, "بكين")
    assert got["الروسي"] == (EntityType.COUNTRY, "روسيا", "RU", "nisba")
    assert got["منظمة التعاون الرقمي"] == (EntityType.ORGANIZATION, "منظمة التعاون الرقمي", None, None)


@pytest.mark.parametrize(
    ("word", "iso"),
    [
        ("الصيني", "CN"),
        ("الصينية", "CN"),
        ("الصينيون", "CN"),
        ("صينيين", "CN"),
        ("القازاقي", "KZ"),
        ("الكازاخية", "KZ"),
        ("البيلاروسي", "BY"),
        ("الروسية", "RU"),
        ("الأمريكي", "US"),
        ("الأميركية", "US"),
        ("والسعودي", "SA"),
        ("للأردنيين", "JO"),
        ("الإماراتية", "AE"),
        ("وقازاقستان", "KZ"),
        ("للصين", "CN"),
        ("روسيا البيضاء", "BY"),
        ("بيلاروس", "BY"),
    ],
)
def test_demonyms_and_names_link_to_their_country(linker: Linker, word: str, iso: str) -> None:
    entry, _ = linker.kb_linker.link_name(word, EntityType.COUNTRY)
    assert entry is not None and entry.kb_id == iso


# --------------------------------------------------------------------------------------------
# Coreference phrases
# --------------------------------------------------------------------------------------------


def test_side_phrase_is_one_country_mention(kb: KnowledgeBase, linker: Linker) -> None:
    text = "وقال إن الصين مستعدة للتنسيق مع الجانب القازاقي في مكافحة الوباء."
    doc = linked(text, kb, linker)
    side = by_text(doc, "الجانب القازاقي")
    assert len(side) == 1
    assert (side[0].type, side[0].kb_id, side[0].source) == (EntityType.COUNTRY, "KZ", "coref")
    assert not by_text(doc, "القازاقي")  # the nisba is absorbed by the phrase


def test_dual_side_phrase_with_two_nisbas(kb: KnowledgeBase, linker: Linker) -> None:
    text = "واتفق الجانبان الصيني والروسي على تعزيز التعاون."
    doc = linked(text, kb, linker)
    phrase = [e for e in doc.entities if e.source == "coref"]
    assert [(e.text, e.kb_id) for e in phrase] == [
        ("الجانبان الصيني والروسي", "CN"),
        ("الجانبان الصيني والروسي", "RU"),
    ]


def test_dual_refers_to_the_two_countries_in_focus(kb: KnowledgeBase, linker: Linker) -> None:
    text = (
        "أجرى الرئيس الصيني شي جين بينغ محادثات مع الرئيس البيلاروسي. وتدعم الصين بيلاروسيا. "
        "وأشاد الرئيسان بالعلاقات بين البلدين. كما أكد الجانبان على التعاون مع روسيا."
    )
    doc = linked(text, kb, linker)
    dual = by_text(doc, "البلدين")
    assert sorted(e.kb_id or "" for e in dual) == ["BY", "CN"]
    assert dual[0].start == dual[1].start and dual[0].end == dual[1].end
    assert sorted(e.kb_id or "" for e in by_text(doc, "الجانبان")) == ["BY", "CN"]


def test_dual_prefers_the_two_countries_of_its_sentence(kb: KnowledgeBase, linker: Linker) -> None:
    text = (
        "زار الرئيس الصيني روسيا. وتحدث عن الصين والصين والصين. "
        "وقال إن العلاقات بين الأردن والسعودية ممتازة وإن البلدين شريكان."
    )
    doc = linked(text, kb, linker)
    assert sorted(e.kb_id or "" for e in by_text(doc, "البلدين")) == ["JO", "SA"]


@pytest.mark.parametrize(
    "text",
    [
        "تعزيز التعاون مع البلدان المختلفة في الصين وروسيا.",
        "وقعت الصين وروسيا مع جميع البلدان اتفاقا.",
        "دعم الصين وروسيا للبلدان النامية.",
    ],
)
def test_plural_buldan_is_not_a_dual(kb: KnowledgeBase, linker: Linker, text: str) -> None:
    doc = linked(text, kb, linker)
    assert not [e for e in doc.entities if e.source == "coref"]


def test_counterpart_with_apposed_name(kb: KnowledgeBase, linker: Linker) -> None:
    text = "وفي محادثته الهاتفية مع نظيره البيلاروسي ألكسندر لوكاشينكو، حث شي الجانبين على التعاون."
    doc = linked(text, kb, linker)
    counterpart = by_text(doc, "نظيره البيلاروسي")
    assert len(counterpart) == 1
    assert (counterpart[0].type, counterpart[0].canonical, counterpart[0].source) == (
        EntityType.PERSON,
        "ألكسندر لوكاشينكو",
        "coref",
    )
    assert by_text(doc, "البيلاروسي")[0].kb_id == "BY"  # the nationality stays a country mention


def test_counterpart_resolved_elsewhere_by_nationality(kb: KnowledgeBase, linker: Linker) -> None:
    text = "وصل الرئيس البيلاروسي ماكسيم فولكوف إلى بكين. والتقى شي جين بينغ نظيره البيلاروسي أمس."
    doc = linked(text, kb, linker, model=[("ماكسيم فولكوف", EntityType.PERSON)])
    counterpart = by_text(doc, "نظيره البيلاروسي")
    assert [e.canonical for e in counterpart] == ["ماكسيم فولكوف"]
    assert counterpart[0].confidence < 0.9


def test_his_country_is_the_subjects_country(kb: KnowledgeBase, linker: Linker) -> None:
    text = (
        "التقى وزير الخارجية الصيني وانغ يي مع وزير خارجية قازاقستان مختار تليوبردي. "
        "ومن جانبه، قال تليوبردي إن الجانب القازاقي يدعم المبادرة، معربا عن استعداد بلاده للتعاون."
    )
    doc = linked(text, kb, linker)
    his = by_text(doc, "بلاده")
    assert [(e.type, e.kb_id, e.source) for e in his] == [(EntityType.COUNTRY, "KZ", "coref")]


def test_his_country_from_a_nisba_next_to_an_unknown_person(kb: KnowledgeBase, linker: Linker) -> None:
    text = "وقال وزير الخارجية الروسي يوري سميرنوف إن لبلاده مصالح في آسيا."
    doc = linked(text, kb, linker, model=[("يوري سميرنوف", EntityType.PERSON)])
    his = [e for e in doc.entities if e.source == "coref"]
    assert [(e.text, e.kb_id) for e in his] == [("بلاده", "RU")]


def test_no_coref_without_evidence(kb: KnowledgeBase, linker: Linker) -> None:
    doc = linked("وأكد أن بلاده ستواصل دعم الجانبين.", kb, linker)
    assert doc.entities == []


# --------------------------------------------------------------------------------------------
# Stage contract
# --------------------------------------------------------------------------------------------


def test_linking_twice_changes_nothing(kb: KnowledgeBase, linker: Linker) -> None:
    text = (
        "قال الرئيس الصيني شي جين بينغ إن الصين وبيلاروسيا شريكان. ودعا شي الجانبين إلى التعاون "
        "مع الجانب البيلاروسي. وقال لوكاشينكو إن بلاده تدعم الصين."
    )
    doc = linked(text, kb, linker)
    first = [e.model_dump() for e in doc.entities]
    linker(doc)
    assert [e.model_dump() for e in doc.entities] == first


def test_stage_protocol(linker: Linker) -> None:
    assert linker.name == "link"
    assert isinstance(linker.version, str) and linker.version
    doc = Document(text="")
    linker(doc)
    assert doc.entities == []


# --------------------------------------------------------------------------------------------
# The entity table
# --------------------------------------------------------------------------------------------


def test_entity_table_one_row_per_entity(kb: KnowledgeBase, linker: Linker) -> None:
    docs = [
        linked("قال وانغ يي إن الصين مستعدة. وأضاف وانغ أن الجانب الروسي موافق.", kb, linker),
        linked(
            "وصل وانج يي إلى موسكو. والتقى سيرغي شويغو.",
            kb,
            linker,
            model=[("سيرغي شويغو", EntityType.PERSON)],
        ),
        linked(
            "وقال سيرجي شويجو إن روسيا والصين شريكان.", kb, linker, model=[("سيرجي شويجو", EntityType.PERSON)]
        ),
    ]
    rows = entity_table(docs)
    assert all(isinstance(row, EntityRow) for row in rows)
    keys = Counter((row.type, row.canonical) for row in rows)
    assert max(keys.values()) == 1
    by_name = {row.canonical: row for row in rows}
    wang = by_name["وانغ يي"]
    assert (wang.mentions, wang.documents) == (3, 2)
    assert wang.aliases == sorted(["وانغ يي", "وانغ", "وانج يي"])
    shoigu = [
        row
        for row in rows
        if row.type is EntityType.PERSON and ("شويغو" in row.canonical or "شويجو" in row.canonical)
    ]
    assert len(shoigu) == 1 and shoigu[0].documents == 2
    russia = by_name["روسيا"]
    assert (russia.kb_id, russia.documents) == ("RU", 2)
    assert "الجانب الروسي" not in russia.aliases  # coreference phrases are not names


# --------------------------------------------------------------------------------------------
# The seeds, with the shipped knowledge base
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_docs(seed_texts: dict[str, str]) -> dict[str, Document]:
    real = Linker(load_kb())
    docs = {}
    for name, text in seed_texts.items():
        doc = arextract.extract(text, backend="gazetteer")
        real(doc)
        assert_valid(doc)
        docs[name] = doc
    return docs


def canonicals(doc: Document, entity_type: EntityType = EntityType.PERSON) -> set[str]:
    return {e.canonical for e in doc.entities if e.type is entity_type}


def test_seeds_wang_yi_every_mention_one_canonical(seed_docs: dict[str, Document]) -> None:
    for name in ("000", "001", "002", "003"):
        doc = seed_docs[name]
        wang = [e for e in doc.entities if e.type is EntityType.PERSON and "وان" in e.text]
        occurrences = doc.text.count("وانغ") + doc.text.count("وانج")
        assert len(wang) == occurrences, name
        assert {e.canonical for e in wang} == {"وانغ يي"}, name


def test_seeds_xi_jinping_every_mention_one_canonical(seed_docs: dict[str, Document]) -> None:
    for name in ("002", "003", "004"):
        xi = [e for e in seed_docs[name].entities if e.type is EntityType.PERSON and e.text.startswith("شي")]
        assert xi and {e.canonical for e in xi} == {"شي جين بينغ"}, name
    # 004: شي جين بينغ once, then شي alone five times (حث شي، وأشار شي، قال شي إن، وقال شي، وأضاف شي)
    assert [e.text for e in seed_docs["004"].entities if e.canonical == "شي جين بينغ"] == ["شي جين بينغ"] + [
        "شي"
    ] * 5


def test_seeds_tleuberdi_spellings_one_entity(seed_docs: dict[str, Document]) -> None:
    rows = [row for row in entity_table(seed_docs.values()) if row.type is EntityType.PERSON]
    tleuberdi = [row for row in rows if any("تليوب" in alias for alias in row.aliases)]
    assert len(tleuberdi) == 1
    assert {"مختار تليوبردي", "تليوبردي", "مختار تليوبيردي"} <= set(tleuberdi[0].aliases)
    assert tleuberdi[0].documents == 2
    assert len([row for row in rows if row.canonical == "وانغ يي"]) == 1


def test_seeds_countries_carry_iso_codes(seed_docs: dict[str, Document]) -> None:
    for name, doc in seed_docs.items():
        for entity in doc.entities:
            if entity.type is EntityType.COUNTRY:
                assert entity.kb_id and len(entity.kb_id) == 2 and entity.kb_id.isupper(), (name, entity)
            if entity.subtype == "nisba":
                assert entity.type is EntityType.COUNTRY and entity.kb_id, (name, entity)
    nisbas = {(e.text, e.kb_id) for doc in seed_docs.values() for e in doc.entities if e.subtype == "nisba"}
    assert {("الصيني", "CN"), ("البيلاروسي", "BY"), ("الصينية", "CN")} <= nisbas


def test_seed_001_coreference(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["001"]
    coref = [(e.text, e.kb_id) for e in doc.entities if e.source == "coref"]
    assert coref.count(("الجانب القازاقي", "KZ")) == 2
    assert ("بلاده", "KZ") in coref
    duals = [e for e in doc.entities if e.source == "coref" and e.text in ("البلدين", "الجانبين", "الجانبان")]
    assert duals and {e.kb_id for e in duals} == {"CN", "KZ"}
    assert Counter(e.kb_id for e in duals)["CN"] == Counter(e.kb_id for e in duals)["KZ"]


def test_seed_004_coreference(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["004"]
    counterpart = by_text(doc, "نظيره البيلاروسي")
    assert [e.canonical for e in counterpart] == ["ألكسندر لوكاشينكو"]
    lukashenko = {e.text for e in doc.entities if e.canonical == "ألكسندر لوكاشينكو"}
    assert {"ألكسندر لوكاشينكو", "لوكاشينكو"} <= lukashenko
    assert {e.kb_id for e in doc.entities if e.text == "بلاده"} == {"BY"}
    sides = {e.kb_id for e in doc.entities if e.source == "coref" and "جانب" in e.text}
    assert sides == {"CN", "BY"}
    assert not [e for e in doc.entities if e.type is EntityType.CITY and e.text.startswith("شي")]


class ScanningIndex(PersonNameIndex[str]):
    """Every cluster is a candidate: the comparison with every earlier cluster that the index
    saves the linker."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str] = []

    def add(self, key: str, name: str) -> None:
        super().add(key, name)
        if key not in self.keys:
            self.keys.append(key)

    def candidates(self, name: str) -> set[str]:
        return set(self.keys)


class CountingIndex(PersonNameIndex[str]):
    """The real index, counting the candidates it hands the linker to compare."""

    queries = 0
    returned = 0

    def candidates(self, name: str) -> set[str]:
        found = super().candidates(name)
        CountingIndex.queries += 1
        CountingIndex.returned += len(found)
        return found


# The linker's speed is measured by the benchmark (benchmarks/run.py, per stage) and by
# tests/test_reliability.py (doubling the text at most doubles the time); these two tests check
# the mechanism: the index changes no merge, and spares the comparisons.
def test_person_clusters_with_the_name_index_are_those_of_a_full_scan(
    seed_texts: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Linker(load_kb())
    docs = [arextract.extract(text, backend="gazetteer") for text in seed_texts.values()]
    indexed = []
    for doc in docs:
        copy = doc.model_copy(deep=True)
        real(copy)
        indexed.append([e.model_dump() for e in copy.entities])
    monkeypatch.setattr("arextract.link.persons.PersonNameIndex", ScanningIndex)
    for doc, expected in zip(docs, indexed, strict=True):
        real(doc)
        assert [e.model_dump() for e in doc.entities] == expected


def test_a_new_name_is_compared_only_with_names_sharing_its_rarest_tokens(
    kb: KnowledgeBase, linker: Linker, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 200 people named محمد + a family name of their own: a scan compares each with every
    # earlier one (19,900 comparisons); the index finds none of them alike.
    rng = random.Random(3)
    names: list[str] = []
    while len(names) < 200:
        name = "محمد " + "".join(rng.choice("بتدرسعفكلمنه") for _ in range(6))
        if all(name_similarity(name, other) < PERSON_THRESHOLD for other in names):
            names.append(name)
    text = "، ".join(names) + "."
    doc = make_doc(text, kb, [(name, EntityType.PERSON) for name in names])
    monkeypatch.setattr("arextract.link.persons.PersonNameIndex", CountingIndex)
    CountingIndex.queries = CountingIndex.returned = 0
    linker(doc)
    persons = [e for e in doc.entities if e.type is EntityType.PERSON]
    assert len(persons) == len(names) == len({e.canonical for e in persons})
    assert CountingIndex.queries == len(names)
    assert CountingIndex.returned < len(names) // 10


def test_his_country_skips_an_object_after_the_verb(kb: KnowledgeBase, linker: Linker) -> None:
    text = "والتقى الرئيس الروسي يوري سميرنوف مع الرئيس الصيني شي جين بينغ، معربا عن دعم بلاده للتعاون."
    doc = linked(text, kb, linker, model=[("يوري سميرنوف", EntityType.PERSON)])
    assert [(e.text, e.kb_id) for e in doc.entities if e.source == "coref"] == [("بلاده", "RU")]


def test_entity_table_merges_spellings_of_an_unknown_body_across_documents(
    kb: KnowledgeBase, linker: Linker
) -> None:
    # Keyed on the folded name, shown in the fullest spelling whichever document came first.
    docs = [
        linked(
            "افتتحت جامعه الحديده مبنى جديدا.", kb, linker, model=[("جامعه الحديده", EntityType.ORGANIZATION)]
        ),
        linked(
            "وقعت جامعة الحديدة مذكرة تفاهم.", kb, linker, model=[("جامعة الحديدة", EntityType.ORGANIZATION)]
        ),
    ]
    rows = [row for row in entity_table(docs) if row.type is EntityType.ORGANIZATION]
    assert [(row.canonical, row.documents) for row in rows] == [("جامعة الحديدة", 2)]
    assert rows[0].aliases == sorted(["جامعه الحديده", "جامعة الحديدة"])


def test_unknown_short_names_alone_are_one_person(kb: KnowledgeBase, linker: Linker) -> None:
    text = "وقال سميرنوف إن الاتفاق جيد. وأضاف سميرنوف أن التعاون مستمر."
    doc = linked(text, kb, linker, model=[("سميرنوف", EntityType.PERSON)])
    persons = [e for e in doc.entities if e.type is EntityType.PERSON]
    assert len(persons) == 2 and len({e.canonical for e in persons}) == 1
    assert len(entity_table([doc])) == 1


@pytest.mark.parametrize(
    ("text", "surname", "person"),
    [
        ("وصرح ماكرون بأن باريس ستشارك في القمة.", "ماكرون", "إيمانويل ماكرون"),
        ("وقالت موغيريني إن الاتحاد يتابع المفاوضات.", "موغيريني", "فيديريكا موغيريني"),
    ],
)
def test_surnames_sharing_a_skeleton_link_by_their_spelling(text: str, surname: str, person: str) -> None:
    # ماكرون and موغيريني both reduce to the skeleton مكرن (غ and ك transliterate one sound);
    # a bare surname goes to the one person whose name is spelled exactly so
    doc = arextract.extract(text)
    [mention] = [e for e in doc.entities if e.text == surname]
    assert mention.canonical == person


def test_function_words_folded_like_a_name_are_no_short_forms() -> None:
    # many texts write على as علي and بأن as بان: neither is the person named earlier
    text = (
        "استقبل علي أكبر صالحي الوفد في طهران. وشدد الوفد علي ضرورة الحوار. "
        "والتقى بان كي مون السفراء. وأعلن المتحدث بان الجلسة انتهت. وأكد صالحي أن الحوار مستمر."
    )
    doc = arextract.extract(text)
    persons = [e.text for e in doc.entities if e.type is EntityType.PERSON]
    assert "علي" not in persons and "بان" not in persons
    assert {"علي أكبر صالحي", "بان كي مون", "صالحي"} <= set(persons)


def test_a_person_in_another_spelling_has_no_function_word_in_it() -> None:
    # "أودي على" reads like إياد علاوي letter by letter, but على is a preposition
    doc = arextract.extract("وتعمل أودي على تطوير سياراتها الكهربائية. وقالت أودي إن المبيعات ارتفعت.")
    assert [e.text for e in doc.entities if e.type is EntityType.PERSON] == []


def test_an_adjective_or_a_preposition_is_no_word_of_a_known_name() -> None:
    # "عسكرية من" and "عسكري من" share a skeleton with عسكر مامين (ة, ي and the vowels dropped),
    # but من is a preposition and a word in ة is no spelling of a name without it
    for text in (
        "وتسلم اللواء معدات عسكرية من بلدان الجوار لتعزيز قدراته. وقال المتحدث إن الإمدادات مستمرة.",
        "وطلب منه المشاركة بخمسمئة عسكري من غزة. ثم أجرى وفد من الحركة زيارة إلى القاهرة.",
    ):
        doc = arextract.extract(text)
        assert [e.text for e in doc.entities if e.type is EntityType.PERSON] == []
    doc = arextract.extract("والتقى رئيس الوزراء القازاقي عسكر مامين نظيره الروسي.")
    assert next(e.canonical for e in doc.entities if e.type is EntityType.PERSON) == "عسكر مامين"


def test_a_family_name_after_al_stands_for_the_person_only_after_al() -> None:
    # "سعود" alone is a given name (a pilot), neither the prince whose name ends آل سعود nor
    # the family itself
    text = (
        "وحضر الحفل الأمير بدر بن محمد بن جلوي آل سعود محافظ المنطقة. من جهته، قال المقدم "
        "الطيار سعود قائد الطائرة إن الرحلة كانت آمنة. وشكر آل سعود الحضور."
    )
    doc = arextract.extract(text)
    prince = next(e for e in doc.entities if e.text.startswith("بدر بن محمد"))
    pilot = next(e for e in doc.entities if e.text == "سعود" and text[: e.start].endswith("الطيار "))
    family = next(e for e in doc.entities if e.start > pilot.end and "سعود" in e.text)
    assert pilot.canonical not in (prince.canonical, family.canonical)


@pytest.mark.parametrize(
    ("text", "name", "not_person"),
    [
        (
            "وضم الوفد المرافق تميم بن عبدالعزيز السالم مستشار الديوان.",
            "تميم بن عبدالعزيز السالم",
            "تمام سلام",
        ),
        ("وكان في الاستقبال خالد بن صالح العباد مدير المراسم.", "خالد بن صالح العباد", "خالد العبيدي"),
        ("وأشاد المدير تميم السالم بجهود الفريق.", "تميم السالم", "تمام سلام"),
    ],
)
def test_an_arabic_name_with_other_vowels_is_another_person(text: str, name: str, not_person: str) -> None:
    # تميم السالم and تمام سلام share the skeleton تمم سلم (the long vowels dropped, for the
    # spellings of foreign names), but ي where the other has ا makes another Arabic name
    doc = arextract.extract(text)
    [mention] = [e for e in doc.entities if e.text == name]
    assert mention.canonical != not_person


def test_a_foreign_name_with_a_vowel_left_out_is_still_the_person() -> None:
    # نتانياهو / نتنياهو: one spelling leaves a long vowel out, the letters agree otherwise
    doc = arextract.extract("وقال بنيامين نتانياهو إن حكومته ترفض الاتفاق.")
    [mention] = [e for e in doc.entities if e.type is EntityType.PERSON]
    assert mention.canonical == "بنيامين نتنياهو"


def test_a_nasab_chain_extending_a_known_name_is_that_person() -> None:
    # the KB knows محمد بن سلمان بن عبدالعزيز; the article adds آل سعود: one person, so the
    # later محمد بن سلمان is the same entity, not a second one with a ROLE of its own
    text = (
        "واستقبل الأمير محمد بن سلمان بن عبدالعزيز آل سعود ولي ولي العهد وزير الدفاع الوفد "
        "الزائر في جدة. وأوضح الأمير محمد بن سلمان أن التنسيق قائم."
    )
    doc = arextract.extract(text)
    persons = {e.canonical for e in doc.entities if e.type is EntityType.PERSON}
    assert persons == {"محمد بن سلمان"}


def test_a_shorter_nasab_in_one_article_is_the_person_named_in_full() -> None:
    # not in the KB: ناصر بن خالد after ناصر بن خالد بن سلطان is he
    text = (
        "ودشن الأمير ناصر بن خالد بن سلطان أمير المنطقة المعرض أمس. "
        "وقال الأمير ناصر بن خالد إن المعرض يعكس نهضة المنطقة."
    )
    doc = arextract.extract(text)
    canonicals = {e.canonical for e in doc.entities if e.type is EntityType.PERSON}
    assert canonicals == {"ناصر بن خالد بن سلطان"}


def test_different_forebears_are_different_people() -> None:
    text = "وحضر الأمير ناصر بن خالد بن سلطان والأمير ناصر بن خالد بن فهد المناسبة."
    doc = arextract.extract(text)
    assert len({e.canonical for e in doc.entities if e.type is EntityType.PERSON}) == 2


def test_his_country_after_an_unnamed_official_is_the_officials_country() -> None:
    # بلاده is the country of the one the clause is about (the Russian envoy), not of the
    # president named before, nor of the country the support goes to
    text = (
        "وطالب الرئيس اليمني عبدربه منصور هادي روسيا بتقديم المساعدات لليمن. "
        "من جهته أكد السفير الروسي استمرار دعم بلاده لليمن في كل المجالات."
    )
    doc = arextract.extract(text)
    [his_country] = [e for e in doc.entities if e.text == "بلاده"]
    assert his_country.canonical == "روسيا"


def test_a_body_with_and_without_its_head_noun_is_one_body() -> None:
    # النادي الأهلي ... الأهلي: one club, named by the fuller form
    doc = arextract.extract(
        "وأعلن النادي الأهلي تعاقده مع مدرب جديد. وقال رئيس الأهلي إن الفريق جاهز للموسم.",
    )
    clubs = {e.canonical for e in doc.entities if e.type is EntityType.ORGANIZATION and "هلي" in e.text}
    assert clubs == {"النادي الأهلي"}


def test_a_nisba_past_the_clause_of_the_speech_verb_is_not_the_speakers_country() -> None:
    # "أكد المتحدث أن الوفد الروسي سيزور بلاده": the Russian delegation visits the speaker's
    # country, so بلاده is not Russia
    text = (
        "وقال الرئيس اليمني عبدربه منصور هادي إن روسيا شريك مهم. "
        "وأكد المتحدث أن الوفد الروسي سيزور بلاده الشهر المقبل."
    )
    doc = arextract.extract(text)
    assert all(e.canonical != "روسيا" for e in doc.entities if e.text == "بلاده")


def test_an_official_named_by_his_family_after_al_is_the_full_name() -> None:
    # "آل الشيخ" alone is the mufti named in full before, not a person of its own
    text = (
        "وحذر المفتي العام الشيخ عبدالعزيز بن عبدالله آل الشيخ من دعاة الفرقة في خطبة الجمعة. "
        "وأوضح آل الشيخ أن الغلو يهدد أمن المجتمعات."
    )
    doc = arextract.extract(text)
    ents = {e.id: e for e in doc.entities}
    speakers = {
        ents[a.entity_id].canonical
        for r in doc.relations
        if r.type.value == "STATEMENT"
        for a in r.arguments
        if a.role == "speaker"
    }
    assert speakers == {"عبدالعزيز آل الشيخ"}
