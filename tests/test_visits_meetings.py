"""Visits and meetings in news prose: who the visitor is when the clause does not name him, tours
of inspection, journeys, and everyone named at a meeting (issue #14; GUIDELINES §5).

Every sentence was written for this file in the style of Gulf and Arab newspapers.
"""

from __future__ import annotations

import pytest

from arextract import Document, Pipeline
from arextract.evaluation.relations import name_key
from relation_arguments import found


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


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


def attendances(doc: Document) -> set[tuple[str, str]]:
    return {
        (next(iter(r["attendee"])), next(iter(r["event"])))
        for r in found(doc, "ATTENDANCE")
        if "attendee" in r and "event" in r
    }


def test_a_visit_noun_between_a_travel_verb_and_its_destination_keeps_its_own(nlp: Pipeline) -> None:
    # "توجه بعد انتهاء زيارته إلى قطر إلى عمان": the first إلى is the visit's, the next the verb's
    doc = nlp(
        "وقال المتحدث إن الوزير أحمد سالم توجه بعد انتهاء زيارته إلى قطر إلى سلطنة عمان لإجراء محادثات."
    )
    assert (name_key("أحمد سالم"), name_key("عمان")) in visits(doc)
    assert (name_key("أحمد سالم"), name_key("قطر")) in visits(doc)


def test_arrival_does_not_take_the_destination_of_a_later_journey(nlp: Pipeline) -> None:
    # "وصول X ... عندما يتوجه إلى تونس": Tunis is where he goes next, not where he arrived
    doc = nlp(
        "وأغلقت السلطات الطرق عند وصول الرئيس أحمد سالم الخميس ومغادرته مساء السبت عندما يتوجه إلى تونس."
    )
    triggers = [r.trigger.text for r in doc.relations if r.type.value == "VISIT"]
    assert triggers and not any(t.startswith("وصول") for t in triggers)


def test_a_visit_noun_takes_no_place_far_after_its_preposition(nlp: Pipeline) -> None:
    # "في وقت ..." is when the visit comes, and Mosul is the offensive's aim
    doc = nlp(
        "وتأتي زيارة الوزير أحمد سالم في وقت تسعى فيه القوات العراقية للتحضير لهجوم لاستعادة مدينة الموصل."
    )
    assert (name_key("أحمد سالم"), name_key("الموصل")) not in visits(doc)


def test_person_after_lam_with_a_destination_is_the_visitor(nlp: Pipeline) -> None:
    # "زيارة لوزير X إلى Y": the minister named after ل goes to Tripoli
    doc = nlp("وأعلن ذلك خلال زيارة قصيرة لوزير الخارجية الألماني فرانك شتاينماير إلى طرابلس.")
    assert (name_key("فرانك شتاينماير"), name_key("طرابلس")) in visits(doc)


def test_the_name_before_a_visit_masdar_is_its_doer(nlp: Pipeline) -> None:
    # "اعتزام الرئيس X زيارة موسكو": X visits; "قبول الائتلاف زيارة موسكو": an unnamed body, not
    # the analyst who spoke
    doc = nlp(
        "وأكد الوزير أحمد سالم أن اعتزام الرئيس محمد عبدالله زيارة موسكو الشهر المقبل يعكس تطور العلاقات."
    )
    assert visits(doc) == {(name_key("محمد عبدالله"), name_key("موسكو"))}
    doc = nlp(
        "وقال المحلل أحمد سالم إن الروس باتوا أكثر تقبلا لفكرة التغيير، موضحا أن قبول الائتلاف "
        "زيارة موسكو في الأيام المقبلة يأتي في إطار تحول."
    )
    assert name_key("أحمد سالم") not in visitors(doc)


