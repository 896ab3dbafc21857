"""Meetings and calls told around another verb in news prose: the two doers of a dual verb
before "خلال المحادثات" / "أثناء اتصال هاتفي", talks "he will conduct" (سيجري), and those who
attended a reception (issue #14; GUIDELINES §5); a meeting noun's pronoun and the ب written on
the name after it ("لقائها"، "اجتماعه بوزير")، a meeting in a sports story, a call "تحدث هاتفيا".

Every sentence was written for this file in the style of Gulf and Arab newspapers.
"""

from __future__ import annotations

import pytest

from arextract import Document, Pipeline
from arextract.evaluation.relations import name_key


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


def parties(doc: Document, kind: str) -> list[set[str]]:
    """The participants of each relation of one type, as name keys."""
    names = {entity.id: name_key(entity.canonical) for entity in doc.entities}
    return [
        {names[a.entity_id] for a in relation.arguments if a.role == "participant"}
        for relation in doc.relations
        if relation.type.value == kind
    ]


def keys(*names: str) -> set[str]:
    return {name_key(name) for name in names}


def test_dual_verb_during_a_call_names_both_callers(nlp: Pipeline) -> None:
    # the dual verb's subject is the coordinated pair: both held the call (not his country)
    doc = nlp(
        "وأفاد قصر الإليزيه في بيان بأن الرئيس الفرنسي فرانسوا هولاند ونظيره الروسي فلاديمير "
        "بوتين بحثا أثناء اتصال هاتفي مساء الاثنين سبل تسوية الأزمة الأوكرانية."
    )
    assert keys("فرانسوا هولاند", "فلاديمير بوتين") in parties(doc, "PHONE_CALL")
    assert all("فرنسا" not in found and "روسيا" not in found for found in parties(doc, "PHONE_CALL"))


def test_speaker_and_the_one_joined_to_his_pronoun_met(nlp: Pipeline) -> None:
    # "أوضح X أنه والرئيس Y أكدا خلال المحادثات": X and Y held the talks
    doc = nlp(
        "وأوضح وزير الدفاع البريطاني مايكل فالون أنه والرئيس التونسي الباجي قائد السبسي "
        "شددا خلال المحادثات على أهمية التنسيق في مكافحة الإرهاب."
    )
    assert keys("مايكل فالون", "الباجي قائد السبسي") in parties(doc, "MEETING")


def test_dual_verb_during_the_meeting_told_before_adds_none(nlp: Pipeline) -> None:
    # the definite "اللقاء" is the meeting already reported: one MEETING, not two
    doc = nlp(
        "التقى رئيس الوزراء الأردني عبدالله النسور في عمان أمس وزير الخارجية الإسباني خوسيه "
        "مانويل غارسيا مارغايو. والنسور ومارغايو استعرضا خلال اللقاء العلاقات الثنائية."
    )
    meetings = parties(doc, "MEETING")
    assert len(meetings) == 1
    assert keys("عبد الله النسور", "خوسيه مانويل غارسيا مارغايو") <= meetings[0]


def test_no_dual_verb_no_meeting_from_the_definite_noun(nlp: Pipeline) -> None:
    # one doer and a definite "المحادثات" with no counterpart: nothing new is told
    doc = nlp("وأكد وزير الخارجية الكويتي صباح خالد الحمد الصباح خلال المحادثات دعم بلاده للحل السياسي.")
    assert parties(doc, "MEETING") == []


def test_he_will_conduct_talks_after_a_comma(nlp: Pipeline) -> None:
    # "سيجري محادثات": يُجري with a feminine masdar is "he conducts", its doer the actor
    doc = nlp(
        "ويصل رئيس الوزراء الإيطالي ماتيو رينزي غدا إلى القاهرة في زيارة تستغرق يومين، "
        "وسيجري مباحثات مع الرئيس المصري عبدالفتاح السيسي حول ملف الطاقة."
    )
    assert keys("ماتيو رينزي", "عبد الفتاح السيسي") in parties(doc, "MEETING")


