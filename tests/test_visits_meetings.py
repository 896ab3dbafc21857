"""Visits and meetings in news prose: who the visitor is when the clause does not name him, tours
of inspection, journeys, and everyone named at a meeting (issue #14; GUIDELINES §5).

Every sentence was written for this file in the style of Gulf and Arab newspapers.
"""

from __future__ import annotations

import pytest

from arextract import Document, Pipeline
from arextract.evaluation.relations import name_key


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


def found(doc: Document, kind: str) -> list[dict[str, set[str]]]:
    """Each relation of one type as role -> the name keys filling it."""
    names = {entity.id: name_key(entity.canonical) for entity in doc.entities}
    out: list[dict[str, set[str]]] = []
    for relation in doc.relations:
        if relation.type.value == kind:
            roles: dict[str, set[str]] = {}
            for argument in relation.arguments:
                roles.setdefault(argument.role, set()).add(names[argument.entity_id])
            out.append(roles)
    return out


def visits(doc: Document) -> set[tuple[str, str]]:
    return {
        (next(iter(r["visitor"])), next(iter(r["destination"])))
        for r in found(doc, "VISIT")
        if "visitor" in r and "destination" in r
    }


def visitors(doc: Document) -> set[str]:
    return {name for r in found(doc, "VISIT") for name in r.get("visitor", set())}


def test_counterparts_of_two_both_meet(nlp: Pipeline) -> None:
    # "نظيريه الفرنسي X والألماني Y": the counterpart word heads the names, no plain genitive
    doc = nlp(
        "كما سيعقد وزير الخارجية الأمريكي جون كيري اجتماعا ثلاثيا مع نظيريه الفرنسي لوران "
        "فابيوس والألماني فرانك شتاينماير في باريس."
    )
    participants = [r["participant"] for r in found(doc, "MEETING")]
    assert {name_key("جون كيري"), name_key("لوران فابيوس"), name_key("فرانك شتاينماير")} in participants


def test_where_visited_facility_is_not_the_visitor(nlp: Pipeline) -> None:
    # after حيث the doer is the one the story follows; the hospital is what he visited and the
    # man after يرافقه goes along
    doc = nlp(
        "أنهى وزير الصحة توفيق الربيعة أمس جولته في المنطقة الجنوبية. وختم الربيعة جولته "
        "بتفقد المرافق الطبية في منطقة جازان، حيث زار مستشفى صبيا العام يرافقه مدير صحة "
        "المنطقة الدكتور سالم الحربي."
    )
    assert (name_key("توفيق الربيعة"), name_key("جازان")) in visits(doc) or (
        name_key("توفيق الربيعة"),
        name_key("منطقة جازان"),
    ) in visits(doc)
    assert visitors(doc) <= {name_key("توفيق الربيعة")}


def test_visit_after_time_conjunction_is_the_verbs_doer(nlp: Pipeline) -> None:
    # "X الذي وصل طهران أمس بعد زيارة لبيروت": X's visit, not the host's who met him
    doc = nlp(
        "واجتمع الرئيس الإيراني حسن روحاني مع وزير الخارجية الفرنسي لوران فابيوس الذي وصل "
        "طهران أمس بعد زيارة لبيروت استمرت يومين."
    )
    assert (name_key("لوران فابيوس"), name_key("بيروت")) in visits(doc)
    assert name_key("حسن روحاني") not in visitors(doc)


def test_journey_of_the_one_named_after_it(nlp: Pipeline) -> None:
    doc = nlp(
        "ولا يزال الجدل قائما في الخرطوم حول سفر الرئيس السوداني عمر البشير إلى جوهانسبرغ الشهر المقبل."
    )
    assert (name_key("عمر البشير"), name_key("جوهانسبرغ")) in visits(doc)


def test_consultations_with_a_named_minister_are_a_meeting(nlp: Pipeline) -> None:
    doc = nlp(
        "وتوجه وزير الخارجية المصري سامح شكري أمس إلى الكويت لإجراء مشاورات مع نائب رئيس "
        "الوزراء وزير الخارجية الكويتي الشيخ صباح خالد الحمد الصباح حول الأوضاع في المنطقة."
    )
    participants = [r["participant"] for r in found(doc, "MEETING")]
    assert {name_key("سامح شكري"), name_key("صباح خالد الحمد الصباح")} in participants


def test_their_meeting_at_a_ministry_has_no_ministry_party(nlp: Pipeline) -> None:
    doc = nlp(
        "أطلق وزير الصحة الدكتور توفيق الربيعة والأمين العام لهيئة الهلال الأحمر الدكتور محمد "
        "القاسم برنامجا للتوعية الصحية، وذلك خلال اجتماعهما بوزارة الصحة أمس."
    )
    meetings = found(doc, "MEETING")
    assert meetings
    assert all(name_key("وزارة الصحة") not in r["participant"] for r in meetings)


def test_a_leader_does_not_visit_his_own_country(nlp: Pipeline) -> None:
    # "في ختام زيارته لمصر" is the visit of the guest, not of the Egyptian president who met him
    doc = nlp(
        "واستقبل الرئيس المصري عبد الفتاح السيسي أمس وزير الخارجية السعودي عادل الجبير في ختام زيارته لمصر."
    )
    assert found(doc, "MEETING")
    assert name_key("عبد الفتاح السيسي") not in visitors(doc)
    assert (name_key("عادل الجبير"), name_key("مصر")) in visits(doc)


def test_feminine_verb_after_where_is_not_the_male_actors_visit(nlp: Pipeline) -> None:
    # "حيث زارت X": neither the ministry visited (its object) nor the man the story followed
    doc = nlp(
        "قال رئيس الوزراء اليوناني ألكسيس تسيبراس إن حكومته ماضية في الإصلاحات. وبدأت "
        "المؤسسات الدائنة مباحثاتها الفنية أمس، حيث زارت وزارة المالية في أثينا."
    )
    assert visitors(doc) == set()


def test_name_before_a_joined_verb_ends_the_clause(nlp: Pipeline) -> None:
    # "... مع رئيس الإقليم X ووصل وزير الدفاع إلى": X is the one met before, not who arrived
    doc = nlp(
        "وصل وزير الدفاع الأمريكي آشتون كارتر أمس إلى بغداد، فيما عقد اجتماعا مع رئيس "
        "الوزراء حيدر العبادي ووصل وزير الدفاع الأمريكي مع الوفد المرافق له إلى أربيل."
    )
    assert name_key("حيدر العبادي") not in visitors(doc)


def test_inspecting_after_where_is_the_actors_visit(nlp: Pipeline) -> None:
    # "تفقد" begins with ت but is his perfect, not a feminine verb; after حيث, what follows is
    # what he inspected
    doc = nlp(
        "وبدأ وزير الصحة توفيق الربيعة جولته في المنطقة الجنوبية، حيث تفقد الخدمات الطبية "
        "المقدمة في مستشفى الملك فهد."
    )
    assert (name_key("توفيق الربيعة"), name_key("مستشفى الملك فهد")) in visits(doc)
