"""Sentences, tokens and clitic readings keep exact offsets."""

from hypothesis import given
from hypothesis import strategies as st

from arextract.text.clitics import clitic_readings
from arextract.text.segment import split_sentences, tokenize


def sentence_texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_sentences_split_on_arabic_and_latin_marks() -> None:
    text = "قال وانغ إن الصين مستعدة. هل توافق قازاقستان؟ نعم! ثم قال؛ وانتهى\nسطر جديد"
    assert sentence_texts(text) == [
        "قال وانغ إن الصين مستعدة.",
        "هل توافق قازاقستان؟",
        "نعم!",
        "ثم قال؛",
        "وانتهى",
        "سطر جديد",
    ]


def test_no_split_inside_numbers_or_after_abbreviations() -> None:
    text = "بلغ النمو 9.2 في المئة. وقال د. أحمد إن ذلك جيد."
    assert sentence_texts(text) == ["بلغ النمو 9.2 في المئة.", "وقال د. أحمد إن ذلك جيد."]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = 'وقال: "نحن مستعدون." ثم غادر.'
    assert sentence_texts(text) == ['وقال: "نحن مستعدون."', "ثم غادر."]


def test_tokens_keep_clitics_attached_and_exact_offsets() -> None:
    text = "زار وانغ روسيا وقازاقستان، وقال للصين: ((شينخوا)) كوفيد-19 بنسبة 9.2%"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == [
        "زار",
        "وانغ",
        "روسيا",
        "وقازاقستان",
        "،",
        "وقال",
        "للصين",
        ":",
        "(",
        "(",
        "شينخوا",
        ")",
        ")",
        "كوفيد",
        "-",
        "19",
        "بنسبة",
        "9.2",
        "%",
    ]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_token_norm_is_folded_and_invisible_marks_stay_inside_words() -> None:
    text = "الرئيـــس أحمد\u200cعلي \u200f"
    tokens = tokenize(text)
    assert [t.norm for t in tokens] == ["الرييس", "احمدعلي"]
    assert tokens[1].text == "أحمد\u200cعلي"


def test_clitic_readings_offer_every_segmentation() -> None:
    readings = {(r.proclitic, r.stem, r.offset) for r in clitic_readings("وقازاقستان")}
    assert ("و", "قازاقستان", 1) in readings
    assert ("", "وقازاقستان", 0) in readings
    # ل + ال: the article's alef is restored in the stem, the surface keeps one lam
    assert ("ل", "الصين", 1) in {(r.proclitic, r.stem, r.offset) for r in clitic_readings("للصين")}
    assert ("وب", "الصين", 2) in {(r.proclitic, r.stem, r.offset) for r in clitic_readings("وبالصين")}
    assert clitic_readings("وانغ")[0].stem == "وانغ"  # the unsegmented reading comes first


@given(st.text())
def test_token_and_sentence_offsets_hold_for_any_text(text: str) -> None:
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
        assert token.text.strip() == token.text != ""
    for sentence in split_sentences(text):
        assert 0 <= sentence.start < sentence.end <= len(text)
