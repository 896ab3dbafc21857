"""Pre-annotations for Label Studio and brat, and their corrected exports back as gold."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from arextract.annotation_export import ENTITY_LABELS, RELATION_LABELS
from arextract.cli import main as cli_main
from arextract.evaluate import main as evaluate_main
from arextract.evaluation.annotations import read_annotations
from arextract.evaluation.relations import evaluate as evaluate_relations
from arextract.pipeline import Pipeline
from arextract.schema import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory, nlp: Pipeline) -> tuple[Path, list[Document]]:
    """A batch output over seeds/ (documents.jsonl) and its Documents."""
    out = tmp_path_factory.mktemp("seeds_out")
    docs = [
        nlp(p.read_text(encoding="utf-8")).model_copy(update={"source": str(p)})
        for p in sorted(SEEDS.glob("*.txt"))
    ]
    (out / "documents.jsonl").write_text("".join(d.model_dump_json() + "\n" for d in docs), encoding="utf-8")
    return out / "documents.jsonl", docs


@pytest.fixture(scope="module")
def labelstudio(seeds: tuple[Path, list[Document]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("labelstudio")
    assert cli_main(["export", "labelstudio", str(seeds[0]), "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def brat(seeds: tuple[Path, list[Document]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brat")
    assert cli_main(["export", "brat", str(seeds[0].parent), "-o", str(out)]) == 0
    return out


def accepted(tasks_path: Path, target: Path) -> Path:
    """What Label Studio exports (JSON) after an annotator submits every pre-annotation unchanged:
    each task gets an annotation whose result is the prediction's result."""
    tasks = json.loads(tasks_path.read_text(encoding="utf-8"))
    for number, task in enumerate(tasks, 1):
        task["id"] = number
        result = json.loads(json.dumps(task["predictions"][0]["result"]))
        task["annotations"] = [{"id": number, "result": result, "was_cancelled": False}]
    target.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return target


def _relations_json(gold: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, float]]:
    assert evaluate_main(["relations", str(gold), "--json"]) == 0
    return json.loads(capsys.readouterr().out)["total"]


