"""Pre-annotations for Label Studio and brat: ``python -m arextract export labelstudio|brat
documents.jsonl -o DIR`` writes arextract's output in the annotation tools' formats.

Annotators correct them in their tool; the corrected export is then gold for
``python -m arextract.evaluate relations`` and ``... evaluate ner``, read back by
:mod:`arextract.evaluation.annotations` (evaluation code, which the runtime never imports).

Both formats get the same picture of a Document:

* a **region** per mention (label: its type), per time expression (label ``TIME``) and per
  relation trigger (label: the relation type; one region per relation, so two relations on the
  same trigger word stay two), with a **note**: a mention's canonical name, a time's ISO value
  (``2020-09-12``, ``2020-09-10/2020-09-16``). Notes are what the scorer compares, so a
  corrected note corrects the gold; without a note, the region's text is used;
* a **relation** as its trigger region linked to each argument region, the link labelled with
  the role (``participant`` twice for a meeting of two), and to its time region with the role
  ``date``; a relation's ``modality`` (planned, negated) is a choice on its trigger.

Label Studio: ``tasks.json`` (one task per document: ``data.text``, ``data.source``,
``data.doc_date``; the regions in ``predictions``) and ``label_config.xml`` (Labels, Relations,
a per-region TextArea ``note`` and Choices ``modality``). Offsets in Label Studio are JavaScript
string offsets (UTF-16 code units); they are converted both ways (:class:`Utf16Offsets`), so
text outside the Basic Multilingual Plane (emoji) does not shift the spans.

brat: ``NAME.txt`` / ``NAME.ann`` pairs, ``annotation.conf`` and ``visual.conf``. Regions are
text-bound annotations (``T``), notes ``AnnotatorNotes`` (``#``), relations events (``E``,
repeated roles numbered as brat does: ``participant``, ``participant2``), modality an attribute
(``A``). brat has no place for a document date.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import regex

from arextract.batch.documents import read_documents
from arextract.errors import ArextractError, InputError
from arextract.files import atomic_write
from arextract.schema import Document, EntityType, RelationType, time_text

__all__ = [
    "DATE_ROLE",
    "ENTITY_LABELS",
    "EXPORT_KINDS",
    "MODALITIES",
    "RELATION_LABELS",
    "TIME_LABEL",
    "Link",
    "Picture",
    "Region",
    "Utf16Offsets",
    "brat_config",
    "brat_files",
    "export",
    "labelstudio_config",
    "labelstudio_tasks",
    "main",
    "picture",
    "relation_roles",
]

EXPORT_KINDS = ("labelstudio", "brat")
TIME_LABEL = "TIME"
DATE_ROLE = "date"
MODALITIES = ("planned", "negated")
ENTITY_LABELS = tuple(t.value for t in EntityType)
RELATION_LABELS = tuple(t.value for t in RelationType)
# Roles the engine gives outside the rule file (ROLE comes from titles, not [[rule]] tables).
_BUILTIN_ROLES = {"ROLE": ("person", "affiliation")}
_BRAT_SAFE_RE = regex.compile(r"[^\w.-]+")


# --------------------------------------------------------------------------------------------
# The picture shared by both formats
# --------------------------------------------------------------------------------------------


@dataclass
class Region:
    id: str
    label: str
    start: int
    end: int
    text: str
    note: str | None = None


@dataclass
class Link:
    """A relation: its trigger region and (role, region id) arguments, in order."""

    trigger: str
    arguments: list[tuple[str, str]]
    modality: str | None = None


@dataclass
class Picture:
    name: str
    text: str
    source: str | None
    doc_date: str | None
    regions: list[Region] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def picture(doc: Document, name: str) -> Picture:
    """Regions and links of one Document (see the module docstring)."""
    out = Picture(name, doc.text, doc.source, doc.doc_date.isoformat() if doc.doc_date else None)
    for e in doc.entities:
        out.regions.append(Region(e.id, e.type.value, e.start, e.end, e.text, e.canonical))
    times = {}
    for t in doc.times:
        times[(t.id, t.start, t.end)] = t.id
        out.regions.append(Region(t.id, TIME_LABEL, t.start, t.end, t.text, time_text(t.value)))
    mentions = {e.id for e in doc.entities}
    for relation in doc.relations:
        trigger = Region(
            relation.id,
            relation.type.value,
            relation.trigger.start,
            relation.trigger.end,
            relation.trigger.text,
        )
        out.regions.append(trigger)
        arguments = [(a.role, a.entity_id) for a in relation.arguments if a.entity_id in mentions]
        if relation.date is not None:
            date = relation.date
            region_id = times.get((date.id, date.start, date.end))
            if region_id is None:  # a date that is not among doc.times gets its own region
                region_id = f"{relation.id}-date"
                out.regions.append(
                    Region(region_id, TIME_LABEL, date.start, date.end, date.text, time_text(date.value))
                )
            arguments.append((DATE_ROLE, region_id))
        out.links.append(Link(relation.id, arguments, relation.attributes.get("modality")))
    return out


def relation_roles(docs: Iterable[Document] = ()) -> dict[str, list[str]]:
    """Relation type -> its roles: the shipped rules', the built-in ones', and any in ``docs``."""
    from arextract.relations.rules import load_rules

    roles: dict[str, dict[str, None]] = {label: {} for label in RELATION_LABELS}
    for rule in load_rules()[0]:
        for slot in rule.slots:
            roles[rule.type.value][slot.role] = None
    for label, names in _BUILTIN_ROLES.items():
        roles[label].update(dict.fromkeys(names))
    for doc in docs:
        for relation in doc.relations:
            roles[relation.type.value].update(dict.fromkeys(a.role for a in relation.arguments))
    return {label: list(names) for label, names in roles.items()}


# --------------------------------------------------------------------------------------------
# Label Studio
# --------------------------------------------------------------------------------------------


class Utf16Offsets:
    """Python offsets <-> JavaScript (UTF-16) offsets of one text."""

    def __init__(self, text: str) -> None:
        self.identity = all(ord(char) < 0x10000 for char in text)
        self.to_js: list[int] = []
        if not self.identity:
            position = 0
            for char in text:
                self.to_js.append(position)
                position += 2 if ord(char) >= 0x10000 else 1
            self.to_js.append(position)
            self.from_js = {js: index for index, js in enumerate(self.to_js)}

    def js(self, offset: int) -> int:
        return offset if self.identity else self.to_js[offset]

    def py(self, offset: int) -> int:
        if self.identity:
            return offset
        if offset not in self.from_js:
            raise InputError(f"offset {offset} falls inside a character")
        return self.from_js[offset]


def _ls_results(pic: Picture) -> list[dict[str, Any]]:
    utf16 = Utf16Offsets(pic.text)
    results: list[dict[str, Any]] = []
    for region in pic.regions:
        span = {"start": utf16.js(region.start), "end": utf16.js(region.end), "text": region.text}
        results.append(
            {
                "id": region.id,
                "from_name": "label",
                "to_name": "text",
                "type": "labels",
                "value": {**span, "labels": [region.label]},
            }
        )
        if region.note is not None:
            results.append(
                {
                    "id": region.id,
                    "from_name": "note",
                    "to_name": "text",
                    "type": "textarea",
                    "value": {**span, "text": [region.note]},
                }
            )
    by_id = {region.id: region for region in pic.regions}
    for link in pic.links:
        if link.modality in MODALITIES:
            trigger = by_id[link.trigger]
            span = {"start": utf16.js(trigger.start), "end": utf16.js(trigger.end), "text": trigger.text}
            results.append(
                {
                    "id": link.trigger,
                    "from_name": "modality",
                    "to_name": "text",
                    "type": "choices",
                    "value": {**span, "choices": [link.modality]},
                }
            )
        results += [
            {
                "type": "relation",
                "from_id": link.trigger,
                "to_id": target,
                "direction": "right",
                "labels": [role],
            }
            for role, target in link.arguments
        ]
    return results


def labelstudio_tasks(docs: Iterable[Document], model_version: str = "arextract") -> list[dict[str, Any]]:
    """One Label Studio task per Document, its regions and relations as a prediction."""
    tasks = []
    for number, doc in enumerate(docs, 1):
        pic = picture(doc, _name(doc, number))
        tasks.append(
            {
                "data": {"text": pic.text, "source": pic.source, "doc_date": pic.doc_date, "name": pic.name},
                "predictions": [
                    {"model_version": f"{model_version} ({doc.meta.backend})", "result": _ls_results(pic)}
                ],
            }
        )
    return tasks


def labelstudio_config(roles: dict[str, list[str]]) -> str:
    """The labelling configuration (XML) that ``labelstudio_tasks`` fits."""
    from arextract.viz.colors import ENTITY_COLORS, RELATION_COLORS, TIME_COLOR

    labels = [(name, ENTITY_COLORS[name]) for name in ENTITY_LABELS] + [(TIME_LABEL, TIME_COLOR)]
    labels += [(name, RELATION_COLORS[name]) for name in RELATION_LABELS]
    role_names = dict.fromkeys(role for names in roles.values() for role in names)
    role_names[DATE_ROLE] = None
    lines = [
        "<View>",
        '  <Labels name="label" toName="text" showInline="true">',
        *(f"    <Label value={quoteattr(name)} background={quoteattr(color)}/>" for name, color in labels),
        "  </Labels>",
        '  <Text name="text" value="$text"/>',
        "  <Relations>",
        *(f"    <Relation value={quoteattr(role)}/>" for role in role_names),
        "  </Relations>",
        '  <View visibleWhen="region-selected">',
        '    <Header value="Canonical name of a mention, ISO value of a time"/>',
        '    <TextArea name="note" toName="text" perRegion="true" editable="true" maxSubmissions="1"/>',
        '    <Choices name="modality" toName="text" perRegion="true" choice="single">',
        *(f"      <Choice value={quoteattr(m)}/>" for m in MODALITIES),
        "    </Choices>",
        "  </View>",
        "</View>",
    ]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# brat
# --------------------------------------------------------------------------------------------


def _fragments(text: str, start: int) -> str:
    """brat offsets of a span, cut at line breaks (a text-bound annotation may not cross one)."""
    parts, position = [], start
    for line in text.split("\n"):
        if line:
            parts.append(f"{position} {position + len(line)}")
        position += len(line) + 1
    return ";".join(parts)


def brat_files(doc: Document, name: str) -> tuple[str, str]:
    """(``.txt``, ``.ann``) contents for one Document."""
    pic = picture(doc, name)
    lines: list[str] = []
    number: dict[str, str] = {}
    for index, region in enumerate(pic.regions, 1):
        number[region.id] = f"T{index}"
        lines.append(
            f"T{index}\t{region.label} {_fragments(region.text, region.start)}\t"
            + region.text.replace("\n", " ")
        )
    notes = [(number[r.id], r.note) for r in pic.regions if r.note is not None]
    lines += [f"#{i}\tAnnotatorNotes {t}\t{note}" for i, (t, note) in enumerate(notes, 1)]
    labels = {region.id: region.label for region in pic.regions}
    attributes = 0
    for index, link in enumerate(pic.links, 1):
        seen: Counter[str] = Counter()
        arguments = []
        for role, target in link.arguments:
            seen[role] += 1
            arguments.append(f"{role}{seen[role] if seen[role] > 1 else ''}:{number[target]}")
        lines.append(" ".join([f"E{index}\t{labels[link.trigger]}:{number[link.trigger]}", *arguments]))
        if link.modality in MODALITIES:
            attributes += 1
            lines.append(f"A{attributes}\tModality E{index} {link.modality}")
    return pic.text, "\n".join(lines) + "\n"


def brat_config(roles: dict[str, list[str]]) -> tuple[str, str]:
    """(``annotation.conf``, ``visual.conf``)."""
    from arextract.viz.colors import ENTITY_COLORS, RELATION_COLORS

    events = [
        f"{label}\t" + ", ".join([f"{role}*:<ENTITY>" for role in names] + [f"{DATE_ROLE}?:{TIME_LABEL}"])
        for label, names in roles.items()
    ]
    annotation = "\n".join(
        [
            "# arextract pre-annotations: mentions, times, and relations as events on their trigger.",
            "[entities]",
            *ENTITY_LABELS,
            TIME_LABEL,
            "",
            "[relations]",
            "# mentions may nest or share a span (البلدين is one mention of each of two countries)",
            "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
            "",
            "[events]",
            *events,
            "",
            "[attributes]",
            f"Modality\tArg:<EVENT>, Value:{'|'.join(MODALITIES)}",
            "",
        ]
    )
    colors = {**ENTITY_COLORS, TIME_LABEL: "#dddddd", **RELATION_COLORS}
    visual = "\n".join(
        [
            "[labels]",
            *colors,
            "",
            "[drawing]",
            *(f"{label}\tbgColor:{color}" for label, color in colors.items()),
            "",
        ]
    )
    return annotation, visual


# --------------------------------------------------------------------------------------------
# Export
# --------------------------------------------------------------------------------------------


def _name(doc: Document, number: int) -> str:
    """A file-safe, unique name: the position, then the source's file stem when known."""
    stem = Path((doc.source or "").split("#")[0]).stem if doc.source else ""
    stem = _BRAT_SAFE_RE.sub("_", stem).strip("_")
    return f"{number:05d}_{stem}" if stem else f"{number:05d}"


