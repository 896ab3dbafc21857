"""``extract()`` throughput of this checkout against another, measured side by side.

``python benchmarks/side_by_side.py OTHER_CHECKOUT [--rounds 5] [--copies 40]`` runs the same
workload (the seeds, repeated) in fresh interpreters, alternating between the two checkouts'
``src/`` so both see the same machine load, and prints tokens/s of each round, the ratio of
the medians and the median of the rounds' ratios. One BLAS/torch thread each, pipeline built
before timing (cold start is measured by ``benchmarks/run.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_WORKER = r"""
import json, sys, time
from pathlib import Path
import arextract
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))] * int(sys.argv[2])
nlp = arextract.Pipeline()
nlp(texts[0])
tokens = 0
started = time.process_time()
for text in texts:
    tokens += len(nlp(text).tokens)
print(json.dumps({"tokens": tokens, "seconds": time.process_time() - started, "module": arextract.__file__}))
"""


def run(src: Path, copies: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(src), "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    out = subprocess.run(
        [sys.executable, "-c", _WORKER, str(ROOT / "seeds"), str(copies)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=src.parent,
    )
    facts = json.loads(out.stdout.strip().splitlines()[-1])
    assert Path(facts["module"]).is_relative_to(src), facts["module"]
    return facts["tokens"] / facts["seconds"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other checkout (its src/ is used)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--copies", type=int, default=40, help="how many times the seeds are repeated")
    args = parser.parse_args()
    here, other = [], []
    for round_ in range(args.rounds):
        here.append(run(ROOT / "src", args.copies))
        other.append(run(args.other.resolve() / "src", args.copies))
        print(f"round {round_ + 1}: this {here[-1]:,.0f} tokens/s, other {other[-1]:,.0f} tokens/s")
    this, that = statistics.median(here), statistics.median(other)
    print(f"median: this {this:,.0f}, other {that:,.0f} tokens/s, ratio {this / that:.3f}")
    # Each round runs the two back to back, so the ratio within a round shares the machine's
    # state of that moment; on a shared host its median is steadier than the ratio of medians.
    paired = statistics.median(h / o for h, o in zip(here, other, strict=True))
    print(f"median of the rounds' ratios: {paired:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
