"""ROLE relations from titles in real-news style (round 12; GUIDELINES §4-§5).

Every sentence was written for this file; no article text is copied.
"""

from __future__ import annotations

import pytest

from arextract import Pipeline
from arextract.evaluation.relations import name_key
from relation_arguments import roles


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


def test_a_dual_title_with_a_nisba_before_each_name(nlp: Pipeline) -> None:
    # "الرئيسين الأمريكي X والتركي Y": one ROLE each, with its own country (GUIDELINES §5, dev8)
    doc = nlp("وقال البيت الأبيض إن الرئيسين الأمريكي باراك أوباما والتركي رجب طيب أردوغان تحدثا أمس.")
    found = roles(doc)
    assert found[name_key("باراك أوباما")] == {name_key("الولايات المتحدة")}
    assert found[name_key("رجب طيب أردوغان")] == {name_key("تركيا")}


def test_a_plural_title_over_names_each_from_a_country(nlp: Pipeline) -> None:
    # "وزراء المياه من مصر الدكتور X ومن السودان المهندس Y": the country after من is each one's
    doc = nlp(
        "وانطلقت في الخرطوم جولة جديدة من المفاوضات بحضور وزراء المياه من مصر الدكتور حسام مغازي "
        "ومن السودان المهندس معتز موسى ومن إثيوبيا الدكتور ألامايو تيجنو."
    )
    found = roles(doc)
    assert found[name_key("حسام مغازي")] == {name_key("مصر")}
    assert found[name_key("معتز موسى")] == {name_key("السودان")}
    assert found[name_key("ألامايو تيجنو")] == {name_key("إثيوبيا")}


def test_a_plural_title_with_a_groups_nisba_before_the_names_it_lists(nlp: Pipeline) -> None:
    # "قائدين حوثيين هما X وY": the group the story names (الحوثيون) is each one's affiliation
    doc = nlp(
        "وسيطر الحوثيون على المدينة الشهر الماضي. وشملت العقوبات قائدين حوثيين آخرين هما "
        "عبدالله يحيى الحكيم ويوسف حسن المداني."
    )
    found = roles(doc)
    group = {e.id: name_key(e.canonical) for e in doc.entities if e.text == "الحوثيون"}
    assert group
    assert found[name_key("عبدالله يحيى الحكيم")] == set(group.values())
    assert found[name_key("يوسف حسن المداني")] == set(group.values())


def test_a_regional_service_is_an_office_of_its_place(nlp: Pipeline) -> None:
    # "مدير تعليم جازان"، "مدير شرطة منطقة الباحة": a public service every region has, named by
    # its function and the place; the office is the place's (GUIDELINES §5)
    doc = nlp(
        "وتفقد الوزير مدارس المحافظة يرافقه مدير تعليم جازان عيسى حكمي. "
        "وكان في استقبال الوفد مدير شرطة منطقة الباحة اللواء سعد الزهراني في منطقة الباحة."
    )
    found = roles(doc)
    assert found[name_key("عيسى حكمي")] == {name_key("جازان")}
    assert found[name_key("سعد الزهراني")] <= {name_key("الباحة"), name_key("منطقة الباحة")}


def test_an_institution_and_a_services_spokesman_keep_the_body(nlp: Pipeline) -> None:
    # a university has a name of its own; a spokesman speaks for the service itself
    doc = nlp(
        "وقال مدير جامعة جازان الدكتور محمد الهيازع إن القبول يبدأ غدا. "
        "وأوضح الناطق الإعلامي بصحة تبوك خالد العنزي أن المستشفى جاهز."
    )
    found = roles(doc)
    assert found[name_key("محمد الهيازع")] == {name_key("جامعة جازان")}
    assert found[name_key("خالد العنزي")] == {name_key("صحة تبوك")}


def test_the_kings_epithet_after_lam_in_a_chained_title(nlp: Pipeline) -> None:
    # "المستشار الخاص لخادم الحرمين الشريفين X": an office of the state (GUIDELINES §5); a body a
    # chained title names after the epithet is the affiliation
    doc = nlp(
        "وحضر الحفل المستشار الخاص لخادم الحرمين الشريفين الأستاذ ناصر بن سعد العتيبي. "
        "وأكد نائب السكرتير الخاص لخادم الحرمين الشريفين مساعد رئيس الديوان الملكي الأستاذ "
        "سلطان بن فهد الحربي أن الاستعدادات اكتملت."
    )
    found = roles(doc)
    assert found[name_key("ناصر بن سعد العتيبي")] == {name_key("السعودية")}
    assert found[name_key("سلطان بن فهد الحربي")] == {name_key("الديوان الملكي")}


def test_a_long_portfolio_of_coordinated_nouns_after_the_name(nlp: Pipeline) -> None:
    # "X وزير الموارد المائية والكهرباء والري السوداني": the title runs over the coordinated
    # portfolio to the nisba, the affiliation
    doc = nlp("وأكد خالد عبدالله وزير الموارد المائية والكهرباء والري السوداني أن الاجتماعات ناجحة.")
    assert roles(doc)[name_key("خالد عبدالله")] == {name_key("السودان")}


def test_a_plural_title_and_a_later_office_are_two_roles(nlp: Pipeline) -> None:
    # one ROLE per title (GUIDELINES §4): the minister among "وزراء المياه" and his own office
    doc = nlp(
        "وبدأت الجولة بحضور وزراء المياه من مصر الدكتور حسام مغازي ومن السودان المهندس معتز موسى. "
        "وقال معتز موسى وزير الري السوداني إن الجولة ناجحة."
    )
    titles = [
        r.attributes["title"]
        for r in doc.relations
        if r.type.value == "ROLE" and r.arguments[0].text == "معتز موسى"
    ]
    assert len(titles) == 2


def test_an_office_a_relative_clause_gives_the_person_named_before(nlp: Pipeline) -> None:
    # "X، والذي يشغل أيضا منصب مدير Y": a second ROLE (GUIDELINES §5)
    doc = nlp(
        "ويقول رئيس التحرير الدكتور علي الكندي إن الموقع سينطلق قريبا. "
        "وقال سالم الكعبي، الذي يتولى أيضا منصب رئيس نادي الوحدة، إن الفريق جاهز."
    )
    assert roles(doc)[name_key("سالم الكعبي")] == {name_key("نادي الوحدة")}


def test_a_regional_service_of_a_two_word_region(nlp: Pipeline) -> None:
    # "مدير شرطة منطقة مكة المكرمة" read as one name: the region the story names
    doc = nlp("وحضر مدير شرطة منطقة مكة المكرمة اللواء عبدالعزيز الصولي الحفل في منطقة مكة المكرمة.")
    assert roles(doc)[name_key("عبدالعزيز الصولي")] <= {
        name_key("مكة المكرمة"),
        name_key("منطقة مكة المكرمة"),
    }
