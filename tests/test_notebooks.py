"""The notebooks: committed without outputs, and they run top to bottom in this environment.

Execution uses a kernel spec written to a temporary folder whose command is this interpreter
(``sys.executable -m ipykernel_launcher``), so nothing is registered globally and the kernel sees
the same environment (and arextract) as the tests.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["quickstart.ipynb", "belt_and_road.ipynb"]


@pytest.mark.parametrize("name", NAMES)
def test_committed_notebooks_have_no_outputs(name: str) -> None:
    book = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    code = [cell for cell in book["cells"] if cell["cell_type"] == "code"]
    assert code
    for cell in code:
        assert cell["outputs"] == [], f"{name}: strip outputs before committing"
        assert cell["execution_count"] is None, f"{name}: strip execution counts before committing"
    assert set(book["metadata"]) <= {"kernelspec", "language_info"}, "notebook metadata beyond the kernel"


@pytest.fixture(scope="module")
def kernel_manager_factory(tmp_path_factory: pytest.TempPathFactory):
    pytest.importorskip("nbclient", reason="nbclient is in the optional extra arextract[notebook]")
    pytest.importorskip("ipykernel", reason="ipykernel is in the optional extra arextract[notebook]")
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    kernels = tmp_path_factory.mktemp("kernels")
    spec = kernels / "arextract-test"
    spec.mkdir()
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "arextract tests",
                "language": "python",
                "env": {
                    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
                    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
                },
            }
        ),
        encoding="utf-8",
    )

    def make() -> KernelManager:
        specs = KernelSpecManager(kernel_dirs=[str(kernels)], ensure_native_kernel=False)
        return KernelManager(kernel_name="arextract-test", kernel_spec_manager=specs)

    return make


def outputs_of(book, kind: str) -> list[dict]:
    return [
        output
        for cell in book.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.get("output_type") in {"display_data", "execute_result"} and kind in output.get("data", {})
    ]


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs(name: str, kernel_manager_factory) -> None:
    import nbformat
    from nbclient import NotebookClient

    book = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(
        book,
        km=kernel_manager_factory(),
        timeout=120,
        allow_errors=False,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    for cell in book.cells:
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", output
    html = outputs_of(book, "text/html")
    assert html, "no rich output"
    if name == "quickstart.ipynb":
        assert any('<div class="arx-doc"' in "".join(output["data"]["text/html"]) for output in html)
    else:
        assert len(outputs_of(book, "image/png")) >= 2  # the graph and the timeline
