"""Benchmarks: `make bench` (or `.venv/bin/python benchmarks/run.py`) writes docs/benchmarks.md.

Measures, on a corpus of ~1M whitespace tokens built by repeating seeds/*.txt:

* ``extract()`` in-process: tokens/s and docs/s;
* the CLI (``python -m arextract DIR -o OUT``) with 1 and 2 workers: tokens/s, docs/s, speed-up,
  peak RSS of the main process and of each worker (psutil sampling of the process tree);
* cold start in a fresh interpreter: import, pipeline load, first extract;
* long single articles (1 MB and 5 MB by default), each in a fresh interpreter with a timeout;
* a BERT-base token classifier of camel-tools' NER architecture (transformers
  ``BertForTokenClassification``: 12 layers, hidden 768, 9 labels; random weights, nothing
  downloaded; torch on the CPU) on the same sentences, whitespace-tokenised with a vocabulary
  built from them, batches of 32 sentences: words/s with 1 torch thread and with all cores;
* the NER stage alone on one core (``python -m arextract.evaluate ner-speed``), against the same
  BERT words/s;
* a cProfile of the pipeline on the seeds: time per stage and the top functions;
* pathological inputs (issue #17), each at two sizes in a fresh interpreter: seconds, the ratio
  of the two (doubling the text should cost about 2x) and peak RSS;
* a batch of 20,000 short documents naming three new people each (the entity table's worst
  case): the CLI with one worker, and ``extract()`` plus :class:`arextract.link.EntityTable`
  in-process, seconds and peak RSS.

``--only pathological people`` runs just those two and rewrites their part of
docs/benchmarks.md (between the ``reliability`` markers), leaving the rest as it is.

Timings belong here, never in unit tests (tests/test_reliability.py checks only ratios).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PY = sys.executable
BACKEND = ""  # set in main(): every measurement runs this NER backend

TARGET_TOKENS_PER_WORKER = 20_000
TARGET_SPEEDUP_2 = 1.7
TARGET_RSS_MB = 500


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in SEEDS]


def words(text: str) -> int:
    return len(text.split())


def build_corpus(folder: Path, tokens: int) -> tuple[int, int]:
    """Write seeds repeated (each copy numbered, so every file's hash differs) until ``tokens``."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = seed_texts()
    total = docs = 0
    while total < tokens:
        text = f"{texts[docs % len(texts)]}\n({docs})"
        (folder / f"{docs:06d}.txt").write_text(text, encoding="utf-8")
        total += words(text)
        docs += 1
    return docs, total


def machine() -> dict[str, str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import arextract

    return {
        "nproc": str(os.cpu_count()),
        "cpu": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "arextract": arextract.__version__,
        "backend": BACKEND,
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


# ------------------------------------------------------------------------------------------
# Measurements
# ------------------------------------------------------------------------------------------


def bench_extract(corpus: Path, backend: str) -> dict[str, float]:
    import arextract

    texts = [path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.txt"))]
    arextract.extract(texts[0], backend=backend)  # load outside the timing
    started = time.perf_counter()
    for text in texts:
        arextract.extract(text, backend=backend)
    seconds = time.perf_counter() - started
    tokens = sum(map(words, texts))
    return {
        "docs": len(texts),
        "tokens": tokens,
        "seconds": seconds,
        "tokens_s": tokens / seconds,
        "docs_s": len(texts) / seconds,
    }


class TreeSampler(threading.Thread):
    """Peak RSS per process of a process tree, sampled every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peaks: dict[int, int] = {}
        self.names: dict[int, str] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self.stop.is_set():
            try:
                processes = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            for process in processes:
                try:
                    rss = process.memory_info().rss
                except psutil.Error:
                    continue
                if rss > self.peaks.get(process.pid, 0):
                    self.peaks[process.pid] = rss
                    self.names.setdefault(process.pid, "main" if process.pid == self.pid else "worker")
            time.sleep(self.interval)


def bench_cli(
    corpus: Path, tokens: int, docs: int, workers: int, extra: list[str] | None = None
) -> dict[str, float]:
    out = Path(tempfile.mkdtemp(prefix=f"arextract-bench-{workers}-"))
    command = [PY, "-m", "arextract", str(corpus), "-o", str(out), "-q", "-j", str(workers), *(extra or [])]
    if BACKEND:
        command += ["--backend", BACKEND]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = TreeSampler(process.pid)
    sampler.start()
    _, stderr = process.communicate()
    wall = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {stderr.decode()[-2000:]}")
    summary = json.loads((out / "summary.json").read_text())
    shutil.rmtree(out, ignore_errors=True)
    main_peak = sampler.peaks.get(process.pid, 0)
    worker_peaks = [rss for pid, rss in sampler.peaks.items() if pid != process.pid]
    # Dask and multiprocessing helpers (resource trackers, nannies) are small; workers are the big ones.
    worker_peak = max(worker_peaks, default=main_peak) if workers > 1 else main_peak
    return {
        "workers": workers,
        "docs": summary["documents"],
        "tokens": tokens,
        "wall": wall,
        "seconds": summary["seconds"],
        "tokens_s": tokens / wall,
        "docs_s": summary["documents"] / wall,
        "main_rss_mb": main_peak / 2**20,
        "worker_rss_mb": worker_peak / 2**20,
    }


COLD_START = r"""
import json, sys, time
started = time.perf_counter()
import arextract
imported = time.perf_counter()
from arextract.pipeline import Pipeline
nlp = Pipeline(backend=sys.argv[2])
loaded = time.perf_counter()
nlp(open(sys.argv[1], encoding="utf-8").read())
done = time.perf_counter()
print(json.dumps({"import": imported - started, "load": loaded - imported, "first": done - loaded}))
"""


def bench_cold_start(runs: int = 3) -> dict[str, float]:
    """A fresh interpreter as a user's: bytecode cached (``pip install`` compiles it; a sandbox
    that sets PYTHONDONTWRITEBYTECODE recompiles ~135 modules at every start, 0.26 s here), so
    one untimed run writes the caches, then the median of ``runs`` timed ones."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    measured: list[dict[str, float]] = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        result = subprocess.run(
            [PY, "-c", COLD_START, str(SEEDS[0]), BACKEND],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
        data["wall"] = time.perf_counter() - started
        measured.append(data)
    timed = sorted(measured[1:], key=lambda run: run["wall"])
    return timed[len(timed) // 2]


LONG_ARTICLE = r"""
import json, sys, time
import arextract
from arextract.pipeline import Pipeline
nlp = Pipeline(backend=sys.argv[2])
text = open(sys.argv[1], encoding="utf-8").read()
started = time.perf_counter()
doc = nlp(text)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "tokens": len(doc.tokens), "entities": len(doc.entities),
                  "relations": len(doc.relations), "timings": doc.meta.timings}))
"""


def bench_long_article(megabytes: float, timeout: float) -> dict[str, object]:
    text = "\n\n".join(seed_texts())
    size = int(megabytes * 1_000_000)
    text = (text * (size // len(text) + 1))[:size]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as handle:
        handle.write(text)
    sampler_process = subprocess.Popen(
        [PY, "-c", LONG_ARTICLE, handle.name, BACKEND],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    sampler = TreeSampler(sampler_process.pid, interval=0.5)
    sampler.start()
    try:
        stdout, stderr = sampler_process.communicate(timeout=timeout)
    except KeyboardInterrupt:
        sampler_process.kill()
        sampler_process.communicate()
        raise
    except subprocess.TimeoutExpired:
        sampler_process.kill()
        sampler_process.communicate()
        return {
            "megabytes": megabytes,
            "chars": len(text),
            "words": words(text),
            "timeout": timeout,
            "rss_mb": max(sampler.peaks.values(), default=0) / 2**20,
        }
    finally:
        sampler.stop.set()
        os.unlink(handle.name)
    if sampler_process.returncode != 0:
        return {"megabytes": megabytes, "chars": len(text), "error": stderr[-500:]}
    data: dict[str, object] = json.loads(stdout.strip().splitlines()[-1])
    data.update(
        megabytes=megabytes,
        chars=len(text),
        words=words(text),
        rss_mb=max(sampler.peaks.values(), default=0) / 2**20,
    )
    return data


BERT = r"""
import json, sys, time
import torch
from transformers import BertConfig, BertForTokenClassification
threads, seconds_budget = int(sys.argv[1]), float(sys.argv[2])
torch.set_num_threads(threads)
import regex
texts = [open(p, encoding="utf-8").read() for p in sys.argv[3:]]
sentences = []
for text in texts:
    for sentence in regex.split(r"(?<=[.؟!؛])\s+|\n+", text):
        tokens = sentence.split()
        if tokens:
            sentences.append(tokens[:510])
vocab = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3}
for tokens in sentences:
    for token in tokens:
        vocab.setdefault(token, len(vocab))
# camel-tools' NER: bert-base-arabic-camelbert-*-ner, 9 labels (B/I x LOC ORG PERS MISC, O).
config = BertConfig(vocab_size=max(len(vocab), 32), hidden_size=768, num_hidden_layers=12,
                    num_attention_heads=12, intermediate_size=3072, num_labels=9)
torch.manual_seed(0)
model = BertForTokenClassification(config).eval()
def batches():
    while True:
        for start in range(0, len(sentences), 32):
            yield sentences[start:start + 32]
words = 0
started = time.perf_counter()
with torch.inference_mode():
    for batch in batches():
        width = max(map(len, batch)) + 2
        ids = torch.zeros((len(batch), width), dtype=torch.long)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for row, tokens in enumerate(batch):
            row_ids = [2] + [vocab.get(t, 1) for t in tokens] + [3]
            ids[row, :len(row_ids)] = torch.tensor(row_ids)
            mask[row, :len(row_ids)] = 1
        model(input_ids=ids, attention_mask=mask).logits.argmax(-1)
        words += sum(map(len, batch))
        if time.perf_counter() - started > seconds_budget:
            break
seconds = time.perf_counter() - started
print(json.dumps({"threads": threads, "words": words, "seconds": seconds, "words_s": words / seconds,
                  "sentences": len(sentences), "vocab": len(vocab), "torch": torch.__version__}))
"""


def bench_ner_stage(repeat: int) -> dict[str, float]:
    """The NER stage alone (``python -m arextract.evaluate ner-speed``) on one core, fresh interpreter."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    command = [PY, "-m", "arextract.evaluate", "ner-speed", *map(str, SEEDS), "--json"]
    command += ["--repeat", str(repeat)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def bench_bert(threads: int, seconds: float) -> dict[str, float]:
    result = subprocess.run(
        [PY, "-c", BERT, str(threads), str(seconds), *map(str, SEEDS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def profile_seeds(repeats: int) -> tuple[dict[str, float], list[tuple[str, float, float]]]:
    from arextract.pipeline import Pipeline

    nlp = Pipeline(backend=BACKEND)
    texts = seed_texts()
    nlp(texts[0])
    stages: dict[str, float] = {}
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeats):
        for text in texts:
            doc = nlp(text)
            for stage, seconds in doc.meta.timings.items():
                stages[stage] = stages.get(stage, 0.0) + seconds
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    rows: list[tuple[str, float, float]] = []
    for (filename, line, name), (_, _, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = filename.split("site-packages/")[-1].split("src/")[-1]
        rows.append((f"{where}:{line}({name})", tottime, cumtime))
    rows.sort(key=lambda row: -row[1])
    return stages, rows[:15]


# ------------------------------------------------------------------------------------------
# Reliability: pathological inputs and many distinct people (issue #17)
# ------------------------------------------------------------------------------------------

# name -> (what the text is, two sizes). The text is built in the child interpreter by
# PATHOLOGICAL_TEXT, so it is never passed on a command line.
PATHOLOGICAL: dict[str, tuple[str, tuple[int, int]]] = {
    "abbreviations": ('"د. " x n (every period an abbreviation)', (10_000, 20_000)),
    "countries": ('"الصين وروسيا ومصر والأردن " x n (no sentence end)', (2_000, 4_000)),
    "names": ('"وانغ يي " x n (no sentence end)', (6_250, 12_500)),
    "relations": ("seed 001 with every period and line break a space, x n", (60, 120)),
}

PATHOLOGICAL_TEXT = r"""
def pathological_text(name, n, root):
    if name == "abbreviations":
        return "د. " * n
    if name == "countries":
        return "الصين وروسيا ومصر والأردن " * n
    if name == "names":
        return "وانغ يي " * n
    seed = open(f"{root}/seeds/001_aba6a47032132dcb.txt", encoding="utf-8").read()
    return seed.replace(".", " ").replace(chr(10), " ") * n
"""

PATHOLOGICAL_RUN = (
    PATHOLOGICAL_TEXT
    + r"""
import json, resource, sys, time
from arextract.pipeline import Pipeline
nlp = Pipeline(backend=sys.argv[4])
nlp("التقى وزير الخارجية المصري نظيره الأردني في عمان")
text = pathological_text(sys.argv[1], int(sys.argv[2]), sys.argv[3])
started = time.perf_counter()
doc = nlp(text)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "chars": len(text), "entities": len(doc.entities),
                  "relations": len(doc.relations), "timings": doc.meta.timings,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
)


def bench_pathological(timeout: float) -> list[dict[str, object]]:
    """Each generator at its two sizes, one fresh interpreter per run (so RSS is the run's)."""
    runs: list[dict[str, object]] = []
    for name, (_, sizes) in PATHOLOGICAL.items():
        for size in sizes:
            command = [PY, "-c", PATHOLOGICAL_RUN, name, str(size), str(ROOT), BACKEND]
            env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
            try:
                result = subprocess.run(
                    command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env
                )
            except subprocess.TimeoutExpired:
                runs.append({"name": name, "n": size, "timeout": timeout})
                continue
            if result.returncode != 0:
                runs.append({"name": name, "n": size, "error": result.stderr[-500:]})
                continue
            runs.append({"name": name, "n": size, **json.loads(result.stdout.strip().splitlines()[-1])})
    return runs


def _words(text: str) -> list[str]:
    return text.split()


# Varied first and last names: "first middle last" gives 80,000 distinct people, so every
# document of the batch names three people no earlier document named.
FIRST_NAMES = _words(
    "محمد أحمد علي حسن حسين خالد عمر يوسف إبراهيم سعيد طارق سامي ماجد فهد ناصر سلطان بدر هشام وليد "
    "رامي كريم زياد مروان عادل جمال فؤاد نبيل منير رياض غسان باسم عماد أيمن شريف مصطفى حمدي فيصل "
    "عصام أنور صلاح"
)
LAST_NAMES = _words(
    "الخطيب العلي النجار الحداد الشامي المصري العمري الزعبي القاسم الجبوري الدوري الكبيسي الرفاعي "
    "الحسيني البكري التميمي الشمري العنزي المطيري الدوسري القحطاني الغامدي الزهراني السبيعي الحربي "
    "الخالدي الساعدي البياتي الطائي الكعبي السعدي المالكي الهاشمي العبيدي الراوي الفلاحي الجنابي "
    "الدليمي الحمداني العزاوي الكرخي الموصلي البصري النعيمي الحديثي العاني الشيخلي الآلوسي الأعظمي "
    "الربيعي"
)


def people_texts(count: int) -> list[str]:
    """``count`` short news items, each naming three people no other item names."""
    names = [f"{a} {b} {c}" for a in FIRST_NAMES for b in FIRST_NAMES for c in LAST_NAMES]
    random.Random(17).shuffle(names)
    if 3 * count > len(names):
        raise ValueError(f"at most {len(names) // 3} documents of distinct people")
    return [
        f"التقى {names[3 * k]} مع {names[3 * k + 1]} في القاهرة يوم الأحد، وحضر اللقاء {names[3 * k + 2]}."
        for k in range(count)
    ]


PEOPLE_IN_PROCESS = r"""
import json, resource, sys, time
import arextract
from arextract.link import EntityTable
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
arextract.extract(texts[0], backend=sys.argv[2])
table = EntityTable()
extract = add = 0.0
for text in texts:
    started = time.perf_counter()
    doc = arextract.extract(text, backend=sys.argv[2])
    middle = time.perf_counter()
    table.add(doc)
    extract += middle - started
    add += time.perf_counter() - middle
started = time.perf_counter()
rows = table.rows()
add += time.perf_counter() - started
people = sum(row.type.value == "PERSON" for row in rows)
print(json.dumps({"docs": len(texts), "seconds": extract + add, "extract": extract, "table": add,
                  "rows": len(rows), "people": people,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def bench_people(count: int, timeout: float) -> list[dict[str, object]]:
    """``count`` documents of new people: the CLI with one worker (the batch path, entities.csv
    from its EntityTable), then extract() + EntityTable in-process (the table's own share)."""
    folder = Path(tempfile.mkdtemp(prefix="arextract-people-"))
    runs: list[dict[str, object]] = []
    try:
        corpus = folder / "people.jsonl"
        with corpus.open("w", encoding="utf-8") as handle:
            for number, text in enumerate(people_texts(count)):
                handle.write(json.dumps({"id": f"p{number:06d}", "text": text}, ensure_ascii=False) + "\n")
        tokens = sum(len(json.loads(line)["text"].split()) for line in corpus.open(encoding="utf-8"))
        try:
            cli = bench_cli(corpus, tokens, count, 1)
            runs.append(
                {
                    "run": "CLI `-j 1` (wall, incl. start-up)",
                    "docs": cli["docs"],
                    "seconds": cli["wall"],
                    "rss_mb": cli["main_rss_mb"],
                }
            )
        except (RuntimeError, KeyError, ValueError) as error:
            runs.append({"run": "CLI `-j 1`", "error": str(error)[-300:]})
        result = subprocess.run(
            [PY, "-c", PEOPLE_IN_PROCESS, str(corpus), BACKEND],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            runs.append({"run": "`extract()` + `EntityTable` in-process", "error": result.stderr[-300:]})
        else:
            facts = json.loads(result.stdout.strip().splitlines()[-1])
            runs.append({"run": "`extract()` + `EntityTable` in-process", **facts})
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return runs


RELIABILITY_START = "<!-- reliability: written by benchmarks/run.py --only pathological people -->"
RELIABILITY_END = "<!-- reliability: end -->"


def report_reliability(
    pathological: list[dict[str, object]], people: list[dict[str, object]], command: str
) -> str:
    """The "Pathological inputs" and "Many distinct people" sections, between markers."""
    lines = [
        RELIABILITY_START,
        "",
        "## Pathological inputs (issue #17)",
        "",
        f"Written by `{command}` on {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}, load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}. Each run is one `extract()` in a fresh "
        "interpreter (one BLAS thread); the ratio is the larger size's seconds over the smaller's "
        "(near-linear: about 2).",
        "",
        "| input | n | characters | seconds | ratio to n/2 | peak RSS (MB) | slowest stages (s) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    previous: dict[str, float] = {}
    for run in pathological:
        name = str(run["name"])
        label = f"{name}: {PATHOLOGICAL[name][0]}"
        if "timeout" in run or "error" in run:
            failure = f"> {run['timeout']} (stopped)" if "timeout" in run else f"failed: {run['error']!r}"
            lines.append(f"| {label} | {run['n']:,} | | {failure} | | | |")  # type: ignore[str-format]
            continue
        seconds = float(run["seconds"])  # type: ignore[arg-type]
        ratio = f"{seconds / previous[name]:.2f}" if name in previous else ""
        previous[name] = seconds
        timings: dict[str, float] = run["timings"]  # type: ignore[assignment]
        slow = ", ".join(f"{k} {v:.2f}" for k, v in sorted(timings.items(), key=lambda kv: -kv[1])[:3])
        lines.append(
            f"| {label} | {run['n']:,} | {run['chars']:,} | {seconds:.2f} | {ratio} | "  # type: ignore[str-format]
            f"{float(run['rss_mb']):.0f} | {slow} |"
        )  # type: ignore[arg-type]
    lines += [
        "",
        "## Many distinct people (issue #17)",
        "",
        "Short generated news items, each naming three people no other item names (varied Arabic "
        "first and last names), so the entity table gets three new person rows per document.",
        "",
        "| run | docs | seconds | of which `extract()` | of which the entity table | person rows "
        "| peak RSS (MB) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in people:
        if "error" in run:
            lines.append(f"| {run['run']} | | failed: {run['error']!r} | | | | |")
            continue
        extract = f"{float(run['extract']):.1f}" if "extract" in run else ""  # type: ignore[arg-type]
        table = f"{float(run['table']):.2f}" if "table" in run else ""  # type: ignore[arg-type]
        people_rows = f"{run['people']:,}" if run.get("people") is not None else ""  # type: ignore[str-format]
        lines.append(
            f"| {run['run']} | {run['docs']:,} | {float(run['seconds']):.1f} | {extract} | "  # type: ignore[str-format, arg-type]
            f"{table} | {people_rows} | {float(run['rss_mb']):.0f} |"
        )  # type: ignore[arg-type]
    lines += ["", RELIABILITY_END]
    return "\n".join(lines) + "\n"


def write_reliability(path: Path, section: str) -> None:
    """Put ``section`` into docs/benchmarks.md: in place of the previous one, else at the end."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if RELIABILITY_START in text and RELIABILITY_END in text:
        head, rest = text.split(RELIABILITY_START, 1)
        tail = rest.split(RELIABILITY_END, 1)[1]
        text = head + section.rstrip("\n") + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


# ------------------------------------------------------------------------------------------
# Report
# ------------------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def report(facts: dict[str, str], corpus: tuple[int, int], results: dict[str, object], command: str) -> str:
    ex: dict[str, float] = results["extract"]  # type: ignore[assignment]
    cli: list[dict[str, float]] = results["cli"]  # type: ignore[assignment]
    cold: dict[str, float] = results["cold"]  # type: ignore[assignment]
    bert: list[dict[str, float]] = results["bert"]  # type: ignore[assignment]
    longs: list[dict[str, object]] = results["long"]  # type: ignore[assignment]
    stages: dict[str, float] = results["stages"]  # type: ignore[assignment]
    hot: list[tuple[str, float, float]] = results["hot"]  # type: ignore[assignment]
    lines = [
        "# Benchmarks",
        "",
        f"Written by `{command}` (`make bench`). Numbers are from one run on the machine below; "
        "nothing here is checked by the unit tests.",
        "",
        "| machine | |",
        "| --- | --- |",
        *(f"| {key} | {value} |" for key, value in facts.items()),
        "",
        f"Corpus: {corpus[0]:,} documents, {corpus[1]:,} whitespace tokens (the 5 seeds repeated, each "
        "copy numbered). Tokens/s counts whitespace tokens, the same unit as the BERT words/s.",
        "",
        "## Throughput",
        "",
        "| run | docs | seconds | tokens/s | docs/s | tokens/s per worker | peak RSS main (MB) "
        "| peak RSS per worker (MB) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| `extract()` in-process | {ex['docs']:,} | {ex['seconds']:.1f} | {ex['tokens_s']:,.0f} | "
        f"{ex['docs_s']:.1f} | {ex['tokens_s']:,.0f} | | |",
    ]
    for run in cli:
        label = f"CLI `-j {run['workers']}`" + (" `--engine dask`" if run.get("dask") else "")
        lines.append(
            f"| {label} (wall, incl. start-up) | {run['docs']:,} | {run['wall']:.1f} | "
            f"{run['tokens_s']:,.0f} | "
            f"{run['docs_s']:.1f} | {run['tokens_s'] / run['workers']:,.0f} | {run['main_rss_mb']:.0f} | "
            f"{run['worker_rss_mb']:.0f} |"
        )
    one = next((r for r in cli if r["workers"] == 1 and not r.get("dask")), None)
    two = next((r for r in cli if r["workers"] == 2 and not r.get("dask")), None)
    lines += ["", "## Against the targets", "", "| target | measured | |", "| --- | --- | --- |"]
    if one:
        lines.append(
            f"| end to end ≥ {TARGET_TOKENS_PER_WORKER:,} tokens/s per worker | `extract()` "
            f"{ex['tokens_s']:,.0f}; CLI -j 1 {one['tokens_s']:,.0f} | "
            f"{verdict(one['tokens_s'] >= TARGET_TOKENS_PER_WORKER)} |"
        )
    if two:
        lines.append(
            f"| (per worker at -j 2) | CLI -j 2 {two['tokens_s'] / 2:,.0f} | "
            f"{verdict(two['tokens_s'] / 2 >= TARGET_TOKENS_PER_WORKER)} |"
        )
    if one and two:
        speedup = two["tokens_s"] / one["tokens_s"]
        lines.append(
            f"| 2 workers ≥ {TARGET_SPEEDUP_2}x one | {speedup:.2f}x | "
            f"{verdict(speedup >= TARGET_SPEEDUP_2)} |"
        )
    peak = max([r["worker_rss_mb"] for r in cli] or [0])
    lines.append(
        f"| peak RSS ≤ {TARGET_RSS_MB} MB per worker | {peak:.0f} MB | {verdict(peak <= TARGET_RSS_MB)} |"
    )
    lines += [
        "",
        "## Cold start (fresh interpreter, bytecode cached, median of 3)",
        "",
        "| import arextract | load Pipeline | first extract (seed 000) | total wall, incl. interpreter |",
        "| ---: | ---: | ---: | ---: |",
        f"| {cold['import']:.2f} s | {cold['load']:.2f} s | {cold['first']:.3f} s | {cold['wall']:.2f} s |",
        "",
        "## Against a BERT-base token classifier (camel-tools' NER architecture)",
        "",
        "transformers `BertForTokenClassification`, BERT-base config (12 layers, hidden 768, 12 heads, "
        "9 labels), random weights, torch on the CPU, the seed sentences whitespace-tokenised with a "
        "vocabulary built from them, batches of 32 sentences, inference mode. This is the cost of the "
        "model alone (no subword tokeniser, no decoding), so it flatters BERT.",
        "",
        "| torch threads | words/s | arextract `extract()` tokens/s ÷ BERT words/s |",
        "| ---: | ---: | ---: |",
    ]
    for run in bert:
        lines.append(f"| {run['threads']} | {run['words_s']:,.0f} | {ex['tokens_s'] / run['words_s']:.1f}x |")
    ner: dict[str, float] = results["ner"]  # type: ignore[assignment]
    bert_1 = next((run for run in bert if run["threads"] == 1), None)
    lines += [
        "",
        "### The NER stage alone, one core",
        "",
        f"`python -m arextract.evaluate ner-speed seeds/*.txt --repeat {ner['repeat']:.0f}` in a fresh "
        "interpreter with one BLAS thread: the shipped tagger (CRF + BiLSTM-CRF ensemble, document "
        "consistency, subtypes) on arextract's own sentences and tokens, one `tag_document` call per "
        "seed. The first pass meets every word type for the first time (features, character CNN); "
        "the later passes are warm, as in a long batch of news.",
        "",
        "| passes | tokens/s | whitespace words/s | first pass tokens/s | warm passes tokens/s "
        "| words/s ÷ BERT words/s (1 thread) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {ner['repeat']:.0f} | {ner['tokens_s']:,.0f} | {ner['words_s']:,.0f} | "
        f"{ner['first_tokens_s']:,.0f} | {ner['warm_tokens_s']:,.0f} | "
        + (f"{ner['words_s'] / bert_1['words_s']:.0f}x |" if bert_1 else " |"),
        "",
        f"Target: ≥ 50,000 tokens/s on one core: {verdict(ner['tokens_s'] >= 50_000)}.",
    ]
    lines += [
        "",
        "## Long single articles (fresh interpreter each)",
        "",
        "| size | words | seconds | words/s | peak RSS (MB) | slowest stages (s) |",
        "| ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for run in longs:
        if "timeout" in run:
            lines.append(
                f"| {run['megabytes']} MB | {run['words']:,} | > {run['timeout']:.0f} (stopped) | | "
                f"{run['rss_mb']:.0f} | |"
            )
        elif "error" in run:
            lines.append(f"| {run['megabytes']} MB | | failed: {run['error']!r} | | | |")
        else:
            timings: dict[str, float] = run["timings"]  # type: ignore[assignment]
            slow = ", ".join(f"{k} {v:.1f}" for k, v in sorted(timings.items(), key=lambda kv: -kv[1])[:3])
            seconds = float(run["seconds"])  # type: ignore[arg-type]
            lines.append(
                f"| {run['megabytes']} MB | {run['words']:,} | {seconds:.1f} | "
                f"{int(run['words']) / seconds:,.0f} | {run['rss_mb']:.0f} | {slow} |"
            )  # type: ignore[call-overload]
    total = sum(stages.values()) or 1.0
    lines += [
        "",
        "## Where the time goes (cProfile, the seeds)",
        "",
        "| stage | share of pipeline time |",
        "| --- | ---: |",
    ]
    for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {stage} | {100 * seconds / total:.0f}% |")
    lines += ["", "| function (self time) | self s | cumulative s |", "| --- | ---: | ---: |"]
    for name, tottime, cumtime in hot:
        lines.append(f"| `{name}` | {tottime:.3f} | {cumtime:.3f} |")
    return "\n".join(lines) + "\n"


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _interrupt)  # `kill PID` stops the long articles, keeps the report
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=1_000_000, help="corpus size in whitespace tokens")
    parser.add_argument("--bert-seconds", type=float, default=20.0, help="time budget of each BERT run")
    parser.add_argument("--long-mb", type=float, nargs="*", default=[1.0, 5.0], help="long-article sizes")
    parser.add_argument("--long-timeout", type=float, default=900.0)
    parser.add_argument("--profile-repeats", type=int, default=20)
    parser.add_argument("--ner-repeat", type=int, default=20, help="passes of the NER-stage measurement")
    parser.add_argument("--dask", action="store_true", help="also time --engine dask -j 2")
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--backend", default=None, help="NER backend for every run (default: the default)")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=["pathological", "people"],
        default=None,
        help="run only these reliability sections and update them in the output",
    )
    parser.add_argument("--people-docs", type=int, default=20_000, help="documents of the people batch")
    parser.add_argument("--reliability-timeout", type=float, default=600.0, help="seconds per run")
    args = parser.parse_args(argv)
    global BACKEND
    from arextract.pipeline import DEFAULT_BACKEND

    BACKEND = args.backend or DEFAULT_BACKEND  # pinned, so every measurement uses the same one
    given = " ".join(argv if argv is not None else sys.argv[1:])
    command = f"python benchmarks/run.py {given}".rstrip()

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    if args.only:
        pathological = bench_pathological(args.reliability_timeout) if "pathological" in args.only else []
        log(f"pathological {pathological}")
        people = bench_people(args.people_docs, args.reliability_timeout) if "people" in args.only else []
        log(f"people {people}")
        section = report_reliability(pathological, people, command)
        write_reliability(Path(args.output), section)
        print(section)
        return 0

    facts = machine()
    work = Path(tempfile.mkdtemp(prefix="arextract-bench-"))
    try:
        corpus = build_corpus(work / "corpus", args.tokens)
        log(f"corpus: {corpus[0]} docs, {corpus[1]} tokens")
        results: dict[str, object] = {}
        results["cold"] = bench_cold_start()
        log(f"cold start {results['cold']}")
        results["extract"] = bench_extract(work / "corpus", BACKEND)
        log(f"extract {results['extract']}")
        cli = [bench_cli(work / "corpus", corpus[1], corpus[0], workers) for workers in (1, 2)]
        if args.dask:
            run = bench_cli(work / "corpus", corpus[1], corpus[0], 2, ["--engine", "dask"])
            run["dask"] = 1
            cli.append(run)
        results["cli"] = cli
        log(f"cli {cli}")
        results["bert"] = [bench_bert(threads, args.bert_seconds) for threads in (1, os.cpu_count() or 1)]
        log(f"bert {results['bert']}")
        results["ner"] = bench_ner_stage(args.ner_repeat)
        log(f"ner stage {results['ner']}")
        results["stages"], results["hot"] = profile_seeds(args.profile_repeats)
        log("profile done")
        longs: list[dict[str, object]] = []
        results["long"] = longs
        try:  # the slowest part last; Ctrl-C here still writes the report
            for mb in args.long_mb:
                longs.append(bench_long_article(mb, args.long_timeout))
                log(f"long {longs[-1]}")
        except KeyboardInterrupt:
            longs.append({"megabytes": args.long_mb[len(longs)], "error": "interrupted"})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    pathological = bench_pathological(args.reliability_timeout)
    log(f"pathological {pathological}")
    people = bench_people(args.people_docs, args.reliability_timeout)
    log(f"people {people}")
    facts["load average at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    text = report(facts, corpus, results, command) + "\n" + report_reliability(pathological, people, command)
    Path(args.output).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
