"""The relation layer: acceptance on the seeds, gold scores, and each mechanism on its own."""

from pathlib import Path

import pytest

import arextract
from arextract import ArextractError, Document, Pipeline
from arextract.evaluation.relations import evaluate
from arextract.relations import RelationExtractor

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"


def relations(doc: Document, kind: str) -> list[tuple[list[tuple[str, str]], str | None, dict]]:
    """(role, canonical) arguments, the date value as text, and attributes of each relation."""
    names = {entity.id: entity.canonical for entity in doc.entities}
    out = []
    for relation in doc.relations:
        if relation.type.value != kind:
            continue
        value = relation.date.value if relation.date else None
        date = value if value is None or isinstance(value, str) else f"{value.start}/{value.end}"
        out.append(([(a.role, names[a.entity_id]) for a in relation.arguments], date, relation.attributes))
    return out


@pytest.fixture(scope="module")
def seed_docs(seed_texts: dict[str, str]) -> dict[str, Document]:
    nlp = Pipeline()
    return {key: nlp(text) for key, text in seed_texts.items()}


# --- the acceptance -----------------------------------------------------------


def test_seed_001_meeting_with_date(seed_docs: dict[str, Document]) -> None:
    meetings = relations(seed_docs["001"], "MEETING")
    assert (
        [("participant", "وانغ يي"), ("participant", "مختار تليوبردي")],
        "2020-09-12",
        {"rule": "meeting-noun"},
    ) in meetings


def test_seed_004_phone_call_with_date(seed_docs: dict[str, Document]) -> None:
    calls = relations(seed_docs["004"], "PHONE_CALL")
    assert [(args, date) for args, date, _ in calls] == [
        ([("participant", "شي جين بينغ"), ("participant", "ألكسندر لوكاشينكو")], "2021-01-26")
    ]


def test_seed_000_four_visits_by_wang_yi(seed_docs: dict[str, Document]) -> None:
    visits = relations(seed_docs["000"], "VISIT")
    destinations = [dict(args)["destination"] for args, _, _ in visits if dict(args)["visitor"] == "وانغ يي"]
    assert destinations == ["روسيا", "قازاقستان", "قيرغيزستان", "منغوليا"]
    assert {date for _, date, _ in visits} == {"XXXX-09-10/XXXX-09-16"}


def test_seed_003_proposal_of_the_belt_and_road_in_2013(seed_docs: dict[str, Document]) -> None:
    proposals = relations(seed_docs["003"], "PROPOSAL")
    assert ([("proposer", "شي جين بينغ"), ("initiative", "مبادرة الحزام والطريق")], "2013") in [
        (args, date) for args, date, _ in proposals
    ]


def test_seed_001_kazakhstan_supports_the_data_security_initiative(seed_docs: dict[str, Document]) -> None:
    supports = [args for args, _, _ in relations(seed_docs["001"], "SUPPORT")]
    assert [("supporter", "قازاقستان"), ("supported", "المبادرة العالمية لأمن البيانات")] in supports


def test_every_titled_person_gets_a_role(seed_docs: dict[str, Document]) -> None:
    roles = {
        key: {
            (dict(args)["person"], dict(args).get("affiliation"), attrs["title"])
            for args, _, attrs in relations(doc, "ROLE")
        }
        for key, doc in seed_docs.items()
    }
    assert ("وانغ يي", "الصين", "عضو مجلس الدولة ووزير الخارجية") in roles["001"]
    assert ("مختار تليوبردي", "قازاقستان", "وزير خارجية") in roles["001"]
    assert ("مختار تليوبردي", "قازاقستان", "نائب رئيس الوزراء ووزير الخارجية") in roles["002"]
    assert ("شي جين بينغ", "الصين", "الرئيس") in roles["004"]
    # "نظيره البيلاروسي": the counterpart holds the same office as the actor
    assert ("ألكسندر لوكاشينكو", "بيلاروسيا", "الرئيس") in roles["004"]
    # "رئيس الصين شي جين بينج" and, without a nationality, "عضو مجلس الدولة وزير الخارجية وانج يي"
    assert ("شي جين بينغ", "الصين", "رئيس") in roles["003"]
    assert ("وانغ يي", None, "عضو مجلس الدولة وزير الخارجية") in roles["003"]


def test_evidence_covers_trigger_and_arguments() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [path.read_text(encoding="utf-8") for path in sorted((GOLD / "general").glob("*.txt"))]
    nlp = Pipeline()
    checked = 0
    for text in texts:
        doc = nlp(text)
        entities = {entity.id: entity for entity in doc.entities}
        for relation in doc.relations:
            spans = [relation.trigger] + [entities[a.entity_id] for a in relation.arguments]
            assert all(relation.evidence.start <= s.start and s.end <= relation.evidence.end for s in spans)
            assert text[relation.evidence.start : relation.evidence.end] == relation.evidence.text
            checked += 1
    assert checked > 200


