"""Names a tagger misses or runs on, found by the pipeline's grammar (issue #15, "NER
representations": a tagger with word vectors misses rare foreign names it has no vector for, and
runs a known name on into the next word). Each rule is checked on mentions given by hand, so it
holds whatever the tagger. Sentences written for these tests."""

from __future__ import annotations

from arextract.ner.builtin import without_surname_overrun
from arextract.ner.grammar.idioms import without_place_idioms
from arextract.ner.grammar.organizations import without_coordinated_bodies
from arextract.ner.grammar.persons import refine_persons
from arextract.ner.grammar.speakers import with_speakers, without_titled_place
from arextract.ner.merge import merge_model_and_gazetteer
from arextract.schema import Entity, EntitySource, EntityType
from arextract.text.segment import tokenize
from test_ner_grammar_gap import mention

MODEL, GAZETTEER = EntitySource.MODEL, EntitySource.GAZETTEER


def found(entities: list[Entity]) -> set[tuple[str, str]]:
    return {(e.text, e.type.value) for e in entities}


# --- a foreign name after a title and its complement ----------------------------------------


def test_a_name_after_a_title_with_a_long_complement_is_a_person() -> None:
    text = "وأجرى اتصالا مع وزيرة الشؤون الخارجية والتعاون لكينيا موريني كاريوكي."
    kenya = mention(text, "كينيا", EntityType.COUNTRY, GAZETTEER)
    out = with_speakers(text, tokenize(text), [kenya])
    assert ("موريني كاريوكي", "PERSON") in found(out)


def test_a_family_name_the_tagger_took_for_a_place_goes_to_the_person() -> None:
    text = "وأجرى اتصالا مع وزيرة الشؤون الخارجية والتعاون لكينيا موريني كاريوكي."
    kenya = mention(text, "كينيا", EntityType.COUNTRY, GAZETTEER)
    place = mention(text, "كاريوكي", EntityType.CITY, MODEL)
    out = with_speakers(text, tokenize(text), [kenya, place])
    assert found(out) == {("كينيا", "COUNTRY"), ("موريني كاريوكي", "PERSON")}


def test_a_prime_minister_of_a_two_word_state_after_a_conjunction() -> None:
    text = "وحضر الجلسة ورئيس وزراء ترينيداد وتوباغو دينيس موزس، ووزراء آخرون."
    state = mention(text, "ترينيداد وتوباغو", EntityType.COUNTRY, GAZETTEER)
    assert ("دينيس موزس", "PERSON") in found(with_speakers(text, tokenize(text), [state]))


def test_an_ambassador_in_a_capital_then_his_name() -> None:
    text = "قال سفير الأردن في تونس سامي الهيجاء إن العلاقات متينة."
    places = [mention(text, w, EntityType.COUNTRY, GAZETTEER) for w in ("الأردن", "تونس")]
    assert ("سامي الهيجاء", "PERSON") in found(with_speakers(text, tokenize(text), places))


def test_a_long_complement_without_a_place_at_its_end_adds_nobody() -> None:
    text = "وقالت وزيرة الشؤون الخارجية والتعاون الدولي والتنمية المستدامة كلمة قصيرة."
    assert with_speakers(text, tokenize(text), []) == []


def test_a_governor_and_his_name_read_as_one_person_are_the_place_then_the_person() -> None:
    text = "واستقبل الرئيس محافظ ديالى رائد العزاوي في مكتبه."
    tokens = tokenize(text)
    run_on = mention(text, "ديالى رائد العزاوي", EntityType.PERSON, MODEL)
    place = mention(text, "ديالى", EntityType.REGION, GAZETTEER)

    def known_place(first: int, last: int) -> Entity | None:
        return place if text[tokens[first].start : tokens[last].end] == "ديالى" else None

    named, model = without_titled_place(text, tokens, [], [run_on], known_place)
    assert found(named) == {("ديالى", "REGION")}
    assert found(model) == {("رائد العزاوي", "PERSON")}


# --- the name grammar --------------------------------------------------------------------------


def test_a_name_never_ends_with_the_first_half_of_a_compound() -> None:
    text = "قال سامي أبو الهيجاء إن الاتفاق قريب."
    cut = [
        mention(text, "سامي أبو", EntityType.PERSON, MODEL),
        mention(text, "الهيجاء", EntityType.PERSON, MODEL),
    ]
    assert found(refine_persons(text, tokenize(text), cut)) == {("سامي أبو الهيجاء", "PERSON")}
    alone = [mention(text, "سامي أبو", EntityType.PERSON, MODEL)]
    assert found(refine_persons(text, tokenize(text), alone)) == {("سامي أبو الهيجاء", "PERSON")}


