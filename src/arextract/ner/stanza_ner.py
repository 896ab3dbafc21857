"""The ``stanza`` backend: stanza's Arabic pipeline ``tokenize,mwt,ner`` (optional extra).

``pip install "arextract[stanza]"``, then download the Arabic models once with stanza
(``python -c 'import stanza; stanza.download("ar", processors="tokenize,mwt,ner")'``).
The models directory is, in order: the ``model_dir`` argument; ``$ARX_STANZA_DIR``;
``$STANZA_RESOURCES_DIR``; stanza's default (``stanza.resources.common.DEFAULT_MODEL_DIR``).
The pipeline is built with ``download_method=None``: stanza never goes online, and a missing
model is a :class:`~arextract.errors.BackendError` naming the install commands.

Offsets: stanza's tokens carry ``start_char``/``end_char``; they are used when
``text[start_char:end_char]`` is the token's text, and otherwise (MWT, normalisation, missing
offsets) the token is realigned by searching forward in the original text, verbatim and then
up to arextract's folding (:func:`arextract.ner.backends.align_tokens`).
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from arextract.errors import BackendError
from arextract.ner.backends import ExternalNER, ModelLocation, align_tokens, known_names
from arextract.resources import ModelPaths
from arextract.schema import Document, EntitySource
from arextract.text.spans import bio_spans

ENV_DIR = "ARX_STANZA_DIR"
PROCESSORS = "tokenize,mwt,ner"
INSTALL = (
    'pip install "arextract[stanza]" && python -c "import stanza; '
    "stanza.download('ar', processors='tokenize,mwt,ner')\""
    f" (or set {ENV_DIR}=/path/to/stanza_resources)"
)


def stanza_installed() -> bool:
    """Whether stanza is importable (nothing is imported)."""
    return importlib.util.find_spec("stanza") is not None


def _default_dir() -> Path | None:
    if not stanza_installed():
        return None
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR
    except Exception:  # a broken stanza install: reported as "model not found"
        return None
    return Path(DEFAULT_MODEL_DIR)


def _has_models(path: Path, processors: str) -> bool:
    if not (path / "resources.json").is_file():
        return False
    for processor in processors.split(","):
        folder = path / "ar" / processor.strip()
        if not any(folder.glob("*.pt")):
            return False
    return True


def find_stanza_model(model_dir: str | Path | None = None, processors: str = PROCESSORS) -> ModelLocation:
    """stanza's models directory, when it holds resources.json and the Arabic models."""
    if model_dir is not None:
        candidates = [(Path(model_dir).expanduser(), f"argument model_dir={model_dir}")]
    elif os.environ.get(ENV_DIR):
        candidates = [(Path(os.environ[ENV_DIR]).expanduser(), f"${ENV_DIR}={os.environ[ENV_DIR]}")]
    elif os.environ.get("STANZA_RESOURCES_DIR"):
        value = os.environ["STANZA_RESOURCES_DIR"]
        candidates = [(Path(value).expanduser(), f"$STANZA_RESOURCES_DIR={value}")]
    else:
        default = _default_dir()
        candidates = [(default, f"stanza's default directory {default}")] if default else []
    if not candidates:
        return ModelLocation(None, "stanza is not installed")
    path, origin = candidates[0]
    return ModelLocation(path if _has_models(path, processors) else None, origin)


@lru_cache(maxsize=2)
def load_pipeline(model_dir: str, processors: str, options: tuple[tuple[str, Any], ...]) -> Any:
    """``stanza.Pipeline("ar", ...)`` over local models only (loaded once per process)."""
    try:
        import stanza
    except ImportError as error:
        raise BackendError(f"stanza cannot be imported ({error}); install it: {INSTALL}") from error
    try:
        return stanza.Pipeline(
            "ar",
            dir=model_dir,
            processors=processors,
            download_method=None,
            logging_level="WARN",
            **dict(options),
        )
    except Exception as error:  # stanza raises FileNotFoundError, ResourcesFileNotFoundError...
        raise BackendError(
            f"the stanza Arabic pipeline in {model_dir} cannot be loaded ({type(error).__name__}: "
            f"{error}); install it: {INSTALL}"
        ) from error


class StanzaTagger:
    """stanza's Arabic NER over a models directory, as a
    :class:`~arextract.ner.backends.CharSpanTagger` (its labels are mapped and refined by
    :class:`~arextract.ner.backends.ExternalNER`).

    ``options`` go to ``stanza.Pipeline`` (e.g. ``use_gpu=False``, ``ner_batch_size=32``).
    """

    source = EntitySource.STANZA

    def __init__(
        self, model_dir: str | Path | None = None, *, processors: str = PROCESSORS, **options: Any
    ) -> None:
        if not stanza_installed():
            raise BackendError(f"the stanza backend needs stanza; install it: {INSTALL}")
        location = find_stanza_model(model_dir, processors)
        if location.path is None:
            raise BackendError(
                f"no stanza Arabic models found ({location.origin}: needs resources.json and "
                f"ar/{{{processors}}}/*.pt); install them: {INSTALL}"
            )
        self.model_dir = location.path
        self.pipeline = load_pipeline(str(location.path), processors, tuple(sorted(options.items())))
        self.version = f"stanza:{location.path.name}"

    def char_spans(self, doc: Document) -> list[tuple[int, int, str]]:
        try:
            result = self.pipeline(doc.text)
        except Exception as error:
            raise BackendError(f"stanza NER failed: {type(error).__name__}: {error}") from error
        return stanza_char_spans(doc.text, result)


def stanza_stage(
    models: ModelPaths, model_dir: str | Path | None = None, *, processors: str = PROCESSORS, **options: Any
) -> ExternalNER:
    """The ``stanza`` backend: stanza's models (see the module docstring for where they are
    looked for), refined with the names of ``models.kb``."""
    names = known_names(models.kb)
    return ExternalNER(StanzaTagger(model_dir, processors=processors, **options), names)


def stanza_char_spans(text: str, document: Any) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of a stanza Document's NER tags, as offsets into ``text``.

    Reads each sentence's tokens (``text``, ``start_char``, ``end_char``, ``ner`` in BIOES);
    offsets are checked against ``text`` and realigned when they do not match.
    """
    spans: list[tuple[int, int, str]] = []
    cursor = 0
    for sentence in document.sentences:
        tokens = list(sentence.tokens)
        offsets = []
        for token in tokens:
            span = realign(text, token, cursor)
            if span is not None:
                cursor = span[1]
            offsets.append(span)
        labels = [str(getattr(token, "ner", None) or "O") for token in tokens]
        for first, end, kind in bio_spans(labels, scheme="BIOES"):
            start_span, end_span = offsets[first], offsets[end - 1]
            if start_span is None or end_span is None or end_span[1] <= start_span[0]:
                continue  # a token that could not be placed in the text: the mention is dropped
            spans.append((start_span[0], end_span[1], kind))
    return spans


def realign(text: str, token: Any, cursor: int) -> tuple[int, int] | None:
    """The offsets of a stanza token in ``text``: its own when they match, else searched for."""
    surface = str(getattr(token, "text", "") or "")
    start, end = getattr(token, "start_char", None), getattr(token, "end_char", None)
    if (
        isinstance(start, int)
        and isinstance(end, int)
        and cursor <= start < end <= len(text)
        and text[start:end] == surface
    ):
        return start, end
    (found,) = align_tokens(text, [surface], cursor)
    if found is None and isinstance(start, int) and isinstance(end, int) and cursor <= start < end:
        # Stanza normalised the token beyond folding: trust its offsets if they are in range.
        return (start, min(end, len(text))) if start < len(text) else None
    return found
