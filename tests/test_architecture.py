"""The architecture ratchet (scripts/check_architecture.py, issue #16): the repo passes it, and
the checker itself finds cycles, oversized code and training imports in a synthetic package."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "check_architecture.py"


def _load_checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_architecture", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


checker = _load_checker()


def test_repo_has_no_violation_beyond_the_baseline() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_baseline_allows_nothing() -> None:
    # The redesign (#16) fixed every known violation: the ratchet is now a plain check, and a new
    # cycle or oversized class cannot be waved through by adding it to the baseline.
    import json

    baseline = json.loads((ROOT / "scripts" / "architecture_baseline.json").read_text(encoding="utf-8"))
    assert baseline["violations"] == []


# --------------------------------------------------------------------------- synthetic package


def _function(name: str, lines: int, indent: str = "") -> str:
    """A function spanning exactly ``lines`` lines."""
    body = [f"{indent}    x = {i}" for i in range(lines - 2)]
    return "\n".join([f"{indent}def {name}():", *body, f"{indent}    return x"]) + "\n"


def _class(name: str, lines: int) -> str:
    """A class spanning exactly ``lines`` lines."""
    return "\n".join([f"class {name}:", *[f"    a{i} = {i}" for i in range(lines - 1)]]) + "\n"


def _write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def package(tmp_path: Path) -> Path:
    root = tmp_path / "src" / "arextract"
    _write(root, {
        "__init__.py": "",
        # a <-> b: module level one way, a relative import inside a function the other way
        "a.py": "from arextract import b\nimport arextract.e\n",
        "b.py": "def f():\n    from . import a\n    return a\n",
        # d <-> sub.c: relative imports going up (..) and down (.sub)
        "sub/__init__.py": "",
        "sub/c.py": "from ..d import VALUE\n",
        "d.py": "VALUE = 1\n\n\ndef g():\n    from .sub import c\n    return c\n",
        # e -> a only under TYPE_CHECKING: no cycle
        "e.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from arextract import a\n",
        # f -> schema, schema -> nothing: no cycle
        "f.py": "from arextract.schema import Thing\n",
        "schema.py": "class Thing:\n    pass\n",
        "big.py": (
            _class("Huge", 301) + _class("Fine", 300)
            + _function("long", 101) + _function("ok", 100)
            + "class Holder:\n" + _function("method", 102, indent="    ")
        ),
        # runtime modules importing torch / training code, at any level
        "runtime.py": "def run():\n    import torch.nn\n    from arextract.train import fit\n",
        "uses_train_pkg.py": "from arextract.training.loop import step\n",
        "train.py": "import torch\n\n\ndef fit():\n    pass\n",
        "training/__init__.py": "",
        "training/loop.py": "import torch\n\nfrom arextract import evaluate\n\n\ndef step():\n    pass\n",
        "evaluate.py": "from arextract.schema import Thing\n",
    })
    return root


def test_strongly_connected_components() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": {"e"}, "e": {"d"}, "f": {"a"}, "g": set()}
    assert checker.strongly_connected(graph) == [["a", "b", "c"], ["d", "e"]]
    assert checker.strongly_connected({"x": {"x"}, "y": set()}) == []


def test_finds_cycles_sizes_and_training_imports(package: Path) -> None:
    violations = checker.find_violations(checker.analyse(package))
    by_kind: dict[str, list[Any]] = {}
    for v in violations:
        by_kind.setdefault(v.kind, []).append(v)

    cycles = sorted(v.members for v in by_kind["cycle"])
    assert cycles == [("arextract.a", "arextract.b"), ("arextract.d", "arextract.sub.c")]

    sizes = {(v.kind, v.where): v.size for v in violations if v.kind in ("class", "function")}
    assert sizes == {  # Fine (300), ok (100) and Holder (103) are within the limits
        ("class", "arextract.big:Huge"): 301,
        ("function", "arextract.big:long"): 101,
        ("function", "arextract.big:Holder.method"): 102,
    }

    training = sorted((v.where, v.imports) for v in by_kind["training-import"])
    assert training == [
        ("arextract.runtime", "arextract.train"),
        ("arextract.runtime", "torch"),
        ("arextract.uses_train_pkg", "arextract.training.loop"),
    ]


def test_ratchet(package: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    baseline = tmp_path / "baseline.json"
    args = ["--root", str(package), "--baseline", str(baseline), "-q"]

    assert checker.main(args) == 1  # no baseline: everything is new
    assert checker.main([*args, "--write-baseline"]) == 0
    assert checker.main(args) == 0
    capsys.readouterr()

    # an oversized function that grows fails; one that shrinks passes and is reported
    big = package / "big.py"
    original = big.read_text(encoding="utf-8")
    big.write_text(original.replace(_function("long", 101), _function("long", 103)), encoding="utf-8")
    assert checker.main(args) == 1
    assert "grew from 101 lines" in capsys.readouterr().out
    big.write_text(original.replace(_function("long", 101), _function("long", 50)), encoding="utf-8")
    assert checker.main(args) == 0
    assert "FIXED, remove from the baseline: function arextract.big:long" in capsys.readouterr().out
    big.write_text(original + _function("another", 150), encoding="utf-8")
    assert checker.main(args) == 1
    assert "NEW VIOLATION (new): function arextract.big:another: 150 lines" in capsys.readouterr().out
    big.write_text(original, encoding="utf-8")

    # a cycle broken is reported fixed; a new cycle, or a known one that grows, fails
    (package / "b.py").write_text("def f():\n    return 1\n", encoding="utf-8")
    assert checker.main(args) == 0
    assert "FIXED, remove from the baseline: cycle of 2 modules: arextract.a, arextract.b" in (
        capsys.readouterr().out
    )
    (package / "schema.py").write_text("def h():\n    import arextract.f\n", encoding="utf-8")
    assert checker.main(args) == 1
    assert "NEW VIOLATION (new cycle): cycle of 2 modules: arextract.f, arextract.schema" in (
        capsys.readouterr().out
    )
    (package / "schema.py").write_text("class Thing:\n    pass\n", encoding="utf-8")
    (package / "f.py").write_text("def k():\n    from arextract.sub import c\n", encoding="utf-8")
    (package / "d.py").write_text("def g():\n    from arextract import f\n", encoding="utf-8")
    assert checker.main(args) == 1
    assert "known cycle grew: now also arextract.f" in capsys.readouterr().out


def test_compare_cycles() -> None:
    def cycle(*members: str) -> Any:
        return checker.Violation("cycle", ", ".join(members), len(members), members)

    known = [cycle("m.a", "m.b", "m.c")]
    same = checker.compare([cycle("m.a", "m.b", "m.c")], known)
    assert same.ok and not same.fixed and not same.shrunk
    smaller = checker.compare([cycle("m.a", "m.b")], known)
    assert smaller.ok and not smaller.fixed and len(smaller.shrunk) == 1
    assert not checker.compare([cycle("m.a", "m.b", "m.c", "m.d")], known).ok
    gone = checker.compare([], known)
    assert gone.ok and gone.fixed == known


def test_script_exit_codes(package: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    command = [sys.executable, str(SCRIPT), "--root", str(package), "--baseline", str(baseline)]
    first = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert first.returncode == 1
    assert "runtime module arextract.runtime imports torch" in first.stdout
    assert subprocess.run([*command, "--write-baseline"], capture_output=True, timeout=60).returncode == 0
    assert subprocess.run(command, capture_output=True, timeout=60).returncode == 0
