#!/usr/bin/env python
"""Build models/kb/countries.tsv from pycountry + hand overrides, and check the KB.

Usage:
    python scripts/build_countries_kb.py            # rebuild countries.tsv, then check
    python scripts/build_countries_kb.py --check    # only check every file in models/kb/

Sources:
  * pycountry (ISO 3166-1): iso2, iso3, English name, and the Arabic translation shipped
    in pycountry's gettext catalogue (locale "ar", domain "iso3166-1").
  * models/kb/countries_overrides.tsv: hand-curated news-style Arabic names, variants,
    nisba (demonym base) and capital for every country kept in the KB.  The rows of the
    overrides file define which countries are kept (193 UN members, 2 observer states,
    Taiwan, Kosovo, Western Sahara).

pycountry's Arabic name is added as a variant when it is a clean name (no comma,
parenthesis or Latin letters) and the overrides row does not set drop_pycountry_ar=1.
"""
from __future__ import annotations

import csv
import gettext
import re
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
KB = ROOT / "models" / "kb"
OVERRIDES = KB / "countries_overrides.tsv"
OUT = KB / "countries.tsv"

COUNTRY_COLUMNS = ["iso2", "iso3", "name_en", "name_ar", "variants", "nisba", "capital_ar"]

# The 193 UN member states (ISO 3166-1 alpha-2), used only to verify coverage.
UN_MEMBERS = [
    "AF", "AL", "DZ", "AD", "AO", "AG", "AR", "AM", "AU", "AT", "AZ", "BS", "BH", "BD", "BB", "BY",
    "BE", "BZ", "BJ", "BT", "BO", "BA", "BW", "BR", "BN", "BG", "BF", "BI", "CV", "KH", "CM", "CA",
    "CF", "TD", "CL", "CN", "CO", "KM", "CG", "CD", "CR", "CI", "HR", "CU", "CY", "CZ", "KP", "DK",
    "DJ", "DM", "DO", "EC", "EG", "SV", "GQ", "ER", "EE", "SZ", "ET", "FJ", "FI", "FR", "GA", "GM",
    "GE", "DE", "GH", "GR", "GD", "GT", "GN", "GW", "GY", "HT", "HN", "HU", "IS", "IN", "ID", "IR",
    "IQ", "IE", "IL", "IT", "JM", "JP", "JO", "KZ", "KE", "KI", "KW", "KG", "LA", "LV", "LB", "LS",
    "LR", "LY", "LI", "LT", "LU", "MG", "MW", "MY", "MV", "ML", "MT", "MH", "MR", "MU", "MX", "FM",
    "MD", "MC", "MN", "ME", "MA", "MZ", "MM", "NA", "NR", "NP", "NL", "NZ", "NI", "NE", "NG", "MK",
    "NO", "OM", "PK", "PW", "PA", "PG", "PY", "PE", "PH", "PL", "PT", "QA", "KR", "RO", "RU", "RW",
    "KN", "LC", "VC", "WS", "SM", "ST", "SA", "SN", "RS", "SC", "SL", "SG", "SK", "SI", "SB", "SO",
    "ZA", "SS", "ES", "LK", "SD", "SR", "SE", "CH", "SY", "TJ", "TZ", "TH", "TL", "TG", "TO", "TT",
    "TN", "TR", "TM", "TV", "UG", "UA", "AE", "GB", "US", "UY", "UZ", "VU", "VE", "VN", "YE", "ZM",
    "ZW",
]
UN_OBSERVERS = ["PS", "VA"]
OTHER_KEPT = ["TW", "XK", "EH"]
# Codes valid in the KB although pycountry does not know them (user-assigned codes).
EXTRA_ISO2 = {"XK"}

TASHKEEL = re.compile("[\u064B-\u0652\u0670\u0640]")  # harakat, shadda, sukun, dagger alef, tatweel
LATIN = re.compile("[A-Za-z\u00C0-\u024F]")
ARABIC = re.compile("[\u0600-\u06FF]")
# Characters allowed in Arabic cells: Arabic letters (no Persian/Urdu letters, no harakat),
# tatweel (as in "الـ20"), digits, space, '-', '+', '.', Arabic comma, and '|' as separator.
ARABIC_CELL = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u0640 0-9\-+.\u060C|]*$")


def read_tsv(path: Path) -> tuple[list[str], list[list[str]]]:
    """Read a KB TSV: '#' comment lines only at the top, then header, then rows."""
    rows: list[list[str]] = []
    header: list[str] | None = None
    with path.open(encoding="utf-8", newline="") as fh:
        lines = fh.read().split("\n")
    body_started = False
    for lineno, line in enumerate(lines, 1):
        if line == "" and lineno == len(lines):
            break
        if line.startswith("#"):
            if body_started:
                raise ValueError(f"{path.name}:{lineno}: comment line after the header")
            continue
        body_started = True
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = cells
        else:
            rows.append(cells)
    if header is None:
        raise ValueError(f"{path.name}: no header row")
    return header, rows


def split(cell: str) -> list[str]:
    return [v for v in cell.split("|") if v]


