"""The README's example output is real: its first Python example, run as written, prints
exactly the text block that follows it ("Output (real, from the command above)")."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_readme_python_example_prints_what_the_readme_shows() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## In Python") :]
    match = re.search(r"```python\n(.*?)```\s*\n\s*Output \(real[^\n]*\n+```text\n(.*?)```", section, re.S)
    assert match is not None, "the README's In Python section has no example with its output"
    code, shown = match.groups()
    printed = io.StringIO()
    cwd = Path.cwd()
    os.chdir(ROOT)  # the example opens seeds/... relative to the repository
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    assert printed.getvalue() == shown
