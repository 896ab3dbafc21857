"""Event relations on real news (round 12): long protocol lists of receivers and attendees,
each named after a title with a posting or a construct inside it.

Every sentence was written for this file in the style of Gulf and Arab newspapers; the names
are invented or public.
"""

from __future__ import annotations

import pytest

from arextract import Pipeline
from arextract.evaluation.relations import name_key
from relation_arguments import found, keys


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


def test_receivers_listed_with_a_posting_in_their_titles(nlp: Pipeline) -> None:
    # "وسفير ... لدى المملكة المغربية الدكتور Y"، "والملحق العسكري لدى المغرب العقيد Z": a posting
    # after لدى inside the next receiver's title does not end the list
    doc = nlp(
        "وصل الرئيس التونسي قيس سعيد أمس إلى المغرب. وكان في استقباله الأمير سعود بن فهد بن محمد، "
        "وسفير الجمهورية التونسية لدى المملكة المغربية الدكتور سالم بن علي الطرابلسي، والملحق "
        "العسكري لدى المغرب العقيد ركن نادر الهمامي، وعدد من المسؤولين."
    )
    meetings = [r["participant"] for r in found(doc, "MEETING")]
    assert keys("قيس سعيد", "سعود بن فهد بن محمد", "سالم بن علي الطرابلسي", "نادر الهمامي") in meetings


def test_attendees_listed_with_a_construct_inside_a_title(nlp: Pipeline) -> None:
    # "X رئيس أركان حرب القوات المسلحة، والمشير Y": indefinite nouns in construct within a title
    doc = nlp(
        "وشهد الرئيس المصري عبدالفتاح السيسي أمس حفل تخريج دفعة جديدة من الكلية البحرية. وحضر "
        "الحفل شريف إسماعيل رئيس الوزراء المصري، والفريق أسامة عسكر رئيس أركان حرب القوات "
        "المسلحة، والمشير محمد حسين طنطاوي وزير الدفاع الأسبق، وعدد من الوزراء."
    )
    attendees = set()
    for relation in found(doc, "ATTENDANCE"):
        attendees |= relation["attendee"]
    assert keys("شريف إسماعيل", "أسامة عسكر", "محمد حسين طنطاوي") <= attendees


def test_a_region_adjective_read_as_a_family_name_does_not_join_the_list(nlp: Pipeline) -> None:
    doc = nlp(
        "وصل الرئيس التونسي قيس سعيد أمس إلى المغرب. وكان في استقباله لدى وصوله المطار، والي "
        "الجهة سعيد الغربي، والوكيل العام للملك لدى محكمة الاستئناف بالنيابة أحمد المنصوري، "
        "ومدير جمارك منطقة الشمال الغربي حسن الرامي، وعدد من المسؤولين."
    )
    participants = set()
    for relation in found(doc, "MEETING"):
        participants |= relation["participant"]
    assert keys("أحمد المنصوري", "حسن الرامي") <= participants


def test_those_accompanying_the_one_received_take_part_in_the_meeting(nlp: Pipeline) -> None:
    # "استقبل X Y، يرافقه A، وB": one meeting of all named (GUIDELINES §5, dev9)
    doc = nlp(
        "استقبل الأمين العام لرابطة العالم الإسلامي الدكتور عبدالله بن عبدالمحسن التركي أمس، مدير "
        "جامعة الأزهر الدكتور أحمد حسني طه، يرافقه مدير مركز الترجمة بالجامعة الدكتور يوسف عامر، "
        "ومدير المعهد الديني بالقاهرة الشيخ سالم عبدالجليل."
    )
    meetings = [r["participant"] for r in found(doc, "MEETING")]
    assert keys("عبدالله بن عبدالمحسن التركي", "أحمد حسني طه", "يوسف عامر", "سالم عبدالجليل") in meetings


