"""The shipped NER model: loads from models/, tags the seeds, keeps its test score, retrains."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

import arextract
from arextract.evaluate import evaluate_ner
from arextract.ner.tagger import NerTagger
from arextract.segment import split_sentences, tokenize

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "ner"
DATA = ROOT.parent / "shared" / "data" / "ner"
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"NER corpora not found at {DATA}")


def tagged_spans(tagger: NerTagger, text: str) -> set[tuple[str, str]]:
    """(surface, type) of every span the raw tagger labels, sentence by sentence."""
    found = set()
    for sentence in split_sentences(text):
        tokens = tokenize(text, sentence.start, sentence.end)
        labels = tagger.tag([t.text for t in tokens])
        current: list[str] = []
        kind = ""
        for token, label in [*zip(tokens, labels, strict=True), (None, "O")]:
            if current and not label.startswith("I-"):
                found.add((" ".join(current), kind))
                current = []
            if label.startswith("B-") and token is not None:
                current, kind = [token.text], label[2:].split("/")[0]
            elif label.startswith("I-") and token is not None:
                current.append(token.text)
    return found


def test_the_shipped_tagger_tags_seed_people_and_countries(seed_texts: dict[str, str]) -> None:
    tagger = NerTagger.load(MODEL)
    spans = set().union(*(tagged_spans(tagger, text) for text in seed_texts.values()))
    for name in ("وانغ يي", "ألكسندر لوكاشينكو"):
        assert (name, "PERSON") in spans
    for country in ("الصين", "قازاقستان", "بيلاروسيا", "روسيا", "منغوليا"):
        assert any(text.endswith(country) and kind == "COUNTRY" for text, kind in spans), country


def test_the_builtin_backend_finds_every_seed_person(seed_texts: dict[str, str]) -> None:
    # the tagger alone misses تليوبردي and the bare شي; merged with the gazetteer it does not
    people = set()
    for text in seed_texts.values():
        doc = arextract.extract(text, backend="builtin")
        people |= {e.canonical for e in doc.entities if e.type.value == "PERSON"}
        assert any(e.source == "model" for e in doc.entities)
    assert {"وانغ يي", "مختار تليوبردي", "ألكسندر لوكاشينكو", "شي جين بينغ"} <= people


def test_tagger_loads_once_per_process() -> None:
    from arextract.ner.backends import _load_tagger

    assert _load_tagger(str(MODEL)) is _load_tagger(str(MODEL))


@needs_data
def test_shipped_model_keeps_its_model_card_score_on_anercorp_test() -> None:
    card = (MODEL / "MODEL_CARD.md").read_text(encoding="utf-8")
    match = re.search(r"\| \*\*micro\*\* \| [\d.]+ \| [\d.]+ \| ([\d.]+) \|", card)
    assert match is not None, "the model card states no micro F1"
    stated = float(match.group(1))
    scores, scheme, _ = evaluate_ner(DATA / "anercorp" / "test.conll", MODEL)
    assert scheme == "coarse"
    assert 100 * scores["micro"][2] >= stated - 1.0  # scores are fractions, the card percentages


@needs_data
def test_training_on_a_small_slice_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "ner"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "arextract.train",
            "ner",
            "--data",
            str(DATA),
            "--out",
            str(out),
            "--limit",
            "150",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    tagger = NerTagger.load(out)
    labels = tagger.tag(["قال", "وزير", "الخارجية", "الصيني", "وانغ", "يي", "في", "بكين"])
    assert len(labels) == 8
    assert all(label == "O" or label[:2] in ("B-", "I-") for label in labels)
