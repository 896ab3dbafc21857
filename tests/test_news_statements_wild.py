"""Speakers of statements in unannotated news (issue #14, round 9: probed on corpus articles).

Every sentence here was written for this file; no article text is copied. Each test pins one
mechanism of the speaker finder that the corpus probe showed recurring across outlets.
"""

from __future__ import annotations

import pytest

from arextract import Document, Pipeline
from arextract.evaluation.relations import name_key


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


def speech(doc: Document) -> list[tuple[str, str]]:
    """(trigger, speaker key) of each STATEMENT, in order."""
    names = {entity.id: name_key(entity.canonical) for entity in doc.entities}
    return [
        (relation.trigger.text, names[relation.arguments[0].entity_id])
        for relation in doc.relations
        if relation.type.value == "STATEMENT"
    ]


def role_holders(doc: Document) -> dict[str, str]:
    """person key -> the trigger (title) of each ROLE."""
    names = {entity.id: name_key(entity.canonical) for entity in doc.entities}
    return {
        names[relation.arguments[0].entity_id]: relation.trigger.text
        for relation in doc.relations
        if relation.type.value == "ROLE"
    }


def test_a_member_of_a_party_named_after_an_office_is_not_its_holder(nlp: Pipeline) -> None:
    # the party is named after the premier: the name after it is his, the adviser speaking is
    # left unnamed
    doc = nlp("وقال مستشار في حزب رئيس الوزراء العراقي الأسبق نوري المالكي إن الحزب لن يشارك في الجلسة.")
    assert speech(doc) == []
    assert role_holders(doc) == {name_key("نوري المالكي"): "رئيس الوزراء العراقي"}


def test_a_body_named_after_a_king_is_not_an_office_of_the_one_after_it(nlp: Pipeline) -> None:
    # "مدينة الملك فهد الطبية": a hospital named after a king; the director named after it speaks
    doc = nlp("وأكد المشرف العام بمدينة الملك فهد الطبية ناصر العتيبي أن الأقسام الجديدة ستفتح قريبا.")
    assert speech(doc) == [("أكد", name_key("ناصر العتيبي"))]


def test_a_body_after_bi_inside_a_title_does_not_govern_the_name(nlp: Pipeline) -> None:
    # ب governs the ministry in the spokesman's title, not the spokesman's name
    doc = nlp("وأشار المتحدث الأمني بوزارة الداخلية منصور التركي إلى أن الدوريات ضبطت المطلوبين.")
    assert speech(doc) == [("أشار", name_key("منصور التركي"))]


def test_an_outlet_named_by_its_head_noun_is_a_source_not_a_speaker(nlp: Pipeline) -> None:
    for sentence in (
        "وذكرت وكالة بلومبرغ للأنباء أن الأسعار ارتفعت بشدة خلال الأسبوع.",
        "وذكرت مؤسسة الإذاعة والتلفزيون المصرية أن الأسعار ارتفعت بشدة خلال الأسبوع.",
    ):
        assert speech(nlp(sentence)) == [], sentence
    # an attribution to an agency adds no statement of its own
    doc = nlp("وكان الوزير محمد العلي قد قال إن الحكومة ستدعم القطاع، حسب وكالة الصحافة الفرنسية.")
    assert speech(doc) == [("قال", name_key("محمد العلي"))]
    # an agency that is no outlet still speaks
    doc = nlp("وقالت وكالة الطاقة الدولية إن الطلب على النفط سيرتفع العام المقبل.")
    assert [trigger for trigger, _ in speech(doc)] == ["قالت"]


def test_to_me_after_a_speech_verb_is_no_one_named(nlp: Pipeline) -> None:
    assert speech(nlp("وحين سألته عن السبب قال لي: لا أحد يعرف الحقيقة.")) == []
    # a name the document gave in full still speaks by its short form
    doc = nlp("واستقبل الرئيس الصيني شي جين بينغ رئيس الوزراء لي كه تشيانغ. وقال لي إن الاقتصاد ينمو.")
    assert speech(doc) == [("قال", name_key("لي كه تشيانغ"))]


