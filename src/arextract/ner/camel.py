"""The ``camel`` backend: camel-tools' BERT ``NERecognizer`` (ANERcorp labels PERS/LOC/ORG/MISC).

The model is, in order: the ``model_dir`` argument; ``$ARX_CAMEL_NER_MODEL``; the default NER
model of camel-tools' data directory (``$CAMELTOOLS_DATA``, else ``~/.camel_tools``), as its
``catalogue.json`` names it (``data/ner/arabert`` when there is no catalogue), which
``camel_data -i ner`` installs.

Never any network access: camel-tools 1.6 downloads its catalogue when ``camel_tools.data``
(which ``camel_tools.ner`` imports) is first imported without one. arextract locates the model
itself by reading the catalogue file, and when the catalogue is absent it imports
``camel_tools.ner`` with a stand-in for ``camel_tools.data`` (only ``NERecognizer.pretrained``
uses it; arextract loads ``NERecognizer(path)``), removed again right after the import.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from arextract.errors import BackendError
from arextract.ner.backends import ExternalNER, ModelLocation, align_tokens, known_names
from arextract.resources import ModelPaths
from arextract.schema import Document, EntitySource
from arextract.text.spans import bio_spans

ENV_MODEL = "ARX_CAMEL_NER_MODEL"
INSTALL = f"pip install camel-tools && camel_data -i ner (or set {ENV_MODEL}=/path/to/model)"
_DEFAULT_DATASET_PATH = "ner/arabert"
_IMPORT_LOCK = threading.Lock()
_VISIBLE_RE = regex.compile(r"[\p{L}\p{N}\p{P}\p{S}]")


def camel_installed() -> bool:
    """Whether camel-tools and transformers are importable (nothing is imported)."""
    return all(importlib.util.find_spec(name) is not None for name in ("camel_tools", "transformers"))


def camel_data_dir() -> Path:
    """camel-tools' data directory, resolved as ``camel_tools.data.catalogue`` does."""
    override = os.environ.get("CAMELTOOLS_DATA")
    if override is not None:
        return Path(override).expanduser().absolute()
    if sys.platform == "win32":
        return Path.home() / "AppData/Roaming/camel_tools"
    return Path.home() / ".camel_tools"


def catalogue_path() -> Path:
    return camel_data_dir() / "catalogue.json"