def test_field_visits_of_an_unnamed_delegation_go_to_the_bodies_listed(nlp: Pipeline) -> None:
    # "الوفد الماليزي": an unnamed delegation is its country; a field visit goes to bodies too
    doc = nlp(
        "وقام الوفد الماليزي بزيارات ميدانية لعدد من الجهات الحكومية شملت، وزارة الصحة، جامعة "
        "الملك عبدالعزيز."
    )
    assert (name_key("ماليزيا"), name_key("وزارة الصحة")) in visits(doc)


def test_invitation_to_visit_past_a_comma(nlp: Pipeline) -> None:
    # "... إلى الملك X، وقدم له الدعوة لزيارة مصر": the one invited is the king
    doc = nlp("وطلب الرئيس نقل تحياته إلى الملك عبدالله الثاني، وقدم له الدعوة لزيارة مصر.")
    assert (name_key("عبد الله الثاني"), name_key("مصر")) in visits(doc)


def test_a_speech_at_an_event_is_attending_it(nlp: Pipeline) -> None:
    doc = nlp("ومن المقرر أن يلقي الرئيس أحمد سالم كلمة خلال القمة العربية للتنمية الاقتصادية.")
    assert (name_key("أحمد سالم"), name_key("القمة العربية للتنمية الاقتصادية")) in attendances(doc)
    # a written speech is no attendance (GUIDELINES §4)
    doc = nlp("وألقى الرئيس أحمد سالم خطابا مكتوبا في القمة العربية للتنمية الاقتصادية.")
    assert attendances(doc) == set()


def test_an_event_name_ends_before_a_clause_on_it(nlp: Pipeline) -> None:
    # "حفلا خطابيا أقيم بهذه المناسبة": the verb opens a clause, the name has ended
    doc = nlp("وحضر السفير خالد العمري حفلا خطابيا أقيم بهذه المناسبة في مقر المنظمة.")
    events = {event for _, event in attendances(doc)}
    assert events and not any("قيم" in event for event in events)


def test_an_arrival_naming_no_place_is_in_the_dateline_city(nlp: Pipeline) -> None:
    # "مسقط - العمانية ... وصل الوفد الأردني برئاسة X": the story's city, as "هنا" is
    doc = nlp(
        "مسقط - العمانية\nوصل الوفد الأردني برئاسة رئيس الوزراء عبدالله النسور مساء أمس في زيارة "
        "تستغرق يومين."
    )
    assert (name_key("عبد الله النسور"), name_key("مسقط")) in visits(doc)
    # "فيصل" is a name, not ف + يصل
    doc = nlp("جدة - واس\nفيصل بن فرحان يترأس اجتماعا تشاوريا لوزراء الخارجية العرب اليوم.")
    assert visits(doc) == set()


def test_a_capital_named_by_nisba_after_lam_is_visited(nlp: Pipeline) -> None:
    # "للعاصمة الروسية": ل + العاصمة, the capital of the nisba's country
    doc = nlp("وكانت أول زيارة رسمية قام بها أحمد سالم للعاصمة الروسية عام 2006.")
    assert (name_key("أحمد سالم"), name_key("موسكو")) in visits(doc)


def test_the_doer_after_yaqum_biha_past_an_epithet(nlp: Pipeline) -> None:
    # "التي سيقوم بها خادم الحرمين الشريفين الملك X": the king, past his epithet
    doc = nlp(
        "وتأتي زيارة الوزير في سياق الإعداد للزيارة المنتظرة التي سيقوم بها خادم الحرمين "
        "الشريفين الملك فهد بن عبد العزيز لموسكو."
    )
    assert (name_key("فهد بن عبد العزيز"), name_key("موسكو")) in visits(doc)


def test_taking_part_by_a_common_noun_is_no_ones_attendance(nlp: Pipeline) -> None:
    # "مشاركة المئات من المقاتلين في X": those hundreds take part, not the spokesman who denies it
    doc = nlp(
        "وقال المتحدث باسم الحركة سامي أحمد إن الحديث عن مشاركة المئات من مقاتلي الحركة في "
        "مهرجان الرياض للتسوق كاذب."
    )
    assert attendances(doc) == set()
    doc = nlp("وأعلن الوزير أحمد سالم مشاركته في مهرجان الرياض للتسوق.")
    assert (name_key("أحمد سالم"), name_key("مهرجان الرياض للتسوق")) in attendances(doc)


