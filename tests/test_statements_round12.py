"""Statements of round 12: speech verbs the annotators of dev6-dev9 counted that the rules did
not know, authorities speaking for their state, and two bodies or states speaking together.

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


def test_the_authorities_of_a_state_speak_for_it(nlp: Pipeline) -> None:
    doc = nlp(
        "وأعلنت السلطات الماليزية أمس أنها أرسلت فريقا من المحققين إلى الجزيرة، مشيرة إلى أن البحث مستمر."
    )
    assert speech(doc) == [("أعلنت", [name_key("ماليزيا")]), ("مشيرة", [name_key("ماليزيا")])]


def test_authorities_as_an_object_do_not_speak(nlp: Pipeline) -> None:
    doc = nlp("وطالب وزير الخارجية الألماني فرانك شتاينماير السلطات الإيرانية بالإفراج عن الصحفي.")
    assert [keys for _, keys in speech(doc)] in ([], [[name_key("فرانك شتاينماير")]])


def test_a_body_and_a_state_named_together_after_the_verb_both_speak(nlp: Pipeline) -> None:
    doc = nlp("وفي بيان مشترك بعد اللقاء أكدت أوبك وروسيا أنهما تتوقعان سوقا أكثر توازنا في العام المقبل.")
    assert speech(doc) == [("أكدت", [name_key("منظمة البلدان المصدرة للبترول"), name_key("روسيا")])]


def test_two_states_named_together_after_the_verb_both_speak(nlp: Pipeline) -> None:
    doc = nlp("وأكدت الكويت وقطر أن الحوار هو السبيل الوحيد لحل الأزمة.")
    assert speech(doc) == [("أكدت", [name_key("الكويت"), name_key("قطر")])]


def test_an_unnamed_spokesman_is_not_the_spokesman_of_another_body(nlp: Pipeline) -> None:
    # the indefinite spokesman of the police is someone new, not the company's spokesman named
    # later; his next words are his too, so no one named speaks them
    doc = nlp(
        "وقال متحدث باسم الشرطة في جنيف إن الرجل اعتقل بعد الحادث. وأضاف أنه سيمثل أمام القاضي. "
        "وقال كريم فؤاد المتحدث باسم شركة النور إن الشركة لم تكن على علم بالأمر."
    )
    assert speech(doc) == [("قال", [name_key("كريم فؤاد")])]


def test_a_spokesman_named_by_the_pronoun_of_apposition_speaks(nlp: Pipeline) -> None:
    doc = nlp("ومن جهته، قال متحدث آخر باسم الرئاسة هو إبراهيم موسى، إن الزيارة تهدف إلى بناء تحالف إقليمي.")
    assert speech(doc) == [("قال", [name_key("إبراهيم موسى")])]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the author of the speech or text the verb points back to with فيها/خلالها
        (
            "وألقى وزير الخارجية عادل الجبير كلمة أمام مجلس الأمن أكد فيها أن المملكة ترفض التدخل.",
            "عادل الجبير",
        ),
        (
            "وبعث الرئيس عبدالعزيز بوتفليقة برسالة إلى الرئيس عبدالفتاح السيسي أكد فيها ضرورة التنسيق.",
            "عبد العزيز بوتفليقة",
        ),
        (
            "وتلقى الرئيس عبدالفتاح السيسي برقية تهنئة من نظيره الجزائري عبدالعزيز بوتفليقة، "
            "أكد خلالها عمق العلاقات.",
            "عبد العزيز بوتفليقة",
        ),
        (
            "وذلك بعد تصريحات رئيس النادي خالد البلطان التي تلت استقالته، "
            "والتي أكد فيها تأمين مستقبل النادي.",
            "خالد البلطان",
        ),
    ],
)
def test_a_verb_said_in_a_speech_or_text_is_its_authors(nlp: Pipeline, text: str, speaker: str) -> None:
    assert speech(nlp(text)) == [("أكد", [name_key(speaker)])]


def test_a_foreign_ministry_named_by_its_nisba_speaks_through_its_statement(nlp: Pipeline) -> None:
    doc = nlp("وأوضح بيان صادر عن الخارجية الهندية أن الوزيرين بحثا التعاون. وأضاف البيان أن الزيارة ناجحة.")
    assert speech(doc) == [
        ("أوضح", [name_key("وزارة الخارجية الهندية")]),
        ("أضاف", [name_key("وزارة الخارجية الهندية")]),
    ]


def test_a_name_inside_a_relative_clause_is_not_the_participles_speaker(nlp: Pipeline) -> None:
    # the coach praised the show the midfielder put on; "مؤكدا" is the coach's, not the player's
    doc = nlp(
        "وأبدى المدرب خورخي داسيلفا سعادته بالفوز، وأشاد داسيلفا بالأداء الكبير الذي ظهر عليه "
        "لاعب الوسط يحيى الشهري مؤكدا أنه يطمح إلى المزيد."
    )
    assert speech(doc) == [("أبدى", [name_key("خورخي داسيلفا")]), ("مؤكدا", [name_key("خورخي داسيلفا")])]


def test_mufid_is_the_participle_of_afada_only_before_what_is_said(nlp: Pipeline) -> None:
    said = nlp("وقال وزير الإسكان ماجد الحقيل إن الخطة جاهزة، مفيدا بأن القطاع يحظى باهتمام كبير.")
    assert [trigger for trigger, _ in speech(said)] == ["قال", "مفيدا"]
    useful = nlp("وأطلق مطورو التطبيق خاصية بسيطة لكنها مفيدة للمستخدمين في المدن المزدحمة.")
    assert speech(useful) == []


def test_a_report_issued_by_a_body_is_the_bodys_statement(nlp: Pipeline) -> None:
    doc = nlp("وأكد تقرير صادر عن وزارة السياحة التركية أن السياح الخليجيين زادوا هذا العام.")
    assert speech(doc) == [("أكد", [name_key("وزارة السياحة التركية")])]


def test_a_counterpart_right_after_a_speech_verb_is_its_speaker(nlp: Pipeline) -> None:
    doc = nlp(
        "والتقى وزير الخارجية عادل الجبير في موسكو نظيره الروسي سيرغي لافروف. وقال الجبير إن المحادثات "
        "مثمرة، فيما قال نظيره الروسي سيرغي لافروف إن موسكو تدعم الحل السياسي."
    )
    assert speech(doc) == [("قال", [name_key("عادل الجبير")]), ("قال", [name_key("سيرغي لافروف")])]


def test_what_a_body_calls_for_in_a_relative_clause_is_no_statement(nlp: Pipeline) -> None:
    # GUIDELINES §4: habitual advocacy ("التي تدعو إليها") is not something said
    doc = nlp("وشدد البيان على دعم التعددية التي تدعو إليها الأمم المتحدة في كل المحافل.")
    assert [speakers for trigger, speakers in speech(doc) if trigger == "تدعو"] == []
