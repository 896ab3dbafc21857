"""Corrected Label Studio and brat annotations read back as gold.

:mod:`arextract.annotation_export` writes arextract's output as pre-annotations; annotators
correct them; what they export is read here into the scorer's gold (:mod:`arextract.evaluation.gold`)
and the mentions for NER scoring. The picture is the export's: regions with notes (a mention's
canonical name, a time's ISO value) and relations from a trigger region to argument regions.

Label Studio: the JSON export (``annotations``; the latest annotation of a task that was not
cancelled), offsets converted from UTF-16 code units. brat: every ``.ann`` file of a folder with
its ``.txt``; brat has no place for a document date, so gold read from brat carries none and is
dated from its dateline, as the JSON gold files are.

As gold, ROLE relations are kept once per set of arguments, the way the scorer deduplicates
the system's ROLEs (see :mod:`arextract.evaluation.relations`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from arextract.annotation_export import (
    DATE_ROLE,
    ENTITY_LABELS,
    RELATION_LABELS,
    Link,
    Picture,
    Region,
    Utf16Offsets,
)
from arextract.errors import InputError
from arextract.evaluation.gold import GoldDocument, GoldRelation, gold_files, gold_from_json
from arextract.schema import RelationType

_BRAT_ROLE_RE = regex.compile(r"^(.*?[^\d])(\d*)$")


# --------------------------------------------------------------------------------------------
# Label Studio
# --------------------------------------------------------------------------------------------


def _latest_annotation(task: dict[str, Any]) -> list[dict[str, Any]] | None:
    annotations = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    return annotations[-1].get("result", []) if annotations else None


def _picture_from_ls(task: dict[str, Any], result: list[dict[str, Any]], name: str) -> Picture:
    data = task.get("data") or {}
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError(f"{name}: the task has no data.text")
    utf16 = Utf16Offsets(text)
    pic = Picture(data.get("name") or name, text, data.get("source"), data.get("doc_date"))
    regions: dict[str, Region] = {}
    notes: dict[str, str] = {}
    modality: dict[str, str] = {}
    edges: list[tuple[str, str, str]] = []
    for item in result:
        kind, value = item.get("type"), item.get("value") or {}
        if kind == "relation":
            for role in item.get("labels") or []:
                edges.append((item["from_id"], role, item["to_id"]))
        elif kind == "labels" and value.get("labels"):
            start, end = utf16.py(value["start"]), utf16.py(value["end"])
            regions[item["id"]] = Region(item["id"], value["labels"][0], start, end, text[start:end])
        elif kind == "textarea" and value.get("text"):
            notes[item["id"]] = str(value["text"][0]).strip()
        elif kind == "choices" and value.get("choices"):
            modality[item["id"]] = value["choices"][0]
    for region_id, note in notes.items():
        if region_id in regions and note:
            regions[region_id].note = note
    pic.regions = list(regions.values())
    # In Label Studio a relation is its trigger region: the links start from it.
    relations = {region.id: region.id for region in pic.regions if region.label in RELATION_LABELS}
    pic.links = _links(regions, relations, edges, modality)
    return pic


def _links(
    regions: dict[str, Region],
    relations: dict[str, str],
    edges: list[tuple[str, str, str]],
    modality: dict[str, str],
) -> list[Link]:
    """Relations (relation id -> trigger region id) with their edges (relation id, role, region id),
    in order. A relation needs a trigger labelled with a relation type and an argument other than
    its date: a trigger left without arguments (an annotator deleted them) is no relation."""
    outgoing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for source, role, target in edges:
        if target in regions:
            outgoing[source].append((role, target))
    return [
        Link(trigger, outgoing[relation], modality.get(relation))
        for relation, trigger in relations.items()
        if trigger in regions
        and regions[trigger].label in RELATION_LABELS
        and any(role != DATE_ROLE for role, _ in outgoing[relation])
    ]


def read_labelstudio(path: Path) -> list[Picture]:
    """The annotated tasks of a Label Studio JSON export (tasks without annotations are skipped)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read Label Studio export {path}: {error}") from error
    return _labelstudio_pictures(data, Path(path))


def _labelstudio_pictures(data: Any, path: Path) -> list[Picture]:
    tasks = data if isinstance(data, list) else [data]
    out = []
    for number, task in enumerate(tasks, 1):
        result = _latest_annotation(task)
        if result is not None:
            out.append(_picture_from_ls(task, result, f"{Path(path).name}#{task.get('id', number)}"))
    return out


# --------------------------------------------------------------------------------------------
# brat
# --------------------------------------------------------------------------------------------


def _parse_ann(text: str, ann: str, name: str) -> Picture:
    regions: dict[str, Region] = {}
    edges: list[tuple[str, str, str]] = []
    modality: dict[str, str] = {}
    triggers: dict[str, str] = {}  # event id -> trigger T id
    for number, line in enumerate(ann.splitlines(), 1):
        if not line.strip():
            continue
        try:
            _parse_ann_line(line, text, regions, edges, modality, triggers)
        except (ValueError, KeyError, IndexError) as error:
            raise InputError(f"{name}:{number}: malformed brat line {line!r} ({error})") from error
    pic = Picture(name, text, None, None, list(regions.values()))
    pic.links = _links(regions, triggers, edges, modality)  # one relation per event (E line)
    return pic