def test_a_photo_credit_is_no_visitor(nlp: Pipeline) -> None:
    # "(تصوير: X)" credits the photographer, who is no argument of the tour
    doc = nlp(
        "عين اليوم – تبوك (تصوير: فهد الشمري)  قام وكيل وزارة الصحة سامي المطيري بجولة تفقدية "
        "في منطقة تبوك أمس، حيث تفقد مستشفى الملك سلمان العسكري."
    )
    assert name_key("فهد الشمري") not in visitors(doc)
    assert (name_key("سامي المطيري"), name_key("مستشفى الملك سلمان العسكري")) in visits(doc)


def test_an_unnamed_delegation_carrying_out_a_visit_is_its_body(nlp: Pipeline) -> None:
    # "الزيارة التي سيقوم بها الوفد الأممي": the UN's visit, not the one who welcomed it
    doc = nlp(
        "ورحب وزير الخارجية اليمني رياض ياسين بالزيارة التي سيقوم بها الوفد الأممي إلى مدينة تعز "
        "الشهر المقبل."
    )
    assert visits(doc) == {(name_key("الأمم المتحدة"), name_key("تعز"))}


def test_troops_inspected_are_no_destination(nlp: Pipeline) -> None:
    # "تفقد القوات": troops, not a place or facility, and no place further on either
    doc = nlp(
        "ووصل وزير الدفاع البريطاني مايكل فالون إلى قبرص، وتفقد فالون القوات البريطانية المنتشرة في الجزيرة."
    )
    assert {destination for _, destination in visits(doc)} == {name_key("قبرص")}


def test_a_visit_done_by_a_plural_group_is_not_the_speakers(nlp: Pipeline) -> None:
    # "قاموا بزيارة ... وزيارة": the children visited, not the director who tells of it
    doc = nlp(
        "وأوضح مدير الجمعية خالد العنزي أن الأطفال قاموا بزيارة المتحف الوطني وتناول الغداء وزيارة "
        "مدينة الطائف."
    )
    assert name_key("خالد العنزي") not in visitors(doc)


def test_a_visit_to_a_body_seat_is_a_visit_to_the_body(nlp: Pipeline) -> None:
    # "بزيارة لمقر X": a VISIT to X (GUIDELINES §5), a local body named with its city; a seat
    # naming no body leaves the city's
    doc = nlp("قام وزير التجارة توفيق الربيعة أمس بزيارة لمقر الغرفة التجارية الصناعية بجدة، والتقى رئيسها.")
    assert (name_key("توفيق الربيعة"), name_key("الغرفة التجارية الصناعية بجدة")) in visits(doc)
    doc = nlp("وعبر الأمير سلطان بن سلمان عن تعازيه خلال زيارته مقر العزاء في مدينة أبها.")
    assert {destination for _, destination in visits(doc)} == {name_key("أبها")}


def test_a_counterpart_named_after_a_comma_is_met(nlp: Pipeline) -> None:
    # "مع نظيره الإماراتي، عبدالله بن زايد": the name after the counterpart phrase and its comma
    # (with two Emiratis in the story, the counterpart word alone resolves to no one)
    doc = nlp(
        "وثمن وزير الخارجية الأردني ناصر جودة دور الإمارات التي يقودها الشيخ خليفة بن زايد. وقال "
        "جودة في مؤتمر صحفي مع نظيره الإماراتي، عبدالله بن زايد، إن البلدين متفقان."
    )
    participants = [r["participant"] for r in found(doc, "MEETING")]
    assert {name_key("ناصر جودة"), name_key("عبد الله بن زايد آل نهيان")} in participants


