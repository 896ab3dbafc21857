"""The knowledge files under ``models/kb/``: countries, cities, regions, organisations,
initiatives and people, with every Arabic name they go by.

The files are tab-separated with a header row; ``|`` separates the values of one cell; lines
starting with ``#`` before the header are comments. ``models/kb/SOURCES.md`` says where each
file comes from. Nothing here invents an identifier: countries carry their ISO 3166-1
alpha-2 code, everything else carries only what its file states.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from arextract.errors import ResourceError
from arextract.resources import models_dir
from arextract.schema import EntityType
from arextract.text.normalize import fold

# The one nisba (demonym) rule: countries.tsv gives the masculine singular (صيني); its other
# forms add these endings, and each form also comes with the article (الصينية). The singular
# (masculine, feminine) comes first: the NER tagger's gazetteer lists only those two
# (arextract.training.lexicons), the linker every form.
NISBA_SINGULAR = ("", "ة")
NISBA_ENDINGS = (*NISBA_SINGULAR, "ون", "ين", "ان", "تان", "تين", "ات")


@dataclass(frozen=True)
class KBEntry:
    """One real-world entity the knowledge files know."""

    key: str  # stable internal key, e.g. "country:CN"
    type: EntityType
    canonical: str  # the Arabic name used in news
    name_en: str | None  # the file's English name; None where it gives none (never guessed)
    names: tuple[str, ...]  # every Arabic name and variant (surface forms)
    subtype: str | None = None
    kb_id: str | None = None
    country: str | None = None  # ISO alpha-2 of the country it belongs to, when known
    nisba: tuple[str, ...] = field(default=())  # demonym forms (folded), countries only
    nisba_bases: tuple[str, ...] = ()  # the masculine singular demonyms as the file writes them
    title: str | None = None  # people: their office, as the file gives it


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a knowledge TSV as dicts; comment lines before the header are skipped."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            lines = (line for line in handle if not line.startswith("#") and line.strip())
            reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
            for row in reader:
                yield {key: (value or "").strip() for key, value in row.items() if key}
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ResourceError(f"cannot read knowledge file {path}: {type(error).__name__}: {error}") from error


def _split(cell: str) -> list[str]:
    return [value.strip() for value in cell.split("|") if value.strip()]


def nisba_forms(base: str, endings: Sequence[str] = NISBA_ENDINGS, article: bool = True) -> list[str]:
    """The forms of a masculine singular nisba, as written (not folded): صيني -> صيني، صينية،
    صينيون... then الصيني، الصينية... (``article=False``: without the article forms)."""
    words = base.split()
    # كوري جنوبي: every word of a multi-word nisba agrees (الكورية الجنوبية، الكوريين الجنوبيين)
    parts = words if len(words) > 1 and all(word.endswith("ي") for word in words) else [base]
    forms = [" ".join(part + ending for part in parts) for ending in endings]
    with_article = [" ".join("ال" + part + ending for part in parts) for ending in endings]
    return forms + with_article if article else forms


class KnowledgeBase:
    """All entries of the knowledge files, loaded once."""

    def __init__(self, entries: list[KBEntry], ambiguous: frozenset[str]) -> None:
        self.entries = entries
        # Names too common as ordinary words to match on their own (مالي "financial").
        self.ambiguous = ambiguous

    @cached_property
    def countries_by_nisba(self) -> dict[str, KBEntry]:
        """Folded nisba form -> its country (الصيني، الأمريكية), the first country listing it:
        the one table the linker and the relation stage read a nationality adjective by."""
        countries: dict[str, KBEntry] = {}
        for entry in self.entries:
            if entry.type is EntityType.COUNTRY and entry.kb_id:
                for form in entry.nisba:
                    countries.setdefault(form, entry)
        return countries

    @classmethod
    def load(cls, directory: Path | None = None) -> KnowledgeBase:
        root = directory or models_dir() / "kb"
        if not root.is_dir():
            raise ResourceError(f"knowledge directory not found: {root}")
        entries: list[KBEntry] = []
        loaders = {
            "countries.tsv": _countries,
            "cities.tsv": _cities,
            "regions.tsv": _regions,
            "organizations.tsv": _organizations,
            "initiatives.tsv": _named("initiative", EntityType.INITIATIVE),
            "events.tsv": _named("event", EntityType.EVENT),
            "people.tsv": _people,
        }
        for filename, loader in loaders.items():
            path = root / filename
            if path.exists():
                try:
                    entries.extend(loader(read_tsv(path)))
                except (KeyError, ValueError, AttributeError) as error:  # a missing column...
                    raise ResourceError(
                        f"malformed knowledge file {path}: {type(error).__name__}: {error}"
                    ) from error
        ambiguous_path = root / "ambiguous.txt"
        ambiguous: set[str] = set()
        if ambiguous_path.exists():
            try:
                lines = ambiguous_path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as error:
                raise ResourceError(f"cannot read knowledge file {ambiguous_path}: {error}") from error
            for line in lines:
                if line.strip() and not line.startswith("#"):
                    ambiguous.add(fold(line.split("#")[0].strip()))
        return cls(entries, frozenset(ambiguous))


@lru_cache(maxsize=4)
def load_kb(directory: str | None = None) -> KnowledgeBase:
    """The knowledge base, loaded once per process and directory."""
    return KnowledgeBase.load(Path(directory) if directory else None)


def _names(row: dict[str, str], *columns: str) -> tuple[str, ...]:
    names: list[str] = []
    for column in columns:
        names.extend(_split(row.get(column, "")))
    return tuple(dict.fromkeys(names))


def _english(row: dict[str, str]) -> str | None:
    """The row's English name, when its file has a ``name_en`` column and the cell is filled."""
    return row.get("name_en") or None


