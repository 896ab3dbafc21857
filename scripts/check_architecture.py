#!/usr/bin/env python3
"""Architecture ratchet for ``src/arextract`` (issue #16).

Checks, with nothing but :mod:`ast`:

* **cycles**: no import cycle between modules of the package. Imports at any level count
  (module level, inside functions and methods, inside ``try``); only imports under
  ``if TYPE_CHECKING:`` are left out, since they never run. ``from arextract.x import y``
  is an edge to ``arextract.x.y`` when that is a module, else to ``arextract.x``; relative
  imports are resolved the same way. ``import a.b.c`` is an edge to ``a.b.c`` only (not to
  the parent packages whose ``__init__`` also runs), as import-linter and grimp count it.
  Every strongly connected component of more than one module is one violation.
* **class** / **function** size: a class over 300 lines, a function or method over 100
  (``end_lineno - lineno + 1``; decorators not counted; nested functions are measured too).
* **training-import**: a runtime module (any module not in the training set below: the
  ``training`` and ``evaluation`` packages and their commands ``train`` and ``evaluate``) that
  imports torch or a training/evaluation module, at any level.

Today's code has violations, so the check is a ratchet against ``architecture_baseline.json``
(next to this script): exit 1 when there is a violation the baseline does not hold (a new
cycle or a cycle that grew, a new oversized class/function or one longer than its baseline
size, a new training import); exit 0 otherwise. Baseline entries that are fixed (or shrank)
are printed so the baseline can be tightened with ``--write-baseline``.

Limits: imports by string (``importlib.import_module(SUBCOMMANDS[name])`` in ``cli.py``)
are invisible to this check.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_ROOT = HERE.parent / "src" / "arextract"
DEFAULT_BASELINE = HERE / "architecture_baseline.json"

MAX_CLASS_LINES = 300
MAX_FUNCTION_LINES = 100

# Training and evaluation code, relative to the package; a name also covers everything under
# it. The two packages (``training``: corpora, lexicons, the CRF and the torch BiLSTM-CRF;
# ``evaluation``: NER and relation scoring, gold readers, corrected annotations read back as
# gold, which used to be ``relations.scoring`` and half of ``annotation_io``) and the two
# command modules that only parse arguments and call into them. The runtime ``export``
# subcommand (``annotation_export``) writes pre-annotations and imports none of these.
TRAINING = ("training", "evaluation", "train", "evaluate")
# Third-party packages a runtime module must never import.
FORBIDDEN_EXTERNAL = ("torch",)


@dataclass(frozen=True)
class Import:
    """One import of ``target`` (a module of the package, or an external top-level name)."""

    source: str
    target: str
    line: int
    in_function: bool
    internal: bool


@dataclass(frozen=True)
class Span:
    kind: str  # "class" or "function"
    module: str
    qualname: str
    line: int
    size: int

    @property
    def where(self) -> str:
        return f"{self.module}:{self.qualname}"


@dataclass
class Analysis:
    package: str
    files: dict[str, Path] = field(default_factory=dict)
    imports: list[Import] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)

    def graph(self) -> dict[str, set[str]]:
        edges: dict[str, set[str]] = {name: set() for name in self.files}
        for imp in self.imports:
            if imp.internal and imp.target != imp.source:
                edges[imp.source].add(imp.target)
        return edges


# --------------------------------------------------------------------------- parsing


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


class _Visitor(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool, modules: set[str], package: str) -> None:
        self.module = module
        self.is_package = is_package
        self.modules = modules
        self.package = package
        self.imports: list[Import] = []
        self.spans: list[Span] = []
        self._scope: list[str] = []
        self._function_depth = 0

    # -- imports
    def _internal(self, name: str) -> str | None:
        """The deepest module of the package that ``name`` names (``None`` if external)."""
        if name != self.package and not name.startswith(self.package + "."):
            return None
        parts = name.split(".")
        while parts:
            candidate = ".".join(parts)
            if candidate in self.modules:
                return candidate
            parts.pop()
        return None

    def _add(self, node: ast.stmt, name: str) -> None:
        internal = self._internal(name)
        is_ours = name == self.package or name.startswith(self.package + ".")
        if is_ours and internal is None:
            return  # a name of the package that is no module file (should not happen)
        self.imports.append(Import(
            source=self.module,
            target=internal if internal is not None else name.split(".")[0],
            line=node.lineno,
            in_function=self._function_depth > 0,
            internal=internal is not None,
        ))

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(node, alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            parts = self.module.split(".")
            if not self.is_package:
                parts.pop()
            if node.level > 1:
                parts = parts[: len(parts) - (node.level - 1)]
            base = ".".join(parts + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            self._add(node, sub if alias.name != "*" and sub in self.modules else base)

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            for stmt in node.orelse:
                self.visit(stmt)
            return
        self.generic_visit(node)

    # -- sizes
    def _span(self, kind: str, node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._scope.append(node.name)
        end = node.end_lineno if node.end_lineno is not None else node.lineno
        self.spans.append(Span(kind, self.module, ".".join(self._scope), node.lineno, end - node.lineno + 1))

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._span("class", node)
        self.generic_visit(node)
        self._scope.pop()

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._span("function", node)
        self._function_depth += 1
        self.generic_visit(node)
        self._function_depth -= 1
        self._scope.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._visit_function(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._visit_function(node)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self._function_depth += 1
        self.generic_visit(node)
        self._function_depth -= 1


def analyse(root: Path) -> Analysis:
    """Parse every module under ``root`` (a package directory)."""
    root = root.resolve()
    result = Analysis(package=root.name)
    for path in sorted(root.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        result.files[module_name(path, root)] = path
    modules = set(result.files)
    for name, path in result.files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        visitor = _Visitor(name, path.name == "__init__.py", modules, result.package)
        visitor.visit(tree)
        result.imports.extend(visitor.imports)
        result.spans.extend(visitor.spans)
    return result


# --------------------------------------------------------------------------- checks


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm (iterative); components of more than one node, each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found, key=lambda c: (-len(c), c))


def is_training(module: str, package: str) -> bool:
    for name in TRAINING:
        full = f"{package}.{name}"
        if module == full or module.startswith(full + "."):
            return True
    return False


@dataclass(frozen=True)
class Violation:
    kind: str  # "cycle", "class", "function", "training-import"
    where: str  # module:qualname, importing module, or the cycle's members joined by ", "
    size: int = 0  # lines (class/function) or number of modules (cycle)
    members: tuple[str, ...] = ()  # cycle members
    imports: str = ""  # training-import: what is imported
    detail: tuple[str, ...] = ()  # report lines (not part of the baseline)

    def key(self) -> tuple[str, str]:
        if self.kind == "training-import":
            return (self.kind, f"{self.where} -> {self.imports}")
        return (self.kind, self.where)

    def to_json(self) -> dict[str, Any]:
        if self.kind == "cycle":
            return {"kind": "cycle", "members": list(self.members)}
        if self.kind == "training-import":
            return {"kind": self.kind, "where": self.where, "imports": self.imports}
        return {"kind": self.kind, "where": self.where, "size": self.size}

    @staticmethod
    def from_json(entry: dict[str, Any]) -> Violation:
        kind = str(entry["kind"])
        if kind == "cycle":
            members = tuple(sorted(str(m) for m in entry["members"]))
            return Violation(kind, ", ".join(members), len(members), members)
        if kind == "training-import":
            return Violation(kind, str(entry["where"]), imports=str(entry["imports"]))
        if kind in ("class", "function"):
            return Violation(kind, str(entry["where"]), int(entry["size"]))
        raise ValueError(f"unknown baseline kind: {kind!r}")

    def describe(self) -> str:
        if self.kind == "cycle":
            return f"cycle of {self.size} modules: {self.where}"
        if self.kind == "training-import":
            return f"runtime module {self.where} imports {self.imports}"
        return f"{self.kind} {self.where}: {self.size} lines"


def find_violations(analysis: Analysis) -> list[Violation]:
    found: list[Violation] = []
    package = analysis.package
    for component in strongly_connected(analysis.graph()):
        members = set(component)
        edges = sorted(
            {(i.source, i.target, i.line, i.in_function) for i in analysis.imports
             if i.internal and i.source in members and i.target in members and i.source != i.target}
        )
        detail = tuple(
            f"{s} -> {t}  ({analysis.files[s].name}:{line}{', in a function' if fn else ''})"
            for s, t, line, fn in edges
        )
        found.append(
            Violation("cycle", ", ".join(component), len(component), tuple(component), detail=detail)
        )

    largest: dict[tuple[str, str], Span] = {}
    for span in analysis.spans:
        limit = MAX_CLASS_LINES if span.kind == "class" else MAX_FUNCTION_LINES
        if span.size <= limit:
            continue
        key = (span.kind, span.where)  # a property and its setter share a name: keep the longer
        if key not in largest or span.size > largest[key].size:
            largest[key] = span
    for span in sorted(largest.values(), key=lambda s: (s.kind, -s.size, s.where)):
        detail = (f"{analysis.files[span.module].name}:{span.line}",)
        found.append(Violation(span.kind, span.where, span.size, detail=detail))

    seen: dict[tuple[str, str], list[str]] = {}
    for imp in analysis.imports:
        if is_training(imp.source, package):
            continue
        bad = is_training(imp.target, package) if imp.internal else imp.target in FORBIDDEN_EXTERNAL
        if bad:
            where = f"{analysis.files[imp.source].name}:{imp.line}"
            if imp.in_function:
                where += ", in a function"
            seen.setdefault((imp.source, imp.target), []).append(where)
    for (source, target), wheres in sorted(seen.items()):
        found.append(Violation("training-import", source, imports=target, detail=tuple(wheres)))
    return found


# --------------------------------------------------------------------------- ratchet


@dataclass
class Comparison:
    new: list[tuple[Violation, str]] = field(default_factory=list)  # (violation, why)
    fixed: list[Violation] = field(default_factory=list)
    shrunk: list[tuple[Violation, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.new


def compare(current: Sequence[Violation], baseline: Sequence[Violation]) -> Comparison:
    result = Comparison()
    base = {v.key(): v for v in baseline if v.kind != "cycle"}
    base_cycles = [set(v.members) for v in baseline if v.kind == "cycle"]
    cur_cycles = [set(v.members) for v in current if v.kind == "cycle"]
    for violation in current:
        if violation.kind == "cycle":
            members = set(violation.members)
            if any(members == known for known in base_cycles):
                continue
            if any(members <= known for known in base_cycles):
                result.shrunk.append((violation, "part of a larger known cycle"))
                continue
            grown = [known for known in base_cycles if known & members]
            why = "new cycle" if not grown else "known cycle grew: now also " + ", ".join(
                sorted(members - set().union(*grown)))
            result.new.append((violation, why))
            continue
        known_violation = base.get(violation.key())
        if known_violation is None:
            result.new.append((violation, "new"))
        elif violation.size > known_violation.size:
            result.new.append((violation, f"grew from {known_violation.size} lines"))
        elif violation.size < known_violation.size:
            result.shrunk.append((violation, f"shrank from {known_violation.size} lines"))
    current_keys = {v.key() for v in current if v.kind != "cycle"}
    for known_violation in baseline:
        if known_violation.kind == "cycle":
            members = set(known_violation.members)
            if not any(len(members & c) > 1 for c in cur_cycles):
                result.fixed.append(known_violation)
        elif known_violation.key() not in current_keys:
            result.fixed.append(known_violation)
    return result


def load_baseline(path: Path) -> list[Violation]:
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Violation.from_json(entry) for entry in data.get("violations", [])]


def write_baseline(path: Path, violations: Iterable[Violation]) -> None:
    data = {
        "_comment": (
            "Known architecture violations (issue #16), allowed until fixed; written by "
            "scripts/check_architecture.py --write-baseline. Remove entries as they are fixed; "
            "sizes may shrink but not grow."
        ),
        "limits": {"class_lines": MAX_CLASS_LINES, "function_lines": MAX_FUNCTION_LINES},
        "violations": [v.to_json() for v in violations],
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- report


def report(analysis: Analysis, violations: Sequence[Violation], out: Any = sys.stdout) -> None:
    def section(kind: str, title: str) -> None:
        chosen = [v for v in violations if v.kind == kind]
        print(f"\n{title}: {len(chosen)}", file=out)
        for v in chosen:
            print(f"  - {v.describe()}", file=out)
            for line in v.detail:
                print(f"      {line}", file=out)

    edges = sum(len(targets) for targets in analysis.graph().values())
    print(f"{analysis.package}: {len(analysis.files)} modules, {edges} internal import edges", file=out)
    section("cycle", "import cycles (strongly connected components)")
    section("class", f"classes over {MAX_CLASS_LINES} lines")
    section("function", f"functions over {MAX_FUNCTION_LINES} lines")
    section("training-import", "runtime modules importing torch or training code")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the package directory")
    parser.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE, help="allowlist JSON")
    parser.add_argument("--write-baseline", action="store_true", help="record today's violations and exit 0")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only the ratchet verdict")
    args = parser.parse_args(argv)

    try:
        analysis = analyse(args.root)
    except SyntaxError as error:
        print(f"cannot parse {error.filename}:{error.lineno}: {error.msg}", file=sys.stderr)
        return 2
    violations = find_violations(analysis)
    if not args.quiet:
        report(analysis, violations)

    if args.write_baseline:
        write_baseline(args.baseline, violations)
        print(f"\nwrote {len(violations)} violations to {args.baseline}")
        return 0

    comparison = compare(violations, load_baseline(args.baseline))
    print(f"\nratchet against {args.baseline}:")
    for violation, why in comparison.shrunk:
        print(f"  improved ({why}): {violation.describe()}  -- run --write-baseline to tighten")
    for violation in comparison.fixed:
        print(f"  FIXED, remove from the baseline: {violation.describe()}")
    for violation, why in comparison.new:
        print(f"  NEW VIOLATION ({why}): {violation.describe()}")
        for line in violation.detail:
            print(f"      {line}")
    if comparison.ok:
        print("  OK: no violation beyond the baseline")
        return 0
    print(f"  FAILED: {len(comparison.new)} violation(s) not in the baseline")
    return 1


if __name__ == "__main__":
    sys.exit(main())
