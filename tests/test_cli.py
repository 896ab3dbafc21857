"""The batch CLI on the seeds and on a folder with an undecodable file (more in test_batch.py)."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from arextract.cli import main as cli_main

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "arextract", *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


def test_cli_on_seeds_writes_every_output(tmp_path: Path) -> None:
    result = run_cli("seeds", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    documents = [json.loads(line) for line in (tmp_path / "documents.jsonl").read_text().splitlines()]
    assert len(documents) == 5
    assert {Path(d["source"]).name[:3] for d in documents} == {"000", "001", "002", "003", "004"}
    with (tmp_path / "entities.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    china = [row for row in rows if row["canonical"] == "الصين" and row["type"] == "COUNTRY"]
    assert len(china) == 1 and china[0]["kb_id"] == "CN" and int(china[0]["documents"]) == 5
    # one row per real-world entity: every spelling of a person on one row, no name twice
    assert len({row["canonical"] for row in rows}) == len(rows)
    people = {row["canonical"]: set(row["aliases"].split("|")) for row in rows if row["type"] == "PERSON"}
    seed_people = {"وانغ يي", "شي جين بينغ", "مختار تليوبردي", "ألكسندر لوكاشينكو"}
    assert seed_people <= set(people)
    # (the tagger also proposes a few false people, e.g. "حسن الجوار"; none is a second row
    # for one of the real ones)
    for name, aliases in people.items():
        if name not in seed_people:
            assert not aliases & set().union(*(people[p] for p in seed_people)), name
    assert {"وانغ يي", "وانج يي", "وانغ"} <= people["وانغ يي"]
    assert {"شي جين بينغ", "شي جين بينج", "شي"} <= people["شي جين بينغ"]
    assert {"مختار تليوبردي", "مختار تليوبيردي"} <= people["مختار تليوبردي"]
    assert all(row["kb_id"] for row in rows if row["type"] == "COUNTRY")
    assert (tmp_path / "relations.csv").read_text().startswith("source,relation_id,type")
    assert (tmp_path / "errors.jsonl").read_text() == ""
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["documents"] == 5 and summary["errors"] == 0
    assert "documents" in result.stdout


def test_cli_records_an_undecodable_file_and_goes_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    (inputs / "nested").mkdir(parents=True)
    (inputs / "good.txt").write_text("زار وزير الخارجية الصيني روسيا وقازاقستان.", encoding="utf-8")
    (inputs / "nested" / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8" + b"\xc0\xc1\xfe" * 10)
    # Not UTF-8, and read as Windows-1256 it is only Persian/Urdu letters: mojibake, not text.
    (inputs / "nested" / "also_bad.txt").write_bytes(b"\x81\x8d\x90\x9d\xc0 \x8e\xff" * 4)
    # Windows-1256 Arabic (it used to be an error): detected and decoded.
    (inputs / "nested" / "legacy.txt").write_bytes(b"\xc7\xe1\xd5\xed\xe4 \x81\x8d\xfe\xc0")
    out = tmp_path / "out"
    result = run_cli(str(inputs), "-o", str(out))
    assert result.returncode == 0, result.stderr
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert {Path(e["source"]).name for e in errors} == {"bad.txt", "also_bad.txt"}
    assert all(e["reason"] for e in errors)
    documents = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    assert [Path(d["source"]).name for d in documents] == ["good.txt", "legacy.txt"]
    assert "قازاقستان" in documents[0]["text"] and documents[1]["text"].startswith("الصين")


def test_cli_exits_non_zero_when_nothing_could_be_processed(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xc0\xc1\xfe\xff" * 4)
    result = run_cli(str(bad), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    missing = run_cli(str(tmp_path / "does-not-exist.txt"), "-o", str(tmp_path / "out2"))
    assert missing.returncode == 1
    assert "does-not-exist" in (tmp_path / "out2" / "errors.jsonl").read_text()


def test_cli_rejects_a_malformed_doc_date(tmp_path: Path) -> None:
    result = run_cli("seeds", "-o", str(tmp_path), "--doc-date", "yesterday")
    assert result.returncode == 2
    assert "ISO date" in result.stderr


def test_cli_help_documents_every_option() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for option in ("--output", "--backend", "--doc-date", "--quiet", "INPUT", "--workers", "--resume",
                   "--format", "--engine", "--scheduler"):
        assert option in result.stdout


def test_a_subcommand_word_is_always_the_subcommand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "story.txt").write_text("زار وزير الخارجية الصيني روسيا وقازاقستان.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    # `export` is the export command even beside a folder of that name: it wants its own
    # arguments, and the message says how to give the folder as an input
    with pytest.raises(SystemExit) as stop:
        cli_main(["export", "-o", "out"])
    assert stop.value.code == 2
    message = capsys.readouterr().err
    assert "./export" in message and "-- export" in message
    assert not (tmp_path / "out").exists()
    # as a path, or after the options and --, the folder is an input
    assert cli_main(["./export", "-o", "by_path", "-q"]) == 0
    assert cli_main(["-o", "after_dashes", "-q", "--", "export"]) == 0
    for out in ("by_path", "after_dashes"):
        documents = (tmp_path / out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
        assert [Path(json.loads(line)["source"]).name for line in documents] == ["story.txt"]


def test_the_runtime_commands_load_no_training_or_evaluation_code() -> None:
    code = (
        "import sys, arextract.cli, arextract.annotation_export, arextract.viz.graph_export\n"
        "loaded = [m for m in sys.modules if m.split('.')[:2] in (['arextract', 'training'], "
        "['arextract', 'evaluation'], ['arextract', 'train'], ['arextract', 'evaluate']) or m == 'torch']\n"
        "print(loaded)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