def _countries(rows: Iterator[dict[str, str]]) -> Iterator[KBEntry]:
    for row in rows:
        iso2 = row["iso2"].upper()
        bases = tuple(_split(row.get("nisba", "")))
        nisba = tuple(fold(form) for base in bases for form in nisba_forms(base))
        yield KBEntry(
            key=f"country:{iso2}",
            type=EntityType.COUNTRY,
            canonical=row["name_ar"],
            name_en=_english(row),
            names=_names(row, "name_ar", "variants"),
            kb_id=iso2,
            country=iso2,
            nisba=tuple(dict.fromkeys(nisba)),
            nisba_bases=bases,
        )


def _cities(rows: Iterator[dict[str, str]]) -> Iterator[KBEntry]:
    for row in rows:
        country = row.get("country_iso2", "").upper() or None
        yield KBEntry(
            key=f"city:{row['name_en'] or row['name_ar']}:{country}",
            type=EntityType.CITY,
            subtype="capital" if row.get("capital") == "1" else None,
            canonical=row["name_ar"],
            name_en=_english(row),
            names=_names(row, "name_ar", "variants"),
            country=country,
        )


def _regions(rows: Iterator[dict[str, str]]) -> Iterator[KBEntry]:
    for row in rows:
        yield KBEntry(
            key=f"region:{row['name_en'] or row['name_ar']}",
            type=EntityType.REGION,
            subtype=row.get("kind") or None,
            canonical=row["name_ar"],
            name_en=_english(row),
            names=_names(row, "name_ar", "variants"),
        )


def _organizations(rows: Iterator[dict[str, str]]) -> Iterator[KBEntry]:
    for row in rows:
        yield KBEntry(
            key=f"org:{row['name_en'] or row['name_ar']}",
            type=EntityType.ORGANIZATION,
            subtype=row.get("subtype") or None,
            canonical=row["name_ar"],
            name_en=_english(row),
            names=_names(row, "name_ar", "variants"),
            # a body with an adjective of its own (أممي: المبعوث الأممي is the UN's envoy)
            nisba=tuple(
                dict.fromkeys(
                    fold(form) for base in _split(row.get("nisba") or "") for form in nisba_forms(base)
                )
            ),
        )


def _named(prefix: str, entity_type: EntityType) -> Callable[[Iterator[dict[str, str]]], Iterator[KBEntry]]:
    """The loader of a file of names only (initiatives, events): canonical name, variants and
    the English name, keyed ``prefix:English name``."""

    def load(rows: Iterator[dict[str, str]]) -> Iterator[KBEntry]:
        for row in rows:
            yield KBEntry(
                key=f"{prefix}:{row['name_en'] or row['name_ar']}",
                type=entity_type,
                canonical=row["name_ar"],
                name_en=_english(row),
                names=_names(row, "name_ar", "variants"),
            )

    return load


def _people(rows: Iterator[dict[str, str]]) -> Iterator[KBEntry]:
    for row in rows:
        country = row.get("country_iso2", "").upper() or None
        yield KBEntry(
            key=f"person:{row['name_en'] or row['name_ar']}",
            type=EntityType.PERSON,
            subtype="politician" if row.get("title_ar") else None,
            canonical=row["name_ar"],
            name_en=_english(row),
            names=_names(row, "name_ar", "variants"),
            kb_id=row.get("wikidata") or None,
            country=country,
            title=row.get("title_ar") or None,
        )
