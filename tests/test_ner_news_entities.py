"""Names of real news the pipeline used to cut, join or miss: a new person whose first name is a
known person's family name, a known person named with a middle name the knowledge file leaves
out, a feminine nisba read as a person, bodies headed by مرصد / دارة / نادي / مركز, and papers
cited in quotes. Sentences written for these tests."""

from __future__ import annotations

import pytest

from arextract.ner.builtin import without_surname_overrun
from arextract.ner.grammar.persons import refine_persons
from arextract.ner.merge import merge_model_and_gazetteer
from arextract.pipeline import Pipeline
from arextract.schema import Entity, EntitySource, EntityType
from arextract.text.segment import tokenize
from test_ner_grammar_gap import mention

MODEL, GAZETTEER = EntitySource.MODEL, EntitySource.GAZETTEER


def found(entities: list[Entity]) -> set[tuple[str, str]]:
    return {(e.text, e.type.value) for e in entities}


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


def organizations(nlp: Pipeline, text: str) -> set[str]:
    return {e.text for e in nlp(text).entities if e.type is EntityType.ORGANIZATION}


# --- persons ------------------------------------------------------------------------------------


def test_a_new_person_whose_given_name_is_a_known_family_name_keeps_his_own_family_name() -> None:
    # شكري is the family name of سامح شكري; شكري العمراني is someone else, not شكري + a word
    text = "وصل سامح شكري. ويقول الباحث شكري العمراني إن الزيارة مهمة."
    named = [
        mention(text, "سامح شكري", EntityType.PERSON, GAZETTEER),
        mention(text, "شكري العمراني", EntityType.PERSON, MODEL),
    ]
    assert found(without_surname_overrun(text, named)) == {
        ("سامح شكري", "PERSON"),
        ("شكري العمراني", "PERSON"),
    }
    # a family name used alone before a verb is still cut
    text3 = "وصل سامح شكري. وأجرى شكري مباحثات في عمان."
    overrun = [
        mention(text3, "سامح شكري", EntityType.PERSON, GAZETTEER),
        mention(text3, "شكري مباحثات", EntityType.PERSON, MODEL),
    ]
    assert ("شكري", "PERSON") in found(without_surname_overrun(text3, overrun))


def test_a_known_person_named_with_his_middle_name_is_one_person() -> None:
    text = "استقبل رئيس الوزراء خالد محفوظ بحاح وفدا من رجال الأعمال."
    named = mention(
        text,
        "بحاح",
        EntityType.PERSON,
        GAZETTEER,
        canonical="خالد بحاح",
        aliases=("خالد بحاح", "بحاح"),
    )
    model = mention(text, "خالد محفوظ", EntityType.PERSON, MODEL)
    [merged] = merge_model_and_gazetteer([named], [model])
    assert (merged.text, merged.canonical) == ("خالد محفوظ بحاح", "خالد بحاح")
    assert "خالد محفوظ بحاح" in merged.aliases


def test_another_given_name_before_a_known_family_name_is_not_joined() -> None:
    text = "التقى سعيد محمد بحاح في المكتب."
    named = mention(text, "بحاح", EntityType.PERSON, GAZETTEER, canonical="خالد بحاح")
    model = mention(text, "سعيد محمد", EntityType.PERSON, MODEL)
    assert found(merge_model_and_gazetteer([named], [model])) == {
        ("بحاح", "PERSON"),
        ("سعيد محمد", "PERSON"),
    }


def test_a_feminine_nisba_alone_is_no_person_but_a_short_family_name_in_ya_is() -> None:
    text = "وتسعى المدينة الاقتصادية إلى جذب المستثمرين، وقال العطية إن الطلب كبير."
    tagged = [
        mention(text, "الاقتصادية", EntityType.PERSON, MODEL),
        mention(text, "العطية", EntityType.PERSON, MODEL),
    ]
    assert found(refine_persons(text, tokenize(text), tagged)) == {("العطية", "PERSON")}


# --- organisations ------------------------------------------------------------------------------


def test_an_observatory_a_foundation_and_clubs_are_bodies(nlp: Pipeline) -> None:
    assert "المرصد السوري لحقوق الإنسان" in organizations(
        nlp, "وأفاد المرصد السوري لحقوق الإنسان بسقوط قتلى في غارات على الريف الشمالي."
    )
    assert "دارة الملك عبدالعزيز" in organizations(
        nlp, "ونظمت دارة الملك عبدالعزيز معرضا للوثائق التاريخية في الرياض."
    )
    assert {"النادي الأهلي", "نادي الزمالك"} <= organizations(
        nlp, "ويلتقي النادي الأهلي مع نادي الزمالك مساء الجمعة في القاهرة."
    )


def test_a_club_described_by_a_nisba_is_no_name(nlp: Pipeline) -> None:
    found_here = organizations(nlp, "وأعلن النادي الكاتالوني تعاقده مع مدافع شاب أمس.")
    assert "النادي الكاتالوني" not in found_here


def test_a_centre_named_after_a_known_company_takes_its_complement(nlp: Pipeline) -> None:
    assert "مركز أرامكو لريادة الأعمال" in organizations(
        nlp, "ونظم مركز أرامكو لريادة الأعمال ورشة للشباب في الظهران."
    )
    purpose = organizations(nlp, "وتعاون مركز أرامكو لتحفيز أصحاب المشروعات على التوسع.")
    assert not any(name.startswith("مركز أرامكو لتحفيز") for name in purpose)


