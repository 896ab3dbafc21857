"""The shipped NER model: loads from models/, tags the seeds, keeps its test score, retrains."""

import json
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

import arextract
from arextract.evaluation.ner import evaluate_ner
from arextract.ner.tagger import NerTagger
from arextract.text.segment import split_sentences, tokenize

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
    for name in ("وانغ يي", "ألكسندر لوكاشينكو", "شي جين بينغ"):
        assert (name, "PERSON") in spans
    for country in ("الصين", "قازاقستان", "بيلاروسيا", "روسيا", "منغوليا"):
        assert any(text.endswith(country) and kind == "COUNTRY" for text, kind in spans), country


def test_the_builtin_backend_finds_every_seed_person(seed_texts: dict[str, str]) -> None:
    # the tagger alone misses the full span مختار تليوبردي; merged with the gazetteer it does not
    people = set()
    for text in seed_texts.values():
        doc = arextract.extract(text, backend="builtin")
        people |= {e.canonical for e in doc.entities if e.type.value == "PERSON"}
        assert any(e.source == "model" for e in doc.entities)
    assert {"وانغ يي", "مختار تليوبردي", "ألكسندر لوكاشينكو", "شي جين بينغ"} <= people


def test_tagger_loads_once_per_process() -> None:
    from arextract.ner.builtin import _load_tagger

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