def test_a_person_named_inside_the_next_ones_title_is_not_listed(nlp: Pipeline) -> None:
    # "والمشرف العام على مكتب سماحة المفتي الشيخ X": X attended, not the words of his title
    doc = nlp(
        "وأقامت الهيئة حفل معايدة بحضور رئيس المجلس الأعلى الشيخ سالم بن علي الدوسري، "
        "ومعالي المستشار المشرف العام على مكتب سماحة المفتي الشيخ ناصر بن محمد القرني، وعدد من "
        "منسوبيها."
    )
    attendees = [r["attendee"] for r in found(doc, "ATTENDANCE")]
    assert keys("ناصر بن محمد القرني") in attendees
    assert all(len(a) == 1 for a in attendees) and len(attendees) == 2


def test_a_named_party_allied_with_another_is_an_agreement(nlp: Pipeline) -> None:
    doc = nlp("وفرضت الحكومة قيودا على سفر علي عبدالله صالح المتحالف مع جماعة الحوثيين منذ عام 2014.")
    parties = [r["party"] for r in found(doc, "AGREEMENT")]
    assert len(parties) == 1 and name_key("علي عبد الله صالح") in parties[0] and len(parties[0]) == 2


def test_forces_allied_with_an_unnamed_one_give_no_agreement(nlp: Pipeline) -> None:
    doc = nlp("وشنت الطائرات غارات على مواقع المليشيات الحوثية والقوات المتحالفة معها في صعدة.")
    assert found(doc, "AGREEMENT") == []


def test_a_delegation_named_by_its_nisba_attends_for_its_country(nlp: Pipeline) -> None:
    # "رئيس الوفد السعودي المشارك في البطولة X" (GUIDELINES §5, dev9): the event named before
    doc = nlp(
        "حقق لاعب المنتخب الكويتي الميدالية البرونزية في بطولة العالم للرماية. وقدم رئيس الوفد "
        "الكويتي المشارك في البطولة فهد العنزي التهنئة للاعبين."
    )
    attendance = found(doc, "ATTENDANCE")
    assert {"attendee": keys("الكويت"), "event": keys("بطولة العالم للرماية")} in attendance


def test_the_one_taking_part_in_the_event_named_before_the_relative(nlp: Pipeline) -> None:
    doc = nlp(
        "وأشاد الوزير بنتائج بطولة العالم للرماية التي تحتضنها الدنمارك والتي شاركت الكويت فيها "
        "بعشرة لاعبين. كما أشاد بنتائج مؤتمر الاستثمار العربي الذي شارك فيه وزير الخارجية الأردني "
        "ناصر جودة."
    )
    attendance = found(doc, "ATTENDANCE")
    assert {"attendee": keys("الكويت"), "event": keys("بطولة العالم للرماية")} in attendance
    assert {"attendee": keys("ناصر جودة"), "event": keys("مؤتمر الاستثمار العربي")} in attendance
    assert not any(keys("الدنمارك") & r["attendee"] for r in attendance)


def test_a_course_taken_by_unnamed_students_has_no_attendee(nlp: Pipeline) -> None:
    doc = nlp("واختتمت دورة «فن الإلقاء» التي شارك فيها 60 طالبا من جميع الأقسام في جامعة الملك سعود.")
    assert found(doc, "ATTENDANCE") == []


def test_a_name_in_brackets_after_one_of_its_type_is_its_other_name(nlp: Pipeline) -> None:
    # "ويجتمع مجلس الاحتياطي الاتحادي (البنك المركزي الأميركي)": one body, not a meeting of two
    doc = nlp("ويجتمع مجلس الاحتياطي الاتحادي (البنك المركزي الأمريكي) غدا لبحث أسعار الفائدة.")
    assert found(doc, "MEETING") == []


def test_praise_for_someone_attending_a_ceremony_is_his_attendance(nlp: Pipeline) -> None:
    # "مرحبا بحضور الوزير X، وزير ...، حفل تخريج ..." (GUIDELINES §5, dev9: "مشيدا بحضور X حفل")
    doc = nlp(
        "وأعرب رئيس الجامعة سعد الحربي عن سعادته بالمناسبة، مرحبا بحضور الوزير عادل الطريفي، "
        "وزير الثقافة والإعلام، حفل تخريج الدفعة العاشرة من طلاب الجامعة."
    )
    attendance = found(doc, "ATTENDANCE")
    assert len(attendance) == 1 and attendance[0]["attendee"] == keys("عادل الطريفي")
