"""Normalisation: each variant class, and the offset map back to the original."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arextract.text.normalize import clean, fold, normalize, tagger_fold

CASES = [
    # (class, original, folded)
    ("presentation forms (NFKC)", "ﻻ ﷲ ﺍﻟﺼﻴﻦ", "لا الله الصين"),
    ("harakat", "مُحَمَّدٌ", "محمد"),
    ("quranic marks", "الرَّحِيمِ ۝ ذَٰلِكَ", "الرحيم ۝ ذلك"),
    ("small high marks", "صلىۖ", "صلي"),
    ("tatweel", "العـــربيـة", "العربيه"),
    ("alef variants", "أحمد إبراهيم آسيا ٱلله", "احمد ابراهيم اسيا الله"),
    ("alef maqsura", "مصطفى", "مصطفي"),
    ("ta marbuta", "مدرسة", "مدرسه"),
    ("hamza carriers", "مسؤول رئيس", "مسوول رييس"),
    ("arabic-indic digits", "١٢ سبتمبر ٢٠٢٠", "12 سبتمبر 2020"),
    ("persian digits and letters", "۱۴۰۲ کتاب ی", "1402 كتاب ي"),
    ("zero-width and bidi marks", "وانغ\u200c يي\u200f\u202b\ufeff", "وانغ يي"),
    ("no-break spaces", "وانغ\u00a0يي\u202fقال", "وانغ يي قال"),
    ("quotes", "«المسار المشرق» “قال” ‘نعم’", '"المسار المشرق" "قال" \'نعم\''),
    ("double brackets", "((شينخوا))", "(شينخوا)"),
    ("ornate parentheses", "\ufd3fبسم\ufd3e", "(بسم)"),
    ("arabic decimal separator", "9٫2", "9.2"),
]


@pytest.mark.parametrize(("name", "original", "folded"), CASES, ids=[c[0] for c in CASES])
def test_each_variant_class_folds(name: str, original: str, folded: str) -> None:
    assert fold(original) == folded
    result = normalize(original)
    assert result.text == folded
    assert len(result.starts) == len(result.text) == len(result.ends)


def test_clean_keeps_letters_that_fold_changes() -> None:
    assert clean("أحمد مصطفى مدرسة مسؤول") == "أحمد مصطفى مدرسة مسؤول"
    assert clean("مُحَمَّد ١٢") == "محمد 12"


def test_offsets_point_into_the_original() -> None:
    original = "قال الرئيـــس «شي جين بينغ» ((شينخوا)) للصّين"
    result = normalize(original)
    index = result.text.index("لصين")
    start, end = result.to_original(index, index + len("لصين"))
    assert original[start:end] == "لصّين"
    index = result.text.index("الرييس")
    start, end = result.to_original(index, index + len("الرييس"))
    assert original[start:end] == "الرئيـــس"


def test_presentation_form_expanding_to_two_letters_maps_to_one_source_char() -> None:
    result = normalize("ﻻ")
    assert result.text == "لا"
    assert result.to_original(0, 1) == (0, 1)
    assert result.to_original(1, 2) == (0, 1)


def test_dediacritisation_covers_camel_tools_charset() -> None:
    from camel_tools.utils.charsets import AR_DIAC_CHARSET

    assert all(fold(mark) == "" for mark in AR_DIAC_CHARSET)


def test_tagger_fold_is_the_lighter_form_the_ner_model_was_trained_on() -> None:
    from camel_tools.utils.charsets import AR_DIAC_CHARSET

    assert all(tagger_fold(mark) == "" for mark in AR_DIAC_CHARSET)
    assert tagger_fold("الأُمَمُ المُتَّحِدَة") == "الامم المتحده"
    assert tagger_fold("إلى مصطفى ٱلعـربيـة") == "الي مصطفي العربيه"
    assert tagger_fold("«قال»") == '"قال"'
    # what fold changes and the model's features keep
    for kept in ("رئيس مسؤول", "١٢", "ﻻ", "وانغ\u200c", "((شينخوا))", "‘نعم’", "کتاب", "ب\u08d4"):
        assert tagger_fold(kept) == kept != fold(kept)
    assert tagger_fold("ب\u06e5") == "ب" != fold("ب\u06e5")  # small waw: a mark for the tagger


_PLAIN_ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى" + "".join(chr(c) for c in range(0x064B, 0x0653))


@given(st.text(alphabet=_PLAIN_ARABIC + " "))
def test_tagger_fold_agrees_with_fold_on_plain_arabic(text: str) -> None:
    assert tagger_fold(text) == fold(text)


def test_non_str_raises_type_error() -> None:
    with pytest.raises(TypeError):
        normalize(b"\xd8\xa7")  # type: ignore[arg-type]


@given(st.text())
def test_offset_map_is_monotonic_and_in_bounds(text: str) -> None:
    result = normalize(text)
    assert result.text == fold(text)
    previous = 0
    for start, end in zip(result.starts, result.ends, strict=True):
        assert previous <= start < end <= len(text)
        previous = start
    if result.text:
        start, end = result.to_original(0, len(result.text))
        assert 0 <= start <= end <= len(text)
