"""ROLE relations from titles in real-news style (issue #14, round 10; GUIDELINES §4-§5).

Every sentence was written for this file; no article text is copied.
"""

from __future__ import annotations

import pytest

from arextract import Document, Pipeline
from arextract.evaluation.relations import name_key
from relation_arguments import roles


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


def speakers(doc: Document) -> list[str]:
    names = {entity.id: name_key(entity.canonical) for entity in doc.entities}
    statements = [r for r in doc.relations if r.type.value == "STATEMENT"]
    return [names[relation.arguments[0].entity_id] for relation in statements]


def test_a_spokesman_of_a_states_organ_holds_the_office_of_that_state(nlp: Pipeline) -> None:
    # the nisba closing the title is the affiliation, as in "وزير الخارجية التركي"; the organ
    # stays a named body of the article
    doc = nlp(
        "أعلن المتحدث باسم الخارجية التركية تانجو بيليتش أن أنقرة تدرس المقترح الجديد بعناية. "
        "وأضاف المتحدث باسم الخارجية التركية أن الرد سيصدر خلال أيام."
    )
    assert roles(doc)[name_key("تانجو بيليتش")] == {name_key("تركيا")}
    assert any(e.canonical == "وزارة الخارجية التركية" for e in doc.entities)
    # the same title again, with no name, is the spokesman named before
    assert speakers(doc) == [name_key("تانجو بيليتش")] * 2


def test_an_organ_named_on_its_own_keeps_the_body(nlp: Pipeline) -> None:
    doc = nlp("وقالت الخارجية الأمريكية في بيان إن واشنطن ترحب بوقف إطلاق النار في المدينة.")
    assert speakers(doc) == [name_key("وزارة الخارجية الأمريكية")]


def test_a_coach_is_named_by_his_post(nlp: Pipeline) -> None:
    # "المدرب X" gives a ROLE (GUIDELINES §5, dev7); a player named by his position gives none
    doc = nlp("وأشرف المدرب ماريو سالفاتوري على الحصة التدريبية، وغاب عنها المهاجم كريم العتيبي للإصابة.")
    assert roles(doc) == {name_key("ماريو سالفاتوري"): {None}}
    doc = nlp("وقال مدرب نادي الاتفاق ماريو سالفاتوري إن الفريق جاهز للموسم الجديد.")
    assert roles(doc) == {name_key("ماريو سالفاتوري"): {name_key("نادي الاتفاق")}}


def test_an_engineers_abbreviation_between_title_and_name(nlp: Pipeline) -> None:
    # "م." (المهندس) is a form of address, as "د." is: the title before it is the name's
    doc = nlp("وأكد مدير عام شركة المياه الوطنية م. فهد العنزي أن أعمال الصيانة ستنتهي قريبا.")
    assert name_key("فهد العنزي") in roles(doc)
    assert speakers(doc) == [name_key("فهد العنزي")]


def test_a_title_set_off_by_commas_may_name_a_body_and_where_it_is(nlp: Pipeline) -> None:
    # the body of a title set off after the name, then the place it is in: the body
    doc = nlp("وقالت ليندا مارتن، مديرة الدراسات في منظمة الصحة العالمية في جنيف، إن الوباء تراجع.")
    assert roles(doc) == {name_key("ليندا مارتن"): {name_key("منظمة الصحة العالمية")}}
    # a body written in quotation marks after a detached لـ
    doc = nlp("وأعلن كمال الورتاني، الأمين العام لـ«حركة النهضة»، أن الحزب سيشارك في الانتخابات.")
    assert roles(doc) == {name_key("كمال الورتاني"): {name_key("حركة النهضة")}}


def test_a_place_before_an_assistants_portfolio_is_the_offices_jurisdiction(nlp: Pipeline) -> None:
    # "بمنطقة X" inside the title, then the assistant's portfolio with لل-: the region's office
    doc = nlp("وأكد مساعد مدير عام التعليم بمنطقة القصيم للشؤون المدرسية خالد الحربي أن الاستعدادات اكتملت.")
    assert roles(doc) == {name_key("خالد الحربي"): {name_key("منطقة القصيم")}}