def test_all_of_those_called_on_are_not_the_subject(nlp: Pipeline) -> None:
    doc = nlp(
        "وأوضح مدير التعليم سعد الحربي أن التسجيل يبدأ غدا. ودعا كافة المواطنين إلى التعاون مع المدارس."
    )
    assert speech(doc) == [("أوضح", name_key("سعد الحربي")), ("دعا", name_key("سعد الحربي"))]
    # but all of them may speak themselves
    doc = nlp("وأوضح الوزير محمد العلي أن المكتب سيغلق. وأكد جميع المشاركين أن المؤتمر ناجح.")
    assert speech(doc) == [("أوضح", name_key("محمد العلي"))]


def test_a_person_the_story_turns_to_after_unnamed_witnesses_speaks(nlp: Pipeline) -> None:
    doc = nlp(
        "وقال شهود عيان إن النيران اشتعلت فجأة. ووصل محافظ المدينة سالم الدوسري إلى موقع الحريق. "
        "وقال في تصريح للصحفيين إن التحقيق بدأ."
    )
    assert speech(doc) == [("قال", name_key("سالم الدوسري"))]
    # an unnamed source's next words stay unnamed
    doc = nlp("قال مصدر في الوزارة إن الوزير محمد العلي سيزور القاهرة. وأضاف أن الزيارة تستغرق يومين.")
    assert speech(doc) == []


def test_words_passed_on_from_an_unnamed_source_are_no_one_named(nlp: Pipeline) -> None:
    # "نقلا عن عضو في حزب الرئيس X": a member left unnamed, not the president in the genitive
    doc = nlp(
        "وأوردت قناة محلية، نقلا عن عضو في حزب الرئيس المصري الأسبق حسني مبارك، قوله إن "
        "الحزب يعد لمؤتمره العام."
    )
    assert speech(doc) == []
    # "قوله" after "نقلت عن مصدر": the source's words, not those of the minister named before
    doc = nlp("وزار الوزير محمد العلي المصنع. ونقلت الصحيفة عن مصدر في الوزارة قوله إن المصنع سيغلق.")
    assert speech(doc) == []
    # a named source passed on still speaks
    doc = nlp("ونقلت الصحيفة عن وزير الخارجية عادل الجبير قوله إن المملكة تدعم الحل.")
    assert speech(doc) == [("قوله", name_key("عادل الجبير"))]


def test_the_official_a_long_title_introduces_by_an_abbreviation_or_a_slash_speaks(nlp: Pipeline) -> None:
    # "م." (engineer) before the name, past a body and a region inside the title: not the body
    doc = nlp(
        "وأوضح مدير عام فرع وزارة الزراعة والمياه بمنطقة القصيم م. خالد الحربي، أن موسم التمور سيبدأ مبكرا."
    )
    assert speech(doc) == [("أوضح", name_key("خالد الحربي"))]
    # a rank set off by a slash, beyond the ordinary reach of the subject
    doc = nlp(
        "وأفاد مساعد المتحدث الرسمي للدفاع المدني بمنطقة تبوك النقيب /سعد محمد الشهري أن الفرق باشرت الحريق."
    )
    assert speech(doc) == [("أفاد", name_key("سعد محمد الشهري"))]


def test_a_quotation_left_open_ends_with_its_paragraph(nlp: Pipeline) -> None:
    # the product name opens a quotation mark that is never closed: the next paragraphs are
    # the story's own, and the last speaker there goes on speaking
    doc = nlp(
        "وقال الخبير سامي الحربي إن الشركة اشترت طائرات من طراز “سيسنا الحديثة.\n"
        "وقال مدير المركز خالد العمري: “نريد الاستفادة من كل قطرة”.\n"
        "وذكر أن المركز يعد دراسات جديدة."
    )
    assert speech(doc)[-1] == ("ذكر", name_key("خالد العمري"))


def test_a_verse_quoted_is_no_statement_of_the_story(nlp: Pipeline) -> None:
    doc = nlp(
        "وكتب الكاتب خالد السليمان مقالا عن الحوار. والمطلوب لغة تجمع ولا تفرق، لغة تستند إلى "
        "قوله تعالى: وقولوا للناس حسنا."
    )
    assert speech(doc) == []