def _parse_ann_line(
    line: str,
    text: str,
    regions: dict[str, Region],
    edges: list[tuple[str, str, str]],
    modality: dict[str, str],
    triggers: dict[str, str],
) -> None:
    key, _, rest = line.partition("\t")
    if key.startswith("T"):
        head = rest.split("\t", 1)[0]
        label, _, offsets = head.partition(" ")
        pairs = [tuple(map(int, part.split())) for part in offsets.split(";")]
        start, end = min(p[0] for p in pairs), max(p[1] for p in pairs)
        regions[key] = Region(key, label, start, end, text[start:end])
    elif key.startswith("#"):
        head, _, note = rest.partition("\t")
        kind, target = head.split()
        if kind == "AnnotatorNotes" and target in regions and note.strip():
            regions[target].note = note.strip()
    elif key.startswith("E"):
        fields = rest.split()
        trigger = fields[0].split(":")[1]
        triggers[key] = trigger
        for argument in fields[1:]:
            role, target = argument.split(":")
            edges.append((key, _BRAT_ROLE_RE.sub(r"\1", role), target))
    elif key.startswith("A"):
        fields = rest.split()
        if fields[0] == "Modality" and len(fields) == 3:
            modality[fields[1]] = fields[2]
    # R (binary relations), N (normalisations) and the rest carry nothing arextract scores


def read_brat(folder: Path) -> list[Picture]:
    """Every ``.ann`` file of ``folder`` (recursively) with its ``.txt``."""
    out = []
    for ann_path in sorted(Path(folder).rglob("*.ann")):
        txt_path = ann_path.with_suffix(".txt")
        try:
            with txt_path.open(encoding="utf-8", newline="") as handle:  # offsets count \r too
                text = handle.read()
            ann = ann_path.read_text(encoding="utf-8")
        except OSError as error:
            raise InputError(f"cannot read brat document {ann_path}: {error}") from error
        out.append(_parse_ann(text, ann, str(ann_path)))
    return out


# --------------------------------------------------------------------------------------------
# Gold
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    type: str
    start: int
    end: int


@dataclass
class AnnotatedDocument:
    """A corrected document: relations as the scorer's gold, and the mentions for NER scoring."""

    gold: GoldDocument
    mentions: list[Mention]


def _is_labelstudio(data: Any) -> bool:
    """Label Studio exports a list of tasks (or one task with its ``data``); arextract's gold is
    one object with a ``document``."""
    return isinstance(data, list) or (isinstance(data, dict) and "data" in data)


def _is_labelstudio_json(path: Path) -> bool:
    try:
        return _is_labelstudio(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return False


def is_annotation_input(path: str | Path) -> bool:
    """A brat folder (it holds ``.ann`` files) or a Label Studio JSON export (a list of tasks)."""
    path = Path(path)
    if path.is_dir():
        return any(path.rglob("*.ann"))
    return path.suffix == ".json" and path.is_file() and _is_labelstudio_json(path)


def read_annotations(path: str | Path) -> list[AnnotatedDocument]:
    path = Path(path)
    pictures = read_brat(path) if path.is_dir() else read_labelstudio(path)
    return [_annotated(pic) for pic in pictures]


def _gold_relations(pic: Picture) -> list[GoldRelation]:
    regions = {region.id: region for region in pic.regions}
    out: list[GoldRelation] = []
    seen_roles: set[tuple[str, ...]] = set()
    for link in sorted(pic.links, key=lambda link: regions[link.trigger].start):
        trigger = regions[link.trigger]
        arguments = [
            (role, regions[t].note or regions[t].text) for role, t in link.arguments if role != DATE_ROLE
        ]
        dates = [regions[t] for role, t in link.arguments if role == DATE_ROLE]
        if trigger.label == RelationType.ROLE.value:
            key = tuple(sorted(f"{role}={name}" for role, name in arguments))
            if key in seen_roles:
                continue  # as the scorer dedupes the system's ROLEs
            seen_roles.add(key)
        out.append(
            GoldRelation(
                type=RelationType(trigger.label),
                arguments=arguments,
                date=dates[0].note if dates else None,
                trigger=trigger.text,
                position=trigger.start,
            )
        )
    return out


def _annotated(pic: Picture) -> AnnotatedDocument:
    mentions = [Mention(r.label, r.start, r.end) for r in pic.regions if r.label in ENTITY_LABELS]
    gold = GoldDocument(Path(pic.name), pic.text, pic.doc_date, _gold_relations(pic))
    return AnnotatedDocument(gold, mentions)


def gold_documents(paths: Iterable[str | Path]) -> list[tuple[GoldDocument, bool]]:
    """Gold from every input (brat folders, Label Studio exports, arextract's gold JSON files),
    each with whether it came from an annotation tool."""
    out: list[tuple[GoldDocument, bool]] = []
    for name in paths:
        if Path(name).is_dir() and any(Path(name).rglob("*.ann")):
            out += [(annotated.gold, True) for annotated in read_annotations(name)]
            continue
        for path in gold_files([name]):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))  # parsed once, whichever kind
            except (OSError, ValueError) as error:
                raise InputError(f"cannot read gold file {path}: {error}") from error
            if _is_labelstudio(data):
                out += [(_annotated(pic).gold, True) for pic in _labelstudio_pictures(data, path)]
            else:
                out.append((gold_from_json(path, data), False))
    return out