def uniq(values, exclude=()) -> list[str]:
    seen = set(exclude)
    out = []
    for v in values:
        v = " ".join(v.split())
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return out


def clean_pycountry_ar(name: str) -> str | None:
    name = TASHKEEL.sub("", name)
    name = re.sub(r" و ", " و", name)  # "البوسنة و الهرسك" -> "البوسنة والهرسك"
    name = " ".join(name.split())
    if "،" in name or "," in name or "(" in name or LATIN.search(name) or not ARABIC.search(name):
        return None
    return name


def build() -> None:
    ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    header, rows = read_tsv(OVERRIDES)
    col = {h: i for i, h in enumerate(header)}
    out_rows = []
    for r in rows:
        def get(key: str, row: list[str] = r) -> str:
            return row[col[key]].strip() if col[key] < len(row) else ""

        iso2 = get("iso2")
        c = pycountry.countries.get(alpha_2=iso2)
        if c is None and iso2 not in EXTRA_ISO2:
            raise SystemExit(f"unknown iso2 {iso2!r} (not in pycountry and not in EXTRA_ISO2)")
        iso3 = get("iso3") or (c.alpha_3 if c else "")
        name_en = get("name_en") or (getattr(c, "common_name", None) or c.name if c else "")
        if not iso3 or not name_en:
            raise SystemExit(f"{iso2}: iso3/name_en missing and not derivable from pycountry")
        name_ar = get("name_ar")
        variants = split(get("variants"))
        if c is not None and get("drop_pycountry_ar") != "1":
            py_ar = clean_pycountry_ar(ar.gettext(c.name))
            if py_ar:
                variants.append(py_ar)
        variants = uniq(variants, exclude=[name_ar])
        nisba = uniq(split(get("nisba")))
        capital = get("capital_ar")
        out_rows.append([iso2, iso3, name_en, name_ar, "|".join(variants), "|".join(nisba), capital])
    out_rows.sort(key=lambda x: x[0])
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Countries (193 UN members + Palestine, Holy See + Taiwan, Kosovo, Western Sahara).\n")
        fh.write("# GENERATED by scripts/build_countries_kb.py from pycountry + countries_overrides.tsv;"
                 " edit the overrides, not this file.\n")
        w = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        w.writerow(COUNTRY_COLUMNS)
        w.writerows(out_rows)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(out_rows)} rows")


# --------------------------------------------------------------------------- checks

SPECS = {
    "countries.tsv": COUNTRY_COLUMNS,
    "countries_overrides.tsv": ["iso2", "iso3", "name_en", "name_ar", "variants", "nisba",
                                "capital_ar", "drop_pycountry_ar"],
    "cities.tsv": ["name_ar", "variants", "name_en", "country_iso2", "capital"],
    "regions.tsv": ["name_ar", "variants", "name_en", "kind"],
    "organizations.tsv": ["name_ar", "variants", "name_en", "subtype", "abbrev_en"],
    "initiatives.tsv": ["name_ar", "variants", "name_en"],
    "people.tsv": ["name_ar", "variants", "name_en", "country_iso2", "title_ar", "wikidata"],
}
REGION_KINDS = {"continent", "region", "subregion"}
ORG_SUBTYPES = {"intergovernmental", "government", "media", "company", "ngo", "party",
                "military", "educational", "sports"}