def test_talks_held_with_a_named_person_in_a_relative_clause(nlp: Pipeline) -> None:
    # "في اللقاء الذي عقده مع X": a meeting of the clause's doer with X; talks a state holds with
    # other states ("المفاوضات التي أجرتها مع الدول الكبرى") are none
    doc = nlp(
        "وجدد رئيس الحكومة التونسية الحبيب الصيد، في اللقاء الذي عقده مع الأمين العام لاتحاد الشغل "
        "حسين العباسي، دعوته إلى الحوار."
    )
    participants = [r["participant"] for r in found(doc, "MEETING")]
    assert {name_key("الحبيب الصيد"), name_key("حسين العباسي")} in participants
    doc = nlp("وأعلنت إيران أن المفاوضات التي أجرتها مع الدول الكبرى انتهت.")
    assert not found(doc, "MEETING")


def test_a_visit_as_a_means_has_no_visitor(nlp: Pipeline) -> None:
    # "من خلال زيارة مقر X": how anyone may register, not a visit the speaker made
    doc = nlp(
        "وأوضح رئيس اللجنة سامي الحربي أن الرحلات مستمرة، ويتم التسجيل فيها من خلال زيارة مقر جمعية "
        "الثقافة والفنون بالطائف."
    )
    assert not found(doc, "VISIT")


def test_a_headline_line_past_its_own_stops_adds_nothing(nlp: Pipeline) -> None:
    # the closing "رابط الخبر" line repeats the headline, even after "بالصور.."
    doc = nlp(
        "وشكر قائد المنطقة اللواء سعيد الغامدي الشيخ صالح الحميد على الزيارة.\n"
        "رابط الخبر بصحيفة الوئام: بالصور.. الشيخ الحميد يقوم بزيارة إلى مقر قيادة المنطقة الجنوبية"
    )
    assert not found(doc, "VISIT")


def test_a_meal_or_a_sitting_with_a_named_person_is_a_meeting(nlp: Pipeline) -> None:
    # "تناول X العشاء مع Y"، "جلس X مع Y": met in person, as with التقى
    doc = nlp(
        "تناول الرئيس الفرنسي إيمانويل ماكرون العشاء مع المستشار الألماني أولاف شولتس في برلين مساء السبت."
    )
    participants = [r["participant"] for r in found(doc, "MEETING")]
    assert {name_key("إيمانويل ماكرون"), name_key("أولاف شولتس")} in participants
    doc = nlp("وجلس الرئيس الكيني وليام روتو مع رئيس الوزراء الإثيوبي آبي أحمد نحو ساعة في نيروبي.")
    participants = [r["participant"] for r in found(doc, "MEETING")]
    assert {name_key("وليام روتو"), name_key("آبي أحمد")} in participants


def test_a_meal_or_a_seat_with_no_one_named_is_no_meeting(nlp: Pipeline) -> None:
    doc = nlp("وجلس وزير الخارجية فيصل بن فرحان في الصف الأول مع الوفود المشاركة في المؤتمر.")
    assert not found(doc, "MEETING")
    doc = nlp("تناول وزير الصحة فهد الجلاجل الكلمة مع بداية الجلسة الثانية للمنتدى.")
    assert not found(doc, "MEETING")


def test_honouring_in_the_hosts_office_is_a_meeting_of_all_named(nlp: Pipeline) -> None:
    # GUIDELINES §5 (dev5): كرم X in his office, with those present after بحضور, one meeting
    doc = nlp(
        "كرم أمير منطقة حائل الأمير عبدالعزيز بن سعد في مكتبه أمس الرائد فهد القحطاني "
        "بحضور وكيل الإمارة عادل بن صالح المطيري."
    )
    participants = [r["participant"] for r in found(doc, "MEETING")]
    assert {
        name_key("عبدالعزيز بن سعد"),
        name_key("فهد القحطاني"),
        name_key("عادل بن صالح المطيري"),
    } in participants
    # at a ceremony, honouring is no meeting
    doc = nlp("كرم وزير التعليم يوسف البنيان الطلاب الفائزين سعد العتيبي وخالد الحربي في حفل أقيم بالرياض.")
    assert not found(doc, "MEETING")


