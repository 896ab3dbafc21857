"""The public API end to end on the seeds, bad input, and the offsets invariant."""

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arextract
from arextract import ArextractError, Document, Pipeline, ResourceError
from arextract.errors import PipelineError
from arextract.pipeline import STAGES, StageSpec, check_stages
from arextract.schema import EntitySource, document_json_schema

ROOT = Path(__file__).resolve().parent.parent


def mentions(doc: Document, entity_type: str) -> list[tuple[str, int, int, str]]:
    return [(e.text, e.start, e.end, e.canonical) for e in doc.entities if e.type.value == entity_type]


def assert_offsets(doc: Document) -> None:
    for span in doc.spans():
        assert doc.text[span.start : span.end] == span.text, span
    for sentence in doc.sentences:
        assert 0 <= sentence.start < sentence.end <= len(doc.text)


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_every_seed_yields_a_real_document(seed_texts: dict[str, str], seed: str) -> None:
    doc = arextract.extract(seed_texts[seed])
    assert doc.text == seed_texts[seed]
    assert len(doc.sentences) >= 5
    assert len(doc.tokens) > 300
    assert {e.canonical for e in doc.entities if e.type.value == "COUNTRY"} >= {"الصين"}
    assert_offsets(doc)
    assert set(doc.meta.timings) >= {"segment", "ner"}


def test_seed_001_countries_with_exact_offsets_inside_clitics(seed_texts: dict[str, str]) -> None:
    text = seed_texts["001"]
    doc = arextract.extract(text)
    countries = mentions(doc, "COUNTRY")
    # "إن الصين وقازاقستان": the conjunction stays outside the span
    at = text.index("الصين وقازاقستان")
    assert ("الصين", at, at + 5, "الصين") in countries
    assert ("قازاقستان", at + 7, at + 16, "قازاقستان") in countries
    # "صديقة للصين": the preposition is trimmed, the article's lam stays
    at = text.index("للصين")
    assert ("لصين", at + 1, at + 5, "الصين") in countries
    # nisba adjectives link to their country, and so does "the Kazakh side"
    assert any(e.text == "الصيني" and e.kb_id == "CN" and e.subtype == "nisba" for e in doc.entities)
    assert any(e.text == "الجانب القازاقي" and e.kb_id == "KZ" for e in doc.entities)


def test_seed_000_and_004_find_the_visited_countries(seed_texts: dict[str, str]) -> None:
    doc = arextract.extract(seed_texts["000"])
    canon = {e.canonical for e in doc.entities}
    assert {"روسيا", "قازاقستان", "قيرغيزستان", "منغوليا"} <= canon
    text = seed_texts["000"]
    at = text.index("وقازاقستان")
    assert any(e.start == at + 1 and e.text == "قازاقستان" for e in doc.entities)
    doc = arextract.extract(seed_texts["004"])
    assert "بيلاروسيا" in {e.canonical for e in doc.entities}
    assert any(e.kb_id == "BY" for e in doc.entities)


def test_entities_carry_iso_codes(seed_texts: dict[str, str]) -> None:
    doc = arextract.extract(seed_texts["001"])
    codes = {e.canonical: e.kb_id for e in doc.entities if e.type.value == "COUNTRY"}
    assert codes["الصين"] == "CN"
    assert codes["قازاقستان"] == "KZ"


def test_non_str_input_raises_type_error() -> None:
    for bad in (None, b"\xd8\xa7", 42, ["نص"]):
        with pytest.raises(TypeError):
            arextract.extract(bad)  # type: ignore[arg-type]


def test_empty_and_whitespace_give_empty_documents() -> None:
    for text in ("", "   \n\t "):
        doc = arextract.extract(text)
        assert doc.text == text
        assert doc.tokens == [] and doc.entities == [] and doc.sentences == []


def test_text_without_arabic_gets_a_warning() -> None:
    doc = arextract.extract("Wang Yi met Mukhtar Tileuberdi in Nur-Sultan.")
    assert doc.entities == []
    assert any("no Arabic" in warning for warning in doc.meta.warnings)


def test_doc_date_accepts_date_and_iso_string_and_rejects_garbage() -> None:
    assert arextract.extract("الصين", doc_date="2020-09-12").doc_date == date(2020, 9, 12)
    assert arextract.extract("الصين", doc_date=date(2021, 1, 26)).doc_date == date(2021, 1, 26)
    with pytest.raises(ArextractError):
        arextract.extract("الصين", doc_date="12/09/2020")


def test_unknown_backend_is_a_clear_arextract_error() -> None:
    with pytest.raises(ArextractError, match="unknown NER backend"):
        arextract.extract("الصين", backend="nonexistent")


def test_pipeline_pipe_processes_in_order(seed_texts: dict[str, str]) -> None:
    nlp = Pipeline()
    texts = [seed_texts["001"], "", seed_texts["004"]]
    docs = list(nlp.pipe(texts))
    assert [d.text for d in docs] == texts


