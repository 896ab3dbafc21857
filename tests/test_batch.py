"""Batch processing: inputs and encodings, parallel and distributed runs, resume after a real
kill, atomic outputs, messy input, and extract() under fuzzing. No timings here (see benchmarks/)."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import arextract
from arextract.batch.encodings import DecodeError, decode_bytes
from arextract.batch.extract_many import extract_many
from arextract.batch.inputs import content_hash, count_items, iter_items
from arextract.batch.outputs import PARTS_DIR, OutputStore
from arextract.batch.run import run_batch

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_TEXTS = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
SHORT = "زار وزير الخارجية الصيني وانغ يي روسيا وقازاقستان يوم 12 سبتمبر 2020."


def documents(out: Path) -> list[dict[str, object]]:
    """documents.jsonl without the per-stage timings (the only field allowed to differ)."""
    rows = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    for row in rows:
        row["meta"].pop("timings")  # type: ignore[union-attr]
    return rows


def same_outputs(a: Path, b: Path) -> None:
    assert documents(a) == documents(b)
    for name in ("entities.csv", "relations.csv", "errors.jsonl"):
        assert (a / name).read_text(encoding="utf-8") == (b / name).read_text(encoding="utf-8"), name
    summary_a, summary_b = (json.loads((d / "summary.json").read_text()) for d in (a, b))
    for key in ("documents", "errors", "entity_mentions", "entities", "relations"):
        assert summary_a[key] == summary_b[key], key


def assert_whole_records(folder: Path) -> None:
    """Every JSONL line parses and every CSV parses with the header's width."""
    for path in folder.rglob("*"):
        if path.name.endswith(".jsonl"):
            data = path.read_bytes()
            assert not data or data.endswith(b"\n"), path
            for line in data.decode("utf-8").splitlines():
                json.loads(line)
        elif path.name.endswith(".csv") and path.parent == folder:
            with path.open(encoding="utf-8", newline="") as handle:
                rows = list(csv.reader(handle))
            assert all(len(row) == len(rows[0]) for row in rows), path


# ------------------------------------------------------------------------------------------
# Encodings and inputs
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "cp1256", "utf-16-le"])
def test_decode_bytes_reads_every_supported_encoding(encoding: str) -> None:
    text = SEED_TEXTS[0]
    data = b"\xfe\xff" + text.encode("utf-16-be") if encoding == "utf-16-be-bom" else text.encode(encoding)
    decoded, _ = decode_bytes(data)
    assert decoded == text


def test_decode_bytes_rejects_mojibake_with_a_reason() -> None:
    with pytest.raises(DecodeError, match="UTF-16"):
        decode_bytes(b"\xff\xfe\x00\xd8" + b"\xc0\xc1\xfe" * 10)
    for data in (b"\xc0\xc1\xfe\xff" * 4, bytes(range(128, 256)) * 3, b"\x00\x01\x02\x9d\x90" * 50):
        with pytest.raises(DecodeError, match="not UTF-8"):
            decode_bytes(data)
    assert decode_bytes(b"abc\x00def")[0] == "abc\x00def"  # valid UTF-8 is kept as is


