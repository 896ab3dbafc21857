"""Batch reliability (issue #17): no input can stall, abort or delete; safe, locked outputs.

Each test reproduces one finding of the adversarial audit on real Arabic text and checks the
promise the README's batch section makes about it.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from arextract.batch import job
from arextract.batch.engines import MAX_WORKERS, DaskEngine, capped_workers
from arextract.batch.files import printable_source
from arextract.batch.inputs import iter_items
from arextract.batch.outputs import PARTS_DIR, OutputStore
from arextract.batch.run import run_batch
from arextract.batch.tables import FORMULA_STARTS, neutralise_cell, restore_cell
from arextract.errors import DocumentTimeout, OutputError
from arextract.schema import Document

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8")
SUPPORT = "قال وزير الخارجية الصيني وانغ يي إن بلاده تدعم قازاقستان."
MEETING = "التقى وزير الخارجية الصيني وانغ يي نظيره القازاقي مختار تليوبردي في نور سلطان يوم 12 سبتمبر 2020."


def run_cli(*args: str, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "arextract", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        env=env,
    )


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def names(path: Path) -> list[str]:
    """The file names of the documents' sources, in output order."""
    return [Path(str(record["source"])).name for record in lines(path)]


# -- 1. sources that are not valid Unicode -------------------------------------------------------


def test_a_cp1256_file_name_and_a_surrogate_id_do_not_abort_the_batch(tmp_path: Path) -> None:
    folder = tmp_path / "fn"
    folder.mkdir()
    name = "خبر".encode("cp1256")  # a file name from a zip made on Windows
    with open(os.fsencode(folder) + b"/" + name + b".txt", "wb") as handle:
        handle.write(MEETING.encode())
    (folder / "ids.jsonl").write_text(
        '{"id": "\\udc80", "text": "قال شي جين بينغ إن الصين تدعم السلام."}\n{"text": "نص بلا معرف"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_cli(str(folder), "-o", str(out))
    assert result.returncode == 0, result.stderr
    docs = lines(out / "documents.jsonl")
    sources = [str(doc["source"]) for doc in docs]
    assert len(docs) == 3
    assert sources[0].endswith("ids.jsonl#\\x80"), sources  # the id's lone surrogate, as its byte
    assert sources[2].endswith("fn/\\xce\\xc8\\xd1.txt"), sources  # the name's cp1256 bytes, escaped
    assert (out / "errors.jsonl").read_text() == ""
    assert printable_source("plain/خبر.txt") == "plain/خبر.txt"


# -- 3. a time limit per document ----------------------------------------------------------------


def test_a_document_past_the_time_limit_is_recorded_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every stage is near-linear now, so no real text stalls on demand: a pipeline that never
    # returns on one marked text stands in for the next pathological input nobody foresaw.
    real = job.get_pipeline()

    def stalling(text: str, **kwargs: object) -> Document:
        while "STALL" in text:
            pass
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(job, "get_pipeline", lambda backend=None: stalling)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_short.txt").write_text(MEETING, encoding="utf-8")
    (folder / "b_long.txt").write_text(MEETING + " STALL", encoding="utf-8")
    (folder / "c_short.txt").write_text(MEETING.replace("12 سبتمبر", "13 سبتمبر"), encoding="utf-8")
    out = tmp_path / "out"
    result = run_batch([folder], out, timeout=2.0, progress=False)
    assert (result.documents, result.errors) == (2, 1)
    [error] = lines(out / "errors.jsonl")
    assert error["error"] == "DocumentTimeout" and str(error["source"]).endswith("b_long.txt")
    assert names(out / "documents.jsonl") == ["a_short.txt", "c_short.txt"]


def test_the_time_limit_interrupts_pure_python_work_in_any_thread() -> None:
    def spin() -> Document:
        while True:
            pass

    outcome: list[BaseException] = []

    def worker() -> None:  # Dask runs tasks in worker threads, not the main thread
        try:
            job.run_with_timeout(spin, 0.2)
        except DocumentTimeout as error:
            outcome.append(error)

    thread = threading.Thread(target=worker)
    started = time.monotonic()
    thread.start()
    thread.join(10)
    assert not thread.is_alive() and len(outcome) == 1 and time.monotonic() - started < 5
    doc = job.run_with_timeout(lambda: job.get_pipeline()(MEETING), 30)
    assert any(e.canonical == "وانغ يي" for e in doc.entities)  # a finished run is unaffected


# -- 4, 9. inputs that are outputs; outputs that cannot be written --------------------------------


def test_an_input_named_like_an_output_is_refused_and_kept(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "documents.jsonl").write_text('{"text":"قال شي"}\n', encoding="utf-8")
    result = run_cli(str(news / "documents.jsonl"), "-o", str(news))
    assert result.returncode == 2 and "one of the outputs" in result.stderr
    assert (news / "documents.jsonl").read_text(encoding="utf-8") == '{"text":"قال شي"}\n'
    same = run_cli(str(news), "-o", str(news))
    assert same.returncode == 2 and "is the output folder" in same.stderr
    assert (news / "documents.jsonl").exists() and not (news / "errors.jsonl").exists()


def test_unusable_output_places_are_clear_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MEETING, encoding="utf-8")
    (tmp_path / "file").write_text("x")
    for output in (tmp_path / "file", Path("/proc/arextract-out"), Path("/proc")):
        result = run_cli(str(tmp_path / "a.txt"), "-o", str(output), "-q")
        assert result.returncode == 2, (output, result.stderr)
        assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr


