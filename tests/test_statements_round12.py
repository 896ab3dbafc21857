"""Statements of round 12: speech verbs the annotators of dev6-dev9 counted that the rules did
not know.

Every sentence here was written for this file; no article text is copied.
"""

from __future__ import annotations

import pytest

from arextract import Document, Pipeline
from arextract.evaluation.relations import name_key


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


def speech(doc: Document) -> list[tuple[str, list[str]]]:
    """(trigger, speaker keys) of each STATEMENT, in order."""
    names = {entity.id: name_key(entity.canonical) for entity in doc.entities}
    return [
        (relation.trigger.text, [names[a.entity_id] for a in relation.arguments])
        for relation in doc.relations
        if relation.type.value == "STATEMENT"
    ]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("وحذر وزير الخارجية الأمريكي جون كيري من تداعيات انهيار المفاوضات.", "حذر"),
        ("وألمح الرئيس الفرنسي فرانسوا هولاند إلى أن باريس قد تراجع موقفها.", "ألمح"),
        ("وطمأن وزير الدفاع العراقي خالد العبيدي نظيره بأن الإصلاح مستمر.", "طمأن"),
        ("وأبدى المدرب خورخي داسيلفا سعادته بأداء اللاعبين في المعسكر.", "أبدى"),
        ("وتوقع وزير المالية إبراهيم العساف نمو الإيرادات غير النفطية.", "توقع"),
        ("ويرى المحلل السياسي خالد الدخيل أن الأزمة ستطول.", "يرى"),
        ("وفند وزير الإعلام محمد العلي مزاعم الحزب حول الانتخابات.", "فند"),
    ],
)
def test_verbs_of_warning_hinting_voicing_forecasting_and_refuting_are_statements(
    nlp: Pipeline, text: str, trigger: str
) -> None:
    found = speech(nlp(text))
    assert len(found) == 1 and found[0][0] == trigger
    assert len(found[0][1]) == 1


def test_participles_of_forecasting_and_going_on_before_content(nlp: Pipeline) -> None:
    doc = nlp(
        "وقال وزير المالية إبراهيم العساف إن الميزانية متوازنة، متوقعا أن يرتفع الإنفاق، "
        "متابعا: «نحن مستعدون لكل الظروف»."
    )
    assert [trigger for trigger, _ in speech(doc)] == ["قال", "متوقعا", "متابعا"]
    assert {key for _, keys in speech(doc) for key in keys} == {name_key("إبراهيم العساف")}


@pytest.mark.parametrize(
    "text",
    [
        "ويتوقع أن يصل وزير الخارجية سامح شكري إلى الرياض غدا.",  # impersonal: it is expected
        "وكان متوقعا أن يصل وزير الخارجية سامح شكري إلى الرياض أمس.",  # expected, no one forecasting
        "ويرى السائح السعودي في الأردن امتدادا لبلاده.",  # sees X as Y, no content
        "وزار وزير الصحة توفيق الربيعة المستشفى، متابعا سير العمل في أقسامه.",  # following up
    ],
)
def test_the_same_words_without_speech_are_no_statements(nlp: Pipeline, text: str) -> None:
    assert speech(nlp(text)) == []
