"""Scoring relations against gold (:mod:`arextract.evaluation.gold`, corrected annotations).

A system relation matches a gold one when the type is the same and the arguments are the
same multiset of (role, entity), an entity matching a gold name when the folded name equals
the mention's canonical name or one of its aliases; events and initiatives may also contain
one another (gold names an event by its shortest full phrase), and people match by the
linker's transliteration-aware similarity or as a three-word prefix of a longer full name.
Matching is one to one; among candidates the one with the same trigger word wins, then
document order. Dates are compared
on matched pairs only. Gold is annotated per trigger, so two statements by the same speaker
are two relations; ROLE is one per (person, title), so system ROLEs are deduplicated the
same way before scoring.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from arextract.evaluation.annotations import gold_documents
from arextract.evaluation.gold import Extract, GoldDocument, GoldRelation, extract_gold_text
from arextract.link import PERSON_THRESHOLD, name_similarity
from arextract.schema import Document, Entity, EntityType, Relation, RelationType, time_text
from arextract.text.normalize import fold

_PUNCT_RE = regex.compile(r"[\p{P}\p{S}]+")
_CONTAINMENT_TYPES = (EntityType.EVENT, EntityType.INITIATIVE)


def name_key(name: str) -> str:
    """A name as compared: folded, without punctuation, article-insensitive word by word."""
    words = _PUNCT_RE.sub(" ", fold(name)).split()
    return " ".join(word.removeprefix("ال") if len(word) > 4 else word for word in words)


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    matched: int = 0
    dated_right: int = 0
    dated_gold: int = 0  # matched pairs whose gold has a date
    dated_gold_right: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.system += other.system
        self.matched += other.matched
        self.dated_right += other.dated_right
        self.dated_gold += other.dated_gold
        self.dated_gold_right += other.dated_gold_right

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.dated_right / self.matched if self.matched else 0.0

    @property
    def dated_accuracy(self) -> float:
        """Of the matched relations that gold dates, the share with the right date."""
        return self.dated_gold_right / self.dated_gold if self.dated_gold else 0.0


@dataclass
class EntityCounts:
    """Named-entity recall against real-news gold: a gold entity is found when a system
    entity matches its name (as relation arguments do) with the same type, or any type."""

    gold: int = 0
    found: int = 0
    found_any_type: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0


@dataclass
class Report:
    total: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong_dates: list[str] = field(default_factory=list)
    entities: EntityCounts = field(default_factory=EntityCounts)
    missed_entities: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        def row(c: Counts) -> dict[str, float | int]:
            return {
                "gold": c.gold,
                "system": c.system,
                "matched": c.matched,
                "precision": round(c.precision, 4),
                "recall": round(c.recall, 4),
                "f1": round(c.f1, 4),
                "date_accuracy": round(c.date_accuracy, 4),
                "dated_gold": c.dated_gold,
                "dated_accuracy": round(c.dated_accuracy, 4),
            }

        entities = {
            "gold": self.entities.gold,
            "found": self.entities.found,
            "found_any_type": self.entities.found_any_type,
            "recall": round(self.entities.recall, 4),
        }
        return {
            "total": row(self.total),
            "by_type": {k: row(v) for k, v in sorted(self.by_type.items())},
            "entities": entities,
        }


def system_date(relation: Relation) -> str | None:
    return None if relation.date is None else time_text(relation.date.value)


def _entity_names(entity: Entity) -> set[str]:
    return {name_key(entity.canonical), name_key(entity.text), *(name_key(a) for a in entity.aliases)}


def _name_matches(gold_name: str, entity: Entity) -> bool:
    key = name_key(gold_name)
    names = _entity_names(entity)
    if key in names:
        return True
    if entity.type in _CONTAINMENT_TYPES:
        return any(key in name or name in key for name in names if name)
    if entity.type == EntityType.PERSON:
        # the same person under a longer or differently transliterated name
        # (محمد بن سلمان / محمد بن سلمان بن عبدالعزيز آل سعود)
        candidates = [entity.canonical, *entity.aliases]
        return any(name_similarity(gold_name, name) >= PERSON_THRESHOLD for name in candidates) or any(
            _is_name_prefix(name, gold_name) for name in candidates
        )
    return False


def _is_name_prefix(short: str, full: str) -> bool:
    """ "محمد بن سلمان" names the same person as "محمد بن سلمان بن عبدالعزيز آل سعود"."""
    short_words, full_words = name_key(short).split(), name_key(full).split()
    return len(short_words) >= 3 and full_words[: len(short_words)] == short_words


def _arguments_match(gold: GoldRelation, relation: Relation, entities: dict[str, Entity]) -> bool:
    if len(gold.arguments) != len(relation.arguments):
        return False
    remaining = list(relation.arguments)
    for role, name in gold.arguments:
        for argument in remaining:
            entity = entities.get(argument.entity_id)
            if argument.role == role and entity is not None and _name_matches(name, entity):
                remaining.remove(argument)
                break
        else:
            return False
    return True


def _dedupe_roles(relations: Sequence[Relation], entities: dict[str, Entity]) -> list[Relation]:
    seen: set[tuple[str, ...]] = set()
    out = []
    for relation in relations:
        if relation.type == RelationType.ROLE:
            key = tuple(
                sorted(
                    f"{a.role}={entities[a.entity_id].canonical}"
                    for a in relation.arguments
                    if a.entity_id in entities
                )
            )
            if key in seen:
                continue
            seen.add(key)
        out.append(relation)
    return out


def score_document(gold: GoldDocument, doc: Document, report: Report) -> None:
    entities = {entity.id: entity for entity in doc.entities}
    system = _dedupe_roles(doc.relations, entities)
    unmatched = list(system)
    label = gold.path.name
    for relation_type in {g.type for g in gold.relations} | {r.type for r in system}:
        counts = report.by_type[relation_type.value]
        golds = [g for g in gold.relations if g.type == relation_type]
        counts.gold += len(golds)
        counts.system += sum(1 for r in system if r.type == relation_type)
    # Two passes: a system relation with the gold's own trigger word first, then the nearest.
    pairs: list[tuple[GoldRelation, Relation]] = []
    pending = sorted(gold.relations, key=lambda g: g.position)
    for same_trigger in (True, False):
        still_pending = []
        for gold_relation in pending:
            candidates = [
                r
                for r in unmatched
                if r.type == gold_relation.type
                and _arguments_match(gold_relation, r, entities)
                and (not same_trigger or fold(r.trigger.text) == fold(gold_relation.trigger))
            ]
            if not candidates:
                still_pending.append(gold_relation)
                continue
            best = min(candidates, key=lambda r: abs(r.trigger.start - gold_relation.position))
            unmatched.remove(best)
            pairs.append((gold_relation, best))
        pending = still_pending
    report.misses += [f"{label}: {_describe_gold(g)}" for g in pending]
    for gold_relation, best in pairs:
        counts = report.by_type[gold_relation.type.value]
        counts.matched += 1
        right = system_date(best) == gold_relation.date
        counts.dated_right += right
        if gold_relation.date is not None:
            counts.dated_gold += 1
            counts.dated_gold_right += right
        if not right:
            report.wrong_dates.append(
                f"{label}: {_describe_gold(gold_relation)} system date {system_date(best)}"
            )
    for relation in unmatched:
        names = [f"{a.role}={entities[a.entity_id].canonical}" for a in relation.arguments]
        report.spurious.append(f"{label}: {relation.type.value} {names} «{relation.trigger.text}»")
    score_entities(gold, doc, report)


def score_entities(gold: GoldDocument, doc: Document, report: Report) -> None:
    for name, type_name in gold.entities:
        matching = [entity for entity in doc.entities if _name_matches(name, entity)]
        report.entities.gold += 1
        report.entities.found += any(entity.type.value == type_name for entity in matching)
        report.entities.found_any_type += bool(matching)
        if not any(entity.type.value == type_name for entity in matching):
            report.missed_entities.append(
                f"{gold.path.name}: {type_name} {name}"
                + (f" (found as {matching[0].type.value})" if matching else "")
            )


def _describe_gold(gold: GoldRelation) -> str:
    return f"{gold.type.value} {[f'{r}={n}' for r, n in gold.arguments]} «{gold.trigger}» date {gold.date}"


def evaluate(paths: Iterable[str | Path], extract: Extract) -> Report:
    """Score ``extract`` on every gold document of ``paths``: gold JSON files or folders of them
    (searched recursively), corrected Label Studio exports, brat folders, in any mix.

    Gold JSON files are scored on Documents dated by their datelines; a Label Studio task's
    ``doc_date`` (the date the exported Document had, given or from its dateline) is passed on.
    """
    report = Report()
    for gold, annotated in gold_documents(paths):
        score_document(gold, extract_gold_text(extract, gold, dated=annotated), report)
    for counts in report.by_type.values():
        report.total.add(counts)
    return report


def print_report(report: Report, verbose: bool = False) -> None:
    """A per-type table of precision, recall, F1 and date accuracy (rich)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="relations against gold")
    for column in ("type", "gold", "system", "matched", "P", "R", "F1", "date acc."):
        table.add_column(column, justify="left" if column == "type" else "right")
    rows = [*sorted(report.by_type.items()), ("ALL", report.total)]
    for name, counts in rows:
        table.add_row(
            name,
            str(counts.gold),
            str(counts.system),
            str(counts.matched),
            f"{counts.precision:.3f}",
            f"{counts.recall:.3f}",
            f"{counts.f1:.3f}",
            f"{counts.date_accuracy:.3f}",
        )
    console = Console()
    console.print(table)
    total = report.total
    if total.dated_gold:
        console.print(
            f"dated relations with the right date: {total.dated_gold_right}/{total.dated_gold} "
            f"= {total.dated_accuracy:.3f}"
        )
    if report.entities.gold:
        found = report.entities
        console.print(
            f"named entities found: {found.found}/{found.gold} = {found.recall:.3f} "
            f"(any type: {found.found_any_type})"
        )
    if verbose:
        for title, lines in (
            ("missed", report.misses),
            ("spurious", report.spurious),
            ("wrong date", report.wrong_dates),
            ("missed entities", report.missed_entities),
        ):
            console.print(f"[bold]{title} ({len(lines)})[/bold]")
            for line in lines:
                console.print("  " + line, markup=False)