def check() -> int:
    errors: list[str] = []
    warnings: list[str] = []
    data: dict[str, list[dict[str, str]]] = {}
    for fname, cols in SPECS.items():
        path = KB / fname
        if not path.exists():
            errors.append(f"{fname}: missing")
            continue
        try:
            header, rows = read_tsv(path)
        except ValueError as e:
            errors.append(str(e))
            continue
        if header != cols:
            errors.append(f"{fname}: header {header} != {cols}")
            continue
        recs = []
        for i, r in enumerate(rows, 2):
            if len(r) != len(cols):
                errors.append(f"{fname}: row {i} has {len(r)} columns, expected {len(cols)}: {r[:2]}")
                continue
            rec = dict(zip(cols, r, strict=True))
            for k, v in rec.items():
                if v != v.strip() or "  " in v or "||" in v or v.startswith("|") or v.endswith("|"):
                    errors.append(f"{fname}: row {i} column {k}: stray whitespace or empty value: {v!r}")
            if not rec["name_ar"]:
                errors.append(f"{fname}: row {i}: empty name_ar")
            for k in ("name_ar", "variants", "nisba", "capital_ar", "title_ar"):
                if k in rec and rec[k] and LATIN.search(rec[k]):
                    errors.append(f"{fname}: row {i} column {k}: Latin letters in Arabic cell: {rec[k]}")
                if k in rec and rec[k] and not ARABIC_CELL.match(rec[k]):
                    errors.append(f"{fname}: row {i} column {k}: unexpected characters "
                                  f"(tashkeel, Persian letters, punctuation?): {rec[k]}")
            if "variants" in rec:
                vs = split(rec["variants"])
                if rec["name_ar"] in vs:
                    errors.append(f"{fname}: row {i}: variant identical to name_ar {rec['name_ar']}")
                if len(vs) != len(set(vs)):
                    errors.append(f"{fname}: row {i}: duplicate variants in {rec['name_ar']}")
            recs.append(rec)
        data[fname] = recs
        # duplicate rows
        if fname.startswith("countries"):
            keys = [r["iso2"] for r in recs]
        elif fname in ("cities.tsv", "people.tsv"):
            keys = [(r["name_ar"], r["country_iso2"]) for r in recs]
        else:
            keys = [r["name_ar"] for r in recs]
        dup = {k for k in keys if keys.count(k) > 1}
        if dup:
            errors.append(f"{fname}: duplicate rows for {sorted(map(str, dup))}")

    def valid_iso2(code: str) -> bool:
        return code in EXTRA_ISO2 or pycountry.countries.get(alpha_2=code) is not None

    countries = data.get("countries.tsv", [])
    iso_set = {r["iso2"] for r in countries}
    for r in countries:
        if not valid_iso2(r["iso2"]):
            errors.append(f"countries.tsv: invalid iso2 {r['iso2']}")
        if not r["capital_ar"]:
            errors.append(f"countries.tsv: {r['iso2']} has no capital_ar")
    missing = [c for c in UN_MEMBERS + UN_OBSERVERS + OTHER_KEPT if c not in iso_set]
    if len(set(UN_MEMBERS)) != 193:
        errors.append(f"UN_MEMBERS list has {len(set(UN_MEMBERS))} codes, expected 193")
    if missing:
        errors.append(f"countries.tsv: missing {missing}")
    extra = iso_set - set(UN_MEMBERS + UN_OBSERVERS + OTHER_KEPT)
    if extra:
        warnings.append(f"countries.tsv: rows beyond UN members/observers/others: {sorted(extra)}")

    cities = data.get("cities.tsv", [])
    city_names: dict[tuple[str, str], dict] = {}
    for r in cities:
        if not valid_iso2(r["country_iso2"]):
            errors.append(f"cities.tsv: invalid country_iso2 {r['country_iso2']} for {r['name_ar']}")
        if r["capital"] not in ("0", "1"):
            errors.append(f"cities.tsv: capital must be 0/1 for {r['name_ar']}")
        city_names[(r["name_ar"], r["country_iso2"])] = r
    for r in countries:
        cap = city_names.get((r["capital_ar"], r["iso2"]))
        if cap is None:
            # a capital claimed by two states (Jerusalem) lives under one country code
            cap = next((c for (n, _), c in city_names.items() if n == r["capital_ar"]), None)
            if cap is not None:
                warnings.append(
                    f"{r['iso2']}: capital {r['capital_ar']} is listed under {cap['country_iso2']}"
                )
        if cap is None:
            errors.append(f"{r['iso2']}: capital {r['capital_ar']} not in cities.tsv")
        elif cap["capital"] != "1":
            errors.append(f"{r['iso2']}: capital {r['capital_ar']} has capital=0 in cities.tsv")
    for r in cities:
        if r["capital"] == "1" and not any(c["capital_ar"] == r["name_ar"] for c in countries):
            errors.append(f"cities.tsv: {r['name_ar']} marked capital but no country has it as capital_ar")

    for r in data.get("regions.tsv", []):
        if r["kind"] not in REGION_KINDS:
            errors.append(f"regions.tsv: bad kind {r['kind']} for {r['name_ar']}")
    for r in data.get("organizations.tsv", []):
        if r["subtype"] not in ORG_SUBTYPES:
            errors.append(f"organizations.tsv: bad subtype {r['subtype']} for {r['name_ar']}")
    for r in data.get("people.tsv", []):
        if r["country_iso2"] and not valid_iso2(r["country_iso2"]):
            errors.append(f"people.tsv: invalid country_iso2 {r['country_iso2']} for {r['name_ar']}")
        if r["wikidata"]:
            errors.append(f"people.tsv: wikidata must stay empty ({r['name_ar']})")

    # Same surface form used for two different entities (informational).
    owners: dict[str, set[str]] = {}
    for fname, recs in data.items():
        if fname == "countries_overrides.tsv":
            continue
        for r in recs:
            ident = f"{fname.split('.')[0]}:{r.get('iso2') or r.get('name_en')}"
            if r.get("country_iso2"):
                ident += f"/{r['country_iso2']}"
            for s in [r["name_ar"]] + split(r.get("variants", "")):
                owners.setdefault(s, set()).add(ident)
    shared = {s: o for s, o in owners.items() if len(o) > 1}

    for w in warnings:
        print("WARN", w)
    if shared:
        print(f"INFO {len(shared)} surface forms shared by several entities (resolved by the code):")
        for s, o in sorted(shared.items()):
            print("   ", s, "->", ", ".join(sorted(o)))
    for e in errors:
        print("ERROR", e)
    for fname, recs in data.items():
        print(f"{fname}: {len(recs)} rows")
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    if "--check" not in sys.argv[1:]:
        build()
    sys.exit(check())