@pytest.fixture(scope="module")
def small_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both models trained end to end on 150 sentences per corpus, one BiLSTM epoch."""
    if not DATA.is_dir():
        pytest.skip(f"NER corpora not found at {DATA}")
    out = tmp_path_factory.mktemp("ner")
    _train_small(out)
    return out


def _train_small(out: Path) -> None:
    # word representations from a small unlabeled text (the seeds), each run with its own cache
    # (so the second run really retrains word2vec and k-means)
    unlabeled = out.parent / "unlabeled-seeds.txt"  # one name: config.json records it
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    unlabeled.write_text("\n".join(p.read_text(encoding="utf-8") for p in seeds), encoding="utf-8")
    command = ["-m", "arextract.train", "ner", "--data", str(DATA), "--out", str(out)]
    command += ["--unlabeled", str(unlabeled), "--vectors", str(out.parent / f"{out.name}-vectors")]
    result = subprocess.run(
        [sys.executable, *command, "--limit", "150", "--epochs", "1", "--kb", str(ROOT / "models" / "kb")],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_training_twice_gives_the_same_weights(small_model: Path, tmp_path: Path) -> None:
    import numpy as np

    _train_small(tmp_path)
    for name in ("crf.npz", "neural.npz", "wordreps.npz"):
        with np.load(small_model / name) as first, np.load(tmp_path / name) as second:
            assert first.files == second.files
            for key in first.files:
                assert np.array_equal(first[key], second[key]), (name, key)
    assert json.loads((tmp_path / "config.json").read_text(encoding="utf-8")) == json.loads(
        (small_model / "config.json").read_text(encoding="utf-8")
    )


@pytest.mark.slow
def test_training_on_a_small_slice_end_to_end(small_model: Path) -> None:
    config = json.loads((small_model / "config.json").read_text(encoding="utf-8"))
    assert 0.0 < config["ensemble"]["crf_weight"] < 1.0  # chosen on dev
    assert set(config["ensemble"]["dev_anercorp_f1_by_crf_weight"]) == {f"0.{k}" for k in range(1, 10)}
    tagger = NerTagger.load(small_model)
    assert tagger.model_version == config["model_version"]
    labels = tagger.tag(["قال", "وزير", "الخارجية", "الصيني", "وانغ", "يي", "في", "بكين"])
    assert len(labels) == 8
    assert all(label == "O" or label[:2] in ("B-", "I-") for label in labels)


@pytest.mark.slow
def test_the_chosen_ensemble_weight_scores_as_recorded_when_reloaded(small_model: Path) -> None:
    # the sweep runs inside training; a fresh load must tag dev exactly as it did
    from arextract.evaluation.ner import score_tagger
    from arextract.training.corpora import LabelMap, read_conll

    config = json.loads((small_model / "config.json").read_text(encoding="utf-8"))
    chosen = config["ensemble"]["crf_weight"]
    recorded = config["ensemble"]["dev_anercorp_f1_by_crf_weight"][f"{chosen:.1f}"]
    tagger = NerTagger.load(small_model)
    assert tagger.crf_weight == chosen
    dev = read_conll(DATA / "anercorp" / "dev.conll", 150)
    scores = score_tagger(tagger, dev, "coarse", LabelMap.load(small_model / "labels.toml"))
    assert round(scores["micro"][2], 4) == recorded


@pytest.mark.slow
def test_numpy_bilstm_matches_the_torch_network_it_was_exported_from(small_model: Path) -> None:
    import numpy as np
    import torch

    from arextract.ner.neural import NeuralTagger
    from arextract.ner.wordreps import WordReps
    from arextract.training.neural import Net, make_batch

    tagger = NeuralTagger.load(small_model)
    reps = WordReps.load(small_model)
    assert reps is not None and reps.vectors is not None  # the model reads pretrained vectors
    meta = json.loads((small_model / "neural.json").read_text(encoding="utf-8"))
    with np.load(small_model / "neural.npz") as npz:
        state = {name: torch.from_numpy(npz[name]) for name in npz.files}
    net = Net(
        len(meta["words"]) + 2,
        len(meta["stems"]) + 2,
        len(meta["chars"]) + 2,
        len(meta["labels"]),
        tagger.hidden,
        reps.vectors,
        meta["pretrained_scale"],
        "stem_pre_none" in state,
    )
    net.load_state_dict(state)
    net.eval()
    sentences = [
        [
            "وأجرى",
            "الرئيس",
            "الصيني",
            "شي",
            "جين",
            "بينغ",
            "اتصالا",
            "هاتفيا",
            "مع",
            "نظيره",
            "البيلاروسي",
            "ألكسندر",
            "لوكاشينكو",
        ],
        ["التقى", "وانغ", "يي", "وزير", "الخارجية", "في", "أستانا", "."],
        ["بكين"],
    ]
    ours = tagger.emissions(sentences)
    batch = make_batch([(*tagger.encoder.sentence(s), [0] * len(s)) for s in sentences])
    with torch.no_grad():
        theirs = net.emissions(batch, "A").numpy()
    for j, sentence in enumerate(sentences):
        np.testing.assert_allclose(ours[j, : len(sentence)], theirs[j, : len(sentence)], atol=1e-4)


@pytest.mark.slow
def test_exported_crf_decodes_exactly_like_crfsuite(tmp_path: Path) -> None:
    import numpy as np
    import pycrfsuite

    from arextract.ner.crf import CrfScorer, export_crfsuite
    from arextract.ner.features import FeatureExtractor, Gazetteers
    from arextract.ner.neural import viterbi_batch

    gaz = Gazetteers({"per": ["وانغ يي", "لوكاشينكو"], "country": ["الصين", "بيلاروسيا"]})
    features = FeatureExtractor(gaz, window=2)
    train = [
        (
            ["التقى", "وانغ", "يي", "نظيره", "في", "الصين"],
            ["O", "B-PERSON", "I-PERSON", "O", "O", "B-COUNTRY"],
        ),
        (["زار", "لوكاشينكو", "بيلاروسيا"], ["O", "B-PERSON", "B-COUNTRY"]),
        (["وقال", "الرئيس", "إن", "الصين", "تدعم", "المبادرة"], ["O", "O", "O", "B-COUNTRY", "O", "O"]),
    ]
    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, tags in train:
        trainer.append(features.sentence(tokens), tags)
    trainer.set_params({"c1": 0.0, "c2": 0.1, "max_iterations": 50, "feature.possible_transitions": True})
    trainer.train(str(tmp_path / "model.crfsuite"))
    labels = ["O", "B-COUNTRY", "B-PERSON", "I-PERSON"]
    export_crfsuite(tmp_path / "model.crfsuite", tmp_path, labels)
    scorer = CrfScorer.load(tmp_path, gaz, window=2, domain="")
    crfsuite = pycrfsuite.Tagger()
    crfsuite.open(str(tmp_path / "model.crfsuite"))
    tests = [
        ["وصل", "وانغ", "يي", "إلى", "بيلاروسيا"],
        ["الصين"],
        ["قال", "لوكاشينكو", "إن", "الصين", "شريك"],
    ]
    emissions, _ = scorer.emissions(tests)
    for tokens, scores in zip(tests, emissions, strict=True):
        path = viterbi_batch(scores[None], [len(tokens)], scorer.transitions, np.zeros(4), np.zeros(4))[0]
        assert [labels[i] for i in path] == crfsuite.tag(features.sentence(tokens))


def test_a_name_found_once_is_tagged_across_the_document() -> None:
    from arextract.ner.consistency import propagate_names

    sentences = [
        ["وقال", "المدرب", "أرسين", "فينغر", "إن", "الفريق", "جاهز"],
        ["وأضاف", "فينغر", "أن", "لندن", "مدينة", "رائعة"],
        ["ورفض", "لفينغر", "أي", "تعليق"],
    ]
    labels = [
        ["O", "O", "B-PERSON/athlete", "I-PERSON/athlete", "O", "O", "O"],
        ["O", "O", "O", "O", "O", "O"],
        ["O", "O", "O", "O"],
    ]
    out = propagate_names(sentences, labels, window=10)
    assert out[0] == labels[0]
    assert out[1][1] == "B-PERSON"  # the surname alone, proclitic و stripped to match
    assert out[1][3] == "O"  # places are not propagated
    assert out[2][1] == "B-PERSON"
    assert propagate_names(sentences, labels, window=0)[1] == labels[1]  # outside the window


# -- the whole pipeline on ANERcorp (python -m arextract.evaluate ner-pipeline) --------------------


@needs_data
def test_pipeline_scores_on_an_anercorp_slice_are_sane() -> None:
    from arextract.evaluation.ner_pipeline import run_pipeline
    from arextract.pipeline import Pipeline
    from arextract.training.corpora import LabelMap, read_conll

    sents = read_conll(DATA / "anercorp" / "test.conll", 200)
    tagger = NerTagger.load(MODEL)
    run = run_pipeline(sents, Pipeline(), tagger.tag_document, LabelMap.load(MODEL / "labels.toml"), 20)
    whole, chunked, pipeline = run.scores()
    for scores in (whole, chunked, pipeline):
        assert {"LOC", "ORG", "PERS", "micro"} <= set(scores)
        assert all(0.0 <= value <= 1.0 for p, r, f, _ in scores.values() for value in (p, r, f))
        assert scores["micro"][3] == sum(n for typ, (_, _, _, n) in scores.items() if typ != "micro")
    # the same gold under all three, and the pipeline neither silent nor far off the tagger
    assert whole["micro"][3] == pipeline["micro"][3] > 200
    assert pipeline["micro"][2] > 0.5
    assert abs(whole["micro"][2] - pipeline["micro"][2]) < 0.15
    assert [len(labels) for labels in run.pipeline] == [len(s) for s in sents]


def test_pipeline_mentions_map_to_whole_clitic_attached_tokens() -> None:
    from arextract.evaluation.ner_pipeline import make_chunks, run_pipeline
    from arextract.schema import Document, Entity, EntitySource, EntityType
    from arextract.training.corpora import LabelMap

    # ANERcorp tags the whole token وكوستاريكا; the pipeline's mention starts after the و
    sents = [
        [("زارت", "O"), ("البعثة", "O"), ("وكوستاريكا", "B-LOC"), ("أمس", "O")],
        [("ووصل", "O"), ("ماركو", "B-PERS"), ("فيلاني", "I-PERS"), ("الإيطالي", "O")],
        [("افتتح", "O"), ("مهرجان", "B-MISC"), ("الزيتون", "I-MISC"), ("في", "O"), ("بلدته", "O")],
    ]
    chunk = make_chunks([[w for w, _ in s] for s in sents], 20)[0]
    assert chunk.text.split("\n")[1] == "ووصل ماركو فيلاني الإيطالي"

    def mention(text: str, surface: str, typ: EntityType, source: EntitySource, **extra: str) -> Entity:
        start = text.index(surface)
        return Entity(
            id="e",
            text=surface,
            start=start,
            end=start + len(surface),
            type=typ,
            canonical=surface,
            source=source,
            **extra,
        )

    def extract(text: str) -> Document:
        return Document(
            text=text,
            entities=[
                mention(text, "كوستاريكا", EntityType.COUNTRY, EntitySource.GAZETTEER),
                mention(text, "ماركو", EntityType.PERSON, EntitySource.LINK),  # inside the longer one
                mention(text, "ماركو فيلاني", EntityType.PERSON, EntitySource.MODEL),
                mention(text, "الإيطالي", EntityType.COUNTRY, EntitySource.GAZETTEER, subtype="nisba"),
                mention(text, "بلدته", EntityType.CITY, EntitySource.COREF),
                mention(text, "مهرجان الزيتون", EntityType.EVENT, EntitySource.RULE),
            ],
        )

    def no_names(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [["O"] * len(s) for s in sentences]

    run = run_pipeline(sents, extract, no_names, LabelMap.load(MODEL / "labels.toml"))
    assert run.pipeline == [
        ["O", "O", "B-LOC", "O"],
        ["O", "B-PERS", "I-PERS", "O"],  # the nisba adjective is left out
        ["O", "B-MISC", "I-MISC", "O", "O"],  # the coreference mention is left out
    ]
    assert run.dropped == {"nisba": 1, "coref": 1}
    assert run.mentions[(1, 1, 3, "PERS")].source is EntitySource.MODEL
    _, _, pipeline = run.scores()
    assert pipeline["micro"][2] == 1.0


def test_ner_pipeline_command_prints_both_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from arextract.evaluate import main

    conll = tmp_path / "tiny.conll"
    conll.write_text(
        "زار\tO\nالوفد\tO\nالقاهرة\tB-LOC\nأمس\tO\n\nوقال\tO\nعمر\tB-PERS\nالشريف\tI-PERS\n", encoding="utf-8"
    )
    assert main(["ner-pipeline", str(conll), "--chunk-sentences", "2", "-v"]) == 0
    out = capsys.readouterr().out
    assert out.count("micro") == 3  # tagger on the file, tagger per chunk, pipeline
    assert "the default pipeline, chunks of 2 sentences" in out


def test_word_vectors_fall_back_to_the_proclitic_stripped_stem() -> None:
    import numpy as np

    from arextract.ner.wordreps import WordReps

    words = ["قازاقستان", "الصين", "صين"]
    reps = WordReps(words, np.zeros((3, 1), dtype=np.int16), (64,), np.eye(3, dtype=np.float16))
    assert reps.row("وقازاقستان") == 0
    assert reps.row("للصين") == 1  # لل -> ال: الصين before the bare صين
    assert reps.row("كوفيد") == -1
    assert reps.cluster_ids("كوفيد") == ()


def test_a_word_without_a_cluster_gets_no_attribute_unless_the_model_was_trained_with_one() -> None:
    """`--no-cluster-none` (the training default): a word the clusters do not know (كوفيد,
    absent from the 2017 text) adds no 'c=none' that the CRF could learn as 'rare = name'."""
    import numpy as np

    from arextract.ner.features import FeatureExtractor
    from arextract.ner.wordreps import WordReps

    reps = WordReps(["الصين"], np.zeros((1, 1), dtype=np.int16), (64,), np.eye(1, dtype=np.float16))
    for cluster_none in (False, True):
        features = FeatureExtractor(reps=reps, cluster_none=cluster_none)
        unknown = features.word_info("كوفيد")[1]
        assert ("c=none" in unknown) is cluster_none
        assert "c64=0" in features.word_info("الصين")[1]


@needs_data
@pytest.mark.slow
def test_whole_pipeline_keeps_its_model_card_score_on_anercorp_test() -> None:
    """The figure `python -m arextract.evaluate ner-pipeline .../anercorp/test.conll` gives,
    stated in the model card's last row of the tagger-vs-pipeline table; fails on a drop of
    more than one point."""
    from arextract.evaluation.ner_pipeline import run_pipeline
    from arextract.pipeline import Pipeline
    from arextract.training.corpora import LabelMap, read_conll

    card = (MODEL / "MODEL_CARD.md").read_text(encoding="utf-8")
    match = re.search(r"the shipped state \| \*\*([\d.]+) \(", card)
    assert match is not None, "the model card states no whole-pipeline figure"
    sents = read_conll(DATA / "anercorp" / "test.conll")
    tagger = NerTagger.load(MODEL)
    run = run_pipeline(sents, Pipeline(), tagger.tag_document, LabelMap.load(MODEL / "labels.toml"), 20)
    pipeline = run.scores()[2]
    assert 100 * pipeline["micro"][2] >= float(match.group(1)) - 1.0


def test_a_family_name_copied_after_a_tagged_given_name_continues_it() -> None:
    from arextract.ner.consistency import propagate_names

    # each sentence with its tags, one tag per word (P = B-PERSON, I = I-PERSON)
    tagged = [
        ("وقال خالد المعولي إن الرحلة آمنة", "O P I O O O"),
        ("وأضاف الطيار سعود المعولي أن الطقس جيد", "O O P O O O O"),
        ("والتقى الوزير نادر بن المعولي أمس", "O O P I O O"),
        ("وقال بيرنار ومالك إن الاتفاق قريب", "O P O O O O"),
        ("وأكد مالك أن الحل قريب", "O P O O O"),
    ]
    tags = {"O": "O", "P": "B-PERSON", "I": "I-PERSON"}
    sentences = [words.split() for words, _ in tagged]
    labels = [[tags[tag] for tag in line.split()] for _, line in tagged]
    out = propagate_names(sentences, labels)
    assert out[1][2:4] == ["B-PERSON", "I-PERSON"]  # one person, سعود المعولي
    assert out[2][2:5] == ["B-PERSON", "I-PERSON", "I-PERSON"]  # after بن
    assert out[3][1:3] == ["B-PERSON", "B-PERSON"]  # و + a known name: a second person


def test_word_type_caches_emptied_between_batches_give_the_same_labels(
    seed_texts: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the CRF's and the LSTM's per-word-type rows live in one growing array each (TypeRows);
    # with a cache of 50 word types they are emptied before nearly every batch, and a long
    # stream must tag exactly as a fresh tagger does
    documents = [
        [[t.text for t in tokenize(text, s.start, s.end)] for s in split_sentences(text)]
        for text in seed_texts.values()
    ]
    expected = [NerTagger.load(MODEL).tag_document(sentences) for sentences in documents]
    monkeypatch.setattr("arextract.ner.features.WORD_CACHE_SIZE", 50)
    small = NerTagger.load(MODEL)
    assert [small.tag_document(sentences) for sentences in documents * 2] == expected * 2
    # emptied before a batch only: at most the bound plus one batch (here one document)
    batch = max(sum(map(len, sentences)) for sentences in documents)
    assert 0 < len(small._crf._rows.index) <= 50 + batch  # type: ignore[union-attr]
    assert 0 < len(small._neural._proj.index) <= 50 + batch  # type: ignore[union-attr]