def test_an_unreachable_scheduler_fails_fast_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MEETING, encoding="utf-8")
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.monotonic()
    result = run_cli(
        str(tmp_path / "a.txt"),
        "-o",
        str(tmp_path / "out"),
        "--engine",
        "dask",
        "--scheduler",
        f"tcp://127.0.0.1:{port}",
        timeout=120,
    )
    assert result.returncode == 2 and "scheduler" in result.stderr and "Traceback" not in result.stderr
    assert time.monotonic() - started < 60


def test_workers_are_capped() -> None:
    assert capped_workers(0) == 1 and capped_workers(2) == 2
    assert capped_workers(10_000) == MAX_WORKERS <= 64


# -- 5, 7. special files and symlinks ------------------------------------------------------------


def test_fifos_loops_and_broken_links_are_recorded_not_hung(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(MEETING, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (folder / "sub" / "loop").symlink_to(folder)  # a folder link back to the root
    (folder / "self.txt").symlink_to(folder / "self.txt")
    out = tmp_path / "out"
    named = [str(folder / "pipe.txt"), str(folder / "good.txt")]
    for inputs in ([str(folder)], [str(folder / "**" / "*.txt")], named):
        result = run_cli(*inputs, "-o", str(out), timeout=120)
        assert result.returncode == 0, result.stderr
        assert names(out / "documents.jsonl") == ["good.txt"]
        reasons = {Path(str(e["source"])).name: str(e["reason"]) for e in lines(out / "errors.jsonl")}
        assert "FIFO" in reasons["pipe.txt"], reasons
        if inputs == [str(folder)]:
            assert "broken" in reasons["broken.txt"] and "loop" in reasons["self.txt"], reasons


def test_folder_scans_do_not_follow_links_that_leave_the_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("كلمة السر", encoding="utf-8")
    leak = tmp_path / "leak"
    leak.mkdir()
    (leak / "news.txt").write_text(MEETING, encoding="utf-8")
    (leak / "passwd.txt").symlink_to(secret)
    items = list(iter_items([leak]))
    assert [Path(i.source).name for i in items] == ["news.txt", "passwd.txt"]
    assert items[0].text == MEETING and items[1].text is None and "--follow-symlinks" in str(items[1].reason)
    followed = list(iter_items([leak], follow_symlinks=True))
    assert followed[1].text == "كلمة السر"


# -- 6. spreadsheet formulas ---------------------------------------------------------------------


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for value in ('=HYPERLINK("http://x","click")', "+1", "-2", "@SUM(A1)", "\tx"):
        assert neutralise_cell(value) == "'" + value and restore_cell("'" + value) == value
    assert neutralise_cell("وانغ يي") == "وانغ يي" and neutralise_cell(-1.5) == -1.5
    monkeypatch.chdir(tmp_path)
    Path('=HYPERLINK("http:⁄⁄x","click").txt').write_text(MEETING, encoding="utf-8")
    run_batch(['=HYPERLINK("http:⁄⁄x","click").txt'], tmp_path / "out", progress=False)
    with (tmp_path / "out" / "relations.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(row["source"].startswith("'=HYPERLINK") for row in rows)
    for name in ("relations.csv", "entities.csv"):
        with (tmp_path / "out" / name).open(encoding="utf-8", newline="") as handle:
            cells = [cell for row in csv.reader(handle) for cell in row]
        assert not any(cell.startswith(FORMULA_STARTS) for cell in cells), name


# -- 8. no orphans; SIGTERM ----------------------------------------------------------------------


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("kill", [signal.SIGKILL, signal.SIGTERM])
def test_workers_exit_when_the_main_process_dies(tmp_path: Path, kill: int) -> None:
    news = tmp_path / "news.jsonl"
    news.write_text(
        "".join(json.dumps({"text": f"{SEED} ({i})"}, ensure_ascii=False) + "\n" for i in range(3000)),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    command = [sys.executable, "-m", "arextract", str(news), "-o", str(out), "-q", "-j", "2"]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and not list((out / PARTS_DIR).glob("*.documents.jsonl")):
        assert process.poll() is None, process.communicate()
        time.sleep(0.1)
    workers = _children(process.pid)
    assert len(workers) >= 2
    process.send_signal(kill)
    _, stderr = process.communicate(timeout=60)
    if kill == signal.SIGTERM:
        assert process.returncode == 143, stderr
        assert "--resume" in stderr
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)
    assert list((out / PARTS_DIR).glob("*.documents.jsonl"))


def test_an_aborted_pool_stops_its_workers_when_its_shutdown_hangs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A signal landing inside the executor's bookkeeping once left shutdown(wait=True) waiting
    # forever; close(abort=True) must still stop the workers and return, within its grace.
    from arextract.batch import engines

    monkeypatch.setattr(engines, "ABORT_GRACE_SECONDS", 1.0)
    engine = engines.ProcessEngine(1, job.Job())
    workers = list(engine.pool._processes.values())  # type: ignore[attr-defined]
    release = threading.Event()
    monkeypatch.setattr(engine.pool, "shutdown", lambda **_: release.wait(120))
    started = time.monotonic()
    try:
        engine.close(abort=True)
        assert time.monotonic() - started < 30
        assert workers and not any(worker.is_alive() for worker in workers)
    finally:
        release.set()


# -- 9, 10. resume, encodings, the lock ----------------------------------------------------------


def test_resume_recovers_the_complete_lines_of_a_truncated_output(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(3):
        (folder / f"{index}.txt").write_text(f"{MEETING} ({index})", encoding="utf-8")
    out = tmp_path / "out"
    run_batch([folder], out, progress=False)
    data = (out / "documents.jsonl").read_bytes()
    (out / "documents.jsonl").write_bytes(data[: len(data) - 40])  # the last line cut short
    result = run_batch([folder], out, resume=True, progress=False)
    assert (result.skipped, result.documents, result.errors) == (2, 3, 0)
    assert names(out / "documents.jsonl") == ["0.txt", "1.txt", "2.txt"]


def test_resume_after_editing_an_input_keeps_only_the_new_version(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(MEETING, encoding="utf-8")
    (folder / "b.txt").write_text(SUPPORT, encoding="utf-8")
    out = tmp_path / "out"
    run_batch([folder], out, progress=False)
    edited = MEETING.replace("نور سلطان", "موسكو")
    (folder / "a.txt").write_text(edited, encoding="utf-8")
    result = run_batch([folder], out, resume=True, progress=False)
    docs = lines(out / "documents.jsonl")
    assert [d["text"] for d in docs] == [SUPPORT, edited]
    assert result.documents == 2 and json.loads((out / "summary.json").read_text())["documents"] == 2
    with (out / "relations.csv").open(encoding="utf-8", newline="") as handle:
        sources = {Path(row["source"]).name for row in csv.DictReader(handle)}
    assert sources == {"a.txt", "b.txt"}
    entities = (out / "entities.csv").read_text(encoding="utf-8")
    assert "موسكو" in entities and "نور سلطان" not in entities and "أستانا" not in entities


def test_legacy_encodings_work_for_jsonl_and_csv(tmp_path: Path) -> None:
    record = json.dumps({"id": "w1", "text": MEETING}, ensure_ascii=False) + "\n"
    (tmp_path / "a.jsonl").write_bytes(record.encode("cp1256"))
    (tmp_path / "b.csv").write_bytes(f"id,text\r\nc1,{MEETING}\r\n".encode("cp1256"))
    (tmp_path / "c.csv").write_text(f"id,text\nu1,{MEETING}\n", encoding="utf-16")
    items = list(iter_items([tmp_path]))
    assert [(Path(i.source).name, i.text) for i in items] == [
        ("a.jsonl#w1", MEETING),
        ("b.csv#c1", MEETING),
        ("c.csv#u1", MEETING),
    ]


def test_two_runs_cannot_write_one_output_folder(tmp_path: Path) -> None:
    first = OutputStore(tmp_path / "out")
    with pytest.raises(OutputError, match="another arextract run"):
        OutputStore(tmp_path / "out")
    first.close()
    OutputStore(tmp_path / "out").close()


def test_the_local_dask_cluster_opens_no_dashboard() -> None:
    pytest.importorskip("dask.distributed")
    engine = DaskEngine(1, job.Job())
    try:
        # Its HTTP server (health and metrics routes, no dashboard pages) is on a random loopback port.
        port = engine.client.scheduler_info().get("services", {}).get("dashboard")
        assert port != 8787
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", 8787)) != 0
    finally:
        engine.close()


def test_sqlite_format_is_written_with_the_run_and_kept_on_resume(tmp_path: Path) -> None:
    import sqlite3

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(MEETING, encoding="utf-8")
    out = tmp_path / "out"
    run_batch([folder], out, fmt="sqlite", progress=False)
    (folder / "b.txt").write_text(SUPPORT, encoding="utf-8")
    (out / "arextract.sqlite.tmp").write_bytes(b"half a database")  # a kill mid-write
    result = run_batch([folder], out, fmt="sqlite", resume=True, progress=False)
    assert (result.skipped, result.documents) == (1, 2)
    with sqlite3.connect(out / "arextract.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM documents").fetchone() == (2,)
        people = {row[0] for row in db.execute("SELECT canonical FROM entities WHERE type = 'PERSON'")}
    assert {"وانغ يي", "مختار تليوبردي"} <= people
    with (out / "entities.csv").open(encoding="utf-8", newline="") as handle:
        english = {row["canonical"]: row["name_en"] for row in csv.DictReader(handle)}
    assert english["وانغ يي"] == "Wang Yi" and english["الصين"] == "China"
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))


def test_mentions_of_punctuation_only_never_reach_the_entity_list() -> None:
    from arextract.schema import Entity, EntityType, numbered

    def mention(text: str, start: int) -> Entity:
        return Entity(
            id="x",
            type=EntityType.PERSON,
            text=text,
            start=start,
            end=start + len(text),
            canonical=text,
            source="model",
        )

    kept = numbered([mention("+", 0), mention("@", 2), mention("وانغ يي", 4), mention("«»", 12)])
    assert [(e.id, e.text) for e in kept] == [("e1", "وانغ يي")]