def test_a_signing_that_takes_place_has_no_doer(nlp: Pipeline) -> None:
    # "سيجري توقيع" (masculine masdar): the signing takes place, the visitor does not meet
    doc = nlp(
        "ويصل رئيس الوزراء الإيطالي ماتيو رينزي غدا إلى القاهرة، وسيجري توقيع عدد من "
        "الاتفاقيات مع وزير الاستثمار المصري أشرف سالمان."
    )
    assert keys("ماتيو رينزي", "أشرف سالمان") not in parties(doc, "MEETING")


def test_those_at_a_reception_are_no_parties(nlp: Pipeline) -> None:
    # "وحضر الاستقبال X": the host's entourage, not a party to the meeting (dev4's decision)
    doc = nlp(
        "استقبل وزير الداخلية البحريني الفريق الركن الشيخ راشد بن عبدالله آل خليفة في مكتبه "
        "أمس سفير ألمانيا لدى المملكة كاي بوكمان. وحضر الاستقبال وكيل الوزارة الشيخ نواف بن "
        "محمد آل خليفة."
    )
    meetings = parties(doc, "MEETING")
    assert keys("راشد بن عبد الله آل خليفة", "كاي بوكمان") in meetings
    assert all(name_key("نواف بن محمد آل خليفة") not in found for found in meetings)


def test_the_one_named_after_held_it_holds_the_meeting(nlp: Pipeline) -> None:
    # "جاء ذلك خلال لقاء عقده X مع Y": X (named after عقده) held it, not the unnamed actor
    doc = nlp(
        "جاء ذلك خلال لقاء عقده وزير الخارجية الجزائري رمطان لعمامرة مع المبعوث الأممي إلى "
        "ليبيا برناردينو ليون في العاصمة الجزائرية."
    )
    assert keys("رمطان لعمامرة", "برناردينو ليون") in parties(doc, "MEETING")


def test_a_press_conference_held_by_the_one_named_after_it(nlp: Pipeline) -> None:
    # the definite noun with its relative: "المؤتمر الصحفي الذي عقده X مع Y"
    doc = nlp(
        "وفي المؤتمر الصحفي الذي عقده وزير الخارجية الجزائري رمطان لعمامرة مع نظيره "
        "الإسباني خوسيه مانويل غارسيا مارغايو، جرى التطرق إلى أزمة الساحل."
    )
    assert keys("رمطان لعمامرة", "خوسيه مانويل غارسيا مارغايو") in parties(doc, "MEETING")


def test_guest_named_after_a_bare_reception_then_the_hosts(nlp: Pipeline) -> None:
    # "وكان في استقبال الرئيس X لدى وصوله المطار، A وB": X is received, A and B receive him
    doc = nlp(
        "وكان في استقبال رئيس الوزراء الماليزي نجيب عبد الرزاق لدى وصوله مطار الملك خالد "
        "الدولي، عبدالرحمن بن سعد المطيري وكيل إمارة المنطقة، وتوفيق الربيعة وزير التجارة."
    )
    assert keys("نجيب عبد الرزاق", "عبدالرحمن بن سعد المطيري", "توفيق الربيعة") in parties(doc, "MEETING")


def test_his_reception_keeps_the_one_named_after_as_host(nlp: Pipeline) -> None:
    # "وكان في استقباله X": "him" is the visitor told before, X the host
    doc = nlp(
        "تفقد محافظ الخرج ماجد بن علي الشهري مستشفى الملك خالد بالمحافظة أمس. وكان في "
        "استقباله مدير المستشفى الدكتور فهد بن سعد العتيبي."
    )
    assert keys("ماجد بن علي الشهري", "فهد بن سعد العتيبي") in parties(doc, "MEETING")


