"""Names of real news the pipeline used to miss or cut (issue #14, dev5): a province named by its
place, a verb of saying read into a name, a family name after a title and a given name, papers
named after a city, the Suez Canal, sited bodies, a parliamentary committee and a
branch of a country's forces. Sentences written for these tests."""

from __future__ import annotations

import pytest

from arextract.ner.grammar.persons import refine_persons
from arextract.pipeline import Pipeline
from arextract.schema import EntitySource, EntityType
from arextract.text.segment import tokenize
from test_ner_grammar_gap import mention
from test_ner_news_entities import found

MODEL = EntitySource.MODEL


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


# --- persons ------------------------------------------------------------------------------------


def test_a_verb_of_saying_the_tagger_read_into_a_name_is_left_out() -> None:
    text = "وأكد سامي المطيري رئيس تحرير المجلة أن العدد المتداول مزيف."
    named = [mention(text, "أكد سامي المطيري", EntityType.PERSON, MODEL)]
    assert found(refine_persons(text, tokenize(text), named)) == {("سامي المطيري", "PERSON")}


def test_a_verb_of_saying_after_a_comma_opens_no_listed_name() -> None:
    text = "وحضر الحفل عدد من المسؤولين، وأكد سامي المطيري رئيس تحرير المجلة أن العدد مزيف."
    assert found(refine_persons(text, tokenize(text), [])) == {("سامي المطيري", "PERSON")}


def test_a_given_name_that_is_also_a_verb_stays_in_the_name() -> None:
    text = "وطالب الرفاعي روائي معروف في بلده."
    named = [mention(text, "طالب الرفاعي", EntityType.PERSON, MODEL)]
    assert found(refine_persons(text, tokenize(text), named)) == {("طالب الرفاعي", "PERSON")}


def test_after_a_rank_the_given_name_joins_the_family_name_the_tagger_found() -> None:
    text = "وكان الوزير قد اجتمع مع اللواء ناصر قشوط وعدد من القادة الميدانيين."
    named = [mention(text, "قشوط", EntityType.PERSON, MODEL)]
    assert found(refine_persons(text, tokenize(text), named)) == {("ناصر قشوط", "PERSON")}


def test_after_a_rank_two_name_words_closed_by_a_comma_are_a_person() -> None:
    text = "وقال العميد ناصر قشوط، مدير إدارة العمليات، إن الطرق آمنة."
    assert ("ناصر قشوط", "PERSON") in found(refine_persons(text, tokenize(text), []))


def test_a_noun_with_a_pronoun_after_a_title_is_no_family_name() -> None:
    text = "واستقبل الملك سلمان ضيفه، وأقام مأدبة غداء تكريما له."
    assert not any("ضيفه" in e.text for e in refine_persons(text, tokenize(text), []))


# --- places -------------------------------------------------------------------------------------


def test_a_province_is_also_named_by_its_place(nlp: Pipeline) -> None:
    # أمير منطقة حائل: the affiliation is حائل (tests/gold/GUIDELINES.md §5)
    doc = nlp("وافتتح أمير منطقة حائل مهرجان التمور في دورته العاشرة.")
    region = next(e for e in doc.entities if e.type is EntityType.REGION)
    assert region.canonical == "منطقة حائل"
    assert "حائل" in region.aliases


def test_the_suez_canal_is_a_place_not_an_outlet(nlp: Pipeline) -> None:
    doc = nlp("وعبرت ناقلات النفط قناة السويس أمس في طريقها إلى أوروبا.")
    assert any(e.type is EntityType.REGION and e.canonical == "قناة السويس" for e in doc.entities)
    assert not any(e.type is EntityType.ORGANIZATION for e in doc.entities)


def test_the_saudi_southern_border_is_a_place(nlp: Pipeline) -> None:
    doc = nlp("وتفقد قائد القوات البرية الوحدات المرابطة في الحد الجنوبي أمس.")
    assert ("الحد الجنوبي", "REGION") in found(doc.entities)


# --- organisations ------------------------------------------------------------------------------


def organizations(nlp: Pipeline, text: str) -> set[str]:
    return {e.text for e in nlp(text).entities if e.type is EntityType.ORGANIZATION}


def test_a_paper_named_after_a_city_keeps_its_noun(nlp: Pipeline) -> None:
    doc = nlp("وأشاد الأمير بما تنشره صحيفة مكة من تقارير عن الموسم.")
    assert ("صحيفة مكة", "ORGANIZATION") in found(doc.entities)
    assert not any(e.type is EntityType.CITY for e in doc.entities)