def test_a_third_person_present_at_a_meeting_held_with_a_counterpart_takes_part(nlp: Pipeline) -> None:
    # "عقد X اجتماعا مع Y بحضور Z" (GUIDELINES §5: بحضور a named third person adds him)
    doc = nlp(
        "وعقد وزير الخارجية المصري سامح شكري اجتماعا مع نظيره الأردني أيمن الصفدي بحضور "
        "السفير المصري لدى الأردن محمد سمير."
    )
    participants = [r["participant"] for r in found(doc, "MEETING")]
    assert {name_key("سامح شكري"), name_key("أيمن الصفدي"), name_key("محمد سمير")} in participants


def test_one_named_as_taking_part_joins_the_meeting_just_told(nlp: Pipeline) -> None:
    # "عقد X اجتماعا مع Y شارك فيه Z": Z is a participant too (one MEETING of everyone named)
    doc = nlp(
        "وعقد وزير الدفاع الفرنسي جان إيف لودريان اجتماعا مع رئيس البرلمان العراقي محمد "
        "الحلبوسي شارك فيه محافظ نينوى نجم الجبوري وعدد من النواب."
    )
    participants = [r["participant"] for r in found(doc, "MEETING")]
    assert {name_key("جان إيف لودريان"), name_key("محمد الحلبوسي"), name_key("نجم الجبوري")} in participants
    # a gathering in the next sentence is another one
    doc = nlp(
        "ثم التقى وزير الخارجية سامح شكري وزير الخارجية الأردني أيمن الصفدي. وشهد المؤتمر "
        "الذي شارك فيه وزير الطاقة عبدالعزيز بن سلمان عروضا."
    )
    participants = [r["participant"] for r in found(doc, "MEETING")]
    assert {name_key("سامح شكري"), name_key("أيمن الصفدي")} in participants
    assert all(name_key("عبدالعزيز بن سلمان") not in p for p in participants)


def test_a_third_person_present_after_a_comma_takes_part(nlp: Pipeline) -> None:
    # "استقبل X السفير Y، بحضور Z": the slot's own preposition right after the comma
    doc = nlp(
        "استقبل محافظ الطائف سعد بن مقبل الميموني في مكتبه أمس القنصل الياباني هيروشي ساتو، "
        "بحضور وكيل المحافظة خالد بن ناصر المطيري."
    )
    participants = [r["participant"] for r in found(doc, "MEETING")]
    assert {
        name_key("سعد بن مقبل الميموني"),
        name_key("هيروشي ساتو"),
        name_key("خالد بن ناصر المطيري"),
    } in participants


def test_reported_clause_names_its_own_traveller(nlp: Pipeline) -> None:
    # "وقال X إن المبعوث Y ... بعد جولته": the tour is Y's, the one the reported clause opens with
    doc = nlp(
        "وقال الباحث السياسي ماجد الحربي إن المبعوث الأممي مارتن غريفيث يعمل على إنعاش "
        "المحادثات بعد جولته التي شملت الرياض ومسقط."
    )
    assert (name_key("مارتن غريفيث"), name_key("مسقط")) in visits(doc)
    assert name_key("ماجد الحربي") not in visitors(doc)
    # "وأوضح X أن العائلة سافرت ... في جولة": the family toured, not the speaker
    doc = nlp(
        "وأوضح المتحدث باسم المستشفى سعيد القحطاني أن العائلة سافرت بعد العيد مباشرة في جولة "
        "شملت البحرين والكويت."
    )
    assert name_key("سعيد القحطاني") not in visitors(doc)
    # the speaker's own visit ("إن زيارته") stays his
    doc = nlp("وقال وزير الطاقة خالد الفالح إن زيارته إلى موسكو كانت مثمرة.")
    assert (name_key("خالد الفالح"), name_key("موسكو")) in visits(doc)