# --- scores against the hand-written gold (tests/gold/GUIDELINES.md) -------------------


@pytest.mark.parametrize(
    ("folder", "relations_in_gold", "precision", "recall", "date_accuracy"),
    [
        # the seeds: 0.02 under the figures measured when the rules were last changed
        ("seeds", 95, 0.957, 0.885, 0.98),
        # 18 texts about other countries and people, written by hand: 0.02 under the figures
        # measured when the rules were last changed (docs/relations.md)
        ("general", 209, 0.928, 0.856, 0.903),
    ],
)
def test_gold_scores(
    folder: str, relations_in_gold: int, precision: float, recall: float, date_accuracy: float
) -> None:
    report = evaluate([GOLD / folder], Pipeline())
    assert report.total.gold == relations_in_gold
    assert report.total.precision >= precision, report.spurious
    assert report.total.recall >= recall, report.misses
    assert report.total.date_accuracy >= date_accuracy, report.wrong_dates


# --- mechanisms, on sentences written for the purpose ---------------------------------


def extract(text: str) -> Document:
    return arextract.extract(text, doc_date="2023-03-15")


def test_coordinated_destinations_give_one_visit_each() -> None:
    doc = extract("ومن المقرر أن يزور الرئيس التركي رجب طيب أردوغان مصر والأردن والعراق الشهر المقبل.")
    visits = relations(doc, "VISIT")
    assert [dict(args)["destination"] for args, _, _ in visits] == ["مصر", "الأردن", "العراق"]
    assert all(date == "2023-04" and attrs["modality"] == "planned" for _, date, attrs in visits)


def test_coordinated_parties_share_one_agreement() -> None:
    doc = extract("اتفقت مصر والسعودية والإمارات على تنسيق المواقف.")
    assert [args for args, _, _ in relations(doc, "AGREEMENT")] == [
        [("party", "مصر"), ("party", "السعودية"), ("party", "الإمارات")]
    ]


def test_dual_reference_stands_for_both_countries() -> None:
    doc = extract(
        "التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي. واتفق البلدان على عقد القمة."
    )
    parties = {name for args, _, _ in relations(doc, "AGREEMENT") for _, name in args}
    assert parties == {"مصر", "الأردن"}


def test_negation_and_plans_are_modalities() -> None:
    doc = extract("ولم يلتق الرئيس الفرنسي إيمانويل ماكرون الرئيس الجزائري عبد المجيد تبون.")
    assert [attrs.get("modality") for _, _, attrs in relations(doc, "MEETING")] == ["negated"]
    doc = extract("وسيزور وزير الخارجية المصري سامح شكري الأردن.")
    assert [attrs.get("modality") for _, _, attrs in relations(doc, "VISIT")] == ["planned"]


def test_carried_subject_across_sentences() -> None:
    doc = extract("وقال وزير الخارجية الأردني أيمن الصفدي إن الأزمة خطيرة. وأضاف أن الحل سياسي.")
    speakers = [dict(args)["speaker"] for args, _, _ in relations(doc, "STATEMENT")]
    assert speakers == ["أيمن الصفدي", "أيمن الصفدي"]
    quotes = [attrs["quote"]["text"] for _, _, attrs in relations(doc, "STATEMENT")]
    assert quotes == ["الأزمة خطيرة", "الحل سياسي"]


def test_royal_and_honorific_titles() -> None:
    doc = extract("استقبل العاهل الأردني الملك عبد الله الثاني الرئيس المصري عبد الفتاح السيسي.")
    roles = {(dict(args)["person"], attrs["title"]) for args, _, attrs in relations(doc, "ROLE")}
    assert ("عبد الله الثاني", "العاهل") in roles
    assert ("عبد الفتاح السيسي", "الرئيس") in roles
    doc = extract("التقى معالي السيد بدر بن حمد البوسعيدي وزير الخارجية، الرئيس التركي رجب طيب أردوغان.")
    roles = {(dict(args)["person"], attrs["title"]) for args, _, attrs in relations(doc, "ROLE")}
    assert ("بدر بن حمد البوسعيدي", "وزير الخارجية") in roles


def test_time_in_the_clause_dates_the_relation() -> None:
    doc = arextract.extract(
        "عمّان 15 آذار/مارس 2023 (بترا) - التقى وزير الخارجية أيمن الصفدي، يوم الأحد الماضي، "
        "وزير الخارجية المصري سامح شكري."
    )
    assert [date for _, date, _ in relations(doc, "MEETING")] == ["2023-03-12"]


def test_a_time_set_off_by_commas_dates_the_clause_before_it() -> None:
    doc = arextract.extract(
        "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع الرئيس التونسي قيس سعيد في مارس "
        "الماضي، ثم استقبل ماكرون وزير الخارجية التونسي نبيل عمار في قصر الإليزيه بباريس، في "
        "أكتوبر الماضي."
    )
    assert [date for _, date, _ in relations(doc, "PHONE_CALL")] == ["XXXX-03"]
    assert [date for _, date, _ in relations(doc, "MEETING")] == ["XXXX-10"]