def _catalogue_model_path() -> Path:
    """The default NER dataset's directory as the catalogue names it (read, never downloaded)."""
    relative = _DEFAULT_DATASET_PATH
    try:
        catalogue = json.loads(catalogue_path().read_text(encoding="utf-8"))
        component = catalogue["components"]["NamedEntityRecognition"]
        relative = component["datasets"][component["default"]]["path"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return camel_data_dir() / "data" / relative


def _is_model_dir(path: Path) -> bool:
    return path.is_dir() and (path / "config.json").is_file()


def find_camel_model(model_dir: str | Path | None = None) -> ModelLocation:
    """The camel NER model to use; an explicit or environment path is never second-guessed."""
    if model_dir is not None:
        path = Path(model_dir).expanduser()
        return ModelLocation(path if _is_model_dir(path) else None, f"argument model_dir={path}")
    override = os.environ.get(ENV_MODEL)
    if override:
        path = Path(override).expanduser()
        return ModelLocation(path if _is_model_dir(path) else None, f"${ENV_MODEL}={path}")
    path = _catalogue_model_path()
    return ModelLocation(path if _is_model_dir(path) else None, f"camel-tools data: {path}")


class _MissingCatalogue:
    """Stands in for ``camel_tools.data.CATALOGUE`` when no catalogue is installed."""

    def __getattr__(self, name: str) -> Any:
        raise BackendError(f"camel-tools' data catalogue is not installed; run: {INSTALL}")


@contextmanager
def _offline_camel_data() -> Iterator[None]:
    """Import ``camel_tools.ner`` without ``camel_tools.data`` downloading its catalogue."""
    name = "camel_tools.data"
    if name in sys.modules or catalogue_path().is_file():
        yield  # the real module is loaded or loads offline
        return
    stub = types.ModuleType(name)
    stub.__dict__["CATALOGUE"] = _MissingCatalogue()
    sys.modules[name] = stub
    try:
        yield
    finally:
        if sys.modules.get(name) is stub:
            del sys.modules[name]


def _recognizer_class() -> Any:
    with _IMPORT_LOCK:
        module = sys.modules.get("camel_tools.ner")
        if module is None:
            with _offline_camel_data():
                module = importlib.import_module("camel_tools.ner")
    return module.NERecognizer


@lru_cache(maxsize=2)
def load_recognizer(model_path: str) -> Any:
    """camel-tools' ``NERecognizer`` for a model directory (loaded once per process)."""
    try:
        recognizer_class = _recognizer_class()
    except ImportError as error:
        raise BackendError(f"camel-tools cannot be imported ({error}); install it: {INSTALL}") from error
    try:
        return recognizer_class(model_path, use_gpu=False)
    except BackendError:
        raise
    except Exception as error:  # transformers raises OSError, ValueError, KeyError...
        raise BackendError(
            f"the camel-tools NER model in {model_path} cannot be loaded ({type(error).__name__}: "
            f"{error}); reinstall it: {INSTALL}"
        ) from error


def tokenize_words(text: str) -> list[str]:
    """camel-tools' ``simple_word_tokenize`` (whitespace and punctuation split)."""
    from camel_tools.tokenizers.word import simple_word_tokenize

    return list(simple_word_tokenize(text))


class CamelTagger:
    """camel-tools' ``NERecognizer`` over a model directory, as a
    :class:`~arextract.ner.backends.CharSpanTagger` (its labels are mapped and refined by
    :class:`~arextract.ner.backends.ExternalNER`)."""

    source = EntitySource.CAMEL

    def __init__(self, model_dir: str | Path | None = None) -> None:
        if not camel_installed():
            raise BackendError(f"the camel backend needs camel-tools; install it: {INSTALL}")
        location = find_camel_model(model_dir)
        if location.path is None:
            raise BackendError(
                f"no camel-tools NER model found ({location.origin}: not a model directory "
                f"with config.json); install it: {INSTALL}"
            )
        self.model_path = location.path
        self.recognizer = load_recognizer(str(location.path))
        self.version = f"camel:{location.path.name}"

    def char_spans(self, doc: Document) -> list[tuple[int, int, str]]:
        sentences: list[list[str]] = []
        offsets: list[list[tuple[int, int]]] = []
        for sentence in doc.sentences:
            words = tokenize_words(doc.text[sentence.start : sentence.end])
            kept: list[str] = []
            spans: list[tuple[int, int]] = []
            for word, span in zip(words, align_tokens(doc.text, words, sentence.start), strict=True):
                # BERT's tokeniser drops words of control characters or marks alone, and
                # NERecognizer then gives them no label: they are not sent.
                if span is not None and _VISIBLE_RE.search(word):
                    kept.append(word)
                    spans.append(span)
            if kept:
                sentences.append(kept)
                offsets.append(spans)
        if not sentences:
            return []
        try:
            predictions = self.recognizer.predict(sentences)
        except Exception as error:
            raise BackendError(f"camel-tools NER failed: {type(error).__name__}: {error}") from error
        out: list[tuple[int, int, str]] = []
        for labels, spans in zip(predictions, offsets, strict=False):
            labels = list(labels)[: len(spans)]
            for first, end, kind in bio_spans(labels):
                out.append((spans[first][0], spans[end - 1][1], kind))
        return out


def camel_stage(models: ModelPaths, model_dir: str | Path | None = None) -> ExternalNER:
    """The ``camel`` backend: camel-tools' model (see the module docstring for where it is
    looked for), refined with the names of ``models.kb``."""
    names = known_names(models.kb)
    return ExternalNER(CamelTagger(model_dir), names)
