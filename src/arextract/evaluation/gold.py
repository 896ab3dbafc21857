"""The gold files of relations and named entities (``tests/gold/``; format in GUIDELINES.md).

A gold file is JSON: the ``document`` it annotates (a text file path relative to the gold file or
a folder above it, or ``news:<id>``, an article of the real-news corpus that never enters the
repository), an optional ``doc_date``, its ``relations`` (type, arguments as (role, name),
date, trigger, evidence) and, for real news, its ``entities``. Corrected Label Studio and brat
exports give the same :class:`GoldDocument` (:mod:`arextract.evaluation.annotations`).
"""

from __future__ import annotations

import functools
import json
import lzma
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arextract.schema import Document, Interval, RelationType


@dataclass
class GoldRelation:
    type: RelationType
    arguments: list[tuple[str, str]]  # (role, name)
    date: str | None
    trigger: str
    position: int


@dataclass
class GoldDocument:
    path: Path
    text: str
    doc_date: str | None
    relations: list[GoldRelation]
    entities: list[tuple[str, str]] = field(default_factory=list)  # (name, type), real-news gold


NEWS_PREFIX = "news:"
NEWS_CORPUS = Path("data") / "news" / "saudinewsnet_dev.jsonl.xz"


def news_corpus(start: Path) -> Path | None:
    """The real-news corpus, found as ``shared/`` beside the repository (or a folder above
    ``start``), or at ``$ARX_NEWS_CORPUS``. Its texts never enter the repository: real-news gold
    holds article ids (``"document": "news:<id>"``) and reads the text from here."""
    override = os.environ.get("ARX_NEWS_CORPUS")
    if override:
        return Path(override) if Path(override).exists() else None
    for folder in [start, *start.resolve().parents]:
        for shared in (folder / "shared", folder.parent / "shared"):
            if (shared / NEWS_CORPUS).exists():
                return shared / NEWS_CORPUS
    return None


@functools.lru_cache(maxsize=2)
def _news_texts(corpus: Path) -> dict[str, str]:
    with lzma.open(corpus, "rt", encoding="utf-8") as handle:
        return {record["id"]: record["text"] for record in map(json.loads, handle)}


def _document_text(gold_path: Path, document: str) -> tuple[Path, str]:
    if document.startswith(NEWS_PREFIX):
        corpus = news_corpus(gold_path.parent)
        if corpus is None:
            raise FileNotFoundError(
                f"{gold_path}: {document} needs the real-news corpus "
                f"../shared/{NEWS_CORPUS} (or ARX_NEWS_CORPUS)"
            )
        article = document[len(NEWS_PREFIX) :]
        texts = _news_texts(corpus)
        if article not in texts:
            raise FileNotFoundError(f"{gold_path}: article {article!r} is not in {corpus}")
        return gold_path, texts[article]
    text_path = _resolve(gold_path, document)
    return text_path, text_path.read_text(encoding="utf-8")


def load_gold(path: str | Path) -> GoldDocument:
    path = Path(path)
    return gold_from_json(path, json.loads(path.read_text(encoding="utf-8")))


def gold_from_json(path: Path, data: dict[str, Any]) -> GoldDocument:
    """The gold document of a gold file's parsed JSON (``path`` locates its text)."""
    text_path, text = _document_text(path, data["document"])
    relations = []
    cursor = 0
    for item in data["relations"]:
        if "evidence_span" in item:  # real-news gold stores offsets, never the article's words
            position = int(item["evidence_span"][0])
        else:
            found = text.find(item.get("evidence", ""), cursor)
            position = found if found >= 0 else text.find(item.get("evidence", ""))
        cursor = max(cursor, position)
        relations.append(
            GoldRelation(
                type=RelationType(item["type"]),
                arguments=[(a["role"], a["name"]) for a in item["arguments"]],
                date=_gold_date(item.get("date")),
                trigger=item.get("trigger", ""),
                position=max(position, 0),
            )
        )
    entities = [(item["name"], item["type"]) for item in data.get("entities", [])]
    return GoldDocument(text_path, text, data.get("doc_date"), relations, entities)


def _resolve(gold_path: Path, document: str) -> Path:
    """The gold's ``document`` path, relative to the gold file or any folder above it."""
    for folder in [gold_path.parent, *gold_path.resolve().parents]:
        candidate = folder / document
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"{gold_path}: document {document!r} not found")


def _gold_date(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return Interval(start=value.get("start"), end=value.get("end")).iso()
    return str(value)


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """The gold files of ``paths``: a file as given, a folder's ``.json`` files (recursively, sorted)."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        files += sorted(path.rglob("*.json")) if path.is_dir() else [path]
    return files


# A pipeline, or any callable ``extract(text, doc_date=...) -> Document``.
Extract = Callable[..., Document]


def extract_gold_text(extract: Extract, gold: GoldDocument, dated: bool) -> Document:
    """The system's Document for a gold text. ``dated``: with the gold's ``doc_date`` (an
    annotation export carries the date its Document had); else dated by its dateline."""
    return extract(gold.text, doc_date=gold.doc_date) if dated and gold.doc_date else extract(gold.text)
