"""Sentences, tokens and clitic readings keep exact offsets; the clitic inventory and span helpers."""

from hypothesis import given
from hypothesis import strategies as st

from arextract.text.clitics import (
    CONJUNCTIONS,
    PREPOSITIONS,
    PROCLITICS,
    clitic_readings,
    longest_phrase,
    strip_proclitics,
)
from arextract.text.segment import split_sentences, tokenize
from arextract.text.spans import SpanSet


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


def test_proclitic_inventory_is_every_conjunction_preposition_article_combination() -> None:
    combinations = {
        conjunction + ("لل" if preposition == "ل" and article else preposition + article)
        for conjunction in ("", *CONJUNCTIONS)
        for preposition in ("", *PREPOSITIONS)
        for article in ("", "ال")
    }
    # the bare article is the stem's, never a proclitic of its own
    assert set(PROCLITICS) == combinations - {"", "ال"}
    assert len(PROCLITICS) == len(set(PROCLITICS))
    assert [len(p) for p in PROCLITICS] == sorted((len(p) for p in PROCLITICS), reverse=True)


def test_strip_proclitics_is_the_taggers_blind_stem() -> None:
    assert strip_proclitics("وبالرياض") == "الرياض"
    assert strip_proclitics("وللصين") == "الصين"
    assert strip_proclitics("للصين") == "الصين"
    assert strip_proclitics("فكتاب") == "تاب"
    assert strip_proclitics("وزير") == "زير"  # blind: the model weighs the feature
    assert strip_proclitics("ولد") == "ولد"  # three letters must remain
    assert strip_proclitics("وبلد") == "بلد"


def test_longest_phrase_prefers_the_longest_then_the_earlier_reading() -> None:
    phrases = {("الامم", "المتحده"): "org", ("الامم",): "x", ("امم",): "y", ("امم", "المتحده", "اليوم"): "z"}
    longest = {"الامم": 2, "امم": 3}
    words = ["قالت", "والامم", "المتحده", "امس"]
    assert longest_phrase(["والامم", "الامم", "امم"], words, 1, longest, phrases.get) == (1, 2, "org")
    assert longest_phrase(["امم", "الامم"], words, 1, longest, phrases.get) == (1, 2, "org")
    assert longest_phrase(["امم", "الامم"], words[:2], 1, longest, phrases.get) == (0, 1, "y")
    assert longest_phrase(["والامم"], words, 1, longest, phrases.get) is None


def test_span_set_answers_coverage_and_the_first_span_starting_in_a_token() -> None:
    spans = SpanSet([(10, 20), (0, 5), (3, 8), (12, 14)])
    assert spans.covers(7) and not spans.covers(8) and spans.covers(19) and not spans.covers(20)
    assert spans.overlaps(18, 25) and not spans.overlaps(8, 10)
    assert spans.first_starting_in(10, 13) == 0  # (10, 20) was given before (12, 14)
    assert spans.first_starting_in(11, 13) == 3
    assert spans.first_starting_in(1, 4) == 2
    assert spans.first_starting_in(20, 30) is None


@given(st.text())
def test_token_and_sentence_offsets_hold_for_any_text(text: str) -> None:
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
        assert token.text.strip() == token.text != ""
    for sentence in split_sentences(text):
        assert 0 <= sentence.start < sentence.end <= len(text)


def test_the_clitic_inventory_is_consistent() -> None:
    from arextract.text import clitics

    # the possessive suffixes the relation engine strips are pronoun enclitics
    assert set(clitics.POSSESSIVE_SUFFIXES) <= set(clitics.PRONOUN_ENCLITICS)
    # the letter strings and the proclitic subsets are made of the one inventory's letters
    assert "".join((*clitics.CONJUNCTIONS, *clitics.PREPOSITIONS)) == clitics.PROCLITIC_LETTERS
    assert set(clitics.NAME_PREPOSITIONS) < set(clitics.PREPOSITIONS)
    assert set(clitics.NOUN_PROCLITICS) <= set(clitics.PROCLITIC_LETTERS)
    # FANE writes و / ب / س / ال as tokens of their own: "و ب الرياض" is read back as وبالرياض
    assert {"و", "ب", "س", "ال"} <= clitics.SEGMENTED_PROCLITICS


def test_tokens_are_the_models_pydantic_would_construct() -> None:
    # the tokeniser builds Tokens without pydantic's per-call field loop; they must stay
    # indistinguishable from Token.model_construct's (a new Token field must be set there too)
    from arextract.schema import Token
    from arextract.text.normalize import fold

    tokens = tokenize("وقال الرئيس، إنّ الوفد وصل")
    assert [t.text for t in tokens] == ["وقال", "الرئيس", "،", "إنّ", "الوفد", "وصل"]
    for token in tokens:
        norm = fold(token.text)
        built = Token.model_construct(text=token.text, start=token.start, end=token.end, norm=norm)
        assert token == built and token.model_fields_set == set(Token.model_fields)
        assert token.model_dump() == built.model_dump()
    moved = tokens[1].model_copy(update={"start": 0})
    assert (moved.start, tokens[1].start) == (0, 5)


@given(st.text(alphabet="قال الرئيس. إن وفدا؟ وصل!\n،"))
def test_sentence_tokens_are_the_tokens_each_sentence_contains(text: str) -> None:
    from arextract.text.segment import iter_sentence_tokens

    sentences, tokens = split_sentences(text), tokenize(text)
    groups = list(iter_sentence_tokens(sentences, tokens))
    assert groups == [[t for t in tokens if s.start <= t.start < s.end] for s in sentences]


def test_a_word_glued_after_a_word_final_letter_is_its_own_token() -> None:
    # ة and ى end a word (ة is written ت before a suffix); ىء is a hamza seat, not an end
    text = "ختام الدورةأقامت الجمعية حفلا أخرىمن شاطىء مدرسته"
    words = [(t.text, text[t.start : t.end]) for t in tokenize(text)]
    expected = ["ختام", "الدورة", "أقامت", "الجمعية", "حفلا", "أخرى", "من", "شاطىء", "مدرسته"]
    assert [w for w, _ in words] == expected
    assert all(w == s for w, s in words)