def test_inputs_jsonl_csv_folders_and_globs(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "a" / "skip.md").write_text("not an input", encoding="utf-8")
    lines = [
        json.dumps({"id": "x1", "text": SHORT, "date": "2020-09-12"}, ensure_ascii=False),
        "",
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "نص ثان"}, ensure_ascii=False),
    ]
    (tmp_path / "a" / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with (tmp_path / "a" / "table.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerow(["r1", "سطر أول،\nفيه فاصلة وسطر جديد"])
        writer.writerow(["", "سطر ثان"])
    items = list(iter_items([tmp_path / "a"]))
    sources = [item.source.replace(str(tmp_path), "") for item in items]
    assert sources == [
        "/a/b/one.txt",
        "/a/news.jsonl#x1",
        "/a/news.jsonl:3",
        "/a/news.jsonl:4",
        "/a/news.jsonl:5",
        "/a/table.csv#r1",
        "/a/table.csv:4",
    ]
    assert items[1].doc_date == "2020-09-12" and items[1].text == SHORT
    assert items[2].error and items[3].error == "InputError" and items[2].text is None
    assert items[5].text == "سطر أول،\nفيه فاصلة وسطر جديد"
    globbed = list(iter_items([str(tmp_path / "**" / "*.txt")]))
    assert [Path(item.source).name for item in globbed] == ["one.txt"]
    assert count_items([tmp_path / "a"]) == len(items)


# ------------------------------------------------------------------------------------------
# Batch runs: outputs, parallel, parquet, resume
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for index, text in enumerate(SEED_TEXTS):
        (folder / f"{index:03d}.txt").write_text(text, encoding="utf-8")
    (folder / "005_cp1256.txt").write_bytes(SEED_TEXTS[1].encode("cp1256"))
    (folder / "006_utf16.txt").write_text(SHORT, encoding="utf-16")
    (folder / "007_bad.txt").write_bytes(bytes(range(128, 256)) * 2)
    (folder / "008_empty.txt").write_text("", encoding="utf-8")
    records = [{"id": f"r{i}", "text": f"{SHORT} ({i})", "date": "2020-09-12"} for i in range(40)]
    records.append({"id": "bad-date", "text": SHORT, "date": "yesterday"})
    (folder / "009_news.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="module")
def single_run(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("single")
    run_batch([corpus], out, workers=1, progress=False)
    return out


def test_single_process_run_writes_every_output(single_run: Path) -> None:
    docs = documents(single_run)
    names = [Path(str(d["source"]).split(":")[0].split("#")[0]).name for d in docs]
    assert names[:8] == [
        "000.txt",
        "001.txt",
        "002.txt",
        "003.txt",
        "004.txt",
        "005_cp1256.txt",
        "006_utf16.txt",
        "008_empty.txt",
    ]
    assert len(docs) == 8 + 40
    assert docs[5]["text"] == SEED_TEXTS[1] and docs[5]["entities"] == documents(single_run)[1]["entities"]
    assert docs[8]["source"].endswith("009_news.jsonl#r0") and docs[8]["doc_date"] == "2020-09-12"
    errors = [json.loads(line) for line in (single_run / "errors.jsonl").read_text().splitlines()]
    assert [(Path(e["source"]).name, e["error"]) for e in errors] == [
        ("007_bad.txt", "DecodeError"),
        ("009_news.jsonl#bad-date", "InputError"),
    ]
    assert all(e["reason"] for e in errors)
    summary = json.loads((single_run / "summary.json").read_text())
    assert summary["documents"] == 48 and summary["errors"] == 2 and summary["relations"] > 0
    with (single_run / "relations.csv").open(encoding="utf-8") as handle:
        relations = list(csv.DictReader(handle))
    assert len(relations) == summary["relations"] and all("=" in r["arguments"] for r in relations)
    with (single_run / "entities.csv").open(encoding="utf-8") as handle:
        china = [r for r in csv.DictReader(handle) if r["kb_id"] == "CN" and r["type"] == "COUNTRY"]
    assert len(china) == 1 and int(china[0]["documents"]) == 47
    assert not (single_run / PARTS_DIR).exists()
    assert_whole_records(single_run)


def test_two_workers_give_the_same_outputs_in_the_same_order(
    corpus: Path, single_run: Path, tmp_path: Path
) -> None:
    result = run_batch([corpus], tmp_path, workers=2, progress=False)
    assert result.summary["workers"] == 2
    same_outputs(single_run, tmp_path)


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_outputs(corpus: Path, single_run: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        result = run_batch(
            [corpus], tmp_path, engine="dask", scheduler=cluster.scheduler_address, progress=False
        )
    assert result.summary["engine"] == "dask" and result.summary["workers"] == 2
    same_outputs(single_run, tmp_path)


def test_resume_skips_what_is_done_and_retries_errors(corpus: Path, single_run: Path, tmp_path: Path) -> None:
    first = run_batch([corpus / "000.txt", corpus / "007_bad.txt"], tmp_path, progress=False)
    assert (first.documents, first.errors) == (1, 1)
    resumed = run_batch([corpus], tmp_path, resume=True, progress=False)
    assert resumed.skipped == 1 and resumed.documents == 48
    same_outputs(single_run, tmp_path)
    again = run_batch([corpus], tmp_path, resume=True, progress=False)
    assert again.skipped == 48
    same_outputs(single_run, tmp_path)


def test_parquet_output_and_the_hint_without_pyarrow(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    run_batch([corpus / "001.txt", corpus / "009_news.jsonl"], tmp_path, fmt="parquet", progress=False)
    docs = pq.read_table(tmp_path / "documents.parquet").to_pylist()
    assert len(docs) == 41 and json.loads(docs[0]["entities"])
    entities = pq.read_table(tmp_path / "entities.parquet").to_pylist()
    assert sum(row["mentions"] for row in entities) > 0
    assert (
        pq.read_table(tmp_path / "relations.parquet").num_rows
        == json.loads((tmp_path / "summary.json").read_text())["relations"]
    )
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(arextract.ArextractError, match=r'pip install "arextract\[parquet\]"'):
        run_batch([corpus / "001.txt"], tmp_path / "again", fmt="parquet", progress=False)


def test_kill_9_mid_run_leaves_whole_records_and_resume_completes(tmp_path: Path) -> None:
    texts = [f"{SEED_TEXTS[i % 5][:800]}\n({i})" for i in range(800)]
    news = tmp_path / "news.jsonl"
    news.write_text(
        "".join(
            json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    command = [sys.executable, "-m", "arextract", str(news), "-o", str(out), "-q"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    parts = out / PARTS_DIR
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(parts.glob("*.documents.jsonl"))) < 2:
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert not (out / "documents.jsonl").exists()
    assert_whole_records(out)
    committed = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in parts.glob("*.documents.jsonl"))
    assert 0 < committed < len(texts)
    resumed = subprocess.run(command + ["--resume"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["skipped"] == committed and summary["documents"] == len(texts)
    docs = documents(out)
    assert [d["source"] for d in docs] == [f"{news}#{i}" for i in range(len(texts))]
    assert [d["text"] for d in docs] == texts
    assert not parts.exists()
    assert_whole_records(out)


def _default_sigint() -> None:
    # A background job may start with SIGINT ignored, and Python then never raises KeyboardInterrupt.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_sigint_keeps_committed_parts_and_exits_130(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    news.write_text(
        "".join(
            json.dumps({"text": f"{SEED_TEXTS[0]} ({i})"}, ensure_ascii=False) + "\n" for i in range(2000)
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "arextract", str(news), "-o", str(out), "-q"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_sigint,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list((out / PARTS_DIR).glob("*.documents.jsonl")):
        time.sleep(0.05)
    for _ in range(5):  # as a user would press Ctrl-C again if the first one went unnoticed
        process.send_signal(signal.SIGINT)
        try:
            _, stderr = process.communicate(timeout=10)
            break
        except subprocess.TimeoutExpired:
            continue
    assert process.returncode == 130, stderr
    assert "--resume" in stderr
    assert_whole_records(out)
    assert list((out / PARTS_DIR).glob("*.documents.jsonl"))


# ------------------------------------------------------------------------------------------
# Messy input
# ------------------------------------------------------------------------------------------


def test_messy_inputs_give_clear_records(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    bidi = "\u200f\u202b\u2067\u200e"
    (inputs / "latin.txt").write_text("The minister met his counterpart in Beijing on Monday.\n" * 50)
    (inputs / "emoji.txt").write_text("🙂🚀🇸🇦 " * 200, encoding="utf-8")
    (inputs / "nul.txt").write_text(SHORT.replace(" ", " \x00") + "\x00" * 10, encoding="utf-8")
    (inputs / "bidi.txt").write_text(bidi.join(SHORT) + bidi, encoding="utf-8")
    (inputs / "tiny.txt").write_text("؟", encoding="utf-8")
    (inputs / "mixed.txt").write_text(("ب" * 3000 + "\u0651\u064e" * 50 + "\n") * 20, encoding="utf-8")
    out = tmp_path / "out"
    result = run_batch([inputs], out, progress=False)
    assert result.errors == 0 and result.documents == 6
    docs = {Path(d["source"]).name: d for d in documents(out)}
    assert docs["latin.txt"]["meta"]["warnings"] and docs["emoji.txt"]["meta"]["warnings"]
    for name in ("nul.txt", "bidi.txt"):
        doc = arextract.Document.model_validate(docs[name] | {"meta": docs[name]["meta"] | {"timings": {}}})
        assert doc.tokens, name  # what NER makes of it depends on the backend; the offsets must hold
        assert all(doc.text[s.start : s.end] == s.text for s in doc.spans())


def test_ten_thousand_tiny_files(tmp_path: Path) -> None:
    inputs = tmp_path / "tiny"
    for folder in range(10):
        (inputs / f"{folder:02d}").mkdir(parents=True)
        for index in range(1000):
            word = ("مصر", "a", "", "🙂", "الصين والهند")[index % 5]
            (inputs / f"{folder:02d}" / f"{index:04d}.txt").write_text(f"{word} {index}", encoding="utf-8")
    out = tmp_path / "out"
    result = run_batch([inputs], out, workers=2, progress=False)
    assert (result.documents, result.errors) == (10_000, 0)
    assert len((out / "documents.jsonl").read_text(encoding="utf-8").splitlines()) == 10_000


def test_a_long_article() -> None:
    # 300 KB keeps the suite quick; benchmarks/run.py times 1 MB and 5 MB articles.
    text = ("\n\n".join(SEED_TEXTS) * 30)[:300_000]
    doc = arextract.extract(text)
    assert len(doc.tokens) > 45_000 and doc.entities and doc.relations
    assert all(text[s.start : s.end] == s.text for s in doc.entities)


# ------------------------------------------------------------------------------------------
# Python API
# ------------------------------------------------------------------------------------------


def test_extract_many_is_an_ordered_generator(corpus: Path) -> None:
    texts = [f"{SHORT} ({i})" for i in range(30)] + SEED_TEXTS
    one = extract_many(texts)
    assert iter(one) is one
    serial = [doc.model_dump(exclude={"meta"}) for doc in one]
    parallel = [doc.model_dump(exclude={"meta"}) for doc in extract_many(texts, workers=2)]
    assert serial == parallel and len(serial) == len(texts)
    assert serial[-1]["text"] == SEED_TEXTS[-1] and serial[0]["source"] is None
    from_paths = list(extract_many([corpus / "001.txt", corpus / "009_news.jsonl"], errors="skip"))
    assert len(from_paths) == 41 and from_paths[0].source.endswith("001.txt")
    with pytest.raises(arextract.ArextractError, match="bad-date"):
        list(extract_many([corpus / "009_news.jsonl"]))
    with pytest.raises(TypeError):
        list(extract_many([b"bytes"]))  # type: ignore[list-item]


# ------------------------------------------------------------------------------------------
# extract() under fuzzing
# ------------------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئةى")  # letters
    + list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640\u0670")  # harakat, tatweel
    + list("\u200f\u200e\u202a\u202b\u202c\u2066\u2067\u2069\u200c\u200d\ufeff\u00a0")  # bidi, ZW
    + list("٠١٢٣٤٥٦٧٨٩0123456789۰۱۲")  # digits
    + list(" \n\t\r.،؛؟!:\"'()«»-/\x00")  # spaces, punctuation, NUL
    + list("abcXYZéß🙂🇸🇦ﻻﷲ\ufdfa\U0001f600")  # Latin, emoji, presentation forms
)
_WORDS = st.sampled_from(
    [
        "الصين",
        "وزير الخارجية",
        "وانغ يي",
        "روسيا",
        "في",
        "يوم",
        "سبتمبر",
        "2020",
        "التقى",
        "الرئيس",
        "السعودية",
        "مع",
        "بين",
        "نظيره",
        "قمة",
        "الأحد",
        "١٢",
    ]
)
_TEXTS = st.lists(st.one_of(_ALPHABET, _WORDS, st.text(max_size=3)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS)
def test_extract_never_fails_and_keeps_offsets(text: str) -> None:
    try:
        doc = arextract.extract(text)
    except arextract.ArextractError:
        return
    assert doc.text == text
    for span in doc.spans():
        assert text[span.start : span.end] == span.text, span


@settings(max_examples=30, deadline=None)
@given(value=st.one_of(st.none(), st.integers(), st.binary(), st.lists(st.text())))
def test_extract_rejects_non_str_with_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        arextract.extract(value)  # type: ignore[arg-type]


def test_no_progress_bar_without_a_tty(corpus: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "arextract", str(corpus / "001.txt"), "-o", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "120"},
    )
    assert result.returncode == 0 and result.stderr == ""


def test_an_output_folder_inside_the_input_folder_is_not_read_back(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    for _ in range(2):
        result = run_batch([tmp_path], tmp_path / "out", progress=False)
        assert (result.documents, result.errors) == (1, 0)
    assert len(list(iter_items([str(tmp_path / "**" / "*.jsonl")], exclude=tmp_path / "out"))) == 0


def test_an_interrupted_final_assembly_is_finished_or_discarded(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SHORT, encoding="utf-8")
    out = tmp_path / "out"
    run_batch([tmp_path / "in"], out, progress=False)
    final = (out / "documents.jsonl").read_bytes()
    # Killed after the commit point (parts renamed to .assembled): the .new files win.
    (out / (PARTS_DIR + ".assembled")).mkdir()
    (out / "documents.jsonl.new").write_bytes(final + final)
    OutputStore(out, resume=True)
    assert (out / "documents.jsonl").read_bytes() == final + final
    assert not (out / (PARTS_DIR + ".assembled")).exists()
    # Killed before it: the .new files are dropped and the previous outputs stay.
    (out / "documents.jsonl").write_bytes(final)
    (out / "documents.jsonl.new").write_bytes(b"{half")
    store = OutputStore(out, resume=True)
    assert (out / "documents.jsonl").read_bytes() == final and not (out / "documents.jsonl.new").exists()
    assert store.totals.documents == 1 and store.resume.is_done(content_hash(SHORT))
