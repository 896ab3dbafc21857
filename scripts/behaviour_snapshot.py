"""Record what arextract outputs, so a refactor can prove it changed nothing (issue #16).

``python scripts/behaviour_snapshot.py OUT.json`` writes, for every seed, every gold text
(general, seeds, real news when ``../shared`` is beside the repo) and a few edge inputs, the
full ``Document`` JSON without timings, plus the relation gold scores of each gold set.
``--compare A.json B.json`` prints the documents that differ (exit 1 when any does).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> dict[str, str]:
    from arextract.evaluation.gold import gold_files, load_gold

    texts = {f"seeds/{p.name}": p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}
    for gold_dir in sorted((ROOT / "tests" / "gold").iterdir()):
        if not gold_dir.is_dir():
            continue
        for path in gold_files([gold_dir]):
            try:
                texts[str(path.relative_to(ROOT))] = load_gold(path).text
            except Exception as error:
                print(f"skipped {path}: {error}", file=sys.stderr)
    return texts


def snapshot() -> dict[str, object]:
    from arextract import Pipeline
    from arextract.evaluation.gold import gold_files
    from arextract.evaluation.relations import evaluate

    nlp = Pipeline()
    documents = {}
    for name, text in _texts().items():
        doc = nlp(text)
        data = json.loads(doc.model_dump_json())
        data["meta"].pop("timings", None)
        documents[name] = data
    scores = {}
    for gold_dir in sorted((ROOT / "tests" / "gold").iterdir()):
        if gold_dir.is_dir() and gold_files([gold_dir]):
            scores[gold_dir.name] = evaluate([gold_dir], nlp).as_dict()
    return {"documents": documents, "scores": scores}


def compare(a_path: Path, b_path: Path) -> int:
    a = json.loads(a_path.read_text(encoding="utf-8"))
    b = json.loads(b_path.read_text(encoding="utf-8"))
    changed = 0
    for name in sorted(set(a["documents"]) | set(b["documents"])):
        left, right = a["documents"].get(name), b["documents"].get(name)
        if left != right:
            changed += 1
            left, right = left or {}, right or {}
            keys = sorted(k for k in set(left) | set(right) if left.get(k) != right.get(k))
            print(f"differs: {name}: {', '.join(keys)}")
    for gold_set in sorted(set(a["scores"]) | set(b["scores"])):
        if a["scores"].get(gold_set) != b["scores"].get(gold_set):
            changed += 1
            print(f"scores differ: {gold_set}")
    print(f"{len(a['documents'])} documents, {changed} differences")
    return 1 if changed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    if args.out is None:
        parser.error("give OUT.json or --compare A B")
    args.out.write_text(json.dumps(snapshot(), ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
