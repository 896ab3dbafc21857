"""Bodies named by their place that the grammar used to miss (issue #14, round 9 corpus probe):
a regional governor's office (إمارة منطقة X), a name of its own while the relations keep taking
the region inside it, and a local office closing with its city after ب. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from arextract.pipeline import Pipeline
from arextract.schema import Document, EntityType, RelationType


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


def organizations(doc: Document) -> set[str]:
    return {e.text for e in doc.entities if e.type is EntityType.ORGANIZATION}


def test_a_regional_governors_office_is_an_organisation_and_titles_keep_the_region(
    nlp: Pipeline,
) -> None:
    doc = nlp("وأوضح سالم بن ناصر العتيبي وكيل إمارة منطقة تبوك أن اللجنة بدأت أعمالها.")
    assert "إمارة منطقة تبوك" in organizations(doc)
    role = next(r for r in doc.relations if r.type is RelationType.ROLE)
    names = {e.id: e.canonical for e in doc.entities}
    assert "منطقة تبوك" in {names[a.entity_id] for a in role.arguments if a.entity_id in names}


def test_an_emirate_named_with_its_noun_stays_a_place(nlp: Pipeline) -> None:
    doc = nlp("ووصل الوفد إلى إمارة الشارقة صباح الخميس.")
    assert not organizations(doc)


def test_a_local_office_closes_with_its_city_after_ba(nlp: Pipeline) -> None:
    doc = nlp("وأعلنت إدارة التعليم بالأحساء عن مواعيد حركة النقل الداخلي للمعلمين.")
    assert "إدارة التعليم بالأحساء" in organizations(doc)
    assert any(e.type is EntityType.CITY and e.text == "الأحساء" for e in doc.entities)


def test_managing_a_crisis_in_a_country_is_no_office(nlp: Pipeline) -> None:
    doc = nlp("وانتقد النائب إدارة الأزمة في سوريا خلال الأعوام الماضية.")
    assert not organizations(doc)


def test_a_body_ends_before_the_participle_of_whom_it_serves(nlp: Pipeline) -> None:
    doc = nlp("وانسحبت قوات الأمن الخاصة الموالية للحاكم السابق من مواقعها شرق المدينة.")
    assert "قوات الأمن الخاصة" in organizations(doc)
    assert not any("الموالية" in name for name in organizations(doc))


def test_a_name_ends_before_the_participle_of_its_charge(nlp: Pipeline) -> None:
    doc = nlp("وقالت الهيئة الوطنية لمكافحة الفساد المكلفة بالتحقيق إنها تلقت البلاغات.")
    assert "الهيئة الوطنية لمكافحة الفساد" in organizations(doc)
