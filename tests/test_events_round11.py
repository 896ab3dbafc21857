"""Event relations told in passing (round 11): a meeting noun with the dual "their", the doer of
a masdar in a phrase fronted before the main clause, attendance told by a relative verb or by a
delegation taking part, and an agreement told by a relative verb after the document signed.

Every sentence was written for this file in the style of Gulf and Arab newspapers.
"""

from __future__ import annotations

import pytest

from arextract import Pipeline
from arextract.evaluation.relations import name_key
from relation_arguments import found, keys


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


def test_their_talks_are_the_meeting_of_the_pair_told_before(nlp: Pipeline) -> None:
    # "محادثاتهما": the two who met in the sentence before, not the one who speaks after it
    doc = nlp(
        "وكان الرئيس الغاني جون ماهاما قد التقى بالرئيس الفرنسي فرانسوا هولاند في باريس. "
        "وعلى إثر محادثاتهما قال هولاند إن بلاده ستدعم خطط التنمية."
    )
    meetings = [r["participant"] for r in found(doc, "MEETING")]
    assert meetings.count(keys("جون ماهاما", "فرانسوا هولاند")) == 2


def test_their_meeting_is_of_the_two_named_as_its_doers(nlp: Pipeline) -> None:
    # "خلال اجتماعهما بوزارة التعليم": the two who launched the programme met; the ministry is where
    doc = nlp(
        "أطلق وزير التعليم عزام الدخيل والأمين العام للدارة فهد السماري برنامجا جديدا للطلاب، "
        "وذلك خلال اجتماعهما بوزارة التعليم أمس."
    )
    assert [r["participant"] for r in found(doc, "MEETING")] == [keys("عزام الدخيل", "فهد السماري")]


def test_their_talks_with_no_pair_told_give_no_meeting(nlp: Pipeline) -> None:
    doc = nlp("وأكد وزير الخارجية عادل الجبير أن محادثاتهما كانت مثمرة.")
    assert found(doc, "MEETING") == []


def test_a_visit_fronted_before_the_clause_is_its_subjects(nlp: Pipeline) -> None:
    # "بعد زيارة ناجحة إلى باريس، يصل الرئيس X": X made the visit told first
    doc = nlp("بعد زيارة ناجحة إلى باريس الأسبوع الماضي، يصل الرئيس الغاني جون ماهاما اليوم إلى السنغال.")
    visits = {(next(iter(r["visitor"])), next(iter(r["destination"]))) for r in found(doc, "VISIT")}
    assert (name_key("جون ماهاما"), name_key("باريس")) in visits
    assert (name_key("جون ماهاما"), name_key("السنغال")) in visits


def test_his_visit_fronted_points_ahead_to_the_subject(nlp: Pipeline) -> None:
    doc = nlp(
        "في إطار زيارته الرسمية لمملكة السويد، اجتمع وزير الخارجية الأردني ناصر جودة أمس مع "
        "وزير الخارجية السويدي كارل بيلت."
    )
    assert [r["visitor"] for r in found(doc, "VISIT")] == [keys("ناصر جودة")]


def test_a_fronted_arrival_is_not_the_receivers(nlp: Pipeline) -> None:
    # "لدى وصوله ...، كان في استقباله X": X received him, he did not arrive
    doc = nlp("وبعد وصوله إلى مطار القاهرة، كان في استقباله وزير الخارجية سامح شكري.")
    assert not any(name_key("سامح شكري") in r.get("visitor", set()) for r in found(doc, "VISIT"))


def test_the_one_who_attended_the_event_named_before_the_relative(nlp: Pipeline) -> None:
    doc = nlp(
        "جاء ذلك في حفل المعايدة الذي أقامه المجلس الأعلى للقضاء بمقره في جدة، وحضره الشيخ "
        "سعد بن ناصر الشثري نيابة عن رئيس المجلس."
    )
    attendance = found(doc, "ATTENDANCE")
    assert {"attendee": keys("سعد بن ناصر الشثري"), "event": keys("حفل المعايدة")} in attendance


