"""Where arextract finds its data files.

The models directory is, in order: ``$ARX_MODELS_DIR``; ``arextract/models`` inside the
installed package (wheels carry it there); ``models/`` at the root of a source checkout
(editable installs read it in place).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from arextract.errors import ResourceError


@lru_cache(maxsize=1)
def models_dir() -> Path:
    override = os.environ.get("ARX_MODELS_DIR")
    if override:
        return Path(override)
    package = Path(__file__).resolve().parent
    for candidate in (package / "models", package.parent.parent / "models"):
        if candidate.is_dir():
            return candidate
    raise ResourceError(
        "arextract's models directory was not found; set ARX_MODELS_DIR to the folder "
        "holding ner/ and kb/, or reinstall arextract"
    )


def package_data(name: str) -> Path:
    """A data file shipped inside the package (``src/arextract/data``)."""
    return Path(__file__).resolve().parent / "data" / name
