"""External NER backends (camel, stanza, ensemble) without internet: tiny models built here.

* camel: a random-weight BERT token classifier with camel-tools' label set and a vocabulary
  of word pieces from seeds/, saved with ``save_pretrained`` and loaded by camel-tools'
  ``NERecognizer(path)``; its classifier bias can force one label, so the type mapping is
  checked deterministically.
* stanza: tiny tokenize, mwt (dictionary) and ner models trained for a few steps on two
  sentences, with a tiny pretrain file, under a stanza resources directory.

What is checked is the plumbing (types, offsets, errors, merge), not accuracy. Every test
runs with socket connections refused.
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
import socket
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import arextract
from arextract.errors import BackendError
from arextract.ner.backends import align_tokens, known_names, label_map
from arextract.ner.builtin import GazetteerNER
from arextract.ner.ensemble import EnsembleNER
from arextract.ner.merge import merge_ensemble
from arextract.ner.registry import BACKENDS, REGISTRY, make_ner_stage
from arextract.ner.stanza_ner import stanza_char_spans
from arextract.pipeline import SegmentStage
from arextract.resources import ModelPaths
from arextract.schema import Document, Entity, EntitySource, EntityType
from arextract.text.spans import bio_spans

ROOT = Path(__file__).resolve().parent.parent
CAMEL_LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
TEXT = (
    "وأعلنت جامعة الدول العربية في الرياض دعمها لمبادرة الحزام والطريق. "
    "التقى وزير الخارجية سامح شكري في القاهرة نظيره من وقازاقستان."
)

CAMEL_INSTALLED = all(importlib.util.find_spec(name) for name in ("camel_tools", "transformers", "torch"))


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("arextract tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(autouse=True)
def fresh_pipelines(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user configuration leaks in; arextract.extract's cached pipelines are rebuilt."""
    for name in ("ARX_CAMEL_NER_MODEL", "ARX_STANZA_DIR", "STANZA_RESOURCES_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "camel_data"))
    arextract._pipeline.cache_clear()
    yield
    arextract._pipeline.cache_clear()


def check_offsets(doc: Document) -> None:
    for span in doc.spans():
        assert doc.text[span.start : span.end] == span.text


# --------------------------------------------------------------------------------------------
# Tiny models
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def camel_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CAMEL_INSTALLED:
        pytest.skip("camel-tools and transformers are not installed")
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    words: set[str] = set()
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        words.update(re.findall(r"[\u0621-\u064A]+", path.read_text(encoding="utf-8")))
    pieces = sorted(words)[:300]
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *pieces, *("##" + p for p in "اليمنوت")]
    out = tmp_path_factory.mktemp("camel_ner")
    (out / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=512,
        num_labels=len(CAMEL_LABELS),
        id2label=dict(enumerate(CAMEL_LABELS)),
        label2id={label: i for i, label in enumerate(CAMEL_LABELS)},
    )
    torch.manual_seed(0)
    BertForTokenClassification(config).save_pretrained(out)
    BertTokenizer(vocab_file=str(out / "vocab.txt"), do_lower_case=False).save_pretrained(out)
    return out


def force_label(stage: object, label: str | None) -> None:
    """Make the camel model predict ``label`` everywhere (None: back to random weights)."""
    import torch

    classifier = stage.tagger.recognizer.model.classifier  # type: ignore[attr-defined]
    if not hasattr(classifier, "_saved"):
        classifier._saved = (classifier.weight.detach().clone(), classifier.bias.detach().clone())
    with torch.no_grad():
        weight, bias = classifier._saved
        classifier.weight.copy_(weight)
        classifier.bias.copy_(bias)
        if label is not None:
            classifier.weight.zero_()
            classifier.bias.fill_(-10.0)
            classifier.bias[CAMEL_LABELS.index(label)] = 10.0


STANZA_SENTENCES = [
    [
        ("التقى", "O"),
        ("وزير", "O"),
        ("الخارجية", "O"),
        ("سامح", "B-PER"),
        ("شكري", "E-PER"),
        ("في", "O"),
        ("القاهرة", "S-LOC"),
        (".", "O"),
    ],
    [
        ("وأعلنت", "O"),
        ("جامعة", "B-ORG"),
        ("الدول", "I-ORG"),
        ("العربية", "E-ORG"),
        ("في", "O"),
        ("الرياض", "S-LOC"),
        (".", "O"),
    ],
]
STANZA_MWT = {"وأعلنت": ["و", "أعلنت"]}