def test_document_round_trips_through_json(seed_texts: dict[str, str]) -> None:
    doc = arextract.extract(seed_texts["001"])
    data = json.loads(doc.model_dump_json())
    assert data["text"] == seed_texts["001"]
    assert Document.model_validate(data) == doc
    assert doc.model_dump(mode="json")["entities"][0]["type"] in {t.value for t in arextract.EntityType}


def test_committed_json_schema_is_in_sync() -> None:
    committed = (ROOT / "docs" / "schema.json").read_text(encoding="utf-8")
    assert committed == document_json_schema(), "run: python scripts/write_schema.py"


ARABIC_NEWS_ALPHABET = st.sampled_from(
    list('ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩0123456789 .،؛؟!()«»"\n\u200f\u200c\ufefb')
    + ["الصين", "وقازاقستان", "للصين", "الصيني", "وانغ يي", " روسيا ", "بيلاروسيا"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(ARABIC_NEWS_ALPHABET, max_size=60).map("".join))
def test_offsets_invariant_on_arabic_like_text(text: str) -> None:
    assert_offsets(arextract.extract(text))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_offsets_invariant_on_arbitrary_strings(text: str) -> None:
    assert_offsets(arextract.extract(text))


# --------------------------------------------------------------------------------------------
# Pipeline(models_dir=...) and the declared stages
# --------------------------------------------------------------------------------------------

NEW_PERSON = "زيد الخيالي"  # not in the shipped knowledge files
NEW_PERSON_TEXT = f"التقى وزير الخارجية الصيني وانغ يي نظيره {NEW_PERSON} في بكين أمس."


def test_models_dir_redirects_the_knowledge_files_and_the_tagger(tmp_path: Path) -> None:
    from arextract.ner.tagger import model_version

    copy = tmp_path / "models"
    shutil.copytree(ROOT / "models" / "kb", copy / "kb")
    # the tagger of the copy is the feature CRF alone: another model, another version
    shutil.copytree(ROOT / "models" / "ner", copy / "ner", ignore=shutil.ignore_patterns("neural.*"))
    with (copy / "kb" / "people.tsv").open("a", encoding="utf-8") as handle:
        handle.write(f"{NEW_PERSON}\t\tZaid Al-Khayali\tEG\tوزير الخارجية\t\n")

    shipped = Pipeline()(NEW_PERSON_TEXT)
    redirected = Pipeline(models_dir=copy)(NEW_PERSON_TEXT)
    assert not any(e.name_en == "Zaid Al-Khayali" for e in shipped.entities)
    linked = [e for e in redirected.entities if e.name_en == "Zaid Al-Khayali"]
    assert [e.text for e in linked] == [NEW_PERSON] and linked[0].type.value == "PERSON"
    assert redirected.meta.models["ner"].startswith(model_version(copy / "ner") + "+gazetteer:")
    assert redirected.meta.models["ner"] != shipped.meta.models["ner"]
    assert_offsets(redirected)


def test_models_dir_without_the_files_is_a_resource_error(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="models directory not found"):
        Pipeline(models_dir=tmp_path / "nowhere")
    with pytest.raises(ResourceError, match=r"no knowledge files in .*kb"):
        Pipeline(models_dir=tmp_path)
    shutil.copytree(ROOT / "models" / "kb", tmp_path / "kb")  # knowledge files, no tagger
    with pytest.raises(ResourceError, match=r"NER model directory not found: .*ner"):
        Pipeline(models_dir=tmp_path)
    doc = Pipeline(models_dir=tmp_path, backend="gazetteer")("زار وانغ يي بكين")  # needs no tagger
    assert {e.text for e in doc.entities} >= {"وانغ يي", "بكين"}


def test_the_stages_run_in_their_declared_order() -> None:
    nlp = Pipeline(backend="gazetteer")
    assert [stage.name for stage in nlp.stages] == [spec.name for spec in STAGES]
    assert [spec.name for spec in STAGES] == ["segment", "ner", "time", "phrases", "link", "relations"]
    check_stages(STAGES)


def test_a_stage_reading_what_no_earlier_stage_adds_is_refused() -> None:
    segment, ner, *rest = STAGES
    with pytest.raises(
        PipelineError, match=r"stage 'ner' reads sentences, tokens, which no earlier stage adds"
    ):
        Pipeline(stages=[ner, segment, *rest])
    relations = STAGES[-1]
    with pytest.raises(PipelineError, match=r"stage 'relations' reads .*times"):
        check_stages([segment, ner, relations])
    typo = StageSpec("typo", STAGES[0].build, reads=("txt",), adds=())
    with pytest.raises(PipelineError, match="not fields of Document"):
        check_stages([typo])
    with pytest.raises(PipelineError, match="named 'segment'"):
        Pipeline(stages=[StageSpec("other", STAGES[0].build, reads=("text",), adds=())])


def test_entity_sources_are_an_enum_written_as_strings(seed_texts: dict[str, str]) -> None:
    doc = arextract.extract(seed_texts["001"])
    assert all(isinstance(e.source, EntitySource) for e in doc.entities)
    written = {e["source"] for e in json.loads(doc.model_dump_json())["entities"]}
    assert written <= {source.value for source in EntitySource}
    assert {"gazetteer", "model", "coref"} <= written