def test_two_who_attended_a_gathering_did_not_meet(nlp: Pipeline) -> None:
    # "شاركا في اجتماع وزراء الخارجية العرب"، "أكدا خلال القمة الخليجية": a gathering both
    # attended, not talks of their own
    doc = nlp(
        "وكان وزير الخارجية القطري خالد العطية ونظيره العماني يوسف بن علوي قد شاركا في "
        "اجتماع وزراء الخارجية العرب. والعطية وابن علوي أكدا خلال القمة الخليجية دعم الحل."
    )
    assert parties(doc, "MEETING") == []


def test_a_call_after_in(nlp: Pipeline) -> None:
    # "بحثا في اتصال هاتفي": one cannot attend a call, so في names it too
    doc = nlp(
        "وكان رئيس الوزراء البريطاني ديفيد كاميرون والمستشارة الألمانية أنجيلا ميركل قد بحثا "
        "في اتصال هاتفي أزمة المهاجرين."
    )
    assert keys("ديفيد كاميرون", "أنغيلا ميركل") in parties(doc, "PHONE_CALL")


def test_hamza_of_a_meeting_noun_sits_on_ya_before_her_pronoun(nlp: Pipeline) -> None:
    # "لقائها" is "لقاء" + "ها" with the hamza on its ya seat: her meeting with the one after it
    doc = nlp(
        "وأوضحت وزيرة الخارجية الأسترالية جولي بيشوب عقب لقائها رئيس الوزراء الماليزي نجيب "
        "عبد الرزاق أن البلدين سيعززان التعاون البحري."
    )
    assert keys("جولي بيشوب", "نجيب عبد الرزاق") in parties(doc, "MEETING")


def test_his_meeting_with_a_person_whose_title_carries_ba(nlp: Pipeline) -> None:
    # "اجتماعه بوزير الداخلية X": the ب of "اجتماعه ب" is written on the title before the name
    doc = nlp(
        "وبحث وزير الداخلية المغربي محمد حصاد ملف الهجرة خلال اجتماعه بوزير الداخلية الإسباني "
        "خورخي فرنانديث دياث في الرباط أمس."
    )
    assert keys("محمد حصاد", "خورخي فرنانديث دياث") in parties(doc, "MEETING")


def test_his_meeting_at_a_seat_meets_no_one(nlp: Pipeline) -> None:
    # "اجتماعه بمقر الوزارة" says where the meeting was, not with whom
    doc = nlp(
        "وأكد وزير الصحة السعودي خالد الفالح خلال اجتماعه بمقر الوزارة في الرياض أمس أن الحملة ستبدأ قريبا."
    )
    assert parties(doc, "MEETING") == []


def test_a_meeting_in_a_sports_story_but_not_a_match(nlp: Pipeline) -> None:
    # "اجتمع" never names a game, even beside "المباراة"; "يلتقي الهلال مع الأهلي" is one
    doc = nlp(
        "واجتمع رئيس النادي الأمير فيصل بن تركي مع مدرب الفريق الأول خورخي داسيلفا عقب "
        "المباراة الودية لمناقشة احتياجات الفريق."
    )
    assert keys("فيصل بن تركي", "خورخي داسيلفا") in parties(doc, "MEETING")
    match = nlp("ويلتقي الهلال مع الأهلي في المباراة النهائية للبطولة مساء الجمعة.")
    assert parties(match, "MEETING") == []


def test_spoke_by_phone_is_a_call(nlp: Pipeline) -> None:
    # "تحدث X هاتفيا مع Y": a call, as "بحث X هاتفيا مع Y"
    doc = nlp(
        "وتحدث رئيس الوزراء البريطاني ديفيد كاميرون هاتفيا مع الرئيس الأمريكي باراك أوباما "
        "مساء الأحد بشأن الأزمة الليبية."
    )
    assert keys("ديفيد كاميرون", "باراك أوباما") in parties(doc, "PHONE_CALL")
    assert parties(doc, "MEETING") == []


def test_his_meeting_with_a_word_before_ma(nlp: Pipeline) -> None:
    # "اجتماعه الثنائي مع X": an adjective or a time between the masdar and مع
    doc = nlp(
        "وشدد رئيس الوزراء الإيطالي ماتيو رينزي خلال اجتماعه الثنائي مع المستشارة الألمانية "
        "أنجيلا ميركل على ضرورة تقاسم أعباء الهجرة."
    )
    assert keys("ماتيو رينزي", "أنغيلا ميركل") in parties(doc, "MEETING")