def build_stanza_models(out: Path) -> Path:
    """A stanza resources directory with tiny Arabic tokenize, mwt and ner models."""
    import torch
    from stanza.models import mwt_expander, ner_tagger, tokenizer
    from stanza.models.common.pretrain import Pretrain

    work = out / "work"
    work.mkdir(parents=True)
    text: list[str] = []
    labels: list[str] = []  # per character: 1 token end, 2 sentence end, 3 multi-word token end
    conllu: list[str] = []
    for number, sentence in enumerate(STANZA_SENTENCES):
        conllu += [f"# sent_id = {number}", "# text = " + " ".join(t for t, _ in sentence)]
        index = 1
        for position, (token, _) in enumerate(sentence):
            if position and token != ".":
                text.append(" ")
                labels.append("0")
            end = "2" if position == len(sentence) - 1 else ("3" if token in STANZA_MWT else "1")
            text.append(token)
            labels.append("0" * (len(token) - 1) + end)
            parts = STANZA_MWT.get(token, [token])
            if len(parts) > 1:
                conllu.append(f"{index}-{index + len(parts) - 1}\t{token}" + "\t_" * 8)
            for part in parts:
                conllu.append(f"{index}\t{part}\t_\tX\t_\t_\t{index - 1}\tdep\t_\t_")
                index += 1
        text.append(" ")
        labels.append("0")
        conllu.append("")
    (work / "tok.txt").write_text("".join(text) + "\n\n", encoding="utf-8")
    (work / "tok.labels").write_text("".join(labels) + "\n\n", encoding="utf-8")
    (work / "mwt.conllu").write_text("\n".join(conllu) + "\n", encoding="utf-8")
    mwt_json = [[[key, value], 1] for key, value in STANZA_MWT.items()]
    (work / "mwt.json").write_text(json.dumps(mwt_json, ensure_ascii=False), encoding="utf-8")
    words = sorted({w for s in STANZA_SENTENCES for t, _ in s for w in [t, *STANZA_MWT.get(t, [])]})
    rng = random.Random(0)
    with (work / "vec.txt").open("w", encoding="utf-8") as handle:
        handle.write(f"{len(words)} 8\n")
        for word in words:
            handle.write(word + " " + " ".join(f"{rng.uniform(-1, 1):.3f}" for _ in range(8)) + "\n")
    Pretrain(str(out / "ar/pretrain/tiny.pt"), str(work / "vec.txt")).load()
    ner_data = [[{"text": t, "ner": label} for t, label in s] for s in STANZA_SENTENCES]
    (work / "ner.json").write_text(json.dumps(ner_data * 2, ensure_ascii=False), encoding="utf-8")

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # far faster for models this small on a busy machine
    try:
        tokenizer.main(
            [
                "--mode",
                "train",
                "--txt_file",
                str(work / "tok.txt"),
                "--label_file",
                str(work / "tok.labels"),
                "--mwt_json_file",
                str(work / "mwt.json"),
                "--dev_txt_file",
                str(work / "tok.txt"),
                "--dev_label_file",
                str(work / "tok.labels"),
                "--lang",
                "ar",
                "--shorthand",
                "ar_tiny",
                "--steps",
                "100",
                "--eval_steps",
                "1000",
                "--dropout",
                "0",
                "--unit_dropout",
                "0",
                "--tok_noise",
                "0",
                "--lr0",
                "0.02",
                "--emb_dim",
                "4",
                "--hidden_dim",
                "4",
                "--batch_size",
                "2",
                "--max_seqlen",
                "50",
                "--save_dir",
                str(out / "ar/tokenize"),
                "--save_name",
                str(out / "ar/tokenize/tiny.pt"),
                "--cpu",
            ]
        )
        mwt_expander.main(
            [
                "--mode",
                "train",
                "--train_file",
                str(work / "mwt.conllu"),
                "--eval_file",
                str(work / "mwt.conllu"),
                "--gold_file",
                str(work / "mwt.conllu"),
                "--lang",
                "ar",
                "--shorthand",
                "ar_tiny",
                "--dict_only",
                "--save_dir",
                str(out / "ar/mwt"),
                "--save_name",
                "tiny.pt",
                "--cpu",
            ]
        )
        ner_tagger.main(
            [
                "--mode",
                "train",
                "--train_file",
                str(work / "ner.json"),
                "--eval_file",
                str(work / "ner.json"),
                "--wordvec_pretrain_file",
                str(out / "ar/pretrain/tiny.pt"),
                "--shorthand",
                "ar_tiny",
                "--save_dir",
                str(out / "ar/ner"),
                "--save_name",
                "tiny.pt",
                "--max_steps",
                "30",
                "--eval_interval",
                "1000",
                "--word_dropout",
                "0",
                "--dropout",
                "0",
                "--hidden_dim",
                "8",
                "--char_hidden_dim",
                "8",
                "--word_emb_dim",
                "8",
                "--char_emb_dim",
                "8",
                "--batch_size",
                "4",
                "--cpu",
            ]
        )
    finally:
        torch.set_num_threads(threads)
    resources = {
        "ar": {
            "lang_name": "Arabic",
            "tokenize": {"tiny": {}},
            "mwt": {"tiny": {}},
            "pretrain": {"tiny": {}},
            "ner": {"tiny": {"dependencies": [{"model": "pretrain", "package": "tiny"}]}},
            "default_processors": {"tokenize": "tiny", "mwt": "tiny", "ner": "tiny"},
            "packages": {"default": {"tokenize": "tiny", "mwt": "tiny", "ner": "tiny"}},
        }
    }
    (out / "resources.json").write_text(json.dumps(resources), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def stanza_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("stanza")
    return build_stanza_models(tmp_path_factory.mktemp("stanza_resources"))


# --------------------------------------------------------------------------------------------
# Pure helpers
# --------------------------------------------------------------------------------------------


def test_label_mapping_is_data() -> None:
    camel = label_map("camel")
    assert camel.type_of("PERS") == "PERSON"
    assert camel.type_of("ORG") == "ORGANIZATION"
    assert camel.type_of("LOC") == "LOCATION"
    assert camel.type_of("MISC") == "MISC"
    assert camel.type_of("WHATEVER") == "MISC"
    assert label_map("stanza").type_of("PER") == "PERSON"
    assert camel.location_default is EntityType.REGION


def test_span_decoders() -> None:
    # One decoder for every tagger: end exclusive, a stray or retyped I- starts a span.
    assert bio_spans(["B-PERS", "I-PERS", "O", "I-LOC"]) == [(0, 2, "PERS"), (3, 4, "LOC")]
    assert bio_spans(["B-PERS", "I-LOC", "I-LOC", "B-LOC"]) == [(0, 1, "PERS"), (1, 3, "LOC"), (3, 4, "LOC")]
    labels = ["S-LOC", "B-PER", "I-PER", "E-PER", "O", "S-ORG", "S-ORG"]
    assert bio_spans(labels, scheme="BIOES") == [(0, 1, "LOC"), (1, 4, "PER"), (5, 6, "ORG"), (6, 7, "ORG")]


def test_align_tokens_searches_forward_and_folds() -> None:
    text = "قالَ الرئيـس: إنّ مصر، والأردن"
    tokens = ["قال", "الرئيس", ":", "إن", "مصر", "،", "والاردن", "غائب"]
    spans = align_tokens(text, tokens)
    assert [text[s:e] for s, e in spans[:-1]] == ["قالَ", "الرئيـس", ":", "إنّ", "مصر", "،", "والأردن"]
    assert spans[-1] is None


def test_unknown_backend_names_the_available_ones() -> None:
    with pytest.raises(BackendError, match="ensemble:stanza"):
        make_ner_stage("spacy")
    assert BACKENDS == ("builtin", "gazetteer", "camel", "stanza", "ensemble")
    # only the ensemble takes an option after the colon, and only an external backend's name
    for name in ("camel:stanza", "builtin:", "ensemble:gazetteer", "ensemble:builtin"):
        with pytest.raises(BackendError, match="unknown NER backend"):
            make_ner_stage(name)


def test_registry_is_a_table_of_importable_factories() -> None:
    import importlib

    for name, entry in REGISTRY.items():
        module, _, function = entry.factory.partition(":")
        assert callable(getattr(importlib.import_module(module), function)), name
    assert make_ner_stage("gazetteer").version.startswith("gazetteer:")


def test_the_registry_is_a_leaf() -> None:
    # it names the backends by module path and imports none of them, so none can import it back
    import ast

    tree = ast.parse((ROOT / "src" / "arextract" / "ner" / "registry.py").read_text(encoding="utf-8"))
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert {name for name in imported if name and name.startswith("arextract.")} <= {
        "arextract.errors",
        "arextract.resources",
        "arextract.ner.backends",  # under TYPE_CHECKING only, for the NerStage protocol
    }


def test_stanza_realignment_with_a_fake_document() -> None:
    text = "وأعلنـت جامعة الدول العربيّة في الرياض. التقى شكري في القاهرة"

    def token(surface: str, start: int | None, end: int | None, ner: str) -> SimpleNamespace:
        return SimpleNamespace(text=surface, start_char=start, end_char=end, ner=ner)

    first = [
        token("وأعلنت", 0, 7, "O"),  # tatweel normalised away, offsets right
        token("جامعة", 8, 13, "B-ORG"),
        token("الدول", 20, 25, "I-ORG"),  # wrong offsets: realigned by search
        token("العربية", None, None, "E-ORG"),  # shadda dropped, no offsets
        token("في", 28, 30, "O"),
        token("الرياض", 31, 37, "S-LOC"),
        token(".", 37, 38, "O"),
    ]
    second = [
        token("التقى", 39, 44, "O"),
        token("شكري", 45, 49, "S-PER"),
        token("في", 50, 52, "O"),
        token("القاهرة", 53, 60, "S-LOC"),
    ]
    fake = SimpleNamespace(sentences=[SimpleNamespace(tokens=first), SimpleNamespace(tokens=second)])
    spans = stanza_char_spans(text, fake)
    assert [(text[s:e], label) for s, e, label in spans] == [
        ("جامعة الدول العربيّة", "ORG"),
        ("الرياض", "LOC"),
        ("شكري", "PER"),
        ("القاهرة", "LOC"),
    ]


# --------------------------------------------------------------------------------------------
# Errors when a model is missing
# --------------------------------------------------------------------------------------------


def test_camel_missing_model_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    already = "camel_tools.data" in sys.modules
    with pytest.raises(BackendError, match=r"pip install camel-tools && camel_data -i ner"):
        arextract.extract(TEXT, backend="camel")
    monkeypatch.setenv("ARX_CAMEL_NER_MODEL", str(tmp_path / "nowhere"))
    arextract._pipeline.cache_clear()
    with pytest.raises(BackendError, match="ARX_CAMEL_NER_MODEL"):
        arextract.extract(TEXT, backend="camel")
    assert already or "camel_tools.data" not in sys.modules  # the catalogue was never loaded
    assert not (tmp_path / "camel_data").exists()


def test_stanza_missing_model_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pytest.importorskip("stanza")
    monkeypatch.setenv("ARX_STANZA_DIR", str(tmp_path))
    with pytest.raises(BackendError, match=r'pip install "arextract\[stanza\]"'):
        arextract.extract(TEXT, backend="stanza")


def test_ensemble_without_any_external_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ARX_STANZA_DIR", str(tmp_path))
    with pytest.raises(BackendError, match=r"camel_data -i ner.*arextract\[stanza\]"):
        arextract.extract(TEXT, backend="ensemble")


# --------------------------------------------------------------------------------------------
# camel end to end
# --------------------------------------------------------------------------------------------


def test_camel_end_to_end(
    monkeypatch: pytest.MonkeyPatch, camel_model: Path, seed_texts: dict[str, str]
) -> None:
    monkeypatch.setenv("ARX_CAMEL_NER_MODEL", str(camel_model))
    already = "camel_tools.data" in sys.modules
    nlp = arextract.Pipeline(backend="camel")
    stage = nlp.stages[1]
    assert stage.version.startswith("camel:")
    try:
        force_label(stage, None)  # random weights: any BIO sequence; offsets must hold
        for text in [TEXT, *(t[:1500] for t in seed_texts.values())]:
            doc = nlp(text)
            check_offsets(doc)
            assert doc.meta.models["ner"].startswith("camel:")

        force_label(stage, "B-LOC")  # every word a place: refined by the gazetteer
        doc = Document(text=TEXT)
        SegmentStage()(doc)
        stage(doc)
        check_offsets(doc)
        by_text = {e.text: e for e in doc.entities}
        assert by_text["الرياض"].type is EntityType.CITY and by_text["الرياض"].subtype == "capital"
        assert by_text["القاهرة"].type is EntityType.CITY
        assert by_text["قازاقستان"].type is EntityType.COUNTRY  # و trimmed
        assert by_text["قازاقستان"].kb_id == "KZ"
        assert by_text["شكري"].type is EntityType.REGION  # an unknown place: location_default
        assert "." not in by_text and all(e.source == "camel" for e in doc.entities)

        force_label(stage, "B-PERS")
        doc = Document(text=TEXT)
        SegmentStage()(doc)
        stage(doc)
        by_text = {e.text: e for e in doc.entities}
        assert by_text["سامح"].type is EntityType.PERSON
        assert by_text["القاهرة"].type is EntityType.CITY  # an exact knowledge-file name wins

        force_label(stage, "I-ORG")  # a stray I- starts a span: one mention per sentence
        doc = Document(text=TEXT)
        SegmentStage()(doc)
        stage(doc)
        assert [e.text for e in doc.entities] == [
            "وأعلنت جامعة الدول العربية في الرياض دعمها لمبادرة الحزام والطريق",
            "التقى وزير الخارجية سامح شكري في القاهرة نظيره من وقازاقستان",
        ]
        assert all(e.type is EntityType.ORGANIZATION for e in doc.entities)
    finally:
        force_label(stage, None)
    assert already or "camel_tools.data" not in sys.modules


def test_ensemble_merges_and_refines(monkeypatch: pytest.MonkeyPatch, camel_model: Path) -> None:
    monkeypatch.setenv("ARX_CAMEL_NER_MODEL", str(camel_model))
    stage = make_ner_stage("ensemble")  # camel's model is found first
    assert isinstance(stage, EnsembleNER) and stage.external.backend == "camel"
    assert stage.version.startswith("ensemble(")
    # the merge itself over the gazetteer, whether or not the builtin model is trained here
    ensemble = EnsembleNER(GazetteerNER(known_names(ModelPaths.under().kb)), stage.external)
    try:
        force_label(stage.external, "B-LOC")
        base_doc = Document(text=TEXT)
        SegmentStage()(base_doc)
        ensemble.base(base_doc)
        doc = Document(text=TEXT)
        SegmentStage()(doc)
        ensemble(doc)
        check_offsets(doc)
        spans = {(e.start, e.end, e.type) for e in doc.entities}
        assert {(e.start, e.end, e.type) for e in base_doc.entities} <= spans  # arextract's kept
        types = {e.text: e.type for e in doc.entities}
        assert types["مبادرة الحزام والطريق"] is EntityType.INITIATIVE  # never split by camel
        assert "الحزام" not in types and "والطريق" not in types
        assert types["جامعة الدول العربية"] is EntityType.ORGANIZATION
        assert types["دعمها"] is EntityType.REGION  # camel's own mention, added
        assert any(e.source == "camel" for e in doc.entities)

        doc = Document(text=TEXT)
        SegmentStage()(doc)
        stage(doc)  # builtin + camel (the gazetteer alone, with a warning, without the model)
        check_offsets(doc)
        assert stage.warning is None or stage.warning in doc.meta.warnings
        full = arextract.extract(TEXT, backend="ensemble:camel")  # linking, time, relations on top
        check_offsets(full)
        assert full.meta.backend == "ensemble:camel"
        assert any(e.type is EntityType.INITIATIVE for e in full.entities)
    finally:
        force_label(stage.external, None)


def _entity(
    text: str, start: int, end: int, type_: EntityType, source: str, confidence: float = 0.7
) -> Entity:
    return Entity(
        id="",
        type=type_,
        text=text,
        start=start,
        end=end,
        canonical=text,
        confidence=confidence,
        source=source,
    )


def test_merge_policy() -> None:
    city = _entity("بكين", 6, 10, EntityType.CITY, "gazetteer", 0.9)
    initiative = _entity("الحزام والطريق", 20, 34, EntityType.INITIATIVE, "gazetteer", 0.9)
    person = _entity("وانغ", 40, 44, EntityType.PERSON, "model", 0.75)
    base = [city, initiative, person]
    external = [
        _entity("جامعة بكين", 0, 10, EntityType.ORGANIZATION, "camel"),  # ORG over the city: wins
        _entity("مبادرة الحزام والطريق", 13, 34, EntityType.ORGANIZATION, "camel"),  # initiative wins
        _entity("وانغ", 40, 44, EntityType.PERSON, "camel"),  # agrees with the model: confidence up
        _entity("يي", 43, 46, EntityType.PERSON, "camel"),  # crosses: dropped
        _entity("الصين", 50, 55, EntityType.COUNTRY, "camel"),  # new: added
    ]
    merged = {(e.start, e.end): e for e in merge_ensemble(base, external)}
    assert set(merged) == {(0, 10), (20, 34), (40, 44), (50, 55)}
    assert merged[(0, 10)].source == "camel"
    assert merged[(0, 10)].source is EntitySource.CAMEL  # the strings are EntitySource's values
    assert merged[(20, 34)].type is EntityType.INITIATIVE
    assert merged[(40, 44)].source == "model" and merged[(40, 44)].confidence == pytest.approx(0.85)


# --------------------------------------------------------------------------------------------
# stanza end to end
# --------------------------------------------------------------------------------------------


def test_stanza_end_to_end(monkeypatch: pytest.MonkeyPatch, stanza_dir: Path) -> None:
    monkeypatch.setenv("ARX_STANZA_DIR", str(stanza_dir))
    doc = arextract.extract(TEXT, backend="stanza")
    check_offsets(doc)
    assert doc.meta.models["ner"].startswith("stanza:")
    ner = make_ner_stage("stanza")
    raw = Document(text=TEXT)
    SegmentStage()(raw)
    ner(raw)
    check_offsets(raw)
    assert raw.entities, "the tiny stanza model tags its own training sentences"
    assert all(e.source == "stanza" for e in raw.entities)
    for entity in raw.entities:
        if entity.text in ("القاهرة", "الرياض"):
            assert entity.type is EntityType.CITY  # LOC refined by the gazetteer
    ensemble = arextract.extract(TEXT, backend="ensemble:stanza")
    check_offsets(ensemble)
    assert ensemble.meta.models["ner"].startswith("ensemble(") and "stanza:" in ensemble.meta.models["ner"]


# --------------------------------------------------------------------------------------------
# python -m arextract backends
# --------------------------------------------------------------------------------------------


def test_backends_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], camel_model: Path, tmp_path: Path
) -> None:
    from arextract.cli import main

    monkeypatch.setenv("ARX_CAMEL_NER_MODEL", str(camel_model))
    monkeypatch.setenv("ARX_STANZA_DIR", str(tmp_path))
    assert main(["backends", "--json"]) == 0
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert list(rows) == list(BACKENDS)
    assert rows["camel"]["installed"] and rows["camel"]["model_found"]
    assert str(camel_model) in rows["camel"]["where"]
    assert not rows["stanza"]["model_found"] and str(tmp_path) in rows["stanza"]["where"]
    assert rows["ensemble"]["model_found"] and "camel" in rows["ensemble"]["where"]
    assert rows["gazetteer"]["model_found"]
    assert rows["builtin"]["installed"] and rows["builtin"]["model_found"]  # the shipped models/ner
    assert "camel_tools.ner" in sys.modules or "camel_tools.data" not in sys.modules

    monkeypatch.delenv("ARX_CAMEL_NER_MODEL")
    assert main(["backends"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^camel\s+yes\s+no\s", out, re.MULTILINE)
    assert "camel_data -i ner" in out and "arextract[stanza]" in out
