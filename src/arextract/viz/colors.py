"""Colours and names of entity and relation types, shared by every view (HTML, plots) and by the
annotation exports (Label Studio, brat), so a PERSON looks the same everywhere."""

from __future__ import annotations

ENTITY_COLORS: dict[str, str] = {
    "PERSON": "#ffcf99",
    "COUNTRY": "#a8c8ff",
    "CITY": "#9fe8f0",
    "REGION": "#bfeab0",
    "ORGANIZATION": "#f7b8f0",
    "INITIATIVE": "#f5ec8a",
    "EVENT": "#d2c4f7",
    "MISC": "#dddddd",
}
# Darker shades of the same hues, for borders, nodes' outlines and plot markers.
ENTITY_DARK: dict[str, str] = {
    "PERSON": "#d9822b",
    "COUNTRY": "#3f73c9",
    "CITY": "#1c9aa8",
    "REGION": "#4f9a3a",
    "ORGANIZATION": "#b341a5",
    "INITIATIVE": "#a99a10",
    "EVENT": "#6f52c4",
    "MISC": "#777777",
}
ENTITY_ARABIC: dict[str, str] = {
    "PERSON": "شخص",
    "COUNTRY": "دولة",
    "CITY": "مدينة",
    "REGION": "منطقة",
    "ORGANIZATION": "منظمة",
    "INITIATIVE": "مبادرة",
    "EVENT": "حدث",
    "MISC": "أخرى",
}
TIME_KIND = "TIME"
TIME_COLOR = "#555555"
RELATION_COLORS: dict[str, str] = {
    "MEETING": "#1f77b4",
    "PHONE_CALL": "#17becf",
    "VISIT": "#2ca02c",
    "ATTENDANCE": "#8c564b",
    "CHAIR": "#9467bd",
    "ROLE": "#7f7f7f",
    "PROPOSAL": "#bcbd22",
    "SUPPORT": "#d62728",
    "AGREEMENT": "#ff7f0e",
    "STATEMENT": "#e377c2",
}
