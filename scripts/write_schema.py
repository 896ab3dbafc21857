"""Regenerate docs/schema.json from the Document model: python scripts/write_schema.py"""

from pathlib import Path

from arextract.schema import document_json_schema

target = Path(__file__).resolve().parent.parent / "docs" / "schema.json"
target.write_text(document_json_schema(), encoding="utf-8")
print(f"wrote {target}")
