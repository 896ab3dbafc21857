"""Armed groups and initiatives of real news (issue #14, round 10): a judging adjective after a
known group's name (تنظيم داعش الإرهابي) is no part of it, the resistance is a body when named by
an adjective of its own (المقاومة الشعبية), and an initiative's name ends at the pronoun of a
nominal sentence. Sentences written for these tests."""

from __future__ import annotations

import arextract
from arextract.schema import Document, EntityType, RelationType


def names(doc: Document, kind: EntityType) -> set[str]:
    return {e.text for e in doc.entities if e.type is kind}


def test_a_judging_adjective_ends_a_known_groups_name() -> None:
    doc = arextract.extract("وحذر الوزير من خطر تنظيم داعش الإرهابي للاستقرار في المنطقة كلها.")
    assert names(doc, EntityType.ORGANIZATION) == {"تنظيم داعش"}
    assert any("داعش" in e.aliases for e in doc.entities if e.type is EntityType.ORGANIZATION)


def test_a_groups_head_after_a_verb_of_adopting_is_no_masdar_phrase() -> None:
    doc = arextract.extract("وتبنى تنظيم داعش الإرهابي تفجير السيارة المفخخة قرب السوق.")
    assert names(doc, EntityType.INITIATIVE) == set()
    assert not any(r.type is RelationType.PROPOSAL for r in doc.relations)


def test_the_resistance_named_by_its_adjective_is_a_body_that_speaks() -> None:
    doc = arextract.extract("وأكدت المقاومة الشعبية في تعز أنها استعادت السيطرة على التلال المحيطة.")
    assert "المقاومة الشعبية" in names(doc, EntityType.ORGANIZATION)
    assert speakers(doc) == ["المقاومة الشعبية"]


def test_a_nisba_after_the_resistances_adjective_joins_its_name() -> None:
    doc = arextract.extract("وتواصل المقاومة الجنوبية اليمنية تقدمها نحو المدينة.")
    assert names(doc, EntityType.ORGANIZATION) == {"المقاومة الجنوبية اليمنية"}


def test_resisting_or_a_peoples_resistance_is_no_body() -> None:
    doc = arextract.extract("وأشاد المتحدث بصمود المقاومة الفلسطينية، وقال إن مقاومة الاحتلال حق مشروع.")
    assert names(doc, EntityType.ORGANIZATION) == set()


def test_a_noun_under_wa_after_the_resistances_adjective_opens_a_new_phrase() -> None:
    doc = arextract.extract("وتمكنت المقاومة الشعبية والقوات الموالية للحكومة من تحرير المعسكر.")
    assert "المقاومة الشعبية" in names(doc, EntityType.ORGANIZATION)
    assert not any("والقوات" in name for name in names(doc, EntityType.ORGANIZATION))


def test_an_initiatives_name_ends_at_the_pronoun_of_a_nominal_sentence() -> None:
    doc = arextract.extract("وشدد الوزير على أن مبادرة السلام العربية هي الأساس لأي حل عادل.")
    assert names(doc, EntityType.INITIATIVE) == {"مبادرة السلام العربية"}


def test_a_civil_body_named_by_one_word_takes_what_it_serves_after_lam() -> None:
    doc = arextract.extract("وذكرت مؤسسة الميزان لحقوق الإنسان في تقرير حديث أن المعتقلين يعانون.")
    assert "مؤسسة الميزان لحقوق الإنسان" in names(doc, EntityType.ORGANIZATION)


def test_a_purpose_clause_after_a_civil_body_stays_out_of_its_name() -> None:
    doc = arextract.extract("وتوجه الشاب إلى مركز الشرطة لتقديم بلاغ عن سرقة سيارته.")
    assert not any("لتقديم" in name for name in names(doc, EntityType.ORGANIZATION))


def test_a_noun_after_a_bodys_lam_phrase_is_the_clauses_object() -> None:
    doc = arextract.extract("ووزعت جمعية النور لرعاية الأيتام الهدايا على الأطفال في العيد.")
    assert "جمعية النور لرعاية الأيتام" in names(doc, EntityType.ORGANIZATION)
    assert not any("الهدايا" in name for name in names(doc, EntityType.ORGANIZATION))


def speakers(doc: Document) -> list[str]:
    return [
        e.canonical
        for r in doc.relations
        if r.type is RelationType.STATEMENT
        for a in r.arguments
        for e in doc.entities
        if e.id == a.entity_id
    ]


def test_a_bare_head_before_ila_refers_to_the_body_named_before() -> None:
    doc = arextract.extract(
        "نشرت منظمة العفو الدولية تقريرا عن السجون أمس. وأشارت المنظمة إلى أن أعداد المعتقلين تضاعفت."
    )
    assert "منظمة العفو الدولية" in speakers(doc)


def test_a_bare_head_refers_to_a_known_group_named_without_it() -> None:
    doc = arextract.extract(
        "عينت حركة طالبان قائدا عسكريا جديدا لها. وقالت الحركة في بيان إن القائد الجديد يحظى بالإجماع."
    )
    assert speakers(doc) == ["حركة طالبان"]


def test_a_known_group_followed_by_the_verbs_object_keeps_its_name() -> None:
    doc = arextract.extract("وتبنى تنظيم داعش التفجير، وقال التنظيم في بيان إن الهجوم استهدف ثكنة عسكرية.")
    assert names(doc, EntityType.ORGANIZATION) >= {"تنظيم داعش"}
    assert not any("التفجير" in name for name in names(doc, EntityType.ORGANIZATION))
    assert speakers(doc) == ["تنظيم الدولة الإسلامية"]


def test_the_world_wars_and_the_july_revolution_are_events() -> None:
    doc = arextract.extract(
        "وتحدث المؤرخ عن دمار المدن الأوروبية في الحرب العالمية الثانية، ثم عن إرث ثورة 23 يوليو في مصر."
    )
    assert {"الحرب العالمية الثانية", "ثورة 23 يوليو"} <= {
        e.canonical for e in doc.entities if e.type is EntityType.EVENT
    }


def test_a_description_with_a_coordinated_noun_beside_a_quoted_name_is_no_body() -> None:
    doc = arextract.extract("وأعلنت شركة البرمجيات والحوسبة الأميركية «مايكروسوفت» أن أرباحها تراجعت.")
    assert speakers(doc) == ["مايكروسوفت"]
