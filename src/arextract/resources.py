"""Where arextract finds its data files.

The models directory is, in order: ``Pipeline(models_dir=...)``; ``$ARX_MODELS_DIR``;
``arextract/models`` inside the installed package (wheels carry it there); ``models/`` at the
root of a source checkout (editable installs read it in place). It holds ``kb/`` (the
knowledge files) and ``ner/`` (the builtin tagger): :class:`ModelPaths`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
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


@dataclass(frozen=True)
class ModelPaths:
    """The folders of every model a pipeline loads: ``kb`` (knowledge files) and ``ner`` (the
    builtin tagger). Only the backends that use the tagger read ``ner``."""

    kb: Path
    ner: Path

    @classmethod
    def under(cls, root: str | Path | None = None) -> ModelPaths:
        """The models in ``root`` (default :func:`models_dir`); a :class:`ResourceError` when
        ``root`` is not a folder or holds no knowledge files (``kb/*.tsv``)."""
        base = models_dir() if root is None else Path(root)
        if not base.is_dir():
            raise ResourceError(f"models directory not found: {base}")
        paths = cls(kb=base / "kb", ner=base / "ner")
        if not any(paths.kb.glob("*.tsv")):
            raise ResourceError(
                f"no knowledge files in {paths.kb} (countries.tsv, people.tsv...): a models "
                "directory holds kb/ and ner/ as arextract's models/ does"
            )
        return paths