def test_goods_that_reach_a_country_are_no_visit(nlp: Pipeline) -> None:
    # "وأصبحت منتجات الأسر تصل إلى": after a sister of كان, the common noun (with its
    # genitive) is what arrives, not the speaker
    doc = nlp(
        "قالت رئيسة الجمعية نورة السالم إن لدى الجمعية نماذج ناجحة كثيرة، وأصبحت منتجات الأسر "
        "تصل إلى فرنسا والكويت."
    )
    assert name_key("نورة السالم") not in visitors(doc)
    doc = nlp("وقال مدير المصنع سامي العتيبي إن الطلب ارتفع، وباتت منتجاته تصل إلى ألمانيا والهند.")
    assert name_key("سامي العتيبي") not in visitors(doc)
    # a named traveller after كان still travels
    doc = nlp("وكان وزير الطاقة خالد الفالح قد وصل إلى جدة أمس.")
    assert (name_key("خالد الفالح"), name_key("جدة")) in visits(doc)


def test_person_a_facility_is_named_after_is_no_visitor(nlp: Pipeline) -> None:
    # "وكيل جامعة الأمير X بالخرج الدكتور Y": X names the university; Y inspects
    doc = nlp(
        "تفقد وكيل جامعة الأمير سطام بن عبدالعزيز بالخرج الدكتور فهد بن سعد المطيري كلية طب الأسنان أمس."
    )
    assert visitors(doc) == {name_key("فهد بن سعد المطيري")}
    # "مشفى الملك X": the hospital's name, not a king who visited
    doc = nlp("وكان فريق الشركة قد زار مشفى الملك فهد في جدة.")
    assert name_key("فهد") not in visitors(doc)


def test_own_inspection_visit_reaches_the_facility(nlp: Pipeline) -> None:
    # "خلال زيارته التفقدية لمستشفى X": his inspection visit goes to the named facility
    doc = nlp(
        "وأكد وزير الصحة خالد الفالح أن الخدمات متميزة، جاء ذلك خلال زيارته التفقدية لمستشفى "
        "الملك فهد المركزي بجازان أمس."
    )
    assert (name_key("خالد الفالح"), name_key("مستشفى الملك فهد المركزي")) in visits(doc)


def test_visit_made_where_the_clause_before_places_him(nlp: Pipeline) -> None:
    # "في X، حيث يقوم بزيارة": the visit is to X
    doc = nlp(
        "وانتقد الرئيس النيجيري محمد بخاري، المتواجد في لندن، حيث يقوم بزيارة رسمية تستمر ثلاثة "
        "أيام، تراجع الدعم الدولي."
    )
    assert (name_key("محمد بخاري"), name_key("لندن")) in visits(doc)
    # a passive visit names no visitor
    doc = nlp("وقال الوزير خالد الفالح في الرياض حيث تمت زيارة المعرض إن الخدمات ممتازة.")
    assert not visits(doc)


def test_round_of_talks_is_no_tour(nlp: Pipeline) -> None:
    # "جولة ثانية من محادثات السلام في X": a round of talks held in X, not a journey there
    doc = nlp(
        "وقال زعيم الحركة الملا أختر منصور إن الحركة مستعدة، ومن المقرر أن تبدأ جولة ثانية من "
        "محادثات السلام في باكستان الأسبوع المقبل."
    )
    assert not visits(doc)
    # a tour stays one
    doc = nlp("وبدأ وزير الخارجية الإيراني محمد جواد ظريف جولة شملت الكويت وقطر.")
    assert (name_key("محمد جواد ظريف"), name_key("قطر")) in visits(doc)
