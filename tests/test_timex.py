"""Tests for arextract.timex: a table of expressions, the seed stories, and properties."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hijridate import Hijri
from hypothesis import given, settings
from hypothesis import strategies as st

from arextract.schema import Interval, Time
from arextract.text.normalize import normalize
from arextract.timex import document_date, find_dateline, find_times, governing_time
from arextract.timex.patterns import expression_patterns

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def hijri(y: int, m: int, d: int) -> str:
    """The expected Gregorian value, computed by hijridate itself rather than by hand."""
    return Hijri(y, m, d).to_gregorian().isoformat()


def hijri_day_before(y: int, m: int, d: int) -> str:
    return (Hijri(y, m, d).to_gregorian() - timedelta(days=1)).isoformat()


def hijri_month(y: int, m: int) -> Interval:
    first = Hijri(y, m, 1).to_gregorian()
    last = Hijri(y, m, Hijri(y, m, 1).month_length()).to_gregorian()
    return Interval(start=first.isoformat(), end=last.isoformat())


D = date
# 2020-09-12 is a Saturday, 2021-01-01 a Friday, 2020-12-29 a Tuesday.
SAT = D(2020, 9, 12)

# (sentence, anchor, expected text, expected value, expected granularity)
CASES: list[tuple[str, date | None, str, str | Interval | None, str]] = [
    # --- Gulf/Egyptian month names
    ("وصل الوفد في 12 سبتمبر 2020 إلى الرياض.", None, "12 سبتمبر 2020", "2020-09-12", "day"),
    ("عقد الاجتماع في 3 إبريل 2019 بالقاهرة.", None, "3 إبريل 2019", "2019-04-03", "day"),
    ("وقعت الاتفاقية في 3 أبريل عام 2019.", None, "3 أبريل عام 2019", "2019-04-03", "day"),
    ("خرجت المظاهرات في 30 يونيه 2013 في القاهرة.", None, "30 يونيه 2013", "2013-06-30", "day"),
    ("قامت الثورة في 23 يوليه 1952.", None, "23 يوليه 1952", "1952-07-23", "day"),
    ("انسحبت القوات في 15 أغسطس 2021 من المدينة.", None, "15 أغسطس 2021", "2021-08-15", "day"),
    ("وتنتهي المهلة يوم 31 ديسمبر 2022.", None, "31 ديسمبر 2022", "2022-12-31", "day"),
    ("أعلن ذلك الأربعاء 16 سبتمبر 2020 في بكين.", None, "الأربعاء 16 سبتمبر 2020", "2020-09-16", "day"),
    # --- Levantine/Iraqi
    ("عاد الوزير في 5 حزيران 2022 إلى دمشق.", None, "5 حزيران 2022", "2022-06-05", "day"),
    ("جرت الانتخابات في 14 تموز 2015.", None, "14 تموز 2015", "2015-07-14", "day"),
    ("يبدأ العمل بالقانون في 1 كانون الثاني 2020.", None, "1 كانون الثاني 2020", "2020-01-01", "day"),
    ("احتفلت المدينة في 25 كانون الأول 2019.", None, "25 كانون الأول 2019", "2019-12-25", "day"),
    ("التقى الوزيران في 3 تشرين الأول 2021 ببغداد.", None, "3 تشرين الأول 2021", "2021-10-03", "day"),
    ("صدر القرار في 10 تشرين الثاني 2018.", None, "10 تشرين الثاني 2018", "2018-11-10", "day"),
    ("وصل الوفد في 6 شباط 2023 إلى عمان.", None, "6 شباط 2023", "2023-02-06", "day"),
    ("سقطت بغداد في 9 نيسان 2003.", None, "9 نيسان 2003", "2003-04-09", "day"),
    ("اجتاحت القوات الكويت في 2 آب 1990.", None, "2 آب 1990", "1990-08-02", "day"),
    ("أقيم الحفل في 20 أيار 2021.", None, "20 أيار 2021", "2021-05-20", "day"),
    ("وفي 17 أيلول 2019 عقد اللقاء.", None, "17 أيلول 2019", "2019-09-17", "day"),
    # --- Maghrebi
    ("استقلت الجزائر في 5 جويلية 1962.", None, "5 جويلية 1962", "1962-07-05", "day"),
    ("اندلعت الثورة في 1 نوفمبر 1954.", None, "1 نوفمبر 1954", "1954-11-01", "day"),
    ("أعلن الرئيس في 17 جانفي 2021 عن تعديل.", None, "17 جانفي 2021", "2021-01-17", "day"),
    ("انطلق الحراك في 22 فيفري 2019.", None, "22 فيفري 2019", "2019-02-22", "day"),
    ("انتهت الحرب في 8 ماي 1945.", None, "8 ماي 1945", "1945-05-08", "day"),
    ("تجري الانتخابات في 20 أفريل 2019.", None, "20 أفريل 2019", "2019-04-20", "day"),
    ("عاد الفريق في 15 أوت 2022 إلى تونس.", None, "15 أوت 2022", "2022-08-15", "day"),
    ("تنطلق الدورة في 21 جوان 2020.", None, "21 جوان 2020", "2020-06-21", "day"),
    # an ambiguous name is a month before a direction word too
    ("وكان الوزيران قد التقيا في جوان الماضي بتونس.", SAT, "جوان الماضي", "2020-06", "month"),
    ("ويزور الرئيس الجزائر في أوت المقبل.", SAT, "أوت المقبل", "2021-08", "month"),
    # Moroccan names
    ("وقع البلدان الاتفاق في 30 يوليوز 2021.", None, "30 يوليوز 2021", "2021-07-30", "day"),
    ("ويعقد المنتدى في 12 غشت 2023.", None, "12 غشت 2023", "2023-08-12", "day"),
    # --- paired month names
    ("بدأت المفاوضات في 3 آذار (مارس) 2021 في جنيف.", None, "3 آذار (مارس) 2021", "2021-03-03", "day"),
    ("وفي 10 آذار/مارس 2021 انتهت.", None, "10 آذار/مارس 2021", "2021-03-10", "day"),
    ("أعلن في 4 كانون الثاني/يناير 2022 أنه.", None, "4 كانون الثاني/يناير 2022", "2022-01-04", "day"),
    # --- digits and diacritics
    ("وصل الوفد في ١٢ سبتمبر ٢٠٢٠ إلى المدينة.", None, "١٢ سبتمبر ٢٠٢٠", "2020-09-12", "day"),
    ("وقعت الاتفاقية في ۵ مايو ۲۰۲۱.", None, "۵ مايو ۲۰۲۱", "2021-05-05", "day"),
    ("وصَلَ في ١٢ سبتـمبـر ٢٠٢٠ مساءً.", None, "١٢ سبتـمبـر ٢٠٢٠", "2020-09-12", "day"),
    ("صدر القرار بتاريخ 12/09/2020 عن الوزارة.", None, "12/09/2020", "2020-09-12", "day"),
    # --- day and month without year
    ("يصل الرئيس في 12 سبتمبر إلى موسكو.", None, "12 سبتمبر", "XXXX-09-12", "day"),
    (
        "ويعقد المؤتمر في الـ12 من سبتمبر المقبل.",
        D(2020, 8, 1),
        "الـ12 من سبتمبر المقبل",
        "2020-09-12",
        "day",
    ),
    ("وقعت الاتفاقية في 5 أكتوبر/تشرين الأول 2020.", None, "5 أكتوبر/تشرين الأول 2020", "2020-10-05", "day"),
    ("عاد الوفد في 28 ديسمبر من الجولة.", D(2021, 1, 2), "28 ديسمبر", "2020-12-28", "day"),
    ("ويبدأ المعرض في 5 يناير المقبل.", D(2020, 12, 20), "5 يناير المقبل", "2021-01-05", "day"),
    ("وكان قد زار البلاد في 20 سبتمبر الماضي.", SAT, "20 سبتمبر الماضي", "2019-09-20", "day"),
    # --- Hijri
    ("يبدأ الموسم في 5 ربيع الأول 1445 هـ.", None, "5 ربيع الأول 1445 هـ", hijri(1445, 3, 5), "day"),
    ("أقيم الحفل في 15 رمضان 1444هـ بمكة.", None, "15 رمضان 1444هـ", hijri(1444, 9, 15), "day"),
    ("تبدأ السنة في 1 محرم 1446 هـ.", None, "1 محرم 1446 هـ", hijri(1446, 1, 1), "day"),
    ("ويوافق يوم النحر 10 ذو الحجة 1444 هـ.", None, "10 ذو الحجة 1444 هـ", hijri(1444, 12, 10), "day"),
    ("يحتفل المسلمون في 27 رجب 1445 هـ.", None, "27 رجب 1445 هـ", hijri(1445, 7, 27), "day"),
    ("ولد في 12 ربيع الاول 1445.", None, "12 ربيع الاول 1445", hijri(1445, 3, 12), "day"),
    ("صدر الأمر في 3 جمادى الآخرة 1443 هـ.", None, "3 جمادى الآخرة 1443 هـ", hijri(1443, 6, 3), "day"),
    ("ويبدأ القبول في 1 ذي القعدة 1444 هـ.", None, "1 ذي القعدة 1444 هـ", hijri(1444, 11, 1), "day"),
    ("وصل في ٢٠ شعبان ١٤٤٤ هـ.", None, "٢٠ شعبان ١٤٤٤ هـ", hijri(1444, 8, 20), "day"),
    (
        "الرياض 15 رمضان 1444 هـ الموافق 6 أبريل 2023 م (واس) أعلن.",
        None,
        "15 رمضان 1444 هـ الموافق 6 أبريل 2023 م",
        "2023-04-06",
        "day",
    ),
    ("تقام الفعاليات خلال شهر رمضان 1444 هـ.", None, "شهر رمضان 1444 هـ", hijri_month(1444, 9), "month"),
    ("يصل الحجاج في 8 ذو الحجة المقبل.", None, "8 ذو الحجة", None, "day"),
    ("يصل الحجاج في 8 ذو الحجة المقبل.", D(2023, 6, 20), "8 ذو الحجة", hijri(1444, 12, 8), "day"),
    (
        "تأسست المدرسة عام 1445 هـ.",
        None,
        "عام 1445 هـ",
        Interval(start=hijri(1445, 1, 1), end=hijri_day_before(1446, 1, 1)),
        "year",
    ),
    # --- years
    ("في عام 2013، اقترح الرئيس المبادرة.", None, "عام 2013", "2013", "year"),
    ("وفي 2021 أعلنت الحكومة الخطة.", None, "2021", "2021", "year"),
    ("وتهدف الخطة إلى العام 2030 كموعد نهائي.", None, "العام 2030", "2030", "year"),
    ("تأسست الشركة سنة 2019 في دبي.", None, "سنة 2019", "2019", "year"),
    ("وقعت الاتفاقية عام 2013م في أستانا.", None, "عام 2013م", "2013", "year"),
    ("وتدعم المملكة رؤية 2030 الطموحة.", None, "2030", "2030", "year"),
    ("تحقيق أهداف التنمية المستدامة 2030.", None, "2030", "2030", "year"),
    # --- month and year
    ("أطلقت المبادرة في سبتمبر 2020 رسميا.", None, "سبتمبر 2020", "2020-09", "month"),
    ("عقدت القمة في أيلول 2020 في عمان.", None, "أيلول 2020", "2020-09", "month"),
    ("ستفتتح المحطة في شهر مايو 2021.", None, "شهر مايو 2021", "2021-05", "month"),
    ("وكان قد زار المدينة في سبتمبر الماضي.", D(2020, 10, 5), "سبتمبر الماضي", "2020-09", "month"),
    ("وتنطلق الدورة في مارس.", None, "مارس", "XXXX-03", "month"),
    # --- ranges
    (
        "زار الوزير روسيا في الفترة من 10 إلى 16 سبتمبر، ثم عاد.",
        None,
        "من 10 إلى 16 سبتمبر",
        Interval(start="XXXX-09-10", end="XXXX-09-16"),
        "range",
    ),
    (
        "تعقد الدورة من 10 إلى 16 سبتمبر 2020 في بكين.",
        None,
        "من 10 إلى 16 سبتمبر 2020",
        Interval(start="2020-09-10", end="2020-09-16"),
        "range",
    ),
    (
        "أجريت الدراسة بين عامي 2013 و2020 في المنطقة.",
        None,
        "بين عامي 2013 و2020",
        Interval(start="2013", end="2020"),
        "range",
    ),
    (
        "ويقام المعرض بين 5 و7 مايو في الدوحة.",
        D(2021, 5, 1),
        "بين 5 و7 مايو",
        Interval(start="2021-05-05", end="2021-05-07"),
        "range",
    ),
    (
        "تستمر الجولة من 28 أغسطس إلى 3 سبتمبر 2020.",
        None,
        "من 28 أغسطس إلى 3 سبتمبر 2020",
        Interval(start="2020-08-28", end="2020-09-03"),
        "range",
    ),
    (
        "يستمر الحظر حتى 2 يونيو المقبل.",
        D(2021, 5, 1),
        "حتى 2 يونيو المقبل",
        Interval(start=None, end="2021-06-02"),
        "range",
    ),
    ("وتمتد الخطة حتى عام 2030.", None, "حتى عام 2030", Interval(start=None, end="2030"), "range"),
    (
        "يستمر الحظر حتى 2 يونيو.",
        D(2021, 5, 1),
        "حتى 2 يونيو",
        Interval(start=None, end="2021-06-02"),
        "range",
    ),
    (
        "ويقام المعرض بين 5 و7 مايو.",
        None,
        "بين 5 و7 مايو",
        Interval(start="XXXX-05-05", end="XXXX-05-07"),
        "range",
    ),
    ("وتغطي الخطة الفترة 2021-2025 كاملة.", None, "2021-2025", Interval(start="2021", end="2025"), "range"),
    (
        "من يناير إلى مارس 2021 ارتفعت الصادرات.",
        None,
        "من يناير إلى مارس 2021",
        Interval(start="2021-01", end="2021-03"),
        "range",
    ),
    # --- weekdays, anchored across month and year boundaries
    ("التقى الرئيسان يوم الأربعاء في بكين.", D(2021, 1, 1), "يوم الأربعاء", "2020-12-30", "day"),
    ("وقال الوزير (الأربعاء) إن البلدين.", SAT, "(الأربعاء)", "2020-09-09", "day"),
    ("وكان قد زار البلاد الأحد الماضي.", D(2020, 9, 13), "الأحد الماضي", "2020-09-06", "day"),
    ("ويصل الوفد السبت المقبل.", D(2020, 12, 29), "السبت المقبل", "2021-01-02", "day"),
    ("ويعقد الاجتماع الخميس القادم.", D(2020, 12, 31), "الخميس القادم", "2021-01-07", "day"),
    ("وأدى الصلاة يوم الجمعة.", D(2021, 1, 1), "يوم الجمعة", "2021-01-01", "day"),
    ("وعقد المجلس جلسته يوم الاثنين.", D(2020, 3, 1), "يوم الاثنين", "2020-02-24", "day"),
    ("التقى الرئيسان يوم الأربعاء في بكين.", None, "يوم الأربعاء", None, "day"),
    # --- relative days
    ("قال الوزير هنا اليوم (السبت) إن.", SAT, "اليوم (السبت)", "2020-09-12", "day"),
    ("قال الوزير اليوم (الأحد) إن.", SAT, "اليوم (الأحد)", "2020-09-12", "day"),
    ("أعلنت الوزارة اليوم عن خطة.", SAT, "اليوم", "2020-09-12", "day"),
    ("وقال الرئيس أمس إن البلدين.", D(2021, 1, 1), "أمس", "2020-12-31", "day"),
    ("وذكرت الوكالة امس ان الوفد.", SAT, "امس", "2020-09-11", "day"),
    ("وكان الوزير قد وصل أمس الأول.", D(2020, 3, 1), "أمس الأول", "2020-02-28", "day"),
    ("ويصل الوفد غداً إلى القاهرة.", D(2020, 12, 31), "غداً", "2021-01-01", "day"),
    ("وتعقد الجلسة بعد غد في جنيف.", SAT, "بعد غد", "2020-09-14", "day"),
    ("وقال الرئيس أمس إن البلدين.", None, "أمس", None, "day"),
    ("وأكد الوزير وأمس أن.", SAT, "أمس", "2020-09-11", "day"),
    ("وكان الوفد قد وصل أول من أمس.", SAT, "أول من أمس", "2020-09-10", "day"),
    ("وقال الوزير بالأمس إن.", SAT, "الأمس", "2020-09-11", "day"),
    ("وعقد اللقاء الجمعة الماضية.", SAT, "الجمعة الماضية", "2020-09-11", "day"),
    # --- relative periods
    ("عقد الاجتماع الأسبوع الماضي.", SAT, "الأسبوع الماضي", "2020-W36", "week"),
    ("ويعقد الاجتماع الأسبوع المقبل.", D(2020, 12, 31), "الأسبوع المقبل", "2021-W01", "week"),
    ("تبدأ المرحلة الشهر المقبل.", SAT, "الشهر المقبل", "2020-10", "month"),
    ("ارتفعت الأسعار الشهر الماضي.", D(2021, 1, 15), "الشهر الماضي", "2020-12", "month"),
    ("وتنتهي الأعمال خلال الشهر الجاري.", SAT, "الشهر الجاري", "2020-09", "month"),
    ("اتفقا على الشراكة العام الماضي.", SAT, "العام الماضي", "2019", "year"),
    ("وتعقد القمة العام المقبل.", SAT, "العام المقبل", "2021", "year"),
    ("وتعقد القمة العام القادم.", SAT, "العام القادم", "2021", "year"),
    ("وأشار إلى أن هذا العام هو العام الأول.", D(2021, 1, 26), "هذا العام", "2021", "year"),
    ("وتنتهي المرحلة نهاية العام الجاري.", SAT, "العام الجاري", "2020", "year"),
    ("وارتفعت الأسعار السنة الماضية.", D(2021, 1, 1), "السنة الماضية", "2020", "year"),
    ("وتعقد الجلسات هذا الأسبوع.", D(2021, 1, 1), "هذا الأسبوع", "2020-W53", "week"),
    ("اتفقا على الشراكة العام الماضي.", None, "العام الماضي", None, "year"),
    # --- parts of day
    ("ويصل الوفد مساء اليوم إلى بكين.", SAT, "مساء اليوم", "2020-09-12", "part_of_day"),
    ("ووقع الانفجار صباح أمس في المدينة.", SAT, "صباح أمس", "2020-09-11", "part_of_day"),
    ("والتقى الوزيران مساء الثلاثاء.", SAT, "مساء الثلاثاء", "2020-09-08", "part_of_day"),
    ("ووقع الانفجار صباح أمس في المدينة.", None, "صباح أمس", None, "part_of_day"),
    ("وصل الوفد مساء يوم الجمعة.", D(2021, 1, 2), "مساء يوم الجمعة", "2021-01-01", "part_of_day"),
]

# Sentences that contain no time expression at all.
NEGATIVES = [
    "أكد الجانبان أهمية التعاون في مكافحة كوفيد-19 والسيطرة عليه.",
    "وشارك في القمة قادة مجموعة العشرين.",
    "وخصصت الحكومة 10 ملايين دولار للمشروع.",
    "وتنشر الصحف اليومية الخبر.",
    "وحضر الوزير أمسية شعرية.",
    "وحضر نحو 2000 شخص الحفل.",
    "وشارك 2000 شخص في المسيرة.",
    "وأكد الأمين العام الحالي للأمم المتحدة ذلك.",
    "واتفق الاثنين على مواصلة الحوار.",
    "وتحدث الرئيس ماي عن الخطة.",
    "وقال آب الأسرة إن الخبر صحيح.",
    "وبلغ حجم التجارة 9.2 تريليون دولار.",
    "ويحتفل العالم باليوم الوطني.",
    "وتحتفل الأمم المتحدة اليوم العالمي للمرأة.",
    "وكانت نسبة النمو 2020% في التقرير.",
    "احتفل الشعب بالذكرى الـ30 لإقامة العلاقات.",
    "وكان الأحد عشر لاعبا في الملعب.",
    "وأصدر مجلس الأمن القرار رقم 2254 بالإجماع.",
    "وقال إن 3 من الجنود قتلوا.",
]


def _check_offsets(text: str, times: list[Time]) -> None:
    for i, t in enumerate(times, 1):
        assert text[t.start : t.end] == t.text
        assert t.id == f"t{i}"
    assert [t.start for t in times] == sorted(t.start for t in times)


@pytest.mark.parametrize(
    ("sentence", "anchor", "text", "value", "granularity"), CASES, ids=[c[2] for c in CASES]
)
def test_expression(
    sentence: str, anchor: date | None, text: str, value: str | Interval | None, granularity: str
) -> None:
    times = find_times(sentence, anchor)
    _check_offsets(sentence, times)
    found = [t for t in times if t.text == text]
    assert found, f"{text!r} not found; got {[t.text for t in times]}"
    assert found[0].value == value
    assert found[0].granularity == granularity


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_no_false_positive(sentence: str) -> None:
    assert find_times(sentence, SAT) == []


# The alternatives of the expression pattern (arextract.timex.patterns), one shape each.
SHAPES = {
    "paired", "range_days", "range_months", "range_years", "until", "hdate", "gdate", "numeric",
    "month_year", "hmonth_year", "month_rel", "month_bare", "hyear", "year", "rel_period",
    "rel_day", "weekday",
}  # fmt: skip


def test_every_shape_has_a_case() -> None:
    """Each alternative of the pattern is exercised by at least one row of CASES, read where
    find_times starts its expression (at most two clitic letters into the trigger)."""
    pattern, _ = expression_patterns()
    assert set(pattern.groupindex) >= SHAPES
    shapes = set()
    for sentence, anchor, text, _value, _granularity in CASES:
        time = next(t for t in find_times(sentence, anchor) if t.text == text)
        folded = normalize(sentence)
        at = folded.starts.index(time.start)
        match = next(m for q in range(at, at + 3) if (m := pattern.match(folded.text, q)) is not None)
        shapes.add(match.lastgroup)
    assert shapes == SHAPES


def test_several_in_order() -> None:
    text = "قال الوزير أمس إن الاجتماع المقرر في 5 مايو 2021 سيبحث ما جرى العام الماضي."
    times = find_times(text, D(2021, 4, 20))
    _check_offsets(text, times)
    assert [(t.text, t.value) for t in times] == [
        ("أمس", "2021-04-19"),
        ("5 مايو 2021", "2021-05-05"),
        ("العام الماضي", "2020"),
    ]


# --- datelines and document dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نور سلطان 12 سبتمبر 2020 (شينخوا) قال الوزير", D(2020, 9, 12)),
        ("الرياض 15 رمضان 1444 هـ الموافق 6 أبريل 2023 (واس) أعلن", D(2023, 4, 6)),
        ("مكة المكرمة 5 ربيع الأول 1445 هـ (واس) أعلن", D(*Hijri(1445, 3, 5).to_gregorian().datetuple())),
        ("عمان ٣ آذار (مارس) ٢٠٢١ (بترا) قال", D(2021, 3, 3)),
        ("برلين 4 مايو 2022 (د ب أ) أعلنت", D(2022, 5, 4)),
        ("باريس 4 مايو 2022 (أ ف ب) - أعلنت", D(2022, 5, 4)),
        ("عنوان الخبر\n\nالدوحة 7 يناير 2021 (قنا) أعلنت", D(2021, 1, 7)),
        ("بكين  (شينخوا) قال الوزير", None),
        # a bare code the story runs on from is a dateline only after a date
        ("الرياض - خاص بالتعاون مع الوزارة افتتح الأمير المعرض", None),
        ("واشنطن 12 سبتمبر (رويترز) قال", None),
        ("قال الوزير في 12 سبتمبر 2020 إن التعاون مهم", None),
    ],
)
def test_find_dateline(text: str, expected: date | None) -> None:
    got, span = find_dateline(text)
    assert got == expected
    if span is not None:
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("text", "expected", "span_text"),
    [
        # bracketed code after a Gregorian date, a two-word city
        ("رام الله 1 حزيران 2020 (وفا) أكد المتحدث", D(2020, 6, 1), "رام الله 1 حزيران 2020 (وفا)"),
        # code between slashes after a Hijri date
        (
            "الرياض 12 شعبان 1443 هـ /واس/ أعلن المجلس",
            D(*Hijri(1443, 8, 12).to_gregorian().datetuple()),
            "الرياض 12 شعبان 1443 هـ /واس/",
        ),
        # a numeric date
        ("تونس 14/01/2021 (وات) قال الوزير", D(2021, 1, 14), "تونس 14/01/2021 (وات)"),
        # Arabic-Indic digits, a dash after the tag
        ("الكويت ٧ نوفمبر ٢٠١٩ (كونا) -- استقبل", D(2019, 11, 7), "الكويت ٧ نوفمبر ٢٠١٩ (كونا)"),
        # paired month names
        ("أنقرة 9 آذار/مارس 2023 (الأناضول) - وصل", D(2023, 3, 9), "أنقرة 9 آذار/مارس 2023 (الأناضول)"),
        # a bidi mark and a no-break space inside the dateline: kept in the span, ignored for matching
        ("المنامة\u200f 5 أيار 2021 (بنا) افتتح", D(2021, 5, 5), "المنامة\u200f 5 أيار 2021 (بنا)"),
        ("الخرطوم\u00a010 يناير 2022 (سونا) أعلن", D(2022, 1, 10), "الخرطوم\u00a010 يناير 2022 (سونا)"),
        # a bare code ending the line, and a bare code set off by a dash and a colon
        ("صنعاء 16 أكتوبر 2018 سبأ\nعقد المجلس", D(2018, 10, 16), "صنعاء 16 أكتوبر 2018 سبأ"),
        ("موسكو 20 أبريل 2021 - تاس: أعلن", D(2021, 4, 20), "موسكو 20 أبريل 2021 - تاس"),
        # Moroccan MAP: its code spelled letter by letter, Moroccan month names
        ("الرباط 9 يوليوز 2024 (و م ع) - أجرى", D(2024, 7, 9), "الرباط 9 يوليوز 2024 (و م ع)"),
        ("فاس 3 غشت 2022 (و.م.ع) - ترأس", D(2022, 8, 3), "فاس 3 غشت 2022 (و.م.ع)"),
        # SPA's bare code right after the date, the story running on on the same line
        (
            "الرياض 5 شوال 1444هـ الموافق 25 أبريل 2023م واس استقبل ولي العهد",
            D(2023, 4, 25),
            "الرياض 5 شوال 1444هـ الموافق 25 أبريل 2023م واس",
        ),
        # INA: a slash after the city and after the month
        ("بغداد/ 14 آذار/ 2024 (واع) - استقبل", D(2024, 3, 14), "بغداد/ 14 آذار/ 2024 (واع)"),
        # Libya's LANA
        ("طرابلس 2 شباط 2023 (وال) - أعلن", D(2023, 2, 2), "طرابلس 2 شباط 2023 (وال)"),
        # three short lines (headline, subtitle, byline) may come first
        (
            "عنوان\nعنوان فرعي\nسطر ثالث\nدمشق 4 مايو 2021 (سانا) قال",
            D(2021, 5, 4),
            "دمشق 4 مايو 2021 (سانا)",
        ),
    ],
)
def test_dateline_formats(text: str, expected: date, span_text: str) -> None:
    got, span = find_dateline(text)
    assert got == expected
    assert span is not None and span.text == span_text
    assert text[span.start : span.end] == span_text


@pytest.mark.parametrize(
    ("text", "span_text"),
    [
        ("جدة - واس استقبل أمير المنطقة السفير", "جدة - واس"),
        ("دمشق-سانا أكد وزير الخارجية أن", "دمشق-سانا"),
    ],
)
def test_an_agency_code_after_a_dash_ends_an_undated_dateline(text: str, span_text: str) -> None:
    # the story runs on after the code; a generic source in its place would be the story's first
    # words ("الرياض - خاص بالتعاون مع", in test_find_dateline)
    got, span = find_dateline(text)
    assert got is None
    assert span is not None and span.text == span_text


def test_dateline_deeper_than_four_lines_is_a_quotation() -> None:
    text = "عنوان أول\nعنوان ثان\nعنوان ثالث\nنص رابع\nدمشق 4 مايو 2021 (سانا) قال"
    assert find_dateline(text) == (None, None)


def test_dateline_after_headline_has_span_without_date() -> None:
    text = "عنوان\n\nعنوان فرعي\n\nبكين  (شينخوا) قال الوزير\n"
    got, span = find_dateline(text)
    assert got is None
    assert span is not None and span.text.startswith("بكين")


def test_agency_quoted_in_body_is_not_a_dateline() -> None:
    text = "وقال الوزير في مقابلة أجرتها معه وكالة ((شينخوا)) في 12 سبتمبر 2020 إن"
    assert find_dateline(text) == (None, None)


def test_document_date() -> None:
    text = "بكين 26 يناير 2021 (شينخوا) دعا الرئيس"
    assert document_date(text, None) == D(2021, 1, 26)
    assert document_date(text, "2021-02-01") == D(2021, 2, 1)
    assert document_date(text, D(2020, 1, 1)) == D(2020, 1, 1)
    assert document_date("نص بلا تاريخ", None) is None
    with pytest.raises(ValueError, match="ISO date"):
        document_date(text, "26/01/2021")


# --- governing time


def test_governing_time_prefers_clause_then_sentence() -> None:
    text = (
        "بكين 26 يناير 2021 (شينخوا) قال الرئيس اليوم (الثلاثاء) في تصريحات للصحفيين إنه التقى أمس نظيره، "
        "وسيزوره الأسبوع المقبل."
    )
    times = find_times(text, D(2021, 1, 26))
    dateline = times[0]
    trigger = text.index("التقى")
    clause = (text.index("قال"), text.index("،"))
    sentence = (0, len(text))
    got = governing_time(times, trigger, clause, sentence, dateline)
    assert got is not None and got.text == "أمس"
    trigger2 = text.index("وسيزوره")
    got2 = governing_time(times, trigger2, (text.index("،") + 1, len(text)), sentence, dateline)
    assert got2 is not None and got2.text == "الأسبوع المقبل"
    # Nothing in the clause: fall back to the sentence; the dateline itself never wins.
    got3 = governing_time(times, trigger2, (trigger2, trigger2 + 7), (0, text.index("،")), dateline)
    assert got3 is not None and got3.text == "أمس"
    assert governing_time([dateline], 30, (30, 40), (0, 50), dateline) is None
    assert governing_time([], 0, (0, 1), (0, 1), None) is None


# --- seeds


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_seed_001() -> None:
    text = _seed("001")
    anchor = document_date(text, None)
    assert anchor == D(2020, 9, 12)
    times = find_times(text, anchor)
    _check_offsets(text, times)
    by_text = {t.text: t for t in times}
    assert by_text["اليوم (السبت)"].value == "2020-09-12"
    assert by_text["12 سبتمبر 2020"].value == "2020-09-12"  # the dateline's own date
    assert by_text["العام الماضي"].value == "2019"


def test_seed_004() -> None:
    text = _seed("004")
    assert document_date(text, None) == D(2021, 1, 26)
    times = find_times(text, D(2021, 1, 26))
    assert any(t.text == "اليوم (الثلاثاء)" and t.value == "2021-01-26" for t in times)


def test_seed_000() -> None:
    text = _seed("000")
    assert document_date(text, None) is None
    times = find_times(text, None)
    _check_offsets(text, times)
    ranges = [t for t in times if t.granularity == "range"]
    assert len(ranges) == 1
    assert ranges[0].value == Interval(start="XXXX-09-10", end="XXXX-09-16")


def test_seed_003() -> None:
    text = _seed("003")
    values = {t.value for t in find_times(text, None)}
    assert {"2013", "2030"} <= values


def test_seeds_offsets() -> None:
    # Speed lives in benchmarks/, not here.
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        anchor = document_date(text, None)
        _check_offsets(text, find_times(text, anchor))


# --- properties

_ALPHABET = st.sampled_from(
    list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹ ()/-،,.\n")
    + ["\u064e", "\u064b", "\u0651", "\u0640", "\u200f"]
    + ["سبتمبر", "آذار", "مارس", "رمضان", "ربيع الأول", "هـ", "الموافق", "اليوم", "أمس", "غداً"]
    + ["الأربعاء", "يوم", "عام", "من", "إلى", "بين", "و", "حتى", "الماضي", "المقبل", "مساء", "(شينخوا)"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.one_of(st.none(), st.dates()))
def test_never_raises_and_offsets_hold(text: str, anchor: date | None) -> None:
    times = find_times(text, anchor)
    _check_offsets(text, times)
    find_dateline(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.dates()))
def test_arbitrary_text(text: str, anchor: date | None) -> None:
    _check_offsets(text, find_times(text, anchor))
    document_date(text, None)


# 1 Muharram 1402 AH was 28 October 1981; its last day, 17 October 1982
HIJRI_1402 = Interval(start="1981-10-28", end="1982-10-17")


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        # a Gulf paper's Hijri year with its year word and no هـ
        (
            "وافتتح الملك المطار عام ١٤٠٢ بحضور الأمراء",
            date(2015, 7, 31),
            HIJRI_1402,
        ),
        ("وافتتح الملك المطار عام 1402 بحضور الأمراء", None, HIJRI_1402),
        # a Gregorian mark, a medieval year, a year after the document's Hijri year: Gregorian
        ("تأسست المدينة عام 1402م على ضفة النهر", date(2015, 7, 31), "1402"),
        ("فتح العثمانيون القسطنطينية عام 1453 بعد حصار طويل", None, "1453"),
        ("وتعود المخطوطة إلى عام 1440 تقريبا", date(2015, 7, 31), "1440"),
    ],
)
def test_a_year_word_before_a_recent_hijri_year_reads_it_as_hijri(
    text: str, anchor: date | None, value: object
) -> None:
    (time,) = find_times(text, anchor)
    assert time.value == value