def test_a_family_name_used_alone_is_not_run_on_into_the_next_word() -> None:
    text = "استقبل الوزير فيصل المقداد نظيره. وعقد المقداد اجتماعين مع الوفود."
    entities = [
        mention(text, "فيصل المقداد", EntityType.PERSON, GAZETTEER),
        mention(text, "المقداد اجتماعين", EntityType.PERSON, MODEL),
    ]
    assert found(without_surname_overrun(text, entities)) == {
        ("فيصل المقداد", "PERSON"),
        ("المقداد", "PERSON"),
    }


def test_a_given_name_or_a_fathers_name_is_no_family_name() -> None:
    text = "وصل خالد بن محمد. وقال محمد العتيبي إن خالد العمري وصل أيضا."
    entities = [
        mention(text, "خالد بن محمد", EntityType.PERSON, GAZETTEER),
        mention(text, "محمد العتيبي", EntityType.PERSON, MODEL),
        mention(text, "خالد العمري", EntityType.PERSON, MODEL),
    ]
    assert without_surname_overrun(text, entities) == entities


def test_a_disease_written_with_its_number_is_no_place() -> None:
    text = "تواصل الدول مكافحة كوفيد-19 في مدينة حلب-2 وغيرها."
    tokens = tokenize(text)
    disease = mention(text, "كوفيد", EntityType.CITY, MODEL)
    known = mention(text, "حلب", EntityType.CITY, GAZETTEER)
    assert without_place_idioms(tokens, [disease, known]) == [known]
    spaced = "تواصل الدول مكافحة كوفيد 19 بلا هوادة."
    kept = mention(spaced, "كوفيد", EntityType.CITY, MODEL)
    assert without_place_idioms(tokenize(spaced), [kept]) == [kept]


# --- organisations -----------------------------------------------------------------------------


def test_two_bodies_joined_by_wa_and_a_head_noun_are_two() -> None:
    text = "وقعت الهيئة مذكرة مع الشركة الوطنية للمياه وشركة الخليج للطاقة أمس."
    both = mention(text, "الشركة الوطنية للمياه وشركة الخليج للطاقة", EntityType.ORGANIZATION, MODEL)
    assert found(without_coordinated_bodies(text, tokenize(text), [both])) == {
        ("الشركة الوطنية للمياه", "ORGANIZATION"),
        ("شركة الخليج للطاقة", "ORGANIZATION"),
    }
    one = "زار الوفد وزارة الشؤون البلدية والقروية أمس."
    ministry = mention(one, "وزارة الشؤون البلدية والقروية", EntityType.ORGANIZATION, MODEL)
    assert without_coordinated_bodies(one, tokenize(one), [ministry]) == [ministry]


def test_a_known_body_and_its_nationality_stay_two_mentions() -> None:
    text = "وقال المتحدث، بحسب وكالة تاس الروسية، إن اللقاء مثمر."
    named = [
        mention(text, "وكالة تاس", EntityType.ORGANIZATION, GAZETTEER, subtype="media"),
        mention(text, "الروسية", EntityType.COUNTRY, GAZETTEER, subtype="nisba"),
    ]
    model = [mention(text, "تاس الروسية", EntityType.ORGANIZATION, MODEL)]
    assert found(merge_model_and_gazetteer(named, model)) == {("تاس", "ORGANIZATION"), ("الروسية", "COUNTRY")}


def test_a_body_ends_before_the_city_it_is_in() -> None:
    text = "زار الأمير مستشفى الملك فهد بجازان أمس."
    named = [mention(text, "جازان", EntityType.CITY, GAZETTEER)]
    model = [mention(text, "الملك فهد بجازان", EntityType.ORGANIZATION, MODEL)]
    assert found(merge_model_and_gazetteer(named, model)) == {
        ("جازان", "CITY"),
        ("الملك فهد", "ORGANIZATION"),
    }


# --- what a tagger with word vectors reads differently -------------------------------------


def test_a_common_word_that_names_a_place_is_a_place_only_in_context() -> None:
    from arextract.ner.backends import known_names
    from arextract.ner.builtin import GrammarRefinement
    from arextract.resources import ModelPaths

    refine = GrammarRefinement(known_names(ModelPaths.under().kb))
    floods = "وأغرقت سيول الأمطار الطرق في القرى."
    tagged = mention(floods, "سيول", EntityType.CITY, MODEL)
    assert refine(floods, tokenize(floods), [tagged]) == []
    capital = "ووصل الوفد إلى سيول مساء أمس."
    tagged = mention(capital, "سيول", EntityType.CITY, MODEL)
    assert found(refine(capital, tokenize(capital), [tagged])) == {("سيول", "CITY")}


