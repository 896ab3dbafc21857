"""Event names of the phrase stage end where the name ends (issue #15: the pipeline tagged
press conferences and ran event names on into the clause). Sentences written for these tests."""

from __future__ import annotations

import arextract
from arextract.schema import EntityType


def events(text: str) -> list[str]:
    return [
        e.text for e in arextract.extract(text).entities if e.type is EntityType.EVENT and e.source == "rule"
    ]


def test_a_press_conference_or_another_meeting_is_no_event_name() -> None:
    assert events("وقال الوزير في مؤتمر صحفي مشترك إن المحادثات كانت مثمرة.") == []
    assert events("واتفق الطرفان على عقد اجتماع آخر الشهر المقبل.") == []
    assert events("وعقدت الوزيرة مؤتمرا صحفيا لشرح موقف حكومتها.") == []


def test_an_event_name_ends_before_the_place_it_is_held_in() -> None:
    found = events("وشارك الوفد في اجتماعات منتدى التعاون الاقتصادي ببروكسل أمس.")
    assert found and not any("بروكسل" in name for name in found)
    assert any(name.startswith("اجتماعات منتدى التعاون الاقتصادي") for name in found)


def test_an_event_name_ends_at_a_verb_a_relative_or_a_duration() -> None:
    for text, name in [
        ("وافتتح الأمير ملتقى الاستثمار الخليجي يستمر ثلاثة أيام.", "ملتقى الاستثمار الخليجي"),
        (
            "وانطلقت أعمال الدورة الخامسة لمنتدى المدن العربية والتي تناقش قضايا المياه.",
            "الدورة الخامسة لمنتدى المدن العربية",
        ),
        ("ويأتي ذلك ضمن ملتقى الأديان لمدة عامين بين المؤسستين.", "ملتقى الأديان"),
    ]:
        assert name in events(text), text
        assert all(len(found.split()) <= len(name.split()) for found in events(text)), text


def test_a_place_whose_name_begins_with_ba_stays_in_the_event_name() -> None:
    assert any(
        name.startswith("قمة بكين") for name in events("وشارك الرئيس في قمة بكين للتعاون الصيني الأفريقي.")
    )


def test_a_dialogue_is_an_event_name_only_with_a_name_in_it() -> None:
    assert events("ودعا البيان إلى الحوار الفعلي بين الطرفين.") == []
    assert events("وانطلق الحوار الاستراتيجي الصيني الأمريكي في بكين.") == [
        "الحوار الاستراتيجي الصيني الأمريكي"
    ]


def test_a_top_match_is_no_summit() -> None:
    assert events("وتقام مباراة قمة المجموعة الأولى بين الفريقين مساء الجمعة المقبل.") == []


def test_an_event_name_ends_before_a_time_phrase() -> None:
    assert events("وتحدث الوزير للصحفيين قبل مؤتمر المانحين الدولي بوقت قصير.") == ["مؤتمر المانحين الدولي"]
    assert events("وسيعقد اجتماع مجلس الأمناء بوقت لاحق بمقر الجامعة في عمان.") == ["اجتماع مجلس الأمناء"]