def _ner_micro(gold: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert evaluate_main(["ner", str(gold)]) == 0
    lines = capsys.readouterr().out.splitlines()
    return next(line for line in lines if line.startswith("micro")).split()


# --------------------------------------------------------------------------------------------
# Round trips: export -> (accept) -> gold -> evaluate gives 1.0
# --------------------------------------------------------------------------------------------


def test_labelstudio_round_trip_scores_arextract_perfectly(
    labelstudio: Path, seeds: tuple[Path, list[Document]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, docs = seeds
    export = accepted(labelstudio / "tasks.json", tmp_path / "export.json")
    total = _relations_json(export, capsys)
    relations = sum(len(d.relations) for d in docs)
    assert (total["precision"], total["recall"], total["date_accuracy"]) == (1.0, 1.0, 1.0)
    assert total["gold"] == total["system"] == total["matched"] == relations == 87
    mentions = sum(len(d.entities) for d in docs)
    assert _ner_micro(export, capsys) == ["micro", "100.00", "100.00", "100.00", str(mentions)]


def test_brat_round_trip_scores_arextract_perfectly(
    brat: Path, seeds: tuple[Path, list[Document]], capsys: pytest.CaptureFixture[str]
) -> None:
    _, docs = seeds
    total = _relations_json(brat, capsys)
    assert (total["precision"], total["recall"], total["date_accuracy"]) == (1.0, 1.0, 1.0)
    assert total["gold"] == total["matched"] == 87
    mentions = sum(len(d.entities) for d in docs)
    assert _ner_micro(brat, capsys)[1:] == ["100.00", "100.00", "100.00", str(mentions)]


def test_gold_carries_canonical_names_dates_and_triggers(
    brat: Path, labelstudio: Path, tmp_path: Path
) -> None:
    export = accepted(labelstudio / "tasks.json", tmp_path / "export.json")
    for annotated in (read_annotations(brat)[1], read_annotations(export)[1]):
        meeting = next(r for r in annotated.gold.relations if r.type.value == "MEETING")
        assert meeting.arguments == [("participant", "وانغ يي"), ("participant", "مختار تليوبردي")]
        assert (meeting.date, meeting.trigger) == ("2020-09-12", "اجتماعه مع")
        assert annotated.gold.text[meeting.position :].startswith("اجتماعه مع")
        # البلدين: two COUNTRY mentions on one span survive as two
        shared = [m for m in annotated.mentions if annotated.gold.text[m.start : m.end] == "البلدين"]
        assert len(shared) % 2 == 0 and shared


# --------------------------------------------------------------------------------------------
# Corrections are what gets scored
# --------------------------------------------------------------------------------------------


def test_corrections_in_brat_change_the_scores(brat: Path, tmp_path: Path, nlp: Pipeline) -> None:
    corrected = tmp_path / "corrected"
    corrected.mkdir()
    for path in brat.iterdir():
        (corrected / path.name).write_bytes(path.read_bytes())
    ann = next(corrected.glob("00005_*.ann"))
    lines = ann.read_text(encoding="utf-8").splitlines()
    # The annotator deletes the phone call (a false positive, say) ...
    call = next(line for line in lines if line.startswith("E") and "\tPHONE_CALL:" in line)
    lines.remove(call)
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = evaluate_relations([corrected], nlp)
    assert (report.total.gold, report.total.system, report.total.matched) == (86, 87, 86)
    assert report.total.recall == 1.0 and report.total.precision == pytest.approx(86 / 87)
    assert any("PHONE_CALL" in line for line in report.spurious)


def test_corrections_in_labelstudio_change_the_scores(
    labelstudio: Path, tmp_path: Path, nlp: Pipeline, capsys: pytest.CaptureFixture[str]
) -> None:
    tasks = json.loads(accepted(labelstudio / "tasks.json", tmp_path / "x.json").read_text(encoding="utf-8"))
    result = tasks[1]["annotations"][0]["result"]
    # The meeting's date is corrected to the next day, and one PERSON becomes an ORGANIZATION.
    meeting = next(r for r in result if r.get("type") == "labels" and r["value"]["labels"] == ["MEETING"])
    edges = [r for r in result if r.get("type") == "relation" and r["from_id"] == meeting["id"]]
    date_id = next(r["to_id"] for r in edges if r["labels"] == ["date"])
    note = next(r for r in result if r.get("type") == "textarea" and r["id"] == date_id)
    note["value"]["text"] = ["2020-09-13"]
    person = next(r for r in result if r.get("type") == "labels" and r["value"]["labels"] == ["PERSON"])
    person["value"]["labels"] = ["ORGANIZATION"]
    # A cancelled annotation does not count; the latest submitted one does.
    tasks[1]["annotations"].append({"id": 99, "result": [], "was_cancelled": True})
    export = tmp_path / "corrected.json"
    export.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    report = evaluate_relations([export], nlp)
    assert report.total.matched == report.total.gold == 87
    assert report.total.date_accuracy < 1.0
    assert any("2020-09-13" in line for line in report.wrong_dates)
    assert evaluate_main(["ner", str(export)]) == 0
    table = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines()[2:]}
    # one PERSON the system finds is no longer gold; one ORGANIZATION of the gold it does not find
    assert table["PERSON"][0] != "100.00" and table["PERSON"][1] == "100.00"
    assert table["ORGANIZATION"][1] != "100.00" and table["ORGANIZATION"][0] == "100.00"


def test_a_task_without_annotations_is_not_gold(labelstudio: Path) -> None:
    assert read_annotations(labelstudio / "tasks.json") == []  # predictions only


# --------------------------------------------------------------------------------------------
# The files themselves, and real consumers of each format
# --------------------------------------------------------------------------------------------


def test_labelling_config_declares_every_label_and_role_the_tasks_use(labelstudio: Path) -> None:
    root = ET.parse(labelstudio / "label_config.xml").getroot()
    labels = {e.get("value") for e in root.iter("Label")}
    roles = {e.get("value") for e in root.iter("Relation")}
    assert labels == {*ENTITY_LABELS, "TIME", *RELATION_LABELS}
    tasks = json.loads((labelstudio / "tasks.json").read_text(encoding="utf-8"))
    for task in tasks:
        result = task["predictions"][0]["result"]
        assert {r["value"]["labels"][0] for r in result if r["type"] == "labels"} <= labels
        assert {r["labels"][0] for r in result if r["type"] == "relation"} <= roles
        text = task["data"]["text"]
        for r in result:
            if r["type"] == "labels":
                assert text[r["value"]["start"] : r["value"]["end"]] == r["value"]["text"]
    first = tasks[0]["predictions"][0]["result"][0]
    assert {"from_name": "label", "to_name": "text"}.items() <= first.items()


def test_labelstudio_offsets_are_utf16_and_come_back(tmp_path: Path, nlp: Pipeline) -> None:
    text = "😀 التقى وزير الخارجية الصيني وانغ يي نظيره القازاقي مختار تليوبردي في بكين."
    doc = nlp(text)
    (tmp_path / "documents.jsonl").write_text(doc.model_dump_json() + "\n", encoding="utf-8")
    assert cli_main(["export", "labelstudio", str(tmp_path / "documents.jsonl"), "-o", str(tmp_path)]) == 0
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    first = next(r for r in tasks[0]["predictions"][0]["result"] if r["type"] == "labels")
    entity = doc.entities[0]
    assert first["value"]["start"] == entity.start + 1  # the emoji is two UTF-16 code units
    annotated = read_annotations(accepted(tmp_path / "tasks.json", tmp_path / "export.json"))[0]
    assert {(m.start, m.end, m.type) for m in annotated.mentions} == {
        (e.start, e.end, e.type.value) for e in doc.entities
    }


def test_bratly_reads_the_brat_export(brat: Path, seeds: tuple[Path, list[Document]]) -> None:
    bratly_io = pytest.importorskip("bratly.io")
    _, docs = seeds
    collection = bratly_io.read_document_collection_from_folder(
        str(brat), no_duplicates_ann=False, sort_ann=False, renumerotize_ann=False
    )
    by_name = {d.filename_without_ext: d for d in collection.documents}
    assert len(by_name) == len(docs) == 5
    for name, doc in zip(sorted(by_name), docs, strict=True):
        annotations = by_name[name].annotation_collections[0].annotations
        kinds: dict[str, list[object]] = {}
        for annotation in annotations:
            kinds.setdefault(type(annotation).__name__, []).append(annotation)
        events = kinds["EventAnnotation"]
        assert len(events) == len(doc.relations)
        entities = [a for a in kinds["EntityAnnotation"] if a.label in ENTITY_LABELS]  # type: ignore[attr-defined]
        assert len(entities) == len(doc.entities)
        text = by_name[name].text
        for annotation in kinds["EntityAnnotation"]:
            fragment = annotation.fragments[0]  # type: ignore[attr-defined]
            assert text[fragment.start : fragment.end] == annotation.content  # type: ignore[attr-defined]
        for event, relation in zip(events, doc.relations, strict=True):
            assert event.label == relation.type.value  # type: ignore[attr-defined]
            assert event.event_trigger.content == relation.trigger.text  # type: ignore[attr-defined]
            roles = [role.rstrip("0123456789") for role in event.args if role != "date"]  # type: ignore[attr-defined]
            assert roles == [a.role for a in relation.arguments]


def test_label_studio_converter_reads_the_config_and_the_export(
    labelstudio: Path, seeds: tuple[Path, list[Document]], tmp_path: Path
) -> None:
    converter_module = pytest.importorskip("label_studio_converter")
    _, docs = seeds
    config = (labelstudio / "label_config.xml").read_text(encoding="utf-8")
    converter = converter_module.Converter(config=config, project_dir=str(tmp_path), download_resources=False)
    assert "CONLL2003" in converter.supported_formats  # it recognised Labels on a Text
    export = accepted(labelstudio / "tasks.json", tmp_path / "export.json")
    converter.convert(str(export), str(tmp_path / "min"), "JSON_MIN", is_dir=False)
    items = json.loads((tmp_path / "min" / "result.json").read_text(encoding="utf-8"))
    assert len(items) == len(docs)
    for item, doc in zip(items, docs, strict=True):
        mentions = [r for r in item["label"] if r["labels"][0] in ENTITY_LABELS]
        assert [(r["start"], r["end"], r["labels"][0]) for r in mentions] == [
            (e.start, e.end, e.type.value) for e in doc.entities
        ]
        assert item["note"][: len(doc.entities)] == [e.canonical for e in doc.entities]
    converter.convert(str(export), str(tmp_path / "conll"), "CONLL2003", is_dir=False)
    conll = (tmp_path / "conll" / "result.conll").read_text(encoding="utf-8").splitlines()
    assert "وانغ -X- _ B-PERSON" in conll and "يي -X- _ I-PERSON" in conll


def test_export_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli_main(["export", "labelstudio", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path)])
    assert stop.value.code == 2 and "missing.jsonl" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        cli_main(["export", "conll", str(tmp_path), "-o", str(tmp_path)])
    assert stop.value.code == 2