def test_he_met_a_minister_whose_field_is_no_title_word(nlp: Pipeline) -> None:
    # "أنه التقى بوزير الإسكان X": the ب on the title governs the name; the one meeting is the
    # speaker ("الإسكان" is not among the title words)
    doc = nlp(
        "وذكر وزير الزراعة الدكتور منصور العتيبي في حديث للصحفيين أمس أنه التقى بوزير الإسكان "
        "سلطان البقمي لمناقشة مشاريع المساكن الريفية."
    )
    assert keys("منصور العتيبي", "سلطان البقمي") in parties(doc, "MEETING")


def test_a_host_with_a_long_chained_title_before_his_name(nlp: Pipeline) -> None:
    # the subject's title (two offices and two bodies) runs past the usual window to his name
    doc = nlp(
        "استقبل مفتي عام السلطنة رئيس مجلس الإفتاء وهيئة الأوقاف والشؤون الدينية الشيخ سالم بن "
        "خلفان الراشدي، أمس، سفير جمهورية إندونيسيا لدى السلطنة عارف حسن أمين."
    )
    assert keys("سالم بن خلفان الراشدي", "عارف حسن أمين") in parties(doc, "MEETING")


def test_the_body_whose_office_he_received_in_is_no_participant(nlp: Pipeline) -> None:
    # "في مكتبه بالديوان الأميري": where the host received, not whom
    doc = nlp(
        "استقبل الشيخ ناصر بن سالم الحمود رئيس مجلس الوزراء، في مكتبه بالديوان الأميري قبل "
        "ظهر اليوم، أعضاء لجنة الشباب المنتخبة."
    )
    assert all(name_key("الديوان الأميري") not in found for found in parties(doc, "MEETING"))


def test_talks_with_those_acting_for_a_named_body(nlp: Pipeline) -> None:
    # "مع ممثلين عن حركة X"، "مع ممثلي صندوق X والبنك Y": the bodies they act for take part
    # (GUIDELINES §5: an unnamed delegation counts as its country or body)
    doc = nlp(
        "والتقى وزير الخارجية الإيراني محمد جواد ظريف في بيروت مساء الثلاثاء مع ممثلين عن حركة "
        "حماس لبحث التطورات في غزة."
    )
    assert keys("محمد جواد ظريف", "حركة حماس") in parties(doc, "MEETING")
    doc = nlp(
        "وعقد وزير المالية القبرصي هاريس جورجيادس أمس اجتماعا مع ممثلي صندوق النقد الدولي "
        "والبنك المركزي الأوروبي في نيقوسيا."
    )
    assert keys("هاريس جورجيادس", "صندوق النقد الدولي", "البنك المركزي الأوروبي") in parties(doc, "MEETING")


def test_officials_named_only_by_their_nationality_stay_unnamed(nlp: Pipeline) -> None:
    # "مع مسؤولين عراقيين": no body is named, so no MEETING with a state is read
    doc = nlp("واجتمع المبعوث الأمريكي جون ألين في أربيل أمس مع مسؤولين عراقيين لبحث خطط التحالف.")
    assert parties(doc, "MEETING") == []


def test_the_meeting_that_brought_him_together_with_a_named_person(nlp: Pipeline) -> None:
    # "خلال اللقاء الذي جمعه بالوزير X": "him" is the one the sentence is about
    doc = nlp(
        "وشدد الأمين العام لمجلس التعاون عبداللطيف الزياني خلال اللقاء الذي جمعه أمس بالوزير "
        "البحريني خالد بن أحمد آل خليفة على أهمية تنسيق المواقف الخليجية."
    )
    assert keys("عبد اللطيف بن راشد الزياني", "خالد بن أحمد آل خليفة") in parties(doc, "MEETING")