def test_a_place_the_tagger_began_twice_is_one() -> None:
    from arextract.ner.builtin import join_split_places

    text = "وهطلت الأمطار على مدن إدفو وكوم أمبو والأقصر."
    split = [mention(text, "كوم", EntityType.CITY, MODEL), mention(text, "أمبو", EntityType.CITY, MODEL)]
    assert found(join_split_places(text, split)) == {("كوم أمبو", "CITY")}


def test_a_listed_official_the_tagger_found_without_his_given_name() -> None:
    text = "وحضر الحفل وزير النقل، وسعد المطيري رئيس الهيئة، وآخرون."
    tagged = [mention(text, "المطيري", EntityType.PERSON, MODEL)]
    assert found(refine_persons(text, tokenize(text), tagged)) == {("سعد المطيري", "PERSON")}


def test_a_given_name_runs_on_through_a_nisba_family_name() -> None:
    text = "وأكد المدير فهد الشمري أهمية البرنامج."
    tagged = [mention(text, "فهد", EntityType.PERSON, MODEL)]
    assert found(refine_persons(text, tokenize(text), tagged)) == {("فهد الشمري", "PERSON")}
    known = "وقال المتحدث إن جون الأمريكي وصل أمس."
    tagged = [mention(known, "جون", EntityType.PERSON, MODEL)]
    out = refine_persons(known, tokenize(known), tagged, is_known_word=lambda norm: norm == "الامريكي")
    assert found(out) == {("جون", "PERSON")}


def test_a_foreign_family_name_before_a_future_verb() -> None:
    text = "وقال المتحدث إن الوزير أحمد موسيفا سيزور المدينة غدا."
    tagged = [mention(text, "أحمد", EntityType.PERSON, MODEL)]
    assert found(refine_persons(text, tokenize(text), tagged)) == {("أحمد موسيفا", "PERSON")}
    past = "وقال المتحدث إن موسيفا أكد أن الزيارة قريبة."
    tagged = [mention(past, "موسيفا", EntityType.PERSON, MODEL)]
    assert found(refine_persons(past, tokenize(past), tagged)) == {("موسيفا", "PERSON")}


def test_a_verb_in_the_future_before_a_time_word_is_no_name() -> None:
    text = "وأعلن المكتب أن الوزير سيغادر اليوم إلى القاهرة."
    tagged = [mention(text, "سيغادر", EntityType.PERSON, MODEL)]
    assert refine_persons(text, tokenize(text), tagged) == []


# --- a country's nisba that is a given name (تركي) -------------------------------------------


def _with_nisba_country(text: str, word: str = "تركي") -> set[tuple[str, str]]:
    country = mention(text, word, EntityType.COUNTRY, GAZETTEER)
    return found(refine_persons(text, tokenize(text), [country], is_known_word=lambda norm: False))


def test_a_country_nisba_before_a_family_name_is_a_given_name() -> None:
    text = "وأوضح مدير مكتب التعليم بالمحافظة تركي السحيم أن الاختبارات تبدأ الأحد."
    assert _with_nisba_country(text) == {("تركي السحيم", "PERSON")}


def test_a_country_nisba_after_an_honorific_is_a_given_name() -> None:
    text = "وزار الأمير تركي مقر الجمعية صباح أمس."
    assert _with_nisba_country(text) == {("تركي", "PERSON")}


def test_a_country_nisba_describing_a_noun_stays_a_country() -> None:
    assert _with_nisba_country("وأكد مسؤول تركي الجنسية أن الحادث عرضي.") == {("تركي", "COUNTRY")}
    assert _with_nisba_country("وصرح دبلوماسي تركي رفيع بأن المحادثات مستمرة.") == {("تركي", "COUNTRY")}


def test_a_person_the_tagger_ended_at_al_runs_on_through_the_family_name() -> None:
    text = "وأوضح آل الشيخ أن الغلو يهدد أمن المجتمعات."
    al = mention(text, "آل", EntityType.PERSON, MODEL)
    assert found(refine_persons(text, tokenize(text), [al])) == {("آل الشيخ", "PERSON")}


# --- round 10: a name cut one word short -------------------------------------------------------