def test_a_paper_cited_in_quotes_is_an_outlet(nlp: Pipeline) -> None:
    doc = nlp('وقال الخبير في تصريحات إلى "الوطن" إن الأسعار سترتفع. وتابعت «المدينة» القضية مع المسؤولين.')
    outlets = {e.text for e in doc.entities if e.type is EntityType.ORGANIZATION and e.subtype == "media"}
    assert {"الوطن", "المدينة"} <= outlets
    assert not any(e.type is EntityType.PERSON for e in doc.entities)


def test_a_full_name_runs_on_through_a_compound_family_name() -> None:
    text = "وأشرف المستشار ناصر العمر أبا الخيل على الحفل، ثم غادر إلى أبو ظبي."
    tagged = [mention(text, "ناصر العمر", EntityType.PERSON, MODEL)]
    assert found(refine_persons(text, tokenize(text), tagged)) == {("ناصر العمر أبا الخيل", "PERSON")}
    text = "وقال ناصر العمر أم الوزير إن القرار نهائي."
    tagged = [mention(text, "ناصر العمر", EntityType.PERSON, MODEL)]
    assert found(refine_persons(text, tokenize(text), tagged)) == {("ناصر العمر", "PERSON")}


def test_a_short_name_with_an_emphatic_letter_is_not_a_known_name_without_it(nlp: Pipeline) -> None:
    # صبري and زيباري share the transliteration key سبر; an Arabic ص is no spelling of ز
    doc = nlp("وسجل اللاعب صبري هدفين في المباراة، وقال زيباري إن الحكومة مستمرة.")
    persons = {e.text: e.canonical for e in doc.entities if e.type is EntityType.PERSON}
    assert persons.get("زيباري") == "هوشيار زيباري"
    assert persons.get("صبري") not in (None, "هوشيار زيباري")


# --- ranks, passports, glued headlines ----------------------------------------------------------


def test_the_second_word_of_a_rank_is_no_part_of_the_name() -> None:
    # العقيد ركن، الفريق أول: the tagger sometimes starts the name on the rank's second word
    text = "وحضر الحفل العقيد ركن سامي الحربي قائد الكتيبة، والفريق أول طيار ماجد العنزي."
    named = [
        mention(text, "ركن سامي الحربي", EntityType.PERSON, MODEL),
        mention(text, "أول طيار ماجد العنزي", EntityType.PERSON, MODEL),
    ]
    out = refine_persons(text, tokenize(text), named)
    assert found(out) == {("سامي الحربي", "PERSON"), ("ماجد العنزي", "PERSON")}


def test_a_name_that_is_also_a_rank_word_stays_whole_without_a_rank_before_it() -> None:
    # بحري is a given name too (بحري عثمان) when no rank stands before it
    text = "وقال بحري عثمان مدير الشركة إن العمل مستمر."
    named = [mention(text, "بحري عثمان", EntityType.PERSON, MODEL)]
    assert found(refine_persons(text, tokenize(text), named)) == {("بحري عثمان", "PERSON")}


def test_the_passports_directorate_is_a_body(nlp: Pipeline) -> None:
    text = "وأوضح مدير عام الجوازات أن مكاتب الجوازات ستعمل خلال إجازة العيد."
    assert "الجوازات" in organizations(nlp, text)


def test_a_headline_glued_to_the_first_word_of_the_story_is_split(nlp: Pipeline) -> None:
    # the headline's last word ends in ة, a letter that only ends a word: التقى begins the story
    text = "الوزير في باريس لختام الجولةالتقى وزير الخارجية عادل الجبير نظيره الفرنسي لوران فابيوس أمس."
    words = [t.text for t in tokenize(text)]
    assert "الجولة" in words and "التقى" in words
    doc = nlp(text)
    assert all(text[e.start : e.end] == e.text for e in doc.entities)
    assert any(r.type.value == "MEETING" for r in doc.relations)


def test_the_iran_nuclear_deal_is_an_initiative_and_iran_stays_a_country(nlp: Pipeline) -> None:
    text = "وجدد الوزير تأييد بلاده للاتفاق النووي مع إيران، مؤكدا أن تطبيق خطة فيينا يخدم المنطقة."
    found_here = found(nlp(text).entities)
    assert ("لاتفاق النووي", "INITIATIVE") in found_here  # after the proclitic ل of للاتفاق
    assert ("خطة فيينا", "INITIATIVE") in found_here
    assert ("إيران", "COUNTRY") in found_here


def test_a_name_cut_after_its_lineage_takes_the_family_name_before_an_office_title() -> None:
    text = "ورافقه في الجولة وسلطان بن فهد الدوسري نائب رئيس الهيئة، ووفد من المسؤولين."
    named = [mention(text, "سلطان بن فهد", EntityType.PERSON, MODEL)]
    assert found(refine_persons(text, tokenize(text), named)) == {("سلطان بن فهد الدوسري", "PERSON")}


def test_a_definite_object_after_a_lineage_is_no_family_name() -> None:
    # no office title after it: المراجعين is the object of the verb, not a family name
    text = "وتفقد ماجد بن سعد المراجعين في المستشفى."
    named = [mention(text, "ماجد بن سعد", EntityType.PERSON, MODEL)]
    assert found(refine_persons(text, tokenize(text), named)) == {("ماجد بن سعد", "PERSON")}
