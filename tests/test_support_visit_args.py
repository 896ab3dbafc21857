"""Arguments of the weaker relation types in news prose: the supporter in the genitive of a
support noun (a state, or a capital standing for it), support for a state's efforts, a pledge of
allegiance, the place a visit noun's ل names, and the unnamed subject after إن/أن that is not
the speaker (issue #14; GUIDELINES §4-§5).

Every sentence was written for this file in the style of Gulf and Arab newspapers.
"""

from __future__ import annotations

import pytest

from arextract import Document, Pipeline
from arextract.evaluation.relations import name_key


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


def pairs(doc: Document, kind: str, first: str, second: str) -> set[tuple[str, str]]:
    """(first role, second role) name keys of each relation of one type."""
    names = {entity.id: name_key(entity.canonical) for entity in doc.entities}
    out: set[tuple[str, str]] = set()
    for relation in doc.relations:
        if relation.type.value != kind:
            continue
        roles = {argument.role: names[argument.entity_id] for argument in relation.arguments}
        if first in roles and second in roles:
            out.add((roles[first], roles[second]))
    return out


def doers(doc: Document, kind: str, role: str) -> set[str]:
    names = {entity.id: name_key(entity.canonical) for entity in doc.entities}
    return {
        names[argument.entity_id]
        for relation in doc.relations
        if relation.type.value == kind
        for argument in relation.arguments
        if argument.role == role
    }


def test_state_name_ending_in_title_word_supports(nlp: Pipeline) -> None:
    # "المتحدة" closes the state's name: "لمصر" after it is no title's affiliation
    doc = nlp("وجدد الرئيس الأمريكي في كلمته أمس دعم الولايات المتحدة لمصر في هذه المرحلة.")
    assert (name_key("الولايات المتحدة"), name_key("مصر")) in pairs(doc, "SUPPORT", "supporter", "supported")


def test_genitive_with_lam_phrase_is_the_supporter(nlp: Pipeline) -> None:
    # "X أكد دعم الصين لـ...": China gives the support; the one who affirmed it does not support
    # China, even when what China supports is no name ("لجهود السلام")
    doc = nlp("وأكد الرئيس الفرنسي فرانسوا هولاند خلال المؤتمر دعم الصين لمصر.")
    assert (name_key("الصين"), name_key("مصر")) in pairs(doc, "SUPPORT", "supporter", "supported")
    doc = nlp("وأكد الرئيس الفرنسي فرانسوا هولاند خلال المؤتمر دعم الصين لجهود السلام.")
    assert (name_key("فرانسوا هولاند"), name_key("الصين")) not in pairs(
        doc, "SUPPORT", "supporter", "supported"
    )


def test_capital_in_support_genitive_is_its_state(nlp: Pipeline) -> None:
    doc = nlp("وانتقد المسؤول الخليجي بشدة دعم طهران لجماعة الحوثيين في اليمن.")
    supporters = doers(doc, "SUPPORT", "supporter")
    assert name_key("إيران") in supporters


def test_support_for_efforts_in_a_state(nlp: Pipeline) -> None:
    # support for efforts made in a state supports that state (GUIDELINES §5, dev7)
    doc = nlp("وأعلن وزير الخارجية الياباني دعم طوكيو لجهود إعادة الإعمار في العراق خلال السنوات المقبلة.")
    assert (name_key("اليابان"), name_key("العراق")) in pairs(doc, "SUPPORT", "supporter", "supported")
    assert (
        pairs(nlp("وأكد الوزير دعم الصين لجهود السلام في المنطقة."), "SUPPORT", "supporter", "supported")
        == set()
    )


def test_pledge_of_allegiance_is_support(nlp: Pipeline) -> None:
    doc = nlp("وكانت جبهة النصرة قد بايعت تنظيم القاعدة قبل عامين.")
    assert name_key("جبهة النصرة") in doers(doc, "SUPPORT", "supporter")


def test_visit_noun_takes_the_place_with_lam_before_a_later_fi(nlp: Pipeline) -> None:
    # "لعدن" is the place visited; "في الرياض" is where the companions stay
    doc = nlp("وتأتي زيارة رئيس الحكومة اليمنية خالد بحاح لعدن بصحبة الوزراء المقيمين في الرياض منذ أشهر.")
    visited = pairs(doc, "VISIT", "visitor", "destination")
    assert (name_key("خالد بحاح"), name_key("عدن")) in visited
    assert (name_key("خالد بحاح"), name_key("الرياض")) not in visited


@pytest.mark.parametrize(
    ("text", "kind", "role"),
    [
        (
            "وقالت المتحدثة باسم الغرفة سارة المالكي إن الشركات الوطنية ستشارك في مؤتمر الطاقة "
            "العربي العاشر.",
            "ATTENDANCE",
            "attendee",
        ),
        ("وقال الوزير محمد العلي إن الوفد سيزور الصين الشهر المقبل.", "VISIT", "visitor"),
    ],
)
def test_plain_subject_after_inna_is_not_the_speaker(nlp: Pipeline, text: str, kind: str, role: str) -> None:
    # the companies and the delegation do it, not the one quoted
    doc = nlp(text)
    assert doers(doc, kind, role) == set()
    assert doers(nlp(text.replace(" إن الشركات الوطنية", " إنها").replace(" إن الوفد", " إنه")), kind, role)