def test_a_time_in_what_another_speech_verb_reports_dates_nothing_before_it() -> None:
    doc = arextract.extract(
        "وقال وزير الدفاع الأمريكي لويد أوستن إنه والملك عبدالله الثاني أكدا خلال المحادثات "
        "أهمية التنسيق الأمني، وقال الوزير: إن بلاده ستستضيف اجتماعا للتحالف في نوفمبر."
    )
    assert [date for _, date, _ in relations(doc, "MEETING")] == [None]


def test_the_lead_event_of_the_day_before_dates_the_story() -> None:
    # the lead's call was yesterday: what follows of it has yesterday's date, not the dateline's
    doc = arextract.extract(
        "تونس 14 مارس 2024 (وات) - أجرى وزير الخارجية التونسي نبيل عمار، مساء أمس الأربعاء، "
        "محادثات هاتفية مع وزير الخارجية الإيطالي أنطونيو تاياني.\n"
        "وأكد عمار حرص تونس على تطوير التعاون مع إيطاليا."
    )
    assert [date for _, date, _ in relations(doc, "PHONE_CALL")] == ["2024-03-13"]
    assert [date for _, date, _ in relations(doc, "STATEMENT")] == ["2024-03-13"]


def test_a_pluperfect_visit_is_not_the_story_event() -> None:
    doc = arextract.extract(
        "عمّان 15 آذار/مارس 2023 (بترا) - التقى وزير الخارجية أيمن الصفدي اليوم الأربعاء وزير "
        "الخارجية الإسباني خوسيه مانويل ألباريس.\n"
        "وكان ألباريس قد زار لبنان قبل وصوله إلى عمّان."
    )
    assert {dict(args)["destination"]: date for args, date, _ in relations(doc, "VISIT")} == {
        "لبنان": None,
        "عمان": "2023-03-15",
    }


# --- user rules -------------------------------------------------------------------------

USER_RULES = """
[[rule]]
id = "hosted"
type = "MEETING"
pos = "verb"
triggers = ["استضاف", "استضافت"]
min_arguments = 2
slots = [
    { role = "participant", find = "subject", types = ["PERSON", "COUNTRY"] },
    { role = "participant", find = "object", types = ["PERSON", "COUNTRY"] },
]
"""


def test_a_user_rule_file_adds_a_trigger(tmp_path: Path) -> None:
    text = "استضاف الرئيس المصري عبد الفتاح السيسي الرئيس الفرنسي إيمانويل ماكرون في القاهرة."
    assert relations(arextract.extract(text), "MEETING") == []
    rules = tmp_path / "my_rules.toml"
    rules.write_text(USER_RULES, encoding="utf-8")
    doc = Pipeline(rules=rules)(text)
    assert [args for args, _, _ in relations(doc, "MEETING")] == [
        [("participant", "عبد الفتاح السيسي"), ("participant", "إيمانويل ماكرون")]
    ]


USER_LEXICONS = """
[lexicons]
# "ويرتقب أن يلتقي ...": "it is expected that ... will meet" announces a plan
planned = ["يرتقب", "ترتقب"]
# "وأكد سموه" may also stand for a prince introduced as "الأمير"
honorific_pronouns = { "سموه" = ["الأمير"] }
"""


def test_a_user_rule_file_extends_the_lexicons(tmp_path: Path) -> None:
    text = "ويرتقب أن يلتقي وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان."
    assert [attrs.get("modality") for _, _, attrs in relations(extract(text), "MEETING")] == [None]
    rules = tmp_path / "my_words.toml"
    rules.write_text(USER_LEXICONS, encoding="utf-8")
    doc = Pipeline(rules=rules)(text)
    assert [attrs.get("modality") for _, _, attrs in relations(doc, "MEETING")] == ["planned"]
    # the user's words join the shipped ones, which keep working
    lexicons = RelationExtractor([rules]).lexicons
    assert lexicons.planned[-2:] == ["يرتقب", "ترتقب"] and "يعتزم" in lexicons.planned
    assert lexicons.honorific_pronouns["سموه"] == ["سمو", "السمو", "الأمير"]
    assert lexicons.honorific_pronouns["معاليه"] == ["معالي"]


def test_an_invalid_rule_file_is_a_clear_error(tmp_path: Path) -> None:
    rules = tmp_path / "bad.toml"
    rules.write_text(USER_RULES.replace('type = "MEETING"', 'type = "LUNCH"'), encoding="utf-8")
    with pytest.raises(ArextractError, match=r"invalid rule file .*bad\.toml"):
        Pipeline(rules=rules)
    rules.write_text("[[rule]\nid = ", encoding="utf-8")
    with pytest.raises(ArextractError, match="cannot read rule file"):
        Pipeline(rules=rules)