def test_officials_of_a_body_attending_name_no_attendee(nlp: Pipeline) -> None:
    doc = nlp("وأقام الوزير حفل الاستقبال بهذه المناسبة حضره عدد من المسؤولين في وزارة الخارجية الإسبانية.")
    assert found(doc, "ATTENDANCE") == []


def test_a_delegation_taking_part_is_its_countrys_attendance(nlp: Pipeline) -> None:
    doc = nlp("وصل الأمير سلطان بن سلمان إلى تونس ليرأس وفد المملكة المشارك في مؤتمر الاستثمار العربي.")
    attendance = found(doc, "ATTENDANCE")
    assert {"attendee": keys("السعودية"), "event": keys("مؤتمر الاستثمار العربي")} in attendance


def test_a_group_taking_part_names_no_attendee(nlp: Pipeline) -> None:
    doc = nlp("وتتنافس الفرق المشاركة في مؤتمر الاستثمار العربي على الجوائز.")
    assert found(doc, "ATTENDANCE") == []


def test_the_deal_a_state_concluded_with_another(nlp: Pipeline) -> None:
    doc = nlp("وأكد أن صفقة الأسلحة التي أبرمتها الكويت مع فرنسا في مارس الماضي تشمل طائرات.")
    assert [r["party"] for r in found(doc, "AGREEMENT")] == [keys("الكويت", "فرنسا")]


def test_a_head_of_state_named_by_title_only_visits_as_his_state(nlp: Pipeline) -> None:
    doc = nlp("وشدد المبعوث على حرص بلاده على إتمام زيارة الرئيس الصيني إلى مصر والإعداد الجيد لها.")
    assert [(r["visitor"], r["destination"]) for r in found(doc, "VISIT")] == [(keys("الصين"), keys("مصر"))]


def test_a_minister_named_by_title_only_is_no_visitor(nlp: Pipeline) -> None:
    doc = nlp("وتأتي زيارة وزير الدفاع الأمريكي إلى بغداد في وقت حساس.")
    assert found(doc, "VISIT") == []


def test_support_given_as_an_indefinite_object_goes_to_the_one_after_the_lam(nlp: Pipeline) -> None:
    doc = nlp("وقدمت الكويت دعما عسكريا للأردن.")
    assert [(r["supporter"], r["supported"]) for r in found(doc, "SUPPORT")] == [
        (keys("الكويت"), keys("الأردن"))
    ]


def test_marching_in_support_of_a_body_is_no_support_given(nlp: Pipeline) -> None:
    doc = nlp("ودعت زعيمة المعارضة نور عزة أنصارها إلى التظاهر دعما لهيئة التحقيق.")
    assert found(doc, "SUPPORT") == []


def test_an_arrival_reaches_its_place_past_the_visitors_protocol_title(nlp: Pipeline) -> None:
    # the title after the name, closed by a comma, lies between the visitor and إلى
    doc = nlp(
        "وصل صاحب السمو الملكي الأمير الدكتور منصور بن متعب بن عبدالعزيز وزير الدولة عضو مجلس "
        "الوزراء مستشار خادم الحرمين الشريفين، اليوم إلى جمهورية المالديف، ليرأس وفد المملكة."
    )
    assert [r["destination"] for r in found(doc, "VISIT")] == [keys("جزر مالديف")]


def test_talks_with_the_officials_of_a_state_are_with_that_state(nlp: Pipeline) -> None:
    # the state the officials act for, not a state named later in the topic of the talks
    doc = nlp(
        "وصلت وزيرة الخارجية السويدية مارغوت فالستروم إلى القاهرة أمس، وستجري مباحثات مع "
        "المسؤولين في مصر حول نتائج الاتفاق النووي مع إيران."
    )
    assert [r["participant"] for r in found(doc, "MEETING")] == [keys("مارغوت فالستروم", "مصر")]