def _write(path: Path, content: str) -> None:
    """Write whole or not at all, as bytes so the text's own line breaks stay (brat offsets)."""
    atomic_write(path, lambda handle: handle.write(content.encode("utf-8")))


def export(kind: str, documents: Path, out_dir: Path) -> list[Path]:
    """Write ``documents`` (a documents.jsonl or the folder holding it) as ``kind`` pre-annotations
    to ``out_dir``; returns the files written."""
    if kind not in EXPORT_KINDS:
        raise InputError(f"unknown export kind {kind!r}; choose one of {', '.join(EXPORT_KINDS)}")
    docs = list(read_documents(documents))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    roles = relation_roles(docs)
    written: list[Path] = []
    if kind == "labelstudio":
        tasks = json.dumps(labelstudio_tasks(docs), ensure_ascii=False, indent=1)
        for name, content in (("tasks.json", tasks + "\n"), ("label_config.xml", labelstudio_config(roles))):
            _write(out_dir / name, content)
            written.append(out_dir / name)
        return written
    for number, doc in enumerate(docs, 1):
        name = _name(doc, number)
        text, ann = brat_files(doc, name)
        for suffix, content in ((".txt", text), (".ann", ann)):
            _write(out_dir / f"{name}{suffix}", content)
            written.append(out_dir / f"{name}{suffix}")
    annotation, visual = brat_config(roles)
    for name, content in (("annotation.conf", annotation), ("visual.conf", visual)):
        _write(out_dir / name, content)
        written.append(out_dir / name)
    return written


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m arextract export",
        description="Write arextract's output as pre-annotations for Label Studio or brat. Correct them "
        "there, then score against the corrected export: python -m arextract.evaluate relations "
        "EXPORT.json|BRAT_DIR (or ... evaluate ner).",
    )
    parser.add_argument("kind", choices=EXPORT_KINDS)
    parser.add_argument(
        "documents",
        metavar="DOCUMENTS",
        help="a documents.jsonl written by python -m arextract (or its OUTDIR)",
    )
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write to")
    args = parser.parse_args(argv)
    try:
        written = export(args.kind, Path(args.documents), Path(args.output))
    except ArextractError as error:
        parser.exit(2, f"error: {error}\n")
    print(f"{args.output}: {len(written)} files ({args.kind})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