def test_a_paper_with_a_name_of_its_own_is_named_without_its_noun(nlp: Pipeline) -> None:
    found_here = organizations(nlp, "ونقلت صحيفة الوئام عن مصادر مطلعة أن القرار سيصدر قريبا.")
    assert "الوئام" in found_here and "صحيفة الوئام" not in found_here


def test_a_chamber_of_commerce_takes_its_city_after_b(nlp: Pipeline) -> None:
    doc = nlp("ونظمت الغرفة التجارية الصناعية بالدمام ملتقى لرواد الأعمال.")
    assert ("الغرفة التجارية الصناعية بالدمام", "ORGANIZATION") in found(doc.entities)
    assert ("الدمام", "CITY") in found(doc.entities)


def test_a_department_takes_its_governorate(nlp: Pipeline) -> None:
    doc = nlp("وأوضحت الإدارة العامة للمرور في محافظة الطائف أن الطرق ستغلق.")
    assert ("الإدارة العامة للمرور في محافظة الطائف", "ORGANIZATION") in found(doc.entities)
    assert ("الطائف", "CITY") in found(doc.entities)


def test_a_committee_takes_in_its_council_which_stays_a_body(nlp: Pipeline) -> None:
    text = "وطالبت لجنة الشؤون المالية بمجلس الشورى بمراجعة الميزانية."
    assert {"لجنة الشؤون المالية بمجلس الشورى", "مجلس الشورى"} <= organizations(nlp, text)


def test_a_branch_of_a_countrys_forces_is_a_body(nlp: Pipeline) -> None:
    text = "وأجرت القوات البحرية الباكستانية مناورات في بحر العرب."
    assert "القوات البحرية الباكستانية" in organizations(nlp, text)


def test_a_countrys_armed_forces_are_a_body_and_a_bare_description_is_not(nlp: Pipeline) -> None:
    text = "وأعلنت القوات المسلحة الأردنية أن القوات المسلحة تتابع الوضع على الحدود."
    found = organizations(nlp, text)
    assert "القوات المسلحة الأردنية" in found
    assert "القوات المسلحة" not in found


def test_a_national_team_is_named_by_its_country_and_a_described_team_is_not(nlp: Pipeline) -> None:
    text = "وتأهل المنتخب الكويتي للرماية إلى النهائي، فيما ودع المنتخب الوطني البطولة."
    found = organizations(nlp, text)
    assert "المنتخب الكويتي للرماية" in found
    assert "المنتخب الوطني" not in found


def test_a_public_service_is_named_with_its_general_adjective(nlp: Pipeline) -> None:
    assert "مصلحة الضرائب العامة" in organizations(nlp, "وأعلنت مصلحة الضرائب العامة تمديد مهلة السداد.")


def test_an_interest_is_no_public_service(nlp: Pipeline) -> None:
    assert not organizations(nlp, "وقال إن الاتفاق يصب في مصلحة الشعب اليمني وأمنه.")


def test_a_participle_after_the_genitive_closes_a_bodys_name(nlp: Pipeline) -> None:
    text = "واستقبل مركز الرعاية المتكاملة وفدا من المتطوعين صباح العيد."
    assert "مركز الرعاية المتكاملة" in organizations(nlp, text)


def test_a_participle_right_after_a_definite_head_describes_it(nlp: Pipeline) -> None:
    assert not organizations(nlp, "وتعد الشركة المتعطشة للنمو من أسرع الشركات توسعا.")


def test_the_first_syllable_of_a_chinese_name_joins_the_rest() -> None:
    text = "وأعرب لوه شي جن خلال لقائه الوزير عن تقدير بلاده للتعاون."
    named = [mention(text, "شي جن", EntityType.PERSON, MODEL)]
    assert found(refine_persons(text, tokenize(text), named)) == {("لوه شي جن", "PERSON")}


def test_a_verb_or_a_vocative_is_no_syllable_of_a_name() -> None:
    text = "وقال شي جن إن الزيارة ناجحة، ثم نادى يا ابن عمي."
    named = [
        mention(text, "شي جن", EntityType.PERSON, MODEL),
        mention(text, "ابن عمي", EntityType.PERSON, MODEL),
    ]
    assert found(refine_persons(text, tokenize(text), named)) == {
        ("شي جن", "PERSON"),
        ("ابن عمي", "PERSON"),
    }


def test_a_dual_head_names_two_known_universities(nlp: Pipeline) -> None:
    text = "وأطلقت جامعتا الملك سعود والملك فهد للبترول والمعادن برنامجا مشتركا للباحثين."
    doc = nlp(text)
    bodies = {e.canonical for e in doc.entities if e.type is EntityType.ORGANIZATION}
    assert {"جامعة الملك سعود", "جامعة الملك فهد للبترول والمعادن"} <= bodies
    assert not any(e.type is EntityType.PERSON for e in doc.entities)