def test_a_foreign_name_runs_on_to_its_last_word_before_a_title() -> None:
    text = "وقال بيتر هانسون لويد متحدث باسم البعثة الأممية إن المحادثات ستستأنف."
    cut = [mention(text, "بيتر هانسون", EntityType.PERSON, MODEL)]
    assert found(with_speakers(text, tokenize(text), cut)) == {("بيتر هانسون لويد", "PERSON")}


def test_a_name_runs_on_to_its_last_word_before_the_complementiser() -> None:
    text = "وقال هنري كولمار، إن التقرير سيصدر قريبا."
    cut = [mention(text, "هنري", EntityType.PERSON, MODEL)]
    assert found(with_speakers(text, tokenize(text), cut)) == {("هنري كولمار", "PERSON")}


def test_an_adverb_or_the_one_told_after_a_name_is_no_last_name() -> None:
    for text in ("وقال كيري كذلك إن المحادثات مثمرة.", "وقال كيري لرويترز إن المحادثات مثمرة."):
        alone = [mention(text, "كيري", EntityType.PERSON, MODEL)]
        assert found(with_speakers(text, tokenize(text), alone)) == {("كيري", "PERSON")}


def test_a_name_after_an_honorific_read_from_its_family_name_alone() -> None:
    text = "وحضر الحفل المهندس مفلح الدوسري وعدد من المسؤولين."
    family = [mention(text, "الدوسري", EntityType.PERSON, MODEL)]
    assert found(refine_persons(text, tokenize(text), family)) == {("مفلح الدوسري", "PERSON")}


def test_a_father_named_like_a_title_ends_the_nasab() -> None:
    text = "وأشاد رئيس النادي بدعم فيصل بن مساعد للفريق."
    cut = [mention(text, "فيصل بن", EntityType.PERSON, MODEL)]
    assert found(refine_persons(text, tokenize(text), cut)) == {("فيصل بن مساعد", "PERSON")}


def test_a_regional_service_then_its_director_read_as_one_person() -> None:
    text = "ورافقه مدير تعليم تبوك سالم العطوي خلال الجولة."
    tokens = tokenize(text)
    run_on = mention(text, "تبوك سالم العطوي", EntityType.PERSON, MODEL)
    place = mention(text, "تبوك", EntityType.CITY, GAZETTEER)

    def known_place(first: int, last: int) -> Entity | None:
        return place if text[tokens[first].start : tokens[last].end] == "تبوك" else None

    named, model = without_titled_place(text, tokens, [place], [run_on], known_place)
    assert found(named) == {("تبوك", "CITY")}
    assert found(model) == {("سالم العطوي", "PERSON")}


def test_a_given_name_in_ta_marbuta_before_a_tagged_family_name_after_a_title() -> None:
    text = "وكانت وزيرة الثقافة اليمنية سمية الحداد قد صرحت بأن المعرض سيقام."
    family = [mention(text, "الحداد", EntityType.PERSON, MODEL)]
    assert found(with_speakers(text, tokenize(text), family)) == {("سمية الحداد", "PERSON")}
    text = "وأكد وزير الخارجية ضرورة التعاون بين البلدين."
    assert with_speakers(text, tokenize(text), []) == []


def test_a_family_name_after_a_definite_title_and_its_body_takes_its_given_name() -> None:
    text = "وأوضح المتحدث الرسمي لإدارة المرور بالقصيم ضيدان الشمري أن الحركة انسيابية."
    body = mention(text, "إدارة المرور بالقصيم", EntityType.ORGANIZATION, GAZETTEER)
    family = mention(text, "الشمري", EntityType.PERSON, MODEL)
    out = found(with_speakers(text, tokenize(text), [body, family]))
    assert ("ضيدان الشمري", "PERSON") in out and ("الشمري", "PERSON") not in out
    # a definite title alone adds no name the tagger did not read
    text = "وأكد المتحدث الرسمي لإدارة المرور بالقصيم ضرورة الالتزام بالأنظمة."
    body = mention(text, "إدارة المرور بالقصيم", EntityType.ORGANIZATION, GAZETTEER)
    assert found(with_speakers(text, tokenize(text), [body])) == {("إدارة المرور بالقصيم", "ORGANIZATION")}


def test_a_time_adverb_between_a_title_and_the_name_is_no_given_name() -> None:
    text = "وأجرى محادثات سرية مع الرئيس الإيراني آنذاك هاشمي رفسنجاني في طهران."
    name = [mention(text, "هاشمي رفسنجاني", EntityType.PERSON, MODEL)]
    assert found(with_speakers(text, tokenize(text), name)) == {("هاشمي رفسنجاني", "PERSON")}
