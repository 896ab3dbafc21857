"""One body under two names in one article: its name with a generic head noun (النادي الأهلي،
نادي الزمالك، شركة أرامكو) and without it (الأهلي، الزمالك، أرامكو). Bodies the knowledge base
knows are linked by their names already; this joins the others, named by the fuller form."""

from __future__ import annotations

from arextract.link.state import DocumentState, Target
from arextract.schema import EntityType
from arextract.text.normalize import fold


def _unknown_body(target: Target) -> bool:
    return target.type is EntityType.ORGANIZATION and target.kb_id is None and not target.kb_names


def merge_headed_names(state: DocumentState, heads: frozenset[str]) -> None:
    """Point the mentions of a body's bare name to its headed name when the article has exactly
    one headed name for it (الأهلي with النادي الأهلي and البنك الأهلي stays apart)."""
    by_name: dict[str, list[str]] = {}
    for key, target in state.targets.items():
        if _unknown_body(target):
            by_name.setdefault(fold(target.canonical), []).append(key)
    headed: dict[str, set[str]] = {}  # bare name's target -> targets of its headed names
    for key, target in state.targets.items():
        words = fold(target.canonical).split(" ")
        if not _unknown_body(target) or len(words) < 2 or words[0] not in heads:
            continue
        for bare in by_name.get(" ".join(words[1:]), []):
            headed.setdefault(bare, set()).add(key)
    for bare, fuller in headed.items():
        if len(fuller) != 1:
            continue
        (full,) = fuller
        for mention in state.mentions:
            if mention.target == bare:
                mention.target = full
