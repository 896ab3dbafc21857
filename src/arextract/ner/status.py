"""``python -m arextract backends``: each NER backend, whether its package is installed and
whether its model is found (and where).

Nothing here touches the network: packages are looked up with ``importlib.util.find_spec``
(no import), camel-tools' model through its data directory and catalogue file read as files,
stanza's through its models directory (only ``stanza.resources.common`` is imported, for its
default directory, when no directory is configured).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from arextract.errors import ArextractError
from arextract.ner import camel, stanza_ner
from arextract.resources import models_dir


@dataclass(frozen=True)
class BackendStatus:
    name: str
    installed: bool
    model_found: bool
    where: str
    install: str

    @property
    def ready(self) -> bool:
        return self.installed and self.model_found


def _builtin_status() -> tuple[BackendStatus, BackendStatus]:
    try:
        root: Path | None = models_dir()
    except ArextractError:
        root = None
    kb = root / "kb" if root else None
    kb_found = bool(kb and any(kb.glob("*.tsv")))
    gazetteer = BackendStatus(
        "gazetteer",
        True,
        kb_found,
        str(kb) if kb else "models directory not found ($ARX_MODELS_DIR)",
        "reinstall arextract",
    )
    model = root / "ner" if root else None
    # the runtime is NumPy only: crf.npz and/or neural.npz (arextract.ner.tagger)
    weights = [model / name for name in ("crf.npz", "neural.npz")] if model else []
    builtin = BackendStatus(
        "builtin",
        importlib.util.find_spec("numpy") is not None,
        bool(any(path.is_file() for path in weights) and kb_found),
        str(model) if model else "models directory not found ($ARX_MODELS_DIR)",
        "reinstall arextract, or train it: python -m arextract.train ner --data DIR --out models/ner/",
    )
    return builtin, gazetteer


def statuses() -> list[BackendStatus]:
    """The status of every backend, in the order of ``arextract.ner.registry.BACKENDS``."""
    builtin, gazetteer = _builtin_status()
    camel_model = camel.find_camel_model()
    camel_status = BackendStatus(
        "camel", camel.camel_installed(), camel_model.path is not None, camel_model.origin, camel.INSTALL
    )
    installed = stanza_ner.stanza_installed()
    stanza_model = stanza_ner.find_stanza_model() if installed else None
    stanza_status = BackendStatus(
        "stanza",
        installed,
        stanza_model is not None and stanza_model.path is not None,
        stanza_model.origin if stanza_model else "stanza is not installed",
        stanza_ner.INSTALL,
    )
    chosen = next((status for status in (camel_status, stanza_status) if status.ready), None)
    ensemble = BackendStatus(
        "ensemble",
        camel_status.installed or stanza_status.installed,
        chosen is not None,
        f"builtin ({'ready' if builtin.ready else 'unavailable: gazetteer only'}) + "
        + (f"{chosen.name} ({chosen.where})" if chosen else "no external model (camel or stanza)"),
        "install camel's or stanza's model (see those rows)",
    )
    return [builtin, gazetteer, camel_status, stanza_status, ensemble]


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m arextract backends",
        description="List arextract's NER backends: package installed, model found and where.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    rows = statuses()
    if args.json:
        print(json.dumps([asdict(row) | {"ready": row.ready} for row in rows], indent=2))
        return 0
    header = ("backend", "installed", "model", "where")
    table = [header] + [(row.name, _yes(row.installed), _yes(row.model_found), row.where) for row in rows]
    widths = [max(len(line[column]) for line in table) for column in range(3)]
    for line in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(line[:3], widths, strict=True)), line[3])
    missing = [row for row in rows if not row.ready and row.name not in ("ensemble",)]
    if missing:
        print()
        for row in missing:
            print(f"{row.name}: {row.install}")
    print(
        "\nUse one with: python -m arextract INPUT... --backend NAME "
        "(ensemble, ensemble:camel or ensemble:stanza for the merge)"
    )
    return 0
